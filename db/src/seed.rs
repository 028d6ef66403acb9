//! Demo content for the embedded default, loaded in one transaction.
//!
//! The content lives in `seed/services.toml` (fictional texts in the shape of Stockholm's real
//! services). Seeding is idempotent and never overwrites the editors' work: a service missing from
//! the catalogue is added; a service no editor has touched (no versions) gets the languages and
//! the outbound link it lacks; a page an editor has saved is left alone. Operating messages are
//! seeded only into a catalogue that had none.

use crate::{DbError, Result, Store};
use serde::Deserialize;
use sqlx::Row;
use stadsporten_domain::{Audience, Channel, Lang, LifeSituation, ServiceSlug};
use std::collections::HashMap;

const SEED: &str = include_str!("../seed/services.toml");
/// The accessibility statement's known shortcomings, seeded into an empty list.
const ACCESSIBILITY: &str = include_str!("../seed/accessibility.toml");

#[derive(Deserialize)]
struct SeedAccessibility {
    shortcoming: Vec<SeedShortcoming>,
}

#[derive(Deserialize)]
struct SeedShortcoming {
    fix_by: Option<String>,
    #[serde(flatten)]
    texts: HashMap<String, SeedMessageTexts>,
}

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
    /// Another authority runs it: the page links out (`https://…`).
    #[serde(default)]
    external_url: Option<String>,
    #[serde(flatten)]
    texts: HashMap<String, stadsporten_domain::content::ServiceTexts>,
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
        if s.external_url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
            return Err(invalid(format!("{}: external_url must be https", s.slug)));
        }
    }
    Ok(file)
}

impl Store {
    /// Adds what the demo catalogue has and the database lacks (see the module's policy), then
    /// refreshes the snapshot. Returns the number of services added.
    pub async fn seed_demo_content(&self, now: i64) -> Result<usize> {
        let file = parse_seed()?;
        let mut tx = self.begin_write().await?;
        let messages: i64 =
            sqlx::query("select count(*) as n from operating_messages").fetch_one(&mut *tx).await?.try_get("n")?;
        let mut ids = HashMap::new();
        let mut added = 0;
        for s in &file.service {
            let existing = sqlx::query(
                "select s.id, (select count(*) from service_versions v where v.service_id = s.id) as versions \
                 from services s where s.seed_slug = $1",
            )
            .bind(&s.slug)
            .fetch_optional(&mut *tx)
            .await?;
            let id: i64 = match existing {
                Some(row) => {
                    let id: i64 = row.try_get("id")?;
                    ids.insert(s.slug.clone(), id);
                    if row.try_get::<i64, _>("versions")? > 0 {
                        continue; // an editor's page: theirs
                    }
                    if let Some(url) = &s.external_url {
                        sqlx::query("update services set external_url = $1 where id = $2 and external_url is null")
                            .bind(url)
                            .bind(id)
                            .execute(&mut *tx)
                            .await?;
                    }
                    id
                }
                None => {
                    added += 1;
                    let id: i64 = sqlx::query(
                        "insert into services (slug, situation, for_residents, for_businesses, provider_kind, provider_name, \
                         channels, handling_days, has_e_service, phone, monthly_users, last_reviewed, external_url, \
                         seed_slug) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $1) returning id",
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
                    .bind(s.external_url.as_deref())
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get("id")?;
                    ids.insert(s.slug.clone(), id);
                    id
                }
            };
            let have: Vec<String> = sqlx::query("select lang from service_translations where service_id = $1")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?
                .iter()
                .map(|r| r.try_get("lang"))
                .collect::<std::result::Result<_, _>>()?;
            for (lang, t) in s.texts.iter().filter(|(l, _)| !have.contains(l)) {
                crate::content::insert_texts(&mut tx, id, lang, t).await?;
            }
        }
        let file_messages = if messages == 0 { file.message.as_slice() } else { &[] };
        for m in file_messages {
            let service_id = m.service.as_ref().and_then(|slug| ids.get(slug).copied());
            let from = now + m.starts_in_hours * 3600;
            let id: i64 = sqlx::query(
                "insert into operating_messages (severity, valid_from, valid_until) values ($1, $2, $3) returning id",
            )
            .bind(&m.severity)
            .bind(from)
            .bind(from + m.lasts_hours * 3600)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
            if let Some(service_id) = service_id {
                sqlx::query(
                    "insert into operating_message_targets (message_id, kind, target) values ($1, 'service', $2)",
                )
                .bind(id)
                .bind(service_id.to_string())
                .execute(&mut *tx)
                .await?;
            }
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
        let shortcomings: i64 = sqlx::query("select count(*) as n from accessibility_shortcomings")
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
        if shortcomings == 0 {
            let file: SeedAccessibility = toml::from_str(ACCESSIBILITY).map_err(|e| invalid(e.to_string()))?;
            for sc in &file.shortcoming {
                let id: i64 = sqlx::query(
                    "insert into accessibility_shortcomings (fix_by, created_at, updated_by) values ($1, $2, null) \
                     returning id",
                )
                .bind(sc.fix_by.as_deref())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?
                .try_get("id")?;
                for (lang, t) in &sc.texts {
                    sqlx::query(
                        "insert into accessibility_shortcoming_translations (shortcoming_id, lang, title, body) \
                         values ($1, $2, $3, $4)",
                    )
                    .bind(id)
                    .bind(lang)
                    .bind(&t.title)
                    .bind(&t.body)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        tx.commit().await?;
        self.refresh_catalogue().await?;
        self.changed(crate::changes::Topic::Content);
        Ok(added)
    }
}

#[cfg(test)]
mod tests {
    use stadsporten_domain::Lang;

    #[test]
    fn the_seed_file_is_valid_and_large_enough() {
        let file = super::parse_seed().expect("seed parses");
        assert!(file.service.len() >= 40);
        let mut by_use: Vec<_> = file.service.iter().collect();
        by_use.sort_by_key(|s| std::cmp::Reverse(s.monthly_users));
        // Every language, everywhere: a page missing a shipped language fails here.
        for s in &file.service {
            for lang in Lang::ALL {
                assert!(s.texts.contains_key(lang.code()), "{} lacks {}", s.slug, lang.code());
            }
        }
        let a11y: super::SeedAccessibility = toml::from_str(super::ACCESSIBILITY).expect("accessibility seed parses");
        for (i, s) in a11y.shortcoming.iter().enumerate() {
            for lang in Lang::ALL {
                assert!(s.texts.contains_key(lang.code()), "shortcoming {} lacks {}", i + 1, lang.code());
            }
        }
        for (i, m) in file.message.iter().enumerate() {
            for lang in Lang::ALL {
                assert!(m.texts.contains_key(lang.code()), "message {} lacks {}", i + 1, lang.code());
            }
        }
    }
}
