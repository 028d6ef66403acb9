//! The editors' form pieces: a labelled input with its hint and error tied to it, a group of
//! choices in a fieldset, the texts of one language in a `<details>` that works without
//! JavaScript (open when it has text or an error), and the error summary.

use super::view::{ChoiceView, InputView, LanguageFields};
use crate::i18n::I18n;
use crate::ui::textarea_text;
use leptos::prelude::*;

fn id_of(name: &str) -> String {
    format!("content-{}", name.replace('_', "-"))
}

pub fn input(f: InputView) -> impl IntoView {
    let id = id_of(&f.name);
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
    let dir = f.lang.as_deref().map(|l| if l == "ar" { "rtl" } else { "ltr" });
    let max = f.max.to_string();
    let control = if f.multiline {
        let rows = if f.name.starts_with("body") { "10" } else { "3" };
        view! {
            <textarea id=id.clone() name=f.name rows=rows maxlength=max lang=f.lang dir=dir
                aria-describedby=described aria-invalid=invalid>{textarea_text(&f.value)}</textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=f.name type=f.kind value=f.value maxlength=max lang=f.lang dir=dir
                aria-describedby=described aria-invalid=invalid/>
        }
        .into_any()
    };
    view! {
        <div class=class>
            <label for=id>{f.label}</label>
            {f.hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {f.error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
            {control}
        </div>
    }
}

pub fn choices(c: ChoiceView) -> impl IntoView {
    let id = id_of(&c.name);
    let error_id = format!("{id}-error");
    let kind = if c.multiple { "checkbox" } else { "radio" };
    let class = if c.error.is_some() { "field has-error" } else { "field" };
    let boxes = c
        .options
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            // The first box carries the group's id, so the error summary's link lands on it.
            let box_id = if i == 0 { id.clone() } else { format!("{id}-{}", o.value.to_lowercase()) };
            view! {
                <div class=kind>
                    <input type=kind name=c.name.clone() id=box_id.clone() value=o.value checked=o.selected/>
                    <label for=box_id>{o.label}</label>
                </div>
            }
        })
        .collect_view();
    let described = c.error.as_ref().map(|_| error_id.clone());
    view! {
        <div class=class>
            <fieldset aria-describedby=described>
                <legend>{c.legend}</legend>
                {c.error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
                {boxes}
            </fieldset>
        </div>
    }
}

pub fn languages(langs: Vec<LanguageFields>) -> impl IntoView {
    langs
        .into_iter()
        .map(|l| {
            let inputs = l.inputs.into_iter().map(input).collect_view();
            view! {
                <details class="language-fields" open=l.open>
                    <summary lang=l.code.clone()>{l.name}</summary>
                    {inputs}
                </details>
            }
        })
        .collect_view()
}

pub fn error_summary(errors: &[(String, String)], i18n: I18n) -> Option<impl IntoView> {
    (!errors.is_empty()).then(|| {
        let items =
            errors.iter().map(|(href, m)| view! { <li><a href=href.clone()>{m.clone()}</a></li> }).collect_view();
        view! {
            <div class="error-summary" id="error-summary" role="alert" tabindex="-1">
                <h2>{i18n.t("form-error-summary")}</h2>
                <ul>{items}</ul>
            </div>
        }
    })
}

pub fn notice(n: Option<String>) -> Option<impl IntoView> {
    n.map(|n| view! { <p class="notice" role="status">{n}</p> })
}
