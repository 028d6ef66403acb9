//! Rate limits: what an attacker would repeat, limited per client address and per account.
//!
//! Policy (the classes are `stadsporten_domain::security::rate`):
//! - Each class has a limit per minute (`[rate_limits]`), all of which may come at once; both
//!   the client address (the real one: see `middleware::client_address`) and, when someone is
//!   signed in, the account must be within it.
//! - Signing in is counted in the database, in fixed minutes, so a guessing attacker who spreads
//!   tries over the load balancer's nodes meets one limit. The rest are counted in this node's
//!   memory (the `governor` crate's GCRA, keyed, lock-free): a bound of the number of nodes times
//!   the limit, at no cost to the database on the request path.
//! - A refusal is a 429 with `Retry-After`: a short translated page for people (a refused form's
//!   fields come back in a "send again" form, so nothing typed is lost), an RFC 9457 problem
//!   document for server functions and integrations. The first refusal of a key in a minute is
//!   written to the audit trail, not every one: a flood must not become a flood of audit entries.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter as Governor};
use stadsporten_app::context::RequestContext;
use stadsporten_app::web::clock::Clock;
use stadsporten_db::Store;
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::security::rate::{classify, retry_after_seconds, LimitClass};
use stadsporten_domain::Lang;
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};

/// The largest refused form whose fields are offered back.
const MAX_KEPT_FORM: usize = 64 * 1024;

/// The limiter of every class, shared by the requests of this node.
#[derive(Clone)]
pub struct RateLimiter {
    inner: Arc<Inner>,
}

struct Inner {
    enabled: bool,
    limits: HashMap<LimitClass, u32>,
    memory: HashMap<LimitClass, DefaultKeyedRateLimiter<String>>,
    store: Store,
    clock: Clock,
    /// The minute a key's refusal was last audited.
    audited: Mutex<HashMap<String, i64>>,
}

/// Why a request was refused: wait this long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused {
    pub retry_after: u64,
    pub per_account: bool,
}

impl RateLimiter {
    pub fn new(settings: &crate::config::RateLimitSettings, store: Store, clock: Clock) -> RateLimiter {
        let limits: HashMap<LimitClass, u32> =
            LimitClass::ALL.iter().map(|c| (*c, settings.per_minute(*c).max(1))).collect();
        let memory = limits
            .iter()
            .filter(|(c, _)| !c.shared())
            .map(|(c, n)| {
                let n = NonZeroU32::new(*n).unwrap_or(NonZeroU32::MIN);
                (*c, Governor::keyed(Quota::per_minute(n).allow_burst(n)))
            })
            .collect();
        RateLimiter {
            inner: Arc::new(Inner {
                enabled: settings.enabled,
                limits,
                memory,
                store,
                clock,
                audited: Mutex::new(HashMap::new()),
            }),
        }
    }

    /// Forgets keys that have been quiet for a while (their state is the full allowance anyway),
    /// every minute, so memory holds the keys of the last minute only.
    pub fn spawn_housekeeping(&self) {
        let me = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(60));
            loop {
                tick.tick().await;
                for l in me.inner.memory.values() {
                    l.retain_recent();
                    l.shrink_to_fit();
                }
                let minute = me.inner.clock.now() / 60;
                me.inner.audited.lock().unwrap_or_else(|e| e.into_inner()).retain(|_, m| *m >= minute - 1);
            }
        });
    }

    /// Counts one request of `class` for each key; refused when any key is over its limit.
    pub async fn check(&self, class: LimitClass, address: &str, account: Option<&str>) -> Result<(), Refused> {
        let limit = self.inner.limits.get(&class).copied().unwrap_or(u32::MAX);
        let keys = std::iter::once((format!("{}:a:{address}", class.slug()), false))
            .chain(account.map(|a| (format!("{}:u:{a}", class.slug()), true)));
        for (key, per_account) in keys {
            if class.shared() {
                let now = self.inner.clock.now();
                let window = now - now.rem_euclid(60);
                match self.inner.store.rate_hit(&key, window).await {
                    Ok(hits) if hits > i64::from(limit) => {
                        let wait = (window + 60 - now).max(1) as u64;
                        return Err(Refused { retry_after: wait, per_account });
                    }
                    Ok(_) => {}
                    // Counting failed (the database is away): the request goes on, and meets the
                    // database's own unavailability if it needs it. A limit is no reason to fail.
                    Err(e) => tracing::warn!(error = %e, "could not count a rate-limited request"),
                }
            } else if let Some(l) = self.inner.memory.get(&class) {
                if let Err(not_until) = l.check_key(&key) {
                    let wait = not_until
                        .wait_time_from(governor::clock::Clock::now(&governor::clock::DefaultClock::default()));
                    return Err(Refused { retry_after: retry_after_seconds(wait.as_millis() as u64), per_account });
                }
            }
        }
        Ok(())
    }

    /// Whether this refusal is the key's first this minute (then it is audited).
    fn first_refusal(&self, key: &str) -> bool {
        let minute = self.inner.clock.now() / 60;
        let mut audited = self.inner.audited.lock().unwrap_or_else(|e| e.into_inner());
        match audited.get(key) {
            Some(m) if *m == minute => false,
            _ => {
                audited.insert(key.to_owned(), minute);
                true
            }
        }
    }
}

