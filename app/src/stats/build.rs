//! The `/stats` views from the figures (server only): every number translated and formatted,
//! small counts shown as "fewer than 5", and each chart with its table.

use super::figures::{Overview, ServiceInfo};
use super::levels::{days, level_view, month_label, number, percent};
use super::server::{visible_units, Prepared};
use super::view::{Choice, DashboardView, FilterForm, LinkTable, ReportView, ServiceStatsView};
use crate::i18n::{t, ta};
use crate::ui::chart::{Bar, ChartView, TableView};
use crate::ui::LinkView;
use stadsporten_db::{JourneyCount, ServiceLevelRows, StaffSums, SurveySums};
use stadsporten_domain::measure::{CaseChannel, JourneyKind};
use stadsporten_domain::stats::{self, Figure, MeanCi};
use stadsporten_domain::Lang;
use std::collections::BTreeMap;

/// A count, or "fewer than 5".
fn count(lang: Lang, n: i64) -> String {
    match stats::count(n.max(0) as u64) {
        Figure::Value(v) => v.to_string(),
        Figure::Suppressed => t(lang, "stats-too-few-cell"),
    }
}

fn share_text(lang: Lang, part: i64, total: i64) -> String {
    match stats::share(part.max(0) as u64, total.max(0) as u64) {
        Figure::Value(v) => percent(lang, v),
        Figure::Suppressed => t(lang, "stats-too-few-cell"),
    }
}

/// "4.2 (3.2–5.2)"
fn mean_text(lang: Lang, ci: Figure<MeanCi>) -> String {
    match ci {
        Figure::Value(c) => ta(
            lang,
            "stats-mean-ci",
            &[
                ("mean", number(lang, c.mean).into()),
                ("low", number(lang, c.low).into()),
                ("high", number(lang, c.high).into()),
            ],
        ),
        Figure::Suppressed => t(lang, "stats-too-few-cell"),
    }
}

fn score_ci(s: &SurveySums) -> Figure<MeanCi> {
    stats::mean_ci(s.n, s.score_sum, s.score_sq).map(|c| MeanCi { low: c.low.max(1.0), high: c.high.min(5.0), ..c })
}

fn umux_ci(n: u64, sum: f64, sq: f64) -> Figure<MeanCi> {
    stats::mean_ci(n, sum, sq).map(|c| MeanCi { low: c.low.max(0.0), high: c.high.min(100.0), ..c })
}

/// Every service's answers together.
fn survey_total(o: &Overview) -> SurveySums {
    o.services.values().fold(SurveySums::default(), |mut all, s| {
        all.add(&s.survey);
        all
    })
}

/// A month's bar of a count (none under five).
fn count_bar(lang: Lang, m: stadsporten_domain::measure::Month, n: i64) -> Bar {
    let shown = stats::count(n.max(0) as u64);
    Bar {
        label: t(lang, &format!("stats-month-{}", m.number())),
        value: shown.value().map(|v| *v as f64),
        shown: shown.value().map(u64::to_string).unwrap_or_default(),
    }
}

fn period_text(p: &Prepared) -> String {
    format!("{} – {}", month_label(p.lang, p.filters.period.first), month_label(p.lang, p.filters.period.last))
}

fn form(p: &Prepared, action: &str) -> FilterForm {
    FilterForm {
        action: action.to_owned(),
        from: p.filters.period.first.to_string(),
        to: p.filters.period.last.to_string(),
        units: visible_units(p)
            .into_iter()
            .map(|u| Choice { value: u.code.to_string(), label: u.name(p.lang).to_owned() })
            .collect(),
        unit: p.filters.unit.clone(),
        services: p
            .services
            .iter()
            .filter(|s| p.scope.covers(&s.unit))
            .map(|s| Choice { value: s.slug.clone(), label: s.title.clone() })
            .collect(),
        service: p.filters.service.clone(),
    }
}

fn notices(p: &Prepared) -> Vec<String> {
    p.filters.notices.iter().map(|id| t(p.lang, id)).collect()
}

