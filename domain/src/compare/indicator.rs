//! Quality indicators: definitions, observed values, and the honesty rules for showing them.

use super::unit::UnitKind;
use crate::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// An indicator's key, e.g. `parent-satisfaction` or a Kolada KPI id such as `N11805`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct IndicatorKey(String);

impl IndicatorKey {
    pub fn parse(raw: &str) -> Option<IndicatorKey> {
        let raw = raw.trim();
        let ok =
            (2..=60).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| IndicatorKey(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for IndicatorKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

slug_enum! {
    /// What an indicator's value measures, which decides its bounds and how it is written.
    Measure {
        /// 0–100.
        Percent => "percent",
        /// A non-negative ratio, e.g. children per member of staff.
        Ratio => "ratio",
        /// Points on a scale, e.g. merit values (0–340).
        Points => "points",
        /// A non-negative count, e.g. different staff a home-care user meets in 14 days.
        Count => "count",
    }
}

/// An indicator's definition. Names and definitions are per language (`sv` and `en` required).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorDef {
    pub key: IndicatorKey,
    pub kinds: Vec<UnitKind>,
    pub measure: Measure,
    pub higher_is_better: bool,
    /// A survey: N is the number of respondents and a response rate may be given.
    pub survey: bool,
    pub decimals: u8,
    /// Who publishes it (e.g. "Skolverket", "Socialstyrelsen", "Stockholms stad").
    pub source: String,
    pub name: BTreeMap<String, String>,
    pub definition: BTreeMap<String, String>,
}

impl IndicatorDef {
    pub fn name_in(&self, lang: Lang) -> &str {
        pick(&self.name, lang)
    }

    pub fn definition_in(&self, lang: Lang) -> &str {
        pick(&self.definition, lang)
    }

    pub fn applies_to(&self, kind: UnitKind) -> bool {
        self.kinds.contains(&kind)
    }
}

fn pick(texts: &BTreeMap<String, String>, lang: Lang) -> &str {
    texts.get(lang.code()).or_else(|| texts.get("sv")).map(String::as_str).unwrap_or("")
}

/// One value of one indicator for one unit and year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub period: u16,
    pub value: f64,
    /// Respondents (surveys) or the base the value is computed on.
    pub n: Option<u32>,
    /// Percent of those asked who answered (surveys).
    pub response_rate: Option<f64>,
}

/// When a value should be read with care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Caution {
    /// A survey with fewer respondents than the threshold.
    FewRespondents,
    /// A register value computed on a smaller base than the threshold (e.g. a class of six).
    SmallBase,
    /// A survey answered by fewer than the threshold share of those asked.
    LowResponseRate,
}

impl Caution {
    /// The fluent id of the warning.
    pub fn code(self) -> &'static str {
        match self {
            Caution::FewRespondents => "compare-caution-few",
            Caution::SmallBase => "compare-caution-small-base",
            Caution::LowResponseRate => "compare-caution-low-rate",
        }
    }
}

/// Where the honesty rules draw the line (configurable: `[compare]` in the configuration).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    pub min_respondents: u32,
    /// Percent.
    pub min_response_rate: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds { min_respondents: 10, min_response_rate: 50.0 }
    }
}

/// Why a value was refused (a fluent id each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueProblem {
    Period,
    Value,
    N,
    NRequired,
    ResponseRate,
}

impl ValueProblem {
    pub fn field(self) -> &'static str {
        match self {
            ValueProblem::Period => "period",
            ValueProblem::Value => "value",
            ValueProblem::N | ValueProblem::NRequired => "n",
            ValueProblem::ResponseRate => "response_rate",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ValueProblem::Period => "compare-error-period",
            ValueProblem::Value => "compare-error-value",
            ValueProblem::N => "compare-error-n",
            ValueProblem::NRequired => "compare-error-n-required",
            ValueProblem::ResponseRate => "compare-error-response-rate",
        }
    }
}

impl Observation {
    /// Checks the value against its indicator: a year in range, a finite value within the
    /// measure's bounds, N for surveys, a response rate of 0–100 %.
    pub fn check(&self, def: &IndicatorDef) -> Vec<ValueProblem> {
        let mut out = Vec::new();
        if !(1990..=2100).contains(&self.period) {
            out.push(ValueProblem::Period);
        }
        let v = self.value;
        let in_bounds = v.is_finite()
            && match def.measure {
                Measure::Percent => (0.0..=100.0).contains(&v),
                Measure::Ratio | Measure::Count => v >= 0.0,
                Measure::Points => (0.0..=1000.0).contains(&v),
            };
        if !in_bounds {
            out.push(ValueProblem::Value);
        }
        if def.survey && self.n.is_none() {
            out.push(ValueProblem::NRequired);
        }
        if self.response_rate.is_some_and(|r| !(0.0..=100.0).contains(&r)) {
            out.push(ValueProblem::ResponseRate);
        }
        if self.response_rate.is_some() && !def.survey {
            out.push(ValueProblem::ResponseRate);
        }
        out
    }

