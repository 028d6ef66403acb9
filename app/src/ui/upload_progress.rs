//! Upload progress, as an island: with JavaScript, a form post that carries a file is sent with
//! `XMLHttpRequest` so a progress bar can show how far it has come, and a file over the size
//! limit is refused before it is sent. Without JavaScript the same forms post as usual (the server
//! enforces the limit either way); the page the server answers with is then shown just the same.

use leptos::prelude::*;

/// The island with its texts, and the hydration script; put once on a page with file uploads.
/// The island has no props: the limit and texts travel as data attributes of a hidden element
/// (no JSON decoder in the WebAssembly for them).
#[component]
pub fn UploadProgress(max_bytes: u64) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let mb = max_bytes / (1024 * 1024);
    view! {
        <UploadProgressIsland>
            <span class="upload-progress-ready" hidden=true data-max-bytes=max_bytes
                data-progress=i18n.ta("upload-progress", &[("percent", "{percent}".into())])
                data-too-large=i18n.ta("field-error-file-too-large", &[("mb", mb.into())])
                data-failed=i18n.t("upload-failed")></span>
        </UploadProgressIsland>
        <crate::ui::IslandScripts/>
    }
}

#[island]
fn UploadProgressIsland(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Span>::new();
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(settings) = root.get().and_then(|el| enhance::UploadTexts::read(&el.into())) {
            enhance::attach(settings);
        }
    });
    view! { <span node_ref=root>{children()}</span> }
}

#[cfg(feature = "hydrate")]
mod enhance {
    use web_sys::wasm_bindgen::closure::Closure;
    use web_sys::wasm_bindgen::JsCast;
    use web_sys::{Element, Event, FormData, HtmlButtonElement, HtmlElement, HtmlFormElement, HtmlInputElement};

    /// The limit and translated texts, from the server-rendered element's data attributes.
    #[derive(Clone)]
    pub struct UploadTexts {
        pub max_bytes: u64,
        /// "Uploading… {percent} %", with `{percent}` left in.
        pub progress: String,
        pub too_large: String,
        pub failed: String,
    }

    impl UploadTexts {
        pub fn read(root: &Element) -> Option<Self> {
            let el = root.query_selector(".upload-progress-ready").ok()??;
            Some(Self {
                max_bytes: el.get_attribute("data-max-bytes")?.parse().ok()?,
                progress: el.get_attribute("data-progress")?,
                too_large: el.get_attribute("data-too-large")?,
                failed: el.get_attribute("data-failed")?,
            })
        }
    }

    /// Where progress and errors are shown: the `.upload` box of the button, or the form.
    fn status_box(origin: &Element) -> Option<HtmlElement> {
        let doc = web_sys::window()?.document()?;
        let holder = origin.closest(".upload").ok().flatten().or_else(|| origin.closest("form").ok().flatten())?;
        if let Ok(Some(existing)) = holder.query_selector(".upload-status") {
            return existing.dyn_into().ok();
        }
        let status: HtmlElement = doc.create_element("p").ok()?.dyn_into().ok()?;
        status.set_class_name("upload-status");
        let _ = status.set_attribute("role", "status");
        let _ = status.set_attribute("aria-live", "polite");
        holder.append_child(&status).ok()?;
        Some(status)
    }

    // Whole percent as an integer: formatting an f64 would pull float printing (about 10 KB) into
    // the WebAssembly every island page downloads.
    fn show(status: &HtmlElement, text: &str, percent: Option<u32>) {
        let doc = web_sys::window().and_then(|w| w.document());
        status.set_inner_text(text);
        if let (Some(doc), Some(p)) = (doc, percent) {
            if let Ok(bar) = doc.create_element("progress") {
                let _ = bar.set_attribute("max", "100");
                let _ = bar.set_attribute("value", &p.to_string());
                let _ = bar.set_attribute("aria-hidden", "true");
                let _ = status.append_child(&bar);
            }
        }
    }

