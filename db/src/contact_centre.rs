//! The contact centre's storage: errands and their timelines, caller look-ups, the telephony
//! platform's call events, call-back promises and their tries, the staff and unit directory.
//!
//! Policy:
//! - An errand is registered in one transaction with everything its outcome makes: the inquiry
//!   or feedback case in the unit's queue (with the errand's history as its first note), the
//!   call-back promise, the SMS or e-mail with the e-service's link. A double submit (the same
//!   idempotency key from the same agent) finds the errand it made.
//! - A telephony event is accepted once per `(platform, id)`: the key refuses a replay, even two
//!   at the same instant on several nodes; an abandoned call or a voicemail with a number makes
//!   one promise per call (`callbacks.call_key` is unique).
//! - A call-back is claimed with a compare-and-set: of two agents, one wins, the other is told.
//! - A look-up is written with its reason before anything about the person is read, and the
//!   person reads it back in Mina sidor.
//! - An errand handed to a unit closes when the unit decides or closes the case (`cases.rs`
//!   calls `errand_parts::close_errands_of_case` in the transition's transaction).

use crate::errand_parts::errand_event;
use crate::tx::Tx;
use crate::{DbError, Result, Store};
use sqlx::Row;
use stadsporten_domain::calendar::DayKind;
use stadsporten_domain::contact_centre::figures;
use stadsporten_domain::contact_centre::telephony::{CallEvent, CallEventKind};
use stadsporten_domain::contact_centre::{
    errand_number, lookup_reference, AnswerBy, AttemptOutcome, CallbackReason, CallbackStatus, ContactChannel,
    ErrandOutcome, ErrandStatus, LookupReason,
};
use stadsporten_domain::eservice::Answers;
use stadsporten_domain::ids::{CallbackId, CaseId, DefinitionId, DraftId, ErrandId, UserId};
use stadsporten_domain::measure::CaseChannel;

/// The persona key of the one user that stands for callers who did not say who they are, so
/// an anonymous errand can still become a case in a unit's queue. It never signs in.
pub const ANONYMOUS_CALLER: &str = "contact-centre-anonymous-caller";

/// The case an errand hands over: the service definition and how to fill it in.
#[derive(Debug, Clone)]
pub struct HandoverCase {
    pub definition_id: DefinitionId,
    pub service_slug: String,
    pub unit_code: String,
    pub provider_unit: Option<String>,
    pub provider_org: Option<String>,
    pub answers: Answers,
    pub handling_days: u32,
    pub day_kind: DayKind,
    pub lang: String,
}

/// A message to send to the caller's own number or address (not to a user's chosen channel).
#[derive(Debug, Clone)]
pub struct DirectMessage {
    /// `sms` or `email`.
    pub channel: String,
    pub recipient: String,
    pub lang: String,
    pub event: String,
    pub args: serde_json::Value,
}

/// A new errand as the agent registered it.
#[derive(Debug, Clone)]
pub struct NewErrand {
    pub channel: ContactChannel,
    pub service_slug: Option<String>,
    pub category: Option<String>,
    pub person_id: Option<UserId>,
    pub caller_name: Option<String>,
    pub caller_phone: Option<String>,
    pub caller_email: Option<String>,
    pub notes: String,
    pub outcome: ErrandOutcome,
    pub unit_code: Option<String>,
    pub answer_by: Option<AnswerBy>,
    pub call_key: Option<String>,
    pub agent_id: UserId,
    pub agent_unit: String,
    pub idempotency_key: String,
    /// Handed over or feedback: the case to file.
    pub case: Option<HandoverCase>,
    /// Answered with "send the link".
    pub link: Option<DirectMessage>,
    /// A call-back booked: its number, queue and deadline.
    pub callback: Option<(String, String, i64)>,
    pub year: u32,
    pub now: i64,
}

/// An e-service started for a person with their consent.
#[derive(Debug, Clone)]
pub struct NewAssistedDraft<'a> {
    pub token: &'a stadsporten_domain::ids::DraftToken,
    pub person: UserId,
    pub definition_id: DefinitionId,
    pub service_slug: &'a str,
    pub agent: UserId,
    pub agent_unit: &'a str,
    /// How the consent was given.
    pub via: ContactChannel,
    pub agent_submits: bool,
    pub notes: &'a str,
    pub year: u32,
    pub now: i64,
    pub expires_at: i64,
}

/// What registering an errand made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrandSaved {
    pub id: ErrandId,
    pub number: String,
    pub case_id: Option<CaseId>,
    pub case_number: Option<String>,
    pub replayed: bool,
}

/// An errand as shown.
#[derive(Debug, Clone)]
pub struct ErrandRecord {
    pub id: ErrandId,
    pub number: String,
    pub channel: ContactChannel,
    pub service_slug: Option<String>,
    pub category: Option<String>,
    pub person_id: Option<UserId>,
    pub person_name: Option<String>,
    pub caller_name: Option<String>,
    pub caller_phone: Option<String>,
    pub caller_email: Option<String>,
    pub notes: String,
    pub outcome: ErrandOutcome,
    pub status: ErrandStatus,
    pub unit_code: Option<String>,
    pub case_id: Option<CaseId>,
    pub case_number: Option<String>,
    pub case_status: Option<String>,
    pub answer_by: Option<AnswerBy>,
    pub agent_id: UserId,
    pub agent_name: String,
    pub agent_unit: String,
    pub created_at: i64,
    pub closed_at: Option<i64>,
}

/// One line of an errand's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrandEvent {
    pub at: i64,
    pub kind: String,
    pub detail: Option<String>,
    pub public: bool,
}

/// A look-up as written.
#[derive(Debug, Clone)]
pub struct NewLookup {
    pub person_id: UserId,
    pub agent_id: UserId,
    pub agent_unit: String,
    pub reason: LookupReason,
    pub explanation: String,
    /// `personnummer`, `name-birth-date` or `phone`.
    pub searched_by: &'static str,
    pub year: u32,
    pub now: i64,
}

/// A look-up as the person (and the agent) sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupRow {
    pub reference: String,
    pub at: i64,
    pub agent_name: String,
    pub agent_unit: String,
    pub reason: String,
    pub explanation: String,
}

