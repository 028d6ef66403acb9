//! Bundles in storage — one application for every permit a restaurant needs — on SQLite and on
//! PostgreSQL: the draft and its parts, shared facts written into every part, a document uploaded
//! once and recorded for each part that needs it, one idempotent submission filing a case per
//! permit (a referral for the Police), the coordinator, dependencies that hold a part, the one
//! inbox and statement requests between units.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{
    Backend, BundleSubmission, CaseRefusal, DocumentCopy, NewAttachment, NewBundlePart, NewDecision, PartSubmission,
    ScanStatus, Store,
};
use stadsporten_domain::business::bundle::Progress;
use stadsporten_domain::eservice::{Address, Answer, Answers, CaseStatus, DecisionOutcome, SharedFact};
use stadsporten_domain::ids::{BundleId, CaseId, DraftId, DraftToken, UserId};

const NOW: i64 = 1_795_000_000;
const DAY: i64 = 86_400;

/// The restaurant's five permits: (permit, e-service, receiving unit, authority).
const PERMITS: [(&str, &str, &str, Option<&str>); 5] = [
    ("food-registration", "registrering-livsmedelsanlaggning", "MF", None),
    ("alcohol-licence", "serveringstillstand", "TILL", None),
    ("outdoor-seating", "uteservering", "TK", None),
    ("police-public-place", "polistillstand-offentlig-plats", "FL", Some("polisen")),
    ("sign-permit", "skyltlov", "SBK", None),
];

async fn seeded(backend: Backend) -> Store {
    let store = Store::connect(&fresh_database_url(backend).await, 8).await.expect("connect");
    store.seed_demo_content(NOW).await.expect("catalogue");
    store.seed_personas("https://eid.test", "https://staff.test", NOW).await.expect("personas");
    store.seed_compare(NOW).await.expect("comparison units");
    assert_eq!(store.seed_eservices(NOW).await.expect("e-services"), stadsporten_db::SEED_DEFINITIONS.len());
    assert!(store.seed_business_rules(NOW).await.expect("rules"));
    store
}

async fn persona(store: &Store, key: &str) -> UserId {
    store.user_by_persona(key).await.unwrap().unwrap_or_else(|| panic!("persona {key}")).id
}

fn pdf(key: &'static str, owner: UserId, field: &'static str) -> NewAttachment<'static> {
    NewAttachment {
        storage_key: key,
        owner_id: owner,
        field_id: Some(field),
        file_name: "planritning.pdf",
        content_type: "application/pdf",
        size_bytes: 2048,
        sha256: "ab",
        scan_status: ScanStatus::Clean,
        encrypted: false,
        now: NOW,
    }
}

fn shared_facts() -> Answers {
    let mut shared = Answers::new();
    shared.insert(
        SharedFact::PremisesAddress.slug().into(),
        Answer::Address(Address { street: "Götgatan 12".into(), postcode: "11646".into(), city: "Stockholm".into() }),
    );
    shared.insert(SharedFact::OpeningDate.slug().into(), Answer::Text("2027-03-01".into()));
    shared.insert(SharedFact::OpeningHours.slug().into(), Answer::Text("11–01".into()));
    shared.insert(SharedFact::ContactPhone.slug().into(), Answer::Text("+46701234567".into()));
    shared
}

