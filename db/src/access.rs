//! Formal staff access: grants with a reason and an expiry, requests approved by the unit's
//! service owner, and the periodic review of each scope's grants.
//!
//! Policy: grants are never deleted, only revoked (with who and why), so the history of who could
//! see what stays answerable. The callers write the audit entries; this module keeps the state.

use crate::{DbError, Result, Store};
use sqlx::any::AnyRow;
use sqlx::Row;
use stadsporten_domain::access::{Role, Scope};
use stadsporten_domain::ids::UserId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantRecord {
    pub id: i64,
    pub user_id: UserId,
    pub user_name: String,
    pub role: Role,
    pub scope: Scope,
    pub reason: String,
    pub granted_by: Option<String>,
    pub valid_from: i64,
    pub valid_until: i64,
    pub revoked_at: Option<i64>,
    pub revoke_reason: Option<String>,
    pub confirmed_at: Option<i64>,
}

impl GrantRecord {
    pub fn in_force(&self, now: i64) -> bool {
        self.revoked_at.is_none() && self.valid_from <= now && now < self.valid_until
    }
}

/// A new grant.
#[derive(Debug, Clone)]
pub struct NewGrant<'a> {
    pub user_id: UserId,
    pub role: Role,
    pub scope: &'a Scope,
    pub reason: &'a str,
    pub granted_by: Option<UserId>,
    pub valid_from: i64,
    pub valid_until: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStatus {
    Pending,
    Approved,
    Rejected,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Approved => "approved",
            RequestStatus::Rejected => "rejected",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        match s {
            "pending" => Ok(RequestStatus::Pending),
            "approved" => Ok(RequestStatus::Approved),
            "rejected" => Ok(RequestStatus::Rejected),
            other => Err(DbError::CorruptRow(format!("request status {other}"))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessRequest {
    pub id: i64,
    pub user_id: UserId,
    pub user_name: String,
    pub role: Role,
    pub scope: Scope,
    pub reason: String,
    pub wanted_until: i64,
    pub status: RequestStatus,
    pub requested_at: i64,
    pub decision_note: Option<String>,
}

/// Where one scope's periodic review stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewStatus {
    pub scope: Scope,
    pub grants_in_force: i64,
    pub last_reviewed_at: Option<i64>,
    pub due_at: i64,
    pub overdue: bool,
}

fn role_scope(row: &AnyRow) -> Result<(Role, Scope)> {
    let role: String = row.try_get("role")?;
    let scope: String = row.try_get("scope")?;
    Role::parse(&role)
        .zip(Scope::from_key(&scope))
        .ok_or_else(|| DbError::CorruptRow(format!("role/scope {role}@{scope}")))
}

fn grant_from_row(row: &AnyRow) -> Result<GrantRecord> {
    let (role, scope) = role_scope(row)?;
    Ok(GrantRecord {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        user_name: row.try_get("user_name")?,
        role,
        scope,
        reason: row.try_get("reason")?,
        granted_by: row.try_get("granted_by_name")?,
        valid_from: row.try_get("valid_from")?,
        valid_until: row.try_get("valid_until")?,
        revoked_at: row.try_get("revoked_at")?,
        revoke_reason: row.try_get("revoke_reason")?,
        confirmed_at: row.try_get("confirmed_at")?,
    })
}

const GRANT_SELECT: &str = "select g.id, g.user_id, u.display_name as user_name, g.role, g.scope, g.reason, \
     b.display_name as granted_by_name, g.valid_from, g.valid_until, g.revoked_at, g.revoke_reason, g.confirmed_at \
     from access_grants g join users u on u.id = g.user_id left join users b on b.id = g.granted_by";

fn request_from_row(row: &AnyRow) -> Result<AccessRequest> {
    let (role, scope) = role_scope(row)?;
    Ok(AccessRequest {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        user_name: row.try_get("user_name")?,
        role,
        scope,
        reason: row.try_get("reason")?,
        wanted_until: row.try_get("wanted_until")?,
        status: RequestStatus::parse(&row.try_get::<String, _>("status")?)?,
        requested_at: row.try_get("requested_at")?,
        decision_note: row.try_get("decision_note")?,
    })
}

const REQUEST_SELECT: &str = "select r.id, r.user_id, u.display_name as user_name, r.role, r.scope, r.reason, \
     r.wanted_until, r.status, r.requested_at, r.decision_note from access_requests r join users u on u.id = r.user_id";

impl Store {
    pub async fn grant_access(&self, g: &NewGrant<'_>) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query(
            "insert into access_grants (user_id, role, scope, reason, granted_by, valid_from, valid_until) \
             values ($1, $2, $3, $4, $5, $6, $7) returning id",
        )
        .bind(g.user_id)
        .bind(g.role.slug())
        .bind(g.scope.to_key())
        .bind(g.reason)
        .bind(g.granted_by)
        .bind(g.valid_from)
        .bind(g.valid_until)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        tx.audit_object(id);
        tx.commit().await?;
        self.identity_changed(Some(g.user_id));
        Ok(id)
    }

    pub async fn grant(&self, id: i64) -> Result<Option<GrantRecord>> {
        sqlx::query(&format!("{GRANT_SELECT} where g.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| grant_from_row(&r))
            .transpose()
    }

    /// Grants of one user, newest first, revoked and expired ones included.
    pub async fn grants_of_user(&self, user_id: UserId) -> Result<Vec<GrantRecord>> {
        let rows = sqlx::query(&format!("{GRANT_SELECT} where g.user_id = $1 order by g.id desc"))
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(grant_from_row).collect()
    }

    /// Grants in force in the given scopes (all scopes when `None`), by scope then person.
    pub async fn grants_in_force(&self, scopes: Option<&[Scope]>, now: i64) -> Result<Vec<GrantRecord>> {
        let rows = sqlx::query(&format!(
            "{GRANT_SELECT} where g.revoked_at is null and g.valid_from <= $1 and g.valid_until > $1 \
             order by g.scope, u.display_name, g.id"
        ))
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let all = rows.iter().map(grant_from_row).collect::<Result<Vec<_>>>()?;
        Ok(match scopes {
            Some(s) => all.into_iter().filter(|g| s.contains(&g.scope)).collect(),
            None => all,
        })
    }

    /// Revokes a grant still in force; `false` when it was already revoked or unknown.
    pub async fn revoke_grant(&self, id: i64, by: UserId, reason: &str, now: i64) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update access_grants set revoked_at = $1, revoked_by = $2, revoke_reason = $3 \
             where id = $4 and revoked_at is null",
        )
        .bind(now)
        .bind(by)
        .bind(reason)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let done = done.rows_affected() == 1;
        if done {
            tx.commit().await?;
            self.identity_changed(None);
        }
        Ok(done)
    }

    pub async fn request_access(
        &self,
        user_id: UserId,
        role: Role,
        scope: &Scope,
        reason: &str,
        wanted_until: i64,
        now: i64,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query(
            "insert into access_requests (user_id, role, scope, reason, wanted_until, requested_at) \
             values ($1, $2, $3, $4, $5, $6) returning id",
        )
        .bind(user_id)
        .bind(role.slug())
        .bind(scope.to_key())
        .bind(reason)
        .bind(wanted_until)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        tx.audit_object(id);
        tx.commit().await?;
        Ok(id)
    }

    pub async fn access_request(&self, id: i64) -> Result<Option<AccessRequest>> {
        sqlx::query(&format!("{REQUEST_SELECT} where r.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| request_from_row(&r))
            .transpose()
    }

    /// Pending requests in the given scopes (all when `None`), oldest first.
    pub async fn pending_access_requests(&self, scopes: Option<&[Scope]>) -> Result<Vec<AccessRequest>> {
        let rows = sqlx::query(&format!("{REQUEST_SELECT} where r.status = 'pending' order by r.requested_at, r.id"))
            .fetch_all(&self.pool)
            .await?;
        let all = rows.iter().map(request_from_row).collect::<Result<Vec<_>>>()?;
        Ok(match scopes {
            Some(s) => all.into_iter().filter(|r| s.contains(&r.scope)).collect(),
            None => all,
        })
    }

    /// A user's own requests, newest first.
    pub async fn access_requests_of_user(&self, user_id: UserId) -> Result<Vec<AccessRequest>> {
        let rows = sqlx::query(&format!("{REQUEST_SELECT} where r.user_id = $1 order by r.id desc"))
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(request_from_row).collect()
    }

    /// Decides a pending request; approving creates the grant in the same transaction.
    /// `None`: the request was not pending. `Some(Some(id))`: approved, the new grant's id.
    /// `Some(None)`: rejected.
    pub async fn decide_access_request(
        &self,
        id: i64,
        approve: bool,
        by: UserId,
        note: &str,
        now: i64,
    ) -> Result<Option<Option<i64>>> {
        let mut tx = self.begin_write().await?;
        let status = if approve { RequestStatus::Approved } else { RequestStatus::Rejected };
        let row = sqlx::query(
            "update access_requests set status = $1, decided_by = $2, decided_at = $3, decision_note = $4 \
             where id = $5 and status = 'pending' returning user_id, role, scope, reason, wanted_until",
        )
        .bind(status.as_str())
        .bind(by)
        .bind(now)
        .bind(note)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            // Ended explicitly: a transaction left to drop can linger on the connection (Any driver).
            tx.rollback().await?;
            return Ok(None);
        };
        let mut grant_id = None;
        if approve {
            let (role, scope) = role_scope(&row)?;
            let reason: String = row.try_get("reason")?;
            let until: i64 = row.try_get("wanted_until")?;
            let user_id: UserId = row.try_get("user_id")?;
            grant_id = Some(
                sqlx::query(
                    "insert into access_grants (user_id, role, scope, reason, granted_by, valid_from, valid_until) \
                     values ($1, $2, $3, $4, $5, $6, $7) returning id",
                )
                .bind(user_id)
                .bind(role.slug())
                .bind(scope.to_key())
                .bind(format!("{reason} (request {id})"))
                .bind(by)
                .bind(now)
                .bind(until.max(now + 1))
                .fetch_one(&mut *tx)
                .await?
                .try_get("id")?,
            );
        }
        if let Some(g) = grant_id {
            tx.audit_object(g);
        }
        tx.commit().await?;
        self.identity_changed(None);
        Ok(Some(grant_id))
    }

    /// Marks a grant as confirmed in a review.
    pub async fn confirm_grant(&self, id: i64, by: UserId, now: i64) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update access_grants set confirmed_at = $1, confirmed_by = $2 where id = $3 and revoked_at is null",
        )
        .bind(now)
        .bind(by)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let done = done.rows_affected() == 1;
        if done {
            tx.commit().await?;
        }
        Ok(done)
    }

    /// Records that a scope's review is complete.
    pub async fn complete_review(
        &self,
        scope: &Scope,
        reviewer: UserId,
        confirmed: i64,
        revoked: i64,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "insert into access_reviews (scope, reviewer_id, completed_at, confirmed, revoked) values ($1, $2, $3, $4, $5)",
        )
        .bind(scope.to_key())
        .bind(reviewer)
        .bind(now)
        .bind(confirmed)
        .bind(revoked)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.identity_changed(None);
        Ok(())
    }

    /// Every scope with grants in force: when it was last reviewed and when the next review is due
    /// (`interval` seconds after the last review, or after its oldest grant began if never).
    pub async fn review_status(&self, now: i64, interval: i64) -> Result<Vec<ReviewStatus>> {
        let rows = sqlx::query(
            "select g.scope, count(*) as n, min(g.valid_from) as first_from, \
                    (select max(r.completed_at) from access_reviews r where r.scope = g.scope) as last_review \
             from access_grants g where g.revoked_at is null and g.valid_from <= $1 and g.valid_until > $1 \
             group by g.scope order by g.scope",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let key: String = r.try_get("scope")?;
                let scope = Scope::from_key(&key).ok_or_else(|| DbError::CorruptRow(format!("scope {key}")))?;
                let last: Option<i64> = r.try_get("last_review")?;
                let first: i64 = r.try_get("first_from")?;
                let due_at = last.unwrap_or(first) + interval;
                Ok(ReviewStatus {
                    scope,
                    grants_in_force: r.try_get("n")?,
                    last_reviewed_at: last,
                    due_at,
                    overdue: now >= due_at,
                })
            })
            .collect()
    }
}
