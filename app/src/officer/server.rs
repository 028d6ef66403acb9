//! Server functions of the case officer's work: the queue and one case, and every action on it.
//!
//! Policy:
//! - Need to know: an officer sees the cases of the units where they hold `view-cases`, acts where
//!   they hold `handle-cases`; a case of another unit is "not found" (and a denial is audited).
//! - Every opening of a case is an audited read; every action an audited write. The queue view is
//!   audited too (it lists applicants' names).
//! - Transitions are judged by the domain's table and applied with a compare-and-set; a stale
//!   form ("someone else decided meanwhile") comes back with an explanation, not an error page.

// `officer_act` takes the case page's form fields one argument each (a plain HTML form posts
// them flat); the server macro's browser-side stub repeats them, where an item's own `allow`
// does not reach, so the lint is allowed for this module.
#![allow(clippy::too_many_arguments)]

#[cfg(feature = "ssr")]
use super::view::QueueFilters;
use super::view::{OfficerCaseView, QueueView};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
pub use ssr::*;
use stadsporten_domain::ids::CaseId;

#[server(endpoint = "officer/queue", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn officer_queue(
    service: Option<String>,
    status: Option<String>,
    standing: Option<String>,
    assignee: Option<String>,
    sort: Option<String>,
) -> Result<QueueView, AppError> {
    use super::view::Choice;
    use stadsporten_domain::access::Permission;
    use stadsporten_domain::audit::{AuditAction, Outcome};
    use stadsporten_domain::eservice::{CaseStatus, SlaStanding};
    let viewer = crate::auth::signed_in()?;
    let units = units_of(&viewer, Permission::ViewCases);
    if units.is_empty() {
        crate::auth::require(Permission::ViewCases, &stadsporten_domain::access::Target::AnyObject).await?;
    }
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let filters = QueueFilters {
        service: service.filter(|s| !s.is_empty()),
        status: status.filter(|s| !s.is_empty()),
        standing: standing.filter(|s| !s.is_empty()),
        assignee: assignee.filter(|s| !s.is_empty()),
        sort: sort.filter(|s| !s.is_empty()),
    };
    let filter = queue_filter(&filters, &units, viewer.user_id)?;
    let rows = store.queue(&filter, ctx.now, 500).await?;
    crate::auth::record(
        AuditAction::Read,
        "case-queue",
        Some(units.join(",")),
        Outcome::Success,
        Some("case-officer"),
        None,
    )
    .await?;
    let mut lines = Vec::new();
    let protected = store.protected_among(&rows.iter().map(|r| r.applicant_id).collect::<Vec<_>>()).await?;
    for r in &rows {
        let mut line = crate::cases::server::case_line(&store, r, lang).await?;
        line.protected = protected.contains(&r.applicant_id);
        line.sensitive = store.service_classification(&r.service_slug).await?.is_sensitive();
        lines.push(line);
    }
    // Decided cases whose offer waits for the applicant's answer say so, with the date.
    let decided: Vec<CaseId> = rows.iter().filter(|r| r.status == CaseStatus::Decided).map(|r| r.id).collect();
    let waiting = store.waiting_offers(&decided).await?;
    for line in &mut lines {
        if let Some(by) = waiting.get(&line.id) {
            line.offer = Some(crate::i18n::ta(
                lang,
                "officer-offer-waiting",
                &[("date", crate::ui::stockholm_date(*by).into())],
            ));
        }
    }
    let mut services: Vec<Choice> = Vec::new();
    for d in store.definitions().await? {
        if d.definition.receiving_units().iter().any(|u| units.contains(u))
            && !services.iter().any(|c| c.value == d.slug)
        {
            services.push(Choice { value: d.slug.clone(), label: d.definition.title.get(lang).to_owned() });
        }
    }
    let t = |id: String| crate::i18n::t(lang, &id);
    let mut officers: Vec<Choice> = Vec::new();
    for u in &units {
        for o in unit_officers(&store, u, ctx.now).await? {
            if !officers.iter().any(|x| x.value == o.value) {
                officers.push(o);
            }
        }
    }
    Ok(QueueView {
        officers,
        units: units.clone(),
        may_handle: !units_of(&viewer, Permission::HandleCases).is_empty(),
        may_export: !units_of(&viewer, Permission::ExportCases).is_empty(),
        lines,
        services,
        statuses: CaseStatus::ALL
            .iter()
            .map(|s| Choice { value: s.slug().into(), label: t(format!("case-status-{}", s.slug())) })
            .collect(),
        standings: [SlaStanding::Overdue, SlaStanding::DueSoon, SlaStanding::OnTrack, SlaStanding::Paused]
            .iter()
            .map(|s| Choice { value: s.slug().into(), label: t(format!("sla-{}", s.slug())) })
            .collect(),
        query: filters.query(),
        filters,
    })
}

