//! The single window over HTTP, as a browser without JavaScript uses it, on both backends: a
//! restaurant owner files one application for five permits (shared facts once, one floor plan for
//! two permits, one submission), the cases reach four units' queues and a referral goes to the
//! Police, each officer decides (the serving licence waits for the food registration), the
//! coordinator records the Police's answer, and the one status page reaches "all decided". Who
//! may see what, bad input and the audit trail along the way.

use crate::support::{as_user, body, post, spawn_app, to, upload, TestApp};
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::ids::{BundleId, CaseId, DraftToken};

on_both_backends!(
    a_restaurant_files_one_application_and_follows_one_status_to_all_decided,
    a_company_without_a_mandate_is_refused_and_strangers_see_nothing,
    a_submitted_bundles_draft_pages_lead_to_its_status_page,
);

const RESTAURANT: &str = "activity=restaurant&district=sodermalm&address=G%C3%B6tgatan%2012&food=yes&alcohol=yes\
    &alcohol_until=0100&outdoor_seating=yes&sign=yes&flammable=no&music=background&tobacco=no";
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const LINDS_KROG: &str = "559123-4561";

fn unescape(s: &str) -> String {
    s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#x27;", "'").replace("&#39;", "'")
}

/// The links of a page that start with `prefix`, in order.
fn links(html: &str, prefix: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| h.starts_with(prefix))
        .map(unescape)
        .collect()
}

/// The guide's canonical query for the restaurant, as the result page sends it.
async fn guide_query(user: &TestApp) -> String {
    let (status, html) = body(user, &format!("/business?{RESTAURANT}")).await;
    assert_eq!(status, 200);
    let at = html.find("name=\"query\"").expect("the result offers one application");
    let tag = &html[html[..at].rfind('<').unwrap()..at + html[at..].find('>').unwrap()];
    unescape(tag.split("value=\"").nth(1).unwrap().split('"').next().unwrap())
}

