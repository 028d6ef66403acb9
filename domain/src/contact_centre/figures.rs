//! The contact centre's figures: contacts per day by channel and what they concern, the share
//! answered at first contact, hand-overs per unit, call-back promises kept, the median time to
//! call back, abandoned calls — from the facts of a period (no person in them).
//!
//! Policy: days are Stockholm days; a share over fewer than five is suppressed
//! ([`crate::stats::share`]); the period is at most [`MAX_DAYS`] days.

use super::{CallbackStatus, ContactChannel, ErrandOutcome};
use crate::date::Date;
use crate::stats::{self, Figure};
use std::collections::BTreeMap;

/// The longest period the page and the export show at once.
pub const MAX_DAYS: i64 = 92;

/// A day's counts after its channels, in order: the page's table and the CSV's columns.
pub const DAY_COLUMNS: [&str; 8] = [
    "answered_first",
    "handed_over",
    "feedback",
    "callbacks_promised",
    "callbacks_ended",
    "callbacks_kept",
    "abandoned",
    "voicemail",
];

/// One errand as the figures need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrandFact {
    pub at: i64,
    pub channel: ContactChannel,
    /// The category's slug, or `service` when it concerned a catalogue service.
    pub concerns: String,
    pub outcome: ErrandOutcome,
    pub unit: Option<String>,
}

/// One call-back promise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackFact {
    pub created_at: i64,
    pub done_at: Option<i64>,
    pub status: CallbackStatus,
    pub kept: Option<bool>,
}

/// One call that ended without an answer: abandoned in the queue, or a voicemail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissedCall {
    pub at: i64,
    pub voicemail: bool,
}

/// One day's figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Day {
    pub contacts: u64,
    pub by_channel: BTreeMap<&'static str, u64>,
    pub answered_first: u64,
    pub handed_over: u64,
    pub feedback: u64,
    pub callbacks_promised: u64,
    pub callbacks_ended: u64,
    pub callbacks_kept: u64,
    pub abandoned: u64,
    pub voicemail: u64,
}

/// A period's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub days: BTreeMap<Date, Day>,
    pub by_concerns: BTreeMap<String, u64>,
    /// Hand-overs and views per receiving unit.
    pub by_unit: BTreeMap<String, u64>,
    pub contacts: u64,
    pub answered_first: Figure<f64>,
    pub kept: Figure<f64>,
    /// Median minutes from the promise to the call that reached the person.
    pub median_minutes_to_callback: Figure<f64>,
    pub abandoned: u64,
    pub voicemail: u64,
}

fn day_of(at: i64) -> Option<Date> {
    Date::in_stockholm(at)
}

/// The figures of `from..=to` (Stockholm days) from the period's facts; facts outside it are
/// ignored, every day of it is present (zeros included).
pub fn aggregate(
    from: Date,
    to: Date,
    errands: &[ErrandFact],
    callbacks: &[CallbackFact],
    missed: &[MissedCall],
) -> Figures {
    let mut days: BTreeMap<Date, Day> = BTreeMap::new();
    let mut d = from;
    while d <= to {
        days.insert(d, Day::default());
        match d.plus_days(1) {
            Some(n) => d = n,
            None => break,
        }
    }
    let mut by_concerns = BTreeMap::new();
    let mut by_unit = BTreeMap::new();
    let (mut contacts, mut answered) = (0u64, 0u64);
    for e in errands {
        let Some(day) = day_of(e.at).and_then(|d| days.get_mut(&d)) else { continue };
        contacts += 1;
        day.contacts += 1;
        *day.by_channel.entry(e.channel.slug()).or_default() += 1;
        *by_concerns.entry(e.concerns.clone()).or_default() += 1;
        match e.outcome {
            ErrandOutcome::Answered => {
                answered += 1;
                day.answered_first += 1;
            }
            ErrandOutcome::HandedOver => day.handed_over += 1,
            ErrandOutcome::Feedback => day.feedback += 1,
            ErrandOutcome::CallBack => {}
        }
        if e.outcome.makes_case() {
            if let Some(u) = &e.unit {
                *by_unit.entry(u.clone()).or_default() += 1;
            }
        }
    }
    let (mut ended, mut kept) = (0u64, 0u64);
    let mut minutes: Vec<(i64, u64)> = Vec::new();
    for c in callbacks {
        if let Some(day) = day_of(c.created_at).and_then(|d| days.get_mut(&d)) {
            day.callbacks_promised += 1;
        }
        if c.status == CallbackStatus::Open {
            continue;
        }
        let Some(done) = c.done_at else { continue };
        let Some(day) = day_of(done).and_then(|d| days.get_mut(&d)) else { continue };
        ended += 1;
        day.callbacks_ended += 1;
        if c.kept == Some(true) {
            kept += 1;
            day.callbacks_kept += 1;
        }
        if c.status == CallbackStatus::Done {
            minutes.push(((done - c.created_at).max(0) / 60, 1));
        }
    }
    let (mut abandoned, mut voicemail) = (0u64, 0u64);
    for m in missed {
        let Some(day) = day_of(m.at).and_then(|d| days.get_mut(&d)) else { continue };
        if m.voicemail {
            voicemail += 1;
            day.voicemail += 1;
        } else {
            abandoned += 1;
            day.abandoned += 1;
        }
    }
    minutes.sort_unstable();
    let mut merged: Vec<(i64, u64)> = Vec::new();
    for (m, n) in minutes {
        match merged.last_mut() {
            Some((last, count)) if *last == m => *count += n,
            _ => merged.push((m, n)),
        }
    }
    Figures {
        days,
        by_concerns,
        by_unit,
        contacts,
        answered_first: stats::share(answered, contacts),
        kept: stats::share(kept, ended),
        median_minutes_to_callback: stats::median(&merged),
        abandoned,
        voicemail,
    }
}

