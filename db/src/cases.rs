//! Cases: submission (exactly once per idempotency key), the officer's queue, transitions with a
//! compare-and-set on the status, the timeline, messages, notes, completion requests, decisions
//! and the anonymous satisfaction answers.
//!
//! Policy:
//! - Submission is one transaction: the case, its number from the unit's yearly series, its first
//!   event, the move of its files, the satisfaction invitation and the receipt notification. The
//!   draft row is locked first, so double clicks and retries serialise and the second finds the
//!   case the first made. The acknowledgement is sent only after the commit (SQLite runs with
//!   `synchronous=full`, PostgreSQL with its default synchronous commit).
//! - Every transition is judged by `CaseStatus::apply` and written with `where status = <from>`,
//!   so two officers acting at once cannot both move a case; the loser gets `Conflict`.
//! - Events, messages, notes and completion requests are never edited or deleted.

use crate::eservices::{answers_from_json, answers_to_json, insert_attachment, AttachmentRecord, NewAttachment};
use crate::outbox;
use crate::{DbError, Result, Store};
use sqlx::any::AnyRow;
use sqlx::Row;
use stadsporten_domain::business::bundle::DecideRefusal;
use stadsporten_domain::calendar::DayKind;
use stadsporten_domain::eservice::{
    Answers, CaseStatus, DecisionOutcome, NotificationEvent, SatisfactionAnswer, SlaClock, SlaStanding, SurveyStage,
    Transition,
};
use stadsporten_domain::ids::{BundleId, CaseId, DefinitionId, DraftId, UserId};
use stadsporten_domain::measure::CaseChannel;

/// What a submission needs; `answers` are already validated and pruned.
#[derive(Debug, Clone)]
pub struct Submission<'a> {
    pub draft_id: DraftId,
    pub applicant_id: UserId,
    pub acting_for: Option<&'a str>,
    pub idempotency_key: &'a str,
    pub definition_id: DefinitionId,
    pub service_slug: &'a str,
    pub unit_code: &'a str,
    /// Feedback about a provider unit: the unit, and the private provider that answers it.
    pub provider_unit: Option<&'a str>,
    pub provider_org: Option<&'a str>,
    pub year: u32,
    pub lang: &'a str,
    pub answers: &'a Answers,
    pub handling_days: u32,
    /// The definition's day kind for `handling_days`.
    pub day_kind: DayKind,
    /// How the case comes in (web, lite, …).
    pub channel: CaseChannel,
    pub now: i64,
}

/// The case a submission made, or found when it had been made before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    pub case_id: CaseId,
    pub case_number: String,
    /// The submission had been made before (a double click, a retry, a resubmit).
    pub replayed: bool,
}

/// Why a case action was refused (inside `DbError::Refused`; an unknown case is
/// `DbError::NotFound`, a case changed meanwhile `DbError::Conflict`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRefusal {
    /// The transition is not possible from the case's status.
    Invalid(CaseStatus),
    /// No open completion request to answer.
    NothingToAnswer,
    /// A bundle's part that waits for another permit (`on_hold`: that permit was not granted).
    Held { on_hold: bool },
}

#[derive(Debug, Clone)]
pub struct CaseRecord {
    pub id: CaseId,
    pub case_number: String,
    pub unit_code: String,
    pub definition_id: DefinitionId,
    pub service_slug: String,
    pub applicant_id: UserId,
    pub applicant_name: String,
    pub acting_for: Option<String>,
    pub lang: String,
    pub answers: Answers,
    pub status: CaseStatus,
    pub outcome: Option<DecisionOutcome>,
    pub submitted_at: i64,
    pub handling_days: i64,
    pub paused_seconds: i64,
    pub paused_since: Option<i64>,
    pub due_at: i64,
    pub assignee_id: Option<UserId>,
    pub assignee_name: Option<String>,
    pub decided_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub updated_at: i64,
    /// Feedback about a provider unit: the unit, and the private provider that answers it.
    pub provider_unit: Option<String>,
    pub provider_org: Option<String>,
    /// How the case came in.
    pub channel: CaseChannel,
    /// Whether its promise counts calendar or working days.
    pub day_kind: DayKind,
}

impl CaseRecord {
    pub fn clock(&self) -> SlaClock {
        SlaClock {
            submitted_at: self.submitted_at,
            handling_days: u32::try_from(self.handling_days).unwrap_or(0),
            paused_seconds: self.paused_seconds,
            paused_since: self.paused_since,
            day_kind: self.day_kind,
        }
    }
}

/// The clock of a row with `submitted_at, handling_days, paused_seconds, paused_since, day_kind`.
pub(crate) fn clock_of(r: &AnyRow) -> Result<SlaClock> {
    let kind: String = r.try_get("day_kind")?;
    Ok(SlaClock {
        submitted_at: r.try_get("submitted_at")?,
        handling_days: u32::try_from(r.try_get::<i64, _>("handling_days")?).unwrap_or(0),
        paused_seconds: r.try_get("paused_seconds")?,
        paused_since: r.try_get("paused_since")?,
        day_kind: DayKind::parse(&kind).ok_or_else(|| corrupt("day kind", &kind))?,
    })
}

/// A case in a list (no answers).
#[derive(Debug, Clone)]
pub struct CaseSummary {
    pub id: CaseId,
    pub case_number: String,
    pub unit_code: String,
    pub service_slug: String,
    pub applicant_id: UserId,
    pub applicant_name: String,
    pub status: CaseStatus,
    pub outcome: Option<DecisionOutcome>,
    pub submitted_at: i64,
    pub due_at: i64,
    pub standing: Option<SlaStanding>,
    pub assignee_id: Option<UserId>,
    pub assignee_name: Option<String>,
    pub updated_at: i64,
    /// Messages from the other side not yet read.
    pub unread: i64,
}

