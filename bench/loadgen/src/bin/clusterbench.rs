//! Load for the cluster's fault benchmarks (`bench/cluster.sh`), through the load balancer.
//!
//! `clusterbench file <lb> <seconds> <clients> <out> <node urls,…>`: residents file feedback with
//! a photo (start, two steps, an upload, submit) as fast as they can; a request that fails (a node
//! was killed under it) is tried again, as a person would, the submission with the same
//! idempotency key. Every acknowledged submission (a receipt) is written to `<out>` as
//! `case-id marker`; at the end each one's page and file are read through every node directly.
//! Prints the counts; exits non-zero when an acknowledged case or its file cannot be read.
//!
//! `clusterbench steady <lb> <seconds> <clients>`: signed-in residents read and save a form step
//! in a loop, nothing retried. Prints per second the answers by kind and the slowest, then totals
//! (the rolling restart, the database restart and overload read this).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn client(origin: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", reqwest::header::HeaderValue::from_str(origin).expect("origin"));
    // As a browser's form post: server functions then answer with a redirect (302), not JSON.
    headers.insert("accept", reqwest::header::HeaderValue::from_static("text/html"));
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("client")
}

fn location(r: &reqwest::Response) -> Option<String> {
    r.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned)
}

async fn sign_in(c: &reqwest::Client, base: &str, persona: &str) -> Result<String, String> {
    let e = |e: reqwest::Error| e.to_string();
    let res = c.get(format!("{base}/auth/login?as=resident&to=/my")).send().await.map_err(e)?;
    let authorize = location(&res).ok_or("login: no redirect")?;
    c.get(&authorize).send().await.map_err(e)?;
    let url = url::Url::parse(&authorize).map_err(|e| e.to_string())?;
    let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    form.push(("persona".into(), persona.into()));
    let res = c.post(format!("{base}/test-idp/eid/authorize/choose")).form(&form).send().await.map_err(e)?;
    let callback = location(&res).ok_or("choose: no redirect")?;
    let res = c.get(&callback).send().await.map_err(e)?;
    if res.status() != 303 {
        return Err(format!("callback answered {}", res.status()));
    }
    let html = c.get(format!("{base}/my/cases")).send().await.map_err(e)?.text().await.map_err(e)?;
    html.split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map(str::to_owned)
        .ok_or_else(|| "no csrf field".into())
}

/// Signs in with back-off (doubling from 200 ms to 3 s, with jitter), as a person facing a
/// `503 Retry-After` would, for up to `patience`; `None` when the site never let them in.
async fn sign_in_patiently(c: &reqwest::Client, base: &str, persona: &str, patience: Duration) -> Option<String> {
    let started = Instant::now();
    let mut wait = 200u64;
    loop {
        if let Ok(csrf) = sign_in(c, base, persona).await {
            return Some(csrf);
        }
        if started.elapsed() > patience {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(wait + rand_u64() % wait)).await;
        wait = (wait * 2).min(3_000);
    }
}

