//! Cross-site request checks on every state-changing request (POST, PUT, PATCH, DELETE),
//! server functions included.
//!
//! Policy, in order:
//! 1. Where it comes from: `Sec-Fetch-Site` must be `same-origin` (or `none`, typed by the user)
//!    when present, and `Origin` must name this host when present. A request with neither is
//!    refused: every browser that can hold our session sends at least one of them.
//! 2. For a signed-in session, every state-changing request carries the session's token, whatever
//!    its body (a cross-site page can send `text/plain`, or spell a media type in capitals, and
//!    server functions read the body anyway): the `x-csrf-token` header (JSON calls from the
//!    islands), the hidden `csrf` field of a form (`application/x-www-form-urlencoded`), or
//!    `?csrf=` on a multipart form (`multipart/form-data`, whose body is not buffered here). Media
//!    types are compared case-insensitively without their parameters; any other body, or none,
//!    without the header is refused.
//!
//! Exempt: the built-in test identity provider's token endpoint, called server-to-server and
//! authenticated by the client secret and PKCE; and `/integrations/…` (the telephony platform's
//! call events, the SMS gateway's receipts), called server-to-server, carrying no session, and
//! authenticated by an HMAC signature over a timestamp and the body; and `/csp-reports`, which
//! browsers post without a token and which changes nothing; and `/api/v1/…`, the API for the
//! city's systems, authenticated by a bearer token alone (it never reads the session cookie, so
//! a cross-site page has nothing to borrow). A refusal is a translated 403 page and an audit
//! entry.

use crate::auth::oidc::constant_time_eq;
use crate::auth::AuthState;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::Response;
use stadsporten_app::context::RequestContext;
use stadsporten_app::error::AppError;
use stadsporten_app::flash::{FormFlash, FLASH_KEY, PARKED};
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::redirect::LocalPath;
use std::sync::Arc;

/// The largest form body read here; larger forms must use multipart.
const MAX_FORM: usize = 2 * 1024 * 1024;

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE)
}

fn is_exempt(path: &str) -> bool {
    (path.starts_with("/test-idp/") && path.ends_with("/token"))
        || path.starts_with("/integrations/")
        || path.starts_with("/api/v1/")
        || path == "/csp-reports"
}

/// `Ok(())` when the request's own headers say it comes from this site.
fn same_site(req: &Request) -> Result<(), &'static str> {
    let h = req.headers();
    let get = |name: &str| h.get(name).and_then(|v| v.to_str().ok());
    let fetch_site = get("sec-fetch-site");
    let origin = get(header::ORIGIN.as_str());
    if let Some(site) = fetch_site {
        if site != "same-origin" && site != "none" {
            return Err("cross-site-fetch");
        }
    }
    if let Some(origin) = origin {
        let host = get(header::HOST.as_str()).or_else(|| req.uri().authority().map(|a| a.as_str()));
        let origin_host = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
        if origin_host.is_none() || origin_host != host {
            return Err("foreign-origin");
        }
    }
    if fetch_site.is_none() && origin.is_none() {
        return Err("no-origin");
    }
    Ok(())
}

fn form_field<'a>(body: &'a [u8], name: &str) -> Option<std::borrow::Cow<'a, str>> {
    form_urlencoded::parse(body).find(|(k, _)| k == name).map(|(_, v)| v)
}

pub async fn check(State(auth): State<Arc<AuthState>>, req: Request, next: Next) -> Response {
    if is_safe(req.method()) || is_exempt(req.uri().path()) {
        return next.run(req).await;
    }
    let ctx = req.extensions().get::<RequestContext>().cloned().unwrap_or_default();
    if let Err(reason) = same_site(&req) {
        return refuse(&auth, &ctx, reason).await;
    }
    let Some(viewer) = ctx.viewer.as_ref() else {
        if ctx.session_ended.is_some() {
            return next.run(park_form(req, ctx).await).await;
        }
        return next.run(req).await;
    };
    let from_header = req.headers().get("x-csrf-token").map(|v| v.to_str().map(str::to_owned).unwrap_or_default());
    let valid = |t: &str| !t.is_empty() && constant_time_eq(t.as_bytes(), viewer.csrf.as_bytes());
    if let Some(token) = from_header {
        // A header is sent only by our own scripts (a cross-site page cannot set it without a
        // CORS preflight, never granted): when present it decides, whatever the body.
        if !valid(&token) {
            return refuse(&auth, &ctx, "csrf-token").await;
        }
        return next.run(req).await;
    }
    match BodyType::of(&req) {
        BodyType::Form => {
            let (parts, body) = req.into_parts();
            let Ok(bytes) = to_bytes(body, MAX_FORM).await else {
                return auth.pages.error(&ctx, AppError::BadArguments).await;
            };
            if !form_field(&bytes, "csrf").is_some_and(|t| valid(&t)) {
                return refuse(&auth, &ctx, "csrf-token").await;
            }
            next.run(Request::from_parts(parts, Body::from(bytes))).await
        }
        BodyType::Multipart => {
            let query = req.uri().query().unwrap_or("").as_bytes();
            if !form_field(query, "csrf").is_some_and(|t| valid(&t)) {
                return refuse(&auth, &ctx, "csrf-token").await;
            }
            next.run(req).await
        }
        // JSON without the header, text/plain, no body type at all…: nowhere to carry the token.
        BodyType::Other => refuse(&auth, &ctx, "csrf-token").await,
    }
}

/// What a request body can carry the token in, by its media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyType {
    Form,
    Multipart,
    Other,
}

