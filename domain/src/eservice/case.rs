//! A case ("ärende"): its states and the only ways between them, its number, its service-level
//! clock and the satisfaction question asked about it.
//!
//! Policy:
//! - [`CaseStatus::apply`] is the one table of valid transitions. Storage applies a transition
//!   only with a compare-and-set on the status it was judged from, so two officers acting at once
//!   cannot both move a case.
//! - Who may ask for a transition is part of the table ([`Transition::by_applicant`]): an
//!   applicant withdraws and answers completion requests; everything else is the officer's.
//! - The service-level clock runs in calendar days from submission and stands still while the
//!   case waits for the applicant's completion ([`SlaClock`]).

use crate::calendar::DayKind;
use crate::date::Date;
use crate::organisation::UnitCode;
use serde::{Deserialize, Serialize};
use std::fmt;

slug_enum! {
    /// Where a case is.
    CaseStatus {
        Submitted => "submitted",
        InProgress => "in-progress",
        AwaitingCompletion => "awaiting-completion",
        Decided => "decided",
        Closed => "closed",
        Withdrawn => "withdrawn",
    }
}

slug_enum! {
    /// What a decision says.
    DecisionOutcome {
        Approved => "approved",
        Rejected => "rejected",
        PartlyApproved => "partly-approved",
    }
}

slug_enum! {
    /// A move from one status to another.
    Transition {
        /// An officer takes the case and starts handling it.
        Start => "start",
        /// The officer asks the applicant to complete the application; the clock pauses.
        RequestCompletion => "request-completion",
        /// The applicant answers the completion request; the clock resumes.
        Complete => "complete",
        /// The officer resumes without an answer (the reply-by date passed); the clock resumes.
        ResumeWithoutCompletion => "resume-without-completion",
        Decide => "decide",
        /// The officer closes a decided case (archiving follows).
        Close => "close",
        /// The applicant withdraws an open case.
        Withdraw => "withdraw",
    }
}

/// A transition that the table does not allow from the current status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{transition:?} is not possible from {from:?}")]
pub struct InvalidTransition {
    pub from: CaseStatus,
    pub transition: Transition,
}

impl CaseStatus {
    /// Open cases can still change; decided, closed and withdrawn cases are finished for the applicant.
    pub fn is_open(self) -> bool {
        matches!(self, CaseStatus::Submitted | CaseStatus::InProgress | CaseStatus::AwaitingCompletion)
    }

    /// The one table of valid transitions.
    pub fn apply(self, t: Transition) -> Result<CaseStatus, InvalidTransition> {
        use CaseStatus as S;
        use Transition as T;
        let to = match (self, t) {
            (S::Submitted, T::Start) => S::InProgress,
            (S::InProgress, T::RequestCompletion) => S::AwaitingCompletion,
            (S::AwaitingCompletion, T::Complete | T::ResumeWithoutCompletion) => S::InProgress,
            (S::InProgress, T::Decide) => S::Decided,
            (S::Decided, T::Close) => S::Closed,
            (S::Submitted | S::InProgress | S::AwaitingCompletion, T::Withdraw) => S::Withdrawn,
            (from, transition) => return Err(InvalidTransition { from, transition }),
        };
        Ok(to)
    }

    /// The transitions possible from here, in the order an officer meets them.
    pub fn possible(self) -> Vec<Transition> {
        Transition::ALL.iter().copied().filter(|t| self.apply(*t).is_ok()).collect()
    }
}

impl Transition {
    /// Transitions the applicant makes; the others are made by a case officer of the unit.
    pub fn by_applicant(self) -> bool {
        matches!(self, Transition::Complete | Transition::Withdraw)
    }
}

/// A case number in its unit's yearly series, shown as `SOF 2026/00123`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CaseNumber {
    pub unit: UnitCode,
    pub year: u32,
    pub seq: u32,
}

impl fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}/{:05}", self.unit, self.year, self.seq)
    }
}

