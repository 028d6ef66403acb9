//! What the `/stats` pages show, translated on the server.

use crate::ui::chart::{ChartView, TableView};
use crate::ui::LinkView;
use serde::{Deserialize, Serialize};

/// A choice in a filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The filter form: a plain GET form, so every view is a link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FilterForm {
    pub action: String,
    pub from: String,
    pub to: String,
    pub units: Vec<Choice>,
    pub unit: Option<String>,
    pub services: Vec<Choice>,
    pub service: Option<String>,
}

/// A table whose first column links somewhere (a service's own figures).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkTable {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<(LinkView, Vec<String>)>,
}

/// `/stats`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DashboardView {
    pub title: String,
    pub intro: String,
    pub form: FilterForm,
    pub notices: Vec<String>,
    pub period: String,
    pub key_figures: Vec<(String, String)>,
    pub volume: ChartView,
    pub services: LinkTable,
    pub units: TableView,
    pub satisfaction: TableView,
    pub channels: TableView,
    pub digital: ChartView,
    pub backlog: TableView,
    pub downloads: Vec<LinkView>,
    pub show_table: String,
}

/// `/stats/services/{slug}`: one e-service's journey and figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceStatsView {
    pub title: String,
    pub back: LinkView,
    pub form: FilterForm,
    pub notices: Vec<String>,
    pub period: String,
    pub key_figures: Vec<(String, String)>,
    pub funnel: ChartView,
    pub errors: TableView,
    pub devices: TableView,
    pub level: ChartView,
    pub downloads: Vec<LinkView>,
    pub show_table: String,
}

/// `/stats/report`: the yearly value report (nyttovärdering), printable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub title: String,
    pub subtitle: String,
    pub intro: String,
    pub form: FilterForm,
    pub years: Vec<Choice>,
    pub year: String,
    pub notices: Vec<String>,
    pub key_figures: Vec<(String, String)>,
    pub channels: TableView,
    pub services: TableView,
    pub time_saved: String,
    pub staff: TableView,
    pub method: Vec<String>,
    pub print: String,
}
