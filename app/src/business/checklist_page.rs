//! `/business/checklist`: the guide's result as a printable checklist (the same answers in the
//! URL), with a box to tick for each permit and document. Answers not yet complete lead back to
//! the guide.

use super::components::{permit_facts, Answers};
use super::server::business_guide;
use super::view::GuideStep;
use crate::context::RequestContext;
use crate::i18n::use_i18n;
use crate::ui::ErrorPage;
use crate::ui::Title;
use leptos::prelude::*;

#[component]
pub fn ChecklistPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_context::<RequestContext>().unwrap_or_default().query;
    let data = business_guide(query.clone());
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let v = match data.await {
                    Ok(v) => v,
                    Err(e) => return view! { <ErrorPage error=e/> }.into_any(),
                };
                let title = i18n.t("business-checklist-title");
                let back = format!("/business?{query}");
                let GuideStep::Result(r) = v.step else {
                    return view! {
                        <Title text=format!("{title} – {}", i18n.t("site-name"))/>
                        <h1>{title}</h1>
                        <div class="notice" role="status">
                            <p>{i18n.t("business-checklist-incomplete")}</p>
                            <p><a class="button" href=back>{i18n.t("business-checklist-back")}</a></p>
                        </div>
                    }
                    .into_any();
                };
                let items = r
                    .permits
                    .iter()
                    .map(|p| {
                        let documents = p
                            .documents
                            .iter()
                            .map(|d| view! { <li><span class="box" aria-hidden="true">"☐ "</span>{d.clone()}</li> })
                            .collect_view();
                        view! {
                            <li class="permit">
                                <h2><span class="box" aria-hidden="true">"☐ "</span>{p.name.clone()}</h2>
                                {permit_facts(p)}
                                {(!p.documents.is_empty()).then(|| view! { <ul class="checklist-documents">{documents}</ul> })}
                            </li>
                        }
                    })
                    .collect_view();
                let notes = (!r.notes.is_empty()).then(|| view! {
                    <h2>{i18n.t("business-notes-title")}</h2>
                    <ul>{r.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                });
                view! {
                    <Title text=format!("{title} – {}", i18n.t("site-name"))/>
                    <p class="no-print"><a href=back class="back">{i18n.t("business-checklist-back")}</a></p>
                    <h1>{title}</h1>
                    <p class="lead">{i18n.ta("business-checklist-intro", &[("count", r.permits.len().into())])}</p>
                    <Answers answered=v.answered restart_href=v.restart_href changeable=false/>
                    <ol class="checklist">{items}</ol>
                    {notes}
                    <p class="meta">{i18n.ta("business-rules-version", &[("version", v.version.into())])}</p>
                }
                .into_any()
            })}
        </Suspense>
    }
}
