//! The built-in test identity provider: a small but real OpenID Connect provider served by the
//! app itself under `/test-idp/{realm}` (realm `eid` for residents and businesses, `staff` for the
//! city's staff), so `make run` signs people in with no external service and the real
//! relying-party code runs against it.
//!
//! It speaks the authorization code flow: discovery, `authorize` (a persona picker), `token`
//! (client secret + PKCE S256 required, codes single-use and short-lived), `jwks` (an Ed25519
//! key), `userinfo` and `logout`. The personas are the seeded demo users.
//!
//! Several nodes behind a load balancer are one provider: the signing keys are derived from the
//! configured secret (the session key) rather than drawn at start-up, and codes and access tokens
//! carry what they stand for, sealed with an HMAC of that secret, instead of living in one node's
//! memory — a code issued by one node is redeemed at another. A code is refused the second time
//! at the node that redeemed it; redeemed once at each of two nodes within its minute is the one
//! thing a single node would refuse and this development provider does not.
//!
//! Policy: development only. Configuration refuses it in production (`config.rs`), and it only
//! answers for the clients configured with `issuer = "builtin"` and their own redirect URI.

use crate::auth::session::ProviderKind;
use crate::auth::AuthState;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form, Json};
use base64::Engine as _;
use openidconnect::core::{
    CoreEdDsaPrivateSigningKey, CoreGenderClaim, CoreJsonWebKey, CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
};
use openidconnect::{
    AccessToken, Audience, AuthorizationCode, EndUserEmail, EndUserFamilyName, EndUserGivenName, EndUserName, IdToken,
    IdTokenClaims, IssuerUrl, JsonWebKeyId, LocalizedClaim, Nonce, PrivateSigningKey as _, StandardClaims,
    SubjectIdentifier,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use stadsporten_app::context::RequestContext;
use stadsporten_app::error::AppError;
use stadsporten_app::test_idp::{PersonaChoice, PersonaPicker};
use stadsporten_db::{User, UserKind};
use stadsporten_domain::security::assurance::Assurance;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How long a code and an access token live.
const CODE_TTL: i64 = 60;
const TOKEN_TTL: i64 = 300;

/// A client allowed to use the test provider (one per provider configured as `builtin`).
#[derive(Clone)]
pub struct TestClient {
    pub realm: ProviderKind,
    pub client_id: String,
    pub client_secret: String,
    pub redirect_uri: String,
    /// The claim the relying party reads the personnummer from.
    pub personal_number_claim: String,
}

struct Realm {
    kind: ProviderKind,
    issuer: String,
    key: CoreEdDsaPrivateSigningKey,
    public_jwk: CoreJsonWebKey,
}

#[derive(Serialize, Deserialize)]
struct IssuedCode {
    realm: ProviderKind,
    client_id: String,
    redirect_uri: String,
    persona: String,
    nonce: Option<String>,
    challenge: String,
    expires_at: i64,
    /// The level of assurance chosen in the picker (an `acr` URI), for the ID token.
    #[serde(default)]
    acr: Option<String>,
}

pub struct TestIdp {
    realms: Vec<Realm>,
    clients: Vec<TestClient>,
    post_logout_prefix: String,
    /// The secret that seals codes and tokens and from which the keys are derived.
    secret: Vec<u8>,
    /// Codes redeemed here, until they expire (a replay finds it).
    redeemed: Mutex<HashMap<String, i64>>,
}

/// What an access token stands for.
#[derive(Serialize, Deserialize)]
struct IssuedToken {
    realm: ProviderKind,
    persona: String,
    expires_at: i64,
}

fn hmac(secret: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    use hmac::Mac as _;
    let mut mac = <hmac::Hmac<Sha256> as hmac::Mac>::new_from_slice(secret).expect("HMAC takes any key length");
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().into()
}

/// `base64url(json).base64url(hmac)`.
fn seal<T: Serialize>(secret: &[u8], kind: &str, value: &T) -> String {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let body = b64.encode(serde_json::to_vec(value).unwrap_or_default());
    let tag = b64.encode(hmac(secret, &[kind.as_bytes(), b".", body.as_bytes()]));
    format!("{body}.{tag}")
}

fn unseal<T: for<'de> Deserialize<'de>>(secret: &[u8], kind: &str, sealed: &str) -> Option<T> {
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let (body, tag) = sealed.split_once('.')?;
    let expected = hmac(secret, &[kind.as_bytes(), b".", body.as_bytes()]);
    let given = b64.decode(tag).ok()?;
    if !crate::auth::oidc::constant_time_eq(&expected, &given) {
        return None;
    }
    serde_json::from_slice(&b64.decode(body).ok()?).ok()
}

fn realm_name(kind: ProviderKind) -> &'static str {
    match kind {
        ProviderKind::Resident => "eid",
        ProviderKind::Staff => "staff",
    }
}

