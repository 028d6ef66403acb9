//! Server functions of the access administration and the audit trail. Each begins with its
//! authorisation check; scope-level checks use the grant's or request's own scope.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use stadsporten_domain::ids::UserId;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GrantView {
    pub id: i64,
    pub person: String,
    pub role: String,
    pub scope: String,
    pub reason: String,
    pub granted_by: Option<String>,
    pub valid_from: i64,
    pub valid_until: i64,
    /// Confirmed in the current review round.
    pub reviewed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestView {
    pub id: i64,
    pub person: String,
    pub role: String,
    pub scope: String,
    pub reason: String,
    pub wanted_until: i64,
    pub status: String,
    pub note: Option<String>,
    /// The viewer may decide it (not their own, within their units).
    pub decidable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewRow {
    pub scope: String,
    pub grants: i64,
    pub last_reviewed_at: Option<i64>,
    pub due_at: i64,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitOption {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRow {
    pub id: UserId,
    pub name: String,
    pub staff: bool,
    pub disabled: bool,
    pub grants: i64,
}

/// What `/admin/access` shows; each part only to those who may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessPageView {
    pub units: Vec<UnitOption>,
    pub can_request: bool,
    pub my_requests: Vec<RequestView>,
    pub my_grants: Vec<GrantView>,
    pub pending: Option<Vec<RequestView>>,
    pub reviews: Option<Vec<ReviewRow>>,
    pub overdue: usize,
    pub all_grants: Option<Vec<GrantView>>,
    pub users: Option<Vec<UserRow>>,
}

/// The roles a member of staff may ask for, and the kind of scope each needs.
pub const REQUESTABLE: [&str; 6] =
    ["case-officer", "service-owner", "contact-centre-agent", "content-editor", "auditor", "administrator"];

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::context::{self, RequestContext, Viewer};
    use stadsporten_db::{GrantRecord, Store};
    use stadsporten_domain::access::{Permission, Role, Scope, Target};

    pub fn review_interval() -> i64 {
        use_context::<crate::context::ServiceSettings>().map_or(182 * 86_400, |s| s.review_interval)
    }

    /// May the viewer use `permission` on this scope? Unit scopes are the unit's business
    /// (service owners); everything wider is the administrator's.
    pub fn may_on_scope(viewer: &Viewer, permission: Permission, scope: &Scope) -> bool {
        match scope {
            Scope::Unit(u) => viewer.may(permission, &Target::Unit(u)),
            _ => viewer.may(Permission::ManageAccess, &Target::AnyObject),
        }
    }

    /// The scope-level check after the feature-level one: refuses (403, audited) unless the viewer
    /// may use `permission` on `scope`.
    pub async fn require_on_scope(
        viewer: &Viewer,
        permission: Permission,
        scope: &Scope,
        object_type: &str,
        object_id: String,
    ) -> Result<(), AppError> {
        if may_on_scope(viewer, permission, scope) {
            return Ok(());
        }
        use stadsporten_domain::audit::{AuditAction, Outcome};
        crate::auth::record(
            AuditAction::AccessDenied,
            object_type,
            Some(object_id),
            Outcome::Denied,
            None,
            Some(permission.slug().into()),
        )
        .await?;
        Err(AppError::Forbidden.respond())
    }

    pub fn grant_view(g: &GrantRecord, last_review: Option<i64>) -> GrantView {
        GrantView {
            id: g.id,
            person: g.user_name.clone(),
            role: g.role.slug().to_owned(),
            scope: g.scope.to_key(),
            reason: g.reason.clone(),
            granted_by: g.granted_by.clone(),
            valid_from: g.valid_from,
            valid_until: g.valid_until,
            reviewed: g.confirmed_at.is_some_and(|c| last_review.is_none_or(|l| c > l)),
        }
    }

    pub fn request_view(r: &stadsporten_db::AccessRequest, viewer: &Viewer) -> RequestView {
        RequestView {
            id: r.id,
            person: r.user_name.clone(),
            role: r.role.slug().to_owned(),
            scope: r.scope.to_key(),
            reason: r.reason.clone(),
            wanted_until: r.wanted_until,
            status: r.status.as_str().to_owned(),
            note: r.decision_note.clone(),
            decidable: r.user_id != viewer.user_id && may_on_scope(viewer, Permission::DecideAccessRequests, &r.scope),
        }
    }

    /// The last completed review of each scope.
    pub async fn last_reviews(store: &Store, now: i64) -> Result<Vec<(Scope, Option<i64>)>, AppError> {
        Ok(store
            .review_status(now, review_interval())
            .await?
            .into_iter()
            .map(|s| (s.scope, s.last_reviewed_at))
            .collect())
    }

    pub fn is_staff_role(role: Role) -> bool {
        REQUESTABLE.contains(&role.slug())
    }

    pub fn ctx() -> RequestContext {
        context::current()
    }

    /// Form errors go back to the page with what was typed.
    pub async fn refuse_form(
        form: &str,
        values: Vec<(&str, String)>,
        errors: Vec<(&str, &str)>,
        to: &str,
    ) -> Result<(), AppError> {
        crate::flash::keep(&crate::flash::FormFlash {
            form: form.into(),
            values: values.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
            errors: errors.into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect(),
            args: Vec::new(),
        })
        .await?;
        leptos_axum::redirect(to);
        Ok(())
    }

    /// A date `YYYY-MM-DD` as the end of that day in Stockholm (23:59:59 local time, summer or
    /// winter).
    pub fn end_of_day(date: &str) -> Option<i64> {
        stadsporten_domain::date::Date::parse(date)?.end_in_stockholm()
    }
}

#[cfg(feature = "ssr")]
use ssr::*;

#[server(endpoint = "admin/access", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn access_overview() -> Result<AccessPageView, AppError> {
    use stadsporten_domain::access::{Permission, Scope, Target};
    let viewer = crate::auth::signed_in()?;
    let any = Target::AnyObject;
    let can = |p: Permission| viewer.may(p, &any);
    if ![
        Permission::RequestAccess,
        Permission::DecideAccessRequests,
        Permission::ReviewAccess,
        Permission::ManageAccess,
    ]
    .into_iter()
    .any(can)
    {
        crate::auth::require(Permission::RequestAccess, &any).await?;
    }
    let store = crate::context::store()?;
    let now = ctx().now;
    let reviews = last_reviews(&store, now).await?;
    let last_of = |scope: &Scope| reviews.iter().find(|(s, _)| s == scope).and_then(|(_, l)| *l);
    let units = store
        .units()
        .await?
        .into_iter()
        .map(|u| {
            let name = u.name(ctx().lang).to_owned();
            UnitOption { code: u.code.to_string(), name }
        })
        .collect();
    let my_requests =
        store.access_requests_of_user(viewer.user_id).await?.iter().map(|r| request_view(r, &viewer)).collect();
    let my_grants = store
        .grants_of_user(viewer.user_id)
        .await?
        .iter()
        .filter(|g| g.in_force(now))
        .map(|g| grant_view(g, last_of(&g.scope)))
        .collect();
    // Service owners see their units; the administrator sees everything.
    let admin = can(Permission::ManageAccess);
    let owned: Vec<Scope> =
        viewer.principal.units_with(Permission::ReviewAccess).into_iter().map(|u| Scope::Unit(u.clone())).collect();
    let scopes = (!admin).then_some(owned.as_slice());
    let pending = if can(Permission::DecideAccessRequests) {
        Some(store.pending_access_requests(scopes).await?.iter().map(|r| request_view(r, &viewer)).collect())
    } else {
        None
    };
    let (reviews_view, overdue) = if can(Permission::ReviewAccess) {
        let rows: Vec<ReviewRow> = store
            .review_status(now, review_interval())
            .await?
            .into_iter()
            .filter(|s| admin || owned.contains(&s.scope))
            .map(|s| ReviewRow {
                scope: s.scope.to_key(),
                grants: s.grants_in_force,
                last_reviewed_at: s.last_reviewed_at,
                due_at: s.due_at,
                overdue: s.overdue,
            })
            .collect();
        let overdue = rows.iter().filter(|r| r.overdue).count();
        (Some(rows), overdue)
    } else {
        (None, 0)
    };
    let all_grants = if admin {
        Some(store.grants_in_force(None, now).await?.iter().map(|g| grant_view(g, last_of(&g.scope))).collect())
    } else {
        None
    };
    let users = if can(Permission::ManageUsers) {
        Some(
            store
                .find_users("", now)
                .await?
                .into_iter()
                .map(|u| UserRow {
                    id: u.id,
                    name: u.display_name,
                    staff: u.kind == stadsporten_db::UserKind::Staff,
                    disabled: u.disabled,
                    grants: u.active_grants,
                })
                .collect(),
        )
    } else {
        None
    };
    if all_grants.is_some() || users.is_some() {
        // Staff reading who holds which access (names of people) is a read of personal data.
        use stadsporten_domain::audit::{AuditAction, Outcome};
        crate::auth::record(AuditAction::Read, "access-overview", None, Outcome::Success, Some("administrator"), None)
            .await?;
    }
    Ok(AccessPageView {
        units,
        can_request: can(Permission::RequestAccess),
        my_requests,
        my_grants,
        pending,
        reviews: reviews_view,
        overdue,
        all_grants,
        users,
    })
}

