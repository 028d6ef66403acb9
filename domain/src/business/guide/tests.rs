use super::*;

const SEED: &str = include_str!("../../../../db/seed/business/rules.toml");

fn seed() -> Ruleset {
    Ruleset::from_toml(SEED).unwrap_or_else(|e| panic!("the seeded rules load: {e:#?}"))
}

fn answers(rules: &Ruleset, pairs: &[(&str, &str)]) -> GuideAnswers {
    let (a, dropped) = rules.parse_answers(pairs.iter().copied());
    assert!(dropped.is_empty(), "{dropped:?}");
    a
}

fn permit_keys(outcome: &GuideOutcome<'_>) -> Vec<String> {
    match outcome {
        GuideOutcome::Permits { permits, .. } => permits.iter().map(|p| p.permit.key.clone()).collect(),
        other => panic!("expected permits, got {other:?}"),
    }
}

fn asked(outcome: &GuideOutcome<'_>) -> Vec<String> {
    match outcome {
        GuideOutcome::Ask(qs) => qs.iter().map(|q| q.id.clone()).collect(),
        other => panic!("expected questions, got {other:?}"),
    }
}

const RESTAURANT: &[(&str, &str)] = &[
    ("activity", "restaurant"),
    ("district", "sodermalm"),
    ("address", "Götgatan 12"),
    ("food", "yes"),
    ("alcohol", "yes"),
    ("alcohol_until", "0100"),
    ("outdoor_seating", "yes"),
    ("sign", "yes"),
    ("flammable", "no"),
    ("music", "background"),
    ("tobacco", "no"),
];

#[test]
fn the_seeded_rules_know_at_least_eight_permits_each_reachable() {
    let rules = seed();
    assert!(rules.permits.len() >= 8);
    for key in [
        "food-registration",
        "alcohol-licence",
        "outdoor-seating",
        "police-public-place",
        "sign-permit",
        "flammable-goods",
        "music-notification",
        "event-public-land",
        "tobacco-sales",
    ] {
        assert!(rules.permit(key).is_some(), "{key}");
    }
    assert_eq!(rules.permit("alcohol-licence").unwrap().depends_on, ["food-registration"]);
    assert_eq!(rules.permit("police-public-place").unwrap().responsible, Responsible::Authority("polisen".into()));
}

#[test]
fn a_restaurant_with_alcohol_outdoor_seating_and_a_sign_needs_five_permits_in_order() {
    let rules = seed();
    let outcome = rules.outcome(&answers(&rules, RESTAURANT));
    assert_eq!(
        permit_keys(&outcome),
        ["food-registration", "alcohol-licence", "outdoor-seating", "police-public-place", "sign-permit"]
    );
    let GuideOutcome::Permits { permits, notes } = outcome else { unreachable!() };
    assert_eq!(permits[1].waits_for.iter().map(|p| p.key.as_str()).collect::<Vec<_>>(), ["food-registration"]);
    assert!(permits[0].waits_for.is_empty());
    assert!(notes.is_empty(), "serving until 01.00 needs no special note");
}

#[test]
fn each_follow_up_answer_adds_its_permit() {
    let rules = seed();
    let mut pairs = RESTAURANT.to_vec();
    for (q, v) in [("flammable", "yes"), ("music", "loud"), ("tobacco", "yes"), ("alcohol_until", "0300")] {
        pairs.retain(|(k, _)| *k != q);
        pairs.push((q, v));
    }
    let outcome = rules.outcome(&answers(&rules, &pairs));
    let keys = permit_keys(&outcome);
    for key in ["flammable-goods", "music-notification", "tobacco-sales"] {
        assert!(keys.contains(&key.to_owned()), "{key} in {keys:?}");
    }
    let GuideOutcome::Permits { notes, .. } = outcome else { unreachable!() };
    assert_eq!(notes.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(), ["late-serving"]);
}

#[test]
fn questions_come_page_by_page_and_follow_ups_only_when_they_apply() {
    let rules = seed();
    assert_eq!(asked(&rules.outcome(&GuideAnswers::default())), ["activity"]);
    let page2 = asked(&rules.outcome(&answers(&rules, &[("activity", "restaurant")])));
    assert_eq!(
        page2,
        ["district", "address", "food", "alcohol", "outdoor_seating", "sign", "flammable", "music", "tobacco"],
        "the serving hours wait for the answer about alcohol; the event question is not for restaurants"
    );
    let mut pairs: Vec<(&str, &str)> = RESTAURANT.iter().copied().filter(|(k, _)| *k != "alcohol_until").collect();
    assert_eq!(asked(&rules.outcome(&answers(&rules, &pairs))), ["alcohol_until"]);
    pairs.retain(|(k, _)| *k != "alcohol");
    pairs.push(("alcohol", "no"));
    assert!(
        matches!(rules.outcome(&answers(&rules, &pairs)), GuideOutcome::Permits { .. }),
        "no hours without alcohol"
    );
    // A salon is asked about a sign but not about alcohol or outdoor seating.
    let salon = asked(&rules.outcome(&answers(&rules, &[("activity", "salon")])));
    assert!(salon.contains(&"sign".to_owned()) && !salon.contains(&"alcohol".to_owned()));
    assert!(!salon.contains(&"outdoor_seating".to_owned()));
}

