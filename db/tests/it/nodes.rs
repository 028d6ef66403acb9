//! Several nodes on one database: shared files, job leases, the start-up lock, the cached
//! signed-in person and change notices between nodes. Each on SQLite and on PostgreSQL, except
//! the notices between two nodes, which are PostgreSQL's (SQLite is one node).

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{Backend, NewGrant, Store, Topic};
use stadsporten_domain::access::{Permission, Role, Scope, Target};
use stadsporten_domain::organisation::UnitCode;
use std::time::{Duration, Instant};

const NOW: i64 = 1_795_000_000;
const DAY: i64 = 86_400;

fn unit(s: &str) -> UnitCode {
    UnitCode::parse(s).unwrap()
}

on_both_backends!(
    files_are_kept_whole_read_from_any_handle_and_removed,
    a_job_lease_is_held_by_one_node_until_it_runs_out,
    the_cached_signed_in_person_follows_grants_disabling_and_time,
    seeding_under_the_start_up_lock_from_two_nodes_at_once_seeds_once,
);

async fn two_nodes(backend: Backend) -> (Store, Store) {
    let url = fresh_database_url(backend).await;
    let a = Store::connect(&url, 4).await.expect("connect a");
    let b = Store::connect(&url, 4).await.expect("connect b");
    (a, b)
}

async fn files_are_kept_whole_read_from_any_handle_and_removed(backend: Backend) {
    let (a, b) = two_nodes(backend).await;
    let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    a.put_file("0123456789abcdef0123", &bytes, NOW).await.unwrap();
    // Storing under a used key keeps the first bytes (keys are never reused).
    a.put_file("0123456789abcdef0123", b"other", NOW).await.unwrap();
    assert_eq!(b.file("0123456789abcdef0123").await.unwrap().as_deref(), Some(&bytes[..]), "read on the other node");
    assert_eq!(b.file("ffffffffffffffff0000").await.unwrap(), None);
    b.delete_file("0123456789abcdef0123").await.unwrap();
    assert_eq!(a.file("0123456789abcdef0123").await.unwrap(), None);
    b.delete_file("0123456789abcdef0123").await.unwrap();
}

async fn a_job_lease_is_held_by_one_node_until_it_runs_out(backend: Backend) {
    let (a, b) = two_nodes(backend).await;
    assert!(a.take_job_lease("rescan", "node-a", NOW, 120).await.unwrap());
    assert!(!b.take_job_lease("rescan", "node-b", NOW + 60, 120).await.unwrap(), "held by a");
    assert!(a.take_job_lease("rescan", "node-a", NOW + 60, 120).await.unwrap(), "the holder renews");
    assert!(b.take_job_lease("other-job", "node-b", NOW, 120).await.unwrap(), "leases are per job");
    // a dies: its lease runs out and b takes the next round.
    assert!(b.take_job_lease("rescan", "node-b", NOW + 181, 120).await.unwrap());
    assert!(!a.take_job_lease("rescan", "node-a", NOW + 200, 120).await.unwrap());
    b.release_job_lease("rescan", "node-b").await.unwrap();
    assert!(a.take_job_lease("rescan", "node-a", NOW + 201, 120).await.unwrap(), "released");
}

