//! The bundle: one application for every permit an activity needs (issue 6), started from the
//! business guide's result, followed on one status page, coordinated by the business guide team.
//!
//! - `apply_pages`: the task list, shared facts, documents and the check page with the one
//!   submission; each permit's own questions are the form runner's steps (`eservices`).
//! - `status_pages`: `/my/business/{id}` for the entrepreneur; `/officer/bundles[/{id}]` for the
//!   coordinator and the officers of the units involved.
//! - `server`: their server functions; the form posts (facts, documents, submit) are the
//!   server's `bundle_forms` routes. Domain rules: `stadsporten_domain::business::bundle`;
//!   storage: `stadsporten_db` (`bundles`).

mod apply_pages;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;
mod status_pages;
pub mod view;

pub use apply_pages::{BundleApplyPage, BundleCheckPage, BundleDocumentsPage, BundleFactsPage};
pub use status_pages::{BundleStatusPage, OfficerBundlePage, OfficerBundlesPage};
