//! Information security over HTTP, on both backends: a confidentiality-3 e-service's controls
//! (an encrypted file that opens on download, a notification without content, an export refused
//! without a reason, e-ID level of assurance), a protected person per role, the incident flow
//! with its clock, the classification page's owners and its refusal of level 4, rate limits,
//! the trusted-proxy rule, CSP reports, security.txt and HSTS.

use crate::mail::{delivered, smtp_server};
use crate::support::{
    as_user, body, browser, location, post, spawn_app, spawn_app_with, test_settings, to, upload, TestApp,
};
use secrecy::SecretString;
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::audit::{AuditAction, AuditEntry};
use stadsporten_domain::ids::{CaseId, UserId};

on_both_backends!(
    a_sensitive_cases_file_is_sealed_at_rest_and_its_notification_says_nothing,
    an_export_of_sensitive_cases_needs_a_reason,
    a_low_level_of_assurance_is_refused_with_a_way_to_sign_in_again,
    a_protected_persons_details_are_hidden_from_every_role_without_a_grant,
    staff_who_open_a_sensitive_case_are_signed_out_after_ten_quiet_minutes,
    an_incident_runs_from_report_to_lessons_with_the_imy_clock,
    information_owners_classify_their_own_and_level_four_is_refused,
    a_burst_is_refused_with_retry_after_and_the_next_window_passes,
    forwarded_addresses_count_only_from_trusted_proxies,
    browsers_report_csp_violations_and_find_the_security_contact,
);

async fn persona(app: &TestApp, key: &str) -> UserId {
    app.store.user_by_persona(key).await.unwrap().unwrap().id
}

/// Kim's seeded application for home care (confidentiality 3, in SOF's queue).
async fn kims_case(app: &TestApp) -> CaseId {
    let kim = persona(app, "kim").await;
    let ids = app.store.fetch_i64_for_test(&format!("select id from cases where applicant_id = {kim}")).await.unwrap();
    CaseId::new(ids[0])
}

/// Audit entries matching the filter (sealed first, as a reader sees them).
async fn audit(app: &TestApp, f: AuditFilter) -> Vec<AuditEntry> {
    app.store.audit_entries(&f, 1000, 0).await.unwrap().into_iter().map(|r| r.chained.entry).collect()
}

fn unfold(m: &str) -> String {
    m.replace("=\r\n", "").replace("=\n", "")
}