fn link(href: String, lang: Lang, id: &str) -> LinkView {
    LinkView { href, text: t(lang, id) }
}

fn channel_table(lang: Lang, channels: &std::collections::HashMap<CaseChannel, i64>, caption: &str) -> TableView {
    let total: i64 = channels.values().sum();
    TableView {
        caption: t(lang, caption),
        head: ["stats-col-channel", "stats-col-cases", "stats-col-share"].iter().map(|id| t(lang, id)).collect(),
        rows: CaseChannel::ALL
            .iter()
            .map(|c| {
                let n = channels.get(c).copied().unwrap_or(0);
                vec![t(lang, &format!("stats-channel-{}", c.slug())), count(lang, n), share_text(lang, n, total)]
            })
            .collect(),
    }
}

/// `/stats`.
pub fn dashboard(p: &Prepared, o: &Overview) -> DashboardView {
    let lang = p.lang;
    let (submitted, own, decided): (i64, i64, i64) =
        o.months.values().fold((0, 0, 0), |(a, b, c), (s, o, d)| (a + s, b + o, c + d));
    let in_time: i64 = o.services.values().map(|s| s.in_time).sum();
    let survey = survey_total(o);
    let change = match (stats::share(own as u64, submitted as u64), stats::share(p_own(o), p_total(o))) {
        (Figure::Value(now), Figure::Value(before)) => ta(
            lang,
            "stats-change-points",
            &[("points", format!("{:+}", ((now - before) * 100.0).round() as i64).into())],
        ),
        _ => t(lang, "stats-change-unknown"),
    };
    let (open, overdue): (i64, i64) = o.backlogs.iter().fold((0, 0), |(a, b), x| (a + x.open, b + x.overdue));
    let key_figures = vec![
        (t(lang, "stats-key-submitted"), count(lang, submitted)),
        (t(lang, "stats-key-decided"), count(lang, decided)),
        (t(lang, "stats-level-within"), share_text(lang, in_time, decided)),
        (t(lang, "stats-key-digital"), format!("{} ({change})", share_text(lang, own, submitted))),
        (t(lang, "stats-key-satisfaction"), mean_text(lang, score_ci(&survey))),
        (t(lang, "stats-key-umux"), mean_text(lang, umux_ci(survey.umux_n, survey.umux_sum, survey.umux_sq))),
        (
            t(lang, "stats-key-backlog"),
            ta(lang, "stats-backlog-text", &[("open", open.into()), ("overdue", overdue.into())]),
        ),
    ];
    let months: Vec<_> = o.months.iter().collect();
    let volume = ChartView {
        title: t(lang, "stats-volume-title"),
        summary: ta(lang, "stats-volume-summary", &[("period", period_text(p).into())]),
        bars: months.iter().map(|(m, (s, _, _))| count_bar(lang, **m, *s)).collect(),
        reference: None,
        table: TableView {
            caption: t(lang, "stats-volume-table"),
            head: ["stats-col-month", "stats-col-submitted", "stats-col-decided", "stats-col-digital"]
                .iter()
                .map(|id| t(lang, id))
                .collect(),
            rows: months
                .iter()
                .map(|(m, (s, own, d))| {
                    vec![month_label(lang, **m), count(lang, *s), count(lang, *d), share_text(lang, *own, *s)]
                })
                .collect(),
        },
    };
    let digital = ChartView {
        title: t(lang, "stats-digital-title"),
        summary: ta(lang, "stats-digital-summary", &[("period", period_text(p).into())]),
        bars: months
            .iter()
            .map(|(m, (s, own, _))| {
                let share = stats::share(*own as u64, *s as u64);
                Bar {
                    label: t(lang, &format!("stats-month-{}", m.number())),
                    value: share.value().map(|v| v * 100.0),
                    shown: share.value().map(|v| percent(lang, *v)).unwrap_or_default(),
                }
            })
            .collect(),
        reference: None,
        table: TableView {
            caption: t(lang, "stats-digital-table"),
            head: ["stats-col-month", "stats-col-submitted", "stats-col-digital"]
                .iter()
                .map(|id| t(lang, id))
                .collect(),
            rows: months
                .iter()
                .map(|(m, (s, own, _))| vec![month_label(lang, **m), count(lang, *s), share_text(lang, *own, *s)])
                .collect(),
        },
    };
    let query = p.filters.query();
    let services = LinkTable {
        caption: t(lang, "stats-services-table"),
        head: [
            "stats-col-service",
            "stats-col-unit",
            "stats-col-submitted",
            "stats-col-decided",
            "stats-col-median",
            "stats-col-within",
            "stats-col-digital",
        ]
        .iter()
        .map(|id| t(lang, id))
        .collect(),
        rows: o
            .services
            .iter()
            .filter_map(|(slug, f)| {
                let info = p.service(slug)?;
                let median = match stats::median(&f.days) {
                    Figure::Value(m) => days(lang, info.kind, m),
                    Figure::Suppressed => t(lang, "stats-too-few-cell"),
                };
                Some((
                    LinkView { href: format!("/stats/services/{slug}?{query}"), text: info.title.clone() },
                    vec![
                        p.unit_name(&info.unit),
                        count(lang, f.submitted),
                        count(lang, f.decided),
                        median,
                        share_text(lang, f.in_time, f.decided),
                        share_text(lang, f.self_service, f.submitted),
                    ],
                ))
            })
            .collect(),
    };
    let units = TableView {
        caption: t(lang, "stats-units-table"),
        head: ["stats-col-unit", "stats-col-submitted", "stats-col-decided", "stats-col-within", "stats-col-digital"]
            .iter()
            .map(|id| t(lang, id))
            .collect(),
        rows: o
            .units
            .iter()
            .map(|(code, f)| {
                vec![
                    p.unit_name(code),
                    count(lang, f.submitted),
                    count(lang, f.decided),
                    share_text(lang, f.in_time, f.decided),
                    share_text(lang, f.self_service, f.submitted),
                ]
            })
            .collect(),
    };
    let satisfaction = TableView {
        caption: t(lang, "stats-satisfaction-table"),
        head: [
            "stats-col-service",
            "stats-col-answers",
            "stats-col-satisfaction",
            "stats-col-umux-answers",
            "stats-col-umux",
        ]
        .iter()
        .map(|id| t(lang, id))
        .collect(),
        rows: o
            .services
            .iter()
            .filter(|(_, f)| f.survey.n > 0)
            .filter_map(|(slug, f)| {
                let s = &f.survey;
                Some(vec![
                    p.service(slug)?.title.clone(),
                    count(lang, s.n as i64),
                    mean_text(lang, score_ci(s)),
                    count(lang, s.umux_n as i64),
                    mean_text(lang, umux_ci(s.umux_n, s.umux_sum, s.umux_sq)),
                ])
            })
            .collect(),
    };
    let backlog = TableView {
        caption: t(lang, "stats-backlog-table"),
        head: ["stats-col-unit", "stats-col-open", "stats-col-overdue", "stats-col-paused"]
            .iter()
            .map(|id| t(lang, id))
            .collect(),
        // Today's open cases per unit: their own officers see them by name in the queue, so the
        // counts here are shown whole.
        rows: o
            .backlogs
            .iter()
            .map(|b| vec![p.unit_name(&b.unit_code), b.open.to_string(), b.overdue.to_string(), b.paused.to_string()])
            .collect(),
    };
    DashboardView {
        title: t(lang, "stats-title"),
        intro: t(lang, "stats-intro"),
        form: form(p, "/stats"),
        notices: notices(p),
        period: period_text(p),
        key_figures,
        volume,
        services,
        units,
        satisfaction,
        channels: channel_table(lang, &o.channels, "stats-channels-table"),
        digital,
        backlog,
        downloads: vec![
            link(format!("/stats/export.csv?table=services&{query}"), lang, "stats-csv-services"),
            link(format!("/stats/export.csv?table=months&{query}"), lang, "stats-csv-months"),
            link(format!("/stats/report?{}", report_query(p)), lang, "stats-report-link"),
        ],
        show_table: t(lang, "stats-show-table"),
    }
}

