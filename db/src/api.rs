//! The API's machine clients, their bearer tokens, and the case lists a unit's own system reads
//! (`/api/v1`, `app/src/api/`).
//!
//! Policy: secrets and tokens are stored as SHA-256 only (`stadsporten_domain::api`); a revoked
//! client's tokens stop working at once (every look-up joins the client); registering, revoking and
//! issuing a token are writes with their audit entry. Expired tokens are deleted when the next one
//! is issued, so the table holds about an hour of tokens.

use crate::cases::{case_from_row, outcome, status, CaseRecord, CASE_COLUMNS, CASE_FROM};
use crate::{DbError, Result, Store};
use sqlx::Row;
use stadsporten_domain::api::{Cursor, Scopes};
use stadsporten_domain::eservice::{CaseStatus, DecisionOutcome};
use stadsporten_domain::ids::CaseId;

/// A registered client.
#[derive(Debug, Clone)]
pub struct ApiClient {
    pub id: String,
    pub name: String,
    pub secret_hash: String,
    /// The scopes it may ever be given.
    pub scopes: Scopes,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

/// Who a valid token belongs to, and what it allows.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    pub client_id: String,
    pub client_name: String,
    pub scopes: Scopes,
    pub expires_at: i64,
}

/// A case as a list shows it to a unit's system: no answers, no applicant.
#[derive(Debug, Clone)]
pub struct ApiCaseRow {
    pub id: CaseId,
    pub case_number: String,
    pub unit_code: String,
    pub service_slug: String,
    pub status: CaseStatus,
    pub outcome: Option<DecisionOutcome>,
    pub submitted_at: i64,
    pub due_at: i64,
    pub decided_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub updated_at: i64,
}

impl ApiCaseRow {
    pub fn cursor(&self) -> Cursor {
        Cursor { updated_at: self.updated_at, id: self.id.get() }
    }
}

fn scopes_of(raw: &str) -> Result<Scopes> {
    Scopes::parse(raw).map_err(|e| DbError::CorruptRow(format!("api scopes: {e}")))
}

const CLIENT_COLUMNS: &str = "id, name, secret_hash, scopes, created_at, revoked_at";

fn client_of(r: &sqlx::any::AnyRow) -> Result<ApiClient> {
    Ok(ApiClient {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        secret_hash: r.try_get("secret_hash")?,
        scopes: scopes_of(&r.try_get::<String, _>("scopes")?)?,
        created_at: r.try_get("created_at")?,
        revoked_at: r.try_get("revoked_at")?,
    })
}

impl Store {
    /// Registers a client with the hash of its secret (`Conflict` when the id is taken).
    pub async fn register_api_client(
        &self,
        id: &str,
        name: &str,
        secret_hash: &str,
        scopes: &Scopes,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let taken = sqlx::query("select 1 from api_clients where id = $1").bind(id).fetch_optional(&mut *tx).await?;
        if taken.is_some() {
            tx.rollback().await?;
            return Err(DbError::Conflict);
        }
        sqlx::query("insert into api_clients (id, name, secret_hash, scopes, created_at) values ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(name)
            .bind(secret_hash)
            .bind(scopes.to_string())
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.audit_object(id);
        tx.audit_reason(scopes.to_string());
        tx.commit().await
    }

    /// Revokes a client: its tokens stop working at once. `NotFound` for an unknown or already
    /// revoked client.
    pub async fn revoke_api_client(&self, id: &str, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query("update api_clients set revoked_at = $1 where id = $2 and revoked_at is null")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        }
        sqlx::query("delete from api_tokens where client_id = $1").bind(id).execute(&mut *tx).await?;
        tx.audit_object(id);
        tx.commit().await
    }

    /// Every client, revoked ones too, by id.
    pub async fn api_clients(&self) -> Result<Vec<ApiClient>> {
        let rows =
            sqlx::query(&format!("select {CLIENT_COLUMNS} from api_clients order by id")).fetch_all(&self.pool).await?;
        rows.iter().map(client_of).collect()
    }

    /// A client that is not revoked.
    pub async fn active_api_client(&self, id: &str) -> Result<Option<ApiClient>> {
        let row =
            sqlx::query(&format!("select {CLIENT_COLUMNS} from api_clients where id = $1 and revoked_at is null"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        row.as_ref().map(client_of).transpose()
    }

    /// Stores a new token's hash for a client, and deletes tokens that expired a day ago or more.
    pub async fn issue_api_token(
        &self,
        token_hash: &str,
        client_id: &str,
        scopes: &Scopes,
        now: i64,
        expires_at: i64,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("delete from api_tokens where expires_at < $1").bind(now - 86_400).execute(&mut *tx).await?;
        sqlx::query(
            "insert into api_tokens (token_hash, client_id, scopes, issued_at, expires_at) values ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(client_id)
        .bind(scopes.to_string())
        .bind(now)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.audit_object(client_id);
        tx.audit_reason(scopes.to_string());
        tx.commit().await
    }

    /// The caller a token names, when it is known, not expired and its client not revoked.
    pub async fn api_caller(&self, token_hash: &str, now: i64) -> Result<Option<ApiCaller>> {
        let row = sqlx::query(
            "select t.client_id, c.name, t.scopes, t.expires_at from api_tokens t \
             join api_clients c on c.id = t.client_id \
             where t.token_hash = $1 and t.expires_at > $2 and c.revoked_at is null",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(ApiCaller {
                client_id: r.try_get("client_id")?,
                client_name: r.try_get("name")?,
                scopes: scopes_of(&r.try_get::<String, _>("scopes")?)?,
                expires_at: r.try_get("expires_at")?,
            })
        })
        .transpose()
    }

    /// A unit's cases in the order they last changed, oldest change first, after `after`
    /// (exclusive), at most `limit`. The row-value comparison lets both databases start the
    /// index range at the cursor (an `or` made PostgreSQL walk the unit's cases from the first). Following the cursor to the end and again later gives every
    /// case that changed in between, once per change.
    pub async fn api_cases(&self, unit: &str, after: Option<Cursor>, limit: usize) -> Result<Vec<ApiCaseRow>> {
        let after = after.unwrap_or(Cursor { updated_at: i64::MIN, id: i64::MIN });
        let rows = sqlx::query(
            "select id, case_number, unit_code, service_slug, status, outcome, submitted_at, due_at, decided_at, \
             closed_at, updated_at from cases \
             where unit_code = $1 and (updated_at, id) > ($2, $3) \
             order by updated_at, id limit $4",
        )
        .bind(unit)
        .bind(after.updated_at)
        .bind(after.id)
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ApiCaseRow {
                    id: r.try_get("id")?,
                    case_number: r.try_get("case_number")?,
                    unit_code: r.try_get("unit_code")?,
                    service_slug: r.try_get("service_slug")?,
                    status: status(&r.try_get::<String, _>("status")?)?,
                    outcome: outcome(r.try_get("outcome")?)?,
                    submitted_at: r.try_get("submitted_at")?,
                    due_at: r.try_get("due_at")?,
                    decided_at: r.try_get("decided_at")?,
                    closed_at: r.try_get("closed_at")?,
                    updated_at: r.try_get("updated_at")?,
                })
            })
            .collect()
    }

    /// A case by its number (`SBK-2026-000123`).
    pub async fn case_by_number(&self, number: &str) -> Result<Option<CaseRecord>> {
        let row = sqlx::query(&format!("select {CASE_COLUMNS} {CASE_FROM} where c.case_number = $1"))
            .bind(number)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(case_from_row).transpose()
    }
}
