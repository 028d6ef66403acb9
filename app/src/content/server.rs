//! Server functions of the editors' pages: each authorises (`ManageContent`, anywhere), reads the
//! store and builds a translated view. Writes are the plain form routes in `routes.rs`.

use super::view::{MessageEditView, OverviewView, ServiceEditView, ShortcomingsView, VersionPageView};
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
pub use ssr::*;

/// `/admin/content` (`overdue` lists only the pages overdue for review).
#[server(prefix = "/api", endpoint = "content/overview", input = server_fn::codec::GetUrl)]
pub async fn load_content_overview(overdue: bool) -> Result<OverviewView, AppError> {
    ssr::overview(overdue).await
}

/// A service page's edit form (`id: None` for a new page).
#[server(prefix = "/api", endpoint = "content/service", input = server_fn::codec::GetUrl)]
pub async fn load_service_edit(id: Option<i64>) -> Result<ServiceEditView, AppError> {
    ssr::service_edit(id).await
}

/// One version as residents will see it, in `lang` (the editor's language when absent).
#[server(prefix = "/api", endpoint = "content/version", input = server_fn::codec::GetUrl)]
pub async fn load_version(id: i64, number: i64, lang: Option<String>) -> Result<VersionPageView, AppError> {
    ssr::version_page(id, number, lang).await
}

/// An operating message's form (`id: None` for a new one).
#[server(prefix = "/api", endpoint = "content/message", input = server_fn::codec::GetUrl)]
pub async fn load_message_edit(id: Option<i64>) -> Result<MessageEditView, AppError> {
    ssr::message_edit(id).await
}

/// The accessibility statement's known shortcomings, with the form for one (`edit`) or a new one.
#[server(prefix = "/api", endpoint = "content/shortcomings", input = server_fn::codec::GetUrl)]
pub async fn load_shortcomings(edit: Option<i64>) -> Result<ShortcomingsView, AppError> {
    ssr::shortcomings(edit).await
}

