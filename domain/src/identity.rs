//! Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).
//!
//! Policy: a number is parsed once, at the trust boundary (an identity provider's claim, a form),
//! into [`PersonalIdentityNumber`], stored in one normalised form (`YYYYMMDDNNNC`), and never
//! printed: its `Debug` and `Display` are redacted, so it cannot reach a log by accident. Only
//! [`PersonalIdentityNumber::expose`] gives the digits, for storage and for showing the holder.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Which kind of number it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IdentityKind {
    /// A personnummer: born or registered as resident in Sweden.
    Personnummer,
    /// A samordningsnummer: day of birth + 60, for people not registered as resident.
    Samordningsnummer,
}

/// Why a number was refused. Each has a stable code usable as a fluent id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum IdentityNumberError {
    #[error("not 10 or 12 digits with an optional - or + before the last four")]
    Format,
    #[error("the date of birth does not exist")]
    Date,
    #[error("the check digit does not match")]
    CheckDigit,
}

impl IdentityNumberError {
    pub fn code(self) -> &'static str {
        match self {
            IdentityNumberError::Format => "error-pnr-format",
            IdentityNumberError::Date => "error-pnr-date",
            IdentityNumberError::CheckDigit => "error-pnr-check-digit",
        }
    }
}

/// A valid personnummer or samordningsnummer, normalised to 12 digits.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonalIdentityNumber(String);

impl fmt::Debug for PersonalIdentityNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PersonalIdentityNumber(<redacted>)")
    }
}

impl fmt::Display for PersonalIdentityNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Luhn check over the ten digits YYMMDDNNNC.
pub(crate) fn luhn_ok(ten: &[u32]) -> bool {
    let sum: u32 = ten
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let v = if i % 2 == 0 { d * 2 } else { d };
            v / 10 + v % 10
        })
        .sum();
    sum.is_multiple_of(10)
}

impl PersonalIdentityNumber {
    /// Parses `YYYYMMDD-NNNC`, `YYYYMMDDNNNC`, `YYMMDD-NNNC`, `YYMMDDNNNC` or `YYMMDD+NNNC` (the
    /// `+` marks someone aged 100 or more). Ten-digit forms need the current year to pick the
    /// century: the most recent year not in the future (minus 100 with `+`).
    pub fn parse(raw: &str, current_year: u32) -> Result<Self, IdentityNumberError> {
        let raw = raw.trim();
        let plus = raw.contains('+');
        let digits: String = raw.chars().filter(|c| !matches!(c, '-' | '+' | ' ')).collect();
        let separators = raw.chars().filter(|c| matches!(c, '-' | '+')).count();
        if separators > 1 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(IdentityNumberError::Format);
        }
        if separators == 1 && raw.len() >= 5 && !matches!(raw.as_bytes()[raw.len() - 5], b'-' | b'+') {
            return Err(IdentityNumberError::Format);
        }
        let full = match digits.len() {
            12 if !plus => digits,
            10 => {
                let yy: u32 = digits[0..2].parse().map_err(|_| IdentityNumberError::Format)?;
                let mut year = current_year - current_year % 100 + yy;
                if year > current_year {
                    year -= 100;
                }
                if plus {
                    year -= 100;
                }
                format!("{year:04}{}", &digits[2..])
            }
            _ => return Err(IdentityNumberError::Format),
        };
        let d: Vec<u32> = full.chars().filter_map(|c| c.to_digit(10)).collect();
        let year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];
        let month = d[4] * 10 + d[5];
        let raw_day = d[6] * 10 + d[7];
        let day = if raw_day > 60 { raw_day - 60 } else { raw_day };
        // The birth date must exist (from 1800 on), as a calendar date.
        if crate::date::Date::new(year, month, day).is_none() {
            return Err(IdentityNumberError::Date);
        }
        if !luhn_ok(&d[2..12]) {
            return Err(IdentityNumberError::CheckDigit);
        }
        Ok(PersonalIdentityNumber(full))
    }

    pub fn kind(&self) -> IdentityKind {
        if self.0.as_bytes()[6] >= b'6' {
            IdentityKind::Samordningsnummer
        } else {
            IdentityKind::Personnummer
        }
    }

    /// The twelve digits. Use only to store the number or show it to its holder; never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Numbers from the Swedish Tax Agency's published test series style (fictional persons).
    const TOLVAN: &str = "19121212-1212";

    #[test]
    fn valid_numbers_parse_in_every_written_form_to_one_normal_form() {
        for form in [TOLVAN, "191212121212", "121212-1212", "1212121212"] {
            let pnr = PersonalIdentityNumber::parse(form, 1990).unwrap_or_else(|e| panic!("{form}: {e}"));
            assert_eq!(pnr.expose(), "191212121212");
            assert_eq!(pnr.kind(), IdentityKind::Personnummer);
        }
        assert_eq!(PersonalIdentityNumber::parse("121212+1212", 2026).unwrap().expose(), "191212121212");
        assert_eq!(PersonalIdentityNumber::parse("121212-1212", 2026).unwrap().expose(), "201212121212");
    }

    #[test]
    fn coordination_numbers_have_day_plus_sixty() {
        // 1912-12-12 as coordination day 72; check digit recomputed for the changed day.
        let pnr = PersonalIdentityNumber::parse("19121272-1219", 2026).unwrap();
        assert_eq!(pnr.kind(), IdentityKind::Samordningsnummer);
    }

    #[test]
    fn impossible_dates_wrong_check_digits_and_junk_are_refused() {
        assert_eq!(PersonalIdentityNumber::parse("19121212-1213", 2026), Err(IdentityNumberError::CheckDigit));
        assert_eq!(PersonalIdentityNumber::parse("19990230-1234", 2026), Err(IdentityNumberError::Date));
        assert_eq!(PersonalIdentityNumber::parse("19121312-1212", 2026), Err(IdentityNumberError::Date));
        for junk in ["", "abc", "1912121-21212", "19121212--1212", "1912121212121", "19121212+1212"] {
            assert_eq!(PersonalIdentityNumber::parse(junk, 2026), Err(IdentityNumberError::Format), "{junk:?}");
        }
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert_ne!(PersonalIdentityNumber::parse("20000229-0000", 2026), Err(IdentityNumberError::Date));
        assert_eq!(PersonalIdentityNumber::parse("19000229-0000", 2026), Err(IdentityNumberError::Date));
    }

    #[test]
    fn the_number_never_prints() {
        let pnr = PersonalIdentityNumber::parse(TOLVAN, 2026).unwrap();
        assert_eq!(format!("{pnr:?} {pnr}"), "PersonalIdentityNumber(<redacted>) <redacted>");
    }
}
