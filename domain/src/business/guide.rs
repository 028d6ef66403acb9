//! The business guide's rules as data: the questions asked about an activity, the permit and
//! notification types the city knows, and the rules that derive which of them an activity needs.
//!
//! Policy:
//! - A ruleset is a versioned TOML document (`db/seed/business/rules.toml`), validated whole when
//!   loaded ([`Ruleset::from_toml`]) with every problem named by path and fluent id, like e-service
//!   definitions. Changing what a restaurant needs is a new version of the data, never a code branch;
//!   a bundle records the version it was derived with.
//! - Questions are asked page by page: a page shows every unanswered question whose condition can
//!   already be judged, so the guide works as plain GET forms without JavaScript and each answer
//!   can depend on earlier ones.
//! - Contradictory answers are explained (which answers, and what to change), never guessed past;
//!   an activity the rules do not know goes to the business guide team ("företagslotsen") instead
//!   of a wrong checklist.
//! - Permits come out in dependency order (a serving licence after the food premises
//!   registration it needs); dependencies must be acyclic and are checked when loading.

use crate::eservice::definition::Texts;
use crate::lang::Lang;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// One of the listed options (radio buttons or a select).
    Choice,
    /// Yes or no (`yes` / `no`).
    YesNo,
    /// Free text, optional (an address); never used in conditions.
    Text,
}

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionOption {
    pub value: String,
    pub label: Texts,
}

/// When a question is asked or a rule applies: a test on one earlier answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub one_of: Vec<String>,
}

impl Condition {
    /// Whether the answers satisfy this test; an unanswered question satisfies nothing.
    pub fn holds(&self, answers: &GuideAnswers) -> bool {
        match answers.get(&self.question) {
            None => false,
            Some(v) => self.equals.as_deref().is_some_and(|e| e == v) || self.one_of.iter().any(|o| o == v),
        }
    }

    fn values(&self) -> impl Iterator<Item = &String> {
        self.equals.iter().chain(self.one_of.iter())
    }
}

/// A question of the guide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub label: Texts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Texts>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<QuestionOption>,
    /// Asked only when all of these hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
    /// Text questions may be left empty.
    #[serde(default)]
    pub optional: bool,
    /// The option that means "none of these": choosing it sends the entrepreneur to the business
    /// guide team instead of deriving permits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catch_all: Option<String>,
}

impl Question {
    /// The values a choice or yes/no question accepts.
    pub fn values(&self) -> Vec<&str> {
        match self.kind {
            QuestionKind::Choice => self.options.iter().map(|o| o.value.as_str()).collect(),
            QuestionKind::YesNo => vec!["yes", "no"],
            QuestionKind::Text => Vec::new(),
        }
    }

    /// The label of an answer (the option's label; yes/no come from the locale files).
    pub fn option_label(&self, value: &str, lang: Lang) -> Option<String> {
        self.options.iter().find(|o| o.value == value).map(|o| o.label.get(lang).to_owned())
    }
}

/// An authority outside the city that a permit is applied for with (the police, the fire and
/// rescue service): the city sends it a referral and tracks its answer in the bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub key: String,
    pub name: Texts,
}

/// Who handles a permit: one of the city's units (a case in its queue) or an outside authority
/// (a referral).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub enum Responsible {
    Unit(String),
    Authority(String),
}

/// A document an entrepreneur may be asked for (uploaded once, attached to every permit that
/// needs it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentType {
    pub key: String,
    pub name: Texts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Texts>,
}

/// A permit or notification the city knows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PermitType {
    pub key: String,
    pub name: Texts,
    /// What it allows and why it is needed, in a sentence.
    pub summary: Texts,
    pub responsible: Responsible,
    pub legal_basis: Texts,
    /// The handling time in calendar days from a complete application.
    pub handling_days: u32,
    /// Whether the handling time is set by law (else it is the city's promise).
    #[serde(default)]
    pub statutory: bool,
    /// The fee as shown ("12 000 kr", "no fee", "by area and season").
    pub fee: Texts,
    /// Keys of the documents it needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    /// Permits that must be granted first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
    /// The e-service whose definition holds this permit's own questions.
    pub eservice: String,
}

