//! Sending e-mail: SMTP in production and in tests (a real server), or a folder of `.eml` files
//! when no SMTP server is configured (the embedded default), so `make run` works offline and the
//! developer can open what would have been sent.
//!
//! Policy: mail content and addresses are never logged; a failure is logged by kind and reported
//! to the caller, who tells the person to try again.

use lettre::message::{header::ContentType, Mailbox, Message};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Tokio1Executor};
use stadsporten_app::mail::{BoxFuture, Mailer, OutgoingMail};
use std::path::PathBuf;

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Folder(PathBuf),
}

pub struct LettreMailer {
    from: Mailbox,
    transport: Transport,
}

impl LettreMailer {
    /// `smtp_url`: `smtp://host:port` (plain, for local relays and tests), `smtps://…` (TLS) or
    /// `smtp+starttls://…`, optionally with `user:password@`; empty: write files into `folder`.
    pub fn new(smtp_url: &str, from: &str, folder: PathBuf) -> Result<LettreMailer, String> {
        let from: Mailbox = from.parse().map_err(|e| format!("mail.from: {e}"))?;
        let transport = if smtp_url.trim().is_empty() {
            Transport::Folder(folder)
        } else {
            let url = smtp_url.replace("smtp+starttls://", "smtp://").to_owned();
            let builder = if smtp_url.starts_with("smtp://") {
                let parsed = url::Url::parse(&url).map_err(|e| format!("mail.smtp_url: {e}"))?;
                let host = parsed.host_str().ok_or("mail.smtp_url: no host")?.to_owned();
                let port = parsed.port().unwrap_or(25);
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).port(port)
            } else {
                let tls_url = if smtp_url.starts_with("smtp+starttls://") {
                    format!("{url}?tls=required")
                } else {
                    smtp_url.to_owned()
                };
                AsyncSmtpTransport::<Tokio1Executor>::from_url(&tls_url).map_err(|e| format!("mail.smtp_url: {e}"))?
            };
            Transport::Smtp(builder.timeout(Some(std::time::Duration::from_secs(10))).build())
        };
        Ok(LettreMailer { from, transport })
    }
}

impl Mailer for LettreMailer {
    fn send(&self, mail: OutgoingMail) -> BoxFuture<'_, Result<(), String>> {
        Box::pin(async move {
            let to: Mailbox = mail.to.parse().map_err(|_| "invalid recipient".to_owned())?;
            let message = Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(mail.subject)
                .header(ContentType::TEXT_PLAIN)
                .body(mail.body)
                .map_err(|e| format!("building the message: {e}"))?;
            match &self.transport {
                Transport::Smtp(smtp) => smtp.send(message).await.map(|_| ()).map_err(|e| {
                    tracing::warn!(
                        error.kind = if e.is_transient() { "transient" } else { "permanent" },
                        "SMTP send failed"
                    );
                    "smtp".to_owned()
                }),
                Transport::Folder(dir) => {
                    tokio::fs::create_dir_all(dir).await.map_err(|e| e.to_string())?;
                    let name = format!("{}.eml", uuid::Uuid::new_v4());
                    tokio::fs::write(dir.join(&name), message.formatted()).await.map_err(|e| e.to_string())?;
                    tracing::info!(file = %name, "mail written to the mail folder (no SMTP server configured)");
                    Ok(())
                }
            }
        })
    }
}
