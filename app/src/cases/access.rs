//! The case-access decision for the app: a stored case and the signed-in viewer, asked of the
//! domain's one rule (`stadsporten_domain::eservice::access`). Pages, server functions, form
//! routes and downloads all come here; each keeps only how it shows a refusal.

use crate::context::Viewer;
use stadsporten_domain::eservice::access::{case_relation, CaseFacts, CaseViewer};
pub use stadsporten_domain::eservice::access::{CaseNeed, CaseRelation};
use stadsporten_domain::ids::UserId;
use stadsporten_domain::organisation::{OrganisationNumber, UnitCode};

/// What `viewer` is to the case (its applicant, unit, provider organisation) for `need`, or
/// `None` when they may not.
pub fn relation(
    viewer: &Viewer,
    applicant_id: UserId,
    unit_code: &str,
    provider_org: Option<&str>,
    need: CaseNeed,
) -> Option<CaseRelation> {
    let unit = UnitCode::parse(unit_code)?;
    let org = provider_org.and_then(|o| OrganisationNumber::parse(o).ok());
    case_relation(
        CaseViewer { user_id: viewer.user_id, is_staff: viewer.is_staff, principal: &viewer.principal },
        CaseFacts { applicant_id, unit: &unit, provider_org: org.as_ref() },
        need,
    )
}

/// Whether the viewer filed it: a case, or a bundle of cases (the same rule as [`CaseNeed::Own`]).
pub fn is_applicant(viewer: &Viewer, applicant_id: UserId) -> bool {
    stadsporten_domain::eservice::access::is_applicant(
        CaseViewer { user_id: viewer.user_id, is_staff: viewer.is_staff, principal: &viewer.principal },
        applicant_id,
    )
}

#[cfg(feature = "ssr")]
/// [`relation`] for a stored case.
pub fn of_case(viewer: &Viewer, case: &stadsporten_db::CaseRecord, need: CaseNeed) -> Option<CaseRelation> {
    relation(viewer, case.applicant_id, &case.unit_code, case.provider_org.as_deref(), need)
}
