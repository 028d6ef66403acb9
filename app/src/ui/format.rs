//! Formatting shared by pages: times in Stockholm's zone.

/// "2026-11-29 14:00" in Stockholm time (CET/CEST by the EU rule).
pub fn stockholm_time(unix: i64) -> String {
    let Ok(local) = time::OffsetDateTime::from_unix_timestamp(unix + stockholm_offset(unix)) else {
        return String::new();
    };
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

/// Stockholm's offset from UTC at `unix`, in seconds (CET/CEST by the EU rule).
pub fn stockholm_offset(unix: i64) -> i64 {
    use time::{Month, OffsetDateTime};
    fn last_sunday(year: i32, month: Month) -> Option<OffsetDateTime> {
        let last = time::Date::from_calendar_date(year, month, 31).ok()?;
        let back = last.weekday().number_days_from_sunday();
        Some(last.saturating_sub(time::Duration::days(i64::from(back))).with_hms(1, 0, 0).ok()?.assume_utc())
    }
    let Ok(utc) = OffsetDateTime::from_unix_timestamp(unix) else { return 3600 };
    let summer = matches!(
        (last_sunday(utc.year(), Month::March), last_sunday(utc.year(), Month::October)),
        (Some(start), Some(end)) if utc >= start && utc < end
    );
    if summer {
        7200
    } else {
        3600
    }
}

/// The day number (days since 1970-01-01) of `unix` in Stockholm.
pub fn stockholm_day(unix: i64) -> i64 {
    (unix + stockholm_offset(unix)).div_euclid(86_400)
}

/// "2026-11-29" in Stockholm.
pub fn stockholm_date(unix: i64) -> String {
    stadsporten_domain::date::Date::from_day_number(stockholm_day(unix)).map(|d| d.to_string()).unwrap_or_default()
}

/// A file size as people read it: "2.5 MB", "12 kB".
pub fn size_label(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}
