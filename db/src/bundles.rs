//! Bundles (issue 6): one application for every permit an activity needs.
//!
//! Policy:
//! - A bundle draft holds the shared facts (asked once) and owns one ordinary e-service draft per
//!   permit (`drafts.bundle_draft_id`): each permit's own questions are the form runner's. Saving
//!   the facts writes them into every part's fields marked with them, in one transaction. All
//!   parts share the bundle draft's expiry.
//! - A document uploaded once is recorded once per part that needs it, each copy under its own
//!   storage key (the caller stores the bytes per copy), so every case stays a complete record in
//!   its own unit; the copies share a group and are removed together.
//! - Submission is one transaction and idempotent (per bundle draft and per applicant and key):
//!   the bundle, registered in the business guide team's series; one case per part (a city unit's
//!   permit in its queue; an outside authority's permit as a referral case held by the
//!   coordinator, with the referral e-mail in the outbox); a named coordinator; one receipt.
//! - Every read is scoped by the caller (the applicant's own, a coordinator's, an officer's own
//!   unit); nothing here decides who may see what.

use crate::cases::{insert_case, Submission};
use crate::eservices::{
    add_draft_file, answers_from_json, answers_to_json, draft_answers, draft_from_row, remove_draft_file,
    write_draft_answers, DRAFT_COLUMNS,
};
use crate::{DbError, DraftRecord, NewAttachment, Result, Store};
use sqlx::any::AnyRow;
use sqlx::Row;
use stadsporten_domain::business::bundle::PartState;
use stadsporten_domain::eservice::{Answers, CaseStatus, DecisionOutcome, NotificationEvent, SlaStanding};
use stadsporten_domain::ids::{
    AttachmentId, BundleDraftId, BundleId, CaseId, DefinitionId, DraftId, DraftToken, UserId,
};

/// The unit that registers bundles and coordinates them (Företagslotsen, the business guide team).
pub const COORDINATING_UNIT: &str = "FL";

/// An unsubmitted bundle application.
#[derive(Debug, Clone)]
pub struct BundleDraftRecord {
    pub id: BundleDraftId,
    pub token: DraftToken,
    pub user_id: UserId,
    pub organisation: String,
    pub organisation_name: String,
    pub ruleset_version: i64,
    /// The guide's answers as a query string (the bundle's permits are derived from them).
    pub guide_answers: String,
    /// The shared facts, keyed by the fact's slug (`premises-address`, …).
    pub shared: Answers,
    pub created_at: i64,
    pub updated_at: i64,
    pub expires_at: i64,
    pub bundle_id: Option<BundleId>,
}

/// A part to create with a bundle draft.
#[derive(Debug, Clone)]
pub struct NewBundlePart<'a> {
    pub permit_key: &'a str,
    pub definition_id: DefinitionId,
    /// The part draft's own random token.
    pub token: &'a str,
}

/// One uploaded bundle document as listed (the first of its copies).
#[derive(Debug, Clone)]
pub struct BundleDocument {
    pub document_key: String,
    pub group: String,
    pub attachment_id: AttachmentId,
    pub file_name: String,
    pub size_bytes: i64,
    pub held: bool,
}

/// A copy of a bundle document for one part's field.
#[derive(Debug, Clone)]
pub struct DocumentCopy<'a> {
    pub draft_id: DraftId,
    pub field_id: &'a str,
    pub file: NewAttachment<'a>,
}

/// One part as submitted.
#[derive(Debug, Clone)]
pub struct PartSubmission<'a> {
    pub permit_key: &'a str,
    pub draft_id: DraftId,
    pub definition_id: DefinitionId,
    pub service_slug: &'a str,
    /// The unit whose queue the case goes to (the coordinating unit for an authority's permit).
    pub unit_code: &'a str,
    pub handling_days: u32,
    /// The definition's day kind for `handling_days`.
    pub day_kind: stadsporten_domain::calendar::DayKind,
    pub answers: &'a Answers,
    /// An outside authority: the case is a referral, sent to `referral_address`.
    pub authority: Option<&'a str>,
    pub referral_address: Option<&'a str>,
    pub depends_on: &'a [String],
}

/// What a bundle submission needs; each part's answers are already validated and pruned.
#[derive(Debug, Clone)]
pub struct BundleSubmission<'a> {
    pub bundle_draft_id: BundleDraftId,
    pub applicant_id: UserId,
    pub organisation: &'a str,
    pub organisation_name: &'a str,
    pub idempotency_key: &'a str,
    pub lang: &'a str,
    pub year: u32,
    pub ruleset_version: i64,
    pub guide_answers: &'a str,
    pub shared: &'a Answers,
    pub parts: Vec<PartSubmission<'a>>,
    /// How the bundle comes in (web or lite); its parts' cases carry it.
    pub channel: stadsporten_domain::measure::CaseChannel,
    pub now: i64,
}

/// The bundle a submission made, or found when it had been made before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleSubmitted {
    pub bundle_id: BundleId,
    pub bundle_number: String,
    pub replayed: bool,
}