/// A member of staff asks for a role (a unit's for unit roles), with a reason and an end date.
#[server(endpoint = "admin/access/request", prefix = "/api")]
pub async fn request_access(role: String, unit: String, reason: String, until: String) -> Result<(), AppError> {
    use stadsporten_domain::access::{Grant, Permission, Role, Scope, ScopeKind, Target};
    use stadsporten_domain::audit::AuditAction;
    use stadsporten_domain::organisation::UnitCode;
    let viewer = crate::auth::require(Permission::RequestAccess, &Target::AnyObject).await?;
    let now = ctx().now;
    let mut errors = Vec::new();
    let role_v = Role::parse(&role).filter(|r| is_staff_role(*r));
    if role_v.is_none() {
        errors.push(("role", "access-error-role"));
    }
    let scope = match role_v.map(|r| r.scope_kind()) {
        Some(ScopeKind::Unit) => match UnitCode::parse(&unit) {
            Some(u) => Some(Scope::Unit(u)),
            None => {
                errors.push(("unit", "access-error-unit"));
                None
            }
        },
        Some(_) => Some(Scope::Everywhere),
        None => None,
    };
    if reason.trim().chars().count() < 10 {
        errors.push(("reason", "access-error-reason"));
    }
    let until_v = end_of_day(&until).filter(|u| *u > now && *u <= now + 366 * 86_400);
    if until_v.is_none() {
        errors.push(("until", "access-error-until"));
    }
    let (Some(role_v), Some(scope), Some(until_v), true) = (role_v, scope, until_v, errors.is_empty()) else {
        let values = vec![("role", role), ("unit", unit), ("reason", reason), ("until", until)];
        return refuse_form("access-request", values, errors, "/admin/access#request").await;
    };
    if Grant::new(role_v, scope.clone()).is_none() {
        return Err(AppError::BadArguments.respond());
    }
    // The entry names the new request: the store fills in its id.
    crate::auth::audited(
        AuditAction::RequestAccess,
        "access-request",
        None,
        None,
        Some(format!("{}@{}", role_v.slug(), scope.to_key())),
    )?
    .request_access(viewer.user_id, role_v, &scope, reason.trim(), until_v, now)
    .await?;
    leptos_axum::redirect("/admin/access?done=requested");
    Ok(())
}

