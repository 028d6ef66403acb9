//! Server functions of the contact centre's pages: the board, errands, the look-up's person,
//! call-backs, the directory; and Mina sidor's errands and look-ups.
//!
//! Policy:
//! - Every function but `my_contacts` needs `handle-contacts` (the agent's role); the person page
//!   also needs the agent's own look-up of that person within the hour, with its reason — there is
//!   no way to open a person without one.
//! - A person's cases, errands and bundles are shown as status summaries only: never answers,
//!   files, messages or decisions. Contact details of a person with protected personal data are
//!   never shown, only the warning.
//! - Reads of personal data (an errand naming a person, the person page) are audited before they
//!   are answered; the person page's entry carries the look-up's reference.

use super::view::*;
use crate::error::AppError;
use leptos::prelude::*;
use stadsporten_domain::ids::{CallbackId, ErrandId, UserId};

/// How long a look-up opens the person for the agent who made it.
pub const LOOKUP_OPENS_FOR: i64 = 3600;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::context::Viewer;
    use crate::i18n::{t, ta};
    use stadsporten_db::{CallbackRow, ErrandRecord, Store};
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::contact_centre::Urgency;
    use stadsporten_domain::Lang;

    pub fn settings() -> crate::settings::ContactSettings {
        use_context::<crate::context::ServiceSettings>().map(|s| s.contact).unwrap_or_default()
    }

    /// The agent, or 401/403 (audited).
    pub async fn agent() -> Result<Viewer, AppError> {
        crate::auth::require(Permission::HandleContacts, &Target::AnyObject).await
    }

    /// What an errand concerns, in words: the service's title or the category.
    pub fn concerns_text(store: &Store, service: Option<&str>, category: Option<&str>, lang: Lang) -> String {
        match (service, category) {
            (Some(slug), _) => stadsporten_domain::ServiceSlug::parse(slug)
                .ok()
                .and_then(|s| store.service_title(&s, lang))
                .unwrap_or_else(|| slug.to_owned()),
            (None, Some(c)) => t(lang, &format!("contact-category-{c}")),
            (None, None) => String::new(),
        }
    }

    pub fn unit_name(units: &[stadsporten_db::Unit], code: &str, lang: Lang) -> String {
        units
            .iter()
            .find(|u| u.code.as_str() == code)
            .map(|u| u.name(lang).to_owned())
            .unwrap_or_else(|| code.to_owned())
    }

    pub fn errand_line(store: &Store, units: &[stadsporten_db::Unit], e: &ErrandRecord, lang: Lang) -> ErrandLine {
        ErrandLine {
            id: e.id,
            number: e.number.clone(),
            created: crate::ui::stockholm_time(e.created_at),
            channel: t(lang, &format!("contact-channel-{}", e.channel.slug())),
            concerns: concerns_text(store, e.service_slug.as_deref(), e.category.as_deref(), lang),
            outcome: t(lang, &format!("contact-outcome-{}", e.outcome.slug())),
            status: t(lang, &format!("contact-status-{}", e.status.slug())),
            status_slug: e.status.slug().to_owned(),
            case_number: e.case_number.clone(),
            case_status: e.case_status.as_deref().map(|s| t(lang, &format!("case-status-{s}"))),
            unit: e.unit_code.as_deref().map(|u| unit_name(units, u, lang)),
            case_id: e.case_id,
        }
    }

    pub fn callback_line(c: &CallbackRow, viewer: UserId, now: i64, lang: Lang) -> CallbackLine {
        let urgency = Urgency::at(c.due_at, now);
        let phone = stadsporten_domain::contact_centre::telephony::PhoneNumber::parse(&c.phone)
            .map(|p| p.display())
            .unwrap_or_else(|| c.phone.clone());
        let claimed = c.claimed_by.filter(|_| c.claimed_until.is_some_and(|u| u >= now));
        CallbackLine {
            id: c.id,
            phone,
            queue: c.queue.clone(),
            reason: t(lang, &format!("contact-callback-reason-{}", c.reason.slug())),
            created: crate::ui::stockholm_time(c.created_at),
            due: crate::ui::stockholm_time(c.due_at),
            urgency: urgency.slug().to_owned(),
            urgency_text: t(lang, &format!("contact-urgency-{}", urgency.slug())),
            claimed_by: claimed.and(c.claimed_by_name.clone()),
            claimed_by_me: claimed == Some(viewer),
            attempts: c.attempts,
        }
    }

    pub fn reasons(lang: Lang) -> Vec<Choice> {
        stadsporten_domain::contact_centre::LookupReason::ALL
            .iter()
            .map(|r| Choice { value: r.slug().into(), label: t(lang, &format!("contact-reason-{}", r.slug())) })
            .collect()
    }

    /// "7 of 9 (78 %)".
    pub fn kept_share(kept: i64, ended: i64, lang: Lang) -> String {
        if ended == 0 {
            return "–".into();
        }
        let pct = (kept * 100 + ended / 2) / ended;
        ta(lang, "contact-kept-share", &[("kept", kept.into()), ("ended", ended.into()), ("percent", pct.into())])
    }
}

