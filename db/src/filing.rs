//! Filing exactly once, for a case and for a bundle of cases alike.
//!
//! Policy: a submission carries an idempotency key. Filing locks the draft's row first, so every
//! submission of one draft queues behind the first; then whatever this draft or this person's
//! key already filed is answered again (a double click, a retry after a lost answer, a second
//! tab) and nothing is written. Only a new submission goes on to number and insert — inside the
//! same transaction, so an acknowledged submission exists exactly once, even across a crash
//! (`bench/durability.sh`). Numbers come from the unit's yearly series without gaps.

use crate::tx::Tx;
use crate::{Result, Store};
use sqlx::Row;
use stadsporten_domain::ids::{BundleDraftId, DraftId, UserId};

/// What is filed: a case from a draft, or a bundle from a bundle draft.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Filed {
    Case(DraftId),
    Bundle(BundleDraftId),
}

impl Filed {
    /// (filed table, its number column, draft table, the draft's link to what it filed)
    fn tables(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Filed::Case(_) => ("cases", "case_number", "drafts", "case_id"),
            Filed::Bundle(_) => ("bundles", "bundle_number", "bundle_drafts", "bundle_id"),
        }
    }

    /// The draft's row id (in the table `tables` names).
    fn draft_row(self) -> i64 {
        match self {
            Filed::Case(d) => d.get(),
            Filed::Bundle(d) => d.get(),
        }
    }
}

/// A filing opened: new (the transaction to write it in), or filed before (the filed row's id —
/// a case's or a bundle's, as `Filed` said — and its number; nothing was written).
pub(crate) enum Opened {
    New(Tx<'static>),
    Before { id: i64, number: String },
}

impl Store {
    /// Opens a filing of a draft by `applicant_id` under `key` (see the policy above).
    pub(crate) async fn open_filing(&self, what: Filed, applicant_id: UserId, key: &str) -> Result<Opened> {
        let draft_id = what.draft_row();
        // The table names are constants of `Filed`, never input.
        let (filed, number, drafts, link) = what.tables();
        let mut tx = self.begin_write().await?;
        sqlx::query(&format!("update {drafts} set updated_at = updated_at where id = $1"))
            .bind(draft_id)
            .execute(&mut *tx)
            .await?;
        let earlier = sqlx::query(&format!(
            "select f.id, f.{number} as number from {filed} f where f.id = (select {link} from {drafts} where id = $1) \
             or (f.applicant_id = $2 and f.idempotency_key = $3)"
        ))
        .bind(draft_id)
        .bind(applicant_id)
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        match earlier {
            Some(r) => {
                tx.rollback().await?;
                Ok(Opened::Before { id: r.try_get("id")?, number: r.try_get("number")? })
            }
            None => Ok(Opened::New(tx)),
        }
    }
}

/// The next number in a unit's series for the year (`MF 2026/00042`), inside the filing's
/// transaction: the series row's lock makes the numbers gapless and unique.
pub(crate) async fn next_number(tx: &mut Tx<'_>, unit_code: &str, year: u32) -> Result<String> {
    let seq: i64 = sqlx::query(
        "insert into case_series (unit_code, year, last_seq) values ($1, $2, 1) \
         on conflict (unit_code, year) do update set last_seq = case_series.last_seq + 1 returning last_seq",
    )
    .bind(unit_code)
    .bind(i64::from(year))
    .fetch_one(&mut **tx)
    .await?
    .try_get("last_seq")?;
    Ok(format!("{unit_code} {year}/{seq:05}"))
}
