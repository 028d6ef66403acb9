//! Notices about what a page left out of its URL (an unknown filter, a stale answer): shown once,
//! politely, while the rest of the page works.

use leptos::prelude::*;

#[component]
pub fn Notices(notices: Vec<String>) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <div class="notice" role="status">
                <ul>{notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </div>
        }
    })
}