#[server(endpoint = "contact/board", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn contact_board() -> Result<BoardView, AppError> {
    use crate::i18n::t;
    use ssr::*;
    let viewer = agent().await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let now = ctx.now;
    let day_start =
        stadsporten_domain::date::Date::in_stockholm(now).and_then(|d| d.at_in_stockholm(0, 0)).unwrap_or(now - 86_400);
    let b = store.contact_board(now, day_start).await?;
    let units = store.units().await?;
    // The agent's calls by e-mail address or extension (the directory's).
    let mut handles = vec![viewer_email(&store, viewer.user_id).await?];
    if let Some(entry) = store.directory(&handles[0], None, 1).await?.into_iter().find(|d| d.email == handles[0]) {
        handles.extend(entry.extension);
    }
    let calls = store
        .answered_calls(&handles, now)
        .await?
        .into_iter()
        .map(|c| CallSuggestion {
            caller: c
                .caller
                .as_deref()
                .and_then(stadsporten_domain::contact_centre::telephony::PhoneNumber::parse)
                .map(|p| p.display())
                .unwrap_or_else(|| t(lang, "contact-caller-withheld")),
            call_key: c.call_key,
            answered: crate::ui::stockholm_time(c.answered_at),
            known_person: c.known_person,
        })
        .collect();
    let next_callbacks =
        store.callbacks_open(5).await?.iter().map(|c| callback_line(c, viewer.user_id, now, lang)).collect();
    let open = store.errands(true, 50).await?;
    // The list names the agent's colleagues' callers: a read of personal data.
    if open.iter().any(|e| e.person_id.is_some()) {
        crate::auth::record(
            stadsporten_domain::audit::AuditAction::Read,
            "errand-list",
            None,
            stadsporten_domain::audit::Outcome::Success,
            Some("contact-centre-agent"),
            None,
        )
        .await?;
    }
    Ok(BoardView {
        waiting: b.waiting,
        oldest_waiting: b.oldest_waiting_since.map(crate::ui::stockholm_time),
        callbacks_open: b.callbacks_open,
        callbacks_due_soon: b.callbacks_due_soon,
        callbacks_overdue: b.callbacks_overdue,
        oldest_promise: b.oldest_promise.map(|p| crate::ui::stockholm_time(p.0)),
        oldest_promise_due: b.oldest_promise.map(|p| crate::ui::stockholm_time(p.1)),
        kept_today: kept_share(b.kept_today, b.ended_today, lang),
        errands_today: b.errands_today,
        errands_with_units: b.errands_with_units,
        calls,
        next_callbacks,
        open_errands: open.iter().map(|e| errand_line(&store, &units, e, lang)).collect(),
        updated: crate::ui::stockholm_time(now),
    })
}

#[cfg(feature = "ssr")]
async fn viewer_email(store: &stadsporten_db::Store, user: UserId) -> Result<String, AppError> {
    Ok(store.user(user).await?.and_then(|u| u.email).unwrap_or_default())
}

