//! The audit trail: who did what to which object, when and why — append-only and hash-chained
//! (see `stadsporten_domain::audit`).
//!
//! Policy, kept by construction:
//! - **A write and its entry commit together or not at all.** A store method that writes runs in a
//!   [`WriteTx`](crate::store::WriteTx); the entries attached with [`Store::audited`] are inserted
//!   into `audit_pending` in that same transaction just before it commits. A write that is refused
//!   (rolled back) leaves no entry; an entry that cannot be written fails the write.
//! - **A read of personal data is recorded before the data is returned**, with
//!   [`Store::append_audit`]; when that fails, the caller fails instead of answering.
//! - **No lock shared by every writer.** Writers only insert rows into `audit_pending`. One sealing
//!   worker at a time ([`Store::seal_audit`]; on PostgreSQL an advisory lock, so one node of many;
//!   SQLite has one writer anyway) moves pending entries into `audit_log` in the order they became
//!   visible, giving each its sequence number and a link `HMAC(key, previous link ‖ entry)` with the
//!   key from configuration; it runs every few seconds, and before the trail is read or verified.
//! - **Signed checkpoints.** Once a day the sealer writes the head (sequence number and link),
//!   signed with the key, into `audit_checkpoints`; [`Store::verify_audit_chain`] checks every link
//!   and every checkpoint, so an edit, a removal, a chain rebuilt without the key or cut short
//!   before a checkpoint is found.
//! - Triggers refuse every update and delete of `audit_log` and `audit_checkpoints` (and truncate
//!   on PostgreSQL). Entries never hold a personnummer, a token or a cookie.

use crate::store::Backend;
use crate::{DbError, Result, Store};
use sqlx::any::AnyRow;
use sqlx::Row;
use stadsporten_domain::audit::{
    checkpoint_signature, link, verify_chain, AuditAction, AuditEntry, ChainBreak, ChainedEntry, Outcome, GENESIS,
};
use stadsporten_domain::date::Date;
use stadsporten_domain::ids::UserId;

/// Filters for the auditor's view. `person` matches entries where the user was the actor or the
/// object (`object_type = 'user'`).
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub person: Option<i64>,
    pub actor: Option<UserId>,
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

fn entry_from_row(r: &AnyRow) -> Result<AuditEntry> {
    let action: String = r.try_get("action")?;
    let outcome: String = r.try_get("outcome")?;
    Ok(AuditEntry {
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
    })
}

fn chained_from_row(r: &AnyRow) -> Result<ChainedEntry> {
    Ok(ChainedEntry {
        seq: r.try_get("seq")?,
        entry: entry_from_row(r)?,
        prev_hash: r.try_get("prev_hash")?,
        hash: r.try_get("hash")?,
    })
}

const COLUMNS: &str = "a.seq, a.at, a.actor_id, a.acting_for, a.role, a.action, a.object_type, a.object_id, \
                       a.outcome, a.reason, a.request_id, a.client_addr, a.prev_hash, a.hash";

use crate::tx::ENTRY_COLUMNS;

/// How many pending entries one sealing transaction takes.
const SEAL_BATCH: i64 = 500;

/// The advisory lock that lets one sealer run at a time across every node (PostgreSQL).
const SEALER_LOCK: i64 = 0x5354_4144_4954; // "STADIT"

/// Who seals: the background worker gives way to another sealer; a reader of the trail waits
/// for it (see `seal_batch`).
#[derive(Debug, Clone, Copy)]
enum Sealer {
    Worker,
    Reader,
}

/// The UTC calendar day of a Unix time, `YYYY-MM-DD`: a checkpoint's name.
fn day_of(unix: i64) -> String {
    Date::from_day_number(unix.div_euclid(86_400)).map(|d| d.to_string()).unwrap_or_default()
}

impl Store {
    /// Entries sealed per transaction. SQLite has one writer: while a batch is sealed, every other
    /// write waits for it, so its batches are small (a fifth: tens of milliseconds at most, not a
    /// request's p99 of 50 ms; bench/api.sh). PostgreSQL's appends never wait for the sealer.
    fn seal_batch_size(&self) -> i64 {
        match self.backend() {
            Backend::Sqlite => SEAL_BATCH / 5,
            Backend::Postgres => SEAL_BATCH,
        }
    }

