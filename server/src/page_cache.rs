//! Anonymous public pages, rendered once and served from memory.
//!
//! Policy:
//! - Only what is the same for everyone is kept: a `GET` without a session cookie, of a public
//!   page (the start page, the catalogue and its service pages, the comparison, the business
//!   guide, the open data page), answered `200` with HTML and no cookie. Such a page depends
//!   only on its path and query, the language and the delivery (lite or not): that is the key.
//! - Kept with its brotli and gzip bytes (made once, on first demand) and an `ETag`; a browser
//!   that has it gets `304 Not Modified`.
//! - Kept until the content changes — the content generation (`stadsporten_db::Topic`): at once
//!   on the node that made the change, within milliseconds on the others — and at most
//!   [`MAX_AGE`] in any case, since an operating message's validity window passes without a
//!   change to announce it.
//! - A kept page carries no per-request nonce: it is rendered without one, and the CSP allows
//!   its inline scripts by their SHA-256 hashes instead.
//! - Bounded: at most [`MAX_BYTES`] of pages; the oldest go first. A search query is a key like
//!   any other, so odd queries only push out each other and the oldest pages.

use axum::body::Bytes;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::Response;
use base64::Engine as _;
use sha2::{Digest, Sha256};
use stadsporten_domain::Lang;
use std::collections::{HashMap, VecDeque};
use std::io::Write as _;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The longest a page is kept without a change announcing itself.
pub const MAX_AGE: Duration = Duration::from_secs(10);
/// The most page bytes kept (raw and compressed together).
pub const MAX_BYTES: usize = 24 * 1024 * 1024;
/// Longer paths and queries are not kept (nobody links to them; they only churn the cache).
const MAX_KEY: usize = 256;

/// Which requests may be answered from the cache: the public pages, by path.
pub fn is_public_page(path: &str) -> bool {
    match path {
        "/"
        | "/services"
        | "/compare"
        | "/compare/side-by-side"
        | "/business"
        | "/business/checklist"
        | "/open-data/providers"
        | "/open-data/service-levels"
        | "/tillganglighet" => true,
        _ => {
            let one_segment =
                |prefix: &str| path.strip_prefix(prefix).is_some_and(|rest| !rest.is_empty() && !rest.contains('/'));
            one_segment("/services/") || one_segment("/compare/units/")
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    path_and_query: String,
    lang: Lang,
    lite: bool,
}

impl PageKey {
    /// The key of a request that may be served from the cache, or `None`.
    pub fn of(
        method: &axum::http::Method,
        uri: &axum::http::Uri,
        lang: Lang,
        lite: bool,
        has_session: bool,
    ) -> Option<PageKey> {
        let path_and_query = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
        (method == axum::http::Method::GET
            && !has_session
            && path_and_query.len() <= MAX_KEY
            && is_public_page(uri.path()))
        .then(|| PageKey { path_and_query: path_and_query.to_owned(), lang, lite })
    }
}

/// One kept page.
pub struct Page {
    raw: Bytes,
    br: OnceLock<Bytes>,
    gzip: OnceLock<Bytes>,
    etag: HeaderValue,
    /// `'sha256-…'` of each inline script, for the CSP.
    pub script_hashes: String,
    content_type: HeaderValue,
    generation: u64,
    made: Instant,
}

impl Page {
    fn new(raw: Bytes, content_type: HeaderValue, generation: u64) -> Page {
        let digest = Sha256::digest(&raw);
        let etag = HeaderValue::from_str(&format!("W/\"{}\"", hex_prefix(&digest)))
            .unwrap_or_else(|_| HeaderValue::from_static("W/\"0\""));
        let script_hashes = inline_script_hashes(&String::from_utf8_lossy(&raw));
        Page {
            raw,
            br: OnceLock::new(),
            gzip: OnceLock::new(),
            etag,
            script_hashes,
            content_type,
            generation,
            made: Instant::now(),
        }
    }

    /// What the page counts against [`MAX_BYTES`]: its bytes and, made later on demand, its
    /// compressed ones (taken as half its size together; HTML compresses to a quarter or less).
    fn charge(&self) -> usize {
        self.raw.len() + self.raw.len() / 2
    }

    /// The response for a request with these headers: 304 when it has this version, else the
    /// bytes in the best encoding it accepts.
    pub fn respond(&self, request: &HeaderMap) -> Response {
        let mut res = Response::new(axum::body::Body::empty());
        let h = res.headers_mut();
        h.insert(header::ETAG, self.etag.clone());
        h.insert(header::CONTENT_TYPE, self.content_type.clone());
        let matches = request
            .get_all(header::IF_NONE_MATCH)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .any(|t| {
                t.trim() == "*"
                    || t.trim().trim_start_matches("W/") == self.etag.to_str().unwrap_or("").trim_start_matches("W/")
            });
        if matches {
            *res.status_mut() = StatusCode::NOT_MODIFIED;
            return res;
        }
        let accepts = |coding: &str| {
            request
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|c| {
                    let mut parts = c.split(';');
                    parts.next().is_some_and(|n| n.trim().eq_ignore_ascii_case(coding))
                        && !parts.any(|p| p.trim().replace(' ', "") == "q=0")
                })
        };
        let (body, coding) = if accepts("br") {
            (self.br.get_or_init(|| brotli(&self.raw)).clone(), Some("br"))
        } else if accepts("gzip") {
            (self.gzip.get_or_init(|| gzip(&self.raw)).clone(), Some("gzip"))
        } else {
            (self.raw.clone(), None)
        };
        let h = res.headers_mut();
        if let Some(coding) = coding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        *res.body_mut() = axum::body::Body::from(body);
        res
    }
}

fn hex_prefix(digest: &[u8]) -> String {
    digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// Brotli at quality 5: within a few percent of 11 for HTML, at a fraction of the time, and made
/// once per page.
fn brotli(raw: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(raw.len() / 4);
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        let _ = w.write_all(raw);
    }
    Bytes::from(out)
}

fn gzip(raw: &[u8]) -> Bytes {
    let mut w = flate2::write::GzEncoder::new(Vec::with_capacity(raw.len() / 4), flate2::Compression::new(6));
    let _ = w.write_all(raw);
    Bytes::from(w.finish().unwrap_or_default())
}

/// `'sha256-…'` source expressions for every inline script of the page (CSP level 2).
pub fn inline_script_hashes(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let Some(close) = after.find("</script>") else { break };
        if close > open_end {
            let content = &after[open_end + 1..close];
            if !content.is_empty() {
                let digest = Sha256::digest(content.as_bytes());
                out.push_str(" 'sha256-");
                out.push_str(&base64::engine::general_purpose::STANDARD.encode(digest));
                out.push('\'');
            }
        }
        rest = &after[close + "</script>".len()..];
    }
    out
}

