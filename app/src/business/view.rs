//! What the guide's pages show, fully translated on the server.

use crate::catalogue::view_model::LinkView;
use serde::{Deserialize, Serialize};

/// `/business` and `/business/checklist`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GuideView {
    /// The rules version the result was derived with (shown, and kept by a bundle).
    pub version: u32,
    pub notices: Vec<String>,
    pub answered: Vec<AnsweredView>,
    /// Back to the first question with nothing answered.
    pub restart_href: String,
    pub step: GuideStep,
    /// With a result: applying for every permit at once (one bundle).
    pub offer: Option<crate::bundles::view::ApplyOffer>,
}

/// An answer given so far, with a link to change it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnsweredView {
    pub question: String,
    pub answer: String,
    pub change_href: String,
}

/// Where the guide is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum GuideStep {
    Ask(AskView),
    /// An activity the rules do not know: the business guide team helps.
    CatchAll {
        link: LinkView,
    },
    /// Answers that cannot all be true, each with links to change the clashing answers.
    Contradictions(Vec<ContradictionView>),
    Result(ResultView),
}

/// One page of questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AskView {
    /// The answers so far, sent again as hidden fields.
    pub hidden: Vec<(String, String)>,
    /// The ids of this page's questions (so a page sent with one left unanswered says so).
    pub asked: String,
    pub questions: Vec<QuestionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    /// `choice`, `yes-no` or `text`.
    pub kind: String,
    pub optional: bool,
    /// Value and label; the checked one is `value`.
    pub options: Vec<(String, String)>,
    /// The current or earlier answer (kept when an answer is being changed).
    pub value: String,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContradictionView {
    pub explanation: String,
    pub changes: Vec<LinkView>,
}

/// The permits the activity needs, in the order to apply for them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultView {
    pub permits: Vec<PermitView>,
    pub notes: Vec<String>,
    /// The answers as a query string, for the checklist link.
    pub query: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PermitView {
    pub key: String,
    pub name: String,
    pub summary: String,
    /// The city unit or outside authority that decides.
    pub responsible: String,
    /// Whether it is decided outside the city (the city sends a referral).
    pub external: bool,
    pub legal_basis: String,
    pub handling: String,
    pub fee: String,
    pub documents: Vec<String>,
    /// The names of the permits among these that must be granted first.
    pub waits_for: Vec<String>,
    /// The service's page in the catalogue, when it has one.
    pub more: Option<String>,
}
