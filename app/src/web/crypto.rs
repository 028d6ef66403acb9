//! Files encrypted at rest (confidentiality 3): envelope encryption with AES-256-GCM.
//!
//! Policy: each file gets a key of its own (256 random bits), which encrypts the file; that key
//! is itself encrypted ("wrapped") with the key-encryption key from configuration
//! (`security.file_key`), and the envelope names which configured key wrapped it, so a rotated
//! key keeps opening older files (`security.previous_file_keys`). A copy of the file store or
//! of the database alone reveals nothing; the key never leaves the server's memory. GCM
//! authenticates: a changed byte makes the file refuse to open rather than open wrong.
//!
//! The envelope: `SPENC1` · key-id length (1 byte) · key id · wrap nonce (12) · wrapped key
//! (32 + 16 tag) · file nonce (12) · ciphertext with its 16-byte tag.

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use rand::RngCore as _;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

const MAGIC: &[u8] = b"SPENC1";

/// The configured key-encryption keys.
#[derive(Clone)]
pub struct FileCrypto {
    current_id: String,
    keys: BTreeMap<String, [u8; 32]>,
}

impl std::fmt::Debug for FileCrypto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FileCrypto").field("current_id", &self.current_id).finish_non_exhaustive()
    }
}

/// Why a stored file would not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenError {
    /// Encrypted with a key that is not configured (any more).
    UnknownKey,
    /// Not an envelope this code wrote, or changed since.
    Damaged,
}

fn kek(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

fn random<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    rand::thread_rng().fill_bytes(&mut b);
    b
}

impl FileCrypto {
    /// `current` wraps new files; `previous` (id → secret) only open older ones.
    pub fn new(current_id: &str, current: &str, previous: impl IntoIterator<Item = (String, String)>) -> FileCrypto {
        let mut keys: BTreeMap<String, [u8; 32]> = previous.into_iter().map(|(id, s)| (id, kek(&s))).collect();
        keys.insert(current_id.to_owned(), kek(current));
        FileCrypto { current_id: current_id.to_owned(), keys }
    }

    /// Whether these bytes are an envelope (rather than a file stored in the clear).
    pub fn is_envelope(bytes: &[u8]) -> bool {
        bytes.starts_with(MAGIC)
    }

    /// Encrypts a file into an envelope.
    pub fn seal(&self, plain: &[u8]) -> Vec<u8> {
        let kek = &self.keys[&self.current_id];
        let file_key: [u8; 32] = random();
        let (wrap_nonce, file_nonce): ([u8; 12], [u8; 12]) = (random(), random());
        let wrapped = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(kek))
            .encrypt(Nonce::from_slice(&wrap_nonce), file_key.as_slice())
            .unwrap_or_else(|_| unreachable!("AES-GCM encrypts any 32 bytes"));
        let body = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&file_key))
            .encrypt(Nonce::from_slice(&file_nonce), plain)
            .unwrap_or_else(|_| unreachable!("AES-GCM encrypts any file below 64 GB"));
        let id = self.current_id.as_bytes();
        let mut out = Vec::with_capacity(MAGIC.len() + 1 + id.len() + 12 + wrapped.len() + 12 + body.len());
        out.extend_from_slice(MAGIC);
        out.push(u8::try_from(id.len()).unwrap_or(u8::MAX));
        out.extend_from_slice(&id[..id.len().min(255)]);
        out.extend_from_slice(&wrap_nonce);
        out.extend_from_slice(&wrapped);
        out.extend_from_slice(&file_nonce);
        out.extend_from_slice(&body);
        out
    }

    /// Opens an envelope; bytes that are not one are returned as they are (files stored in the
    /// clear, of a service below confidentiality 3).
    pub fn open(&self, bytes: Vec<u8>) -> Result<Vec<u8>, OpenError> {
        if !Self::is_envelope(&bytes) {
            return Ok(bytes);
        }
        let rest = &bytes[MAGIC.len()..];
        let (&id_len, rest) = rest.split_first().ok_or(OpenError::Damaged)?;
        let id_len = usize::from(id_len);
        if rest.len() < id_len + 12 + 48 + 12 + 16 {
            return Err(OpenError::Damaged);
        }
        let (id, rest) = rest.split_at(id_len);
        let id = std::str::from_utf8(id).map_err(|_| OpenError::Damaged)?;
        let kek = self.keys.get(id).ok_or(OpenError::UnknownKey)?;
        let (wrap_nonce, rest) = rest.split_at(12);
        let (wrapped, rest) = rest.split_at(48);
        let (file_nonce, body) = rest.split_at(12);
        let file_key = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(kek))
            .decrypt(Nonce::from_slice(wrap_nonce), wrapped)
            .map_err(|_| OpenError::Damaged)?;
        Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&file_key))
            .decrypt(Nonce::from_slice(file_nonce), body)
            .map_err(|_| OpenError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_file_opens_with_its_key_and_not_otherwise() {
        let pdf = b"%PDF-1.7 a decision about home care".to_vec();
        let c = FileCrypto::new("k1", "a-file-key-of-at-least-thirty-two-bytes", []);
        let sealed = c.seal(&pdf);
        assert!(FileCrypto::is_envelope(&sealed));
        assert!(!sealed.windows(4).any(|w| w == b"%PDF"), "nothing of the file shows");
        assert_ne!(c.seal(&pdf), sealed, "a key of its own each time");
        assert_eq!(c.open(sealed.clone()), Ok(pdf.clone()));
        // A file in the clear passes through.
        assert_eq!(c.open(pdf.clone()), Ok(pdf.clone()));
        // One changed byte: refused, not opened wrong.
        let mut changed = sealed.clone();
        let last = changed.len() - 1;
        changed[last] ^= 1;
        assert_eq!(c.open(changed), Err(OpenError::Damaged));
        assert_eq!(c.open(sealed[..20].to_vec()), Err(OpenError::Damaged));
        // Another key, or none by that name.
        let other = FileCrypto::new("k1", "another-key-of-at-least-thirty-two-bytes", []);
        assert_eq!(other.open(sealed.clone()), Err(OpenError::Damaged));
        let rotated = FileCrypto::new("k2", "the-new-key-of-at-least-thirty-two-bytes", []);
        assert_eq!(rotated.open(sealed.clone()), Err(OpenError::UnknownKey));
        // After a rotation the old key, kept by name, still opens old files.
        let rotated = FileCrypto::new(
            "k2",
            "the-new-key-of-at-least-thirty-two-bytes",
            [("k1".to_owned(), "a-file-key-of-at-least-thirty-two-bytes".to_owned())],
        );
        assert_eq!(rotated.open(sealed), Ok(pdf));
    }
}
