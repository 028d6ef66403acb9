//! The audit trail's vocabulary and its tamper evidence.
//!
//! Policy: an entry says who (actor, the role they used, for whom they acted), did what (action)
//! to which object (type and id), with what outcome, why (a reason where the action needs one),
//! from where (request id, client address) and when (UTC). It never holds a personnummer, a token
//! or a cookie: people are referred to by their user id.
//!
//! Each entry carries `hash = HMAC-SHA-256(key, previous hash ‖ sequence number ‖ the entry's
//! fields)` with a key from configuration, so changing, removing or reordering any entry breaks
//! every later link, and nobody without the key can rebuild the chain after an edit;
//! [`verify_chain`] finds the first broken link. Entries sealed before the key was introduced keep
//! their plain SHA-256 links (from `keyed_from` on, every link is keyed). Once a day the head is
//! written down as a signed [`checkpoint_signature`], so a chain cut short or rebuilt is found too.

use crate::ids::UserId;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The secret that keys the chain and signs its checkpoints. Never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct AuditKey(Vec<u8>);

impl AuditKey {
    /// The key for development and tests only (configuration refuses it in production).
    pub const DEVELOPMENT: &'static str = "development-only-audit-chain-key-do-not-use-in-production";

    /// A key from configured text: at least 32 bytes.
    pub fn parse(secret: &str) -> Option<AuditKey> {
        (secret.len() >= 32).then(|| AuditKey(secret.as_bytes().to_vec()))
    }

    pub fn development() -> AuditKey {
        AuditKey(Self::DEVELOPMENT.as_bytes().to_vec())
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC takes a key of any length; `new_from_slice` cannot fail for it.
        <Hmac<Sha256> as Mac>::new_from_slice(&self.0).unwrap_or_else(|_| unreachable!("HMAC accepts any key length"))
    }
}

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(…)")
    }
}

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
        /// Content made public now, or scheduled to be (the reason says which version and when).
        Publish => "publish",
        Unpublish => "unpublish",
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
    pub actor_id: Option<UserId>,
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

/// The entry's link before the chain was keyed: plain SHA-256, chained to the previous one. Kept
/// to verify entries sealed before `keyed_from`.
pub fn chain_hash(previous: &str, seq: i64, e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    feed(&mut |b| h.update(b), previous, seq, e);
    hex(&h.finalize())
}

/// The entry's keyed link, chained to the previous one.
pub fn chain_mac(key: &AuditKey, previous: &str, seq: i64, e: &AuditEntry) -> String {
    let mut m = key.mac();
    feed(&mut |b| m.update(b), previous, seq, e);
    hex(&m.finalize().into_bytes())
}

/// The link of entry `seq`: keyed from `keyed_from` on.
pub fn link(key: &AuditKey, keyed_from: i64, previous: &str, seq: i64, e: &AuditEntry) -> String {
    if seq >= keyed_from {
        chain_mac(key, previous, seq, e)
    } else {
        chain_hash(previous, seq, e)
    }
}

