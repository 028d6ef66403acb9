//! Server functions of the provider portal. Every function checks `edit-provider-units` on the
//! unit's operator; unit facts are not personal data, so reads are not audited (writes are, by the
//! save route in the server crate).

use super::view::{FeedbackView, PortalView, UnitEditView};
use crate::error::AppError;
use leptos::prelude::*;
use stadsporten_domain::ids::CaseId;

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

/// One resident's feedback routed to the editor's organisation.
#[server(prefix = "/api", endpoint = "provider/feedback", input = server_fn::codec::GetUrl)]
pub async fn load_feedback(id: CaseId) -> Result<FeedbackView, AppError> {
    ssr::feedback(id).await
}

/// The provider answers; the resident is told (a message in Mina sidor and a notification).
#[server(prefix = "/api", endpoint = "provider/feedback/answer")]
pub async fn answer_feedback(id: CaseId, body: String) -> Result<(), AppError> {
    ssr::answer(id, body).await
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
    use stadsporten_domain::ids::CaseId;
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
        let orgs: Vec<String> = organisations(&viewer)
            .into_iter()
            .filter(|o| viewer.may(Permission::AnswerProviderFeedback, &Target::Organisation(o)))
            .map(|o| o.to_string())
            .collect();
        let inbox = store
            .provider_cases(&orgs, ctx.now)
            .await?
            .into_iter()
            .map(|c| FeedbackRow {
                href: format!("/provider/feedback/{}", c.id),
                number: c.case_number,
                submitted: crate::ui::stockholm_time(c.submitted_at),
                status: t(lang, &format!("case-status-{}", c.status.slug())),
                unread: c.unread > 0,
            })
            .collect();
        Ok(PortalView { organisations: listed, inbox })
    }

    /// The form name of a refused answer.
    pub const ANSWER_FORM: &str = "provider-answer";

    /// A case routed to one of the viewer's organisations, or 404 (others' feedback is not
    /// confirmed to exist). Signed-out: 401; no provider role: 403 (audited).
    async fn own_feedback(id: CaseId) -> Result<(crate::context::Viewer, stadsporten_db::CaseRecord), AppError> {
        crate::auth::require(Permission::AnswerProviderFeedback, &Target::AnyObject).await?;
        let viewer = crate::auth::signed_in()?;
        let store = crate::context::store()?;
        let case = store.case_record(id).await?.ok_or_else(|| AppError::NotFound.respond())?;
        match crate::cases::access::of_case(&viewer, &case, crate::cases::access::CaseNeed::AnswerFeedback) {
            Some(_) => Ok((viewer, case)),
            None => Err(AppError::NotFound.respond()),
        }
    }

    pub async fn feedback(id: CaseId) -> Result<FeedbackView, AppError> {
        use stadsporten_domain::audit::{AuditAction, Outcome};
        use stadsporten_domain::eservice::FieldKind;
        let (_, case) = own_feedback(id).await?;
        let ctx = crate::context::current();
        let lang = ctx.lang;
        let store = crate::context::store()?;
        // What was written may hold personal data: the read is recorded.
        crate::auth::record(
            AuditAction::Read,
            "case",
            Some(id.to_string()),
            Outcome::Success,
            Some("provider-editor"),
            None,
        )
        .await?;
        let def = store.definition(case.definition_id).await?.ok_or(AppError::Internal)?;
        // The content of the feedback, never who sent it: the answer reaches the resident through
        // Mina sidor, so the provider needs no name and no contact details.
        let answers = def
            .definition
            .fields()
            .filter(|f| {
                !matches!(f.kind, FieldKind::File | FieldKind::Personnummer | FieldKind::Email | FieldKind::Phone)
            })
            .filter_map(|f| {
                let lines = crate::eservices::display::answer_lines(f, case.answers.get(&f.id), lang);
                (!lines.is_empty()).then(|| (f.label.get(lang).to_owned(), lines.join(", ")))
            })
            .collect();
        let messages = store
            .case_messages(id)
            .await?
            .into_iter()
            .map(|m| {
                let who = if m.from_applicant { t(lang, "provider-feedback-resident") } else { m.author_name.clone() };
                (who, crate::ui::stockholm_time(m.at), m.body)
            })
            .collect();
        store.mark_messages_read(id, false, ctx.now).await?;
        let flash = ctx.flash_for(ANSWER_FORM);
        Ok(FeedbackView {
            id,
            number: case.case_number.clone(),
            submitted: crate::ui::stockholm_time(case.submitted_at),
            status: t(lang, &format!("case-status-{}", case.status.slug())),
            answers,
            messages,
            answered: ctx.query.contains("answered=1").then(|| t(lang, "provider-feedback-answered")),
            error: flash.and_then(|f| f.message("body", lang)),
            draft: flash.and_then(|f| f.value("body")).unwrap_or_default().to_owned(),
        })
    }

    pub async fn answer(id: CaseId, body: String) -> Result<(), AppError> {
        use stadsporten_db::{CaseRefusal, DbError, Refusal};
        use stadsporten_domain::audit::AuditAction;
        use stadsporten_domain::eservice::CaseStatus;
        let (viewer, case) = own_feedback(id).await?;
        let store = crate::context::store()?;
        let now = crate::context::current().now;
        let text = body.trim();
        if text.is_empty() || text.chars().count() > 4000 {
            crate::flash::keep(&crate::flash::FormFlash {
                form: ANSWER_FORM.into(),
                values: vec![("body".into(), body.clone())],
                errors: vec![("body".into(), "provider-feedback-error".into())],
                args: Vec::new(),
            })
            .await?;
            leptos_axum::redirect(&format!("/provider/feedback/{id}#answer"));
            return Ok(());
        }
        if case.status == CaseStatus::Submitted {
            // Answering is handling: the case leaves "received" (the applicant sees it moving).
            match store.start_case(id, viewer.user_id, now).await {
                Ok(()) => {}
                // Someone started handling it meanwhile: it is under way, as answering needs.
                Err(DbError::Refused(Refusal::Case(CaseRefusal::Invalid(status)))) if status.is_open() => {}
                Err(DbError::NotFound) => return Err(AppError::NotFound.respond()),
                // Withdrawn or decided meanwhile, or changed under us: nothing is sent. The answer
                // comes back to the form with why, so it is not lost.
                Err(DbError::Refused(_) | DbError::Conflict) => {
                    crate::flash::keep(&crate::flash::FormFlash {
                        form: ANSWER_FORM.into(),
                        values: vec![("body".into(), body.clone())],
                        errors: vec![("body".into(), "provider-feedback-stale".into())],
                        args: Vec::new(),
                    })
                    .await?;
                    leptos_axum::redirect(&format!("/provider/feedback/{id}#answer"));
                    return Ok(());
                }
                Err(e) => return Err(AppError::from(e).respond()),
            }
        }
        // The entry names the new message (the store fills in its id) and commits with it.
        crate::auth::audited(
            AuditAction::Create,
            "case-message",
            None,
            Some("provider-editor"),
            Some(format!("case {id}")),
        )?
        .add_message(id, viewer.user_id, false, text, &[], now)
        .await?;
        leptos_axum::redirect(&format!("/provider/feedback/{id}?answered=1"));
        Ok(())
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
