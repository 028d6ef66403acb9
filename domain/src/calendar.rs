//! The Swedish working-day calendar: which days public offices are closed and how to count days
//! and hours that only run while they are open. SLA clocks ("decided within 10 working days"),
//! call-back promises ("we call you within 4 working hours") and the published figures ("handling
//! took 6 working days") all count with this one calendar.
//!
//! Policy: a working day is Monday to Friday and not a holiday. Holidays are the public holidays
//! (allmänna helgdagar, lag (1989:253) om allmänna helgdagar) plus the three eves that are not
//! holidays by law but on which public offices close all the same (midsummer eve, Christmas eve,
//! New Year's eve: "de facto" holidays, as every agreement and office calendar treats them). Days
//! when offices close early (the day before a holiday, "klämdagar") are working days. The rules are
//! those in force since 2005, when the National Day became a holiday and Whit Monday stopped
//! being one; they are applied to every year, which is wrong before 2005 but nothing counted here
//! reaches that far back. Holidays are computed per year (Easter by the Gregorian computus), not
//! listed, so there is no table to fall out of date.
//!
//! Easter Saturday and Whitsun Eve are always Saturdays and All Saints' Eve a Friday that is a
//! normal working day, so none of them needs an entry.

use crate::date::Date;
use serde::{Deserialize, Serialize};

slug_enum! {
    /// A day public offices are closed: a public holiday or a de facto one (see
    /// [`Holiday::is_de_facto`]). Several always fall on a weekend; they are listed all the same,
    /// because a calendar shows them.
    Holiday {
        /// Nyårsdagen, 1 January.
        NewYearsDay => "new-years-day",
        /// Trettondedag jul, 6 January.
        Epiphany => "epiphany",
        /// Långfredagen, the Friday before Easter.
        GoodFriday => "good-friday",
        /// Påskdagen, by the Gregorian computus.
        EasterSunday => "easter-sunday",
        /// Annandag påsk, the day after Easter.
        EasterMonday => "easter-monday",
        /// Första maj, 1 May.
        MayDay => "may-day",
        /// Kristi himmelsfärdsdag, the Thursday 39 days after Easter.
        Ascension => "ascension",
        /// Pingstdagen, the Sunday 49 days after Easter.
        Whitsun => "whitsun",
        /// Sveriges nationaldag, 6 June.
        NationalDay => "national-day",
        /// Midsommarafton, the Friday 19–25 June. De facto.
        MidsummerEve => "midsummer-eve",
        /// Midsommardagen, the Saturday 20–26 June.
        MidsummerDay => "midsummer-day",
        /// Alla helgons dag, the Saturday 31 October – 6 November.
        AllSaintsDay => "all-saints-day",
        /// Julafton, 24 December. De facto.
        ChristmasEve => "christmas-eve",
        /// Juldagen, 25 December.
        ChristmasDay => "christmas-day",
        /// Annandag jul, 26 December.
        BoxingDay => "boxing-day",
        /// Nyårsafton, 31 December. De facto.
        NewYearsEve => "new-years-eve",
    }
}

impl Holiday {
    /// Not a holiday by law, but a day public offices close (the three eves).
    pub fn is_de_facto(self) -> bool {
        matches!(self, Holiday::MidsummerEve | Holiday::ChristmasEve | Holiday::NewYearsEve)
    }
}

/// A date this module builds: the year is within [`Date`]'s range (callers clamp or check it) and
/// the month and day exist in every year, so it cannot fail.
fn ymd(year: u32, month: u32, day: u32) -> Date {
    Date::new(year, month, day).unwrap_or_else(|| unreachable!("{year}-{month}-{day} exists"))
}

/// `days` after a date this module built. Every offset used (Easter to Whitsun, a week within June
/// or November) stays within the same year, so it cannot leave [`Date`]'s range.
fn after(date: Date, days: i64) -> Date {
    date.plus_days(days).unwrap_or_else(|| unreachable!("{date} + {days} is in the same year"))
}

/// Easter Sunday of a year by the anonymous Gregorian computus (Meeus/Jones/Butcher). Years
/// outside [`Date`]'s range (1800–9999) are clamped into it.
pub fn easter_sunday(year: u32) -> Date {
    let y = year.clamp(1800, 9999);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    // For b ≥ 18 (years from 1800) and h ≤ 29, none of these subtractions goes below zero.
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l + 114 - 7 * m;
    ymd(y, n / 31, n % 31 + 1)
}

