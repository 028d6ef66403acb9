//! The audit policy (db/src/audit.rs) on SQLite and on PostgreSQL: a write and its entry commit
//! together or not at all, a refused write leaves no entry, entries are sealed into one keyed chain
//! by one sealer whatever the number of concurrent writers, and a chain cut short or rebuilt is
//! found by the signed checkpoints.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{AuditFilter, Backend, NotifyChannel, Store, UserKind, VerifiedClaims};
use stadsporten_domain::access::{Role, Scope};
use stadsporten_domain::audit::{AuditAction, AuditEntry, AuditKey, ChainBreak, Outcome};
use stadsporten_domain::ids::UserId;
use stadsporten_domain::organisation::UnitCode;

const NOW: i64 = 1_795_000_000;
const DAY: i64 = 86_400;

on_both_backends!(
    a_write_commits_with_its_entry_and_the_store_names_what_it_created,
    a_write_whose_entry_cannot_be_written_does_not_happen,
    a_refused_write_leaves_no_entry_and_the_next_write_carries_it,
    a_storm_of_concurrent_writers_and_sealers_makes_one_unbroken_chain,
    a_chain_cut_short_after_a_checkpoint_is_found,
    a_chain_verified_with_another_key_does_not_hold,
);

async fn fresh(backend: Backend) -> Store {
    Store::connect(&fresh_database_url(backend).await, 8).await.expect("connect")
}

fn entry(action: AuditAction, object_id: Option<&str>) -> AuditEntry {
    AuditEntry {
        at: NOW,
        actor_id: Some(UserId::new(1)),
        acting_for: None,
        role: Some("administrator".into()),
        action,
        object_type: "user".into(),
        object_id: object_id.map(str::to_owned),
        outcome: Outcome::Success,
        reason: None,
        request_id: Some("req".into()),
        client_addr: Some("127.0.0.1".into()),
    }
}

async fn person(store: &Store, subject: &str) -> UserId {
    let claims = VerifiedClaims {
        issuer: "https://eid.test",
        subject,
        kind: UserKind::Person,
        display_name: "Test Person",
        personal_identity_number: None,
        email: None,
    };
    store.sign_in_user(&claims, NOW).await.unwrap().id
}

async fn all(store: &Store, action: AuditAction) -> Vec<stadsporten_db::AuditRow> {
    store.audit_entries(&AuditFilter { action: Some(action), ..Default::default() }, 1000, 0).await.unwrap()
}

async fn a_write_commits_with_its_entry_and_the_store_names_what_it_created(backend: Backend) {
    let store = fresh(backend).await;
    let anna = person(&store, "anna").await;
    let mut e = entry(AuditAction::RequestAccess, None);
    e.object_type = "access-request".into();
    let id = store
        .audited(e)
        .request_access(anna, Role::CaseOfficer, &Scope::Unit(UnitCode::parse("MF").unwrap()), "needed", NOW + DAY, NOW)
        .await
        .unwrap();
    // Written with the write, pending until sealed; reading the trail seals it.
    assert_eq!(store.pending_audit_entries().await.unwrap(), 1);
    let rows = all(&store, AuditAction::RequestAccess).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].chained.entry.object_id, Some(id.to_string()), "the store names the new request");
    assert_eq!(store.pending_audit_entries().await.unwrap(), 0);
    // The shared handle carries nothing: a write through it adds no entry.
    store.update_contact(anna, Some("0701234567"), None, NotifyChannel::Email, NOW).await.unwrap();
    assert_eq!(store.pending_audit_entries().await.unwrap(), 0);
}

async fn a_write_whose_entry_cannot_be_written_does_not_happen(backend: Backend) {
    let store = fresh(backend).await;
    let anna = person(&store, "anna").await;
    // The trail's table is out of reach: the entry cannot be written, so neither is the change.
    store.execute_raw_for_test("alter table audit_pending rename to audit_pending_away").await.unwrap();
    let refused = store
        .audited(entry(AuditAction::Update, Some(&anna.to_string())))
        .update_contact(anna, Some("0709999999"), None, NotifyChannel::Sms, NOW)
        .await;
    assert!(refused.is_err(), "a failed audit fails the write");
    store.execute_raw_for_test("alter table audit_pending_away rename to audit_pending").await.unwrap();
    let user = store.user(anna).await.unwrap().unwrap();
    assert_eq!(user.phone, None, "the change rolled back with its entry");
    assert!(all(&store, AuditAction::Update).await.is_empty());
}

