//! A provider unit (a preschool, a school, an elderly-care home, a home-care provider) and the
//! facts that describe it.

use super::district::{District, GeoPoint};
use crate::contact::{valid_email, valid_phone};
use crate::organisation::OrganisationNumber;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

slug_enum! {
    /// What kind of unit it is.
    UnitKind {
        Preschool => "preschool",
        CompulsorySchool => "compulsory-school",
        UpperSecondary => "upper-secondary",
        ElderlyHome => "elderly-home",
        HomeCare => "home-care",
    }
}

impl UnitKind {
    /// The e-service that applies for a place at a unit of this kind ("apply for a place here"
    /// pre-selects the unit in its first field whose options are the comparison's units).
    /// Upper-secondary admission is regional and elderly-care homes are allocated after a needs
    /// assessment, so those have none.
    pub fn application(self) -> Option<&'static str> {
        match self {
            UnitKind::Preschool => Some("ansok-om-forskoleplats"),
            UnitKind::CompulsorySchool => Some("skolval"),
            UnitKind::HomeCare => Some("ansok-om-hemtjanst"),
            UnitKind::UpperSecondary | UnitKind::ElderlyHome => None,
        }
    }
}

slug_enum! {
    /// Who runs the unit.
    OperatorType {
        City => "city",
        Private => "private",
    }
}

slug_enum! {
    /// Languages spoken with children, pupils or care users besides Swedish.
    SpokenLanguage {
        Swedish => "sv",
        English => "en",
        Finnish => "fi",
        Arabic => "ar",
        Somali => "so",
        Persian => "fa",
        Tigrinya => "ti",
        Spanish => "es",
        Polish => "pl",
        Turkish => "tr",
        German => "de",
        French => "fr",
    }
}

slug_enum! {
    /// A pedagogical or care profile.
    Profile {
        Outdoor => "outdoor",
        Montessori => "montessori",
        ReggioEmilia => "reggio-emilia",
        Waldorf => "waldorf",
        Language => "language",
        Music => "music",
        Science => "science",
        Sports => "sports",
        FinnishLanguage => "finnish",
        Dementia => "dementia",
    }
}

/// The id of a provider unit in URLs, files and the database: 2–60 of `A–Z a–z 0–9 - _`.
/// Ids from other registers (Kolada's `V15E…`, the school register's unit codes) fit as they are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ProviderUnitId(String);

impl ProviderUnitId {
    pub fn parse(raw: &str) -> Option<ProviderUnitId> {
        let raw = raw.trim();
        let ok =
            (2..=60).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| ProviderUnitId(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProviderUnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Opening hours on weekdays, and whether the unit is also open at weekends. A care home or a
/// home-care provider around the clock is `00:00–24:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningHours {
    /// Minutes after midnight.
    pub opens: u16,
    /// Minutes after midnight; 1440 is midnight at the end of the day.
    pub closes: u16,
    pub weekends: bool,
}

impl OpeningHours {
    /// Parses `06:30-18:00` (also with an en dash, `.` or without leading zeros).
    pub fn parse(raw: &str, weekends: bool) -> Option<OpeningHours> {
        let raw = raw.trim().replace(['–', '—'], "-");
        let (a, b) = raw.split_once('-')?;
        let (opens, closes) = (parse_clock(a)?, parse_clock(b)?);
        (opens < closes).then_some(OpeningHours { opens, closes, weekends })
    }

    /// Whether the unit is open at this minute of a weekday.
    pub fn covers(self, minute: u16) -> bool {
        self.opens <= minute && minute < self.closes
    }

    pub fn around_the_clock(self) -> bool {
        self.opens == 0 && self.closes == 1440
    }

    /// `06:30–18:00`.
    pub fn range(self) -> String {
        format!("{}–{}", clock(self.opens), clock(self.closes))
    }

    /// `06:30-18:00`, the form files and forms use.
    pub fn to_plain(self) -> String {
        format!("{}-{}", clock(self.opens), clock(self.closes))
    }
}

/// `HH:MM` (or `H.MM`, `HH`) to minutes after midnight; `24:00` is allowed as an end.
pub fn parse_clock(raw: &str) -> Option<u16> {
    let raw = raw.trim();
    let (h, m) = match raw.split_once([':', '.']) {
        Some((h, m)) => (h, m),
        None => (raw, "0"),
    };
    if h.is_empty() || h.len() > 2 || m.len() > 2 || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

pub fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// What a provider maintains about its own unit (the provider portal edits exactly these).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitFacts {
    /// Short description per language code (`sv` required).
    pub description: BTreeMap<String, String>,
    pub hours: OpeningHours,
    pub languages: Vec<SpokenLanguage>,
    pub profiles: Vec<Profile>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub has_places: bool,
}

/// A problem with one field: the field's name and a fluent id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
}

impl FieldProblem {
    pub fn new(field: &str, code: &str) -> FieldProblem {
        FieldProblem { field: field.to_owned(), code: code.to_owned() }
    }
}

/// Longest description, in characters.
pub const MAX_DESCRIPTION: usize = 1000;

/// The raw facts as typed in a form or read from a file, before parsing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawFacts {
    pub description: BTreeMap<String, String>,
    pub hours: String,
    pub weekends: bool,
    pub languages: Vec<String>,
    pub profiles: Vec<String>,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub has_places: bool,
}

