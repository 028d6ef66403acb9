//! The endpoints of `/api/v1`, their problem documents, cursors and ETags.
//!
//! Policy: see the module above. In short: authorise by scope before reading; a case of another
//! unit is answered 404 exactly like a case that does not exist; query parameters are checked by
//! name, and an unknown or malformed one is a 400 naming it; every answer that can be cached by
//! the client carries an ETag and answers `If-None-Match` with 304, but no shared cache keeps a
//! unit's cases (`private, no-store` for personal data).

#![allow(clippy::result_large_err, reason = "a refusal is the response to send, made once per refused call")]

use super::auth::{self, authorize, entry};
use super::model::{
    Applicant, Case, CaseDecision, CaseEvent, CaseMessage, CasePage, CaseSummary, OperatingMessage, OperatingMessages,
    Problem, Service, ServicePage,
};
use super::problem::{bad_field, problem};
use super::ApiState;
use crate::context::RequestContext;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use sha2::Digest as _;
use stadsporten_domain::api::{case_ref, page_size, parse_case_ref, Cursor, Scope};
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::organisation::UnitCode;
use stadsporten_domain::Lang;
use std::sync::Arc;

/// The API's routes (merged by the server).
pub fn routes<S: Clone + Send + Sync + 'static>(state: ApiState) -> axum::Router<S> {
    axum::Router::new()
        .route("/api/v1/oauth/token", post(auth::token))
        .route("/api/v1/services", get(services))
        .route("/api/v1/operating-messages", get(operating_messages))
        .route("/api/v1/units/{unit}/cases", get(unit_cases))
        .route("/api/v1/cases/{number}", get(case))
        .route("/api/v1/webhooks", post(super::webhooks::create).get(super::webhooks::list))
        .route("/api/v1/webhooks/{id}", axum::routing::delete(super::webhooks::stop))
        .route("/api/v1/webhooks/{id}/deliveries", get(super::webhooks::deliveries))
        .route("/api/v1/webhooks/{id}/deliveries/{delivery}/replay", post(super::webhooks::replay))
        .route("/api/v1/openapi.json", get(super::openapi::json))
        .route("/api/v1/docs", get(super::openapi::page))
        // Anything else under the API is a problem document, not the site's 404 page.
        .route("/api/v1/{*rest}", any(not_found))
        .with_state(Arc::new(state))
}

pub(super) fn unavailable(e: stadsporten_db::DbError) -> Response {
    tracing::error!(error = %e, "an API call failed");
    problem(503, "unavailable", "The call cannot be served now", "try again shortly")
}

async fn not_found() -> Response {
    problem(404, "not-found", "No such resource", "see /api/v1/openapi.json for what there is")
}

/// The query's parameters by name, refusing any but `allowed` and any given twice.
fn query_params(raw: Option<&str>, allowed: &[&str]) -> Result<std::collections::HashMap<String, String>, Response> {
    let mut out = std::collections::HashMap::new();
    for (k, v) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        if !allowed.contains(&k.as_ref()) {
            let name: String = k.chars().take(40).collect();
            return Err(bad_field(&name, "unknown parameter"));
        }
        if out.insert(k.clone().into_owned(), v.into_owned()).is_some() {
            return Err(bad_field(&k, "given twice"));
        }
    }
    Ok(out)
}

fn lang_param(q: &std::collections::HashMap<String, String>) -> Result<Lang, Response> {
    match q.get("lang") {
        None => Ok(Lang::Sv),
        // Exactly the four codes the document names.
        Some(l) => {
            Lang::ALL.iter().copied().find(|x| x.code() == l).ok_or_else(|| bad_field("lang", "one of sv, en, fi, ar"))
        }
    }
}

fn limit_param(q: &std::collections::HashMap<String, String>) -> Result<usize, Response> {
    let asked = match q.get("limit") {
        None => None,
        Some(n) => Some(n.parse::<usize>().map_err(|_| bad_field("limit", "a whole number"))?),
    };
    page_size(asked).map_err(|e| bad_field("limit", &e))
}

/// A stored case number's form for paths (`SBK-2026-00123`).
fn path_ref(number: &str) -> String {
    stadsporten_domain::eservice::CaseNumber::parse(number).map_or_else(|| number.to_owned(), |n| case_ref(&n))
}

