//! Seed data for comparing providers: the indicator definitions (`seed/compare/indicators.toml`)
//! and 182 fictional-but-realistic units across all 13 districts, city-run and private, with two
//! years of indicators. Deterministic (a fixed pseudo-random sequence), so tests and the demo can
//! name units. In every district the fourth preschool's parent survey has few respondents and a
//! low response rate, so the honesty rules always show.
//!
//! Also the scale fixture for the benchmark (`bench/compare.sh`): thousands of units with twenty
//! indicators each.

use crate::compare::{refresh_latest, upsert_unit, upsert_value, ChangedBy};
use crate::{DbError, Result, Store};
use serde::Deserialize;
use stadsporten_domain::compare::district::STREETS;
use stadsporten_domain::compare::unit::{Operator, UnitRecord};
use stadsporten_domain::compare::{
    District, GeoPoint, IndicatorDef, IndicatorKey, Measure, Observation, OpeningHours, OperatorType, Profile,
    ProviderUnitId, SpokenLanguage, UnitFacts, UnitKind,
};
use stadsporten_domain::organisation::OrganisationNumber;
use std::collections::BTreeMap;

const INDICATORS: &str = include_str!("../seed/compare/indicators.toml");

#[derive(Deserialize)]
struct IndicatorFile {
    indicator: Vec<SeedIndicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedIndicator {
    key: String,
    kinds: Vec<String>,
    measure: String,
    higher_is_better: bool,
    survey: bool,
    decimals: u8,
    source: String,
    name: BTreeMap<String, String>,
    definition: BTreeMap<String, String>,
}

/// The seeded indicator definitions.
pub fn seed_indicators() -> Result<Vec<IndicatorDef>> {
    let file: IndicatorFile = toml::from_str(INDICATORS).map_err(|e| DbError::Seed(format!("indicators: {e}")))?;
    file.indicator
        .into_iter()
        .map(|i| {
            let bad = |what: &str| DbError::Seed(format!("indicator {}: {what}", i.key));
            Ok(IndicatorDef {
                key: IndicatorKey::parse(&i.key).ok_or_else(|| bad("key"))?,
                kinds: i.kinds.iter().map(|k| UnitKind::parse(k).ok_or_else(|| bad("kind"))).collect::<Result<_>>()?,
                measure: Measure::parse(&i.measure).ok_or_else(|| bad("measure"))?,
                higher_is_better: i.higher_is_better,
                survey: i.survey,
                decimals: i.decimals,
                source: i.source.clone(),
                name: i.name.clone(),
                definition: i.definition.clone(),
            })
        })
        .collect()
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        lo + unit * (hi - lo)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// An organisation number with a valid check digit from nine digits.
fn org_number(nine: &str) -> OrganisationNumber {
    let digits: Vec<u32> = nine.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let x = if i % 2 == 0 { d * 2 } else { *d };
            if x > 9 {
                x - 9
            } else {
                x
            }
        })
        .sum();
    let check = (10 - sum % 10) % 10;
    OrganisationNumber::parse(&format!("{nine}{check}")).expect("a valid organisation number")
}

struct Company {
    name: &'static str,
    nine: &'static str,
    kinds: &'static [UnitKind],
}

/// Fictional private operators. Solrosens Förskolor AB is the demo provider editor's company.
const COMPANIES: &[Company] = &[
    Company { name: "Solrosens Förskolor AB", nine: "559234567", kinds: &[UnitKind::Preschool] },
    Company { name: "Lärkträdets Förskolor AB", nine: "559301234", kinds: &[UnitKind::Preschool] },
    Company {
        name: "Kunskapsvägens Skolor AB",
        nine: "559412345",
        kinds: &[UnitKind::CompulsorySchool, UnitKind::UpperSecondary],
    },
    Company { name: "Nordstjärnans Friskolor AB", nine: "559523456", kinds: &[UnitKind::CompulsorySchool] },
    Company { name: "Omsorgshuset Stockholm AB", nine: "559634567", kinds: &[UnitKind::ElderlyHome] },
    Company { name: "Trygga Händer Hemtjänst AB", nine: "559745678", kinds: &[UnitKind::HomeCare] },
    Company { name: "Aurora Omsorg AB", nine: "559856789", kinds: &[UnitKind::HomeCare, UnitKind::ElderlyHome] },
];

