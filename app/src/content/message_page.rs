//! `/admin/content/messages/new`, `/admin/content/messages/{id}`: an operating message with its
//! severity, validity window, the services and districts it concerns, and its texts per language.

use super::form::{choices, error_summary, input, languages, notice};
use super::server::load_message_edit;
use super::view::MessageEditView;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn page(v: MessageEditView, i18n: I18n) -> impl IntoView {
    let end = v.id.filter(|_| v.endable).map(|id| {
        view! {
            <form method="post" action=format!("/admin/content/messages/{id}/end")>
                <CsrfField/>
                <button type="submit" class="secondary">{i18n.t("content-message-end")}</button>
            </form>
        }
    });
    let services_open = v.services.options.iter().any(|o| o.selected);
    let services_legend = v.services.legend.clone();
    let districts_open = v.districts.options.iter().any(|o| o.selected);
    let districts_legend = v.districts.legend.clone();
    view! {
        <Title text=format!("{} – {}", v.heading, i18n.t("site-name"))/>
        <nav class="breadcrumbs" aria-label=i18n.t("breadcrumb-label")>
            <ol><li><a href="/admin/content">{i18n.t("content-title")}</a></li></ol>
        </nav>
        <h1>{v.heading.clone()}</h1>
        {notice(v.notice)}
        {error_summary(&v.errors, i18n)}
        <form method="post" action=v.action class="content-form">
            <CsrfField/>
            {choices(v.severity)}
            <fieldset>
                <legend>{i18n.t("content-window")}</legend>
                {v.window.into_iter().map(input).collect_view()}
            </fieldset>
            <details class="language-fields" open=services_open>
                <summary>{services_legend}</summary>
                {choices(v.services)}
            </details>
            <details class="language-fields" open=districts_open>
                <summary>{districts_legend}</summary>
                {choices(v.districts)}
            </details>
            <p class="hint">{i18n.t("content-targets-hint")}</p>
            <h2>{i18n.t("content-texts-heading")}</h2>
            {languages(v.languages)}
            <button type="submit" class="button">{i18n.t("content-message-save")}</button>
        </form>
        {end}
    }
}

#[component]
pub fn MessageEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().read_untracked().get("id").and_then(|s| s.parse::<i64>().ok());
    let data = load_message_edit(id);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => page(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
