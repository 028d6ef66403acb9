//! Measurement over HTTP, as a browser without JavaScript: a journey counted step by step, the
//! service level on a service page, the open data, and "most used" from real use — on both
//! backends.

use crate::eservices::anna_applies;
use crate::support::{as_user, body, post, spawn_app, test_settings, to};
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::measure::{JourneyKind, Month, Period};

on_both_backends!(
    a_journey_is_counted_step_by_step_once_per_step,
    service_pages_show_how_the_promise_was_kept_and_the_open_data_has_every_service,
    the_most_used_services_are_the_ones_people_use,
    the_dashboards_are_scoped_to_the_viewers_units_and_work_as_links,
    staff_are_asked_about_their_tool_at_most_once_a_quarter,
    metrics_are_for_operations_only,
);

const SLUG: &str = "ansok-om-forskoleplats";

async fn a_journey_is_counted_step_by_step_once_per_step(backend: Backend) {
    let app = spawn_app(backend).await;
    let (lo, _) = as_user(&app, "anna").await;
    assert_eq!(body(&lo, &format!("/services/{SLUG}/start")).await.0, 200);
    // One whole journey: start, child, (guardian skipped), preschools, care, documents, check, submit.
    anna_applies(&app).await;
    // A second one: refused once on the child's personnummer, then valid; the child step saved
    // again does not reach the next step twice; then deleted.
    let (anna, csrf) = as_user(&app, "anna").await;
    let res = post(&anna, &csrf, "/api/apply/start", &[("slug", SLUG)]).await;
    let token = to(&res, &anna.address).split('/').nth(2).expect("token").to_owned();
    let child = format!("/forms/{token}/child");
    let wrong =
        [("child_name", "Lo"), ("child_pnr", "20230315-2387"), ("other_guardian", "no"), ("action", "continue")];
    assert!(to(&post(&anna, &csrf, &child, &wrong).await, &anna.address).ends_with("#error-summary"));
    let right =
        [("child_name", "Lo"), ("child_pnr", "20230315-2389"), ("other_guardian", "no"), ("action", "continue")];
    for _ in 0..2 {
        assert!(to(&post(&anna, &csrf, &child, &right).await, &anna.address).ends_with("/step/preschools"));
    }
    let res = post(&anna, &csrf, &format!("/forms/{token}/preschools"), &[("action", "save")]).await;
    assert_eq!(res.status(), 303, "save and continue later");
    let res = post(&anna, &csrf, "/api/apply/discard", &[("token", &token)]).await;
    assert!(res.status().is_redirection(), "{}", res.status());

    app.store.flush_journeys().await.unwrap();
    let month = Month::at(app.clock.now());
    let counts = app.store.journey_counts(Period { first: month, last: month }, Some(SLUG)).await.unwrap();
    let n = |kind: JourneyKind, detail: &str| {
        counts.iter().filter(|c| c.kind == kind && c.detail == detail).map(|c| c.n).sum::<i64>()
    };
    assert_eq!(n(JourneyKind::Start, ""), 1, "{counts:?}");
    assert_eq!(n(JourneyKind::Step, "child"), 2);
    assert_eq!(n(JourneyKind::Step, "guardian"), 0, "skipped");
    assert_eq!(n(JourneyKind::Step, "preschools"), 2, "once per journey");
    assert_eq!((n(JourneyKind::Step, "care"), n(JourneyKind::Step, "documents")), (1, 1));
    assert_eq!(n(JourneyKind::FieldError, "child_pnr"), 1);
    assert_eq!((n(JourneyKind::Saved, ""), n(JourneyKind::Check, "")), (1, 1));
    assert_eq!((n(JourneyKind::Submitted, ""), n(JourneyKind::Abandoned, "")), (1, 1));
    // A browser without a User-Agent is a computer, on the web (not lite).
    let devices = app.store.journey_devices(Period { first: month, last: month }, JourneyKind::Step, Some(SLUG)).await;
    assert!(devices.unwrap().iter().all(|(c, d, _)| c == "web" && d == "computer"));
    // The filed case carries its channel.
    let rows = app.store.rebuild_rollups(&[month]).await;
    assert!(rows.is_ok());
    let months = app.store.case_totals_by_service(Period { first: month, last: month }, None).await.unwrap();
    assert_eq!(months.iter().filter(|m| m.service_slug == SLUG).map(|m| m.submitted).sum::<i64>(), 1);
}

