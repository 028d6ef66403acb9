//! The editors' writes, as plain form posts (post/redirect/get, no JavaScript needed):
//! service pages (create, save a version, publish now or on a schedule, unpublish, mark reviewed,
//! publish a version again, cancel a schedule), operating messages (create, save, end) and the
//! accessibility statement's known shortcomings. Every write commits with its audit entry;
//! refused input goes back to its form with every problem beside its field and nothing lost.

use super::server::ssr::{MESSAGE_FORM, SERVICE_FORM, SHORTCOMING_FORM};
use crate::context::{RequestContext, Viewer};
use crate::error::AppError;
use crate::flash::FormFlash;
use crate::web::{audited, denied, keep, see_other, FormState, Pairs};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::{Extension, Form};
use stadsporten_db::DbError;
use stadsporten_domain::access::{Permission, Target};
use stadsporten_domain::audit::AuditAction;
use stadsporten_domain::content::{MessageContent, Problem, ServiceContent, ShortcomingContent, Start};
use std::sync::Arc;

const ROLE: &str = "content-editor";

async fn editor(s: &FormState, ctx: &RequestContext) -> Result<Viewer, Response> {
    let Some(viewer) = ctx.viewer.clone() else { return Err(s.fail(ctx, AppError::Unauthorized).await) };
    if !viewer.may(Permission::ManageContent, &Target::AnyObject) {
        return Err(denied(s, ctx, "content", None, Permission::ManageContent).await);
    }
    Ok(viewer)
}

macro_rules! editor_or_return {
    ($s:expr, $ctx:expr) => {
        match editor(&$s, &$ctx).await {
            Ok(v) => v,
            Err(page) => return page,
        }
    };
}

/// The posted fields without the CSRF token.
fn fields(pairs: Pairs) -> Pairs {
    pairs.into_iter().filter(|(k, _)| k != "csrf").collect()
}

fn get<'a>(pairs: &'a Pairs, key: &str) -> &'a str {
    pairs.iter().find(|(k, _)| k == key).map_or("", |(_, v)| v.as_str())
}

/// Back to the form with the values as typed and every problem beside its field.
async fn refuse(
    session: &tower_sessions::Session,
    form: &str,
    values: Pairs,
    problems: &[Problem],
    back: &str,
) -> Response {
    keep(
        session,
        FormFlash {
            form: form.into(),
            values,
            errors: problems.iter().map(|p| (p.field.clone(), p.code.clone())).collect(),
            args: problems.iter().map(|p| (p.field.clone(), "detail".into(), p.detail.clone())).collect(),
        },
    )
    .await;
    see_other(&format!("{back}#error-summary"))
}

fn storage(e: DbError, what: &'static str) -> AppError {
    AppError::from_storage(e, what)
}

/// What a post asks of a page: save a draft, publish it now, or schedule it.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Then {
    Save,
    Publish,
    Schedule(i64),
}

/// Parses a service form and what to do with it; the problems when refused.
async fn service_form(s: &FormState, values: &Pairs, now: i64) -> Result<(ServiceContent, Then), Vec<Problem>> {
    let mut problems = Vec::new();
    let then = match get(values, "action") {
        "publish" => Then::Publish,
        "schedule" => match stadsporten_domain::date::parse_stockholm_local(get(values, "publish_at")) {
            Some(at) if at > now => Then::Schedule(at),
            _ => {
                problems.push(Problem::new("publish_at", "content-error-schedule", get(values, "publish_at")));
                Then::Save
            }
        },
        _ => Then::Save,
    };
    let content = match ServiceContent::from_form(values) {
        Ok(c) => Some(c),
        Err(mut p) => {
            problems.append(&mut p);
            None
        }
    };
    // A page that starts an e-service is published only when the e-service is live: a resident
    // must never meet a start button that leads nowhere.
    if let Some(c) = &content {
        if then != Then::Save && c.start == Start::EService {
            match s.store.live_definition(&c.slug).await {
                Ok(Some(_)) => {}
                Ok(None) => problems.push(Problem::new("start", "content-error-no-eservice", &c.slug)),
                Err(e) => {
                    tracing::error!(error = %e, "could not read a definition");
                    problems.push(Problem::new("start", "content-error-no-eservice", &c.slug));
                }
            }
        }
    }
    match content {
        Some(c) if problems.is_empty() => Ok((c, then)),
        _ => Err(problems),
    }
}

