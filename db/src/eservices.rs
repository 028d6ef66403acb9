//! E-service definitions (versioned, draft → live → retired), the drafts residents fill in, and
//! the metadata of uploaded files.
//!
//! Policy:
//! - A definition is stored only after `ServiceDefinition::from_toml` accepted it and its units
//!   and catalogue service exist here; a published version is never changed, and each draft and
//!   case points at the version it was filled in under.
//! - A draft's answers are one JSON document, written whole on every saved step; the token in its
//!   URL is random, and every read is scoped to the signed-in owner by the caller.
//! - File bytes are not here (see the server's attachment storage); a row names the random storage
//!   key, the type recognised by content, the size, the SHA-256 and the virus-scan status.

use crate::measure::JourneyEvent;
use crate::{DbError, Result, Store};
use sqlx::any::AnyRow;
use sqlx::Row;
use stadsporten_domain::eservice::{Answer, Answers, FileRef, ServiceDefinition};
use stadsporten_domain::ids::{AttachmentId, BundleDraftId, CaseId, DefinitionId, DraftId, DraftToken, UserId};
use stadsporten_domain::measure::{JourneyKind, Origin};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// Where a definition version is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefinitionStatus {
    Draft,
    Live,
    Retired,
}

impl DefinitionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DefinitionStatus::Draft => "draft",
            DefinitionStatus::Live => "live",
            DefinitionStatus::Retired => "retired",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        match s {
            "draft" => Ok(DefinitionStatus::Draft),
            "live" => Ok(DefinitionStatus::Live),
            "retired" => Ok(DefinitionStatus::Retired),
            other => Err(DbError::CorruptRow(format!("definition status {other}"))),
        }
    }
}

/// A stored definition version.
#[derive(Debug, Clone)]
pub struct DefinitionRecord {
    pub id: DefinitionId,
    pub slug: String,
    pub version: i64,
    pub status: DefinitionStatus,
    pub title_sv: String,
    pub unit_code: String,
    pub handling_days: i64,
    pub uploaded_by: Option<String>,
    pub uploaded_at: i64,
    pub published_at: Option<i64>,
    pub definition: ServiceDefinition,
}

/// Why an upload was refused beyond the file's own validation (fluent ids with a detail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadRefusal {
    /// The catalogue has no such service.
    UnknownService(String),
    /// A receiving unit does not exist.
    UnknownUnit(String),
    /// This version was published once and is frozen.
    VersionPublished(i64),
}

impl UploadRefusal {
    pub fn code(&self) -> (&'static str, String) {
        match self {
            UploadRefusal::UnknownService(s) => ("def-error-unknown-service", s.clone()),
            UploadRefusal::UnknownUnit(u) => ("def-error-unknown-unit", u.clone()),
            UploadRefusal::VersionPublished(v) => ("def-error-version-published", v.to_string()),
        }
    }
}

/// A resident's draft.
#[derive(Debug, Clone)]
pub struct DraftRecord {
    pub id: DraftId,
    pub token: DraftToken,
    pub user_id: UserId,
    pub acting_for: Option<String>,
    pub definition_id: DefinitionId,
    pub answers: Answers,
    pub current_step: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub expires_at: i64,
    pub case_id: Option<CaseId>,
    /// A permit's part of a bundle draft (see `bundles`), and the permit's key in the rules.
    pub bundle_draft_id: Option<BundleDraftId>,
    pub permit_key: Option<String>,
    /// How far the journey has come (1 = the first step, steps + 1 = the check page).
    pub furthest: i64,
    /// Where the journey comes from (for its measurement).
    pub origin: Origin,
    /// Started by the contact centre for the owner, with their consent (assisted digital).
    pub assisted: Option<Assistance>,
}

/// An agent's part in a draft: who, the consent (how and when), and whether the agent submits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assistance {
    pub agent: UserId,
    pub consent_at: i64,
    /// How the consent was given (`phone`, `visit`, …).
    pub consent_via: String,
    pub agent_submits: bool,
}

/// A draft in a list on Mina sidor.
#[derive(Debug, Clone)]
pub struct DraftSummary {
    pub token: DraftToken,
    pub slug: String,
    pub definition_id: DefinitionId,
    pub updated_at: i64,
    pub expires_at: i64,
}