impl CaseNumber {
    /// Parses the displayed form.
    pub fn parse(raw: &str) -> Option<CaseNumber> {
        let (unit, rest) = raw.trim().split_once(' ')?;
        let (year, seq) = rest.split_once('/')?;
        let year: u32 = year.parse().ok().filter(|y| (2000..=9999).contains(y))?;
        let seq: u32 = seq.parse().ok().filter(|s| *s > 0)?;
        Some(CaseNumber { unit: UnitCode::parse(unit)?, year, seq })
    }
}

pub const DAY: i64 = 86_400;

/// The service-level clock of one case. Times are Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaClock {
    pub submitted_at: i64,
    pub handling_days: u32,
    /// Seconds spent waiting for the applicant in completed pauses.
    pub paused_seconds: i64,
    /// Since when the clock stands still, while awaiting completion.
    pub paused_since: Option<i64>,
    /// Whether the promise counts calendar or working days (the definition's choice).
    #[serde(default)]
    pub day_kind: DayKind,
}

/// How a case stands against its promised handling time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SlaStanding {
    OnTrack,
    DueSoon,
    Overdue,
    /// Waiting for the applicant: the clock stands still.
    Paused,
}

impl SlaStanding {
    pub fn slug(self) -> &'static str {
        match self {
            SlaStanding::OnTrack => "on-track",
            SlaStanding::DueSoon => "due-soon",
            SlaStanding::Overdue => "overdue",
            SlaStanding::Paused => "paused",
        }
    }
}

impl SlaClock {
    pub fn new(submitted_at: i64, handling_days: u32) -> SlaClock {
        SlaClock { submitted_at, handling_days, paused_seconds: 0, paused_since: None, day_kind: DayKind::Calendar }
    }

    /// The same clock counting days of `kind`.
    pub fn counting(self, day_kind: DayKind) -> SlaClock {
        SlaClock { day_kind, ..self }
    }

    /// The due time as of `now`: the promised time plus every pause, the current one included.
    /// In calendar days, exactly `handling_days` × 24 hours after submission; in working days,
    /// the end (23:59:59 in Stockholm) of the `handling_days`-th working day after the day of
    /// submission. Time spent waiting for the applicant moves the start later either way.
    pub fn due_at(&self, now: i64) -> i64 {
        let current = self.paused_since.map_or(0, |p| (now - p).max(0));
        let start = self.submitted_at + self.paused_seconds + current;
        let calendar = start + i64::from(self.handling_days) * DAY;
        match self.day_kind {
            DayKind::Calendar => calendar,
            DayKind::Working => Date::in_stockholm(start)
                .map(|d| crate::calendar::add_working_days(d, self.handling_days))
                .and_then(Date::end_in_stockholm)
                .unwrap_or(calendar),
        }
    }

    pub fn pause(&mut self, now: i64) {
        if self.paused_since.is_none() {
            self.paused_since = Some(now);
        }
    }

    pub fn resume(&mut self, now: i64) {
        if let Some(p) = self.paused_since.take() {
            self.paused_seconds += (now - p).max(0);
        }
    }

    /// "Due soon" is the last fifth of the handling time, at least one day and at most five.
    pub fn due_soon_window(&self) -> i64 {
        (i64::from(self.handling_days) * DAY / 5).clamp(DAY, 5 * DAY)
    }

    pub fn standing(&self, now: i64) -> SlaStanding {
        if self.paused_since.is_some() {
            return SlaStanding::Paused;
        }
        let due = self.due_at(now);
        if now > due {
            SlaStanding::Overdue
        } else if due - now <= self.due_soon_window() {
            SlaStanding::DueSoon
        } else {
            SlaStanding::OnTrack
        }
    }
}

slug_enum! {
    /// Events a person is notified of, on their channel and in their language.
    NotificationEvent {
        /// The application was received: case number and promised handling time.
        Receipt => "receipt",
        /// The officer wrote a message.
        Message => "message",
        CompletionRequest => "completion-request",
        Decision => "decision",
        /// A draft is about to be deleted for inactivity.
        DraftExpiring => "draft-expiring",
        /// A bundle of permit applications was received: its number and how many permits.
        BundleReceipt => "bundle-receipt",
        /// The city wrote in a bundle's inbox.
        BundleMessage => "bundle-message",
        /// A bundle's permit sent to an outside authority (to the authority's address).
        Referral => "referral",
        /// An offer in a decision waits for its answer; the reply-by date is near.
        OfferReminder => "offer-reminder",
        /// An offer's reply-by date passed without an answer.
        OfferLapsed => "offer-lapsed",
    }
}

