//! Events for other systems (webhooks) end to end, on both backends: a unit's system subscribes
//! through the API, a case arrives, and a receiver that checks the signature with an independent
//! implementation (the `standardwebhooks` library) gets it once — after an outage, by retry — and
//! the delivery log, the replay and the refusals behave as documented.

use crate::api::{file, machine, path, token};
use crate::support::{spawn_app, TestApp};
use serde_json::Value;
use stadsporten_db::{on_both_backends, Backend};
use std::path::PathBuf;
use std::process::{Child, Command};

on_both_backends!(
    a_subscribed_system_hears_of_its_units_cases_once_signed_and_after_an_outage,
    a_subscription_is_refused_unless_valid_and_allowed,
);

struct Receiver {
    child: Child,
    url: String,
    secret_file: PathBuf,
    out_file: PathBuf,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Receiver {
    /// What it received, verified or not.
    fn received(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.out_file)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }
}

async fn receiver(fail_first: u32) -> Receiver {
    let python = std::env::var("STADSPORTEN_API_TEST_PYTHON").expect(
        "the webhook receiver needs standardwebhooks: scripts/setup.sh installs it (STADSPORTEN_API_TEST_PYTHON)",
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = std::env::temp_dir().join(format!("stadsporten-hooks-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let (secret_file, out_file) = (dir.join("secret"), dir.join("received.jsonl"));
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/support/webhook_receiver.py");
    let child = Command::new(python)
        .arg(script)
        .arg(port.to_string())
        .arg(&secret_file)
        .arg(&out_file)
        .arg(fail_first.to_string())
        .spawn()
        .expect("the webhook receiver starts");
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Receiver { child, url: format!("http://127.0.0.1:{port}/hooks"), secret_file, out_file }
}

async fn wait_until(mut f: impl FnMut() -> bool) -> bool {
    for _ in 0..150 {
        if f() {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    false
}

async fn deliveries(app: &TestApp, token: &str, id: i64) -> Vec<Value> {
    let res =
        machine().get(app.url(&format!("/api/v1/webhooks/{id}/deliveries"))).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json::<Value>().await.unwrap()["items"].as_array().unwrap().clone()
}

async fn a_subscribed_system_hears_of_its_units_cases_once_signed_and_after_an_outage(backend: Backend) {
    let app = spawn_app(backend).await;
    // The receiver is down for its first two requests.
    let rx = receiver(2).await;
    let token = token(&app, None).await;
    let res = machine()
        .post(app.url("/api/v1/webhooks"))
        .bearer_auth(&token)
        .json(&serde_json::json!({
            "url": rx.url,
            "events": ["case.submitted", "case.status-changed", "case.decided"],
            "unit": "SBK",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let sub: Value = res.json().await.unwrap();
    let secret = sub["secret"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("whsec_"));
    let id = sub["id"].as_i64().unwrap();
    std::fs::write(&rx.secret_file, &secret).unwrap();
    // The secret is shown once.
    let res = machine().get(app.url("/api/v1/webhooks")).bearer_auth(&token).send().await.unwrap();
    let listed: Value = res.json().await.unwrap();
    assert_eq!(listed["items"][0]["id"], id);
    assert!(listed["items"][0].get("secret").is_none());

    // A case arrives in SBK (and one in MF, which this subscription does not hear of).
    let (number, case_id) = file(&app, "SBK", "hook1").await;
    file(&app, "MF", "hook2").await;

    // The first try meets the outage: pending, with the receiver's status, tried again later.
    let mut log = Vec::new();
    for _ in 0..100 {
        log = deliveries(&app, &token, id).await;
        if log.first().is_some_and(|d| d["attempts"].as_i64() >= Some(1)) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0]["status"], "pending");
    assert_eq!(log[0]["last_status"], 503);
    assert_eq!(log[0]["event_type"], "case.submitted");
    // The back-off passes (10 s, then 20 s): the third try arrives.
    app.clock.advance(11);
    let mut tried = 0;
    for _ in 0..100 {
        tried = deliveries(&app, &token, id).await[0]["attempts"].as_i64().unwrap();
        if tried >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(tried, 2, "the second try, after 10 s");
    app.clock.advance(21);
    assert!(wait_until(|| rx.received().len() == 1).await, "delivered after the outage: {:?}", rx.received());
    let got = rx.received();
    assert_eq!(got[0]["verified"], true, "the signature holds for an independent implementation: {got:?}");
    assert_eq!(got[0]["content_type"], "application/cloudevents+json");
    let event = &got[0]["event"];
    assert_eq!(event["specversion"], "1.0");
    assert_eq!(event["type"], "se.stockholm.stadsporten.case.submitted.v1");
    assert_eq!(event["subject"], path(&number));
    assert_eq!(event["data"]["number"], number.as_str());
    assert_eq!(event["data"]["href"], format!("/api/v1/cases/{}", path(&number)));
    assert_eq!(got[0]["webhook_id"], event["id"], "the webhook-id is the event's id");
    assert!(event["data"].get("answers").is_none(), "no personal details in an event");
    let log = deliveries(&app, &token, id).await;
    assert_eq!(log[0]["status"], "delivered");
    assert_eq!(log[0]["attempts"], 3);

    // The case is decided: a status change and a decision, each once.
    let samir = app.store.user_by_persona("samir").await.unwrap().unwrap().id;
    app.store.start_case(case_id, samir, app.clock.now()).await.unwrap();
    assert!(wait_until(|| rx.received().len() == 2).await);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let got = rx.received();
    assert_eq!(got.len(), 2, "no duplicates: {got:?}");
    assert_eq!(got[1]["event"]["type"], "se.stockholm.stadsporten.case.status-changed.v1");
    assert_eq!(got[1]["event"]["data"]["from_status"], "submitted");
    assert_eq!(got[1]["event"]["data"]["status"], "in-progress");

    // A replay sends the same event again under the same id (receivers de-duplicate by it).
    let first = log.iter().find(|d| d["event_type"] == "case.submitted").unwrap();
    let res = machine()
        .post(app.url(&format!("/api/v1/webhooks/{id}/deliveries/{}/replay", first["id"])))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    assert!(wait_until(|| rx.received().len() == 3).await);
    let got = rx.received();
    assert_eq!(got[2]["webhook_id"], got[0]["webhook_id"]);
    assert_eq!(got[2]["verified"], true);

    // Stopped, it hears nothing more.
    let res = machine().delete(app.url(&format!("/api/v1/webhooks/{id}"))).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), 204);
    file(&app, "SBK", "hook3").await;
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    assert_eq!(rx.received().len(), 3);
}

async fn a_subscription_is_refused_unless_valid_and_allowed(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = token(&app, None).await;
    let post = |body: Value| {
        let t = token.clone();
        let url = app.url("/api/v1/webhooks");
        async move { machine().post(url).bearer_auth(t).json(&body).send().await.unwrap() }
    };
    for (body, field) in [
        (
            serde_json::json!({"url": "https://sbk.example/h", "events": ["case.submitted"], "unit": "SBK", "colour": 1}),
            "colour",
        ),
        (serde_json::json!({"events": ["case.submitted"], "unit": "SBK"}), "url"),
        (serde_json::json!({"url": "ftp://sbk.example/h", "events": ["case.submitted"], "unit": "SBK"}), "url"),
        (serde_json::json!({"url": "https://sbk.example/h", "events": ["case.deleted"], "unit": "SBK"}), "events"),
        (serde_json::json!({"url": "https://sbk.example/h", "events": [], "unit": "SBK"}), "events"),
        (serde_json::json!({"url": "https://sbk.example/h", "events": ["case.submitted"], "unit": "sbk"}), "unit"),
    ] {
        let res = post(body.clone()).await;
        assert_eq!(res.status(), 400, "{body}");
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["errors"][0]["field"], field, "{body}: {p}");
    }
    // Another unit's cases: the token may not read them.
    let res =
        post(serde_json::json!({"url": "https://mf.example/h", "events": ["case.submitted"], "unit": "MF"})).await;
    assert_eq!(res.status(), 403);
    // Another client's subscription is not found.
    let res =
        post(serde_json::json!({"url": "https://sbk.example/h", "events": ["case.submitted"], "unit": "SBK"})).await;
    let id = res.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let scopes = stadsporten_domain::api::Scopes::parse("cases:read:SBK").unwrap();
    let hash = stadsporten_domain::api::secret_hash("other-secret");
    app.store.register_api_client("other", "Other", &hash, &scopes, app.clock.now()).await.unwrap();
    let basic = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, "other:other-secret");
    let res = machine()
        .post(app.url("/api/v1/oauth/token"))
        .header("authorization", format!("Basic {basic}"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    let other = res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_owned();
    for (method, p) in [
        (reqwest::Method::GET, format!("/api/v1/webhooks/{id}/deliveries")),
        (reqwest::Method::DELETE, format!("/api/v1/webhooks/{id}")),
        (reqwest::Method::POST, format!("/api/v1/webhooks/{id}/deliveries/1/replay")),
    ] {
        let res = machine().request(method.clone(), app.url(&p)).bearer_auth(&other).send().await.unwrap();
        assert_eq!(res.status(), 404, "{method} {p}");
    }
    let res = machine().get(app.url("/api/v1/webhooks")).bearer_auth(&other).send().await.unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["items"].as_array().unwrap().len(), 0);
}
