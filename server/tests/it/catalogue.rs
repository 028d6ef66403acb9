//! The catalogue as a visitor without JavaScript meets it: real server, real database (SQLite and
//! PostgreSQL), real HTTP.

use crate::support::spawn_app;
use stadsporten_db::{on_both_backends, Backend};

on_both_backends!(
    the_start_page_shows_situations_current_messages_and_most_used_services,
    searching_finds_the_preschool_services_however_it_is_spelt,
    filters_and_pagination_work_as_plain_links,
    a_service_page_shows_its_facts_and_falls_back_to_swedish_visibly,
    unknown_pages_are_translated_404s,
    malformed_queries_are_translated_400s_and_odd_text_is_harmless,
    the_language_is_chosen_by_link_then_browser_then_swedish,
    lite_delivery_sends_no_script_and_save_data_chooses_it,
    every_response_carries_security_headers_and_a_matching_nonce,
    the_search_server_function_answers_plain_posts,
    health_checks_answer,
);

async fn the_start_page_shows_situations_current_messages_and_most_used_services(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, html) = app.page("/", "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains(r#"<html lang="sv" dir="ltr">"#));
    for text in ["Förskola och skola", "Starta och driva företag", "Mest använda tjänster", "Ansök om förskoleplats"]
    {
        assert!(html.contains(text), "start page lacks {text}");
    }
    assert!(
        html.contains("<h3>Bokningen av idrottshallar fungerar inte just nu</h3>")
            && html.contains(r#"<li><a href="/services/boka-idrottshall">Boka idrottshall</a></li>"#),
        "the current disruption is shown and links to its service"
    );
    assert!(!html.contains("tidigare störning är åtgärdad"), "expired message hidden");
    assert!(html.contains(r#"<form method="get" action="/services" role="search""#), "search works without JS");
}

async fn searching_finds_the_preschool_services_however_it_is_spelt(backend: Backend) {
    let app = spawn_app(backend).await;
    for q in ["f%C3%B6rskola", "forskola", "f%C3%B6rskoleplats"] {
        let (status, html) = app.page(&format!("/services?q={q}"), "sv").await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"href="/services/ansok-om-forskoleplats""#), "q={q}");
    }
    let (_, html) = app.page("/services?q=preschool", "en").await;
    assert!(html.contains("Apply for a preschool place"));
}

async fn filters_and_pagination_work_as_plain_links(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, html) = app.page("/services?situation=starta-och-driva-foretag&audience=foretag", "sv").await;
    assert_eq!(status, 200);
    assert!(html.contains("Ansök om serveringstillstånd"));
    assert!(!html.contains("Ansök om förskoleplats"));
    assert!(html.contains(r#"<option value="starta-och-driva-foretag" selected"#), "the filter stays selected");
    let (_, first) = app.page("/services", "sv").await;
    assert!(first.contains(r#"href="/services?page=2""#), "a next-page link");
    let (status, second) = app.page("/services?page=2", "sv").await;
    assert_eq!(status, 200);
    assert!(second.contains("Sida 2 av"));
}

async fn a_service_page_shows_its_facts_and_falls_back_to_swedish_visibly(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, html) = app.page("/services/ansok-om-forskoleplats", "sv").await;
    assert_eq!(status, 200);
    for text in [
        "Vem kan använda tjänsten",
        "Utbildningsförvaltningen",
        "Kostnad",
        "Handläggningstid (servicenivå)",
        "30 dagar",
        "Starta e-tjänsten",
        "Senast granskad 2026-10-12",
        "08-508 00 508",
    ] {
        assert!(html.contains(text), "service page lacks {text}");
    }
    let (status, start) = app.page("/services/ansok-om-forskoleplats/start", "sv").await;
    assert_eq!(status, 200);
    assert!(start.contains("Ansök om förskoleplats") && start.contains("Logga in och ansök"), "a live e-service");
    // Every e-service of the catalogue starts here; a service without one has no start page, and
    // a service another authority runs links out, saying so.
    let (status, start) = app.page("/services/bygglov/start", "sv").await;
    assert_eq!(status, 200);
    assert!(start.contains("Logga in och ansök"), "bygglov is live");
    let (status, _) = app.page("/services/skadedjur/start", "sv").await;
    assert_eq!(status, 404, "no placeholder");
    let (_, out) = app.page("/services/fardtjanst", "sv").await;
    assert!(
        out.contains("Du lämnar Stadsporten")
            && out.contains(r#"href="https://www.regionstockholm.se/fardtjanst/" rel="external noopener""#)
    );
    // Every seeded page has Finnish; one whose Finnish text is removed falls back, visibly.
    app.store
        .execute_raw_for_test(
            "delete from service_translations where lang = 'fi' \
             and service_id = (select id from services where slug = 'skyltlov')",
        )
        .await
        .unwrap();
    let (_, fi) = app.page("/services/skyltlov", "fi").await;
    assert!(fi.contains("Tätä tietoa ei ole saatavilla suomeksi"), "translated fallback note");
    assert!(fi.contains("Ansök om skyltlov"), "Swedish content");
    assert!(
        fi.contains(r#"<article lang="sv" class="service">"#) || fi.contains(r#"<article class="service" lang="sv">"#),
        "content marked as Swedish"
    );
    let (_, ar) = app.page("/services/ansok-om-forskoleplats", "ar").await;
    assert!(ar.contains("التقديم على مكان في الروضة"));
    assert!(!ar.contains("غير متوفرة باللغة العربية"));
    assert!(ar.contains("\u{2066}08-508 00 508\u{2069}"), "the phone number keeps its order in right-to-left text");
}

async fn unknown_pages_are_translated_404s(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/services/finns-inte", "/no/such/page", "/services/N%C3%A4t%20Slug", "/services/%FF"] {
        let (status, html) = app.page(path, "en").await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Page not found"), "{path}");
    }
    let (_, sv) = app.page("/services/finns-inte", "sv").await;
    assert!(sv.contains("Sidan finns inte"));
}

async fn malformed_queries_are_translated_400s_and_odd_text_is_harmless(backend: Backend) {
    let app = spawn_app(backend).await;
    let long = "a".repeat(201);
    for (query, message) in [
        ("page=0", "The page number is not valid"),
        ("page=abc", "The page number is not valid"),
        ("situation=mars", "That life situation does not exist"),
        ("audience=x", "That audience does not exist"),
        ("q=%ZZ", "characters that cannot be read"),
        ("q=a&q=b", "the same detail more than once"),
        (&format!("q={long}"), "The search text is too long"),
    ] {
        let (status, html) = app.page(&format!("/services?{query}"), "en").await;
        assert_eq!(status, 400, "{query}");
        assert!(html.contains(message), "{query}: {message}");
    }
    for q in [
        "%22",
        "%27%20OR%201%3D1%20--",
        "NEAR(a%20b)",
        "*",
        "%F0%9F%99%82",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%00",
    ] {
        let (status, html) = app.page(&format!("/services?q={q}"), "sv").await;
        assert_eq!(status, 200, "q={q}");
        assert!(!html.contains("<script>alert(1)"), "user text is escaped");
    }
}

async fn the_language_is_chosen_by_link_then_browser_then_swedish(backend: Backend) {
    let app = spawn_app(backend).await;
    // A browser of its own: the choice is a cookie, and the checks below must not carry it.
    let chooser = crate::support::browser(&app.address);
    let res = chooser.get(app.url("/lang/ar?to=%2Fservices%3Fq%3Dparkering")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/services?q=parkering");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("lang=ar;") && cookie.contains("SameSite=Lax"));
    let html = app.html("/services", &[("cookie", "lang=ar"), ("accept-language", "en")]).await;
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#), "explicit choice wins, right to left");
    assert!(html.contains("جميع الخدمات"));
    let (_, en) = app.page("/", "en-GB,en;q=0.9").await;
    assert!(en.contains(r#"<html lang="en" dir="ltr">"#));
    let (_, de) = app.page("/", "de-DE").await;
    assert!(de.contains(r#"<html lang="sv" dir="ltr">"#), "Swedish by default");
    let evil = app.get("/lang/en?to=%2F%2Fevil.example").send().await.unwrap();
    assert_eq!(evil.headers()["location"], "/", "no open redirect");
}

async fn lite_delivery_sends_no_script_and_save_data_chooses_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, full) = app.page("/services", "sv").await;
    assert!(full.contains(r#"<script type="module""#), "a page with an island loads the hydration script");
    let (_, plain) = app.page("/services/bygglov", "sv").await;
    assert!(
        !plain.contains(".wasm") && !plain.contains(r#"<script type="module""#),
        "a page without islands loads none"
    );
    let lite = app.html("/services", &[("cookie", "lite=1")]).await;
    assert!(!lite.contains("<script") && !lite.contains(".wasm"), "lite sends no JS or WASM");
    assert!(lite.contains("Du använder lättversionen."));
    let save_data = app.html("/services", &[("save-data", "on")]).await;
    assert!(!save_data.contains("<script"));
    let opted_out = app.html("/services", &[("save-data", "on"), ("cookie", "lite=0")]).await;
    assert!(opted_out.contains("<script"), "an explicit choice wins over Save-Data");
}

async fn every_response_carries_security_headers_and_a_matching_nonce(backend: Backend) {
    use base64::Engine as _;
    use sha2::Digest as _;
    let app = spawn_app(backend).await;
    let res = app.get("/").header("accept-encoding", "br").send().await.unwrap();
    let h = res.headers().clone();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "strict-origin-when-cross-origin");
    assert!(h.contains_key("x-request-id"));
    assert_eq!(h["content-encoding"], "br", "HTML is compressed");
    let csp = h["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
    // An anonymous public page is the same for everyone and kept in memory: no nonce; its
    // inline scripts are allowed by their hashes, exactly.
    assert!(!csp.contains("'nonce-"), "{csp}");
    let res = app.get("/services").send().await.unwrap();
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_owned();
    let html = res.text().await.unwrap();
    let script =
        html.split(r#"<script type="module">"#).nth(1).and_then(|s| s.split("</script>").next()).unwrap_or_else(|| {
            panic!("the island script: {}", &html[html.find("<script").unwrap_or(0)..][..300.min(html.len())])
        });
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script.as_bytes()));
    assert!(csp.contains(&format!("'sha256-{hash}'")), "the script's hash is allowed: {csp}");
    for inline in html
        .split("<script")
        .skip(1)
        .filter_map(|s| s.split_once('>'))
        .map(|(_, rest)| rest.split("</script>").next().unwrap_or(""))
    {
        let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(inline.as_bytes()));
        assert!(inline.is_empty() || csp.contains(&format!("'sha256-{hash}'")), "every inline script is allowed");
    }
    // A signed-in page is personal: rendered per request with a fresh nonce its scripts carry.
    let (anna, _) = crate::support::as_user(&app, "anna").await;
    let nonce_of = |res: &reqwest::Response| {
        let csp = res.headers()["content-security-policy"].to_str().unwrap().to_owned();
        csp.split("'nonce-").nth(1).and_then(|s| s.split('\'').next()).unwrap().to_owned()
    };
    let first = anna.get("/services").send().await.unwrap();
    let first_nonce = nonce_of(&first);
    let res = anna.get("/services").send().await.unwrap();
    let nonce = nonce_of(&res);
    assert_ne!(nonce, first_nonce, "a fresh nonce per response");
    let html = res.text().await.unwrap();
    assert!(html.contains(&format!(r#"<script type="module" nonce="{nonce}">"#)), "script carries the header's nonce");
    let health = app.get("/healthz").send().await.unwrap();
    assert_eq!(health.headers()["content-security-policy"], "default-src 'none'; frame-ancestors 'none'");
}

async fn the_search_server_function_answers_plain_posts(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app
        .client
        .post(format!("{}/api/catalogue/results", app.address))
        .header("accept", "application/json")
        .header("accept-language", "en")
        .json(&serde_json::json!({ "query": "q=parking" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let json: serde_json::Value = res.json().await.unwrap();
    assert_eq!(json["results"]["items"][0]["title"], "Resident parking");
    // The live island's fragment: the same results as HTML (a JSON string), typed text escaped.
    let res = app
        .client
        .post(format!("{}/api/catalogue/results-html", app.address))
        .header("accept", "application/json")
        .header("accept-language", "en")
        .json(&serde_json::json!({ "query": "q=parking" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let fragment: String = res.json().await.expect("a JSON string");
    assert!(fragment.starts_with("<section") && fragment.contains("data-results"), "{fragment}");
    assert!(fragment.contains(">Resident parking</a>"), "{fragment}");
    let res = app
        .client
        .post(format!("{}/api/catalogue/results-html", app.address))
        .header("accept", "application/json")
        .header("accept-language", "en")
        .json(&serde_json::json!({ "query": "q=%3Cb%3Eparking" }))
        .send()
        .await
        .unwrap();
    let fragment: String = res.json().await.expect("a JSON string");
    assert!(fragment.contains("&lt;b&gt;parking"), "the heading repeats the search, escaped: {fragment}");
    assert!(!fragment.contains("<b>"), "{fragment}");
    let bad = app
        .client
        .post(format!("{}/api/catalogue/results", app.address))
        .header("accept", "application/json")
        .json(&serde_json::json!({ "query": "page=0" }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.unwrap().contains("InvalidPage"));
    let garbage = app
        .client
        .post(format!("{}/api/catalogue/results", app.address))
        .header("accept", "application/json")
        .header("content-type", "application/json")
        .body("nonsense")
        .send()
        .await
        .unwrap();
    assert!(
        garbage.status().is_client_error(),
        "undecodable arguments are the client's error, got {}",
        garbage.status()
    );
}

async fn health_checks_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get("/healthz").send().await.unwrap().text().await.unwrap(), "ok");
    let ready = app.get("/readyz").send().await.unwrap();
    assert_eq!(ready.status(), 200);
    app.store.close().await;
    let down = app.get("/readyz").send().await.unwrap();
    assert_eq!(down.status(), 503, "a closed database is not ready");
}
