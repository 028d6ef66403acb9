//! Information security: the rules behind issue 21.
//!
//! - [`classification`]: the four-level scale (KLASSA-style) of confidentiality, integrity and
//!   availability, and the controls each level turns on — the one table the code enforces and
//!   the README and `docs/security.md` print.
//! - [`assurance`]: the e-ID's level of assurance (the `acr` claim) and what a level requires.
//! - [`protected`]: protected personal data (sekretessmarkering, skyddad folkbokföring): what is
//!   hidden from staff without a specific grant.
//! - [`incident`]: the security-incident register's vocabulary, its forms and the supervisory
//!   authority's 72-hour clock.
//! - [`rate`]: which requests are rate limited, by what key and how fast.
//! - [`csp`]: CSP violation reports, read and reduced to what may be logged.

pub mod assurance;
pub mod classification;
pub mod csp;
pub mod incident;
pub mod protected;
pub mod rate;
