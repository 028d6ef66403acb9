//! Answers as people read them: option labels rather than values, a personnummer with its dash,
//! an address on its lines, files by name. Used by the check page and the case pages.

use stadsporten_domain::eservice::{Answer, Field, FieldKind};
use stadsporten_domain::Lang;

/// The lines an answer is shown as; `[]` for no answer (the page says "not answered").
pub fn answer_lines(field: &Field, answer: Option<&Answer>, lang: Lang) -> Vec<String> {
    let label = |v: &str| field.option(v).map(|o| o.label.get(lang).to_owned()).unwrap_or_else(|| v.to_owned());
    match answer {
        None => vec![],
        Some(Answer::Text(t)) => match field.kind {
            FieldKind::Select | FieldKind::Radio => vec![label(t)],
            FieldKind::Personnummer if t.len() == 12 => vec![format!("{}-{}", &t[..8], &t[8..])],
            FieldKind::LongText => t.lines().map(str::to_owned).collect(),
            _ => vec![t.clone()],
        },
        Some(Answer::Choices(c)) => c.iter().map(|v| label(v)).collect(),
        Some(Answer::Address(a)) => vec![a.street.clone(), format!("{} {}", a.postcode, a.city)],
        Some(Answer::Files(f)) => f.iter().map(|f| f.name.clone()).collect(),
    }
}
