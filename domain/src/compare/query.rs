//! The comparison's URLs: `/compare?kind=preschool&district=bromma&…` and
//! `/compare/side-by-side?units=a,b,c`.
//!
//! Parsing is lenient on purpose: these URLs are shared, bookmarked and hand-edited, and a filter
//! that no longer exists must not cost the visitor the page. Anything unknown or malformed is left
//! out with a [`Notice`] naming it; what remains is applied.

use super::district::District;
use super::indicator::IndicatorKey;
use super::unit::{clock, parse_clock, OperatorType, Profile, ProviderUnitId, SpokenLanguage, UnitKind};
use crate::catalogue::{decode_query_string, encode_component};
use serde::{Deserialize, Serialize};

/// At most this many units side by side.
pub const MAX_SIDE_BY_SIDE: usize = 4;

/// Results per page.
pub const PAGE_SIZE: u32 = 20;

/// Something left out of a query, shown to the visitor: a fluent id and what it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub code: String,
    pub arg: String,
}

impl Notice {
    pub fn new(code: &str, arg: impl Into<String>) -> Notice {
        Notice { code: code.to_owned(), arg: arg.into() }
    }
}

/// How the list is ordered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    Name,
    /// Nearest first; needs a place (`from`).
    Distance,
    /// Best first by the indicator's latest value; units without a value last.
    Indicator(IndicatorKey),
}

impl SortKey {
    pub fn to_param(&self) -> String {
        match self {
            SortKey::Name => "name".into(),
            SortKey::Distance => "distance".into(),
            SortKey::Indicator(k) => k.as_str().to_owned(),
        }
    }
}

/// A parsed `/compare` query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareQuery {
    pub kind: Option<UnitKind>,
    /// Part of the unit's name.
    pub q: Option<String>,
    pub district: Option<District>,
    pub operator: Option<OperatorType>,
    /// Every one of these is spoken.
    pub languages: Vec<SpokenLanguage>,
    pub profile: Option<Profile>,
    /// Open at the latest from this minute (weekdays).
    pub open_from: Option<u16>,
    /// Open at least until this minute (weekdays).
    pub open_until: Option<u16>,
    pub has_places: bool,
    /// An address, street or district to measure distances from.
    pub from: Option<String>,
    pub sort: SortKey,
    pub page: u32,
    pub notices: Vec<Notice>,
}

impl Default for CompareQuery {
    fn default() -> Self {
        CompareQuery {
            kind: None,
            q: None,
            district: None,
            operator: None,
            languages: Vec::new(),
            profile: None,
            open_from: None,
            open_until: None,
            has_places: false,
            from: None,
            sort: SortKey::Name,
            page: 1,
            notices: Vec::new(),
        }
    }
}

fn text(v: &str, max: usize) -> Option<String> {
    let v = v.trim();
    (!v.is_empty() && v.chars().count() <= max && !v.chars().any(char::is_control)).then(|| v.to_owned())
}

