//! Building the application: store, router, middleware stack, background work. Used by `main` and
//! by the integration tests (`spawn_app`), so tests run exactly what production runs.

use crate::auth::oidc::{Provider, Providers};
use crate::auth::session::ProviderKind;
use crate::auth::test_idp::{self, TestClient, TestIdp};
use crate::auth::{csrf, oidc, session, AuthState};
use crate::config::{ProviderSettings, Settings};
use crate::{middleware, routes};
use axum::extract::FromRef;
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use secrecy::ExposeSecret;
use stadsporten_app::web::clock::Clock;
use stadsporten_app::web::pages::Pages;
use stadsporten_app::{shell, App};
use stadsporten_db::Store;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::{Key, SameSite};
use tower_sessions::{Expiry, SessionManagerLayer};

/// Every plain axum route (beside the Leptos pages and server functions), for the authorisation
/// matrix test, which fails when a route has no expected outcome. A unit test below keeps this
/// list equal to the router's.
pub const PLAIN_ROUTES: &[&str] = &[
    "/healthz",
    "/readyz",
    "/lang/{code}",
    "/lite/{mode}",
    "/auth/login",
    "/auth/callback",
    "/auth/logout",
    "/auth/extend",
    "/admin/audit/export.csv",
    "/test-idp/{realm}/.well-known/openid-configuration",
    "/test-idp/{realm}/jwks",
    "/test-idp/{realm}/authorize",
    "/test-idp/{realm}/authorize/choose",
    "/test-idp/{realm}/token",
    "/test-idp/{realm}/userinfo",
    "/test-idp/{realm}/logout",
    "/apply/{token}",
    "/forms/{token}/submit",
    "/forms/{token}/{step}",
    "/forms/{token}/{step}/remove",
    "/forms/{token}/{step}/upload",
    "/business/forms/{token}/facts",
    "/business/forms/{token}/documents/upload",
    "/business/forms/{token}/documents/remove",
    "/business/forms/{token}/submit",
    "/cases/{id}/messages",
    "/cases/{id}/completion",
    "/files/{id}",
    "/officer/assign",
    "/officer/export.csv",
    "/admin/services/upload",
    "/provider/units/{id}",
    "/admin/providers/import",
    "/open-data/providers.csv",
    "/open-data/provider-indicators.csv",
    "/open-data/providers.json",
    "/open-data/providers/dataset.json",
    "/admin/content/services",
    "/admin/content/services/{id}",
    "/admin/content/services/{id}/unpublish",
    "/admin/content/services/{id}/review",
    "/admin/content/services/{id}/versions/{number}/revert",
    "/admin/content/services/{id}/versions/{number}/publish",
    "/admin/content/services/{id}/versions/{number}/cancel",
    "/admin/content/messages",
    "/admin/content/messages/{id}",
    "/admin/content/messages/{id}/end",
    "/admin/content/accessibility",
    "/admin/content/accessibility/{id}",
    "/open-data/service-levels.csv",
    "/open-data/service-levels.json",
    "/stats/export.csv",
    "/stats/staff-survey",
    "/metrics",
    "/contact/errands",
    "/contact/lookup",
    "/contact/people/{id}/assist",
    "/contact/callbacks/{id}/claim",
    "/contact/callbacks/{id}/release",
    "/contact/callbacks/{id}/attempts",
    "/contact/directory/{id}/availability",
    "/contact/directory/{id}/transfer",
    "/contact/figures.csv",
    "/integrations/telephony/events",
    "/integrations/sms/receipts",
    "/.well-known/security.txt",
    "/csp-reports",
    "/admin/classification",
    "/incidents",
    "/incidents/export.csv",
    "/incidents/{id}/{action}",
    "/admin/protected",
    "/admin/protected/{id}/revoke",
    "/my/data/extract.json",
    "/my/data/extract.html",
    "/api/v1/oauth/token",
    "/api/v1/services",
    "/api/v1/operating-messages",
    "/api/v1/units/{unit}/cases",
    "/api/v1/cases/{number}",
    "/api/v1/webhooks",
    "/api/v1/webhooks/{id}",
    "/api/v1/webhooks/{id}/deliveries",
    "/api/v1/webhooks/{id}/deliveries/{delivery}/replay",
    "/api/v1/openapi.json",
    "/api/v1/docs",
    "/api/v1/{*rest}",
];