    /// Records one entry on its own (a read of personal data, a refusal, a sign-in): a single
    /// insert, no lock shared with other writers on PostgreSQL (SQLite has one writer: it takes
    /// this process's turn). It is sealed into the chain within seconds.
    pub async fn append_audit(&self, e: &AuditEntry) -> Result<()> {
        // SQLite: wait for this process's turn like every other writer. Left to SQLite's busy
        // handler, an append that met the sealer at work slept in growing steps and came back
        // up to a quarter of a second late (bench/api.sh's p99).
        let _turn = self.writer_turn().await?;
        crate::tx::insert_pending(&self.pool, e).await
    }

    /// Moves pending entries into the chain; returns how many were sealed. One sealer at a time:
    /// on PostgreSQL another node already sealing makes this return 0 at once (the worker asks
    /// again in seconds). Writes the day's signed checkpoint when it is missing. `now` names the
    /// checkpoint's day.
    pub async fn seal_audit(&self, now: i64) -> Result<u64> {
        self.seal(now, Sealer::Worker).await
    }

    async fn seal(&self, now: i64, who: Sealer) -> Result<u64> {
        let mut sealed = 0u64;
        loop {
            let n = self.seal_batch(now, who).await?;
            sealed += n;
            if n < self.seal_batch_size() as u64 {
                return Ok(sealed);
            }
        }
    }

    async fn seal_batch(&self, now: i64, who: Sealer) -> Result<u64> {
        // Nothing pending and today's checkpoint written: no transaction at all (the worker asks
        // every few seconds on every node; on SQLite a sealing transaction is a durable write).
        let idle: i64 = sqlx::query_scalar(
            "select case when exists (select 1 from audit_pending) \
             or not exists (select 1 from audit_checkpoints where day = $1) then 0 else 1 end",
        )
        .bind(day_of(now))
        .fetch_one(&self.pool)
        .await?;
        if idle == 1 {
            return Ok(0);
        }
        let _turn = self.writer_turn().await?;
        let mut tx = self.pool.begin().await?;
        match self.backend() {
            Backend::Postgres => {
                match who {
                    Sealer::Worker => {
                        let got: bool = sqlx::query_scalar("select pg_try_advisory_xact_lock($1)")
                            .bind(SEALER_LOCK)
                            .fetch_one(&mut *tx)
                            .await?;
                        if !got {
                            tx.rollback().await?;
                            return Ok(0);
                        }
                    }
                    // A reader waits for the sealer at work, then seals what is left: it must
                    // see every entry committed before it asked.
                    Sealer::Reader => {
                        sqlx::query("select pg_advisory_xact_lock($1)").bind(SEALER_LOCK).execute(&mut *tx).await?;
                    }
                }
            }
            // Take SQLite's write lock before reading the head (a reader cannot be upgraded).
            Backend::Sqlite => {
                sqlx::query("update audit_head set seq = seq where id = 1").execute(&mut *tx).await?;
            }
        }
        let head = sqlx::query("select seq, hash, keyed_from from audit_head where id = 1").fetch_one(&mut *tx).await?;
        let mut seq: i64 = head.try_get("seq")?;
        let mut prev: String = head.try_get("hash")?;
        let keyed_from: i64 = head.try_get("keyed_from")?;
        let rows = sqlx::query(&format!("select id, {ENTRY_COLUMNS} from audit_pending order by id limit $1"))
            .bind(self.seal_batch_size())
            .fetch_all(&mut *tx)
            .await?;
        let mut ids = Vec::with_capacity(rows.len());
        for r in &rows {
            let e = entry_from_row(r)?;
            ids.push(r.try_get::<i64, _>("id")?);
            seq += 1;
            let hash = link(&self.audit_key, keyed_from, &prev, seq, &e);
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
            prev = hash;
        }
        if !ids.is_empty() {
            // The ids are integers read back from the table: safe to write into the statement.
            let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
            sqlx::query(&format!("delete from audit_pending where id in ({list})")).execute(&mut *tx).await?;
            sqlx::query("update audit_head set seq = $1, hash = $2 where id = 1")
                .bind(seq)
                .bind(&prev)
                .execute(&mut *tx)
                .await?;
        }
        let day = day_of(now);
        sqlx::query(
            "insert into audit_checkpoints (day, seq, hash, signature) values ($1, $2, $3, $4) \
             on conflict (day) do nothing",
        )
        .bind(&day)
        .bind(seq)
        .bind(&prev)
        .bind(checkpoint_signature(&self.audit_key, &day, seq, &prev))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(ids.len() as u64)
    }

