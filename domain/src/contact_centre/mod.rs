//! The contact centre (kontaktcenter): every contact is an errand, every caller look-up has a
//! reason, and no call is left unanswered.
//!
//! - This module: the vocabulary of an errand (channel, what it concerns, outcome, status), the
//!   reasons an agent may give for looking a person up, how a look-up is shown to the person, and
//!   the call-back promise's rules (its deadline in working hours, when it was kept).
//! - `telephony.rs`: the city's telephony platform's call events, their signature and their
//!   phone numbers.
//!
//! Policy:
//! - An errand never holds case contents: a look-up shows status summaries only; the errand's
//!   notes are the agent's own words.
//! - A look-up without a listed reason *and* a free-text explanation is refused
//!   ([`LookupReason::check`]); the person sees every look-up in Mina sidor.
//! - A call-back promise's deadline counts opening hours on working days
//!   ([`crate::calendar::add_working_hours`]); it is kept when the caller was reached (or the
//!   errand closed) before the deadline.

pub mod figures;
pub mod form;
pub mod telephony;

use serde::{Deserialize, Serialize};

slug_enum! {
    /// How the contact reached the city.
    ContactChannel {
        Phone => "phone",
        Email => "email",
        /// A visit at a citizen office (medborgarkontor).
        Visit => "visit",
        Chat => "chat",
        Letter => "letter",
    }
}

slug_enum! {
    /// What a contact is about when it is not one of the catalogue's services.
    Category {
        /// A general question about the city.
        General => "general",
        /// The status of a case or an application.
        CaseStatus => "case-status",
        /// Help to use an e-service or Mina sidor.
        EServiceHelp => "eservice-help",
        /// Fees, invoices and payments.
        Payment => "payment",
        /// A matter for another authority: referred onwards.
        OtherAuthority => "other-authority",
        /// A view, a complaint, praise or a suggestion.
        Feedback => "feedback",
    }
}

slug_enum! {
    /// How an errand ended at the contact centre.
    ErrandOutcome {
        /// Answered at first contact (perhaps with the e-service's link sent to the caller).
        Answered => "answered",
        /// Handed over to a unit as an inquiry case in its officer queue.
        HandedOver => "handed-over",
        /// A call-back is booked.
        CallBack => "call-back",
        /// A view or complaint, filed like the feedback e-service and routed to the unit.
        Feedback => "feedback",
    }
}

slug_enum! {
    /// Where an errand stands.
    ErrandStatus {
        /// The contact centre still owes the caller something (a call-back).
        Open => "open",
        /// With a unit: the errand closes when the unit has answered.
        WithUnit => "with-unit",
        /// Nothing more is owed.
        Closed => "closed",
    }
}

impl ErrandOutcome {
    /// The status an errand has when it is registered with this outcome.
    pub fn initial_status(self) -> ErrandStatus {
        match self {
            ErrandOutcome::Answered => ErrandStatus::Closed,
            ErrandOutcome::HandedOver | ErrandOutcome::Feedback => ErrandStatus::WithUnit,
            ErrandOutcome::CallBack => ErrandStatus::Open,
        }
    }

    /// Whether the outcome makes a case in a unit's queue (and so needs a unit).
    pub fn makes_case(self) -> bool {
        matches!(self, ErrandOutcome::HandedOver | ErrandOutcome::Feedback)
    }
}

slug_enum! {
    /// How the unit's answer to a handed-over errand reaches the person.
    AnswerBy {
        /// In Mina sidor (the person must be identified).
        MyPages => "my-pages",
        /// By letter to the address the agent noted.
        Letter => "letter",
        /// By phone to the number the agent noted.
        Phone => "phone",
    }
}

slug_enum! {
    /// Why an agent looks a person up. The list is the need to know; a free text says more.
    LookupReason {
        /// The caller asks about their own case, errand or application.
        CallerAsksAboutCase => "caller-asks-about-case",
        /// The caller needs help to fill in or finish an e-service.
        AssistEService => "assist-eservice",
        /// Returning a call the person asked for.
        CallBack => "call-back",
        /// The errand is handed over to a unit and needs the person.
        HandOver => "hand-over",
        /// A view or complaint the person wants answered.
        Feedback => "feedback",
    }
}

