//! Parts of a case page both sides use: the timeline, the conversation, completion requests, the
//! decision, the files, and the satisfaction question.

use super::view::{CaseCommon, CompletionItem, DecisionView, FileLink, MessageItem, TimelineItem};
use crate::i18n::I18n;
use crate::ui::{textarea_text, CsrfField};
use leptos::prelude::*;
use stadsporten_domain::ids::CaseId;

/// The upload progress island, with the configured limit.
pub fn upload_progress() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let max = use_context::<crate::settings::EServiceSettings>()
        .map_or(10 * 1024 * 1024, |s| u64::try_from(s.max_upload_bytes).unwrap_or(u64::MAX));
    #[cfg(not(feature = "ssr"))]
    let max = 10 * 1024 * 1024;
    view! { <crate::ui::UploadProgress max_bytes=max/> }
}

pub fn file_list(files: &[FileLink], i18n: I18n) -> impl IntoView {
    let items = files
        .iter()
        .map(|f| {
            let label = format!("{} ({})", f.name, f.size);
            match &f.unavailable {
                Some(why) => view! { <li>{label}" – "<span class="tag">{why.clone()}</span></li> }.into_any(),
                None => view! { <li><a href=f.href.clone()>{label}</a></li> }.into_any(),
            }
        })
        .collect_view();
    (!files.is_empty()).then(|| view! { <ul class="files" aria-label=i18n.t("case-files")>{items}</ul> })
}

