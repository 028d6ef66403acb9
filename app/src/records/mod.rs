//! Records: what the city keeps about a person and for how long, and their copy of it.
//!
//! - `pages.rs`, `server.rs`: `/my/data`, what Stadsporten holds about the signed-in person (how
//!   much of each kind), why, for how long and on which legal basis, the downloads, and where to
//!   ask for a correction.
//! - `routes.rs`: the register extract's downloads, `/my/data/extract.json` and `.html`.
//! - `extract.rs`: the extract itself (GDPR article 15) and its readable form.
//!
//! Storage in `db/src/records.rs`. Policy: only the signed-in person's own records, never as
//! staff; every download is in the audit trail (an export, with its format) before it goes out.

#[cfg(feature = "ssr")]
pub mod extract;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;

pub use pages::MyDataPage;
