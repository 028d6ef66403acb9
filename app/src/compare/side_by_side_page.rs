//! `/compare/side-by-side?units=…`: up to four units in one table, indicators in rows, each
//! value with its year and N and any warning; bar charts below repeat the table for the eye.

use super::components::{bar_chart, value_cell};
use super::server::side_by_side;
use super::view::RowView;
use crate::context::RequestContext;
use crate::i18n::use_i18n;
use crate::ui::Title;
use crate::ui::{ErrorPage, Notices};
use leptos::prelude::*;

fn row(r: RowView) -> impl IntoView {
    view! {
        <tr class=if r.fact { "fact" } else { "indicator" }>
            <th scope="row">
                {r.label}
                {r.definition.map(|d| view! { <span class="definition">{d}</span> })}
            </th>
            {r.cells.into_iter().map(|c| view! { <td>{value_cell(c)}</td> }).collect_view()}
        </tr>
    }
}

#[component]
pub fn SideBySidePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_context::<RequestContext>().unwrap_or_default().query;
    let data = side_by_side(query);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => {
                        let charts = v
                            .indicators
                            .iter()
                            .filter_map(|r| r.chart.clone().map(|(scale, bars)| bar_chart(r.label.clone(), scale, bars)))
                            .collect_view();
                        let has_columns = !v.columns.is_empty();
                        let heads = v
                            .columns
                            .into_iter()
                            .map(|c| view! {
                                <th scope="col">
                                    <a href=c.href>{c.name}</a>
                                    {c.apply.map(|a| view! { <a class="button small" href=a.href>{a.text}</a> })}
                                    <a class="remove" href=c.remove.href>{c.remove.text}</a>
                                </th>
                            })
                            .collect_view();
                        view! {
                            <Title text=format!("{} – {}", v.title, i18n.t("site-name"))/>
                            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumb-label")>
                                <ol>
                                    <li><a href="/compare">{i18n.t("nav-compare")}</a></li>
                                    <li><a href=v.back.href>{v.back.text}</a></li>
                                </ol>
                            </nav>
                            <h1>{v.title}</h1>
                            <Notices notices=v.notices/>
                            {v.empty.map(|e| view! { <p class="empty">{e}</p> })}
                            {has_columns.then(|| view! {
                                <div class="table-scroll" role="region" aria-labelledby="sbs-caption" tabindex="0">
                                    <table class="side-by-side">
                                        <caption id="sbs-caption">{v.caption}</caption>
                                        <thead><tr><td></td>{heads}</tr></thead>
                                        <tbody>
                                            {v.facts.into_iter().map(row).collect_view()}
                                            {v.indicators.into_iter().map(row).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                <p class="hint">{v.threshold_note}</p>
                                <h2>{v.charts_heading}</h2>
                                <div class="charts">{charts}</div>
                            })}
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
