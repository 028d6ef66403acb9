//! Cases as the applicant sees them: Mina ärenden (`/my/cases`), one case with its timeline,
//! conversation, completion requests, decision and withdrawal, and the satisfaction question.
//!
//! Policy: an applicant reaches only their own cases, through their user id from the session;
//! internal notes and internal events never reach these pages (the store filters them, and the
//! view types have no place for notes). Messages and completion answers with files are posted to
//! the server's case routes (`server/src/case_routes.rs`) as multipart.

pub mod access;
mod case_page;
pub mod components;
pub mod display;
mod my_cases_page;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;
pub mod view;

pub use case_page::{DecisionPrintPage, MyCasePage};
pub use components::survey_form;
pub use my_cases_page::MyCasesPage;
pub use server::{answer_survey, my_case, my_cases, withdraw_case};
