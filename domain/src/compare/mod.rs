//! Compare providers ("Jämför service"): the city's and private providers' preschools, schools,
//! elderly-care homes and home-care providers, described by the same facts and quality indicators.
//!
//! Policy:
//! - Honesty before ranking: a value is always shown with its year and base (N) and, for surveys,
//!   the response rate; a small base or a low response rate is flagged ([`indicator::Caution`]),
//!   and a missing value is "no data", never a zero.
//! - Indicators are data (definitions with translated names stored in the database), so a new
//!   national indicator is an import, not a release.
//! - Everything a visitor types in a URL is parsed leniently for comparing: an unknown or bad
//!   filter is dropped with a notice naming it ([`query::Notice`]) and the rest of the page works.
//! - Import files are parsed strictly: every problem names the row and the field, and an import
//!   with any problem stores nothing ([`import`]).

pub mod district;
/// The provider data's files need the `csv` feature (server side only).
#[cfg(feature = "csv")]
pub mod export;
#[cfg(feature = "csv")]
pub mod import;
pub mod indicator;
pub mod query;
pub mod unit;

pub use district::{District, GeoPoint};
pub use indicator::{Caution, IndicatorDef, IndicatorKey, Measure, Observation, Thresholds};
pub use query::{CompareQuery, Notice, SideBySideQuery, SortKey, MAX_SIDE_BY_SIDE};
pub use unit::{OpeningHours, OperatorType, Profile, ProviderUnitId, SpokenLanguage, UnitFacts, UnitKind};