const PRESCHOOL_NAMES: &[&str] = &[
    "Solrosen",
    "Ekorren",
    "Skogsgläntan",
    "Tussilago",
    "Lyckan",
    "Hamnen",
    "Blåbäret",
    "Myrstacken",
    "Regnbågen",
    "Kastanjen",
    "Lönnen",
    "Äppelgården",
    "Humlan",
    "Fjärilen",
    "Stjärnan",
    "Vitsippan",
    "Näckrosen",
    "Lärkan",
    "Tallbacken",
    "Ugglan",
    "Trollet",
    "Snickargården",
    "Sagogården",
    "Kotten",
    "Mullvaden",
    "Pärlan",
    "Sjöhästen",
    "Igelkotten",
    "Lingonet",
    "Viljan",
    "Bullerbyn",
    "Linden",
    "Rönnbäret",
    "Solstrålen",
    "Ängsbacken",
    "Smultronet",
    "Hasseln",
    "Ekbacken",
    "Björkhagen",
    "Vinden",
    "Havet",
    "Molnet",
];
const SCHOOL_NAMES: &[&str] = &[
    "Eken",
    "Björk",
    "Linné",
    "Vasa",
    "Norrsken",
    "Sjöstjärne",
    "Engelbrekts",
    "Fredhälls",
    "Tallkrogs",
    "Ängby",
    "Kvarnbacka",
    "Bagarmossens",
    "Hässelby",
    "Gubbängs",
    "Älvsjö",
    "Mälarhöjdens",
    "Hjulsta",
    "Sätra",
    "Rinkeby",
    "Gärdes",
    "Kista",
    "Klastorps",
    "Högalids",
    "Enskede",
    "Farsta",
    "Liljeholmens",
];
const HOME_NAMES: &[&str] = &[
    "Rosengården",
    "Ekhagen",
    "Solgården",
    "Lindgården",
    "Sjöglimten",
    "Höstsol",
    "Vintergatan",
    "Almgården",
    "Kastanjegården",
    "Tallgården",
    "Björkudden",
    "Lönngården",
    "Strandgården",
];

fn postcode_base(d: District) -> u32 {
    use District::*;
    match d {
        RinkebyKista => 164,
        SpangaTensta => 163,
        HasselbyVallingby => 162,
        Bromma => 168,
        Kungsholmen => 112,
        Norrmalm => 113,
        Ostermalm => 114,
        Sodermalm => 118,
        EnskedeArstaVantor => 122,
        Skarpnack => 128,
        Farsta => 123,
        HagerstenAlvsjo => 129,
        Skarholmen => 127,
    }
}

