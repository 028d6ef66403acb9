//! What the provider portal shows, translated on the server.

use crate::catalogue::view_model::{LinkView, OptionView};
use serde::{Deserialize, Serialize};
use stadsporten_domain::ids::CaseId;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRowView {
    pub name: String,
    pub kind: String,
    pub district: String,
    pub edit: LinkView,
    pub public: LinkView,
    pub updated: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrganisationView {
    pub heading: String,
    pub units: Vec<UnitRowView>,
}

/// A resident's feedback in the provider's inbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackRow {
    pub href: String,
    pub number: String,
    pub submitted: String,
    pub status: String,
    pub unread: bool,
}

/// `/provider`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortalView {
    pub organisations: Vec<OrganisationView>,
    pub inbox: Vec<FeedbackRow>,
}

/// `/provider/feedback/{id}`: the feedback (what was written, never who wrote it) and the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedbackView {
    pub id: CaseId,
    pub number: String,
    pub submitted: String,
    pub status: String,
    pub answers: Vec<(String, String)>,
    /// (who, when, text)
    pub messages: Vec<(String, String, String)>,
    pub answered: Option<String>,
    pub error: Option<String>,
    pub draft: String,
}

/// One input of the edit form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditField {
    pub name: String,
    pub label: String,
    pub value: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    /// The description's language, for `lang` on the input.
    pub lang: Option<String>,
}

/// A row of the change history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRow {
    pub when: String,
    pub who: String,
    pub what: String,
}

/// `/provider/units/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitEditView {
    pub id: String,
    pub name: String,
    pub operator: String,
    pub public: LinkView,
    pub saved: Option<String>,
    /// (anchor, message) for the error summary.
    pub errors: Vec<(String, String)>,
    pub descriptions: Vec<EditField>,
    pub hours: EditField,
    pub weekends: bool,
    pub languages: Vec<OptionView>,
    pub languages_error: Option<String>,
    pub profiles: Vec<OptionView>,
    pub profiles_error: Option<String>,
    pub contact: Vec<EditField>,
    pub has_places: bool,
    pub history: Vec<HistoryRow>,
}