impl RawFacts {
    /// Parses every field, reporting all problems at once.
    pub fn parse(&self) -> Result<UnitFacts, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let mut description = BTreeMap::new();
        for (lang, text) in &self.description {
            let text = text.trim();
            if crate::Lang::parse(lang).is_none() {
                problems.push(FieldProblem::new(&format!("description_{lang}"), "compare-error-language"));
            } else if text.chars().count() > MAX_DESCRIPTION {
                problems.push(FieldProblem::new(&format!("description_{lang}"), "compare-error-too-long"));
            } else if !text.is_empty() {
                description.insert(lang.clone(), text.to_owned());
            }
        }
        if !description.contains_key("sv") {
            problems.push(FieldProblem::new("description_sv", "compare-error-description-required"));
        }
        let hours = OpeningHours::parse(&self.hours, self.weekends);
        if hours.is_none() {
            problems.push(FieldProblem::new("hours", "compare-error-hours"));
        }
        let mut languages = Vec::new();
        for l in self.languages.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
            match SpokenLanguage::parse(&l.to_lowercase()) {
                Some(l) if !languages.contains(&l) => languages.push(l),
                Some(_) => {}
                None => problems.push(FieldProblem::new("languages", "compare-error-spoken-language")),
            }
        }
        let mut profiles = Vec::new();
        for p in self.profiles.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
            match Profile::parse(&p.to_lowercase()) {
                Some(p) if !profiles.contains(&p) => profiles.push(p),
                Some(_) => {}
                None => problems.push(FieldProblem::new("profiles", "compare-error-profile")),
            }
        }
        let optional = |raw: &str| Some(raw.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
        let phone = optional(&self.phone);
        if phone.as_deref().is_some_and(|p| !valid_phone(p)) {
            problems.push(FieldProblem::new("phone", "compare-error-phone"));
        }
        let email = optional(&self.email);
        if email.as_deref().is_some_and(|e| !valid_email(e)) {
            problems.push(FieldProblem::new("email", "compare-error-email"));
        }
        let website = optional(&self.website);
        if website.as_deref().is_some_and(|w| !valid_website(w)) {
            problems.push(FieldProblem::new("website", "compare-error-website"));
        }
        match hours {
            Some(hours) if problems.is_empty() => Ok(UnitFacts {
                description,
                hours,
                languages,
                profiles,
                phone,
                email,
                website,
                has_places: self.has_places,
            }),
            _ => Err(problems),
        }
    }
}

impl UnitFacts {
    /// The facts as raw values again (to fill a form).
    pub fn to_raw(&self) -> RawFacts {
        RawFacts {
            description: self.description.clone(),
            hours: self.hours.to_plain(),
            weekends: self.hours.weekends,
            languages: self.languages.iter().map(|l| l.slug().to_owned()).collect(),
            profiles: self.profiles.iter().map(|p| p.slug().to_owned()).collect(),
            phone: self.phone.clone().unwrap_or_default(),
            email: self.email.clone().unwrap_or_default(),
            website: self.website.clone().unwrap_or_default(),
            has_places: self.has_places,
        }
    }

    /// The description in `lang`, else Swedish.
    pub fn description_in(&self, lang: crate::Lang) -> &str {
        self.description.get(lang.code()).or_else(|| self.description.get("sv")).map(String::as_str).unwrap_or("")
    }

    /// The names of the fields that differ from `other` (for the change history).
    pub fn changed_fields(&self, other: &UnitFacts) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.description != other.description {
            out.push("description");
        }
        if self.hours != other.hours {
            out.push("hours");
        }
        if self.languages != other.languages {
            out.push("languages");
        }
        if self.profiles != other.profiles {
            out.push("profiles");
        }
        if self.phone != other.phone || self.email != other.email || self.website != other.website {
            out.push("contact");
        }
        if self.has_places != other.has_places {
            out.push("places");
        }
        out
    }
}

