//! Server functions of the security pages: the classifications and their controls, the incident
//! register and one incident, the grants to see protected persons' details.
//!
//! Policy:
//! - `/admin/classification` needs `view-classification`; a row is editable by its information
//!   owner — the service owner of the e-service's unit — or the security officer, who also owns
//!   the platform's information types.
//! - The incident register: every member of staff may report and sees their own reports; the
//!   security officer (`handle-incidents`) sees and triages all. Reading an incident is audited:
//!   it may name people and describes weaknesses.
//! - The protected-person grants need `grant-protected-access` (the security officer).

use super::view::*;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::context::Viewer;
    use crate::i18n::{t, ta};
    use stadsporten_domain::access::{Permission, Scope};
    use stadsporten_domain::security::classification::{Classification, Controls};
    use stadsporten_domain::security::incident::{imy_clock, ImyClock};
    use stadsporten_domain::Lang;

    /// Whether the viewer owns the platform's own information types (an everywhere-scoped
    /// `classify-information`: the security officer).
    pub fn owns_platform_information(viewer: &Viewer) -> bool {
        viewer
            .principal
            .grants
            .iter()
            .any(|g| g.role.may(Permission::ClassifyInformation) && g.scope == Scope::Everywhere)
    }

    /// What a classification turns on, in words (for the row and the resident's notice).
    pub fn control_words(c: Classification, lang: Lang) -> Vec<String> {
        let k: Controls = c.controls();
        let mut out = Vec::new();
        if !k.content_in_notifications {
            out.push(t(lang, "classification-does-no-content"));
        }
        if k.encrypt_files {
            out.push(t(lang, "classification-does-encrypt"));
        }
        if k.export_needs_reason {
            out.push(t(lang, "classification-does-export-reason"));
        }
        if let Some(s) = k.staff_idle_seconds {
            out.push(ta(lang, "classification-does-idle", &[("minutes", (s / 60).to_string().into())]));
        }
        if k.min_assurance == stadsporten_domain::security::assurance::Assurance::Substantial {
            out.push(t(lang, "classification-does-assurance"));
        }
        if k.verify_checksums {
            out.push(t(lang, "classification-does-checksums"));
        }
        out
    }

    pub fn clock_view(
        aware_at: Option<i64>,
        decision: Option<(stadsporten_domain::security::incident::ImyDecision, i64)>,
        now: i64,
        lang: Lang,
    ) -> Option<ClockView> {
        let aware = aware_at?;
        let clock = imy_clock(aware, decision, now);
        Some(match clock {
            ImyClock::Running { deadline, hours_left, minutes_left } => ClockView {
                state: "running".into(),
                deadline: crate::ui::stockholm_time(deadline),
                text: ta(
                    lang,
                    "incident-clock-running",
                    &[("hours", hours_left.to_string().into()), ("minutes", minutes_left.to_string().into())],
                ),
            },
            ImyClock::Overdue { deadline, hours_over } => ClockView {
                state: "overdue".into(),
                deadline: crate::ui::stockholm_time(deadline),
                text: ta(lang, "incident-clock-overdue", &[("hours", hours_over.to_string().into())]),
            },
            ImyClock::Decided { deadline, decision, in_time, decided_at } => ClockView {
                state: "decided".into(),
                deadline: crate::ui::stockholm_time(deadline),
                text: ta(
                    lang,
                    if in_time { "incident-clock-decided" } else { "incident-clock-decided-late" },
                    &[
                        ("decision", t(lang, &format!("incident-decision-{}", decision.slug())).into()),
                        ("time", crate::ui::stockholm_time(decided_at).into()),
                    ],
                ),
            },
        })
    }

    pub fn short(text: &str, n: usize) -> String {
        let mut s: String = text.chars().take(n).collect();
        if text.chars().count() > n {
            s.push('…');
        }
        s
    }
}

