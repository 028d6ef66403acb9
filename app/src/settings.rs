//! Settings the server hands to pages, server functions and form routes (as Leptos context), shared
//! by every feature that takes drafts and files.

/// E-service settings: how long drafts live and how large a file may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EServiceSettings {
    /// A draft is deleted this long after it was last saved (seconds).
    pub draft_seconds: i64,
    /// The reminder goes out this long before (seconds).
    pub reminder_seconds: i64,
    pub max_upload_bytes: usize,
}
