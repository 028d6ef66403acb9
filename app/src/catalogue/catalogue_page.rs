//! `/services`: the searchable, filterable catalogue. The form is a GET form, so search, filters
//! and pagination work without JavaScript; the [`LiveResults`](crate::ui::LiveResults) island adds
//! results-as-you-type.

use super::components::{SearchForm, SearchResults};
use super::server::catalogue_results;
use crate::context::RequestContext;
use crate::i18n::use_i18n;
use crate::ui::Title;
use crate::ui::{ErrorPage, IslandScripts, LiveResults};
use leptos::prelude::*;

#[component]
pub fn CataloguePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_context::<RequestContext>().unwrap_or_default().query;
    // One future, awaited by one Suspend made once (not in a closure, which Suspense may
    // call more than once): the loader runs exactly once per page view.
    let data = catalogue_results(query);
    view! {
        <IslandScripts/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                    match data.await {
                        Ok(view) => view! {
                            <Title text=format!("{} – {}", view.title, i18n.t("site-name"))/>
                            <h1>{view.title.clone()}</h1>
                            <LiveResults>
                                <SearchForm form=view.form/>
                                <SearchResults results=view.results/>
                            </LiveResults>
                        }
                        .into_any(),
                        Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                    }
                })}
        </Suspense>
    }
}
