//! `/officer`: the queue of the officer's units — filters (a plain GET form), due-soon and overdue
//! marked, bulk assignment and the CSV export.

use super::server::officer_queue;
use super::view::{Choice, QueueView};
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;

fn param(query: &str, key: &str) -> Option<String> {
    stadsporten_domain::catalogue::decode_query_string(query).ok()?.into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

#[component]
pub fn OfficerQueuePage() -> impl IntoView {
    let i18n = use_i18n();
    let q = crate::context::current().query;
    let data = officer_queue(
        param(&q, "service"),
        param(&q, "status"),
        param(&q, "standing"),
        param(&q, "assignee"),
        param(&q, "sort"),
    );
    view! {
        <Title text=format!("{} – {}", i18n.t("officer-queue-title"), i18n.t("site-name"))/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => queue(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
        <crate::stats::StaffSurvey/>
    }
}

fn select(
    name: &'static str,
    label: String,
    any: String,
    choices: &[Choice],
    current: &Option<String>,
) -> impl IntoView {
    let options = choices
        .iter()
        .map(|c| view! { <option value=c.value.clone() selected=current.as_deref() == Some(c.value.as_str())>{c.label.clone()}</option> })
        .collect_view();
    view! {
        <div class="field inline">
            <label for=format!("q-{name}")>{label}</label>
            <select id=format!("q-{name}") name=name>
                <option value="">{any}</option>
                {options}
            </select>
        </div>
    }
}

fn queue(v: QueueView, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let saved = ctx.query.split('&').find_map(|kv| kv.strip_prefix("assigned=")).map(|n| {
        view! { <div class="notice success" role="status"><p>{i18n.ta("officer-assigned", &[("count", n.parse::<i64>().unwrap_or(0).into())])}</p></div> }
    });
    let assignees = vec![
        Choice { value: "me".into(), label: i18n.t("officer-assignee-me") },
        Choice { value: "nobody".into(), label: i18n.t("officer-assignee-nobody") },
    ];
    let sorts = vec![
        Choice { value: "newest".into(), label: i18n.t("officer-sort-newest") },
        Choice { value: "oldest".into(), label: i18n.t("officer-sort-oldest") },
        Choice { value: "number".into(), label: i18n.t("officer-sort-number") },
    ];
    let rows = v
        .lines
        .iter()
        .map(|c| {
            let cb = format!("case-{}", c.id);
            view! {
                <tr class=format!("standing-{}", c.standing)>
                    {v.may_handle.then(|| view! {
                        <td>
                            <input type="checkbox" id=cb.clone() name="case" value=c.id.to_string() form="bulk"/>
                            <label for=cb class="visually-hidden">{i18n.ta("officer-select-case", &[("number", c.case_number.clone().into())])}</label>
                        </td>
                    })}
                    <td><a href=format!("/officer/cases/{}", c.id)><bdi>{c.case_number.clone()}</bdi></a></td>
                    <td>{c.service.clone()}</td>
                    <td>
                        {c.applicant.clone()}
                        {c.protected.then(|| view! { " " <span class="tag protected">{i18n.t("protected-tag")}</span> })}
                        {c.sensitive.then(|| view! { " " <span class="tag warning">{i18n.t("classification-sensitive")}</span> })}
                    </td>
                    <td>
                        <span class=format!("status status-{}", c.status_slug)>{c.status.clone()}</span>
                        {c.offer.clone().map(|o| view! { " "<span class="tag tag-offer">{o}</span> })}
                    </td>
                    <td><bdi>{c.submitted.clone()}</bdi></td>
                    <td>
                        <bdi>{c.due.clone()}</bdi>
                        {(!c.standing.is_empty()).then(|| view! { " "<span class=format!("tag sla-{}", c.standing)>{c.standing_text.clone()}</span> })}
                    </td>
                    <td>{c.assignee.clone().unwrap_or_else(|| i18n.t("officer-unassigned"))}</td>
                    <td>{(c.unread > 0).then(|| view! { <span class="badge">{i18n.ta("my-cases-unread", &[("count", c.unread.into())])}</span> })}</td>
                </tr>
            }
        })
        .collect_view();
    let export = v.may_export.then(|| {
        // Confidentiality-3 cases in the list: the export asks why (kept in the audit trail).
        let sensitive = v.lines.iter().any(|c| c.sensitive);
        let refused = crate::context::current().query.contains("export=reason-needed");
        let hidden = [
            ("service", &v.filters.service),
            ("status", &v.filters.status),
            ("standing", &v.filters.standing),
            ("assignee", &v.filters.assignee),
            ("sort", &v.filters.sort),
        ]
        .into_iter()
        .filter_map(|(k, val)| val.clone().map(|val| view! { <input type="hidden" name=k value=val/> }))
        .collect_view();
        view! {
            <form method="get" action="/officer/export.csv" id="export" class="export">
                {hidden}
                {(sensitive || refused).then(|| view! {
                    <div class="field">
                        <label for="export-reason">{i18n.t("officer-export-reason")}</label>
                        <p class="hint" id="export-reason-hint">{i18n.t("officer-export-reason-hint")}</p>
                        {refused.then(|| view! { <p class="field-error" id="export-reason-error">{i18n.t("officer-export-reason-needed")}</p> })}
                        <input type="text" id="export-reason" name="reason"
                            aria-describedby=if refused { "export-reason-hint export-reason-error" } else { "export-reason-hint" }
                            aria-invalid=refused.then_some("true")/>
                    </div>
                })}
                <button type="submit" class="button secondary">{i18n.t("officer-export")}</button>
            </form>
        }
    });
    view! {
        <h1>{i18n.t("officer-queue-title")}</h1>
        <p class="lead">{i18n.ta("officer-units", &[("units", v.units.join(", ").into())])}</p>
        {saved}
        <form method="get" action="/officer" class="filters" role="search" aria-label=i18n.t("officer-filters")>
            {select("service", i18n.t("officer-filter-service"), i18n.t("officer-any"), &v.services, &v.filters.service)}
            {select("status", i18n.t("case-status"), i18n.t("officer-open-cases"), &v.statuses, &v.filters.status)}
            {select("standing", i18n.t("officer-filter-deadline"), i18n.t("officer-any"), &v.standings, &v.filters.standing)}
            {select("assignee", i18n.t("officer-filter-assignee"), i18n.t("officer-any"), &assignees, &v.filters.assignee)}
            {select("sort", i18n.t("officer-sort"), i18n.t("officer-sort-due"), &sorts, &v.filters.sort)}
            <button type="submit">{i18n.t("officer-filter-apply")}</button>
        </form>
        {export}
        {if v.lines.is_empty() {
            view! { <p>{i18n.t("officer-queue-empty")}</p> }.into_any()
        } else {
            view! {
                <table class="queue">
                    <caption>{i18n.ta("officer-queue-count", &[("count", v.lines.len().into())])}</caption>
                    <thead><tr>
                        {v.may_handle.then(|| view! { <th scope="col"><span class="visually-hidden">{i18n.t("officer-select")}</span></th> })}
                        <th scope="col">{i18n.t("case-number")}</th>
                        <th scope="col">{i18n.t("officer-filter-service")}</th>
                        <th scope="col">{i18n.t("officer-applicant")}</th>
                        <th scope="col">{i18n.t("case-status")}</th>
                        <th scope="col">{i18n.t("receipt-submitted")}</th>
                        <th scope="col">{i18n.t("case-due")}</th>
                        <th scope="col">{i18n.t("officer-filter-assignee")}</th>
                        <th scope="col">{i18n.t("case-messages")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }.into_any()
        }}
        {v.may_handle.then(|| view! {
            <form method="post" action="/officer/assign" id="bulk" class="bulk">
                <CsrfField/>
                <input type="hidden" name="back" value=v.query.clone()/>
                <fieldset>
                    <legend>{i18n.t("officer-bulk")}</legend>
                    <div class="field inline">
                        <label for="bulk-to">{i18n.t("officer-bulk-to")}</label>
                        <select id="bulk-to" name="to">
                            <option value="me">{i18n.t("officer-bulk-me")}</option>
                            <option value="nobody">{i18n.t("officer-bulk-nobody")}</option>
                            {v.officers.iter().map(|o| view! { <option value=o.value.clone()>{o.label.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit">{i18n.t("officer-bulk-submit")}</button>
                </fieldset>
            </form>
        })}
    }
}
