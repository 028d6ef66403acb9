//! Comparison data as open data (CC0): units and indicator values as CSV and JSON in the import's
//! formats (so an export imports again unchanged), and a machine-readable dataset description
//! (DCAT-AP-SE's core fields: title, description, publisher, licence, modified, distributions)
//! with every field and indicator defined in Swedish and English.
//!
//! Public and free of personal data: organisation numbers of companies are public; no person is
//! named. No authorisation, no audit.

use crate::i18n::t;
use crate::ui::format::stockholm_date;
use crate::web::pages::Pages;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use stadsporten_domain::compare::export::{unit_json, units_csv, value_json, values_csv};
use stadsporten_domain::compare::import::UNIT_COLUMNS;
use stadsporten_domain::Lang;

/// The licence every file is published under.
pub const LICENCE: &str = "https://creativecommons.org/publicdomain/zero/1.0/";

use crate::web::open_data_file as file;

fn unavailable(e: stadsporten_db::DbError) -> Response {
    tracing::error!(error = %e, "open data export failed");
    (StatusCode::SERVICE_UNAVAILABLE, "temporarily unavailable").into_response()
}

/// `GET /open-data/providers.csv`: one row per unit.
pub async fn units_csv_file(State(s): State<std::sync::Arc<crate::web::FormState>>) -> Response {
    match s.store.all_provider_units().await {
        Ok(rows) => {
            let units: Vec<_> = rows.into_iter().map(|r| r.record).collect();
            file("text/csv; charset=utf-8", "providers.csv", units_csv(&units))
        }
        Err(e) => unavailable(e),
    }
}

/// `GET /open-data/provider-indicators.csv`: `kpi, unit, period, value, n, response_rate`.
pub async fn values_csv_file(State(s): State<std::sync::Arc<crate::web::FormState>>) -> Response {
    match s.store.all_indicator_values().await {
        Ok(values) => file("text/csv; charset=utf-8", "provider-indicators.csv", values_csv(&values)),
        Err(e) => unavailable(e),
    }
}

/// `GET /open-data/providers.json`: the description, the units and the values in one document.
pub async fn json_file(State(s): State<std::sync::Arc<crate::web::FormState>>) -> Response {
    let store = &s.pages.store;
    let (units, values, description) =
        match (store.all_provider_units().await, store.all_indicator_values().await, description(&s.pages).await) {
            (Ok(u), Ok(v), Ok(d)) => (u, v, d),
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return unavailable(e),
        };
    let body = json!({
        "dataset": description,
        "units": units.iter().map(|u| unit_json(&u.record)).collect::<Vec<_>>(),
        "values": values.iter().map(|(u, k, o)| value_json(u, k, o)).collect::<Vec<_>>(),
    });
    file("application/json", "providers.json", body.to_string())
}

/// `GET /open-data/providers/dataset.json`: the dataset description alone.
pub async fn description_file(State(s): State<std::sync::Arc<crate::web::FormState>>) -> Response {
    match description(&s.pages).await {
        Ok(d) => file("application/json", "dataset.json", d.to_string()),
        Err(e) => unavailable(e),
    }
}

fn both(id: &str) -> Value {
    json!({ "sv": t(Lang::Sv, id), "en": t(Lang::En, id) })
}

/// The dataset description.
pub async fn description(pages: &Pages) -> stadsporten_db::Result<Value> {
    let store = &pages.store;
    let base = pages.settings.public_url.trim_end_matches('/');
    let modified = store.compare_data_changed_at().await?.map(stockholm_date);
    let indicators = store.indicators().await?;
    let unit_fields: Vec<Value> = UNIT_COLUMNS
        .iter()
        .map(|c| json!({ "name": c, "description": both(&format!("compare-field-{}", c.replace('_', "-"))) }))
        .collect();
    let value_fields: Vec<Value> = ["kpi", "unit", "period", "value", "n", "response_rate"]
        .iter()
        .map(|c| json!({ "name": c, "description": both(&format!("compare-field-value-{}", c.replace('_', "-"))) }))
        .collect();
    Ok(json!({
        "title": both("compare-dataset-title"),
        "description": both("compare-dataset-description"),
        "publisher": { "name": "Stockholms stad", "organisation_number": "212000-0142" },
        "license": LICENCE,
        "license_id": "CC0-1.0",
        "modified": modified,
        "language": ["sv", "en", "fi", "ar"],
        "landing_page": format!("{base}/open-data/providers"),
        "distributions": [
            { "title": both("compare-dataset-units-csv"), "download_url": format!("{base}/open-data/providers.csv"), "media_type": "text/csv" },
            { "title": both("compare-dataset-values-csv"), "download_url": format!("{base}/open-data/provider-indicators.csv"), "media_type": "text/csv" },
            { "title": both("compare-dataset-all-json"), "download_url": format!("{base}/open-data/providers.json"), "media_type": "application/json" },
        ],
        "fields": { "units": unit_fields, "values": value_fields },
        "indicators": indicators.iter().map(|d| json!({
            "key": d.key.as_str(),
            "name": d.name,
            "definition": d.definition,
            "source": d.source,
            "measure": d.measure.slug(),
            "higher_is_better": d.higher_is_better,
            "survey": d.survey,
            "unit_kinds": d.kinds.iter().map(|k| k.slug()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "honesty_thresholds": {
            "min_respondents": pages.compare.min_respondents,
            "min_response_rate": pages.compare.min_response_rate,
        },
    }))
}

/// This feature's plain routes, merged by the server beside the pages and server functions.
pub fn routes() -> axum::Router<std::sync::Arc<crate::web::FormState>> {
    axum::Router::new()
        .route("/open-data/providers.csv", axum::routing::get(units_csv_file))
        .route("/open-data/provider-indicators.csv", axum::routing::get(values_csv_file))
        .route("/open-data/providers.json", axum::routing::get(json_file))
        .route("/open-data/providers/dataset.json", axum::routing::get(description_file))
}
