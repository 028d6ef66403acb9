//! The `/stats` pages: the overview, one e-service's journey, and the yearly value report. Each is
//! a plain GET form of filters and server-rendered charts with their tables: everything works
//! without JavaScript, every view is a link, and the report prints.

use super::server::{load_dashboard, load_report, load_service_stats};
use super::view::{Choice, FilterForm, LinkTable};
use crate::i18n::{use_i18n, I18n};
use crate::ui::chart::{BarChart, DataTable};
use crate::ui::{ErrorPage, LinkView, Title};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn select(
    name: &'static str,
    label: String,
    any: String,
    choices: Vec<Choice>,
    current: Option<String>,
) -> impl IntoView {
    let options = choices
        .into_iter()
        .map(|c| {
            let selected = current.as_deref() == Some(c.value.as_str());
            view! { <option value=c.value selected=selected>{c.label}</option> }
        })
        .collect_view();
    view! {
        <div class="field inline">
            <label for=format!("f-{name}")>{label}</label>
            <select id=format!("f-{name}") name=name>
                <option value="">{any}</option>
                {options}
            </select>
        </div>
    }
}

/// The filters: period (months), unit and service, as a GET form.
fn filters(f: FilterForm, i18n: I18n, year: Option<(Vec<Choice>, String)>) -> impl IntoView {
    let period = match year {
        Some((years, current)) => view! {
            {select("year", i18n.t("stats-filter-year"), i18n.t("stats-filter-this-year"), years, Some(current))}
        }
        .into_any(),
        None => view! {
            <div class="field inline">
                <label for="f-from">{i18n.t("stats-filter-from")}</label>
                <input type="month" id="f-from" name="from" value=f.from placeholder="2026-01"/>
            </div>
            <div class="field inline">
                <label for="f-to">{i18n.t("stats-filter-to")}</label>
                <input type="month" id="f-to" name="to" value=f.to placeholder="2026-12"/>
            </div>
        }
        .into_any(),
    };
    let units = (!f.units.is_empty())
        .then(|| select("unit", i18n.t("stats-filter-unit"), i18n.t("stats-filter-all-units"), f.units, f.unit));
    let services = (!f.services.is_empty()).then(|| {
        select("service", i18n.t("stats-filter-service"), i18n.t("stats-filter-all-services"), f.services, f.service)
    });
    view! {
        <form method="get" action=f.action class="filters" aria-label=i18n.t("stats-filter-label")>
            {period}
            {units}
            {services}
            <button type="submit" class="button secondary">{i18n.t("stats-filter-show")}</button>
        </form>
    }
}

fn notices(items: Vec<String>) -> impl IntoView {
    items.into_iter().map(|n| view! { <div class="notice" role="status"><p>{n}</p></div> }).collect_view()
}

/// Key figures: the number large, what qualifies it (an interval, a change) small beneath.
fn key_figures(items: Vec<(String, String)>) -> impl IntoView {
    let items = items
        .into_iter()
        .map(|(l, v)| {
            let (value, detail) = match v.split_once(" (") {
                Some((value, detail)) => (value.to_owned(), Some(format!("({detail}"))),
                None => (v, None),
            };
            view! { <div><dt>{l}</dt><dd>{value}{detail.map(|d| view! { " " <span class="figure-detail">{d}</span> })}</dd></div> }
        })
        .collect_view();
    view! { <dl class="figures">{items}</dl> }
}

fn downloads(links: Vec<LinkView>) -> impl IntoView {
    view! { <ul class="downloads">{links.into_iter().map(|l| view! { <li><a href=l.href>{l.text}</a></li> }).collect_view()}</ul> }
}

