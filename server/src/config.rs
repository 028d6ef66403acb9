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

/// The audit trail (see `stadsporten_db::audit`): the key that links its chain and signs its
/// checkpoints, and how often pending entries are sealed into the chain.
#[derive(Debug, Clone, Deserialize)]
pub struct AuditSettings {
    /// At least 32 bytes; the development placeholder is refused in production.
    pub key: SecretString,
    pub seal_interval_seconds: u64,
}

impl Default for AuditSettings {
    fn default() -> Self {
        AuditSettings {
            key: SecretString::from(stadsporten_domain::audit::AuditKey::DEVELOPMENT),
            seal_interval_seconds: 2,
        }
    }
}

impl AuditSettings {
    pub fn key(&self) -> stadsporten_domain::audit::AuditKey {
        // Checked at load (`Settings::check`); the development key otherwise.
        stadsporten_domain::audit::AuditKey::parse(self.key.expose_secret())
            .unwrap_or_else(stadsporten_domain::audit::AuditKey::development)
    }
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
    pub absolute_timeout_minutes: i64,
    /// The warning before the idle time-out shows this long before it (WCAG 2.2.1).
    pub warn_before_minutes: i64,
}

impl SessionSettings {
    pub fn policy(&self) -> stadsporten_domain::session::SessionPolicy {
        stadsporten_domain::session::SessionPolicy {
            idle: self.idle_timeout_minutes * 60,
            absolute: self.absolute_timeout_minutes * 60,
            warn_before: self.warn_before_minutes * 60,
        }
    }
}

/// One OpenID Connect provider the service signs people in with.
#[derive(Debug, Clone, Deserialize)]
pub struct ProviderSettings {
    /// The issuer URL (its discovery document is at `{issuer}/.well-known/openid-configuration`),
    /// or `builtin` for the built-in test identity provider.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: SecretString,
    /// Scopes asked for besides `openid`.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// The ID-token claim holding the personnummer (residents' provider); empty when none.
    #[serde(default)]
    pub personal_number_claim: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AuthSettings {
    /// The address people reach the service at, e.g. `https://stadsporten.stockholm.se`; it
    /// makes the redirect URI `{public_url}/auth/callback`. Empty: `http://` + the bound address.
    #[serde(default)]
    pub public_url: String,
    /// Serve the built-in test identity provider under `/test-idp/`. Refused in production.
    pub test_idp: bool,
    /// Residents and businesses: an e-ID broker (BankID, Freja eID) in production.
    pub resident: ProviderSettings,
    /// Staff: the city's workforce identity provider.
    pub staff: ProviderSettings,
    /// How often each scope's access grants are reviewed.
    pub review_interval_days: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MailSettings {
    /// `smtp://host:port`, `smtps://user:pass@host` or `smtp+starttls://…`; empty: write `.eml`
    /// files into `folder` instead (development).
    pub smtp_url: SecretString,
    pub from: String,
    pub folder: String,
}

/// E-services: drafts, uploads, virus scanning, notifications.
#[derive(Debug, Clone, Deserialize)]
pub struct EServicesSettings {
    /// A draft is deleted this many days after it was last saved…
    pub draft_days: i64,
    /// …and its owner reminded this many days before.
    pub reminder_days: i64,
    /// The largest file accepted, in megabytes (larger uploads get 413 before they are read).
    pub max_upload_mb: usize,
    /// Where the filesystem file store keeps uploaded files.
    pub upload_folder: String,
    /// ClamAV's daemon: `tcp://host:3310` or `unix:///run/clamav/clamd.ctl`. Empty: files are
    /// not scanned (development only; production refuses to start without a scanner).
    pub clamd: String,
    /// How often the outbox worker looks for notifications to send.
    pub outbox_interval_seconds: u64,
}

/// The single window for entrepreneurs (bundles).
#[derive(Debug, Clone, Deserialize)]
pub struct BusinessSettings {
    /// Where the city sends referrals to outside authorities: the authority's key in the
    /// business rules (`polisen`, `brandforsvaret`) → its registry's e-mail address. An
    /// authority without an address gets no e-mail; its referral is then sent by hand and the
    /// coordinator sees that none was sent.
    #[serde(default)]
    pub referral_addresses: std::collections::BTreeMap<String, String>,
}

/// Comparing providers: where the honesty rules warn.
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct CompareSettings {
    /// Values resting on fewer respondents (or a smaller base) are flagged.
    pub min_respondents: u32,
    /// Survey values with a lower response rate (percent) are flagged.
    pub min_response_rate: f64,
}

/// Running as one node of several (docs/capacity.md, README "Production topology").
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ServerSettings {
    /// The load balancers in front, as addresses or networks (`10.0.0.5, 10.1.0.0/16`): from
    /// them, `X-Forwarded-For` names the client (the audit trail records the client, not the load
    /// balancer). Empty: the peer is the client.
    pub trusted_proxies: String,
    /// On SIGTERM, `/readyz` answers 503 this long before the node stops taking requests, so the
    /// load balancer takes it out of its pool first.
    pub drain_seconds: u64,
    /// Requests handled at once. One more waits up to `max_wait_ms` for its turn (first come,
    /// first served), then is refused with 503 and `Retry-After` instead of queueing until
    /// everything times out: the latency of the requests taken stays bounded.
    pub max_in_flight: usize,
    /// How long a request waits for a turn when `max_in_flight` are being handled.
    pub max_wait_ms: u64,
    /// Where uploaded files are kept: `folder` (`eservices.upload_folder`, one node), `database`
    /// (every node reaches them), or `auto`: `database` on PostgreSQL, `folder` on SQLite.
    pub file_storage: String,
    /// A name for this node in logs and job leases; empty: host name and process id.
    pub node_name: String,
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings {
            trusted_proxies: String::new(),
            drain_seconds: 0,
            max_in_flight: 32,
            max_wait_ms: 100,
            file_storage: "auto".into(),
            node_name: String::new(),
        }
    }
}

impl ServerSettings {
    /// The trusted proxies, parsed (checked at load).
    pub fn trusted_proxies(&self) -> Vec<IpNet> {
        self.trusted_proxies
            .split(',')
            .filter(|s| !s.trim().is_empty())
            .filter_map(|s| IpNet::parse(s.trim()))
            .collect()
    }
}

/// An address or a network (`192.0.2.0/24`, `2001:db8::/32`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IpNet {
    addr: std::net::IpAddr,
    prefix: u8,
}

