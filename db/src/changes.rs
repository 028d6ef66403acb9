//! Keeping every node's caches coherent with the database.
//!
//! Policy: a node keeps in memory what nearly every request reads — the catalogue, the
//! comparison's counts, the business rules, parsed definitions, the anonymous pages (in `server`),
//! who a signed-in person is and may be. Each such cache is stamped with the generation of its
//! [`Topic`] and thrown away when the generation moves. A change moves it:
//! - on the node that made it, at once: the store method that committed it calls
//!   [`Store::changed`];
//! - on every other node, within milliseconds: on PostgreSQL, triggers on the tables call
//!   `pg_notify('stadsporten_changes', topic)` inside the writing transaction (so the notice goes
//!   out at commit, and only then), and each node's listener ([`Store::listen_for_changes`])
//!   moves its generation. A listener that lost its connection moves every generation, since
//!   notices may have been missed while it was away.
//!
//! The periodic refreshes (catalogue, comparison) stay as a safety net. SQLite is the single-node
//! default: every change is made by this process, so the local call is all it needs.

use crate::Store;
use std::sync::atomic::{AtomicU64, Ordering};

/// The channel the PostgreSQL triggers notify on (migration 0012): `identity:<user id>` for a
/// person's user, grants or mandates, `content` for the rest.
pub const CHANNEL: &str = "stadsporten_changes";

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// Users, access grants, mandates: who a signed-in person is and may be.
    Identity,
    /// What anonymous pages show: services, operating messages, e-service definitions, providers'
    /// units and indicators, the business rules.
    Content,
}

impl Topic {
    pub const ALL: [Topic; 2] = [Topic::Identity, Topic::Content];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Identity => "identity",
            Topic::Content => "content",
        }
    }

    pub fn parse(s: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The generation of each topic on this node.
#[derive(Debug, Default)]
pub struct Generations {
    identity: AtomicU64,
    content: AtomicU64,
    /// Moves whenever one person's cached answer is dropped (`Store::identity_changed`): a reader
    /// that loaded meanwhile does not keep what it read, which may be from before the change.
    pub(crate) person_changes: AtomicU64,
}

impl Generations {
    fn counter(&self, topic: Topic) -> &AtomicU64 {
        match topic {
            Topic::Identity => &self.identity,
            Topic::Content => &self.content,
        }
    }
}

impl Store {
    /// The current generation of a topic. Read it *before* loading what you cache, and store it
    /// with the value: a change committed meanwhile then leaves the value already stale.
    pub fn generation(&self, topic: Topic) -> u64 {
        self.generations.counter(topic).load(Ordering::Acquire)
    }

    /// Something of `topic` changed (called after the commit): this node's caches of it are stale.
    pub fn changed(&self, topic: Topic) {
        self.generations.counter(topic).fetch_add(1, Ordering::AcqRel);
        if topic == Topic::Content {
            *self.compare_cache.write().unwrap_or_else(|e| e.into_inner()) = None;
            *self.ruleset_cache.write().unwrap_or_else(|e| e.into_inner()) = None;
        }
    }

    /// A change made elsewhere (another node): as [`Store::changed`], and the catalogue snapshot
    /// (search) is reloaded now rather than at the next periodic refresh.
    pub async fn changed_elsewhere(&self, topic: Topic) {
        self.changed(topic);
        if topic == Topic::Content {
            if let Err(e) = self.refresh_catalogue().await {
                tracing::warn!(error = %e, "could not reload the catalogue after a change on another node");
            }
            // Once more after the reload: a page rendered while it ran (from the old snapshot)
            // was kept under the first new generation and must not be served as current.
            self.changed(topic);
        }
    }

    /// Listens for other nodes' changes until the process ends (PostgreSQL only; returns at once
    /// on SQLite). Reconnects by itself; after a lost connection every topic counts as changed.
    pub async fn listen_for_changes(&self, url: &str) {
        if self.backend() != crate::Backend::Postgres {
            return;
        }
        loop {
            let mut listener = match sqlx::postgres::PgListener::connect(url).await {
                Ok(l) => l,
                Err(e) => {
                    tracing::warn!(error = %e, "change listener: cannot connect; retrying");
                    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                    continue;
                }
            };
            if let Err(e) = listener.listen(CHANNEL).await {
                tracing::warn!(error = %e, "change listener: cannot listen; retrying");
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                continue;
            }
            // Whatever happened before we listened (start-up, or while disconnected) is unknown.
            for topic in Topic::ALL {
                self.changed_elsewhere(topic).await;
            }
            loop {
                match listener.try_recv().await {
                    Ok(Some(n)) => match n.payload().split_once(':') {
                        // One person's users, grants or mandates row.
                        Some(("identity", id)) => match id.parse::<i64>() {
                            Ok(id) => self.identity_changed(Some(stadsporten_domain::ids::UserId::new(id))),
                            Err(_) => self.changed_elsewhere(Topic::Identity).await,
                        },
                        _ => {
                            if let Some(topic) = Topic::parse(n.payload()) {
                                self.changed_elsewhere(topic).await;
                            }
                        }
                    },
                    // The connection was lost; `try_recv` reconnects on its next call.
                    Ok(None) => {
                        tracing::warn!("change listener: connection lost; reconnecting");
                        for topic in Topic::ALL {
                            self.changed_elsewhere(topic).await;
                        }
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "change listener failed; starting again");
                        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                        break;
                    }
                }
            }
        }
    }
}

/// A small cache of values read from the database, each kept with the generation of `topic` it
/// was read in and used only while that generation lasts. Bounded: when full, it starts over.
pub(crate) struct Memo<K, V> {
    topic: Topic,
    capacity: usize,
    map: std::sync::RwLock<std::collections::HashMap<K, (u64, V)>>,
}

impl<K: std::hash::Hash + Eq, V: Clone> Memo<K, V> {
    pub(crate) fn new(topic: Topic, capacity: usize) -> Memo<K, V> {
        Memo { topic, capacity, map: Default::default() }
    }

    /// The kept value, or the one `load` reads (kept when it is `Some`).
    pub(crate) async fn get_or_load<F, Fut>(&self, store: &Store, key: K, load: F) -> crate::Result<Option<V>>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = crate::Result<Option<V>>>,
    {
        let generation = store.generation(self.topic);
        if let Some((g, v)) = self.map.read().unwrap_or_else(|p| p.into_inner()).get(&key) {
            if *g == generation {
                return Ok(Some(v.clone()));
            }
        }
        let loaded = load().await?;
        if let Some(v) = &loaded {
            let mut map = self.map.write().unwrap_or_else(|p| p.into_inner());
            if map.len() >= self.capacity {
                map.clear();
            }
            map.insert(key, (generation, v.clone()));
        }
        Ok(loaded)
    }
}
