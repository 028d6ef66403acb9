//! `/business`: the guide. One page of questions at a time as a GET form (answers so far travel
//! as hidden fields), then the permits with everything needed to apply, or the contradictions to
//! resolve, or the way to the business guide team.

use super::components::{permit_facts, Answers};
use super::server::business_guide;
use super::view::{AskView, ContradictionView, GuideStep, QuestionView, ResultView};
use crate::bundles::view::ApplyOffer;
use crate::catalogue::view_model::LinkView;
use crate::context::RequestContext;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage, Notices};
use leptos::prelude::*;

#[component]
pub fn BusinessGuidePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_context::<RequestContext>().unwrap_or_default().query;
    let data = business_guide(query);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => {
                        let heading = match &v.step {
                            GuideStep::Result(r) => i18n.ta("business-result-title", &[("count", r.permits.len().into())]),
                            _ => i18n.t("business-title"),
                        };
                        let step = match v.step {
                            GuideStep::Ask(ask) => ask_form(ask, i18n).into_any(),
                            GuideStep::CatchAll { link } => catch_all(link, i18n).into_any(),
                            GuideStep::Contradictions(c) => contradictions(c, i18n).into_any(),
                            GuideStep::Result(r) => result(r, v.version, v.offer, i18n).into_any(),
                        };
                        view! {
                            <Title text=format!("{heading} – {}", i18n.t("site-name"))/>
                            <p class="caption">{i18n.t("business-caption")}</p>
                            <h1>{heading}</h1>
                            <p class="lead">{i18n.t("business-intro")}</p>
                            <Notices notices=v.notices/>
                            {step}
                            <Answers answered=v.answered restart_href=v.restart_href changeable=true/>
                        }
                        .into_any()
                    }
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn question(q: QuestionView, i18n: I18n) -> impl IntoView {
    let id = format!("q-{}", q.id);
    let hint_id = q.hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = q.error.as_ref().map(|_| format!("{id}-error"));
    let described = match (&hint_id, &error_id) {
        (None, None) => None,
        (h, e) => Some([h.clone(), e.clone()].into_iter().flatten().collect::<Vec<_>>().join(" ")),
    };
    let label = if q.optional { format!("{} ({})", q.label, i18n.t("field-optional")) } else { q.label.clone() };
    let class = if q.error.is_some() { "field has-error" } else { "field" };
    let hint = q.hint.clone().map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> });
    let error = q.error.clone().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> });
    let invalid = q.error.is_some().then_some("true");
    if q.kind == "text" {
        return view! {
            <div class=class>
                <label for=id.clone()>{label}</label>
                {hint}
                {error}
                <input type="text" id=id name=q.id.clone() value=q.value.clone() maxlength="200"
                    autocomplete="street-address" aria-invalid=invalid aria-describedby=described/>
            </div>
        }
        .into_any();
    }
    let items = q
        .options
        .iter()
        .enumerate()
        .map(|(i, (value, text))| {
            let oid = format!("{id}-{i}");
            view! {
                <div class="radio">
                    <input type="radio" id=oid.clone() name=q.id.clone() value=value.clone() checked=q.value == *value
                        aria-describedby=(i == 0).then(|| described.clone()).flatten()/>
                    <label for=oid>{text.clone()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=class>
            <fieldset id=id aria-invalid=invalid>
                <legend>{label}</legend>
                {hint}
                {error}
                {items}
            </fieldset>
        </div>
    }
    .into_any()
}

fn ask_form(ask: AskView, i18n: I18n) -> impl IntoView {
    let errors: Vec<(String, String)> =
        ask.questions.iter().filter_map(|q| q.error.clone().map(|e| (format!("#q-{}", q.id), e))).collect();
    let summary = (!errors.is_empty()).then(|| {
        view! {
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
                <h2 id="error-summary-title">{i18n.t("form-error-summary")}</h2>
                <ul>{errors.into_iter().map(|(href, e)| view! { <li><a href=href>{e}</a></li> }).collect_view()}</ul>
            </div>
        }
    });
    let hidden = ask
        .hidden
        .into_iter()
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view();
    let questions = ask.questions.into_iter().map(|q| question(q, i18n)).collect_view();
    view! {
        {summary}
        <form method="get" action="/business" class="guide-form" novalidate=true>
            {hidden}
            <input type="hidden" name="asked" value=ask.asked/>
            {questions}
            <button type="submit" class="button">{i18n.t("business-next")}</button>
        </form>
    }
}

fn catch_all(link: LinkView, i18n: I18n) -> impl IntoView {
    view! {
        <section class="notice" aria-labelledby="catch-all-heading">
            <h2 id="catch-all-heading">{i18n.t("business-catch-all-title")}</h2>
            <p>{i18n.t("business-catch-all-text")}</p>
            <p><a class="button" href=link.href>{link.text}</a></p>
        </section>
    }
}

fn contradictions(items: Vec<ContradictionView>, i18n: I18n) -> impl IntoView {
    let list = items
        .into_iter()
        .map(|c| {
            let changes = c.changes.into_iter().map(|l| view! { <li><a href=l.href>{l.text}</a></li> }).collect_view();
            view! { <li><p>{c.explanation}</p><ul>{changes}</ul></li> }
        })
        .collect_view();
    view! {
        <section class="error-summary" aria-labelledby="contradictions-heading">
            <h2 id="contradictions-heading">{i18n.t("business-contradictions-title")}</h2>
            <p>{i18n.t("business-contradictions-text")}</p>
            <ul>{list}</ul>
        </section>
    }
}

/// "Apply for all of them at once": sign in, choose the organisation, start one bundle.
fn offer(o: ApplyOffer, query: &str, count: usize, i18n: I18n) -> impl IntoView {
    let ctx = crate::context::current();
    let flash = ctx.flash_for("bundle-start").cloned();
    let error = flash.as_ref().and_then(|f| f.message("organisation", i18n.lang));
    let chosen = flash.as_ref().and_then(|f| f.value("organisation")).map(str::to_owned);
    let body = if let Some(href) = o.sign_in_href {
        view! { <p><a class="button" href=href>{i18n.t("bundle-sign-in-to-apply")}</a></p> }.into_any()
    } else if let Some(why) = o.refusal {
        view! { <p class="notice">{why}</p> }.into_any()
    } else {
        let first = o.organisations.first().map(|(n, _)| n.clone()).unwrap_or_default();
        let chosen = chosen.unwrap_or(first);
        let choices = o
            .organisations
            .iter()
            .map(|(number, name)| {
                let id = format!("apply-org-{number}");
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name="organisation" value=number.clone() checked=chosen == *number/>
                        <label for=id>{format!("{name} ({number})")}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <form method="post" action="/api/business/apply/start" novalidate=true>
                <CsrfField/>
                <input type="hidden" name="query" value=query.to_owned()/>
                <div class=if error.is_some() { "field has-error" } else { "field" }>
                    <fieldset aria-describedby=error.is_some().then_some("apply-org-error")>
                        <legend>{i18n.t("bundle-choose-organisation")}</legend>
                        {error.clone().map(|e| view! { <p class="field-error" id="apply-org-error">{e}</p> })}
                        {choices}
                    </fieldset>
                </div>
                <button type="submit" class="button">{i18n.ta("bundle-start", &[("count", count.into())])}</button>
            </form>
        }
        .into_any()
    };
    let drafts = (!o.drafts.is_empty()).then(|| {
        view! { <ul>{o.drafts.into_iter().map(|l| view! { <li><a href=l.href>{l.text}</a></li> }).collect_view()}</ul> }
    });
    view! {
        <section class="panel apply-all" id="apply-all" aria-labelledby="apply-all-heading">
            <h2 id="apply-all-heading">{i18n.t("bundle-offer-title")}</h2>
            <p>{i18n.t("bundle-offer-text")}</p>
            {drafts}
            {body}
        </section>
    }
}

fn result(r: ResultView, version: u32, apply: Option<ApplyOffer>, i18n: I18n) -> impl IntoView {
    let count = r.permits.len();
    let apply = apply.map(|o| offer(o, &r.query, count, i18n));
    let permits = r
        .permits
        .iter()
        .map(|p| {
            view! {
                <li class="permit" id=format!("permit-{}", p.key)>
                    <h3>{p.name.clone()}</h3>
                    <p>{p.summary.clone()}</p>
                    {permit_facts(p)}
                    {p.more.clone().map(|href| view! {
                        <p><a href=href>{i18n.t("business-more")}<span class="visually-hidden">{format!(": {}", p.name)}</span></a></p>
                    })}
                </li>
            }
        })
        .collect_view();
    let notes = (!r.notes.is_empty()).then(|| {
        view! {
            <section aria-labelledby="notes-heading">
                <h2 id="notes-heading">{i18n.t("business-notes-title")}</h2>
                <ul>{r.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </section>
        }
    });
    view! {
        <section class="guide-result" aria-labelledby="result-heading">
            <h2 id="result-heading">{i18n.t("business-result-order")}</h2>
            <ol class="permit-list">{permits}</ol>
        </section>
        {notes}
        {apply}
        <p><a class="button secondary" href=format!("/business/checklist?{}", r.query)>{i18n.t("business-checklist-link")}</a></p>
        <p class="meta">{i18n.ta("business-rules-version", &[("version", version.into())])}</p>
    }
}