async fn a_refused_write_leaves_no_entry_and_the_next_write_carries_it(backend: Backend) {
    let store = fresh(backend).await;
    let mut e = entry(AuditAction::RevokeAccess, Some("999"));
    e.object_type = "access-grant".into();
    let audited = store.audited(e);
    // No such grant: nothing revoked, nothing recorded.
    assert!(!audited.revoke_grant(999, UserId::new(1), "no longer needed", NOW).await.unwrap());
    assert!(all(&store, AuditAction::RevokeAccess).await.is_empty());
    // The entry stayed with its handle: the write that happens carries it, once.
    let anna = person(&store, "anna").await;
    let mut g = stadsporten_db::NewGrant {
        user_id: anna,
        role: Role::CaseOfficer,
        scope: &Scope::Unit(UnitCode::parse("MF").unwrap()),
        reason: "test",
        granted_by: None,
        valid_from: NOW,
        valid_until: NOW + DAY,
    };
    let grant = store.grant_access(&g).await.unwrap();
    assert!(audited.revoke_grant(grant, UserId::new(1), "no longer needed", NOW).await.unwrap());
    g.reason = "again";
    let second = store.grant_access(&g).await.unwrap();
    assert!(audited.revoke_grant(second, UserId::new(1), "no longer needed", NOW).await.unwrap());
    assert_eq!(all(&store, AuditAction::RevokeAccess).await.len(), 1);
}

async fn a_storm_of_concurrent_writers_and_sealers_makes_one_unbroken_chain(backend: Backend) {
    let store = fresh(backend).await;
    let mut people = Vec::new();
    for i in 0..20 {
        people.push(person(&store, &format!("p{i}")).await);
    }
    let mut tasks = Vec::new();
    for (i, id) in people.iter().copied().enumerate() {
        // A write with its entry, a read's entry on its own, and a sealer, all at once.
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            s.audited(entry(AuditAction::Update, Some(&id.to_string())))
                .update_contact(id, Some(&format!("07000000{i:02}")), None, NotifyChannel::Email, NOW)
                .await
        }));
        let s = store.clone();
        tasks.push(tokio::spawn(async move { s.append_audit(&entry(AuditAction::Read, Some(&id.to_string()))).await }));
        let s = store.clone();
        tasks.push(tokio::spawn(async move { s.seal_audit(NOW).await.map(|_| ()) }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(store.verify_audit_chain().await.unwrap(), Ok(40));
    let rows = store.audit_entries(&AuditFilter::default(), 1000, 0).await.unwrap();
    let mut seqs: Vec<i64> = rows.iter().map(|r| r.chained.seq).collect();
    seqs.sort();
    assert_eq!(seqs, (1..=40).collect::<Vec<i64>>(), "every entry sealed once, no gaps");
    assert_eq!(all(&store, AuditAction::Update).await.len(), 20);
}

async fn a_chain_cut_short_after_a_checkpoint_is_found(backend: Backend) {
    let store = fresh(backend).await;
    for i in 0..3 {
        store.append_audit(&entry(AuditAction::Read, Some(&i.to_string()))).await.unwrap();
    }
    assert_eq!(store.seal_audit(NOW).await.unwrap(), 3);
    for i in 3..5 {
        store.append_audit(&entry(AuditAction::Read, Some(&i.to_string()))).await.unwrap();
    }
    // The next day's first seal signs the head as it stands then (five entries).
    assert_eq!(store.seal_audit(NOW + DAY).await.unwrap(), 2);
    assert_eq!(store.verify_audit_chain().await.unwrap(), Ok(5));
    // Someone with database access removes the last two entries and sets the head back: every
    // remaining link holds, but the signed checkpoint names an entry that is gone.
    let (drop, third) = match backend {
        Backend::Sqlite => ("drop trigger audit_log_no_delete", "select hash from audit_log where seq = 3"),
        Backend::Postgres => {
            ("drop trigger audit_log_no_update on audit_log", "select hash from audit_log where seq = 3")
        }
    };
    store.execute_raw_for_test(drop).await.unwrap();
    store.execute_raw_for_test("delete from audit_log where seq > 3").await.unwrap();
    let hash = store.query_text_for_test(third).await.unwrap();
    store.execute_raw_for_test(&format!("update audit_head set seq = 3, hash = '{hash}' where id = 1")).await.unwrap();
    let day = stadsporten_domain::date::Date::from_day_number((NOW + DAY) / DAY).unwrap().to_string();
    assert_eq!(store.verify_audit_chain().await.unwrap(), Err(ChainBreak::Checkpoint { day }));
}

async fn a_chain_verified_with_another_key_does_not_hold(backend: Backend) {
    let url = fresh_database_url(backend).await;
    let store = Store::connect(&url, 4).await.unwrap();
    store.append_audit(&entry(AuditAction::Read, Some("1"))).await.unwrap();
    assert_eq!(store.verify_audit_chain().await.unwrap(), Ok(1));
    let other = AuditKey::parse("a-different-key-of-at-least-thirty-two-bytes").unwrap();
    let elsewhere = Store::connect(&url, 4).await.unwrap().with_audit_key(other);
    assert_eq!(elsewhere.verify_audit_chain().await.unwrap(), Err(ChainBreak::Content { seq: 1 }));
}