async fn service_pages_show_how_the_promise_was_kept_and_the_open_data_has_every_service(backend: Backend) {
    let mut settings = test_settings(backend).await;
    settings.measurement.seed_history = true;
    let app = crate::support::spawn_app_with(settings).await;
    let (status, html) = body(&app, &format!("/services/{SLUG}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Så höll vi vad vi lovade") && html.contains("Vi lovar ett beslut inom 30 dagar"), "{html}");
    assert!(html.contains("Mediantid till beslut") && html.contains("Beslut inom utlovad tid"));
    assert!(html.contains("<svg") && html.contains("role=\"img\"") && html.contains("<table class=\"data\""));
    // A working-day promise says so.
    let (_, parking) = body(&app, "/services/boendeparkering").await;
    assert!(parking.contains("arbetsdagar"), "boendeparkering counts working days");
    // A service without an e-service here has no figures.
    let (_, other) = body(&app, "/services/fardtjanst").await;
    assert!(!other.contains("Så höll vi vad vi lovade"));

    let res = app.get("/open-data/service-levels.csv").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let csv = res.text().await.unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(stadsporten_domain::measure::LEVEL_COLUMNS.join(",").as_str()));
    let rows: Vec<&str> = lines.collect();
    let defs = app.store.definitions().await.unwrap();
    let live = defs.iter().filter(|d| d.status == stadsporten_db::DefinitionStatus::Live).count();
    assert_eq!(rows.len(), live * 13, "a row per service for the year and for each month");
    let res = app.get("/open-data/service-levels.json").send().await.unwrap();
    let json: serde_json::Value = res.json().await.unwrap();
    assert_eq!(json["dataset"]["license"], "https://creativecommons.org/publicdomain/zero/1.0/");
    assert_eq!(json["rows"].as_array().map(Vec::len), Some(live * 13));
    let (status, page) = body(&app, "/open-data/service-levels").await;
    assert!(status == 200 && page.contains("färre än fem ärenden"), "{page}");
}

async fn the_most_used_services_are_the_ones_people_use(backend: Backend) {
    let app = spawn_app(backend).await;
    // Nobody has used anything yet; then the service page of "nybyggnadskarta" is seen eight times.
    for _ in 0..8 {
        assert_eq!(body(&app, "/services/nybyggnadskarta").await.0, 200);
    }
    app.store.flush_journeys().await.unwrap();
    app.store.refresh_catalogue().await.unwrap();
    let (_, html) = body(&app, "/").await;
    let most_used = html.split_once("id=\"most-used-heading\"").map_or(html.as_str(), |(_, rest)| rest);
    let first_link = most_used.split("href=\"/services/").nth(1).and_then(|s| s.split('"').next());
    assert_eq!(first_link, Some("nybyggnadskarta"), "{most_used}");
}

async fn the_dashboards_are_scoped_to_the_viewers_units_and_work_as_links(backend: Backend) {
    let mut settings = test_settings(backend).await;
    settings.measurement.seed_history = true;
    let app = crate::support::spawn_app_with(settings).await;
    // Per answers for MF and TILL: their figures, and only theirs.
    let (per, _) = as_user(&app, "per").await;
    let (status, html) = body(&per, "/stats").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Inkomna ärenden per månad") && html.contains("<svg") && html.contains("<table class=\"data\"")
    );
    assert!(html.contains("Värmepump") || html.contains("värmepump"), "an MF service is listed");
    assert!(!html.contains("Ansök om förskoleplats"), "no UTB service for Per");
    // Filters are a GET form; an unreadable period and an unknown service give a notice, not an error.
    let (status, html) = body(&per, "/stats?from=2026-13&service=finns-inte").await;
    assert_eq!(status, 200);
    assert!(html.contains("Perioden kunde inte läsas") && html.contains("Den e-tjänsten finns inte"), "{html}");
    // Another unit's figures: refused and in the audit trail.
    assert_eq!(body(&per, "/stats?unit=UTB").await.0, 403);
    assert_eq!(body(&per, "/stats/services/ansok-om-forskoleplats").await.0, 403);
    let per_id = app.store.user_by_persona("per").await.unwrap().unwrap().id;
    let denied = app
        .store
        .audit_entries(&AuditFilter { actor: Some(per_id), ..Default::default() }, 50, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.chained.entry.action == stadsporten_domain::audit::AuditAction::AccessDenied)
        .map(|e| (e.chained.entry.object_type.clone(), e.chained.entry.object_id.clone().unwrap_or_default()))
        .collect::<Vec<_>>();
    assert!(denied.contains(&("unit".into(), "UTB".into())), "{denied:?}");
    assert!(denied.contains(&("service".into(), "ansok-om-forskoleplats".into())), "{denied:?}");
    // One e-service's journey: the steps in order, the fields that stop people, and the CSV.
    let (status, html) = body(&per, "/stats/services/varmepump").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Vägen genom e-tjänsten") && html.contains("Startsidan") && html.contains("Skickade ansökningar")
    );
    let csv = per.get("/stats/export.csv?table=funnel&service=varmepump").send().await.unwrap();
    assert_eq!(csv.status(), 200);
    let csv = csv.text().await.unwrap();
    assert!(csv.starts_with("service,from,to,stage,count") && csv.contains("\"submitted\""), "{csv}");
    let csv = per.get("/stats/export.csv?table=services").send().await.unwrap().text().await.unwrap();
    assert!(csv.contains("\"varmepump\"") && !csv.contains("ansok-om-forskoleplats"));
    // The yearly value report, printable, for the whole of Per's units.
    let (status, html) = body(&per, "/stats/report").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Nyttovärdering")
            && html.contains("Uppskattad sparad arbetstid")
            && html.contains("Personalens omdöme")
    );
    // An administrator sees every unit; a resident nothing.
    let (admin, _) = as_user(&app, "admin").await;
    let (_, html) = body(&admin, "/stats?unit=UTB").await;
    assert!(html.contains("Ansök om förskoleplats"));
    let (anna, _) = as_user(&app, "anna").await;
    assert_eq!(body(&anna, "/stats").await.0, 403);
}

