//! The business guide's rulesets: versioned TOML documents, validated before they are stored
//! (an invalid ruleset never reaches the table), the newest one used by the guide.
//!
//! Policy: versions only grow; a stored version is never replaced (a bundle names the version its
//! permits were derived with). The parsed newest ruleset is kept in memory and reloaded when a
//! newer version appears, so a guide page costs one small query, not a TOML parse.

use crate::{Result, Store};
use sqlx::Row;
use stadsporten_domain::business::guide::{Ruleset, RulesetError};
use stadsporten_domain::ids::UserId;
use std::sync::Arc;

/// The seeded ruleset (also read by tests).
pub const SEED_RULES: &str = include_str!("../seed/business/rules.toml");

/// What publishing a ruleset did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesetPublished {
    Published(u32),
    /// A version as new or newer is already stored.
    NotNewer {
        newest: u32,
    },
    Invalid(Vec<RulesetError>),
}

/// The newest ruleset with the content generation it was read in (`changes.rs`).
pub(crate) type RulesetCache = Arc<std::sync::RwLock<Option<(u64, Arc<Ruleset>)>>>;

impl Store {
    /// Validates and stores a ruleset as the newest version.
    pub async fn publish_ruleset(&self, source: &str, by: Option<UserId>, now: i64) -> Result<RulesetPublished> {
        let rules = match Ruleset::from_toml(source) {
            Ok(r) => r,
            Err(problems) => return Ok(RulesetPublished::Invalid(problems)),
        };
        let mut tx = self.begin_write().await?;
        let newest: Option<i64> =
            sqlx::query("select max(version) as v from business_rulesets").fetch_one(&mut *tx).await?.try_get("v")?;
        let newest = newest.unwrap_or(0);
        if i64::from(rules.version) <= newest {
            tx.rollback().await?;
            return Ok(RulesetPublished::NotNewer { newest: u32::try_from(newest).unwrap_or(0) });
        }
        sqlx::query(
            "insert into business_rulesets (version, source, published_at, published_by) values ($1, $2, $3, $4)",
        )
        .bind(i64::from(rules.version))
        .bind(source)
        .bind(now)
        .bind(by)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.changed(crate::changes::Topic::Content);
        Ok(RulesetPublished::Published(rules.version))
    }

    /// The newest ruleset, if any is stored.
    /// Kept in memory until the content generation moves (`changes.rs`): publishing a ruleset on
    /// any node moves it.
    pub async fn current_ruleset(&self) -> Result<Option<Arc<Ruleset>>> {
        let generation = self.generation(crate::changes::Topic::Content);
        if let Some((g, cached)) = self.ruleset_cache.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
            if *g == generation {
                return Ok(Some(cached.clone()));
            }
        }
        let newest: Option<i64> =
            sqlx::query("select max(version) as v from business_rulesets").fetch_one(&self.pool).await?.try_get("v")?;
        let Some(newest) = newest else { return Ok(None) };
        let Some(rules) = self.ruleset(u32::try_from(newest).unwrap_or(0)).await? else { return Ok(None) };
        let rules = Arc::new(rules);
        *self.ruleset_cache.write().unwrap_or_else(|e| e.into_inner()) = Some((generation, rules.clone()));
        Ok(Some(rules))
    }

    /// A stored version (what a bundle was derived with).
    pub async fn ruleset(&self, version: u32) -> Result<Option<Ruleset>> {
        let row = sqlx::query("select source from business_rulesets where version = $1")
            .bind(i64::from(version))
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let source: String = row.try_get("source")?;
        // Validated when stored; a failure here means the table was edited by hand.
        Ruleset::from_toml(&source)
            .map(Some)
            .map_err(|e| crate::DbError::CorruptRow(format!("business ruleset {version}: {e:?}")))
    }

    /// Publishes the seeded ruleset when no version as new is stored. Returns whether it did.
    pub async fn seed_business_rules(&self, now: i64) -> Result<bool> {
        match self.publish_ruleset(SEED_RULES, None, now).await? {
            RulesetPublished::Published(_) => Ok(true),
            RulesetPublished::NotNewer { .. } => Ok(false),
            RulesetPublished::Invalid(e) => Err(crate::DbError::Seed(format!("business/rules.toml: {e:?}"))),
        }
    }
}