async fn a_restaurant_files_one_bundle_and_follows_one_status(backend: Backend) {
    let store = seeded(backend).await;
    let erik = persona(&store, "erik").await;
    let mut defs = Vec::new();
    for (_, slug, _, _) in PERMITS {
        defs.push(store.live_definition(slug).await.unwrap().unwrap_or_else(|| panic!("{slug} is live")));
    }
    let tokens: Vec<String> = (0..PERMITS.len()).map(|i| format!("part-{i}")).collect();
    let parts: Vec<NewBundlePart> = PERMITS
        .iter()
        .zip(&defs)
        .zip(&tokens)
        .map(|(((key, ..), def), token)| NewBundlePart { permit_key: key, definition_id: def.id, token })
        .collect();
    let draft = store
        .create_bundle_draft(
            &DraftToken::new("bundle-1"),
            erik,
            "559123-4561",
            "Linds Krog AB",
            1,
            "activity=restaurant",
            &parts,
            NOW,
            NOW + 30 * DAY,
        )
        .await
        .unwrap();
    assert_eq!(store.bundle_draft(&DraftToken::new("bundle-1")).await.unwrap().unwrap().id, draft.id);
    assert_eq!(store.bundle_drafts_of_user(erik).await.unwrap().len(), 1);
    let drafts = store.bundle_draft_parts(draft.id).await.unwrap();
    let keys: Vec<&str> = drafts.iter().map(|d| d.permit_key.as_deref().unwrap()).collect();
    assert_eq!(keys, PERMITS.map(|p| p.0));
    assert!(drafts.iter().all(|d| d.acting_for.as_deref() == Some("559123-4561")));
    // A bundle's parts are not listed as drafts of their own in Mina sidor.
    assert!(store.drafts_of_user(erik).await.unwrap().is_empty());

    // The shared facts, once, into every part's fields marked with them.
    let shared = shared_facts();
    let fills: Vec<(DraftId, Answers)> = drafts
        .iter()
        .zip(&defs)
        .map(|(d, def)| {
            let values = def
                .definition
                .fields()
                .filter_map(|f| f.shared.and_then(|fact| shared.get(fact.slug())).map(|a| (f.id.clone(), a.clone())))
                .collect();
            (d.id, values)
        })
        .collect();
    assert!(store.save_bundle_facts(draft.id, &shared, &fills, NOW + 60, NOW + 31 * DAY).await.unwrap());
    let drafts = store.bundle_draft_parts(draft.id).await.unwrap();
    for d in &drafts {
        assert_eq!(d.answers.get("premises_address"), shared.get("premises-address"), "{:?}", d.permit_key);
        assert_eq!(d.expires_at, NOW + 31 * DAY, "every part keeps the bundle's expiry");
    }
    assert_eq!(store.bundle_draft_by_id(draft.id).await.unwrap().unwrap().shared, shared);

    // One floor plan for the two permits that need it: a copy per part, one listed upload.
    let copies = vec![
        DocumentCopy { draft_id: drafts[0].id, field_id: "floor_plan", file: pdf("fp-a", erik, "floor_plan") },
        DocumentCopy { draft_id: drafts[1].id, field_id: "floor_plan", file: pdf("fp-b", erik, "floor_plan") },
    ];
    let ids = store.attach_bundle_document(draft.id, "floor-plan", "g1", &copies).await.unwrap().unwrap();
    assert_eq!(ids.len(), 2);
    let listed = store.bundle_documents(draft.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].document_key.as_str(), listed[0].attachment_id), ("floor-plan", ids[0]));
    // Removed once, gone from both parts.
    let mut gone = store.remove_bundle_document(draft.id, "g1").await.unwrap();
    gone.sort();
    assert_eq!(gone, ["fp-a", "fp-b"]);
    assert!(store.bundle_documents(draft.id).await.unwrap().is_empty());
    assert!(store.bundle_draft_parts(draft.id).await.unwrap().iter().all(|d| !d.answers.contains_key("floor_plan")));
    let copies = vec![
        DocumentCopy { draft_id: drafts[0].id, field_id: "floor_plan", file: pdf("fp-c", erik, "floor_plan") },
        DocumentCopy { draft_id: drafts[1].id, field_id: "floor_plan", file: pdf("fp-d", erik, "floor_plan") },
    ];
    store.attach_bundle_document(draft.id, "floor-plan", "g2", &copies).await.unwrap().unwrap();
    let drafts = store.bundle_draft_parts(draft.id).await.unwrap();

    // One submission: five cases, the Police's as a referral in the coordinator's queue.
    let depends = [vec![], vec!["food-registration".to_owned()], vec![], vec![], vec![]];
    let submission = |key: &'static str| BundleSubmission {
        bundle_draft_id: draft.id,
        applicant_id: erik,
        organisation: "559123-4561",
        organisation_name: "Linds Krog AB",
        idempotency_key: key,
        lang: "sv",
        year: 2026,
        ruleset_version: 1,
        guide_answers: "activity=restaurant",
        shared: &shared,
        channel: stadsporten_domain::measure::CaseChannel::Web,
        parts: drafts
            .iter()
            .zip(&defs)
            .zip(PERMITS.iter().zip(&depends))
            .map(|((d, def), ((permit, slug, unit, authority), deps))| PartSubmission {
                permit_key: permit,
                draft_id: d.id,
                definition_id: def.id,
                service_slug: slug,
                unit_code: unit,
                handling_days: def.definition.handling_days,
                day_kind: Default::default(),
                answers: &d.answers,
                authority: *authority,
                referral_address: authority.map(|_| "tillstand.stockholm@polisen.example.se"),
                depends_on: deps,
            })
            .collect(),
        now: NOW + 120,
    };
    let filed = store.submit_bundle(&submission("key-1")).await.unwrap();
    assert!(!filed.replayed);
    assert_eq!(filed.bundle_number, "FL 2026/00001");
    // A double click, and a resubmit of the same draft with a new key, find the same bundle.
    let again = store.submit_bundle(&submission("key-1")).await.unwrap();
    assert_eq!((again.bundle_id, again.replayed), (filed.bundle_id, true));
    assert_eq!(store.submit_bundle(&submission("key-2")).await.unwrap().bundle_id, filed.bundle_id);
    assert!(store.bundle_drafts_of_user(erik).await.unwrap().is_empty(), "the draft became the bundle");

    let bundle = store.bundle(filed.bundle_id).await.unwrap().unwrap();
    assert_eq!(bundle.coordinator_name.as_deref(), Some("Fia Ström"), "the business guide team's officer");
    assert_eq!(bundle.shared, shared);
    let parts = store.bundle_parts(filed.bundle_id, NOW + 200).await.unwrap();
    let units: Vec<&str> = parts.iter().map(|p| p.unit_code.as_str()).collect();
    assert_eq!(units, ["MF", "TILL", "TK", "FL", "SBK"]);
    assert!(parts.iter().all(|p| p.status == CaseStatus::Submitted));
    assert_eq!(parts[1].depends_on, ["food-registration"]);
    assert_eq!(parts[3].authority.as_deref(), Some("polisen"));
    assert!(parts[3].referral_sent_at.is_some());
    for p in &parts {
        let case = store.case_record(p.case_id).await.unwrap().unwrap();
        assert_eq!(case.acting_for.as_deref(), Some("559123-4561"));
        assert_eq!(store.bundle_of_case(p.case_id).await.unwrap(), Some((filed.bundle_id, p.permit_key.clone())));
    }
    // The floor plan is a complete record in each of the two cases.
    assert_eq!(store.attachments_of_case(parts[0].case_id).await.unwrap()[0].storage_key, "fp-c");
    assert_eq!(store.attachments_of_case(parts[1].case_id).await.unwrap()[0].storage_key, "fp-d");
    // One receipt to the entrepreneur, and the referral to the Police's address.
    let outbox = store.outbox(50).await.unwrap();
    let referrals: Vec<_> = outbox.iter().filter(|o| o.event == "referral").collect();
    assert_eq!(referrals.len(), 1);
    assert_eq!(referrals[0].recipient, "tillstand.stockholm@polisen.example.se");
    assert_eq!(referrals[0].case_id, Some(parts[3].case_id));
    assert_eq!(outbox.iter().filter(|o| o.event == "bundle-receipt").count(), 1);
    assert_eq!(outbox.iter().filter(|o| o.event == "receipt").count(), 0, "not one receipt per permit");
    assert_eq!(store.bundles_of_applicant(erik).await.unwrap().len(), 1);
    let fia = persona(&store, "fia").await;
    assert_eq!(store.bundles_of_coordinator(fia).await.unwrap()[0].parts, 5);

    // The serving licence waits for the food registration: not approved before it.
    let omar = persona(&store, "omar").await;
    let sara = persona(&store, "sara").await;
    let approve = NewDecision {
        outcome: DecisionOutcome::Approved,
        lang: "sv",
        template: "Beviljas.",
        motivation: "Allt i ordning.",
        appeal: "",
        offer: None,
    };
    let reject = NewDecision {
        outcome: DecisionOutcome::Rejected,
        lang: "sv",
        template: "Avslås.",
        motivation: "Brister i köket.",
        appeal: "",
        offer: None,
    };
    store.start_case(parts[1].case_id, omar, NOW + 300).await.unwrap();
    assert_eq!(
        store.decide_case(parts[1].case_id, omar, &approve, NOW + 310).await.unwrap_err().case_refusal(),
        Some(CaseRefusal::Held { on_hold: false })
    );
    // The food registration is rejected: the licence is on hold for every outcome.
    store.start_case(parts[0].case_id, sara, NOW + 320).await.unwrap();
    store.decide_case(parts[0].case_id, sara, &reject, NOW + 330).await.unwrap();
    for d in [&approve, &reject] {
        assert_eq!(
            store.decide_case(parts[1].case_id, omar, d, NOW + 340).await.unwrap_err().case_refusal(),
            Some(CaseRefusal::Held { on_hold: true })
        );
    }
    let events = store.bundle_events(filed.bundle_id, false).await.unwrap();
    assert!(events.iter().any(|e| e.kind == "part-on-hold" && e.permit_key.as_deref() == Some("alcohol-licence")));
    assert_eq!(store.case_record(parts[1].case_id).await.unwrap().unwrap().status, CaseStatus::InProgress);
    // The entrepreneur withdraws the licence; the others go on.
    store.withdraw_case(parts[1].case_id, erik, Some("Ny ansökan senare"), NOW + 350).await.unwrap();

    // The coordinator records the Police's answer on the referral.
    let police = NewDecision {
        outcome: DecisionOutcome::Approved,
        lang: "sv",
        template: "",
        motivation: "Polisens beslut",
        appeal: "",
        offer: None,
    };
    store.record_referral_answer(parts[3].case_id, fia, &police, NOW + 400).await.unwrap();
    let tove = persona(&store, "tove").await;
    let samir = persona(&store, "samir").await;
    for (i, officer) in [(2, tove), (4, samir)] {
        store.start_case(parts[i].case_id, officer, NOW + 500).await.unwrap();
        assert!(!Progress::of(&state(&store, filed.bundle_id).await).all_decided());
        store.decide_case(parts[i].case_id, officer, &approve, NOW + 510).await.unwrap();
    }
    let progress = Progress::of(&state(&store, filed.bundle_id).await);
    assert_eq!((progress.decided, progress.total), (4, 4), "the withdrawn licence leaves the count");
    let events = store.bundle_events(filed.bundle_id, false).await.unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    for k in ["submitted", "part-filed", "referral-sent", "part-decided", "part-withdrawn", "referral-answered"] {
        assert!(kinds.contains(&k), "{k} in {kinds:?}");
    }
    assert_eq!(kinds.iter().filter(|k| **k == "all-decided").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "part-withdrawn").count(), 1, "one withdrawal, one event: {kinds:?}");

    // One inbox: the coordinator writes for all units, the entrepreneur answers.
    store.add_bundle_message(filed.bundle_id, fia, false, "Välkommen! Jag är din lots.", NOW + 600).await.unwrap();
    store.add_bundle_message(filed.bundle_id, erik, true, "Tack!", NOW + 610).await.unwrap();
    assert_eq!(store.bundles_of_coordinator(fia).await.unwrap()[0].unread, 1);
    store.mark_bundle_messages_read(filed.bundle_id, false, NOW + 620).await.unwrap();
    assert_eq!(store.bundles_of_coordinator(fia).await.unwrap()[0].unread, 0);
    let messages = store.bundle_messages(filed.bundle_id).await.unwrap();
    assert_eq!(messages.len(), 2);
    assert_eq!(messages[0].author_name, "Fia Ström");
    assert!(store.outbox(50).await.unwrap().iter().any(|o| o.event == "bundle-message"));

    // A statement request (remiss) from the Transport Administration to the Environment one.
    let due = (NOW + 10 * DAY) / DAY;
    let id = store
        .request_statement(parts[2].case_id, "MF", "Påverkar uteserveringen ventilationen?", due, tove, NOW + 700)
        .await
        .unwrap()
        .expect("a bundle's case");
    let to_mf = store.statements_to_unit("MF").await.unwrap();
    assert_eq!((to_mf.len(), to_mf[0].from_unit.as_str(), to_mf[0].due_day), (1, "TK", due));
    assert!(store.answer_statement(id, "Nej, ingen påverkan.", sara, NOW + 800).await.unwrap());
    assert!(!store.answer_statement(id, "Igen", sara, NOW + 900).await.unwrap(), "answered once");
    let of_bundle = store.statements_of_bundle(filed.bundle_id).await.unwrap();
    assert_eq!(of_bundle[0].answer.as_deref(), Some("Nej, ingen påverkan."));
    assert_eq!(of_bundle[0].answered_by_name.as_deref(), Some("Sara Nilsson"));
    // Statement events are internal: not on the entrepreneur's timeline.
    assert!(!store
        .bundle_events(filed.bundle_id, false)
        .await
        .unwrap()
        .iter()
        .any(|e| e.kind.starts_with("statement")));
    assert!(store.bundle_events(filed.bundle_id, true).await.unwrap().iter().any(|e| e.kind == "statement-answered"));
    // A case outside any bundle cannot be sent a statement request.
    assert!(store.request_statement(CaseId::new(999_999), "MF", "?", due, tove, NOW).await.unwrap().is_none());
}

