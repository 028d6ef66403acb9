//! Case posts with files, and file downloads: a message (from the applicant or the unit's case
//! officer), the applicant's answer to a completion request, and `GET /files/{id}`.
//!
//! Policy:
//! - Who may: the case's applicant for their own case; a case officer (`handle-cases`) of the
//!   case's unit for messages; staff reading a file need `view-cases` on the case's unit, and
//!   every such opening is an audited read. Anyone else gets "not found" (and a denial entry when
//!   they are staff), so case ids reveal nothing.
//! - Files held for a virus scan are never served to staff; infected or removed files to nobody.
//! - Downloads are `attachment` with the stored type, `nosniff` and no caching.

use crate::cases::access::{of_case, CaseNeed, CaseRelation};
use crate::context::{RequestContext, Viewer};
use crate::error::AppError;
use crate::flash::FormFlash;
use crate::web::uploads::{content_disposition, display_name, download_name};
use crate::web::{audited, keep, or_return, record_read, see_other, FormState};
use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use stadsporten_db::{CaseRecord, DbError, NewAttachment, ScanStatus};
use stadsporten_domain::access::Permission;
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::eservice::FileKind;
use stadsporten_domain::ids::{AttachmentId, CaseId, UserId};
use std::sync::Arc;

/// The viewer's side of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Applicant,
    Officer,
}

async fn side(
    s: &FormState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case: &CaseRecord,
    permission: Permission,
) -> Option<Side> {
    let need = if permission == Permission::HandleCases { CaseNeed::Handle } else { CaseNeed::Read };
    // The applicant's side first: an officer who also filed the case is never its applicant here.
    if of_case(viewer, case, CaseNeed::Own).is_some() {
        return Some(Side::Applicant);
    }
    if of_case(viewer, case, need) == Some(CaseRelation::Officer) {
        return Some(Side::Officer);
    }
    if viewer.is_staff {
        let entry = crate::auth::entry(
            ctx,
            AuditAction::AccessDenied,
            "case",
            Some(case.id.to_string()),
            Outcome::Denied,
            None,
            Some(permission.slug().into()),
        );
        // The request is refused either way; an untraced refusal is an operational alarm.
        if let Err(e) = s.store.append_audit(&entry).await {
            tracing::error!(error = %e, "could not audit a refusal");
        }
    }
    None
}

async fn load(
    s: &FormState,
    ctx: &RequestContext,
    id: CaseId,
    permission: Permission,
) -> Result<(Viewer, CaseRecord, Side), AppError> {
    let viewer = ctx.viewer.clone().ok_or(AppError::Unauthorized)?;
    let case = s.store.case_record(id).await?.ok_or(AppError::NotFound)?;
    let side = side(s, ctx, &viewer, &case, permission).await.ok_or(AppError::NotFound)?;
    Ok((viewer, case, side))
}

fn case_page(side: Side, id: CaseId) -> String {
    match side {
        Side::Applicant => format!("/my/cases/{id}"),
        Side::Officer => format!("/officer/cases/{id}"),
    }
}

const MESSAGE_MAX: usize = 4000;
const FILE_KINDS: [FileKind; 3] = [FileKind::Pdf, FileKind::Jpeg, FileKind::Png];

/// Checks the text and the optional file of a message-like form. Returns the stored file or the
/// refusal (field, fluent id, arguments).
async fn text_and_file(
    s: &FormState,
    text_field: &str,
    text: &str,
    file: Option<(String, String, Vec<u8>)>,
    too_large_file: bool,
    encrypt: bool,
) -> Result<Option<(String, usize, crate::web::uploads::Accepted)>, (String, String, Vec<(String, String, String)>)> {
    let mb = (s.uploads.max_bytes / (1024 * 1024)).to_string();
    if too_large_file {
        return Err(("file".into(), "field-error-file-too-large".into(), vec![("file".into(), "mb".into(), mb)]));
    }
    if text.trim().is_empty() {
        return Err((text_field.into(), "field-error-required".into(), vec![]));
    }
    if text.chars().count() > MESSAGE_MAX {
        return Err((
            text_field.into(),
            "field-error-too-long".into(),
            vec![(text_field.into(), "max".into(), MESSAGE_MAX.to_string())],
        ));
    }
    let Some((_, file_name, bytes)) = file else { return Ok(None) };
    match s.uploads.accept_as(&bytes, &FILE_KINDS, encrypt).await {
        Ok(ok) => Ok(Some((file_name, bytes.len(), ok))),
        Err(r) => Err((
            "file".into(),
            r.code().into(),
            vec![("file".into(), "types".into(), "PDF, JPEG, PNG".into()), ("file".into(), "mb".into(), mb)],
        )),
    }
}

