//! Test support (feature `test-support`): a fresh, empty database per test on either backend.
//!
//! PostgreSQL comes from `TEST_POSTGRES_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`);
//! each test gets its own database created from it. There is no silent skip: when no server
//! answers, the PostgreSQL half of a test fails, so CI cannot pass without it.

use crate::Backend;
use sqlx::{Connection, Executor, PgConnection};

/// Runs each named story — an `async fn(Backend)` in scope — as two tests, `sqlite::name` and
/// `postgres::name`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite { $( #[tokio::test] async fn $name() { super::$name($crate::Backend::Sqlite).await } )* }
        mod postgres { $( #[tokio::test] async fn $name() { super::$name($crate::Backend::Postgres).await } )* }
    };
}

/// The PostgreSQL server tests use.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn unique_name() -> String {
    format!("stadsporten_test_{}", uuid::Uuid::new_v4().simple())
}

/// A `DATABASE_URL` for a brand-new empty database of the given backend.
pub async fn fresh_database_url(backend: Backend) -> String {
    match backend {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join("stadsporten-tests");
            std::fs::create_dir_all(&dir).expect("temp dir");
            format!("sqlite://{}/{}.db", dir.display(), unique_name())
        }
        Backend::Postgres => {
            let admin = postgres_admin_url();
            let mut conn = PgConnection::connect(&admin)
                .await
                .unwrap_or_else(|e| panic!("PostgreSQL is required for tests (TEST_POSTGRES_URL): {e}"));
            let name = unique_name();
            conn.execute(format!("create database {name}").as_str()).await.expect("create test database");
            let (base, _) = admin.rsplit_once('/').expect("TEST_POSTGRES_URL names a database");
            format!("{base}/{name}")
        }
    }
}

impl crate::Store {
    /// Runs raw SQL, for tests that play an attacker with database access (tampering with the
    /// audit trail) — never available outside `test-support`.
    pub async fn execute_raw_for_test(&self, sql: &str) -> crate::Result<u64> {
        Ok(sqlx::query(sql).execute(&self.pool).await?.rows_affected())
    }
}

impl crate::Store {
    /// Runs a query returning one integer column, for checks of invariants by tests and the
    /// durability harness — never available outside `test-support`.
    pub async fn fetch_i64_for_test(&self, sql: &str) -> crate::Result<Vec<i64>> {
        use sqlx::Row;
        let rows = sqlx::query(sql).fetch_all(&self.pool).await?;
        rows.iter().map(|r| Ok(r.try_get::<i64, _>(0)?)).collect()
    }
}

impl crate::Store {
    /// Runs a query returning one text value, for tests — never available outside `test-support`.
    pub async fn query_text_for_test(&self, sql: &str) -> crate::Result<String> {
        Ok(sqlx::query_scalar(sql).fetch_one(&self.pool).await?)
    }
}
