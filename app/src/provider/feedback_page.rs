//! `/provider/feedback/{id}`: a resident's feedback about one of the provider's units (what was
//! written, never who wrote it), the conversation so far, and the answer form.

use super::server::load_feedback;
use super::view::FeedbackView;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{textarea_text, CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use stadsporten_domain::ids::CaseId;

fn page(v: FeedbackView, i18n: I18n) -> impl IntoView {
    let answers = v.answers.into_iter().map(|(k, a)| view! { <dt>{k}</dt><dd>{a}</dd> }).collect_view();
    let messages = v
        .messages
        .into_iter()
        .map(|(who, when, text)| view! { <li class="message"><p class="meta">{who}" · "{when}</p><p>{text}</p></li> })
        .collect_view();
    let invalid = v.error.as_ref().map(|_| "true");
    let described = v.error.as_ref().map(|_| "answer-error");
    let field_class = if v.error.is_some() { "field has-error" } else { "field" };
    view! {
        <Title text=format!("{} – {}", v.number, i18n.t("site-name"))/>
        <nav class="breadcrumbs" aria-label=i18n.t("breadcrumb-label")>
            <ol><li><a href="/provider">{i18n.t("provider-title")}</a></li></ol>
        </nav>
        <h1>{i18n.ta("provider-feedback-title", &[("number", v.number.clone().into())])}</h1>
        <p class="meta">{v.submitted}" · "{v.status}</p>
        {v.answered.map(|a| view! { <p class="notice" role="status">{a}</p> })}
        <p class="hint">{i18n.t("provider-feedback-privacy")}</p>
        <dl class="facts">{answers}</dl>
        <h2>{i18n.t("provider-feedback-conversation")}</h2>
        <ul class="messages">{messages}</ul>
        <form method="post" action="/api/provider/feedback/answer" id="answer">
            <CsrfField/>
            <input type="hidden" name="id" value=v.id.to_string()/>
            <div class=field_class>
                <label for="answer-body">{i18n.t("provider-feedback-answer")}</label>
                {v.error.map(|e| view! { <p class="error" id="answer-error">{e}</p> })}
                <textarea id="answer-body" name="body" rows="6" maxlength="4000" aria-invalid=invalid aria-describedby=described>{textarea_text(&v.draft)}</textarea>
            </div>
            <button type="submit" class="button">{i18n.t("provider-feedback-send")}</button>
        </form>
    }
}

#[component]
pub fn ProviderFeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().read_untracked().get("id").and_then(|s| s.parse().ok()).unwrap_or(CaseId::new(0));
    let data = load_feedback(id);
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
