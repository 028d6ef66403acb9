//! `/compare/units/{id}`: one unit's facts, description and every year of its indicators, who
//! last updated it, and "apply for a place here".

use super::components::value_cell;
use super::server::compare_unit;
use crate::i18n::use_i18n;
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn UnitPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().read_untracked().get("id").unwrap_or_default();
    let data = compare_unit(id);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(u) => {
                        let facts = u.facts.into_iter().map(|f| view! { <dt>{f.label}</dt><dd>{f.value}</dd> }).collect_view();
                        let rows = u
                            .indicators
                            .iter()
                            .flat_map(|ind| {
                                ind.years.iter().cloned().map(|v| {
                                    let cautions = v.cautions.clone();
                                    let basis = v.detail.clone();
                                    let value = crate::compare::view::ValueView { detail: String::new(), cautions: Vec::new(), ..v };
                                    view! {
                                        <tr>
                                            <th scope="row">{ind.name.clone()}</th>
                                            <td>{value_cell(value)}</td>
                                            <td>{basis}</td>
                                            <td>{cautions.into_iter().map(|c| view! { <span class="caution"><span aria-hidden="true">"⚠ "</span>{c}</span> }).collect_view()}</td>
                                        </tr>
                                    }
                                }).collect::<Vec<_>>()
                            })
                            .collect_view();
                        let definitions = u
                            .indicators
                            .into_iter()
                            .map(|ind| view! { <dt>{ind.name}</dt><dd>{ind.definition}" "<span class="meta">{ind.source}</span></dd> })
                            .collect_view();
                        let columns = u.columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view();
                        view! {
                            <Title text=format!("{} – {}", u.name, i18n.t("site-name"))/>
                            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumb-label")>
                                <ol>
                                    <li><a href="/compare">{i18n.t("nav-compare")}</a></li>
                                    <li><a href=u.list.href>{u.list.text}</a></li>
                                </ol>
                            </nav>
                            <article class="unit">
                                <p class="kicker">{u.kind}</p>
                                <h1>{u.name}</h1>
                                <p class="meta updated">{u.updated}</p>
                                <p class="lead" lang=u.description_lang>{u.description}</p>
                                <p class="actions">
                                    {u.apply.map(|a| view! { <a class="button" href=a.href>{a.text}</a> })}
                                    <a href=u.compare.href>{u.compare.text}</a>
                                    <a href=u.feedback.href>{u.feedback.text}</a>
                                </p>
                                {u.apply_note.map(|n| view! { <p class="note">{n}</p> })}
                                <dl class="facts">{facts}</dl>
                                <h2>{u.indicators_heading}</h2>
                                {u.no_indicators.map(|n| view! { <p>{n}</p> })}
                                <div class="table-scroll" role="region" aria-labelledby="unit-indicators-caption" tabindex="0">
                                    <table class="indicators">
                                        <caption id="unit-indicators-caption">{u.table_caption}</caption>
                                        <thead><tr>{columns}</tr></thead>
                                        <tbody>{rows}</tbody>
                                    </table>
                                </div>
                                <p class="hint">{u.threshold_note}</p>
                                <dl class="definitions">{definitions}</dl>
                            </article>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
