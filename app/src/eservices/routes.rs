//! The form runner's posts: saving a step, adding and removing a file, and submitting (server
//! only). The pages are this feature's Leptos routes; these are plain routes because a step's
//! fields are defined by data and files arrive as multipart.
//!
//! Policy:
//! - Post/redirect/get: every post answers 303 to a page. Refused input comes back on its page
//!   with the values as typed and each error beside its field (the session's flash), and what
//!   was typed in other fields survives adding or removing a file.
//! - The draft is the signed-in owner's or "not found"; every write of it is audited.
//! - Submission is idempotent (see `Store::submit_case`): the receipt is shown only after the
//!   case is committed, and a repeated post shows the same receipt.

use crate::context::{RequestContext, Viewer};
use crate::error::AppError;
use crate::eservices::server::{bundle_home, load_draft, role, today};
use crate::flash::FormFlash;
use crate::web::uploads::{display_name, Refusal};
use crate::web::{audited, keep, or_return, refused, see_other, FormState, Pairs};
use axum::extract::{Multipart, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::{Extension, Form};
use stadsporten_db::{NewAttachment, Submission};
use stadsporten_domain::audit::AuditAction;
use stadsporten_domain::eservice::answers::{next_step, step_visible, validate_all, validate_step};
use stadsporten_domain::eservice::{Answers, FieldError, FieldKind};
use stadsporten_domain::ids::{AttachmentId, DraftToken};
use stadsporten_domain::measure::JourneyKind;
use std::sync::Arc;

/// The signed-in owner's draft and its definition, or the page that says why not.
async fn open_draft<'a>(
    s: &FormState,
    ctx: &'a RequestContext,
    token: &DraftToken,
) -> Result<(&'a Viewer, stadsporten_db::DraftRecord, std::sync::Arc<stadsporten_db::DefinitionRecord>), Response> {
    let viewer = s.viewer(ctx).await?;
    let (draft, def) = s.or_fail(ctx, load_draft(&s.store, viewer, token).await).await?;
    Ok((viewer, draft, def))
}

fn values_without(pairs: &Pairs, skip: &[&str]) -> Pairs {
    pairs.iter().filter(|(k, _)| !skip.contains(&k.as_str())).cloned().collect()
}

/// `GET /apply/{token}`: continue a draft where it was left.
pub async fn resume(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(token): Path<DraftToken>,
) -> Response {
    let (_, draft, def) = or_return!(open_draft(&s, &ctx, &token).await);
    if let Some(case_id) = draft.case_id {
        return see_other(&format!("/my/cases/{case_id}/receipt"));
    }
    match bundle_home(&s.store, &draft).await {
        Ok(Some(home)) => return see_other(&home),
        Ok(None) => {}
        Err(e) => return s.fail(&ctx, e).await,
    }
    let d = &def.definition;
    match draft.current_step.as_deref() {
        Some("check") => see_other(&format!("/apply/{token}/check")),
        Some(step) if d.step(step).is_some_and(|st| step_visible(st, &draft.answers)) => {
            see_other(&format!("/apply/{token}/step/{step}"))
        }
        _ => see_other(&format!("/apply/{token}/step/{}", d.steps.first().map(|s| s.id.as_str()).unwrap_or(""))),
    }
}