impl IpNet {
    pub fn parse(s: &str) -> Option<IpNet> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a.parse::<std::net::IpAddr>().ok()?, Some(p.parse::<u8>().ok()?)),
            None => (s.parse().ok()?, None),
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max).then_some(IpNet { addr, prefix })
    }

    pub fn contains(&self, ip: std::net::IpAddr) -> bool {
        // An IPv4 client seen through an IPv6 socket (`::ffff:a.b.c.d`) is the IPv4 address.
        let ip = match ip {
            std::net::IpAddr::V6(v6) => v6.to_ipv4_mapped().map(std::net::IpAddr::V4).unwrap_or(ip),
            v4 => v4,
        };
        let p = u32::from(self.prefix);
        match (self.addr, ip) {
            (std::net::IpAddr::V4(net), std::net::IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - p).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (std::net::IpAddr::V6(net), std::net::IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - p).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
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
    pub auth: AuthSettings,
    pub mail: MailSettings,
    pub eservices: EServicesSettings,
    pub business: BusinessSettings,
    pub compare: CompareSettings,
    pub log: LogSettings,
    #[serde(default)]
    pub audit: AuditSettings,
    #[serde(default)]
    pub server: ServerSettings,
    #[serde(default)]
    pub measurement: MeasurementSettings,
    #[serde(default)]
    pub contact: ContactCentreSettings,
    #[serde(default)]
    pub sms: SmsSettings,
    #[serde(default)]
    pub security: SecuritySettings,
    #[serde(default)]
    pub rate_limits: RateLimitSettings,
    #[serde(default)]
    pub api: ApiSettings,
}

/// The API for the city's other systems (`/api/v1`, issue 22).
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ApiSettings {
    /// Calls a machine client may make a minute on each node; then 429 with `Retry-After`.
    pub requests_per_minute: u32,
    /// Development only (with the demo content and the test identity provider): a demo client
    /// `demo-sbk` with every scope of SBK and the catalogue, and this secret. Empty: none.
    pub demo_client_secret: String,
}

impl Default for ApiSettings {
    fn default() -> Self {
        ApiSettings { requests_per_minute: 600, demo_client_secret: String::new() }
    }
}

/// Information security (issue 21): the key files are encrypted with, HSTS, CSP reports and
/// security.txt.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SecuritySettings {
    /// The key-encryption key that wraps each encrypted file's own key (at least 32 bytes of
    /// secret; SHA-256 of it is the AES-256 key). Production refuses the placeholder and an empty
    /// one; development derives one from the session key when empty.
    pub file_key: SecretString,
    /// The name of `file_key`, written into each envelope so a rotated key is found again.
    pub file_key_id: String,
    /// Earlier keys by name: files wrapped with them still open after a rotation.
    pub previous_file_keys: std::collections::BTreeMap<String, SecretString>,
    /// `Strict-Transport-Security: max-age=…` when the public URL is https (0: not sent).
    pub hsts_max_age_seconds: u64,
    /// The share of CSP violation reports logged (0.0–1.0); the rest are only counted.
    pub csp_report_sample: f64,
    /// security.txt's `Contact` (a `mailto:` or `https:` URI) and `Policy` (empty: none).
    pub contact: String,
    pub policy: String,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            file_key: SecretString::from(""),
            file_key_id: "k1".into(),
            previous_file_keys: Default::default(),
            hsts_max_age_seconds: 31_536_000,
            csp_report_sample: 1.0,
            contact: "mailto:security@stockholm.example.se".into(),
            policy: String::new(),
        }
    }
}