/// A service owner (their unit) or the administrator approves or rejects a request.
#[server(endpoint = "admin/access/decide", prefix = "/api")]
pub async fn decide_request(request: i64, decision: String, note: String) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::{AuditAction, Outcome};
    let viewer = crate::auth::require(Permission::DecideAccessRequests, &Target::AnyObject).await?;
    let store = crate::context::store()?;
    let r = store.access_request(request).await?.ok_or_else(|| AppError::NotFound.respond())?;
    if r.user_id == viewer.user_id || !may_on_scope(&viewer, Permission::DecideAccessRequests, &r.scope) {
        crate::auth::record(
            AuditAction::AccessDenied,
            "access-request",
            Some(r.id.to_string()),
            Outcome::Denied,
            None,
            Some("decide-access-requests".into()),
        )
        .await?;
        return Err(AppError::Forbidden.respond());
    }
    let approve = match decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::BadArguments.respond()),
    };
    let now = ctx().now;
    // The decision's entry, and for an approval the new grant's (the store names the grant), are
    // written with the decision.
    let ctx = crate::context::current();
    let action = if approve { AuditAction::ApproveAccess } else { AuditAction::RejectAccess };
    let mut entries = vec![crate::auth::entry(
        &ctx,
        action,
        "access-request",
        Some(r.id.to_string()),
        Outcome::Success,
        crate::auth::role_used(&viewer, Permission::DecideAccessRequests, &Target::AnyObject),
        (!note.trim().is_empty()).then(|| note.trim().to_owned()),
    )];
    if approve {
        entries.push(crate::auth::entry(
            &ctx,
            AuditAction::GrantAccess,
            "access-grant",
            None,
            Outcome::Success,
            None,
            Some(format!("user {}: {}@{}", r.user_id, r.role.slug(), r.scope.to_key())),
        ));
    }
    if store
        .audited_all(entries)
        .decide_access_request(r.id, approve, viewer.user_id, note.trim(), now)
        .await?
        .is_none()
    {
        leptos_axum::redirect("/admin/access?done=already-decided");
        return Ok(());
    }
    leptos_axum::redirect(if approve { "/admin/access?done=approved" } else { "/admin/access?done=rejected" });
    Ok(())
}