/// A rule: when all conditions hold, the permit is needed. Several rules may name one permit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub permit: String,
    pub when: Vec<Condition>,
}

/// Answers that cannot all be true, explained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contradiction {
    pub id: String,
    pub when: Vec<Condition>,
    pub explanation: Texts,
}

impl Contradiction {
    /// The questions whose answers clash (to offer changing them).
    pub fn questions(&self) -> Vec<&str> {
        self.when.iter().map(|c| c.question.as_str()).collect()
    }
}

/// Advice shown with the result when its conditions hold (late serving hours, say).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub when: Vec<Condition>,
    pub text: Texts,
}

/// The whole guide: questions, permit types, rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ruleset {
    pub version: u32,
    pub languages: Vec<String>,
    #[serde(rename = "question")]
    pub questions: Vec<Question>,
    #[serde(rename = "authority", default)]
    pub authorities: Vec<Authority>,
    #[serde(rename = "document", default)]
    pub documents: Vec<DocumentType>,
    #[serde(rename = "permit")]
    pub permits: Vec<PermitType>,
    #[serde(rename = "rule")]
    pub rules: Vec<Rule>,
    #[serde(rename = "contradiction", default)]
    pub contradictions: Vec<Contradiction>,
    #[serde(rename = "note", default)]
    pub notes: Vec<Note>,
}

/// One problem in a ruleset: where, what (a fluent id) and the detail it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesetError {
    pub path: String,
    pub code: String,
    pub detail: String,
}

impl RulesetError {
    fn new(path: impl Into<String>, code: &str, detail: impl Into<String>) -> RulesetError {
        RulesetError { path: path.into(), code: code.to_owned(), detail: detail.into() }
    }
}

/// The guide's answers so far, by question id. Parsed leniently from a query string: unknown
/// questions and values that are not options are dropped (and reported), so a hand-edited link
/// never breaks the guide.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideAnswers(pub BTreeMap<String, String>);

impl GuideAnswers {
    pub fn get(&self, question: &str) -> Option<&str> {
        self.0.get(question).map(String::as_str)
    }

    /// The answers as a query string, in question order (for links and hidden fields).
    pub fn to_pairs(&self, rules: &Ruleset) -> Vec<(String, String)> {
        rules.questions.iter().filter_map(|q| self.0.get(&q.id).map(|v| (q.id.clone(), v.clone()))).collect()
    }
}

/// A permit the activity needs, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedPermit<'a> {
    pub permit: &'a PermitType,
    /// The permits among those derived that it waits for.
    pub waits_for: Vec<&'a PermitType>,
}

