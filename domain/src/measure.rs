//! What Stadsporten measures about its own use, and the periods its figures cover.
//!
//! Policy:
//! - Journeys are measured first-party and without personal data: a journey event is a count of a
//!   kind (a step reached, a field refused, …) for a service, a month, a channel and a device class.
//!   No person, draft, address or cookie is part of it, so no count can be traced back to anyone.
//! - Figures are kept per calendar month in Stockholm ([`Month`]); a period is a run of whole
//!   months. A filter that does not parse is reported and replaced by the default, never an error
//!   page ([`PeriodQuery::parse`]).

use crate::date::Date;
use crate::stats::DeviceClass;
use serde::{Deserialize, Serialize};
use std::fmt;

slug_enum! {
    /// What happened in a journey.
    JourneyKind {
        /// A catalogue service page was seen.
        ServicePage => "service-page",
        /// An e-service's start page was seen.
        Start => "start",
        /// A step was reached for the first time in a journey (`detail`: the step).
        Step => "step",
        /// A field was refused when a step was saved (`detail`: the field).
        FieldError => "field-error",
        /// "Save and continue later".
        Saved => "saved",
        /// The check page was reached.
        Check => "check",
        Submitted => "submitted",
        /// A draft was deleted by its owner or expired unsubmitted.
        Abandoned => "abandoned",
    }
}

slug_enum! {
    /// How a case or a journey came in.
    CaseChannel {
        /// The e-service in a browser.
        Web => "web",
        /// The e-service in the lite mode (TV browsers, slow connections).
        Lite => "lite",
        /// Filled in by the contact centre with the caller.
        Assisted => "assisted",
        /// Registered by an officer from paper or e-mail.
        Officer => "officer",
    }
}

impl CaseChannel {
    /// The resident used the e-service themself (the digital share's numerator).
    pub fn is_self_service(self) -> bool {
        match self {
            CaseChannel::Web | CaseChannel::Lite => true,
            CaseChannel::Assisted | CaseChannel::Officer => false,
        }
    }
}

/// Where a journey comes from: its channel and the device class. Kept on a draft, so that a
/// draft that expires is counted as abandoned where its journey was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Origin {
    pub channel: CaseChannel,
    pub device: DeviceClass,
}

impl Default for Origin {
    fn default() -> Origin {
        Origin { channel: CaseChannel::Web, device: DeviceClass::Computer }
    }
}

impl Origin {
    /// The stored form, `channel:device`.
    pub fn key(self) -> String {
        format!("{}:{}", self.channel.slug(), self.device.slug())
    }

    /// The stored form back; anything unreadable is the default (web, computer).
    pub fn parse(raw: &str) -> Origin {
        raw.split_once(':')
            .and_then(|(c, d)| Some(Origin { channel: CaseChannel::parse(c)?, device: DeviceClass::parse(d)? }))
            .unwrap_or_default()
    }
}

/// The columns of the service levels' open data, in order (its CSV header, its JSON keys).
pub const LEVEL_COLUMNS: &[&str] = &[
    "service",
    "title",
    "unit",
    "period",
    "day_kind",
    "promised_days",
    "cases_submitted",
    "cases_decided",
    "decided_within_promise",
    "median_handling_days",
];

/// A calendar month, stored as `YYYYMM` (202612).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month(u32);

impl Month {
    pub fn new(year: u32, month: u32) -> Option<Month> {
        ((1800..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month(year * 100 + month))
    }

    /// The stored form, `YYYYMM`.
    pub fn from_key(key: i64) -> Option<Month> {
        let key = u32::try_from(key).ok()?;
        Month::new(key / 100, key % 100)
    }

    pub fn key(self) -> i64 {
        i64::from(self.0)
    }

    pub fn year(self) -> u32 {
        self.0 / 100
    }

    /// 1–12.
    pub fn number(self) -> u32 {
        self.0 % 100
    }

    /// The month of a date.
    pub fn of(date: Date) -> Month {
        Month(date.year() * 100 + date.month())
    }

    /// The month in Stockholm at a Unix time (1970-01 when out of range, which no clock gives).
    pub fn at(unix: i64) -> Month {
        Date::in_stockholm(unix).map_or(Month(197001), Month::of)
    }

    /// Parses `YYYY-MM` (what `<input type=month>` sends).
    pub fn parse(raw: &str) -> Option<Month> {
        let raw = raw.trim();
        let (y, m) = raw.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }

    /// The month `n` later (earlier when negative).
    pub fn plus(self, n: i32) -> Month {
        let index = i64::from(self.year()) * 12 + i64::from(self.number()) - 1 + i64::from(n);
        let index = index.clamp(1800 * 12, 9999 * 12 + 11);
        Month((index / 12) as u32 * 100 + (index % 12) as u32 + 1)
    }

    pub fn first_day(self) -> Date {
        Date::new(self.year(), self.number(), 1).expect("a month's first day exists")
    }

    /// Its first second in Stockholm.
    pub fn start_unix(self) -> i64 {
        self.first_day().plus_days(-1).and_then(Date::end_in_stockholm).map_or(0, |t| t + 1)
    }

    /// The months from `self` to `last`, both included (empty when `last` is earlier).
    pub fn through(self, last: Month) -> Vec<Month> {
        let mut out = Vec::new();
        let mut m = self;
        while m <= last {
            out.push(m);
            m = m.plus(1);
        }
        out
    }

    /// The quarter as stored for the staff survey, `YYYYQ` (20264).
    pub fn quarter_key(self) -> i64 {
        i64::from(self.year()) * 10 + i64::from((self.number() - 1) / 3 + 1)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.number())
    }
}