/// Which cases the queue shows.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    /// The units whose cases the officer may see (never empty for a real query).
    pub units: Vec<String>,
    pub service: Option<String>,
    /// `None`: open cases, and decided ones whose offer waits for its answer.
    pub status: Option<CaseStatus>,
    pub assignee: Option<Assignee>,
    pub standing: Option<SlaStanding>,
    pub sort: QueueSort,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assignee {
    User(UserId),
    Nobody,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum QueueSort {
    /// Most urgent first.
    #[default]
    Due,
    Newest,
    Oldest,
    Number,
}

#[derive(Debug, Clone)]
pub struct EventRecord {
    pub id: i64,
    pub at: i64,
    pub actor_name: Option<String>,
    pub kind: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub detail: Option<String>,
    pub public: bool,
}

#[derive(Debug, Clone)]
pub struct MessageRecord {
    pub id: i64,
    pub at: i64,
    pub author_name: String,
    pub from_applicant: bool,
    pub body: String,
    pub read_at: Option<i64>,
    pub attachments: Vec<AttachmentRecord>,
}

#[derive(Debug, Clone)]
pub struct NoteRecord {
    pub id: i64,
    pub at: i64,
    pub author_name: String,
    pub body: String,
}

#[derive(Debug, Clone)]
pub struct CompletionRecord {
    pub id: i64,
    pub requested_at: i64,
    pub requested_by: String,
    pub message: String,
    pub reply_by: String,
    pub answered_at: Option<i64>,
    pub answer: Option<String>,
    pub closed_at: Option<i64>,
}

impl CompletionRecord {
    pub fn open(&self) -> bool {
        self.answered_at.is_none() && self.closed_at.is_none()
    }
}

#[derive(Debug, Clone)]
pub struct DecisionRecord {
    pub outcome: DecisionOutcome,
    pub decided_by: String,
    pub decided_at: i64,
    pub lang: String,
    pub template: String,
    pub motivation: String,
    /// The service's appeal instructions as they stood when the decision was made (empty for a
    /// decision made before they were kept: the page then shows the general text).
    pub appeal: String,
}

/// A decision to record.
#[derive(Debug, Clone)]
pub struct NewDecision<'a> {
    pub outcome: DecisionOutcome,
    pub lang: &'a str,
    pub template: &'a str,
    pub motivation: &'a str,
    pub appeal: &'a str,
    /// The offer a granting decision carries, when its service makes one.
    pub offer: Option<NewOffer<'a>>,
}

/// An offer to make with a decision.
#[derive(Debug, Clone)]
pub struct NewOffer<'a> {
    pub what: &'a str,
    /// ISO date, when the offer has a start date.
    pub starts_on: Option<&'a str>,
    /// The last second the answer is taken (end of the reply-by day, Stockholm).
    pub reply_by: i64,
    pub remind_at: i64,
}