async fn the_cached_signed_in_person_follows_grants_disabling_and_time(backend: Backend) {
    let (a, b) = two_nodes(backend).await;
    a.seed_personas("https://eid.test", "https://staff.test", NOW).await.unwrap();
    let sara = a.user_by_persona("sara").await.unwrap().unwrap();
    let till = unit("TILL");
    let can = |s: &stadsporten_db::SignedIn| s.principal(None).allows(Permission::ViewCases, &Target::Unit(&till));
    let first = a.signed_in(sara.id, NOW).await.unwrap().unwrap();
    assert!(!can(&first));
    let again = a.signed_in(sara.id, NOW + 1).await.unwrap().unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &again), "the second request is answered from the cache");
    // A grant made on this node counts at once; one that starts tomorrow counts from tomorrow.
    for (from, until) in [(NOW - DAY, NOW + 2 * DAY), (NOW + DAY, NOW + 10 * DAY)] {
        a.grant_access(&NewGrant {
            user_id: sara.id,
            role: Role::CaseOfficer,
            scope: &Scope::Unit(till.clone()),
            reason: "cover",
            granted_by: None,
            valid_from: from,
            valid_until: until,
        })
        .await
        .unwrap();
    }
    let now = a.signed_in(sara.id, NOW + 2).await.unwrap().unwrap();
    assert!(can(&now), "the new grant counts at once");
    let n_grants = now.grants.len();
    let tomorrow = a.signed_in(sara.id, NOW + DAY + 5).await.unwrap().unwrap();
    assert_eq!(tomorrow.grants.len(), n_grants + 1, "the grant that starts tomorrow is seen tomorrow, unannounced");
    let later = a.signed_in(sara.id, NOW + 3 * DAY).await.unwrap().unwrap();
    assert_eq!(later.grants.len(), n_grants, "the first grant ran out on time");
    // Disabled on this node: seen at once.
    assert!(a.set_user_disabled(sara.id, true, NOW + 3 * DAY).await.unwrap());
    let gone = a.signed_in(sara.id, NOW + 3 * DAY + 1).await.unwrap().unwrap();
    assert!(gone.user.disabled && gone.grants.is_empty());
    // The other node had its own cached answer; on PostgreSQL the change notice reaches it.
    if backend == Backend::Postgres {
        let _ = b.signed_in(sara.id, NOW + 3 * DAY).await.unwrap();
    }
}

async fn seeding_under_the_start_up_lock_from_two_nodes_at_once_seeds_once(backend: Backend) {
    let (a, b) = two_nodes(backend).await;
    let seed = |s: Store| async move { s.with_startup_lock(s.seed_demo_content(NOW)).await.unwrap() };
    let (x, y) = tokio::join!(seed(a.clone()), seed(b.clone()));
    assert!(x > 0 && y == 0 || y > 0 && x == 0, "one node seeded ({x}, {y})");
    a.with_startup_lock(async { Ok(()) }).await.unwrap();
}

/// Two nodes on PostgreSQL: a change committed on one moves the other's generation within a
/// second (the trigger's notice, the other's listener), and its cached signed-in answer with it.
#[tokio::test]
async fn a_change_on_one_node_reaches_the_others_caches_within_a_second() {
    let url = fresh_database_url(Backend::Postgres).await;
    let a = Store::connect(&url, 4).await.unwrap();
    let b = Store::connect(&url, 4).await.unwrap();
    a.seed_personas("https://eid.test", "https://staff.test", NOW).await.unwrap();
    {
        let (b, url) = (b.clone(), url.clone());
        tokio::spawn(async move { b.listen_for_changes(&url).await });
    }
    // The listener counts everything as changed when it starts: wait for that to settle.
    let started = Instant::now();
    while b.generation(Topic::Content) == 0 && started.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let sara = a.user_by_persona("sara").await.unwrap().unwrap();
    let cached = b.signed_in(sara.id, NOW).await.unwrap().unwrap();
    assert!(!cached.user.disabled);
    let erik = a.user_by_persona("erik").await.unwrap().unwrap();
    let erik_before = b.signed_in(erik.id, NOW).await.unwrap().unwrap();
    let (identity, content) = (b.generation(Topic::Identity), b.generation(Topic::Content));
    assert!(a.set_user_disabled(sara.id, true, NOW).await.unwrap());
    let changed = Instant::now();
    while !b.signed_in(sara.id, NOW).await.unwrap().unwrap().user.disabled {
        assert!(changed.elapsed() < Duration::from_secs(1), "the other node's cache followed within a second");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // Only Sara's answer was dropped there: Erik's is still the cached one.
    let erik_after = b.signed_in(erik.id, NOW).await.unwrap().unwrap();
    assert!(std::sync::Arc::ptr_eq(&erik_before, &erik_after), "one person's change leaves the others cached");
    assert_eq!(b.generation(Topic::Identity), identity, "no cache-wide flush for one person");
    assert_eq!(b.generation(Topic::Content), content, "a change of people is not a change of content");
    // Content: the catalogue filled on a.
    a.seed_demo_content(NOW).await.unwrap();
    let changed = Instant::now();
    while b.generation(Topic::Content) == content {
        assert!(changed.elapsed() < Duration::from_secs(1), "content change heard within a second");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}
