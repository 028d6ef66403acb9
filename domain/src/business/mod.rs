//! The single window for entrepreneurs: the guide that derives every permit an activity needs
//! (rules as versioned data, [`guide`]), and the bundle that files them all at once and keeps one
//! status ([`bundle`]: dependencies between the parts, holds, progress).

pub mod bundle;
pub mod guide;

pub use guide::{
    Authority, Condition, Contradiction, DerivedPermit, DocumentType, GuideAnswers, GuideOutcome, Note, PermitType,
    Question, QuestionKind, Responsible, Rule, Ruleset, RulesetError,
};
