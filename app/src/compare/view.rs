//! What the comparison pages show, translated on the server. The list island fetches a new
//! [`ResultsView`] as filters change (its first page and the form come as server-rendered
//! children), so the browser needs no translations.

use crate::catalogue::view_model::{LinkView, OptionView, PaginationView};
use serde::{Deserialize, Serialize};

/// A `<select>` with its label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectView {
    pub name: String,
    pub label: String,
    pub options: Vec<OptionView>,
}

/// A text or time input with its label and current value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputView {
    pub name: String,
    pub label: String,
    pub value: String,
    pub hint: Option<String>,
}

/// The filter form for one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FilterForm {
    pub kind: String,
    pub legend: String,
    pub q: InputView,
    pub district: SelectView,
    pub operator: SelectView,
    pub languages_legend: String,
    pub languages: Vec<OptionView>,
    pub profile: SelectView,
    pub hours_legend: String,
    pub open_from: InputView,
    pub open_until: InputView,
    pub places_label: String,
    pub places: bool,
    pub from: InputView,
    pub sort: SelectView,
    /// "More filters": open when any of them is in use.
    pub more_label: String,
    pub more_open: bool,
    pub submit: String,
    pub reset: LinkView,
    pub live_hint: String,
}

/// A value as shown: the value or "no data", and what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueView {
    pub label: String,
    /// The value with its unit, or the "no data" text.
    pub text: String,
    pub has_value: bool,
    /// "2025 · N = 41 · 62 % answered"
    pub detail: String,
    /// Warnings (few respondents, low response rate).
    pub cautions: Vec<String>,
}

/// One unit in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitItem {
    pub id: String,
    pub href: String,
    pub name: String,
    pub operator: String,
    pub district: String,
    pub address: String,
    pub distance: Option<String>,
    pub hours: String,
    pub places: Option<String>,
    pub values: Vec<ValueView>,
    pub select_label: String,
}

/// One page of the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsView {
    pub heading: String,
    pub sort_note: Option<String>,
    /// "The list shows 4 of 20 indicators…" when a kind has more than a card shows.
    pub indicators_note: Option<String>,
    pub units: Vec<UnitItem>,
    pub empty: Option<String>,
    pub pagination: Option<PaginationView>,
    pub compare_legend: String,
    pub compare_button: String,
    /// Carried into side by side, for distances there.
    pub from: Option<String>,
}

/// A kind to choose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindLink {
    pub href: String,
    /// "78 preschools".
    pub count: String,
    pub current: bool,
}

/// Everything `/compare` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareView {
    pub title: String,
    pub intro: String,
    pub notices: Vec<String>,
    pub kinds_label: String,
    pub kinds: Vec<KindLink>,
    pub form: Option<FilterForm>,
    pub results: Option<ResultsView>,
    pub open_data: LinkView,
}

/// A label and a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// One indicator on a unit's page: every year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorHistory {
    pub name: String,
    pub definition: String,
    pub source: String,
    pub years: Vec<ValueView>,
}

/// `/compare/units/{id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitView {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub list: LinkView,
    pub facts: Vec<Fact>,
    pub description: String,
    /// The description's language when it is not the page's (Swedish fallback).
    pub description_lang: Option<String>,
    pub updated: String,
    pub indicators_heading: String,
    pub table_caption: String,
    pub columns: Vec<String>,
    pub indicators: Vec<IndicatorHistory>,
    pub no_indicators: Option<String>,
    pub apply: Option<LinkView>,
    pub apply_note: Option<String>,
    pub feedback: LinkView,
    pub compare: LinkView,
    pub threshold_note: String,
}

/// A unit's column side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnView {
    pub id: String,
    pub name: String,
    pub href: String,
    pub apply: Option<LinkView>,
    pub remove: LinkView,
}

/// One bar of a chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub name: String,
    pub value: Option<f64>,
    pub text: String,
    pub caution: bool,
}

/// One row side by side: an indicator or a fact, a cell per unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RowView {
    pub label: String,
    pub definition: Option<String>,
    /// A fact (plain text) rather than an indicator value.
    pub fact: bool,
    pub cells: Vec<ValueView>,
    /// A bar chart of the row (indicators only); the table is always there too.
    pub chart: Option<(f64, Vec<Bar>)>,
}

/// `/compare/side-by-side?units=…`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SideBySideView {
    pub title: String,
    pub notices: Vec<String>,
    pub caption: String,
    pub columns: Vec<ColumnView>,
    pub facts: Vec<RowView>,
    pub indicators: Vec<RowView>,
    pub threshold_note: String,
    pub charts_heading: String,
    pub empty: Option<String>,
    pub back: LinkView,
}
