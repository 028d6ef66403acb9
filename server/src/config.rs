//! Typed settings: `config/default.toml`, then `config/<STADSPORTEN_ENV>.toml`, then environment
//! variables (`STADSPORTEN__SECTION__KEY`), then the conventional `DATABASE_URL`.
//!
//! Policy: secrets are `SecretString` and never printed (their `Debug` is redacted); production
//! refuses to start with the development placeholder key.

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AppSettings {
    pub environment: Environment,
    pub seed_demo_content: bool,
    pub catalogue_refresh_seconds: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    /// `sqlite://…` or `postgres://…`; may hold a password, hence secret.
    pub url: SecretString,
    pub max_connections: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SessionSettings {
    pub key: SecretString,
    pub idle_timeout_minutes: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LogSettings {
    pub format: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub app: AppSettings,
    pub database: DatabaseSettings,
    pub session: SessionSettings,
    pub log: LogSettings,
}

const PLACEHOLDER_PREFIX: &str = "development-only";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("could not read settings: {0}")]
    Load(#[from] config::ConfigError),
    #[error("the session key is the development placeholder; set STADSPORTEN__SESSION__KEY")]
    PlaceholderKey,
    #[error("the session key must be at least 64 bytes")]
    ShortKey,
}

impl Settings {
    /// Loads settings from `dir` (normally `./config`) and the environment.
    pub fn load(dir: &std::path::Path) -> Result<Settings, ConfigError> {
        let env = std::env::var("STADSPORTEN_ENV").unwrap_or_else(|_| "development".into());
        let mut builder = config::Config::builder()
            .add_source(config::File::from(dir.join("default.toml")).required(false))
            .add_source(config::File::from(dir.join(format!("{env}.toml"))).required(false))
            .add_source(config::Environment::with_prefix("STADSPORTEN").prefix_separator("__").separator("__"));
        if let Ok(url) = std::env::var("DATABASE_URL") {
            builder = builder.set_override("database.url", url)?;
        }
        let settings: Settings = builder.build()?.try_deserialize()?;
        settings.check()?;
        Ok(settings)
    }

    fn check(&self) -> Result<(), ConfigError> {
        let key = self.session.key.expose_secret();
        if self.app.environment == Environment::Production && key.starts_with(PLACEHOLDER_PREFIX) {
            return Err(ConfigError::PlaceholderKey);
        }
        if key.len() < 64 {
            return Err(ConfigError::ShortKey);
        }
        Ok(())
    }

    /// The 64-byte cookie signing key derived from the configured secret.
    pub fn session_key(&self) -> [u8; 64] {
        let bytes = self.session.key.expose_secret().as_bytes();
        let mut key = [0u8; 64];
        // The secret is at least 64 bytes (checked at load); longer secrets are folded in.
        for (i, b) in bytes.iter().enumerate() {
            key[i % 64] ^= *b;
        }
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(env: Environment, key: &str) -> Settings {
        Settings {
            app: AppSettings { environment: env, seed_demo_content: false, catalogue_refresh_seconds: 60 },
            database: DatabaseSettings { url: SecretString::from("postgres://u:hunter2@h/db"), max_connections: 1 },
            session: SessionSettings { key: SecretString::from(key), idle_timeout_minutes: 30 },
            log: LogSettings { format: "json".into() },
        }
    }

    #[test]
    fn production_refuses_the_placeholder_key() {
        let placeholder = format!("{PLACEHOLDER_PREFIX}-{}", "x".repeat(64));
        assert!(matches!(settings(Environment::Production, &placeholder).check(), Err(ConfigError::PlaceholderKey)));
        assert!(settings(Environment::Development, &placeholder).check().is_ok());
        assert!(matches!(settings(Environment::Production, "short").check(), Err(ConfigError::ShortKey)));
    }

    #[test]
    fn secrets_are_not_printed() {
        let printed = format!("{:?}", settings(Environment::Production, &"k".repeat(64)));
        assert!(!printed.contains("hunter2"));
        assert!(!printed.contains(&"k".repeat(64)));
    }
}
