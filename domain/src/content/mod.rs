//! Content the city's web editors keep: service pages as versions, operating messages, and the
//! accessibility statement's known shortcomings. The rules of what may be saved and published.
//!
//! Policy:
//! - A service page is saved whole, as a [`ServiceContent`], in every language at once; a saved
//!   state is a version, and publishing copies a version to what residents see. Versions are
//!   never changed, so a diff and a revert are always exact.
//! - Swedish is the content's fallback language, so a Swedish title and summary are required;
//!   another language is optional but, once begun, needs its title. A page missing a language is
//!   published with a "not in your language" note where it is read and a warning for the editor.
//! - Editors' text is plain text with the small formatting of [`markup`]; it is never HTML.
//! - Form parsing is whole: every problem is reported at once, each with its field and a fluent
//!   id, and what was typed goes back to the form (nothing lost).

pub mod markup;

use crate::catalogue::{Audience, Channel, LifeSituation, ProviderKind, ServiceSlug, Severity};
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One language's texts of a service page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceTexts {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub who_may_use: String,
    pub cost: String,
    pub help: String,
    pub keywords: String,
}

impl ServiceTexts {
    /// The text fields by name, in form order (the names are the form's and the diff's).
    pub fn fields(&self) -> [(&'static str, &str); 7] {
        [
            ("title", &self.title),
            ("summary", &self.summary),
            ("body", &self.body),
            ("who_may_use", &self.who_may_use),
            ("cost", &self.cost),
            ("help", &self.help),
            ("keywords", &self.keywords),
        ]
    }

    fn is_empty(&self) -> bool {
        self.fields().iter().all(|(_, v)| v.trim().is_empty())
    }
}

/// The longest text of each field, in characters.
pub fn max_chars(field: &str) -> usize {
    match field {
        "title" | "provider_name" => 200,
        "summary" | "keywords" => 500,
        "body" => 20_000,
        "who_may_use" | "cost" | "help" => 2_000,
        "external_url" => 500,
        _ => 200,
    }
}

/// What starts from a service page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Start {
    /// Nothing: the page tells how to get the service (phone, visit).
    #[default]
    None,
    /// The e-service whose definition has the page's slug.
    EService,
    /// Another authority's service: a labelled link out ("you are leaving Stadsporten").
    External,
}

impl Start {
    pub const ALL: [Start; 3] = [Start::None, Start::EService, Start::External];

    pub fn slug(self) -> &'static str {
        match self {
            Start::None => "none",
            Start::EService => "eservice",
            Start::External => "external",
        }
    }

    pub fn parse(s: &str) -> Option<Start> {
        Start::ALL.into_iter().find(|x| x.slug() == s)
    }
}

/// A whole service page as an editor saves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceContent {
    pub slug: String,
    pub situation: String,
    pub audiences: Vec<String>,
    pub provider_kind: String,
    pub provider_name: String,
    pub channels: Vec<String>,
    pub handling_days: Option<u32>,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub contact_email: String,
    pub start: Start,
    #[serde(default)]
    pub external_url: String,
    /// Texts by language code; a language absent here is not given.
    pub texts: BTreeMap<String, ServiceTexts>,
}

/// One problem of a form: the field (the input's name) and a fluent id, with its argument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub field: String,
    pub code: String,
    pub detail: String,
}

impl Problem {
    pub fn new(field: impl Into<String>, code: &str, detail: impl Into<String>) -> Problem {
        Problem { field: field.into(), code: code.into(), detail: detail.into() }
    }
}

/// The form's input name of a text field in a language (`title_sv`).
pub fn text_input(field: &str, lang: Lang) -> String {
    format!("{field}_{}", lang.code())
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
}

fn all(pairs: &[(String, String)], key: &str) -> Vec<String> {
    pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.trim().to_owned()).filter(|v| !v.is_empty()).collect()
}

fn check_len(e: &mut Vec<Problem>, input: &str, field: &str, value: &str) {
    let max = max_chars(field);
    if value.chars().count() > max {
        e.push(Problem::new(input, "content-error-too-long", max.to_string()));
    }
}

fn phone_ok(p: &str) -> bool {
    let digits = p.chars().filter(char::is_ascii_digit).count();
    (5..=15).contains(&digits) && p.chars().all(|c| c.is_ascii_digit() || " -+()".contains(c))
}