/// A file to record.
#[derive(Debug, Clone)]
pub struct NewAttachment<'a> {
    pub storage_key: &'a str,
    pub owner_id: UserId,
    pub field_id: Option<&'a str>,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub scan_status: ScanStatus,
    /// Stored encrypted (a confidentiality-3 e-service's file).
    pub encrypted: bool,
    pub now: i64,
}

/// The virus-scan status of a stored file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanStatus {
    Clean,
    /// Waiting for a scan (the scanner was unreachable): kept, never shown to staff until clean.
    Held,
    /// No scanner is configured (development only; production refuses to start without one).
    NotScanned,
    /// Found infected on a later scan: the bytes are deleted.
    Infected,
}

impl ScanStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ScanStatus::Clean => "clean",
            ScanStatus::Held => "held",
            ScanStatus::NotScanned => "not-scanned",
            ScanStatus::Infected => "infected",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        match s {
            "clean" => Ok(ScanStatus::Clean),
            "held" => Ok(ScanStatus::Held),
            "not-scanned" => Ok(ScanStatus::NotScanned),
            "infected" => Ok(ScanStatus::Infected),
            other => Err(DbError::CorruptRow(format!("scan status {other}"))),
        }
    }

    /// Whether staff may open the file.
    pub fn viewable(self) -> bool {
        matches!(self, ScanStatus::Clean | ScanStatus::NotScanned)
    }
}

#[derive(Debug, Clone)]
pub struct AttachmentRecord {
    pub id: AttachmentId,
    pub storage_key: String,
    pub owner_id: UserId,
    pub draft_id: Option<DraftId>,
    pub case_id: Option<CaseId>,
    pub message_id: Option<i64>,
    pub field_id: Option<String>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub scan_status: ScanStatus,
    pub uploaded_at: i64,
    pub removed_at: Option<i64>,
    pub encrypted: bool,
}

const DEFINITION_COLUMNS: &str =
    "d.id, d.slug, d.version, d.status, d.source, d.title_sv, d.unit_code, d.handling_days, \
     d.uploaded_at, d.published_at, u.display_name as uploaded_by";

/// Which definition record: a version by id, or a service's live one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum RecordKey {
    Id(DefinitionId),
    Live(String),
}

/// Parsed definitions by id with the source they were parsed from. Parsing the TOML was a tenth of
/// a form step's CPU (docs/benchmarks.md); a stored source changes only while it is a draft, so
/// an entry is used only while its source is the same text.
pub(crate) type DefinitionCache = Arc<RwLock<HashMap<DefinitionId, (String, ServiceDefinition)>>>;

fn parsed_definition(cache: &DefinitionCache, id: DefinitionId, source: String) -> Result<ServiceDefinition> {
    if let Some((cached, def)) = cache.read().unwrap_or_else(|p| p.into_inner()).get(&id) {
        if *cached == source {
            return Ok(def.clone());
        }
    }
    let definition = ServiceDefinition::from_toml(&source)
        .map_err(|e| DbError::CorruptRow(format!("definition {id} no longer loads: {e:?}")))?;
    let mut cache = cache.write().unwrap_or_else(|p| p.into_inner());
    // A bound on what an administrator's uploads can make this hold; the live ones come back.
    if cache.len() >= 256 {
        cache.clear();
    }
    cache.insert(id, (source, definition.clone()));
    Ok(definition)
}

fn definition_from_row(cache: &DefinitionCache, r: &AnyRow) -> Result<DefinitionRecord> {
    let status: String = r.try_get("status")?;
    let source: String = r.try_get("source")?;
    let id: DefinitionId = r.try_get("id")?;
    let definition = parsed_definition(cache, id, source)?;
    Ok(DefinitionRecord {
        id,
        slug: r.try_get("slug")?,
        version: r.try_get("version")?,
        status: DefinitionStatus::parse(&status)?,
        title_sv: r.try_get("title_sv")?,
        unit_code: r.try_get("unit_code")?,
        handling_days: r.try_get("handling_days")?,
        uploaded_by: r.try_get("uploaded_by")?,
        uploaded_at: r.try_get("uploaded_at")?,
        published_at: r.try_get("published_at")?,
        definition,
    })
}

