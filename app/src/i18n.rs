//! Interface translations with Fluent. Every user-visible interface string lives in
//! `locales/<lang>/*.ftl` (Swedish first); service content has its own translations in the database.
//!
//! Policy: a missing message never breaks a page. It falls back to Swedish, then to its id, and is
//! caught before that by the test that every id exists in every locale and is used.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use stadsporten_domain::Lang;
use std::sync::OnceLock;

/// The Fluent sources of each language, embedded at compile time.
pub const SOURCES: [(Lang, &[&str]); 4] = [
    (
        Lang::Sv,
        &[
            include_str!("../../locales/sv/common.ftl"),
            include_str!("../../locales/sv/catalogue.ftl"),
            include_str!("../../locales/sv/errors.ftl"),
            include_str!("../../locales/sv/account.ftl"),
            include_str!("../../locales/sv/admin.ftl"),
            include_str!("../../locales/sv/eservices.ftl"),
            include_str!("../../locales/sv/compare.ftl"),
            include_str!("../../locales/sv/provider.ftl"),
            include_str!("../../locales/sv/business.ftl"),
            include_str!("../../locales/sv/bundles.ftl"),
            include_str!("../../locales/sv/content.ftl"),
            include_str!("../../locales/sv/stats.ftl"),
            include_str!("../../locales/sv/contact.ftl"),
            include_str!("../../locales/sv/security.ftl"),
            include_str!("../../locales/sv/api.ftl"),
            include_str!("../../locales/sv/records.ftl"),
        ],
    ),
    (
        Lang::En,
        &[
            include_str!("../../locales/en/common.ftl"),
            include_str!("../../locales/en/catalogue.ftl"),
            include_str!("../../locales/en/errors.ftl"),
            include_str!("../../locales/en/account.ftl"),
            include_str!("../../locales/en/admin.ftl"),
            include_str!("../../locales/en/eservices.ftl"),
            include_str!("../../locales/en/compare.ftl"),
            include_str!("../../locales/en/provider.ftl"),
            include_str!("../../locales/en/business.ftl"),
            include_str!("../../locales/en/bundles.ftl"),
            include_str!("../../locales/en/content.ftl"),
            include_str!("../../locales/en/stats.ftl"),
            include_str!("../../locales/en/contact.ftl"),
            include_str!("../../locales/en/security.ftl"),
            include_str!("../../locales/en/api.ftl"),
            include_str!("../../locales/en/records.ftl"),
        ],
    ),
    (
        Lang::Fi,
        &[
            include_str!("../../locales/fi/common.ftl"),
            include_str!("../../locales/fi/catalogue.ftl"),
            include_str!("../../locales/fi/errors.ftl"),
            include_str!("../../locales/fi/account.ftl"),
            include_str!("../../locales/fi/admin.ftl"),
            include_str!("../../locales/fi/eservices.ftl"),
            include_str!("../../locales/fi/compare.ftl"),
            include_str!("../../locales/fi/provider.ftl"),
            include_str!("../../locales/fi/business.ftl"),
            include_str!("../../locales/fi/bundles.ftl"),
            include_str!("../../locales/fi/content.ftl"),
            include_str!("../../locales/fi/stats.ftl"),
            include_str!("../../locales/fi/contact.ftl"),
            include_str!("../../locales/fi/security.ftl"),
            include_str!("../../locales/fi/api.ftl"),
            include_str!("../../locales/fi/records.ftl"),
        ],
    ),
    (
        Lang::Ar,
        &[
            include_str!("../../locales/ar/common.ftl"),
            include_str!("../../locales/ar/catalogue.ftl"),
            include_str!("../../locales/ar/errors.ftl"),
            include_str!("../../locales/ar/account.ftl"),
            include_str!("../../locales/ar/admin.ftl"),
            include_str!("../../locales/ar/eservices.ftl"),
            include_str!("../../locales/ar/compare.ftl"),
            include_str!("../../locales/ar/provider.ftl"),
            include_str!("../../locales/ar/business.ftl"),
            include_str!("../../locales/ar/bundles.ftl"),
            include_str!("../../locales/ar/content.ftl"),
            include_str!("../../locales/ar/stats.ftl"),
            include_str!("../../locales/ar/contact.ftl"),
            include_str!("../../locales/ar/security.ftl"),
            include_str!("../../locales/ar/api.ftl"),
            include_str!("../../locales/ar/records.ftl"),
        ],
    ),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 4] {
    static BUNDLES: OnceLock<[Bundle; 4]> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        SOURCES.map(|(lang, sources)| {
            let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No Unicode isolation marks around arguments: the page sets `dir` itself.
            bundle.set_use_isolating(false);
            for source in sources {
                let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(res, _)| res);
                // Duplicate ids are caught by the locale tests; keep what parsed.
                let _ = bundle.add_resource(resource);
            }
            bundle
        })
    })
}

