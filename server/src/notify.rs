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

/// Sends one SMS.
pub trait SmsGateway: Send + Sync + 'static {
    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> BoxFuture<'a, Result<(), String>>;
}

/// The default gateway: a log line with the number masked.
pub struct LogSms;

impl SmsGateway for LogSms {
    fn send<'a>(&'a self, to: &'a str, text: &'a str) -> BoxFuture<'a, Result<(), String>> {
        Box::pin(async move {
            tracing::info!(to = %mask(to), chars = text.chars().count(), "sms handed to the log gateway");
            Ok(())
        })
    }
}

/// The last two digits only.
pub fn mask(recipient: &str) -> String {
    let digits: Vec<char> = recipient.chars().filter(char::is_ascii_digit).collect();
    let tail: String = digits.iter().rev().take(2).rev().collect();
    format!("…{tail}")
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
            let result = match row.channel.as_str() {
                "email" => self.mailer.send(OutgoingMail { to: row.recipient.clone(), subject, body }).await,
                "sms" => self.sms.send(&row.recipient, &format!("{subject}\n{body}")).await,
                other => Err(format!("unknown channel {other}")),
            };
            let now = self.clock.now();
            let outcome = match result {
                Ok(()) => {
                    sent += 1;
                    tracing::info!(outbox = row.id, event = %row.event, channel = %row.channel, "notification sent");
                    self.store.outbox_sent(row.id, now).await
                }
                Err(e) if row.attempts + 1 >= MAX_ATTEMPTS => {
                    tracing::error!(outbox = row.id, event = %row.event, error = %e, "notification given up after retries");
                    self.store.outbox_failed(row.id, &e, None).await
                }
                Err(e) => {
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

    /// Subject and body in the recipient's language.
    async fn render(&self, row: &OutboxRow) -> (String, String) {
        let lang = Lang::parse(&row.lang).unwrap_or_default();
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
        let mut out = Vec::new();
        for step in visible_steps(&def.definition, &case.answers) {
            out.push(format!("{}:", step.title.get(lang)));
            for f in step.fields.iter().filter(|f| field_visible(f, &case.answers)) {
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
    fn recipients_are_masked() {
        assert_eq!(mask("070-123 45 67"), "…67");
    }
}
