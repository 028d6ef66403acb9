//! The notification outbox: a row per message to send, written in the same transaction as the
//! event it tells about, delivered by a background worker (the server's `notify` module).
//!
//! Policy:
//! - The person's own choices decide: their channel (e-mail, SMS, or only in Mina sidor) and
//!   language (without a choice, the language they filed the case in). E-mail goes only to a *verified* address, so a case is never announced to an
//!   address nobody proved is theirs; without one the event is in Mina sidor only.
//! - A row holds the event and its arguments, not the rendered text: the worker renders it in the
//!   person's language when sending. No personal data beyond the recipient address is stored.
//! - Workers claim rows with a lease (`locked_until`), so several servers never send one row
//!   twice at once; a crash after sending but before marking can repeat one message, never lose it.

use crate::{Result, Store};
use sqlx::Row;
use stadsporten_domain::eservice::NotificationEvent;
use stadsporten_domain::ids::{BundleId, CaseId, DraftId, UserId};

/// A claimed row to send.
#[derive(Debug, Clone)]
pub struct OutboxRow {
    pub id: i64,
    pub channel: String,
    pub recipient: String,
    pub lang: String,
    pub event: String,
    pub user_id: Option<UserId>,
    pub case_id: Option<CaseId>,
    pub draft_id: Option<DraftId>,
    pub bundle_id: Option<BundleId>,
    pub args: serde_json::Value,
    pub attempts: i64,
}

/// A row as listed (tests and operations).
#[derive(Debug, Clone)]
pub struct OutboxEntry {
    pub id: i64,
    pub channel: String,
    pub recipient: String,
    pub lang: String,
    pub event: String,
    pub case_id: Option<CaseId>,
    pub status: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// SMS: the gateway's id and its delivery (`accepted`, `delivered`, `failed`, `logged-only`).
    pub gateway_id: Option<String>,
    pub delivery: Option<String>,
}

/// Writes the notification of `event` to `user_id`, inside the caller's transaction, if their
/// channel and contact details allow one. Returns whether a row was written.
pub(crate) async fn enqueue(
    tx: &mut crate::tx::Tx<'_>,
    user_id: UserId,
    event: NotificationEvent,
    case_id: Option<CaseId>,
    draft_id: Option<DraftId>,
    args: &serde_json::Value,
    now: i64,
) -> Result<bool> {
    enqueue_row(tx, user_id, event, case_id, draft_id, None, args, now).await
}

/// As [`enqueue`], about a bundle (its link leads to the bundle's status page).
pub(crate) async fn enqueue_bundle(
    tx: &mut crate::tx::Tx<'_>,
    user_id: UserId,
    event: NotificationEvent,
    bundle_id: BundleId,
    args: &serde_json::Value,
    now: i64,
) -> Result<bool> {
    enqueue_row(tx, user_id, event, None, None, Some(bundle_id), args, now).await
}

#[allow(clippy::too_many_arguments)]
async fn enqueue_row(
    tx: &mut crate::tx::Tx<'_>,
    user_id: UserId,
    event: NotificationEvent,
    case_id: Option<CaseId>,
    draft_id: Option<DraftId>,
    bundle_id: Option<BundleId>,
    args: &serde_json::Value,
    now: i64,
) -> Result<bool> {
    let Some(user) = sqlx::query(
        "select email, email_verified, phone, preferred_lang, notify_via, disabled_at from users where id = $1",
    )
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(false);
    };
    let channel: String = user.try_get("notify_via")?;
    let email: Option<String> = user.try_get("email")?;
    let verified: i64 = user.try_get("email_verified")?;
    let phone: Option<String> = user.try_get("phone")?;
    let lang: Option<String> = user.try_get("preferred_lang")?;
    let (channel, recipient) = match channel.as_str() {
        "email" => match email.filter(|_| verified != 0) {
            Some(e) => ("email", e),
            None => return Ok(false),
        },
        "sms" => match phone.filter(|p| !p.trim().is_empty()) {
            Some(p) => ("sms", p),
            None => return Ok(false),
        },
        _ => return Ok(false),
    };
    // The person's chosen language; else the language they filed the case in; else Swedish.
    let lang = match (lang, case_id) {
        (Some(l), _) => l,
        (None, Some(id)) => sqlx::query("select lang from cases where id = $1")
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?
            .map(|r| r.try_get::<String, _>("lang"))
            .transpose()?
            .unwrap_or_else(|| "sv".into()),
        (None, None) => "sv".into(),
    };
    sqlx::query(
        "insert into outbox (channel, recipient, lang, event, user_id, case_id, draft_id, args, created_at, \
         next_attempt_at, bundle_id) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)",
    )
    .bind(channel)
    .bind(recipient)
    .bind(lang)
    .bind(event.slug())
    .bind(user_id)
    .bind(case_id)
    .bind(draft_id)
    .bind(args.to_string())
    .bind(now)
    .bind(bundle_id)
    .execute(&mut **tx)
    .await?;
    Ok(true)
}

