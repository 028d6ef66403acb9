//! `/apply/{token}/check` (check your answers, with change links) and
//! `/apply/{token}/declaration` (confirm and submit, once: the form carries an idempotency key).

use super::server::load_check;
use super::view::{CheckView, DraftPage};
use crate::cases::components::answer_sections;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;
use stadsporten_domain::ids::DraftToken;

fn with_check(render: fn(CheckView, I18n) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let token = DraftToken::new(use_params_map().read_untracked().get("token").unwrap_or_default());
    let data = load_check(token);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(DraftPage::Open(v)) => render(v, i18n),
                    Ok(DraftPage::Elsewhere(to)) => view! { <Redirect path=to/> }.into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn ApplyCheckPage() -> impl IntoView {
    with_check(|v, i18n| {
        let next = match &v.incomplete {
            Some(step) => view! {
                <div class="notice" role="status">
                    <p>{i18n.ta("apply-incomplete", &[("step", step.text.clone().into())])}</p>
                    <p><a class="button" href=step.href.clone()>{i18n.t("apply-go-to-step")}</a></p>
                </div>
            }
            .into_any(),
            None => view! {
                <p><a class="button" href=format!("/apply/{}/declaration", v.token)>{i18n.t("apply-continue")}</a></p>
            }
            .into_any(),
        };
        view! {
            <Title text=format!("{} – {} – {}", i18n.t("apply-check-title"), v.service_title, i18n.t("site-name"))/>
            <p><a href=v.back.href.clone() class="back">{v.back.text.clone()}</a></p>
            <p class="caption">{v.service_title.clone()}</p>
            <h1>{i18n.t("apply-check-title")}</h1>
            {answer_sections(&v.sections, true, i18n)}
            {next}
        }
        .into_any()
    })
}

#[component]
pub fn ApplyDeclarationPage() -> impl IntoView {
    with_check(|v, i18n| {
        let ctx = crate::context::current();
        let error = ctx.flash_for("declaration").and_then(|f| f.message("confirm", i18n.lang));
        if let Some(step) = &v.incomplete {
            return view! {
                <h1>{i18n.t("apply-declaration-title")}</h1>
                <div class="notice" role="status">
                    <p>{i18n.ta("apply-incomplete", &[("step", step.text.clone().into())])}</p>
                    <p><a class="button" href=step.href.clone()>{i18n.t("apply-go-to-step")}</a></p>
                </div>
            }
            .into_any();
        }
        let summary = error.clone().map(|e| {
            view! {
                <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
                    <h2 id="error-summary-title">{i18n.t("form-error-summary")}</h2>
                    <ul><li><a href="#f-confirm">{e}</a></li></ul>
                </div>
            }
        });
        // The key is the same for every view of this page for this draft (the draft's token), so a
        // double click, a retry or a resubmit from the back button all name the same submission.
        let key = v.token.to_string();
        view! {
            <Title text=format!("{} – {} – {}", i18n.t("apply-declaration-title"), v.service_title, i18n.t("site-name"))/>
            <p><a href=format!("/apply/{}/check", v.token) class="back">{i18n.t("apply-back")}</a></p>
            {summary}
            <p class="caption">{v.service_title.clone()}</p>
            <h1>{i18n.t("apply-declaration-title")}</h1>
            <p>{i18n.ta("apply-sent-to", &[("unit", v.unit_name.clone().into())])}</p>
            <p>{v.notify_note.clone()}</p>
            <form method="post" action=format!("/forms/{}/submit", v.token) novalidate=true class="submit-form">
                <CsrfField/>
                <input type="hidden" name="idempotency_key" value=key/>
                <div class=if error.is_some() { "field has-error" } else { "field" }>
                    {error.clone().map(|e| view! { <p class="field-error" id="f-confirm-error">{e}</p> })}
                    <div class="checkbox">
                        <input type="checkbox" id="f-confirm" name="confirm" value="yes"
                            aria-invalid=error.is_some().then_some("true")
                            aria-describedby=error.is_some().then_some("f-confirm-error")/>
                        <label for="f-confirm">{v.declaration.clone()}</label>
                    </div>
                </div>
                <button type="submit" class="button" data-once="true">{i18n.t("apply-submit")}</button>
            </form>
        }
        .into_any()
    })
}
