//! Server functions of `/stats`: the overview, one e-service's journey, the yearly value report.
//!
//! Policy: only for those with `view-statistics`, scoped to their units (`figures.rs`); a unit or
//! service outside the scope is refused and audited; unknown filters give a notice. The figures
//! hold no personal data, so reading them is not an audited read of personal data.

use super::view::{DashboardView, ReportView, ServiceStatsView};
use crate::error::AppError;
use leptos::prelude::*;

/// `/stats` with the raw query string (`from`, `to`, `unit`, `service`).
#[server(prefix = "/api", endpoint = "stats/overview", input = server_fn::codec::GetUrl)]
pub async fn load_dashboard(query: String) -> Result<DashboardView, AppError> {
    let p = ssr::prepare(&query).await?;
    let o = super::figures::overview(&p.store, &p.scope, &p.filters, &p.services, p.now).await?;
    Ok(super::build::dashboard(&p, &o))
}

/// `/stats/services/{slug}` with the raw query string (`from`, `to`).
#[server(prefix = "/api", endpoint = "stats/service", input = server_fn::codec::GetUrl)]
pub async fn load_service_stats(slug: String, query: String) -> Result<ServiceStatsView, AppError> {
    use stadsporten_domain::measure::JourneyKind;
    // The path's service first: a `service` in the query does not override it (the first wins).
    let query = format!("service={}&{query}", stadsporten_domain::catalogue::encode_component(&slug));
    let p = ssr::prepare(&query).await?;
    let Some(info) = p.services.iter().find(|s| Some(&s.slug) == p.filters.service.as_ref()).cloned() else {
        return Err(AppError::NotFound.respond());
    };
    let counts = p.store.journey_counts(p.filters.period, Some(&info.slug)).await?;
    let devices = p.store.journey_devices(p.filters.period, JourneyKind::Start, Some(&info.slug)).await?;
    let rows = p.store.service_level(&info.slug, p.filters.period).await?;
    let survey = p.store.survey_sums(p.filters.period).await?.remove(&info.slug).unwrap_or_default();
    Ok(super::build::service_stats(&p, &info, &counts, &devices, &rows, &survey))
}

/// `/stats/report` with the raw query string (`year`, `unit`, `service`).
#[server(prefix = "/api", endpoint = "stats/report", input = server_fn::codec::GetUrl)]
pub async fn load_report(query: String) -> Result<ReportView, AppError> {
    use stadsporten_domain::measure::{Month, Period};
    let settings = use_context::<crate::context::ServiceSettings>().ok_or(AppError::Internal)?;
    // The year replaces `from` and `to`: the report covers a calendar year (this year so far).
    let pairs = stadsporten_domain::catalogue::decode_query_string(&query).unwrap_or_default();
    let now_year = Month::at(crate::context::current().now).year();
    let asked = pairs.iter().find(|(k, _)| k == "year").map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    let year = asked.parse::<u32>().ok().filter(|y| (2000..=now_year).contains(y));
    let mut rest: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "unit" || k == "service")
        .map(|(k, v)| format!("{k}={}", stadsporten_domain::catalogue::encode_component(v)))
        .collect();
    let y = year.unwrap_or(now_year);
    rest.push(format!("from={y}-01&to={y}-12"));
    let mut p = ssr::prepare(&rest.join("&")).await?;
    if year.is_none() && !asked.is_empty() {
        p.filters.notices.push("stats-unknown-year");
    }
    let this = super::figures::overview(&p.store, &p.scope, &p.filters, &p.services, p.now).await?;
    let mut before = p.filters.clone();
    before.period = Period::year(y - 1).unwrap_or(before.period.previous());
    let last = super::figures::overview(&p.store, &p.scope, &before, &p.services, p.now).await?;
    let staff = p.store.staff_survey_sums(i64::from(y) * 10 + 1, i64::from(y) * 10 + 4).await?;
    Ok(super::build::report(&p, y, &this, &last, &staff, (settings.minutes_manual, settings.minutes_digital)))
}

#[cfg(feature = "ssr")]
pub use ssr::*;

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::figures::{read_filters, services, Filters, ServiceInfo, StatsScope};
    use crate::error::AppError;
    use stadsporten_db::{Store, Unit};
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::{AuditAction, Outcome};
    use stadsporten_domain::Lang;

    /// What every `/stats` page starts from.
    pub struct Prepared {
        pub store: Store,
        pub lang: Lang,
        pub now: i64,
        pub scope: StatsScope,
        pub services: Vec<ServiceInfo>,
        pub units: Vec<Unit>,
        pub filters: Filters,
    }

    impl Prepared {
        pub fn unit_name(&self, code: &str) -> String {
            self.units
                .iter()
                .find(|u| u.code.as_str() == code)
                .map_or(code.to_owned(), |u| u.name(self.lang).to_owned())
        }

        pub fn service(&self, slug: &str) -> Option<&ServiceInfo> {
            self.services.iter().find(|s| s.slug == slug)
        }
    }

    /// Why a `/stats` request stops before its figures.
    pub enum Stop {
        /// The viewer may see no figures at all.
        NoPermission,
        /// A unit or service outside the viewer's scope.
        Refused(super::super::figures::Refused),
        Storage(stadsporten_db::DbError),
    }

    /// The viewer's scope and the checked filters (for pages and plain routes alike).
    pub async fn prepare_with(
        store: &Store,
        ctx: &crate::context::RequestContext,
        viewer: &crate::context::Viewer,
        query: &str,
    ) -> Result<Prepared, Stop> {
        let scope = StatsScope::of(viewer).ok_or(Stop::NoPermission)?;
        let services = services(store, ctx.lang).await.map_err(Stop::Storage)?;
        let units = store.units().await.map_err(Stop::Storage)?;
        let codes: Vec<String> = units.iter().map(|u| u.code.to_string()).collect();
        let pairs = stadsporten_domain::catalogue::decode_query_string(query).unwrap_or_default();
        let filters = read_filters(&pairs, &scope, &services, &codes, ctx.now).map_err(Stop::Refused)?;
        Ok(Prepared { store: store.clone(), lang: ctx.lang, now: ctx.now, scope, services, units, filters })
    }

    /// [`prepare_with`] in a server function: a refusal is audited and answered 403.
    pub async fn prepare(query: &str) -> Result<Prepared, AppError> {
        let viewer = crate::auth::signed_in()?;
        let ctx = crate::context::current();
        let store = crate::context::store()?;
        match prepare_with(&store, &ctx, &viewer, query).await {
            Ok(p) => Ok(p),
            Err(Stop::NoPermission) => {
                crate::auth::require(Permission::ViewStatistics, &Target::AnyObject).await?;
                Err(AppError::Forbidden.respond())
            }
            Err(Stop::Refused(refused)) => {
                crate::auth::record(
                    AuditAction::AccessDenied,
                    refused.object_type,
                    Some(refused.object_id),
                    Outcome::Denied,
                    None,
                    Some(Permission::ViewStatistics.slug().into()),
                )
                .await?;
                Err(AppError::Forbidden.respond())
            }
            Err(Stop::Storage(e)) => Err(e.into()),
        }
    }

    /// The scope's units for a choice list.
    pub fn visible_units(p: &Prepared) -> Vec<&Unit> {
        p.units.iter().filter(|u| p.scope.covers(u.code.as_str())).collect()
    }
}
