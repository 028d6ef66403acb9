//! A service definition: one e-service's form as data — steps, fields, rules, conditions, texts
//! per language, the receiving unit, the promised handling time and the decision templates.
//!
//! Policy:
//! - Definitions are TOML written by service owners and uploaded under `/admin/services`. They are
//!   validated whole when loaded ([`ServiceDefinition::from_toml`]); a definition with any error is
//!   never stored, so the form runner only ever meets valid ones and a resident never sees a
//!   definition error.
//! - Every problem is reported at once, each with the path to the offending part and a fluent id,
//!   so an administrator can fix a file in one round.
//! - Conditions may only look back: a step's or field's `visible_if` names a field on an *earlier*
//!   step. The server then knows what to show when it renders a step, with or without JavaScript,
//!   and branching never depends on answers not yet given.

use crate::calendar::DayKind;
use crate::lang::Lang;
use crate::organisation::UnitCode;
use crate::ServiceSlug;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A text in several languages, keyed by language code (`sv`, `en`, `fi`, `ar`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Texts(pub BTreeMap<String, String>);

impl Texts {
    /// The text in `lang`, else Swedish (the content fallback), else any.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get("sv"))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether the text exists in `lang` itself (not through the fallback).
    pub fn has(&self, lang: Lang) -> bool {
        self.0.get(lang.code()).is_some_and(|t| !t.trim().is_empty())
    }
}

/// The kinds of field a form may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    Text,
    LongText,
    Number,
    Date,
    Email,
    Phone,
    Personnummer,
    Organisationsnummer,
    Address,
    Select,
    Radio,
    Checkboxes,
    File,
}

impl FieldKind {
    /// Kinds whose answer is one of the field's options.
    pub fn has_options(self) -> bool {
        matches!(self, FieldKind::Select | FieldKind::Radio | FieldKind::Checkboxes)
    }

    /// Kinds whose answer is free text with a length.
    pub fn has_length(self) -> bool {
        matches!(self, FieldKind::Text | FieldKind::LongText)
    }

    /// The default upper length of a free-text answer.
    pub fn default_max_length(self) -> u32 {
        match self {
            FieldKind::LongText => 4000,
            _ => 200,
        }
    }
}

/// File types an upload field may accept, recognised by content (see `attachment`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
}

impl FileKind {
    pub const ALL: [FileKind; 3] = [FileKind::Pdf, FileKind::Jpeg, FileKind::Png];

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }

    /// The file name extension for this kind, whatever the uploader called the file.
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpg",
            FileKind::Png => "png",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FileKind::Pdf => "PDF",
            FileKind::Jpeg => "JPEG",
            FileKind::Png => "PNG",
        }
    }

    pub fn parse_mime(mime: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.mime() == mime)
    }

    /// Recognises a file by its bytes ("magic bytes"), never by its name: `infer` tells what the
    /// file is among every kind it knows (so a file that is first something else, such as a tar
    /// archive with a PDF header, is refused), and it must be one of ours with that kind's whole
    /// signature at its very start. `infer` alone is laxer than the upload policy: it finds a PDF
    /// header anywhere in the first KiB (`<html>…%PDF-` would pass) and a PNG by four of its
    /// eight signature bytes. Needs the `sniff` feature (the server side only).
    #[cfg(feature = "sniff")]
    pub fn sniff(head: &[u8]) -> Option<FileKind> {
        let kind = match infer::get(head)?.mime_type() {
            "application/pdf" => FileKind::Pdf,
            "image/jpeg" => FileKind::Jpeg,
            "image/png" => FileKind::Png,
            _ => return None,
        };
        head.starts_with(kind.signature()).then_some(kind)
    }

    /// The bytes a file of this kind starts with.
    #[cfg(feature = "sniff")]
    fn signature(self) -> &'static [u8] {
        match self {
            FileKind::Pdf => b"%PDF-",
            FileKind::Jpeg => &[0xFF, 0xD8, 0xFF],
            FileKind::Png => &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A],
        }
    }
}

/// One choice of a select, radio or checkbox field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: Texts,
}

/// When a step or field is shown, judged on an earlier step's answer. Exactly one test is set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub field: String,
    /// The answer is this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
    /// The answer is any of these values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<String>,
    /// A checkbox answer includes this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includes: Option<String>,
    /// The field was answered (`true`) or left empty (`false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<bool>,
}

/// Where a select's options come from when they are data, not part of the definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionsSource {
    /// The units in the comparison of providers, all or of one kind.
    ProviderUnits(Option<crate::compare::UnitKind>),
}

impl OptionsSource {
    pub fn parse(raw: &str) -> Option<OptionsSource> {
        match raw.split_once(':') {
            None if raw == "provider-units" => Some(OptionsSource::ProviderUnits(None)),
            Some(("provider-units", kind)) => {
                crate::compare::UnitKind::parse(kind).map(|k| OptionsSource::ProviderUnits(Some(k)))
            }
            _ => None,
        }
    }
}

