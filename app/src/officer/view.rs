//! What the officer's pages show.

use crate::cases::view::{CaseCommon, CaseLine};
use serde::{Deserialize, Serialize};
use stadsporten_domain::ids::BundleId;

/// A value and its label (a select's option).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The queue's filters, as in the URL.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueueFilters {
    pub service: Option<String>,
    pub status: Option<String>,
    pub standing: Option<String>,
    /// `me`, `nobody`, `anyone` or a user id.
    pub assignee: Option<String>,
    pub sort: Option<String>,
}

impl QueueFilters {
    /// The filters as a query string (for the export link and sort links).
    pub fn query(&self) -> String {
        [
            ("service", &self.service),
            ("status", &self.status),
            ("standing", &self.standing),
            ("assignee", &self.assignee),
            ("sort", &self.sort),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", stadsporten_domain::catalogue::encode_component(v))))
        .collect::<Vec<_>>()
        .join("&")
    }
}

/// `/officer`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueView {
    pub units: Vec<String>,
    pub may_handle: bool,
    pub may_export: bool,
    pub lines: Vec<CaseLine>,
    pub services: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub standings: Vec<Choice>,
    pub filters: QueueFilters,
    pub query: String,
    /// The case officers of the viewer's units, to assign to.
    pub officers: Vec<Choice>,
}

/// An internal note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteItem {
    pub at: String,
    pub author: String,
    pub body: String,
}

/// `/officer/cases/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficerCaseView {
    pub case: CaseCommon,
    pub applicant: String,
    pub acting_for: Option<String>,
    pub assignee: Option<String>,
    pub assigned_to_me: bool,
    pub may_handle: bool,
    /// Transitions the officer may make now (slugs).
    pub actions: Vec<String>,
    pub notes: Vec<NoteItem>,
    /// Each outcome with its template in the case's language.
    pub templates: Vec<(Choice, String)>,
    pub case_lang: String,
    pub officers: Vec<Choice>,
    pub default_reply_by: String,
    /// The bundle this case is a permit of: its page, and what this permit waits for.
    pub bundle: Option<CaseBundle>,
    /// The service's decision carries an offer: what the officer fills in for it.
    pub offer_form: Option<OfferForm>,
}

/// The offer part of the decision form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfferForm {
    /// The label of "what is offered" (the service's own words).
    pub what_label: String,
    pub start_date: bool,
    /// "The applicant answers by … (14 days)."
    pub reply_hint: String,
}

/// A case's place in a bundle, as its officer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseBundle {
    pub id: BundleId,
    pub number: String,
    pub organisation: String,
    /// "Waiting for …" / "On hold: … was not granted".
    pub hold: Option<String>,
}
