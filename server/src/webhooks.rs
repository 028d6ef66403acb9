//! The webhook worker: sends due deliveries (`stadsporten_db::webhooks`) to their receivers,
//! signed as Standard Webhooks describes, and records each try.
//!
//! Policy: a receiver has 10 seconds to answer; any 2xx is delivered, anything else (or no answer)
//! is tried again after the back-off, until the last try dead-letters it. Deliveries go out in
//! parallel (at most `PARALLEL` at once per node), so a slow receiver never holds up the rest, and
//! never a resident's request: the worker runs beside the server, not in a request. Nothing of the
//! payload is logged (it names a case); a failure is logged with the delivery's id and status.

use stadsporten_app::web::clock::Clock;
use stadsporten_db::{DeliveryJob, Store, Tried};
use stadsporten_domain::api::webhook::{secret_key, sign};
use std::sync::Arc;
use std::time::Duration;

/// Sends at most this many at once on one node.
const PARALLEL: usize = 64;
/// A claim's lease: longer than a try can take.
const LEASE_SECONDS: i64 = 60;

#[derive(Clone)]
pub struct WebhookWorker {
    pub store: Store,
    pub clock: Clock,
    pub client: reqwest::Client,
}

impl WebhookWorker {
    pub fn new(store: Store, clock: Clock) -> WebhookWorker {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        WebhookWorker { store, clock, client }
    }

    /// One round: claims what is due, sends it, records the outcomes. Returns how many were tried.
    pub async fn run_once(&self) -> usize {
        let now = self.clock.now();
        let jobs = match self.store.claim_deliveries(now, LEASE_SECONDS, 4 * PARALLEL as i64).await {
            Ok(j) => j,
            Err(e) => {
                tracing::warn!(error = %e, "could not claim webhook deliveries");
                return 0;
            }
        };
        let n = jobs.len();
        let limit = Arc::new(tokio::sync::Semaphore::new(PARALLEL));
        let mut set = tokio::task::JoinSet::new();
        for job in jobs {
            let worker = self.clone();
            let permit = limit.clone().acquire_owned().await;
            set.spawn(async move {
                let _permit = permit;
                worker.deliver(job).await
            });
        }
        let mut tries = Vec::with_capacity(n);
        while let Some(done) = set.join_next().await {
            if let Ok(t) = done {
                tries.push(t);
            }
        }
        // One transaction for the round's outcomes. If it fails, the leases run out and the
        // deliveries are sent again: at least once.
        if let Err(e) = self.store.deliveries_tried(&tries, self.clock.now()).await {
            tracing::warn!(error = %e, deliveries = tries.len(), "could not record webhook deliveries");
        }
        n
    }

    /// Sends one delivery; the outcome to record.
    async fn deliver(&self, job: DeliveryJob) -> Tried {
        let timestamp = self.clock.now();
        let Some(key) = secret_key(&job.secret) else {
            tracing::error!(delivery = job.id, "a webhook subscription's secret is not a whsec_ secret");
            return Tried { id: job.id, attempts_before: job.attempts, status: None, error: Some("bad secret".into()) };
        };
        let signature = sign(&key, &job.event_id, timestamp, job.payload.as_bytes());
        let sent = self
            .client
            .post(&job.url)
            .header("content-type", "application/cloudevents+json")
            .header("webhook-id", &job.event_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(job.payload)
            .send()
            .await;
        let (status, error) = match sent {
            Ok(res) => {
                let s = res.status().as_u16();
                (Some(s), (!res.status().is_success()).then(|| format!("HTTP {s}")))
            }
            Err(e) => {
                (None, Some(if e.is_timeout() { "timed out".to_owned() } else { "could not connect".to_owned() }))
            }
        };
        if let Some(err) = &error {
            tracing::info!(delivery = job.id, attempt = job.attempts + 1, error = %err, "webhook delivery failed; will retry");
        }
        Tried { id: job.id, attempts_before: job.attempts, status, error }
    }

    /// Runs forever: a round every `every`, at once again while rounds are full.
    pub fn spawn(self, every: Duration) {
        tokio::spawn(async move {
            loop {
                let n = self.run_once().await;
                if n < 4 * PARALLEL {
                    tokio::time::sleep(every).await;
                }
            }
        });
    }
}