impl BodyType {
    /// Judged on the media type's essence: `type/subtype` in any case, parameters (`; charset=…`,
    /// `; boundary=…`) ignored. More than one `Content-Type` is ambiguous (which one would the
    /// handler read?), so it is `Other`.
    fn of(req: &Request) -> BodyType {
        let mut values = req.headers().get_all(header::CONTENT_TYPE).iter();
        let (Some(value), None) = (values.next(), values.next()) else { return BodyType::Other };
        let essence = value.to_str().unwrap_or("").split(';').next().unwrap_or("").trim();
        if essence.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
            BodyType::Form
        } else if essence.eq_ignore_ascii_case("multipart/form-data") {
            BodyType::Multipart
        } else {
            BodyType::Other
        }
    }
}

/// The session ended while the person was filling in a form: keep what they typed (not the token)
/// for the page the form came from, so it is there again after they sign in. The request then goes
/// on and is refused as signed out, with "sign in again" leading back to that page.
async fn park_form(req: Request, mut ctx: RequestContext) -> Request {
    let is_form = BodyType::of(&req) == BodyType::Form;
    let from =
        req.headers().get(header::REFERER).and_then(|v| v.to_str().ok()).and_then(|r| url::Url::parse(r).ok()).map(
            |u| match u.query() {
                Some(q) => format!("{}?{q}", u.path()),
                None => u.path().to_owned(),
            },
        );
    let (Some(session), true, Some(from)) = (req.extensions().get::<tower_sessions::Session>().cloned(), is_form, from)
    else {
        return req;
    };
    let (mut parts, body) = req.into_parts();
    let bytes = to_bytes(body, MAX_FORM).await.unwrap_or_default();
    let values: Vec<(String, String)> = form_urlencoded::parse(&bytes)
        .filter(|(k, _)| k != "csrf")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let parked = FormFlash { form: PARKED.into(), values, errors: Vec::new(), args: Vec::new() };
    if let Err(e) = session.insert(FLASH_KEY, &parked).await {
        tracing::warn!(error = %e, "could not keep a form across the end of a session");
    }
    ctx.return_to = Some(LocalPath::or(Some(&from), "/my").into_string());
    parts.extensions.insert(ctx);
    Request::from_parts(parts, Body::from(bytes))
}

async fn refuse(auth: &AuthState, ctx: &RequestContext, reason: &str) -> Response {
    let entry = stadsporten_app::auth::entry(
        ctx,
        AuditAction::AccessDenied,
        "request",
        Some(ctx.path.clone()),
        Outcome::Denied,
        None,
        Some(reason.to_owned()),
    );
    if let Err(e) = auth.store.append_audit(&entry).await {
        tracing::error!(error = %e, "could not audit a refused request");
    }
    tracing::info!(reason, "cross-site request refused");
    auth.pages.error(ctx, AppError::CrossSite).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(headers: &[(&str, &str)]) -> Request {
        let mut b = Request::builder().method(Method::POST).uri("/api/x");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn same_origin_requests_pass_and_others_are_named() {
        assert_eq!(same_site(&post(&[("host", "a.se"), ("origin", "https://a.se")])), Ok(()));
        assert_eq!(same_site(&post(&[("host", "a.se"), ("sec-fetch-site", "same-origin")])), Ok(()));
        assert_eq!(same_site(&post(&[("host", "a.se"), ("sec-fetch-site", "cross-site")])), Err("cross-site-fetch"));
        assert_eq!(same_site(&post(&[("host", "a.se"), ("sec-fetch-site", "same-site")])), Err("cross-site-fetch"));
        assert_eq!(same_site(&post(&[("host", "a.se"), ("origin", "https://evil.se")])), Err("foreign-origin"));
        assert_eq!(same_site(&post(&[("host", "a.se"), ("origin", "null")])), Err("foreign-origin"));
        assert_eq!(same_site(&post(&[("host", "a.se")])), Err("no-origin"));
    }

    #[test]
    fn media_types_are_compared_without_case_or_parameters() {
        let with = |types: &[&str]| {
            let mut b = Request::builder().method(Method::POST).uri("/api/x");
            for t in types {
                b = b.header("content-type", *t);
            }
            BodyType::of(&b.body(Body::empty()).unwrap())
        };
        for form in [
            "application/x-www-form-urlencoded",
            "APPLICATION/X-WWW-FORM-URLENCODED",
            "application/x-www-form-urlencoded; charset=utf-8",
            " Application/X-Www-Form-Urlencoded ;charset=UTF-8",
        ] {
            assert_eq!(with(&[form]), BodyType::Form, "{form}");
        }
        for multipart in ["multipart/form-data; boundary=x", "MULTIPART/FORM-DATA;boundary=x"] {
            assert_eq!(with(&[multipart]), BodyType::Multipart, "{multipart}");
        }
        for other in ["text/plain", "application/json", "", "application/x-www-form-urlencodedx", "multipart/mixed"] {
            assert_eq!(with(&[other]), BodyType::Other, "{other}");
        }
        assert_eq!(with(&[]), BodyType::Other, "no body type");
        assert_eq!(
            with(&["application/x-www-form-urlencoded", "text/plain"]),
            BodyType::Other,
            "two body types are ambiguous"
        );
    }

    #[test]
    fn the_token_is_read_from_the_form() {
        assert_eq!(form_field(b"a=1&csrf=x%2By&b=2", "csrf").as_deref(), Some("x+y"));
        assert_eq!(form_field(b"a=1", "csrf"), None);
    }
}
