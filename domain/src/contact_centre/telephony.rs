//! The city's telephony platform's call events: the signed JSON it posts to
//! `/integrations/telephony/events`, and the phone numbers in them.
//!
//! The wire format (documented in the README with an example):
//!
//! ```text
//! POST /integrations/telephony/events
//! Content-Type: application/json
//! Telephony-Platform: city-pbx
//! Telephony-Timestamp: 1796637600
//! Telephony-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>
//!
//! {"id":"evt-1","type":"abandoned","occurred_at":"2026-12-07T09:00:00Z","call_id":"c-1",
//!  "queue":"general","caller":"+46701234567"}
//! ```
//!
//! Policy:
//! - The signature covers the timestamp and the exact body; the secret is per platform; a
//!   timestamp more than five minutes from the server's clock is refused, so a captured request
//!   cannot be replayed later, and the event id makes a replay within the window a duplicate.
//! - Unknown fields are refused (a changed format is noticed, not half-read); a phone number that
//!   is not one is refused; nothing is created from a refused event.
//! - Phone numbers are kept in E.164 (`+46701234567`) so the same caller always matches.

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// How far a signed timestamp may be from the server's clock.
pub const REPLAY_WINDOW_SECONDS: i64 = 300;

/// The longest body the endpoint reads.
pub const MAX_BODY_BYTES: usize = 16 * 1024;

slug_enum! {
    /// What happened to a call.
    CallEventKind {
        /// The call reached the platform.
        Offered => "offered",
        /// The caller waits in a queue.
        Queued => "queued",
        /// An agent answered (`agent`: the agent's e-mail address or extension).
        Answered => "answered",
        /// The caller hung up before anyone answered.
        Abandoned => "abandoned",
        /// The caller left a voicemail.
        Voicemail => "voicemail",
        /// The call was passed on (`target`: the number or extension).
        Transferred => "transferred",
        /// The call ended after being answered.
        Ended => "ended",
        /// A staff member's availability changed (`agent`, `presence`): no call.
        Presence => "presence",
    }
}

