//! `/metrics` in the Prometheus text format (version 0.0.4), for operations.
//!
//! Policy:
//! - Requests are counted per route *template* (`/services/{slug}`, never the path a person
//!   typed, which may carry search text or ids), method and status, with a latency histogram.
//!   Counting is a short lock on a small map; nothing is written anywhere.
//! - Gauges are read on the scrape: the database pool, the outbox and audit backlogs, journey
//!   counts not yet written, open and overdue cases per unit, requests in flight.
//! - Reachable only from the configured addresses (`[measurement] metrics_allow`, by the peer's
//!   address, not a header anyone can write) or with `Authorization: Bearer <metrics_token>`;
//!   anyone else gets 404, as if there were nothing here.

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use secrecy::ExposeSecret;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};
use std::time::Instant;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 11] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

#[derive(Default)]
struct Latency {
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// (method, route template) → (status → count, latency).
type RouteCounts = BTreeMap<(String, String), (BTreeMap<u16, u64>, Latency)>;

/// This process's counters.
#[derive(Default)]
pub struct Counters {
    requests: Mutex<RouteCounts>,
    sign_ins: AtomicU64,
    /// Refusals by rate-limit class (in `LimitClass::ALL`'s order).
    rate_limited: [AtomicU64; 7],
    csp_reports: AtomicU64,
}

/// A request refused by a rate limit (`rate_limit.rs`).
pub fn count_rate_limited(class: stadsporten_domain::security::rate::LimitClass) {
    use stadsporten_domain::security::rate::LimitClass;
    if let Some(i) = LimitClass::ALL.iter().position(|c| *c == class) {
        COUNTERS.rate_limited[i].fetch_add(1, Ordering::Relaxed);
    }
}

/// A CSP violation report received (logged or not: see `security_routes.rs`).
pub fn count_csp_report() {
    COUNTERS.csp_reports.fetch_add(1, Ordering::Relaxed);
}

/// One set of counters per process (every request path and the sign-in add to it).
pub static COUNTERS: LazyLock<Counters> = LazyLock::new(Counters::default);

impl Counters {
    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let mut map = self.requests.lock().unwrap_or_else(|p| p.into_inner());
        let (statuses, latency) = match map.get_mut(&(method.to_owned(), route.to_owned())) {
            Some(e) => e,
            None => map.entry((method.to_owned(), route.to_owned())).or_default(),
        };
        *statuses.entry(status).or_default() += 1;
        for (i, le) in BUCKETS.iter().enumerate() {
            if seconds <= *le {
                latency.buckets[i] += 1;
            }
        }
        latency.count += 1;
        latency.sum += seconds;
    }

    /// A completed sign-in (either identity provider).
    pub fn signed_in(&self) {
        self.sign_ins.fetch_add(1, Ordering::Relaxed);
    }
}

/// Times and counts every request by its route template.
pub async fn observe(req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let route = req.extensions().get::<MatchedPath>().map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    let res = next.run(req).await;
    COUNTERS.observe(&method, &route, res.status().as_u16(), started.elapsed().as_secs_f64());
    res
}

/// What the scrape needs besides the counters.
#[derive(Clone)]
pub struct MetricsState {
    pub store: stadsporten_db::Store,
    pub gate: crate::middleware::Gate,
    pub allow: std::sync::Arc<Vec<crate::config::IpNet>>,
    pub token: secrecy::SecretString,
    pub clock: stadsporten_app::web::clock::Clock,
}

