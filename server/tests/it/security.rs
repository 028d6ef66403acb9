//! Web security rules that cut across features (redirects, cross-site requests, methods, caching,
//! downloads), through HTTP like a browser, on both backends.

use crate::support::{as_user, body, browser, post, spawn_app, to, upload, TestApp};
use stadsporten_db::{on_both_backends, Backend};
use stadsporten_domain::ids::AttachmentId;

on_both_backends!(
    only_local_paths_are_followed_whatever_a_browser_strips,
    markup_typed_into_any_e_service_field_is_shown_as_text,
    markup_in_a_providers_unit_description_is_shown_as_text,
    a_signed_in_state_change_needs_the_token_whatever_the_body_type,
    a_server_function_asked_with_the_wrong_method_answers_405,
    nothing_personal_is_stored_by_a_cache,
    a_download_is_named_for_what_it_is,
);

/// What a browser strips or folds inside a URL, encoded as a query value.
const SNEAKY: &[&str] = &[
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%0D/evil.example",
    "%09//evil.example",
    "/%5C/evil.example",
    "/%5Cevil.example",
    "//evil.example",
    "/%C2%A0/evil.example",
    "/%E2%80%A8/evil.example",
    "/%E3%80%80/evil.example",
    "https://evil.example",
];

async fn only_local_paths_are_followed_whatever_a_browser_strips(backend: Backend) {
    let app = spawn_app(backend).await;
    let anonymous = browser(&app.address);
    for to in SNEAKY {
        for (route, fallback) in [("/lang/en", "/"), ("/lite/on", "/"), ("/lite/off", "/")] {
            let res = anonymous.get(app.url(&format!("{route}?to={to}"))).send().await.unwrap();
            assert_eq!(res.status(), 303, "{route}?to={to}");
            assert_eq!(res.headers()["location"], fallback, "{route}?to={to}");
        }
    }
    let ok = anonymous.get(app.url("/lite/on?to=%2Fservices%3Fq%3Df%C3%B6rskola")).send().await.unwrap();
    assert_eq!(ok.headers()["location"].as_bytes(), "/services?q=förskola".as_bytes(), "a local path is kept");
    let (anna, _) = as_user(&app, "anna").await;
    for to in SNEAKY {
        let res = anna.get(&format!("/auth/extend?to={to}")).send().await.unwrap();
        assert_eq!(res.status(), 303, "extend {to}");
        assert_eq!(res.headers()["location"], "/my", "extend {to}");
    }
    // The return after sign-in: the path travels through the provider in the session.
    let returning = crate::support::TestApp {
        client: browser(&app.address),
        address: app.address.clone(),
        store: app.store.clone(),
        clock: app.clock.clone(),
    };
    assert_eq!(returning.sign_in_to("anna", "/%09/evil.example").await, app.url("/my"));
}

/// What someone types to break out of a `<textarea>` (or an attribute) into the page.
const MARKUP: &str = "</textarea><img src=x onerror=alert(1)><b>x";
/// The same, escaped as HTML text (and as a double-quoted attribute: `<`, `>` and `&` alike).
const ESCAPED: &str = "&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;x";

/// The text between `<textarea id="{id}" …>` and `</textarea>`.
fn textarea(html: &str, id: &str) -> String {
    let at = html.find(&format!("<textarea id=\"{id}\"")).unwrap_or_else(|| panic!("no textarea {id}: {html}"));
    let open = at + html[at..].find('>').expect("tag end") + 1;
    let close = open + html[open..].find("</textarea>").expect("closing tag");
    html[open..close].to_owned()
}

fn shown_as_text(html: &str, what: &str) {
    assert!(!html.contains("<img src=x"), "{what}: markup breaks out into the page: {html}");
    assert!(!html.contains("<b>x"), "{what}: markup breaks out into the page");
    assert!(html.contains(ESCAPED), "{what}: the value is shown, escaped");
}

/// A step with one field of every kind, put first in a new version of the feedback e-service.
const EVERY_KIND: &str = r#"
[[steps]]
id = "all"
title = { sv = "Alla slags fält", en = "Every kind of field", fi = "Every kind of field", ar = "Every kind of field" }