/// One field of a step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: FieldKind,
    pub label: Texts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Texts>,
    #[serde(default)]
    pub required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
    /// Text and long text: length in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// Number: bounds, and whether decimals are allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(default)]
    pub integer: bool,
    /// Date: the earliest and latest date, in days from the day the answer is given (0 = today,
    /// negative = in the past).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_before_days: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_after_days: Option<i64>,
    /// Select, radio, checkboxes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// A select whose options come from stored data when the definition is loaded instead of
    /// `options`: `provider-units` (every unit in the comparison) or `provider-units:<kind>`
    /// (e.g. `provider-units:preschool`). See [`OptionsSource`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_choices: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_choices: Option<u32>,
    /// The answer must differ from these fields' answers (e.g. second and third choice).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub different_from: Vec<String>,
    /// File: accepted types (default: all) and how many files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<FileKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_files: Option<u32>,
    /// In a bundle, asked once for every permit and filled in here (see [`SharedFact`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<SharedFact>,
    /// File: in a bundle, satisfied by the bundle's document of this key (a document type of the
    /// business guide's rules, e.g. `floor-plan`), uploaded once for every permit that needs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The field asks about someone other than the applicant (the other guardian's e-mail, a
    /// contact person's phone): the browser must not offer the applicant's own details.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub other_person: bool,
}

/// A fact a bundle of permit applications asks once and fills into every permit's field marked
/// with it (`shared = "premises-address"`): the entrepreneur never types it twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SharedFact {
    PremisesAddress,
    OpeningDate,
    OpeningHours,
    ContactPhone,
}

impl SharedFact {
    pub const ALL: [SharedFact; 4] =
        [SharedFact::PremisesAddress, SharedFact::OpeningDate, SharedFact::OpeningHours, SharedFact::ContactPhone];

    pub fn slug(self) -> &'static str {
        match self {
            SharedFact::PremisesAddress => "premises-address",
            SharedFact::OpeningDate => "opening-date",
            SharedFact::OpeningHours => "opening-hours",
            SharedFact::ContactPhone => "contact-phone",
        }
    }

    /// The kind of field that can hold it: one answer is copied into fields of the same kind, so
    /// it passes each permit's own validation the same way.
    pub fn field_kind(self) -> FieldKind {
        match self {
            SharedFact::PremisesAddress => FieldKind::Address,
            SharedFact::OpeningDate => FieldKind::Date,
            SharedFact::OpeningHours => FieldKind::Text,
            SharedFact::ContactPhone => FieldKind::Phone,
        }
    }
}

impl Field {
    /// In a bundle this field is filled in by the bundle (a shared fact or a bundle document).
    pub fn filled_by_bundle(&self) -> bool {
        self.shared.is_some() || self.document.is_some()
    }

    pub fn max_length(&self) -> u32 {
        self.max_length.unwrap_or_else(|| self.kind.default_max_length())
    }

    pub fn accepted(&self) -> Vec<FileKind> {
        if self.accept.is_empty() {
            FileKind::ALL.to_vec()
        } else {
            self.accept.clone()
        }
    }

    pub fn max_files(&self) -> u32 {
        self.max_files.unwrap_or(5)
    }

    pub fn option(&self, value: &str) -> Option<&Choice> {
        self.options.iter().find(|c| c.value == value)
    }
}

/// One page of the form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: Texts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Texts>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Condition>,
    pub fields: Vec<Field>,
}

/// Who files the application.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicant {
    /// A resident, for themselves or their child.
    #[default]
    Person,
    /// A business representative acting for an organisation (a mandate is required).
    Organisation,
}

/// The decision letter in the service's own wording: the opening per outcome (the officer's
/// motivation follows it) and the appeal instructions (överklagandehänvisning) every Swedish
/// decision must carry — or, where a decision cannot be appealed, a plain statement of that and
/// of what the resident can do instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct DecisionTemplates {
    pub approved: Texts,
    pub rejected: Texts,
    pub partly_approved: Texts,
    pub appeal: Texts,
    /// A decision that grants (wholly or partly) carries an offer the resident must answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<OfferTemplate>,
}

/// An offer a granting decision carries — a preschool or school place, a start date for home
/// care, an apartment in a nursing home — which the resident accepts or declines in Mina sidor
/// (or by phone, recorded by the city) before a reply-by date. A reminder goes out before it;
/// when it passes unanswered the offer lapses, with the outcome the definition states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct OfferTemplate {
    /// What is offered, as the officer fills it in ("Förskola och avdelning").
    pub what: Texts,
    /// Whether the offer has a start date the officer gives.
    #[serde(default)]
    pub start_date: bool,
    /// Days the resident has to answer, counted from the decision.
    pub reply_days: u32,
    /// Days before the reply-by date the reminder goes out.
    pub remind_days: u32,
    /// What happens when no answer comes in time (shown with the offer, and when it lapses).
    pub lapse: Texts,
}

/// The longest an offer may wait for its answer, in days.
pub const MAX_REPLY_DAYS: u32 = 60;