fn p_own(o: &Overview) -> u64 {
    o.previous.1.max(0) as u64
}

fn p_total(o: &Overview) -> u64 {
    o.previous.0.max(0) as u64
}

fn report_query(p: &Prepared) -> String {
    let mut q = format!("year={}", p.filters.period.last.year());
    if let Some(u) = &p.filters.unit {
        q.push_str(&format!("&unit={u}"));
    }
    if let Some(s) = &p.filters.service {
        q.push_str(&format!("&service={s}"));
    }
    q
}

/// `/stats/services/{slug}`: the journey step by step, the fields that trip people up, devices,
/// and the service level over the period.
pub fn service_stats(
    p: &Prepared,
    info: &ServiceInfo,
    counts: &[JourneyCount],
    devices: &[(String, String, i64)],
    rows: &ServiceLevelRows,
    survey: &SurveySums,
) -> ServiceStatsView {
    let lang = p.lang;
    let n = |kind: JourneyKind, detail: &str| {
        counts.iter().filter(|c| c.kind == kind && c.detail == detail).map(|c| c.n).sum::<i64>()
    };
    let mut stages: Vec<(String, i64)> = vec![(t(lang, "stats-stage-start"), n(JourneyKind::Start, ""))];
    for (id, title) in &info.steps {
        stages.push((ta(lang, "stats-stage-step", &[("step", title.clone().into())]), n(JourneyKind::Step, id)));
    }
    stages.push((t(lang, "stats-stage-check"), n(JourneyKind::Check, "")));
    stages.push((t(lang, "stats-stage-submitted"), n(JourneyKind::Submitted, "")));
    let started = stages.first().map_or(0, |s| s.1);
    let funnel = ChartView {
        title: t(lang, "stats-funnel-title"),
        summary: ta(lang, "stats-funnel-summary", &[("period", period_text(p).into())]),
        bars: stages
            .iter()
            .enumerate()
            .map(|(i, (_, v))| Bar {
                label: (i + 1).to_string(),
                value: stats::count(*v as u64).value().map(|x| *x as f64),
                shown: stats::count(*v as u64).value().map(u64::to_string).unwrap_or_default(),
            })
            .collect(),
        reference: None,
        table: TableView {
            caption: t(lang, "stats-funnel-table"),
            head: ["stats-col-stage", "stats-col-reached", "stats-col-of-started", "stats-col-lost"]
                .iter()
                .map(|id| t(lang, id))
                .collect(),
            rows: stages
                .iter()
                .enumerate()
                .map(|(i, (label, v))| {
                    let lost = if i == 0 { String::new() } else { count(lang, (stages[i - 1].1 - v).max(0)) };
                    vec![format!("{}. {label}", i + 1), count(lang, *v), share_text(lang, *v, started), lost]
                })
                .collect(),
        },
    };
    let mut errors: Vec<(&str, i64)> =
        counts.iter().filter(|c| c.kind == JourneyKind::FieldError).map(|c| (c.detail.as_str(), c.n)).collect();
    errors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let errors = TableView {
        caption: t(lang, "stats-errors-table"),
        head: ["stats-col-field", "stats-col-refusals"].iter().map(|id| t(lang, id)).collect(),
        rows: errors
            .into_iter()
            .take(10)
            .map(|(field, n)| vec![info.fields.get(field).cloned().unwrap_or_else(|| field.to_owned()), count(lang, n)])
            .collect(),
    };
    let devices = TableView {
        caption: t(lang, "stats-devices-table"),
        head: ["stats-col-channel", "stats-col-device", "stats-col-started"].iter().map(|id| t(lang, id)).collect(),
        rows: devices
            .iter()
            .map(|(c, d, n)| {
                vec![t(lang, &format!("stats-channel-{c}")), t(lang, &format!("stats-device-{d}")), count(lang, *n)]
            })
            .collect(),
    };
    let level = level_view(rows, p.filters.period, info.promised, info.kind, lang);
    let mut key_figures = level.facts.clone();
    if key_figures.is_empty() {
        key_figures.push((t(lang, "stats-level-decided"), t(lang, "stats-too-few-cell")));
    }
    key_figures.push((t(lang, "stats-key-saved"), count(lang, n(JourneyKind::Saved, ""))));
    key_figures.push((t(lang, "stats-key-abandoned"), count(lang, n(JourneyKind::Abandoned, ""))));
    key_figures.push((t(lang, "stats-key-satisfaction"), mean_text(lang, score_ci(survey))));
    key_figures
        .push((t(lang, "stats-key-umux"), mean_text(lang, umux_ci(survey.umux_n, survey.umux_sum, survey.umux_sq))));
    let query = p.filters.query();
    ServiceStatsView {
        title: info.title.clone(),
        back: LinkView {
            href: format!("/stats?from={}&to={}", p.filters.period.first, p.filters.period.last),
            text: t(lang, "stats-back"),
        },
        form: FilterForm {
            units: Vec::new(),
            services: Vec::new(),
            ..form(p, &format!("/stats/services/{}", info.slug))
        },
        notices: notices(p),
        period: period_text(p),
        key_figures,
        funnel,
        errors,
        devices,
        level: level.chart.unwrap_or_else(|| ChartView {
            title: t(lang, "stats-level-chart-title"),
            summary: t(lang, "stats-level-too-few"),
            bars: Vec::new(),
            reference: None,
            table: TableView { caption: t(lang, "stats-level-table-caption"), head: Vec::new(), rows: Vec::new() },
        }),
        downloads: vec![
            link(format!("/stats/export.csv?table=funnel&{query}"), lang, "stats-csv-funnel"),
            link(format!("/stats/report?{}", report_query(p)), lang, "stats-report-link"),
        ],
        show_table: t(lang, "stats-show-table"),
    }
}