fn realm_kind(name: &str) -> Option<ProviderKind> {
    match name {
        "eid" => Some(ProviderKind::Resident),
        "staff" => Some(ProviderKind::Staff),
        _ => None,
    }
}

/// The issuer URL of a realm, given the service's public URL.
pub fn issuer(public_url: &str, kind: ProviderKind) -> String {
    format!("{public_url}/test-idp/{}", realm_name(kind))
}

/// An Ed25519 key as PKCS#8 PEM (the fixed 16-byte PKCS#8 prefix for Ed25519, then the seed).
fn ed25519_pem(seed: &[u8; 32]) -> String {
    let mut der = vec![0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];
    der.extend_from_slice(seed);
    format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        base64::engine::general_purpose::STANDARD.encode(der)
    )
}

fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// Claims beyond the standard ones (the personnummer, under the relying party's claim name).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ExtraClaims(HashMap<String, serde_json::Value>);
impl openidconnect::AdditionalClaims for ExtraClaims {}

type TestIdToken = IdToken<ExtraClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;

impl TestIdp {
    /// `secret`: configuration every node shares (the session key); keys and seals derive from it.
    pub fn new(public_url: &str, clients: Vec<TestClient>, secret: &[u8]) -> Result<TestIdp, String> {
        let mut realms = Vec::new();
        for kind in [ProviderKind::Resident, ProviderKind::Staff] {
            let seed = hmac(secret, &[b"test-idp signing key ", realm_name(kind).as_bytes()]);
            let kid_hash = hmac(secret, &[b"test-idp key id ", realm_name(kind).as_bytes()]);
            let kid_suffix: String = kid_hash.iter().take(4).map(|b| format!("{b:02x}")).collect();
            let kid = JsonWebKeyId::new(format!("test-idp-{}-{kid_suffix}", realm_name(kind)));
            let key = CoreEdDsaPrivateSigningKey::from_ed25519_pem(&ed25519_pem(&seed), Some(kid))?;
            let public_jwk = key.as_verification_key();
            realms.push(Realm { kind, issuer: issuer(public_url, kind), key, public_jwk });
        }
        Ok(TestIdp {
            realms,
            clients,
            post_logout_prefix: format!("{public_url}/"),
            secret: secret.to_vec(),
            redeemed: Mutex::default(),
        })
    }

    fn realm(&self, name: &str) -> Option<&Realm> {
        let kind = realm_kind(name)?;
        self.realms.iter().find(|r| r.kind == kind)
    }

    fn client(&self, realm: ProviderKind, client_id: &str) -> Option<&TestClient> {
        self.clients.iter().find(|c| c.realm == realm && c.client_id == client_id)
    }
}

fn idp(auth: &AuthState) -> Result<&TestIdp, StatusCode> {
    auth.test_idp.as_ref().ok_or(StatusCode::NOT_FOUND)
}

fn oauth_error(status: StatusCode, error: &str) -> Response {
    (status, Json(serde_json::json!({ "error": error }))).into_response()
}

