//! Delivering the outbox: e-mail through SMTP and SMS through a gateway adapter, with retries.
//!
//! Policy:
//! - The worker claims due rows with a lease, renders each in the recipient's language at sending
//!   time, and marks it sent only after the transport accepted it. A failure is retried with
//!   exponential backoff (30 s doubling, at most 6 h between tries) for about two days, then the
//!   row is marked failed and logged as an error for operations; nothing is dropped silently.
//! - Messages say *that* something happened and link to Mina sidor; the details (answers,
//!   decisions, message text) are only behind sign-in. No personal data is logged: recipients are
//!   masked, content never written.
//! - SMS goes through [`SmsGateway`]. The default writes a masked line to the log (the outbox row
//!   is the record); a real gateway is configuration.

use stadsporten_app::i18n::ta;
use stadsporten_app::mail::{Mailer, OutgoingMail};
use stadsporten_app::web::clock::Clock;
use stadsporten_db::{OutboxRow, Store};
use stadsporten_domain::ids::CaseId;
use stadsporten_domain::Lang;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Why an SMS was not accepted: worth another try later, or never (a number the gateway refuses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SmsRefused {
    Retry(String),
    GiveUp(String),
}

/// Sends one SMS; `Ok(Some(id))` is the gateway's message id for its delivery receipt.
pub trait SmsGateway: Send + Sync + 'static {
    fn send<'a>(
        &'a self,
        to: &'a str,
        text: &'a str,
        reference: i64,
    ) -> BoxFuture<'a, Result<Option<String>, SmsRefused>>;
}

/// The development gateway: sends nothing and says so in the log, with the number masked. The
/// outbox row is marked sent with delivery `logged-only`, so nobody mistakes it for a real SMS.
/// Production refuses to start with it (`config`).
pub struct LogSms;

impl SmsGateway for LogSms {
    fn send<'a>(
        &'a self,
        to: &'a str,
        text: &'a str,
        _reference: i64,
    ) -> BoxFuture<'a, Result<Option<String>, SmsRefused>> {
        Box::pin(async move {
            tracing::warn!(to = %mask(to), chars = text.chars().count(), "SMS NOT SENT: the development log gateway sends nothing (set sms.url)");
            Ok(None)
        })
    }
}

/// An HTTP SMS gateway: `POST url` with basic authentication and a JSON body
/// `{"from", "to", "message", "reference", "callback_url"}`; a 2xx answer with `{"id": …}` is
/// acceptance. A 4xx other than 408 and 429 is a refusal for good (a bad number); anything else
/// (5xx, a time-out, no answer) is tried again through the outbox's backoff.
pub struct HttpSms {
    pub client: reqwest::Client,
    pub url: String,
    pub username: String,
    pub password: secrecy::SecretString,
    pub sender: String,
    /// Where the gateway posts delivery receipts (`/integrations/sms/receipts`).
    pub callback_url: String,
}

impl HttpSms {
    pub fn new(settings: &crate::config::SmsSettings, public_url: &str) -> HttpSms {
        HttpSms {
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap_or_else(|_| reqwest::Client::new()),
            url: settings.url.trim().to_owned(),
            username: settings.username.clone(),
            password: settings.password.clone(),
            sender: settings.sender_id.clone(),
            callback_url: format!("{public_url}/integrations/sms/receipts"),
        }
    }
}

impl SmsGateway for HttpSms {
    fn send<'a>(
        &'a self,
        to: &'a str,
        text: &'a str,
        reference: i64,
    ) -> BoxFuture<'a, Result<Option<String>, SmsRefused>> {
        use secrecy::ExposeSecret;
        Box::pin(async move {
            let body = serde_json::json!({
                "from": self.sender,
                "to": to,
                "message": text,
                "reference": reference.to_string(),
                "callback_url": self.callback_url,
            });
            let res = self
                .client
                .post(&self.url)
                .basic_auth(&self.username, Some(self.password.expose_secret()))
                .json(&body)
                .send()
                .await
                .map_err(|e| SmsRefused::Retry(format!("gateway unreachable: {}", e.without_url())))?;
            let status = res.status();
            if status.is_success() {
                let answer: serde_json::Value =
                    res.json().await.map_err(|_| SmsRefused::Retry("gateway answered without JSON".into()))?;
                return match answer
                    .get("id")
                    .and_then(|v| v.as_str().map(str::to_owned).or_else(|| v.as_i64().map(|n| n.to_string())))
                {
                    Some(id) => Ok(Some(id)),
                    None => Err(SmsRefused::Retry("gateway answered without a message id".into())),
                };
            }
            let why = format!("gateway answered {status}");
            if status.is_client_error()
                && status != reqwest::StatusCode::REQUEST_TIMEOUT
                && status != reqwest::StatusCode::TOO_MANY_REQUESTS
            {
                Err(SmsRefused::GiveUp(why))
            } else {
                Err(SmsRefused::Retry(why))
            }
        })
    }
}