fn link_table(t: LinkTable) -> impl IntoView {
    let name = t.caption.clone();
    let head = t.head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view();
    let rows = t
        .rows
        .into_iter()
        .map(|(l, cells)| {
            let cells = cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view();
            view! { <tr><th scope="row"><a href=l.href>{l.text}</a></th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-label=name tabindex="0">
            <table class="data">
                <caption>{t.caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn query() -> String {
    crate::context::current().query
}

#[component]
pub fn StatsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_dashboard(query());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => view! {
                        <Title text=format!("{} – {}", v.title, i18n.t("site-name"))/>
                        <div class="stats">
                            <h1>{v.title}</h1>
                            <p class="lead">{v.intro}</p>
                            {filters(v.form, i18n, None)}
                            {notices(v.notices)}
                            <p class="meta">{i18n.ta("stats-period", &[("period", v.period.into())])}</p>
                            {key_figures(v.key_figures)}
                            <h2>{i18n.t("stats-volume-heading")}</h2>
                            <BarChart chart=v.volume show_table=v.show_table.clone() table_open=true/>
                            <h2>{i18n.t("stats-services-heading")}</h2>
                            {link_table(v.services)}
                            <DataTable table=v.units/>
                            <h2>{i18n.t("stats-digital-heading")}</h2>
                            <BarChart chart=v.digital show_table=v.show_table.clone()/>
                            <DataTable table=v.channels/>
                            <h2>{i18n.t("stats-satisfaction-heading")}</h2>
                            <p>{i18n.t("stats-satisfaction-intro")}</p>
                            <DataTable table=v.satisfaction/>
                            <h2>{i18n.t("stats-backlog-heading")}</h2>
                            <DataTable table=v.backlog/>
                            <h2>{i18n.t("stats-downloads-heading")}</h2>
                            {downloads(v.downloads)}
                        </div>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn ServiceStatsPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    let data = load_service_stats(slug, query());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => view! {
                        <Title text=format!("{} – {} – {}", v.title, i18n.t("stats-title"), i18n.t("site-name"))/>
                        <div class="stats">
                            <p><a href=v.back.href>{v.back.text}</a></p>
                            <h1>{v.title}</h1>
                            {filters(v.form, i18n, None)}
                            {notices(v.notices)}
                            <p class="meta">{i18n.ta("stats-period", &[("period", v.period.into())])}</p>
                            {key_figures(v.key_figures)}
                            <h2>{i18n.t("stats-funnel-heading")}</h2>
                            <p>{i18n.t("stats-funnel-intro")}</p>
                            <BarChart chart=v.funnel show_table=v.show_table.clone() table_open=true/>
                            <h2>{i18n.t("stats-errors-heading")}</h2>
                            <DataTable table=v.errors/>
                            <h2>{i18n.t("stats-level-heading-staff")}</h2>
                            <BarChart chart=v.level show_table=v.show_table.clone()/>
                            <h2>{i18n.t("stats-devices-heading")}</h2>
                            <DataTable table=v.devices/>
                            <h2>{i18n.t("stats-downloads-heading")}</h2>
                            {downloads(v.downloads)}
                        </div>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = load_report(query());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => view! {
                        <Title text=format!("{} – {}", v.title, i18n.t("site-name"))/>
                        <article class="stats report">
                            <h1>{v.title}</h1>
                            <p class="lead">{v.subtitle}</p>
                            <div class="no-print">
                                {filters(v.form, i18n, Some((v.years, v.year)))}
                                <p class="hint">{v.print}</p>
                            </div>
                            {notices(v.notices)}
                            <p>{v.intro}</p>
                            {key_figures(v.key_figures)}
                            <h2>{i18n.t("stats-report-channels-heading")}</h2>
                            <DataTable table=v.channels/>
                            <h2>{i18n.t("stats-report-time-heading")}</h2>
                            <p>{v.time_saved}</p>
                            <h2>{i18n.t("stats-report-services-heading")}</h2>
                            <DataTable table=v.services/>
                            <h2>{i18n.t("stats-report-staff-heading")}</h2>
                            <DataTable table=v.staff/>
                            <h2>{i18n.t("stats-report-method-heading")}</h2>
                            <ul>{v.method.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        </article>
                    }
                    .into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
