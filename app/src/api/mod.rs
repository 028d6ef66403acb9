//! The API for the city's other systems (`/api/v1`): the catalogue and operating messages,
//! providers, and a unit's cases for its own case system, documented as OpenAPI 3.1 generated
//! from this code (`/api/v1/openapi.json`, readable at `/api/v1/docs`).
//!
//! - `auth.rs`: OAuth 2.0 client credentials (the token endpoint), bearer tokens, scopes, the
//!   per-client rate limit and the audit entry of every call.
//! - `model.rs`: what the API answers, as JSON schemas.
//! - `routes.rs`: the endpoints, their cursors and ETags; `problem.rs`: errors as RFC 9457.
//! - `webhooks.rs`: subscriptions to events, their delivery logs and replays (the sending is
//!   the server's `webhooks.rs` worker).
//! - `openapi.rs`: the OpenAPI document and its readable page.
//!
//! Rules in `domain/src/api/` (scopes, cursors), storage in `db/src/api.rs`.
//!
//! Policy: a call is authenticated by its bearer token alone — the session cookie is never read
//! here, which is why `/api/v1/` is exempt from the cross-site check — and authorised by the
//! token's scopes on the server: a unit's cases only with `cases:read:{unit}`, and a case of
//! another unit is "not found" as if it did not exist. Every call, refused ones too, is in the
//! audit trail under the client's id (`api-client:{id}`), written before the answer; a call that
//! cannot be audited is answered 503. Errors are problem documents naming the field.

pub mod auth;
pub mod model;
pub mod openapi;
pub mod problem;
pub mod routes;
pub mod webhooks;

use stadsporten_db::Store;

/// What the API's routes share.
pub struct ApiState {
    pub store: Store,
    pub limiter: auth::ClientLimiter,
    /// The site's public address, for links to service pages.
    pub public_url: String,
    /// Development: webhook receivers may be plain `http://` (a local test receiver).
    pub allow_http_receivers: bool,
}