#[test]
fn an_empty_optional_address_is_an_answer() {
    let rules = seed();
    let mut pairs: Vec<(&str, &str)> = RESTAURANT.iter().copied().filter(|(k, _)| *k != "address").collect();
    assert_eq!(asked(&rules.outcome(&answers(&rules, &pairs))), ["address"]);
    pairs.push(("address", "  "));
    assert!(matches!(rules.outcome(&answers(&rules, &pairs)), GuideOutcome::Permits { .. }));
}

#[test]
fn an_activity_the_rules_do_not_know_goes_to_the_business_guide_team() {
    let rules = seed();
    assert_eq!(rules.outcome(&answers(&rules, &[("activity", "other")])), GuideOutcome::CatchAll);
}

#[test]
fn contradictory_answers_are_explained_not_guessed_past() {
    let rules = seed();
    let shop = answers(
        &rules,
        &[
            ("activity", "shop"),
            ("district", "farsta"),
            ("address", ""),
            ("food", "yes"),
            ("alcohol", "yes"),
            ("sign", "no"),
            ("flammable", "no"),
            ("tobacco", "no"),
        ],
    );
    // The serving hours are asked first (alcohol = yes), then the clash is explained.
    assert_eq!(asked(&rules.outcome(&shop)), ["alcohol_until"]);
    let mut shop = shop;
    shop.0.insert("alcohol_until".into(), "2300".into());
    let GuideOutcome::Contradictions(clashes) = rules.outcome(&shop) else { panic!("a contradiction") };
    assert_eq!(clashes.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["shop-serving-alcohol"]);
    assert_eq!(clashes[0].questions(), ["activity", "alcohol"]);
    assert!(clashes[0].explanation.get(Lang::Ar).contains("Systembolaget"));

    let mut pairs = RESTAURANT.to_vec();
    pairs.retain(|(k, _)| *k != "food");
    pairs.push(("food", "no"));
    let GuideOutcome::Contradictions(clashes) = rules.outcome(&answers(&rules, &pairs)) else { panic!() };
    assert_eq!(
        clashes.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["restaurant-without-food", "alcohol-without-food"]
    );
}

#[test]
fn answers_to_questions_no_longer_asked_are_dropped() {
    let rules = seed();
    let mut a = answers(&rules, RESTAURANT);
    a.0.insert("activity".into(), "salon".into());
    let kept = rules.relevant(&a);
    assert_eq!(kept.get("alcohol"), None, "a salon is not asked about alcohol");
    assert_eq!(kept.get("alcohol_until"), None, "nor, then, about its hours");
    assert_eq!(kept.get("sign"), Some("yes"));
    assert_eq!(permit_keys(&rules.outcome(&a)), ["food-registration", "sign-permit"]);
}

#[test]
fn a_food_truck_needs_the_police_and_a_food_registration_with_advice() {
    let rules = seed();
    let a = answers(
        &rules,
        &[
            ("activity", "food-truck"),
            ("district", "kungsholmen"),
            ("address", ""),
            ("food", "yes"),
            ("flammable", "yes"),
        ],
    );
    assert_eq!(permit_keys(&rules.outcome(&a)), ["food-registration", "police-public-place", "flammable-goods"]);
}

#[test]
fn links_are_read_leniently() {
    let rules = seed();
    let (a, dropped) = rules.parse_answers([
        ("activity", "restaurant"),
        ("alcohol", "maybe"),
        ("colour", "blue"),
        ("address", &"x".repeat(500)),
    ]);
    assert_eq!(dropped, ["alcohol", "colour"]);
    assert_eq!(a.get("activity"), Some("restaurant"));
    assert_eq!(a.get("address").map(|s| s.chars().count()), Some(200));
    assert_eq!(a.to_pairs(&rules)[0], ("activity".to_owned(), "restaurant".to_owned()));
}

#[test]
fn broken_rulesets_are_refused_with_every_problem_named() {
    let mut broken = SEED
        .replace("depends_on = [\"food-registration\"]", "depends_on = [\"food-registration\", \"no-such-permit\"]");
    broken = broken.replacen("permit = \"sign-permit\"", "permit = \"sign-permits\"", 1);
    broken = broken.replacen(
        "when = [{ question = \"alcohol\", equals = \"yes\" }]\n\n[[question]]",
        "when = [{ question = \"music\", equals = \"loud\" }]\n\n[[question]]",
        1,
    );
    broken = broken.replacen(", ar = \"صالون حلاقة أو تجميل\"", "", 1);
    let errors = Ruleset::from_toml(&broken).expect_err("refused");
    let codes: Vec<(&str, &str)> = errors.iter().map(|e| (e.code.as_str(), e.detail.as_str())).collect();
    assert!(codes.contains(&("rules-error-permit", "no-such-permit")), "{codes:?}");
    assert!(codes.contains(&("rules-error-permit", "sign-permits")), "{codes:?}");
    assert!(codes.contains(&("rules-error-never-derived", "sign-permit")), "{codes:?}");
    assert!(codes.contains(&("rules-error-question", "music")), "a condition may only look back: {codes:?}");
    assert!(codes.contains(&("rules-error-text-missing", "ar")), "{codes:?}");

    let cyclic = SEED.replacen(
        "key = \"food-registration\"\n",
        "key = \"food-registration\"\ndepends_on = [\"alcohol-licence\"]\n",
        1,
    );
    let errors = Ruleset::from_toml(&cyclic).expect_err("a cycle");
    assert!(errors.iter().any(|e| e.code == "rules-error-cycle"));

    let syntax = Ruleset::from_toml("version = \"one\"").expect_err("syntax");
    assert_eq!(syntax[0].code, "rules-error-syntax");
}

