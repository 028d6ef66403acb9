//! Content-Security-Policy violation reports, as browsers post them: the legacy
//! `application/csp-report` body (`{"csp-report": {…}}`) and the Reporting API's
//! `application/reports+json` (`[{"type": "csp-violation", "body": {…}}]`).
//!
//! Policy: only what operations need is kept — the directive, where the blocked resource came
//! from (its origin or a keyword such as `inline`, never a path or query, which may carry
//! personal data) and the path of the page. Anything unreadable is refused; nothing in a report
//! is trusted beyond being text to count and log.

use serde_json::Value;

/// One violation, reduced to what is logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub directive: String,
    pub blocked: String,
    pub page: String,
}

/// The largest report body read.
pub const MAX_REPORT_BYTES: usize = 16 * 1024;

fn text(v: &Value, keys: &[&str]) -> String {
    keys.iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str))
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect()
}

/// The origin of a URL, or the keyword itself (`inline`, `eval`, `data`, …).
/// Only a real scheme counts (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`), and any
/// user name or password before the host is dropped: both were found by fuzzing (`bench/fuzz.sh`).
fn origin_only(raw: &str) -> String {
    match raw.split_once("://") {
        Some((scheme, rest)) if is_scheme(scheme) => {
            let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = authority.rsplit('@').next().unwrap_or("");
            format!("{scheme}://{host}")
        }
        _ => raw.split([':', '/', '?', '#', '@']).next().unwrap_or("").to_owned(),
    }
}

fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn path_only(raw: &str) -> String {
    let after_host = match raw.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => raw,
    };
    after_host.split(['?', '#']).next().unwrap_or("/").to_owned()
}

fn violation(body: &Value) -> Option<Violation> {
    let directive = text(body, &["effective-directive", "effectiveDirective", "violated-directive"]);
    if directive.is_empty() {
        return None;
    }
    let blocked = origin_only(&text(body, &["blocked-uri", "blockedURL"]));
    let page = path_only(&text(body, &["document-uri", "documentURL"]));
    Some(Violation { directive, blocked, page })
}

/// The violations in a report body; `None` when it is not a report at all.
pub fn parse_report(bytes: &[u8]) -> Option<Vec<Violation>> {
    if bytes.len() > MAX_REPORT_BYTES {
        return None;
    }
    let v: Value = serde_json::from_slice(bytes).ok()?;
    match &v {
        Value::Object(o) => o.get("csp-report").and_then(violation).map(|x| vec![x]),
        Value::Array(items) => {
            let found: Vec<Violation> = items
                .iter()
                .take(50)
                .filter(|i| i.get("type").and_then(Value::as_str) == Some("csp-violation"))
                .filter_map(|i| i.get("body").and_then(violation))
                .collect();
            (!found.is_empty()).then_some(found)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_formats_are_read_and_reduced_to_origins_and_paths() {
        let legacy = br#"{"csp-report":{"document-uri":"https://e.se/my/cases/4?token=secret","violated-directive":"script-src","effective-directive":"script-src-elem","blocked-uri":"https://evil.example/x.js?who=anna"}}"#;
        assert_eq!(
            parse_report(legacy),
            Some(vec![Violation {
                directive: "script-src-elem".into(),
                blocked: "https://evil.example".into(),
                page: "/my/cases/4".into()
            }])
        );
        let modern = br#"[{"type":"csp-violation","age":3,"body":{"documentURL":"https://e.se/services","effectiveDirective":"style-src","blockedURL":"inline"}},{"type":"deprecation","body":{}}]"#;
        let v = parse_report(modern).unwrap();
        assert_eq!(v.len(), 1);
        assert_eq!((v[0].blocked.as_str(), v[0].page.as_str()), ("inline", "/services"));
    }

    #[test]
    fn no_query_or_credentials_survive_a_malformed_uri() {
        // Found by the fuzz target webhook_payloads: a "scheme" with a `?` kept the query.
        for (raw, want) in [
            ("?ttps://evil.example/x.js?a=1", ""),
            ("https://anna:secret@evil.example/x", "https://evil.example"),
            ("wss://evil.example:8443/socket?t=1", "wss://evil.example:8443"),
            ("blob", "blob"),
        ] {
            assert_eq!(origin_only(raw), want, "{raw}");
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [&b"not json"[..], b"{}", b"[]", b"42", br#"{"csp-report":{}}"#, br#"[{"type":"csp-violation"}]"#] {
            assert_eq!(parse_report(bad), None, "{}", String::from_utf8_lossy(bad));
        }
        assert_eq!(parse_report(&vec![b' '; MAX_REPORT_BYTES + 1]), None);
    }
}
