//! Calendar dates without a time zone: what a resident types into a date field and what a deadline
//! falls on. Kept here (not `time`) so the domain stays dependency-light and compiles for wasm.
//!
//! Policy: dates are proleptic Gregorian; a "day number" is days since 1970-01-01, so the server
//! turns a Unix time into today's date in Stockholm once and every rule compares day numbers.

use crate::identity::days_in_month;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A valid calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    /// A date from its parts, if it exists (years 1800–9999).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        ((1800..=9999).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Parses the ISO form `YYYY-MM-DD` (what `<input type=date>` sends), trimming spaces.
    pub fn parse(raw: &str) -> Option<Date> {
        let raw = raw.trim();
        let b = raw.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |s: &str| -> Option<u32> { s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse().ok())? };
        Date::new(num(&raw[0..4])?, num(&raw[5..7])?, num(&raw[8..10])?)
    }

    pub fn year(self) -> u32 {
        self.year
    }

    /// Days since 1970-01-01 (negative before), after Howard Hinnant's `days_from_civil`.
    pub fn day_number(self) -> i64 {
        let (y, m, d) = (i64::from(self.year), i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day number (inverse of [`Date::day_number`]); `None` outside 1800–9999.
    pub fn from_day_number(z: i64) -> Option<Date> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(u32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
    }

    /// The date `days` later (earlier when negative).
    pub fn plus_days(self, days: i64) -> Option<Date> {
        Date::from_day_number(self.day_number() + days)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_dates_and_refuses_impossible_ones() {
        assert_eq!(Date::parse(" 2026-02-28 ").map(|d| d.to_string()), Some("2026-02-28".into()));
        assert_eq!(Date::parse("2028-02-29").map(|d| d.to_string()), Some("2028-02-29".into()));
        for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-00-10", "+026-01-01"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years() {
        assert_eq!(Date::new(1970, 1, 1).map(Date::day_number), Some(0));
        assert_eq!(Date::new(2000, 3, 1).map(Date::day_number), Some(11_017));
        let start = Date::new(1999, 12, 25).map(Date::day_number).unwrap_or_default();
        for n in start..start + 3000 {
            let d = Date::from_day_number(n).map(Date::day_number);
            assert_eq!(d, Some(n));
        }
        assert_eq!(
            Date::new(2026, 12, 31).and_then(|d| d.plus_days(1)).map(|d| d.to_string()),
            Some("2027-01-01".into())
        );
    }
}
