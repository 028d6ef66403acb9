//! HTTP middleware: the per-request context (language, lite delivery, CSP nonce), security headers
//! on every response, and cache headers.

use crate::auth::session::SESSION_COOKIE;
use axum::extract::Request;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine as _;
use rand::RngCore as _;
use stadsporten_app::context::RequestContext;
use stadsporten_app::error::AppError;
use stadsporten_domain::measure::{CaseChannel, JourneyKind};
use stadsporten_domain::stats::DeviceClass;
use stadsporten_domain::Lang;
use std::sync::Arc;

/// Reads one cookie's value from the request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn new_nonce() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Refuses CONNECT before anything else sees it. Stadsporten is not a proxy; left to the router,
/// a CONNECT got the ordinary 405 page, a body that HTTP forbids on a CONNECT answer, and hyper
/// logged an error line for each (the security scan sent thousands). An empty 405 with `Allow`.
pub async fn refuse_connect(req: Request, next: Next) -> Response {
    if req.method() == axum::http::Method::CONNECT {
        let mut res = Response::new(axum::body::Body::empty());
        *res.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
        res.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD, POST"));
        return res;
    }
    next.run(req).await
}

/// Largest page we buffer to strip scripts from in lite mode.
const MAX_LITE_PAGE: usize = 4 * 1024 * 1024;

/// Lite delivery promises no JavaScript at all: besides leaving out the hydration script (the
/// shell does that), remove the small inline bootstrap scripts Leptos adds to every page.
async fn without_scripts(res: Response) -> Response {
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_LITE_PAGE).await else {
        return Response::from_parts(parts, axum::body::Body::empty());
    };
    let html = String::from_utf8_lossy(&bytes);
    let mut out = String::with_capacity(html.len());
    let mut rest: &str = &html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        match rest[start..].find("</script>") {
            Some(end) => rest = &rest[start + end + "</script>".len()..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(out))
}

/// Server functions answer a plain form post (no JavaScript) that failed with a redirect and the
/// error in JSON; show people the translated error page with the error's status instead.
pub async fn server_fn_errors(
    axum::extract::State(pages): axum::extract::State<stadsporten_app::web::pages::Pages>,
    req: Request,
    next: Next,
) -> Response {
    // `/api/v1/` is the API for the city's systems: it answers problem documents, never pages.
    let from_form = req.uri().path().starts_with("/api/")
        && !req.uri().path().starts_with("/api/v1/")
        && req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("text/html"));
    let ctx = req.extensions().get::<RequestContext>().cloned();
    let res = next.run(req).await;
    let failed = res.status().is_client_error()
        || res.status().is_server_error()
        || res.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).is_some_and(|l| l.contains("__err="));
    let (Some(ctx), true, true) = (ctx, from_form, failed) else { return res };
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024).await.unwrap_or_default();
    // A server function's own error is JSON; anything else (the router's 404, or 405 for a
    // server function opened in the address bar) is judged by its status, not taken for a crash.
    let by_status = match parts.status {
        StatusCode::NOT_FOUND => AppError::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => AppError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
        StatusCode::BAD_REQUEST | StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::UNPROCESSABLE_ENTITY => {
            AppError::BadArguments
        }
        _ => AppError::Internal,
    };
    let error = serde_json::from_slice::<AppError>(&bytes).unwrap_or(by_status);
    let mut page = pages.error(&ctx, error).await;
    // A 405 says which methods the address does take.
    if let Some(allow) = parts.headers.get(header::ALLOW) {
        page.headers_mut().insert(header::ALLOW, allow.clone());
    }
    page
}

/// What the outermost middleware needs: configuration of the security headers and of the client
/// address, and the anonymous pages kept in memory.
#[derive(Clone)]
pub struct Front {
    /// Origins a form may lead to besides this one: the identity providers, because signing out
    /// is a form post answered with a redirect to the provider's logout (CSP `form-action` also
    /// governs redirects after a form post).
    pub form_action_extra: String,
    /// Load balancers whose `X-Forwarded-For` is believed (see [`client_address`]).
    pub trusted_proxies: Arc<Vec<crate::config::IpNet>>,
    pub page_cache: crate::page_cache::PageCache,
    pub store: stadsporten_db::Store,
    /// The server's clock (injectable in tests), for what is counted here.
    pub clock: stadsporten_app::web::clock::Clock,
    /// `X-Served-By` on every response, when a node name is configured (which node answered,
    /// for operations behind a load balancer and the cluster test).
    pub served_by: Option<HeaderValue>,
    /// `Strict-Transport-Security`, when the site is served over HTTPS.
    pub hsts: Option<HeaderValue>,
}

