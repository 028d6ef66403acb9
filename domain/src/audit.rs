//! The audit trail's vocabulary and its tamper evidence.
//!
//! Policy: an entry says who (actor, the role they used, for whom they acted), did what (action)
//! to which object (type and id), with what outcome, why (a reason where the action needs one),
//! from where (request id, client address) and when (UTC). It never holds a personnummer, a token
//! or a cookie: people are referred to by their user id.
//!
//! Each entry carries `hash = SHA-256(previous hash ‖ the entry's fields)`, so changing, removing
//! or reordering any entry breaks every later link; [`verify_chain`] finds the first broken one.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

slug_enum! {
    /// What was done.
    AuditAction {
        SignIn => "sign-in",
        SignInFailed => "sign-in-failed",
        SignOut => "sign-out",
        SessionExpired => "session-expired",
        AccessDenied => "access-denied",
        /// A staff member read personal data (a person, a case).
        Read => "read",
        Create => "create",
        Update => "update",
        Delete => "delete",
        Export => "export",
        ActFor => "act-for",
        RequestAccess => "request-access",
        ApproveAccess => "approve-access",
        RejectAccess => "reject-access",
        GrantAccess => "grant-access",
        RevokeAccess => "revoke-access",
        ConfirmAccess => "confirm-access",
        CompleteReview => "complete-review",
        EndSessions => "end-sessions",
        DisableUser => "disable-user",
        EnableUser => "enable-user",
        VerifyEmail => "verify-email",
        Import => "import",
        Revert => "revert",
    }
}

slug_enum! {
    /// How it ended.
    Outcome {
        Success => "success",
        Denied => "denied",
        Failed => "failed",
    }
}

/// One entry as written. Times are unix seconds (UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: i64,
    pub actor_id: Option<i64>,
    pub acting_for: Option<String>,
    pub role: Option<String>,
    pub action: AuditAction,
    pub object_type: String,
    pub object_id: Option<String>,
    pub outcome: Outcome,
    pub reason: Option<String>,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
}

/// SHA-256 of a secret token, hex: what is stored of one-time links (e-mail confirmation), so a
/// copy of the database cannot be used to follow them.
pub fn sha256_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The entry's hash, chained to the previous one. Fields are length-prefixed so no two different
/// entries serialise to the same bytes.
pub fn chain_hash(previous: &str, seq: i64, e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    let mut field = |s: &str| {
        h.update((s.len() as u64).to_be_bytes());
        h.update(s.as_bytes());
    };
    field(previous);
    field(&seq.to_string());
    field(&e.at.to_string());
    field(&e.actor_id.map(|a| a.to_string()).unwrap_or_default());
    field(e.acting_for.as_deref().unwrap_or(""));
    field(e.role.as_deref().unwrap_or(""));
    field(e.action.slug());
    field(&e.object_type);
    field(e.object_id.as_deref().unwrap_or(""));
    field(e.outcome.slug());
    field(e.reason.as_deref().unwrap_or(""));
    field(e.request_id.as_deref().unwrap_or(""));
    field(e.client_addr.as_deref().unwrap_or(""));
    let digest = h.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A stored entry with its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainedEntry {
    pub seq: i64,
    pub entry: AuditEntry,
    pub prev_hash: String,
    pub hash: String,
}

/// The first place where the chain does not hold, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChainBreak {
    /// Entry `seq` does not point at the hash of the entry before it (removed or reordered).
    Link { seq: i64 },
    /// Entry `seq` was changed after it was written.
    Content { seq: i64 },
    /// A number in the sequence is missing.
    Gap { after: i64 },
}

/// Checks entries in sequence order, starting after `previous` (the genesis hash for the whole
/// trail). Returns the number checked or the first break.
pub fn verify_chain<'a>(
    previous: &str,
    entries: impl IntoIterator<Item = &'a ChainedEntry>,
) -> Result<u64, ChainBreak> {
    let mut prev = previous.to_owned();
    let mut last_seq: Option<i64> = None;
    let mut n = 0;
    for c in entries {
        if let Some(last) = last_seq {
            if c.seq != last + 1 {
                return Err(ChainBreak::Gap { after: last });
            }
        }
        if c.prev_hash != prev {
            return Err(ChainBreak::Link { seq: c.seq });
        }
        if chain_hash(&prev, c.seq, &c.entry) != c.hash {
            return Err(ChainBreak::Content { seq: c.seq });
        }
        prev = c.hash.clone();
        last_seq = Some(c.seq);
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(action: AuditAction, object_id: &str) -> AuditEntry {
        AuditEntry {
            at: 1_790_000_000,
            actor_id: Some(3),
            acting_for: None,
            role: Some("case-officer".into()),
            action,
            object_type: "case".into(),
            object_id: Some(object_id.into()),
            outcome: Outcome::Success,
            reason: None,
            request_id: Some("r-1".into()),
            client_addr: Some("127.0.0.1".into()),
        }
    }

    fn chain(n: i64) -> Vec<ChainedEntry> {
        let mut prev = GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let e = entry(AuditAction::Read, &seq.to_string());
                let hash = chain_hash(&prev, seq, &e);
                let c = ChainedEntry { seq, entry: e, prev_hash: prev.clone(), hash: hash.clone() };
                prev = hash;
                c
            })
            .collect()
    }

    #[test]
    fn an_untouched_chain_verifies() {
        assert_eq!(verify_chain(GENESIS, &chain(5)), Ok(5));
        assert_eq!(verify_chain(GENESIS, &[]), Ok(0));
    }

    #[test]
    fn a_changed_entry_is_found() {
        let mut c = chain(5);
        c[2].entry.outcome = Outcome::Denied;
        assert_eq!(verify_chain(GENESIS, &c), Err(ChainBreak::Content { seq: 3 }));
    }

    #[test]
    fn a_removed_entry_is_found() {
        let mut c = chain(5);
        c.remove(2);
        assert_eq!(verify_chain(GENESIS, &c), Err(ChainBreak::Gap { after: 2 }));
        // Renumbering to hide the gap breaks the link instead.
        for (i, e) in c.iter_mut().enumerate() {
            e.seq = i as i64 + 1;
        }
        assert_eq!(verify_chain(GENESIS, &c), Err(ChainBreak::Link { seq: 3 }));
    }

    #[test]
    fn fields_cannot_be_shifted_between_columns() {
        let mut a = entry(AuditAction::Read, "12");
        let mut b = a.clone();
        a.object_type = "case1".into();
        a.object_id = Some("2".into());
        b.object_type = "case".into();
        assert_ne!(chain_hash(GENESIS, 1, &a), chain_hash(GENESIS, 1, &b));
    }
}
