//! What the catalogue pages and the search island show, fully translated on the server. Islands
//! receive these as props, so the browser needs no translation bundles.

use serde::{Deserialize, Serialize};

pub use crate::ui::{LinkView, OptionView, PaginationView};

/// The catalogue's search and filter form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchFormView {
    pub q: String,
    pub search_label: String,
    pub placeholder: String,
    pub button: String,
    pub situation_label: String,
    pub situations: Vec<OptionView>,
    pub audience_label: String,
    pub audiences: Vec<OptionView>,
    pub live_hint: String,
}

/// A service in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceItem {
    pub href: String,
    pub title: String,
    pub summary: String,
    pub meta: Vec<String>,
    /// The content language code when it differs from the page's (Swedish fallback).
    pub content_lang: Option<String>,
}

/// One page of results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsView {
    /// "12 services for “förskola”".
    pub heading: String,
    pub items: Vec<ServiceItem>,
    /// Shown when nothing matched: the explanation and where to get help.
    pub empty: Option<(String, String)>,
    pub pagination: Option<PaginationView>,
}

/// Everything `/services` shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CatalogueView {
    pub title: String,
    pub form: SearchFormView,
    pub results: ResultsView,
}

/// A life situation on the start page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SituationView {
    pub href: String,
    pub label: String,
    pub count: String,
}

/// An operating message as shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageView {
    pub disruption: bool,
    pub severity: String,
    pub title: String,
    pub body: String,
    pub valid: String,
    /// The pages of the services the message concerns.
    pub services: Vec<LinkView>,
    /// "Concerns: Farsta, Bromma" when it names districts.
    pub districts: Option<String>,
    pub content_lang: Option<String>,
}

/// Everything the start page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartView {
    pub messages: Vec<MessageView>,
    pub situations: Vec<SituationView>,
    pub most_used: Vec<ServiceItem>,
}

/// A fact on the service page: a heading and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactView {
    pub label: String,
    pub value: String,
}

/// Everything a service page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceView {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: Vec<stadsporten_domain::content::markup::Block>,
    pub situation: LinkView,
    pub not_in_language: Option<String>,
    pub content_lang: Option<String>,
    pub facts: Vec<FactView>,
    pub start: Option<LinkView>,
    /// Another authority runs the service: who, the link out, and that it leaves Stadsporten.
    pub external: Option<ExternalView>,
    pub no_e_service: Option<String>,
    pub reviewed: String,
    pub messages: Vec<MessageView>,
    /// How the city kept its promise (services with an e-service; not in the editors' preview).
    pub level: Option<crate::stats::LevelView>,
}

/// A link out to the authority that runs a service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExternalView {
    /// "Fardtjänst is run by Region Stockholm."
    pub runs_it: String,
    pub link: LinkView,
    /// "You are leaving Stadsporten."
    pub leaving: String,
}

#[cfg(feature = "ssr")]
pub use build::*;

/// Builders from domain read models, server side (they translate).
#[cfg(feature = "ssr")]
mod build {
    use super::*;
    use crate::i18n::{t, ta};
    use stadsporten_domain::catalogue::encode_component;
    use stadsporten_domain::{
        Audience, CatalogueQuery, Lang, LifeSituation, OperatingMessage, SearchPage, ServiceDetails, ServiceSummary,
        Severity,
    };

    /// Numbers, dates and phone numbers keep their left-to-right order inside right-to-left text
    /// (Unicode isolates; Arabic only, so other languages' markup stays plain).
    pub(crate) fn ltr(lang: Lang, s: &str) -> String {
        if lang.direction() == stadsporten_domain::lang::Direction::Rtl {
            format!("\u{2066}{s}\u{2069}")
        } else {
            s.to_owned()
        }
    }

    fn other_lang(content: Lang, page: Lang) -> Option<String> {
        (content != page).then(|| content.code().to_owned())
    }