async fn state(store: &Store, bundle_id: BundleId) -> Vec<stadsporten_domain::business::bundle::PartState> {
    store.bundle_parts(bundle_id, NOW).await.unwrap().iter().map(|p| p.state()).collect()
}

async fn an_abandoned_bundle_draft_is_deleted_whole(backend: Backend) {
    let store = seeded(backend).await;
    let erik = persona(&store, "erik").await;
    let food = store.live_definition("registrering-livsmedelsanlaggning").await.unwrap().unwrap();
    let music = store.live_definition("anmalan-hog-musik").await.unwrap().unwrap();
    let parts = [
        NewBundlePart { permit_key: "food-registration", definition_id: food.id, token: "p-food" },
        NewBundlePart { permit_key: "music-notification", definition_id: music.id, token: "p-music" },
    ];
    let new = |token: &'static str, parts: &'static [NewBundlePart<'static>]| {
        let store = store.clone();
        async move {
            store
                .create_bundle_draft(
                    &DraftToken::new(token),
                    erik,
                    "559123-4561",
                    "Linds Krog AB",
                    1,
                    "activity=cafe",
                    parts,
                    NOW,
                    NOW + DAY,
                )
                .await
                .unwrap()
        }
    };
    let parts: &'static [NewBundlePart<'static>] = Box::leak(Box::new(parts));
    let discarded = new("b-discard", parts).await;
    let drafts = store.bundle_draft_parts(discarded.id).await.unwrap();
    let copies = vec![
        DocumentCopy { draft_id: drafts[0].id, field_id: "floor_plan", file: pdf("x-1", erik, "floor_plan") },
        DocumentCopy { draft_id: drafts[1].id, field_id: "floor_plan", file: pdf("x-2", erik, "floor_plan") },
    ];
    store.attach_bundle_document(discarded.id, "floor-plan", "gx", &copies).await.unwrap().unwrap();
    let mut keys = store.delete_bundle_draft(discarded.id).await.unwrap();
    keys.sort();
    assert_eq!(keys, ["x-1", "x-2"]);
    assert!(store.bundle_draft(&DraftToken::new("b-discard")).await.unwrap().is_none());
    assert!(store.draft(&DraftToken::new("p-food")).await.unwrap().is_none());

    // Left alone past its expiry, the whole bundle draft goes, once, with its parts' files.
    let parts2: &'static [NewBundlePart<'static>] = Box::leak(Box::new([
        NewBundlePart { permit_key: "food-registration", definition_id: food.id, token: "q-food" },
        NewBundlePart { permit_key: "music-notification", definition_id: music.id, token: "q-music" },
    ]));
    let idle = new("b-idle", parts2).await;
    let drafts = store.bundle_draft_parts(idle.id).await.unwrap();
    let copies = vec![
        DocumentCopy { draft_id: drafts[0].id, field_id: "floor_plan", file: pdf("y-1", erik, "floor_plan") },
        DocumentCopy { draft_id: drafts[1].id, field_id: "floor_plan", file: pdf("y-2", erik, "floor_plan") },
    ];
    store.attach_bundle_document(idle.id, "floor-plan", "gy", &copies).await.unwrap().unwrap();
    // One reminder for the bundle, not one per part.
    assert_eq!(store.remind_expiring_drafts(NOW + DAY / 2, DAY).await.unwrap(), 1);
    let mut keys = store.expire_drafts(NOW + 2 * DAY).await.unwrap();
    keys.sort();
    assert_eq!(keys, ["y-1", "y-2"]);
    assert!(store.bundle_draft(&DraftToken::new("b-idle")).await.unwrap().is_none());
}

on_both_backends!(a_restaurant_files_one_bundle_and_follows_one_status, an_abandoned_bundle_draft_is_deleted_whole);
