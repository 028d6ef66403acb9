//! `/provider`: the editor's organisations and their units, each with its last update.

use super::server::load_portal;
use crate::i18n::use_i18n;
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;

#[component]
pub fn ProviderPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_portal();
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => {
                        let orgs = v
                            .organisations
                            .into_iter()
                            .map(|o| {
                                let rows = o
                                    .units
                                    .into_iter()
                                    .map(|u| view! {
                                        <tr>
                                            <th scope="row"><a href=u.edit.href aria-label=u.edit.text>{u.name}</a></th>
                                            <td>{u.kind}</td>
                                            <td>{u.district}</td>
                                            <td>{u.updated}</td>
                                            <td><a href=u.public.href>{u.public.text}</a></td>
                                        </tr>
                                    })
                                    .collect_view();
                                view! {
                                    <section>
                                        <h2>{o.heading.clone()}</h2>
                                        <div class="table-scroll" role="region" aria-label=o.heading tabindex="0">
                                            <table>
                                                <thead>
                                                    <tr>
                                                        <th scope="col">{i18n.t("provider-col-unit")}</th>
                                                        <th scope="col">{i18n.t("compare-fact-kind")}</th>
                                                        <th scope="col">{i18n.t("compare-fact-district")}</th>
                                                        <th scope="col">{i18n.t("provider-col-updated")}</th>
                                                        <th scope="col">{i18n.t("provider-col-public")}</th>
                                                    </tr>
                                                </thead>
                                                <tbody>{rows}</tbody>
                                            </table>
                                        </div>
                                    </section>
                                }
                            })
                            .collect_view();
                        let inbox = v
                            .inbox
                            .into_iter()
                            .map(|f| {
                                let unread = f.unread.then(|| view! { " " <span class="badge">{i18n.t("provider-feedback-unread")}</span> });
                                view! {
                                    <tr>
                                        <th scope="row"><a href=f.href>{f.number}</a>{unread}</th>
                                        <td>{f.submitted}</td>
                                        <td>{f.status}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        view! {
                            <Title text=format!("{} – {}", i18n.t("provider-title"), i18n.t("site-name"))/>
                            <h1>{i18n.t("provider-title")}</h1>
                            <p class="lead">{i18n.t("provider-intro")}</p>
                            {orgs}
                            <section aria-labelledby="inbox-heading">
                                <h2 id="inbox-heading">{i18n.t("provider-inbox")}</h2>
                                <p>{i18n.t("provider-inbox-intro")}</p>
                                <div class="table-scroll" role="region" aria-labelledby="inbox-heading" tabindex="0">
                                    <table>
                                        <thead>
                                            <tr>
                                                <th scope="col">{i18n.t("provider-col-case")}</th>
                                                <th scope="col">{i18n.t("provider-col-received")}</th>
                                                <th scope="col">{i18n.t("provider-col-status")}</th>
                                            </tr>
                                        </thead>
                                        <tbody>{inbox}</tbody>
                                    </table>
                                </div>
                            </section>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