/// The funnel's rows for the CSV export: stage id, reached.
pub fn funnel_rows(info: &ServiceInfo, counts: &[JourneyCount]) -> Vec<(String, i64)> {
    let n = |kind: JourneyKind, detail: &str| {
        counts.iter().filter(|c| c.kind == kind && c.detail == detail).map(|c| c.n).sum::<i64>()
    };
    let mut out = vec![("start".to_owned(), n(JourneyKind::Start, ""))];
    out.extend(info.steps.iter().map(|(id, _)| (format!("step:{id}"), n(JourneyKind::Step, id))));
    out.push(("check".into(), n(JourneyKind::Check, "")));
    out.push(("submitted".into(), n(JourneyKind::Submitted, "")));
    out.push(("saved".into(), n(JourneyKind::Saved, "")));
    out.push(("abandoned".into(), n(JourneyKind::Abandoned, "")));
    out.extend(
        counts.iter().filter(|c| c.kind == JourneyKind::FieldError).map(|c| (format!("error:{}", c.detail), c.n)),
    );
    out
}

/// `/stats/report`: the yearly value report.
pub fn report(
    p: &Prepared,
    year: u32,
    this: &Overview,
    last: &Overview,
    staff: &BTreeMap<String, StaffSums>,
    (manual, digital): (u32, u32),
) -> ReportView {
    let lang = p.lang;
    let total = |o: &Overview| o.channels.values().sum::<i64>();
    let own = |o: &Overview| o.services.values().map(|s| s.self_service).sum::<i64>();
    let (n, m) = (total(this), own(this));
    let change = match (stats::share(m as u64, n as u64), stats::share(own(last) as u64, total(last) as u64)) {
        (Figure::Value(a), Figure::Value(b)) => {
            ta(lang, "stats-change-points", &[("points", format!("{:+}", ((a - b) * 100.0).round() as i64).into())])
        }
        _ => t(lang, "stats-change-unknown"),
    };
    let decided: i64 = this.services.values().map(|s| s.decided).sum();
    let in_time: i64 = this.services.values().map(|s| s.in_time).sum();
    let survey = survey_total(this);
    // Each self-service case saves the difference between handling it by hand and digitally.
    let saved_hours = (m.max(0) as f64) * f64::from(manual.saturating_sub(digital)) / 60.0;
    let time_saved = ta(
        lang,
        "stats-report-time-saved",
        &[
            ("hours", number(lang, saved_hours.round()).into()),
            ("cases", m.into()),
            ("manual", i64::from(manual).into()),
            ("digital", i64::from(digital).into()),
        ],
    );
    let key_figures = vec![
        (t(lang, "stats-key-submitted"), count(lang, n)),
        (t(lang, "stats-key-digital"), format!("{} ({change})", share_text(lang, m, n))),
        (t(lang, "stats-level-within"), share_text(lang, in_time, decided)),
        (t(lang, "stats-key-satisfaction"), mean_text(lang, score_ci(&survey))),
        (t(lang, "stats-key-umux"), mean_text(lang, umux_ci(survey.umux_n, survey.umux_sum, survey.umux_sq))),
        (
            t(lang, "stats-key-time-saved"),
            ta(lang, "stats-hours", &[("hours", number(lang, saved_hours.round()).into())]),
        ),
    ];
    let services = TableView {
        caption: t(lang, "stats-report-services"),
        head: [
            "stats-col-service",
            "stats-col-submitted",
            "stats-col-digital",
            "stats-col-median",
            "stats-col-within",
            "stats-col-satisfaction",
            "stats-col-umux",
        ]
        .iter()
        .map(|id| t(lang, id))
        .collect(),
        rows: this
            .services
            .iter()
            .filter_map(|(slug, f)| {
                let info = p.service(slug)?;
                Some(vec![
                    info.title.clone(),
                    count(lang, f.submitted),
                    share_text(lang, f.self_service, f.submitted),
                    match stats::median(&f.days) {
                        Figure::Value(v) => days(lang, info.kind, v),
                        Figure::Suppressed => t(lang, "stats-too-few-cell"),
                    },
                    share_text(lang, f.in_time, f.decided),
                    mean_text(lang, score_ci(&f.survey)),
                    mean_text(lang, umux_ci(f.survey.umux_n, f.survey.umux_sum, f.survey.umux_sq)),
                ])
            })
            .collect(),
    };
    let staff = TableView {
        caption: t(lang, "stats-report-staff"),
        head: ["stats-col-tool", "stats-col-answers", "stats-col-umux"].iter().map(|id| t(lang, id)).collect(),
        rows: ["case-handling", "contact-centre"]
            .iter()
            .map(|tool| {
                let s = staff.get(*tool).cloned().unwrap_or_default();
                vec![
                    t(lang, &format!("stats-tool-{tool}")),
                    count(lang, s.n as i64),
                    mean_text(lang, umux_ci(s.n, s.umux_sum, s.umux_sq)),
                ]
            })
            .collect(),
    };
    let scope = match (&p.filters.service, &p.filters.unit) {
        (Some(s), _) => p.service(s).map_or(s.clone(), |i| i.title.clone()),
        (None, Some(u)) => p.unit_name(u),
        (None, None) => t(lang, "stats-report-platform"),
    };
    let years: Vec<Choice> = (year.saturating_sub(4)..=stadsporten_domain::measure::Month::at(p.now).year())
        .rev()
        .map(|y| Choice { value: y.to_string(), label: y.to_string() })
        .collect();
    ReportView {
        title: ta(lang, "stats-report-title", &[("year", i64::from(year).into())]),
        subtitle: scope,
        intro: t(lang, "stats-report-intro"),
        form: form(p, "/stats/report"),
        years,
        year: year.to_string(),
        notices: notices(p),
        key_figures,
        channels: channel_table(lang, &this.channels, "stats-report-channels"),
        services,
        time_saved,
        staff,
        method: [
            "stats-method-cases",
            "stats-method-level",
            "stats-method-satisfaction",
            "stats-method-time",
            "stats-method-staff",
        ]
        .iter()
        .map(|id| t(lang, id))
        .collect(),
        print: t(lang, "stats-report-print"),
    }
}
