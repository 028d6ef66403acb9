//! The API for the city's other systems (`/api/v1`), through HTTP like a unit's case system, on
//! both backends: client credentials, scopes, cursors that never skip or repeat, ETags, problem
//! documents, the audit trail under the client's name, and the OpenAPI document.

use crate::support::{spawn_app, TestApp, DEMO_API_SECRET};
use base64::Engine as _;
use serde_json::Value;
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::ids::DraftToken;

on_both_backends!(
    a_units_system_follows_its_cases_with_a_token,
    a_token_is_refused_unless_the_client_and_its_scopes_allow_it,
    bad_parameters_are_named_and_nothing_leaks,
    the_catalogue_and_the_document_are_served,
    schemathesis_finds_no_server_error_and_no_schema_violation,
);

const CLIENT: &str = "demo-sbk";

/// A displayed case number's form in API paths (`SBK 2026/00001` → `SBK-2026-00001`).
pub(crate) fn path(number: &str) -> String {
    number.replace([' ', '/'], "-")
}

/// A client that sends no cookies and no browser headers: a machine.
pub(crate) fn machine() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

async fn token_with(app: &TestApp, id: &str, secret: &str, scope: Option<&str>) -> reqwest::Response {
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
    let mut form = vec![("grant_type", "client_credentials")];
    if let Some(s) = scope {
        form.push(("scope", s));
    }
    machine()
        .post(app.url("/api/v1/oauth/token"))
        .header("authorization", format!("Basic {basic}"))
        .form(&form)
        .send()
        .await
        .unwrap()
}

pub(crate) async fn token(app: &TestApp, scope: Option<&str>) -> String {
    let res = token_with(app, CLIENT, DEMO_API_SECRET, scope).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    body["access_token"].as_str().unwrap().to_owned()
}

async fn call(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    machine().get(app.url(path)).bearer_auth(token).send().await.unwrap()
}

/// Files a case for Anna in `unit` directly in the store; returns its number and id.
pub(crate) async fn file(app: &TestApp, unit: &str, key: &str) -> (String, stadsporten_domain::CaseId) {
    let anna = app.store.user_by_persona("anna").await.unwrap().unwrap().id;
    let def = app.store.live_definition("bygglov").await.unwrap().unwrap();
    let now = app.clock.now();
    let token = DraftToken::new(format!("{key:0>64}"));
    let draft =
        app.store.create_draft(&token, anna, None, def.id, Default::default(), now, now + 86_400).await.unwrap();
    let mut answers = stadsporten_domain::eservice::Answers::new();
    answers.insert("beskrivning".into(), stadsporten_domain::eservice::Answer::Text(format!("Altan {key}")));
    let s = app
        .store
        .submit_case(&stadsporten_db::Submission {
            draft_id: draft.id,
            applicant_id: anna,
            acting_for: None,
            idempotency_key: key,
            definition_id: def.id,
            service_slug: &def.slug,
            unit_code: unit,
            provider_unit: None,
            provider_org: None,
            year: 2026,
            lang: "sv",
            answers: &answers,
            handling_days: 28,
            day_kind: Default::default(),
            channel: stadsporten_domain::measure::CaseChannel::Web,
            now,
        })
        .await
        .unwrap();
    (s.case_number, s.case_id)
}

/// Every page of a unit's cases from `cursor`, `limit` at a time; the numbers and the last cursor.
async fn follow(
    app: &TestApp,
    token: &str,
    unit: &str,
    mut cursor: Option<String>,
    limit: usize,
) -> (Vec<String>, Option<String>) {
    let mut seen = Vec::new();
    for _ in 0..1000 {
        let mut path = format!("/api/v1/units/{unit}/cases?limit={limit}");
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let res = call(app, token, &path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["cache-control"], "private, no-store");
        let page: Value = res.json().await.unwrap();
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= limit);
        for i in items {
            assert_eq!(i["unit"], unit, "only the unit's own cases");
            assert!(i.get("answers").is_none() && i.get("applicant").is_none(), "a list holds no personal details");
            seen.push(i["number"].as_str().unwrap().to_owned());
        }
        cursor = page["cursor"].as_str().map(str::to_owned);
        if !page["has_more"].as_bool().unwrap() {
            return (seen, cursor);
        }
    }
    panic!("the cursor never ended");
}

