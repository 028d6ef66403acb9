//! Identifiers and tokens, one type each, so a case id cannot be passed where a user id is meant.
//!
//! Policy: a database row id is a 64-bit integer in storage and in URLs, and a distinct type in the
//! code between them. The types are `Copy`, print and parse as the bare number (URLs, forms and
//! JSON are unchanged: serde sees the number), and are made only where an id enters — a row read
//! (`new`), a path or form value (`FromStr`, serde) — never by arithmetic. Draft tokens are the
//! unguessable capability in a draft's URL; their type keeps them out of `Debug` output and logs.
//! With the `sqlx` feature (the `db` crate only; the WebAssembly never compiles sqlx) each type binds
//! and reads as its bare column, so queries take and give the typed value.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! row_id {
    ($($(#[$meta:meta])* $name:ident;)+) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
        pub struct $name(i64);

        impl $name {
            /// The id of a row as storage gave it.
            pub const fn new(raw: i64) -> Self {
                Self(raw)
            }

            /// The number, for binding in a query or writing in a URL.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map(Self)
            }
        }
    )+};
}

row_id! {
    /// A case (`cases.id`): one application to one unit, from the applicant's e-service or a bundle.
    CaseId;
    /// A bundle (`bundles.id`): one entrepreneur's application for every permit an activity needs.
    BundleId;
    /// A signed-in person or staff member (`users.id`).
    UserId;
    /// A resident's draft of one e-service application (`drafts.id`).
    DraftId;
    /// An entrepreneur's draft of a bundle (`bundle_drafts.id`).
    BundleDraftId;
    /// One published version of an e-service definition (`definitions.id`).
    DefinitionId;
    /// An uploaded file (`attachments.id`).
    AttachmentId;
    /// A contact with the contact centre (`errands.id`): a call, an e-mail, a visit, a chat, a letter.
    ErrandId;
    /// A promise to call someone back (`callbacks.id`).
    CallbackId;
}

/// The unguessable token in a draft's URL (an e-service draft or a bundle draft). Holding it is not
/// enough to open the draft — the owner check still applies — but it is never logged.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "sqlx", derive(sqlx::Type), sqlx(transparent))]
pub struct DraftToken(String);

impl DraftToken {
    /// A token from a URL path or a form.
    pub fn new(raw: impl Into<String>) -> Self {
        Self(raw.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Has the shape of a token the portal makes (64 hex digits: 32 random bytes). A path that
    /// does not is answered "not found" without a database read.
    pub fn is_well_formed(&self) -> bool {
        self.0.len() == 64 && self.0.bytes().all(|b| b.is_ascii_hexdigit())
    }
}

impl fmt::Debug for DraftToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DraftToken(…)")
    }
}

impl fmt::Display for DraftToken {
    /// The token itself: for the draft's URL, which only its owner's pages write.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_print_and_parse_as_the_bare_number_and_serialise_as_one() {
        let id: CaseId = "42".parse().unwrap();
        assert_eq!(id, CaseId::new(42));
        assert_eq!(id.to_string(), "42");
        assert_eq!(serde_json::to_string(&id).unwrap(), "42");
        assert_eq!(serde_json::from_str::<CaseId>("42").unwrap(), id);
        assert!("4x".parse::<UserId>().is_err());
    }

    #[test]
    fn a_draft_token_stays_out_of_debug_output() {
        let t = DraftToken::new("secret-capability");
        assert_eq!(format!("{t:?}"), "DraftToken(…)");
        assert_eq!(t.as_str(), "secret-capability");
        assert!(!t.is_well_formed());
        assert!(DraftToken::new("0123456789abcdef".repeat(4)).is_well_formed());
        assert!(!DraftToken::new("0123456789abcdef".repeat(4) + "0").is_well_formed());
    }
}
