//! Server functions of the form runner, and the helpers the server's form routes share with them.
//!
//! Policy: a draft is found by its random token and is served only to its owner — anyone else
//! gets "not found", so a guessed or leaked link reveals nothing. Every read of a draft or case by
//! its owner is theirs; every write is audited (`draft`, `case` objects, never the answers).

use super::view::{CheckView, DraftPage, ReceiptView, StartView, StepView};
#[cfg(feature = "ssr")]
use super::view::{FieldView, FileView, Link, Preselect};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
pub use ssr::*;
use stadsporten_domain::ids::{CaseId, DraftToken};

/// The start page of a service's e-service (public; starting needs sign-in).
#[server(endpoint = "apply/start-view", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_start(slug: String) -> Result<StartView, AppError> {
    use stadsporten_domain::eservice::FieldKind;
    use stadsporten_domain::ServiceSlug;
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    let lang = ctx.lang;
    let slug = ServiceSlug::parse(&slug).map_err(|e| AppError::BadRequest(e).respond())?;
    let service = store.service_details(&slug, lang).await?.ok_or_else(|| AppError::NotFound.respond())?;
    // No placeholder: a service without an e-service here has no start page. Its page says how
    // to get the service, or links out to the authority that runs it.
    let live = store.live_definition(slug.as_str()).await?.ok_or_else(|| AppError::NotFound.respond())?;
    if service.external_url.is_some() {
        return Err(AppError::NotFound.respond());
    }
    crate::measure::record(&store, &ctx, slug.as_str(), stadsporten_domain::measure::JourneyKind::Start, "");
    let def = &live.definition;
    // "Apply for a place here" from the comparison: `?unit=<id>` names one of the options of the
    // definition's data-sourced field. Anything else is ignored (the form then starts empty).
    let preselect = stadsporten_domain::catalogue::decode_query_string(&ctx.query)
        .ok()
        .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "unit").map(|(_, v)| v))
        .and_then(|unit| {
            let field = def.preselect_field()?;
            let choice = field.option(&unit)?;
            Some(Preselect {
                unit: unit.clone(),
                text: crate::i18n::ta(
                    lang,
                    "apply-preselected",
                    &[("field", field.label.get(lang).into()), ("unit", choice.label.get(lang).into())],
                ),
            })
        });
    // Confidentiality 3: residents are told how it is protected, and need e-ID at substantial.
    let controls = store.service_classification(slug.as_str()).await?.controls();
    let needs = controls.min_assurance;
    let acr = (needs > stadsporten_domain::security::assurance::Assurance::Low).then(|| needs.slug().to_owned());
    let here = format!("/services/{slug}/start");
    let step_up = ctx.viewer.as_ref().filter(|v| !v.is_staff && !needs.met_by(v.assurance)).map(|_| {
        format!(
            "/auth/login?as=resident&acr={}&to={}",
            needs.slug(),
            stadsporten_domain::catalogue::encode_component(&here)
        )
    });
    let mut drafts = Vec::new();
    let mut refusal = None;
    if let Some(viewer) = &ctx.viewer {
        match may_apply(viewer, def) {
            Ok(()) => {
                for d in store.drafts_of_user(viewer.user_id).await?.into_iter().filter(|d| d.slug == slug.as_str()) {
                    drafts.push(Link {
                        href: format!("/apply/{}", d.token),
                        text: crate::i18n::ta(
                            lang,
                            "apply-continue-draft",
                            &[("date", crate::ui::stockholm_time(d.updated_at).into())],
                        ),
                    });
                }
            }
            Err(id) => refusal = Some(crate::i18n::t(lang, id)),
        }
    }
    Ok(StartView {
        slug: slug.to_string(),
        title: def.title.get(lang).to_owned(),
        intro: def.intro.get(lang).to_owned(),
        handling_days: def.handling_days,
        working_days: !def.handling_day_kind.is_calendar(),
        unit_name: unit_name(&store, &def.unit, lang).await?,
        // A step shown only for some answers says so, so the list matches the numbering.
        steps: def
            .steps
            .iter()
            .map(|s| match s.visible_if {
                Some(_) => format!("{} ({})", s.title.get(lang), crate::i18n::t(lang, "apply-step-conditional")),
                None => s.title.get(lang).to_owned(),
            })
            .collect(),
        documents: def.fields().filter(|f| f.kind == FieldKind::File).map(|f| f.label.get(lang).to_owned()).collect(),
        signed_in: ctx.viewer.is_some(),
        refusal,
        drafts,
        preselect,
        not_in_language: not_in_language(def, lang),
        protection: controls.protection_notice.then(|| crate::i18n::t(lang, "apply-protection")),
        acr,
        step_up,
    })
}

