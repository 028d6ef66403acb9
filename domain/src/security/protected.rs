//! Protected personal data (skyddade personuppgifter): a person whose address the population
//! register keeps secret (sekretessmarkering) or who is registered elsewhere than they live
//! (skyddad folkbokföring).
//!
//! Policy: their address and contact details — the register's address, their own e-mail and
//! phone, and every answer of an address, e-mail or phone field — are never shown to officers or
//! agents without a *specific grant* (one staff member, one person, a reason, an expiry, given by
//! the security officer), never in exports, open data, e-mail bodies or another person's
//! register. Their cases are marked on every staff page. Every access to their details is audited
//! with the grant's reason.

use crate::eservice::FieldKind;
use serde::{Deserialize, Serialize};

slug_enum! {
    /// The population register's marking.
    Protection {
        /// No marking.
        None => "none",
        /// Sekretessmarkering: the address is secret.
        Confidential => "sekretessmarkering",
        /// Skyddad folkbokföring: registered at another place than the home.
        ProtectedRegistration => "skyddad-folkbokforing",
    }
}

impl Protection {
    pub fn is_protected(self) -> bool {
        self != Protection::None
    }
}

/// Answers of these kinds are contact details and are masked for a protected person.
pub fn is_contact_field(kind: FieldKind) -> bool {
    matches!(kind, FieldKind::Address | FieldKind::Email | FieldKind::Phone)
}

/// How long a grant may run at most (days).
pub const MAX_GRANT_DAYS: i64 = 30;

/// What a grant to see one protected person's details needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantForm {
    pub staff_id: i64,
    pub person_id: i64,
    pub reason: String,
    pub days: i64,
}

pub fn check_grant(get: impl Fn(&str) -> String) -> Result<GrantForm, Vec<crate::eservice::FieldError>> {
    let mut errors = Vec::new();
    let mut err = |input: &str, code: &str| {
        errors.push(crate::eservice::FieldError { input: input.into(), code: code.into(), args: vec![] })
    };
    let staff_id = get("staff").trim().parse::<i64>().ok();
    if staff_id.is_none() {
        err("staff", "protected-error-staff");
    }
    let person_id = get("person").trim().parse::<i64>().ok();
    if person_id.is_none() {
        err("person", "protected-error-person");
    }
    let reason = get("reason").trim().to_owned();
    if reason.chars().count() < 10 || reason.chars().count() > 2000 {
        err("reason", "protected-error-reason");
    }
    let days = get("days").trim().parse::<i64>().ok().filter(|d| (1..=MAX_GRANT_DAYS).contains(d));
    if days.is_none() {
        err("days", "protected-error-days");
    }
    match (staff_id, person_id, days) {
        (Some(staff_id), Some(person_id), Some(days)) if errors.is_empty() => {
            Ok(GrantForm { staff_id, person_id, reason, days })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_email_and_phone_answers_are_contact_details() {
        assert!(is_contact_field(FieldKind::Address));
        assert!(is_contact_field(FieldKind::Email));
        assert!(is_contact_field(FieldKind::Phone));
        assert!(!is_contact_field(FieldKind::Text));
        assert!(!is_contact_field(FieldKind::Personnummer));
        assert!(Protection::ProtectedRegistration.is_protected() && !Protection::None.is_protected());
    }

    #[test]
    fn a_grant_needs_a_reason_and_at_most_thirty_days() {
        let form = |days: &str, reason: &str| {
            let v =
                [("staff", "4"), ("person", "9"), ("days", days), ("reason", reason)].map(|(k, v)| (k, v.to_owned()));
            check_grant(move |k| v.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()).unwrap_or_default())
        };
        assert_eq!(form("7", "Utredning enligt SoL, beslut 2026-12").unwrap().days, 7);
        assert_eq!(form("31", "Utredning enligt SoL").unwrap_err()[0].input, "days");
        assert_eq!(form("7", "kort").unwrap_err()[0].input, "reason");
    }
}
