//! Previous / next links around "page 2 of 5": plain links, so paging works without JavaScript.

use super::views::PaginationView;
use leptos::prelude::*;

#[component]
pub fn Pagination(pagination: PaginationView) -> impl IntoView {
    let p = pagination;
    view! {
        <nav class="pagination" aria-label=p.label>
            {p.previous.map(|l| view! { <a rel="prev" href=l.href>{l.text}</a> })}
            <span>{p.current}</span>
            {p.next.map(|l| view! { <a rel="next" href=l.href>{l.text}</a> })}
        </nav>
    }
}
