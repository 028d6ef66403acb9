//! Catalogue search: Swedish-aware stemming, diacritic folding, compound words and typo tolerance,
//! in one small in-memory index that behaves the same on SQLite and PostgreSQL.
//!
//! Policy: search is forgiving. Anything a visitor types (any Unicode, quotes, SQL or full-text
//! operator characters) is only ever split into words; there is no query language to break. A query
//! matches a document when at least one of its words matches; documents matching more words rank
//! first. Words match, from best to weakest: the same stem; a prefix of a stem (typing in progress);
//! a compound containing a stem ("förskoleplats" → "förskola"); a stem within two edits (typos).
//!
//! Why in memory: the catalogue holds hundreds of services, not millions, and the same rules must
//! hold on both databases. PostgreSQL's Swedish full-text configuration has no SQLite equivalent.

use crate::Lang;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

/// Where in a document a word appears; titles weigh most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Keywords,
    Text,
}

impl Field {
    fn weight(self) -> f32 {
        match self {
            Field::Title => 3.0,
            Field::Keywords => 2.0,
            Field::Text => 1.0,
        }
    }
}

/// Words too common to help, in folded form, across the shipped languages.
const STOP_WORDS: &[&str] = &[
    "och", "i", "pa", "for", "att", "en", "ett", "av", "med", "om", "till", "som", "den", "det", "du", "din", "ditt",
    "dina", "kan", "ska", "har", "the", "of", "and", "a", "an", "to", "in", "for", "on", "or", "is", "you", "your",
    "ja", "tai", "on", "sina", "ta", "فى", "في", "من", "على", "و",
];

/// A key that sorts names as Swedish does: case-insensitive, å, ä and ö last (after z, in that
/// order), æ as ä, ø as ö, ü as y, other accents as their base letter. [`fold`] is for
/// matching (å typed as a), never for ordering a list.
pub fn swedish_order(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            // Just after 'z' in code points, in Swedish order.
            'å' => '{',
            'ä' | 'æ' => '|',
            'ö' | 'ø' => '}',
            'ü' => 'y',
            'à' | 'á' | 'â' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ó' | 'ò' | 'ô' | 'õ' => 'o',
            'ú' | 'ù' | 'û' => 'u',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        })
        .collect()
}

/// Lowercases, strips diacritics that Swedish keyboards and habits vary on (å/ä/ö typed as a/a/o),
/// Arabic short vowels and alef variants.
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| {
            Some(match c {
                'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' | 'æ' => 'a',
                'ö' | 'ø' | 'ó' | 'ò' | 'ô' | 'õ' => 'o',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'ü' | 'ú' | 'ù' | 'û' => 'u',
                'í' | 'ì' | 'î' | 'ï' => 'i',
                'ç' => 'c',
                'ñ' => 'n',
                'أ' | 'إ' | 'آ' => 'ا',
                '\u{064B}'..='\u{0652}' | '\u{0640}' => return None,
                c => c,
            })
        })
        .collect()
}

/// Splits text into lowercase words on anything that is not a letter or digit.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase())
}

fn algorithm(lang: Lang) -> Algorithm {
    match lang {
        Lang::Sv => Algorithm::Swedish,
        Lang::En => Algorithm::English,
        Lang::Fi => Algorithm::Finnish,
        Lang::Ar => Algorithm::Arabic,
    }
}

/// The stems of a text in a language: stemmed before folding (the Swedish stemmer knows ä, å, ö),
/// folded after, stop words dropped.
pub fn stems(text: &str, lang: Lang) -> Vec<String> {
    let stemmer = Stemmer::create(algorithm(lang));
    words(text)
        .filter_map(|w| {
            let folded = fold(&w);
            if folded.chars().count() < 2 || STOP_WORDS.contains(&folded.as_str()) {
                return None;
            }
            Some(fold(&stemmer.stem(&w)))
        })
        .collect()
}

/// One document to index: an id chosen by the caller and its texts per language and field.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub id: u32,
    pub texts: Vec<(Lang, Field, &'a str)>,
}

/// A search hit: the caller's document id and its relevance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub id: u32,
    pub matched_words: u32,
    pub score: f32,
}

/// An inverted index from stems to the documents (and weights) that contain them.
#[derive(Debug, Default, Clone)]
pub struct SearchIndex {
    postings: HashMap<String, Vec<(u32, f32)>>,
}

