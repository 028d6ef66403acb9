//! Who a signed-in person is and may be, cached per node for every request they make.
//!
//! Resolving a session into a viewer took four queries per page view (the user, the mandates
//! twice, the grants). What they read changes rarely and on purpose, so the answer is kept per
//! user and used while:
//! - no change of the person's user, grants or mandates was seen since it was loaded (at once on
//!   this node, within milliseconds on the others: PostgreSQL's triggers name the person,
//!   `changes.rs`), nor a change that may concern anyone (the identity generation);
//! - the clock has not passed the next moment a grant or mandate starts or ends (so a grant
//!   that runs out stops working on time, without a change to announce it), and at most five
//!   minutes in any case.

use crate::changes::Topic;
use crate::identity::{Mandate, User, UserKind};
use crate::{DbError, Result, Store};
use sqlx::Row;
use stadsporten_domain::access::{Grant, Principal, Role, Scope};
use stadsporten_domain::ids::UserId;
use stadsporten_domain::organisation::OrganisationNumber;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// The longest an answer is kept without a change announcing itself.
const MAX_AGE_SECONDS: i64 = 300;
/// A bound on memory: when this many people are cached, the cache starts over.
const MAX_ENTRIES: usize = 4096;

pub(crate) type SignedInCache = Arc<RwLock<HashMap<UserId, Arc<SignedIn>>>>;

/// A user with the grants and mandates in force at the moment it was loaded.
#[derive(Debug)]
pub struct SignedIn {
    pub user: User,
    /// Every grant in force, as [`Store::principal`] gives them (acting for nobody).
    pub grants: Vec<Grant>,
    /// Mandates in force, by organisation name.
    pub mandates: Vec<Mandate>,
    generation: u64,
    loaded_at: i64,
    /// The first moment the answer may differ (a grant or mandate starts or ends).
    good_until: i64,
}

impl SignedIn {
    /// The principal acting for `org`, when the user holds a mandate for it (as
    /// [`Store::principal`] decides it).
    pub fn principal(&self, acting_for: Option<&OrganisationNumber>) -> Principal {
        let acting_for = crate::identity::acting_for_within(&self.grants, acting_for);
        Principal { user_id: self.user.id, grants: self.grants.clone(), acting_for }
    }
}

impl Store {
    /// Users, grants or mandates changed (after the commit): one person's (`Some`), or possibly
    /// anyone's. One person's change — a sign-in updates the name — must not empty everyone's
    /// cache, or the busiest hours (many sign-ins) would make it useless.
    pub fn identity_changed(&self, user: Option<UserId>) {
        match user {
            Some(id) => {
                let mut cache = self.signed_in_cache.write().unwrap_or_else(|p| p.into_inner());
                self.generations.person_changes.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
                cache.remove(&id);
            }
            None => self.changed(Topic::Identity),
        }
    }

    /// The user with the grants and mandates in force at `now`, from this node's cache when it is
    /// still true (see the module's policy). `None` when there is no such user.
    pub async fn signed_in(&self, user_id: UserId, now: i64) -> Result<Option<Arc<SignedIn>>> {
        let generation = self.generation(Topic::Identity);
        let person_changes = self.generations.person_changes.load(std::sync::atomic::Ordering::Acquire);
        if let Some(hit) = self.signed_in_cache.read().unwrap_or_else(|p| p.into_inner()).get(&user_id) {
            if hit.generation == generation && hit.loaded_at <= now && now < hit.good_until {
                return Ok(Some(hit.clone()));
            }
        }
        let Some(user) = self.user(user_id).await? else { return Ok(None) };
        let mut good_until = now + MAX_AGE_SECONDS;
        let mut grants = Vec::new();
        let mut mandates = Vec::new();
        if !user.disabled {
            if user.kind == UserKind::Person {
                grants.push(Grant { role: Role::Resident, scope: Scope::Own });
                let rows = sqlx::query(
                    "select organisation_number, organisation_name, valid_until from mandates \
                     where user_id = $1 and (valid_until is null or valid_until > $2) order by organisation_name",
                )
                .bind(user_id)
                .bind(now)
                .fetch_all(&self.pool)
                .await?;
                for r in &rows {
                    let n: String = r.try_get("organisation_number")?;
                    let organisation = OrganisationNumber::parse(&n)
                        .map_err(|_| DbError::CorruptRow("mandate organisation number".into()))?;
                    if let Some(until) = r.try_get::<Option<i64>, _>("valid_until")? {
                        good_until = good_until.min(until);
                    }
                    grants.push(Grant {
                        role: Role::BusinessRepresentative,
                        scope: Scope::Organisation(organisation.clone()),
                    });
                    mandates.push(Mandate { organisation, name: r.try_get("organisation_name")? });
                }
            }
            let rows = sqlx::query(
                "select role, scope, valid_from, valid_until from access_grants \
                 where user_id = $1 and revoked_at is null and valid_until > $2 order by id",
            )
            .bind(user_id)
            .bind(now)
            .fetch_all(&self.pool)
            .await?;
            for r in &rows {
                let (from, until): (i64, i64) = (r.try_get("valid_from")?, r.try_get("valid_until")?);
                if from > now {
                    // Starts later: the answer changes then.
                    good_until = good_until.min(from);
                    continue;
                }
                good_until = good_until.min(until);
                grants.push(crate::identity::grant_from_row(r)?);
            }
        }
        let fresh = Arc::new(SignedIn { user, grants, mandates, generation, loaded_at: now, good_until });
        let mut cache = self.signed_in_cache.write().unwrap_or_else(|p| p.into_inner());
        // Kept only when no one's answer was dropped while this one was read (it could be from
        // before that change); it is right for this request either way.
        if self.generations.person_changes.load(std::sync::atomic::Ordering::Acquire) == person_changes {
            if cache.len() >= MAX_ENTRIES {
                cache.clear();
            }
            cache.insert(user_id, fresh.clone());
        }
        Ok(Some(fresh))
    }
}
