//! Sign-in, sessions and CSRF, through HTTP like a browser without JavaScript, on both backends.

use crate::support::{browser, location, spawn_app, TestApp};
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::audit::{AuditAction, Outcome};

on_both_backends!(
    a_resident_signs_in_with_the_built_in_provider_and_sees_their_own_pages,
    the_session_cookie_is_host_only_secure_and_cycled_at_sign_in,
    a_callback_with_the_wrong_state_is_refused_and_audited,
    a_replayed_code_is_refused,
    a_cancelled_sign_in_says_so,
    thirty_idle_minutes_end_the_session_and_activity_keeps_it,
    twelve_hours_end_the_session_whatever_the_activity,
    signing_out_needs_the_form_token_and_ends_the_session,
    a_cross_site_post_is_refused_with_a_translated_page,
    ending_a_users_sessions_or_disabling_them_signs_them_out,
    a_tampered_cookie_is_simply_signed_out,
    staff_have_no_my_pages_and_the_refusal_is_audited,
    a_representative_acts_only_for_an_organisation_with_a_mandate,
    a_refused_contact_form_comes_back_filled_in_and_a_good_one_is_saved,
    pages_that_need_sign_in_say_so_and_lead_back,
    what_was_typed_survives_a_session_time_out,
);

async fn audit(app: &TestApp, action: AuditAction) -> Vec<stadsporten_db::AuditRow> {
    app.store.audit_entries(&AuditFilter { action: Some(action), ..Default::default() }, 100, 0).await.unwrap()
}

async fn a_resident_signs_in_with_the_built_in_provider_and_sees_their_own_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let to = app.sign_in("anna").await;
    assert_eq!(to, app.url("/my"));
    let res = app.get("/my").header("accept-language", "sv").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("Inloggad som Anna Andersson"), "the session bar names her");
    assert!(html.contains("19850312-9820"), "she sees her own personnummer");
    assert!(html.contains("name=\"csrf\""), "forms carry the token");
    let signed_in = audit(&app, AuditAction::SignIn).await;
    assert_eq!(signed_in.len(), 1);
    let anna = app.store.user_by_persona("anna").await.unwrap().unwrap();
    assert_eq!(signed_in[0].chained.entry.actor_id, Some(anna.id));
    assert_eq!(signed_in[0].chained.entry.outcome, Outcome::Success);
    assert!(signed_in[0].chained.entry.request_id.is_some() && signed_in[0].chained.entry.client_addr.is_some());
}

async fn the_session_cookie_is_host_only_secure_and_cycled_at_sign_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/auth/login?as=resident").send().await.unwrap();
    let before = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("__Host-stadsporten="))
        .expect("a session for the pending sign-in")
        .to_owned();
    for attr in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(before.contains(attr), "{attr} in {before}");
    }
    assert!(!before.contains("Domain="), "host-only");
    // Finish a sign-in in the same browser: the id changes.
    let app2 = TestApp {
        client: app.client.clone(),
        address: app.address.clone(),
        store: app.store.clone(),
        clock: app.clock.clone(),
    };
    let steps = app2.sign_in_steps("resident", "anna").await;
    let res = app.client.get(&steps.callback).send().await.unwrap();
    let after = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("__Host-stadsporten="))
        .expect("a new cookie at sign-in")
        .to_owned();
    let value = |c: &str| c.split(';').next().unwrap().to_owned();
    assert_ne!(value(&before), value(&after), "the session id is cycled at sign-in");
}

async fn a_callback_with_the_wrong_state_is_refused_and_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let steps = app.sign_in_steps("resident", "anna").await;
    let mut url = url::Url::parse(&steps.callback).unwrap();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .into_owned()
        .map(|(k, v)| if k == "state" { (k, "forged".to_owned()) } else { (k, v) })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(pairs);
    let res = app.client.get(url.as_str()).header("accept-language", "en").send().await.unwrap();
    assert_eq!(res.status(), 401);
    let html = res.text().await.unwrap();
    assert!(html.contains("Sign-in failed"), "a translated page");
    let failed = audit(&app, AuditAction::SignInFailed).await;
    assert_eq!(failed[0].chained.entry.reason.as_deref(), Some("state-mismatch"));
    // Still signed out.
    assert_eq!(app.get("/my").send().await.unwrap().status(), 401);
}