/// A whole e-service definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceDefinition {
    /// The catalogue service it belongs to.
    pub slug: String,
    pub version: u32,
    /// The unit that receives the cases (its code: `UTB`, `SOF`, …).
    pub unit: String,
    /// The promised handling time, in days of `handling_day_kind`.
    pub handling_days: u32,
    /// Whether the promise counts calendar days (the default) or Swedish working days.
    #[serde(default, skip_serializing_if = "DayKind::is_calendar")]
    pub handling_day_kind: DayKind,
    #[serde(default)]
    pub attachments_required: bool,
    /// The contact centre may submit it on a caller's behalf, with their consent, after reading
    /// back the answers (assisted digital). Without it, an agent may start a draft for the
    /// resident, who submits it in Mina sidor.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assisted_submission: bool,
    #[serde(default)]
    pub applicant: Applicant,
    /// A required select or radio field whose answer, a unit code, names the receiving unit
    /// instead of `unit` (feedback to the unit it concerns).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_by: Option<String>,
    /// A field whose options are the comparison's units (`options_from`): when answered, the case
    /// goes to whoever runs that unit — its district administration, or a private provider's
    /// inbox — instead of `unit` or `route_by` (feedback about a preschool goes to its operator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_by_provider: Option<String>,
    /// The languages every text is given in; Swedish and English at least.
    pub languages: Vec<String>,
    pub title: Texts,
    /// The start page: what the service is for and what you need before you begin.
    pub intro: Texts,
    /// What the declaration asks the applicant to confirm.
    pub declaration: Texts,
    /// The receipt: what happens next.
    pub next_steps: Texts,
    pub steps: Vec<Step>,
    pub decision: DecisionTemplates,
}

/// One problem in a definition: where it is, what is wrong (a fluent id) and the detail it names
/// (a field id, a language code…), which is an argument of the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefinitionError {
    pub path: String,
    pub code: String,
    pub detail: String,
}

impl DefinitionError {
    fn new(path: impl Into<String>, code: &str, detail: impl Into<String>) -> DefinitionError {
        DefinitionError { path: path.into(), code: code.to_owned(), detail: detail.into() }
    }
}

/// Step ids the form runner uses for its own pages.
pub const RESERVED_STEP_IDS: [&str; 5] = ["start", "check", "declaration", "submit", "receipt"];

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        && id.as_bytes()[0].is_ascii_lowercase()
}

impl ServiceDefinition {
    /// Parses and validates a definition file. A syntax or shape error (an unknown field type,
    /// a misspelt key) is reported with the parser's line and column.
    pub fn from_toml(source: &str) -> Result<ServiceDefinition, Vec<DefinitionError>> {
        let def: ServiceDefinition = toml::from_str(source)
            .map_err(|e| vec![DefinitionError::new("", "def-error-syntax", e.to_string().trim().to_owned())])?;
        let errors = def.problems();
        if errors.is_empty() {
            Ok(def)
        } else {
            Err(errors)
        }
    }

    /// The definition as TOML again (what is stored and shown).
    pub fn to_toml(&self) -> String {
        // Options loaded from data are not part of the definition: store only where they come from.
        let mut plain = self.clone();
        for field in plain.steps.iter_mut().flat_map(|s| s.fields.iter_mut()) {
            if field.options_from.is_some() {
                field.options.clear();
            }
        }
        toml::to_string(&plain).unwrap_or_default()
    }

    pub fn service_slug(&self) -> Option<ServiceSlug> {
        ServiceSlug::parse(&self.slug).ok()
    }

    pub fn unit_code(&self) -> Option<UnitCode> {
        UnitCode::parse(&self.unit)
    }

    /// The unit codes cases of this definition may go to.
    pub fn receiving_units(&self) -> Vec<String> {
        match self.route_by.as_deref().and_then(|r| self.field(r)) {
            Some((_, f)) => f.options.iter().map(|o| o.value.clone()).collect(),
            None => vec![self.unit.clone()],
        }
    }

    /// The unit that receives a case with these answers.
    pub fn receiving_unit(&self, answers: &super::Answers) -> String {
        match self.route_by.as_deref().and_then(|r| answers.get(r)) {
            Some(super::Answer::Text(code)) => code.clone(),
            _ => self.unit.clone(),
        }
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// A field and the index of its step.
    pub fn field(&self, id: &str) -> Option<(usize, &Field)> {
        self.steps.iter().enumerate().find_map(|(i, s)| s.fields.iter().find(|f| f.id == id).map(|f| (i, f)))
    }

    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.steps.iter().flat_map(|s| s.fields.iter())
    }

