//! Information security (issue 21): the information owners' classifications and the controls
//! they turn on (`/admin/classification`), the security-incident register with the supervisory
//! authority's 72-hour clock (`/incidents`), and the grants to see a protected person's contact
//! details (`/admin/protected`).
//!
//! - `pages.rs`, `server.rs`, `view.rs`: the pages and their server functions.
//! - `routes.rs`: every write, and the register's export (with a stated reason).
//!
//! Rules in `domain/src/security/` (the control table, levels of assurance, protected personal
//! data, the incident forms and clock, rate-limit classes), storage in `db/src/security.rs`. The
//! controls themselves are enforced where they apply: files in `web/uploads.rs` and
//! `web/crypto.rs`, notifications in the server's `notify.rs`, exports in `officer/routes.rs`,
//! the staff time-out and the level of assurance in the server's sign-in and session, protected
//! persons in `cases/` and `officer/`.

pub mod pages;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;
pub mod view;

pub use pages::{ClassificationPage, IncidentPage, IncidentsPage, NewIncidentPage, ProtectedGrantsPage};
