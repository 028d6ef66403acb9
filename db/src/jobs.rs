//! Leases for periodic jobs, so that with several nodes one runs each round.
//!
//! Policy: a node runs a round of a job (draft reminders and expiry, rescans of held files,
//! session clean-up) only while it holds that job's lease, taken with a compare-and-set on
//! `job_leases`: free, expired, or already its own. A node that dies mid-round leaves the lease to
//! run out, and another node takes the next round. Work inside a round is written so that a
//! repeated round does nothing twice (compare-and-set on each row), so a lease that runs out
//! mid-round costs time, never a duplicate.

use crate::{Result, Store};

impl Store {
    /// Takes (or renews) the lease on `job` for `holder` until `now + seconds`; `false` when
    /// another holder has it.
    pub async fn take_job_lease(&self, job: &str, holder: &str, now: i64, seconds: i64) -> Result<bool> {
        let done = sqlx::query(
            "insert into job_leases (name, holder, until) values ($1, $2, $3) \
             on conflict (name) do update set holder = excluded.holder, until = excluded.until \
             where job_leases.until < $4 or job_leases.holder = excluded.holder",
        )
        .bind(job)
        .bind(holder)
        .bind(now + seconds)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Gives the lease back (a node that stops).
    pub async fn release_job_lease(&self, job: &str, holder: &str) -> Result<()> {
        sqlx::query("delete from job_leases where name = $1 and holder = $2")
            .bind(job)
            .bind(holder)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
