//! Storage errors: the one error of every store method. `NotFound`, `Conflict` and `Refused` are
//! answers the caller shows the person (a 404, "changed meanwhile", the reason beside the form);
//! everything else the caller logs once and shows as an opaque error — its text never reaches a
//! browser.

use crate::cases::CaseRefusal;
use crate::eservices::UploadRefusal;

/// Why the store refused to carry out a write (nothing was written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A case action the case's state does not allow.
    Case(CaseRefusal),
    /// A definition upload that does not fit the catalogue.
    Upload(UploadRefusal),
}

/// Everything that can go wrong below the store's interface.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// What was asked for does not exist (or is not the caller's).
    #[error("not found")]
    NotFound,
    /// Someone else changed it meanwhile.
    #[error("changed meanwhile")]
    Conflict,
    /// Refused, with the reason; nothing was written.
    #[error("refused: {0:?}")]
    Refused(Refusal),
    #[error("unsupported database URL scheme (expected sqlite:// or postgres://)")]
    UnsupportedUrl,
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("corrupt row: {0}")]
    CorruptRow(String),
    #[error("seed content is invalid: {0}")]
    Seed(String),
    #[error("io error: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = DbError> = std::result::Result<T, E>;

impl From<CaseRefusal> for DbError {
    fn from(r: CaseRefusal) -> Self {
        DbError::Refused(Refusal::Case(r))
    }
}

impl From<UploadRefusal> for DbError {
    fn from(r: UploadRefusal) -> Self {
        DbError::Refused(Refusal::Upload(r))
    }
}

impl DbError {
    /// The database cannot be reached or is shutting down (not a fault of this request): the
    /// person is told to try again shortly, operations see it in the readiness check.
    pub fn is_unavailable(&self) -> bool {
        match self {
            DbError::Sqlx(
                sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_),
            ) => true,
            DbError::Sqlx(sqlx::Error::Database(e)) => {
                // PostgreSQL's classes 08 (connection exception) and 57P (operator intervention:
                // shutting down, cannot connect now).
                e.code().is_some_and(|c| c.starts_with("08") || c.starts_with("57P"))
            }
            DbError::Io(_) => true,
            _ => false,
        }
    }

    /// The case refusal, if this is one.
    pub fn case_refusal(&self) -> Option<CaseRefusal> {
        match self {
            DbError::Refused(Refusal::Case(r)) => Some(*r),
            _ => None,
        }
    }
}
