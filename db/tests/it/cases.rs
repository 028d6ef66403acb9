//! E-service definitions, drafts, submissions, case handling, the outbox and the satisfaction
//! answers — each story on SQLite and on PostgreSQL.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{
    Assignee, Backend, CaseRefusal, DbError, NewAttachment, NewDecision, QueueFilter, QueueSort, Refusal, ScanStatus,
    Store, Submission, UploadRefusal, SEED_DEFINITIONS,
};
use stadsporten_domain::ids::{CaseId, DraftId, DraftToken, UserId};

/// The store's refusal, if it refused.
fn refused<T: std::fmt::Debug>(r: Result<T, DbError>) -> Option<Refusal> {
    match r {
        Err(DbError::Refused(why)) => Some(why),
        _ => None,
    }
}
use stadsporten_domain::eservice::answers::validate_all;
use stadsporten_domain::eservice::{
    Answer, Answers, CaseStatus, DecisionOutcome, SatisfactionAnswer, ServiceDefinition, SlaStanding, SurveyStage,
};
use std::sync::Arc;

const NOW: i64 = 1_795_000_000;
const DAY: i64 = 86_400;

/// A store with the catalogue, units, personas and the five e-services.
async fn seeded(backend: Backend) -> Store {
    let store = Store::connect(&fresh_database_url(backend).await, 8).await.expect("connect");
    store.seed_demo_content(NOW).await.expect("catalogue");
    store.seed_personas("https://eid.test", "https://staff.test", NOW).await.expect("personas");
    assert!(store.seed_compare(NOW).await.expect("comparison units") > 0);
    assert_eq!(store.seed_eservices(NOW).await.expect("e-services"), stadsporten_db::SEED_DEFINITIONS.len());
    store
}

async fn persona(store: &Store, key: &str) -> UserId {
    store.user_by_persona(key).await.unwrap().unwrap_or_else(|| panic!("persona {key}")).id
}

fn text(v: &str) -> Answer {
    Answer::Text(v.into())
}

