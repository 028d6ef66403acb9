//! The list's live updates as an island. The filter form and the first page of results are the
//! island's children: rendered on the server and sent as HTML only, never serialised as props
//! (they were half of the page's bytes). Without JavaScript they are a plain GET form and a GET
//! form of checkboxes. Hydrated, the list updates as filters change (debounced, latest answer
//! wins), the address bar follows, chosen units stay chosen, and the new count is announced.

use super::components::results_view;
use super::view::ResultsView;
use leptos::prelude::*;
use std::time::Duration;

#[cfg(feature = "hydrate")]
mod dom {
    //! The few DOM reads the island needs from its server-rendered children.
    use web_sys::wasm_bindgen::JsCast;
    use web_sys::{Element, Event, HtmlFormElement, HtmlInputElement};

    /// Whether an event came from the filter form (not from the list's own checkboxes).
    pub fn from_filters(ev: &Event) -> bool {
        ev.target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("form.compare-filters").ok().flatten())
            .is_some()
    }

    /// The query string of the filter form's current values, without empty ones.
    pub fn form_query(root: &Element) -> Option<String> {
        let form: HtmlFormElement = root.query_selector("form.compare-filters").ok()??.dyn_into().ok()?;
        let data = web_sys::FormData::new_with_form(&form).ok()?;
        let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(data.as_ref()).ok()?;
        let qs = String::from(params.to_string());
        Some(qs.split('&').filter(|p| !p.ends_with('=') && !p.is_empty()).collect::<Vec<_>>().join("&"))
    }

    /// Folds the list's checkboxes into the chosen units: ticked ones in, unticked ones out;
    /// units not on the current page keep their state.
    pub fn remember_choices(root: &Element, chosen: &mut Vec<String>) {
        let Ok(boxes) = root.query_selector_all("input[name=units]") else { return };
        for i in 0..boxes.length() {
            if let Some(input) = boxes.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) {
                let id = input.value();
                chosen.retain(|x| *x != id);
                if input.checked() {
                    chosen.push(id);
                }
            }
        }
    }

    /// Takes the server-rendered first page out, once the island shows its own.
    pub fn remove_first_page(root: &Element) {
        if let Ok(Some(section)) = root.query_selector("[data-first-page]") {
            section.remove();
        }
    }
}

#[island]
pub fn LiveCompare(children: Children) -> impl IntoView {
    let live = RwSignal::new(None::<ResultsView>);
    let announcement = RwSignal::new(String::new());
    let chosen = StoredValue::new(Vec::<String>::new());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let latest = StoredValue::new(0u64);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let root = NodeRef::<leptos::html::Div>::new();

    let refresh = move || {
        #[cfg(feature = "hydrate")]
        {
            let Some(el) = root.get_untracked() else { return };
            let el = web_sys::Element::from(el);
            let Some(qs) = dom::form_query(&el) else { return };
            latest.update_value(|n| *n += 1);
            let mine = latest.get_value();
            leptos::task::spawn_local(async move {
                let Some(results) = crate::ui::live::post_query::<ResultsView>("/api/compare/list", &qs).await else {
                    return;
                };
                if latest.get_value() != mine {
                    return;
                }
                chosen.update_value(|c| dom::remember_choices(&el, c));
                dom::remove_first_page(&el);
                announcement.set(results.heading.clone());
                live.set(Some(results));
                crate::ui::live::follow_in_address_bar("/compare", &qs);
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (root, latest, chosen, live, announcement);
    };
    let schedule = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(refresh, Duration::from_millis(300)).ok());
    };
    #[cfg(feature = "hydrate")]
    let from_filters = |ev: &leptos::ev::Event| dom::from_filters(ev);
    #[cfg(not(feature = "hydrate"))]
    let from_filters = |_: &leptos::ev::Event| false;
    view! {
        <div class="live-compare" node_ref=root data-live=move || hydrated.get().then_some("")
            on:change=move |ev| if from_filters(&ev) { schedule() }
            on:input=move |ev| if from_filters(&ev) { schedule() }>
            {children()}
            {move || live.get().map(|r| view! {
                <section class="results" aria-labelledby="compare-results-heading">
                    <h2 id="compare-results-heading">{r.heading.clone()}</h2>
                    {results_view(r, &chosen.get_value())}
                </section>
            })}
            <p class="visually-hidden" role="status">{announcement}</p>
        </div>
    }
}
