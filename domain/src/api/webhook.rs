//! Events for other systems (webhooks): which events there are, the CloudEvents 1.0 envelope, the
//! Standard Webhooks signature, and when a failed delivery is tried again.
//!
//! Policy:
//! - An event has one id, the same for every subscription and every retry, so a receiver
//!   de-duplicates by it (delivery is at least once).
//! - The signature is Standard Webhooks v1: `webhook-signature: v1,<base64 HMAC-SHA256 of
//!   "<webhook-id>.<webhook-timestamp>.<body>">` with the subscription's secret (`whsec_` and the
//!   base64 of its bytes), so any of that specification's libraries verifies it.
//! - A failed delivery is tried again after 10 s, then doubling up to 6 hours between tries; after
//!   [`MAX_ATTEMPTS`] (a little over two days) it is dead-lettered, kept and visible, and can be replayed.
//! - The payload names the case and what changed, never the answers or the applicant: the
//!   receiver reads the case through the API with its own token.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

slug_enum! {
    /// The kinds of event a subscription can ask for.
    EventType {
        CaseSubmitted => "case.submitted",
        CaseStatusChanged => "case.status-changed",
        CaseDecided => "case.decided",
        CaseMessageReceived => "case.message-received",
        BundleSubmitted => "bundle.submitted",
        ProviderChanged => "provider.changed",
        CataloguePublished => "catalogue.published",
    }
}

impl EventType {
    /// The CloudEvents `type`: reverse-DNS, versioned by the API.
    pub fn cloud_type(self) -> String {
        format!("se.stockholm.stadsporten.{}.v1", self.slug())
    }
}

/// Tries before a delivery is dead-lettered.
pub const MAX_ATTEMPTS: i64 = 20;

/// Seconds to wait after the `attempts`-th failed try (1-based).
pub fn backoff_seconds(attempts: i64) -> i64 {
    let exp = u32::try_from(attempts.clamp(1, 32) - 1).unwrap_or(0);
    10i64.saturating_mul(1i64 << exp.min(20)).min(6 * 3600)
}

/// The CloudEvents 1.0 structured JSON envelope.
#[derive(Debug, Clone, Serialize)]
pub struct CloudEvent<T: Serialize> {
    pub specversion: &'static str,
    pub id: String,
    pub source: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// What the event is about, e.g. the case's path form `SBK-2026-00123`.
    pub subject: String,
    /// RFC 3339.
    pub time: String,
    pub datacontenttype: &'static str,
    pub data: T,
}

impl<T: Serialize> CloudEvent<T> {
    pub fn new(id: String, source: String, kind: EventType, subject: String, time: String, data: T) -> Self {
        CloudEvent {
            specversion: "1.0",
            id,
            source,
            kind: kind.cloud_type(),
            subject,
            time,
            datacontenttype: "application/json",
            data,
        }
    }
}

/// A subscription's secret as Standard Webhooks writes it: `whsec_` and base64 of the key bytes.
pub fn secret_text(key: &[u8]) -> String {
    format!("whsec_{}", base64_encode(key))
}

/// The key bytes of a `whsec_…` secret.
pub fn secret_key(text: &str) -> Option<Vec<u8>> {
    base64_decode(text.strip_prefix("whsec_")?)
}

/// The `webhook-signature` header's value for a delivery.
pub fn sign(key: &[u8], id: &str, timestamp: i64, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1,{}", base64_encode(&mac.finalize().into_bytes()))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (the domain compiles for wasm and keeps its dependencies few).
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = u32::try_from(ALPHABET.iter().position(|&a| a == c)?).ok()?;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_every_length() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37).wrapping_add(n)).collect();
            assert_eq!(base64_decode(&base64_encode(&bytes)), Some(bytes));
        }
        assert_eq!(base64_encode(b"hello"), "aGVsbG8=");
        assert_eq!(base64_decode("not base64!"), None);
    }

    /// The Standard Webhooks specification's own example (its test vectors).
    #[test]
    fn the_signature_matches_the_specifications_example() {
        let key = secret_key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let body = br#"{"test": 2432232314}"#;
        assert_eq!(
            sign(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
        assert_eq!(secret_text(&key), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    #[test]
    fn retries_back_off_to_six_hours_and_stop() {
        assert_eq!(backoff_seconds(1), 10);
        assert_eq!(backoff_seconds(2), 20);
        assert_eq!(backoff_seconds(5), 160);
        assert_eq!(backoff_seconds(12), 20_480);
        assert_eq!(backoff_seconds(13), 6 * 3600);
        assert_eq!(backoff_seconds(MAX_ATTEMPTS), 6 * 3600);
        let total: i64 = (1..MAX_ATTEMPTS).map(backoff_seconds).sum();
        assert!((2 * 86_400..5 * 86_400).contains(&total), "a little over two days: {total}");
    }

    #[test]
    fn event_types_have_stable_names() {
        assert_eq!(EventType::parse("case.submitted"), Some(EventType::CaseSubmitted));
        assert_eq!(EventType::CaseDecided.cloud_type(), "se.stockholm.stadsporten.case.decided.v1");
        assert_eq!(EventType::ALL.len(), 7);
    }
}