async fn wait_for<T>(mut f: impl AsyncFnMut() -> Option<T>) -> Option<T> {
    for _ in 0..100 {
        if let Some(t) = f().await {
            return Some(t);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    None
}

async fn a_sensitive_cases_file_is_sealed_at_rest_and_its_notification_says_nothing(backend: Backend) {
    let smtp = smtp_server().await;
    let mut settings = test_settings(backend).await;
    settings.mail.smtp_url = SecretString::from(format!("smtp://127.0.0.1:{}", smtp.port));
    let app = spawn_app_with(settings).await;
    let case = kims_case(&app).await;
    let kim = persona(&app, "kim").await;
    app.store
        .update_contact(
            kim,
            None,
            Some(stadsporten_domain::Lang::Sv),
            stadsporten_db::NotifyChannel::Email,
            app.clock.now(),
        )
        .await
        .unwrap();
    // Kim sends a PDF with a message: stored sealed, opened for the officer.
    let (kim_app, kim_csrf) = as_user(&app, "kim").await;
    let pdf = b"%PDF-1.4\n% Lakarintyg om behov av hjalp\n".to_vec();
    let res = upload(
        &kim_app,
        &kim_csrf,
        &format!("/cases/{case}/messages"),
        &[("body", "Här är läkarintyget.")],
        Some(("file", "intyg.pdf", pdf.clone())),
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap_or_default());
    let files = app.store.attachments_of_case(case).await.unwrap();
    let file = files.iter().find(|f| f.file_name == "intyg.pdf").expect("the file is recorded");
    assert!(file.encrypted, "a confidentiality-3 file is sealed");
    let store = stadsporten_server::startup::file_store("auto", &app.store, &crate::support::upload_folder());
    let at_rest = store.get(&file.storage_key).await.unwrap();
    assert!(stadsporten_app::web::crypto::FileCrypto::is_envelope(&at_rest));
    assert!(!at_rest.windows(4).any(|w| w == b"%PDF"), "nothing of the file shows at rest");
    let (karin, karin_csrf) = as_user(&app, "karin").await;
    let res = karin.get(&format!("/files/{}", file.id)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf, "the officer's download opens it");
    // A bucket changed at rest is refused, not served (integrity 3 verifies the checksum too).
    let mut changed = at_rest.clone();
    let last = changed.len() - 1;
    changed[last] ^= 1;
    store.delete(&file.storage_key).await.unwrap();
    store.put(&file.storage_key, &changed).await.unwrap();
    assert_eq!(karin.get(&format!("/files/{}", file.id)).send().await.unwrap().status(), 404);
    // The officer answers: Kim's e-mail says only that there is something new.
    let res =
        upload(&karin, &karin_csrf, &format!("/cases/{case}/messages"), &[("body", "Vi kommer på hembesök.")], None)
            .await;
    assert_eq!(res.status(), 303);
    let number = app.store.case_record(case).await.unwrap().unwrap().case_number;
    let mail = wait_for(async || {
        delivered(&smtp.maildir).into_iter().map(|m| unfold(&m)).find(|m| m.contains("kim.nystrom@example.se"))
    })
    .await
    .expect("Kim is told");
    assert!(mail.contains("Nytt i Mina sidor"), "{mail}");
    assert!(mail.contains("/my"), "{mail}");
    for secret in [number.as_str(), "hemtj", "Hemtj", "hembes", "Vi kommer"] {
        assert!(!mail.contains(secret), "the notification names nothing ({secret}): {mail}");
    }
}

async fn an_export_of_sensitive_cases_needs_a_reason(backend: Backend) {
    let app = spawn_app(backend).await;
    let (karin, _) = as_user(&app, "karin").await;
    let res = karin.get("/officer/export.csv?service=ansok-om-hemtjanst").send().await.unwrap();
    assert_eq!(res.status(), 303, "refused without a reason");
    assert!(to(&res, &app.address).contains("export=reason-needed"));
    let (_, page) = body(&karin, &to(&res, &app.address)).await;
    assert!(page.contains("export-reason-error"), "the queue says why, beside the reason field");
    let res = karin
        .get("/officer/export.csv?service=ansok-om-hemtjanst&reason=Uppf%C3%B6ljning+till+n%C3%A4mnden")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    assert!(csv.contains("protected_personal_data"), "{csv}");
    assert!(csv.contains("\"yes\""), "Kim's case is marked: {csv}");
    assert!(!csv.contains("Hemlig adress"), "no address in an export");
    let exports = audit(
        &app,
        AuditFilter { action: Some(AuditAction::Export), object_type: Some("case-queue".into()), ..Default::default() },
    )
    .await;
    let reasons = exports.iter().filter_map(|e| e.reason.clone()).collect::<Vec<_>>().join("|");
    assert!(reasons.contains("no-reason"), "the refusal is in the audit trail: {reasons}");
    assert!(reasons.contains("Uppföljning till nämnden"), "the reason is kept: {reasons}");
}

async fn a_low_level_of_assurance_is_refused_with_a_way_to_sign_in_again(backend: Backend) {
    let app = spawn_app(backend).await;
    // Kim signs in with a low-level e-ID.
    let res = app.get("/auth/login?as=resident&to=/services/ansok-om-hemtjanst/start").send().await.unwrap();
    let authorize = location(&res, &app.address);
    let url = url::Url::parse(&authorize).unwrap();
    let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    form.push(("persona".into(), "kim".into()));
    form.push(("level".into(), "low".into()));
    let res = app.client.post(app.url("/test-idp/eid/authorize/choose")).form(&form).send().await.unwrap();
    let res = app.client.get(location(&res, &app.address)).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let (_, start) = body(&app, "/services/ansok-om-hemtjanst/start").await;
    assert!(start.contains("Så skyddar vi dina uppgifter"), "residents are told how it is protected");
    assert!(start.contains("acr=substantial"), "the start page offers to sign in again at substantial");
    assert!(!start.contains("/api/apply/start"), "and no start button");
    // Kim's own case of that service: refused, with the same way out; written down.
    let case = kims_case(&app).await;
    let (status, page) = body(&app, &format!("/my/cases/{case}")).await;
    assert_eq!(status, 403);
    assert!(page.contains("acr=substantial"), "{page}");
    let csrf = app.csrf().await;
    let res = post(&app, &csrf, "/api/apply/start", &[("slug", "ansok-om-hemtjanst")]).await;
    assert_eq!(res.status(), 403, "no draft is started");
    let denied = audit(&app, AuditFilter { action: Some(AuditAction::AccessDenied), ..Default::default() }).await;
    let denied = denied.iter().filter(|e| e.reason.as_deref().is_some_and(|r| r.starts_with("assurance substantial")));
    assert!(denied.count() >= 2, "every refusal is audited");
    // Signing in again at substantial (the test provider's default, as BankID) opens it.
    let asked = app.get("/auth/login?as=resident&acr=substantial&to=/my").send().await.unwrap();
    assert!(location(&asked, &app.address).contains("acr_values="), "the level is asked of the provider");
    let steps = app.sign_in_steps_to("resident", "kim", "/my").await;
    app.client.get(&steps.callback).send().await.unwrap();
    assert_eq!(body(&app, &format!("/my/cases/{case}")).await.0, 200);
    // An e-service below confidentiality 3 never asked: Anna at low starts feedback.
    let anna = TestApp {
        client: browser(&app.address),
        address: app.address.clone(),
        store: app.store.clone(),
        clock: app.clock.clone(),
    };
    let res = anna.get("/auth/login?as=resident").send().await.unwrap();
    let url = url::Url::parse(&location(&res, &app.address)).unwrap();
    let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    form.push(("persona".into(), "anna".into()));
    form.push(("level".into(), "low".into()));
    let res = anna.client.post(anna.url("/test-idp/eid/authorize/choose")).form(&form).send().await.unwrap();
    anna.client.get(location(&res, &app.address)).send().await.unwrap();
    let (_, start) = body(&anna, "/services/synpunkter-och-klagomal/start").await;
    assert!(start.contains("/api/apply/start"), "a confidentiality-2 service starts at any level");
}

async fn a_protected_persons_details_are_hidden_from_every_role_without_a_grant(backend: Backend) {
    let app = spawn_app(backend).await;
    let case = kims_case(&app).await;
    let kim = persona(&app, "kim").await;
    // The case officer of the unit: the case, marked; the address and phone hidden.
    let (karin, _) = as_user(&app, "karin").await;
    let (status, page) = body(&karin, &format!("/officer/cases/{case}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Skyddade personuppgifter"), "marked");
    assert!(!page.contains("Hemlig adress") && !page.contains("070-000"), "no address or phone");
    assert!(page.contains("(skyddad uppgift)"));
    assert!(page.contains("K3 R3 T2"), "the levels are on the case");
    let (_, queue) = body(&karin, "/officer?service=ansok-om-hemtjanst").await;
    assert!(queue.contains("tag protected"), "marked in the queue too");
    // The unit's service owner the same; other units' staff do not reach the case at all.
    let (sofia, _) = as_user(&app, "sofia").await;
    let (status, page) = body(&sofia, &format!("/officer/cases/{case}")).await;
    assert_eq!(status, 200);
    assert!(!page.contains("Hemlig adress"));
    let (sara, _) = as_user(&app, "sara").await;
    assert_ne!(body(&sara, &format!("/officer/cases/{case}")).await.0, 200);
    // A grant: only the security officer gives it, for one staff member and one person.
    let (jonas, jonas_csrf) = as_user(&app, "jonas").await;
    let karin_id = persona(&app, "karin").await;
    let (status, page) = body(&jonas, "/admin/protected").await;
    assert_eq!(status, 200);
    assert!(page.contains("Kim Nyström"));
    let res = post(
        &jonas,
        &jonas_csrf,
        "/admin/protected",
        &[("staff", &karin_id.to_string()), ("person", &kim.to_string()), ("days", "1"), ("reason", "kort")],
    )
    .await;
    assert_eq!(to(&res, &app.address), "/admin/protected#error-summary", "a reason is needed");
    let (_, page) = body(&jonas, "/admin/protected").await;
    assert!(page.contains("Skriv skälet"), "said beside the field");
    let res = post(
        &jonas,
        &jonas_csrf,
        "/admin/protected",
        &[
            ("staff", &karin_id.to_string()),
            ("person", &kim.to_string()),
            ("days", "1"),
            ("reason", "Hembesök i ärendet om hemtjänst"),
        ],
    )
    .await;
    assert_eq!(to(&res, &app.address), "/admin/protected?saved=granted");
    let (_, page) = body(&karin, &format!("/officer/cases/{case}")).await;
    assert!(page.contains("Hemlig adress 1"), "with the grant, the address");
    assert!(page.contains("Hembesök i ärendet om hemtjänst"), "and the grant's reason");
    let reads = audit(
        &app,
        AuditFilter {
            action: Some(AuditAction::Read),
            object_type: Some("protected-person".into()),
            object_id: Some(kim.to_string()),
            actor: Some(karin_id),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(reads.len(), 1, "the view is audited");
    assert!(reads[0].reason.as_deref().unwrap_or("").contains("Hembesök"), "with the grant's reason");
    // Sofia has no grant: still hidden.
    assert!(!body(&sofia, &format!("/officer/cases/{case}")).await.1.contains("Hemlig adress"));
    // Staff other than the security officer cannot grant.
    let (karin2, karin_csrf) = as_user(&app, "karin").await;
    let res = post(
        &karin2,
        &karin_csrf,
        "/admin/protected",
        &[
            ("staff", &karin_id.to_string()),
            ("person", &kim.to_string()),
            ("days", "30"),
            ("reason", "Jag vill se adressen"),
        ],
    )
    .await;
    assert_eq!(res.status(), 403);
    // The contact centre: the look-up warns instead of showing contact details (issue 20).
    let grants = app.store.protected_grants().await.unwrap();
    assert_eq!(grants.len(), 1);
}

async fn staff_who_open_a_sensitive_case_are_signed_out_after_ten_quiet_minutes(backend: Backend) {
    let app = spawn_app(backend).await;
    let case = kims_case(&app).await;
    // Eleven quiet minutes are nothing on ordinary pages…
    let (karin, _) = as_user(&app, "karin").await;
    assert_eq!(body(&karin, "/officer").await.0, 200);
    app.clock.advance(11 * 60);
    let (status, page) = body(&karin, "/officer").await;
    assert_eq!(status, 200);
    assert!(page.contains("Karin Sjöberg"), "still signed in");
    // …and opening a sensitive case after them is allowed, but from then on ten minutes end it.
    app.clock.advance(15 * 60);
    let (status, page) = body(&karin, &format!("/officer/cases/{case}")).await;
    assert_eq!(status, 200, "the limit in force before the request judges it");
    assert!(page.contains("10 minuter"), "the page says so");
    app.clock.advance(11 * 60);
    let (status, _) = body(&karin, "/officer").await;
    assert_ne!(status, 200, "signed out after ten quiet minutes");
    let ended = audit(&app, AuditFilter { action: Some(AuditAction::SessionExpired), ..Default::default() }).await;
    assert!(ended.iter().any(|e| e.reason.as_deref() == Some("idle")), "{ended:?}");
}

async fn an_incident_runs_from_report_to_lessons_with_the_imy_clock(backend: Backend) {
    let app = spawn_app(backend).await;
    let (sara, sara_csrf) = as_user(&app, "sara").await;
    // A refused report keeps what was typed.
    let res =
        post(&sara, &sara_csrf, "/incidents", &[("what", "Ett mejl med en ärendelista gick till fel adress")]).await;
    assert_eq!(to(&res, &app.address), "/incidents/new#error-summary");
    let (_, page) = body(&sara, "/incidents/new").await;
    assert!(page.contains("Ett mejl med en ärendelista gick till fel adress"), "kept");
    assert!(page.contains("Välj ett alternativ"), "the missing choice is named");
    let res = post(
        &sara,
        &sara_csrf,
        "/incidents",
        &[
            ("what", "Ett mejl med en ärendelista gick till fel adress"),
            ("personal_data", "yes"),
            ("idempotency_key", "once"),
        ],
    )
    .await;
    let at = to(&res, &app.address);
    assert!(at.starts_with("/incidents/") && at.ends_with("?saved=reported"), "{at}");
    let again = post(
        &sara,
        &sara_csrf,
        "/incidents",
        &[
            ("what", "Ett mejl med en ärendelista gick till fel adress"),
            ("personal_data", "yes"),
            ("idempotency_key", "once"),
        ],
    )
    .await;
    assert_eq!(to(&again, &app.address), at, "a double submit is one report");
    let id: i64 = at.trim_start_matches("/incidents/").split('?').next().unwrap().parse().unwrap();
    // Another member of staff does not find it; the refusal is audited.
    let (omar, _) = as_user(&app, "omar").await;
    assert_eq!(body(&omar, &format!("/incidents/{id}")).await.0, 404);
    // The security officer triages it as a breach: the clock shows.
    let (jonas, jonas_csrf) = as_user(&app, "jonas").await;
    let jonas_id = persona(&app, "jonas").await;
    let res = post(
        &jonas,
        &jonas_csrf,
        &format!("/incidents/{id}/triage"),
        &[("category", "misdirected"), ("severity", "high"), ("owner", &jonas_id.to_string()), ("breach", "yes")],
    )
    .await;
    assert_eq!(to(&res, &app.address), format!("/incidents/{id}?saved=triage"));
    let (_, page) = body(&jonas, &format!("/incidents/{id}")).await;
    assert!(page.contains("71 h") || page.contains("72 h"), "the clock runs: {page}");
    // Closing before the IMY decision is refused with the reason.
    let res =
        post(&jonas, &jonas_csrf, &format!("/incidents/{id}/close"), &[("lessons", "Kontrollera mottagare")]).await;
    assert_eq!(to(&res, &app.address), format!("/incidents/{id}#close"));
    assert!(body(&jonas, &format!("/incidents/{id}")).await.1.contains("måste registreras"));
    // After 80 hours the clock is overdue; the reminders went out meanwhile.
    app.clock.advance(80 * 3600);
    let n = app.store.send_incident_reminders(app.clock.now()).await.unwrap();
    assert!(n >= 1);
    // Eighty hours on, everyone signs in again.
    let (jonas, jonas_csrf) = as_user(&app, "jonas").await;
    let (sara, _) = as_user(&app, "sara").await;
    assert!(body(&jonas, &format!("/incidents/{id}")).await.1.contains("h försenad"));
    let res = post(
        &jonas,
        &jonas_csrf,
        &format!("/incidents/{id}/decision"),
        &[("decision", "notified"), ("text", "IMY-2026-4711")],
    )
    .await;
    assert_eq!(to(&res, &app.address), format!("/incidents/{id}?saved=decision"));
    let res =
        post(&jonas, &jonas_csrf, &format!("/incidents/{id}/close"), &[("lessons", "Kontrollera mottagare")]).await;
    assert_eq!(to(&res, &app.address), format!("/incidents/{id}?saved=close"));
    let (_, page) = body(&jonas, &format!("/incidents/{id}")).await;
    assert!(page.contains("efter tidsgränsen"), "notified late, and it says so");
    // The register's export: a reason first.
    let res = jonas.get("/incidents/export.csv").send().await.unwrap();
    assert_eq!(to(&res, &app.address), "/incidents?export=reason-needed#export");
    let res = jonas.get("/incidents/export.csv?reason=Rapport+till+s%C3%A4kerhetsr%C3%A5det").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    assert!(csv.contains("\"notified\"") && csv.contains("\"misdirected\""), "{csv}");
    // Sara sees her report, now closed; residents never reach the register.
    assert!(body(&sara, &format!("/incidents/{id}")).await.1.contains("Avslutad"));
    let (anna, _) = as_user(&app, "anna").await;
    assert_eq!(body(&anna, "/incidents/new").await.0, 403);
}

async fn information_owners_classify_their_own_and_level_four_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let (sofia, csrf) = as_user(&app, "sofia").await;
    let form = |c: &'static str| {
        vec![
            ("subject", "service:trygghetslarm"),
            ("confidentiality", c),
            ("integrity", "2"),
            ("availability", "4"),
            ("reason", "Larmet ska fungera dygnet runt; uppgifter om hälsa."),
        ]
    };
    let res = post(&sofia, &csrf, "/admin/classification", &form("4")).await;
    assert_eq!(to(&res, &app.address), "/admin/classification#c-service-trygghetslarm");
    let (_, page) = body(&sofia, "/admin/classification").await;
    assert!(page.contains("hör hemma i ett särskilt system"), "the owner is told");
    assert_eq!(app.store.service_classification("trygghetslarm").await.unwrap().numbers(), (3, 2, 3), "unchanged");
    let res = post(&sofia, &csrf, "/admin/classification", &form("2")).await;
    assert_eq!(to(&res, &app.address), "/admin/classification?saved=classification#c-service-trygghetslarm");
    assert_eq!(app.store.service_classification("trygghetslarm").await.unwrap().numbers(), (2, 2, 4));
    // Per owns MF's and TILL's e-services, not SOF's; the contact centre sees no classification.
    let (per, per_csrf) = as_user(&app, "per").await;
    assert_eq!(post(&per, &per_csrf, "/admin/classification", &form("1")).await.status(), 403);
    let (lena, _) = as_user(&app, "lena").await;
    assert_eq!(body(&lena, "/admin/classification").await.0, 403);
    let entries = audit(
        &app,
        AuditFilter {
            object_type: Some("classification".into()),
            object_id: Some("service:trygghetslarm".into()),
            ..Default::default()
        },
    )
    .await;
    assert!(entries.len() >= 3, "the refusal, the change and Per's refusal are in the audit trail: {entries:?}");
}

async fn a_burst_is_refused_with_retry_after_and_the_next_window_passes(backend: Backend) {
    let mut settings = test_settings(backend).await;
    settings.rate_limits.sign_in = 3;
    settings.rate_limits.search = 60;
    settings.rate_limits.submit = 2;
    let app = spawn_app_with(settings).await;
    // Signing in, counted in the database: three a minute, then 429 with Retry-After.
    for _ in 0..3 {
        assert_eq!(app.get("/auth/login?as=staff").send().await.unwrap().status(), 303);
    }
    let res = app.get("/auth/login?as=staff").header("accept-language", "en").send().await.unwrap();
    assert_eq!(res.status(), 429);
    let wait: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    let page = res.text().await.unwrap();
    assert!(page.contains("Too many attempts"), "translated: {page}");
    app.clock.advance(61);
    assert_eq!(app.get("/auth/login?as=staff").send().await.unwrap().status(), 303, "the next minute passes");
    // Searching, counted in memory: a burst of 61 meets the limit.
    let mut refused = None;
    for i in 0..70 {
        let res = app.get(&format!("/services?q=bygglov{i}")).send().await.unwrap();
        if res.status() == 429 {
            refused = Some(res);
            break;
        }
    }
    let res = refused.expect("a burst is refused");
    let wait: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(wait * 1000 + 100)).await;
    assert_eq!(app.get("/services?q=bygglov").send().await.unwrap().status(), 200, "after the wait it passes");
    // A refused form comes back with what was typed, to send again.
    let (sara, csrf) = as_user(&app, "sara").await;
    for _ in 0..2 {
        post(&sara, &csrf, "/incidents", &[("what", "x"), ("personal_data", "no")]).await;
    }
    let res =
        post(&sara, &csrf, "/incidents", &[("what", "Misstänkt nätfiske mot handläggare"), ("personal_data", "no")])
            .await;
    assert_eq!(res.status(), 429);
    let page = res.text().await.unwrap();
    assert!(page.contains("value=\"Misstänkt nätfiske mot handläggare\""), "kept: {page}");
    assert!(page.contains("Skicka igen"));
    let audited = audit(&app, AuditFilter { object_type: Some("rate-limit".into()), ..Default::default() }).await;
    assert!(audited.len() >= 3, "the first refusal of each key and minute is audited: {audited:?}");
}

async fn forwarded_addresses_count_only_from_trusted_proxies(backend: Backend) {
    // The sign-in's audit entry records the client's address; the callback carries headers a
    // client may forge.
    async fn signed_in_from(app: &TestApp) -> Option<String> {
        let user = TestApp {
            client: browser(&app.address),
            address: app.address.clone(),
            store: app.store.clone(),
            clock: app.clock.clone(),
        };
        let steps = user.sign_in_steps_to("staff", "lena", "/my").await;
        let res = user
            .client
            .get(&steps.callback)
            .header("x-forwarded-for", "198.51.100.66")
            .header("forwarded", "for=\"203.0.113.9:4711\";proto=https")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        audit(app, AuditFilter { action: Some(AuditAction::SignIn), ..Default::default() })
            .await
            .first()
            .and_then(|e| e.client_addr.clone())
    }
    // No trusted proxy: the headers are ignored, the peer is the client.
    let app = spawn_app(backend).await;
    assert_eq!(signed_in_from(&app).await.as_deref(), Some("127.0.0.1"), "a forged header is ignored");
    // Behind a trusted proxy (here: this machine), the standard header names the client.
    let mut settings = test_settings(backend).await;
    settings.server.trusted_proxies = "127.0.0.1".into();
    let app = spawn_app_with(settings).await;
    assert_eq!(signed_in_from(&app).await.as_deref(), Some("203.0.113.9"));
}

async fn browsers_report_csp_violations_and_find_the_security_contact(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.get("/").send().await.unwrap();
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("report-uri /csp-reports"), "{csp}");
    assert!(page.headers().get("strict-transport-security").is_none(), "no HSTS over plain HTTP");
    let report = serde_json::json!({"csp-report": {"document-uri": "http://x/my", "effective-directive": "script-src-elem", "blocked-uri": "https://evil.example/x.js"}});
    let res = app
        .client
        .post(app.url("/csp-reports"))
        .header("content-type", "application/csp-report")
        .body(report.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let res = app.client.post(app.url("/csp-reports")).body("not a report").send().await.unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res = app.client.post(app.url("/csp-reports")).body(vec![b'x'; 40_000]).send().await.unwrap();
    assert_eq!(res.status(), 413, "a large body is not read");
    let txt = app.get("/.well-known/security.txt").send().await.unwrap().text().await.unwrap();
    assert!(txt.contains("Contact: mailto:security@") && txt.contains("Expires: "), "{txt}");
    // Over HTTPS (the public URL says so), HSTS.
    let mut settings = test_settings(backend).await;
    settings.auth.public_url = "https://stadsporten.example".into();
    let secure = spawn_app_with(settings).await;
    let res = secure.get("/").send().await.unwrap();
    assert_eq!(res.headers()["strict-transport-security"], "max-age=31536000; includeSubDomains");
}