    /// Entries written but not yet sealed into the chain.
    pub async fn pending_audit_entries(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("select count(*) from audit_pending").fetch_one(&self.pool).await?)
    }

    /// Entries matching the filter, newest first. Seals what is pending first, so a reader sees
    /// every committed entry.
    pub async fn audit_entries(&self, f: &AuditFilter, limit: i64, offset: i64) -> Result<Vec<AuditRow>> {
        self.seal(unix_now(), Sealer::Reader).await?;
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

    /// Seals what is pending, then walks the whole chain in order and checks every signed
    /// checkpoint. `Ok(Ok(n))`: n entries verified, the head agrees with the last one and every
    /// checkpoint holds. `Ok(Err(break))`: the first thing that does not hold.
    pub async fn verify_audit_chain(&self) -> Result<std::result::Result<u64, ChainBreak>> {
        const BATCH: i64 = 2000;
        self.seal(unix_now(), Sealer::Reader).await?;
        let head =
            sqlx::query("select seq, hash, keyed_from from audit_head where id = 1").fetch_one(&self.pool).await?;
        let head_seq: i64 = head.try_get("seq")?;
        let head_hash: String = head.try_get("hash")?;
        let keyed_from: i64 = head.try_get("keyed_from")?;
        let mut prev = GENESIS.to_owned();
        let mut after = 0i64;
        let mut total = 0u64;
        let checkpoints = sqlx::query("select day, seq, hash, signature from audit_checkpoints order by seq, day")
            .fetch_all(&self.pool)
            .await?;
        let mut checkpoints = checkpoints.iter().peekable();
        let mut check = |seq: i64, hash: &str| -> Result<std::result::Result<(), ChainBreak>> {
            while let Some(c) = checkpoints.next_if(|c| c.try_get::<i64, _>("seq").is_ok_and(|s| s <= seq)) {
                let day: String = c.try_get("day")?;
                let (cseq, chash): (i64, String) = (c.try_get("seq")?, c.try_get("hash")?);
                let signature: String = c.try_get("signature")?;
                // A checkpoint skipped over (its sequence number was passed by) names a link that
                // is not in the chain.
                if cseq != seq
                    || chash != hash
                    || signature != checkpoint_signature(&self.audit_key, &day, cseq, &chash)
                {
                    return Ok(Err(ChainBreak::Checkpoint { day }));
                }
            }
            Ok(Ok(()))
        };
        if let Err(b) = check(0, GENESIS)? {
            return Ok(Err(b));
        }
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
            match verify_chain(&self.audit_key, keyed_from, &prev, &batch) {
                Ok(n) => total += n,
                Err(b) => return Ok(Err(b)),
            }
            for c in &batch {
                if let Err(b) = check(c.seq, &c.hash)? {
                    return Ok(Err(b));
                }
            }
            let last = &batch[batch.len() - 1];
            prev = last.hash.clone();
            after = last.seq;
        }
        // Entries cut off the end would leave the head pointing past them.
        if head_seq != after || head_hash != prev {
            return Ok(Err(ChainBreak::Gap { after }));
        }
        // A checkpoint beyond the end: the chain was cut short after it was signed.
        if let Some(c) = checkpoints.next() {
            return Ok(Err(ChainBreak::Checkpoint { day: c.try_get("day")? }));
        }
        Ok(Ok(total))
    }
}

fn unix_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}
