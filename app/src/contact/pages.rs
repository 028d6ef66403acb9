//! The contact centre's pages: the board (`/contact`), a new errand and an errand, the look-up
//! and its person, the call-back queue and one call-back, the staff and unit directory. Plain
//! HTML forms; every post is a plain route (`routes.rs`) answering 303.

use super::server::*;
use super::view::*;
use crate::flash::FormFlash;
use crate::i18n::{use_i18n, I18n};
use crate::ui::CsrfField;
use leptos::prelude::*;
use stadsporten_domain::ids::{CallbackId, ErrandId, UserId};

fn param(key: &str) -> Option<String> {
    let q = crate::context::current().query;
    stadsporten_domain::catalogue::decode_query_string(&q).ok()?.into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn path_id<T: std::str::FromStr>(prefix: &str) -> Option<T> {
    let path = crate::context::current().path;
    path.strip_prefix(prefix)?.split('/').next()?.parse().ok()
}

/// A success notice for `?saved=…`.
fn saved_notice(i18n: I18n) -> Option<impl IntoView> {
    let id = match param("saved")?.as_str() {
        "errand" => "contact-saved-errand",
        "claimed" => "contact-saved-claimed",
        "released" => "contact-saved-released",
        "attempt" => "contact-saved-attempt",
        "sms" => "contact-saved-sms",
        "done" => "contact-saved-done",
        "availability" => "contact-saved-availability",
        "transfer" => "contact-saved-transfer",
        "taken" => "contact-claimed-by-other",
        "assisted" => "contact-saved-assisted",
        "assist-resident" => "contact-saved-assist-resident",
        _ => return None,
    };
    let class = if id == "contact-claimed-by-other" { "notice warning" } else { "notice success" };
    Some(view! { <div class=class role="status"><p>{i18n.t(id)}</p></div> })
}

fn error_summary(flash: &FormFlash, i18n: I18n) -> Option<impl IntoView> {
    (!flash.errors.is_empty()).then(|| {
        let lang = i18n.lang;
        let items = flash
            .errors
            .iter()
            .map(|(field, _)| view! { <li><a href=format!("#{field}")>{flash.message(field, lang)}</a></li> })
            .collect_view();
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-heading" tabindex="-1" id="error-summary">
                <h2 id="error-summary-heading">{i18n.t("form-error-summary")}</h2>
                <ul>{items}</ul>
            </div>
        }
    })
}

fn field_error(flash: &FormFlash, field: &str, i18n: I18n) -> Option<impl IntoView> {
    flash.message(field, i18n.lang).map(|m| view! { <p class="field-error" id=format!("{field}-error")>{m}</p> })
}