/// RFC 3339 in UTC.
pub fn time(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

/// The JSON answer with a weak ETag over its bytes, or 304 when the client has it already.
fn json_with_etag(headers: &HeaderMap, value: &impl serde::Serialize, cache: &'static str) -> Response {
    let bytes = match serde_json::to_vec(value) {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "could not serialise an API answer");
            return problem(500, "internal", "The answer could not be written", "");
        }
    };
    let digest = sha2::Sha256::digest(&bytes);
    let etag = format!("W/\"{}\"", digest.iter().take(16).map(|b| format!("{b:02x}")).collect::<String>());
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut r = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = (StatusCode::OK, bytes).into_response();
        r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        r
    };
    if let Ok(v) = HeaderValue::from_str(&etag) {
        r.headers_mut().insert(header::ETAG, v);
    }
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    r
}

/// Public data: a client may keep it, and asks again with its ETag each time.
const PUBLIC: &str = "no-cache";
/// Personal data: revalidated every time, kept by no shared cache.
const PERSONAL: &str = "private, no-store";

/// `GET /api/v1/services`: the catalogue, by slug.
#[utoipa::path(
    get,
    path = "/api/v1/services",
    tag = "catalogue",
    params(super::model::ServiceListQuery),
    responses(
        (status = 200, description = "A page of services", body = ServicePage),
        (status = 304, description = "Unchanged since the ETag given in If-None-Match"),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks catalogue:read", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["catalogue:read"]))
)]
pub async fn services(
    State(s): State<Arc<ApiState>>,
    axum::Extension(ctx): axum::Extension<RequestContext>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let caller = match authorize(&s, &ctx, &headers, &Scope::CatalogueRead, ("service", None)).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let q = match query_params(query.as_deref(), &["cursor", "limit", "lang"]) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let (lang, limit) = match (lang_param(&q), limit_param(&q)) {
        (Ok(l), Ok(n)) => (l, n),
        (Err(r), _) | (_, Err(r)) => return r,
    };
    let after = q.get("cursor").map(String::as_str);
    if after.is_some_and(|c| stadsporten_domain::ServiceSlug::parse(c).is_err()) {
        return bad_field("cursor", "not a cursor this list gave");
    }
    if let Err(r) = auth::record(
        &s,
        entry(&ctx, Some(&caller.client_id), AuditAction::Read, "service", None, Outcome::Success, None),
    )
    .await
    {
        return r;
    }
    let base = s.public_url.trim_end_matches('/');
    let mut rest =
        s.store.all_services(lang).into_iter().filter(|x| after.is_none_or(|a| x.slug.as_str() > a)).peekable();
    let items: Vec<Service> = rest
        .by_ref()
        .take(limit)
        .map(|x| Service {
            url: format!("{base}/services/{}", x.slug),
            slug: x.slug.to_string(),
            title: x.title,
            summary: x.summary,
            situation: x.situation.slug().to_owned(),
            audiences: x
                .audiences
                .iter()
                .map(|a| {
                    if matches!(a, stadsporten_domain::Audience::Businesses) { "businesses" } else { "residents" }
                        .to_owned()
                })
                .collect(),
            provider_name: x.provider_name,
            handling_days: x.handling_days,
            lang: x.content_lang.code().to_owned(),
        })
        .collect();
    let next_cursor = rest.peek().is_some().then(|| items.last().map(|i| i.slug.clone())).flatten();
    json_with_etag(&headers, &ServicePage { items, next_cursor }, PUBLIC)
}

