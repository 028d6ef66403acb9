//! The contact centre's writes: an errand registered (`POST /contact/errands`), a person looked up
//! (`POST /contact/lookup`), a call-back claimed, released or tried
//! (`POST /contact/callbacks/{id}/claim|release|attempts`), a colleague's availability set
//! (`POST /contact/directory/{id}/availability`); and the telephony platform's signed call
//! events (`telephony.rs`).
//!
//! Policy: each route checks the agent's permission first (a refusal is audited), each write
//! carries its audit entry in its own transaction, a refused form comes back filled in with its
//! errors, and a double submit of an errand finds the errand it made.

use super::server::LOOKUP_OPENS_FOR;
use super::{FEEDBACK_SERVICE, INQUIRY_SERVICE};
use crate::context::RequestContext;
use crate::error::AppError;
use crate::web::{audited, denied, keep, or_return, refused, see_other, FormState, Pairs};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::{Extension, Form};
use stadsporten_db::{DbError, DirectMessage, HandoverCase, NewErrand, NewLookup};
use stadsporten_domain::access::Permission;
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::contact_centre::form::{check_errand, Concerns, SendLink};
use stadsporten_domain::contact_centre::{AttemptOutcome, ErrandOutcome, LookupReason};
use stadsporten_domain::eservice::{Answer, Answers, FieldError};
use stadsporten_domain::ids::{CallbackId, UserId};
use std::sync::Arc;

const ROLE: &str = "contact-centre-agent";

fn getter(pairs: &Pairs) -> impl Fn(&str) -> String + '_ {
    move |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default()
}

fn error(input: &str, code: &str) -> FieldError {
    FieldError { input: input.into(), code: code.into(), args: vec![] }
}

fn year(now: i64) -> u32 {
    stadsporten_domain::date::Date::in_stockholm(now).map_or(2026, |d| d.year())
}

/// `YYYYMMDD` of a real date.
fn valid_birth_date(digits: &str) -> bool {
    let num = |r: std::ops::Range<usize>| digits.get(r).and_then(|d| d.parse::<u32>().ok());
    digits.len() == 8
        && matches!((num(0..4), num(4..6), num(6..8)), (Some(y), Some(m), Some(d)) if stadsporten_domain::date::Date::new(y, m, d).is_some())
}

fn text(v: &str) -> Answer {
    Answer::Text(v.to_owned())
}