async fn a_replayed_code_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = app.sign_in_steps("resident", "anna").await;
    assert_eq!(app.client.get(&first.callback).send().await.unwrap().status(), 303);
    // An attacker who saw the callback URL starts their own sign-in and offers the used code.
    let attacker = TestApp {
        client: browser(&app.address),
        address: app.address.clone(),
        store: app.store.clone(),
        clock: app.clock.clone(),
    };
    let theirs = attacker.sign_in_steps("resident", "erik").await;
    let used_code =
        url::Url::parse(&first.callback).unwrap().query_pairs().find(|(k, _)| k == "code").unwrap().1.into_owned();
    let mut url = url::Url::parse(&theirs.callback).unwrap();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .into_owned()
        .map(|(k, v)| if k == "code" { (k, used_code.clone()) } else { (k, v) })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(pairs);
    let res = attacker.client.get(url.as_str()).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let failed = audit(&app, AuditAction::SignInFailed).await;
    assert_eq!(failed[0].chained.entry.reason.as_deref(), Some("code-refused"));
    // And the same callback twice in one browser finds no sign-in in progress.
    let res = app.client.get(&first.callback).send().await.unwrap();
    assert_eq!(res.status(), 401);
}

async fn a_cancelled_sign_in_says_so(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/auth/login?as=staff").send().await.unwrap();
    let authorize = location(&res, &app.address);
    let mut form: Vec<(String, String)> = url::Url::parse(&authorize).unwrap().query_pairs().into_owned().collect();
    form.push(("cancel".into(), "1".into()));
    let res = app.client.post(app.url("/test-idp/staff/authorize/choose")).form(&form).send().await.unwrap();
    let callback = location(&res, &app.address);
    let res = app.client.get(&callback).header("accept-language", "sv").send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert!(res.text().await.unwrap().contains("Inloggningen avbröts"));
}

async fn thirty_idle_minutes_end_the_session_and_activity_keeps_it(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in("anna").await;
    app.clock.advance(20 * 60);
    assert_eq!(app.get("/auth/extend?to=/my").send().await.unwrap().status(), 303, "stay signed in");
    app.clock.advance(20 * 60);
    assert_eq!(app.get("/my").send().await.unwrap().status(), 200, "40 minutes in, 20 since the last activity");
    app.clock.advance(31 * 60);
    let res = app.get("/my").header("accept-language", "sv").send().await.unwrap();
    assert_eq!(res.status(), 401);
    let html = res.text().await.unwrap();
    assert!(html.contains("inte har varit aktiv"), "the page says why");
    assert!(html.contains("/sign-in?to=%2Fmy"), "and leads back to where they were");
    let expired = audit(&app, AuditAction::SessionExpired).await;
    assert_eq!(expired[0].chained.entry.reason.as_deref(), Some("idle"));
}

async fn twelve_hours_end_the_session_whatever_the_activity(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in("sara").await;
    for _ in 0..(12 * 60 / 25) {
        app.clock.advance(25 * 60);
        assert_eq!(app.get("/").send().await.unwrap().status(), 200);
    }
    app.clock.advance(25 * 60);
    let html = app.get("/").header("accept-language", "en").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("longest time for one sign-in"), "{html}");
    assert!(!html.contains("Signed in as"));
}

async fn signing_out_needs_the_form_token_and_ends_the_session(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in("anna").await;
    let res = app.post_form("/auth/logout", &[("csrf", "wrong")]).send().await.unwrap();
    assert_eq!(res.status(), 403, "a wrong token is refused");
    assert_eq!(app.get("/my").send().await.unwrap().status(), 200, "and changes nothing");
    let token = app.csrf().await;
    let res = app.post_form("/auth/logout", &[("csrf", &token)]).send().await.unwrap();
    assert_eq!(res.status(), 303);
    // The built-in provider offers RP-initiated logout and sends the browser back.
    let provider_logout = location(&res, &app.address);
    assert!(provider_logout.contains("/test-idp/eid/logout?"), "{provider_logout}");
    assert!(!provider_logout.contains("id_token_hint"), "no ID token (it holds the personnummer) in a URL");
    let back = app.client.get(&provider_logout).send().await.unwrap();
    assert_eq!(location(&back, &app.address), app.url("/signed-out"));
    assert_eq!(app.get("/my").send().await.unwrap().status(), 401);
    assert_eq!(audit(&app, AuditAction::SignOut).await.len(), 1);
    let denied = audit(&app, AuditAction::AccessDenied).await;
    assert_eq!(denied[0].chained.entry.reason.as_deref(), Some("csrf-token"));
}

