//! The contact centre's storage: errands and what each outcome makes, look-ups the person sees,
//! telephony events accepted once, call-back promises claimed by one agent and given up with an
//! SMS — each story on SQLite and on PostgreSQL.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{
    Backend, DirectMessage, EventAccepted, HandoverCase, NewAttempt, NewDecision, NewErrand, NewLookup, Store,
};
use stadsporten_domain::calendar::DayKind;
use stadsporten_domain::contact_centre::telephony::parse_event;
use stadsporten_domain::contact_centre::{
    AnswerBy, AttemptOutcome, CallbackStatus, ContactChannel, ErrandOutcome, ErrandStatus, LookupReason,
};
use stadsporten_domain::date::Date;
use stadsporten_domain::eservice::{Answer, Answers, DecisionOutcome};
use stadsporten_domain::ids::UserId;

fn at(y: u32, m: u32, d: u32, hour: u8) -> i64 {
    Date::new(y, m, d).and_then(|d| d.at_in_stockholm(hour, 0)).expect("a time")
}

async fn seeded(backend: Backend) -> Store {
    let now = at(2026, 12, 1, 9);
    let store = Store::connect(&fresh_database_url(backend).await, 8).await.expect("connect");
    store.seed_demo_content(now).await.expect("catalogue");
    store.seed_personas("https://eid.test", "https://staff.test", now).await.expect("personas");
    store.seed_eservices(now).await.expect("e-services");
    assert!(store.seed_contact_centre(now).await.expect("contact centre") >= 10);
    assert_eq!(store.seed_contact_centre(now).await.expect("again"), 0, "idempotent");
    store
}

async fn persona(store: &Store, key: &str) -> UserId {
    store.user_by_persona(key).await.unwrap().unwrap_or_else(|| panic!("persona {key}")).id
}

fn errand(agent: UserId, outcome: ErrandOutcome, key: &str, now: i64) -> NewErrand {
    NewErrand {
        channel: ContactChannel::Phone,
        service_slug: Some("bygglov".into()),
        category: None,
        person_id: None,
        caller_name: None,
        caller_phone: None,
        caller_email: None,
        notes: "Frågar om handläggningstiden för bygglov.".into(),
        outcome,
        unit_code: None,
        answer_by: None,
        call_key: None,
        agent_id: agent,
        agent_unit: "KC".into(),
        idempotency_key: key.into(),
        case: None,
        link: None,
        callback: None,
        year: 2026,
        now,
    }
}

on_both_backends!(
    an_answered_errand_sends_the_link_once,
    a_handed_over_errand_is_a_case_in_the_unit_and_closes_with_its_answer,
    a_look_up_is_read_back_by_the_person,
    a_missed_call_becomes_one_promise_however_often_it_is_told,
    one_agent_holds_a_call_back_and_the_caller_gets_an_sms_after_the_last_try,
);

async fn an_answered_errand_sends_the_link_once(backend: Backend) {
    let store = seeded(backend).await;
    let lena = persona(&store, "lena").await;
    let now = at(2026, 12, 7, 10);
    let mut e = errand(lena, ErrandOutcome::Answered, "k1", now);
    e.caller_phone = Some("+46701740605".into());
    e.link = Some(DirectMessage {
        channel: "sms".into(),
        recipient: "+46701740605".into(),
        lang: "sv".into(),
        event: "contact-link".into(),
        args: serde_json::json!({ "service": "bygglov" }),
    });
    let saved = store.register_errand(&e).await.unwrap();
    assert_eq!(saved.number, "KC-2026-00001");
    assert!(!saved.replayed && saved.case_id.is_none());
    // A double submit finds the errand it made and sends nothing more.
    let again = store.register_errand(&e).await.unwrap();
    assert!(again.replayed && again.id == saved.id);
    let outbox = store.outbox(10).await.unwrap();
    assert_eq!(outbox.iter().filter(|o| o.event == "contact-link").count(), 1);
    let rec = store.errand(saved.id).await.unwrap().unwrap();
    assert_eq!(rec.status, ErrandStatus::Closed);
    let kinds: Vec<String> = store.errand_events(saved.id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ["registered", "answered", "link-sent"]);
    // The next errand has the next number.
    let next = store.register_errand(&errand(lena, ErrandOutcome::Answered, "k2", now)).await.unwrap();
    assert_eq!(next.number, "KC-2026-00002");
}

