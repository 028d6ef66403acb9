//! The service catalogue's vocabulary: service slugs, life situations, audiences, channels, and the
//! catalogue query a visitor sends in a URL.
//!
//! Policy: a query string is untrusted input. It is parsed once into [`CatalogueQuery`]; anything
//! malformed or oversized is a [`QueryError`] (shown as a translated 400 page), never a server error.

use crate::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest search text we accept, in characters. Longer input is a 400, not a slow query.
pub const MAX_SEARCH_CHARS: usize = 200;
/// Highest page number we accept; the catalogue never has this many pages.
pub const MAX_PAGE: u32 = 1000;
/// Results per catalogue page.
pub const PAGE_SIZE: u32 = 10;

/// A service's URL name, e.g. `ansok-om-forskoleplats`: lowercase ASCII letters, digits and single
/// hyphens, 1 to 80 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ServiceSlug(String);

impl ServiceSlug {
    pub fn parse(raw: &str) -> Result<Self, QueryError> {
        let ok = !raw.is_empty()
            && raw.len() <= 80
            && raw.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && !raw.contains("--");
        if ok {
            Ok(ServiceSlug(raw.to_owned()))
        } else {
            Err(QueryError::InvalidSlug)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ServiceSlug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

slug_enum! {
    /// A life situation ("livssituation"): how residents and businesses look for services.
    LifeSituation {
        PreschoolAndSchool => "forskola-och-skola",
        HousingAndBuilding => "bygga-och-bo",
        Business => "starta-och-driva-foretag",
        CareAndSupport => "omsorg-och-stod",
        TrafficAndParking => "trafik-och-parkering",
        CultureAndLeisure => "kultur-och-fritid",
        EnvironmentAndWaste => "miljo-och-avfall",
        WorkAndFinances => "arbete-och-ekonomi",
        DemocracyAndInfluence => "demokrati-och-paverkan",
    }
}

slug_enum! {
    /// Who a service is for.
    Audience {
        Residents => "privatperson",
        Businesses => "foretag",
    }
}

slug_enum! {
    /// How a service can be used.
    Channel {
        Web => "webb",
        Phone => "telefon",
        Visit => "besok",
    }
}

/// A parsed catalogue query: `/services?q=…&situation=…&audience=…&page=…`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CatalogueQuery {
    /// Free text, trimmed; `None` when empty.
    pub q: Option<String>,
    pub situation: Option<LifeSituation>,
    pub audience: Option<Audience>,
    /// 1-based page number.
    pub page: u32,
}

/// Why a catalogue URL was refused. Each variant's [`QueryError::code`] is its fluent message id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum QueryError {
    #[error("search text is longer than {MAX_SEARCH_CHARS} characters")]
    SearchTooLong,
    #[error("unknown life situation")]
    UnknownSituation,
    #[error("unknown audience")]
    UnknownAudience,
    #[error("page is not a number between 1 and {MAX_PAGE}")]
    InvalidPage,
    #[error("malformed service name")]
    InvalidSlug,
    #[error("a parameter is repeated")]
    RepeatedParameter,
    #[error("the query string is not valid percent-encoded UTF-8")]
    MalformedQuery,
}

impl QueryError {
    /// Stable code, also the fluent message id of the explanation shown to the user.
    pub fn code(&self) -> &'static str {
        match self {
            QueryError::SearchTooLong => "error-search-too-long",
            QueryError::UnknownSituation => "error-unknown-situation",
            QueryError::UnknownAudience => "error-unknown-audience",
            QueryError::InvalidPage => "error-invalid-page",
            QueryError::InvalidSlug => "error-invalid-slug",
            QueryError::RepeatedParameter => "error-repeated-parameter",
            QueryError::MalformedQuery => "error-malformed-query",
        }
    }
}

