//! The service catalogue: services with one row of texts per language, and operating messages.
//!
//! Search policy: the whole catalogue (hundreds of rows) is held in memory as a
//! [`CatalogueSnapshot`] with its search index, loaded at start and refreshed on a timer and after
//! every write, so search and filters cost no database round trip and behave the same on both
//! backends. A service page reads its row fresh from the database.
//!
//! Language policy: texts come in the requested language, else in Swedish (the `content_lang` of
//! the result says which, so the page can show a "not available in your language" note).

use crate::{DbError, Result, Store};
use sqlx::any::AnyRow;
use sqlx::Row;
use stadsporten_domain::catalogue::{ProviderKind, Severity};
use stadsporten_domain::search::{Document, Field, SearchIndex};
use stadsporten_domain::{
    Audience, CatalogueQuery, Channel, Lang, LifeSituation, OperatingMessage, SearchPage, ServiceDetails, ServiceSlug,
    ServiceSummary,
};
use std::collections::HashMap;
use std::sync::Arc;

/// One language's texts of a service.
#[derive(Debug, Clone)]
pub(crate) struct ServiceTexts {
    pub title: String,
    pub summary: String,
    pub keywords: String,
}

/// A service as held in the snapshot.
#[derive(Debug, Clone)]
pub(crate) struct ServiceRecord {
    pub slug: ServiceSlug,
    pub situation: LifeSituation,
    pub audiences: Vec<Audience>,
    pub provider_name: String,
    pub handling_days: Option<u32>,
    /// Pages seen and e-services started this month and the last (see `refresh_catalogue`).
    pub recent_use: i64,
    pub texts: HashMap<Lang, ServiceTexts>,
}

impl ServiceRecord {
    /// Texts in `lang`, else Swedish, with the language they are in.
    fn texts_in(&self, lang: Lang) -> Option<(Lang, &ServiceTexts)> {
        self.texts.get(&lang).map(|t| (lang, t)).or_else(|| self.texts.get(&Lang::Sv).map(|t| (Lang::Sv, t)))
    }

    fn summary_in(&self, lang: Lang) -> Option<ServiceSummary> {
        let (content_lang, t) = self.texts_in(lang)?;
        Some(ServiceSummary {
            slug: self.slug.clone(),
            title: t.title.clone(),
            summary: t.summary.clone(),
            situation: self.situation,
            audiences: self.audiences.clone(),
            provider_name: self.provider_name.clone(),
            handling_days: self.handling_days,
            content_lang,
        })
    }
}

/// The in-memory catalogue and its search index.
#[derive(Debug, Default)]
pub struct CatalogueSnapshot {
    services: Vec<ServiceRecord>,
    index: SearchIndex,
}

/// Counts of services per life situation, for the start page.
pub type SituationCounts = Vec<(LifeSituation, u32)>;

fn audiences(residents: i64, businesses: i64) -> Vec<Audience> {
    let mut v = Vec::new();
    if residents != 0 {
        v.push(Audience::Residents);
    }
    if businesses != 0 {
        v.push(Audience::Businesses);
    }
    v
}

fn corrupt(what: &str, value: &str) -> DbError {
    DbError::CorruptRow(format!("{what}: {value:?}"))
}

fn days(row: &AnyRow) -> Result<Option<u32>> {
    Ok(row.try_get::<Option<i64>, _>("handling_days")?.map(|d| u32::try_from(d).unwrap_or(0)))
}

const SERVICE_COLUMNS: &str = "s.id, s.slug, s.situation, s.for_residents, s.for_businesses, s.provider_kind, \
     s.provider_name, s.channels, s.handling_days, s.has_e_service, s.phone, s.monthly_users, s.last_reviewed, \
     s.external_url, s.contact_email";

