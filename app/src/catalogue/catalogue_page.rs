//! `/services`: the searchable, filterable catalogue. The form is a GET form, so search, filters
//! and pagination work without JavaScript; the [`LiveSearch`](super::LiveSearch) island adds
//! results-as-you-type.

use super::live_search::LiveSearch;
use super::server::catalogue_results;
use crate::context::RequestContext;
use crate::i18n::use_i18n;
use crate::ui::{ErrorPage, IslandScripts};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_context::<RequestContext>().unwrap_or_default().query;
    // Loaded once per render: Suspense may run its children more than once.
    let data = OnceResource::new(catalogue_results(query));
    view! {
        <IslandScripts/>
        <Suspense fallback=|| ()>
            {move || {
                Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! {
                            <Title text=format!("{} – {}", view.title, i18n.t("site-name"))/>
                            <h1>{view.title.clone()}</h1>
                            <LiveSearch form=view.form results=view.results/>
                        }
                        .into_any(),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
