//! Events for other systems (webhooks): subscriptions, and deliveries written in the transaction
//! of the change they tell about, claimed by one node at a time and retried with back-off.
//!
//! Policy: see `stadsporten_domain::api::webhook`. A case's timeline entry (`cases::event`) is the
//! one place case events start; it asks here whether any subscription wants it (one indexed
//! query when none does). A delivery is claimed with a lease (`locked_until`), so with several
//! nodes each is sent by one of them at a time; a node that dies mid-send leaves the lease to run
//! out and the delivery is sent again, under the same event id (at least once).

use crate::tx::Tx;
use crate::{DbError, Result, Store};
use sqlx::Row;
use stadsporten_domain::api::webhook::{backoff_seconds, CloudEvent, EventType, MAX_ATTEMPTS};
use stadsporten_domain::eservice::CaseStatus;
use stadsporten_domain::ids::{CaseId, UserId};

/// A subscription as its client sees it (the secret only when it is created).
#[derive(Debug, Clone)]
pub struct WebhookSubscription {
    pub id: i64,
    pub client_id: String,
    pub url: String,
    pub events: Vec<EventType>,
    pub unit_code: Option<String>,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
}

/// A delivery in a subscription's log.
#[derive(Debug, Clone)]
pub struct WebhookDelivery {
    pub id: i64,
    pub event_id: String,
    pub event_type: String,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
}

/// The outcome of one try.
#[derive(Debug, Clone)]
pub struct Tried {
    pub id: i64,
    pub attempts_before: i64,
    pub status: Option<u16>,
    pub error: Option<String>,
}

/// A delivery claimed for sending.
#[derive(Debug, Clone)]
pub struct DeliveryJob {
    pub id: i64,
    pub url: String,
    pub secret: String,
    pub event_id: String,
    pub payload: String,
    pub attempts: i64,
}

fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

/// The events one case timeline entry makes.
fn case_event_types(kind: &str, change: Option<(CaseStatus, CaseStatus)>, by_applicant: bool) -> Vec<EventType> {
    let mut out = Vec::new();
    if kind == "submitted" {
        out.push(EventType::CaseSubmitted);
    }
    if let Some((_, to)) = change {
        out.push(EventType::CaseStatusChanged);
        if to == CaseStatus::Decided {
            out.push(EventType::CaseDecided);
        }
    }
    if kind == "message" && by_applicant {
        out.push(EventType::CaseMessageReceived);
    }
    out
}

