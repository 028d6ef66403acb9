//! Sign-in with OpenID Connect (the relying party), as plain axum routes so every step is a
//! redirect that works without JavaScript:
//!
//! - `GET /auth/login?as=resident|staff&to=/path` starts the authorization code flow with PKCE
//!   (S256), `state` and `nonce`, remembered in the session.
//! - `GET /auth/callback` checks `state`, exchanges the code, validates the ID token (signature
//!   from the provider's JWKS, issuer, audience, expiry, nonce), finds or creates the user by
//!   (issuer, subject), cycles the session id and starts the signed-in session.
//! - `POST /auth/logout` ends the server-side session, then the provider's session when it offers
//!   RP-initiated logout.
//!
//! Policy: every failure is a translated page (never a 500) and an audit entry whose reason names
//! the check that failed. Codes, tokens and the personnummer are never logged.

use crate::auth::session::{PendingLogin, ProviderKind, SessionAuth, AUTH_KEY, LOGIN_KEY};
use crate::auth::AuthState;
use crate::config::ProviderSettings;
use axum::extract::{Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use base64::Engine as _;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreIdToken, CoreJwsSigningAlgorithm, CoreProviderMetadata,
};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse as _,
};
use secrecy::ExposeSecret;
use serde::Deserialize;
use stadsporten_app::context::RequestContext;
use stadsporten_app::error::AppError;
use stadsporten_db::{UserKind, VerifiedClaims};
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::identity::PersonalIdentityNumber;
use stadsporten_domain::redirect::LocalPath;
use stadsporten_domain::security::assurance::Assurance;
use std::sync::Arc;
use tokio::sync::RwLock;
use tower_sessions::Session;

/// How long a provider's discovery document and keys are trusted before they are fetched again.
const DISCOVERY_TTL: i64 = 3600;
/// How long a sign-in may take at the provider.
const LOGIN_TTL: i64 = 15 * 60;

/// One configured provider with its discovery document, fetched when first needed.
pub struct Provider {
    pub kind: ProviderKind,
    pub issuer: String,
    pub settings: ProviderSettings,
    discovered: RwLock<Option<Discovered>>,
}

#[derive(Clone)]
struct Discovered {
    metadata: CoreProviderMetadata,
    end_session_endpoint: Option<String>,
    fetched_at: i64,
}

/// Why a sign-in failed: the audit reason and what the person is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInFailure {
    NoSignInInProgress,
    StateMismatch,
    Cancelled,
    ProviderUnavailable,
    CodeRefused,
    NoIdToken,
    Issuer,
    Audience,
    Expired,
    Nonce,
    Signature,
    InvalidToken,
    PersonalNumber,
    Storage,
}

impl SignInFailure {
    pub fn reason(self) -> &'static str {
        match self {
            SignInFailure::NoSignInInProgress => "no-sign-in-in-progress",
            SignInFailure::StateMismatch => "state-mismatch",
            SignInFailure::Cancelled => "cancelled-at-provider",
            SignInFailure::ProviderUnavailable => "provider-unavailable",
            SignInFailure::CodeRefused => "code-refused",
            SignInFailure::NoIdToken => "no-id-token",
            SignInFailure::Issuer => "wrong-issuer",
            SignInFailure::Audience => "wrong-audience",
            SignInFailure::Expired => "expired-id-token",
            SignInFailure::Nonce => "wrong-nonce",
            SignInFailure::Signature => "bad-signature",
            SignInFailure::InvalidToken => "invalid-id-token",
            SignInFailure::PersonalNumber => "invalid-personnummer",
            SignInFailure::Storage => "storage",
        }
    }

    fn error(self) -> AppError {
        match self {
            SignInFailure::Cancelled => AppError::SignInCancelled,
            SignInFailure::ProviderUnavailable | SignInFailure::Storage => AppError::SignInUnavailable,
            _ => AppError::SignInFailed,
        }
    }
}

