//! What Stadsporten holds about one person, read at once for their register extract (GDPR
//! article 15; `app/src/records/`).
//!
//! Policy: a handful of queries whatever the number of cases (one per kind of record, not one per
//! case), so a person with hundreds of cases gets their extract in well under the two seconds the
//! issue asks. What the person themself sees in their cases is what the extract holds: internal
//! notes and internal timeline entries stay out (they are handed out on request after a secrecy
//! review by the unit, which the explanation page says). Who read the person's data comes from
//! the audit trail: reads of the person and of their cases, with the reader's role, not name.

use crate::cases::{case_from_row, CaseRecord, CASE_COLUMNS, CASE_FROM};
use crate::{Result, Store};
use sqlx::Row;
use stadsporten_domain::ids::{CaseId, UserId};

/// A timeline entry the person sees.
#[derive(Debug, Clone)]
pub struct ExtractEvent {
    pub case_id: CaseId,
    pub at: i64,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
}

/// A message of one of the person's cases.
#[derive(Debug, Clone)]
pub struct ExtractMessage {
    pub case_id: CaseId,
    pub at: i64,
    pub from_applicant: bool,
    pub body: String,
}

/// A decision on one of the person's cases.
#[derive(Debug, Clone)]
pub struct ExtractDecision {
    pub case_id: CaseId,
    pub outcome: String,
    pub decided_at: i64,
    pub motivation: String,
}

/// A file the person uploaded or was sent.
#[derive(Debug, Clone)]
pub struct ExtractFile {
    pub id: i64,
    pub case_id: Option<CaseId>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_at: i64,
}

/// A form being filled in.
#[derive(Debug, Clone)]
pub struct ExtractDraft {
    pub service_slug: String,
    pub answers: serde_json::Value,
    pub updated_at: i64,
    pub expires_at: i64,
}

/// An audit entry about the person: what was done, by whom (a role), when and why.
#[derive(Debug, Clone)]
pub struct ExtractAccess {
    pub at: i64,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    /// `self` when the person did it; else the actor's role (`case-officer`, `api-client:…`).
    pub by: String,
    pub reason: Option<String>,
}

/// Everything, by kind.
#[derive(Debug, Clone)]
pub struct RegisterData {
    pub cases: Vec<CaseRecord>,
    pub events: Vec<ExtractEvent>,
    pub messages: Vec<ExtractMessage>,
    pub decisions: Vec<ExtractDecision>,
    pub files: Vec<ExtractFile>,
    pub drafts: Vec<ExtractDraft>,
    pub access: Vec<ExtractAccess>,
}

/// The person's cases, as a subquery binding `$1`.
const THEIR_CASES: &str = "select id from cases where applicant_id = $1";

impl Store {
    /// What the person's extract holds besides their profile, errands and look-ups (read with
    /// the store's own methods): cases with everything the person sees of them, drafts, and the
    /// audit entries about them. The audit trail is sealed first, so it is complete.
    pub async fn register_data(&self, person: UserId, now: i64) -> Result<RegisterData> {
        let cases = sqlx::query(&format!("select {CASE_COLUMNS} {CASE_FROM} where c.applicant_id = $1 order by c.id"))
            .bind(person)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(case_from_row)
            .collect::<Result<Vec<_>>>()?;
        let events = sqlx::query(&format!(
            "select case_id, at, kind, from_status, to_status from case_events \
             where public = 1 and case_id in ({THEIR_CASES}) order by id"
        ))
        .bind(person)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(ExtractEvent {
                case_id: r.try_get("case_id")?,
                at: r.try_get("at")?,
                kind: r.try_get("kind")?,
                from_status: r.try_get("from_status")?,
                to_status: r.try_get("to_status")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let messages = sqlx::query(&format!(
            "select case_id, at, from_applicant, body from case_messages where case_id in ({THEIR_CASES}) order by id"
        ))
        .bind(person)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(ExtractMessage {
                case_id: r.try_get("case_id")?,
                at: r.try_get("at")?,
                from_applicant: r.try_get::<i64, _>("from_applicant")? != 0,
                body: r.try_get("body")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let decisions = sqlx::query(&format!(
            "select case_id, outcome, decided_at, motivation from decisions where case_id in ({THEIR_CASES}) order by case_id"
        ))
        .bind(person)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(ExtractDecision {
                case_id: r.try_get("case_id")?,
                outcome: r.try_get("outcome")?,
                decided_at: r.try_get("decided_at")?,
                motivation: r.try_get("motivation")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let files = sqlx::query(&format!(
            "select id, case_id, file_name, content_type, size_bytes, sha256, uploaded_at from attachments \
             where removed_at is null and (owner_id = $1 or case_id in ({THEIR_CASES})) order by id"
        ))
        .bind(person)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(ExtractFile {
                id: r.try_get("id")?,
                case_id: r.try_get("case_id")?,
                file_name: r.try_get("file_name")?,
                content_type: r.try_get("content_type")?,
                size_bytes: r.try_get("size_bytes")?,
                sha256: r.try_get("sha256")?,
                uploaded_at: r.try_get("uploaded_at")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        let drafts = sqlx::query(
            "select d.answers, d.updated_at, d.expires_at, s.slug from drafts d \
             join service_definitions s on s.id = d.definition_id \
             where d.user_id = $1 and d.case_id is null and d.expires_at > $2 order by d.id",
        )
        .bind(person)
        .bind(now)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            let answers: String = r.try_get("answers")?;
            Ok(ExtractDraft {
                service_slug: r.try_get("slug")?,
                answers: serde_json::from_str(&answers).unwrap_or(serde_json::Value::Null),
                updated_at: r.try_get("updated_at")?,
                expires_at: r.try_get("expires_at")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        self.seal_audit(now).await?;
        // Three indexed reads, united (an `or` would scan the whole trail).
        const COLUMNS: &str = "seq, at, actor_id, role, action, object_type, object_id, reason";
        let access = sqlx::query(&format!(
            "select {COLUMNS} from audit_log where actor_id = $1 \
             union select {COLUMNS} from audit_log where object_type = 'user' and object_id = $2 \
             union select {COLUMNS} from audit_log where object_type = 'case' \
               and object_id in (select cast(id as text) from cases where applicant_id = $1) \
             order by seq"
        ))
        .bind(person)
        .bind(person.to_string())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            let actor: Option<UserId> = r.try_get("actor_id")?;
            let role: Option<String> = r.try_get("role")?;
            Ok(ExtractAccess {
                at: r.try_get("at")?,
                action: r.try_get("action")?,
                object_type: r.try_get("object_type")?,
                object_id: r.try_get("object_id")?,
                by: if actor == Some(person) { "self".into() } else { role.unwrap_or_else(|| "system".into()) },
                reason: r.try_get("reason")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
        Ok(RegisterData { cases, events, messages, decisions, files, drafts, access })
    }
}
