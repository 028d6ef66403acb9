//! The telephony simulator: posts realistic, correctly signed call events to a running server's
//! `/integrations/telephony/events`, as the city's telephony platform would. It signs with its own
//! HMAC-SHA256 (not the server's code), so it also checks the documented signature.
//!
//! `callsim <base url> demo [platform=city-pbx] [secret]`: a morning's few calls for the demo —
//! calls answered and ended, one caller (Anna's number) who hangs up in the queue, a voicemail,
//! and Anna calling again, answered by Lena, which suggests the look-up. Prints each event.
//!
//! `callsim <base url> load [rate=200] [seconds=60] [platform=city-pbx] [secret] [out]`: calls at
//! `rate` events per second for `seconds`, each call `offered → queued → answered → ended`, or
//! `→ abandoned` or `→ voicemail` (a third each), every tenth event sent twice (the second must
//! be refused as a duplicate). Prints the counts and the latency percentiles; writes the call ids
//! that must have made a call-back promise to `out` (one per line), for the bench to check.
//!
//! The default secret is the development one in `config/default.toml`.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const DEV_SECRET: &str = "development-only-telephony-secret-0123456789abcdef";

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// RFC 3339 in UTC from Unix seconds (the civil calendar from days, H. Hinnant's algorithm).
fn rfc3339(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

fn sign(secret: &[u8], ts: i64, body: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("any key length");
    mac.update(format!("{ts}.{body}").as_bytes());
    let bytes = mac.finalize().into_bytes();
    format!("v1={}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

struct Sim {
    client: reqwest::Client,
    url: String,
    platform: String,
    secret: Vec<u8>,
}

impl Sim {
    /// Posts one event; the status and how long it took.
    async fn post(&self, body: &str) -> Result<(u16, Duration), String> {
        let ts = now();
        let started = Instant::now();
        let res = self
            .client
            .post(&self.url)
            .header("content-type", "application/json")
            .header("telephony-platform", &self.platform)
            .header("telephony-timestamp", ts.to_string())
            .header("telephony-signature", sign(&self.secret, ts, body))
            .body(body.to_owned())
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = res.status().as_u16();
        let _ = res.bytes().await;
        Ok((status, started.elapsed()))
    }
}

fn event(id: &str, kind: &str, call: &str, caller: Option<&str>, extra: &str) -> String {
    let caller = caller.map(|c| format!(r#","caller":"{c}""#)).unwrap_or_default();
    format!(
        r#"{{"id":"{id}","type":"{kind}","occurred_at":"{}","call_id":"{call}","queue":"general"{caller}{extra}}}"#,
        rfc3339(now())
    )
}

async fn demo(sim: &Sim) {
    let run = format!("demo-{}", now());
    let anna = "070-174 06 05";
    let steps: Vec<(String, &str, String, Option<&str>, String)> = vec![
        // An ordinary call, answered by a colleague and ended.
        ("1".into(), "offered", "a".into(), Some("070-174 06 11"), String::new()),
        ("2".into(), "queued", "a".into(), Some("070-174 06 11"), String::new()),
        (
            "3".into(),
            "answered",
            "a".into(),
            None,
            r#","agent":"mikael.oberg@stockholm.example.se","waited_seconds":42"#.into(),
        ),
        ("4".into(), "ended", "a".into(), None, String::new()),
        // Anna waits and hangs up: a call-back promise.
        ("5".into(), "offered", "b".into(), Some(anna), String::new()),
        ("6".into(), "queued", "b".into(), Some(anna), String::new()),
        ("7".into(), "abandoned", "b".into(), Some(anna), r#","waited_seconds":185"#.into()),
        // A voicemail from another caller: another promise.
        ("8".into(), "offered", "c".into(), Some("070-174 06 12"), String::new()),
        ("9".into(), "voicemail", "c".into(), Some("070-174 06 12"), r#","waited_seconds":240"#.into()),
        // Someone waiting right now.
        ("10".into(), "offered", "d".into(), Some("070-174 06 13"), String::new()),
        ("11".into(), "queued", "d".into(), Some("070-174 06 13"), String::new()),
        // Anna calls again and Lena answers: the board suggests the look-up.
        ("12".into(), "offered", "e".into(), Some(anna), String::new()),
        (
            "13".into(),
            "answered",
            "e".into(),
            Some(anna),
            r#","agent":"lena.berg@stockholm.example.se","waited_seconds":30"#.into(),
        ),
    ];
    for (n, kind, call, caller, extra) in steps {
        let body = event(&format!("{run}-{n}"), kind, &format!("{run}-{call}"), caller, &extra);
        match sim.post(&body).await {
            Ok((s, _)) => println!("{kind:<10} call {run}-{call}: {s}"),
            Err(e) => {
                eprintln!("callsim: {e}");
                std::process::exit(1);
            }
        }
    }
    println!("Done: sign in as Lena (contact centre) and open /contact.");
}

#[derive(Default)]
struct Tally {
    accepted: u64,
    duplicates: u64,
    refused: u64,
    errors: u64,
    latencies: Vec<Duration>,
}

async fn load(sim: Arc<Sim>, rate: u64, seconds: u64, out: Option<String>) {
    let run = format!("load-{}", now());
    let tally = Arc::new(Mutex::new(Tally::default()));
    let promised = Arc::new(Mutex::new(Vec::<String>::new()));
    let seq = Arc::new(AtomicU64::new(0));
    let total = rate * seconds;
    let start = Instant::now();
    let mut tasks = Vec::new();
    // Events go out on a fixed schedule (open loop): a slow answer does not slow the platform.
    for i in 0..total {
        let due = start + Duration::from_nanos(i * 1_000_000_000 / rate);
        let wait = due.saturating_duration_since(Instant::now());
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        // Five events per call: offered, queued, then answered+ended, or the end (and one spare
        // duplicate slot every tenth event).
        let call = i / 4;
        let step = i % 4;
        let fate = call % 3;
        let caller = format!("+4670{:07}", 1_000_000 + (call % 9_000_000));
        let call_id = format!("{run}-{call}");
        let (kind, extra) = match (step, fate) {
            (0, _) => ("offered", String::new()),
            (1, _) => ("queued", String::new()),
            (2, 0) => ("answered", r#","agent":"lena.berg@stockholm.example.se""#.to_owned()),
            (3, 0) => ("ended", String::new()),
            (2, 1) => ("abandoned", r#","waited_seconds":120"#.to_owned()),
            (2, _) => ("voicemail", r#","waited_seconds":200"#.to_owned()),
            // Abandoned and voicemail calls have no fourth event: a presence change instead.
            (_, _) => ("presence", String::new()),
        };
        let id = format!("{run}-{}", seq.fetch_add(1, Ordering::Relaxed));
        let body = if kind == "presence" {
            format!(
                r#"{{"id":"{id}","type":"presence","occurred_at":"{}","agent":"4410","presence":"{}"}}"#,
                rfc3339(now()),
                if call % 2 == 0 { "busy" } else { "available" }
            )
        } else {
            event(&id, kind, &call_id, Some(&caller), &extra)
        };
        if matches!(kind, "abandoned" | "voicemail") {
            promised.lock().expect("lock").push(call_id.clone());
        }
        let resend = i % 10 == 9;
        let sim = sim.clone();
        let tally = tally.clone();
        tasks.push(tokio::spawn(async move {
            for attempt in 0..if resend { 2 } else { 1 } {
                let r = sim.post(&body).await;
                let mut t = tally.lock().expect("lock");
                match r {
                    Ok((202, d)) if attempt == 0 => {
                        t.accepted += 1;
                        t.latencies.push(d);
                    }
                    Ok((409, d)) if attempt == 1 => {
                        t.duplicates += 1;
                        t.latencies.push(d);
                    }
                    Ok((s, d)) => {
                        eprintln!("callsim: unexpected {s} (attempt {attempt}) for {body}");
                        t.refused += 1;
                        t.latencies.push(d);
                    }
                    Err(e) => {
                        eprintln!("callsim: {e}");
                        t.errors += 1;
                    }
                }
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
    let elapsed = start.elapsed().as_secs_f64();
    let mut t = tally.lock().expect("lock");
    t.latencies.sort();
    let pct = |p: f64| -> f64 {
        if t.latencies.is_empty() {
            return 0.0;
        }
        let i = ((t.latencies.len() as f64 * p).ceil() as usize).clamp(1, t.latencies.len()) - 1;
        t.latencies[i].as_secs_f64() * 1000.0
    };
    let promised = promised.lock().expect("lock");
    println!(
        "events={total} accepted={} duplicates_refused={} unexpected={} errors={} seconds={elapsed:.1} rate={:.1}/s p50_ms={:.2} p99_ms={:.2} max_ms={:.2} promises_expected={}",
        t.accepted,
        t.duplicates,
        t.refused,
        t.errors,
        total as f64 / elapsed,
        pct(0.50),
        pct(0.99),
        pct(1.0),
        promised.len()
    );
    if let Some(out) = out {
        std::fs::write(&out, promised.join("\n")).expect("write the promised calls");
    }
    if t.accepted != total || t.refused > 0 || t.errors > 0 {
        std::process::exit(1);
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = || {
        eprintln!("usage: callsim <base url> demo|load [rate] [seconds] [platform] [secret] [out]");
        std::process::exit(2);
    };
    let (Some(base), Some(mode)) = (args.get(1), args.get(2)) else { usage() };
    let arg = |i: usize| args.get(i).filter(|a| !a.is_empty());
    let (platform_at, secret_at) = if mode == "load" { (5, 6) } else { (3, 4) };
    let sim = Arc::new(Sim {
        client: reqwest::Client::builder().timeout(Duration::from_secs(30)).build().expect("client"),
        url: format!("{}/integrations/telephony/events", base.trim_end_matches('/')),
        platform: arg(platform_at).cloned().unwrap_or_else(|| "city-pbx".into()),
        secret: arg(secret_at).cloned().unwrap_or_else(|| DEV_SECRET.into()).into_bytes(),
    });
    match mode.as_str() {
        "demo" => demo(&sim).await,
        "load" => {
            let rate = arg(3).and_then(|a| a.parse().ok()).unwrap_or(200);
            let seconds = arg(4).and_then(|a| a.parse().ok()).unwrap_or(60);
            load(sim, rate, seconds, arg(7).cloned()).await
        }
        _ => usage(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_from_unix_seconds() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_796_634_000), "2026-12-07T09:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn the_signature_is_the_documented_one() {
        // HMAC-SHA256("key", "1.{}") computed with `openssl dgst -sha256 -hmac key`.
        assert_eq!(
            sign(b"key", 1, "{}"),
            format!("v1={}", "1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224")
        );
    }
}