/// An `https://` (or `http://`) address without spaces or markup.
pub fn valid_website(raw: &str) -> bool {
    let rest = raw.strip_prefix("https://").or_else(|| raw.strip_prefix("http://"));
    rest.is_some_and(|r| {
        r.len() >= 4
            && r.len() <= 200
            && r.contains('.')
            && !r.chars().any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
    })
}

/// Who runs a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Operator {
    pub kind: OperatorType,
    /// Required for private operators; the city's own units have none.
    pub organisation: Option<OrganisationNumber>,
    pub name: String,
}

/// Everything stored about a unit except its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitRecord {
    pub id: ProviderUnitId,
    pub kind: UnitKind,
    pub name: String,
    pub operator: Operator,
    pub district: District,
    pub street: String,
    pub postcode: String,
    pub point: GeoPoint,
    /// Children, pupils, places or care users.
    pub size: Option<u32>,
    pub facts: UnitFacts,
}

impl UnitRecord {
    /// Who answers feedback about this unit: the city unit (its district administration, which
    /// also keeps the case number series) and, when the unit is private, the provider whose inbox
    /// it goes to.
    pub fn feedback_route(&self) -> (&'static str, Option<&OrganisationNumber>) {
        let org = match self.operator.kind {
            OperatorType::Private => self.operator.organisation.as_ref(),
            OperatorType::City => None,
        };
        (self.district.unit_code(), org)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawFacts {
        RawFacts {
            description: [("sv".to_owned(), "En liten förskola.".to_owned())].into(),
            hours: "06:30-18:00".into(),
            weekends: false,
            languages: vec!["sv".into(), "AR".into(), "sv".into()],
            profiles: vec!["outdoor".into()],
            phone: "08-123 456 78".into(),
            email: "info@example.se".into(),
            website: "https://example.se".into(),
            has_places: true,
        }
    }

    #[test]
    fn opening_hours_parse_in_the_forms_people_write() {
        let h = OpeningHours::parse("6.30 – 18", false).unwrap();
        assert_eq!((h.opens, h.closes), (390, 1080));
        assert_eq!(h.range(), "06:30–18:00");
        assert!(h.covers(390) && h.covers(1079) && !h.covers(1080) && !h.covers(389));
        assert!(OpeningHours::parse("00:00-24:00", true).unwrap().around_the_clock());
        for bad in ["18:00-06:30", "25:00-26:00", "6:60-18", "", "06:30", "a-b", "06:30-06:30"] {
            assert_eq!(OpeningHours::parse(bad, false), None, "{bad}");
        }
    }

    #[test]
    fn facts_parse_normalise_and_round_trip() {
        let facts = raw().parse().unwrap();
        assert_eq!(facts.languages, vec![SpokenLanguage::Swedish, SpokenLanguage::Arabic]);
        assert_eq!(facts.to_raw().parse().unwrap(), facts);
        assert_eq!(facts.description_in(crate::Lang::Ar), "En liten förskola.");
    }

    #[test]
    fn every_bad_fact_is_reported_at_once_by_field() {
        let bad = RawFacts {
            description: [("sv".to_owned(), " ".to_owned()), ("xx".to_owned(), "t".to_owned())].into(),
            hours: "late".into(),
            languages: vec!["klingon".into()],
            profiles: vec!["vibes".into()],
            phone: "call me".into(),
            email: "nope".into(),
            website: "javascript:alert(1)".into(),
            ..raw()
        };
        let fields: Vec<String> = bad.parse().unwrap_err().into_iter().map(|p| p.field).collect();
        for f in ["description_xx", "description_sv", "hours", "languages", "profiles", "phone", "email", "website"] {
            assert!(fields.iter().any(|x| x == f), "{f} in {fields:?}");
        }
    }

    #[test]
    fn changed_fields_name_what_a_provider_changed() {
        let a = raw().parse().unwrap();
        let mut b = a.clone();
        b.hours = OpeningHours::parse("07:00-17:00", false).unwrap();
        b.email = None;
        assert_eq!(b.changed_fields(&a), vec!["hours", "contact"]);
    }

    #[test]
    fn unit_ids_accept_other_registers_ids() {
        assert!(ProviderUnitId::parse("V15E018001").is_some());
        assert!(ProviderUnitId::parse("forskolan-solrosen-vasastan").is_some());
        for bad in ["", "a", "a b", "å1", &"x".repeat(61), "../etc"] {
            assert!(ProviderUnitId::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn only_preschool_school_and_home_care_have_an_application() {
        assert_eq!(UnitKind::Preschool.application(), Some("ansok-om-forskoleplats"));
        assert!(UnitKind::ElderlyHome.application().is_none());
    }
}
