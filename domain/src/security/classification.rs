//! Information classification on the four-level scale Swedish municipalities use (KLASSA-style):
//! confidentiality (konfidentialitet), integrity (riktighet) and availability (tillgänglighet),
//! each 1–4, set by the information owner with a reason.
//!
//! Policy: a level is a set of controls the code enforces, not a label. [`controls`] is the one
//! table: the notification renderer, the file store, the exports, the session time-out and the
//! sign-in ask it, and `docs/security.md` prints it ([`CONTROL_TABLE`]). An e-service nobody has
//! classified is treated as level 2 on every aspect (internal, the municipal default), never as 1.
//! Confidentiality 4 is refused: such information belongs in a dedicated system, not on a web
//! platform shared with the public.

use super::assurance::Assurance;
use crate::eservice::FieldError;
use serde::{Deserialize, Serialize};

/// One level of the four-level scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// 1: negligible harm (public information).
    L1 = 1,
    /// 2: moderate harm (internal).
    L2 = 2,
    /// 3: considerable harm (sensitive personal data, secrecy under OSL).
    L3 = 3,
    /// 4: serious harm.
    L4 = 4,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::L1, Level::L2, Level::L3, Level::L4];

    pub fn number(self) -> i64 {
        self as i64
    }

    pub fn from_number(n: i64) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.number() == n)
    }

    /// As posted or stored: `1` … `4`.
    pub fn parse(s: &str) -> Option<Level> {
        s.trim().parse::<i64>().ok().and_then(Level::from_number)
    }
}

/// What is classified: an e-service (its cases, files and messages), or an information type of
/// the platform itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Subject {
    Service(String),
    Information(InformationType),
}

slug_enum! {
    /// The platform's own information types, classified beside the e-services.
    InformationType {
        AuditTrail => "audit-trail",
        ContactErrands => "contact-errands",
        CallerLookups => "caller-lookups",
        SecurityIncidents => "security-incidents",
        ProviderData => "provider-data",
        Statistics => "statistics",
        Catalogue => "catalogue",
    }
}

impl Subject {
    /// As stored and posted: `service:hemtjanst` or `information:audit-trail`.
    pub fn key(&self) -> String {
        match self {
            Subject::Service(s) => format!("service:{s}"),
            Subject::Information(t) => format!("information:{}", t.slug()),
        }
    }

    pub fn parse(raw: &str) -> Option<Subject> {
        match raw.trim().split_once(':')? {
            ("service", slug)
                if !slug.is_empty()
                    && slug.len() <= 100
                    && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') =>
            {
                Some(Subject::Service(slug.to_owned()))
            }
            ("information", t) => InformationType::parse(t).map(Subject::Information),
            _ => None,
        }
    }
}

/// A subject's three levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Classification {
    pub confidentiality: Level,
    pub integrity: Level,
    pub availability: Level,
}

impl Classification {
    /// What an unclassified subject is treated as: level 2 on every aspect.
    pub const UNCLASSIFIED: Classification =
        Classification { confidentiality: Level::L2, integrity: Level::L2, availability: Level::L2 };

    pub fn new(c: Level, i: Level, a: Level) -> Classification {
        Classification { confidentiality: c, integrity: i, availability: a }
    }

    /// The controls this classification turns on.
    pub fn controls(self) -> Controls {
        controls(self.confidentiality, self.integrity, self.availability)
    }

    /// Short form for staff pages and exports: `K3 R2 T2` in Swedish, `C3 I2 A2` otherwise (the
    /// letters are translated by the caller; this is the numbers).
    pub fn numbers(self) -> (i64, i64, i64) {
        (self.confidentiality.number(), self.integrity.number(), self.availability.number())
    }

    /// Sensitive enough that residents are told how the information is protected.
    pub fn is_sensitive(self) -> bool {
        self.confidentiality >= Level::L3
    }
}

