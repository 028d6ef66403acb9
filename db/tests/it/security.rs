//! Information security's storage: classifications seeded, set and seen by every node's cache,
//! protected persons and the specific grants to see their details, the incident register with
//! its 72-hour clock and reminders, and rate-limit windows shared by two nodes — each story on
//! SQLite and on PostgreSQL.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{Backend, DbError, Store};
use stadsporten_domain::audit::{AuditAction, AuditEntry, Outcome};
use stadsporten_domain::date::Date;
use stadsporten_domain::ids::UserId;
use stadsporten_domain::security::classification::{Classification, ClassificationForm, Level, Subject};
use stadsporten_domain::security::incident::{
    DecisionForm, ImyDecision, IncidentCategory, IncidentSeverity, IncidentStatus, PersonalData, ReportForm, TriageForm,
};
use stadsporten_domain::security::protected::{GrantForm, Protection};

fn at(y: u32, m: u32, d: u32, hour: u8) -> i64 {
    Date::new(y, m, d).and_then(|d| d.at_in_stockholm(hour, 0)).expect("a time")
}

const NOW: fn() -> i64 = || at(2026, 12, 1, 9);

async fn seeded(url: &str) -> Store {
    let now = NOW();
    let store = Store::connect(url, 8).await.expect("connect");
    store.seed_demo_content(now).await.expect("catalogue");
    store.seed_personas("https://eid.test", "https://staff.test", now).await.expect("personas");
    store.seed_eservices(now).await.expect("e-services");
    store.seed_contact_centre(now).await.expect("contact centre");
    assert!(store.seed_security(now).await.expect("security") >= 10);
    assert_eq!(store.seed_security(now).await.expect("again"), 0, "idempotent");
    store
}

async fn persona(store: &Store, key: &str) -> UserId {
    store.user_by_persona(key).await.unwrap().unwrap_or_else(|| panic!("persona {key}")).id
}

