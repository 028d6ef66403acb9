//! What the editors' pages show, translated on the server.

use crate::ui::{LinkView, OptionView};
use serde::{Deserialize, Serialize};

/// One text input of an editor's form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputView {
    pub name: String,
    pub label: String,
    pub value: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub multiline: bool,
    pub max: usize,
    /// The text's language, for `lang` and `dir` on the input.
    pub lang: Option<String>,
    /// `text`, `email`, `tel`, `url`, `datetime-local`, `date`, `number`.
    pub kind: String,
}

/// A group of checkboxes or radios.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceView {
    pub name: String,
    pub legend: String,
    pub multiple: bool,
    pub options: Vec<OptionView>,
    pub error: Option<String>,
}

/// One language's texts in a form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LanguageFields {
    pub code: String,
    pub name: String,
    /// Open (Swedish, or a language with an error or text).
    pub open: bool,
    pub inputs: Vec<InputView>,
}

/// A row of the services list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceRowView {
    pub edit: LinkView,
    pub slug: String,
    pub state: String,
    pub missing: Option<String>,
    pub reviewed: String,
    pub overdue: bool,
}

/// A row of the messages list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageRowView {
    pub edit: LinkView,
    pub severity: String,
    pub window: String,
    pub state: String,
}

/// `/admin/content`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverviewView {
    pub services: Vec<ServiceRowView>,
    pub overdue_only: bool,
    pub overdue_count: String,
    pub messages: Vec<MessageRowView>,
    pub notice: Option<String>,
}

/// A row of a page's version history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionView {
    pub number: i64,
    pub label: String,
    pub author: String,
    pub when: String,
    pub state: String,
    pub view: LinkView,
    /// This version can be published again (it is not what is published now).
    pub revertible: bool,
    /// It waits for its scheduled time (the schedule can be cancelled).
    pub scheduled: bool,
    /// A draft newer than what is published.
    pub publishable: bool,
}

/// `/admin/content/services/new` and `/admin/content/services/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceEditView {
    /// `None` for a new page.
    pub id: Option<i64>,
    pub heading: String,
    pub action: String,
    pub notice: Option<String>,
    /// (anchor, message) for the error summary.
    pub errors: Vec<(String, String)>,
    pub state: Option<String>,
    pub public: Option<LinkView>,
    pub missing: Option<String>,
    pub reviewed: Option<String>,
    pub published: bool,
    pub general: Vec<InputView>,
    pub situation: ChoiceView,
    pub audiences: ChoiceView,
    pub provider_kind: ChoiceView,
    pub channels: ChoiceView,
    pub start: ChoiceView,
    pub start_note: Option<String>,
    pub contact: Vec<InputView>,
    pub languages: Vec<LanguageFields>,
    pub schedule: InputView,
    pub versions: Vec<VersionView>,
}

/// A changed field between two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeView {
    pub field: String,
    pub before: String,
    pub after: String,
    /// The language of the texts, for `lang` on the cells.
    pub lang: Option<String>,
}

/// `/admin/content/services/{id}/versions/{n}`: the version as residents will see it, and what
/// it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionPageView {
    pub heading: String,
    pub back: LinkView,
    pub banner: String,
    pub page: crate::catalogue::view_model::ServiceView,
    pub languages: Vec<LinkView>,
    pub diff_heading: String,
    pub changes: Vec<ChangeView>,
}

/// `/admin/content/messages/new` and `/admin/content/messages/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageEditView {
    pub id: Option<i64>,
    pub heading: String,
    pub action: String,
    pub notice: Option<String>,
    pub errors: Vec<(String, String)>,
    pub severity: ChoiceView,
    pub window: Vec<InputView>,
    pub services: ChoiceView,
    pub districts: ChoiceView,
    pub languages: Vec<LanguageFields>,
    pub endable: bool,
}

/// One known shortcoming in the editors' list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShortcomingRowView {
    pub edit: LinkView,
    pub fix_by: String,
    pub state: String,
}

/// `/admin/content/accessibility`: the list and one form (new, or `?edit=id`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShortcomingsView {
    pub rows: Vec<ShortcomingRowView>,
    pub editing: Option<i64>,
    pub action: String,
    pub notice: Option<String>,
    pub errors: Vec<(String, String)>,
    pub fix_by: InputView,
    pub resolved: bool,
    pub languages: Vec<LanguageFields>,
}

/// A known shortcoming on the public statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementItem {
    pub title: String,
    pub body: String,
    pub fix_by: String,
    /// The text's language when it is not the page's (Swedish fallback).
    pub lang: Option<String>,
}

/// `/tillganglighet`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementView {
    pub shortcomings: Vec<StatementItem>,
    pub empty: bool,
    pub report_href: String,
    pub updated: String,
}