#[server(endpoint = "contact/errand", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn contact_errand(id: ErrandId) -> Result<ErrandView, AppError> {
    use crate::i18n::t;
    use ssr::*;
    agent().await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let Some(e) = store.errand(id).await? else { return Err(AppError::NotFound.respond()) };
    crate::auth::record(
        stadsporten_domain::audit::AuditAction::Read,
        "errand",
        Some(e.number.clone()),
        stadsporten_domain::audit::Outcome::Success,
        Some("contact-centre-agent"),
        None,
    )
    .await?;
    let units = store.units().await?;
    let timeline = store
        .errand_events(id)
        .await?
        .into_iter()
        .map(|ev| TimelineLine { at: crate::ui::stockholm_time(ev.at), text: event_text(&ev, lang, &units) })
        .collect();
    Ok(ErrandView {
        line: errand_line(&store, &units, &e, lang),
        person: e.person_name.clone(),
        caller_name: e.caller_name.clone(),
        caller_phone: e.caller_phone.clone(),
        caller_email: e.caller_email.clone(),
        notes: e.notes.clone(),
        answer_by: e.answer_by.map(|a| t(lang, &format!("contact-answer-by-{}", a.slug()))),
        agent: e.agent_name.clone(),
        timeline,
    })
}

/// An errand event in words (shared with Mina sidor, where only public events are shown).
#[cfg(feature = "ssr")]
pub(crate) fn event_text(
    ev: &stadsporten_db::ErrandEvent,
    lang: stadsporten_domain::Lang,
    units: &[stadsporten_db::Unit],
) -> String {
    use crate::i18n::{t, ta};
    let detail = ev.detail.clone().unwrap_or_default();
    match ev.kind.as_str() {
        "registered" => {
            ta(lang, "contact-event-registered", &[("channel", t(lang, &format!("contact-channel-{detail}")).into())])
        }
        "callback-booked" => ta(
            lang,
            "contact-event-callback-booked",
            &[("due", detail.parse::<i64>().map(crate::ui::stockholm_time).unwrap_or_default().into())],
        ),
        "callback-attempt" => ta(
            lang,
            "contact-event-callback-attempt",
            &[("outcome", t(lang, &format!("contact-attempt-{detail}")).into())],
        ),
        "unit-answered" => {
            ta(lang, "contact-event-unit-answered", &[("status", t(lang, &format!("case-status-{detail}")).into())])
        }
        "handed-over" | "feedback-filed" => ta(lang, &format!("contact-event-{}", ev.kind), &[("case", detail.into())]),
        "link-sent" => {
            ta(lang, "contact-event-link-sent", &[("channel", t(lang, &format!("contact-link-{detail}")).into())])
        }
        other => {
            let _ = units;
            t(lang, &format!("contact-event-{other}"))
        }
    }
}

#[server(endpoint = "contact/new-errand", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn contact_new_errand(
    call: Option<String>,
    person: Option<UserId>,
    concerns: Option<String>,
) -> Result<NewErrandView, AppError> {
    use crate::i18n::t;
    use ssr::*;
    use stadsporten_domain::contact_centre::{AnswerBy, Category, ContactChannel};
    let viewer = agent().await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let person = match person {
        Some(p) => match store.active_lookup(viewer.user_id, p, ctx.now - LOOKUP_OPENS_FOR).await? {
            Some(_) => store.user(p).await?.map(|u| (p, u.display_name)),
            // No look-up of this person: the form opens anonymous, never with the person.
            None => None,
        },
        None => None,
    };
    let caller_phone = match call.as_deref() {
        Some(c) => store
            .call_caller(c)
            .await?
            .and_then(|p| stadsporten_domain::contact_centre::telephony::PhoneNumber::parse(&p))
            .map(|p| p.display()),
        None => None,
    };
    let units = store.units().await?;
    let inquiry_units = store
        .live_definition(super::INQUIRY_SERVICE)
        .await?
        .map(|d| d.definition.receiving_units())
        .unwrap_or_default();
    let mut queues: Vec<String> = vec!["general".into()];
    queues.extend(settings().callback_hours_by_queue.keys().cloned());
    queues.dedup();
    Ok(NewErrandView {
        channels: ContactChannel::ALL
            .iter()
            .map(|c| Choice { value: c.slug().into(), label: t(lang, &format!("contact-channel-{}", c.slug())) })
            .collect(),
        services: store
            .catalogue_titles(lang)
            .into_iter()
            .map(|(slug, title)| Choice { value: format!("service:{slug}"), label: title })
            .collect(),
        categories: Category::ALL
            .iter()
            .map(|c| Choice {
                value: format!("category:{}", c.slug()),
                label: t(lang, &format!("contact-category-{}", c.slug())),
            })
            .collect(),
        units: units
            .iter()
            .filter(|u| inquiry_units.iter().any(|c| c == u.code.as_str()))
            .map(|u| Choice { value: u.code.to_string(), label: u.name(lang).to_owned() })
            .collect(),
        answer_by: AnswerBy::ALL
            .iter()
            .map(|a| Choice { value: a.slug().into(), label: t(lang, &format!("contact-answer-by-{}", a.slug())) })
            .collect(),
        queues: queues.into_iter().map(|q| Choice { label: q.clone(), value: q }).collect(),
        person,
        call_key: call.filter(|c| c.len() <= 200),
        caller_phone,
        concerns: concerns.filter(|c| stadsporten_domain::contact_centre::form::Concerns::parse(c).is_some()),
        idempotency_key: {
            use rand::Rng;
            format!("{:032x}", rand::thread_rng().gen::<u128>())
        },
    })
}