/// Erik starts, fills in and submits the restaurant's bundle; returns his session, the bundle id
/// and the draft's token.
async fn erik_applies(app: &TestApp) -> (TestApp, String, BundleId, String) {
    let (erik, csrf) = as_user(app, "erik").await;
    let query = guide_query(&erik).await;
    let (_, guide) = body(&erik, &format!("/business?{RESTAURANT}")).await;
    assert!(guide.contains("Linds Krog AB (559123-4561)"), "his organisation is offered");
    let res = post(&erik, &csrf, "/api/business/apply/start", &[("query", &query), ("organisation", LINDS_KROG)]).await;
    assert_eq!(res.status(), 302);
    let home = to(&res, &erik.address);
    let token = home.trim_start_matches("/business/apply/").to_owned();
    assert_eq!(token.len(), 64, "{home}");
    // The guide now offers to continue it.
    let (_, guide) = body(&erik, &format!("/business?{RESTAURANT}")).await;
    assert!(guide.contains(&home), "the begun application is offered again");

    // The task list: shared details, the five permits, documents; nothing done yet.
    let (status, html) = body(&erik, &home).await;
    assert_eq!(status, 200);
    for permit in [
        "Registrering av livsmedelsanläggning",
        "Serveringstillstånd",
        "Uteservering på offentlig plats",
        "Polistillstånd att använda offentlig plats",
        "Skyltlov",
    ] {
        assert!(html.contains(permit), "{permit} in the task list");
    }
    assert!(html.contains("0 av 7 delar klara"), "{html}");
    assert!(!html.contains(&format!("/business/apply/{token}/check")), "not ready to check");

    // Shared facts: refused when empty, each error beside its field.
    let facts = format!("/business/forms/{token}/facts");
    let res = post(&erik, &csrf, &facts, &[("premises_address.street", "Götgatan 12")]).await;
    assert_eq!(to(&res, &erik.address), format!("/business/apply/{token}/facts#error-summary"));
    let (_, html) = body(&erik, &format!("/business/apply/{token}/facts")).await;
    assert!(html.contains("error-summary") && html.contains("value=\"Götgatan 12\""), "typed text is kept");
    let opening = stadsporten_domain::date::Date::from_day_number(app.clock.now() / 86_400 + 60).unwrap().to_string();
    let res = post(
        &erik,
        &csrf,
        &facts,
        &[
            ("premises_address.street", "Götgatan 12"),
            ("premises_address.postcode", "116 46"),
            ("premises_address.city", "Stockholm"),
            ("opening_date", &opening),
            ("contact_phone", "070-123 45 67"),
            ("opening_hours", "mån–sön 11–01"),
        ],
    )
    .await;
    assert_eq!(to(&res, &erik.address), format!("{home}?saved=facts"));

    // Each permit's own questions: the form runner's steps without the shared ones.
    let (_, html) = body(&erik, &home).await;
    let steps: Vec<String> = links(&html, "/apply/");
    assert_eq!(steps.len(), 5, "{steps:?}");
    let period_from =
        stadsporten_domain::date::Date::from_day_number(app.clock.now() / 86_400 + 70).unwrap().to_string();
    let period_until =
        stadsporten_domain::date::Date::from_day_number(app.clock.now() / 86_400 + 250).unwrap().to_string();
    for step in &steps {
        let (status, page) = body(&erik, step).await;
        assert_eq!(status, 200, "{step}");
        assert!(!page.contains("name=\"premises_address.street\""), "the shared address is not asked again: {step}");
        assert!(!page.contains("name=\"file:floor_plan\""), "documents are uploaded once: {step}");
        let part = step.split('/').nth(2).unwrap();
        let id = step.rsplit('/').next().unwrap();
        let answers: Vec<(&str, &str)> = match id {
            "food" => vec![("handling", "cooking"), ("portions", "120"), ("water", "municipal")],
            "serving" => vec![("serving_hours", "11-01"), ("guests", "60"), ("responsible_person", "Erik Lind")],
            "seating" => vec![("area_m2", "20"), ("season", "summer"), ("furniture", "tables")],
            "place" => vec![
                ("place_description", "Trottoaren utanför Götgatan 12, 2 x 10 meter"),
                ("period_from", &period_from),
                ("period_until", &period_until),
            ],
            "sign" => vec![("sign_kind", "flat"), ("size", "2 x 0,5 m")],
            other => panic!("unexpected step {other}"),
        };
        let mut form = answers.clone();
        form.push(("action", "continue"));
        let res = post(&erik, &csrf, &format!("/forms/{part}/{id}"), &form).await;
        assert_eq!(to(&res, &erik.address), format!("{home}?saved=part"), "{step}");
    }
    // The shared facts reached every permit's own answers.
    let bundle_draft = app.store.bundle_draft(&DraftToken::new(token.clone())).await.unwrap().unwrap();
    for d in app.store.bundle_draft_parts(bundle_draft.id).await.unwrap() {
        assert!(d.answers.contains_key("premises_address"), "{:?}", d.permit_key);
    }

    // Documents, each once: a wrong type is refused beside it, the floor plan serves two permits.
    let documents = format!("/business/apply/{token}/documents");
    let (_, html) = body(&erik, &documents).await;
    assert!(html.contains("Planritning över lokalen"), "{html}");
    let upload_to = format!("/business/forms/{token}/documents/upload");
    let res = upload(
        &erik,
        &csrf,
        &upload_to,
        &[("document", "lease")],
        Some(("file:lease", "hyresavtal.txt", b"just text".to_vec())),
    )
    .await;
    assert_eq!(to(&res, &erik.address), format!("{documents}#doc-lease"));
    let (_, html) = body(&erik, &documents).await;
    assert!(html.contains("field has-error document"), "the refusal is shown beside the lease");
    for key in ["floor-plan", "menu", "lease", "site-plan", "sign-drawing"] {
        let res = upload(
            &erik,
            &csrf,
            &upload_to,
            &[("document", key)],
            Some((&format!("file:{key}"), &format!("{key}.pdf"), PDF.to_vec())),
        )
        .await;
        assert_eq!(to(&res, &erik.address), format!("{documents}#doc-{key}"), "{key}");
    }
    let listed = app.store.bundle_documents(bundle_draft.id).await.unwrap();
    assert_eq!(listed.len(), 5, "one upload per document");

    // Check: everything complete; the declaration must be confirmed; one submission.
    let check = format!("/business/apply/{token}/check");
    let (status, html) = body(&erik, &check).await;
    assert_eq!(status, 200);
    assert!(!html.contains("id=\"incomplete\""), "{html}");
    assert!(html.contains("Götgatan 12") && html.contains("Erik Lind"));
    let submit = format!("/business/forms/{token}/submit");
    let res = post(&erik, &csrf, &submit, &[("idempotency_key", &token)]).await;
    assert_eq!(to(&res, &erik.address), format!("{check}#error-summary"));
    let res = post(&erik, &csrf, &submit, &[("idempotency_key", &token), ("confirm", "yes")]).await;
    let status_page = to(&res, &erik.address);
    assert!(status_page.starts_with("/my/business/") && status_page.ends_with("?saved=submitted"), "{status_page}");
    let id: BundleId = status_page.trim_start_matches("/my/business/").split('?').next().unwrap().parse().unwrap();
    // A double click files nothing more: it lands on the same bundle.
    let res = post(&erik, &csrf, &submit, &[("idempotency_key", &token), ("confirm", "yes")]).await;
    assert_eq!(to(&res, &erik.address), format!("/my/business/{id}"));
    assert_eq!(app.store.bundles_of_applicant(bundle_draft.user_id).await.unwrap().len(), 1);
    (erik, csrf, id, token)
}

