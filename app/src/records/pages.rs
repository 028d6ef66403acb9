//! `/my/data`: what Stadsporten holds about the signed-in person, why, for how long, on which
//! legal basis; the register extract's downloads; where to ask for a correction.

use super::server::{my_data, MyDataView};
use crate::i18n::{use_i18n, I18n};
use crate::ui::{ErrorPage, Title};
use leptos::prelude::*;

#[component]
pub fn MyDataPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = my_data();
    view! {
        <Title text=format!("{} – {}", i18n.t("mydata-title"), i18n.t("site-name"))/>
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

fn page(v: MyDataView, i18n: I18n) -> impl IntoView {
    let count = |id: &str, n: usize| i18n.ta(id, &[("count", (n as i64).into())]);
    let kinds = [
        (
            "mydata-kind-profile",
            i18n.t("mydata-kind-profile"),
            i18n.t("mydata-why-profile"),
            i18n.t("mydata-kept-profile"),
        ),
        (
            "mydata-kind-cases",
            count("mydata-kind-cases", v.cases),
            i18n.t("mydata-why-cases"),
            i18n.t("mydata-kept-cases"),
        ),
        (
            "mydata-kind-files",
            count("mydata-kind-files", v.files),
            i18n.t("mydata-why-cases"),
            i18n.t("mydata-kept-cases"),
        ),
        (
            "mydata-kind-drafts",
            count("mydata-kind-drafts", v.drafts),
            i18n.t("mydata-why-drafts"),
            i18n.ta("mydata-kept-drafts", &[("days", v.draft_days.into())]),
        ),
        (
            "mydata-kind-errands",
            count("mydata-kind-errands", v.errands),
            i18n.t("mydata-why-errands"),
            i18n.t("mydata-kept-errands"),
        ),
        (
            "mydata-kind-lookups",
            count("mydata-kind-lookups", v.lookups),
            i18n.t("mydata-why-lookups"),
            i18n.t("mydata-kept-lookups"),
        ),
        (
            "mydata-kind-access",
            count("mydata-kind-access", v.access_entries),
            i18n.t("mydata-why-access"),
            i18n.t("mydata-kept-access"),
        ),
    ];
    let rows = kinds
        .into_iter()
        .map(|(_, what, why, kept)| view! { <tr><th scope="row">{what}</th><td>{why}</td><td>{kept}</td></tr> })
        .collect_view();
    view! {
        <h1>{i18n.t("mydata-title")}</h1>
        <p class="lead">{i18n.t("mydata-intro")}</p>
        <section aria-labelledby="held-heading" class="panel">
            <h2 id="held-heading">{i18n.t("mydata-held-heading")}</h2>
            <div class="table-scroll">
                <table>
                    <caption>{i18n.t("mydata-held-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("mydata-col-what")}</th>
                            <th scope="col">{i18n.t("mydata-col-why")}</th>
                            <th scope="col">{i18n.t("mydata-col-kept")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p>{i18n.t("mydata-legal-basis")}</p>
            <p>{i18n.t("mydata-internal-notes")}</p>
        </section>
        <section aria-labelledby="download-heading" class="panel">
            <h2 id="download-heading">{i18n.t("mydata-download-heading")}</h2>
            <p>{i18n.t("mydata-download-intro")}</p>
            <ul class="actions">
                <li><a href="/my/data/extract.html" download="" rel="nofollow">{i18n.t("mydata-download-html")}</a></li>
                <li><a href="/my/data/extract.json" download="" rel="nofollow">{i18n.t("mydata-download-json")}</a></li>
            </ul>
        </section>
        <section aria-labelledby="correct-heading" class="panel">
            <h2 id="correct-heading">{i18n.t("mydata-correct-heading")}</h2>
            <p>{i18n.t("mydata-correct-intro")}</p>
            <p><a href="/services/fraga-till-staden/start">{i18n.t("mydata-correct-link")}</a></p>
            <p>{i18n.t("mydata-rights")}</p>
        </section>
    }
}
