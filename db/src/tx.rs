//! The write transaction of every store method that writes, carrying the audit entries of the
//! write (see [`Store::audited`](crate::Store::audited) and the policy in `audit.rs`): they are
//! inserted into `audit_pending` just before the transaction commits, so the write and its entries
//! commit together or not at all.

use crate::{DbError, Result};
use stadsporten_domain::audit::AuditEntry;
use std::sync::{Arc, Mutex};

pub(crate) const ENTRY_COLUMNS: &str =
    "at, actor_id, acting_for, role, action, object_type, object_id, outcome, reason, request_id, client_addr";

/// Inserts one entry into the pending table on `conn` (the caller's transaction, or the pool).
pub(crate) async fn insert_pending<'c, E>(conn: E, e: &AuditEntry) -> Result<()>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    sqlx::query(&format!(
        "insert into audit_pending ({ENTRY_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
    ))
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
    .execute(conn)
    .await?;
    Ok(())
}

/// A write transaction carrying the audit entries of the write (see [`Store::audited`]). It
/// dereferences to the connection, so statements run on `&mut *tx` as on a plain transaction.
pub(crate) struct WriteTx<'a> {
    tx: Option<sqlx::Transaction<'a, sqlx::Any>>,
    audit: Vec<AuditEntry>,
    /// Where the entries go back to when this transaction does not commit, so the handle's next
    /// write carries them.
    home: Arc<Mutex<Vec<AuditEntry>>>,
    /// SQLite: this process's turn to write (see `Store::begin_write`), given back when the
    /// transaction ends.
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

/// The transaction type of every store method that writes.
pub(crate) type Tx<'a> = WriteTx<'a>;

impl<'a> WriteTx<'a> {
    pub(crate) fn new(
        tx: sqlx::Transaction<'a, sqlx::Any>,
        audit: Vec<AuditEntry>,
        home: Arc<Mutex<Vec<AuditEntry>>>,
        turn: Option<tokio::sync::OwnedMutexGuard<()>>,
    ) -> Self {
        WriteTx { tx: Some(tx), audit, home, _turn: turn }
    }

    /// Writes the attached audit entries, then commits: the write and its entries together.
    pub(crate) async fn commit(mut self) -> Result<()> {
        let mut tx = self.tx.take().ok_or(DbError::CorruptRow("transaction already finished".into()))?;
        for e in std::mem::take(&mut self.audit) {
            if let Err(failed) = insert_pending(&mut *tx, &e).await {
                // The write fails with its entry, rolled back now: left to a drop, the `Any`
                // driver would keep SQLite's write lock until the connection is used again.
                tx.rollback().await?;
                return Err(failed);
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Rolls back: nothing of the write, and none of its entries (they stay with the handle).
    pub(crate) async fn rollback(mut self) -> Result<()> {
        if let Some(tx) = self.tx.take() {
            tx.rollback().await?;
        }
        Ok(())
    }

    /// Names the object of the attached entries that do not name one yet: the id of what the
    /// write created.
    pub(crate) fn audit_object(&mut self, id: impl std::fmt::Display) {
        for e in self.audit.iter_mut().filter(|e| e.object_id.is_none()) {
            e.object_id = Some(id.to_string());
        }
    }
}

impl WriteTx<'_> {
    /// One entry per object for the attached entries that name none: what a bulk write changed
    /// (none at all when it changed nothing).
    pub(crate) fn audit_objects<T: std::fmt::Display>(&mut self, ids: &[T]) {
        let (templates, mut named): (Vec<_>, Vec<_>) = self.audit.drain(..).partition(|e| e.object_id.is_none());
        for t in templates {
            named.extend(ids.iter().map(|id| AuditEntry { object_id: Some(id.to_string()), ..t.clone() }));
        }
        self.audit = named;
    }

    /// Gives the attached entries that carry no reason this one: what the write made (the id of
    /// a new revision, say).
    pub(crate) fn audit_reason(&mut self, reason: impl std::fmt::Display) {
        for e in self.audit.iter_mut().filter(|e| e.reason.is_none()) {
            e.reason = Some(reason.to_string());
        }
    }
}

impl Drop for WriteTx<'_> {
    fn drop(&mut self) {
        if !self.audit.is_empty() {
            let mut home = self.home.lock().unwrap_or_else(|p| p.into_inner());
            home.extend(std::mem::take(&mut self.audit));
        }
    }
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        // Only `commit` and `rollback` take the transaction, and both consume `self`.
        self.tx.as_deref().unwrap_or_else(|| unreachable!("a finished transaction is not used"))
    }
}

impl std::ops::DerefMut for WriteTx<'_> {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        self.tx.as_deref_mut().unwrap_or_else(|| unreachable!("a finished transaction is not used"))
    }
}
