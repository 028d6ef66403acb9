//! Storage stories, each run on SQLite and on PostgreSQL against a fresh database.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{Backend, Store};
use stadsporten_domain::{Audience, CatalogueQuery, Lang, LifeSituation, ServiceSlug};
use tower_sessions::session::{Id, Record};
use tower_sessions::SessionStore;

const NOW: i64 = 1_795_000_000;

async fn seeded(backend: Backend) -> Store {
    let store = Store::connect(&fresh_database_url(backend).await, 4).await.expect("connect");
    assert!(store.seed_demo_content(NOW).await.expect("seed") >= 40);
    store
}

on_both_backends!(
    seeding_is_idempotent_and_survives_a_reconnect,
    search_finds_preschool_services_however_it_is_spelt,
    filters_and_pagination_narrow_the_catalogue,
    a_service_page_falls_back_to_swedish_with_a_marker,
    only_currently_valid_operating_messages_are_shown,
    sessions_round_trip_and_expire,
);

async fn seeding_is_idempotent_and_survives_a_reconnect(backend: Backend) {
    let url = fresh_database_url(backend).await;
    let store = Store::connect(&url, 2).await.unwrap();
    let n = store.seed_demo_content(NOW).await.unwrap();
    assert!(n >= 40);
    store.close().await;
    let again = Store::connect(&url, 2).await.unwrap();
    assert_eq!(again.seed_demo_content(NOW).await.unwrap(), 0, "a second seed inserts nothing");
    let all = again.search_services(&CatalogueQuery { page: 1, ..Default::default() }, Lang::Sv);
    assert_eq!(all.total as usize, n);
    if backend == Backend::Sqlite {
        assert_eq!(again.sqlite_pragma("journal_mode").await.unwrap().as_deref(), Some("wal"));
        assert_eq!(again.sqlite_pragma("synchronous").await.unwrap().as_deref(), Some("2"), "FULL");
        assert_eq!(again.sqlite_pragma("foreign_keys").await.unwrap().as_deref(), Some("1"));
    }
}

async fn search_finds_preschool_services_however_it_is_spelt(backend: Backend) {
    let store = seeded(backend).await;
    for q in ["förskola", "forskola", "förskoleplats", "Förskolor", "forsklola"] {
        let page =
            store.search_services(&CatalogueQuery { q: Some(q.into()), page: 1, ..Default::default() }, Lang::Sv);
        let top: Vec<&str> = page.hits.iter().take(3).map(|h| h.slug.as_str()).collect();
        assert!(top.contains(&"ansok-om-forskoleplats"), "query {q:?} gave {top:?}");
        assert!(
            page.hits.iter().take(3).all(|h| h.situation == LifeSituation::PreschoolAndSchool),
            "query {q:?}: the best hits are preschool and school services"
        );
    }
    let exact = store
        .search_services(&CatalogueQuery { q: Some("förskoleplats".into()), page: 1, ..Default::default() }, Lang::Sv);
    assert_eq!(exact.hits[0].slug.as_str(), "ansok-om-forskoleplats");
    let english =
        store.search_services(&CatalogueQuery { q: Some("preschool".into()), page: 1, ..Default::default() }, Lang::En);
    assert_eq!(english.hits[0].title, "Apply for a preschool place");
    let nothing = store.search_services(
        &CatalogueQuery { q: Some("\"' OR 1=1 -- *".into()), page: 1, ..Default::default() },
        Lang::Sv,
    );
    assert_eq!(nothing.total, 0);
}

async fn filters_and_pagination_narrow_the_catalogue(backend: Backend) {
    let store = seeded(backend).await;
    let business = store.search_services(
        &CatalogueQuery {
            situation: Some(LifeSituation::Business),
            audience: Some(Audience::Businesses),
            page: 1,
            ..Default::default()
        },
        Lang::Sv,
    );
    assert!(business.total >= 5);
    assert!(business
        .hits
        .iter()
        .all(|h| h.situation == LifeSituation::Business && h.audiences.contains(&Audience::Businesses)));
    let p1 = store.search_services(&CatalogueQuery { page: 1, ..Default::default() }, Lang::Sv);
    let p2 = store.search_services(&CatalogueQuery { page: 2, ..Default::default() }, Lang::Sv);
    assert_eq!(p1.hits.len(), 10);
    assert!(p1.pages >= 5);
    assert_ne!(p1.hits[0].slug, p2.hits[0].slug);
    let beyond = store.search_services(&CatalogueQuery { page: 999, ..Default::default() }, Lang::Sv);
    assert!(beyond.hits.is_empty());
    let counts = store.situation_counts();
    assert_eq!(counts.iter().map(|(_, n)| *n).sum::<u32>(), p1.total);
}

