//! `spawn_app`: the real application on port 0 with a fresh database of either backend, its clock
//! in the test's hand, and an HTTP client that behaves like a browser without JavaScript: it keeps
//! cookies, sends `Origin` on posts like browsers do, and follows no redirects (tests see them).

#![allow(dead_code, reason = "each test binary uses a different part of the support module")]

pub mod rogue_idp;

use leptos::prelude::LeptosOptions;
use secrecy::SecretString;
use stadsporten_app::web::clock::Clock;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{Backend, Store};
use stadsporten_server::config::{
    AppSettings, AuditSettings, AuthSettings, BusinessSettings, CompareSettings, DatabaseSettings, EServicesSettings,
    Environment, LogSettings, MailSettings, ProviderSettings, SessionSettings, Settings,
};
use stadsporten_server::startup::Application;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub store: Store,
    pub clock: Clock,
}

fn builtin(client_id: &str, claim: &str) -> ProviderSettings {
    ProviderSettings {
        issuer: "builtin".into(),
        client_id: client_id.into(),
        client_secret: SecretString::from(format!("{client_id}-secret")),
        scopes: vec!["profile".into(), "email".into()],
        personal_number_claim: claim.into(),
    }
}

/// The settings every test starts from: the built-in test provider for both kinds of sign-in.
/// Where test servers keep uploaded files.
pub fn upload_folder() -> String {
    std::env::temp_dir().join("stadsporten-test-uploads").display().to_string()
}

pub async fn test_settings(backend: Backend) -> Settings {
    Settings {
        app: AppSettings {
            environment: Environment::Development,
            seed_demo_content: true,
            catalogue_refresh_seconds: 60,
        },
        database: DatabaseSettings { url: SecretString::from(fresh_database_url(backend).await), max_connections: 4 },
        session: SessionSettings {
            key: SecretString::from("t".repeat(64)),
            idle_timeout_minutes: 30,
            absolute_timeout_minutes: 720,
            warn_before_minutes: 5,
        },
        auth: AuthSettings {
            public_url: String::new(),
            test_idp: true,
            resident: builtin("resident-client", "https://id.oidc.se/claim/personalIdentityNumber"),
            staff: builtin("staff-client", ""),
            review_interval_days: 182,
        },
        mail: MailSettings {
            smtp_url: SecretString::from(""),
            from: "Stadsporten <noreply@stadsporten.example>".into(),
            folder: std::env::temp_dir().join("stadsporten-test-mail").display().to_string(),
        },
        eservices: EServicesSettings {
            draft_days: 30,
            reminder_days: 3,
            max_upload_mb: 1,
            upload_folder: upload_folder(),
            clamd: String::new(),
            outbox_interval_seconds: 1,
        },
        business: BusinessSettings {
            referral_addresses: [("polisen".to_owned(), "tillstand.stockholm@polisen.example.se".to_owned())].into(),
        },
        compare: CompareSettings { min_respondents: 10, min_response_rate: 50.0 },
        log: LogSettings { format: "pretty".into() },
        audit: AuditSettings::default(),
        server: stadsporten_server::config::ServerSettings::default(),
        measurement: stadsporten_server::config::MeasurementSettings::default(),
        contact: stadsporten_server::config::ContactCentreSettings {
            telephony_secrets: [(TELEPHONY_PLATFORM.to_owned(), SecretString::from(TELEPHONY_SECRET))].into(),
            ..Default::default()
        },
        sms: stadsporten_server::config::SmsSettings::default(),
        security: stadsporten_server::config::SecuritySettings::default(),
        // Each test is one client address: limits a story could reach are raised (the rate-limit
        // stories set their own).
        rate_limits: stadsporten_server::config::RateLimitSettings {
            enabled: true,
            sign_in: 1_000_000,
            test_idp: 1_000_000,
            search: 1_000_000,
            upload: 1_000_000,
            submit: 1_000_000,
            api: 1_000_000,
            integration: 1_000_000,
        },
        api: stadsporten_server::config::ApiSettings {
            requests_per_minute: 1_000_000,
            demo_client_secret: DEMO_API_SECRET.into(),
        },
    }
}

/// The API's demo client's secret in tests (`demo-sbk`: catalogue, providers, SBK's cases).
pub const DEMO_API_SECRET: &str = "test-demo-sbk-secret";

/// The telephony platform the tests sign call events as, and its secret.
pub const TELEPHONY_PLATFORM: &str = "test-pbx";
pub const TELEPHONY_SECRET: &str = "test-telephony-secret-0123456789abcdef";

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(test_settings(backend).await).await
}

pub async fn spawn_app_with(settings: Settings) -> TestApp {
    stadsporten_server::telemetry::init("pretty");
    let options = LeptosOptions::builder()
        .output_name("stadsporten")
        .site_addr(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))
        .build();
    let clock = Clock::system();
    let app = Application::build_with_clock(&settings, options, clock.clone()).await.expect("application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let store = app.store().clone();
    tokio::spawn(app.run_until_stopped());
    TestApp { client: browser(&address), address, store, clock }
}

/// A client like a browser without JavaScript: its own cookie jar, `Origin` on every request
/// (browsers send it on posts; on gets it does no harm), no redirects followed.
pub fn browser(address: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", reqwest::header::HeaderValue::from_str(address).expect("origin"));
    headers.insert("accept", reqwest::header::HeaderValue::from_static("text/html"));
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .expect("client")
}