pub fn timeline(items: &[TimelineItem], i18n: I18n) -> impl IntoView {
    let rows = items
        .iter()
        .map(|e| {
            view! {
                <li class=if e.internal { "internal" } else { "" }>
                    <span class="when"><bdi>{e.at.clone()}</bdi></span>" "
                    <span class="what">{e.text.clone()}</span>
                    {e.actor.clone().map(|a| view! { " – "<span class="who">{a}</span> })}
                    {e.internal.then(|| view! { " "<span class="tag">{i18n.t("case-internal")}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{i18n.t("case-timeline")}</h2>
            <ol class="timeline">{rows}</ol>
        </section>
    }
}

pub fn messages(items: &[MessageItem], i18n: I18n) -> impl IntoView {
    let rows = items
        .iter()
        .map(|m| {
            view! {
                <li class=if m.from_applicant { "message from-applicant" } else { "message from-city" }>
                    <p class="meta"><span class="who">{m.author.clone()}</span>" – "<bdi>{m.at.clone()}</bdi></p>
                    <p class="body">{m.body.clone()}</p>
                    {file_list(&m.files, i18n)}
                </li>
            }
        })
        .collect_view();
    (!items.is_empty()).then(|| view! { <ol class="messages">{rows}</ol> })
}

/// The form for a new message (with an optional file), posted as multipart to the server.
pub fn message_form(case_id: CaseId, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let csrf = ctx.viewer.as_ref().map(|v| v.csrf.clone()).unwrap_or_default();
    let flash = ctx.flash_for("message").cloned();
    let error = flash.as_ref().and_then(|f| f.message("body", i18n.lang).or_else(|| f.message("file", i18n.lang)));
    let body = flash.as_ref().and_then(|f| f.value("body")).unwrap_or_default().to_owned();
    view! {
        <form method="post" action=format!("/cases/{case_id}/messages?csrf={csrf}") enctype="multipart/form-data"
            novalidate=true class="message-form" id="message">
            <CsrfField/>
            <div class=if error.is_some() { "field has-error" } else { "field" }>
                <label for="message-body">{i18n.t("case-message-label")}</label>
                {error.clone().map(|e| view! { <p class="field-error" id="message-body-error">{e}</p> })}
                <textarea id="message-body" name="body" rows="4" maxlength="4000"
                    aria-invalid=error.is_some().then_some("true")
                    aria-describedby=error.is_some().then_some("message-body-error")>{textarea_text(body)}</textarea>
            </div>
            <div class="field">
                <label for="message-file">{i18n.t("case-message-file")}</label>
                <input type="file" id="message-file" name="file" accept="application/pdf,image/jpeg,image/png"/>
            </div>
            <button type="submit">{i18n.t("case-message-send")}</button>
        </form>
        {upload_progress()}
    }
}

pub fn completions(items: &[CompletionItem], i18n: I18n) -> impl IntoView {
    let rows = items
        .iter()
        .map(|c| {
            let state = if c.open {
                i18n.ta("case-completion-open", &[("date", c.reply_by.clone().into())])
            } else if c.closed_unanswered {
                i18n.t("case-completion-closed")
            } else {
                i18n.ta("case-completion-answered", &[("date", c.answered.clone().unwrap_or_default().into())])
            };
            view! {
                <li>
                    <p class="meta">{c.requested_by.clone()}" – "<bdi>{c.requested.clone()}</bdi></p>
                    <p class="body">{c.message.clone()}</p>
                    <p class="state">{state}</p>
                    {c.answer.clone().map(|a| view! { <blockquote>{a}</blockquote> })}
                </li>
            }
        })
        .collect_view();
    (!items.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="completion-heading">
                <h2 id="completion-heading">{i18n.t("case-completions")}</h2>
                <ol class="completions">{rows}</ol>
            </section>
        }
    })
}

/// The decision as a letter: readable on screen and printable (see `style/main.css` @media print).
pub fn decision(d: &DecisionView, case: &CaseCommon, i18n: I18n) -> impl IntoView {
    view! {
        <article class=format!("decision outcome-{}", d.outcome_slug) aria-labelledby="decision-heading" lang=d.lang.clone()>
            <h2 id="decision-heading">{i18n.t("case-decision")}": "{d.outcome.clone()}</h2>
            <dl class="facts">
                <dt>{i18n.t("case-number")}</dt><dd><bdi>{case.case_number.clone()}</bdi></dd>
                <dt>{i18n.t("receipt-service")}</dt><dd>{case.service.clone()}</dd>
                <dt>{i18n.t("case-decided-at")}</dt><dd><bdi>{d.decided_at.clone()}</bdi></dd>
                <dt>{i18n.t("case-decided-by")}</dt><dd>{d.decided_by.clone()}", "{d.unit_name.clone()}</dd>
            </dl>
            <p class="template">{d.template.clone()}</p>
            {case.offer.as_ref().map(|o| offer(o, i18n))}
            <h3>{i18n.t("case-motivation")}</h3>
            <p class="motivation">{d.motivation.clone()}</p>
            <h3>{i18n.t("case-appeal-heading")}</h3>
            <p class="appeal">{d.appeal.clone()}</p>
        </article>
    }
}

/// The offer a decision carries: what, from when, by when to answer, where it stands, and what
/// happens without an answer.
pub fn offer(o: &super::view::OfferView, i18n: I18n) -> impl IntoView {
    view! {
        <section class="offer" aria-labelledby="offer-heading">
            <h3 id="offer-heading">{i18n.t("offer-heading")}</h3>
            <p class="offer-what">{o.what.clone()}</p>
            {o.starts.clone().map(|s| view! { <p>{s}</p> })}
            <p><strong>{o.state.clone()}</strong></p>
            {o.open.then(|| view! { <p>{o.reply_by.clone()}" "{o.lapse.clone()}</p> })}
            {o.lapsed.then(|| view! { <p>{o.lapse.clone()}</p> })}
        </section>
    }
}

/// The applicant's answer to an open offer: two buttons, no JavaScript needed.
pub fn offer_form(case_id: CaseId, i18n: I18n) -> impl IntoView {
    view! {
        <form method="post" action="/api/my/case/offer" class="offer-answer" id="offer-answer">
            <CsrfField/>
            <input type="hidden" name="case_id" value=case_id.to_string()/>
            <button type="submit" name="answer" value="accept">{i18n.t("offer-accept")}</button>" "
            <button type="submit" name="answer" value="decline" class="secondary">{i18n.t("offer-decline")}</button>
        </form>
    }
}

/// The answers as filed: "Your answers" to the applicant, "The applicant's answers" to staff.
pub fn answers(case: &CaseCommon, staff: bool, i18n: I18n) -> impl IntoView {
    let heading = i18n.t(if staff { "case-answers-staff" } else { "case-answers" });
    view! {
        <section class="panel" aria-labelledby="answers-heading">
            <h2 id="answers-heading">{heading}</h2>
            {answer_sections(&case.answers, false, i18n)}
            {file_list(&case.files, i18n)}
        </section>
    }
}

/// The satisfaction question: a 5-point scale, the two UMUX-Lite items (7 points), a comment.
/// Optional and anonymous; the form says so.
pub fn survey_form(case_id: CaseId, stage: &str, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let flash = ctx.flash_for("survey").cloned();
    let value = |k: &str| flash.as_ref().and_then(|f| f.value(k)).unwrap_or_default().to_owned();
    let error = |k: &str| flash.as_ref().and_then(|f| f.message(k, i18n.lang));
    let scale = |name: &'static str, legend: String, points: u8, low: String, high: String| {
        let current = value(name);
        let err = error(name);
        let has_error = err.is_some();
        let items = (1..=points)
            .map(|p| {
                let id = format!("survey-{name}-{p}");
                let label = if p == 1 {
                    format!("{p} – {low}")
                } else if p == points {
                    format!("{p} – {high}")
                } else {
                    p.to_string()
                };
                view! {
                    <div class="radio inline">
                        <input type="radio" id=id.clone() name=name value=p.to_string() checked=current == p.to_string()/>
                        <label for=id>{label}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class=if has_error { "scale has-error" } else { "scale" } id=format!("survey-{name}")>
                <legend>{legend}</legend>
                {err.map(|e| view! { <p class="field-error">{e}</p> })}
                {items}
            </fieldset>
        }
    };
    let saved = ctx.query.contains("saved=survey");
    if saved {
        return view! { <div class="notice success" role="status" id="survey"><p>{i18n.t("survey-thanks")}</p></div> }
            .into_any();
    }
    view! {
        <section class="panel survey" aria-labelledby="survey-heading" id="survey">
            <h2 id="survey-heading">{i18n.t("survey-heading")}</h2>
            <p class="hint">{i18n.t("survey-anonymous")}</p>
            <form method="post" action="/api/my/case/survey" novalidate=true>
                <CsrfField/>
                <input type="hidden" name="case_id" value=case_id.to_string()/>
                <input type="hidden" name="stage" value=stage.to_owned()/>
                {scale("score", i18n.t("survey-score"), 5, i18n.t("survey-score-low"), i18n.t("survey-score-high"))}
                {scale("useful", i18n.t("survey-useful"), 7, i18n.t("survey-disagree"), i18n.t("survey-agree"))}
                {scale("easy", i18n.t("survey-easy"), 7, i18n.t("survey-disagree"), i18n.t("survey-agree"))}
                <div class=if error("comment").is_some() { "field has-error" } else { "field" }>
                    <label for="survey-comment">{i18n.t("survey-comment")}</label>
                    {error("comment").map(|e| view! { <p class="field-error">{e}</p> })}
                    <textarea id="survey-comment" name="comment" rows="3" maxlength="1000">{textarea_text(value("comment"))}</textarea>
                </div>
                <button type="submit" class="secondary">{i18n.t("survey-send")}</button>
            </form>
        </section>
    }
    .into_any()
}

/// The answers as a summary list per step, each with its change link.
pub fn answer_sections(sections: &[super::view::AnswerSection], change: bool, i18n: I18n) -> impl IntoView {
    sections
        .iter()
        .map(|s| {
            let rows = s
                .rows
                .iter()
                .map(|r| {
                    let value = if r.lines.is_empty() {
                        view! { <span class="muted">{i18n.t("apply-not-answered")}</span> }.into_any()
                    } else {
                        r.lines
                            .iter()
                            // Each answer is isolated: a personnummer, a date or an address
                            // keeps its own direction inside a right-to-left page.
                            .map(|l| view! { <span class="line"><bdi>{l.clone()}</bdi></span> })
                            .collect_view()
                            .into_any()
                    };
                    view! { <div class="summary-row"><dt>{r.label.clone()}</dt><dd>{value}</dd></div> }
                })
                .collect_view();
            let link = change.then(|| {
                view! {
                    <a href=s.change_href.clone()>
                        {i18n.t("apply-change")}<span class="visually-hidden">" "{s.title.clone()}</span>
                    </a>
                }
            });
            view! {
                <section class="answers">
                    <div class="answers-heading"><h2>{s.title.clone()}</h2>{link}</div>
                    <dl class="summary">{rows}</dl>
                </section>
            }
        })
        .collect_view()
}
