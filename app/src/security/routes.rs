//! The security pages' writes: a classification set by its information owner
//! (`POST /admin/classification`), an incident reported, triaged, noted, linked to audit entries,
//! decided and closed (`POST /incidents…`), the register's export (`GET /incidents/export.csv`,
//! with a stated reason), and the grants to see a protected person's details
//! (`POST /admin/protected…`).
//!
//! Policy: each route checks its permission first (a refusal is audited); each write carries its
//! audit entry in its own transaction; a refused form comes back filled in with its errors.
//! Confidentiality 4 is refused with a message to the owner, and the refusal is audited.

use crate::context::RequestContext;
use crate::error::AppError;
use crate::web::{audited, denied, keep, or_return, refused, see_other, FormState, Pairs};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::{Extension, Form};
use stadsporten_db::DbError;
use stadsporten_domain::access::{Permission, Target};
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::eservice::FieldError;
use stadsporten_domain::security::classification::{check_form, Refusal, Subject};
use stadsporten_domain::security::incident::{check_close, check_decision, check_report, check_triage};
use stadsporten_domain::security::protected::check_grant;
use std::sync::Arc;

fn getter(pairs: &Pairs) -> impl Fn(&str) -> String + '_ {
    move |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default()
}

fn anchor(subject: &str) -> String {
    format!("c-{}", subject.replace(':', "-"))
}

/// `POST /admin/classification`.
pub async fn classify(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::ClassifyInformation).await);
    let get = getter(&pairs);
    let subject_raw = get("subject");
    let Some(subject) = Subject::parse(&subject_raw) else { return s.fail(&ctx, AppError::BadArguments).await };
    // Only the subject's owner: the unit's service owner, or the security officer.
    let owner = match &subject {
        Subject::Service(slug) => match s.store.live_definition(slug).await {
            Ok(Some(d)) => stadsporten_domain::organisation::UnitCode::parse(&d.unit_code)
                .is_some_and(|u| viewer.may(Permission::ClassifyInformation, &Target::Unit(&u))),
            Ok(None) => return s.fail(&ctx, AppError::NotFound).await,
            Err(e) => return s.fail(&ctx, AppError::from_storage(e, "classification subject")).await,
        },
        Subject::Information(_) => super::server::ssr::owns_platform_information(viewer),
    };
    if !owner {
        return denied(&s, &ctx, "classification", Some(subject.key()), Permission::ClassifyInformation).await;
    }
    let back = format!("/admin/classification#{}", anchor(&subject.key()));
    let form = match check_form(&get) {
        Ok(f) => f,
        Err((errors, None)) => {
            keep(&session, refused(&format!("classify-{}", subject.key()), pairs.clone(), &errors)).await;
            return see_other(&back);
        }
        Err((_, Some(Refusal::DedicatedSystem))) => {
            // Refused, kept, explained to the owner, and written down.
            let entry = crate::auth::entry(
                &ctx,
                AuditAction::Update,
                "classification",
                Some(subject.key()),
                Outcome::Denied,
                Some("information-owner"),
                Some("confidentiality-4".into()),
            );
            if let Err(e) = s.store.append_audit(&entry).await {
                return s.fail(&ctx, AppError::from_storage(e, "audit a refused classification")).await;
            }
            let error =
                FieldError { input: "confidentiality".into(), code: "classification-error-four".into(), args: vec![] };
            keep(&session, refused(&format!("classify-{}", subject.key()), pairs.clone(), &[error])).await;
            return see_other(&back);
        }
    };
    let store = audited(&s.store, &ctx, AuditAction::Update, "classification", None, "information-owner", None);
    match store.set_classification(&form, viewer.user_id, s.clock.now()).await {
        Ok(()) => see_other(&format!("/admin/classification?saved=classification#{}", anchor(&subject.key()))),
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "set a classification")).await,
    }
}

/// `POST /incidents`: any member of staff reports.
pub async fn report(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::ReportIncidents).await);
    let form = match check_report(getter(&pairs)) {
        Ok(f) => f,
        Err(errors) => {
            keep(&session, refused("incident", pairs.clone(), &errors)).await;
            return see_other("/incidents/new#error-summary");
        }
    };
    let now = s.clock.now();
    let year = stadsporten_domain::date::Date::in_stockholm(now).map_or(2026, |d| d.year());
    let store = audited(&s.store, &ctx, AuditAction::Create, "incident", None, "reporter", None);
    match store.report_incident(&form, viewer.user_id, year, now).await {
        Ok((id, _)) => see_other(&format!("/incidents/{id}?saved=reported")),
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "report an incident")).await,
    }
}