impl CatalogueQuery {
    /// Parses decoded query pairs. Unknown parameters are ignored (links from elsewhere may carry
    /// tracking junk); known ones must be well-formed. Empty values mean "not given", because a
    /// GET form sends `situation=` for "all".
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, QueryError> {
        let mut query = CatalogueQuery { page: 1, ..Default::default() };
        let mut seen = [false; 4];
        for (key, value) in pairs {
            let slot = match key {
                "q" => 0,
                "situation" => 1,
                "audience" => 2,
                "page" => 3,
                _ => continue,
            };
            if std::mem::replace(&mut seen[slot], true) {
                return Err(QueryError::RepeatedParameter);
            }
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match slot {
                0 => {
                    if value.chars().count() > MAX_SEARCH_CHARS {
                        return Err(QueryError::SearchTooLong);
                    }
                    query.q = Some(value.to_owned());
                }
                1 => query.situation = Some(LifeSituation::parse(value).ok_or(QueryError::UnknownSituation)?),
                2 => query.audience = Some(Audience::parse(value).ok_or(QueryError::UnknownAudience)?),
                _ => {
                    query.page = value
                        .parse::<u32>()
                        .ok()
                        .filter(|p| (1..=MAX_PAGE).contains(p))
                        .ok_or(QueryError::InvalidPage)?;
                }
            }
        }
        Ok(query)
    }

    /// Parses a raw URL query string (`q=f%C3%B6rskola&page=2`, without `?`).
    pub fn from_query_string(raw: &str) -> Result<Self, QueryError> {
        let pairs = decode_query_string(raw)?;
        Self::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The query string for this query at another page (for pagination links), without `?`.
    pub fn to_query_string(&self, page: u32) -> String {
        let mut parts = Vec::new();
        if let Some(q) = &self.q {
            parts.push(format!("q={}", encode_component(q)));
        }
        if let Some(s) = self.situation {
            parts.push(format!("situation={}", s.slug()));
        }
        if let Some(a) = self.audience {
            parts.push(format!("audience={}", a.slug()));
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        parts.join("&")
    }
}

/// Longest raw query string accepted; longer ones are malformed (a 400), never processed.
pub const MAX_QUERY_STRING: usize = 2048;

/// Decodes an `application/x-www-form-urlencoded` query string into pairs (`+` is a space).
/// Invalid percent escapes or non-UTF-8 bytes are an error, not silently replaced.
pub fn decode_query_string(raw: &str) -> Result<Vec<(String, String)>, QueryError> {
    if raw.len() > MAX_QUERY_STRING {
        return Err(QueryError::MalformedQuery);
    }
    raw.split('&')
        .filter(|p| !p.is_empty())
        .take(64)
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode_component(k)?, decode_component(v)?))
        })
        .collect()
}

fn decode_component(s: &str) -> Result<String, QueryError> {
    // percent-encoding (like the URL standard and form_urlencoded) keeps a malformed escape such
    // as "%zz" or a "%" at the end as it stands, and form_urlencoded also replaces invalid UTF-8.
    // Here either means a broken or forged link, so it is refused (a 400): every `%` must begin
    // two hex digits, and the decoded bytes must be UTF-8.
    let bytes = s.as_bytes();
    let escapes_ok = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'%')
        .all(|(i, _)| bytes.get(i + 1..i + 3).is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)));
    if !escapes_ok {
        return Err(QueryError::MalformedQuery);
    }
    // `+` becomes a space before decoding, so an encoded plus (%2B) stays a plus.
    let spaced = s.replace('+', " ");
    let decoded =
        percent_encoding::percent_decode_str(&spaced).decode_utf8().map_err(|_| QueryError::MalformedQuery)?;
    Ok(decoded.into_owned())
}

/// What [`encode_component`] escapes: everything but RFC 3986's unreserved characters
/// (ASCII letters and digits, `-`, `_`, `.`, `~`). Bytes outside ASCII are always escaped.
const COMPONENT: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encodes a query component (RFC 3986 unreserved characters pass through).
pub fn encode_component(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, COMPONENT).to_string()
}

/// Who provides a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProviderKind {
    /// A unit of the City of Stockholm (an administration or a district administration).
    City,
    /// Another organisation: a contracted or private provider, or another authority.
    External,
}

