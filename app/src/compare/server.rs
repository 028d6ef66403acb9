//! Server functions of the comparison: parse the URL leniently (domain), read from the store,
//! and build fully translated views. Public and read-only: no authorisation, no audit.

use super::view::{CompareView, ResultsView, SideBySideView, UnitView};
use crate::error::AppError;
use leptos::prelude::*;

/// `/compare` with the raw query string (the page and the list island both send it).
#[server(prefix = "/api", endpoint = "compare/results", input = leptos::server_fn::codec::Json)]
pub async fn compare_results(query: String) -> Result<CompareView, AppError> {
    ssr::compare_view(&query).await
}

/// One page of the list alone, for the list island's live updates: the browser gets only what it
/// shows (the form and the rest of the page stay as the server rendered them).
#[server(prefix = "/api", endpoint = "compare/list", input = leptos::server_fn::codec::Json)]
pub async fn compare_list(query: String) -> Result<ResultsView, AppError> {
    ssr::compare_view(&query).await?.results.ok_or_else(|| AppError::NotFound.respond())
}

/// The same page of the list as HTML: what the live island puts in place of the results (so the
/// browser needs no view of its own for them).
#[server(prefix = "/api", endpoint = "compare/list-html", input = leptos::server_fn::codec::Json)]
pub async fn compare_list_html(query: String) -> Result<String, AppError> {
    use super::components::ResultsSection;
    let results = compare_list(query).await?;
    Ok(crate::ui::live::fragment(view! { <ResultsSection results=results/> }))
}

/// `/compare/units/{id}`.
#[server(prefix = "/api", endpoint = "compare/unit")]
pub async fn compare_unit(id: String) -> Result<UnitView, AppError> {
    ssr::unit_view(&id).await
}