/// What the guide says after the answers given so far.
#[derive(Debug, Clone, PartialEq)]
pub enum GuideOutcome<'a> {
    /// These questions are to be answered next (one page).
    Ask(Vec<&'a Question>),
    /// The activity is not one the rules know: the business guide team helps.
    CatchAll,
    /// Some answers cannot all be true.
    Contradictions(Vec<&'a Contradiction>),
    /// Everything the activity needs, in dependency order, and the advice that applies.
    Permits { permits: Vec<DerivedPermit<'a>>, notes: Vec<&'a Note> },
}

fn valid_key(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        && id.as_bytes()[0].is_ascii_lowercase()
}

/// Option values may also start with a digit (times such as `0100`).
fn valid_value(v: &str) -> bool {
    !v.is_empty() && v.len() <= 40 && v.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl Ruleset {
    /// Parses and validates a ruleset; every problem at once.
    pub fn from_toml(source: &str) -> Result<Ruleset, Vec<RulesetError>> {
        let rules: Ruleset = toml::from_str(source)
            .map_err(|e| vec![RulesetError::new("", "rules-error-syntax", e.to_string().trim().to_owned())])?;
        let problems = rules.problems();
        if problems.is_empty() {
            Ok(rules)
        } else {
            Err(problems)
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn permit(&self, key: &str) -> Option<&PermitType> {
        self.permits.iter().find(|p| p.key == key)
    }

    pub fn authority(&self, key: &str) -> Option<&Authority> {
        self.authorities.iter().find(|a| a.key == key)
    }

    pub fn document(&self, key: &str) -> Option<&DocumentType> {
        self.documents.iter().find(|d| d.key == key)
    }

    /// Reads answers from query pairs: known questions only, values that the question accepts
    /// (text trimmed and capped at 200 characters). Returns the answers and the names of the
    /// pairs that were dropped.
    pub fn parse_answers<'q>(
        &self,
        pairs: impl IntoIterator<Item = (&'q str, &'q str)>,
    ) -> (GuideAnswers, Vec<String>) {
        let mut answers = BTreeMap::new();
        let mut dropped = Vec::new();
        for (k, v) in pairs {
            let v = v.trim();
            match self.question(k) {
                None => dropped.push(k.to_owned()),
                // An optional text left empty is an answer ("no address yet"); anything else empty is not.
                Some(q) if v.is_empty() && !(q.kind == QuestionKind::Text && q.optional) => {}
                Some(q) if q.kind == QuestionKind::Text => {
                    answers.insert(k.to_owned(), v.chars().take(200).collect());
                }
                Some(q) if q.values().contains(&v) => {
                    answers.insert(k.to_owned(), v.to_owned());
                }
                Some(_) => dropped.push(k.to_owned()),
            }
        }
        (GuideAnswers(answers), dropped)
    }

    /// Whether a question is asked given the answers (all its conditions hold).
    pub fn asked(&self, q: &Question, answers: &GuideAnswers) -> bool {
        q.when.iter().all(|c| c.holds(answers))
    }

    /// The answers with those to questions no longer asked removed (an earlier answer changed).
    pub fn relevant(&self, answers: &GuideAnswers) -> GuideAnswers {
        let mut kept = GuideAnswers::default();
        for q in &self.questions {
            if let Some(v) = answers.get(&q.id) {
                if self.asked(q, &kept) {
                    kept.0.insert(q.id.clone(), v.to_owned());
                }
            }
        }
        kept
    }

    /// What comes next: questions still to answer, the catch-all, contradictions, or the permits.
    pub fn outcome(&self, answers: &GuideAnswers) -> GuideOutcome<'_> {
        let answers = self.relevant(answers);
        if self.questions.iter().any(|q| q.catch_all.as_deref().is_some_and(|c| answers.get(&q.id) == Some(c))) {
            return GuideOutcome::CatchAll;
        }
        // A question can be asked once every question its conditions look at is settled: answered,
        // or itself not asked. Questions are in order and only look back, so one pass suffices.
        let mut settled: BTreeSet<&str> = BTreeSet::new();
        let mut page = Vec::new();
        for q in &self.questions {
            let ready = q.when.iter().all(|c| settled.contains(c.question.as_str()));
            if !ready {
                continue;
            }
            if !self.asked(q, &answers) || answers.get(&q.id).is_some() {
                settled.insert(&q.id);
            } else {
                page.push(q);
            }
        }
        if !page.is_empty() {
            return GuideOutcome::Ask(page);
        }
        let clashes: Vec<&Contradiction> =
            self.contradictions.iter().filter(|c| c.when.iter().all(|w| w.holds(&answers))).collect();
        if !clashes.is_empty() {
            return GuideOutcome::Contradictions(clashes);
        }
        let needed: BTreeSet<&str> =
            self.rules.iter().filter(|r| r.when.iter().all(|c| c.holds(&answers))).map(|r| r.permit.as_str()).collect();
        let permits = self
            .in_dependency_order()
            .into_iter()
            .filter(|p| needed.contains(p.key.as_str()))
            .map(|p| DerivedPermit {
                permit: p,
                waits_for: p
                    .depends_on
                    .iter()
                    .filter(|d| needed.contains(d.as_str()))
                    .filter_map(|d| self.permit(d))
                    .collect(),
            })
            .collect();
        let notes = self.notes.iter().filter(|n| n.when.iter().all(|c| c.holds(&answers))).collect();
        GuideOutcome::Permits { permits, notes }
    }

    /// Permit types with each after those it depends on (stable: file order otherwise).
    pub fn in_dependency_order(&self) -> Vec<&PermitType> {
        let mut out: Vec<&PermitType> = Vec::new();
        let mut placed: BTreeSet<&str> = BTreeSet::new();
        while out.len() < self.permits.len() {
            let before = out.len();
            for p in &self.permits {
                if !placed.contains(p.key.as_str()) && p.depends_on.iter().all(|d| placed.contains(d.as_str())) {
                    placed.insert(&p.key);
                    out.push(p);
                }
            }
            if out.len() == before {
                break; // a cycle; `problems` reports it, so a loaded ruleset never has one
            }
        }
        out
    }

    /// Every problem in the ruleset.
    pub fn problems(&self) -> Vec<RulesetError> {
        let mut errors = Vec::new();
        let mut err = |path: String, code: &str, detail: &str| errors.push(RulesetError::new(path, code, detail));
        let langs: Vec<Lang> = self.languages.iter().filter_map(|l| Lang::parse(l)).collect();
        for required in ["sv", "en"] {
            if !self.languages.iter().any(|l| l == required) {
                err("languages".into(), "rules-error-language-required", required);
            }
        }
        for l in &self.languages {
            if Lang::parse(l).is_none() {
                err("languages".into(), "rules-error-language-unknown", l);
            }
        }
        let texts = |path: String, t: &Texts, errors: &mut Vec<RulesetError>| {
            for l in &langs {
                if !t.has(*l) {
                    errors.push(RulesetError::new(path.clone(), "rules-error-text-missing", l.code()));
                }
            }
        };
        let mut errors2 = Vec::new();
        // Questions: unique valid ids, options that fit the kind, conditions that look back.
        let mut seen: HashMap<&str, &Question> = HashMap::new();
        for (i, q) in self.questions.iter().enumerate() {
            let path = format!("question[{i}]");
            if !valid_key(&q.id) {
                err(path.clone(), "rules-error-id", &q.id);
            }
            if seen.contains_key(q.id.as_str()) {
                err(path.clone(), "rules-error-duplicate", &q.id);
            }
            texts(format!("{path}.label"), &q.label, &mut errors2);
            if let Some(h) = &q.hint {
                texts(format!("{path}.hint"), h, &mut errors2);
            }
            match q.kind {
                QuestionKind::Choice if q.options.len() < 2 => err(path.clone(), "rules-error-options", &q.id),
                QuestionKind::YesNo | QuestionKind::Text if !q.options.is_empty() => {
                    err(path.clone(), "rules-error-options", &q.id)
                }
                _ => {}
            }
            for (j, o) in q.options.iter().enumerate() {
                if !valid_value(&o.value) {
                    err(format!("{path}.options[{j}]"), "rules-error-id", &o.value);
                }
                texts(format!("{path}.options[{j}].label"), &o.label, &mut errors2);
            }
            if let Some(c) = &q.catch_all {
                if !q.values().contains(&c.as_str()) {
                    err(format!("{path}.catch_all"), "rules-error-value", c);
                }
            }
            for (j, c) in q.when.iter().enumerate() {
                check_condition(&format!("{path}.when[{j}]"), c, &seen, &mut err);
            }
            seen.insert(&q.id, q);
        }
        let all_questions: HashMap<&str, &Question> = self.questions.iter().map(|q| (q.id.as_str(), q)).collect();
        // Authorities and documents.
        for (i, a) in self.authorities.iter().enumerate() {
            if !valid_key(&a.key) {
                err(format!("authority[{i}]"), "rules-error-id", &a.key);
            }
            texts(format!("authority[{i}].name"), &a.name, &mut errors2);
        }
        for (i, d) in self.documents.iter().enumerate() {
            if !valid_key(&d.key) {
                err(format!("document[{i}]"), "rules-error-id", &d.key);
            }
            texts(format!("document[{i}].name"), &d.name, &mut errors2);
        }
        // Permits: responsible exists, documents and dependencies known, no cycles.
        let mut keys = BTreeSet::new();
        for (i, p) in self.permits.iter().enumerate() {
            let path = format!("permit[{i}]");
            if !valid_key(&p.key) {
                err(path.clone(), "rules-error-id", &p.key);
            }
            if !keys.insert(p.key.as_str()) {
                err(path.clone(), "rules-error-duplicate", &p.key);
            }
            for (name, t) in
                [("name", &p.name), ("summary", &p.summary), ("legal_basis", &p.legal_basis), ("fee", &p.fee)]
            {
                texts(format!("{path}.{name}"), t, &mut errors2);
            }
            match &p.responsible {
                Responsible::Unit(code) => {
                    if crate::organisation::UnitCode::parse(code).is_none() {
                        err(format!("{path}.responsible"), "rules-error-unit", code);
                    }
                }
                Responsible::Authority(key) => {
                    if self.authority(key).is_none() {
                        err(format!("{path}.responsible"), "rules-error-authority", key);
                    }
                }
            }
            if p.handling_days == 0 || p.handling_days > 365 {
                err(format!("{path}.handling_days"), "rules-error-handling-days", &p.handling_days.to_string());
            }
            for d in &p.documents {
                if self.document(d).is_none() {
                    err(format!("{path}.documents"), "rules-error-document", d);
                }
            }
            for d in &p.depends_on {
                if self.permit(d).is_none() {
                    err(format!("{path}.depends_on"), "rules-error-permit", d);
                }
            }
            if crate::ServiceSlug::parse(&p.eservice).is_err() {
                err(format!("{path}.eservice"), "rules-error-eservice", &p.eservice);
            }
        }
        if self.in_dependency_order().len() < self.permits.len() {
            err("permit".into(), "rules-error-cycle", "");
        }
        // Rules, contradictions and notes: known permits, known questions and values.
        for (i, r) in self.rules.iter().enumerate() {
            if self.permit(&r.permit).is_none() {
                err(format!("rule[{i}]"), "rules-error-permit", &r.permit);
            }
            if r.when.is_empty() {
                err(format!("rule[{i}]"), "rules-error-when-empty", &r.permit);
            }
            for (j, c) in r.when.iter().enumerate() {
                check_condition(&format!("rule[{i}].when[{j}]"), c, &all_questions, &mut err);
            }
        }
        for p in &self.permits {
            if !self.rules.iter().any(|r| r.permit == p.key) {
                err(format!("permit.{}", p.key), "rules-error-never-derived", &p.key);
            }
        }
        for (i, c) in self.contradictions.iter().enumerate() {
            if c.when.len() < 2 {
                err(format!("contradiction[{i}]"), "rules-error-when-empty", &c.id);
            }
            for (j, w) in c.when.iter().enumerate() {
                check_condition(&format!("contradiction[{i}].when[{j}]"), w, &all_questions, &mut err);
            }
            texts(format!("contradiction[{i}].explanation"), &c.explanation, &mut errors2);
        }
        for (i, n) in self.notes.iter().enumerate() {
            for (j, w) in n.when.iter().enumerate() {
                check_condition(&format!("note[{i}].when[{j}]"), w, &all_questions, &mut err);
            }
            texts(format!("note[{i}].text"), &n.text, &mut errors2);
        }
        errors.extend(errors2);
        errors
    }
}

/// A condition must name a question it may look at, test it for something, and only for values
/// that question can have.
fn check_condition(
    path: &str,
    c: &Condition,
    questions: &HashMap<&str, &Question>,
    err: &mut impl FnMut(String, &str, &str),
) {
    let Some(q) = questions.get(c.question.as_str()) else {
        return err(path.to_owned(), "rules-error-question", &c.question);
    };
    if q.kind == QuestionKind::Text {
        return err(path.to_owned(), "rules-error-condition-text", &c.question);
    }
    if c.equals.is_none() == c.one_of.is_empty() {
        return err(path.to_owned(), "rules-error-condition", &c.question);
    }
    let accepted = q.values();
    for v in c.values() {
        if !accepted.contains(&v.as_str()) {
            err(path.to_owned(), "rules-error-value", v);
        }
    }
}

#[cfg(test)]
mod tests;
