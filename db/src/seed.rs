//! Demo content for the embedded default, loaded into an empty catalogue in one transaction.
//!
//! The content lives in `seed/services.toml` (fictional texts in the shape of Stockholm's real
//! services). Seeding is idempotent: it does nothing when any service exists.

use crate::{DbError, Result, Store};
use serde::Deserialize;
use sqlx::Row;
use stadsporten_domain::{Audience, Channel, Lang, LifeSituation, ServiceSlug};
use std::collections::HashMap;

const SEED: &str = include_str!("../seed/services.toml");

#[derive(Deserialize)]
struct SeedFile {
    service: Vec<SeedService>,
    #[serde(default)]
    message: Vec<SeedMessage>,
}

#[derive(Deserialize)]
struct SeedService {
    slug: String,
    situation: String,
    audiences: Vec<String>,
    provider_kind: String,
    provider_name: String,
    channels: Vec<String>,
    handling_days: Option<i64>,
    e_service: bool,
    monthly_users: i64,
    phone: Option<String>,
    last_reviewed: String,
    #[serde(flatten)]
    texts: HashMap<String, SeedTexts>,
}

#[derive(Deserialize)]
struct SeedTexts {
    title: String,
    summary: String,
    body: String,
    who_may_use: String,
    cost: String,
    help: String,
    #[serde(default)]
    keywords: String,
}

#[derive(Deserialize)]
struct SeedMessage {
    service: Option<String>,
    severity: String,
    starts_in_hours: i64,
    lasts_hours: i64,
    #[serde(flatten)]
    texts: HashMap<String, SeedMessageTexts>,
}

#[derive(Deserialize)]
struct SeedMessageTexts {
    title: String,
    body: String,
}

fn invalid(msg: String) -> DbError {
    DbError::Seed(msg)
}

/// Checks the seed file against the domain's vocabulary before anything is written.
fn parse_seed() -> Result<SeedFile> {
    let file: SeedFile = toml::from_str(SEED).map_err(|e| invalid(e.to_string()))?;
    for s in &file.service {
        ServiceSlug::parse(&s.slug).map_err(|_| invalid(format!("bad slug {}", s.slug)))?;
        LifeSituation::parse(&s.situation).ok_or_else(|| invalid(format!("{}: situation", s.slug)))?;
        if s.audiences.iter().any(|a| Audience::parse(a).is_none())
            || s.channels.iter().any(|c| Channel::parse(c).is_none())
        {
            return Err(invalid(format!("{}: audience or channel", s.slug)));
        }
        if !s.texts.contains_key("sv") || s.texts.keys().any(|l| Lang::parse(l).is_none()) {
            return Err(invalid(format!("{}: needs Swedish and only shipped languages", s.slug)));
        }
    }
    Ok(file)
}

impl Store {
    /// Loads the demo catalogue when the catalogue is empty, then refreshes the snapshot.
    /// Returns the number of services inserted (0 when the catalogue already had content).
    pub async fn seed_demo_content(&self, now: i64) -> Result<usize> {
        let file = parse_seed()?;
        let mut tx = self.begin_write().await?;
        let existing: i64 =
            sqlx::query("select count(*) as n from services").fetch_one(&mut *tx).await?.try_get("n")?;
        if existing > 0 {
            tx.rollback().await?;
            self.refresh_catalogue().await?;
            return Ok(0);
        }
        let mut ids = HashMap::new();
        for s in &file.service {
            let id: i64 = sqlx::query(
                "insert into services (slug, situation, for_residents, for_businesses, provider_kind, provider_name, \
                 channels, handling_days, has_e_service, phone, monthly_users, last_reviewed) \
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id",
            )
            .bind(&s.slug)
            .bind(&s.situation)
            .bind(i64::from(s.audiences.iter().any(|a| a == "privatperson")))
            .bind(i64::from(s.audiences.iter().any(|a| a == "foretag")))
            .bind(&s.provider_kind)
            .bind(&s.provider_name)
            .bind(s.channels.join(","))
            .bind(s.handling_days)
            .bind(i64::from(s.e_service))
            .bind(&s.phone)
            .bind(s.monthly_users)
            .bind(&s.last_reviewed)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
            ids.insert(s.slug.clone(), id);
            for (lang, t) in &s.texts {
                sqlx::query(
                    "insert into service_translations (service_id, lang, title, summary, body, who_may_use, cost, help, keywords) \
                     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(id)
                .bind(lang)
                .bind(&t.title)
                .bind(&t.summary)
                .bind(&t.body)
                .bind(&t.who_may_use)
                .bind(&t.cost)
                .bind(&t.help)
                .bind(&t.keywords)
                .execute(&mut *tx)
                .await?;
            }
        }
        for m in &file.message {
            let service_id = m.service.as_ref().and_then(|slug| ids.get(slug).copied());
            let from = now + m.starts_in_hours * 3600;
            let id: i64 = sqlx::query(
                "insert into operating_messages (service_id, severity, valid_from, valid_until) \
                 values ($1, $2, $3, $4) returning id",
            )
            .bind(service_id)
            .bind(&m.severity)
            .bind(from)
            .bind(from + m.lasts_hours * 3600)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
            for (lang, t) in &m.texts {
                sqlx::query(
                    "insert into operating_message_translations (message_id, lang, title, body) values ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(lang)
                .bind(&t.title)
                .bind(&t.body)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        self.refresh_catalogue().await?;
        self.changed(crate::changes::Topic::Content);
        Ok(file.service.len())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_seed_file_is_valid_and_large_enough() {
        let file = super::parse_seed().expect("seed parses");
        assert!(file.service.len() >= 40);
        let mut by_use: Vec<_> = file.service.iter().collect();
        by_use.sort_by_key(|s| std::cmp::Reverse(s.monthly_users));
        for s in by_use.iter().take(10) {
            assert_eq!(s.texts.len(), 4, "{}: the ten most used have Finnish and Arabic too", s.slug);
        }
        assert!(file.service.iter().all(|s| s.texts.contains_key("en")));
    }
}
