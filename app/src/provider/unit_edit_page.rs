//! `/provider/units/{id}`: the edit form for one unit's facts (a plain POST to the server's
//! `/provider/units/{id}` route; refused input comes back with the errors and nothing lost) and
//! the unit's change history.

use super::server::load_unit_edit;
use super::view::{EditField, UnitEditView};
use crate::i18n::{use_i18n, I18n};
use crate::ui::Title;
use crate::ui::{textarea_text, CsrfField, ErrorPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

fn input_id(name: &str) -> String {
    format!("provider-{}", name.replace('_', "-"))
}

fn text_field(f: EditField, multiline: bool) -> impl IntoView {
    let id = input_id(&f.name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = [f.hint.as_ref().map(|_| hint_id.clone()), f.error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = f.error.as_ref().map(|_| "true");
    let class = if f.error.is_some() { "field has-error" } else { "field" };
    let input = if multiline {
        view! {
            <textarea id=id.clone() name=f.name rows="4" maxlength="1000" lang=f.lang
                aria-describedby=described aria-invalid=invalid>{textarea_text(&f.value)}</textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=f.name type="text" value=f.value maxlength="200"
                aria-describedby=described aria-invalid=invalid/>
        }
        .into_any()
    };
    view! {
        <div class=class>
            <label for=id>{f.label}</label>
            {f.hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {f.error.map(|e| view! { <p class="error" id=error_id>{e}</p> })}
            {input}
        </div>
    }
}

fn checks(
    name: &'static str,
    legend: String,
    options: Vec<crate::catalogue::view_model::OptionView>,
    error: Option<String>,
) -> impl IntoView {
    let id = input_id(name);
    let error_id = format!("{id}-error");
    let boxes = options
        .into_iter()
        .map(|o| {
            let box_id = format!("{id}-{}", o.value);
            view! {
                <span class="check">
                    <input type="checkbox" name=name id=box_id.clone() value=o.value checked=o.selected/>
                    <label for=box_id>{o.label}</label>
                </span>
            }
        })
        .collect_view();
    let described = error.as_ref().map(|_| error_id.clone());
    view! {
        <fieldset class="checks" id=id aria-describedby=described>
            <legend>{legend}</legend>
            {error.map(|e| view! { <p class="error" id=error_id>{e}</p> })}
            {boxes}
        </fieldset>
    }
}

fn page(v: UnitEditView, i18n: I18n) -> impl IntoView {
    let summary = (!v.errors.is_empty()).then(|| {
        let items =
            v.errors.iter().map(|(href, m)| view! { <li><a href=href.clone()>{m.clone()}</a></li> }).collect_view();
        view! {
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1">
                <h2>{i18n.t("form-error-summary")}</h2>
                <ul>{items}</ul>
            </div>
        }
    });
    let history = v
        .history
        .into_iter()
        .map(|h| view! { <tr><td>{h.when}</td><td>{h.who}</td><td>{h.what}</td></tr> })
        .collect_view();
    view! {
        <Title text=format!("{} – {}", v.name, i18n.t("site-name"))/>
        <nav class="breadcrumbs" aria-label=i18n.t("breadcrumb-label")>
            <ol><li><a href="/provider">{i18n.t("provider-title")}</a></li></ol>
        </nav>
        <h1>{v.name.clone()}</h1>
        <p class="meta">{v.operator}" · "<a href=v.public.href>{v.public.text}</a></p>
        {v.saved.map(|s| view! { <p class="notice" role="status">{s}</p> })}
        {summary}
        <form method="post" action=format!("/provider/units/{}", v.id) class="provider-form">
            <CsrfField/>
            <fieldset>
                <legend>{i18n.t("provider-descriptions")}</legend>
                {v.descriptions.into_iter().map(|f| text_field(f, true)).collect_view()}
            </fieldset>
            <fieldset>
                <legend>{i18n.t("provider-hours")}</legend>
                {text_field(v.hours, false)}
                <p class="check">
                    <input type="checkbox" name="weekends" id="provider-weekends" value="1" checked=v.weekends/>
                    <label for="provider-weekends">{i18n.t("provider-field-weekends")}</label>
                </p>
            </fieldset>
            {checks("languages", i18n.t("provider-field-languages"), v.languages, v.languages_error)}
            {checks("profiles", i18n.t("provider-field-profiles"), v.profiles, v.profiles_error)}
            <fieldset>
                <legend>{i18n.t("provider-contact")}</legend>
                {v.contact.into_iter().map(|f| text_field(f, false)).collect_view()}
            </fieldset>
            <p class="check">
                <input type="checkbox" name="has_places" id="provider-has-places" value="1" checked=v.has_places/>
                <label for="provider-has-places">{i18n.t("provider-field-has-places")}</label>
            </p>
            <p class="hint">{i18n.t("provider-publish-note")}</p>
            <button type="submit" class="button">{i18n.t("provider-save")}</button>
        </form>
        <h2>{i18n.t("provider-history")}</h2>
        <div class="table-scroll" role="region" aria-labelledby="provider-history-caption" tabindex="0">
            <table>
                <caption id="provider-history-caption">{i18n.t("provider-history-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("provider-col-when")}</th>
                        <th scope="col">{i18n.t("provider-col-who")}</th>
                        <th scope="col">{i18n.t("provider-col-what")}</th>
                    </tr>
                </thead>
                <tbody>{history}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn ProviderUnitPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().read_untracked().get("id").unwrap_or_default();
    let data = load_unit_edit(id);
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match data.await {
                    Ok(v) => page(v, i18n).into_any(),
                    Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