/// Makes the offer of a decision, in the decision's transaction (answers: `offers.rs`).
async fn insert_offer(tx: &mut Tx<'_>, case_id: CaseId, o: &NewOffer<'_>, actor: UserId, now: i64) -> Result<()> {
    sqlx::query(
        "insert into case_offers (case_id, what, starts_on, reply_by, remind_at, created_at) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(case_id)
    .bind(o.what)
    .bind(o.starts_on)
    .bind(o.reply_by)
    .bind(o.remind_at)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    event(tx, case_id, now, Some(actor), Event { kind: "offer", change: None, detail: Some(o.what), public: true })
        .await
}

/// Satisfaction answers of a service, for reporting (no person, no case).
#[derive(Debug, Clone)]
pub struct SurveyRow {
    pub stage: String,
    pub day: String,
    pub answer: SatisfactionAnswer,
}

fn corrupt(what: &str, v: &str) -> DbError {
    DbError::CorruptRow(format!("{what}: {v}"))
}

pub(crate) fn status(s: &str) -> Result<CaseStatus> {
    CaseStatus::parse(s).ok_or_else(|| corrupt("case status", s))
}

pub(crate) fn outcome(s: Option<String>) -> Result<Option<DecisionOutcome>> {
    s.map(|o| DecisionOutcome::parse(&o).ok_or_else(|| corrupt("outcome", &o))).transpose()
}

pub(crate) const CASE_COLUMNS: &str =
    "c.id, c.case_number, c.unit_code, c.definition_id, c.service_slug, c.applicant_id, \
     ap.display_name as applicant_name, c.acting_for, c.lang, c.answers, c.status, c.outcome, c.submitted_at, \
     c.handling_days, c.paused_seconds, c.paused_since, c.due_at, c.assignee_id, asg.display_name as assignee_name, \
     c.decided_at, c.closed_at, c.updated_at, c.provider_unit, c.provider_org, c.channel, c.day_kind";

pub(crate) const CASE_FROM: &str =
    "from cases c join users ap on ap.id = c.applicant_id left join users asg on asg.id = c.assignee_id";

pub(crate) fn case_from_row(r: &AnyRow) -> Result<CaseRecord> {
    Ok(CaseRecord {
        id: r.try_get("id")?,
        case_number: r.try_get("case_number")?,
        unit_code: r.try_get("unit_code")?,
        definition_id: r.try_get("definition_id")?,
        service_slug: r.try_get("service_slug")?,
        applicant_id: r.try_get("applicant_id")?,
        applicant_name: r.try_get("applicant_name")?,
        acting_for: r.try_get("acting_for")?,
        lang: r.try_get("lang")?,
        answers: answers_from_json(&r.try_get::<String, _>("answers")?)?,
        status: status(&r.try_get::<String, _>("status")?)?,
        outcome: outcome(r.try_get("outcome")?)?,
        submitted_at: r.try_get("submitted_at")?,
        handling_days: r.try_get("handling_days")?,
        paused_seconds: r.try_get("paused_seconds")?,
        paused_since: r.try_get("paused_since")?,
        due_at: r.try_get("due_at")?,
        assignee_id: r.try_get("assignee_id")?,
        assignee_name: r.try_get("assignee_name")?,
        decided_at: r.try_get("decided_at")?,
        closed_at: r.try_get("closed_at")?,
        updated_at: r.try_get("updated_at")?,
        provider_unit: r.try_get("provider_unit")?,
        provider_org: r.try_get("provider_org")?,
        channel: CaseChannel::parse(&r.try_get::<String, _>("channel")?).unwrap_or(CaseChannel::Web),
        day_kind: DayKind::parse(&r.try_get::<String, _>("day_kind")?).unwrap_or_default(),
    })
}

const SUMMARY_COLUMNS: &str =
    "c.id, c.case_number, c.unit_code, c.service_slug, c.applicant_id, ap.display_name as applicant_name, \
     c.status, c.outcome, c.submitted_at, c.handling_days, c.paused_seconds, c.paused_since, c.due_at, c.assignee_id, \
     asg.display_name as assignee_name, c.updated_at, c.day_kind";

fn summary_from_row(r: &AnyRow, now: i64, unread: i64) -> Result<CaseSummary> {
    let st = status(&r.try_get::<String, _>("status")?)?;
    let clk = clock_of(r)?;
    Ok(CaseSummary {
        id: r.try_get("id")?,
        case_number: r.try_get("case_number")?,
        unit_code: r.try_get("unit_code")?,
        service_slug: r.try_get("service_slug")?,
        applicant_id: r.try_get("applicant_id")?,
        applicant_name: r.try_get("applicant_name")?,
        status: st,
        outcome: outcome(r.try_get("outcome")?)?,
        submitted_at: r.try_get("submitted_at")?,
        due_at: clk.due_at(now),
        standing: st.is_open().then(|| clk.standing(now)),
        assignee_id: r.try_get("assignee_id")?,
        assignee_name: r.try_get("assignee_name")?,
        updated_at: r.try_get("updated_at")?,
        unread,
    })
}

use crate::filing::{next_number, Filed, Opened};
use crate::tx::Tx;

/// One timeline entry.
pub(crate) struct Event<'a> {
    pub(crate) kind: &'a str,
    pub(crate) change: Option<(CaseStatus, CaseStatus)>,
    pub(crate) detail: Option<&'a str>,
    /// Shown to the applicant.
    pub(crate) public: bool,
}

pub(crate) async fn event(
    tx: &mut Tx<'_>,
    case_id: CaseId,
    at: i64,
    actor: Option<UserId>,
    e: Event<'_>,
) -> Result<()> {
    let Event { kind, change, detail, public } = e;
    let entry_id: i64 = sqlx::query(
        "insert into case_events (case_id, at, actor_id, kind, from_status, to_status, detail, public) \
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id",
    )
    .bind(case_id)
    .bind(at)
    .bind(actor)
    .bind(kind)
    .bind(change.map(|c| c.0.slug()))
    .bind(change.map(|c| c.1.slug()))
    .bind(detail)
    .bind(i64::from(public))
    .fetch_one(&mut **tx)
    .await?
    .try_get("id")?;
    // Other systems subscribed to the unit's events hear of it in the same transaction.
    crate::webhooks::case_event(tx, case_id, entry_id, kind, change, actor, at).await
}

/// Applies a transition inside `tx`: judged by the domain table, written with a compare-and-set,
/// the SLA clock paused or resumed, and the event recorded.
async fn transition(
    tx: &mut Tx<'_>,
    case_id: CaseId,
    t: Transition,
    actor: UserId,
    now: i64,
    detail: Option<&str>,
) -> Result<(CaseStatus, CaseStatus)> {
    let Some(row) = sqlx::query(
        "select status, submitted_at, handling_days, paused_seconds, paused_since, day_kind from cases where id = $1",
    )
    .bind(case_id)
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Err(DbError::NotFound);
    };
    let from = status(&row.try_get::<String, _>("status")?)?;
    let to = match from.apply(t) {
        Ok(to) => to,
        Err(_) => return Err(CaseRefusal::Invalid(from).into()),
    };
    let mut clk = clock_of(&row)?;
    match t {
        Transition::RequestCompletion => clk.pause(now),
        Transition::Complete | Transition::ResumeWithoutCompletion | Transition::Withdraw => clk.resume(now),
        _ => {}
    }
    let done = sqlx::query(
        "update cases set status = $1, paused_seconds = $2, paused_since = $3, due_at = $4, updated_at = $5, \
         decided_at = case when $1 = 'decided' then $5 else decided_at end, \
         closed_at = case when $1 in ('closed', 'withdrawn') then $5 else closed_at end \
         where id = $6 and status = $7",
    )
    .bind(to.slug())
    .bind(clk.paused_seconds)
    .bind(clk.paused_since)
    .bind(clk.due_at(now))
    .bind(now)
    .bind(case_id)
    .bind(from.slug())
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(DbError::Conflict);
    }
    event(tx, case_id, now, Some(actor), Event { kind: t.slug(), change: Some((from, to)), detail, public: true })
        .await?;
    // An errand the contact centre handed over closes when the unit has answered.
    if matches!(to, CaseStatus::Decided | CaseStatus::Closed | CaseStatus::Withdrawn) {
        crate::errand_parts::close_errands_of_case(tx, case_id, to.slug(), now).await?;
    }
    Ok((from, to))
}