/// The security officer's writes on one incident: `triage`, `notes`, `audit-links`, `decision`,
/// `close`.
pub async fn act(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path((id, action)): Path<(i64, String)>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::HandleIncidents).await);
    let get = getter(&pairs);
    let now = s.clock.now();
    let back = format!("/incidents/{id}");
    let store = audited(&s.store, &ctx, AuditAction::Update, "incident", None, "security-officer", None);
    let refuse = |form: &str, errors: Vec<FieldError>| refused(form, pairs.clone(), &errors);
    let result = match action.as_str() {
        "triage" => match check_triage(&get) {
            Ok(t) => store.triage_incident(id, &t, viewer.user_id, now).await,
            Err(errors) => {
                keep(&session, refuse("triage", errors)).await;
                return see_other(&format!("{back}#triage"));
            }
        },
        "notes" => {
            let note = get("note").trim().to_owned();
            if note.is_empty() || note.chars().count() > stadsporten_domain::security::incident::MAX_TEXT {
                let e = FieldError { input: "note".into(), code: "incident-error-required".into(), args: vec![] };
                keep(&session, refuse("note", vec![e])).await;
                return see_other(&format!("{back}#note"));
            }
            store.incident_note(id, &note, viewer.user_id, now).await
        }
        "audit-links" => match get("seq").trim().parse::<i64>() {
            Ok(seq) => match store.link_audit(id, seq, viewer.user_id, now).await {
                Err(DbError::NotFound) => {
                    let e = FieldError { input: "seq".into(), code: "incident-error-audit".into(), args: vec![] };
                    keep(&session, refuse("link", vec![e])).await;
                    return see_other(&format!("{back}#link"));
                }
                other => other,
            },
            Err(_) => {
                let e = FieldError { input: "seq".into(), code: "incident-error-audit".into(), args: vec![] };
                keep(&session, refuse("link", vec![e])).await;
                return see_other(&format!("{back}#link"));
            }
        },
        "decision" => match check_decision(&get) {
            Ok(d) => store.decide_imy(id, &d, viewer.user_id, now).await,
            Err(errors) => {
                keep(&session, refuse("decision", errors)).await;
                return see_other(&format!("{back}#decision"));
            }
        },
        "close" => {
            let undecided = match s.store.incident(id).await {
                Ok(Some(r)) => r.incident.breach && r.incident.imy_decision.is_none(),
                Ok(None) => return s.fail(&ctx, AppError::NotFound).await,
                Err(e) => return s.fail(&ctx, AppError::from_storage(e, "incident")).await,
            };
            match check_close(&get, undecided) {
                Ok(lessons) => store.close_incident(id, &lessons, viewer.user_id, now).await,
                Err(errors) => {
                    keep(&session, refuse("close", errors)).await;
                    return see_other(&format!("{back}#close"));
                }
            }
        }
        _ => return s.fail(&ctx, AppError::NotFound).await,
    };
    match result {
        Ok(()) => see_other(&format!("{back}?saved={action}")),
        Err(DbError::NotFound) => s.fail(&ctx, AppError::NotFound).await,
        Err(DbError::Conflict) => see_other(&format!("{back}?saved=not-possible")),
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "an incident's step")).await,
    }
}

