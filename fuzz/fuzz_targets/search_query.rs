//! Search and filter queries from the address bar: the catalogue's and the comparison's, and the
//! words the search folds and stems.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stadsporten_domain::catalogue::{decode_query_string, CatalogueQuery};
use stadsporten_domain::compare::query::CompareQuery;
use stadsporten_domain::search::{fold, stems};
use stadsporten_domain::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(pairs) = decode_query_string(text) {
        let _ = CatalogueQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    }
    let q = CompareQuery::from_query_string(text);
    // A parsed query writes a query string that parses to the same query.
    let again = CompareQuery::from_query_string(&q.to_query_string());
    assert_eq!(again.to_query_string(), q.to_query_string());
    let _ = fold(text);
    for lang in [Lang::Sv, Lang::En, Lang::Fi, Lang::Ar] {
        let _ = stems(text, lang);
    }
});