/// The permit e-services drafted for bundles (loaded with issue 6's bundle application).
const PERMIT_ESERVICES: &[(&str, &str)] = &[
    ("anmalan-hog-musik", include_str!("../../../../db/seed/business/eservices/anmalan-hog-musik.toml")),
    ("brandfarlig-vara", include_str!("../../../../db/seed/business/eservices/brandfarlig-vara.toml")),
    (
        "evenemang-offentlig-plats",
        include_str!("../../../../db/seed/business/eservices/evenemang-offentlig-plats.toml"),
    ),
    ("foretagslots", include_str!("../../../../db/seed/business/eservices/foretagslots.toml")),
    (
        "polistillstand-offentlig-plats",
        include_str!("../../../../db/seed/business/eservices/polistillstand-offentlig-plats.toml"),
    ),
    (
        "registrering-livsmedelsanlaggning",
        include_str!("../../../../db/seed/business/eservices/registrering-livsmedelsanlaggning.toml"),
    ),
    ("serveringstillstand", include_str!("../../../../db/seed/business/eservices/serveringstillstand.toml")),
    ("skyltlov", include_str!("../../../../db/seed/business/eservices/skyltlov.toml")),
    ("tobaksforsaljning", include_str!("../../../../db/seed/business/eservices/tobaksforsaljning.toml")),
    ("uteservering", include_str!("../../../../db/seed/business/eservices/uteservering.toml")),
];

/// Every permit's e-service exists and is valid; each document a permit needs is a file field of
/// that e-service marked with the document's key (so one upload in a bundle satisfies it), and
/// every marked document is one the rules know.
#[test]
fn each_permit_has_a_valid_eservice_with_its_documents_marked() {
    use crate::eservice::{FieldKind, ServiceDefinition};
    let rules = seed();
    let defs: std::collections::HashMap<&str, ServiceDefinition> = PERMIT_ESERVICES
        .iter()
        .map(|(slug, source)| {
            let def = ServiceDefinition::from_toml(source).unwrap_or_else(|e| panic!("{slug}: {e:#?}"));
            assert_eq!(def.slug, *slug);
            (*slug, def)
        })
        .collect();
    for permit in &rules.permits {
        let def = defs.get(permit.eservice.as_str()).unwrap_or_else(|| panic!("{}: no e-service", permit.key));
        for doc in &permit.documents {
            assert!(
                def.fields().any(|f| f.kind == FieldKind::File && f.document.as_deref() == Some(doc.as_str())),
                "{}: no file field for {doc} in {}",
                permit.key,
                def.slug
            );
        }
    }
    for def in defs.values() {
        for doc in def.fields().filter_map(|f| f.document.as_deref()) {
            assert!(rules.document(doc).is_some(), "{}: unknown document {doc}", def.slug);
        }
        // Organisation e-services ask the shared facts once per bundle.
        if def.slug != "foretagslots" {
            assert!(def.fields().any(|f| f.shared.is_some()), "{} shares no fact", def.slug);
        }
    }
}

/// A bundle asks each permit only its own questions: the section drops exactly the fields the
/// bundle fills in, and the steps left empty.
#[test]
fn a_permits_bundle_section_leaves_out_shared_facts_and_documents() {
    use crate::eservice::ServiceDefinition;
    for (slug, source) in PERMIT_ESERVICES {
        let def = ServiceDefinition::from_toml(source).unwrap();
        let own = def.bundle_section();
        assert!(own.fields().all(|f| !f.filled_by_bundle()), "{slug}");
        assert!(own.steps.iter().all(|s| !s.fields.is_empty()), "{slug}");
        let kept = def.fields().filter(|f| !f.filled_by_bundle()).count();
        assert_eq!(own.fields().count(), kept, "{slug}");
    }
    let licence = ServiceDefinition::from_toml(PERMIT_ESERVICES[6].1).unwrap();
    assert_eq!(licence.slug, "serveringstillstand");
    // "The business" holds only shared facts: it is not asked again.
    assert!(licence.bundle_section().step("business").is_none());
    let serving = licence.bundle_section();
    let ids: Vec<&str> = serving.step("serving").unwrap().fields.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, ["serving_hours", "guests", "responsible_person"]);
}