    /// The unit chosen in the `route_by_provider` field, if any.
    pub fn provider_unit<'a>(&self, answers: &'a super::Answers) -> Option<&'a str> {
        match self.route_by_provider.as_deref().and_then(|r| answers.get(r)) {
            Some(super::Answer::Text(id)) if !id.is_empty() => Some(id),
            _ => None,
        }
    }

    /// The first field whose options are data (the one "apply for a place here" pre-selects).
    pub fn preselect_field(&self) -> Option<&Field> {
        self.fields().find(|f| f.options_from.is_some())
    }

    /// Fills every data-sourced field's options with `choices(source)` (done when a definition
    /// is loaded from storage, so validation, forms and receipts see ordinary options).
    pub fn fill_options(&mut self, choices: &dyn Fn(OptionsSource) -> Vec<Choice>) {
        for step in &mut self.steps {
            for field in &mut step.fields {
                if let Some(source) = field.options_from.as_deref().and_then(OptionsSource::parse) {
                    field.options = choices(source);
                }
            }
        }
    }

    /// The permit's own part of a bundle: the same steps without the fields the bundle fills in
    /// (shared facts, bundle documents), and without the steps that leaves empty. A bundle's
    /// step pages and step validation use this; submission validates the whole definition.
    pub fn bundle_section(&self) -> ServiceDefinition {
        let mut own = self.clone();
        for step in &mut own.steps {
            step.fields.retain(|f| !f.filled_by_bundle());
        }
        own.steps.retain(|s| !s.fields.is_empty());
        own
    }

    pub fn has_file_fields(&self) -> bool {
        self.fields().any(|f| f.kind == FieldKind::File)
    }

    /// The declared languages that are shipped.
    pub fn langs(&self) -> Vec<Lang> {
        self.languages.iter().filter_map(|l| Lang::parse(l)).collect()
    }

    /// Every problem, in file order. Empty means valid.
    pub fn problems(&self) -> Vec<DefinitionError> {
        let mut out = Vec::new();
        let e = &mut out;
        if ServiceSlug::parse(&self.slug).is_err() {
            e.push(DefinitionError::new("slug", "def-error-slug", &self.slug));
        }
        if self.version == 0 {
            e.push(DefinitionError::new("version", "def-error-version", "0"));
        }
        if UnitCode::parse(&self.unit).is_none() {
            e.push(DefinitionError::new("unit", "def-error-unit", &self.unit));
        }
        if !(1..=730).contains(&self.handling_days) {
            e.push(DefinitionError::new("handling_days", "def-error-handling-days", self.handling_days.to_string()));
        }
        let mut langs = BTreeSet::new();
        for l in &self.languages {
            if Lang::parse(l).is_none() {
                e.push(DefinitionError::new("languages", "def-error-unknown-language", l));
            } else if !langs.insert(l.as_str()) {
                e.push(DefinitionError::new("languages", "def-error-duplicate", l));
            }
        }
        for required in ["sv", "en"] {
            if !langs.contains(required) {
                e.push(DefinitionError::new("languages", "def-error-language-required", required));
            }
        }
        let texts = |e: &mut Vec<DefinitionError>, path: &str, t: &Texts| {
            for l in &langs {
                if t.0.get(*l).is_none_or(|s| s.trim().is_empty()) {
                    e.push(DefinitionError::new(path, "def-error-missing-translation", *l));
                }
            }
            for l in t.0.keys() {
                if !langs.contains(l.as_str()) {
                    e.push(DefinitionError::new(path, "def-error-undeclared-language", l));
                }
            }
        };
        texts(e, "title", &self.title);
        texts(e, "intro", &self.intro);
        texts(e, "declaration", &self.declaration);
        texts(e, "next_steps", &self.next_steps);
        texts(e, "decision.approved", &self.decision.approved);
        texts(e, "decision.rejected", &self.decision.rejected);
        texts(e, "decision.partly-approved", &self.decision.partly_approved);
        texts(e, "decision.appeal", &self.decision.appeal);
        if let Some(offer) = &self.decision.offer {
            texts(e, "decision.offer.what", &offer.what);
            texts(e, "decision.offer.lapse", &offer.lapse);
            if !(1..=MAX_REPLY_DAYS).contains(&offer.reply_days) {
                e.push(DefinitionError::new(
                    "decision.offer.reply-days",
                    "def-error-reply-days",
                    offer.reply_days.to_string(),
                ));
            }
            if offer.remind_days >= offer.reply_days {
                e.push(DefinitionError::new(
                    "decision.offer.remind-days",
                    "def-error-remind-days",
                    offer.remind_days.to_string(),
                ));
            }
        }

        if self.steps.is_empty() {
            e.push(DefinitionError::new("steps", "def-error-no-steps", ""));
        }
        // Where each field is: (step index, field), for references.
        let mut seen_fields: HashMap<&str, (usize, &Field)> = HashMap::new();
        // A shared fact or a bundle document fills one field per permit, so at most one each.
        let mut seen_shared = BTreeSet::new();
        let mut seen_documents = BTreeSet::new();
        let all_fields: HashMap<&str, (usize, &Field)> = self
            .steps
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.fields.iter().map(move |f| (f.id.as_str(), (i, f))))
            .collect();
        let mut seen_steps = BTreeSet::new();
        for (si, step) in self.steps.iter().enumerate() {
            let sp = format!("steps[{}]", step.id);
            if !valid_id(&step.id) || RESERVED_STEP_IDS.contains(&step.id.as_str()) {
                e.push(DefinitionError::new(&sp, "def-error-id", &step.id));
            }
            if !seen_steps.insert(step.id.as_str()) {
                e.push(DefinitionError::new(&sp, "def-error-duplicate", &step.id));
            }
            texts(e, &format!("{sp}.title"), &step.title);
            if let Some(intro) = &step.intro {
                texts(e, &format!("{sp}.intro"), intro);
            }
            if let Some(c) = &step.visible_if {
                check_condition(e, &format!("{sp}.visible_if"), c, si, &all_fields);
            }
            if step.fields.is_empty() {
                e.push(DefinitionError::new(&sp, "def-error-no-fields", &step.id));
            }
            for field in &step.fields {
                let fp = format!("{sp}.fields[{}]", field.id);
                if !valid_id(&field.id) {
                    e.push(DefinitionError::new(&fp, "def-error-id", &field.id));
                }
                if seen_fields.contains_key(field.id.as_str()) {
                    e.push(DefinitionError::new(&fp, "def-error-duplicate", &field.id));
                }
                texts(e, &format!("{fp}.label"), &field.label);
                if let Some(help) = &field.help {
                    texts(e, &format!("{fp}.help"), help);
                }
                if let Some(c) = &field.visible_if {
                    check_condition(e, &format!("{fp}.visible_if"), c, si, &all_fields);
                }
                check_field_rules(e, &fp, field, &texts);
                if let Some(fact) = field.shared {
                    if !seen_shared.insert(fact) {
                        e.push(DefinitionError::new(&fp, "def-error-duplicate", fact.slug()));
                    }
                }
                if let Some(doc) = &field.document {
                    if !seen_documents.insert(doc.clone()) {
                        e.push(DefinitionError::new(&fp, "def-error-duplicate", doc));
                    }
                }
                for other in &field.different_from {
                    match seen_fields.get(other.as_str()) {
                        Some((_, o)) if o.kind == field.kind => {}
                        Some(_) => e.push(DefinitionError::new(&fp, "def-error-different-kind", other)),
                        None => e.push(DefinitionError::new(&fp, "def-error-unknown-field", other)),
                    }
                }
                seen_fields.entry(field.id.as_str()).or_insert((si, field));
            }
        }
        if let Some(route) = &self.route_by {
            match all_fields.get(route.as_str()) {
                Some((_, f))
                    if matches!(f.kind, FieldKind::Select | FieldKind::Radio)
                        && f.options_from.is_none()
                        && f.required
                        && f.visible_if.is_none()
                        && self
                            .steps
                            .iter()
                            .all(|s| s.visible_if.is_none() || !s.fields.iter().any(|x| x.id == *route)) =>
                {
                    for o in &f.options {
                        if UnitCode::parse(&o.value).is_none() {
                            e.push(DefinitionError::new("route_by", "def-error-unit", &o.value));
                        }
                    }
                }
                Some(_) => e.push(DefinitionError::new("route_by", "def-error-route-field", route)),
                None => e.push(DefinitionError::new("route_by", "def-error-unknown-field", route)),
            }
        }
        if let Some(route) = &self.route_by_provider {
            match all_fields.get(route.as_str()) {
                Some((_, f)) if f.options_from.as_deref().and_then(OptionsSource::parse).is_some() => {}
                Some(_) => e.push(DefinitionError::new("route_by_provider", "def-error-route-field", route)),
                None => e.push(DefinitionError::new("route_by_provider", "def-error-unknown-field", route)),
            }
        }
        if self.attachments_required && !self.fields().any(|f| f.kind == FieldKind::File && f.required) {
            e.push(DefinitionError::new("attachments_required", "def-error-attachments-required", ""));
        }
        out
    }
}

