//! A bundle: one application for every permit an activity needs, filed once and followed with one
//! status.
//!
//! Policy:
//! - Each permit of a bundle is a *part*, a case of its own in the responsible unit's queue (an
//!   outside authority's permit is a referral case held by the business guide team).
//! - Dependencies come from the rules (`depends_on`): a part is not approved while a permit it
//!   waits for is undecided, and it is *on hold* — never decided blindly — when a permit it waits
//!   for was rejected or withdrawn ([`hold`], [`may_decide`]). Rejecting a waiting part is allowed:
//!   it does not rest on the other permit.
//! - The bundle's overall state counts the parts that are finished with a decision; withdrawn
//!   parts leave the count ([`Progress`]).

use crate::eservice::answers::validate_all;
use crate::eservice::{Answers, CaseStatus, DecisionOutcome, Field, FileKind, ServiceDefinition, SharedFact};

/// What the rules of a bundle need to know about one part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartState {
    pub permit_key: String,
    pub depends_on: Vec<String>,
    pub status: CaseStatus,
    pub outcome: Option<DecisionOutcome>,
}

impl PartState {
    /// Decided (or decided and closed).
    pub fn decided(&self) -> bool {
        matches!(self.status, CaseStatus::Decided | CaseStatus::Closed) && self.outcome.is_some()
    }

    /// Decided with a permit granted (fully or in part).
    pub fn granted(&self) -> bool {
        self.decided() && matches!(self.outcome, Some(DecisionOutcome::Approved | DecisionOutcome::PartlyApproved))
    }
}

/// Why a part cannot be approved yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hold {
    /// A permit it waits for is not decided yet.
    WaitingFor(String),
    /// A permit it waits for was rejected or withdrawn: the part is on hold.
    DependencyNotGranted(String),
}

impl Hold {
    pub fn permit_key(&self) -> &str {
        match self {
            Hold::WaitingFor(k) | Hold::DependencyNotGranted(k) => k,
        }
    }

    /// The part is on hold (not merely waiting).
    pub fn on_hold(&self) -> bool {
        matches!(self, Hold::DependencyNotGranted(_))
    }
}

/// The hold on `part` from the other parts of its bundle, if any. A part that is finished itself
/// has none; "not granted" outranks "waiting".
pub fn hold(part: &PartState, parts: &[PartState]) -> Option<Hold> {
    if !part.status.is_open() {
        return None;
    }
    let mut waiting = None;
    for dep in &part.depends_on {
        let Some(other) = parts.iter().find(|p| &p.permit_key == dep) else { continue };
        if other.granted() {
            continue;
        }
        if other.decided() || other.status == CaseStatus::Withdrawn {
            return Some(Hold::DependencyNotGranted(dep.clone()));
        }
        waiting.get_or_insert_with(|| Hold::WaitingFor(dep.clone()));
    }
    waiting
}

/// Why a decision was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecideRefusal {
    /// Approving waits for this permit's decision.
    WaitsFor(String),
    /// This permit was not granted; the part is on hold.
    OnHold(String),
}

impl DecideRefusal {
    /// The fluent id of the explanation (its argument is the other permit's name).
    pub fn code(&self) -> &'static str {
        match self {
            DecideRefusal::WaitsFor(_) => "bundle-decide-waits",
            DecideRefusal::OnHold(_) => "bundle-decide-on-hold",
        }
    }

    pub fn permit_key(&self) -> &str {
        match self {
            DecideRefusal::WaitsFor(k) | DecideRefusal::OnHold(k) => k,
        }
    }
}

/// Whether an officer may decide `part` with `outcome` now.
pub fn may_decide(part: &PartState, parts: &[PartState], outcome: DecisionOutcome) -> Result<(), DecideRefusal> {
    match hold(part, parts) {
        None => Ok(()),
        Some(Hold::DependencyNotGranted(k)) => Err(DecideRefusal::OnHold(k)),
        Some(Hold::WaitingFor(_)) if outcome == DecisionOutcome::Rejected => Ok(()),
        Some(Hold::WaitingFor(k)) => Err(DecideRefusal::WaitsFor(k)),
    }
}

