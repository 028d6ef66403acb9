//! Pieces shared by the guide and its checklist.

use super::view::{AnsweredView, PermitView};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The answers so far, each with a "change" link that names its question for screen readers.
#[component]
pub fn Answers(answered: Vec<AnsweredView>, restart_href: String, changeable: bool) -> impl IntoView {
    let i18n = use_i18n();
    (!answered.is_empty()).then(|| {
        let rows = answered
            .into_iter()
            .map(|a| {
                let change = changeable.then(|| {
                    view! {
                        " "
                        <a href=a.change_href class="change">
                            {i18n.t("business-change")}
                            <span class="visually-hidden">{format!(": {}", a.question)}</span>
                        </a>
                    }
                });
                view! { <div><dt>{a.question}</dt><dd>{a.answer}{change}</dd></div> }
            })
            .collect_view();
        view! {
            <section class="guide-answers" aria-labelledby="guide-answers-heading">
                <h2 id="guide-answers-heading">{i18n.t("business-answers-title")}</h2>
                <dl class="facts">{rows}</dl>
                {changeable.then(|| view! { <p><a href=restart_href>{i18n.t("business-restart")}</a></p> })}
            </section>
        }
    })
}

/// One permit's facts: who decides, on what basis, how long, what it costs, what to bring.
pub fn permit_facts(p: &PermitView) -> impl IntoView {
    let i18n = use_i18n();
    let responsible = if p.external {
        i18n.ta("business-responsible-external", &[("name", p.responsible.clone().into())])
    } else {
        p.responsible.clone()
    };
    let documents = if p.documents.is_empty() { i18n.t("business-documents-none") } else { p.documents.join(", ") };
    view! {
        <dl class="facts">
            <div><dt>{i18n.t("business-responsible")}</dt><dd>{responsible}</dd></div>
            <div><dt>{i18n.t("business-legal-basis")}</dt><dd>{p.legal_basis.clone()}</dd></div>
            <div><dt>{i18n.t("business-handling")}</dt><dd>{p.handling.clone()}</dd></div>
            <div><dt>{i18n.t("business-fee")}</dt><dd>{p.fee.clone()}</dd></div>
            <div><dt>{i18n.t("business-documents")}</dt><dd>{documents}</dd></div>
        </dl>
        {(!p.waits_for.is_empty()).then(|| view! {
            <p class="waits">{i18n.ta("business-waits-for", &[("names", p.waits_for.join(", ").into())])}</p>
        })}
    }
}