/// `/tillganglighet`: the accessibility statement (public).
#[server(prefix = "/api", endpoint = "content/accessibility-statement", input = server_fn::codec::GetUrl)]
pub async fn load_accessibility_statement() -> Result<super::view::StatementView, AppError> {
    use crate::i18n::{t, ta};
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let shortcomings: Vec<_> = store
        .accessibility_shortcomings(lang)
        .await?
        .into_iter()
        .map(|s| super::view::StatementItem {
            title: s.title,
            body: s.body,
            fix_by: match s.fix_by {
                Some(d) => ta(lang, "a11y-fix-by", &[("date", d.into())]),
                None => t(lang, "a11y-fix-by-none"),
            },
            lang: (s.content_lang != lang).then(|| s.content_lang.code().to_owned()),
        })
        .collect();
    Ok(super::view::StatementView {
        empty: shortcomings.is_empty(),
        shortcomings,
        report_href: "/services/rapportera-tillganglighetsproblem/start".to_owned(),
        updated: ta(
            lang,
            "a11y-updated",
            &[(
                "date",
                store.accessibility_updated_at().await?.map(crate::ui::stockholm_date).unwrap_or_default().into(),
            )],
        ),
    })
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::super::view::*;
    use crate::error::AppError;
    use crate::flash::FormFlash;
    use crate::i18n::{t, ta};
    use crate::ui::{stockholm_time, LinkView, OptionView};
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::content::{max_chars, review_overdue, text_input, MessageContent, ServiceContent};
    use stadsporten_domain::{Audience, Channel, Lang, LifeSituation, Severity};

    pub const SERVICE_FORM: &str = "content-service";
    pub const MESSAGE_FORM: &str = "content-message";
    pub const SHORTCOMING_FORM: &str = "content-shortcoming";

    /// The signed-in web editor; otherwise 401 or 403 (audited).
    pub async fn editor() -> Result<crate::context::Viewer, AppError> {
        crate::auth::require(Permission::ManageContent, &Target::AnyObject).await
    }

    /// The form's values: what was refused (the flash), else what is stored.
    struct Values<'a> {
        flash: Option<&'a FormFlash>,
        stored: Vec<(String, String)>,
        lang: Lang,
    }

    impl Values<'_> {
        fn get(&self, name: &str) -> String {
            match self.flash {
                Some(f) => f.value(name).unwrap_or_default().to_owned(),
                None => self.stored.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default(),
            }
        }

        fn all(&self, name: &str) -> Vec<String> {
            match self.flash {
                Some(f) => f.values_of(name).into_iter().map(str::to_owned).collect(),
                None => self.stored.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect(),
            }
        }

        fn error(&self, name: &str) -> Option<String> {
            self.flash.and_then(|f| f.message(name, self.lang))
        }

        /// (anchor, message) of every error, in form order.
        fn summary(&self) -> Vec<(String, String)> {
            self.flash
                .map(|f| {
                    f.errors
                        .iter()
                        .filter_map(|(name, _)| f.message(name, self.lang).map(|m| (format!("#{}", input_id(name)), m)))
                        .collect()
                })
                .unwrap_or_default()
        }

        fn input(&self, name: &str, label: &str, kind: &str, multiline: bool, hint: Option<String>) -> InputView {
            let field = name.rsplit_once('_').filter(|(_, l)| Lang::parse(l).is_some()).map_or(name, |(f, _)| f);
            InputView {
                name: name.to_owned(),
                label: t(self.lang, label),
                value: self.get(name),
                hint,
                error: self.error(name),
                multiline,
                max: max_chars(field),
                lang: None,
                kind: kind.to_owned(),
            }
        }

        fn choice(&self, name: &str, legend: &str, multiple: bool, options: Vec<(String, String)>) -> ChoiceView {
            let chosen = self.all(name);
            ChoiceView {
                name: name.to_owned(),
                legend: t(self.lang, legend),
                multiple,
                options: options
                    .into_iter()
                    .map(|(value, label)| OptionView { selected: chosen.contains(&value), value, label })
                    .collect(),
                error: self.error(name),
            }
        }

        /// One fieldset per language with `fields` (name, label key, multiline).
        fn languages(&self, fields: &[(&str, &str, bool)]) -> Vec<LanguageFields> {
            Lang::ALL
                .into_iter()
                .map(|l| {
                    let inputs: Vec<InputView> = fields
                        .iter()
                        .map(|(f, label, multi)| {
                            let name = text_input(f, l);
                            let hint = (*f == "body").then(|| t(self.lang, "content-body-hint"));
                            InputView {
                                lang: Some(l.code().to_owned()),
                                ..self.input(&name, label, "text", *multi, hint)
                            }
                        })
                        .collect();
                    let open = l == Lang::Sv || inputs.iter().any(|i| i.error.is_some() || !i.value.is_empty());
                    LanguageFields { code: l.code().to_owned(), name: l.endonym().to_owned(), open, inputs }
                })
                .collect()
        }
    }

    /// The id of a form input, for labels and the error summary's links.
    pub fn input_id(name: &str) -> String {
        format!("content-{}", name.replace('_', "-"))
    }

    fn today(now: i64) -> i64 {
        stadsporten_domain::date::stockholm_day(now)
    }

    pub fn saved_notice(query: &str, lang: Lang) -> Option<String> {
        let pairs = stadsporten_domain::catalogue::decode_query_string(query).ok()?;
        let (_, what) = pairs.into_iter().find(|(k, _)| k == "saved")?;
        let known = stadsporten_domain::content::SAVED_NOTICES;
        known.contains(&what.as_str()).then(|| t(lang, &format!("content-saved-{what}")))
    }

    pub async fn overview(overdue_only: bool) -> Result<OverviewView, AppError> {
        editor().await?;
        let ctx = crate::context::current();
        let lang = ctx.lang;
        let store = crate::context::store()?;
        let day = today(ctx.now);
        let rows = store.content_services().await?;
        let overdue_count = rows.iter().filter(|r| r.published && review_overdue(&r.last_reviewed, day)).count();
        let services = rows
            .into_iter()
            .filter(|r| !overdue_only || (r.published && review_overdue(&r.last_reviewed, day)))
            .map(|r| {
                let mut state =
                    t(lang, if r.published { "content-state-published" } else { "content-state-unpublished" });
                if let Some(n) = r.pending {
                    state = match r.scheduled {
                        Some(at) => format!(
                            "{state}; {}",
                            ta(
                                lang,
                                "content-state-scheduled",
                                &[("version", n.into()), ("at", stockholm_time(at).into())]
                            )
                        ),
                        None => format!("{state}; {}", ta(lang, "content-state-draft", &[("version", n.into())])),
                    };
                }
                let missing: Vec<&str> =
                    Lang::ALL.iter().filter(|l| !r.languages.contains(l)).map(|l| l.endonym()).collect();
                ServiceRowView {
                    edit: LinkView {
                        href: format!("/admin/content/services/{}", r.id),
                        text: if r.title.is_empty() { r.slug.clone() } else { r.title.clone() },
                    },
                    slug: r.slug,
                    state,
                    missing: (!missing.is_empty())
                        .then(|| ta(lang, "content-missing-languages", &[("languages", missing.join(", ").into())])),
                    overdue: r.published && review_overdue(&r.last_reviewed, day),
                    reviewed: r.last_reviewed,
                }
            })
            .collect();
        let messages = store
            .content_messages()
            .await?
            .into_iter()
            .map(|m| {
                let c = &m.content;
                let title = c.texts.get("sv").map(|(t, _)| t.clone()).unwrap_or_default();
                let state = if c.valid_until <= ctx.now {
                    "content-message-ended"
                } else if c.valid_from > ctx.now {
                    "content-message-upcoming"
                } else {
                    "content-message-current"
                };
                MessageRowView {
                    edit: LinkView { href: format!("/admin/content/messages/{}", m.id), text: title },
                    severity: t(lang, &format!("severity-{}", c.severity.slug())),
                    window: format!("{} – {}", stockholm_time(c.valid_from), stockholm_time(c.valid_until)),
                    state: t(lang, state),
                }
            })
            .collect();
        Ok(OverviewView {
            services,
            overdue_only,
            overdue_count: ta(lang, "content-overdue-count", &[("count", overdue_count.into())]),
            messages,
            notice: saved_notice(&ctx.query, lang),
        })
    }

    const SERVICE_TEXTS: [(&str, &str, bool); 7] = [
        ("title", "content-field-title", false),
        ("summary", "content-field-summary", true),
        ("body", "content-field-body", true),
        ("who_may_use", "content-field-who-may-use", true),
        ("cost", "content-field-cost", true),
        ("help", "content-field-help", true),
        ("keywords", "content-field-keywords", false),
    ];

    pub async fn service_edit(id: Option<i64>) -> Result<ServiceEditView, AppError> {
        editor().await?;
        let ctx = crate::context::current();
        let lang = ctx.lang;
        let store = crate::context::store()?;
        let edit = match id {
            Some(id) => Some(store.service_edit(id).await?.ok_or_else(|| AppError::NotFound.respond())?),
            None => None,
        };
        let flash = ctx.flash_for(SERVICE_FORM);
        let stored = match &edit {
            Some(e) => e.latest.to_form(),
            None => vec![
                ("provider_kind".to_owned(), "city".to_owned()),
                ("start".to_owned(), "none".to_owned()),
                ("audiences".to_owned(), "privatperson".to_owned()),
                ("channels".to_owned(), "webb".to_owned()),
            ],
        };
        let v = Values { flash, stored, lang };
        let slugs = |all: &[&str], prefix: &str| -> Vec<(String, String)> {
            all.iter().map(|s| ((*s).to_owned(), t(lang, &format!("{prefix}-{s}")))).collect()
        };
        let situations: Vec<&str> = LifeSituation::ALL.iter().map(|s| s.slug()).collect();
        let audiences: Vec<&str> = Audience::ALL.iter().map(|s| s.slug()).collect();
        let channels: Vec<&str> = Channel::ALL.iter().map(|s| s.slug()).collect();
        let versions = match &edit {
            Some(e) => {
                let live = e.versions.iter().filter(|x| x.published_at.is_some()).map(|x| x.number).max();
                e.versions
                    .iter()
                    .map(|x| {
                        let state = match (x.published_at, x.publish_at) {
                            (Some(at), _) if Some(x.number) == live && e.published => {
                                ta(lang, "content-version-live", &[("at", stockholm_time(at).into())])
                            }
                            (Some(at), _) => {
                                ta(lang, "content-version-was-published", &[("at", stockholm_time(at).into())])
                            }
                            (None, Some(at)) => {
                                ta(lang, "content-version-scheduled", &[("at", stockholm_time(at).into())])
                            }
                            (None, None) => t(lang, "content-version-draft"),
                        };
                        VersionView {
                            number: x.number,
                            label: ta(lang, "content-version", &[("version", x.number.into())]),
                            author: x.author.clone().unwrap_or_else(|| t(lang, "content-version-baseline")),
                            when: stockholm_time(x.created_at),
                            state,
                            view: LinkView {
                                href: format!("/admin/content/services/{}/versions/{}", e.id, x.number),
                                text: ta(lang, "content-version-view", &[("version", x.number.into())]),
                            },
                            revertible: x.published_at.is_some() && Some(x.number) != live,
                            scheduled: x.published_at.is_none() && x.publish_at.is_some(),
                            publishable: x.published_at.is_none() && live.is_none_or(|l| x.number > l),
                        }
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        let day = today(ctx.now);
        let start_note = match &edit {
            Some(e) if e.latest.start == stadsporten_domain::content::Start::EService => {
                match store.live_definition(&e.latest.slug).await? {
                    Some(_) => None,
                    None => Some(t(lang, "content-start-no-definition")),
                }
            }
            _ => None,
        };
        Ok(ServiceEditView {
            id,
            heading: match &edit {
                Some(e) => ta(lang, "content-edit-heading", &[("title", e.latest.title().into())]),
                None => t(lang, "content-new-service"),
            },
            action: match id {
                Some(id) => format!("/admin/content/services/{id}"),
                None => "/admin/content/services".to_owned(),
            },
            notice: saved_notice(&ctx.query, lang),
            errors: v.summary(),
            state: edit
                .as_ref()
                .map(|e| t(lang, if e.published { "content-state-published" } else { "content-state-unpublished" })),
            public: edit
                .as_ref()
                .filter(|e| e.published)
                .map(|e| LinkView { href: format!("/services/{}", e.live.slug), text: t(lang, "content-public-page") }),
            missing: edit.as_ref().and_then(|e| {
                let m: Vec<&str> = e.latest.missing_languages().iter().map(|l| l.endonym()).collect();
                (!m.is_empty()).then(|| ta(lang, "content-missing-languages", &[("languages", m.join(", ").into())]))
            }),
            reviewed: edit.as_ref().map(|e| {
                let key =
                    if review_overdue(&e.last_reviewed, day) { "content-reviewed-overdue" } else { "content-reviewed" };
                ta(lang, key, &[("date", e.last_reviewed.clone().into())])
            }),
            published: edit.as_ref().is_some_and(|e| e.published),
            general: vec![
                v.input("slug", "content-field-slug", "text", false, Some(t(lang, "content-slug-hint"))),
                v.input("provider_name", "content-field-provider-name", "text", false, None),
                v.input(
                    "handling_days",
                    "content-field-handling-days",
                    "text",
                    false,
                    Some(t(lang, "content-handling-hint")),
                ),
            ],
            situation: v.choice("situation", "content-field-situation", false, slugs(&situations, "situation")),
            audiences: v.choice("audiences", "content-field-audiences", true, slugs(&audiences, "audience")),
            provider_kind: v.choice(
                "provider_kind",
                "content-field-provider-kind",
                false,
                vec![
                    ("city".to_owned(), t(lang, "service-provider-city")),
                    ("external".to_owned(), t(lang, "service-provider-external")),
                ],
            ),
            channels: v.choice("channels", "content-field-channels", true, slugs(&channels, "channel")),
            start: v.choice(
                "start",
                "content-field-start",
                false,
                stadsporten_domain::content::Start::ALL
                    .iter()
                    .map(|s| (s.slug().to_owned(), t(lang, &format!("content-start-{}", s.slug()))))
                    .collect(),
            ),
            start_note,
            contact: vec![
                v.input(
                    "external_url",
                    "content-field-external-url",
                    "url",
                    false,
                    Some(t(lang, "content-external-hint")),
                ),
                v.input("phone", "content-field-phone", "tel", false, None),
                v.input("contact_email", "content-field-contact-email", "email", false, None),
            ],
            languages: v.languages(&SERVICE_TEXTS),
            schedule: v.input(
                "publish_at",
                "content-field-publish-at",
                "datetime-local",
                false,
                Some(t(lang, "content-publish-at-hint")),
            ),
            versions,
        })
    }

    pub async fn version_page(id: i64, number: i64, page_lang: Option<String>) -> Result<VersionPageView, AppError> {
        editor().await?;
        let ctx = crate::context::current();
        let lang = ctx.lang;
        let store = crate::context::store()?;
        let edit = store.service_edit(id).await?.ok_or_else(|| AppError::NotFound.respond())?;
        let content = store.service_version(id, number).await?.ok_or_else(|| AppError::NotFound.respond())?;
        let shown = page_lang.as_deref().and_then(Lang::parse).unwrap_or(lang);
        let details = content.details(shown, &edit.last_reviewed).ok_or(AppError::Internal)?;
        let before = match number {
            1 => None,
            n => store.service_version(id, n - 1).await?,
        };
        let empty = ServiceContent { texts: Default::default(), ..content.clone() };
        let changes = content
            .diff(before.as_ref().unwrap_or(&ServiceContent {
                slug: String::new(),
                situation: String::new(),
                audiences: vec![],
                provider_kind: String::new(),
                provider_name: String::new(),
                channels: vec![],
                handling_days: None,
                phone: String::new(),
                contact_email: String::new(),
                start: stadsporten_domain::content::Start::None,
                external_url: String::new(),
                ..empty
            }))
            .into_iter()
            .map(|c| ChangeView {
                field: match c.lang {
                    Some(l) => format!(
                        "{} ({})",
                        t(lang, &format!("content-field-{}", c.field.replace('_', "-"))),
                        l.endonym()
                    ),
                    None => t(lang, &format!("content-field-{}", c.field.replace('_', "-"))),
                },
                before: c.before,
                after: c.after,
                lang: c.lang.map(|l| l.code().to_owned()),
            })
            .collect();
        Ok(VersionPageView {
            heading: ta(
                lang,
                "content-version-heading",
                &[("version", number.into()), ("title", content.title().into())],
            ),
            back: LinkView { href: format!("/admin/content/services/{id}"), text: t(lang, "content-back-to-edit") },
            banner: t(lang, "content-preview-banner"),
            page: crate::catalogue::view_model::service(&details, shown, Vec::new()),
            languages: Lang::ALL
                .iter()
                .map(|l| LinkView {
                    href: format!("/admin/content/services/{id}/versions/{number}?lang={}", l.code()),
                    text: l.endonym().to_owned(),
                })
                .collect(),
            diff_heading: match number {
                1 => t(lang, "content-diff-first"),
                n => ta(lang, "content-diff-heading", &[("version", (n - 1).into())]),
            },
            changes,
        })
    }

    /// The districts a message may concern: the district administrations' unit codes and names.
    pub async fn districts(store: &stadsporten_db::Store, lang: Lang) -> Result<Vec<(String, String)>, AppError> {
        Ok(store
            .units()
            .await?
            .into_iter()
            .filter(|u| u.code.as_str().starts_with("SD"))
            .map(|u| (u.code.to_string(), u.name(lang).to_owned()))
            .collect())
    }

    pub async fn message_edit(id: Option<i64>) -> Result<MessageEditView, AppError> {
        editor().await?;
        let ctx = crate::context::current();
        let lang = ctx.lang;
        let store = crate::context::store()?;
        let row = match id {
            Some(id) => Some(store.content_message(id).await?.ok_or_else(|| AppError::NotFound.respond())?),
            None => None,
        };
        let stored = match &row {
            Some(r) => r.content.to_form(),
            None => MessageContent {
                severity: Severity::Notice,
                valid_from: ctx.now - ctx.now % 3600 + 3600,
                valid_until: ctx.now - ctx.now % 3600 + 25 * 3600,
                services: vec![],
                districts: vec![],
                texts: Default::default(),
            }
            .to_form(),
        };
        let v = Values { flash: ctx.flash_for(MESSAGE_FORM), stored, lang };
        let mut services: Vec<(String, String)> =
            store.content_services().await?.into_iter().filter(|s| s.published).map(|s| (s.slug, s.title)).collect();
        services.sort_by_cached_key(|(_, title)| stadsporten_domain::search::swedish_order(title));
        Ok(MessageEditView {
            id,
            heading: t(lang, if id.is_some() { "content-message-edit" } else { "content-message-new" }),
            action: match id {
                Some(id) => format!("/admin/content/messages/{id}"),
                None => "/admin/content/messages".to_owned(),
            },
            notice: saved_notice(&ctx.query, lang),
            errors: v.summary(),
            severity: v.choice(
                "severity",
                "content-field-severity",
                false,
                [Severity::Notice, Severity::Disruption]
                    .iter()
                    .map(|s| (s.slug().to_owned(), t(lang, &format!("severity-{}", s.slug()))))
                    .collect(),
            ),
            window: vec![
                v.input(
                    "valid_from",
                    "content-field-valid-from",
                    "datetime-local",
                    false,
                    Some(t(lang, "content-time-hint")),
                ),
                v.input(
                    "valid_until",
                    "content-field-valid-until",
                    "datetime-local",
                    false,
                    Some(t(lang, "content-time-hint")),
                ),
            ],
            services: v.choice("services", "content-field-services", true, services),
            districts: v.choice("districts", "content-field-districts", true, districts(&store, lang).await?),
            languages: v
                .languages(&[("title", "content-field-title", false), ("body", "content-field-message-body", true)]),
            endable: row.as_ref().is_some_and(|r| r.content.valid_until > ctx.now),
        })
    }

    pub async fn shortcomings(edit: Option<i64>) -> Result<ShortcomingsView, AppError> {
        editor().await?;
        let ctx = crate::context::current();
        let lang = ctx.lang;
        let store = crate::context::store()?;
        let all = store.content_shortcomings().await?;
        let editing = edit.filter(|id| all.iter().any(|s| s.id == *id));
        let stored = match editing.and_then(|id| all.iter().find(|s| s.id == id)) {
            Some(s) => {
                let mut p = vec![("fix_by".to_owned(), s.content.fix_by.clone().unwrap_or_default())];
                if s.content.resolved {
                    p.push(("resolved".to_owned(), "1".to_owned()));
                }
                for l in Lang::ALL {
                    if let Some((title, body)) = s.content.texts.get(l.code()) {
                        p.push((text_input("title", l), title.clone()));
                        p.push((text_input("body", l), body.clone()));
                    }
                }
                p
            }
            None => Vec::new(),
        };
        let v = Values { flash: ctx.flash_for(SHORTCOMING_FORM), stored, lang };
        let rows = all
            .iter()
            .map(|s| ShortcomingRowView {
                edit: LinkView {
                    href: format!("/admin/content/accessibility?edit={}#shortcoming-form", s.id),
                    text: s.content.texts.get("sv").map(|(t, _)| t.clone()).unwrap_or_default(),
                },
                fix_by: s.content.fix_by.clone().unwrap_or_else(|| t(lang, "content-fix-by-none")),
                state: t(
                    lang,
                    if s.content.resolved { "content-shortcoming-resolved" } else { "content-shortcoming-open" },
                ),
            })
            .collect();
        let resolved = match v.flash {
            Some(f) => f.value("resolved").is_some_and(|x| !x.is_empty()),
            None => v.stored.iter().any(|(k, _)| k == "resolved"),
        };
        Ok(ShortcomingsView {
            rows,
            editing,
            action: match editing {
                Some(id) => format!("/admin/content/accessibility/{id}"),
                None => "/admin/content/accessibility".to_owned(),
            },
            notice: saved_notice(&ctx.query, lang),
            errors: v.summary(),
            fix_by: v.input("fix_by", "content-field-fix-by", "date", false, Some(t(lang, "content-fix-by-hint"))),
            resolved,
            languages: v.languages(&[
                ("title", "content-field-title", false),
                ("body", "content-field-shortcoming-body", true),
            ]),
        })
    }
}
