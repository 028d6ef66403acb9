//! The back office's access administration (`/admin/access`) and the audit trail (`/admin/audit`).
//!
//! Policy: staff access is granted formally — who, why, from when, until when — and only as needed.
//! A unit's service owner decides requests for and reviews the grants of their own unit; the
//! administrator grants and revokes anywhere, manages users, and is told about overdue reviews;
//! nobody decides their own request. Auditors read the trail and grant nothing.
//! E-service definitions are versioned and published under `/admin/services`; comparison data is
//! imported and providers' changes reviewed under `/admin/providers`.

mod access_page;
mod audit_page;
#[cfg(feature = "ssr")]
mod exports;
mod providers_page;
pub mod providers_server;
#[cfg(feature = "ssr")]
pub mod routes;
mod server;
mod services_page;
pub mod services_server;

pub use access_page::{AccessPage, ReviewPage};
pub use audit_page::AuditPage;
pub use providers_page::ProvidersAdminPage;
pub use server::*;
pub use services_page::{ServicePreviewPage, ServicesAdminPage};
pub use services_server::{definition_preview, publish_definition, services_overview};