/// Why a look-up was refused before anything was searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LookupRefusal {
    /// No reason chosen from the list.
    NoReason,
    /// The reason's free text is missing or too short to say anything (fewer than 5 letters).
    NoExplanation,
    /// The explanation is longer than 500 characters.
    ExplanationTooLong,
}

impl LookupRefusal {
    /// The translation id of the refusal.
    pub fn message_id(self) -> &'static str {
        match self {
            LookupRefusal::NoReason => "contact-lookup-error-reason",
            LookupRefusal::NoExplanation => "contact-lookup-error-explanation",
            LookupRefusal::ExplanationTooLong => "contact-lookup-error-explanation-long",
        }
    }
}

impl LookupReason {
    /// The reason and its explanation, or why they are not enough.
    pub fn check(reason: &str, explanation: &str) -> Result<(LookupReason, String), LookupRefusal> {
        let reason = LookupReason::parse(reason.trim()).ok_or(LookupRefusal::NoReason)?;
        let explanation = explanation.trim();
        if explanation.chars().filter(|c| c.is_alphabetic()).count() < 5 {
            return Err(LookupRefusal::NoExplanation);
        }
        if explanation.chars().count() > 500 {
            return Err(LookupRefusal::ExplanationTooLong);
        }
        Ok((reason, explanation.to_owned()))
    }
}

slug_enum! {
    /// How the person sees who looked them up (configuration `[contact] lookup_shown_as`).
    LookupShownAs {
        /// The agent's unit and the look-up's reference; the agent's name only on request.
        UnitAndReference => "unit-and-reference",
        /// The agent's name as well.
        AgentName => "agent-name",
    }
}

slug_enum! {
    /// One try to call someone back.
    AttemptOutcome {
        /// The person answered: the promise is kept (if in time).
        Reached => "reached",
        NoAnswer => "no-answer",
        Busy => "busy",
        /// Voicemail: a message was left.
        LeftMessage => "left-message",
        /// The number does not belong to the caller: the promise ends.
        WrongNumber => "wrong-number",
    }
}

impl AttemptOutcome {
    /// Whether the try ends the promise.
    pub fn ends_promise(self) -> bool {
        matches!(self, AttemptOutcome::Reached | AttemptOutcome::WrongNumber)
    }

    /// Whether the try counts towards the SMS after the configured number of failed tries.
    pub fn is_failure(self) -> bool {
        matches!(self, AttemptOutcome::NoAnswer | AttemptOutcome::Busy | AttemptOutcome::LeftMessage)
    }
}

slug_enum! {
    /// Where a call-back promise stands.
    CallbackStatus {
        /// Waiting for an agent (perhaps claimed by one).
        Open => "open",
        /// The person was reached.
        Done => "done",
        /// The tries ran out (the person got an SMS) or the number was wrong.
        GaveUp => "gave-up",
    }
}

slug_enum! {
    /// Why a call-back was promised.
    CallbackReason {
        /// The caller hung up in the queue.
        Abandoned => "abandoned",
        /// The caller left a voicemail.
        Voicemail => "voicemail",
        /// An agent booked it in an errand.
        Booked => "booked",
    }
}

/// Opening hours of the contact centre for call-back deadlines (Stockholm wall clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    pub opens: u8,
    pub closes: u8,
}

impl Default for OpeningHours {
    fn default() -> Self {
        OpeningHours { opens: 8, closes: 17 }
    }
}

/// The deadline of a call-back promised at `at`: `hours` opening hours later on working days.
pub fn callback_deadline(at: i64, hours: u32, open: OpeningHours) -> i64 {
    crate::calendar::add_working_hours(at, hours, open.opens, open.closes)
}

/// Where a promise stands against its deadline at `now`, for the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Urgency {
    /// The deadline has passed.
    Overdue,
    /// Within the hour.
    DueSoon,
    Later,
}

impl Urgency {
    pub fn at(due_at: i64, now: i64) -> Urgency {
        if due_at < now {
            Urgency::Overdue
        } else if due_at - now <= 3600 {
            Urgency::DueSoon
        } else {
            Urgency::Later
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::DueSoon => "due-soon",
            Urgency::Later => "later",
        }
    }
}

