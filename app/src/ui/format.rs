//! Formatting shared by pages: times in Stockholm's zone.
//!
//! Policy: the zone's rules are the tz database's Europe/Stockholm, which the domain compiles in
//! (see `stadsporten_domain::date`); nothing here computes an offset itself.

use stadsporten_domain::date::{stockholm_datetime, Date};

/// "2026-11-29 14:00" in Stockholm time (CET or CEST, whichever holds at that moment).
pub fn stockholm_time(unix: i64) -> String {
    let Some(local) = stockholm_datetime(unix) else {
        return String::new();
    };
    format!("{:04}-{:02}-{:02} {:02}:{:02}", local.year(), local.month(), local.day(), local.hour(), local.minute())
}

/// "14:35" in Stockholm time.
pub fn stockholm_clock(unix: i64) -> String {
    stockholm_time(unix).rsplit(' ').next().unwrap_or_default().to_owned()
}

/// The day number (days since 1970-01-01) of `unix` in Stockholm.
pub fn stockholm_day(unix: i64) -> i64 {
    stadsporten_domain::date::stockholm_day(unix)
}

/// "2026-11-29" in Stockholm.
pub fn stockholm_date(unix: i64) -> String {
    Date::in_stockholm(unix).map(|d| d.to_string()).unwrap_or_default()
}

/// A file size as people read it: "2.5 MB", "12 kB".
pub fn size_label(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Unix times of 2026's changes: 29 March and 25 October, both at 01:00 UTC.
    const SPRING_2026: i64 = 1_774_746_000;
    const AUTUMN_2026: i64 = 1_792_890_000;

    #[test]
    fn times_on_both_sides_of_the_2026_changes() {
        // 29 March: 01:59:59 CET, then 03:00 CEST (02:xx never shows).
        assert_eq!(stockholm_time(SPRING_2026 - 60), "2026-03-29 01:59");
        assert_eq!(stockholm_time(SPRING_2026), "2026-03-29 03:00");
        assert_eq!(stockholm_clock(SPRING_2026 + 30 * 60), "03:30");
        // 25 October: 02:59 CEST, then 02:00 CET again (the hour 02 shows twice).
        assert_eq!(stockholm_time(AUTUMN_2026 - 60), "2026-10-25 02:59");
        assert_eq!(stockholm_time(AUTUMN_2026), "2026-10-25 02:00");
        assert_eq!(stockholm_time(AUTUMN_2026 + 3600), "2026-10-25 03:00");
    }

    #[test]
    fn summer_and_winter_time_far_from_the_changes() {
        assert_eq!(stockholm_time(1_795_000_000), "2026-11-18 12:06"); // 11:06 UTC, winter: UTC+1
        assert_eq!(stockholm_time(1_782_000_000), "2026-06-21 02:00"); // 00:00 UTC, summer: UTC+2
                                                                       // 2200-07-01 12:00 UTC and 1975-07-01 12:00 UTC: summer time then, none in 1975.
        assert_eq!(stockholm_time(7_273_800_000), "2200-07-01 14:00");
        assert_eq!(stockholm_time(173_448_000), "1975-07-01 13:00");
    }

    #[test]
    fn dates_and_day_numbers_follow_stockholm_midnight() {
        // 2026-06-30 22:30 UTC is already 1 July in Stockholm; in winter the day changes an hour
        // later (2026-01-01 22:30 UTC is still 1 January there, 23:30 UTC is 2 January).
        assert_eq!(stockholm_date(1_782_858_600), "2026-07-01");
        assert_eq!(stockholm_date(1_767_306_600), "2026-01-01");
        assert_eq!(stockholm_date(1_767_306_600 + 3600), "2026-01-02");
        assert_eq!(Some(stockholm_day(1_782_858_600)), Date::new(2026, 7, 1).map(Date::day_number));
        assert_eq!(stockholm_time(i64::MAX), "", "outside the calendar: nothing, not a panic");
    }
}