fn described(flash: &FormFlash, field: &str, hint: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{field}-hint"));
    }
    if flash.error(field).is_some() {
        ids.push(format!("{field}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn text_field(
    flash: &FormFlash,
    name: &'static str,
    label: String,
    hint: Option<String>,
    value: String,
    kind: &'static str,
    i18n: I18n,
) -> impl IntoView {
    let value = flash.value(name).map(str::to_owned).unwrap_or(value);
    let has_hint = hint.is_some();
    view! {
        <div class="field">
            <label for=name>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{name}-hint")>{h}</p> })}
            {field_error(flash, name, i18n)}
            <input type=kind id=name name=name value=value aria-describedby=described(flash, name, has_hint)
                aria-invalid=flash.error(name).map(|_| "true")/>
        </div>
    }
}

fn select_field(
    flash: &FormFlash,
    name: &'static str,
    label: String,
    choices: Vec<(String, Vec<Choice>)>,
    current: Option<String>,
    empty: Option<String>,
    i18n: I18n,
) -> impl IntoView {
    let current = flash.value(name).map(str::to_owned).or(current).unwrap_or_default();
    let groups = choices
        .into_iter()
        .map(|(group, items)| {
            let options = items
                .into_iter()
                .map(|c| {
                    let selected = c.value == current;
                    view! { <option value=c.value selected=selected>{c.label}</option> }
                })
                .collect_view();
            if group.is_empty() {
                options.into_any()
            } else {
                view! { <optgroup label=group>{options}</optgroup> }.into_any()
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=name>{label}</label>
            {field_error(flash, name, i18n)}
            <select id=name name=name aria-describedby=described(flash, name, false) aria-invalid=flash.error(name).map(|_| "true")>
                {empty.map(|e| view! { <option value="">{e}</option> })}
                {groups}
            </select>
        </div>
    }
}

fn radios(
    flash: &FormFlash,
    name: &'static str,
    legend: String,
    choices: Vec<Choice>,
    current: Option<String>,
    i18n: I18n,
) -> impl IntoView {
    let current = flash.value(name).map(str::to_owned).or(current).unwrap_or_default();
    let items = choices
        .into_iter()
        .map(|c| {
            let id = format!("{name}-{}", c.value);
            let checked = c.value == current;
            view! {
                <div class="radio">
                    <input type="radio" id=id.clone() name=name value=c.value checked=checked/>
                    <label for=id>{c.label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" id=name aria-describedby=described(flash, name, false)>
            <legend>{legend}</legend>
            {field_error(flash, name, i18n)}
            {items}
        </fieldset>
    }
}

use crate::ui::data_page as page;

fn contact_nav(i18n: I18n, here: &'static str) -> impl IntoView {
    let links = [
        ("/contact", "contact-nav-board"),
        ("/contact/errands/new", "contact-nav-new-errand"),
        ("/contact/lookup", "contact-nav-lookup"),
        ("/contact/callbacks", "contact-nav-callbacks"),
        ("/contact/directory", "contact-nav-directory"),
        ("/contact/figures", "contact-nav-figures"),
    ]
    .into_iter()
    .map(|(href, id)| {
        let current = (href == here).then_some("page");
        view! { <li><a href=href aria-current=current>{i18n.t(id)}</a></li> }
    })
    .collect_view();
    view! { <nav class="subnav" aria-label=i18n.t("contact-nav-label")><ul>{links}</ul></nav> }
}

fn errand_rows(lines: &[ErrandLine], i18n: I18n) -> impl IntoView {
    let rows = lines
        .iter()
        .map(|e| {
            view! {
                <tr>
                    <td><a href=format!("/contact/errands/{}", e.id)><bdi>{e.number.clone()}</bdi></a></td>
                    <td><bdi>{e.created.clone()}</bdi></td>
                    <td>{e.channel.clone()}</td>
                    <td>{e.concerns.clone()}</td>
                    <td>{e.outcome.clone()}{e.unit.clone().map(|u| view! { " · " {u} })}</td>
                    <td>
                        <span class=format!("status status-{}", e.status_slug)>{e.status.clone()}</span>
                        {e.case_number.clone().map(|n| view! { " " <bdi>{n}</bdi> })}
                        {e.case_status.clone().map(|s| view! { " (" {s} ")" })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="queue">
            <thead><tr>
                <th scope="col">{i18n.t("contact-errand-number")}</th>
                <th scope="col">{i18n.t("contact-when")}</th>
                <th scope="col">{i18n.t("contact-channel")}</th>
                <th scope="col">{i18n.t("contact-concerns")}</th>
                <th scope="col">{i18n.t("contact-outcome")}</th>
                <th scope="col">{i18n.t("contact-status")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn callback_rows(lines: &[CallbackLine], i18n: I18n, with_claim: bool) -> impl IntoView {
    let rows = lines
        .iter()
        .map(|c| {
            let claim = (with_claim && c.claimed_by.is_none()).then(|| {
                view! {
                    <form method="post" action=format!("/contact/callbacks/{}/claim", c.id) class="inline">
                        <CsrfField/>
                        <button type="submit" class="button secondary">
                            {i18n.t("contact-claim")}<span class="visually-hidden">" " {c.phone.clone()}</span>
                        </button>
                    </form>
                }
            });
            view! {
                <tr class=format!("urgency-{}", c.urgency)>
                    <td><a href=format!("/contact/callbacks/{}", c.id)><bdi>{c.phone.clone()}</bdi></a></td>
                    <td>{c.reason.clone()}" · "{c.queue.clone()}</td>
                    <td><bdi>{c.created.clone()}</bdi></td>
                    <td><bdi>{c.due.clone()}</bdi>" "<span class=format!("tag sla-{}", c.urgency)>{c.urgency_text.clone()}</span></td>
                    <td>{c.attempts}</td>
                    <td>
                        {c.claimed_by.clone().map(|n| if c.claimed_by_me { i18n.t("contact-claimed-by-me") } else { n })}
                        {claim}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="queue">
            <thead><tr>
                <th scope="col">{i18n.t("contact-phone")}</th>
                <th scope="col">{i18n.t("contact-callback-reason")}</th>
                <th scope="col">{i18n.t("contact-callback-promised")}</th>
                <th scope="col">{i18n.t("contact-callback-due")}</th>
                <th scope="col">{i18n.t("contact-callback-attempts")}</th>
                <th scope="col">{i18n.t("contact-callback-claimed")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// `/contact`: the live board.
#[component]
pub fn ContactBoardPage() -> impl IntoView {
    page("contact-board-title", contact_board(), |b: BoardView, i18n| {
        let figure = |id: &'static str, value: String, class: &'static str| {
            view! { <div class=format!("figure {class}")><dt>{i18n.t(id)}</dt><dd>{value}</dd></div> }
        };
        let calls = (!b.calls.is_empty()).then(|| {
            let items = b
                .calls
                .iter()
                .map(|c| {
                    let lookup = c.known_person.then(|| {
                        view! {
                            " " <a class="button secondary" href=format!("/contact/lookup?call={}", urlencode(&c.call_key))>
                                {i18n.t("contact-suggest-lookup")}
                            </a>
                        }
                    });
                    view! {
                        <li>
                            <bdi>{c.caller.clone()}</bdi>" · "<bdi>{c.answered.clone()}</bdi>
                            {lookup}
                            " " <a href=format!("/contact/errands/new?call={}", urlencode(&c.call_key))>{i18n.t("contact-register-errand")}</a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="panel" aria-labelledby="calls-heading">
                    <h2 id="calls-heading">{i18n.t("contact-your-calls")}</h2>
                    <p class="hint">{i18n.t("contact-your-calls-hint")}</p>
                    <ul>{items}</ul>
                </section>
            }
        });
        view! {
            <h1>{i18n.t("contact-board-title")}</h1>
            {contact_nav(i18n, "/contact")}
            {saved_notice(i18n)}
            <section aria-labelledby="board-heading">
                <h2 id="board-heading">{i18n.t("contact-board-now")}</h2>
                <p class="hint">{i18n.ta("contact-board-updated", &[("time", b.updated.clone().into())])}" "<a href="/contact">{i18n.t("contact-board-refresh")}</a></p>
                <dl class="figures">
                    {figure("contact-board-waiting", b.waiting.to_string(), "")}
                    {figure("contact-board-oldest-waiting", b.oldest_waiting.clone().unwrap_or_else(|| "–".into()), "")}
                    {figure("contact-board-callbacks-open", b.callbacks_open.to_string(), "")}
                    {figure("contact-board-due-soon", b.callbacks_due_soon.to_string(), if b.callbacks_due_soon > 0 { "due-soon" } else { "" })}
                    {figure("contact-board-overdue", b.callbacks_overdue.to_string(), if b.callbacks_overdue > 0 { "overdue" } else { "" })}
                    {figure("contact-board-oldest-promise", b.oldest_promise.clone().map(|p| format!("{p} → {}", b.oldest_promise_due.clone().unwrap_or_default())).unwrap_or_else(|| "–".into()), "")}
                    {figure("contact-board-kept-today", b.kept_today.clone(), "")}
                    {figure("contact-board-errands-today", b.errands_today.to_string(), "")}
                    {figure("contact-board-with-units", b.errands_with_units.to_string(), "")}
                </dl>
            </section>
            {calls}
            <section aria-labelledby="next-callbacks-heading">
                <h2 id="next-callbacks-heading">{i18n.t("contact-next-callbacks")}</h2>
                {if b.next_callbacks.is_empty() {
                    view! { <p>{i18n.t("contact-callbacks-empty")}</p> }.into_any()
                } else {
                    view! { {callback_rows(&b.next_callbacks, i18n, true)} <p><a href="/contact/callbacks">{i18n.t("contact-all-callbacks")}</a></p> }.into_any()
                }}
            </section>
            <section aria-labelledby="open-errands-heading">
                <h2 id="open-errands-heading">{i18n.t("contact-open-errands")}</h2>
                {if b.open_errands.is_empty() {
                    view! { <p>{i18n.t("contact-open-errands-empty")}</p> }.into_any()
                } else {
                    errand_rows(&b.open_errands, i18n).into_any()
                }}
            </section>
            <crate::stats::StaffSurvey/>
        }
    })
}

/// A query value, percent-encoded (call keys are `platform:call-id`).
pub(crate) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `/contact/errands/new?call=…&person=…`: register a contact.
#[component]
pub fn NewErrandPage() -> impl IntoView {
    let person = param("person").and_then(|p| p.parse::<UserId>().ok());
    let data = contact_new_errand(param("call"), person, param("concerns"));
    page("contact-new-errand-title", data, |v: NewErrandView, i18n| {
        let ctx = crate::context::current();
        let flash = ctx.flash_for("errand").cloned().unwrap_or_default();
        let who = match &v.person {
            Some((id, name)) => view! {
                <p class="notice">{i18n.ta("contact-errand-person", &[("name", name.clone().into())])}</p>
                <input type="hidden" name="person" value=id.to_string()/>
            }
            .into_any(),
            None => view! { <p class="hint">{i18n.t("contact-errand-anonymous")}</p> }.into_any(),
        };
        let outcomes = stadsporten_domain::contact_centre::ErrandOutcome::ALL
            .iter()
            .map(|o| Choice { value: o.slug().into(), label: i18n.t(&format!("contact-outcome-{}", o.slug())) })
            .collect();
        let send_link = vec![
            Choice { value: "".into(), label: i18n.t("contact-link-none") },
            Choice { value: "sms".into(), label: i18n.t("contact-link-sms") },
            Choice { value: "email".into(), label: i18n.t("contact-link-email") },
        ];
        let kinds = ["complaint", "suggestion", "praise"]
            .into_iter()
            .map(|k| Choice { value: k.into(), label: i18n.t(&format!("contact-feedback-{k}")) })
            .collect();
        let yes_no = vec![
            Choice { value: "yes".into(), label: i18n.t("contact-yes") },
            Choice { value: "no".into(), label: i18n.t("contact-no") },
        ];
        let notes_value = flash.value("notes").map(str::to_owned).unwrap_or_default();
        view! {
            <h1>{i18n.t("contact-new-errand-title")}</h1>
            {contact_nav(i18n, "/contact/errands/new")}
            {error_summary(&flash, i18n)}
            <form method="post" action="/contact/errands" class="errand-form">
                <CsrfField/>
                <input type="hidden" name="idempotency_key" value=flash.value("idempotency_key").map(str::to_owned).unwrap_or(v.idempotency_key.clone())/>
                {v.call_key.clone().map(|c| view! { <input type="hidden" name="call" value=c/> })}
                {who}
                {radios(&flash, "channel", i18n.t("contact-channel"), v.channels.clone(), Some(if v.call_key.is_some() { "phone".into() } else { String::new() }), i18n)}
                {select_field(&flash, "concerns", i18n.t("contact-concerns"),
                    vec![(i18n.t("contact-concerns-categories"), v.categories.clone()), (i18n.t("contact-concerns-services"), v.services.clone())],
                    v.concerns.clone(), Some(i18n.t("contact-choose")), i18n)}
                <fieldset class="field">
                    <legend>{i18n.t("contact-caller")}</legend>
                    <p class="hint">{i18n.t("contact-caller-hint")}</p>
                    {text_field(&flash, "caller_name", i18n.t("contact-caller-name"), None, String::new(), "text", i18n)}
                    {text_field(&flash, "caller_phone", i18n.t("contact-phone"), None, v.caller_phone.clone().unwrap_or_default(), "tel", i18n)}
                    {text_field(&flash, "caller_email", i18n.t("contact-email"), None, String::new(), "email", i18n)}
                </fieldset>
                <div class="field">
                    <label for="notes">{i18n.t("contact-notes")}</label>
                    <p class="hint" id="notes-hint">{i18n.t("contact-notes-hint")}</p>
                    {field_error(&flash, "notes", i18n)}
                    <textarea id="notes" name="notes" rows="5" maxlength="4000" aria-describedby=described(&flash, "notes", true)>{crate::ui::textarea_text(notes_value)}</textarea>
                </div>
                {radios(&flash, "outcome", i18n.t("contact-outcome"), outcomes, None, i18n)}
                <fieldset class="field">
                    <legend>{i18n.t("contact-outcome-answered-details")}</legend>
                    {radios(&flash, "send_link", i18n.t("contact-send-link"), send_link, Some(String::new()), i18n)}
                </fieldset>
                <fieldset class="field">
                    <legend>{i18n.t("contact-outcome-unit-details")}</legend>
                    {select_field(&flash, "unit", i18n.t("contact-unit"), vec![(String::new(), v.units.clone())], None, Some(i18n.t("contact-choose")), i18n)}
                    {text_field(&flash, "subject", i18n.t("contact-subject"), Some(i18n.t("contact-subject-hint")), String::new(), "text", i18n)}
                    {radios(&flash, "answer_by", i18n.t("contact-answer-by"), v.answer_by.clone(), None, i18n)}
                    {radios(&flash, "feedback_kind", i18n.t("contact-feedback-kind"), kinds, None, i18n)}
                    {radios(&flash, "wants_answer", i18n.t("contact-wants-answer"), yes_no, Some("no".into()), i18n)}
                </fieldset>
                <fieldset class="field">
                    <legend>{i18n.t("contact-outcome-callback-details")}</legend>
                    {select_field(&flash, "queue", i18n.t("contact-queue"), vec![(String::new(), v.queues.clone())], Some("general".into()), None, i18n)}
                </fieldset>
                <button type="submit" class="button">{i18n.t("contact-register")}</button>
            </form>
        }
    })
}

/// `/contact/errands/{id}`.
#[component]
pub fn ErrandPage() -> impl IntoView {
    let id: ErrandId = path_id("/contact/errands/").unwrap_or(ErrandId::new(0));
    page("contact-errand-title", contact_errand(id), |e: ErrandView, i18n| {
        let timeline =
            e.timeline.iter().map(|t| view! { <li><bdi>{t.at.clone()}</bdi>" – "{t.text.clone()}</li> }).collect_view();
        let row = |id: &'static str, v: Option<String>| {
            v.map(|v| view! { <div><dt>{i18n.t(id)}</dt><dd><bdi>{v}</bdi></dd></div> })
        };
        let l = e.line.clone();
        view! {
            <h1>{i18n.ta("contact-errand-heading", &[("number", l.number.clone().into())])}</h1>
            {contact_nav(i18n, "")}
            {saved_notice(i18n)}
            <dl class="facts">
                {row("contact-status", Some(l.status.clone()))}
                {row("contact-when", Some(l.created.clone()))}
                {row("contact-channel", Some(l.channel.clone()))}
                {row("contact-concerns", Some(l.concerns.clone()))}
                {row("contact-outcome", Some(l.outcome.clone()))}
                {row("contact-unit", l.unit.clone())}
                {row("contact-case", l.case_number.clone().map(|n| format!("{n} ({})", l.case_status.clone().unwrap_or_default())))}
                {row("contact-answer-by", e.answer_by.clone())}
                {row("contact-person", e.person.clone())}
                {row("contact-caller-name", e.caller_name.clone())}
                {row("contact-phone", e.caller_phone.clone())}
                {row("contact-email", e.caller_email.clone())}
                {row("contact-agent", Some(e.agent.clone()))}
            </dl>
            <h2>{i18n.t("contact-notes")}</h2>
            <p class="pre-wrap">{e.notes.clone()}</p>
            <h2>{i18n.t("contact-timeline")}</h2>
            <ol class="timeline">{timeline}</ol>
        }
    })
}

/// `/contact/lookup?call=…`: look a person up, with a reason.
#[component]
pub fn LookupPage() -> impl IntoView {
    page("contact-lookup-title", contact_lookup_form(param("call")), |v: LookupFormView, i18n| {
        let ctx = crate::context::current();
        let flash = ctx.flash_for("lookup").cloned().unwrap_or_default();
        let by_phone = v.caller.clone().map(|caller| {
            view! {
                <p class="notice">{i18n.ta("contact-lookup-by-call", &[("number", caller.into())])}</p>
                <input type="hidden" name="call" value=v.call_key.clone().unwrap_or_default()/>
                <input type="hidden" name="by" value="phone"/>
            }
        });
        let search_fields = v.caller.is_none().then(|| {
            view! {
                {text_field(&flash, "personnummer", i18n.t("contact-lookup-personnummer"), Some(i18n.t("contact-lookup-personnummer-hint")), String::new(), "text", i18n)}
                <p>{i18n.t("contact-lookup-or")}</p>
                {text_field(&flash, "name", i18n.t("contact-lookup-name"), None, String::new(), "text", i18n)}
                {text_field(&flash, "birth_date", i18n.t("contact-lookup-birth-date"), Some(i18n.t("contact-lookup-birth-date-hint")), String::new(), "text", i18n)}
            }
        });
        let explanation = flash.value("explanation").map(str::to_owned).unwrap_or_default();
        view! {
            <h1>{i18n.t("contact-lookup-title")}</h1>
            {contact_nav(i18n, "/contact/lookup")}
            <p class="lead">{i18n.t("contact-lookup-lead")}</p>
            {error_summary(&flash, i18n)}
            <form method="post" action="/contact/lookup" autocomplete="off">
                <CsrfField/>
                {by_phone}
                {search_fields}
                {select_field(&flash, "reason", i18n.t("contact-lookup-reason"), vec![(String::new(), v.reasons.clone())], None, Some(i18n.t("contact-choose")), i18n)}
                <div class="field">
                    <label for="explanation">{i18n.t("contact-lookup-explanation")}</label>
                    <p class="hint" id="explanation-hint">{i18n.t("contact-lookup-explanation-hint")}</p>
                    {field_error(&flash, "explanation", i18n)}
                    <textarea id="explanation" name="explanation" rows="2" maxlength="500" aria-describedby=described(&flash, "explanation", true)>{crate::ui::textarea_text(explanation)}</textarea>
                </div>
                <button type="submit" class="button">{i18n.t("contact-lookup-submit")}</button>
            </form>
        }
    })
}

/// `/contact/people/{id}`: the person of the agent's look-up: status summaries only.
#[component]
pub fn PersonPage() -> impl IntoView {
    let id: UserId = path_id("/contact/people/").unwrap_or(UserId::new(0));
    page("contact-person-title", contact_person(id), |p: PersonView, i18n| {
        let saved = saved_notice(i18n);
        let table = |caption: String, lines: &[StatusLine]| {
            if lines.is_empty() {
                return view! { <h2>{caption}</h2><p>{i18n.t("contact-person-none")}</p> }.into_any();
            }
            let rows = lines
                .iter()
                .map(|l| view! { <tr><td><bdi>{l.number.clone()}</bdi></td><td>{l.what.clone()}</td><td>{l.status.clone()}</td><td><bdi>{l.since.clone()}</bdi></td></tr> })
                .collect_view();
            view! {
                <table class="queue">
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("contact-number")}</th>
                        <th scope="col">{i18n.t("contact-concerns")}</th>
                        <th scope="col">{i18n.t("contact-status")}</th>
                        <th scope="col">{i18n.t("contact-since")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any()
        };
        let contact = if p.protected {
            view! { <div class="notice warning" role="alert"><p><strong>{i18n.t("contact-protected-heading")}</strong>" "{i18n.t("contact-protected-text")}</p></div> }.into_any()
        } else {
            view! {
                <dl class="facts">
                    <div><dt>{i18n.t("contact-phone")}</dt><dd><bdi>{p.phone.clone().unwrap_or_else(|| "–".into())}</bdi></dd></div>
                    <div><dt>{i18n.t("contact-email")}</dt><dd><bdi>{p.email.clone().unwrap_or_else(|| "–".into())}</bdi></dd></div>
                </dl>
            }
            .into_any()
        };
        view! {
            <h1>{p.name.clone()}</h1>
            {contact_nav(i18n, "")}
            {saved}
            <p class="hint">{i18n.ta("contact-person-reference", &[("reference", p.reference.clone().into())])}</p>
            {contact}
            <p class="hint">{i18n.t("contact-person-summaries-only")}</p>
            {table(i18n.t("contact-person-cases"), &p.cases)}
            {table(i18n.t("contact-person-errands"), &p.errands)}
            {table(i18n.t("contact-person-bundles"), &p.bundles)}
            <p><a class="button" href=format!("/contact/errands/new?person={}", p.id)>{i18n.t("contact-register-errand-for")}</a></p>
            {assist_form(&p, i18n)}
        }
    })
}

/// Assisted digital: start an e-service for the person, with their consent.
fn assist_form(p: &PersonView, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let flash = ctx.flash_for("assist").cloned().unwrap_or_default();
    let modes = vec![
        Choice { value: "resident".into(), label: i18n.t("contact-assist-resident") },
        Choice { value: "agent".into(), label: i18n.t("contact-assist-agent") },
    ];
    let via = ["phone", "visit", "chat"]
        .into_iter()
        .map(|c| Choice { value: c.into(), label: i18n.t(&format!("contact-channel-{c}")) })
        .collect();
    let consent_error = field_error(&flash, "consent", i18n);
    view! {
        <section class="panel" aria-labelledby="assist-heading">
            <h2 id="assist-heading">{i18n.t("contact-assist-heading")}</h2>
            <p class="hint">{i18n.t("contact-assist-hint")}</p>
            {error_summary(&flash, i18n)}
            <form method="post" action=format!("/contact/people/{}/assist", p.id)>
                <CsrfField/>
                {select_field(&flash, "service", i18n.t("contact-assist-service"), vec![(String::new(), p.eservices.clone())], None, Some(i18n.t("contact-choose")), i18n)}
                {radios(&flash, "mode", i18n.t("contact-assist-mode"), modes, Some("resident".into()), i18n)}
                {radios(&flash, "via", i18n.t("contact-assist-via"), via, Some("phone".into()), i18n)}
                <div class="field checkbox">
                    {consent_error}
                    <input type="checkbox" id="consent" name="consent" value="yes" aria-describedby=described(&flash, "consent", false)/>
                    <label for="consent">{i18n.ta("contact-assist-consent", &[("name", p.name.clone().into())])}</label>
                </div>
                <button type="submit" class="button">{i18n.t("contact-assist-submit")}</button>
            </form>
        </section>
    }
}

/// `/contact/callbacks`: the call-back queue, by deadline.
#[component]
pub fn CallbacksPage() -> impl IntoView {
    page("contact-callbacks-title", contact_callbacks(), |lines: Vec<CallbackLine>, i18n| {
        view! {
            <h1>{i18n.t("contact-callbacks-title")}</h1>
            {contact_nav(i18n, "/contact/callbacks")}
            {saved_notice(i18n)}
            <p class="lead">{i18n.t("contact-callbacks-lead")}</p>
            {if lines.is_empty() {
                view! { <p>{i18n.t("contact-callbacks-empty")}</p> }.into_any()
            } else {
                callback_rows(&lines, i18n, true).into_any()
            }}
        }
    })
}

/// `/contact/callbacks/{id}`: one promise, its tries, and the form for the next.
#[component]
pub fn CallbackPage() -> impl IntoView {
    let id: CallbackId = path_id("/contact/callbacks/").unwrap_or(CallbackId::new(0));
    page("contact-callback-title", contact_callback(id), move |c: CallbackView, i18n| {
        let ctx = crate::context::current();
        let flash = ctx.flash_for("attempt").cloned().unwrap_or_default();
        let attempts = c
            .attempts
            .iter()
            .map(|a| view! { <li><bdi>{a.at.clone()}</bdi>" – "{a.outcome.clone()}" ("{a.agent.clone()}")"{a.note.clone().map(|n| view! { ": " {n} })}</li> })
            .collect_view();
        let l = c.line.clone();
        let actions = if !c.open {
            None
        } else if l.claimed_by_me {
            Some(view! {
                <form method="post" action=format!("/contact/callbacks/{}/attempts", l.id)>
                    <CsrfField/>
                    {error_summary(&flash, i18n)}
                    <p><a href=format!("tel:{}", l.phone.replace([' ', '-'], ""))>{i18n.ta("contact-call-now", &[("number", l.phone.clone().into())])}</a></p>
                    {radios(&flash, "outcome", i18n.t("contact-attempt-outcome"), c.outcomes.clone(), None, i18n)}
                    {text_field(&flash, "note", i18n.t("contact-attempt-note"), None, String::new(), "text", i18n)}
                    <p class="hint">{i18n.ta("contact-attempts-before-sms", &[("count", c.attempts_before_sms.into())])}</p>
                    <button type="submit" class="button">{i18n.t("contact-attempt-record")}</button>
                </form>
                <form method="post" action=format!("/contact/callbacks/{}/release", l.id) class="inline">
                    <CsrfField/>
                    <button type="submit" class="link-button">{i18n.t("contact-release")}</button>
                </form>
            }.into_any())
        } else if let Some(other) = l.claimed_by.clone() {
            Some(view! { <p class="notice">{i18n.ta("contact-claimed-by", &[("name", other.into())])}</p> }.into_any())
        } else {
            Some(
                view! {
                    <form method="post" action=format!("/contact/callbacks/{}/claim", l.id)>
                        <CsrfField/>
                        <button type="submit" class="button">{i18n.t("contact-claim")}</button>
                    </form>
                }
                .into_any(),
            )
        };
        view! {
            <h1>{i18n.ta("contact-callback-heading", &[("number", l.phone.clone().into())])}</h1>
            {contact_nav(i18n, "")}
            {saved_notice(i18n)}
            <dl class="facts">
                <div><dt>{i18n.t("contact-status")}</dt><dd>{c.status.clone()}</dd></div>
                <div><dt>{i18n.t("contact-callback-reason")}</dt><dd>{l.reason.clone()}" · "{l.queue.clone()}</dd></div>
                <div><dt>{i18n.t("contact-callback-promised")}</dt><dd><bdi>{l.created.clone()}</bdi></dd></div>
                <div><dt>{i18n.t("contact-callback-due")}</dt><dd><bdi>{l.due.clone()}</bdi>" "<span class=format!("tag sla-{}", l.urgency)>{l.urgency_text.clone()}</span></dd></div>
                {c.kept.map(|k| view! { <div><dt>{i18n.t("contact-callback-kept")}</dt><dd>{i18n.t(if k { "contact-yes" } else { "contact-no" })}</dd></div> })}
                {c.errand.clone().map(|(id, n)| view! { <div><dt>{i18n.t("contact-errand")}</dt><dd><a href=format!("/contact/errands/{id}")><bdi>{n}</bdi></a></dd></div> })}
            </dl>
            {actions}
            <h2>{i18n.t("contact-callback-attempts")}</h2>
            {if c.attempts.is_empty() { view! { <p>{i18n.t("contact-attempts-none")}</p> }.into_any() } else { view! { <ol class="timeline">{attempts}</ol> }.into_any() }}
            {(c.errand.is_none()).then(|| view! { <p><a href=format!("/contact/errands/new?concerns=category%3Ageneral")>{i18n.t("contact-register-errand")}</a></p> })}
        }
    })
}

/// `/contact/directory?q=…&unit=…`: one employee, one number.
#[component]
pub fn DirectoryPage() -> impl IntoView {
    page("contact-directory-title", contact_directory(param("q"), param("unit")), |d: DirectoryView, i18n| {
        let q = d.q.clone();
        let people = d
            .entries
            .iter()
            .map(|e| {
                let set = view! {
                    <details>
                        <summary>{i18n.t("contact-availability-set")}<span class="visually-hidden">" " {e.name.clone()}</span></summary>
                        <form method="post" action=format!("/contact/directory/{}/availability", e.id)>
                            <CsrfField/>
                            <div class="field">
                                <label for=format!("availability-{}", e.id)>{i18n.t("contact-availability")}</label>
                                <select id=format!("availability-{}", e.id) name="availability">
                                    {["available", "busy", "away", "offline"].into_iter().map(|a| view! { <option value=a selected=a == e.availability_slug>{i18n.t(&format!("contact-availability-{a}"))}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for=format!("note-{}", e.id)>{i18n.t("contact-availability-note")}</label>
                                <input type="text" id=format!("note-{}", e.id) name="note" maxlength="100"/>
                            </div>
                            <button type="submit" class="button secondary">{i18n.t("contact-save")}</button>
                        </form>
                    </details>
                };
                let field = format!("note-{}", e.id);
                let transfer_flash = crate::context::current().flash_for("transfer").cloned().unwrap_or_default();
                let typed = transfer_flash.value(&field).map(str::to_owned).unwrap_or_default();
                let transfer = view! {
                    <details open=transfer_flash.error(&field).is_some()>
                        <summary>{i18n.t("contact-transfer")}<span class="visually-hidden">" " {e.name.clone()}</span></summary>
                        <form method="post" action=format!("/contact/directory/{}/transfer", e.id)>
                            <CsrfField/>
                            <input type="hidden" name="q" value=q.clone()/>
                            <div class="field">
                                <label for=format!("transfer-{}", e.id)>{i18n.t("contact-transfer-note")}</label>
                                {transfer_flash.message(&field, i18n.lang).map(|m| view! { <p class="field-error" id=format!("{field}-error")>{m}</p> })}
                                <textarea id=format!("transfer-{}", e.id) name="note" rows="2" maxlength="1000">{crate::ui::textarea_text(typed)}</textarea>
                            </div>
                            <button type="submit" class="button secondary">{i18n.t("contact-transfer-send")}</button>
                        </form>
                    </details>
                };
                view! {
                    <tr>
                        <td>{e.name.clone()}<br/><span class="hint">{e.function.clone()}</span>{transfer}</td>
                        <td>{e.unit.clone()}</td>
                        <td><bdi>{e.direct_number.clone().unwrap_or_default()}</bdi><br/><bdi>{e.email.clone()}</bdi></td>
                        <td>
                            <span class=format!("tag availability-{}", e.availability_slug)>{e.availability.clone()}</span>
                            {e.note.clone().map(|n| view! { " " {n} })}
                            {e.back.clone().map(|b| view! { " " {i18n.ta("contact-availability-back", &[("time", b.into())])} })}
                            {set}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let units = d
            .unit_lines
            .iter()
            .map(|u| {
                view! {
                    <tr>
                        <td>{u.name.clone()}</td>
                        <td><bdi>{u.direct_number.clone().unwrap_or_default()}</bdi><br/><bdi>{u.email.clone()}</bdi></td>
                        <td>{u.services.join(", ")}</td>
                    </tr>
                }
            })
            .collect_view();
        let unit_choices = vec![(String::new(), d.units.clone())];
        let flash = FormFlash::default();
        view! {
            <h1>{i18n.t("contact-directory-title")}</h1>
            {contact_nav(i18n, "/contact/directory")}
            {saved_notice(i18n)}
            <form method="get" action="/contact/directory" role="search" aria-label=i18n.t("contact-directory-search")>
                <div class="field">
                    <label for="q">{i18n.t("contact-directory-q")}</label>
                    <input type="search" id="q" name="q" value=d.q.clone()/>
                </div>
                {select_field(&flash, "unit", i18n.t("contact-unit"), unit_choices, Some(d.unit.clone()), Some(i18n.t("contact-any-unit")), i18n)}
                <button type="submit" class="button">{i18n.t("contact-directory-submit")}</button>
            </form>
            <p class="hint">{i18n.t("contact-directory-staff-only")}</p>
            <table class="queue">
                <caption>{i18n.ta("contact-directory-people", &[("count", d.entries.len().into())])}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("contact-directory-name")}</th>
                    <th scope="col">{i18n.t("contact-unit")}</th>
                    <th scope="col">{i18n.t("contact-directory-reach")}</th>
                    <th scope="col">{i18n.t("contact-availability")}</th>
                </tr></thead>
                <tbody>{people}</tbody>
            </table>
            <table class="queue">
                <caption>{i18n.ta("contact-directory-units", &[("count", d.unit_lines.len().into())])}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("contact-unit")}</th>
                    <th scope="col">{i18n.t("contact-directory-reach")}</th>
                    <th scope="col">{i18n.t("contact-directory-services")}</th>
                </tr></thead>
                <tbody>{units}</tbody>
            </table>
        }
    })
}

/// Mina sidor: the person's errands with the contact centre and who looked them up.
#[component]
pub fn MyContacts() -> impl IntoView {
    use stadsporten_domain::access::{Permission, Target};
    let i18n = use_i18n();
    // Only a person's own Mina sidor (staff have none: no refused call, no audit noise).
    let mine =
        crate::context::current().viewer.is_some_and(|v| v.may(Permission::UseMyPages, &Target::Person(v.user_id)));
    if !mine {
        return ().into_any();
    }
    let data = my_contacts();
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let Ok(v) = data.await else { return ().into_any() };
                let lookups = v
                    .lookups
                    .iter()
                    .map(|l| view! {
                        <tr>
                            <td><bdi>{l.at.clone()}</bdi></td>
                            <td>{l.who.clone()}</td>
                            <td><bdi>{l.reference.clone()}</bdi></td>
                            <td>{l.reason.clone()}<br/><span class="hint">{l.explanation.clone()}</span></td>
                        </tr>
                    })
                    .collect_view();
                view! {
                    <section class="panel" aria-labelledby="my-errands-heading">
                        <h2 id="my-errands-heading">{i18n.t("my-errands-heading")}</h2>
                        {if v.errands.is_empty() {
                            view! { <p>{i18n.t("my-errands-none")}</p> }.into_any()
                        } else {
                            let rows = v.errands.iter().map(|e| view! {
                                <tr>
                                    <td><bdi>{e.number.clone()}</bdi></td>
                                    <td><bdi>{e.created.clone()}</bdi></td>
                                    <td>{e.channel.clone()}</td>
                                    <td>{e.concerns.clone()}</td>
                                    <td>
                                        {e.status.clone()}
                                        {e.case_id.map(|id| view! { " · " <a href=format!("/my/cases/{id}")><bdi>{e.case_number.clone().unwrap_or_default()}</bdi></a> })}
                                    </td>
                                </tr>
                            }).collect_view();
                            view! {
                                <table class="queue">
                                    <thead><tr>
                                        <th scope="col">{i18n.t("contact-errand-number")}</th>
                                        <th scope="col">{i18n.t("contact-when")}</th>
                                        <th scope="col">{i18n.t("contact-channel")}</th>
                                        <th scope="col">{i18n.t("contact-concerns")}</th>
                                        <th scope="col">{i18n.t("contact-status")}</th>
                                    </tr></thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            }.into_any()
                        }}
                    </section>
                    <section class="panel" aria-labelledby="my-lookups-heading">
                        <h2 id="my-lookups-heading">{i18n.t("my-lookups-heading")}</h2>
                        <p class="hint">{i18n.t("my-lookups-hint")}</p>
                        {if v.lookups.is_empty() {
                            view! { <p>{i18n.t("my-lookups-none")}</p> }.into_any()
                        } else {
                            view! {
                                <table class="queue">
                                    <thead><tr>
                                        <th scope="col">{i18n.t("contact-when")}</th>
                                        <th scope="col">{i18n.t("my-lookups-who")}</th>
                                        <th scope="col">{i18n.t("my-lookups-reference")}</th>
                                        <th scope="col">{i18n.t("my-lookups-why")}</th>
                                    </tr></thead>
                                    <tbody>{lookups}</tbody>
                                </table>
                            }.into_any()
                        }}
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
    .into_any()
}

/// `/contact/figures?from=YYYY-MM-DD&to=YYYY-MM-DD`: the contact centre's figures, every chart
/// with its table, and the CSV export.
#[component]
pub fn ContactFiguresPage() -> impl IntoView {
    page("contact-figures-title", contact_figures(param("from"), param("to")), |v: FiguresView, i18n| {
        let key = v
            .key
            .iter()
            .map(|(k, val)| view! { <div class="figure"><dt>{k.clone()}</dt><dd>{val.clone()}</dd></div> })
            .collect_view();
        view! {
            <h1>{i18n.t("contact-figures-title")}</h1>
            {contact_nav(i18n, "/contact/figures")}
            <crate::ui::Notices notices=v.notice.clone().into_iter().collect()/>
            <form method="get" action="/contact/figures" class="filters" aria-label=i18n.t("contact-figures-period")>
                <div class="field inline">
                    <label for="from">{i18n.t("contact-figures-from")}</label>
                    <input type="date" id="from" name="from" value=v.from.clone()/>
                </div>
                <div class="field inline">
                    <label for="to">{i18n.t("contact-figures-to")}</label>
                    <input type="date" id="to" name="to" value=v.to.clone()/>
                </div>
                <button type="submit">{i18n.t("contact-figures-show")}</button>
            </form>
            <dl class="figures">{key}</dl>
            <crate::ui::chart::BarChart chart=v.contacts_chart.clone() show_table=i18n.t("stats-show-table")/>
            <p><a href=format!("/contact/figures.csv?{}", v.query) download="kontaktcenter.csv">{i18n.t("contact-figures-export")}</a></p>
            <crate::ui::chart::DataTable table=v.days.clone()/>
            <crate::ui::chart::DataTable table=v.concerns.clone()/>
            <crate::ui::chart::DataTable table=v.units.clone()/>
        }
    })
}
