//! The session time-out warning, as an island: a few minutes before the session ends without
//! activity, an alert offers "stay signed in" as a button that extends the session in place; when
//! the time has run out it says so. Without JavaScript the session bar's link does the same job.
//!
//! The island has no props: the server renders its three messages (hidden) and the times as data
//! attributes, and the island only shows and hides them — so the WebAssembly holds no texts, no
//! views and no decoder for them.

use crate::i18n::use_i18n;
use leptos::prelude::*;
use stadsporten_domain::catalogue::encode_component;

/// The island with its messages, for the signed-in session bar. `{minutes}` in the warning is
/// filled in by the island.
#[component]
pub fn SessionTimer(ends_at: i64, warn_before: i64, idle: i64, now: i64, here: String) -> impl IntoView {
    let i18n = use_i18n();
    let sign_in_href = format!("/sign-in?to={}", encode_component(&here));
    view! {
        <SessionTimerIsland>
            <div class="session-timer" aria-live="polite" data-remaining=ends_at - now data-warn-before=warn_before data-idle=idle>
                <div class="session-warning" role="alert" data-when="warning" hidden=true>
                    <p data-template=i18n.ta("session-warning", &[("minutes", "{minutes}".into())])></p>
                    <button type="button" data-extend="">{i18n.t("session-extend")}</button>
                </div>
                <div class="session-warning" role="alert" data-when="ended" hidden=true>
                    <p>{i18n.t("session-ended-idle")} " " <a href=sign_in_href>{i18n.t("session-sign-in-again")}</a></p>
                </div>
                <p class="session-extended" data-when="extended" hidden=true>{i18n.t("session-extended")}</p>
            </div>
        </SessionTimerIsland>
        <crate::ui::IslandScripts/>
    }
}

#[island]
fn SessionTimerIsland(children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(el) = root.get() {
            clock::start(web_sys::Element::from(el));
        }
    });
    view! { <div node_ref=root>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod clock {
    //! Seconds left, measured on the browser's clock from when the page arrived (no clock skew).
    use leptos::prelude::{set_interval_with_handle, GetValue, SetValue, StoredValue};
    use std::time::Duration;
    use web_sys::wasm_bindgen::closure::Closure;
    use web_sys::wasm_bindgen::JsCast;
    use web_sys::{Element, Event};

    fn now_seconds() -> f64 {
        web_sys::js_sys::Date::now() / 1000.0
    }

    fn number(el: &Element, name: &str) -> Option<i64> {
        el.get_attribute(name)?.parse().ok()
    }

    /// Shows the message for `when` (or none), hiding the others.
    fn show(el: &Element, when: Option<&str>) {
        let Ok(parts) = el.query_selector_all("[data-when]") else { return };
        for i in 0..parts.length() {
            if let Some(part) = parts.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let on = when.is_some_and(|w| part.get_attribute("data-when").as_deref() == Some(w));
                let _ = if on { part.remove_attribute("hidden") } else { part.set_attribute("hidden", "") };
            }
        }
    }

    pub fn start(root: Element) {
        let Ok(Some(el)) = root.query_selector(".session-timer") else { return };
        let (Some(remaining), Some(warn_before), Some(idle)) =
            (number(&el, "data-remaining"), number(&el, "data-warn-before"), number(&el, "data-idle"))
        else {
            return;
        };
        let deadline = StoredValue::new(now_seconds() + remaining as f64);
        let extended = StoredValue::new(false);
        let tick = {
            let el = el.clone();
            move || {
                let secs = (deadline.get_value() - now_seconds()).round() as i64;
                if secs <= 0 {
                    show(&el, Some("ended"));
                } else if secs <= warn_before {
                    let minutes = ((secs + 59) / 60).to_string();
                    if let Ok(Some(p)) = el.query_selector("[data-template]") {
                        let text = p.get_attribute("data-template").unwrap_or_default().replace("{minutes}", &minutes);
                        // Only a changed text is written, so the alert is not announced again.
                        if p.text_content().as_deref() != Some(text.as_str()) {
                            p.set_text_content(Some(&text));
                        }
                    }
                    show(&el, Some("warning"));
                } else {
                    show(&el, extended.get_value().then_some("extended"));
                }
            }
        };
        tick();
        let _ = set_interval_with_handle(tick.clone(), Duration::from_secs(5));
        let on_click = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            let on_button = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[data-extend]").ok().flatten())
                .is_some();
            if !on_button {
                return;
            }
            let tick = tick.clone();
            leptos::task::spawn_local(async move {
                if extend_session().await {
                    deadline.set_value(now_seconds() + idle as f64);
                    extended.set_value(true);
                    tick();
                }
            });
        });
        let _ = el.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
    }

    /// Counts as activity on the server (the redirect it answers with is not followed).
    async fn extend_session() -> bool {
        use wasm_bindgen_futures::JsFuture;
        let init = web_sys::RequestInit::new();
        init.set_method("GET");
        init.set_redirect(web_sys::RequestRedirect::Manual);
        let Ok(request) = web_sys::Request::new_with_str_and_init("/auth/extend", &init) else { return false };
        let Some(window) = web_sys::window() else { return false };
        JsFuture::from(window.fetch_with_request(&request)).await.is_ok()
    }
}
