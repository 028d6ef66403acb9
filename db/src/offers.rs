//! Offers in decisions: a place or a start date the resident accepts or declines before a
//! reply-by date (domain `eservice::OfferTemplate`).
//!
//! Policy:
//! - An offer is made with its decision, in the decision's transaction, and answered once: by the
//!   applicant in Mina sidor, or recorded by the unit's officer from a phone call (who recorded it
//!   is kept). An answer after the reply-by date, or a second answer, is refused (`Conflict`).
//! - One reminder goes out before the date; when the date passes unanswered the offer lapses — a
//!   timeline event and a notification say so, with the outcome the service's definition states.
//!   Both run in the e-service housekeeping under its job lease, and each row is claimed with a
//!   compare-and-set, so a second node never sends twice.

pub use crate::cases::NewOffer;
use crate::cases::{applicant_of, event, lock_case, Event};
use crate::{DbError, Result, Store};
use sqlx::Row;
use stadsporten_domain::audit::AuditEntry;
use stadsporten_domain::eservice::NotificationEvent;
use stadsporten_domain::{CaseId, UserId};

/// The answer to an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferAnswer {
    Accepted,
    Declined,
    Lapsed,
}

impl OfferAnswer {
    pub fn slug(self) -> &'static str {
        match self {
            OfferAnswer::Accepted => "accepted",
            OfferAnswer::Declined => "declined",
            OfferAnswer::Lapsed => "lapsed",
        }
    }

    fn parse(s: &str) -> Option<OfferAnswer> {
        [OfferAnswer::Accepted, OfferAnswer::Declined, OfferAnswer::Lapsed].into_iter().find(|a| a.slug() == s)
    }
}

/// An offer as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferRecord {
    pub case_id: CaseId,
    pub what: String,
    pub starts_on: Option<String>,
    pub reply_by: i64,
    pub answer: Option<OfferAnswer>,
    pub answered_at: Option<i64>,
    /// `my-pages` or `phone`.
    pub answered_via: Option<String>,
}

fn record(r: &sqlx::any::AnyRow) -> Result<OfferRecord> {
    let answer: Option<String> = r.try_get("answer")?;
    Ok(OfferRecord {
        case_id: r.try_get("case_id")?,
        what: r.try_get("what")?,
        starts_on: r.try_get("starts_on")?,
        reply_by: r.try_get("reply_by")?,
        answer: answer.as_deref().and_then(OfferAnswer::parse),
        answered_at: r.try_get("answered_at")?,
        answered_via: r.try_get("answered_via")?,
    })
}

const COLUMNS: &str = "case_id, what, starts_on, reply_by, answer, answered_at, answered_via";

impl Store {
    /// The offer of a case's decision, if it carries one.
    pub async fn case_offer(&self, case_id: CaseId) -> Result<Option<OfferRecord>> {
        sqlx::query(&format!("select {COLUMNS} from case_offers where case_id = $1"))
            .bind(case_id)
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(record)
            .transpose()
    }

    /// Answers an offer: `via` is `my-pages` (the applicant) or `phone` (recorded by `actor`, an
    /// officer). `Conflict` when it was answered already or its date has passed.
    pub async fn answer_offer(&self, case_id: CaseId, accept: bool, via: &str, actor: UserId, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        lock_case(&mut tx, case_id).await?;
        let answer = if accept { OfferAnswer::Accepted } else { OfferAnswer::Declined };
        let n = sqlx::query(
            "update case_offers set answer = $1, answered_at = $2, answered_via = $3, recorded_by = $4 \
             where case_id = $5 and answer is null and reply_by >= $2",
        )
        .bind(answer.slug())
        .bind(now)
        .bind(via)
        .bind((via == "phone").then_some(actor))
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
        if n.rows_affected() == 0 {
            let exists = sqlx::query("select case_id from case_offers where case_id = $1")
                .bind(case_id)
                .fetch_optional(&mut *tx)
                .await?
                .is_some();
            tx.rollback().await?;
            return Err(if exists { DbError::Conflict } else { DbError::NotFound });
        }
        let kind = if accept { "offer-accepted" } else { "offer-declined" };
        event(&mut tx, case_id, now, Some(actor), Event { kind, change: None, detail: Some(via), public: true })
            .await?;
        sqlx::query("update cases set updated_at = $1 where id = $2").bind(now).bind(case_id).execute(&mut *tx).await?;
        tx.audit_reason(format!("offer {} via {via}", answer.slug()));
        tx.commit().await
    }