fn has_query_term(query: Option<&str>) -> bool {
    query.is_some_and(|q| form_urlencoded::parse(q.as_bytes()).any(|(k, v)| k == "q" && !v.trim().is_empty()))
}

/// The middleware: classify, count, refuse.
pub async fn limit(State(limiter): State<RateLimiter>, req: Request, next: Next) -> Response {
    if !limiter.inner.enabled {
        return next.run(req).await;
    }
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let Some(class) = classify(req.method().as_str(), req.uri().path(), has_query_term(req.uri().query()), multipart)
    else {
        return next.run(req).await;
    };
    let ctx = req.extensions().get::<RequestContext>().cloned().unwrap_or_default();
    let account = ctx.viewer.as_ref().map(|v| v.user_id.to_string());
    let refused = match limiter.check(class, &ctx.client_addr, account.as_deref()).await {
        Ok(()) => return next.run(req).await,
        Err(r) => r,
    };
    crate::metrics::count_rate_limited(class);
    let key = format!(
        "{}:{}",
        class.slug(),
        if refused.per_account { account.as_deref().unwrap_or("") } else { &ctx.client_addr }
    );
    if limiter.first_refusal(&key) {
        let entry = stadsporten_app::auth::entry(
            &ctx,
            AuditAction::AccessDenied,
            "rate-limit",
            Some(class.slug().to_owned()),
            Outcome::Denied,
            None,
            Some(if refused.per_account { "per-account" } else { "per-address" }.to_owned()),
        );
        if let Err(e) = limiter.inner.store.append_audit(&entry).await {
            tracing::warn!(error = %e, "could not audit a rate-limit refusal");
        }
        tracing::warn!(class = class.slug(), per_account = refused.per_account, "rate limit reached");
    }
    if class.machine() {
        return problem(ctx.lang, refused.retry_after);
    }
    // A refused form comes back as a "send again" form with what was typed (urlencoded only;
    // a file must be chosen again, which the page says).
    let form_fields = if req.method() == Method::POST && !multipart {
        let (_, body) = req.into_parts();
        axum::body::to_bytes(body, MAX_KEPT_FORM)
            .await
            .ok()
            .map(|b| form_urlencoded::parse(&b).map(|(k, v)| (k.into_owned(), v.into_owned())).collect::<Vec<_>>())
    } else {
        None
    };
    page(&ctx, refused.retry_after, form_fields, multipart)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn with_retry(mut res: Response, seconds: u64) -> Response {
    *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    let h = res.headers_mut();
    h.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// RFC 9457 problem document.
fn problem(lang: Lang, seconds: u64) -> Response {
    use stadsporten_app::i18n::{t, ta};
    let body = serde_json::json!({
        "type": "https://stadsporten.stockholm.se/problems/rate-limited",
        "title": t(lang, "rate-limit-title"),
        "status": 429,
        "detail": ta(lang, "rate-limit-wait", &[("seconds", seconds.to_string().into())]),
        "retry_after": seconds,
    });
    let mut res = Response::new(Body::from(body.to_string()));
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
    with_retry(res, seconds)
}

/// The person's page: what happened, how long to wait, and the way back.
fn page(ctx: &RequestContext, seconds: u64, fields: Option<Vec<(String, String)>>, had_file: bool) -> Response {
    use stadsporten_app::i18n::{t, ta};
    let lang = ctx.lang;
    let title = escape(&t(lang, "rate-limit-title"));
    let wait = escape(&ta(lang, "rate-limit-wait", &[("seconds", seconds.to_string().into())]));
    let again = match fields {
        Some(fields) => {
            let hidden: String = fields
                .iter()
                .map(|(k, v)| format!("<input type=\"hidden\" name=\"{}\" value=\"{}\">", escape(k), escape(v)))
                .collect();
            format!(
                "<p>{}</p><form method=\"post\" action=\"{}\">{hidden}<button type=\"submit\">{}</button></form>",
                escape(&t(lang, "rate-limit-kept")),
                escape(&ctx.path),
                escape(&t(lang, "rate-limit-send-again"))
            )
        }
        None if had_file => format!("<p>{}</p>", escape(&t(lang, "rate-limit-file"))),
        None => {
            let here = if ctx.query.is_empty() { ctx.path.clone() } else { format!("{}?{}", ctx.path, ctx.query) };
            format!("<p><a href=\"{}\">{}</a></p>", escape(&here), escape(&t(lang, "rate-limit-try-again")))
        }
    };
    let html = format!(
        "<!DOCTYPE html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title></head>\
         <body><main><h1>{title}</h1><p>{wait}</p>{again}<p><a href=\"/\">{}</a></p></main></body></html>",
        lang.code(),
        lang.direction().as_str(),
        escape(&t(lang, "rate-limit-home")),
    );
    let mut res = Response::new(Body::from(html));
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    with_retry(res, seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_search_term_makes_a_search() {
        assert!(has_query_term(Some("q=bygglov&page=2")));
        assert!(!has_query_term(Some("q=&page=2")));
        assert!(!has_query_term(Some("page=2")));
        assert!(!has_query_term(None));
    }

    #[test]
    fn the_page_escapes_what_was_typed() {
        let ctx = RequestContext { path: "/contact/errands".into(), ..RequestContext::default() };
        let res = page(&ctx, 7, Some(vec![("notes".into(), "\"><script>x</script>".into())]), false);
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers()[header::RETRY_AFTER], "7");
    }
}
