//! Structured logs with `tracing`. Policy (see also docs/LOGGING.md): dotted field names
//! (`http.request_id`, `case.id`); never personnummer, tokens, cookies or query strings.

use tracing_subscriber::{fmt, prelude::*, EnvFilter};

/// Installs the global subscriber: `RUST_LOG` filters (default `info`), `format` is "json" or
/// "pretty". Safe to call more than once (tests); later calls are ignored.
pub fn init(format: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    let registry = tracing_subscriber::registry().with(filter);
    let _ = if format == "json" {
        registry.with(fmt::layer().json().flatten_event(true).with_current_span(true)).try_init()
    } else {
        registry.with(fmt::layer().compact()).try_init()
    };
}
