//! Server-side sessions for tower-sessions, stored in the `sessions` table on either backend.
//!
//! The cookie carries only the session id; data lives here, serialised as JSON. Expired rows are
//! ignored on load and removed by [`Store::delete_expired_sessions`] (run periodically).
//!
//! On SQLite — one node, so every session is written by this process — sessions are also kept in
//! memory, written through: a signed-in page then reads no session row (a query is a hand-over to
//! SQLite's worker thread and back, a fifth of a page's CPU in the profile). On PostgreSQL, where
//! another node may have changed the session a moment ago, every request reads the row.
//!
//! One exception to "written through", on SQLite only: a change to nothing but the flash (a
//! refused form's values and errors, kept for the one page view that follows, [`FLASH_KEY`]) is
//! kept in memory and not committed. It lives for one redirect; committing it and then its removal
//! made every refused step two durable writes (bench/forms.sh: 507 refusals a second, p99 640 ms).
//! A crash in the milliseconds between the refusal and its page loses the error display, never a
//! saved answer (answers are saved with the draft) nor the sign-in.

use crate::Store;
use async_trait::async_trait;
use sqlx::Row;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

fn backend_error(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

/// Sessions kept in memory (SQLite only; see the module's policy).
pub(crate) type SessionCache = std::sync::Arc<std::sync::RwLock<std::collections::HashMap<Id, Record>>>;

/// A bound on memory: past this many sessions the cache starts over (the rows stay).
const MAX_CACHED_SESSIONS: usize = 20_000;

/// The session key of a refused form's values and errors (`stadsporten_app::flash::FLASH_KEY`;
/// a server test keeps the two equal).
pub const FLASH_KEY: &str = "flash";

impl Store {
    fn keep_session(&self, record: &Record) {
        if self.backend() == crate::Backend::Sqlite {
            let mut cache = self.session_cache.write().unwrap_or_else(|p| p.into_inner());
            if cache.len() >= MAX_CACHED_SESSIONS {
                cache.clear();
            }
            cache.insert(record.id, record.clone());
        }
    }

    /// Whether `record` differs from the session kept in memory in its flash alone (SQLite; see
    /// the module's policy).
    fn only_the_flash_changed(&self, record: &Record) -> bool {
        if self.backend() != crate::Backend::Sqlite {
            return false;
        }
        let cache = self.session_cache.read().unwrap_or_else(|p| p.into_inner());
        let Some(kept) = cache.get(&record.id) else { return false };
        let rest = |r: &Record| r.data.iter().filter(|(k, _)| k.as_str() != FLASH_KEY).count();
        kept.expiry_date == record.expiry_date
            && rest(kept) == rest(record)
            && record.data.iter().filter(|(k, _)| k.as_str() != FLASH_KEY).all(|(k, v)| kept.data.get(k) == Some(v))
    }

    fn forget_session(&self, id: &Id) {
        if self.backend() == crate::Backend::Sqlite {
            self.session_cache.write().unwrap_or_else(|p| p.into_inner()).remove(id);
        }
    }
}

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // Insert-if-absent; on the (astronomically unlikely) id collision, draw a new id.
        loop {
            let data = serde_json::to_vec(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?;
            let inserted = sqlx::query(
                "insert into sessions (id, data, expiry_date) values ($1, $2, $3) on conflict (id) do nothing",
            )
            .bind(record.id.to_string())
            .bind(data)
            .bind(record.expiry_date.unix_timestamp())
            .execute(&self.pool)
            .await
            .map_err(backend_error)?
            .rows_affected();
            if inserted == 1 {
                self.keep_session(record);
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        if self.only_the_flash_changed(record) {
            self.keep_session(record);
            return Ok(());
        }
        let data = serde_json::to_vec(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?;
        sqlx::query(
            "insert into sessions (id, data, expiry_date) values ($1, $2, $3) \
             on conflict (id) do update set data = excluded.data, expiry_date = excluded.expiry_date",
        )
        .bind(record.id.to_string())
        .bind(data)
        .bind(record.expiry_date.unix_timestamp())
        .execute(&self.pool)
        .await
        .map_err(backend_error)?;
        self.keep_session(record);
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        if self.backend() == crate::Backend::Sqlite {
            if let Some(r) = self.session_cache.read().unwrap_or_else(|p| p.into_inner()).get(id) {
                if r.expiry_date > OffsetDateTime::now_utc() {
                    return Ok(Some(r.clone()));
                }
            }
        }
        let row = sqlx::query("select data, expiry_date from sessions where id = $1 and expiry_date > $2")
            .bind(id.to_string())
            .bind(OffsetDateTime::now_utc().unix_timestamp())
            .fetch_optional(&self.pool)
            .await
            .map_err(backend_error)?;
        let Some(row) = row else {
            self.forget_session(id);
            return Ok(None);
        };
        let data: Vec<u8> = row.try_get("data").map_err(backend_error)?;
        let expiry: i64 = row.try_get("expiry_date").map_err(backend_error)?;
        let record = Record {
            id: *id,
            data: serde_json::from_slice(&data).map_err(|e| session_store::Error::Decode(e.to_string()))?,
            expiry_date: OffsetDateTime::from_unix_timestamp(expiry).map_err(backend_error)?,
        };
        self.keep_session(&record);
        Ok(Some(record))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.forget_session(id);
        sqlx::query("delete from sessions where id = $1")
            .bind(id.to_string())
            .execute(&self.pool)
            .await
            .map_err(backend_error)?;
        Ok(())
    }
}

impl Store {
    /// Removes expired sessions; returns how many.
    pub async fn delete_expired_sessions(&self) -> crate::Result<u64> {
        let now = OffsetDateTime::now_utc();
        self.session_cache.write().unwrap_or_else(|p| p.into_inner()).retain(|_, r| r.expiry_date > now);
        let done = sqlx::query("delete from sessions where expiry_date <= $1")
            .bind(OffsetDateTime::now_utc().unix_timestamp())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
