//! `/my/cases`: the person's drafts (continue or discard) and every case with its status.

use super::server::my_cases;
use super::view::MyCasesView;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;

#[component]
pub fn MyCasesPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = my_cases();
    view! {
        <Title text=format!("{} – {}", i18n.t("my-cases-title"), i18n.t("site-name"))/>
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

fn page(v: MyCasesView, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let notice = ctx.query.contains("saved=discarded").then(|| {
        view! { <div class="notice success" role="status"><p>{i18n.t("my-cases-discarded")}</p></div> }
    });
    let saved = ctx.query.contains("saved=draft").then(|| {
        view! { <div class="notice success" role="status"><p>{i18n.t("my-cases-draft-saved")}</p></div> }
    });
    let drafts = v
        .drafts
        .iter()
        .map(|d| {
            view! {
                <tr>
                    <td><a href=format!("/apply/{}", d.token)>{d.service.clone()}</a></td>
                    <td><bdi>{d.updated.clone()}</bdi></td>
                    <td><bdi>{d.expires.clone()}</bdi></td>
                    <td>
                        <form method="post" action="/api/apply/discard" class="inline">
                            <CsrfField/>
                            <input type="hidden" name="token" value=d.token.to_string()/>
                            <button type="submit" class="link-button">
                                {i18n.t("my-cases-discard")}<span class="visually-hidden">" "{d.service.clone()}</span>
                            </button>
                        </form>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let cases = v
        .cases
        .iter()
        .map(|c| {
            view! {
                <tr>
                    <td><a href=format!("/my/cases/{}", c.id)><bdi>{c.case_number.clone()}</bdi></a></td>
                    <td>{c.service.clone()}</td>
                    <td><bdi>{c.submitted.clone()}</bdi></td>
                    <td><span class=format!("status status-{}", c.status_slug)>{c.status.clone()}</span></td>
                    <td>{(c.unread > 0).then(|| view! { <span class="badge">{i18n.ta("my-cases-unread", &[("count", c.unread.into())])}</span> })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h1>{i18n.t("my-cases-title")}</h1>
        {notice}
        {saved}
        <section aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">{i18n.t("my-cases-drafts")}</h2>
            {if v.drafts.is_empty() {
                view! { <p>{i18n.t("my-cases-no-drafts")}</p> }.into_any()
            } else {
                view! {
                    <p class="hint">{i18n.t("my-cases-drafts-hint")}</p>
                    <table>
                        <thead><tr>
                            <th scope="col">{i18n.t("my-cases-service")}</th>
                            <th scope="col">{i18n.t("my-cases-saved")}</th>
                            <th scope="col">{i18n.t("my-cases-expires")}</th>
                            <th scope="col"><span class="visually-hidden">{i18n.t("my-cases-actions")}</span></th>
                        </tr></thead>
                        <tbody>{drafts}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
        {(!v.bundle_drafts.is_empty() || !v.bundles.is_empty()).then(|| view! {
            <section aria-labelledby="bundles-heading">
                <h2 id="bundles-heading">{i18n.t("bundle-my-title")}</h2>
                <ul class="bundles">
                    {v.bundle_drafts.iter().map(|d| view! {
                        <li>
                            <a href=format!("/business/apply/{}", d.token)>{d.service.clone()}</a>
                            " – "{i18n.ta("bundle-draft-saved", &[("date", d.updated.clone().into()), ("expires", d.expires.clone().into())])}
                        </li>
                    }).collect_view()}
                    {v.bundles.iter().map(|b| view! {
                        <li>
                            <a href=format!("/my/business/{}", b.id)><bdi>{b.bundle_number.clone()}</bdi></a>
                            " – "{b.organisation.clone()}" – "{b.progress.clone()}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="cases-heading">
            <h2 id="cases-heading">{i18n.t("my-cases-cases")}</h2>
            {if v.cases.is_empty() {
                view! { <p>{i18n.t("my-cases-none")}</p> }.into_any()
            } else {
                view! {
                    <table>
                        <thead><tr>
                            <th scope="col">{i18n.t("case-number")}</th>
                            <th scope="col">{i18n.t("my-cases-service")}</th>
                            <th scope="col">{i18n.t("receipt-submitted")}</th>
                            <th scope="col">{i18n.t("case-status")}</th>
                            <th scope="col">{i18n.t("case-messages")}</th>
                        </tr></thead>
                        <tbody>{cases}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
        <p><a href="/services">{i18n.t("my-cases-find-service")}</a></p>
    }
}
