//! Authorisation and the audit trail for pages and server functions.
//!
//! Policy: the first line of every server function that touches anything but public information is
//! `let viewer = auth::require(Permission::…, &Target::…).await?;`. It answers 401 when nobody is
//! signed in and 403 when the signed-in person may not, and writes the refusal to the audit trail.
//! Audit policy (see `stadsporten_db::audit`): a write goes through [`audited`], so its entry
//! commits in the write's own transaction — both or neither; a read of personal data is recorded
//! with [`record`] before the data is returned; a refusal is recorded with [`record`]. A failure to
//! audit fails the action. Entries name the object; they never hold a personnummer, a token or a
//! cookie.

use crate::context::{RequestContext, Viewer};
use stadsporten_domain::access::{Permission, Target};
use stadsporten_domain::audit::{AuditAction, AuditEntry, Outcome};

/// The role that carries `permission` on `target` for this viewer (for the audit trail).
pub fn role_used(viewer: &Viewer, permission: Permission, target: &Target<'_>) -> Option<&'static str> {
    viewer.principal.grant_for(permission, target).map(|g| g.role.slug())
}

/// The role a person applies in, for the audit trail: for a company they act for, or as
/// themselves.
pub fn applicant_role(viewer: &Viewer) -> &'static str {
    if viewer.acting_for.is_some() {
        "business-representative"
    } else {
        "resident"
    }
}

/// Builds an audit entry for this request.
pub fn entry(
    ctx: &RequestContext,
    action: AuditAction,
    object_type: &str,
    object_id: Option<String>,
    outcome: Outcome,
    role: Option<&str>,
    reason: Option<String>,
) -> AuditEntry {
    let viewer = ctx.viewer.as_ref();
    AuditEntry {
        at: ctx.now,
        actor_id: viewer.map(|v| v.user_id),
        acting_for: viewer.and_then(|v| v.acting_for.as_ref()).map(|(o, _)| o.to_string()),
        role: role.map(str::to_owned),
        action,
        object_type: object_type.to_owned(),
        object_id,
        outcome,
        reason,
        request_id: (!ctx.request_id.is_empty()).then(|| ctx.request_id.clone()),
        client_addr: (!ctx.client_addr.is_empty()).then(|| ctx.client_addr.clone()),
    }
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::context;
    use crate::error::AppError;

    /// The store handle whose next write commits this request's entry (always a success: a
    /// refused write is rolled back with its entry) in the same transaction.
    pub fn audited(
        action: AuditAction,
        object_type: &str,
        object_id: Option<String>,
        role: Option<&str>,
        reason: Option<String>,
    ) -> Result<stadsporten_db::Store, AppError> {
        let ctx = context::current();
        let store = context::store()?;
        Ok(store.audited(entry(&ctx, action, object_type, object_id, Outcome::Success, role, reason)))
    }

    /// Records an entry for the current request on its own: a read of personal data (before the
    /// data is returned) or a refusal. A failure to audit fails the action: an action that cannot
    /// be traced must not happen.
    pub async fn record(
        action: AuditAction,
        object_type: &str,
        object_id: Option<String>,
        outcome: Outcome,
        role: Option<&str>,
        reason: Option<String>,
    ) -> Result<(), AppError> {
        let ctx = context::current();
        let store = context::store()?;
        store.append_audit(&entry(&ctx, action, object_type, object_id, outcome, role, reason)).await?;
        Ok(())
    }

    /// The signed-in viewer, or 401.
    pub fn signed_in() -> Result<Viewer, AppError> {
        context::current().viewer.ok_or_else(|| AppError::Unauthorized.respond())
    }

    /// A resident's e-ID sign-in meets the level of assurance the e-service's classification
    /// asks for (confidentiality 3: substantial); otherwise the refusal (audited), whose page
    /// offers to sign in again at that level. Staff sign in through the city's own provider and
    /// are not asked.
    pub async fn require_assurance(
        store: &stadsporten_db::Store,
        viewer: &Viewer,
        service_slug: &str,
    ) -> Result<(), AppError> {
        if viewer.is_staff {
            return Ok(());
        }
        let needs = store.service_classification(service_slug).await?.controls().min_assurance;
        if needs.met_by(viewer.assurance) {
            return Ok(());
        }
        record(
            AuditAction::AccessDenied,
            "service",
            Some(service_slug.to_owned()),
            Outcome::Denied,
            None,
            Some(format!("assurance {} needed", needs.slug())),
        )
        .await?;
        Err(AppError::AssuranceTooLow.respond())
    }

    /// The signed-in viewer holding `permission` on `target`; otherwise 401 or 403 (audited).
    pub async fn require(permission: Permission, target: &Target<'_>) -> Result<Viewer, AppError> {
        let viewer = signed_in()?;
        if viewer.may(permission, target) {
            return Ok(viewer);
        }
        let object = match target {
            Target::Person(id) => ("user", Some(id.to_string())),
            Target::Organisation(o) => ("organisation", Some(o.to_string())),
            Target::Unit(u) => ("unit", Some(u.to_string())),
            Target::AnyObject => ("feature", None),
        };
        record(AuditAction::AccessDenied, object.0, object.1, Outcome::Denied, None, Some(permission.slug().into()))
            .await?;
        Err(AppError::Forbidden.respond())
    }
}

#[cfg(feature = "ssr")]
pub use server::{audited, record, require, require_assurance, signed_in};
