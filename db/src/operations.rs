//! What operations watch (`/metrics`): the pool, the backlogs of the background workers, and the
//! journey counts not yet written. Cheap reads, on the scrape only.

use crate::{Result, Store};
use sqlx::Row;

/// The store's gauges at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gauges {
    pub pool_size: u32,
    pub pool_idle: usize,
    pub pool_max: u32,
    /// Notifications waiting to be sent, and those given up on.
    pub outbox_pending: i64,
    pub outbox_failed: i64,
    /// Audit entries written and not yet sealed into the chain.
    pub audit_pending: i64,
    /// Journey counters in this node's memory.
    pub journeys_unflushed: usize,
}

impl Store {
    pub async fn gauges(&self) -> Result<Gauges> {
        let outbox = sqlx::query(
            "select cast(sum(case when status = 'pending' then 1 else 0 end) as bigint) as pending, \
             cast(sum(case when status = 'failed' then 1 else 0 end) as bigint) as failed from outbox",
        )
        .fetch_one(&self.pool)
        .await?;
        let audit = sqlx::query("select count(*) as n from audit_pending").fetch_one(&self.pool).await?;
        Ok(Gauges {
            pool_size: self.pool.size(),
            pool_idle: self.pool.num_idle(),
            pool_max: self.pool.options().get_max_connections(),
            outbox_pending: outbox.try_get::<Option<i64>, _>("pending")?.unwrap_or(0),
            outbox_failed: outbox.try_get::<Option<i64>, _>("failed")?.unwrap_or(0),
            audit_pending: audit.try_get("n")?,
            journeys_unflushed: self.journeys.len(),
        })
    }
}