/// `POST /contact/errands`.
pub async fn register_errand(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::HandleContacts).await);
    let get = getter(&pairs);
    let now = s.clock.now();
    let back = {
        let mut q = Vec::new();
        if !get("call").is_empty() {
            q.push(format!("call={}", super::pages::urlencode(&get("call"))));
        }
        if let Ok(p) = get("person").parse::<i64>() {
            q.push(format!("person={p}"));
        }
        format!("/contact/errands/new?{}#error-summary", q.join("&"))
    };
    let outcome = ErrandOutcome::parse(&get("outcome"));
    let definition = match outcome {
        Some(ErrandOutcome::Feedback) => Some(FEEDBACK_SERVICE),
        Some(ErrandOutcome::HandedOver) => Some(INQUIRY_SERVICE),
        _ => None,
    };
    let def = match definition {
        Some(slug) => match s.store.live_definition(slug).await {
            Ok(Some(d)) => Some(d),
            Ok(None) => return s.fail(&ctx, AppError::NotFound).await,
            Err(e) => return s.fail(&ctx, AppError::from_storage(e, "errand definition")).await,
        },
        None => None,
    };
    let units = def.as_ref().map(|d| d.definition.receiving_units()).unwrap_or_default();
    let definitions = match s.store.live_definitions().await {
        Ok(d) => d,
        Err(e) => return s.fail(&ctx, AppError::from_storage(e, "definitions")).await,
    };
    let checked = check_errand(&get, &units, |slug| definitions.iter().any(|d| d.slug == slug));
    let mut form = match checked {
        Ok(f) => f,
        Err(errors) => {
            keep(&session, refused("errand", pairs.clone(), &errors)).await;
            return see_other(&back);
        }
    };
    // A person is named only through this agent's own look-up of them, with its reason.
    if let Some(p) = form.person {
        let person = UserId::new(p);
        match s.store.active_lookup(viewer.user_id, person, now - LOOKUP_OPENS_FOR).await {
            Ok(Some(_)) => {}
            Ok(None) => {
                keep(&session, refused("errand", pairs.clone(), &[error("person", "contact-error-person-lookup")]))
                    .await;
                return see_other("/contact/errands/new#error-summary");
            }
            Err(e) => return s.fail(&ctx, AppError::from_storage(e, "look-up check")).await,
        }
    }
    let (service_slug, category) = match &form.concerns {
        Concerns::Service(slug) => (Some(slug.clone()), None),
        Concerns::Category(c) => (None, Some(c.slug().to_owned())),
    };
    let phone = form.caller_phone.take().map(|p| p.as_str().to_owned());
    let link = form.send_link.and_then(|how| {
        let (channel, recipient) = match how {
            SendLink::Sms => ("sms", phone.clone()?),
            SendLink::Email => ("email", form.caller_email.clone()?),
        };
        Some(DirectMessage {
            channel: channel.into(),
            recipient,
            lang: ctx.lang.code().into(),
            event: "contact-link".into(),
            args: serde_json::json!({ "service": service_slug.clone().unwrap_or_default() }),
        })
    });
    let case = def.as_ref().map(|d| {
        let unit = form.unit.clone().unwrap_or_else(|| d.definition.unit.clone());
        let mut answers = Answers::new();
        answers.insert("unit".into(), text(&unit));
        if form.outcome == ErrandOutcome::Feedback {
            answers.insert("kind".into(), text(form.feedback_kind.map_or("complaint", |k| k.slug())));
            answers.insert("message".into(), text(&form.notes));
            answers.insert("wants_answer".into(), text(if form.wants_answer { "yes" } else { "no" }));
        } else {
            answers.insert("subject".into(), text(form.subject.as_deref().unwrap_or_default()));
            answers.insert("question".into(), text(&form.notes));
            answers.insert("answer_by".into(), text(form.answer_by.map_or("my-pages", |a| a.slug())));
        }
        HandoverCase {
            definition_id: d.id,
            service_slug: d.slug.clone(),
            unit_code: unit,
            provider_unit: None,
            provider_org: None,
            answers,
            handling_days: d.definition.handling_days,
            day_kind: d.definition.handling_day_kind,
            lang: ctx.lang.code().into(),
        }
    });
    let callback = (form.outcome == ErrandOutcome::CallBack).then(|| {
        let settings = &s.pages.settings.contact;
        (phone.clone().unwrap_or_default(), form.queue.clone(), settings.callback_due(&form.queue, now))
    });
    let errand = NewErrand {
        channel: form.channel,
        service_slug,
        category,
        person_id: form.person.map(UserId::new),
        caller_name: form.caller_name.clone(),
        caller_phone: phone,
        caller_email: form.caller_email.clone(),
        notes: form.notes.clone(),
        outcome: form.outcome,
        unit_code: form.unit.clone(),
        answer_by: form.answer_by,
        call_key: form.call_key.clone(),
        agent_id: viewer.user_id,
        agent_unit: "KC".into(),
        idempotency_key: form.idempotency_key.clone(),
        case,
        link,
        callback,
        year: year(now),
        now,
    };
    let store = audited(&s.store, &ctx, AuditAction::Create, "errand", None, ROLE, Some(form.outcome.slug().into()));
    match store.register_errand(&errand).await {
        Ok(saved) => {
            if !saved.replayed {
                tracing::info!(errand = %saved.number, outcome = form.outcome.slug(), "errand registered");
            }
            see_other(&format!("/contact/errands/{}?saved=errand", saved.id))
        }
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "could not register an errand")).await,
    }
}

