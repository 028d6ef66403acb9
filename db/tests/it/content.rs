//! Content the editors keep: a service page's versions (save, publish, schedule, unpublish,
//! revert) seen by search at once; operating messages with their targets and window; seeding
//! that adds what is missing without overwriting an editor's page — each on SQLite and
//! PostgreSQL.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{AuditFilter, Backend, DbError, Store};
use stadsporten_domain::audit::{AuditAction, AuditEntry, Outcome};
use stadsporten_domain::content::{MessageContent, ServiceContent, ShortcomingContent};
use stadsporten_domain::{CatalogueQuery, Lang, ServiceSlug, Severity, UserId};

const NOW: i64 = 1_795_000_000;

async fn seeded(backend: Backend) -> (Store, UserId) {
    let store = Store::connect(&fresh_database_url(backend).await, 8).await.expect("connect");
    assert!(store.seed_demo_content(NOW).await.expect("catalogue") >= 50);
    store.seed_personas("https://eid.test", "https://staff.test", NOW).await.expect("personas");
    // The e-services too: a page that starts one is published only while it is live.
    store.seed_compare(NOW).await.expect("comparison units");
    store.seed_eservices(NOW).await.expect("e-services");
    let vera = store.user_by_persona("vera").await.unwrap().expect("the content editor is seeded").id;
    (store, vera)
}

fn search(store: &Store, q: &str, lang: Lang) -> Vec<String> {
    let query = CatalogueQuery { q: Some(q.into()), page: 1, ..Default::default() };
    store.search_services(&query, lang).hits.into_iter().map(|h| h.slug.to_string()).collect()
}

fn system(action: AuditAction) -> AuditEntry {
    AuditEntry {
        at: NOW,
        actor_id: None,
        acting_for: None,
        role: Some("system".into()),
        action,
        object_type: "service-page".into(),
        object_id: None,
        outcome: Outcome::Success,
        reason: None,
        request_id: None,
        client_addr: None,
    }
}

