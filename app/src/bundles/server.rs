//! Server functions of the bundle: starting one application from the guide's result, its task
//! list, shared facts, documents and check pages, the entrepreneur's status page and inbox, and
//! the coordinator's and officers' side (referral answers, statement requests).
//!
//! Policy:
//! - A bundle draft is its owner's or "not found"; a bundle is its applicant's, its coordinating
//!   team's (case officers of the business guide team) or, for an officer of a unit that holds
//!   one of its parts, that unit's view (the parts' standing, the unit's own case in full, no
//!   other case's answers). Anyone else gets "not found", and the refusal is audited.
//! - Applying for an organisation needs a mandate for it, checked when starting and again when
//!   submitting; without one the person is told so plainly.
//! - Every read of a bundle (it holds the applicant's name and contact details) and every write
//!   is audited (`bundle`, `bundle-draft`), never with the answers.

use super::view::*;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
pub use ssr::*;
use stadsporten_domain::ids::{BundleId, CaseId, DraftToken};

/// Starts one application for every permit the guide derived from `query`, for `organisation`.
#[server(endpoint = "business/apply/start", prefix = "/api")]
pub async fn start_bundle(query: String, organisation: String) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::{AuditAction, Outcome};
    use stadsporten_domain::business::GuideOutcome;
    use stadsporten_domain::organisation::OrganisationNumber;
    let viewer = crate::auth::signed_in()?;
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    let settings = use_context::<crate::eservices::server::EServiceSettings>().ok_or(AppError::Internal)?;
    let back = format!("/business?{query}");
    let refuse = |code: &str| crate::flash::FormFlash {
        form: "bundle-start".into(),
        values: vec![("organisation".into(), organisation.clone())],
        errors: vec![("organisation".into(), code.into())],
        args: vec![],
    };
    let Ok(org) = OrganisationNumber::parse(&organisation) else {
        crate::flash::keep(&refuse("bundle-error-organisation")).await?;
        leptos_axum::redirect(&format!("{back}#apply-all"));
        return Ok(());
    };
    if !viewer.may(Permission::ActForOrganisation, &Target::Organisation(&org)) {
        crate::auth::record(
            AuditAction::AccessDenied,
            "organisation",
            Some(org.to_string()),
            Outcome::Denied,
            None,
            Some("bundle".into()),
        )
        .await?;
        crate::flash::keep(&refuse("bundle-error-no-mandate")).await?;
        leptos_axum::redirect(&format!("{back}#apply-all"));
        return Ok(());
    }
    let rules = store.current_ruleset().await?.ok_or(AppError::Internal)?;
    let pairs = stadsporten_domain::catalogue::decode_query_string(&query).unwrap_or_default();
    let (given, _) = rules.parse_answers(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let answers = rules.relevant(&given);
    let GuideOutcome::Permits { permits, .. } = rules.outcome(&answers) else {
        // Questions left, a contradiction or the catch-all: the guide says what to do.
        leptos_axum::redirect(&back);
        return Ok(());
    };
    let mut parts = Vec::new();
    for p in &permits {
        let live = store.live_definition(&p.permit.eservice).await?.ok_or_else(|| {
            tracing::error!(eservice = %p.permit.eservice, "a permit's e-service is not live");
            AppError::Internal
        })?;
        parts.push((p.permit.key.clone(), live.id, random_token()));
    }
    let name = store
        .mandates(viewer.user_id, ctx.now)
        .await?
        .into_iter()
        .find(|m| m.organisation == org)
        .map(|m| m.name)
        .unwrap_or_default();
    let canonical = answers
        .to_pairs(&rules)
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                stadsporten_domain::catalogue::encode_component(k),
                stadsporten_domain::catalogue::encode_component(v)
            )
        })
        .collect::<Vec<_>>()
        .join("&");
    let new_parts: Vec<_> = parts
        .iter()
        .map(|(k, id, token)| stadsporten_db::NewBundlePart { permit_key: k, definition_id: *id, token })
        .collect();
    let token = DraftToken::new(random_token());
    // The entry names the new draft: the store fills in its id.
    let _draft = crate::auth::audited(
        AuditAction::Create,
        "bundle-draft",
        None,
        Some("business-representative"),
        Some(format!("{} permits", parts.len())),
    )?
    .create_bundle_draft(
        &token,
        viewer.user_id,
        org.as_str(),
        &name,
        i64::from(rules.version),
        &canonical,
        &new_parts,
        ctx.now,
        ctx.now + settings.draft_seconds,
    )
    .await?;
    leptos_axum::redirect(&format!("/business/apply/{token}"));
    Ok(())
}

/// The task list of a bundle draft.
#[server(endpoint = "business/apply/tasks", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_apply(token: DraftToken) -> Result<DraftPage<ApplyView>, AppError> {
    use crate::i18n::t;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let b = match own_bundle_draft(&token).await? {
        OwnBundleDraft::Open(b) => b,
        OwnBundleDraft::Submitted(id) => return Ok(DraftPage::Elsewhere(status_href(id))),
    };
    let store = crate::context::store()?;
    let (day, year) = today(ctx.now);
    let mut tasks = Vec::new();
    let facts_done = !b.fact_fields().is_empty() && b.facts_complete(day, year);
    tasks.push(TaskView {
        title: t(lang, "bundle-task-facts"),
        holder: None,
        href: Some(format!("/business/apply/{token}/facts")),
        status: TaskStatus::done_if(facts_done),
    });
    for part in &b.parts {
        let own = part.def.definition.bundle_section();
        let status = if own.steps.is_empty() {
            TaskStatus::Nothing
        } else {
            TaskStatus::done_if(
                stadsporten_domain::eservice::answers::validate_all(&own, &part.draft.answers, day, year).is_ok()
                    && part.draft.current_step.is_some(),
            )
        };
        let first = own.steps.first().map(|s| format!("/apply/{}/step/{}", part.draft.token, s.id));
        tasks.push(TaskView {
            title: b.permit_name(&part.permit_key, lang),
            holder: Some(b.holder(&store, &part.permit_key, lang).await?),
            href: first,
            status,
        });
    }
    let needs = b.document_needs();
    if !needs.is_empty() {
        let docs = store.bundle_documents(b.draft.id).await?;
        let done = needs.iter().all(|n| !n.required() || docs.iter().any(|d| d.document_key == n.key));
        tasks.push(TaskView {
            title: t(lang, "bundle-task-documents"),
            holder: None,
            href: Some(format!("/business/apply/{token}/documents")),
            status: TaskStatus::done_if(done),
        });
    }
    let done = tasks.iter().filter(|t| t.status != TaskStatus::Todo).count();
    let ready = done == tasks.len();
    Ok(DraftPage::Open(ApplyView {
        token: token.clone(),
        organisation: format!("{} ({})", b.draft.organisation_name, b.draft.organisation),
        tasks,
        done,
        expires: crate::ui::stockholm_date(b.draft.expires_at),
        check_href: format!("/business/apply/{token}/check"),
        ready,
    }))
}

