//! A webhook receiver for the benchmark (bench/api.sh): accepts deliveries on a port, checks each
//! signature with its own HMAC-SHA256 (the Standard Webhooks scheme, not the server's code),
//! counts them, and after `seconds` (or on SIGTERM) prints one line: received, verified, distinct
//! event ids, bad.
//!
//! `hooksink <port> <whsec_… secret> <seconds>`

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

/// The key and the counts every request shares.
type Shared = (Arc<Vec<u8>>, Arc<Mutex<Counts>>);

#[derive(Default)]
struct Counts {
    received: u64,
    verified: u64,
    bad: u64,
    ids: HashSet<String>,
}

fn verified(key: &[u8], headers: &axum::http::HeaderMap, body: &[u8]) -> Option<String> {
    let get = |n: &str| headers.get(n).and_then(|v| v.to_str().ok());
    let (id, ts, sigs) = (get("webhook-id")?, get("webhook-timestamp")?, get("webhook-signature")?);
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).ok()?;
    mac.update(format!("{id}.{ts}.").as_bytes());
    mac.update(body);
    let expected = format!("v1,{}", base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()));
    sigs.split(' ').any(|s| s == expected).then(|| id.to_owned())
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(port), Some(secret), Some(seconds)) = (args.get(1), args.get(2), args.get(3)) else {
        eprintln!("usage: hooksink <port> <whsec_… secret> <seconds>");
        std::process::exit(2);
    };
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.trim_start_matches("whsec_"))
        .unwrap_or_else(|_| panic!("not a whsec_ secret"));
    let counts = Arc::new(Mutex::new(Counts::default()));
    let state = (Arc::new(key), counts.clone());
    let app = axum::Router::new().fallback(axum::routing::post(
        |axum::extract::State((key, counts)): axum::extract::State<Shared>,
         headers: axum::http::HeaderMap,
         body: axum::body::Bytes| async move {
            let id = verified(&key, &headers, &body);
            let mut c = counts.lock().unwrap_or_else(|e| e.into_inner());
            c.received += 1;
            match id {
                Some(id) => {
                    c.verified += 1;
                    c.ids.insert(id);
                    axum::http::StatusCode::NO_CONTENT
                }
                None => {
                    c.bad += 1;
                    axum::http::StatusCode::UNAUTHORIZED
                }
            }
        },
    ));
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await.expect("bind");
    let secs: u64 = seconds.parse().unwrap_or(60);
    tokio::spawn(async move { axum::serve(listener, app.with_state(state)).await });
    // The summary after `seconds`, or when stopped (SIGTERM, as the bench stops it).
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM");
    tokio::select! {
        _ = tokio::time::sleep(std::time::Duration::from_secs(secs)) => {}
        _ = term.recv() => {}
    }
    let c = counts.lock().unwrap_or_else(|e| e.into_inner());
    println!("received={} verified={} distinct={} bad={}", c.received, c.verified, c.ids.len(), c.bad);
}
