//! `POST /integrations/telephony/events`: the city's telephony platform's signed call events
//! (the format and the signature in `stadsporten_domain::contact_centre::telephony`).
//!
//! Policy: authenticated by the platform's shared secret, not by a session; answered with a
//! problem document (RFC 9457) for every refusal — 401 for an unknown platform, a bad signature
//! or a stale timestamp, 400 for a body that is not a call event (naming the field), 409 for an
//! id seen before, 413 for a body over 16 KiB — with nothing created and the refusal logged
//! (without the body, which holds a phone number). An accepted event is written with its audit
//! entry in one transaction and answered 202.

use crate::web::FormState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use stadsporten_db::EventAccepted;
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::contact_centre::telephony::{self, EventRefusal};
use std::sync::Arc;

/// A problem document (`application/problem+json`).
pub fn problem(status: u16, slug: &str, title: &str, detail: &str) -> Response {
    let body = serde_json::json!({
        "type": format!("/problems/{slug}"),
        "title": title,
        "status": status,
        "detail": detail,
    });
    let mut r = (StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST), body.to_string()).into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn refusal(platform: &str, why: &EventRefusal) -> Response {
    tracing::warn!(platform = %platform, refusal = why.slug(), detail = %why.detail(), "telephony event refused");
    let title = match why {
        EventRefusal::Unauthenticated(_) => "The event is not signed by a known platform",
        EventRefusal::Stale => "The event's timestamp is outside the replay window",
        EventRefusal::Malformed(_) => "The body is not a call event",
        EventRefusal::Duplicate => "The event was received before",
    };
    problem(why.status(), why.slug(), title, &why.detail())
}

pub async fn events(
    State(s): State<Arc<FormState>>,
    axum::Extension(ctx): axum::Extension<crate::context::RequestContext>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let platform = header("telephony-platform").unwrap_or_default().to_owned();
    if body.len() > telephony::MAX_BODY_BYTES {
        tracing::warn!(platform = %platform, bytes = body.len(), "telephony event refused: too large");
        return problem(413, "too-large", "The body is too large", "at most 16384 bytes");
    }
    let Some(secret) = s.telephony_secrets.get(&platform) else {
        return refusal(&platform, &EventRefusal::Unauthenticated("Telephony-Platform names no known platform"));
    };
    let now = s.clock.now();
    if let Err(why) =
        telephony::verify(secret, header("telephony-timestamp"), header("telephony-signature"), &body, now)
    {
        return refusal(&platform, &why);
    }
    let (event, occurred_at) = match telephony::parse_event(&body) {
        Ok(e) => e,
        Err(why) => return refusal(&platform, &why),
    };
    let queue = event.queue.clone().unwrap_or_else(|| "general".into());
    // The promise counts from when the caller hung up (never from a time in the future).
    let due = s.pages.settings.contact.callback_due(&queue, occurred_at.min(now));
    let entry = crate::auth::entry(
        &ctx,
        AuditAction::Create,
        "telephony-event",
        None,
        Outcome::Success,
        Some("telephony-platform"),
        Some(event.kind.slug().into()),
    );
    match s.store.audited(entry).accept_call_event(&platform, &event, occurred_at, due, now).await {
        Ok(EventAccepted::New { callback }) => {
            let body = serde_json::json!({ "status": "accepted", "callback": callback.map(|c| c.get()) });
            let mut r = (StatusCode::ACCEPTED, body.to_string()).into_response();
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            r
        }
        Ok(EventAccepted::Duplicate) => refusal(&platform, &EventRefusal::Duplicate),
        Err(e) => {
            tracing::error!(error = %e, "could not record a telephony event");
            let status = if e.is_unavailable() { 503 } else { 500 };
            problem(
                status,
                "unavailable",
                "The event could not be recorded now",
                "try again; the event id makes a retry safe",
            )
        }
    }
}