/// The shared facts form.
#[server(endpoint = "business/apply/facts", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_facts(token: DraftToken) -> Result<DraftPage<FactsView>, AppError> {
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let viewer = crate::auth::signed_in()?;
    let b = match own_bundle_draft(&token).await? {
        OwnBundleDraft::Open(b) => b,
        OwnBundleDraft::Submitted(id) => return Ok(DraftPage::Elsewhere(status_href(id))),
    };
    let store = crate::context::store()?;
    let flash = ctx.flash_for("bundle-facts").cloned();
    let mut fields = Vec::new();
    let answers = b.fact_answers();
    for (_, f) in b.fact_fields() {
        fields.push(crate::eservices::server::field_view(&f, &answers, flash.as_ref(), lang, &store).await?);
    }
    let errors = fields
        .iter()
        .filter_map(|f| {
            f.error
                .as_ref()
                .map(|(input, msg)| (format!("#{}", crate::eservices::server::input_id(input)), msg.clone()))
        })
        .collect();
    let names: Vec<String> = b.parts.iter().map(|p| b.permit_name(&p.permit_key, lang)).collect();
    Ok(DraftPage::Open(FactsView {
        token,
        organisation: format!("{} ({})", b.draft.organisation_name, b.draft.organisation),
        contact_name: viewer.name.clone(),
        used_by: names.join(", "),
        fields,
        errors,
    }))
}

/// The documents page: each document once, with the permits it goes to.
#[server(endpoint = "business/apply/documents", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_documents(token: DraftToken) -> Result<DraftPage<DocumentsView>, AppError> {
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let b = match own_bundle_draft(&token).await? {
        OwnBundleDraft::Open(b) => b,
        OwnBundleDraft::Submitted(id) => return Ok(DraftPage::Elsewhere(status_href(id))),
    };
    let store = crate::context::store()?;
    let settings = use_context::<crate::eservices::server::EServiceSettings>().ok_or(AppError::Internal)?;
    let flash = ctx.flash_for("bundle-documents").cloned();
    let uploaded = store.bundle_documents(b.draft.id).await?;
    let mut documents = Vec::new();
    for need in b.document_needs() {
        let doc = b.rules.document(&need.key);
        let accepted = need.accepted();
        let needed_by: Vec<String> =
            need.fields.iter().map(|(i, _)| b.permit_name(&b.parts[*i].permit_key, lang)).collect();
        let error = flash.as_ref().and_then(|f| f.message(&need.key, lang));
        documents.push(DocumentView {
            key: need.key.clone(),
            name: doc.map(|d| d.name.get(lang).to_owned()).unwrap_or_else(|| need.key.clone()),
            hint: doc.and_then(|d| d.hint.as_ref()).map(|h| h.get(lang).to_owned()),
            needed_by: needed_by.join(", "),
            files: uploaded
                .iter()
                .filter(|u| u.document_key == need.key)
                .map(|u| UploadedView {
                    group: u.group.clone(),
                    name: u.file_name.clone(),
                    size: crate::cases::server::size_label(u.size_bytes),
                    held: u.held,
                })
                .collect(),
            accept: accepted.iter().map(|k| k.mime()).collect::<Vec<_>>().join(","),
            accept_labels: accepted.iter().map(|k| k.label()).collect::<Vec<_>>().join(", "),
            max_files: need.max_files(),
            error,
        });
    }
    let errors =
        documents.iter().filter_map(|d| d.error.as_ref().map(|e| (format!("#doc-{}", d.key), e.clone()))).collect();
    Ok(DraftPage::Open(DocumentsView {
        token,
        documents,
        max_upload_mb: u32::try_from(settings.max_upload_bytes / (1024 * 1024)).unwrap_or(10),
        errors,
    }))
}

/// Everything the bundle will file, with what is still missing, and the declaration.
#[server(endpoint = "business/apply/check", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_bundle_check(token: DraftToken) -> Result<DraftPage<BundleCheckView>, AppError> {
    use crate::eservices::view::AnswerRow;
    use stadsporten_domain::eservice::answers::{field_visible, visible_steps};
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let viewer = crate::auth::signed_in()?;
    let b = match own_bundle_draft(&token).await? {
        OwnBundleDraft::Open(b) => b,
        OwnBundleDraft::Submitted(id) => return Ok(DraftPage::Elsewhere(status_href(id))),
    };
    let store = crate::context::store()?;
    let facts_answers = b.fact_answers();
    let facts = b
        .fact_fields()
        .iter()
        .map(|(_, f)| AnswerRow {
            label: f.label.get(lang).to_owned(),
            lines: crate::eservices::display::answer_lines(f, facts_answers.get(&f.id), lang),
        })
        .collect();
    let mut permits = Vec::new();
    for part in &b.parts {
        let own = part.def.definition.bundle_section();
        let rows = visible_steps(&own, &part.draft.answers)
            .iter()
            .flat_map(|s| s.fields.iter().filter(|f| field_visible(f, &part.draft.answers)))
            .map(|f| AnswerRow {
                label: f.label.get(lang).to_owned(),
                lines: crate::eservices::display::answer_lines(f, part.draft.answers.get(&f.id), lang),
            })
            .collect();
        permits.push(PermitAnswers {
            name: b.permit_name(&part.permit_key, lang),
            holder: b.holder(&store, &part.permit_key, lang).await?,
            rows,
            change_href: own.steps.first().map(|s| format!("/apply/{}/step/{}", part.draft.token, s.id)),
        });
    }
    let uploaded = store.bundle_documents(b.draft.id).await?;
    let documents = b
        .document_needs()
        .iter()
        .map(|n| AnswerRow {
            label: b.rules.document(&n.key).map(|d| d.name.get(lang).to_owned()).unwrap_or_else(|| n.key.clone()),
            lines: uploaded.iter().filter(|u| u.document_key == n.key).map(|u| u.file_name.clone()).collect(),
        })
        .collect();
    let (day, year) = today(ctx.now);
    let incomplete = b.problems(day, year).into_iter().map(|p| p.link(&b, &token, lang)).collect();
    Ok(DraftPage::Open(BundleCheckView {
        token: token.clone(),
        organisation: format!("{} ({})", b.draft.organisation_name, b.draft.organisation),
        facts,
        permits,
        documents,
        incomplete,
        notify_note: crate::eservices::server::notify_note(&store, viewer.user_id, lang).await?,
    }))
}