/// Writes the deliveries a case's timeline entry makes for the subscriptions of its unit, inside
/// the entry's transaction. `entry_id` (the timeline entry's id) makes the event ids.
pub(crate) async fn case_event(
    tx: &mut Tx<'_>,
    case_id: CaseId,
    entry_id: i64,
    kind: &str,
    change: Option<(CaseStatus, CaseStatus)>,
    actor: Option<UserId>,
    at: i64,
) -> Result<()> {
    if !matches!(kind, "submitted" | "message") && change.is_none() {
        return Ok(());
    }
    // One query answers both "does anyone listen?" and what the payload needs.
    let Some(row) = sqlx::query(
        "select c.case_number, c.unit_code, c.service_slug, c.status, c.applicant_id from cases c \
         where c.id = $1 and exists (select 1 from webhook_subscriptions s \
           where s.unit_code = c.unit_code and s.disabled_at is null)",
    )
    .bind(case_id)
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(());
    };
    let number: String = row.try_get("case_number")?;
    let unit: String = row.try_get("unit_code")?;
    let applicant: UserId = row.try_get("applicant_id")?;
    let status: String = row.try_get("status")?;
    let path = stadsporten_domain::eservice::CaseNumber::parse(&number)
        .map_or_else(|| number.clone(), |n| stadsporten_domain::api::case_ref(&n));
    for ty in case_event_types(kind, change, actor == Some(applicant)) {
        let event_id = format!("evt_case_{entry_id}_{}", ty.slug().replace(['.', '-'], "_"));
        let data = serde_json::json!({
            "number": number,
            "unit": unit,
            "service": row.try_get::<String, _>("service_slug")?,
            "status": change.map_or(status.clone(), |(_, to)| to.slug().to_owned()),
            "from_status": change.map(|(from, _)| from.slug()),
            "href": format!("/api/v1/cases/{path}"),
        });
        let event =
            CloudEvent::new(event_id.clone(), format!("/api/v1/units/{unit}"), ty, path.clone(), rfc3339(at), data);
        let payload = serde_json::to_string(&event).map_err(|e| DbError::CorruptRow(format!("event: {e}")))?;
        sqlx::query(
            "insert into webhook_deliveries (subscription_id, event_id, event_type, payload, next_attempt_at, created_at) \
             select s.id, $1, $2, $3, $4, $4 from webhook_subscriptions s \
             where s.unit_code = $5 and s.disabled_at is null and (' ' || s.events || ' ') like $6",
        )
        .bind(&event_id)
        .bind(ty.slug())
        .bind(&payload)
        .bind(at)
        .bind(&unit)
        .bind(format!("% {} %", ty.slug()))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

fn subscription_of(r: &sqlx::any::AnyRow) -> Result<WebhookSubscription> {
    let events: String = r.try_get("events")?;
    Ok(WebhookSubscription {
        id: r.try_get("id")?,
        client_id: r.try_get("client_id")?,
        url: r.try_get("url")?,
        events: events.split_ascii_whitespace().filter_map(EventType::parse).collect(),
        unit_code: r.try_get("unit_code")?,
        created_at: r.try_get("created_at")?,
        disabled_at: r.try_get("disabled_at")?,
    })
}

const SUBSCRIPTION_COLUMNS: &str = "id, client_id, url, events, unit_code, created_at, disabled_at";

impl Store {
    /// Subscribes a client to events of a unit's cases; returns the subscription's id.
    pub async fn create_webhook(
        &self,
        client_id: &str,
        url: &str,
        secret: &str,
        events: &[EventType],
        unit: &str,
        now: i64,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let names: Vec<&str> = events.iter().map(|e| e.slug()).collect();
        let id: i64 = sqlx::query(
            "insert into webhook_subscriptions (client_id, url, secret, events, unit_code, created_at) \
             values ($1, $2, $3, $4, $5, $6) returning id",
        )
        .bind(client_id)
        .bind(url)
        .bind(secret)
        .bind(names.join(" "))
        .bind(unit)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        tx.audit_object(id);
        tx.audit_reason(format!("{unit}: {}", names.join(" ")));
        tx.commit().await?;
        Ok(id)
    }

    /// A client's subscriptions, newest first.
    pub async fn webhooks_of(&self, client_id: &str) -> Result<Vec<WebhookSubscription>> {
        let rows = sqlx::query(&format!(
            "select {SUBSCRIPTION_COLUMNS} from webhook_subscriptions where client_id = $1 order by id desc"
        ))
        .bind(client_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(subscription_of).collect()
    }

    /// One of a client's subscriptions (`None` for another client's).
    pub async fn webhook_of(&self, client_id: &str, id: i64) -> Result<Option<WebhookSubscription>> {
        let row = sqlx::query(&format!(
            "select {SUBSCRIPTION_COLUMNS} from webhook_subscriptions where client_id = $1 and id = $2"
        ))
        .bind(client_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(subscription_of).transpose()
    }

    /// Stops a subscription: no new deliveries; pending ones are not sent.
    pub async fn disable_webhook(&self, client_id: &str, id: i64, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "update webhook_subscriptions set disabled_at = $1 where client_id = $2 and id = $3 and disabled_at is null",
        )
        .bind(now)
        .bind(client_id)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        }
        tx.audit_object(id);
        tx.commit().await
    }

    /// A subscription's delivery log, newest first, before `before` (a delivery id) when given.
    pub async fn webhook_deliveries(
        &self,
        subscription: i64,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<WebhookDelivery>> {
        let rows = sqlx::query(
            "select id, event_id, event_type, status, attempts, next_attempt_at, last_status, last_error, created_at, \
             delivered_at from webhook_deliveries where subscription_id = $1 and ($2 is null or id < $2) \
             order by id desc limit $3",
        )
        .bind(subscription)
        .bind(before)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(WebhookDelivery {
                    id: r.try_get("id")?,
                    event_id: r.try_get("event_id")?,
                    event_type: r.try_get("event_type")?,
                    status: r.try_get("status")?,
                    attempts: r.try_get("attempts")?,
                    next_attempt_at: r.try_get("next_attempt_at")?,
                    last_status: r.try_get("last_status")?,
                    last_error: r.try_get("last_error")?,
                    created_at: r.try_get("created_at")?,
                    delivered_at: r.try_get("delivered_at")?,
                })
            })
            .collect()
    }

    /// Sends a delivery again now (a dead one, or a delivered one the receiver lost), with the same
    /// event id and payload. `NotFound` unless it belongs to the subscription.
    pub async fn replay_delivery(&self, subscription: i64, delivery: i64, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "update webhook_deliveries set status = 'pending', next_attempt_at = $1, locked_until = null \
             where id = $2 and subscription_id = $3",
        )
        .bind(now)
        .bind(delivery)
        .bind(subscription)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        }
        tx.audit_object(delivery);
        tx.commit().await
    }

    /// Claims up to `limit` due deliveries for `lease` seconds, in one statement: on PostgreSQL
    /// the rows another node is claiming are skipped (`for update skip locked`); SQLite has one
    /// writer at a time anyway.
    pub async fn claim_deliveries(&self, now: i64, lease: i64, limit: i64) -> Result<Vec<DeliveryJob>> {
        let lock = match self.backend() {
            crate::Backend::Postgres => "for update of d skip locked",
            crate::Backend::Sqlite => "",
        };
        // SQLite: this process's write turn, like every writer (no busy-handler sleeps).
        let turn = self.writer_turn().await?;
        let claimed = sqlx::query(&format!(
            "update webhook_deliveries set locked_until = $1 where id in (\
               select d.id from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id \
               where d.status = 'pending' and d.next_attempt_at <= $2 and (d.locked_until is null or d.locked_until < $2) \
               and s.disabled_at is null order by d.next_attempt_at, d.id limit $3 {lock}) \
             returning id, subscription_id, event_id, payload, attempts"
        ))
        .bind(now + lease)
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        drop(turn);
        if claimed.is_empty() {
            return Ok(Vec::new());
        }
        // The receivers of what was claimed (a handful of subscriptions), in one read.
        let mut subs: Vec<i64> =
            claimed.iter().map(|r| r.try_get("subscription_id")).collect::<std::result::Result<_, _>>()?;
        subs.sort_unstable();
        subs.dedup();
        let list = subs.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let receivers: std::collections::HashMap<i64, (String, String)> =
            sqlx::query(&format!("select id, url, secret from webhook_subscriptions where id in ({list})"))
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|r| Ok((r.try_get("id")?, (r.try_get("url")?, r.try_get("secret")?))))
                .collect::<Result<_>>()?;
        let mut jobs = Vec::with_capacity(claimed.len());
        for r in &claimed {
            let sub: i64 = r.try_get("subscription_id")?;
            let Some((url, secret)) = receivers.get(&sub) else { continue };
            jobs.push(DeliveryJob {
                id: r.try_get("id")?,
                url: url.clone(),
                secret: secret.clone(),
                event_id: r.try_get("event_id")?,
                payload: r.try_get("payload")?,
                attempts: r.try_get("attempts")?,
            });
        }
        jobs.sort_by_key(|j| j.id);
        Ok(jobs)
    }

    /// Records a try: delivered on a 2xx, else pending again after the back-off, or dead after
    /// the last try. `status` is the receiver's HTTP status (none when it could not be reached);
    /// `attempts_before` what the claim read (the lease makes the row this node's).
    pub async fn delivery_tried(
        &self,
        id: i64,
        attempts_before: i64,
        status: Option<u16>,
        error: Option<&str>,
        now: i64,
    ) -> Result<()> {
        let n = self
            .deliveries_tried(&[Tried { id, attempts_before, status, error: error.map(str::to_owned) }], now)
            .await?;
        if n == 0 {
            return Err(DbError::NotFound);
        }
        Ok(())
    }

    /// Records a round's tries in one transaction, one statement per kind of outcome (a round is
    /// mostly "delivered, 2xx"): a few statements and one commit per round, not two per delivery
    /// (bench/api.sh). The lease makes the rows this node's, so `attempts + 1` is the try's count.
    /// Returns how many rows were updated.
    pub async fn deliveries_tried(&self, tries: &[Tried], now: i64) -> Result<u64> {
        if tries.is_empty() {
            return Ok(0);
        }
        /// What the rows of one statement share: state, next try, receiver's status, error.
        type Outcome<'a> = (&'a str, i64, Option<i64>, Option<&'a str>);
        let mut groups: std::collections::BTreeMap<Outcome<'_>, Vec<i64>> = std::collections::BTreeMap::new();
        for t in tries {
            let ok = t.status.is_some_and(|s| (200..300).contains(&s));
            let attempts = t.attempts_before + 1;
            let (state, next) = if ok {
                ("delivered", now)
            } else if attempts >= MAX_ATTEMPTS {
                ("dead", now)
            } else {
                ("pending", now + backoff_seconds(attempts))
            };
            groups.entry((state, next, t.status.map(i64::from), t.error.as_deref())).or_default().push(t.id);
        }
        let mut tx = self.begin_write().await?;
        let mut updated = 0;
        for ((state, next, status, error), ids) in groups {
            // Ids are numbers read from the table: written into the statement, not bound one by one.
            let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            updated += sqlx::query(&format!(
                "update webhook_deliveries set status = $1, attempts = attempts + 1, next_attempt_at = $2, \
                 locked_until = null, last_status = $3, last_error = $4, \
                 delivered_at = case when $1 = 'delivered' then $5 else delivered_at end where id in ({list})"
            ))
            .bind(state)
            .bind(next)
            .bind(status)
            .bind(error)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        }
        tx.commit().await?;
        Ok(updated)
    }

    /// Deliveries waiting to be sent, and dead ones (for `/metrics` and the benchmark).
    pub async fn delivery_backlog(&self) -> Result<(i64, i64)> {
        let r = sqlx::query(
            "select coalesce(sum(case when status = 'pending' then 1 else 0 end), 0) as pending, \
             coalesce(sum(case when status = 'dead' then 1 else 0 end), 0) as dead from webhook_deliveries",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok((r.try_get("pending")?, r.try_get("dead")?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeline_entry_makes_the_events_it_tells_of() {
        use CaseStatus::*;
        assert_eq!(case_event_types("submitted", None, true), vec![EventType::CaseSubmitted]);
        assert_eq!(case_event_types("start", Some((Submitted, InProgress)), false), vec![EventType::CaseStatusChanged]);
        assert_eq!(
            case_event_types("decide", Some((InProgress, Decided)), false),
            vec![EventType::CaseStatusChanged, EventType::CaseDecided]
        );
        assert_eq!(case_event_types("message", None, true), vec![EventType::CaseMessageReceived]);
        assert!(case_event_types("message", None, false).is_empty(), "the unit's own message is not news to it");
        assert!(case_event_types("note", None, false).is_empty());
    }
}
