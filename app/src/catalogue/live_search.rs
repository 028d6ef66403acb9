//! The catalogue's search form and results as an island: without JavaScript it is a plain GET
//! form; hydrated, results update as the visitor types or changes a filter (debounced, latest
//! answer wins) and the address bar follows, so reload and back still work.

use super::components::ServiceList;
use super::view_model::{OptionView, ResultsView, SearchFormView};
use leptos::prelude::*;
use stadsporten_domain::catalogue::encode_component;
use std::time::Duration;

fn selected(options: &[OptionView]) -> String {
    options.iter().find(|o| o.selected).map(|o| o.value.clone()).unwrap_or_default()
}

fn options_view(options: Vec<OptionView>) -> impl IntoView {
    options.into_iter().map(|o| view! { <option value=o.value selected=o.selected>{o.label}</option> }).collect_view()
}

/// Everything below the results heading (which stays in place as a live region).
fn results_view(r: ResultsView) -> impl IntoView {
    let empty = r.empty.map(|(msg, help)| view! { <div class="empty"><p>{msg}</p><p>{help}</p></div> });
    let pagination = r.pagination.map(|p| {
        view! {
            <nav class="pagination" aria-label=p.label>
                {p.previous.map(|l| view! { <a rel="prev" href=l.href>{l.text}</a> })}
                <span>{p.current}</span>
                {p.next.map(|l| view! { <a rel="next" href=l.href>{l.text}</a> })}
            </nav>
        }
    });
    view! {
        {empty}
        <ServiceList items=r.items/>
        {pagination}
    }
}

#[island]
pub fn LiveSearch(form: SearchFormView, results: ResultsView) -> impl IntoView {
    let results = RwSignal::new(results);
    let q = RwSignal::new(form.q.clone());
    let situation = RwSignal::new(selected(&form.situations));
    let audience = RwSignal::new(selected(&form.audiences));
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let latest = StoredValue::new(0u64);
    let timer = StoredValue::new(None::<TimeoutHandle>);

    let refresh = move || {
        let mut parts = Vec::new();
        for (key, value) in
            [("q", q.get_untracked()), ("situation", situation.get_untracked()), ("audience", audience.get_untracked())]
        {
            if !value.trim().is_empty() {
                parts.push(format!("{key}={}", encode_component(value.trim())));
            }
        }
        let qs = parts.join("&");
        latest.update_value(|n| *n += 1);
        let mine = latest.get_value();
        leptos::task::spawn_local(async move {
            // Errors (offline, a too-long text) leave the current results; submitting the form
            // still gives the server's full answer and explanation.
            if let Some(view) = fetch_results(&qs).await {
                if latest.get_value() == mine {
                    results.set(view);
                    follow_in_address_bar(&qs);
                }
            }
        });
    };
    let schedule = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(refresh, Duration::from_millis(250)).ok());
    };

    view! {
        <form class="search-form filters" method="get" action="/services" role="search">
            <label for="q">{form.search_label}</label>
            <div class="search-row">
                <input id="q" name="q" type="search" maxlength="200" autocomplete="off"
                    placeholder=form.placeholder value=form.q
                    on:input=move |ev| { q.set(event_target_value(&ev)); schedule(); }/>
                <button type="submit">{form.button}</button>
            </div>
            <div class="filter-row">
                <div class="field">
                    <label for="situation">{form.situation_label}</label>
                    <select id="situation" name="situation"
                        on:change=move |ev| { situation.set(event_target_value(&ev)); schedule(); }>
                        {options_view(form.situations)}
                    </select>
                </div>
                <div class="field">
                    <label for="audience">{form.audience_label}</label>
                    <select id="audience" name="audience"
                        on:change=move |ev| { audience.set(event_target_value(&ev)); schedule(); }>
                        {options_view(form.audiences)}
                    </select>
                </div>
            </div>
            {
                let hint = form.live_hint;
                move || hydrated.get().then(|| view! { <p class="hint">{hint.clone()}</p> })
            }
        </form>
        <section class="results" aria-labelledby="results-heading">
            // A stable live region: screen readers hear the new count when results change.
            <h2 id="results-heading" aria-live="polite">{move || results.with(|r| r.heading.clone())}</h2>
            {move || results_view(results.get())}
        </section>
    }
}

/// Calls the `catalogue_results` server function (same endpoint, same JSON as the page).
async fn fetch_results(qs: &str) -> Option<ResultsView> {
    crate::ui::live::post_query::<super::view_model::CatalogueView>("/api/catalogue/results", qs)
        .await
        .map(|v| v.results)
}

fn follow_in_address_bar(qs: &str) {
    crate::ui::live::follow_in_address_bar("/services", qs);
}