/// "3 of 5 decided".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub decided: usize,
    /// Parts not withdrawn.
    pub total: usize,
}

impl Progress {
    pub fn of(parts: &[PartState]) -> Progress {
        let live: Vec<&PartState> = parts.iter().filter(|p| p.status != CaseStatus::Withdrawn).collect();
        Progress { decided: live.iter().filter(|p| p.decided()).count(), total: live.len() }
    }

    /// Every part still applied for has its decision.
    pub fn all_decided(self) -> bool {
        self.total > 0 && self.decided == self.total
    }
}

/// The form field a bundle asks a shared fact with: the first permit's field marked with it,
/// under the fact's own id (`premises_address`, …), required when any permit requires it and
/// with the narrowest date range of them all (so one answer passes every permit's validation).
pub fn fact_fields(defs: &[&ServiceDefinition]) -> Vec<(SharedFact, Field)> {
    let mut out: Vec<(SharedFact, Field)> = Vec::new();
    for fact in SharedFact::ALL {
        let marked: Vec<&Field> = defs.iter().flat_map(|d| d.fields()).filter(|f| f.shared == Some(fact)).collect();
        let Some(first) = marked.first() else { continue };
        let mut field = (*first).clone();
        field.id = fact_field_id(fact);
        field.shared = None;
        field.visible_if = None;
        field.different_from.clear();
        field.required = marked.iter().any(|f| f.required);
        field.not_before_days = marked.iter().filter_map(|f| f.not_before_days).max();
        field.not_after_days = marked.iter().filter_map(|f| f.not_after_days).min();
        field.max_length = marked.iter().filter_map(|f| f.max_length).min();
        out.push((fact, field));
    }
    out
}

/// The form id of a shared fact (`premises-address` → `premises_address`).
pub fn fact_field_id(fact: SharedFact) -> String {
    fact.slug().replace('-', "_")
}

/// A document a bundle asks for once, and the permits' fields it fills.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentNeed<'d> {
    pub key: String,
    /// (index of the definition in the bundle, its field).
    pub fields: Vec<(usize, &'d Field)>,
}

impl DocumentNeed<'_> {
    /// The file types every field accepts (one upload must suit them all).
    pub fn accepted(&self) -> Vec<FileKind> {
        let mut kinds = self.fields.first().map(|(_, f)| f.accepted()).unwrap_or_default();
        for (_, f) in &self.fields[1..] {
            let theirs = f.accepted();
            kinds.retain(|k| theirs.contains(k));
        }
        kinds
    }

    /// The fewest files any field takes.
    pub fn max_files(&self) -> u32 {
        self.fields.iter().map(|(_, f)| f.max_files()).min().unwrap_or(1)
    }

    pub fn required(&self) -> bool {
        self.fields.iter().any(|(_, f)| f.required)
    }
}

/// The documents of a bundle's permits, in order of first appearance.
pub fn document_needs<'d>(defs: &[&'d ServiceDefinition]) -> Vec<DocumentNeed<'d>> {
    let mut out: Vec<DocumentNeed<'d>> = Vec::new();
    for (i, d) in defs.iter().enumerate() {
        for f in d.fields() {
            let Some(key) = &f.document else { continue };
            match out.iter_mut().find(|n| &n.key == key) {
                Some(n) => n.fields.push((i, f)),
                None => out.push(DocumentNeed { key: key.clone(), fields: vec![(i, f)] }),
            }
        }
    }
    out
}

/// A task of the bundle application's task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TaskStatus {
    /// Everything asked is answered.
    Done,
    /// Something is still to be answered.
    Todo,
    /// A permit with no questions of its own (the shared details and documents cover it).
    Nothing,
}

impl TaskStatus {
    /// The slug in class names and in the fluent id `bundle-task-{slug}`.
    pub fn slug(self) -> &'static str {
        match self {
            TaskStatus::Done => "done",
            TaskStatus::Todo => "todo",
            TaskStatus::Nothing => "nothing",
        }
    }

    pub fn done_if(done: bool) -> TaskStatus {
        if done {
            TaskStatus::Done
        } else {
            TaskStatus::Todo
        }
    }
}