/// Shared state of the router.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Store,
    pub auth: Arc<AuthState>,
    pub pages: Pages,
    pub gate: middleware::Gate,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database: {0}")]
    Db(#[from] stadsporten_db::DbError),
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
    #[error("sign-in set-up: {0}")]
    Auth(String),
}

/// A built, bound, not yet running application.
pub struct Application {
    listener: TcpListener,
    router: Router,
    store: Store,
    gate: middleware::Gate,
    drain: Duration,
}

impl Application {
    /// Connects and migrates the database, seeds demo content when configured, binds the address
    /// in `leptos_options.site_addr` (port 0 picks a free one) and builds the router.
    pub async fn build(settings: &Settings, leptos_options: LeptosOptions) -> Result<Application, StartupError> {
        Self::build_with_clock(settings, leptos_options, Clock::system()).await
    }

    /// As [`Application::build`], with the clock the server and its sessions run on (tests move it).
    pub async fn build_with_clock(
        settings: &Settings,
        leptos_options: LeptosOptions,
        clock: Clock,
    ) -> Result<Application, StartupError> {
        let node = node_name(settings);
        let store = Store::connect(settings.database.url.expose_secret(), settings.database.max_connections)
            .await?
            .with_audit_key(settings.audit.key());
        store.set_journey_recording(settings.measurement.record_journeys);
        let listener = TcpListener::bind(leptos_options.site_addr).await?;
        let public_url = match settings.auth.public_url.trim_end_matches('/') {
            "" => format!("http://{}", listener.local_addr()?),
            url => url.to_owned(),
        };
        // Several nodes may start together: one seeds at a time, the others find it done.
        store.with_startup_lock(seed(settings, &store, &public_url, clock.now())).await?;
        // Other nodes' changes reach this node's caches (PostgreSQL; nothing to do on SQLite).
        {
            let store = store.clone();
            let url = settings.database.url.expose_secret().to_owned();
            tokio::spawn(async move { store.listen_for_changes(&url).await });
        }
        spawn_housekeeping(
            store.clone(),
            Duration::from_secs(settings.app.catalogue_refresh_seconds.max(5)),
            node.clone(),
        );
        spawn_audit_sealer(
            store.clone(),
            Duration::from_secs(settings.audit.seal_interval_seconds.max(1)),
            clock.clone(),
        );
        let settings_for_pages = stadsporten_app::context::ServiceSettings {
            review_interval: settings.auth.review_interval_days * 86_400,
            public_url: public_url.clone(),
            minutes_manual: settings.measurement.minutes_manual,
            minutes_digital: settings.measurement.minutes_digital,
            contact: stadsporten_app::settings::ContactSettings {
                lookup_shown_as: stadsporten_domain::contact_centre::LookupShownAs::parse(
                    &settings.contact.lookup_shown_as,
                )
                .unwrap_or(stadsporten_domain::contact_centre::LookupShownAs::UnitAndReference),
                opening: stadsporten_domain::contact_centre::OpeningHours {
                    opens: settings.contact.opens,
                    closes: settings.contact.closes,
                },
                callback_hours: settings.contact.callback_hours,
                callback_hours_by_queue: settings.contact.callback_hours_by_queue.clone(),
                callback_attempts: settings.contact.callback_attempts,
                claim_seconds: i64::from(settings.contact.claim_minutes) * 60,
            },
        };
        let mailer = stadsporten_app::mail::MailerHandle(Arc::new(
            crate::mail::LettreMailer::new(
                settings.mail.smtp_url.expose_secret(),
                &settings.mail.from,
                std::path::PathBuf::from(&settings.mail.folder),
            )
            .map_err(StartupError::Auth)?,
        ));
        let eservices = stadsporten_app::eservices::server::EServiceSettings {
            draft_seconds: settings.eservices.draft_days * 86_400,
            reminder_seconds: settings.eservices.reminder_days * 86_400,
            max_upload_bytes: settings.eservices.max_upload_mb * 1024 * 1024,
        };
        let file_store = file_store(&settings.server.file_storage, &store, &settings.eservices.upload_folder);
        let uploads = stadsporten_app::web::uploads::Uploads {
            store: file_store.clone(),
            scanner: (!settings.eservices.clamd.trim().is_empty())
                .then(|| stadsporten_app::web::uploads::Clamd::new(settings.eservices.clamd.trim())),
            max_bytes: eservices.max_upload_bytes,
            crypto: Arc::new(stadsporten_app::web::crypto::FileCrypto::new(
                &settings.security.file_key_id,
                &settings.file_key(),
                settings.security.previous_file_keys.iter().map(|(id, k)| (id.clone(), k.expose_secret().to_owned())),
            )),
        };
        let pages = Pages::new(stadsporten_app::web::pages::PageParts {
            options: leptos_options.clone(),
            store: store.clone(),
            settings: settings_for_pages,
            mailer: mailer.clone(),
            eservices,
            files: stadsporten_app::files::FilesHandle(file_store),
            compare: stadsporten_domain::compare::Thresholds {
                min_respondents: settings.compare.min_respondents,
                min_response_rate: settings.compare.min_response_rate,
            },
        });
        let auth = Arc::new(auth_state(settings, &public_url, store.clone(), clock, pages.clone())?);
        crate::notify::Notifier {
            store: store.clone(),
            mailer: mailer.0.clone(),
            // The HTTP gateway when configured; the labelled log gateway in development
            // (production refuses to start without a gateway: `config`).
            sms: if settings.sms.url.trim().is_empty() {
                Arc::new(crate::notify::LogSms)
            } else {
                Arc::new(crate::notify::HttpSms::new(&settings.sms, &public_url))
            },
            clock: auth.clock.clone(),
            public_url: public_url.clone(),
        }
        .spawn(Duration::from_secs(settings.eservices.outbox_interval_seconds.max(1)));
        // Events for other systems, beside the server, never in a request. Asked every half
        // second (one indexed read when idle), so an event waits at most that long for its turn.
        crate::webhooks::WebhookWorker::new(store.clone(), auth.clock.clone()).spawn(Duration::from_millis(500));
        spawn_content_publisher(store.clone(), auth.clock.clone(), node.clone());
        spawn_measurement(store.clone(), auth.clock.clone(), node.clone());
        spawn_eservice_housekeeping(store.clone(), uploads.clone(), eservices, auth.clock.clone(), node);
        let forms = Arc::new(stadsporten_app::web::FormState {
            store: store.clone(),
            pages: pages.clone(),
            uploads,
            settings: eservices,
            clock: auth.clock.clone(),
            referral_addresses: settings.business.referral_addresses.clone(),
            telephony_secrets: settings
                .contact
                .telephony_secrets
                .iter()
                .map(|(k, v)| (k.clone(), v.expose_secret().as_bytes().to_vec()))
                .collect(),
        });
        let gate =
            middleware::Gate::new(settings.server.max_in_flight, Duration::from_millis(settings.server.max_wait_ms));
        let router = router(settings, leptos_options, store.clone(), auth, pages, forms, gate.clone());
        let drain = Duration::from_secs(settings.server.drain_seconds);
        Ok(Application { listener, router, store, gate, drain })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Serves until SIGTERM or Ctrl-C, then finishes in-flight requests and closes the pool.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let store = self.store.clone();
        let (gate, drain) = (self.gate.clone(), self.drain);
        // Told to stop: first leave the load balancer's pool (`/healthz` answers 503 while the
        // node still serves), then stop taking connections and finish the requests under way.
        let stop = async move {
            shutdown_signal().await;
            gate.draining.store(true, std::sync::atomic::Ordering::Release);
            if !drain.is_zero() {
                tracing::info!(seconds = drain.as_secs(), "draining: leaving the load balancer's pool");
                tokio::time::sleep(drain).await;
            }
        };
        // With the peer address: the audit trail records where requests came from.
        axum::serve(self.listener, self.router.into_make_service_with_connect_info::<std::net::SocketAddr>())
            .with_graceful_shutdown(stop)
            .await?;
        // The journey counts still in memory (see spawn_measurement).
        if let Err(e) = store.flush_journeys().await {
            tracing::warn!(error = %e, "could not write the last journey counts");
        }
        store.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Seeds what ships with the code: the units and the business guide's rules always; the demo
/// catalogue, personas, e-services and providers when configured. Each step finds its work done
/// when it was (another node, an earlier start) and does nothing.
async fn seed(settings: &Settings, store: &Store, public_url: &str, now: i64) -> Result<(), stadsporten_db::DbError> {
    if settings.app.seed_demo_content {
        let n = store.seed_demo_content(time::OffsetDateTime::now_utc().unix_timestamp()).await?;
        if n > 0 {
            tracing::info!(services = n, "seeded demo content");
        }
    } else {
        store.refresh_catalogue().await?;
    }
    store.seed_units().await?;
    // The guide's rules ship with the code (like the units): a newer seeded version is published.
    if store.seed_business_rules(now).await? {
        tracing::info!("published the seeded business guide rules");
    }
    if settings.auth.test_idp && settings.app.seed_demo_content {
        let eid = test_idp::issuer(public_url, ProviderKind::Resident);
        let staff = test_idp::issuer(public_url, ProviderKind::Staff);
        let n = store.seed_personas(&eid, &staff, now).await?;
        if n > 0 {
            tracing::info!(personas = n, "seeded demo personas");
        }
        // The API's demo client, like the personas: development only.
        let secret = settings.api.demo_client_secret.trim();
        if !secret.is_empty() && store.active_api_client(DEMO_API_CLIENT).await?.is_none() {
            let scopes = stadsporten_domain::api::Scopes::parse(DEMO_API_SCOPES)
                .map_err(|e| stadsporten_db::DbError::CorruptRow(format!("demo client scopes: {e}")))?;
            let hash = stadsporten_domain::api::secret_hash(secret);
            match store.register_api_client(DEMO_API_CLIENT, "Demo: SBK:s ärendesystem", &hash, &scopes, now).await {
                Ok(()) => tracing::info!(client = DEMO_API_CLIENT, "seeded the API's demo client"),
                // Another node seeded it first, or it was revoked: leave it.
                Err(stadsporten_db::DbError::Conflict) => {}
                Err(e) => return Err(e),
            }
        }
    }
    if settings.app.seed_demo_content {
        let n = store.seed_eservices(now).await?;
        if n > 0 {
            tracing::info!(eservices = n, "seeded demo e-services");
        }
        let n = store.seed_compare(now).await?;
        if n > 0 {
            tracing::info!(units = n, "seeded provider units for comparing");
        }
        let n = store.seed_contact_centre(now).await?;
        if n > 0 {
            tracing::info!(entries = n, "seeded the contact centre's directory");
        }
        let n = store.seed_security(now).await?;
        if n > 0 {
            tracing::info!(classifications = n, "seeded the information owners' classifications");
        }
        if settings.measurement.seed_history {
            let n = store.seed_history(now).await?;
            if n > 0 {
                tracing::info!(cases = n, "seeded a year of case history for the figures");
            }
        }
    }
    Ok(())
}

/// The API's demo client (development only) and its scopes.
pub const DEMO_API_CLIENT: &str = "demo-sbk";
const DEMO_API_SCOPES: &str = "catalogue:read providers:read cases:write:SBK";

/// Where uploaded files are kept (`server.file_storage`): in the database, which every node
/// reaches (`database`, and `auto` on PostgreSQL), or in a folder of this node (`folder`, and
/// `auto` on SQLite, the single-node default).
pub fn file_store(storage: &str, store: &Store, folder: &str) -> Arc<dyn stadsporten_app::files::FileStore> {
    match (storage, store.backend()) {
        ("database", _) | ("auto", stadsporten_db::Backend::Postgres) => {
            Arc::new(stadsporten_app::web::uploads::DbStore::new(store.clone()))
        }
        _ => Arc::new(stadsporten_app::web::uploads::FsStore::new(folder)),
    }
}

/// This node's name in logs and job leases.
fn node_name(settings: &Settings) -> String {
    match settings.server.node_name.trim() {
        "" => {
            let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
            format!("{}:{}", host.trim(), std::process::id())
        }
        name => name.to_owned(),
    }
}

/// The sign-in machinery: providers (the built-in test provider's issuers when configured so), the
/// session policy and the clock.
fn auth_state(
    settings: &Settings,
    public_url: &str,
    store: Store,
    clock: Clock,
    pages: Pages,
) -> Result<AuthState, StartupError> {
    let provider = |kind: ProviderKind, p: &ProviderSettings| {
        let issuer = if p.issuer == "builtin" { test_idp::issuer(public_url, kind) } else { p.issuer.clone() };
        Provider::new(kind, issuer.trim_end_matches('/').to_owned(), p.clone())
    };
    let providers = Providers {
        resident: provider(ProviderKind::Resident, &settings.auth.resident),
        staff: provider(ProviderKind::Staff, &settings.auth.staff),
    };
    let test_idp = if settings.auth.test_idp {
        let clients = [(ProviderKind::Resident, &settings.auth.resident), (ProviderKind::Staff, &settings.auth.staff)]
            .into_iter()
            .filter(|(_, p)| p.issuer == "builtin")
            .map(|(realm, p)| TestClient {
                realm,
                client_id: p.client_id.clone(),
                client_secret: p.client_secret.expose_secret().to_owned(),
                redirect_uri: format!("{public_url}/auth/callback"),
                personal_number_claim: p.personal_number_claim.clone(),
            })
            .collect();
        Some(TestIdp::new(public_url, clients, &settings.session_key()).map_err(StartupError::Auth)?)
    } else {
        None
    };
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| StartupError::Auth(e.to_string()))?;
    Ok(AuthState {
        store,
        clock,
        policy: settings.session.policy(),
        public_url: public_url.to_owned(),
        providers,
        test_idp,
        http,
        pages,
    })
}

fn router(
    settings: &Settings,
    leptos_options: LeptosOptions,
    store: Store,
    auth: Arc<AuthState>,
    pages: Pages,
    forms: Arc<stadsporten_app::web::FormState>,
    gate: middleware::Gate,
) -> Router {
    let state = AppState {
        leptos_options: leptos_options.clone(),
        store: store.clone(),
        auth: auth.clone(),
        pages: pages.clone(),
        gate: gate.clone(),
    };
    let routes = generate_route_list(App);
    let sessions = SessionManagerLayer::new(store.clone())
        .with_name(session::SESSION_COOKIE)
        .with_secure(true)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        // The real limits (idle, absolute) are judged on every request by `auth::session` with the
        // injectable clock; this expiry only lets the store forget sessions nobody will come back to.
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(settings.session.absolute_timeout_minutes)))
        .with_signed(Key::from(&settings.session_key()));
    let (context_pages, fallback_pages) = (pages.clone(), pages.clone());
    let upload_limit = forms.uploads.max_bytes + 256 * 1024;
    // Real providers' origins, for the CSP's form-action (sign-out redirects to them).
    let form_action_extra: String = [&auth.providers.resident.issuer, &auth.providers.staff.issuer]
        .into_iter()
        .filter(|i| !i.starts_with(&auth.public_url))
        .filter_map(|i| url::Url::parse(i).ok())
        .map(|u| format!(" {}", u.origin().ascii_serialization()))
        .collect();
    let front = middleware::Front {
        form_action_extra,
        trusted_proxies: Arc::new(settings.server.trusted_proxies()),
        page_cache: crate::page_cache::PageCache::default(),
        store: store.clone(),
        clock: auth.clock.clone(),
        served_by: Some(settings.server.node_name.trim())
            .filter(|n| !n.is_empty())
            .and_then(|n| axum::http::HeaderValue::from_str(n).ok()),
        // HSTS only where the site is reached over TLS: sent over plain HTTP it is ignored, and
        // a development machine must stay reachable without a certificate.
        hsts: (auth.public_url.starts_with("https://") && settings.security.hsts_max_age_seconds > 0)
            .then(|| format!("max-age={}; includeSubDomains", settings.security.hsts_max_age_seconds))
            .and_then(|v| axum::http::HeaderValue::from_str(&v).ok()),
    };
    let limiter = crate::rate_limit::RateLimiter::new(&settings.rate_limits, store.clone(), auth.clock.clone());
    limiter.spawn_housekeeping();
    let security = Router::new()
        .route("/.well-known/security.txt", get(crate::security_routes::security_txt))
        .route("/csp-reports", post(crate::security_routes::csp_report))
        .layer(axum::extract::DefaultBodyLimit::max(stadsporten_domain::security::csp::MAX_REPORT_BYTES))
        .with_state(crate::security_routes::SecurityState {
            public_url: auth.public_url.clone(),
            contact: settings.security.contact.clone(),
            policy: settings.security.policy.clone(),
            sample: settings.security.csp_report_sample,
            clock: auth.clock.clone(),
        });
    let auth_routes: Router<AppState> = Router::new()
        .route("/auth/login", get(oidc::login))
        .route("/auth/callback", get(oidc::callback))
        .route("/auth/logout", post(oidc::logout))
        .route("/auth/extend", get(oidc::extend))
        .route("/test-idp/{realm}/.well-known/openid-configuration", get(test_idp::discovery))
        .route("/test-idp/{realm}/jwks", get(test_idp::jwks))
        .route("/test-idp/{realm}/authorize", get(test_idp::authorize))
        .route("/test-idp/{realm}/authorize/choose", post(test_idp::choose))
        .route("/test-idp/{realm}/token", post(test_idp::token))
        .route("/test-idp/{realm}/userinfo", get(test_idp::userinfo))
        .route("/test-idp/{realm}/logout", get(test_idp::logout));
    // Each feature's plain routes (form posts with files, downloads, exports, open data), from its
    // folder in `stadsporten_app`.
    let feature_routes: Router<AppState> = Router::new()
        .merge(stadsporten_app::eservices::routes::routes())
        .merge(stadsporten_app::bundles::routes::routes())
        .merge(stadsporten_app::cases::routes::routes())
        .merge(stadsporten_app::officer::routes::routes())
        .merge(stadsporten_app::provider::routes::routes())
        .merge(stadsporten_app::admin::routes::routes())
        .merge(stadsporten_app::compare::routes::routes())
        .merge(stadsporten_app::content::routes::routes())
        .merge(stadsporten_app::stats::routes::routes())
        .merge(stadsporten_app::contact::routes::routes())
        .merge(stadsporten_app::security::routes::routes())
        .merge(stadsporten_app::records::routes::routes())
        .layer(axum::extract::DefaultBodyLimit::max(upload_limit))
        .with_state(forms);
    let metrics =
        Router::new().route("/metrics", get(crate::metrics::metrics)).with_state(crate::metrics::MetricsState {
            store: store.clone(),
            gate: gate.clone(),
            allow: Arc::new(settings.measurement.metrics_allow()),
            token: settings.measurement.metrics_token.clone(),
            clock: auth.clock.clone(),
        });
    let receipts = Router::new().route("/integrations/sms/receipts", post(crate::notify::sms_receipt)).with_state(
        crate::notify::ReceiptState {
            store: store.clone(),
            clock: auth.clock.clone(),
            secret: settings.sms.receipt_secret.expose_secret().as_bytes().to_vec(),
        },
    );
    let api = stadsporten_app::api::routes::routes(stadsporten_app::api::ApiState {
        store: store.clone(),
        limiter: stadsporten_app::api::auth::ClientLimiter::new(settings.api.requests_per_minute),
        public_url: auth.public_url.clone(),
        allow_http_receivers: settings.app.environment == crate::config::Environment::Development,
    });
    Router::new()
        .merge(metrics)
        .merge(receipts)
        .merge(api)
        .merge(security)
        .route("/healthz", get(routes::healthz))
        .route("/readyz", get(routes::readyz))
        .route("/lang/{code}", get(routes::choose_language))
        .route("/lite/{mode}", get(routes::choose_lite))
        .merge(auth_routes)
        .merge(feature_routes)
        .leptos_routes_with_context(
            &state,
            routes,
            move || context_pages.provide_contexts(),
            {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            move || fallback_pages.provide_contexts(),
            shell,
        ))
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(pages, middleware::server_fn_errors))
        .layer(axum::middleware::from_fn_with_state(limiter, crate::rate_limit::limit))
        .layer(axum::middleware::from_fn_with_state(auth.clone(), csrf::check))
        .layer(axum::middleware::from_fn_with_state(auth, session::load_viewer))
        .layer(sessions)
        .layer(axum::middleware::from_fn_with_state(gate, middleware::admit))
        .layer(axum::middleware::from_fn_with_state(front, middleware::request_context))
        .layer(axum::middleware::from_fn(crate::metrics::observe))
        // Pages are compressed on the fly with brotli 4: level 5 and above switch to a costlier
        // match finder that took a quarter of the server's CPU at load for 7 % smaller pages
        // (docs/benchmarks.md). Assets are precompressed at build time with brotli 11.
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(4)))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &axum::http::Request<_>| {
                    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
                    // The path only: query strings may carry search text and, later, personal data.
                    tracing::info_span!("http", http.request_id = %id, http.method = %req.method(), http.path = %req.uri().path())
                })
                // A 503 (overload, the database away) is expected and counted where it is
                // decided; a line per refused request under overload costs more than it tells.
                .on_failure(
                    |class: tower_http::classify::ServerErrorsFailureClass,
                     latency: Duration,
                     _span: &tracing::Span| {
                        if !matches!(class, tower_http::classify::ServerErrorsFailureClass::StatusCode(s) if s == 503) {
                            tracing::error!(classification = %class, latency_ms = latency.as_millis() as u64, "response failed");
                        }
                    },
                ),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        // Outermost, so no layer (compression above all) wraps the empty body.
        .layer(axum::middleware::from_fn(middleware::refuse_connect))
}