#[server(endpoint = "contact/lookup-form", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn contact_lookup_form(call: Option<String>) -> Result<LookupFormView, AppError> {
    use ssr::*;
    agent().await?;
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    let caller = match call.as_deref() {
        Some(c) => store
            .call_caller(c)
            .await?
            .and_then(|p| stadsporten_domain::contact_centre::telephony::PhoneNumber::parse(&p))
            .map(|p| p.display()),
        None => None,
    };
    Ok(LookupFormView { reasons: reasons(ctx.lang), call_key: call.filter(|_| caller.is_some()), caller })
}

#[server(endpoint = "contact/person", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn contact_person(id: UserId) -> Result<PersonView, AppError> {
    use crate::i18n::t;
    use ssr::*;
    let viewer = agent().await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let Some(reference) = store.active_lookup(viewer.user_id, id, ctx.now - LOOKUP_OPENS_FOR).await? else {
        // Not looked up (or too long ago): the person is not opened, and the attempt is traced.
        crate::auth::record(
            stadsporten_domain::audit::AuditAction::AccessDenied,
            "user",
            Some(id.to_string()),
            stadsporten_domain::audit::Outcome::Denied,
            Some("contact-centre-agent"),
            Some("no-lookup".into()),
        )
        .await?;
        return Err(AppError::Forbidden.respond());
    };
    let Some(person) = store.person(id).await? else { return Err(AppError::NotFound.respond()) };
    crate::auth::record(
        stadsporten_domain::audit::AuditAction::Read,
        "user",
        Some(id.to_string()),
        stadsporten_domain::audit::Outcome::Success,
        Some("contact-centre-agent"),
        Some(format!("{reference} status-summary")),
    )
    .await?;
    let protected = person.protected;
    let units = store.units().await?;
    let cases = store
        .cases_of_applicant(id, ctx.now)
        .await?
        .into_iter()
        .map(|c| StatusLine {
            number: c.case_number.clone(),
            what: concerns_text(&store, Some(&c.service_slug), None, lang),
            status: t(lang, &format!("case-status-{}", c.status.slug())),
            since: crate::ui::stockholm_date(c.submitted_at),
        })
        .collect();
    let errands = store
        .errands_of_person(id, 50)
        .await?
        .iter()
        .map(|e| {
            let l = errand_line(&store, &units, e, lang);
            StatusLine {
                number: l.number,
                what: l.concerns,
                status: l.status,
                since: crate::ui::stockholm_date(e.created_at),
            }
        })
        .collect();
    let bundles = store
        .bundles_of_applicant(id)
        .await?
        .into_iter()
        .map(|b| StatusLine {
            number: b.bundle_number.clone(),
            what: b.organisation_name.clone(),
            status: crate::i18n::ta(
                lang,
                "contact-bundle-status",
                &[("decided", b.decided.into()), ("parts", b.parts.into())],
            ),
            since: crate::ui::stockholm_date(b.submitted_at),
        })
        .collect();
    // Assisted digital: any live single e-service (a bundle's permits are filed with their
    // bundle); those whose definition allows it the agent may also submit.
    let mut eservices: Vec<Choice> = store
        .live_definitions()
        .await?
        .iter()
        .filter(|d| !d.definition.title.get(lang).is_empty())
        .map(|d| {
            let title = d.definition.title.get(lang).to_owned();
            let label = if d.definition.assisted_submission {
                crate::i18n::ta(lang, "contact-assist-may-submit", &[("title", title.into())])
            } else {
                title
            };
            Choice { value: d.slug.clone(), label }
        })
        .collect();
    eservices.sort_by_cached_key(|c| stadsporten_domain::search::swedish_order(&c.label));
    Ok(PersonView {
        eservices,
        id,
        name: person.name,
        protected,
        phone: if protected { None } else { person.phone },
        email: if protected { None } else { person.email },
        reference,
        cases,
        errands,
        bundles,
    })
}

