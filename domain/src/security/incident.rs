//! Security incidents: what any staff member reports, how the security officer triages and closes
//! them, and the 72-hour clock for notifying the supervisory authority (IMY) of a personal-data
//! breach (GDPR article 33).
//!
//! Policy: the clock starts when the city became aware of the breach — the report's time, or the
//! time the triage first marked it a breach, whichever is earlier — and runs in wall-clock hours
//! (weekends count). Reminders go out 24, 48 and 66 hours after it starts, and once more when it has
//! run out, until a decision is recorded: notified (with IMY's reference) or not notified (with the
//! reason, since article 33(5) asks the controller to document it). An incident that is a breach
//! cannot be closed without that decision; every incident closes with its lessons.

use crate::eservice::FieldError;
use serde::{Deserialize, Serialize};

slug_enum! {
    IncidentCategory {
        UnauthorisedAccess => "unauthorised-access",
        Misdirected => "misdirected",
        Malware => "malware",
        Phishing => "phishing",
        LostDevice => "lost-device",
        Availability => "availability",
        Other => "other",
    }
}

slug_enum! {
    IncidentSeverity {
        Low => "low",
        Medium => "medium",
        High => "high",
        Critical => "critical",
    }
}

slug_enum! {
    IncidentStatus {
        Reported => "reported",
        Triaged => "triaged",
        Closed => "closed",
    }
}

slug_enum! {
    /// Whether personal data is affected, as the reporter believes.
    PersonalData {
        Yes => "yes",
        No => "no",
        Unknown => "unknown",
    }
}

slug_enum! {
    ImyDecision {
        Notified => "notified",
        NotNotified => "not-notified",
    }
}

/// Hours the controller has to notify IMY.
pub const IMY_HOURS: i64 = 72;
/// Reminders, in hours after the clock started.
pub const REMINDER_HOURS: [i64; 4] = [24, 48, 66, 72];

/// When the notification is due.
pub fn imy_deadline(aware_at: i64) -> i64 {
    aware_at + IMY_HOURS * 3600
}

/// The clock as a page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImyClock {
    /// Hours and minutes left.
    Running { deadline: i64, hours_left: i64, minutes_left: i64 },
    /// Past the deadline without a decision.
    Overdue { deadline: i64, hours_over: i64 },
    /// A decision was recorded.
    Decided { deadline: i64, decision: ImyDecision, in_time: bool, decided_at: i64 },
}

pub fn imy_clock(aware_at: i64, decision: Option<(ImyDecision, i64)>, now: i64) -> ImyClock {
    let deadline = imy_deadline(aware_at);
    if let Some((decision, decided_at)) = decision {
        return ImyClock::Decided { deadline, decision, in_time: decided_at <= deadline, decided_at };
    }
    if now < deadline {
        let left = deadline - now;
        ImyClock::Running { deadline, hours_left: left / 3600, minutes_left: (left % 3600) / 60 }
    } else {
        ImyClock::Overdue { deadline, hours_over: (now - deadline) / 3600 }
    }
}

/// The reminder due now, if any: the index into [`REMINDER_HOURS`] of the latest one passed and
/// not yet sent (`sent` reminders went out before). Reminders not sent while the server was down
/// are not all sent at once: only the latest.
pub fn reminder_due(aware_at: i64, sent: i64, decided: bool, now: i64) -> Option<i64> {
    if decided {
        return None;
    }
    let passed = REMINDER_HOURS.iter().filter(|h| now >= aware_at + **h * 3600).count() as i64;
    (passed > sent).then_some(passed)
}

pub const MAX_TEXT: usize = 8000;

/// A report as any staff member files it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportForm {
    pub what: String,
    /// When it happened, as the reporter says (`YYYY-MM-DDTHH:MM` Stockholm time, parsed by the
    /// caller's clock); `None` when unknown.
    pub occurred: Option<String>,
    pub systems: String,
    pub information: String,
    pub personal_data: PersonalData,
    pub idempotency_key: String,
}

fn bounded(get: &impl Fn(&str) -> String, name: &str, required: bool, errors: &mut Vec<FieldError>) -> String {
    let v = get(name).trim().to_owned();
    if required && v.is_empty() {
        errors.push(FieldError { input: name.into(), code: "incident-error-required".into(), args: vec![] });
    } else if v.chars().count() > MAX_TEXT {
        errors.push(FieldError { input: name.into(), code: "incident-error-too-long".into(), args: vec![] });
    }
    v
}