/// Deletes a bundle draft with its parts and files.
#[server(endpoint = "business/apply/discard", prefix = "/api")]
pub async fn discard_bundle(token: DraftToken) -> Result<(), AppError> {
    use stadsporten_domain::audit::AuditAction;
    let b = match own_bundle_draft(&token).await? {
        OwnBundleDraft::Open(b) => b,
        OwnBundleDraft::Submitted(id) => {
            // Filed already (a stale tab): nothing to discard; show where it went.
            leptos_axum::redirect(&status_href(id));
            return Ok(());
        }
    };
    let keys = crate::auth::audited(
        AuditAction::Delete,
        "bundle-draft",
        Some(b.draft.id.to_string()),
        Some("business-representative"),
        None,
    )?
    .delete_bundle_draft(b.draft.id)
    .await?;
    if let Some(files) = use_context::<crate::files::FilesHandle>() {
        for k in keys {
            if let Err(e) = files.0.delete(&k).await {
                tracing::warn!(error = %e, "could not delete a discarded bundle's file");
            }
        }
    }
    leptos_axum::redirect("/my/cases?saved=discarded");
    Ok(())
}

/// The entrepreneur's one status page of a submitted bundle.
#[server(endpoint = "my/business", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_status(id: BundleId) -> Result<StatusView, AppError> {
    use stadsporten_domain::audit::{AuditAction, Outcome};
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let viewer = crate::auth::signed_in()?;
    let store = crate::context::store()?;
    let bundle = store.bundle(id).await?.filter(|b| crate::cases::access::is_applicant(&viewer, b.applicant_id));
    let bundle = bundle.ok_or_else(|| AppError::NotFound.respond())?;
    let rules = bundle_rules(&store, &bundle).await?;
    let parts = store.bundle_parts(id, ctx.now).await?;
    let views = part_views(&store, &rules, &parts, lang, PartLinks::Applicant).await?;
    let flash = ctx.flash_for("completion").cloned();
    let mut completions = Vec::new();
    for p in parts.iter().filter(|p| p.open_completions > 0) {
        for r in store.completion_requests(p.case_id).await?.into_iter().filter(|r| r.open()) {
            let mine = flash.as_ref().filter(|f| f.value("case") == Some(&p.case_id.to_string()));
            completions.push(OpenCompletion {
                case_id: p.case_id,
                permit: permit_name(&rules, &p.permit_key, lang),
                message: r.message.clone(),
                reply_by: r.reply_by.clone(),
                error: mine.and_then(|f| f.message("answer", lang)),
                value: mine.and_then(|f| f.value("answer")).unwrap_or_default().to_owned(),
            });
        }
    }
    store.mark_bundle_messages_read(id, true, ctx.now).await?;
    let (progress, all_decided) = progress(&parts, lang);
    crate::auth::record(
        AuditAction::Read,
        "bundle",
        Some(id.to_string()),
        Outcome::Success,
        Some("business-representative"),
        None,
    )
    .await?;
    Ok(StatusView {
        id,
        bundle_number: bundle.bundle_number.clone(),
        organisation: format!("{} ({})", bundle.organisation_name, bundle.organisation),
        submitted: crate::ui::stockholm_time(bundle.submitted_at),
        coordinator: bundle.coordinator_name.clone(),
        progress,
        all_decided,
        parts: views,
        completions,
        messages: messages(&store, &rules, id, &parts, &Side::Applicant, lang).await?,
        timeline: timeline(&store, &rules, id, &parts, &Side::Applicant, lang).await?,
        notify_note: crate::eservices::server::notify_note(&store, viewer.user_id, lang).await?,
    })
}

/// A message in the bundle's one inbox: from the entrepreneur to every unit, or from the
/// coordinator to the entrepreneur for all units.
#[server(endpoint = "business/message", prefix = "/api")]
pub async fn send_bundle_message(bundle_id: BundleId, body: String) -> Result<(), AppError> {
    use stadsporten_domain::audit::{AuditAction, Outcome};
    let viewer = crate::auth::signed_in()?;
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    let bundle = store.bundle(bundle_id).await?.ok_or_else(|| AppError::NotFound.respond())?;
    let (from_applicant, back, role) = if crate::cases::access::is_applicant(&viewer, bundle.applicant_id) {
        (true, format!("/my/business/{bundle_id}"), "business-representative")
    } else if is_coordinator(&viewer) {
        (false, format!("/officer/bundles/{bundle_id}"), "case-officer")
    } else {
        crate::auth::record(
            AuditAction::AccessDenied,
            "bundle",
            Some(bundle_id.to_string()),
            Outcome::Denied,
            None,
            Some("message".into()),
        )
        .await?;
        return Err(AppError::NotFound.respond());
    };
    let body = body.trim().to_owned();
    if body.is_empty() || body.chars().count() > 4000 {
        crate::flash::keep(&crate::flash::FormFlash {
            form: "bundle-message".into(),
            values: vec![("body".into(), body)],
            errors: vec![("body".into(), "bundle-error-message".into())],
            args: vec![],
        })
        .await?;
        leptos_axum::redirect(&format!("{back}#message-form"));
        return Ok(());
    }
    crate::auth::audited(AuditAction::Create, "bundle-message", None, Some(role), Some(format!("bundle {bundle_id}")))?
        .add_bundle_message(bundle_id, viewer.user_id, from_applicant, &body, ctx.now)
        .await?;
    leptos_axum::redirect(&format!("{back}?saved=message#messages-heading"));
    Ok(())
}

