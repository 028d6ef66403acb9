//! Who calls the API and what they may do: the token endpoint (OAuth 2.0 client credentials,
//! RFC 6749 section 4.4), bearer tokens (RFC 6750), scopes, the per-client rate limit, and the
//! audit entry of every call.
//!
//! Policy: secrets are compared by their SHA-256 in constant time; a refused token request is
//! answered as RFC 6749 section 5.2 says (401 `invalid_client` with `WWW-Authenticate: Basic`), a
//! refused call as a problem document (401 with `WWW-Authenticate: Bearer`, 403 for a missing
//! scope), and both are audited. A client may make `per_minute` calls a minute on each node
//! (`[api] requests_per_minute`), then gets 429 with `Retry-After`.

use super::model::{TokenError, TokenResponse};
use super::problem::problem;
use super::ApiState;
use crate::context::RequestContext;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use rand::RngCore as _;
use stadsporten_db::ApiCaller;
use stadsporten_domain::api::{secret_hash, Scope, Scopes, TOKEN_SECONDS};
use stadsporten_domain::audit::{AuditAction, AuditEntry, Outcome};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The audit role of a client: `api-client:{id}`.
pub fn role_of(client_id: &str) -> String {
    format!("api-client:{client_id}")
}

/// An audit entry for a call by `client` (`None`: not yet known — a refused token).
pub fn entry(
    ctx: &RequestContext,
    client: Option<&str>,
    action: AuditAction,
    object_type: &str,
    object_id: Option<String>,
    outcome: Outcome,
    reason: Option<String>,
) -> AuditEntry {
    AuditEntry {
        at: ctx.now,
        actor_id: None,
        acting_for: None,
        role: Some(client.map_or_else(|| "api-client".to_owned(), role_of)),
        action,
        object_type: object_type.to_owned(),
        object_id,
        outcome,
        reason,
        request_id: (!ctx.request_id.is_empty()).then(|| ctx.request_id.clone()),
        client_addr: (!ctx.client_addr.is_empty()).then(|| ctx.client_addr.clone()),
    }
}

/// Writes an entry on its own; `Err` is the 503 to answer instead.
pub async fn record(s: &ApiState, e: AuditEntry) -> Result<(), Response> {
    s.store.append_audit(&e).await.map_err(|err| {
        tracing::error!(error = %err, "could not audit an API call");
        problem(503, "unavailable", "The call could not be recorded now", "try again shortly")
    })
}

/// A new random token or secret: 32 bytes, URL-safe base64 (43 characters).
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn token_error(status: u16, error: &str, description: &str) -> Response {
    let body = TokenError { error: error.to_owned(), error_description: description.to_owned() };
    let mut r = (StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST), axum::Json(body)).into_response();
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == 401 {
        h.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Basic realm=\"stadsporten-api\""));
    }
    r
}

