//! Access administration and the audit trail through the back office, like a browser without
//! JavaScript, on both backends.

use crate::support::{browser, spawn_app, TestApp};
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::access::{Permission, Target};
use stadsporten_domain::audit::AuditAction;
use stadsporten_domain::organisation::UnitCode;

on_both_backends!(
    a_request_for_access_is_approved_by_the_units_service_owner_and_applies_at_once,
    nobody_decides_their_own_request_or_another_units,
    a_refused_request_form_comes_back_with_what_was_typed,
    an_overdue_review_is_flagged_and_completes_only_when_every_grant_is_decided,
    the_administrator_ends_a_users_sessions,
    the_auditor_searches_and_exports_the_trail_and_the_export_is_recorded,
);

fn person(app: &TestApp) -> TestApp {
    TestApp {
        client: browser(&app.address),
        address: app.address.clone(),
        store: app.store.clone(),
        clock: app.clock.clone(),
    }
}

async fn entries(app: &TestApp, action: AuditAction) -> Vec<stadsporten_db::AuditRow> {
    app.store.audit_entries(&AuditFilter { action: Some(action), ..Default::default() }, 100, 0).await.unwrap()
}

/// A date `days` ahead of the app's clock, as a form writes it.
fn in_days(app: &TestApp, days: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(app.clock.now() + days * 86_400).unwrap();
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

async fn post(app: &TestApp, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    let token = app.csrf().await;
    let mut form = form.to_vec();
    form.push(("csrf", &token));
    app.post_form(path, &form).send().await.unwrap()
}

async fn a_request_for_access_is_approved_by_the_units_service_owner_and_applies_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let omar = person(&app);
    omar.sign_in("omar").await;
    let res = post(
        &omar,
        "/api/admin/access/request",
        &[
            ("role", "case-officer"),
            ("unit", "MF"),
            ("reason", "Covering for Sara in December"),
            ("until", &in_days(&app, 60)),
        ],
    )
    .await;
    assert_eq!(res.status(), 302);
    assert_eq!(crate::support::location(&res, &app.address), app.url("/admin/access?done=requested"));
    let html = omar
        .get("/admin/access?done=requested")
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Your request has been sent"));
    assert!(html.contains("waiting for a decision"));
    let per = person(&app);
    per.sign_in("per").await;
    let html = per.get("/admin/access").header("accept-language", "en").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Covering for Sara in December"), "the service owner of MF sees the request");
    let request = app.store.pending_access_requests(None).await.unwrap()[0].id;
    let res = post(
        &per,
        "/api/admin/access/decide",
        &[("request", &request.to_string()), ("decision", "approve"), ("note", "OK")],
    )
    .await;
    assert_eq!(res.status(), 302);
    let omar_user = app.store.user_by_persona("omar").await.unwrap().unwrap();
    let principal = app.store.principal(&omar_user, None, app.clock.now()).await.unwrap();
    assert!(principal.allows(Permission::ViewCases, &Target::Unit(&UnitCode::parse("MF").unwrap())));
    for action in [AuditAction::RequestAccess, AuditAction::ApproveAccess, AuditAction::GrantAccess] {
        assert_eq!(entries(&app, action).await.len(), 1, "{action:?} recorded");
    }
    let approval = &entries(&app, AuditAction::ApproveAccess).await[0].chained.entry;
    assert_eq!(approval.role.as_deref(), Some("service-owner"));
}

async fn nobody_decides_their_own_request_or_another_units(backend: Backend) {
    let app = spawn_app(backend).await;
    let per = person(&app);
    per.sign_in("per").await;
    // Per asks for more himself; he may not approve it.
    post(
        &per,
        "/api/admin/access/request",
        &[
            ("role", "service-owner"),
            ("unit", "UTB"),
            ("reason", "Taking over UTB in January"),
            ("until", &in_days(&app, 60)),
        ],
    )
    .await;
    let own = app.store.pending_access_requests(None).await.unwrap()[0].id;
    let res =
        post(&per, "/api/admin/access/decide", &[("request", &own.to_string()), ("decision", "approve"), ("note", "")])
            .await;
    assert_eq!(res.status(), 403, "nobody decides their own request");
    // Sara asks for UTB; Per owns MF and TILL only.
    let sara = person(&app);
    sara.sign_in("sara").await;
    post(
        &sara,
        "/api/admin/access/request",
        &[
            ("role", "case-officer"),
            ("unit", "UTB"),
            ("reason", "Helping UTB with the queue"),
            ("until", &in_days(&app, 30)),
        ],
    )
    .await;
    let html = per.get("/admin/access").send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("Helping UTB with the queue"), "another unit's request is not shown");
    let theirs = app
        .store
        .pending_access_requests(None)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.reason.contains("UTB with"))
        .unwrap();
    let res = post(
        &per,
        "/api/admin/access/decide",
        &[("request", &theirs.id.to_string()), ("decision", "approve"), ("note", "")],
    )
    .await;
    assert_eq!(res.status(), 403);
    // The administrator decides requests for any unit.
    let admin = person(&app);
    admin.sign_in("admin").await;
    let res = post(
        &admin,
        "/api/admin/access/decide",
        &[("request", &theirs.id.to_string()), ("decision", "reject"), ("note", "Ask UTB's owner")],
    )
    .await;
    assert_eq!(res.status(), 302);
    assert_eq!(entries(&app, AuditAction::AccessDenied).await.len(), 2);
}

