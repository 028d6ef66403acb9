//! The city's API for its other systems (`/api/v1`): what a machine client may do (its scopes), how
//! it proves who it is (client credentials, bearer tokens), and how a long list is paged (cursors).
//!
//! Policy:
//! - A client is registered with the scopes it may ever have; a token carries the scopes asked for
//!   at issue, never more than the client's. `cases:write:{unit}` includes `cases:read:{unit}`:
//!   a unit's own case system that updates a case must also be able to read it.
//! - Secrets and tokens are random (256 bits) and stored only as SHA-256: a copy of the database
//!   lets nobody call the API. Nothing here is a password a person chose, so no slow hash is
//!   needed.
//! - A cursor is opaque to the client and names the last row it saw by `(updated_at, id)`: a page
//!   never repeats or skips a row, also while rows change between pages (a changed row moves to
//!   the end, where a client following changes finds it again).

pub mod cursor;
pub mod scope;
pub mod webhook;

pub use cursor::Cursor;
pub use scope::{Scope, ScopeError, Scopes};

use crate::eservice::CaseNumber;

/// How long a bearer token lives (RFC 6749 `expires_in`).
pub const TOKEN_SECONDS: i64 = 3600;

/// The most rows a list answers at once, and the default.
pub const MAX_PAGE: usize = 200;
pub const DEFAULT_PAGE: usize = 50;

/// What is stored of a client secret or a token.
pub fn secret_hash(secret: &str) -> String {
    crate::audit::sha256_hex(secret)
}

/// A client id: 3 to 64 lower-case letters, digits and hyphens (it appears in the audit trail).
pub fn valid_client_id(id: &str) -> bool {
    (3..=64).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// The page size asked for, within bounds (`None`: the default).
pub fn page_size(asked: Option<usize>) -> Result<usize, String> {
    match asked {
        None => Ok(DEFAULT_PAGE),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(_) => Err(format!("limit must be between 1 and {MAX_PAGE}")),
    }
}

/// A case number as it appears in an API path: `SBK-2026-00123` for `SBK 2026/00123` (the
/// displayed form has a space and a slash).
pub fn case_ref(number: &CaseNumber) -> String {
    format!("{}-{}-{:05}", number.unit, number.year, number.seq)
}

/// Reads a case number from an API path: exactly `UNIT-YYYY-SEQ` (the OpenAPI document's
/// pattern `^[A-Z0-9]{2,8}-[2-9][0-9]{3}-0{0,8}[1-9][0-9]{0,8}$`), nothing looser.
pub fn parse_case_ref(raw: &str) -> Option<CaseNumber> {
    let mut parts = raw.splitn(3, '-');
    let (unit, year, seq) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unit_ok = (2..=8).contains(&unit.len()) && unit.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let year_ok = year.len() == 4 && digits(year) && year.as_bytes()[0] >= b'2';
    let significant = seq.trim_start_matches('0');
    let seq_ok = digits(seq) && (1..=9).contains(&significant.len()) && seq.len() - significant.len() <= 8;
    if !(unit_ok && year_ok && seq_ok) {
        return None;
    }
    CaseNumber::parse(&format!("{unit} {year}/{significant}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_number_has_a_form_for_paths() {
        let n = CaseNumber::parse("SBK 2026/00123").unwrap();
        assert_eq!(case_ref(&n), "SBK-2026-00123");
        assert_eq!(parse_case_ref("SBK-2026-00123"), Some(n.clone()));
        assert_eq!(parse_case_ref("SBK-2026-123"), Some(n.clone()));
        assert_eq!(parse_case_ref("SBK-2026-00000000123"), Some(n));
        for bad in [
            "",
            "SBK",
            "SBK-2026",
            "sbk-2026-00123",
            "SBK-26-1",
            "SBK-2026-0",
            "SBK-2026-x",
            "SBK-2026-00123-1",
            "../SBK-2026-1",
            "SBK 2026/00123",
            "SBK-1999-1",
            "SBK-2026-000000000123",
            "SBK-2026-1234567890",
            " SBK-2026-1",
            "SBK-2026-+1",
            "SBKSBKSBK-2026-1",
        ] {
            assert_eq!(parse_case_ref(bad), None, "{bad}");
        }
    }

    #[test]
    fn secrets_are_stored_only_as_their_hash() {
        let a = "k8Qm2r0c1vN5yXw3ZsT7uJ9pL4bH6gF0eD2aC1xV8nM";
        assert_eq!(secret_hash(a).len(), 64);
        assert_ne!(secret_hash(a), a);
        assert_eq!(secret_hash(a), secret_hash(a));
    }

    #[test]
    fn client_ids_are_plain_names() {
        assert!(valid_client_id("sbk-arendesystem"));
        for bad in ["", "ab", "SBK", "sbk system", "-sbk", "sbk_1", &"a".repeat(65)] {
            assert!(!valid_client_id(bad), "{bad}");
        }
    }

    #[test]
    fn a_page_is_between_one_and_the_maximum() {
        assert_eq!(page_size(None), Ok(DEFAULT_PAGE));
        assert_eq!(page_size(Some(1)), Ok(1));
        assert_eq!(page_size(Some(MAX_PAGE)), Ok(MAX_PAGE));
        assert!(page_size(Some(0)).is_err());
        assert!(page_size(Some(MAX_PAGE + 1)).is_err());
    }
}
