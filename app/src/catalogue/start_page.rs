//! `/`: the start page.

use super::components::{OperatingMessages, ServiceList};
use super::server::start_page;
use crate::i18n::use_i18n;
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;

#[component]
pub fn StartPage() -> impl IntoView {
    let i18n = use_i18n();
    // One future, awaited by one Suspend made once (not in a closure, which Suspense may
    // call more than once): the loader runs exactly once per page view.
    let data = start_page();
    view! {
        <Title text=format!("{} – {}", i18n.t("site-name"), i18n.t("site-tagline"))/>
        <div class="hero">
            <h1>{i18n.t("start-title")}</h1>
            <p class="lead">{i18n.t("start-lead")}</p>
            <form class="search-form" method="get" action="/services" role="search">
                <label for="start-q">{i18n.t("search-label")}</label>
                <div class="search-row">
                    <input id="start-q" name="q" type="search" maxlength="200" autocomplete="off"
                        placeholder=i18n.t("search-placeholder")/>
                    <button type="submit">{i18n.t("search-button")}</button>
                </div>
            </form>
        </div>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(data) => {
                        let situations = data
                            .situations
                            .into_iter()
                            .map(|s| view! {
                                <li><a href=s.href><span class="situation-name">{s.label}</span><span class="situation-count">{s.count}</span></a></li>
                            })
                            .collect_view();
                        view! {
                            <OperatingMessages messages=data.messages heading=i18n.t("messages-heading")/>
                            <section aria-labelledby="situations-heading">
                                <h2 id="situations-heading">{i18n.t("situations-heading")}</h2>
                                <ul class="situation-grid">{situations}</ul>
                            </section>
                            <section aria-labelledby="most-used-heading">
                                <h2 id="most-used-heading">{i18n.t("most-used-heading")}</h2>
                                <ServiceList items=data.most_used/>
                            </section>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