pub(crate) fn answers_from_json(json: &str) -> Result<Answers> {
    serde_json::from_str(json).map_err(|e| DbError::CorruptRow(format!("answers: {e}")))
}

pub(crate) fn answers_to_json(answers: &Answers) -> String {
    serde_json::to_string(answers).unwrap_or_else(|_| "{}".into())
}

use crate::tx::Tx;

/// A draft's answers, read inside the caller's transaction.
pub(crate) async fn draft_answers(tx: &mut Tx<'_>, draft_id: DraftId) -> Result<Answers> {
    let json: String = sqlx::query("select answers from drafts where id = $1")
        .bind(draft_id)
        .fetch_one(&mut **tx)
        .await?
        .try_get("answers")?;
    answers_from_json(&json)
}

/// Writes a draft's whole answer document inside the caller's transaction.
pub(crate) async fn write_draft_answers(tx: &mut Tx<'_>, draft_id: DraftId, answers: &Answers) -> Result<()> {
    sqlx::query("update drafts set answers = $1 where id = $2")
        .bind(answers_to_json(answers))
        .bind(draft_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Records a file and adds it to a draft's field, inside the caller's transaction.
pub(crate) async fn add_draft_file(
    tx: &mut Tx<'_>,
    draft_id: DraftId,
    field_id: &str,
    file: &NewAttachment<'_>,
) -> Result<FileRef> {
    let mut answers = draft_answers(tx, draft_id).await?;
    let id = insert_attachment(tx, file, Some(draft_id), None, None).await?;
    let file_ref = FileRef { id, name: file.file_name.to_owned(), size: file.size_bytes };
    let mut list = answers.get(field_id).map(|a| a.files().to_vec()).unwrap_or_default();
    list.push(file_ref.clone());
    answers.insert(field_id.to_owned(), Answer::Files(list));
    write_draft_answers(tx, draft_id, &answers).await?;
    Ok(file_ref)
}

/// Takes one file out of a draft: from its field's answer and the attachment row.
pub(crate) async fn remove_draft_file(tx: &mut Tx<'_>, draft_id: DraftId, attachment_id: AttachmentId) -> Result<()> {
    let mut answers = draft_answers(tx, draft_id).await?;
    answers.retain(|_, a| {
        if let Answer::Files(list) = a {
            list.retain(|f| f.id != attachment_id);
            !list.is_empty()
        } else {
            true
        }
    });
    write_draft_answers(tx, draft_id, &answers).await?;
    sqlx::query("delete from attachments where id = $1").bind(attachment_id).execute(&mut **tx).await?;
    Ok(())
}

pub(crate) const DRAFT_COLUMNS: &str =
    "id, token, user_id, acting_for, definition_id, answers, current_step, created_at, updated_at, expires_at, case_id, \
     bundle_draft_id, permit_key, furthest, journey, assisted_by, consent_at, consent_via, agent_submits";

pub(crate) fn draft_from_row(r: &AnyRow) -> Result<DraftRecord> {
    Ok(DraftRecord {
        id: r.try_get("id")?,
        token: r.try_get("token")?,
        user_id: r.try_get("user_id")?,
        acting_for: r.try_get("acting_for")?,
        definition_id: r.try_get("definition_id")?,
        answers: answers_from_json(&r.try_get::<String, _>("answers")?)?,
        current_step: r.try_get("current_step")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        expires_at: r.try_get("expires_at")?,
        case_id: r.try_get("case_id")?,
        bundle_draft_id: r.try_get("bundle_draft_id")?,
        permit_key: r.try_get("permit_key")?,
        furthest: r.try_get("furthest")?,
        origin: Origin::parse(&r.try_get::<String, _>("journey")?),
        assisted: match r.try_get::<Option<UserId>, _>("assisted_by")? {
            Some(agent) => Some(Assistance {
                agent,
                consent_at: r.try_get::<Option<i64>, _>("consent_at")?.unwrap_or_default(),
                consent_via: r.try_get::<Option<String>, _>("consent_via")?.unwrap_or_default(),
                agent_submits: r.try_get::<i64, _>("agent_submits")? != 0,
            }),
            None => None,
        },
    })
}

const ATTACHMENT_COLUMNS: &str = "id, storage_key, owner_id, draft_id, case_id, message_id, field_id, file_name, \
     content_type, size_bytes, sha256, scan_status, uploaded_at, removed_at, encrypted";

pub(crate) fn attachment_from_row(r: &AnyRow) -> Result<AttachmentRecord> {
    Ok(AttachmentRecord {
        id: r.try_get("id")?,
        storage_key: r.try_get("storage_key")?,
        owner_id: r.try_get("owner_id")?,
        draft_id: r.try_get("draft_id")?,
        case_id: r.try_get("case_id")?,
        message_id: r.try_get("message_id")?,
        field_id: r.try_get("field_id")?,
        file_name: r.try_get("file_name")?,
        content_type: r.try_get("content_type")?,
        size_bytes: r.try_get("size_bytes")?,
        sha256: r.try_get("sha256")?,
        scan_status: ScanStatus::parse(&r.try_get::<String, _>("scan_status")?)?,
        uploaded_at: r.try_get("uploaded_at")?,
        removed_at: r.try_get("removed_at")?,
        encrypted: r.try_get::<i64, _>("encrypted")? != 0,
    })
}

impl Store {
    /// Stores a validated definition as a draft version. Re-uploading an unpublished version
    /// replaces it; a published version is frozen.
    pub async fn upload_definition(
        &self,
        def: &ServiceDefinition,
        by: Option<UserId>,
        now: i64,
    ) -> Result<DefinitionId> {
        let mut tx = self.begin_write().await?;
        // A write first: SQLite takes its write lock now rather than failing to upgrade later.
        sqlx::query("update service_definitions set status = status where slug = $1")
            .bind(&def.slug)
            .execute(&mut *tx)
            .await?;
        let service =
            sqlx::query("select 1 from services where slug = $1").bind(&def.slug).fetch_optional(&mut *tx).await?;
        if service.is_none() {
            tx.rollback().await?;
            return Err(UploadRefusal::UnknownService(def.slug.clone()).into());
        }
        for unit in def.receiving_units() {
            if sqlx::query("select 1 from units where code = $1").bind(&unit).fetch_optional(&mut *tx).await?.is_none()
            {
                tx.rollback().await?;
                return Err(UploadRefusal::UnknownUnit(unit).into());
            }
        }
        let version = i64::from(def.version);
        let existing = sqlx::query("select id, status from service_definitions where slug = $1 and version = $2")
            .bind(&def.slug)
            .bind(version)
            .fetch_optional(&mut *tx)
            .await?;
        let source = def.to_toml();
        let title = def.title.get(stadsporten_domain::Lang::Sv).to_owned();
        let id = match existing {
            Some(row) if row.try_get::<String, _>("status")? != "draft" => {
                tx.rollback().await?;
                return Err(UploadRefusal::VersionPublished(version).into());
            }
            Some(row) => {
                let id: DefinitionId = row.try_get("id")?;
                sqlx::query(
                    "update service_definitions set source = $1, title_sv = $2, unit_code = $3, handling_days = $4, \
                     uploaded_by = $5, uploaded_at = $6 where id = $7",
                )
                .bind(&source)
                .bind(&title)
                .bind(&def.unit)
                .bind(i64::from(def.handling_days))
                .bind(by)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                id
            }
            None => sqlx::query(
                "insert into service_definitions (slug, version, status, source, title_sv, unit_code, handling_days, \
                 uploaded_by, uploaded_at) values ($1, $2, 'draft', $3, $4, $5, $6, $7, $8) returning id",
            )
            .bind(&def.slug)
            .bind(version)
            .bind(&source)
            .bind(&title)
            .bind(&def.unit)
            .bind(i64::from(def.handling_days))
            .bind(by)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?,
        };
        tx.audit_object(id);
        tx.commit().await?;
        self.changed(crate::changes::Topic::Content);
        Ok(id)
    }

    /// Makes a version the live one of its service; the previous live version is retired. Drafts
    /// and cases keep the version they were made under. `false` when there is no such version.
    pub async fn publish_definition(&self, id: DefinitionId, by: Option<UserId>, now: i64) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        sqlx::query("update service_definitions set status = status where id = $1").bind(id).execute(&mut *tx).await?;
        let Some(row) =
            sqlx::query("select slug from service_definitions where id = $1").bind(id).fetch_optional(&mut *tx).await?
        else {
            tx.rollback().await?;
            return Ok(false);
        };
        let slug: String = row.try_get("slug")?;
        sqlx::query(
            "update service_definitions set status = 'retired' where slug = $1 and status = 'live' and id <> $2",
        )
        .bind(&slug)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "update service_definitions set status = 'live', published_by = $1, published_at = $2 where id = $3",
        )
        .bind(by)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.changed(crate::changes::Topic::Content);
        Ok(true)
    }

    /// Every stored version, newest first within each service.
    pub async fn definitions(&self) -> Result<Vec<DefinitionRecord>> {
        let rows = sqlx::query(&format!(
            "select {DEFINITION_COLUMNS} from service_definitions d left join users u on u.id = d.uploaded_by \
             order by d.slug, d.version desc"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| definition_from_row(&self.definition_cache, r)).collect()
    }

    /// A stored version, with its options filled in. Kept in memory until the content changes
    /// (`changes.rs`): a form step reads its definition on every request.
    /// Shared, not copied: a definition is large (every text in every language), and copying it
    /// on each request was a tenth of a form step's CPU.
    pub async fn definition(&self, id: DefinitionId) -> Result<Option<Arc<DefinitionRecord>>> {
        let load = || async { Ok(self.definition_uncached(id).await?.map(Arc::new)) };
        self.memos.definitions.get_or_load(self, RecordKey::Id(id), load).await
    }

    async fn definition_uncached(&self, id: DefinitionId) -> Result<Option<DefinitionRecord>> {
        let row = sqlx::query(&format!(
            "select {DEFINITION_COLUMNS} from service_definitions d left join users u on u.id = d.uploaded_by \
             where d.id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        self.with_options(row.as_ref().map(|r| definition_from_row(&self.definition_cache, r)).transpose()?).await
    }

    /// Fills the options that are data (`options_from`) from what is stored now.
    async fn with_options(&self, record: Option<DefinitionRecord>) -> Result<Option<DefinitionRecord>> {
        use stadsporten_domain::eservice::definition::{Choice, OptionsSource, Texts};
        let Some(mut record) = record else { return Ok(None) };
        let sources: Vec<OptionsSource> = record
            .definition
            .fields()
            .filter_map(|f| f.options_from.as_deref().and_then(OptionsSource::parse))
            .collect();
        let mut loaded = Vec::new();
        for source in sources {
            if loaded.iter().any(|(s, _)| *s == source) {
                continue;
            }
            let OptionsSource::ProviderUnits(kind) = source;
            let choices: Vec<Choice> = self
                .unit_choices(kind)
                .await?
                .into_iter()
                .map(|u| {
                    // Names and districts are proper nouns: the same label in every language.
                    let label = format!("{}, {}", u.name, u.district.name());
                    Choice { value: u.id, label: Texts([("sv".to_owned(), label)].into()) }
                })
                .collect();
            loaded.push((source, choices));
        }
        record.definition.fill_options(&|source| {
            loaded.iter().find(|(s, _)| *s == source).map(|(_, c)| c.clone()).unwrap_or_default()
        });
        Ok(Some(record))
    }

    /// Every live e-service, by slug (each kept in memory like [`Store::live_definition`]; only
    /// the slugs are read: the figures' pages list every service on each request).
    pub async fn live_definitions(&self) -> Result<Vec<Arc<DefinitionRecord>>> {
        let slugs: Vec<String> =
            sqlx::query("select slug from service_definitions where status = 'live' order by slug")
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|r| r.try_get("slug"))
                .collect::<std::result::Result<_, _>>()?;
        let mut out = Vec::with_capacity(slugs.len());
        for slug in slugs {
            if let Some(d) = self.live_definition(&slug).await? {
                out.push(d);
            }
        }
        Ok(out)
    }

    /// The live version of a service's e-service, if it has one (kept in memory like
    /// [`Store::definition`]).
    pub async fn live_definition(&self, slug: &str) -> Result<Option<Arc<DefinitionRecord>>> {
        let key = RecordKey::Live(slug.to_owned());
        let load = || async { Ok(self.live_definition_uncached(slug).await?.map(Arc::new)) };
        self.memos.definitions.get_or_load(self, key, load).await
    }

    async fn live_definition_uncached(&self, slug: &str) -> Result<Option<DefinitionRecord>> {
        let row = sqlx::query(&format!(
            "select {DEFINITION_COLUMNS} from service_definitions d left join users u on u.id = d.uploaded_by \
             where d.slug = $1 and d.status = 'live'"
        ))
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?;
        self.with_options(row.as_ref().map(|r| definition_from_row(&self.definition_cache, r)).transpose()?).await
    }

    /// Starts a draft of a live definition, at its first step.
    #[allow(clippy::too_many_arguments)]
    pub async fn create_draft(
        &self,
        token: &DraftToken,
        user_id: UserId,
        acting_for: Option<&str>,
        definition_id: DefinitionId,
        origin: Origin,
        now: i64,
        expires_at: i64,
    ) -> Result<DraftRecord> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "insert into drafts (token, user_id, acting_for, definition_id, created_at, updated_at, expires_at, \
             journey, furthest) values ($1, $2, $3, $4, $5, $5, $6, $7, 1) returning {DRAFT_COLUMNS}"
        ))
        .bind(token)
        .bind(user_id)
        .bind(acting_for)
        .bind(definition_id)
        .bind(now)
        .bind(expires_at)
        .bind(origin.key())
        .fetch_one(&mut *tx)
        .await?;
        let draft = draft_from_row(&row)?;
        tx.audit_object(draft.id);
        tx.commit().await?;
        Ok(draft)
    }

    /// A draft by its token (the caller checks the owner).
    pub async fn draft(&self, token: &DraftToken) -> Result<Option<DraftRecord>> {
        let row = sqlx::query(&format!("select {DRAFT_COLUMNS} from drafts where token = $1"))
            .bind(token)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(draft_from_row).transpose()
    }

    /// Saves a step: the whole answer document, the step reached and a new expiry (a draft expires
    /// a period after it was last worked on, and is reminded about again before that).
    /// `false` when the draft was submitted meanwhile (its answers are then frozen in the case).
    pub async fn save_draft(
        &self,
        draft_id: DraftId,
        answers: &Answers,
        current_step: Option<&str>,
        now: i64,
        expires_at: i64,
    ) -> Result<bool> {
        self.save_draft_reaching(draft_id, answers, current_step, 0, now, expires_at).await
    }

    /// [`Store::save_draft`], also raising how far the journey has come to `reached`.
    pub async fn save_draft_reaching(
        &self,
        draft_id: DraftId,
        answers: &Answers,
        current_step: Option<&str>,
        reached: i64,
        now: i64,
        expires_at: i64,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update drafts set answers = $1, current_step = $2, updated_at = $3, expires_at = $4, reminded_at = null, \
             furthest = case when furthest < $6 then $6 else furthest end where id = $5 and case_id is null",
        )
        .bind(answers_to_json(answers))
        .bind(current_step)
        .bind(now)
        .bind(expires_at)
        .bind(draft_id)
        .bind(reached)
        .execute(&mut *tx)
        .await?;
        let done = done.rows_affected() == 1;
        if done {
            tx.commit().await?;
        }
        Ok(done)
    }

    /// The user's unsubmitted drafts, most recent first.
    pub async fn drafts_of_user(&self, user_id: UserId) -> Result<Vec<DraftSummary>> {
        let rows = sqlx::query(
            "select d.token, s.slug, d.definition_id, d.updated_at, d.expires_at from drafts d \
             join service_definitions s on s.id = d.definition_id \
             where d.user_id = $1 and d.case_id is null and d.bundle_draft_id is null order by d.updated_at desc",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DraftSummary {
                    token: r.try_get("token")?,
                    slug: r.try_get("slug")?,
                    definition_id: r.try_get("definition_id")?,
                    updated_at: r.try_get("updated_at")?,
                    expires_at: r.try_get("expires_at")?,
                })
            })
            .collect()
    }

    /// Deletes an unsubmitted draft; returns the storage keys of its files (to delete the bytes).
    /// The journey is counted as abandoned (a bundle's permit is part of the bundle's journey).
    pub async fn delete_draft(&self, draft_id: DraftId, now: i64) -> Result<Vec<String>> {
        let mut tx = self.begin_write().await?;
        sqlx::query("update drafts set updated_at = updated_at where id = $1").bind(draft_id).execute(&mut *tx).await?;
        let journey = sqlx::query(
            "select s.slug, d.journey from drafts d join service_definitions s on s.id = d.definition_id \
             where d.id = $1 and d.case_id is null and d.bundle_draft_id is null",
        )
        .bind(draft_id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| Ok::<_, crate::DbError>((r.try_get::<String, _>("slug")?, r.try_get::<String, _>("journey")?)))
        .transpose()?;
        let keys: Vec<String> =
            sqlx::query("select storage_key from attachments where draft_id = $1 and case_id is null")
                .bind(draft_id)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.try_get("storage_key"))
                .collect::<std::result::Result<_, _>>()?;
        sqlx::query("delete from attachments where draft_id = $1 and case_id is null")
            .bind(draft_id)
            .execute(&mut *tx)
            .await?;
        let gone = sqlx::query("delete from drafts where id = $1 and case_id is null")
            .bind(draft_id)
            .execute(&mut *tx)
            .await?;
        if gone.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(Vec::new());
        }
        tx.commit().await?;
        if let Some((slug, journey)) = journey {
            let origin = Origin::parse(&journey);
            self.record(JourneyEvent {
                service_slug: &slug,
                kind: JourneyKind::Abandoned,
                detail: "",
                channel: origin.channel,
                device: origin.device,
                at: now,
            });
        }
        Ok(keys)
    }

    /// Records an uploaded file against a draft's file field and adds it to the field's answer,
    /// in one transaction. `None` when the draft was submitted meanwhile.
    pub async fn attach_to_draft(
        &self,
        draft_id: DraftId,
        field_id: &str,
        file: &NewAttachment<'_>,
    ) -> Result<Option<FileRef>> {
        let mut tx = self.begin_write().await?;
        // Taking the row's write lock first serialises concurrent uploads to the same draft.
        let locked = sqlx::query("update drafts set updated_at = $1 where id = $2 and case_id is null")
            .bind(file.now)
            .bind(draft_id)
            .execute(&mut *tx)
            .await?;
        if locked.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(None);
        }
        let file_ref = add_draft_file(&mut tx, draft_id, field_id, file).await?;
        tx.audit_object(file_ref.id);
        tx.commit().await?;
        Ok(Some(file_ref))
    }

    /// Removes a file from a draft (answer and row); returns its storage key.
    pub async fn detach_from_draft(
        &self,
        draft_id: DraftId,
        attachment_id: AttachmentId,
        now: i64,
    ) -> Result<Option<String>> {
        let mut tx = self.begin_write().await?;
        let locked = sqlx::query("update drafts set updated_at = $1 where id = $2 and case_id is null")
            .bind(now)
            .bind(draft_id)
            .execute(&mut *tx)
            .await?;
        let key =
            sqlx::query("select storage_key from attachments where id = $1 and draft_id = $2 and case_id is null")
                .bind(attachment_id)
                .bind(draft_id)
                .fetch_optional(&mut *tx)
                .await?;
        let (1, Some(key)) = (locked.rows_affected(), key) else {
            tx.rollback().await?;
            return Ok(None);
        };
        let key: String = key.try_get("storage_key")?;
        remove_draft_file(&mut tx, draft_id, attachment_id).await?;
        tx.commit().await?;
        Ok(Some(key))
    }

    /// Queues the "your draft will be deleted" reminder for drafts expiring within `window`, once
    /// per period of inactivity (saving a step resets it). Returns how many were reminded.
    pub async fn remind_expiring_drafts(&self, now: i64, window: i64) -> Result<usize> {
        let due = sqlx::query(
            "select d.id, d.user_id, d.expires_at, s.slug from drafts d join service_definitions s on s.id = d.definition_id \
             where d.case_id is null and d.reminded_at is null and d.expires_at > $1 and d.expires_at <= $2 \
             and (d.bundle_draft_id is null or d.id = (select min(x.id) from drafts x where x.bundle_draft_id = d.bundle_draft_id))",
        )
        .bind(now)
        .bind(now + window)
        .fetch_all(&self.pool)
        .await?;
        let mut n = 0;
        for r in due {
            let id: DraftId = r.try_get("id")?;
            let mut tx = self.begin_write().await?;
            let marked = sqlx::query(
                "update drafts set reminded_at = $1 where id = $2 and reminded_at is null and case_id is null",
            )
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if marked.rows_affected() == 1 {
                let expires: i64 = r.try_get("expires_at")?;
                let args = serde_json::json!({ "service": r.try_get::<String, _>("slug")?, "expires_at": expires });
                crate::outbox::enqueue(
                    &mut tx,
                    r.try_get("user_id")?,
                    stadsporten_domain::eservice::NotificationEvent::DraftExpiring,
                    None,
                    Some(id),
                    &args,
                    now,
                )
                .await?;
                n += 1;
            }
            tx.commit().await?;
        }
        Ok(n)
    }

    /// Deletes unsubmitted drafts past their expiry; returns their files' storage keys (the
    /// caller deletes the bytes).
    pub async fn expire_drafts(&self, now: i64) -> Result<Vec<String>> {
        let ids: Vec<DraftId> = sqlx::query("select id from drafts where case_id is null and expires_at <= $1")
            .bind(now)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| r.try_get("id"))
            .collect::<std::result::Result<_, _>>()?;
        let mut keys = Vec::new();
        for id in ids {
            keys.extend(self.delete_draft(id, now).await?);
        }
        // A bundle draft goes with its last part (all its parts share one expiry).
        sqlx::query(
            "delete from bundle_drafts where bundle_id is null and expires_at <= $1 \
             and not exists (select 1 from drafts d where d.bundle_draft_id = bundle_drafts.id)",
        )
        .bind(now)
        .execute(&self.pool)
        .await?;
        keys.sort();
        keys.dedup();
        Ok(keys)
    }

    pub async fn attachment(&self, id: AttachmentId) -> Result<Option<AttachmentRecord>> {
        let row = sqlx::query(&format!("select {ATTACHMENT_COLUMNS} from attachments where id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(attachment_from_row).transpose()
    }

    pub async fn attachments_of_case(&self, case_id: CaseId) -> Result<Vec<AttachmentRecord>> {
        let rows = sqlx::query(&format!("select {ATTACHMENT_COLUMNS} from attachments where case_id = $1 order by id"))
            .bind(case_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(attachment_from_row).collect()
    }

    /// Files waiting for a virus scan.
    pub async fn held_attachments(&self, limit: i64) -> Result<Vec<AttachmentRecord>> {
        let rows = sqlx::query(&format!(
            "select {ATTACHMENT_COLUMNS} from attachments where scan_status = 'held' order by id limit $1"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(attachment_from_row).collect()
    }

    /// Records a later scan's result. An infected file is marked removed (the caller deletes it).
    pub async fn set_scan_status(&self, id: AttachmentId, status: ScanStatus, now: i64) -> Result<()> {
        let removed = (status == ScanStatus::Infected).then_some(now);
        sqlx::query("update attachments set scan_status = $1, removed_at = coalesce(removed_at, $2) where id = $3")
            .bind(status.as_str())
            .bind(removed)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

pub(crate) async fn insert_attachment(
    tx: &mut crate::tx::Tx<'_>,
    file: &NewAttachment<'_>,
    draft_id: Option<DraftId>,
    case_id: Option<CaseId>,
    message_id: Option<i64>,
) -> Result<AttachmentId> {
    Ok(sqlx::query(
        "insert into attachments (storage_key, owner_id, draft_id, case_id, message_id, field_id, file_name, \
         content_type, size_bytes, sha256, scan_status, uploaded_at, encrypted) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id",
    )
    .bind(file.storage_key)
    .bind(file.owner_id)
    .bind(draft_id)
    .bind(case_id)
    .bind(message_id)
    .bind(file.field_id)
    .bind(file.file_name)
    .bind(file.content_type)
    .bind(file.size_bytes)
    .bind(file.sha256)
    .bind(file.scan_status.as_str())
    .bind(file.now)
    .bind(i64::from(file.encrypted))
    .fetch_one(&mut **tx)
    .await?
    .try_get("id")?)
}
