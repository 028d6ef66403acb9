//! Subscriptions to events (webhooks) through the API: make one for a unit's case events, list
//! them, stop one, read a subscription's delivery log, replay a delivery.
//!
//! Policy: a client subscribes only to what its token may read (`cases:read:{unit}`), sees and
//! changes only its own subscriptions (another client's is "not found"), and gets the signing
//! secret once. Receivers are `https://`; `http://` only in development. Every call is audited
//! like the rest of the API.

#![allow(clippy::result_large_err, reason = "a refusal is the response to send, made once per refused call")]

use super::auth::{self, authenticate, entry};
use super::model::{Deliveries, Delivery, NewWebhook, Problem, Webhook, Webhooks};
use super::problem::{bad_field, problem};
use super::routes::{time, unavailable};
use super::ApiState;
use crate::context::RequestContext;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rand::RngCore as _;
use stadsporten_domain::api::webhook::{secret_text, EventType};
use stadsporten_domain::api::Scope;
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::organisation::UnitCode;
use std::sync::Arc;

/// The events a subscription may ask for now.
const OFFERED: [EventType; 4] =
    [EventType::CaseSubmitted, EventType::CaseStatusChanged, EventType::CaseDecided, EventType::CaseMessageReceived];

fn view(w: stadsporten_db::WebhookSubscription, secret: Option<String>) -> Webhook {
    Webhook {
        deliveries: format!("/api/v1/webhooks/{}/deliveries", w.id),
        id: w.id,
        url: w.url,
        events: w.events.iter().map(|e| e.slug().to_owned()).collect(),
        unit: w.unit_code,
        created_at: time(w.created_at),
        disabled_at: w.disabled_at.map(time),
        secret,
    }
}

fn json(status: StatusCode, value: &impl serde::Serialize) -> Response {
    let mut r = (status, axum::Json(value)).into_response();
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// The field a serde_json error names (`unknown field `x``, `missing field `x``), or `body`.
fn field_of(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.split('`').nth(1).filter(|f| f.len() <= 40 && !f.contains(' ')).unwrap_or("body").to_owned()
}

fn parse_id(raw: &str, field: &str) -> Result<i64, Response> {
    raw.parse::<i64>().ok().filter(|n| *n >= 1).ok_or_else(|| bad_field(field, "a whole number from 1"))
}

/// Whether a receiver's address is acceptable.
fn receiver_ok(url: &str, allow_http: bool) -> Result<(), &'static str> {
    let rest = if let Some(r) = url.strip_prefix("https://") {
        r
    } else if let Some(r) = url.strip_prefix("http://").filter(|_| allow_http) {
        r
    } else {
        return Err("an https:// address");
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty()
        || host.contains('@')
        || url.len() > 2000
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err("an address with a host, no credentials, at most 2000 characters");
    }
    Ok(())
}

/// `POST /api/v1/webhooks`: subscribes to a unit's case events.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks",
    tag = "events",
    request_body(content = NewWebhook, content_type = "application/json"),
    responses(
        (status = 201, description = "The subscription, with its signing secret (shown this once)", body = Webhook),
        (status = 400, description = "A field is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks cases:read for the unit", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["cases:read:{unit}"]))
)]
pub async fn create(
    State(s): State<Arc<ApiState>>,
    axum::Extension(ctx): axum::Extension<RequestContext>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let caller = match authenticate(&s, &ctx, &headers, ("webhook", None)).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if let Some(q) = query.filter(|q| !q.is_empty()) {
        let name: String = q.split(['=', '&']).next().unwrap_or("").chars().take(40).collect();
        return bad_field(&name, "unknown parameter");
    }
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return bad_field("body", "send application/json");
    }
    let new: NewWebhook = match serde_json::from_slice(&body) {
        Ok(n) => n,
        Err(e) => return bad_field(&field_of(&e), "not as documented"),
    };
    let Some(unit) = UnitCode::parse(&new.unit).filter(|u| u.as_str() == new.unit) else {
        return bad_field("unit", "a unit code: 2–8 capital letters or digits");
    };
    if let Err(why) = receiver_ok(&new.url, s.allow_http_receivers) {
        return bad_field("url", why);
    }
    let mut events = Vec::new();
    for e in &new.events {
        match EventType::parse(e).filter(|t| OFFERED.contains(t)) {
            Some(t) if !events.contains(&t) => events.push(t),
            Some(_) => return bad_field("events", "an event named twice"),
            None => {
                return bad_field(
                    "events",
                    "one of case.submitted, case.status-changed, case.decided, case.message-received",
                )
            }
        }
    }
    if events.is_empty() {
        return bad_field("events", "name at least one event");
    }
    let need = Scope::CasesRead(unit.clone());
    if let Err(r) = authorize_caller(&s, &ctx, &caller, &need).await {
        return r;
    }
    let mut key = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut key);
    let secret = secret_text(&key);
    let store = s.store.audited(entry(
        &ctx,
        Some(&caller.client_id),
        AuditAction::Create,
        "webhook",
        None,
        Outcome::Success,
        None,
    ));
    let id = match store.create_webhook(&caller.client_id, &new.url, &secret, &events, unit.as_str(), ctx.now).await {
        Ok(id) => id,
        Err(e) => return unavailable(e),
    };
    match s.store.webhook_of(&caller.client_id, id).await {
        Ok(Some(w)) => {
            let mut r = json(StatusCode::CREATED, &view(w, Some(secret)));
            if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/webhooks/{id}")) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        Ok(None) => problem(503, "unavailable", "The subscription cannot be read back now", "list your subscriptions"),
        Err(e) => unavailable(e),
    }
}

