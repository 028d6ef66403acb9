//! Stadsporten's domain: pure types and rules with no IO, shared by the server and the browser.
//!
//! Policy: parse, don't validate. Every value that crosses a trust boundary (a query string, a form,
//! a database row) becomes a domain type through a `parse` constructor that returns a typed error;
//! code past that point never re-checks it.

/// An enum whose values have stable slugs (URLs, the database, fluent ids).
macro_rules! slug_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $slug:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable slug used in URLs, the database and fluent message ids.
            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            /// Parses a slug; unknown slugs are `None`.
            pub fn parse(slug: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.slug() == slug)
            }
        }
    };
}

pub mod access;
pub mod api;
pub mod audit;
pub mod business;
pub mod calendar;
pub mod catalogue;
pub mod compare;
pub mod contact;
pub mod contact_centre;
pub mod content;
#[cfg(feature = "csv")]
pub mod csv;
pub mod date;
pub mod eservice;
pub mod identity;
pub mod ids;
pub mod lang;
pub mod measure;
pub mod organisation;
pub mod redirect;
pub mod search;
pub mod security;
pub mod session;
pub mod stats;

pub use catalogue::{
    Audience, CatalogueQuery, Channel, LifeSituation, OperatingMessage, ProviderKind, QueryError, SearchPage,
    ServiceDetails, ServiceSlug, ServiceSummary, Severity,
};
pub use ids::{AttachmentId, BundleDraftId, BundleId, CaseId, DefinitionId, DraftId, DraftToken, UserId};
pub use lang::Lang;
