//! The OpenAPI 3.1 document of `/api/v1`, generated from the handlers' annotations and the
//! answers' types (utoipa), served as JSON and as a readable page.
//!
//! Policy: the document is public (no token): it describes, it holds no data. The readable page is
//! server-rendered HTML without scripts, in the visitor's language for its headings; the API's
//! own descriptions are in English, the language of the document. It has no style of its own: the
//! CSP allows no inline style, and the browser's defaults read well.

use super::model;
use crate::context::RequestContext;
use crate::i18n::t;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::sync::OnceLock;
use utoipa::openapi::security::{ClientCredentials, Flow, OAuth2, Scopes, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Stadsporten API",
        version = "1.0.0",
        description = "The City of Stockholm's e-service platform for the city's other systems: the service catalogue and operating messages, and a unit's cases for its own case system. Authenticate with OAuth 2.0 client credentials at /api/v1/oauth/token; send the token as `Authorization: Bearer …`. Errors are RFC 9457 problem documents. Lists are paged with an opaque cursor; answers carry an ETag.",
        license(name = "EUPL-1.2", identifier = "EUPL-1.2"),
        contact(name = "Stadsporten", url = "https://stadsporten.stockholm.se/.well-known/security.txt")
    ),
    paths(
        super::auth::token, super::routes::services, super::routes::operating_messages, super::routes::unit_cases,
        super::routes::case, super::webhooks::create, super::webhooks::list, super::webhooks::stop,
        super::webhooks::deliveries, super::webhooks::replay,
    ),
    components(schemas(
        model::Problem, model::FieldProblem, model::TokenRequest, model::TokenResponse, model::TokenError,
        model::Service, model::ServicePage, model::OperatingMessage, model::OperatingMessages,
        model::CaseSummary, model::CasePage, model::Case, model::Applicant, model::CaseEvent, model::CaseMessage,
        model::CaseDecision, model::NewWebhook, model::Webhook, model::Webhooks, model::Delivery, model::Deliveries,
        model::CaseEventData,
    )),
    modifiers(&Security),
    tags(
        (name = "authentication", description = "Tokens for machine clients"),
        (name = "catalogue", description = "The city's services and operating messages (public data)"),
        (name = "cases", description = "A unit's cases, for its own case system (personal data)"),
        (name = "events", description = "Webhooks: CloudEvents 1.0 (structured JSON, `data` as CaseEventData) posted to a subscription's URL, signed as Standard Webhooks describes (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`); at least once, the same `webhook-id` on every retry; retried with back-off for about two days, then dead until replayed"),
    )
)]
pub struct ApiDoc;

/// The client-credentials scheme and its scopes.
struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let scopes = Scopes::from_iter([
            ("catalogue:read", "Read the catalogue and operating messages"),
            ("providers:read", "Read providers, their units and indicators"),
            ("cases:read:{unit}", "Read the unit's cases (for example cases:read:SBK)"),
            ("cases:write:{unit}", "Update the unit's cases; includes reading them"),
        ]);
        let flow = Flow::ClientCredentials(ClientCredentials::new("/api/v1/oauth/token", scopes));
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("oauth2", SecurityScheme::OAuth2(OAuth2::new([flow])));
    }
}

/// The document as JSON, built once.
pub fn document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| ApiDoc::openapi().to_json().unwrap_or_else(|_| "{}".into()))
}

/// `GET /api/v1/openapi.json`.
pub async fn json() -> Response {
    let mut r = document().to_owned().into_response();
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    r
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).map(esc).unwrap_or_default()
}

/// The page's HTML from the document.
pub fn render(lang: stadsporten_domain::Lang) -> String {
    let doc: Value = serde_json::from_str(document()).unwrap_or_default();
    let tr = |id: &str| esc(&t(lang, id));
    let mut h = String::new();
    h.push_str(&format!(
        "<!DOCTYPE html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head><body><main>",
        lang.code(),
        if lang == stadsporten_domain::Lang::Ar { "rtl" } else { "ltr" },
        tr("api-docs-title"),
    ));
    h.push_str(&format!("<h1>{}</h1><p>{}</p>", tr("api-docs-title"), tr("api-docs-intro")));
    h.push_str(&format!(
        "<p lang=\"en\" dir=\"ltr\">{}</p><p><a href=\"/api/v1/openapi.json\">{}</a></p>",
        text(&doc["info"], "description"),
        tr("api-docs-json")
    ));
    h.push_str(&format!("<h2>{}</h2><ul lang=\"en\" dir=\"ltr\">", tr("api-docs-scopes")));
    if let Some(scopes) =
        doc.pointer("/components/securitySchemes/oauth2/flows/clientCredentials/scopes").and_then(Value::as_object)
    {
        for (name, what) in scopes {
            h.push_str(&format!("<li><code>{}</code>: {}</li>", esc(name), esc(what.as_str().unwrap_or(""))));
        }
    }
    h.push_str("</ul>");
    h.push_str(&format!("<h2>{}</h2>", tr("api-docs-operations")));
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            let Some(ops) = item.as_object() else { continue };
            for (method, op) in ops {
                h.push_str(&format!(
                    "<section lang=\"en\" dir=\"ltr\"><h3><code>{} {}</code></h3><p>{}</p>",
                    esc(&method.to_uppercase()),
                    esc(path),
                    text(op, "summary")
                ));
                let scopes: Vec<String> = op
                    .get("security")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|s| s.get("oauth2").and_then(Value::as_array))
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(|s| format!("<code>{}</code>", esc(s)))
                    .collect();
                if !scopes.is_empty() {
                    h.push_str(&format!("<p>{}: {}</p>", tr("api-docs-needs"), scopes.join(", ")));
                }
                if let Some(params) = op.get("parameters").and_then(Value::as_array).filter(|p| !p.is_empty()) {
                    h.push_str(&format!(
                        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                        tr("api-docs-parameters"),
                        tr("api-docs-name"),
                        tr("api-docs-in"),
                        tr("api-docs-description")
                    ));
                    for p in params {
                        h.push_str(&format!(
                            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                            text(p, "name"),
                            text(p, "in"),
                            text(p, "description")
                        ));
                    }
                    h.push_str("</tbody></table>");
                }
                if let Some(responses) = op.get("responses").and_then(Value::as_object) {
                    h.push_str(&format!(
                        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                        tr("api-docs-responses"),
                        tr("api-docs-status"),
                        tr("api-docs-description")
                    ));
                    for (status, r) in responses {
                        h.push_str(&format!("<tr><td>{}</td><td>{}</td></tr>", esc(status), text(r, "description")));
                    }
                    h.push_str("</tbody></table>");
                }
                h.push_str("</section>");
            }
        }
    }
    h.push_str("</main></body></html>");
    h
}

/// `GET /api/v1/docs`: the readable page.
pub async fn page(axum::Extension(ctx): axum::Extension<RequestContext>) -> Response {
    let mut r = axum::response::Html(render(ctx.lang)).into_response();
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    r
}