/// `YYYY-MM-DDTHH:MM` (what `<input type=datetime-local>` posts), checked for shape only.
pub fn valid_local_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 16
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 => *c == b':',
            _ => c.is_ascii_digit(),
        })
}

pub fn check_report(get: impl Fn(&str) -> String) -> Result<ReportForm, Vec<FieldError>> {
    let mut errors = Vec::new();
    let what = bounded(&get, "what", true, &mut errors);
    let systems = bounded(&get, "systems", false, &mut errors);
    let information = bounded(&get, "information", false, &mut errors);
    let occurred = Some(get("occurred").trim().to_owned()).filter(|s| !s.is_empty());
    if occurred.as_deref().is_some_and(|o| !valid_local_time(o)) {
        errors.push(FieldError { input: "occurred".into(), code: "incident-error-time".into(), args: vec![] });
    }
    let personal_data = PersonalData::parse(&get("personal_data"));
    if personal_data.is_none() {
        errors.push(FieldError { input: "personal_data".into(), code: "incident-error-choose".into(), args: vec![] });
    }
    let idempotency_key = get("idempotency_key").trim().to_owned();
    match personal_data {
        Some(personal_data) if errors.is_empty() => {
            Ok(ReportForm { what, occurred, systems, information, personal_data, idempotency_key })
        }
        _ => Err(errors),
    }
}

/// The security officer's triage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriageForm {
    pub category: IncidentCategory,
    pub severity: IncidentSeverity,
    pub owner_id: i64,
    /// A personal-data breach: starts the IMY clock.
    pub breach: bool,
    pub note: String,
}

pub fn check_triage(get: impl Fn(&str) -> String) -> Result<TriageForm, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut choose = |input: &str| {
        errors.push(FieldError { input: input.into(), code: "incident-error-choose".into(), args: vec![] })
    };
    let category = IncidentCategory::parse(&get("category"));
    if category.is_none() {
        choose("category");
    }
    let severity = IncidentSeverity::parse(&get("severity"));
    if severity.is_none() {
        choose("severity");
    }
    let owner_id = get("owner").trim().parse::<i64>().ok();
    if owner_id.is_none() {
        choose("owner");
    }
    let breach = match get("breach").as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    if breach.is_none() {
        choose("breach");
    }
    let note = bounded(&get, "note", false, &mut errors);
    match (category, severity, owner_id, breach) {
        (Some(category), Some(severity), Some(owner_id), Some(breach)) if errors.is_empty() => {
            Ok(TriageForm { category, severity, owner_id, breach, note })
        }
        _ => Err(errors),
    }
}

/// The notification decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionForm {
    pub decision: ImyDecision,
    /// IMY's reference when notified; the reasoning when not.
    pub text: String,
}

pub fn check_decision(get: impl Fn(&str) -> String) -> Result<DecisionForm, Vec<FieldError>> {
    let decision = ImyDecision::parse(&get("decision"));
    let text = get("text").trim().to_owned();
    let mut errors = Vec::new();
    match decision {
        None => {
            errors.push(FieldError { input: "decision".into(), code: "incident-error-choose".into(), args: vec![] })
        }
        Some(ImyDecision::Notified) if text.is_empty() => {
            errors.push(FieldError { input: "text".into(), code: "incident-error-reference".into(), args: vec![] })
        }
        Some(ImyDecision::NotNotified) if text.chars().count() < 20 => {
            errors.push(FieldError { input: "text".into(), code: "incident-error-reasoning".into(), args: vec![] })
        }
        _ if text.chars().count() > MAX_TEXT => {
            errors.push(FieldError { input: "text".into(), code: "incident-error-too-long".into(), args: vec![] })
        }
        _ => {}
    }
    match decision {
        Some(decision) if errors.is_empty() => Ok(DecisionForm { decision, text }),
        _ => Err(errors),
    }
}

/// Closing: the lessons learned (required).
pub fn check_close(get: impl Fn(&str) -> String, breach_undecided: bool) -> Result<String, Vec<FieldError>> {
    let mut errors = Vec::new();
    let lessons = bounded(&get, "lessons", true, &mut errors);
    if breach_undecided {
        errors.push(FieldError { input: "lessons".into(), code: "incident-error-undecided".into(), args: vec![] });
    }
    if errors.is_empty() {
        Ok(lessons)
    } else {
        Err(errors)
    }
}