fn file(store_key: &str, owner: UserId, field: &'static str) -> NewAttachment<'static> {
    NewAttachment {
        storage_key: Box::leak(store_key.to_owned().into_boxed_str()),
        owner_id: owner,
        field_id: Some(field),
        file_name: "intyg.pdf",
        content_type: "application/pdf",
        size_bytes: 1234,
        sha256: "00",
        scan_status: ScanStatus::Clean,
        encrypted: false,
        now: NOW,
    }
}

/// Anna's preschool application, filled in and submitted. Returns (draft id, case id, number).
async fn anna_applies(store: &Store, key: &str) -> (DraftId, CaseId, String) {
    let anna = persona(store, "anna").await;
    let def = store.live_definition("ansok-om-forskoleplats").await.unwrap().expect("live");
    let draft = store
        .create_draft(
            &DraftToken::new(format!("tok-{key}")),
            anna,
            None,
            def.id,
            Default::default(),
            NOW,
            NOW + 30 * DAY,
        )
        .await
        .unwrap();
    let mut answers = Answers::new();
    for (k, v) in [
        ("child_name", "Lo Andersson"),
        ("child_pnr", "202303152389"),
        ("other_guardian", "no"),
        ("preschool_1", "forskolan-ekorren-rinkeby-kista"),
        ("start_date", "2027-01-10"),
        ("hours_per_week", "40"),
    ] {
        answers.insert(k.into(), text(v));
    }
    answers.insert("care_needs".into(), Answer::Choices(vec!["support".into()]));
    assert!(store.save_draft(draft.id, &answers, Some("documents"), NOW, NOW + 30 * DAY).await.unwrap());
    let attached = store
        .attach_to_draft(draft.id, "support_certificate", &file(&format!("k-{key}"), anna, "support_certificate"))
        .await
        .unwrap();
    assert!(attached.is_some());
    let draft = store.draft(&draft.token).await.unwrap().unwrap();
    let checked = validate_all(&def.definition, &draft.answers, NOW / DAY, 2026).unwrap_or_else(|e| panic!("{e:?}"));
    let s = store
        .submit_case(&Submission {
            draft_id: draft.id,
            applicant_id: anna,
            acting_for: None,
            idempotency_key: key,
            definition_id: def.id,
            service_slug: &def.slug,
            unit_code: &def.definition.receiving_unit(&checked),
            provider_unit: None,
            provider_org: None,
            year: 2026,
            lang: "sv",
            answers: &checked,
            handling_days: def.definition.handling_days,
            day_kind: Default::default(),
            channel: stadsporten_domain::measure::CaseChannel::Web,
            now: NOW,
        })
        .await
        .unwrap();
    assert!(!s.replayed);
    (draft.id, s.case_id, s.case_number)
}

on_both_backends!(
    the_seeded_definitions_are_live_and_a_new_version_never_changes_filed_cases,
    uploads_are_refused_for_unknown_services_units_and_published_versions,
    a_submission_is_made_once_however_often_it_is_sent,
    case_numbers_run_per_unit_and_year_without_gaps_under_concurrency,
    a_case_moves_only_along_the_table_and_the_clock_pauses_for_completion,
    two_officers_cannot_both_move_a_case,
    the_queue_filters_by_unit_assignee_and_standing,
    messages_notes_and_the_timeline_keep_internal_things_internal,
    notifications_follow_the_persons_channel_and_are_leased_to_one_worker,
    satisfaction_answers_are_taken_once_and_kept_apart_from_the_person,
    drafts_are_the_owners_and_files_follow_the_answers,
    idle_drafts_are_reminded_once_then_deleted_with_their_files,
    an_offer_is_answered_once_before_its_date_reminded_once_and_lapses_after,
);

async fn idle_drafts_are_reminded_once_then_deleted_with_their_files(backend: Backend) {
    let store = seeded(backend).await;
    let anna = persona(&store, "anna").await;
    let def = store.live_definition("parkeringstillstand-rorelsehindrade").await.unwrap().unwrap();
    let draft = store
        .create_draft(&DraftToken::new("idle"), anna, None, def.id, Default::default(), NOW, NOW + 30 * DAY)
        .await
        .unwrap();
    store.attach_to_draft(draft.id, "photo", &file("kidle", anna, "photo")).await.unwrap().unwrap();
    let fresh = store
        .create_draft(&DraftToken::new("fresh"), anna, None, def.id, Default::default(), NOW, NOW + 60 * DAY)
        .await
        .unwrap();
    // Nothing is due a week before the reminder window.
    assert_eq!(store.remind_expiring_drafts(NOW + 20 * DAY, 3 * DAY).await.unwrap(), 0);
    assert_eq!(store.remind_expiring_drafts(NOW + 28 * DAY, 3 * DAY).await.unwrap(), 1);
    assert_eq!(store.remind_expiring_drafts(NOW + 29 * DAY, 3 * DAY).await.unwrap(), 0, "once");
    let reminders: Vec<_> =
        store.outbox(10).await.unwrap().into_iter().filter(|o| o.event == "draft-expiring").collect();
    assert_eq!(reminders.len(), 1);
    // Past its expiry the idle draft is deleted with its file's bytes named for deletion.
    assert_eq!(store.expire_drafts(NOW + 31 * DAY).await.unwrap(), ["kidle"]);
    assert!(store.draft(&DraftToken::new("idle")).await.unwrap().is_none());
    assert!(store.draft(&fresh.token).await.unwrap().is_some());
    // Saving a step moves the expiry and allows a new reminder later.
    assert!(store.save_draft(fresh.id, &Answers::new(), None, NOW + 40 * DAY, NOW + 70 * DAY).await.unwrap());
    assert_eq!(store.remind_expiring_drafts(NOW + 58 * DAY, 3 * DAY).await.unwrap(), 0);
    assert_eq!(store.remind_expiring_drafts(NOW + 68 * DAY, 3 * DAY).await.unwrap(), 1);
}

async fn the_seeded_definitions_are_live_and_a_new_version_never_changes_filed_cases(backend: Backend) {
    let store = seeded(backend).await;
    assert_eq!(store.seed_eservices(NOW).await.unwrap(), 0, "seeding again adds nothing");
    for (name, source) in SEED_DEFINITIONS {
        let slug = name.trim_end_matches(".toml");
        let live = store.live_definition(slug).await.unwrap().unwrap_or_else(|| panic!("{slug} is live"));
        assert_eq!(live.version, i64::from(ServiceDefinition::from_toml(source).unwrap().version));
    }
    // Units from the comparison fill the preschool choices; storing the definition again keeps
    // only where they come from.
    let v1 = store.live_definition("ansok-om-forskoleplats").await.unwrap().unwrap();
    let (_, choice) = v1.definition.field("preschool_1").unwrap();
    assert_eq!(choice.options.len(), 78);
    assert!(!v1.definition.to_toml().contains("forskolan-ekorren"));
    let (_, case_id, _) = anna_applies(&store, "k1").await;
    // A new version of the preschool form changes the handling time and is published.
    let mut v2 = v1.definition.clone();
    v2.version = v1.definition.version + 1;
    v2.handling_days = 20;
    let v2_id = store.upload_definition(&v2, None, NOW).await.unwrap();
    assert_eq!(
        store.live_definition("ansok-om-forskoleplats").await.unwrap().unwrap().version,
        v1.version,
        "a draft version is not live"
    );
    assert!(store.publish_definition(v2_id, None, NOW).await.unwrap());
    let live = store.live_definition("ansok-om-forskoleplats").await.unwrap().unwrap();
    assert_eq!((live.version, live.handling_days), (v1.version + 1, 20));
    assert_eq!(live.definition.field("preschool_1").unwrap().1.options.len(), 78);
    assert_eq!(store.definition(v1.id).await.unwrap().unwrap().status.as_str(), "retired");
    let case = store.case_record(case_id).await.unwrap().unwrap();
    assert_eq!((case.definition_id, case.handling_days), (v1.id, 30), "the filed case keeps its version");
}

async fn uploads_are_refused_for_unknown_services_units_and_published_versions(backend: Backend) {
    let store = seeded(backend).await;
    let v1 = store.live_definition("skolval").await.unwrap().unwrap().definition.clone();
    let mut d = v1.clone();
    d.slug = "no-such-service".into();
    assert_eq!(
        refused(store.upload_definition(&d, None, NOW).await),
        Some(Refusal::Upload(UploadRefusal::UnknownService("no-such-service".into())))
    );
    let mut d = v1.clone();
    d.version = v1.version + 1;
    d.unit = "XYZ".into();
    assert_eq!(
        refused(store.upload_definition(&d, None, NOW).await),
        Some(Refusal::Upload(UploadRefusal::UnknownUnit("XYZ".into())))
    );
    assert_eq!(
        refused(store.upload_definition(&v1, None, NOW).await),
        Some(Refusal::Upload(UploadRefusal::VersionPublished(i64::from(v1.version))))
    );
    // An unpublished version may be replaced.
    let mut d = v1.clone();
    d.version = v1.version + 1;
    let a = store.upload_definition(&d, None, NOW).await.unwrap();
    d.handling_days = 45;
    let b = store.upload_definition(&d, None, NOW + 1).await.unwrap();
    assert_eq!(a, b);
    assert_eq!(store.definition(a).await.unwrap().unwrap().handling_days, 45);
}

async fn a_submission_is_made_once_however_often_it_is_sent(backend: Backend) {
    let store = Arc::new(seeded(backend).await);
    let (draft_id, case_id, number) = anna_applies(&store, "key-1").await;
    let anna = persona(&store, "anna").await;
    let def = store.live_definition("ansok-om-forskoleplats").await.unwrap().unwrap();
    let answers = store.case_record(case_id).await.unwrap().unwrap().answers;
    // Ten concurrent resubmissions (double clicks, retries, the back button) with the same key
    // and five with a fresh key of the same draft: all find the one case.
    let mut tasks = Vec::new();
    for i in 0..15 {
        let store = store.clone();
        let answers = answers.clone();
        let def_id = def.id;
        tasks.push(tokio::spawn(async move {
            let key = if i < 10 { "key-1".to_owned() } else { format!("other-{i}") };
            store
                .submit_case(&Submission {
                    draft_id,
                    applicant_id: anna,
                    acting_for: None,
                    idempotency_key: &key,
                    definition_id: def_id,
                    service_slug: "ansok-om-forskoleplats",
                    unit_code: "UTB",
                    provider_unit: None,
                    provider_org: None,
                    year: 2026,
                    lang: "sv",
                    answers: &answers,
                    handling_days: 30,
                    day_kind: Default::default(),
                    channel: stadsporten_domain::measure::CaseChannel::Web,
                    now: NOW + 5,
                })
                .await
                .unwrap()
        }));
    }
    for t in tasks {
        let s = t.await.unwrap();
        assert_eq!((s.case_id, s.case_number.as_str(), s.replayed), (case_id, number.as_str(), true));
    }
    assert_eq!(store.cases_of_applicant(anna, NOW).await.unwrap().len(), 1);
    assert_eq!(number, "UTB 2026/00001");
    // The receipt was queued once, to Anna's verified address.
    let outbox = store.outbox(10).await.unwrap();
    assert_eq!(outbox.iter().filter(|o| o.event == "receipt").count(), 1);
    // The submitted draft is frozen.
    assert!(!store.save_draft(draft_id, &Answers::new(), None, NOW, NOW).await.unwrap());
}

async fn case_numbers_run_per_unit_and_year_without_gaps_under_concurrency(backend: Backend) {
    let store = Arc::new(seeded(backend).await);
    let anna = persona(&store, "anna").await;
    let def = store.live_definition("synpunkter-och-klagomal").await.unwrap().unwrap();
    let mut tasks = Vec::new();
    for i in 0..12 {
        let store = store.clone();
        let def_id = def.id;
        tasks.push(tokio::spawn(async move {
            let draft = store
                .create_draft(&DraftToken::new(format!("t{i}")), anna, None, def_id, Default::default(), NOW, NOW + DAY)
                .await
                .unwrap();
            let unit = if i % 3 == 0 { "TK" } else { "SOF" };
            let year = if i == 11 { 2027 } else { 2026 };
            store
                .submit_case(&Submission {
                    draft_id: draft.id,
                    applicant_id: anna,
                    acting_for: None,
                    idempotency_key: &format!("k{i}"),
                    definition_id: def_id,
                    service_slug: "synpunkter-och-klagomal",
                    unit_code: unit,
                    provider_unit: None,
                    provider_org: None,
                    year,
                    lang: "en",
                    answers: &Answers::new(),
                    handling_days: 14,
                    day_kind: Default::default(),
                    channel: stadsporten_domain::measure::CaseChannel::Web,
                    now: NOW,
                })
                .await
                .unwrap()
                .case_number
        }));
    }
    let mut numbers = Vec::new();
    for t in tasks {
        numbers.push(t.await.unwrap());
    }
    numbers.sort();
    // Anna chose no language: her receipts are in the language she filed in.
    assert!(store.outbox(20).await.unwrap().iter().all(|o| o.lang == "en"));
    assert_eq!(
        numbers,
        [
            "SOF 2026/00001",
            "SOF 2026/00002",
            "SOF 2026/00003",
            "SOF 2026/00004",
            "SOF 2026/00005",
            "SOF 2026/00006",
            "SOF 2026/00007",
            "SOF 2027/00001",
            "TK 2026/00001",
            "TK 2026/00002",
            "TK 2026/00003",
            "TK 2026/00004",
        ]
    );
}

async fn a_case_moves_only_along_the_table_and_the_clock_pauses_for_completion(backend: Backend) {
    let store = seeded(backend).await;
    let (_, id, _) = anna_applies(&store, "k").await;
    let anna = persona(&store, "anna").await;
    let sara = persona(&store, "sara").await;
    assert_eq!(
        store.decide_case(id, sara, &decision(), NOW).await.unwrap_err().case_refusal(),
        Some(CaseRefusal::Invalid(CaseStatus::Submitted))
    );
    assert!(store.start_case(id, sara, NOW + DAY).await.is_ok());
    let case = store.case_record(id).await.unwrap().unwrap();
    assert_eq!((case.status, case.assignee_id), (CaseStatus::InProgress, Some(sara)), "starting takes the case");
    assert_eq!(case.due_at, NOW + 30 * DAY);
    store.request_completion(id, sara, "Skicka intyget från BVC.", "2026-12-20", NOW + 2 * DAY).await.unwrap();
    let case = store.case_record(id).await.unwrap().unwrap();
    assert_eq!(case.status, CaseStatus::AwaitingCompletion);
    assert_eq!(case.clock().standing(NOW + 40 * DAY), SlaStanding::Paused);
    // Someone else cannot answer Anna's request; Anna answers five days later.
    assert_eq!(
        store.answer_completion(id, sara, "x", &[], NOW).await.unwrap_err().case_refusal(),
        Some(CaseRefusal::NothingToAnswer)
    );
    let f = file("answer-file", anna, "x");
    store.answer_completion(id, anna, "Här är intyget.", &[f], NOW + 7 * DAY).await.unwrap();
    let case = store.case_record(id).await.unwrap().unwrap();
    assert_eq!(case.status, CaseStatus::InProgress);
    assert_eq!(case.due_at, NOW + 35 * DAY, "the five days waiting are added to the due date");
    assert_eq!(store.completion_requests(id).await.unwrap()[0].answer.as_deref(), Some("Här är intyget."));
    assert_eq!(store.case_messages(id).await.unwrap()[0].attachments.len(), 1);
    store.decide_case(id, sara, &decision(), NOW + 8 * DAY).await.unwrap();
    let case = store.case_record(id).await.unwrap().unwrap();
    assert_eq!((case.status, case.outcome), (CaseStatus::Decided, Some(DecisionOutcome::Approved)));
    assert_eq!(store.decision(id).await.unwrap().unwrap().motivation, "Plats finns från januari.");
    assert_eq!(
        store.withdraw_case(id, anna, None, NOW).await.unwrap_err().case_refusal(),
        Some(CaseRefusal::Invalid(CaseStatus::Decided))
    );
    store.close_case(id, sara, NOW + 9 * DAY).await.unwrap();
    let kinds: Vec<String> = store.case_events(id, false).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ["submitted", "start", "request-completion", "complete", "message", "decide", "close"]);
    // A second application is withdrawn by Anna while open; Sara cannot withdraw it for her.
    let (_, other, _) = anna_applies(&store, "k2").await;
    assert!(matches!(store.withdraw_case(other, sara, None, NOW).await, Err(DbError::NotFound)));
    store.withdraw_case(other, anna, Some("Fick plats i annan kommun"), NOW + DAY).await.unwrap();
    assert_eq!(store.case_record(other).await.unwrap().unwrap().status, CaseStatus::Withdrawn);
}

