//! Pieces the comparison pages share: a value with its basis and warnings, a unit in the list
//! and the bar chart that accompanies (never replaces) the side-by-side table.

use super::view::{Bar, FilterForm, InputView, ResultsView, SelectView, UnitItem, ValueView};
use leptos::prelude::*;

fn select(s: SelectView) -> impl IntoView {
    let id = format!("filter-{}", s.name);
    view! {
        <div class="field">
            <label for=id.clone()>{s.label}</label>
            <select id=id name=s.name>
                {s.options
                    .into_iter()
                    .map(|o| view! { <option value=o.value selected=o.selected>{o.label}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

fn input(i: InputView, kind: &'static str) -> impl IntoView {
    let id = format!("filter-{}", i.name);
    let hint_id = format!("{id}-hint");
    let described = i.hint.as_ref().map(|_| hint_id.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{i.label}</label>
            {i.hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <input id=id name=i.name type=kind value=i.value maxlength="200" aria-describedby=described autocomplete="off"/>
        </div>
    }
}

/// The filter form: a GET form, rendered on the server only. The common filters are visible;
/// the rarer ones sit under "more filters", open when one of them is in use. The hint about live
/// updates shows only once the surrounding island has hydrated (CSS on `data-live`).
#[component]
pub fn Filters(form: FilterForm) -> impl IntoView {
    let languages = form
        .languages
        .into_iter()
        .map(|o| {
            let id = format!("filter-language-{}", o.value);
            view! {
                <span class="check">
                    <input type="checkbox" name="language" id=id.clone() value=o.value checked=o.selected/>
                    <label for=id>{o.label}</label>
                </span>
            }
        })
        .collect_view();
    view! {
        <form class="filters compare-filters" method="get" action="/compare" data-live-endpoint="/api/compare/list-html">
            <input type="hidden" name="kind" value=form.kind/>
            <fieldset>
                <legend>{form.legend}</legend>
                <div class="filter-row">
                    {select(form.district)}
                    {select(form.operator)}
                    {select(form.sort)}
                </div>
                <details class="more-filters" open=form.more_open>
                    <summary>{form.more_label}</summary>
                    <div class="filter-row">
                        {input(form.q, "search")}
                        {input(form.from, "text")}
                        {select(form.profile)}
                    </div>
                    <fieldset class="checks">
                        <legend>{form.languages_legend}</legend>
                        {languages}
                    </fieldset>
                    <fieldset class="filter-row">
                        <legend>{form.hours_legend}</legend>
                        {input(form.open_from, "time")}
                        {input(form.open_until, "time")}
                    </fieldset>
                    <p class="check">
                        <input type="checkbox" name="places" id="filter-places" value="1" checked=form.places/>
                        <label for="filter-places">{form.places_label}</label>
                    </p>
                </details>
            </fieldset>
            <p class="actions">
                <button type="submit">{form.submit}</button>
                <a href=form.reset.href>{form.reset.text}</a>
            </p>
            <p class="hint live-hint">{form.live_hint}</p>
        </form>
    }
}

/// The results section: the page's first view, and what a live update puts in its place.
#[component]
pub fn ResultsSection(results: ResultsView) -> impl IntoView {
    view! {
        <section class="results" aria-labelledby="compare-results-heading" data-results="">
            <h2 id="compare-results-heading">{results.heading.clone()}</h2>
            {results_view(results)}
        </section>
    }
}

/// A value, its year and N, and any warning. "No data" is styled apart from values.
pub fn value_cell(v: ValueView) -> impl IntoView {
    let class = if v.has_value { "value" } else { "value no-data" };
    view! {
        <span class=class>{v.text}</span>
        {(!v.detail.is_empty()).then(|| view! { <span class="basis">{v.detail}</span> })}
        {v.cautions
            .into_iter()
            .map(|c| view! { <span class="caution"><span aria-hidden="true">"⚠ "</span>{c}</span> })
            .collect_view()}
    }
}

fn unit_item(u: UnitItem) -> impl IntoView {
    let checkbox_id = format!("select-{}", u.id);
    let meta = [Some(u.operator), Some(u.address), u.distance].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let hours = [Some(u.hours), u.places].into_iter().flatten().collect::<Vec<_>>().join(" · ");
    view! {
        <li class="unit-card">
            <h3><a href=u.href>{u.name}</a></h3>
            <p class="meta">{meta}</p>
            <p class="meta">{hours}</p>
            <dl class="values">
                {u.values
                    .into_iter()
                    .map(|v| view! { <div><dt>{v.label.clone()}</dt><dd>{value_cell(v)}</dd></div> })
                    .collect_view()}
            </dl>
            <p class="select">
                <input type="checkbox" name="units" id=checkbox_id.clone() value=u.id/>
                <label for=checkbox_id>{u.select_label}</label>
            </p>
        </li>
    }
}

/// The list, inside the form that opens the chosen units side by side (the live island keeps
/// chosen units ticked across updates).
fn results_view(r: ResultsView) -> impl IntoView {
    let pagination = r.pagination.map(|p| view! { <crate::ui::Pagination pagination=p/> });
    let has_units = !r.units.is_empty();
    view! {
        {r.sort_note.map(|n| view! { <p class="hint">{n}</p> })}
        {r.indicators_note.map(|n| view! { <p class="hint">{n}</p> })}
        {r.empty.map(|e| view! { <div class="empty"><p>{e}</p></div> })}
        <form id="compare-selection" method="get" action="/compare/side-by-side">
            {r.from.map(|f| view! { <input type="hidden" name="from" value=f/> })}
            <ul class="unit-list">
                {r.units
                    .into_iter()
                    .map(unit_item)
                    .collect_view()}
            </ul>
            {has_units.then(|| view! {
                <div class="selection-bar">
                    <p id="compare-selection-legend">{r.compare_legend}</p>
                    <button type="submit" aria-describedby="compare-selection-legend">{r.compare_button}</button>
                </div>
            })}
        </form>
        {pagination}
    }
}

/// Horizontal bars, one per unit; decorative beside the table that holds the same values.
pub fn bar_chart(label: String, scale: f64, bars: Vec<Bar>) -> impl IntoView {
    const ROW: f64 = 32.0;
    const LEFT: f64 = 0.0;
    const WIDTH: f64 = 300.0;
    let height = ROW * bars.len() as f64 + 4.0;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = 4.0 + ROW * i as f64;
            let w = b.value.map(|v| (v / scale).clamp(0.0, 1.0) * WIDTH).unwrap_or(0.0);
            let class = if b.caution { "bar caution" } else { "bar" };
            view! {
                <g>
                    <rect class=class x=LEFT y=y width=format!("{w:.1}") height="22" rx="2"/>
                    <text class="bar-label" x=format!("{:.1}", LEFT + w + 6.0) y=y + 17.0>
                        {format!("{} – {}", b.text, b.name)}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption>{label}</figcaption>
            <svg aria-hidden="true" focusable="false" viewBox=format!("0 0 640 {height}") width="100%" preserveAspectRatio="xMinYMin meet">
                {rows}
            </svg>
        </figure>
    }
}
