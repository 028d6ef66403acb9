//! The session time-out warning, as an island: a few minutes before the session ends without
//! activity, an alert offers "stay signed in" as a button that extends the session in place; when
//! the time has run out it says so. Without JavaScript the session bar's link does the same job.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// The translated texts the island shows (islands get no translator of their own).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimerTexts {
    /// "You will be signed out in {minutes} min …", with `{minutes}` left in.
    pub warning: String,
    pub extend: String,
    pub extended: String,
    pub ended: String,
    pub sign_in: String,
    pub sign_in_href: String,
}

fn now_seconds() -> f64 {
    #[cfg(feature = "hydrate")]
    {
        web_sys::js_sys::Date::now() / 1000.0
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0.0
    }
}

#[island]
pub fn SessionTimerIsland(remaining: i64, warn_before: i64, idle: i64, texts: TimerTexts) -> impl IntoView {
    // Seconds left, measured on the browser's clock from when the page arrived (no clock skew).
    let deadline = StoredValue::new(now_seconds() + remaining as f64);
    let left = RwSignal::new(remaining);
    let extended = RwSignal::new(false);
    Effect::new(move |_| {
        deadline.set_value(now_seconds() + remaining as f64);
        let _ = set_interval_with_handle(
            move || left.set((deadline.get_value() - now_seconds()).round() as i64),
            Duration::from_secs(5),
        );
    });
    let extend = move |_| {
        leptos::task::spawn_local(async move {
            if extend_session().await {
                deadline.set_value(now_seconds() + idle as f64);
                left.set(idle);
                extended.set(true);
            }
        });
    };
    let texts = StoredValue::new(texts);
    view! {
        <div class="session-timer" aria-live="polite">
            {move || {
                let t = texts.get_value();
                let secs = left.get();
                if secs <= 0 {
                    view! {
                        <div class="session-warning" role="alert">
                            <p>{t.ended} " " <a href=t.sign_in_href>{t.sign_in}</a></p>
                        </div>
                    }.into_any()
                } else if secs <= warn_before {
                    let minutes = (secs + 59) / 60;
                    view! {
                        <div class="session-warning" role="alert">
                            <p>{t.warning.replace("{minutes}", &minutes.to_string())}</p>
                            <button type="button" on:click=extend>{t.extend}</button>
                        </div>
                    }.into_any()
                } else if extended.get() {
                    view! { <p class="session-extended">{t.extended}</p> }.into_any()
                } else {
                    ().into_any()
                }
            }}
        </div>
    }
}

/// Counts as activity on the server (the redirect it answers with is not followed).
#[cfg(feature = "hydrate")]
async fn extend_session() -> bool {
    use wasm_bindgen_futures::JsFuture;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_redirect(web_sys::RequestRedirect::Manual);
    let Ok(request) = web_sys::Request::new_with_str_and_init("/auth/extend", &init) else { return false };
    let Some(window) = web_sys::window() else { return false };
    JsFuture::from(window.fetch_with_request(&request)).await.is_ok()
}

#[cfg(not(feature = "hydrate"))]
async fn extend_session() -> bool {
    false
}
