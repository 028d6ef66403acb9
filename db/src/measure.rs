//! First-party journey measurement: counting without slowing or failing a request.
//!
//! Policy:
//! - [`Store::record`] adds one to a counter in this node's memory and returns: no IO, no await,
//!   no error. A resident's request never waits for, or fails because of, measurement.
//! - [`Store::flush_journeys`] (a worker every few seconds, and at shutdown) adds the counters to
//!   `journey_counts` in one transaction with `n = n + excluded.n`, so several nodes add up. A
//!   flush that fails puts its counts back for the next one. A crash loses at most the counts
//!   since the last flush: a measurement's accepted price for never touching the request path.
//! - A count carries no person, draft, address or cookie (see `domain::measure`).

use crate::{Result, Store};
use stadsporten_domain::measure::{CaseChannel, JourneyKind, Month};
use stadsporten_domain::stats::DeviceClass;
use std::collections::HashMap;
use std::sync::Mutex;

/// One thing that happened in a journey.
#[derive(Debug, Clone, Copy)]
pub struct JourneyEvent<'a> {
    pub service_slug: &'a str,
    pub kind: JourneyKind,
    /// The step reached or the field refused; empty otherwise.
    pub detail: &'a str,
    pub channel: CaseChannel,
    pub device: DeviceClass,
    /// When (Unix seconds): the month it is counted in.
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    month: Month,
    service_slug: String,
    kind: JourneyKind,
    detail: String,
    channel: CaseChannel,
    device: DeviceClass,
}

/// The counts this node has not written yet.
#[derive(Default)]
pub(crate) struct JourneyBuffer {
    counts: Mutex<HashMap<Key, i64>>,
    /// Set when journeys are not measured (`[measurement] record_journeys = false`: the
    /// benchmark's "before", or a city that turns measurement off).
    off: std::sync::atomic::AtomicBool,
}

/// Details longer than this are cut (a step or field id is far shorter; this only bounds memory).
const DETAIL_MAX: usize = 64;

impl JourneyBuffer {
    fn add(&self, key: Key, n: i64) {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        *counts.entry(key).or_insert(0) += n;
    }

    /// How many counters wait for the next flush.
    pub(crate) fn len(&self) -> usize {
        self.counts.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    fn take(&self) -> HashMap<Key, i64> {
        std::mem::take(&mut *self.counts.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

impl Store {
    /// Turns journey measurement on or off for this node (on by default).
    pub fn set_journey_recording(&self, on: bool) {
        self.journeys.off.store(!on, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn records_journeys(&self) -> bool {
        !self.journeys.off.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Counts one journey event (in memory until the next flush).
    pub fn record(&self, e: JourneyEvent<'_>) {
        if !self.records_journeys() {
            return;
        }
        let detail: String = e.detail.chars().take(DETAIL_MAX).collect();
        self.journeys.add(
            Key {
                month: Month::at(e.at),
                service_slug: e.service_slug.to_owned(),
                kind: e.kind,
                detail,
                channel: e.channel,
                device: e.device,
            },
            1,
        );
    }

    /// Writes the counts gathered since the last flush; returns how many counters were written.
    pub async fn flush_journeys(&self) -> Result<usize> {
        let counts = self.journeys.take();
        if counts.is_empty() {
            return Ok(0);
        }
        match self.write_journey_counts(&counts).await {
            Ok(()) => Ok(counts.len()),
            Err(e) => {
                for (key, n) in counts {
                    self.journeys.add(key, n);
                }
                Err(e)
            }
        }
    }

    async fn write_journey_counts(&self, counts: &HashMap<Key, i64>) -> Result<()> {
        let mut tx = self.begin_write().await?;
        for (k, n) in counts {
            sqlx::query(
                "insert into journey_counts (month, service_slug, kind, detail, channel, device, n) \
                 values ($1, $2, $3, $4, $5, $6, $7) \
                 on conflict (month, service_slug, kind, detail, channel, device) \
                 do update set n = journey_counts.n + excluded.n",
            )
            .bind(k.month.key())
            .bind(&k.service_slug)
            .bind(k.kind.slug())
            .bind(&k.detail)
            .bind(k.channel.slug())
            .bind(k.device.slug())
            .bind(*n)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await
    }

    /// Adds counts directly (the seed's year of history and the benchmark's fixture).
    pub async fn add_journey_counts(&self, rows: &[(JourneyEvent<'_>, i64)]) -> Result<()> {
        let mut counts = HashMap::new();
        for (e, n) in rows {
            let key = Key {
                month: Month::at(e.at),
                service_slug: e.service_slug.to_owned(),
                kind: e.kind,
                detail: e.detail.chars().take(DETAIL_MAX).collect(),
                channel: e.channel,
                device: e.device,
            };
            *counts.entry(key).or_insert(0) += n;
        }
        self.write_journey_counts(&counts).await
    }
}
