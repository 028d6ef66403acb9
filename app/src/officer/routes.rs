//! The officer's list operations: bulk assignment (`POST /officer/assign`) and the queue as CSV
//! (`GET /officer/export.csv`).
//!
//! Policy: only cases of units where the officer holds `handle-cases` (assign) or `export-cases`
//! (export) are touched; the export is recorded in the audit trail before it is made, with the
//! filter used, and holds names but never personnummer or answers.

use crate::context::RequestContext;
use crate::error::AppError;
use crate::officer::server::{queue_filter, unit_officers, units_of};
use crate::officer::view::QueueFilters;
use crate::web::{audited, see_other, FormState};
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use stadsporten_domain::access::Permission;
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::csv::{CsvFile, Style};
use stadsporten_domain::ids::{CaseId, UserId};
use std::sync::Arc;

async fn deny(s: &FormState, ctx: &RequestContext, permission: Permission) -> Response {
    if ctx.viewer.is_none() {
        return s.pages.error(ctx, AppError::Unauthorized).await;
    }
    let entry = crate::auth::entry(
        ctx,
        AuditAction::AccessDenied,
        "feature",
        None,
        Outcome::Denied,
        None,
        Some(permission.slug().into()),
    );
    // The request is refused either way; an untraced refusal is an operational alarm.
    if let Err(e) = s.store.append_audit(&entry).await {
        tracing::error!(error = %e, "could not audit a refusal");
    }
    s.pages.error(ctx, AppError::Forbidden).await
}

/// `POST /officer/assign`: `case` (repeated), `to` = `me`, `nobody` or a colleague's user id.
pub async fn bulk_assign(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let Some(viewer) = ctx.viewer.clone() else { return deny(&s, &ctx, Permission::HandleCases).await };
    let units = units_of(&viewer, Permission::HandleCases);
    if units.is_empty() {
        return deny(&s, &ctx, Permission::HandleCases).await;
    }
    let ids: Vec<CaseId> = pairs.iter().filter(|(k, _)| k == "case").filter_map(|(_, v)| v.parse().ok()).collect();
    let to = pairs.iter().find(|(k, _)| k == "to").map(|(_, v)| v.as_str()).unwrap_or("me");
    let now = s.clock.now();
    let assignee = match to {
        "me" => Some(viewer.user_id),
        "nobody" => None,
        id => {
            let Ok(id) = id.parse::<UserId>() else { return s.pages.error(&ctx, AppError::BadArguments).await };
            let mut known = false;
            for u in &units {
                known |=
                    unit_officers(&s.store, u, now).await.unwrap_or_default().iter().any(|o| o.value == id.to_string());
            }
            if !known {
                return s.pages.error(&ctx, AppError::BadArguments).await;
            }
            Some(id)
        }
    };
    // One entry per case that changed, written with the change.
    let store =
        audited(&s.store, &ctx, AuditAction::Update, "case", None, "case-officer", Some(format!("assign {to}")));
    let changed = match store.assign_cases(&ids, &units, assignee, viewer.user_id, now).await {
        Ok(c) => c,
        Err(e) => {
            return s.pages.error(&ctx, AppError::from_storage(e, "bulk assignment failed")).await;
        }
    };
    let back = pairs.iter().find(|(k, _)| k == "back").map(|(_, v)| v.clone()).unwrap_or_default();
    let back: String = back.chars().filter(|c| c.is_ascii_alphanumeric() || "=&-_%.+".contains(*c)).collect();
    let sep = if back.is_empty() { "" } else { "&" };
    see_other(&format!("/officer?{back}{sep}assigned={}", changed.len()))
}

