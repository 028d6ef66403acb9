//! The bundle application's posts: the shared facts, a document uploaded once for every permit
//! that needs it, and the one submission. Pages are `crate::bundles`.
//!
//! Policy:
//! - Post/redirect/get as in `forms`: refused input comes back on its page with what was typed
//!   and each error beside its field; the bundle draft is its owner's or "not found".
//! - A shared fact is validated once, as its own field with the strictest rules of the permits
//!   that use it, then written into each permit's field marked with it.
//! - A document is checked and virus-scanned once, then stored once per permit that needs it
//!   (see `db::bundles` for why), all recorded in one transaction; if recording fails, every copy
//!   written is deleted again.
//! - Submission checks every permit as it will be filed (its whole definition), and the
//!   organisation mandate again; it is one transaction and idempotent, and the status page is
//!   shown only after it committed.

use crate::bundles::server::{load_bundle_draft, OpenBundle};
use crate::context::{RequestContext, Viewer};
use crate::error::AppError;
use crate::eservices::server::today;
use crate::flash::FormFlash;
use crate::web::uploads::{display_name, new_key, Refusal};
use crate::web::{audited, keep, or_return, refused, see_other, FormState};
use axum::extract::{Multipart, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::{Extension, Form};
use stadsporten_db::{BundleSubmission, DocumentCopy, NewAttachment, PartSubmission, COORDINATING_UNIT};
use stadsporten_domain::access::{Permission, Target};
use stadsporten_domain::audit::AuditAction;
use stadsporten_domain::business::Responsible;
use stadsporten_domain::eservice::answers::{validate_all, validate_step};
use stadsporten_domain::eservice::{Answers, FieldError, Step};
use stadsporten_domain::ids::{DraftId, DraftToken};
use stadsporten_domain::organisation::OrganisationNumber;
use std::sync::Arc;

type Pairs = Vec<(String, String)>;
const ROLE: &str = "business-representative";

/// Deletes a stored copy of a document whose upload is being undone. A failure leaves an
/// unreferenced file (housekeeping's concern, not the resident's), so it is logged, not shown.
async fn discard_copy(s: &FormState, key: &str) {
    if let Err(e) = s.uploads.store.delete(key).await {
        tracing::warn!(error = %e, "could not delete an unused copy of a bundle document");
    }
}

/// The signed-in owner's open bundle draft, or the page that says why not (its status page when
/// it was submitted meanwhile).
async fn open(s: &FormState, ctx: &RequestContext, token: &DraftToken) -> Result<(Viewer, OpenBundle), Response> {
    let viewer = s.viewer(ctx).await?.clone();
    match load_bundle_draft(&s.store, &viewer, token).await {
        Ok(b) => Ok((viewer, b)),
        Err(_) => Err(match s.store.bundle_draft(token).await {
            Ok(Some(d)) if d.user_id == viewer.user_id => match d.bundle_id {
                Some(bundle) => see_other(&format!("/my/business/{bundle}")),
                None => s.fail(ctx, AppError::NotFound).await,
            },
            _ => s.fail(ctx, AppError::NotFound).await,
        }),
    }
}

/// `POST /business/forms/{token}/facts`: the shared facts, once for every permit.
pub async fn save_facts(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(token): Path<DraftToken>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let (_, b) = or_return!(open(&s, &ctx, &token).await);
    let facts = b.fact_fields();
    let Some(first) = b.parts.first() else { return s.fail(&ctx, AppError::NotFound).await };
    let step = Step {
        id: "facts".into(),
        title: Default::default(),
        intro: None,
        visible_if: None,
        fields: facts.iter().map(|(_, f)| f.clone()).collect(),
    };
    let form: Pairs = pairs.into_iter().filter(|(k, _)| k != "csrf" && k != "action").collect();
    let (day, year) = today(ctx.now);
    let values = match validate_step(&first.def.definition, &step, &form, &Answers::new(), day, year) {
        Ok(v) => v,
        Err(errors) => {
            keep(&session, refused("bundle-facts", form, &errors)).await;
            return see_other(&format!("/business/apply/{token}/facts#error-summary"));
        }
    };
    let mut shared = Answers::new();
    for ((fact, _), (_, answer)) in facts.iter().zip(values) {
        if let Some(a) = answer {
            shared.insert(fact.slug().to_owned(), a);
        }
    }
    let fills: Vec<(DraftId, Answers)> = b
        .parts
        .iter()
        .map(|p| {
            let values = p
                .def
                .definition
                .fields()
                .filter_map(|f| f.shared.and_then(|fact| shared.get(fact.slug())).map(|a| (f.id.clone(), a.clone())))
                .collect();
            (p.draft.id, values)
        })
        .collect();
    let now = s.clock.now();
    let store = audited(
        &s.store,
        &ctx,
        AuditAction::Update,
        "bundle-draft",
        Some(b.draft.id.to_string()),
        ROLE,
        Some("facts".into()),
    );
    match store.save_bundle_facts(b.draft.id, &shared, &fills, now, now + s.settings.draft_seconds).await {
        Ok(true) => {}
        Ok(false) => return see_other(&format!("/business/apply/{token}")),
        Err(e) => {
            return s.fail(&ctx, AppError::from_storage(e, "could not save a bundle's facts")).await;
        }
    }
    see_other(&format!("/business/apply/{token}?saved=facts"))
}

fn document_error(key: &str, code: &str, args: Vec<(String, String)>) -> FormFlash {
    refused("bundle-documents", vec![], &[FieldError { input: key.to_owned(), code: code.to_owned(), args }])
}

/// `POST /business/forms/{token}/documents/upload` (multipart): one document for every permit
/// that needs it.
pub async fn upload_document(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(token): Path<DraftToken>,
    headers: HeaderMap,
    multipart: Multipart,
) -> Response {
    or_return!(s.refuse_too_large(&ctx, &headers, s.uploads.max_bytes).await);
    let (viewer, b) = or_return!(open(&s, &ctx, &token).await);
    let form = or_return!(s.multipart(&ctx, multipart, s.uploads.max_bytes).await);
    let back = format!("/business/apply/{token}/documents");
    let key = form.field("document").to_owned();
    let needs = b.document_needs();
    let Some(need) = needs.iter().find(|n| n.key == key) else { return s.fail(&ctx, AppError::BadArguments).await };
    let accepted = need.accepted();
    let mb = (s.uploads.max_bytes / (1024 * 1024)).to_string();
    let uploaded = match s.store.bundle_documents(b.draft.id).await {
        Ok(u) => u.into_iter().filter(|d| d.document_key == key).count(),
        Err(e) => {
            return s.fail(&ctx, AppError::from_storage(e, "could not read a bundle's documents")).await;
        }
    };
    let refuse = |code: &str, args: Vec<(String, String)>| document_error(&key, code, args);
    let file = if form.too_large {
        Err(refuse(Refusal::TooLarge.code(), vec![("mb".into(), mb.clone())]))
    } else if uploaded >= need.max_files() as usize {
        Err(refuse("field-error-too-many-files", vec![("max".into(), need.max_files().to_string())]))
    } else {
        match form.file {
            Some((name, file_name, bytes)) if name == format!("file:{key}") => Ok((file_name, bytes)),
            _ => Err(refuse(Refusal::Empty.code(), vec![])),
        }
    };
    let (file_name, bytes) = match file {
        Ok(f) => f,
        Err(flash) => {
            keep(&session, flash).await;
            return see_other(&format!("{back}#doc-{key}"));
        }
    };
    // Checked and scanned once; the first copy is the checked one.
    let ok = match s.uploads.accept(&bytes, &accepted).await {
        Ok(ok) => ok,
        Err(r) => {
            let types = accepted.iter().map(|k| k.label()).collect::<Vec<_>>().join(", ");
            keep(&session, refuse(r.code(), vec![("types".into(), types), ("mb".into(), mb)])).await;
            return see_other(&format!("{back}#doc-{key}"));
        }
    };
    let mut keys = vec![ok.storage_key.clone()];
    for _ in 1..need.fields.len() {
        let k = new_key();
        if let Err(e) = s.uploads.store.put(&k, &bytes).await {
            tracing::error!(error = %e, "could not store a copy of a bundle document");
            for k in &keys {
                discard_copy(&s, k).await;
            }
            return s.fail(&ctx, AppError::Internal).await;
        }
        keys.push(k);
    }
    let name = display_name(&file_name);
    let now = s.clock.now();
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    let copies: Vec<DocumentCopy> = need
        .fields
        .iter()
        .zip(&keys)
        .map(|((i, field), storage_key)| DocumentCopy {
            draft_id: b.parts[*i].draft.id,
            field_id: &field.id,
            file: NewAttachment {
                storage_key,
                owner_id: viewer.user_id,
                field_id: Some(&field.id),
                file_name: &name,
                content_type: ok.kind.mime(),
                size_bytes: size,
                sha256: &ok.sha256,
                scan_status: ok.scan_status,
                encrypted: ok.encrypted,
                now,
            },
        })
        .collect();
    let group = new_key();
    // One entry per permit's copy, each naming its attachment, written with the copies.
    let store = audited(&s.store, &ctx, AuditAction::Create, "attachment", None, ROLE, Some(format!("document {key}")));
    match store.attach_bundle_document(b.draft.id, &key, &group, &copies).await {
        Ok(Some(_)) => see_other(&format!("{back}#doc-{key}")),
        Ok(None) => {
            for k in &keys {
                discard_copy(&s, k).await;
            }
            see_other(&format!("/business/apply/{token}"))
        }
        Err(e) => {
            for k in &keys {
                discard_copy(&s, k).await;
            }
            s.fail(&ctx, AppError::from_storage(e, "could not record a bundle document")).await
        }
    }
}

/// `POST /business/forms/{token}/documents/remove`: removes one uploaded document from every permit.
pub async fn remove_document(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(token): Path<DraftToken>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let (_, b) = or_return!(open(&s, &ctx, &token).await);
    let Some(group) = pairs.iter().find(|(k, _)| k == "group").map(|(_, v)| v.clone()) else {
        return s.fail(&ctx, AppError::BadArguments).await;
    };
    let store = audited(
        &s.store,
        &ctx,
        AuditAction::Delete,
        "bundle-draft",
        Some(b.draft.id.to_string()),
        ROLE,
        Some("document".into()),
    );
    match store.remove_bundle_document(b.draft.id, &group).await {
        Ok(keys) => {
            for k in &keys {
                if let Err(e) = s.uploads.store.delete(k).await {
                    tracing::warn!(error = %e, "could not delete a removed document's bytes");
                }
            }
            see_other(&format!("/business/apply/{token}/documents"))
        }
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "could not remove a bundle document")).await,
    }
}