async fn a_page_is_versioned_published_scheduled_and_reverted(backend: Backend) {
    let (store, vera) = seeded(backend).await;
    let id = store.service_id_by_slug("bygglov").await.unwrap().expect("seeded");
    let edit = store.service_edit(id).await.unwrap().unwrap();
    assert!(edit.versions.is_empty(), "a seeded page has no versions until it is edited");
    assert_eq!(edit.latest.languages().len(), 4, "every language is seeded");

    // A draft: residents and search see nothing of it.
    let mut changed = edit.latest.clone();
    changed.texts.get_mut("sv").unwrap().keywords.push_str(" zqxvordtest");
    changed.handling_days = Some(56);
    let n = store.save_service_version(id, &changed, (vera, "Vera Lind"), NOW).await.unwrap();
    assert_eq!(n, 2, "the page as it was is kept as version 1");
    assert!(search(&store, "zqxvordtest", Lang::Sv).is_empty());

    // Published: search finds it at once, the page shows it.
    store.publish_service_version(id, n, None, NOW + 10).await.unwrap();
    assert_eq!(search(&store, "zqxvordtest", Lang::Sv), ["bygglov"]);
    let slug = ServiceSlug::parse("bygglov").unwrap();
    assert_eq!(store.service_details(&slug, Lang::Sv).await.unwrap().unwrap().summary.handling_days, Some(56));
    let v = store.service_edit(id).await.unwrap().unwrap();
    assert_eq!(v.latest.diff(&v.live), vec![], "what is published is the newest version");
    let diff = store
        .service_version(id, 2)
        .await
        .unwrap()
        .unwrap()
        .diff(&store.service_version(id, 1).await.unwrap().unwrap());
    assert_eq!(diff.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(), ["handling_days", "keywords"]);

    // Scheduled: not before its time, then by the publisher, with its audit entry.
    let mut later = changed.clone();
    later.texts.get_mut("en").unwrap().title = "Apply for planning permission".into();
    let m = store.save_service_version(id, &later, (vera, "Vera Lind"), NOW + 20).await.unwrap();
    store.publish_service_version(id, m, Some(NOW + 3600), NOW + 30).await.unwrap();
    assert_eq!(store.publish_due_versions(&system(AuditAction::Publish), NOW + 60).await.unwrap(), 0);
    assert_eq!(store.next_scheduled_publication().await.unwrap(), Some(NOW + 3600));
    assert_eq!(store.publish_due_versions(&system(AuditAction::Publish), NOW + 3600).await.unwrap(), 1);
    assert_eq!(store.service_title(&slug, Lang::En).as_deref(), Some("Apply for planning permission"));
    assert_eq!(store.publish_due_versions(&system(AuditAction::Publish), NOW + 3700).await.unwrap(), 0, "once");
    let filter = AuditFilter { action: Some(AuditAction::Publish), ..Default::default() };
    let trail = store.audit_entries(&filter, 100, 0).await.unwrap();
    assert!(
        trail.iter().any(|r| r.chained.entry.reason.as_deref() == Some("scheduled version 3")
            && r.chained.entry.object_id.as_deref() == Some(id.to_string().as_str())),
        "the scheduled publication is audited"
    );

    // Revert: version 1 published again as version 4.
    assert_eq!(store.revert_service(id, 1, (vera, "Vera Lind"), NOW + 4000).await.unwrap(), 4);
    assert!(search(&store, "zqxvordtest", Lang::Sv).is_empty());
    assert_eq!(store.service_details(&slug, Lang::Sv).await.unwrap().unwrap().summary.handling_days, Some(70));

    // Only a draft newer than what is live goes live directly; an older version goes back
    // through a revert (a new version), and a draft is never "reverted to".
    assert!(matches!(store.publish_service_version(id, 2, None, NOW + 4100).await, Err(DbError::Conflict)));
    let draft = store.save_service_version(id, &later, (vera, "Vera Lind"), NOW + 4200).await.unwrap();
    assert!(matches!(store.revert_service(id, draft, (vera, "Vera Lind"), NOW + 4300).await, Err(DbError::Conflict)));
    // Scheduled, then unpublished: the schedule goes with it.
    store.publish_service_version(id, draft, Some(NOW + 9000), NOW + 4400).await.unwrap();
    // Unpublished: gone from search and the page; the editor still has it.
    store.unpublish_service(id).await.unwrap();
    assert!(store.service_details(&slug, Lang::Sv).await.unwrap().is_none());
    assert!(!search(&store, "bygglov", Lang::Sv).contains(&"bygglov".to_owned()));
    assert!(!store.service_edit(id).await.unwrap().unwrap().published);
    assert_eq!(store.publish_due_versions(&system(AuditAction::Publish), NOW + 9000).await.unwrap(), 0);
    assert!(!store.service_edit(id).await.unwrap().unwrap().published, "no schedule brings it back");

    // A slug another page has is refused, on save and on create.
    let mut clash = changed.clone();
    clash.slug = "rivningslov".into();
    assert!(matches!(store.save_service_version(id, &clash, (vera, "Vera Lind"), NOW).await, Err(DbError::Conflict)));
    assert!(matches!(
        store.create_service(&clash, (vera, "Vera Lind"), "2026-12-07", NOW).await,
        Err(DbError::Conflict)
    ));

    // Seeding again leaves the edited page alone, renamed or not.
    store.seed_demo_content(NOW + 5000).await.unwrap();
    assert!(!store.service_edit(id).await.unwrap().unwrap().published, "the editor's unpublishing stands");
    let rivning = store.service_id_by_slug("rivningslov").await.unwrap().unwrap();
    let mut renamed = store.service_edit(rivning).await.unwrap().unwrap().latest;
    renamed.slug = "rivningslov-ansok".into();
    let n = store.save_service_version(rivning, &renamed, (vera, "Vera Lind"), NOW + 5100).await.unwrap();
    store.publish_service_version(rivning, n, None, NOW + 5100).await.unwrap();
    assert_eq!(store.seed_demo_content(NOW + 5200).await.unwrap(), 0, "no page added back under the old slug");
    assert!(store.service_id_by_slug("rivningslov").await.unwrap().is_none());
}

