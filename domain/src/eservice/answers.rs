//! Answers to a definition: checking one step's submitted form, what is shown given the answers
//! so far, and where the applicant goes next.
//!
//! Policy:
//! - One path of validation. A step's form is checked when it is posted; at submission every
//!   visible step is checked again from the stored answers ([`Answer::form_pairs`]), so a rule
//!   that depends on the day (a start date "not in the past") is judged on the day of submission.
//! - Answers to steps and fields that are hidden by the applicant's later choices are dropped at
//!   submission ([`prune`]): a case holds only what the applicant last saw and confirmed.
//! - Errors are fluent ids with arguments, attached to the input they concern, in form order.

use super::definition::{Condition, Field, FieldKind, ServiceDefinition, Step};
use crate::contact::{valid_email, valid_phone};
use crate::date::Date;
use crate::identity::PersonalIdentityNumber;
use crate::ids::AttachmentId;
use crate::organisation::OrganisationNumber;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    pub postcode: String,
    pub city: String,
}

/// An uploaded file an answer refers to (the file itself is in attachment storage).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    pub id: AttachmentId,
    /// The applicant's name for it, for display only (never a path).
    pub name: String,
    pub size: i64,
}

/// One field's answer, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Answer {
    Text(String),
    Choices(Vec<String>),
    Address(Address),
    Files(Vec<FileRef>),
}

impl Answer {
    /// The answer as the form inputs that would produce it (to fill a form in again, and to
    /// re-validate at submission).
    pub fn form_pairs(&self, field_id: &str) -> Vec<(String, String)> {
        match self {
            Answer::Text(t) => vec![(field_id.to_owned(), t.clone())],
            Answer::Choices(c) => c.iter().map(|v| (field_id.to_owned(), v.clone())).collect(),
            Answer::Address(a) => vec![
                (format!("{field_id}.street"), a.street.clone()),
                (format!("{field_id}.postcode"), a.postcode.clone()),
                (format!("{field_id}.city"), a.city.clone()),
            ],
            Answer::Files(_) => vec![],
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(t) => t.is_empty(),
            Answer::Choices(c) => c.is_empty(),
            Answer::Address(_) => false,
            Answer::Files(f) => f.is_empty(),
        }
    }

    pub fn files(&self) -> &[FileRef] {
        match self {
            Answer::Files(f) => f,
            _ => &[],
        }
    }
}

/// All answers of one application, by field id.
pub type Answers = BTreeMap<String, Answer>;

/// A problem with one input: its name in the form, the fluent id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub input: String,
    pub code: String,
    pub args: Vec<(String, String)>,
}

impl FieldError {
    fn new(input: &str, code: &str) -> FieldError {
        FieldError { input: input.to_owned(), code: code.to_owned(), args: vec![] }
    }

    fn with(mut self, name: &str, value: impl ToString) -> FieldError {
        self.args.push((name.to_owned(), value.to_string()));
        self
    }
}

/// Whether a condition holds for the answers so far.
pub fn holds(c: &Condition, answers: &Answers) -> bool {
    let answer = answers.get(&c.field);
    let text = match answer {
        Some(Answer::Text(t)) => Some(t.as_str()),
        _ => None,
    };
    if let Some(v) = &c.equals {
        return text == Some(v.as_str()) || matches!(answer, Some(Answer::Choices(cs)) if cs.len() == 1 && cs[0] == *v);
    }
    if !c.one_of.is_empty() {
        return text.is_some_and(|t| c.one_of.iter().any(|v| v == t));
    }
    if let Some(v) = &c.includes {
        return matches!(answer, Some(Answer::Choices(cs)) if cs.contains(v));
    }
    if let Some(want) = c.answered {
        return answer.is_some_and(|a| !a.is_empty()) == want;
    }
    false
}

pub fn step_visible(step: &Step, answers: &Answers) -> bool {
    step.visible_if.as_ref().is_none_or(|c| holds(c, answers))
}

pub fn field_visible(field: &Field, answers: &Answers) -> bool {
    field.visible_if.as_ref().is_none_or(|c| holds(c, answers))
}

/// The steps shown for these answers, in order.
pub fn visible_steps<'d>(def: &'d ServiceDefinition, answers: &Answers) -> Vec<&'d Step> {
    def.steps.iter().filter(|s| step_visible(s, answers)).collect()
}