async fn a_units_system_follows_its_cases_with_a_token(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut ours = Vec::new();
    for k in 0..5 {
        ours.push(file(&app, "SBK", &format!("sbk{k}")).await);
        app.clock.advance(1);
    }
    let (theirs, _) = file(&app, "MF", "mf0").await;
    let token = token(&app, Some("cases:read:SBK")).await;

    // Two at a time to the end: every SBK case once, none of MF's.
    let (seen, cursor) = follow(&app, &token, "SBK", None, 2).await;
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no case twice: {seen:?}");
    for (n, _) in &ours {
        assert!(seen.contains(n), "{n} in {seen:?}");
    }
    assert!(!seen.contains(&theirs));
    let cursor = cursor.expect("a cursor to continue from");

    // Nothing changed: the cursor gives nothing new, and says so.
    let (again, same) = follow(&app, &token, "SBK", Some(cursor.clone()), 50).await;
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(same.as_deref(), Some(cursor.as_str()), "the cursor is kept for the next time");

    // An officer starts one case and a new one arrives: following from the cursor gives both, once.
    app.clock.advance(60);
    let samir = app.store.user_by_persona("samir").await.unwrap().unwrap().id;
    app.store.start_case(ours[1].1, samir, app.clock.now()).await.unwrap();
    app.clock.advance(1);
    let new = file(&app, "SBK", "sbk9").await;
    let (changes, _) = follow(&app, &token, "SBK", Some(cursor), 50).await;
    assert_eq!(changes, vec![ours[1].0.clone(), new.0.clone()]);

    // The case in full, with its answers and timeline; an unchanged case answers 304.
    let res = call(&app, &token, &format!("/api/v1/cases/{}", path(&ours[1].0))).await;
    assert_eq!(res.status(), 200);
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    let case: Value = res.json().await.unwrap();
    assert_eq!(case["number"], ours[1].0.as_str());
    assert_eq!(case["status"], "in-progress");
    assert_eq!(case["unit"], "SBK");
    assert_eq!(case["applicant"]["name"], "Anna Andersson");
    assert!(case["answers"].to_string().contains("Altan sbk1"), "{}", case["answers"]);
    assert!(case["events"].as_array().unwrap().iter().any(|e| e["to_status"] == "in-progress"));
    let res = machine()
        .get(app.url(&format!("/api/v1/cases/{}", path(&ours[1].0))))
        .bearer_auth(&token)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 304);

    // Another unit's case is refused by its number, before anything is looked up; a number
    // that does not exist in the unit is not found.
    let body = problem(call(&app, &token, &format!("/api/v1/cases/{}", path(&theirs))).await, 403).await;
    assert!(body["detail"].as_str().unwrap().contains("cases:read:MF"));
    problem(call(&app, &token, "/api/v1/cases/SBK-2026-99999").await, 404).await;
    // The list links each case by its path.
    let res = call(&app, &token, "/api/v1/units/SBK/cases?limit=1").await;
    let first: Value = res.json().await.unwrap();
    let href = first["items"][0]["href"].as_str().unwrap().to_owned();
    assert!(href.starts_with("/api/v1/cases/SBK-2026-"), "{href}");
    assert_eq!(call(&app, &token, &href).await.status(), 200);

    // Every call is in the audit trail under the client's name: the token, the lists (with the
    // case numbers they gave), the read, the refusals.
    let entries = app.store.audit_entries(&AuditFilter::default(), 1000, 0).await.unwrap();
    let ours_in_trail: Vec<_> =
        entries.iter().map(|r| &r.chained.entry).filter(|e| e.role.as_deref() == Some("api-client:demo-sbk")).collect();
    assert!(ours_in_trail.iter().any(|e| e.object_type == "api-token" && e.action == AuditAction::Create));
    assert!(ours_in_trail.iter().any(|e| e.object_type == "case"
        && e.action == AuditAction::Read
        && e.object_id.as_deref() == Some("unit:SBK")
        && e.reason.as_deref().is_some_and(|r| r.contains(&ours[0].0))));
    assert!(ours_in_trail
        .iter()
        .any(|e| e.action == AuditAction::Read && e.object_id.as_deref() == Some(&ours[1].1.to_string())));
    assert_eq!(
        ours_in_trail.iter().filter(|e| e.action == AuditAction::AccessDenied && e.outcome == Outcome::Denied).count(),
        1,
        "the refused read of MF's case"
    );
    // No token or secret in the trail.
    for e in &entries {
        let text = format!("{:?}", e.chained.entry);
        assert!(!text.contains(&token) && !text.contains(DEMO_API_SECRET), "{text}");
    }
}

async fn problem(res: reqwest::Response, status: u16) -> Value {
    assert_eq!(res.status(), status);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["status"], status);
    assert!(body["type"].as_str().unwrap().starts_with("/problems/"));
    body
}

