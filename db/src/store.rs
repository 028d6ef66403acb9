//! Connecting, migrating and the shared [`Store`] handle.

use crate::catalogue::CatalogueSnapshot;
use crate::tx::WriteTx;
use crate::{DbError, Result};
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, ConnectOptions};
use stadsporten_domain::audit::{AuditEntry, AuditKey};
use std::str::FromStr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

/// The advisory lock held while a node seeds at start-up (PostgreSQL).
const STARTUP_LOCK: i64 = 0x0053_5453_5441_5254; // "STSTART"

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database server is behind the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend a `DATABASE_URL` names, by its scheme.
    pub fn from_url(url: &str) -> Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(DbError::UnsupportedUrl)
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// The storage handle shared by every request. Cheap to clone: three reference counts (a request
/// clones it a dozen times; with every cache its own `Arc` here, those clones and drops were
/// about 2 % of a form step's CPU in the profile).
#[derive(Clone)]
pub struct Store {
    shared: Arc<Shared>,
    /// The key that links the audit chain (from configuration; see `audit.rs`). Beside the
    /// shared part, not in it: it is set after connecting, and the shared part is never copied.
    pub(crate) audit_key: Arc<AuditKey>,
    /// Entries attached with [`Store::audited`]: written by the first write transaction this
    /// handle commits, inside it. Empty on the shared handle.
    audit: Arc<Mutex<Vec<AuditEntry>>>,
}

/// What every handle of one store shares: the pool and the node's caches (its fields are the
/// crate's own; outside it the type is only a name).
pub struct Shared {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    /// The catalogue held in memory for search (see `catalogue.rs`); swapped whole on refresh.
    pub(crate) catalogue: Arc<RwLock<Arc<CatalogueSnapshot>>>,
    /// The comparison's kind counts and indicator definitions, read on every list view (see
    /// `compare.rs`); dropped on every change made through this store, and after a few seconds.
    pub(crate) compare_cache: Arc<RwLock<Option<crate::compare::CompareCache>>>,
    /// The newest business ruleset, parsed (see `business.rs`); replaced when a newer one appears.
    pub(crate) ruleset_cache: crate::business::RulesetCache,
    /// The generation of each cached topic on this node (see `changes.rs`).
    pub(crate) generations: Arc<crate::changes::Generations>,
    /// Who signed-in people are and may be (see `signed_in.rs`).
    pub(crate) signed_in_cache: crate::signed_in::SignedInCache,
    /// Parsed e-service definitions (see `eservices.rs`).
    pub(crate) definition_cache: crate::eservices::DefinitionCache,
    /// SQLite writers of this process take turns (see `begin_write`).
    pub(crate) writers: Arc<tokio::sync::Mutex<()>>,
    /// Sessions kept in memory on SQLite (see `sessions.rs`).
    pub(crate) session_cache: crate::sessions::SessionCache,
    /// Content read on most requests: definition records, units, service pages (`changes.rs`).
    pub(crate) memos: Arc<crate::memos::ContentMemos>,
    /// Journey counts not yet written (see `measure.rs`).
    pub(crate) journeys: crate::measure::JourneyBuffer,
}

impl std::ops::Deref for Store {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.shared
    }
}

impl std::fmt::Debug for Store {
    // The pool's options include the URL and its password: never print them.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("backend", &self.backend).finish_non_exhaustive()
    }
}