#[server(endpoint = "contact/callbacks", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn contact_callbacks() -> Result<Vec<CallbackLine>, AppError> {
    use ssr::*;
    let viewer = agent().await?;
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    Ok(store.callbacks_open(500).await?.iter().map(|c| callback_line(c, viewer.user_id, ctx.now, ctx.lang)).collect())
}

#[server(endpoint = "contact/callback", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn contact_callback(id: CallbackId) -> Result<CallbackView, AppError> {
    use crate::i18n::t;
    use ssr::*;
    use stadsporten_domain::contact_centre::AttemptOutcome;
    let viewer = agent().await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let Some(c) = store.callback(id).await? else { return Err(AppError::NotFound.respond()) };
    let attempts = store
        .callback_attempts(id)
        .await?
        .into_iter()
        .map(|a| AttemptLine {
            at: crate::ui::stockholm_time(a.at),
            agent: a.agent_name,
            outcome: t(lang, &format!("contact-attempt-{}", a.outcome)),
            note: a.note,
        })
        .collect();
    let errand = match c.errand_id {
        Some(e) => store.errand(e).await?.map(|r| (e, r.number)),
        None => None,
    };
    Ok(CallbackView {
        line: callback_line(&c, viewer.user_id, ctx.now, lang),
        status: t(lang, &format!("contact-callback-status-{}", c.status.slug())),
        open: c.status == stadsporten_domain::contact_centre::CallbackStatus::Open,
        errand,
        attempts,
        outcomes: AttemptOutcome::ALL
            .iter()
            .map(|o| Choice { value: o.slug().into(), label: t(lang, &format!("contact-attempt-{}", o.slug())) })
            .collect(),
        attempts_before_sms: settings().callback_attempts,
        kept: c.kept,
    })
}

#[server(endpoint = "contact/directory", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn contact_directory(q: Option<String>, unit: Option<String>) -> Result<DirectoryView, AppError> {
    use crate::i18n::{t, ta};
    use ssr::*;
    agent().await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let q: String = q.unwrap_or_default().trim().chars().take(100).collect();
    let unit = unit.unwrap_or_default().trim().to_owned();
    let units = store.units().await?;
    let unit_filter = units.iter().any(|u| u.code.as_str() == unit).then_some(unit.as_str());
    // The services each unit answers for: the e-services it receives.
    let definitions = store.definitions().await?;
    let services_of = |code: &str| -> Vec<String> {
        let mut out: Vec<String> = definitions
            .iter()
            .filter(|d| d.definition.receiving_units().iter().any(|u| u == code) && d.definition.unit == code)
            .map(|d| d.definition.title.get(lang).to_owned())
            .collect();
        out.dedup();
        out
    };
    let mut entries = Vec::new();
    for d in store.directory(&q, unit_filter, 100).await? {
        let slug = d.availability.clone();
        entries.push(DirectoryLine {
            id: d.id,
            name: d.name,
            unit: unit_name(&units, &d.unit_code, lang),
            function: d.function,
            direct_number: d
                .direct_number
                .as_deref()
                .and_then(stadsporten_domain::contact_centre::telephony::PhoneNumber::parse)
                .map(|p| p.display()),
            email: d.email,
            availability: t(lang, &format!("contact-availability-{slug}")),
            availability_slug: slug,
            note: d.availability_note,
            back: d.available_again_at.map(crate::ui::stockholm_time),
            services: services_of(&d.unit_code),
        });
    }
    // Units whose name or services match, with their public numbers.
    let needle = q.to_lowercase();
    let mut unit_lines = Vec::new();
    for u in &units {
        if unit_filter.is_some_and(|f| f != u.code.as_str()) {
            continue;
        }
        let services = services_of(u.code.as_str());
        let name = u.name(lang).to_owned();
        let matches = needle.is_empty()
            || name.to_lowercase().contains(&needle)
            || u.code.as_str().to_lowercase() == needle
            || services.iter().any(|s| s.to_lowercase().contains(&needle));
        if !matches {
            continue;
        }
        let (phone, email) = store.unit_contact(u.code.as_str()).await?.unwrap_or_default();
        unit_lines.push(DirectoryLine {
            id: 0,
            name,
            unit: u.code.to_string(),
            function: ta(lang, "contact-unit-services", &[("count", services.len().into())]),
            direct_number: phone,
            email: email.unwrap_or_default(),
            availability: String::new(),
            availability_slug: String::new(),
            note: None,
            back: None,
            services,
        });
    }
    Ok(DirectoryView {
        q,
        unit,
        units: units.iter().map(|u| Choice { value: u.code.to_string(), label: u.name(lang).to_owned() }).collect(),
        entries,
        unit_lines,
    })
}