#[server(endpoint = "security/classification", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn classification_overview() -> Result<ClassificationView, AppError> {
    use crate::i18n::t;
    use ssr::*;
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::security::classification::{
        platform_backup, Classification, InformationType, Subject, CONTROL_TABLE,
    };
    let viewer = crate::auth::require(Permission::ViewClassification, &Target::AnyObject).await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let records = store.classifications().await?;
    let units = store.units().await?;
    let record = |key: &str| records.iter().find(|r| r.subject == key);
    let mut rows = Vec::new();
    let mut definitions = store.live_definitions().await?;
    definitions.sort_by(|a, b| a.definition.title.get(lang).cmp(b.definition.title.get(lang)));
    for d in definitions.iter() {
        let key = Subject::Service(d.slug.clone()).key();
        let r = record(&key);
        let c = r.map_or(Classification::UNCLASSIFIED, |r| r.classification);
        let unit = stadsporten_domain::organisation::UnitCode::parse(&d.unit_code);
        rows.push(ClassificationRow {
            subject: key,
            name: d.definition.title.get(lang).to_owned(),
            kind: "service".into(),
            unit: units.iter().find(|u| u.code.as_str() == d.unit_code).map(|u| u.name(lang).to_owned()),
            c: c.confidentiality.number(),
            i: c.integrity.number(),
            a: c.availability.number(),
            classified: r.is_some(),
            reason: r.map(|r| r.reason.clone()).unwrap_or_default(),
            set_by: r.and_then(|r| r.set_by.clone()),
            set_at: r.map(|r| crate::ui::stockholm_date(r.set_at)),
            may_edit: unit.as_ref().is_some_and(|u| viewer.may(Permission::ClassifyInformation, &Target::Unit(u))),
            controls: control_words(c, lang),
        });
    }
    for info in InformationType::ALL {
        let key = Subject::Information(*info).key();
        let r = record(&key);
        let c = r.map_or(Classification::UNCLASSIFIED, |r| r.classification);
        rows.push(ClassificationRow {
            subject: key,
            name: t(lang, &format!("classification-information-{}", info.slug())),
            kind: "information".into(),
            unit: None,
            c: c.confidentiality.number(),
            i: c.integrity.number(),
            a: c.availability.number(),
            classified: r.is_some(),
            reason: r.map(|r| r.reason.clone()).unwrap_or_default(),
            set_by: r.and_then(|r| r.set_by.clone()),
            set_at: r.map(|r| crate::ui::stockholm_date(r.set_at)),
            may_edit: owns_platform_information(&viewer),
            controls: control_words(c, lang),
        });
    }
    let table = CONTROL_TABLE
        .iter()
        .map(|row| ControlLine {
            aspect: t(lang, &format!("classification-aspect-{}", row.aspect.to_lowercase())),
            level: row.level,
            controls: t(lang, &format!("classification-control-{}{}", row.aspect.to_lowercase(), row.level)),
        })
        .collect();
    let b = platform_backup(records.iter().map(|r| r.classification));
    Ok(ClassificationView {
        rows,
        table,
        backup: BackupView {
            every_hours: b.every_hours,
            keep_days: b.keep_days,
            restore_within_hours: b.restore_within_hours,
            verify_each: b.verify_each,
        },
    })
}

#[server(endpoint = "security/incidents", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn incident_register() -> Result<IncidentsView, AppError> {
    use crate::i18n::t;
    use ssr::*;
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::{AuditAction, Outcome};
    let viewer = crate::auth::require(Permission::ReportIncidents, &Target::AnyObject).await?;
    let handles = viewer.may(Permission::HandleIncidents, &Target::AnyObject);
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let rows = store.incidents((!handles).then_some(viewer.user_id)).await?;
    if handles {
        crate::auth::record(
            AuditAction::Read,
            "incident-register",
            None,
            Outcome::Success,
            Some("security-officer"),
            None,
        )
        .await?;
    }
    let lines = rows
        .iter()
        .map(|r| IncidentLine {
            id: r.id,
            number: r.number.clone(),
            reported_at: crate::ui::stockholm_time(r.reported_at),
            reporter: r.reporter.clone(),
            what: short(&r.what, 120),
            status: t(lang, &format!("incident-status-{}", r.status.slug())),
            status_slug: r.status.slug().to_owned(),
            severity: r.severity.map(|s| t(lang, &format!("incident-severity-{}", s.slug()))),
            breach: r.breach,
            clock: clock_view(r.aware_at, r.imy_decision.zip(r.imy_decided_at), ctx.now, lang),
        })
        .collect();
    Ok(IncidentsView { lines, handles })
}

/// The report form's page: any member of staff (the key makes a double submit one report).
#[server(endpoint = "security/incident-form", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn incident_form() -> Result<String, AppError> {
    use stadsporten_domain::access::{Permission, Target};
    crate::auth::require(Permission::ReportIncidents, &Target::AnyObject).await?;
    Ok(uuid_like())
}

