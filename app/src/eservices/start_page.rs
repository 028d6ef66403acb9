//! `/services/{slug}/start`: what the e-service is for, what you need, how long it takes, and the
//! start button (or sign-in first, or your drafts to continue).

use super::server::load_start;
use super::view::StartView;
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ApplyStartPage() -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_params_map().read_untracked().get("slug").unwrap_or_default();
    let data = load_start(slug);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => start(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn start(v: StartView, i18n: I18n) -> impl IntoView {
    let back = view! { <p><a href=format!("/services/{}", v.slug)>{i18n.t("back-to-service")}</a></p> };
    let steps = v.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view();
    let documents = (!v.documents.is_empty()).then(|| {
        let items = v.documents.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view();
        view! {
            <h2>{i18n.t("apply-documents-heading")}</h2>
            <ul>{items}</ul>
        }
    });
    let drafts = (!v.drafts.is_empty()).then(|| {
        let items =
            v.drafts.iter().map(|d| view! { <li><a href=d.href.clone()>{d.text.clone()}</a></li> }).collect_view();
        view! {
            <section class="panel" aria-labelledby="drafts-heading">
                <h2 id="drafts-heading">{i18n.t("apply-drafts-heading")}</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    let preselect_note = v.preselect.as_ref().map(|p| view! { <p class="notice" role="status">{p.text.clone()}</p> });
    let unit = v.preselect.as_ref().map(|p| p.unit.clone());
    let action = match (v.signed_in, v.refusal.clone()) {
        (false, _) => {
            let mut to = format!("/services/{}/start", v.slug);
            if let Some(u) = &unit {
                to.push_str(&format!("?unit={}", stadsporten_domain::catalogue::encode_component(u)));
            }
            let acr = v.acr.as_ref().map(|a| format!("&acr={a}")).unwrap_or_default();
            let href =
                format!("/auth/login?as=resident{acr}&to={}", stadsporten_domain::catalogue::encode_component(&to));
            view! {
                <p>{i18n.t("apply-sign-in-first")}</p>
                <p><a class="button" href=href>{i18n.t("apply-sign-in")}</a></p>
            }
            .into_any()
        }
        (true, Some(why)) => view! { <p class="notice">{why}</p> }.into_any(),
        (true, None) if v.step_up.is_some() => view! {
            <div class="notice warning" role="note">
                <p>{i18n.t("apply-assurance-needed")}</p>
                <p><a class="button" href=v.step_up.clone().unwrap_or_default()>{i18n.t("apply-assurance-sign-in")}</a></p>
            </div>
        }
        .into_any(),
        (true, None) => view! {
            <form method="post" action="/api/apply/start">
                <CsrfField/>
                <input type="hidden" name="slug" value=v.slug.clone()/>
                {unit.map(|u| view! { <input type="hidden" name="unit" value=u/> })}
                <button type="submit" class="button">{i18n.t("apply-start")}</button>
            </form>
        }
        .into_any(),
    };
    view! {
        <Title text=format!("{} – {}", v.title, i18n.t("site-name"))/>
        {v.not_in_language.clone().map(|(note, _)| view! { <p class="note">{note}</p> })}
        <h1 lang=v.not_in_language.as_ref().map(|(_, l)| l.clone())>{v.title.clone()}</h1>
        <p class="lead">{v.intro.clone()}</p>
        <dl class="facts">
            <dt>{i18n.t("apply-handled-by")}</dt>
            <dd>{v.unit_name.clone()}</dd>
            <dt>{i18n.t("apply-handling-time")}</dt>
            <dd>{i18n.ta(if v.working_days { "apply-working-days" } else { "apply-days" }, &[("days", v.handling_days.into())])}</dd>
        </dl>
        {preselect_note}
        {v.protection.clone().map(|p| view! {
            <section class="panel protection" aria-labelledby="protection-heading">
                <h2 id="protection-heading">{i18n.t("apply-protection-heading")}</h2>
                <p>{p}</p>
            </section>
        })}
        <h2>{i18n.t("apply-steps-heading")}</h2>
        <ol>{steps}</ol>
        {documents}
        {drafts}
        {action}
        {back}
    }
    .into_any()
}
