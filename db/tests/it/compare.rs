//! Comparing providers: the seed, filters and sorting, side by side, the provider portal's edits
//! with history and revert, import all-or-nothing, export round trip and the scale fixture —
//! each story on SQLite and on PostgreSQL.

use stadsporten_db::on_both_backends;
use stadsporten_db::testing::fresh_database_url;
use stadsporten_db::{Backend, ChangedBy, FactsSaved, Reverted, Store};
use stadsporten_domain::compare::export::{units_csv, values_csv};
use stadsporten_domain::compare::import::{parse_file, ImportKind};
use stadsporten_domain::compare::{
    CompareQuery, District, GeoPoint, OpeningHours, OperatorType, ProviderUnitId, SortKey, SpokenLanguage, UnitKind,
};
use stadsporten_domain::organisation::OrganisationNumber;

const NOW: i64 = 1_795_000_000;

async fn seeded(backend: Backend) -> Store {
    let store = Store::connect(&fresh_database_url(backend).await, 8).await.expect("connect");
    store.seed_demo_content(NOW).await.expect("catalogue");
    store.seed_personas("https://eid.test", "https://staff.test", NOW).await.expect("personas");
    assert!(store.seed_compare(NOW).await.expect("compare seed") >= 150);
    store
}

fn query(raw: &str) -> CompareQuery {
    let q = CompareQuery::from_query_string(raw);
    assert!(q.notices.is_empty(), "{:?}", q.notices);
    q
}

async fn list(store: &Store, raw: &str, origin: Option<GeoPoint>) -> stadsporten_db::ListPage {
    let q = query(raw);
    let defs = store.indicators().await.unwrap();
    let sort = match &q.sort {
        SortKey::Indicator(k) => defs.iter().find(|d| d.key == *k),
        _ => None,
    };
    let kind = q.kind.unwrap_or(UnitKind::Preschool);
    let shown: Vec<_> = defs.iter().filter(|d| d.applies_to(kind)).map(|d| d.key.clone()).collect();
    store.compare_units(&q, kind, origin, sort, &shown).await.unwrap()
}