/// The client's address: the peer, unless the peer is a trusted proxy; then the right-most
/// address the proxies wrote that is not itself a trusted proxy (addresses further left were
/// written by the client and prove nothing). The proxies' record is the standard `Forwarded`
/// header (RFC 7239, its `for=` parameters) when there is one, else `X-Forwarded-For`. From a
/// peer that is not a trusted proxy both are ignored: anyone can write them.
pub fn client_address(peer: Option<std::net::IpAddr>, headers: &HeaderMap, trusted: &[crate::config::IpNet]) -> String {
    let Some(peer) = peer else { return String::new() };
    if !trusted.iter().any(|n| n.contains(peer)) {
        return peer.to_string();
    }
    let values = |name: &str| -> Vec<String> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::to_owned)
            .collect()
    };
    let standard: Vec<std::net::IpAddr> = values("forwarded").iter().filter_map(|e| forwarded_for(e)).collect();
    let forwarded = if !standard.is_empty() {
        standard
    } else {
        values("x-forwarded-for").iter().filter_map(|a| a.trim().parse().ok()).collect()
    };
    forwarded.iter().rev().find(|a| !trusted.iter().any(|n| n.contains(**a))).copied().unwrap_or(peer).to_string()
}

/// The address of one `Forwarded` element's `for=` (`for=192.0.2.60`, `for="[2001:db8::1]:4711"`,
/// `for="198.51.100.17:80"`); `None` for an obfuscated or unknown node (`for=unknown`, `_hidden`).
fn forwarded_for(element: &str) -> Option<std::net::IpAddr> {
    let value = element.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        k.trim().eq_ignore_ascii_case("for").then(|| v.trim().trim_matches('"').to_owned())
    })?;
    if let Some(rest) = value.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    value.parse().ok().or_else(|| value.rsplit_once(':').and_then(|(ip, _)| ip.parse().ok()))
}

