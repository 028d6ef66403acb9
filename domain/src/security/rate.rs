//! Which requests are rate limited, and by what.
//!
//! Policy: what an attacker would repeat — signing in, the test identity provider, searching
//! (the catalogue, the comparison, the contact centre's look-up), uploading, submitting, the
//! server-function API, the integrations' webhooks — is limited per client address and, when
//! someone is signed in, per account too; both must allow. Everything else (pages, assets) is
//! not: reading the city's information is never throttled. The limits themselves are settings
//! (`[rate_limits]`); this module only decides the class.

use serde::{Deserialize, Serialize};

slug_enum! {
    LimitClass {
        SignIn => "sign-in",
        TestIdp => "test-idp",
        Search => "search",
        Upload => "upload",
        Submit => "submit",
        Api => "api",
        Integration => "integration",
    }
}

impl LimitClass {
    /// Limits that must hold across every node (kept in the database): signing in, where a
    /// guessing attacker spreads requests over the load balancer's nodes. The rest are per node,
    /// in memory, which bounds them at the number of nodes times the limit.
    pub fn shared(self) -> bool {
        matches!(self, LimitClass::SignIn)
    }

    /// Webhooks and server functions answer problem documents, pages a translated page.
    pub fn machine(self) -> bool {
        matches!(self, LimitClass::Api | LimitClass::Integration)
    }
}

/// The class of a request: its method, path, whether its query has a search term, and whether
/// its body is multipart.
pub fn classify(method: &str, path: &str, has_query_term: bool, multipart: bool) -> Option<LimitClass> {
    let post = method.eq_ignore_ascii_case("POST");
    if path.starts_with("/auth/login") || path.starts_with("/auth/callback") {
        return Some(LimitClass::SignIn);
    }
    if path.starts_with("/test-idp/") {
        // Discovery and keys are read by the server itself; the picker and the token endpoint
        // are what a person or a script repeats.
        return (path.ends_with("/authorize") || path.ends_with("/token")).then_some(LimitClass::TestIdp);
    }
    if path.starts_with("/integrations/") || path == "/csp-reports" {
        return Some(LimitClass::Integration);
    }
    if path.starts_with("/api/") {
        return Some(LimitClass::Api);
    }
    if post && multipart {
        return Some(LimitClass::Upload);
    }
    if post
        && (path.ends_with("/submit")
            || path.ends_with("/declaration")
            || path.ends_with("/messages")
            || path == "/contact/errands"
            || path == "/incidents"
            || path.starts_with("/feedback"))
    {
        return Some(LimitClass::Submit);
    }
    if (post && path == "/contact/lookup") || (!post && has_query_term && matches!(path, "/services" | "/compare")) {
        return Some(LimitClass::Search);
    }
    None
}

/// A limit: `per_minute` requests, all of which may come at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limit {
    pub per_minute: u32,
}

/// Seconds to wait, for `Retry-After`: whole seconds, at least one.
pub fn retry_after_seconds(wait_ms: u64) -> u64 {
    wait_ms.div_ceil(1000).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_an_attacker_repeats_is_classed_and_reading_is_not() {
        assert_eq!(classify("GET", "/auth/login", false, false), Some(LimitClass::SignIn));
        assert_eq!(classify("GET", "/auth/callback", false, false), Some(LimitClass::SignIn));
        assert_eq!(classify("POST", "/test-idp/eid/authorize", false, false), Some(LimitClass::TestIdp));
        assert_eq!(classify("GET", "/test-idp/eid/.well-known/openid-configuration", false, false), None);
        assert_eq!(classify("GET", "/services", true, false), Some(LimitClass::Search));
        assert_eq!(classify("GET", "/services", false, false), None);
        assert_eq!(classify("POST", "/contact/lookup", false, false), Some(LimitClass::Search));
        assert_eq!(classify("POST", "/forms/abc/2", false, true), Some(LimitClass::Upload));
        assert_eq!(classify("POST", "/forms/abc/submit", false, false), Some(LimitClass::Submit));
        assert_eq!(classify("POST", "/api/save_step", false, false), Some(LimitClass::Api));
        assert_eq!(classify("POST", "/integrations/telephony/events", false, false), Some(LimitClass::Integration));
        assert_eq!(classify("GET", "/my/cases/4", false, false), None);
        assert_eq!(classify("GET", "/pkg/app.js", false, false), None);
        assert!(LimitClass::SignIn.shared() && !LimitClass::Search.shared());
        assert!(LimitClass::Integration.machine() && !LimitClass::Submit.machine());
    }

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(retry_after_seconds(0), 1);
        assert_eq!(retry_after_seconds(1001), 2);
        assert_eq!(retry_after_seconds(3000), 3);
    }
}
