//! What the security pages show, as they cross the wire (already translated and formatted).

use serde::{Deserialize, Serialize};

/// One classified subject (an e-service or an information type).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassificationRow {
    pub subject: String,
    pub name: String,
    /// `service` or `information`.
    pub kind: String,
    pub unit: Option<String>,
    pub c: i64,
    pub i: i64,
    pub a: i64,
    pub classified: bool,
    pub reason: String,
    pub set_by: Option<String>,
    pub set_at: Option<String>,
    /// The viewer is this subject's information owner (or the security officer).
    pub may_edit: bool,
    /// What the levels turn on, in words.
    pub controls: Vec<String>,
}

/// A row of the control table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlLine {
    pub aspect: String,
    pub level: i64,
    pub controls: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupView {
    pub every_hours: i64,
    pub keep_days: i64,
    pub restore_within_hours: i64,
    pub verify_each: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassificationView {
    pub rows: Vec<ClassificationRow>,
    pub table: Vec<ControlLine>,
    pub backup: BackupView,
}

/// The IMY clock as shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClockView {
    /// `running`, `overdue` or `decided`.
    pub state: String,
    pub deadline: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentLine {
    pub id: i64,
    pub number: String,
    pub reported_at: String,
    pub reporter: String,
    pub what: String,
    pub status: String,
    pub status_slug: String,
    pub severity: Option<String>,
    pub breach: bool,
    pub clock: Option<ClockView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentsView {
    pub lines: Vec<IncidentLine>,
    /// The viewer triages (the whole register is shown); otherwise their own reports.
    pub handles: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventLine {
    pub at: String,
    pub actor: String,
    pub what: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkLine {
    pub seq: i64,
    pub at: String,
    pub action: String,
    pub object: String,
    pub outcome: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentDetail {
    pub id: i64,
    pub number: String,
    pub reported_at: String,
    pub reporter: String,
    pub what: String,
    pub occurred: Option<String>,
    pub systems: String,
    pub information: String,
    pub personal_data: String,
    pub status: String,
    pub status_slug: String,
    pub category: Option<String>,
    pub category_slug: String,
    pub severity: Option<String>,
    pub severity_slug: String,
    pub owner: Option<String>,
    pub owner_id: Option<i64>,
    pub breach: bool,
    pub triaged: bool,
    pub clock: Option<ClockView>,
    pub decision: Option<String>,
    pub decision_text: Option<String>,
    pub lessons: Option<String>,
    pub closed: bool,
    pub events: Vec<EventLine>,
    pub links: Vec<LinkLine>,
    /// The viewer triages: the forms are shown.
    pub handles: bool,
    pub owners: Vec<Choice>,
    pub categories: Vec<Choice>,
    pub severities: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrantLine {
    pub id: i64,
    pub staff: String,
    pub person: String,
    pub reason: String,
    pub granted_by: String,
    pub granted_at: String,
    pub expires_at: String,
    /// `active`, `expired` or `revoked`.
    pub state: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProtectedView {
    pub grants: Vec<GrantLine>,
    pub staff: Vec<Choice>,
    pub people: Vec<Choice>,
}