/// A person a look-up found: whom it is, never what their cases say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonFound {
    pub id: UserId,
    pub name: String,
    /// Protected personal data (sekretessmarkering, skyddad folkbokföring): no contact details.
    pub protected: bool,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// What the telephony event did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventAccepted {
    /// Recorded; a call-back promise was made when `Some`.
    New { callback: Option<CallbackId> },
    /// The same `(platform, id)` was accepted before: nothing changed.
    Duplicate,
}

/// A call-back in the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackRow {
    pub id: CallbackId,
    pub phone: String,
    pub queue: String,
    pub reason: CallbackReason,
    pub about: Option<String>,
    pub errand_id: Option<ErrandId>,
    pub status: CallbackStatus,
    pub created_at: i64,
    pub due_at: i64,
    pub claimed_by: Option<UserId>,
    pub claimed_by_name: Option<String>,
    pub claimed_until: Option<i64>,
    pub attempts: i64,
    pub failed_attempts: i64,
    pub done_at: Option<i64>,
    pub kept: Option<bool>,
}

/// One try to call back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttemptRow {
    pub at: i64,
    pub agent_name: String,
    pub outcome: String,
    pub note: Option<String>,
}

/// One try as the agent logs it, and the SMS the caller gets after `sms_after` failed tries.
#[derive(Debug, Clone, Copy)]
pub struct NewAttempt<'a> {
    pub outcome: AttemptOutcome,
    pub note: Option<&'a str>,
    pub sms_after: i64,
    pub sms: &'a DirectMessage,
}

/// What a try did to the promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptResult {
    pub status: CallbackStatus,
    pub kept: Option<bool>,
    /// The SMS after the last failed try was queued.
    pub sms_sent: bool,
}

/// The live board's figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Board {
    /// Calls offered or queued now (not answered, abandoned or ended).
    pub waiting: i64,
    pub oldest_waiting_since: Option<i64>,
    pub callbacks_open: i64,
    pub callbacks_due_soon: i64,
    pub callbacks_overdue: i64,
    /// The open promise made longest ago: when, and its deadline.
    pub oldest_promise: Option<(i64, i64)>,
    /// Promises ended today, and of those kept.
    pub ended_today: i64,
    pub kept_today: i64,
    pub errands_today: i64,
    pub errands_with_units: i64,
}

/// A call an agent has answered now (for "suggest the look-up").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnsweredCall {
    pub call_key: String,
    pub caller: Option<String>,
    pub queue: String,
    pub answered_at: i64,
    /// The number belongs to a registered person (who is not named until looked up).
    pub known_person: bool,
}

/// A directory entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryEntry {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub unit_code: String,
    pub function: String,
    pub direct_number: Option<String>,
    pub extension: Option<String>,
    pub availability: String,
    pub availability_note: Option<String>,
    pub available_again_at: Option<i64>,
}

/// A new directory entry (seed and administration).
#[derive(Debug, Clone)]
pub struct NewDirectoryEntry<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub unit_code: &'a str,
    pub function: &'a str,
    pub direct_number: Option<&'a str>,
    pub extension: Option<&'a str>,
}

fn corrupt(what: &str, v: &str) -> DbError {
    DbError::CorruptRow(format!("{what}: {v}"))
}

async fn next_in_series(tx: &mut Tx<'_>, kind: &str, year: u32) -> Result<i64> {
    Ok(sqlx::query(
        "insert into contact_series (kind, year, last) values ($1, $2, 1) \
         on conflict (kind, year) do update set last = contact_series.last + 1 returning last",
    )
    .bind(kind)
    .bind(i64::from(year))
    .fetch_one(&mut **tx)
    .await?
    .try_get("last")?)
}

