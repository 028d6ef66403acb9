//! Form-runner load: requests per second and latency percentiles for the three workloads we
//! compare against other form runners — a form step GET, a valid step POST (saved, 303), and an
//! invalid step POST with the errors re-rendered (the POST and the GET that shows the errors).
//!
//! Run by `bench/forms.sh` against a running release server. Arguments:
//! `formbench <base url> [seconds=10] [clients=16]`. Each client has its own session and draft
//! (a refused form is kept per session, as a browser would see it).
//!
//! `formbench <base url> submit [seconds=10] [clients=16]` (`bench/submissions.sh`): whole
//! submissions instead — each client starts a draft, saves both steps and submits, again and
//! again; submissions per second and the latency of the whole journey (four requests).

use std::time::{Duration, Instant};

fn client(base: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", reqwest::header::HeaderValue::from_str(base).expect("origin"));
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .pool_max_idle_per_host(1)
        .build()
        .expect("client")
}

async fn sign_in(c: &reqwest::Client, base: &str, persona: &str) -> String {
    let res = c.get(format!("{base}/auth/login?as=resident&to=/my")).send().await.expect("login");
    let authorize = res.headers()["location"].to_str().expect("location").to_owned();
    c.get(&authorize).send().await.expect("picker");
    let url = url::Url::parse(&authorize).expect("authorize url");
    let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    form.push(("persona".into(), persona.into()));
    let res = c.post(format!("{base}/test-idp/eid/authorize/choose")).form(&form).send().await.expect("choose");
    let callback = res.headers()["location"].to_str().expect("location").to_owned();
    c.get(&callback).send().await.expect("callback");
    let html = c.get(format!("{base}/my/cases")).send().await.expect("page").text().await.expect("body");
    html.split("name=\"csrf\" value=\"").nth(1).and_then(|s| s.split('"').next()).expect("csrf").to_owned()
}

