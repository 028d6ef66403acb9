//! The island hydration script, included by each page that renders an island.
//!
//! Policy: JavaScript and WebAssembly are an addition, never a requirement. Pages without islands
//! do not include this, so they send none; the lite delivery suppresses it everywhere.

use crate::context::RequestContext;
use leptos::prelude::*;

/// Loads the WebAssembly that hydrates this page's islands (on idle, with the request's CSP nonce).
#[component]
pub fn IslandScripts() -> impl IntoView {
    let lite = use_context::<RequestContext>().is_some_and(|c| c.lite);
    use_context::<LeptosOptions>()
        .filter(|_| !lite)
        .map(|options| view! { <HydrationScripts options=options islands=true/> })
}