/// The record of a stored file for a message (none without a file).
fn attachment<'a>(
    stored: Option<&'a (String, usize, crate::web::uploads::Accepted)>,
    name: &'a str,
    owner: UserId,
    now: i64,
) -> Vec<NewAttachment<'a>> {
    stored
        .map(|(_, size, ok)| NewAttachment {
            storage_key: &ok.storage_key,
            owner_id: owner,
            field_id: None,
            file_name: name,
            content_type: ok.kind.mime(),
            size_bytes: i64::try_from(*size).unwrap_or(i64::MAX),
            sha256: &ok.sha256,
            scan_status: ok.scan_status,
            encrypted: ok.encrypted,
            now,
        })
        .into_iter()
        .collect()
}

/// `POST /cases/{id}/messages` (multipart): a message with an optional file.
pub async fn post_message(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(id): Path<CaseId>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    or_return!(s.refuse_too_large(&ctx, &headers, s.uploads.max_bytes).await);
    let (viewer, case, side) = or_return!(s.or_fail(&ctx, load(&s, &ctx, id, Permission::HandleCases).await).await);
    let form = or_return!(s.multipart(&ctx, multipart, s.uploads.max_bytes).await);
    let body = form.field("body").trim().to_owned();
    let back = case_page(side, id);
    if !case.status.is_open() && side == Side::Applicant {
        return see_other(&format!("{back}?saved=not-possible"));
    }
    let encrypt = s.encrypts(&case.service_slug).await;
    let stored = match text_and_file(&s, "body", &body, form.file, form.too_large, encrypt).await {
        Ok(f) => f,
        Err((field, code, args)) => {
            let flash = FormFlash {
                form: "message".into(),
                values: vec![("body".into(), body)],
                errors: vec![(field, code)],
                args,
            };
            keep(&session, flash).await;
            return see_other(&format!("{back}#message"));
        }
    };
    let names = stored.as_ref().map(|(n, _, _)| display_name(n)).unwrap_or_default();
    let files = attachment(stored.as_ref(), &names, viewer.user_id, s.clock.now());
    let role = if side == Side::Applicant { crate::auth::applicant_role(&viewer) } else { "case-officer" };
    let store = audited(&s.store, &ctx, AuditAction::Create, "message", None, role, Some(format!("case {id}")));
    match store.add_message(id, viewer.user_id, side == Side::Applicant, &body, &files, s.clock.now()).await {
        Ok(_) => see_other(&format!("{back}?saved=message#messages-heading")),
        Err(e) => {
            if let Some((_, _, ok)) = &stored {
                let _ = s.uploads.store.delete(&ok.storage_key).await;
            }
            s.pages.error(&ctx, AppError::from_storage(e, "could not store a message")).await
        }
    }
}

/// `POST /cases/{id}/completion` (multipart): the applicant's answer to the open completion
/// request, with an optional file; the service-level clock resumes.
pub async fn post_completion(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(id): Path<CaseId>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    or_return!(s.refuse_too_large(&ctx, &headers, s.uploads.max_bytes).await);
    let (viewer, case, side) = or_return!(s.or_fail(&ctx, load(&s, &ctx, id, Permission::HandleCases).await).await);
    if side != Side::Applicant {
        return s.pages.error(&ctx, AppError::NotFound).await;
    }
    let form = or_return!(s.multipart(&ctx, multipart, s.uploads.max_bytes).await);
    let answer = form.field("answer").trim().to_owned();
    // Answered on a bundle's status page: back there (the one place for all its permits).
    let bundle = if form.fields.iter().any(|(k, v)| k == "return_to" && v == "bundle") {
        s.store.bundle_of_case(id).await.ok().flatten().map(|(b, _)| b)
    } else {
        None
    };
    let (back, form_anchor) = match bundle {
        Some(b) => (format!("/my/business/{b}"), format!("/my/business/{b}#completion-{id}")),
        None => (format!("/my/cases/{id}"), format!("/my/cases/{id}#completion-form")),
    };
    let encrypt = s.encrypts(&case.service_slug).await;
    let stored = match text_and_file(&s, "answer", &answer, form.file, form.too_large, encrypt).await {
        Ok(f) => f,
        Err((field, code, args)) => {
            let flash = FormFlash {
                form: "completion".into(),
                values: vec![("answer".into(), answer), ("case".into(), id.to_string())],
                errors: vec![(field, code)],
                args,
            };
            keep(&session, flash).await;
            return see_other(&form_anchor);
        }
    };
    let names = stored.as_ref().map(|(n, _, _)| display_name(n)).unwrap_or_default();
    let files = attachment(stored.as_ref(), &names, viewer.user_id, s.clock.now());
    let store =
        audited(&s.store, &ctx, AuditAction::Update, "case", Some(id.to_string()), "resident", Some("complete".into()));
    match store.answer_completion(id, viewer.user_id, &answer, &files, s.clock.now()).await {
        Ok(()) => see_other(&format!("{back}?saved=completion")),
        Err(DbError::NotFound) => s.pages.error(&ctx, AppError::NotFound).await,
        Err(DbError::Refused(_) | DbError::Conflict) => {
            if let Some((_, _, ok)) = &stored {
                let _ = s.uploads.store.delete(&ok.storage_key).await;
            }
            see_other(&format!("{back}?saved=not-possible"))
        }
        Err(e) => s.pages.error(&ctx, AppError::from_storage(e, "could not store a completion")).await,
    }
}

