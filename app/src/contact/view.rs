//! What the contact centre's pages show, prepared on the server (translated, formatted).

use serde::{Deserialize, Serialize};
use stadsporten_domain::ids::{CallbackId, CaseId, ErrandId, UserId};

/// A value and its label for a select or radio group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// An errand in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrandLine {
    pub id: ErrandId,
    pub number: String,
    pub created: String,
    pub channel: String,
    pub concerns: String,
    pub outcome: String,
    pub status: String,
    pub status_slug: String,
    /// The unit's case, its number and status (never its contents).
    pub case_number: Option<String>,
    pub case_status: Option<String>,
    pub unit: Option<String>,
    pub case_id: Option<CaseId>,
}

/// A call-back in the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallbackLine {
    pub id: CallbackId,
    pub phone: String,
    pub queue: String,
    pub reason: String,
    pub created: String,
    pub due: String,
    /// `overdue`, `due-soon` or `later`.
    pub urgency: String,
    pub urgency_text: String,
    pub claimed_by: Option<String>,
    pub claimed_by_me: bool,
    pub attempts: i64,
}

/// An answered call of the agent's whose number belongs to someone registered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallSuggestion {
    pub call_key: String,
    pub caller: String,
    pub answered: String,
    pub known_person: bool,
}

/// `/contact`: the live board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardView {
    pub waiting: i64,
    pub oldest_waiting: Option<String>,
    pub callbacks_open: i64,
    pub callbacks_due_soon: i64,
    pub callbacks_overdue: i64,
    pub oldest_promise: Option<String>,
    pub oldest_promise_due: Option<String>,
    /// Today's promises kept, as "7 of 9 (78 %)", or a dash before any ended.
    pub kept_today: String,
    pub errands_today: i64,
    pub errands_with_units: i64,
    pub calls: Vec<CallSuggestion>,
    pub next_callbacks: Vec<CallbackLine>,
    pub open_errands: Vec<ErrandLine>,
    pub updated: String,
}

/// One line of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineLine {
    pub at: String,
    pub text: String,
}

/// `/contact/errands/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrandView {
    pub line: ErrandLine,
    pub person: Option<String>,
    pub caller_name: Option<String>,
    pub caller_phone: Option<String>,
    pub caller_email: Option<String>,
    pub notes: String,
    pub answer_by: Option<String>,
    pub agent: String,
    pub timeline: Vec<TimelineLine>,
}

/// `/contact/errands/new`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewErrandView {
    pub channels: Vec<Choice>,
    pub services: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub units: Vec<Choice>,
    pub answer_by: Vec<Choice>,
    pub queues: Vec<Choice>,
    /// The person of the agent's look-up, when the errand is theirs.
    pub person: Option<(UserId, String)>,
    pub call_key: Option<String>,
    pub caller_phone: Option<String>,
    /// From the e-service's page: what the errand concerns.
    pub concerns: Option<String>,
    pub idempotency_key: String,
}

/// `/contact/lookup`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LookupFormView {
    pub reasons: Vec<Choice>,
    /// Looking up the caller of an answered call by its number.
    pub call_key: Option<String>,
    pub caller: Option<String>,
}

/// A case, errand or bundle of a looked-up person: its status only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusLine {
    pub number: String,
    pub what: String,
    pub status: String,
    pub since: String,
}

/// `/contact/people/{id}`: a looked-up person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonView {
    pub id: UserId,
    pub name: String,
    pub protected: bool,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub reference: String,
    pub cases: Vec<StatusLine>,
    pub errands: Vec<StatusLine>,
    pub bundles: Vec<StatusLine>,
    /// E-services the agent may start for the person (assisted digital); `value` is the slug,
    /// the label says whether the agent may also submit it.
    pub eservices: Vec<Choice>,
}

/// One try to call back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptLine {
    pub at: String,
    pub agent: String,
    pub outcome: String,
    pub note: Option<String>,
}

/// `/contact/callbacks/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallbackView {
    pub line: CallbackLine,
    pub status: String,
    pub open: bool,
    pub errand: Option<(ErrandId, String)>,
    pub attempts: Vec<AttemptLine>,
    pub outcomes: Vec<Choice>,
    pub attempts_before_sms: u32,
    pub kept: Option<bool>,
}

/// A directory entry as agents see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectoryLine {
    pub id: i64,
    pub name: String,
    pub unit: String,
    pub function: String,
    pub direct_number: Option<String>,
    pub email: String,
    pub availability: String,
    pub availability_slug: String,
    pub note: Option<String>,
    pub back: Option<String>,
    pub services: Vec<String>,
}

/// `/contact/directory`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectoryView {
    pub q: String,
    pub unit: String,
    pub units: Vec<Choice>,
    pub entries: Vec<DirectoryLine>,
    /// Units matching the search, with their public numbers and the services they answer for.
    pub unit_lines: Vec<DirectoryLine>,
}

/// Mina sidor: the person's errands and who looked them up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyContactsView {
    pub errands: Vec<ErrandLine>,
    pub lookups: Vec<MyLookupLine>,
}

/// A look-up as the person sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyLookupLine {
    pub at: String,
    pub who: String,
    pub reference: String,
    pub reason: String,
    pub explanation: String,
}

/// `/contact/figures`: the contact centre's figures for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiguresView {
    pub from: String,
    pub to: String,
    pub notice: Option<String>,
    /// Key figures: label and value, in order.
    pub key: Vec<(String, String)>,
    pub contacts_chart: crate::ui::chart::ChartView,
    pub days: crate::ui::chart::TableView,
    pub concerns: crate::ui::chart::TableView,
    pub units: crate::ui::chart::TableView,
    pub query: String,
}
