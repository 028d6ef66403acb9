//! What case pages show (the applicant's and the officer's), prepared on the server.

use crate::ui::LinkView as Link;
use serde::{Deserialize, Serialize};
use stadsporten_domain::ids::{BundleId, CaseId, DraftToken};

/// A case in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseLine {
    pub id: CaseId,
    pub case_number: String,
    pub service: String,
    pub applicant: String,
    pub status: String,
    pub status_slug: String,
    pub submitted: String,
    pub due: String,
    /// `on-track`, `due-soon`, `overdue`, `paused`, or empty for finished cases.
    pub standing: String,
    pub standing_text: String,
    pub assignee: Option<String>,
    pub unread: i64,
    /// "Offer awaiting the answer, by …" while a decision's offer waits (the officer's queue).
    #[serde(default)]
    pub offer: Option<String>,
    /// The officer's queue: the applicant has protected personal data (marked on every staff page).
    #[serde(default)]
    pub protected: bool,
    /// The officer's queue: the e-service is classified confidentiality 3.
    #[serde(default)]
    pub sensitive: bool,
}

/// A draft in Mina sidor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftLine {
    pub token: DraftToken,
    pub service: String,
    pub updated: String,
    pub expires: String,
}

/// `/my/cases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyCasesView {
    pub drafts: Vec<DraftLine>,
    pub cases: Vec<CaseLine>,
    /// Bundle applications begun (token as `token`, organisation as `service`).
    pub bundle_drafts: Vec<DraftLine>,
    /// Bundles filed: one status for all their permits.
    pub bundles: Vec<BundleLine>,
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineItem {
    pub at: String,
    pub text: String,
    pub actor: Option<String>,
    pub internal: bool,
}

/// A downloadable file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileLink {
    pub href: String,
    pub name: String,
    pub size: String,
    /// Not viewable yet (waiting for the virus scan) or removed.
    pub unavailable: Option<String>,
}

/// A message in the case's conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageItem {
    pub at: String,
    pub author: String,
    pub from_applicant: bool,
    pub body: String,
    pub files: Vec<FileLink>,
}

/// A completion request and its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompletionItem {
    pub requested: String,
    pub requested_by: String,
    pub message: String,
    pub reply_by: String,
    pub answered: Option<String>,
    pub answer: Option<String>,
    pub open: bool,
    pub closed_unanswered: bool,
}

/// A decision, readable and printable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecisionView {
    pub outcome_slug: String,
    pub outcome: String,
    pub decided_at: String,
    pub decided_by: String,
    pub unit_name: String,
    pub template: String,
    pub motivation: String,
    /// The service's appeal instructions, or the general text for an older decision.
    pub appeal: String,
    pub lang: String,
}

/// The parts of a case both sides see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseCommon {
    pub id: CaseId,
    pub case_number: String,
    pub service: String,
    pub unit_name: String,
    pub status_slug: String,
    pub status: String,
    pub submitted: String,
    pub due: String,
    pub standing: String,
    pub standing_text: String,
    pub open: bool,
    pub answers: Vec<AnswerSection>,
    pub files: Vec<FileLink>,
    pub messages: Vec<MessageItem>,
    pub timeline: Vec<TimelineItem>,
    pub completions: Vec<CompletionItem>,
    pub decision: Option<DecisionView>,
    /// The offer the decision carries, if any.
    pub offer: Option<OfferView>,
    /// Staff only: the e-service's classification, and whether the applicant's personal data is
    /// protected (and how this viewer sees it).
    pub security: Option<CaseSecurity>,
}

/// What staff see of a case's classification and of a protected applicant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSecurity {
    /// "K3 R3 T2" in the page's language.
    pub levels: String,
    pub sensitive: bool,
    /// The applicant has protected personal data.
    pub protected: bool,
    /// This viewer's grant in force (its reason and end), when protected.
    pub grant: Option<String>,
    /// The population register's address, shown only with a grant.
    pub address: Option<String>,
}

/// An offer in a decision, as the applicant and the officer see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferView {
    /// What is offered, with its label ("Förskola och avdelning: Förskolan Ekorren, Blå").
    pub what: String,
    pub starts: Option<String>,
    /// "Answer by 2027-01-05."
    pub reply_by: String,
    /// Waiting, accepted, declined or lapsed, in words (with how and when answered).
    pub state: String,
    /// What happens without an answer (the service's own words).
    pub lapse: String,
    /// Still waiting for its answer.
    pub open: bool,
    /// It passed unanswered (the lapse text says what that means).
    pub lapsed: bool,
}

/// `/my/cases/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyCaseView {
    pub case: CaseCommon,
    /// Stages whose satisfaction question is waiting (`after-submission`, `after-decision`).
    pub surveys: Vec<String>,
    pub receipt: Link,
}

/// One answered field, as the check page and every case page show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRow {
    pub label: String,
    pub lines: Vec<String>,
}

/// A step's answers, with its change link (used on the check page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerSection {
    pub title: String,
    pub change_href: String,
    pub rows: Vec<AnswerRow>,
}

/// A bundle application in a list (Mina ärenden shows them beside the cases).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleLine {
    pub id: BundleId,
    pub bundle_number: String,
    pub organisation: String,
    pub submitted: String,
    pub progress: String,
    pub coordinator: Option<String>,
    pub unread: i64,
}
