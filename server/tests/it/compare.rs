//! Comparing providers over HTTP, as a browser without JavaScript, on both backends: the list,
//! unit and side-by-side pages with bad input explained; open data that imports again; the
//! provider portal's edits with attribution and the city's revert; "apply for a place here".

use crate::support::{as_user, body, post, spawn_app, to, upload, TestApp};
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::audit::AuditAction;
use stadsporten_domain::ids::CaseId;

on_both_backends!(
    the_comparison_works_without_javascript_and_explains_bad_input,
    open_data_is_described_and_imports_again,
    a_provider_editor_updates_opening_hours_and_the_city_can_revert,
    apply_for_a_place_here_preselects_the_unit,
    the_command_line_import_reports_by_row_and_stores_all_or_nothing,
    feedback_about_a_unit_goes_to_its_operator_and_the_resident_is_told,
);

/// Ids of a district's preschools from the list page, in list order.
fn unit_ids(html: &str) -> Vec<String> {
    html.split("name=\"units\"")
        .skip(1)
        .filter_map(|rest| rest.split("value=\"").nth(1)?.split('"').next().map(str::to_owned))
        .collect()
}

async fn the_comparison_works_without_javascript_and_explains_bad_input(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, html) = app.page("/compare", "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("78 förskolor"), "kinds with counts");

    let (status, html) = app.page("/compare?kind=preschool&district=norrmalm", "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("6 förskolor"));
    let ids = unit_ids(&html);
    assert_eq!(ids.len(), 6, "six preschools, each with a checkbox for side by side");
    assert!(html.contains("action=\"/compare/side-by-side\""));
    assert!(html.contains("Få svarande"), "the honesty rule shows in the list");
    // The form and the first page are the list island's children, sent as HTML only: no unit
    // travels a second time as serialised island props.
    assert!(html.contains("<leptos-children"));
    assert!(!html.contains("data-props"), "the list island has no props");

    // The island's live list: the same page of units as JSON, in the visitor's language; a query
    // without a kind is refused with an error, not a crash.
    let list = |query: &str, lang: &str| {
        app.client
            .post(app.url("/api/compare/list"))
            .header("accept", "application/json")
            .header("accept-language", lang)
            .json(&serde_json::json!({ "query": query }))
            .send()
    };
    let res = list("kind=preschool&district=norrmalm", "en").await.expect("request");
    assert_eq!(res.status(), 200);
    let json: serde_json::Value = res.json().await.expect("json");
    assert_eq!(json["heading"], "6 preschools");
    let live_ids: Vec<&str> =
        json["units"].as_array().expect("units").iter().filter_map(|u| u["id"].as_str()).collect();
    assert_eq!(live_ids, ids, "the live list and the page agree");
    let res = list("district=norrmalm", "en").await.expect("request");
    assert_eq!(res.status(), 404);
    // What the island puts in place of the results: the same page as HTML (a JSON string).
    let res = app
        .client
        .post(app.url("/api/compare/list-html"))
        .header("accept", "application/json")
        .header("accept-language", "en")
        .json(&serde_json::json!({ "query": "kind=preschool&district=norrmalm" }))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status(), 200);
    let fragment: String = res.json().await.expect("a JSON string");
    assert!(fragment.starts_with("<section") && fragment.contains("data-results"), "{fragment}");
    assert!(fragment.contains(">6 preschools</h2>"), "{fragment}");
    for id in &ids {
        assert!(fragment.contains(&format!("value=\"{id}\"")), "unit {id} in the fragment");
    }

    // Unknown filters and values: a notice each, the rest applied, never an error page.
    let (status, html) = app.page("/compare?kind=preschool&district=atlantis&colour=blue&open_from=25:00", "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("Filtret ”colour” finns inte"), "{html}");
    assert!(html.contains("Filtret ”Stadsdel” hade ett värde vi inte känner igen"));
    assert!(html.contains("78 förskolor"));
    let (status, html) = app.page("/compare?kind=preschool&sort=merit-value&from=Nowhere%20street", "en").await;
    assert_eq!(status, 200);
    assert!(html.contains("cannot be sorted by “merit-value”"));
    assert!(html.contains("We could not find “Nowhere street”"));
    let (status, _) = app.page("/compare?q=%FF", "sv").await;
    assert_eq!(status, 200, "undecodable input is explained, not refused");

    // Side by side: at most four, unknown ids named, "no data" not zero, the warning shown.
    let five = format!("{},no-such-unit", ids[..5].join(","));
    let (status, html) = app.page(&format!("/compare/side-by-side?units={five}&from=Odengatan"), "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("Du kan jämföra högst 4 verksamheter"));
    assert!(html.contains("<table class=\"side-by-side\""));
    assert_eq!(html.matches("Ta bort ").count(), 4);
    assert!(html.contains("Avstånd"));
    assert!(html.contains("<svg aria-hidden=\"true\""), "charts accompany the table");
    let (status, html) = app.page("/compare/side-by-side?units=no-such-unit", "ar").await;
    assert_eq!(status, 200);
    assert!(html.contains("dir=\"rtl\"") && html.contains("لم نجد وحدة"));

    // A unit page: facts, every year, apply here; an unknown one is a translated 404.
    let (status, html) = app.page(&format!("/compare/units/{}", ids[0]), "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("Kvalitetsmått") && html.contains("2024") && html.contains("2025"));
    assert!(html.contains(&format!("/services/ansok-om-forskoleplats/start?unit={}", ids[0])));
    let (status, _) = app.page("/compare/units/no-such-unit", "sv").await;
    assert_eq!(status, 404);
    let (status, _) = app.page("/compare/units/%3Cscript%3E", "sv").await;
    assert_eq!(status, 404);
}

async fn open_data_is_described_and_imports_again(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/open-data/providers.csv").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert_eq!(res.headers()["access-control-allow-origin"], "*");
    let csv = res.text().await.unwrap();
    assert!(csv.starts_with("id,kind,name,operator_type,organisation_number"));
    assert_eq!(csv.lines().count(), 183, "a header and 182 units");
    let values = app.get("/open-data/provider-indicators.csv").send().await.unwrap().text().await.unwrap();
    assert!(values.starts_with("kpi,unit,period,value,n,response_rate"));
    let description: serde_json::Value =
        app.get("/open-data/providers/dataset.json").send().await.unwrap().json().await.unwrap();
    assert_eq!(description["license_id"], "CC0-1.0");
    assert!(description["modified"].as_str().is_some_and(|d| d.len() == 10));
    assert!(description["fields"]["units"].as_array().unwrap().iter().any(|f| f["name"] == "hours"));
    assert!(description["indicators"].as_array().unwrap().iter().any(|i| i["key"] == "parent-satisfaction"));
    let (status, html) = app.page("/open-data/providers", "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("CC0 1.0") && html.contains("provider-indicators.csv"));
    let all = app.get("/open-data/providers.json").send().await.unwrap().bytes().await.unwrap().to_vec();

    // The whole export imports again: a dry run changes nothing, the import changes what it says.
    let (admin, csrf) = as_user(&app, "admin").await;
    let res = upload(
        &admin,
        &csrf,
        "/admin/providers/import",
        &[("dry_run", "1")],
        Some(("file", "providers.json", all.clone())),
    )
    .await;
    assert_eq!(to(&res, &admin.address), "/admin/providers#import-report");
    let (_, html) = body(&admin, "/admin/providers").await;
    assert!(html.contains("Provkörningen av providers.json hittade inga fel"), "{html}");
    assert!(html.contains("0 nya och"), "everything exists already");
    let res = upload(&admin, &csrf, "/admin/providers/import", &[], Some(("file", "providers.json", all))).await;
    assert_eq!(res.status(), 303);
    let (_, html) = body(&admin, "/admin/providers").await;
    assert!(html.contains("Importen av providers.json är klar"), "{html}");

    // A bad file: every problem with its row and field, nothing stored.
    let bad = "kpi,unit,period,value,n\nparent-satisfaction,no-such-unit,2025,90,20\ngroup-size,forskolan-kotten-bromma,twenty,1,1\n";
    let res =
        upload(&admin, &csrf, "/admin/providers/import", &[], Some(("file", "bad.csv", bad.as_bytes().to_vec()))).await;
    assert_eq!(res.status(), 303);
    let (_, html) = body(&admin, "/admin/providers").await;
    assert!(html.contains("bad.csv kan inte importeras"));
    assert!(
        html.contains("Kvalitetsmått, rad 2, fält unit") && html.contains("Okänd verksamhet ”no-such-unit”"),
        "{html}"
    );
    assert!(html.contains("Kvalitetsmått, rad 3, fält period"));
    let imports = app.store.audit_entries(&AuditFilter::default(), 100, 0).await.unwrap();
    assert_eq!(
        imports.iter().filter(|e| e.chained.entry.action == AuditAction::Import).count(),
        1,
        "only the stored import"
    );

    // Residents may not import.
    let (anna, anna_csrf) = as_user(&app, "anna").await;
    let res = upload(&anna, &anna_csrf, "/admin/providers/import", &[], Some(("file", "x.csv", b"a".to_vec()))).await;
    assert_eq!(res.status(), 403);
}

async fn editable_units(maja: &TestApp) -> Vec<String> {
    let (status, html) = body(maja, "/provider").await;
    assert_eq!(status, 200);
    html.split("href=\"/provider/units/").skip(1).filter_map(|r| r.split('"').next().map(str::to_owned)).collect()
}

async fn a_provider_editor_updates_opening_hours_and_the_city_can_revert(backend: Backend) {
    let app = spawn_app(backend).await;
    let (maja, csrf) = as_user(&app, "maja").await;
    let units = editable_units(&maja).await;
    assert!(units.len() >= 5, "Solrosens units: {units:?}");
    let unit = &units[0];
    let edit = format!("/provider/units/{unit}");
    let (status, html) = body(&maja, &edit).await;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"hours\""));

    // Refused: bad hours and e-mail come back with the errors and what she typed.
    let form = [
        ("description_sv", "Vi har flyttat in i nya lokaler."),
        ("hours", "18:00-06:30"),
        ("languages", "sv"),
        ("languages", "fi"),
        ("email", "not-an-address"),
        ("has_places", "1"),
    ];
    let res = post(&maja, &csrf, &edit, &form).await;
    assert_eq!(to(&res, &maja.address), format!("{edit}#error-summary"));
    let (_, html) = body(&maja, &edit).await;
    assert!(html.contains("Skriv öppettider som 06:30-18:00"));
    assert!(html.contains("Skriv en e-postadress"));
    assert!(html.contains("Vi har flyttat in i nya lokaler."), "nothing typed is lost");
    assert!(html.contains("value=\"18:00-06:30\""));

    let form = [
        ("description_sv", "Vi har flyttat in i nya lokaler."),
        ("hours", "06:15-18:30"),
        ("languages", "sv"),
        ("has_places", "1"),
    ];
    let res = post(&maja, &csrf, &edit, &form).await;
    assert_eq!(to(&res, &maja.address), format!("{edit}?saved=1"));
    let (_, html) = app.page(&format!("/compare/units/{unit}"), "sv").await;
    assert!(html.contains("06:15–18:30"), "published at once");
    assert!(html.contains("Senast uppdaterad av utföraren (Solrosens Förskolor AB)"));

    // Another company's unit is refused (and the refusal audited).
    let (_, list) = app.page("/compare?kind=preschool&operator=private", "sv").await;
    let other = unit_ids(&list).into_iter().find(|id| !units.contains(id)).expect("another company's unit");
    let res = post(&maja, &csrf, &format!("/provider/units/{other}"), &form).await;
    assert_eq!(res.status(), 403);
    let (status, _) = body(&maja, &format!("/provider/units/{other}")).await;
    assert_eq!(status, 403);
    let (anna, _) = as_user(&app, "anna").await;
    assert_eq!(body(&anna, "/provider").await.0, 403);

    // The city sees the change and reverts it.
    let (admin, admin_csrf) = as_user(&app, "admin").await;
    let (status, html) = body(&admin, "/admin/providers").await;
    assert_eq!(status, 200);
    assert!(html.contains("Utföraren (Maja Ek)"));
    let id = html.split("name=\"id\" value=\"").nth(1).and_then(|r| r.split('"').next()).expect("a revert button");
    let res = post(&admin, &admin_csrf, "/api/admin/providers/revert", &[("id", id)]).await;
    assert_eq!(to(&res, &admin.address), "/admin/providers?reverted=1");
    let (_, html) = app.page(&format!("/compare/units/{unit}"), "sv").await;
    assert!(!html.contains("06:15–18:30"));
    assert!(html.contains("Senast uppdaterad av Stockholms stad"));
    let entries = app.store.audit_entries(&AuditFilter::default(), 200, 0).await.unwrap();
    assert!(entries
        .iter()
        .any(|e| e.chained.entry.action == AuditAction::Update && e.chained.entry.object_type == "provider-unit"));
    assert!(entries.iter().any(|e| e.chained.entry.action == AuditAction::Revert));
    assert!(entries.iter().any(|e| e.chained.entry.action == AuditAction::AccessDenied
        && e.chained.entry.object_id.as_deref() == Some(other.as_str())));
}

async fn apply_for_a_place_here_preselects_the_unit(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, list) = app.page("/compare?kind=preschool&district=bromma", "sv").await;
    let unit = unit_ids(&list).remove(0);
    let start = format!("/services/ansok-om-forskoleplats/start?unit={unit}");
    // Not signed in: the sign-in link comes back to the same pre-selection.
    let (_, html) = app.page(&start, "sv").await;
    assert!(html.contains("Du valde Förskolan"), "{html}");
    assert!(html.contains(&format!("unit%3D{unit}")), "sign-in returns with the unit");
    let (anna, csrf) = as_user(&app, "anna").await;
    let (_, html) = body(&anna, &start).await;
    assert!(html.contains(&format!("name=\"unit\" value=\"{unit}\"")));
    let res = post(&anna, &csrf, "/api/apply/start", &[("slug", "ansok-om-forskoleplats"), ("unit", &unit)]).await;
    let first = to(&res, &anna.address);
    let token = first.split('/').nth(2).unwrap().to_owned();
    let (_, html) = body(&anna, &format!("/apply/{token}/step/preschools")).await;
    assert!(html.contains(&format!("<option value=\"{unit}\" selected")), "pre-selected");
    // A unit that is not an option is ignored, not an error.
    let res =
        post(&anna, &csrf, "/api/apply/start", &[("slug", "ansok-om-forskoleplats"), ("unit", "no-such-unit")]).await;
    assert_eq!(res.status(), 302);
}

async fn the_command_line_import_reports_by_row_and_stores_all_or_nothing(backend: Backend) {
    let settings = crate::support::test_settings(backend).await;
    let url = secrecy::ExposeSecret::expose_secret(&settings.database.url).to_owned();
    let app = crate::support::spawn_app_with(settings).await;
    let dir = std::env::temp_dir().join(format!("stadsporten-import-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("values.csv");
    std::fs::write(
        &good,
        "kpi;unit;period;value;n;response_rate\nparent-satisfaction;forskolan-kotten-bromma;2026;93,5;40;71\n",
    )
    .unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "kpi,unit,period,value\nparent-satisfaction,forskolan-kotten-bromma,2026,93\nnope,forskolan-kotten-bromma,2026,1\n").unwrap();
    // The command runs off this test's runtime thread, which also runs the server: waiting for
    // it there would stop the server mid-transaction (the audit sealer's, every few seconds)
    // with SQLite's write lock held, and the command would wait for a lock never released.
    let run = |args: &[&std::path::Path], dry: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_stadsporten-server"));
        cmd.arg("import-providers");
        if dry {
            cmd.arg("--dry-run");
        }
        cmd.args(args)
            .env("DATABASE_URL", &url)
            .env("STADSPORTEN_CONFIG_DIR", concat!(env!("CARGO_MANIFEST_DIR"), "/../config"));
        async move { tokio::task::spawn_blocking(move || cmd.output().unwrap()).await.unwrap() }
    };
    let latest = |store: stadsporten_db::Store| async move {
        let id = stadsporten_domain::compare::ProviderUnitId::parse("forskolan-kotten-bromma").unwrap();
        let detail = store.provider_unit(&id).await.unwrap().unwrap();
        detail.values.iter().map(|(_, o)| o.period).max().unwrap()
    };
    // What the command printed, for every assertion's message.
    let said = |out: &std::process::Output| {
        format!("stdout: {}\nstderr: {}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
    };
    let out = run(&[&bad], false).await;
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{}", said(&out));
    assert!(
        text.contains("values row 3 field kpi: Okänt kvalitetsmått ”nope”. / Unknown indicator “nope”."),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("refused, nothing stored"), "{}", said(&out));
    assert_eq!(latest(app.store.clone()).await, 2025, "the good row of a refused file is not stored either");
    let out = run(&[&good], true).await;
    assert!(out.status.success(), "{}", said(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("dry run, nothing stored: 1 rows, 1 new"), "{}", said(&out));
    assert_eq!(latest(app.store.clone()).await, 2025, "a dry run stores nothing");
    let out = run(&[&good], false).await;
    assert!(out.status.success(), "{}", said(&out));
    assert_eq!(latest(app.store.clone()).await, 2026, "{}", said(&out));
    let entries = app.store.audit_entries(&AuditFilter::default(), 50, 0).await.unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.chained.entry.action == AuditAction::Import && e.chained.entry.role.as_deref() == Some("system")),
        "the command line's import is in the audit trail"
    );
}

/// Anna gives feedback about a unit through the feedback e-service, from its unit page.
async fn anna_gives_feedback(anna: &TestApp, csrf: &str, unit: &str) -> CaseId {
    let res = post(anna, csrf, "/api/apply/start", &[("slug", "synpunkter-och-klagomal"), ("unit", unit)]).await;
    let token = to(&res, &anna.address).split('/').nth(2).unwrap().to_owned();
    let step = |s: &str| format!("/forms/{token}/{s}");
    let res = post(
        anna,
        csrf,
        &step("about"),
        &[("step", "about"), ("concerns", unit), ("unit", "UTB"), ("kind", "complaint"), ("action", "continue")],
    )
    .await;
    assert_eq!(res.status(), 303);
    let res = post(
        anna,
        csrf,
        &step("feedback"),
        &[
            ("step", "feedback"),
            ("message", "Grinden till gården står ofta öppen."),
            ("wants_answer", "yes"),
            ("action", "continue"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", to(&res, &anna.address));
    let res =
        post(anna, csrf, &format!("/forms/{token}/submit"), &[("confirm", "yes"), ("idempotency_key", &token)]).await;
    let receipt = to(&res, &anna.address);
    assert!(receipt.ends_with("/receipt"), "{receipt}");
    receipt.split('/').nth(3).unwrap().parse().unwrap()
}

async fn feedback_about_a_unit_goes_to_its_operator_and_the_resident_is_told(backend: Backend) {
    let app = spawn_app(backend).await;
    let (maja, maja_csrf) = as_user(&app, "maja").await;
    let solrosen = editable_units(&maja).await.remove(0);
    let (anna, csrf) = as_user(&app, "anna").await;
    let case_id = anna_gives_feedback(&anna, &csrf, &solrosen).await;
    let case = app.store.case_record(case_id).await.unwrap().unwrap();
    assert_eq!(case.provider_org.as_deref(), Some("559234-5671"), "a private unit: the provider's inbox");
    assert!(case.unit_code.starts_with("SD"), "numbered by the district administration: {}", case.unit_code);

    // Not in the district's queue; in Maja's inbox, without Anna's name.
    let queue = app
        .store
        .queue(
            &stadsporten_db::QueueFilter { units: vec![case.unit_code.clone()], ..Default::default() },
            app.clock.now(),
            100,
        )
        .await
        .unwrap();
    assert!(queue.iter().all(|c| c.id != case_id));
    let (_, html) = body(&maja, "/provider").await;
    assert!(html.contains(&format!("/provider/feedback/{case_id}")));
    let (status, html) = body(&maja, &format!("/provider/feedback/{case_id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Grinden till gården står ofta öppen."));
    assert!(!html.contains("Anna Andersson"), "the provider does not see who wrote");
    let res =
        post(&maja, &maja_csrf, "/api/provider/feedback/answer", &[("id", &case_id.to_string()), ("body", " ")]).await;
    assert_eq!(res.status(), 302);
    let (_, html) = body(&maja, &format!("/provider/feedback/{case_id}")).await;
    assert!(html.contains("Skriv ett svar"));
    let res = post(
        &maja,
        &maja_csrf,
        "/api/provider/feedback/answer",
        &[("id", &case_id.to_string()), ("body", "Tack! Vi har satt en ny spärr på grinden.")],
    )
    .await;
    assert_eq!(to(&res, &maja.address), format!("/provider/feedback/{case_id}?answered=1"));

    // Anna is told: the answer in Mina ärenden and a notification in the outbox.
    let (_, html) = body(&anna, &format!("/my/cases/{case_id}")).await;
    assert!(html.contains("Vi har satt en ny spärr på grinden."));
    let notified = app
        .store
        .fetch_i64_for_test(&format!("select count(*) from outbox where case_id = {case_id} and event = 'message'"))
        .await
        .unwrap();
    assert_eq!(notified, vec![1]);
    let reads = app.store.audit_entries(&AuditFilter::default(), 200, 0).await.unwrap();
    assert!(reads.iter().any(|e| e.chained.entry.action == AuditAction::Read
        && e.chained.entry.object_id.as_deref() == Some(case_id.to_string().as_str())
        && e.chained.entry.role.as_deref() == Some("provider-editor")));

    // Another company's editor would get "not found"; a city-run unit's feedback goes to its
    // district administration's queue.
    let (_, list) = app.page("/compare?kind=preschool&district=farsta&operator=city", "sv").await;
    let city_unit = unit_ids(&list).remove(0);
    let case_id = anna_gives_feedback(&anna, &csrf, &city_unit).await;
    let case = app.store.case_record(case_id).await.unwrap().unwrap();
    assert_eq!((case.unit_code.as_str(), case.provider_org.as_deref()), ("SDFA", None));
    assert_eq!(body(&maja, &format!("/provider/feedback/{case_id}")).await.0, 404);
    let queue = app
        .store
        .queue(&stadsporten_db::QueueFilter { units: vec!["SDFA".into()], ..Default::default() }, app.clock.now(), 100)
        .await
        .unwrap();
    assert!(queue.iter().any(|c| c.id == case_id));
}
