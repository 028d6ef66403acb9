//! Who is signed in: OpenID Connect sign-in (`oidc`), the built-in test identity provider
//! (`test_idp`), the session and its time-outs (`session`) and cross-site request checks (`csrf`).

pub mod csrf;
pub mod oidc;
pub mod session;
pub mod test_idp;

use base64::Engine as _;
use rand::RngCore as _;
use stadsporten_app::web::clock::Clock;
use stadsporten_app::web::pages::Pages;
use stadsporten_db::Store;
use stadsporten_domain::session::SessionPolicy;

/// Everything the sign-in routes and middleware share.
pub struct AuthState {
    pub store: Store,
    pub clock: Clock,
    pub policy: SessionPolicy,
    /// Where people reach the service, without a trailing slash.
    pub public_url: String,
    pub providers: oidc::Providers,
    pub test_idp: Option<test_idp::TestIdp>,
    /// For calls to providers: no redirects followed (the OAuth 2.0 security advice).
    pub http: reqwest::Client,
    pub pages: Pages,
}

impl AuthState {
    pub fn redirect_uri(&self) -> String {
        format!("{}/auth/callback", self.public_url)
    }
}

/// 256 random bits, URL-safe: CSRF tokens, codes, access tokens.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