/// The scope check after the body is read (the unit is in the body).
async fn authorize_caller(
    s: &ApiState,
    ctx: &RequestContext,
    caller: &stadsporten_db::ApiCaller,
    need: &Scope,
) -> Result<(), Response> {
    if caller.scopes.allows(need) {
        return Ok(());
    }
    auth::record(
        s,
        entry(
            ctx,
            Some(&caller.client_id),
            AuditAction::AccessDenied,
            "webhook",
            None,
            Outcome::Denied,
            Some(format!("needs {need}")),
        ),
    )
    .await?;
    Err(problem(403, "missing-scope", "The token does not allow this", &format!("it needs the scope {need}")))
}

/// `GET /api/v1/webhooks`: the client's subscriptions.
#[utoipa::path(
    get,
    path = "/api/v1/webhooks",
    tag = "events",
    responses(
        (status = 200, description = "The client's subscriptions, newest first", body = Webhooks),
        (status = 400, description = "A parameter given", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid bearer token", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = []))
)]
pub async fn list(
    State(s): State<Arc<ApiState>>,
    axum::Extension(ctx): axum::Extension<RequestContext>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let caller = match authenticate(&s, &ctx, &headers, ("webhook", None)).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if let Some(q) = query.filter(|q| !q.is_empty()) {
        let name: String = q.split(['=', '&']).next().unwrap_or("").chars().take(40).collect();
        return bad_field(&name, "unknown parameter");
    }
    if let Err(r) = auth::record(
        &s,
        entry(&ctx, Some(&caller.client_id), AuditAction::Read, "webhook", None, Outcome::Success, None),
    )
    .await
    {
        return r;
    }
    match s.store.webhooks_of(&caller.client_id).await {
        Ok(all) => json(StatusCode::OK, &Webhooks { items: all.into_iter().map(|w| view(w, None)).collect() }),
        Err(e) => unavailable(e),
    }
}

/// `DELETE /api/v1/webhooks/{id}`: stops a subscription.
#[utoipa::path(
    delete,
    path = "/api/v1/webhooks/{id}",
    tag = "events",
    params(super::model::WebhookPath),
    responses(
        (status = 204, description = "Stopped: nothing more is sent to it"),
        (status = 400, description = "Not a subscription id", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription of this client, or stopped already", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = []))
)]
pub async fn stop(
    State(s): State<Arc<ApiState>>,
    axum::Extension(ctx): axum::Extension<RequestContext>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let id = match parse_id(&id, "id") {
        Ok(i) => i,
        Err(r) => return r,
    };
    let caller = match authenticate(&s, &ctx, &headers, ("webhook", Some(id.to_string()))).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let store = s.store.audited(entry(
        &ctx,
        Some(&caller.client_id),
        AuditAction::Delete,
        "webhook",
        Some(id.to_string()),
        Outcome::Success,
        None,
    ));
    match store.disable_webhook(&caller.client_id, id, ctx.now).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(stadsporten_db::DbError::NotFound) => {
            problem(404, "not-found", "No such subscription", "none of this client's, or stopped already")
        }
        Err(e) => unavailable(e),
    }
}

