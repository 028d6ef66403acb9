//! `/my/cases/{id}/receipt`: the case number, what happens next, the promised handling time, and
//! the satisfaction question.

use super::server::load_receipt;
use super::view::ReceiptView;
use crate::i18n::{use_i18n, I18n};
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use stadsporten_domain::ids::CaseId;

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().read_untracked().get("id").and_then(|s| s.parse().ok()).unwrap_or(CaseId::new(-1));
    let data = load_receipt(id);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => receipt(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn receipt(v: ReceiptView, i18n: I18n) -> impl IntoView {
    view! {
        <Title text=format!("{} – {}", i18n.t("receipt-title"), i18n.t("site-name"))/>
        <div class="confirmation" role="status">
            <h1>{i18n.t("receipt-title")}</h1>
            <p>{i18n.t("receipt-case-number")}</p>
            <p class="case-number"><strong><bdi>{v.case_number.clone()}</bdi></strong></p>
        </div>
        <dl class="facts">
            <dt>{i18n.t("receipt-service")}</dt>
            <dd>{v.service_title.clone()}</dd>
            <dt>{i18n.t("receipt-unit")}</dt>
            <dd>{v.unit_name.clone()}</dd>
            <dt>{i18n.t("receipt-submitted")}</dt>
            <dd><bdi>{v.submitted.clone()}</bdi></dd>
            <dt>{i18n.t("apply-handling-time")}</dt>
            <dd>{i18n.ta(if v.working_days { "receipt-due-working" } else { "receipt-due" }, &[("days", v.handling_days.into()), ("date", v.due_date.clone().into())])}</dd>
        </dl>
        <h2>{i18n.t("receipt-next-heading")}</h2>
        <p>{v.next_steps.clone()}</p>
        <p>{v.notify_note.clone()}</p>
        <p><a href=format!("/my/cases/{}", v.case_id)>{i18n.t("receipt-follow")}</a></p>
        {(v.survey_pending || crate::context::current().query.contains("saved=survey"))
            .then(|| crate::cases::survey_form(v.case_id, "after-submission", i18n))}
    }
}
