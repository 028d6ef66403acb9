//! Charts drawn on the server as SVG, each with its data as a table: the picture is for a glance,
//! the table is the text equivalent (screen readers, printing, copying into a report).
//!
//! Policy: no script draws anything; a bar whose figure is suppressed (too few cases) is left out
//! and its table cell says so, never zero. Colours come from the style sheet (`.chart-*`), so a
//! high-contrast or print style can change them.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A bar chart and its table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartView {
    /// The chart's accessible name ("Median handling time per month").
    pub title: String,
    /// One sentence read instead of the picture.
    pub summary: String,
    pub bars: Vec<Bar>,
    /// A line across the chart (a promise) and its label.
    pub reference: Option<(f64, String)>,
    pub table: TableView,
}

/// One bar: its label under the axis, its value (`None`: not shown) and the value as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    pub shown: String,
}

/// A plain data table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableView {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 180.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 16.0;

/// A bar's rectangle: x, y, width, height in the SVG's units.
type Rect = (f64, f64, f64, f64);

/// The scale's top and each bar's rectangle (`None`: no value, no bar).
fn geometry(bars: &[Bar], reference: Option<f64>) -> (f64, Vec<Option<Rect>>) {
    let max = bars.iter().filter_map(|b| b.value).chain(reference).fold(0.0_f64, f64::max).max(1.0);
    let slot = WIDTH / bars.len().max(1) as f64;
    let plot = HEIGHT - BOTTOM - TOP;
    let rects = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            b.value.map(|v| {
                let h = (v.max(0.0) / max * plot).max(if v > 0.0 { 1.0 } else { 0.0 });
                (i as f64 * slot + slot * 0.15, TOP + plot - h, slot * 0.7, h)
            })
        })
        .collect();
    (max, rects)
}

/// A data table.
#[component]
pub fn DataTable(table: TableView) -> impl IntoView {
    let head = table.head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view();
    let rows = table
        .rows
        .into_iter()
        .map(|r| {
            let mut cells = r.into_iter();
            let first = cells.next().unwrap_or_default();
            let rest = cells.map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr><th scope="row">{first}</th>{rest}</tr> }
        })
        .collect_view();
    // A wide table scrolls sideways on a phone: the box is a named region reachable by keyboard.
    let name = table.caption.clone();
    view! {
        <div class="table-scroll" role="region" aria-label=name tabindex="0">
            <table class="data">
                <caption>{table.caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A bar chart with its summary; the table follows, open (`table_open`) or behind "show as table".
#[component]
pub fn BarChart(
    chart: ChartView,
    #[prop(into)] show_table: String,
    #[prop(optional)] table_open: bool,
) -> impl IntoView {
    let (max, rects) = geometry(&chart.bars, chart.reference.as_ref().map(|r| r.0));
    let slot = WIDTH / chart.bars.len().max(1) as f64;
    let plot = HEIGHT - BOTTOM - TOP;
    let bars = chart
        .bars
        .iter()
        .zip(rects)
        .enumerate()
        .map(|(i, (b, r))| {
            let cx = format!("{:.1}", i as f64 * slot + slot / 2.0);
            let label = view! {
                <text x=cx.clone() y=format!("{:.1}", HEIGHT - 6.0) class="chart-label" text-anchor="middle">
                    {b.label.clone()}
                </text>
            };
            let bar = r.map(|(x, y, w, h)| {
                view! {
                    <rect x=format!("{x:.1}") y=format!("{y:.1}") width=format!("{w:.1}") height=format!("{h:.1}")
                        class="chart-bar"></rect>
                    <text x=cx.clone() y=format!("{:.1}", (y - 3.0).max(10.0)) class="chart-value" text-anchor="middle">
                        {b.shown.clone()}
                    </text>
                }
            });
            view! { {bar}{label} }
        })
        .collect_view();
    let reference = chart.reference.clone().map(|(v, label)| {
        let y = format!("{:.1}", TOP + plot - v / max * plot);
        view! {
            <line x1="0" x2=format!("{WIDTH}") y1=y.clone() y2=y.clone() class="chart-reference"></line>
            <text x=format!("{WIDTH}") y=format!("{:.1}", (TOP + plot - v / max * plot - 4.0).max(10.0))
                class="chart-reference-label" text-anchor="end">{label}</text>
        }
    });
    let table = chart.table.clone();
    view! {
        <figure class="bar-chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=chart.title.clone()
                preserveAspectRatio="xMidYMid meet" focusable="false">
                <line x1="0" x2=format!("{WIDTH}") y1=format!("{}", HEIGHT - BOTTOM) y2=format!("{}", HEIGHT - BOTTOM)
                    class="chart-axis"></line>
                {bars}
                {reference}
            </svg>
            <figcaption>{chart.summary.clone()}</figcaption>
        </figure>
        {if table_open {
            view! { <DataTable table=table/> }.into_any()
        } else {
            view! {
                <details class="chart-table">
                    <summary>{show_table}</summary>
                    <DataTable table=table/>
                </details>
            }
            .into_any()
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(v: Option<f64>) -> Bar {
        Bar { label: String::new(), value: v, shown: String::new() }
    }

    #[test]
    fn suppressed_bars_are_left_out_and_the_tallest_fills_the_plot() {
        let (max, rects) = geometry(&[bar(Some(10.0)), bar(None), bar(Some(5.0))], Some(8.0));
        assert_eq!(max, 10.0);
        assert!(rects[1].is_none());
        let (_, _, _, tall) = rects[0].unwrap();
        let (_, _, _, half) = rects[2].unwrap();
        assert!((tall - (HEIGHT - BOTTOM - TOP)).abs() < 1e-9 && (half * 2.0 - tall).abs() < 1e-9);
        // A promise above every bar sets the scale.
        assert_eq!(geometry(&[bar(Some(2.0))], Some(30.0)).0, 30.0);
    }
}
