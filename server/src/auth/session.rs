//! The signed-in session: what is kept server-side, and the middleware that turns a session cookie
//! into a [`Viewer`] for every request.
//!
//! Policy:
//! - The cookie holds only the (signed) session id; a tampered or unknown cookie is no session.
//! - A session dies when the user is disabled, when an administrator ends the user's sessions
//!   (the user's `session_epoch` moved on), after the idle limit and after the absolute limit —
//!   all judged with the injectable [`Clock`](stadsporten_app::web::clock::Clock). The next page says why, once.
//! - Each page view, and the "stay signed in" link, is activity; assets and health checks are not.

use crate::auth::AuthState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use stadsporten_app::context::{RequestContext, SessionEnded, Viewer, ACTING_FOR_KEY};
use stadsporten_app::flash::{FormFlash, FLASH_KEY};
use stadsporten_db::UserKind;
use stadsporten_domain::audit::{AuditAction, Outcome};
use stadsporten_domain::ids::UserId;
use stadsporten_domain::organisation::OrganisationNumber;
use stadsporten_domain::session::SessionState;
use std::sync::Arc;
use tower_sessions::Session;

/// The session cookie's name (`__Host-`: secure, host-only, path `/`).
pub const SESSION_COOKIE: &str = "__Host-stadsporten";
pub const AUTH_KEY: &str = "auth";
pub const LOGIN_KEY: &str = "login";

/// How finely a session's last activity is recorded (see `resolve`).
pub const ACTIVITY_GRANULARITY_SECONDS: i64 = 60;

/// Which provider someone signed in with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    Resident,
    Staff,
}

impl ProviderKind {
    pub fn parse(s: &str) -> Option<ProviderKind> {
        match s {
            "resident" => Some(ProviderKind::Resident),
            "staff" => Some(ProviderKind::Staff),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ProviderKind::Resident => "resident",
            ProviderKind::Staff => "staff",
        }
    }
}

/// A signed-in session, stored server-side. (`Debug` below leaves out the CSRF token.)
#[derive(Clone, Serialize, Deserialize)]
pub struct SessionAuth {
    pub user_id: UserId,
    /// The user's `session_epoch` when the session began.
    pub epoch: i64,
    pub provider: ProviderKind,
    pub signed_in_at: i64,
    pub last_seen_at: i64,
    pub csrf: String,
    /// The e-ID's level of assurance (the ID token's `acr`); unknown counts as low.
    #[serde(default)]
    pub assurance: Option<stadsporten_domain::security::assurance::Assurance>,
    /// A member of staff opened a confidentiality-3 case in this session: the shorter idle
    /// time-out applies from then on.
    #[serde(default)]
    pub sensitive: bool,
}

/// A sign-in in progress: what the callback must find again. (`Debug` below leaves out the
/// state, nonce and PKCE verifier.)
#[derive(Clone, Serialize, Deserialize)]
pub struct PendingLogin {
    pub provider: ProviderKind,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub return_to: String,
    pub started_at: i64,
}

// Secrets stay out of logs and panic messages, like the viewer's token (see `Viewer`'s `Debug`).
impl std::fmt::Debug for SessionAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionAuth")
            .field("user_id", &self.user_id)
            .field("epoch", &self.epoch)
            .field("provider", &self.provider)
            .field("signed_in_at", &self.signed_in_at)
            .field("last_seen_at", &self.last_seen_at)
            .field("csrf", &"[redacted]")
            .field("assurance", &self.assurance)
            .field("sensitive", &self.sensitive)
            .finish()
    }
}

impl std::fmt::Debug for PendingLogin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PendingLogin")
            .field("provider", &self.provider)
            .field("state", &"[redacted]")
            .field("nonce", &"[redacted]")
            .field("pkce_verifier", &"[redacted]")
            .field("return_to", &self.return_to)
            .field("started_at", &self.started_at)
            .finish()
    }
}