async fn a_handed_over_errand_is_a_case_in_the_unit_and_closes_with_its_answer(backend: Backend) {
    let store = seeded(backend).await;
    let lena = persona(&store, "lena").await;
    let anna = persona(&store, "anna").await;
    let samir = persona(&store, "samir").await;
    let now = at(2026, 12, 7, 10);
    let def = store.live_definition("fraga-till-staden").await.unwrap().expect("the inquiry e-service");
    let mut answers = Answers::new();
    answers.insert("unit".into(), Answer::Text("SBK".into()));
    answers.insert("subject".into(), Answer::Text("Bygglov för altan".into()));
    answers.insert("question".into(), Answer::Text("Behövs bygglov för en altan på 20 kvadratmeter?".into()));
    answers.insert("answer_by".into(), Answer::Text("my-pages".into()));
    let mut e = errand(lena, ErrandOutcome::HandedOver, "h1", now);
    e.person_id = Some(anna);
    e.unit_code = Some("SBK".into());
    e.answer_by = Some(AnswerBy::MyPages);
    e.case = Some(HandoverCase {
        definition_id: def.id,
        service_slug: def.slug.clone(),
        unit_code: "SBK".into(),
        provider_unit: None,
        provider_org: None,
        answers,
        handling_days: def.definition.handling_days,
        day_kind: DayKind::Working,
        lang: "sv".into(),
    });
    let saved = store.register_errand(&e).await.unwrap();
    let case_id = saved.case_id.expect("a case");
    let case = store.case_record(case_id).await.unwrap().unwrap();
    assert_eq!(case.unit_code, "SBK");
    assert_eq!(case.applicant_id, anna);
    assert_eq!(case.channel, stadsporten_domain::measure::CaseChannel::Assisted);
    assert!(case.case_number.starts_with("SBK 2026/"));
    // It is in Anna's cases and in her errands, with the unit.
    assert!(store.cases_of_applicant(anna, now).await.unwrap().iter().any(|c| c.id == case_id));
    let mine = store.errands_of_person(anna, 10).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].status, ErrandStatus::WithUnit);
    assert_eq!(mine[0].case_number.as_deref(), Some(case.case_number.as_str()));
    // The officer answers: the errand closes, and its timeline says so.
    store.start_case(case_id, samir, now + 60).await.unwrap();
    let d = NewDecision {
        outcome: DecisionOutcome::Approved,
        lang: "sv",
        template: "approved",
        motivation: "En altan under 1,8 meter kräver inte bygglov.",
        appeal: "",
        offer: None,
    };
    store.decide_case(case_id, samir, &d, now + 3600).await.unwrap();
    let rec = store.errand(saved.id).await.unwrap().unwrap();
    assert_eq!(rec.status, ErrandStatus::Closed);
    assert_eq!(rec.closed_at, Some(now + 3600));
    let kinds: Vec<String> = store.errand_events(saved.id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ["registered", "handed-over", "unit-answered"]);
    // An anonymous errand becomes a case too, of the one placeholder caller who never signs in.
    let mut anon = e.clone();
    anon.person_id = None;
    anon.idempotency_key = "h2".into();
    let a = store.register_errand(&anon).await.unwrap();
    let mut anon2 = anon.clone();
    anon2.idempotency_key = "h3".into();
    let b = store.register_errand(&anon2).await.unwrap();
    let ca = store.case_record(a.case_id.unwrap()).await.unwrap().unwrap();
    let cb = store.case_record(b.case_id.unwrap()).await.unwrap().unwrap();
    assert_eq!(ca.applicant_id, cb.applicant_id);
    assert_ne!(ca.applicant_id, anna);
}

