//! Stadsporten's domain: pure types and rules with no IO, shared by the server and the browser.
//!
//! Policy: parse, don't validate. Every value that crosses a trust boundary (a query string, a form,
//! a database row) becomes a domain type through a `parse` constructor that returns a typed error;
//! code past that point never re-checks it.

pub mod catalogue;
pub mod identity;
pub mod lang;
pub mod search;

pub use catalogue::{
    Audience, CatalogueQuery, Channel, LifeSituation, OperatingMessage, ProviderKind, QueryError, SearchPage,
    ServiceDetails, ServiceSlug, ServiceSummary, Severity,
};
pub use lang::Lang;