/// Requests per minute per client address and per account, by class (issue 21; the classes are
/// `stadsporten_domain::security::rate`). All of a minute's requests may come at once.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct RateLimitSettings {
    /// Off only to measure what limiting costs (`bench/run.sh` before and after).
    pub enabled: bool,
    pub sign_in: u32,
    pub test_idp: u32,
    pub search: u32,
    pub upload: u32,
    pub submit: u32,
    pub api: u32,
    pub integration: u32,
}

impl Default for RateLimitSettings {
    fn default() -> Self {
        RateLimitSettings {
            enabled: true,
            sign_in: 20,
            test_idp: 60,
            search: 60,
            upload: 30,
            submit: 20,
            api: 600,
            integration: 1200,
        }
    }
}

impl RateLimitSettings {
    pub fn per_minute(&self, class: stadsporten_domain::security::rate::LimitClass) -> u32 {
        use stadsporten_domain::security::rate::LimitClass as C;
        match class {
            C::SignIn => self.sign_in,
            C::TestIdp => self.test_idp,
            C::Search => self.search,
            C::Upload => self.upload,
            C::Submit => self.submit,
            C::Api => self.api,
            C::Integration => self.integration,
        }
    }
}

/// The contact centre (issue 20): how a look-up is shown to the person, the call-back promise,
/// the telephony platforms' shared secrets.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct ContactCentreSettings {
    /// `unit-and-reference` (the person sees the agent's unit and the look-up's reference) or
    /// `agent-name` (the agent's name as well).
    pub lookup_shown_as: String,
    /// Opening hours (whole hours, Stockholm time, on working days) that call-back deadlines count.
    pub opens: u8,
    pub closes: u8,
    /// A call-back is promised within this many opening hours…
    pub callback_hours: u32,
    /// …or, for a queue named here, within its own number of hours.
    pub callback_hours_by_queue: std::collections::BTreeMap<String, u32>,
    /// After this many failed tries the caller gets an SMS and the promise ends.
    pub callback_attempts: u32,
    /// An agent holds a claimed call-back this many minutes.
    pub claim_minutes: u32,
    /// Telephony platforms and their shared secrets (at least 32 bytes each) for
    /// `/integrations/telephony/events`. A development placeholder is refused in production.
    pub telephony_secrets: std::collections::BTreeMap<String, SecretString>,
}

impl Default for ContactCentreSettings {
    fn default() -> Self {
        ContactCentreSettings {
            lookup_shown_as: "unit-and-reference".into(),
            opens: 8,
            closes: 17,
            callback_hours: 4,
            callback_hours_by_queue: Default::default(),
            callback_attempts: 3,
            claim_minutes: 15,
            telephony_secrets: Default::default(),
        }
    }
}

