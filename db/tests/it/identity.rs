//! Identity, access and audit stories, each run on SQLite and on PostgreSQL.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{AuditFilter, Backend, NewGrant, Store, UserKind, VerifiedClaims};
use stadsporten_domain::access::{Permission, Role, Scope, Target};
use stadsporten_domain::audit::{AuditAction, AuditEntry, ChainBreak, Outcome};
use stadsporten_domain::identity::PersonalIdentityNumber;
use stadsporten_domain::ids::UserId;
use stadsporten_domain::organisation::{OrganisationNumber, UnitCode};

const NOW: i64 = 1_795_000_000;
const DAY: i64 = 86_400;

async fn fresh(backend: Backend) -> Store {
    Store::connect(&fresh_database_url(backend).await, 4).await.expect("connect")
}

fn pnr(s: &str) -> PersonalIdentityNumber {
    PersonalIdentityNumber::parse(s, 2026).unwrap()
}

fn unit(s: &str) -> UnitCode {
    UnitCode::parse(s).unwrap()
}

fn entry(action: AuditAction, actor: Option<UserId>, object_id: &str) -> AuditEntry {
    AuditEntry {
        at: NOW,
        actor_id: actor,
        acting_for: None,
        role: None,
        action,
        object_type: "user".into(),
        object_id: Some(object_id.into()),
        outcome: Outcome::Success,
        reason: None,
        request_id: Some("req".into()),
        client_addr: Some("127.0.0.1".into()),
    }
}

on_both_backends!(
    a_person_is_one_user_whichever_e_id_they_sign_in_with,
    only_grants_in_force_count_and_a_disabled_user_has_none,
    an_access_request_is_decided_once_and_approval_grants_it,
    reviews_fall_due_and_completing_one_resets_the_clock,
    the_audit_trail_chains_refuses_changes_and_finds_tampering,
    an_email_link_confirms_once_for_its_own_user_before_it_expires,
    personas_seed_once_with_grants_and_mandates,
);

async fn a_person_is_one_user_whichever_e_id_they_sign_in_with(backend: Backend) {
    let store = fresh(backend).await;
    let anna = pnr("198503129820");
    let claims = |issuer: &'static str, subject: &'static str| VerifiedClaims {
        issuer,
        subject,
        kind: UserKind::Person,
        display_name: "Anna Andersson",
        personal_identity_number: Some(&anna),
        email: None,
    };
    let first = store.sign_in_user(&claims("https://bankid.example", "a1"), NOW).await.unwrap();
    let again = store.sign_in_user(&claims("https://bankid.example", "a1"), NOW + 10).await.unwrap();
    let freja = store.sign_in_user(&claims("https://freja.example", "zz"), NOW + 20).await.unwrap();
    assert_eq!(first.id, again.id);
    assert_eq!(first.id, freja.id, "same personnummer, same person");
    assert_eq!(first.personal_identity_number.as_ref(), Some(&anna));
    let staff = store
        .sign_in_user(
            &VerifiedClaims {
                issuer: "https://staff.example",
                subject: "a1",
                kind: UserKind::Staff,
                display_name: "Sam Staff",
                personal_identity_number: None,
                email: Some("sam@example.se"),
            },
            NOW,
        )
        .await
        .unwrap();
    assert_ne!(staff.id, first.id, "the same subject at another issuer is someone else");
    assert!(!format!("{first:?}").contains("198503129820"), "a user never prints the number");
}