/// `GET /files/{id}`: a file, for its owner (their drafts and cases) or for staff of the case's
/// unit (audited).
pub async fn download(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<AttachmentId>,
) -> Response {
    let Some(viewer) = ctx.viewer.clone() else { return s.pages.error(&ctx, AppError::Unauthorized).await };
    let file = match s.store.attachment(id).await {
        Ok(Some(f)) => f,
        Ok(None) => return s.pages.error(&ctx, AppError::NotFound).await,
        Err(e) => {
            return s.pages.error(&ctx, AppError::from_storage(e, "could not read a file's record")).await;
        }
    };
    if file.removed_at.is_some() || file.scan_status == ScanStatus::Infected {
        return s.pages.error(&ctx, AppError::NotFound).await;
    }
    let own = crate::cases::access::is_applicant(&viewer, file.owner_id);
    let applicant_of_case = match file.case_id {
        Some(case_id) if !own => match s.store.case_record(case_id).await {
            Ok(Some(c)) => Some(c),
            _ => None,
        },
        _ => None,
    };
    let allowed = if own {
        true
    } else if let Some(case) = &applicant_of_case {
        match side(&s, &ctx, &viewer, case, Permission::ViewCases).await {
            Some(Side::Applicant) => true,
            Some(Side::Officer) => {
                if !file.scan_status.viewable() {
                    return s.pages.error(&ctx, AppError::NotFound).await;
                }
                // Recorded before the bytes go out; without the record, no file.
                let reason = Some(format!("case {}", case.id));
                if record_read(&s.store, &ctx, "attachment", file.id, "case-officer", reason).await.is_err() {
                    return s.pages.error(&ctx, AppError::Internal).await;
                }
                true
            }
            None => false,
        }
    } else {
        false
    };
    if !allowed {
        return s.pages.error(&ctx, AppError::NotFound).await;
    }
    // Opened when encrypted; checked against its upload checksum when the e-service's integrity
    // asks for it (a changed file is not served).
    let verify = match &applicant_of_case {
        Some(case) => {
            s.store.service_classification(&case.service_slug).await.map_or(true, |c| c.controls().verify_checksums)
        }
        None => false,
    };
    let Some(bytes) = s.uploads.read(&file.storage_key, &file.sha256, verify).await else {
        return s.pages.error(&ctx, AppError::NotFound).await;
    };
    // What the file is, by its bytes (as at upload), names and types the download; the uploader's
    // name only lends its stem.
    let kind = FileKind::sniff(&bytes).or_else(|| FileKind::parse_mime(&file.content_type));
    let disposition = content_disposition(&download_name(&file.file_name, kind));
    let mut res = (StatusCode::OK, bytes).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind.map_or("application/octet-stream", FileKind::mime)));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    res
}

/// This feature's plain routes, merged by the server beside the pages and server functions.
pub fn routes() -> axum::Router<std::sync::Arc<crate::web::FormState>> {
    axum::Router::new()
        .route("/cases/{id}/messages", axum::routing::post(post_message))
        .route("/cases/{id}/completion", axum::routing::post(post_completion))
        .route("/files/{id}", axum::routing::get(download))
}
