//! The city's side of the comparison data (`/admin/providers`): the import with its dry-run
//! report, and every provider change with a revert. `manage-provider-data` (service owners,
//! administrators) is required for all of it.

use crate::catalogue::view_model::LinkView;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The form name of an import report in the flash.
pub const IMPORT_FORM: &str = "provider-import";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReportView {
    pub heading: String,
    pub summary: String,
    pub ok: bool,
    /// (where: "units, row 3, district", message)
    pub problems: Vec<(String, String)>,
    pub more: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeRow {
    pub id: i64,
    pub unit: LinkView,
    pub when: String,
    pub who: String,
    pub what: String,
    /// "Reverted" when undone; `None` while it can be reverted.
    pub reverted: Option<String>,
    pub revert_label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvidersAdminView {
    pub report: Option<ImportReportView>,
    pub notice: Option<String>,
    pub changes: Vec<ChangeRow>,
}

#[server(prefix = "/api", endpoint = "admin/providers", input = server_fn::codec::GetUrl)]
pub async fn load_providers_admin() -> Result<ProvidersAdminView, AppError> {
    use crate::i18n::{t, ta};
    use stadsporten_db::ChangedBy;
    use stadsporten_domain::access::{Permission, Target};
    crate::auth::require(Permission::ManageProviderData, &Target::AnyObject).await?;
    let ctx = crate::context::current();
    let lang = ctx.lang;
    let store = crate::context::store()?;
    let report = ctx.flash_for(IMPORT_FORM).filter(|f| f.form == IMPORT_FORM).map(|f| {
        let n = |k: &str| f.value(k).unwrap_or("0").to_owned();
        let dry = f.value("dry_run").is_some_and(|v| !v.is_empty());
        let stored = f.value("stored").is_some_and(|v| !v.is_empty());
        let file = f.value("file").unwrap_or_default().to_owned();
        let args = [
            ("file", file.into()),
            ("rows", n("rows").into()),
            ("added", n("added").into()),
            ("changed", n("changed").into()),
        ];
        let (heading, summary) = match (stored, dry, f.errors.is_empty()) {
            (true, _, _) => ("providers-import-done", "providers-import-done-summary"),
            (false, true, true) => ("providers-import-dry-ok", "providers-import-dry-summary"),
            _ => ("providers-import-refused", "providers-import-refused-summary"),
        };
        let problems = f
            .errors
            .iter()
            .map(|(key, code)| {
                let mut parts = key.splitn(3, '|');
                let (section, row, field) =
                    (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let place = ta(
                    lang,
                    "providers-import-where",
                    &[
                        (
                            "section",
                            t(
                                lang,
                                &format!(
                                    "providers-import-section-{}",
                                    if section.is_empty() { "file" } else { section }
                                ),
                            )
                            .into(),
                        ),
                        ("row", row.to_owned().into()),
                        ("field", field.to_owned().into()),
                    ],
                );
                let value = f.args.iter().find(|(k, _, _)| k == key).map(|(_, _, v)| v.clone()).unwrap_or_default();
                (place, ta(lang, code, &[("value", value.into())]))
            })
            .collect();
        let total: usize = n("problems").parse().unwrap_or(0);
        ImportReportView {
            heading: ta(lang, heading, &args),
            summary: ta(lang, summary, &args),
            ok: f.errors.is_empty(),
            more: (total > f.errors.len())
                .then(|| ta(lang, "providers-import-more", &[("count", (total - f.errors.len()).into())])),
            problems,
        }
    });
    let notice = match ctx.query.as_str() {
        q if q.contains("reverted=1") => Some(t(lang, "providers-reverted")),
        q if q.contains("reverted=later") => Some(t(lang, "providers-revert-not-latest")),
        _ => None,
    };
    let changes = store
        .unit_revisions(None, 50)
        .await?
        .into_iter()
        .map(|r| ChangeRow {
            id: r.id,
            unit: LinkView { href: format!("/compare/units/{}", r.unit_id), text: r.unit_name.clone() },
            when: crate::ui::stockholm_time(r.at),
            who: match r.by_kind {
                ChangedBy::City => {
                    ta(lang, "providers-by-city", &[("name", r.by_name.clone().unwrap_or_default().into())])
                }
                _ => ta(lang, "providers-by-provider", &[("name", r.by_name.clone().unwrap_or_default().into())]),
            },
            what: r.changed.iter().map(|c| t(lang, &format!("provider-changed-{c}"))).collect::<Vec<_>>().join(", "),
            reverted: r.reverted_by.map(|_| t(lang, "providers-was-reverted")),
            revert_label: ta(lang, "providers-revert", &[("unit", r.unit_name.into())]),
        })
        .collect();
    Ok(ProvidersAdminView { report, notice, changes })
}

/// Undoes a provider's change (the latest of its unit).
#[server(prefix = "/api", endpoint = "admin/providers/revert")]
pub async fn revert_change(id: i64) -> Result<(), AppError> {
    use stadsporten_db::Reverted;
    use stadsporten_domain::access::{Permission, Target};
    use stadsporten_domain::audit::AuditAction;
    let viewer = crate::auth::require(Permission::ManageProviderData, &Target::AnyObject).await?;
    let now = crate::context::current().now;
    let role = crate::auth::role_used(&viewer, Permission::ManageProviderData, &Target::AnyObject);
    // The entry's reason names the new revision; the store writes it with the revert.
    let audited =
        crate::auth::audited(AuditAction::Revert, "provider-unit-revision", Some(id.to_string()), role, None)?;
    match audited.revert_revision(id, viewer.user_id, now).await? {
        Reverted::Reverted(_) => {
            leptos_axum::redirect("/admin/providers?reverted=1");
        }
        Reverted::NotLatest | Reverted::AlreadyReverted => leptos_axum::redirect("/admin/providers?reverted=later"),
        Reverted::UnknownRevision => return Err(AppError::NotFound.respond()),
    }
    Ok(())
}