fn verification_failure(e: &ClaimsVerificationError) -> SignInFailure {
    match e {
        ClaimsVerificationError::Expired(_) => SignInFailure::Expired,
        ClaimsVerificationError::InvalidAudience(_) => SignInFailure::Audience,
        ClaimsVerificationError::InvalidIssuer(_) => SignInFailure::Issuer,
        ClaimsVerificationError::InvalidNonce(_) => SignInFailure::Nonce,
        ClaimsVerificationError::SignatureVerification(_) => SignInFailure::Signature,
        _ => SignInFailure::InvalidToken,
    }
}

impl Provider {
    pub fn new(kind: ProviderKind, issuer: String, settings: ProviderSettings) -> Provider {
        Provider { kind, issuer, settings, discovered: RwLock::new(None) }
    }

    /// The discovery document and keys, fetched (and checked against the configured issuer) when
    /// missing or older than an hour, or when `refresh` asks for it (an unknown signing key).
    async fn discovered(&self, auth: &AuthState, refresh: bool) -> Result<Discovered, SignInFailure> {
        let now = auth.clock.now();
        if !refresh {
            if let Some(d) = self.discovered.read().await.as_ref().filter(|d| now - d.fetched_at < DISCOVERY_TTL) {
                return Ok(d.clone());
            }
        }
        let issuer = IssuerUrl::new(self.issuer.clone()).map_err(|_| SignInFailure::ProviderUnavailable)?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &auth.http).await.map_err(|e| {
            tracing::warn!(provider = self.kind.as_str(), error = %e, "OpenID discovery failed");
            SignInFailure::ProviderUnavailable
        })?;
        // RP-initiated logout is outside the core metadata: read it from the document itself.
        let url = format!("{}/.well-known/openid-configuration", self.issuer.trim_end_matches('/'));
        let end_session_endpoint = match auth.http.get(url).send().await {
            Ok(res) => res
                .json::<serde_json::Value>()
                .await
                .ok()
                .and_then(|v| v.get("end_session_endpoint").and_then(|e| e.as_str()).map(str::to_owned)),
            Err(_) => None,
        };
        let d = Discovered { metadata, end_session_endpoint, fetched_at: now };
        *self.discovered.write().await = Some(d.clone());
        Ok(d)
    }
}

/// The two providers.
pub struct Providers {
    pub resident: Provider,
    pub staff: Provider,
}

impl Providers {
    pub fn get(&self, kind: ProviderKind) -> &Provider {
        match kind {
            ProviderKind::Resident => &self.resident,
            ProviderKind::Staff => &self.staff,
        }
    }
}

fn redirect(to: &str) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

#[derive(Deserialize)]
pub struct LoginQuery {
    #[serde(rename = "as")]
    as_: Option<String>,
    to: Option<String>,
    /// The level of assurance to ask for (`substantial`, `high`): a confidentiality-3 e-service
    /// sends the person here to sign in again with it.
    acr: Option<String>,
}

