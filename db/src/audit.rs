//! The audit trail: append-only, hash-chained (see `stadsporten_domain::audit`).
//!
//! Policy:
//! - [`Store::append_audit`] runs in a transaction of its own on the pool, never inside the
//!   caller's business transaction, so an entry survives when the business change rolls back.
//! - Appends are serial on both backends: each first updates the single `audit_head` row, which
//!   takes the row lock (PostgreSQL) or the write lock (SQLite) before the previous hash is read.
//! - Triggers refuse every update and delete of `audit_log` (and truncate on PostgreSQL).

use crate::{DbError, Result, Store};
use sqlx::any::AnyRow;
use sqlx::Row;
use stadsporten_domain::audit::{
    chain_hash, verify_chain, AuditAction, AuditEntry, ChainBreak, ChainedEntry, Outcome, GENESIS,
};

/// Filters for the auditor's view. `person` matches entries where the user was the actor or the
/// object (`object_type = 'user'`).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub person: Option<i64>,
    pub actor: Option<i64>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    pub action: Option<AuditAction>,
    pub from: Option<i64>,
    pub until: Option<i64>,
}

/// An entry with the actor's display name, for reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub chained: ChainedEntry,
    pub actor_name: Option<String>,
}

fn chained_from_row(r: &AnyRow) -> Result<ChainedEntry> {
    let action: String = r.try_get("action")?;
    let outcome: String = r.try_get("outcome")?;
    Ok(ChainedEntry {
        seq: r.try_get("seq")?,
        entry: AuditEntry {
            at: r.try_get("at")?,
            actor_id: r.try_get("actor_id")?,
            acting_for: r.try_get("acting_for")?,
            role: r.try_get("role")?,
            action: AuditAction::parse(&action).ok_or_else(|| DbError::CorruptRow(format!("audit action {action}")))?,
            object_type: r.try_get("object_type")?,
            object_id: r.try_get("object_id")?,
            outcome: Outcome::parse(&outcome).ok_or_else(|| DbError::CorruptRow(format!("audit outcome {outcome}")))?,
            reason: r.try_get("reason")?,
            request_id: r.try_get("request_id")?,
            client_addr: r.try_get("client_addr")?,
        },
        prev_hash: r.try_get("prev_hash")?,
        hash: r.try_get("hash")?,
    })
}

const COLUMNS: &str = "a.seq, a.at, a.actor_id, a.acting_for, a.role, a.action, a.object_type, a.object_id, \
                       a.outcome, a.reason, a.request_id, a.client_addr, a.prev_hash, a.hash";

impl Store {
    /// Appends one entry and returns its sequence number.
    pub async fn append_audit(&self, e: &AuditEntry) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("update audit_head set seq = seq + 1 where id = 1").execute(&mut *tx).await?;
        let head = sqlx::query("select seq, hash from audit_head where id = 1").fetch_one(&mut *tx).await?;
        let seq: i64 = head.try_get("seq")?;
        let prev: String = head.try_get("hash")?;
        let hash = chain_hash(&prev, seq, e);
        sqlx::query(
            "insert into audit_log (seq, at, actor_id, acting_for, role, action, object_type, object_id, outcome, \
             reason, request_id, client_addr, prev_hash, hash) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(seq)
        .bind(e.at)
        .bind(e.actor_id)
        .bind(e.acting_for.as_deref())
        .bind(e.role.as_deref())
        .bind(e.action.slug())
        .bind(&e.object_type)
        .bind(e.object_id.as_deref())
        .bind(e.outcome.slug())
        .bind(e.reason.as_deref())
        .bind(e.request_id.as_deref())
        .bind(e.client_addr.as_deref())
        .bind(&prev)
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
        sqlx::query("update audit_head set hash = $1 where id = 1").bind(&hash).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(seq)
    }

    /// Entries matching the filter, newest first.
    pub async fn audit_entries(&self, f: &AuditFilter, limit: i64, offset: i64) -> Result<Vec<AuditRow>> {
        // Unset filters bind NULL and drop out: one SQL text for every combination.
        let rows = sqlx::query(&format!(
            "select {COLUMNS}, u.display_name as actor_name from audit_log a left join users u on u.id = a.actor_id \
             where ($1 is null or a.actor_id = $1 or (a.object_type = 'user' and a.object_id = $2)) \
               and ($3 is null or a.actor_id = $3) \
               and ($4 is null or a.object_type = $4) \
               and ($5 is null or a.object_id = $5) \
               and ($6 is null or a.action = $6) \
               and ($7 is null or a.at >= $7) \
               and ($8 is null or a.at < $8) \
             order by a.seq desc limit $9 offset $10"
        ))
        .bind(f.person)
        .bind(f.person.map(|p| p.to_string()))
        .bind(f.actor)
        .bind(f.object_type.as_deref())
        .bind(f.object_id.as_deref())
        .bind(f.action.map(|a| a.slug()))
        .bind(f.from)
        .bind(f.until)
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok(AuditRow { chained: chained_from_row(r)?, actor_name: r.try_get("actor_name")? }))
            .collect()
    }

    /// Walks the whole chain in order. `Ok(Ok(n))`: n entries verified, and the head agrees with
    /// the last one. `Ok(Err(break))`: the first broken link.
    pub async fn verify_audit_chain(&self) -> Result<std::result::Result<u64, ChainBreak>> {
        const BATCH: i64 = 2000;
        let mut prev = GENESIS.to_owned();
        let mut after = 0i64;
        let mut total = 0u64;
        loop {
            let rows =
                sqlx::query(&format!("select {COLUMNS} from audit_log a where a.seq > $1 order by a.seq limit $2"))
                    .bind(after)
                    .bind(BATCH)
                    .fetch_all(&self.pool)
                    .await?;
            if rows.is_empty() {
                break;
            }
            let batch = rows.iter().map(chained_from_row).collect::<Result<Vec<_>>>()?;
            if batch[0].seq != after + 1 {
                return Ok(Err(ChainBreak::Gap { after }));
            }
            match verify_chain(&prev, &batch) {
                Ok(n) => total += n,
                Err(b) => return Ok(Err(b)),
            }
            let last = &batch[batch.len() - 1];
            prev = last.hash.clone();
            after = last.seq;
        }
        // Entries cut off the end would leave the head pointing past them.
        let head = sqlx::query("select seq, hash from audit_head where id = 1").fetch_one(&self.pool).await?;
        let head_seq: i64 = head.try_get("seq")?;
        let head_hash: String = head.try_get("hash")?;
        if head_seq != after || head_hash != prev {
            return Ok(Err(ChainBreak::Gap { after }));
        }
        Ok(Ok(total))
    }
}