/// Where a redirect points, made absolute.
pub fn location(res: &reqwest::Response, base: &str) -> String {
    let to = res.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_else(|| {
        panic!("expected a redirect, got {} from {}", res.status(), res.url());
    });
    if to.starts_with('/') {
        format!("{base}{to}")
    } else {
        to.to_owned()
    }
}

/// The value of `<input … name="{name}" … value="…">` in a page.
pub fn input_value(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag_end = at + html[at..].find('>')?;
    let tag = &html[tag_start..tag_end];
    let v = tag.split("value=\"").nth(1)?.split('"').next()?;
    Some(v.replace("&amp;", "&").replace("&quot;", "\""))
}

/// The steps of one sign-in, so tests can break any of them.
pub struct SignInSteps {
    /// The provider's authorization URL the service redirected to.
    pub authorize: String,
    /// The callback URL the provider sent the browser back to (with code and state).
    pub callback: String,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.get(self.url(path))
    }

    pub fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::RequestBuilder {
        self.client.post(self.url(path)).form(form)
    }

    /// GET with extra headers and return the body.
    pub async fn html(&self, path: &str, headers: &[(&str, &str)]) -> String {
        let mut req = self.get(path);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        req.send().await.expect("request").text().await.expect("body")
    }

    /// GET and return status and body.
    pub async fn page(&self, path: &str, lang: &str) -> (u16, String) {
        let res = self.get(path).header("accept-language", lang).send().await.expect("request");
        (res.status().as_u16(), res.text().await.expect("body"))
    }

    /// Runs the sign-in up to the provider's answer without following it: login → picker →
    /// choose `persona` → the callback URL.
    pub async fn sign_in_steps(&self, kind: &str, persona: &str) -> SignInSteps {
        self.sign_in_steps_to(kind, persona, "/my").await
    }

    pub async fn sign_in_steps_to(&self, kind: &str, persona: &str, to: &str) -> SignInSteps {
        let res = self.get(&format!("/auth/login?as={kind}&to={to}")).send().await.expect("login");
        assert_eq!(res.status(), 303, "login redirects to the provider");
        let authorize = location(&res, &self.address);
        let picker = self.client.get(&authorize).send().await.expect("picker");
        assert_eq!(picker.status(), 200);
        let html = picker.text().await.expect("picker body");
        assert!(html.contains(&format!("value=\"{persona}\"")), "the picker offers {persona}");
        let url = url::Url::parse(&authorize).expect("authorize url");
        let mut form: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        form.push(("persona".into(), persona.into()));
        let realm = if kind == "staff" { "staff" } else { "eid" };
        let res = self
            .client
            .post(self.url(&format!("/test-idp/{realm}/authorize/choose")))
            .form(&form)
            .send()
            .await
            .expect("choose");
        assert_eq!(res.status(), 303, "the provider answers with a redirect");
        SignInSteps { authorize, callback: location(&res, &self.address) }
    }

    /// Signs in as a demo persona (`anna`, `sara`, …) and returns where the service sent them.
    pub async fn sign_in(&self, persona: &str) -> String {
        self.sign_in_to(persona, "/my").await
    }

    /// Signs in, asking to come back to `to`.
    pub async fn sign_in_to(&self, persona: &str, to: &str) -> String {
        let kind = if ["anna", "erik", "maja", "kim"].contains(&persona) { "resident" } else { "staff" };
        let steps = self.sign_in_steps_to(kind, persona, to).await;
        let res = self.client.get(&steps.callback).send().await.expect("callback");
        assert_eq!(res.status(), 303, "callback for {persona}: {}", res.text().await.unwrap_or_default());
        location(&res, &self.address)
    }

    /// The CSRF token of the signed-in session, as the pages carry it.
    pub async fn csrf(&self) -> String {
        let html = self.get("/").send().await.expect("page").text().await.expect("body");
        input_value(&html, "csrf").expect("a signed-in page carries the csrf field")
    }
}

/// A second browser on the same server, signed in as `persona`, with its CSRF token.
pub async fn as_user(app: &TestApp, persona: &str) -> (TestApp, String) {
    let user = TestApp {
        client: browser(&app.address),
        address: app.address.clone(),
        store: app.store.clone(),
        clock: app.clock.clone(),
    };
    user.sign_in(persona).await;
    let csrf = user.csrf().await;
    (user, csrf)
}

pub fn with_csrf<'a>(csrf: &'a str, form: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut f = form.to_vec();
    f.push(("csrf", csrf));
    f
}

pub async fn post(user: &TestApp, csrf: &str, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
    user.post_form(path, &with_csrf(csrf, form)).send().await.expect("post")
}

pub async fn body(user: &TestApp, path: &str) -> (u16, String) {
    let res = user.get(path).send().await.expect("get");
    (res.status().as_u16(), res.text().await.expect("body"))
}

/// The path (and query) a 3xx response points to.
pub fn to(res: &reqwest::Response, base: &str) -> String {
    location(res, base).trim_start_matches(base).to_owned()
}

pub async fn upload(
    user: &TestApp,
    csrf: &str,
    path: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &str, Vec<u8>)>,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    for (k, v) in fields {
        form = form.text(k.to_string(), v.to_string());
    }
    if let Some((name, file_name, bytes)) = file {
        form = form.part(name.to_owned(), reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()));
    }
    user.client.post(user.url(&format!("{path}?csrf={csrf}"))).multipart(form).send().await.expect("upload")
}
