//! Server functions of the applicant's case pages, and the case-building helpers the officer's
//! pages share.
//!
//! Policy: an applicant sees only cases they filed (`applicant_id` is the signed-in user, never a
//! parameter) and never internal notes or internal events; anyone else's case is "not found".

#[cfg(feature = "ssr")]
use super::view::DraftLine;
use super::view::{MyCaseView, MyCasesView};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
pub use ssr::*;
use stadsporten_domain::ids::CaseId;

#[server(endpoint = "my/cases", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn my_cases() -> Result<MyCasesView, AppError> {
    use stadsporten_domain::access::{Permission, Target};
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let mut drafts = Vec::new();
    for d in store.drafts_of_user(viewer.user_id).await? {
        let service = match store.definition(d.definition_id).await? {
            Some(def) => def.definition.title.get(lang).to_owned(),
            None => d.slug.clone(),
        };
        drafts.push(DraftLine {
            token: d.token,
            service,
            updated: crate::ui::stockholm_time(d.updated_at),
            expires: crate::ui::stockholm_date(d.expires_at),
        });
    }
    let mut cases = Vec::new();
    for c in store.cases_of_applicant(viewer.user_id, ctx.now).await? {
        cases.push(case_line(&store, &c, lang).await?);
    }
    let bundle_drafts = store
        .bundle_drafts_of_user(viewer.user_id)
        .await?
        .into_iter()
        .map(|d| DraftLine {
            token: d.token,
            service: crate::i18n::ta(lang, "bundle-draft-line", &[("organisation", d.organisation_name.into())]),
            updated: crate::ui::stockholm_time(d.updated_at),
            expires: crate::ui::stockholm_date(d.expires_at),
        })
        .collect();
    let bundles = store.bundles_of_applicant(viewer.user_id).await?.iter().map(|b| bundle_line(b, lang)).collect();
    Ok(MyCasesView { drafts, cases, bundle_drafts, bundles })
}

#[server(endpoint = "my/case", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn my_case(id: CaseId) -> Result<MyCaseView, AppError> {
    use crate::ui::LinkView as Link;
    use stadsporten_domain::access::{Permission, Target};
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    let case = store
        .case_record(id)
        .await?
        .filter(|c| super::access::of_case(&viewer, c, super::access::CaseNeed::Own).is_some());
    let case = case.ok_or_else(|| AppError::NotFound.respond())?;
    crate::auth::require_assurance(&store, &viewer, &case.service_slug).await?;
    store.mark_messages_read(case.id, true, ctx.now).await?;
    let common = case_common(&store, &case, false, ctx.lang, ctx.now).await?;
    let surveys = store.pending_surveys(case.id).await?.into_iter().map(|s| s.slug().to_owned()).collect();
    Ok(MyCaseView {
        case: common,
        surveys,
        receipt: Link {
            href: format!("/my/cases/{}/receipt", case.id),
            text: crate::i18n::t(ctx.lang, "case-receipt-link"),
        },
    })
}

/// The applicant withdraws an open case, after ticking the confirmation.
#[server(endpoint = "my/case/withdraw", prefix = "/api")]
pub async fn withdraw_case(case_id: CaseId, confirm: Option<String>, reason: String) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::AuditAction;
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let back = format!("/my/cases/{case_id}#withdraw");
    if confirm.as_deref() != Some("yes") {
        crate::flash::keep(&crate::flash::FormFlash {
            form: "withdraw".into(),
            values: vec![("reason".into(), reason)],
            errors: vec![("confirm".into(), "case-withdraw-confirm-error".into())],
            args: Vec::new(),
        })
        .await?;
        leptos_axum::redirect(&back);
        return Ok(());
    }
    let reason: String = reason.trim().chars().take(1000).collect();
    let now = crate::context::current().now;
    let audited = crate::auth::audited(
        AuditAction::Update,
        "case",
        Some(case_id.to_string()),
        Some("resident"),
        Some("withdraw".into()),
    )?;
    use stadsporten_db::DbError;
    match audited.withdraw_case(case_id, viewer.user_id, (!reason.is_empty()).then_some(reason.as_str()), now).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("/my/cases/{case_id}?saved=withdrawn"));
        }
        Err(DbError::NotFound) => return Err(AppError::NotFound.respond()),
        Err(DbError::Refused(_) | DbError::Conflict) => {
            leptos_axum::redirect(&format!("/my/cases/{case_id}?saved=not-possible"))
        }
        Err(e) => return Err(AppError::from(e).respond()),
    }
    Ok(())
}

