//! The hidden CSRF field every form of a signed-in person carries (see the server's `csrf` module).

use crate::context::RequestContext;
use leptos::prelude::*;

#[component]
pub fn CsrfField() -> impl IntoView {
    let token = use_context::<RequestContext>().and_then(|c| c.viewer).map(|v| v.csrf).unwrap_or_default();
    view! { <input type="hidden" name="csrf" value=token/> }
}
