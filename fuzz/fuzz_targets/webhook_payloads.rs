//! The other payloads posted from outside: the SMS gateway's receipts and browsers' CSP reports.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stadsporten_domain::contact_centre::telephony::parse_receipt;
use stadsporten_domain::security::csp::parse_report;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = parse_receipt(data) {
        assert!(!r.id.is_empty() && r.id.len() <= 128);
    }
    if let Some(violations) = parse_report(data) {
        for v in violations {
            // Only an origin or a keyword: never a path, query or credentials of the blocked resource.
            assert!(!v.blocked.contains(['?', '@']));
            assert!(!v.page.contains('?'));
        }
    }
});
