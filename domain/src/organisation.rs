//! Swedish organisation numbers (organisationsnummer) and the city's units.
//!
//! Policy: an organisation number is public information for legal persons, so unlike a
//! personnummer it may be shown and logged. It is parsed once into [`OrganisationNumber`] and kept
//! in the normal form `NNNNNN-NNNN`.

use crate::identity::luhn_ok;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Why an organisation number was refused; each code is a fluent id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum OrganisationNumberError {
    #[error("not ten digits with an optional - after the sixth")]
    Format,
    #[error("the third and fourth digits are below 20, so it is not a legal person's number")]
    NotLegalPerson,
    #[error("the check digit does not match")]
    CheckDigit,
}

impl OrganisationNumberError {
    pub fn code(self) -> &'static str {
        match self {
            OrganisationNumberError::Format => "error-orgnr-format",
            OrganisationNumberError::NotLegalPerson => "error-orgnr-not-legal-person",
            OrganisationNumberError::CheckDigit => "error-orgnr-check-digit",
        }
    }
}

/// A legal person's organisation number, e.g. `556677-8899`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OrganisationNumber(String);

impl OrganisationNumber {
    pub fn parse(raw: &str) -> Result<Self, OrganisationNumberError> {
        let raw = raw.trim();
        let compact: String = match raw.len() {
            10 => raw.to_owned(),
            11 if raw.as_bytes()[6] == b'-' => format!("{}{}", &raw[..6], &raw[7..]),
            // The 16 prefix some registers use for legal persons.
            12 if raw.starts_with("16") => raw[2..].to_owned(),
            13 if raw.starts_with("16") && raw.as_bytes()[8] == b'-' => format!("{}{}", &raw[2..8], &raw[9..]),
            _ => return Err(OrganisationNumberError::Format),
        };
        if !compact.bytes().all(|b| b.is_ascii_digit()) {
            return Err(OrganisationNumberError::Format);
        }
        let d: Vec<u32> = compact.bytes().map(|b| u32::from(b - b'0')).collect();
        if d[2] * 10 + d[3] < 20 {
            return Err(OrganisationNumberError::NotLegalPerson);
        }
        if !luhn_ok(&d) {
            return Err(OrganisationNumberError::CheckDigit);
        }
        Ok(OrganisationNumber(format!("{}-{}", &compact[..6], &compact[6..])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A unit of the city (a förvaltning or part of one) that owns services and handles cases, by its
/// short code, e.g. `UTB` (education), `MF` (environment and health).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UnitCode(String);

impl UnitCode {
    /// Two to eight capital ASCII letters or digits.
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        let ok = (2..=8).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        ok.then(|| UnitCode(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnitCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_numbers_parse_in_every_written_form_to_one_normal_form() {
        for raw in ["556677-8899", "5566778899", "165566778899", "16556677-8899", " 556677-8899 "] {
            assert_eq!(OrganisationNumber::parse(raw).map(|o| o.to_string()), Ok("556677-8899".into()), "{raw}");
        }
        // The City of Stockholm itself.
        assert!(OrganisationNumber::parse("212000-0142").is_ok());
    }

    #[test]
    fn wrong_check_digits_persons_and_junk_are_refused() {
        assert_eq!(OrganisationNumber::parse("556677-8898"), Err(OrganisationNumberError::CheckDigit));
        assert_eq!(OrganisationNumber::parse("850312-1234"), Err(OrganisationNumberError::NotLegalPerson));
        for junk in ["", "55667-78899", "556677_8899", "abcdefghij", "5566778899000"] {
            assert_eq!(OrganisationNumber::parse(junk), Err(OrganisationNumberError::Format), "{junk}");
        }
    }

    #[test]
    fn unit_codes_are_short_capitals() {
        assert!(UnitCode::parse("UTB").is_some());
        assert!(UnitCode::parse("MF").is_some());
        for bad in ["", "u", "utb", "TOOLONGCODE", "U B"] {
            assert!(UnitCode::parse(bad).is_none(), "{bad}");
        }
    }
}
