//! `POST /admin/services/upload` (multipart): a new e-service definition version, from a file or
//! pasted text. The definition is validated whole; every problem is listed on the page with the
//! source kept, so the administrator fixes the file in one round. Nothing invalid is stored.
//!
//! `POST /admin/providers/import` (multipart): comparison data, reported row by row (a dry run
//! reports only); stored all or nothing.

use crate::context::RequestContext;
use crate::error::AppError;
use crate::flash::FormFlash;
use crate::web::{audited, denied, keep, or_return, see_other, FormState};
use axum::extract::{Multipart, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Extension;
use stadsporten_domain::access::{Permission, Role, Target};
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::compare::import::{parse_file, RowProblem, MAX_IMPORT_BYTES};
use stadsporten_domain::eservice::{DefinitionError, ServiceDefinition};
use stadsporten_domain::organisation::UnitCode;
use std::sync::Arc;

/// The largest definition file read (a definition is text; a megabyte is generous).
const MAX_SOURCE: usize = 1024 * 1024;

fn refused(source: String, problems: &[DefinitionError]) -> FormFlash {
    FormFlash {
        form: "definition".into(),
        values: vec![("source".into(), source)],
        errors: problems.iter().map(|p| (p.path.clone(), p.code.clone())).collect(),
        args: problems.iter().map(|p| (p.path.clone(), "detail".into(), p.detail.clone())).collect(),
    }
}

pub async fn upload_definition(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let Some(viewer) = ctx.viewer.clone() else { return s.pages.error(&ctx, AppError::Unauthorized).await };
    let manages_somewhere = viewer.principal.has_role(Role::Administrator)
        || !viewer.principal.units_with(Permission::ManageServices).is_empty();
    if !manages_somewhere {
        return denied(&s, &ctx, "feature", None, Permission::ManageServices).await;
    }
    or_return!(s.refuse_too_large(&ctx, &headers, MAX_SOURCE).await);
    let form = or_return!(s.multipart(&ctx, multipart, MAX_SOURCE).await);
    let pasted = form.field("source").to_owned();
    let source = match form.file {
        Some((_, _, bytes)) if !bytes.is_empty() => String::from_utf8_lossy(&bytes).into_owned(),
        _ => pasted,
    };
    let back = "/admin/services#error-summary";
    if source.trim().is_empty() || form.too_large {
        let p = DefinitionError { path: String::new(), code: "services-error-empty".into(), detail: String::new() };
        keep(&session, refused(String::new(), &[p])).await;
        return see_other(back);
    }
    let def = match ServiceDefinition::from_toml(&source) {
        Ok(d) => d,
        Err(problems) => {
            keep(&session, refused(source, &problems)).await;
            return see_other(back);
        }
    };
    let Some(unit) = UnitCode::parse(&def.unit) else { return s.pages.error(&ctx, AppError::BadArguments).await };
    if !viewer.may(Permission::ManageServices, &Target::Unit(&unit)) {
        return denied(&s, &ctx, "unit", Some(unit.to_string()), Permission::ManageServices).await;
    }
    let role =
        crate::auth::role_used(&viewer, Permission::ManageServices, &Target::Unit(&unit)).unwrap_or("administrator");
    let store = audited(
        &s.store,
        &ctx,
        AuditAction::Create,
        "service-definition",
        None,
        role,
        Some(format!("{} v{}", def.slug, def.version)),
    );
    match store.upload_definition(&def, Some(viewer.user_id), s.clock.now()).await {
        Ok(id) => see_other(&format!("/admin/services/{id}?saved=uploaded")),
        Err(stadsporten_db::DbError::Refused(stadsporten_db::Refusal::Upload(refusal))) => {
            let (code, detail) = refusal.code();
            let p = DefinitionError { path: String::new(), code: code.into(), detail };
            keep(&session, refused(source, &[p])).await;
            see_other(back)
        }
        Err(e) => s.pages.error(&ctx, AppError::from_storage(e, "could not store a definition")).await,
    }
}

/// The most problems kept for the report page (the count of the rest is shown).
const MAX_REPORTED: usize = 300;

/// An import's outcome as the report the `/admin/providers` page shows once.
pub fn import_report(file: &str, dry_run: bool, report: &stadsporten_db::ImportReport) -> FormFlash {
    let key = |p: &RowProblem| format!("{}|{}|{}", p.section, p.row, p.field);
    let shown = &report.problems[..report.problems.len().min(MAX_REPORTED)];
    FormFlash {
        form: crate::admin::providers_server::IMPORT_FORM.into(),
        values: vec![
            ("file".into(), file.to_owned()),
            ("dry_run".into(), if dry_run { "1".into() } else { String::new() }),
            ("stored".into(), if report.stored { "1".into() } else { String::new() }),
            ("rows".into(), report.rows.to_string()),
            ("added".into(), report.added.to_string()),
            ("changed".into(), report.changed.to_string()),
            ("problems".into(), report.problems.len().to_string()),
        ],
        errors: shown.iter().map(|p| (key(p), p.code.clone())).collect(),
        args: shown.iter().map(|p| (key(p), "value".into(), p.value.clone())).collect(),
    }
}

/// `POST /admin/providers/import` (multipart): a units or values file, CSV or JSON; with
/// `dry_run` only the report. All rows or none are stored (one transaction).
pub async fn import_providers(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    let Some(viewer) = ctx.viewer.clone() else { return s.pages.error(&ctx, AppError::Unauthorized).await };
    if !viewer.may(Permission::ManageProviderData, &Target::AnyObject) {
        return denied(&s, &ctx, "feature", None, Permission::ManageProviderData).await;
    }
    or_return!(s.refuse_too_large(&ctx, &headers, MAX_IMPORT_BYTES).await);
    let form = or_return!(s.multipart(&ctx, multipart, MAX_IMPORT_BYTES).await);
    let dry_run = form.fields.iter().any(|(k, v)| k == "dry_run" && !v.is_empty());
    let back = "/admin/providers#import-report";
    let (name, bytes) = match form.file {
        Some((_, name, bytes)) if !bytes.is_empty() && !form.too_large => (name, bytes),
        _ => {
            let problem = RowProblem::new(
                0,
                "",
                if form.too_large { "compare-import-too-large" } else { "compare-import-empty" },
                "",
            );
            let report = stadsporten_db::ImportReport::refused(problem);
            keep(&session, import_report("", dry_run, &report)).await;
            return see_other(back);
        }
    };
    // A stored import commits with its entry (the store writes the counts into its reason); a dry
    // run or a refused file writes neither.
    let role =
        crate::auth::role_used(&viewer, Permission::ManageProviderData, &Target::AnyObject).unwrap_or("administrator");
    let entry =
        crate::auth::entry(&ctx, AuditAction::Import, "provider-data", None, Outcome::Success, Some(role), None);
    let report = match parse_file(&name, &bytes) {
        Ok(parsed) => {
            match s
                .store
                .audited(entry)
                .import_providers(&parsed, &name, dry_run, Some(viewer.user_id), s.clock.now())
                .await
            {
                Ok(r) => r,
                Err(e) => {
                    return s.pages.error(&ctx, AppError::from_storage(e, "provider import failed")).await;
                }
            }
        }
        Err(problem) => stadsporten_db::ImportReport::refused(problem),
    };
    keep(&session, import_report(&name, dry_run, &report)).await;
    see_other(back)
}

/// This feature's plain routes, merged by the server beside the pages and server functions.
pub fn routes() -> axum::Router<std::sync::Arc<crate::web::FormState>> {
    axum::Router::new()
        .route("/admin/services/upload", axum::routing::post(upload_definition))
        .route("/admin/providers/import", axum::routing::post(import_providers))
        .route("/admin/audit/export.csv", axum::routing::get(super::exports::audit_csv))
}
