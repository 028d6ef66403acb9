//! A service's level over the last twelve months, as its page shows it.

use crate::ui::chart::{BarChart, ChartView};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The service-level block of a service page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelView {
    pub heading: String,
    /// "We promise a decision within 30 days. Over the last twelve months:"
    pub promise: String,
    /// (label, value): median handling time, share within the promise, cases decided.
    pub facts: Vec<(String, String)>,
    /// Too few cases to show anything.
    pub too_few: Option<String>,
    pub chart: Option<ChartView>,
    pub show_table: String,
    pub open_data: crate::ui::LinkView,
}

/// The block on a service page.
#[component]
pub fn ServiceLevel(level: LevelView) -> impl IntoView {
    let facts = level.facts.into_iter().map(|(l, v)| view! { <div><dt>{l}</dt><dd>{v}</dd></div> }).collect_view();
    let show_table = level.show_table;
    view! {
        <section class="service-level" aria-labelledby="service-level-heading">
            <h2 id="service-level-heading">{level.heading}</h2>
            <p>{level.promise}</p>
            {level.too_few.map(|t| view! { <p class="note">{t}</p> })}
            <dl class="figures">{facts}</dl>
            {level.chart.map(|c| view! { <BarChart chart=c show_table=show_table.clone()/> })}
            <p class="meta"><a href=level.open_data.href>{level.open_data.text}</a></p>
        </section>
    }
}

#[cfg(feature = "ssr")]
pub use build::*;

#[cfg(feature = "ssr")]
mod build {
    use super::LevelView;
    use crate::i18n::{t, ta};
    use crate::ui::chart::{Bar, ChartView, TableView};
    use stadsporten_db::{DbError, ServiceLevelRows, Store};
    use stadsporten_domain::calendar::DayKind;
    use stadsporten_domain::measure::{Month, Period};
    use stadsporten_domain::stats::{self, Figure};
    use stadsporten_domain::Lang;

    /// A number as the language writes it: whole, or with one decimal.
    pub fn number(lang: Lang, v: f64) -> String {
        let s = if (v - v.round()).abs() < 0.05 { format!("{}", v.round() as i64) } else { format!("{v:.1}") };
        match lang {
            Lang::Sv | Lang::Fi => s.replace('.', ","),
            Lang::En | Lang::Ar => s,
        }
    }

    /// A share (0–1) as a whole percentage.
    pub fn percent(lang: Lang, share: f64) -> String {
        ta(lang, "stats-percent", &[("value", ((share * 100.0).round() as i64).into())])
    }

    /// "12 days" or "5 working days".
    pub fn days(lang: Lang, kind: DayKind, v: f64) -> String {
        ta(lang, &format!("stats-days-{}", kind.slug()), &[("days", number(lang, v).into())])
    }

    /// "Nov 2026".
    pub fn month_label(lang: Lang, m: Month) -> String {
        format!("{} {}", t(lang, &format!("stats-month-{}", m.number())), m.year())
    }

    /// The block for a service with a live e-service (`None` otherwise).
    pub async fn service_level(store: &Store, slug: &str, lang: Lang, now: i64) -> Result<Option<LevelView>, DbError> {
        let Some(live) = store.live_definition(slug).await? else { return Ok(None) };
        let def = &live.definition;
        let period = Period::last_twelve(Month::at(now));
        let rows = store.service_level(slug, period).await?;
        Ok(Some(level_view(&rows, period, def.handling_days, def.handling_day_kind, lang)))
    }