async fn only_grants_in_force_count_and_a_disabled_user_has_none(backend: Backend) {
    let store = fresh(backend).await;
    store.seed_personas("https://eid.test", "https://staff.test", NOW).await.unwrap();
    let sara = store.user_by_persona("sara").await.unwrap().unwrap();
    let p = store.principal(&sara, None, NOW).await.unwrap();
    assert!(p.allows(Permission::ViewCases, &Target::Unit(&unit("MF"))));
    assert!(!p.allows(Permission::ViewCases, &Target::Unit(&unit("TILL"))));
    // Expired, future and revoked grants do not count.
    for (from, until) in [(NOW - 10 * DAY, NOW - DAY), (NOW + DAY, NOW + 10 * DAY)] {
        store
            .grant_access(&NewGrant {
                user_id: sara.id,
                role: Role::CaseOfficer,
                scope: &Scope::Unit(unit("TILL")),
                reason: "cover",
                granted_by: None,
                valid_from: from,
                valid_until: until,
            })
            .await
            .unwrap();
    }
    let revoked = store
        .grant_access(&NewGrant {
            user_id: sara.id,
            role: Role::CaseOfficer,
            scope: &Scope::Unit(unit("UTB")),
            reason: "cover",
            granted_by: None,
            valid_from: NOW - DAY,
            valid_until: NOW + DAY,
        })
        .await
        .unwrap();
    assert!(store.revoke_grant(revoked, sara.id, "no longer needed", NOW).await.unwrap());
    assert!(!store.revoke_grant(revoked, sara.id, "twice", NOW).await.unwrap());
    let p = store.principal(&sara, None, NOW).await.unwrap();
    assert_eq!(p.units_with(Permission::ViewCases), vec![&unit("MF")]);
    // Erik acts for his company only; a crafted acting-for is dropped.
    let erik = store.user_by_persona("erik").await.unwrap().unwrap();
    let his = OrganisationNumber::parse("559123-4561").unwrap();
    let other = OrganisationNumber::parse("559234-5671").unwrap();
    assert_eq!(store.principal(&erik, Some(&his), NOW).await.unwrap().acting_for, Some(his.clone()));
    assert_eq!(store.principal(&erik, Some(&other), NOW).await.unwrap().acting_for, None);
    // Disabling ends sessions (epoch) and every grant.
    assert!(store.set_user_disabled(sara.id, true, NOW).await.unwrap());
    let sara2 = store.user(sara.id).await.unwrap().unwrap();
    assert!(sara2.disabled);
    assert_eq!(sara2.session_epoch, sara.session_epoch + 1);
    assert!(store.principal(&sara2, None, NOW).await.unwrap().grants.is_empty());
    assert!(store.end_sessions(sara.id).await.unwrap());
    assert_eq!(store.user(sara.id).await.unwrap().unwrap().session_epoch, sara.session_epoch + 2);
}

async fn an_access_request_is_decided_once_and_approval_grants_it(backend: Backend) {
    let store = fresh(backend).await;
    store.seed_personas("https://eid.test", "https://staff.test", NOW).await.unwrap();
    let omar = store.user_by_persona("omar").await.unwrap().unwrap();
    let per = store.user_by_persona("per").await.unwrap().unwrap();
    let mf = Scope::Unit(unit("MF"));
    let id =
        store.request_access(omar.id, Role::CaseOfficer, &mf, "Covering for Sara", NOW + 30 * DAY, NOW).await.unwrap();
    let pending = store.pending_access_requests(Some(std::slice::from_ref(&mf))).await.unwrap();
    assert_eq!(pending.iter().map(|r| r.id).collect::<Vec<_>>(), vec![id]);
    assert!(store.pending_access_requests(Some(&[Scope::Unit(unit("UTB"))])).await.unwrap().is_empty());
    let grant = store.decide_access_request(id, true, per.id, "ok", NOW).await.unwrap();
    let grant_id = grant.flatten().expect("approval creates a grant");
    assert_eq!(store.decide_access_request(id, false, per.id, "again", NOW).await.unwrap(), None, "decided once");
    let g = store.grant(grant_id).await.unwrap().unwrap();
    assert_eq!((g.role, g.scope.clone(), g.valid_until), (Role::CaseOfficer, mf.clone(), NOW + 30 * DAY));
    assert_eq!(g.granted_by.as_deref(), Some("Per Holm"));
    let p = store.principal(&omar, None, NOW + 1).await.unwrap();
    assert!(p.allows(Permission::HandleCases, &Target::Unit(&unit("MF"))));
    let rejected = store.request_access(omar.id, Role::ServiceOwner, &mf, "please", NOW + DAY, NOW).await.unwrap();
    assert_eq!(store.decide_access_request(rejected, false, per.id, "no need", NOW).await.unwrap(), Some(None));
    assert_eq!(store.access_requests_of_user(omar.id).await.unwrap().len(), 2);
}

async fn reviews_fall_due_and_completing_one_resets_the_clock(backend: Backend) {
    let store = fresh(backend).await;
    store.seed_personas("https://eid.test", "https://staff.test", NOW).await.unwrap();
    let half_year = 182 * DAY;
    let status = store.review_status(NOW, half_year).await.unwrap();
    let till = status.iter().find(|s| s.scope == Scope::Unit(unit("TILL"))).expect("TILL has grants");
    assert!(till.overdue, "seeded 200 days ago and never reviewed");
    let mf = status.iter().find(|s| s.scope == Scope::Unit(unit("MF"))).unwrap();
    assert!(!mf.overdue);
    assert_eq!(mf.due_at, NOW + half_year);
    let per = store.user_by_persona("per").await.unwrap().unwrap();
    for g in store.grants_in_force(Some(&[Scope::Unit(unit("TILL"))]), NOW).await.unwrap() {
        assert!(store.confirm_grant(g.id, per.id, NOW).await.unwrap());
    }
    store.complete_review(&Scope::Unit(unit("TILL")), per.id, 2, 0, NOW).await.unwrap();
    let status = store.review_status(NOW, half_year).await.unwrap();
    let till = status.iter().find(|s| s.scope == Scope::Unit(unit("TILL"))).unwrap();
    assert!(!till.overdue);
    assert_eq!((till.last_reviewed_at, till.due_at), (Some(NOW), NOW + half_year));
}