async fn a_token_is_refused_unless_the_client_and_its_scopes_allow_it(backend: Backend) {
    let app = spawn_app(backend).await;
    // The token endpoint: wrong secret, unknown client, no credentials, a scope it does not have,
    // an unknown scope, another grant type.
    for (id, secret) in [(CLIENT, "wrong"), ("no-such-client", DEMO_API_SECRET)] {
        let res = token_with(&app, id, secret, None).await;
        assert_eq!(res.status(), 401, "{id}");
        assert!(res.headers()["www-authenticate"].to_str().unwrap().starts_with("Basic"));
        assert_eq!(res.json::<Value>().await.unwrap()["error"], "invalid_client");
    }
    let res = machine()
        .post(app.url("/api/v1/oauth/token"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let res = token_with(&app, CLIENT, DEMO_API_SECRET, Some("cases:read:MF")).await;
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "invalid_scope");
    assert!(body["error_description"].as_str().unwrap().contains("cases:read:MF"));
    let res = token_with(&app, CLIENT, DEMO_API_SECRET, Some("everything")).await;
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "invalid_scope");
    let res = machine()
        .post(app.url("/api/v1/oauth/token"))
        .form(&[("grant_type", "password"), ("client_id", CLIENT), ("client_secret", DEMO_API_SECRET)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "unsupported_grant_type");
    // The secret in the form works too.
    let res = machine()
        .post(app.url("/api/v1/oauth/token"))
        .form(&[("grant_type", "client_credentials"), ("client_id", CLIENT), ("client_secret", DEMO_API_SECRET)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // Calls: no token, a made-up token, a token without the scope, another unit.
    let res = machine().get(app.url("/api/v1/units/SBK/cases")).send().await.unwrap();
    assert!(res.headers()["www-authenticate"].to_str().unwrap().starts_with("Bearer"));
    problem(res, 401).await;
    problem(call(&app, "made-up", "/api/v1/units/SBK/cases").await, 401).await;
    let catalogue_only = token(&app, Some("catalogue:read")).await;
    let body = problem(call(&app, &catalogue_only, "/api/v1/units/SBK/cases").await, 403).await;
    assert!(body["detail"].as_str().unwrap().contains("cases:read:SBK"));
    let sbk = token(&app, None).await;
    problem(call(&app, &sbk, "/api/v1/units/MF/cases").await, 403).await;
    assert_eq!(call(&app, &sbk, "/api/v1/units/SBK/cases").await.status(), 200, "writing includes reading");

    // A session cookie is no way in: the API reads only the bearer token.
    let (anna, _) = crate::support::as_user(&app, "samir").await;
    let res = anna.get("/api/v1/units/SBK/cases").send().await.unwrap();
    problem(res, 401).await;

    // A revoked client's tokens stop at once.
    app.store.revoke_api_client(CLIENT, app.clock.now()).await.unwrap();
    problem(call(&app, &sbk, "/api/v1/units/SBK/cases").await, 401).await;
    assert_eq!(token_with(&app, CLIENT, DEMO_API_SECRET, None).await.status(), 401);

    // An expired token too (a new client, as the demo one is revoked).
    let scopes = stadsporten_domain::api::Scopes::parse("catalogue:read").unwrap();
    let hash = stadsporten_domain::api::secret_hash("second-secret");
    app.store.register_api_client("second", "Second", &hash, &scopes, app.clock.now()).await.unwrap();
    let res = token_with(&app, "second", "second-secret", None).await;
    let t = res.json::<Value>().await.unwrap()["access_token"].as_str().unwrap().to_owned();
    assert_eq!(call(&app, &t, "/api/v1/services").await.status(), 200);
    app.clock.advance(3601);
    problem(call(&app, &t, "/api/v1/services").await, 401).await;

    // The refusals are in the audit trail.
    let denied = app
        .store
        .audit_entries(&AuditFilter { action: Some(AuditAction::AccessDenied), ..Default::default() }, 1000, 0)
        .await
        .unwrap();
    let api: Vec<_> = denied
        .iter()
        .filter(|r| r.chained.entry.role.as_deref().is_some_and(|r| r.starts_with("api-client")))
        .collect();
    assert!(api.len() >= 6, "{}", api.len());
    let failed = app
        .store
        .audit_entries(
            &AuditFilter {
                action: Some(AuditAction::SignInFailed),
                object_type: Some("api-token".into()),
                ..Default::default()
            },
            100,
            0,
        )
        .await
        .unwrap();
    assert!(failed.len() >= 4, "refused token requests: {}", failed.len());
}

async fn bad_parameters_are_named_and_nothing_leaks(backend: Backend) {
    let app = spawn_app(backend).await;
    let t = token(&app, None).await;
    for (path, field) in [
        ("/api/v1/units/SBK/cases?limit=0", "limit"),
        ("/api/v1/units/SBK/cases?limit=201", "limit"),
        ("/api/v1/units/SBK/cases?limit=ten", "limit"),
        ("/api/v1/units/SBK/cases?cursor=not-ours", "cursor"),
        ("/api/v1/units/SBK/cases?cursor=FF.1", "cursor"),
        ("/api/v1/units/SBK/cases?colour=red", "colour"),
        ("/api/v1/units/SBK/cases?limit=1&limit=2", "limit"),
        ("/api/v1/units/sbk/cases", "unit"),
        ("/api/v1/services?lang=de", "lang"),
        ("/api/v1/services?cursor=%3Cscript%3E", "cursor"),
        ("/api/v1/cases/SBK-2026-00001?x=1", "x"),
        ("/api/v1/cases/SBK-1", "number"),
    ] {
        let body = problem(call(&app, &t, path).await, 400).await;
        assert_eq!(body["errors"][0]["field"], field, "{path}: {body}");
    }
    // Unknown addresses under the API are problem documents too, never a page or a crash.
    problem(call(&app, &t, "/api/v1/nothing-here").await, 404).await;
    let res = machine()
        .post(app.url("/api/v1/oauth/token"))
        .body("{\"grant_type\":1}")
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert_eq!(res.json::<Value>().await.unwrap()["error"], "invalid_request");
    let res = machine()
        .post(app.url("/api/v1/oauth/token"))
        .form(&[("grant_type", "client_credentials"), ("colour", "red")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
}

async fn the_catalogue_and_the_document_are_served(backend: Backend) {
    let app = spawn_app(backend).await;
    let t = token(&app, Some("catalogue:read")).await;
    // The catalogue, 20 at a time to the end, in English where there is English.
    let mut cursor: Option<String> = None;
    let mut slugs = Vec::new();
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/services?lang=en&limit=20&cursor={c}"),
            None => "/api/v1/services?lang=en&limit=20".into(),
        };
        let res = call(&app, &t, &path).await;
        assert_eq!(res.status(), 200);
        assert!(res.headers().contains_key("etag"));
        let page: Value = res.json().await.unwrap();
        for s in page["items"].as_array().unwrap() {
            slugs.push(s["slug"].as_str().unwrap().to_owned());
            assert!(s["url"].as_str().unwrap().ends_with(&format!("/services/{}", s["slug"].as_str().unwrap())));
        }
        cursor = page["next_cursor"].as_str().map(str::to_owned);
        if cursor.is_none() {
            break;
        }
    }
    let mut sorted = slugs.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, slugs, "by slug, each once");
    assert_eq!(slugs.len(), app.store.all_services(stadsporten_domain::Lang::En).len());
    assert!(slugs.len() > 20);
    let res = call(&app, &t, "/api/v1/operating-messages").await;
    assert_eq!(res.status(), 200);
    assert!(res.json::<Value>().await.unwrap()["items"].is_array());

    // The document: OpenAPI 3.1, every operation, the client-credentials scheme; public.
    let res = machine().get(app.url("/api/v1/openapi.json")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let doc: Value = res.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/api/v1/oauth/token",
        "/api/v1/services",
        "/api/v1/operating-messages",
        "/api/v1/units/{unit}/cases",
        "/api/v1/cases/{number}",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path}");
    }
    assert_eq!(
        doc.pointer("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl").and_then(Value::as_str),
        Some("/api/v1/oauth/token")
    );
    // The readable page, in the visitor's language.
    let html = machine()
        .get(app.url("/api/v1/docs"))
        .header("accept-language", "fi")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"fi\"") && html.contains("Stadsportenin rajapinta"), "{html}");
    assert!(html.contains("GET /api/v1/units/{unit}/cases"));
}

