//! Building blocks shared by the catalogue's pages and the live results' fragment.

use super::view_model::{MessageView, OptionView, ResultsView, SearchFormView, ServiceItem};
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
                        <h3>{m.title}</h3>
                        <p>{m.body}</p>
                        {(!m.services.is_empty()).then(|| {
                            let links = m
                                .services
                                .into_iter()
                                .map(|l| view! { <li><a href=l.href>{l.text}</a></li> })
                                .collect_view();
                            view! { <ul class="message-services">{links}</ul> }
                        })}
                        {m.districts.map(|d| view! { <p class="message-districts">{d}</p> })}
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

fn options_view(options: Vec<OptionView>) -> impl IntoView {
    options.into_iter().map(|o| view! { <option value=o.value selected=o.selected>{o.label}</option> }).collect_view()
}

/// The catalogue's search form: a GET form; the live island (`data-live-endpoint`) updates the
/// results as the visitor types or changes a filter.
#[component]
pub fn SearchForm(form: SearchFormView) -> impl IntoView {
    view! {
        <form class="search-form filters" method="get" action="/services" role="search"
            data-live-endpoint="/api/catalogue/results-html">
            <label for="q">{form.search_label}</label>
            <div class="search-row">
                <input id="q" name="q" type="search" maxlength="200" autocomplete="off"
                    placeholder=form.placeholder value=form.q/>
                <button type="submit">{form.button}</button>
            </div>
            <div class="filter-row">
                <div class="field">
                    <label for="situation">{form.situation_label}</label>
                    <select id="situation" name="situation">{options_view(form.situations)}</select>
                </div>
                <div class="field">
                    <label for="audience">{form.audience_label}</label>
                    <select id="audience" name="audience">{options_view(form.audiences)}</select>
                </div>
            </div>
            <p class="hint live-hint">{form.live_hint}</p>
        </form>
    }
}

/// The results section: the page's first view, and what a live update puts in its place.
#[component]
pub fn SearchResults(results: ResultsView) -> impl IntoView {
    let empty = results.empty.map(|(msg, help)| view! { <div class="empty"><p>{msg}</p><p>{help}</p></div> });
    let pagination = results.pagination.map(|p| view! { <crate::ui::Pagination pagination=p/> });
    view! {
        <section class="results" aria-labelledby="results-heading" data-results="">
            <h2 id="results-heading">{results.heading}</h2>
            {empty}
            <ServiceList items=results.items/>
            {pagination}
        </section>
    }
}