/// Paths that are not activity: they neither extend a session nor need a viewer.
fn is_passive(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path.starts_with("/test-idp/")
        || matches!(path, "/healthz" | "/readyz" | "/favicon.svg" | "/favicon.ico")
}

/// Resolves the session into a viewer and puts it into the request's [`RequestContext`].
pub async fn load_viewer(State(auth): State<Arc<AuthState>>, mut req: Request, next: Next) -> Response {
    let now = auth.clock.now();
    if let Some(ctx) = req.extensions_mut().get_mut::<RequestContext>() {
        ctx.now = now;
    }
    let path = req.uri().path().to_owned();
    let session = req.extensions().get::<Session>().cloned();
    if let (Some(session), false) = (session, is_passive(&path)) {
        let session = &session;
        match resolve(&auth, session, &path, now).await {
            Ok(Resolved::Anonymous) => {}
            Ok(Resolved::Viewer(viewer)) => {
                // A form refused by the previous request is shown by this page view, once.
                // Removed only when there is one: a removal marks the session changed, and a
                // changed session is written back (a write and an fsync on every page view).
                let flash = if req.method() == axum::http::Method::GET && !path.starts_with("/api/") {
                    match session.get::<FormFlash>(FLASH_KEY).await.ok().flatten() {
                        Some(flash) => {
                            let _ = session.remove_value(FLASH_KEY).await;
                            Some(flash)
                        }
                        None => None,
                    }
                } else {
                    None
                };
                if let Some(ctx) = req.extensions_mut().get_mut::<RequestContext>() {
                    ctx.viewer = Some(*viewer);
                    ctx.flash = flash;
                }
            }
            Ok(Resolved::Ended(why, user_id)) => {
                // Keep nothing of the old session, not even its id.
                let _ = session.flush().await;
                if let Some(ctx) = req.extensions_mut().get_mut::<RequestContext>() {
                    ctx.session_ended = Some(why);
                    let mut entry = stadsporten_app::auth::entry(
                        ctx,
                        AuditAction::SessionExpired,
                        "session",
                        None,
                        Outcome::Success,
                        None,
                        Some(format!("{why:?}").to_lowercase()),
                    );
                    entry.actor_id = Some(user_id);
                    if let Err(e) = auth.store.append_audit(&entry).await {
                        tracing::error!(error = %e, "could not audit a session end");
                    }
                }
            }
            Err(e) => {
                // The session store is the database: when it cannot be reached, say "try again
                // shortly" rather than show a signed-in person a signed-out page. Anything else
                // (a session that no longer reads) is no session.
                if auth.store.ping().await.is_err() {
                    tracing::warn!(error = %e, "could not load the session: the database is unavailable");
                    let lang = req.extensions().get::<RequestContext>().map(|c| c.lang).unwrap_or_default();
                    return crate::middleware::unavailable_page(lang);
                }
                tracing::error!(error = %e, "could not load the session; treating the request as signed out");
            }
        }
    }
    next.run(req).await
}

enum Resolved {
    Anonymous,
    Viewer(Box<Viewer>),
    Ended(SessionEnded, UserId),
}

/// The case of an officer's case page (`/officer/cases/{id}` and what is under it).
fn officer_case(path: &str) -> Option<stadsporten_domain::CaseId> {
    path.strip_prefix("/officer/cases/")?.split('/').next()?.parse().ok()
}