    pub fn handling_text(lang: Lang, days: Option<u32>) -> String {
        match days {
            Some(d) => ta(lang, "handling-time", &[("days", d.into())]),
            None => t(lang, "handling-time-immediate"),
        }
    }

    pub fn service_item(s: &ServiceSummary, lang: Lang) -> ServiceItem {
        ServiceItem {
            href: format!("/services/{}", s.slug),
            title: s.title.clone(),
            summary: s.summary.clone(),
            meta: vec![s.provider_name.clone(), handling_text(lang, s.handling_days)],
            content_lang: other_lang(s.content_lang, lang),
        }
    }

    pub fn search_form(query: &CatalogueQuery, lang: Lang) -> SearchFormView {
        let all = OptionView { value: String::new(), label: t(lang, "filter-all"), selected: false };
        let mut situations = vec![OptionView { selected: query.situation.is_none(), ..all.clone() }];
        situations.extend(LifeSituation::ALL.iter().map(|s| OptionView {
            value: s.slug().into(),
            label: t(lang, &format!("situation-{}", s.slug())),
            selected: query.situation == Some(*s),
        }));
        let mut audiences = vec![OptionView { selected: query.audience.is_none(), ..all }];
        audiences.extend(Audience::ALL.iter().map(|a| OptionView {
            value: a.slug().into(),
            label: t(lang, &format!("audience-{}", a.slug())),
            selected: query.audience == Some(*a),
        }));
        SearchFormView {
            q: query.q.clone().unwrap_or_default(),
            search_label: t(lang, "search-label"),
            placeholder: t(lang, "search-placeholder"),
            button: t(lang, "search-button"),
            situation_label: t(lang, "filter-situation"),
            situations,
            audience_label: t(lang, "filter-audience"),
            audiences,
            live_hint: t(lang, "results-updating"),
        }
    }

    pub fn results(query: &CatalogueQuery, page: SearchPage, lang: Lang) -> ResultsView {
        let mut heading = ta(lang, "results-count", &[("count", page.total.into())]);
        if let Some(q) = &query.q {
            heading = format!("{heading} {}", ta(lang, "results-for", &[("query", q.as_str().into())]));
        }
        let link =
            |p: u32, id: &str| LinkView { href: format!("/services?{}", query.to_query_string(p)), text: t(lang, id) };
        let pagination = (page.pages > 1).then(|| PaginationView {
            label: t(lang, "pagination-label"),
            current: ta(lang, "page-current", &[("page", page.page.into()), ("pages", page.pages.into())]),
            previous: (page.page > 1).then(|| link(page.page.min(page.pages + 1) - 1, "page-previous")),
            next: (page.page < page.pages).then(|| link(page.page + 1, "page-next")),
        });
        ResultsView {
            heading,
            empty: (page.total == 0).then(|| (t(lang, "no-results"), t(lang, "no-results-help"))),
            items: page.hits.iter().map(|s| service_item(s, lang)).collect(),
            pagination,
        }
    }

    pub use crate::ui::format::stockholm_time;

    /// An operating message as shown. `service_title` and `unit_name` name what it concerns.
    pub fn message(
        m: &OperatingMessage,
        lang: Lang,
        service_title: &dyn Fn(&stadsporten_domain::ServiceSlug) -> Option<String>,
        unit_name: &dyn Fn(&str) -> String,
    ) -> MessageView {
        MessageView {
            disruption: m.severity == Severity::Disruption,
            severity: t(lang, &format!("severity-{}", m.severity.slug())),
            title: m.title.clone(),
            body: m.body.clone(),
            valid: ta(
                lang,
                "message-valid",
                &[
                    ("from", ltr(lang, &stockholm_time(m.valid_from)).into()),
                    ("until", ltr(lang, &stockholm_time(m.valid_until)).into()),
                ],
            ),
            services: m
                .services
                .iter()
                .map(|s| LinkView {
                    href: format!("/services/{s}"),
                    text: service_title(s).unwrap_or_else(|| s.to_string()),
                })
                .collect(),
            districts: (!m.districts.is_empty()).then(|| {
                let names = m.districts.iter().map(|d| unit_name(d)).collect::<Vec<_>>().join(", ");
                ta(lang, "message-districts", &[("districts", names.into())])
            }),
            content_lang: other_lang(m.content_lang, lang),
        }
    }