fn decision() -> NewDecision<'static> {
    NewDecision {
        outcome: DecisionOutcome::Approved,
        lang: "sv",
        template: "Ditt barn erbjuds plats i förskola.",
        motivation: "Plats finns från januari.",
        appeal: "Du kan överklaga beslutet till förvaltningsrätten inom tre veckor.",
        offer: None,
    }
}

async fn two_officers_cannot_both_move_a_case(backend: Backend) {
    let store = Arc::new(seeded(backend).await);
    let (_, id, _) = anna_applies(&store, "k").await;
    let sara = persona(&store, "sara").await;
    let omar = persona(&store, "omar").await;
    let a = tokio::spawn({
        let store = store.clone();
        async move { store.start_case(id, sara, NOW).await }
    });
    let b = tokio::spawn({
        let store = store.clone();
        async move { store.start_case(id, omar, NOW).await }
    });
    let results = [a.await.unwrap(), b.await.unwrap()];
    assert_eq!(results.iter().filter(|r| r.is_ok()).count(), 1, "{results:?}");
    assert!(results.iter().any(|r| matches!(
        r,
        Err(DbError::Conflict | DbError::Refused(Refusal::Case(CaseRefusal::Invalid(CaseStatus::InProgress))))
    )));
    assert_eq!(store.case_events(id, true).await.unwrap().iter().filter(|e| e.kind == "start").count(), 1);
}

