//! Server functions of the catalogue. Each: (authorise — public here), parse input into domain
//! types, call one store function, map to a translated view.

use super::view_model::{CatalogueView, ServiceView, StartView};
use crate::error::AppError;
use leptos::prelude::*;

/// `/services` with the raw query string of the URL (the page and the search island both send it).
#[server(prefix = "/api", endpoint = "catalogue/results", input = leptos::server_fn::codec::Json)]
pub async fn catalogue_results(query: String) -> Result<CatalogueView, AppError> {
    use super::view_model::{results, search_form};
    use crate::i18n::t;
    use stadsporten_domain::CatalogueQuery;
    let lang = crate::context::current().lang;
    let parsed = CatalogueQuery::from_query_string(&query).map_err(|e| AppError::BadRequest(e).respond())?;
    let store = crate::context::store()?;
    let page = store.search_services(&parsed, lang);
    Ok(CatalogueView {
        title: t(lang, "catalogue-title"),
        form: search_form(&parsed, lang),
        results: results(&parsed, page, lang),
    })
}

/// The same results as HTML: what the live island puts in place of the results section.
#[server(prefix = "/api", endpoint = "catalogue/results-html", input = leptos::server_fn::codec::Json)]
pub async fn catalogue_results_html(query: String) -> Result<String, AppError> {
    use super::components::SearchResults;
    let view = catalogue_results(query).await?;
    Ok(crate::ui::live::fragment(view! { <SearchResults results=view.results/> }))
}

/// A service page by slug.
#[server(prefix = "/api", endpoint = "catalogue/service")]
pub async fn service_page(slug: String) -> Result<ServiceView, AppError> {
    use super::view_model::service;
    use stadsporten_domain::ServiceSlug;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    // A malformed slug cannot name a service: answer as for any unknown page.
    let slug = ServiceSlug::parse(&slug).map_err(|_| AppError::NotFound.respond())?;
    let store = crate::context::store()?;
    let details = store.service_details(&slug, lang).await?.ok_or_else(|| AppError::NotFound.respond())?;
    // Seen (a page kept in memory is counted where it is served: server/src/middleware.rs).
    crate::measure::record(&store, &ctx, slug.as_str(), stadsporten_domain::measure::JourneyKind::ServicePage, "");
    let messages = ssr::messages(&store, lang, |m| m.services.contains(&slug)).await?;
    let mut view = service(&details, lang, messages);
    if details.external_url.is_none() {
        view.level = crate::stats::levels::service_level(&store, slug.as_str(), lang, ctx.now).await?;
    }
    // The unit that handles the e-service, with its public number (one employee, one number:
    // direct numbers are only in the staff directory).
    if let Some(def) = store.live_definition(slug.as_str()).await? {
        let code = def.definition.unit.clone();
        if let Some((Some(phone), _)) = store.unit_contact(&code).await? {
            let units = store.units().await?;
            let name = units.iter().find(|u| u.code.as_str() == code).map(|u| u.name(lang).to_owned()).unwrap_or(code);
            view.facts.push(super::view_model::FactView {
                label: crate::i18n::t(lang, "service-unit-contact"),
                value: crate::i18n::ta(
                    lang,
                    "service-unit-contact-value",
                    &[("unit", name.into()), ("phone", super::view_model::ltr(lang, &phone).into())],
                ),
            });
        }
    }
    Ok(view)
}

/// The start page: operating messages, life situations, most used services.
#[server(prefix = "/api", endpoint = "catalogue/start")]
pub async fn start_page() -> Result<StartView, AppError> {
    use super::view_model::{service_item, SituationView};
    use crate::i18n::{t, ta};
    let lang = crate::context::current().lang;
    let store = crate::context::store()?;
    let messages = ssr::messages(&store, lang, |_| true).await?;
    let situations = store
        .situation_counts()
        .into_iter()
        .map(|(s, n)| SituationView {
            href: format!("/services?situation={}", s.slug()),
            label: t(lang, &format!("situation-{}", s.slug())),
            count: ta(lang, "situation-count", &[("count", n.into())]),
        })
        .collect();
    let most_used = store.most_used_services(lang, 6).iter().map(|s| service_item(s, lang)).collect();
    Ok(StartView { messages, situations, most_used })
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::view_model::{message, MessageView};
    use crate::error::AppError;
    use stadsporten_db::Store;
    use stadsporten_domain::{Lang, OperatingMessage};

    /// The operating messages valid now (the request's time) that `keep` keeps, as shown, with the
    /// titles of the services and the names of the districts they concern.
    pub async fn messages(
        store: &Store,
        lang: Lang,
        keep: impl Fn(&OperatingMessage) -> bool,
    ) -> Result<Vec<MessageView>, AppError> {
        let now = crate::context::current().now;
        let current: Vec<OperatingMessage> =
            store.current_operating_messages(lang, now).await?.into_iter().filter(|m| keep(m)).collect();
        if current.is_empty() {
            return Ok(Vec::new());
        }
        let units = if current.iter().any(|m| !m.districts.is_empty()) { store.units().await? } else { Vec::new() };
        let unit_name = |code: &str| {
            units
                .iter()
                .find(|u| u.code.as_str() == code)
                .map(|u| u.name(lang).to_owned())
                .unwrap_or_else(|| code.to_owned())
        };
        let title = |slug: &stadsporten_domain::ServiceSlug| store.service_title(slug, lang);
        Ok(current.iter().map(|m| message(m, lang, &title, &unit_name)).collect())
    }
}