async fn seed_lists_filters_and_sorts(backend: Backend) {
    let store = seeded(backend).await;
    assert_eq!(store.seed_compare(NOW).await.unwrap(), 0, "seeding again adds nothing");
    let counts = store.unit_counts().await.unwrap();
    assert!(counts.iter().all(|(_, n)| *n > 0), "{counts:?}");

    let bromma = list(&store, "kind=preschool&district=bromma", None).await;
    assert_eq!(bromma.total, 6);
    assert!(bromma.units.iter().all(|u| u.unit.record.district == District::Bromma));
    let names: Vec<&str> = bromma.units.iter().map(|u| u.unit.record.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| stadsporten_domain::search::fold(n));
    assert_eq!(names, sorted, "by name by default");

    let private = list(&store, "kind=preschool&district=bromma&operator=private", None).await;
    assert_eq!(private.total, 2);
    assert!(private.units.iter().all(|u| u.unit.record.operator.kind == OperatorType::Private));

    // Best first by the indicator's latest value.
    let by_satisfaction = list(&store, "kind=preschool&sort=parent-satisfaction", None).await;
    assert_eq!(by_satisfaction.units.len(), 20, "a page");
    let values: Vec<f64> = by_satisfaction
        .units
        .iter()
        .map(|u| u.latest.iter().find(|(k, _)| k.as_str() == "parent-satisfaction").unwrap().1.value)
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
    assert!(by_satisfaction.units.iter().all(|u| u.latest.iter().all(|(_, o)| o.period == 2025)));
    // Lower is better for children per member of staff.
    let by_ratio = list(&store, "kind=preschool&sort=children-per-staff", None).await;
    let values: Vec<f64> = by_ratio
        .units
        .iter()
        .map(|u| u.latest.iter().find(|(k, _)| k.as_str() == "children-per-staff").unwrap().1.value)
        .collect();
    assert!(values.windows(2).all(|w| w[0] <= w[1]), "{values:?}");

    // Nearest first from a street on Södermalm.
    let (point, _) = stadsporten_domain::compare::district::locate("Götgatan 14").unwrap();
    let near = list(&store, "kind=preschool&from=G%C3%B6tgatan&sort=distance", Some(point)).await;
    let d: Vec<f64> = near.units.iter().map(|u| u.distance_m.unwrap()).collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(near.units[0].unit.record.district, District::Sodermalm);

    // Languages (all of them), opening hours, places, name.
    let arabic = list(&store, "kind=preschool&language=ar", None).await;
    assert!(arabic.total > 0);
    assert!(arabic.units.iter().all(|u| u.unit.record.facts.languages.iter().any(|l| l.slug() == "ar")));
    // Every language asked for: counted against the units themselves, page by page.
    let mut preschools = Vec::new();
    for page in 1.. {
        let p = list(&store, &format!("kind=preschool&page={page}"), None).await;
        if p.units.is_empty() {
            break;
        }
        preschools.extend(p.units.into_iter().map(|u| u.unit.record));
    }
    let speaking = |langs: &[&str]| {
        preschools.iter().filter(|u| langs.iter().all(|l| u.facts.languages.iter().any(|s| s.slug() == *l))).count()
    };
    assert_eq!(arabic.total as usize, speaking(&["ar"]));
    let pair = ["sv", "en"];
    let both = list(&store, "kind=preschool&language=sv&language=en", None).await;
    assert!(both.total > 0 && (both.total as usize) < preschools.len());
    assert_eq!(both.total as usize, speaking(&pair));
    let outdoor = list(&store, "kind=preschool&profile=outdoor", None).await;
    assert!(outdoor.total > 0);
    assert!(outdoor.units.iter().all(|u| u.unit.record.facts.profiles.iter().any(|p| p.slug() == "outdoor")));
    let early = list(&store, "kind=preschool&open_from=06:00&open_until=18:00", None).await;
    assert!(early.total > 0);
    assert!(early
        .units
        .iter()
        .all(|u| u.unit.record.facts.hours.opens <= 360 && u.unit.record.facts.hours.closes >= 1080));
    let places = list(&store, "kind=home-care&places=1", None).await;
    assert!(places.units.iter().all(|u| u.unit.record.facts.has_places));
    let named = list(&store, "kind=preschool&q=solrosen", None).await;
    assert!(named.total >= 1 && named.units.iter().all(|u| u.unit.record.name.contains("Solrosen")));
    let none = list(&store, "kind=preschool&q=100%25_", None).await;
    assert_eq!(none.total, 0, "like wildcards are literal");

    // Page 2 continues where page 1 ended.
    let page1 = list(&store, "kind=preschool", None).await;
    let page2 = list(&store, "kind=preschool&page=2", None).await;
    assert_eq!(page1.total, page2.total);
    assert_ne!(page1.units[0].unit.record.id, page2.units[0].unit.record.id);
    let past = list(&store, "kind=preschool&page=999", None).await;
    assert!(past.units.is_empty());
    assert_eq!(past.total, page1.total, "a page past the end still knows how many there are");
}

async fn side_by_side_keeps_order_and_leaves_out_unknown_units(backend: Backend) {
    let store = seeded(backend).await;
    let page = list(&store, "kind=preschool&district=norrmalm", None).await;
    let a = page.units[2].unit.record.id.clone();
    let b = page.units[0].unit.record.id.clone();
    let ghost = ProviderUnitId::parse("no-such-unit").unwrap();
    let details = store.provider_units(&[a.clone(), ghost, b.clone()]).await.unwrap();
    assert_eq!(details.iter().map(|d| d.unit.record.id.clone()).collect::<Vec<_>>(), vec![a, b]);
    let periods: Vec<u16> =
        details[0].values.iter().filter(|(k, _)| k.as_str() == "parent-satisfaction").map(|(_, o)| o.period).collect();
    assert_eq!(periods, vec![2025, 2024], "every year, newest first");
    let choices = store.unit_choices(Some(UnitKind::Preschool)).await.unwrap();
    assert_eq!(choices.len(), 78);
}