/// Works out the request's language and delivery, answers anonymous public pages from memory,
/// and sets the security headers on the way out.
pub async fn request_context(
    axum::extract::State(front): axum::extract::State<Front>,
    mut req: Request,
    next: Next,
) -> Response {
    let headers = req.headers();
    let lang =
        Lang::choose(cookie(headers, "lang"), headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()));
    // An explicit choice wins; otherwise the browser's Save-Data preference chooses lite.
    let lite = match cookie(headers, "lite") {
        Some("1") => true,
        Some("0") => false,
        _ => headers.get("save-data").and_then(|v| v.to_str().ok()).is_some_and(|v| v.eq_ignore_ascii_case("on")),
    };
    let holds_session = cookie(headers, SESSION_COOKIE).is_some();
    // The device class is for measurement only: not worked out when journeys are not counted.
    let device = if front.store.records_journeys() {
        DeviceClass::from_user_agent(headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or(""))
    } else {
        DeviceClass::default()
    };
    let cache_key = crate::page_cache::PageKey::of(req.method(), req.uri(), lang, lite, holds_session);
    let generation = front.store.generation(stadsporten_db::Topic::Content);
    if let Some(page) = cache_key.as_ref().and_then(|k| front.page_cache.get(k, generation)) {
        // A service page served from memory is seen like one rendered (app/src/catalogue/server.rs).
        if let Some(slug) = req.uri().path().strip_prefix("/services/") {
            front.store.record(stadsporten_db::JourneyEvent {
                service_slug: slug,
                kind: JourneyKind::ServicePage,
                detail: "",
                channel: if lite { CaseChannel::Lite } else { CaseChannel::Web },
                device,
                at: front.clock.now(),
            });
        }
        let mut res = page.respond(req.headers());
        security_headers(&mut res, &front, Scripts::Hashes(&page.script_hashes), false, false);
        return res;
    }
    // A page that will be kept is rendered without a nonce: its scripts are allowed by hash.
    let nonce = if cache_key.is_some() { String::new() } else { new_nonce() };
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let peer = req.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
    let client_addr = client_address(peer, req.headers(), &front.trusted_proxies);
    let ctx = RequestContext {
        lang,
        lite,
        path: req.uri().path().to_owned(),
        query: req.uri().query().unwrap_or("").to_owned(),
        nonce: nonce.clone(),
        request_id,
        client_addr,
        device,
        ..RequestContext::default()
    };
    req.extensions_mut().insert(ctx);
    let is_asset = req.uri().path().starts_with("/pkg/");
    let request_headers = cache_key.is_some().then(|| req.headers().clone());
    let mut res = next.run(req).await;
    if lite {
        res = without_scripts(res).await;
    }
    if let (Some(key), Some(request_headers)) = (cache_key, request_headers) {
        let keepable = res.status() == StatusCode::OK
            && !res.headers().contains_key(header::SET_COOKIE)
            && !res.headers().contains_key(header::CONTENT_ENCODING)
            && is_html(res.headers());
        if keepable {
            let content_type = res.headers()[header::CONTENT_TYPE].clone();
            let (parts, body) = res.into_parts();
            match axum::body::to_bytes(body, MAX_LITE_PAGE).await {
                Ok(bytes) => {
                    let page = front.page_cache.put(key, bytes, content_type, generation);
                    let mut res = page.respond(&request_headers);
                    security_headers(&mut res, &front, Scripts::Hashes(&page.script_hashes), false, false);
                    return res;
                }
                Err(_) => {
                    res = Response::from_parts(parts, axum::body::Body::empty());
                    *res.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                }
            }
        }
        // Not kept (an error page, a redirect): it was rendered without a nonce, so its inline
        // scripts are allowed by hash as well.
        let mut hashes = String::new();
        if is_html(res.headers()) && !res.headers().contains_key(header::CONTENT_ENCODING) {
            let (parts, body) = res.into_parts();
            let bytes = axum::body::to_bytes(body, MAX_LITE_PAGE).await.unwrap_or_default();
            hashes = crate::page_cache::inline_script_hashes(&String::from_utf8_lossy(&bytes));
            res = Response::from_parts(parts, axum::body::Body::from(bytes));
        }
        security_headers(&mut res, &front, Scripts::Hashes(&hashes), is_asset, holds_session);
        return res;
    }
    security_headers(&mut res, &front, Scripts::Nonce(&nonce), is_asset, holds_session);
    res
}

fn is_html(h: &HeaderMap) -> bool {
    h.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"))
}