[[steps.fields]]
id = "f_text"
type = "text"
label = { sv = "Text", en = "Text", fi = "Text", ar = "Text" }

[[steps.fields]]
id = "f_long"
type = "long-text"
label = { sv = "Lång text", en = "Long text", fi = "Long text", ar = "Long text" }

[[steps.fields]]
id = "f_number"
type = "number"
label = { sv = "Tal", en = "Number", fi = "Number", ar = "Number" }

[[steps.fields]]
id = "f_date"
type = "date"
label = { sv = "Datum", en = "Date", fi = "Date", ar = "Date" }

[[steps.fields]]
id = "f_email"
type = "email"
label = { sv = "E-post", en = "E-mail", fi = "E-mail", ar = "E-mail" }

[[steps.fields]]
id = "f_phone"
type = "phone"
label = { sv = "Telefon", en = "Phone", fi = "Phone", ar = "Phone" }

[[steps.fields]]
id = "f_pnr"
type = "personnummer"
label = { sv = "Personnummer", en = "Personal identity number", fi = "Personal identity number", ar = "Personal identity number" }

[[steps.fields]]
id = "f_orgnr"
type = "organisationsnummer"
label = { sv = "Organisationsnummer", en = "Organisation number", fi = "Organisation number", ar = "Organisation number" }

[[steps.fields]]
id = "f_address"
type = "address"
label = { sv = "Adress", en = "Address", fi = "Address", ar = "Address" }

[[steps.fields]]
id = "f_select"
type = "select"
label = { sv = "Välj", en = "Choose", fi = "Choose", ar = "Choose" }
options = [{ value = "a", label = { sv = "A", en = "A", fi = "A", ar = "A" } }, { value = "b", label = { sv = "B", en = "B", fi = "B", ar = "B" } }]

[[steps.fields]]
id = "f_radio"
type = "radio"
label = { sv = "Radio", en = "Radio", fi = "Radio", ar = "Radio" }
options = [{ value = "a", label = { sv = "A", en = "A", fi = "A", ar = "A" } }, { value = "b", label = { sv = "B", en = "B", fi = "B", ar = "B" } }]

[[steps.fields]]
id = "f_checks"
type = "checkboxes"
label = { sv = "Kryss", en = "Checks", fi = "Checks", ar = "Checks" }
options = [{ value = "a", label = { sv = "A", en = "A", fi = "A", ar = "A" } }, { value = "b", label = { sv = "B", en = "B", fi = "B", ar = "B" } }]

[[steps.fields]]
id = "f_file"
type = "file"
accept = ["pdf"]
max_files = 3
label = { sv = "Fil", en = "File", fi = "File", ar = "File" }

"#;

/// Publishes the feedback e-service with [`EVERY_KIND`] as its first step.
async fn publish_every_kind(app: &TestApp) {
    let (_, seed) = stadsporten_db::SEED_DEFINITIONS
        .iter()
        .find(|(name, _)| *name == "synpunkter-och-klagomal.toml")
        .expect("the feedback e-service is seeded");
    let at = seed.find("[[steps]]").expect("steps");
    let source = format!("{}{EVERY_KIND}{}", &seed[..at], &seed[at..]).replace("version = 3", "version = 4");
    let def = stadsporten_domain::eservice::ServiceDefinition::from_toml(&source).expect("a valid definition");
    let id = app.store.upload_definition(&def, None, app.clock.now()).await.expect("uploaded");
    assert!(app.store.publish_definition(id, None, app.clock.now()).await.unwrap());
}