async fn officer_act(user: &TestApp, csrf: &str, case_id: CaseId, action: &str, extra: &[(&str, &str)]) -> String {
    let mut form: Vec<(&str, &str)> = vec![("action", action)];
    let case = case_id.to_string();
    form.push(("case_id", &case));
    form.extend_from_slice(extra);
    let res = post(user, csrf, "/api/officer/act", &form).await;
    assert_eq!(res.status(), 302, "{action}");
    to(&res, &user.address)
}

async fn a_restaurant_files_one_application_and_follows_one_status_to_all_decided(backend: Backend) {
    let app = spawn_app(backend).await;
    let (erik, erik_csrf, id, _) = erik_applies(&app).await;
    let parts = app.store.bundle_parts(id, app.clock.now()).await.unwrap();
    let units: Vec<&str> = parts.iter().map(|p| p.unit_code.as_str()).collect();
    assert_eq!(units, ["MF", "TILL", "TK", "FL", "SBK"]);
    // The floor plan is in both the food registration's and the serving licence's case.
    for p in &parts[..2] {
        let files = app.store.attachments_of_case(p.case_id).await.unwrap();
        assert!(files.iter().any(|f| f.file_name == "floor-plan.pdf"), "{}", p.permit_key);
    }
    // One receipt to Erik, and the referral to the Police's registry.
    let outbox = app.store.outbox(100).await.unwrap();
    assert_eq!(outbox.iter().filter(|o| o.event == "bundle-receipt").count(), 1);
    let referral = outbox.iter().find(|o| o.event == "referral").expect("a referral to the Police");
    assert_eq!(referral.recipient, "tillstand.stockholm@polisen.example.se");

    // One status page: five permits, nothing decided, the licence waiting for the food registration.
    let page = format!("/my/business/{id}");
    let (status, html) = body(&erik, &page).await;
    assert_eq!(status, 200);
    assert!(html.contains("0 av 5 tillstånd beslutade"), "{html}");
    assert!(html.contains("Väntar på: Registrering av livsmedelsanläggning"));
    assert!(html.contains("Fia Ström"), "the named coordinator");
    assert!(html.contains("Polisen (via företagslotsen)"));

    // Each unit finds its case in its queue.
    for (persona, p) in [("sara", &parts[0]), ("omar", &parts[1]), ("tove", &parts[2]), ("samir", &parts[4])] {
        let (officer, _) = as_user(&app, persona).await;
        let (_, queue) = body(&officer, "/officer").await;
        assert!(queue.contains(&format!("/officer/cases/{}", p.case_id)), "{persona}'s queue");
    }

    // The serving licence cannot be granted before the food registration.
    let (omar, omar_csrf) = as_user(&app, "omar").await;
    let licence = parts[1].case_id;
    officer_act(&omar, &omar_csrf, licence, "start", &[]).await;
    let decide = [("outcome", "approved"), ("motivation", "Lämplig sökande och lokal.")];
    let back = officer_act(&omar, &omar_csrf, licence, "decide", &decide).await;
    assert!(back.ends_with("#decide"), "{back}");
    let (_, html) = body(&omar, &format!("/officer/cases/{licence}")).await;
    assert!(html.contains("väntar på ett annat tillstånd"), "the refusal is explained");
    assert!(html.contains(&format!("/officer/bundles/{id}")), "the case shows its bundle");

    // Each officer decides; the licence after the food registration.
    let (sara, sara_csrf) = as_user(&app, "sara").await;
    officer_act(&sara, &sara_csrf, parts[0].case_id, "start", &[]).await;
    let ok = officer_act(
        &sara,
        &sara_csrf,
        parts[0].case_id,
        "decide",
        &[("outcome", "approved"), ("motivation", "Registreringen är klar.")],
    )
    .await;
    assert!(ok.contains("saved=decide"), "{ok}");
    let ok = officer_act(&omar, &omar_csrf, licence, "decide", &decide).await;
    assert!(ok.contains("saved=decide"), "{ok}");
    for (persona, p) in [("tove", &parts[2]), ("samir", &parts[4])] {
        let (officer, csrf) = as_user(&app, persona).await;
        officer_act(&officer, &csrf, p.case_id, "start", &[]).await;
        officer_act(
            &officer,
            &csrf,
            p.case_id,
            "decide",
            &[("outcome", "approved"), ("motivation", "Beviljas enligt ansökan.")],
        )
        .await;
    }
    let (_, html) = body(&erik, &page).await;
    assert!(html.contains("4 av 5 tillstånd beslutade"), "{html}");

    // The coordinator sees every part, writes for all units and records the Police's answer.
    let (fia, fia_csrf) = as_user(&app, "fia").await;
    let (status, html) = body(&fia, "/officer/bundles").await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/officer/bundles/{id}")) && html.contains("Linds Krog AB"));
    let res = post(&fia, &fia_csrf, "/api/business/message", &[("bundle_id", &id.to_string()), ("body", "")]).await;
    assert!(to(&res, &fia.address).ends_with("#message-form"), "an empty message is refused");
    let res = post(
        &fia,
        &fia_csrf,
        "/api/business/message",
        &[("bundle_id", &id.to_string()), ("body", "Hej Erik! Polisen har fått er ansökan.")],
    )
    .await;
    assert!(to(&res, &fia.address).contains("saved=message"));
    let police = parts[3].case_id.to_string();
    let res = post(
        &fia,
        &fia_csrf,
        "/api/officer/bundle/referral",
        &[
            ("bundle_id", &id.to_string()),
            ("case_id", &police),
            ("outcome", "approved"),
            ("motivation", "Polisens beslut A-123/2026"),
        ],
    )
    .await;
    assert!(to(&res, &fia.address).contains("saved=referral"), "{}", to(&res, &fia.address));

    // All decided, decisions collected, one inbox.
    let (_, html) = body(&erik, &page).await;
    assert!(html.contains("Alla tillstånd är beslutade"), "{html}");
    assert_eq!(links(&html, "/my/cases/").iter().filter(|l| l.ends_with("/decision")).count(), 5);
    assert!(html.contains("Polisen har fått er ansökan"));
    let res = post(
        &erik,
        &erik_csrf,
        "/api/business/message",
        &[("bundle_id", &id.to_string()), ("body", "Tack för hjälpen!")],
    )
    .await;
    assert!(to(&res, &erik.address).contains("saved=message"));
    let (_, html) = body(&fia, &format!("/officer/bundles/{id}")).await;
    assert!(html.contains("Tack för hjälpen!"));
    assert!(html.contains("Alla tillstånd är beslutade"));
    // The combined timeline: each part's own steps, labelled with its permit.
    assert!(html.contains("Serveringstillstånd: Handläggningen började"), "{html}");
    // One inbox: a unit's message in its case reaches the entrepreneur's bundle page, labelled.
    let res = upload(
        &omar,
        &omar_csrf,
        &format!("/cases/{licence}/messages"),
        &[("body", "Välkommen på kunskapsprov den 3 mars.")],
        None,
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, html) = body(&erik, &page).await;
    assert!(html.contains("Välkommen på kunskapsprov den 3 mars."), "{html}");
    assert!(html.contains("Stockholms stad – Serveringstillstånd"));

    // Every step in the audit trail, without the answers.
    let entries = app.store.audit_entries(&AuditFilter::default(), 500, 0).await.unwrap();
    let kinds: Vec<(String, String)> = entries
        .iter()
        .map(|e| (e.chained.entry.action.slug().to_owned(), e.chained.entry.object_type.clone()))
        .collect();
    for k in [
        ("create", "bundle-draft"),
        ("update", "bundle-draft"),
        ("update", "draft"),
        ("create", "attachment"),
        ("create", "bundle"),
        ("read", "bundle"),
        ("create", "bundle-message"),
        ("update", "case"),
    ] {
        assert!(kinds.contains(&(k.0.to_owned(), k.1.to_owned())), "no {k:?} in the audit trail");
    }
    assert!(entries.iter().all(|e| !format!("{:?}", e.chained.entry).contains("070-123 45 67")));
}

