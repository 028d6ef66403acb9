//! The API's storage on SQLite and PostgreSQL: clients and tokens, a unit's cases by cursor, and
//! webhook deliveries written with the change, claimed once, retried and dead-lettered.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{Backend, DbError, Store, Submission};
use stadsporten_domain::api::webhook::{EventType, MAX_ATTEMPTS};
use stadsporten_domain::api::{secret_hash, Scopes};
use stadsporten_domain::ids::{CaseId, DraftToken};

const NOW: i64 = 1_795_000_000;

on_both_backends!(
    a_revoked_client_and_an_expired_token_find_no_caller,
    a_units_cases_come_by_cursor_each_once_and_again_when_changed,
    a_delivery_is_written_with_the_change_claimed_once_and_dead_after_the_last_try,
);

async fn seeded(backend: Backend) -> Store {
    let store = Store::connect(&fresh_database_url(backend).await, 8).await.expect("connect");
    store.seed_demo_content(NOW).await.expect("catalogue");
    store.seed_personas("https://eid.test", "https://staff.test", NOW).await.expect("personas");
    store.seed_eservices(NOW).await.expect("e-services");
    store
}

async fn file(store: &Store, unit: &str, key: &str, now: i64) -> CaseId {
    let anna = store.user_by_persona("anna").await.unwrap().unwrap().id;
    let def = store.live_definition("bygglov").await.unwrap().unwrap();
    let draft = store
        .create_draft(
            &DraftToken::new(format!("{key:0>64}")),
            anna,
            None,
            def.id,
            Default::default(),
            now,
            now + 86_400,
        )
        .await
        .unwrap();
    store
        .submit_case(&Submission {
            draft_id: draft.id,
            applicant_id: anna,
            acting_for: None,
            idempotency_key: key,
            definition_id: def.id,
            service_slug: &def.slug,
            unit_code: unit,
            provider_unit: None,
            provider_org: None,
            year: 2026,
            lang: "sv",
            answers: &Default::default(),
            handling_days: 28,
            day_kind: Default::default(),
            channel: stadsporten_domain::measure::CaseChannel::Web,
            now,
        })
        .await
        .unwrap()
        .case_id
}

async fn a_revoked_client_and_an_expired_token_find_no_caller(backend: Backend) {
    let store = seeded(backend).await;
    let scopes = Scopes::parse("cases:read:SBK").unwrap();
    store.register_api_client("sbk", "SBK", &secret_hash("s"), &scopes, NOW).await.unwrap();
    assert!(matches!(
        store.register_api_client("sbk", "Again", &secret_hash("t"), &scopes, NOW).await,
        Err(DbError::Conflict)
    ));
    store.issue_api_token(&secret_hash("tok"), "sbk", &scopes, NOW, NOW + 3600).await.unwrap();
    let caller = store.api_caller(&secret_hash("tok"), NOW + 10).await.unwrap().unwrap();
    assert_eq!(caller.client_id, "sbk");
    assert_eq!(caller.scopes, scopes);
    assert!(store.api_caller(&secret_hash("tok"), NOW + 3600).await.unwrap().is_none(), "expired");
    assert!(store.api_caller(&secret_hash("other"), NOW).await.unwrap().is_none());
    store.revoke_api_client("sbk", NOW + 20).await.unwrap();
    assert!(store.api_caller(&secret_hash("tok"), NOW + 30).await.unwrap().is_none(), "revoked");
    assert!(store.active_api_client("sbk").await.unwrap().is_none());
    assert!(matches!(store.revoke_api_client("sbk", NOW + 40).await, Err(DbError::NotFound)));
    assert_eq!(store.api_clients().await.unwrap().len(), 1, "kept, as revoked");
}

