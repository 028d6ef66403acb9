//! Roles, permissions and need-to-know access.
//!
//! Policy:
//! - [`Role::may`] is the one table of what each role may do. It is an exhaustive `match` on the
//!   permission with every role listed in every arm and no wildcard, so adding a role or a
//!   permission does not compile until someone has decided every pair.
//! - A role is held *in a scope*: a case officer for one unit, a provider editor for one provider
//!   organisation, an administrator everywhere. A permission is used *on a target*; the grant's
//!   scope must cover it ([`Principal::allows`]). This is the object-level check: a case officer of
//!   one unit is refused the cases of another.
//! - Residents and business representatives do not get grants from the city: a person holds the
//!   resident role by signing in with e-ID, and acts for an organisation only through a mandate
//!   (seeded in the demo; from the company register in production).
//! - Separation of duties: administrators grant access but do not read the audit trail; auditors
//!   read it but grant nothing.

use crate::ids::UserId;
use crate::organisation::{OrganisationNumber, UnitCode};
use serde::{Deserialize, Serialize};

slug_enum! {
    /// What someone is in the service.
    Role {
        Resident => "resident",
        BusinessRepresentative => "business-representative",
        ProviderEditor => "provider-editor",
        CaseOfficer => "case-officer",
        ContactCentreAgent => "contact-centre-agent",
        ServiceOwner => "service-owner",
        /// A web editor (webbredaktör): keeps the catalogue, the operating messages and the
        /// accessibility statement true; handles no cases and sees no personal data.
        ContentEditor => "content-editor",
        Administrator => "administrator",
        Auditor => "auditor",
        /// The information security officer (informationssäkerhetssamordnare): triages security
        /// incidents, grants access to protected persons' details; handles no cases.
        SecurityOfficer => "security-officer",
    }
}

/// What kind of scope a role is held in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    /// The person's own matters only.
    Own,
    /// One organisation (company or provider).
    Organisation,
    /// One city unit.
    Unit,
    /// The whole service.
    Everywhere,
}

impl Role {
    pub fn scope_kind(self) -> ScopeKind {
        match self {
            Role::Resident => ScopeKind::Own,
            Role::BusinessRepresentative | Role::ProviderEditor => ScopeKind::Organisation,
            Role::CaseOfficer | Role::ServiceOwner => ScopeKind::Unit,
            Role::ContactCentreAgent
            | Role::ContentEditor
            | Role::Administrator
            | Role::Auditor
            | Role::SecurityOfficer => ScopeKind::Everywhere,
        }
    }

    /// Staff and provider roles are granted formally by the city (with a reason and an expiry) and reviewed.
    pub fn granted_formally(self) -> bool {
        match self {
            Role::Resident | Role::BusinessRepresentative => false,
            Role::ProviderEditor
            | Role::CaseOfficer
            | Role::ContactCentreAgent
            | Role::ServiceOwner
            | Role::ContentEditor
            | Role::Administrator
            | Role::Auditor
            | Role::SecurityOfficer => true,
        }
    }