impl CompareQuery {
    /// Parses a raw query string (without `?`).
    pub fn from_query_string(raw: &str) -> CompareQuery {
        let mut q = CompareQuery::default();
        let pairs = match decode_query_string(raw) {
            Ok(p) => p,
            Err(_) => {
                q.notices.push(Notice::new("compare-notice-malformed", ""));
                return q;
            }
        };
        let bad = |q: &mut CompareQuery, key: &str| q.notices.push(Notice::new("compare-notice-bad-value", key));
        for (key, value) in &pairs {
            let v = value.trim();
            if v.is_empty() {
                continue;
            }
            match key.as_str() {
                "kind" => match UnitKind::parse(v) {
                    Some(k) => q.kind = Some(k),
                    None => bad(&mut q, "kind"),
                },
                "q" => match text(v, 100) {
                    Some(t) => q.q = Some(t),
                    None => bad(&mut q, "q"),
                },
                "district" => match District::parse(v) {
                    Some(d) => q.district = Some(d),
                    None => bad(&mut q, "district"),
                },
                "operator" => match OperatorType::parse(v) {
                    Some(o) => q.operator = Some(o),
                    None => bad(&mut q, "operator"),
                },
                "language" => match SpokenLanguage::parse(v) {
                    Some(l) if !q.languages.contains(&l) => q.languages.push(l),
                    Some(_) => {}
                    None => bad(&mut q, "language"),
                },
                "profile" => match Profile::parse(v) {
                    Some(p) => q.profile = Some(p),
                    None => bad(&mut q, "profile"),
                },
                "open_from" => match parse_clock(v) {
                    Some(m) => q.open_from = Some(m),
                    None => bad(&mut q, "open_from"),
                },
                "open_until" => match parse_clock(v) {
                    Some(m) => q.open_until = Some(m),
                    None => bad(&mut q, "open_until"),
                },
                "places" => match v {
                    "1" | "on" | "true" | "yes" => q.has_places = true,
                    "0" | "off" | "false" | "no" => q.has_places = false,
                    _ => bad(&mut q, "places"),
                },
                "from" => match text(v, 200) {
                    Some(t) => q.from = Some(t),
                    None => bad(&mut q, "from"),
                },
                "sort" => match v {
                    "name" => q.sort = SortKey::Name,
                    "distance" => q.sort = SortKey::Distance,
                    other => match IndicatorKey::parse(other) {
                        Some(k) => q.sort = SortKey::Indicator(k),
                        None => bad(&mut q, "sort"),
                    },
                },
                "page" => match v.parse::<u32>() {
                    Ok(p) if (1..=10_000).contains(&p) => q.page = p,
                    _ => bad(&mut q, "page"),
                },
                other => q
                    .notices
                    .push(Notice::new("compare-notice-unknown-filter", other.chars().take(40).collect::<String>())),
            }
        }
        if let (Some(a), Some(b)) = (q.open_from, q.open_until) {
            if a >= b {
                q.notices.push(Notice::new("compare-notice-hours-order", ""));
                q.open_from = None;
                q.open_until = None;
            }
        }
        if q.sort == SortKey::Distance && q.from.is_none() {
            q.notices.push(Notice::new("compare-notice-distance-needs-place", ""));
            q.sort = SortKey::Name;
        }
        q
    }

    /// The query string for this query with another sort and page (for links), without `?`.
    pub fn to_query_string_with(&self, sort: &SortKey, page: u32) -> String {
        let mut parts = Vec::new();
        let mut push = |k: &str, v: &str| parts.push(format!("{k}={}", encode_component(v)));
        if let Some(k) = self.kind {
            push("kind", k.slug());
        }
        if let Some(t) = &self.q {
            push("q", t);
        }
        if let Some(d) = self.district {
            push("district", d.slug());
        }
        if let Some(o) = self.operator {
            push("operator", o.slug());
        }
        for l in &self.languages {
            push("language", l.slug());
        }
        if let Some(p) = self.profile {
            push("profile", p.slug());
        }
        if let Some(m) = self.open_from {
            push("open_from", &clock(m));
        }
        if let Some(m) = self.open_until {
            push("open_until", &clock(m));
        }
        if self.has_places {
            push("places", "1");
        }
        if let Some(f) = &self.from {
            push("from", f);
        }
        if *sort != SortKey::Name {
            push("sort", &sort.to_param());
        }
        if page > 1 {
            push("page", &page.to_string());
        }
        parts.join("&")
    }

    pub fn to_query_string(&self) -> String {
        self.to_query_string_with(&self.sort, self.page)
    }
}

/// A parsed `/compare/side-by-side` query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SideBySideQuery {
    /// At most [`MAX_SIDE_BY_SIDE`], in the order given, without repeats.
    pub units: Vec<ProviderUnitId>,
    pub from: Option<String>,
    pub notices: Vec<Notice>,
}

