//! The postings of every word and adjacent pair: which pages hold it, and where in them
//! (title, summary, how often in the body), collected in parallel runs of pages.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;

use rayon::prelude::*;

use super::Doc;
use super::tokens::{Token, linked_words, pair_token, token};

/// Body counts above this rank the same; it keeps codes to three digits.
const MAX_BODY_COUNT: u32 = 63;

/// Maps keyed by words: a fixed, fast hash (the keys are the site's own text, and
/// iteration order never reaches the output, which goes through sorted maps).
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<ahash::AHasher>>;
/// Where a word occurs in one page.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Hits {
    title: bool,
    summary: bool,
    body: u32,
}

/// The part of a page a word is in.
#[derive(Debug, Clone, Copy)]
enum Field {
    Title,
    Summary,
    Body,
}

impl Hits {
    fn code(self) -> u32 {
        (self.body.min(MAX_BODY_COUNT) << 2)
            | (u32::from(self.title) << 1)
            | u32::from(self.summary)
    }

    fn mark(&mut self, field: Field) {
        match field {
            Field::Title => self.title = true,
            Field::Summary => self.summary = true,
            Field::Body => self.body += 1,
        }
    }
}

/// Postings of one spelling: (doc id, code), ids increasing.
pub(super) type Postings = Vec<(u32, u32)>;
/// Folded word -> spelling -> postings.
pub(super) type Terms = BTreeMap<String, BTreeMap<String, Postings>>;

/// Record one occurrence in page `id` at the end of a posting list (pages come in id
/// order, so the page's entry, if any, is the last).
fn add_hit(list: &mut Vec<(u32, Hits)>, id: u32, field: Field) {
    match list.last_mut() {
        Some((doc, h)) if *doc == id => h.mark(field),
        _ => {
            let mut h = Hits::default();
            h.mark(field);
            list.push((id, h));
        }
    }
}

/// The words and adjacent pairs of a run of pages, with their postings. Each distinct
/// word is folded once per run (folding every occurrence was most of the index's build
/// time); a pair is keyed by its two word numbers, so it costs one cheap lookup.
#[derive(Default)]
struct Run<'a> {
    token_of: FastMap<&'a str, Option<u32>>,
    index: FastMap<Token, u32>,
    tokens: Vec<Token>,
    postings: Vec<Vec<(u32, Hits)>>,
    pair_of: FastMap<u64, u32>,
    pairs: Vec<(u32, u32)>,
    pair_postings: Vec<Vec<(u32, Hits)>>,
}

impl<'a> Run<'a> {
    fn word(&mut self, w: &'a str) -> Option<u32> {
        if let Some(t) = self.token_of.get(w) {
            return *t;
        }
        let t = token(w).map(|t| {
            *self.index.entry(t.clone()).or_insert_with(|| {
                self.tokens.push(t);
                self.postings.push(Vec::new());
                u32::try_from(self.tokens.len() - 1).expect("fewer than 4 billion words")
            })
        });
        self.token_of.insert(w, t);
        t
    }

    fn field(&mut self, id: u32, text: &'a str, field: Field) {
        let mut prev = None;
        for (w, linked) in linked_words(text) {
            let t = self.word(w);
            if let Some(t) = t {
                add_hit(&mut self.postings[t as usize], id, field);
                if let (true, Some(p)) = (linked, prev) {
                    let key = (u64::from(p) << 32) | u64::from(t);
                    let n = *self.pair_of.entry(key).or_insert_with(|| {
                        self.pairs.push((p, t));
                        self.pair_postings.push(Vec::new());
                        u32::try_from(self.pairs.len() - 1).expect("fewer than 4 billion pairs")
                    });
                    add_hit(&mut self.pair_postings[n as usize], id, field);
                }
            }
            prev = t;
        }
    }
}

/// Words and adjacent pairs of every page.
pub(super) struct Collected {
    pub(super) words: Terms,
    pub(super) pairs: Terms,
}

/// Postings of every token and pair. Runs of pages are indexed in parallel and joined in
/// id order, so each posting list stays sorted by id.
pub(super) fn collect_terms(docs: &[Doc]) -> Collected {
    let run = docs
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(256);
    let parts: Vec<RunTerms> = docs
        .par_chunks(run)
        .enumerate()
        .map(|(n, part)| run_terms(n * run, part))
        .collect();
    let mut words = Terms::new();
    let mut pairs = Terms::new();
    for part in parts {
        merge(&mut words, part.words);
        merge(&mut pairs, part.pairs);
    }
    Collected { words, pairs }
}

fn merge(terms: &mut Terms, part: Vec<(Token, Postings)>) {
    for (t, list) in part {
        match terms.entry(t.folded).or_default().entry(t.spelling) {
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(list);
            }
            std::collections::btree_map::Entry::Occupied(mut e) => e.get_mut().extend(list),
        }
    }
}

/// The words and pairs of one run of pages, with their postings.
struct RunTerms {
    words: Vec<(Token, Postings)>,
    pairs: Vec<(Token, Postings)>,
}

/// The tokens of a run of pages whose first page has id `first`, with their postings.
fn run_terms(first: usize, docs: &[Doc]) -> RunTerms {
    let mut run = Run::default();
    for (n, doc) in docs.iter().enumerate() {
        let id = u32::try_from(first + n).expect("a site has fewer than 4 billion pages");
        run.field(id, doc.title, Field::Title);
        run.field(id, doc.summary, Field::Summary);
        run.field(id, doc.body, Field::Body);
    }
    let codes = |list: Vec<(u32, Hits)>| list.into_iter().map(|(id, h)| (id, h.code())).collect();
    let pairs = run
        .pairs
        .iter()
        .zip(run.pair_postings)
        .map(|(&(a, b), list)| {
            let t = pair_token(&run.tokens[a as usize], &run.tokens[b as usize]);
            (t, codes(list))
        })
        .collect();
    let words = run
        .tokens
        .into_iter()
        .zip(run.postings.into_iter().map(codes))
        .collect();
    RunTerms { words, pairs }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_where_a_word_occurs() {
        let cases = [
            (
                Hits {
                    title: true,
                    summary: false,
                    body: 0,
                },
                2,
            ),
            (
                Hits {
                    title: false,
                    summary: true,
                    body: 0,
                },
                1,
            ),
            (
                Hits {
                    title: true,
                    summary: true,
                    body: 3,
                },
                15,
            ),
            (
                Hits {
                    title: false,
                    summary: false,
                    body: 500,
                },
                63 * 4,
            ),
        ];
        for (hits, code) in cases {
            assert_eq!(hits.code(), code, "{hits:?}");
        }
    }
}