    /// The one permission table. Every arm lists every role.
    pub fn may(self, permission: Permission) -> bool {
        use Permission as P;
        use Role::*;
        match permission {
            P::UseMyPages => match self {
                Resident | BusinessRepresentative => true,
                ProviderEditor | CaseOfficer | ContactCentreAgent | ServiceOwner | Administrator | Auditor
                | ContentEditor | SecurityOfficer => false,
            },
            P::ActForOrganisation => match self {
                BusinessRepresentative => true,
                Resident | ProviderEditor | CaseOfficer | ContactCentreAgent | ServiceOwner | Administrator
                | Auditor | ContentEditor | SecurityOfficer => false,
            },
            P::EditProviderUnits => match self {
                ProviderEditor => true,
                Resident
                | BusinessRepresentative
                | CaseOfficer
                | ContactCentreAgent
                | ServiceOwner
                | Administrator
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::AnswerProviderFeedback => match self {
                ProviderEditor => true,
                Resident
                | BusinessRepresentative
                | CaseOfficer
                | ContactCentreAgent
                | ServiceOwner
                | Administrator
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::ManageProviderData => match self {
                ServiceOwner | Administrator => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ContactCentreAgent
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::ViewCases => match self {
                CaseOfficer | ServiceOwner => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | ContactCentreAgent
                | Administrator
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::HandleCases => match self {
                CaseOfficer => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | ContactCentreAgent
                | ServiceOwner
                | Administrator
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::ExportCases => match self {
                CaseOfficer | ServiceOwner => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | ContactCentreAgent
                | Administrator
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::LookUpCaller => match self {
                ContactCentreAgent => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ServiceOwner
                | Administrator
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::HandleContacts => match self {
                ContactCentreAgent => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ServiceOwner
                | Administrator
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::ManageServices => match self {
                ServiceOwner | Administrator => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ContactCentreAgent
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::RequestAccess => match self {
                ProviderEditor | CaseOfficer | ContactCentreAgent | ServiceOwner | ContentEditor | Administrator
                | Auditor | SecurityOfficer => true,
                Resident | BusinessRepresentative => false,
            },
            P::DecideAccessRequests | P::ReviewAccess => match self {
                ServiceOwner | Administrator => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ContactCentreAgent
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::ManageAccess | P::ManageUsers => match self {
                Administrator => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ContactCentreAgent
                | ServiceOwner
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::ManageContent => match self {
                ContentEditor => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ContactCentreAgent
                | ServiceOwner
                | Administrator
                | Auditor
                | SecurityOfficer => false,
            },
            P::ViewStatistics => match self {
                CaseOfficer | ServiceOwner | Administrator => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | ContactCentreAgent
                | Auditor
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::ViewAuditTrail | P::ExportAuditTrail => match self {
                Auditor => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ContactCentreAgent
                | ServiceOwner
                | Administrator
                | ContentEditor
                | SecurityOfficer => false,
            },
            P::ReportIncidents => match self {
                CaseOfficer | ContactCentreAgent | ServiceOwner | ContentEditor | Administrator | Auditor
                | SecurityOfficer => true,
                Resident | BusinessRepresentative | ProviderEditor => false,
            },
            P::HandleIncidents | P::GrantProtectedAccess => match self {
                SecurityOfficer => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ContactCentreAgent
                | ServiceOwner
                | Administrator
                | Auditor
                | ContentEditor => false,
            },
            P::ClassifyInformation => match self {
                ServiceOwner | SecurityOfficer => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ContactCentreAgent
                | Administrator
                | Auditor
                | ContentEditor => false,
            },
            P::ViewClassification => match self {
                ServiceOwner | SecurityOfficer | Administrator | Auditor => true,
                Resident
                | BusinessRepresentative
                | ProviderEditor
                | CaseOfficer
                | ContactCentreAgent
                | ContentEditor => false,
            },
        }
    }
}

slug_enum! {
    /// Something a role may do. Checked on the server before every action.
    Permission {
        /// Mina sidor: own contact details, own cases.
        UseMyPages => "use-my-pages",
        /// Apply and act in the name of an organisation the person holds a mandate for.
        ActForOrganisation => "act-for-organisation",
        /// Edit the facts of a provider's units (opening hours, profile, …).
        EditProviderUnits => "edit-provider-units",
        /// Read and answer residents' feedback about a provider's units.
        AnswerProviderFeedback => "answer-provider-feedback",
        /// Import comparison data, see every provider's changes and revert them.
        ManageProviderData => "manage-provider-data",
        /// Read a unit's cases and the personal data in them.
        ViewCases => "view-cases",
        /// Take, decide and message in a unit's cases.
        HandleCases => "handle-cases",
        /// Export a unit's case list.
        ExportCases => "export-cases",
        /// Look up a caller's cases, with a stated reason, in the contact centre.
        LookUpCaller => "look-up-caller",
        /// The contact centre's work: register errands, call back, search the staff directory,
        /// start an e-service with a caller's consent.
        HandleContacts => "handle-contacts",
        /// Edit service descriptions and e-service definitions.
        ManageServices => "manage-services",
        /// Edit, publish and schedule the catalogue's service pages, the operating messages and
        /// the accessibility statement's known shortcomings.
        ManageContent => "manage-content",
        /// Ask for a staff role.
        RequestAccess => "request-access",
        /// Approve or reject requests for access to a unit.
        DecideAccessRequests => "decide-access-requests",
        /// Confirm or revoke a unit's grants in the periodic review.
        ReviewAccess => "review-access",
        /// Grant and revoke any staff access; see overdue reviews.
        ManageAccess => "manage-access",
        /// Disable users and end their sessions.
        ManageUsers => "manage-users",
        /// See the figures of a unit's services (`/stats`): volumes, journeys, service levels,
        /// satisfaction, the value report. No personal data is in them.
        ViewStatistics => "view-statistics",
        /// Read the audit trail.
        ViewAuditTrail => "view-audit-trail",
        /// Export the audit trail.
        ExportAuditTrail => "export-audit-trail",
        /// Report a security incident (any staff member).
        ReportIncidents => "report-incidents",
        /// Triage, follow and close security incidents; the IMY decision; the register's export.
        HandleIncidents => "handle-incidents",
        /// Set an e-service's or an information type's classification (the information owner).
        ClassifyInformation => "classify-information",
        /// See the classifications and the controls they turn on (operations, audit).
        ViewClassification => "view-classification",
        /// Grant one staff member access to one protected person's contact details.
        GrantProtectedAccess => "grant-protected-access",
    }
}

/// Where a role is held.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    Own,
    Organisation(OrganisationNumber),
    Unit(UnitCode),
    Everywhere,
}

impl Scope {
    /// The scope as stored: `own`, `*`, `org:556677-8899`, `unit:UTB`.
    pub fn to_key(&self) -> String {
        match self {
            Scope::Own => "own".into(),
            Scope::Everywhere => "*".into(),
            Scope::Organisation(o) => format!("org:{o}"),
            Scope::Unit(u) => format!("unit:{u}"),
        }
    }

    pub fn from_key(key: &str) -> Option<Scope> {
        match key {
            "own" => Some(Scope::Own),
            "*" => Some(Scope::Everywhere),
            _ => match key.split_once(':')? {
                ("org", o) => OrganisationNumber::parse(o).ok().map(Scope::Organisation),
                ("unit", u) => UnitCode::parse(u).map(Scope::Unit),
                _ => None,
            },
        }
    }

    pub fn kind(&self) -> ScopeKind {
        match self {
            Scope::Own => ScopeKind::Own,
            Scope::Organisation(_) => ScopeKind::Organisation,
            Scope::Unit(_) => ScopeKind::Unit,
            Scope::Everywhere => ScopeKind::Everywhere,
        }
    }
}

/// A role held in a scope.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub scope: Scope,
}

impl Grant {
    /// A grant whose scope does not fit its role (a case officer "everywhere") is refused.
    pub fn new(role: Role, scope: Scope) -> Option<Grant> {
        (role.scope_kind() == scope.kind()).then_some(Grant { role, scope })
    }
}

/// What a permission is used on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target<'a> {
    /// The person's own data (their user id).
    Person(UserId),
    Organisation(&'a OrganisationNumber),
    Unit(&'a UnitCode),
    /// No particular object: "may this person use the feature at all", e.g. open the case
    /// officer's queue. True when any grant carries the permission.
    AnyObject,
}

/// Who is acting: the signed-in user with the grants in force now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principal {
    pub user_id: UserId,
    pub grants: Vec<Grant>,
    /// The organisation a representative currently acts for, if any.
    pub acting_for: Option<OrganisationNumber>,
}

impl Principal {
    pub fn allows(&self, permission: Permission, target: &Target<'_>) -> bool {
        self.grant_for(permission, target).is_some()
    }

    /// The grant that carries the permission on the target (the role used, for the audit trail).
    pub fn grant_for(&self, permission: Permission, target: &Target<'_>) -> Option<&Grant> {
        self.grants.iter().find(|g| g.role.may(permission) && covers(&g.scope, self.user_id, target))
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    /// The units where the permission is held (an administrator's "everywhere" is not listed).
    pub fn units_with(&self, permission: Permission) -> Vec<&UnitCode> {
        let mut units: Vec<&UnitCode> = self
            .grants
            .iter()
            .filter(|g| g.role.may(permission))
            .filter_map(|g| match &g.scope {
                Scope::Unit(u) => Some(u),
                _ => None,
            })
            .collect();
        units.sort();
        units.dedup();
        units
    }

    /// The distinct roles, in the table's order.
    pub fn roles(&self) -> Vec<Role> {
        Role::ALL.iter().copied().filter(|r| self.has_role(*r)).collect()
    }
}

fn covers(scope: &Scope, user_id: UserId, target: &Target<'_>) -> bool {
    match (scope, target) {
        (_, Target::AnyObject) => true,
        (Scope::Everywhere, _) => true,
        (Scope::Own, Target::Person(id)) => *id == user_id,
        (Scope::Organisation(held), Target::Organisation(wanted)) => held == *wanted,
        (Scope::Unit(held), Target::Unit(wanted)) => held == *wanted,
        (Scope::Own | Scope::Organisation(_) | Scope::Unit(_), _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(code: &str) -> UnitCode {
        UnitCode::parse(code).unwrap()
    }

    fn org(n: &str) -> OrganisationNumber {
        OrganisationNumber::parse(n).unwrap()
    }

    fn principal(grants: Vec<Grant>) -> Principal {
        Principal { user_id: UserId::new(7), grants, acting_for: None }
    }

    #[test]
    fn a_case_officer_sees_only_their_own_units_cases() {
        let p = principal(vec![Grant::new(Role::CaseOfficer, Scope::Unit(unit("UTB"))).unwrap()]);
        assert!(p.allows(Permission::ViewCases, &Target::Unit(&unit("UTB"))));
        assert!(!p.allows(Permission::ViewCases, &Target::Unit(&unit("MF"))));
        assert!(p.allows(Permission::HandleCases, &Target::AnyObject));
        assert!(!p.allows(Permission::ManageAccess, &Target::AnyObject));
        assert_eq!(p.units_with(Permission::ViewCases), vec![&unit("UTB")]);
    }

    #[test]
    fn a_representative_acts_only_for_organisations_with_a_mandate() {
        let p = principal(vec![
            Grant::new(Role::Resident, Scope::Own).unwrap(),
            Grant::new(Role::BusinessRepresentative, Scope::Organisation(org("556677-8899"))).unwrap(),
        ]);
        assert!(p.allows(Permission::ActForOrganisation, &Target::Organisation(&org("556677-8899"))));
        assert!(!p.allows(Permission::ActForOrganisation, &Target::Organisation(&org("212000-0142"))));
        assert!(p.allows(Permission::UseMyPages, &Target::Person(UserId::new(7))));
        assert!(!p.allows(Permission::UseMyPages, &Target::Person(UserId::new(8))), "someone else's pages");
    }

    #[test]
    fn administrators_and_auditors_are_separate_duties() {
        let admin = principal(vec![Grant::new(Role::Administrator, Scope::Everywhere).unwrap()]);
        let auditor = principal(vec![Grant::new(Role::Auditor, Scope::Everywhere).unwrap()]);
        assert!(admin.allows(Permission::ManageAccess, &Target::Unit(&unit("MF"))));
        assert!(!admin.allows(Permission::ViewAuditTrail, &Target::AnyObject));
        assert!(auditor.allows(Permission::ViewAuditTrail, &Target::AnyObject));
        assert!(!auditor.allows(Permission::ManageAccess, &Target::AnyObject));
        assert!(!admin.allows(Permission::ViewCases, &Target::AnyObject), "need to know: no cases for admins");
    }

    #[test]
    fn a_role_is_held_only_in_a_scope_that_fits_it() {
        assert!(Grant::new(Role::CaseOfficer, Scope::Everywhere).is_none());
        assert!(Grant::new(Role::Administrator, Scope::Unit(unit("UTB"))).is_none());
        assert!(Grant::new(Role::ProviderEditor, Scope::Organisation(org("556677-8899"))).is_some());
    }

    #[test]
    fn scopes_survive_storage() {
        for s in [Scope::Own, Scope::Everywhere, Scope::Unit(unit("SOF")), Scope::Organisation(org("212000-0142"))] {
            assert_eq!(Scope::from_key(&s.to_key()), Some(s.clone()));
        }
        for bad in ["", "unit:", "unit:lower", "org:123", "team:x"] {
            assert_eq!(Scope::from_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn nobody_holds_a_permission_no_role_grants_and_every_permission_has_a_holder() {
        for p in Permission::ALL {
            assert!(Role::ALL.iter().any(|r| r.may(*p)), "{p:?} is held by no role");
        }
        // Residents never get staff powers.
        for p in Permission::ALL {
            if Role::Resident.may(*p) {
                assert_eq!(*p, Permission::UseMyPages);
            }
        }
    }
}