impl Store {
    /// Connects, creating the SQLite file and its folder when missing, and runs pending migrations.
    /// The catalogue snapshot starts empty: call [`Store::refresh_catalogue`] (or seed) after.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let mut url = url.to_owned();
        if backend == Backend::Sqlite {
            ensure_sqlite_folder(&url)?;
            if !url.contains("mode=") {
                url.push_str(if url.contains('?') { "&mode=rwc" } else { "?mode=rwc" });
            }
        }
        let options = AnyConnectOptions::from_str(&url)?
            .log_statements(tracing::log::LevelFilter::Trace)
            .log_slow_statements(tracing::log::LevelFilter::Warn, Duration::from_millis(250));
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            // Short: when the database is away, a request answers "try again shortly" within seconds
            // instead of hanging (docs/capacity.md, the PostgreSQL restart).
            .acquire_timeout(Duration::from_secs(3))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // busy_timeout first: it queues writers instead of failing them, and the
                        // next pragma may have to wait for another process (the command line's
                        // import beside a running server). WAL lets readers run beside the writer;
                        // FULL makes a committed write durable across power loss.
                        for pragma in [
                            "pragma busy_timeout = 5000",
                            "pragma journal_mode = wal",
                            "pragma synchronous = full",
                            "pragma foreign_keys = on",
                            // 16 MB of page cache per connection (the default is 2 MB) and reads
                            // through mmap: the comparison's scale fixture alone is 20 MB, and
                            // re-reading pages through pread dominated its list (bench/compare.sh).
                            "pragma cache_size = -16000",
                            "pragma mmap_size = 268435456",
                            // Sorts and temporary tables in memory, not in temporary files
                            // (`sqlite3`: their system time vanished).
                            "pragma temp_store = memory",
                        ] {
                            sqlx::query(pragma).execute(&mut *conn).await?;
                        }
                    }
                    Ok(())
                })
            })
            // A connection must come back outside any transaction. A transaction dropped on an
            // early return has its rollback queued (SQLite's worker runs it in turn: the ping
            // waits for that); one still open after it was lost track of, and is closed rather
            // than lent again: on SQLite it may hold the write lock every other writer waits for.
            .after_release(|conn, _meta| {
                Box::pin(async move {
                    if sqlx::Connection::is_in_transaction(conn) {
                        sqlx::Connection::ping(conn).await?;
                    }
                    if sqlx::Connection::is_in_transaction(conn) {
                        tracing::warn!("a database connection came back inside a transaction; closing it");
                        return Ok(false);
                    }
                    Ok(true)
                })
            })
            .connect_with(options)
            .await?;
        let shared = Shared {
            pool,
            backend,
            catalogue: Arc::default(),
            compare_cache: Arc::default(),
            ruleset_cache: Arc::default(),
            definition_cache: Arc::default(),
            memos: Arc::default(),
            session_cache: Arc::default(),
            writers: Arc::default(),
            generations: Arc::default(),
            signed_in_cache: Arc::default(),
            journeys: Default::default(),
        };
        let store =
            Store { shared: Arc::new(shared), audit_key: Arc::new(AuditKey::development()), audit: Arc::default() };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<()> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// Sets the key that links the audit chain and signs its checkpoints (from configuration).
    pub fn with_audit_key(mut self, key: AuditKey) -> Store {
        self.audit_key = Arc::new(key);
        self
    }

    /// A handle whose next write commits `entry` with it, in the same transaction: both or
    /// neither (the audit policy in `audit.rs`). A write that is refused and rolled back leaves no
    /// entry. When the write creates its object, the store names it in the entry.
    pub fn audited(&self, entry: AuditEntry) -> Store {
        self.audited_all(vec![entry])
    }

    /// [`Store::audited`] with several entries (a bulk action: one per object).
    pub fn audited_all(&self, entries: Vec<AuditEntry>) -> Store {
        Store {
            shared: Arc::clone(&self.shared),
            audit_key: Arc::clone(&self.audit_key),
            audit: Arc::new(Mutex::new(entries)),
        }
    }

    /// Begins a transaction that will write. On SQLite it takes the write lock at once (with a
    /// write that matches no row): a transaction that read first and wrote later would fail with
    /// "database is locked" instead of waiting when another writer is busy, since SQLite cannot
    /// upgrade a reader while a writer holds the lock. On PostgreSQL the statement does nothing.
    /// The entries attached with [`Store::audited`] travel with it and are written at commit.
    ///
    /// On SQLite, writers of this process also take turns before they begin: SQLite lets one
    /// writer in at a time and makes the others sleep and retry (1, 2, 5 … 100 ms), which gave
    /// saving a form step a p99 of 400 ms under load; a fair queue here gives each its turn as
    /// soon as the one before commits.
    pub(crate) async fn begin_write(&self) -> Result<WriteTx<'static>> {
        let turn = self.writer_turn().await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query("update audit_head set seq = seq where id = 0").execute(&mut *tx).await?;
        let audit = std::mem::take(&mut *self.audit.lock().unwrap_or_else(|p| p.into_inner()));
        Ok(WriteTx::new(tx, audit, Arc::clone(&self.audit), turn))
    }

    /// This process's turn to write on SQLite (`None` on PostgreSQL, whose writers need none).
    /// Waits as long as SQLite's own busy timeout would, then fails like it.
    pub(crate) async fn writer_turn(&self) -> Result<Option<tokio::sync::OwnedMutexGuard<()>>> {
        if self.backend != Backend::Sqlite {
            return Ok(None);
        }
        match tokio::time::timeout(Duration::from_secs(5), self.writers.clone().lock_owned()).await {
            Ok(turn) => Ok(Some(turn)),
            Err(_) => Err(DbError::Sqlx(sqlx::Error::PoolTimedOut)),
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Readiness: the database answers a trivial query within a second. Bounded below the pool's
    /// acquire timeout: a request that already waited for the database asks this to tell "away"
    /// from "broken", and the person must hear "try again shortly" within 5 s in all.
    pub async fn ping(&self) -> Result<()> {
        match tokio::time::timeout(Duration::from_secs(1), sqlx::query("select 1").execute(&self.pool)).await {
            Ok(done) => {
                done?;
                Ok(())
            }
            Err(_) => Err(DbError::Sqlx(sqlx::Error::PoolTimedOut)),
        }
    }

    /// Reads a SQLite pragma (for tests and diagnostics); `None` on PostgreSQL.
    pub async fn sqlite_pragma(&self, name: &str) -> Result<Option<String>> {
        if self.backend != Backend::Sqlite || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Ok(None);
        }
        use sqlx::Row;
        let row =
            sqlx::query(&format!("select cast({name} as text) as v from pragma_{name}")).fetch_one(&self.pool).await?;
        Ok(Some(row.try_get::<String, _>("v")?))
    }

    /// Runs `work` (seeding at start-up) while holding the start-up lock: on PostgreSQL an
    /// advisory lock, so that of several nodes starting together one seeds at a time and the
    /// others find the work done; on SQLite (one node) it just runs. Migrations need no such
    /// call: sqlx's migrator takes its own advisory lock on PostgreSQL.
    pub async fn with_startup_lock<T, F>(&self, work: F) -> Result<T>
    where
        F: std::future::Future<Output = Result<T>>,
    {
        if self.backend != Backend::Postgres {
            return work.await;
        }
        let mut conn = self.pool.acquire().await?;
        sqlx::query("select pg_advisory_lock($1)").bind(STARTUP_LOCK).execute(&mut *conn).await?;
        let result = work.await;
        let unlocked = sqlx::query("select pg_advisory_unlock($1)").bind(STARTUP_LOCK).execute(&mut *conn).await;
        if unlocked.is_err() {
            // A session lock lives as long as its connection: never hand this one back locked.
            conn.detach();
        }
        result
    }

    /// Closes the pool, waiting for connections to return (graceful shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

fn ensure_sqlite_folder(url: &str) -> Result<()> {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:").split('?').next().unwrap_or("");
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)?;
        }
    }
    Ok(())
}