/// When a definition lacks the page's language: the note saying so, in that language, and the
/// language the texts fall back to (Swedish) — never a blank.
#[cfg(feature = "ssr")]
fn not_in_language(
    def: &stadsporten_domain::eservice::ServiceDefinition,
    lang: stadsporten_domain::Lang,
) -> Option<(String, String)> {
    use stadsporten_domain::Lang;
    (!def.langs().contains(&lang)).then(|| {
        (crate::i18n::ta(lang, "service-not-in-language", &[("language", Lang::Sv.endonym().into())]), "sv".to_owned())
    })
}

/// Starts a new draft and goes to its first step.
#[server(endpoint = "apply/start", prefix = "/api")]
pub async fn start_application(slug: String, unit: Option<String>) -> Result<(), AppError> {
    use stadsporten_domain::audit::{AuditAction, Outcome};
    let viewer = crate::auth::signed_in()?;
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    let settings = use_context::<EServiceSettings>().ok_or(AppError::Internal)?;
    let live = store.live_definition(&slug).await?.ok_or_else(|| AppError::NotFound.respond())?;
    if let Err(reason) = may_apply(&viewer, &live.definition) {
        crate::auth::record(
            AuditAction::AccessDenied,
            "service",
            Some(slug),
            Outcome::Denied,
            None,
            Some(reason.into()),
        )
        .await?;
        return Err(AppError::Forbidden.respond());
    }
    crate::auth::require_assurance(&store, &viewer, &slug).await?;
    let acting_for = viewer.acting_for.as_ref().map(|(o, _)| o.to_string());
    let token = DraftToken::new(random_token());
    // The entry names the new draft (the store fills in its id) and commits with it.
    let draft = crate::auth::audited(AuditAction::Create, "draft", None, Some(role(&viewer)), Some(slug.clone()))?
        .create_draft(
            &token,
            viewer.user_id,
            acting_for.as_deref(),
            live.id,
            crate::measure::origin(&ctx),
            ctx.now,
            ctx.now + settings.draft_seconds,
        )
        .await?;
    // The unit chosen in the comparison, when it is one of the field's options.
    if let Some((field, unit)) = live.definition.preselect_field().zip(unit).filter(|(f, u)| f.option(u).is_some()) {
        let mut answers = stadsporten_domain::eservice::Answers::new();
        answers.insert(field.id.clone(), stadsporten_domain::eservice::Answer::Text(unit));
        store.save_draft(draft.id, &answers, None, ctx.now, ctx.now + settings.draft_seconds).await?;
    }
    let first = live.definition.steps.first().map(|s| s.id.clone()).unwrap_or_default();
    crate::measure::record(&store, &ctx, &slug, stadsporten_domain::measure::JourneyKind::Step, &first);
    leptos_axum::redirect(&format!("/apply/{token}/step/{first}"));
    Ok(())
}