    /// Sends the one reminder of every offer whose reminder time has come; returns how many. Each
    /// commits with its audit entry (`entry`, by the system; the store names the case).
    pub async fn remind_offers(&self, entry: &AuditEntry, now: i64) -> Result<usize> {
        let due: Vec<CaseId> = sqlx::query(
            "select case_id from case_offers \
             where answer is null and reminded_at is null and remind_at <= $1 and reply_by > $1",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| r.try_get("case_id"))
        .collect::<std::result::Result<_, _>>()?;
        let mut sent = 0;
        for case_id in due {
            let e = AuditEntry {
                object_id: Some(case_id.to_string()),
                reason: Some("offer reminder".into()),
                ..entry.clone()
            };
            let mut tx = self.audited(e).begin_write().await?;
            let claimed = sqlx::query(
                "update case_offers set reminded_at = $1 where case_id = $2 and reminded_at is null and answer is null",
            )
            .bind(now)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
            if claimed.rows_affected() == 0 {
                tx.rollback().await?;
                continue;
            }
            let reply_by: i64 = sqlx::query("select reply_by from case_offers where case_id = $1")
                .bind(case_id)
                .fetch_one(&mut *tx)
                .await?
                .try_get("reply_by")?;
            if let Some((applicant, number)) = applicant_of(&mut tx, case_id).await? {
                let day =
                    stadsporten_domain::date::Date::in_stockholm(reply_by).map(|d| d.to_string()).unwrap_or_default();
                let args = serde_json::json!({ "case_number": number, "reply_by": day });
                crate::outbox::enqueue(
                    &mut tx,
                    applicant,
                    NotificationEvent::OfferReminder,
                    Some(case_id),
                    None,
                    &args,
                    now,
                )
                .await?;
            }
            tx.commit().await?;
            sent += 1;
        }
        Ok(sent)
    }

    /// Lets every offer whose reply-by date has passed unanswered lapse; returns how many. Each
    /// commits with its audit entry, as [`Store::remind_offers`].
    pub async fn lapse_offers(&self, entry: &AuditEntry, now: i64) -> Result<usize> {
        let due: Vec<CaseId> = sqlx::query("select case_id from case_offers where answer is null and reply_by < $1")
            .bind(now)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| r.try_get("case_id"))
            .collect::<std::result::Result<_, _>>()?;
        let mut lapsed = 0;
        for case_id in due {
            let e = AuditEntry {
                object_id: Some(case_id.to_string()),
                reason: Some("offer lapsed".into()),
                ..entry.clone()
            };
            let mut tx = self.audited(e).begin_write().await?;
            let claimed = sqlx::query(
                "update case_offers set answer = 'lapsed', answered_at = $1 where case_id = $2 and answer is null",
            )
            .bind(now)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
            if claimed.rows_affected() == 0 {
                tx.rollback().await?;
                continue;
            }
            event(
                &mut tx,
                case_id,
                now,
                None,
                Event { kind: "offer-lapsed", change: None, detail: None, public: true },
            )
            .await?;
            if let Some((applicant, number)) = applicant_of(&mut tx, case_id).await? {
                let args = serde_json::json!({ "case_number": number });
                crate::outbox::enqueue(
                    &mut tx,
                    applicant,
                    NotificationEvent::OfferLapsed,
                    Some(case_id),
                    None,
                    &args,
                    now,
                )
                .await?;
            }
            tx.commit().await?;
            lapsed += 1;
        }
        Ok(lapsed)
    }

    /// The reply-by times of the unanswered offers of these cases (the officer's queue).
    pub async fn waiting_offers(&self, cases: &[CaseId]) -> Result<std::collections::HashMap<CaseId, i64>> {
        if cases.is_empty() {
            return Ok(Default::default());
        }
        let slots = (1..=cases.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!("select case_id, reply_by from case_offers where answer is null and case_id in ({slots})");
        let mut q = sqlx::query(&sql);
        for id in cases {
            q = q.bind(*id);
        }
        let mut out = std::collections::HashMap::new();
        for r in q.fetch_all(&self.pool).await? {
            out.insert(r.try_get("case_id")?, r.try_get("reply_by")?);
        }
        Ok(out)
    }
}