impl SideBySideQuery {
    /// Accepts `units=a,b` and `units=a&units=b` (what a form of checkboxes sends).
    pub fn from_query_string(raw: &str) -> SideBySideQuery {
        let mut q = SideBySideQuery::default();
        let Ok(pairs) = decode_query_string(raw) else {
            q.notices.push(Notice::new("compare-notice-malformed", ""));
            return q;
        };
        let mut too_many = false;
        for (key, value) in &pairs {
            match key.as_str() {
                "units" => {
                    for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        match ProviderUnitId::parse(id) {
                            Some(id) if q.units.contains(&id) => {}
                            Some(_) if q.units.len() == MAX_SIDE_BY_SIDE => too_many = true,
                            Some(id) => q.units.push(id),
                            None => q.notices.push(Notice::new(
                                "compare-notice-unknown-unit",
                                id.chars().take(60).collect::<String>(),
                            )),
                        }
                    }
                }
                "from" => q.from = text(value, 200),
                other => q
                    .notices
                    .push(Notice::new("compare-notice-unknown-filter", other.chars().take(40).collect::<String>())),
            }
        }
        if too_many {
            q.notices.push(Notice::new("compare-notice-too-many", MAX_SIDE_BY_SIDE.to_string()));
        }
        q
    }

    /// `units=a,b,c` (and `from`), without `?`.
    pub fn to_query_string(&self) -> String {
        let ids: Vec<&str> = self.units.iter().map(ProviderUnitId::as_str).collect();
        let mut s = format!("units={}", encode_component(&ids.join(",")));
        if let Some(f) = &self.from {
            s.push_str(&format!("&from={}", encode_component(f)));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_query_parses_and_round_trips() {
        let raw = "kind=preschool&district=bromma&operator=private&language=ar&language=fi&profile=outdoor\
                   &open_from=06:30&open_until=18:00&places=1&from=G%C3%B6tgatan%2014&sort=parent-satisfaction&page=2&q=sol";
        let q = CompareQuery::from_query_string(raw);
        assert!(q.notices.is_empty(), "{:?}", q.notices);
        assert_eq!(q.kind, Some(UnitKind::Preschool));
        assert_eq!(q.district, Some(District::Bromma));
        assert_eq!(q.languages, vec![SpokenLanguage::Arabic, SpokenLanguage::Finnish]);
        assert_eq!((q.open_from, q.open_until), (Some(390), Some(1080)));
        assert_eq!(q.from.as_deref(), Some("Götgatan 14"));
        assert_eq!(q.sort, SortKey::Indicator(IndicatorKey::parse("parent-satisfaction").unwrap()));
        assert_eq!(CompareQuery::from_query_string(&q.to_query_string()), q);
    }

    #[test]
    fn unknown_and_bad_filters_are_dropped_with_a_notice_and_the_rest_applies() {
        let q = CompareQuery::from_query_string("kind=preschool&district=atlantis&colour=blue&open_from=25:00&page=0");
        assert_eq!(q.kind, Some(UnitKind::Preschool));
        assert_eq!(q.district, None);
        let notices: Vec<(&str, &str)> = q.notices.iter().map(|n| (n.code.as_str(), n.arg.as_str())).collect();
        assert_eq!(
            notices,
            vec![
                ("compare-notice-bad-value", "district"),
                ("compare-notice-unknown-filter", "colour"),
                ("compare-notice-bad-value", "open_from"),
                ("compare-notice-bad-value", "page"),
            ]
        );
        let q = CompareQuery::from_query_string("q=%FF");
        assert_eq!(q.notices[0].code, "compare-notice-malformed");
        let q = CompareQuery::from_query_string("open_from=18:00&open_until=06:00&sort=distance");
        assert_eq!(q.open_from, None);
        assert_eq!(q.sort, SortKey::Name);
        assert_eq!(q.notices.len(), 2);
    }

    #[test]
    fn side_by_side_takes_at_most_four_units_in_either_form() {
        let q = SideBySideQuery::from_query_string("units=a1,b2&units=c3&units=a1&units=d4,e5,f6");
        let ids: Vec<&str> = q.units.iter().map(|u| u.as_str()).collect();
        assert_eq!(ids, vec!["a1", "b2", "c3", "d4"]);
        assert_eq!(q.notices, vec![Notice::new("compare-notice-too-many", "4")]);
        let q = SideBySideQuery::from_query_string("units=ok1,%3Cscript%3E&x=1");
        assert_eq!(q.units.len(), 1);
        assert_eq!(q.notices[0], Notice::new("compare-notice-unknown-unit", "<script>"));
        assert_eq!(q.notices[1], Notice::new("compare-notice-unknown-filter", "x"));
        assert_eq!(SideBySideQuery::from_query_string(&q.to_query_string()).units, q.units);
    }
}
