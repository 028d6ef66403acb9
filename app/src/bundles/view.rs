//! What the bundle pages show, prepared and translated on the server.

use crate::cases::view::{MessageItem, TimelineItem};
pub use crate::eservices::view::DraftPage;
use crate::eservices::view::{AnswerRow, FieldView, Link};
use serde::{Deserialize, Serialize};
pub use stadsporten_domain::business::bundle::TaskStatus;
use stadsporten_domain::ids::{BundleId, CaseId, DraftToken};

/// The guide's result: how to apply for everything at once (or why one cannot yet).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplyOffer {
    /// Sign in first (the link returns to this result).
    pub sign_in_href: Option<String>,
    /// The organisations the person may apply for (number, name); empty with `refusal`.
    pub organisations: Vec<(String, String)>,
    /// Signed in without a mandate for any organisation (or as staff): why, translated.
    pub refusal: Option<String>,
    /// Bundle applications already begun for these answers.
    pub drafts: Vec<Link>,
}

/// One task of the bundle's task list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskView {
    pub title: String,
    /// Who handles it (a permit's unit or authority), if a permit.
    pub holder: Option<String>,
    pub href: Option<String>,
    pub status: TaskStatus,
}

/// `/business/apply/{token}`: the task list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApplyView {
    pub token: DraftToken,
    pub organisation: String,
    pub tasks: Vec<TaskView>,
    pub done: usize,
    pub expires: String,
    pub check_href: String,
    pub ready: bool,
}

/// `/business/apply/{token}/facts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactsView {
    pub token: DraftToken,
    pub organisation: String,
    pub contact_name: String,
    /// The permits each fact is filled into, as one sentence.
    pub used_by: String,
    pub fields: Vec<FieldView>,
    pub errors: Vec<(String, String)>,
}

/// One document type of a bundle, with what was uploaded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    pub key: String,
    pub name: String,
    pub hint: Option<String>,
    pub needed_by: String,
    pub files: Vec<UploadedView>,
    pub accept: String,
    pub accept_labels: String,
    pub max_files: u32,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadedView {
    pub group: String,
    pub name: String,
    pub size: String,
    pub held: bool,
}

/// `/business/apply/{token}/documents`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentsView {
    pub token: DraftToken,
    pub documents: Vec<DocumentView>,
    pub max_upload_mb: u32,
    pub errors: Vec<(String, String)>,
}

/// A permit's answers on the check page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PermitAnswers {
    pub name: String,
    pub holder: String,
    pub rows: Vec<AnswerRow>,
    pub change_href: Option<String>,
}

/// `/business/apply/{token}/check`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleCheckView {
    pub token: DraftToken,
    pub organisation: String,
    pub facts: Vec<AnswerRow>,
    pub permits: Vec<PermitAnswers>,
    pub documents: Vec<AnswerRow>,
    /// Parts still to be completed, each with where to do it.
    pub incomplete: Vec<Link>,
    pub notify_note: String,
}

/// One permit of a submitted bundle as its entrepreneur, coordinator or an officer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartView {
    pub permit: String,
    pub case_id: CaseId,
    pub case_number: String,
    /// Link to the case, where the viewer may open it.
    pub href: Option<String>,
    pub holder: String,
    pub officer: Option<String>,
    pub status: String,
    pub status_slug: String,
    pub due: String,
    pub next_step: String,
    /// "Waiting for …" / "On hold: … was not granted".
    pub hold: Option<String>,
    pub decision_href: Option<String>,
    pub authority: bool,
}

/// An open completion request of one part, answered on the status page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenCompletion {
    pub case_id: CaseId,
    pub permit: String,
    pub message: String,
    pub reply_by: String,
    pub error: Option<String>,
    pub value: String,
}

/// `/my/business/{id}`: the entrepreneur's one status page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusView {
    pub id: BundleId,
    pub bundle_number: String,
    pub organisation: String,
    pub submitted: String,
    pub coordinator: Option<String>,
    pub progress: String,
    pub all_decided: bool,
    pub parts: Vec<PartView>,
    pub completions: Vec<OpenCompletion>,
    pub messages: Vec<MessageItem>,
    pub timeline: Vec<TimelineItem>,
    pub notify_note: String,
}

/// A bundle in a list (the case core's, shown in Mina ärenden).
pub use crate::cases::view::BundleLine;

/// A statement request as listed (to or from the viewer's unit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementView {
    pub id: i64,
    pub bundle_id: BundleId,
    pub bundle_number: String,
    pub case_number: String,
    pub from_unit: String,
    pub to_unit: String,
    pub question: String,
    pub due: String,
    pub overdue: bool,
    pub requested_by: String,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    /// The viewer's unit is asked and it is unanswered.
    pub may_answer: bool,
}

/// `/officer/bundles`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficerBundlesView {
    pub coordinator: bool,
    pub bundles: Vec<BundleLine>,
    pub statements: Vec<StatementView>,
}

/// `/officer/bundles/{id}`: the coordinator's whole bundle, or an officer's view of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficerBundleView {
    pub id: BundleId,
    pub bundle_number: String,
    pub organisation: String,
    pub applicant: String,
    pub submitted: String,
    pub coordinator_name: Option<String>,
    /// The viewer coordinates (the business guide team): messages and referral answers.
    pub coordinator: bool,
    pub progress: String,
    pub parts: Vec<PartView>,
    pub facts: Vec<AnswerRow>,
    pub messages: Vec<MessageItem>,
    pub timeline: Vec<TimelineItem>,
    pub statements: Vec<StatementView>,
    /// The viewer's own parts' cases (number and id) a statement may be asked for.
    pub own_cases: Vec<(CaseId, String)>,
    /// Units of the bundle another unit may ask (code, name).
    pub units: Vec<(String, String)>,
    /// Referral parts awaiting the authority's answer (case id, permit name).
    pub referrals: Vec<(CaseId, String)>,
}