/// The housekeeping's audit entry for the system's changes to offers.
fn system() -> stadsporten_domain::audit::AuditEntry {
    stadsporten_domain::audit::AuditEntry {
        at: NOW,
        actor_id: None,
        acting_for: None,
        role: Some("system".into()),
        action: stadsporten_domain::audit::AuditAction::Update,
        object_type: "case-offer".into(),
        object_id: None,
        outcome: stadsporten_domain::audit::Outcome::Success,
        reason: None,
        request_id: None,
        client_addr: None,
    }
}

/// A decision with an offer of a preschool place, answered by `reply_by`.
fn offer_decision(reply_by: i64) -> NewDecision<'static> {
    NewDecision {
        offer: Some(stadsporten_db::NewOffer {
            what: "Förskolan Ekorren, avdelning Blå",
            starts_on: Some("2027-08-16"),
            reply_by,
            remind_at: reply_by - 3 * DAY,
        }),
        ..decision()
    }
}

async fn an_offer_is_answered_once_before_its_date_reminded_once_and_lapses_after(backend: Backend) {
    use stadsporten_db::OfferAnswer;
    let store = seeded(backend).await;
    let karin = persona(&store, "karin").await;
    let anna = persona(&store, "anna").await;
    let reply_by = NOW + 14 * DAY;
    // Accepted in Mina sidor; a second answer is refused; the queue no longer waits for it.
    let (_, first, _) = anna_applies(&store, "o1").await;
    store.start_case(first, karin, NOW).await.unwrap();
    store.decide_case(first, karin, &offer_decision(reply_by), NOW).await.unwrap();
    let utb = vec!["UTB".to_owned()];
    let queue = |store: &Store| {
        let utb = utb.clone();
        let store = store.clone();
        async move {
            let f = QueueFilter { units: utb, ..Default::default() };
            store.queue(&f, NOW, 100).await.unwrap().into_iter().map(|c| c.id).collect::<Vec<_>>()
        }
    };
    assert!(queue(&store).await.contains(&first), "a decided case whose offer waits is in the queue");
    assert_eq!(store.waiting_offers(&[first]).await.unwrap().get(&first), Some(&reply_by));
    store.answer_offer(first, true, "my-pages", anna, NOW + DAY).await.unwrap();
    assert!(matches!(store.answer_offer(first, false, "my-pages", anna, NOW + DAY).await, Err(DbError::Conflict)));
    let offer = store.case_offer(first).await.unwrap().unwrap();
    assert_eq!((offer.answer, offer.answered_via.as_deref()), (Some(OfferAnswer::Accepted), Some("my-pages")));
    assert!(!queue(&store).await.contains(&first), "answered: no longer waiting");
    let events: Vec<String> = store.case_events(first, false).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert!(events.contains(&"offer".to_owned()) && events.contains(&"offer-accepted".to_owned()), "{events:?}");

    // Unanswered: one reminder before the date, then it lapses, once, with a notification.
    let (_, second, _) = anna_applies(&store, "o2").await;
    store.start_case(second, karin, NOW).await.unwrap();
    store.decide_case(second, karin, &offer_decision(reply_by), NOW).await.unwrap();
    assert_eq!(store.remind_offers(&system(), NOW + DAY).await.unwrap(), 0, "not yet");
    assert_eq!(store.remind_offers(&system(), reply_by - 2 * DAY).await.unwrap(), 1);
    assert_eq!(store.remind_offers(&system(), reply_by - DAY).await.unwrap(), 0, "once");
    assert_eq!(store.lapse_offers(&system(), reply_by).await.unwrap(), 0, "the last day is the applicant's");
    assert!(matches!(store.answer_offer(second, true, "my-pages", anna, reply_by + 1).await, Err(DbError::Conflict)));
    assert_eq!(store.lapse_offers(&system(), reply_by + 1).await.unwrap(), 1);
    assert_eq!(store.lapse_offers(&system(), reply_by + 2).await.unwrap(), 0, "once");
    assert_eq!(store.case_offer(second).await.unwrap().unwrap().answer, Some(OfferAnswer::Lapsed));
    let trail = store
        .audit_entries(
            &stadsporten_db::AuditFilter { object_type: Some("case-offer".into()), ..Default::default() },
            50,
            0,
        )
        .await
        .unwrap();
    let reasons: Vec<_> = trail.iter().filter_map(|r| r.chained.entry.reason.clone()).collect();
    assert!(reasons.contains(&"offer reminder".into()) && reasons.contains(&"offer lapsed".into()), "{reasons:?}");
    let sent: Vec<String> =
        store.outbox(50).await.unwrap().into_iter().filter(|r| r.case_id == Some(second)).map(|r| r.event).collect();
    assert!(sent.contains(&"offer-reminder".to_owned()) && sent.contains(&"offer-lapsed".to_owned()), "{sent:?}");

    // Declined by phone, recorded by the officer.
    let (_, third, _) = anna_applies(&store, "o3").await;
    store.start_case(third, karin, NOW).await.unwrap();
    store.decide_case(third, karin, &offer_decision(reply_by), NOW).await.unwrap();
    store.answer_offer(third, false, "phone", karin, NOW + DAY).await.unwrap();
    let offer = store.case_offer(third).await.unwrap().unwrap();
    assert_eq!((offer.answer, offer.answered_via.as_deref()), (Some(OfferAnswer::Declined), Some("phone")));
    // A case whose decision made no offer has none to answer.
    let (_, fourth, _) = anna_applies(&store, "o4").await;
    assert!(matches!(store.answer_offer(fourth, true, "my-pages", anna, NOW).await, Err(DbError::NotFound)));
}

