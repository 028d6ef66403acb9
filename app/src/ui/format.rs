//! Formatting shared by pages: times in Stockholm's zone.

/// "2026-11-29 14:00" in Stockholm time (CET/CEST by the EU rule).
pub fn stockholm_time(unix: i64) -> String {
    use time::{Month, OffsetDateTime};
    fn last_sunday(year: i32, month: Month) -> Option<OffsetDateTime> {
        let last = time::Date::from_calendar_date(year, month, 31).ok()?;
        let back = last.weekday().number_days_from_sunday();
        Some(last.saturating_sub(time::Duration::days(i64::from(back))).with_hms(1, 0, 0).ok()?.assume_utc())
    }
    let Ok(utc) = OffsetDateTime::from_unix_timestamp(unix) else { return String::new() };
    let summer = matches!(
        (last_sunday(utc.year(), Month::March), last_sunday(utc.year(), Month::October)),
        (Some(start), Some(end)) if utc >= start && utc < end
    );
    let local = utc + time::Duration::hours(if summer { 2 } else { 1 });
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        local.year(),
        u8::from(local.month()),
        local.day(),
        local.hour(),
        local.minute()
    )
}

/// "14:35" in Stockholm time.
pub fn stockholm_clock(unix: i64) -> String {
    stockholm_time(unix).rsplit(' ').next().unwrap_or_default().to_owned()
}
