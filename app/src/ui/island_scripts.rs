//! The island hydration script, included by each page part that renders an island.
//!
//! Policy: JavaScript and WebAssembly are an addition, never a requirement. Pages without islands
//! do not include this, so they send none; the lite delivery suppresses it everywhere. Several
//! parts of one page may ask for it (the catalogue's live search, the session timer); it is
//! written once.

use crate::context::RequestContext;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Set once the script is on the page (provided per render by the shell).
#[derive(Clone, Default)]
pub struct ScriptsIncluded(pub Arc<AtomicBool>);

/// Loads the WebAssembly that hydrates this page's islands (on idle, with the request's CSP nonce).
#[component]
pub fn IslandScripts() -> impl IntoView {
    let lite = use_context::<RequestContext>().is_some_and(|c| c.lite);
    let first = use_context::<ScriptsIncluded>().is_none_or(|s| !s.0.swap(true, Ordering::Relaxed));
    use_context::<LeptosOptions>()
        .filter(|_| !lite && first)
        .map(|options| view! { <HydrationScripts options=options islands=true/> })
}
