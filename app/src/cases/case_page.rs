//! `/my/cases/{id}` (the applicant's case: status, completion requests to answer, the decision,
//! messages, the timeline, the answers, withdraw) and `/my/cases/{id}/decision` (printable).

use super::components::{
    answers, completions, decision, file_list, message_form, messages, offer_form, survey_form, timeline,
};
use super::server::{case_heading, my_case};
use super::view::MyCaseView;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{textarea_text, CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use stadsporten_domain::ids::CaseId;

fn with_case(render: fn(MyCaseView, I18n) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().read_untracked().get("id").and_then(|s| s.parse().ok()).unwrap_or(CaseId::new(-1));
    let data = my_case(id);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => render(v, i18n),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn saved_notice(i18n: I18n) -> Option<impl IntoView> {
    let ctx = crate::context::current();
    let id = match ctx.query.split('&').find_map(|kv| kv.strip_prefix("saved=")) {
        Some("message") => "case-saved-message",
        Some("completion") => "case-saved-completion",
        Some("withdrawn") => "case-saved-withdrawn",
        Some("not-possible") => "case-not-possible",
        Some("offer-accept") => "offer-saved-accepted",
        Some("offer-decline") => "offer-saved-declined",
        Some("offer-closed") => "offer-saved-closed",
        _ => return None,
    };
    Some(view! { <div class="notice success" role="status"><p>{i18n.t(id)}</p></div> })
}

fn completion_form(case_id: CaseId, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let csrf = ctx.viewer.as_ref().map(|v| v.csrf.clone()).unwrap_or_default();
    let flash = ctx.flash_for("completion").cloned();
    let error = flash.as_ref().and_then(|f| f.message("answer", i18n.lang).or_else(|| f.message("file", i18n.lang)));
    let value = flash.as_ref().and_then(|f| f.value("answer")).unwrap_or_default().to_owned();
    view! {
        <form method="post" action=format!("/cases/{case_id}/completion?csrf={csrf}") enctype="multipart/form-data"
            novalidate=true id="completion-form">
            <CsrfField/>
            <div class=if error.is_some() { "field has-error" } else { "field" }>
                <label for="completion-answer">{i18n.t("case-completion-answer")}</label>
                {error.clone().map(|e| view! { <p class="field-error" id="completion-answer-error">{e}</p> })}
                <textarea id="completion-answer" name="answer" rows="5" maxlength="4000"
                    aria-invalid=error.is_some().then_some("true")
                    aria-describedby=error.is_some().then_some("completion-answer-error")>{textarea_text(value)}</textarea>
            </div>
            <div class="field">
                <label for="completion-file">{i18n.t("case-message-file")}</label>
                <input type="file" id="completion-file" name="file" accept="application/pdf,image/jpeg,image/png"/>
            </div>
            <button type="submit">{i18n.t("case-completion-send")}</button>
        </form>
    }
}

fn withdraw_form(case_id: CaseId, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let flash = ctx.flash_for("withdraw").cloned();
    let error = flash.as_ref().and_then(|f| f.message("confirm", i18n.lang));
    let reason = flash.as_ref().and_then(|f| f.value("reason")).unwrap_or_default().to_owned();
    view! {
        <details class="withdraw" id="withdraw" open=error.is_some()>
            <summary>{i18n.t("case-withdraw")}</summary>
            <form method="post" action="/api/my/case/withdraw" novalidate=true>
                <CsrfField/>
                <input type="hidden" name="case_id" value=case_id.to_string()/>
                <div class="field">
                    <label for="withdraw-reason">{i18n.t("case-withdraw-reason")}</label>
                    <textarea id="withdraw-reason" name="reason" rows="2" maxlength="1000">{textarea_text(reason)}</textarea>
                </div>
                <div class=if error.is_some() { "field has-error" } else { "field" }>
                    {error.clone().map(|e| view! { <p class="field-error" id="withdraw-confirm-error">{e}</p> })}
                    <div class="checkbox">
                        <input type="checkbox" id="withdraw-confirm" name="confirm" value="yes"
                            aria-describedby=error.is_some().then_some("withdraw-confirm-error")/>
                        <label for="withdraw-confirm">{i18n.t("case-withdraw-confirm")}</label>
                    </div>
                </div>
                <button type="submit" class="warning">{i18n.t("case-withdraw-submit")}</button>
            </form>
        </details>
    }
}

#[component]
pub fn MyCasePage() -> impl IntoView {
    with_case(|v, i18n| {
        let c = &v.case;
        let open_request = c.completions.iter().any(|r| r.open);
        // The question while it waits for an answer, and the thanks right after it was answered.
        let after_decision = v.surveys.iter().any(|s| s == "after-decision")
            || (c.decision.is_some() && crate::context::current().query.contains("saved=survey"));
        view! {
            <Title text=format!("{} – {}", case_heading(&c.case_number, i18n.lang), i18n.t("site-name"))/>
            <p><a href="/my/cases" class="back">{i18n.t("my-cases-title")}</a></p>
            {saved_notice(i18n)}
            <p class="caption">{c.service.clone()}</p>
            <h1><bdi>{case_heading(&c.case_number, i18n.lang)}</bdi></h1>
            <dl class="facts">
                <dt>{i18n.t("case-status")}</dt>
                <dd><span class=format!("status status-{}", c.status_slug)>{c.status.clone()}</span></dd>
                <dt>{i18n.t("receipt-unit")}</dt><dd>{c.unit_name.clone()}</dd>
                <dt>{i18n.t("receipt-submitted")}</dt><dd><bdi>{c.submitted.clone()}</bdi></dd>
                {c.open.then(|| view! { <dt>{i18n.t("case-due")}</dt><dd><bdi>{c.due.clone()}</bdi></dd> })}
            </dl>
            {open_request.then(|| view! {
                <section class="panel attention" aria-labelledby="answer-heading">
                    <h2 id="answer-heading">{i18n.t("case-completion-needed")}</h2>
                    {c.completions.iter().filter(|r| r.open).map(|r| view! {
                        <p>{r.message.clone()}</p>
                        <p class="hint">{i18n.ta("case-completion-open", &[("date", r.reply_by.clone().into())])}</p>
                    }).collect_view()}
                    {completion_form(c.id, i18n)}
                </section>
            })}
            {c.decision.as_ref().map(|d| view! {
                {decision(d, c, i18n)}
                {c.offer.as_ref().filter(|o| o.open).map(|_| offer_form(c.id, i18n))}
                <p><a href=format!("/my/cases/{}/decision", c.id)>{i18n.t("case-print-decision")}</a></p>
            })}
            {after_decision.then(|| survey_form(c.id, "after-decision", i18n))}
            <section class="panel" aria-labelledby="messages-heading">
                <h2 id="messages-heading">{i18n.t("case-messages")}</h2>
                {messages(&c.messages, i18n)}
                {c.open.then(|| message_form(c.id, i18n))}
            </section>
            {completions(&c.completions, i18n)}
            {timeline(&c.timeline, i18n)}
            {answers(c, false, i18n)}
            <p><a href=v.receipt.href.clone()>{v.receipt.text.clone()}</a></p>
            {c.open.then(|| withdraw_form(c.id, i18n))}
        }
        .into_any()
    })
}

#[component]
pub fn DecisionPrintPage() -> impl IntoView {
    with_case(|v, i18n| {
        let c = &v.case;
        match &c.decision {
            Some(d) => view! {
                <Title text=format!("{} – {}", i18n.t("case-decision"), case_heading(&c.case_number, i18n.lang))/>
                <p class="no-print"><a href=format!("/my/cases/{}", c.id) class="back">{case_heading(&c.case_number, i18n.lang)}</a></p>
                <p class="letterhead">{i18n.t("site-name")}" – "{d.unit_name.clone()}</p>
                {decision(d, c, i18n)}
                {file_list(&[], i18n)}
            }
            .into_any(),
            None => view! { <ErrorPage error=crate::error::AppError::NotFound.respond()/> }.into_any(),
        }
    })
}