/// The client's id and secret from HTTP Basic (RFC 6749 section 2.3.1: each form-urlencoded) or
/// from the form.
/// The token request's fields as sent (the documented shape is `model::TokenRequest`).
#[derive(Debug, Default)]
struct TokenForm {
    grant_type: Option<String>,
    scope: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

fn client_credentials(headers: &HeaderMap, form: &TokenForm) -> Option<(String, String)> {
    if let Some(basic) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic ").or_else(|| v.strip_prefix("basic ")))
    {
        let decoded = base64::engine::general_purpose::STANDARD.decode(basic.trim()).ok()?;
        let decoded = String::from_utf8(decoded).ok()?;
        let (id, secret) = decoded.split_once(':')?;
        let unescape =
            |s: &str| form_urlencoded::parse(format!("x={s}").as_bytes()).next().map(|(_, v)| v.into_owned());
        return Some((unescape(id)?, unescape(secret)?));
    }
    Some((form.client_id.clone()?, form.client_secret.clone()?))
}

/// `POST /api/v1/oauth/token`: a bearer token for a registered client.
#[utoipa::path(
    post,
    path = "/api/v1/oauth/token",
    tag = "authentication",
    request_body(content = super::model::TokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "A bearer token", body = TokenResponse),
        (status = 400, description = "A malformed request or a scope the client does not have", body = TokenError),
        (status = 401, description = "Unknown client or wrong secret", body = TokenError),
        (status = 429, description = "Too many requests", body = super::model::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
pub async fn token(
    State(s): State<Arc<ApiState>>,
    axum::Extension(ctx): axum::Extension<RequestContext>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let form_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| {
        v.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("application/x-www-form-urlencoded")
    });
    if !form_type {
        return token_error(400, "invalid_request", "send the request as application/x-www-form-urlencoded");
    }
    let mut form = TokenForm::default();
    for (k, v) in form_urlencoded::parse(&body) {
        let slot = match k.as_ref() {
            "grant_type" => &mut form.grant_type,
            "scope" => &mut form.scope,
            "client_id" => &mut form.client_id,
            "client_secret" => &mut form.client_secret,
            other => {
                return token_error(
                    400,
                    "invalid_request",
                    &format!("unknown parameter {:?}", other.chars().take(40).collect::<String>()),
                );
            }
        };
        if slot.replace(v.into_owned()).is_some() {
            return token_error(400, "invalid_request", &format!("{k} given twice"));
        }
    }
    match form.grant_type.as_deref() {
        Some("client_credentials") => {}
        Some(_) => return token_error(400, "unsupported_grant_type", "only client_credentials is supported"),
        None => return token_error(400, "invalid_request", "grant_type is required"),
    }
    let refused = |id: Option<&str>, why: &'static str| {
        entry(
            &ctx,
            None,
            AuditAction::SignInFailed,
            "api-token",
            id.map(|i| i.chars().take(64).collect()),
            Outcome::Denied,
            Some(why.into()),
        )
    };
    let Some((id, secret)) = client_credentials(&headers, &form) else {
        if let Err(r) = record(&s, refused(None, "no-credentials")).await {
            return r;
        }
        return token_error(401, "invalid_client", "authenticate with HTTP Basic or client_id and client_secret");
    };
    let client = match s.store.active_api_client(&id).await {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "could not read an API client");
            return problem(503, "unavailable", "Tokens cannot be issued now", "try again shortly");
        }
    };
    let Some(client) = client.filter(|c| constant_time_eq(c.secret_hash.as_bytes(), secret_hash(&secret).as_bytes()))
    else {
        if let Err(r) = record(&s, refused(Some(&id), "unknown-client-or-secret")).await {
            return r;
        }
        return token_error(401, "invalid_client", "unknown client, revoked client or wrong secret");
    };
    let asked = match form.scope.as_deref().map(Scopes::parse).transpose() {
        Ok(a) => a,
        Err(e) => return token_error(400, "invalid_scope", &e.to_string()),
    };
    let scopes = match client.scopes.grant(asked.as_ref()) {
        Ok(s) => s,
        Err(e) => {
            if let Err(r) = record(&s, refused(Some(&id), "scope-not-allowed")).await {
                return r;
            }
            return token_error(400, "invalid_scope", &format!("the client may not have {}", e.0));
        }
    };
    let token = random_secret();
    let expires_at = ctx.now + TOKEN_SECONDS;
    let store = s.store.audited(entry(
        &ctx,
        Some(&client.id),
        AuditAction::Create,
        "api-token",
        Some(client.id.clone()),
        Outcome::Success,
        None,
    ));
    if let Err(e) = store.issue_api_token(&secret_hash(&token), &client.id, &scopes, ctx.now, expires_at).await {
        tracing::error!(error = %e, "could not issue an API token");
        return problem(503, "unavailable", "Tokens cannot be issued now", "try again shortly");
    }
    let body = TokenResponse {
        access_token: token,
        token_type: "Bearer".into(),
        expires_in: TOKEN_SECONDS,
        scope: scopes.to_string(),
    };
    let mut r = axum::Json(body).into_response();
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn bearer_refusal(status: u16, slug: &str, title: &str, detail: &str, error: &str) -> Response {
    let mut r = problem(status, slug, title, detail);
    let value = format!("Bearer realm=\"stadsporten-api\", error=\"{error}\"");
    if let Ok(v) = HeaderValue::from_str(&value) {
        r.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
    r
}

/// The caller of a request, when its bearer token is valid and allows `need`; otherwise the
/// audited refusal to answer. `object` names what was asked for, for the audit trail.
pub async fn authorize(
    s: &ApiState,
    ctx: &RequestContext,
    headers: &HeaderMap,
    need: &Scope,
    object: (&str, Option<String>),
) -> Result<ApiCaller, Response> {
    let caller = authenticate(s, ctx, headers, object.clone()).await?;
    if !caller.scopes.allows(need) {
        record(
            s,
            entry(
                ctx,
                Some(&caller.client_id),
                AuditAction::AccessDenied,
                object.0,
                object.1,
                Outcome::Denied,
                Some(format!("needs {need}")),
            ),
        )
        .await?;
        return Err(bearer_refusal(
            403,
            "missing-scope",
            "The token does not allow this",
            &format!("it needs the scope {need}"),
            "insufficient_scope",
        ));
    }
    Ok(caller)
}

/// The caller of a request, when its bearer token is valid and within its rate; otherwise the
/// (audited) refusal. What it may do is the caller's to check next.
pub async fn authenticate(
    s: &ApiState,
    ctx: &RequestContext,
    headers: &HeaderMap,
    object: (&str, Option<String>),
) -> Result<ApiCaller, Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let caller = match token {
        None => None,
        Some(t) => s.store.api_caller(&secret_hash(t), ctx.now).await.map_err(|e| {
            tracing::error!(error = %e, "could not read an API token");
            problem(503, "unavailable", "The call cannot be served now", "try again shortly")
        })?,
    };
    let Some(caller) = caller else {
        record(
            s,
            entry(
                ctx,
                None,
                AuditAction::AccessDenied,
                object.0,
                object.1,
                Outcome::Denied,
                Some("no-valid-token".into()),
            ),
        )
        .await?;
        return Err(if token.is_none() {
            bearer_refusal(
                401,
                "unauthenticated",
                "A bearer token is required",
                "get one at /api/v1/oauth/token",
                "invalid_request",
            )
        } else {
            bearer_refusal(
                401,
                "invalid-token",
                "The token is not valid",
                "it is unknown, expired or its client was revoked",
                "invalid_token",
            )
        });
    };
    if let Some(wait) = s.limiter.check(&caller.client_id, ctx.now) {
        let mut r = problem(
            429,
            "too-many-requests",
            "Too many calls",
            &format!("at most {} a minute; try again in {wait} s", s.limiter.per_minute),
        );
        if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return Err(r);
    }
    Ok(caller)
}

