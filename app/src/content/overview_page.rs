//! `/admin/content`: every service page with its state, languages and review date (or only those
//! overdue for review), and the operating messages.

use super::form::notice;
use super::server::load_content_overview;
use super::view::OverviewView;
use crate::i18n::{use_i18n, I18n};
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;

fn page(v: OverviewView, i18n: I18n) -> impl IntoView {
    let services = v
        .services
        .into_iter()
        .map(|s| {
            view! {
                <tr>
                    <td><a href=s.edit.href>{s.edit.text}</a><br/><span class="meta"><bdi>{s.slug}</bdi></span></td>
                    <td>{s.state}{s.missing.map(|m| view! { <br/><span class="meta">{m}</span> })}</td>
                    <td>
                        <bdi>{s.reviewed}</bdi>
                        {s.overdue.then(|| view! { " " <span class="tag tag-warning">{i18n.t("content-overdue")}</span> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let messages = v
        .messages
        .into_iter()
        .map(|m| {
            view! {
                <tr>
                    <td><a href=m.edit.href>{m.edit.text}</a></td>
                    <td>{m.severity}</td>
                    <td><bdi>{m.window}</bdi></td>
                    <td>{m.state}</td>
                </tr>
            }
        })
        .collect_view();
    let filter = if v.overdue_only {
        view! { <a href="/admin/content">{i18n.t("content-show-all")}</a> }.into_any()
    } else {
        view! { <a href="/admin/content?overdue=1">{i18n.t("content-show-overdue")}</a> }.into_any()
    };
    view! {
        <Title text=format!("{} – {}", i18n.t("content-title"), i18n.t("site-name"))/>
        <h1>{i18n.t("content-title")}</h1>
        {notice(v.notice)}
        <p class="actions">
            <a class="button" href="/admin/content/services/new">{i18n.t("content-new-service")}</a>" "
            <a class="button secondary" href="/admin/content/messages/new">{i18n.t("content-message-new")}</a>" "
            <a href="/admin/content/accessibility">{i18n.t("content-shortcomings-title")}</a>
        </p>
        <h2 id="services-heading">{i18n.t("content-services-heading")}</h2>
        <p>{v.overdue_count}" "{filter}</p>
        <div class="table-scroll" role="region" aria-labelledby="services-heading" tabindex="0">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("content-col-page")}</th>
                        <th scope="col">{i18n.t("content-col-state")}</th>
                        <th scope="col">{i18n.t("content-col-reviewed")}</th>
                    </tr>
                </thead>
                <tbody>{services}</tbody>
            </table>
        </div>
        <h2 id="messages-heading-admin">{i18n.t("content-messages-heading")}</h2>
        <div class="table-scroll" role="region" aria-labelledby="messages-heading-admin" tabindex="0">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("content-col-message")}</th>
                        <th scope="col">{i18n.t("content-field-severity")}</th>
                        <th scope="col">{i18n.t("content-col-window")}</th>
                        <th scope="col">{i18n.t("content-col-state")}</th>
                    </tr>
                </thead>
                <tbody>{messages}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ContentOverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let overdue = super::query_param("overdue").is_some_and(|v| v == "1");
    let data = load_content_overview(overdue);
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