impl Store {
    /// Reloads the catalogue snapshot from the database and rebuilds the search index.
    pub async fn refresh_catalogue(&self) -> Result<()> {
        let rows =
            sqlx::query(&format!("select {SERVICE_COLUMNS} from services s where s.published = 1 order by s.id"))
                .fetch_all(&self.pool)
                .await?;
        let mut by_id: HashMap<i64, usize> = HashMap::new();
        let mut services = Vec::with_capacity(rows.len());
        for row in &rows {
            let slug: String = row.try_get("slug")?;
            let situation: String = row.try_get("situation")?;
            by_id.insert(row.try_get("id")?, services.len());
            services.push(ServiceRecord {
                slug: ServiceSlug::parse(&slug).map_err(|_| corrupt("slug", &slug))?,
                situation: LifeSituation::parse(&situation).ok_or_else(|| corrupt("situation", &situation))?,
                audiences: audiences(row.try_get("for_residents")?, row.try_get("for_businesses")?),
                provider_name: row.try_get("provider_name")?,
                handling_days: days(row)?,
                recent_use: 0,
                texts: HashMap::new(),
            });
        }
        // "Most used" is real use: pages seen and e-services started this month and the last
        // (first-party counts, `measure.rs`), not a number anyone typed in.
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
        let this_month = stadsporten_domain::measure::Month::at(now);
        let recent = stadsporten_domain::measure::Period { first: this_month.plus(-1), last: this_month };
        let use_of: HashMap<String, i64> = self.service_use(recent).await?.into_iter().collect();
        for s in &mut services {
            s.recent_use = use_of.get(s.slug.as_str()).copied().unwrap_or(0);
        }
        let texts = sqlx::query("select service_id, lang, title, summary, body, keywords from service_translations")
            .fetch_all(&self.pool)
            .await?;
        let mut bodies: Vec<Vec<(Lang, String)>> = vec![Vec::new(); services.len()];
        for row in &texts {
            let lang: String = row.try_get("lang")?;
            let Some(lang) = Lang::parse(&lang) else { continue };
            let Some(&i) = by_id.get(&row.try_get::<i64, _>("service_id")?) else { continue };
            bodies[i].push((lang, row.try_get("body")?));
            services[i].texts.insert(
                lang,
                ServiceTexts {
                    title: row.try_get("title")?,
                    summary: row.try_get("summary")?,
                    keywords: row.try_get("keywords")?,
                },
            );
        }
        let index = SearchIndex::build(services.iter().zip(&bodies).enumerate().map(|(i, (s, b))| {
            let mut texts: Vec<(Lang, Field, &str)> = Vec::new();
            for (lang, t) in &s.texts {
                texts.push((*lang, Field::Title, t.title.as_str()));
                texts.push((*lang, Field::Keywords, t.keywords.as_str()));
                texts.push((*lang, Field::Text, t.summary.as_str()));
            }
            for (lang, body) in b {
                texts.push((*lang, Field::Text, body.as_str()));
            }
            Document { id: u32::try_from(i).unwrap_or(u32::MAX), texts }
        }));
        tracing::debug!(services = services.len(), stems = index.vocabulary_len(), "catalogue refreshed");
        let snapshot = Arc::new(CatalogueSnapshot { services, index });
        *self.catalogue.write().unwrap_or_else(|e| e.into_inner()) = snapshot;
        Ok(())
    }