slug_enum! {
    /// When the satisfaction question is asked.
    SurveyStage {
        AfterSubmission => "after-submission",
        AfterDecision => "after-decision",
    }
}

/// An answer to the satisfaction question. Stored without who gave it (anonymous in reporting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SatisfactionAnswer {
    /// 1 (very dissatisfied) to 5 (very satisfied).
    pub score: u8,
    /// UMUX-Lite item 1, "meets my needs": 1 (strongly disagree) to 7 (strongly agree).
    pub useful: Option<u8>,
    /// UMUX-Lite item 2, "easy to use": 1 to 7.
    pub easy: Option<u8>,
    pub comment: Option<String>,
}

/// Why a satisfaction answer was refused (fluent ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SatisfactionError {
    Score,
    Scale,
    CommentTooLong,
}

impl SatisfactionError {
    pub fn code(self) -> &'static str {
        match self {
            SatisfactionError::Score => "survey-error-score",
            SatisfactionError::Scale => "survey-error-scale",
            SatisfactionError::CommentTooLong => "survey-error-comment",
        }
    }
}

impl SatisfactionAnswer {
    pub const COMMENT_MAX: usize = 1000;

    /// Parses the form's values; empty optional parts are `None`.
    pub fn parse(
        score: &str,
        useful: &str,
        easy: &str,
        comment: &str,
    ) -> Result<SatisfactionAnswer, SatisfactionError> {
        let score: u8 = score.trim().parse().ok().filter(|s| (1..=5).contains(s)).ok_or(SatisfactionError::Score)?;
        let scale = |raw: &str| -> Result<Option<u8>, SatisfactionError> {
            let raw = raw.trim();
            if raw.is_empty() {
                return Ok(None);
            }
            raw.parse().ok().filter(|v| (1..=7).contains(v)).map(Some).ok_or(SatisfactionError::Scale)
        };
        let comment = comment.trim();
        if comment.chars().count() > Self::COMMENT_MAX {
            return Err(SatisfactionError::CommentTooLong);
        }
        Ok(SatisfactionAnswer {
            score,
            useful: scale(useful)?,
            easy: scale(easy)?,
            comment: (!comment.is_empty()).then(|| comment.to_owned()),
        })
    }