/// `GET /api/v1/operating-messages`: the operating messages in force now.
#[utoipa::path(
    get,
    path = "/api/v1/operating-messages",
    tag = "catalogue",
    params(super::model::LangQuery),
    responses(
        (status = 200, description = "The messages in force", body = OperatingMessages),
        (status = 304, description = "Unchanged since the ETag given in If-None-Match"),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks catalogue:read", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["catalogue:read"]))
)]
pub async fn operating_messages(
    State(s): State<Arc<ApiState>>,
    axum::Extension(ctx): axum::Extension<RequestContext>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let caller = match authorize(&s, &ctx, &headers, &Scope::CatalogueRead, ("operating-message", None)).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let lang = match query_params(query.as_deref(), &["lang"]).and_then(|q| lang_param(&q)) {
        Ok(l) => l,
        Err(r) => return r,
    };
    if let Err(r) = auth::record(
        &s,
        entry(&ctx, Some(&caller.client_id), AuditAction::Read, "operating-message", None, Outcome::Success, None),
    )
    .await
    {
        return r;
    }
    let messages = match s.store.current_operating_messages(lang, ctx.now).await {
        Ok(m) => m,
        Err(e) => return unavailable(e),
    };
    let items = messages
        .into_iter()
        .map(|m| OperatingMessage {
            title: m.title,
            body: m.body,
            severity: m.severity.slug().to_owned(),
            valid_from: time(m.valid_from),
            valid_until: time(m.valid_until),
            services: m.services.iter().map(|x| x.to_string()).collect(),
            districts: m.districts,
            lang: m.content_lang.code().to_owned(),
        })
        .collect();
    json_with_etag(&headers, &OperatingMessages { items }, PUBLIC)
}

/// `GET /api/v1/units/{unit}/cases`: a unit's cases in the order they changed.
#[utoipa::path(
    get,
    path = "/api/v1/units/{unit}/cases",
    tag = "cases",
    params(super::model::UnitPath, super::model::CaseListQuery),
    responses(
        (status = 200, description = "The cases changed after the cursor, oldest change first", body = CasePage),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks cases:read for this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such address (an empty unit)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["cases:read:{unit}"]))
)]
pub async fn unit_cases(
    State(s): State<Arc<ApiState>>,
    axum::Extension(ctx): axum::Extension<RequestContext>,
    headers: HeaderMap,
    Path(unit): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(code) = UnitCode::parse(&unit).filter(|u| u.as_str() == unit) else {
        return bad_field("unit", "a unit code: 2–8 capital letters or digits");
    };
    let need = Scope::CasesRead(code.clone());
    let caller = match authorize(&s, &ctx, &headers, &need, ("case", Some(format!("unit:{code}")))).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let q = match query_params(query.as_deref(), &["cursor", "limit"]) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let limit = match limit_param(&q) {
        Ok(n) => n,
        Err(r) => return r,
    };
    let after = match q.get("cursor").map(|c| Cursor::decode(c)) {
        None => None,
        Some(Some(c)) => Some(c),
        Some(None) => return bad_field("cursor", "not a cursor this list gave"),
    };
    // One more than asked says whether more wait.
    let mut rows = match s.store.api_cases(code.as_str(), after, limit + 1).await {
        Ok(r) => r,
        Err(e) => return unavailable(e),
    };
    let has_more = rows.len() > limit;
    rows.truncate(limit);
    // The read of personal data is recorded before it is answered: which cases, by number.
    let numbers: Vec<&str> = rows.iter().map(|r| r.case_number.as_str()).collect();
    let reason = (!numbers.is_empty()).then(|| numbers.join(" "));
    if let Err(r) = auth::record(
        &s,
        entry(
            &ctx,
            Some(&caller.client_id),
            AuditAction::Read,
            "case",
            Some(format!("unit:{code}")),
            Outcome::Success,
            reason,
        ),
    )
    .await
    {
        return r;
    }
    let cursor = rows.last().map(|r| r.cursor()).or(after).map(Cursor::encode);
    let items = rows
        .into_iter()
        .map(|r| CaseSummary {
            href: format!("/api/v1/cases/{}", path_ref(&r.case_number)),
            number: r.case_number,
            unit: r.unit_code,
            service: r.service_slug,
            status: r.status.slug().to_owned(),
            outcome: r.outcome.map(|o| o.slug().to_owned()),
            submitted_at: time(r.submitted_at),
            due_at: time(r.due_at),
            decided_at: r.decided_at.map(time),
            closed_at: r.closed_at.map(time),
            updated_at: time(r.updated_at),
        })
        .collect();
    json_with_etag(&headers, &CasePage { items, cursor, has_more }, PERSONAL)
}