/// The signature of a checkpoint: the head (`seq`, `hash`) as it stood on `day`.
pub fn checkpoint_signature(key: &AuditKey, day: &str, seq: i64, hash: &str) -> String {
    let mut m = key.mac();
    for s in ["checkpoint", day, &seq.to_string(), hash] {
        m.update(&(s.len() as u64).to_be_bytes());
        m.update(s.as_bytes());
    }
    hex(&m.finalize().into_bytes())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Fields are length-prefixed so no two different entries serialise to the same bytes.
fn feed(update: &mut dyn FnMut(&[u8]), previous: &str, seq: i64, e: &AuditEntry) {
    let mut field = |s: &str| {
        update(&(s.len() as u64).to_be_bytes());
        update(s.as_bytes());
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
    /// A checkpoint's signature does not hold, or the chain at its sequence number is not what was
    /// signed that day (the chain was rebuilt or cut short).
    Checkpoint { day: String },
}

/// Checks entries in sequence order, starting after `previous` (the genesis hash for the whole
/// trail), with links keyed from `keyed_from` on. Returns the number checked or the first break.
pub fn verify_chain<'a>(
    key: &AuditKey,
    keyed_from: i64,
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
        if link(key, keyed_from, &prev, c.seq, &c.entry) != c.hash {
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
            actor_id: Some(UserId::new(3)),
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

    fn key() -> AuditKey {
        AuditKey::development()
    }

    /// A chain of `n` entries, keyed from entry 1.
    fn chain(n: i64) -> Vec<ChainedEntry> {
        chain_keyed_from(n, 1)
    }

    fn chain_keyed_from(n: i64, keyed_from: i64) -> Vec<ChainedEntry> {
        let mut prev = GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let e = entry(AuditAction::Read, &seq.to_string());
                let hash = link(&key(), keyed_from, &prev, seq, &e);
                let c = ChainedEntry { seq, entry: e, prev_hash: prev.clone(), hash: hash.clone() };
                prev = hash;
                c
            })
            .collect()
    }

    #[test]
    fn an_untouched_chain_verifies() {
        assert_eq!(verify_chain(&key(), 1, GENESIS, &chain(5)), Ok(5));
        assert_eq!(verify_chain(&key(), 1, GENESIS, &[]), Ok(0));
    }

    #[test]
    fn a_changed_entry_is_found() {
        let mut c = chain(5);
        c[2].entry.outcome = Outcome::Denied;
        assert_eq!(verify_chain(&key(), 1, GENESIS, &c), Err(ChainBreak::Content { seq: 3 }));
    }

    #[test]
    fn a_removed_entry_is_found() {
        let mut c = chain(5);
        c.remove(2);
        assert_eq!(verify_chain(&key(), 1, GENESIS, &c), Err(ChainBreak::Gap { after: 2 }));
        // Renumbering to hide the gap breaks the link instead.
        for (i, e) in c.iter_mut().enumerate() {
            e.seq = i as i64 + 1;
        }
        assert_eq!(verify_chain(&key(), 1, GENESIS, &c), Err(ChainBreak::Link { seq: 3 }));
    }

    #[test]
    fn a_chain_rebuilt_without_the_key_does_not_verify() {
        // Someone edits entry 3 and recomputes every link with plain SHA-256, as the chain was
        // before it was keyed: the keyed links do not hold.
        let mut c = chain(5);
        c[2].entry.outcome = Outcome::Denied;
        let mut prev = GENESIS.to_owned();
        for e in &mut c {
            e.prev_hash = prev.clone();
            e.hash = chain_hash(&prev, e.seq, &e.entry);
            prev = e.hash.clone();
        }
        assert_eq!(verify_chain(&key(), 1, GENESIS, &c), Err(ChainBreak::Content { seq: 1 }));
        // And with another key.
        let other = AuditKey::parse("another-key-that-is-at-least-32-bytes-long").unwrap();
        assert_eq!(verify_chain(&other, 1, GENESIS, &chain(5)), Err(ChainBreak::Content { seq: 1 }));
    }

    #[test]
    fn entries_sealed_before_the_key_keep_their_plain_links() {
        let c = chain_keyed_from(6, 4);
        assert_eq!(c[2].hash, chain_hash(&c[2].prev_hash, 3, &c[2].entry));
        assert_eq!(c[3].hash, chain_mac(&key(), &c[3].prev_hash, 4, &c[3].entry));
        assert_eq!(verify_chain(&key(), 4, GENESIS, &c), Ok(6));
        // Claiming the key came later does not make a keyed link verify as a plain one.
        assert_eq!(verify_chain(&key(), 5, GENESIS, &c), Err(ChainBreak::Content { seq: 4 }));
    }

    #[test]
    fn checkpoint_signatures_bind_day_sequence_and_hash() {
        let s = checkpoint_signature(&key(), "2026-12-06", 5, "ab");
        assert_eq!(s, checkpoint_signature(&key(), "2026-12-06", 5, "ab"));
        assert_ne!(s, checkpoint_signature(&key(), "2026-12-07", 5, "ab"));
        assert_ne!(s, checkpoint_signature(&key(), "2026-12-06", 6, "ab"));
        assert_ne!(s, checkpoint_signature(&key(), "2026-12-06", 5, "ac"));
        assert!(AuditKey::parse("too short").is_none());
        assert_eq!(format!("{:?}", key()), "AuditKey(…)");
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