/// After a version is saved: publish or schedule it as asked, and say which. `Conflict`: another
/// page took the slug between the save and the publication.
async fn then_publish(
    s: &FormState,
    ctx: &RequestContext,
    id: i64,
    number: i64,
    then: Then,
) -> Result<&'static str, DbError> {
    let now = s.clock.now();
    let (at, saved) = match then {
        Then::Save => return Ok("draft"),
        Then::Publish => (None, "published"),
        Then::Schedule(at) => (Some(at), "scheduled"),
    };
    audited(&s.store, ctx, AuditAction::Publish, "service-page", Some(id.to_string()), ROLE, None)
        .publish_service_version(id, number, at, now)
        .await?;
    Ok(saved)
}

/// The answer after a version was saved and (perhaps) published.
async fn after_save(
    s: &FormState,
    ctx: &RequestContext,
    session: &tower_sessions::Session,
    values: Pairs,
    slug: &str,
    r: Result<&'static str, DbError>,
    back: &str,
) -> Response {
    match r {
        Ok(saved) => see_other(&format!("{back}?saved={saved}")),
        Err(DbError::Conflict) => {
            let p = [Problem::new("slug", "content-error-slug-taken", slug)];
            refuse(session, SERVICE_FORM, values, &p, back).await
        }
        Err(e) => s.fail(ctx, storage(e, "could not publish a service page")).await,
    }
}

/// `POST /admin/content/services`: a new page (unpublished unless published at once).
pub async fn create_service(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = editor_or_return!(s, ctx);
    let values = fields(pairs);
    let now = s.clock.now();
    let back = "/admin/content/services/new";
    let (content, then) = match service_form(&s, &values, now).await {
        Ok(x) => x,
        Err(p) => return refuse(&session, SERVICE_FORM, values, &p, back).await,
    };
    let today = stadsporten_domain::date::Date::in_stockholm(now).map(|d| d.to_string()).unwrap_or_default();
    let created = audited(&s.store, &ctx, AuditAction::Create, "service-page", None, ROLE, None)
        .create_service(&content, (viewer.user_id, &viewer.name), &today, now)
        .await;
    let id = match created {
        Ok(id) => id,
        Err(DbError::Conflict) => {
            let p = [Problem::new("slug", "content-error-slug-taken", &content.slug)];
            return refuse(&session, SERVICE_FORM, values, &p, back).await;
        }
        Err(e) => return s.fail(&ctx, storage(e, "could not create a service page")).await,
    };
    let r = then_publish(&s, &ctx, id, 1, then).await.map(|saved| if saved == "draft" { "created" } else { saved });
    after_save(&s, &ctx, &session, values, &content.slug, r, &format!("/admin/content/services/{id}")).await
}

/// `POST /admin/content/services/{id}`: the page's next version, then publish or schedule it.
pub async fn save_service(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = editor_or_return!(s, ctx);
    let values = fields(pairs);
    let now = s.clock.now();
    let back = format!("/admin/content/services/{id}");
    let (content, then) = match service_form(&s, &values, now).await {
        Ok(x) => x,
        Err(p) => return refuse(&session, SERVICE_FORM, values, &p, &back).await,
    };
    let saved = audited(&s.store, &ctx, AuditAction::Update, "service-page", Some(id.to_string()), ROLE, None)
        .save_service_version(id, &content, (viewer.user_id, &viewer.name), now)
        .await;
    let number = match saved {
        Ok(n) => n,
        Err(DbError::Conflict) => {
            let p = [Problem::new("slug", "content-error-slug-taken", &content.slug)];
            return refuse(&session, SERVICE_FORM, values, &p, &back).await;
        }
        Err(DbError::NotFound) => return s.fail(&ctx, AppError::NotFound).await,
        Err(e) => return s.fail(&ctx, storage(e, "could not save a service page")).await,
    };
    let r = then_publish(&s, &ctx, id, number, then).await;
    after_save(&s, &ctx, &session, values, &content.slug, r, &back).await
}

/// The answer to a one-button action on a page: back to it with what was done, or the error page.
async fn done(s: &FormState, ctx: &RequestContext, r: stadsporten_db::Result<()>, back: &str, saved: &str) -> Response {
    match r {
        Ok(()) => see_other(&format!("{back}?saved={saved}")),
        Err(DbError::NotFound) => s.fail(ctx, AppError::NotFound).await,
        // Not a version that can go live that way (already published, older than what is, a
        // draft to revert to), or its slug is another page's now: said on the page.
        Err(DbError::Conflict) => see_other(&format!("{back}?saved=conflict")),
        Err(e) => s.fail(ctx, storage(e, "could not change a service page")).await,
    }
}