async fn the_queue_filters_by_unit_assignee_and_standing(backend: Backend) {
    let store = seeded(backend).await;
    let sara = persona(&store, "sara").await;
    let (_, a, _) = anna_applies(&store, "a").await;
    let (_, b, _) = anna_applies(&store, "b").await;
    let units = vec!["UTB".to_owned()];
    let all = |f: QueueFilter, now| {
        let store = &store;
        async move { store.queue(&f, now, 100).await.unwrap().into_iter().map(|s| s.id).collect::<Vec<_>>() }
    };
    assert_eq!(all(QueueFilter { units: vec!["MF".into()], ..Default::default() }, NOW).await, Vec::<CaseId>::new());
    assert_eq!(
        all(QueueFilter { units: units.clone(), sort: QueueSort::Number, ..Default::default() }, NOW).await,
        [a, b]
    );
    assert_eq!(
        store.assign_cases(&[a, b], &["MF".to_owned()], Some(sara), sara, NOW).await.unwrap(),
        Vec::<CaseId>::new(),
        "only cases of one's units"
    );
    assert_eq!(store.assign_cases(&[b], &units, Some(sara), sara, NOW).await.unwrap(), [b]);
    let mine = QueueFilter { units: units.clone(), assignee: Some(Assignee::User(sara)), ..Default::default() };
    assert_eq!(all(mine, NOW).await, [b]);
    let nobody = QueueFilter { units: units.clone(), assignee: Some(Assignee::Nobody), ..Default::default() };
    assert_eq!(all(nobody, NOW).await, [a]);
    // 27 days on, both are due soon; a completion request pauses one; at 31 days the other is overdue.
    let soon = |now| {
        all(QueueFilter { units: units.clone(), standing: Some(SlaStanding::DueSoon), ..Default::default() }, now)
    };
    assert_eq!(soon(NOW + 27 * DAY).await, [a, b]);
    store.start_case(b, sara, NOW + 20 * DAY).await.unwrap();
    store.request_completion(b, sara, "?", "2027-01-01", NOW + 20 * DAY).await.unwrap();
    let overdue = QueueFilter { units: units.clone(), standing: Some(SlaStanding::Overdue), ..Default::default() };
    assert_eq!(all(overdue, NOW + 31 * DAY).await, [a]);
    let in_progress = QueueFilter { units, status: Some(CaseStatus::AwaitingCompletion), ..Default::default() };
    assert_eq!(all(in_progress, NOW).await, [b]);
}