/// How a page's inline scripts are allowed.
enum Scripts<'a> {
    Nonce(&'a str),
    /// `'sha256-…'` expressions (a kept page has no nonce).
    Hashes(&'a str),
}

fn security_headers(res: &mut Response, front: &Front, scripts: Scripts<'_>, is_asset: bool, holds_session: bool) {
    let unavailable = res.status() == StatusCode::SERVICE_UNAVAILABLE;
    let h = res.headers_mut();
    if let Some(node) = &front.served_by {
        h.insert("x-served-by", node.clone());
    }
    if unavailable && !h.contains_key(header::RETRY_AFTER) {
        h.insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    }
    let is_html = is_html(h);
    let csp = if is_html {
        let allowed = match scripts {
            Scripts::Nonce(nonce) => format!(" 'nonce-{nonce}'"),
            Scripts::Hashes(hashes) => hashes.to_owned(),
        };
        format!(
            "default-src 'self'; script-src 'self'{allowed} 'wasm-unsafe-eval'; style-src 'self'; \
             img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'{}; frame-ancestors 'none'; report-uri /csp-reports; report-to csp",
            front.form_action_extra
        )
    } else {
        "default-src 'none'; frame-ancestors 'none'".to_owned()
    };
    if let Ok(v) = HeaderValue::from_str(&csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    if is_html {
        h.insert("reporting-endpoints", HeaderValue::from_static("csp=\"/csp-reports\""));
    }
    if let Some(hsts) = &front.hsts {
        h.insert(header::STRICT_TRANSPORT_SECURITY, hsts.clone());
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    let sets_session = h
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.to_str().is_ok_and(|c| c.trim_start().starts_with(&format!("{SESSION_COOKIE}="))));
    if is_asset && !sets_session {
        // cargo-leptos names the JS, WASM and CSS after their content hash: cache them for a year.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=31536000, immutable"));
    } else if holds_session || sets_session {
        // Whatever answers a request that holds a session (signed in, or a sign-in under way), or
        // sets one, may be personal: pages name the person, server functions answer with their
        // data, downloads are their files. No cache, shared or the browser's, keeps it.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store, private"));
        if is_html {
            h.insert(header::VARY, HeaderValue::from_static("Accept-Language, Cookie, Save-Data"));
        }
    } else if (is_html || h.contains_key(header::ETAG))
        && !h.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("no-store"))
    {
        // Anonymous pages depend on the language and delivery choices: revalidate each time (a
        // kept page answers 304 when unchanged). An answer that says no-store keeps it (the
        // API's personal data, asked for with a token rather than a session).
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache, private"));
        h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding, Accept-Language, Cookie, Save-Data"));
    }
}

/// Admission: a bound on requests handled at once, and the drain before stopping.
///
/// Policy: past `max_in_flight` requests at once, a request waits for its turn (first come,
/// first served) up to `max_wait`, then is refused with 503 and `Retry-After` (a short
/// translated page made without rendering the application), rather than queued until every
/// request times out: the requests that are taken keep their latency. Cached anonymous pages are
/// answered before this gate and are never refused.
#[derive(Clone)]
pub struct Gate {
    permits: Arc<tokio::sync::Semaphore>,
    max_wait: std::time::Duration,
    /// When a refusal was last logged (seconds since the Unix epoch): one line a second at most,
    /// with the count, not one per refused request.
    refusals: Arc<(std::sync::atomic::AtomicU64, std::sync::atomic::AtomicU64)>,
    /// Set on SIGTERM: `/healthz` answers 503 so that the load balancer stops sending requests.
    pub draining: Arc<std::sync::atomic::AtomicBool>,
    /// The limit, and every refusal since start (for `/metrics`).
    max_in_flight: usize,
    refused_total: Arc<std::sync::atomic::AtomicU64>,
}

impl Gate {
    pub fn new(max_in_flight: usize, max_wait: std::time::Duration) -> Gate {
        Gate {
            permits: Arc::new(tokio::sync::Semaphore::new(max_in_flight)),
            max_wait,
            refusals: Arc::default(),
            draining: Arc::default(),
            max_in_flight,
            refused_total: Arc::default(),
        }
    }

    /// Requests admitted and not yet answered.
    pub fn in_flight(&self) -> usize {
        self.max_in_flight.saturating_sub(self.permits.available_permits())
    }

    /// Requests refused with 503 since start.
    pub fn refused_total(&self) -> u64 {
        self.refused_total.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Counts a refusal and logs the count once a second at most.
    fn refused(&self) {
        use std::sync::atomic::Ordering;
        self.refused_total.fetch_add(1, Ordering::Relaxed);
        let (last, count) = &*self.refusals;
        let n = count.fetch_add(1, Ordering::AcqRel) + 1;
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let before = last.load(Ordering::Acquire);
        if now > before && last.compare_exchange(before, now, Ordering::AcqRel, Ordering::Acquire).is_ok() {
            count.fetch_sub(n, Ordering::AcqRel);
            tracing::warn!(refused = n, "overloaded: refused requests with 503 since the last report");
        }
    }

    pub fn is_draining(&self) -> bool {
        self.draining.load(std::sync::atomic::Ordering::Acquire)
    }
}

/// How long a refused client is asked to wait (seconds).
pub const RETRY_AFTER_SECONDS: u32 = 2;

pub async fn admit(axum::extract::State(gate): axum::extract::State<Gate>, req: Request, next: Next) -> Response {
    // The load balancer's checks always pass the gate: a busy node is not a dead one.
    if matches!(req.uri().path(), "/healthz" | "/readyz") {
        return next.run(req).await;
    }
    let permit = match gate.permits.clone().try_acquire_owned() {
        Ok(p) => Some(p),
        Err(_) => {
            tokio::time::timeout(gate.max_wait, gate.permits.clone().acquire_owned()).await.ok().and_then(Result::ok)
        }
    };
    let Some(_permit) = permit else {
        let lang = req.extensions().get::<RequestContext>().map(|c| c.lang).unwrap_or_default();
        gate.refused();
        return unavailable_page(lang);
    };
    next.run(req).await
}

/// A small translated 503 page with `Retry-After`, made without the application's renderer (it
/// answers when the node is overloaded or the database is away).
pub fn unavailable_page(lang: Lang) -> Response {
    use stadsporten_app::i18n::t;
    let escape = |s: String| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let title = escape(t(lang, AppError::Unavailable.title_id()));
    let body = escape(t(lang, AppError::Unavailable.message_id()));
    let html = format!(
        "<!DOCTYPE html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head>\
         <body><main><h1>{title}</h1><p>{body}</p></main></body></html>",
        lang.code(),
        lang.direction().as_str()
    );
    let mut res = Response::new(axum::body::Body::from(html));
    *res.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::IpNet;

    #[test]
    fn the_session_store_knows_the_flash_by_its_key() {
        // The store keeps a flash alone in memory on SQLite (db/src/sessions.rs): it must be
        // the key the forms write.
        assert_eq!(stadsporten_app::flash::FLASH_KEY, stadsporten_db::FLASH_KEY);
    }

    #[test]
    fn the_client_is_the_peer_unless_the_peer_is_a_trusted_proxy() {
        let trusted = vec![IpNet::parse("10.0.0.0/24").unwrap()];
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_static("203.0.113.9"));
        let peer = |s: &str| Some(s.parse().unwrap());
        // Not from a proxy: the header is the client's own claim and proves nothing.
        assert_eq!(client_address(peer("198.51.100.7"), &h, &trusted), "198.51.100.7");
        assert_eq!(client_address(peer("10.0.0.5"), &h, &trusted), "203.0.113.9");
        // A client that writes its own X-Forwarded-For is found right of it, where the proxy wrote.
        h.insert("x-forwarded-for", HeaderValue::from_static("1.2.3.4, 203.0.113.9, 10.0.0.6"));
        assert_eq!(client_address(peer("10.0.0.5"), &h, &trusted), "203.0.113.9");
        // Nothing usable: the proxy itself.
        h.insert("x-forwarded-for", HeaderValue::from_static("garbage"));
        assert_eq!(client_address(peer("10.0.0.5"), &h, &trusted), "10.0.0.5");
        assert_eq!(client_address(None, &h, &trusted), "");
    }

    #[test]
    fn the_standard_forwarded_header_is_read_from_proxies_only() {
        let trusted = vec![IpNet::parse("10.0.0.0/24").unwrap()];
        let peer = |s: &str| Some(s.parse().unwrap());
        let mut h = HeaderMap::new();
        h.insert(
            "forwarded",
            HeaderValue::from_static("for=1.2.3.4, for=\"203.0.113.9:4711\";proto=https, for=10.0.0.6"),
        );
        h.insert("x-forwarded-for", HeaderValue::from_static("198.51.100.99"));
        assert_eq!(client_address(peer("10.0.0.5"), &h, &trusted), "203.0.113.9", "Forwarded wins");
        assert_eq!(client_address(peer("192.0.2.1"), &h, &trusted), "192.0.2.1", "forged from a non-proxy");
        h.insert("forwarded", HeaderValue::from_static("for=\"[2001:db8:cafe::17]:4711\""));
        assert_eq!(client_address(peer("10.0.0.5"), &h, &trusted), "2001:db8:cafe::17");
        h.insert("forwarded", HeaderValue::from_static("for=unknown;by=_hidden"));
        assert_eq!(client_address(peer("10.0.0.5"), &h, &trusted), "198.51.100.99", "nothing usable: X-Forwarded-For");
    }

    #[tokio::test]
    async fn the_unavailable_page_is_translated_and_asks_to_retry() {
        for (lang, title) in [
            (Lang::Sv, "Tjänsten är tillfälligt otillgänglig"),
            (Lang::En, "The service is temporarily unavailable"),
            (Lang::Ar, "dir=\"rtl\""),
        ] {
            let res = unavailable_page(lang);
            assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(res.headers()[header::RETRY_AFTER], RETRY_AFTER_SECONDS.to_string().as_str());
            let body = axum::body::to_bytes(res.into_body(), 64 * 1024).await.unwrap();
            assert!(String::from_utf8_lossy(&body).contains(title), "{lang:?}");
        }
    }
}
