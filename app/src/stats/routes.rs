//! Every service's level as open data (CC0): one row per service and month of the last twelve,
//! and one for the twelve months together, as CSV and as JSON with the dataset's description
//! (the same core fields as the providers' data set: title, description, publisher, licence,
//! modified, distributions). Figures on fewer than five cases are empty, never zero.
//!
//! Public, no personal data: no authorisation, no audit.

use crate::i18n::t;
use crate::web::FormState;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use stadsporten_db::{DbError, Store};
use stadsporten_domain::calendar::DayKind;
use stadsporten_domain::csv::{CsvFile, Style};
use stadsporten_domain::measure::{Month, Period};
use stadsporten_domain::stats::{self, Figure};
use stadsporten_domain::Lang;
use std::sync::Arc;

/// CC0, as the providers' data set (`compare/routes.rs`; not imported: compare links to the catalogue,
/// which shows these figures).
const LICENCE: &str = "https://creativecommons.org/publicdomain/zero/1.0/";

/// The columns, in order (the CSV header and the JSON rows' keys).
pub use stadsporten_domain::measure::LEVEL_COLUMNS as COLUMNS;

/// One row: a service over a month or over the whole period.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelRow {
    pub service: String,
    pub title: String,
    pub unit: String,
    pub period: String,
    pub day_kind: DayKind,
    pub promised_days: u32,
    pub submitted: Figure<u64>,
    pub decided: Figure<u64>,
    pub within: Figure<f64>,
    pub median: Figure<f64>,
}

/// Every live e-service's rows over the last twelve months.
pub async fn level_rows(store: &Store, now: i64) -> Result<Vec<LevelRow>, DbError> {
    let period = Period::last_twelve(Month::at(now));
    let mut out = Vec::new();
    for d in store.live_definitions().await? {
        let rows = store.service_level(&d.slug, period).await?;
        let row = |period: String, submitted: i64, decided: i64, in_time: i64, days: &[(i64, u64)]| LevelRow {
            service: d.slug.clone(),
            title: d.title_sv.clone(),
            unit: d.unit_code.clone(),
            period,
            day_kind: d.definition.handling_day_kind,
            promised_days: d.definition.handling_days,
            submitted: stats::count(submitted.max(0) as u64),
            decided: stats::count(decided.max(0) as u64),
            within: stats::share(in_time.max(0) as u64, decided.max(0) as u64),
            median: stats::median(days),
        };
        let all: Vec<(i64, u64)> = rows.months.values().flat_map(|m| m.days.iter().copied()).collect();
        let sum = |f: fn(&stadsporten_db::LevelMonth) -> i64| rows.months.values().map(f).sum::<i64>();
        out.push(row(
            format!("{}/{}", period.first, period.last),
            sum(|m| m.submitted),
            sum(|m| m.decided),
            sum(|m| m.in_time),
            &all,
        ));
        for m in period.months() {
            let r = rows.months.get(&m).cloned().unwrap_or_default();
            out.push(row(m.to_string(), r.submitted, r.decided, r.in_time, &r.days));
        }
    }
    Ok(out)
}

fn cell_u(f: &Figure<u64>) -> String {
    f.value().map(u64::to_string).unwrap_or_default()
}

fn cell_f(f: &Figure<f64>, decimals: usize) -> String {
    f.value().map(|v| format!("{v:.decimals$}")).unwrap_or_default()
}

/// The rows as CSV (RFC 4180; empty cells where a figure is suppressed).
pub fn levels_csv(rows: &[LevelRow]) -> String {
    let mut file = CsvFile::new(COLUMNS, Style::TextQuoted);
    for r in rows {
        file.text_row([
            r.service.clone(),
            r.title.clone(),
            r.unit.clone(),
            r.period.clone(),
            r.day_kind.slug().to_owned(),
            r.promised_days.to_string(),
            cell_u(&r.submitted),
            cell_u(&r.decided),
            cell_f(&r.within, 3),
            cell_f(&r.median, 1),
        ]);
    }
    file.finish()
}

fn row_json(r: &LevelRow) -> Value {
    json!({
        "service": r.service,
        "title": r.title,
        "unit": r.unit,
        "period": r.period,
        "day_kind": r.day_kind.slug(),
        "promised_days": r.promised_days,
        "cases_submitted": r.submitted.value(),
        "cases_decided": r.decided.value(),
        "decided_within_promise": r.within.value(),
        "median_handling_days": r.median.value(),
    })
}