pub async fn unpublish(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Response {
    editor_or_return!(s, ctx);
    let r = audited(&s.store, &ctx, AuditAction::Unpublish, "service-page", Some(id.to_string()), ROLE, None)
        .unpublish_service(id)
        .await;
    done(&s, &ctx, r, &format!("/admin/content/services/{id}"), "unpublished").await
}

pub async fn review(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Response {
    editor_or_return!(s, ctx);
    let today = stadsporten_domain::date::Date::in_stockholm(s.clock.now()).map(|d| d.to_string()).unwrap_or_default();
    let r = audited(&s.store, &ctx, AuditAction::Update, "service-page", Some(id.to_string()), ROLE, None)
        .mark_service_reviewed(id, &today)
        .await;
    done(&s, &ctx, r, &format!("/admin/content/services/{id}"), "reviewed").await
}

/// Whether version `number` may go live as far as its start button goes: a page that starts an
/// e-service only while that e-service is live. `Err`: the page that says why not.
async fn startable(s: &FormState, ctx: &RequestContext, id: i64, number: i64) -> Result<(), Response> {
    let content = match s.store.service_version(id, number).await {
        Ok(Some(c)) => c,
        Ok(None) => return Err(s.fail(ctx, AppError::NotFound).await),
        Err(e) => return Err(s.fail(ctx, storage(e, "could not read a service page")).await),
    };
    if content.start != Start::EService {
        return Ok(());
    }
    match s.store.live_definition(&content.slug).await {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(see_other(&format!("/admin/content/services/{id}?saved=no-eservice"))),
        Err(e) => Err(s.fail(ctx, storage(e, "could not read a definition")).await),
    }
}

pub async fn revert(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path((id, number)): Path<(i64, i64)>,
) -> Response {
    let viewer = editor_or_return!(s, ctx);
    if let Err(page) = startable(&s, &ctx, id, number).await {
        return page;
    }
    let r = audited(&s.store, &ctx, AuditAction::Revert, "service-page", Some(id.to_string()), ROLE, None)
        .revert_service(id, number, (viewer.user_id, &viewer.name), s.clock.now())
        .await
        .map(|_| ());
    done(&s, &ctx, r, &format!("/admin/content/services/{id}"), "reverted").await
}

pub async fn publish_version(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path((id, number)): Path<(i64, i64)>,
) -> Response {
    editor_or_return!(s, ctx);
    if let Err(page) = startable(&s, &ctx, id, number).await {
        return page;
    }
    let r = audited(&s.store, &ctx, AuditAction::Publish, "service-page", Some(id.to_string()), ROLE, None)
        .publish_service_version(id, number, None, s.clock.now())
        .await;
    done(&s, &ctx, r, &format!("/admin/content/services/{id}"), "published").await
}

pub async fn cancel_schedule(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path((id, number)): Path<(i64, i64)>,
) -> Response {
    editor_or_return!(s, ctx);
    let r = audited(&s.store, &ctx, AuditAction::Update, "service-page", Some(id.to_string()), ROLE, None)
        .cancel_schedule(id, number)
        .await;
    done(&s, &ctx, r, &format!("/admin/content/services/{id}"), "cancelled").await
}

/// The message form's choices that exist (published services, district units).
async fn message_choices(s: &FormState) -> Result<(Vec<String>, Vec<String>), DbError> {
    let services = s.store.content_services().await?.into_iter().filter(|r| r.published).map(|r| r.slug).collect();
    let districts = s
        .store
        .units()
        .await?
        .into_iter()
        .filter(|u| u.code.as_str().starts_with("SD"))
        .map(|u| u.code.to_string())
        .collect();
    Ok((services, districts))
}

async fn store_message(
    s: Arc<FormState>,
    ctx: RequestContext,
    session: tower_sessions::Session,
    id: Option<i64>,
    pairs: Pairs,
) -> Response {
    let viewer = editor_or_return!(s, ctx);
    let values = fields(pairs);
    let back = match id {
        Some(id) => format!("/admin/content/messages/{id}"),
        None => "/admin/content/messages/new".to_owned(),
    };
    let (services, districts) = match message_choices(&s).await {
        Ok(x) => x,
        Err(e) => return s.fail(&ctx, storage(e, "could not read the message choices")).await,
    };
    let message = match MessageContent::from_form(&values, &services, &districts) {
        Ok(m) => m,
        Err(p) => return refuse(&session, MESSAGE_FORM, values, &p, &back).await,
    };
    let action = if id.is_some() { AuditAction::Update } else { AuditAction::Create };
    let r = audited(&s.store, &ctx, action, "operating-message", id.map(|i| i.to_string()), ROLE, None)
        .save_message(id, &message, &viewer.name, s.clock.now())
        .await;
    match r {
        Ok(id) => see_other(&format!("/admin/content/messages/{id}?saved=message")),
        Err(DbError::NotFound) => s.fail(&ctx, AppError::NotFound).await,
        Err(DbError::Conflict) => {
            // A chosen service was removed meanwhile: the choice is shown again to be made anew.
            let p = [Problem::new("services", "content-error-unknown-choice", "")];
            refuse(&session, MESSAGE_FORM, values, &p, &back).await
        }
        Err(e) => s.fail(&ctx, storage(e, "could not save an operating message")).await,
    }
}

pub async fn create_message(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Form(pairs): Form<Pairs>,
) -> Response {
    store_message(s, ctx, session, None, pairs).await
}

pub async fn save_message(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Response {
    store_message(s, ctx, session, Some(id), pairs).await
}

pub async fn end_message(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
) -> Response {
    let viewer = editor_or_return!(s, ctx);
    let r = audited(
        &s.store,
        &ctx,
        AuditAction::Update,
        "operating-message",
        Some(id.to_string()),
        ROLE,
        Some("ended".into()),
    )
    .end_message(id, &viewer.name, s.clock.now())
    .await;
    match r {
        Ok(()) => see_other("/admin/content?saved=ended"),
        Err(DbError::NotFound) => s.fail(&ctx, AppError::NotFound).await,
        Err(e) => s.fail(&ctx, storage(e, "could not end an operating message")).await,
    }
}

async fn store_shortcoming(
    s: Arc<FormState>,
    ctx: RequestContext,
    session: tower_sessions::Session,
    id: Option<i64>,
    pairs: Pairs,
) -> Response {
    let viewer = editor_or_return!(s, ctx);
    let values = fields(pairs);
    let back = match id {
        Some(id) => format!("/admin/content/accessibility?edit={id}"),
        None => "/admin/content/accessibility".to_owned(),
    };
    let content = match ShortcomingContent::from_form(&values) {
        Ok(c) => c,
        Err(p) => return refuse(&session, SHORTCOMING_FORM, values, &p, &back).await,
    };
    let action = if id.is_some() { AuditAction::Update } else { AuditAction::Create };
    let r = audited(&s.store, &ctx, action, "accessibility-shortcoming", id.map(|i| i.to_string()), ROLE, None)
        .save_shortcoming(id, &content, &viewer.name, s.clock.now())
        .await;
    match r {
        Ok(_) => see_other("/admin/content/accessibility?saved=shortcoming"),
        Err(DbError::NotFound) => s.fail(&ctx, AppError::NotFound).await,
        Err(e) => s.fail(&ctx, storage(e, "could not save a shortcoming")).await,
    }
}

pub async fn create_shortcoming(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Form(pairs): Form<Pairs>,
) -> Response {
    store_shortcoming(s, ctx, session, None, pairs).await
}

pub async fn save_shortcoming(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Response {
    store_shortcoming(s, ctx, session, Some(id), pairs).await
}

/// This feature's plain routes, merged by the server beside the pages and server functions.
pub fn routes() -> axum::Router<Arc<FormState>> {
    use axum::routing::post;
    axum::Router::new()
        .route("/admin/content/services", post(create_service))
        .route("/admin/content/services/{id}", post(save_service))
        .route("/admin/content/services/{id}/unpublish", post(unpublish))
        .route("/admin/content/services/{id}/review", post(review))
        .route("/admin/content/services/{id}/versions/{number}/revert", post(revert))
        .route("/admin/content/services/{id}/versions/{number}/publish", post(publish_version))
        .route("/admin/content/services/{id}/versions/{number}/cancel", post(cancel_schedule))
        .route("/admin/content/messages", post(create_message))
        .route("/admin/content/messages/{id}", post(save_message))
        .route("/admin/content/messages/{id}/end", post(end_message))
        .route("/admin/content/accessibility", post(create_shortcoming))
        .route("/admin/content/accessibility/{id}", post(save_shortcoming))
}
