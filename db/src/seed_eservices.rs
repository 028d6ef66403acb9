//! The seeded e-services (`seed/eservices/*.toml`, and the business guide's permits in
//! `seed/business/eservices/*.toml`), each published when the service has no
//! version as new as the seed's (so a seed that moves to a new version reaches existing
//! databases too; cases keep the version they were filed under). Idempotent; other versions are
//! uploaded under `/admin/services`.

use crate::{DbError, Result, Store};
use stadsporten_domain::eservice::ServiceDefinition;

/// The seeded definition files, by name (also read by tests).
pub const SEED_DEFINITIONS: [(&str, &str); 42] = [
    ("ansok-om-forskoleplats.toml", include_str!("../seed/eservices/ansok-om-forskoleplats.toml")),
    ("skolval.toml", include_str!("../seed/eservices/skolval.toml")),
    ("ansok-om-hemtjanst.toml", include_str!("../seed/eservices/ansok-om-hemtjanst.toml")),
    (
        "parkeringstillstand-rorelsehindrade.toml",
        include_str!("../seed/eservices/parkeringstillstand-rorelsehindrade.toml"),
    ),
    ("synpunkter-och-klagomal.toml", include_str!("../seed/eservices/synpunkter-och-klagomal.toml")),
    // The business guide's permits (issue 6): filed alone, or together in a bundle.
    (
        "registrering-livsmedelsanlaggning.toml",
        include_str!("../seed/business/eservices/registrering-livsmedelsanlaggning.toml"),
    ),
    ("serveringstillstand.toml", include_str!("../seed/business/eservices/serveringstillstand.toml")),
    ("uteservering.toml", include_str!("../seed/business/eservices/uteservering.toml")),
    (
        "polistillstand-offentlig-plats.toml",
        include_str!("../seed/business/eservices/polistillstand-offentlig-plats.toml"),
    ),
    ("skyltlov.toml", include_str!("../seed/business/eservices/skyltlov.toml")),
    ("brandfarlig-vara.toml", include_str!("../seed/business/eservices/brandfarlig-vara.toml")),
    ("anmalan-hog-musik.toml", include_str!("../seed/business/eservices/anmalan-hog-musik.toml")),
    ("evenemang-offentlig-plats.toml", include_str!("../seed/business/eservices/evenemang-offentlig-plats.toml")),
    ("tobaksforsaljning.toml", include_str!("../seed/business/eservices/tobaksforsaljning.toml")),
    ("foretagslots.toml", include_str!("../seed/business/eservices/foretagslots.toml")),
    // Issue 18: every catalogue service that offers an e-service starts a real one.
    ("begara-allmanna-handlingar.toml", include_str!("../seed/eservices/begara-allmanna-handlingar.toml")),
    ("boendeparkering.toml", include_str!("../seed/eservices/boendeparkering.toml")),
    ("boka-idrottshall.toml", include_str!("../seed/eservices/boka-idrottshall.toml")),
    ("bostadsanpassningsbidrag.toml", include_str!("../seed/eservices/bostadsanpassningsbidrag.toml")),
    ("bygglov.toml", include_str!("../seed/eservices/bygglov.toml")),
    ("e-forslag.toml", include_str!("../seed/eservices/e-forslag.toml")),
    ("ekonomiskt-bistand.toml", include_str!("../seed/eservices/ekonomiskt-bistand.toml")),
    ("felanmalan-gata-och-park.toml", include_str!("../seed/eservices/felanmalan-gata-och-park.toml")),
    ("feriejobb.toml", include_str!("../seed/eservices/feriejobb.toml")),
    ("foreningsbidrag.toml", include_str!("../seed/eservices/foreningsbidrag.toml")),
    ("fritidshem.toml", include_str!("../seed/eservices/fritidshem.toml")),
    ("god-man-forvaltare.toml", include_str!("../seed/eservices/god-man-forvaltare.toml")),
    (
        "inkomstuppgift-forskola-fritidshem.toml",
        include_str!("../seed/eservices/inkomstuppgift-forskola-fritidshem.toml"),
    ),
    ("klagomal-buller-inomhusmiljo.toml", include_str!("../seed/eservices/klagomal-buller-inomhusmiljo.toml")),
    ("kulturskolan.toml", include_str!("../seed/eservices/kulturskolan.toml")),
    ("lanekort-bibliotek.toml", include_str!("../seed/eservices/lanekort-bibliotek.toml")),
    ("modersmalsundervisning.toml", include_str!("../seed/eservices/modersmalsundervisning.toml")),
    ("nybyggnadskarta.toml", include_str!("../seed/eservices/nybyggnadskarta.toml")),
    (
        "rapportera-tillganglighetsproblem.toml",
        include_str!("../seed/eservices/rapportera-tillganglighetsproblem.toml"),
    ),
    ("rivningslov.toml", include_str!("../seed/eservices/rivningslov.toml")),
    ("saga-upp-forskoleplats.toml", include_str!("../seed/eservices/saga-upp-forskoleplats.toml")),
    ("sarskilt-boende-aldre.toml", include_str!("../seed/eservices/sarskilt-boende-aldre.toml")),
    ("sfi-svenska-for-invandrare.toml", include_str!("../seed/eservices/sfi-svenska-for-invandrare.toml")),
    ("skolskjuts.toml", include_str!("../seed/eservices/skolskjuts.toml")),
    ("trygghetslarm.toml", include_str!("../seed/eservices/trygghetslarm.toml")),
    ("varmepump.toml", include_str!("../seed/eservices/varmepump.toml")),
    // Issue 20: the question a resident asks in writing, and the contact centre hands over.
    ("fraga-till-staden.toml", include_str!("../seed/eservices/fraga-till-staden.toml")),
];

impl Store {
    /// Publishes each seeded definition whose service has no version as new. Returns how many
    /// were added.
    pub async fn seed_eservices(&self, now: i64) -> Result<usize> {
        let mut added = 0;
        let known: Vec<(String, i64)> = self.definitions().await?.into_iter().map(|d| (d.slug, d.version)).collect();
        for (name, source) in SEED_DEFINITIONS {
            let def = ServiceDefinition::from_toml(source).map_err(|e| DbError::Seed(format!("{name}: {e:?}")))?;
            if known.iter().any(|(slug, version)| *slug == def.slug && *version >= i64::from(def.version)) {
                continue;
            }
            let id = self.upload_definition(&def, None, now).await.map_err(|e| match e {
                DbError::Refused(r) => DbError::Seed(format!("{name}: {r:?}")),
                other => other,
            })?;
            self.publish_definition(id, None, now).await?;
            added += 1;
        }
        Ok(added)
    }
}