    pub fn service(d: &ServiceDetails, lang: Lang, messages: Vec<MessageView>) -> ServiceView {
        let s = &d.summary;
        let mut facts = vec![
            FactView { label: t(lang, "service-who"), value: d.who_may_use.clone() },
            FactView {
                label: t(lang, "service-audience"),
                value: s
                    .audiences
                    .iter()
                    .map(|a| t(lang, &format!("audience-{}", a.slug())))
                    .collect::<Vec<_>>()
                    .join(", "),
            },
            FactView {
                label: t(lang, "service-provider"),
                value: format!(
                    "{} ({})",
                    s.provider_name,
                    t(
                        lang,
                        if d.provider_kind == stadsporten_domain::ProviderKind::City {
                            "service-provider-city"
                        } else {
                            "service-provider-external"
                        }
                    )
                ),
            },
            FactView { label: t(lang, "service-cost"), value: d.cost.clone() },
            FactView {
                label: t(lang, "service-handling"),
                value: match s.handling_days {
                    Some(d) => ta(lang, "handling-days", &[("days", d.into())]),
                    None => t(lang, "handling-time-immediate"),
                },
            },
            FactView {
                label: t(lang, "service-channels"),
                value: d
                    .channels
                    .iter()
                    .map(|c| t(lang, &format!("channel-{}", c.slug())))
                    .collect::<Vec<_>>()
                    .join(", "),
            },
        ];
        let mut help = d.help.clone();
        if let Some(phone) = &d.phone {
            help = format!("{help} {}", ta(lang, "service-phone", &[("phone", ltr(lang, phone).into())]));
        }
        if let Some(email) = &d.contact_email {
            help = format!("{help} {}", ta(lang, "service-email", &[("email", ltr(lang, email).into())]));
        }
        facts.push(FactView { label: t(lang, "service-help"), value: help });
        ServiceView {
            slug: s.slug.to_string(),
            title: s.title.clone(),
            summary: s.summary.clone(),
            body: stadsporten_domain::content::markup::parse(&d.body),
            situation: LinkView {
                href: format!("/services?situation={}", encode_component(s.situation.slug())),
                text: t(lang, &format!("situation-{}", s.situation.slug())),
            },
            not_in_language: (s.content_lang != lang)
                .then(|| ta(lang, "service-not-in-language", &[("language", s.content_lang.endonym().into())])),
            content_lang: other_lang(s.content_lang, lang),
            facts,
            start: (d.has_e_service && d.external_url.is_none())
                .then(|| LinkView { href: format!("/services/{}/start", s.slug), text: t(lang, "service-start") }),
            external: d.external_url.as_ref().map(|url| ExternalView {
                runs_it: ta(lang, "service-external-runs-it", &[("provider", s.provider_name.as_str().into())]),
                link: LinkView {
                    href: url.clone(),
                    text: ta(lang, "service-external-link", &[("provider", s.provider_name.as_str().into())]),
                },
                leaving: t(lang, "service-external-leaving"),
            }),
            no_e_service: (!d.has_e_service && d.external_url.is_none()).then(|| t(lang, "service-no-e-service")),
            reviewed: ta(lang, "service-reviewed", &[("date", ltr(lang, &d.last_reviewed).into())]),
            messages,
            level: None,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::stockholm_time;

        #[test]
        fn stockholm_time_follows_summer_and_winter_time() {
            assert_eq!(stockholm_time(1_795_000_000), "2026-11-18 12:06"); // 11:06 UTC, winter: UTC+1
            assert_eq!(stockholm_time(1_782_000_000), "2026-06-21 02:00"); // 00:00 UTC, summer: UTC+2
        }
    }
}