/// `/officer/bundles`: the bundles the viewer coordinates or whose parts their units hold, and
/// the statement requests to their units.
#[server(endpoint = "officer/bundles", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn officer_bundles() -> Result<OfficerBundlesView, AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::{AuditAction, Outcome};
    let viewer = crate::auth::require(Permission::ViewCases, &Target::AnyObject).await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let coordinator = is_coordinator(&viewer);
    let units = crate::cases::server::units_of(&viewer, Permission::ViewCases);
    let list = if coordinator { store.all_bundles().await? } else { store.bundles_of_units(&units).await? };
    let bundles = list.iter().map(|b| bundle_line(b, lang)).collect();
    let mut statements = Vec::new();
    for u in &units {
        for s in store.statements_to_unit(u).await? {
            statements.push(statement_view(&s, &units, ctx.now));
        }
    }
    crate::auth::record(
        AuditAction::Read,
        "bundle-list",
        Some(units.join(",")),
        Outcome::Success,
        Some("case-officer"),
        None,
    )
    .await?;
    Ok(OfficerBundlesView { coordinator, bundles, statements })
}

/// `/officer/bundles/{id}`.
#[server(endpoint = "officer/bundle", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_officer_bundle(id: BundleId) -> Result<OfficerBundleView, AppError> {
    use crate::eservices::view::AnswerRow;
    use stadsporten_domain::access::Permission;
    use stadsporten_domain::audit::{AuditAction, Outcome};
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let (viewer, bundle, parts, coordinator) = officer_bundle(id).await?;
    let store = crate::context::store()?;
    let rules = bundle_rules(&store, &bundle).await?;
    let units = crate::cases::server::units_of(&viewer, Permission::ViewCases);
    let links = if coordinator { PartLinks::Coordinator(units.clone()) } else { PartLinks::Officer(units.clone()) };
    let side = if coordinator { Side::Coordinator } else { Side::Officer(units.clone()) };
    let views = part_views(&store, &rules, &parts, lang, links).await?;
    if coordinator {
        store.mark_bundle_messages_read(id, false, ctx.now).await?;
    }
    let facts = fact_rows(&bundle.shared, lang);
    let statements = store.statements_of_bundle(id).await?.iter().map(|s| statement_view(s, &units, ctx.now)).collect();
    let own_cases = parts
        .iter()
        .filter(|p| p.status.is_open() && units.contains(&p.unit_code) && p.authority.is_none())
        .map(|p| (p.case_id, format!("{} – {}", p.case_number, permit_name(&rules, &p.permit_key, lang))))
        .collect();
    let mut all_units: Vec<(String, String)> = Vec::new();
    for p in &parts {
        if p.authority.is_none() && !all_units.iter().any(|(c, _)| c == &p.unit_code) {
            all_units
                .push((p.unit_code.clone(), crate::eservices::server::unit_name(&store, &p.unit_code, lang).await?));
        }
    }
    let referrals = if coordinator {
        parts
            .iter()
            .filter(|p| p.authority.is_some() && p.status.is_open())
            .map(|p| (p.case_id, permit_name(&rules, &p.permit_key, lang)))
            .collect()
    } else {
        vec![]
    };
    let (progress, _) = progress(&parts, lang);
    crate::auth::record(
        AuditAction::Read,
        "bundle",
        Some(id.to_string()),
        Outcome::Success,
        Some("case-officer"),
        None,
    )
    .await?;
    Ok(OfficerBundleView {
        id,
        bundle_number: bundle.bundle_number.clone(),
        organisation: format!("{} ({})", bundle.organisation_name, bundle.organisation),
        applicant: bundle.applicant_name.clone(),
        submitted: crate::ui::stockholm_time(bundle.submitted_at),
        coordinator_name: bundle.coordinator_name.clone(),
        coordinator,
        progress,
        parts: views,
        facts: facts.into_iter().map(|(label, lines)| AnswerRow { label, lines }).collect(),
        messages: messages(&store, &rules, id, &parts, &side, lang).await?,
        timeline: timeline(&store, &rules, id, &parts, &side, lang).await?,
        statements,
        own_cases,
        units: all_units,
        referrals,
    })
}

/// The coordinator records an outside authority's answer to a referral part.
#[server(endpoint = "officer/bundle/referral", prefix = "/api")]
pub async fn record_referral(
    bundle_id: BundleId,
    case_id: CaseId,
    outcome: Option<String>,
    motivation: String,
) -> Result<(), AppError> {
    use stadsporten_domain::audit::AuditAction;
    use stadsporten_domain::eservice::DecisionOutcome;
    let (viewer, _, parts, coordinator) = officer_bundle(bundle_id).await?;
    let back = format!("/officer/bundles/{bundle_id}");
    let part = parts.iter().find(|p| p.case_id == case_id && p.authority.is_some());
    let Some(part) = part.filter(|_| coordinator) else { return Err(AppError::NotFound.respond()) };
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    let why = motivation.trim().to_owned();
    let chosen = outcome.as_deref().and_then(DecisionOutcome::parse);
    let refuse = |field: &str, code: &str| crate::flash::FormFlash {
        form: format!("referral-{case_id}"),
        values: vec![("outcome".into(), outcome.clone().unwrap_or_default()), ("motivation".into(), why.clone())],
        errors: vec![(field.into(), code.into())],
        args: vec![],
    };
    let Some(chosen) = chosen else {
        crate::flash::keep(&refuse("outcome", "field-error-choose")).await?;
        leptos_axum::redirect(&format!("{back}#referral-{case_id}"));
        return Ok(());
    };
    if why.chars().count() < 3 || why.chars().count() > 8000 {
        crate::flash::keep(&refuse("motivation", "bundle-error-referral-text")).await?;
        leptos_axum::redirect(&format!("{back}#referral-{case_id}"));
        return Ok(());
    }
    let case = store.case_record(part.case_id).await?.ok_or(AppError::Internal)?;
    let def = store.definition(case.definition_id).await?.ok_or(AppError::Internal)?;
    let case_lang = stadsporten_domain::Lang::parse(&case.lang).unwrap_or_default();
    let d = &def.definition.decision;
    let template = match chosen {
        DecisionOutcome::Approved => d.approved.get(case_lang),
        DecisionOutcome::Rejected => d.rejected.get(case_lang),
        DecisionOutcome::PartlyApproved => d.partly_approved.get(case_lang),
    };
    let decision = stadsporten_db::NewDecision {
        outcome: chosen,
        lang: case_lang.code(),
        template,
        motivation: &why,
        appeal: d.appeal.get(case_lang),
        // A bundle's permits carry no offers (a permit is granted, not offered).
        offer: None,
    };
    let audited = crate::auth::audited(
        AuditAction::Update,
        "case",
        Some(case_id.to_string()),
        Some("case-officer"),
        Some("referral-answered".into()),
    )?;
    use stadsporten_db::{CaseRefusal, DbError, Refusal};
    match audited.record_referral_answer(case_id, viewer.user_id, &decision, ctx.now).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("{back}?saved=referral"));
        }
        Err(DbError::Refused(Refusal::Case(CaseRefusal::Held { .. }))) => {
            crate::flash::keep(&refuse("outcome", "bundle-error-held")).await?;
            leptos_axum::redirect(&format!("{back}#referral-{case_id}"));
        }
        Err(DbError::Refused(_) | DbError::Conflict | DbError::NotFound) => {
            leptos_axum::redirect(&format!("{back}?saved=stale"))
        }
        Err(e) => return Err(AppError::from(e).respond()),
    }
    Ok(())
}

