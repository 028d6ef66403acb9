//! `/apply/{token}/step/{step}`: one step of a draft. The form posts to the server's form route,
//! which saves the step (or keeps the refused values with their errors) and redirects.

use super::fields::field;
use super::server::load_step;
use super::view::StepView;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use stadsporten_domain::ids::DraftToken;

#[component]
pub fn ApplyStepPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map().read_untracked();
    let data =
        load_step(DraftToken::new(params.get("token").unwrap_or_default()), params.get("step").unwrap_or_default());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => step(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn step(v: StepView, i18n: I18n) -> impl IntoView {
    let csrf = crate::context::current().viewer.map(|v| v.csrf).unwrap_or_default();
    let action = format!("/forms/{}/{}", v.token, v.step_id);
    let upload_action = format!("{action}/upload?csrf={csrf}");
    let title = if v.errors.is_empty() {
        format!("{} – {} – {}", v.step_title, v.service_title, i18n.t("site-name"))
    } else {
        format!("{}: {} – {} – {}", i18n.t("form-error-prefix"), v.step_title, v.service_title, i18n.t("site-name"))
    };
    let summary = (!v.errors.is_empty()).then(|| {
        let items =
            v.errors.iter().map(|(href, msg)| view! { <li><a href=href.clone()>{msg.clone()}</a></li> }).collect_view();
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
                <h2 id="error-summary-title">{i18n.t("form-error-summary")}</h2>
                <ul>{items}</ul>
            </div>
        }
    });
    let fields = v.fields.iter().map(|f| field(f, &upload_action, i18n)).collect_view();
    let has_files = v.fields.iter().any(|f| f.kind == "file");
    view! {
        <Title text=title/>
        <p><a href=v.back.href.clone() class="back">{v.back.text.clone()}</a></p>
        {summary}
        <p class="caption">
            {v.service_title.clone()}" – "
            {i18n.ta("apply-step-of", &[("n", v.position.into()), ("count", v.count.into())])}
        </p>
        {v.not_in_language.clone().map(|(note, _)| view! { <p class="note">{note}</p> })}
        <h1 lang=v.not_in_language.as_ref().map(|(_, l)| l.clone())>{v.step_title.clone()}</h1>
        {v.intro.clone().map(|i| view! { <p class="lead">{i}</p> })}
        {has_files.then(|| view! {
            <p class="hint">{i18n.ta("apply-file-limit", &[("mb", v.max_upload_mb.into())])}</p>
            <crate::ui::UploadProgress max_bytes=u64::from(v.max_upload_mb) * 1024 * 1024/>
        })}
        <form method="post" action=action novalidate=true class="step-form" lang=v.not_in_language.as_ref().map(|(_, l)| l.clone())>
            <CsrfField/>
            <input type="hidden" name="step" value=v.step_id.clone()/>
            {fields}
            <div class="actions">
                <button type="submit" name="action" value="continue">{i18n.t("apply-continue")}</button>
                <button type="submit" name="action" value="save" class="secondary">{i18n.t("apply-save-later")}</button>
            </div>
        </form>
    }
}