/// The visible step after `current`; `None` means the answers are to be checked next.
pub fn next_step<'d>(def: &'d ServiceDefinition, current: &str, answers: &Answers) -> Option<&'d Step> {
    let i = def.step_index(current)?;
    def.steps[i + 1..].iter().find(|s| step_visible(s, answers))
}

/// The visible step before `current`; `None` means the start page.
pub fn previous_step<'d>(def: &'d ServiceDefinition, current: &str, answers: &Answers) -> Option<&'d Step> {
    let i = def.step_index(current)?;
    def.steps[..i].iter().rev().find(|s| step_visible(s, answers))
}

/// Keeps only the answers to visible fields of visible steps.
pub fn prune(def: &ServiceDefinition, answers: &Answers) -> Answers {
    let mut out = Answers::new();
    for step in visible_steps(def, answers) {
        for f in step.fields.iter().filter(|f| field_visible(f, answers)) {
            if let Some(a) = answers.get(&f.id) {
                out.insert(f.id.clone(), a.clone());
            }
        }
    }
    out
}

/// Checks one step's submitted inputs. `answers` holds the earlier answers (for conditions,
/// `different_from` and already uploaded files); `today` is the day number in Stockholm;
/// `current_year` reads ten-digit personnummer. Returns the step's new answers, or every error.
pub fn validate_step(
    def: &ServiceDefinition,
    step: &Step,
    form: &[(String, String)],
    answers: &Answers,
    today: i64,
    current_year: u32,
) -> Result<Vec<(String, Option<Answer>)>, Vec<FieldError>> {
    let one = |name: &str| -> String {
        form.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned()).unwrap_or_default()
    };
    let mut out = Vec::new();
    let mut errors = Vec::new();
    // Answers of this step, so later fields' `different_from` may name earlier fields on it.
    let mut so_far = answers.clone();
    for field in step.fields.iter().filter(|f| field_visible(f, answers)) {
        let id = field.id.as_str();
        let result = match field.kind {
            FieldKind::Address => address(
                field,
                &one(&format!("{id}.street")),
                &one(&format!("{id}.postcode")),
                &one(&format!("{id}.city")),
            ),
            FieldKind::Checkboxes => {
                let mut chosen: Vec<String> = form.iter().filter(|(k, _)| k == id).map(|(_, v)| v.clone()).collect();
                chosen.dedup();
                checkboxes(field, chosen)
            }
            FieldKind::File => files(field, answers.get(id)),
            _ => single(field, &one(id), today, current_year),
        };
        match result {
            Ok(answer) => {
                if let Some(a) = &answer {
                    for other in &field.different_from {
                        if so_far.get(other).is_some_and(|o| o == a && !a.is_empty()) {
                            let label = def.field(other).map(|(_, f)| f.id.clone()).unwrap_or_default();
                            errors.push(FieldError::new(id, "field-error-same-as").with("other", label));
                        }
                    }
                    so_far.insert(id.to_owned(), a.clone());
                }
                out.push((id.to_owned(), answer));
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

fn single(field: &Field, raw: &str, today: i64, current_year: u32) -> Result<Option<Answer>, FieldError> {
    let id = field.id.as_str();
    if raw.is_empty() {
        return if field.required { Err(FieldError::new(id, required_code(field.kind))) } else { Ok(None) };
    }
    let text = |s: String| Ok(Some(Answer::Text(s)));
    match field.kind {
        FieldKind::Text | FieldKind::LongText => {
            let n = raw.chars().count();
            if let Some(min) = field.min_length.filter(|m| n < *m as usize) {
                return Err(FieldError::new(id, "field-error-too-short").with("min", min));
            }
            if n > field.max_length() as usize {
                return Err(FieldError::new(id, "field-error-too-long").with("max", field.max_length()));
            }
            if raw.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
                return Err(FieldError::new(id, "field-error-characters"));
            }
            text(raw.replace("\r\n", "\n"))
        }
        FieldKind::Number => {
            let compact: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
            let normal = compact.replace(',', ".");
            let ok = !normal.is_empty()
                && normal.len() <= 20
                && normal.trim_start_matches('-').chars().all(|c| c.is_ascii_digit() || c == '.')
                && normal.matches('.').count() <= 1;
            let value: f64 = match normal.parse() {
                Ok(v) if ok => v,
                _ => return Err(FieldError::new(id, "field-error-number")),
            };
            if field.integer && normal.contains('.') {
                return Err(FieldError::new(id, "field-error-integer"));
            }
            if let Some(min) = field.min.filter(|m| value < *m) {
                return Err(FieldError::new(id, "field-error-number-min").with("min", min));
            }
            if let Some(max) = field.max.filter(|m| value > *m) {
                return Err(FieldError::new(id, "field-error-number-max").with("max", max));
            }
            text(normal)
        }
        FieldKind::Date => {
            let Some(date) = Date::parse(raw) else { return Err(FieldError::new(id, "field-error-date")) };
            let day = date.day_number();
            if let Some(min) = field.not_before_days.filter(|d| day < today + d) {
                let earliest = Date::from_day_number(today + min).map(|d| d.to_string()).unwrap_or_default();
                return Err(FieldError::new(id, "field-error-date-too-early").with("date", earliest));
            }
            if let Some(max) = field.not_after_days.filter(|d| day > today + d) {
                let latest = Date::from_day_number(today + max).map(|d| d.to_string()).unwrap_or_default();
                return Err(FieldError::new(id, "field-error-date-too-late").with("date", latest));
            }
            text(date.to_string())
        }
        FieldKind::Email => {
            if valid_email(raw) {
                text(raw.to_owned())
            } else {
                Err(FieldError::new(id, "field-error-email"))
            }
        }
        FieldKind::Phone => {
            if valid_phone(raw) {
                text(raw.to_owned())
            } else {
                Err(FieldError::new(id, "field-error-phone"))
            }
        }
        FieldKind::Personnummer => match PersonalIdentityNumber::parse(raw, current_year) {
            Ok(p) => text(p.expose().to_owned()),
            Err(e) => Err(FieldError::new(id, e.code())),
        },
        FieldKind::Organisationsnummer => match OrganisationNumber::parse(raw) {
            Ok(o) => text(o.to_string()),
            Err(e) => Err(FieldError::new(id, e.code())),
        },
        FieldKind::Select | FieldKind::Radio => {
            if field.option(raw).is_some() {
                text(raw.to_owned())
            } else {
                Err(FieldError::new(id, "field-error-option"))
            }
        }
        // Handled by their own functions.
        FieldKind::Address | FieldKind::Checkboxes | FieldKind::File => Ok(None),
    }
}

fn required_code(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Select | FieldKind::Radio | FieldKind::Checkboxes => "field-error-choose",
        FieldKind::File => "field-error-file-required",
        _ => "field-error-required",
    }
}

fn address(field: &Field, street: &str, postcode: &str, city: &str) -> Result<Option<Answer>, FieldError> {
    let id = &field.id;
    if street.is_empty() && postcode.is_empty() && city.is_empty() {
        return if field.required {
            Err(FieldError::new(&format!("{id}.street"), "field-error-required"))
        } else {
            Ok(None)
        };
    }
    if street.is_empty() || street.chars().count() > 100 {
        return Err(FieldError::new(&format!("{id}.street"), "field-error-street"));
    }
    let digits: String = postcode.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != 5 || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
        return Err(FieldError::new(&format!("{id}.postcode"), "field-error-postcode"));
    }
    if city.is_empty() || city.chars().count() > 60 {
        return Err(FieldError::new(&format!("{id}.city"), "field-error-city"));
    }
    Ok(Some(Answer::Address(Address {
        street: street.to_owned(),
        postcode: format!("{} {}", &digits[..3], &digits[3..]),
        city: city.to_owned(),
    })))
}

