//! Downloads that are files rather than pages: the audit trail as CSV.
//!
//! Policy: the same authorisation as the page (`view-audit-trail` and `export-audit-trail`), and
//! every export is itself written to the audit trail with the filter used.

use crate::admin::{audit_entry_view, audit_filter};
use crate::context::RequestContext;
use crate::error::AppError;
use crate::web::FormState;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use stadsporten_domain::access::{Permission, Target};
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::csv::{CsvFile, Style};
use std::sync::Arc;

/// The most rows one export holds; narrower filters give the rest.
const MAX_ROWS: i64 = 100_000;

/// `GET /admin/audit/export.csv?…` with the audit page's filters.
pub async fn audit_csv(
    State(auth): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(viewer) = ctx.viewer.as_ref() else {
        return auth.pages.error(&ctx, AppError::Unauthorized).await;
    };
    let query = query.unwrap_or_default();
    let allowed = viewer.may(Permission::ViewAuditTrail, &Target::AnyObject)
        && viewer.may(Permission::ExportAuditTrail, &Target::AnyObject);
    let record = |action, outcome, reason: Option<String>| {
        crate::auth::entry(&ctx, action, "audit-trail", None, outcome, Some("auditor"), reason)
    };
    if !allowed {
        let denied = record(AuditAction::AccessDenied, Outcome::Denied, Some("export-audit-trail".into()));
        if let Err(e) = auth.store.append_audit(&denied).await {
            // Refused either way; the refusal just goes unrecorded, and the log says so.
            tracing::error!(error = %e, "could not audit a refused export");
        }
        return auth.pages.error(&ctx, AppError::Forbidden).await;
    }
    let Some((filter, _)) = audit_filter(&query) else {
        return auth.pages.error(&ctx, AppError::BadArguments).await;
    };
    // The export is recorded before it is made: a failed recording means no export.
    if let Err(e) = auth.store.append_audit(&record(AuditAction::Export, Outcome::Success, Some(query.clone()))).await {
        return auth.pages.error(&ctx, AppError::from_storage(e, "could not audit an export")).await;
    }
    let rows = match auth.store.audit_entries(&filter, MAX_ROWS, 0).await {
        Ok(r) => r,
        Err(e) => {
            return auth.pages.error(&ctx, AppError::from_storage(e, "audit export")).await;
        }
    };
    let mut out = CsvFile::new(
        &[
            "seq",
            "time_utc",
            "actor_id",
            "actor",
            "acting_for",
            "role",
            "action",
            "object",
            "outcome",
            "reason",
            "request_id",
            "client_addr",
            "hash",
        ],
        Style::AllQuoted,
    );
    for r in &rows {
        let v = audit_entry_view(r);
        let time = time::OffsetDateTime::from_unix_timestamp(v.at)
            .ok()
            .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
            .unwrap_or_default();
        let fields = [
            v.seq.to_string(),
            time,
            v.actor_id.map(|a| a.to_string()).unwrap_or_default(),
            v.actor.unwrap_or_default(),
            v.acting_for.unwrap_or_default(),
            v.role.unwrap_or_default(),
            v.action,
            v.object,
            v.outcome,
            v.reason.unwrap_or_default(),
            v.request_id.unwrap_or_default(),
            v.client_addr.unwrap_or_default(),
            r.chained.hash.clone(),
        ];
        out.text_row(fields);
    }
    let mut res = (StatusCode::OK, out.finish()).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
    h.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"audit-trail.csv\""));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