/// Takes the case's write lock first (the row lock on PostgreSQL, the database write lock on
/// SQLite), so a transaction that reads before it writes never meets SQLite's busy-on-upgrade.
pub(crate) async fn lock_case(tx: &mut Tx<'_>, case_id: CaseId) -> Result<()> {
    sqlx::query("update cases set updated_at = updated_at where id = $1").bind(case_id).execute(&mut **tx).await?;
    Ok(())
}

pub(crate) async fn applicant_of(tx: &mut Tx<'_>, case_id: CaseId) -> Result<Option<(UserId, String)>> {
    let row = sqlx::query("select applicant_id, case_number from cases where id = $1")
        .bind(case_id)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| Ok((r.try_get("applicant_id")?, r.try_get("case_number")?))).transpose()
}

/// Ends `tx` and passes a refusal on (explicitly: the `Any` driver must not be left to drop it,
/// or SQLite's write lock is held until the connection is used again).
async fn refuse<T>(tx: Tx<'_>, why: impl Into<DbError>) -> Result<T> {
    tx.rollback().await?;
    Err(why.into())
}

impl Store {
    /// Every case transition's opening: the write transaction, the case's lock, the state
    /// machine's step with its event. A refused step is rolled back and returned; on success the
    /// caller adds what the transition carries and commits.
    async fn begin_transition(
        &self,
        case_id: CaseId,
        t: Transition,
        actor: UserId,
        now: i64,
        detail: Option<&str>,
    ) -> Result<Tx<'static>> {
        let mut tx = self.begin_write().await?;
        lock_case(&mut tx, case_id).await?;
        match transition(&mut tx, case_id, t, actor, now, detail).await {
            Ok(_) => Ok(tx),
            Err(e) => refuse(tx, e).await,
        }
    }
}