#[cfg(feature = "ssr")]
fn uuid_like() -> String {
    use rand::RngCore as _;
    let mut b = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut b);
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[server(endpoint = "security/incident", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn load_incident(id: i64) -> Result<IncidentDetail, AppError> {
    use crate::i18n::t;
    use ssr::*;
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::{AuditAction, Outcome};
    use stadsporten_domain::security::incident::{IncidentCategory, IncidentSeverity, IncidentStatus};
    let viewer = crate::auth::require(Permission::ReportIncidents, &Target::AnyObject).await?;
    let handles = viewer.may(Permission::HandleIncidents, &Target::AnyObject);
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let Some(rec) = store.incident(id).await? else { return Err(AppError::NotFound.respond()) };
    let i = &rec.incident;
    if !handles && i.reported_by != viewer.user_id {
        // Someone else's report: as if it did not exist, and written down.
        crate::auth::record(AuditAction::AccessDenied, "incident", Some(id.to_string()), Outcome::Denied, None, None)
            .await?;
        return Err(AppError::NotFound.respond());
    }
    let role = if handles { "security-officer" } else { "reporter" };
    crate::auth::record(AuditAction::Read, "incident", Some(i.number.clone()), Outcome::Success, Some(role), None)
        .await?;
    let owners = if handles {
        store
            .security_officers(ctx.now)
            .await?
            .into_iter()
            .map(|o| Choice { value: o.id.to_string(), label: o.name })
            .collect()
    } else {
        vec![]
    };
    let choices = |all: &[&str], prefix: &str| {
        all.iter().map(|s| Choice { value: (*s).to_owned(), label: t(lang, &format!("{prefix}-{s}")) }).collect()
    };
    let categories: Vec<&str> = IncidentCategory::ALL.iter().map(|c| c.slug()).collect();
    let severities: Vec<&str> = IncidentSeverity::ALL.iter().map(|c| c.slug()).collect();
    Ok(IncidentDetail {
        id: i.id,
        number: i.number.clone(),
        reported_at: crate::ui::stockholm_time(i.reported_at),
        reporter: i.reporter.clone(),
        what: i.what.clone(),
        occurred: i
            .occurred
            .as_deref()
            .and_then(stadsporten_domain::date::parse_stockholm_local)
            .map(crate::ui::stockholm_time),
        systems: i.systems.clone(),
        information: i.information.clone(),
        personal_data: t(lang, &format!("incident-personal-data-{}", i.personal_data.slug())),
        status: t(lang, &format!("incident-status-{}", i.status.slug())),
        status_slug: i.status.slug().to_owned(),
        category: i.category.map(|c| t(lang, &format!("incident-category-{}", c.slug()))),
        category_slug: i.category.map(|c| c.slug().to_owned()).unwrap_or_default(),
        severity: i.severity.map(|s| t(lang, &format!("incident-severity-{}", s.slug()))),
        severity_slug: i.severity.map(|s| s.slug().to_owned()).unwrap_or_default(),
        owner: i.owner.clone(),
        owner_id: i.owner_id.map(|o| o.get()),
        breach: i.breach,
        triaged: i.status != IncidentStatus::Reported,
        clock: clock_view(i.aware_at, i.imy_decision.zip(i.imy_decided_at), ctx.now, lang),
        decision: i.imy_decision.map(|d| t(lang, &format!("incident-decision-{}", d.slug()))),
        decision_text: i.imy_text.clone(),
        lessons: i.lessons.clone(),
        closed: i.status == IncidentStatus::Closed,
        events: rec
            .events
            .iter()
            .map(|e| EventLine {
                at: crate::ui::stockholm_time(e.at),
                actor: e.actor.clone().unwrap_or_else(|| t(lang, "incident-actor-system")),
                what: t(lang, &format!("incident-event-{}", e.kind)),
                note: e.note.clone(),
            })
            .collect(),
        links: rec
            .links
            .iter()
            .map(|l| LinkLine {
                seq: l.seq,
                at: crate::ui::stockholm_time(l.at),
                action: l.action.clone(),
                object: format!("{} {}", l.object_type, l.object_id.clone().unwrap_or_default()),
                outcome: l.outcome.clone(),
            })
            .collect(),
        handles,
        owners,
        categories: choices(&categories, "incident-category"),
        severities: choices(&severities, "incident-severity"),
    })
}

#[server(endpoint = "security/protected", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn protected_overview() -> Result<ProtectedView, AppError> {
    use crate::i18n::t;
    use stadsporten_domain::access::{Permission, Target};
    crate::auth::require(Permission::GrantProtectedAccess, &Target::AnyObject).await?;
    let ctx = crate::context::current();
    let store = crate::context::store()?;
    let grants = store
        .protected_grants()
        .await?
        .into_iter()
        .map(|g| GrantLine {
            id: g.id,
            staff: g.staff_name,
            person: g.person_name,
            reason: g.reason,
            granted_by: g.granted_by,
            granted_at: crate::ui::stockholm_time(g.granted_at),
            expires_at: crate::ui::stockholm_time(g.expires_at),
            state: t(
                ctx.lang,
                if g.revoked_at.is_some() {
                    "protected-state-revoked"
                } else if g.expires_at <= ctx.now {
                    "protected-state-expired"
                } else {
                    "protected-state-active"
                },
            ),
        })
        .collect();
    let staff =
        store.staff_members().await?.into_iter().map(|m| Choice { value: m.id.to_string(), label: m.name }).collect();
    let people = store
        .protected_people()
        .await?
        .into_iter()
        .map(|p| Choice { value: p.id.to_string(), label: p.name })
        .collect();
    Ok(ProtectedView { grants, staff, people })
}
