//! `/open-data/providers`: the comparison data set described for people — licence, update date,
//! downloads, every field and indicator defined. The same description is machine-readable at
//! `/open-data/providers/dataset.json`.

use super::view::Fact;
use crate::catalogue::view_model::LinkView;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenDataView {
    pub title: String,
    pub description: String,
    pub facts: Vec<Fact>,
    pub downloads: Vec<LinkView>,
    pub unit_fields: Vec<Fact>,
    pub value_fields: Vec<Fact>,
    pub indicators: Vec<Fact>,
}

#[server(prefix = "/api", endpoint = "compare/open-data")]
pub async fn load_open_data() -> Result<OpenDataView, AppError> {
    use crate::i18n::{t, ta};
    use stadsporten_domain::compare::import::UNIT_COLUMNS;
    let lang = crate::context::current().lang;
    let store = crate::context::store()?;
    let modified = store.compare_data_changed_at().await?.map(crate::ui::format::stockholm_date).unwrap_or_default();
    let fact = |label: &str, value: String| Fact { label: t(lang, label), value };
    let link = |href: &str, id: &str| LinkView { href: href.to_owned(), text: t(lang, id) };
    Ok(OpenDataView {
        title: t(lang, "compare-dataset-title"),
        description: t(lang, "compare-dataset-description"),
        facts: vec![
            fact("compare-dataset-publisher", "Stockholms stad".into()),
            fact("compare-dataset-licence", "CC0 1.0".into()),
            fact("compare-dataset-modified", modified),
        ],
        downloads: vec![
            link("/open-data/providers.csv", "compare-dataset-units-csv"),
            link("/open-data/provider-indicators.csv", "compare-dataset-values-csv"),
            link("/open-data/providers.json", "compare-dataset-all-json"),
            link("/open-data/providers/dataset.json", "compare-dataset-description-json"),
        ],
        unit_fields: UNIT_COLUMNS
            .iter()
            .map(|c| Fact { label: (*c).to_owned(), value: t(lang, &format!("compare-field-{}", c.replace('_', "-"))) })
            .collect(),
        value_fields: ["kpi", "unit", "period", "value", "n", "response_rate"]
            .iter()
            .map(|c| Fact {
                label: (*c).to_owned(),
                value: t(lang, &format!("compare-field-value-{}", c.replace('_', "-"))),
            })
            .collect(),
        indicators: store
            .indicators()
            .await?
            .iter()
            .map(|d| Fact {
                label: format!("{} ({})", d.name_in(lang), d.key),
                value: format!(
                    "{} {}",
                    d.definition_in(lang),
                    ta(lang, "compare-source", &[("source", d.source.clone().into())])
                ),
            })
            .collect(),
    })
}

fn facts(items: Vec<Fact>) -> impl IntoView {
    items.into_iter().map(|f| view! { <dt><code>{f.label}</code></dt><dd>{f.value}</dd> }).collect_view()
}

#[component]
pub fn OpenDataPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_open_data();
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => view! {
                        <Title text=format!("{} – {}", v.title, i18n.t("site-name"))/>
                        <h1>{v.title}</h1>
                        <p class="lead">{v.description}</p>
                        <dl class="facts">
                            {v.facts.into_iter().map(|f| view! { <dt>{f.label}</dt><dd>{f.value}</dd> }).collect_view()}
                        </dl>
                        <h2>{i18n.t("compare-dataset-downloads")}</h2>
                        <ul>{v.downloads.into_iter().map(|l| view! { <li><a href=l.href>{l.text}</a></li> }).collect_view()}</ul>
                        <h2>{i18n.t("compare-dataset-unit-fields")}</h2>
                        <dl class="definitions">{facts(v.unit_fields)}</dl>
                        <h2>{i18n.t("compare-dataset-value-fields")}</h2>
                        <dl class="definitions">{facts(v.value_fields)}</dl>
                        <h2>{i18n.t("compare-dataset-indicators")}</h2>
                        <dl class="definitions">{facts(v.indicators)}</dl>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