fn checkboxes(field: &Field, chosen: Vec<String>) -> Result<Option<Answer>, FieldError> {
    let id = field.id.as_str();
    if chosen.iter().any(|v| field.option(v).is_none()) {
        return Err(FieldError::new(id, "field-error-option"));
    }
    if chosen.is_empty() {
        return if field.required || field.min_choices.is_some_and(|m| m > 0) {
            Err(FieldError::new(id, "field-error-choose"))
        } else {
            Ok(None)
        };
    }
    // Keep the definition's order whatever order the browser sent.
    let ordered: Vec<String> =
        field.options.iter().filter(|o| chosen.contains(&o.value)).map(|o| o.value.clone()).collect();
    if let Some(min) = field.min_choices.filter(|m| ordered.len() < *m as usize) {
        return Err(FieldError::new(id, "field-error-min-choices").with("min", min));
    }
    if let Some(max) = field.max_choices.filter(|m| ordered.len() > *m as usize) {
        return Err(FieldError::new(id, "field-error-max-choices").with("max", max));
    }
    Ok(Some(Answer::Choices(ordered)))
}

fn files(field: &Field, current: Option<&Answer>) -> Result<Option<Answer>, FieldError> {
    let list = current.map(Answer::files).unwrap_or(&[]);
    if list.is_empty() {
        return if field.required { Err(FieldError::new(&field.id, "field-error-file-required")) } else { Ok(None) };
    }
    if list.len() > field.max_files() as usize {
        return Err(FieldError::new(&field.id, "field-error-too-many-files").with("max", field.max_files()));
    }
    Ok(Some(Answer::Files(list.to_vec())))
}