/// The last two digits only.
pub fn mask(recipient: &str) -> String {
    let digits: Vec<char> = recipient.chars().filter(char::is_ascii_digit).collect();
    let tail: String = digits.iter().rev().take(2).rev().collect();
    format!("…{tail}")
}

/// The text of an SMS: subject and body, within 306 characters (two parts), else the subject
/// and the body cut at a word with "…".
pub fn sms_text(subject: &str, body: &str) -> String {
    const MAX: usize = 306;
    let whole = format!("{subject}\n{body}");
    if whole.chars().count() <= MAX {
        return whole;
    }
    let mut out = String::new();
    for word in whole.split_inclusive(' ') {
        if out.chars().count() + word.chars().count() > MAX - 1 {
            break;
        }
        out.push_str(word);
    }
    format!("{}…", out.trim_end())
}

/// `POST /integrations/sms/receipts`: the gateway's delivery receipt, signed like the telephony
/// platform's events (HMAC-SHA256 over `timestamp.body` with `[sms] receipt_secret`, headers
/// `Sms-Timestamp` and `Sms-Signature: v1=…`, five minutes' window). Body: `{"id": gateway id,
/// "status": "delivered" | "failed" | "expired"}`. Unknown ids are accepted and ignored (a
/// receipt for a message of another system); refusals are problem documents.
pub async fn sms_receipt(
    axum::extract::State(state): axum::extract::State<ReceiptState>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    use stadsporten_app::contact::telephony::problem;
    use stadsporten_domain::contact_centre::telephony::verify;
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if state.secret.is_empty() {
        return problem(401, "bad-signature", "Receipts are not configured", "set sms.receipt_secret");
    }
    if body.len() > 4096 {
        return problem(413, "too-large", "The body is too large", "at most 4096 bytes");
    }
    if let Err(why) = verify(&state.secret, header("sms-timestamp"), header("sms-signature"), &body, state.clock.now())
    {
        tracing::warn!(refusal = why.slug(), "SMS receipt refused");
        return problem(why.status(), why.slug(), "The receipt is not signed by the gateway", &why.detail());
    }
    let receipt = match stadsporten_domain::contact_centre::telephony::parse_receipt(&body) {
        Ok(r) => r,
        Err(why) => return problem(400, "malformed-receipt", "The body is not a receipt", &why),
    };
    match state.store.sms_receipt(&receipt.id, &receipt.status, state.clock.now()).await {
        Ok(known) => {
            if receipt.status != "delivered" {
                tracing::warn!(gateway_id = %receipt.id, status = %receipt.status, known, "SMS not delivered");
            }
            axum::http::StatusCode::NO_CONTENT.into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "could not record an SMS receipt");
            problem(503, "unavailable", "The receipt could not be recorded now", "try again")
        }
    }
}

/// What the receipts route needs.
#[derive(Clone)]
pub struct ReceiptState {
    pub store: Store,
    pub clock: Clock,
    pub secret: Vec<u8>,
}

/// The outbox worker's parts.
#[derive(Clone)]
pub struct Notifier {
    pub store: Store,
    pub mailer: Arc<dyn Mailer>,
    pub sms: Arc<dyn SmsGateway>,
    pub clock: Clock,
    /// Where links in messages point.
    pub public_url: String,
}

/// Tries before a row is given up.
pub const MAX_ATTEMPTS: i64 = 16;

/// Seconds before the next try after `attempts` failures.
pub fn backoff(attempts: i64) -> i64 {
    let exp = u32::try_from(attempts.clamp(0, 20)).unwrap_or(20);
    (30_i64.saturating_mul(1_i64 << exp)).min(6 * 3600)
}