/// `/compare/side-by-side` with the raw query string.
#[server(prefix = "/api", endpoint = "compare/side-by-side")]
pub async fn side_by_side(query: String) -> Result<SideBySideView, AppError> {
    ssr::side_by_side_view(&query).await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::super::view::*;
    use crate::catalogue::view_model::{LinkView, OptionView, PaginationView};
    use crate::error::AppError;
    use crate::i18n::{t, ta};
    use crate::ui::format::stockholm_date;
    use leptos::prelude::use_context;
    use stadsporten_db::{ChangedBy, UnitDetail, UnitRow};
    use stadsporten_domain::catalogue::encode_component;
    use stadsporten_domain::compare::district::locate;
    use stadsporten_domain::compare::indicator::{format_number, format_value};
    use stadsporten_domain::compare::query::PAGE_SIZE;
    use stadsporten_domain::compare::unit::clock;
    use stadsporten_domain::compare::{
        CompareQuery, District, GeoPoint, IndicatorDef, Notice, Observation, OpeningHours, OperatorType, Profile,
        SideBySideQuery, SortKey, SpokenLanguage, Thresholds, UnitKind, MAX_SIDE_BY_SIDE,
    };
    use stadsporten_domain::Lang;

    /// The honesty thresholds from the configuration (defaults when not provided).
    pub fn thresholds() -> Thresholds {
        use_context::<Thresholds>().unwrap_or_default()
    }

    pub fn notice_text(lang: Lang, n: &Notice) -> String {
        let arg = match n.code.as_str() {
            // The filter's own label, so the visitor recognises it.
            "compare-notice-bad-value" => t(lang, &format!("compare-filter-{}", n.arg)),
            _ => n.arg.clone(),
        };
        ta(lang, &n.code, &[("name", arg.into())])
    }

    pub fn kind_label(lang: Lang, kind: UnitKind) -> String {
        t(lang, &format!("compare-kind-{}", kind.slug()))
    }

    pub fn operator_label(lang: Lang, o: OperatorType) -> String {
        t(lang, &format!("compare-operator-{}", o.slug()))
    }

    pub fn hours_text(lang: Lang, h: OpeningHours) -> String {
        if h.around_the_clock() {
            t(lang, "compare-hours-always")
        } else if h.weekends {
            ta(lang, "compare-hours-all-days", &[("range", h.range().into())])
        } else {
            ta(lang, "compare-hours-weekdays", &[("range", h.range().into())])
        }
    }

    pub fn distance_text(lang: Lang, metres: f64) -> String {
        if metres < 1000.0 {
            let m = ((metres / 10.0).round() * 10.0) as i64;
            ta(lang, "compare-distance-m", &[("m", m.to_string().into())])
        } else {
            ta(lang, "compare-distance-km", &[("km", format_number(lang, metres / 1000.0, 1).into())])
        }
    }

    fn languages_text(lang: Lang, ls: &[SpokenLanguage]) -> String {
        ls.iter().map(|l| t(lang, &format!("compare-language-{}", l.slug()))).collect::<Vec<_>>().join(", ")
    }

    fn profiles_text(lang: Lang, ps: &[Profile]) -> String {
        ps.iter().map(|p| t(lang, &format!("compare-profile-{}", p.slug()))).collect::<Vec<_>>().join(", ")
    }

    /// A value with its year, N and response rate, and its cautions.
    pub fn value_view(lang: Lang, def: &IndicatorDef, obs: Option<&Observation>, th: &Thresholds) -> ValueView {
        let label = def.name_in(lang).to_owned();
        let Some(o) = obs else {
            return ValueView {
                label,
                text: t(lang, "compare-no-data"),
                has_value: false,
                detail: String::new(),
                cautions: Vec::new(),
            };
        };
        let mut detail = vec![ta(lang, "compare-value-year", &[("year", o.period.to_string().into())])];
        if let Some(n) = o.n {
            detail.push(ta(lang, "compare-value-n", &[("n", n.to_string().into())]));
        }
        if let Some(r) = o.response_rate {
            detail.push(ta(lang, "compare-value-rate", &[("rate", format_number(lang, r, 0).into())]));
        }
        let cautions = o
            .cautions(def.survey, th)
            .into_iter()
            .map(|c| {
                ta(
                    lang,
                    c.code(),
                    &[
                        ("min", th.min_respondents.to_string().into()),
                        ("rate", format_number(lang, th.min_response_rate, 0).into()),
                    ],
                )
            })
            .collect();
        ValueView {
            label,
            text: format_value(lang, o.value, def.measure, def.decimals),
            has_value: true,
            detail: detail.join(" · "),
            cautions,
        }
    }

    pub fn threshold_note(lang: Lang, th: &Thresholds) -> String {
        ta(
            lang,
            "compare-threshold-note",
            &[
                ("min", th.min_respondents.to_string().into()),
                ("rate", format_number(lang, th.min_response_rate, 0).into()),
            ],
        )
    }

    /// Where distances are measured from, or a notice that the place is unknown.
    fn origin(from: Option<&str>, notices: &mut Vec<Notice>) -> Option<GeoPoint> {
        let from = from?;
        match locate(from) {
            Some((point, _)) => Some(point),
            None => {
                notices.push(Notice::new("compare-notice-address-unknown", from));
                None
            }
        }
    }

    fn options(items: impl IntoIterator<Item = (String, String)>, selected: &str, any: String) -> Vec<OptionView> {
        let mut out = vec![OptionView { value: String::new(), label: any, selected: selected.is_empty() }];
        out.extend(items.into_iter().map(|(value, label)| OptionView { selected: value == selected, value, label }));
        out
    }

    fn input_view(lang: Lang, name: &str, value: String, hint: Option<&str>) -> InputView {
        InputView {
            name: name.to_owned(),
            label: t(lang, &format!("compare-filter-{name}")),
            value,
            hint: hint.map(|h| t(lang, h)),
        }
    }

    fn filter_form(lang: Lang, q: &CompareQuery, kind: UnitKind, defs: &[&IndicatorDef]) -> FilterForm {
        let district = q.district.map(|d| d.slug()).unwrap_or("");
        let operator = q.operator.map(|o| o.slug()).unwrap_or("");
        let profile = q.profile.map(|p| p.slug()).unwrap_or("");
        let mut sorts = vec![("name".to_owned(), t(lang, "compare-sort-name"))];
        if q.from.is_some() {
            sorts.push(("distance".to_owned(), t(lang, "compare-sort-distance")));
        }
        sorts.extend(defs.iter().map(|d| {
            (d.key.as_str().to_owned(), ta(lang, "compare-sort-by", &[("indicator", d.name_in(lang).into())]))
        }));
        let sort = q.sort.to_param();
        FilterForm {
            kind: kind.slug().to_owned(),
            legend: t(lang, "compare-filter-legend"),
            q: input_view(lang, "q", q.q.clone().unwrap_or_default(), None),
            district: SelectView {
                name: "district".into(),
                label: t(lang, "compare-filter-district"),
                options: options(
                    District::ALL.iter().map(|d| (d.slug().to_owned(), d.name().to_owned())),
                    district,
                    t(lang, "compare-any-district"),
                ),
            },
            operator: SelectView {
                name: "operator".into(),
                label: t(lang, "compare-filter-operator"),
                options: options(
                    OperatorType::ALL.iter().map(|o| (o.slug().to_owned(), operator_label(lang, *o))),
                    operator,
                    t(lang, "compare-any-operator"),
                ),
            },
            languages_legend: t(lang, "compare-filter-language"),
            languages: SpokenLanguage::ALL
                .iter()
                .filter(|l| **l != SpokenLanguage::Swedish)
                .map(|l| OptionView {
                    value: l.slug().to_owned(),
                    label: t(lang, &format!("compare-language-{}", l.slug())),
                    selected: q.languages.contains(l),
                })
                .collect(),
            profile: SelectView {
                name: "profile".into(),
                label: t(lang, "compare-filter-profile"),
                options: options(
                    Profile::ALL
                        .iter()
                        .map(|p| (p.slug().to_owned(), t(lang, &format!("compare-profile-{}", p.slug())))),
                    profile,
                    t(lang, "compare-any-profile"),
                ),
            },
            hours_legend: t(lang, "compare-filter-hours"),
            open_from: input_view(
                lang,
                "open_from",
                q.open_from.map(clock).unwrap_or_default(),
                Some("compare-hours-hint"),
            ),
            open_until: input_view(
                lang,
                "open_until",
                q.open_until.map(clock).unwrap_or_default(),
                Some("compare-hours-hint"),
            ),
            places_label: t(lang, "compare-filter-places"),
            places: q.has_places,
            from: input_view(lang, "from", q.from.clone().unwrap_or_default(), Some("compare-from-hint")),
            sort: SelectView {
                name: "sort".into(),
                label: t(lang, "compare-filter-sort"),
                options: sorts
                    .into_iter()
                    .map(|(value, label)| OptionView { selected: value == sort, value, label })
                    .collect(),
            },
            more_label: t(lang, "compare-more-filters"),
            more_open: q.q.is_some()
                || !q.languages.is_empty()
                || q.profile.is_some()
                || q.open_from.is_some()
                || q.open_until.is_some()
                || q.has_places,
            submit: t(lang, "compare-filter-submit"),
            reset: LinkView { href: format!("/compare?kind={}", kind.slug()), text: t(lang, "compare-filter-reset") },
            live_hint: t(lang, "compare-live-hint"),
        }
    }

    fn address(u: &UnitRow) -> String {
        let r = &u.record;
        if r.postcode.is_empty() {
            format!("{}, {}", r.street, r.district.name())
        } else {
            format!("{}, {} Stockholm", r.street, r.postcode)
        }
    }

    fn operator_line(lang: Lang, u: &UnitRow) -> String {
        format!("{} · {}", operator_label(lang, u.record.operator.kind), u.record.operator.name)
    }

    /// The most indicator values a card in the list shows.
    const LIST_INDICATORS: usize = 4;

    pub async fn compare_view(raw: &str) -> Result<CompareView, AppError> {
        let lang = crate::context::current().lang;
        let th = thresholds();
        let store = crate::context::store()?;
        let mut q = CompareQuery::from_query_string(raw);
        let counts = store.unit_counts().await?;
        let defs = store.indicators().await?;
        let kinds = counts
            .iter()
            .map(|(k, n)| KindLink {
                href: format!("/compare?kind={}", k.slug()),
                count: ta(lang, &format!("compare-count-{}", k.slug()), &[("count", (*n).into())]),
                current: q.kind == Some(*k),
            })
            .collect();
        let (form, results) = match q.kind {
            None => (None, None),
            Some(kind) => {
                let kind_defs: Vec<&IndicatorDef> = defs.iter().filter(|d| d.applies_to(kind)).collect();
                let sort_def = match &q.sort {
                    SortKey::Indicator(key) => match kind_defs.iter().find(|d| d.key == *key) {
                        Some(d) => Some(*d),
                        None => {
                            q.notices.push(Notice::new("compare-notice-sort-unknown", key.as_str()));
                            q.sort = SortKey::Name;
                            None
                        }
                    },
                    _ => None,
                };
                let origin = origin(q.from.as_deref(), &mut q.notices);
                if q.sort == SortKey::Distance && origin.is_none() {
                    q.sort = SortKey::Name;
                }
                // A card shows at most LIST_INDICATORS values: the one sorted by first, then the
                // kind's first ones. Every indicator is on the unit page and side by side; twenty
                // values per card would be unreadable (and made the scale fixture's page 90 KB).
                let mut list_defs: Vec<&IndicatorDef> = sort_def.into_iter().collect();
                for d in &kind_defs {
                    if list_defs.len() < LIST_INDICATORS && !list_defs.iter().any(|x| x.key == d.key) {
                        list_defs.push(d);
                    }
                }
                let shown: Vec<_> = list_defs.iter().map(|d| d.key.clone()).collect();
                let page = store.compare_units(&q, kind, origin, sort_def, &shown).await?;
                let units = page
                    .units
                    .iter()
                    .map(|l| {
                        let r = &l.unit.record;
                        UnitItem {
                            id: r.id.as_str().to_owned(),
                            href: format!("/compare/units/{}", r.id),
                            name: r.name.clone(),
                            operator: operator_line(lang, &l.unit),
                            district: r.district.name().to_owned(),
                            address: address(&l.unit),
                            distance: l.distance_m.map(|m| distance_text(lang, m)),
                            hours: hours_text(lang, r.facts.hours),
                            places: r.facts.has_places.then(|| t(lang, "compare-has-places")),
                            values: list_defs
                                .iter()
                                .map(|d| {
                                    let obs = l.latest.iter().find(|(k, _)| *k == d.key).map(|(_, o)| o);
                                    value_view(lang, d, obs, &th)
                                })
                                .collect(),
                            select_label: ta(lang, "compare-select-unit", &[("name", r.name.clone().into())]),
                        }
                    })
                    .collect::<Vec<_>>();
                let pages = page.total.div_ceil(PAGE_SIZE as usize).max(1) as u32;
                let link = |p: u32| format!("/compare?{}", q.to_query_string_with(&q.sort, p));
                let pagination = (pages > 1).then(|| PaginationView {
                    label: t(lang, "pagination-label"),
                    current: ta(lang, "page-current", &[("page", q.page.into()), ("pages", pages.into())]),
                    previous: (q.page > 1).then(|| LinkView { href: link(q.page - 1), text: t(lang, "page-previous") }),
                    next: (q.page < pages).then(|| LinkView { href: link(q.page + 1), text: t(lang, "page-next") }),
                });
                let results = ResultsView {
                    heading: ta(lang, &format!("compare-count-{}", kind.slug()), &[("count", page.total.into())]),
                    sort_note: match (&q.sort, sort_def) {
                        (SortKey::Indicator(_), Some(d)) => Some(ta(
                            lang,
                            if d.higher_is_better { "compare-sorted-high" } else { "compare-sorted-low" },
                            &[("indicator", d.name_in(lang).into())],
                        )),
                        (SortKey::Distance, _) => Some(t(lang, "compare-sorted-distance")),
                        _ => None,
                    },
                    indicators_note: (kind_defs.len() > list_defs.len()).then(|| {
                        ta(
                            lang,
                            "compare-list-indicators",
                            &[("shown", list_defs.len().into()), ("total", kind_defs.len().into())],
                        )
                    }),
                    empty: units.is_empty().then(|| t(lang, "compare-empty")),
                    units,
                    pagination,
                    compare_legend: ta(lang, "compare-selection-legend", &[("max", MAX_SIDE_BY_SIDE.into())]),
                    compare_button: t(lang, "compare-selection-button"),
                    from: q.from.clone(),
                };
                (Some(filter_form(lang, &q, kind, &kind_defs)), Some(results))
            }
        };
        Ok(CompareView {
            title: match q.kind {
                Some(k) => ta(lang, "compare-title-kind", &[("kind", kind_label(lang, k).into())]),
                None => t(lang, "compare-title"),
            },
            intro: t(lang, "compare-intro"),
            notices: q.notices.iter().map(|n| notice_text(lang, n)).collect(),
            kinds_label: t(lang, "compare-kinds-label"),
            kinds,
            form,
            results,
            open_data: LinkView { href: "/open-data/providers".into(), text: t(lang, "compare-open-data") },
        })
    }

    fn attribution(lang: Lang, u: &UnitRow) -> String {
        let date = stockholm_date(u.updated_at);
        match u.updated_by {
            ChangedBy::Provider => ta(
                lang,
                "compare-updated-provider",
                &[("date", date.into()), ("name", u.record.operator.name.clone().into())],
            ),
            ChangedBy::City => ta(lang, "compare-updated-city", &[("date", date.into())]),
            ChangedBy::Import | ChangedBy::Seed => ta(lang, "compare-updated-register", &[("date", date.into())]),
        }
    }

    fn apply_link(lang: Lang, kind: UnitKind, id: &str, name: &str) -> Option<LinkView> {
        kind.application().map(|slug| LinkView {
            href: format!("/services/{slug}/start?unit={}", encode_component(id)),
            text: ta(lang, "compare-apply", &[("name", name.to_owned().into())]),
        })
    }

    fn feedback_link(lang: Lang, id: &str) -> LinkView {
        LinkView {
            href: format!("/services/synpunkter-och-klagomal/start?unit={}", encode_component(id)),
            text: t(lang, "compare-feedback"),
        }
    }

    pub async fn unit_view(raw_id: &str) -> Result<UnitView, AppError> {
        let lang = crate::context::current().lang;
        let th = thresholds();
        let store = crate::context::store()?;
        let id =
            stadsporten_domain::compare::ProviderUnitId::parse(raw_id).ok_or_else(|| AppError::NotFound.respond())?;
        let UnitDetail { unit, values } =
            store.provider_unit(&id).await?.ok_or_else(|| AppError::NotFound.respond())?;
        let defs = store.indicators().await?;
        let r = &unit.record;
        let f = &r.facts;
        let fact = |label: &str, value: String| Fact { label: t(lang, label), value };
        let mut facts = vec![
            fact("compare-fact-operator", operator_line(lang, &unit)),
            fact("compare-fact-district", r.district.name().to_owned()),
            fact("compare-fact-address", address(&unit)),
            fact("compare-fact-hours", hours_text(lang, f.hours)),
            fact("compare-fact-languages", languages_text(lang, &f.languages)),
        ];
        if !f.profiles.is_empty() {
            facts.push(fact("compare-fact-profiles", profiles_text(lang, &f.profiles)));
        }
        if let Some(s) = r.size {
            facts.push(fact(&format!("compare-fact-size-{}", r.kind.slug()), s.to_string()));
        }
        facts.push(fact(
            "compare-fact-places",
            t(lang, if f.has_places { "compare-has-places" } else { "compare-queue" }),
        ));
        for (label, v) in
            [("compare-fact-phone", &f.phone), ("compare-fact-email", &f.email), ("compare-fact-website", &f.website)]
        {
            if let Some(v) = v {
                facts.push(fact(label, v.clone()));
            }
        }
        let indicators: Vec<IndicatorHistory> = defs
            .iter()
            .filter(|d| d.applies_to(r.kind))
            .map(|d| {
                let years: Vec<ValueView> = values
                    .iter()
                    .filter(|(k, _)| *k == d.key)
                    .map(|(_, o)| value_view(lang, d, Some(o), &th))
                    .collect();
                IndicatorHistory {
                    name: d.name_in(lang).to_owned(),
                    definition: d.definition_in(lang).to_owned(),
                    source: ta(lang, "compare-source", &[("source", d.source.clone().into())]),
                    years: if years.is_empty() { vec![value_view(lang, d, None, &th)] } else { years },
                }
            })
            .collect();
        let description_lang = (!f.description.contains_key(lang.code())).then(|| "sv".to_owned());
        Ok(UnitView {
            id: r.id.as_str().to_owned(),
            name: r.name.clone(),
            kind: kind_label(lang, r.kind),
            list: LinkView {
                href: format!("/compare?kind={}&district={}", r.kind.slug(), r.district.slug()),
                text: ta(
                    lang,
                    "compare-back-to-list",
                    &[("kind", kind_label(lang, r.kind).into()), ("district", r.district.name().into())],
                ),
            },
            facts,
            description: f.description_in(lang).to_owned(),
            description_lang,
            updated: attribution(lang, &unit),
            indicators_heading: t(lang, "compare-indicators-heading"),
            table_caption: ta(lang, "compare-indicators-caption", &[("name", r.name.clone().into())]),
            columns: ["compare-col-indicator", "compare-col-value", "compare-col-basis", "compare-col-note"]
                .iter()
                .map(|c| t(lang, c))
                .collect(),
            no_indicators: indicators.is_empty().then(|| t(lang, "compare-no-indicators")),
            indicators,
            apply: apply_link(lang, r.kind, r.id.as_str(), &r.name),
            apply_note: r
                .kind
                .application()
                .is_none()
                .then(|| t(lang, &format!("compare-apply-note-{}", r.kind.slug()))),
            feedback: feedback_link(lang, r.id.as_str()),
            compare: LinkView {
                href: format!("/compare/side-by-side?units={}", encode_component(r.id.as_str())),
                text: t(lang, "compare-start-comparison"),
            },
            threshold_note: threshold_note(lang, &th),
        })
    }

    pub async fn side_by_side_view(raw: &str) -> Result<SideBySideView, AppError> {
        let lang = crate::context::current().lang;
        let th = thresholds();
        let store = crate::context::store()?;
        let mut q = SideBySideQuery::from_query_string(raw);
        let details = store.provider_units(&q.units).await?;
        for id in &q.units {
            if !details.iter().any(|d| d.unit.record.id == *id) {
                q.notices.push(Notice::new("compare-notice-unknown-unit", id.as_str()));
            }
        }
        let origin = origin(q.from.as_deref(), &mut q.notices);
        let defs = store.indicators().await?;
        let kinds: Vec<UnitKind> = details.iter().map(|d| d.unit.record.kind).collect();
        if kinds.windows(2).any(|w| w[0] != w[1]) {
            q.notices.push(Notice::new("compare-notice-mixed-kinds", ""));
        }
        let shown: Vec<_> = details.iter().map(|d| d.unit.record.id.clone()).collect();
        let query_without = |skip: &str| {
            let rest: Vec<&str> = shown.iter().map(|i| i.as_str()).filter(|i| *i != skip).collect();
            let mut href = format!("/compare/side-by-side?units={}", encode_component(&rest.join(",")));
            if let Some(f) = &q.from {
                href.push_str(&format!("&from={}", encode_component(f)));
            }
            href
        };
        let columns = details
            .iter()
            .map(|d| {
                let r = &d.unit.record;
                ColumnView {
                    id: r.id.as_str().to_owned(),
                    name: r.name.clone(),
                    href: format!("/compare/units/{}", r.id),
                    apply: apply_link(lang, r.kind, r.id.as_str(), &r.name),
                    remove: LinkView {
                        href: query_without(r.id.as_str()),
                        text: ta(lang, "compare-sbs-remove", &[("name", r.name.clone().into())]),
                    },
                }
            })
            .collect();
        let plain = |label: &str, cells: Vec<String>| RowView {
            label: t(lang, label),
            definition: None,
            fact: true,
            cells: cells
                .into_iter()
                .map(|text| ValueView {
                    label: String::new(),
                    has_value: !text.is_empty(),
                    text,
                    detail: String::new(),
                    cautions: Vec::new(),
                })
                .collect(),
            chart: None,
        };
        let rows = |f: &dyn Fn(&UnitDetail) -> String| details.iter().map(f).collect::<Vec<_>>();
        let mut facts = vec![
            plain("compare-fact-kind", rows(&|d| kind_label(lang, d.unit.record.kind))),
            plain("compare-fact-operator", rows(&|d| operator_line(lang, &d.unit))),
            plain("compare-fact-district", rows(&|d| d.unit.record.district.name().to_owned())),
            plain("compare-fact-hours", rows(&|d| hours_text(lang, d.unit.record.facts.hours))),
            plain("compare-fact-languages", rows(&|d| languages_text(lang, &d.unit.record.facts.languages))),
            plain("compare-fact-profiles", rows(&|d| profiles_text(lang, &d.unit.record.facts.profiles))),
            plain(
                "compare-fact-places",
                rows(&|d| t(lang, if d.unit.record.facts.has_places { "compare-has-places" } else { "compare-queue" })),
            ),
        ];
        if let Some(o) = origin {
            facts.push(plain(
                "compare-fact-distance",
                rows(&|d| distance_text(lang, o.distance_m(d.unit.record.point))),
            ));
        }
        let indicators = defs
            .iter()
            .filter(|d| kinds.iter().any(|k| d.applies_to(*k)))
            .map(|def| {
                let latest: Vec<Option<&Observation>> =
                    details.iter().map(|d| d.values.iter().find(|(k, _)| *k == def.key).map(|(_, o)| o)).collect();
                let cells: Vec<ValueView> = latest.iter().map(|o| value_view(lang, def, *o, &th)).collect();
                let max = latest.iter().flatten().map(|o| o.value).fold(0.0_f64, f64::max);
                let scale = match def.measure {
                    stadsporten_domain::compare::Measure::Percent => 100.0,
                    _ => (max * 1.1).max(1.0),
                };
                let bars = details
                    .iter()
                    .zip(latest.iter().zip(&cells))
                    .map(|(d, (o, cell))| Bar {
                        name: d.unit.record.name.clone(),
                        value: o.map(|o| o.value),
                        text: cell.text.clone(),
                        caution: !cell.cautions.is_empty(),
                    })
                    .collect();
                RowView {
                    label: def.name_in(lang).to_owned(),
                    fact: false,
                    definition: Some(format!(
                        "{} {}",
                        def.definition_in(lang),
                        ta(lang, "compare-source", &[("source", def.source.clone().into())])
                    )),
                    cells,
                    chart: Some((scale, bars)),
                }
            })
            .collect();
        Ok(SideBySideView {
            title: t(lang, "compare-sbs-title"),
            notices: q.notices.iter().map(|n| notice_text(lang, n)).collect(),
            caption: t(lang, "compare-sbs-caption"),
            empty: details.is_empty().then(|| t(lang, "compare-sbs-empty")),
            back: LinkView {
                href: match kinds.first() {
                    Some(k) => format!("/compare?kind={}", k.slug()),
                    None => "/compare".into(),
                },
                text: t(lang, "compare-sbs-back"),
            },
            columns,
            facts,
            indicators,
            threshold_note: threshold_note(lang, &th),
            charts_heading: t(lang, "compare-sbs-charts"),
        })
    }
}
