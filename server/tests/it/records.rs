//! The register extract (GDPR article 15) through HTTP, on both backends: the page that explains
//! it, the downloads compared with what the database holds about the person, the audit entry, and
//! that nobody gets anyone else's.

use crate::support::{as_user, spawn_app};
use serde_json::Value;
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::audit::AuditAction;

on_both_backends!(
    anna_downloads_everything_held_about_her_and_the_download_is_audited,
    nobody_gets_anyone_elses_extract,
);

async fn anna_downloads_everything_held_about_her_and_the_download_is_audited(backend: Backend) {
    let app = spawn_app(backend).await;
    let anna_id = app.store.user_by_persona("anna").await.unwrap().unwrap().id;
    // Two cases of hers with answers, and a message from the city on one.
    let (first, first_id) = crate::api::file(&app, "SBK", "x1").await;
    let (second, _) = crate::api::file(&app, "MF", "x2").await;
    let samir = app.store.user_by_persona("samir").await.unwrap().unwrap().id;
    app.store.add_message(first_id, samir, false, "Vi behöver en ritning.", &[], app.clock.now()).await.unwrap();
    let (anna, _) = as_user(&app, "anna").await;

    // The page explains what is held, why, how long, and links the downloads.
    let html = anna.get("/my/data").header("accept-language", "en").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("What we know about you"), "{html}");
    assert!(html.contains("article 6(1)(e)"));
    assert!(html.contains("href=\"/my/data/extract.json\"") && html.contains("href=\"/my/data/extract.html\""));
    assert!(html.contains("Ask for a correction"));

    let res = anna.get("/my/data/extract.json").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"registerutdrag-"));
    assert!(res.headers()["cache-control"].to_str().unwrap().contains("no-store"));
    let x: Value = res.json().await.unwrap();

    // Compared with what the database holds about her.
    let cases = app.store.cases_of_applicant(anna_id, app.clock.now()).await.unwrap();
    let listed: Vec<&str> = x["cases"].as_array().unwrap().iter().map(|c| c["number"].as_str().unwrap()).collect();
    assert_eq!(listed.len(), cases.len());
    for c in &cases {
        assert!(listed.contains(&c.case_number.as_str()), "{} in the extract", c.case_number);
    }
    for n in [&first, &second] {
        assert!(listed.contains(&n.as_str()));
    }
    let mine = x["cases"].as_array().unwrap().iter().find(|c| c["number"] == first.as_str()).unwrap();
    assert!(mine["answers"].to_string().contains("Altan x1"), "her answers");
    assert_eq!(mine["messages"][0]["body"], "Vi behöver en ritning.");
    assert_eq!(mine["messages"][0]["from"], "the-city");
    assert!(mine["timeline"].as_array().unwrap().iter().any(|e| e["kind"] == "submitted"));
    let user = app.store.user(anna_id).await.unwrap().unwrap();
    assert_eq!(x["profile"]["name"], user.display_name.as_str());
    assert_eq!(x["profile"]["email"].as_str(), user.email.as_deref());
    assert!(x["profile"]["personal_identity_number"].as_str().unwrap().contains('-'));
    let drafts = app.store.drafts_of_user(anna_id).await.unwrap();
    assert_eq!(x["drafts"].as_array().unwrap().len(), drafts.len());
    let errands = app.store.errands_of_person(anna_id, 1000).await.unwrap();
    assert_eq!(x["errands"].as_array().unwrap().len(), errands.len());
    let lookups = app.store.lookups_of_person(anna_id, 1000).await.unwrap();
    assert_eq!(x["lookups"].as_array().unwrap().len(), lookups.len());
    // Her own sign-in is in the access log, as herself.
    assert!(x["access_log"].as_array().unwrap().iter().any(|a| a["by"] == "self"), "{}", x["access_log"]);

    // The readable copy, in her language, prints on its own.
    let res = anna.get("/my/data/extract.html").header("accept-language", "sv").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let page = res.text().await.unwrap();
    assert!(page.contains("<html lang=\"sv\"") && page.contains("Registerutdrag från Stadsporten"));
    assert!(page.contains(&first) && page.contains("Vi behöver en ritning."));
    assert!(page.contains("@media print"));

    // Each download is an export in the audit trail, with its format.
    let exports = app
        .store
        .audit_entries(
            &AuditFilter {
                action: Some(AuditAction::Export),
                object_type: Some("register-extract".into()),
                ..Default::default()
            },
            10,
            0,
        )
        .await
        .unwrap();
    let formats: Vec<_> = exports.iter().filter_map(|r| r.chained.entry.reason.clone()).collect();
    assert!(formats.contains(&"json".to_owned()) && formats.contains(&"html".to_owned()), "{formats:?}");
    assert!(exports.iter().all(|r| r.chained.entry.actor_id == Some(anna_id)));
}

async fn nobody_gets_anyone_elses_extract(backend: Backend) {
    let app = spawn_app(backend).await;
    let (anna_case, _) = crate::api::file(&app, "SBK", "y1").await;
    // Erik's extract holds nothing of Anna's.
    let (erik, _) = as_user(&app, "erik").await;
    let x: Value = erik.get("/my/data/extract.json").send().await.unwrap().json().await.unwrap();
    assert!(!x.to_string().contains(&anna_case));
    assert!(!x.to_string().contains("Anna Andersson"));
    // Staff have no Mina sidor; nobody signed in is asked to sign in.
    let (sara, _) = as_user(&app, "sara").await;
    assert_eq!(sara.get("/my/data/extract.json").send().await.unwrap().status(), 403);
    assert_eq!(app.get("/my/data/extract.html").send().await.unwrap().status(), 401);
}