#[derive(Default)]
struct Inner {
    pages: HashMap<PageKey, Arc<Page>>,
    order: VecDeque<PageKey>,
    bytes: usize,
}

/// The pages of this node.
#[derive(Clone, Default)]
pub struct PageCache {
    inner: Arc<Mutex<Inner>>,
}

impl PageCache {
    /// The kept page, while it is of this content generation and young enough.
    pub fn get(&self, key: &PageKey, generation: u64) -> Option<Arc<Page>> {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.pages.get(key).filter(|p| p.generation == generation && p.made.elapsed() < MAX_AGE).cloned()
    }

    /// Keeps a rendered page (its body read whole), and gives it back to be served.
    pub fn put(&self, key: PageKey, raw: Bytes, content_type: HeaderValue, generation: u64) -> Arc<Page> {
        let page = Arc::new(Page::new(raw, content_type, generation));
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(old) = inner.pages.insert(key.clone(), page.clone()) {
            inner.bytes = inner.bytes.saturating_sub(old.charge());
        } else {
            inner.order.push_back(key);
        }
        inner.bytes += page.charge();
        while inner.bytes > MAX_BYTES {
            let Some(oldest) = inner.order.pop_front() else { break };
            if let Some(old) = inner.pages.remove(&oldest) {
                inner.bytes = inner.bytes.saturating_sub(old.charge());
            }
        }
        page
    }

    /// How many pages are kept (for tests and diagnostics).
    pub fn len(&self) -> usize {
        self.inner.lock().unwrap_or_else(|p| p.into_inner()).pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_pages_are_the_anonymous_ones_that_look_the_same_for_everyone() {
        for p in [
            "/",
            "/services",
            "/services/skolval",
            "/compare",
            "/compare/units/12",
            "/business",
            "/open-data/providers",
        ] {
            assert!(is_public_page(p), "{p}");
        }
        for p in
            ["/services/skolval/start", "/my", "/apply/x/step/a", "/admin/audit", "/services/", "/api/x", "/pkg/a.css"]
        {
            assert!(!is_public_page(p), "{p}");
        }
        let uri: axum::http::Uri = "/services?q=skola".parse().unwrap();
        assert!(PageKey::of(&axum::http::Method::GET, &uri, Lang::Sv, false, false).is_some());
        assert!(PageKey::of(&axum::http::Method::GET, &uri, Lang::Sv, false, true).is_none(), "a session is personal");
        assert!(PageKey::of(&axum::http::Method::POST, &uri, Lang::Sv, false, false).is_none());
    }

    #[test]
    fn inline_scripts_are_allowed_by_their_hashes() {
        let html = "<p>x</p><script type=\"module\">go()</script><script src=\"/pkg/a.js\"></script><script>b</script>";
        let hashes = inline_script_hashes(html);
        let expected = |s: &str| base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()));
        assert_eq!(hashes, format!(" 'sha256-{}' 'sha256-{}'", expected("go()"), expected("b")));
    }

    #[test]
    fn a_page_answers_in_the_accepted_encoding_and_304_when_the_browser_has_it() {
        let cache = PageCache::default();
        let key = PageKey { path_and_query: "/".into(), lang: Lang::Sv, lite: false };
        let body = "<html>".repeat(500);
        let page = cache.put(key.clone(), Bytes::from(body.clone()), HeaderValue::from_static("text/html"), 7);
        assert!(cache.get(&key, 8).is_none(), "a change of content throws it away");
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip, br"));
        let res = page.respond(&headers);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
        let etag = res.headers()[header::ETAG].clone();
        headers.insert(header::IF_NONE_MATCH, etag);
        assert_eq!(page.respond(&headers).status(), StatusCode::NOT_MODIFIED);
        let mut plain = HeaderMap::new();
        plain.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip;q=0, identity"));
        let res = cache.get(&key, 7).expect("kept").respond(&plain);
        assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(res.headers()[header::CONTENT_LENGTH], body.len().to_string().as_str());
    }

    #[test]
    fn the_cache_stays_within_its_bytes() {
        let cache = PageCache::default();
        let page = Bytes::from(vec![b'x'; 1024 * 1024]);
        for i in 0..100 {
            let key = PageKey { path_and_query: format!("/services?q={i}"), lang: Lang::En, lite: false };
            cache.put(key, page.clone(), HeaderValue::from_static("text/html"), 1);
        }
        assert!(cache.len() < 20, "{}", cache.len());
        let newest = PageKey { path_and_query: "/services?q=99".into(), lang: Lang::En, lite: false };
        assert!(cache.get(&newest, 1).is_some(), "the newest is kept");
    }
}
