//! The city's web editors (`content-editor`): `/admin/content`.
//!
//! Policy: editors keep the catalogue's service pages, the operating messages and the
//! accessibility statement's known shortcomings true, without a deploy or a restart. A page is
//! saved as a version (who, when), previewed exactly as residents will see it, and published now,
//! on a schedule or not at all; any earlier version can be published again. Every write is in
//! the audit trail with its object. Editors' text is plain text with a small, safe formatting
//! (`stadsporten_domain::content::markup`): never HTML. Editors see no personal data.

mod accessibility_admin_page;
pub mod accessibility_page;
mod form;
mod message_page;
mod overview_page;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod server;
mod service_page;
pub mod view;

pub use accessibility_admin_page::ShortcomingsPage;
pub use accessibility_page::AccessibilityStatementPage;
pub use message_page::MessageEditPage;
pub use overview_page::ContentOverviewPage;
pub use service_page::{ServiceEditPage, VersionPage};

/// A parameter of this request's query string.
fn query_param(key: &str) -> Option<String> {
    let query = leptos::prelude::use_context::<crate::context::RequestContext>().unwrap_or_default().query;
    stadsporten_domain::catalogue::decode_query_string(&query).ok()?.into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}