/// `GET /api/v1/cases/{number}`: one case in full.
#[utoipa::path(
    get,
    path = "/api/v1/cases/{number}",
    tag = "cases",
    params(super::model::CasePath),
    responses(
        (status = 200, description = "The case", body = Case),
        (status = 304, description = "Unchanged since the ETag given in If-None-Match"),
        (status = 400, description = "Not a case number, or a parameter given", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid bearer token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The token lacks cases:read for the number's unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in the unit", body = Problem, content_type = "application/problem+json"),
    ),
    security(("oauth2" = ["cases:read:{unit}"]))
)]
pub async fn case(
    State(s): State<Arc<ApiState>>,
    axum::Extension(ctx): axum::Extension<RequestContext>,
    headers: HeaderMap,
    Path(number): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(parsed) = parse_case_ref(&number) else {
        return bad_field("number", "a case number like SBK-2026-00123");
    };
    let display = parsed.to_string();
    let need = Scope::CasesRead(parsed.unit.clone());
    let caller = match authorize(&s, &ctx, &headers, &need, ("case", Some(display.clone()))).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if let Err(r) = query_params(query.as_deref(), &[]) {
        return r;
    }
    let found = match s.store.case_by_number(&display).await {
        Ok(c) => c,
        Err(e) => return unavailable(e),
    };
    let Some(case) = found.filter(|c| c.unit_code == parsed.unit.as_str()) else {
        return problem(404, "not-found", "No such case", "no case with this number in the unit");
    };
    let (def, events, messages, decision, protected) = match tokio::try_join!(
        s.store.definition(case.definition_id),
        s.store.case_events(case.id, false),
        s.store.case_messages(case.id),
        s.store.decision(case.id),
        s.store.is_protected(case.applicant_id),
    ) {
        Ok(x) => x,
        Err(e) => return unavailable(e),
    };
    // A protected applicant's address and contact answers stay out, as on the officers' pages
    // without a specific grant (a system holds no grant).
    let mut answers = case.answers.clone();
    let mut masked_fields = Vec::new();
    if protected {
        for f in def.iter().flat_map(|d| d.definition.steps.iter()).flat_map(|st| st.fields.iter()) {
            if stadsporten_domain::security::protected::is_contact_field(f.kind) && answers.remove(&f.id).is_some() {
                masked_fields.push(f.id.clone());
            }
        }
    }
    if let Err(r) = auth::record(
        &s,
        entry(
            &ctx,
            Some(&caller.client_id),
            AuditAction::Read,
            "case",
            Some(case.id.to_string()),
            Outcome::Success,
            None,
        ),
    )
    .await
    {
        return r;
    }
    let body = Case {
        number: case.case_number.clone(),
        href: format!("/api/v1/cases/{}", path_ref(&case.case_number)),
        unit: case.unit_code.clone(),
        service: case.service_slug.clone(),
        status: case.status.slug().to_owned(),
        outcome: case.outcome.map(|o| o.slug().to_owned()),
        lang: case.lang.clone(),
        channel: case.channel.slug().to_owned(),
        submitted_at: time(case.submitted_at),
        due_at: time(case.due_at),
        decided_at: case.decided_at.map(time),
        closed_at: case.closed_at.map(time),
        updated_at: time(case.updated_at),
        applicant: Applicant { name: case.applicant_name.clone(), acting_for: case.acting_for.clone(), protected },
        answers: serde_json::to_value(&answers).unwrap_or_default(),
        masked_fields,
        events: events
            .into_iter()
            .map(|e| CaseEvent { at: time(e.at), kind: e.kind, from_status: e.from_status, to_status: e.to_status })
            .collect(),
        messages: messages
            .into_iter()
            .map(|m| CaseMessage {
                at: time(m.at),
                from: if m.from_applicant { "applicant" } else { "unit" }.to_owned(),
                body: m.body,
                attachments: m.attachments.into_iter().map(|a| a.file_name).collect(),
            })
            .collect(),
        decision: decision.map(|d| CaseDecision {
            outcome: d.outcome.slug().to_owned(),
            decided_at: time(d.decided_at),
            lang: d.lang,
            motivation: d.motivation,
        }),
    };
    json_with_etag(&headers, &body, PERSONAL)
}