async fn a_units_cases_come_by_cursor_each_once_and_again_when_changed(backend: Backend) {
    let store = seeded(backend).await;
    let mut ids = Vec::new();
    for k in 0..7 {
        // Two at the same second: the id breaks the tie.
        ids.push(file(&store, "SBK", &format!("c{k}"), NOW + k / 2).await);
    }
    file(&store, "MF", "m0", NOW).await;
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.api_cases("SBK", cursor, 3).await.unwrap();
        if page.is_empty() {
            break;
        }
        cursor = page.last().map(|r| r.cursor());
        seen.extend(page.into_iter().map(|r| r.id));
    }
    assert_eq!(seen, ids, "every case once, in the order they changed");
    let samir = store.user_by_persona("samir").await.unwrap().unwrap().id;
    store.start_case(ids[2], samir, NOW + 100).await.unwrap();
    let again: Vec<CaseId> = store.api_cases("SBK", cursor, 10).await.unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(again, vec![ids[2]], "a changed case comes again after the cursor");
}

async fn a_delivery_is_written_with_the_change_claimed_once_and_dead_after_the_last_try(backend: Backend) {
    let store = seeded(backend).await;
    store
        .register_api_client("sbk", "SBK", &secret_hash("s"), &Scopes::parse("cases:read:SBK").unwrap(), NOW)
        .await
        .unwrap();
    let sub = store
        .create_webhook(
            "sbk",
            "https://sbk.example/h",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            &[EventType::CaseSubmitted, EventType::CaseDecided],
            "SBK",
            NOW,
        )
        .await
        .unwrap();
    let case = file(&store, "SBK", "w1", NOW).await;
    file(&store, "MF", "w2", NOW).await;
    let samir = store.user_by_persona("samir").await.unwrap().unwrap().id;
    // A status change it did not ask for makes nothing.
    store.start_case(case, samir, NOW + 1).await.unwrap();
    let log = store.webhook_deliveries(sub, None, 10).await.unwrap();
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0].event_type, "case.submitted");
    // Claimed by one node: a second claim in the lease finds nothing.
    let jobs = store.claim_deliveries(NOW + 2, 60, 10).await.unwrap();
    assert_eq!(jobs.len(), 1);
    assert!(store.claim_deliveries(NOW + 3, 60, 10).await.unwrap().is_empty());
    let payload: serde_json::Value = serde_json::from_str(&jobs[0].payload).unwrap();
    assert_eq!(payload["id"], jobs[0].event_id);
    assert_eq!(payload["data"]["unit"], "SBK");
    // Every try fails: back-off, then dead, kept in the log.
    let mut now = NOW + 4;
    for attempt in 1..=MAX_ATTEMPTS {
        store.delivery_tried(jobs[0].id, attempt - 1, Some(500), Some("HTTP 500"), now).await.unwrap();
        let d = &store.webhook_deliveries(sub, None, 10).await.unwrap()[0];
        assert_eq!(d.attempts, attempt);
        if attempt < MAX_ATTEMPTS {
            assert_eq!(d.status, "pending");
            assert!(d.next_attempt_at > now);
            assert!(
                store.claim_deliveries(d.next_attempt_at - 1, 60, 10).await.unwrap().is_empty(),
                "not before its time"
            );
            now = d.next_attempt_at;
            assert_eq!(store.claim_deliveries(now, 60, 10).await.unwrap().len(), 1);
        } else {
            assert_eq!(d.status, "dead");
        }
    }
    assert_eq!(store.delivery_backlog().await.unwrap(), (0, 1));
    assert!(store.claim_deliveries(now + 86_400, 60, 10).await.unwrap().is_empty(), "the dead are not sent");
    // A replay makes it pending again, with the same event.
    store.replay_delivery(sub, jobs[0].id, now).await.unwrap();
    let again = store.claim_deliveries(now, 60, 10).await.unwrap();
    assert_eq!(again[0].event_id, jobs[0].event_id);
    assert_eq!(again[0].payload, jobs[0].payload);
    assert_eq!(again[0].attempts, MAX_ATTEMPTS, "the tries so far are kept");
    store.delivery_tried(again[0].id, again[0].attempts, Some(204), None, now).await.unwrap();
    assert_eq!(store.webhook_deliveries(sub, None, 10).await.unwrap()[0].status, "delivered");
    // A stopped subscription hears nothing more.
    store.disable_webhook("sbk", sub, now).await.unwrap();
    file(&store, "SBK", "w3", now).await;
    assert_eq!(store.webhook_deliveries(sub, None, 10).await.unwrap().len(), 1);
    assert!(matches!(store.disable_webhook("other", sub, now).await, Err(DbError::NotFound)));
}
