//! The case officer's work (`/officer`): the queue of their units' cases and each case with its
//! actions — take, assign, start, request completion, decide, close — notes and messages.
//!
//! Policy: see `server`. Bulk assignment and the CSV export are plain routes in the server
//! (`server/src/officer_routes.rs`), as they carry lists and files rather than a page.

pub mod actions;
mod case_page;
mod queue_page;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;
pub mod view;

pub use case_page::OfficerCasePage;
pub use queue_page::OfficerQueuePage;
pub use server::{officer_act, officer_case, officer_queue};