async fn the_audit_trail_chains_refuses_changes_and_finds_tampering(backend: Backend) {
    let store = fresh(backend).await;
    for i in 0..5 {
        store.append_audit(&entry(AuditAction::Read, Some(UserId::new(1)), &i.to_string())).await.unwrap();
    }
    assert_eq!(store.verify_audit_chain().await.unwrap(), Ok(5));
    let found =
        store.audit_entries(&AuditFilter { object_id: Some("3".into()), ..Default::default() }, 50, 0).await.unwrap();
    assert_eq!(found.len(), 1);
    let by_person = store.audit_entries(&AuditFilter { person: Some(2), ..Default::default() }, 50, 0).await.unwrap();
    assert_eq!(by_person.len(), 1, "entries about user 2");
    // The database itself refuses edits and deletions.
    assert!(store.execute_raw_for_test("update audit_log set outcome = 'denied' where seq = 3").await.is_err());
    assert!(store.execute_raw_for_test("delete from audit_log where seq = 3").await.is_err());
    // An attacker who removes the guard is still found out.
    let drop = match backend {
        Backend::Sqlite => "drop trigger audit_log_no_update",
        Backend::Postgres => "drop trigger audit_log_no_update on audit_log",
    };
    store.execute_raw_for_test(drop).await.unwrap();
    store.execute_raw_for_test("update audit_log set outcome = 'denied' where seq = 3").await.unwrap();
    assert_eq!(store.verify_audit_chain().await.unwrap(), Err(ChainBreak::Content { seq: 3 }));
}

async fn an_email_link_confirms_once_for_its_own_user_before_it_expires(backend: Backend) {
    let store = fresh(backend).await;
    store.seed_personas("https://eid.test", "https://staff.test", NOW).await.unwrap();
    let anna = store.user_by_persona("anna").await.unwrap().unwrap();
    let erik = store.user_by_persona("erik").await.unwrap().unwrap();
    store.begin_email_verification(anna.id, "anna@new.example", "h1", NOW + 3600).await.unwrap();
    assert_eq!(store.pending_email(anna.id, NOW).await.unwrap().as_deref(), Some("anna@new.example"));
    assert_eq!(store.confirm_email(erik.id, "h1", NOW).await.unwrap(), None, "someone else's link");
    assert_eq!(store.confirm_email(anna.id, "h1", NOW + 3600).await.unwrap(), None, "expired");
    assert_eq!(store.confirm_email(anna.id, "h1", NOW).await.unwrap().as_deref(), Some("anna@new.example"));
    assert_eq!(store.confirm_email(anna.id, "h1", NOW).await.unwrap(), None, "used");
    let anna = store.user(anna.id).await.unwrap().unwrap();
    assert_eq!((anna.email.as_deref(), anna.email_verified), (Some("anna@new.example"), true));
}

async fn personas_seed_once_with_grants_and_mandates(backend: Backend) {
    let store = fresh(backend).await;
    assert_eq!(store.seed_personas("https://eid.test", "https://staff.test", NOW).await.unwrap(), 17);
    assert_eq!(store.seed_personas("https://eid.test", "https://staff.test", NOW).await.unwrap(), 0);
    // A second issuer (another port) links the same people.
    assert_eq!(store.seed_personas("https://eid2.test", "https://staff2.test", NOW).await.unwrap(), 0);
    assert_eq!(store.personas(UserKind::Person).await.unwrap().len(), 4);
    assert_eq!(store.personas(UserKind::Staff).await.unwrap().len(), 13);
    let erik = store.user_by_persona("erik").await.unwrap().unwrap();
    assert_eq!(store.mandates(erik.id, NOW).await.unwrap()[0].name, "Linds Krog AB");
    // Fifteen administrations (Företagslotsen and the web team among them) and the 13 district
    // administrations.
    let units = store.units().await.unwrap();
    assert_eq!(units.len(), 28);
    assert!(units.iter().any(|u| u.code.as_str() == "SDNM"));
    assert!(units.iter().any(|u| u.code.as_str() == "FL"));
    let via_idp = store
        .sign_in_user(
            &VerifiedClaims {
                issuer: "https://staff2.test",
                subject: "admin",
                kind: UserKind::Staff,
                display_name: "Ada Admin",
                personal_identity_number: None,
                email: None,
            },
            NOW,
        )
        .await
        .unwrap();
    assert_eq!(via_idp.persona.as_deref(), Some("admin"));
}
