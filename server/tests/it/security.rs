//! Web security rules that cut across features (redirects, cross-site requests, methods, caching,
//! downloads), through HTTP like a browser, on both backends.

use crate::support::{as_user, browser, spawn_app};
use stadsporten_db::{on_both_backends, Backend};

on_both_backends!(only_local_paths_are_followed_whatever_a_browser_strips,);

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