/// Where a draft left off: the step reached, or the check page.
#[server(endpoint = "apply/resume", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn resume_href(token: DraftToken) -> Result<String, AppError> {
    let (draft, def) = own_draft(&token).await?;
    if let Some(case_id) = draft.case_id {
        return Ok(format!("/my/cases/{case_id}/receipt"));
    }
    if let Some(home) = bundle_home(&crate::context::store()?, &draft).await? {
        return Ok(home);
    }
    let step = draft
        .current_step
        .filter(|s| s == "check" || def.definition.step(s).is_some())
        .or_else(|| def.definition.steps.first().map(|s| s.id.clone()))
        .unwrap_or_default();
    Ok(if step == "check" { format!("/apply/{token}/check") } else { format!("/apply/{token}/step/{step}") })
}

/// One step of a draft, with the answers so far (or the refused form's values and errors).
#[server(endpoint = "apply/step", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_step(token: DraftToken, step: String) -> Result<StepView, AppError> {
    use stadsporten_domain::eservice::answers::{field_visible, previous_step, step_visible};
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let (draft, def) = own_draft(&token).await?;
    let settings = use_context::<EServiceSettings>().ok_or(AppError::Internal)?;
    let store = crate::context::store()?;
    // A bundle's part asks only the permit's own questions; it goes back to the bundle's task list.
    let bundle_home = bundle_home(&store, &draft).await?;
    let section = bundle_home.as_ref().map(|_| def.definition.bundle_section());
    let d = section.as_ref().unwrap_or(&def.definition);
    let step_def =
        d.step(&step).filter(|s| step_visible(s, &draft.answers)).ok_or_else(|| AppError::NotFound.respond())?;
    let flash = ctx.flash_for("step").filter(|f| f.values.iter().any(|(k, v)| k == "step" && *v == step)).cloned();
    let mut fields = Vec::new();
    for f in step_def.fields.iter().filter(|f| field_visible(f, &draft.answers)) {
        fields.push(field_view(f, &draft.answers, flash.as_ref(), lang, &store).await?);
    }
    // The summary names each field: "Fill this in" twice says nothing about which.
    let errors = fields
        .iter()
        .filter_map(|f| {
            f.error.as_ref().map(|(input, msg)| (format!("#{}", input_id(input)), format!("{}: {msg}", f.label)))
        })
        .collect();
    // Steps are numbered as the start page lists them: a step skipped by an answer keeps its
    // number, so the count never changes under the applicant's feet.
    let position = d.steps.iter().position(|s| s.id == step).unwrap_or(0) + 1;
    let back = match (previous_step(d, &step, &draft.answers), &bundle_home) {
        (Some(p), _) => {
            Link { href: format!("/apply/{token}/step/{}", p.id), text: crate::i18n::t(lang, "apply-back") }
        }
        (None, Some(home)) => Link { href: home.clone(), text: crate::i18n::t(lang, "apply-back") },
        (None, None) => {
            Link { href: format!("/services/{}/start", def.slug), text: crate::i18n::t(lang, "apply-back") }
        }
    };
    Ok(StepView {
        token,
        service_title: d.title.get(lang).to_owned(),
        step_id: step_def.id.clone(),
        step_title: step_def.title.get(lang).to_owned(),
        intro: step_def.intro.as_ref().map(|t| t.get(lang).to_owned()),
        fields,
        position,
        count: d.steps.len(),
        back,
        errors,
        max_upload_mb: u32::try_from(settings.max_upload_bytes / (1024 * 1024)).unwrap_or(10),
        not_in_language: not_in_language(d, lang),
    })
}

