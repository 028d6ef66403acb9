//! Compare providers (`/compare`): the city's and private preschools, schools, elderly-care homes
//! and home-care providers, filtered, sorted and side by side, and from there straight into the
//! application with the unit pre-selected.
//!
//! The comparison is public information: its server functions need no sign-in and read no
//! personal data, so they authorise nothing and log nothing. Bad or unknown filters and unit ids
//! never fail a page: they are left out with a translated notice (domain `compare::query`).
//! Every value is shown with its year and N, with a warning under the configured thresholds, and
//! "no data" instead of a zero.

mod compare_page;
mod components;
mod open_data_page;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;
mod side_by_side_page;
mod unit_page;
pub mod view;

pub use compare_page::ComparePage;
pub use open_data_page::OpenDataPage;
pub use side_by_side_page::SideBySidePage;
pub use unit_page::UnitPage;
