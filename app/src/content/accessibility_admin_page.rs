//! `/admin/content/accessibility`: the accessibility statement's known shortcomings, kept by the
//! editors (what, in every language, and when it will be fixed), so the statement stays true.

use super::form::{error_summary, input, languages, notice};
use super::server::load_shortcomings;
use super::view::ShortcomingsView;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;

fn page(v: ShortcomingsView, i18n: I18n) -> impl IntoView {
    let rows = v
        .rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <td><a href=r.edit.href>{r.edit.text}</a></td>
                    <td><bdi>{r.fix_by}</bdi></td>
                    <td>{r.state}</td>
                </tr>
            }
        })
        .collect_view();
    let heading = if v.editing.is_some() { "content-shortcoming-edit" } else { "content-shortcoming-new" };
    view! {
        <Title text=format!("{} – {}", i18n.t("content-shortcomings-title"), i18n.t("site-name"))/>
        <nav class="breadcrumbs" aria-label=i18n.t("breadcrumb-label")>
            <ol><li><a href="/admin/content">{i18n.t("content-title")}</a></li></ol>
        </nav>
        <h1>{i18n.t("content-shortcomings-title")}</h1>
        {notice(v.notice)}
        <p><a href="/tillganglighet">{i18n.t("content-statement-link")}</a></p>
        <div class="table-scroll" role="region" aria-label=i18n.t("content-shortcomings-title") tabindex="0">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("content-col-shortcoming")}</th>
                        <th scope="col">{i18n.t("content-field-fix-by")}</th>
                        <th scope="col">{i18n.t("content-col-state")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <h2 id="shortcoming-form">{i18n.t(heading)}</h2>
        {error_summary(&v.errors, i18n)}
        <form method="post" action=v.action class="content-form">
            <CsrfField/>
            {input(v.fix_by)}
            <div class="checkbox">
                <input type="checkbox" id="content-resolved" name="resolved" value="1" checked=v.resolved/>
                <label for="content-resolved">{i18n.t("content-field-resolved")}</label>
            </div>
            {languages(v.languages)}
            <button type="submit" class="button">{i18n.t("content-shortcoming-save")}</button>
        </form>
    }
}

#[component]
pub fn ShortcomingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let edit = super::query_param("edit").and_then(|s| s.parse::<i64>().ok());
    let data = load_shortcomings(edit);
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