/// The dataset description (the page says the same for people).
pub fn description(base: &str, modified: &str) -> Value {
    let both = |id: &str| json!({ "sv": t(Lang::Sv, id), "en": t(Lang::En, id) });
    json!({
        "title": both("stats-dataset-title"),
        "description": both("stats-dataset-description"),
        "publisher": "Stockholms stad",
        "license": LICENCE,
        "modified": modified,
        "landing_page": format!("{base}/open-data/service-levels"),
        "distributions": [
            { "title": both("stats-dataset-csv"), "download_url": format!("{base}/open-data/service-levels.csv"), "media_type": "text/csv" },
            { "title": both("stats-dataset-json"), "download_url": format!("{base}/open-data/service-levels.json"), "media_type": "application/json" },
        ],
        "fields": COLUMNS.iter().map(|c| json!({ "name": c, "description": both(&format!("stats-field-{}", c.replace('_', "-"))) })).collect::<Vec<_>>(),
        "suppression": both("stats-dataset-suppression"),
    })
}

use crate::web::open_data_file as file;

fn unavailable(e: DbError) -> Response {
    tracing::error!(error = %e, "service-level open data failed");
    (StatusCode::SERVICE_UNAVAILABLE, "temporarily unavailable").into_response()
}

/// `GET /open-data/service-levels.csv`
pub async fn csv_file(State(s): State<Arc<FormState>>) -> Response {
    match level_rows(&s.store, s.clock.now()).await {
        Ok(rows) => file("text/csv; charset=utf-8", "service-levels.csv", levels_csv(&rows)),
        Err(e) => unavailable(e),
    }
}

/// `GET /open-data/service-levels.json`: the description and the rows.
pub async fn json_file(State(s): State<Arc<FormState>>) -> Response {
    let now = s.clock.now();
    match level_rows(&s.store, now).await {
        Ok(rows) => {
            let modified = crate::ui::format::stockholm_date(now);
            let body = json!({
                "dataset": description(&s.pages.settings.public_url, &modified),
                "rows": rows.iter().map(row_json).collect::<Vec<_>>(),
            });
            file("application/json", "service-levels.json", body.to_string())
        }
        Err(e) => unavailable(e),
    }
}

