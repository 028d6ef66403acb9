//! `/admin/audit`: the auditor searches the audit trail by person, actor, object, action and time,
//! and exports what they found as CSV (the export is itself recorded).

use super::server::{audit_search, AuditView};
use crate::context::RequestContext;
use crate::i18n::{use_i18n, I18n};
use crate::ui::format::stockholm_time;
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_context::<RequestContext>().unwrap_or_default().query;
    // One future, awaited by one Suspend made once (not in a closure, which Suspense may
    // call more than once): the loader runs exactly once per page view.
    let data = audit_search(query.clone());
    view! {
        <Title text=format!("{} – {}", i18n.t("audit-title"), i18n.t("site-name"))/>
        <h1>{i18n.t("audit-title")}</h1>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                    match data.await {
                        Ok(v) => trail(v, &query, i18n).into_any(),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })}
        </Suspense>
    }
}

fn param(query: &str, key: &str) -> String {
    stadsporten_domain::catalogue::decode_query_string(query)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == key).map(|(_, v)| v))
        .unwrap_or_default()
}

fn without_page(query: &str) -> String {
    query.split('&').filter(|kv| !kv.starts_with("page=") && !kv.is_empty()).collect::<Vec<_>>().join("&")
}

fn trail(v: AuditView, query: &str, i18n: I18n) -> impl IntoView {
    let text = |name: &'static str, label: &'static str, kind: &'static str| {
        let value = param(query, name);
        view! {
            <div class="field">
                <label for=format!("audit-{name}")>{i18n.t(label)}</label>
                <input id=format!("audit-{name}") name=name type=kind value=value/>
            </div>
        }
    };
    let chosen = param(query, "action");
    let actions = std::iter::once(view! { <option value="">{i18n.t("audit-any-action")}</option> }.into_any())
        .chain(
            v.actions
                .iter()
                .map(|a| view! { <option value=a.clone() selected=chosen == *a>{a.clone()}</option> }.into_any()),
        )
        .collect_view();
    let rows = v
        .entries
        .iter()
        .map(|e| {
            view! {
                <tr>
                    <td><bdi>{e.seq}</bdi></td>
                    <td><bdi>{stockholm_time(e.at)}</bdi></td>
                    <td>{e.actor.clone().unwrap_or_default()}{e.actor_id.map(|id| format!(" (#{id})"))}</td>
                    <td>{e.role.clone().unwrap_or_default()}{e.acting_for.clone().map(|o| format!(" / {o}"))}</td>
                    <td>{e.action.clone()}</td>
                    <td>{e.object.clone()}</td>
                    <td>{e.outcome.clone()}</td>
                    <td>{e.reason.clone().unwrap_or_default()}</td>
                    <td><bdi>{e.client_addr.clone().unwrap_or_default()}</bdi></td>
                </tr>
            }
        })
        .collect_view();
    let base = without_page(query);
    let sep = if base.is_empty() { "" } else { "&" };
    let prev = (v.page > 1).then(|| format!("/admin/audit?{base}{sep}page={}", v.page - 1));
    let next = v.more.then(|| format!("/admin/audit?{base}{sep}page={}", v.page + 1));
    let export = format!("/admin/audit/export.csv?{base}");
    view! {
        <form method="get" action="/admin/audit" class="filters">
            <div class="filter-row">
                {text("person", "audit-person", "number")}
                {text("actor", "audit-actor", "number")}
                {text("object_type", "audit-object-type", "text")}
                {text("object_id", "audit-object-id", "text")}
                <div class="field">
                    <label for="audit-action">{i18n.t("audit-action")}</label>
                    <select id="audit-action" name="action">{actions}</select>
                </div>
                {text("from", "audit-from", "date")}
                {text("until", "audit-until", "date")}
            </div>
            <button type="submit">{i18n.t("audit-search")}</button>
        </form>
        <p><a href=export>{i18n.t("audit-export")}</a></p>
        <div class="table-scroll">
            <table>
                <caption>{i18n.t("audit-caption")}</caption>
                <thead><tr>
                    <th scope="col">{i18n.t("audit-col-seq")}</th>
                    <th scope="col">{i18n.t("audit-col-time")}</th>
                    <th scope="col">{i18n.t("audit-col-actor")}</th>
                    <th scope="col">{i18n.t("audit-col-role")}</th>
                    <th scope="col">{i18n.t("audit-action")}</th>
                    <th scope="col">{i18n.t("audit-col-object")}</th>
                    <th scope="col">{i18n.t("audit-col-outcome")}</th>
                    <th scope="col">{i18n.t("audit-col-reason")}</th>
                    <th scope="col">{i18n.t("audit-col-client")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {v.entries.is_empty().then(|| view! { <p>{i18n.t("audit-none")}</p> })}
        <nav class="pagination" aria-label=i18n.t("audit-pages")>
            {prev.map(|h| view! { <a rel="prev" href=h>{i18n.t("audit-newer")}</a> })}
            {next.map(|h| view! { <a rel="next" href=h>{i18n.t("audit-older")}</a> })}
        </nav>
    }
}
