//! What the live islands (catalogue search, comparison filters) share: a JSON POST to a server
//! function with a plain `fetch`, and keeping the address bar in step.
//!
//! The generated server-function client would work too, but it brings a second HTTP stack into
//! the WebAssembly (about 10 KB compressed); this keeps first views within their budget.

/// POSTs `{"query": qs}` to a JSON server function and decodes the answer; `None` on any
/// failure (offline, an error status): the island keeps what it shows, and submitting the form
/// still gives the server's full answer.
#[cfg(feature = "hydrate")]
pub async fn post_query<T: serde::de::DeserializeOwned>(endpoint: &str, qs: &str) -> Option<T> {
    use wasm_bindgen_futures::JsFuture;
    use web_sys::wasm_bindgen::{JsCast, JsValue};
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&serde_json::json!({ "query": qs }).to_string()));
    let headers = web_sys::Headers::new().ok()?;
    headers.set("content-type", "application/json").ok()?;
    headers.set("accept", "application/json").ok()?;
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(endpoint, &init).ok()?;
    let response: web_sys::Response =
        JsFuture::from(web_sys::window()?.fetch_with_request(&request)).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    serde_json::from_str::<T>(&text).ok()
}

#[cfg(not(feature = "hydrate"))]
pub async fn post_query<T>(_endpoint: &str, _qs: &str) -> Option<T> {
    None
}

/// Replaces the address bar's URL (no new history entry), so reload, share and back work.
pub fn follow_in_address_bar(path: &str, qs: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let url = if qs.is_empty() { path.to_owned() } else { format!("{path}?{qs}") };
        let _ = history.replace_state_with_url(&web_sys::wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (path, qs);
}