#[derive(Debug, Clone)]
pub struct BundleRecord {
    pub id: BundleId,
    pub bundle_number: String,
    pub organisation: String,
    pub organisation_name: String,
    pub applicant_id: UserId,
    pub applicant_name: String,
    pub lang: String,
    pub ruleset_version: i64,
    pub guide_answers: String,
    pub shared: Answers,
    pub coordinator_id: Option<UserId>,
    pub coordinator_name: Option<String>,
    pub submitted_at: i64,
}

/// One part of a submitted bundle, with its case's standing.
#[derive(Debug, Clone)]
pub struct PartRecord {
    pub permit_key: String,
    pub position: i64,
    pub case_id: CaseId,
    pub case_number: String,
    pub unit_code: String,
    pub service_slug: String,
    pub status: CaseStatus,
    pub outcome: Option<DecisionOutcome>,
    pub due_at: i64,
    pub standing: Option<SlaStanding>,
    pub assignee_name: Option<String>,
    pub authority: Option<String>,
    pub depends_on: Vec<String>,
    pub referral_sent_at: Option<i64>,
    /// Open completion requests of the case.
    pub open_completions: i64,
}

impl PartRecord {
    pub fn state(&self) -> PartState {
        PartState {
            permit_key: self.permit_key.clone(),
            depends_on: self.depends_on.clone(),
            status: self.status,
            outcome: self.outcome,
        }
    }
}

/// A bundle in a list.
#[derive(Debug, Clone)]
pub struct BundleSummary {
    pub id: BundleId,
    pub bundle_number: String,
    pub organisation_name: String,
    pub coordinator_name: Option<String>,
    pub submitted_at: i64,
    pub parts: i64,
    pub decided: i64,
    /// Messages from the entrepreneur not yet read by the city.
    pub unread: i64,
}

#[derive(Debug, Clone)]
pub struct BundleEvent {
    pub at: i64,
    pub actor_name: Option<String>,
    pub kind: String,
    pub permit_key: Option<String>,
    pub detail: Option<String>,
    pub public: bool,
}

