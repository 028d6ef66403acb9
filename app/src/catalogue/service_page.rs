//! `/services/{slug}`: one service, with its e-service's start link or, for a service another
//! authority runs, a labelled link out.

use super::components::OperatingMessages;
use super::server::service_page;
use super::view_model::ServiceView;
use crate::i18n::{use_i18n, I18n};
use crate::stats::ServiceLevel;
use crate::ui::Title;
use crate::ui::{ErrorPage, Markup};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Loads the service named in the URL and renders it with `render`, or the error page.
fn with_service(render: fn(ServiceView, I18n) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    // One future, awaited by one Suspend made once (not in a closure, which Suspense may
    // call more than once): the loader runs exactly once per page view.
    let data = service_page(slug);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                    match data.await {
                        Ok(s) => render(s, i18n),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })}
        </Suspense>
    }
}

#[component]
pub fn ServicePage() -> impl IntoView {
    with_service(|s, i18n| {
        let article = service_article(s.clone(), i18n);
        view! {
            <Title text=format!("{} – {}", s.title, i18n.t("site-name"))/>
            <nav class="breadcrumbs" aria-label=i18n.t("breadcrumb-label")>
                <ol>
                    <li><a href="/">{i18n.t("nav-start")}</a></li>
                    <li><a href=s.situation.href>{s.situation.text}</a></li>
                    <li><a href=format!("/services/{}", s.slug) aria-current="page">{s.title.clone()}</a></li>
                </ol>
            </nav>
            {article}
        }
        .into_any()
    })
}

/// The page's content as residents see it (the service page, and the editors' preview).
pub fn service_article(s: ServiceView, i18n: I18n) -> AnyView {
    let facts = s.facts.into_iter().map(|f| view! { <dt>{f.label}</dt><dd>{f.value}</dd> }).collect_view();
    view! {
        <article class="service" lang=s.content_lang.clone()>
            {s.not_in_language.map(|n| view! { <p class="note" lang=i18n.lang.code()>{n}</p> })}
            <h1>{s.title}</h1>
            <p class="lead">{s.summary}</p>
            <OperatingMessages messages=s.messages heading=i18n.t("messages-heading")/>
            <Markup blocks=s.body/>
            {s.start.map(|l| view! { <p><a class="button" href=l.href>{l.text}</a></p> })}
            {s.external.map(|x| view! {
                <div class="external-service">
                    <p>{x.runs_it}</p>
                    <p>
                        <a class="button" href=x.link.href rel="external noopener">{x.link.text}</a>
                    </p>
                    <p class="hint">{x.leaving}</p>
                </div>
            })}
            {s.no_e_service.map(|n| view! { <p class="note">{n}</p> })}
            <dl class="facts">{facts}</dl>
            {s.level.map(|level| view! { <ServiceLevel level=level/> })}
            <p class="meta">{s.reviewed}</p>
        </article>
    }
    .into_any()
}