/// `POST /contact/lookup`: by personnummer, by name and birth date, or by an answered call's
/// number; always with a reason from the list and an explanation.
pub async fn lookup(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::LookUpCaller).await);
    let get = getter(&pairs);
    let now = s.clock.now();
    // What the agent typed comes back, except the personnummer (never kept in the session).
    let keep_values: Pairs = pairs.iter().filter(|(k, _)| k != "personnummer" && k != "csrf").cloned().collect();
    let call = get("call");
    let back = if call.is_empty() {
        "/contact/lookup#error-summary".to_owned()
    } else {
        format!("/contact/lookup?call={}#error-summary", super::pages::urlencode(&call))
    };
    let refuse = |errors: Vec<FieldError>| {
        let session = session.clone();
        let keep_values = keep_values.clone();
        let back = back.clone();
        async move {
            keep(&session, refused("lookup", keep_values, &errors)).await;
            see_other(&back)
        }
    };
    let (reason, explanation) = match LookupReason::check(&get("reason"), &get("explanation")) {
        Ok(r) => r,
        Err(why) => {
            let field = if why == stadsporten_domain::contact_centre::LookupRefusal::NoReason {
                "reason"
            } else {
                "explanation"
            };
            // A look-up without a reason is refused, and the refusal is traced.
            let entry = crate::auth::entry(
                &ctx,
                AuditAction::AccessDenied,
                "person-search",
                None,
                Outcome::Denied,
                Some(ROLE),
                Some("no-reason".into()),
            );
            if let Err(e) = s.store.append_audit(&entry).await {
                return s.fail(&ctx, AppError::from_storage(e, "audit a refused look-up")).await;
            }
            return refuse(vec![error(field, why.message_id())]).await;
        }
    };
    let (found, by) = if !call.is_empty() {
        let caller = match s.store.call_caller(&call).await {
            Ok(c) => c,
            Err(e) => return s.fail(&ctx, AppError::from_storage(e, "call look-up")).await,
        };
        let person = match caller {
            Some(number) => s.store.person_by_phone(&number).await.map(|p| p.into_iter().collect::<Vec<_>>()),
            None => Ok(Vec::new()),
        };
        (person, "phone")
    } else if !get("personnummer").trim().is_empty() {
        match stadsporten_domain::identity::PersonalIdentityNumber::parse(&get("personnummer"), year(now)) {
            Ok(pnr) => {
                (s.store.person_by_personnummer(pnr.expose()).await.map(|p| p.into_iter().collect()), "personnummer")
            }
            Err(_) => return refuse(vec![error("personnummer", "contact-lookup-error-personnummer")]).await,
        }
    } else {
        let name = get("name").trim().to_owned();
        let birth: String = get("birth_date").chars().filter(char::is_ascii_digit).collect();
        let mut errors = Vec::new();
        if name.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            errors.push(error("name", "contact-lookup-error-name"));
        }
        if !valid_birth_date(&birth) {
            errors.push(error("birth_date", "contact-lookup-error-birth-date"));
        }
        if !errors.is_empty() {
            return refuse(errors).await;
        }
        (s.store.people_by_name_and_birth(&name, &birth).await, "name-birth-date")
    };
    let found = match found {
        Ok(f) => f,
        Err(e) => return s.fail(&ctx, AppError::from_storage(e, "person look-up")).await,
    };
    let field = match by {
        "phone" => "reason",
        "personnummer" => "personnummer",
        _ => "name",
    };
    let person = match found.as_slice() {
        [one] => one.id,
        [] => {
            let entry = crate::auth::entry(
                &ctx,
                AuditAction::Read,
                "person-search",
                None,
                Outcome::Failed,
                Some(ROLE),
                Some(format!("not-found {}", reason.slug())),
            );
            if let Err(e) = s.store.append_audit(&entry).await {
                return s.fail(&ctx, AppError::from_storage(e, "audit a look-up")).await;
            }
            return refuse(vec![error(field, "contact-lookup-not-found")]).await;
        }
        _ => return refuse(vec![error(field, "contact-lookup-several")]).await,
    };
    let store = audited(&s.store, &ctx, AuditAction::Read, "user", None, ROLE, None);
    let lookup = NewLookup {
        person_id: person,
        agent_id: viewer.user_id,
        agent_unit: "KC".into(),
        reason,
        explanation,
        searched_by: by,
        year: year(now),
        now,
    };
    match store.record_lookup(&lookup).await {
        Ok(reference) => {
            tracing::info!(lookup = %reference, reason = reason.slug(), "caller looked up");
            see_other(&format!("/contact/people/{person}"))
        }
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "could not record a look-up")).await,
    }
}

