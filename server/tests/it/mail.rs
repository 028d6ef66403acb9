//! The e-mail confirmation link, sent through a real SMTP server (PyPI aiosmtpd, started by the
//! test; scripts/setup.sh installs it and names its Python in STADSPORTEN_SMTP_PYTHON), on both
//! backends.

use crate::support::{spawn_app_with, test_settings};
use secrecy::SecretString;
use stadsporten_db::{on_both_backends, AuditFilter, Backend};
use stadsporten_domain::audit::AuditAction;
use stadsporten_domain::ids::DraftToken;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};

/// An aiosmtpd server writing into a Maildir; stopped when dropped.
pub(crate) struct SmtpServer {
    child: Child,
    pub(crate) port: u16,
    pub(crate) maildir: PathBuf,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub(crate) async fn smtp_server() -> SmtpServer {
    smtp_server_on(free_port()).await
}

async fn smtp_server_on(port: u16) -> SmtpServer {
    let python = std::env::var("STADSPORTEN_SMTP_PYTHON").unwrap_or_else(|_| "python3".into());
    let maildir = std::env::temp_dir().join(format!("stadsporten-mail-{}", uuid::Uuid::new_v4().simple()));
    let mut child = Command::new(&python)
        .args(["-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Mailbox"])
        .arg(&maildir)
        .args(["-l", &format!("127.0.0.1:{port}")])
        .spawn()
        .unwrap_or_else(|e| panic!("aiosmtpd is required for the mail tests ({python}): {e}"));
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
            return SmtpServer { child, port, maildir };
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("aiosmtpd did not start (is it installed for {python}?)");
}

pub(crate) fn delivered(maildir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(maildir.join("new")) else { return Vec::new() };
    entries.flatten().filter_map(|e| std::fs::read_to_string(e.path()).ok()).collect()
}

on_both_backends!(
    a_new_address_is_used_only_after_its_link_is_followed_once,
    a_receipt_waits_out_an_smtp_outage_and_arrives_once_in_the_persons_language,
);

/// Files a feedback case for Anna directly in the store (the receipt is queued with it).
async fn anna_files_a_case(app: &crate::support::TestApp) -> String {
    let anna = app.store.user_by_persona("anna").await.unwrap().unwrap().id;
    let def = app.store.live_definition("synpunkter-och-klagomal").await.unwrap().unwrap();
    let now = app.clock.now();
    let draft = app
        .store
        .create_draft(&DraftToken::new("ab".repeat(32)), anna, None, def.id, Default::default(), now, now + 30 * 86_400)
        .await
        .unwrap();
    let answers = stadsporten_domain::eservice::Answers::new();
    app.store
        .submit_case(&stadsporten_db::Submission {
            draft_id: draft.id,
            applicant_id: anna,
            acting_for: None,
            idempotency_key: "k",
            definition_id: def.id,
            service_slug: &def.slug,
            unit_code: "TK",
            provider_unit: None,
            provider_org: None,
            year: 2026,
            lang: "en",
            answers: &answers,
            handling_days: 14,
            day_kind: Default::default(),
            channel: stadsporten_domain::measure::CaseChannel::Web,
            now,
        })
        .await
        .unwrap()
        .case_number
}

async fn wait_for<T>(mut f: impl AsyncFnMut() -> Option<T>) -> Option<T> {
    for _ in 0..100 {
        if let Some(t) = f().await {
            return Some(t);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    None
}

async fn a_receipt_waits_out_an_smtp_outage_and_arrives_once_in_the_persons_language(backend: Backend) {
    // The mail server is down when the case is filed.
    let port = free_port();
    let mut settings = test_settings(backend).await;
    settings.mail.smtp_url = SecretString::from(format!("smtp://127.0.0.1:{port}"));
    let app = spawn_app_with(settings).await;
    let anna = app.store.user_by_persona("anna").await.unwrap().unwrap();
    app.store
        .update_contact(
            anna.id,
            None,
            Some(stadsporten_domain::Lang::En),
            stadsporten_db::NotifyChannel::Email,
            app.clock.now(),
        )
        .await
        .unwrap();
    let number = anna_files_a_case(&app).await;
    let failed = wait_for(async || {
        let rows = app.store.outbox(10).await.unwrap();
        rows.into_iter().find(|r| r.event == "receipt" && r.recipient == "anna.andersson@example.se" && r.attempts >= 1)
    })
    .await
    .expect("the worker tried and failed");
    assert_eq!(failed.status, "pending", "a failure is retried, not dropped");
    assert!(failed.last_error.is_some());
    // The server comes back; after the backoff the receipt goes out, once.
    let smtp = smtp_server_on(port).await;
    app.clock.advance(3600);
    // Wait for Anna's receipt itself: the demo's seeded case queues a receipt of its own for
    // another persona, and that one may arrive first.
    let unfold = |m: &str| m.replace("=\r\n", "").replace("=\n", "");
    let hers = format!("We have received your application {number}");
    let mail = wait_for(async || delivered(&smtp.maildir).iter().map(|m| unfold(m)).find(|m| m.contains(&hers)))
        .await
        .expect("delivered after the outage");
    // Give a duplicate time to show up before counting.
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    let receipts = delivered(&smtp.maildir).iter().filter(|m| unfold(m).contains(&hers)).count();
    assert_eq!(receipts, 1, "exactly one receipt");
    assert!(mail.contains("To: anna.andersson@example.se"), "{mail}");
    assert!(mail.contains("/my/cases/"), "with a link to the case");
    let row = app
        .store
        .outbox(10)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.event == "receipt" && r.recipient == "anna.andersson@example.se")
        .unwrap();
    assert_eq!(row.status, "sent");
}

async fn a_new_address_is_used_only_after_its_link_is_followed_once(backend: Backend) {
    let smtp = smtp_server().await;
    let mut settings = test_settings(backend).await;
    settings.mail.smtp_url = SecretString::from(format!("smtp://127.0.0.1:{}", smtp.port));
    let app = spawn_app_with(settings).await;
    app.sign_in("anna").await;
    let token = app.csrf().await;
    let res = app.post_form("/api/my/email", &[("csrf", &token), ("email", "not an address")]).send().await.unwrap();
    assert_eq!(res.status(), 302);
    let html = app.get("/my").header("accept-language", "en").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Write an e-mail address like"), "refused with the reason");
    assert!(html.contains("value=\"not an address\""), "and what she typed");
    let res = app
        .post_form("/api/my/email", &[("csrf", &token), ("email", "anna.new@example.se")])
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 302);
    let mut mails = Vec::new();
    for _ in 0..50 {
        // Hers only (the demo's seeded case sends its own receipt to another persona).
        mails = delivered(&smtp.maildir).into_iter().filter(|m| m.contains("anna.new@example.se")).collect();
        if !mails.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(mails.len(), 1, "one message through SMTP");
    // Quoted-printable: join soft line breaks, decode "=".
    let mail = mails[0].replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    assert!(mail.contains("To: anna.new@example.se"), "{mail}");
    assert!(mail.contains("Confirm your e-mail address"), "in her language");
    let link = mail
        .split_whitespace()
        .find(|w| w.starts_with(&app.address) && w.contains("/my/email/confirm?token="))
        .expect("the link")
        .to_owned();
    let anna = app.store.user_by_persona("anna").await.unwrap().unwrap();
    assert_eq!(anna.email.as_deref(), Some("anna.andersson@example.se"), "unchanged until confirmed");
    // Someone else following the link gets nothing.
    let erik = crate::support::TestApp {
        client: crate::support::browser(&app.address),
        address: app.address.clone(),
        store: app.store.clone(),
        clock: app.clock.clone(),
    };
    erik.sign_in("erik").await;
    let res = erik.client.get(&link).send().await.unwrap();
    assert_eq!(res.status(), 400);
    let res = app.client.get(&link).header("accept-language", "en").send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("The e-mail address is confirmed"));
    let anna = app.store.user_by_persona("anna").await.unwrap().unwrap();
    assert_eq!((anna.email.as_deref(), anna.email_verified), (Some("anna.new@example.se"), true));
    assert_eq!(app.client.get(&link).send().await.unwrap().status(), 400, "a link works once");
    let verified = app
        .store
        .audit_entries(&AuditFilter { action: Some(AuditAction::VerifyEmail), ..Default::default() }, 10, 0)
        .await
        .unwrap();
    assert_eq!(verified.len(), 3, "the refused attempts and the confirmation are recorded");
}
