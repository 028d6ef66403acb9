//! The durability harness: 16 clients file e-service applications while the server is killed with
//! SIGKILL at random moments, round after round; then the database is checked. An acknowledged
//! submission (a receipt was shown) must exist exactly once; a submission whose answer was lost
//! in the crash is retried with the same idempotency key and must not make a second case.
//!
//! Run by `bench/durability.sh` (which builds the release server). Arguments:
//! `durability <serve.sh> <bin dir> <database url> [rounds=20] [clients=16]`.

use rand::Rng as _;
use stadsporten_db::Store;
use std::collections::{BTreeMap, BTreeSet};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const PORT: u16 = 3931;

fn base() -> String {
    format!("http://127.0.0.1:{PORT}")
}

fn client() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", reqwest::header::HeaderValue::from_str(&base()).expect("origin"));
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

fn location(res: &reqwest::Response) -> Option<String> {
    res.headers().get("location").and_then(|v| v.to_str().ok()).map(|l| l.trim_start_matches(&base()).to_owned())
}

fn start_server(serve: &str, bin_dir: &str, db: &str) -> Child {
    Command::new(serve)
        .arg(bin_dir)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{PORT}"))
        .env("DATABASE_URL", db)
        .env("STADSPORTEN__LOG__FORMAT", "json")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server")
}

