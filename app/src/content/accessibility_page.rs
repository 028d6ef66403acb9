//! `/tillganglighet`: the accessibility statement (tillgänglighetsredogörelse) that the law on
//! accessibility of digital public services (DOS-lagen, 2018:1937) requires, in the shape of
//! DIGG's model: how accessible the site is, the known shortcomings (from the editors' data) with
//! when each will be fixed, how to report a problem, and the supervisory authority to turn to.

use super::server::load_accessibility_statement;
use super::view::StatementView;
use crate::i18n::{use_i18n, I18n};
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;

fn page(v: StatementView, i18n: I18n) -> impl IntoView {
    let items = v
        .shortcomings
        .into_iter()
        .map(|s| {
            view! {
                <li lang=s.lang>
                    <h3>{s.title}</h3>
                    <p>{s.body}</p>
                    <p class="meta">{s.fix_by}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text=format!("{} – {}", i18n.t("a11y-title"), i18n.t("site-name"))/>
        <h1>{i18n.t("a11y-title")}</h1>
        <p class="lead">{i18n.t("a11y-intro")}</p>
        <h2>{i18n.t("a11y-status-heading")}</h2>
        <p>{i18n.t("a11y-status")}</p>
        <h2>{i18n.t("a11y-shortcomings-heading")}</h2>
        {if v.empty { view! { <p>{i18n.t("a11y-no-shortcomings")}</p> }.into_any() } else {
            view! { <ul class="plain-list shortcomings">{items}</ul> }.into_any()
        }}
        <h2>{i18n.t("a11y-report-heading")}</h2>
        <p>{i18n.t("a11y-report")}</p>
        <p><a class="button" href=v.report_href>{i18n.t("a11y-report-start")}</a></p>
        <p>{i18n.t("a11y-report-email")}" "<a href="mailto:webbredaktionen@stockholm.se">"webbredaktionen@stockholm.se"</a></p>
        <h2>{i18n.t("a11y-supervision-heading")}</h2>
        <p>
            {i18n.t("a11y-supervision")}" "
            <a href="https://www.digg.se/tdosanmalan" rel="external noopener">{i18n.t("a11y-supervision-link")}</a>
        </p>
        <h2>{i18n.t("a11y-how-heading")}</h2>
        <p>{i18n.t("a11y-how")}</p>
        <p class="meta">{v.updated}</p>
    }
}

#[component]
pub fn AccessibilityStatementPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_accessibility_statement();
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