async fn staff_are_asked_about_their_tool_at_most_once_a_quarter(backend: Backend) {
    let app = spawn_app(backend).await;
    let (sara, csrf) = as_user(&app, "sara").await;
    let (_, html) = body(&sara, "/officer").await;
    assert!(html.contains("Två frågor om verktyget du arbetar i"), "asked on the queue");
    let res = post(&sara, &csrf, "/stats/staff-survey", &[("useful", "6"), ("easy", "5"), ("back", "/officer")]).await;
    assert_eq!(to(&res, &sara.address), "/officer");
    let (_, html) = body(&sara, "/officer").await;
    assert!(!html.contains("Två frågor om verktyget"), "not again this quarter");
    // A second answer in the quarter is not counted.
    post(&sara, &csrf, "/stats/staff-survey", &[("useful", "1"), ("easy", "1"), ("back", "/officer")]).await;
    let quarter = Month::at(app.clock.now()).quarter_key();
    let sums = app.store.staff_survey_sums(quarter, quarter).await.unwrap();
    let s = &sums["case-handling"];
    assert_eq!(s.n, 1);
    assert!((s.umux_sum - 75.0).abs() < 1e-9, "(6 + 5 - 2) / 12 = 75");
    // Per (a service owner, no tool of his own) is not asked.
    let (per, _) = as_user(&app, "per").await;
    let (_, html) = body(&per, "/officer").await;
    assert!(!html.contains("Två frågor om verktyget"));
}

async fn metrics_are_for_operations_only(backend: Backend) {
    let mut settings = test_settings(backend).await;
    settings.measurement.metrics_allow = "10.9.9.0/24".into();
    settings.measurement.metrics_token = secrecy::SecretString::from("scrape-token-for-tests");
    let app = crate::support::spawn_app_with(settings).await;
    assert_eq!(body(&app, "/services/bygglov").await.0, 200);
    // Not from an allowed address and without the token: nothing here.
    assert_eq!(app.get("/metrics").send().await.unwrap().status(), 404);
    let wrong = app.get("/metrics").bearer_auth("scrape-token-for-test").send().await.unwrap();
    assert_eq!(wrong.status(), 404);
    let res = app.get("/metrics").bearer_auth("scrape-token-for-tests").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/plain; version=0.0.4"));
    let text = res.text().await.unwrap();
    for needle in [
        "stadsporten_http_requests_total{method=\"GET\",route=\"/services/{slug}\",status=\"200\"}",
        "stadsporten_http_request_duration_seconds_bucket{method=\"GET\",route=\"/services/{slug}\",le=\"+Inf\"}",
        "stadsporten_db_pool_connections",
        "stadsporten_outbox_pending",
        "stadsporten_audit_pending",
        "stadsporten_requests_in_flight",
        "stadsporten_sign_ins_total",
    ] {
        assert!(text.contains(needle), "no {needle} in\n{text}");
    }
    assert!(!text.contains("bygglov\""), "templates, never the paths people typed");
}
