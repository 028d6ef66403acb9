//! The security pages: `/admin/classification` (the information owners' levels and what they
//! turn on), the incident register (`/incidents`, `/incidents/new`, `/incidents/{id}`) and the
//! grants to see protected persons' details (`/admin/protected`). Plain HTML forms; every post is
//! a plain route (`routes.rs`) answering 303.

use super::server::*;
use super::view::*;
use crate::flash::FormFlash;
use crate::i18n::I18n;
use crate::ui::CsrfField;
use leptos::prelude::*;

fn param(key: &str) -> Option<String> {
    let q = crate::context::current().query;
    stadsporten_domain::catalogue::decode_query_string(&q).ok()?.into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn path_id(prefix: &str) -> Option<i64> {
    crate::context::current().path.strip_prefix(prefix)?.split('/').next()?.parse().ok()
}

use crate::ui::data_page as page;

fn saved_notice(i18n: I18n) -> Option<impl IntoView> {
    let saved = param("saved")?;
    let (id, class) = match saved.as_str() {
        "classification" => ("classification-saved", "notice success"),
        "reported" => ("incident-saved-reported", "notice success"),
        "triage" | "notes" | "audit-links" | "decision" | "close" => ("incident-saved", "notice success"),
        "granted" => ("protected-saved-granted", "notice success"),
        "revoked" => ("protected-saved-revoked", "notice success"),
        "not-possible" => ("security-not-possible", "notice warning"),
        _ => return None,
    };
    Some(view! { <div class=class role="status"><p>{i18n.t(id)}</p></div> })
}

fn flash_of(form: &str) -> FormFlash {
    crate::context::current().flash_for(form).cloned().unwrap_or_default()
}

fn error_summary(flash: &FormFlash, prefix: &str, i18n: I18n) -> Option<impl IntoView> {
    let prefix = prefix.to_owned();
    (!flash.errors.is_empty()).then(|| {
        let lang = i18n.lang;
        let items = flash
            .errors
            .iter()
            .map(|(field, _)| view! { <li><a href=format!("#{prefix}{field}")>{flash.message(field, lang)}</a></li> })
            .collect_view();
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-heading" tabindex="-1" id="error-summary">
                <h2 id="error-summary-heading">{i18n.t("form-error-summary")}</h2>
                <ul>{items}</ul>
            </div>
        }
    })
}

fn field_error(flash: &FormFlash, field: &str, id: &str, i18n: I18n) -> Option<impl IntoView> {
    flash.message(field, i18n.lang).map(|m| view! { <p class="field-error" id=format!("{id}-error")>{m}</p> })
}

fn invalid(flash: &FormFlash, field: &str) -> Option<&'static str> {
    flash.error(field).map(|_| "true")
}

fn textarea(
    flash: &FormFlash,
    prefix: &str,
    name: &'static str,
    label: String,
    hint: Option<String>,
    i18n: I18n,
) -> impl IntoView {
    let id = format!("{prefix}{name}");
    let value = flash.value(name).map(str::to_owned).unwrap_or_default();
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(format!("{id}-hint"));
    }
    if flash.error(name).is_some() {
        described.push(format!("{id}-error"));
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            {field_error(flash, name, &id, i18n)}
            <textarea id=id.clone() name=name rows="4" aria-describedby=described aria-invalid=invalid(flash, name)>
                {crate::ui::textarea_text(value)}
            </textarea>
        </div>
    }
}

fn select(
    flash: &FormFlash,
    prefix: &str,
    name: &'static str,
    label: String,
    choices: &[Choice],
    current: &str,
    i18n: I18n,
) -> impl IntoView {
    let id = format!("{prefix}{name}");
    let current = flash.value(name).map(str::to_owned).unwrap_or_else(|| current.to_owned());
    let options = choices
        .iter()
        .map(|c| view! { <option value=c.value.clone() selected=c.value == current>{c.label.clone()}</option> })
        .collect_view();
    let described = flash.error(name).map(|_| format!("{id}-error"));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {field_error(flash, name, &id, i18n)}
            <select id=id.clone() name=name aria-describedby=described aria-invalid=invalid(flash, name)>
                <option value="">{i18n.t("security-choose")}</option>
                {options}
            </select>
        </div>
    }
}