fn email_ok(e: &str) -> bool {
    match e.split_once('@') {
        Some((user, host)) => {
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !e.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

impl ServiceContent {
    /// Parses the editor's form (its posted pairs). Every problem at once.
    pub fn from_form(pairs: &[(String, String)]) -> Result<ServiceContent, Vec<Problem>> {
        let mut e = Vec::new();
        let slug = get(pairs, "slug").trim().to_owned();
        if ServiceSlug::parse(&slug).is_err() {
            e.push(Problem::new("slug", "content-error-slug", &slug));
        }
        let situation = get(pairs, "situation").trim().to_owned();
        if LifeSituation::parse(&situation).is_none() {
            e.push(Problem::new("situation", "content-error-choose", ""));
        }
        let audiences = all(pairs, "audiences");
        if audiences.is_empty() || audiences.iter().any(|a| Audience::parse(a).is_none()) {
            e.push(Problem::new("audiences", "content-error-choose", ""));
        }
        let provider_kind = get(pairs, "provider_kind").trim().to_owned();
        if ProviderKind::parse(&provider_kind).is_none() {
            e.push(Problem::new("provider_kind", "content-error-choose", ""));
        }
        let provider_name = get(pairs, "provider_name").trim().to_owned();
        if provider_name.is_empty() {
            e.push(Problem::new("provider_name", "content-error-required", ""));
        }
        check_len(&mut e, "provider_name", "provider_name", &provider_name);
        let channels = all(pairs, "channels");
        if channels.is_empty() || channels.iter().any(|c| Channel::parse(c).is_none()) {
            e.push(Problem::new("channels", "content-error-choose", ""));
        }
        let raw_days = get(pairs, "handling_days").trim();
        let handling_days = if raw_days.is_empty() {
            None
        } else {
            match raw_days.parse::<u32>() {
                Ok(d) if (1..=730).contains(&d) => Some(d),
                _ => {
                    e.push(Problem::new("handling_days", "content-error-handling-days", raw_days));
                    None
                }
            }
        };
        let phone = get(pairs, "phone").trim().to_owned();
        if !phone.is_empty() && !phone_ok(&phone) {
            e.push(Problem::new("phone", "content-error-phone", ""));
        }
        let contact_email = get(pairs, "contact_email").trim().to_owned();
        if !contact_email.is_empty() && !email_ok(&contact_email) {
            e.push(Problem::new("contact_email", "content-error-email", ""));
        }
        let start = Start::parse(get(pairs, "start")).unwrap_or_else(|| {
            e.push(Problem::new("start", "content-error-choose", ""));
            Start::None
        });
        let external_url = get(pairs, "external_url").trim().to_owned();
        if start == Start::External
            && !(external_url.to_ascii_lowercase().starts_with("https://") && markup::safe_href(&external_url))
        {
            e.push(Problem::new("external_url", "content-error-external-url", ""));
        }
        check_len(&mut e, "external_url", "external_url", &external_url);
        let mut texts = BTreeMap::new();
        for lang in Lang::ALL {
            let t = ServiceTexts {
                title: get(pairs, &text_input("title", lang)).trim().to_owned(),
                summary: get(pairs, &text_input("summary", lang)).trim().to_owned(),
                body: get(pairs, &text_input("body", lang)).trim().replace("\r\n", "\n"),
                who_may_use: get(pairs, &text_input("who_may_use", lang)).trim().to_owned(),
                cost: get(pairs, &text_input("cost", lang)).trim().to_owned(),
                help: get(pairs, &text_input("help", lang)).trim().to_owned(),
                keywords: get(pairs, &text_input("keywords", lang)).trim().to_owned(),
            };
            if lang == Lang::Sv {
                if t.title.is_empty() {
                    e.push(Problem::new("title_sv", "content-error-title-sv", ""));
                }
                if t.summary.is_empty() {
                    e.push(Problem::new("summary_sv", "content-error-summary-sv", ""));
                }
            } else if !t.is_empty() && t.title.is_empty() {
                e.push(Problem::new(text_input("title", lang), "content-error-title-missing", lang.endonym()));
            }
            for (field, value) in t.fields() {
                check_len(&mut e, &text_input(field, lang), field, value);
            }
            for bad in markup::unsafe_links(&t.body) {
                e.push(Problem::new(text_input("body", lang), "content-error-link", bad));
            }
            if lang == Lang::Sv || !t.is_empty() {
                texts.insert(lang.code().to_owned(), t);
            }
        }
        if e.is_empty() {
            Ok(ServiceContent {
                slug,
                situation,
                audiences,
                provider_kind,
                provider_name,
                channels,
                handling_days,
                phone,
                contact_email,
                start,
                external_url: if start == Start::External { external_url } else { String::new() },
                texts,
            })
        } else {
            Err(e)
        }
    }

    /// The content as the form's pairs (to fill the edit form).
    pub fn to_form(&self) -> Vec<(String, String)> {
        let mut out = vec![
            ("slug".to_owned(), self.slug.clone()),
            ("situation".to_owned(), self.situation.clone()),
            ("provider_kind".to_owned(), self.provider_kind.clone()),
            ("provider_name".to_owned(), self.provider_name.clone()),
            ("handling_days".to_owned(), self.handling_days.map(|d| d.to_string()).unwrap_or_default()),
            ("phone".to_owned(), self.phone.clone()),
            ("contact_email".to_owned(), self.contact_email.clone()),
            ("start".to_owned(), self.start.slug().to_owned()),
            ("external_url".to_owned(), self.external_url.clone()),
        ];
        out.extend(self.audiences.iter().map(|a| ("audiences".to_owned(), a.clone())));
        out.extend(self.channels.iter().map(|c| ("channels".to_owned(), c.clone())));
        for lang in Lang::ALL {
            if let Some(t) = self.texts.get(lang.code()) {
                for (field, value) in t.fields() {
                    out.push((text_input(field, lang), value.to_owned()));
                }
            }
        }
        out
    }

    /// The languages the page is given in (a title at least).
    pub fn languages(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|l| self.texts.get(l.code()).is_some_and(|t| !t.title.is_empty())).collect()
    }

    /// The shipped languages the page lacks.
    pub fn missing_languages(&self) -> Vec<Lang> {
        let has = self.languages();
        Lang::ALL.into_iter().filter(|l| !has.contains(l)).collect()
    }

    /// The Swedish title (the editors' name for the page).
    pub fn title(&self) -> &str {
        self.texts.get("sv").map_or("", |t| t.title.as_str())
    }

    /// The page as residents would see it in `lang` (Swedish where the language is missing): what
    /// the preview shows, through the same view as the published page. `None` when the content
    /// does not parse (it always does once saved).
    pub fn details(&self, lang: Lang, last_reviewed: &str) -> Option<crate::catalogue::ServiceDetails> {
        use crate::catalogue::{ServiceDetails, ServiceSummary};
        let (content_lang, t) = match self.texts.get(lang.code()).filter(|t| !t.title.is_empty()) {
            Some(t) => (lang, t),
            None => (Lang::Sv, self.texts.get("sv")?),
        };
        Some(ServiceDetails {
            summary: ServiceSummary {
                slug: ServiceSlug::parse(&self.slug).ok()?,
                title: t.title.clone(),
                summary: t.summary.clone(),
                situation: LifeSituation::parse(&self.situation)?,
                audiences: self.audiences.iter().filter_map(|a| Audience::parse(a)).collect(),
                provider_name: self.provider_name.clone(),
                handling_days: self.handling_days,
                content_lang,
            },
            body: t.body.clone(),
            who_may_use: t.who_may_use.clone(),
            cost: t.cost.clone(),
            help: t.help.clone(),
            provider_kind: ProviderKind::parse(&self.provider_kind)?,
            channels: self.channels.iter().filter_map(|c| Channel::parse(c)).collect(),
            has_e_service: self.start == Start::EService,
            last_reviewed: last_reviewed.to_owned(),
            phone: (!self.phone.is_empty()).then(|| self.phone.clone()),
            external_url: (self.start == Start::External).then(|| self.external_url.clone()),
            contact_email: (!self.contact_email.is_empty()).then(|| self.contact_email.clone()),
        })
    }

    /// What changed from `before` to `self`, field by field (text fields per language).
    pub fn diff(&self, before: &ServiceContent) -> Vec<Change> {
        let mut out = Vec::new();
        let mut plain = |field: &str, b: String, a: String| {
            if b != a {
                out.push(Change { field: field.to_owned(), lang: None, before: b, after: a });
            }
        };
        plain("slug", before.slug.clone(), self.slug.clone());
        plain("situation", before.situation.clone(), self.situation.clone());
        plain("audiences", before.audiences.join(", "), self.audiences.join(", "));
        plain("provider_kind", before.provider_kind.clone(), self.provider_kind.clone());
        plain("provider_name", before.provider_name.clone(), self.provider_name.clone());
        plain("channels", before.channels.join(", "), self.channels.join(", "));
        let days = |d: Option<u32>| d.map(|d| d.to_string()).unwrap_or_default();
        plain("handling_days", days(before.handling_days), days(self.handling_days));
        plain("phone", before.phone.clone(), self.phone.clone());
        plain("contact_email", before.contact_email.clone(), self.contact_email.clone());
        plain("start", before.start.slug().to_owned(), self.start.slug().to_owned());
        plain("external_url", before.external_url.clone(), self.external_url.clone());
        let empty = ServiceTexts::default();
        for lang in Lang::ALL {
            let b = before.texts.get(lang.code()).unwrap_or(&empty);
            let a = self.texts.get(lang.code()).unwrap_or(&empty);
            for ((field, bv), (_, av)) in b.fields().into_iter().zip(a.fields()) {
                if bv != av {
                    out.push(Change { field: field.to_owned(), lang: Some(lang), before: bv.into(), after: av.into() });
                }
            }
        }
        out
    }
}

/// One changed field between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub lang: Option<Lang>,
    pub before: String,
    pub after: String,
}

/// What an editor's write says it did on the page it returns to (`?saved=…`; the message ids
/// are `content-saved-…`).
pub const SAVED_NOTICES: [&str; 13] = [
    "created",
    "draft",
    "published",
    "scheduled",
    "unpublished",
    "reviewed",
    "reverted",
    "cancelled",
    "ended",
    "message",
    "shortcoming",
    "conflict",
    "no-eservice",
];

/// How long a page may go without a review before it is overdue (twelve months).
pub const REVIEW_DAYS: i64 = 365;

/// Whether a page last reviewed on `reviewed` (ISO date) is overdue on day `today` (days since
/// 1970-01-01). An unreadable date is overdue.
pub fn review_overdue(reviewed: &str, today: i64) -> bool {
    crate::date::Date::parse(reviewed).is_none_or(|d| today - d.day_number() > REVIEW_DAYS)
}

/// An operating message as an editor saves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageContent {
    pub severity: Severity,
    pub valid_from: i64,
    pub valid_until: i64,
    /// Service slugs it concerns.
    pub services: Vec<String>,
    /// District unit codes it concerns.
    pub districts: Vec<String>,
    /// (title, body) by language code.
    pub texts: BTreeMap<String, (String, String)>,
}