/// `GET /test-idp/{realm}/.well-known/openid-configuration`
pub async fn discovery(State(auth): State<Arc<AuthState>>, Path(realm): Path<String>) -> Response {
    let Ok(idp) = idp(&auth) else { return StatusCode::NOT_FOUND.into_response() };
    let Some(r) = idp.realm(&realm) else { return StatusCode::NOT_FOUND.into_response() };
    let base = &r.issuer;
    Json(serde_json::json!({
        "issuer": base,
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/token"),
        "userinfo_endpoint": format!("{base}/userinfo"),
        "jwks_uri": format!("{base}/jwks"),
        "end_session_endpoint": format!("{base}/logout"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["EdDSA"],
        "scopes_supported": ["openid", "profile", "email"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
        "grant_types_supported": ["authorization_code"],
        "claims_supported": ["sub", "name", "given_name", "family_name", "email", "email_verified", "acr"],
        "acr_values_supported": [
            stadsporten_domain::security::assurance::LOA2,
            stadsporten_domain::security::assurance::LOA3,
        ],
    }))
    .into_response()
}

/// `GET /test-idp/{realm}/jwks`
pub async fn jwks(State(auth): State<Arc<AuthState>>, Path(realm): Path<String>) -> Response {
    let Ok(idp) = idp(&auth) else { return StatusCode::NOT_FOUND.into_response() };
    let Some(r) = idp.realm(&realm) else { return StatusCode::NOT_FOUND.into_response() };
    Json(serde_json::json!({ "keys": [r.public_jwk] })).into_response()
}

/// The authorization request's parameters, carried through the picker as hidden fields.
#[derive(Debug, Clone, Deserialize)]
pub struct AuthorizeParams {
    response_type: Option<String>,
    client_id: Option<String>,
    redirect_uri: Option<String>,
    scope: Option<String>,
    state: Option<String>,
    nonce: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
    /// The levels of assurance the client asks for (space-separated `acr` URIs).
    acr_values: Option<String>,
}

/// Checks an authorization request. Errors that cannot be sent back to a trusted redirect URI
/// are shown here; the rest go back to the client, as the specification asks.
fn check_request<'a>(idp: &'a TestIdp, realm: ProviderKind, p: &AuthorizeParams) -> Result<&'a TestClient, String> {
    let client =
        p.client_id.as_deref().and_then(|id| idp.client(realm, id)).ok_or_else(|| "unknown client".to_owned())?;
    if p.redirect_uri.as_deref() != Some(client.redirect_uri.as_str()) {
        return Err("redirect_uri is not registered".into());
    }
    Ok(client)
}

fn back_to_client(redirect_uri: &str, pairs: &[(&str, &str)]) -> Response {
    let Ok(mut url) = url::Url::parse(redirect_uri) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    for (k, v) in pairs {
        url.query_pairs_mut().append_pair(k, v);
    }
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(url.as_str()) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

fn protocol_problem(p: &AuthorizeParams) -> Option<&'static str> {
    if p.response_type.as_deref() != Some("code") {
        return Some("unsupported_response_type");
    }
    if !p.scope.as_deref().unwrap_or("").split(' ').any(|s| s == "openid") {
        return Some("invalid_scope");
    }
    if p.code_challenge.as_deref().unwrap_or("").len() < 43 || p.code_challenge_method.as_deref() != Some("S256") {
        return Some("invalid_request");
    }
    None
}

