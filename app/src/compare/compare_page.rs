//! `/compare`: choose a kind, filter, sort, choose up to four. GET forms throughout, so it works
//! without JavaScript; the [`LiveResults`](crate::ui::LiveResults) island adds live updates.

use super::components::{Filters, ResultsSection};
use super::server::compare_results;
use crate::context::RequestContext;
use crate::i18n::use_i18n;
use crate::ui::Title;
use crate::ui::{ErrorPage, IslandScripts, LiveResults, Notices};
use leptos::prelude::*;

#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_context::<RequestContext>().unwrap_or_default().query;
    // One future, awaited by one Suspend made once: the loader runs once per view.
    let data = compare_results(query);
    view! {
        <IslandScripts/>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => {
                        let kinds = v
                            .kinds
                            .into_iter()
                            .map(|k| {
                                let current = k.current.then_some("page");
                                view! {
                                    <li><a href=k.href aria-current=current>{k.count}</a></li>
                                }
                            })
                            .collect_view();
                        view! {
                            <Title text=format!("{} – {}", v.title, i18n.t("site-name"))/>
                            <h1>{v.title}</h1>
                            <p class="lead">{v.intro}</p>
                            <Notices notices=v.notices/>
                            <nav class="kind-menu" aria-label=v.kinds_label><ul>{kinds}</ul></nav>
                            {match (v.form, v.results) {
                                (Some(form), Some(results)) => view! {
                                    <LiveResults>
                                        <Filters form=form/>
                                        <ResultsSection results=results/>
                                    </LiveResults>
                                }
                                .into_any(),
                                _ => ().into_any(),
                            }}
                            <p class="meta"><a href=v.open_data.href>{v.open_data.text}</a></p>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
