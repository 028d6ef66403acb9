//! The telephony platform's call events: the signature check on any headers, and the body.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stadsporten_domain::contact_centre::telephony::{parse_event, sign, verify};

fuzz_target!(|data: &[u8]| {
    let _ = parse_event(data);
    // Headers from the input's first line, the body the rest.
    let (head, body) = match data.iter().position(|b| *b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let head = String::from_utf8_lossy(head);
    let (ts, sig) = head.split_once(' ').unwrap_or((&head, ""));
    let secret = b"fuzz-secret-of-at-least-thirty-two-bytes";
    let _ = verify(secret, Some(ts), Some(sig), body, 1_800_000_000);
    // A correct signature is always accepted, and never for another body.
    let good = sign(secret, 1_800_000_000, body);
    assert!(verify(secret, Some("1800000000"), Some(&good), body, 1_800_000_000).is_ok());
    let mut other = body.to_vec();
    other.push(b'x');
    assert!(verify(secret, Some("1800000000"), Some(&good), &other, 1_800_000_000).is_err());
});