/// `POST /contact/callbacks/{id}/claim`: of two agents, one wins; the other is told.
pub async fn claim(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<CallbackId>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::HandleContacts).await);
    let now = s.clock.now();
    let until = now + s.pages.settings.contact.claim_seconds;
    let store = audited(&s.store, &ctx, AuditAction::Update, "callback", None, ROLE, Some("claim".into()));
    match store.claim_callback(id, viewer.user_id, now, until).await {
        Ok(()) => see_other(&format!("/contact/callbacks/{id}?saved=claimed")),
        Err(DbError::Conflict) => see_other(&format!("/contact/callbacks/{id}?saved=taken")),
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "claim a call-back")).await,
    }
}

/// `POST /contact/callbacks/{id}/release`.
pub async fn release(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<CallbackId>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::HandleContacts).await);
    let store = audited(&s.store, &ctx, AuditAction::Update, "callback", None, ROLE, Some("release".into()));
    match store.release_callback(id, viewer.user_id).await {
        Ok(()) => see_other("/contact/callbacks?saved=released"),
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "release a call-back")).await,
    }
}

/// `POST /contact/callbacks/{id}/attempts`: one try, by the agent who holds the call-back.
pub async fn attempt(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(id): Path<CallbackId>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::HandleContacts).await);
    let get = getter(&pairs);
    let now = s.clock.now();
    let Some(outcome) = AttemptOutcome::parse(&get("outcome")) else {
        keep(&session, refused("attempt", pairs.clone(), &[error("outcome", "contact-error-attempt")])).await;
        return see_other(&format!("/contact/callbacks/{id}#error-summary"));
    };
    let note: String = get("note").trim().chars().take(500).collect();
    let callback = match s.store.callback(id).await {
        Ok(Some(c)) => c,
        Ok(None) => return s.fail(&ctx, AppError::NotFound).await,
        Err(e) => return s.fail(&ctx, AppError::from_storage(e, "call-back")).await,
    };
    // The SMS says what the call was about: the queue's name, in Swedish (the caller's language
    // is not known from a number).
    let sms = DirectMessage {
        channel: "sms".into(),
        recipient: callback.phone.clone(),
        lang: "sv".into(),
        event: "callback-missed".into(),
        args: serde_json::json!({ "about": callback.about.clone().unwrap_or(callback.queue.clone()) }),
    };
    let attempts = i64::from(s.pages.settings.contact.callback_attempts);
    let store = audited(&s.store, &ctx, AuditAction::Update, "callback", None, ROLE, None);
    let note = (!note.is_empty()).then_some(note);
    let attempt = stadsporten_db::NewAttempt { outcome, note: note.as_deref(), sms_after: attempts, sms: &sms };
    match store.record_attempt(id, viewer.user_id, &attempt, now).await {
        Ok(r) if r.sms_sent => see_other(&format!("/contact/callbacks/{id}?saved=sms")),
        Ok(r) if r.status != stadsporten_domain::contact_centre::CallbackStatus::Open => {
            see_other(&format!("/contact/callbacks/{id}?saved=done"))
        }
        Ok(_) => see_other(&format!("/contact/callbacks/{id}?saved=attempt")),
        Err(DbError::Conflict) => see_other(&format!("/contact/callbacks/{id}?saved=taken")),
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "record a try")).await,
    }
}

