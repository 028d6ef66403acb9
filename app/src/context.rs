//! Per-request facts the server works out before rendering (language, lite mode, the URL), and
//! access to the store inside server functions.

use serde::{Deserialize, Serialize};
use stadsporten_domain::access::{Permission, Principal, Target};
use stadsporten_domain::ids::UserId;
use stadsporten_domain::organisation::OrganisationNumber;
use stadsporten_domain::Lang;

/// The signed-in person as pages and server functions see them. Never holds a personnummer or a
/// token: what a page needs of those it reads from the store, scoped to this user. (`Debug` is
/// written out below: it must not show the CSRF token.)
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    pub user_id: UserId,
    pub name: String,
    pub is_staff: bool,
    pub principal: Principal,
    /// The organisation the person acts for now (number and name), if any.
    pub acting_for: Option<(OrganisationNumber, String)>,
    /// This session's CSRF token, put in every form.
    pub csrf: String,
    /// When the session ends without activity (unix seconds).
    pub session_ends_at: i64,
    /// The configured idle limit and warning time, in seconds.
    pub idle_seconds: i64,
    pub warn_seconds: i64,
    /// The e-ID sign-in's level of assurance (`None`: unknown, which counts as low).
    pub assurance: Option<stadsporten_domain::security::assurance::Assurance>,
}

/// Everything but the CSRF token, which would otherwise reach logs and panic messages with any
/// `{:?}` of a viewer or a request context (and with it, the power to forge the person's forms).
impl std::fmt::Debug for Viewer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Viewer")
            .field("user_id", &self.user_id)
            .field("name", &self.name)
            .field("is_staff", &self.is_staff)
            .field("principal", &self.principal)
            .field("acting_for", &self.acting_for)
            .field("csrf", &"[redacted]")
            .field("session_ends_at", &self.session_ends_at)
            .field("idle_seconds", &self.idle_seconds)
            .field("warn_seconds", &self.warn_seconds)
            .field("assurance", &self.assurance)
            .finish()
    }
}

impl Viewer {
    pub fn may(&self, permission: Permission, target: &Target<'_>) -> bool {
        self.principal.allows(permission, target)
    }
}

/// Settings the server hands to pages and server functions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceSettings {
    /// How often each scope's access grants must be reviewed (seconds).
    pub review_interval: i64,
    /// Where people reach the service, for links in e-mail.
    pub public_url: String,
    /// The value report's estimate of staff minutes per case handled manually and digitally.
    pub minutes_manual: u32,
    pub minutes_digital: u32,
    /// The contact centre's settings.
    pub contact: crate::settings::ContactSettings,
}

/// The session key under which the organisation a representative acts for is kept.
pub const ACTING_FOR_KEY: &str = "acting_for";

/// Why the last session ended, shown once on the next page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionEnded {
    /// Thirty minutes without activity.
    Idle,
    /// Twelve hours after sign-in.
    Absolute,
    /// Ended by an administrator, or the account was disabled.
    Revoked,
}

/// What the server knows about the request; inserted into request extensions by the server's
/// middleware and read by pages and server functions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequestContext {
    pub lang: Lang,
    /// Lite delivery: no JavaScript or WebAssembly is sent (TV and low-end browsers, Save-Data).
    pub lite: bool,
    pub path: String,
    /// The raw query string, without `?`.
    pub query: String,
    /// This response's CSP nonce (the server sets the matching `Content-Security-Policy`).
    pub nonce: String,
    /// The signed-in user, if any.
    pub viewer: Option<Viewer>,
    /// Set when this request found the session ended.
    pub session_ended: Option<SessionEnded>,
    /// Where "sign in again" should lead when this request cannot be served signed out (the page a
    /// refused form was posted from).
    pub return_to: Option<String>,
    /// A refused form kept from the previous request (see `flash`).
    pub flash: Option<crate::flash::FormFlash>,
    /// The server's clock at the start of the request (unix seconds; injectable in tests).
    pub now: i64,
    /// For the audit trail: the request id and the client's address.
    pub request_id: String,
    pub client_addr: String,
    /// The class of the browser's device (from its User-Agent), for measurement only.
    pub device: stadsporten_domain::stats::DeviceClass,
}

impl RequestContext {
    /// Where "sign in (again)" should lead: the page a refused form came from when one was
    /// parked, else this page — unless this is an error, sign-in or server-function address,
    /// which are no place to come back to (then Mina sidor).
    pub fn return_here(&self) -> String {
        if let Some(to) = &self.return_to {
            return to.clone();
        }
        if ["/error/", "/auth/", "/api/", "/forms/", "/cases/"].iter().any(|p| self.path.starts_with(p)) {
            "/my".to_owned()
        } else {
            self.here()
        }
    }

    /// Path and query of this request, for "return here" links.
    pub fn here(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }
}

/// The current request's context (server side); a default on the client, where it is unused.
pub fn current() -> RequestContext {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        if let Some(parts) = use_context::<http::request::Parts>() {
            if let Some(ctx) = parts.extensions.get::<RequestContext>() {
                return ctx.clone();
            }
        }
    }
    RequestContext::default()
}

/// The store, provided to every route and server function by the server.
#[cfg(feature = "ssr")]
pub fn store() -> Result<stadsporten_db::Store, crate::error::AppError> {
    leptos::prelude::use_context::<stadsporten_db::Store>().ok_or_else(|| {
        tracing::error!("store missing from context");
        crate::error::AppError::Internal
    })
}

pub use crate::error::set_status;

impl RequestContext {
    /// The refused (or parked) form kept for this page view, if it is `form`'s.
    pub fn flash_for(&self, form: &str) -> Option<&crate::flash::FormFlash> {
        self.flash.as_ref().filter(|f| f.form == form || f.form == crate::flash::PARKED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_viewers_debug_output_does_not_show_the_csrf_token() {
        let token = "Zm9vYmFyLXNlY3JldC10b2tlbi0xMjM0NTY3ODkw";
        let viewer = Viewer {
            user_id: UserId::new(7),
            name: "Anna Andersson".into(),
            is_staff: false,
            principal: Principal { user_id: UserId::new(7), grants: Vec::new(), acting_for: None },
            acting_for: None,
            csrf: token.into(),
            session_ends_at: 1_800,
            idle_seconds: 1_800,
            warn_seconds: 300,
            assurance: None,
        };
        for shown in [format!("{viewer:?}"), format!("{viewer:#?}"), format!("{:?}", Some(&viewer))] {
            assert!(!shown.contains(token), "{shown}");
            assert!(!shown.contains(&token[..8]), "not even a part of it: {shown}");
            assert!(shown.contains("user_id") && shown.contains("Anna Andersson"), "the rest is shown: {shown}");
        }
        let ctx = RequestContext { viewer: Some(viewer), ..RequestContext::default() };
        assert!(!format!("{ctx:?}").contains(token), "nor through the request context");
    }
}
