//! `spawn_app`: the real application on port 0 with a fresh database of either backend, and an
//! HTTP client that behaves like a browser without JavaScript (no redirects followed, so tests see
//! them).

#![allow(dead_code, reason = "each test binary uses a different part of the support module")]

use leptos::prelude::LeptosOptions;
use secrecy::SecretString;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{Backend, Store};
use stadsporten_server::config::{AppSettings, DatabaseSettings, Environment, LogSettings, SessionSettings, Settings};
use stadsporten_server::startup::Application;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub store: Store,
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    stadsporten_server::telemetry::init("pretty");
    let settings = Settings {
        app: AppSettings {
            environment: Environment::Development,
            seed_demo_content: true,
            catalogue_refresh_seconds: 60,
        },
        database: DatabaseSettings { url: SecretString::from(fresh_database_url(backend).await), max_connections: 4 },
        session: SessionSettings { key: SecretString::from("t".repeat(64)), idle_timeout_minutes: 30 },
        log: LogSettings { format: "pretty".into() },
    };
    let options = LeptosOptions::builder()
        .output_name("stadsporten")
        .site_addr(std::net::SocketAddr::from(([127, 0, 0, 1], 0)))
        .build();
    let app = Application::build(&settings, options).await.expect("application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let store = app.store().clone();
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    TestApp { address, client, store }
}

impl TestApp {
    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.get(format!("{}{}", self.address, path))
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
}