/// Checks every visible step again from the stored answers (at submission). Returns the pruned
/// answers, or the first step with a problem and its errors.
pub fn validate_all(
    def: &ServiceDefinition,
    answers: &Answers,
    today: i64,
    current_year: u32,
) -> Result<Answers, (String, Vec<FieldError>)> {
    let mut checked = Answers::new();
    for step in visible_steps(def, answers) {
        let form: Vec<(String, String)> =
            step.fields.iter().filter_map(|f| answers.get(&f.id).map(|a| a.form_pairs(&f.id))).flatten().collect();
        match validate_step(def, step, &form, answers, today, current_year) {
            Ok(values) => {
                for (id, a) in values {
                    if let Some(a) = a {
                        checked.insert(id, a);
                    }
                }
            }
            Err(errors) => return Err((step.id.clone(), errors)),
        }
    }
    Ok(prune(def, &checked))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eservice::definition::tests::small;

    const TODAY: i64 = 20_000; // 2024-10-04
    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }
    fn codes(r: Result<Vec<(String, Option<Answer>)>, Vec<FieldError>>) -> Vec<(String, String)> {
        r.err().unwrap_or_default().into_iter().map(|e| (e.input, e.code)).collect()
    }

    #[test]
    fn a_step_with_errors_reports_each_field_in_form_order() {
        let def = small();
        let step = &def.steps[0];
        let r = validate_step(&def, step, &form(&[("child_pnr", "19850312-9821")]), &Answers::new(), TODAY, 2026);
        assert_eq!(
            codes(r),
            vec![("child_pnr".into(), "error-pnr-check-digit".into()), ("needs".into(), "field-error-choose".into())]
        );
        let r = validate_step(
            &def,
            step,
            &form(&[("child_pnr", "850312-9820"), ("needs", "yes")]),
            &Answers::new(),
            TODAY,
            2026,
        );
        let ok = r.unwrap_or_default();
        assert_eq!(ok[0], ("child_pnr".into(), Some(Answer::Text("198503129820".into()))));
    }

    #[test]
    fn branching_skips_steps_and_drops_their_answers() {
        let def = small();
        let mut answers = Answers::new();
        answers.insert("needs".into(), Answer::Text("yes".into()));
        assert_eq!(next_step(&def, "child", &answers).map(|s| s.id.as_str()), Some("details"));
        answers.insert("describe".into(), Answer::Text("Allergy".into()));
        answers.insert("needs".into(), Answer::Text("no".into()));
        assert_eq!(next_step(&def, "child", &answers).map(|s| s.id.as_str()), Some("when"));
        assert_eq!(previous_step(&def, "when", &answers).map(|s| s.id.as_str()), Some("child"));
        assert!(!prune(&def, &answers).contains_key("describe"));
        // The certificate field on the last step is hidden too, so it is not required.
        assert!(!field_visible(&def.steps[2].fields[2], &answers));
    }

    #[test]
    fn dates_are_judged_against_today() {
        let def = small();
        let step = &def.steps[2];
        let r = validate_step(&def, step, &form(&[("start_date", "2024-10-03")]), &Answers::new(), TODAY, 2026);
        let e = r.err().unwrap_or_default();
        assert_eq!(
            (e[0].code.as_str(), e[0].args.clone()),
            ("field-error-date-too-early", vec![("date".into(), "2024-10-04".into())])
        );
        let r = validate_step(&def, step, &form(&[("start_date", "4 oktober")]), &Answers::new(), TODAY, 2026);
        assert_eq!(codes(r), vec![("start_date".into(), "field-error-date".into())]);
        let r = validate_step(&def, step, &form(&[("start_date", "2024-10-04")]), &Answers::new(), TODAY, 2026);
        assert!(r.is_ok());
    }

    #[test]
    fn checkboxes_keep_definition_order_and_count_limits() {
        let def = small();
        let step = &def.steps[2];
        let base = [("start_date", "2025-01-01")];
        let with = |extra: &[(&str, &str)]| {
            let mut f = form(&base);
            f.extend(form(extra));
            validate_step(&def, step, &f, &Answers::new(), TODAY, 2026)
        };
        let ok = with(&[("choices", "b"), ("choices", "a")]).unwrap_or_default();
        assert_eq!(ok[1].1, Some(Answer::Choices(vec!["a".into(), "b".into()])));
        assert_eq!(
            codes(with(&[("choices", "a"), ("choices", "b"), ("choices", "c")])),
            vec![("choices".into(), "field-error-max-choices".into())]
        );
        assert_eq!(codes(with(&[("choices", "z")])), vec![("choices".into(), "field-error-option".into())]);
    }

    #[test]
    fn a_required_file_is_checked_against_the_uploads() {
        let def = small();
        let mut answers = Answers::new();
        answers.insert("needs".into(), Answer::Text("yes".into()));
        let mut field = def.steps[2].fields[2].clone();
        field.required = true;
        assert_eq!(
            files(&field, answers.get("certificate")).err().map(|e| e.code),
            Some("field-error-file-required".into())
        );
        let three = Answer::Files(
            (1..=3).map(|id| FileRef { id: AttachmentId::new(id), name: format!("{id}.pdf"), size: 10 }).collect(),
        );
        assert_eq!(files(&field, Some(&three)).err().map(|e| e.code), Some("field-error-too-many-files".into()));
    }

    #[test]
    fn submission_revalidates_and_prunes() {
        let def = small();
        let mut answers = Answers::new();
        answers.insert("child_pnr".into(), Answer::Text("198503129820".into()));
        answers.insert("needs".into(), Answer::Text("no".into()));
        answers.insert("describe".into(), Answer::Text("left over".into()));
        answers.insert("start_date".into(), Answer::Text("2024-11-01".into()));
        let checked = validate_all(&def, &answers, TODAY, 2026).unwrap_or_default();
        assert_eq!(checked.keys().collect::<Vec<_>>(), ["child_pnr", "needs", "start_date"]);
        // A month later the start date is in the past: the step is named for the applicant to fix.
        let late = validate_all(&def, &answers, TODAY + 60, 2026);
        assert_eq!(
            late.err().map(|(s, e)| (s, e[0].code.clone())),
            Some(("when".into(), "field-error-date-too-early".into()))
        );
    }

    #[test]
    fn numbers_addresses_and_contacts_are_normalised() {
        let mut def = small();
        def.steps[0].fields = vec![Field {
            kind: FieldKind::Number,
            min: Some(0.0),
            max: Some(100_000.0),
            ..def.steps[0].fields[0].clone()
        }];
        def.steps[0].fields[0].id = "income".into();
        let step = &def.steps[0];
        let ok = validate_step(&def, step, &form(&[("income", "12 345,50")]), &Answers::new(), TODAY, 2026)
            .unwrap_or_default();
        assert_eq!(ok[0].1, Some(Answer::Text("12345.50".into())));
        assert_eq!(
            codes(validate_step(&def, step, &form(&[("income", "12a")]), &Answers::new(), TODAY, 2026)),
            vec![("income".into(), "field-error-number".into())]
        );
        let f = Field { kind: FieldKind::Address, id: "home".into(), ..def.steps[0].fields[0].clone() };
        assert_eq!(
            address(&f, "Ragvaldsgatan 14", "11846", "Stockholm").ok().flatten().map(|a| match a {
                Answer::Address(a) => a.postcode,
                _ => String::new(),
            }),
            Some("118 46".into())
        );
        assert_eq!(
            address(&f, "Ragvaldsgatan 14", "1184", "Stockholm").err().map(|e| e.input),
            Some("home.postcode".into())
        );
    }
}
