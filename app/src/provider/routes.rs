//! `POST /provider/units/{id}`: a provider editor saves a unit's facts. The form is parsed whole
//! (domain `RawFacts`); refused input goes back to the form with every error and nothing lost; a
//! saved change is a revision (before and after, for the city's revert) and an audit entry.

use crate::context::RequestContext;
use crate::error::AppError;
use crate::flash::FormFlash;
use crate::provider::server::ssr::FORM;
use crate::web::{denied, keep, see_other, FormState};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::{Extension, Form};
use stadsporten_db::{ChangedBy, FactsSaved};
use stadsporten_domain::access::{Permission, Target};
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::compare::unit::RawFacts;
use stadsporten_domain::compare::ProviderUnitId;
use stadsporten_domain::Lang;
use std::sync::Arc;

type Pairs = Vec<(String, String)>;

fn get(pairs: &Pairs, key: &str) -> String {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_default()
}

fn all(pairs: &Pairs, key: &str) -> Vec<String> {
    pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect()
}

/// The form as typed.
pub fn raw_facts(pairs: &Pairs) -> RawFacts {
    RawFacts {
        description: Lang::ALL
            .iter()
            .map(|l| (l.code().to_owned(), get(pairs, &format!("description_{}", l.code()))))
            .collect(),
        hours: get(pairs, "hours"),
        weekends: !get(pairs, "weekends").is_empty(),
        languages: all(pairs, "languages"),
        profiles: all(pairs, "profiles"),
        phone: get(pairs, "phone"),
        email: get(pairs, "email"),
        website: get(pairs, "website"),
        has_places: !get(pairs, "has_places").is_empty(),
    }
}

pub async fn save_unit(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(id): Path<String>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let Some(viewer) = ctx.viewer.clone() else { return s.pages.error(&ctx, AppError::Unauthorized).await };
    let Some(unit_id) = ProviderUnitId::parse(&id) else { return s.pages.error(&ctx, AppError::NotFound).await };
    let detail = match s.store.provider_unit(&unit_id).await {
        Ok(Some(d)) => d,
        Ok(None) => return s.pages.error(&ctx, AppError::NotFound).await,
        Err(e) => {
            return s.pages.error(&ctx, AppError::from_storage(e, "could not read a provider unit")).await;
        }
    };
    let allowed = detail
        .unit
        .record
        .operator
        .organisation
        .as_ref()
        .is_some_and(|org| viewer.may(Permission::EditProviderUnits, &Target::Organisation(org)));
    if !allowed {
        return denied(&s, &ctx, "provider-unit", Some(unit_id.to_string()), Permission::EditProviderUnits).await;
    }
    let back = format!("/provider/units/{unit_id}");
    let values: Pairs = pairs.iter().filter(|(k, _)| k != "csrf").cloned().collect();
    let facts = match raw_facts(&values).parse() {
        Ok(f) => f,
        Err(problems) => {
            keep(
                &session,
                FormFlash {
                    form: FORM.into(),
                    values,
                    errors: problems.into_iter().map(|p| (p.field, p.code)).collect(),
                    args: Vec::new(),
                },
            )
            .await;
            return see_other(&format!("{back}#error-summary"));
        }
    };
    // The entry commits with the new revision (the store names it); an unchanged form writes none.
    let entry = crate::auth::entry(
        &ctx,
        AuditAction::Update,
        "provider-unit",
        Some(unit_id.to_string()),
        Outcome::Success,
        Some("provider-editor"),
        None,
    );
    match s
        .store
        .audited(entry)
        .save_unit_facts(&unit_id, &facts, viewer.user_id, ChangedBy::Provider, s.clock.now())
        .await
    {
        Ok(FactsSaved::Saved(_)) => see_other(&format!("{back}?saved=1")),
        Ok(FactsSaved::Unchanged) => see_other(&format!("{back}?saved=1")),
        Ok(FactsSaved::UnknownUnit) => s.pages.error(&ctx, AppError::NotFound).await,
        Err(e) => s.pages.error(&ctx, AppError::from_storage(e, "could not save a provider unit")).await,
    }
}

/// This feature's plain routes, merged by the server beside the pages and server functions.
pub fn routes() -> axum::Router<std::sync::Arc<crate::web::FormState>> {
    axum::Router::new().route("/provider/units/{id}", axum::routing::post(save_unit))
}
