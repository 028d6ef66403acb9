//! Stockholm's 13 districts (stadsdelsområden), their district administrations, and a small street
//! gazetteer for distances.
//!
//! Distances are computed here, offline, from coordinates: no external map or geocoding service
//! sees what a visitor typed. The gazetteer holds the streets of the seeded units and well-known
//! streets of each district; in production it would be loaded from the city's address register
//! (an integration point), with the same [`locate`] contract.

use crate::search::fold;
use serde::{Deserialize, Serialize};

slug_enum! {
    /// A district of the City of Stockholm. Names are proper nouns, the same in every language.
    District {
        RinkebyKista => "rinkeby-kista",
        SpangaTensta => "spanga-tensta",
        HasselbyVallingby => "hasselby-vallingby",
        Bromma => "bromma",
        Kungsholmen => "kungsholmen",
        Norrmalm => "norrmalm",
        Ostermalm => "ostermalm",
        Sodermalm => "sodermalm",
        EnskedeArstaVantor => "enskede-arsta-vantor",
        Skarpnack => "skarpnack",
        Farsta => "farsta",
        HagerstenAlvsjo => "hagersten-alvsjo",
        Skarholmen => "skarholmen",
    }
}

/// A point in WGS 84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

impl GeoPoint {
    /// A point inside the wider Stockholm area, or `None` (a typo in an import, a swapped pair).
    pub fn in_stockholm(lat: f64, lon: f64) -> Option<GeoPoint> {
        ((59.0..=59.7).contains(&lat) && (17.5..=18.5).contains(&lon)).then_some(GeoPoint { lat, lon })
    }

    /// Great-circle distance in metres (haversine).
    pub fn distance_m(self, other: GeoPoint) -> f64 {
        const R: f64 = 6_371_000.0;
        let (p1, p2) = (self.lat.to_radians(), other.lat.to_radians());
        let dp = (other.lat - self.lat).to_radians();
        let dl = (other.lon - self.lon).to_radians();
        let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
        2.0 * R * a.sqrt().asin()
    }
}

impl District {
    /// The district's name as written in Swedish (used in every language).
    pub fn name(self) -> &'static str {
        use District::*;
        match self {
            RinkebyKista => "Rinkeby-Kista",
            SpangaTensta => "Spånga-Tensta",
            HasselbyVallingby => "Hässelby-Vällingby",
            Bromma => "Bromma",
            Kungsholmen => "Kungsholmen",
            Norrmalm => "Norrmalm",
            Ostermalm => "Östermalm",
            Sodermalm => "Södermalm",
            EnskedeArstaVantor => "Enskede-Årsta-Vantör",
            Skarpnack => "Skarpnäck",
            Farsta => "Farsta",
            HagerstenAlvsjo => "Hägersten-Älvsjö",
            Skarholmen => "Skärholmen",
        }
    }

    /// The unit code of the district administration (stadsdelsförvaltning) that runs the city's
    /// preschools and elderly care there and receives feedback about them.
    pub fn unit_code(self) -> &'static str {
        use District::*;
        match self {
            RinkebyKista => "SDRK",
            SpangaTensta => "SDST",
            HasselbyVallingby => "SDHV",
            Bromma => "SDBR",
            Kungsholmen => "SDKH",
            Norrmalm => "SDNM",
            Ostermalm => "SDOM",
            Sodermalm => "SDSM",
            EnskedeArstaVantor => "SDEAV",
            Skarpnack => "SDSK",
            Farsta => "SDFA",
            HagerstenAlvsjo => "SDHA",
            Skarholmen => "SDSH",
        }
    }

    /// The district whose administration has this unit code.
    pub fn from_unit_code(code: &str) -> Option<District> {
        District::ALL.iter().copied().find(|d| d.unit_code() == code)
    }

    /// Roughly the district's centre (for "distance from the district").
    pub fn centre(self) -> GeoPoint {
        use District::*;
        let (lat, lon) = match self {
            RinkebyKista => (59.4030, 17.9300),
            SpangaTensta => (59.3920, 17.9000),
            HasselbyVallingby => (59.3650, 17.8500),
            Bromma => (59.3400, 17.9400),
            Kungsholmen => (59.3320, 18.0300),
            Norrmalm => (59.3420, 18.0500),
            Ostermalm => (59.3400, 18.0850),
            Sodermalm => (59.3150, 18.0700),
            EnskedeArstaVantor => (59.2850, 18.0700),
            Skarpnack => (59.2700, 18.1300),
            Farsta => (59.2450, 18.0900),
            HagerstenAlvsjo => (59.2950, 17.9900),
            Skarholmen => (59.2750, 17.9050),
        };
        GeoPoint { lat, lon }
    }

    /// A district from its slug or its name as people write it ("Södermalm", "sodermalm").
    pub fn from_name(raw: &str) -> Option<District> {
        let folded = fold(raw.trim());
        District::ALL.iter().copied().find(|d| fold(d.name()) == folded || d.slug() == folded)
    }
}