impl ProviderKind {
    pub fn slug(self) -> &'static str {
        match self {
            ProviderKind::City => "city",
            ProviderKind::External => "external",
        }
    }

    pub fn parse(slug: &str) -> Option<Self> {
        match slug {
            "city" => Some(ProviderKind::City),
            "external" => Some(ProviderKind::External),
            _ => None,
        }
    }
}

/// A service as listed in search results and on the start page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceSummary {
    pub slug: ServiceSlug,
    pub title: String,
    pub summary: String,
    pub situation: LifeSituation,
    pub audiences: Vec<Audience>,
    pub provider_name: String,
    /// Promised handling time in days; `None` when the service is immediate (information, booking).
    pub handling_days: Option<u32>,
    /// The language the texts are in (Swedish when the requested one is missing).
    pub content_lang: Lang,
}

/// Everything the service page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceDetails {
    pub summary: ServiceSummary,
    pub body: String,
    pub who_may_use: String,
    pub cost: String,
    pub help: String,
    pub provider_kind: ProviderKind,
    pub channels: Vec<Channel>,
    pub has_e_service: bool,
    /// ISO date (YYYY-MM-DD) of the last content review.
    pub last_reviewed: String,
    pub phone: Option<String>,
    /// Another authority runs the service: the page links out here instead of starting one.
    pub external_url: Option<String>,
    pub contact_email: Option<String>,
}

/// How serious an operating message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Severity {
    /// Planned maintenance or a notice.
    Notice,
    /// A service is down or degraded now.
    Disruption,
}

impl Severity {
    pub fn slug(self) -> &'static str {
        match self {
            Severity::Notice => "notice",
            Severity::Disruption => "disruption",
        }
    }

    pub fn parse(slug: &str) -> Option<Self> {
        match slug {
            "notice" => Some(Severity::Notice),
            "disruption" => Some(Severity::Disruption),
            _ => None,
        }
    }
}

/// An operating message (driftmeddelande), shown while it is valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OperatingMessage {
    pub title: String,
    pub body: String,
    pub severity: Severity,
    /// Validity period as Unix seconds.
    pub valid_from: i64,
    pub valid_until: i64,
    /// The services it concerns; with no services and no districts, the whole site.
    pub services: Vec<ServiceSlug>,
    /// The districts it concerns (their administrations' unit codes).
    pub districts: Vec<String>,
    pub content_lang: Lang,
}

/// One page of catalogue results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchPage {
    pub hits: Vec<ServiceSummary>,
    pub total: u32,
    pub page: u32,
    pub pages: u32,
}

