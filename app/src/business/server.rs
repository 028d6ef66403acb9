//! The guide's server function: read the answers from the URL (domain rules, lenient), ask the
//! next questions or derive the permits, and translate everything for the visitor's language.
//! Public and read-only: no authorisation, no audit. With a result, a signed-in visitor's own
//! mandates (organisation numbers and names) are read to offer one application for them all.

use super::view::GuideView;
use crate::error::AppError;
use leptos::prelude::*;

/// `/business` and `/business/checklist` with the raw query string.
#[server(prefix = "/api", endpoint = "business/guide")]
pub async fn business_guide(query: String) -> Result<GuideView, AppError> {
    ssr::guide_view(&query).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::super::view::*;
    use crate::catalogue::view_model::LinkView;
    use crate::error::AppError;
    use crate::i18n::{t, ta};
    use stadsporten_domain::business::guide::{GuideOutcome, QuestionKind, Responsible, Ruleset};
    use stadsporten_domain::catalogue::{decode_query_string, encode_component, ServiceSlug};
    use stadsporten_domain::Lang;
    use std::collections::BTreeMap;

    /// Query keys that steer the guide rather than answer a question.
    const CHANGE: &str = "change";
    const ASKED: &str = "asked";

    /// `/business?…` for these answers, plus an extra pair.
    fn href(base: &str, pairs: &[(String, String)], extra: Option<(&str, &str)>) -> String {
        let mut parts: Vec<String> =
            pairs.iter().map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v))).collect();
        if let Some((k, v)) = extra {
            parts.push(format!("{k}={}", encode_component(v)));
        }
        if parts.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", parts.join("&"))
        }
    }

    /// How an answer reads: the option's label, yes/no from the locale files, or the text.
    fn answer_label(rules: &Ruleset, lang: Lang, question: &str, value: &str) -> String {
        match rules.question(question) {
            Some(q) if q.kind == QuestionKind::YesNo => t(lang, &format!("business-answer-{value}")),
            Some(q) if q.kind == QuestionKind::Text && value.is_empty() => t(lang, "business-answer-none"),
            Some(q) if q.kind == QuestionKind::Text => value.to_owned(),
            Some(q) => q.option_label(value, lang).unwrap_or_else(|| value.to_owned()),
            None => value.to_owned(),
        }
    }

    pub async fn guide_view(raw: &str) -> Result<GuideView, AppError> {
        let lang = crate::context::current().lang;
        let store = crate::context::store()?;
        let Some(rules) = store.current_ruleset().await? else {
            tracing::error!("no business ruleset is published");
            return Err(AppError::Internal);
        };
        let mut notices = Vec::new();
        let pairs = decode_query_string(raw).unwrap_or_else(|_| {
            notices.push(t(lang, "business-notice-malformed"));
            Vec::new()
        });
        let change = pairs.iter().find(|(k, _)| k == CHANGE).map(|(_, v)| v.clone());
        let asked: Vec<String> = pairs
            .iter()
            .filter(|(k, _)| k == ASKED)
            .flat_map(|(_, v)| v.split(',').map(str::to_owned).collect::<Vec<_>>())
            .collect();
        let (given, dropped) = rules.parse_answers(
            pairs.iter().filter(|(k, _)| k != CHANGE && k != ASKED).map(|(k, v)| (k.as_str(), v.as_str())),
        );
        if !dropped.is_empty() {
            notices.push(t(lang, "business-notice-dropped"));
        }
        // Changing an answer: it is asked again with the earlier value chosen; answers that
        // depended on it are asked again too, with their earlier values kept as suggestions.
        let earlier: BTreeMap<String, String> = given.0.clone();
        let mut answers = given;
        if let Some(c) = &change {
            answers.0.remove(c);
        }
        let answers = rules.relevant(&answers);
        let pairs_now = answers.to_pairs(&rules);
        let answered = pairs_now
            .iter()
            .filter_map(|(id, value)| {
                let q = rules.question(id)?;
                Some(AnsweredView {
                    question: q.label.get(lang).to_owned(),
                    answer: answer_label(&rules, lang, id, value),
                    change_href: href("/business", &pairs_now, Some((CHANGE, id))),
                })
            })
            .collect();
        let step = match rules.outcome(&answers) {
            GuideOutcome::Ask(page) => GuideStep::Ask(AskView {
                hidden: pairs_now.clone(),
                asked: page.iter().map(|q| q.id.as_str()).collect::<Vec<_>>().join(","),
                questions: page
                    .iter()
                    .map(|q| {
                        let kind = match q.kind {
                            QuestionKind::Choice => "choice",
                            QuestionKind::YesNo => "yes-no",
                            QuestionKind::Text => "text",
                        };
                        let options = match q.kind {
                            QuestionKind::YesNo => ["yes", "no"]
                                .iter()
                                .map(|v| ((*v).to_owned(), t(lang, &format!("business-answer-{v}"))))
                                .collect(),
                            _ => q.options.iter().map(|o| (o.value.clone(), o.label.get(lang).to_owned())).collect(),
                        };
                        // Sent on the previous page and still unanswered: say so beside it.
                        let missed = asked.contains(&q.id) && change.as_deref() != Some(q.id.as_str());
                        QuestionView {
                            id: q.id.clone(),
                            label: q.label.get(lang).to_owned(),
                            hint: q.hint.as_ref().map(|h| h.get(lang).to_owned()),
                            kind: kind.to_owned(),
                            optional: q.optional,
                            options,
                            value: earlier.get(&q.id).cloned().unwrap_or_default(),
                            error: missed.then(|| {
                                ta(lang, "business-error-answer", &[("question", q.label.get(lang).to_owned().into())])
                            }),
                        }
                    })
                    .collect(),
            }),
            GuideOutcome::CatchAll => GuideStep::CatchAll {
                link: LinkView { href: "/services/foretagslots".into(), text: t(lang, "business-catch-all-link") },
            },
            GuideOutcome::Contradictions(clashes) => GuideStep::Contradictions(
                clashes
                    .iter()
                    .map(|c| ContradictionView {
                        explanation: c.explanation.get(lang).to_owned(),
                        changes: c
                            .questions()
                            .into_iter()
                            .filter_map(|id| {
                                let q = rules.question(id)?;
                                Some(LinkView {
                                    href: href("/business", &pairs_now, Some((CHANGE, id))),
                                    text: ta(lang, "business-change-answer", &[("question", q.label.get(lang).into())]),
                                })
                            })
                            .collect(),
                    })
                    .collect(),
            ),
            GuideOutcome::Permits { permits, notes } => {
                let units = store.units().await?;
                let mut views = Vec::new();
                for d in &permits {
                    let p = d.permit;
                    let (responsible, external) = match &p.responsible {
                        Responsible::Unit(code) => {
                            let name = units.iter().find(|u| u.code.as_str() == code).map(|u| u.name(lang).to_owned());
                            (name.unwrap_or_else(|| code.clone()), false)
                        }
                        Responsible::Authority(key) => (
                            rules.authority(key).map(|a| a.name.get(lang).to_owned()).unwrap_or_else(|| key.clone()),
                            true,
                        ),
                    };
                    let handling_id =
                        if p.statutory { "business-handling-statutory" } else { "business-handling-promised" };
                    let more = match ServiceSlug::parse(&p.eservice) {
                        Ok(slug) if store.service_details(&slug, lang).await?.is_some() => {
                            Some(format!("/services/{}", p.eservice))
                        }
                        _ => None,
                    };
                    views.push(PermitView {
                        key: p.key.clone(),
                        name: p.name.get(lang).to_owned(),
                        summary: p.summary.get(lang).to_owned(),
                        responsible,
                        external,
                        legal_basis: p.legal_basis.get(lang).to_owned(),
                        handling: ta(lang, handling_id, &[("days", p.handling_days.into())]),
                        fee: p.fee.get(lang).to_owned(),
                        documents: p
                            .documents
                            .iter()
                            .filter_map(|k| rules.document(k).map(|doc| doc.name.get(lang).to_owned()))
                            .collect(),
                        waits_for: d.waits_for.iter().map(|w| w.name.get(lang).to_owned()).collect(),
                        more,
                    });
                }
                GuideStep::Result(ResultView {
                    permits: views,
                    notes: notes.iter().map(|n| n.text.get(lang).to_owned()).collect(),
                    query: href("", &pairs_now, None).trim_start_matches('?').to_owned(),
                })
            }
        };
        let offer = match &step {
            GuideStep::Result(r) => Some(offer(&r.query, lang).await?),
            _ => None,
        };
        Ok(GuideView { version: rules.version, notices, answered, restart_href: "/business".into(), step, offer })
    }

    /// How the visitor can apply for everything at once: sign in first, choose one of the
    /// organisations they hold a mandate for, or why they cannot (staff, no mandate).
    async fn offer(query: &str, lang: Lang) -> Result<crate::bundles::view::ApplyOffer, AppError> {
        use crate::eservices::view::Link;
        let ctx = crate::context::current();
        let here = format!("/business?{query}");
        let Some(viewer) = ctx.viewer.as_ref() else {
            return Ok(crate::bundles::view::ApplyOffer {
                sign_in_href: Some(format!("/sign-in?to={}", encode_component(&here))),
                organisations: vec![],
                refusal: None,
                drafts: vec![],
            });
        };
        let store = crate::context::store()?;
        let organisations: Vec<(String, String)> = if viewer.is_staff {
            vec![]
        } else {
            store
                .mandates(viewer.user_id, ctx.now)
                .await?
                .into_iter()
                .map(|m| (m.organisation.to_string(), m.name))
                .collect()
        };
        let refusal = organisations.is_empty().then(|| t(lang, "bundle-needs-mandate"));
        let drafts = store
            .bundle_drafts_of_user(viewer.user_id)
            .await?
            .into_iter()
            .filter(|d| d.guide_answers == query)
            .map(|d| Link {
                href: format!("/business/apply/{}", d.token),
                text: ta(
                    lang,
                    "bundle-continue-draft",
                    &[
                        ("organisation", d.organisation_name.into()),
                        ("date", crate::ui::stockholm_time(d.updated_at).into()),
                    ],
                ),
            })
            .collect();
        Ok(crate::bundles::view::ApplyOffer { sign_in_href: None, organisations, refusal, drafts })
    }
}
