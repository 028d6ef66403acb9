//! A misbehaving OpenID provider for negative tests: it speaks the protocol (discovery, JWKS,
//! authorize, token) but its ID tokens carry one chosen defect, so the tests show the service
//! refuses each one.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine as _;
use openidconnect::core::{
    CoreEdDsaPrivateSigningKey, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm,
};
use openidconnect::{
    Audience, EndUserName, IdToken, IdTokenClaims, IssuerUrl, LocalizedClaim, Nonce, PrivateSigningKey as _,
    StandardClaims, SubjectIdentifier,
};
use rand::RngCore as _;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Defect {
    None,
    WrongIssuer,
    WrongAudience,
    Expired,
    WrongNonce,
    ForeignKey,
    BadPersonnummer,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Extra(HashMap<String, serde_json::Value>);
impl openidconnect::AdditionalClaims for Extra {}

struct Rogue {
    issuer: String,
    defect: Defect,
    key: CoreEdDsaPrivateSigningKey,
    other_key: CoreEdDsaPrivateSigningKey,
    nonce: Mutex<Option<String>>,
}

fn key(kid: &str) -> CoreEdDsaPrivateSigningKey {
    let mut der = vec![0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];
    let mut seed = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut seed);
    der.extend_from_slice(&seed);
    let pem = format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        base64::engine::general_purpose::STANDARD.encode(der)
    );
    CoreEdDsaPrivateSigningKey::from_ed25519_pem(&pem, Some(openidconnect::JsonWebKeyId::new(kid.into()))).unwrap()
}

/// Starts the provider on a free port; returns its issuer URL.
pub async fn start(defect: Defect) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    let rogue = Arc::new(Rogue {
        issuer: issuer.clone(),
        defect,
        key: key("k1"),
        // Same key id, different key: a token signed with it must fail the signature check.
        other_key: key("k1"),
        nonce: Mutex::new(None),
    });
    let app = Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks", get(jwks))
        .route("/authorize", get(authorize))
        .route("/token", post(token))
        .with_state(rogue);
    tokio::spawn(async move { axum::serve(listener, app).await });
    issuer
}

async fn discovery(State(r): State<Arc<Rogue>>) -> Response {
    let base = &r.issuer;
    Json(serde_json::json!({
        "issuer": base,
        "authorization_endpoint": format!("{base}/authorize"),
        "token_endpoint": format!("{base}/token"),
        "jwks_uri": format!("{base}/jwks"),
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["EdDSA"],
    }))
    .into_response()
}

async fn jwks(State(r): State<Arc<Rogue>>) -> Response {
    Json(serde_json::json!({ "keys": [r.key.as_verification_key()] })).into_response()
}

#[derive(Deserialize)]
struct AuthorizeQuery {
    redirect_uri: String,
    state: String,
    nonce: Option<String>,
}

async fn authorize(State(r): State<Arc<Rogue>>, Query(q): Query<AuthorizeQuery>) -> Response {
    *r.nonce.lock().unwrap() = q.nonce;
    Redirect::to(&format!("{}?code=rogue-code&state={}", q.redirect_uri, q.state)).into_response()
}

async fn token(State(r): State<Arc<Rogue>>) -> Response {
    let now = chrono::Utc::now();
    let (issued, expires) = if r.defect == Defect::Expired {
        (now - chrono::Duration::hours(2), now - chrono::Duration::hours(1))
    } else {
        (now, now + chrono::Duration::minutes(5))
    };
    let issuer = if r.defect == Defect::WrongIssuer { "https://impostor.example".to_owned() } else { r.issuer.clone() };
    let audience = if r.defect == Defect::WrongAudience { "someone-else" } else { "resident-client" };
    let nonce =
        if r.defect == Defect::WrongNonce { Some("not-the-nonce".to_owned()) } else { r.nonce.lock().unwrap().clone() };
    let pnr = if r.defect == Defect::BadPersonnummer { "198503129821" } else { "198503129820" };
    let mut extra = HashMap::new();
    extra.insert("https://id.oidc.se/claim/personalIdentityNumber".to_owned(), serde_json::json!(pnr));
    let claims = IdTokenClaims::new(
        IssuerUrl::new(issuer).unwrap(),
        vec![Audience::new(audience.into())],
        expires,
        issued,
        StandardClaims::new(SubjectIdentifier::new("rogue-subject".into()))
            .set_name(Some(LocalizedClaim::from(EndUserName::new("Rogue Person".into())))),
        Extra(extra),
    )
    .set_nonce(nonce.map(Nonce::new));
    let key = if r.defect == Defect::ForeignKey { &r.other_key } else { &r.key };
    let token = IdToken::<Extra, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>::new(
        claims,
        key,
        CoreJwsSigningAlgorithm::EdDsa,
        None,
        None,
    )
    .unwrap();
    Json(serde_json::json!({
        "access_token": "rogue-access",
        "token_type": "Bearer",
        "expires_in": 300,
        "id_token": token.to_string(),
    }))
    .into_response()
}