fn check_field_rules(
    e: &mut Vec<DefinitionError>,
    fp: &str,
    field: &Field,
    texts: &dyn Fn(&mut Vec<DefinitionError>, &str, &Texts),
) {
    let k = field.kind;
    let not_for = |e: &mut Vec<DefinitionError>, set: bool, rule: &str| {
        if set {
            e.push(DefinitionError::new(fp, "def-error-rule-not-for-kind", rule));
        }
    };
    not_for(e, !k.has_length() && (field.min_length.is_some() || field.max_length.is_some()), "min_length/max_length");
    not_for(
        e,
        k != FieldKind::Number && (field.min.is_some() || field.max.is_some() || field.integer),
        "min/max/integer",
    );
    not_for(
        e,
        k != FieldKind::Date && (field.not_before_days.is_some() || field.not_after_days.is_some()),
        "not_before_days/not_after_days",
    );
    not_for(e, !k.has_options() && !field.options.is_empty(), "options");
    if let Some(source) = &field.options_from {
        if OptionsSource::parse(source).is_none() {
            e.push(DefinitionError::new(fp, "def-error-options-from", source));
        }
        if k != FieldKind::Select || !field.options.is_empty() {
            e.push(DefinitionError::new(fp, "def-error-rule-not-for-kind", "options_from"));
        }
    }
    not_for(
        e,
        k != FieldKind::Checkboxes && (field.min_choices.is_some() || field.max_choices.is_some()),
        "min_choices/max_choices",
    );
    not_for(e, k != FieldKind::File && (!field.accept.is_empty() || field.max_files.is_some()), "accept/max_files");
    if let Some(fact) = field.shared {
        if k != fact.field_kind() {
            e.push(DefinitionError::new(fp, "def-error-shared-kind", fact.slug()));
        }
    }
    if let Some(doc) = &field.document {
        if !valid_id(doc) {
            e.push(DefinitionError::new(fp, "def-error-id", doc));
        }
        not_for(e, k != FieldKind::File, "document");
    }
    if let (Some(a), Some(b)) = (field.min_length, field.max_length) {
        if a > b {
            e.push(DefinitionError::new(fp, "def-error-bounds", "min_length > max_length"));
        }
    }
    if field.max_length.is_some_and(|m| m == 0 || m > 20_000) {
        e.push(DefinitionError::new(fp, "def-error-bounds", "max_length"));
    }
    if let (Some(a), Some(b)) = (field.min, field.max) {
        if a > b || !a.is_finite() || !b.is_finite() {
            e.push(DefinitionError::new(fp, "def-error-bounds", "min > max"));
        }
    }
    if let (Some(a), Some(b)) = (field.not_before_days, field.not_after_days) {
        if a > b {
            e.push(DefinitionError::new(fp, "def-error-bounds", "not_before_days > not_after_days"));
        }
    }
    if k.has_options() && field.options_from.is_none() {
        let least = if k == FieldKind::Radio { 2 } else { 1 };
        if field.options.len() < least {
            e.push(DefinitionError::new(fp, "def-error-options", least.to_string()));
        }
        let mut values = BTreeSet::new();
        for c in &field.options {
            if c.value.trim().is_empty() || c.value.len() > 80 {
                e.push(DefinitionError::new(fp, "def-error-option-value", &c.value));
            }
            if !values.insert(c.value.as_str()) {
                e.push(DefinitionError::new(fp, "def-error-duplicate", &c.value));
            }
            texts(e, &format!("{fp}.options[{}]", c.value), &c.label);
        }
    }
    let n = u32::try_from(field.options.len()).unwrap_or(u32::MAX);
    if k == FieldKind::Checkboxes
        && (field.min_choices.unwrap_or(0) > field.max_choices.unwrap_or(n)
            || field.max_choices.is_some_and(|m| m == 0 || m > n))
    {
        e.push(DefinitionError::new(fp, "def-error-bounds", "min_choices/max_choices"));
    }
    if field.max_files.is_some_and(|m| m == 0 || m > 20) {
        e.push(DefinitionError::new(fp, "def-error-bounds", "max_files"));
    }
}