/// Tries `attempt` until it gives a value (a person clicking again), counting the failures; a
/// step that fails 100 times in a row (20 s) is a defect, not a fault to ride out: the run stops.
async fn again<T, F, Fut>(failures: &Mutex<u64>, mut attempt: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, String>>,
{
    let mut last = String::new();
    for _ in 0..100 {
        match attempt().await {
            Ok(v) => return v,
            Err(e) => {
                last = e;
                *failures.lock().unwrap() += 1;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    eprintln!("clusterbench: a step failed 100 times in a row, the last time with: {last}");
    std::process::exit(3);
}

fn expect_redirect(r: Result<reqwest::Response, reqwest::Error>, ends: &str) -> Result<String, String> {
    let r = r.map_err(|e| e.to_string())?;
    match location(&r) {
        Some(l) if r.status() == 303 || r.status() == 302 => {
            if l.contains(ends) {
                Ok(l)
            } else {
                Err(format!("redirect to {l}"))
            }
        }
        _ => Err(format!("status {}", r.status())),
    }
}

fn pdf(marker: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .into_bytes()
}

async fn file_one(c: &reqwest::Client, base: &str, csrf: &str, marker: &str, failures: &Mutex<u64>) -> i64 {
    let start = again(failures, || async {
        let r = c
            .post(format!("{base}/api/apply/start"))
            .form(&[("slug", "synpunkter-och-klagomal"), ("csrf", csrf)])
            .send()
            .await;
        expect_redirect(r, "/step/about")
    })
    .await;
    let token = start.split('/').nth(2).unwrap_or_default().to_owned();
    again(failures, || async {
        let r = c
            .post(format!("{base}/forms/{token}/about"))
            .form(&[("unit", "TK"), ("kind", "complaint"), ("action", "continue"), ("csrf", csrf)])
            .send()
            .await;
        expect_redirect(r, "/step/feedback")
    })
    .await;
    again(failures, || async {
        let form = reqwest::multipart::Form::new()
            .text("upload", "photos")
            .part("file:photos", reqwest::multipart::Part::bytes(pdf(marker)).file_name(format!("{marker}.pdf")));
        let r = c.post(format!("{base}/forms/{token}/feedback/upload?csrf={csrf}")).multipart(form).send().await;
        expect_redirect(r, "/step/feedback")
    })
    .await;
    let message = format!("Papperskorgen vid busshållplatsen är full ({marker}).");
    again(failures, || async {
        let r = c
            .post(format!("{base}/forms/{token}/feedback"))
            .form(&[("message", message.as_str()), ("wants_answer", "no"), ("action", "continue"), ("csrf", csrf)])
            .send()
            .await;
        expect_redirect(r, "/check")
    })
    .await;
    let receipt = again(failures, || async {
        let r = c
            .post(format!("{base}/forms/{token}/submit"))
            .form(&[("confirm", "yes"), ("idempotency_key", token.as_str()), ("csrf", csrf)])
            .send()
            .await;
        expect_redirect(r, "/receipt")
    })
    .await;
    receipt.split('/').nth(3).and_then(|s| s.parse().ok()).unwrap_or(0)
}

async fn file_mode(lb: String, seconds: u64, clients: usize, out: String, nodes: Vec<String>) -> bool {
    let personas = ["anna", "erik", "maja"];
    let failures = Arc::new(Mutex::new(0u64));
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for n in 0..clients {
        let (lb, failures) = (lb.clone(), failures.clone());
        tasks.push(tokio::spawn(async move {
            let c = client(&lb);
            let csrf = again(&failures, || sign_in(&c, &lb, personas[n % 3])).await;
            let mut filed = Vec::new();
            let mut i = 0;
            while Instant::now() < until {
                let marker = format!("c{n}-{i}-{:x}", rand_u64());
                let id = file_one(&c, &lb, &csrf, &marker, &failures).await;
                filed.push((id, marker));
                i += 1;
            }
            (c, filed)
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.push(t.await.expect("client"));
    }
    let acknowledged: Vec<(i64, String)> = all.iter().flat_map(|(_, f)| f.clone()).collect();
    let lines: String = acknowledged.iter().map(|(id, m)| format!("{id} {m}\n")).collect();
    std::fs::write(&out, lines).expect("write the acknowledged submissions");
    // The faults may still be under way (a node killed just now): read back only once the
    // caller says every node is up again (`<out>.go`), so that a node still starting is not
    // counted as a lost file.
    let go = format!("{out}.go");
    let waited = Instant::now();
    while !std::path::Path::new(&go).exists() && waited.elapsed() < Duration::from_secs(120) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Every acknowledged case, and its file, read through every node.
    let mut unreadable = 0;
    let mut files_checked = 0;
    for (c, filed) in &all {
        for (id, marker) in filed {
            for node in &nodes {
                let page = c.get(format!("{node}/my/cases/{id}")).send().await;
                let html = match page {
                    Ok(r) if r.status() == 200 => r.text().await.unwrap_or_default(),
                    _ => {
                        unreadable += 1;
                        continue;
                    }
                };
                let Some(file) = html.split("/files/").nth(1).and_then(|s| s.split('"').next()) else {
                    unreadable += 1;
                    continue;
                };
                let bytes = match c.get(format!("{node}/files/{file}")).send().await {
                    Ok(r) if r.status() == 200 => r.bytes().await.unwrap_or_default(),
                    _ => Default::default(),
                };
                files_checked += 1;
                if !String::from_utf8_lossy(&bytes).contains(marker.as_str()) {
                    unreadable += 1;
                }
            }
        }
    }
    println!(
        "acknowledged submissions: {}\nrequests tried again after a failure: {}\ncase pages and files read through {} nodes: {} files, {} unreadable",
        acknowledged.len(),
        failures.lock().unwrap(),
        nodes.len(),
        files_checked,
        unreadable
    );
    unreadable == 0
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(Instant::now().elapsed().as_nanos());
    h.finish()
}

#[derive(Default, Clone)]
struct Second {
    ok: u64,
    unavailable: u64,
    other: u64,
    failed: u64,
    slowest_ms: u128,
    latencies: Vec<u128>,
    /// Of the requests answered (2xx, 3xx): the p99 a node keeps bounded when it sheds load.
    accepted: Vec<u128>,
    /// How long a 503 took to come (the database restart: within 5 s).
    refused: Vec<u128>,
    /// Other answers by status (0: no answer at all).
    statuses: BTreeMap<u16, u64>,
}

fn p99(l: &mut [u128]) -> u128 {
    l.sort_unstable();
    l.get(((l.len() as f64 - 1.0) * 0.99).round() as usize).copied().unwrap_or(0)
}

async fn steady_mode(lb: String, seconds: u64, clients: usize) {
    let personas = ["anna", "erik", "maja"];
    let seconds_table: Arc<Mutex<BTreeMap<u64, Second>>> = Arc::default();
    // Every client signs in and starts its form first (with back-off: under overload the site
    // turns many away); the measured seconds begin when all are ready.
    let ready = Arc::new(tokio::sync::Barrier::new(clients + 1));
    let go = Arc::new(tokio::sync::Barrier::new(clients + 1));
    let clock: Arc<std::sync::OnceLock<Instant>> = Arc::default();
    let turned_away = Arc::new(Mutex::new(0u64));
    let mut tasks = Vec::new();
    for n in 0..clients {
        let (lb, table, ready, go, clock, turned_away) =
            (lb.clone(), seconds_table.clone(), ready.clone(), go.clone(), clock.clone(), turned_away.clone());
        tasks.push(tokio::spawn(async move {
            let c = client(&lb);
            let patience = Duration::from_secs(120);
            let prepared = match sign_in_patiently(&c, &lb, personas[n % 3], patience).await {
                Some(csrf) => {
                    let started = Instant::now();
                    let mut token = None;
                    while token.is_none() && started.elapsed() < patience {
                        let r = c
                            .post(format!("{lb}/api/apply/start"))
                            .form(&[("slug", "synpunkter-och-klagomal"), ("csrf", csrf.as_str())])
                            .send()
                            .await;
                        match expect_redirect(r, "/step/about") {
                            Ok(start) => token = Some(start.split('/').nth(2).unwrap_or_default().to_owned()),
                            Err(_) => tokio::time::sleep(Duration::from_millis(500 + rand_u64() % 1_000)).await,
                        }
                    }
                    token.map(|t| (csrf, t))
                }
                None => None,
            };
            ready.wait().await;
            go.wait().await;
            let Some((csrf, token)) = prepared else {
                *turned_away.lock().unwrap() += 1;
                return;
            };
            let started = *clock.get().expect("the clock starts when all are ready");
            let until = started + Duration::from_secs(seconds);
            let mut i = 0u64;
            while Instant::now() < until {
                let t = Instant::now();
                let res = if i.is_multiple_of(2) {
                    c.get(format!("{lb}/apply/{token}/step/about")).send().await
                } else {
                    c.post(format!("{lb}/forms/{token}/about"))
                        .form(&[("unit", "TK"), ("kind", "complaint"), ("action", "continue"), ("csrf", csrf.as_str())])
                        .send()
                        .await
                };
                i += 1;
                let ms = t.elapsed().as_millis();
                let second = t.duration_since(started).as_secs();
                let back_off = {
                    let mut table = table.lock().unwrap();
                    let s = table.entry(second).or_default();
                    s.slowest_ms = s.slowest_ms.max(ms);
                    s.latencies.push(ms);
                    match res {
                        Ok(r) if r.status().is_success() || r.status().is_redirection() => {
                            s.ok += 1;
                            s.accepted.push(ms);
                            false
                        }
                        Ok(r) if r.status() == 503 => {
                            s.unavailable += 1;
                            s.refused.push(ms);
                            true
                        }
                        Ok(r) => {
                            s.other += 1;
                            *s.statuses.entry(r.status().as_u16()).or_default() += 1;
                            false
                        }
                        Err(_) => {
                            s.failed += 1;
                            *s.statuses.entry(0).or_default() += 1;
                            true
                        }
                    }
                };
                if back_off {
                    // As a 503 asks (Retry-After), capped for the benchmark: wait before trying again.
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }));
    }
    let preparing = Instant::now();
    ready.wait().await;
    let prepared_in = preparing.elapsed();
    // Set between the two barriers: every client reads it after the second.
    clock.set(Instant::now()).ok();
    go.wait().await;
    for t in tasks {
        t.await.expect("client");
    }
    println!(
        "clients ready after {:.1} s; {} of {} could not sign in and start within 120 s",
        prepared_in.as_secs_f64(),
        turned_away.lock().unwrap(),
        clients
    );
    let table = seconds_table.lock().unwrap();
    println!("{:>4} {:>7} {:>5} {:>6} {:>7} {:>8} {:>8}", "s", "ok", "503", "other", "failed", "p99 ms", "max ms");
    let mut total = Second::default();
    for (s, row) in table.iter() {
        let p99 = p99(&mut row.latencies.clone());
        println!(
            "{:>4} {:>7} {:>5} {:>6} {:>7} {:>8} {:>8}",
            s, row.ok, row.unavailable, row.other, row.failed, p99, row.slowest_ms
        );
        total.ok += row.ok;
        total.unavailable += row.unavailable;
        total.other += row.other;
        total.failed += row.failed;
        total.latencies.extend(&row.latencies);
        total.accepted.extend(&row.accepted);
        total.refused.extend(&row.refused);
        for (k, v) in &row.statuses {
            *total.statuses.entry(*k).or_default() += v;
        }
    }
    let slowest_refusal = total.refused.iter().max().copied().unwrap_or(0);
    println!(
        "total: ok {} · 503 {} · other {} · failed {} · p99 of all {} ms · p99 of the accepted {} ms · \
         503 after at most {} ms · other answers by status (0 = none): {:?}",
        total.ok,
        total.unavailable,
        total.other,
        total.failed,
        p99(&mut total.latencies),
        p99(&mut total.accepted),
        slowest_refusal,
        total.statuses
    );
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |i: usize| args.get(i).cloned().unwrap_or_default();
    match arg(1).as_str() {
        "file" => {
            let nodes = arg(6).split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect();
            let ok = file_mode(arg(2), arg(3).parse().unwrap_or(30), arg(4).parse().unwrap_or(16), arg(5), nodes).await;
            std::process::exit(if ok { 0 } else { 1 });
        }
        "steady" => steady_mode(arg(2), arg(3).parse().unwrap_or(30), arg(4).parse().unwrap_or(16)).await,
        _ => {
            eprintln!(
                "usage: clusterbench file <lb> <seconds> <clients> <out> <nodes,…> | steady <lb> <seconds> <clients>"
            );
            std::process::exit(2);
        }
    }
}