/// A run of whole months, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub first: Month,
    pub last: Month,
}

/// The longest period a dashboard shows at once.
pub const MAX_PERIOD_MONTHS: usize = 36;

impl Period {
    /// The twelve months up to and including the current one.
    pub fn last_twelve(now: Month) -> Period {
        Period { first: now.plus(-11), last: now }
    }

    /// A calendar year.
    pub fn year(year: u32) -> Option<Period> {
        Some(Period { first: Month::new(year, 1)?, last: Month::new(year, 12)? })
    }

    pub fn months(self) -> Vec<Month> {
        self.first.through(self.last)
    }

    /// The same length just before (for "change since the period before").
    pub fn previous(self) -> Period {
        let len = self.months().len() as i32;
        Period { first: self.first.plus(-len), last: self.first.plus(-1) }
    }
}

/// Why a period filter was not used (fluent ids; the page says so and shows the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodProblem {
    /// A month that does not parse.
    Unreadable,
    /// The end before the start.
    Reversed,
    /// Longer than [`MAX_PERIOD_MONTHS`].
    TooLong,
    /// Starts after the current month.
    Future,
}

impl PeriodProblem {
    pub fn code(self) -> &'static str {
        match self {
            PeriodProblem::Unreadable => "stats-period-unreadable",
            PeriodProblem::Reversed => "stats-period-reversed",
            PeriodProblem::TooLong => "stats-period-too-long",
            PeriodProblem::Future => "stats-period-future",
        }
    }
}

/// A period from a query's `from` and `to` (`YYYY-MM`, either may be empty): the period, and the
/// problem that made it fall back to the last twelve months.
pub fn parse_period(from: &str, to: &str, now: Month) -> (Period, Option<PeriodProblem>) {
    let default = Period::last_twelve(now);
    let (from, to) = (from.trim(), to.trim());
    if from.is_empty() && to.is_empty() {
        return (default, None);
    }
    let read = |raw: &str, fallback: Month| if raw.is_empty() { Some(fallback) } else { Month::parse(raw) };
    let Some(last) = read(to, now) else {
        return (default, Some(PeriodProblem::Unreadable));
    };
    let Some(first) = read(from, last.plus(-11)) else {
        return (default, Some(PeriodProblem::Unreadable));
    };
    let period = Period { first, last };
    if last < first {
        (default, Some(PeriodProblem::Reversed))
    } else if first > now {
        (default, Some(PeriodProblem::Future))
    } else if period.months().len() > MAX_PERIOD_MONTHS {
        (default, Some(PeriodProblem::TooLong))
    } else {
        (Period { first, last: last.min(now) }, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(raw: &str) -> Month {
        Month::parse(raw).unwrap()
    }

    #[test]
    fn months_parse_step_and_print() {
        assert_eq!(m("2026-12").key(), 202612);
        assert_eq!(m("2026-12").plus(1), m("2027-01"));
        assert_eq!(m("2026-01").plus(-1), m("2025-12"));
        assert_eq!(m("2026-03").plus(-14), m("2025-01"));
        assert_eq!(m("2026-12").to_string(), "2026-12");
        assert_eq!(Month::from_key(202613), None);
        for bad in ["2026-13", "2026-1", "26-01", "2026/01", "", "abcd-ef", "2026-00"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(m("2026-11").quarter_key(), 20264);
        assert_eq!(m("2026-03").quarter_key(), 20261);
    }

    #[test]
    fn a_month_starts_at_midnight_in_stockholm() {
        // 2026-12-01 00:00 CET is 2026-11-30 23:00 UTC.
        assert_eq!(m("2026-12").start_unix(), 1_796_079_600);
        assert_eq!(Month::at(1_796_079_600), m("2026-12"));
        assert_eq!(Month::at(1_796_079_599), m("2026-11"));
        // Summer time: 2026-07-01 00:00 CEST is 2026-06-30 22:00 UTC.
        assert_eq!(m("2026-07").start_unix(), 1_782_856_800);
    }

    #[test]
    fn periods_fall_back_with_a_reason() {
        let now = m("2026-12");
        let twelve = Period { first: m("2026-01"), last: now };
        assert_eq!(parse_period("", "", now), (twelve, None));
        assert_eq!(parse_period("2026-03", "2026-05", now), (Period { first: m("2026-03"), last: m("2026-05") }, None));
        assert_eq!(parse_period("2026-13", "", now), (twelve, Some(PeriodProblem::Unreadable)));
        assert_eq!(parse_period("2026-05", "2026-03", now), (twelve, Some(PeriodProblem::Reversed)));
        assert_eq!(parse_period("2027-02", "2027-03", now), (twelve, Some(PeriodProblem::Future)));
        assert_eq!(parse_period("2020-01", "2026-12", now), (twelve, Some(PeriodProblem::TooLong)));
        // Only an end: the twelve months up to it; an end in the future stops at now.
        assert_eq!(parse_period("", "2025-06", now).0, Period { first: m("2024-07"), last: m("2025-06") });
        assert_eq!(parse_period("2026-10", "2027-06", now).0, Period { first: m("2026-10"), last: now });
        assert_eq!(
            Period { first: m("2026-03"), last: m("2026-05") }.previous(),
            Period { first: m("2025-12"), last: m("2026-02") }
        );
    }

    #[test]
    fn only_the_residents_own_use_is_self_service() {
        assert!(CaseChannel::Web.is_self_service() && CaseChannel::Lite.is_self_service());
        assert!(!CaseChannel::Assisted.is_self_service() && !CaseChannel::Officer.is_self_service());
    }
}