/// A period from `from`/`to` as typed (`YYYY-MM-DD`), or the last 30 days to `today`: a problem
/// is `Some(translation id)` and the default is used.
pub fn period(from: Option<&str>, to: Option<&str>, today: Date) -> (Date, Date, Option<&'static str>) {
    let default = (today.plus_days(-29).unwrap_or(today), today);
    let parse = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(Date::parse);
    match (parse(from), parse(to)) {
        (None, None) => (default.0, default.1, None),
        (Some(None), _) | (_, Some(None)) => (default.0, default.1, Some("contact-figures-bad-period")),
        (f, t) => {
            let to = t.flatten().unwrap_or(today).min(today);
            let from = f.flatten().unwrap_or_else(|| to.plus_days(-29).unwrap_or(to));
            if from > to {
                (default.0, default.1, Some("contact-figures-bad-period"))
            } else if crate::calendar::calendar_days_between(from, to) >= MAX_DAYS {
                (default.0, default.1, Some("contact-figures-too-long"))
            } else {
                (from, to, None)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: u32, m: u32, d: u32, h: u8) -> i64 {
        Date::new(y, m, d).and_then(|d| d.at_in_stockholm(h, 0)).expect("a time")
    }

    fn errand(at: i64, channel: ContactChannel, outcome: ErrandOutcome, unit: Option<&str>) -> ErrandFact {
        ErrandFact { at, channel, concerns: "general".into(), outcome, unit: unit.map(str::to_owned) }
    }

    #[test]
    fn a_week_of_contacts_adds_up() {
        let from = Date::new(2026, 12, 7).unwrap();
        let to = Date::new(2026, 12, 13).unwrap();
        let mut errands = Vec::new();
        for i in 0..8 {
            errands.push(errand(at(2026, 12, 7, 9), ContactChannel::Phone, ErrandOutcome::Answered, None));
            if i < 2 {
                errands.push(errand(
                    at(2026, 12, 8, 10),
                    ContactChannel::Email,
                    ErrandOutcome::HandedOver,
                    Some("SBK"),
                ));
            }
        }
        errands.push(errand(at(2026, 12, 8, 11), ContactChannel::Visit, ErrandOutcome::Feedback, Some("MF")));
        // Outside the period: not counted.
        errands.push(errand(at(2026, 12, 14, 9), ContactChannel::Phone, ErrandOutcome::Answered, None));
        let cb = |created: i64, done: Option<i64>, status, kept| CallbackFact {
            created_at: created,
            done_at: done,
            status,
            kept,
        };
        let t0 = at(2026, 12, 7, 10);
        let callbacks = vec![
            cb(t0, Some(t0 + 600), CallbackStatus::Done, Some(true)),
            cb(t0, Some(t0 + 1800), CallbackStatus::Done, Some(true)),
            cb(t0, Some(t0 + 3 * 3600), CallbackStatus::Done, Some(true)),
            cb(t0, Some(t0 + 45 * 60), CallbackStatus::Done, Some(true)),
            cb(t0, Some(t0 + 20 * 3600), CallbackStatus::Done, Some(false)),
            cb(t0, Some(t0 + 7200), CallbackStatus::GaveUp, Some(false)),
            cb(t0, None, CallbackStatus::Open, None),
        ];
        let missed = vec![MissedCall { at: t0, voicemail: false }, MissedCall { at: t0, voicemail: true }];
        let f = aggregate(from, to, &errands, &callbacks, &missed);
        assert_eq!(f.days.len(), 7, "every day, zeros included");
        assert_eq!(f.contacts, 11);
        let monday = &f.days[&from];
        assert_eq!((monday.contacts, monday.answered_first, monday.by_channel["phone"]), (8, 8, 8));
        assert_eq!(f.answered_first, Figure::Value(8.0 / 11.0));
        assert_eq!(f.by_unit["SBK"], 2);
        assert_eq!(f.by_unit["MF"], 1);
        assert_eq!(f.kept, Figure::Value(4.0 / 6.0));
        // Reached after 10, 30, 45, 180 and 1200 minutes.
        assert_eq!(f.median_minutes_to_callback, Figure::Value(45.0));
        assert_eq!((f.abandoned, f.voicemail), (1, 1));
        assert_eq!(monday.callbacks_promised, 7);
    }

    #[test]
    fn too_few_promises_are_not_a_share() {
        let d = Date::new(2026, 12, 7).unwrap();
        let f = aggregate(
            d,
            d,
            &[],
            &[CallbackFact {
                created_at: at(2026, 12, 7, 9),
                done_at: Some(at(2026, 12, 7, 10)),
                status: CallbackStatus::Done,
                kept: Some(true),
            }],
            &[],
        );
        assert_eq!(f.kept, Figure::Suppressed);
    }

    #[test]
    fn periods_fall_back_politely() {
        let today = Date::new(2026, 12, 7).unwrap();
        assert_eq!(period(None, None, today), (Date::new(2026, 11, 8).unwrap(), today, None));
        assert_eq!(period(Some("2026-12-01"), Some("2026-12-03"), today).2, None);
        assert_eq!(period(Some("2026-12-05"), Some("2026-12-01"), today).2, Some("contact-figures-bad-period"));
        assert_eq!(period(Some("yesterday"), None, today).2, Some("contact-figures-bad-period"));
        assert_eq!(period(Some("2026-01-01"), None, today).2, Some("contact-figures-too-long"));
        assert_eq!(period(None, Some("2027-01-01"), today).1, today, "never the future");
    }
}