/// The applicant accepts (`answer = "accept"`) or declines the offer in their case's decision.
/// Someone else's case is "not found"; an answer after the reply-by date, or a second one, is
/// refused with a notice on the case page.
#[server(endpoint = "my/case/offer", prefix = "/api")]
pub async fn answer_case_offer(case_id: CaseId, answer: String) -> Result<(), AppError> {
    use stadsporten_db::DbError;
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::AuditAction;
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let accept = match answer.as_str() {
        "accept" => true,
        "decline" => false,
        _ => return Err(AppError::BadArguments.respond()),
    };
    let store = crate::context::store()?;
    // The one case-access decision: only its applicant answers; anyone else finds nothing.
    store
        .case_record(case_id)
        .await?
        .filter(|c| super::access::of_case(&viewer, c, super::access::CaseNeed::Own).is_some())
        .ok_or_else(|| AppError::NotFound.respond())?;
    let now = crate::context::current().now;
    let audited =
        crate::auth::audited(AuditAction::Update, "case-offer", Some(case_id.to_string()), Some("resident"), None)?;
    match audited.answer_offer(case_id, accept, "my-pages", viewer.user_id, now).await {
        Ok(()) => leptos_axum::redirect(&format!("/my/cases/{case_id}?saved=offer-{answer}")),
        Err(DbError::NotFound) => return Err(AppError::NotFound.respond()),
        Err(DbError::Conflict) => leptos_axum::redirect(&format!("/my/cases/{case_id}?saved=offer-closed")),
        Err(e) => return Err(AppError::from(e).respond()),
    }
    Ok(())
}

