//! `/open-data/service-levels`: the service-level data set described for people — licence,
//! downloads, every field defined, and how small counts are suppressed. The same description is
//! in `/open-data/service-levels.json`.

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::{ErrorPage, LinkView, Title};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelsDataView {
    pub title: String,
    pub description: String,
    pub suppression: String,
    pub facts: Vec<(String, String)>,
    pub downloads: Vec<LinkView>,
    pub fields: Vec<(String, String)>,
}

#[server(prefix = "/api", endpoint = "stats/open-data")]
pub async fn load_levels_data() -> Result<LevelsDataView, AppError> {
    use crate::i18n::t;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let link = |href: &str, id: &str| LinkView { href: href.to_owned(), text: t(lang, id) };
    Ok(LevelsDataView {
        title: t(lang, "stats-dataset-title"),
        description: t(lang, "stats-dataset-description"),
        suppression: t(lang, "stats-dataset-suppression"),
        facts: vec![
            (t(lang, "compare-dataset-publisher"), "Stockholms stad".into()),
            (t(lang, "compare-dataset-licence"), "CC0 1.0".into()),
            (t(lang, "compare-dataset-modified"), crate::ui::format::stockholm_date(ctx.now)),
        ],
        downloads: vec![
            link("/open-data/service-levels.csv", "stats-dataset-csv"),
            link("/open-data/service-levels.json", "stats-dataset-json"),
        ],
        fields: super::routes::COLUMNS
            .iter()
            .map(|c| ((*c).to_owned(), t(lang, &format!("stats-field-{}", c.replace('_', "-")))))
            .collect(),
    })
}

#[component]
pub fn ServiceLevelsOpenDataPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_levels_data();
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => view! {
                        <Title text=format!("{} – {}", v.title, i18n.t("site-name"))/>
                        <h1>{v.title}</h1>
                        <p class="lead">{v.description}</p>
                        <p>{v.suppression}</p>
                        <dl class="facts">
                            {v.facts.into_iter().map(|(l, v)| view! { <dt>{l}</dt><dd>{v}</dd> }).collect_view()}
                        </dl>
                        <h2>{i18n.t("compare-dataset-downloads")}</h2>
                        <ul>{v.downloads.into_iter().map(|l| view! { <li><a href=l.href>{l.text}</a></li> }).collect_view()}</ul>
                        <h2>{i18n.t("stats-dataset-fields")}</h2>
                        <dl class="definitions">
                            {v.fields.into_iter().map(|(l, v)| view! { <dt><code>{l}</code></dt><dd>{v}</dd> }).collect_view()}
                        </dl>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