/// A street in the gazetteer: name, district, and a point near its middle.
pub struct Street {
    pub name: &'static str,
    pub district: District,
    pub point: GeoPoint,
}

macro_rules! streets {
    ($(($name:literal, $district:ident, $lat:literal, $lon:literal)),+ $(,)?) => {
        &[$(Street { name: $name, district: District::$district, point: GeoPoint { lat: $lat, lon: $lon } }),+]
    };
}

/// Streets per district (real street names, approximate coordinates).
pub const STREETS: &[Street] = streets![
    ("Kistagången", RinkebyKista, 59.4030, 17.9440),
    ("Rinkebystråket", RinkebyKista, 59.3880, 17.9280),
    ("Husbygårdsgatan", RinkebyKista, 59.4100, 17.9290),
    ("Akalla torg", RinkebyKista, 59.4150, 17.9130),
    ("Tenstagången", SpangaTensta, 59.3940, 17.9010),
    ("Spånga torg", SpangaTensta, 59.3830, 17.8990),
    ("Bromstensvägen", SpangaTensta, 59.3840, 17.9170),
    ("Vällingbyplan", HasselbyVallingby, 59.3630, 17.8720),
    ("Hässelby torg", HasselbyVallingby, 59.3710, 17.8330),
    ("Råcksta torg", HasselbyVallingby, 59.3550, 17.8820),
    ("Brommaplan", Bromma, 59.3380, 17.9390),
    ("Alviks torg", Bromma, 59.3330, 17.9800),
    ("Abrahamsbergsvägen", Bromma, 59.3360, 17.9530),
    ("Ulvsundavägen", Bromma, 59.3440, 17.9750),
    ("Fridhemsgatan", Kungsholmen, 59.3320, 18.0290),
    ("Sankt Eriksgatan", Kungsholmen, 59.3330, 18.0350),
    ("Hantverkargatan", Kungsholmen, 59.3300, 18.0450),
    ("Lindhagensgatan", Kungsholmen, 59.3340, 18.0180),
    ("Odengatan", Norrmalm, 59.3440, 18.0500),
    ("Sveavägen", Norrmalm, 59.3420, 18.0570),
    ("Upplandsgatan", Norrmalm, 59.3430, 18.0430),
    ("Hagagatan", Norrmalm, 59.3480, 18.0420),
    ("Karlavägen", Ostermalm, 59.3400, 18.0850),
    ("Valhallavägen", Ostermalm, 59.3460, 18.0800),
    ("Storgatan", Ostermalm, 59.3360, 18.0840),
    ("Gärdesgatan", Ostermalm, 59.3440, 18.1000),
    ("Götgatan", Sodermalm, 59.3120, 18.0730),
    ("Hornsgatan", Sodermalm, 59.3170, 18.0550),
    ("Folkungagatan", Sodermalm, 59.3140, 18.0800),
    ("Ringvägen", Sodermalm, 59.3080, 18.0700),
    ("Hammarby allé", Sodermalm, 59.3030, 18.0960),
    ("Årstavägen", EnskedeArstaVantor, 59.2990, 18.0380),
    ("Enskedevägen", EnskedeArstaVantor, 59.2880, 18.0750),
    ("Högdalsgången", EnskedeArstaVantor, 59.2640, 18.0430),
    ("Rågsveds torg", EnskedeArstaVantor, 59.2570, 18.0280),
    ("Skarpnäcks allé", Skarpnack, 59.2670, 18.1330),
    ("Bagarmossens torg", Skarpnack, 59.2770, 18.1310),
    ("Björkhagsplan", Skarpnack, 59.2910, 18.1150),
    ("Farsta torg", Farsta, 59.2430, 18.0920),
    ("Hökarängsplan", Farsta, 59.2580, 18.0830),
    ("Larsbodavägen", Farsta, 59.2320, 18.1000),
    ("Liljeholmstorget", HagerstenAlvsjo, 59.3100, 18.0230),
    ("Hägerstensvägen", HagerstenAlvsjo, 59.2980, 17.9860),
    ("Älvsjö torg", HagerstenAlvsjo, 59.2790, 18.0110),
    ("Fruängsgången", HagerstenAlvsjo, 59.2860, 17.9650),
    ("Skärholmsgången", Skarholmen, 59.2770, 17.9070),
    ("Bredängsvägen", Skarholmen, 59.2950, 17.9330),
    ("Sätra torg", Skarholmen, 59.2850, 17.9210),
];