async fn messages_notes_and_the_timeline_keep_internal_things_internal(backend: Backend) {
    let store = seeded(backend).await;
    let (_, id, _) = anna_applies(&store, "k").await;
    let anna = persona(&store, "anna").await;
    let sara = persona(&store, "sara").await;
    store.add_note(id, sara, "Ring förskolan om platsen.", NOW).await.unwrap();
    store.assign_cases(&[id], &["UTB".to_owned()], Some(sara), sara, NOW).await.unwrap();
    store.add_message(id, sara, false, "Hej Anna, vi har fått din ansökan.", &[], NOW + 1).await.unwrap();
    store.add_message(id, anna, true, "Tack!", &[], NOW + 2).await.unwrap();
    let public: Vec<String> = store.case_events(id, false).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(public, ["submitted", "message", "message"]);
    let internal: Vec<String> = store.case_events(id, true).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(internal, ["submitted", "note", "assigned", "message", "message"]);
    assert_eq!(store.case_notes(id).await.unwrap()[0].author_name, "Sara Nilsson");
    assert_eq!(store.cases_of_applicant(anna, NOW).await.unwrap()[0].unread, 1);
    store.mark_messages_read(id, true, NOW + 3).await.unwrap();
    assert_eq!(store.cases_of_applicant(anna, NOW).await.unwrap()[0].unread, 0);
    let q = QueueFilter { units: vec!["UTB".into()], ..Default::default() };
    assert_eq!(store.queue(&q, NOW, 10).await.unwrap()[0].unread, 1, "the officer has Anna's reply unread");
    assert_eq!(
        store.outbox(10).await.unwrap().iter().filter(|o| o.event == "message").count(),
        1,
        "only staff messages notify"
    );
}

