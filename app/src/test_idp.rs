//! The built-in test identity provider's persona picker (development only; the server renders it
//! for a checked authorization request, and the page is empty without one).

use crate::i18n::use_i18n;
use crate::ui::Title;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaChoice {
    pub key: String,
    pub name: String,
    /// Role slugs, shown translated.
    pub roles: Vec<String>,
}

/// What the server hands the picker page in the request's extensions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaPicker {
    pub realm: String,
    pub action: String,
    pub personas: Vec<PersonaChoice>,
    /// e-ID: the levels of assurance to choose from (`substantial`, `low`), the first chosen.
    pub levels: Vec<String>,
    /// The authorization request's parameters, sent back with the choice.
    pub hidden: Vec<(String, String)>,
}

fn picker() -> Option<PersonaPicker> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().and_then(|p| p.extensions.get::<PersonaPicker>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

#[component]
pub fn TestIdpPickerPage() -> impl IntoView {
    let i18n = use_i18n();
    let Some(p) = picker() else {
        return view! { <crate::ui::ErrorPage error=crate::error::AppError::NotFound.respond()/> }.into_any();
    };
    let title = if p.realm == "staff" { i18n.t("test-idp-title-staff") } else { i18n.t("test-idp-title-eid") };
    let hidden = p.hidden.into_iter().map(|(k, v)| view! { <input type="hidden" name=k value=v/> }).collect_view();
    let choices = p
        .personas
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let id = format!("persona-{}", c.key);
            let roles = c.roles.iter().map(|r| i18n.t(&format!("role-{r}"))).collect::<Vec<_>>().join(", ");
            view! {
                <div class="radio">
                    <input type="radio" id=id.clone() name="persona" value=c.key checked=i == 0/>
                    <label for=id>{c.name} <span class="hint">{format!(" – {roles}")}</span></label>
                </div>
            }
        })
        .collect_view();
    let levels = (!p.levels.is_empty()).then(|| {
        let radios = p
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let id = format!("level-{l}");
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name="level" value=l.clone() checked=i == 0/>
                        <label for=id>{i18n.t(&format!("test-idp-level-{l}"))}</label>
                    </div>
                }
            })
            .collect_view();
        view! { <fieldset><legend>{i18n.t("test-idp-level")}</legend>{radios}</fieldset> }
    });
    view! {
        <Title text=format!("{title} – {}", i18n.t("site-name"))/>
        <h1>{title}</h1>
        <p class="notice">{i18n.t("test-idp-warning")}</p>
        <form method="post" action=p.action>
            {hidden}
            <fieldset>
                <legend>{i18n.t("test-idp-choose")}</legend>
                {choices}
            </fieldset>
            {levels}
            <div class="button-row">
                <button type="submit" name="sign_in" value="1">{i18n.t("test-idp-sign-in")}</button>
                <button type="submit" name="cancel" value="1" class="secondary">{i18n.t("test-idp-cancel")}</button>
            </div>
        </form>
    }
    .into_any()
}
