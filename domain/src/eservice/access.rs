//! Who may do what with a case: the one case-access decision. Every page, server function, form
//! route and file download that opens a case asks [`case_relation`]; how a refusal is shown (a 404
//! that does not confirm the case exists, or an audited 403) is the caller's, the rule is here.
//!
//! - The **applicant** (a resident or a business representative, never staff) reads and answers
//!   their own cases.
//! - An **officer** of the case's unit reads (`ViewCases`), handles (`HandleCases`) or exports
//!   (`ExportCases`) it. A bundle's coordinator answers the outside authorities' permits as an
//!   officer of the coordinating unit that holds them; the parts held by other units stay theirs.
//! - A **provider** answers feedback routed to one of its organisations (`AnswerProviderFeedback`),
//!   seeing what was written, never who wrote it.
//! - The contact centre's agents come next: their look-up (status only, with a stated reason) is a
//!   need of its own here, so it cannot widen any other.

use crate::access::{Permission, Principal, Target};
use crate::ids::UserId;
use crate::organisation::{OrganisationNumber, UnitCode};

/// The person asking.
#[derive(Debug, Clone, Copy)]
pub struct CaseViewer<'a> {
    pub user_id: UserId,
    pub is_staff: bool,
    pub principal: &'a Principal,
}

/// What decides access about the case.
#[derive(Debug, Clone, Copy)]
pub struct CaseFacts<'a> {
    pub applicant_id: UserId,
    pub unit: &'a UnitCode,
    /// The provider organisation feedback was routed to, if any.
    pub provider_org: Option<&'a OrganisationNumber>,
}

/// What the viewer wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseNeed {
    /// The applicant's own pages: status, messages, completion, withdrawal, files.
    Own,
    /// Read the case: its applicant, or an officer with `ViewCases` in its unit.
    Read,
    /// Act on it: an officer with `HandleCases` in its unit.
    Handle,
    /// Export it (CSV): an officer with `ExportCases` in its unit.
    Export,
    /// Answer feedback routed to the viewer's organisation.
    AnswerFeedback,
}

/// What the viewer is to the case, when they may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRelation {
    Applicant,
    Officer,
    Provider,
}

impl CaseNeed {
    /// The staff permission the need asks for in the case's unit, if staff can have it.
    pub fn staff_permission(self) -> Option<Permission> {
        match self {
            CaseNeed::Own | CaseNeed::AnswerFeedback => None,
            CaseNeed::Read => Some(Permission::ViewCases),
            CaseNeed::Handle => Some(Permission::HandleCases),
            CaseNeed::Export => Some(Permission::ExportCases),
        }
    }
}

/// Whether the viewer filed it (a case, or a bundle of cases): the same person, never acting as
/// staff.
pub fn is_applicant(viewer: CaseViewer<'_>, applicant_id: UserId) -> bool {
    applicant_id == viewer.user_id && !viewer.is_staff
}

/// The one decision: what the viewer is to the case for this need, or `None` (refused).
pub fn case_relation(viewer: CaseViewer<'_>, case: CaseFacts<'_>, need: CaseNeed) -> Option<CaseRelation> {
    let own = is_applicant(viewer, case.applicant_id);
    match need {
        CaseNeed::Own => own.then_some(CaseRelation::Applicant),
        CaseNeed::Read if own => Some(CaseRelation::Applicant),
        CaseNeed::Read | CaseNeed::Handle | CaseNeed::Export => {
            let permission = need.staff_permission()?;
            viewer.principal.allows(permission, &Target::Unit(case.unit)).then_some(CaseRelation::Officer)
        }
        CaseNeed::AnswerFeedback => case
            .provider_org
            .filter(|org| viewer.principal.allows(Permission::AnswerProviderFeedback, &Target::Organisation(org)))
            .map(|_| CaseRelation::Provider),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::{Grant, Role, Scope};

    fn principal(user_id: UserId, grants: Vec<Grant>) -> Principal {
        Principal { user_id, grants, acting_for: None }
    }

    fn grant(role: Role, scope: Scope) -> Grant {
        Grant::new(role, scope).unwrap()
    }

    #[test]
    fn each_relation_for_its_need_and_nobody_else() {
        let mf = UnitCode::parse("MF").unwrap();
        let till = UnitCode::parse("TILL").unwrap();
        let org = OrganisationNumber::parse("5592345671").unwrap();
        let case = CaseFacts { applicant_id: UserId::new(1), unit: &mf, provider_org: Some(&org) };
        let anna = principal(UserId::new(1), vec![grant(Role::Resident, Scope::Own)]);
        let sara = principal(UserId::new(2), vec![grant(Role::CaseOfficer, Scope::Unit(mf.clone()))]);
        let omar = principal(UserId::new(3), vec![grant(Role::CaseOfficer, Scope::Unit(till.clone()))]);
        let maja = principal(UserId::new(4), vec![grant(Role::ProviderEditor, Scope::Organisation(org.clone()))]);
        let all = [CaseNeed::Own, CaseNeed::Read, CaseNeed::Handle, CaseNeed::Export, CaseNeed::AnswerFeedback];
        let relations = |p: &Principal, staff: bool| {
            let who = CaseViewer { user_id: p.user_id, is_staff: staff, principal: p };
            all.map(|n| case_relation(who, case, n))
        };
        use CaseRelation::*;
        assert_eq!(relations(&anna, false), [Some(Applicant), Some(Applicant), None, None, None]);
        assert_eq!(relations(&sara, true), [None, Some(Officer), Some(Officer), Some(Officer), None]);
        assert_eq!(relations(&omar, true), [None; 5], "another unit's officer");
        assert_eq!(relations(&maja, false), [None, None, None, None, Some(Provider)]);
        // Staff never act as the applicant, even on a case they filed themselves.
        let filed_by_staff = principal(UserId::new(1), vec![grant(Role::CaseOfficer, Scope::Unit(till))]);
        assert_eq!(relations(&filed_by_staff, true), [None; 5]);
    }
}
