//! Pieces the comparison pages share: a value with its basis and warnings, a unit in the list,
//! notices, and the bar chart that accompanies (never replaces) the side-by-side table.

use super::view::{Bar, ResultsView, UnitItem, ValueView};
use leptos::prelude::*;

/// Notices about what was left out of the query.
#[component]
pub fn Notices(notices: Vec<String>) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <div class="notice" role="status">
                <ul>{notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </div>
        }
    })
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

fn unit_item(u: UnitItem, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let checkbox_id = format!("select-{}", u.id);
    let id = u.id.clone();
    let id_for_change = u.id.clone();
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
                <input type="checkbox" name="units" id=checkbox_id.clone() value=id.clone()
                    prop:checked=move || selected.with(|s| s.contains(&id))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let id = id_for_change.clone();
                        selected.update(|s| {
                            s.retain(|x| *x != id);
                            if on {
                                s.push(id);
                            }
                        });
                    }/>
                <label for=checkbox_id>{u.select_label}</label>
            </p>
        </li>
    }
}

/// The list, inside the form that opens the chosen units side by side.
pub fn results_view(r: ResultsView, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let pagination = r.pagination.map(|p| {
        view! {
            <nav class="pagination" aria-label=p.label>
                {p.previous.map(|l| view! { <a rel="prev" href=l.href>{l.text}</a> })}
                <span>{p.current}</span>
                {p.next.map(|l| view! { <a rel="next" href=l.href>{l.text}</a> })}
            </nav>
        }
    });
    let has_units = !r.units.is_empty();
    view! {
        {r.sort_note.map(|n| view! { <p class="hint">{n}</p> })}
        {r.empty.map(|e| view! { <div class="empty"><p>{e}</p></div> })}
        <form id="compare-selection" method="get" action="/compare/side-by-side">
            {r.from.map(|f| view! { <input type="hidden" name="from" value=f/> })}
            <ul class="unit-list">
                {r.units.into_iter().map(|u| unit_item(u, selected)).collect_view()}
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