/// How backups are taken and kept, from the highest availability and integrity levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BackupPolicy {
    /// At most this many hours of data may be lost (recovery point).
    pub every_hours: i64,
    /// Backups are kept this many days.
    pub keep_days: i64,
    /// The service is back within this many hours (recovery time objective).
    pub restore_within_hours: i64,
    /// Every backup is restored and checked (its checksums and the audit chain) after it is taken.
    pub verify_each: bool,
}

/// Every control a classification turns on. Fields are what the code asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Controls {
    /// Confidentiality 4: not allowed on the platform at all.
    pub refused: bool,
    /// Notifications may name the service and the case; otherwise only "you have a new message
    /// in Mina sidor".
    pub content_in_notifications: bool,
    /// Uploaded files are encrypted at rest with a key of their own.
    pub encrypt_files: bool,
    /// Exports and CSV downloads need a stated reason (audited).
    pub export_needs_reason: bool,
    /// Staff who open such a case get this idle time-out (seconds) instead of the usual one.
    pub staff_idle_seconds: Option<i64>,
    /// The lowest e-ID level of assurance that may use it.
    pub min_assurance: Assurance,
    /// Residents are shown how their information is protected.
    pub protection_notice: bool,
    /// Files' SHA-256 is checked on every download (a changed file is refused, not served).
    pub verify_checksums: bool,
    pub backup: BackupPolicy,
}

/// The idle time-out for staff on confidentiality-3 cases.
pub const SENSITIVE_IDLE_SECONDS: i64 = 10 * 60;

/// The control table.
pub fn controls(confidentiality: Level, integrity: Level, availability: Level) -> Controls {
    let c3 = confidentiality >= Level::L3;
    let backup = match availability.max(integrity) {
        Level::L1 => BackupPolicy { every_hours: 24, keep_days: 30, restore_within_hours: 7 * 24, verify_each: false },
        Level::L2 => BackupPolicy { every_hours: 24, keep_days: 90, restore_within_hours: 3 * 24, verify_each: false },
        Level::L3 => BackupPolicy { every_hours: 1, keep_days: 90, restore_within_hours: 8, verify_each: true },
        Level::L4 => BackupPolicy { every_hours: 1, keep_days: 365, restore_within_hours: 1, verify_each: true },
    };
    Controls {
        refused: confidentiality == Level::L4,
        content_in_notifications: !c3,
        encrypt_files: c3,
        export_needs_reason: c3,
        staff_idle_seconds: c3.then_some(SENSITIVE_IDLE_SECONDS),
        min_assurance: if c3 { Assurance::Substantial } else { Assurance::Low },
        protection_notice: c3,
        verify_checksums: integrity >= Level::L3,
        backup,
    }
}

/// The platform's backup policy: the strictest any classified subject asks for.
pub fn platform_backup(all: impl IntoIterator<Item = Classification>) -> BackupPolicy {
    let mut worst = Classification::UNCLASSIFIED;
    for c in all {
        worst.integrity = worst.integrity.max(c.integrity);
        worst.availability = worst.availability.max(c.availability);
    }
    worst.controls().backup
}

/// One row of the printed table: the level and what it turns on, for each aspect.
pub struct TableRow {
    pub aspect: &'static str,
    pub level: i64,
    pub controls: &'static str,
}

/// The controls per level, as `docs/security.md` and the README print them (a test keeps the
/// printed table and [`controls`] saying the same).
pub const CONTROL_TABLE: &[TableRow] = &[
    TableRow { aspect: "C", level: 1, controls: "notifications may name the service and the case; any e-ID level" },
    TableRow { aspect: "C", level: 2, controls: "as 1 (the default for what nobody has classified)" },
    TableRow {
        aspect: "C",
        level: 3,
        controls:
            "notifications without content; files encrypted at rest (per-file key wrapped by the configured key); \
                   exports only with a stated reason; staff idle time-out 10 minutes; e-ID level of assurance at least \
                   substantial; residents told how the information is protected",
    },
    TableRow {
        aspect: "C",
        level: 4,
        controls: "refused: belongs in a dedicated system; the information owner is told",
    },
    TableRow { aspect: "I", level: 1, controls: "backups daily, kept 30 days" },
    TableRow { aspect: "I", level: 2, controls: "backups daily, kept 90 days" },
    TableRow {
        aspect: "I",
        level: 3,
        controls: "files' SHA-256 checked on every download; backups hourly, each verified, kept 90 days",
    },
    TableRow {
        aspect: "I",
        level: 4,
        controls: "files' SHA-256 checked on every download; backups hourly, each verified, kept 365 days",
    },
    TableRow { aspect: "A", level: 1, controls: "backups daily, kept 30 days; restored within 7 days" },
    TableRow { aspect: "A", level: 2, controls: "backups daily, kept 90 days; restored within 3 days" },
    TableRow {
        aspect: "A",
        level: 3,
        controls: "backups hourly, each verified, kept 90 days; restored within 8 hours",
    },
    TableRow { aspect: "A", level: 4, controls: "backups hourly, kept 365 days; restored within 1 hour" },
];