async fn a_cross_site_post_is_refused_with_a_translated_page(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in("anna").await;
    let token = app.csrf().await;
    let res = app
        .post_form("/auth/logout", &[("csrf", &token)])
        .header("origin", "https://evil.example")
        .header("accept-language", "fi")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(res.text().await.unwrap().contains("Pyyntö pysäytettiin"));
    let res =
        app.post_form("/auth/logout", &[("csrf", &token)]).header("sec-fetch-site", "cross-site").send().await.unwrap();
    assert_eq!(res.status(), 403);
    // A server function is guarded the same way.
    let res = app
        .client
        .post(app.url("/api/catalogue/results"))
        .header("origin", "https://evil.example")
        .json(&serde_json::json!({ "query": "" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(app.get("/my").send().await.unwrap().status(), 200, "still signed in");
}

async fn ending_a_users_sessions_or_disabling_them_signs_them_out(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in("omar").await;
    let omar = app.store.user_by_persona("omar").await.unwrap().unwrap();
    assert!(app.get("/").send().await.unwrap().text().await.unwrap().contains("Omar Haddad"));
    app.store.end_sessions(omar.id).await.unwrap();
    let html = app.get("/").header("accept-language", "en").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("ended by the city"), "{html}");
    app.sign_in("omar").await;
    app.store.set_user_disabled(omar.id, true, app.clock.now()).await.unwrap();
    let html = app.get("/").send().await.unwrap().text().await.unwrap();
    assert!(!html.contains("Omar Haddad"));
    // A disabled user cannot sign in again.
    let steps = app.sign_in_steps("staff", "omar").await;
    assert_eq!(app.client.get(&steps.callback).send().await.unwrap().status(), 401);
}

async fn a_tampered_cookie_is_simply_signed_out(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let res = client
        .get(app.url("/"))
        .header("cookie", "__Host-stadsporten=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.forged")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = client.get(app.url("/my")).header("cookie", "__Host-stadsporten=garbage").send().await.unwrap();
    assert_eq!(res.status(), 401);
}

async fn staff_have_no_my_pages_and_the_refusal_is_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.sign_in("sara").await, app.url("/admin/access"), "staff start in their workspace");
    let res = app.get("/my").header("accept-language", "sv").send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert!(res.text().await.unwrap().contains("Du har inte behörighet"));
    let denied = audit(&app, AuditAction::AccessDenied).await;
    assert_eq!(denied[0].chained.entry.reason.as_deref(), Some("use-my-pages"));
    assert_eq!(denied[0].chained.entry.outcome, Outcome::Denied);
}

async fn a_representative_acts_only_for_an_organisation_with_a_mandate(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in("erik").await;
    let token = app.csrf().await;
    let res =
        app.post_form("/api/my/act-for", &[("csrf", &token), ("organisation", "559123-4561")]).send().await.unwrap();
    assert_eq!(res.status(), 302, "{}", res.text().await.unwrap_or_default());
    let html = app.get("/my").header("accept-language", "sv").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("för Linds Krog AB (559123-4561)"), "the session bar shows the organisation");
    let res =
        app.post_form("/api/my/act-for", &[("csrf", &token), ("organisation", "559234-5671")]).send().await.unwrap();
    assert_eq!(res.status(), 403, "no mandate for Solrosen");
    let acts = audit(&app, AuditAction::ActFor).await;
    assert_eq!(acts.len(), 1);
    assert_eq!(acts[0].chained.entry.acting_for, None, "recorded before acting");
    let res =
        app.post_form("/api/my/act-for", &[("csrf", &token), ("organisation", "not-a-number")]).send().await.unwrap();
    assert_eq!(res.status(), 400);
}