/// `POST /contact/directory/{id}/availability`: "in a meeting until 14:00", set by hand.
pub async fn availability(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Response {
    or_return!(s.holding(&ctx, Permission::HandleContacts).await);
    let get = getter(&pairs);
    let availability = get("availability");
    if !matches!(availability.as_str(), "available" | "busy" | "away" | "offline") {
        return s.fail(&ctx, AppError::BadArguments).await;
    }
    let note: String = get("note").trim().chars().take(100).collect();
    let now = s.clock.now();
    let store = audited(&s.store, &ctx, AuditAction::Update, "directory-entry", None, ROLE, Some(availability.clone()));
    match store.set_availability(id, &availability, (!note.is_empty()).then_some(note.as_str()), None, now).await {
        Ok(()) => see_other("/contact/directory?saved=availability"),
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "set availability")).await,
    }
}

/// `POST /contact/people/{id}/assist`: start an e-service for the person with their recorded
/// consent — a draft that is theirs, which they finish in Mina sidor, or which the agent fills in
/// with them and submits where the definition allows it.
pub async fn assist(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(person): Path<UserId>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::HandleContacts).await);
    let get = getter(&pairs);
    let now = s.clock.now();
    // Only for the person of the agent's own look-up, as the person page.
    match s.store.active_lookup(viewer.user_id, person, now - LOOKUP_OPENS_FOR).await {
        Ok(Some(_)) => {}
        Ok(None) => return denied(&s, &ctx, "user", Some(person.to_string()), Permission::LookUpCaller).await,
        Err(e) => return s.fail(&ctx, AppError::from_storage(e, "look-up check")).await,
    }
    let back = format!("/contact/people/{person}#error-summary");
    let def = match s.store.live_definition(get("service").trim()).await {
        Ok(d) => d,
        Err(e) => return s.fail(&ctx, AppError::from_storage(e, "definition")).await,
    };
    let agent_submits = get("mode") == "agent";
    let mut errors = Vec::new();
    match &def {
        None => errors.push(error("service", "contact-error-assist-service")),
        Some(d) if agent_submits && !d.definition.assisted_submission => {
            errors.push(error("mode", "contact-error-assist-not-allowed"))
        }
        Some(_) => {}
    }
    let via = stadsporten_domain::contact_centre::ContactChannel::parse(&get("via"))
        .unwrap_or(stadsporten_domain::contact_centre::ContactChannel::Phone);
    if get("consent") != "yes" {
        errors.push(error("consent", "contact-error-consent"));
    }
    let Some(def) = def.filter(|_| errors.is_empty()) else {
        keep(&session, refused("assist", pairs.clone(), &errors)).await;
        return see_other(&back);
    };
    let token = stadsporten_domain::ids::DraftToken::new(crate::eservices::server::random_token());
    let title = def.definition.title.get(ctx.lang).to_owned();
    let notes = crate::i18n::ta(ctx.lang, "contact-assist-notes", &[("title", title.into())]);
    let store =
        audited(&s.store, &ctx, AuditAction::Create, "draft", None, ROLE, Some(format!("assisted {}", def.slug)));
    let started = store
        .start_assisted_draft(&stadsporten_db::NewAssistedDraft {
            token: &token,
            person,
            definition_id: def.id,
            service_slug: &def.slug,
            agent: viewer.user_id,
            agent_unit: "KC",
            via,
            agent_submits,
            notes: &notes,
            year: year(now),
            now,
            expires_at: now + s.settings.draft_seconds,
        })
        .await;
    match started {
        Ok(_) if agent_submits => see_other(&format!("/apply/{}", token.as_str())),
        Ok(_) => see_other(&format!("/contact/people/{person}?saved=assist-resident")),
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "start an assisted draft")).await,
    }
}