    /// The block from a service's rows (pure: what the page shows follows from the figures).
    pub fn level_view(rows: &ServiceLevelRows, period: Period, promised: u32, kind: DayKind, lang: Lang) -> LevelView {
        let decided: i64 = rows.months.values().map(|m| m.decided).sum();
        let in_time: i64 = rows.months.values().map(|m| m.in_time).sum();
        let all: Vec<(i64, u64)> = rows.months.values().flat_map(|m| m.days.iter().copied()).collect();
        let promise =
            ta(lang, &format!("stats-level-promise-{}", kind.slug()), &[("days", i64::from(promised).into())]);
        let mut view = LevelView {
            heading: t(lang, "stats-level-heading"),
            promise,
            facts: Vec::new(),
            too_few: None,
            chart: None,
            show_table: t(lang, "stats-show-table"),
            open_data: crate::ui::LinkView {
                href: "/open-data/service-levels".into(),
                text: t(lang, "stats-level-open-data"),
            },
        };
        let (Figure::Value(median), Figure::Value(share)) =
            (stats::median(&all), stats::share(in_time.max(0) as u64, decided.max(0) as u64))
        else {
            view.too_few = Some(t(lang, "stats-level-too-few"));
            return view;
        };
        view.facts = vec![
            (t(lang, "stats-level-median"), days(lang, kind, median)),
            (t(lang, "stats-level-within"), percent(lang, share)),
            (t(lang, "stats-level-decided"), decided.to_string()),
        ];
        let too_few = t(lang, "stats-too-few-cell");
        let mut bars = Vec::new();
        let mut table = Vec::new();
        for m in period.months() {
            let row = rows.months.get(&m).cloned().unwrap_or_default();
            let median = stats::median(&row.days);
            let share = stats::share(row.in_time.max(0) as u64, row.decided.max(0) as u64);
            let label = month_label(lang, m);
            bars.push(Bar {
                label: t(lang, &format!("stats-month-{}", m.number())),
                value: median.value().copied(),
                shown: median.value().map(|v| number(lang, *v)).unwrap_or_default(),
            });
            table.push(vec![
                label,
                if row.decided >= stats::MIN_COUNT as i64 { row.decided.to_string() } else { too_few.clone() },
                median.value().map(|v| days(lang, kind, *v)).unwrap_or_else(|| too_few.clone()),
                share.value().map(|v| percent(lang, *v)).unwrap_or_else(|| too_few.clone()),
            ]);
        }
        let range = format!("{} – {}", month_label(lang, period.first), month_label(lang, period.last));
        view.chart = Some(ChartView {
            title: t(lang, "stats-level-chart-title"),
            summary: ta(lang, "stats-level-chart-summary", &[("period", range.into())]),
            bars,
            reference: Some((
                f64::from(promised),
                ta(lang, "stats-level-promise-line", &[("days", days(lang, kind, f64::from(promised)).into())]),
            )),
            table: TableView {
                caption: t(lang, "stats-level-table-caption"),
                head: ["stats-col-month", "stats-col-decided", "stats-col-median", "stats-col-within"]
                    .iter()
                    .map(|id| t(lang, id))
                    .collect(),
                rows: table,
            },
        });
        view
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use stadsporten_db::LevelMonth;

        fn m(raw: &str) -> Month {
            Month::parse(raw).unwrap()
        }

        #[test]
        fn a_service_with_few_cases_says_so_and_shows_no_number() {
            let mut rows = ServiceLevelRows::default();
            rows.months.insert(m("2026-11"), LevelMonth { submitted: 4, decided: 4, in_time: 4, days: vec![(3, 4)] });
            let v = level_view(&rows, Period::last_twelve(m("2026-11")), 30, DayKind::Calendar, Lang::Sv);
            assert!(v.too_few.is_some() && v.facts.is_empty() && v.chart.is_none());
        }

        #[test]
        fn the_figures_and_the_table_follow_the_rows() {
            let mut rows = ServiceLevelRows::default();
            rows.months.insert(m("2026-10"), LevelMonth { submitted: 3, decided: 3, in_time: 3, days: vec![(1, 3)] });
            rows.months.insert(
                m("2026-11"),
                LevelMonth {
                    submitted: 6,
                    decided: 6,
                    in_time: 4,
                    days: vec![(2, 1), (5, 2), (10, 1), (31, 1), (40, 1)],
                },
            );
            let v = level_view(&rows, Period::last_twelve(m("2026-11")), 30, DayKind::Working, Lang::Sv);
            let facts: Vec<&str> = v.facts.iter().map(|(_, v)| v.as_str()).collect();
            assert_eq!(facts, ["5 arbetsdagar", "78 %", "9"]);
            let chart = v.chart.unwrap();
            assert_eq!(chart.bars.len(), 12);
            assert_eq!(chart.bars[10].value, None, "October's three cases are too few");
            assert_eq!(chart.bars[11].value, Some(7.5));
            assert_eq!(chart.table.rows[11], ["nov 2026", "6", "7,5 arbetsdagar", "67 %"]);
            assert_eq!(chart.table.rows[10][1], "färre än 5");
        }
    }
}