/// `POST /forms/{token}/{step}`: validates and saves one step, then goes on (or back with errors).
pub async fn save_step(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path((token, step)): Path<(DraftToken, String)>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let (viewer, draft, def) = or_return!(open_draft(&s, &ctx, &token).await);
    if let Some(case_id) = draft.case_id {
        return see_other(&format!("/my/cases/{case_id}/receipt"));
    }
    // A bundle's permit: only its own questions, and back to the bundle's task list when done.
    let home = match bundle_home(&s.store, &draft).await {
        Ok(h) => h,
        Err(e) => return s.fail(&ctx, e).await,
    };
    let section = home.as_ref().map(|_| def.definition.bundle_section());
    let d = section.as_ref().unwrap_or(&def.definition);
    let Some(step_def) = d.step(&step).filter(|st| step_visible(st, &draft.answers)) else {
        return s.fail(&ctx, AppError::NotFound).await;
    };
    let save_only = pairs.iter().any(|(k, v)| k == "action" && v == "save");
    let form = values_without(&pairs, &["csrf", "action", "step"]);
    let (day, year) = today(ctx.now);
    // "Save and continue later" keeps whatever is valid and does not insist on required answers.
    let mut lenient = step_def.clone();
    if save_only {
        lenient.fields.iter_mut().for_each(|f| f.required = false);
    }
    let values = match validate_step(d, &lenient, &form, &draft.answers, day, year) {
        Ok(v) => v,
        Err(errors) => {
            // Which fields trip people up: each refused field once per attempt, by its id only.
            let mut fields: Vec<&str> = errors.iter().map(|e| e.input.split('.').next().unwrap_or("")).collect();
            fields.dedup();
            for field in fields {
                crate::measure::record_from(&s.store, draft.origin, ctx.now, &def.slug, JourneyKind::FieldError, field);
            }
            let mut values = form;
            values.push(("step".into(), step.clone()));
            keep(&session, refused("step", values, &errors)).await;
            return see_other(&format!("/apply/{token}/step/{step}#error-summary"));
        }
    };
    let mut answers = draft.answers.clone();
    for (id, answer) in values {
        match answer {
            Some(a) => answers.insert(id, a),
            None => answers.remove(&id),
        };
    }
    let (current, to) = match (save_only, next_step(d, &step, &answers), &home) {
        (true, _, Some(home)) => (step.clone(), format!("{home}?saved=draft")),
        (true, _, None) => (step.clone(), "/my/cases?saved=draft".to_owned()),
        (false, Some(n), _) => (n.id.clone(), format!("/apply/{token}/step/{}", n.id)),
        (false, None, Some(home)) => ("check".to_owned(), format!("{home}?saved=part")),
        (false, None, None) => ("check".to_owned(), format!("/apply/{token}/check")),
    };
    let now = s.clock.now();
    if let Some(bundle) = draft.bundle_draft_id {
        // Work on one permit keeps the whole bundle from expiring.
        if let Err(e) = s.store.touch_bundle_draft(bundle, now, now + s.settings.draft_seconds).await {
            return s.fail(&ctx, AppError::from_storage(e, "could not keep a bundle draft")).await;
        }
    }
    let store = audited(
        &s.store,
        &ctx,
        AuditAction::Update,
        "draft",
        Some(draft.id.to_string()),
        role(viewer),
        Some(format!("step {step}")),
    );
    // How far the journey has come: the next step's place (1-based), or the check page's.
    let reached = if save_only { 0 } else { d.step_index(&current).map_or(d.steps.len() + 1, |i| i + 1) as i64 };
    match store
        .save_draft_reaching(draft.id, &answers, Some(&current), reached, now, now + s.settings.draft_seconds)
        .await
    {
        Ok(true) => {
            let (kind, detail) = match (save_only, current.as_str()) {
                (true, _) => (Some(JourneyKind::Saved), ""),
                (false, _) if reached <= draft.furthest => (None, ""),
                (false, "check") => (Some(JourneyKind::Check), ""),
                (false, next) => (Some(JourneyKind::Step), next),
            };
            if let Some(kind) = kind {
                crate::measure::record_from(&s.store, draft.origin, now, &def.slug, kind, detail);
            }
        }
        Ok(false) => return see_other(&format!("/apply/{token}")),
        Err(e) => {
            return s.fail(&ctx, AppError::from_storage(e, "could not save a draft")).await;
        }
    }
    see_other(&to)
}

/// `POST /forms/{token}/{step}/remove`: removes one uploaded file, keeping what was typed.
pub async fn remove_file(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path((token, step)): Path<(DraftToken, String)>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let (viewer, draft, _) = or_return!(open_draft(&s, &ctx, &token).await);
    let Some(id) = pairs.iter().find(|(k, _)| k == "remove").and_then(|(_, v)| v.parse::<AttachmentId>().ok()) else {
        return s.fail(&ctx, AppError::BadArguments).await;
    };
    let store = audited(&s.store, &ctx, AuditAction::Delete, "attachment", Some(id.to_string()), role(viewer), None);
    match store.detach_from_draft(draft.id, id, s.clock.now()).await {
        Ok(Some(key)) => {
            if let Err(e) = s.uploads.store.delete(&key).await {
                tracing::warn!(error = %e, "could not delete a removed file's bytes");
            }
        }
        Ok(None) => {}
        Err(e) => {
            return s.fail(&ctx, AppError::from_storage(e, "could not remove a file")).await;
        }
    }
    let mut values = values_without(&pairs, &["csrf", "action", "remove", "step"]);
    values.push(("step".into(), step.clone()));
    keep(&session, FormFlash { form: "step".into(), values, errors: vec![], args: vec![] }).await;
    see_other(&format!("/apply/{token}/step/{step}"))
}

