//! Contact details a person types: e-mail addresses and phone numbers.
//!
//! Policy: plausibility only. The e-mail confirmation link and the SMS itself prove the rest, so
//! these checks refuse typing mistakes, not unusual but real addresses.

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it, no spaces,
/// at most 254 characters.
pub fn valid_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else { return false };
    s.len() <= 254
        && !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"'))
}

/// A plausible phone number: digits with spaces, hyphens or brackets, an optional leading `+`,
/// 7 to 15 digits (E.164's maximum).
pub fn valid_phone(s: &str) -> bool {
    let s = s.trim();
    let body = s.strip_prefix('+').unwrap_or(s);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits) && body.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plausible_addresses_only() {
        for ok in ["anna@example.se", "a.b+c@sub.example.se"] {
            assert!(valid_email(ok), "{ok}");
        }
        for bad in
            ["", "anna", "anna@", "@example.se", "anna@example", "a b@example.se", "a@b@c.se", "a@.se", "<a@b.se>"]
        {
            assert!(!valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn plausible_phone_numbers_only() {
        for ok in ["08-508 00 508", "+46 70 123 45 67", "0701234567", "(08) 123 456"] {
            assert!(valid_phone(ok), "{ok}");
        }
        for bad in ["", "123", "070-123 45 67 x", "++46701234567", "0701234567890123", "phone"] {
            assert!(!valid_phone(bad), "{bad}");
        }
    }
}