fn levels(i18n: I18n) -> Vec<Choice> {
    (1..=4).map(|l| Choice { value: l.to_string(), label: i18n.t(&format!("classification-level-{l}")) }).collect()
}

/// `/admin/classification`.
#[component]
pub fn ClassificationPage() -> impl IntoView {
    page("classification-title", classification_overview(), |v: ClassificationView, i18n| {
        let rows = v
            .rows
            .iter()
            .map(|r| {
                let anchor = format!("c-{}", r.subject.replace(':', "-"));
                let form_name = format!("classify-{}", r.subject);
                let flash = flash_of(&form_name);
                let edit = r.may_edit.then(|| {
                    let prefix = anchor.clone();
                    let lvl = levels(i18n);
                    view! {
                        <details open=!flash.errors.is_empty()>
                            <summary>{i18n.t("classification-change")}<span class="visually-hidden">" " {r.name.clone()}</span></summary>
                            {error_summary(&flash, &format!("{prefix}-"), i18n)}
                            <form method="post" action="/admin/classification">
                                <CsrfField/>
                                <input type="hidden" name="subject" value=r.subject.clone()/>
                                {select(&flash, &format!("{prefix}-"), "confidentiality", i18n.t("classification-confidentiality"), &lvl, &r.c.to_string(), i18n)}
                                {select(&flash, &format!("{prefix}-"), "integrity", i18n.t("classification-integrity"), &lvl, &r.i.to_string(), i18n)}
                                {select(&flash, &format!("{prefix}-"), "availability", i18n.t("classification-availability"), &lvl, &r.a.to_string(), i18n)}
                                {textarea(&flash, &format!("{prefix}-"), "reason", i18n.t("classification-reason"), Some(i18n.t("classification-reason-hint")), i18n)}
                                <button type="submit" class="button">{i18n.t("classification-save")}</button>
                            </form>
                        </details>
                    }
                });
                let levels_text = i18n.ta(
                    "classification-levels",
                    &[("c", r.c.to_string().into()), ("i", r.i.to_string().into()), ("a", r.a.to_string().into())],
                );
                let sensitive = (r.c >= 3).then(|| view! { " " <span class="tag warning">{i18n.t("classification-sensitive")}</span> });
                view! {
                    <tr id=anchor>
                        <th scope="row">{r.name.clone()}{r.unit.clone().map(|u| view! { <br/><span class="hint">{u}</span> })}</th>
                        <td>{levels_text}{sensitive}{(!r.classified).then(|| view! { <br/><span class="hint">{i18n.t("classification-unclassified")}</span> })}</td>
                        <td>
                            {(!r.controls.is_empty()).then(|| view! { <ul>{r.controls.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul> })}
                        </td>
                        <td>
                            {r.reason.clone()}
                            {r.set_by.clone().map(|b| view! { <br/><span class="hint">{i18n.ta("classification-set-by", &[("name", b.into()), ("date", r.set_at.clone().unwrap_or_default().into())])}</span> })}
                            {edit}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let table = v
            .table
            .iter()
            .map(
                |l| view! { <tr><th scope="row">{l.aspect.clone()}" "{l.level}</th><td>{l.controls.clone()}</td></tr> },
            )
            .collect_view();
        let b = v.backup.clone();
        view! {
            <h1>{i18n.t("classification-title")}</h1>
            <p class="lead">{i18n.t("classification-lead")}</p>
            {saved_notice(i18n)}
            <table class="data-table">
                <caption>{i18n.t("classification-subjects")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("classification-subject")}</th>
                    <th scope="col">{i18n.t("classification-levels-heading")}</th>
                    <th scope="col">{i18n.t("classification-controls")}</th>
                    <th scope="col">{i18n.t("classification-reason")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <h2 id="operations">{i18n.t("classification-operations")}</h2>
            <p>{i18n.ta("classification-backup", &[
                ("hours", b.every_hours.to_string().into()),
                ("days", b.keep_days.to_string().into()),
                ("restore", b.restore_within_hours.to_string().into()),
            ])}{b.verify_each.then(|| view! { " " {i18n.t("classification-backup-verified")} })}</p>
            <table class="data-table">
                <caption>{i18n.t("classification-table")}</caption>
                <thead><tr><th scope="col">{i18n.t("classification-level")}</th><th scope="col">{i18n.t("classification-controls")}</th></tr></thead>
                <tbody>{table}</tbody>
            </table>
        }
    })
}

fn clock(c: &ClockView, i18n: I18n) -> impl IntoView {
    let class = format!("tag clock-{}", c.state);
    view! {
        <span class=class>{c.text.clone()}</span>
        " " <span class="hint">{i18n.ta("incident-clock-deadline", &[("time", c.deadline.clone().into())])}</span>
    }
}

fn incident_nav(i18n: I18n, here: &'static str) -> impl IntoView {
    let links = [("/incidents", "incident-nav-register"), ("/incidents/new", "incident-nav-report")]
        .into_iter()
        .map(
            |(href, id)| view! { <li><a href=href aria-current=(href == here).then_some("page")>{i18n.t(id)}</a></li> },
        )
        .collect_view();
    view! { <nav class="subnav" aria-label=i18n.t("incident-nav-label")><ul>{links}</ul></nav> }
}

/// `/incidents`.
#[component]
pub fn IncidentsPage() -> impl IntoView {
    page("incident-register-title", incident_register(), |v: IncidentsView, i18n| {
        let lines = v
            .lines
            .iter()
            .map(|l| {
                view! {
                    <tr>
                        <th scope="row"><a href=format!("/incidents/{}", l.id)>{l.number.clone()}</a></th>
                        <td>{l.reported_at.clone()}<br/><span class="hint">{l.reporter.clone()}</span></td>
                        <td>{l.what.clone()}</td>
                        <td>{l.status.clone()}{l.severity.clone().map(|s| view! { <br/>{s} })}</td>
                        <td>{l.clock.as_ref().map(|c| clock(c, i18n))}</td>
                    </tr>
                }
            })
            .collect_view();
        let empty = v.lines.is_empty().then(|| view! { <p>{i18n.t("incident-none")}</p> });
        let export_refused = (param("export").as_deref() == Some("reason-needed")).then(
            || view! { <p class="field-error" id="export-reason-error">{i18n.t("incident-export-reason-needed")}</p> },
        );
        let export = v.handles.then(|| {
            view! {
                <h2 id="export">{i18n.t("incident-export")}</h2>
                <form method="get" action="/incidents/export.csv">
                    <div class="field">
                        <label for="export-reason">{i18n.t("incident-export-reason")}</label>
                        <p class="hint" id="export-reason-hint">{i18n.t("incident-export-reason-hint")}</p>
                        {export_refused}
                        <input type="text" id="export-reason" name="reason" aria-describedby="export-reason-hint"/>
                    </div>
                    <button type="submit" class="button secondary">{i18n.t("incident-export-button")}</button>
                </form>
            }
        });
        view! {
            <h1>{i18n.t("incident-register-title")}</h1>
            {incident_nav(i18n, "/incidents")}
            <p class="lead">{i18n.t(if v.handles { "incident-register-lead-all" } else { "incident-register-lead-own" })}</p>
            {empty}
            {(!v.lines.is_empty()).then(|| view! {
                <table class="data-table">
                    <caption>{i18n.t("incident-register-caption")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("incident-number")}</th>
                        <th scope="col">{i18n.t("incident-reported")}</th>
                        <th scope="col">{i18n.t("incident-what")}</th>
                        <th scope="col">{i18n.t("incident-status")}</th>
                        <th scope="col">{i18n.t("incident-clock")}</th>
                    </tr></thead>
                    <tbody>{lines}</tbody>
                </table>
            })}
            {export}
        }
    })
}

/// `/incidents/new`.
#[component]
pub fn NewIncidentPage() -> impl IntoView {
    page("incident-new-title", incident_form(), |key: String, i18n| {
        let flash = flash_of("incident");
        let key = flash.value("idempotency_key").map(str::to_owned).unwrap_or(key);
        let occurred = flash.value("occurred").map(str::to_owned).unwrap_or_default();
        let personal = flash.value("personal_data").map(str::to_owned).unwrap_or_default();
        let radios = ["yes", "no", "unknown"]
            .into_iter()
            .map(|v| {
                let id = format!("personal_data-{v}");
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name="personal_data" value=v checked=personal == v/>
                        <label for=id>{i18n.t(&format!("incident-personal-data-{v}"))}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <h1>{i18n.t("incident-new-title")}</h1>
            {incident_nav(i18n, "/incidents/new")}
            <p class="lead">{i18n.t("incident-new-lead")}</p>
            {error_summary(&flash, "", i18n)}
            <form method="post" action="/incidents" novalidate>
                <CsrfField/>
                <input type="hidden" name="idempotency_key" value=key/>
                {textarea(&flash, "", "what", i18n.t("incident-field-what"), Some(i18n.t("incident-field-what-hint")), i18n)}
                <div class="field">
                    <label for="occurred">{i18n.t("incident-field-occurred")}</label>
                    <p class="hint" id="occurred-hint">{i18n.t("incident-field-occurred-hint")}</p>
                    {field_error(&flash, "occurred", "occurred", i18n)}
                    <input type="datetime-local" id="occurred" name="occurred" value=occurred aria-describedby="occurred-hint" aria-invalid=invalid(&flash, "occurred")/>
                </div>
                {textarea(&flash, "", "systems", i18n.t("incident-field-systems"), None, i18n)}
                {textarea(&flash, "", "information", i18n.t("incident-field-information"), None, i18n)}
                <fieldset class="field" id="personal_data" aria-describedby=flash.error("personal_data").map(|_| "personal_data-error")>
                    <legend>{i18n.t("incident-field-personal-data")}</legend>
                    {field_error(&flash, "personal_data", "personal_data", i18n)}
                    {radios}
                </fieldset>
                <button type="submit" class="button">{i18n.t("incident-report")}</button>
            </form>
        }
    })
}

/// `/incidents/{id}`.
#[component]
pub fn IncidentPage() -> impl IntoView {
    let id = path_id("/incidents/").unwrap_or(0);
    page("incident-title", load_incident(id), |d: IncidentDetail, i18n| {
        let facts = [
            ("incident-reported", format!("{} ({})", d.reported_at, d.reporter)),
            ("incident-field-occurred", d.occurred.clone().unwrap_or_else(|| i18n.t("incident-unknown"))),
            ("incident-field-systems", d.systems.clone()),
            ("incident-field-information", d.information.clone()),
            ("incident-field-personal-data", d.personal_data.clone()),
            ("incident-status", d.status.clone()),
            ("incident-category", d.category.clone().unwrap_or_default()),
            ("incident-severity", d.severity.clone().unwrap_or_default()),
            ("incident-owner", d.owner.clone().unwrap_or_default()),
        ]
        .into_iter()
        .map(|(k, v)| view! { <dt>{i18n.t(k)}</dt><dd>{v}</dd> })
        .collect_view();
        let events = d
            .events
            .iter()
            .map(|e| view! { <li><strong>{e.what.clone()}</strong>" " <span class="hint">{e.at.clone()}" · "{e.actor.clone()}</span>{(!e.note.is_empty()).then(|| view! { <br/>{e.note.clone()} })}</li> })
            .collect_view();
        let links = d
            .links
            .iter()
            .map(|l| view! { <tr><td>{l.seq}</td><td>{l.at.clone()}</td><td>{l.action.clone()}</td><td>{l.object.clone()}</td><td>{l.outcome.clone()}</td></tr> })
            .collect_view();
        let breach = d.breach.then(|| view! {
            <div class="notice warning" role="note">
                <h2>{i18n.t("incident-breach-heading")}</h2>
                <p>{i18n.t("incident-breach-body")}</p>
                {d.clock.as_ref().map(|c| view! { <p>{clock(c, i18n)}</p> })}
                {d.decision.clone().map(|x| view! { <p>{x}{d.decision_text.clone().map(|t| view! { ": " {t} })}</p> })}
            </div>
        });
        let forms = (d.handles && !d.closed).then(|| {
            let t = flash_of("triage");
            let yes_no = vec![
                Choice { value: "yes".into(), label: i18n.t("incident-breach-yes") },
                Choice { value: "no".into(), label: i18n.t("incident-breach-no") },
            ];
            let breach_now = if d.triaged { if d.breach { "yes" } else { "no" } } else { "" };
            let owner_now = d.owner_id.map(|o| o.to_string()).unwrap_or_default();
            let n = flash_of("note");
            let l = flash_of("link");
            let dec = flash_of("decision");
            let c = flash_of("close");
            let decisions = vec![
                Choice { value: "notified".into(), label: i18n.t("incident-decision-notified") },
                Choice { value: "not-notified".into(), label: i18n.t("incident-decision-not-notified") },
            ];
            let id = d.id;
            view! {
                <section aria-labelledby="triage-heading" id="triage">
                    <h2 id="triage-heading">{i18n.t("incident-triage")}</h2>
                    {error_summary(&t, "triage-", i18n)}
                    <form method="post" action=format!("/incidents/{id}/triage") novalidate>
                        <CsrfField/>
                        {select(&t, "triage-", "category", i18n.t("incident-category"), &d.categories, &d.category_slug, i18n)}
                        {select(&t, "triage-", "severity", i18n.t("incident-severity"), &d.severities, &d.severity_slug, i18n)}
                        {select(&t, "triage-", "owner", i18n.t("incident-owner"), &d.owners, &owner_now, i18n)}
                        {select(&t, "triage-", "breach", i18n.t("incident-breach-question"), &yes_no, breach_now, i18n)}
                        {textarea(&t, "triage-", "note", i18n.t("incident-note"), None, i18n)}
                        <button type="submit" class="button">{i18n.t("incident-triage-save")}</button>
                    </form>
                </section>
                {(d.breach && d.decision.is_none()).then(|| view! {
                    <section aria-labelledby="decision-heading" id="decision">
                        <h2 id="decision-heading">{i18n.t("incident-decision")}</h2>
                        {error_summary(&dec, "decision-", i18n)}
                        <form method="post" action=format!("/incidents/{id}/decision") novalidate>
                            <CsrfField/>
                            {select(&dec, "decision-", "decision", i18n.t("incident-decision"), &decisions, "", i18n)}
                            {textarea(&dec, "decision-", "text", i18n.t("incident-decision-text"), Some(i18n.t("incident-decision-text-hint")), i18n)}
                            <button type="submit" class="button">{i18n.t("incident-decision-save")}</button>
                        </form>
                    </section>
                })}
                <section aria-labelledby="note-heading" id="note">
                    <h2 id="note-heading">{i18n.t("incident-note")}</h2>
                    {error_summary(&n, "note-", i18n)}
                    <form method="post" action=format!("/incidents/{id}/notes") novalidate>
                        <CsrfField/>
                        {textarea(&n, "note-", "note", i18n.t("incident-note"), None, i18n)}
                        <button type="submit" class="button secondary">{i18n.t("incident-note-save")}</button>
                    </form>
                </section>
                <section aria-labelledby="link-heading" id="link">
                    <h2 id="link-heading">{i18n.t("incident-link")}</h2>
                    {error_summary(&l, "", i18n)}
                    <form method="post" action=format!("/incidents/{id}/audit-links") novalidate>
                        <CsrfField/>
                        <div class="field">
                            <label for="seq">{i18n.t("incident-link-seq")}</label>
                            <p class="hint" id="seq-hint">{i18n.t("incident-link-hint")}</p>
                            {field_error(&l, "seq", "seq", i18n)}
                            <input type="text" inputmode="numeric" id="seq" name="seq" value=l.value("seq").map(str::to_owned).unwrap_or_default() aria-describedby="seq-hint" aria-invalid=invalid(&l, "seq")/>
                        </div>
                        <button type="submit" class="button secondary">{i18n.t("incident-link-save")}</button>
                    </form>
                </section>
                <section aria-labelledby="close-heading" id="close">
                    <h2 id="close-heading">{i18n.t("incident-close")}</h2>
                    {error_summary(&c, "close-", i18n)}
                    <form method="post" action=format!("/incidents/{id}/close") novalidate>
                        <CsrfField/>
                        {textarea(&c, "close-", "lessons", i18n.t("incident-lessons"), Some(i18n.t("incident-lessons-hint")), i18n)}
                        <button type="submit" class="button secondary">{i18n.t("incident-close-save")}</button>
                    </form>
                </section>
            }
        });
        view! {
            <h1>{i18n.ta("incident-heading", &[("number", d.number.clone().into())])}</h1>
            {incident_nav(i18n, "")}
            {saved_notice(i18n)}
            {breach}
            <h2>{i18n.t("incident-what")}</h2>
            <p class="prewrap">{d.what.clone()}</p>
            <dl class="facts">{facts}</dl>
            {d.lessons.clone().map(|x| view! { <h2>{i18n.t("incident-lessons")}</h2><p class="prewrap">{x}</p> })}
            <h2>{i18n.t("incident-timeline")}</h2>
            <ol class="timeline">{events}</ol>
            {(!d.links.is_empty()).then(|| view! {
                <table class="data-table">
                    <caption>{i18n.t("incident-links")}</caption>
                    <thead><tr><th scope="col">"#"</th><th scope="col">{i18n.t("incident-link-at")}</th><th scope="col">{i18n.t("incident-link-action")}</th><th scope="col">{i18n.t("incident-link-object")}</th><th scope="col">{i18n.t("incident-link-outcome")}</th></tr></thead>
                    <tbody>{links}</tbody>
                </table>
            })}
            {forms}
        }
    })
}

/// `/admin/protected`.
#[component]
pub fn ProtectedGrantsPage() -> impl IntoView {
    page("protected-title", protected_overview(), |v: ProtectedView, i18n| {
        let flash = flash_of("grant");
        let days: Vec<Choice> = [1, 7, 14, 30]
            .into_iter()
            .map(|d| Choice {
                value: d.to_string(),
                label: i18n.ta("protected-days-n", &[("days", d.to_string().into())]),
            })
            .collect();
        let grants = v
            .grants
            .iter()
            .map(|g| {
                let revoke = (g.state == i18n.t("protected-state-active")).then(|| view! {
                    <form method="post" action=format!("/admin/protected/{}/revoke", g.id)>
                        <CsrfField/>
                        <button type="submit" class="button secondary">{i18n.t("protected-revoke")}<span class="visually-hidden">" " {g.staff.clone()}" – "{g.person.clone()}</span></button>
                    </form>
                });
                view! {
                    <tr>
                        <td>{g.staff.clone()}</td>
                        <td>{g.person.clone()}</td>
                        <td>{g.reason.clone()}<br/><span class="hint">{i18n.ta("protected-granted-by", &[("name", g.granted_by.clone().into()), ("time", g.granted_at.clone().into())])}</span></td>
                        <td>{g.expires_at.clone()}</td>
                        <td>{g.state.clone()}{revoke}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h1>{i18n.t("protected-title")}</h1>
            <p class="lead">{i18n.t("protected-lead")}</p>
            {saved_notice(i18n)}
            {error_summary(&flash, "", i18n)}
            <section aria-labelledby="grant-heading">
                <h2 id="grant-heading">{i18n.t("protected-grant")}</h2>
                <form method="post" action="/admin/protected" novalidate>
                    <CsrfField/>
                    {select(&flash, "", "staff", i18n.t("protected-staff"), &v.staff, "", i18n)}
                    {select(&flash, "", "person", i18n.t("protected-person"), &v.people, "", i18n)}
                    {select(&flash, "", "days", i18n.t("protected-days"), &days, "7", i18n)}
                    {textarea(&flash, "", "reason", i18n.t("protected-reason"), Some(i18n.t("protected-reason-hint")), i18n)}
                    <button type="submit" class="button">{i18n.t("protected-grant-save")}</button>
                </form>
            </section>
            {(!v.grants.is_empty()).then(|| view! {
                <table class="data-table">
                    <caption>{i18n.t("protected-grants")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("protected-staff")}</th>
                        <th scope="col">{i18n.t("protected-person")}</th>
                        <th scope="col">{i18n.t("protected-reason")}</th>
                        <th scope="col">{i18n.t("protected-expires")}</th>
                        <th scope="col">{i18n.t("protected-state")}</th>
                    </tr></thead>
                    <tbody>{grants}</tbody>
                </table>
            })}
        }
    })
}