/// `POST /forms/{token}/{step}/upload` (multipart): adds a file to a file field of the step. The
/// whole step form comes along, so what was typed elsewhere is kept.
pub async fn upload_file(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path((token, step)): Path<(DraftToken, String)>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    or_return!(s.refuse_too_large(&ctx, &headers, s.uploads.max_bytes).await);
    let (viewer, draft, def) = or_return!(open_draft(&s, &ctx, &token).await);
    if let Some(case_id) = draft.case_id {
        return see_other(&format!("/my/cases/{case_id}/receipt"));
    }
    let form = or_return!(s.multipart(&ctx, multipart, s.uploads.max_bytes).await);
    let d = &def.definition;
    let Some(step_def) = d.step(&step).filter(|st| step_visible(st, &draft.answers)) else {
        return s.fail(&ctx, AppError::NotFound).await;
    };
    let field_id = form.field("upload").to_owned();
    let Some(field) = step_def.fields.iter().find(|f| f.id == field_id && f.kind == FieldKind::File) else {
        return s.fail(&ctx, AppError::BadArguments).await;
    };
    let mut values = values_without(&form.fields, &["csrf", "action", "upload", "step"]);
    values.push(("step".into(), step.clone()));
    let back = format!("/apply/{token}/step/{step}#{}", crate::eservices::server::input_id(&field.id));
    let refuse =
        |code: &str, args: Vec<(String, String)>| FieldError { input: field.id.clone(), code: code.into(), args };
    let count = draft.answers.get(&field.id).map(|a| a.files().len()).unwrap_or(0);
    let result = if form.too_large {
        Err(refuse(Refusal::TooLarge.code(), vec![("mb".into(), (s.uploads.max_bytes / (1024 * 1024)).to_string())]))
    } else if count >= field.max_files() as usize {
        Err(refuse("field-error-too-many-files", vec![("max".into(), field.max_files().to_string())]))
    } else {
        match form.file {
            None => Err(refuse(Refusal::Empty.code(), vec![])),
            Some((name, file_name, bytes)) if name == format!("file:{}", field.id) => {
                match s.uploads.accept_as(&bytes, &field.accepted(), s.encrypts(&def.slug).await).await {
                    Ok(ok) => Ok((file_name, bytes.len(), ok)),
                    Err(r) => Err(refuse(
                        r.code(),
                        vec![
                            ("types".into(), field.accepted().iter().map(|k| k.label()).collect::<Vec<_>>().join(", ")),
                            ("mb".into(), (s.uploads.max_bytes / (1024 * 1024)).to_string()),
                        ],
                    )),
                }
            }
            Some(_) => Err(refuse(Refusal::Empty.code(), vec![])),
        }
    };
    match result {
        Err(e) => {
            keep(&session, refused("step", values, &[e])).await;
        }
        Ok((file_name, size, ok)) => {
            let name = display_name(&file_name);
            let file = NewAttachment {
                storage_key: &ok.storage_key,
                owner_id: viewer.user_id,
                field_id: Some(&field.id),
                file_name: &name,
                content_type: ok.kind.mime(),
                size_bytes: i64::try_from(size).unwrap_or(i64::MAX),
                sha256: &ok.sha256,
                scan_status: ok.scan_status,
                encrypted: ok.encrypted,
                now: s.clock.now(),
            };
            let store = audited(&s.store, &ctx, AuditAction::Create, "attachment", None, role(viewer), None);
            match store.attach_to_draft(draft.id, &field.id, &file).await {
                Ok(Some(_)) => {}
                Ok(None) => {
                    let _ = s.uploads.store.delete(&ok.storage_key).await;
                    return see_other(&format!("/apply/{token}"));
                }
                Err(e) => {
                    let _ = s.uploads.store.delete(&ok.storage_key).await;
                    return s.fail(&ctx, AppError::from_storage(e, "could not record an uploaded file")).await;
                }
            }
            keep(&session, FormFlash { form: "step".into(), values, errors: vec![], args: vec![] }).await;
        }
    }
    see_other(&back)
}