/// The first date on or after `date` that falls on `weekday` (Monday 1 … Sunday 7).
fn on_or_after(date: Date, weekday: u8) -> Date {
    after(date, i64::from((weekday + 7 - date.weekday()) % 7))
}

/// The holidays of a year, sorted by date; empty outside [`Date`]'s range (1800–9999). Two can
/// fall on the same day (May Day and Ascension in 2008): both are listed, the fixed-date
/// one first.
pub fn holidays(year: u32) -> Vec<(Date, Holiday)> {
    if !(1800..=9999).contains(&year) {
        return Vec::new();
    }
    let easter = easter_sunday(year);
    let mut days = vec![
        (ymd(year, 1, 1), Holiday::NewYearsDay),
        (ymd(year, 1, 6), Holiday::Epiphany),
        (ymd(year, 5, 1), Holiday::MayDay),
        (ymd(year, 6, 6), Holiday::NationalDay),
        (on_or_after(ymd(year, 6, 19), 5), Holiday::MidsummerEve),
        (on_or_after(ymd(year, 6, 20), 6), Holiday::MidsummerDay),
        (on_or_after(ymd(year, 10, 31), 6), Holiday::AllSaintsDay),
        (ymd(year, 12, 24), Holiday::ChristmasEve),
        (ymd(year, 12, 25), Holiday::ChristmasDay),
        (ymd(year, 12, 26), Holiday::BoxingDay),
        (ymd(year, 12, 31), Holiday::NewYearsEve),
        (after(easter, -2), Holiday::GoodFriday),
        (easter, Holiday::EasterSunday),
        (after(easter, 1), Holiday::EasterMonday),
        (after(easter, 39), Holiday::Ascension),
        (after(easter, 49), Holiday::Whitsun),
    ];
    // Stable: on a shared day the fixed-date holiday, listed first above, stays first.
    days.sort_by_key(|(d, _)| *d);
    days
}

/// The holiday on a date, if any (on a shared day the fixed-date one, as in [`holidays`]).
pub fn holiday(date: Date) -> Option<Holiday> {
    holidays(date.year()).into_iter().find(|(d, _)| *d == date).map(|(_, h)| h)
}

/// Whether public offices are open on a date: Monday to Friday and not a holiday, de facto
/// holidays included.
pub fn is_working_day(date: Date) -> bool {
    Year::default().is_working_day(date)
}

/// The holidays of the year a walk over days is in, computed again only when the walk crosses
/// into another year: a count over two years computes two lists, not 730.
#[derive(Default)]
struct Year {
    /// 0 before the first day is asked about (no date has year 0).
    year: u32,
    holidays: Vec<Date>,
}

impl Year {
    fn is_working_day(&mut self, date: Date) -> bool {
        if date.weekday() > 5 {
            return false;
        }
        if date.year() != self.year {
            self.year = date.year();
            self.holidays = holidays(self.year).into_iter().map(|(d, _)| d).collect();
        }
        !self.holidays.contains(&date)
    }
}

/// The `n`th working day after `date`; for `n` = 0, `date` itself if it is a working day, else
/// the next one. So from a Saturday one working day is the Monday (when it is one), the same as
/// from the Friday before. Saturates at the last date (9999-12-31).
pub fn add_working_days(date: Date, n: u32) -> Date {
    let mut year = Year::default();
    let mut day = date;
    let mut left = n;
    // n = 0 asks for the first working day from `date` on, counting `date` itself.
    if left == 0 && year.is_working_day(day) {
        return day;
    }
    loop {
        let Some(next) = day.plus_days(1) else { return day };
        day = next;
        if year.is_working_day(day) {
            if left <= 1 {
                return day;
            }
            left -= 1;
        }
    }
}

/// The weekdays (Monday–Friday) among the day numbers before `k`, counted from the Monday
/// 1970-01-05 (day number 4); negative before it. Differences of it count weekdays in a span.
fn weekdays_before(k: i64) -> i64 {
    let t = k - 4;
    5 * t.div_euclid(7) + t.rem_euclid(7).min(5)
}