/// `GET /officer/export.csv?…` with the queue's filters.
pub async fn export_csv(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(viewer) = ctx.viewer.clone() else { return deny(&s, &ctx, Permission::ExportCases).await };
    let units = units_of(&viewer, Permission::ExportCases);
    if units.is_empty() {
        return deny(&s, &ctx, Permission::ExportCases).await;
    }
    let query = query.unwrap_or_default();
    let Ok(pairs) = stadsporten_domain::catalogue::decode_query_string(&query) else {
        return s.pages.error(&ctx, AppError::BadArguments).await;
    };
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).filter(|v| !v.is_empty());
    let filters = QueueFilters {
        service: get("service"),
        status: get("status"),
        standing: get("standing"),
        assignee: get("assignee"),
        sort: get("sort"),
    };
    let Ok(filter) = queue_filter(&filters, &units, viewer.user_id) else {
        return s.pages.error(&ctx, AppError::BadArguments).await;
    };
    let now = s.clock.now();
    let rows = match s.store.queue(&filter, now, 100_000).await {
        Ok(r) => r,
        Err(e) => {
            return s.pages.error(&ctx, AppError::from_storage(e, "case export")).await;
        }
    };
    // Confidentiality 3 among the rows: the export needs a stated reason, kept with its entry.
    let reason: String = get("reason").map(|r| r.trim().chars().take(500).collect()).unwrap_or_default();
    let mut needs_reason = false;
    let mut services: Vec<&str> = rows.iter().map(|r| r.service_slug.as_str()).collect();
    services.sort_unstable();
    services.dedup();
    for slug in services {
        match s.store.service_classification(slug).await {
            Ok(c) if c.controls().export_needs_reason => needs_reason = true,
            Ok(_) => {}
            Err(e) => return s.pages.error(&ctx, AppError::from_storage(e, "classification")).await,
        }
    }
    if needs_reason && reason.chars().count() < 10 {
        let entry = crate::auth::entry(
            &ctx,
            AuditAction::Export,
            "case-queue",
            Some(units.join(",")),
            Outcome::Denied,
            Some("case-officer"),
            Some("no-reason".into()),
        );
        let _ = s.store.append_audit(&entry).await;
        let mut back = filters.query();
        back.push_str(if back.is_empty() { "export=reason-needed" } else { "&export=reason-needed" });
        return crate::web::see_other(&format!("/officer?{back}#export"));
    }
    let entry = crate::auth::entry(
        &ctx,
        AuditAction::Export,
        "case-queue",
        Some(units.join(",")),
        Outcome::Success,
        Some("case-officer"),
        Some(if reason.is_empty() { filters.query() } else { format!("{} reason: {reason}", filters.query()) }),
    );
    if let Err(e) = s.store.append_audit(&entry).await {
        return s.pages.error(&ctx, AppError::from_storage(e, "could not audit an export")).await;
    }
    let applicants: Vec<_> = rows.iter().map(|r| r.applicant_id).collect();
    let protected = match s.store.protected_among(&applicants).await {
        Ok(p) => p,
        Err(e) => return s.pages.error(&ctx, AppError::from_storage(e, "protected applicants")).await,
    };
    let mut out = CsvFile::new(
        &[
            "case_number",
            "unit",
            "service",
            "applicant",
            "status",
            "outcome",
            "submitted",
            "due",
            "deadline",
            "assignee",
            "protected_personal_data",
        ],
        Style::AllQuoted,
    );
    for r in &rows {
        let fields = [
            r.case_number.clone(),
            r.unit_code.clone(),
            r.service_slug.clone(),
            r.applicant_name.clone(),
            r.status.slug().to_owned(),
            r.outcome.map(|o| o.slug().to_owned()).unwrap_or_default(),
            crate::ui::stockholm_time(r.submitted_at),
            crate::ui::stockholm_date(r.due_at),
            r.standing.map(|st| st.slug().to_owned()).unwrap_or_default(),
            r.assignee_name.clone().unwrap_or_default(),
            if protected.contains(&r.applicant_id) { "yes" } else { "no" }.to_owned(),
        ];
        out.text_row(fields);
    }
    let mut res = (StatusCode::OK, out.finish()).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"cases.csv\""));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    res
}

/// This feature's plain routes, merged by the server beside the pages and server functions.
pub fn routes() -> axum::Router<std::sync::Arc<crate::web::FormState>> {
    axum::Router::new()
        .route("/officer/assign", axum::routing::post(bulk_assign))
        .route("/officer/export.csv", axum::routing::get(export_csv))
}