async fn wait_ready() {
    let c = reqwest::Client::new();
    for _ in 0..200 {
        if c.get(format!("{}/readyz", base())).send().await.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not become ready");
}

/// Signs in through the built-in test identity provider; returns the CSRF token.
async fn sign_in(c: &reqwest::Client, persona: &str) -> Result<String, reqwest::Error> {
    let res = c.get(format!("{}/auth/login?as=resident&to=/my", base())).send().await?;
    let authorize = res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    c.get(&authorize).send().await?;
    let url = url::Url::parse(&authorize).expect("authorize url");
    let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    form.push(("persona".into(), persona.into()));
    let res = c.post(format!("{}/test-idp/eid/authorize/choose", base())).form(&form).send().await?;
    let callback = res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    c.get(&callback).send().await?;
    let html = c.get(format!("{}/my/cases", base())).send().await?.text().await?;
    let token = html.split("name=\"csrf\" value=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or_default();
    Ok(token.to_owned())
}

#[derive(Default)]
struct Ledger {
    /// Draft token (= idempotency key) → case id, for every submission that was acknowledged.
    acknowledged: BTreeMap<String, i64>,
    /// Submissions sent without an answer (the server died), with the client that owns the
    /// draft: retried with the same key.
    in_doubt: BTreeMap<String, usize>,
    /// Acknowledged twice with different case ids (must stay empty).
    conflicts: Vec<String>,
}

/// Submits a draft; `Some(case id)` when acknowledged.
async fn submit(c: &reqwest::Client, csrf: &str, token: &str) -> Result<Option<i64>, reqwest::Error> {
    let res = c
        .post(format!("{}/forms/{token}/submit", base()))
        .form(&[("confirm", "yes"), ("idempotency_key", token), ("csrf", csrf)])
        .send()
        .await?;
    Ok(location(&res)
        .filter(|l| l.ends_with("/receipt"))
        .and_then(|l| l.split('/').nth(3).and_then(|s| s.parse().ok())))
}

fn record(ledger: &Mutex<Ledger>, token: &str, case: i64) {
    let mut l = ledger.lock().expect("ledger");
    l.in_doubt.remove(token);
    if let Some(before) = l.acknowledged.insert(token.to_owned(), case) {
        if before != case {
            l.conflicts.push(format!("{token}: {before} then {case}"));
        }
    }
}

/// One client's work until the server dies: apply, apply, apply…
async fn client_loop(c: reqwest::Client, csrf: String, n: usize, ledger: Arc<Mutex<Ledger>>) {
    let mut i = 0;
    loop {
        i += 1;
        let step = async {
            let res = c
                .post(format!("{}/api/apply/start", base()))
                .form(&[("slug", "synpunkter-och-klagomal"), ("csrf", &csrf)])
                .send()
                .await?;
            let Some(token) = location(&res).and_then(|l| l.split('/').nth(2).map(str::to_owned)) else {
                return Ok::<_, reqwest::Error>(None);
            };
            c.post(format!("{}/forms/{token}/about", base()))
                .form(&[("unit", "TK"), ("kind", "complaint"), ("action", "continue"), ("csrf", &csrf)])
                .send()
                .await?;
            let message = format!("Client {n}, application {i}: the street lights on Ringvägen are out.");
            c.post(format!("{}/forms/{token}/feedback", base()))
                .form(&[("message", message.as_str()), ("wants_answer", "no"), ("action", "continue"), ("csrf", &csrf)])
                .send()
                .await?;
            Ok(Some(token))
        };
        let token = match step.await {
            Ok(Some(t)) => t,
            Ok(None) => return,
            Err(_) => return,
        };
        ledger.lock().expect("ledger").in_doubt.insert(token.clone(), n);
        match submit(&c, &csrf, &token).await {
            Ok(Some(case)) => record(&ledger, &token, case),
            // Refused (not a receipt): the draft stays for the retry round.
            Ok(None) => {}
            Err(_) => return,
        }
    }
}

/// Sends each in-doubt submission again from the client that owns its draft.
async fn retry_in_doubt(sessions: &[(reqwest::Client, String)], ledger: &Mutex<Ledger>) {
    let doubtful: Vec<(String, usize)> =
        ledger.lock().expect("ledger").in_doubt.iter().map(|(k, v)| (k.clone(), *v)).collect();
    for (token, n) in doubtful {
        let (c, csrf) = &sessions[n];
        if let Ok(Some(case)) = submit(c, csrf, &token).await {
            record(ledger, &token, case);
        }
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (serve, bin_dir, db) = (args[1].clone(), args[2].clone(), args[3].clone());
    let rounds: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(20);
    let clients: usize = args.get(5).and_then(|s| s.parse().ok()).unwrap_or(16);
    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let personas = ["anna", "erik", "maja"];
    let mut sessions: Vec<(reqwest::Client, String)> = Vec::new();
    let mut kills = 0;
    let started = std::time::Instant::now();
    for round in 0..rounds {
        let mut server = start_server(&serve, &bin_dir, &db);
        wait_ready().await;
        if sessions.is_empty() {
            for n in 0..clients {
                let c = client();
                let csrf = sign_in(&c, personas[n % personas.len()]).await.expect("sign in");
                sessions.push((c, csrf));
            }
        }
        // Submissions whose answer was lost are sent again by their client, with the same key.
        retry_in_doubt(&sessions, &ledger).await;
        let tasks: Vec<_> = sessions
            .iter()
            .enumerate()
            .map(|(n, (c, csrf))| tokio::spawn(client_loop(c.clone(), csrf.clone(), n, ledger.clone())))
            .collect();
        let wait = rand::thread_rng().gen_range(500..3000);
        tokio::time::sleep(Duration::from_millis(wait)).await;
        server.kill().expect("SIGKILL the server");
        let _ = server.wait();
        kills += 1;
        for t in tasks {
            let _ = t.await;
        }
        let (acked, doubt) = {
            let l = ledger.lock().expect("ledger");
            (l.acknowledged.len(), l.in_doubt.len())
        };
        eprintln!("round {:2}: killed after {wait} ms; {acked} acknowledged, {doubt} in doubt", round + 1);
    }
    // A last start to resolve what is in doubt, then a clean stop.
    let mut server = start_server(&serve, &bin_dir, &db);
    wait_ready().await;
    let doubtful = ledger.lock().expect("ledger").in_doubt.len();
    retry_in_doubt(&sessions, &ledger).await;
    let resolved_without_case = ledger.lock().expect("ledger").in_doubt.len();
    server.kill().expect("stop");
    let _ = server.wait();

    // The checks, on the database itself.
    let store = Store::connect(&db, 2).await.expect("connect for the checks");
    let (acknowledged, conflicts) = {
        let l = ledger.lock().expect("ledger");
        (l.acknowledged.clone(), l.conflicts.clone())
    };
    let ids: BTreeSet<i64> =
        store.fetch_i64_for_test("select id from cases").await.expect("cases").into_iter().collect();
    let missing: Vec<_> = acknowledged.iter().filter(|(_, id)| !ids.contains(id)).collect();
    let duplicates = store
        .fetch_i64_for_test(
            "select count(*) from (select applicant_id, idempotency_key from cases group by applicant_id, idempotency_key having count(*) > 1) d",
        )
        .await
        .expect("duplicates")[0];
    let distinct_acked: BTreeSet<i64> = acknowledged.values().copied().collect();
    let without_event = store
        .fetch_i64_for_test(
            "select count(*) from cases c where not exists (select 1 from case_events e where e.case_id = c.id and e.kind = 'submitted')",
        )
        .await
        .expect("events")[0];
    // Numbering without gaps: each series' last number is its count of cases.
    let gaps = store
        .fetch_i64_for_test(
            "select count(*) from case_series s where s.last_seq <> (select count(*) from cases c where c.unit_code = s.unit_code and c.case_number like s.unit_code || ' ' || cast(s.year as text) || '/%')",
        )
        .await
        .expect("series")[0];
    let dangling = store
        .fetch_i64_for_test("select count(*) from drafts d where d.case_id is not null and not exists (select 1 from cases c where c.id = d.case_id)")
        .await
        .expect("drafts")[0];
    // The audit policy under SIGKILL: every case's "create" entry committed with it, and the chain
    // (sealed now, with whatever was pending at the kill) verifies.
    let chain = match store.verify_audit_chain().await.expect("audit chain") {
        Ok(n) => format!("ok ({n} entries)"),
        Err(b) => format!("BROKEN: {b:?}"),
    };
    let without_audit = store
        .fetch_i64_for_test(
            "select count(*) from cases c where not exists (select 1 from audit_log a where a.object_type = 'case' \
             and a.action = 'create' and a.object_id = cast(c.id as text))",
        )
        .await
        .expect("audit entries")[0];
    let integrity = match store.sqlite_pragma("integrity_check").await.expect("pragma") {
        Some(v) => v,
        // PostgreSQL: amcheck verifies every B-tree index of the schema against its table.
        None => {
            store.execute_raw_for_test("create extension if not exists amcheck").await.expect("amcheck");
            let checked = store
                .fetch_i64_for_test(
                    "select count(*) from (select bt_index_check(c.oid, true) from pg_index i \
                     join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam \
                     where am.amname = 'btree' and c.relnamespace = 'public'::regnamespace) x",
                )
                .await;
            match checked {
                Ok(n) => format!("ok ({} B-tree indexes verified by amcheck with heapallindexed)", n[0]),
                Err(e) => format!("FAILED: {e}"),
            }
        }
    };
    println!("backend:                     {}", store.backend().name());
    println!("rounds (SIGKILLs):           {kills}");
    println!("clients:                     {clients}");
    println!("duration:                    {:.0} s", started.elapsed().as_secs_f64());
    println!("acknowledged submissions:    {}", acknowledged.len());
    println!("cases in the database:       {}", ids.len());
    println!("in doubt at the end, retried: {doubtful} (still without a case: {resolved_without_case})");
    println!("acknowledged but missing:    {}", missing.len());
    println!("duplicate cases (same key):  {duplicates}");
    println!("acks naming different cases: {}", conflicts.len() + (acknowledged.len() - distinct_acked.len()));
    println!("cases without their event:   {without_event}");
    println!("numbering gaps:              {gaps}");
    println!("drafts pointing nowhere:     {dangling}");
    println!("cases without their audit:   {without_audit}");
    println!("audit chain:                 {chain}");
    println!("integrity check:             {integrity}");
    let ok = missing.is_empty()
        && duplicates == 0
        && conflicts.is_empty()
        && acknowledged.len() == distinct_acked.len()
        && without_event == 0
        && gaps == 0
        && dangling == 0
        && without_audit == 0
        && chain.starts_with("ok")
        && integrity.starts_with("ok");
    println!("result:                      {}", if ok { "PASS" } else { "FAIL" });
    if !ok {
        std::process::exit(1);
    }
}
