//! The plumbing every feature's plain form routes share (server only): their state, post/redirect/
//! get, a refused form kept for the next view, multipart reading with the size limit, audited
//! writes and reads, the refusal page. Each feature's `routes.rs` builds on it and exposes a
//! `routes()` router that the server merges.
//!
//! Policy:
//! - Post/redirect/get: every post answers 303 to a page. Refused input comes back on its page
//!   with the values as typed and each error beside its field (the session's flash).
//! - A write goes through [`audited`], so its audit entry commits with it; a read of personal data
//!   is recorded with [`record_read`] before it is answered (see `stadsporten_db::audit`).

pub mod clock;
pub mod crypto;
pub mod pages;
pub mod uploads;

use crate::context::RequestContext;
use crate::error::AppError;
use crate::flash::{FormFlash, FLASH_KEY};
use crate::settings::EServiceSettings;
use axum::extract::Multipart;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use clock::Clock;
use pages::Pages;
use stadsporten_db::Store;
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::eservice::FieldError;
use uploads::Uploads;

/// A form's fields as posted, in order.
pub type Pairs = Vec<(String, String)>;

/// What the form routes share.
pub struct FormState {
    pub store: Store,
    pub pages: Pages,
    pub uploads: Uploads,
    pub settings: EServiceSettings,
    pub clock: Clock,
    /// Outside authorities' addresses for bundle referrals (see `config::BusinessSettings`).
    pub referral_addresses: std::collections::BTreeMap<String, String>,
    /// The telephony platforms' shared secrets for signed call events (`contact/telephony.rs`).
    pub telephony_secrets: std::collections::BTreeMap<String, Vec<u8>>,
}

impl FormState {
    /// Whether an e-service's files are encrypted at rest (its confidentiality is 3). When the
    /// classification cannot be read, they are: a failure must not store a sensitive file in
    /// the clear.
    pub async fn encrypts(&self, service_slug: &str) -> bool {
        self.store.service_classification(service_slug).await.map_or(true, |c| c.controls().encrypt_files)
    }
}

/// A staff export (CSV): shown with its name like open data, but for no other site and no
/// shared cache.
pub fn staff_csv(name: &str, body: String) -> Response {
    let mut res = open_data_file("text/csv; charset=utf-8", name, body);
    let h = res.headers_mut();
    h.remove(header::ACCESS_CONTROL_ALLOW_ORIGIN);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    res
}

/// A file of open data (or a staff export, which then tightens the cache headers): shown inline
/// with its name; anyone may fetch open data from any site (it is public, read-only and
/// cookie-free), and shared caches may keep it five minutes.
pub fn open_data_file(content_type: &'static str, name: &str, body: String) -> Response {
    let mut r = (StatusCode::OK, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    r
}

/// 303 See Other: the browser follows with a GET.
pub fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_owned())]).into_response()
}

pub async fn keep(session: &tower_sessions::Session, flash: FormFlash) {
    if let Err(e) = session.insert(FLASH_KEY, &flash).await {
        tracing::warn!(error = %e, "could not keep a refused form in the session");
    }
}

/// The refused form with its errors (and their arguments) in form order.
pub fn refused(form: &str, values: Pairs, errors: &[FieldError]) -> FormFlash {
    FormFlash {
        form: form.into(),
        values,
        errors: errors.iter().map(|e| (e.input.clone(), e.code.clone())).collect(),
        args: errors.iter().flat_map(|e| e.args.iter().map(|(k, v)| (e.input.clone(), k.clone(), v.clone()))).collect(),
    }
}

/// The store handle whose next write commits this request's entry with it (the audit policy in
/// `stadsporten_db::audit`). `id: None` when the write creates the object: the store names it.
pub fn audited(
    store: &Store,
    ctx: &RequestContext,
    action: AuditAction,
    object: &str,
    id: Option<String>,
    role: &str,
    reason: Option<String>,
) -> Store {
    store.audited(crate::auth::entry(ctx, action, object, id, Outcome::Success, Some(role), reason))
}

/// Records a read of personal data on its own, before the data is returned. A failure fails
/// the request: the caller answers with an error instead of the data.
pub async fn record_read(
    store: &Store,
    ctx: &RequestContext,
    object: &str,
    id: impl std::fmt::Display,
    role: &str,
    reason: Option<String>,
) -> Result<(), stadsporten_db::DbError> {
    let entry =
        crate::auth::entry(ctx, AuditAction::Read, object, Some(id.to_string()), Outcome::Success, Some(role), reason);
    store.append_audit(&entry).await.inspect_err(|e| tracing::error!(error = %e, "could not audit a read"))
}