async fn a_service_page_falls_back_to_swedish_with_a_marker(backend: Backend) {
    let store = seeded(backend).await;
    let slug = ServiceSlug::parse("ansok-om-forskoleplats").unwrap();
    let ar = store.service_details(&slug, Lang::Ar).await.unwrap().unwrap();
    assert_eq!(ar.summary.content_lang, Lang::Ar);
    // Every seeded page has every language; one whose Finnish text is removed falls back.
    let rare = ServiceSlug::parse("skyltlov").unwrap();
    store
        .execute_raw_for_test(
            "delete from service_translations where lang = 'fi' \
             and service_id = (select id from services where slug = 'skyltlov')",
        )
        .await
        .unwrap();
    let fi = store.service_details(&rare, Lang::Fi).await.unwrap().unwrap();
    assert_eq!(fi.summary.content_lang, Lang::Sv, "no Finnish text: Swedish, marked as such");
    assert_eq!(fi.summary.title, "Ansök om skyltlov");
    let missing = ServiceSlug::parse("finns-inte").unwrap();
    assert!(store.service_details(&missing, Lang::Sv).await.unwrap().is_none());
}

async fn only_currently_valid_operating_messages_are_shown(backend: Backend) {
    let store = seeded(backend).await;
    let now = store.current_operating_messages(Lang::Fi, NOW).await.unwrap();
    assert_eq!(now.len(), 2, "the expired message is not shown");
    assert_eq!(now[0].severity, stadsporten_domain::Severity::Disruption, "disruptions first");
    assert_eq!(now[0].content_lang, Lang::Fi);
    assert_eq!(now[1].content_lang, Lang::Fi, "every seeded message is in Finnish too");
    let later = store.current_operating_messages(Lang::Sv, NOW + 200 * 3600).await.unwrap();
    assert!(later.is_empty());
}

async fn sessions_round_trip_and_expire(backend: Backend) {
    let store = seeded(backend).await;
    let mut record = Record {
        id: Id::default(),
        data: [("lang".to_string(), serde_json::json!("ar"))].into_iter().collect(),
        expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    };
    store.create(&mut record).await.unwrap();
    let loaded = store.load(&record.id).await.unwrap().expect("loaded");
    assert_eq!(loaded.data, record.data);
    record.data.insert("n".into(), serde_json::json!(2));
    store.save(&record).await.unwrap();
    assert_eq!(store.load(&record.id).await.unwrap().unwrap().data.len(), 2);
    // A refused form's flash: kept for the next page view on both backends; committed on
    // PostgreSQL (another node may serve that view), kept in memory only on SQLite.
    let stored = || async {
        let sql = format!("select length(data) from sessions where id = '{}'", record.id);
        store.fetch_i64_for_test(&sql).await.unwrap()[0]
    };
    let before = stored().await;
    record
        .data
        .insert(stadsporten_db::FLASH_KEY.into(), serde_json::json!({"form": "step", "values": [["x", "typed"]]}));
    store.save(&record).await.unwrap();
    let loaded = store.load(&record.id).await.unwrap().unwrap();
    assert_eq!(
        loaded.data.get(stadsporten_db::FLASH_KEY),
        record.data.get(stadsporten_db::FLASH_KEY),
        "the flash is there"
    );
    match backend {
        Backend::Sqlite => assert_eq!(stored().await, before, "a flash alone is not committed on SQLite"),
        Backend::Postgres => assert!(stored().await > before, "the flash is committed on PostgreSQL"),
    }
    record.data.remove(stadsporten_db::FLASH_KEY);
    store.save(&record).await.unwrap();
    assert!(!store.load(&record.id).await.unwrap().unwrap().data.contains_key(stadsporten_db::FLASH_KEY));
    assert_eq!(stored().await, before);
    // Anything else that changes with it is committed, the flash included.
    record.data.insert(stadsporten_db::FLASH_KEY.into(), serde_json::json!({"form": "step"}));
    record.data.insert("n".into(), serde_json::json!(3));
    store.save(&record).await.unwrap();
    assert!(stored().await > before, "a change beside the flash is committed");
    let mut expired = Record {
        id: Id::default(),
        data: Default::default(),
        expiry_date: time::OffsetDateTime::now_utc() - time::Duration::seconds(1),
    };
    store.create(&mut expired).await.unwrap();
    assert!(store.load(&expired.id).await.unwrap().is_none());
    assert_eq!(store.delete_expired_sessions().await.unwrap(), 1);
    store.delete(&record.id).await.unwrap();
    assert!(store.load(&record.id).await.unwrap().is_none());
}