    /// The files chosen in a form, and the largest one's size.
    fn largest_file(form: &HtmlFormElement) -> f64 {
        let mut largest = 0.0_f64;
        if let Ok(inputs) = form.query_selector_all("input[type=file]") {
            for i in 0..inputs.length() {
                let Some(input) = inputs.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
                if let Some(files) = input.files() {
                    for f in 0..files.length() {
                        if let Some(file) = files.item(f) {
                            largest = largest.max(file.size());
                        }
                    }
                }
            }
        }
        largest
    }

    /// Sends `form` (with the pressed button's name and value) to `action` and follows the answer.
    fn send(form: &HtmlFormElement, action: &str, button: Option<&HtmlButtonElement>, texts: &UploadTexts) -> bool {
        let origin: &Element = match button {
            Some(b) => b.as_ref(),
            None => form.as_ref(),
        };
        let Some(status) = status_box(origin) else { return false };
        if largest_file(form) > texts.max_bytes as f64 {
            show(&status, &texts.too_large, None);
            let _ = status.class_list().add_1("field-error");
            return true;
        }
        let Ok(data) = FormData::new_with_form(form) else { return false };
        if let Some(b) = button {
            if !b.name().is_empty() {
                let _ = data.append_with_str(&b.name(), &b.value());
            }
        }
        let Ok(xhr) = web_sys::XmlHttpRequest::new() else { return false };
        if xhr.open_with_async("POST", action, true).is_err() {
            return false;
        }
        let progress = texts.progress.clone();
        let status_p = status.clone();
        let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                let percent = (e.loaded() / e.total() * 100.0).round().clamp(0.0, 100.0) as u32;
                show(&status_p, &progress.replace("{percent}", &percent.to_string()), Some(percent));
            }
        });
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        }
        on_progress.forget();
        let xhr_done = xhr.clone();
        let failed = texts.failed.clone();
        let status_d = status.clone();
        let on_done = Closure::<dyn FnMut(Event)>::new(move |_e: Event| {
            // The server answered with a redirect to the page to show; XHR followed it.
            match (xhr_done.status(), web_sys::window()) {
                (Ok(200..=299), Some(w)) => {
                    let to = xhr_done.response_url();
                    let _ = w.location().assign(if to.is_empty() { "." } else { &to });
                }
                (Ok(413), Some(w)) => {
                    // The server's translated 413 page explains; show it.
                    if let Some(doc) = w.document() {
                        if let (Ok(Some(html)), Some(root)) = (xhr_done.response_text(), doc.document_element()) {
                            root.set_inner_html(&html);
                        }
                    }
                }
                _ => show(&status_d, &failed, None),
            }
        });
        xhr.set_onload(Some(on_done.as_ref().unchecked_ref()));
        on_done.forget();
        let status_e = status.clone();
        let failed = texts.failed.clone();
        let on_error = Closure::<dyn FnMut(Event)>::new(move |_e: Event| show(&status_e, &failed, None));
        xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        let _ = xhr.set_request_header("accept", "text/html");
        xhr.send_with_opt_form_data(Some(&data)).is_ok()
    }

    pub fn attach(texts: UploadTexts) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        // Upload buttons inside a step form (their own formaction, multipart).
        if let Ok(buttons) = doc.query_selector_all("button[formenctype='multipart/form-data']") {
            for i in 0..buttons.length() {
                let Some(button) = buttons.item(i).and_then(|n| n.dyn_into::<HtmlButtonElement>().ok()) else {
                    continue;
                };
                let texts = texts.clone();
                let b = button.clone();
                let on_click = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                    let Some(form) = b.form() else { return };
                    if send(&form, &b.form_action(), Some(&b), &texts) {
                        e.prevent_default();
                    }
                });
                let _ = button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
                on_click.forget();
            }
        }
        // Whole forms that carry a file (messages, completion answers), when a file is chosen.
        if let Ok(forms) = doc.query_selector_all("form[enctype='multipart/form-data']") {
            for i in 0..forms.length() {
                let Some(form) = forms.item(i).and_then(|n| n.dyn_into::<HtmlFormElement>().ok()) else { continue };
                let texts = texts.clone();
                let f = form.clone();
                let on_submit = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                    if largest_file(&f) > 0.0 && send(&f, &f.action(), None, &texts) {
                        e.prevent_default();
                    }
                });
                let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
                on_submit.forget();
            }
        }
    }
}