/// `GET /incidents/export.csv?reason=…`: the register (security incidents are classified
/// confidentiality 3: an export needs a stated reason, written to the audit trail with it).
pub async fn export(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Response {
    or_return!(s.holding(&ctx, Permission::HandleIncidents).await);
    let pairs = stadsporten_domain::catalogue::decode_query_string(query.as_deref().unwrap_or("")).unwrap_or_default();
    let reason: String = pairs
        .iter()
        .find(|(k, _)| k == "reason")
        .map(|(_, v)| v.trim().chars().take(500).collect())
        .unwrap_or_default();
    let needs_reason = match s
        .store
        .classification(&Subject::Information(
            stadsporten_domain::security::classification::InformationType::SecurityIncidents,
        ))
        .await
    {
        Ok(c) => c.controls().export_needs_reason,
        Err(e) => return s.fail(&ctx, AppError::from_storage(e, "classification")).await,
    };
    if needs_reason && reason.chars().count() < 10 {
        let entry = crate::auth::entry(
            &ctx,
            AuditAction::Export,
            "incident-register",
            None,
            Outcome::Denied,
            Some("security-officer"),
            Some("no-reason".into()),
        );
        let _ = s.store.append_audit(&entry).await;
        return see_other("/incidents?export=reason-needed#export");
    }
    let rows = match s.store.incidents(None).await {
        Ok(r) => r,
        Err(e) => return s.fail(&ctx, AppError::from_storage(e, "incident register")).await,
    };
    let entry = crate::auth::entry(
        &ctx,
        AuditAction::Export,
        "incident-register",
        None,
        Outcome::Success,
        Some("security-officer"),
        Some(format!("{} rows: {reason}", rows.len())),
    );
    if let Err(e) = s.store.append_audit(&entry).await {
        return s.fail(&ctx, AppError::from_storage(e, "audit an export")).await;
    }
    let head = [
        "number",
        "reported_at",
        "status",
        "category",
        "severity",
        "personal_data",
        "breach",
        "imy_deadline",
        "imy_decision",
        "imy_decided_at",
        "closed_at",
    ];
    let mut out = stadsporten_domain::csv::CsvFile::new(&head, stadsporten_domain::csv::Style::AllQuoted);
    let time = |t: Option<i64>| t.map(stadsporten_domain::date::stockholm_local).unwrap_or_default();
    for r in &rows {
        out.text_row(vec![
            r.number.clone(),
            stadsporten_domain::date::stockholm_local(r.reported_at),
            r.status.slug().to_owned(),
            r.category.map(|c| c.slug().to_owned()).unwrap_or_default(),
            r.severity.map(|c| c.slug().to_owned()).unwrap_or_default(),
            r.personal_data.slug().to_owned(),
            if r.breach { "yes" } else { "no" }.to_owned(),
            time(r.aware_at.map(stadsporten_domain::security::incident::imy_deadline)),
            r.imy_decision.map(|d| d.slug().to_owned()).unwrap_or_default(),
            time(r.imy_decided_at),
            time(r.closed_at),
        ]);
    }
    crate::web::staff_csv("incidenter.csv", out.finish())
}

/// `POST /admin/protected`: a grant to see one protected person's details.
pub async fn grant(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::GrantProtectedAccess).await);
    let form = match check_grant(getter(&pairs)) {
        Ok(f) => f,
        Err(errors) => {
            keep(&session, refused("grant", pairs.clone(), &errors)).await;
            return see_other("/admin/protected#error-summary");
        }
    };
    let store = audited(&s.store, &ctx, AuditAction::GrantAccess, "protected-person", None, "security-officer", None);
    match store.grant_protected(&form, viewer.user_id, s.clock.now()).await {
        Ok(_) => see_other("/admin/protected?saved=granted"),
        Err(DbError::NotFound) => {
            let e = FieldError { input: "person".into(), code: "protected-error-person".into(), args: vec![] };
            keep(&session, refused("grant", pairs.clone(), &[e])).await;
            see_other("/admin/protected#error-summary")
        }
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "grant protected access")).await,
    }
}

/// `POST /admin/protected/{id}/revoke`.
pub async fn revoke(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Response {
    or_return!(s.holding(&ctx, Permission::GrantProtectedAccess).await);
    let store = audited(&s.store, &ctx, AuditAction::RevokeAccess, "protected-person", None, "security-officer", None);
    match store.revoke_protected(id, s.clock.now()).await {
        Ok(()) => see_other("/admin/protected?saved=revoked"),
        Err(DbError::NotFound) => see_other("/admin/protected?saved=not-possible"),
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "revoke protected access")).await,
    }
}

/// This feature's plain routes.
pub fn routes() -> axum::Router<Arc<FormState>> {
    axum::Router::new()
        .route("/admin/classification", axum::routing::post(classify))
        .route("/incidents", axum::routing::post(report))
        .route("/incidents/export.csv", axum::routing::get(export))
        .route("/incidents/{id}/{action}", axum::routing::post(act))
        .route("/admin/protected", axum::routing::post(grant))
        .route("/admin/protected/{id}/revoke", axum::routing::post(revoke))
}
