//! What `/stats` shows, worked out once for the pages and the CSV export (server only): who may
//! see which units, the filters read from the query, and the figures gathered from the roll-ups.
//!
//! Policy:
//! - Scope: an administrator sees every unit; a service owner or a case officer the units where
//!   they hold `view-statistics`. Asking for a unit (or a service of a unit) outside that is
//!   refused and audited; a filter that names nothing known, or a period that does not parse,
//!   gives the page with a notice and the default instead — never an error page.
//! - Every figure here comes from the roll-ups (`db/src/figures.rs`): no case is read.

use crate::context::Viewer;
use stadsporten_db::{Backlog, DbError, Store, SurveySums};
use stadsporten_domain::access::{Permission, Scope as GrantScope};
use stadsporten_domain::calendar::DayKind;
use stadsporten_domain::measure::{parse_period, CaseChannel, Month, Period};
use std::collections::BTreeMap;

/// The units a viewer may see figures of: `None` for every unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatsScope {
    pub units: Option<Vec<String>>,
}

impl StatsScope {
    /// The viewer's scope, or `None` when they may see no figures at all.
    pub fn of(viewer: &Viewer) -> Option<StatsScope> {
        let grants = &viewer.principal.grants;
        if grants.iter().any(|g| g.role.may(Permission::ViewStatistics) && g.scope == GrantScope::Everywhere) {
            return Some(StatsScope { units: None });
        }
        let units: Vec<String> =
            viewer.principal.units_with(Permission::ViewStatistics).into_iter().map(|u| u.to_string()).collect();
        (!units.is_empty()).then_some(StatsScope { units: Some(units) })
    }

    pub fn covers(&self, unit: &str) -> bool {
        self.units.as_ref().is_none_or(|us| us.iter().any(|u| u == unit))
    }
}

/// A live e-service as the figures name it.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceInfo {
    pub slug: String,
    pub unit: String,
    pub title: String,
    pub promised: u32,
    pub kind: DayKind,
    /// Step ids in order, with their titles; and field ids with their labels.
    pub steps: Vec<(String, String)>,
    pub fields: BTreeMap<String, String>,
}

/// The filters of one request, after checking.
#[derive(Debug, Clone, PartialEq)]
pub struct Filters {
    pub period: Period,
    pub unit: Option<String>,
    pub service: Option<String>,
    /// Fluent ids of notices: a filter that was not used, and why.
    pub notices: Vec<&'static str>,
    /// The raw `from` and `to`, as typed (shown back in the form).
    pub from: String,
    pub to: String,
}

impl Filters {
    /// The units the figures cover: the chosen one, else the scope's.
    pub fn units(&self, scope: &StatsScope) -> Option<Vec<String>> {
        match &self.unit {
            Some(u) => Some(vec![u.clone()]),
            None => scope.units.clone(),
        }
    }

    /// The query string for links that keep the filters.
    pub fn query(&self) -> String {
        let mut q = format!("from={}&to={}", self.period.first, self.period.last);
        if let Some(u) = &self.unit {
            q.push_str(&format!("&unit={u}"));
        }
        if let Some(s) = &self.service {
            q.push_str(&format!("&service={s}"));
        }
        q
    }
}

/// A refused filter: what was asked for (for the audit trail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub object_type: &'static str,
    pub object_id: String,
}