impl SearchIndex {
    pub fn build<'a>(docs: impl IntoIterator<Item = Document<'a>>) -> Self {
        let mut postings: HashMap<String, HashMap<u32, f32>> = HashMap::new();
        for doc in docs {
            for (lang, field, text) in &doc.texts {
                for stem in stems(text, *lang) {
                    let w = postings.entry(stem).or_default().entry(doc.id).or_insert(0.0);
                    *w = w.max(field.weight());
                }
            }
        }
        SearchIndex { postings: postings.into_iter().map(|(k, v)| (k, v.into_iter().collect())).collect() }
    }

    /// Number of distinct stems (for logs and tests).
    pub fn vocabulary_len(&self) -> usize {
        self.postings.len()
    }

    /// Searches with the query's words stemmed both in the visitor's language and in Swedish (people
    /// type Swedish service names whatever their interface language). Best hits first; ties keep
    /// ascending id order so results are stable.
    pub fn search(&self, query: &str, lang: Lang) -> Vec<Hit> {
        let mut query_words: Vec<(String, String)> = Vec::new();
        for w in words(query).take(12) {
            let folded = fold(&w);
            if folded.chars().count() < 2 || STOP_WORDS.contains(&folded.as_str()) {
                continue;
            }
            let mut variants = vec![fold(&Stemmer::create(Algorithm::Swedish).stem(&w))];
            if lang != Lang::Sv {
                variants.push(fold(&Stemmer::create(algorithm(lang)).stem(&w)));
            }
            for v in variants {
                if !query_words.iter().any(|(_, q)| *q == v) {
                    query_words.push((folded.clone(), v));
                }
            }
        }
        let mut per_doc: HashMap<u32, (u32, f32)> = HashMap::new();
        let mut counted: HashMap<(u32, String), ()> = HashMap::new();
        for (word, stem) in &query_words {
            let mut best: HashMap<u32, f32> = HashMap::new();
            for (term, docs) in &self.postings {
                let strength = match_strength(word, stem, term);
                if strength == 0.0 {
                    continue;
                }
                for (id, weight) in docs {
                    let s = best.entry(*id).or_insert(0.0);
                    *s = s.max(strength * weight);
                }
            }
            for (id, s) in best {
                let entry = per_doc.entry(id).or_insert((0, 0.0));
                // A word stemmed two ways counts once per document.
                if counted.insert((id, word.clone()), ()).is_none() {
                    entry.0 += 1;
                }
                entry.1 += s;
            }
        }
        let mut hits: Vec<Hit> =
            per_doc.into_iter().map(|(id, (matched_words, score))| Hit { id, matched_words, score }).collect();
        hits.sort_by(|a, b| {
            b.matched_words.cmp(&a.matched_words).then(b.score.total_cmp(&a.score)).then(a.id.cmp(&b.id))
        });
        hits
    }
}

/// How well a query word (folded, and its stem) matches an indexed stem: 0 for no match.
fn match_strength(word: &str, stem: &str, term: &str) -> f32 {
    if stem == term {
        return 1.0;
    }
    let (stem_len, term_len) = (stem.chars().count(), term.chars().count());
    // Typing in progress: "försk" finds "förskol".
    if stem_len >= 3 && term.starts_with(stem) {
        return 0.8;
    }
    // Compounds: "förskoleplats" begins with "förskol"; "parkeringstillstånd" contains "tillstånd".
    if term_len >= 4 && (word.starts_with(term) || stem.starts_with(term)) {
        return 0.7;
    }
    if (term_len >= 6 && word.contains(term)) || (stem_len >= 5 && term.contains(stem)) {
        return 0.5;
    }
    // Typos: one edit for short words, two for long ones.
    let allowed = match stem_len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    };
    if allowed > 0 && stem_len.abs_diff(term_len) <= allowed && edit_distance(stem, term) <= allowed {
        return 0.6;
    }
    0.0
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions), by characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2 = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_sort_as_swedish_does() {
        let mut names = vec!["Ängen", "Åsen", "Ekorren", "Öbacken", "Zebran", "Almen", "Ærø"];
        names.sort_by_key(|n| super::swedish_order(n));
        assert_eq!(names, ["Almen", "Ekorren", "Zebran", "Åsen", "Ängen", "Ærø", "Öbacken"]);
    }

    use super::*;

    fn index() -> SearchIndex {
        SearchIndex::build([
            Document {
                id: 1,
                texts: vec![
                    (Lang::Sv, Field::Title, "Ansök om förskoleplats"),
                    (Lang::Sv, Field::Text, "Barn mellan ett och fem år kan gå i förskola."),
                    (Lang::En, Field::Title, "Apply for a preschool place"),
                ],
            },
            Document {
                id: 2,
                texts: vec![
                    (Lang::Sv, Field::Title, "Parkeringstillstånd för rörelsehindrade"),
                    (Lang::En, Field::Title, "Parking permit for people with disabilities"),
                ],
            },
            Document { id: 3, texts: vec![(Lang::Sv, Field::Title, "Bygglov för skylt")] },
        ])
    }

    fn ids(hits: Vec<Hit>) -> Vec<u32> {
        hits.into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn swedish_words_find_their_inflections_and_compounds() {
        let idx = index();
        assert_eq!(ids(idx.search("förskola", Lang::Sv)), vec![1]);
        assert_eq!(ids(idx.search("förskolor", Lang::Sv)), vec![1]);
        assert_eq!(ids(idx.search("förskoleplats", Lang::Sv)), vec![1]);
        assert_eq!(ids(idx.search("tillstånd", Lang::Sv)), vec![2]);
    }

    #[test]
    fn missing_diacritics_and_typos_still_find_the_service() {
        let idx = index();
        assert_eq!(ids(idx.search("forskola", Lang::Sv)), vec![1]);
        assert_eq!(ids(idx.search("förksola", Lang::Sv)), vec![1]);
        assert_eq!(ids(idx.search("parkerings tilstand", Lang::Sv)), vec![2]);
    }

    #[test]
    fn english_queries_match_english_content() {
        assert_eq!(ids(index().search("preschool", Lang::En)), vec![1]);
        assert_eq!(ids(index().search("parking permits", Lang::En)), vec![2]);
    }

    #[test]
    fn operator_characters_and_odd_unicode_never_break_a_search() {
        let idx = index();
        for q in ["\"", "' OR 1=1 --", "NEAR(a b)", "*", "förskola\" AND", "🙂", "\u{0}", "  ", "%_\\"] {
            let _ = idx.search(q, Lang::Sv);
        }
        assert_eq!(ids(idx.search("\"förskola\" OR *", Lang::Sv)), vec![1]);
        assert!(idx.search("🙂", Lang::Sv).is_empty());
    }

    #[test]
    fn unrelated_words_find_nothing() {
        assert!(index().search("hund", Lang::Sv).is_empty());
    }

    #[test]
    fn edit_distance_counts_transpositions_as_one_edit() {
        assert_eq!(edit_distance("forskol", "forksol"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