#[server(endpoint = "officer/case", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn officer_case(id: CaseId) -> Result<OfficerCaseView, AppError> {
    use super::view::{Choice, NoteItem};
    use stadsporten_domain::access::Permission;
    use stadsporten_domain::audit::{AuditAction, Outcome};
    use stadsporten_domain::eservice::DecisionOutcome;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let (viewer, case) = staff_case(id, Permission::ViewCases).await?;
    let unit = stadsporten_domain::organisation::UnitCode::parse(&case.unit_code).ok_or(AppError::Internal)?;
    let role = crate::auth::role_used(&viewer, Permission::ViewCases, &stadsporten_domain::access::Target::Unit(&unit));
    crate::auth::record(AuditAction::Read, "case", Some(case.id.to_string()), Outcome::Success, role, None).await?;
    store.mark_messages_read(case.id, false, ctx.now).await?;
    let common = crate::cases::server::case_common(&store, &case, true, lang, ctx.now).await?;
    let def = store.definition(case.definition_id).await?.ok_or(AppError::Internal)?;
    let case_lang = stadsporten_domain::Lang::parse(&case.lang).unwrap_or_default();
    let may_handle = viewer.may(Permission::HandleCases, &stadsporten_domain::access::Target::Unit(&unit));
    let notes = store
        .case_notes(case.id)
        .await?
        .into_iter()
        .map(|n| NoteItem { at: crate::ui::stockholm_time(n.at), author: n.author_name, body: n.body })
        .collect();
    let d = &def.definition.decision;
    let templates = DecisionOutcome::ALL
        .iter()
        .map(|o| {
            let text = match o {
                DecisionOutcome::Approved => d.approved.get(case_lang),
                DecisionOutcome::Rejected => d.rejected.get(case_lang),
                DecisionOutcome::PartlyApproved => d.partly_approved.get(case_lang),
            };
            (
                Choice { value: o.slug().into(), label: crate::i18n::t(lang, &format!("case-outcome-{}", o.slug())) },
                text.to_owned(),
            )
        })
        .collect();
    let officers = unit_officers(&store, &case.unit_code, ctx.now).await?;
    let bundle = match store.bundle_of_case(case.id).await? {
        Some((bundle_id, key)) => {
            let b = store.bundle(bundle_id).await?.ok_or(AppError::Internal)?;
            let rules = crate::bundles::server::bundle_rules(&store, &b).await?;
            let parts = store.bundle_parts(bundle_id, ctx.now).await?;
            let views = crate::bundles::server::part_views(
                &store,
                &rules,
                &parts,
                lang,
                crate::bundles::server::PartLinks::Officer(vec![]),
            )
            .await?;
            let hold = parts.iter().zip(views).find(|(p, _)| p.permit_key == key).and_then(|(_, v)| v.hold);
            Some(super::view::CaseBundle { id: b.id, number: b.bundle_number, organisation: b.organisation_name, hold })
        }
        None => None,
    };
    Ok(OfficerCaseView {
        bundle,
        applicant: case.applicant_name.clone(),
        acting_for: case.acting_for.clone(),
        assignee: case.assignee_name.clone(),
        assigned_to_me: case.assignee_id == Some(viewer.user_id),
        actions: if may_handle {
            case.status.possible().iter().filter(|t| !t.by_applicant()).map(|t| t.slug().to_owned()).collect()
        } else {
            vec![]
        },
        may_handle,
        notes,
        templates,
        case_lang: case_lang.code().to_owned(),
        officers,
        default_reply_by: crate::ui::stockholm_date(ctx.now + 14 * 86_400),
        offer_form: d.offer.as_ref().map(|t| super::view::OfferForm {
            what_label: t.what.get(lang).to_owned(),
            start_date: t.start_date,
            reply_hint: crate::i18n::ta(
                lang,
                "officer-offer-reply-hint",
                &[
                    ("date", crate::ui::stockholm_date(ctx.now + i64::from(t.reply_days) * 86_400).into()),
                    ("days", t.reply_days.into()),
                ],
            ),
        }),
        case: common,
    })
}