/// The check-your-answers page (and the declaration page, which shows the same facts).
#[server(endpoint = "apply/check", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_check(token: DraftToken) -> Result<DraftPage<CheckView>, AppError> {
    use super::view::{AnswerRow, AnswerSection};
    use stadsporten_domain::eservice::answers::{field_visible, validate_all, visible_steps};
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let (draft, def) = own_draft(&token).await?;
    let store = crate::context::store()?;
    if let Some(home) = bundle_home(&store, &draft).await? {
        // A bundle's permit is checked and submitted with the whole bundle.
        return Ok(DraftPage::Elsewhere(format!("{home}/check")));
    }
    let d = &def.definition;
    let mut sections = Vec::new();
    for step in visible_steps(d, &draft.answers) {
        let rows = step
            .fields
            .iter()
            .filter(|f| field_visible(f, &draft.answers))
            .map(|f| AnswerRow {
                label: f.label.get(lang).to_owned(),
                lines: super::display::answer_lines(f, draft.answers.get(&f.id), lang),
            })
            .collect();
        sections.push(AnswerSection {
            title: step.title.get(lang).to_owned(),
            change_href: format!("/apply/{token}/step/{}", step.id),
            rows,
        });
    }
    let (today, year) = today(ctx.now);
    let incomplete = validate_all(d, &draft.answers, today, year).err().map(|(step, _)| Link {
        href: format!("/apply/{token}/step/{step}"),
        text: d.step(&step).map(|s| s.title.get(lang).to_owned()).unwrap_or_default(),
    });
    let last = visible_steps(d, &draft.answers).last().map(|s| s.id.clone()).unwrap_or_default();
    let viewer = crate::auth::signed_in()?;
    Ok(DraftPage::Open(CheckView {
        token: token.clone(),
        service_title: d.title.get(lang).to_owned(),
        sections,
        incomplete,
        declaration: d.declaration.get(lang).to_owned(),
        unit_name: unit_name(&store, &d.unit, lang).await?,
        notify_note: notify_note(&store, viewer.user_id, lang).await?,
        back: Link { href: format!("/apply/{token}/step/{last}"), text: crate::i18n::t(lang, "apply-back") },
    }))
}

/// The receipt of a submitted case (its applicant only).
#[server(endpoint = "apply/receipt", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_receipt(case_id: CaseId) -> Result<ReceiptView, AppError> {
    use stadsporten_domain::eservice::SurveyStage;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(
        stadsporten_domain::access::Permission::UseMyPages,
        &stadsporten_domain::access::Target::Person(viewer.user_id),
    )
    .await?;
    let store = crate::context::store()?;
    let case = store
        .case_record(case_id)
        .await?
        .filter(|c| crate::cases::access::of_case(&viewer, c, crate::cases::access::CaseNeed::Own).is_some());
    let case = case.ok_or_else(|| AppError::NotFound.respond())?;
    let def = store.definition(case.definition_id).await?.ok_or(AppError::Internal)?;
    let surveys = store.pending_surveys(case.id).await?;
    Ok(ReceiptView {
        case_id: case.id,
        case_number: case.case_number.clone(),
        service_title: def.definition.title.get(lang).to_owned(),
        unit_name: unit_name(&store, &case.unit_code, lang).await?,
        submitted: crate::ui::stockholm_time(case.submitted_at),
        next_steps: def.definition.next_steps.get(lang).to_owned(),
        handling_days: case.handling_days,
        working_days: !case.day_kind.is_calendar(),
        due_date: crate::ui::stockholm_date(case.clock().due_at(ctx.now)),
        notify_note: notify_note(&store, viewer.user_id, lang).await?,
        survey_pending: surveys.contains(&SurveyStage::AfterSubmission),
    })
}

/// Deletes one of the person's own drafts and its files.
#[server(endpoint = "apply/discard", prefix = "/api")]
pub async fn discard_draft(token: DraftToken) -> Result<(), AppError> {
    use stadsporten_domain::audit::AuditAction;
    let viewer = crate::auth::signed_in()?;
    let (draft, _) = own_draft(&token).await?;
    let keys =
        crate::auth::audited(AuditAction::Delete, "draft", Some(draft.id.to_string()), Some(role(&viewer)), None)?
            .delete_draft(draft.id, crate::context::current().now)
            .await?;
    if let Some(files) = use_context::<crate::files::FilesHandle>() {
        for k in keys {
            if let Err(e) = files.0.delete(&k).await {
                tracing::warn!(error = %e, "could not delete a discarded draft's file");
            }
        }
    }
    leptos_axum::redirect("/my/cases?saved=discarded");
    Ok(())
}