/// Seals pending audit entries into the chain every few seconds (one sealer at a time across
/// nodes; see `stadsporten_db::audit`). A failure is an operational alarm: entries wait, safe, in
/// the pending table until the next round.
fn spawn_audit_sealer(store: Store, every: Duration, clock: Clock) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(e) = store.seal_audit(clock.now()).await {
                tracing::error!(error = %e, "could not seal the audit trail");
            }
        }
    });
}

/// Reloads the catalogue snapshot and removes expired sessions, forever.
fn spawn_housekeeping(store: Store, every: Duration, node: String) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.tick().await;
        loop {
            tick.tick().await;
            // Every node keeps its own catalogue snapshot (the safety net behind change notices).
            if let Err(e) = store.refresh_catalogue().await {
                tracing::warn!(error = %e, "catalogue refresh failed");
            }
            if holds_lease(&store, "session-clean-up", &node, every).await {
                if let Err(e) = store.delete_expired_sessions().await {
                    tracing::warn!(error = %e, "session clean-up failed");
                }
            }
        }
    });
}

/// Whether this node runs this round of `job` (`stadsporten_db::jobs`): the lease lasts a little
/// longer than a round, so the holder keeps it while it lives and another node takes over when
/// it dies.
async fn holds_lease(store: &Store, job: &str, node: &str, every: Duration) -> bool {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let seconds = i64::try_from(every.as_secs()).unwrap_or(60).saturating_mul(2).max(10);
    match store.take_job_lease(job, node, now, seconds).await {
        Ok(held) => held,
        Err(e) => {
            tracing::warn!(error = %e, job, "could not take a job lease");
            false
        }
    }
}

