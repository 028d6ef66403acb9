//! The single window for entrepreneurs (`/business`): a guide that asks about the activity and
//! derives every permit and notification it needs from the city's rules (versioned data, domain
//! `business::guide`), with a printable checklist.
//!
//! The guide is public and needs no sign-in: its server function reads only the rules and the
//! catalogue, never personal data, so it authorises nothing and logs nothing. The answers travel
//! in the URL (plain GET forms, no JavaScript, a result that can be bookmarked or shared); a
//! hand-edited or stale link never fails a page — unknown answers are left out with a notice.

mod checklist_page;
mod components;
mod guide_page;
pub mod server;
pub mod view;

pub use checklist_page::ChecklistPage;
pub use guide_page::BusinessGuidePage;