async fn provider_edits_are_recorded_and_the_city_can_revert(backend: Backend) {
    let store = seeded(backend).await;
    let maja = store.user_by_persona("maja").await.unwrap().unwrap().id;
    let admin = store.user_by_persona("admin").await.unwrap().unwrap().id;
    let org = OrganisationNumber::parse("559234-5671").unwrap();
    let units = store.units_of_organisation(&org).await.unwrap();
    assert!(units.len() >= 5);
    let unit = &units[0].record;
    let before = unit.facts.clone();

    let mut facts = before.clone();
    facts.hours = OpeningHours::parse("06:00-18:30", false).unwrap();
    let saved = store.save_unit_facts(&unit.id, &facts, maja, ChangedBy::Provider, NOW + 10).await.unwrap();
    let FactsSaved::Saved(revision) = saved else { panic!("{saved:?}") };
    assert_eq!(
        store.save_unit_facts(&unit.id, &facts, maja, ChangedBy::Provider, NOW + 20).await.unwrap(),
        FactsSaved::Unchanged
    );
    let ghost = ProviderUnitId::parse("ghost-unit").unwrap();
    assert_eq!(
        store.save_unit_facts(&ghost, &facts, maja, ChangedBy::Provider, NOW).await.unwrap(),
        FactsSaved::UnknownUnit
    );
    let stored = store.provider_unit(&unit.id).await.unwrap().unwrap().unit;
    assert_eq!(stored.record.facts.hours.opens, 360);
    assert_eq!((stored.updated_by, stored.updated_at), (ChangedBy::Provider, NOW + 10));

    let history = store.unit_revisions(Some(&unit.id), 10).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].changed, vec!["hours"]);
    assert_eq!(history[0].by_name.as_deref(), Some("Maja Ek"));
    assert_eq!(history[0].before, before);

    // A second change; the first can no longer be reverted on its own.
    let mut more = facts.clone();
    more.has_places = !more.has_places;
    // A language the unit did not offer: the list's language filter (a bit mask kept beside the
    // text column) must find it after the change and lose it again after the revert.
    let new_language = SpokenLanguage::ALL.iter().copied().find(|l| !more.languages.contains(l)).unwrap();
    more.languages.push(new_language);
    let named = |lang: SpokenLanguage| {
        let q: String = unit.name.bytes().map(|b| format!("%{b:02X}")).collect();
        // Names repeat across districts, so the district too.
        format!("kind={}&district={}&language={}&q={q}", unit.kind.slug(), unit.district.slug(), lang.slug())
    };
    // Sorted by an indicator, the list reads its own copy of the filter columns
    // (`compare_sort`): it must follow the change and the revert too.
    let defs = store.indicators().await.unwrap();
    let sort_key = defs.iter().find(|d| d.applies_to(unit.kind)).unwrap().key.as_str().to_owned();
    let sorted = |lang: SpokenLanguage| format!("{}&sort={sort_key}", named(lang));
    assert_eq!(list(&store, &named(new_language), None).await.total, 0);
    assert!(list(&store, &sorted(new_language), None).await.units.is_empty());
    let FactsSaved::Saved(second) =
        store.save_unit_facts(&unit.id, &more, maja, ChangedBy::Provider, NOW + 30).await.unwrap()
    else {
        panic!()
    };
    let found = list(&store, &named(new_language), None).await;
    assert_eq!(found.units.iter().map(|u| &u.unit.record.id).collect::<Vec<_>>(), [&unit.id]);
    let found = list(&store, &sorted(new_language), None).await;
    assert_eq!(found.units.iter().map(|u| &u.unit.record.id).collect::<Vec<_>>(), [&unit.id]);
    assert_eq!(store.revert_revision(revision, admin, NOW + 40).await.unwrap(), Reverted::NotLatest);
    let Reverted::Reverted(undo) = store.revert_revision(second, admin, NOW + 40).await.unwrap() else { panic!() };
    assert_eq!(store.revert_revision(second, admin, NOW + 50).await.unwrap(), Reverted::AlreadyReverted);
    assert_eq!(store.revert_revision(999_999, admin, NOW).await.unwrap(), Reverted::UnknownRevision);
    let stored = store.provider_unit(&unit.id).await.unwrap().unwrap().unit;
    assert_eq!(stored.record.facts, facts);
    assert_eq!(stored.updated_by, ChangedBy::City);
    assert_eq!(list(&store, &named(new_language), None).await.total, 0);
    assert!(list(&store, &sorted(new_language), None).await.units.is_empty());
    let all = store.unit_revisions(None, 10).await.unwrap();
    assert_eq!(all[0].id, undo);
    assert_eq!(all[0].by_kind, ChangedBy::City);
    assert_eq!(all[1].reverted_by, Some(undo));
    // Now the first change is the latest that is not undone … but the undo itself is newest.
    assert_eq!(store.revert_revision(revision, admin, NOW + 60).await.unwrap(), Reverted::NotLatest);
}