/// The live e-services, with their texts in `lang`.
pub async fn services(store: &Store, lang: stadsporten_domain::Lang) -> Result<Vec<ServiceInfo>, DbError> {
    let defs = store.live_definitions().await?;
    let mut out: Vec<ServiceInfo> = defs
        .iter()
        .map(|d| {
            let def = &d.definition;
            ServiceInfo {
                slug: d.slug.clone(),
                unit: d.unit_code.clone(),
                title: def.title.get(lang).to_owned(),
                promised: def.handling_days,
                kind: def.handling_day_kind,
                steps: def.steps.iter().map(|s| (s.id.clone(), s.title.get(lang).to_owned())).collect(),
                fields: def.fields().map(|f| (f.id.clone(), f.label.get(lang).to_owned())).collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| a.title.cmp(&b.title));
    Ok(out)
}

/// Reads `from`, `to`, `unit` and `service` from a query.
pub fn read_filters(
    pairs: &[(String, String)],
    scope: &StatsScope,
    services: &[ServiceInfo],
    units: &[String],
    now: i64,
) -> Result<Filters, Refused> {
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    let (from, to) = (get("from"), get("to"));
    let (period, problem) = parse_period(&from, &to, Month::at(now));
    let mut notices: Vec<&'static str> = problem.map(|p| p.code()).into_iter().collect();
    let unit = match get("unit") {
        u if u.is_empty() => None,
        u if !units.contains(&u) => {
            notices.push("stats-unknown-unit");
            None
        }
        u if !scope.covers(&u) => return Err(Refused { object_type: "unit", object_id: u }),
        u => Some(u),
    };
    let service = match get("service") {
        s if s.is_empty() => None,
        s => match services.iter().find(|x| x.slug == s) {
            None => {
                notices.push("stats-unknown-service");
                None
            }
            Some(x) if !scope.covers(&x.unit) => return Err(Refused { object_type: "service", object_id: s }),
            Some(_) => Some(s),
        },
    };
    Ok(Filters { period, unit, service, notices, from, to })
}

/// One service's figures over the period.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceFigures {
    pub submitted: i64,
    pub self_service: i64,
    pub decided: i64,
    pub in_time: i64,
    pub days: Vec<(i64, u64)>,
    pub survey: SurveySums,
}

/// Everything the overview shows.
#[derive(Debug, Clone, Default)]
pub struct Overview {
    /// Per month: submitted, of them self-service, decided.
    pub months: BTreeMap<Month, (i64, i64, i64)>,
    pub services: BTreeMap<String, ServiceFigures>,
    /// Per unit (the cases' receiving unit): the same counts as per service, without answers.
    pub units: BTreeMap<String, ServiceFigures>,
    pub channels: std::collections::HashMap<CaseChannel, i64>,
    pub backlogs: Vec<Backlog>,
    /// Submitted and self-service in the period before (for the change in the digital share).
    pub previous: (i64, i64),
}

/// The overview's figures for the filters.
pub async fn overview(
    store: &Store,
    scope: &StatsScope,
    f: &Filters,
    services: &[ServiceInfo],
    now: i64,
) -> Result<Overview, DbError> {
    let units = f.units(scope);
    let keep = |slug: &str| f.service.as_deref().is_none_or(|s| s == slug);
    let mut o = Overview::default();
    for m in f.period.months() {
        o.months.insert(m, (0, 0, 0));
    }
    for r in store.case_totals_by_month(f.period, units.as_deref(), f.service.as_deref()).await? {
        let e = o.months.entry(r.month).or_default();
        e.0 += r.submitted;
        e.1 += if r.channel.is_self_service() { r.submitted } else { 0 };
        e.2 += r.decided;
    }
    for r in store.case_totals_by_service(f.period, units.as_deref()).await? {
        if !keep(&r.service_slug) {
            continue;
        }
        let own = if r.channel.is_self_service() { r.submitted } else { 0 };
        for s in
            [o.services.entry(r.service_slug.clone()).or_default(), o.units.entry(r.unit_code.clone()).or_default()]
        {
            s.submitted += r.submitted;
            s.self_service += own;
            s.decided += r.decided;
            s.in_time += r.in_time;
        }
        *o.channels.entry(r.channel).or_default() += r.submitted;
    }
    for (slug, days) in store.handling_histograms(f.period, units.as_deref()).await? {
        if keep(&slug) {
            o.services.entry(slug).or_default().days = days;
        }
    }
    // Answers are per service: kept for the services whose unit is in view.
    let in_view = |slug: &str| {
        keep(slug) && services.iter().any(|s| s.slug == slug && units.as_ref().is_none_or(|us| us.contains(&s.unit)))
    };
    for (slug, sums) in store.survey_sums(f.period).await? {
        if in_view(&slug) {
            o.services.entry(slug).or_default().survey = sums;
        }
    }
    for r in store.case_totals_by_month(f.period.previous(), units.as_deref(), f.service.as_deref()).await? {
        o.previous.0 += r.submitted;
        o.previous.1 += if r.channel.is_self_service() { r.submitted } else { 0 };
    }
    o.backlogs = store.backlogs(now, units.as_deref()).await?;
    Ok(o)
}