async fn a_refused_request_form_comes_back_with_what_was_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in("lena").await;
    let res = post(
        &app,
        "/api/admin/access/request",
        &[("role", "case-officer"), ("unit", "MF"), ("reason", "short"), ("until", "next year")],
    )
    .await;
    assert_eq!(res.status(), 302);
    let html = app.get("/admin/access").header("accept-language", "sv").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Rätta följande"));
    assert!(html.contains("Beskriv skälet med minst 10 tecken."));
    assert!(html.contains("Ange ett slutdatum"));
    assert!(html.contains("value=\"short\"") && html.contains("value=\"next year\""), "what she typed is kept");
    assert!(app.store.pending_access_requests(None).await.unwrap().is_empty());
}

async fn an_overdue_review_is_flagged_and_completes_only_when_every_grant_is_decided(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = person(&app);
    admin.sign_in("admin").await;
    let html = admin.get("/admin/access").header("accept-language", "en").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("One access review is overdue."), "the administrator is told");
    let per = person(&app);
    per.sign_in("per").await;
    let res = post(&per, "/api/admin/access/complete-review", &[("scope", "unit:TILL")]).await;
    assert_eq!(res.status(), 302);
    let html = per
        .get("/admin/access/review?scope=unit%3ATILL")
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Confirm or revoke every access"), "not complete while grants are undecided");
    let till = stadsporten_domain::access::Scope::Unit(UnitCode::parse("TILL").unwrap());
    let grants = app.store.grants_in_force(Some(std::slice::from_ref(&till)), app.clock.now()).await.unwrap();
    assert_eq!(grants.len(), 2, "Omar and Per");
    let omar_grant = grants.iter().find(|g| g.user_name == "Omar Haddad").unwrap();
    let per_grant = grants.iter().find(|g| g.user_name == "Per Holm").unwrap();
    assert_eq!(post(&per, "/api/admin/access/confirm", &[("grant", &per_grant.id.to_string())]).await.status(), 302);
    let res = post(
        &per,
        "/api/admin/access/revoke",
        &[
            ("grant", &omar_grant.id.to_string()),
            ("reason", "Moved to MF"),
            ("back", "/admin/access/review?scope=unit%3ATILL"),
        ],
    )
    .await;
    assert_eq!(res.status(), 302);
    assert_eq!(post(&per, "/api/admin/access/complete-review", &[("scope", "unit:TILL")]).await.status(), 302);
    let html = admin.get("/admin/access").header("accept-language", "en").send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("overdue."), "no longer overdue");
    assert_eq!(entries(&app, AuditAction::CompleteReview).await.len(), 1);
    assert_eq!(entries(&app, AuditAction::RevokeAccess).await[0].chained.entry.reason.as_deref(), Some("Moved to MF"));
    let omar = app.store.user_by_persona("omar").await.unwrap().unwrap();
    assert!(app.store.principal(&omar, None, app.clock.now()).await.unwrap().grants.is_empty());
}

async fn the_administrator_ends_a_users_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let sara = person(&app);
    sara.sign_in("sara").await;
    let admin = person(&app);
    admin.sign_in("admin").await;
    let sara_id = app.store.user_by_persona("sara").await.unwrap().unwrap().id;
    let res =
        post(&admin, "/api/admin/users/manage", &[("user", &sara_id.to_string()), ("action", "end-sessions")]).await;
    assert_eq!(res.status(), 302);
    let html = sara.get("/").header("accept-language", "en").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("ended by the city"));
    assert_eq!(entries(&app, AuditAction::EndSessions).await[0].chained.entry.object_id, Some(sara_id.to_string()));
    let admin_id = app.store.user_by_persona("admin").await.unwrap().unwrap().id;
    let res = post(&admin, "/api/admin/users/manage", &[("user", &admin_id.to_string()), ("action", "disable")]).await;
    assert_eq!(res.status(), 400, "an administrator cannot lock themselves out");
}

async fn the_auditor_searches_and_exports_the_trail_and_the_export_is_recorded(backend: Backend) {
    let app = spawn_app(backend).await;
    let anna = person(&app);
    anna.sign_in("anna").await;
    let anna_id = app.store.user_by_persona("anna").await.unwrap().unwrap().id;
    app.sign_in("ingrid").await;
    let html = app
        .get(&format!("/admin/audit?person={anna_id}&action=sign-in"))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Anna Andersson"), "her sign-in is found");
    let reads = app
        .store
        .audit_entries(
            &AuditFilter {
                action: Some(AuditAction::Read),
                object_type: Some("audit-trail".into()),
                ..Default::default()
            },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(reads.len(), 1, "one page view, one recorded read (the page's loader runs once)");
    assert!(!html.contains("Ingrid Wall (#"), "only entries about Anna");
    let res = app.get(&format!("/admin/audit/export.csv?person={anna_id}")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = res.text().await.unwrap();
    assert!(csv.starts_with("seq,time_utc,actor_id"));
    assert!(csv.contains("\"sign-in\""));
    assert!(!csv.contains("198503129820"), "no personnummer in the trail");
    let exports = entries(&app, AuditAction::Export).await;
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0].chained.entry.reason.as_deref(), Some(format!("person={anna_id}").as_str()));
    let res = app.get("/admin/audit?from=yesterday").send().await.unwrap();
    assert_eq!(res.status(), 400, "a malformed filter is the user's error");
    assert_eq!(
        app.store.verify_audit_chain().await.unwrap().map(|n| n >= 4),
        Ok(true),
        "sign-ins, the search, the export"
    );
}