    fn snapshot(&self) -> Arc<CatalogueSnapshot> {
        self.catalogue.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Searches and filters the catalogue. Without search text, services are listed by title.
    pub fn search_services(&self, query: &CatalogueQuery, lang: Lang) -> SearchPage {
        let snap = self.snapshot();
        let keep = |s: &ServiceRecord| {
            query.situation.is_none_or(|x| s.situation == x) && query.audience.is_none_or(|a| s.audiences.contains(&a))
        };
        let matching: Vec<ServiceSummary> = match query.q.as_deref() {
            Some(q) => snap
                .index
                .search(q, lang)
                .into_iter()
                .filter_map(|hit| snap.services.get(hit.id as usize))
                .filter(|s| keep(s))
                .filter_map(|s| s.summary_in(lang))
                .collect(),
            None => {
                let mut all: Vec<ServiceSummary> =
                    snap.services.iter().filter(|s| keep(s)).filter_map(|s| s.summary_in(lang)).collect();
                all.sort_by_cached_key(|s| stadsporten_domain::search::swedish_order(&s.title));
                all
            }
        };
        SearchPage::paginate(matching, query.page)
    }

    /// Every published service's slug and title in `lang`, in Swedish alphabetical order (the
    /// contact centre's "what it concerns"), from memory.
    pub fn catalogue_titles(&self, lang: Lang) -> Vec<(String, String)> {
        let snap = self.snapshot();
        let mut all: Vec<(String, String)> =
            snap.services.iter().filter_map(|s| s.summary_in(lang)).map(|s| (s.slug.to_string(), s.title)).collect();
        all.sort_by_cached_key(|(_, t)| stadsporten_domain::search::swedish_order(t));
        all
    }

    /// Every published service in `lang` (or Swedish), by slug, from memory (the API's catalogue).
    pub fn all_services(&self, lang: Lang) -> Vec<ServiceSummary> {
        let snap = self.snapshot();
        let mut all: Vec<ServiceSummary> = snap.services.iter().filter_map(|s| s.summary_in(lang)).collect();
        all.sort_by(|a, b| a.slug.as_str().cmp(b.slug.as_str()));
        all
    }

    /// A published service's title in `lang` (or Swedish), from memory.
    pub fn service_title(&self, slug: &ServiceSlug, lang: Lang) -> Option<String> {
        let snap = self.snapshot();
        let s = snap.services.iter().find(|s| &s.slug == slug)?;
        s.texts_in(lang).map(|(_, t)| t.title.clone())
    }

    /// The most used services (pages seen and e-services started this month and the last), for
    /// the start page; ties in catalogue order.
    pub fn most_used_services(&self, lang: Lang, n: usize) -> Vec<ServiceSummary> {
        let snap = self.snapshot();
        let mut all: Vec<&ServiceRecord> = snap.services.iter().collect();
        all.sort_by_key(|s| std::cmp::Reverse(s.recent_use));
        all.into_iter().take(n).filter_map(|s| s.summary_in(lang)).collect()
    }

    /// How many services each life situation has, in display order (empty ones included).
    pub fn situation_counts(&self) -> SituationCounts {
        let snap = self.snapshot();
        LifeSituation::ALL
            .iter()
            .map(|&sit| (sit, snap.services.iter().filter(|s| s.situation == sit).count() as u32))
            .collect()
    }

    /// One service's page, read fresh, in `lang` or else Swedish. `None` when no such service.
    /// A service page's content in `lang` (or Swedish), kept in memory until the content changes.
    pub async fn service_details(&self, slug: &ServiceSlug, lang: Lang) -> Result<Option<ServiceDetails>> {
        let key = (slug.as_str().to_owned(), lang);
        self.memos.service_details.get_or_load(self, key, || self.service_details_uncached(slug, lang)).await
    }

    async fn service_details_uncached(&self, slug: &ServiceSlug, lang: Lang) -> Result<Option<ServiceDetails>> {
        let Some(row) = sqlx::query(&format!(
            "select {SERVICE_COLUMNS}, t.lang, t.title, t.summary, t.body, t.who_may_use, t.cost, t.help \
             from services s join service_translations t on t.service_id = s.id \
             where s.slug = $1 and s.published = 1 and t.lang in ($2, 'sv') \
             order by case when t.lang = $2 then 0 else 1 end limit 1"
        ))
        .bind(slug.as_str())
        .bind(lang.code())
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let situation: String = row.try_get("situation")?;
        let kind: String = row.try_get("provider_kind")?;
        let content_lang: String = row.try_get("lang")?;
        let channels: String = row.try_get("channels")?;
        Ok(Some(ServiceDetails {
            summary: ServiceSummary {
                slug: slug.clone(),
                title: row.try_get("title")?,
                summary: row.try_get("summary")?,
                situation: LifeSituation::parse(&situation).ok_or_else(|| corrupt("situation", &situation))?,
                audiences: audiences(row.try_get("for_residents")?, row.try_get("for_businesses")?),
                provider_name: row.try_get("provider_name")?,
                handling_days: days(&row)?,
                content_lang: Lang::parse(&content_lang).ok_or_else(|| corrupt("lang", &content_lang))?,
            },
            body: row.try_get("body")?,
            who_may_use: row.try_get("who_may_use")?,
            cost: row.try_get("cost")?,
            help: row.try_get("help")?,
            provider_kind: ProviderKind::parse(&kind).ok_or_else(|| corrupt("provider_kind", &kind))?,
            channels: channels.split(',').filter_map(Channel::parse).collect(),
            has_e_service: row.try_get::<i64, _>("has_e_service")? != 0,
            last_reviewed: row.try_get("last_reviewed")?,
            phone: row.try_get("phone")?,
            external_url: row.try_get::<Option<String>, _>("external_url")?.filter(|u| !u.is_empty()),
            contact_email: row.try_get::<Option<String>, _>("contact_email")?.filter(|e| !e.is_empty()),
        }))
    }

    /// Operating messages valid at `now` (Unix seconds), disruptions first, in `lang` or Swedish,
    /// with the services (slugs) and districts (unit codes) each concerns.
    pub async fn current_operating_messages(&self, lang: Lang, now: i64) -> Result<Vec<OperatingMessage>> {
        let rows = sqlx::query(
            "select m.id, m.severity, m.valid_from, m.valid_until, t.lang, t.title, t.body \
             from operating_messages m \
             join operating_message_translations t on t.message_id = m.id and t.lang in ($1, 'sv') \
             where m.valid_from <= $2 and m.valid_until > $2 \
             order by m.severity, m.valid_from desc, m.id, case when t.lang = $1 then 0 else 1 end",
        )
        .bind(lang.code())
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let targets = sqlx::query(
            "select t.message_id, t.kind, t.target, s.slug from operating_message_targets t \
             join operating_messages m on m.id = t.message_id \
             left join services s on t.kind = 'service' and cast(s.id as text) = t.target \
             where m.valid_from <= $1 and m.valid_until > $1 order by t.kind, t.target",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for row in rows {
            // Ordered so the requested language comes before the Swedish fallback for each message.
            let id: i64 = row.try_get("id")?;
            if !seen.insert(id) {
                continue;
            }
            let severity: String = row.try_get("severity")?;
            let content_lang: String = row.try_get("lang")?;
            let mut services = Vec::new();
            let mut districts = Vec::new();
            for t in targets.iter().filter(|t| t.try_get::<i64, _>("message_id").is_ok_and(|m| m == id)) {
                match t.try_get::<String, _>("kind")?.as_str() {
                    "service" => services
                        .extend(t.try_get::<Option<String>, _>("slug")?.and_then(|s| ServiceSlug::parse(&s).ok())),
                    _ => districts.push(t.try_get("target")?),
                }
            }
            out.push(OperatingMessage {
                title: row.try_get("title")?,
                body: row.try_get("body")?,
                severity: Severity::parse(&severity).ok_or_else(|| corrupt("severity", &severity))?,
                valid_from: row.try_get("valid_from")?,
                valid_until: row.try_get("valid_until")?,
                services,
                districts,
                content_lang: Lang::parse(&content_lang).ok_or_else(|| corrupt("lang", &content_lang))?,
            });
        }
        Ok(out)
    }
}
