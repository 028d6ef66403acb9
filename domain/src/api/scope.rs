//! Scopes: what a machine client may do, as OAuth 2.0 scope tokens.

use crate::organisation::UnitCode;
use std::collections::BTreeSet;
use std::fmt;

/// One permission of a machine client.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// The service catalogue, e-service definitions and operating messages (public data).
    CatalogueRead,
    /// Providers, their units and indicators (public data).
    ProvidersRead,
    /// A unit's cases: list, changes, read (personal data).
    CasesRead(UnitCode),
    /// A unit's cases: status updates, decisions and messages; includes reading them.
    CasesWrite(UnitCode),
}

/// A scope token that is not one of ours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeError(pub String);

impl fmt::Display for ScopeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown scope {:?}", self.0)
    }
}

impl Scope {
    pub fn parse(raw: &str) -> Result<Scope, ScopeError> {
        let unit = |code: &str| UnitCode::parse(code).filter(|u| u.as_str() == code);
        match raw {
            "catalogue:read" => Ok(Scope::CatalogueRead),
            "providers:read" => Ok(Scope::ProvidersRead),
            _ => {
                if let Some(u) = raw.strip_prefix("cases:read:").and_then(unit) {
                    Ok(Scope::CasesRead(u))
                } else if let Some(u) = raw.strip_prefix("cases:write:").and_then(unit) {
                    Ok(Scope::CasesWrite(u))
                } else {
                    Err(ScopeError(raw.chars().take(80).collect()))
                }
            }
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::CatalogueRead => f.write_str("catalogue:read"),
            Scope::ProvidersRead => f.write_str("providers:read"),
            Scope::CasesRead(u) => write!(f, "cases:read:{u}"),
            Scope::CasesWrite(u) => write!(f, "cases:write:{u}"),
        }
    }
}

/// A set of scopes, written space-separated (RFC 6749 section 3.3).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scopes(BTreeSet<Scope>);

impl Scopes {
    /// Parses a space-separated list; any unknown token refuses the whole list.
    pub fn parse(raw: &str) -> Result<Scopes, ScopeError> {
        raw.split_ascii_whitespace().map(Scope::parse).collect::<Result<BTreeSet<_>, _>>().map(Scopes)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Scope> {
        self.0.iter()
    }

    /// Whether these scopes allow what `need` names (writing a unit's cases allows reading them).
    pub fn allows(&self, need: &Scope) -> bool {
        self.0.contains(need) || matches!(need, Scope::CasesRead(u) if self.0.contains(&Scope::CasesWrite(u.clone())))
    }

    /// The scopes a token gets when a client with these scopes asks for `asked` (`None`: all of
    /// them). Asking for one it does not have refuses the request (`invalid_scope`), naming it.
    pub fn grant(&self, asked: Option<&Scopes>) -> Result<Scopes, ScopeError> {
        match asked {
            None => Ok(self.clone()),
            Some(asked) => match asked.0.iter().find(|s| !self.allows(s)) {
                Some(missing) => Err(ScopeError(missing.to_string())),
                None => Ok(asked.clone()),
            },
        }
    }

    /// The units whose cases these scopes may read.
    pub fn readable_units(&self) -> Vec<UnitCode> {
        let mut units: Vec<UnitCode> = self
            .0
            .iter()
            .filter_map(|s| match s {
                Scope::CasesRead(u) | Scope::CasesWrite(u) => Some(u.clone()),
                _ => None,
            })
            .collect();
        units.dedup();
        units
    }
}

impl fmt::Display for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for s in &self.0 {
            if !first {
                f.write_str(" ")?;
            }
            first = false;
            write!(f, "{s}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(code: &str) -> UnitCode {
        UnitCode::parse(code).unwrap()
    }

    #[test]
    fn scopes_read_and_print_as_written() {
        let raw = "catalogue:read providers:read cases:read:SBK cases:write:MF";
        let scopes = Scopes::parse(raw).unwrap();
        assert_eq!(scopes.to_string(), raw);
        assert_eq!(Scopes::parse("  catalogue:read\tcatalogue:read ").unwrap().to_string(), "catalogue:read");
        assert!(Scopes::parse("").unwrap().is_empty());
    }

    #[test]
    fn an_unknown_scope_refuses_the_whole_list_and_is_named() {
        for bad in
            ["cases:read", "cases:read:sbk", "cases:read: SBK", "cases:delete:SBK", "admin", "cases:read:SBK9X12YZ"]
        {
            let err = Scopes::parse(&format!("catalogue:read {bad}")).unwrap_err();
            assert!(!err.0.is_empty(), "{bad}");
        }
        assert_eq!(Scopes::parse("catalogue:read admin").unwrap_err().0, "admin");
    }

    #[test]
    fn writing_a_units_cases_allows_reading_them_and_nothing_of_another_unit() {
        let s = Scopes::parse("cases:write:SBK").unwrap();
        assert!(s.allows(&Scope::CasesRead(unit("SBK"))));
        assert!(s.allows(&Scope::CasesWrite(unit("SBK"))));
        assert!(!s.allows(&Scope::CasesRead(unit("MF"))));
        assert!(!s.allows(&Scope::CatalogueRead));
        let r = Scopes::parse("cases:read:SBK").unwrap();
        assert!(!r.allows(&Scope::CasesWrite(unit("SBK"))), "reading never allows writing");
        assert_eq!(s.readable_units(), vec![unit("SBK")]);
    }

    #[test]
    fn a_token_gets_what_was_asked_within_the_clients_scopes() {
        let client = Scopes::parse("catalogue:read cases:write:SBK").unwrap();
        assert_eq!(client.grant(None).unwrap(), client);
        let asked = Scopes::parse("cases:read:SBK").unwrap();
        assert_eq!(client.grant(Some(&asked)).unwrap().to_string(), "cases:read:SBK");
        let too_much = Scopes::parse("cases:read:MF catalogue:read").unwrap();
        assert_eq!(client.grant(Some(&too_much)).unwrap_err().0, "cases:read:MF");
    }
}