impl MessageContent {
    /// Parses the message form. `known_services` and `known_districts` are what may be chosen.
    pub fn from_form(
        pairs: &[(String, String)],
        known_services: &[String],
        known_districts: &[String],
    ) -> Result<MessageContent, Vec<Problem>> {
        let mut e = Vec::new();
        let severity = Severity::parse(get(pairs, "severity")).unwrap_or_else(|| {
            e.push(Problem::new("severity", "content-error-choose", ""));
            Severity::Notice
        });
        let mut time = |field: &str| {
            let raw = get(pairs, field);
            let t = crate::date::parse_stockholm_local(raw);
            if t.is_none() {
                e.push(Problem::new(field, "content-error-datetime", raw.trim()));
            }
            t
        };
        let from = time("valid_from");
        let until = time("valid_until");
        if let (Some(f), Some(u)) = (from, until) {
            if u <= f {
                e.push(Problem::new("valid_until", "content-error-window", ""));
            }
        }
        let services = all(pairs, "services");
        if let Some(bad) = services.iter().find(|s| !known_services.contains(s)) {
            e.push(Problem::new("services", "content-error-unknown-choice", bad));
        }
        let districts = all(pairs, "districts");
        if let Some(bad) = districts.iter().find(|d| !known_districts.contains(d)) {
            e.push(Problem::new("districts", "content-error-unknown-choice", bad));
        }
        let mut texts = BTreeMap::new();
        for lang in Lang::ALL {
            let title = get(pairs, &text_input("title", lang)).trim().to_owned();
            let body = get(pairs, &text_input("body", lang)).trim().to_owned();
            if lang == Lang::Sv {
                if title.is_empty() {
                    e.push(Problem::new("title_sv", "content-error-title-sv", ""));
                }
                if body.is_empty() {
                    e.push(Problem::new("body_sv", "content-error-body-sv", ""));
                }
            } else if title.is_empty() != body.is_empty() {
                let missing = if title.is_empty() { "title" } else { "body" };
                e.push(Problem::new(text_input(missing, lang), "content-error-title-missing", lang.endonym()));
            }
            check_len(&mut e, &text_input("title", lang), "title", &title);
            if body.chars().count() > 2_000 {
                e.push(Problem::new(text_input("body", lang), "content-error-too-long", "2000"));
            }
            if !title.is_empty() || lang == Lang::Sv {
                texts.insert(lang.code().to_owned(), (title, body));
            }
        }
        match (from, until) {
            (Some(valid_from), Some(valid_until)) if e.is_empty() => {
                Ok(MessageContent { severity, valid_from, valid_until, services, districts, texts })
            }
            _ => Err(e),
        }
    }