async fn markup_typed_into_any_e_service_field_is_shown_as_text(backend: Backend) {
    let app = spawn_app(backend).await;
    publish_every_kind(&app).await;
    let (anna, csrf) = as_user(&app, "anna").await;
    let res = post(&anna, &csrf, "/api/apply/start", &[("slug", "synpunkter-och-klagomal")]).await;
    let page = to(&res, &anna.address);
    let token = page.split('/').nth(2).expect("token").to_owned();
    assert_eq!(page, format!("/apply/{token}/step/all"));
    let every: Vec<(&str, &str)> = [
        "f_text",
        "f_long",
        "f_number",
        "f_date",
        "f_email",
        "f_phone",
        "f_pnr",
        "f_orgnr",
        "f_address.street",
        "f_address.postcode",
        "f_address.city",
        "f_select",
        "f_radio",
        "f_checks",
    ]
    .into_iter()
    .map(|k| (k, MARKUP))
    .chain([("action", "save")])
    .collect();
    // Refused (most kinds cannot hold it): everything comes back as typed.
    let res = post(&anna, &csrf, &format!("/forms/{token}/all"), &every).await;
    assert_eq!(to(&res, &anna.address), format!("/apply/{token}/step/all#error-summary"));
    let (status, html) = body(&anna, &page).await;
    assert_eq!(status, 200);
    shown_as_text(&html, "a refused step");
    assert_eq!(textarea(&html, "f-f_long"), ESCAPED, "the long text as typed");
    for input in ["f_text", "f_email", "f_phone", "f_number", "f_pnr", "f_orgnr", "f_address.street"] {
        assert_eq!(crate::support::input_value(&html, input).as_deref(), Some(ESCAPED), "{input}");
    }
    // Adding a file keeps what was typed in the other fields (and shows the file's name).
    let res = upload(
        &anna,
        &csrf,
        &format!("/forms/{token}/all/upload"),
        &[("f_text", MARKUP), ("f_long", MARKUP), ("upload", "f_file")],
        Some(("file:f_file", &format!("{MARKUP}.pdf"), b"%PDF-1.4\n%%EOF\n".to_vec())),
    )
    .await;
    assert_eq!(res.status(), 303);
    let (_, html) = body(&anna, &page).await;
    assert!(!html.contains("<img src=x") && !html.contains("<b>x"), "after an upload: {html}");
    assert_eq!(textarea(&html, "f-f_long"), ESCAPED, "after an upload");
    // Saved (text kinds accept it): the draft shows it back, and so does the check page.
    let res = post(
        &anna,
        &csrf,
        &format!("/forms/{token}/all"),
        &[("f_text", MARKUP), ("f_long", MARKUP), ("action", "save")],
    )
    .await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let (_, html) = body(&anna, &page).await;
    shown_as_text(&html, "a saved draft");
    assert_eq!(textarea(&html, "f-f_long"), ESCAPED, "the saved long text");
    let (_, html) = body(&anna, &format!("/apply/{token}/check")).await;
    assert!(!html.contains("<img src=x") && !html.contains("<b>x"), "the check page: {html}");
}

async fn markup_in_a_providers_unit_description_is_shown_as_text(backend: Backend) {
    let app = spawn_app(backend).await;
    let (maja, csrf) = as_user(&app, "maja").await;
    let (_, html) = body(&maja, "/provider").await;
    let unit =
        html.split("href=\"/provider/units/").nth(1).and_then(|r| r.split('"').next()).expect("a unit").to_owned();
    let edit = format!("/provider/units/{unit}");
    // Refused (a bad e-mail address): the description comes back as typed.
    let res = post(&maja, &csrf, &edit, &[("description_sv", MARKUP), ("hours", "06:30-18:00"), ("email", "x")]).await;
    assert_eq!(to(&res, &maja.address), format!("{edit}#error-summary"));
    let (_, html) = body(&maja, &edit).await;
    shown_as_text(&html, "a refused unit form");
    assert_eq!(textarea(&html, "provider-description-sv"), ESCAPED);
    // Saved: the edit page and the public unit page show it as text.
    let res = post(&maja, &csrf, &edit, &[("description_sv", MARKUP), ("hours", "06:30-18:00")]).await;
    assert_eq!(to(&res, &maja.address), format!("{edit}?saved=1"));
    let (_, html) = body(&maja, &edit).await;
    shown_as_text(&html, "the saved unit");
    assert_eq!(textarea(&html, "provider-description-sv"), ESCAPED);
    let (_, html) = app.page(&format!("/compare/units/{unit}"), "sv").await;
    shown_as_text(&html, "the public unit page");
}