/// `POST /business/forms/{token}/submit`: the declaration confirmed, every permit checked as it
/// will be filed, the bundle filed once.
pub async fn submit(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(token): Path<DraftToken>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let (viewer, b) = or_return!(open(&s, &ctx, &token).await);
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim().to_owned()).unwrap_or_default();
    let check = format!("/business/apply/{token}/check");
    let declaration_error = |code: &str| {
        refused(
            "bundle-declaration",
            vec![],
            &[FieldError { input: "confirm".into(), code: code.into(), args: vec![] }],
        )
    };
    if get("confirm") != "yes" {
        keep(&session, declaration_error("apply-confirm-required")).await;
        return see_other(&format!("{check}#error-summary"));
    }
    // The mandate is checked again: it may have ended since the bundle was started.
    let org = OrganisationNumber::parse(&b.draft.organisation);
    if !org.as_ref().is_ok_and(|o| viewer.may(Permission::ActForOrganisation, &Target::Organisation(o))) {
        keep(&session, declaration_error("bundle-error-no-mandate")).await;
        return see_other(&format!("{check}#error-summary"));
    }
    let (day, year) = today(ctx.now);
    if !b.problems(day, year).is_empty() {
        return see_other(&format!("{check}#incomplete"));
    }
    let mut checked: Vec<Answers> = Vec::new();
    for p in &b.parts {
        match validate_all(&p.def.definition, &p.draft.answers, day, year) {
            Ok(a) => checked.push(a),
            Err(_) => return see_other(&format!("{check}#incomplete")),
        }
    }
    let mut units = Vec::new();
    for (p, answers) in b.parts.iter().zip(&checked) {
        let permit = b.rules.permit(&p.permit_key);
        let authority = match permit.map(|x| &x.responsible) {
            Some(Responsible::Authority(a)) => Some(a.clone()),
            _ => None,
        };
        let unit = match &authority {
            Some(_) => COORDINATING_UNIT.to_owned(),
            None => p.def.definition.receiving_unit(answers),
        };
        units.push((unit, authority, permit.map(|x| x.depends_on.clone()).unwrap_or_default()));
    }
    let key =
        Some(get("idempotency_key")).filter(|k| !k.is_empty() && k.len() <= 128).unwrap_or_else(|| token.to_string());
    let parts: Vec<PartSubmission> = b
        .parts
        .iter()
        .zip(&checked)
        .zip(&units)
        .map(|((p, answers), (unit, authority, depends))| PartSubmission {
            permit_key: &p.permit_key,
            draft_id: p.draft.id,
            definition_id: p.def.id,
            service_slug: &p.def.slug,
            unit_code: unit,
            handling_days: p.def.definition.handling_days,
            day_kind: p.def.definition.handling_day_kind,
            answers,
            authority: authority.as_deref(),
            referral_address: authority.as_ref().and_then(|a| s.referral_addresses.get(a)).map(String::as_str),
            depends_on: depends,
        })
        .collect();
    let now = s.clock.now();
    let submission = BundleSubmission {
        bundle_draft_id: b.draft.id,
        applicant_id: viewer.user_id,
        organisation: &b.draft.organisation,
        organisation_name: &b.draft.organisation_name,
        idempotency_key: &key,
        lang: ctx.lang.code(),
        year,
        ruleset_version: b.draft.ruleset_version,
        guide_answers: &b.draft.guide_answers,
        shared: &b.draft.shared,
        parts,
        channel: crate::measure::origin(&ctx).channel,
        now,
    };
    // The entry names the new bundle and commits with it; a replay writes neither.
    let store =
        audited(&s.store, &ctx, AuditAction::Create, "bundle", None, ROLE, Some(format!("{} permits", b.parts.len())));
    match store.submit_bundle(&submission).await {
        Ok(done) => {
            if !done.replayed {
                tracing::info!(bundle = %done.bundle_id, parts = b.parts.len(), "bundle submitted");
                // Each permit's journey ends here, as a single e-service's ends at its submission.
                for p in &b.parts {
                    crate::measure::record(
                        &s.store,
                        &ctx,
                        &p.def.slug,
                        stadsporten_domain::measure::JourneyKind::Submitted,
                        "",
                    );
                }
            }
            see_other(&format!("/my/business/{}?saved=submitted", done.bundle_id))
        }
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "could not submit a bundle")).await,
    }
}

/// This feature's plain routes, merged by the server beside the pages and server functions.
pub fn routes() -> axum::Router<std::sync::Arc<crate::web::FormState>> {
    axum::Router::new()
        .route("/business/forms/{token}/facts", axum::routing::post(save_facts))
        .route("/business/forms/{token}/documents/upload", axum::routing::post(upload_document))
        .route("/business/forms/{token}/documents/remove", axum::routing::post(remove_document))
        .route("/business/forms/{token}/submit", axum::routing::post(submit))
}