    /// The message as the form's pairs.
    pub fn to_form(&self) -> Vec<(String, String)> {
        let mut out = vec![
            ("severity".to_owned(), self.severity.slug().to_owned()),
            ("valid_from".to_owned(), crate::date::stockholm_local(self.valid_from)),
            ("valid_until".to_owned(), crate::date::stockholm_local(self.valid_until)),
        ];
        out.extend(self.services.iter().map(|s| ("services".to_owned(), s.clone())));
        out.extend(self.districts.iter().map(|d| ("districts".to_owned(), d.clone())));
        for lang in Lang::ALL {
            if let Some((t, b)) = self.texts.get(lang.code()) {
                out.push((text_input("title", lang), t.clone()));
                out.push((text_input("body", lang), b.clone()));
            }
        }
        out
    }
}

/// A known shortcoming of the site's accessibility, as the statement lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShortcomingContent {
    /// When it will be fixed (ISO date), if known.
    pub fix_by: Option<String>,
    pub resolved: bool,
    /// (title, body) by language code.
    pub texts: BTreeMap<String, (String, String)>,
}

impl ShortcomingContent {
    pub fn from_form(pairs: &[(String, String)]) -> Result<ShortcomingContent, Vec<Problem>> {
        let mut e = Vec::new();
        let raw = get(pairs, "fix_by").trim();
        let fix_by = if raw.is_empty() {
            None
        } else if crate::date::Date::parse(raw).is_some() {
            Some(raw.to_owned())
        } else {
            e.push(Problem::new("fix_by", "content-error-date", raw));
            None
        };
        let mut texts = BTreeMap::new();
        for lang in Lang::ALL {
            let title = get(pairs, &text_input("title", lang)).trim().to_owned();
            let body = get(pairs, &text_input("body", lang)).trim().to_owned();
            if lang == Lang::Sv && title.is_empty() {
                e.push(Problem::new("title_sv", "content-error-title-sv", ""));
            } else if lang != Lang::Sv && title.is_empty() && !body.is_empty() {
                e.push(Problem::new(text_input("title", lang), "content-error-title-missing", lang.endonym()));
            }
            check_len(&mut e, &text_input("title", lang), "title", &title);
            if body.chars().count() > 2_000 {
                e.push(Problem::new(text_input("body", lang), "content-error-too-long", "2000"));
            }
            if !title.is_empty() {
                texts.insert(lang.code().to_owned(), (title, body));
            }
        }
        if e.is_empty() {
            Ok(ShortcomingContent { fix_by, resolved: !get(pairs, "resolved").is_empty(), texts })
        } else {
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    fn valid() -> Vec<(String, String)> {
        pairs(&[
            ("slug", "ny-tjanst"),
            ("situation", "bygga-och-bo"),
            ("audiences", "privatperson"),
            ("provider_kind", "city"),
            ("provider_name", "Stadsbyggnadskontoret"),
            ("channels", "webb"),
            ("channels", "telefon"),
            ("handling_days", "28"),
            ("start", "none"),
            ("title_sv", "Ny tjänst"),
            ("summary_sv", "Kort om tjänsten."),
            ("body_sv", "Första stycket.\n\n- ett\n- två"),
            ("title_en", "New service"),
            ("summary_en", "About it."),
        ])
    }

    #[test]
    fn a_complete_form_parses_and_round_trips() {
        let c = ServiceContent::from_form(&valid()).expect("valid");
        assert_eq!(c.handling_days, Some(28));
        assert_eq!(c.languages(), vec![Lang::Sv, Lang::En]);
        assert_eq!(c.missing_languages(), vec![Lang::Fi, Lang::Ar]);
        assert_eq!(ServiceContent::from_form(&c.to_form()), Ok(c));
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let mut p = valid();
        p.retain(|(k, _)| k != "title_sv" && k != "channels");
        p.iter_mut().for_each(|(k, v)| match k.as_str() {
            "slug" => *v = "Ny Tjänst".into(),
            "handling_days" => *v = "0".into(),
            "body_sv" => *v = "Se [här](javascript:alert(1))".into(),
            _ => {}
        });
        p.push(("summary_fi".into(), "Lyhyesti.".into()));
        p.push(("start".into(), "external".into()));
        let e = ServiceContent::from_form(&p).unwrap_err();
        let got: Vec<(&str, &str)> = e.iter().map(|p| (p.field.as_str(), p.code.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("slug", "content-error-slug"),
                ("channels", "content-error-choose"),
                ("handling_days", "content-error-handling-days"),
                ("title_sv", "content-error-title-sv"),
                ("body_sv", "content-error-link"),
                ("title_fi", "content-error-title-missing"),
            ]
        );
    }

    #[test]
    fn an_external_service_needs_a_secure_address() {
        let mut p = valid();
        p.iter_mut().for_each(|(k, v)| {
            if k == "start" {
                *v = "external".into();
            }
        });
        p.push(("external_url".into(), "http://www.transportstyrelsen.se".into()));
        let e = ServiceContent::from_form(&p).unwrap_err();
        assert_eq!(e[0].field, "external_url");
        p.iter_mut().for_each(|(k, v)| {
            if k == "external_url" {
                *v = "https://www.transportstyrelsen.se/trangselskatt".into();
            }
        });
        assert_eq!(ServiceContent::from_form(&p).map(|c| c.start), Ok(Start::External));
    }

    #[test]
    fn the_diff_names_fields_and_languages() {
        let a = ServiceContent::from_form(&valid()).unwrap();
        let mut b = a.clone();
        b.handling_days = Some(14);
        b.texts.get_mut("en").unwrap().title = "A new service".into();
        let d = b.diff(&a);
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].field.as_str(), d[0].lang), ("handling_days", None));
        assert_eq!((d[1].field.as_str(), d[1].lang, d[1].after.as_str()), ("title", Some(Lang::En), "A new service"));
    }

    #[test]
    fn a_message_window_must_end_after_it_starts() {
        let p = pairs(&[
            ("severity", "disruption"),
            ("valid_from", "2026-12-07T10:00"),
            ("valid_until", "2026-12-07T09:00"),
            ("services", "bygglov"),
            ("districts", "SDFA"),
            ("title_sv", "Störning"),
            ("body_sv", "Text."),
        ]);
        let known = ["bygglov".to_owned()];
        let e = MessageContent::from_form(&p, &known, &["SDFA".into()]).unwrap_err();
        assert_eq!((e[0].field.as_str(), e[0].code.as_str()), ("valid_until", "content-error-window"));
        let mut ok = p.clone();
        ok[2].1 = "2026-12-08T09:00".into();
        let m = MessageContent::from_form(&ok, &known, &["SDFA".into()]).unwrap();
        assert_eq!(m.valid_until - m.valid_from, 23 * 3600);
        assert_eq!(MessageContent::from_form(&m.to_form(), &known, &["SDFA".into()]), Ok(m));
        let e = MessageContent::from_form(&ok, &[], &["SDFA".into()]).unwrap_err();
        assert_eq!(e[0].code, "content-error-unknown-choice");
    }

    #[test]
    fn a_page_is_overdue_after_twelve_months() {
        let today = crate::date::Date::parse("2026-12-07").unwrap().day_number();
        assert!(!review_overdue("2026-01-01", today));
        assert!(review_overdue("2025-12-06", today));
        assert!(review_overdue("inte ett datum", today));
    }
}