/// The administrator grants a role directly (with a reason and an end date).
#[server(endpoint = "admin/access/grant", prefix = "/api")]
pub async fn grant_access(
    user: UserId,
    role: String,
    scope: String,
    reason: String,
    until: String,
) -> Result<(), AppError> {
    use stadsporten_db::NewGrant;
    use stadsporten_domain::access::{Grant, Permission, Role, Scope, Target};
    use stadsporten_domain::audit::AuditAction;
    let viewer = crate::auth::require(Permission::ManageAccess, &Target::AnyObject).await?;
    let store = crate::context::store()?;
    let now = ctx().now;
    let mut errors = Vec::new();
    let grant = Role::parse(&role).zip(Scope::from_key(scope.trim())).and_then(|(r, s)| Grant::new(r, s));
    if grant.as_ref().is_none_or(|g| !g.role.granted_formally()) {
        errors.push(("scope", "access-error-scope"));
    }
    if store.user(user).await?.is_none() {
        errors.push(("user", "access-error-user"));
    }
    if reason.trim().chars().count() < 10 {
        errors.push(("reason", "access-error-reason"));
    }
    let until_v = end_of_day(&until).filter(|u| *u > now && *u <= now + 731 * 86_400);
    if until_v.is_none() {
        errors.push(("until", "access-error-until"));
    }
    let (Some(grant), Some(until_v), true) = (grant, until_v, errors.is_empty()) else {
        let values =
            vec![("user", user.to_string()), ("role", role), ("scope", scope), ("reason", reason), ("until", until)];
        return refuse_form("access-grant", values, errors, "/admin/access#grant").await;
    };
    crate::auth::audited(
        AuditAction::GrantAccess,
        "access-grant",
        None,
        Some("administrator"),
        Some(format!("user {user}: {}@{}", grant.role.slug(), grant.scope.to_key())),
    )?
    .grant_access(&NewGrant {
        user_id: user,
        role: grant.role,
        scope: &grant.scope,
        reason: reason.trim(),
        granted_by: Some(viewer.user_id),
        valid_from: now,
        valid_until: until_v,
    })
    .await?;
    leptos_axum::redirect("/admin/access?done=granted");
    Ok(())
}

/// Revokes a grant (service owners in their units, the administrator anywhere), with a reason.
#[server(endpoint = "admin/access/revoke", prefix = "/api")]
pub async fn revoke_grant(grant: i64, reason: String, back: String) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::AuditAction;
    let viewer = crate::auth::require(Permission::ReviewAccess, &Target::AnyObject).await?;
    let store = crate::context::store()?;
    let g = store.grant(grant).await?.ok_or_else(|| AppError::NotFound.respond())?;
    require_on_scope(&viewer, Permission::ReviewAccess, &g.scope, "access-grant", g.id.to_string()).await?;
    let back = if back.starts_with("/admin/access") { back } else { "/admin/access".to_owned() };
    if reason.trim().chars().count() < 5 {
        return refuse_form(
            "revoke",
            vec![("grant", grant.to_string()), ("reason", reason)],
            vec![("reason", "access-error-revoke-reason")],
            &back,
        )
        .await;
    }
    let now = ctx().now;
    // Written only when the grant was still in force (the store commits only then).
    crate::auth::audited(
        AuditAction::RevokeAccess,
        "access-grant",
        Some(g.id.to_string()),
        None,
        Some(reason.trim().to_owned()),
    )?
    .revoke_grant(g.id, viewer.user_id, reason.trim(), now)
    .await?;
    leptos_axum::redirect(&back);
    Ok(())
}

/// What reviewing one scope shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    pub scope: String,
    pub last_reviewed_at: Option<i64>,
    pub due_at: i64,
    pub grants: Vec<GrantView>,
}