/// Mina sidor: the signed-in person's own errands and who looked them up.
#[server(endpoint = "my/contacts", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn my_contacts() -> Result<MyContactsView, AppError> {
    use crate::i18n::t;
    use ssr::*;
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::contact_centre::LookupShownAs;
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let units = store.units().await?;
    let errands = store.errands_of_person(viewer.user_id, 50).await?;
    let shown_as = settings().lookup_shown_as;
    let lookups = store
        .lookups_of_person(viewer.user_id, 100)
        .await?
        .into_iter()
        .map(|l| {
            let unit = unit_name(&units, &l.agent_unit, lang);
            MyLookupLine {
                at: crate::ui::stockholm_time(l.at),
                who: match shown_as {
                    LookupShownAs::AgentName => format!("{} ({unit})", l.agent_name),
                    LookupShownAs::UnitAndReference => unit,
                },
                reference: l.reference,
                reason: t(lang, &format!("contact-reason-{}", l.reason)),
                explanation: l.explanation,
            }
        })
        .collect();
    Ok(MyContactsView { errands: errands.iter().map(|e| errand_line(&store, &units, e, lang)).collect(), lookups })
}

/// Who may read the contact centre's figures: its agents, and those with `view-statistics` for
/// the contact centre's unit (its manager, administrators). No person is in them.
#[cfg(feature = "ssr")]
pub(crate) fn may_see_figures(viewer: &crate::context::Viewer) -> bool {
    use stadsporten_domain::access::{Permission, Target};
    let kc = stadsporten_domain::organisation::UnitCode::parse("KC");
    viewer.may(Permission::HandleContacts, &Target::AnyObject)
        || kc.is_some_and(|u| viewer.may(Permission::ViewStatistics, &Target::Unit(&u)))
}

/// One day as a row: the date, the contacts, each channel's, then [`DAY_COLUMNS`](stadsporten_domain::contact_centre::figures::DAY_COLUMNS).
#[cfg(feature = "ssr")]
pub(crate) fn day_row(
    d: stadsporten_domain::date::Date,
    day: &stadsporten_domain::contact_centre::figures::Day,
) -> Vec<String> {
    let mut row = vec![d.to_string(), day.contacts.to_string()];
    row.extend(
        stadsporten_domain::contact_centre::ContactChannel::ALL
            .iter()
            .map(|c| day.by_channel.get(c.slug()).copied().unwrap_or(0).to_string()),
    );
    row.extend(
        [
            day.answered_first,
            day.handed_over,
            day.feedback,
            day.callbacks_promised,
            day.callbacks_ended,
            day.callbacks_kept,
            day.abandoned,
            day.voicemail,
        ]
        .map(|n| n.to_string()),
    );
    row
}

