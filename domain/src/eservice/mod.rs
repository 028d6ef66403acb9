//! E-services: definitions as data, the answers they collect, and the cases they become.
//!
//! The engine is general on purpose: permits (the single window) and the contact centre run on the
//! same definitions, answers and case rules.

pub mod access;
pub mod answers;
pub mod case;
pub mod definition;
pub mod file_names;

pub use answers::{Address, Answer, Answers, FieldError, FileRef};
pub use case::{
    CaseNumber, CaseStatus, DecisionOutcome, InvalidTransition, NotificationEvent, SatisfactionAnswer, SlaClock,
    SlaStanding, SurveyStage, Transition,
};
pub use definition::{
    DefinitionError, Field, FieldKind, FileKind, OfferTemplate, ServiceDefinition, SharedFact, Step, Texts,
};
