//! The contact centre (kontaktcenter, `/contact`): every contact an errand, every look-up with a
//! reason the person sees, no call left unanswered.
//!
//! - `pages.rs`, `server.rs`, `view.rs`: the live board, a new errand and an errand's timeline,
//!   the look-up and its person (status summaries only), the call-back queue and one call-back,
//!   the staff and unit directory, the figures (`/contact/figures`, CSV); and Mina sidor's errands and look-ups (`MyContacts`).
//! - `routes.rs`: every write (an errand, a look-up, a claim, a try, an availability).
//! - `telephony.rs`: the telephony platform's signed call events.
//!
//! Rules in `domain/src/contact_centre/` (the vocabulary, the errand form, the call-back
//! deadline, the events' signature), storage in `db/src/contact_centre.rs`.
//!
//! Policy: see each module. In short: agents need `handle-contacts` (and `look-up-caller` to look
//! up); an agent opens a person only through their own look-up with a reason, within the hour;
//! a person's cases are shown as statuses, never their contents; every write is audited with it.

pub mod pages;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;
#[cfg(feature = "ssr")]
pub mod telephony;
pub mod view;

pub use pages::{
    CallbackPage, CallbacksPage, ContactBoardPage, ContactFiguresPage, DirectoryPage, ErrandPage, LookupPage,
    MyContacts, NewErrandPage, PersonPage,
};

/// The e-service a hand-over files: a question to the unit.
pub const INQUIRY_SERVICE: &str = "fraga-till-staden";
/// The e-service a view or complaint files.
pub const FEEDBACK_SERVICE: &str = "synpunkter-och-klagomal";
