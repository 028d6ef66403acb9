//! The content caches of one store (shared by its clones): what most requests read and few
//! change, each a [`Memo`] on the content topic (`changes.rs`).

use crate::changes::{Memo, Topic};

/// The content caches of one store (shared by its clones).
pub(crate) struct ContentMemos {
    pub(crate) definitions: Memo<crate::eservices::RecordKey, std::sync::Arc<crate::eservices::DefinitionRecord>>,
    pub(crate) units: Memo<(), Vec<crate::identity::Unit>>,
    pub(crate) service_details: Memo<(String, stadsporten_domain::Lang), stadsporten_domain::catalogue::ServiceDetails>,
    /// Every classified subject's levels (`security.rs`): asked on every e-service request.
    pub(crate) classifications: Memo<
        (),
        std::sync::Arc<std::collections::HashMap<String, stadsporten_domain::security::classification::Classification>>,
    >,
}

impl Default for ContentMemos {
    fn default() -> Self {
        ContentMemos {
            definitions: Memo::new(Topic::Content, 256),
            units: Memo::new(Topic::Content, 1),
            service_details: Memo::new(Topic::Content, 1024),
            classifications: Memo::new(Topic::Content, 1),
        }
    }
}
