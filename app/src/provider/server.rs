//! Server functions of the provider portal. Every function checks `edit-provider-units` on the
//! unit's operator; unit facts are not personal data, so reads are not audited (writes are, by the
//! save route in the server crate).

use super::view::{PortalView, UnitEditView};
use crate::error::AppError;
use leptos::prelude::*;

/// The organisations the signed-in editor may edit for, with their units.
#[server(prefix = "/api", endpoint = "provider/portal", input = server_fn::codec::GetUrl)]
pub async fn load_portal() -> Result<PortalView, AppError> {
    ssr::portal().await
}

/// One unit's edit form (with a refused form's values and errors when there is one).
#[server(prefix = "/api", endpoint = "provider/unit", input = server_fn::codec::GetUrl)]
pub async fn load_unit_edit(id: String) -> Result<UnitEditView, AppError> {
    ssr::unit_edit(&id).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::super::view::*;
    use crate::catalogue::view_model::{LinkView, OptionView};
    use crate::compare::server::ssr::kind_label;
    use crate::error::AppError;
    use crate::i18n::{t, ta};
    use stadsporten_db::{ChangedBy, UnitRow};
    use stadsporten_domain::access::{Permission, Scope, Target};
    use stadsporten_domain::compare::{Profile, ProviderUnitId, SpokenLanguage};
    use stadsporten_domain::organisation::OrganisationNumber;
    use stadsporten_domain::Lang;

    /// The form's name in the flash, and where the save route sends a refused form back.
    pub const FORM: &str = "provider-unit";

    /// The organisations where the viewer holds `edit-provider-units`.
    fn organisations(viewer: &crate::context::Viewer) -> Vec<OrganisationNumber> {
        viewer
            .principal
            .grants
            .iter()
            .filter(|g| g.role.may(Permission::EditProviderUnits))
            .filter_map(|g| match &g.scope {
                Scope::Organisation(o) => Some(o.clone()),
                _ => None,
            })
            .collect()
    }

    fn updated(lang: Lang, u: &UnitRow) -> String {
        let date = crate::ui::format::stockholm_date(u.updated_at);
        match u.updated_by {
            ChangedBy::Provider => ta(lang, "provider-updated-by-you", &[("date", date.into())]),
            ChangedBy::City => ta(lang, "provider-updated-by-city", &[("date", date.into())]),
            ChangedBy::Import | ChangedBy::Seed => ta(lang, "provider-updated-register", &[("date", date.into())]),
        }
    }

    pub async fn portal() -> Result<PortalView, AppError> {
        crate::auth::require(Permission::EditProviderUnits, &Target::AnyObject).await?;
        let ctx = crate::context::current();
        let lang = ctx.lang;
        let viewer = crate::auth::signed_in()?;
        let store = crate::context::store()?;
        let mut listed = Vec::new();
        for org in organisations(&viewer) {
            let units = store.units_of_organisation(&org).await?;
            let name = units.first().map(|u| u.record.operator.name.clone()).unwrap_or_else(|| org.to_string());
            listed.push(OrganisationView {
                heading: format!("{name} ({org})"),
                units: units
                    .iter()
                    .map(|u| UnitRowView {
                        name: u.record.name.clone(),
                        kind: kind_label(lang, u.record.kind),
                        district: u.record.district.name().to_owned(),
                        edit: LinkView {
                            href: format!("/provider/units/{}", u.record.id),
                            text: ta(lang, "provider-edit-unit", &[("name", u.record.name.clone().into())]),
                        },
                        public: LinkView {
                            href: format!("/compare/units/{}", u.record.id),
                            text: t(lang, "provider-public-page"),
                        },
                        updated: updated(lang, u),
                    })
                    .collect(),
            });
        }
        Ok(PortalView { organisations: listed })
    }

    /// The unit, if it exists and the viewer may edit it (403, audited, otherwise).
    pub async fn editable_unit(raw_id: &str) -> Result<(crate::context::Viewer, stadsporten_db::UnitDetail), AppError> {
        crate::auth::signed_in()?;
        let store = crate::context::store()?;
        let id = ProviderUnitId::parse(raw_id).ok_or_else(|| AppError::NotFound.respond())?;
        let detail = store.provider_unit(&id).await?.ok_or_else(|| AppError::NotFound.respond())?;
        let Some(org) = detail.unit.record.operator.organisation.clone() else {
            // City-run units are maintained by their district administration, not here.
            use stadsporten_domain::audit::{AuditAction, Outcome};
            let reason = Some(Permission::EditProviderUnits.slug().to_owned());
            crate::auth::record(
                AuditAction::AccessDenied,
                "provider-unit",
                Some(id.to_string()),
                Outcome::Denied,
                None,
                reason,
            )
            .await?;
            return Err(AppError::Forbidden.respond());
        };
        let viewer = crate::auth::require(Permission::EditProviderUnits, &Target::Organisation(&org)).await?;
        Ok((viewer, detail))
    }

    pub async fn unit_edit(raw_id: &str) -> Result<UnitEditView, AppError> {
        let (_, detail) = editable_unit(raw_id).await?;
        let ctx = crate::context::current();
        let lang = ctx.lang;
        let store = crate::context::store()?;
        let r = &detail.unit.record;
        let flash = ctx.flash_for(FORM).cloned();
        let raw = r.facts.to_raw();
        let value = |name: &str, stored: String| match &flash {
            Some(f) => f.value(name).unwrap_or_default().to_owned(),
            None => stored,
        };
        let error = |name: &str| flash.as_ref().and_then(|f| f.message(name, lang));
        let field = |name: &str, stored: String, hint: Option<&str>, field_lang: Option<&str>| EditField {
            name: name.to_owned(),
            label: t(lang, &format!("provider-field-{}", name.replace('_', "-"))),
            value: value(name, stored),
            hint: hint.map(|h| t(lang, h)),
            error: error(name),
            lang: field_lang.map(str::to_owned),
        };
        let descriptions = Lang::ALL
            .iter()
            .map(|l| {
                let stored = raw.description.get(l.code()).cloned().unwrap_or_default();
                field(&format!("description_{}", l.code()), stored, None, Some(l.code()))
            })
            .collect();
        let chosen = |name: &str, stored: &[String]| -> Vec<String> {
            match &flash {
                Some(f) => f.values_of(name).into_iter().map(str::to_owned).collect(),
                None => stored.to_vec(),
            }
        };
        let languages_chosen = chosen("languages", &raw.languages);
        let profiles_chosen = chosen("profiles", &raw.profiles);
        let checked = |name: &str, stored: bool| match &flash {
            Some(f) => f.value(name).is_some(),
            None => stored,
        };
        let history = store
            .unit_revisions(Some(&r.id), 20)
            .await?
            .into_iter()
            .map(|rev| HistoryRow {
                when: crate::ui::stockholm_time(rev.at),
                who: match rev.by_kind {
                    ChangedBy::City => t(lang, "provider-history-city"),
                    _ => rev.by_name.unwrap_or_default(),
                },
                what: rev
                    .changed
                    .iter()
                    .map(|c| t(lang, &format!("provider-changed-{c}")))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect();
        let errors = flash
            .as_ref()
            .map(|f| {
                f.errors
                    .iter()
                    .filter_map(|(name, _)| {
                        f.message(name, lang).map(|m| (format!("#provider-{}", name.replace('_', "-")), m))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(UnitEditView {
            id: r.id.as_str().to_owned(),
            name: r.name.clone(),
            operator: r.operator.name.clone(),
            public: LinkView { href: format!("/compare/units/{}", r.id), text: t(lang, "provider-public-page") },
            saved: ctx.query.contains("saved=1").then(|| t(lang, "provider-saved")),
            errors,
            descriptions,
            hours: field("hours", raw.hours.clone(), Some("provider-hours-hint"), None),
            weekends: checked("weekends", raw.weekends),
            languages: SpokenLanguage::ALL
                .iter()
                .map(|l| OptionView {
                    value: l.slug().to_owned(),
                    label: t(lang, &format!("compare-language-{}", l.slug())),
                    selected: languages_chosen.iter().any(|c| c == l.slug()),
                })
                .collect(),
            languages_error: error("languages"),
            profiles: Profile::ALL
                .iter()
                .map(|p| OptionView {
                    value: p.slug().to_owned(),
                    label: t(lang, &format!("compare-profile-{}", p.slug())),
                    selected: profiles_chosen.iter().any(|c| c == p.slug()),
                })
                .collect(),
            profiles_error: error("profiles"),
            contact: vec![
                field("phone", raw.phone.clone(), None, None),
                field("email", raw.email.clone(), None, None),
                field("website", raw.website.clone(), Some("provider-website-hint"), None),
            ],
            has_places: checked("has_places", raw.has_places),
            history,
        })
    }
}