/// A classification as posted by the information owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassificationForm {
    pub subject: Subject,
    pub classification: Classification,
    pub reason: String,
}

/// Why a classification is refused as a whole (beside the field errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Confidentiality 4 belongs in a dedicated system.
    DedicatedSystem,
}

pub const MAX_REASON: usize = 2000;

/// Checks the owner's form: three levels 1–4, a reason of at least 10 characters. A valid form
/// with confidentiality 4 is refused ([`Refusal::DedicatedSystem`]) with the values kept.
pub fn check_form(get: impl Fn(&str) -> String) -> Result<ClassificationForm, (Vec<FieldError>, Option<Refusal>)> {
    let mut errors = Vec::new();
    let mut err =
        |input: &str, code: &str| errors.push(FieldError { input: input.into(), code: code.into(), args: vec![] });
    let subject = Subject::parse(&get("subject"));
    if subject.is_none() {
        err("subject", "classification-error-subject");
    }
    let mut level = |name: &str| {
        let l = Level::parse(&get(name));
        if l.is_none() {
            err(name, "classification-error-level");
        }
        l
    };
    let (c, i, a) = (level("confidentiality"), level("integrity"), level("availability"));
    let reason = get("reason").trim().to_owned();
    if reason.chars().count() < 10 {
        err("reason", "classification-error-reason");
    } else if reason.chars().count() > MAX_REASON {
        err("reason", "classification-error-too-long");
    }
    match (subject, c, i, a, errors.is_empty()) {
        (Some(subject), Some(c), Some(i), Some(a), true) => {
            if c == Level::L4 {
                return Err((vec![], Some(Refusal::DedicatedSystem)));
            }
            Ok(ClassificationForm { subject, classification: Classification::new(c, i, a), reason })
        }
        _ => Err((errors, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidentiality_three_turns_on_every_confidentiality_control() {
        let c = controls(Level::L3, Level::L2, Level::L2);
        assert!(!c.content_in_notifications);
        assert!(c.encrypt_files && c.export_needs_reason && c.protection_notice && !c.refused);
        assert_eq!(c.staff_idle_seconds, Some(600));
        assert_eq!(c.min_assurance, Assurance::Substantial);
    }

    #[test]
    fn levels_one_and_two_turn_none_of_them_on_and_four_is_refused() {
        for l in [Level::L1, Level::L2] {
            let c = controls(l, Level::L1, Level::L1);
            assert!(c.content_in_notifications && !c.encrypt_files && !c.export_needs_reason);
            assert_eq!((c.staff_idle_seconds, c.min_assurance, c.refused), (None, Assurance::Low, false));
        }
        assert!(controls(Level::L4, Level::L1, Level::L1).refused);
    }

    #[test]
    fn an_unclassified_subject_is_level_two_not_one() {
        assert_eq!(Classification::UNCLASSIFIED.numbers(), (2, 2, 2));
        assert!(Classification::UNCLASSIFIED.controls().content_in_notifications);
    }

    #[test]
    fn backups_follow_the_highest_integrity_or_availability() {
        assert_eq!(controls(Level::L1, Level::L1, Level::L1).backup.every_hours, 24);
        assert_eq!(controls(Level::L1, Level::L3, Level::L1).backup.every_hours, 1);
        assert_eq!(controls(Level::L1, Level::L1, Level::L4).backup.restore_within_hours, 1);
        assert!(controls(Level::L1, Level::L3, Level::L1).verify_checksums);
        assert!(!controls(Level::L1, Level::L2, Level::L4).verify_checksums);
        let all = [
            Classification::new(Level::L1, Level::L1, Level::L1),
            Classification::new(Level::L3, Level::L2, Level::L3),
        ];
        assert_eq!(platform_backup(all).keep_days, 90);
        assert_eq!(platform_backup([]).every_hours, 24);
    }

    #[test]
    fn the_printed_table_says_what_the_code_does() {
        for row in CONTROL_TABLE {
            let l = Level::from_number(row.level).unwrap();
            let c = match row.aspect {
                "C" => controls(l, Level::L1, Level::L1),
                "I" => controls(Level::L1, l, Level::L1),
                _ => controls(Level::L1, Level::L1, l),
            };
            let text = row.controls;
            assert_eq!(text.contains("refused"), c.refused, "{text}");
            if !c.refused {
                assert_eq!(text.contains("without content"), !c.content_in_notifications, "{text}");
                assert_eq!(text.contains("encrypted"), c.encrypt_files, "{text}");
                assert_eq!(text.contains("10 minutes"), c.staff_idle_seconds == Some(600), "{text}");
                assert_eq!(text.contains("substantial"), c.min_assurance == Assurance::Substantial, "{text}");
            }
            assert_eq!(text.contains("SHA-256"), c.verify_checksums, "{text}");
            if row.aspect != "C" {
                assert!(text.contains(&format!("kept {} days", c.backup.keep_days)), "{text}");
                let every = if c.backup.every_hours == 1 { "hourly" } else { "daily" };
                assert!(text.contains(every), "{text}");
            }
        }
        assert_eq!(CONTROL_TABLE.len(), 12);
    }

    #[test]
    fn the_readme_and_docs_security_print_the_table_the_code_enforces() {
        let docs = [
            ("docs/security.md", include_str!("../../../docs/security.md")),
            ("README.md", include_str!("../../../README.md")),
        ];
        for (name, doc) in docs {
            for row in CONTROL_TABLE {
                let line = format!("| {} | {} | {} |", row.aspect, row.level, row.controls);
                assert!(doc.contains(&line), "{name} lacks or differs from: {line}");
            }
        }
    }

    #[test]
    fn the_form_needs_three_levels_and_a_reason_and_refuses_four() {
        let form = |c: &str, reason: &str| {
            let owned = [
                ("subject", "service:ansok-om-hemtjanst".to_owned()),
                ("confidentiality", c.to_owned()),
                ("integrity", "2".to_owned()),
                ("availability", "3".to_owned()),
                ("reason", reason.to_owned()),
            ];
            check_form(move |k| owned.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()).unwrap_or_default())
        };
        let ok = form("3", "Uppgifter om hälsa, OSL 26 kap.").unwrap();
        assert_eq!(ok.classification.numbers(), (3, 2, 3));
        assert_eq!(ok.subject, Subject::Service("ansok-om-hemtjanst".into()));
        assert_eq!(form("4", "Uppgifter om hälsa, OSL 26 kap."), Err((vec![], Some(Refusal::DedicatedSystem))));
        let (errors, refusal) = form("5", "kort").unwrap_err();
        assert_eq!(refusal, None);
        let inputs: Vec<_> = errors.iter().map(|e| e.input.as_str()).collect();
        assert_eq!(inputs, ["confidentiality", "reason"]);
    }

    #[test]
    fn subjects_parse_only_what_they_print() {
        for s in ["service:bygglov", "information:audit-trail"] {
            assert_eq!(Subject::parse(s).unwrap().key(), s);
        }
        for bad in ["service:", "service:Bygg lov", "information:secrets", "bygglov", "service:../x"] {
            assert_eq!(Subject::parse(bad), None, "{bad}");
        }
    }
}