async fn a_look_up_is_read_back_by_the_person(backend: Backend) {
    let store = seeded(backend).await;
    let lena = persona(&store, "lena").await;
    let anna = persona(&store, "anna").await;
    let now = at(2026, 12, 7, 10);
    let found = store.person_by_personnummer("198503129820").await.unwrap().expect("Anna");
    assert_eq!(found.id, anna);
    assert!(!found.protected);
    let by_name = store.people_by_name_and_birth("anna andersson", "19850312").await.unwrap();
    assert_eq!(by_name.iter().map(|p| p.id).collect::<Vec<_>>(), [anna]);
    assert!(store.people_by_name_and_birth("erik", "19850312").await.unwrap().is_empty());
    // The seeded number finds her; the protected person is marked.
    assert_eq!(store.person_by_phone("+46701740605").await.unwrap().map(|p| p.id), Some(anna));
    let kim = store.person_by_personnummer("199001019802").await.unwrap().expect("protected person");
    assert!(kim.protected && kim.phone.is_none());
    let reference = store
        .record_lookup(&NewLookup {
            person_id: anna,
            agent_id: lena,
            agent_unit: "KC".into(),
            reason: LookupReason::CallerAsksAboutCase,
            explanation: "Frågar om sin förskoleansökan".into(),
            searched_by: "personnummer",
            year: 2026,
            now,
        })
        .await
        .unwrap();
    assert_eq!(reference, "LU-2026-00001");
    let seen = store.lookups_of_person(anna, 10).await.unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].reference, reference);
    assert_eq!(seen[0].agent_unit, "KC");
    assert_eq!(seen[0].reason, "caller-asks-about-case");
    assert!(store.lookups_of_person(kim.id, 10).await.unwrap().is_empty());
}

fn event(id: &str, kind: &str, call: &str, extra: &str) -> String {
    format!(
        r#"{{"id":"{id}","type":"{kind}","occurred_at":"2026-12-07T09:00:00Z","call_id":"{call}","queue":"general","caller":"070-174 06 05"{extra}}}"#
    )
}