/// Files one case inside `tx`: its number in the unit's series, the row, the "submitted" event,
/// the confirmed answers' files moved from the draft, the survey invitation. The caller marks the
/// draft and notifies (a bundle sends one receipt for all its cases).
pub(crate) async fn insert_case(
    tx: &mut Tx<'_>,
    s: &Submission<'_>,
    bundle_id: Option<BundleId>,
) -> Result<(CaseId, String)> {
    let case_number = next_number(tx, s.unit_code, s.year).await?;
    let due = SlaClock::new(s.now, s.handling_days).counting(s.day_kind).due_at(s.now);
    let case_id: CaseId = sqlx::query(
        "insert into cases (case_number, unit_code, definition_id, service_slug, applicant_id, acting_for, lang, \
             answers, status, submitted_at, handling_days, due_at, idempotency_key, updated_at, provider_unit, \
             provider_org, channel, day_kind) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted', $9, $10, $11, $12, $9, $13, $14, $15, $16) returning id",
    )
    .bind(&case_number)
    .bind(s.unit_code)
    .bind(s.definition_id)
    .bind(s.service_slug)
    .bind(s.applicant_id)
    .bind(s.acting_for)
    .bind(s.lang)
    .bind(answers_to_json(s.answers))
    .bind(s.now)
    .bind(i64::from(s.handling_days))
    .bind(due)
    .bind(s.idempotency_key)
    .bind(s.provider_unit)
    .bind(s.provider_org)
    .bind(s.channel.slug())
    .bind(s.day_kind.slug())
    .fetch_one(&mut **tx)
    .await?
    .try_get("id")?;
    event(
        tx,
        case_id,
        s.now,
        Some(s.applicant_id),
        Event { kind: "submitted", change: None, detail: None, public: true },
    )
    .await?;
    // Started by the contact centre with the applicant's consent: the case says so, with whom
    // (the agent's unit), how and when the consent was given, and who submitted it.
    if let Some(r) = sqlx::query(
        "select u.display_name as agent, d.consent_at, d.consent_via, d.agent_submits from drafts d \
         join users u on u.id = d.assisted_by where d.id = $1 and d.assisted_by is not null",
    )
    .bind(s.draft_id)
    .fetch_optional(&mut **tx)
    .await?
    {
        let at: Option<i64> = r.try_get("consent_at")?;
        let via: Option<String> = r.try_get("consent_via")?;
        // The route files an agent's submission in the assisted channel, the resident's own in theirs.
        let by_agent = s.channel == CaseChannel::Assisted;
        let detail = format!(
            "{}|{}|{}|{}",
            if by_agent { "agent-submitted" } else { "agent-started" },
            via.unwrap_or_default(),
            at.unwrap_or_default(),
            r.try_get::<String, _>("agent")?
        );
        event(tx, case_id, s.now, None, Event { kind: "assisted", change: None, detail: Some(&detail), public: true })
            .await?;
    }
    // The files the confirmed answers name move to the case; others stay with the draft.
    for file in s.answers.values().flat_map(|a| a.files()) {
        sqlx::query("update attachments set case_id = $1 where id = $2 and draft_id = $3")
            .bind(case_id)
            .bind(file.id)
            .bind(s.draft_id)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query("insert into survey_invitations (case_id, stage) values ($1, 'after-submission')")
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
    if bundle_id.is_some() {
        sqlx::query("update cases set bundle_id = $1 where id = $2")
            .bind(bundle_id)
            .bind(case_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok((case_id, case_number))
}

impl Store {
    /// Files a case from a draft, exactly once per draft and per idempotency key.
    pub async fn submit_case(&self, s: &Submission<'_>) -> Result<Submitted> {
        let mut tx = match self.open_filing(Filed::Case(s.draft_id), s.applicant_id, s.idempotency_key).await? {
            Opened::New(tx) => tx,
            Opened::Before { id, number } => {
                return Ok(Submitted { case_id: CaseId::new(id), case_number: number, replayed: true })
            }
        };
        let (case_id, case_number) = insert_case(&mut tx, s, None).await?;
        let args =
            serde_json::json!({ "case_number": case_number, "service": s.service_slug, "days": s.handling_days });
        outbox::enqueue(&mut tx, s.applicant_id, NotificationEvent::Receipt, Some(case_id), None, &args, s.now).await?;
        sqlx::query("update drafts set case_id = $1, updated_at = $2 where id = $3")
            .bind(case_id)
            .bind(s.now)
            .bind(s.draft_id)
            .execute(&mut *tx)
            .await?;
        tx.audit_object(case_id);
        tx.commit().await?;
        Ok(Submitted { case_id, case_number, replayed: false })
    }

    pub async fn case_record(&self, id: CaseId) -> Result<Option<CaseRecord>> {
        let row = sqlx::query(&format!("select {CASE_COLUMNS} {CASE_FROM} where c.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(case_from_row).transpose()
    }

    /// The cases a person filed, newest first, with unread messages from staff.
    pub async fn cases_of_applicant(&self, user_id: UserId, now: i64) -> Result<Vec<CaseSummary>> {
        let rows = sqlx::query(&format!(
            "select {SUMMARY_COLUMNS}, (select count(*) from case_messages m where m.case_id = c.id \
             and m.from_applicant = 0 and m.read_at is null) as unread {CASE_FROM} \
             where c.applicant_id = $1 order by c.submitted_at desc, c.id desc"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| summary_from_row(r, now, r.try_get("unread")?)).collect()
    }

    /// The officer's queue. The standing filter is judged on each case's own clock.
    pub async fn queue(&self, f: &QueueFilter, now: i64, limit: usize) -> Result<Vec<CaseSummary>> {
        if f.units.is_empty() {
            return Ok(Vec::new());
        }
        let mut sql = format!(
            "select {SUMMARY_COLUMNS}, (select count(*) from case_messages m where m.case_id = c.id \
             and m.from_applicant = 1 and m.read_at is null) as unread {CASE_FROM} where c.provider_org is null \
             and c.unit_code in ("
        );
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("${n}")
        };
        sql.push_str(&f.units.iter().map(|_| next()).collect::<Vec<_>>().join(", "));
        sql.push(')');
        if f.service.is_some() {
            sql.push_str(&format!(" and c.service_slug = {}", next()));
        }
        match f.status {
            Some(_) => sql.push_str(&format!(" and c.status = {}", next())),
            // Open cases, and decided ones whose offer still waits for the applicant's answer.
            None => sql.push_str(
                " and (c.status in ('submitted', 'in-progress', 'awaiting-completion') \
                 or exists (select 1 from case_offers o where o.case_id = c.id and o.answer is null))",
            ),
        }
        match f.assignee {
            Some(Assignee::User(_)) => sql.push_str(&format!(" and c.assignee_id = {}", next())),
            Some(Assignee::Nobody) => sql.push_str(" and c.assignee_id is null"),
            None => {}
        }
        sql.push_str(match f.sort {
            QueueSort::Due => " order by c.due_at, c.id",
            QueueSort::Newest => " order by c.submitted_at desc, c.id desc",
            QueueSort::Oldest => " order by c.submitted_at, c.id",
            QueueSort::Number => " order by c.case_number",
        });
        let mut q = sqlx::query(&sql);
        for u in &f.units {
            q = q.bind(u);
        }
        if let Some(s) = &f.service {
            q = q.bind(s);
        }
        if let Some(st) = f.status {
            q = q.bind(st.slug());
        }
        if let Some(Assignee::User(id)) = f.assignee {
            q = q.bind(id);
        }
        let rows = q.fetch_all(&self.pool).await?;
        let mut out = Vec::new();
        for r in &rows {
            let s = summary_from_row(r, now, r.try_get("unread")?)?;
            if f.standing.is_none_or(|want| s.standing == Some(want)) {
                out.push(s);
                if out.len() >= limit {
                    break;
                }
            }
        }
        if f.sort == QueueSort::Due {
            // Paused cases' due time moves while they wait; sort on the time as of now.
            out.sort_by_key(|s| (s.due_at, s.id));
        }
        Ok(out)
    }

    /// Feedback routed to these providers (organisation numbers), open first, newest first.
    pub async fn provider_cases(&self, orgs: &[String], now: i64) -> Result<Vec<CaseSummary>> {
        if orgs.is_empty() {
            return Ok(Vec::new());
        }
        let list = (1..=orgs.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "select {SUMMARY_COLUMNS}, (select count(*) from case_messages m where m.case_id = c.id \
             and m.from_applicant = 1 and m.read_at is null) as unread {CASE_FROM} where c.provider_org in ({list}) \
             order by case when c.status in ('submitted', 'in-progress') then 0 else 1 end, c.submitted_at desc \
             limit 200"
        );
        let mut q = sqlx::query(&sql);
        for o in orgs {
            q = q.bind(o);
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter().map(|r| summary_from_row(r, now, r.try_get("unread")?)).collect()
    }

    /// Assigns cases (of the given units only) to someone, or to nobody. Returns the ids changed.
    pub async fn assign_cases(
        &self,
        ids: &[CaseId],
        units: &[String],
        assignee: Option<UserId>,
        actor: UserId,
        now: i64,
    ) -> Result<Vec<CaseId>> {
        let mut tx = self.begin_write().await?;
        let mut changed = Vec::new();
        for id in ids {
            lock_case(&mut tx, *id).await?;
            let Some(row) = sqlx::query("select unit_code, assignee_id, status from cases where id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?
            else {
                continue;
            };
            let unit: String = row.try_get("unit_code")?;
            let current: Option<UserId> = row.try_get("assignee_id")?;
            let st = status(&row.try_get::<String, _>("status")?)?;
            if !units.contains(&unit) || current == assignee || !st.is_open() {
                continue;
            }
            sqlx::query("update cases set assignee_id = $1, updated_at = $2 where id = $3")
                .bind(assignee)
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let detail = assignee.map(|a| a.to_string());
            event(
                &mut tx,
                *id,
                now,
                Some(actor),
                Event { kind: "assigned", change: None, detail: detail.as_deref(), public: false },
            )
            .await?;
            changed.push(*id);
        }
        tx.audit_objects(&changed);
        tx.commit().await?;
        Ok(changed)
    }

    /// An officer starts handling a submitted case (and takes it if nobody has).
    pub async fn start_case(&self, case_id: CaseId, actor: UserId, now: i64) -> Result<()> {
        let mut tx = self.begin_transition(case_id, Transition::Start, actor, now, None).await?;
        sqlx::query("update cases set assignee_id = coalesce(assignee_id, $1) where id = $2")
            .bind(actor)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    /// Asks the applicant to complete the application by `reply_by` (a date); the clock pauses.
    pub async fn request_completion(
        &self,
        case_id: CaseId,
        actor: UserId,
        message: &str,
        reply_by: &str,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.begin_transition(case_id, Transition::RequestCompletion, actor, now, None).await?;
        sqlx::query(
            "insert into completion_requests (case_id, requested_at, requested_by, message, reply_by) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(case_id)
        .bind(now)
        .bind(actor)
        .bind(message)
        .bind(reply_by)
        .execute(&mut *tx)
        .await?;
        if let Some((applicant, number)) = applicant_of(&mut tx, case_id).await? {
            let args = serde_json::json!({ "case_number": number, "reply_by": reply_by });
            outbox::enqueue(&mut tx, applicant, NotificationEvent::CompletionRequest, Some(case_id), None, &args, now)
                .await?;
        }
        tx.commit().await
    }

    /// The applicant answers the open completion request; the answer is also a message in the
    /// case's conversation (carrying any files); the clock resumes.
    pub async fn answer_completion(
        &self,
        case_id: CaseId,
        applicant: UserId,
        answer: &str,
        files: &[NewAttachment<'_>],
        now: i64,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        lock_case(&mut tx, case_id).await?;
        let open = sqlx::query(
            "select r.id from completion_requests r join cases c on c.id = r.case_id \
             where r.case_id = $1 and c.applicant_id = $2 and r.answered_at is null and r.closed_at is null \
             order by r.id desc limit 1",
        )
        .bind(case_id)
        .bind(applicant)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(open) = open else { return refuse(tx, CaseRefusal::NothingToAnswer).await };
        let request_id: i64 = open.try_get("id")?;
        if let Err(why) = transition(&mut tx, case_id, Transition::Complete, applicant, now, None).await {
            return refuse(tx, why).await;
        }
        sqlx::query("update completion_requests set answered_at = $1, answer = $2 where id = $3")
            .bind(now)
            .bind(answer)
            .bind(request_id)
            .execute(&mut *tx)
            .await?;
        insert_message(&mut tx, case_id, applicant, true, answer, files, now).await?;
        tx.commit().await
    }

    /// The officer resumes without an answer (the reply-by date passed); the request is closed.
    pub async fn resume_without_completion(&self, case_id: CaseId, actor: UserId, now: i64) -> Result<()> {
        let mut tx = self.begin_transition(case_id, Transition::ResumeWithoutCompletion, actor, now, None).await?;
        sqlx::query("update completion_requests set closed_at = $1 where case_id = $2 and answered_at is null and closed_at is null")
            .bind(now)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    /// Records the decision; the applicant is notified and asked the satisfaction question.
    pub async fn decide_case(&self, case_id: CaseId, actor: UserId, d: &NewDecision<'_>, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        lock_case(&mut tx, case_id).await?;
        // A bundle's part is never decided blindly: the rules of its dependencies first.
        let bundle = crate::bundle_parts::bundle_of_case(&mut tx, case_id).await?;
        if let Some((bundle_id, key)) = &bundle {
            let parts = crate::bundle_parts::part_states(&mut tx, *bundle_id).await?;
            if let Some(part) = parts.iter().find(|p| &p.permit_key == key) {
                if let Err(r) = stadsporten_domain::business::bundle::may_decide(part, &parts, d.outcome) {
                    return refuse(tx, CaseRefusal::Held { on_hold: matches!(r, DecideRefusal::OnHold(_)) }).await;
                }
            }
        }
        if let Err(why) = transition(&mut tx, case_id, Transition::Decide, actor, now, Some(d.outcome.slug())).await {
            return refuse(tx, why).await;
        }
        sqlx::query("update cases set outcome = $1 where id = $2")
            .bind(d.outcome.slug())
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "insert into decisions (case_id, outcome, decided_by, decided_at, lang, template, motivation, appeal) \
             values ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(case_id)
        .bind(d.outcome.slug())
        .bind(actor)
        .bind(now)
        .bind(d.lang)
        .bind(d.template)
        .bind(d.motivation)
        .bind(d.appeal)
        .execute(&mut *tx)
        .await?;
        if let Some(offer) = &d.offer {
            insert_offer(&mut tx, case_id, offer, actor, now).await?;
        }
        sqlx::query("insert into survey_invitations (case_id, stage) values ($1, 'after-decision')")
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        if let Some((applicant, number)) = applicant_of(&mut tx, case_id).await? {
            let args = serde_json::json!({ "case_number": number });
            outbox::enqueue(&mut tx, applicant, NotificationEvent::Decision, Some(case_id), None, &args, now).await?;
        }
        if let Some((bundle_id, key)) = bundle {
            crate::bundle_parts::part_finished(&mut tx, bundle_id, &key, Some(d.outcome), actor, now).await?;
        }
        tx.commit().await
    }

    pub async fn close_case(&self, case_id: CaseId, actor: UserId, now: i64) -> Result<()> {
        self.begin_transition(case_id, Transition::Close, actor, now, None).await?.commit().await
    }

    /// The applicant withdraws an open case of their own.
    pub async fn withdraw_case(
        &self,
        case_id: CaseId,
        applicant: UserId,
        reason: Option<&str>,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        lock_case(&mut tx, case_id).await?;
        let own = sqlx::query("select 1 from cases where id = $1 and applicant_id = $2")
            .bind(case_id)
            .bind(applicant)
            .fetch_optional(&mut *tx)
            .await?;
        if own.is_none() {
            return refuse(tx, DbError::NotFound).await;
        }
        if let Err(why) = transition(&mut tx, case_id, Transition::Withdraw, applicant, now, reason).await {
            return refuse(tx, why).await;
        }
        sqlx::query("update completion_requests set closed_at = $1 where case_id = $2 and answered_at is null and closed_at is null")
            .bind(now)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        if let Some((bundle_id, key)) = crate::bundle_parts::bundle_of_case(&mut tx, case_id).await? {
            crate::bundle_parts::part_finished(&mut tx, bundle_id, &key, None, applicant, now).await?;
        }
        tx.commit().await
    }

    /// A message in the case's conversation, with files; staff messages notify the applicant.
    pub async fn add_message(
        &self,
        case_id: CaseId,
        author: UserId,
        from_applicant: bool,
        body: &str,
        files: &[NewAttachment<'_>],
        now: i64,
    ) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        lock_case(&mut tx, case_id).await?;
        let id = insert_message(&mut tx, case_id, author, from_applicant, body, files, now).await?;
        if !from_applicant {
            if let Some((applicant, number)) = applicant_of(&mut tx, case_id).await? {
                let args = serde_json::json!({ "case_number": number });
                outbox::enqueue(&mut tx, applicant, NotificationEvent::Message, Some(case_id), None, &args, now)
                    .await?;
            }
        }
        tx.audit_object(id);
        tx.commit().await?;
        Ok(id)
    }

    /// Marks the other side's messages read by the one reading now.
    pub async fn mark_messages_read(&self, case_id: CaseId, reader_is_applicant: bool, now: i64) -> Result<()> {
        sqlx::query(
            "update case_messages set read_at = $1 where case_id = $2 and from_applicant = $3 and read_at is null",
        )
        .bind(now)
        .bind(case_id)
        .bind(i64::from(!reader_is_applicant))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// An internal note (never shown to the applicant).
    pub async fn add_note(&self, case_id: CaseId, author: UserId, body: &str, now: i64) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        lock_case(&mut tx, case_id).await?;
        let id: i64 =
            sqlx::query("insert into case_notes (case_id, at, author_id, body) values ($1, $2, $3, $4) returning id")
                .bind(case_id)
                .bind(now)
                .bind(author)
                .bind(body)
                .fetch_one(&mut *tx)
                .await?
                .try_get("id")?;
        event(&mut tx, case_id, now, Some(author), Event { kind: "note", change: None, detail: None, public: false })
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The timeline, oldest first; internal events only for staff.
    pub async fn case_events(&self, case_id: CaseId, include_internal: bool) -> Result<Vec<EventRecord>> {
        let rows = sqlx::query(
            "select e.id, e.at, u.display_name, e.kind, e.from_status, e.to_status, e.detail, e.public \
             from case_events e left join users u on u.id = e.actor_id \
             where e.case_id = $1 and (e.public = 1 or $2 = 1) order by e.id",
        )
        .bind(case_id)
        .bind(i64::from(include_internal))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(EventRecord {
                    id: r.try_get("id")?,
                    at: r.try_get("at")?,
                    actor_name: r.try_get("display_name")?,
                    kind: r.try_get("kind")?,
                    from_status: r.try_get("from_status")?,
                    to_status: r.try_get("to_status")?,
                    detail: r.try_get("detail")?,
                    public: r.try_get::<i64, _>("public")? != 0,
                })
            })
            .collect()
    }

    pub async fn case_messages(&self, case_id: CaseId) -> Result<Vec<MessageRecord>> {
        let rows = sqlx::query(
            "select m.id, m.at, u.display_name, m.from_applicant, m.body, m.read_at from case_messages m \
             join users u on u.id = m.author_id where m.case_id = $1 order by m.id",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        let files = self.attachments_of_case(case_id).await?;
        rows.iter()
            .map(|r| {
                let id: i64 = r.try_get("id")?;
                Ok(MessageRecord {
                    id,
                    at: r.try_get("at")?,
                    author_name: r.try_get("display_name")?,
                    from_applicant: r.try_get::<i64, _>("from_applicant")? != 0,
                    body: r.try_get("body")?,
                    read_at: r.try_get("read_at")?,
                    attachments: files.iter().filter(|f| f.message_id == Some(id)).cloned().collect(),
                })
            })
            .collect()
    }

    pub async fn case_notes(&self, case_id: CaseId) -> Result<Vec<NoteRecord>> {
        let rows = sqlx::query(
            "select n.id, n.at, u.display_name, n.body from case_notes n join users u on u.id = n.author_id \
             where n.case_id = $1 order by n.id",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(NoteRecord {
                    id: r.try_get("id")?,
                    at: r.try_get("at")?,
                    author_name: r.try_get("display_name")?,
                    body: r.try_get("body")?,
                })
            })
            .collect()
    }

    pub async fn completion_requests(&self, case_id: CaseId) -> Result<Vec<CompletionRecord>> {
        let rows = sqlx::query(
            "select r.id, r.requested_at, u.display_name, r.message, r.reply_by, r.answered_at, r.answer, r.closed_at \
             from completion_requests r join users u on u.id = r.requested_by where r.case_id = $1 order by r.id",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(CompletionRecord {
                    id: r.try_get("id")?,
                    requested_at: r.try_get("requested_at")?,
                    requested_by: r.try_get("display_name")?,
                    message: r.try_get("message")?,
                    reply_by: r.try_get("reply_by")?,
                    answered_at: r.try_get("answered_at")?,
                    answer: r.try_get("answer")?,
                    closed_at: r.try_get("closed_at")?,
                })
            })
            .collect()
    }

    pub async fn decision(&self, case_id: CaseId) -> Result<Option<DecisionRecord>> {
        let row = sqlx::query(
            "select d.outcome, u.display_name, d.decided_at, d.lang, d.template, d.motivation, d.appeal from decisions d \
             join users u on u.id = d.decided_by where d.case_id = $1",
        )
        .bind(case_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            let o: String = r.try_get("outcome")?;
            Ok(DecisionRecord {
                outcome: DecisionOutcome::parse(&o).ok_or_else(|| corrupt("outcome", &o))?,
                decided_by: r.try_get("display_name")?,
                decided_at: r.try_get("decided_at")?,
                lang: r.try_get("lang")?,
                template: r.try_get("template")?,
                motivation: r.try_get("motivation")?,
                appeal: r.try_get("appeal")?,
            })
        })
        .transpose()
    }

    /// The satisfaction questions the applicant has been asked and not yet answered.
    pub async fn pending_surveys(&self, case_id: CaseId) -> Result<Vec<SurveyStage>> {
        let rows = sqlx::query(
            "select stage from survey_invitations where case_id = $1 and answered_at is null order by stage",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let s: String = r.try_get("stage")?;
                SurveyStage::parse(&s).ok_or_else(|| corrupt("survey stage", &s))
            })
            .collect()
    }

    /// Records an answer once per invitation. The answer row holds no case and no person: the
    /// invitation is marked answered, and the answer is stored apart with only the service and day.
    pub async fn answer_survey(
        &self,
        case_id: CaseId,
        stage: SurveyStage,
        service_slug: &str,
        day: &str,
        a: &SatisfactionAnswer,
        now: i64,
    ) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update survey_invitations set answered_at = $1 where case_id = $2 and stage = $3 and answered_at is null",
        )
        .bind(now)
        .bind(case_id)
        .bind(stage.slug())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query(
            "insert into survey_answers (service_slug, stage, day, score, useful, easy, comment) \
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(service_slug)
        .bind(stage.slug())
        .bind(day)
        .bind(i64::from(a.score))
        .bind(a.useful.map(i64::from))
        .bind(a.easy.map(i64::from))
        .bind(a.comment.as_deref())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A service's satisfaction answers (for the service owner's reports).
    pub async fn survey_answers(&self, service_slug: &str) -> Result<Vec<SurveyRow>> {
        let rows = sqlx::query(
            "select stage, day, score, useful, easy, comment from survey_answers where service_slug = $1 order by day, id",
        )
        .bind(service_slug)
        .fetch_all(&self.pool)
        .await?;
        let small = |v: Option<i64>| v.and_then(|x| u8::try_from(x).ok());
        rows.iter()
            .map(|r| {
                Ok(SurveyRow {
                    stage: r.try_get("stage")?,
                    day: r.try_get("day")?,
                    answer: SatisfactionAnswer {
                        score: small(Some(r.try_get("score")?)).unwrap_or(0),
                        useful: small(r.try_get("useful")?),
                        easy: small(r.try_get("easy")?),
                        comment: r.try_get("comment")?,
                    },
                })
            })
            .collect()
    }
}

async fn insert_message(
    tx: &mut Tx<'_>,
    case_id: CaseId,
    author: UserId,
    from_applicant: bool,
    body: &str,
    files: &[NewAttachment<'_>],
    now: i64,
) -> Result<i64> {
    let id: i64 = sqlx::query(
        "insert into case_messages (case_id, at, author_id, from_applicant, body) values ($1, $2, $3, $4, $5) returning id",
    )
    .bind(case_id)
    .bind(now)
    .bind(author)
    .bind(i64::from(from_applicant))
    .bind(body)
    .fetch_one(&mut **tx)
    .await?
    .try_get("id")?;
    for f in files {
        insert_attachment(tx, f, None, Some(case_id), Some(id)).await?;
    }
    event(tx, case_id, now, Some(author), Event { kind: "message", change: None, detail: None, public: true }).await?;
    Ok(id)
}