/// The SMS gateway (issue 20): an HTTP gateway in production, the log in development.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SmsSettings {
    /// The gateway's send URL. Empty: the development log gateway (refused in production).
    pub url: String,
    pub username: String,
    pub password: SecretString,
    /// The sender shown on the phone (at most 11 letters or a number).
    pub sender_id: String,
    /// The secret the gateway signs its delivery receipts with (HMAC-SHA256), for
    /// `/integrations/sms/receipts`.
    pub receipt_secret: SecretString,
}

impl Default for SmsSettings {
    fn default() -> Self {
        SmsSettings {
            url: String::new(),
            username: String::new(),
            password: SecretString::from(""),
            sender_id: "Stockholm".into(),
            receipt_secret: SecretString::from(""),
        }
    }
}

/// Measurement (issue 19): the demo's history, who may scrape `/metrics`, and the value report's
/// estimate of staff time per case.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct MeasurementSettings {
    /// With `seed_demo_content`: generate a year of closed case history so the figures show.
    pub seed_history: bool,
    /// Count journey events (steps reached, fields refused, …). Off only to measure what counting
    /// costs (`bench/forms.sh` before and after) or where the city decides not to measure.
    pub record_journeys: bool,
    /// Addresses (comma-separated, CIDR) that may read `/metrics` without a token.
    pub metrics_allow: String,
    /// A bearer token that may read `/metrics` from anywhere (empty: none).
    pub metrics_token: SecretString,
    /// Staff minutes per case handled manually (paper, e-mail, phone) and digitally.
    pub minutes_manual: u32,
    pub minutes_digital: u32,
}

impl Default for MeasurementSettings {
    fn default() -> Self {
        MeasurementSettings {
            seed_history: false,
            record_journeys: true,
            metrics_allow: "127.0.0.1/32, ::1/128".into(),
            metrics_token: SecretString::from(""),
            minutes_manual: 25,
            minutes_digital: 10,
        }
    }
}

impl MeasurementSettings {
    pub fn metrics_allow(&self) -> Vec<IpNet> {
        self.metrics_allow.split(',').filter_map(|s| IpNet::parse(s.trim())).collect()
    }
}

const PLACEHOLDER_PREFIX: &str = "development-only";

