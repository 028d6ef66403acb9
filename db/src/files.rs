//! File bytes kept in the database, where every node reaches them (the storage for several nodes
//! on PostgreSQL; `app::web::uploads` chooses it).
//!
//! Why the database and not an object store: files are at most a few MB (the upload limit), a
//! case's files are written and read with the case, backups and retention then cover one system,
//! and there is no further service to run, secure and monitor. At volumes where the database's
//! size hurts its backups, an S3-compatible store (the `object_store` crate) is the next step
//! behind the same `FileStore` interface (docs/capacity.md).

use crate::{Result, Store};
use sqlx::Row;

impl Store {
    /// Stores bytes under a new key (a key is never reused; storing it twice keeps the first).
    pub async fn put_file(&self, key: &str, bytes: &[u8], now: i64) -> Result<()> {
        sqlx::query(
            "insert into stored_files (key, bytes, size_bytes, stored_at) values ($1, $2, $3, $4) \
             on conflict (key) do nothing",
        )
        .bind(key)
        .bind(bytes)
        .bind(i64::try_from(bytes.len()).unwrap_or(i64::MAX))
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The bytes stored under `key`, if any.
    pub async fn file(&self, key: &str) -> Result<Option<Vec<u8>>> {
        let row =
            sqlx::query("select bytes from stored_files where key = $1").bind(key).fetch_optional(&self.pool).await?;
        row.map(|r| r.try_get::<Vec<u8>, _>("bytes").map_err(Into::into)).transpose()
    }

    /// Removes the bytes under `key` (nothing when there are none).
    pub async fn delete_file(&self, key: &str) -> Result<()> {
        sqlx::query("delete from stored_files where key = $1").bind(key).execute(&self.pool).await?;
        Ok(())
    }
}
