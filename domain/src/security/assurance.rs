//! The level of assurance of an e-ID sign-in (eIDAS: low, substantial, high), read from the ID
//! token's `acr` claim.
//!
//! Policy: the Swedish trust framework's URIs (`http://id.elegnamnden.se/loa/1.0/loa2` … `loa4`,
//! and their `…/nf-` and `-nf` variants for notified eIDs) and eIDAS' own
//! (`http://eidas.europa.eu/LoA/substantial`) are understood; anything else, and a token without
//! `acr`, is *unknown* and counts as low — a service that needs substantial then refuses, rather
//! than trusting what it cannot read.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Assurance {
    Low,
    Substantial,
    High,
}

/// The Swedish trust framework's URI for substantial (what BankID and Freja+ assert).
pub const LOA3: &str = "http://id.elegnamnden.se/loa/1.0/loa3";
pub const LOA2: &str = "http://id.elegnamnden.se/loa/1.0/loa2";
pub const LOA4: &str = "http://id.elegnamnden.se/loa/1.0/loa4";

impl Assurance {
    pub fn slug(self) -> &'static str {
        match self {
            Assurance::Low => "low",
            Assurance::Substantial => "substantial",
            Assurance::High => "high",
        }
    }

    pub fn parse(s: &str) -> Option<Assurance> {
        [Assurance::Low, Assurance::Substantial, Assurance::High].into_iter().find(|a| a.slug() == s)
    }

    /// The level an `acr` claim asserts; `None` (unknown) for anything not understood.
    pub fn from_acr(acr: &str) -> Option<Assurance> {
        let acr = acr.trim();
        if let Some(rest) = acr.strip_prefix("http://id.elegnamnden.se/loa/1.0/") {
            let rest = rest.trim_start_matches("nf-").trim_end_matches("-nf");
            return match rest {
                "loa1" | "loa2" | "uncertified-loa2" => Some(Assurance::Low),
                "loa3" | "uncertified-loa3" | "eidas-sub" => Some(Assurance::Substantial),
                "loa4" | "eidas-high" => Some(Assurance::High),
                _ => None,
            };
        }
        match acr {
            "http://eidas.europa.eu/LoA/low" => Some(Assurance::Low),
            "http://eidas.europa.eu/LoA/substantial" => Some(Assurance::Substantial),
            "http://eidas.europa.eu/LoA/high" => Some(Assurance::High),
            _ => None,
        }
    }

    /// The URI to ask the provider for (`acr_values`).
    pub fn acr_value(self) -> &'static str {
        match self {
            Assurance::Low => LOA2,
            Assurance::Substantial => LOA3,
            Assurance::High => LOA4,
        }
    }

    /// Whether a sign-in at `had` (unknown counts as low) meets this requirement.
    pub fn met_by(self, had: Option<Assurance>) -> bool {
        had.unwrap_or(Assurance::Low) >= self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_swedish_and_eidas_uris_are_understood() {
        assert_eq!(Assurance::from_acr(LOA3), Some(Assurance::Substantial));
        assert_eq!(Assurance::from_acr("http://id.elegnamnden.se/loa/1.0/nf-loa3"), Some(Assurance::Substantial));
        assert_eq!(Assurance::from_acr("http://id.elegnamnden.se/loa/1.0/loa4"), Some(Assurance::High));
        assert_eq!(Assurance::from_acr("http://id.elegnamnden.se/loa/1.0/loa2"), Some(Assurance::Low));
        assert_eq!(Assurance::from_acr("http://eidas.europa.eu/LoA/substantial"), Some(Assurance::Substantial));
        assert_eq!(Assurance::from_acr("urn:something:else"), None);
        assert_eq!(Assurance::from_acr(""), None);
    }

    #[test]
    fn unknown_counts_as_low() {
        assert!(Assurance::Low.met_by(None));
        assert!(!Assurance::Substantial.met_by(None));
        assert!(!Assurance::Substantial.met_by(Some(Assurance::Low)));
        assert!(Assurance::Substantial.met_by(Some(Assurance::High)));
        for a in [Assurance::Low, Assurance::Substantial, Assurance::High] {
            assert_eq!(Assurance::from_acr(a.acr_value()), Some(a));
            assert_eq!(Assurance::parse(a.slug()), Some(a));
        }
    }
}