/// The refusal page (403) for a signed-in person without `permission` on the object, written to
/// the audit trail first.
pub async fn denied(
    s: &FormState,
    ctx: &RequestContext,
    object_type: &str,
    object_id: Option<String>,
    permission: stadsporten_domain::access::Permission,
) -> Response {
    let entry = crate::auth::entry(
        ctx,
        AuditAction::AccessDenied,
        object_type,
        object_id,
        Outcome::Denied,
        None,
        Some(permission.slug().into()),
    );
    if let Err(e) = s.store.append_audit(&entry).await {
        tracing::error!(error = %e, "could not audit a refusal");
    }
    s.pages.error(ctx, AppError::Forbidden).await
}

/// The value of a step that opens a plain route, or return from the handler with the page in
/// `Err` (not signed in, not found, a body too large): `let form = or_return!(s.multipart(&ctx,
/// body, limit).await);`. Every opening is one line, and the handler still answers `Response`.
macro_rules! or_return {
    ($step:expr) => {
        match $step {
            Ok(value) => value,
            Err(page) => return page,
        }
    };
}
pub(crate) use or_return;

impl FormState {
    pub async fn fail(&self, ctx: &RequestContext, e: AppError) -> Response {
        self.pages.error(ctx, e).await
    }

    /// The value, or the error page for why not (for [`or_return`]).
    pub async fn or_fail<T>(&self, ctx: &RequestContext, r: Result<T, AppError>) -> Result<T, Response> {
        match r {
            Ok(v) => Ok(v),
            Err(e) => Err(self.fail(ctx, e).await),
        }
    }

    /// The viewer holding `permission` on any object, or the refusal page (401, or 403 written to
    /// the audit trail).
    pub async fn holding<'a>(
        &self,
        ctx: &'a RequestContext,
        permission: stadsporten_domain::access::Permission,
    ) -> Result<&'a crate::context::Viewer, Response> {
        let viewer = self.viewer(ctx).await?;
        if viewer.may(permission, &stadsporten_domain::access::Target::AnyObject) {
            Ok(viewer)
        } else {
            Err(denied(self, ctx, "feature", None, permission).await)
        }
    }

    /// The signed-in viewer, or the sign-in refusal page.
    pub async fn viewer<'a>(&self, ctx: &'a RequestContext) -> Result<&'a crate::context::Viewer, Response> {
        match ctx.viewer.as_ref() {
            Some(v) => Ok(v),
            None => Err(self.fail(ctx, AppError::Unauthorized).await),
        }
    }

    /// Refuses a body declared larger than `limit` before anything reads it (see [`too_large`]).
    pub async fn refuse_too_large(
        &self,
        ctx: &RequestContext,
        headers: &HeaderMap,
        limit: usize,
    ) -> Result<(), Response> {
        match too_large(&self.pages, ctx, headers, limit).await {
            Some(r) => Err(r),
            None => Ok(()),
        }
    }

    /// Reads a multipart form with at most `limit` bytes of file (see [`read_multipart`]), or the
    /// page for a body that is not one.
    pub async fn multipart(&self, ctx: &RequestContext, m: Multipart, limit: usize) -> Result<MultipartForm, Response> {
        let read = read_multipart(m, limit).await;
        self.or_fail(ctx, read).await
    }
}

/// Refuses a body declared larger than the limit before reading it: a translated 413 page.
pub async fn too_large(pages: &Pages, ctx: &RequestContext, headers: &HeaderMap, limit: usize) -> Option<Response> {
    let declared =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    // Room for the multipart framing and the form's other fields.
    if declared.is_some_and(|n| n > limit + 256 * 1024) {
        return Some(pages.error(ctx, AppError::TooLarge).await);
    }
    None
}

/// A multipart form: its text fields, and the first file (field name, file name, bytes).
pub struct MultipartForm {
    pub fields: Pairs,
    pub file: Option<(String, String, Vec<u8>)>,
    /// A file was cut off at the limit (a body without a declared length).
    pub too_large: bool,
}

impl MultipartForm {
    /// A text field's value as posted ("" when absent).
    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
    }
}

pub async fn read_multipart(mut m: Multipart, limit: usize) -> Result<MultipartForm, AppError> {
    let mut out = MultipartForm { fields: vec![], file: None, too_large: false };
    loop {
        let next = m.next_field().await;
        let Ok(next) = next else {
            // The body limit layer cut the stream: the file was larger than allowed.
            out.too_large = true;
            return Ok(out);
        };
        let Some(mut field) = next else { break };
        let name = field.name().unwrap_or("").to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                let mut bytes = Vec::new();
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) => {
                            if bytes.len() + chunk.len() > limit {
                                out.too_large = true;
                                return Ok(out);
                            }
                            bytes.extend_from_slice(&chunk);
                        }
                        Ok(None) => break,
                        Err(_) => {
                            out.too_large = true;
                            return Ok(out);
                        }
                    }
                }
                if out.file.is_none() && !(file_name.is_empty() && bytes.is_empty()) {
                    out.file = Some((name, file_name, bytes));
                }
            }
            None => {
                let text = field.text().await.map_err(|_| AppError::BadArguments)?;
                out.fields.push((name, text));
            }
        }
    }
    Ok(out)
}
