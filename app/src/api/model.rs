//! What `/api/v1` answers, as JSON with a schema each (the OpenAPI document's components).
//!
//! Times are RFC 3339 in UTC; codes (status, outcome, unit, service) are the stable slugs the rest
//! of the platform uses.

use serde::Serialize;
use utoipa::{IntoParams, ToSchema};

/// An error, as RFC 9457 describes (`application/problem+json`).
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// A URI reference naming the kind of problem, e.g. `/problems/missing-scope`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// For a refused request: each field that was wrong, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// One wrong field of a request.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldProblem {
    /// The parameter or JSON member, e.g. `cursor` or `limit`.
    pub field: String,
    pub detail: String,
}

/// The token request (RFC 6749 section 4.4), as `application/x-www-form-urlencoded`. The client
/// authenticates with HTTP Basic (preferred) or with `client_id` and `client_secret` here.
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenRequest {
    pub grant_type: GrantType,
    /// Space-separated scopes; without it, every scope the client has.
    pub scope: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
}

/// The one grant: a system acting for itself.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrantType {
    ClientCredentials,
}

/// A bearer token (RFC 6749 section 5.1).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until it expires.
    pub expires_in: i64,
    /// The scopes it carries, space-separated.
    pub scope: String,
}

/// A refused token request (RFC 6749 section 5.2).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenError {
    /// `invalid_request`, `invalid_client`, `invalid_scope` or `unsupported_grant_type`.
    pub error: String,
    pub error_description: String,
}

/// A service in the catalogue.
#[derive(Debug, Serialize, ToSchema)]
pub struct Service {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// The life situation it belongs to (a slug).
    pub situation: String,
    /// `residents`, `businesses`.
    pub audiences: Vec<String>,
    pub provider_name: String,
    /// Promised handling time in days; absent when the service is immediate.
    pub handling_days: Option<u32>,
    /// The language of the texts (Swedish when the one asked for is missing).
    pub lang: String,
    /// The service's page on Stadsporten.
    pub url: String,
}

/// A page of services, by slug.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServicePage {
    pub items: Vec<Service>,
    /// Give as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// An operating message (disturbance or planned work) in force.
#[derive(Debug, Serialize, ToSchema)]
pub struct OperatingMessage {
    pub title: String,
    pub body: String,
    /// `info`, `warning`, `disruption`.
    pub severity: String,
    pub valid_from: String,
    pub valid_until: String,
    /// The services it concerns; with none and no districts, the whole site.
    pub services: Vec<String>,
    /// The districts it concerns (unit codes).
    pub districts: Vec<String>,
    pub lang: String,
}

/// The operating messages in force now.
#[derive(Debug, Serialize, ToSchema)]
pub struct OperatingMessages {
    pub items: Vec<OperatingMessage>,
}

/// A case as a list shows it: no answers, no applicant.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseSummary {
    /// The case number as shown to people, e.g. `SBK 2026/00123`.
    pub number: String,
    pub unit: String,
    /// The e-service it was filed through (a slug).
    pub service: String,
    /// `submitted`, `in-progress`, `awaiting-completion`, `decided`, `closed`, `withdrawn`.
    pub status: String,
    /// When decided: `approved`, `rejected`, `partly-approved`.
    pub outcome: Option<String>,
    pub submitted_at: String,
    /// When the promised handling time runs out (pauses for completion included).
    pub due_at: String,
    pub decided_at: Option<String>,
    pub closed_at: Option<String>,
    /// The last change; the list is ordered by it.
    pub updated_at: String,
    /// This case in full.
    pub href: String,
}

/// A page of a unit's cases in the order they changed.
#[derive(Debug, Serialize, ToSchema)]
pub struct CasePage {
    pub items: Vec<CaseSummary>,
    /// Where the next call starts: give it as `cursor`. Present even on the last page, so a
    /// system that follows changes keeps it and asks again later.
    pub cursor: Option<String>,
    /// Whether more changes wait now.
    pub has_more: bool,
}

/// Who filed a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct Applicant {
    pub name: String,
    /// The organisation number a representative filed for.
    pub acting_for: Option<String>,
    /// The person has protected personal data: their address and contact answers are left out
    /// (`masked_fields`), as on the officers' pages without a specific grant.
    pub protected: bool,
}

/// An event of the case's public timeline.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseEvent {
    pub at: String,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
}

/// A message between the applicant and the unit.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseMessage {
    pub at: String,
    /// `applicant` or `unit`.
    pub from: String,
    pub body: String,
    /// File names attached (the files themselves are not in this version of the API).
    pub attachments: Vec<String>,
}

/// The decision, when there is one.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseDecision {
    pub outcome: String,
    pub decided_at: String,
    pub lang: String,
    pub motivation: String,
}

