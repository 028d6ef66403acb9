//! Live results as one island for every filter page (the catalogue's search, the comparison's
//! filters). Policy: the server renders everything. The island's children — the filter form and
//! the first results — are sent as HTML, never as serialised props; a live update asks the page's
//! fragment endpoint for the new results *as HTML* and puts it in place of the old. So the
//! WebAssembly holds no view models, no JSON decoders for them and no result views (that was a
//! fifth of the module), and a live update shows exactly what a form submission would.
//!
//! What the island reads from its children (all rendered by the pages):
//! - `form[data-live-endpoint]`: the GET form; its `action` is the page's path (the address bar
//!   follows it) and `data-live-endpoint` the server function answering `{"query": qs}` with the
//!   results' HTML;
//! - `[data-results]`: the results section the answer replaces (its first heading is announced);
//! - `input[name=units]` checkboxes (the comparison's choice): chosen units stay chosen across
//!   updates, also when they leave the page and come back;
//! - `.live-hint`: shown by CSS once the island listens (`[data-live]`).
//!
//! Without JavaScript the children are plain GET forms and links, and work as they are.

use leptos::prelude::*;
use std::time::Duration;

/// How long typing or changing a filter must pause before the list is asked again.
const DEBOUNCE: Duration = Duration::from_millis(300);

#[island]
pub fn LiveResults(children: Children) -> impl IntoView {
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
            let Some(form) = dom::LiveForm::find(&el) else { return };
            latest.update_value(|n| *n += 1);
            let mine = latest.get_value();
            leptos::task::spawn_local(async move {
                // Errors (offline, a refused value) leave what is shown; submitting the form
                // still gives the server's full answer and explanation.
                let Some(html) = post_query(&form.endpoint, &form.query).await else { return };
                if latest.get_value() != mine {
                    return;
                }
                chosen.update_value(|c| dom::remember_choices(&el, c));
                let Some(heading) = dom::replace_results(&el, &html) else { return };
                chosen.with_value(|c| dom::restore_choices(&el, c));
                announcement.set(heading);
                follow_in_address_bar(&form.path, &form.query);
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (root, latest, chosen, announcement);
    };
    let schedule = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(refresh, DEBOUNCE).ok());
    };
    #[cfg(feature = "hydrate")]
    let from_form = |ev: &leptos::ev::Event| dom::from_live_form(ev);
    #[cfg(not(feature = "hydrate"))]
    let from_form = |_: &leptos::ev::Event| false;
    view! {
        <div class="live-results" node_ref=root data-live=move || hydrated.get().then_some("")
            on:change=move |ev| if from_form(&ev) { schedule() }
            on:input=move |ev| if from_form(&ev) { schedule() }>
            {children()}
            <p class="visually-hidden" role="status">{announcement}</p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod dom {
    //! The few DOM reads and writes the island needs.
    use web_sys::wasm_bindgen::JsCast;
    use web_sys::{Element, Event, HtmlFormElement, HtmlInputElement};

    /// Whether an event came from the live form (not from the results' own checkboxes).
    pub fn from_live_form(ev: &Event) -> bool {
        ev.target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("form[data-live-endpoint]").ok().flatten())
            .is_some()
    }

    /// The live form's endpoint, path and current query (without empty values).
    pub struct LiveForm {
        pub endpoint: String,
        pub path: String,
        pub query: String,
    }

    impl LiveForm {
        pub fn find(root: &Element) -> Option<Self> {
            let form: HtmlFormElement = root.query_selector("form[data-live-endpoint]").ok()??.dyn_into().ok()?;
            let endpoint = form.get_attribute("data-live-endpoint")?;
            let path = form.get_attribute("action")?;
            let data = web_sys::FormData::new_with_form(&form).ok()?;
            let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(data.as_ref()).ok()?;
            let qs = String::from(params.to_string());
            let query = qs.split('&').filter(|p| !p.ends_with('=') && !p.is_empty()).collect::<Vec<_>>().join("&");
            Some(Self { endpoint, path, query })
        }
    }

    /// Puts the new results in place of the old; returns the new heading's text to announce.
    pub fn replace_results(root: &Element, html: &str) -> Option<String> {
        let old = root.query_selector("[data-results]").ok()??;
        old.set_outer_html(html);
        let heading = root.query_selector("[data-results] h2").ok()??;
        Some(heading.text_content().unwrap_or_default().trim().to_owned())
    }

    fn unit_boxes(root: &Element) -> Vec<HtmlInputElement> {
        let Ok(boxes) = root.query_selector_all("input[name=units]") else { return Vec::new() };
        (0..boxes.length()).filter_map(|i| boxes.item(i)?.dyn_into::<HtmlInputElement>().ok()).collect()
    }

    /// Folds the shown checkboxes into the chosen units: ticked ones in, unticked ones out; units
    /// not shown keep their state.
    pub fn remember_choices(root: &Element, chosen: &mut Vec<String>) {
        for input in unit_boxes(root) {
            let id = input.value();
            chosen.retain(|x| *x != id);
            if input.checked() {
                chosen.push(id);
            }
        }
    }

    /// Ticks the chosen units among the new results.
    pub fn restore_choices(root: &Element, chosen: &[String]) {
        for input in unit_boxes(root) {
            input.set_checked(chosen.contains(&input.value()));
        }
    }
}

