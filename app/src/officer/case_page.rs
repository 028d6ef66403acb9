//! `/officer/cases/{id}`: one case for its unit's officer — the applicant's answers and files,
//! the conversation, internal notes, the timeline with internal events, and the actions the state
//! machine allows now (each its own small form, all without JavaScript).

use super::server::officer_case;
use super::view::OfficerCaseView;
use crate::cases::components::{answers, completions, decision, message_form, messages, timeline};
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{textarea_text, CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use stadsporten_domain::ids::CaseId;

#[component]
pub fn OfficerCasePage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().read_untracked().get("id").and_then(|s| s.parse().ok()).unwrap_or(CaseId::new(-1));
    let data = officer_case(id);
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

/// A one-button form for an action without inputs.
fn act(case_id: CaseId, action: &'static str, label: String, class: &'static str) -> impl IntoView {
    view! {
        <form method="post" action="/api/officer/act" class="inline">
            <CsrfField/>
            <input type="hidden" name="case_id" value=case_id.to_string()/>
            <input type="hidden" name="action" value=action/>
            <button type="submit" class=class>{label}</button>
        </form>
    }
}

fn saved_notice(i18n: I18n) -> Option<impl IntoView> {
    let q = crate::context::current().query;
    let action = q.split('&').find_map(|kv| kv.strip_prefix("saved="))?.to_owned();
    let (class, id) = if action == "stale" {
        ("notice", "officer-stale".to_owned())
    } else {
        ("notice success", format!("officer-saved-{action}"))
    };
    let known = [
        "take",
        "release",
        "assign",
        "note",
        "start",
        "request-completion",
        "resume-without-completion",
        "decide",
        "close",
        "message",
        "stale",
        "offer-accepted-by-phone",
        "offer-declined-by-phone",
    ];
    known.contains(&action.as_str()).then(|| view! { <div class=class role="status"><p>{i18n.t(&id)}</p></div> })
}

fn field_error(form: &str, field: &str, i18n: I18n) -> Option<String> {
    crate::context::current().flash_for(form).and_then(|f| f.message(field, i18n.lang))
}

fn flash_value(form: &str, field: &str) -> Option<String> {
    crate::context::current().flash_for(form).and_then(|f| f.value(field).map(str::to_owned))
}

fn page(v: OfficerCaseView, i18n: I18n) -> impl IntoView {
    let c = &v.case;
    let id = c.id;
    let can = |a: &str| v.actions.iter().any(|x| x == a);
    let assign = v.may_handle.then(|| {
        let options = v.officers.iter().map(|o| view! { <option value=o.value.clone()>{o.label.clone()}</option> }).collect_view();
        view! {
            <section class="panel" aria-labelledby="assign-heading">
                <h2 id="assign-heading">{i18n.t("officer-assignment")}</h2>
                <p>{match &v.assignee { Some(a) => i18n.ta("officer-assigned-to", &[("name", a.clone().into())]), None => i18n.t("officer-unassigned") }}</p>
                {c.open.then(|| view! {
                    {(!v.assigned_to_me).then(|| act(id, "take", i18n.t("officer-take"), "secondary"))}
                    {v.assignee.is_some().then(|| act(id, "release", i18n.t("officer-release"), "secondary"))}
                    <form method="post" action="/api/officer/act" class="inline">
                        <CsrfField/>
                        <input type="hidden" name="case_id" value=id.to_string()/>
                        <input type="hidden" name="action" value="assign"/>
                        <label for="assignee">{i18n.t("officer-assign-to")}</label>
                        <select id="assignee" name="assignee">{options}</select>
                        <button type="submit" class="secondary">{i18n.t("officer-assign")}</button>
                    </form>
                })}
            </section>
        }
    });
    let completion_error = field_error("completion", "completion-message", i18n).or(field_error(
        "completion",
        "completion-reply-by",
        i18n,
    ));
    let request = can("request-completion").then(|| view! {
        <details class="panel" id="completion" open=completion_error.is_some()>
            <summary>{i18n.t("officer-request-completion")}</summary>
            <form method="post" action="/api/officer/act" novalidate=true>
                <CsrfField/>
                <input type="hidden" name="case_id" value=id.to_string()/>
                <input type="hidden" name="action" value="request-completion"/>
                {completion_error.clone().map(|e| view! { <p class="field-error">{e}</p> })}
                <div class="field">
                    <label for="completion-message">{i18n.t("officer-completion-message")}</label>
                    <textarea id="completion-message" name="message" rows="4" maxlength="4000">{textarea_text(flash_value("completion", "message").unwrap_or_default())}</textarea>
                </div>
                <div class="field">
                    <label for="completion-reply-by">{i18n.t("officer-reply-by")}</label>
                    <p class="hint" id="completion-reply-by-hint">{i18n.t("field-date-format")}</p>
                    // Typed as ÅÅÅÅ-MM-DD in every language (a browser's date input shows its own order).
                    <input type="text" inputmode="numeric" dir="ltr" maxlength="10" id="completion-reply-by" name="reply_by"
                        aria-describedby="completion-reply-by-hint"
                        value=flash_value("completion", "reply_by").unwrap_or(v.default_reply_by.clone())/>
                </div>
                <p class="hint">{i18n.t("officer-clock-pauses")}</p>
                <button type="submit">{i18n.t("officer-send-request")}</button>
            </form>
        </details>
    });
    let decide_error =
        field_error("decide", "decide-outcome", i18n).or(field_error("decide", "decide-motivation", i18n));
    let offer_fields = v.offer_form.clone().map(|o| {
        let what_error = field_error("decide", "decide-offer-what", i18n);
        let starts_error = field_error("decide", "decide-offer-starts", i18n);
        view! {
            <fieldset class="offer-fields">
                <legend>{i18n.t("officer-offer")}</legend>
                <p class="hint" id="decide-offer-hint">{o.reply_hint.clone()}</p>
                <div class=if what_error.is_some() { "field has-error" } else { "field" }>
                    <label for="decide-offer-what">{o.what_label.clone()}</label>
                    {what_error.clone().map(|e| view! { <p class="field-error" id="decide-offer-what-error">{e}</p> })}
                    <input type="text" id="decide-offer-what" name="offer_what" maxlength="300"
                        value=flash_value("decide", "offer_what").unwrap_or_default()
                        aria-describedby=if what_error.is_some() { "decide-offer-hint decide-offer-what-error" } else { "decide-offer-hint" }
                        aria-invalid=what_error.is_some().then_some("true")/>
                </div>
                {o.start_date.then(|| view! {
                    <div class=if starts_error.is_some() { "field has-error" } else { "field" }>
                        <label for="decide-offer-starts">{i18n.t("officer-offer-starts")}</label>
                        <p class="hint" id="decide-offer-starts-hint">{i18n.t("field-date-format")}</p>
                        {starts_error.clone().map(|e| view! { <p class="field-error" id="decide-offer-starts-error">{e}</p> })}
                        <input type="text" inputmode="numeric" dir="ltr" maxlength="10" id="decide-offer-starts" name="offer_starts"
                            value=flash_value("decide", "offer_starts").unwrap_or_default()
                            aria-describedby="decide-offer-starts-hint"
                            aria-invalid=starts_error.is_some().then_some("true")/>
                    </div>
                })}
            </fieldset>
        }
    });
    let chosen = flash_value("decide", "outcome").unwrap_or_default();
    let decide = can("decide").then(|| {
        let outcomes = v
            .templates
            .iter()
            .map(|(choice, template)| {
                let oid = format!("outcome-{}", choice.value);
                view! {
                    <div class="radio">
                        <input type="radio" id=oid.clone() name="outcome" value=choice.value.clone() checked=chosen == choice.value/>
                        <label for=oid>{choice.label.clone()}<span class="hint" lang=v.case_lang.clone()>" – "{template.clone()}</span></label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <section class="panel" id="decide" aria-labelledby="decide-heading">
                <h2 id="decide-heading">{i18n.t("officer-decide")}</h2>
                <form method="post" action="/api/officer/act" novalidate=true>
                    <CsrfField/>
                    <input type="hidden" name="case_id" value=id.to_string()/>
                    <input type="hidden" name="action" value="decide"/>
                    {decide_error.clone().map(|e| view! { <p class="field-error">{e}</p> })}
                    <fieldset>
                        <legend>{i18n.t("officer-outcome")}</legend>
                        <p class="hint">{i18n.ta("officer-template-lang", &[("lang", v.case_lang.clone().into())])}</p>
                        {outcomes}
                    </fieldset>
                    <div class="field">
                        <label for="decide-motivation">{i18n.t("case-motivation")}</label>
                        <textarea id="decide-motivation" name="motivation" rows="6" maxlength="8000">{textarea_text(flash_value("decide", "motivation").unwrap_or_default())}</textarea>
                    </div>
                    {offer_fields}
                    <button type="submit">{i18n.t("officer-decide-submit")}</button>
                </form>
            </section>
        }
    });
    let note_error = field_error("note", "note-message", i18n);
    view! {
        <Title text=format!("{} – {}", crate::cases::server::case_heading(&c.case_number, i18n.lang), i18n.t("site-name"))/>
        <p><a href="/officer" class="back">{i18n.t("officer-queue-title")}</a></p>
        {saved_notice(i18n)}
        <p class="caption">{c.service.clone()}</p>
        <h1><bdi>{crate::cases::server::case_heading(&c.case_number, i18n.lang)}</bdi></h1>
        {c.security.as_ref().map(|sec| view! {
            {sec.protected.then(|| view! {
                <div class="notice warning protected" role="note" aria-labelledby="protected-heading">
                    <h2 id="protected-heading">{i18n.t("protected-heading")}</h2>
                    {match (&sec.grant, &sec.address) {
                        (Some(grant), address) => view! {
                            <p>{grant.clone()}</p>
                            {address.clone().map(|a| view! { <p>{i18n.t("protected-address")}": " <bdi>{a}</bdi></p> })}
                        }.into_any(),
                        (None, _) => view! { <p>{i18n.t("protected-hidden")}</p> }.into_any(),
                    }}
                </div>
            })}
            <p class="classification">
                <span class=if sec.sensitive { "tag warning" } else { "tag" }>{sec.levels.clone()}</span>
                {sec.sensitive.then(|| view! { " " {i18n.t("classification-sensitive-case")} })}
            </p>
        })}
        <dl class="facts">
            <dt>{i18n.t("officer-applicant")}</dt><dd>{v.applicant.clone()}{v.acting_for.clone().map(|o| format!(" ({o})"))}</dd>
            <dt>{i18n.t("case-status")}</dt><dd><span class=format!("status status-{}", c.status_slug)>{c.status.clone()}</span></dd>
            <dt>{i18n.t("receipt-submitted")}</dt><dd><bdi>{c.submitted.clone()}</bdi></dd>
            {c.open.then(|| view! {
                <dt>{i18n.t("case-due")}</dt>
                <dd><bdi>{c.due.clone()}</bdi>" "<span class=format!("tag sla-{}", c.standing)>{c.standing_text.clone()}</span></dd>
            })}
        </dl>
        {v.bundle.as_ref().map(|b| view! {
            <section class="panel bundle-part" aria-labelledby="bundle-heading">
                <h2 id="bundle-heading">{i18n.t("bundle-part-of")}</h2>
                <p>
                    <a href=format!("/officer/bundles/{}", b.id)><bdi>{b.number.clone()}</bdi></a>
                    " – "{b.organisation.clone()}
                </p>
                {b.hold.clone().map(|h| view! { <p class="waits">{h}</p> })}
            </section>
        })}
        {assign}
        {(!v.actions.is_empty()).then(|| view! {
            <section class="panel actions" aria-labelledby="actions-heading">
                <h2 id="actions-heading">{i18n.t("officer-actions")}</h2>
                {can("start").then(|| act(id, "start", i18n.t("officer-start"), ""))}
                {can("resume-without-completion").then(|| act(id, "resume-without-completion", i18n.t("officer-resume"), "secondary"))}
                {can("close").then(|| act(id, "close", i18n.t("officer-close"), "secondary"))}
                {request}
                {decide}
            </section>
        })}
        {c.decision.as_ref().map(|d| decision(d, c, i18n))}
        {(v.may_handle && c.offer.as_ref().is_some_and(|o| o.open)).then(|| view! {
            <section class="panel" aria-labelledby="offer-phone-heading">
                <h2 id="offer-phone-heading">{i18n.t("officer-offer-phone")}</h2>
                <p class="hint">{i18n.t("officer-offer-phone-hint")}</p>
                {act(id, "offer-accepted-by-phone", i18n.t("officer-offer-accepted"), "")}" "
                {act(id, "offer-declined-by-phone", i18n.t("officer-offer-declined"), "secondary")}
            </section>
        })}
        <section class="panel" aria-labelledby="messages-heading">
            <h2 id="messages-heading">{i18n.t("case-messages")}</h2>
            {messages(&c.messages, i18n)}
            {(v.may_handle && c.status_slug != "withdrawn").then(|| message_form(id, i18n))}
        </section>
        {completions(&c.completions, i18n)}
        <section class="panel internal" aria-labelledby="notes-heading" id="note">
            <h2 id="notes-heading">{i18n.t("officer-notes")}</h2>
            <p class="hint">{i18n.t("officer-notes-hint")}</p>
            <ul class="notes">
                {v.notes.iter().map(|n| view! { <li><p class="meta">{n.author.clone()}" – "<bdi>{n.at.clone()}</bdi></p><p>{n.body.clone()}</p></li> }).collect_view()}
            </ul>
            {v.may_handle.then(|| view! {
                <form method="post" action="/api/officer/act" novalidate=true>
                    <CsrfField/>
                    <input type="hidden" name="case_id" value=id.to_string()/>
                    <input type="hidden" name="action" value="note"/>
                    <div class=if note_error.is_some() { "field has-error" } else { "field" }>
                        <label for="note-message">{i18n.t("officer-note-label")}</label>
                        {note_error.clone().map(|e| view! { <p class="field-error">{e}</p> })}
                        <textarea id="note-message" name="message" rows="3" maxlength="4000">{textarea_text(flash_value("note", "message").unwrap_or_default())}</textarea>
                    </div>
                    <button type="submit" class="secondary">{i18n.t("officer-add-note")}</button>
                </form>
            })}
        </section>
        {timeline(&c.timeline, i18n)}
        {answers(c, true, i18n)}
    }
}
