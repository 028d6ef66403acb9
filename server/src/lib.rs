//! The Stadsporten server: configuration, start-up, telemetry, sign-in, HTTP middleware and the
//! background workers around the Leptos application. Features' pages, server functions and plain
//! form routes live in `stadsporten_app`, one folder each; the server merges their `routes()`.

pub mod auth;
pub mod config;
pub mod mail;
pub mod metrics;
pub mod middleware;
pub mod notify;
pub mod page_cache;
pub mod rate_limit;
mod routes;
pub mod security_routes;
pub mod startup;
pub mod telemetry;
pub mod webhooks;
