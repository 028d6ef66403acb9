//! Counting journey events from pages, server functions and plain routes (server only).
//!
//! Policy: first-party and without personal data (see `domain::measure`): a count of what
//! happened, for a service, with the request's channel (web or lite) and device class. Counting
//! is in memory and cannot fail or slow the request (`db/src/measure.rs`).

use crate::context::RequestContext;
use stadsporten_db::{JourneyEvent, Store};
use stadsporten_domain::measure::{CaseChannel, JourneyKind, Origin};

/// Where this request's journey comes from.
pub fn origin(ctx: &RequestContext) -> Origin {
    Origin { channel: if ctx.lite { CaseChannel::Lite } else { CaseChannel::Web }, device: ctx.device }
}

/// Counts one event of this request.
pub fn record(store: &Store, ctx: &RequestContext, service_slug: &str, kind: JourneyKind, detail: &str) {
    record_from(store, origin(ctx), ctx.now, service_slug, kind, detail);
}

/// Counts one event of a journey that began elsewhere (a draft's own origin).
pub fn record_from(store: &Store, origin: Origin, now: i64, service_slug: &str, kind: JourneyKind, detail: &str) {
    store.record(JourneyEvent { service_slug, kind, detail, channel: origin.channel, device: origin.device, at: now });
}