/// `POST /contact/directory/{id}/transfer`: the agent passes the call on (in the telephony) and
/// the colleague gets the note by e-mail at once — who calls, about what — so the caller need not
/// say it all again.
pub async fn transfer(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    session: tower_sessions::Session,
    Path(id): Path<i64>,
    Form(pairs): Form<Pairs>,
) -> Response {
    let viewer = or_return!(s.holding(&ctx, Permission::HandleContacts).await);
    let get = getter(&pairs);
    let entry = match s.store.directory_entry(id).await {
        Ok(Some(e)) => e,
        Ok(None) => return s.fail(&ctx, AppError::NotFound).await,
        Err(e) => return s.fail(&ctx, AppError::from_storage(e, "directory entry")).await,
    };
    let note = get("note").trim().to_owned();
    let q = get("q");
    let back = format!("/contact/directory?q={}", super::pages::urlencode(&q));
    if note.chars().filter(|c| c.is_alphanumeric()).count() < 5 || note.chars().count() > 1000 {
        let field = format!("note-{id}");
        let e = error(&field, "contact-error-transfer-note");
        keep(&session, refused("transfer", vec![(field.clone(), note), ("q".into(), q)], &[e])).await;
        return see_other(&format!("{back}#error-summary"));
    }
    let message = DirectMessage {
        channel: "email".into(),
        recipient: entry.email.clone(),
        lang: "sv".into(),
        event: "transfer-note".into(),
        args: serde_json::json!({ "from": viewer.name, "note": note }),
    };
    let store = audited(&s.store, &ctx, AuditAction::Create, "transfer-note", Some(id.to_string()), ROLE, None);
    match store.queue_message(&message, s.clock.now()).await {
        Ok(()) => see_other(&format!("{back}&saved=transfer")),
        Err(e) => s.fail(&ctx, AppError::from_storage(e, "transfer note")).await,
    }
}

/// `GET /contact/figures.csv?from=…&to=…`: the figures per day, as the page shows them.
pub async fn figures_csv(
    State(s): State<Arc<FormState>>,
    Extension(ctx): Extension<RequestContext>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Response {
    let viewer = or_return!(s.viewer(&ctx).await);
    if !super::server::may_see_figures(viewer) {
        return denied(&s, &ctx, "feature", None, Permission::HandleContacts).await;
    }
    let pairs = stadsporten_domain::catalogue::decode_query_string(query.as_deref().unwrap_or("")).unwrap_or_default();
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let built =
        super::server::figures_of(&s.store, get("from").as_deref(), get("to").as_deref(), s.clock.now(), ctx.lang)
            .await;
    let (_, f) = or_return!(s.or_fail(&ctx, built).await);
    let mut head: Vec<String> = vec!["day".into(), "contacts".into()];
    head.extend(
        stadsporten_domain::contact_centre::ContactChannel::ALL.iter().map(|c| format!("channel_{}", c.slug())),
    );
    head.extend(stadsporten_domain::contact_centre::figures::DAY_COLUMNS.map(String::from));
    let head_refs: Vec<&str> = head.iter().map(String::as_str).collect();
    let mut out = stadsporten_domain::csv::CsvFile::new(&head_refs, stadsporten_domain::csv::Style::AllQuoted);
    for (d, day) in &f.days {
        out.text_row(super::server::day_row(*d, day));
    }
    crate::web::staff_csv("kontaktcenter.csv", out.finish())
}

/// This feature's plain routes.
pub fn routes() -> axum::Router<Arc<FormState>> {
    axum::Router::new()
        .route("/contact/errands", axum::routing::post(register_errand))
        .route("/contact/lookup", axum::routing::post(lookup))
        .route("/contact/people/{id}/assist", axum::routing::post(assist))
        .route("/contact/callbacks/{id}/claim", axum::routing::post(claim))
        .route("/contact/callbacks/{id}/release", axum::routing::post(release))
        .route("/contact/callbacks/{id}/attempts", axum::routing::post(attempt))
        .route("/contact/directory/{id}/availability", axum::routing::post(availability))
        .route("/contact/directory/{id}/transfer", axum::routing::post(transfer))
        .route("/contact/figures.csv", axum::routing::get(figures_csv))
        .route("/integrations/telephony/events", axum::routing::post(super::telephony::events))
}
