//! Server-only storage for Stadsporten: one [`Store`] over SQLite (the embedded default) or
//! PostgreSQL (the scale-out target), chosen by the `DATABASE_URL` scheme at start-up.
//!
//! Storage policy (written down once, here):
//! - One approach: runtime-checked queries through sqlx's `Any` driver with portable SQL —
//!   lowercase, `$1` placeholders, `returning`, `on conflict`. One SQL text serves both backends;
//!   only the migrations differ (`migrations/sqlite`, `migrations/postgres`), because DDL does.
//! - Values the `Any` driver can carry: integers are `bigint`/`integer` (read as `i64`), booleans
//!   are 0/1 integers, times that queries compare are Unix seconds. `created_at` is bookkeeping.
//! - Migrations are never edited once landed; add a new numbered file to both folders.
//! - SQLite runs in WAL mode with `synchronous=FULL` (an acknowledged write survives a crash) and
//!   foreign keys on.
//! - Every storage test runs against both backends (`tests/`).

mod access;
mod api;
mod audit;
mod bundle_parts;
mod bundles;
mod business;
mod cases;
mod catalogue;
mod changes;
mod compare;
mod contact_centre;
mod content;
mod errand_parts;
mod error;
mod eservices;
mod figures;
mod files;
mod filing;
mod identity;
mod jobs;
mod measure;
mod memos;
mod offers;
mod operations;
mod outbox;
mod records;
mod security;
mod seed;
mod seed_compare;
mod seed_contact_centre;
mod seed_eservices;
mod seed_history;
mod seed_identities;
mod seed_security;
mod sessions;
mod signed_in;
mod store;
#[cfg(feature = "test-support")]
pub mod testing;
mod tx;
mod webhooks;

pub use access::{AccessRequest, GrantRecord, NewGrant, RequestStatus, ReviewStatus};
pub use api::{ApiCaller, ApiCaseRow, ApiClient};
pub use audit::{AuditFilter, AuditRow};
pub use bundles::{
    BundleDocument, BundleDraftRecord, BundleEvent, BundleMessage, BundleRecord, BundleSubmission, BundleSubmitted,
    BundleSummary, DocumentCopy, NewBundlePart, PartRecord, PartSubmission, StatementRequest, COORDINATING_UNIT,
};
pub use business::{RulesetPublished, SEED_RULES};
pub use cases::{
    Assignee, CaseRecord, CaseRefusal, CaseSummary, CompletionRecord, DecisionRecord, EventRecord, MessageRecord,
    NewDecision, NoteRecord, QueueFilter, QueueSort, Submission, Submitted, SurveyRow,
};
pub use changes::Topic;
pub use compare::{
    ChangedBy, FactsSaved, ImportReport, ListPage, ListedUnit, Reverted, Revision, UnitChoice, UnitDetail, UnitRow,
};
pub use contact_centre::{
    AnsweredCall, AttemptResult, AttemptRow, Board, CallbackRow, DirectMessage, DirectoryEntry, ErrandEvent,
    ErrandRecord, ErrandSaved, EventAccepted, HandoverCase, LookupRow, NewAssistedDraft, NewAttempt, NewDirectoryEntry,
    NewErrand, NewLookup, PersonFound, ANONYMOUS_CALLER,
};
pub use content::{ContentServiceRow, MessageRow, ServiceEdit, Shortcoming, ShortcomingRow, VersionRow};
pub use error::{DbError, Refusal, Result};
pub use eservices::{
    Assistance, AttachmentRecord, DefinitionRecord, DefinitionStatus, DraftRecord, DraftSummary, NewAttachment,
    ScanStatus, UploadRefusal,
};
pub use figures::{
    handling_days, Backlog, CaseTotal, JourneyCount, LevelMonth, MonthTotal, ServiceLevelRows, StaffSums, SurveySums,
};
pub use identity::{Mandate, NotifyChannel, Unit, User, UserKind, UserSummary, VerifiedClaims};
pub use measure::JourneyEvent;
pub use offers::{NewOffer, OfferAnswer, OfferRecord};
pub use operations::Gauges;
pub use outbox::{OutboxEntry, OutboxRow};
pub use records::{
    ExtractAccess, ExtractDecision, ExtractDraft, ExtractEvent, ExtractFile, ExtractMessage, RegisterData,
};
pub use security::{
    ClassificationRecord, IncidentEvent, IncidentRecord, IncidentRow, LinkedAudit, ProtectedGrant, ProtectedPerson,
    RegisterEntry, StaffMember,
};
pub use seed_compare::seed_indicators;
pub use seed_eservices::SEED_DEFINITIONS;
pub use sessions::FLASH_KEY;
pub use signed_in::SignedIn;
pub use store::{Backend, Store};
pub use webhooks::{DeliveryJob, Tried, WebhookDelivery, WebhookSubscription};