/// `GET /auth/login?as=resident|staff&to=/path`
pub async fn login(
    State(auth): State<Arc<AuthState>>,
    Extension(ctx): Extension<RequestContext>,
    session: Session,
    Query(q): Query<LoginQuery>,
) -> Response {
    let Some(kind) = q.as_.as_deref().map_or(Some(ProviderKind::Resident), ProviderKind::parse) else {
        return auth.pages.error(&ctx, AppError::BadArguments).await;
    };
    let provider = auth.providers.get(kind);
    let discovered = match provider.discovered(&auth, false).await {
        Ok(d) => d,
        Err(f) => return failure(&auth, &ctx, f).await,
    };
    let client = CoreClient::from_provider_metadata(
        discovered.metadata,
        ClientId::new(provider.settings.client_id.clone()),
        Some(ClientSecret::new(provider.settings.client_secret.expose_secret().to_owned())),
    )
    .set_redirect_uri(match RedirectUrl::new(auth.redirect_uri()) {
        Ok(u) => u,
        Err(_) => return failure(&auth, &ctx, SignInFailure::ProviderUnavailable).await,
    });
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client
        .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
        .set_pkce_challenge(challenge);
    for scope in &provider.settings.scopes {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    if let Some(level) = q.acr.as_deref().and_then(Assurance::parse) {
        request =
            request.add_auth_context_value(openidconnect::AuthenticationContextClass::new(level.acr_value().into()));
    }
    let (url, state, nonce) = request.url();
    let pending = PendingLogin {
        provider: kind,
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
        // Only a path on this site is followed after sign-in (no open redirect).
        return_to: LocalPath::or(q.to.as_deref(), "/my").into_string(),
        started_at: auth.clock.now(),
    };
    if let Err(e) = session.insert(LOGIN_KEY, &pending).await {
        tracing::error!(error = %e, "could not store the pending sign-in");
        return failure(&auth, &ctx, SignInFailure::Storage).await;
    }
    redirect(url.as_str())
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// `GET /auth/callback?code=…&state=…` (or `?error=…&state=…`)
pub async fn callback(
    State(auth): State<Arc<AuthState>>,
    Extension(ctx): Extension<RequestContext>,
    session: Session,
    Query(q): Query<CallbackQuery>,
) -> Response {
    match complete(&auth, &ctx, &session, q).await {
        Ok(to) => redirect(&to),
        Err(f) => failure(&auth, &ctx, f).await,
    }
}

async fn complete(
    auth: &AuthState,
    ctx: &RequestContext,
    session: &Session,
    q: CallbackQuery,
) -> Result<String, SignInFailure> {
    let now = auth.clock.now();
    // The pending sign-in is used once, whatever happens next.
    let pending: PendingLogin = session
        .remove(LOGIN_KEY)
        .await
        .ok()
        .flatten()
        .filter(|p: &PendingLogin| now - p.started_at < LOGIN_TTL)
        .ok_or(SignInFailure::NoSignInInProgress)?;
    let state_ok = q.state.as_deref().is_some_and(|s| constant_time_eq(s.as_bytes(), pending.state.as_bytes()));
    if !state_ok {
        return Err(SignInFailure::StateMismatch);
    }
    if q.error.is_some() {
        return Err(SignInFailure::Cancelled);
    }
    let code = q.code.ok_or(SignInFailure::CodeRefused)?;
    let provider = auth.providers.get(pending.provider);
    let discovered = provider.discovered(auth, false).await?;
    let client = CoreClient::from_provider_metadata(
        discovered.metadata.clone(),
        ClientId::new(provider.settings.client_id.clone()),
        Some(ClientSecret::new(provider.settings.client_secret.expose_secret().to_owned())),
    )
    .set_redirect_uri(RedirectUrl::new(auth.redirect_uri()).map_err(|_| SignInFailure::ProviderUnavailable)?);
    let token = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|_| SignInFailure::ProviderUnavailable)?
        .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
        .request_async(&auth.http)
        .await
        .map_err(|e| {
            // The error's text can echo the provider's response; log its kind only.
            tracing::info!(
                provider = provider.kind.as_str(),
                error.kind = token_error_kind(&e),
                "code exchange refused"
            );
            SignInFailure::CodeRefused
        })?;
    let id_token: CoreIdToken = token.id_token().cloned().ok_or(SignInFailure::NoIdToken)?;
    let nonce = Nonce::new(pending.nonce.clone());
    let clock = auth.clock.clone();
    macro_rules! verify {
        ($client:expr) => {{
            let clock = clock.clone();
            let verifier = $client
                .id_token_verifier()
                .set_allowed_algs(ALLOWED_ALGS.iter().cloned())
                .set_time_fn(move || chrono::DateTime::from_timestamp(clock.now(), 0).unwrap_or_default());
            id_token.claims(&verifier, &nonce).cloned()
        }};
    }
    let claims = match verify!(client) {
        Ok(c) => c,
        // A key we do not know: the provider may have rotated its keys. Fetch them once more.
        Err(ClaimsVerificationError::SignatureVerification(_)) => {
            let fresh = provider.discovered(auth, true).await?;
            let client = CoreClient::from_provider_metadata(
                fresh.metadata,
                ClientId::new(provider.settings.client_id.clone()),
                Some(ClientSecret::new(provider.settings.client_secret.expose_secret().to_owned())),
            );
            verify!(client).map_err(|e| verification_failure(&e))?
        }
        Err(e) => return Err(verification_failure(&e)),
    };
    // Claims beyond the core set (the personnummer) come from the verified token's payload.
    let raw = id_token.to_string();
    let payload: serde_json::Value = raw
        .split('.')
        .nth(1)
        .and_then(|p| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(p).ok())
        .and_then(|b| serde_json::from_slice(&b).ok())
        .ok_or(SignInFailure::InvalidToken)?;
    let pnr = match pending.provider {
        ProviderKind::Resident => {
            let claim = provider.settings.personal_number_claim.as_str();
            let value = payload.get(claim).and_then(|v| v.as_str()).ok_or(SignInFailure::PersonalNumber)?;
            let year = u32::try_from(time::OffsetDateTime::from_unix_timestamp(now).map(|t| t.year()).unwrap_or(2026))
                .unwrap_or(2026);
            Some(PersonalIdentityNumber::parse(value, year).map_err(|_| SignInFailure::PersonalNumber)?)
        }
        ProviderKind::Staff => None,
    };
    let name = claims
        .name()
        .and_then(|n| n.get(None))
        .map(|n| n.to_string())
        .or_else(|| {
            let given = claims.given_name().and_then(|n| n.get(None)).map(|n| n.to_string())?;
            let family = claims.family_name().and_then(|n| n.get(None)).map(|n| n.to_string()).unwrap_or_default();
            Some(format!("{given} {family}").trim().to_owned())
        })
        .unwrap_or_else(|| claims.subject().to_string());
    let email = claims.email().map(|e| e.to_string());
    let verified = VerifiedClaims {
        issuer: claims.issuer().as_str(),
        subject: claims.subject().as_str(),
        kind: match pending.provider {
            ProviderKind::Resident => UserKind::Person,
            ProviderKind::Staff => UserKind::Staff,
        },
        display_name: &name,
        personal_identity_number: pnr.as_ref(),
        email: email.as_deref(),
    };
    let user = auth.store.sign_in_user(&verified, now).await.map_err(|e| {
        tracing::error!(error = %e, "could not record the sign-in");
        SignInFailure::Storage
    })?;
    if user.disabled {
        return Err(SignInFailure::InvalidToken);
    }
    crate::metrics::COUNTERS.signed_in();
    // A new id for the signed-in session: an id planted before sign-in is worth nothing after.
    session.cycle_id().await.map_err(|_| SignInFailure::Storage)?;
    // The level of assurance the provider asserts; one it does not name, or names in a way not
    // understood, counts as low (a service that needs more then asks again).
    let assurance = claims.auth_context_ref().and_then(|a| Assurance::from_acr(a.as_str()));
    let data = SessionAuth {
        user_id: user.id,
        epoch: user.session_epoch,
        provider: pending.provider,
        signed_in_at: now,
        last_seen_at: now,
        csrf: crate::auth::random_token(),
        assurance,
        sensitive: false,
    };
    session.insert(AUTH_KEY, &data).await.map_err(|_| SignInFailure::Storage)?;
    let mut entry = stadsporten_app::auth::entry(
        ctx,
        AuditAction::SignIn,
        "user",
        Some(user.id.to_string()),
        Outcome::Success,
        None,
        Some(format!("{} loa={}", pending.provider.as_str(), assurance.map_or("unknown", Assurance::slug))),
    );
    entry.actor_id = Some(user.id);
    auth.store.append_audit(&entry).await.map_err(|_| SignInFailure::Storage)?;
    tracing::info!(user.id = %user.id, provider = pending.provider.as_str(), "signed in");
    // Without a page to return to, people start on Mina sidor and staff in their workspace.
    Ok(match (pending.return_to.as_str(), pending.provider) {
        ("/my", ProviderKind::Staff) => "/admin/access".to_owned(),
        _ => pending.return_to,
    })
}

/// Asymmetric algorithms only: never `none`, never a shared secret.
const ALLOWED_ALGS: &[CoreJwsSigningAlgorithm] = &[
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
    CoreJwsSigningAlgorithm::RsaSsaPssSha256,
    CoreJwsSigningAlgorithm::EcdsaP256Sha256,
    CoreJwsSigningAlgorithm::EdDsa,
];

fn token_error_kind<RE: std::error::Error, T: openidconnect::ErrorResponse>(
    e: &openidconnect::RequestTokenError<RE, T>,
) -> &'static str {
    match e {
        openidconnect::RequestTokenError::ServerResponse(_) => "server-response",
        openidconnect::RequestTokenError::Request(_) => "request",
        openidconnect::RequestTokenError::Parse(_, _) => "parse",
        openidconnect::RequestTokenError::Other(_) => "other",
    }
}

pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Shows the failure and writes it to the audit trail.
async fn failure(auth: &AuthState, ctx: &RequestContext, f: SignInFailure) -> Response {
    let entry = stadsporten_app::auth::entry(
        ctx,
        AuditAction::SignInFailed,
        "session",
        None,
        Outcome::Failed,
        None,
        Some(f.reason().into()),
    );
    if let Err(e) = auth.store.append_audit(&entry).await {
        tracing::error!(error = %e, "could not audit a failed sign-in");
    }
    tracing::info!(reason = f.reason(), "sign-in refused");
    auth.pages.error(ctx, f.error()).await
}

/// `POST /auth/logout` (the CSRF middleware has checked the form's token).
pub async fn logout(
    State(auth): State<Arc<AuthState>>,
    Extension(ctx): Extension<RequestContext>,
    session: Session,
) -> Response {
    let data: Option<SessionAuth> = session.get(AUTH_KEY).await.ok().flatten();
    let _ = session.flush().await;
    let Some(data) = data else {
        return redirect("/signed-out");
    };
    let entry = stadsporten_app::auth::entry(
        &ctx,
        AuditAction::SignOut,
        "user",
        Some(data.user_id.to_string()),
        Outcome::Success,
        None,
        None,
    );
    if let Err(e) = auth.store.append_audit(&entry).await {
        tracing::error!(error = %e, "could not audit a sign-out");
    }
    // End the provider's session too, so the next person at a shared computer starts afresh.
    let provider = auth.providers.get(data.provider);
    let end = match provider.discovered(&auth, false).await {
        Ok(d) => d.end_session_endpoint,
        Err(_) => None,
    };
    // Identified by client id, not by the ID token as a hint: a resident's token carries the
    // personnummer, and this URL stays in the browser's history and the provider's logs.
    match end {
        Some(endpoint) => {
            let mut url = match url::Url::parse(&endpoint) {
                Ok(u) => u,
                Err(_) => return redirect("/signed-out"),
            };
            url.query_pairs_mut()
                .append_pair("client_id", &provider.settings.client_id)
                .append_pair("post_logout_redirect_uri", &format!("{}/signed-out", auth.public_url));
            redirect(url.as_str())
        }
        None => redirect("/signed-out"),
    }
}

#[derive(Deserialize)]
pub struct ExtendQuery {
    to: Option<String>,
}

/// `GET /auth/extend?to=/path`: "stay signed in". The session middleware has already counted this
/// request as activity; go back to where the person was.
pub async fn extend(Query(q): Query<ExtendQuery>) -> Response {
    redirect(LocalPath::or(q.to.as_deref(), "/my").as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_is_exact() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