/// Every single-case action of an officer, as one form target (`action` names it: see
/// [`OfficerAction`](super::actions::OfficerAction)). Authorised first, then parsed and checked;
/// refused input comes back beside its field with what was typed.
#[server(endpoint = "officer/act", prefix = "/api")]
pub async fn officer_act(
    case_id: CaseId,
    action: String,
    message: Option<String>,
    reply_by: Option<String>,
    outcome: Option<String>,
    motivation: Option<String>,
    assignee: Option<String>,
    offer_what: Option<String>,
    offer_starts: Option<String>,
) -> Result<(), AppError> {
    use super::actions::{ActFields, OfficerAction};
    use stadsporten_db::{CaseRefusal, DbError, Refusal};
    use stadsporten_domain::access::Permission;
    use stadsporten_domain::audit::AuditAction;
    let (viewer, case) = staff_case(case_id, Permission::HandleCases).await?;
    let fields = ActFields { message, reply_by, outcome, motivation, assignee, offer_what, offer_starts };
    let action = OfficerAction::parse(&action, &fields).ok_or_else(|| AppError::BadArguments.respond())?;
    let now = crate::context::current().now;
    let back = format!("/officer/cases/{case_id}");
    let keep = |form: &str, values: Vec<(&str, String)>, field: &str, code: &str| crate::flash::FormFlash {
        form: form.into(),
        values: values.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        errors: vec![(field.into(), code.into())],
        args: vec![],
    };
    let offer_template = match &action {
        OfficerAction::Decide { .. } => {
            let store = crate::context::store()?;
            store.definition(case.definition_id).await?.and_then(|d| d.definition.decision.offer.clone())
        }
        _ => None,
    };
    let today = crate::ui::stockholm_day(now);
    if let Err(r) = action.check(today).and_then(|()| action.check_offer(offer_template.as_ref(), today)) {
        crate::flash::keep(&keep(r.form, r.values, r.field, r.code)).await?;
        leptos_axum::redirect(&format!("{back}#{}", r.anchor));
        return Ok(());
    }
    // The action's entry commits with its write; a refused action writes none.
    let store = crate::auth::audited(
        AuditAction::Update,
        "case",
        Some(case_id.to_string()),
        Some("case-officer"),
        Some(action.slug().into()),
    )?;
    match perform(&store, &viewer, &case, &action, now).await? {
        Ok(()) => leptos_axum::redirect(&format!("{back}?saved={}", action.slug())),
        Err(DbError::NotFound) => return Err(AppError::NotFound.respond()),
        Err(DbError::Refused(Refusal::Case(CaseRefusal::Held { on_hold }))) => {
            // A bundle's permit that waits for another: explained beside the decision form.
            let code = if on_hold { "bundle-decide-on-hold" } else { "bundle-decide-waits" };
            let values = match &action {
                OfficerAction::Decide { outcome_raw, motivation, offer_what, offer_starts, .. } => vec![
                    ("outcome", outcome_raw.clone()),
                    ("motivation", motivation.clone()),
                    ("offer_what", offer_what.clone()),
                    ("offer_starts", offer_starts.clone()),
                ],
                _ => vec![],
            };
            crate::flash::keep(&keep("decide", values, "decide-outcome", code)).await?;
            leptos_axum::redirect(&format!("{back}#decide"));
        }
        Err(DbError::Refused(_) | DbError::Conflict) => leptos_axum::redirect(&format!("{back}?saved=stale")),
        Err(e) => return Err(AppError::from(e).respond()),
    }
    Ok(())
}

