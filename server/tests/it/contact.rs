//! The contact centre over HTTP, as a browser without JavaScript and as the city's telephony
//! platform: signed call events and every refusal, a missed call that becomes a call-back and is
//! made, each outcome of an errand, the look-up with its reason and its visibility to the
//! resident — on both backends.

use crate::support::{as_user, body, post, spawn_app, to, TestApp, TELEPHONY_PLATFORM, TELEPHONY_SECRET};
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::contact_centre::telephony::sign;

on_both_backends!(
    the_telephony_api_accepts_signed_events_once_and_refuses_everything_else,
    a_missed_call_becomes_a_call_back_that_lena_makes,
    an_errand_answered_at_first_contact_sends_the_link,
    a_look_up_needs_a_reason_and_anna_sees_it,
    a_handed_over_errand_is_answered_by_the_unit_and_anna_sees_it,
    a_view_is_routed_to_the_unit_and_the_agent_sees_the_loop_closed,
    an_sms_is_sent_only_when_the_gateway_accepts_it_and_its_receipt_is_kept,
    assisted_digital_the_agent_submits_with_consent_or_the_resident_finishes,
);

/// A local SMS gateway: answers `status` (changeable), records each request's authorization
/// header and JSON body, and numbers the messages it accepts `gw-1`, `gw-2`, ….
#[derive(Clone, Default)]
struct Gateway {
    status: std::sync::Arc<std::sync::atomic::AtomicU16>,
    seen: std::sync::Arc<std::sync::Mutex<Vec<(String, serde_json::Value)>>>,
}