fn slug(s: &str) -> String {
    stadsporten_domain::search::fold(s)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// Descriptions in all four languages from the unit's kind, district and profile.
fn descriptions(kind: UnitKind, district: District, size: u32, profile: Option<Profile>) -> BTreeMap<String, String> {
    let d = district.name();
    let (sv, en, fi, ar) = match kind {
        UnitKind::Preschool => (
            format!("En förskola i {d} med {size} barn i åldrarna 1–5 år. Vi har egen gård och går till parken varje vecka."),
            format!("A preschool in {d} with {size} children aged 1–5. We have our own yard and visit the park every week."),
            format!("Esikoulu alueella {d}, jossa on {size} 1–5-vuotiasta lasta. Meillä on oma piha ja käymme puistossa joka viikko."),
            format!("روضة أطفال في {d} تضم {size} طفلاً بعمر 1–5 سنوات. لدينا ساحة خاصة ونزور الحديقة كل أسبوع."),
        ),
        UnitKind::CompulsorySchool => (
            format!("En grundskola i {d} för årskurs F–9 med {size} elever och fritidshem."),
            format!("A compulsory school in {d} for years F–9 with {size} pupils and after-school care."),
            format!("Peruskoulu alueella {d} luokille F–9, {size} oppilasta ja iltapäiväkerho."),
            format!("مدرسة أساسية في {d} للصفوف من التمهيدي حتى التاسع تضم {size} تلميذاً مع رعاية بعد المدرسة."),
        ),
        UnitKind::UpperSecondary => (
            format!("En gymnasieskola i {d} med {size} elever på högskoleförberedande och yrkesprogram."),
            format!("An upper-secondary school in {d} with {size} pupils on university-preparatory and vocational programmes."),
            format!("Lukio alueella {d}, {size} opiskelijaa korkeakouluun valmistavilla ja ammatillisilla ohjelmilla."),
            format!("مدرسة ثانوية في {d} تضم {size} تلميذاً في برامج تحضيرية للجامعة وبرامج مهنية."),
        ),
        UnitKind::ElderlyHome => (
            format!("Ett vård- och omsorgsboende i {d} med {size} lägenheter, egen restaurang och aktiviteter varje dag."),
            format!("A care home in {d} with {size} flats, its own restaurant and activities every day."),
            format!("Hoivakoti alueella {d}, {size} asuntoa, oma ravintola ja toimintaa joka päivä."),
            format!("دار رعاية في {d} تضم {size} شقة مع مطعم خاص وأنشطة يومية."),
        ),
        UnitKind::HomeCare => (
            format!("Hemtjänst i {d} för omkring {size} personer, dygnet runt med fasta team."),
            format!("Home care in {d} for about {size} people, around the clock with regular teams."),
            format!("Kotihoitoa alueella {d} noin {size} henkilölle ympäri vuorokauden vakituisin tiimein."),
            format!("رعاية منزلية في {d} لحوالي {size} شخص على مدار الساعة بفرق ثابتة."),
        ),
    };
    let extra = match profile {
        Some(Profile::Outdoor) => Some(("Vi är ute i alla väder (I Ur och Skur).", "We are outdoors in all weathers.")),
        Some(Profile::Montessori) => {
            Some(("Vi arbetar enligt Montessoripedagogiken.", "We follow the Montessori method."))
        }
        Some(Profile::ReggioEmilia) => {
            Some(("Vi är inspirerade av Reggio Emilia.", "We are inspired by Reggio Emilia."))
        }
        Some(Profile::Language) => Some((
            "Vi har språkprofil och arbetar med flera språk varje dag.",
            "We have a language profile and use several languages every day.",
        )),
        Some(Profile::FinnishLanguage) => Some((
            "Vi har sverigefinsk profil med finsktalande personal.",
            "We have a Sweden-Finnish profile with Finnish-speaking staff.",
        )),
        Some(Profile::Dementia) => Some((
            "Vi har särskilda avdelningar för personer med demenssjukdom.",
            "We have special units for people with dementia.",
        )),
        Some(Profile::Music) => {
            Some(("Musik och sång är en del av varje dag.", "Music and singing are part of every day."))
        }
        Some(Profile::Science) => Some(("Vi har naturvetenskaplig profil.", "We have a science profile.")),
        Some(Profile::Sports) => Some(("Vi har idrottsprofil.", "We have a sports profile.")),
        Some(Profile::Waldorf) => Some(("Vi arbetar enligt Waldorfpedagogiken.", "We follow Waldorf education.")),
        None => None,
    };
    let (sv, en) = match extra {
        Some((a, b)) => (format!("{sv} {a}"), format!("{en} {b}")),
        None => (sv, en),
    };
    [("sv", sv), ("en", en), ("fi", fi), ("ar", ar)].into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// How many units of each kind per district, and how many of those are private.
const PLAN: &[(UnitKind, usize, usize)] = &[
    (UnitKind::Preschool, 6, 2),
    (UnitKind::CompulsorySchool, 3, 1),
    (UnitKind::UpperSecondary, 1, 0),
    (UnitKind::ElderlyHome, 2, 1),
    (UnitKind::HomeCare, 2, 1),
];

/// A unit and its indicator values.
type Seeded = (UnitRecord, Vec<(&'static str, Observation)>);

fn generate_units() -> Vec<Seeded> {
    let mut rng = Rng(20_261_130);
    let mut out = Vec::new();
    let mut counters = [0usize; 5];
    for (di, district) in District::ALL.iter().copied().enumerate() {
        let streets: Vec<_> = STREETS.iter().filter(|s| s.district == district).collect();
        for (ki, (kind, count, private)) in PLAN.iter().copied().enumerate() {
            // Upper-secondary schools alternate city-run and private between districts.
            let private_from = if kind == UnitKind::UpperSecondary && di % 3 == 2 { 0 } else { count - private };
            for j in 0..count {
                let n = counters[ki];
                counters[ki] += 1;
                let is_private = j >= private_from;
                let company = is_private.then(|| {
                    let candidates: Vec<&Company> = COMPANIES.iter().filter(|c| c.kinds.contains(&kind)).collect();
                    // Solrosen runs the first private preschool of every other district.
                    candidates[(di + j) % candidates.len()]
                });
                let name = match kind {
                    UnitKind::Preschool => format!("Förskolan {}", PRESCHOOL_NAMES[n % PRESCHOOL_NAMES.len()]),
                    UnitKind::CompulsorySchool => format!("{}skolan", SCHOOL_NAMES[n % SCHOOL_NAMES.len()]),
                    UnitKind::UpperSecondary => {
                        format!("{} gymnasium", ["Kungsholmens", "Södra", "Norra Real", "Västra", "Östra"][n % 5])
                    }
                    UnitKind::ElderlyHome => format!("{} vård- och omsorgsboende", HOME_NAMES[n % HOME_NAMES.len()]),
                    UnitKind::HomeCare => match company {
                        Some(c) => format!("{} {}", c.name.trim_end_matches(" AB"), district.name()),
                        None => format!("Hemtjänsten {}", district.name()),
                    },
                };
                let id = format!("{}-{}", slug(&name), district.slug());
                let street = streets[(j + ki) % streets.len()];
                let size = match kind {
                    UnitKind::Preschool => 30 + rng.below(90) as u32,
                    UnitKind::CompulsorySchool => 200 + rng.below(500) as u32,
                    UnitKind::UpperSecondary => 300 + rng.below(900) as u32,
                    UnitKind::ElderlyHome => 30 + rng.below(60) as u32,
                    UnitKind::HomeCare => 50 + rng.below(250) as u32,
                };
                let few = kind == UnitKind::Preschool && j == 3;
                let size = if few { 18 } else { size };
                let hours = match kind {
                    UnitKind::Preschool => {
                        let opens = [360, 390, 420][rng.below(3) as usize];
                        let closes = [1020, 1050, 1080, 1110][rng.below(4) as usize];
                        OpeningHours { opens, closes, weekends: false }
                    }
                    UnitKind::CompulsorySchool => OpeningHours { opens: 420, closes: 1080, weekends: false },
                    UnitKind::UpperSecondary => OpeningHours { opens: 480, closes: 1020, weekends: false },
                    UnitKind::ElderlyHome => OpeningHours { opens: 0, closes: 1440, weekends: true },
                    UnitKind::HomeCare => OpeningHours { opens: 420, closes: 1320, weekends: true },
                };
                let suburbs = matches!(
                    district,
                    District::RinkebyKista | District::SpangaTensta | District::Skarholmen | District::Farsta
                );
                let extra: &[SpokenLanguage] = if suburbs {
                    &[SpokenLanguage::Arabic, SpokenLanguage::Somali, SpokenLanguage::Tigrinya, SpokenLanguage::Persian]
                } else {
                    &[SpokenLanguage::English, SpokenLanguage::Finnish, SpokenLanguage::Spanish, SpokenLanguage::German]
                };
                let mut languages = vec![SpokenLanguage::Swedish];
                for _ in 0..rng.below(3) {
                    let l = extra[rng.below(extra.len() as u64) as usize];
                    if !languages.contains(&l) {
                        languages.push(l);
                    }
                }
                let profile = match kind {
                    UnitKind::Preschool => [
                        Some(Profile::Outdoor),
                        None,
                        Some(Profile::ReggioEmilia),
                        None,
                        Some(Profile::Montessori),
                        Some(Profile::Language),
                        Some(Profile::Music),
                    ][rng.below(7) as usize],
                    UnitKind::CompulsorySchool | UnitKind::UpperSecondary => {
                        [None, Some(Profile::Science), Some(Profile::Sports), Some(Profile::Music)]
                            [rng.below(4) as usize]
                    }
                    UnitKind::ElderlyHome => [None, Some(Profile::Dementia)][rng.below(2) as usize],
                    UnitKind::HomeCare => None,
                };
                let profile = if languages.contains(&SpokenLanguage::Finnish) && kind != UnitKind::UpperSecondary {
                    Some(Profile::FinnishLanguage)
                } else {
                    profile
                };
                let operator = match company {
                    Some(c) => Operator {
                        kind: OperatorType::Private,
                        organisation: Some(org_number(c.nine)),
                        name: c.name.to_owned(),
                    },
                    None => Operator {
                        kind: OperatorType::City,
                        organisation: None,
                        name: match kind {
                            UnitKind::CompulsorySchool | UnitKind::UpperSecondary => "Utbildningsförvaltningen".into(),
                            _ => format!("Stadsdelsförvaltningen {}", district.name()),
                        },
                    },
                };
                let domain = slug(&operator.name).replace('-', "");
                let record = UnitRecord {
                    id: ProviderUnitId::parse(&id).expect("seeded ids are short slugs"),
                    kind,
                    name,
                    district,
                    street: format!("{} {}", street.name, 1 + rng.below(60)),
                    postcode: format!("{} {:02}", postcode_base(district), 10 + rng.below(80)),
                    point: GeoPoint {
                        lat: street.point.lat + rng.range(-0.002, 0.002),
                        lon: street.point.lon + rng.range(-0.003, 0.003),
                    },
                    size: Some(size),
                    facts: UnitFacts {
                        description: descriptions(kind, district, size, profile),
                        hours,
                        languages,
                        profiles: profile.into_iter().collect(),
                        phone: Some(format!(
                            "08-{:03} {:03} {:02}",
                            500 + rng.below(400),
                            rng.below(1000),
                            rng.below(100)
                        )),
                        email: Some(format!(
                            "{}@{}.example.se",
                            slug(&id).replace('-', ".").chars().take(30).collect::<String>(),
                            domain
                        )),
                        website: Some(format!("https://{domain}.example.se")),
                        has_places: rng.chance(45),
                    },
                    operator,
                };
                let values = indicator_values(&mut rng, kind, size, few);
                out.push((record, values));
            }
        }
    }
    out
}

fn round(v: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (v * f).round() / f
}

fn indicator_values(rng: &mut Rng, kind: UnitKind, size: u32, few: bool) -> Vec<(&'static str, Observation)> {
    let mut out = Vec::new();
    let base = rng.range(0.0, 1.0);
    for period in [2024u16, 2025] {
        let mut push = |key: &'static str, value: f64, n: Option<u32>, rate: Option<f64>| {
            out.push((key, Observation { period, value, n, response_rate: rate }))
        };
        let survey = |rng: &mut Rng, people: u32, lo: f64, hi: f64| -> (f64, Option<u32>, Option<f64>) {
            let rate = round(if few { rng.range(25.0, 40.0) } else { rng.range(45.0, 88.0) }, 0);
            let n = if few { 4 + rng.below(4) as u32 } else { ((f64::from(people) * rate / 100.0) as u32).max(10) };
            (round(lo + (hi - lo) * (0.6 * base + 0.4 * rng.range(0.0, 1.0)), 0), Some(n), Some(rate))
        };
        match kind {
            UnitKind::Preschool => {
                let (v, n, r) = survey(rng, size, 68.0, 98.0);
                push("parent-satisfaction", v, n, r);
                push("children-per-staff", round(rng.range(4.2, 6.4), 1), Some(size), None);
                // One preschool in eight has not reported its teacher share for the newest year.
                if period == 2024 || rng.below(8) != 0 {
                    push("preschool-teacher-share", round(rng.range(22.0, 72.0), 0), None, None);
                }
                push("group-size", round(rng.range(12.0, 19.0), 1), Some(size), None);
            }
            UnitKind::CompulsorySchool => {
                let (v, n, r) = survey(rng, size / 4, 62.0, 94.0);
                push("parent-satisfaction", v, n, r);
                let (v, n, r) = survey(rng, size / 9, 55.0, 90.0);
                push("pupil-satisfaction", v, n, r);
                push(
                    "merit-value",
                    round(200.0 + 95.0 * (0.7 * base + 0.3 * rng.range(0.0, 1.0)), 1),
                    Some(size / 9),
                    None,
                );
                push("certified-teachers", round(rng.range(64.0, 98.0), 0), None, None);
            }
            UnitKind::UpperSecondary => {
                let (v, n, r) = survey(rng, size / 3, 55.0, 90.0);
                push("pupil-satisfaction", v, n, r);
                push("certified-teachers", round(rng.range(70.0, 97.0), 0), None, None);
                push("graduation-rate", round(rng.range(58.0, 95.0), 0), Some(size / 3), None);
            }
            UnitKind::ElderlyHome => {
                let (v, n, r) = survey(rng, size, 68.0, 95.0);
                push("elderly-satisfaction", v, n, r);
                push("trained-care-staff", round(rng.range(50.0, 92.0), 0), Some(size / 2), None);
            }
            UnitKind::HomeCare => {
                let (v, n, r) = survey(rng, size, 70.0, 96.0);
                push("elderly-satisfaction", v, n, r);
                push("staff-continuity", round(rng.range(7.0, 18.0), 0), Some(size), None);
                push("trained-care-staff", round(rng.range(45.0, 88.0), 0), Some(size / 3), None);
            }
        }
    }
    out
}

impl Store {
    /// Adds the seeded indicators when missing and, when there are no units at all, the seeded
    /// units with their values. Returns how many units were added.
    pub async fn seed_compare(&self, now: i64) -> Result<usize> {
        self.add_indicators(&seed_indicators()?).await?;
        let mut tx = self.begin_write().await?;
        let count: i64 = sqlx::query_scalar("select count(*) from provider_units").fetch_one(&mut *tx).await?;
        if count > 0 {
            tx.rollback().await?;
            return Ok(0);
        }
        let units = generate_units();
        for (u, values) in &units {
            upsert_unit(&mut tx, u, false, ChangedBy::Seed, now).await?;
            for (key, o) in values {
                upsert_value(&mut tx, u.id.as_str(), key, o).await?;
            }
        }
        refresh_latest(&mut tx).await?;
        tx.commit().await?;
        self.refresh_compare_statistics().await?;
        Ok(units.len())
    }

    /// The benchmark's scale fixture: `units` extra units (ids `bench-00001`…) spread over kinds
    /// and districts, each with a value for `indicators` benchmark indicators plus the seeded
    /// ones of its kind. Replaces an earlier fixture.
    pub async fn seed_compare_fixture(&self, units: usize, indicators: usize, now: i64) -> Result<()> {
        let mut defs = seed_indicators()?;
        for i in 0..indicators {
            defs.push(IndicatorDef {
                key: IndicatorKey::parse(&format!("bench-{i:02}")).ok_or_else(|| DbError::Seed("bench key".into()))?,
                kinds: UnitKind::ALL.to_vec(),
                measure: Measure::Percent,
                higher_is_better: i % 2 == 0,
                survey: i % 3 == 0,
                decimals: 0,
                source: "Benchmark".into(),
                name: [("sv".to_owned(), format!("Mått {i}")), ("en".to_owned(), format!("Measure {i}"))].into(),
                definition: BTreeMap::new(),
            });
        }
        self.add_indicators(&defs).await?;
        let mut tx = self.begin_write().await?;
        sqlx::query("delete from provider_units where id like 'bench-%'").execute(&mut *tx).await?;
        let templates = generate_units();
        let mut rng = Rng(5000);
        for i in 0..units {
            let (template, _) = &templates[i % templates.len()];
            let mut u = template.clone();
            u.id = ProviderUnitId::parse(&format!("bench-{i:05}")).ok_or_else(|| DbError::Seed("bench id".into()))?;
            u.name = format!("{} {}", template.name, i);
            upsert_unit(&mut tx, &u, false, ChangedBy::Seed, now).await?;
            // Twenty values: the kind's own indicators, then benchmark indicators up to twenty.
            for d in defs.iter().filter(|d| d.applies_to(u.kind)).take(indicators) {
                let o = Observation {
                    period: 2025,
                    value: round(rng.range(0.0, 100.0), 0),
                    n: Some(5 + rng.below(200) as u32),
                    response_rate: d.survey.then(|| round(rng.range(20.0, 90.0), 0)),
                };
                let o = if d.measure == Measure::Points { Observation { value: 150.0 + o.value, ..o } } else { o };
                upsert_value(&mut tx, u.id.as_str(), d.key.as_str(), &o).await?;
            }
        }
        refresh_latest(&mut tx).await?;
        tx.commit().await?;
        self.refresh_compare_statistics().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_seed_covers_every_district_both_operators_and_shows_the_honesty_rules() {
        let units = generate_units();
        assert!(units.len() >= 150, "{}", units.len());
        let ids: HashSet<&str> = units.iter().map(|(u, _)| u.id.as_str()).collect();
        assert_eq!(ids.len(), units.len(), "unique ids");
        for d in District::ALL {
            let here: Vec<_> =
                units.iter().filter(|(u, _)| u.district == *d && u.kind == UnitKind::Preschool).collect();
            assert!(here.iter().any(|(u, _)| u.operator.kind == OperatorType::City), "{d:?}");
            assert!(here.iter().any(|(u, _)| u.operator.kind == OperatorType::Private), "{d:?}");
            assert!(
                here.iter().any(|(_, v)| v.iter().any(|(k, o)| *k == "parent-satisfaction" && o.n < Some(10))),
                "{d:?} has a preschool with few respondents"
            );
        }
        for kind in UnitKind::ALL {
            assert!(units.iter().any(|(u, _)| u.kind == *kind), "{kind:?}");
        }
        let solrosen = org_number("559234567");
        assert_eq!(solrosen.as_str(), "559234-5671", "the demo provider editor's company");
        assert!(units.iter().filter(|(u, _)| u.operator.organisation.as_ref() == Some(&solrosen)).count() >= 5);
        let defs = seed_indicators().unwrap();
        for (u, values) in &units {
            for (key, o) in values {
                let def = defs.iter().find(|d| d.key.as_str() == *key).unwrap();
                assert!(def.applies_to(u.kind), "{key} for {:?}", u.kind);
                assert!(o.check(def).is_empty(), "{} {key} {o:?}", u.id);
            }
            assert!(u.facts.to_raw().parse().is_ok(), "{}", u.id);
        }
    }

    #[test]
    fn every_indicator_has_swedish_and_english_texts() {
        for d in seed_indicators().unwrap() {
            for lang in ["sv", "en", "fi", "ar"] {
                assert!(d.name.contains_key(lang) && d.definition.contains_key(lang), "{} {lang}", d.key);
            }
        }
    }
}