/// Publishes the service pages whose scheduled time has come, one node at a time (a job lease);
/// each publication commits with its audit entry (by the system, naming the page and version).
/// Other nodes see it through the content notice; a page is late by at most one round.
fn spawn_content_publisher(store: Store, clock: Clock, node: String) {
    tokio::spawn(async move {
        let every = Duration::from_secs(15);
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if !holds_lease(&store, "content-publisher", &node, every).await {
                continue;
            }
            let now = clock.now();
            let entry = stadsporten_domain::audit::AuditEntry {
                at: now,
                actor_id: None,
                acting_for: None,
                role: Some("system".into()),
                action: stadsporten_domain::audit::AuditAction::Publish,
                object_type: "service-page".into(),
                object_id: None,
                outcome: stadsporten_domain::audit::Outcome::Success,
                reason: None,
                request_id: None,
                client_addr: None,
            };
            match store.publish_due_versions(&entry, now).await {
                Ok(n) if n > 0 => tracing::info!(pages = n, "published scheduled service pages"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "scheduled publication failed"),
            }
        }
    });
}

/// Measurement: every few seconds each node writes the journey counts it gathered (adding to
/// the others'); every minute one node (a job lease) rebuilds the current and the previous
/// month's roll-ups from the cases, and the first time it holds the lease, the last thirteen
/// months (figures that predate this node's start, or this feature).
fn spawn_measurement(store: Store, clock: Clock, node: String) {
    {
        let store = store.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(5));
            loop {
                tick.tick().await;
                if let Err(e) = store.flush_journeys().await {
                    tracing::warn!(error = %e, "could not write journey counts; kept for the next round");
                }
            }
        });
    }
    tokio::spawn(async move {
        let every = Duration::from_secs(60);
        let mut tick = tokio::time::interval(every);
        let mut months_back = 12;
        loop {
            tick.tick().await;
            if !holds_lease(&store, "figures-rollup", &node, every).await {
                continue;
            }
            let now = stadsporten_domain::measure::Month::at(clock.now());
            match store.rebuild_rollups(&now.plus(-months_back).through(now)).await {
                Ok(()) => months_back = 1,
                Err(e) => tracing::warn!(error = %e, "could not rebuild the figures' roll-ups"),
            }
        }
    });
}