#[server(endpoint = "admin/access/review", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn review_scope(scope: String) -> Result<ReviewView, AppError> {
    use stadsporten_domain::access::{Permission, Scope, Target};
    let viewer = crate::auth::require(Permission::ReviewAccess, &Target::AnyObject).await?;
    let scope_v = Scope::from_key(&scope).ok_or_else(|| AppError::NotFound.respond())?;
    require_on_scope(&viewer, Permission::ReviewAccess, &scope_v, "access-scope", scope.clone()).await?;
    let store = crate::context::store()?;
    let now = ctx().now;
    let status = store.review_status(now, review_interval()).await?;
    let this = status.iter().find(|s| s.scope == scope_v);
    let last = this.and_then(|s| s.last_reviewed_at);
    let grants = store.grants_in_force(Some(std::slice::from_ref(&scope_v)), now).await?;
    Ok(ReviewView {
        scope: scope_v.to_key(),
        last_reviewed_at: last,
        due_at: this.map_or(now, |s| s.due_at),
        grants: grants.iter().map(|g| grant_view(g, last)).collect(),
    })
}

/// Confirms that a grant is still needed, in the current review round.
#[server(endpoint = "admin/access/confirm", prefix = "/api")]
pub async fn confirm_grant(grant: i64) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::AuditAction;
    let viewer = crate::auth::require(Permission::ReviewAccess, &Target::AnyObject).await?;
    let store = crate::context::store()?;
    let g = store.grant(grant).await?.ok_or_else(|| AppError::NotFound.respond())?;
    require_on_scope(&viewer, Permission::ReviewAccess, &g.scope, "access-grant", g.id.to_string()).await?;
    crate::auth::audited(AuditAction::ConfirmAccess, "access-grant", Some(g.id.to_string()), None, None)?
        .confirm_grant(g.id, viewer.user_id, ctx().now)
        .await?;
    leptos_axum::redirect(&format!(
        "/admin/access/review?scope={}",
        stadsporten_domain::catalogue::encode_component(&g.scope.to_key())
    ));
    Ok(())
}

/// Completes a scope's review: every grant in force must have been confirmed (or revoked).
#[server(endpoint = "admin/access/complete-review", prefix = "/api")]
pub async fn complete_review(scope: String) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Scope, Target};
    use stadsporten_domain::audit::AuditAction;
    let viewer = crate::auth::require(Permission::ReviewAccess, &Target::AnyObject).await?;
    let scope_v = Scope::from_key(&scope).ok_or_else(|| AppError::BadArguments.respond())?;
    require_on_scope(&viewer, Permission::ReviewAccess, &scope_v, "access-scope", scope.clone()).await?;
    let store = crate::context::store()?;
    let now = ctx().now;
    let last = store
        .review_status(now, review_interval())
        .await?
        .into_iter()
        .find(|s| s.scope == scope_v)
        .and_then(|s| s.last_reviewed_at);
    let grants = store.grants_in_force(Some(std::slice::from_ref(&scope_v)), now).await?;
    let back = format!("/admin/access/review?scope={}", stadsporten_domain::catalogue::encode_component(&scope));
    if grants.iter().any(|g| !grant_view(g, last).reviewed) {
        return refuse_form("review", vec![("scope", scope)], vec![("grants", "access-error-unreviewed")], &back).await;
    }
    crate::auth::audited(
        AuditAction::CompleteReview,
        "access-scope",
        Some(scope_v.to_key()),
        None,
        Some(format!("{} confirmed", grants.len())),
    )?
    .complete_review(&scope_v, viewer.user_id, grants.len() as i64, 0, now)
    .await?;
    leptos_axum::redirect("/admin/access?done=reviewed");
    Ok(())
}

/// Ends every session of a user, or disables (or enables) the user.
#[server(endpoint = "admin/users/manage", prefix = "/api")]
pub async fn manage_user(user: UserId, action: String) -> Result<(), AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::AuditAction;
    let viewer = crate::auth::require(Permission::ManageUsers, &Target::AnyObject).await?;
    let store = crate::context::store()?;
    let now = ctx().now;
    let target = store.user(user).await?.ok_or_else(|| AppError::NotFound.respond())?;
    if target.id == viewer.user_id && action == "disable" {
        // Locking oneself out is never what an administrator means.
        return Err(AppError::BadArguments.respond());
    }
    let audit_action = match action.as_str() {
        "end-sessions" => AuditAction::EndSessions,
        "disable" => AuditAction::DisableUser,
        "enable" => AuditAction::EnableUser,
        _ => return Err(AppError::BadArguments.respond()),
    };
    let audited = crate::auth::audited(audit_action, "user", Some(target.id.to_string()), Some("administrator"), None)?;
    match audit_action {
        AuditAction::EndSessions => audited.end_sessions(target.id).await?,
        _ => audited.set_user_disabled(target.id, audit_action == AuditAction::DisableUser, now).await?,
    };
    leptos_axum::redirect(&format!("/admin/access?done={action}#users"));
    Ok(())
}