fn escape(v: &str) -> String {
    v.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// `GET /metrics`.
pub async fn metrics(State(s): State<MetricsState>, req: Request) -> Response {
    let peer = req.extensions().get::<ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
    let headers = req.headers();
    let from_allowed = peer.is_some_and(|p| s.allow.iter().any(|n| n.contains(p)));
    let token = s.token.expose_secret();
    let with_token = !token.is_empty()
        && headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|t| constant_time_eq(t.as_bytes(), token.as_bytes()));
    if !from_allowed && !with_token {
        return StatusCode::NOT_FOUND.into_response();
    }
    let mut out = String::new();
    render_requests(&mut out);
    let _ = writeln!(out, "# HELP stadsporten_sign_ins_total Completed sign-ins since start.");
    let _ = writeln!(out, "# TYPE stadsporten_sign_ins_total counter");
    let _ = writeln!(out, "stadsporten_sign_ins_total {}", COUNTERS.sign_ins.load(Ordering::Relaxed));
    let _ = writeln!(out, "# HELP stadsporten_requests_in_flight Requests being served now (admitted by the gate).");
    let _ = writeln!(out, "# TYPE stadsporten_requests_in_flight gauge");
    let _ = writeln!(out, "stadsporten_requests_in_flight {}", s.gate.in_flight());
    let _ =
        writeln!(out, "# HELP stadsporten_requests_refused_total Requests refused with 503 because the node was full.");
    let _ = writeln!(out, "# TYPE stadsporten_requests_refused_total counter");
    let _ = writeln!(out, "stadsporten_requests_refused_total {}", s.gate.refused_total());
    let _ = writeln!(out, "# HELP stadsporten_rate_limited_total Requests refused with 429 by a rate limit, by class.");
    let _ = writeln!(out, "# TYPE stadsporten_rate_limited_total counter");
    for (i, class) in stadsporten_domain::security::rate::LimitClass::ALL.iter().enumerate() {
        let n = COUNTERS.rate_limited[i].load(Ordering::Relaxed);
        let _ = writeln!(out, "stadsporten_rate_limited_total{{class=\"{}\"}} {n}", class.slug());
    }
    let _ = writeln!(out, "# HELP stadsporten_csp_reports_total CSP violation reports received.");
    let _ = writeln!(out, "# TYPE stadsporten_csp_reports_total counter");
    let _ = writeln!(out, "stadsporten_csp_reports_total {}", COUNTERS.csp_reports.load(Ordering::Relaxed));
    match s.store.gauges().await {
        Ok(g) => {
            gauge(&mut out, "stadsporten_db_pool_connections", "Connections open in the pool.", g.pool_size as f64);
            gauge(&mut out, "stadsporten_db_pool_idle", "Open connections not in use.", g.pool_idle as f64);
            gauge(&mut out, "stadsporten_db_pool_max", "The pool's limit.", g.pool_max as f64);
            gauge(&mut out, "stadsporten_outbox_pending", "Notifications waiting to be sent.", g.outbox_pending as f64);
            gauge(&mut out, "stadsporten_outbox_failed", "Notifications given up on.", g.outbox_failed as f64);
            gauge(
                &mut out,
                "stadsporten_audit_pending",
                "Audit entries not yet sealed into the chain.",
                g.audit_pending as f64,
            );
            gauge(
                &mut out,
                "stadsporten_journey_counters_unwritten",
                "Journey counters in this node's memory, written within seconds.",
                g.journeys_unflushed as f64,
            );
        }
        Err(e) => tracing::warn!(error = %e, "metrics: could not read the store's gauges"),
    }
    match s.store.backlogs(s.clock.now(), None).await {
        Ok(backlogs) => {
            let _ = writeln!(out, "# HELP stadsporten_cases_open Open cases per unit (the officers' queues).");
            let _ = writeln!(out, "# TYPE stadsporten_cases_open gauge");
            for b in &backlogs {
                let _ = writeln!(out, "stadsporten_cases_open{{unit=\"{}\"}} {}", escape(&b.unit_code), b.open);
            }
            let _ = writeln!(out, "# HELP stadsporten_cases_overdue Open cases past their due time per unit.");
            let _ = writeln!(out, "# TYPE stadsporten_cases_overdue gauge");
            for b in &backlogs {
                let _ = writeln!(out, "stadsporten_cases_overdue{{unit=\"{}\"}} {}", escape(&b.unit_code), b.overdue);
            }
        }
        Err(e) => tracing::warn!(error = %e, "metrics: could not read the queues"),
    }
    let mut res = out.into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

fn gauge(out: &mut String, name: &str, help: &str, value: f64) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} gauge");
    let _ = writeln!(out, "{name} {value}");
}

fn render_requests(out: &mut String) {
    let map = COUNTERS.requests.lock().unwrap_or_else(|p| p.into_inner());
    let _ = writeln!(out, "# HELP stadsporten_http_requests_total HTTP requests by route template, method and status.");
    let _ = writeln!(out, "# TYPE stadsporten_http_requests_total counter");
    for ((method, route), (statuses, _)) in map.iter() {
        for (status, n) in statuses {
            let _ = writeln!(
                out,
                "stadsporten_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{status}\"}} {n}",
                escape(method),
                escape(route)
            );
        }
    }
    let _ =
        writeln!(out, "# HELP stadsporten_http_request_duration_seconds Time to answer, by route template and method.");
    let _ = writeln!(out, "# TYPE stadsporten_http_request_duration_seconds histogram");
    for ((method, route), (_, l)) in map.iter() {
        let labels = format!("method=\"{}\",route=\"{}\"", escape(method), escape(route));
        for (i, le) in BUCKETS.iter().enumerate() {
            let _ = writeln!(
                out,
                "stadsporten_http_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {}",
                l.buckets[i]
            );
        }
        let _ = writeln!(out, "stadsporten_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}", l.count);
        let _ = writeln!(out, "stadsporten_http_request_duration_seconds_sum{{{labels}}} {}", l.sum);
        let _ = writeln!(out, "stadsporten_http_request_duration_seconds_count{{{labels}}} {}", l.count);
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_is_counted_under_its_template_with_cumulative_buckets() {
        let c = Counters::default();
        c.observe("GET", "/services/{slug}", 200, 0.02);
        c.observe("GET", "/services/{slug}", 404, 0.3);
        let map = c.requests.lock().unwrap();
        let (statuses, l) = &map[&("GET".to_owned(), "/services/{slug}".to_owned())];
        assert_eq!((statuses[&200], statuses[&404], l.count), (1, 1, 2));
        // 0.02 s is in every bucket from 0.025 up; 0.3 s from 0.5 up.
        assert_eq!(l.buckets[..4], [0, 0, 1, 1]);
        assert_eq!(l.buckets[6], 2);
    }

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd") && !constant_time_eq(b"abc", b"ab"));
    }
}