/// Draft reminders and expiry, rescans of files held while the scanner was away, and the
/// reminders and lapse of offers in decisions: one node
/// at a time (a job lease).
fn spawn_eservice_housekeeping(
    store: Store,
    uploads: stadsporten_app::web::uploads::Uploads,
    settings: stadsporten_app::eservices::server::EServiceSettings,
    clock: Clock,
    node: String,
) {
    tokio::spawn(async move {
        let every = Duration::from_secs(60);
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if !holds_lease(&store, "eservice-housekeeping", &node, every).await {
                continue;
            }
            let now = clock.now();
            match store.remind_expiring_drafts(now, settings.reminder_seconds).await {
                Ok(n) if n > 0 => tracing::info!(drafts = n, "reminded owners of expiring drafts"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "draft reminders failed"),
            }
            match store.expire_drafts(now).await {
                Ok(keys) => {
                    for k in &keys {
                        let _ = uploads.store.delete(k).await;
                    }
                }
                Err(e) => tracing::warn!(error = %e, "draft expiry failed"),
            }
            stadsporten_app::web::uploads::rescan_held(&store, &uploads, now).await;
            // Offers in decisions: one reminder before the reply-by date, then the lapse, each
            // in the audit trail as the system's change to the case.
            let entry = stadsporten_domain::audit::AuditEntry {
                at: now,
                actor_id: None,
                acting_for: None,
                role: Some("system".into()),
                action: stadsporten_domain::audit::AuditAction::Update,
                object_type: "case-offer".into(),
                object_id: None,
                outcome: stadsporten_domain::audit::Outcome::Success,
                reason: None,
                request_id: None,
                client_addr: None,
            };
            match store.remind_offers(&entry, now).await {
                Ok(n) if n > 0 => tracing::info!(offers = n, "reminded applicants of unanswered offers"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "offer reminders failed"),
            }
            match store.lapse_offers(&entry, now).await {
                Ok(n) if n > 0 => tracing::info!(offers = n, "offers lapsed unanswered"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "offer lapse failed"),
            }
            // Personal-data breaches: the IMY clock's reminders to the security officers.
            match store.send_incident_reminders(now).await {
                Ok(n) if n > 0 => tracing::info!(incidents = n, "reminded the security officers of the IMY deadline"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "incident reminders failed"),
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_list_of_plain_routes_is_the_routers() {
        // The server's own routes, and every feature's `routes.rs` in the app.
        let mut sources = vec![include_str!("startup.rs").to_owned()];
        let app = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src");
        for feature in std::fs::read_dir(&app).unwrap().flatten() {
            if let Ok(text) = std::fs::read_to_string(feature.path().join("routes.rs")) {
                sources.push(text);
            }
        }
        let routed: Vec<&str> = sources
            .iter()
            .flat_map(|source| source.split(".route(\"").skip(1).filter_map(|rest| rest.split('"').next()))
            .collect();
        assert!(!routed.is_empty());
        for r in &routed {
            assert!(super::PLAIN_ROUTES.contains(r), "{r} is routed but not in PLAIN_ROUTES");
        }
        for r in super::PLAIN_ROUTES {
            assert!(routed.contains(r), "{r} is in PLAIN_ROUTES but not routed");
        }
    }
}
