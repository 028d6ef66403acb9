//! The one error type that crosses the wire from server functions.
//!
//! Error policy: each variant has a stable code that is also its fluent message id and an HTTP
//! status. Internal details are logged once where they are converted (with `tracing`) and never
//! sent to the browser: the user sees a translated explanation and what to do next.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use stadsporten_domain::QueryError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// The request's parameters are malformed; the inner error says which.
    #[error("bad request: {0}")]
    BadRequest(QueryError),
    /// Arguments that could not be decoded at all (hand-made requests).
    #[error("undecodable arguments")]
    BadArguments,
    /// Not signed in (or the session ended) where signing in is needed.
    #[error("not signed in")]
    Unauthorized,
    /// Signed in, but this person may not do this or see this.
    #[error("forbidden")]
    Forbidden,
    /// Signed in with an e-ID whose level of assurance is too low for this e-service
    /// (confidentiality 3 needs substantial): sign in again at that level.
    #[error("level of assurance too low")]
    AssuranceTooLow,
    /// A form without a valid CSRF token, or a cross-site request.
    #[error("cross-site request refused")]
    CrossSite,
    /// Sign-in was refused (a failed check of the provider's answer).
    #[error("sign-in failed")]
    SignInFailed,
    /// The person cancelled at the identity provider.
    #[error("sign-in cancelled")]
    SignInCancelled,
    /// The identity provider could not be reached.
    #[error("sign-in unavailable")]
    SignInUnavailable,
    /// An upload larger than the limit, refused before its body was read.
    #[error("payload too large")]
    TooLarge,
    /// An address asked with a method it does not take (a server function opened in the
    /// address bar).
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The service cannot answer now (the database is away, or the node is overloaded); the
    /// person is asked to try again shortly.
    #[error("temporarily unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Unauthorized => 401,
            AppError::Forbidden | AppError::CrossSite | AppError::AssuranceTooLow => 403,
            AppError::SignInFailed | AppError::SignInCancelled => 401,
            AppError::SignInUnavailable => 503,
            AppError::BadRequest(_) | AppError::BadArguments => 400,
            AppError::TooLarge => 413,
            AppError::MethodNotAllowed => 405,
            AppError::Unavailable => 503,
            AppError::Internal => 500,
        }
    }

    /// The fluent id of the page title for this error.
    pub fn title_id(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found-title",
            AppError::Unauthorized => "error-unauthorized-title",
            AppError::Forbidden => "error-forbidden-title",
            AppError::AssuranceTooLow => "error-assurance-title",
            AppError::CrossSite => "error-cross-site-title",
            AppError::SignInFailed => "error-sign-in-failed-title",
            AppError::SignInCancelled => "error-sign-in-cancelled-title",
            AppError::SignInUnavailable => "error-sign-in-unavailable-title",
            AppError::BadRequest(_) | AppError::BadArguments => "error-bad-request-title",
            AppError::TooLarge => "error-too-large-title",
            AppError::MethodNotAllowed => "error-method-not-allowed-title",
            AppError::Unavailable => "error-unavailable-title",
            AppError::Internal => "error-internal-title",
        }
    }

    /// The fluent id of the explanation for this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found-body",
            AppError::Unauthorized => "error-unauthorized-body",
            AppError::Forbidden => "error-forbidden-body",
            AppError::AssuranceTooLow => "error-assurance-body",
            AppError::CrossSite => "error-cross-site-body",
            AppError::SignInFailed => "error-sign-in-failed-body",
            AppError::SignInCancelled => "error-sign-in-cancelled-body",
            AppError::SignInUnavailable => "error-sign-in-unavailable-body",
            AppError::BadRequest(e) => e.code(),
            AppError::BadArguments => "error-malformed-query",
            AppError::TooLarge => "error-too-large-body",
            AppError::MethodNotAllowed => "error-method-not-allowed-body",
            AppError::Unavailable => "error-unavailable-body",
            AppError::Internal => "error-internal-body",
        }
    }

    /// The stable code used in `/error/{code}` pages.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not-found",
            AppError::BadRequest(_) | AppError::BadArguments => "bad-request",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::AssuranceTooLow => "assurance-too-low",
            AppError::CrossSite => "cross-site",
            AppError::SignInFailed => "sign-in-failed",
            AppError::SignInCancelled => "sign-in-cancelled",
            AppError::SignInUnavailable => "sign-in-unavailable",
            AppError::TooLarge => "too-large",
            AppError::MethodNotAllowed => "method-not-allowed",
            AppError::Unavailable => "unavailable",
            AppError::Internal => "internal",
        }
    }

    pub fn from_code(code: &str) -> Option<AppError> {
        Some(match code {
            "not-found" => AppError::NotFound,
            "bad-request" => AppError::BadArguments,
            "unauthorized" => AppError::Unauthorized,
            "forbidden" => AppError::Forbidden,
            "assurance-too-low" => AppError::AssuranceTooLow,
            "cross-site" => AppError::CrossSite,
            "sign-in-failed" => AppError::SignInFailed,
            "sign-in-cancelled" => AppError::SignInCancelled,
            "sign-in-unavailable" => AppError::SignInUnavailable,
            "too-large" => AppError::TooLarge,
            "method-not-allowed" => AppError::MethodNotAllowed,
            "unavailable" => AppError::Unavailable,
            "internal" => AppError::Internal,
            _ => return None,
        })
    }

    /// Sets the response status to this error's and returns it, for `Err(e.respond())`.
    pub fn respond(self) -> Self {
        set_status(self.status());
        self
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::BadArguments.respond()
            }
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// A storage error where the caller knows what it was doing (`what`, for the log): the
    /// database being away is "try again shortly" (503), anything else is logged and opaque.
    pub fn from_storage(e: stadsporten_db::DbError, what: &'static str) -> AppError {
        if e.is_unavailable() {
            return AppError::from(e);
        }
        tracing::error!(error = %e, "{what}");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<stadsporten_db::DbError> for AppError {
    /// "Not found" is the person's answer; a refusal or conflict the caller did not handle, and
    /// every other storage error, is logged and opaque.
    fn from(e: stadsporten_db::DbError) -> Self {
        match e {
            stadsporten_db::DbError::NotFound => AppError::NotFound,
            e if e.is_unavailable() => {
                tracing::warn!(error = %e, "the database is unavailable");
                AppError::Unavailable.respond()
            }
            e => {
                tracing::error!(error = %e, "storage error");
                AppError::Internal
            }
        }
    }
}

/// Sets the HTTP status of the response being rendered (server side; no-op in the browser).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(opts) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(code) {
            opts.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}
