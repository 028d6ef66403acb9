//! Plain axum routes beside the Leptos pages: health checks and the preference links (language,
//! lite delivery), which must work without JavaScript.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use stadsporten_db::Store;
use stadsporten_domain::redirect::LocalPath;
use stadsporten_domain::Lang;

/// Liveness, and the load balancer's check: the process answers, and is not draining (told to
/// stop, it answers 503 here while it finishes what it has, so the load balancer sends no more).
/// Deliberately not the database: with the database away every node should still answer, with
/// the translated "try again shortly" page, rather than all leave the pool.
pub async fn healthz(State(gate): State<crate::middleware::Gate>) -> Response {
    if gate.is_draining() {
        return (StatusCode::SERVICE_UNAVAILABLE, "draining").into_response();
    }
    (StatusCode::OK, "ok").into_response()
}

/// Readiness: the database answers.
pub async fn readyz(State(store): State<Store>) -> Response {
    match store.ping().await {
        Ok(()) => (StatusCode::OK, "ready").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

#[derive(Deserialize)]
pub struct ReturnTo {
    to: Option<String>,
}

fn remember(name: &str, value: &str, to: Option<&str>) -> Response {
    // `Secure` always, like the session cookie (`__Host-`): browsers keep it over HTTPS and on
    // this machine (localhost is a secure context), and it never travels over plain HTTP.
    let cookie = format!("{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly; Secure");
    let mut res = StatusCode::SEE_OTHER.into_response();
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        h.insert(header::SET_COOKIE, v);
    }
    // Only a path on this site is followed (no open redirect); anything else goes to the start page.
    if let Ok(v) = HeaderValue::from_str(LocalPath::or(to, "/").as_str()) {
        h.insert(header::LOCATION, v);
    }
    res
}

/// `/lang/{code}?to=/path`: remembers the language choice and goes back.
pub async fn choose_language(Path(code): Path<String>, Query(q): Query<ReturnTo>) -> Response {
    match Lang::parse(&code) {
        Some(lang) => remember("lang", lang.code(), q.to.as_deref()),
        // A crafted or stale link: go back unchanged rather than show an error.
        None => remember("lang", Lang::default().code(), q.to.as_deref()),
    }
}

/// `/lite/on` and `/lite/off`: the lite delivery (no JavaScript or WebAssembly at all).
pub async fn choose_lite(Path(mode): Path<String>, Query(q): Query<ReturnTo>) -> Response {
    match mode.as_str() {
        "on" => remember("lite", "1", q.to.as_deref()),
        "off" => remember("lite", "0", q.to.as_deref()),
        _ => remember("lite", "0", q.to.as_deref()),
    }
}