async fn a_company_without_a_mandate_is_refused_and_strangers_see_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    // Not signed in: the result says how to apply at all.
    let (_, html) = app.page(&format!("/business?{RESTAURANT}"), "sv").await;
    assert!(html.contains("Logga in för att ansöka"));
    // Anna holds no mandate: told plainly, no form.
    let (anna, anna_csrf) = as_user(&app, "anna").await;
    let (_, html) = body(&anna, &format!("/business?{RESTAURANT}")).await;
    assert!(html.contains("Du saknar behörighet för något företag"), "{html}");
    let query = guide_query(&erik_session(&app).await).await;
    // Erik names a company he does not represent: refused beside the choice, nothing created.
    let (erik, csrf) = as_user(&app, "erik").await;
    let res =
        post(&erik, &csrf, "/api/business/apply/start", &[("query", &query), ("organisation", "559234-5671")]).await;
    assert!(to(&res, &erik.address).ends_with("#apply-all"));
    let (_, html) = body(&erik, &format!("/business?{RESTAURANT}")).await;
    assert!(html.contains("Du är inte behörig att företräda det företaget"), "{html}");
    assert!(app
        .store
        .bundle_drafts_of_user(app.store.user_by_persona("erik").await.unwrap().unwrap().id)
        .await
        .unwrap()
        .is_empty());
    // Answers that are not a result start nothing: back to the guide.
    let res = post(
        &erik,
        &csrf,
        "/api/business/apply/start",
        &[("query", "activity=restaurant"), ("organisation", LINDS_KROG)],
    )
    .await;
    assert_eq!(to(&res, &erik.address), "/business?activity=restaurant");

    let (erik, _, id, _) = erik_applies(&app).await;
    let parts = app.store.bundle_parts(id, app.clock.now()).await.unwrap();
    // Anna cannot open Erik's bundle or its draft; officers of uninvolved units get "not found".
    let (status, _) = body(&anna, &format!("/my/business/{id}")).await;
    assert_eq!(status, 404);
    let res =
        post(&anna, &anna_csrf, "/api/business/message", &[("bundle_id", &id.to_string()), ("body", "Hej")]).await;
    assert_eq!(res.status(), 404);
    let (karin, _) = as_user(&app, "karin").await;
    let (status, _) = body(&karin, &format!("/officer/bundles/{id}")).await;
    assert_eq!(status, 404);
    // Tove (TK) sees the bundle from her unit's side: her case opens, the others only as status.
    let (tove, tove_csrf) = as_user(&app, "tove").await;
    let (status, html) = body(&tove, &format!("/officer/bundles/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("/officer/cases/{}", parts[2].case_id)));
    assert!(!html.contains(&format!("/officer/cases/{}", parts[0].case_id)), "not MF's case");
    // She asks the Environment and Health Administration for a statement; Sara answers it.
    let due = stadsporten_domain::date::Date::from_day_number(app.clock.now() / 86_400 + 10).unwrap().to_string();
    let form = [
        ("bundle_id", id.to_string()),
        ("case_id", parts[2].case_id.to_string()),
        ("to_unit", "MF".to_owned()),
        ("question", "Påverkar uteserveringen köksventilationen?".to_owned()),
        ("due_date", due.clone()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut past = form.clone();
    past[4] = ("due_date", "2020-01-01");
    let res = post(&tove, &tove_csrf, "/api/officer/bundle/statement", &past).await;
    assert!(to(&res, &tove.address).ends_with("#statement-form"), "a due date in the past is refused");
    let res = post(&tove, &tove_csrf, "/api/officer/bundle/statement", &form).await;
    assert!(to(&res, &tove.address).contains("saved=statement"));
    let (sara, sara_csrf) = as_user(&app, "sara").await;
    let (_, html) = body(&sara, "/officer/bundles").await;
    assert!(html.contains("Påverkar uteserveringen köksventilationen?"), "the request reaches MF");
    let request = app.store.statements_to_unit("MF").await.unwrap()[0].id.to_string();
    let res = post(
        &sara,
        &sara_csrf,
        "/api/officer/bundle/statement-answer",
        &[("bundle_id", &id.to_string()), ("id", &request), ("answer", "Nej, ingen påverkan.")],
    )
    .await;
    assert!(to(&res, &sara.address).contains("saved=statement-answer"));
    // Statements are the city's: the entrepreneur's page does not show them.
    let (_, html) = body(&erik, &format!("/my/business/{id}")).await;
    assert!(!html.contains("köksventilationen"));
    // Tove may not answer for MF, nor ask for a statement on MF's case.
    let res = post(
        &tove,
        &tove_csrf,
        "/api/officer/bundle/statement-answer",
        &[("bundle_id", &id.to_string()), ("id", &request), ("answer", "Jag svarar")],
    )
    .await;
    assert_eq!(res.status(), 404);
    let mut foreign = form.clone();
    let mf_case = parts[0].case_id.to_string();
    foreign[1] = ("case_id", &mf_case);
    foreign[2] = ("to_unit", "TK");
    let res = post(&tove, &tove_csrf, "/api/officer/bundle/statement", &foreign).await;
    assert_eq!(res.status(), 404);
}

async fn erik_session(app: &TestApp) -> TestApp {
    as_user(app, "erik").await.0
}

async fn a_submitted_bundles_draft_pages_lead_to_its_status_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let (erik, csrf, id, token) = erik_applies(&app).await;
    // A permit's own check page is the bundle's, which is now its status page.
    let draft = app.store.bundle_draft(&DraftToken::new(token.clone())).await.unwrap().expect("the bundle draft");
    let part = app.store.bundle_draft_parts(draft.id).await.unwrap().into_iter().next().expect("a part");
    let res = erik.get(&format!("/apply/{}/check", part.token)).send().await.unwrap();
    assert_eq!(res.status(), 302, "a part's check page: one outcome, the redirect");
    assert_eq!(to(&res, &erik.address), format!("/business/apply/{token}/check"));
    for page in ["", "/facts", "/documents", "/check"] {
        let res = erik.get(&format!("/business/apply/{token}{page}")).send().await.unwrap();
        assert_eq!(res.status(), 302, "/business/apply/{{token}}{page}: one outcome, the redirect");
        assert_eq!(to(&res, &erik.address), format!("/my/business/{id}"), "{page}");
    }
    // Discarding it from a stale tab discards nothing and shows where it went.
    let res = post(&erik, &csrf, "/api/business/apply/discard", &[("token", &token)]).await;
    assert_eq!(res.status(), 302);
    assert_eq!(to(&res, &erik.address), format!("/my/business/{id}"));
    assert_eq!(body(&erik, &format!("/my/business/{id}")).await.0, 200, "the bundle is still there");
}
