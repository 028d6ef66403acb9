//! Per-request facts the server works out before rendering (language, lite mode, the URL), and
//! access to the store inside server functions.

use serde::{Deserialize, Serialize};
use stadsporten_domain::Lang;

/// What the server knows about the request; inserted into request extensions by the server's
/// middleware and read by pages and server functions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequestContext {
    pub lang: Lang,
    /// Lite delivery: no JavaScript or WebAssembly is sent (TV and low-end browsers, Save-Data).
    pub lite: bool,
    pub path: String,
    /// The raw query string, without `?`.
    pub query: String,
    /// This response's CSP nonce (the server sets the matching `Content-Security-Policy`).
    pub nonce: String,
}

impl RequestContext {
    /// Path and query of this request, for "return here" links.
    pub fn here(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }
}

/// The current request's context (server side); a default on the client, where it is unused.
pub fn current() -> RequestContext {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        if let Some(parts) = use_context::<http::request::Parts>() {
            if let Some(ctx) = parts.extensions.get::<RequestContext>() {
                return ctx.clone();
            }
        }
    }
    RequestContext::default()
}

/// The store, provided to every route and server function by the server.
#[cfg(feature = "ssr")]
pub fn store() -> Result<stadsporten_db::Store, crate::error::AppError> {
    leptos::prelude::use_context::<stadsporten_db::Store>().ok_or_else(|| {
        tracing::error!("store missing from context");
        crate::error::AppError::Internal
    })
}

/// Sets the HTTP status of the response being rendered (server side; no-op in the browser).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(opts) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(code) {
            opts.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}