async fn import_is_all_or_nothing_and_export_round_trips(backend: Backend) {
    let store = seeded(backend).await;
    let admin = store.user_by_persona("admin").await.unwrap().unwrap().id;
    let header = "id,kind,name,operator_type,organisation_number,operator_name,district,street,postcode,lat,lon,hours,weekends,languages,profiles,size,phone,email,website,has_places,description_sv,description_en,description_fi,description_ar";
    let good = "fs-ny,preschool,Förskolan Nyponet,private,559234-5671,Solrosens Förskolor AB,bromma,Brommaplan 9,168 71,59.339,17.94,07:00-17:30,no,sv;fi,finnish,40,,,,yes,Ny förskola.,New preschool.,,";
    let bad = "fs-fel,preschool,Fel,city,,X,atlantis,Gatan 1,,59.3,18.0,07:00-17:00,no,sv,,,,,,no,Text,,,";
    let file = format!("{header}\n{good}\n{bad}\n");
    let parsed = parse_file("units.csv", file.as_bytes()).unwrap();
    let report = store.import_providers(&parsed, "units.csv", false, Some(admin), NOW).await.unwrap();
    assert!(!report.stored);
    assert_eq!(report.problems.len(), 1);
    assert_eq!((report.problems[0].row, report.problems[0].field.as_str()), (3, "district"));
    let ny = ProviderUnitId::parse("fs-ny").unwrap();
    assert!(store.provider_unit(&ny).await.unwrap().is_none(), "nothing stored");

    // A dry run of a good file reports and stores nothing.
    let file = format!("{header}\n{good}\n");
    let parsed = parse_file("units.csv", file.as_bytes()).unwrap();
    let dry = store.import_providers(&parsed, "units.csv", true, Some(admin), NOW).await.unwrap();
    assert_eq!((dry.stored, dry.added, dry.changed), (false, 1, 0));
    assert!(store.provider_unit(&ny).await.unwrap().is_none());
    let real = store.import_providers(&parsed, "units.csv", false, Some(admin), NOW).await.unwrap();
    assert_eq!((real.stored, real.added), (true, 1));
    assert_eq!(store.provider_unit(&ny).await.unwrap().unwrap().unit.updated_by, ChangedBy::Import);
    // No value yet: sorted by an indicator, it is listed, and last.
    let sorted = list(&store, "kind=preschool&district=bromma&sort=parent-satisfaction", None).await;
    assert_eq!(sorted.total, 7);
    assert_eq!(sorted.units.last().map(|u| &u.unit.record.id), Some(&ny));

    // Values: one bad row (an indicator for another kind) keeps the good one out too.
    let values = "kpi,unit,period,value,n,response_rate\nparent-satisfaction,fs-ny,2025,91,12,70\nstaff-continuity,fs-ny,2025,9,30,\n";
    let parsed = parse_file("values.csv", values.as_bytes()).unwrap();
    let report = store.import_providers(&parsed, "values.csv", false, Some(admin), NOW).await.unwrap();
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].code, "compare-import-kpi-not-for-kind");
    assert!(store.provider_unit(&ny).await.unwrap().unwrap().values.is_empty());
    let values = "kpi,unit,period,value,n,response_rate\nparent-satisfaction,fs-ny,2025,91,12,70\nparent-satisfaction,fs-ny,2024,80,10,60\n";
    let parsed = parse_file("values.csv", values.as_bytes()).unwrap();
    let report = store.import_providers(&parsed, "values.csv", false, Some(admin), NOW).await.unwrap();
    assert!(report.stored, "{:?}", report.problems);
    assert_eq!(report.kind, ImportKind::Values);
    let sorted = list(&store, "kind=preschool&district=bromma&sort=parent-satisfaction", None).await;
    let ny_listed = sorted.units.iter().find(|u| u.unit.record.id == ny).unwrap();
    assert_eq!(ny_listed.latest[0].1.period, 2025, "the newest year is the one compared");
    // Its value (91) now ranks it among the others, best first.
    let values: Vec<f64> = sorted
        .units
        .iter()
        .map(|u| u.latest.iter().find(|(k, _)| k.as_str() == "parent-satisfaction").unwrap().1.value)
        .collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");

    // Export everything, import it into an empty database: the same units and values.
    let units: Vec<_> = store.all_provider_units().await.unwrap().into_iter().map(|u| u.record).collect();
    let values = store.all_indicator_values().await.unwrap();
    let other = Store::connect(&fresh_database_url(backend).await, 4).await.unwrap();
    other.add_indicators(&stadsporten_db::seed_indicators().unwrap()).await.unwrap();
    for (name, text) in [("providers.csv", units_csv(&units)), ("provider-indicators.csv", values_csv(&values))] {
        let parsed = parse_file(name, text.as_bytes()).unwrap();
        assert!(parsed.problems.is_empty(), "{name}: {:?}", &parsed.problems[..parsed.problems.len().min(3)]);
        let report = other.import_providers(&parsed, name, false, None, NOW).await.unwrap();
        assert!(report.stored, "{name}: {:?}", report.problems);
    }
    let again: Vec<_> = other.all_provider_units().await.unwrap().into_iter().map(|u| u.record).collect();
    assert_eq!(again, units);
    assert_eq!(other.all_indicator_values().await.unwrap(), values);
    assert!(other.compare_data_changed_at().await.unwrap().is_some());
}

async fn the_scale_fixture_has_twenty_indicators_per_unit(backend: Backend) {
    let store = seeded(backend).await;
    store.seed_compare_fixture(120, 20, NOW).await.unwrap();
    store.seed_compare_fixture(120, 20, NOW).await.unwrap();
    let n = store.fetch_i64_for_test("select count(*) from provider_units where id like 'bench-%'").await.unwrap();
    assert_eq!(n, vec![120], "replaced, not added twice");
    let per_unit = store
        .fetch_i64_for_test(
            "select count(*) from indicator_values where unit_id like 'bench-%' group by unit_id order by 1",
        )
        .await
        .unwrap();
    assert!(per_unit.iter().all(|n| *n == 20), "{per_unit:?}");
}

on_both_backends!(
    seed_lists_filters_and_sorts,
    side_by_side_keeps_order_and_leaves_out_unknown_units,
    provider_edits_are_recorded_and_the_city_can_revert,
    import_is_all_or_nothing_and_export_round_trips,
    the_scale_fixture_has_twenty_indicators_per_unit,
);
