//! The service catalogue: start page, searchable catalogue, service pages.
//!
//! The catalogue is public information: its server functions need no sign-in and read no personal
//! data, so they authorise nothing and log no personal-data access. They still parse every input
//! into domain types and answer malformed input with a 400 and a translated explanation.

mod catalogue_page;
mod components;
mod server;
mod service_page;
mod start_page;
pub mod view_model;

pub use catalogue_page::CataloguePage;
pub use server::{catalogue_results, catalogue_results_html, service_page, start_page};
pub use service_page::{service_article, ServicePage};
pub use start_page::StartPage;
