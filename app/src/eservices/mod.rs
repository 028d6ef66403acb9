//! The form runner: an e-service's start page → one step per page (saved as a draft on the server
//! at every step) → check your answers → declaration → receipt.
//!
//! Policy:
//! - Everything works without JavaScript: plain forms, post/redirect/get, errors in a summary and
//!   beside each field with the typed values kept (see `flash`).
//! - The pages are Leptos routes; the posts go to the server's form routes (`/forms/…`, in
//!   `server/src/forms.rs`), because a step's fields are defined by data and files travel as
//!   multipart. Both sides share the loading and authorisation helpers in `server`.
//! - A draft belongs to the person who started it; its answers are validated by the domain's
//!   rules at every step and all again at submission.

mod check_page;
pub mod fields;
mod receipt_page;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;
mod start_page;
mod step_page;
pub mod view;

pub use crate::cases::components::answer_sections;
pub use crate::cases::display;
pub use check_page::{ApplyCheckPage, ApplyDeclarationPage};
pub use receipt_page::ReceiptPage;
pub use server::{discard_draft, load_check, load_receipt, load_start, load_step, resume_href, start_application};
pub use start_page::ApplyStartPage;
pub use step_page::ApplyStepPage;