/// POSTs `{"query": qs}` to a server function that answers with HTML (as a JSON string), with a
/// plain `fetch`: the generated server-function client would bring a second HTTP stack into the
/// WebAssembly, and the browser's own `JSON` encodes and decodes (no JSON code in the module).
/// `None` on any failure (offline, an error status).
#[cfg(feature = "hydrate")]
async fn post_query(endpoint: &str, qs: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    use web_sys::js_sys::JSON;
    use web_sys::wasm_bindgen::{JsCast, JsValue};
    let body = web_sys::js_sys::Object::new();
    web_sys::js_sys::Reflect::set(&body, &JsValue::from_str("query"), &JsValue::from_str(qs)).ok()?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JSON::stringify(&body).ok()?.into());
    let headers = web_sys::Headers::new().ok()?;
    headers.set("content-type", "application/json").ok()?;
    headers.set("accept", "application/json").ok()?;
    // Signed in, every post carries the session's CSRF token (the server's `csrf` module), and a
    // JSON body has no field for it: the header. Every page of a signed-in person has the token
    // in its forms (the session bar's sign-out form at least); signed out there is none to send.
    if let Some(token) = csrf_token() {
        headers.set("x-csrf-token", &token).ok()?;
    }
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(endpoint, &init).ok()?;
    let response: web_sys::Response =
        JsFuture::from(web_sys::window()?.fetch_with_request(&request)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.json().ok()?).await.ok()?.as_string()
}

/// The session's CSRF token as the page's forms carry it, if signed in.
#[cfg(feature = "hydrate")]
fn csrf_token() -> Option<String> {
    use web_sys::wasm_bindgen::JsCast;
    let input = web_sys::window()?.document()?.query_selector("input[name=\"csrf\"]").ok()??;
    let token = input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value();
    (!token.is_empty()).then_some(token)
}

/// Replaces the address bar's URL (no new history entry), so reload, share and back work.
#[cfg(feature = "hydrate")]
fn follow_in_address_bar(path: &str, qs: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let url = if qs.is_empty() { path.to_owned() } else { format!("{path}?{qs}") };
        let _ = history.replace_state_with_url(&web_sys::wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Renders a results fragment for a live update, on the server (the fragment endpoints' answer).
#[cfg(feature = "ssr")]
pub fn fragment(view: impl IntoView + 'static) -> String {
    use leptos::tachys::view::RenderHtml;
    Owner::new().with(|| view.into_view().to_html())
}