/// One audit entry as the auditor reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub seq: i64,
    pub at: i64,
    pub actor: Option<String>,
    pub actor_id: Option<UserId>,
    pub acting_for: Option<String>,
    pub role: Option<String>,
    pub action: String,
    pub object: String,
    pub outcome: String,
    pub reason: Option<String>,
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditView {
    pub entries: Vec<AuditEntryView>,
    pub page: i64,
    pub more: bool,
    pub actions: Vec<String>,
}

pub const AUDIT_PAGE: i64 = 50;

/// The auditor's search. Reading the trail is itself recorded.
#[server(endpoint = "admin/audit", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn audit_search(query: String) -> Result<AuditView, AppError> {
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::{AuditAction, Outcome};
    crate::auth::require(Permission::ViewAuditTrail, &Target::AnyObject).await?;
    let (filter, page) = audit_filter(&query).ok_or_else(|| AppError::BadArguments.respond())?;
    let store = crate::context::store()?;
    let rows = store.audit_entries(&filter, AUDIT_PAGE + 1, (page - 1) * AUDIT_PAGE).await?;
    crate::auth::record(
        AuditAction::Read,
        "audit-trail",
        None,
        Outcome::Success,
        Some("auditor"),
        Some(query.chars().take(200).collect()),
    )
    .await?;
    let more = rows.len() as i64 > AUDIT_PAGE;
    Ok(AuditView {
        entries: rows.iter().take(AUDIT_PAGE as usize).map(audit_entry_view).collect(),
        page,
        more,
        actions: AuditAction::ALL.iter().map(|a| a.slug().to_owned()).collect(),
    })
}

/// An entry as the auditor reads it (also used by the CSV export).
#[cfg(feature = "ssr")]
pub fn audit_entry_view(r: &stadsporten_db::AuditRow) -> AuditEntryView {
    let e = &r.chained.entry;
    AuditEntryView {
        seq: r.chained.seq,
        at: e.at,
        actor: r.actor_name.clone(),
        actor_id: e.actor_id,
        acting_for: e.acting_for.clone(),
        role: e.role.clone(),
        action: e.action.slug().to_owned(),
        object: match &e.object_id {
            Some(id) => format!("{} {}", e.object_type, id),
            None => e.object_type.clone(),
        },
        outcome: e.outcome.slug().to_owned(),
        reason: e.reason.clone(),
        request_id: e.request_id.clone(),
        client_addr: e.client_addr.clone(),
    }
}

/// Parses the audit page's query: `person`, `actor` (user ids), `object_type`, `object_id`,
/// `action`, `from`, `until` (dates), `page`.
#[cfg(feature = "ssr")]
pub fn audit_filter(query: &str) -> Option<(stadsporten_db::AuditFilter, i64)> {
    use stadsporten_domain::audit::AuditAction;
    let mut f = stadsporten_db::AuditFilter::default();
    let mut page = 1;
    let day = |d: &str| -> Option<i64> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        Some(time::Date::parse(d, &format).ok()?.midnight().assume_utc().unix_timestamp())
    };
    for (k, v) in stadsporten_domain::catalogue::decode_query_string(query).ok()? {
        let k = k.as_str();
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        match k {
            "person" => f.person = Some(v.parse().ok()?),
            "actor" => f.actor = Some(v.parse().ok()?),
            "object_type" => f.object_type = Some(v.chars().take(40).collect()),
            "object_id" => f.object_id = Some(v.chars().take(80).collect()),
            "action" => f.action = Some(AuditAction::parse(v)?),
            "from" => f.from = Some(day(v)?),
            "until" => f.until = Some(day(v)? + 86_400),
            "page" => page = v.parse::<i64>().ok().filter(|p| (1..=10_000).contains(p))?,
            _ => {}
        }
    }
    Some((f, page))
}
