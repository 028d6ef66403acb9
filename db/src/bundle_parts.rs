//! A bundle's parts as seen from inside a case's transaction: the bundle a case belongs to, the
//! parts' states for the dependency rules, the bundle's timeline, and what follows when a part is
//! decided or withdrawn. Case transitions (`cases.rs`) and the bundle's own storage (`bundles.rs`)
//! both build on it, so neither needs the other back.

use crate::{DbError, Result};
use sqlx::Row;
use stadsporten_domain::business::bundle::PartState;
use stadsporten_domain::eservice::{CaseStatus, DecisionOutcome};
use stadsporten_domain::ids::{BundleId, CaseId, UserId};

pub(crate) fn split_keys(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_owned).collect()
}

use crate::tx::Tx;

/// One entry of a bundle's timeline.
pub(crate) struct Ev<'a> {
    pub actor: Option<UserId>,
    pub kind: &'a str,
    pub permit: Option<&'a str>,
    pub detail: Option<&'a str>,
    /// Shown to the entrepreneur (statement requests are the city's own).
    pub public: bool,
}

/// A bundle timeline entry, inside the caller's transaction.
pub(crate) async fn bundle_event(tx: &mut Tx<'_>, bundle_id: BundleId, at: i64, e: Ev<'_>) -> Result<()> {
    sqlx::query(
        "insert into bundle_events (bundle_id, at, actor_id, kind, permit_key, detail, public) \
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(bundle_id)
    .bind(at)
    .bind(e.actor)
    .bind(e.kind)
    .bind(e.permit)
    .bind(e.detail)
    .bind(i64::from(e.public))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The bundle a case belongs to, if any (inside the caller's transaction).
pub(crate) async fn bundle_of_case(tx: &mut Tx<'_>, case_id: CaseId) -> Result<Option<(BundleId, String)>> {
    let row = sqlx::query("select bundle_id, permit_key from bundle_parts where case_id = $1")
        .bind(case_id)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|r| Ok((r.try_get("bundle_id")?, r.try_get("permit_key")?))).transpose()
}

/// The parts' states of a bundle (inside the caller's transaction), for the dependency rules.
pub(crate) async fn part_states(tx: &mut Tx<'_>, bundle_id: BundleId) -> Result<Vec<PartState>> {
    let rows = sqlx::query(
        "select p.permit_key, p.depends_on, c.status, c.outcome from bundle_parts p join cases c on c.id = p.case_id \
         where p.bundle_id = $1 order by p.position",
    )
    .bind(bundle_id)
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|r| {
            let status: String = r.try_get("status")?;
            let outcome: Option<String> = r.try_get("outcome")?;
            Ok(PartState {
                permit_key: r.try_get("permit_key")?,
                depends_on: split_keys(&r.try_get::<String, _>("depends_on")?),
                status: CaseStatus::parse(&status).ok_or_else(|| DbError::CorruptRow(format!("status {status}")))?,
                outcome: outcome.as_deref().and_then(DecisionOutcome::parse),
            })
        })
        .collect()
}

/// After a part was decided (`outcome`) or withdrawn (`None`), inside that transaction: the
/// bundle's timeline records it, every part now on hold because of it says so, and the moment
/// every part is decided is recorded once.
pub(crate) async fn part_finished(
    tx: &mut Tx<'_>,
    bundle_id: BundleId,
    permit_key: &str,
    outcome: Option<DecisionOutcome>,
    actor: UserId,
    now: i64,
) -> Result<()> {
    use stadsporten_domain::business::bundle::{hold, Progress};
    let kind = if outcome.is_some() { "part-decided" } else { "part-withdrawn" };
    bundle_event(
        tx,
        bundle_id,
        now,
        Ev { actor: Some(actor), kind, permit: Some(permit_key), detail: outcome.map(|o| o.slug()), public: true },
    )
    .await?;
    let parts = part_states(tx, bundle_id).await?;
    for p in parts.iter().filter(|p| p.depends_on.iter().any(|d| d == permit_key)) {
        if hold(p, &parts).is_some_and(|h| h.on_hold()) {
            bundle_event(
                tx,
                bundle_id,
                now,
                Ev {
                    actor: None,
                    kind: "part-on-hold",
                    permit: Some(&p.permit_key),
                    detail: Some(permit_key),
                    public: true,
                },
            )
            .await?;
        }
    }
    if Progress::of(&parts).all_decided() {
        bundle_event(
            tx,
            bundle_id,
            now,
            Ev { actor: None, kind: "all-decided", permit: None, detail: None, public: true },
        )
        .await?;
    }
    Ok(())
}