/// The telephony platform and secret development accepts when none is configured.
pub const DEVELOPMENT_TELEPHONY_PLATFORM: &str = "city-pbx";
pub const DEVELOPMENT_TELEPHONY_SECRET: &str = "development-only-telephony-secret-0123456789abcdef";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("could not read settings: {0}")]
    Load(#[from] config::ConfigError),
    #[error("the session key is the development placeholder; set STADSPORTEN__SESSION__KEY")]
    PlaceholderKey,
    #[error("the session key must be at least 64 bytes")]
    ShortKey,
    #[error("the audit key is the development placeholder; set STADSPORTEN__AUDIT__KEY")]
    PlaceholderAuditKey,
    #[error("the audit key must be at least 32 bytes")]
    ShortAuditKey,
    #[error(
        "the built-in test identity provider is for development only; set auth.test_idp = false and real providers"
    )]
    TestIdpInProduction,
    #[error("auth.{0}.issuer is `builtin` but auth.test_idp is false")]
    BuiltinWithoutTestIdp(&'static str),
    #[error("session time-outs must be positive, the warning shorter than the idle time-out")]
    Timeouts,
    #[error("production needs a virus scanner for uploads: set eservices.clamd")]
    NoScanner,
    #[error("e-service limits must be positive, the draft reminder shorter than the draft's life")]
    EServiceLimits,
    #[error("compare.min_response_rate must be 0–100")]
    CompareThresholds,
    #[error("server.trusted_proxies: `{0}` is not an address or network")]
    TrustedProxy(String),
    #[error("server.file_storage must be auto, folder or database")]
    FileStorage,
    #[error("server.max_in_flight must be positive")]
    MaxInFlight,
    #[error("contact: {0}")]
    Contact(&'static str),
    #[error("production needs a real SMS gateway: set sms.url (the log gateway sends nothing)")]
    LogSmsInProduction,
    #[error("production needs security.file_key (at least 32 bytes, not the placeholder)")]
    FileKey,
    #[error("security.csp_report_sample must be between 0 and 1")]
    CspSample,
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
        let mut settings: Settings = builder.build()?.try_deserialize()?;
        settings.development_defaults();
        settings.check()?;
        Ok(settings)
    }

    /// Development only: the telephony simulator's platform (`city-pbx`) with the placeholder
    /// secret, when no platform is configured. Production gets no platform it was not given.
    fn development_defaults(&mut self) {
        if self.app.environment == Environment::Development && self.contact.telephony_secrets.is_empty() {
            self.contact
                .telephony_secrets
                .insert(DEVELOPMENT_TELEPHONY_PLATFORM.into(), SecretString::from(DEVELOPMENT_TELEPHONY_SECRET));
        }
    }

    fn check(&self) -> Result<(), ConfigError> {
        let key = self.session.key.expose_secret();
        if self.app.environment == Environment::Production && key.starts_with(PLACEHOLDER_PREFIX) {
            return Err(ConfigError::PlaceholderKey);
        }
        if key.len() < 64 {
            return Err(ConfigError::ShortKey);
        }
        let production = self.app.environment == Environment::Production;
        let audit_key = self.audit.key.expose_secret();
        if production && audit_key.starts_with(PLACEHOLDER_PREFIX) {
            return Err(ConfigError::PlaceholderAuditKey);
        }
        if stadsporten_domain::audit::AuditKey::parse(audit_key).is_none() {
            return Err(ConfigError::ShortAuditKey);
        }
        let builtin = |p: &ProviderSettings| p.issuer == "builtin";
        if production && (self.auth.test_idp || builtin(&self.auth.resident) || builtin(&self.auth.staff)) {
            return Err(ConfigError::TestIdpInProduction);
        }
        for (name, p) in [("resident", &self.auth.resident), ("staff", &self.auth.staff)] {
            if builtin(p) && !self.auth.test_idp {
                return Err(ConfigError::BuiltinWithoutTestIdp(name));
            }
        }
        let s = &self.session;
        if s.idle_timeout_minutes <= 0
            || s.absolute_timeout_minutes < s.idle_timeout_minutes
            || s.warn_before_minutes <= 0
            || s.warn_before_minutes >= s.idle_timeout_minutes
        {
            return Err(ConfigError::Timeouts);
        }
        if production && self.eservices.clamd.trim().is_empty() {
            return Err(ConfigError::NoScanner);
        }
        let e = &self.eservices;
        if e.draft_days <= 0 || e.reminder_days <= 0 || e.reminder_days >= e.draft_days || e.max_upload_mb == 0 {
            return Err(ConfigError::EServiceLimits);
        }
        if !(0.0..=100.0).contains(&self.compare.min_response_rate) {
            return Err(ConfigError::CompareThresholds);
        }
        let server = &self.server;
        if let Some(bad) =
            server.trusted_proxies.split(',').map(str::trim).find(|p| !p.is_empty() && IpNet::parse(p).is_none())
        {
            return Err(ConfigError::TrustedProxy(bad.to_owned()));
        }
        if !matches!(server.file_storage.as_str(), "auto" | "folder" | "database") {
            return Err(ConfigError::FileStorage);
        }
        if server.max_in_flight == 0 {
            return Err(ConfigError::MaxInFlight);
        }
        let c = &self.contact;
        if stadsporten_domain::contact_centre::LookupShownAs::parse(&c.lookup_shown_as).is_none() {
            return Err(ConfigError::Contact("lookup_shown_as must be unit-and-reference or agent-name"));
        }
        if c.opens >= c.closes || c.closes > 24 || c.callback_hours == 0 || c.callback_attempts == 0 {
            return Err(ConfigError::Contact("opening hours, call-back hours and attempts must be positive"));
        }
        for secret in c.telephony_secrets.values().map(|s| s.expose_secret()) {
            if secret.len() < 32 || (production && secret.starts_with(PLACEHOLDER_PREFIX)) {
                return Err(ConfigError::Contact("each telephony secret: at least 32 bytes, not the placeholder"));
            }
        }
        if production && self.sms.url.trim().is_empty() {
            return Err(ConfigError::LogSmsInProduction);
        }
        let file_key = self.security.file_key.expose_secret();
        if (production && (file_key.len() < 32 || file_key.starts_with(PLACEHOLDER_PREFIX)))
            || (!file_key.is_empty() && file_key.len() < 32)
        {
            return Err(ConfigError::FileKey);
        }
        if !(0.0..=1.0).contains(&self.security.csp_report_sample) {
            return Err(ConfigError::CspSample);
        }
        Ok(())
    }

    /// The key that wraps encrypted files' keys: the configured one, or in development (where it
    /// may be empty) one derived from the session key, so files encrypted by one run open in the
    /// next. Production refuses to start without its own (`check`).
    pub fn file_key(&self) -> String {
        let configured = self.security.file_key.expose_secret();
        if !configured.is_empty() {
            return configured.to_owned();
        }
        use sha2::Digest as _;
        let derived = sha2::Sha256::digest(format!("file-key:{}", self.session.key.expose_secret()));
        derived.iter().map(|b| format!("{b:02x}")).collect()
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

    fn provider(issuer: &str) -> ProviderSettings {
        ProviderSettings {
            issuer: issuer.into(),
            client_id: "stadsporten".into(),
            client_secret: SecretString::from("client-secret-hunter3"),
            scopes: vec!["profile".into()],
            personal_number_claim: String::new(),
        }
    }

    fn settings(env: Environment, key: &str) -> Settings {
        let test_idp = env == Environment::Development;
        let issuer = if test_idp { "builtin" } else { "https://idp.example" };
        Settings {
            app: AppSettings { environment: env, seed_demo_content: false, catalogue_refresh_seconds: 60 },
            database: DatabaseSettings { url: SecretString::from("postgres://u:hunter2@h/db"), max_connections: 1 },
            session: SessionSettings {
                key: SecretString::from(key),
                idle_timeout_minutes: 30,
                absolute_timeout_minutes: 720,
                warn_before_minutes: 5,
            },
            auth: AuthSettings {
                public_url: String::new(),
                test_idp,
                resident: provider(issuer),
                staff: provider(issuer),
                review_interval_days: 182,
            },
            mail: MailSettings {
                smtp_url: SecretString::from(""),
                from: "Stadsporten <noreply@stadsporten.example>".into(),
                folder: "data/mail".into(),
            },
            eservices: EServicesSettings {
                draft_days: 30,
                reminder_days: 3,
                max_upload_mb: 10,
                upload_folder: "data/uploads".into(),
                clamd: if env == Environment::Production { "tcp://127.0.0.1:3310".into() } else { String::new() },
                outbox_interval_seconds: 5,
            },
            business: BusinessSettings { referral_addresses: Default::default() },
            compare: CompareSettings { min_respondents: 10, min_response_rate: 50.0 },
            log: LogSettings { format: "json".into() },
            audit: AuditSettings {
                key: SecretString::from(if env == Environment::Production {
                    "a-production-audit-key-from-the-secret-store-0123456789"
                } else {
                    stadsporten_domain::audit::AuditKey::DEVELOPMENT
                }),
                seal_interval_seconds: 2,
            },
            server: ServerSettings::default(),
            measurement: MeasurementSettings::default(),
            contact: ContactCentreSettings::default(),
            sms: SmsSettings {
                url: if env == Environment::Production { "https://sms.example/send".into() } else { String::new() },
                password: SecretString::from("sms-password-hunter4"),
                ..SmsSettings::default()
            },
            security: SecuritySettings {
                file_key: SecretString::from(if env == Environment::Production {
                    "a-production-file-key-from-the-secret-store-0123456789"
                } else {
                    ""
                }),
                ..SecuritySettings::default()
            },
            rate_limits: RateLimitSettings::default(),
            api: ApiSettings::default(),
        }
    }

    #[test]
    fn production_refuses_the_log_sms_gateway_and_weak_telephony_secrets() {
        let mut s = settings(Environment::Production, &"k".repeat(64));
        assert!(s.check().is_ok());
        s.sms.url = String::new();
        assert!(matches!(s.check(), Err(ConfigError::LogSmsInProduction)));
        let mut d = settings(Environment::Development, &"k".repeat(64));
        assert!(d.check().is_ok(), "development logs SMS");
        d.contact.telephony_secrets.insert("pbx".into(), SecretString::from("short"));
        assert!(matches!(d.check(), Err(ConfigError::Contact(_))));
        d.contact
            .telephony_secrets
            .insert("pbx".into(), SecretString::from(format!("{PLACEHOLDER_PREFIX}-{}", "x".repeat(32))));
        assert!(d.check().is_ok());
        let mut p = settings(Environment::Production, &"k".repeat(64));
        p.contact.telephony_secrets = d.contact.telephony_secrets.clone();
        assert!(matches!(p.check(), Err(ConfigError::Contact(_))), "the placeholder is refused in production");
        d.contact.lookup_shown_as = "everything".into();
        assert!(matches!(d.check(), Err(ConfigError::Contact(_))));
        // Development without a platform gets the simulator's; production gets none.
        let mut dev = settings(Environment::Development, &"k".repeat(64));
        dev.development_defaults();
        assert!(dev.contact.telephony_secrets.contains_key(DEVELOPMENT_TELEPHONY_PLATFORM));
        let mut prod = settings(Environment::Production, &"k".repeat(64));
        prod.development_defaults();
        assert!(prod.contact.telephony_secrets.is_empty() && prod.check().is_ok());
    }

    #[test]
    fn production_refuses_the_test_identity_provider() {
        let key = "k".repeat(64);
        let mut s = settings(Environment::Production, &key);
        assert!(s.check().is_ok());
        s.auth.test_idp = true;
        assert!(matches!(s.check(), Err(ConfigError::TestIdpInProduction)));
        s.auth.test_idp = false;
        s.auth.staff.issuer = "builtin".into();
        assert!(matches!(s.check(), Err(ConfigError::TestIdpInProduction)));
        let mut d = settings(Environment::Development, &key);
        d.auth.test_idp = false;
        assert!(matches!(d.check(), Err(ConfigError::BuiltinWithoutTestIdp("resident"))));
        let mut t = settings(Environment::Development, &key);
        t.session.warn_before_minutes = 30;
        assert!(matches!(t.check(), Err(ConfigError::Timeouts)));
    }

    #[test]
    fn production_refuses_the_placeholder_key() {
        let placeholder = format!("{PLACEHOLDER_PREFIX}-{}", "x".repeat(64));
        assert!(matches!(settings(Environment::Production, &placeholder).check(), Err(ConfigError::PlaceholderKey)));
        assert!(settings(Environment::Development, &placeholder).check().is_ok());
        assert!(matches!(settings(Environment::Production, "short").check(), Err(ConfigError::ShortKey)));
    }

    #[test]
    fn production_refuses_the_audit_keys_placeholder_and_a_short_one() {
        let mut s = settings(Environment::Production, &"k".repeat(64));
        assert!(s.check().is_ok());
        s.audit.key = SecretString::from(stadsporten_domain::audit::AuditKey::DEVELOPMENT);
        assert!(matches!(s.check(), Err(ConfigError::PlaceholderAuditKey)));
        s.audit.key = SecretString::from("too short for a key");
        assert!(matches!(s.check(), Err(ConfigError::ShortAuditKey)));
        let mut d = settings(Environment::Development, &"k".repeat(64));
        assert!(d.check().is_ok(), "development runs on the placeholder");
        d.audit.key = SecretString::from("short");
        assert!(matches!(d.check(), Err(ConfigError::ShortAuditKey)));
    }

    #[test]
    fn secrets_are_not_printed() {
        let printed = format!("{:?}", settings(Environment::Production, &"k".repeat(64)));
        assert!(!printed.contains("hunter2"));
        assert!(!printed.contains(&"k".repeat(64)));
        assert!(!printed.contains("hunter3"));
        assert!(!printed.contains("hunter4"));
    }
}

#[cfg(test)]
mod proxy_tests {
    use super::IpNet;

    #[test]
    fn networks_contain_their_addresses_only() {
        let net = IpNet::parse("10.1.0.0/16").unwrap();
        assert!(net.contains("10.1.200.3".parse().unwrap()));
        assert!(!net.contains("10.2.0.1".parse().unwrap()));
        assert!(net.contains("::ffff:10.1.0.9".parse().unwrap()), "IPv4 seen through an IPv6 socket");
        let one = IpNet::parse("127.0.0.1").unwrap();
        assert!(one.contains("127.0.0.1".parse().unwrap()) && !one.contains("127.0.0.2".parse().unwrap()));
        let v6 = IpNet::parse("2001:db8::/32").unwrap();
        assert!(v6.contains("2001:db8:1::5".parse().unwrap()) && !v6.contains("2001:db9::1".parse().unwrap()));
        assert!(IpNet::parse("0.0.0.0/0").unwrap().contains("192.0.2.1".parse().unwrap()));
        for bad in ["10.0.0.0/33", "example.org", "10.0.0.0/x"] {
            assert!(IpNet::parse(bad).is_none(), "{bad}");
        }
    }
}
