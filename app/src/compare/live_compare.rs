//! The comparison's filter form and list as an island: without JavaScript it is a plain GET
//! form and a GET form of checkboxes; hydrated, the list updates as filters change (debounced,
//! latest answer wins), the address bar follows, and chosen units stay chosen across updates.

use super::components::results_view;
use super::view::{CompareView, FilterForm, InputView, ResultsView, SelectView};
use leptos::prelude::*;
use std::time::Duration;

fn select(s: SelectView) -> impl IntoView {
    let id = format!("filter-{}", s.name);
    view! {
        <div class="field">
            <label for=id.clone()>{s.label}</label>
            <select id=id name=s.name>
                {s.options
                    .into_iter()
                    .map(|o| view! { <option value=o.value selected=o.selected>{o.label}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

fn input(i: InputView, kind: &'static str) -> impl IntoView {
    let id = format!("filter-{}", i.name);
    let hint_id = format!("{id}-hint");
    let described = i.hint.as_ref().map(|_| hint_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{i.label}</label>
            {i.hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <input id=id name=i.name type=kind value=i.value maxlength="200" aria-describedby=described autocomplete="off"/>
        </div>
    }
}

/// The query string of the form's current values, without empty ones.
fn form_query(form: &NodeRef<leptos::html::Form>) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let form = form.get_untracked()?;
        let data = web_sys::FormData::new_with_form(&form).ok()?;
        let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(data.as_ref()).ok()?;
        let qs = String::from(params.to_string());
        Some(qs.split('&').filter(|p| !p.ends_with('=') && !p.is_empty()).collect::<Vec<_>>().join("&"))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = form;
        None
    }
}

#[island]
pub fn LiveCompare(form: FilterForm, results: ResultsView) -> impl IntoView {
    let results = RwSignal::new(results);
    let selected = RwSignal::new(Vec::<String>::new());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let latest = StoredValue::new(0u64);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let form_ref = NodeRef::<leptos::html::Form>::new();

    let refresh = move || {
        let Some(qs) = form_query(&form_ref) else { return };
        latest.update_value(|n| *n += 1);
        let mine = latest.get_value();
        leptos::task::spawn_local(async move {
            if let Some(view) = crate::ui::live::post_query::<CompareView>("/api/compare/results", &qs).await {
                if latest.get_value() == mine {
                    if let Some(r) = view.results {
                        results.set(r);
                    }
                    crate::ui::live::follow_in_address_bar("/compare", &qs);
                }
            }
        });
    };
    let schedule = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(refresh, Duration::from_millis(300)).ok());
    };
    let languages = form
        .languages
        .into_iter()
        .map(|o| {
            let id = format!("filter-language-{}", o.value);
            view! {
                <span class="check">
                    <input type="checkbox" name="language" id=id.clone() value=o.value checked=o.selected/>
                    <label for=id>{o.label}</label>
                </span>
            }
        })
        .collect_view();
    let live_hint = form.live_hint;
    view! {
        <form class="filters compare-filters" method="get" action="/compare" node_ref=form_ref
            on:change=move |_| schedule() on:input=move |_| schedule()>
            <input type="hidden" name="kind" value=form.kind/>
            <fieldset>
                <legend>{form.legend}</legend>
                <div class="filter-row">
                    {select(form.district)}
                    {select(form.operator)}
                    {select(form.sort)}
                </div>
                <details class="more-filters" open=form.more_open>
                    <summary>{form.more_label}</summary>
                    <div class="filter-row">
                        {input(form.q, "search")}
                        {input(form.from, "text")}
                        {select(form.profile)}
                    </div>
                    <fieldset class="checks">
                        <legend>{form.languages_legend}</legend>
                        {languages}
                    </fieldset>
                    <fieldset class="filter-row">
                        <legend>{form.hours_legend}</legend>
                        {input(form.open_from, "time")}
                        {input(form.open_until, "time")}
                    </fieldset>
                    <p class="check">
                        <input type="checkbox" name="places" id="filter-places" value="1" checked=form.places/>
                        <label for="filter-places">{form.places_label}</label>
                    </p>
                </details>
            </fieldset>
            <p class="actions">
                <button type="submit">{form.submit}</button>
                <a href=form.reset.href>{form.reset.text}</a>
            </p>
            {move || hydrated.get().then(|| view! { <p class="hint">{live_hint.clone()}</p> })}
        </form>
        <section class="results" aria-labelledby="compare-results-heading">
            <h2 id="compare-results-heading" aria-live="polite">{move || results.with(|r| r.heading.clone())}</h2>
            {move || results_view(results.get(), selected)}
        </section>
    }
}