fn new_page() -> ServiceContent {
    let pairs: Vec<(String, String)> = [
        ("slug", "ny-tjanst-for-test"),
        ("situation", "kultur-och-fritid"),
        ("audiences", "privatperson"),
        ("provider_kind", "city"),
        ("provider_name", "Kulturförvaltningen"),
        ("channels", "webb"),
        ("start", "none"),
        ("title_sv", "Prova på kulturlabbet"),
        ("summary_sv", "Kostnadsfria kvällar för unga."),
        ("body_sv", "Kom som du är.\n\n- Måndagar\n- Torsdagar"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    ServiceContent::from_form(&pairs).expect("valid")
}

async fn a_new_page_is_unseen_until_published(backend: Backend) {
    let (store, vera) = seeded(backend).await;
    let id = store.create_service(&new_page(), (vera, "Vera Lind"), "2026-12-07", NOW).await.unwrap();
    assert!(search(&store, "kulturlabbet", Lang::Sv).is_empty());
    let slug = ServiceSlug::parse("ny-tjanst-for-test").unwrap();
    assert!(store.service_details(&slug, Lang::Sv).await.unwrap().is_none());
    store.publish_service_version(id, 1, None, NOW).await.unwrap();
    assert_eq!(search(&store, "kulturlabbet", Lang::Sv), ["ny-tjanst-for-test"]);
    // In English the Swedish text is shown, saying so.
    let en = store.service_details(&slug, Lang::En).await.unwrap().unwrap();
    assert_eq!((en.summary.title.as_str(), en.summary.content_lang), ("Prova på kulturlabbet", Lang::Sv));
}

async fn messages_concern_services_and_districts_while_valid(backend: Backend) {
    let (store, _) = seeded(backend).await;
    let seeded_now = store.current_operating_messages(Lang::Fi, NOW).await.unwrap();
    assert!(seeded_now.iter().all(|m| m.content_lang == Lang::Fi), "seeded messages are in Finnish too");
    let mut texts = std::collections::BTreeMap::new();
    texts.insert("sv".to_owned(), ("Störning i bygglovstjänsten".to_owned(), "Vi felsöker.".to_owned()));
    texts.insert("ar".to_owned(), ("عطل في خدمة رخص البناء".to_owned(), "نعمل على إصلاحه.".to_owned()));
    let m = MessageContent {
        severity: Severity::Disruption,
        valid_from: NOW + 3600,
        valid_until: NOW + 7200,
        services: vec!["bygglov".into()],
        districts: vec!["SDFA".into()],
        texts,
    };
    let id = store.save_message(None, &m, "Vera Lind", NOW).await.unwrap();
    let titles = |ms: Vec<stadsporten_domain::OperatingMessage>| ms.into_iter().map(|m| m.title).collect::<Vec<_>>();
    assert!(!titles(store.current_operating_messages(Lang::Sv, NOW).await.unwrap()).contains(&m.texts["sv"].0));
    let during = store.current_operating_messages(Lang::Ar, NOW + 3600).await.unwrap();
    let ours = during.iter().find(|x| x.title == m.texts["ar"].0).expect("shown while valid, in Arabic");
    assert_eq!(ours.services, vec![ServiceSlug::parse("bygglov").unwrap()]);
    assert_eq!(ours.districts, vec!["SDFA".to_owned()]);
    let during_fi = store.current_operating_messages(Lang::Fi, NOW + 3600).await.unwrap();
    assert!(during_fi.iter().any(|x| x.title == m.texts["sv"].0 && x.content_lang == Lang::Sv), "Swedish fallback");
    assert!(!titles(store.current_operating_messages(Lang::Sv, NOW + 7200).await.unwrap()).contains(&m.texts["sv"].0));
    // Edited and read back whole; ended now.
    let row = store.content_message(id).await.unwrap().unwrap();
    assert_eq!(row.content, m);
    store.end_message(id, "Vera Lind", NOW + 3700).await.unwrap();
    assert!(store
        .current_operating_messages(Lang::Sv, NOW + 3701)
        .await
        .unwrap()
        .iter()
        .all(|x| x.title != m.texts["sv"].0));
}

async fn shortcomings_are_kept_for_the_statement(backend: Backend) {
    let (store, _) = seeded(backend).await;
    let seeded = store.accessibility_shortcomings(Lang::Ar).await.unwrap();
    assert!(!seeded.is_empty() && seeded.iter().all(|s| s.content_lang == Lang::Ar), "seeded in every language");
    let mut texts = std::collections::BTreeMap::new();
    texts.insert(
        "sv".to_owned(),
        ("Kartan går inte att använda med tangentbord".to_owned(), "Vi bygger om den.".to_owned()),
    );
    let s = ShortcomingContent { fix_by: Some("2027-06-30".into()), resolved: false, texts };
    let id = store.save_shortcoming(None, &s, "Vera Lind", NOW).await.unwrap();
    let en = store.accessibility_shortcomings(Lang::En).await.unwrap();
    assert!(en.iter().any(|x| x.title.starts_with("Kartan") && x.content_lang == Lang::Sv));
    store.save_shortcoming(Some(id), &ShortcomingContent { resolved: true, ..s }, "Vera Lind", NOW).await.unwrap();
    assert!(store.accessibility_shortcomings(Lang::Sv).await.unwrap().iter().all(|x| !x.title.starts_with("Kartan")));
}

on_both_backends!(
    a_page_is_versioned_published_scheduled_and_reverted,
    a_new_page_is_unseen_until_published,
    messages_concern_services_and_districts_while_valid,
    shortcomings_are_kept_for_the_statement
);