/// An officer of one part's unit asks another unit of the bundle for a statement (remiss).
#[server(endpoint = "officer/bundle/statement", prefix = "/api")]
pub async fn request_statement(
    bundle_id: BundleId,
    case_id: CaseId,
    to_unit: String,
    question: String,
    due_date: String,
) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::AuditAction;
    use stadsporten_domain::organisation::UnitCode;
    let (viewer, _, parts, _) = officer_bundle(bundle_id).await?;
    let back = format!("/officer/bundles/{bundle_id}");
    let ctx = crate::context::current();
    let part = parts.iter().find(|p| p.case_id == case_id && p.authority.is_none() && p.status.is_open());
    let may = part.is_some_and(|p| {
        UnitCode::parse(&p.unit_code).is_some_and(|u| viewer.may(Permission::HandleCases, &Target::Unit(&u)))
    });
    if !may {
        return Err(AppError::NotFound.respond());
    }
    let question = question.trim().to_owned();
    let values = vec![
        ("case_id".to_owned(), case_id.to_string()),
        ("to_unit".to_owned(), to_unit.clone()),
        ("question".to_owned(), question.clone()),
        ("due_date".to_owned(), due_date.clone()),
    ];
    let refuse = |field: &str, code: &str| crate::flash::FormFlash {
        form: "statement".into(),
        values: values.clone(),
        errors: vec![(field.into(), code.into())],
        args: vec![],
    };
    let known_unit = parts.iter().any(|p| p.authority.is_none() && p.unit_code == to_unit)
        && part.is_some_and(|p| p.unit_code != to_unit);
    let (day, _) = today(ctx.now);
    let due = stadsporten_domain::date::Date::parse(due_date.trim()).map(|d| d.day_number());
    let problem = if !known_unit {
        Some(("to_unit", "bundle-error-statement-unit"))
    } else if question.chars().count() < 5 || question.chars().count() > 4000 {
        Some(("question", "bundle-error-statement-question"))
    } else if due.is_none_or(|d| d <= day) {
        Some(("due_date", "officer-error-reply-by"))
    } else {
        None
    };
    if let Some((field, code)) = problem {
        crate::flash::keep(&refuse(field, code)).await?;
        leptos_axum::redirect(&format!("{back}#statement-form"));
        return Ok(());
    }
    crate::auth::audited(
        AuditAction::Create,
        "statement-request",
        None,
        Some("case-officer"),
        Some(format!("case {case_id} to {to_unit}")),
    )?
    .request_statement(case_id, &to_unit, &question, due.unwrap_or(day), viewer.user_id, ctx.now)
    .await?
    .ok_or_else(|| AppError::NotFound.respond())?;
    leptos_axum::redirect(&format!("{back}?saved=statement#statements-heading"));
    Ok(())
}

