//! Post/redirect/get with nothing lost: when a form is refused, what the person typed and what was
//! wrong are kept in the session for the one page view that follows, so the form comes back filled
//! in with the errors beside the fields — with or without JavaScript.

use serde::{Deserialize, Serialize};

pub const FLASH_KEY: &str = "flash";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FormFlash {
    /// Which form it belongs to.
    pub form: String,
    /// The submitted values, by field name.
    pub values: Vec<(String, String)>,
    /// Field name and fluent id of each error, in the form's order.
    pub errors: Vec<(String, String)>,
    /// Arguments of the errors' messages: (field name, argument, value).
    #[serde(default)]
    pub args: Vec<(String, String, String)>,
}

impl FormFlash {
    pub fn value(&self, field: &str) -> Option<&str> {
        self.values.iter().find(|(k, _)| k == field).map(|(_, v)| v.as_str())
    }

    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(k, _)| k == field).map(|(_, v)| v.as_str())
    }

    /// Every value of a field (checkboxes send one per ticked box).
    pub fn values_of(&self, field: &str) -> Vec<&str> {
        self.values.iter().filter(|(k, _)| k == field).map(|(_, v)| v.as_str()).collect()
    }

    /// The error of a field as a translated message, with its arguments.
    pub fn message(&self, field: &str, lang: stadsporten_domain::Lang) -> Option<String> {
        let id = self.error(field)?;
        let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = self
            .args
            .iter()
            .filter(|(f, _, _)| f == field)
            .map(|(_, k, v)| (k.as_str(), fluent_bundle::FluentValue::from(v.clone())))
            .collect();
        Some(crate::i18n::ta(lang, id, &args))
    }
}

/// The form name of a form parked when the session had ended: what was typed, to be filled in
/// again on the page it came from after signing in (any form on that page may use it).
pub const PARKED: &str = "parked";

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::error::AppError;

    async fn session() -> Result<tower_sessions::Session, AppError> {
        leptos_axum::extract::<tower_sessions::Session>().await.map_err(|_| AppError::Internal)
    }

    /// Keeps a refused form for the next page view.
    pub async fn keep(flash: &FormFlash) -> Result<(), AppError> {
        session().await?.insert(FLASH_KEY, flash).await.map_err(|e| {
            tracing::error!(error = %e, "could not keep a form in the session");
            AppError::Internal
        })
    }
}

#[cfg(feature = "ssr")]
pub use server::keep;
