//! The security contact and the browsers' reports: `/.well-known/security.txt` (RFC 9116) and
//! `POST /csp-reports`, where browsers report what the Content-Security-Policy blocked.
//!
//! Policy: a CSP report is counted always and logged for a configured share
//! (`security.csp_report_sample`), reduced to the directive, the blocked resource's origin and the
//! page's path (`stadsporten_domain::security::csp`). The endpoint takes no session, is rate
//! limited with the integrations, reads at most 16 KB and answers 204, or a problem document when
//! the body is not a report.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rand::Rng as _;
use stadsporten_app::web::clock::Clock;
use stadsporten_domain::security::csp::parse_report;

#[derive(Clone)]
pub struct SecurityState {
    pub public_url: String,
    pub contact: String,
    pub policy: String,
    pub sample: f64,
    pub clock: Clock,
}

/// `GET /.well-known/security.txt`: valid for 180 days from now, as RFC 9116 wants an expiry
/// less than a year ahead.
pub async fn security_txt(State(s): State<SecurityState>) -> Response {
    let expires = time::OffsetDateTime::from_unix_timestamp(s.clock.now() + 180 * 86_400)
        .ok()
        .and_then(|t| t.replace_nanosecond(0).ok())
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default();
    let mut body = format!(
        "Contact: {}\nExpires: {expires}\nPreferred-Languages: sv, en\nCanonical: {}/.well-known/security.txt\n",
        s.contact, s.public_url
    );
    if !s.policy.is_empty() {
        body.push_str(&format!("Policy: {}\n", s.policy));
    }
    let mut res = body.into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    res
}

/// `POST /csp-reports`.
pub async fn csp_report(State(s): State<SecurityState>, body: Bytes) -> Response {
    let Some(violations) = parse_report(&body) else {
        let problem = serde_json::json!({
            "type": "about:blank",
            "title": "Not a CSP violation report",
            "status": 400,
        });
        let mut res = (StatusCode::BAD_REQUEST, problem.to_string()).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        return res;
    };
    for v in &violations {
        crate::metrics::count_csp_report();
        if s.sample >= 1.0 || rand::thread_rng().gen::<f64>() < s.sample {
            tracing::warn!(directive = %v.directive, blocked = %v.blocked, page = %v.page, "CSP violation reported");
        }
    }
    StatusCode::NO_CONTENT.into_response()
}