impl SearchPage {
    /// Cuts one page out of all matching services.
    pub fn paginate(all: Vec<ServiceSummary>, page: u32) -> SearchPage {
        let total = u32::try_from(all.len()).unwrap_or(u32::MAX);
        let pages = total.div_ceil(PAGE_SIZE).max(1);
        let start = ((page.max(1) - 1) * PAGE_SIZE) as usize;
        let hits = all.into_iter().skip(start).take(PAGE_SIZE as usize).collect();
        SearchPage { hits, total, page, pages }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_query_parses_into_its_parts() {
        let q = CatalogueQuery::parse([
            ("q", " förskola "),
            ("situation", "forskola-och-skola"),
            ("audience", "privatperson"),
            ("page", "2"),
            ("utm_source", "x"),
        ])
        .unwrap();
        assert_eq!(q.q.as_deref(), Some("förskola"));
        assert_eq!(q.situation, Some(LifeSituation::PreschoolAndSchool));
        assert_eq!(q.audience, Some(Audience::Residents));
        assert_eq!(q.page, 2);
    }

    #[test]
    fn empty_values_mean_not_given() {
        let q = CatalogueQuery::parse([("q", ""), ("situation", ""), ("page", "")]).unwrap();
        assert_eq!(q, CatalogueQuery { page: 1, ..Default::default() });
    }

    #[test]
    fn malformed_values_are_refused_with_a_specific_error() {
        assert_eq!(CatalogueQuery::parse([("page", "0")]), Err(QueryError::InvalidPage));
        assert_eq!(CatalogueQuery::parse([("page", "abc")]), Err(QueryError::InvalidPage));
        assert_eq!(CatalogueQuery::parse([("page", "99999999999")]), Err(QueryError::InvalidPage));
        assert_eq!(CatalogueQuery::parse([("situation", "mars")]), Err(QueryError::UnknownSituation));
        assert_eq!(CatalogueQuery::parse([("audience", "x")]), Err(QueryError::UnknownAudience));
        let long = "ö".repeat(MAX_SEARCH_CHARS + 1);
        assert_eq!(CatalogueQuery::parse([("q", long.as_str())]), Err(QueryError::SearchTooLong));
        assert_eq!(CatalogueQuery::parse([("q", "a"), ("q", "b")]), Err(QueryError::RepeatedParameter));
    }

    #[test]
    fn raw_query_strings_are_decoded_strictly() {
        let q = CatalogueQuery::from_query_string("q=f%C3%B6rskola+plats&page=2").unwrap();
        assert_eq!(q.q.as_deref(), Some("förskola plats"));
        assert_eq!(q.page, 2);
        assert_eq!(CatalogueQuery::from_query_string("q=%ZZ"), Err(QueryError::MalformedQuery));
        assert_eq!(CatalogueQuery::from_query_string("q=%FF"), Err(QueryError::MalformedQuery));
        assert_eq!(CatalogueQuery::from_query_string("q=%C3"), Err(QueryError::MalformedQuery));
        assert_eq!(CatalogueQuery::from_query_string("q=%e"), Err(QueryError::MalformedQuery));
        assert_eq!(CatalogueQuery::from_query_string("q=50%"), Err(QueryError::MalformedQuery));
        assert_eq!(CatalogueQuery::from_query_string("q=%%41"), Err(QueryError::MalformedQuery));
        assert_eq!(CatalogueQuery::from_query_string("q=%+1"), Err(QueryError::MalformedQuery));
        assert_eq!(CatalogueQuery::from_query_string(""), Ok(CatalogueQuery { page: 1, ..Default::default() }));
        let huge = format!("q={}", "a".repeat(MAX_QUERY_STRING));
        assert_eq!(CatalogueQuery::from_query_string(&huge), Err(QueryError::MalformedQuery));
    }

    #[test]
    fn slugs_are_lowercase_ascii_with_single_hyphens() {
        assert!(ServiceSlug::parse("ansok-om-forskoleplats").is_ok());
        for bad in ["", "Förskola", "a--b", "-a", "a-", "a/b", "a b", &"a".repeat(81)] {
            assert_eq!(ServiceSlug::parse(bad), Err(QueryError::InvalidSlug), "{bad:?}");
        }
    }

    #[test]
    fn the_query_string_round_trips_through_the_parser() {
        let q = CatalogueQuery {
            q: Some("bygglov & \"skylt\"".into()),
            situation: Some(LifeSituation::HousingAndBuilding),
            audience: None,
            page: 1,
        };
        let s = q.to_query_string(3);
        assert_eq!(s, "q=bygglov%20%26%20%22skylt%22&situation=bygga-och-bo&page=3");
    }

    #[test]
    fn components_encode_all_but_unreserved_and_decode_back() {
        assert_eq!(encode_component("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(encode_component("/my?x=1&y=ö +"), "%2Fmy%3Fx%3D1%26y%3D%C3%B6%20%2B");
        for text in ["förskola & bygglov", "a+b=c", "/sign-in?to=%2Fmy", "ö€𝄞", ""] {
            let raw = format!("{}={}", encode_component(text), encode_component(text));
            assert_eq!(decode_query_string(&raw), Ok(vec![(text.to_owned(), text.to_owned())]), "{text}");
        }
        // `+` is a space, an escaped plus a plus; hex digits in either case; a pair without `=`.
        assert_eq!(
            decode_query_string("q=a+b%2Bc&x=%c3%b6%C3%B6&flag"),
            Ok(vec![("q".into(), "a b+c".into()), ("x".into(), "öö".into()), ("flag".into(), String::new())])
        );
    }
}