impl Notifier {
    /// Sends what is due now; returns how many rows were sent.
    pub async fn run_once(&self) -> usize {
        let now = self.clock.now();
        let rows = match self.store.claim_outbox(now, 50, 120).await {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(error = %e, "could not read the outbox");
                return 0;
            }
        };
        let mut sent = 0;
        for row in rows {
            let (subject, body) = self.render(&row).await;
            // A mail is accepted by the relay; an SMS by the gateway, with its id for the receipt
            // (`None`: the development log gateway, which sends nothing).
            let result: Result<Option<Option<String>>, SmsRefused> = match row.channel.as_str() {
                "email" => self
                    .mailer
                    .send(OutgoingMail { to: row.recipient.clone(), subject, body })
                    .await
                    .map(|()| None)
                    .map_err(SmsRefused::Retry),
                // An SMS is short: the subject alone when the body would make it several parts.
                "sms" => self.sms.send(&row.recipient, &sms_text(&subject, &body), row.id).await.map(Some),
                other => Err(SmsRefused::GiveUp(format!("unknown channel {other}"))),
            };
            let now = self.clock.now();
            let outcome = match result {
                Ok(via) => {
                    sent += 1;
                    tracing::info!(outbox = row.id, event = %row.event, channel = %row.channel, "notification sent");
                    match via {
                        Some(gateway) => self.store.outbox_sms_accepted(row.id, gateway.as_deref(), now).await,
                        None => self.store.outbox_sent(row.id, now).await,
                    }
                }
                Err(SmsRefused::GiveUp(e)) => {
                    tracing::error!(outbox = row.id, event = %row.event, error = %e, "notification refused for good");
                    self.store.outbox_failed(row.id, &e, None).await
                }
                Err(SmsRefused::Retry(e)) if row.attempts + 1 >= MAX_ATTEMPTS => {
                    tracing::error!(outbox = row.id, event = %row.event, error = %e, "notification given up after retries");
                    self.store.outbox_failed(row.id, &e, None).await
                }
                Err(SmsRefused::Retry(e)) => {
                    let wait = backoff(row.attempts);
                    tracing::warn!(outbox = row.id, event = %row.event, error = %e, retry_in_s = wait, "notification failed; will retry");
                    self.store.outbox_failed(row.id, &e, Some(now + wait)).await
                }
            };
            if let Err(e) = outcome {
                tracing::warn!(outbox = row.id, error = %e, "could not record a notification's outcome");
            }
        }
        sent
    }

    /// Whether the row tells about a confidentiality-3 case or draft: then the message says only
    /// that there is something new in Mina sidor — no service, no case number, no text. A
    /// classification that cannot be read counts as confidential.
    async fn content_free(&self, row: &OutboxRow) -> bool {
        if !matches!(
            row.event.as_str(),
            "receipt"
                | "message"
                | "completion-request"
                | "decision"
                | "draft-expiring"
                | "offer-reminder"
                | "offer-lapsed"
        ) {
            return false;
        }
        let classification = match (row.case_id, row.args.get("service").and_then(|v| v.as_str())) {
            (Some(case), _) => self.store.case_classification(case).await,
            (None, Some(slug)) => self.store.service_classification(slug).await,
            (None, None) => return false,
        };
        classification.map_or(true, |c| !c.controls().content_in_notifications)
    }

    /// Subject and body in the recipient's language.
    async fn render(&self, row: &OutboxRow) -> (String, String) {
        let lang = Lang::parse(&row.lang).unwrap_or_default();
        if self.content_free(row).await {
            let link = format!("{}/my", self.public_url);
            return (
                ta(lang, "notify-protected-subject", &[]),
                ta(lang, "notify-protected-body", &[("link", link.into())]),
            );
        }
        let arg = |k: &str| row.args.get(k).map(|v| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string()));
        let service = match arg("service") {
            Some(slug) => match stadsporten_domain::ServiceSlug::parse(&slug) {
                Ok(s) => {
                    self.store.service_details(&s, lang).await.ok().flatten().map(|d| d.summary.title).unwrap_or(slug)
                }
                Err(_) => slug,
            },
            None => String::new(),
        };
        let link = match (row.bundle_id, row.case_id) {
            // A referral goes to an outside authority: no link into the service, a reference.
            (_, _) if row.event == "referral" => String::new(),
            // The contact centre sends the e-service's start page to a caller.
            (_, _) if row.event == "contact-link" => {
                format!("{}/services/{}/start", self.public_url, arg("service").unwrap_or_default())
            }
            (Some(id), _) => format!("{}/my/business/{id}", self.public_url),
            (None, Some(id)) => format!("{}/my/cases/{id}", self.public_url),
            (None, None) => format!("{}/my", self.public_url),
        };
        let args = [
            ("case_number", arg("case_number").unwrap_or_default().into()),
            ("service", service.into()),
            ("days", arg("days").unwrap_or_default().into()),
            ("reply_by", arg("reply_by").unwrap_or_default().into()),
            (
                "date",
                row.args
                    .get("expires_at")
                    .and_then(|v| v.as_i64())
                    .map(stadsporten_app::ui::stockholm_date)
                    .unwrap_or_default()
                    .into(),
            ),
            ("link", link.into()),
            ("count", arg("count").unwrap_or_default().into()),
            ("bundle_number", arg("bundle_number").unwrap_or_default().into()),
            ("organisation", arg("organisation").unwrap_or_default().into()),
            ("organisation_name", arg("organisation_name").unwrap_or_default().into()),
            ("about", self.about(arg("about"), lang).into()),
            ("from", arg("from").unwrap_or_default().into()),
            ("note", arg("note").unwrap_or_default().into()),
        ];
        let subject = ta(lang, &format!("notify-{}-subject", row.event), &args);
        let mut body = ta(lang, &format!("notify-{}-body", row.event), &args);
        if row.event == "referral" {
            if let Some(details) = self.referral_details(row.case_id, lang).await {
                body.push_str("\n\n");
                body.push_str(&details);
            }
        }
        (subject, body)
    }

    /// What a missed call was about, in words: a service's title, else the queue's name.
    fn about(&self, about: Option<String>, lang: Lang) -> String {
        let Some(about) = about else { return String::new() };
        if about == "general" {
            return stadsporten_app::i18n::t(lang, "contact-queue-general");
        }
        if let Some(c) = stadsporten_domain::contact_centre::Category::parse(&about) {
            return stadsporten_app::i18n::t(lang, &format!("contact-category-{}", c.slug()));
        }
        stadsporten_domain::ServiceSlug::parse(&about)
            .ok()
            .and_then(|s| self.store.service_title(&s, lang))
            .unwrap_or(about)
    }

    /// A referral carries the application itself: every answered field of the case as filed,
    /// and the names of its files (the authority asks the business guide team for them).
    async fn referral_details(&self, case_id: Option<CaseId>, lang: Lang) -> Option<String> {
        use stadsporten_domain::eservice::answers::{field_visible, visible_steps};
        let case = self.store.case_record(case_id?).await.ok()??;
        let def = self.store.definition(case.definition_id).await.ok()??;
        // A person with protected personal data: their address and contact answers never leave
        // in an e-mail (a failed check counts as protected).
        let protected = self.store.is_protected(case.applicant_id).await.unwrap_or(true);
        let mut out = Vec::new();
        for step in visible_steps(&def.definition, &case.answers) {
            out.push(format!("{}:", step.title.get(lang)));
            for f in step.fields.iter().filter(|f| field_visible(f, &case.answers)) {
                if protected && stadsporten_domain::security::protected::is_contact_field(f.kind) {
                    out.push(format!(
                        "- {}: {}",
                        f.label.get(lang),
                        stadsporten_app::i18n::t(lang, "protected-masked")
                    ));
                    continue;
                }
                let lines = stadsporten_app::eservices::display::answer_lines(f, case.answers.get(&f.id), lang);
                out.push(format!("- {}: {}", f.label.get(lang), lines.join(", ")));
            }
        }
        Some(out.join("\n"))
    }

    /// Runs the worker forever, every `every`.
    pub fn spawn(self, every: Duration) {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                self.run_once().await;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_to_a_ceiling() {
        assert_eq!(backoff(0), 30);
        assert_eq!(backoff(1), 60);
        assert_eq!(backoff(5), 960);
        assert_eq!(backoff(15), 6 * 3600);
    }

    #[test]
    fn an_sms_stays_within_two_parts() {
        assert_eq!(sms_text("Hej", "kort"), "Hej\nkort");
        let long = sms_text("Rubrik", &"ord ".repeat(200));
        assert!(long.chars().count() <= 306 && long.ends_with('…') && long.starts_with("Rubrik\n"));
    }

    #[test]
    fn recipients_are_masked() {
        assert_eq!(mask("070-123 45 67"), "…67");
    }
}