/// A phone number in E.164 form (`+46701234567`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// A Swedish national number (`070-123 45 67`, `08-508 00 508`), `0046…` or `+…`; 8 to 15
    /// digits in E.164 with spaces, hyphens and brackets allowed between them.
    pub fn parse(raw: &str) -> Option<PhoneNumber> {
        let raw = raw.trim();
        if raw.is_empty() || raw.len() > 32 {
            return None;
        }
        let (international, body) = match raw.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        if !body.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')')) {
            return None;
        }
        let digits: String = body.chars().filter(char::is_ascii_digit).collect();
        let e164 = if international {
            digits
        } else if let Some(rest) = digits.strip_prefix("00") {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix('0') {
            format!("46{rest}")
        } else {
            return None;
        };
        if !(8..=15).contains(&e164.len()) || e164.starts_with('0') {
            return None;
        }
        Some(PhoneNumber(format!("+{e164}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For logs and the board: the last two digits only.
    pub fn masked(&self) -> String {
        format!("…{}", &self.0[self.0.len() - 2..])
    }

    /// As Swedes write their own numbers (`070-123 45 67`), other countries as E.164.
    pub fn display(&self) -> String {
        let Some(national) = self.0.strip_prefix("+46") else { return self.0.clone() };
        let d = format!("0{national}");
        // Mobile numbers (07x) and Stockholm's 08 have the common groupings; others stay whole.
        if d.starts_with("07") && d.len() == 10 {
            format!("{}-{} {} {}", &d[..3], &d[3..6], &d[6..8], &d[8..])
        } else if d.starts_with("08") && d.len() >= 8 {
            let rest = &d[2..];
            let groups: Vec<&str> = rest.as_bytes().chunks(2).map(|c| std::str::from_utf8(c).unwrap_or("")).collect();
            format!("08-{}", groups.join(" "))
        } else {
            d
        }
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        PhoneNumber::parse(&s).ok_or_else(|| "not a phone number".to_owned())
    }
}

impl From<PhoneNumber> for String {
    fn from(p: PhoneNumber) -> String {
        p.0
    }
}

/// One call event as the platform posts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallEvent {
    /// Unique per platform: the same id twice is the same event.
    pub id: String,
    #[serde(rename = "type", with = "kind_slug")]
    pub kind: CallEventKind,
    /// When it happened, RFC 3339 (`2026-12-07T09:00:00Z`).
    pub occurred_at: String,
    /// The call it belongs to; empty for presence events.
    #[serde(default)]
    pub call_id: String,
    /// The queue (a line of the contact centre: `general`, `building`, …).
    #[serde(default)]
    pub queue: Option<String>,
    /// The caller's number; withheld numbers are absent.
    #[serde(default)]
    pub caller: Option<PhoneNumber>,
    /// The agent (an e-mail address or an extension) for answered, transferred and presence.
    #[serde(default)]
    pub agent: Option<String>,
    /// Where a transferred call went.
    #[serde(default)]
    pub target: Option<String>,
    /// Presence only: `available`, `busy`, `away`, `offline`.
    #[serde(default)]
    pub presence: Option<String>,
    /// How long the caller waited before hanging up or being answered, in seconds.
    #[serde(default)]
    pub waited_seconds: Option<i64>,
}

/// The kind as its slug on the wire (`"abandoned"`).
mod kind_slug {
    use super::CallEventKind;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(k: &CallEventKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(k.slug())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<CallEventKind, D::Error> {
        let raw = String::deserialize(d)?;
        CallEventKind::parse(&raw).ok_or_else(|| {
            let known: Vec<&str> = CallEventKind::ALL.iter().map(|k| k.slug()).collect();
            serde::de::Error::custom(format!("type: unknown kind `{raw}`, expected one of {}", known.join(", ")))
        })
    }
}

/// Why an event was refused, with the HTTP status and the problem document's type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventRefusal {
    /// No or unknown platform, no or bad signature (401).
    Unauthenticated(&'static str),
    /// The timestamp is missing, unreadable or outside the window (401).
    Stale,
    /// The body is not a call event: the field that is wrong (400).
    Malformed(String),
    /// The id was seen before (409).
    Duplicate,
}

impl EventRefusal {
    pub fn status(&self) -> u16 {
        match self {
            EventRefusal::Unauthenticated(_) | EventRefusal::Stale => 401,
            EventRefusal::Malformed(_) => 400,
            EventRefusal::Duplicate => 409,
        }
    }

    /// The problem type's last path segment (`/problems/{slug}` in the README).
    pub fn slug(&self) -> &'static str {
        match self {
            EventRefusal::Unauthenticated(_) => "bad-signature",
            EventRefusal::Stale => "stale-timestamp",
            EventRefusal::Malformed(_) => "malformed-event",
            EventRefusal::Duplicate => "duplicate-event",
        }
    }

    /// The problem's detail, in English for the platform's operators.
    pub fn detail(&self) -> String {
        match self {
            EventRefusal::Unauthenticated(why) => (*why).to_owned(),
            EventRefusal::Stale => format!(
                "Telephony-Timestamp is missing or more than {REPLAY_WINDOW_SECONDS} seconds from the server's clock"
            ),
            EventRefusal::Malformed(why) => why.clone(),
            EventRefusal::Duplicate => "an event with this id was received before".to_owned(),
        }
    }
}

/// The signature header's value for `body` sent at `timestamp`: `v1=<hex>`.
pub fn sign(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    let mut mac = mac(secret);
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1={}", hex(&mac.finalize().into_bytes()))
}

fn mac(secret: &[u8]) -> Hmac<Sha256> {
    <Hmac<Sha256> as Mac>::new_from_slice(secret).unwrap_or_else(|_| unreachable!("HMAC accepts any key length"))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) || s.len() > 256 {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

/// Checks the timestamp against `now` and the signature against the secret, in constant time.
/// The header may carry several signatures separated by spaces (during a secret's rotation); one
/// valid `v1` is enough.
pub fn verify(
    secret: &[u8],
    timestamp: Option<&str>,
    signature: Option<&str>,
    body: &[u8],
    now: i64,
) -> Result<i64, EventRefusal> {
    let ts = timestamp.and_then(|t| t.trim().parse::<i64>().ok()).ok_or(EventRefusal::Stale)?;
    if (now - ts).abs() > REPLAY_WINDOW_SECONDS {
        return Err(EventRefusal::Stale);
    }
    let signature = signature.ok_or(EventRefusal::Unauthenticated("Telephony-Signature is missing"))?;
    let valid = signature.split_whitespace().filter_map(|s| s.strip_prefix("v1=")).filter_map(unhex).any(|sig| {
        let mut m = mac(secret);
        m.update(ts.to_string().as_bytes());
        m.update(b".");
        m.update(body);
        m.verify_slice(&sig).is_ok()
    });
    if valid {
        Ok(ts)
    } else {
        Err(EventRefusal::Unauthenticated("the signature does not match the body and timestamp"))
    }
}

/// An SMS gateway's delivery receipt (`POST /integrations/sms/receipts`, signed like a call
/// event): the gateway's id of the message and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmsReceipt {
    pub id: String,
    /// `delivered`, `failed` or `expired`.
    pub status: String,
}

/// A verified body as a receipt; unknown fields, another status or an empty or overlong id are
/// refused with the reason.
pub fn parse_receipt(body: &[u8]) -> Result<SmsReceipt, String> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Receipt {
        id: String,
        status: String,
        #[serde(default)]
        #[allow(dead_code, reason = "the gateway's own time; ours is when it arrived")]
        at: Option<String>,
    }
    let r: Receipt = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    if !matches!(r.status.as_str(), "delivered" | "failed" | "expired") || r.id.is_empty() || r.id.len() > 128 {
        return Err("status: delivered, failed or expired; id: 1 to 128 characters".into());
    }
    Ok(SmsReceipt { id: r.id, status: r.status })
}

/// A verified body as a call event: refuses unknown fields, bad numbers, a bad time, a missing
/// call id or agent where the kind needs one, and ids that are empty or longer than 128.
pub fn parse_event(body: &[u8]) -> Result<(CallEvent, i64), EventRefusal> {
    let event: CallEvent = serde_json::from_slice(body).map_err(|e| EventRefusal::Malformed(e.to_string()))?;
    let bad = |why: &str| Err(EventRefusal::Malformed(why.to_owned()));
    if event.id.trim().is_empty() || event.id.len() > 128 {
        return bad("id: must be 1 to 128 characters");
    }
    let Ok(at) = event.occurred_at.parse::<jiff::Timestamp>() else {
        return bad("occurred_at: must be an RFC 3339 time");
    };
    if event.kind != CallEventKind::Presence && (event.call_id.trim().is_empty() || event.call_id.len() > 128) {
        return bad("call_id: must be 1 to 128 characters");
    }
    if matches!(event.kind, CallEventKind::Presence) && event.agent.as_deref().is_none_or(str::is_empty) {
        return bad("agent: a presence event names the agent");
    }
    if let Some(p) = &event.presence {
        if !matches!(p.as_str(), "available" | "busy" | "away" | "offline") {
            return bad("presence: one of available, busy, away, offline");
        }
    }
    for (name, v) in [("queue", &event.queue), ("agent", &event.agent), ("target", &event.target)] {
        if v.as_ref().is_some_and(|s| s.len() > 128) {
            return Err(EventRefusal::Malformed(format!("{name}: at most 128 characters")));
        }
    }
    if event.waited_seconds.is_some_and(|w| !(0..=86_400).contains(&w)) {
        return bad("waited_seconds: 0 to 86400");
    }
    Ok((event, at.as_second()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_is_an_id_and_one_of_three_statuses() {
        let ok = parse_receipt(br#"{"id":"gw-1","status":"delivered","at":"2026-12-07T09:15:00Z"}"#).unwrap();
        assert_eq!((ok.id.as_str(), ok.status.as_str()), ("gw-1", "delivered"));
        for bad in [
            &br#"{"id":"gw-1","status":"read"}"#[..],
            br#"{"id":"","status":"failed"}"#,
            br#"{"id":"gw-1","status":"failed","extra":1}"#,
            b"not json",
        ] {
            assert!(parse_receipt(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
        let long = format!(r#"{{"id":"{}","status":"expired"}}"#, "x".repeat(129));
        assert!(parse_receipt(long.as_bytes()).is_err());
    }

    #[test]
    fn swedish_numbers_become_e164() {
        for (raw, e164) in [
            ("070-123 45 67", "+46701234567"),
            ("+46 70 123 45 67", "+46701234567"),
            ("0046701234567", "+46701234567"),
            ("08-508 00 508", "+46850800508"),
            ("+358 40 123 4567", "+358401234567"),
        ] {
            assert_eq!(PhoneNumber::parse(raw).map(|p| p.0), Some(e164.to_owned()), "{raw}");
        }
        for bad in ["", "abc", "12345", "070-12a", "+0701234567", "+1234567890123456", "0"] {
            assert_eq!(PhoneNumber::parse(bad), None, "{bad}");
        }
        let p = PhoneNumber::parse("0701234567").unwrap();
        assert_eq!(p.display(), "070-123 45 67");
        assert_eq!(p.masked(), "…67");
        assert_eq!(PhoneNumber::parse("08-508 00 508").unwrap().display(), "08-50 80 05 08");
    }

    fn body(extra: &str) -> String {
        format!(
            r#"{{"id":"evt-1","type":"abandoned","occurred_at":"2026-12-07T09:00:00Z","call_id":"c-1","queue":"general","caller":"0701234567"{extra}}}"#
        )
    }

    #[test]
    fn a_signed_event_verifies_and_parses() {
        let b = body("");
        let sig = sign(b"s3cret", 1000, b.as_bytes());
        assert_eq!(verify(b"s3cret", Some("1000"), Some(&sig), b.as_bytes(), 1100), Ok(1000));
        // A rotation: an old and a new signature, one valid.
        let both = format!("v1=00ff {sig}");
        assert!(verify(b"s3cret", Some("1000"), Some(&both), b.as_bytes(), 1000).is_ok());
        let (e, at) = parse_event(b.as_bytes()).unwrap();
        assert_eq!(e.kind, CallEventKind::Abandoned);
        assert_eq!(e.caller.unwrap().as_str(), "+46701234567");
        assert_eq!(at, 1_796_634_000);
    }

    #[test]
    fn every_tampering_is_refused() {
        let b = body("");
        let sig = sign(b"s3cret", 1000, b.as_bytes());
        let unauth = |r: Result<i64, EventRefusal>| matches!(r, Err(EventRefusal::Unauthenticated(_)));
        assert!(unauth(verify(b"other", Some("1000"), Some(&sig), b.as_bytes(), 1000)));
        assert!(unauth(verify(b"s3cret", Some("1000"), Some(&sig), body(" ").as_bytes(), 1000)));
        assert!(unauth(verify(b"s3cret", Some("1000"), None, b.as_bytes(), 1000)));
        assert!(unauth(verify(b"s3cret", Some("1000"), Some("v1=zz"), b.as_bytes(), 1000)));
        assert!(unauth(verify(b"s3cret", Some("1000"), Some(&sig.replace("v1=", "v0=")), b.as_bytes(), 1000)));
        // The timestamp is signed: moving it breaks the signature; an old one is stale.
        assert!(unauth(verify(b"s3cret", Some("1001"), Some(&sig), b.as_bytes(), 1000)));
        assert_eq!(verify(b"s3cret", Some("1000"), Some(&sig), b.as_bytes(), 1301), Err(EventRefusal::Stale));
        assert_eq!(verify(b"s3cret", Some("1000"), Some(&sig), b.as_bytes(), 699), Err(EventRefusal::Stale));
        assert_eq!(verify(b"s3cret", None, Some(&sig), b.as_bytes(), 1000), Err(EventRefusal::Stale));
        assert_eq!(verify(b"s3cret", Some("soon"), Some(&sig), b.as_bytes(), 1000), Err(EventRefusal::Stale));
    }

    #[test]
    fn malformed_events_name_the_field() {
        let malformed = |b: String| match parse_event(b.as_bytes()) {
            Err(EventRefusal::Malformed(why)) => why,
            other => panic!("expected a refusal, got {other:?}"),
        };
        assert!(malformed(body(r#","colour":"red""#)).contains("colour"));
        assert!(malformed(body("").replace("0701234567", "07x")).contains("phone"));
        assert!(malformed(body("").replace("abandoned", "exploded")).contains("type"));
        assert!(malformed(body("").replace("2026-12-07T09:00:00Z", "yesterday")).contains("occurred_at"));
        assert!(malformed(body("").replace(r#""call_id":"c-1""#, r#""call_id":"""#)).contains("call_id"));
        assert!(malformed(body("").replace(r#""id":"evt-1""#, r#""id":"""#)).starts_with("id"));
        assert!(malformed(body(r#","waited_seconds":-1"#)).contains("waited_seconds"));
        assert!(malformed("not json".into()).contains("expected"));
        let presence = r#"{"id":"p","type":"presence","occurred_at":"2026-12-07T09:00:00Z"}"#;
        assert!(malformed(presence.into()).contains("agent"));
        let presence = r#"{"id":"p","type":"presence","occurred_at":"2026-12-07T09:00:00Z","agent":"a@b.se","presence":"available"}"#;
        assert!(parse_event(presence.as_bytes()).is_ok());
    }

    #[test]
    fn problem_statuses() {
        assert_eq!(EventRefusal::Duplicate.status(), 409);
        assert_eq!(EventRefusal::Stale.status(), 401);
        assert_eq!(EventRefusal::Malformed(String::new()).status(), 400);
        assert_eq!(EventRefusal::Unauthenticated("x").slug(), "bad-signature");
    }
}