/// The number of working days `d` with `from < d <= to`: "handling took N working days" for a
/// case filed on `from` and decided on `to`. 0 when `to` is not after `from`. Inverse of
/// [`add_working_days`]: `working_days_between(d, add_working_days(d, n))` is `n` for `n ≥ 1`.
///
/// Counted, not walked: weekdays by arithmetic, less the holidays on weekdays in the span, so a
/// span of years costs one holiday list per year.
pub fn working_days_between(from: Date, to: Date) -> i64 {
    let (a, b) = (from.day_number(), to.day_number());
    if b <= a {
        return 0;
    }
    let weekdays = weekdays_before(b + 1) - weekdays_before(a + 1);
    let mut off = 0;
    for year in from.year()..=to.year() {
        let mut days: Vec<Date> = holidays(year).into_iter().map(|(d, _)| d).collect();
        // Two holidays on one day close it once.
        days.dedup();
        off += days.iter().filter(|d| d.weekday() <= 5 && (a + 1..=b).contains(&d.day_number())).count();
    }
    weekdays - i64::try_from(off).unwrap_or(0)
}

/// Calendar days from `from` to `to`, 0 when `to` is not after it (as [`working_days_between`]).
pub fn calendar_days_between(from: Date, to: Date) -> i64 {
    (to.day_number() - from.day_number()).max(0)
}

/// How a number of days is counted: every day, or working days only.
///
/// Written out rather than with `slug_enum!` so that serde reads and writes the slug
/// (`days = "working"` in a definition file), which the macro's derive does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayKind {
    /// Every day counts, weekends and holidays too.
    #[default]
    Calendar,
    /// Only working days count ([`is_working_day`]).
    Working,
}

impl DayKind {
    /// Every value, in display order.
    pub const ALL: &'static [DayKind] = &[DayKind::Calendar, DayKind::Working];

    /// The stable slug used in URLs, the database, definition files and fluent message ids.
    pub fn slug(self) -> &'static str {
        match self {
            DayKind::Calendar => "calendar",
            DayKind::Working => "working",
        }
    }

    /// Parses a slug; unknown slugs are `None`.
    pub fn parse(slug: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.slug() == slug)
    }

    /// Whether this is the default, calendar days. By reference, for serde's
    /// `skip_serializing_if`.
    pub fn is_calendar(&self) -> bool {
        *self == DayKind::Calendar
    }
}

/// `n` days after `date`, counted as `kind` says: calendar days (saturating at 9999-12-31) or
/// [`add_working_days`].
pub fn add_days(kind: DayKind, date: Date, n: u32) -> Date {
    match kind {
        DayKind::Calendar => date.plus_days(i64::from(n)).or_else(|| Date::new(9999, 12, 31)).unwrap_or(date),
        DayKind::Working => add_working_days(date, n),
    }
}

/// The days from `from` to `to`, counted as `kind` says ([`calendar_days_between`] or
/// [`working_days_between`]).
pub fn days_between(kind: DayKind, from: Date, to: Date) -> i64 {
    match kind {
        DayKind::Calendar => calendar_days_between(from, to),
        DayKind::Working => working_days_between(from, to),
    }
}

/// A wall-clock hour on a day in Stockholm as a Unix time; 24 is the next midnight.
fn hour_in_stockholm(date: Date, hour: u8) -> Option<i64> {
    if hour >= 24 {
        date.plus_days(1)?.at_in_stockholm(0, 0)
    } else {
        date.at_in_stockholm(hour, 0)
    }
}