async fn resolve(
    auth: &AuthState,
    session: &Session,
    path: &str,
    now: i64,
) -> Result<Resolved, Box<dyn std::error::Error + Send + Sync>> {
    let Some(mut data) = session.get::<SessionAuth>(AUTH_KEY).await? else {
        return Ok(Resolved::Anonymous);
    };
    // Cached per node until users, grants or mandates change (`stadsporten_db::SignedIn`).
    let who = auth.store.signed_in(data.user_id, now).await?;
    let Some(who) = who.filter(|w| !w.user.disabled && w.user.session_epoch == data.epoch) else {
        return Ok(Resolved::Ended(SessionEnded::Revoked, data.user_id));
    };
    let user = &who.user;
    let sensitive_policy = |sensitive: bool| {
        if sensitive {
            let idle = auth.policy.idle.min(stadsporten_domain::security::classification::SENSITIVE_IDLE_SECONDS);
            stadsporten_domain::session::SessionPolicy {
                idle,
                warn_before: auth.policy.warn_before.min(idle / 3),
                ..auth.policy
            }
        } else {
            auth.policy
        }
    };
    // This request is judged by the limit in force before it: opening a sensitive case after 15
    // quiet minutes is allowed; from then on the shorter limit applies.
    match sensitive_policy(data.sensitive).assess(data.signed_in_at, data.last_seen_at, now) {
        SessionState::IdleExpired => return Ok(Resolved::Ended(SessionEnded::Idle, user.id)),
        SessionState::AbsoluteExpired => return Ok(Resolved::Ended(SessionEnded::Absolute, user.id)),
        SessionState::Active { .. } => {}
    }
    // Staff who open a confidentiality-3 case: the shorter idle limit for the rest of the session
    // (noticed here, where every request of theirs passes).
    let mut changed = false;
    if user.kind == UserKind::Staff && !data.sensitive {
        if let Some(id) = officer_case(path) {
            if auth.store.case_classification(id).await.is_ok_and(|c| c.controls().staff_idle_seconds.is_some()) {
                data.sensitive = true;
                changed = true;
            }
        }
    }
    // This request is activity: the session now runs from here. Recorded at most once a minute,
    // so that page views do not each write the session back; the session may end up to that much
    // before a full idle period, and the time shown is the recorded one.
    if now - data.last_seen_at >= ACTIVITY_GRANULARITY_SECONDS || now < data.last_seen_at {
        data.last_seen_at = now;
        changed = true;
    }
    if changed {
        session.insert(AUTH_KEY, &data).await?;
    }
    let policy = sensitive_policy(data.sensitive);
    let ends_at = match policy.assess(data.signed_in_at, data.last_seen_at, now) {
        SessionState::Active { ends_at, .. } => ends_at,
        _ => now,
    };
    // Set by Mina sidor's "act for" (app::account); checked against the mandates right here.
    let acting_for: Option<OrganisationNumber> = session.get(ACTING_FOR_KEY).await.ok().flatten();
    let principal = who.principal(acting_for.as_ref());
    let acting_for = principal
        .acting_for
        .as_ref()
        .and_then(|org| who.mandates.iter().find(|m| &m.organisation == org))
        .map(|m| (m.organisation.clone(), m.name.clone()));
    Ok(Resolved::Viewer(Box::new(Viewer {
        user_id: user.id,
        name: user.display_name.clone(),
        is_staff: user.kind == UserKind::Staff,
        principal,
        acting_for,
        csrf: data.csrf,
        session_ends_at: ends_at,
        idle_seconds: policy.idle,
        warn_seconds: policy.warn_before,
        assurance: data.assurance,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_secrets_stay_out_of_debug_output() {
        let auth = SessionAuth {
            user_id: UserId::new(1),
            epoch: 0,
            provider: ProviderKind::Resident,
            signed_in_at: 0,
            last_seen_at: 0,
            csrf: "csrf-secret-1".into(),
            assurance: None,
            sensitive: false,
        };
        let pending = PendingLogin {
            provider: ProviderKind::Staff,
            state: "state-secret-2".into(),
            nonce: "nonce-secret-3".into(),
            pkce_verifier: "pkce-secret-4".into(),
            return_to: "/my".into(),
            started_at: 0,
        };
        let shown = format!("{auth:?} {pending:#?}");
        for secret in ["csrf-secret-1", "state-secret-2", "nonce-secret-3", "pkce-secret-4"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("/my") && shown.contains("Resident"), "{shown}");
    }
}