    /// The UMUX-Lite score (0–100) when both items were answered.
    pub fn umux_lite(&self) -> Option<f64> {
        let (u, e) = (self.useful?, self.easy?);
        Some(f64::from(u + e - 2) / 12.0 * 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus as S;
    use Transition as T;

    #[test]
    fn only_the_tables_transitions_are_possible() {
        // The happy path with a completion round.
        let mut s = S::Submitted;
        for t in [T::Start, T::RequestCompletion, T::Complete, T::Decide, T::Close] {
            s = s.apply(t).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(s, S::Closed);
        // Every pair outside the table is refused.
        let allowed = [
            (S::Submitted, T::Start),
            (S::InProgress, T::RequestCompletion),
            (S::AwaitingCompletion, T::Complete),
            (S::AwaitingCompletion, T::ResumeWithoutCompletion),
            (S::InProgress, T::Decide),
            (S::Decided, T::Close),
            (S::Submitted, T::Withdraw),
            (S::InProgress, T::Withdraw),
            (S::AwaitingCompletion, T::Withdraw),
        ];
        for from in S::ALL {
            for t in T::ALL {
                assert_eq!(from.apply(*t).is_ok(), allowed.contains(&(*from, *t)), "{from:?} {t:?}");
            }
        }
        assert_eq!(S::Decided.apply(T::Withdraw), Err(InvalidTransition { from: S::Decided, transition: T::Withdraw }));
        assert_eq!(S::Submitted.possible(), vec![T::Start, T::Withdraw]);
    }

    #[test]
    fn case_numbers_print_and_parse_in_the_unit_series_form() {
        let n = CaseNumber { unit: UnitCode::parse("SOF").unwrap_or_else(|| panic!()), year: 2026, seq: 123 };
        assert_eq!(n.to_string(), "SOF 2026/00123");
        assert_eq!(CaseNumber::parse("SOF 2026/00123"), Some(n));
        for bad in ["SOF2026/1", "SOF 26/1", "SOF 2026/0", "sof 2026/1", "SOF 2026/x"] {
            assert_eq!(CaseNumber::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_clock_stands_still_while_awaiting_completion() {
        let mut c = SlaClock::new(0, 10);
        assert_eq!(c.due_at(0), 10 * DAY);
        assert_eq!(c.standing(DAY), SlaStanding::OnTrack);
        assert_eq!(c.standing(8 * DAY + 1), SlaStanding::DueSoon);
        c.pause(3 * DAY);
        assert_eq!(c.standing(20 * DAY), SlaStanding::Paused);
        assert_eq!(c.due_at(7 * DAY), 14 * DAY, "a pause pushes the due date while it lasts");
        c.resume(7 * DAY);
        assert_eq!(c.due_at(7 * DAY), 14 * DAY);
        assert_eq!(c.due_at(30 * DAY), 14 * DAY, "and no more after it ends");
        assert_eq!(c.standing(14 * DAY + 1), SlaStanding::Overdue);
        // Resuming twice or pausing twice changes nothing.
        c.resume(8 * DAY);
        assert_eq!(c.due_at(30 * DAY), 14 * DAY);
    }

    #[test]
    fn a_working_day_promise_skips_weekends_and_holidays() {
        let at = |y, m, d, h: i64| {
            Date::new(y, m, d).and_then(|d| d.plus_days(-1)).and_then(Date::end_in_stockholm).unwrap() + 1 + h * 3600
        };
        // Wednesday 23 December 2026 at 10:00, five working days: 24–27 Dec are off (Christmas
        // Eve, Christmas, Boxing Day, Sunday), 31 Dec and 1 Jan too, so 28, 29, 30 Dec, 4 and 5
        // Jan: due at the end of Tuesday 5 January 2027.
        let c = SlaClock::new(at(2026, 12, 23, 10), 5).counting(DayKind::Working);
        assert_eq!(c.due_at(0), at(2027, 1, 6, 0) - 1);
        // In calendar days the same promise ends five times 24 hours later.
        assert_eq!(SlaClock::new(at(2026, 12, 23, 10), 5).due_at(0), at(2026, 12, 28, 10));
        // A pause of two days moves the start to Friday 25 December: 28, 29, 30 Dec, 4, 5 Jan.
        let mut p = c;
        p.pause(at(2026, 12, 23, 10));
        p.resume(at(2026, 12, 25, 10));
        assert_eq!(p.due_at(0), at(2027, 1, 6, 0) - 1);
        // A pause into the new year: from Monday 4 January, five working days skip Epiphany.
        p.pause(at(2026, 12, 25, 10));
        p.resume(at(2027, 1, 4, 10));
        assert_eq!(p.due_at(0), at(2027, 1, 13, 0) - 1);
    }

    #[test]
    fn satisfaction_answers_are_bounded_and_scored() {
        let a = SatisfactionAnswer::parse("4", "7", "5", "  Bra ").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(a.comment.as_deref(), Some("Bra"));
        assert_eq!(a.umux_lite().map(|s| s.round()), Some(83.0));
        assert_eq!(SatisfactionAnswer::parse("", "", "", "").err(), Some(SatisfactionError::Score));
        assert_eq!(SatisfactionAnswer::parse("3", "8", "", "").err(), Some(SatisfactionError::Scale));
        assert_eq!(
            SatisfactionAnswer::parse("3", "", "", &"x".repeat(1001)).err(),
            Some(SatisfactionError::CommentTooLong)
        );
        assert_eq!(SatisfactionAnswer::parse("5", "", "", "").map(|a| a.umux_lite()), Ok(None));
    }
}
