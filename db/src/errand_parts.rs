//! What a case transition needs of the contact centre's errands (as `bundle_parts.rs` is for
//! bundles): an errand handed over as a case closes when the unit answers, with a line in its
//! timeline. Kept apart so `cases.rs` and `contact_centre.rs` do not depend on each other.

use crate::tx::Tx;
use crate::Result;
use sqlx::Row;
use stadsporten_domain::ids::{CaseId, ErrandId, UserId};

pub(crate) async fn errand_event(
    tx: &mut Tx<'_>,
    errand: ErrandId,
    at: i64,
    actor: Option<UserId>,
    kind: &str,
    detail: Option<&str>,
    public: bool,
) -> Result<()> {
    sqlx::query(
        "insert into errand_events (errand_id, at, actor_id, kind, detail, public) values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(errand)
    .bind(at)
    .bind(actor)
    .bind(kind)
    .bind(detail)
    .bind(i64::from(public))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Closes the errands handed over as `case_id` when the unit has answered (the case decided,
/// closed or withdrawn), inside the transition's transaction.
pub(crate) async fn close_errands_of_case(tx: &mut Tx<'_>, case_id: CaseId, to: &str, now: i64) -> Result<()> {
    let rows = sqlx::query(
        "update errands set status = 'closed', closed_at = $1, updated_at = $1 \
         where case_id = $2 and status = 'with-unit' returning id",
    )
    .bind(now)
    .bind(case_id)
    .fetch_all(&mut **tx)
    .await?;
    for r in rows {
        let id: ErrandId = r.try_get("id")?;
        errand_event(tx, id, now, None, "unit-answered", Some(to), true).await?;
    }
    Ok(())
}