/// A yearly incident number, `SI-2026-00007`.
pub fn incident_number(year: i32, n: i64) -> String {
    format!("SI-{year}-{n:05}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3600;

    fn getter(pairs: &[(&str, &str)]) -> impl Fn(&str) -> String {
        let owned: Vec<(String, String)> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        move |k| owned.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    #[test]
    fn the_clock_runs_seventy_two_wall_clock_hours() {
        let aware = 1_800_000_000;
        assert_eq!(imy_deadline(aware), aware + 72 * H);
        assert_eq!(
            imy_clock(aware, None, aware + 10 * H + 30 * 60),
            ImyClock::Running { deadline: aware + 72 * H, hours_left: 61, minutes_left: 30 }
        );
        assert_eq!(
            imy_clock(aware, None, aware + 75 * H),
            ImyClock::Overdue { deadline: aware + 72 * H, hours_over: 3 }
        );
        assert_eq!(
            imy_clock(aware, Some((ImyDecision::Notified, aware + 71 * H)), aware + 80 * H),
            ImyClock::Decided {
                deadline: aware + 72 * H,
                decision: ImyDecision::Notified,
                in_time: true,
                decided_at: aware + 71 * H
            }
        );
        assert!(matches!(
            imy_clock(aware, Some((ImyDecision::NotNotified, aware + 73 * H)), aware + 80 * H),
            ImyClock::Decided { in_time: false, .. }
        ));
    }

    #[test]
    fn reminders_at_24_48_66_and_72_hours_until_decided() {
        let a = 1_000_000;
        assert_eq!(reminder_due(a, 0, false, a + 23 * H), None);
        assert_eq!(reminder_due(a, 0, false, a + 24 * H), Some(1));
        assert_eq!(reminder_due(a, 1, false, a + 30 * H), None);
        assert_eq!(reminder_due(a, 1, false, a + 66 * H), Some(3), "only the latest after a gap");
        assert_eq!(reminder_due(a, 3, false, a + 72 * H), Some(4));
        assert_eq!(reminder_due(a, 4, false, a + 500 * H), None);
        assert_eq!(reminder_due(a, 0, true, a + 50 * H), None);
    }

    #[test]
    fn a_report_needs_what_happened_and_whether_personal_data_is_affected() {
        let ok = check_report(getter(&[("what", "Ett mejl med ärendelista skickades fel"), ("personal_data", "yes")]));
        assert_eq!(ok.unwrap().personal_data, PersonalData::Yes);
        let errs = check_report(getter(&[("occurred", "igår"), ("personal_data", "kanske")])).unwrap_err();
        let inputs: Vec<_> = errs.iter().map(|e| e.input.as_str()).collect();
        assert_eq!(inputs, ["what", "occurred", "personal_data"]);
        assert!(
            check_report(getter(&[("what", "x"), ("personal_data", "no"), ("occurred", "2026-12-07T09:15")])).is_ok()
        );
    }

    #[test]
    fn triage_decision_and_closing_are_checked() {
        let t = check_triage(getter(&[
            ("category", "misdirected"),
            ("severity", "high"),
            ("owner", "5"),
            ("breach", "yes"),
        ]));
        assert!(t.unwrap().breach);
        assert_eq!(check_triage(getter(&[("category", "misdirected")])).unwrap_err().len(), 3);
        assert_eq!(
            check_decision(getter(&[("decision", "notified")])).unwrap_err()[0].code,
            "incident-error-reference"
        );
        assert_eq!(
            check_decision(getter(&[("decision", "not-notified"), ("text", "för kort")])).unwrap_err()[0].code,
            "incident-error-reasoning"
        );
        assert!(check_decision(getter(&[("decision", "notified"), ("text", "IMY-2026-1234")])).is_ok());
        assert_eq!(
            check_close(getter(&[("lessons", "Dubbelkontroll av mottagare")]), true).unwrap_err()[0].code,
            "incident-error-undecided"
        );
        assert_eq!(
            check_close(getter(&[("lessons", "Dubbelkontroll av mottagare")]), false).unwrap(),
            "Dubbelkontroll av mottagare"
        );
        assert_eq!(incident_number(2026, 7), "SI-2026-00007");
    }
}