async fn notifications_follow_the_persons_channel_and_are_leased_to_one_worker(backend: Backend) {
    let store = seeded(backend).await;
    let anna = persona(&store, "anna").await;
    anna_applies(&store, "k1").await;
    // Anna now wants SMS, with a phone number.
    store.update_contact(anna, Some("070-123 45 67"), None, stadsporten_db::NotifyChannel::Sms, NOW).await.unwrap();
    anna_applies(&store, "k2").await;
    // And then only Mina sidor.
    store.update_contact(anna, Some("070-123 45 67"), None, stadsporten_db::NotifyChannel::Portal, NOW).await.unwrap();
    anna_applies(&store, "k3").await;
    let rows = store.outbox(10).await.unwrap();
    let channels: Vec<(&str, &str)> = rows.iter().rev().map(|r| (r.channel.as_str(), r.recipient.as_str())).collect();
    assert_eq!(channels, [("email", "anna.andersson@example.se"), ("sms", "070-123 45 67")]);
    // Two workers claim at once: each row goes to one.
    let (a, b) = tokio::join!(store.claim_outbox(NOW, 10, 60), store.claim_outbox(NOW, 10, 60));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.len() + b.len(), 2);
    assert!(store.claim_outbox(NOW + 30, 10, 60).await.unwrap().is_empty(), "leased rows are not claimed again");
    // Which worker got which row is up to the race; follow the first case's receipt.
    let first = a.iter().chain(&b).find(|r| r.args["case_number"] == "UTB 2026/00001").unwrap().clone();
    assert_eq!(first.args["case_number"], "UTB 2026/00001");
    store.outbox_failed(first.id, "connection refused", Some(NOW + 120)).await.unwrap();
    assert!(store.claim_outbox(NOW + 100, 10, 60).await.unwrap().iter().all(|r| r.id != first.id), "backoff");
    let again = store.claim_outbox(NOW + 121, 10, 60).await.unwrap();
    assert_eq!(again.iter().find(|r| r.id == first.id).map(|r| r.attempts), Some(1));
    store.outbox_sent(first.id, NOW + 122).await.unwrap();
    let row = store.outbox(10).await.unwrap().into_iter().find(|r| r.id == first.id).unwrap();
    assert_eq!((row.status.as_str(), row.attempts), ("sent", 2));
}