async fn classifications_are_seeded_set_and_seen_by_every_node(backend: Backend) {
    let url = fresh_database_url(backend).await;
    let store = seeded(&url).await;
    let other_node = Store::connect(&url, 2).await.expect("a second node");
    if backend == Backend::Postgres {
        let (listener, url) = (other_node.clone(), url.clone());
        tokio::spawn(async move { listener.listen_for_changes(&url).await });
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    let home_care = store.service_classification("ansok-om-hemtjanst").await.unwrap();
    assert_eq!(home_care.numbers(), (3, 3, 2));
    assert!(home_care.controls().encrypt_files && !home_care.controls().content_in_notifications);
    assert_eq!(store.service_classification("boka-idrottshall").await.unwrap(), Classification::UNCLASSIFIED);
    assert_eq!(other_node.service_classification("boka-idrottshall").await.unwrap().numbers(), (2, 2, 2));

    let sofia = persona(&store, "sofia").await;
    let form = ClassificationForm {
        subject: Subject::Service("boka-idrottshall".into()),
        classification: Classification::new(Level::L1, Level::L2, Level::L3),
        reason: "Bokningar av idrottshallar, inga känsliga uppgifter.".into(),
    };
    store.set_classification(&form, sofia, NOW() + 60).await.unwrap();
    assert_eq!(store.service_classification("boka-idrottshall").await.unwrap().numbers(), (1, 2, 3));
    // The other node's cache follows: at once on PostgreSQL's notice, and on SQLite (one node per
    // file) only by its own change — here the second handle stands in for a restart.
    if backend == Backend::Postgres {
        let mut seen = (0, 0, 0);
        for _ in 0..50 {
            seen = other_node.service_classification("boka-idrottshall").await.unwrap().numbers();
            if seen == (1, 2, 3) {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(seen, (1, 2, 3), "the other node saw the change");
    }
    let listed = store.classifications().await.unwrap();
    let row = listed.iter().find(|c| c.subject == "service:boka-idrottshall").expect("listed");
    assert_eq!(row.set_by.as_deref(), Some("Sofia Lund"));
    // The database refuses confidentiality 4 even if a form let it through.
    let four = store
        .execute_raw_for_test(
            "insert into classifications (subject, confidentiality, integrity, availability, reason, set_at) \
             values ('service:x', 4, 1, 1, 'x', 0)",
        )
        .await;
    assert!(four.is_err(), "confidentiality 4 is refused by the table");
    let backup =
        stadsporten_domain::security::classification::platform_backup(store.all_classifications().await.unwrap());
    assert_eq!((backup.every_hours, backup.keep_days), (1, 365), "the audit trail's integrity 4 decides");
}

async fn a_protected_person_is_seen_only_through_a_grant_in_force(backend: Backend) {
    let store = seeded(&fresh_database_url(backend).await).await;
    let (kim, anna, karin, jonas) = (
        persona(&store, "kim").await,
        persona(&store, "anna").await,
        persona(&store, "karin").await,
        persona(&store, "jonas").await,
    );
    assert!(store.is_protected(kim).await.unwrap());
    assert!(!store.is_protected(anna).await.unwrap());
    assert_eq!(store.protected_among(&[anna, kim, karin]).await.unwrap(), vec![kim]);
    let entry = store.register_entry(kim).await.unwrap().expect("in the register");
    assert_eq!(entry.protection, Protection::ProtectedRegistration);
    assert_eq!(store.register_entry(anna).await.unwrap().unwrap().street, "Hornsgatan 112");
    let people = store.protected_people().await.unwrap();
    assert_eq!(people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Kim Nyström"]);
    // Kim's seeded application waits in the social services' queue.
    let cases = store.fetch_i64_for_test(&format!("select id from cases where applicant_id = {kim}")).await.unwrap();
    assert_eq!(cases.len(), 1);

    let now = NOW();
    assert!(store.protected_grant(karin, kim, now).await.unwrap().is_none());
    let form = GrantForm {
        staff_id: karin.get(),
        person_id: kim.get(),
        reason: "Utredning av hemtjänst, hembesök".into(),
        days: 2,
    };
    let id = store.grant_protected(&form, jonas, now).await.unwrap();
    let g = store.protected_grant(karin, kim, now + 3600).await.unwrap().expect("in force");
    assert_eq!((g.id, g.granted_by.as_str()), (id, "Jonas Falk"));
    assert!(store.protected_grant(karin, kim, now + 2 * 86_400).await.unwrap().is_none(), "expired");
    assert!(
        store.protected_grant(persona(&store, "sara").await, kim, now).await.unwrap().is_none(),
        "one staff member"
    );
    store.revoke_protected(id, now + 60).await.unwrap();
    assert!(store.protected_grant(karin, kim, now + 120).await.unwrap().is_none(), "revoked");
    assert!(matches!(store.revoke_protected(id, now + 180).await, Err(DbError::NotFound)));
    // Only a protected person, only to staff.
    let anna_form = GrantForm { person_id: anna.get(), ..form.clone() };
    assert!(matches!(store.grant_protected(&anna_form, jonas, now).await, Err(DbError::NotFound)));
    let to_resident = GrantForm { staff_id: anna.get(), ..form };
    assert!(matches!(store.grant_protected(&to_resident, jonas, now).await, Err(DbError::NotFound)));
    assert_eq!(store.protected_grants().await.unwrap().len(), 1);
}

async fn an_incident_runs_from_report_to_lessons_with_its_clock_and_reminders(backend: Backend) {
    let store = seeded(&fresh_database_url(backend).await).await;
    let (karin, jonas) = (persona(&store, "karin").await, persona(&store, "jonas").await);
    let now = NOW();
    // The seeded breach: reported 20 hours ago, its clock started then.
    let seeded_one = store.incidents(None).await.unwrap();
    assert_eq!(seeded_one.len(), 1);
    assert!(seeded_one[0].breach);
    assert_eq!(seeded_one[0].aware_at, Some(now - 20 * 3600));

    let report = ReportForm {
        what: "En bärbar dator med lokala exportfiler glömdes på tåget.".into(),
        occurred: Some("2026-11-30T17:40".into()),
        systems: "Bärbar dator".into(),
        information: "Ärendeexport (CSV)".into(),
        personal_data: PersonalData::Unknown,
        idempotency_key: "k-1".into(),
    };
    let (id, number) = store.report_incident(&report, karin, 2026, now).await.unwrap();
    assert_eq!(number, "SI-2026-00002");
    assert_eq!(store.report_incident(&report, karin, 2026, now + 5).await.unwrap(), (id, number.clone()), "idempotent");
    assert_eq!(store.incidents(Some(karin)).await.unwrap().len(), 2, "the reporter's own");
    assert!(store.incidents(Some(jonas)).await.unwrap().is_empty());

    // Not a breach yet: no decision can be recorded, and it closes with its lessons.
    let decision = DecisionForm {
        decision: ImyDecision::NotNotified,
        text: "Krypterad disk, ingen risk för de registrerade.".into(),
    };
    assert!(matches!(store.decide_imy(id, &decision, jonas, now).await, Err(DbError::Conflict)));
    let triage = |breach| TriageForm {
        category: IncidentCategory::LostDevice,
        severity: IncidentSeverity::Medium,
        owner_id: jonas.get(),
        breach,
        note: String::new(),
    };
    store.triage_incident(id, &triage(true), jonas, now + 3600).await.unwrap();
    let rec = store.incident(id).await.unwrap().unwrap();
    assert_eq!(rec.incident.status, IncidentStatus::Triaged);
    assert_eq!(rec.incident.aware_at, Some(now), "the clock runs from the report");
    assert_eq!(rec.incident.owner.as_deref(), Some("Jonas Falk"));
    assert!(matches!(store.close_incident(id, "Kryptera alla diskar", jonas, now).await, Err(DbError::Conflict)));

    // Reminders: 24 hours after awareness, once, to every security officer.
    assert_eq!(store.send_incident_reminders(now + 23 * 3600).await.unwrap(), 1, "the seeded one's 24 h passed");
    assert_eq!(store.send_incident_reminders(now + 23 * 3600).await.unwrap(), 0, "not twice");
    assert_eq!(store.send_incident_reminders(now + 25 * 3600).await.unwrap(), 1, "this one's 24 h");
    let mail = store.outbox(100).await.unwrap();
    let reminders: Vec<_> = mail.iter().filter(|m| m.event == "incident-reminder").collect();
    assert_eq!(reminders.len(), 2);
    assert!(reminders.iter().all(|m| m.recipient == "jonas.falk@stockholm.example.se"));

    store.incident_note(id, "Polisanmälan gjord", jonas, now + 7200).await.unwrap();
    let evidence = AuditEntry {
        at: now,
        actor_id: Some(karin),
        acting_for: None,
        role: Some("case-officer".into()),
        action: AuditAction::Export,
        object_type: "case".into(),
        object_id: None,
        outcome: Outcome::Success,
        reason: None,
        request_id: None,
        client_addr: None,
    };
    store.append_audit(&evidence).await.unwrap();
    store.seal_audit(now).await.unwrap();
    let seq = *store.fetch_i64_for_test("select max(seq) from audit_log").await.unwrap().first().unwrap();
    store.link_audit(id, seq, jonas, now + 7300).await.unwrap();
    assert!(matches!(store.link_audit(id, 424_242, jonas, now).await, Err(DbError::NotFound)));
    store.decide_imy(id, &decision, jonas, now + 8000).await.unwrap();
    assert!(matches!(store.decide_imy(id, &decision, jonas, now + 8001).await, Err(DbError::Conflict)), "once");
    assert_eq!(store.send_incident_reminders(now + 50 * 3600).await.unwrap(), 1, "only the seeded one still owes");
    store.close_incident(id, "Alla bärbara datorer får krypterad disk.", jonas, now + 9000).await.unwrap();
    let rec = store.incident(id).await.unwrap().unwrap();
    assert_eq!(rec.incident.status, IncidentStatus::Closed);
    assert_eq!(rec.links.iter().map(|l| l.seq).collect::<Vec<_>>(), [seq]);
    let kinds: Vec<_> = rec.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["reported", "triaged", "reminder", "note", "audit-linked", "imy-not-notified", "closed"]);
    assert!(matches!(store.incident_note(id, "efteråt", jonas, now + 9999).await, Err(DbError::NotFound)));
}

async fn rate_limit_windows_are_shared_by_the_nodes(backend: Backend) {
    let url = fresh_database_url(backend).await;
    let a = Store::connect(&url, 2).await.unwrap();
    let b = Store::connect(&url, 2).await.unwrap();
    assert_eq!(a.rate_hit("sign-in:203.0.113.9", 600).await.unwrap(), 1);
    assert_eq!(b.rate_hit("sign-in:203.0.113.9", 600).await.unwrap(), 2);
    assert_eq!(a.rate_hit("sign-in:203.0.113.9", 660).await.unwrap(), 1, "a new window");
    assert_eq!(b.rate_hit("sign-in:198.51.100.1", 600).await.unwrap(), 1, "another key");
}

on_both_backends!(
    classifications_are_seeded_set_and_seen_by_every_node,
    a_protected_person_is_seen_only_through_a_grant_in_force,
    an_incident_runs_from_report_to_lessons_with_its_clock_and_reminders,
    rate_limit_windows_are_shared_by_the_nodes,
);