#[derive(Debug, Clone)]
pub struct BundleMessage {
    pub id: i64,
    pub at: i64,
    pub author_name: String,
    pub from_applicant: bool,
    pub body: String,
    pub read_at: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct StatementRequest {
    pub id: i64,
    pub bundle_id: BundleId,
    pub bundle_number: String,
    pub case_id: CaseId,
    pub case_number: String,
    pub from_unit: String,
    pub to_unit: String,
    pub question: String,
    /// Stockholm day number the answer is due.
    pub due_day: i64,
    pub requested_by_name: String,
    pub requested_at: i64,
    pub answer: Option<String>,
    pub answered_by_name: Option<String>,
    pub answered_at: Option<i64>,
}

const BUNDLE_DRAFT_COLUMNS: &str = "id, token, user_id, organisation, organisation_name, ruleset_version, \
     guide_answers, shared, created_at, updated_at, expires_at, bundle_id";

fn bundle_draft_from_row(r: &AnyRow) -> Result<BundleDraftRecord> {
    Ok(BundleDraftRecord {
        id: r.try_get("id")?,
        token: r.try_get("token")?,
        user_id: r.try_get("user_id")?,
        organisation: r.try_get("organisation")?,
        organisation_name: r.try_get("organisation_name")?,
        ruleset_version: r.try_get("ruleset_version")?,
        guide_answers: r.try_get("guide_answers")?,
        shared: answers_from_json(&r.try_get::<String, _>("shared")?)?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        expires_at: r.try_get("expires_at")?,
        bundle_id: r.try_get("bundle_id")?,
    })
}

const BUNDLE_COLUMNS: &str = "b.id, b.bundle_number, b.organisation, b.organisation_name, b.applicant_id, \
     ap.display_name as applicant_name, b.lang, b.ruleset_version, b.guide_answers, b.shared, b.coordinator_id, \
     co.display_name as coordinator_name, b.submitted_at";

const BUNDLE_FROM: &str =
    "from bundles b join users ap on ap.id = b.applicant_id left join users co on co.id = b.coordinator_id";

fn bundle_from_row(r: &AnyRow) -> Result<BundleRecord> {
    Ok(BundleRecord {
        id: r.try_get("id")?,
        bundle_number: r.try_get("bundle_number")?,
        organisation: r.try_get("organisation")?,
        organisation_name: r.try_get("organisation_name")?,
        applicant_id: r.try_get("applicant_id")?,
        applicant_name: r.try_get("applicant_name")?,
        lang: r.try_get("lang")?,
        ruleset_version: r.try_get("ruleset_version")?,
        guide_answers: r.try_get("guide_answers")?,
        shared: answers_from_json(&r.try_get::<String, _>("shared")?)?,
        coordinator_id: r.try_get("coordinator_id")?,
        coordinator_name: r.try_get("coordinator_name")?,
        submitted_at: r.try_get("submitted_at")?,
    })
}

use crate::bundle_parts::{bundle_event, bundle_of_case, split_keys, Ev};
use crate::filing::{next_number, Filed, Opened};
use crate::tx::Tx;

impl Store {
    /// Starts a bundle application: the bundle draft and one e-service draft per permit.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_bundle_draft(
        &self,
        token: &DraftToken,
        user_id: UserId,
        organisation: &str,
        organisation_name: &str,
        ruleset_version: i64,
        guide_answers: &str,
        parts: &[NewBundlePart<'_>],
        now: i64,
        expires_at: i64,
    ) -> Result<BundleDraftRecord> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "insert into bundle_drafts (token, user_id, organisation, organisation_name, ruleset_version, \
             guide_answers, created_at, updated_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $7, $8) \
             returning {BUNDLE_DRAFT_COLUMNS}"
        ))
        .bind(token)
        .bind(user_id)
        .bind(organisation)
        .bind(organisation_name)
        .bind(ruleset_version)
        .bind(guide_answers)
        .bind(now)
        .bind(expires_at)
        .fetch_one(&mut *tx)
        .await?;
        let draft = bundle_draft_from_row(&row)?;
        for p in parts {
            sqlx::query(
                "insert into drafts (token, user_id, acting_for, definition_id, created_at, updated_at, expires_at, \
                 bundle_draft_id, permit_key) values ($1, $2, $3, $4, $5, $5, $6, $7, $8)",
            )
            .bind(p.token)
            .bind(user_id)
            .bind(organisation)
            .bind(p.definition_id)
            .bind(now)
            .bind(expires_at)
            .bind(draft.id)
            .bind(p.permit_key)
            .execute(&mut *tx)
            .await?;
        }
        tx.audit_object(draft.id);
        tx.commit().await?;
        Ok(draft)
    }

    /// A bundle draft by its token (the caller checks the owner).
    pub async fn bundle_draft(&self, token: &DraftToken) -> Result<Option<BundleDraftRecord>> {
        let row = sqlx::query(&format!("select {BUNDLE_DRAFT_COLUMNS} from bundle_drafts where token = $1"))
            .bind(token)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(bundle_draft_from_row).transpose()
    }

    pub async fn bundle_draft_by_id(&self, id: BundleDraftId) -> Result<Option<BundleDraftRecord>> {
        let row = sqlx::query(&format!("select {BUNDLE_DRAFT_COLUMNS} from bundle_drafts where id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(bundle_draft_from_row).transpose()
    }

    /// The person's unsubmitted bundle applications, most recent first.
    pub async fn bundle_drafts_of_user(&self, user_id: UserId) -> Result<Vec<BundleDraftRecord>> {
        let rows = sqlx::query(&format!(
            "select {BUNDLE_DRAFT_COLUMNS} from bundle_drafts where user_id = $1 and bundle_id is null \
             order by updated_at desc"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(bundle_draft_from_row).collect()
    }

    /// The parts' drafts of a bundle draft, in the order they were created (the rules' order).
    pub async fn bundle_draft_parts(&self, bundle_draft_id: BundleDraftId) -> Result<Vec<DraftRecord>> {
        let rows = sqlx::query(&format!("select {DRAFT_COLUMNS} from drafts where bundle_draft_id = $1 order by id"))
            .bind(bundle_draft_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(draft_from_row).collect()
    }

    /// Saves the shared facts and writes them into the parts' answers (`fills`: each part's
    /// draft and the answers of its fields marked with a fact), moving every part's expiry.
    /// `false` when the bundle was submitted meanwhile.
    pub async fn save_bundle_facts(
        &self,
        bundle_draft_id: BundleDraftId,
        shared: &Answers,
        fills: &[(DraftId, Answers)],
        now: i64,
        expires_at: i64,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update bundle_drafts set shared = $1, updated_at = $2, expires_at = $3 where id = $4 and bundle_id is null",
        )
        .bind(answers_to_json(shared))
        .bind(now)
        .bind(expires_at)
        .bind(bundle_draft_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        for (draft_id, values) in fills {
            ensure_part(&mut tx, bundle_draft_id, *draft_id).await?;
            let mut answers = draft_answers(&mut tx, *draft_id).await?;
            answers.extend(values.iter().map(|(k, v)| (k.clone(), v.clone())));
            write_draft_answers(&mut tx, *draft_id, &answers).await?;
        }
        touch_parts(&mut tx, bundle_draft_id, now, expires_at).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Moves the expiry of a bundle draft and all its parts (work on any part keeps the whole).
    pub async fn touch_bundle_draft(&self, bundle_draft_id: BundleDraftId, now: i64, expires_at: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("update bundle_drafts set updated_at = $1, expires_at = $2 where id = $3")
            .bind(now)
            .bind(expires_at)
            .bind(bundle_draft_id)
            .execute(&mut *tx)
            .await?;
        touch_parts(&mut tx, bundle_draft_id, now, expires_at).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records one uploaded document for every part that needs it (one row per copy) and adds
    /// each copy to its part's field. `None` when the bundle was submitted meanwhile.
    pub async fn attach_bundle_document(
        &self,
        bundle_draft_id: BundleDraftId,
        document_key: &str,
        group: &str,
        copies: &[DocumentCopy<'_>],
    ) -> Result<Option<Vec<AttachmentId>>> {
        let mut tx = self.begin_write().await?;
        let now = copies.first().map_or(0, |c| c.file.now);
        let locked = sqlx::query("update bundle_drafts set updated_at = $1 where id = $2 and bundle_id is null")
            .bind(now)
            .bind(bundle_draft_id)
            .execute(&mut *tx)
            .await?;
        if locked.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(None);
        }
        let mut ids = Vec::new();
        for c in copies {
            ensure_part(&mut tx, bundle_draft_id, c.draft_id).await?;
            let file = add_draft_file(&mut tx, c.draft_id, c.field_id, &c.file).await?;
            sqlx::query("update attachments set document_key = $1, document_group = $2 where id = $3")
                .bind(document_key)
                .bind(group)
                .bind(file.id)
                .execute(&mut *tx)
                .await?;
            ids.push(file.id);
        }
        tx.audit_objects(&ids);
        tx.commit().await?;
        Ok(Some(ids))
    }

    /// The documents uploaded to a bundle draft, one row per upload (its first copy).
    pub async fn bundle_documents(&self, bundle_draft_id: BundleDraftId) -> Result<Vec<BundleDocument>> {
        let rows = sqlx::query(
            "select a.id, a.document_key, a.document_group, a.file_name, a.size_bytes, a.scan_status \
             from attachments a join drafts d on d.id = a.draft_id \
             where d.bundle_draft_id = $1 and a.document_group is not null and a.id = \
             (select min(x.id) from attachments x where x.document_group = a.document_group) order by a.id",
        )
        .bind(bundle_draft_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(BundleDocument {
                    document_key: r.try_get("document_key")?,
                    group: r.try_get("document_group")?,
                    attachment_id: r.try_get("id")?,
                    file_name: r.try_get("file_name")?,
                    size_bytes: r.try_get("size_bytes")?,
                    held: r.try_get::<String, _>("scan_status")? == "held",
                })
            })
            .collect()
    }

    /// Removes one uploaded document from every part; returns the copies' storage keys.
    pub async fn remove_bundle_document(&self, bundle_draft_id: BundleDraftId, group: &str) -> Result<Vec<String>> {
        let mut tx = self.begin_write().await?;
        let locked =
            sqlx::query("update bundle_drafts set updated_at = updated_at where id = $1 and bundle_id is null")
                .bind(bundle_draft_id)
                .execute(&mut *tx)
                .await?;
        if locked.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(Vec::new());
        }
        let rows = sqlx::query(
            "select a.id, a.storage_key, a.draft_id from attachments a join drafts d on d.id = a.draft_id \
             where d.bundle_draft_id = $1 and a.document_group = $2 and a.case_id is null",
        )
        .bind(bundle_draft_id)
        .bind(group)
        .fetch_all(&mut *tx)
        .await?;
        let mut keys = Vec::new();
        for r in &rows {
            remove_draft_file(&mut tx, r.try_get("draft_id")?, r.try_get("id")?).await?;
            keys.push(r.try_get("storage_key")?);
        }
        tx.commit().await?;
        Ok(keys)
    }

    /// Deletes an unsubmitted bundle draft with its parts; returns the files' storage keys.
    pub async fn delete_bundle_draft(&self, bundle_draft_id: BundleDraftId) -> Result<Vec<String>> {
        let mut tx = self.begin_write().await?;
        let locked =
            sqlx::query("update bundle_drafts set updated_at = updated_at where id = $1 and bundle_id is null")
                .bind(bundle_draft_id)
                .execute(&mut *tx)
                .await?;
        if locked.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(Vec::new());
        }
        let keys: Vec<String> = sqlx::query(
            "select a.storage_key from attachments a join drafts d on d.id = a.draft_id \
             where d.bundle_draft_id = $1 and a.case_id is null",
        )
        .bind(bundle_draft_id)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|r| r.try_get("storage_key"))
        .collect::<std::result::Result<_, _>>()?;
        sqlx::query(
            "delete from attachments where case_id is null and draft_id in \
             (select id from drafts where bundle_draft_id = $1)",
        )
        .bind(bundle_draft_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("delete from drafts where bundle_draft_id = $1 and case_id is null")
            .bind(bundle_draft_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from bundle_drafts where id = $1").bind(bundle_draft_id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(keys)
    }

    /// Files the bundle: exactly once per bundle draft and per applicant and key.
    pub async fn submit_bundle(&self, s: &BundleSubmission<'_>) -> Result<BundleSubmitted> {
        let mut tx = match self.open_filing(Filed::Bundle(s.bundle_draft_id), s.applicant_id, s.idempotency_key).await?
        {
            Opened::New(tx) => tx,
            Opened::Before { id, number } => {
                return Ok(BundleSubmitted { bundle_id: BundleId::new(id), bundle_number: number, replayed: true })
            }
        };
        // The bundle is registered in the business guide team's series.
        let bundle_number = next_number(&mut tx, COORDINATING_UNIT, s.year).await?;
        // The coordinator: the business guide team's case officer with the fewest bundles.
        let coordinator: Option<UserId> = sqlx::query(
            "select u.id from users u where u.disabled_at is null and exists (select 1 from access_grants g \
             where g.user_id = u.id and g.role = 'case-officer' and g.scope = $1 and g.revoked_at is null \
             and g.valid_from <= $2 and g.valid_until > $2) \
             order by (select count(*) from bundles b where b.coordinator_id = u.id), u.id limit 1",
        )
        .bind(format!("unit:{COORDINATING_UNIT}"))
        .bind(s.now)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("id"))
        .transpose()?;
        let bundle_id: BundleId = sqlx::query(
            "insert into bundles (bundle_number, organisation, organisation_name, applicant_id, lang, \
             ruleset_version, guide_answers, shared, coordinator_id, submitted_at, idempotency_key) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id",
        )
        .bind(&bundle_number)
        .bind(s.organisation)
        .bind(s.organisation_name)
        .bind(s.applicant_id)
        .bind(s.lang)
        .bind(s.ruleset_version)
        .bind(s.guide_answers)
        .bind(answers_to_json(s.shared))
        .bind(coordinator)
        .bind(s.now)
        .bind(s.idempotency_key)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        bundle_event(
            &mut tx,
            bundle_id,
            s.now,
            Ev { actor: Some(s.applicant_id), kind: "submitted", permit: None, detail: None, public: true },
        )
        .await?;
        for (position, p) in s.parts.iter().enumerate() {
            let key = format!("{}:{}", s.idempotency_key, p.permit_key);
            let sub = Submission {
                draft_id: p.draft_id,
                applicant_id: s.applicant_id,
                acting_for: Some(s.organisation),
                idempotency_key: &key,
                definition_id: p.definition_id,
                service_slug: p.service_slug,
                unit_code: p.unit_code,
                provider_unit: None,
                provider_org: None,
                year: s.year,
                lang: s.lang,
                answers: p.answers,
                handling_days: p.handling_days,
                day_kind: p.day_kind,
                channel: s.channel,
                now: s.now,
            };
            let (case_id, case_number) = insert_case(&mut tx, &sub, Some(bundle_id)).await?;
            sqlx::query("update drafts set case_id = $1, updated_at = $2 where id = $3")
                .bind(case_id)
                .bind(s.now)
                .bind(p.draft_id)
                .execute(&mut *tx)
                .await?;
            let referral_sent = p.authority.and(p.referral_address).map(|_| s.now);
            sqlx::query(
                "insert into bundle_parts (bundle_id, permit_key, position, case_id, authority, depends_on, \
                 referral_sent_at) values ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(bundle_id)
            .bind(p.permit_key)
            .bind(i64::try_from(position).unwrap_or(0))
            .bind(case_id)
            .bind(p.authority)
            .bind(p.depends_on.join(" "))
            .bind(referral_sent)
            .execute(&mut *tx)
            .await?;
            bundle_event(
                &mut tx,
                bundle_id,
                s.now,
                Ev {
                    actor: None,
                    kind: "part-filed",
                    permit: Some(p.permit_key),
                    detail: Some(&case_number),
                    public: true,
                },
            )
            .await?;
            if let (Some(authority), Some(address)) = (p.authority, p.referral_address) {
                // The referral goes to the authority's address through the outbox, in Swedish.
                let args = serde_json::json!({
                    "case_number": case_number, "bundle_number": bundle_number, "service": p.service_slug,
                    "organisation": s.organisation, "organisation_name": s.organisation_name,
                    "authority": authority,
                });
                sqlx::query(
                    "insert into outbox (channel, recipient, lang, event, user_id, case_id, args, created_at, \
                     next_attempt_at, bundle_id) values ('email', $1, 'sv', $2, null, $3, $4, $5, $5, $6)",
                )
                .bind(address)
                .bind(NotificationEvent::Referral.slug())
                .bind(case_id)
                .bind(args.to_string())
                .bind(s.now)
                .bind(bundle_id)
                .execute(&mut *tx)
                .await?;
                bundle_event(
                    &mut tx,
                    bundle_id,
                    s.now,
                    Ev {
                        actor: None,
                        kind: "referral-sent",
                        permit: Some(p.permit_key),
                        detail: Some(authority),
                        public: true,
                    },
                )
                .await?;
            }
        }
        sqlx::query("update bundle_drafts set bundle_id = $1, updated_at = $2 where id = $3")
            .bind(bundle_id)
            .bind(s.now)
            .bind(s.bundle_draft_id)
            .execute(&mut *tx)
            .await?;
        let args = serde_json::json!({ "case_number": bundle_number, "count": s.parts.len(), "bundle_id": bundle_id });
        crate::outbox::enqueue_bundle(
            &mut tx,
            s.applicant_id,
            NotificationEvent::BundleReceipt,
            bundle_id,
            &args,
            s.now,
        )
        .await?;
        tx.audit_object(bundle_id);
        tx.commit().await?;
        Ok(BundleSubmitted { bundle_id, bundle_number, replayed: false })
    }

    pub async fn bundle(&self, id: BundleId) -> Result<Option<BundleRecord>> {
        let row = sqlx::query(&format!("select {BUNDLE_COLUMNS} {BUNDLE_FROM} where b.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(bundle_from_row).transpose()
    }

    /// The bundle a case is part of, with the case's permit key.
    pub async fn bundle_of_case(&self, case_id: CaseId) -> Result<Option<(BundleId, String)>> {
        let row = sqlx::query("select bundle_id, permit_key from bundle_parts where case_id = $1")
            .bind(case_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok((r.try_get("bundle_id")?, r.try_get("permit_key")?))).transpose()
    }

    /// A bundle's parts in the rules' order, with each case's standing at `now`.
    pub async fn bundle_parts(&self, bundle_id: BundleId, now: i64) -> Result<Vec<PartRecord>> {
        let rows = sqlx::query(
            "select p.permit_key, p.position, p.case_id, p.authority, p.depends_on, p.referral_sent_at, \
             c.case_number, c.unit_code, c.service_slug, c.status, c.outcome, c.submitted_at, c.handling_days, \
             c.paused_seconds, c.paused_since, c.day_kind, asg.display_name as assignee_name, \
             (select count(*) from completion_requests r where r.case_id = c.id and r.answered_at is null) as open_completions \
             from bundle_parts p join cases c on c.id = p.case_id left join users asg on asg.id = c.assignee_id \
             where p.bundle_id = $1 order by p.position",
        )
        .bind(bundle_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let status_s: String = r.try_get("status")?;
                let status = CaseStatus::parse(&status_s)
                    .ok_or_else(|| DbError::CorruptRow(format!("case status {status_s}")))?;
                let outcome: Option<String> = r.try_get("outcome")?;
                let clk = crate::cases::clock_of(r)?;
                Ok(PartRecord {
                    permit_key: r.try_get("permit_key")?,
                    position: r.try_get("position")?,
                    case_id: r.try_get("case_id")?,
                    case_number: r.try_get("case_number")?,
                    unit_code: r.try_get("unit_code")?,
                    service_slug: r.try_get("service_slug")?,
                    status,
                    outcome: outcome.as_deref().and_then(DecisionOutcome::parse),
                    due_at: clk.due_at(now),
                    standing: status.is_open().then(|| clk.standing(now)),
                    assignee_name: r.try_get("assignee_name")?,
                    authority: r.try_get("authority")?,
                    depends_on: split_keys(&r.try_get::<String, _>("depends_on")?),
                    referral_sent_at: r.try_get("referral_sent_at")?,
                    open_completions: r.try_get("open_completions")?,
                })
            })
            .collect()
    }

    /// Bundles filed by a person, newest first.
    pub async fn bundles_of_applicant(&self, user_id: UserId) -> Result<Vec<BundleSummary>> {
        self.bundle_list("where b.applicant_id = $1", user_id.get()).await
    }

    /// Bundles a coordinator holds, newest first.
    pub async fn bundles_of_coordinator(&self, user_id: UserId) -> Result<Vec<BundleSummary>> {
        self.bundle_list("where b.coordinator_id = $1", user_id.get()).await
    }

    /// Bundles with a part in one of these units, newest first.
    pub async fn bundles_of_units(&self, units: &[String]) -> Result<Vec<BundleSummary>> {
        let mut out: Vec<BundleSummary> = Vec::new();
        for u in units {
            let rows = sqlx::query("select distinct p.bundle_id from bundle_parts p join cases c on c.id = p.case_id where c.unit_code = $1")
                .bind(u)
                .fetch_all(&self.pool)
                .await?;
            for r in rows {
                let id: BundleId = r.try_get("bundle_id")?;
                if !out.iter().any(|b| b.id == id) {
                    out.extend(self.bundle_list("where b.id = $1", id.get()).await?);
                }
            }
        }
        out.sort_by(|a, b| b.submitted_at.cmp(&a.submitted_at).then(b.id.cmp(&a.id)));
        Ok(out)
    }

    /// Every bundle (the business guide team sees the team's whole list), newest first.
    pub async fn all_bundles(&self) -> Result<Vec<BundleSummary>> {
        self.bundle_list("where $1 = $1", 0).await
    }

    async fn bundle_list(&self, filter: &str, arg: i64) -> Result<Vec<BundleSummary>> {
        let rows = sqlx::query(&format!(
            "select b.id, b.bundle_number, b.organisation_name, co.display_name as coordinator_name, b.submitted_at, \
             (select count(*) from bundle_parts p where p.bundle_id = b.id) as parts, \
             (select count(*) from bundle_parts p join cases c on c.id = p.case_id where p.bundle_id = b.id \
              and c.status in ('decided', 'closed')) as decided, \
             (select count(*) from bundle_messages m where m.bundle_id = b.id and m.from_applicant = 1 \
              and m.read_at is null) as unread \
             from bundles b left join users co on co.id = b.coordinator_id {filter} order by b.submitted_at desc, b.id desc"
        ))
        .bind(arg)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(BundleSummary {
                    id: r.try_get("id")?,
                    bundle_number: r.try_get("bundle_number")?,
                    organisation_name: r.try_get("organisation_name")?,
                    coordinator_name: r.try_get("coordinator_name")?,
                    submitted_at: r.try_get("submitted_at")?,
                    parts: r.try_get("parts")?,
                    decided: r.try_get("decided")?,
                    unread: r.try_get("unread")?,
                })
            })
            .collect()
    }

    /// The bundle's own timeline (the parts' case events are read per case).
    pub async fn bundle_events(&self, bundle_id: BundleId, include_internal: bool) -> Result<Vec<BundleEvent>> {
        let rows = sqlx::query(
            "select e.at, u.display_name as actor_name, e.kind, e.permit_key, e.detail, e.public \
             from bundle_events e left join users u on u.id = e.actor_id \
             where e.bundle_id = $1 and (e.public = 1 or $2 = 1) order by e.at, e.id",
        )
        .bind(bundle_id)
        .bind(i64::from(include_internal))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(BundleEvent {
                    at: r.try_get("at")?,
                    actor_name: r.try_get("actor_name")?,
                    kind: r.try_get("kind")?,
                    permit_key: r.try_get("permit_key")?,
                    detail: r.try_get("detail")?,
                    public: r.try_get::<i64, _>("public")? != 0,
                })
            })
            .collect()
    }

    /// A message in the bundle's one inbox; the other side is notified (the entrepreneur on
    /// their channel when the city writes).
    pub async fn add_bundle_message(
        &self,
        bundle_id: BundleId,
        author: UserId,
        from_applicant: bool,
        body: &str,
        now: i64,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query(
            "insert into bundle_messages (bundle_id, at, author_id, from_applicant, body) values ($1, $2, $3, $4, $5) \
             returning id",
        )
        .bind(bundle_id)
        .bind(now)
        .bind(author)
        .bind(i64::from(from_applicant))
        .bind(body)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        bundle_event(
            &mut tx,
            bundle_id,
            now,
            Ev { actor: Some(author), kind: "message", permit: None, detail: None, public: true },
        )
        .await?;
        if !from_applicant {
            let row = sqlx::query("select applicant_id, bundle_number from bundles where id = $1")
                .bind(bundle_id)
                .fetch_one(&mut *tx)
                .await?;
            let args = serde_json::json!({ "case_number": row.try_get::<String, _>("bundle_number")?, "bundle_id": bundle_id });
            crate::outbox::enqueue_bundle(
                &mut tx,
                row.try_get("applicant_id")?,
                NotificationEvent::BundleMessage,
                bundle_id,
                &args,
                now,
            )
            .await?;
        }
        tx.audit_object(id);
        tx.commit().await?;
        Ok(id)
    }

    pub async fn bundle_messages(&self, bundle_id: BundleId) -> Result<Vec<BundleMessage>> {
        let rows = sqlx::query(
            "select m.id, m.at, u.display_name as author_name, m.from_applicant, m.body, m.read_at \
             from bundle_messages m join users u on u.id = m.author_id where m.bundle_id = $1 order by m.at, m.id",
        )
        .bind(bundle_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(BundleMessage {
                    id: r.try_get("id")?,
                    at: r.try_get("at")?,
                    author_name: r.try_get("author_name")?,
                    from_applicant: r.try_get::<i64, _>("from_applicant")? != 0,
                    body: r.try_get("body")?,
                    read_at: r.try_get("read_at")?,
                })
            })
            .collect()
    }

    /// Marks the other side's messages read.
    pub async fn mark_bundle_messages_read(
        &self,
        bundle_id: BundleId,
        reader_is_applicant: bool,
        now: i64,
    ) -> Result<()> {
        sqlx::query(
            "update bundle_messages set read_at = $1 where bundle_id = $2 and from_applicant = $3 and read_at is null",
        )
        .bind(now)
        .bind(bundle_id)
        .bind(i64::from(!reader_is_applicant))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records the outside authority's answer to a referral part: the referral case is started
    /// if need be and decided with the authority's outcome, and the bundle's timeline says so.
    /// The caller has checked the coordinator.
    pub async fn record_referral_answer(
        &self,
        case_id: CaseId,
        actor: UserId,
        decision: &crate::NewDecision<'_>,
        now: i64,
    ) -> Result<()> {
        let Some((bundle_id, permit_key)) = self.bundle_of_case(case_id).await? else {
            return Err(crate::DbError::NotFound);
        };
        let status = self.case_record(case_id).await?.map(|c| c.status);
        if status == Some(CaseStatus::Submitted) {
            self.start_case(case_id, actor, now).await?;
        }
        self.decide_case(case_id, actor, decision, now).await?;
        {
            let mut tx = self.begin_write().await?;
            bundle_event(
                &mut tx,
                bundle_id,
                now,
                Ev {
                    actor: Some(actor),
                    kind: "referral-answered",
                    permit: Some(&permit_key),
                    detail: Some(decision.outcome.slug()),
                    public: true,
                },
            )
            .await?;
            tx.commit().await?;
        }
        Ok(())
    }

    /// Asks another unit for a statement (remiss) on a part's case, due on `due_day`.
    pub async fn request_statement(
        &self,
        case_id: CaseId,
        to_unit: &str,
        question: &str,
        due_day: i64,
        by: UserId,
        now: i64,
    ) -> Result<Option<i64>> {
        let mut tx = self.begin_write().await?;
        let Some((bundle_id, permit_key)) = bundle_of_case(&mut tx, case_id).await? else {
            tx.rollback().await?;
            return Ok(None);
        };
        let id: i64 = sqlx::query(
            "insert into statement_requests (bundle_id, case_id, to_unit, question, due_day, requested_by, requested_at) \
             values ($1, $2, $3, $4, $5, $6, $7) returning id",
        )
        .bind(bundle_id)
        .bind(case_id)
        .bind(to_unit)
        .bind(question)
        .bind(due_day)
        .bind(by)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        bundle_event(
            &mut tx,
            bundle_id,
            now,
            Ev {
                actor: Some(by),
                kind: "statement-requested",
                permit: Some(&permit_key),
                detail: Some(to_unit),
                public: false,
            },
        )
        .await?;
        tx.audit_object(id);
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Answers a statement request once; `false` if it was answered already or does not exist.
    pub async fn answer_statement(&self, id: i64, answer: &str, by: UserId, now: i64) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update statement_requests set answer = $1, answered_by = $2, answered_at = $3 \
             where id = $4 and answered_at is null",
        )
        .bind(answer)
        .bind(by)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        let row = sqlx::query(
            "select s.bundle_id, s.to_unit, p.permit_key from statement_requests s \
             join bundle_parts p on p.case_id = s.case_id where s.id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        let bundle_id: BundleId = row.try_get("bundle_id")?;
        let permit_key: String = row.try_get("permit_key")?;
        let to_unit: String = row.try_get("to_unit")?;
        bundle_event(
            &mut tx,
            bundle_id,
            now,
            Ev {
                actor: Some(by),
                kind: "statement-answered",
                permit: Some(&permit_key),
                detail: Some(&to_unit),
                public: false,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Statement requests of a bundle, oldest first.
    pub async fn statements_of_bundle(&self, bundle_id: BundleId) -> Result<Vec<StatementRequest>> {
        let rows = sqlx::query(&statement_sql("where s.bundle_id = $1")).bind(bundle_id).fetch_all(&self.pool).await?;
        rows.iter().map(statement_from_row).collect()
    }

    /// Statement requests to a unit, unanswered first.
    pub async fn statements_to_unit(&self, unit: &str) -> Result<Vec<StatementRequest>> {
        let rows = sqlx::query(&statement_sql("where s.to_unit = $1")).bind(unit).fetch_all(&self.pool).await?;
        rows.iter().map(statement_from_row).collect()
    }
}

fn statement_sql(filter: &str) -> String {
    format!(
        "select s.id, s.bundle_id, b.bundle_number, s.case_id, c.case_number, c.unit_code as from_unit, s.to_unit, \
         s.question, s.due_day, rq.display_name as requested_by_name, s.requested_at, s.answer, \
         an.display_name as answered_by_name, s.answered_at \
         from statement_requests s join bundles b on b.id = s.bundle_id join cases c on c.id = s.case_id \
         join users rq on rq.id = s.requested_by left join users an on an.id = s.answered_by {filter} \
         order by case when s.answered_at is null then 0 else 1 end, s.due_day, s.id"
    )
}

fn statement_from_row(r: &AnyRow) -> Result<StatementRequest> {
    Ok(StatementRequest {
        id: r.try_get("id")?,
        bundle_id: r.try_get("bundle_id")?,
        bundle_number: r.try_get("bundle_number")?,
        case_id: r.try_get("case_id")?,
        case_number: r.try_get("case_number")?,
        from_unit: r.try_get("from_unit")?,
        to_unit: r.try_get("to_unit")?,
        question: r.try_get("question")?,
        due_day: r.try_get("due_day")?,
        requested_by_name: r.try_get("requested_by_name")?,
        requested_at: r.try_get("requested_at")?,
        answer: r.try_get("answer")?,
        answered_by_name: r.try_get("answered_by_name")?,
        answered_at: r.try_get("answered_at")?,
    })
}

/// Refuses a draft that is not a part of this bundle draft (a caller's mistake, never data).
async fn ensure_part(tx: &mut Tx<'_>, bundle_draft_id: BundleDraftId, draft_id: DraftId) -> Result<()> {
    let part = sqlx::query("select 1 from drafts where id = $1 and bundle_draft_id = $2")
        .bind(draft_id)
        .bind(bundle_draft_id)
        .fetch_optional(&mut **tx)
        .await?;
    match part {
        Some(_) => Ok(()),
        None => Err(DbError::CorruptRow(format!("draft {draft_id} is not a part of bundle draft {bundle_draft_id}"))),
    }
}

async fn touch_parts(tx: &mut Tx<'_>, bundle_draft_id: BundleDraftId, now: i64, expires_at: i64) -> Result<()> {
    sqlx::query(
        "update drafts set updated_at = $1, expires_at = $2, reminded_at = null \
         where bundle_draft_id = $3 and case_id is null",
    )
    .bind(now)
    .bind(expires_at)
    .bind(bundle_draft_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