/// `id.postcode` → `id-postcode` (HTML ids without dots are easier to target).
pub fn input_id(input: &str) -> String {
    format!("f-{}", input.replace('.', "-"))
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::context::Viewer;
    use stadsporten_db::{DefinitionRecord, DraftRecord, Store};
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::eservice::definition::Applicant;
    use stadsporten_domain::eservice::{Answer, Answers, Field, FieldKind, ServiceDefinition};
    use stadsporten_domain::ids::{DraftToken, UserId};
    use stadsporten_domain::Lang;

    pub use crate::settings::EServiceSettings;

    pub use crate::auth::applicant_role as role;

    /// Whether the viewer may apply with this definition; the fluent id of the reason if not.
    pub fn may_apply(viewer: &Viewer, def: &ServiceDefinition) -> Result<(), &'static str> {
        match def.applicant {
            Applicant::Person if viewer.may(Permission::UseMyPages, &Target::Person(viewer.user_id)) => Ok(()),
            Applicant::Organisation => match &viewer.acting_for {
                Some((org, _)) if viewer.may(Permission::ActForOrganisation, &Target::Organisation(org)) => Ok(()),
                _ => Err("apply-needs-organisation"),
            },
            Applicant::Person => Err("apply-needs-resident"),
        }
    }

    /// 256 random bits, hex: draft tokens (unguessable URLs).
    pub fn random_token() -> String {
        use rand::RngCore as _;
        let mut bytes = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut bytes);
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Today's day number and year in Stockholm.
    pub fn today(now: i64) -> (i64, u32) {
        let day = crate::ui::stockholm_day(now);
        let year = stadsporten_domain::date::Date::from_day_number(day).map_or(2026, |d| d.year());
        (day, year)
    }

    /// The task list of the bundle a draft is a permit of (`/business/apply/{token}`), if any.
    pub async fn bundle_home(store: &Store, draft: &DraftRecord) -> Result<Option<String>, AppError> {
        let Some(id) = draft.bundle_draft_id else { return Ok(None) };
        let bundle = store.bundle_draft_by_id(id).await?.ok_or(AppError::Internal)?;
        Ok(Some(format!("/business/apply/{}", bundle.token)))
    }

    /// The signed-in person's own draft and its definition; "not found" for anyone else's.
    pub async fn own_draft(token: &DraftToken) -> Result<(DraftRecord, std::sync::Arc<DefinitionRecord>), AppError> {
        let viewer = crate::auth::signed_in()?;
        let store = crate::context::store()?;
        load_draft(&store, &viewer, token).await
    }

    /// As [`own_draft`], for the server's routes.
    pub async fn load_draft(
        store: &Store,
        viewer: &Viewer,
        token: &DraftToken,
    ) -> Result<(DraftRecord, std::sync::Arc<DefinitionRecord>), AppError> {
        if !token.is_well_formed() {
            return Err(AppError::NotFound.respond());
        }
        let draft = store
            .draft(token)
            .await?
            .filter(|d| d.user_id == viewer.user_id || assisting(viewer, d))
            .ok_or_else(|| AppError::NotFound.respond())?;
        let def = store.definition(draft.definition_id).await?.ok_or(AppError::Internal)?;
        // The owner at the level of assurance the e-service needs (an assisting agent works
        // under the owner's consent, through the staff sign-in).
        if draft.user_id == viewer.user_id {
            crate::auth::require_assurance(store, viewer, &def.slug).await?;
        }
        Ok((draft, def))
    }

    /// How long after the consent the agent may work in the draft with the caller.
    pub const ASSISTANCE_HOURS: i64 = 8;

    /// Whether `viewer` is the contact-centre agent who started this draft for its owner with
    /// their consent, within [`ASSISTANCE_HOURS`] of it, and it is not yet filed. The agent then
    /// works in the owner's draft through the same pages; the owner's own access is unchanged.
    pub fn assisting(viewer: &Viewer, d: &DraftRecord) -> bool {
        use stadsporten_domain::access::{Permission, Target};
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        d.assisted.as_ref().is_some_and(|a| {
            a.agent == viewer.user_id && now - a.consent_at <= ASSISTANCE_HOURS * 3600 && d.case_id.is_none()
        }) && viewer.may(Permission::HandleContacts, &Target::AnyObject)
    }

    pub use crate::cases::server::unit_name;

    /// Where notifications go, as a sentence ("We will e-mail anna@… — change in Mina sidor").
    pub async fn notify_note(store: &Store, user_id: UserId, lang: Lang) -> Result<String, AppError> {
        use stadsporten_db::NotifyChannel;
        let user = store.user(user_id).await?.ok_or(AppError::Unauthorized)?;
        Ok(match (user.notify_channel, user.email.filter(|_| user.email_verified), user.phone) {
            (NotifyChannel::Email, Some(email), _) => {
                crate::i18n::ta(lang, "apply-notify-email", &[("email", email.into())])
            }
            (NotifyChannel::Sms, _, Some(phone)) => {
                crate::i18n::ta(lang, "apply-notify-sms", &[("phone", phone.into())])
            }
            _ => crate::i18n::t(lang, "apply-notify-portal"),
        })
    }

    /// One field ready to render, from the stored answer or the refused form.
    pub async fn field_view(
        f: &Field,
        answers: &Answers,
        flash: Option<&crate::flash::FormFlash>,
        lang: Lang,
        store: &Store,
    ) -> Result<FieldView, AppError> {
        let stored = answers.get(&f.id);
        let from_flash = |name: &str| flash.and_then(|fl| fl.value(name)).map(str::to_owned);
        let stored_text = match stored {
            Some(Answer::Text(t)) => t.clone(),
            _ => String::new(),
        };
        let value = match f.kind {
            // A personnummer is shown as typed when refused, else in the readable 12-digit form.
            FieldKind::Personnummer if flash.is_none() && stored_text.len() == 12 => {
                format!("{}-{}", &stored_text[..8], &stored_text[8..])
            }
            _ => from_flash(&f.id).unwrap_or(stored_text),
        };
        let values = match (flash, stored) {
            (Some(fl), _) => fl.values_of(&f.id).into_iter().map(str::to_owned).collect(),
            (None, Some(Answer::Choices(c))) => c.clone(),
            _ => vec![],
        };
        let address = match stored {
            Some(Answer::Address(a)) if flash.is_none() => [a.street.clone(), a.postcode.clone(), a.city.clone()],
            _ => ["street", "postcode", "city"].map(|p| from_flash(&format!("{}.{p}", f.id)).unwrap_or_default()),
        };
        let mut files = Vec::new();
        for r in stored.map(Answer::files).unwrap_or(&[]) {
            let held = store.attachment(r.id).await?.is_some_and(|a| a.scan_status == stadsporten_db::ScanStatus::Held);
            files.push(FileView { id: r.id, name: r.name.clone(), size: crate::ui::format::size_label(r.size), held });
        }
        let error = flash.and_then(|fl| {
            fl.errors
                .iter()
                .find(|(input, _)| input == &f.id || input.starts_with(&format!("{}.", f.id)))
                .and_then(|(input, _)| fl.message(input, lang).map(|m| (input.clone(), m)))
        });
        let accepted = f.accepted();
        Ok(FieldView {
            id: f.id.clone(),
            kind: serde_json::to_value(f.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
            label: f.label.get(lang).to_owned(),
            help: f.help.as_ref().map(|h| h.get(lang).to_owned()),
            required: f.required,
            value,
            values,
            address,
            options: f.options.iter().map(|o| (o.value.clone(), o.label.get(lang).to_owned())).collect(),
            files,
            accept: accepted.iter().map(|k| k.mime()).collect::<Vec<_>>().join(","),
            accept_labels: accepted.iter().map(|k| k.label()).collect::<Vec<_>>().join(", "),
            max_files: f.max_files(),
            max_length: f.kind.has_length().then(|| f.max_length()),
            error,
            other_person: f.other_person,
        })
    }
}