/// The asked unit answers a statement request, once.
#[server(endpoint = "officer/bundle/statement-answer", prefix = "/api")]
pub async fn answer_statement(bundle_id: BundleId, id: i64, answer: String) -> Result<(), AppError> {
    use stadsporten_domain::access::Permission;
    use stadsporten_domain::audit::AuditAction;
    let (viewer, _, _, _) = officer_bundle(bundle_id).await?;
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    let back = format!("/officer/bundles/{bundle_id}");
    let units = crate::cases::server::units_of(&viewer, Permission::HandleCases);
    let request = store.statements_of_bundle(bundle_id).await?.into_iter().find(|s| s.id == id);
    let Some(request) = request.filter(|s| units.contains(&s.to_unit)) else {
        return Err(AppError::NotFound.respond());
    };
    let answer = answer.trim().to_owned();
    if answer.chars().count() < 2 || answer.chars().count() > 4000 {
        crate::flash::keep(&crate::flash::FormFlash {
            form: format!("statement-{id}"),
            values: vec![("answer".into(), answer)],
            errors: vec![("answer".into(), "bundle-error-statement-answer".into())],
            args: vec![],
        })
        .await?;
        leptos_axum::redirect(&format!("{back}#statement-{id}"));
        return Ok(());
    }
    let audited = crate::auth::audited(
        AuditAction::Update,
        "statement-request",
        Some(id.to_string()),
        Some("case-officer"),
        Some("answered".into()),
    )?;
    if audited.answer_statement(request.id, &answer, viewer.user_id, ctx.now).await? {
        leptos_axum::redirect(&format!("{back}?saved=statement-answer#statements-heading"));
    } else {
        leptos_axum::redirect(&format!("{back}?saved=stale"));
    }
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::cases::view::{MessageItem, TimelineItem};
    use crate::context::Viewer;
    pub use crate::eservices::server::{random_token, today};
    use crate::eservices::view::Link;
    use crate::i18n::{t, ta};
    use stadsporten_db::{
        BundleDraftRecord, BundleRecord, DefinitionRecord, DraftRecord, PartRecord, StatementRequest, Store,
    };
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::business::bundle::{document_needs, fact_fields, hold, DocumentNeed, Hold};
    use stadsporten_domain::business::{Responsible, Ruleset};
    use stadsporten_domain::eservice::{Answers, CaseStatus, Field, ServiceDefinition, SharedFact};
    use stadsporten_domain::ids::{BundleId, DraftToken};
    use stadsporten_domain::organisation::UnitCode;
    use stadsporten_domain::Lang;

    /// One permit's part of a bundle draft.
    pub struct Part {
        pub permit_key: String,
        pub draft: DraftRecord,
        pub def: std::sync::Arc<DefinitionRecord>,
    }

    /// A bundle draft with its parts and the rules it was derived with.
    pub struct OpenBundle {
        pub draft: BundleDraftRecord,
        pub parts: Vec<Part>,
        pub rules: Ruleset,
    }

    /// Something to do before the bundle can be submitted (the rule is the domain's).
    pub use stadsporten_domain::business::bundle::Problem;

    /// Where each problem is fixed.
    pub trait ProblemLink {
        fn link(&self, b: &OpenBundle, token: &DraftToken, lang: Lang) -> Link;
    }

    impl ProblemLink for Problem {
        fn link(&self, b: &OpenBundle, token: &DraftToken, lang: Lang) -> Link {
            match self {
                Problem::Facts => {
                    Link { href: format!("/business/apply/{token}/facts"), text: t(lang, "bundle-task-facts") }
                }
                Problem::Documents => {
                    Link { href: format!("/business/apply/{token}/documents"), text: t(lang, "bundle-task-documents") }
                }
                Problem::Part(i, step) => Link {
                    href: format!("/apply/{}/step/{step}", b.parts[*i].draft.token),
                    text: b.permit_name(&b.parts[*i].permit_key, lang),
                },
            }
        }
    }

    impl OpenBundle {
        pub fn defs(&self) -> Vec<&ServiceDefinition> {
            self.parts.iter().map(|p| &p.def.definition).collect()
        }

        pub fn fact_fields(&self) -> Vec<(SharedFact, Field)> {
            fact_fields(&self.defs())
        }

        pub fn document_needs(&self) -> Vec<DocumentNeed<'_>> {
            document_needs(&self.defs())
        }

        /// The shared facts as answers to the bundle's own fact fields.
        pub fn fact_answers(&self) -> Answers {
            self.fact_fields()
                .iter()
                .filter_map(|(fact, f)| self.draft.shared.get(fact.slug()).map(|a| (f.id.clone(), a.clone())))
                .collect()
        }

        pub fn facts_complete(&self, day: i64, year: u32) -> bool {
            let fields: Vec<Field> = self.fact_fields().into_iter().map(|(_, f)| f).collect();
            let Some(first) = self.parts.first() else { return false };
            stadsporten_domain::business::bundle::facts_complete(
                &first.def.definition,
                fields,
                &self.fact_answers(),
                day,
                year,
            )
        }

        pub fn permit_name(&self, key: &str, lang: Lang) -> String {
            permit_name(&self.rules, key, lang)
        }

        pub async fn holder(&self, store: &Store, key: &str, lang: Lang) -> Result<String, AppError> {
            holder(store, &self.rules, key, lang).await
        }

        /// What is still missing, in task order (the domain's rule over this bundle's parts).
        pub fn problems(&self, day: i64, year: u32) -> Vec<Problem> {
            let parts: Vec<_> = self.parts.iter().map(|p| (&p.def.definition, &p.draft.answers)).collect();
            stadsporten_domain::business::bundle::problems(&parts, self.facts_complete(day, year), day, year)
        }
    }

    pub fn permit_name(rules: &Ruleset, key: &str, lang: Lang) -> String {
        rules.permit(key).map(|p| p.name.get(lang).to_owned()).unwrap_or_else(|| key.to_owned())
    }

    /// Who handles a permit: the unit's name, or the authority's "via the business guide team".
    pub async fn holder(store: &Store, rules: &Ruleset, key: &str, lang: Lang) -> Result<String, AppError> {
        Ok(match rules.permit(key).map(|p| &p.responsible) {
            Some(Responsible::Unit(u)) => crate::eservices::server::unit_name(store, u, lang).await?,
            Some(Responsible::Authority(a)) => {
                let name = rules.authority(a).map(|x| x.name.get(lang).to_owned()).unwrap_or_else(|| a.clone());
                ta(lang, "bundle-holder-authority", &[("name", name.into())])
            }
            None => key.to_owned(),
        })
    }

    /// A bundle draft as its owner finds it.
    pub enum OwnBundleDraft {
        /// Still being filled in: its parts and rules.
        Open(Box<OpenBundle>),
        /// Submitted as this bundle: the draft's pages lead to its status page.
        Submitted(BundleId),
    }

    /// The status page of bundle `id`.
    pub fn status_href(id: BundleId) -> String {
        format!("/my/business/{id}")
    }

    /// The signed-in person's own bundle draft, open or submitted; "not found" for anyone else's.
    /// No side effects: what a submitted draft leads to is the caller's one outcome.
    pub async fn own_bundle_draft(token: &DraftToken) -> Result<OwnBundleDraft, AppError> {
        let viewer = crate::auth::signed_in()?;
        let store = crate::context::store()?;
        if let Some(d) = store.bundle_draft(token).await?.filter(|d| d.user_id == viewer.user_id) {
            if let Some(id) = d.bundle_id {
                return Ok(OwnBundleDraft::Submitted(id));
            }
        }
        Ok(OwnBundleDraft::Open(Box::new(load_bundle_draft(&store, &viewer, token).await?)))
    }

    /// An open bundle draft of `viewer` ("not found" for anyone else's and for a submitted one),
    /// for [`own_bundle_draft`] and the server's routes.
    pub async fn load_bundle_draft(store: &Store, viewer: &Viewer, token: &DraftToken) -> Result<OpenBundle, AppError> {
        if !token.is_well_formed() {
            return Err(AppError::NotFound.respond());
        }
        let draft = store
            .bundle_draft(token)
            .await?
            .filter(|d| d.user_id == viewer.user_id)
            .ok_or_else(|| AppError::NotFound.respond())?;
        if draft.bundle_id.is_some() {
            return Err(AppError::NotFound.respond());
        }
        let mut parts = Vec::new();
        for d in store.bundle_draft_parts(draft.id).await? {
            let def = store.definition(d.definition_id).await?.ok_or(AppError::Internal)?;
            parts.push(Part { permit_key: d.permit_key.clone().unwrap_or_default(), draft: d, def });
        }
        let version = u32::try_from(draft.ruleset_version).unwrap_or(0);
        let rules = store.ruleset(version).await?.ok_or(AppError::Internal)?;
        Ok(OpenBundle { draft, parts, rules })
    }

    pub async fn bundle_rules(store: &Store, bundle: &BundleRecord) -> Result<Ruleset, AppError> {
        let version = u32::try_from(bundle.ruleset_version).unwrap_or(0);
        store.ruleset(version).await?.ok_or(AppError::Internal)
    }

    /// Case officers of the business guide team coordinate bundles.
    pub fn is_coordinator(viewer: &Viewer) -> bool {
        UnitCode::parse(stadsporten_db::COORDINATING_UNIT)
            .is_some_and(|u| viewer.may(Permission::HandleCases, &Target::Unit(&u)))
    }

    /// A bundle for an officer: the coordinating team sees it all, an officer of a unit holding
    /// one of its parts sees it from that unit's side; anyone else is refused (audited).
    pub async fn officer_bundle(id: BundleId) -> Result<(Viewer, BundleRecord, Vec<PartRecord>, bool), AppError> {
        use stadsporten_domain::audit::{AuditAction, Outcome};
        let viewer = crate::auth::require(Permission::ViewCases, &Target::AnyObject).await?;
        let ctx = crate::context::current();
        let store = crate::context::store()?;
        let bundle = store.bundle(id).await?.ok_or_else(|| AppError::NotFound.respond())?;
        let parts = store.bundle_parts(id, ctx.now).await?;
        let coordinator = is_coordinator(&viewer);
        let units = crate::cases::server::units_of(&viewer, Permission::ViewCases);
        if !coordinator && !parts.iter().any(|p| units.contains(&p.unit_code)) {
            crate::auth::record(AuditAction::AccessDenied, "bundle", Some(id.to_string()), Outcome::Denied, None, None)
                .await?;
            return Err(AppError::NotFound.respond());
        }
        Ok((viewer, bundle, parts, coordinator))
    }

    /// Which parts' cases a viewer may open.
    pub enum PartLinks {
        Applicant,
        Coordinator(Vec<String>),
        Officer(Vec<String>),
    }

    pub async fn part_views(
        store: &Store,
        rules: &Ruleset,
        parts: &[PartRecord],
        lang: Lang,
        links: PartLinks,
    ) -> Result<Vec<PartView>, AppError> {
        let states: Vec<_> = parts.iter().map(|p| p.state()).collect();
        let mut out = Vec::new();
        for p in parts {
            let name = permit_name(rules, &p.permit_key, lang);
            let hold_text = hold(&p.state(), &states).map(|h| {
                let other = permit_name(rules, h.permit_key(), lang);
                match h {
                    Hold::WaitingFor(_) => ta(lang, "bundle-waiting-for", &[("name", other.into())]),
                    Hold::DependencyNotGranted(_) => ta(lang, "bundle-on-hold", &[("name", other.into())]),
                }
            });
            let href = match &links {
                PartLinks::Applicant => Some(format!("/my/cases/{}", p.case_id)),
                PartLinks::Coordinator(u) | PartLinks::Officer(u) => {
                    u.contains(&p.unit_code).then(|| format!("/officer/cases/{}", p.case_id))
                }
            };
            let decided = matches!(p.status, CaseStatus::Decided | CaseStatus::Closed);
            let next_step = match (p.status, p.authority.is_some()) {
                (CaseStatus::Submitted, true) | (CaseStatus::InProgress, true) => t(lang, "bundle-next-authority"),
                (CaseStatus::Submitted, false) => t(lang, "bundle-next-submitted"),
                (CaseStatus::InProgress, false) => t(lang, "bundle-next-in-progress"),
                (CaseStatus::AwaitingCompletion, _) => t(lang, "bundle-next-completion"),
                (CaseStatus::Decided | CaseStatus::Closed, _) => t(lang, "bundle-next-decided"),
                (CaseStatus::Withdrawn, _) => t(lang, "bundle-next-withdrawn"),
            };
            out.push(PartView {
                permit: name,
                case_id: p.case_id,
                case_number: p.case_number.clone(),
                href,
                holder: holder(store, rules, &p.permit_key, lang).await?,
                officer: p.assignee_name.clone(),
                status: crate::cases::server::status_text(p.status, p.outcome, lang),
                status_slug: p.status.slug().to_owned(),
                due: if p.status.is_open() { crate::ui::stockholm_date(p.due_at) } else { String::new() },
                next_step,
                hold: hold_text,
                decision_href: (decided && matches!(links, PartLinks::Applicant))
                    .then(|| format!("/my/cases/{}/decision", p.case_id)),
                authority: p.authority.is_some(),
            });
        }
        Ok(out)
    }

    /// "3 of 5 permits decided", or "All permits are decided" (and whether they are).
    pub fn progress(parts: &[PartRecord], lang: Lang) -> (String, bool) {
        let p =
            stadsporten_domain::business::bundle::Progress::of(&parts.iter().map(|p| p.state()).collect::<Vec<_>>());
        if p.all_decided() {
            (t(lang, "bundle-all-decided"), true)
        } else {
            (ta(lang, "bundle-progress", &[("decided", p.decided.into()), ("total", p.total.into())]), false)
        }
    }

    pub fn fact_rows(shared: &Answers, lang: Lang) -> Vec<(String, Vec<String>)> {
        SharedFact::ALL
            .iter()
            .filter_map(|fact| {
                let answer = shared.get(fact.slug())?;
                let lines = match answer {
                    stadsporten_domain::eservice::Answer::Address(a) => {
                        vec![a.street.clone(), format!("{} {}", a.postcode, a.city)]
                    }
                    stadsporten_domain::eservice::Answer::Text(t) => vec![t.clone()],
                    other => other.form_pairs("x").into_iter().map(|(_, v)| v).collect(),
                };
                Some((t(lang, &format!("bundle-fact-{}", fact.slug())), lines))
            })
            .collect()
    }

    /// Whose view of a bundle: the entrepreneur, the coordinating team, or an officer of some units.
    pub enum Side {
        Applicant,
        Coordinator,
        Officer(Vec<String>),
    }

    impl Side {
        fn staff(&self) -> bool {
            !matches!(self, Side::Applicant)
        }

        /// A part's conversation and internal events: the applicant's own, the coordinator's,
        /// and an officer's for their own units' parts only (need to know).
        fn sees_inside(&self, part: &PartRecord) -> bool {
            match self {
                Side::Applicant | Side::Coordinator => true,
                Side::Officer(units) => units.contains(&part.unit_code),
            }
        }
    }

    /// One inbox: the bundle's messages and every part's conversation the viewer may read, in
    /// time order, each case's messages labelled with its permit.
    pub async fn messages(
        store: &Store,
        rules: &Ruleset,
        id: BundleId,
        parts: &[PartRecord],
        side: &Side,
        lang: Lang,
    ) -> Result<Vec<MessageItem>, AppError> {
        let staff = side.staff();
        let mut all: Vec<(i64, MessageItem)> = store
            .bundle_messages(id)
            .await?
            .into_iter()
            .map(|m| {
                let item = MessageItem {
                    at: crate::ui::stockholm_time(m.at),
                    author: if m.from_applicant || staff { m.author_name } else { t(lang, "bundle-from-guide-team") },
                    from_applicant: m.from_applicant,
                    body: m.body,
                    files: vec![],
                };
                (m.at, item)
            })
            .collect();
        for p in parts.iter().filter(|p| side.sees_inside(p)) {
            let permit = permit_name(rules, &p.permit_key, lang);
            for m in store.case_messages(p.case_id).await? {
                let author = if m.from_applicant || staff { m.author_name.clone() } else { t(lang, "case-from-city") };
                let item = MessageItem {
                    at: crate::ui::stockholm_time(m.at),
                    author: format!("{author} – {permit}"),
                    from_applicant: m.from_applicant,
                    body: m.body.clone(),
                    files: m.attachments.iter().map(|a| crate::cases::server::file_link(a, lang)).collect(),
                };
                all.push((m.at, item));
            }
        }
        all.sort_by_key(|(at, _)| *at);
        Ok(all.into_iter().map(|(_, m)| m).collect())
    }

    /// The combined timeline: the bundle's own events and every part's case events, each
    /// labelled with its permit; internal entries only where the viewer may see inside.
    pub async fn timeline(
        store: &Store,
        rules: &Ruleset,
        id: BundleId,
        parts: &[PartRecord],
        side: &Side,
        lang: Lang,
    ) -> Result<Vec<TimelineItem>, AppError> {
        let staff = side.staff();
        let mut all: Vec<(i64, TimelineItem)> = store
            .bundle_events(id, staff)
            .await?
            .into_iter()
            .map(|e| {
                let permit = e.permit_key.as_deref().map(|k| permit_name(rules, k, lang)).unwrap_or_default();
                let detail = match e.kind.as_str() {
                    "part-decided" | "referral-answered" => {
                        e.detail.as_deref().map(|o| t(lang, &format!("case-outcome-{o}"))).unwrap_or_default()
                    }
                    "part-on-hold" => e.detail.as_deref().map(|k| permit_name(rules, k, lang)).unwrap_or_default(),
                    "referral-sent" => e
                        .detail
                        .as_deref()
                        .and_then(|a| rules.authority(a))
                        .map(|a| a.name.get(lang).to_owned())
                        .unwrap_or_default(),
                    _ => e.detail.clone().unwrap_or_default(),
                };
                let item = TimelineItem {
                    at: crate::ui::stockholm_time(e.at),
                    text: ta(
                        lang,
                        &format!("bundle-event-{}", e.kind),
                        &[("permit", permit.into()), ("detail", detail.into())],
                    ),
                    actor: if staff { e.actor_name } else { None },
                    internal: !e.public,
                };
                (e.at, item)
            })
            .collect();
        // The parts' own steps (taken, completion asked and answered, …); filing and deciding are
        // the bundle's entries already.
        for p in parts {
            let permit = permit_name(rules, &p.permit_key, lang);
            let inside = staff && side.sees_inside(p);
            for e in store.case_events(p.case_id, inside).await? {
                if matches!(e.kind.as_str(), "submitted" | "decide" | "withdraw" | "message") {
                    continue;
                }
                let item = TimelineItem {
                    at: crate::ui::stockholm_time(e.at),
                    text: format!("{permit}: {}", t(lang, &format!("case-event-{}", e.kind))),
                    actor: if inside { e.actor_name } else { None },
                    internal: !e.public,
                };
                all.push((e.at, item));
            }
        }
        all.sort_by_key(|(at, _)| *at);
        Ok(all.into_iter().map(|(_, i)| i).collect())
    }

    pub use crate::cases::server::bundle_line;

    pub fn statement_view(s: &StatementRequest, units: &[String], now: i64) -> StatementView {
        let today = crate::ui::stockholm_day(now);
        StatementView {
            id: s.id,
            bundle_id: s.bundle_id,
            bundle_number: s.bundle_number.clone(),
            case_number: s.case_number.clone(),
            from_unit: s.from_unit.clone(),
            to_unit: s.to_unit.clone(),
            question: s.question.clone(),
            due: stadsporten_domain::date::Date::from_day_number(s.due_day).map(|d| d.to_string()).unwrap_or_default(),
            overdue: s.answered_at.is_none() && s.due_day < today,
            requested_by: s.requested_by_name.clone(),
            answer: s.answer.clone(),
            answered_by: s.answered_by_name.clone(),
            may_answer: s.answered_at.is_none() && units.contains(&s.to_unit),
        }
    }
}