/// `GET /test-idp/{realm}/authorize`: checks the request and shows the persona picker.
pub async fn authorize(
    State(auth): State<Arc<AuthState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(realm): Path<String>,
    Query(p): Query<AuthorizeParams>,
) -> Response {
    let Ok(idp) = idp(&auth) else { return StatusCode::NOT_FOUND.into_response() };
    let Some(kind) = realm_kind(&realm) else { return auth.pages.error(&ctx, AppError::NotFound).await };
    let client = match check_request(idp, kind, &p) {
        Ok(c) => c,
        Err(why) => {
            tracing::info!(why, "test IdP: authorization request refused");
            return auth.pages.error(&ctx, AppError::BadArguments).await;
        }
    };
    if let Some(error) = protocol_problem(&p) {
        return back_to_client(&client.redirect_uri, &[("error", error), ("state", p.state.as_deref().unwrap_or(""))]);
    }
    let user_kind = if kind == ProviderKind::Resident { UserKind::Person } else { UserKind::Staff };
    let personas = match auth.store.personas(user_kind).await {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "test IdP: personas");
            return auth.pages.error(&ctx, AppError::Internal).await;
        }
    };
    let mut choices = Vec::with_capacity(personas.len());
    for u in &personas {
        let roles = match auth.store.principal(u, None, auth.clock.now()).await {
            Ok(p) => p.roles().iter().map(|r| r.slug().to_owned()).collect(),
            Err(_) => Vec::new(),
        };
        choices.push(PersonaChoice { key: u.persona.clone().unwrap_or_default(), name: u.display_name.clone(), roles });
    }
    let picker = PersonaPicker {
        realm: realm.clone(),
        action: format!("/test-idp/{realm}/authorize/choose"),
        personas: choices,
        // e-ID only: the level of assurance to sign in at, as the real e-IDs differ (BankID is
        // substantial; a basic app e-ID is low). The one asked for is chosen first.
        levels: if kind == ProviderKind::Resident {
            let asked = p.acr_values.as_deref().unwrap_or("");
            let first =
                if asked.contains(Assurance::Low.acr_value()) { Assurance::Low } else { Assurance::Substantial };
            [first, if first == Assurance::Low { Assurance::Substantial } else { Assurance::Low }]
                .into_iter()
                .map(|a| a.slug().to_owned())
                .collect()
        } else {
            Vec::new()
        },
        hidden: [
            ("response_type", &p.response_type),
            ("client_id", &p.client_id),
            ("redirect_uri", &p.redirect_uri),
            ("scope", &p.scope),
            ("state", &p.state),
            ("nonce", &p.nonce),
            ("code_challenge", &p.code_challenge),
            ("code_challenge_method", &p.code_challenge_method),
            ("acr_values", &p.acr_values),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.clone().map(|v| (k.to_owned(), v)))
        .collect(),
    };
    auth.pages.render_with("/test-idp-picker", &ctx, picker).await
}

#[derive(Deserialize)]
pub struct Choice {
    persona: Option<String>,
    cancel: Option<String>,
    /// The level of assurance picked (`low`, `substantial`).
    level: Option<String>,
    #[serde(flatten)]
    params: AuthorizeParams,
}

/// `POST /test-idp/{realm}/authorize/choose`: the persona was picked (or the person cancelled).
pub async fn choose(
    State(auth): State<Arc<AuthState>>,
    Extension(ctx): Extension<RequestContext>,
    Path(realm): Path<String>,
    Form(c): Form<Choice>,
) -> Response {
    let Ok(idp) = idp(&auth) else { return StatusCode::NOT_FOUND.into_response() };
    let Some(kind) = realm_kind(&realm) else { return auth.pages.error(&ctx, AppError::NotFound).await };
    let Ok(client) = check_request(idp, kind, &c.params) else {
        return auth.pages.error(&ctx, AppError::BadArguments).await;
    };
    let state = c.params.state.clone().unwrap_or_default();
    if c.cancel.is_some() {
        return back_to_client(&client.redirect_uri, &[("error", "access_denied"), ("state", &state)]);
    }
    if let Some(error) = protocol_problem(&c.params) {
        return back_to_client(&client.redirect_uri, &[("error", error), ("state", &state)]);
    }
    let user_kind = if kind == ProviderKind::Resident { UserKind::Person } else { UserKind::Staff };
    let persona = match c.persona.as_deref() {
        Some(key) => auth.store.user_by_persona(key).await.ok().flatten().filter(|u| u.kind == user_kind),
        None => None,
    };
    let Some(persona) = persona else {
        // No choice made: show the picker again.
        return auth.pages.error(&ctx, AppError::BadArguments).await;
    };
    let issued = IssuedCode {
        realm: kind,
        client_id: client.client_id.clone(),
        redirect_uri: client.redirect_uri.clone(),
        persona: persona.persona.clone().unwrap_or_default(),
        nonce: c.params.nonce.clone(),
        challenge: c.params.code_challenge.clone().unwrap_or_default(),
        expires_at: auth.clock.now() + CODE_TTL,
        acr: (kind == ProviderKind::Resident).then(|| {
            c.level.as_deref().and_then(Assurance::parse).unwrap_or(Assurance::Substantial).acr_value().to_owned()
        }),
    };
    let code = seal(&idp.secret, "code", &issued);
    back_to_client(&client.redirect_uri, &[("code", &code), ("state", &state)])
}