/// `GET /api/v1/webhooks/{id}/deliveries`: the delivery log.
#[utoipa::path(
    get,
    path = "/api/v1/webhooks/{id}/deliveries",
    tag = "events",
    params(super::model::WebhookPath, super::model::DeliveryListQuery),
    responses(
        (status = 200, description = "The deliveries, newest first", body = Deliveries),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such subscription of this client", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = []))
)]
pub async fn deliveries(
    State(s): State<Arc<ApiState>>,
    axum::Extension(ctx): axum::Extension<RequestContext>,
    headers: HeaderMap,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let id = match parse_id(&id, "id") {
        Ok(i) => i,
        Err(r) => return r,
    };
    let caller = match authenticate(&s, &ctx, &headers, ("webhook", Some(id.to_string()))).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let mut before = None;
    let mut limit = stadsporten_domain::api::DEFAULT_PAGE;
    let mut seen = std::collections::HashSet::new();
    for (k, v) in form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes()) {
        if !seen.insert(k.clone().into_owned()) {
            return bad_field(&k, "given twice");
        }
        match k.as_ref() {
            "before" => match parse_id(&v, "before") {
                Ok(b) => before = Some(b),
                Err(r) => return r,
            },
            "limit" => match v
                .parse::<usize>()
                .map_err(|_| "a whole number".to_owned())
                .and_then(|n| stadsporten_domain::api::page_size(Some(n)))
            {
                Ok(n) => limit = n,
                Err(e) => return bad_field("limit", &e),
            },
            other => return bad_field(&other.chars().take(40).collect::<String>(), "unknown parameter"),
        }
    }
    match s.store.webhook_of(&caller.client_id, id).await {
        Ok(Some(_)) => {}
        Ok(None) => return problem(404, "not-found", "No such subscription", "none of this client's"),
        Err(e) => return unavailable(e),
    }
    if let Err(r) = auth::record(
        &s,
        entry(
            &ctx,
            Some(&caller.client_id),
            AuditAction::Read,
            "webhook-delivery",
            Some(id.to_string()),
            Outcome::Success,
            None,
        ),
    )
    .await
    {
        return r;
    }
    let rows = match s.store.webhook_deliveries(id, before, i64::try_from(limit + 1).unwrap_or(201)).await {
        Ok(r) => r,
        Err(e) => return unavailable(e),
    };
    let more = rows.len() > limit;
    let items: Vec<Delivery> = rows
        .into_iter()
        .take(limit)
        .map(|d| Delivery {
            id: d.id,
            event_id: d.event_id,
            event_type: d.event_type,
            status: d.status,
            attempts: d.attempts,
            next_attempt_at: time(d.next_attempt_at),
            last_status: d.last_status,
            last_error: d.last_error,
            created_at: time(d.created_at),
            delivered_at: d.delivered_at.map(time),
        })
        .collect();
    let next_before = more.then(|| items.last().map(|d| d.id)).flatten();
    json(StatusCode::OK, &Deliveries { items, next_before })
}

/// `POST /api/v1/webhooks/{id}/deliveries/{delivery}/replay`: sends a delivery again now.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks/{id}/deliveries/{delivery}/replay",
    tag = "events",
    params(super::model::DeliveryPath),
    responses(
        (status = 202, description = "It will be sent again shortly, with the same event id"),
        (status = 400, description = "Not an id", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such delivery of this client's subscription", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = []))
)]
pub async fn replay(
    State(s): State<Arc<ApiState>>,
    axum::Extension(ctx): axum::Extension<RequestContext>,
    headers: HeaderMap,
    Path((id, delivery)): Path<(String, String)>,
) -> Response {
    let (id, delivery) = match (parse_id(&id, "id"), parse_id(&delivery, "delivery")) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    let caller = match authenticate(&s, &ctx, &headers, ("webhook-delivery", Some(delivery.to_string()))).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match s.store.webhook_of(&caller.client_id, id).await {
        Ok(Some(_)) => {}
        Ok(None) => return problem(404, "not-found", "No such delivery", "none of this client's subscriptions"),
        Err(e) => return unavailable(e),
    }
    let store = s.store.audited(entry(
        &ctx,
        Some(&caller.client_id),
        AuditAction::Update,
        "webhook-delivery",
        Some(delivery.to_string()),
        Outcome::Success,
        Some("replay".into()),
    ));
    match store.replay_delivery(id, delivery, ctx.now).await {
        Ok(()) => StatusCode::ACCEPTED.into_response(),
        Err(stadsporten_db::DbError::NotFound) => {
            problem(404, "not-found", "No such delivery", "not in this subscription")
        }
        Err(e) => unavailable(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receivers_are_https_with_a_host_and_no_credentials() {
        assert!(receiver_ok("https://sbk.example/hooks", false).is_ok());
        assert!(receiver_ok("http://127.0.0.1:9000/hooks", true).is_ok());
        for bad in [
            "http://sbk.example/",
            "ftp://x",
            "https://",
            "https://user:pw@sbk.example/",
            "https://a b/",
            "sbk.example",
        ] {
            assert!(receiver_ok(bad, false).is_err(), "{bad}");
        }
    }
}
