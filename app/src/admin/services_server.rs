//! Server functions of `/admin/services`: the versions of every e-service definition, a preview
//! of one, and publishing.
//!
//! Policy: `manage-services` — the administrator everywhere, a service owner for definitions whose
//! receiving unit is theirs. Uploading is a plain multipart route (`server/src/admin_routes.rs`).
//! Publishing a version retires the live one; cases keep the version they were filed under.

use crate::error::AppError;
use crate::eservices::view::FieldView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use stadsporten_domain::ids::DefinitionId;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DefinitionLine {
    pub id: DefinitionId,
    pub slug: String,
    pub title: String,
    pub version: i64,
    pub status: String,
    pub unit: String,
    pub handling_days: i64,
    pub uploaded: String,
    pub uploaded_by: Option<String>,
    pub published: Option<String>,
    pub may_publish: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServicesView {
    pub lines: Vec<DefinitionLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewStep {
    pub title: String,
    pub intro: Option<String>,
    pub condition: Option<String>,
    pub fields: Vec<FieldView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewView {
    pub line: DefinitionLine,
    pub intro: String,
    pub declaration: String,
    pub next_steps: String,
    pub languages: Vec<String>,
    pub steps: Vec<PreviewStep>,
    pub source: String,
}

#[cfg(feature = "ssr")]
fn may_manage(viewer: &crate::context::Viewer, unit: &str) -> bool {
    use stadsporten_domain::access::{Permission, Target};
    stadsporten_domain::organisation::UnitCode::parse(unit)
        .is_some_and(|u| viewer.may(Permission::ManageServices, &Target::Unit(&u)))
}

#[cfg(feature = "ssr")]
fn line(
    viewer: &crate::context::Viewer,
    d: &stadsporten_db::DefinitionRecord,
    lang: stadsporten_domain::Lang,
) -> DefinitionLine {
    DefinitionLine {
        id: d.id,
        slug: d.slug.clone(),
        title: d.definition.title.get(lang).to_owned(),
        version: d.version,
        status: d.status.as_str().to_owned(),
        unit: d.unit_code.clone(),
        handling_days: d.handling_days,
        uploaded: crate::ui::stockholm_time(d.uploaded_at),
        uploaded_by: d.uploaded_by.clone(),
        published: d.published_at.map(crate::ui::stockholm_time),
        may_publish: d.status != stadsporten_db::DefinitionStatus::Live && may_manage(viewer, &d.unit_code),
    }
}

/// Whoever may manage services somewhere (to see the page at all).
#[cfg(feature = "ssr")]
async fn manager() -> Result<crate::context::Viewer, AppError> {
    use stadsporten_domain::access::{Permission, Role, Target};
    let viewer = crate::auth::signed_in()?;
    if viewer.principal.has_role(Role::Administrator)
        || !viewer.principal.units_with(Permission::ManageServices).is_empty()
    {
        return Ok(viewer);
    }
    crate::auth::require(Permission::ManageServices, &Target::AnyObject).await
}

#[server(endpoint = "admin/services", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn services_overview() -> Result<ServicesView, AppError> {
    let viewer = manager().await?;
    let lang = crate::context::current().lang;
    let store = crate::context::store()?;
    let lines = store.definitions().await?.iter().map(|d| line(&viewer, d, lang)).collect();
    Ok(ServicesView { lines })
}

#[server(endpoint = "admin/services/preview", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn definition_preview(id: DefinitionId) -> Result<PreviewView, AppError> {
    use stadsporten_domain::eservice::Answers;
    let viewer = manager().await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let d = store.definition(id).await?.ok_or_else(|| AppError::NotFound.respond())?;
    let def = &d.definition;
    let mut steps = Vec::new();
    for s in &def.steps {
        let mut fields = Vec::new();
        for f in &s.fields {
            fields.push(crate::eservices::server::field_view(f, &Answers::new(), None, lang, &store).await?);
        }
        steps.push(PreviewStep {
            title: s.title.get(lang).to_owned(),
            intro: s.intro.as_ref().map(|t| t.get(lang).to_owned()),
            condition: s.visible_if.as_ref().map(|c| {
                let test = c.equals.clone().or(c.includes.clone()).unwrap_or_else(|| c.one_of.join(" | "));
                crate::i18n::ta(
                    lang,
                    "services-condition",
                    &[("field", c.field.clone().into()), ("value", test.into())],
                )
            }),
            fields,
        });
    }
    Ok(PreviewView {
        line: line(&viewer, &d, lang),
        intro: def.intro.get(lang).to_owned(),
        declaration: def.declaration.get(lang).to_owned(),
        next_steps: def.next_steps.get(lang).to_owned(),
        languages: def.languages.clone(),
        steps,
        source: def.to_toml(),
    })
}

#[server(endpoint = "admin/services/publish", prefix = "/api")]
pub async fn publish_definition(id: DefinitionId) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::AuditAction;
    let viewer = crate::auth::signed_in()?;
    let store = crate::context::store()?;
    let d = store.definition(id).await?.ok_or_else(|| AppError::NotFound.respond())?;
    let unit = stadsporten_domain::organisation::UnitCode::parse(&d.unit_code).ok_or(AppError::Internal)?;
    crate::auth::require(Permission::ManageServices, &Target::Unit(&unit)).await?;
    let now = crate::context::current().now;
    let role = crate::auth::role_used(&viewer, Permission::ManageServices, &Target::Unit(&unit));
    crate::auth::audited(
        AuditAction::Update,
        "service-definition",
        Some(id.to_string()),
        role,
        Some(format!("publish {} v{}", d.slug, d.version)),
    )?
    .publish_definition(id, Some(viewer.user_id), now)
    .await?;
    leptos_axum::redirect(&format!("/admin/services/{id}?saved=published"));
    Ok(())
}
