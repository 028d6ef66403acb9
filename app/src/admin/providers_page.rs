//! `/admin/providers`: import comparison data (with a dry run) and review, or revert, what
//! providers changed.

use super::providers_server::{load_providers_admin, ProvidersAdminView};
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;

fn page(v: ProvidersAdminView, i18n: I18n, csrf: String) -> impl IntoView {
    let report = v.report.map(|r| {
        let class = if r.ok { "notice" } else { "error-summary" };
        let rows = r
            .problems
            .into_iter()
            .map(|(place, msg)| view! { <tr><th scope="row">{place}</th><td>{msg}</td></tr> })
            .collect_view();
        let has_rows = r.more.is_some() || !r.ok;
        view! {
            <section class=class id="import-report" role="status" tabindex="-1" aria-labelledby="import-report-heading">
                <h2 id="import-report-heading">{r.heading}</h2>
                <p>{r.summary}</p>
                {has_rows.then(|| view! {
                    <div class="table-scroll" role="region" aria-labelledby="import-report-heading" tabindex="0">
                        <table>
                            <thead><tr><th scope="col">{i18n.t("providers-import-col-where")}</th><th scope="col">{i18n.t("providers-import-col-problem")}</th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                })}
                {r.more.map(|m| view! { <p>{m}</p> })}
            </section>
        }
    });
    let changes = v
        .changes
        .into_iter()
        .map(|c| {
            let action = match c.reverted {
                Some(r) => view! { <span>{r}</span> }.into_any(),
                None => view! {
                    <form method="post" action="/api/admin/providers/revert">
                        <CsrfField/>
                        <input type="hidden" name="id" value=c.id.to_string()/>
                        <button type="submit" class="secondary">{c.revert_label}</button>
                    </form>
                }
                .into_any(),
            };
            view! {
                <tr>
                    <td>{c.when}</td>
                    <th scope="row"><a href=c.unit.href>{c.unit.text}</a></th>
                    <td>{c.who}</td>
                    <td>{c.what}</td>
                    <td>{action}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=format!("{} – {}", i18n.t("providers-title"), i18n.t("site-name"))/>
        <h1>{i18n.t("providers-title")}</h1>
        {v.notice.map(|n| view! { <p class="notice" role="status">{n}</p> })}
        {report}
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">{i18n.t("providers-import-heading")}</h2>
            <p>{i18n.t("providers-import-intro")}</p>
            <form method="post" action=format!("/admin/providers/import?csrf={csrf}") enctype="multipart/form-data">
                <div class="field">
                    <label for="import-file">{i18n.t("providers-import-file")}</label>
                    <p class="hint" id="import-file-hint">{i18n.t("providers-import-file-hint")}</p>
                    <input type="file" id="import-file" name="file" accept=".csv,.json,text/csv,application/json" aria-describedby="import-file-hint" required=true/>
                </div>
                <p class="check">
                    <input type="checkbox" id="import-dry-run" name="dry_run" value="1" checked=true/>
                    <label for="import-dry-run">{i18n.t("providers-import-dry-run")}</label>
                </p>
                <button type="submit" class="button">{i18n.t("providers-import-submit")}</button>
            </form>
            <p><a href="/open-data/providers">{i18n.t("providers-import-format")}</a></p>
        </section>
        <section aria-labelledby="changes-heading">
            <h2 id="changes-heading">{i18n.t("providers-changes-heading")}</h2>
            <div class="table-scroll" role="region" aria-labelledby="changes-heading" tabindex="0">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("provider-col-when")}</th>
                            <th scope="col">{i18n.t("provider-col-unit")}</th>
                            <th scope="col">{i18n.t("provider-col-who")}</th>
                            <th scope="col">{i18n.t("provider-col-what")}</th>
                            <th scope="col">{i18n.t("providers-col-action")}</th>
                        </tr>
                    </thead>
                    <tbody>{changes}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
pub fn ProvidersAdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let csrf = crate::context::current().viewer.map(|v| v.csrf).unwrap_or_default();
    let data = load_providers_admin();
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => page(v, i18n, csrf.clone()).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