async fn draft(c: &reqwest::Client, base: &str, csrf: &str) -> String {
    let res = c
        .post(format!("{base}/api/apply/start"))
        .form(&[("slug", "synpunkter-och-klagomal"), ("csrf", csrf)])
        .send()
        .await
        .expect("start");
    res.headers()["location"].to_str().expect("location").split('/').nth(2).expect("token").to_owned()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Workload {
    Get,
    ValidPost,
    InvalidPost,
}

async fn once(c: &reqwest::Client, base: &str, csrf: &str, token: &str, w: Workload) {
    match w {
        Workload::Get => {
            let r = c.get(format!("{base}/apply/{token}/step/about")).send().await.expect("get");
            assert_eq!(r.status(), 200);
            r.bytes().await.expect("body");
        }
        Workload::ValidPost => {
            let r = c
                .post(format!("{base}/forms/{token}/about"))
                .form(&[("unit", "TK"), ("kind", "complaint"), ("action", "continue"), ("csrf", csrf)])
                .send()
                .await
                .expect("post");
            assert_eq!(r.status(), 303);
            assert!(r.headers()["location"].to_str().is_ok_and(|l| l.ends_with("/step/feedback")));
        }
        Workload::InvalidPost => {
            let r = c
                .post(format!("{base}/forms/{token}/about"))
                .form(&[("unit", ""), ("kind", "nonsense"), ("action", "continue"), ("csrf", csrf)])
                .send()
                .await
                .expect("post");
            assert_eq!(r.status(), 303);
            let page = c.get(format!("{base}/apply/{token}/step/about")).send().await.expect("get");
            let html = page.text().await.expect("body");
            assert!(html.contains("error-summary"), "errors re-rendered");
        }
    }
}

/// One whole submission: a new draft, both steps, the declaration; the receipt's address.
async fn submit_once(c: &reqwest::Client, base: &str, csrf: &str, n: usize) {
    let token = draft(c, base, csrf).await;
    let r = c
        .post(format!("{base}/forms/{token}/about"))
        .form(&[("unit", "TK"), ("kind", "complaint"), ("action", "continue"), ("csrf", csrf)])
        .send()
        .await
        .expect("about");
    assert_eq!(r.status(), 303);
    let r = c
        .post(format!("{base}/forms/{token}/feedback"))
        .form(&[("message", "Papperskorgen är full."), ("wants_answer", "no"), ("action", "continue"), ("csrf", csrf)])
        .send()
        .await
        .expect("feedback");
    assert!(r.headers()["location"].to_str().is_ok_and(|l| l.ends_with("/check")), "to the check page");
    let key = format!("bench-{n}-{token}");
    let r = c
        .post(format!("{base}/forms/{token}/submit"))
        .form(&[("confirm", "yes"), ("idempotency_key", key.as_str()), ("csrf", csrf)])
        .send()
        .await
        .expect("submit");
    assert!(r.headers()["location"].to_str().is_ok_and(|l| l.ends_with("/receipt")), "a receipt");
}

async fn submissions(base: &str, seconds: u64, clients: usize) {
    let personas = ["anna", "erik", "maja"];
    let mut sessions = Vec::new();
    for n in 0..clients {
        let c = client(base);
        let csrf = sign_in(&c, base, personas[n % 3]).await;
        submit_once(&c, base, &csrf, n).await;
        sessions.push((c, csrf));
    }
    let until = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = sessions
        .into_iter()
        .enumerate()
        .map(|(n, (c, csrf))| {
            let base = base.to_owned();
            tokio::spawn(async move {
                let mut lat = Vec::new();
                while Instant::now() < until {
                    let t = Instant::now();
                    submit_once(&c, &base, &csrf, n).await;
                    lat.push(t.elapsed().as_micros());
                }
                lat
            })
        })
        .collect();
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("client"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    println!(
        "submissions/s {:.1} p50_ms {:.2} p99_ms {:.2}",
        all.len() as f64 / elapsed,
        percentile(&all, 0.50),
        percentile(&all, 0.99)
    );
}

fn percentile(sorted: &[u128], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

/// `formbench <base> session`: signs Anna in, starts a draft and prints `cookie csrf token` for
/// the wrk workloads of `bench/forms.sh` (one signed-in session, as the comparison).
async fn print_session(base: &str) {
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", reqwest::header::HeaderValue::from_str(base).expect("origin"));
    let c = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar.clone())
        .default_headers(headers)
        .build()
        .expect("client");
    let csrf = sign_in(&c, base, "anna").await;
    let token = draft(&c, base, &csrf).await;
    use reqwest::cookie::CookieStore as _;
    let url = reqwest::Url::parse(base).expect("base url");
    let cookie = jar.cookies(&url).expect("a session cookie");
    println!("{} {csrf} {token}", cookie.to_str().expect("cookie text"));
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let base = args.get(1).cloned().unwrap_or_else(|| "http://127.0.0.1:3000".into());
    if args.get(2).map(String::as_str) == Some("session") {
        print_session(&base).await;
        return;
    }
    if args.get(2).map(String::as_str) == Some("submit") {
        let seconds: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(10);
        let clients: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(16);
        submissions(&base, seconds, clients).await;
        return;
    }
    let seconds: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10);
    let clients: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(16);
    let personas = ["anna", "erik", "maja"];
    let mut sessions = Vec::new();
    for n in 0..clients {
        let c = client(&base);
        let csrf = sign_in(&c, &base, personas[n % 3]).await;
        let token = draft(&c, &base, &csrf).await;
        sessions.push((c, csrf, token));
    }
    println!("{:<44} {:>9} {:>9} {:>9} {:>9}", "workload", "req/s", "p50 ms", "p99 ms", "max ms");
    for (name, w) in [
        ("form step GET", Workload::Get),
        ("valid step POST (saved, 303)", Workload::ValidPost),
        ("invalid step POST + GET with the errors", Workload::InvalidPost),
    ] {
        // Warm-up.
        for (c, csrf, token) in &sessions {
            once(c, &base, csrf, token, w).await;
        }
        let until = Instant::now() + Duration::from_secs(seconds);
        let started = Instant::now();
        let tasks: Vec<_> = sessions
            .iter()
            .cloned()
            .map(|(c, csrf, token)| {
                let base = base.clone();
                tokio::spawn(async move {
                    let mut lat = Vec::new();
                    while Instant::now() < until {
                        let t = Instant::now();
                        once(&c, &base, &csrf, &token, w).await;
                        lat.push(t.elapsed().as_micros());
                    }
                    lat
                })
            })
            .collect();
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.expect("client"));
        }
        let elapsed = started.elapsed().as_secs_f64();
        all.sort_unstable();
        println!(
            "{:<44} {:>9.0} {:>9.2} {:>9.2} {:>9.2}",
            name,
            all.len() as f64 / elapsed,
            percentile(&all, 0.50),
            percentile(&all, 0.99),
            percentile(&all, 1.0)
        );
    }
}
