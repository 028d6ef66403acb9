//! The figures: how the city kept its promises, and how its e-services are used.
//!
//! - `levels.rs`: a service's level over the last twelve months (median handling time, the share
//!   decided within the promise, the cases, the trend), built from the roll-ups
//!   (`db/src/figures.rs`) with the domain's arithmetic (`domain/src/stats.rs`); shown on every
//!   service page with an e-service.
//! - `open_data_page.rs` and `routes.rs`: every service's levels as open data (CSV and JSON, CC0),
//!   described like the providers' data set.
//! - `/stats` for those who answer for the services (`pages.rs`, `server.rs`, `build.rs`, scope
//!   and filters in `figures.rs`): volumes, service levels, satisfaction, the digital share and
//!   backlogs; one e-service's journey step by step; the yearly value report; CSV exports.
//! - `staff.rs`: the staff's two questions about their tool, once a quarter.
//!
//! Policy: a figure built on fewer than five cases or answers is not shown ("too few"), never
//! zero; no figure names or counts a person.

#[cfg(feature = "ssr")]
mod build;
#[cfg(feature = "ssr")]
pub mod figures;
pub mod levels;
mod open_data_page;
mod pages;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;
pub mod staff;
pub mod view;

pub use levels::{LevelView, ServiceLevel};
pub use open_data_page::ServiceLevelsOpenDataPage;
pub use pages::{ReportPage, ServiceStatsPage, StatsPage};
pub use staff::StaffSurvey;