/// An errand's number: the contact centre's series per year, `KC-2026-00042`.
pub fn errand_number(year: u32, seq: i64) -> String {
    format!("KC-{year}-{seq:05}")
}

/// A look-up's reference, which the person sees in Mina sidor and can quote to the city:
/// `SÖK-2026-00042` would need non-ASCII in URLs and logs, so `LU-2026-00042`.
pub fn lookup_reference(year: u32, seq: i64) -> String {
    format!("LU-{year}-{seq:05}")
}

/// The notes of an errand: at most this many characters.
pub const MAX_NOTES: usize = 4000;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn at(y: u32, m: u32, d: u32, h: u8, min: u8) -> i64 {
        Date::new(y, m, d).and_then(|d| d.at_in_stockholm(h, min)).expect("a time")
    }

    #[test]
    fn a_lookup_needs_a_listed_reason_and_words() {
        assert_eq!(LookupReason::check("", "Uppringaren frågar"), Err(LookupRefusal::NoReason));
        assert_eq!(LookupReason::check("curious", "Uppringaren frågar"), Err(LookupRefusal::NoReason));
        assert_eq!(LookupReason::check("call-back", "   "), Err(LookupRefusal::NoExplanation));
        assert_eq!(LookupReason::check("call-back", "1234 ."), Err(LookupRefusal::NoExplanation));
        assert_eq!(LookupReason::check("call-back", &"a".repeat(501)), Err(LookupRefusal::ExplanationTooLong));
        assert_eq!(
            LookupReason::check(" call-back ", "  Ringer upp om bygglovet  "),
            Ok((LookupReason::CallBack, "Ringer upp om bygglovet".to_owned()))
        );
        for r in LookupReason::ALL {
            assert!(LookupReason::check(r.slug(), "Frågar om sitt ärende").is_ok());
        }
    }

    #[test]
    fn outcomes_start_where_they_should() {
        assert_eq!(ErrandOutcome::Answered.initial_status(), ErrandStatus::Closed);
        assert_eq!(ErrandOutcome::CallBack.initial_status(), ErrandStatus::Open);
        assert_eq!(ErrandOutcome::HandedOver.initial_status(), ErrandStatus::WithUnit);
        assert!(ErrandOutcome::Feedback.makes_case() && !ErrandOutcome::CallBack.makes_case());
    }

    #[test]
    fn four_working_hours_skip_the_night_and_the_weekend() {
        let open = OpeningHours::default();
        // Monday 7 December 2026, 10:00 → 14:00 the same day.
        assert_eq!(callback_deadline(at(2026, 12, 7, 10, 0), 4, open), at(2026, 12, 7, 14, 0));
        // Friday 16:00 → Monday 11:00 (one hour on Friday, three on Monday).
        assert_eq!(callback_deadline(at(2026, 12, 11, 16, 0), 4, open), at(2026, 12, 14, 11, 0));
        // Saturday night → Monday 12:00.
        assert_eq!(callback_deadline(at(2026, 12, 12, 23, 30), 4, open), at(2026, 12, 14, 12, 0));
        // Christmas Eve (a de facto holiday) 09:00 → the 28th (Christmas, Boxing Day and the weekend skipped).
        assert_eq!(callback_deadline(at(2026, 12, 24, 9, 0), 4, open), at(2026, 12, 28, 12, 0));
    }

    #[test]
    fn urgency_against_the_deadline() {
        assert_eq!(Urgency::at(100, 101), Urgency::Overdue);
        assert_eq!(Urgency::at(3700, 100), Urgency::DueSoon);
        assert_eq!(Urgency::at(10_000, 100), Urgency::Later);
    }

    #[test]
    fn tries_that_end_a_promise() {
        assert!(AttemptOutcome::Reached.ends_promise() && AttemptOutcome::WrongNumber.ends_promise());
        assert!(!AttemptOutcome::NoAnswer.ends_promise());
        assert!(AttemptOutcome::Busy.is_failure() && !AttemptOutcome::Reached.is_failure());
        assert!(!AttemptOutcome::WrongNumber.is_failure());
    }

    #[test]
    fn numbers_and_references() {
        assert_eq!(errand_number(2026, 42), "KC-2026-00042");
        assert_eq!(lookup_reference(2026, 7), "LU-2026-00007");
    }
}