/// Calls per client per minute on this node (a fixed window; several nodes multiply it).
pub struct ClientLimiter {
    pub per_minute: u32,
    windows: Mutex<HashMap<String, (i64, u32)>>,
}

impl ClientLimiter {
    pub fn new(per_minute: u32) -> ClientLimiter {
        ClientLimiter { per_minute, windows: Mutex::new(HashMap::new()) }
    }

    /// `None` when the call may go ahead; else the seconds to wait.
    pub fn check(&self, client: &str, now: i64) -> Option<i64> {
        let minute = now.div_euclid(60);
        let mut w = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if w.len() > 10_000 {
            w.retain(|_, (m, _)| *m == minute);
        }
        let slot = w.entry(client.to_owned()).or_insert((minute, 0));
        if slot.0 != minute {
            *slot = (minute, 0);
        }
        if slot.1 >= self.per_minute {
            return Some(60 - now.rem_euclid(60));
        }
        slot.1 += 1;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gets_its_calls_a_minute_then_waits_for_the_next() {
        let l = ClientLimiter::new(3);
        // Ten seconds into a minute.
        let t = 1_800_000_010;
        for _ in 0..3 {
            assert_eq!(l.check("a", t), None);
        }
        assert_eq!(l.check("a", t + 5), Some(45));
        assert_eq!(l.check("b", t + 5), None, "another client has its own window");
        assert_eq!(l.check("a", t + 50), None, "a new minute");
    }

    #[test]
    fn basic_credentials_are_form_decoded() {
        let form = TokenForm::default();
        let mut h = HeaderMap::new();
        let raw = base64::engine::general_purpose::STANDARD.encode("sbk-system:a%2Bb%3Ac");
        h.insert(header::AUTHORIZATION, HeaderValue::from_str(&format!("Basic {raw}")).unwrap());
        assert_eq!(client_credentials(&h, &form), Some(("sbk-system".into(), "a+b:c".into())));
        let form = TokenForm { client_id: Some("x".into()), client_secret: Some("y".into()), ..form };
        assert_eq!(client_credentials(&HeaderMap::new(), &form), Some(("x".into(), "y".into())));
    }
}