async fn gateway() -> (String, Gateway) {
    use axum::response::IntoResponse;
    let g = Gateway::default();
    g.status.store(200, std::sync::atomic::Ordering::SeqCst);
    let state = g.clone();
    let app = axum::Router::new().route(
        "/send",
        axum::routing::post(move |headers: axum::http::HeaderMap, axum::Json(body): axum::Json<serde_json::Value>| {
            let g = state.clone();
            async move {
                let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
                let n = {
                    let mut seen = g.seen.lock().unwrap();
                    seen.push((auth, body));
                    seen.len()
                };
                let status = g.status.load(std::sync::atomic::Ordering::SeqCst);
                let code = axum::http::StatusCode::from_u16(status).unwrap();
                (code, axum::Json(serde_json::json!({ "id": format!("gw-{n}") }))).into_response()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/send", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, g)
}

async fn outbox_row(app: &TestApp, event: &str) -> stadsporten_db::OutboxEntry {
    app.store.outbox(20).await.unwrap().into_iter().find(|o| o.event == event).expect("an outbox row")
}

/// Waits (at most 15 s) until the row of `event` satisfies `done`.
async fn wait_for(
    app: &TestApp,
    event: &str,
    done: impl Fn(&stadsporten_db::OutboxEntry) -> bool,
) -> stadsporten_db::OutboxEntry {
    for _ in 0..150 {
        let row = outbox_row(app, event).await;
        if done(&row) {
            return row;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{event}: {:?}", outbox_row(app, event).await)
}

async fn an_sms_is_sent_only_when_the_gateway_accepts_it_and_its_receipt_is_kept(backend: Backend) {
    use base64::Engine;
    let (url, gw) = gateway().await;
    let mut settings = crate::support::test_settings(backend).await;
    settings.sms.url = url;
    settings.sms.username = "stadsporten".into();
    settings.sms.password = secrecy::SecretString::from("gw-password");
    settings.sms.sender_id = "Stockholm".into();
    settings.sms.receipt_secret = secrecy::SecretString::from("receipt-secret-0123456789abcdef0123");
    // The gateway is down first: the message waits, unsent, with the error.
    gw.status.store(503, std::sync::atomic::Ordering::SeqCst);
    let app = crate::support::spawn_app_with(settings).await;
    let (lena, csrf) = as_user(&app, "lena").await;
    let (_, form) = body(&lena, "/contact/errands/new").await;
    let key = crate::support::input_value(&form, "idempotency_key").unwrap();
    post(
        &lena,
        &csrf,
        "/contact/errands",
        &[
            ("channel", "phone"),
            ("concerns", "service:bygglov"),
            ("outcome", "answered"),
            ("send_link", "sms"),
            ("caller_phone", "070-174 06 07"),
            ("idempotency_key", &key),
        ],
    )
    .await;
    let row = wait_for(&app, "contact-link", |r| r.attempts >= 1).await;
    assert_eq!(
        (row.status.as_str(), row.gateway_id.as_deref()),
        ("pending", None),
        "not sent while the gateway is down"
    );
    assert!(row.last_error.as_deref().is_some_and(|e| e.contains("503")), "{row:?}");
    // Back up: the next try (after the backoff) is accepted, with the gateway's id.
    gw.status.store(200, std::sync::atomic::Ordering::SeqCst);
    app.clock.advance(60);
    let row = wait_for(&app, "contact-link", |r| r.status == "sent").await;
    assert_eq!((row.gateway_id.as_deref(), row.delivery.as_deref()), (Some("gw-2"), Some("accepted")));
    let (auth, sent) = gw.seen.lock().unwrap().last().cloned().unwrap();
    let expected = base64::engine::general_purpose::STANDARD.encode("stadsporten:gw-password");
    assert_eq!(auth, format!("Basic {expected}"));
    assert_eq!((sent["to"].as_str(), sent["from"].as_str()), (Some("+46701740607"), Some("Stockholm")));
    assert!(sent["message"].as_str().unwrap().contains("/services/bygglov/start"), "{sent}");
    assert!(sent["callback_url"].as_str().unwrap().ends_with("/integrations/sms/receipts"));
    // The delivery receipt, signed; a forged one is refused and changes nothing.
    let receipt = r#"{"id":"gw-2","status":"delivered"}"#;
    let send_receipt = |secret: &'static str| {
        let ts = app.clock.now();
        reqwest::Client::new()
            .post(app.url("/integrations/sms/receipts"))
            .header("sms-timestamp", ts.to_string())
            .header("sms-signature", sign(secret.as_bytes(), ts, receipt.as_bytes()))
            .body(receipt)
            .send()
    };
    assert_eq!(send_receipt("forged-secret-0123456789abcdef01234").await.unwrap().status(), 401);
    assert_eq!(outbox_row(&app, "contact-link").await.delivery.as_deref(), Some("accepted"));
    assert_eq!(send_receipt("receipt-secret-0123456789abcdef0123").await.unwrap().status(), 204);
    assert_eq!(outbox_row(&app, "contact-link").await.delivery.as_deref(), Some("delivered"));
    // A number the gateway refuses for good is not tried again.
    gw.status.store(400, std::sync::atomic::Ordering::SeqCst);
    let (_, form) = body(&lena, "/contact/errands/new").await;
    let key = crate::support::input_value(&form, "idempotency_key").unwrap();
    post(
        &lena,
        &csrf,
        "/contact/errands",
        &[
            ("channel", "phone"),
            ("concerns", "category:general"),
            ("outcome", "call-back"),
            ("caller_phone", "070-174 06 08"),
            ("idempotency_key", &key),
        ],
    )
    .await;
    let id = app.store.callbacks_open(5).await.unwrap().into_iter().find(|c| c.phone == "+46701740608").unwrap().id;
    post(&lena, &csrf, &format!("/contact/callbacks/{id}/claim"), &[]).await;
    for _ in 0..3 {
        post(&lena, &csrf, &format!("/contact/callbacks/{id}/attempts"), &[("outcome", "no-answer")]).await;
    }
    let row = wait_for(&app, "callback-missed", |r| r.status != "pending").await;
    assert_eq!((row.status.as_str(), row.attempts), ("failed", 1), "{row:?}");
}

/// Posts a call event signed as the platform would, `ts` seconds from the server's clock.
async fn send_event(app: &TestApp, body: &str, skew: i64, secret: &str) -> reqwest::Response {
    let ts = app.clock.now() + skew;
    reqwest::Client::new()
        .post(app.url("/integrations/telephony/events"))
        .header("content-type", "application/json")
        .header("telephony-platform", TELEPHONY_PLATFORM)
        .header("telephony-timestamp", ts.to_string())
        .header("telephony-signature", sign(secret.as_bytes(), ts, body.as_bytes()))
        .body(body.to_owned())
        .send()
        .await
        .expect("post event")
}

fn event(id: &str, kind: &str, call: &str, extra: &str) -> String {
    let at = time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap();
    format!(
        r#"{{"id":"{id}","type":"{kind}","occurred_at":"{at}","call_id":"{call}","queue":"general","caller":"070-174 06 05"{extra}}}"#
    )
}

async fn problem(res: reqwest::Response) -> (u16, serde_json::Value) {
    let status = res.status().as_u16();
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    (status, res.json().await.expect("a problem document"))
}

async fn the_telephony_api_accepts_signed_events_once_and_refuses_everything_else(backend: Backend) {
    let app = spawn_app(backend).await;
    let count = |sql: &'static str| {
        let store = app.store.clone();
        async move { store.fetch_i64_for_test(sql).await.unwrap()[0] }
    };
    // Every refusal: nothing created.
    let body = event("t-1", "abandoned", "c-1", "");
    let (status, p) = problem(send_event(&app, &body, 0, "wrong-secret-0123456789abcdef0123").await).await;
    assert_eq!((status, p["type"].as_str()), (401, Some("/problems/bad-signature")));
    let (status, p) = problem(send_event(&app, &body, -301, TELEPHONY_SECRET).await).await;
    assert_eq!((status, p["type"].as_str()), (401, Some("/problems/stale-timestamp")));
    let odd = event("t-2", "abandoned", "c-2", r#","colour":"red""#);
    let (status, p) = problem(send_event(&app, &odd, 0, TELEPHONY_SECRET).await).await;
    assert_eq!(status, 400);
    assert!(p["detail"].as_str().unwrap().contains("colour"), "{p}");
    let bad_number = event("t-3", "abandoned", "c-3", "").replace("070-174 06 05", "07x");
    assert_eq!(problem(send_event(&app, &bad_number, 0, TELEPHONY_SECRET).await).await.0, 400);
    let unknown = reqwest::Client::new()
        .post(app.url("/integrations/telephony/events"))
        .header("telephony-platform", "someone-else")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(problem(unknown).await.0, 401);
    assert_eq!(count("select count(*) from telephony_events").await, 0);
    assert_eq!(count("select count(*) from callbacks").await, 0);
    // Signed and fresh: accepted, a promise made; the same event again is a 409.
    let res = send_event(&app, &body, 0, TELEPHONY_SECRET).await;
    assert_eq!(res.status(), 202);
    let accepted: serde_json::Value = res.json().await.unwrap();
    assert!(accepted["callback"].is_number(), "{accepted}");
    let (status, p) = problem(send_event(&app, &body, 0, TELEPHONY_SECRET).await).await;
    assert_eq!((status, p["type"].as_str()), (409, Some("/problems/duplicate-event")));
    // A burst of concurrent events for one call, some repeated: each id once, one promise.
    let mut tasks = Vec::new();
    for i in 0..12 {
        let id = format!("burst-{}", i % 4);
        let kind = if i % 2 == 0 { "abandoned" } else { "voicemail" };
        let body = event(&id, kind, "c-burst", "");
        let app = TestApp {
            client: reqwest::Client::new(),
            address: app.address.clone(),
            store: app.store.clone(),
            clock: app.clock.clone(),
        };
        tasks.push(tokio::spawn(async move { send_event(&app, &body, 0, TELEPHONY_SECRET).await.status().as_u16() }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == 202).count(), 4, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 8, "{statuses:?}");
    assert_eq!(count("select count(*) from callbacks where call_key like '%c-burst'").await, 1);
    // Every accepted event is in the audit trail; no phone number is.
    let entries = app.store.audit_entries(&AuditFilter::default(), 200, 0).await.unwrap();
    assert_eq!(entries.iter().filter(|e| e.chained.entry.object_type == "telephony-event").count(), 5);
    assert!(entries.iter().all(|e| !format!("{:?}", e.chained.entry).contains("4670174")));
}

async fn a_missed_call_becomes_a_call_back_that_lena_makes(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(send_event(&app, &event("m-1", "queued", "call-m", ""), 0, TELEPHONY_SECRET).await.status(), 202);
    let (lena, csrf) = as_user(&app, "lena").await;
    let (_, board) = body(&lena, "/contact").await;
    assert!(board.contains("Väntande samtal"), "{board}");
    assert_eq!(send_event(&app, &event("m-2", "abandoned", "call-m", ""), 0, TELEPHONY_SECRET).await.status(), 202);
    let (status, queue) = body(&lena, "/contact/callbacks").await;
    assert_eq!(status, 200);
    assert!(queue.contains("070-174 06 05") && queue.contains("Lade på i kön"), "{queue}");
    let id = app.store.callbacks_open(5).await.unwrap()[0].id;
    // Lena takes it; another agent's view says she is calling.
    let res = post(&lena, &csrf, &format!("/contact/callbacks/{id}/claim"), &[]).await;
    assert!(to(&res, &lena.address).ends_with("saved=claimed"));
    let (_, page) = body(&lena, &format!("/contact/callbacks/{id}")).await;
    assert!(page.contains("Hur gick det?") && page.contains("tel:"), "{page}");
    // Refused without an outcome; three failed tries end with the SMS.
    let res = post(&lena, &csrf, &format!("/contact/callbacks/{id}/attempts"), &[("outcome", "")]).await;
    assert!(to(&res, &lena.address).ends_with("#error-summary"));
    let (_, page) = body(&lena, &format!("/contact/callbacks/{id}")).await;
    assert!(page.contains("Välj hur försöket gick."), "{page}");
    for (i, outcome) in ["no-answer", "busy", "no-answer"].iter().enumerate() {
        let res =
            post(&lena, &csrf, &format!("/contact/callbacks/{id}/attempts"), &[("outcome", outcome), ("note", "")])
                .await;
        let want = if i == 2 { "saved=sms" } else { "saved=attempt" };
        assert!(to(&res, &lena.address).ends_with(want), "{i}");
    }
    let outbox = app.store.outbox(10).await.unwrap();
    let sms: Vec<_> = outbox.iter().filter(|o| o.event == "callback-missed").collect();
    assert_eq!(sms.len(), 1);
    assert_eq!((sms[0].channel.as_str(), sms[0].recipient.as_str()), ("sms", "+46701740605"));
    // A voicemail reached at once is a promise kept, on the board today.
    assert_eq!(send_event(&app, &event("m-3", "voicemail", "call-v", ""), 0, TELEPHONY_SECRET).await.status(), 202);
    let id = app.store.callbacks_open(5).await.unwrap()[0].id;
    post(&lena, &csrf, &format!("/contact/callbacks/{id}/claim"), &[]).await;
    let res = post(&lena, &csrf, &format!("/contact/callbacks/{id}/attempts"), &[("outcome", "reached")]).await;
    assert!(to(&res, &lena.address).ends_with("saved=done"));
    let (_, board) = body(&lena, "/contact").await;
    assert!(board.contains("1 av 2 (50 %)"), "{board}");
    // The answered call from Anna's number suggests the look-up, without naming her.
    let answered = event("m-4", "answered", "call-a", r#","agent":"lena.berg@stockholm.example.se""#);
    assert_eq!(send_event(&app, &answered, 0, TELEPHONY_SECRET).await.status(), 202);
    let (_, board) = body(&lena, "/contact").await;
    assert!(board.contains("Slå upp uppringaren") && !board.contains("Anna Andersson"), "{board}");
    // The figures: the two promises ended today, one kept (too few for a share), one abandoned call.
    let (status, figures) = body(&lena, "/contact/figures").await;
    assert_eq!(status, 200);
    assert!(figures.contains("Kontaktcentrets statistik") && figures.contains("För få för att visa"), "{figures}");
    assert!(figures.contains("<table") && figures.contains("<svg"), "every chart with its table");
    let (_, bad) = body(&lena, "/contact/figures?from=2026-13-01").await;
    assert!(bad.contains("Perioden kunde inte läsas"), "{bad}");
    let (status, csv) = body(&lena, "/contact/figures.csv").await;
    assert_eq!(status, 200);
    let head = csv.lines().next().unwrap();
    assert!(head.ends_with(",abandoned,voicemail") && head.contains(",callbacks_kept,"), "{head}");
    let today: Vec<&str> = csv.lines().last().unwrap().split(',').collect();
    assert_eq!(today[today.len() - 2], "\"1\"", "one abandoned today: {csv}");
}

async fn an_errand_answered_at_first_contact_sends_the_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let (lena, csrf) = as_user(&app, "lena").await;
    let (status, form) = body(&lena, "/contact/errands/new").await;
    assert_eq!(status, 200);
    let key = crate::support::input_value(&form, "idempotency_key").expect("a key");
    // Refused: a link by SMS without a number; everything typed comes back.
    let fields = [
        ("channel", "phone"),
        ("concerns", "service:bygglov"),
        ("outcome", "answered"),
        ("send_link", "sms"),
        ("notes", "Frågade hur man söker bygglov för en altan."),
        ("idempotency_key", key.as_str()),
    ];
    let res = post(&lena, &csrf, "/contact/errands", &fields).await;
    assert!(to(&res, &lena.address).contains("#error-summary"));
    let (_, page) = body(&lena, "/contact/errands/new").await;
    assert!(
        page.contains("Skriv uppringarens telefonnummer.") && page.contains("Frågade hur man söker bygglov"),
        "{page}"
    );
    let mut fields = fields.to_vec();
    fields.push(("caller_phone", "070-174 06 07"));
    let res = post(&lena, &csrf, "/contact/errands", &fields).await;
    let at = to(&res, &lena.address);
    assert!(at.ends_with("?saved=errand"), "{at}");
    // A double submit finds the same errand.
    assert_eq!(to(&post(&lena, &csrf, "/contact/errands", &fields).await, &lena.address), at);
    let (_, page) = body(&lena, &at).await;
    assert!(
        page.contains("KC-") && page.contains("Besvarat direkt") && page.contains("Länk till e-tjänsten skickad"),
        "{page}"
    );
    // The unit's public number is on its service page; a direct number never is.
    let (_, service) = body(&app, "/services/bygglov").await;
    assert!(
        service.contains("Handläggs av") && service.contains("Stadsbyggnadskontoret, telefon 08-465 004 05"),
        "{service}"
    );
    assert!(!service.contains("08-465 004 15"), "Samir's direct number is for staff only");
    // The directory: Omar's direct number for staff, and a transfer with a note he gets by e-mail.
    let (_, directory) = body(&lena, "/contact/directory?q=servering").await;
    assert!(directory.contains("Omar Haddad") && directory.contains("08-46 50 04 13"), "{directory}");
    let omar = app.store.directory("omar", None, 1).await.unwrap().remove(0);
    let transfer = format!("/contact/directory/{}/transfer", omar.id);
    let res = post(&lena, &csrf, &transfer, &[("note", ""), ("q", "servering")]).await;
    assert!(to(&res, &lena.address).ends_with("#error-summary"));
    let (_, directory) = body(&lena, "/contact/directory?q=servering").await;
    assert!(directory.contains("Skriv vem som ringer"), "{directory}");
    let res =
        post(&lena, &csrf, &transfer, &[("note", "Erik Lind om serveringstillstånd till 01"), ("q", "servering")])
            .await;
    assert!(to(&res, &lena.address).ends_with("saved=transfer"));
    let note = app.store.outbox(10).await.unwrap().into_iter().find(|o| o.event == "transfer-note").expect("a note");
    assert_eq!((note.channel.as_str(), note.recipient.as_str()), ("email", "omar.haddad@stockholm.example.se"));
    let links: Vec<_> = app.store.outbox(10).await.unwrap().into_iter().filter(|o| o.event == "contact-link").collect();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].recipient, "+46701740607");
}

async fn a_look_up_needs_a_reason_and_anna_sees_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let (lena, csrf) = as_user(&app, "lena").await;
    let anna = app.store.user_by_persona("anna").await.unwrap().unwrap().id;
    // Without a reason: refused, nothing looked up, the refusal in the audit trail.
    let res = post(
        &lena,
        &csrf,
        "/contact/lookup",
        &[("personnummer", "19850312-9820"), ("explanation", "Frågar om sitt ärende")],
    )
    .await;
    assert!(to(&res, &lena.address).ends_with("#error-summary"));
    let (_, page) = body(&lena, "/contact/lookup").await;
    assert!(
        page.contains("Välj ett skäl till uppslagningen.") && !page.contains("19850312"),
        "the personnummer is not kept: {page}"
    );
    assert!(app.store.lookups_of_person(anna, 5).await.unwrap().is_empty());
    // The person cannot be opened without a look-up.
    assert_eq!(body(&lena, &format!("/contact/people/{anna}")).await.0, 403);
    let denied = app.store.audit_entries(&AuditFilter::default(), 100, 0).await.unwrap();
    assert!(denied.iter().any(|e| e.chained.entry.object_type == "person-search"
        && e.chained.entry.outcome == stadsporten_domain::audit::Outcome::Denied));
    // With a reason: the status summaries, never the contents.
    crate::eservices::anna_applies(&app).await;
    let res = post(
        &lena,
        &csrf,
        "/contact/lookup",
        &[
            ("personnummer", "19850312-9820"),
            ("reason", "caller-asks-about-case"),
            ("explanation", "Frågar om sin förskoleansökan"),
        ],
    )
    .await;
    assert_eq!(to(&res, &lena.address), format!("/contact/people/{anna}"));
    let (status, page) = body(&lena, &format!("/contact/people/{anna}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Anna Andersson") && page.contains("Inskickad") && page.contains("UTB 2026/"), "{page}");
    assert!(!page.contains("20230315"), "no answers of the case: {page}");
    let reads = app.store.audit_entries(&AuditFilter::default(), 100, 0).await.unwrap();
    assert!(reads.iter().any(|e| e.chained.entry.object_type == "user"
        && e.chained.entry.reason.as_deref().is_some_and(|r| r.starts_with("LU-"))));
    // Anna sees who looked, when and why: the unit and the reference, not Lena's name.
    let (anna_browser, _) = as_user(&app, "anna").await;
    let (_, my) = body(&anna_browser, "/my").await;
    assert!(my.contains("Vem har tittat på mina uppgifter") && my.contains("Kontaktcenter Stockholm"), "{my}");
    assert!(
        my.contains("LU-") && my.contains("Uppringaren frågar om sitt ärende") && !my.contains("Lena Berg"),
        "{my}"
    );
    // A protected person: a warning, no contact details.
    let res = post(
        &lena,
        &csrf,
        "/contact/lookup",
        &[
            ("name", "Kim Nyström"),
            ("birth_date", "19900101"),
            ("reason", "call-back"),
            ("explanation", "Ringer tillbaka om ärende"),
        ],
    )
    .await;
    let at = to(&res, &lena.address);
    let (_, page) = body(&lena, &at).await;
    assert!(page.contains("Skyddade personuppgifter") && !page.contains("Telefonnummer"), "{page}");
}

async fn a_handed_over_errand_is_answered_by_the_unit_and_anna_sees_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let (lena, csrf) = as_user(&app, "lena").await;
    let anna = app.store.user_by_persona("anna").await.unwrap().unwrap().id;
    post(
        &lena,
        &csrf,
        "/contact/lookup",
        &[("personnummer", "198503129820"), ("reason", "hand-over"), ("explanation", "Fråga om bygglov för altan")],
    )
    .await;
    let (_, form) = body(&lena, &format!("/contact/errands/new?person={anna}")).await;
    assert!(form.contains("Ärendet gäller Anna Andersson"), "{form}");
    let key = crate::support::input_value(&form, "idempotency_key").unwrap();
    let person = anna.to_string();
    let res = post(
        &lena,
        &csrf,
        "/contact/errands",
        &[
            ("channel", "phone"),
            ("concerns", "service:bygglov"),
            ("person", &person),
            ("outcome", "handed-over"),
            ("unit", "SBK"),
            ("subject", "Altan på 20 kvadratmeter"),
            ("answer_by", "my-pages"),
            ("notes", "Vill veta om en altan på 20 kvadratmeter kräver bygglov."),
            ("idempotency_key", &key),
        ],
    )
    .await;
    let at = to(&res, &lena.address);
    assert!(at.ends_with("saved=errand"), "{at}");
    let errand = app.store.errands_of_person(anna, 5).await.unwrap().remove(0);
    let case_id = errand.case_id.expect("a case");
    // In Samir's queue (SBK), with the errand's history as a note.
    let (samir, samir_csrf) = as_user(&app, "samir").await;
    let (_, queue) = body(&samir, "/officer").await;
    assert!(queue.contains(errand.case_number.as_deref().unwrap()), "{queue}");
    let (_, case) = body(&samir, &format!("/officer/cases/{case_id}")).await;
    assert!(case.contains(&errand.number) && case.contains("Vill veta om en altan"), "{case}");
    // Anna sees the errand in Mina sidor, with the unit.
    let (anna_browser, _) = as_user(&app, "anna").await;
    let (_, my) = body(&anna_browser, "/my").await;
    assert!(my.contains(&errand.number) && my.contains("Hos förvaltning"), "{my}");
    // Samir answers; the errand closes, and Lena sees the loop closed.
    let case = case_id.to_string();
    for form in [
        vec![("action", "start"), ("case_id", case.as_str())],
        vec![
            ("action", "decide"),
            ("case_id", case.as_str()),
            ("outcome", "approved"),
            ("motivation", "En altan under 1,8 meter kräver inte bygglov."),
        ],
    ] {
        let res = post(&samir, &samir_csrf, "/api/officer/act", &form).await;
        assert_eq!(res.status(), 302, "{form:?}");
    }
    let closed = app.store.errand(errand.id).await.unwrap().unwrap();
    assert_eq!(closed.status, stadsporten_domain::contact_centre::ErrandStatus::Closed, "{closed:?}");
    let (_, page) = body(&lena, &format!("/contact/errands/{}", errand.id)).await;
    assert!(page.contains("Förvaltningen har svarat"), "{page}");
    let (_, my) = body(&anna_browser, "/my").await;
    assert!(my.contains("Avslutat"), "{my}");
}

async fn a_view_is_routed_to_the_unit_and_the_agent_sees_the_loop_closed(backend: Backend) {
    let app = spawn_app(backend).await;
    let (lena, csrf) = as_user(&app, "lena").await;
    let (_, form) = body(&lena, "/contact/errands/new").await;
    let key = crate::support::input_value(&form, "idempotency_key").unwrap();
    let res = post(
        &lena,
        &csrf,
        "/contact/errands",
        &[
            ("channel", "visit"),
            ("concerns", "category:feedback"),
            ("outcome", "feedback"),
            ("unit", "MF"),
            ("feedback_kind", "complaint"),
            ("wants_answer", "no"),
            ("notes", "Återvinningsstationen på Ringvägen är alltid full."),
            ("idempotency_key", &key),
        ],
    )
    .await;
    assert!(to(&res, &lena.address).ends_with("saved=errand"));
    let errand = app.store.errands(true, 5).await.unwrap().remove(0);
    let case = app.store.case_record(errand.case_id.unwrap()).await.unwrap().unwrap();
    assert_eq!((case.unit_code.as_str(), case.service_slug.as_str()), ("MF", "synpunkter-och-klagomal"));
    assert_eq!(case.channel, stadsporten_domain::measure::CaseChannel::Assisted);
    // Sara (MF) closes it; the errand follows.
    let sara = app.store.user_by_persona("sara").await.unwrap().unwrap().id;
    app.store.start_case(case.id, sara, app.clock.now()).await.unwrap();
    let d = stadsporten_db::NewDecision {
        outcome: stadsporten_domain::eservice::DecisionOutcome::Approved,
        lang: "sv",
        template: "approved",
        motivation: "Vi tömmer stationen oftare från januari.",
        appeal: "",
        offer: None,
    };
    app.store.decide_case(case.id, sara, &d, app.clock.now()).await.unwrap();
    let (_, page) = body(&lena, &format!("/contact/errands/{}", errand.id)).await;
    assert!(page.contains("Synpunkten registrerad som ärende") && page.contains("Förvaltningen har svarat"), "{page}");
    assert!(page.contains("Avslutat"), "{page}");
}

async fn assisted_digital_the_agent_submits_with_consent_or_the_resident_finishes(backend: Backend) {
    let app = spawn_app(backend).await;
    let (lena, csrf) = as_user(&app, "lena").await;
    let anna = app.store.user_by_persona("anna").await.unwrap().unwrap().id;
    let assist = format!("/contact/people/{anna}/assist");
    // Not without a look-up of the person.
    let res =
        post(&lena, &csrf, &assist, &[("service", "fraga-till-staden"), ("mode", "agent"), ("consent", "yes")]).await;
    assert_eq!(res.status(), 403);
    post(
        &lena,
        &csrf,
        "/contact/lookup",
        &[
            ("personnummer", "198503129820"),
            ("reason", "assist-eservice"),
            ("explanation", "Behöver hjälp att ställa en fråga"),
        ],
    )
    .await;
    // Not without consent; not "the agent submits" where the definition does not allow it.
    let res =
        post(&lena, &csrf, &assist, &[("service", "fraga-till-staden"), ("mode", "agent"), ("via", "phone")]).await;
    assert!(to(&res, &lena.address).ends_with("#error-summary"));
    let (_, page) = body(&lena, &format!("/contact/people/{anna}")).await;
    assert!(page.contains("Uppringaren måste samtycka"), "{page}");
    let res =
        post(&lena, &csrf, &assist, &[("service", "lanekort-bibliotek"), ("mode", "agent"), ("consent", "yes")]).await;
    assert!(to(&res, &lena.address).ends_with("#error-summary"));
    let (_, page) = body(&lena, &format!("/contact/people/{anna}")).await;
    assert!(page.contains("Den här e-tjänsten kan bara personen själv skicka in"), "{page}");
    // The agent fills it in with Anna on the phone, reads it back and submits it.
    let res = post(
        &lena,
        &csrf,
        &assist,
        &[("service", "fraga-till-staden"), ("mode", "agent"), ("via", "phone"), ("consent", "yes")],
    )
    .await;
    let at = to(&res, &lena.address);
    let token = at.strip_prefix("/apply/").expect("the runner").to_owned();
    let res = post(
        &lena,
        &csrf,
        &format!("/forms/{token}/question"),
        &[
            ("unit", "TK"),
            ("subject", "Boendeparkering"),
            ("question", "Gäller mitt boendeparkeringstillstånd även på Kungsholmen?"),
            ("answer_by", "my-pages"),
            ("action", "continue"),
        ],
    )
    .await;
    assert!(to(&res, &lena.address).ends_with("/check"), "{}", to(&res, &lena.address));
    let (status, check) = body(&lena, &format!("/apply/{token}/check")).await;
    assert_eq!(status, 200);
    assert!(check.contains("Gäller mitt boendeparkeringstillstånd"), "the answers to read back: {check}");
    let res =
        post(&lena, &csrf, &format!("/forms/{token}/submit"), &[("confirm", "yes"), ("idempotency_key", &token)]).await;
    assert_eq!(to(&res, &lena.address), format!("/contact/people/{anna}?saved=assisted"));
    let cases = app.store.cases_of_applicant(anna, app.clock.now()).await.unwrap();
    let case = app.store.case_record(cases[0].id).await.unwrap().unwrap();
    assert_eq!((case.unit_code.as_str(), case.channel), ("TK", stadsporten_domain::measure::CaseChannel::Assisted));
    assert_eq!(case.applicant_id, anna, "the case is Anna's");
    // Anna reads that the contact centre submitted it for her, with the consent.
    let (anna_browser, anna_csrf) = as_user(&app, "anna").await;
    let (_, mine) = body(&anna_browser, &format!("/my/cases/{}", case.id)).await;
    assert!(mine.contains("Inskickad av kontaktcenter (Kontaktcenter Stockholm) för din räkning"), "{mine}");
    assert!(mine.contains("samtycke givet via Telefon"), "{mine}");
    // The receipt went to Anna (her chosen channel), not to the agent.
    assert!(app.store.outbox(20).await.unwrap().iter().any(|o| o.event == "receipt" && o.case_id == Some(case.id)));
    // The other way: Anna finishes it herself; the agent may not submit it.
    let res = post(
        &lena,
        &csrf,
        &assist,
        &[("service", "fraga-till-staden"), ("mode", "resident"), ("via", "phone"), ("consent", "yes")],
    )
    .await;
    assert_eq!(to(&res, &lena.address), format!("/contact/people/{anna}?saved=assist-resident"));
    let (_, my_cases) = body(&anna_browser, "/my/cases").await;
    assert!(my_cases.contains("Ställ en fråga till staden"), "the draft is in Anna's Mina sidor: {my_cases}");
    let token = crate::support::input_value(&my_cases, "token")
        .or_else(|| my_cases.split("/apply/").nth(1).map(|r| r[..64].to_owned()))
        .expect("the draft's token");
    let answers = [
        ("unit", "KC"),
        ("subject", "Fråga"),
        ("question", "Vart vänder jag mig med en fråga om sophämtning?"),
        ("answer_by", "my-pages"),
        ("action", "continue"),
    ];
    post(&lena, &csrf, &format!("/forms/{token}/question"), &answers).await;
    let res =
        post(&lena, &csrf, &format!("/forms/{token}/submit"), &[("confirm", "yes"), ("idempotency_key", &token)]).await;
    assert!(to(&res, &lena.address).ends_with("/declaration#error-summary"), "the agent may not submit it");
    let res = post(
        &anna_browser,
        &anna_csrf,
        &format!("/forms/{token}/submit"),
        &[("confirm", "yes"), ("idempotency_key", &token)],
    )
    .await;
    assert!(to(&res, &anna_browser.address).ends_with("/receipt"));
    let newest = app.store.cases_of_applicant(anna, app.clock.now()).await.unwrap().remove(0);
    let own = app.store.case_record(newest.id).await.unwrap().unwrap();
    assert_eq!(own.channel, stadsporten_domain::measure::CaseChannel::Web, "her own submission, in her own channel");
}