/// Queues a message to a number or address that is not a user's chosen channel (the caller's
/// own, told on the phone), inside the caller's transaction.
pub(crate) async fn enqueue_direct(tx: &mut Tx<'_>, m: &DirectMessage, now: i64) -> Result<()> {
    sqlx::query(
        "insert into outbox (channel, recipient, lang, event, args, created_at, next_attempt_at) \
         values ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(&m.channel)
    .bind(&m.recipient)
    .bind(&m.lang)
    .bind(&m.event)
    .bind(m.args.to_string())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn anonymous_caller(tx: &mut Tx<'_>, now: i64) -> Result<UserId> {
    if let Some(r) =
        sqlx::query("select id from users where persona = $1").bind(ANONYMOUS_CALLER).fetch_optional(&mut **tx).await?
    {
        return Ok(r.try_get("id")?);
    }
    Ok(sqlx::query(
        "insert into users (kind, display_name, persona, disabled_at, notify_via, updated_at) \
         values ('person', 'Okänd uppringare (via kontaktcenter)', $1, $2, 'portal', $2) returning id",
    )
    .bind(ANONYMOUS_CALLER)
    .bind(now)
    .fetch_one(&mut **tx)
    .await?
    .try_get("id")?)
}

const ERRAND_COLUMNS: &str =
    "e.id, e.number, e.channel, e.service_slug, e.category, e.person_id, p.display_name as person_name, \
     e.caller_name, e.caller_phone, e.caller_email, e.notes, e.outcome, e.status, e.unit_code, e.case_id, \
     c.case_number, c.status as case_status, e.answer_by, e.agent_id, a.display_name as agent_name, e.agent_unit, \
     e.created_at, e.closed_at";
const ERRAND_FROM: &str = "from errands e join users a on a.id = e.agent_id left join users p on p.id = e.person_id \
     left join cases c on c.id = e.case_id";

fn errand_from_row(r: &sqlx::any::AnyRow) -> Result<ErrandRecord> {
    let channel: String = r.try_get("channel")?;
    let outcome: String = r.try_get("outcome")?;
    let status: String = r.try_get("status")?;
    let answer_by: Option<String> = r.try_get("answer_by")?;
    Ok(ErrandRecord {
        id: r.try_get("id")?,
        number: r.try_get("number")?,
        channel: ContactChannel::parse(&channel).ok_or_else(|| corrupt("errand channel", &channel))?,
        service_slug: r.try_get("service_slug")?,
        category: r.try_get("category")?,
        person_id: r.try_get("person_id")?,
        person_name: r.try_get("person_name")?,
        caller_name: r.try_get("caller_name")?,
        caller_phone: r.try_get("caller_phone")?,
        caller_email: r.try_get("caller_email")?,
        notes: r.try_get("notes")?,
        outcome: ErrandOutcome::parse(&outcome).ok_or_else(|| corrupt("errand outcome", &outcome))?,
        status: ErrandStatus::parse(&status).ok_or_else(|| corrupt("errand status", &status))?,
        unit_code: r.try_get("unit_code")?,
        case_id: r.try_get("case_id")?,
        case_number: r.try_get("case_number")?,
        case_status: r.try_get("case_status")?,
        answer_by: answer_by.as_deref().and_then(AnswerBy::parse),
        agent_id: r.try_get("agent_id")?,
        agent_name: r.try_get("agent_name")?,
        agent_unit: r.try_get("agent_unit")?,
        created_at: r.try_get("created_at")?,
        closed_at: r.try_get("closed_at")?,
    })
}

const CALLBACK_COLUMNS: &str = "b.id, b.phone, b.queue, b.reason, b.about, b.errand_id, b.status, b.created_at, b.due_at, \
     b.claimed_by, u.display_name as claimed_by_name, b.claimed_until, b.attempts, b.failed_attempts, b.done_at, b.kept";

fn callback_from_row(r: &sqlx::any::AnyRow) -> Result<CallbackRow> {
    let reason: String = r.try_get("reason")?;
    let status: String = r.try_get("status")?;
    let kept: Option<i64> = r.try_get("kept")?;
    Ok(CallbackRow {
        id: r.try_get("id")?,
        phone: r.try_get("phone")?,
        queue: r.try_get("queue")?,
        reason: CallbackReason::parse(&reason).ok_or_else(|| corrupt("call-back reason", &reason))?,
        about: r.try_get("about")?,
        errand_id: r.try_get("errand_id")?,
        status: CallbackStatus::parse(&status).ok_or_else(|| corrupt("call-back status", &status))?,
        created_at: r.try_get("created_at")?,
        due_at: r.try_get("due_at")?,
        claimed_by: r.try_get("claimed_by")?,
        claimed_by_name: r.try_get("claimed_by_name")?,
        claimed_until: r.try_get("claimed_until")?,
        attempts: r.try_get("attempts")?,
        failed_attempts: r.try_get("failed_attempts")?,
        done_at: r.try_get("done_at")?,
        kept: kept.map(|k| k != 0),
    })
}

impl Store {
    /// Registers an errand with everything its outcome makes, in one transaction (see the
    /// module's policy). The attached audit entry names the errand.
    pub async fn register_errand(&self, e: &NewErrand) -> Result<ErrandSaved> {
        let mut tx = self.begin_write().await?;
        if let Some(r) = sqlx::query(
            "select e.id, e.number, e.case_id, c.case_number from errands e left join cases c on c.id = e.case_id \
             where e.agent_id = $1 and e.idempotency_key = $2",
        )
        .bind(e.agent_id)
        .bind(&e.idempotency_key)
        .fetch_optional(&mut *tx)
        .await?
        {
            tx.rollback().await?;
            return Ok(ErrandSaved {
                id: r.try_get("id")?,
                number: r.try_get("number")?,
                case_id: r.try_get("case_id")?,
                case_number: r.try_get("case_number")?,
                replayed: true,
            });
        }
        let seq = next_in_series(&mut tx, "E", e.year).await?;
        let number = errand_number(e.year, seq);
        let id: ErrandId = sqlx::query(
            "insert into errands (number, channel, service_slug, category, person_id, caller_name, caller_phone, \
             caller_email, notes, outcome, status, unit_code, answer_by, call_key, agent_id, agent_unit, \
             idempotency_key, created_at, updated_at, closed_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19) \
             returning id",
        )
        .bind(&number)
        .bind(e.channel.slug())
        .bind(e.service_slug.as_deref())
        .bind(e.category.as_deref())
        .bind(e.person_id)
        .bind(e.caller_name.as_deref())
        .bind(e.caller_phone.as_deref())
        .bind(e.caller_email.as_deref())
        .bind(&e.notes)
        .bind(e.outcome.slug())
        .bind(e.outcome.initial_status().slug())
        .bind(e.unit_code.as_deref())
        .bind(e.answer_by.map(|a| a.slug()))
        .bind(e.call_key.as_deref())
        .bind(e.agent_id)
        .bind(&e.agent_unit)
        .bind(&e.idempotency_key)
        .bind(e.now)
        .bind((e.outcome == ErrandOutcome::Answered).then_some(e.now))
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        errand_event(&mut tx, id, e.now, Some(e.agent_id), "registered", Some(e.channel.slug()), true).await?;
        let mut case = None;
        match e.outcome {
            ErrandOutcome::Answered => {
                errand_event(&mut tx, id, e.now, Some(e.agent_id), "answered", None, true).await?;
                if let Some(link) = &e.link {
                    enqueue_direct(&mut tx, link, e.now).await?;
                    errand_event(&mut tx, id, e.now, Some(e.agent_id), "link-sent", Some(&link.channel), true).await?;
                }
            }
            ErrandOutcome::HandedOver | ErrandOutcome::Feedback => {
                let Some(h) = &e.case else {
                    tx.rollback().await?;
                    return Err(DbError::NotFound);
                };
                let applicant = match e.person_id {
                    Some(p) => p,
                    None => anonymous_caller(&mut tx, e.now).await?,
                };
                let key = format!("errand:{}", id);
                let sub = crate::Submission {
                    // No draft: the errand's answers carry no files.
                    draft_id: DraftId::new(0),
                    applicant_id: applicant,
                    acting_for: None,
                    idempotency_key: &key,
                    definition_id: h.definition_id,
                    service_slug: &h.service_slug,
                    unit_code: &h.unit_code,
                    provider_unit: h.provider_unit.as_deref(),
                    provider_org: h.provider_org.as_deref(),
                    year: e.year,
                    lang: &h.lang,
                    answers: &h.answers,
                    handling_days: h.handling_days,
                    day_kind: h.day_kind,
                    channel: CaseChannel::Assisted,
                    now: e.now,
                };
                let (case_id, case_number) = crate::cases::insert_case(&mut tx, &sub, None).await?;
                crate::cases::event(
                    &mut tx,
                    case_id,
                    e.now,
                    Some(e.agent_id),
                    crate::cases::Event {
                        kind: "via-contact-centre",
                        change: None,
                        detail: Some(&number),
                        public: true,
                    },
                )
                .await?;
                // The errand's history, for the officer: channel, what was said, how to answer.
                let note = format!(
                    "{number} · {} · {}{}\n\n{}",
                    e.channel.slug(),
                    e.answer_by.map(|a| a.slug()).unwrap_or("my-pages"),
                    e.caller_phone.as_deref().map(|p| format!(" · {p}")).unwrap_or_default(),
                    e.notes
                );
                sqlx::query("insert into case_notes (case_id, at, author_id, body) values ($1, $2, $3, $4)")
                    .bind(case_id)
                    .bind(e.now)
                    .bind(e.agent_id)
                    .bind(note)
                    .execute(&mut *tx)
                    .await?;
                if e.person_id.is_some() {
                    let args = serde_json::json!({ "case_number": case_number, "service": h.service_slug, "days": h.handling_days });
                    crate::outbox::enqueue(
                        &mut tx,
                        applicant,
                        stadsporten_domain::eservice::NotificationEvent::Receipt,
                        Some(case_id),
                        None,
                        &args,
                        e.now,
                    )
                    .await?;
                }
                sqlx::query("update errands set case_id = $1 where id = $2")
                    .bind(case_id)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                let kind = if e.outcome == ErrandOutcome::Feedback { "feedback-filed" } else { "handed-over" };
                errand_event(&mut tx, id, e.now, Some(e.agent_id), kind, Some(&case_number), true).await?;
                case = Some((case_id, case_number));
            }
            ErrandOutcome::CallBack => {
                let Some((phone, queue, due)) = &e.callback else {
                    tx.rollback().await?;
                    return Err(DbError::NotFound);
                };
                sqlx::query(
                    "insert into callbacks (phone, queue, reason, about, errand_id, created_at, due_at) \
                     values ($1, $2, 'booked', $3, $4, $5, $6)",
                )
                .bind(phone)
                .bind(queue)
                .bind(e.service_slug.as_deref().or(e.category.as_deref()))
                .bind(id)
                .bind(e.now)
                .bind(due)
                .execute(&mut *tx)
                .await?;
                errand_event(&mut tx, id, e.now, Some(e.agent_id), "callback-booked", Some(&due.to_string()), true)
                    .await?;
            }
        }
        if let Some(call) = &e.call_key {
            // A promise from this call is fulfilled by the errand the agent registered on it.
            sqlx::query("update callbacks set errand_id = $1 where call_key = $2 and errand_id is null")
                .bind(id)
                .bind(call)
                .execute(&mut *tx)
                .await?;
        }
        tx.audit_object(&number);
        tx.commit().await?;
        Ok(ErrandSaved {
            id,
            number,
            case_id: case.as_ref().map(|c| c.0),
            case_number: case.map(|c| c.1),
            replayed: false,
        })
    }

    /// Starts an e-service for a person with their consent (assisted digital): a draft that is
    /// theirs (it is in their Mina sidor), recording the agent, how and when the consent was
    /// given, and whether the agent will submit; and the errand it belongs to, in one transaction.
    pub async fn start_assisted_draft(&self, a: &NewAssistedDraft<'_>) -> Result<(crate::DraftRecord, ErrandSaved)> {
        let mut tx = self.begin_write().await?;
        let row = sqlx::query(&format!(
            "insert into drafts (token, user_id, definition_id, created_at, updated_at, expires_at, journey, furthest, \
             assisted_by, consent_at, consent_via, agent_submits) \
             values ($1, $2, $3, $4, $4, $5, 'assisted:computer', 1, $6, $4, $7, $8) returning {}",
            crate::eservices::DRAFT_COLUMNS
        ))
        .bind(a.token)
        .bind(a.person)
        .bind(a.definition_id)
        .bind(a.now)
        .bind(a.expires_at)
        .bind(a.agent)
        .bind(a.via.slug())
        .bind(i64::from(a.agent_submits))
        .fetch_one(&mut *tx)
        .await?;
        let draft = crate::eservices::draft_from_row(&row)?;
        let seq = next_in_series(&mut tx, "E", a.year).await?;
        let number = errand_number(a.year, seq);
        let id: ErrandId = sqlx::query(
            "insert into errands (number, channel, service_slug, category, person_id, notes, outcome, status, agent_id, \
             agent_unit, idempotency_key, created_at, updated_at, closed_at) \
             values ($1, $2, $3, 'eservice-help', $4, $5, 'answered', 'closed', $6, $7, $8, $9, $9, $9) returning id",
        )
        .bind(&number)
        .bind(a.via.slug())
        .bind(a.service_slug)
        .bind(a.person)
        .bind(a.notes)
        .bind(a.agent)
        .bind(a.agent_unit)
        .bind(format!("assisted:{}", draft.id))
        .bind(a.now)
        .fetch_one(&mut *tx)
        .await?
        .try_get("id")?;
        errand_event(&mut tx, id, a.now, Some(a.agent), "registered", Some(a.via.slug()), true).await?;
        let kind = if a.agent_submits { "assisted-agent" } else { "assisted-resident" };
        errand_event(&mut tx, id, a.now, Some(a.agent), kind, Some(a.service_slug), true).await?;
        tx.audit_object(draft.id);
        tx.commit().await?;
        Ok((draft, ErrandSaved { id, number, case_id: None, case_number: None, replayed: false }))
    }

    pub async fn errand(&self, id: ErrandId) -> Result<Option<ErrandRecord>> {
        let row = sqlx::query(&format!("select {ERRAND_COLUMNS} {ERRAND_FROM} where e.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(errand_from_row).transpose()
    }

    pub async fn errand_events(&self, id: ErrandId) -> Result<Vec<ErrandEvent>> {
        let rows = sqlx::query("select at, kind, detail, public from errand_events where errand_id = $1 order by id")
            .bind(id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ErrandEvent {
                    at: r.try_get("at")?,
                    kind: r.try_get("kind")?,
                    detail: r.try_get("detail")?,
                    public: r.try_get::<i64, _>("public")? != 0,
                })
            })
            .collect()
    }

    /// A person's errands, newest first (Mina sidor and the look-up).
    pub async fn errands_of_person(&self, person: UserId, limit: i64) -> Result<Vec<ErrandRecord>> {
        let rows = sqlx::query(&format!(
            "select {ERRAND_COLUMNS} {ERRAND_FROM} where e.person_id = $1 order by e.created_at desc, e.id desc limit $2"
        ))
        .bind(person)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(errand_from_row).collect()
    }

    /// The contact centre's errands: the open ones and those with units (oldest first), or the
    /// latest of every status.
    pub async fn errands(&self, open_only: bool, limit: i64) -> Result<Vec<ErrandRecord>> {
        let sql = if open_only {
            format!(
                "select {ERRAND_COLUMNS} {ERRAND_FROM} where e.status <> 'closed' order by e.created_at, e.id limit $1"
            )
        } else {
            format!("select {ERRAND_COLUMNS} {ERRAND_FROM} order by e.created_at desc, e.id desc limit $1")
        };
        let rows = sqlx::query(&sql).bind(limit).fetch_all(&self.pool).await?;
        rows.iter().map(errand_from_row).collect()
    }

    /// Writes a look-up (the attached audit entry names its reference) and returns the reference.
    pub async fn record_lookup(&self, l: &NewLookup) -> Result<String> {
        let mut tx = self.begin_write().await?;
        let seq = next_in_series(&mut tx, "L", l.year).await?;
        let reference = lookup_reference(l.year, seq);
        sqlx::query(
            "insert into caller_lookups (reference, person_id, agent_id, agent_unit, reason, explanation, searched_by, at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&reference)
        .bind(l.person_id)
        .bind(l.agent_id)
        .bind(&l.agent_unit)
        .bind(l.reason.slug())
        .bind(&l.explanation)
        .bind(l.searched_by)
        .bind(l.now)
        .execute(&mut *tx)
        .await?;
        tx.audit_object(l.person_id);
        tx.audit_reason(format!("{reference} {}", l.reason.slug()));
        tx.commit().await?;
        Ok(reference)
    }

    /// The reference of the agent's look-up of the person since `since`, if any: an agent opens
    /// a person only through a look-up with a reason.
    pub async fn active_lookup(&self, agent: UserId, person: UserId, since: i64) -> Result<Option<String>> {
        Ok(sqlx::query(
            "select reference from caller_lookups where agent_id = $1 and person_id = $2 and at >= $3 \
             order by at desc, id desc limit 1",
        )
        .bind(agent)
        .bind(person)
        .bind(since)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| r.try_get::<String, _>("reference"))
        .transpose()?)
    }

    /// Who looked a person up, newest first.
    pub async fn lookups_of_person(&self, person: UserId, limit: i64) -> Result<Vec<LookupRow>> {
        let rows = sqlx::query(
            "select l.reference, l.at, u.display_name as agent_name, l.agent_unit, l.reason, l.explanation \
             from caller_lookups l join users u on u.id = l.agent_id where l.person_id = $1 \
             order by l.at desc, l.id desc limit $2",
        )
        .bind(person)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(LookupRow {
                    reference: r.try_get("reference")?,
                    at: r.try_get("at")?,
                    agent_name: r.try_get("agent_name")?,
                    agent_unit: r.try_get("agent_unit")?,
                    reason: r.try_get("reason")?,
                    explanation: r.try_get("explanation")?,
                })
            })
            .collect()
    }

    fn person_from_row(r: &sqlx::any::AnyRow) -> Result<PersonFound> {
        let protected: i64 = r.try_get("protected_identity")?;
        Ok(PersonFound {
            id: r.try_get("id")?,
            name: r.try_get("display_name")?,
            protected: protected != 0,
            phone: r.try_get("phone")?,
            email: r.try_get("email")?,
        })
    }

    /// A registered person by id (not staff).
    pub async fn person(&self, id: UserId) -> Result<Option<PersonFound>> {
        let row = sqlx::query(
            "select id, display_name, protected_identity, phone, email from users where kind = 'person' and id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(Self::person_from_row).transpose()
    }

    /// The person with this personnummer (12 digits), if registered.
    pub async fn person_by_personnummer(&self, pnr: &str) -> Result<Option<PersonFound>> {
        let row = sqlx::query(
            "select id, display_name, protected_identity, phone, email from users \
             where kind = 'person' and personal_identity_number = $1 and disabled_at is null",
        )
        .bind(pnr)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(Self::person_from_row).transpose()
    }

    /// People with this birth date (`YYYYMMDD`) whose name contains every word given.
    pub async fn people_by_name_and_birth(&self, name: &str, birth: &str) -> Result<Vec<PersonFound>> {
        let rows = sqlx::query(
            "select id, display_name, protected_identity, phone, email from users \
             where kind = 'person' and disabled_at is null and personal_identity_number like $1 order by id limit 50",
        )
        .bind(format!("{birth}%"))
        .fetch_all(&self.pool)
        .await?;
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let mut out = Vec::new();
        for r in &rows {
            let p = Self::person_from_row(r)?;
            let n = p.name.to_lowercase();
            if !words.is_empty() && words.iter().all(|w| n.contains(w.as_str())) {
                out.push(p);
            }
        }
        Ok(out)
    }

    /// The person whose contact number is this one (E.164), if exactly one.
    pub async fn person_by_phone(&self, e164: &str) -> Result<Option<PersonFound>> {
        let rows = sqlx::query(
            "select id, display_name, protected_identity, phone, email from users \
             where kind = 'person' and disabled_at is null and phone_e164 = $1 limit 2",
        )
        .bind(e164)
        .fetch_all(&self.pool)
        .await?;
        if rows.len() != 1 {
            return Ok(None);
        }
        rows.first().map(Self::person_from_row).transpose()
    }

    /// Records a telephony event once and applies it: the call's state, a call-back promise for
    /// an abandoned call or a voicemail with a number (due at `callback_due`), a presence change
    /// in the directory. The attached audit entry (if any) names the event.
    pub async fn accept_call_event(
        &self,
        platform: &str,
        e: &CallEvent,
        occurred_at: i64,
        callback_due: i64,
        now: i64,
    ) -> Result<EventAccepted> {
        let mut tx = self.begin_write().await?;
        let call_key = (!e.call_id.is_empty()).then(|| format!("{platform}:{}", e.call_id));
        let inserted = sqlx::query(
            "insert into telephony_events (platform, event_id, kind, call_key, occurred_at, received_at) \
             values ($1, $2, $3, $4, $5, $6) on conflict (platform, event_id) do nothing",
        )
        .bind(platform)
        .bind(&e.id)
        .bind(e.kind.slug())
        .bind(call_key.as_deref())
        .bind(occurred_at)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(EventAccepted::Duplicate);
        }
        let mut callback = None;
        if e.kind == CallEventKind::Presence {
            let agent = e.agent.as_deref().unwrap_or_default();
            sqlx::query(
                "update staff_directory set availability = $1, availability_note = null, available_again_at = null, \
                 updated_at = $2 where email = $3 or extension = $3",
            )
            .bind(e.presence.as_deref().unwrap_or("available"))
            .bind(now)
            .bind(agent)
            .execute(&mut *tx)
            .await?;
        } else if let Some(key) = &call_key {
            let queue = e.queue.clone().unwrap_or_else(|| "general".into());
            let caller = e.caller.as_ref().map(|c| c.as_str().to_owned());
            // The first event of a call opens it; later ones move it on. Events may arrive out of
            // order: a final state (abandoned, voicemail, ended, transferred) is never undone by
            // a late "queued".
            sqlx::query(
                "insert into calls (call_key, queue, caller, state, offered_at, updated_at) values ($1, $2, $3, $4, $5, $6) \
                 on conflict (call_key) do nothing",
            )
            .bind(key)
            .bind(&queue)
            .bind(caller.as_deref())
            .bind(e.kind.slug())
            .bind(occurred_at)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let state = match e.kind {
                CallEventKind::Offered | CallEventKind::Queued => None,
                k => Some(k.slug()),
            };
            sqlx::query(
                "update calls set caller = coalesce(caller, $1), \
                 state = case when $2 = '' then (case when state in ('offered', 'queued') then $3 else state end) else $2 end, \
                 agent = coalesce($4, agent), \
                 answered_at = case when $2 = 'answered' then coalesce(answered_at, $5) else answered_at end, \
                 ended_at = case when $2 in ('abandoned', 'voicemail', 'ended', 'transferred') then coalesce(ended_at, $5) else ended_at end, \
                 waited_seconds = coalesce($6, waited_seconds), updated_at = $7 where call_key = $8",
            )
            .bind(caller.as_deref())
            .bind(state.unwrap_or(""))
            .bind(e.kind.slug())
            .bind(e.agent.as_deref())
            .bind(occurred_at)
            .bind(e.waited_seconds)
            .bind(now)
            .bind(key)
            .execute(&mut *tx)
            .await?;
            if matches!(e.kind, CallEventKind::Abandoned | CallEventKind::Voicemail) {
                if let Some(phone) = &caller {
                    let reason = if e.kind == CallEventKind::Voicemail {
                        CallbackReason::Voicemail
                    } else {
                        CallbackReason::Abandoned
                    };
                    callback = sqlx::query(
                        "insert into callbacks (call_key, phone, queue, reason, about, created_at, due_at) \
                         values ($1, $2, $3, $4, $3, $5, $6) on conflict (call_key) do nothing returning id",
                    )
                    .bind(key)
                    .bind(phone)
                    .bind(&queue)
                    .bind(reason.slug())
                    .bind(occurred_at)
                    .bind(callback_due)
                    .fetch_optional(&mut *tx)
                    .await?
                    .map(|r| r.try_get::<CallbackId, _>("id"))
                    .transpose()?;
                }
            }
        }
        tx.audit_object(format!("{platform}:{}", e.id));
        tx.commit().await?;
        Ok(EventAccepted::New { callback })
    }

    /// The call-back queue: open promises by deadline.
    pub async fn callbacks_open(&self, limit: i64) -> Result<Vec<CallbackRow>> {
        let rows = sqlx::query(&format!(
            "select {CALLBACK_COLUMNS} from callbacks b left join users u on u.id = b.claimed_by \
             where b.status = 'open' order by b.due_at, b.id limit $1"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(callback_from_row).collect()
    }

    pub async fn callback(&self, id: CallbackId) -> Result<Option<CallbackRow>> {
        let row = sqlx::query(&format!(
            "select {CALLBACK_COLUMNS} from callbacks b left join users u on u.id = b.claimed_by where b.id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(callback_from_row).transpose()
    }

    pub async fn callback_attempts(&self, id: CallbackId) -> Result<Vec<AttemptRow>> {
        let rows = sqlx::query(
            "select t.at, u.display_name as agent_name, t.outcome, t.note from callback_attempts t \
             join users u on u.id = t.agent_id where t.callback_id = $1 order by t.id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AttemptRow {
                    at: r.try_get("at")?,
                    agent_name: r.try_get("agent_name")?,
                    outcome: r.try_get("outcome")?,
                    note: r.try_get("note")?,
                })
            })
            .collect()
    }

    /// Claims an open call-back for `agent` until `until`: one agent at a time. `Conflict` when a
    /// colleague holds it; `NotFound` when it is not open.
    pub async fn claim_callback(&self, id: CallbackId, agent: UserId, now: i64, until: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update callbacks set claimed_by = $1, claimed_until = $2 where id = $3 and status = 'open' \
             and (claimed_by is null or claimed_by = $1 or claimed_until < $4)",
        )
        .bind(agent)
        .bind(until)
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 1 {
            tx.audit_object(id);
            tx.commit().await?;
            return Ok(());
        }
        let open = sqlx::query("select status from callbacks where id = $1").bind(id).fetch_optional(&mut *tx).await?;
        tx.rollback().await?;
        match open.map(|r| r.try_get::<String, _>("status")).transpose()? {
            Some(s) if s == "open" => Err(DbError::Conflict),
            _ => Err(DbError::NotFound),
        }
    }

    /// Lets go of a claimed call-back (the agent could not make it now).
    pub async fn release_callback(&self, id: CallbackId, agent: UserId) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("update callbacks set claimed_by = null, claimed_until = null where id = $1 and claimed_by = $2")
            .bind(id)
            .bind(agent)
            .execute(&mut *tx)
            .await?;
        tx.audit_object(id);
        tx.commit().await?;
        Ok(())
    }

    /// Logs a try by the agent who holds the call-back. After `sms_after` failed tries the
    /// caller gets `sms` and the promise ends. `Conflict` when the agent does not hold it.
    pub async fn record_attempt(
        &self,
        id: CallbackId,
        agent: UserId,
        a: &NewAttempt<'_>,
        now: i64,
    ) -> Result<AttemptResult> {
        let NewAttempt { outcome, note, sms_after, sms } = *a;
        let mut tx = self.begin_write().await?;
        let failed = i64::from(outcome.is_failure());
        let done = sqlx::query(
            "update callbacks set attempts = attempts + 1, failed_attempts = failed_attempts + $1 \
             where id = $2 and status = 'open' and claimed_by = $3 returning failed_attempts, due_at, errand_id, sms_at",
        )
        .bind(failed)
        .bind(id)
        .bind(agent)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = done else {
            tx.rollback().await?;
            return Err(DbError::Conflict);
        };
        let failures: i64 = row.try_get("failed_attempts")?;
        let due: i64 = row.try_get("due_at")?;
        let errand: Option<ErrandId> = row.try_get("errand_id")?;
        let sms_at: Option<i64> = row.try_get("sms_at")?;
        sqlx::query(
            "insert into callback_attempts (callback_id, at, agent_id, outcome, note) values ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(now)
        .bind(agent)
        .bind(outcome.slug())
        .bind(note)
        .execute(&mut *tx)
        .await?;
        let mut result = AttemptResult { status: CallbackStatus::Open, kept: None, sms_sent: false };
        if outcome.ends_promise() {
            let kept = outcome == AttemptOutcome::Reached && now <= due;
            let status = if outcome == AttemptOutcome::Reached { CallbackStatus::Done } else { CallbackStatus::GaveUp };
            result = AttemptResult { status, kept: Some(kept), sms_sent: false };
        } else if outcome.is_failure() && failures >= sms_after && sms_at.is_none() {
            enqueue_direct(&mut tx, sms, now).await?;
            result = AttemptResult { status: CallbackStatus::GaveUp, kept: Some(false), sms_sent: true };
        }
        if result.status != CallbackStatus::Open {
            sqlx::query(
                "update callbacks set status = $1, done_at = $2, kept = $3, claimed_by = null, claimed_until = null, \
                 sms_at = case when $4 = 1 then $2 else sms_at end where id = $5",
            )
            .bind(result.status.slug())
            .bind(now)
            .bind(result.kept.map(i64::from))
            .bind(i64::from(result.sms_sent))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(errand) = errand {
            errand_event(&mut tx, errand, now, Some(agent), "callback-attempt", Some(outcome.slug()), true).await?;
            if result.sms_sent {
                errand_event(&mut tx, errand, now, None, "callback-sms", None, true).await?;
            }
            if result.status != CallbackStatus::Open {
                sqlx::query(
                    "update errands set status = 'closed', closed_at = $1, updated_at = $1 \
                     where id = $2 and status = 'open' and outcome = 'call-back'",
                )
                .bind(now)
                .bind(errand)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.audit_object(id);
        tx.audit_reason(outcome.slug());
        tx.commit().await?;
        Ok(result)
    }

    /// The board at `now`; "today" begins at `day_start`.
    pub async fn contact_board(&self, now: i64, day_start: i64) -> Result<Board> {
        // A call still "offered" after four hours lost its end event: not waiting any more.
        let waiting = sqlx::query(
            "select count(*) as n, min(offered_at) as oldest from calls where state in ('offered', 'queued') and offered_at > $1",
        )
        .bind(now - 4 * 3600)
        .fetch_one(&self.pool)
        .await?;
        let open = sqlx::query(
            "select count(*) as n, sum(case when due_at < $1 then 1 else 0 end) as overdue, \
             sum(case when due_at >= $1 and due_at <= $2 then 1 else 0 end) as soon from callbacks where status = 'open'",
        )
        .bind(now)
        .bind(now + 3600)
        .fetch_one(&self.pool)
        .await?;
        let oldest = sqlx::query(
            "select created_at, due_at from callbacks where status = 'open' order by created_at, id limit 1",
        )
        .fetch_optional(&self.pool)
        .await?;
        let ended = sqlx::query(
            "select count(*) as n, sum(case when kept = 1 then 1 else 0 end) as kept from callbacks \
             where status <> 'open' and done_at >= $1",
        )
        .bind(day_start)
        .fetch_one(&self.pool)
        .await?;
        let errands = sqlx::query(
            "select (select count(*) from errands where created_at >= $1) as today, \
             (select count(*) from errands where status = 'with-unit') as with_units",
        )
        .bind(day_start)
        .fetch_one(&self.pool)
        .await?;
        let opt = |r: &sqlx::any::AnyRow, c: &str| -> Result<i64> { Ok(r.try_get::<Option<i64>, _>(c)?.unwrap_or(0)) };
        Ok(Board {
            waiting: waiting.try_get("n")?,
            oldest_waiting_since: waiting.try_get("oldest")?,
            callbacks_open: open.try_get("n")?,
            callbacks_due_soon: opt(&open, "soon")?,
            callbacks_overdue: opt(&open, "overdue")?,
            oldest_promise: oldest
                .map(|r| Ok::<_, DbError>((r.try_get("created_at")?, r.try_get("due_at")?)))
                .transpose()?,
            ended_today: ended.try_get("n")?,
            kept_today: opt(&ended, "kept")?,
            errands_today: errands.try_get("today")?,
            errands_with_units: errands.try_get("with_units")?,
        })
    }

    /// The facts of the contact centre's figures in `[from, to)` (no person in them): errands by
    /// when they were registered, call-back promises made or ended then, calls that ended
    /// unanswered then.
    pub async fn contact_facts(
        &self,
        from: i64,
        to: i64,
    ) -> Result<(Vec<figures::ErrandFact>, Vec<figures::CallbackFact>, Vec<figures::MissedCall>)> {
        let rows = sqlx::query(
            "select created_at, channel, category, service_slug, outcome, unit_code from errands \
             where created_at >= $1 and created_at < $2",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        let mut errands = Vec::with_capacity(rows.len());
        for r in &rows {
            let channel: String = r.try_get("channel")?;
            let outcome: String = r.try_get("outcome")?;
            let service: Option<String> = r.try_get("service_slug")?;
            let category: Option<String> = r.try_get("category")?;
            errands.push(figures::ErrandFact {
                at: r.try_get("created_at")?,
                channel: ContactChannel::parse(&channel).ok_or_else(|| corrupt("errand channel", &channel))?,
                concerns: if service.is_some() {
                    "service".into()
                } else {
                    category.unwrap_or_else(|| "general".into())
                },
                outcome: ErrandOutcome::parse(&outcome).ok_or_else(|| corrupt("errand outcome", &outcome))?,
                unit: r.try_get("unit_code")?,
            });
        }
        let rows = sqlx::query(
            "select created_at, done_at, status, kept from callbacks where (created_at >= $1 and created_at < $2) \
             or (done_at >= $1 and done_at < $2)",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        let mut callbacks = Vec::with_capacity(rows.len());
        for r in &rows {
            let status: String = r.try_get("status")?;
            let kept: Option<i64> = r.try_get("kept")?;
            callbacks.push(figures::CallbackFact {
                created_at: r.try_get("created_at")?,
                done_at: r.try_get("done_at")?,
                status: CallbackStatus::parse(&status).ok_or_else(|| corrupt("call-back status", &status))?,
                kept: kept.map(|k| k != 0),
            });
        }
        let rows = sqlx::query(
            "select ended_at, state from calls where state in ('abandoned', 'voicemail') and ended_at >= $1 and ended_at < $2",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        let missed = rows
            .iter()
            .map(|r| {
                Ok(figures::MissedCall {
                    at: r.try_get("ended_at")?,
                    voicemail: r.try_get::<String, _>("state")? == "voicemail",
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((errands, callbacks, missed))
    }

    /// Calls the agent (by e-mail or extension) answered in the last hour and has not ended.
    pub async fn answered_calls(&self, agent: &[String], now: i64) -> Result<Vec<AnsweredCall>> {
        let mut out = Vec::new();
        for a in agent.iter().filter(|a| !a.is_empty()) {
            let rows = sqlx::query(
                "select c.call_key, c.caller, c.queue, c.answered_at, \
                 (select count(*) from users u where u.phone_e164 = c.caller and u.kind = 'person' and u.disabled_at is null) as known \
                 from calls c where c.state = 'answered' and c.agent = $1 and c.answered_at > $2 order by c.answered_at desc limit 5",
            )
            .bind(a)
            .bind(now - 3600)
            .fetch_all(&self.pool)
            .await?;
            for r in rows {
                out.push(AnsweredCall {
                    call_key: r.try_get("call_key")?,
                    caller: r.try_get("caller")?,
                    queue: r.try_get("queue")?,
                    answered_at: r.try_get("answered_at")?,
                    known_person: r.try_get::<i64, _>("known")? == 1,
                });
            }
        }
        Ok(out)
    }

    /// The caller's number of a call (for "register the errand" and the look-up by number).
    pub async fn call_caller(&self, call_key: &str) -> Result<Option<String>> {
        Ok(sqlx::query("select caller from calls where call_key = $1")
            .bind(call_key)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get::<Option<String>, _>("caller"))
            .transpose()?
            .flatten())
    }

    /// Adds a directory entry unless its e-mail address is there (seed). Returns whether added.
    pub async fn add_directory_entry(&self, d: &NewDirectoryEntry<'_>, now: i64) -> Result<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "insert into staff_directory (name, email, unit_code, function, direct_number, extension, updated_at) \
             values ($1, $2, $3, $4, $5, $6, $7) on conflict (email) do nothing",
        )
        .bind(d.name)
        .bind(d.email)
        .bind(d.unit_code)
        .bind(d.function)
        .bind(d.direct_number)
        .bind(d.extension)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    /// The directory: entries whose name, function, e-mail or unit code contain `q` (any case),
    /// in `unit` when given, by name.
    pub async fn directory(&self, q: &str, unit: Option<&str>, limit: i64) -> Result<Vec<DirectoryEntry>> {
        let pattern = format!("%{}%", q.trim().to_lowercase().replace(['%', '_'], ""));
        let rows = sqlx::query(
            "select id, name, email, unit_code, function, direct_number, extension, availability, availability_note, \
             available_again_at from staff_directory where (lower(name) like $1 or lower(function) like $1 \
             or lower(email) like $1 or lower(unit_code) like $1) and ($2 = '' or unit_code = $2) order by name limit $3",
        )
        .bind(pattern)
        .bind(unit.unwrap_or(""))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DirectoryEntry {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    email: r.try_get("email")?,
                    unit_code: r.try_get("unit_code")?,
                    function: r.try_get("function")?,
                    direct_number: r.try_get("direct_number")?,
                    extension: r.try_get("extension")?,
                    availability: r.try_get("availability")?,
                    availability_note: r.try_get("availability_note")?,
                    available_again_at: r.try_get("available_again_at")?,
                })
            })
            .collect()
    }

    /// One directory entry.
    pub async fn directory_entry(&self, id: i64) -> Result<Option<DirectoryEntry>> {
        Ok(self.directory("", None, 10_000).await?.into_iter().find(|d| d.id == id))
    }

    /// Queues a message to an address or number that is not a user's chosen channel (a transfer
    /// note to a colleague), with the attached audit entry, in one transaction.
    pub async fn queue_message(&self, m: &DirectMessage, now: i64) -> Result<()> {
        let mut tx = self.begin_write().await?;
        enqueue_direct(&mut tx, m, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a directory entry's availability by hand ("in a meeting until 14:00").
    pub async fn set_availability(
        &self,
        id: i64,
        availability: &str,
        note: Option<&str>,
        until: Option<i64>,
        now: i64,
    ) -> Result<()> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "update staff_directory set availability = $1, availability_note = $2, available_again_at = $3, \
             updated_at = $4 where id = $5",
        )
        .bind(availability)
        .bind(note)
        .bind(until)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            tx.rollback().await?;
            return Err(DbError::NotFound);
        }
        tx.audit_object(id);
        tx.commit().await?;
        Ok(())
    }

    /// A unit's public phone number and e-mail address (shown on its service pages).
    pub async fn unit_contact(&self, unit: &str) -> Result<Option<(Option<String>, Option<String>)>> {
        let row =
            sqlx::query("select phone, email from units where code = $1").bind(unit).fetch_optional(&self.pool).await?;
        row.map(|r| Ok((r.try_get("phone")?, r.try_get("email")?))).transpose()
    }

    /// Sets a unit's public number and address (seed).
    pub async fn set_unit_contact(&self, unit: &str, phone: &str, email: &str) -> Result<()> {
        let mut tx = self.begin_write().await?;
        sqlx::query("update units set phone = coalesce(phone, $1), email = coalesce(email, $2) where code = $3")
            .bind(phone)
            .bind(email)
            .bind(unit)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