async fn a_refused_contact_form_comes_back_filled_in_and_a_good_one_is_saved(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in("anna").await;
    let token = app.csrf().await;
    let res = app
        .post_form("/api/my/contact", &[("csrf", &token), ("phone", "12 ab"), ("lang", "en"), ("channel", "sms")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    let html = app.get("/my").header("accept-language", "sv").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Rätta följande"), "an error summary: {html}");
    assert!(html.contains("Skriv telefonnumret med 7–15 siffror"));
    assert!(html.contains("value=\"12 ab\""), "what she typed is kept");
    let res = app
        .post_form(
            "/api/my/contact",
            &[("csrf", &token), ("phone", "070-123 45 67"), ("lang", "en"), ("channel", "sms")],
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    let anna = app.store.user_by_persona("anna").await.unwrap().unwrap();
    assert_eq!(anna.phone.as_deref(), Some("070-123 45 67"));
    assert_eq!(anna.notify_channel, stadsporten_db::NotifyChannel::Sms);
    let updates = audit(&app, AuditAction::Update).await;
    assert_eq!(updates[0].chained.entry.object_id, Some(anna.id.to_string()));
}

async fn pages_that_need_sign_in_say_so_and_lead_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/my").header("accept-language", "en").send().await.unwrap();
    assert_eq!(res.status(), 401);
    let html = res.text().await.unwrap();
    assert!(html.contains("You need to sign in"));
    assert!(html.contains("/sign-in?to=%2Fmy"));
    let html = app.get("/sign-in?to=%2Fmy").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("/auth/login?as=resident&amp;to=%2Fmy"), "{html}");
    assert!(html.contains("/auth/login?as=staff&amp;to=%2Fmy"));
}

mod against_a_misbehaving_provider {
    //! Each defect in the provider's ID token is refused, shown as a translated page and audited.

    use crate::support::rogue_idp::{self, Defect};
    use crate::support::{spawn_app_with, test_settings};
    use stadsporten_db::{on_both_backends, AuditFilter, Backend};
    use stadsporten_domain::audit::AuditAction;

    async fn sign_in_against(backend: Backend, defect: Defect) -> (u16, String, Option<String>) {
        let issuer = rogue_idp::start(defect).await;
        let mut settings = test_settings(backend).await;
        settings.auth.resident.issuer = issuer;
        let app = spawn_app_with(settings).await;
        let res = app.get("/auth/login?as=resident").send().await.unwrap();
        let authorize = crate::support::location(&res, &app.address);
        let res = app.client.get(&authorize).send().await.unwrap();
        let callback = crate::support::location(&res, &app.address);
        let res = app.client.get(&callback).header("accept-language", "sv").send().await.unwrap();
        let status = res.status().as_u16();
        let html = res.text().await.unwrap();
        let failed = app
            .store
            .audit_entries(&AuditFilter { action: Some(AuditAction::SignInFailed), ..Default::default() }, 10, 0)
            .await
            .unwrap();
        (status, html, failed.first().and_then(|f| f.chained.entry.reason.clone()))
    }

    async fn refused(backend: Backend, defect: Defect, reason: &str) {
        let (status, html, audited) = sign_in_against(backend, defect).await;
        assert_eq!(status, 401, "{defect:?}");
        assert!(html.contains("Inloggningen misslyckades"), "{defect:?}: a translated page");
        assert_eq!(audited.as_deref(), Some(reason), "{defect:?}");
    }

    on_both_backends!(
        a_well_formed_token_signs_in,
        a_token_from_another_issuer_is_refused,
        a_token_for_another_client_is_refused,
        an_expired_token_is_refused,
        a_token_with_the_wrong_nonce_is_refused,
        a_token_signed_with_a_foreign_key_is_refused,
        an_invalid_personnummer_is_refused,
    );

    async fn a_well_formed_token_signs_in(backend: Backend) {
        let (status, _, audited) = sign_in_against(backend, Defect::None).await;
        assert_eq!((status, audited), (303, None), "the control: the same provider without a defect works");
    }
    async fn a_token_from_another_issuer_is_refused(backend: Backend) {
        refused(backend, Defect::WrongIssuer, "wrong-issuer").await;
    }
    async fn a_token_for_another_client_is_refused(backend: Backend) {
        refused(backend, Defect::WrongAudience, "wrong-audience").await;
    }
    async fn an_expired_token_is_refused(backend: Backend) {
        refused(backend, Defect::Expired, "expired-id-token").await;
    }
    async fn a_token_with_the_wrong_nonce_is_refused(backend: Backend) {
        refused(backend, Defect::WrongNonce, "wrong-nonce").await;
    }
    async fn a_token_signed_with_a_foreign_key_is_refused(backend: Backend) {
        refused(backend, Defect::ForeignKey, "bad-signature").await;
    }
    async fn an_invalid_personnummer_is_refused(backend: Backend) {
        refused(backend, Defect::BadPersonnummer, "invalid-personnummer").await;
    }
}

async fn what_was_typed_survives_a_session_time_out(backend: Backend) {
    let app = spawn_app(backend).await;
    app.sign_in("anna").await;
    let token = app.csrf().await;
    app.clock.advance(31 * 60);
    let res = app
        .post_form(
            "/api/my/contact",
            &[("csrf", &token), ("phone", "08-123 456 78"), ("lang", "fi"), ("channel", "portal")],
        )
        .header("referer", app.url("/my"))
        .header("accept-language", "sv")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let html = res.text().await.unwrap();
    assert!(html.contains("inte har varit aktiv"), "says why");
    assert!(html.contains("/sign-in?to=%2Fmy"), "leads back to the form's page");
    // Anna's number is the seeded one (the contact centre's demo), not what was typed.
    assert_eq!(
        app.store.user_by_persona("anna").await.unwrap().unwrap().phone.as_deref(),
        Some("070-174 06 05"),
        "nothing saved signed out"
    );
    assert_eq!(app.sign_in_to("anna", "/my").await, app.url("/my"));
    let html = app.get("/my").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("value=\"08-123 456 78\""), "the typed phone number is back in the form");
    assert!(!html.contains(&token), "the old token is not");
}
