//! The languages Stadsporten ships and how one is chosen for a request.
//!
//! Policy: an explicit choice (the `lang` cookie, set by plain links) wins, then the browser's
//! `Accept-Language`, then Swedish. Swedish is also the content fallback: service texts missing in
//! the chosen language are shown in Swedish with a visible note.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Swedish: the first language and the fallback.
    #[default]
    Sv,
    En,
    /// Finnish: Stockholm is in the Finnish administrative area.
    Fi,
    /// Arabic: rendered right to left.
    Ar,
}

/// Text direction of a language, as used in `<html dir>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

impl Lang {
    /// Every shipped language, Swedish first (the order of the language menu).
    pub const ALL: [Lang; 4] = [Lang::Sv, Lang::En, Lang::Fi, Lang::Ar];

    /// The BCP 47 code, as used in `<html lang>`, cookies and the database.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
            Lang::Fi => "fi",
            Lang::Ar => "ar",
        }
    }

    /// The language's own name for itself (language menus show names in their own language).
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Sv => "Svenska",
            Lang::En => "English",
            Lang::Fi => "Suomi",
            Lang::Ar => "العربية",
        }
    }

    pub fn direction(self) -> Direction {
        match self {
            Lang::Ar => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// Parses an exact code (`sv`, `en`, `fi`, `ar`); anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code.trim())
    }

    /// Picks the best shipped language from an `Accept-Language` header value, honouring q-values
    /// and matching on the primary subtag (`en-GB` → English). Malformed entries are skipped.
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut best: Option<(Lang, u16)> = None;
        for item in accept_language.split(',').take(32) {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map(|v| (v.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0) * 1000.0) as u16)
                .unwrap_or(1000);
            if q == 0 {
                continue;
            }
            if let Some(lang) = Lang::parse(&primary) {
                if best.is_none_or(|(_, bq)| q > bq) {
                    best = Some((lang, q));
                }
            }
        }
        best.map(|(l, _)| l)
    }

    /// The request's language: explicit cookie choice, then `Accept-Language`, then Swedish.
    pub fn choose(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
        cookie.and_then(Lang::parse).or_else(|| accept_language.and_then(Lang::negotiate)).unwrap_or_default()
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_choice_wins_over_the_browser() {
        assert_eq!(Lang::choose(Some("ar"), Some("en-GB,en;q=0.9")), Lang::Ar);
    }

    #[test]
    fn the_browser_language_is_used_when_nothing_was_chosen() {
        assert_eq!(Lang::choose(None, Some("de-DE,fi;q=0.8,en;q=0.5")), Lang::Fi);
        assert_eq!(Lang::choose(None, Some("en-GB")), Lang::En);
    }

    #[test]
    fn swedish_is_the_fallback_for_unknown_or_garbage_input() {
        assert_eq!(Lang::choose(Some("xx"), Some("de,;;;q=,zz")), Lang::Sv);
        assert_eq!(Lang::choose(None, None), Lang::Sv);
        assert_eq!(Lang::choose(None, Some("en;q=0")), Lang::Sv);
    }

    #[test]
    fn arabic_is_right_to_left_and_the_others_left_to_right() {
        assert_eq!(Lang::Ar.direction(), Direction::Rtl);
        assert_eq!(Lang::Fi.direction(), Direction::Ltr);
    }
}