/// The figures of a period, built for the page and the export.
#[cfg(feature = "ssr")]
pub(crate) async fn figures_of(
    store: &stadsporten_db::Store,
    from: Option<&str>,
    to: Option<&str>,
    now: i64,
    lang: stadsporten_domain::Lang,
) -> Result<(FiguresView, stadsporten_domain::contact_centre::figures::Figures), AppError> {
    use crate::i18n::{t, ta};
    use crate::ui::chart::{Bar, ChartView, TableView};
    use stadsporten_domain::contact_centre::figures::{aggregate, period};
    use stadsporten_domain::date::Date;
    use stadsporten_domain::stats::Figure;
    let today = Date::in_stockholm(now).ok_or(AppError::Internal)?;
    let (first, last, problem) = period(from, to, today);
    let start = first.at_in_stockholm(0, 0).ok_or(AppError::Internal)?;
    let end = last.plus_days(1).and_then(|d| d.at_in_stockholm(0, 0)).ok_or(AppError::Internal)?;
    let (errands, callbacks, missed) = store.contact_facts(start, end).await?;
    let f = aggregate(first, last, &errands, &callbacks, &missed);
    let pct = |x: &Figure<f64>| match x {
        Figure::Value(v) => format!("{:.0} %", v * 100.0),
        Figure::Suppressed => t(lang, "contact-figures-too-few"),
    };
    let minutes = match f.median_minutes_to_callback {
        Figure::Value(m) => ta(lang, "contact-figures-minutes", &[("minutes", format!("{m:.0}").into())]),
        Figure::Suppressed => t(lang, "contact-figures-too-few"),
    };
    let key = vec![
        (t(lang, "contact-figures-contacts"), f.contacts.to_string()),
        (t(lang, "contact-figures-answered-first"), pct(&f.answered_first)),
        (t(lang, "contact-figures-kept"), pct(&f.kept)),
        (t(lang, "contact-figures-median-callback"), minutes),
        (t(lang, "contact-figures-abandoned"), f.abandoned.to_string()),
        (t(lang, "contact-figures-voicemail"), f.voicemail.to_string()),
    ];
    let channels = stadsporten_domain::contact_centre::ContactChannel::ALL;
    let mut head = vec![t(lang, "contact-figures-day"), t(lang, "contact-figures-contacts")];
    head.extend(channels.iter().map(|c| t(lang, &format!("contact-channel-{}", c.slug()))));
    head.extend(
        stadsporten_domain::contact_centre::figures::DAY_COLUMNS
            .map(|k| t(lang, &format!("contact-figures-{}", k.replace('_', "-")))),
    );
    let rows = f.days.iter().map(|(d, day)| day_row(*d, day)).collect();
    let days = TableView { caption: t(lang, "contact-figures-per-day"), head, rows };
    let bars = f
        .days
        .iter()
        .map(|(d, day)| Bar {
            label: format!("{}/{}", d.day(), d.month()),
            value: Some(day.contacts as f64),
            shown: day.contacts.to_string(),
        })
        .collect();
    let contacts_chart = ChartView {
        title: t(lang, "contact-figures-chart"),
        summary: ta(
            lang,
            "contact-figures-chart-summary",
            &[("count", f.contacts.into()), ("days", f.days.len().into())],
        ),
        bars,
        reference: None,
        table: TableView {
            caption: t(lang, "contact-figures-chart"),
            head: vec![t(lang, "contact-figures-day"), t(lang, "contact-figures-contacts")],
            rows: f.days.iter().map(|(d, day)| vec![d.to_string(), day.contacts.to_string()]).collect(),
        },
    };
    let concerns = TableView {
        caption: t(lang, "contact-figures-by-concerns"),
        head: vec![t(lang, "contact-concerns"), t(lang, "contact-figures-contacts")],
        rows: f
            .by_concerns
            .iter()
            .map(|(k, n)| {
                let label = if k == "service" {
                    t(lang, "contact-concerns-services")
                } else {
                    t(lang, &format!("contact-category-{k}"))
                };
                vec![label, n.to_string()]
            })
            .collect(),
    };
    let names = store.units().await?;
    let units = TableView {
        caption: t(lang, "contact-figures-by-unit"),
        head: vec![t(lang, "contact-unit"), t(lang, "contact-figures-handed-over")],
        rows: f.by_unit.iter().map(|(u, n)| vec![ssr::unit_name(&names, u, lang), n.to_string()]).collect(),
    };
    let query = format!("from={first}&to={last}");
    let view = FiguresView {
        from: first.to_string(),
        to: last.to_string(),
        notice: problem.map(|p| t(lang, p)),
        key,
        contacts_chart,
        days,
        concerns,
        units,
        query,
    };
    Ok((view, f))
}

#[server(endpoint = "contact/figures", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn contact_figures(from: Option<String>, to: Option<String>) -> Result<FiguresView, AppError> {
    let viewer = crate::auth::signed_in()?;
    if !may_see_figures(&viewer) {
        crate::auth::require(
            stadsporten_domain::access::Permission::HandleContacts,
            &stadsporten_domain::access::Target::AnyObject,
        )
        .await?;
    }
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    Ok(figures_of(&store, from.as_deref(), to.as_deref(), ctx.now, ctx.lang).await?.0)
}
