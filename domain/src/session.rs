//! The session time-out rules: an idle limit and an absolute limit, with a warning before the
//! idle limit so the person can extend (WCAG 2.2.1, timing adjustable).
//!
//! Policy: times are unix seconds passed in by the caller, never read from a clock here, so the
//! rules are tested with any time and the server can inject its clock.

use serde::{Deserialize, Serialize};

/// The configured limits, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPolicy {
    pub idle: i64,
    pub absolute: i64,
    /// How long before the idle limit the warning shows.
    pub warn_before: i64,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy { idle: 30 * 60, absolute: 12 * 60 * 60, warn_before: 5 * 60 }
    }
}

/// Where a session stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SessionState {
    /// Still valid; `ends_at` is when it ends without activity, `warn` whether to warn now.
    Active {
        ends_at: i64,
        warn: bool,
        ends_by_absolute_limit: bool,
    },
    IdleExpired,
    AbsoluteExpired,
}

impl SessionPolicy {
    pub fn assess(&self, signed_in_at: i64, last_seen_at: i64, now: i64) -> SessionState {
        let absolute_end = signed_in_at + self.absolute;
        let idle_end = last_seen_at + self.idle;
        if now >= absolute_end {
            return SessionState::AbsoluteExpired;
        }
        if now >= idle_end {
            return SessionState::IdleExpired;
        }
        let ends_at = idle_end.min(absolute_end);
        SessionState::Active {
            ends_at,
            warn: now >= ends_at - self.warn_before,
            ends_by_absolute_limit: absolute_end <= idle_end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: SessionPolicy = SessionPolicy { idle: 1800, absolute: 43200, warn_before: 300 };

    #[test]
    fn a_session_ends_after_thirty_idle_minutes() {
        assert!(matches!(P.assess(0, 0, 1799), SessionState::Active { ends_at: 1800, warn: true, .. }));
        assert_eq!(P.assess(0, 0, 1800), SessionState::IdleExpired);
        assert!(matches!(P.assess(0, 1000, 2000), SessionState::Active { ends_at: 2800, warn: false, .. }));
    }

    #[test]
    fn the_warning_shows_in_the_last_five_minutes_only() {
        assert!(matches!(P.assess(0, 0, 1499), SessionState::Active { warn: false, .. }));
        assert!(matches!(P.assess(0, 0, 1500), SessionState::Active { warn: true, .. }));
    }

    #[test]
    fn activity_never_stretches_a_session_past_twelve_hours() {
        let just_active = 43200 - 10;
        assert!(matches!(
            P.assess(0, just_active, just_active),
            SessionState::Active { ends_at: 43200, warn: true, ends_by_absolute_limit: true }
        ));
        assert_eq!(P.assess(0, 43199, 43200), SessionState::AbsoluteExpired);
    }
}