    /// The cautions to show beside this value.
    pub fn cautions(&self, survey: bool, t: &Thresholds) -> Vec<Caution> {
        let mut out = Vec::new();
        if self.n.is_some_and(|n| n < t.min_respondents) {
            out.push(if survey { Caution::FewRespondents } else { Caution::SmallBase });
        }
        if survey && self.response_rate.is_some_and(|r| r < t.min_response_rate) {
            out.push(Caution::LowResponseRate);
        }
        out
    }
}

/// A number as written in the language: decimal comma in Swedish and Finnish, point otherwise;
/// Latin digits everywhere (the site isolates numbers in right-to-left text).
pub fn format_number(lang: Lang, value: f64, decimals: u8) -> String {
    let s = format!("{value:.prec$}", prec = usize::from(decimals));
    match lang {
        Lang::Sv | Lang::Fi => s.replace('.', ","),
        Lang::En | Lang::Ar => s,
    }
}

/// A value with its unit: `87 %`, `4,8`, `241,5`.
pub fn format_value(lang: Lang, value: f64, measure: Measure, decimals: u8) -> String {
    let n = format_number(lang, value, decimals);
    match measure {
        Measure::Percent => match lang {
            Lang::En => format!("{n}%"),
            _ => format!("{n}\u{a0}%"),
        },
        Measure::Ratio | Measure::Points | Measure::Count => n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(survey: bool, measure: Measure) -> IndicatorDef {
        IndicatorDef {
            key: IndicatorKey::parse("parent-satisfaction").unwrap(),
            kinds: vec![UnitKind::Preschool],
            measure,
            higher_is_better: true,
            survey,
            decimals: 0,
            source: "Stockholms stad".into(),
            name: [("sv".to_owned(), "Nöjda föräldrar".to_owned())].into(),
            definition: BTreeMap::new(),
        }
    }

    fn obs(value: f64, n: Option<u32>, rate: Option<f64>) -> Observation {
        Observation { period: 2025, value, n, response_rate: rate }
    }

    #[test]
    fn small_bases_and_low_response_rates_are_flagged() {
        let t = Thresholds::default();
        assert!(obs(90.0, Some(40), Some(70.0)).cautions(true, &t).is_empty());
        assert_eq!(obs(100.0, Some(6), Some(70.0)).cautions(true, &t), vec![Caution::FewRespondents]);
        assert_eq!(obs(80.0, Some(40), Some(31.0)).cautions(true, &t), vec![Caution::LowResponseRate]);
        assert_eq!(
            obs(80.0, Some(4), Some(20.0)).cautions(true, &t),
            vec![Caution::FewRespondents, Caution::LowResponseRate]
        );
        // The threshold is a setting.
        let strict = Thresholds { min_respondents: 50, min_response_rate: 80.0 };
        assert_eq!(obs(90.0, Some(40), Some(70.0)).cautions(true, &strict).len(), 2);
        // A response rate means nothing for a register value; a small base does.
        assert!(obs(5.0, Some(40), Some(10.0)).cautions(false, &t).is_empty());
        assert_eq!(obs(5.0, Some(6), None).cautions(false, &t), vec![Caution::SmallBase]);
    }

    #[test]
    fn values_are_checked_against_their_measure() {
        assert!(obs(87.5, Some(30), Some(60.0)).check(&def(true, Measure::Percent)).is_empty());
        assert_eq!(obs(120.0, Some(30), None).check(&def(true, Measure::Percent)), vec![ValueProblem::Value]);
        assert_eq!(obs(87.0, None, None).check(&def(true, Measure::Percent)), vec![ValueProblem::NRequired]);
        assert_eq!(obs(f64::NAN, Some(1), None).check(&def(false, Measure::Ratio)), vec![ValueProblem::Value]);
        assert_eq!(obs(-1.0, None, None).check(&def(false, Measure::Count)), vec![ValueProblem::Value]);
        assert_eq!(obs(5.0, None, Some(50.0)).check(&def(false, Measure::Ratio)), vec![ValueProblem::ResponseRate]);
        assert_eq!(
            obs(50.0, Some(1), Some(101.0)).check(&def(true, Measure::Percent)),
            vec![ValueProblem::ResponseRate]
        );
        let old = Observation { period: 1899, ..obs(1.0, None, None) };
        assert_eq!(old.check(&def(false, Measure::Ratio)), vec![ValueProblem::Period]);
    }

    #[test]
    fn numbers_are_written_as_each_language_writes_them() {
        assert_eq!(format_value(Lang::Sv, 87.46, Measure::Percent, 1), "87,5\u{a0}%");
        assert_eq!(format_value(Lang::En, 87.0, Measure::Percent, 0), "87%");
        assert_eq!(format_value(Lang::Ar, 4.75, Measure::Ratio, 1), "4.8");
        assert_eq!(format_number(Lang::Fi, 241.5, 1), "241,5");
    }
}
