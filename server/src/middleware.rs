//! HTTP middleware: the per-request context (language, lite delivery, CSP nonce), security headers
//! on every response, and cache headers.

use crate::auth::session::SESSION_COOKIE;
use axum::extract::Request;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine as _;
use rand::RngCore as _;
use stadsporten_app::context::RequestContext;
use stadsporten_app::error::AppError;
use stadsporten_domain::Lang;

/// Reads one cookie's value from the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Largest page we buffer to strip scripts from in lite mode.
const MAX_LITE_PAGE: usize = 4 * 1024 * 1024;

/// Lite delivery promises no JavaScript at all: besides leaving out the hydration script (the
/// shell does that), remove the small inline bootstrap scripts Leptos adds to every page.
async fn without_scripts(res: Response) -> Response {
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_LITE_PAGE).await else {
        return Response::from_parts(parts, axum::body::Body::empty());
    };
    let html = String::from_utf8_lossy(&bytes);
    let mut out = String::with_capacity(html.len());
    let mut rest: &str = &html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        match rest[start..].find("</script>") {
            Some(end) => rest = &rest[start + end + "</script>".len()..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(out))
}

/// Server functions answer a plain form post (no JavaScript) that failed with a redirect and the
/// error in JSON; show people the translated error page with the error's status instead.
pub async fn server_fn_errors(
    axum::extract::State(pages): axum::extract::State<stadsporten_app::web::pages::Pages>,
    req: Request,
    next: Next,
) -> Response {
    let from_form = req.uri().path().starts_with("/api/")
        && req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("text/html"));
    let ctx = req.extensions().get::<RequestContext>().cloned();
    let res = next.run(req).await;
    let failed = res.status().is_client_error()
        || res.status().is_server_error()
        || res.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).is_some_and(|l| l.contains("__err="));
    let (Some(ctx), true, true) = (ctx, from_form, failed) else { return res };
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024).await.unwrap_or_default();
    // A server function's own error is JSON; anything else (the router's 404, or 405 for a
    // server function opened in the address bar) is judged by its status, not taken for a crash.
    let by_status = match parts.status {
        StatusCode::NOT_FOUND => AppError::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
        StatusCode::BAD_REQUEST | StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::UNPROCESSABLE_ENTITY => {
            AppError::BadArguments
        }
        _ => AppError::Internal,
    };
    let error = serde_json::from_slice::<AppError>(&bytes).unwrap_or(by_status);
    let mut page = pages.error(&ctx, error).await;
    // A 405 says which methods the address does take.
    if let Some(allow) = parts.headers.get(header::ALLOW) {
        page.headers_mut().insert(header::ALLOW, allow.clone());
    }
    page
}

/// Security header settings that depend on configuration.
#[derive(Debug, Clone, Default)]
pub struct SecurityHeaders {
    /// Origins a form may lead to besides this one: the identity providers, because signing out
    /// is a form post answered with a redirect to the provider's logout (CSP `form-action` also
    /// governs redirects after a form post).
    pub form_action_extra: String,
}

/// Works out the request's language and delivery, and sets the security headers on the way out.
pub async fn request_context(
    axum::extract::State(security): axum::extract::State<std::sync::Arc<SecurityHeaders>>,
    mut req: Request,
    next: Next,
) -> Response {
    let headers = req.headers();
    let lang =
        Lang::choose(cookie(headers, "lang"), headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()));
    // An explicit choice wins; otherwise the browser's Save-Data preference chooses lite.
    let lite = match cookie(headers, "lite") {
        Some("1") => true,
        Some("0") => false,
        _ => headers.get("save-data").and_then(|v| v.to_str().ok()).is_some_and(|v| v.eq_ignore_ascii_case("on")),
    };
    let nonce = new_nonce();
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let client_addr = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default();
    let ctx = RequestContext {
        lang,
        lite,
        path: req.uri().path().to_owned(),
        query: req.uri().query().unwrap_or("").to_owned(),
        nonce: nonce.clone(),
        request_id,
        client_addr,
        ..RequestContext::default()
    };
    req.extensions_mut().insert(ctx);
    let is_asset = req.uri().path().starts_with("/pkg/");
    let holds_session = cookie(req.headers(), SESSION_COOKIE).is_some();
    let mut res = next.run(req).await;
    if lite {
        res = without_scripts(res).await;
    }
    let h = res.headers_mut();
    let is_html = h.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    let csp = if is_html {
        format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'{}; frame-ancestors 'none'",
            security.form_action_extra
        )
    } else {
        "default-src 'none'; frame-ancestors 'none'".to_owned()
    };
    if let Ok(v) = HeaderValue::from_str(&csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    let sets_session = h
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|c| c.trim_start().starts_with(&format!("{SESSION_COOKIE}="))));
    if is_asset && !sets_session {
        // cargo-leptos names the JS, WASM and CSS after their content hash: cache them for a year.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
    } else if holds_session || sets_session {
        // Whatever answers a request that holds a session (signed in, or a sign-in under way), or
        // sets one, may be personal: pages name the person, server functions answer with their
        // data, downloads are their files. No cache, shared or the browser's, keeps it.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store, private"));
        if is_html {
            h.insert(header::VARY, HeaderValue::from_static("Accept-Language, Cookie, Save-Data"));
        }
    } else if is_html {
        // Anonymous pages depend on the language and delivery choices: revalidate each time.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache, private"));
        h.insert(header::VARY, HeaderValue::from_static("Accept-Language, Cookie, Save-Data"));
    }
    res
}
