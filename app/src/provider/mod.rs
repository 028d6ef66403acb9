//! The provider portal (`/provider`): a provider editor, signed in for their company, keeps their
//! units' facts up to date (description, opening hours, languages, profile, contact, places).
//!
//! Policy: `edit-provider-units` is held for one organisation; every read and write checks it
//! against the unit's operator (`Target::Organisation`), so an editor never reaches another
//! company's units. A change is published at once with a revision (before and after) and an
//! audit entry; the city sees every change and can revert it (`/admin/providers`), and the unit
//! page says who updated it last.
//! - Feedback about a private unit goes to its provider's inbox (`answer-provider-feedback`);
//!   the provider reads what was written, never who wrote it, and answers through the platform,
//!   so the resident is told in Mina sidor. Each read is audited (free text may hold personal data).

mod feedback_page;
mod portal_page;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;
mod unit_edit_page;
pub mod view;

pub use feedback_page::ProviderFeedbackPage;
pub use portal_page::ProviderPage;
pub use unit_edit_page::ProviderUnitPage;
