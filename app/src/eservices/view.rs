//! What the form runner's pages show, prepared on the server in the request's language.

use serde::{Deserialize, Serialize};
use stadsporten_domain::ids::{AttachmentId, CaseId, DraftToken};

/// How answers are shown: the case core's, on the check page as on a case page.
pub use crate::cases::view::{AnswerRow, AnswerSection};
/// A link (the design kit's).
pub use crate::ui::LinkView as Link;

/// A draft's page as its owner asks for it: the page, or the address that has taken its place (a
/// submitted bundle's status page; a bundle part's check is the bundle's). The page component
/// renders the redirect: the request's one outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DraftPage<T> {
    Open(T),
    Elsewhere(String),
}

/// `/services/{slug}/start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartView {
    pub slug: String,
    pub title: String,
    pub intro: String,
    pub handling_days: u32,
    /// The promise counts working days, not calendar days.
    pub working_days: bool,
    pub unit_name: String,
    pub steps: Vec<String>,
    /// Labels of the files the applicant must have ready.
    pub documents: Vec<String>,
    pub signed_in: bool,
    /// Signed in but without the right to apply (staff, or a company service without acting for one).
    pub refusal: Option<String>,
    pub drafts: Vec<Link>,
    /// A unit chosen in the comparison, pre-selected in the form when the draft starts.
    pub preselect: Option<Preselect>,
    /// The e-service is not given in the page's language: the note (in that language) and the
    /// language its texts are shown in.
    pub not_in_language: Option<(String, String)>,
    /// A sensitive e-service (confidentiality 3): how the information is protected.
    pub protection: Option<String>,
    /// The level of assurance the e-service needs beyond the lowest (`substantial`), for the
    /// sign-in link.
    pub acr: Option<String>,
    /// Signed in at too low a level: where to sign in again at the level needed.
    pub step_up: Option<String>,
}

/// "Apply for a place here": the unit's id and the sentence that says what is pre-selected.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preselect {
    pub unit: String,
    pub text: String,
}

/// An uploaded file as listed beside its field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileView {
    pub id: AttachmentId,
    pub name: String,
    pub size: String,
    /// Waiting for the virus scan.
    pub held: bool,
}

/// One field of a step, ready to render.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldView {
    pub id: String,
    /// The definition's kind slug (`text`, `long-text`, `date`, …).
    pub kind: String,
    pub label: String,
    pub help: Option<String>,
    pub required: bool,
    /// The current value of a single-value field.
    pub value: String,
    /// Ticked boxes.
    pub values: Vec<String>,
    /// Street, postcode, city.
    pub address: [String; 3],
    pub options: Vec<(String, String)>,
    pub files: Vec<FileView>,
    /// `accept` attribute (MIME types) and the kinds as words.
    pub accept: String,
    pub accept_labels: String,
    pub max_files: u32,
    pub max_length: Option<u32>,
    /// The translated error and the input it belongs to (`id`, or `id.postcode` for an address).
    pub error: Option<(String, String)>,
    /// About someone other than the applicant: no autofill of their own details.
    pub other_person: bool,
}

/// `/apply/{token}/step/{step}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepView {
    pub token: DraftToken,
    pub service_title: String,
    pub step_id: String,
    pub step_title: String,
    pub intro: Option<String>,
    pub fields: Vec<FieldView>,
    pub position: usize,
    pub count: usize,
    pub back: Link,
    /// Error summary: link to the input and message, in form order.
    pub errors: Vec<(String, String)>,
    pub max_upload_mb: u32,
    /// As on the start page: the note and the language the form's texts are in.
    pub not_in_language: Option<(String, String)>,
}

/// `/apply/{token}/check` and `/apply/{token}/declaration`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckView {
    pub token: DraftToken,
    pub service_title: String,
    pub sections: Vec<AnswerSection>,
    /// A step that still has problems (a required answer missing, a date now in the past).
    pub incomplete: Option<Link>,
    pub declaration: String,
    pub unit_name: String,
    /// Where notifications will go, as the person set it in Mina sidor.
    pub notify_note: String,
    pub back: Link,
}

/// `/my/cases/{id}/receipt`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceiptView {
    pub case_id: CaseId,
    pub case_number: String,
    pub service_title: String,
    pub unit_name: String,
    pub submitted: String,
    pub next_steps: String,
    pub handling_days: i64,
    /// The promise counts working days, not calendar days.
    pub working_days: bool,
    pub due_date: String,
    pub notify_note: String,
    pub survey_pending: bool,
}
