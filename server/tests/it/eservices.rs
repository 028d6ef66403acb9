//! The e-service journeys over HTTP, as a browser without JavaScript makes them, on both backends:
//! a resident applies step by step (errors, branching, a file, check, declaration, submit once),
//! an officer handles the case (queue, take, completion request, decision), the resident answers
//! and sees the decision; definitions are uploaded, refused with reasons, and published.

use crate::support::{as_user, body, input_value, post, spawn_app, to, upload, with_csrf, TestApp};
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::audit::AuditAction;
use stadsporten_domain::ids::CaseId;

on_both_backends!(
    a_resident_applies_step_by_step_and_the_case_is_filed_once,
    an_officer_requests_completion_decides_and_the_resident_sees_it,
    definitions_are_checked_whole_and_new_versions_leave_filed_cases_alone,
    officers_see_only_their_units_and_bulk_assign_and_export_are_audited,
    a_session_that_ends_mid_step_returns_the_resident_to_her_draft,
);

async fn a_session_that_ends_mid_step_returns_the_resident_to_her_draft(backend: Backend) {
    let app = spawn_app(backend).await;
    let (anna, csrf) = as_user(&app, "anna").await;
    let res = post(&anna, &csrf, "/api/apply/start", &[("slug", "skolval")]).await;
    let page = to(&res, &anna.address);
    let token = page.split('/').nth(2).unwrap().to_owned();
    // She types the first step and goes for coffee; the session ends without activity.
    app.clock.advance(31 * 60);
    let res = anna
        .post_form(
            &format!("/forms/{token}/child"),
            &with_csrf(
                &csrf,
                &[
                    ("step", "child"),
                    ("child_name", "Mio Andersson"),
                    ("child_pnr", "20180704-9834"),
                    ("grade", "f"),
                    ("action", "continue"),
                ],
            ),
        )
        .header("referer", anna.url(&page))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!("/sign-in?to={}", stadsporten_domain::catalogue::encode_component(&page))),
        "{html}"
    );
    // After signing in again she is back on the step with what she typed.
    assert_eq!(anna.sign_in_to("anna", &page).await, anna.url(&page));
    let (_, html) = body(&anna, &page).await;
    assert_eq!(input_value(&html, "child_name").as_deref(), Some("Mio Andersson"));
    assert_eq!(input_value(&html, "child_pnr").as_deref(), Some("20180704-9834"));
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// Anna applies for a preschool place to the end; returns her session, token and the case id.
pub(crate) async fn anna_applies(app: &TestApp) -> (TestApp, String, String, CaseId) {
    let (anna, csrf) = as_user(app, "anna").await;
    let res = post(&anna, &csrf, "/api/apply/start", &[("slug", "ansok-om-forskoleplats")]).await;
    assert_eq!(res.status(), 302);
    let first = to(&res, &anna.address);
    let token = first.split('/').nth(2).expect("token").to_owned();
    assert_eq!(first, format!("/apply/{token}/step/child"));
    let step = |s: &str| format!("/forms/{token}/{s}");
    let res = post(
        &anna,
        &csrf,
        &step("child"),
        &[
            ("child_name", "Lo Andersson"),
            ("child_pnr", "20230315-2389"),
            ("other_guardian", "no"),
            ("action", "continue"),
        ],
    )
    .await;
    assert_eq!(
        to(&res, &anna.address),
        format!("/apply/{token}/step/preschools"),
        "no other guardian: that step is skipped"
    );
    let res = post(
        &anna,
        &csrf,
        &step("preschools"),
        &[("preschool_1", "forskolan-ekorren-rinkeby-kista"), ("action", "continue")],
    )
    .await;
    assert_eq!(to(&res, &anna.address), format!("/apply/{token}/step/care"));
    let res = post(
        &anna,
        &csrf,
        &step("care"),
        &[("start_date", "2027-08-16"), ("hours_per_week", "40"), ("care_needs", "support"), ("action", "continue")],
    )
    .await;
    assert_eq!(to(&res, &anna.address), format!("/apply/{token}/step/documents"));
    let res = upload(
        &anna,
        &csrf,
        &format!("/forms/{token}/documents/upload"),
        &[("upload", "support_certificate")],
        Some(("file:support_certificate", "intyg BVC.pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = post(&anna, &csrf, &step("documents"), &[("action", "continue")]).await;
    assert_eq!(to(&res, &anna.address), format!("/apply/{token}/check"));
    let res =
        post(&anna, &csrf, &format!("/forms/{token}/submit"), &[("confirm", "yes"), ("idempotency_key", &token)]).await;
    let receipt = to(&res, &anna.address);
    let id: CaseId = receipt.split('/').nth(3).and_then(|s| s.parse().ok()).expect("case id");
    (anna, csrf, token, id)
}

async fn a_resident_applies_step_by_step_and_the_case_is_filed_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let (anna, csrf) = as_user(&app, "anna").await;
    let (status, html) = body(&anna, "/services/ansok-om-forskoleplats/start").await;
    assert_eq!(status, 200);
    assert!(html.contains("Starta ansökan") && html.contains("30 dagar"), "{html}");
    let res = post(&anna, &csrf, "/api/apply/start", &[("slug", "ansok-om-forskoleplats")]).await;
    let token = to(&res, &anna.address).split('/').nth(2).expect("token").to_owned();
    let step = |s: &str| format!("/forms/{token}/{s}");
    let page = |s: &str| format!("/apply/{token}/step/{s}");

    // A wrong personnummer and a missing choice come back beside their fields, as typed.
    let res = post(
        &anna,
        &csrf,
        &step("child"),
        &[("child_name", "Lo Andersson"), ("child_pnr", "20230315-2387"), ("action", "continue")],
    )
    .await;
    assert_eq!(to(&res, &anna.address), format!("{}#error-summary", page("child")));
    let (_, html) = body(&anna, &page("child")).await;
    assert!(html.contains("error-summary") && html.contains("kontrollera sista siffran"), "{html}");
    assert!(html.contains("Välj ett alternativ"));
    assert_eq!(input_value(&html, "child_pnr").as_deref(), Some("20230315-2387"));
    assert!(html.contains("aria-invalid=\"true\""));
    // Shown once: a reload shows the saved state, not the old errors.
    let (_, again) = body(&anna, &page("child")).await;
    assert!(!again.contains("error-summary"));

    // Valid; a second guardian opens a step of its own.
    let res = post(
        &anna,
        &csrf,
        &step("child"),
        &[
            ("child_name", "Lo Andersson"),
            ("child_pnr", "202303152389"),
            ("other_guardian", "yes"),
            ("action", "continue"),
        ],
    )
    .await;
    assert_eq!(to(&res, &anna.address), page("guardian"));
    let (_, html) = body(&anna, &page("child")).await;
    assert_eq!(input_value(&html, "child_pnr").as_deref(), Some("20230315-2389"), "stored normalised, shown readable");
    let res = post(
        &anna,
        &csrf,
        &step("guardian"),
        &[("guardian_name", "Per Andersson"), ("guardian_email", "per@example"), ("action", "continue")],
    )
    .await;
    assert!(to(&res, &anna.address).ends_with("#error-summary"));
    let res = post(
        &anna,
        &csrf,
        &step("guardian"),
        &[("guardian_name", "Per Andersson"), ("guardian_email", "per@example.se"), ("action", "continue")],
    )
    .await;
    assert_eq!(to(&res, &anna.address), page("preschools"));
    // The same preschool twice is refused.
    let res = post(
        &anna,
        &csrf,
        &step("preschools"),
        &[
            ("preschool_1", "forskolan-ekorren-rinkeby-kista"),
            ("preschool_2", "forskolan-ekorren-rinkeby-kista"),
            ("action", "continue"),
        ],
    )
    .await;
    assert!(to(&res, &anna.address).ends_with("#error-summary"));
    let (_, html) = body(&anna, &page("preschools")).await;
    assert!(html.contains("Välj något annat än i ett tidigare val"));
    let res = post(
        &anna,
        &csrf,
        &step("preschools"),
        &[
            ("preschool_1", "forskolan-ekorren-rinkeby-kista"),
            ("preschool_2", "forskolan-solrosen-rinkeby-kista"),
            ("action", "continue"),
        ],
    )
    .await;
    assert_eq!(to(&res, &anna.address), page("care"));
    // A start date in the past, and "save and continue later" keeps what is valid.
    let res = post(
        &anna,
        &csrf,
        &step("care"),
        &[("start_date", "2020-01-01"), ("hours_per_week", "40"), ("care_needs", "support"), ("action", "continue")],
    )
    .await;
    assert!(to(&res, &anna.address).ends_with("#error-summary"));
    let res = post(
        &anna,
        &csrf,
        &step("care"),
        &[("start_date", "2027-08-16"), ("hours_per_week", ""), ("care_needs", "support"), ("action", "save")],
    )
    .await;
    assert_eq!(to(&res, &anna.address), "/my/cases?saved=draft");
    let (_, html) = body(&anna, "/my/cases").await;
    assert!(html.contains("Ansök om förskoleplats") && html.contains(&format!("/apply/{token}")));
    let res = anna.get(&format!("/apply/{token}")).send().await.unwrap();
    assert_eq!(to(&res, &anna.address), page("care"), "resuming goes where she left off");
    let res = post(
        &anna,
        &csrf,
        &step("care"),
        &[("start_date", "2027-08-16"), ("hours_per_week", "40"), ("care_needs", "support"), ("action", "continue")],
    )
    .await;
    assert_eq!(to(&res, &anna.address), page("documents"));

    // Files: checked by content, not by name; typed values survive an upload.
    let up = format!("/forms/{token}/documents/upload");
    let res = upload(
        &anna,
        &csrf,
        &up,
        &[("upload", "support_certificate")],
        Some(("file:support_certificate", "intyg.pdf", b"MZ\x90\x00 an executable".to_vec())),
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, html) = body(&anna, &page("documents")).await;
    assert!(html.contains("Filen måste vara PDF, JPEG, PNG"), "{html}");
    let res = upload(
        &anna,
        &csrf,
        &up,
        &[("upload", "support_certificate")],
        Some(("file:support_certificate", "C:\\Users\\anna\\intyg BVC.pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, html) = body(&anna, &page("documents")).await;
    assert!(html.contains("intyg BVC.pdf") && !html.contains("Users"), "the name is shown without its path");
    // Too large: refused before the body is read (the test server's limit is 1 MB).
    let big = vec![b'%'; 3 * 1024 * 1024];
    let res = upload(
        &anna,
        &csrf,
        &up,
        &[("upload", "support_certificate")],
        Some(("file:support_certificate", "big.pdf", big)),
    )
    .await;
    assert_eq!(res.status(), 413);
    assert!(res.text().await.unwrap().contains("Filen är för stor"));
    let res = post(&anna, &csrf, &step("documents"), &[("action", "continue")]).await;
    assert_eq!(to(&res, &anna.address), format!("/apply/{token}/check"));

    // Check your answers: labels and readable values, with change links.
    let (_, html) = body(&anna, &format!("/apply/{token}/check")).await;
    for expected in [
        "Kontrollera dina svar",
        "Förskolan Ekorren, Rinkeby-Kista",
        "20230315-2389",
        "intyg BVC.pdf",
        "Behov av särskilt stöd",
    ] {
        assert!(html.contains(expected), "check page lacks {expected}");
    }
    assert!(html.contains(&page("preschools")));
    // The declaration must be ticked.
    let res = post(&anna, &csrf, &format!("/forms/{token}/submit"), &[("idempotency_key", &token)]).await;
    assert_eq!(to(&res, &anna.address), format!("/apply/{token}/declaration#error-summary"));
    let (_, html) = body(&anna, &format!("/apply/{token}/declaration")).await;
    assert!(html.contains("Kryssa i att du intygar"));
    // Submitted three times (a double click and the back button): one case, one receipt.
    let mut receipts = Vec::new();
    for _ in 0..3 {
        let res =
            post(&anna, &csrf, &format!("/forms/{token}/submit"), &[("confirm", "yes"), ("idempotency_key", &token)])
                .await;
        assert_eq!(res.status(), 303);
        receipts.push(to(&res, &anna.address));
    }
    assert!(receipts.windows(2).all(|w| w[0] == w[1]), "{receipts:?}");
    let anna_id = app.store.user_by_persona("anna").await.unwrap().unwrap().id;
    let cases = app.store.cases_of_applicant(anna_id, app.clock.now()).await.unwrap();
    assert_eq!(cases.len(), 1);
    let (status, html) = body(&anna, &receipts[0]).await;
    assert_eq!(status, 200);
    assert!(html.contains(&cases[0].case_number) && cases[0].case_number.starts_with("UTB 20"), "{html}");
    assert!(html.contains("Vad händer nu?") && html.contains("anna.andersson@example.se"));
    // The answers were frozen in the case: the branch's answers kept, the file moved with it.
    let case = app.store.case_record(cases[0].id).await.unwrap().unwrap();
    assert_eq!(case.answers["guardian_name"], stadsporten_domain::eservice::Answer::Text("Per Andersson".into()));
    assert_eq!(app.store.attachments_of_case(case.id).await.unwrap().len(), 1);
    // The draft is gone from "in progress"; posting to it again only shows the receipt.
    let res = post(&anna, &csrf, &step("care"), &[("action", "continue")]).await;
    assert_eq!(to(&res, &anna.address), receipts[0]);
    // Every write was audited, none with the answers.
    let entries =
        app.store.audit_entries(&AuditFilter { actor: Some(anna_id), ..Default::default() }, 200, 0).await.unwrap();
    let kinds: Vec<(String, String)> = entries
        .iter()
        .map(|e| (e.chained.entry.action.slug().to_owned(), e.chained.entry.object_type.clone()))
        .collect();
    for k in [("create", "draft"), ("update", "draft"), ("create", "attachment"), ("create", "case")] {
        assert!(kinds.contains(&(k.0.to_owned(), k.1.to_owned())), "no {k:?} in {kinds:?}");
    }
    assert!(entries.iter().all(|e| !format!("{:?}", e.chained.entry).contains("202303152389")));
    // Someone else's draft does not exist for them.
    let (erik, _) = as_user(&app, "erik").await;
    let (status, _) = body(&erik, &page("child")).await;
    assert_eq!(status, 404);
}

async fn an_officer_requests_completion_decides_and_the_resident_sees_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let (anna, anna_csrf, _token, id) = anna_applies(&app).await;
    let (karin, csrf) = as_user(&app, "karin").await;
    // The queue of UTB shows the case, due in 30 days.
    let (status, html) = body(&karin, "/officer").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/officer/cases/{id}")) && html.contains("Anna Andersson"), "{html}");
    // Sara (MF) does not see it and may not open it.
    let (sara, _) = as_user(&app, "sara").await;
    let (_, html) = body(&sara, "/officer").await;
    assert!(!html.contains(&format!("/officer/cases/{id}")));
    let (status, _) = body(&sara, &format!("/officer/cases/{id}")).await;
    assert_eq!(status, 403);

    let act = |action: &'static str, extra: Vec<(&'static str, String)>| {
        let karin = &karin;
        let csrf = csrf.clone();
        async move {
            let mut form: Vec<(&str, String)> =
                vec![("case_id", id.to_string()), ("action", action.into()), ("csrf", csrf)];
            form.extend(extra);
            let res = karin.client.post(karin.url("/api/officer/act")).form(&form).send().await.expect("act");
            assert_eq!(res.status(), 302, "{action}");
            to(&res, &karin.address)
        }
    };
    let (status, html) = body(&karin, &format!("/officer/cases/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Börja handlägga") && html.contains("intyg BVC.pdf"));
    // Deciding is not possible before starting: the form is not offered, and a forged post is stale.
    assert_eq!(
        act(
            "decide",
            vec![
                ("outcome", "approved".into()),
                ("motivation", "Plats finns på Förskolan Ekorren.".into()),
                ("offer_what", "Förskolan Ekorren".into()),
                ("offer_starts", "2027-08-16".into()),
            ]
        )
        .await,
        format!("/officer/cases/{id}?saved=stale")
    );
    assert_eq!(act("start", vec![]).await, format!("/officer/cases/{id}?saved=start"));
    assert_eq!(
        act("note", vec![("message", "Ringde BVC, intyget stämmer.".into())]).await,
        format!("/officer/cases/{id}?saved=note")
    );
    // A completion request needs a message and a date after today.
    assert_eq!(
        act("request-completion", vec![("message", "Skicka läkarintyget.".into()), ("reply_by", "2020-01-01".into())])
            .await,
        format!("/officer/cases/{id}#completion")
    );
    let reply_by = stadsporten_app::ui::stockholm_date(app.clock.now() + 10 * 86_400);
    assert_eq!(
        act("request-completion", vec![("message", "Skicka läkarintyget.".into()), ("reply_by", reply_by.clone())])
            .await,
        format!("/officer/cases/{id}?saved=request-completion")
    );
    let case = app.store.case_record(id).await.unwrap().unwrap();
    assert_eq!(case.status.slug(), "awaiting-completion");
    assert!(case.paused_since.is_some(), "the clock pauses");

    // Anna sees the request (but never the internal note) and answers with a file.
    let (_, html) = body(&anna, &format!("/my/cases/{id}")).await;
    assert!(html.contains("Skicka läkarintyget.") && html.contains("Vi behöver fler uppgifter från dig"));
    assert!(!html.contains("Ringde BVC"), "internal notes never reach the applicant");
    let res = upload(
        &anna,
        &anna_csrf,
        &format!("/cases/{id}/completion"),
        &[("answer", "Här är intyget.")],
        Some(("file", "lakarintyg.pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(to(&res, &anna.address), format!("/my/cases/{id}?saved=completion"));
    let case = app.store.case_record(id).await.unwrap().unwrap();
    assert_eq!((case.status.slug(), case.paused_since), ("in-progress", None));
    // The officer opens the new file (an audited read).
    let (_, html) = body(&karin, &format!("/officer/cases/{id}")).await;
    let file = html.split("/files/").nth(2).and_then(|s| s.split('"').next()).expect("a second file link").to_owned();
    let res = karin.get(&format!("/files/{file}")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert_eq!(res.bytes().await.unwrap().as_ref(), PDF);

    // A decision needs an outcome and a motivation.
    assert_eq!(
        act("decide", vec![("outcome", "approved".into()), ("motivation", "kort".into())]).await,
        format!("/officer/cases/{id}#decide")
    );
    // A preschool place is an offer: what, and from when, or the decision is refused beside it.
    let motivation = "Lo erbjuds plats på Förskolan Ekorren från 16 augusti.";
    assert_eq!(
        act("decide", vec![("outcome", "approved".into()), ("motivation", motivation.into())]).await,
        format!("/officer/cases/{id}#decide")
    );
    let (_, html) = body(&karin, &format!("/officer/cases/{id}")).await;
    assert!(html.contains("Skriv vad som erbjuds") && html.contains(motivation), "the motivation is kept");
    assert_eq!(
        act(
            "decide",
            vec![
                ("outcome", "approved".into()),
                ("motivation", motivation.into()),
                ("offer_what", "Förskolan Ekorren, avdelning Blå".into()),
                ("offer_starts", "2027-08-16".into()),
            ]
        )
        .await,
        format!("/officer/cases/{id}?saved=decide")
    );
    // The queue keeps the decided case while its offer waits, and says until when.
    let (_, queue) = body(&karin, "/officer").await;
    assert!(queue.contains("Erbjudande väntar på svar senast"), "the offer waits in the queue");
    // Anna reads it (with the template in her language): the offer is below the decision.
    let (_, html) = body(&anna, &format!("/my/cases/{id}")).await;
    assert!(
        html.contains("Ditt barn erbjuds en plats i förskola.") && html.contains("Förskolan Ekorren från 16 augusti")
    );
    assert!(
        html.contains("Förskola och avdelning: Förskolan Ekorren, avdelning Blå") && html.contains("Från 2027-08-16")
    );
    assert!(html.contains("Hur du överklagar"), "the service's appeal instructions");
    let res =
        post(&anna, &anna_csrf, "/api/my/case/offer", &[("case_id", &id.to_string()), ("answer", "accept")]).await;
    assert_eq!(to(&res, &anna.address), format!("/my/cases/{id}?saved=offer-accept"));
    let (_, html) = body(&anna, &format!("/my/cases/{id}?saved=offer-accept")).await;
    assert!(html.contains("Du har tackat ja till erbjudandet.") && html.contains("Tackat ja"));
    assert!(!html.contains("Tacka ja till erbjudandet"), "answered once");
    let res =
        post(&anna, &anna_csrf, "/api/my/case/offer", &[("case_id", &id.to_string()), ("answer", "decline")]).await;
    assert_eq!(to(&res, &anna.address), format!("/my/cases/{id}?saved=offer-closed"));
    let (_, queue) = body(&karin, "/officer").await;
    assert!(!queue.contains("Erbjudande väntar på svar senast"), "answered: out of the queue");
    assert!(html.contains("Beslutad: Bifall") && html.contains("Vad tyckte du?"));
    let (status, html) = body(&anna, &format!("/my/cases/{id}/decision")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Karin Sjöberg"));
    let res = post(
        &anna,
        &anna_csrf,
        "/api/my/case/survey",
        &[("case_id", &id.to_string()), ("stage", "after-decision"), ("score", "9"), ("comment", "")],
    )
    .await;
    assert_eq!(to(&res, &anna.address), format!("/my/cases/{id}#survey"));
    let res = post(
        &anna,
        &anna_csrf,
        "/api/my/case/survey",
        &[
            ("case_id", &id.to_string()),
            ("stage", "after-decision"),
            ("score", "5"),
            ("useful", "7"),
            ("easy", "6"),
            ("comment", "Smidigt"),
        ],
    )
    .await;
    assert_eq!(to(&res, &anna.address), format!("/my/cases/{id}?saved=survey#survey"));
    let answers = app.store.survey_answers("ansok-om-forskoleplats").await.unwrap();
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].answer.umux_lite().map(|u| u.round()), Some(92.0));
    // She can no longer withdraw a decided case.
    let res = post(
        &anna,
        &anna_csrf,
        "/api/my/case/withdraw",
        &[("case_id", &id.to_string()), ("confirm", "yes"), ("reason", "")],
    )
    .await;
    assert_eq!(to(&res, &anna.address), format!("/my/cases/{id}?saved=not-possible"));

    // The whole story is in the audit trail: reads and writes, by whom.
    let entries = app
        .store
        .audit_entries(
            &AuditFilter { object_type: Some("case".into()), object_id: Some(id.to_string()), ..Default::default() },
            200,
            0,
        )
        .await
        .unwrap();
    let actions: Vec<String> = entries
        .iter()
        .map(|e| format!("{}:{}", e.chained.entry.action.slug(), e.chained.entry.reason.clone().unwrap_or_default()))
        .collect();
    for want in [
        "create:submitted ansok-om-forskoleplats",
        "read:",
        "update:start",
        "update:note",
        "update:request-completion",
        "update:complete",
        "update:decide",
    ] {
        assert!(actions.iter().any(|a| a == want), "no {want} in {actions:?}");
    }
    let denied = app
        .store
        .audit_entries(&AuditFilter { action: Some(AuditAction::AccessDenied), ..Default::default() }, 50, 0)
        .await
        .unwrap();
    assert!(denied.iter().any(|e| e.chained.entry.object_id.as_deref() == Some("UTB")), "Sara's attempt is recorded");
    let file_reads = app
        .store
        .audit_entries(
            &AuditFilter {
                object_type: Some("attachment".into()),
                action: Some(AuditAction::Read),
                ..Default::default()
            },
            50,
            0,
        )
        .await
        .unwrap();
    assert_eq!(file_reads.len(), 1);
}

async fn definitions_are_checked_whole_and_new_versions_leave_filed_cases_alone(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_anna, _, _, id) = anna_applies(&app).await;
    let (admin, csrf) = as_user(&app, "admin").await;
    let v1 = stadsporten_db::SEED_DEFINITIONS[0].1;
    // Two problems at once, each named where it is.
    let broken = v1.replace("version = 4", "version = 5").replace("type = \"personnummer\"", "type = \"personnumber\"");
    let res = upload(&admin, &csrf, "/admin/services/upload", &[("source", &broken)], None).await;
    assert_eq!(to(&res, &admin.address), "/admin/services#error-summary");
    let (_, html) = body(&admin, "/admin/services").await;
    assert!(html.contains("Filen kunde inte läsas") && html.contains("personnumber"), "{html}");
    assert!(html.contains("version = 5"), "the source is kept for fixing");
    let broken = v1
        .replace("version = 4", "version = 5")
        .replace(
            "title = { sv = \"Barnet\", en = \"The child\", fi = \"Lapsi\", ar = \"الطفل\" }",
            "title = { sv = \"Barnet\", fi = \"Lapsi\", ar = \"الطفل\" }",
        )
        .replace("field = \"other_guardian\"", "field = \"other_parent\"");
    upload(&admin, &csrf, "/admin/services/upload", &[("source", &broken)], None).await;
    let (_, html) = body(&admin, "/admin/services").await;
    assert!(html.contains("steps[child].title") && html.contains("Översättning saknas på en"), "{html}");
    assert!(html.contains("Fältet other_parent finns inte"));
    // Uploading the published (seeded) version again is refused as a change to it.
    let res = upload(&admin, &csrf, "/admin/services/upload", &[("source", v1)], None).await;
    assert_eq!(to(&res, &admin.address), "/admin/services#error-summary");
    let (_, html) = body(&admin, "/admin/services").await;
    assert!(html.contains("Version 4 är redan publicerad"));
    // A valid next version with a shorter handling time: a draft, previewed, then published.
    let v2 = v1.replace("version = 4", "version = 5").replace("handling_days = 30", "handling_days = 21");
    let res =
        upload(&admin, &csrf, "/admin/services/upload", &[], Some(("definition", "forskola.toml", v2.into_bytes())))
            .await;
    let preview = to(&res, &admin.address);
    assert!(preview.ends_with("?saved=uploaded"), "{preview}");
    let (_, html) = body(&admin, &preview).await;
    assert!(html.contains("Barnets personnummer") && html.contains("Publicera den här versionen"));
    let (_, start) = body(&admin, "/services/ansok-om-forskoleplats/start").await;
    assert!(start.contains("30 dagar"), "a draft version is not live");
    let def_id: i64 = preview.split('/').nth(3).and_then(|s| s.split('?').next()).and_then(|s| s.parse().ok()).unwrap();
    let res = post(&admin, &csrf, "/api/admin/services/publish", &[("id", &def_id.to_string())]).await;
    assert_eq!(res.status(), 302);
    let (_, start) = body(&admin, "/services/ansok-om-forskoleplats/start").await;
    assert!(start.contains("21 dagar"));
    let case = app.store.case_record(id).await.unwrap().unwrap();
    assert_eq!(case.handling_days, 30, "the filed case keeps its version's promise");
    // Per manages MF and TILL, not UTB: he may look, not publish.
    let (per, per_csrf) = as_user(&app, "per").await;
    assert_eq!(body(&per, "/admin/services").await.0, 200);
    let res = post(&per, &per_csrf, "/api/admin/services/publish", &[("id", &def_id.to_string())]).await;
    assert_eq!(res.status(), 403);
}

async fn officers_see_only_their_units_and_bulk_assign_and_export_are_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, _, _, first) = anna_applies(&app).await;
    let (_, _, _, second) = anna_applies(&app).await;
    let (karin, csrf) = as_user(&app, "karin").await;
    let karin_id = app.store.user_by_persona("karin").await.unwrap().unwrap().id;
    let res = karin
        .client
        .post(karin.url("/officer/assign"))
        .form(&[
            ("case", first.to_string()),
            ("case", second.to_string()),
            ("to", "me".into()),
            ("back", "sort=number".into()),
            ("csrf", csrf.clone()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(to(&res, &karin.address), "/officer?sort=number&assigned=2");
    let (_, html) = body(&karin, "/officer?assignee=me&sort=number").await;
    assert!(html.contains("2 ärenden"), "{html}");
    let (_, html) = body(&karin, "/officer?assignee=nobody&service=ansok-om-forskoleplats").await;
    assert!(html.contains("Inga ärenden matchar urvalet."));
    let (status, _) = body(&karin, "/officer?status=nonsense").await;
    assert_eq!(status, 400, "a hand-made filter is a bad request, not a 500");
    let res = karin.get("/officer/export.csv?assignee=me").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.contains("\"Anna Andersson\"") && !csv.contains("19850312"), "names, never personnummer");
    let exports = app
        .store
        .audit_entries(
            &AuditFilter { actor: Some(karin_id), action: Some(AuditAction::Export), ..Default::default() },
            10,
            0,
        )
        .await
        .unwrap();
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0].chained.entry.reason.as_deref(), Some("assignee=me"));
}