/// `GET /stats/export.csv?table=services|months|funnel&…`: what the dashboard shows, as CSV
/// (the same filters, the same scope, the same suppression). No personal data; a refusal is
/// audited like the page's.
pub async fn export_csv(
    State(s): State<Arc<FormState>>,
    axum::Extension(ctx): axum::Extension<crate::context::RequestContext>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Response {
    use super::server::{prepare_with, Stop};
    use stadsporten_domain::access::Permission;
    let viewer = crate::web::or_return!(s.viewer(&ctx).await);
    let query = query.unwrap_or_default();
    let p = match prepare_with(&s.store, &ctx, viewer, &query).await {
        Ok(p) => p,
        Err(Stop::NoPermission) => {
            return crate::web::denied(&s, &ctx, "feature", None, Permission::ViewStatistics).await
        }
        Err(Stop::Refused(r)) => {
            return crate::web::denied(&s, &ctx, r.object_type, Some(r.object_id), Permission::ViewStatistics).await
        }
        Err(Stop::Storage(e)) => return s.fail(&ctx, crate::error::AppError::from_storage(e, "stats export")).await,
    };
    let table = stadsporten_domain::catalogue::decode_query_string(&query)
        .unwrap_or_default()
        .into_iter()
        .find(|(k, _)| k == "table")
        .map(|(_, v)| v)
        .unwrap_or_default();
    let figures = if table == "funnel" {
        let Some(info) = p.filters.service.as_deref().and_then(|slug| p.service(slug)).cloned() else {
            return s.pages.error(&ctx, crate::error::AppError::BadArguments).await;
        };
        match s.store.journey_counts(p.filters.period, Some(&info.slug)).await {
            Ok(counts) => {
                let mut file = CsvFile::new(&["service", "from", "to", "stage", "count"], Style::TextQuoted);
                for (stage, n) in super::build::funnel_rows(&info, &counts) {
                    let n = stats::count(n.max(0) as u64).value().map(u64::to_string).unwrap_or_default();
                    file.text_row([
                        info.slug.clone(),
                        p.filters.period.first.to_string(),
                        p.filters.period.last.to_string(),
                        stage,
                        n,
                    ]);
                }
                Ok(("funnel.csv", file.finish()))
            }
            Err(e) => Err(e),
        }
    } else {
        match super::figures::overview(&s.store, &p.scope, &p.filters, &p.services, p.now).await {
            Ok(o) if table == "months" => {
                let mut file = CsvFile::new(&["month", "submitted", "self_service", "decided"], Style::TextQuoted);
                let c = |n: i64| stats::count(n.max(0) as u64).value().map(u64::to_string).unwrap_or_default();
                for (m, (sub, own, dec)) in &o.months {
                    file.text_row([m.to_string(), c(*sub), c(*own), c(*dec)]);
                }
                Ok(("stats-months.csv", file.finish()))
            }
            Ok(o) => {
                let mut file = CsvFile::new(
                    &[
                        "service",
                        "unit",
                        "from",
                        "to",
                        "submitted",
                        "self_service",
                        "decided",
                        "decided_within_promise",
                        "median_handling_days",
                        "day_kind",
                        "satisfaction_answers",
                        "satisfaction_mean",
                        "umux_lite_answers",
                        "umux_lite_mean",
                    ],
                    Style::TextQuoted,
                );
                let c = |n: i64| stats::count(n.max(0) as u64).value().map(u64::to_string).unwrap_or_default();
                for (slug, f) in &o.services {
                    let Some(info) = p.service(slug) else { continue };
                    let mean = |n: u64, sum: f64, sq: f64| {
                        stats::mean_ci(n, sum, sq).value().map(|m| format!("{:.2}", m.mean)).unwrap_or_default()
                    };
                    file.text_row([
                        slug.clone(),
                        info.unit.clone(),
                        p.filters.period.first.to_string(),
                        p.filters.period.last.to_string(),
                        c(f.submitted),
                        c(f.self_service),
                        c(f.decided),
                        cell_f(&stats::share(f.in_time.max(0) as u64, f.decided.max(0) as u64), 3),
                        cell_f(&stats::median(&f.days), 1),
                        info.kind.slug().to_owned(),
                        c(f.survey.n as i64),
                        mean(f.survey.n, f.survey.score_sum, f.survey.score_sq),
                        c(f.survey.umux_n as i64),
                        mean(f.survey.umux_n, f.survey.umux_sum, f.survey.umux_sq),
                    ]);
                }
                Ok(("stats-services.csv", file.finish()))
            }
            Err(e) => Err(e),
        }
    };
    match figures {
        Ok((name, body)) => {
            let mut r = file("text/csv; charset=utf-8", name, body);
            // Staff figures: not for shared caches.
            r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            r.headers_mut().remove(header::ACCESS_CONTROL_ALLOW_ORIGIN);
            r
        }
        Err(e) => s.fail(&ctx, crate::error::AppError::from_storage(e, "stats export")).await,
    }
}

/// `POST /stats/staff-survey`: a staff member's two UMUX-Lite answers about the tool they work
/// in (or "not now"), at most once a quarter. Kept without the person; back to where they were.
pub async fn staff_survey(
    State(s): State<Arc<FormState>>,
    axum::Extension(ctx): axum::Extension<crate::context::RequestContext>,
    axum::Form(pairs): axum::Form<crate::web::Pairs>,
) -> Response {
    let viewer = crate::web::or_return!(s.viewer(&ctx).await);
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    let Some(tool) = super::staff::tool_of(viewer) else {
        return s.pages.error(&ctx, crate::error::AppError::Forbidden).await;
    };
    let back = match get("back") {
        b if b.starts_with('/') && !b.starts_with("//") => b,
        _ => "/".to_owned(),
    };
    let scale = |raw: String| raw.parse::<u8>().ok().filter(|v| (1..=7).contains(v));
    let answer = match (get("action").as_str(), scale(get("useful")), scale(get("easy"))) {
        ("later", _, _) => None,
        (_, Some(u), Some(e)) => Some((u, e)),
        // Half an answer is no answer: asked again next time (nothing recorded).
        _ => return crate::web::see_other(&back),
    };
    let now = s.clock.now();
    let quarter = Month::at(now).quarter_key();
    if let Err(e) = s.store.answer_staff_survey(viewer.user_id, quarter, tool, answer, now).await {
        return s.fail(&ctx, crate::error::AppError::from_storage(e, "staff survey")).await;
    }
    crate::web::see_other(&back)
}

/// This feature's plain routes.
pub fn routes() -> axum::Router<Arc<FormState>> {
    axum::Router::new()
        .route("/open-data/service-levels.csv", axum::routing::get(csv_file))
        .route("/open-data/service-levels.json", axum::routing::get(json_file))
        .route("/stats/export.csv", axum::routing::get(export_csv))
        .route("/stats/staff-survey", axum::routing::post(staff_survey))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppressed_figures_are_empty_cells_not_zero() {
        let row = LevelRow {
            service: "s".into(),
            title: "Titel, med komma".into(),
            unit: "UTB".into(),
            period: "2026-11".into(),
            day_kind: DayKind::Working,
            promised_days: 5,
            submitted: stats::count(12),
            decided: stats::count(3),
            within: stats::share(3, 3),
            median: Figure::Suppressed,
        };
        let csv = levels_csv(&[row]);
        let line = csv.lines().nth(1).unwrap();
        // Quoted like every text field; empty, not 0.
        assert_eq!(line, r#""s","Titel, med komma","UTB","2026-11","working",5,12,"","","""#);
        assert!(csv.starts_with(&COLUMNS.join(",")));
    }
}