fn bundle(lang: Lang) -> &'static Bundle {
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &bundles()[i]
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

/// Translates a message id in a language, falling back to Swedish and then the id.
pub fn t(lang: Lang, id: &str) -> String {
    format(lang, id, None).or_else(|| format(Lang::Sv, id, None)).unwrap_or_else(|| id.to_owned())
}

/// Translates with arguments, e.g. `ta(lang, "results-count", &[("count", 3.into())])`.
pub fn ta(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut fargs = FluentArgs::new();
    for (k, v) in args {
        fargs.set(*k, v.clone());
    }
    format(lang, id, Some(&fargs)).or_else(|| format(Lang::Sv, id, Some(&fargs))).unwrap_or_else(|| id.to_owned())
}

/// The request's translator, provided as context by the shell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct I18n {
    pub lang: Lang,
}

impl I18n {
    pub fn t(&self, id: &str) -> String {
        t(self.lang, id)
    }

    pub fn ta(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        ta(self.lang, id, args)
    }
}

/// The translator of the current request.
pub fn use_i18n() -> I18n {
    leptos::prelude::use_context::<I18n>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn ids(lang: Lang) -> BTreeSet<String> {
        let (_, sources) = SOURCES.iter().find(|(l, _)| *l == lang).expect("lang");
        let mut out = BTreeSet::new();
        for src in *sources {
            let res = FluentResource::try_new((*src).to_owned()).unwrap_or_else(|(_, errs)| panic!("{lang}: {errs:?}"));
            for entry in res.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    assert!(out.insert(m.id.name.to_owned()), "{lang}: duplicate id {}", m.id.name);
                }
            }
        }
        out
    }

    /// Every Rust source file of the crates that render text.
    fn sources() -> String {
        let mut all = String::new();
        for dir in ["src", "../server/src", "../domain/src", "../db/src"] {
            let mut stack = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir)];
            while let Some(p) = stack.pop() {
                for e in std::fs::read_dir(&p).expect("read dir").flatten() {
                    let path = e.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|x| x == "rs") && !path.ends_with("i18n.rs") {
                        all.push_str(&std::fs::read_to_string(&path).expect("read"));
                    }
                }
            }
        }
        all
    }

    #[test]
    fn every_locale_has_exactly_the_swedish_ids() {
        let sv = ids(Lang::Sv);
        for lang in [Lang::En, Lang::Fi, Lang::Ar] {
            let other = ids(lang);
            let missing: Vec<_> = sv.difference(&other).collect();
            let extra: Vec<_> = other.difference(&sv).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{lang}: missing {missing:?}, extra {extra:?}");
        }
    }

    #[test]
    fn every_id_is_used_and_every_used_id_exists() {
        use stadsporten_domain::{Audience, Channel, LifeSituation};
        let src = sources();
        let sv = ids(Lang::Sv);
        // Ids built from the domain's vocabularies with a prefix.
        let mut generated: BTreeSet<String> = BTreeSet::new();
        generated.extend(LifeSituation::ALL.iter().map(|s| format!("situation-{}", s.slug())));
        generated.extend(Audience::ALL.iter().map(|s| format!("audience-{}", s.slug())));
        generated.extend(Channel::ALL.iter().map(|s| format!("channel-{}", s.slug())));
        generated.extend(["severity-notice", "severity-disruption"].map(String::from));
        // The figures (app/src/stats): day kinds, months and the open data's columns.
        for kind in stadsporten_domain::calendar::DayKind::ALL {
            generated.insert(format!("stats-days-{}", kind.slug()));
            generated.insert(format!("stats-level-promise-{}", kind.slug()));
        }
        generated.extend((1..=12).map(|m| format!("stats-month-{m}")));
        generated.extend(
            stadsporten_domain::measure::CaseChannel::ALL.iter().map(|c| format!("stats-channel-{}", c.slug())),
        );
        generated
            .extend(stadsporten_domain::stats::DeviceClass::ALL.iter().map(|d| format!("stats-device-{}", d.slug())));
        for tool in ["case-handling", "contact-centre"] {
            generated.insert(format!("stats-tool-{tool}"));
            generated.insert(format!("staff-survey-useful-{tool}"));
            generated.insert(format!("staff-survey-easy-{tool}"));
        }
        generated.extend(
            [
                stadsporten_domain::measure::PeriodProblem::Unreadable,
                stadsporten_domain::measure::PeriodProblem::Reversed,
                stadsporten_domain::measure::PeriodProblem::TooLong,
                stadsporten_domain::measure::PeriodProblem::Future,
            ]
            .map(|p| p.code().to_owned()),
        );
        generated.extend(
            stadsporten_domain::measure::LEVEL_COLUMNS.iter().map(|c| format!("stats-field-{}", c.replace('_', "-"))),
        );
        generated.extend(stadsporten_domain::access::Role::ALL.iter().map(|r| format!("role-{}", r.slug())));
        generated.extend(["email", "sms", "portal"].map(|c| format!("my-channel-{c}")));
        generated.extend(["pending", "approved", "rejected"].map(|s| format!("access-status-{s}")));
        generated.extend(["yes", "no"].map(|v| format!("business-answer-{v}")));
        generated.extend(["done", "todo", "nothing"].map(|v| format!("bundle-task-{v}")));
        generated.extend(
            [
                "submitted",
                "message",
                "completion",
                "referral",
                "statement-answer",
                "statement",
                "stale",
                "not-possible",
            ]
            .map(|v| format!("bundle-saved-{v}")),
        );
        generated.extend(
            [
                "submitted",
                "part-filed",
                "referral-sent",
                "referral-answered",
                "part-decided",
                "part-withdrawn",
                "part-on-hold",
                "all-decided",
                "message",
                "statement-requested",
                "statement-answered",
            ]
            .map(|v| format!("bundle-event-{v}")),
        );
        generated
            .extend(stadsporten_domain::eservice::SharedFact::ALL.iter().map(|f| format!("bundle-fact-{}", f.slug())));
        {
            use stadsporten_domain::eservice::{CaseStatus, DecisionOutcome, NotificationEvent, Transition};
            generated.extend(CaseStatus::ALL.iter().map(|s| format!("case-status-{}", s.slug())));
            generated.extend(DecisionOutcome::ALL.iter().map(|s| format!("case-outcome-{}", s.slug())));
            generated.extend(Transition::ALL.iter().map(|t| format!("case-event-{}", t.slug())));
            generated.extend(
                [
                    "submitted",
                    "message",
                    "note",
                    "assigned",
                    "offer",
                    "offer-accepted",
                    "offer-declined",
                    "offer-lapsed",
                ]
                .map(|k| format!("case-event-{k}")),
            );
            generated.extend(["accepted", "declined", "lapsed"].map(|a| format!("offer-state-{a}")));
            generated.extend(stadsporten_domain::content::SAVED_NOTICES.map(|s| format!("content-saved-{s}")));
            generated.extend(stadsporten_domain::content::Start::ALL.map(|s| format!("content-start-{}", s.slug())));
            generated.extend(["on-track", "due-soon", "overdue", "paused"].map(|s| format!("sla-{s}")));
            generated.extend(["draft", "live", "retired"].map(|s| format!("services-status-{s}")));
            for e in NotificationEvent::ALL {
                generated.extend(["subject", "body"].map(|p| format!("notify-{}-{p}", e.slug())));
            }
            generated.extend(
                ["take", "release", "assign", "note", "message", "offer-accepted-by-phone", "offer-declined-by-phone"]
                    .into_iter()
                    .map(String::from)
                    .chain(Transition::ALL.iter().filter(|t| !t.by_applicant()).map(|t| t.slug().to_owned()))
                    .map(|a| format!("officer-saved-{a}")),
            );
        }
        {
            use stadsporten_domain::compare::import::UNIT_COLUMNS;
            use stadsporten_domain::compare::{OperatorType, Profile, SpokenLanguage, UnitKind};
            for k in UnitKind::ALL {
                generated.extend(["kind", "count", "fact-size"].map(|p| format!("compare-{p}-{}", k.slug())));
                if k.application().is_none() {
                    generated.insert(format!("compare-apply-note-{}", k.slug()));
                }
            }
            generated.extend(OperatorType::ALL.iter().map(|o| format!("compare-operator-{}", o.slug())));
            generated.extend(SpokenLanguage::ALL.iter().map(|l| format!("compare-language-{}", l.slug())));
            generated.extend(Profile::ALL.iter().map(|p| format!("compare-profile-{}", p.slug())));
            generated.extend(
                ["kind", "q", "district", "operator", "language", "profile", "open_from", "open_until", "places"]
                    .into_iter()
                    .chain(["from", "sort", "page"])
                    .map(|f| format!("compare-filter-{f}")),
            );
            generated.extend(UNIT_COLUMNS.iter().map(|c| format!("compare-field-{}", c.replace('_', "-"))));
            generated.extend(
                ["description", "hours", "languages", "profiles", "contact", "places"]
                    .map(|c| format!("provider-changed-{c}")),
            );
            generated.extend(
                ["description-sv", "description-en", "description-fi", "description-ar", "hours", "phone"]
                    .into_iter()
                    .chain(["email", "website"])
                    .map(|f| format!("provider-field-{f}")),
            );
            generated.extend(["units", "values", "file"].map(|s| format!("providers-import-section-{s}")));
            generated.extend(
                ["kpi", "unit", "period", "value", "n", "response-rate"].map(|c| format!("compare-field-value-{c}")),
            );
        }
        {
            // The contact centre (app/src/contact): its vocabularies and events.
            use stadsporten_domain::contact_centre::*;
            generated.extend(ContactChannel::ALL.iter().map(|c| format!("contact-channel-{}", c.slug())));
            generated.extend(Category::ALL.iter().map(|c| format!("contact-category-{}", c.slug())));
            generated.extend(ErrandOutcome::ALL.iter().map(|o| format!("contact-outcome-{}", o.slug())));
            generated.extend(ErrandStatus::ALL.iter().map(|s| format!("contact-status-{}", s.slug())));
            generated.extend(AnswerBy::ALL.iter().map(|a| format!("contact-answer-by-{}", a.slug())));
            generated.extend(LookupReason::ALL.iter().map(|r| format!("contact-reason-{}", r.slug())));
            generated.extend(AttemptOutcome::ALL.iter().map(|o| format!("contact-attempt-{}", o.slug())));
            generated.extend(CallbackStatus::ALL.iter().map(|s| format!("contact-callback-status-{}", s.slug())));
            generated.extend(CallbackReason::ALL.iter().map(|r| format!("contact-callback-reason-{}", r.slug())));
            generated.extend(
                [Urgency::Overdue, Urgency::DueSoon, Urgency::Later].map(|u| format!("contact-urgency-{}", u.slug())),
            );
            generated.extend(["available", "busy", "away", "offline"].map(|a| format!("contact-availability-{a}")));
            generated.extend(["complaint", "suggestion", "praise"].map(|k| format!("contact-feedback-{k}")));
            generated.extend(["sms", "email", "none"].map(|l| format!("contact-link-{l}")));
            generated.extend(
                ["registered", "answered", "link-sent", "handed-over", "feedback-filed", "callback-booked"]
                    .into_iter()
                    .chain(["callback-attempt", "callback-sms", "unit-answered"])
                    .map(|e| format!("contact-event-{e}")),
            );
            generated.extend(
                [
                    "errand",
                    "claimed",
                    "released",
                    "attempt",
                    "sms",
                    "done",
                    "availability",
                    "assisted",
                    "assist-resident",
                ]
                .map(|s| format!("contact-saved-{s}")),
            );
            generated.extend(["assisted-agent", "assisted-resident"].map(|e| format!("contact-event-{e}")));
            generated.extend(
                stadsporten_domain::contact_centre::figures::DAY_COLUMNS
                    .map(|k| format!("contact-figures-{}", k.replace('_', "-"))),
            );
            generated.extend(["contact-figures-bad-period", "contact-figures-too-long"].map(String::from));
            generated.extend(["assisted", "via-contact-centre"].map(|e| format!("case-event-{e}")));
            generated.extend(["agent-submitted", "agent-started"].map(|e| format!("case-event-assisted-{e}")));
            for e in ["contact-link", "callback-missed", "transfer-note"] {
                generated.extend(["subject", "body"].map(|p| format!("notify-{e}-{p}")));
            }
            let refusals = [LookupRefusal::NoReason, LookupRefusal::NoExplanation, LookupRefusal::ExplanationTooLong];
            generated.extend(refusals.map(|r| r.message_id().to_owned()));
        }
        {
            // Information security (app/src/security): its vocabularies.
            use stadsporten_domain::security::classification::{InformationType, CONTROL_TABLE};
            use stadsporten_domain::security::incident::*;
            generated.extend((1..=4).map(|l| format!("classification-level-{l}")));
            generated.extend(["c", "i", "a"].map(|a| format!("classification-aspect-{a}")));
            generated.extend(
                CONTROL_TABLE.iter().map(|r| format!("classification-control-{}{}", r.aspect.to_lowercase(), r.level)),
            );
            generated.extend(InformationType::ALL.iter().map(|t| format!("classification-information-{}", t.slug())));
            generated.extend(IncidentCategory::ALL.iter().map(|c| format!("incident-category-{}", c.slug())));
            generated.extend(IncidentSeverity::ALL.iter().map(|c| format!("incident-severity-{}", c.slug())));
            generated.extend(IncidentStatus::ALL.iter().map(|c| format!("incident-status-{}", c.slug())));
            generated.extend(PersonalData::ALL.iter().map(|c| format!("incident-personal-data-{}", c.slug())));
            generated.extend(ImyDecision::ALL.iter().map(|c| format!("incident-decision-{}", c.slug())));
            generated.extend(
                [
                    "reported",
                    "triaged",
                    "note",
                    "audit-linked",
                    "imy-notified",
                    "imy-not-notified",
                    "reminder",
                    "closed",
                ]
                .map(|e| format!("incident-event-{e}")),
            );
            generated.extend(["low", "substantial"].map(|l| format!("test-idp-level-{l}")));
            generated.extend(["subject", "body"].map(|p| format!("notify-incident-reminder-{p}")));
        }
        for g in &generated {
            assert!(sv.contains(g), "generated id {g} has no message");
        }
        let unused: Vec<_> =
            sv.iter().filter(|id| !generated.contains(*id) && !src.contains(&format!("\"{id}\""))).collect();
        assert!(unused.is_empty(), "ids never used in the code: {unused:?}");
        // Every literal passed to a translator exists.
        for marker in [".t(\"", ".ta(\"", "t(lang, \"", "ta(lang, \""] {
            for piece in src.split(marker).skip(1) {
                let id = piece.split('"').next().unwrap_or("");
                assert!(sv.contains(id), "code uses unknown id {id:?}");
            }
        }
    }

    #[test]
    fn messages_format_with_plurals_in_each_language() {
        assert_eq!(ta(Lang::Sv, "results-count", &[("count", 1.into())]), "1 tjänst");
        assert_eq!(ta(Lang::En, "results-count", &[("count", 3.into())]), "3 services");
        assert_eq!(ta(Lang::Ar, "results-count", &[("count", 2.into())]), "خدمتان");
        assert_eq!(t(Lang::Fi, "no-such-id"), "no-such-id");
    }
}