/// `POST /forms/{token}/submit`: the declaration confirmed, the answers checked again, the case
/// filed once.
pub async fn submit(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(token): Path<DraftToken>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let (viewer, draft, def) = or_return!(open_draft(&s, &ctx, &token).await);
    if let Some(case_id) = draft.case_id {
        return see_other(&format!("/my/cases/{case_id}/receipt"));
    }
    // A bundle's permit is submitted only with its bundle.
    match bundle_home(&s.store, &draft).await {
        Ok(Some(home)) => return see_other(&format!("{home}/check")),
        Ok(None) => {}
        Err(e) => return s.fail(&ctx, e).await,
    }
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    if get("confirm") != "yes" {
        let e = FieldError { input: "confirm".into(), code: "apply-confirm-required".into(), args: vec![] };
        keep(&session, refused("declaration", vec![], &[e])).await;
        return see_other(&format!("/apply/{token}/declaration#error-summary"));
    }
    let d = &def.definition;
    let (day, year) = today(ctx.now);
    let checked: Answers = match validate_all(d, &draft.answers, day, year) {
        Ok(a) => a,
        Err((step, errors)) => {
            let values = d
                .step(&step)
                .map(|st| {
                    st.fields
                        .iter()
                        .filter_map(|f| draft.answers.get(&f.id).map(|a| a.form_pairs(&f.id)))
                        .flatten()
                        .collect()
                })
                .unwrap_or_else(Vec::new);
            let mut values: Pairs = values;
            values.push(("step".into(), step.clone()));
            keep(&session, refused("step", values, &errors)).await;
            return see_other(&format!("/apply/{token}/step/{step}#error-summary"));
        }
    };
    let key =
        Some(get("idempotency_key")).filter(|k| !k.is_empty() && k.len() <= 128).unwrap_or_else(|| token.to_string());
    let mut unit = d.receiving_unit(&checked);
    // Feedback about a unit in the comparison goes to whoever runs it.
    let mut provider_org = None;
    let provider_unit = d.provider_unit(&checked).map(str::to_owned);
    if let Some(id) = provider_unit.as_deref().and_then(stadsporten_domain::compare::ProviderUnitId::parse) {
        match s.store.provider_unit(&id).await {
            Ok(Some(detail)) => {
                let (code, org) = detail.unit.record.feedback_route();
                unit = code.to_owned();
                provider_org = org.map(|o| o.to_string());
            }
            Ok(None) => {}
            Err(e) => {
                return s.fail(&ctx, AppError::from_storage(e, "could not route feedback")).await;
            }
        }
    }
    let now = s.clock.now();
    // Assisted digital: an agent submits only where the definition allows it and the caller
    // agreed to it; the case is the owner's, in the assisted channel (the resident's own
    // submission of such a draft is in their own channel).
    let by_agent = draft.user_id != viewer.user_id;
    if by_agent && !(d.assisted_submission && draft.assisted.as_ref().is_some_and(|a| a.agent_submits)) {
        let e = FieldError { input: "confirm".into(), code: "apply-assisted-not-allowed".into(), args: vec![] };
        keep(&session, refused("declaration", vec![], &[e])).await;
        return see_other(&format!("/apply/{token}/declaration#error-summary"));
    }
    let channel = match (by_agent, draft.origin.channel) {
        (true, _) => stadsporten_domain::measure::CaseChannel::Assisted,
        (false, stadsporten_domain::measure::CaseChannel::Assisted) if ctx.lite => {
            stadsporten_domain::measure::CaseChannel::Lite
        }
        (false, stadsporten_domain::measure::CaseChannel::Assisted) => stadsporten_domain::measure::CaseChannel::Web,
        (false, own) => own,
    };
    // The entry names the new case (the store fills in its id) and commits with it; a replayed
    // submission writes nothing and so no entry.
    let store = audited(
        &s.store,
        &ctx,
        AuditAction::Create,
        "case",
        None,
        role(viewer),
        Some(format!("submitted {}", def.slug)),
    );
    let submitted = store
        .submit_case(&Submission {
            draft_id: draft.id,
            applicant_id: draft.user_id,
            acting_for: draft.acting_for.as_deref(),
            idempotency_key: &key,
            definition_id: def.id,
            service_slug: &def.slug,
            unit_code: &unit,
            provider_unit: provider_unit.as_deref(),
            provider_org: provider_org.as_deref(),
            year,
            lang: ctx.lang.code(),
            answers: &checked,
            handling_days: d.handling_days,
            day_kind: d.handling_day_kind,
            channel,
            now,
        })
        .await;
    match submitted {
        Ok(sub) => {
            if !sub.replayed {
                tracing::info!(case = %sub.case_id, unit = %unit, "case submitted");
                crate::measure::record_from(&s.store, draft.origin, now, &def.slug, JourneyKind::Submitted, "");
            }
            if by_agent {
                // The receipt is the resident's (in Mina sidor and by their notification); the
                // agent goes back to the person, where the new case shows.
                return see_other(&format!("/contact/people/{}?saved=assisted", draft.user_id));
            }
            see_other(&format!("/my/cases/{}/receipt", sub.case_id))
        }
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "could not submit a case")).await,
    }
}

/// This feature's plain routes, merged by the server beside the pages and server functions.
pub fn routes() -> axum::Router<std::sync::Arc<crate::web::FormState>> {
    axum::Router::new()
        .route("/apply/{token}", axum::routing::get(resume))
        .route("/forms/{token}/submit", axum::routing::post(submit))
        .route("/forms/{token}/{step}", axum::routing::post(save_step))
        .route("/forms/{token}/{step}/remove", axum::routing::post(remove_file))
        .route("/forms/{token}/{step}/upload", axum::routing::post(upload_file))
}