/// Performs a checked action in storage (through the audited handle): the case's transition, or
/// its assignment or note.
#[cfg(feature = "ssr")]
async fn perform(
    store: &stadsporten_db::Store,
    viewer: &crate::context::Viewer,
    case: &stadsporten_db::CaseRecord,
    action: &super::actions::OfficerAction,
    now: i64,
) -> Result<Result<(), stadsporten_db::DbError>, AppError> {
    use super::actions::OfficerAction as A;
    use stadsporten_db::NewDecision;
    use stadsporten_domain::eservice::DecisionOutcome;
    let (id, me, unit) = (case.id, viewer.user_id, std::slice::from_ref(&case.unit_code));
    Ok(match action {
        A::Take | A::Release | A::Assign { .. } => {
            let to = match action {
                A::Take => Some(me),
                A::Release => None,
                _ => {
                    let officers = unit_officers(store, &case.unit_code, now).await?;
                    let to = match action {
                        A::Assign { to } => *to,
                        _ => None,
                    };
                    let known = to.filter(|a| officers.iter().any(|o| o.value == a.to_string()));
                    Some(known.ok_or_else(|| AppError::BadArguments.respond())?)
                }
            };
            store.assign_cases(&[id], unit, to, me, now).await.map(|_| ())
        }
        A::Note { body } => store.add_note(id, me, body, now).await.map(|_| ()),
        A::Start => store.start_case(id, me, now).await,
        A::RequestCompletion { message, reply_by } => store.request_completion(id, me, message, reply_by, now).await,
        A::ResumeWithoutCompletion => store.resume_without_completion(id, me, now).await,
        A::Decide { outcome: Some(chosen), motivation, offer_what, offer_starts, .. } => {
            let def = store.definition(case.definition_id).await?.ok_or(AppError::Internal)?;
            let case_lang = stadsporten_domain::Lang::parse(&case.lang).unwrap_or_default();
            let d = &def.definition.decision;
            let template = match chosen {
                DecisionOutcome::Approved => d.approved.get(case_lang),
                DecisionOutcome::Rejected => d.rejected.get(case_lang),
                DecisionOutcome::PartlyApproved => d.partly_approved.get(case_lang),
            };
            // The offer's answer is due at the end of its last day, the reminder some days before.
            let offer = match (&d.offer, chosen) {
                (Some(t), DecisionOutcome::Approved | DecisionOutcome::PartlyApproved) => {
                    let today = crate::ui::stockholm_day(now);
                    let last = stadsporten_domain::date::Date::from_day_number(today + i64::from(t.reply_days))
                        .and_then(|d| d.end_in_stockholm())
                        .ok_or(AppError::Internal)?;
                    Some(stadsporten_db::NewOffer {
                        what: offer_what.as_str(),
                        starts_on: (t.start_date && !offer_starts.is_empty()).then_some(offer_starts.as_str()),
                        reply_by: last,
                        remind_at: last - i64::from(t.remind_days) * 86_400,
                    })
                }
                _ => None,
            };
            let decision = NewDecision {
                outcome: *chosen,
                lang: case_lang.code(),
                template,
                motivation,
                appeal: d.appeal.get(case_lang),
                offer,
            };
            store.decide_case(id, me, &decision, now).await
        }
        // Answered already, or its date has passed: `Conflict`, shown as a stale page.
        A::RecordOfferAnswer { accept } => store.answer_offer(id, *accept, "phone", me, now).await,
        // `check` refuses a decision without an outcome before this is reached.
        A::Decide { outcome: None, .. } => return Err(AppError::BadArguments.respond()),
        A::Close => store.close_case(id, me, now).await,
    })
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::view::{Choice, QueueFilters};
    use crate::cases::access::{CaseNeed, CaseRelation};
    use crate::context::Viewer;
    use crate::error::AppError;
    use stadsporten_db::{Assignee, CaseRecord, QueueFilter, QueueSort, Store};
    use stadsporten_domain::access::{Permission, Role, Scope, Target};
    use stadsporten_domain::eservice::{CaseStatus, SlaStanding};
    use stadsporten_domain::ids::{CaseId, UserId};
    use stadsporten_domain::organisation::UnitCode;

    /// The unit codes where the viewer holds `permission`.
    pub use crate::cases::server::units_of;

    /// The queue's filters as the store's, refusing unknown values (a hand-made URL).
    pub fn queue_filter(f: &QueueFilters, units: &[String], me: UserId) -> Result<QueueFilter, AppError> {
        let bad = || AppError::BadArguments.respond();
        Ok(QueueFilter {
            units: units.to_vec(),
            service: f.service.clone(),
            status: f.status.as_deref().map(|s| CaseStatus::parse(s).ok_or_else(bad)).transpose()?,
            standing: match f.standing.as_deref() {
                None => None,
                Some("on-track") => Some(SlaStanding::OnTrack),
                Some("due-soon") => Some(SlaStanding::DueSoon),
                Some("overdue") => Some(SlaStanding::Overdue),
                Some("paused") => Some(SlaStanding::Paused),
                Some(_) => return Err(bad()),
            },
            assignee: match f.assignee.as_deref() {
                None | Some("anyone") => None,
                Some("me") => Some(Assignee::User(me)),
                Some("nobody") => Some(Assignee::Nobody),
                Some(id) => Some(Assignee::User(id.parse().map_err(|_| bad())?)),
            },
            sort: match f.sort.as_deref() {
                None | Some("due") => QueueSort::Due,
                Some("newest") => QueueSort::Newest,
                Some("oldest") => QueueSort::Oldest,
                Some("number") => QueueSort::Number,
                Some(_) => return Err(bad()),
            },
        })
    }

    /// A case the viewer may act on with `permission` (its unit's); "not found" otherwise, with the
    /// denial audited.
    pub async fn staff_case(id: CaseId, permission: Permission) -> Result<(Viewer, CaseRecord), AppError> {
        let viewer = crate::auth::signed_in()?;
        let store = crate::context::store()?;
        let case = store.case_record(id).await?.ok_or_else(|| AppError::NotFound.respond())?;
        let need = match permission {
            Permission::HandleCases => CaseNeed::Handle,
            Permission::ExportCases => CaseNeed::Export,
            _ => CaseNeed::Read,
        };
        if crate::cases::access::of_case(&viewer, &case, need) != Some(CaseRelation::Officer) {
            // Refused: 401 or an audited 403, naming the unit.
            let unit = UnitCode::parse(&case.unit_code).ok_or(AppError::Internal)?;
            crate::auth::require(permission, &Target::Unit(&unit)).await?;
            return Err(AppError::Forbidden.respond());
        }
        Ok((viewer, case))
    }

    /// The case officers of a unit (for assigning), by name.
    pub async fn unit_officers(store: &Store, unit: &str, now: i64) -> Result<Vec<Choice>, AppError> {
        let Some(code) = UnitCode::parse(unit) else { return Ok(vec![]) };
        let grants = store.grants_in_force(Some(&[Scope::Unit(code)]), now).await?;
        let mut out: Vec<Choice> = grants
            .into_iter()
            .filter(|g| g.role == Role::CaseOfficer)
            .map(|g| Choice { value: g.user_id.to_string(), label: g.user_name })
            .collect();
        out.dedup_by(|a, b| a.value == b.value);
        Ok(out)
    }
}
