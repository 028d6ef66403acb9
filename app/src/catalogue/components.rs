//! Building blocks shared by the catalogue's pages and its island.

use super::view_model::{MessageView, ServiceItem};
use leptos::prelude::*;

/// Operating messages as a list of notices.
#[component]
pub fn OperatingMessages(messages: Vec<MessageView>, heading: String) -> impl IntoView {
    (!messages.is_empty()).then(|| {
        let items = messages
            .into_iter()
            .map(|m| {
                let class = if m.disruption { "message message-disruption" } else { "message message-notice" };
                view! {
                    <li class=class lang=m.content_lang.clone()>
                        <p class="message-severity">{m.severity}</p>
                        <h3>
                            {match m.service_href {
                                Some(href) => view! { <a href=href>{m.title}</a> }.into_any(),
                                None => m.title.into_any(),
                            }}
                        </h3>
                        <p>{m.body}</p>
                        <p class="message-valid">{m.valid}</p>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="messages" aria-labelledby="messages-heading">
                <h2 id="messages-heading">{heading}</h2>
                <ul class="plain-list">{items}</ul>
            </section>
        }
    })
}

/// A list of services (results, most used).
#[component]
pub fn ServiceList(items: Vec<ServiceItem>) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|s| {
            let meta = s.meta.join(" · ");
            view! {
                <li class="service-item" lang=s.content_lang.clone()>
                    <h3><a href=s.href>{s.title}</a></h3>
                    <p>{s.summary}</p>
                    <p class="meta">{meta}</p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="plain-list service-list">{items}</ul> }
}