/// Where an address or a district name is, from the gazetteer: the street's point (house numbers
/// are not resolved; a street is short enough for comparing) and its district. `None` when the
/// street is unknown.
pub fn locate(raw: &str) -> Option<(GeoPoint, District)> {
    let raw = raw.trim();
    if raw.is_empty() || raw.chars().count() > 200 {
        return None;
    }
    if let Some(d) = District::from_name(raw) {
        return Some((d.centre(), d));
    }
    // Drop the house number and anything after a comma: "Götgatan 14, 118 46 Stockholm".
    let street: String = raw
        .split(',')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| !w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ");
    let wanted = fold(&street);
    if wanted.is_empty() {
        return None;
    }
    STREETS.iter().find(|s| fold(s.name) == wanted).map(|s| (s.point, s.district))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_thirteen_districts_with_distinct_administrations() {
        assert_eq!(District::ALL.len(), 13);
        let mut codes: Vec<_> = District::ALL.iter().map(|d| d.unit_code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), 13);
        for d in District::ALL {
            assert!(crate::organisation::UnitCode::parse(d.unit_code()).is_some(), "{d:?}");
            assert_eq!(District::from_unit_code(d.unit_code()), Some(*d));
            assert!(STREETS.iter().any(|s| s.district == *d), "{d:?} has streets");
        }
    }

    #[test]
    fn distances_are_plausible() {
        let slussen = GeoPoint { lat: 59.3195, lon: 18.0720 };
        let odenplan = GeoPoint { lat: 59.3429, lon: 18.0496 };
        let d = slussen.distance_m(odenplan);
        assert!((2_800.0..3_100.0).contains(&d), "{d}");
        assert_eq!(slussen.distance_m(slussen), 0.0);
    }

    #[test]
    fn addresses_and_district_names_are_located_without_a_network() {
        let (_, d) = locate("Götgatan 14, 118 46 Stockholm").unwrap();
        assert_eq!(d, District::Sodermalm);
        assert_eq!(locate("gotgatan").map(|l| l.1), Some(District::Sodermalm));
        assert_eq!(locate("Södermalm").map(|l| l.1), Some(District::Sodermalm));
        assert_eq!(locate("skarholmen").map(|l| l.1), Some(District::Skarholmen));
        assert_eq!(locate("Nowhere street 1"), None);
        assert_eq!(locate("12"), None);
        assert_eq!(locate(""), None);
    }

    #[test]
    fn coordinates_outside_stockholm_are_refused() {
        assert!(GeoPoint::in_stockholm(59.33, 18.06).is_some());
        assert!(GeoPoint::in_stockholm(18.06, 59.33).is_none());
        assert!(GeoPoint::in_stockholm(f64::NAN, 18.0).is_none());
    }
}