/// The Unix time when `hours` of opening time have passed after `unix`: time counts only from
/// `opens` to `closes` o'clock, Stockholm local time, on working days. Outside opening hours the
/// count starts at the next opening, so 0 hours is `unix` itself when open, else the next
/// opening; a count that ends exactly at closing time ends then, not at the next opening.
///
/// Opening hours are whole hours on the wall clock, so a working day is `closes − opens` hours
/// long in summer and winter alike (the clocks change on Sunday nights, which are never open).
/// With no opening hours (`opens >= closes`; `closes` above 24 counts as 24) or outside
/// [`Date`]'s range there is no time to count and the promise is never kept: `i64::MAX`.
pub fn add_working_hours(unix: i64, hours: u32, opens: u8, closes: u8) -> i64 {
    let closes = closes.min(24);
    if opens >= closes {
        return i64::MAX;
    }
    let Some(mut day) = Date::in_stockholm(unix) else { return i64::MAX };
    let mut year = Year::default();
    let mut left = i64::from(hours) * 3600;
    let mut from = unix;
    loop {
        if year.is_working_day(day) {
            let (Some(open), Some(close)) = (hour_in_stockholm(day, opens), hour_in_stockholm(day, closes)) else {
                return i64::MAX;
            };
            let start = from.max(open);
            if start < close {
                let open_time = close - start;
                if left <= open_time {
                    return start + left;
                }
                left -= open_time;
            }
        }
        let Some(next) = day.plus_days(1) else { return i64::MAX };
        day = next;
        // Every later day counts from its own opening.
        from = i64::MIN;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_stockholm_local;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|| panic!("{s} is a date"))
    }

    fn local(s: &str) -> i64 {
        parse_stockholm_local(s).unwrap_or_else(|| panic!("{s} is a local time"))
    }

    /// A year's holidays as `(date, slug)`, for comparing with a printed calendar.
    fn listed(year: u32) -> Vec<(String, &'static str)> {
        holidays(year).into_iter().map(|(d, h)| (d.to_string(), h.slug())).collect()
    }

    fn expected(rows: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        rows.iter().map(|(d, h)| ((*d).to_owned(), *h)).collect()
    }

    #[test]
    fn easter_sunday_matches_the_church_calendar() {
        for (year, date) in [
            (1818, "1818-03-22"), // the earliest possible
            (1943, "1943-04-25"), // the latest possible
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2028, "2028-04-16"),
            (2030, "2030-04-21"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter_sunday(year).to_string(), date, "{year}");
        }
        assert_eq!(easter_sunday(1066), easter_sunday(1800), "clamped into Date's range");
    }

    #[test]
    fn the_holidays_of_2024_to_2027_and_2030_are_swedens() {
        assert_eq!(
            listed(2024),
            expected(&[
                ("2024-01-01", "new-years-day"),
                ("2024-01-06", "epiphany"),
                ("2024-03-29", "good-friday"),
                ("2024-03-31", "easter-sunday"),
                ("2024-04-01", "easter-monday"),
                ("2024-05-01", "may-day"),
                ("2024-05-09", "ascension"),
                ("2024-05-19", "whitsun"),
                ("2024-06-06", "national-day"),
                ("2024-06-21", "midsummer-eve"),
                ("2024-06-22", "midsummer-day"),
                ("2024-11-02", "all-saints-day"),
                ("2024-12-24", "christmas-eve"),
                ("2024-12-25", "christmas-day"),
                ("2024-12-26", "boxing-day"),
                ("2024-12-31", "new-years-eve"),
            ])
        );
        assert_eq!(
            listed(2025),
            expected(&[
                ("2025-01-01", "new-years-day"),
                ("2025-01-06", "epiphany"),
                ("2025-04-18", "good-friday"),
                ("2025-04-20", "easter-sunday"),
                ("2025-04-21", "easter-monday"),
                ("2025-05-01", "may-day"),
                ("2025-05-29", "ascension"),
                ("2025-06-06", "national-day"),
                ("2025-06-08", "whitsun"),
                ("2025-06-20", "midsummer-eve"),
                ("2025-06-21", "midsummer-day"),
                ("2025-11-01", "all-saints-day"),
                ("2025-12-24", "christmas-eve"),
                ("2025-12-25", "christmas-day"),
                ("2025-12-26", "boxing-day"),
                ("2025-12-31", "new-years-eve"),
            ])
        );
        assert_eq!(
            listed(2026),
            expected(&[
                ("2026-01-01", "new-years-day"),
                ("2026-01-06", "epiphany"),
                ("2026-04-03", "good-friday"),
                ("2026-04-05", "easter-sunday"),
                ("2026-04-06", "easter-monday"),
                ("2026-05-01", "may-day"),
                ("2026-05-14", "ascension"),
                ("2026-05-24", "whitsun"),
                ("2026-06-06", "national-day"),
                ("2026-06-19", "midsummer-eve"),
                ("2026-06-20", "midsummer-day"),
                ("2026-10-31", "all-saints-day"),
                ("2026-12-24", "christmas-eve"),
                ("2026-12-25", "christmas-day"),
                ("2026-12-26", "boxing-day"),
                ("2026-12-31", "new-years-eve"),
            ])
        );
        assert_eq!(
            listed(2027),
            expected(&[
                ("2027-01-01", "new-years-day"),
                ("2027-01-06", "epiphany"),
                ("2027-03-26", "good-friday"),
                ("2027-03-28", "easter-sunday"),
                ("2027-03-29", "easter-monday"),
                ("2027-05-01", "may-day"),
                ("2027-05-06", "ascension"),
                ("2027-05-16", "whitsun"),
                ("2027-06-06", "national-day"),
                ("2027-06-25", "midsummer-eve"),
                ("2027-06-26", "midsummer-day"),
                ("2027-11-06", "all-saints-day"),
                ("2027-12-24", "christmas-eve"),
                ("2027-12-25", "christmas-day"),
                ("2027-12-26", "boxing-day"),
                ("2027-12-31", "new-years-eve"),
            ])
        );
        assert_eq!(
            listed(2030),
            expected(&[
                ("2030-01-01", "new-years-day"),
                ("2030-01-06", "epiphany"),
                ("2030-04-19", "good-friday"),
                ("2030-04-21", "easter-sunday"),
                ("2030-04-22", "easter-monday"),
                ("2030-05-01", "may-day"),
                ("2030-05-30", "ascension"),
                ("2030-06-06", "national-day"),
                ("2030-06-09", "whitsun"),
                ("2030-06-21", "midsummer-eve"),
                ("2030-06-22", "midsummer-day"),
                ("2030-11-02", "all-saints-day"),
                ("2030-12-24", "christmas-eve"),
                ("2030-12-25", "christmas-day"),
                ("2030-12-26", "boxing-day"),
                ("2030-12-31", "new-years-eve"),
            ])
        );
        assert!(holidays(1799).is_empty() && holidays(10_000).is_empty());
    }

    #[test]
    fn the_movable_days_keep_their_weekdays_for_centuries() {
        for year in 1800..=2400 {
            let days = holidays(year);
            assert_eq!(days.len(), 16, "{year}");
            assert!(days.windows(2).all(|w| w[0].0 <= w[1].0), "{year} is sorted");
            for (date, h) in days {
                let weekday = match h {
                    Holiday::GoodFriday | Holiday::MidsummerEve => 5,
                    Holiday::Ascension => 4,
                    Holiday::EasterSunday | Holiday::Whitsun => 7,
                    Holiday::EasterMonday => 1,
                    Holiday::MidsummerDay | Holiday::AllSaintsDay => 6,
                    _ => continue,
                };
                assert_eq!(date.weekday(), weekday, "{year} {}", h.slug());
            }
        }
    }

    #[test]
    fn a_shared_day_lists_both_holidays_and_names_the_fixed_one() {
        // 2008: Easter on 23 March, so Ascension on 1 May.
        let may_day = d("2008-05-01");
        let on_it: Vec<Holiday> = holidays(2008).into_iter().filter(|(d, _)| *d == may_day).map(|(_, h)| h).collect();
        assert_eq!(on_it, [Holiday::MayDay, Holiday::Ascension]);
        assert_eq!(holiday(may_day), Some(Holiday::MayDay));
        // Counted once: Wednesday 30 April to Friday 2 May 2008 is one working day.
        assert_eq!(working_days_between(d("2008-04-30"), d("2008-05-02")), 1);
    }

    #[test]
    fn only_the_eves_are_de_facto() {
        let de_facto: Vec<&str> = Holiday::ALL.iter().filter(|h| h.is_de_facto()).map(|h| h.slug()).collect();
        assert_eq!(de_facto, ["midsummer-eve", "christmas-eve", "new-years-eve"]);
        assert_eq!(Holiday::parse("boxing-day"), Some(Holiday::BoxingDay));
    }

    #[test]
    fn working_days_are_weekdays_that_are_not_holidays() {
        assert!(is_working_day(d("2026-11-17")), "a normal Tuesday");
        assert!(!is_working_day(d("2026-11-14")), "Saturday");
        assert!(!is_working_day(d("2026-11-15")), "Sunday");
        assert!(!is_working_day(d("2025-12-24")), "Christmas Eve on a Wednesday");
        assert!(!is_working_day(d("2026-06-19")), "Midsummer Eve");
        assert!(!is_working_day(d("2026-05-14")), "Ascension");
        assert!(!is_working_day(d("2027-01-06")), "Epiphany on a Wednesday");
        assert!(is_working_day(d("2026-05-15")), "the day after Ascension is a working day");
        assert!(is_working_day(d("2026-10-30")), "All Saints' Eve is a working day");
        assert_eq!(holiday(d("2026-11-17")), None);
        assert_eq!(holiday(d("2026-06-06")), Some(Holiday::NationalDay));
    }

    #[test]
    fn adding_working_days_skips_easter() {
        // Thursday 2 April 2026; Good Friday 3, Easter 5, Easter Monday 6 April.
        let maundy = d("2026-04-02");
        assert_eq!(add_working_days(maundy, 0), maundy);
        assert_eq!(add_working_days(maundy, 1).to_string(), "2026-04-07");
        assert_eq!(add_working_days(maundy, 2).to_string(), "2026-04-08");
        assert_eq!(add_working_days(d("2026-04-03"), 0).to_string(), "2026-04-07", "n = 0 from a holiday");
        assert_eq!(add_working_days(d("2026-04-03"), 1).to_string(), "2026-04-07");
    }

    #[test]
    fn adding_working_days_skips_christmas_and_new_year() {
        // Wednesday 23 December 2026; 24–26 December and 31 December – 1 January are off, 6 January
        // 2027 (a Wednesday) too.
        let start = d("2026-12-23");
        let plus = |n| add_working_days(start, n).to_string();
        assert_eq!(plus(1), "2026-12-28");
        assert_eq!(plus(2), "2026-12-29");
        assert_eq!(plus(3), "2026-12-30");
        assert_eq!(plus(4), "2027-01-04");
        assert_eq!(plus(5), "2027-01-05");
        assert_eq!(plus(6), "2027-01-07");
        assert_eq!(working_days_between(start, d("2027-01-07")), 6);
        assert_eq!(working_days_between(start, d("2027-01-06")), 5, "Epiphany itself is not counted");
    }

    #[test]
    fn counting_working_days_inverts_adding_them() {
        let first = d("2025-10-01").day_number();
        for k in 0..400 {
            let Some(from) = Date::from_day_number(first + k * 3) else { panic!("in range") };
            for n in [1, 2, 3, 5, 10, 21, 63, 250, 730] {
                let to = add_working_days(from, n);
                assert_eq!(working_days_between(from, to), i64::from(n), "{from} + {n} = {to}");
                assert!(is_working_day(to));
            }
            if is_working_day(from) {
                assert_eq!(add_working_days(from, 0), from);
            }
        }
    }

    #[test]
    fn a_year_of_working_days_is_counted_like_a_walk() {
        // 2026 has 261 weekdays; 10 holidays fall on them (1 and 6 Jan, 3 and 6 Apr, 1 and 14 May,
        // 19 Jun, 24, 25 and 31 Dec): 251 working days.
        assert_eq!(working_days_between(d("2025-12-31"), d("2026-12-31")), 251);
        let walked = (1..=365).filter_map(|k| d("2025-12-31").plus_days(k)).filter(|d| is_working_day(*d)).count();
        assert_eq!(walked, 251);
        assert_eq!(working_days_between(d("2026-12-31"), d("2025-12-31")), 0, "backwards");
        assert_eq!(working_days_between(d("2026-11-17"), d("2026-11-17")), 0);
        // Across several years the count is still the walk's.
        let (from, to) = (d("2023-03-15"), d("2031-08-02"));
        let walked = (1..=calendar_days_between(from, to))
            .filter_map(|k| from.plus_days(k))
            .filter(|d| is_working_day(*d))
            .count();
        assert_eq!(working_days_between(from, to), i64::try_from(walked).unwrap_or(-1));
    }

    #[test]
    fn day_kinds_dispatch_and_default_to_calendar_days() {
        let (from, to) = (d("2026-12-23"), d("2027-01-04"));
        assert_eq!(days_between(DayKind::Calendar, from, to), 12);
        assert_eq!(days_between(DayKind::Working, from, to), 4);
        assert_eq!(calendar_days_between(to, from), 0);
        assert_eq!(add_days(DayKind::Calendar, from, 12), to);
        assert_eq!(add_days(DayKind::Working, from, 4), to);
        assert_eq!(add_days(DayKind::Calendar, d("9999-12-30"), 5).to_string(), "9999-12-31", "saturates");
        assert_eq!(DayKind::default(), DayKind::Calendar);
        assert_eq!(DayKind::parse("working"), Some(DayKind::Working));
        assert_eq!(serde_json::to_string(&DayKind::Working).ok().as_deref(), Some(r#""working""#));

        #[derive(Deserialize)]
        struct Promise {
            #[serde(default)]
            kind: DayKind,
        }
        let kind = |json: &str| serde_json::from_str::<Promise>(json).map(|p| p.kind).ok();
        assert_eq!(kind("{}"), Some(DayKind::Calendar));
        assert_eq!(kind(r#"{"kind":"working"}"#), Some(DayKind::Working));
    }

    #[test]
    fn working_hours_run_only_while_open() {
        // Tuesday 17 November 2026.
        let hours = |from: &str, n| add_working_hours(local(from), n, 8, 17);
        assert_eq!(hours("2026-11-17T10:00", 4), local("2026-11-17T14:00"), "within the day");
        assert_eq!(hours("2026-11-17T10:00", 7), local("2026-11-17T17:00"), "ends at closing");
        assert_eq!(hours("2026-11-17T15:30", 4), local("2026-11-18T10:30"), "over the evening");
        assert_eq!(hours("2026-11-17T19:00", 2), local("2026-11-18T10:00"), "from the evening");
        assert_eq!(hours("2026-11-17T06:15", 1), local("2026-11-17T09:00"), "from the early morning");
        assert_eq!(hours("2026-11-17T06:15", 0), local("2026-11-17T08:00"), "0 hours: the next opening");
        assert_eq!(hours("2026-11-17T10:05", 0), local("2026-11-17T10:05"), "0 hours while open: now");
        assert_eq!(hours("2026-11-17T10:00", 27), local("2026-11-20T10:00"), "three days");
        // Friday 20 November 2026 to Monday 23.
        assert_eq!(hours("2026-11-20T16:00", 3), local("2026-11-23T10:00"), "over the weekend");
        assert_eq!(hours("2026-11-21T12:00", 1), local("2026-11-23T09:00"), "from a Saturday");
        // Wednesday 23 December 2026 to Monday 28, over Christmas.
        assert_eq!(hours("2026-12-23T16:00", 2), local("2026-12-28T09:00"), "over Christmas");
    }

    #[test]
    fn working_hours_keep_to_the_wall_clock_when_the_clocks_change() {
        // Summer time starts on Sunday 29 March 2026 and ends on Sunday 25 October 2026.
        let hours = |from: &str, n| add_working_hours(local(from), n, 8, 17);
        assert_eq!(hours("2026-03-27T16:00", 2), local("2026-03-30T09:00"));
        assert_eq!(local("2026-03-30T09:00") - local("2026-03-27T09:00"), 3 * 86_400 - 3600, "an hour less");
        assert_eq!(hours("2026-10-23T15:00", 11), local("2026-10-26T17:00"));
        assert_eq!(local("2026-10-26T17:00") - local("2026-10-23T17:00"), 3 * 86_400 + 3600, "an hour more");
    }

    #[test]
    fn working_hours_without_opening_hours_never_end() {
        let now = local("2026-11-17T10:00");
        assert_eq!(add_working_hours(now, 1, 17, 8), i64::MAX);
        assert_eq!(add_working_hours(now, 1, 9, 9), i64::MAX);
        assert_eq!(add_working_hours(now, 1, 0, 30), local("2026-11-17T11:00"), "closing after 24 is 24");
        assert_eq!(add_working_hours(now, 15, 0, 24), local("2026-11-18T01:00"), "open all day");
        assert_eq!(add_working_hours(i64::MAX, 1, 8, 17), i64::MAX, "outside the range");
    }
}
