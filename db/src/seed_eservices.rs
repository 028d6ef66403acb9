//! The five seeded e-services (`seed/eservices/*.toml`), published as version 1 of each when the
//! service has no definition yet. Idempotent; later versions are uploaded under `/admin/services`.

use crate::{DbError, Result, Store};
use stadsporten_domain::eservice::ServiceDefinition;

/// The seeded definition files, by name (also read by tests).
pub const SEED_DEFINITIONS: [(&str, &str); 5] = [
    ("ansok-om-forskoleplats.toml", include_str!("../seed/eservices/ansok-om-forskoleplats.toml")),
    ("skolval.toml", include_str!("../seed/eservices/skolval.toml")),
    ("ansok-om-hemtjanst.toml", include_str!("../seed/eservices/ansok-om-hemtjanst.toml")),
    (
        "parkeringstillstand-rorelsehindrade.toml",
        include_str!("../seed/eservices/parkeringstillstand-rorelsehindrade.toml"),
    ),
    ("synpunkter-och-klagomal.toml", include_str!("../seed/eservices/synpunkter-och-klagomal.toml")),
];

impl Store {
    /// Publishes each seeded definition whose service has none. Returns how many were added.
    pub async fn seed_eservices(&self, now: i64) -> Result<usize> {
        let mut added = 0;
        let known: Vec<String> = self.definitions().await?.into_iter().map(|d| d.slug).collect();
        for (name, source) in SEED_DEFINITIONS {
            let def = ServiceDefinition::from_toml(source).map_err(|e| DbError::Seed(format!("{name}: {e:?}")))?;
            if known.contains(&def.slug) {
                continue;
            }
            let id =
                self.upload_definition(&def, None, now).await?.map_err(|e| DbError::Seed(format!("{name}: {e:?}")))?;
            self.publish_definition(id, None, now).await?;
            added += 1;
        }
        Ok(added)
    }
}