/// Something to do before the bundle can be filed, in task order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The shared details (asked once) are incomplete.
    Facts,
    /// A document a permit requires is missing.
    Documents,
    /// A permit's own questions: its index in the bundle and the step to answer.
    Part(usize, String),
}

/// Whether the shared details are complete: the fact fields (each with the strictest rule of the
/// permits that use it) checked as one step of the first permit's definition.
pub fn facts_complete(
    first: &ServiceDefinition,
    fact_fields: Vec<Field>,
    facts: &Answers,
    day: i64,
    year: u32,
) -> bool {
    let step = crate::eservice::Step {
        id: "facts".into(),
        title: Default::default(),
        intro: None,
        visible_if: None,
        fields: fact_fields,
    };
    let mut def = first.clone();
    def.steps = vec![step];
    validate_all(&def, facts, day, year).is_ok()
}

/// What is still missing, in task order: each permit validated as it will be filed. A missing
/// answer in a field the bundle fills (a shared fact or a document) is not the permit's own
/// problem: missing facts are reported once, missing documents once.
pub fn problems(parts: &[(&ServiceDefinition, &Answers)], facts_complete: bool, day: i64, year: u32) -> Vec<Problem> {
    let mut out = Vec::new();
    if !facts_complete {
        out.push(Problem::Facts);
    }
    let mut documents = false;
    for (i, (d, answers)) in parts.iter().enumerate() {
        if let Err((step, errors)) = validate_all(d, answers, day, year) {
            let field_of = |input: &str| d.field(input.split('.').next().unwrap_or(input)).map(|(_, f)| f);
            let own = errors.iter().any(|e| field_of(&e.input).is_some_and(|f| !f.filled_by_bundle()));
            if own {
                out.push(Problem::Part(i, step));
            } else if errors.iter().any(|e| field_of(&e.input).is_some_and(|f| f.document.is_some())) {
                documents = true;
            }
        }
    }
    if documents {
        out.push(Problem::Documents);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use CaseStatus as S;
    use DecisionOutcome as O;

    fn part(key: &str, deps: &[&str], status: CaseStatus, outcome: Option<DecisionOutcome>) -> PartState {
        PartState {
            permit_key: key.into(),
            depends_on: deps.iter().map(|d| (*d).to_owned()).collect(),
            status,
            outcome,
        }
    }

    fn restaurant(food: CaseStatus, food_outcome: Option<DecisionOutcome>) -> Vec<PartState> {
        vec![
            part("food-registration", &[], food, food_outcome),
            part("alcohol-licence", &["food-registration"], S::InProgress, None),
            part("outdoor-seating", &[], S::Submitted, None),
        ]
    }

    #[test]
    fn a_part_waits_while_its_dependency_is_undecided_and_may_only_be_rejected() {
        let parts = restaurant(S::InProgress, None);
        assert_eq!(hold(&parts[1], &parts), Some(Hold::WaitingFor("food-registration".into())));
        assert_eq!(
            may_decide(&parts[1], &parts, O::Approved),
            Err(DecideRefusal::WaitsFor("food-registration".into()))
        );
        assert_eq!(may_decide(&parts[1], &parts, O::PartlyApproved).unwrap_err().code(), "bundle-decide-waits");
        assert_eq!(may_decide(&parts[1], &parts, O::Rejected), Ok(()));
        // Parts without dependencies are free.
        assert_eq!(hold(&parts[2], &parts), None);
        assert_eq!(may_decide(&parts[2], &parts, O::Approved), Ok(()));
    }

    #[test]
    fn a_granted_dependency_releases_the_part() {
        for outcome in [O::Approved, O::PartlyApproved] {
            let parts = restaurant(S::Decided, Some(outcome));
            assert_eq!(hold(&parts[1], &parts), None);
            assert_eq!(may_decide(&parts[1], &parts, O::Approved), Ok(()));
        }
        let closed = restaurant(S::Closed, Some(O::Approved));
        assert_eq!(hold(&closed[1], &closed), None);
    }

    #[test]
    fn a_rejected_or_withdrawn_dependency_puts_the_part_on_hold_for_every_outcome() {
        for parts in [restaurant(S::Decided, Some(O::Rejected)), restaurant(S::Withdrawn, None)] {
            let h = hold(&parts[1], &parts).unwrap();
            assert!(h.on_hold());
            assert_eq!(h.permit_key(), "food-registration");
            for outcome in [O::Approved, O::PartlyApproved, O::Rejected] {
                let refusal = may_decide(&parts[1], &parts, outcome).unwrap_err();
                assert_eq!(refusal.code(), "bundle-decide-on-hold");
                assert_eq!(refusal.permit_key(), "food-registration");
            }
        }
    }

    #[test]
    fn a_finished_part_has_no_hold_and_unknown_dependencies_are_ignored() {
        let mut parts = restaurant(S::Decided, Some(O::Rejected));
        parts[1].status = S::Withdrawn;
        assert_eq!(hold(&parts[1], &parts), None);
        // The rules may name a permit the activity did not need: nothing to wait for.
        let lone = vec![part("alcohol-licence", &["food-registration"], S::InProgress, None)];
        assert_eq!(hold(&lone[0], &lone), None);
    }

    const LICENCE: &str = include_str!("../../../db/seed/business/eservices/serveringstillstand.toml");
    const FOOD: &str = include_str!("../../../db/seed/business/eservices/registrering-livsmedelsanlaggning.toml");
    const SIGN: &str = include_str!("../../../db/seed/business/eservices/skyltlov.toml");

    #[test]
    fn shared_facts_are_asked_once_with_the_strictest_rules_of_the_permits() {
        let defs: Vec<ServiceDefinition> =
            [FOOD, LICENCE, SIGN].iter().map(|s| ServiceDefinition::from_toml(s).unwrap()).collect();
        let refs: Vec<&ServiceDefinition> = defs.iter().collect();
        let facts = fact_fields(&refs);
        let ids: Vec<&str> = facts.iter().map(|(_, f)| f.id.as_str()).collect();
        assert!(ids.contains(&"premises_address") && ids.contains(&"opening_date"), "{ids:?}");
        for (fact, field) in &facts {
            assert_eq!(field.kind, fact.field_kind());
            assert!(field.shared.is_none(), "the bundle's own field is not marked again");
        }
        let (_, date) = facts.iter().find(|(f, _)| *f == SharedFact::OpeningDate).unwrap();
        assert_eq!(date.not_before_days, Some(0));
        assert!(date.required);
    }

    #[test]
    fn a_document_for_two_permits_is_one_upload_that_suits_both() {
        let defs: Vec<ServiceDefinition> =
            [FOOD, LICENCE, SIGN].iter().map(|s| ServiceDefinition::from_toml(s).unwrap()).collect();
        let refs: Vec<&ServiceDefinition> = defs.iter().collect();
        let needs = document_needs(&refs);
        let keys: Vec<&str> = needs.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["floor-plan", "menu", "lease", "sign-drawing"]);
        let floor = &needs[0];
        assert_eq!(floor.fields.iter().map(|(i, _)| *i).collect::<Vec<_>>(), [0, 1]);
        assert!(floor.required());
        // The lease is only for the licence, which takes PDF only.
        assert_eq!(needs[2].accepted(), [FileKind::Pdf]);
        assert!(needs[0].max_files() >= 1);
    }

    #[test]
    fn progress_counts_decided_parts_and_leaves_withdrawn_ones_out() {
        let mut parts = restaurant(S::Decided, Some(O::Approved));
        assert_eq!(Progress::of(&parts), Progress { decided: 1, total: 3 });
        assert!(!Progress::of(&parts).all_decided());
        parts[1].status = S::Decided;
        parts[1].outcome = Some(O::Rejected);
        parts[2].status = S::Withdrawn;
        let p = Progress::of(&parts);
        assert_eq!(p, Progress { decided: 2, total: 2 });
        assert!(p.all_decided());
        assert!(!Progress::of(&[]).all_decided());
    }
}