#[derive(Deserialize)]
pub struct TokenRequest {
    grant_type: Option<String>,
    code: Option<String>,
    redirect_uri: Option<String>,
    code_verifier: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

/// The client's credentials from HTTP Basic or the form.
fn client_credentials(headers: &HeaderMap, form: &TokenRequest) -> Option<(String, String)> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            let (id, secret) = s.split_once(':')?;
            let decode =
                |x: &str| form_urlencoded::parse(format!("x={x}").as_bytes()).next().map(|(_, v)| v.into_owned());
            Some((decode(id)?, decode(secret)?))
        });
    basic.or_else(|| Some((form.client_id.clone()?, form.client_secret.clone()?)))
}

/// `POST /test-idp/{realm}/token`
pub async fn token(
    State(auth): State<Arc<AuthState>>,
    Path(realm): Path<String>,
    headers: HeaderMap,
    Form(t): Form<TokenRequest>,
) -> Response {
    let Ok(idp) = idp(&auth) else { return StatusCode::NOT_FOUND.into_response() };
    let Some(r) = idp.realm(&realm) else { return StatusCode::NOT_FOUND.into_response() };
    let Some((client_id, secret)) = client_credentials(&headers, &t) else {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
    };
    let Some(client) = idp
        .client(r.kind, &client_id)
        .filter(|c| crate::auth::oidc::constant_time_eq(c.client_secret.as_bytes(), secret.as_bytes()))
    else {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
    };
    if t.grant_type.as_deref() != Some("authorization_code") {
        return oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type");
    }
    let now = auth.clock.now();
    // A code is marked the first time it is presented here: a replay is refused.
    let issued = t.code.as_deref().and_then(|c| {
        let issued: IssuedCode = unseal(&idp.secret, "code", c)?;
        let mut redeemed = idp.redeemed.lock().ok()?;
        redeemed.retain(|_, exp| *exp > now);
        redeemed.insert(c.to_owned(), issued.expires_at).is_none().then_some(issued)
    });
    let Some(issued) = issued.filter(|i| {
        i.realm == r.kind
            && i.client_id == client.client_id
            && i.expires_at > now
            && t.redirect_uri.as_deref() == Some(i.redirect_uri.as_str())
            && t.code_verifier.as_deref().is_some_and(|v| s256(v) == i.challenge)
    }) else {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    };
    let Ok(Some(user)) = auth.store.user_by_persona(&issued.persona).await else {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
    };
    let access = seal(
        &idp.secret,
        "access token",
        &IssuedToken { realm: r.kind, persona: issued.persona.clone(), expires_at: now + TOKEN_TTL },
    );
    let mut extra = HashMap::new();
    if let (Some(pnr), false) = (&user.personal_identity_number, client.personal_number_claim.is_empty()) {
        extra.insert(client.personal_number_claim.clone(), serde_json::Value::String(pnr.expose().to_owned()));
    }
    let id_token = match sign_id_token(r, &client.client_id, &user, issued.nonce, issued.acr, &access, now, extra) {
        Ok(t) => t,
        Err(e) => {
            tracing::error!(error = %e, "test IdP: signing the ID token");
            return oauth_error(StatusCode::INTERNAL_SERVER_ERROR, "server_error");
        }
    };
    let mut res = Json(serde_json::json!({
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": TOKEN_TTL,
        "id_token": id_token,
        "scope": "openid profile email",
    }))
    .into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

#[allow(clippy::too_many_arguments)]
fn sign_id_token(
    r: &Realm,
    client_id: &str,
    user: &User,
    nonce: Option<String>,
    acr: Option<String>,
    access: &str,
    now: i64,
    extra: HashMap<String, serde_json::Value>,
) -> Result<String, String> {
    let at = |t: i64| chrono::DateTime::from_timestamp(t, 0).ok_or_else(|| "time".to_owned());
    let (given, family) = user.display_name.split_once(' ').unwrap_or((&user.display_name, ""));
    let mut standard = StandardClaims::new(SubjectIdentifier::new(user.persona.clone().unwrap_or_default()))
        .set_name(Some(LocalizedClaim::from(EndUserName::new(user.display_name.clone()))))
        .set_given_name(Some(LocalizedClaim::from(EndUserGivenName::new(given.to_owned()))))
        .set_family_name(Some(LocalizedClaim::from(EndUserFamilyName::new(family.to_owned()))));
    if let Some(email) = &user.email {
        standard = standard.set_email(Some(EndUserEmail::new(email.clone()))).set_email_verified(Some(true));
    }
    let claims = IdTokenClaims::new(
        IssuerUrl::new(r.issuer.clone()).map_err(|e| e.to_string())?,
        vec![Audience::new(client_id.to_owned())],
        at(now + TOKEN_TTL)?,
        at(now)?,
        standard,
        ExtraClaims(extra),
    )
    .set_nonce(nonce.map(Nonce::new))
    .set_auth_context_ref(acr.map(openidconnect::AuthenticationContextClass::new))
    .set_auth_time(Some(at(now)?));
    let token = TestIdToken::new(
        claims,
        &r.key,
        CoreJwsSigningAlgorithm::EdDsa,
        Some(&AccessToken::new(access.to_owned())),
        None::<&AuthorizationCode>,
    )
    .map_err(|e| e.to_string())?;
    Ok(token.to_string())
}

/// `GET /test-idp/{realm}/userinfo` with `Authorization: Bearer …`
pub async fn userinfo(State(auth): State<Arc<AuthState>>, Path(realm): Path<String>, headers: HeaderMap) -> Response {
    let Ok(idp) = idp(&auth) else { return StatusCode::NOT_FOUND.into_response() };
    let Some(r) = idp.realm(&realm) else { return StatusCode::NOT_FOUND.into_response() };
    let bearer =
        headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    let now = auth.clock.now();
    let persona = bearer
        .and_then(|b| unseal::<IssuedToken>(&idp.secret, "access token", b))
        .filter(|t| t.realm == r.kind && t.expires_at > now)
        .map(|t| t.persona);
    let Some(persona) = persona else { return oauth_error(StatusCode::UNAUTHORIZED, "invalid_token") };
    let Ok(Some(user)) = auth.store.user_by_persona(&persona).await else {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_token");
    };
    Json(serde_json::json!({ "sub": persona, "name": user.display_name, "email": user.email })).into_response()
}

#[derive(Deserialize)]
pub struct LogoutQuery {
    post_logout_redirect_uri: Option<String>,
}

/// `GET /test-idp/{realm}/logout`: the provider keeps no session of its own, so signing out here
/// is only the way back to a registered address of the service.
pub async fn logout(State(auth): State<Arc<AuthState>>, Query(q): Query<LogoutQuery>) -> Response {
    let Ok(idp) = idp(&auth) else { return StatusCode::NOT_FOUND.into_response() };
    let to = q
        .post_logout_redirect_uri
        .filter(|u| u.starts_with(&idp.post_logout_prefix))
        .unwrap_or_else(|| format!("{}signed-out", idp.post_logout_prefix));
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(&to) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_s256_matches_the_rfc_example() {
        // RFC 7636, appendix B.
        assert_eq!(s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    #[test]
    fn a_generated_key_loads_and_signs() {
        let key = CoreEdDsaPrivateSigningKey::from_ed25519_pem(&ed25519_pem(&[7; 32]), None).expect("key loads");
        assert!(key.sign(&CoreJwsSigningAlgorithm::EdDsa, b"x").is_ok());
    }
}
