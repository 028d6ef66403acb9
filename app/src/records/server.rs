//! Server functions of `/my/data`: how much Stadsporten holds about the signed-in person.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How many records of each kind the person has, for the page (the extract holds them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MyDataView {
    pub cases: usize,
    pub drafts: usize,
    pub files: usize,
    pub errands: usize,
    pub lookups: usize,
    pub access_entries: usize,
    /// How long an unsent form is kept after it was last saved (days).
    pub draft_days: i64,
}

#[server(endpoint = "my/data", prefix = "/api", input = server_fn::codec::GetUrl)]
pub async fn my_data() -> Result<MyDataView, AppError> {
    use stadsporten_domain::access::{Permission, Target};
    let viewer = crate::auth::signed_in()?;
    crate::auth::require(Permission::UseMyPages, &Target::Person(viewer.user_id)).await?;
    let store = crate::context::store()?;
    let now = crate::context::current().now;
    let settings = use_context::<crate::settings::EServiceSettings>().ok_or(AppError::Internal)?;
    let (data, errands, lookups) = tokio::try_join!(
        store.register_data(viewer.user_id, now),
        store.errands_of_person(viewer.user_id, 10_000),
        store.lookups_of_person(viewer.user_id, 10_000),
    )?;
    Ok(MyDataView {
        cases: data.cases.len(),
        drafts: data.drafts.len(),
        files: data.files.len(),
        errands: errands.len(),
        lookups: lookups.len(),
        access_entries: data.access.len(),
        draft_days: settings.draft_seconds / 86_400,
    })
}