impl Store {
    /// Claims up to `limit` rows that are due, leasing them for `lease` seconds.
    pub async fn claim_outbox(&self, now: i64, limit: i64, lease: i64) -> Result<Vec<OutboxRow>> {
        let candidates = sqlx::query(
            "select id from outbox where status = 'pending' and next_attempt_at <= $1 \
             and (locked_until is null or locked_until < $1) order by id limit $2",
        )
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut claimed = Vec::new();
        for c in candidates {
            let id: i64 = c.try_get("id")?;
            // The lease is taken by a compare-and-set: of two workers, one wins each row.
            let row = sqlx::query(
                "update outbox set locked_until = $1 where id = $2 and status = 'pending' \
                 and (locked_until is null or locked_until < $3) \
                 returning id, channel, recipient, lang, event, user_id, case_id, draft_id, bundle_id, args, attempts",
            )
            .bind(now + lease)
            .bind(id)
            .bind(now)
            .fetch_optional(&self.pool)
            .await?;
            if let Some(r) = row {
                let args: String = r.try_get("args")?;
                claimed.push(OutboxRow {
                    id: r.try_get("id")?,
                    channel: r.try_get("channel")?,
                    recipient: r.try_get("recipient")?,
                    lang: r.try_get("lang")?,
                    event: r.try_get("event")?,
                    user_id: r.try_get("user_id")?,
                    case_id: r.try_get("case_id")?,
                    draft_id: r.try_get("draft_id")?,
                    bundle_id: r.try_get("bundle_id")?,
                    args: serde_json::from_str(&args).unwrap_or(serde_json::Value::Null),
                    attempts: r.try_get("attempts")?,
                });
            }
        }
        Ok(claimed)
    }

    pub async fn outbox_sent(&self, id: i64, now: i64) -> Result<()> {
        sqlx::query("update outbox set status = 'sent', sent_at = $1, locked_until = null, attempts = attempts + 1 where id = $2")
            .bind(now)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// An SMS the gateway accepted: sent, with the gateway's id for its delivery receipt.
    pub async fn outbox_sms_accepted(&self, id: i64, gateway_id: Option<&str>, now: i64) -> Result<()> {
        sqlx::query(
            "update outbox set status = 'sent', sent_at = $1, locked_until = null, attempts = attempts + 1, \
             gateway_id = $2, delivery = case when $2 is null then 'logged-only' else 'accepted' end where id = $3",
        )
        .bind(now)
        .bind(gateway_id)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The gateway's delivery receipt for its message `gateway_id`. Returns whether it was ours.
    pub async fn sms_receipt(&self, gateway_id: &str, status: &str, now: i64) -> Result<bool> {
        let done = sqlx::query(
            "update outbox set delivery = $1, delivered_at = case when $1 = 'delivered' then $2 else delivered_at end \
             where gateway_id = $3 and channel = 'sms'",
        )
        .bind(status)
        .bind(now)
        .bind(gateway_id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Records a failed attempt: tried again at `retry_at`, or given up (`None`) after the last.
    pub async fn outbox_failed(&self, id: i64, error: &str, retry_at: Option<i64>) -> Result<()> {
        let error: String = error.chars().take(500).collect();
        match retry_at {
            Some(at) => sqlx::query(
                "update outbox set attempts = attempts + 1, last_error = $1, next_attempt_at = $2, locked_until = null \
                 where id = $3",
            )
            .bind(error)
            .bind(at)
            .bind(id),
            None => sqlx::query(
                "update outbox set attempts = attempts + 1, last_error = $1, status = 'failed', locked_until = null \
                 where id = $2",
            )
            .bind(error)
            .bind(id),
        }
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The outbox, newest first (operations and tests).
    pub async fn outbox(&self, limit: i64) -> Result<Vec<OutboxEntry>> {
        let rows = sqlx::query(
            "select id, channel, recipient, lang, event, case_id, status, attempts, last_error, gateway_id, delivery \
             from outbox order by id desc limit $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(OutboxEntry {
                    id: r.try_get("id")?,
                    channel: r.try_get("channel")?,
                    recipient: r.try_get("recipient")?,
                    lang: r.try_get("lang")?,
                    event: r.try_get("event")?,
                    case_id: r.try_get("case_id")?,
                    status: r.try_get("status")?,
                    attempts: r.try_get("attempts")?,
                    last_error: r.try_get("last_error")?,
                    gateway_id: r.try_get("gateway_id")?,
                    delivery: r.try_get("delivery")?,
                })
            })
            .collect()
    }
}