/// Anna's phone number as saved.
async fn phone(app: &TestApp) -> Option<String> {
    app.store.user_by_persona("anna").await.unwrap().unwrap().phone
}

async fn a_signed_in_state_change_needs_the_token_whatever_the_body_type(backend: Backend) {
    let app = spawn_app(backend).await;
    // Anna's number as seeded (the contact centre's demo): what a refused change must leave.
    let seeded = phone(&app).await;
    let (anna, csrf) = as_user(&app, "anna").await;
    let contact = anna.url("/api/my/contact");
    let form = "phone=070-123+45+67&lang=en&channel=sms";
    let with_token = format!("{form}&csrf={csrf}");
    // A body a cross-site page can send: any media type, spelt any way, without the token.
    for (content_type, body) in [
        (Some("text/plain"), form),
        (Some("text/plain; charset=utf-8"), form),
        (Some("APPLICATION/X-WWW-FORM-URLENCODED"), form),
        (Some("Application/X-Www-Form-Urlencoded; charset=utf-8"), form),
        (Some("application/x-www-form-urlencoded ; charset=utf-8"), form),
        (Some("application/json"), r#"{"phone":"070-123 45 67","lang":"en","channel":"sms"}"#),
        (
            Some("MULTIPART/FORM-DATA; boundary=x"),
            "--x\r\nContent-Disposition: form-data; name=\"phone\"\r\n\r\n070\r\n--x--\r\n",
        ),
        (Some("multipart/form-data; boundary=x"), "--x--\r\n"),
        (Some("application/octet-stream"), form),
        (Some(""), form),
        (None, form),
    ] {
        let mut req = anna.client.post(&contact).body(body);
        if let Some(ct) = content_type {
            req = req.header("content-type", ct);
        }
        let res = req.send().await.unwrap();
        assert_eq!(res.status(), 403, "{content_type:?} without the token");
        assert_eq!(phone(&app).await, seeded, "{content_type:?}: nothing saved");
    }
    // The other state-changing methods, too.
    for method in [reqwest::Method::PUT, reqwest::Method::PATCH, reqwest::Method::DELETE] {
        let res = anna.client.request(method.clone(), &contact).body(form).send().await.unwrap();
        assert_eq!(res.status(), 403, "{method} without the token");
    }
    // A wrong token in the header is as good as none.
    let res = anna
        .client
        .post(&contact)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-csrf-token", "not-the-token")
        .body(with_token.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "a wrong header token");
    // With the token, a form passes however its media type is spelt.
    for content_type in ["APPLICATION/X-WWW-FORM-URLENCODED", "application/x-www-form-urlencoded; charset=UTF-8"] {
        let res = anna
            .client
            .post(&contact)
            .header("content-type", content_type)
            .body(with_token.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 302, "{content_type} with the token");
    }
    assert_eq!(phone(&app).await.as_deref(), Some("070-123 45 67"));
    // JSON calls (the live results island) carry the token in a header.
    let results = anna.url("/api/catalogue/results-html");
    let json = || {
        anna.client
            .post(&results)
            .header("accept", "application/json")
            .json(&serde_json::json!({ "query": "q=parking" }))
    };
    assert_eq!(json().send().await.unwrap().status(), 403, "JSON without the token");
    assert_eq!(json().header("x-csrf-token", &csrf).send().await.unwrap().status(), 200, "JSON with the header token");
    // Multipart forms carry it in the address (the body is not buffered here) or the header.
    let res = upload(&anna, &csrf, "/api/my/contact", &[("phone", "08-123 456 78")], None).await;
    assert_ne!(res.status(), 403, "multipart with the token in the address");
    // Signed out, there is no token to check: the same-origin rule alone applies.
    let anonymous = browser(&app.address);
    let res = anonymous
        .post(app.url("/api/catalogue/results-html"))
        .header("accept", "application/json")
        .json(&serde_json::json!({ "query": "q=parking" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "anonymous JSON");
}

async fn a_server_function_asked_with_the_wrong_method_answers_405(backend: Backend) {
    let app = spawn_app(backend).await;
    let (anna, _) = as_user(&app, "anna").await;
    for who in [&app, &anna] {
        for path in ["/api/my/contact", "/api/catalogue/results"] {
            for method in [reqwest::Method::GET, reqwest::Method::OPTIONS] {
                for accept in ["text/html", "application/json"] {
                    let res = who
                        .client
                        .request(method.clone(), who.url(path))
                        .header("accept", accept)
                        .header("accept-language", "en")
                        .send()
                        .await
                        .unwrap();
                    let what = format!("{method} {path} ({accept})");
                    assert_eq!(res.status(), 405, "{what}");
                    assert_eq!(res.headers().get("allow").map(|v| v.to_str().unwrap()), Some("POST"), "{what}");
                    let text = res.text().await.unwrap();
                    assert!(!text.contains("panicked") && !text.contains("src/"), "{what}: no internals: {text}");
                    if accept == "text/html" {
                        assert!(text.contains("This address only takes forms"), "{what}: a translated page");
                    }
                }
            }
        }
    }
    // An address under /api/ that is no server function is not found, not a crash.
    let res = app.get("/api/no-such-function").header("accept-language", "en").send().await.unwrap();
    assert_eq!(res.status(), 404);
    // CONNECT (a scanner's proxy probe) is refused with an empty answer: HTTP forbids a body there.
    // Raw bytes, because an HTTP client treats CONNECT as the start of a tunnel.
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let host = app.address.trim_start_matches("http://");
    let mut tcp = tokio::net::TcpStream::connect(host).await.unwrap();
    tcp.write_all(b"CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n").await.unwrap();
    let mut head = vec![0u8; 4096];
    let n = tokio::time::timeout(std::time::Duration::from_secs(5), tcp.read(&mut head)).await.unwrap().unwrap();
    let head = String::from_utf8_lossy(&head[..n]).to_lowercase();
    assert!(head.starts_with("http/1.1 405"), "{head}");
    assert!(head.contains("allow: get, head, post"), "{head}");
    assert!(!head.contains("content-length: ") || head.contains("content-length: 0\r\n"), "no body: {head}");
    assert!(head.ends_with("\r\n\r\n"), "nothing after the head: {head}");
}

fn cache_control(res: &reqwest::Response) -> String {
    res.headers().get("cache-control").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default()
}

fn not_stored(res: &reqwest::Response, what: &str) {
    let cc = cache_control(res);
    assert!(cc.contains("no-store") && cc.contains("private"), "{what}: cache-control {cc:?}");
}

async fn nothing_personal_is_stored_by_a_cache(backend: Backend) {
    let app = spawn_app(backend).await;
    // Public pages for an anonymous visitor keep their caching.
    let res = app.get("/services").send().await.unwrap();
    assert_eq!(cache_control(&res), "no-cache, private", "a public page, anonymous");
    // Setting up a session (the sign-in's start) and the sign-in's answer are personal.
    let res = app.get("/auth/login?as=resident").send().await.unwrap();
    not_stored(&res, "the sign-in's start");
    let (anna, csrf) = as_user(&app, "anna").await;
    let steps = anna.sign_in_steps("resident", "anna").await;
    let res = anna.client.get(&steps.callback).send().await.unwrap();
    not_stored(&res, "the sign-in's answer");
    let csrf = if res.status().is_redirection() { anna.csrf().await } else { csrf };
    // Every answer to a signed-in person: pages, public ones too (they name her), and JSON.
    for path in ["/my", "/services", "/"] {
        let res = anna.get(path).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        not_stored(&res, path);
    }
    let res = anna
        .client
        .post(anna.url("/api/catalogue/results"))
        .header("accept", "application/json")
        .header("x-csrf-token", &csrf)
        .json(&serde_json::json!({ "query": "q=parking" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    not_stored(&res, "a server function's JSON");
    let res =
        post(&anna, &csrf, "/api/my/contact", &[("phone", "070-123 45 67"), ("lang", "sv"), ("channel", "sms")]).await;
    not_stored(&res, "a form post's redirect");
    // Hashed assets stay cacheable for everyone.
    let (_, html) = body(&anna, "/services").await;
    if let Some(asset) = html.split("href=\"/pkg/").nth(1).and_then(|r| r.split('"').next()) {
        let res = anna.get(&format!("/pkg/{asset}")).send().await.unwrap();
        assert_eq!(cache_control(&res), "public, max-age=31536000, immutable", "/pkg/{asset}");
    }
    // Signing out sets the session cookie again (to nothing): still personal.
    let res = post(&anna, &csrf, "/auth/logout", &[]).await;
    not_stored(&res, "signing out");
}

/// Uploads `bytes` as `file_name` the way a browser does (the name as raw UTF-8) to the every-kind
/// step's file field, and returns the new file's id from the step page.
async fn upload_as_browser(user: &TestApp, csrf: &str, token: &str, file_name: &str, bytes: &[u8]) -> AttachmentId {
    let (_, before) = body(user, &format!("/apply/{token}/step/all")).await;
    let form = reqwest::multipart::Form::new()
        .percent_encode_noop()
        .text("upload", "f_file")
        .part("file:f_file", reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(file_name.to_owned()));
    let res = user
        .client
        .post(user.url(&format!("/forms/{token}/all/upload?csrf={csrf}")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "upload of {file_name:?}");
    let (_, after) = body(user, &format!("/apply/{token}/step/all")).await;
    let ids = |html: &str| -> Vec<AttachmentId> {
        html.split("name=\"remove\" value=\"").skip(1).filter_map(|r| r.split('"').next()?.parse().ok()).collect()
    };
    let known = ids(&before);
    ids(&after).into_iter().find(|id| !known.contains(id)).unwrap_or_else(|| panic!("the new file is listed: {after}"))
}

async fn a_download_is_named_for_what_it_is(backend: Backend) {
    let app = spawn_app(backend).await;
    publish_every_kind(&app).await;
    let (anna, csrf) = as_user(&app, "anna").await;
    let res = post(&anna, &csrf, "/api/apply/start", &[("slug", "synpunkter-och-klagomal")]).await;
    let token = to(&res, &anna.address).split('/').nth(2).expect("token").to_owned();
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
    // With U+202E (right-to-left override) "invoice<RLO>fdp.html" reads as "invoicelmth.pdf"; it is a PDF.
    let id = upload_as_browser(&anna, &csrf, &token, "invoice\u{202E}fdp.html", pdf).await;
    let stored = app.store.attachment(id).await.unwrap().expect("stored");
    assert_eq!(stored.file_name, "invoicefdp.html", "bidi controls are stripped at upload");
    let (_, page) = body(&anna, &format!("/apply/{token}/step/all")).await;
    assert!(!page.contains('\u{202E}'), "nor shown");
    let res = anna.get(&format!("/files/{id}")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert_eq!(
        res.headers()["content-disposition"],
        "attachment; filename=\"invoicefdp.pdf\"; filename*=UTF-8''invoicefdp.pdf",
        "the extension is the content's"
    );
    assert_eq!(res.bytes().await.unwrap().as_ref(), pdf);
    // Every bidi control, and control characters a multipart header can carry (others, like ESC,
    // make the part unreadable: see the unit tests), anywhere in the name; spaces and letters stay.
    let sneaky: String =
        ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']
            .into_iter()
            .chain(['\u{200E}', '\u{200F}', '\u{061C}', '\t', '\u{85}'])
            .collect();
    let id = upload_as_browser(&anna, &csrf, &token, &format!("Intyg {sneaky}BVC åäö.exe.PNG"), pdf).await;
    assert_eq!(app.store.attachment(id).await.unwrap().expect("stored").file_name, "Intyg BVC åäö.exe.PNG");
    let res = anna.get(&format!("/files/{id}")).send().await.unwrap();
    assert_eq!(
        res.headers()["content-disposition"],
        "attachment; filename=\"Intyg_BVC____.exe.pdf\"; filename*=UTF-8''Intyg%20BVC%20%C3%A5%C3%A4%C3%B6.exe.pdf"
    );
    not_stored(&res, "a download");
}