fn check_condition(
    e: &mut Vec<DefinitionError>,
    path: &str,
    c: &Condition,
    step_index: usize,
    all: &HashMap<&str, (usize, &Field)>,
) {
    let tests = usize::from(c.equals.is_some())
        + usize::from(!c.one_of.is_empty())
        + usize::from(c.includes.is_some())
        + usize::from(c.answered.is_some());
    if tests != 1 {
        e.push(DefinitionError::new(path, "def-error-condition-tests", tests.to_string()));
    }
    let Some((si, field)) = all.get(c.field.as_str()) else {
        e.push(DefinitionError::new(path, "def-error-unknown-field", &c.field));
        return;
    };
    if *si >= step_index {
        e.push(DefinitionError::new(path, "def-error-condition-not-earlier", &c.field));
    }
    if c.includes.is_some() && field.kind != FieldKind::Checkboxes {
        e.push(DefinitionError::new(path, "def-error-includes-not-checkboxes", &c.field));
    }
    // Options loaded from data are not known when the definition is uploaded.
    if field.kind.has_options() && field.options_from.is_none() {
        for v in c.equals.iter().chain(&c.one_of).chain(&c.includes) {
            if field.option(v).is_none() {
                e.push(DefinitionError::new(path, "def-error-unknown-option", v));
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small valid definition the tests change one thing in.
    pub(crate) const SMALL: &str = r#"
slug = "ansok-om-forskoleplats"
version = 1
unit = "UTB"
handling_days = 30
languages = ["sv", "en"]
title = { sv = "Ansök", en = "Apply" }
intro = { sv = "Intro", en = "Intro" }
declaration = { sv = "Jag intygar", en = "I declare" }
next_steps = { sv = "Sedan", en = "Then" }
decision = { approved = { sv = "Bifall", en = "Approved" }, rejected = { sv = "Avslag", en = "Rejected" }, partly-approved = { sv = "Delvis", en = "Partly" }, appeal = { sv = "Överklaga inom tre veckor.", en = "Appeal within three weeks." } }

[[steps]]
id = "child"
title = { sv = "Barnet", en = "The child" }

[[steps.fields]]
id = "child_pnr"
type = "personnummer"
required = true
label = { sv = "Barnets personnummer", en = "The child's personal identity number" }

[[steps.fields]]
id = "needs"
type = "radio"
required = true
label = { sv = "Behov", en = "Needs" }
options = [
  { value = "yes", label = { sv = "Ja", en = "Yes" } },
  { value = "no", label = { sv = "Nej", en = "No" } },
]

[[steps]]
id = "details"
title = { sv = "Behov", en = "Needs" }
visible_if = { field = "needs", equals = "yes" }

[[steps.fields]]
id = "describe"
type = "long-text"
required = true
max_length = 500
label = { sv = "Beskriv", en = "Describe" }

[[steps]]
id = "when"
title = { sv = "När", en = "When" }

[[steps.fields]]
id = "start_date"
type = "date"
required = true
not_before_days = 0
not_after_days = 365
label = { sv = "Startdatum", en = "Start date" }

[[steps.fields]]
id = "choices"
type = "checkboxes"
max_choices = 2
label = { sv = "Val", en = "Choices" }
options = [
  { value = "a", label = { sv = "A", en = "A" } },
  { value = "b", label = { sv = "B", en = "B" } },
  { value = "c", label = { sv = "C", en = "C" } },
]

[[steps.fields]]
id = "certificate"
type = "file"
accept = ["pdf"]
max_files = 2
label = { sv = "Intyg", en = "Certificate" }
visible_if = { field = "needs", equals = "yes" }
"#;

    pub(crate) fn small() -> ServiceDefinition {
        ServiceDefinition::from_toml(SMALL).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn codes(source: &str) -> Vec<(String, String, String)> {
        match ServiceDefinition::from_toml(source) {
            Ok(_) => vec![],
            Err(es) => es.into_iter().map(|e| (e.path, e.code, e.detail)).collect(),
        }
    }

    #[test]
    fn a_valid_definition_loads_and_round_trips_through_toml() {
        let def = small();
        assert_eq!(def.steps.len(), 3);
        assert_eq!(def.field("describe").map(|(i, f)| (i, f.kind)), Some((1, FieldKind::LongText)));
        let again = ServiceDefinition::from_toml(&def.to_toml()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(again, def);
    }

    #[test]
    fn an_unknown_field_type_is_a_syntax_error_with_its_line() {
        let errs = codes(&SMALL.replace("type = \"long-text\"", "type = \"essay\""));
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].1, "def-error-syntax");
        assert!(errs[0].2.contains("essay") && errs[0].2.contains("line"), "{}", errs[0].2);
    }

    #[test]
    fn a_missing_translation_names_the_text_and_the_language() {
        let errs =
            codes(&SMALL.replace("label = { sv = \"Beskriv\", en = \"Describe\" }", "label = { sv = \"Beskriv\" }"));
        assert_eq!(
            errs,
            vec![("steps[details].fields[describe].label".into(), "def-error-missing-translation".into(), "en".into())]
        );
        // A declared third language must be complete everywhere.
        let errs = codes(&SMALL.replace("languages = [\"sv\", \"en\"]", "languages = [\"sv\", \"en\", \"fi\"]"));
        assert!(errs.len() > 10 && errs.iter().all(|e| e.1 == "def-error-missing-translation" && e.2 == "fi"));
    }

    #[test]
    fn broken_references_are_reported() {
        // A condition on a field that does not exist.
        let errs = codes(&SMALL.replace(
            "{ field = \"needs\", equals = \"yes\" }\n\n[[steps.fields]]\nid = \"describe\"",
            "{ field = \"nedds\", equals = \"yes\" }\n\n[[steps.fields]]\nid = \"describe\"",
        ));
        assert_eq!(errs, vec![("steps[details].visible_if".into(), "def-error-unknown-field".into(), "nedds".into())]);
        // A condition on an option the field does not have.
        let errs = codes(&SMALL.replace(
            "equals = \"yes\" }\n\n[[steps.fields]]\nid = \"describe\"",
            "equals = \"maybe\" }\n\n[[steps.fields]]\nid = \"describe\"",
        ));
        assert_eq!(errs, vec![("steps[details].visible_if".into(), "def-error-unknown-option".into(), "maybe".into())]);
        // A condition on the same step cannot be judged when the step is shown.
        let errs = codes(&SMALL.replace(
            "label = { sv = \"Beskriv\", en = \"Describe\" }",
            "label = { sv = \"Beskriv\", en = \"Describe\" }\nvisible_if = { field = \"describe\", answered = true }",
        ));
        assert!(errs.iter().any(|e| e.1 == "def-error-condition-not-earlier"), "{errs:?}");
    }

    #[test]
    fn options_from_data_are_filled_on_load_and_never_stored() {
        let field = "\n[[steps.fields]]\nid = \"preschool\"\ntype = \"select\"\nlabel = { sv = \"Förskola\", en = \"Preschool\" }\n";
        let with = |extra: &str| format!("{SMALL}{field}{extra}");
        let mut def = ServiceDefinition::from_toml(&with("options_from = \"provider-units:preschool\"\n")).unwrap();
        assert_eq!(def.preselect_field().map(|f| f.id.as_str()), Some("preschool"));
        def.fill_options(&|source| {
            assert_eq!(source, OptionsSource::ProviderUnits(Some(crate::compare::UnitKind::Preschool)));
            vec![Choice { value: "fs-a".into(), label: Texts([("sv".to_owned(), "A".to_owned())].into()) }]
        });
        assert!(def.field("preschool").unwrap().1.option("fs-a").is_some());
        // Stored again, only the source is kept, and it loads again.
        let again = ServiceDefinition::from_toml(&def.to_toml()).unwrap();
        assert!(again.field("preschool").unwrap().1.options.is_empty());
        assert!(codes(&with("options_from = \"schools\"\n")).iter().any(|(_, c, _)| c == "def-error-options-from"));
        let both = with(
            "options_from = \"provider-units\"\noptions = [{ value = \"x\", label = { sv = \"X\", en = \"X\" } }]\n",
        );
        assert!(codes(&both).iter().any(|(_, c, _)| c == "def-error-rule-not-for-kind"));
    }

    #[test]
    fn shared_facts_and_bundle_documents_fit_their_fields_once() {
        let address = "\n[[steps.fields]]\nid = \"premises\"\ntype = \"address\"\nlabel = { sv = \"Adress\", en = \"Address\" }\n";
        let file = "\n[[steps.fields]]\nid = \"plan\"\ntype = \"file\"\nlabel = { sv = \"Ritning\", en = \"Plan\" }\n";
        let ok = format!("{SMALL}{address}shared = \"premises-address\"\n{file}document = \"floor-plan\"\n");
        let def = ServiceDefinition::from_toml(&ok).unwrap();
        assert_eq!(def.field("premises").unwrap().1.shared, Some(SharedFact::PremisesAddress));
        assert_eq!(def.field("plan").unwrap().1.document.as_deref(), Some("floor-plan"));
        // Stored and loaded again, the marks stay.
        assert_eq!(ServiceDefinition::from_toml(&def.to_toml()).unwrap(), def);
        // The start date is a date field: it cannot hold the premises address.
        let wrong = SMALL.replace("not_before_days = 0", "not_before_days = 0\nshared = \"premises-address\"");
        assert!(codes(&wrong)
            .iter()
            .any(|(p, c, d)| p.ends_with("[start_date]") && c == "def-error-shared-kind" && d == "premises-address"));
        // A document on a field that is not a file, a malformed key, a fact twice, an unknown fact.
        let not_file = format!("{SMALL}{address}document = \"floor-plan\"\n");
        assert!(codes(&not_file).iter().any(|(_, c, d)| c == "def-error-rule-not-for-kind" && d == "document"));
        let bad_key = format!("{SMALL}{file}document = \"Floor plan\"\n");
        assert!(codes(&bad_key).iter().any(|(_, c, d)| c == "def-error-id" && d == "Floor plan"));
        let twice = format!("{ok}{}shared = \"premises-address\"\n", address.replace("premises", "premises2"));
        assert!(codes(&twice).iter().any(|(_, c, d)| c == "def-error-duplicate" && d == "premises-address"));
        let unknown = format!("{SMALL}{address}shared = \"shoe-size\"\n");
        assert!(codes(&unknown).iter().any(|(_, c, _)| c == "def-error-syntax"));
        assert!(SharedFact::ALL.iter().all(|f| serde_json::to_string(f).unwrap() == format!("\"{}\"", f.slug())));
    }

    #[test]
    fn rules_that_do_not_fit_the_kind_are_refused() {
        let errs = codes(&SMALL.replace("not_before_days = 0", "not_before_days = 0\nmax_choices = 2"));
        assert_eq!(
            errs,
            vec![(
                "steps[when].fields[start_date]".into(),
                "def-error-rule-not-for-kind".into(),
                "min_choices/max_choices".into()
            )]
        );
        let errs = codes(&SMALL.replace("max_choices = 2", "max_choices = 4"));
        assert_eq!(errs[0].1, "def-error-bounds");
        let errs = codes(&SMALL.replace("id = \"details\"", "id = \"check\""));
        assert!(errs.iter().any(|e| e.1 == "def-error-id" && e.2 == "check"));
        let errs = codes(&SMALL.replace("id = \"describe\"", "id = \"child_pnr\""));
        assert!(errs.iter().any(|e| e.1 == "def-error-duplicate" && e.2 == "child_pnr"));
    }

    #[test]
    fn required_attachments_need_a_required_file_field() {
        let errs = codes(&SMALL.replace("handling_days = 30", "handling_days = 30\nattachments_required = true"));
        assert_eq!(errs, vec![("attachments_required".into(), "def-error-attachments-required".into(), String::new())]);
    }

    #[test]
    fn files_are_recognised_by_content_not_name() {
        assert_eq!(FileKind::sniff(b"%PDF-1.7\n..."), Some(FileKind::Pdf));
        assert_eq!(FileKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(FileKind::Jpeg));
        assert_eq!(FileKind::sniff(b"\x89PNG\r\n\x1a\n...."), Some(FileKind::Png));
        assert_eq!(FileKind::sniff(b"MZ\x90\x00"), None);
        assert_eq!(FileKind::sniff(b"<html>%PDF-"), None);
    }

    #[test]
    fn only_a_whole_signature_at_the_start_passes() {
        // Where infer alone would say PDF or PNG, the upload policy still refuses.
        assert_eq!(FileKind::sniff(b"junk\n%PDF-1.7\n"), None, "a PDF header further in");
        assert_eq!(FileKind::sniff(b"%PDF1.7"), None, "no dash after %PDF");
        assert_eq!(FileKind::sniff(b"\x89PNG...."), None, "half a PNG signature");
        assert_eq!(FileKind::sniff(&[0xFF, 0xD8]), None, "two bytes of a JPEG");
        assert_eq!(FileKind::sniff(b""), None);
        // A file that infer knows as something else first (a tar archive) is not a PDF.
        let mut tar = b"%PDF-1.7\n".to_vec();
        tar.resize(257, b' ');
        tar.extend_from_slice(b"ustar\x0000");
        assert_eq!(FileKind::sniff(&tar), None);
        // Other kinds that infer knows are refused.
        for other in [&b"GIF89a"[..], b"PK\x03\x04", b"\x7fELF", b"RIFF\0\0\0\0WEBPVP8 "] {
            assert_eq!(FileKind::sniff(other), None, "{other:?}");
        }
        assert_eq!(FileKind::sniff(&[0xFF, 0xD8, 0xFF, 0xDB, 0, 0x43]), Some(FileKind::Jpeg));
    }
}