/// A case in full, for the unit's own case system.
#[derive(Debug, Serialize, ToSchema)]
pub struct Case {
    /// As shown to people, e.g. `SBK 2026/00123`.
    pub number: String,
    /// This case's address in the API.
    pub href: String,
    pub unit: String,
    pub service: String,
    pub status: String,
    pub outcome: Option<String>,
    /// The language the applicant filed in.
    pub lang: String,
    /// `web`, `phone`, `visit`, `letter`, …: how it came in.
    pub channel: String,
    pub submitted_at: String,
    pub due_at: String,
    pub decided_at: Option<String>,
    pub closed_at: Option<String>,
    pub updated_at: String,
    pub applicant: Applicant,
    /// The answers by field id, as stored: text, a list of choices, an address, or files.
    #[schema(value_type = Object)]
    pub answers: serde_json::Value,
    /// Field ids whose answers are left out to protect the applicant.
    pub masked_fields: Vec<String>,
    pub events: Vec<CaseEvent>,
    pub messages: Vec<CaseMessage>,
    pub decision: Option<CaseDecision>,
}

/// A language of texts.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum LangCode {
    Sv,
    En,
    Fi,
    Ar,
}

/// The language of texts.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// `sv` (the default), `en`, `fi` or `ar`; a text missing in it is given in Swedish.
    pub lang: Option<LangCode>,
}

/// Paging the catalogue.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServiceListQuery {
    /// From the previous page's `next_cursor`; without it, from the start.
    #[param(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80)]
    pub cursor: Option<String>,
    /// How many services, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
    /// `sv` (the default), `en`, `fi` or `ar`; a text missing in it is given in Swedish.
    pub lang: Option<LangCode>,
}

/// Following a unit's cases.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseListQuery {
    /// From the previous answer's `cursor`; without it, from the first case.
    #[param(pattern = r"^[0-9a-f]{1,15}\.[0-9a-f]{1,15}$")]
    pub cursor: Option<String>,
    /// How many cases, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}

/// A unit, in a path.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct UnitPath {
    /// The unit's code, e.g. `SBK`.
    #[param(pattern = r"^[A-Z0-9]{2,8}$")]
    pub unit: String,
}

/// A case, in a path.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct CasePath {
    /// The case number in its path form, e.g. `SBK-2026-00123` for SBK 2026/00123.
    #[param(pattern = r"^[A-Z0-9]{2,8}-[2-9][0-9]{3}-0{0,8}[1-9][0-9]{0,8}$")]
    pub number: String,
}

/// A new subscription to a unit's case events.
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewWebhook {
    /// Where events are posted: `https://` (plain `http://` only in development).
    pub url: String,
    /// `case.submitted`, `case.status-changed`, `case.decided`, `case.message-received`.
    pub events: Vec<String>,
    /// The unit whose cases it concerns; the token needs `cases:read:{unit}`.
    pub unit: String,
}

/// A subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    pub events: Vec<String>,
    pub unit: Option<String>,
    pub created_at: String,
    /// When it was stopped; a stopped subscription gets nothing.
    pub disabled_at: Option<String>,
    /// The signing secret (`whsec_…`), shown once, when the subscription is made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Its delivery log.
    pub deliveries: String,
}

/// A client's subscriptions.
#[derive(Debug, Serialize, ToSchema)]
pub struct Webhooks {
    pub items: Vec<Webhook>,
}

/// One event sent (or to be sent) to one subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct Delivery {
    pub id: i64,
    /// The event's id (`webhook-id`), the same on every retry and replay.
    pub event_id: String,
    pub event_type: String,
    /// `pending`, `delivered` or `dead` (every try failed; replay it when the receiver is back).
    pub status: String,
    pub attempts: i64,
    /// When it is tried next (pending ones).
    pub next_attempt_at: String,
    /// The receiver's last HTTP status, if it answered.
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: String,
    pub delivered_at: Option<String>,
}

/// A page of a subscription's delivery log, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct Deliveries {
    pub items: Vec<Delivery>,
    /// Give as `before` for older deliveries; absent at the oldest.
    pub next_before: Option<i64>,
}

/// What a case event's `data` holds (the envelope is CloudEvents 1.0, structured JSON).
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseEventData {
    /// As shown to people, e.g. `SBK 2026/00123`.
    pub number: String,
    pub unit: String,
    pub service: String,
    /// The status after the event.
    pub status: String,
    /// The status before, for a status change.
    pub from_status: Option<String>,
    /// The case in the API: read it with the client's own token.
    pub href: String,
}

/// A subscription, in a path.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct WebhookPath {
    #[param(minimum = 1)]
    pub id: i64,
}

/// A delivery of a subscription, in a path.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DeliveryPath {
    #[param(minimum = 1)]
    pub id: i64,
    #[param(minimum = 1)]
    pub delivery: i64,
}

/// Paging a delivery log.
#[derive(Debug, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryListQuery {
    /// From the previous page's `next_before`.
    #[param(minimum = 1)]
    pub before: Option<i64>,
    /// How many, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<u32>,
}
