//! The business guide's rulesets in storage: validated before stored, versions only grow, the
//! newest is what the guide reads, and older versions stay readable for the bundles made with
//! them — on SQLite and on PostgreSQL.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{Backend, RulesetPublished, Store, SEED_RULES};

const NOW: i64 = 1_795_000_000;

async fn rulesets_are_versioned_and_validated(backend: Backend) {
    let store = Store::connect(&fresh_database_url(backend).await, 4).await.expect("connect");
    assert!(store.current_ruleset().await.unwrap().is_none(), "no rules before the seed");
    assert!(store.seed_business_rules(NOW).await.unwrap());
    assert!(!store.seed_business_rules(NOW).await.unwrap(), "seeding again publishes nothing");
    let v1 = store.current_ruleset().await.unwrap().expect("seeded");
    assert_eq!(v1.version, 1);
    assert!(v1.permits.len() >= 8);

    // The same version again, or an older one, is refused; the stored one is untouched.
    assert_eq!(store.publish_ruleset(SEED_RULES, None, NOW).await.unwrap(), RulesetPublished::NotNewer { newest: 1 });

    // An invalid ruleset never reaches the table, whatever its version.
    let broken =
        SEED_RULES.replacen("version = 1", "version = 5", 1).replacen("depends_on = [", "depends_on = [\"nope\", ", 1);
    let RulesetPublished::Invalid(problems) = store.publish_ruleset(&broken, None, NOW).await.unwrap() else {
        panic!("a dependency on an unknown permit must be refused")
    };
    assert!(problems.iter().any(|p| p.code == "rules-error-permit"), "{problems:?}");
    assert_eq!(store.current_ruleset().await.unwrap().unwrap().version, 1);

    // A newer version becomes the guide's; the old one stays readable.
    let v2 = SEED_RULES.replacen("version = 1", "version = 2", 1);
    assert_eq!(store.publish_ruleset(&v2, None, NOW + 1).await.unwrap(), RulesetPublished::Published(2));
    assert_eq!(store.current_ruleset().await.unwrap().unwrap().version, 2);
    assert_eq!(store.ruleset(1).await.unwrap().unwrap().version, 1);
    assert!(store.ruleset(3).await.unwrap().is_none());
    // The seed (version 1) no longer publishes over a newer version.
    assert!(!store.seed_business_rules(NOW + 2).await.unwrap());
}

on_both_backends!(rulesets_are_versioned_and_validated);
