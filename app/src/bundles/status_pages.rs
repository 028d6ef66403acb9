//! One status for the whole bundle: the entrepreneur's `/my/business/{id}`, and the same bundle
//! from the city's side, `/officer/bundles` and `/officer/bundles/{id}` (the coordinator sees every
//! part and writes for all units; an officer sees the parts' standing and their own unit's case).

use super::server::{load_officer_bundle, load_status, officer_bundles};
use super::view::{OfficerBundleView, OfficerBundlesView, PartView, StatementView, StatusView};
use crate::cases::components::{messages, timeline};
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{textarea_text, CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use stadsporten_domain::ids::BundleId;

fn id() -> BundleId {
    use_params_map().read_untracked().get("id").and_then(|s| s.parse().ok()).unwrap_or(BundleId::new(0))
}

fn saved_notice(i18n: I18n) -> impl IntoView {
    let q = crate::context::current().query;
    let key =
        ["submitted", "message", "completion", "referral", "statement-answer", "statement", "stale", "not-possible"]
            .into_iter()
            .find(|k| q.split('&').any(|p| p == format!("saved={k}")));
    key.map(|k| {
        let class = if k == "stale" || k == "not-possible" { "notice" } else { "notice success" };
        view! { <div class=class role="status"><p>{i18n.t(&format!("bundle-saved-{k}"))}</p></div> }
    })
}

/// The parts as a table: permit, holder, case, status, deadline, next step.
fn parts_table(parts: &[PartView], i18n: I18n) -> impl IntoView {
    let rows = parts
        .iter()
        .map(|p| {
            let case = match &p.href {
                Some(href) => view! { <a href=href.clone()><bdi>{p.case_number.clone()}</bdi></a> }.into_any(),
                None => view! { <bdi>{p.case_number.clone()}</bdi> }.into_any(),
            };
            view! {
                <tr class=format!("part status-{}", p.status_slug)>
                    <th scope="row">{p.permit.clone()}</th>
                    <td>{p.holder.clone()}{p.officer.clone().map(|o| view! { <br/><span class="hint">{o}</span> })}</td>
                    <td>{case}</td>
                    <td>
                        <strong class=format!("tag status-{}", p.status_slug)>{p.status.clone()}</strong>
                        {p.hold.clone().map(|h| view! { <p class="waits">{h}</p> })}
                    </td>
                    <td><bdi>{p.due.clone()}</bdi></td>
                    <td>
                        {p.next_step.clone()}
                        {p.decision_href.clone().map(|href| view! {
                            <br/><a href=href>{i18n.t("bundle-read-decision")}<span class="visually-hidden">": "{p.permit.clone()}</span></a>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="parts">
                <caption class="visually-hidden">{i18n.t("bundle-parts-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("bundle-col-permit")}</th>
                        <th scope="col">{i18n.t("bundle-col-holder")}</th>
                        <th scope="col">{i18n.t("bundle-col-case")}</th>
                        <th scope="col">{i18n.t("bundle-col-status")}</th>
                        <th scope="col">{i18n.t("bundle-col-due")}</th>
                        <th scope="col">{i18n.t("bundle-col-next")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn message_form(bundle_id: BundleId, label: String, i18n: I18n) -> impl IntoView {
    let flash = crate::context::current().flash_for("bundle-message").cloned();
    let error = flash.as_ref().and_then(|f| f.message("body", i18n.lang));
    let body = flash.as_ref().and_then(|f| f.value("body")).unwrap_or_default().to_owned();
    view! {
        <form method="post" action="/api/business/message" novalidate=true class="message-form" id="message-form">
            <CsrfField/>
            <input type="hidden" name="bundle_id" value=bundle_id.to_string()/>
            <div class=if error.is_some() { "field has-error" } else { "field" }>
                <label for="bundle-message-body">{label}</label>
                {error.clone().map(|e| view! { <p class="field-error" id="bundle-message-error">{e}</p> })}
                <textarea id="bundle-message-body" name="body" rows="4" maxlength="4000"
                    aria-invalid=error.is_some().then_some("true")
                    aria-describedby=error.is_some().then_some("bundle-message-error")>{textarea_text(body)}</textarea>
            </div>
            <button type="submit">{i18n.t("case-message-send")}</button>
        </form>
    }
}

#[component]
pub fn BundleStatusPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_status(id());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => status(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn status(v: StatusView, i18n: I18n) -> impl IntoView {
    let csrf = crate::context::current().viewer.map(|v| v.csrf).unwrap_or_default();
    let heading = i18n.ta("bundle-status-title", &[("number", v.bundle_number.clone().into())]);
    let completions = (!v.completions.is_empty()).then(|| {
        let items = v
            .completions
            .iter()
            .map(|c| {
                let fid = format!("completion-{}", c.case_id);
                view! {
                    <li id=fid.clone()>
                        <h3>{c.permit.clone()}</h3>
                        <p class="body">{c.message.clone()}</p>
                        <p class="hint">{i18n.ta("case-completion-open", &[("date", c.reply_by.clone().into())])}</p>
                        <form method="post" action=format!("/cases/{}/completion?csrf={csrf}", c.case_id)
                            enctype="multipart/form-data" novalidate=true>
                            <CsrfField/>
                            <input type="hidden" name="return_to" value="bundle"/>
                            <div class=if c.error.is_some() { "field has-error" } else { "field" }>
                                <label for=format!("{fid}-answer")>{i18n.t("case-completion-answer")}</label>
                                {c.error.clone().map(|e| view! { <p class="field-error" id=format!("{fid}-error")>{e}</p> })}
                                <textarea id=format!("{fid}-answer") name="answer" rows="4" maxlength="4000"
                                    aria-invalid=c.error.is_some().then_some("true")
                                    aria-describedby=c.error.is_some().then(|| format!("{fid}-error"))>{textarea_text(&c.value)}</textarea>
                            </div>
                            <div class="field">
                                <label for=format!("{fid}-file")>{i18n.t("case-message-file")}</label>
                                <input type="file" id=format!("{fid}-file") name="file" accept="application/pdf,image/jpeg,image/png"/>
                            </div>
                            <button type="submit">{i18n.t("case-completion-send")}</button>
                        </form>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="panel attention" aria-labelledby="completions-heading">
                <h2 id="completions-heading">{i18n.t("bundle-completions-title")}</h2>
                <ol class="completions">{items}</ol>
            </section>
        }
    });
    view! {
        <Title text=format!("{heading} – {}", i18n.t("site-name"))/>
        <p><a href="/my/cases" class="back">{i18n.t("my-cases-title")}</a></p>
        <p class="caption">{v.organisation.clone()}</p>
        <h1>{heading}</h1>
        {saved_notice(i18n)}
        <p class=if v.all_decided { "progress done" } else { "progress" } id="bundle-progress">
            <strong>{v.progress.clone()}</strong>
        </p>
        <dl class="facts">
            <div><dt>{i18n.t("bundle-submitted")}</dt><dd><bdi>{v.submitted.clone()}</bdi></dd></div>
            <div><dt>{i18n.t("bundle-coordinator")}</dt><dd>{v.coordinator.clone().unwrap_or_else(|| i18n.t("bundle-coordinator-none"))}</dd></div>
        </dl>
        <p class="hint">{v.notify_note.clone()}</p>
        {completions}
        <section aria-labelledby="parts-heading">
            <h2 id="parts-heading">{i18n.t("bundle-parts-title")}</h2>
            {parts_table(&v.parts, i18n)}
        </section>
        <section class="panel" aria-labelledby="messages-heading">
            <h2 id="messages-heading">{i18n.t("bundle-inbox-title")}</h2>
            <p class="hint">{i18n.t("bundle-inbox-intro")}</p>
            {messages(&v.messages, i18n)}
            {message_form(v.id, i18n.t("bundle-message-label"), i18n)}
        </section>
        {timeline(&v.timeline, i18n)}
    }
}

#[component]
pub fn OfficerBundlesPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = officer_bundles();
    view! {
        <Title text=format!("{} – {}", i18n.t("bundle-officer-title"), i18n.t("site-name"))/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => officer_list(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn statements(items: &[StatementView], i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let rows = items
        .iter()
        .map(|s| {
            let sid = format!("statement-{}", s.id);
            let flash = ctx.flash_for(&sid).cloned();
            let error = flash.as_ref().and_then(|f| f.message("answer", i18n.lang));
            let value = flash.as_ref().and_then(|f| f.value("answer")).unwrap_or_default().to_owned();
            let answer_form = s.may_answer.then(|| view! {
                <form method="post" action="/api/officer/bundle/statement-answer" novalidate=true>
                    <CsrfField/>
                    <input type="hidden" name="bundle_id" value=s.bundle_id.to_string()/>
                    <input type="hidden" name="id" value=s.id.to_string()/>
                    <div class=if error.is_some() { "field has-error" } else { "field" }>
                        <label for=format!("{sid}-answer")>{i18n.t("bundle-statement-answer")}</label>
                        {error.clone().map(|e| view! { <p class="field-error" id=format!("{sid}-error")>{e}</p> })}
                        <textarea id=format!("{sid}-answer") name="answer" rows="3" maxlength="4000"
                            aria-invalid=error.is_some().then_some("true")
                            aria-describedby=error.is_some().then(|| format!("{sid}-error"))>{textarea_text(value)}</textarea>
                    </div>
                    <button type="submit">{i18n.t("bundle-statement-send")}</button>
                </form>
            });
            view! {
                <li id=sid.clone() class=if s.overdue { "statement overdue" } else { "statement" }>
                    <p class="meta">
                        <a href=format!("/officer/bundles/{}", s.bundle_id)><bdi>{s.bundle_number.clone()}</bdi></a>" – "
                        {i18n.ta("bundle-statement-route", &[
                            ("from", s.from_unit.clone().into()), ("to", s.to_unit.clone().into()),
                            ("case", s.case_number.clone().into()), ("who", s.requested_by.clone().into()),
                        ])}
                    </p>
                    <p class="body">{s.question.clone()}</p>
                    <p class="state">
                        {match (&s.answer, s.overdue) {
                            (Some(_), _) => i18n.ta("bundle-statement-answered", &[("who", s.answered_by.clone().unwrap_or_default().into())]),
                            (None, true) => i18n.ta("bundle-statement-overdue", &[("date", s.due.clone().into())]),
                            (None, false) => i18n.ta("bundle-statement-due", &[("date", s.due.clone().into())]),
                        }}
                    </p>
                    {s.answer.clone().map(|a| view! { <blockquote>{a}</blockquote> })}
                    {answer_form}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="statements-heading">
            <h2 id="statements-heading">{i18n.t("bundle-statements-title")}</h2>
            {if items.is_empty() {
                view! { <p>{i18n.t("bundle-statements-none")}</p> }.into_any()
            } else {
                view! { <ol class="statements">{rows}</ol> }.into_any()
            }}
        </section>
    }
}

fn officer_list(v: OfficerBundlesView, i18n: I18n) -> impl IntoView {
    let rows = v
        .bundles
        .iter()
        .map(|b| {
            view! {
                <tr>
                    <th scope="row"><a href=format!("/officer/bundles/{}", b.id)><bdi>{b.bundle_number.clone()}</bdi></a></th>
                    <td>{b.organisation.clone()}</td>
                    <td><bdi>{b.submitted.clone()}</bdi></td>
                    <td>{b.progress.clone()}</td>
                    <td>{b.coordinator.clone().unwrap_or_default()}</td>
                    <td>{(b.unread > 0).then(|| view! { <span class="tag">{i18n.ta("bundle-unread", &[("count", b.unread.into())])}</span> })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h1>{i18n.t("bundle-officer-title")}</h1>
        <p class="lead">{if v.coordinator { i18n.t("bundle-officer-intro-coordinator") } else { i18n.t("bundle-officer-intro") }}</p>
        {if v.bundles.is_empty() {
            view! { <p>{i18n.t("bundle-officer-none")}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table>
                        <caption class="visually-hidden">{i18n.t("bundle-officer-title")}</caption>
                        <thead><tr>
                            <th scope="col">{i18n.t("bundle-col-number")}</th>
                            <th scope="col">{i18n.t("bundle-organisation")}</th>
                            <th scope="col">{i18n.t("bundle-submitted")}</th>
                            <th scope="col">{i18n.t("bundle-col-progress")}</th>
                            <th scope="col">{i18n.t("bundle-coordinator")}</th>
                            <th scope="col">{i18n.t("bundle-col-messages")}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {statements(&v.statements, i18n)}
    }
}

#[component]
pub fn OfficerBundlePage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_officer_bundle(id());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => officer_bundle(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn referral_forms(v: &OfficerBundleView, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    v.referrals
        .iter()
        .map(|(case_id, permit)| {
            let fid = format!("referral-{case_id}");
            let flash = ctx.flash_for(&fid).cloned();
            let error = flash
                .as_ref()
                .and_then(|f| f.message("outcome", i18n.lang).or_else(|| f.message("motivation", i18n.lang)));
            let chosen = flash.as_ref().and_then(|f| f.value("outcome")).unwrap_or_default().to_owned();
            let text = flash.as_ref().and_then(|f| f.value("motivation")).unwrap_or_default().to_owned();
            let options = ["approved", "partly-approved", "rejected"]
                .iter()
                .map(|o| {
                    let oid = format!("{fid}-{o}");
                    view! {
                        <div class="radio">
                            <input type="radio" id=oid.clone() name="outcome" value=*o checked=chosen == *o/>
                            <label for=oid>{i18n.t(&format!("case-outcome-{o}"))}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <form method="post" action="/api/officer/bundle/referral" novalidate=true id=fid.clone() class="panel">
                    <CsrfField/>
                    <input type="hidden" name="bundle_id" value=v.id.to_string()/>
                    <input type="hidden" name="case_id" value=case_id.to_string()/>
                    <h3>{i18n.ta("bundle-referral-title", &[("permit", permit.clone().into())])}</h3>
                    {error.clone().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    <fieldset>
                        <legend>{i18n.t("bundle-referral-outcome")}</legend>
                        {options}
                    </fieldset>
                    <div class="field">
                        <label for=format!("{fid}-text")>{i18n.t("bundle-referral-text")}</label>
                        <textarea id=format!("{fid}-text") name="motivation" rows="3" maxlength="8000">{textarea_text(text)}</textarea>
                    </div>
                    <button type="submit">{i18n.t("bundle-referral-record")}</button>
                </form>
            }
        })
        .collect_view()
}

fn statement_form(v: &OfficerBundleView, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let flash = ctx.flash_for("statement").cloned();
    let err = |f: &str| flash.as_ref().and_then(|fl| fl.message(f, i18n.lang));
    let val = |f: &str| flash.as_ref().and_then(|fl| fl.value(f)).unwrap_or_default().to_owned();
    let errors: Vec<String> = ["to_unit", "question", "due_date"].iter().filter_map(|f| err(f)).collect();
    let chosen_case = val("case_id");
    let chosen_unit = val("to_unit");
    (!v.own_cases.is_empty() && v.units.len() > 1).then(|| {
        let cases = v
            .own_cases
            .iter()
            .map(|(id, label)| view! { <option value=id.to_string() selected=chosen_case == id.to_string()>{label.clone()}</option> })
            .collect_view();
        let units = v
            .units
            .iter()
            .map(|(code, name)| view! { <option value=code.clone() selected=chosen_unit == *code>{name.clone()}</option> })
            .collect_view();
        view! {
            <form method="post" action="/api/officer/bundle/statement" novalidate=true id="statement-form" class="panel">
                <CsrfField/>
                <input type="hidden" name="bundle_id" value=v.id.to_string()/>
                <h3>{i18n.t("bundle-statement-request")}</h3>
                {(!errors.is_empty()).then(|| view! {
                    <div class="error-summary" role="alert"><ul>{errors.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul></div>
                })}
                <div class="field">
                    <label for="statement-case">{i18n.t("bundle-statement-case")}</label>
                    <select id="statement-case" name="case_id">{cases}</select>
                </div>
                <div class="field">
                    <label for="statement-unit">{i18n.t("bundle-statement-unit")}</label>
                    <select id="statement-unit" name="to_unit">{units}</select>
                </div>
                <div class="field">
                    <label for="statement-question">{i18n.t("bundle-statement-question")}</label>
                    <textarea id="statement-question" name="question" rows="3" maxlength="4000">{textarea_text(val("question"))}</textarea>
                </div>
                <div class="field">
                    <label for="statement-due">{i18n.t("bundle-statement-due-label")}</label>
                    <p class="hint" id="statement-due-hint">{i18n.t("field-date-format")}</p>
                    <input type="text" inputmode="numeric" dir="ltr" maxlength="10" id="statement-due" name="due_date"
                        aria-describedby="statement-due-hint" value=val("due_date")/>
                </div>
                <button type="submit">{i18n.t("bundle-statement-ask")}</button>
            </form>
        }
    })
}

fn officer_bundle(v: OfficerBundleView, i18n: I18n) -> impl IntoView {
    let heading = i18n.ta("bundle-status-title", &[("number", v.bundle_number.clone().into())]);
    let facts = v
        .facts
        .iter()
        .map(|r| {
            let lines = r.lines.iter().map(|l| view! { <span class="line">{l.clone()}</span> }).collect_view();
            view! { <div><dt>{r.label.clone()}</dt><dd>{lines}</dd></div> }
        })
        .collect_view();
    view! {
        <Title text=format!("{heading} – {}", i18n.t("site-name"))/>
        <p><a href="/officer/bundles" class="back">{i18n.t("bundle-officer-title")}</a></p>
        <p class="caption">{v.organisation.clone()}</p>
        <h1>{heading}</h1>
        {saved_notice(i18n)}
        <p class="progress" id="bundle-progress"><strong>{v.progress.clone()}</strong></p>
        <dl class="facts">
            <div><dt>{i18n.t("bundle-applicant")}</dt><dd>{v.applicant.clone()}</dd></div>
            <div><dt>{i18n.t("bundle-submitted")}</dt><dd><bdi>{v.submitted.clone()}</bdi></dd></div>
            <div><dt>{i18n.t("bundle-coordinator")}</dt><dd>{v.coordinator_name.clone().unwrap_or_else(|| i18n.t("bundle-coordinator-none"))}</dd></div>
            {facts}
        </dl>
        {(!v.coordinator).then(|| view! { <p class="hint">{i18n.t("bundle-officer-own-unit")}</p> })}
        <section aria-labelledby="parts-heading">
            <h2 id="parts-heading">{i18n.t("bundle-parts-title")}</h2>
            {parts_table(&v.parts, i18n)}
        </section>
        {referral_forms(&v, i18n)}
        <section class="panel" aria-labelledby="messages-heading">
            <h2 id="messages-heading">{i18n.t("bundle-inbox-title")}</h2>
            {messages(&v.messages, i18n)}
            {v.coordinator.then(|| message_form(v.id, i18n.t("bundle-message-label-coordinator"), i18n))}
        </section>
        {statements(&v.statements, i18n)}
        {statement_form(&v, i18n)}
        {timeline(&v.timeline, i18n)}
    }
}