async fn satisfaction_answers_are_taken_once_and_kept_apart_from_the_person(backend: Backend) {
    let store = seeded(backend).await;
    let (_, id, _) = anna_applies(&store, "k").await;
    assert_eq!(store.pending_surveys(id).await.unwrap(), [SurveyStage::AfterSubmission]);
    let a = SatisfactionAnswer::parse("4", "6", "7", "Enkelt").unwrap();
    assert!(store
        .answer_survey(id, SurveyStage::AfterSubmission, "ansok-om-forskoleplats", "2026-11-18", &a, NOW)
        .await
        .unwrap());
    assert!(!store
        .answer_survey(id, SurveyStage::AfterSubmission, "ansok-om-forskoleplats", "2026-11-18", &a, NOW)
        .await
        .unwrap());
    assert!(
        !store
            .answer_survey(id, SurveyStage::AfterDecision, "ansok-om-forskoleplats", "2026-11-18", &a, NOW)
            .await
            .unwrap(),
        "not invited yet"
    );
    assert!(store.pending_surveys(id).await.unwrap().is_empty());
    let rows = store.survey_answers("ansok-om-forskoleplats").await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].answer, a);
}

async fn drafts_are_the_owners_and_files_follow_the_answers(backend: Backend) {
    let store = seeded(backend).await;
    let anna = persona(&store, "anna").await;
    let def = store.live_definition("parkeringstillstand-rorelsehindrade").await.unwrap().unwrap();
    let draft = store
        .create_draft(&DraftToken::new("tok"), anna, None, def.id, Default::default(), NOW, NOW + 30 * DAY)
        .await
        .unwrap();
    let a = store
        .attach_to_draft(draft.id, "medical_certificate", &file("k1", anna, "medical_certificate"))
        .await
        .unwrap()
        .unwrap();
    let b = store
        .attach_to_draft(draft.id, "medical_certificate", &file("k2", anna, "medical_certificate"))
        .await
        .unwrap()
        .unwrap();
    let d = store.draft(&DraftToken::new("tok")).await.unwrap().unwrap();
    assert_eq!(d.answers["medical_certificate"].files().iter().map(|f| f.id).collect::<Vec<_>>(), [a.id, b.id]);
    assert_eq!(store.detach_from_draft(draft.id, a.id, NOW).await.unwrap().as_deref(), Some("k1"));
    assert_eq!(store.detach_from_draft(draft.id, a.id, NOW).await.unwrap(), None, "once");
    let d = store.draft(&DraftToken::new("tok")).await.unwrap().unwrap();
    assert_eq!(d.answers["medical_certificate"].files().len(), 1);
    assert_eq!(store.drafts_of_user(anna).await.unwrap().len(), 1);
    assert_eq!(store.delete_draft(draft.id, NOW).await.unwrap(), ["k2"]);
    assert!(store.draft(&DraftToken::new("tok")).await.unwrap().is_none());
    assert!(store.drafts_of_user(anna).await.unwrap().is_empty());
    // Held files are listed for a rescan and become viewable when clean.
    let draft = store
        .create_draft(&DraftToken::new("tok2"), anna, None, def.id, Default::default(), NOW, NOW + DAY)
        .await
        .unwrap();
    let mut held = file("k3", anna, "photo");
    held.scan_status = ScanStatus::Held;
    let h = store.attach_to_draft(draft.id, "photo", &held).await.unwrap().unwrap();
    assert_eq!(store.held_attachments(10).await.unwrap().iter().map(|x| x.id).collect::<Vec<_>>(), [h.id]);
    store.set_scan_status(h.id, ScanStatus::Clean, NOW).await.unwrap();
    assert!(store.attachment(h.id).await.unwrap().unwrap().scan_status.viewable());
    assert!(store.held_attachments(10).await.unwrap().is_empty());
}

#[test]
fn every_seeded_definition_loads() {
    for (name, source) in SEED_DEFINITIONS {
        let def = ServiceDefinition::from_toml(source).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(format!("{}.toml", def.slug), name);
        // Every language, everywhere: a published definition lacking one fails here.
        assert_eq!(def.langs().len(), 4, "{name} is not in Swedish, English, Finnish and Arabic");
        let granting = [&def.decision.approved, &def.decision.partly_approved];
        assert!(
            granting.iter().all(|t| !t.get(stadsporten_domain::Lang::Sv).contains("enligt nedan")),
            "{name}: a decision says 'enligt nedan' with nothing below"
        );
    }
}
