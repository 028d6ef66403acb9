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

/// The contact centre's settings (`[contact]` in the configuration), for its pages and routes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactSettings {
    /// How the person sees who looked them up.
    pub lookup_shown_as: stadsporten_domain::contact_centre::LookupShownAs,
    /// Opening hours that call-back deadlines count.
    pub opening: stadsporten_domain::contact_centre::OpeningHours,
    /// Opening hours to a call-back, by default and per queue.
    pub callback_hours: u32,
    pub callback_hours_by_queue: std::collections::BTreeMap<String, u32>,
    /// Failed tries before the SMS.
    pub callback_attempts: u32,
    /// How long a claim holds (seconds).
    pub claim_seconds: i64,
}

impl Default for ContactSettings {
    fn default() -> Self {
        ContactSettings {
            lookup_shown_as: stadsporten_domain::contact_centre::LookupShownAs::UnitAndReference,
            opening: Default::default(),
            callback_hours: 4,
            callback_hours_by_queue: Default::default(),
            callback_attempts: 3,
            claim_seconds: 900,
        }
    }
}

impl ContactSettings {
    /// The deadline of a call-back promised at `at` for a caller in `queue`.
    pub fn callback_due(&self, queue: &str, at: i64) -> i64 {
        let hours = self.callback_hours_by_queue.get(queue).copied().unwrap_or(self.callback_hours);
        stadsporten_domain::contact_centre::callback_deadline(at, hours, self.opening)
    }
}