/// The satisfaction question: stored without the person or the case (see the store).
#[server(endpoint = "my/case/survey", prefix = "/api")]
pub async fn answer_survey(
    case_id: CaseId,
    stage: String,
    score: Option<String>,
    useful: Option<String>,
    easy: Option<String>,
    comment: String,
) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::eservice::{SatisfactionAnswer, SurveyStage};
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let store = crate::context::store()?;
    let ctx = crate::context::current();
    let case = store
        .case_record(case_id)
        .await?
        .filter(|c| super::access::of_case(&viewer, c, super::access::CaseNeed::Own).is_some());
    let case = case.ok_or_else(|| AppError::NotFound.respond())?;
    let stage = SurveyStage::parse(&stage).ok_or_else(|| AppError::BadArguments.respond())?;
    let back = if stage == SurveyStage::AfterSubmission {
        format!("/my/cases/{case_id}/receipt")
    } else {
        format!("/my/cases/{case_id}")
    };
    let (score, useful, easy) = (score.unwrap_or_default(), useful.unwrap_or_default(), easy.unwrap_or_default());
    match SatisfactionAnswer::parse(&score, &useful, &easy, &comment) {
        Ok(a) => {
            let day = crate::ui::stockholm_date(ctx.now);
            store.answer_survey(case.id, stage, &case.service_slug, &day, &a, ctx.now).await?;
            leptos_axum::redirect(&format!("{back}?saved=survey#survey"));
        }
        Err(e) => {
            let field = match e {
                stadsporten_domain::eservice::case::SatisfactionError::Score => "score",
                stadsporten_domain::eservice::case::SatisfactionError::Scale => "useful",
                stadsporten_domain::eservice::case::SatisfactionError::CommentTooLong => "comment",
            };
            crate::flash::keep(&crate::flash::FormFlash {
                form: "survey".into(),
                values: vec![
                    ("score".into(), score),
                    ("useful".into(), useful),
                    ("easy".into(), easy),
                    ("comment".into(), comment),
                ],
                errors: vec![(field.into(), e.code().into())],
                args: Vec::new(),
            })
            .await?;
            leptos_axum::redirect(&format!("{back}#survey"));
        }
    }
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::view::{
        CaseCommon, CaseLine, CaseSecurity, CompletionItem, DecisionView, FileLink, MessageItem, TimelineItem,
    };
    use crate::cases::view::{AnswerRow, AnswerSection};
    use crate::error::AppError;
    use crate::i18n::{t, ta};
    use stadsporten_db::{AttachmentRecord, CaseRecord, CaseSummary, ScanStatus, Store};
    use stadsporten_domain::eservice::answers::{field_visible, visible_steps};
    use stadsporten_domain::ids::DefinitionId;
    use stadsporten_domain::Lang;

    pub use crate::ui::format::size_label;

    /// A bundle application as a line in a list.
    pub fn bundle_line(b: &stadsporten_db::BundleSummary, lang: Lang) -> super::super::view::BundleLine {
        super::super::view::BundleLine {
            id: b.id,
            bundle_number: b.bundle_number.clone(),
            organisation: b.organisation_name.clone(),
            submitted: crate::ui::stockholm_date(b.submitted_at),
            progress: crate::i18n::ta(
                lang,
                "bundle-progress",
                &[("decided", b.decided.into()), ("total", b.parts.into())],
            ),
            coordinator: b.coordinator_name.clone(),
            unread: b.unread,
        }
    }

    /// An offer as shown: what, from when, answer by when, and where it stands.
    pub fn offer_view(
        o: &stadsporten_db::OfferRecord,
        d: &stadsporten_domain::eservice::ServiceDefinition,
        lang: Lang,
    ) -> super::super::view::OfferView {
        use stadsporten_db::OfferAnswer;
        let template = d.decision.offer.as_ref();
        let reply_by = crate::ui::stockholm_date(o.reply_by);
        let state = match (o.answer, o.answered_at) {
            (None, _) => ta(lang, "offer-state-waiting", &[("date", reply_by.clone().into())]),
            (Some(a), at) => {
                let via = match (a, o.answered_via.as_deref()) {
                    (OfferAnswer::Lapsed, _) => String::new(),
                    (_, Some("phone")) => t(lang, "offer-via-phone"),
                    _ => t(lang, "offer-via-my-pages"),
                };
                ta(
                    lang,
                    &format!("offer-state-{}", a.slug()),
                    &[("date", at.map(crate::ui::stockholm_date).unwrap_or_default().into()), ("via", via.into())],
                )
            }
        };
        super::super::view::OfferView {
            what: match template {
                Some(t) => format!("{}: {}", t.what.get(lang), o.what),
                None => o.what.clone(),
            },
            starts: o.starts_on.as_ref().map(|s| ta(lang, "offer-starts", &[("date", s.clone().into())])),
            reply_by: ta(lang, "offer-reply-by", &[("date", reply_by.into())]),
            state,
            lapse: template.map(|t| t.lapse.get(lang).to_owned()).unwrap_or_default(),
            open: o.answer.is_none(),
            lapsed: o.answer == Some(OfferAnswer::Lapsed),
        }
    }

    /// A unit's name in the language (Swedish, otherwise English), or its code.
    pub async fn unit_name(store: &Store, code: &str, lang: Lang) -> Result<String, AppError> {
        let unit = store.units().await?.into_iter().find(|u| u.code.as_str() == code);
        Ok(match unit {
            Some(u) => u.name(lang).to_owned(),
            None => code.to_owned(),
        })
    }

    /// The units in which the viewer holds `permission` (their case queues).
    pub fn units_of(
        viewer: &crate::context::Viewer,
        permission: stadsporten_domain::access::Permission,
    ) -> Vec<String> {
        viewer.principal.units_with(permission).into_iter().map(|u| u.to_string()).collect()
    }

    pub fn file_link(a: &AttachmentRecord, lang: Lang) -> FileLink {
        let unavailable = if a.removed_at.is_some() || a.scan_status == ScanStatus::Infected {
            Some(t(lang, "case-file-removed"))
        } else if a.scan_status == ScanStatus::Held {
            Some(t(lang, "apply-file-held"))
        } else {
            None
        };
        FileLink {
            href: format!("/files/{}", a.id),
            name: a.file_name.clone(),
            size: size_label(a.size_bytes),
            unavailable,
        }
    }

    pub fn standing_text(standing: Option<stadsporten_domain::eservice::SlaStanding>, lang: Lang) -> (String, String) {
        match standing {
            Some(s) => (s.slug().to_owned(), t(lang, &format!("sla-{}", s.slug()))),
            None => (String::new(), String::new()),
        }
    }

    /// The title of a service in `lang` (the definition's, which every case has).
    pub async fn service_title(
        store: &Store,
        definition_id: DefinitionId,
        slug: &str,
        lang: Lang,
    ) -> Result<String, AppError> {
        Ok(match store.definition(definition_id).await? {
            Some(d) => d.definition.title.get(lang).to_owned(),
            None => slug.to_owned(),
        })
    }

    pub async fn case_line(store: &Store, c: &CaseSummary, lang: Lang) -> Result<CaseLine, AppError> {
        let def_id = store.case_record(c.id).await?.map_or(DefinitionId::new(0), |r| r.definition_id);
        let (standing, standing_text) = standing_text(c.standing, lang);
        Ok(CaseLine {
            id: c.id,
            case_number: c.case_number.clone(),
            service: service_title(store, def_id, &c.service_slug, lang).await?,
            applicant: c.applicant_name.clone(),
            status: status_text(c.status, c.outcome, lang),
            status_slug: c.status.slug().to_owned(),
            submitted: crate::ui::stockholm_date(c.submitted_at),
            due: crate::ui::stockholm_date(c.due_at),
            standing,
            standing_text,
            assignee: c.assignee_name.clone(),
            unread: c.unread,
            offer: None,
            protected: false,
            sensitive: false,
        })
    }

    pub fn status_text(
        status: stadsporten_domain::eservice::CaseStatus,
        outcome: Option<stadsporten_domain::eservice::DecisionOutcome>,
        lang: Lang,
    ) -> String {
        let s = t(lang, &format!("case-status-{}", status.slug()));
        match outcome {
            Some(o) => format!("{s}: {}", t(lang, &format!("case-outcome-{}", o.slug()))),
            None => s,
        }
    }

    /// Everything both sides see of a case; `staff` adds internal events.
    pub async fn case_common(
        store: &Store,
        case: &CaseRecord,
        staff: bool,
        lang: Lang,
        now: i64,
    ) -> Result<CaseCommon, AppError> {
        let def = store.definition(case.definition_id).await?.ok_or(AppError::Internal)?;
        let d = &def.definition;
        let security = if staff { Some(case_security(store, case, lang, now).await?) } else { None };
        // A protected applicant's address, e-mail and phone answers are not shown to staff
        // without a specific grant.
        let mask = security.as_ref().is_some_and(|s| s.protected && s.grant.is_none());
        let answers = visible_steps(d, &case.answers)
            .into_iter()
            .map(|step| AnswerSection {
                title: step.title.get(lang).to_owned(),
                change_href: String::new(),
                rows: step
                    .fields
                    .iter()
                    .filter(|f| field_visible(f, &case.answers))
                    .map(|f| AnswerRow {
                        label: f.label.get(lang).to_owned(),
                        lines: if mask && stadsporten_domain::security::protected::is_contact_field(f.kind) {
                            vec![t(lang, "protected-masked")]
                        } else {
                            crate::cases::display::answer_lines(f, case.answers.get(&f.id), lang)
                        },
                    })
                    .collect(),
            })
            .collect();
        let attachments = store.attachments_of_case(case.id).await?;
        let files = attachments.iter().filter(|a| a.message_id.is_none()).map(|a| file_link(a, lang)).collect();
        let messages = store
            .case_messages(case.id)
            .await?
            .into_iter()
            .map(|m| MessageItem {
                at: crate::ui::stockholm_time(m.at),
                author: if m.from_applicant || staff { m.author_name } else { t(lang, "case-from-city") },
                from_applicant: m.from_applicant,
                body: m.body,
                files: m.attachments.iter().map(|a| file_link(a, lang)).collect(),
            })
            .collect();
        let timeline = store
            .case_events(case.id, staff)
            .await?
            .into_iter()
            .map(|e| {
                let mut text = t(lang, &format!("case-event-{}", e.kind));
                // Assisted digital: "submitted by the contact centre on behalf of …, consent
                // given by phone at …" (detail `who-submitted|via|consent-at|agent`).
                if e.kind == "assisted" {
                    let parts: Vec<&str> = e.detail.as_deref().unwrap_or_default().split('|').collect();
                    if let [how, via, at, agent] = parts.as_slice() {
                        let args = [
                            ("via", t(lang, &format!("contact-channel-{via}")).into()),
                            ("at", at.parse::<i64>().map(crate::ui::stockholm_time).unwrap_or_default().into()),
                            (
                                "agent",
                                if staff { (*agent).to_owned() } else { t(lang, "case-from-contact-centre") }.into(),
                            ),
                        ];
                        text = crate::i18n::ta(lang, &format!("case-event-assisted-{how}"), &args);
                    }
                }
                if e.kind == "decide" {
                    if let Some(o) = e.detail.as_deref().and_then(stadsporten_domain::eservice::DecisionOutcome::parse)
                    {
                        text = format!("{text}: {}", t(lang, &format!("case-outcome-{}", o.slug())));
                    }
                }
                TimelineItem {
                    at: crate::ui::stockholm_time(e.at),
                    text,
                    // Applicants see who at the city acted only as "the city" (officers' names are
                    // in the decision itself, which is signed).
                    actor: if staff { e.actor_name } else { None },
                    internal: !e.public,
                }
            })
            .collect();
        let completions = store
            .completion_requests(case.id)
            .await?
            .into_iter()
            .map(|r| CompletionItem {
                requested: crate::ui::stockholm_time(r.requested_at),
                requested_by: if staff { r.requested_by.clone() } else { t(lang, "case-from-city") },
                message: r.message.clone(),
                reply_by: r.reply_by.clone(),
                answered: r.answered_at.map(crate::ui::stockholm_time),
                answer: r.answer.clone(),
                open: r.open(),
                closed_unanswered: r.answered_at.is_none() && r.closed_at.is_some(),
            })
            .collect();
        let unit_name = unit_name(store, &case.unit_code, lang).await?;
        let decision = store.decision(case.id).await?.map(|dec| DecisionView {
            outcome_slug: dec.outcome.slug().to_owned(),
            outcome: t(lang, &format!("case-outcome-{}", dec.outcome.slug())),
            decided_at: crate::ui::stockholm_time(dec.decided_at),
            decided_by: dec.decided_by,
            unit_name: unit_name.clone(),
            template: dec.template,
            motivation: dec.motivation,
            appeal: if dec.appeal.is_empty() { t(lang, "case-appeal") } else { dec.appeal },
            lang: dec.lang,
        });
        let offer = store.case_offer(case.id).await?.map(|o| offer_view(&o, d, lang));
        let clock = case.clock();
        let (standing, standing_txt) = standing_text(case.status.is_open().then(|| clock.standing(now)), lang);
        Ok(CaseCommon {
            id: case.id,
            case_number: case.case_number.clone(),
            service: d.title.get(lang).to_owned(),
            unit_name,
            status_slug: case.status.slug().to_owned(),
            status: status_text(case.status, case.outcome, lang),
            submitted: crate::ui::stockholm_time(case.submitted_at),
            due: crate::ui::stockholm_date(clock.due_at(now)),
            standing,
            standing_text: standing_txt,
            open: case.status.is_open(),
            answers,
            files,
            messages,
            timeline,
            completions,
            decision,
            offer,
            security,
        })
    }

    /// The case's classification as staff see it, and the applicant's protection: a protected
    /// person's details are seen only with the viewer's own grant in force, and each such view
    /// is written to the audit trail with the grant's reason.
    pub async fn case_security(
        store: &Store,
        case: &CaseRecord,
        lang: Lang,
        now: i64,
    ) -> Result<CaseSecurity, AppError> {
        use stadsporten_domain::audit::{AuditAction, Outcome};
        let c = store.service_classification(&case.service_slug).await?;
        let (ci, ii, ai) = c.numbers();
        let protected = store.is_protected(case.applicant_id).await?;
        let viewer = crate::context::current().viewer;
        let grant = match (&viewer, protected) {
            (Some(v), true) => store.protected_grant(v.user_id, case.applicant_id, now).await?,
            _ => None,
        };
        let address = match &grant {
            Some(g) => {
                crate::auth::record(
                    AuditAction::Read,
                    "protected-person",
                    Some(case.applicant_id.to_string()),
                    Outcome::Success,
                    None,
                    Some(format!("case {} grant {}: {}", case.id, g.id, g.reason)),
                )
                .await?;
                store
                    .register_entry(case.applicant_id)
                    .await?
                    .map(|e| format!("{}, {} {}", e.street, e.postal_code, e.city))
            }
            None => None,
        };
        Ok(CaseSecurity {
            levels: crate::i18n::ta(
                lang,
                "classification-levels",
                &[("c", ci.to_string().into()), ("i", ii.to_string().into()), ("a", ai.to_string().into())],
            ),
            sensitive: c.is_sensitive(),
            protected,
            grant: grant.map(|g| {
                crate::i18n::ta(
                    lang,
                    "protected-grant-in-force",
                    &[("reason", g.reason.into()), ("until", crate::ui::stockholm_time(g.expires_at).into())],
                )
            }),
            address,
        })
    }
}

/// "Case UTB 2026/00001" for headings.
pub fn case_heading(number: &str, lang: stadsporten_domain::Lang) -> String {
    crate::i18n::ta(lang, "case-heading", &[("number", number.to_owned().into())])
}