/// Generated requests (schemathesis, from the OpenAPI document) against the live API: no server
/// error, every status and answer as documented, every invalid input refused.
async fn schemathesis_finds_no_server_error_and_no_schema_violation(backend: Backend) {
    let st = std::env::var("STADSPORTEN_SCHEMATHESIS")
        .expect("schemathesis is required: scripts/setup.sh installs it and names it in STADSPORTEN_SCHEMATHESIS");
    let app = spawn_app(backend).await;
    for k in 0..3 {
        file(&app, "SBK", &format!("st{k}")).await;
    }
    let token = token(&app, None).await;
    let (address, auth) = (app.address.clone(), format!("Authorization: Bearer {token}"));
    let out = tokio::task::spawn_blocking(move || {
        // In a temporary folder: schemathesis keeps its own files where it runs.
        std::process::Command::new(st)
            .current_dir(std::env::temp_dir())
            .args(["run", &format!("{address}/api/v1/openapi.json"), "--url", &address, "-H", &auth])
            .args([
                "--checks",
                "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection",
                "--phases",
                "examples,coverage,fuzzing",
                "--max-examples",
                "25",
                "--seed",
                "22",
                "--generation-database",
                "none",
                "--workers",
                "1",
                "--no-color",
            ])
            .output()
    })
    .await
    .unwrap()
    .expect("schemathesis runs");
    let report = format!("{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "schemathesis found problems:\n{report}");
    assert!(report.contains("passed"), "{report}");
}