async fn a_missed_call_becomes_one_promise_however_often_it_is_told(backend: Backend) {
    let store = seeded(backend).await;
    let now = at(2026, 12, 7, 10);
    let due = now + 4 * 3600;
    let accept = |body: String| {
        let store = store.clone();
        async move {
            let (e, at) = parse_event(body.as_bytes()).unwrap();
            store.accept_call_event("pbx", &e, at, due, now).await.unwrap()
        }
    };
    assert_eq!(accept(event("e1", "offered", "c1", "")).await, EventAccepted::New { callback: None });
    assert_eq!(store.contact_board(now, now - 3600).await.unwrap().waiting, 1);
    // The same event again changes nothing.
    assert_eq!(accept(event("e1", "offered", "c1", "")).await, EventAccepted::Duplicate);
    // A burst of the same abandonment and of different events for the same call: one promise.
    let mut tasks = Vec::new();
    for i in 0..8 {
        let id = if i % 2 == 0 { "e2".to_owned() } else { format!("e2-{i}") };
        let kind = if i % 2 == 0 { "abandoned" } else { "voicemail" };
        tasks.push(tokio::spawn(accept(event(&id, kind, "c1", r#","waited_seconds":95"#))));
    }
    let mut made = 0;
    let mut duplicates = 0;
    for t in tasks {
        match t.await.unwrap() {
            EventAccepted::New { callback: Some(_) } => made += 1,
            EventAccepted::New { callback: None } => {}
            EventAccepted::Duplicate => duplicates += 1,
        }
    }
    assert_eq!(made, 1, "one promise per call");
    assert_eq!(duplicates, 3, "the same id four times is accepted once");
    let open = store.callbacks_open(10).await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].phone, "+46701740605");
    assert_eq!(open[0].due_at, due);
    let board = store.contact_board(now, now - 3600).await.unwrap();
    assert_eq!((board.waiting, board.callbacks_open), (0, 1));
    assert_eq!(board.oldest_promise.map(|p| p.1), Some(due));
    // An answered call from a known number suggests the look-up for the agent who answered.
    accept(event("e3", "answered", "c2", r#","agent":"lena.berg@stockholm.example.se""#)).await;
    let calls = store.answered_calls(&["lena.berg@stockholm.example.se".into()], now).await.unwrap();
    assert_eq!(calls.len(), 1);
    assert!(calls[0].known_person);
    // A presence event updates the directory.
    let presence =
        r#"{"id":"p1","type":"presence","occurred_at":"2026-12-07T09:00:00Z","agent":"4413","presence":"busy"}"#;
    accept(presence.to_owned()).await;
    let omar = store.directory("omar", None, 5).await.unwrap();
    assert_eq!(omar[0].availability, "busy");
}

async fn one_agent_holds_a_call_back_and_the_caller_gets_an_sms_after_the_last_try(backend: Backend) {
    let store = seeded(backend).await;
    let lena = persona(&store, "lena").await;
    let admin = persona(&store, "admin").await;
    let now = at(2026, 12, 7, 10);
    let (e, t) = parse_event(event("x1", "abandoned", "c9", "").as_bytes()).unwrap();
    let EventAccepted::New { callback: Some(id) } =
        store.accept_call_event("pbx", &e, t, now + 3600, now).await.unwrap()
    else {
        panic!("a promise")
    };
    // Two agents at once: one wins, the other is told.
    let (a, b) =
        tokio::join!(store.claim_callback(id, lena, now, now + 900), store.claim_callback(id, admin, now, now + 900));
    assert!(a.is_ok() != b.is_ok(), "exactly one claim wins: {a:?} {b:?}");
    let holder = if a.is_ok() { lena } else { admin };
    let other = if a.is_ok() { admin } else { lena };
    assert!(matches!(
        store.claim_callback(id, other, now + 10, now + 900).await,
        Err(stadsporten_db::DbError::Conflict)
    ));
    let sms = DirectMessage {
        channel: "sms".into(),
        recipient: "+46701740605".into(),
        lang: "sv".into(),
        event: "callback-missed".into(),
        args: serde_json::json!({ "about": "general" }),
    };
    // Only the holder records tries.
    assert!(store
        .record_attempt(
            id,
            other,
            &NewAttempt { outcome: AttemptOutcome::NoAnswer, note: None, sms_after: 3, sms: &sms },
            now + 60
        )
        .await
        .is_err());
    for i in 0..2 {
        let r = store
            .record_attempt(
                id,
                holder,
                &NewAttempt { outcome: AttemptOutcome::NoAnswer, note: None, sms_after: 3, sms: &sms },
                now + 60 + i,
            )
            .await
            .unwrap();
        assert_eq!(r.status, CallbackStatus::Open);
    }
    let r = store
        .record_attempt(
            id,
            holder,
            &NewAttempt { outcome: AttemptOutcome::Busy, note: Some("upptaget"), sms_after: 3, sms: &sms },
            now + 120,
        )
        .await
        .unwrap();
    assert_eq!(r.status, CallbackStatus::GaveUp);
    assert!(r.sms_sent);
    assert_eq!(store.outbox(10).await.unwrap().iter().filter(|o| o.event == "callback-missed").count(), 1);
    assert_eq!(store.callback_attempts(id).await.unwrap().len(), 3);
    assert!(store.callbacks_open(10).await.unwrap().is_empty());
    // A claim after a lease ran out is allowed; a promise kept in time counts as kept today.
    let (e, t) = parse_event(event("x2", "voicemail", "c10", "").as_bytes()).unwrap();
    let EventAccepted::New { callback: Some(id2) } =
        store.accept_call_event("pbx", &e, t, now + 3600, now).await.unwrap()
    else {
        panic!("a promise")
    };
    store.claim_callback(id2, admin, now, now + 60).await.unwrap();
    store.claim_callback(id2, lena, now + 61, now + 900).await.unwrap();
    let r = store
        .record_attempt(
            id2,
            lena,
            &NewAttempt { outcome: AttemptOutcome::Reached, note: None, sms_after: 3, sms: &sms },
            now + 120,
        )
        .await
        .unwrap();
    assert_eq!((r.status, r.kept), (CallbackStatus::Done, Some(true)));
    let board = store.contact_board(now + 200, now - 3600).await.unwrap();
    assert_eq!((board.ended_today, board.kept_today), (2, 1));
}
