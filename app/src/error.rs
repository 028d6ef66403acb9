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
    #[error("internal error")]
    Internal,
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::BadRequest(_) | AppError::BadArguments => 400,
            AppError::Internal => 500,
        }
    }

    /// The fluent id of the page title for this error.
    pub fn title_id(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found-title",
            AppError::BadRequest(_) | AppError::BadArguments => "error-bad-request-title",
            AppError::Internal => "error-internal-title",
        }
    }

    /// The fluent id of the explanation for this error.
    pub fn message_id(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found-body",
            AppError::BadRequest(e) => e.code(),
            AppError::BadArguments => "error-malformed-query",
            AppError::Internal => "error-internal-body",
        }
    }

    /// Sets the response status to this error's and returns it, for `Err(e.respond())`.
    pub fn respond(self) -> Self {
        crate::context::set_status(self.status());
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
impl From<stadsporten_db::DbError> for AppError {
    fn from(e: stadsporten_db::DbError) -> Self {
        tracing::error!(error = %e, "storage error");
        AppError::Internal
    }
}
