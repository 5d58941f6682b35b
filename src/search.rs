//! The search index behind the search page (`/tim-kiem/`): the files a browser downloads
//! to search the portal with no server. This module owns tokenizing and the index files;
//! the page and its script live in the theme (`tim-kiem.html`, `js/tim-kiem.js`), and
//! accent folding is `slug::fold`, shared with URLs. Only published pages are in the
//! `Site`, so nothing unpublished can enter the index.
//!
//! Layout, under `/tim-kiem/` (JSON with sorted keys, so builds are byte-identical):
//!
//! - `index.json`, the manifest: the kinds with their Vietnamese labels, each document's
//!   kind as a column indexed by document id, the keys of the word and pair shards, and
//!   `abbr`, the glossary's one-word abbreviations the site uses with their spoken form
//!   (`{"bnn": "bệnh nghề nghiệp"}`), so "BNN" finds the spoken form and the other way
//!   round. Ids go from the oldest page to the newest (by date, then path): results that
//!   score the same show newest first by id alone, and a new page usually takes the next
//!   id, so a rebuild rewrites few files and `loa publish` uploads few.
//! - `shards/<key>.json`: every word whose folded form starts with `key`, the first two
//!   folded letters (a shard grown past `SHARD_BYTES` is split by one more letter):
//!   `{"toan": {"toan": [...], "toàn": [id, code, id, code, ...]}}`, folded word ->
//!   lowercase spelling -> for each page holding it, its id (as the gap from the previous
//!   id) and `code = body_count * 4 + in_title * 2 + in_summary`, the body count capped at
//!   63. Keeping spellings apart lets the script rank exact-diacritic matches first.
//! - `pairs/<key>.json`: the same for adjacent pairs, two words with only whitespace
//!   between them (how Vietnamese writes a word of two syllables: "phạt tiền"), keyed
//!   `"phat tien"`, with one number per page: `gap * 4 + in_title * 2 + in_summary`.
//!   Pairs let the script rank words standing together above the same words scattered,
//!   and hold a quoted phrase together, without word positions in the index.
//! - `docs/<n>.json`: the pages with ids `n * DOCS_PER_FILE` to `n * DOCS_PER_FILE +
//!   DOCS_PER_FILE - 1`, as an array in id order: each page's URL, title, date, summary
//!   and body text, fetched only for the results on screen, to print them and cut a
//!   snippet around the matched words. A few pages to a file, not one: results are
//!   scattered, so ten results still cost ten small files, while a big portal writes a
//!   sixth of the files (one file per page was a third of a 10,000-page build's files;
//!   six, not four, since the pair shards came: the build writes no more files than
//!   before them).
//!
//! A query downloads the manifest, one shard per word and one per pair of words typed
//! next to each other (the last word, matched by prefix as the person types, may need
//! the few shards under it) and the first results' docs.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::hash::BuildHasherDefault;

use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::char::is_combining_mark;

use crate::content::{Kind, Page, Site};
use crate::date::Date;
use crate::error::Result;
use crate::output::Sink;
use crate::slug::fold;
use crate::speech::Glossary;
use crate::speech::glossary::Reading;

/// Folder of the search page and its index in the output.
pub const DIR: &str = "tim-kiem";
/// Version of the index layout; the script refuses a manifest it does not know.
const FORMAT: u32 = 3;
/// Pages per file under `docs/`.
pub const DOCS_PER_FILE: usize = 6;
/// Letters of the folded word that name its shard before any split.
const KEY_CHARS: usize = 2;
/// A shard bigger than this is split by one more letter.
const SHARD_BYTES: usize = 96 * 1024;
/// Longer "words" (long numbers, pasted identifiers) are left out of the index.
const MAX_TOKEN_CHARS: usize = 32;
/// Body counts above this rank the same; it keeps codes to three digits.
const MAX_BODY_COUNT: u32 = 63;

/// Maps keyed by words: a fixed, fast hash (the keys are the site's own text, and
/// iteration order never reaches the output, which goes through sorted maps).
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<ahash::AHasher>>;

/// A word as the index keys it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Token {
    /// Lowercase, no diacritics, đ as d: what matching compares.
    pub folded: String,
    /// Lowercase with its diacritics: what ranks exact matches first.
    pub spelling: String,
}

/// Letters, digits and combining marks make words; everything else separates them.
/// Latin letters, Vietnamese's included, take a quick path: the general Unicode lookup
/// was the biggest cost of indexing.
fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '×' | '÷' => false,
        '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => true,
        _ => c.is_alphanumeric() || is_combining_mark(c),
    }
}

/// The words of `text`, as written, each with whether it stands right after the word
/// before it with only whitespace between them (how Vietnamese writes a word of two
/// syllables). Overlong words are left out and break the chain, as punctuation does.
fn linked_words(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = text;
    let mut offset_ok = false;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find(is_word_char)?;
            let gap = &rest[..start];
            let linked = offset_ok && !gap.is_empty() && gap.chars().all(char::is_whitespace);
            let tail = &rest[start..];
            let len = tail.find(|c: char| !is_word_char(c)).unwrap_or(tail.len());
            let word = &tail[..len];
            rest = &tail[len..];
            if word.len() > MAX_TOKEN_CHARS && word.chars().count() > MAX_TOKEN_CHARS {
                offset_ok = false;
                continue;
            }
            offset_ok = true;
            return Some((word, linked));
        }
    })
}

fn token(word: &str) -> Option<Token> {
    let folded = fold(word);
    (!folded.is_empty()).then(|| Token {
        folded,
        spelling: word.to_lowercase(),
    })
}

/// The tokens of `text`, in order; the search script splits a query the same way.
#[cfg(test)]
fn tokenize(text: &str) -> Vec<Token> {
    linked_words(text).filter_map(|(w, _)| token(w)).collect()
}

/// The adjacent pairs of `text`, as the index keys them: two words with only whitespace
/// between them, joined by one space.
#[cfg(test)]
fn pairs(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut prev: Option<Token> = None;
    for (w, linked) in linked_words(text) {
        let t = token(w);
        if let (true, Some(a), Some(b)) = (linked, &prev, &t) {
            out.push(pair_token(a, b));
        }
        prev = t;
    }
    out
}

/// The token of two adjacent words.
fn pair_token(a: &Token, b: &Token) -> Token {
    Token {
        folded: format!("{} {}", a.folded, b.folded),
        spelling: format!("{} {}", a.spelling, b.spelling),
    }
}

/// What the index needs of a page.
#[derive(Debug, Clone)]
pub(crate) struct Doc<'a> {
    pub path: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub kind: Kind,
    pub date: Option<Date>,
}

impl<'a> Doc<'a> {
    fn from_page(page: &'a Page) -> Doc<'a> {
        Doc {
            path: &page.path,
            title: &page.title,
            summary: &page.summary,
            body: &page.plain,
            kind: page.kind,
            date: page.date(),
        }
    }
}

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
type Postings = Vec<(u32, u32)>;
/// Folded word -> spelling -> postings.
type Terms = BTreeMap<String, BTreeMap<String, Postings>>;

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
struct Collected {
    words: Terms,
    pairs: Terms,
}

/// Postings of every token and pair. Runs of pages are indexed in parallel and joined in
/// id order, so each posting list stays sorted by id.
fn collect_terms(docs: &[Doc]) -> Collected {
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

/// One folded word's entry of a shard, `"folded":{"spelling":[gap,code,...],...}`, as
/// serde_json writes a map entry: a shard is its entries joined by commas in braces.
/// Made once per word, so splitting a big shard does not encode it again.
struct Entry<'a> {
    folded: &'a str,
    json: String,
}

fn entry<'a>(folded: &'a str, spellings: &BTreeMap<String, Postings>, kind: ShardOf) -> Entry<'a> {
    let encoded: BTreeMap<&str, Vec<u32>> = spellings
        .iter()
        .map(|(spelling, postings)| {
            let mut flat = Vec::with_capacity(postings.len() * 2);
            let mut last = 0;
            for &(id, code) in postings {
                match kind {
                    ShardOf::Words => {
                        flat.push(id - last);
                        flat.push(code);
                    }
                    ShardOf::Pairs => flat.push((id - last) * 4 + (code & 3)),
                }
                last = id;
            }
            (spelling.as_str(), flat)
        })
        .collect();
    let mut json = serde_json::to_string(folded).expect("a string always serializes");
    json.push(':');
    json.push_str(
        &serde_json::to_string(&encoded).expect("maps of strings and numbers always serialize"),
    );
    Entry { folded, json }
}

/// Which terms a shard holds, and so how its postings are written: a word's as
/// `gap, code` (body count, title, summary), a pair's as one number, `gap * 4 +
/// in_title * 2 + in_summary` (a pair found only in the body is 0 in the low bits): the
/// pairs outnumber the words, and the script only needs to know where a pair stands.
#[derive(Debug, Clone, Copy)]
enum ShardOf {
    Words,
    Pairs,
}

/// Bytes of the shard holding `entries`.
fn shard_len(entries: &[&Entry]) -> usize {
    2 + entries.iter().map(|e| e.json.len()).sum::<usize>() + entries.len().saturating_sub(1)
}

/// The shard holding `entries` (in word order), as one JSON object.
fn shard_json(entries: &[&Entry]) -> String {
    let mut json = String::with_capacity(shard_len(entries));
    json.push('{');
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&e.json);
    }
    json.push('}');
    json
}

fn prefix(s: &str, chars: usize) -> &str {
    s.char_indices().nth(chars).map_or(s, |(i, _)| &s[..i])
}

/// Put `entries` (all starting with `key`) into one shard, or split them by one more
/// letter when the shard would be too big. Words equal to `key` stay in its shard.
fn split_shard(key: &str, entries: Vec<&Entry>, out: &mut BTreeMap<String, String>) {
    let key_len = key.chars().count();
    if shard_len(&entries) <= SHARD_BYTES
        || entries.iter().all(|e| e.folded.chars().count() <= key_len)
    {
        out.insert(key.to_owned(), shard_json(&entries));
        return;
    }
    let mut stay = Vec::new();
    let mut children: BTreeMap<&str, Vec<_>> = BTreeMap::new();
    for e in entries {
        if e.folded.chars().count() <= key_len {
            stay.push(e);
        } else {
            children
                .entry(prefix(e.folded, key_len + 1))
                .or_default()
                .push(e);
        }
    }
    if !stay.is_empty() {
        out.insert(key.to_owned(), shard_json(&stay));
    }
    for (child, entries) in children {
        split_shard(child, entries, out);
    }
}

/// Shard key -> shard JSON. A word's shard is the longest key that begins it.
fn shards(terms: &Terms, kind: ShardOf) -> BTreeMap<String, String> {
    let terms: Vec<(&String, &BTreeMap<String, Postings>)> = terms.iter().collect();
    let entries: Vec<Entry> = terms
        .par_iter()
        .map(|(folded, spellings)| entry(folded, spellings, kind))
        .collect();
    let mut groups: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for e in &entries {
        groups
            .entry(prefix(e.folded, KEY_CHARS))
            .or_default()
            .push(e);
    }
    groups
        .into_par_iter()
        .map(|(key, entries)| {
            let mut out = BTreeMap::new();
            split_shard(key, entries, &mut out);
            out
        })
        .reduce(BTreeMap::new, |mut a, b| {
            a.extend(b);
            a
        })
}

/// File name of a shard: ASCII letters and digits as they are, any other character as
/// `_<hex>_`. The script names shards the same way.
pub fn shard_file(key: &str) -> String {
    let mut name = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else {
            write!(name, "_{:x}_", u32::from(c)).expect("writing to a String cannot fail");
        }
    }
    name
}

#[derive(Serialize)]
struct KindEntry {
    id: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct Manifest<'a> {
    format: u32,
    token_chars: usize,
    kinds: Vec<KindEntry>,
    /// Per doc id: index into `kinds`.
    kind: Vec<usize>,
    shards: Vec<&'a str>,
    /// Keys of the shards of adjacent pairs, under `pairs/`.
    pair_shards: Vec<&'a str>,
    /// Folded abbreviation -> its spoken form, from the loudspeaker glossary.
    abbr: BTreeMap<String, String>,
    /// Pages per file under `docs/`: page `id` is entry `id % docs_per_file` of
    /// `docs/<id / docs_per_file>.json`.
    docs_per_file: usize,
}

#[derive(Serialize)]
struct DocFile<'a> {
    url: &'a str,
    title: &'a str,
    date: Option<String>,
    summary: &'a str,
    body: String,
}

fn kind_index(kind: Kind) -> usize {
    Kind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("Kind::ALL lists every kind")
}

/// The index files for `docs`: (output path, bytes), sorted by path.
#[cfg(test)]
pub(crate) fn index(docs: &[Doc]) -> Vec<(String, Vec<u8>)> {
    let sink = crate::output::MemorySink::default();
    write_index(docs, &[], &sink).expect("a memory sink takes any relative path");
    sink.into_files().into_iter().collect()
}

/// Write the index files for `docs` into `sink`, each as soon as it is made (the
/// pages' texts are as big as the portal's pages: they are not held all at once).
/// Returns their output paths.
pub(crate) fn write_index(
    docs: &[Doc],
    abbreviations: &[(String, String)],
    sink: &dyn Sink,
) -> Result<Vec<String>> {
    let mut written: Vec<String> = docs
        .par_chunks(DOCS_PER_FILE)
        .enumerate()
        .map(|(n, chunk)| {
            let entries: Vec<DocFile> = chunk
                .iter()
                .map(|d| DocFile {
                    url: d.path,
                    title: d.title,
                    date: d.date.map(|d| d.to_string()),
                    summary: d.summary,
                    body: collapse_whitespace(d.body),
                })
                .collect();
            let path = format!("{DIR}/docs/{n}.json");
            sink.put(
                &path,
                &serde_json::to_vec(&entries).expect("strings always serialize"),
            )?;
            Ok(path)
        })
        .collect::<Result<_>>()?;
    let terms = collect_terms(docs);
    let abbr = abbreviation_map(abbreviations, &terms.words);
    let (word_shards, pair_shards) = rayon::join(
        || shards(&terms.words, ShardOf::Words),
        || shards(&terms.pairs, ShardOf::Pairs),
    );
    drop(terms);
    let manifest = Manifest {
        format: FORMAT,
        token_chars: MAX_TOKEN_CHARS,
        kinds: Kind::ALL
            .iter()
            .map(|k| KindEntry {
                id: k.id(),
                label: k.label_vi(),
            })
            .collect(),
        kind: docs.iter().map(|d| kind_index(d.kind)).collect(),
        shards: word_shards.keys().map(String::as_str).collect(),
        pair_shards: pair_shards.keys().map(String::as_str).collect(),
        abbr,
        docs_per_file: DOCS_PER_FILE,
    };
    let path = format!("{DIR}/index.json");
    sink.put(
        &path,
        &serde_json::to_vec(&manifest).expect("the manifest always serializes"),
    )?;
    written.push(path);
    let files = word_shards
        .iter()
        .map(|(key, json)| ("shards", key, json))
        .chain(pair_shards.iter().map(|(key, json)| ("pairs", key, json)))
        .collect::<Vec<_>>();
    let shard_paths: Vec<String> = files
        .into_par_iter()
        .map(|(dir, key, json)| {
            let path = format!("{DIR}/{dir}/{}.json", shard_file(key));
            sink.put(&path, json.as_bytes())?;
            Ok(path)
        })
        .collect::<Result<_>>()?;
    written.extend(shard_paths);
    Ok(written)
}

/// The abbreviations worth shipping to the script, folded abbreviation -> spoken form:
/// those written on some page, or whose spoken words are all on some page (so the
/// script can find "bệnh nghề nghiệp" for "BNN" and the other way round). Only
/// abbreviations that are one word are kept: the script matches words.
fn abbreviation_map(abbreviations: &[(String, String)], words: &Terms) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (abbr, say) in abbreviations {
        let mut keys = linked_words(abbr).filter_map(|(w, _)| token(w));
        let (Some(key), None) = (keys.next(), keys.next()) else {
            continue;
        };
        let spoken: Vec<String> = linked_words(say)
            .filter_map(|(w, _)| token(w))
            .map(|t| t.folded)
            .collect();
        if spoken.is_empty() || spoken == [key.folded.clone()] {
            continue;
        }
        let used = words.contains_key(&key.folded) || spoken.iter().all(|w| words.contains_key(w));
        if used {
            map.entry(key.folded).or_insert_with(|| say.clone());
        }
    }
    map
}

/// `text` with every run of whitespace (as `char::is_whitespace` has it) as one space,
/// and none at either end. Text between single ASCII spaces is copied in one piece:
/// this runs over the text of every page.
fn collapse_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Start of the text not yet copied; it never begins or ends with whitespace.
    let mut kept = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let width = if b.is_ascii() {
            let single_space = b == b' '
                && i > 0
                && kept.is_some()
                && bytes
                    .get(i + 1)
                    .is_some_and(|n| !is_space_start(*n, &text[i + 1..]));
            if single_space || !(b.is_ascii_whitespace() || b == 0x0B) {
                kept.get_or_insert(i);
                i += 1;
                continue;
            }
            1
        } else {
            let c = text[i..].chars().next().expect("i is a char boundary");
            if !c.is_whitespace() {
                kept.get_or_insert(i);
                i += c.len_utf8();
                continue;
            }
            c.len_utf8()
        };
        // Whitespace that must change: end the kept text here.
        if let Some(start) = kept.take() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&text[start..i]);
        }
        i += width;
    }
    if let Some(start) = kept {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[start..]);
    }
    out
}

/// Whether the character starting with byte `b` (at the start of `rest`) is whitespace.
fn is_space_start(b: u8, rest: &str) -> bool {
    if b.is_ascii() {
        b.is_ascii_whitespace() || b == 0x0B
    } else {
        rest.chars().next().is_some_and(char::is_whitespace)
    }
}

/// The glossary's abbreviations that are always expanded, with their spoken form.
fn abbreviations(glossary: &Glossary) -> Vec<(String, String)> {
    glossary
        .entries()
        .iter()
        .filter_map(|e| match &e.reading {
            Reading::Expand(say) => Some((e.key.clone(), say.clone())),
            _ => None,
        })
        .collect()
}

/// Write the search index of every published page into `sink`; returns the paths.
pub fn write(site: &Site, sink: &dyn Sink) -> Result<Vec<String>> {
    let started = std::time::Instant::now();
    let mut pages: Vec<&Page> = site.pages.iter().collect();
    pages.sort_by(|a, b| a.sort_date().cmp(&b.sort_date()).then(a.rel.cmp(&b.rel)));
    let docs: Vec<Doc> = pages.into_iter().map(Doc::from_page).collect();
    let abbreviations = abbreviations(&crate::broadcast::glossary(site));
    let written = write_index(&docs, &abbreviations, sink)?;
    let (pages, files, ms) = (docs.len(), written.len(), started.elapsed().as_millis());
    log::debug!(
        "{}",
        tr!(
            site.lang,
            "      chỉ mục tìm kiếm: {pages} trang, {files} tệp trong {ms} ms",
            "      search index: {pages} pages, {files} files in {ms} ms"
        )
    );
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(path: &'a str, title: &'a str, summary: &'a str, body: &'a str) -> Doc<'a> {
        Doc {
            path,
            title,
            summary,
            body,
            kind: Kind::News,
            date: Date::new(2026, 5, 1),
        }
    }

    fn folded(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.folded).collect()
    }

    fn file(files: &[(String, Vec<u8>)], path: &str) -> serde_json::Value {
        let bytes = &files
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("no {path}"))
            .1;
        serde_json::from_slice(bytes).unwrap()
    }

    #[test]
    fn folds_case_and_diacritics_of_tokens() {
        let cases: [(&str, &[&str]); 8] = [
            ("an toàn lao động", &["an", "toan", "lao", "dong"]),
            ("AN TOÀN", &["an", "toan"]),
            ("Tai nạn", &["tai", "nan"]),
            ("Đường dây nóng", &["duong", "day", "nong"]),
            // Decomposed input folds the same as composed.
            ("to\u{0061}\u{0300}n", &["toan"]),
            (
                "Chỉ thị 31-CT/TW, năm 2025.",
                &["chi", "thi", "31", "ct", "tw", "nam", "2025"],
            ),
            (
                "“Tổ an toàn tự quản” – (ATVSLĐ)",
                &["to", "an", "toan", "tu", "quan", "atvsld"],
            ),
            ("", &[]),
        ];
        for (input, expected) in cases {
            assert_eq!(folded(input), expected, "{input}");
        }
    }

    #[test]
    fn quick_path_for_latin_letters_agrees_with_unicode() {
        let ranges = ['\u{0}'..='\u{2FF}', '\u{1E00}'..='\u{1EFF}'];
        for c in ranges.into_iter().flatten() {
            let general = c.is_alphanumeric() || is_combining_mark(c);
            assert_eq!(is_word_char(c), general, "{c:?}");
        }
    }

    #[test]
    fn pairs_words_with_only_whitespace_between() {
        let cases: [(&str, &[&str]); 6] = [
            ("phạt tiền", &["phat tien"]),
            ("Phát triển, tiến độ", &["phat trien", "tien do"]),
            (
                "an toàn,vệ sinh lao\u{A0}động",
                &["an toan", "ve sinh", "sinh lao", "lao dong"],
            ),
            ("31-CT/TW năm 2025.", &["tw nam", "nam 2025"]),
            ("một. hai\n\nba", &["hai ba"]),
            ("", &[]),
        ];
        for (input, expected) in cases {
            let got: Vec<String> = pairs(input).into_iter().map(|t| t.folded).collect();
            assert_eq!(got, expected, "{input}");
        }
        let t = pairs("Phạt Tiền");
        assert_eq!(t[0].spelling, "phạt tiền");
    }

    #[test]
    fn an_overlong_word_breaks_a_pair() {
        let long = "a".repeat(MAX_TOKEN_CHARS + 1);
        let got: Vec<String> = pairs(&format!("an {long} toàn lao"))
            .into_iter()
            .map(|t| t.folded)
            .collect();
        assert_eq!(got, ["toan lao"]);
    }

    #[test]
    fn indexes_adjacent_pairs_with_their_spellings() {
        let docs = [
            doc("/a/", "Phạt tiền", "", "Đề nghị phạt tiền chủ cơ sở."),
            doc("/b/", "Phát triển", "", "phát tiền, tiến độ"),
        ];
        let files = index(&docs);
        let ph = file(&files, "tim-kiem/pairs/ph.json");
        // Page 0: in the title (and the body); page 1: in the body only, other tones.
        // One number per page: gap * 4 + in_title * 2 + in_summary.
        assert_eq!(ph["phat tien"]["phạt tiền"], serde_json::json!([2]));
        assert_eq!(ph["phat tien"]["phát tiền"], serde_json::json!([4]));
        assert!(ph.get("phat trien").is_some());
        // "tiền, tiến" is not a pair: a comma stands between.
        let ti = file(&files, "tim-kiem/pairs/ti.json");
        assert!(ti.get("tien tien").is_none(), "{ti}");
        let manifest = file(&files, "tim-kiem/index.json");
        assert!(
            manifest["pair_shards"]
                .as_array()
                .unwrap()
                .contains(&"ph".into())
        );
    }

    #[test]
    fn ships_only_one_word_abbreviations_the_site_uses() {
        let docs = [doc("/a/", "BNN", "", "tai nạn lao động; PCCC&CNCH")];
        let mut terms = collect_terms(&docs).words;
        let glossary = [
            ("BNN", "bệnh nghề nghiệp"),
            ("TNLĐ", "tai nạn lao động"),
            ("UBND", "Ủy ban nhân dân"),
            ("PCCC&CNCH", "phòng cháy, chữa cháy và cứu nạn, cứu hộ"),
        ]
        .map(|(a, s)| (a.to_owned(), s.to_owned()));
        let map = abbreviation_map(&glossary, &terms);
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(keys, ["bnn", "tnld"]);
        assert_eq!(map["tnld"], "tai nạn lao động");
        terms.clear();
        assert!(abbreviation_map(&glossary, &terms).is_empty());
    }

    #[test]
    fn keeps_the_lowercase_spelling_with_diacritics() {
        let t = tokenize("AN TOÀN Tai Nạn");
        let spellings: Vec<&str> = t.iter().map(|t| t.spelling.as_str()).collect();
        assert_eq!(spellings, ["an", "toàn", "tai", "nạn"]);
    }

    #[test]
    fn leaves_out_overlong_words() {
        let long = "a".repeat(MAX_TOKEN_CHARS + 1);
        assert_eq!(folded(&format!("an {long} toàn")), ["an", "toan"]);
    }

    #[test]
    fn names_shard_files_in_ascii() {
        let cases = [
            ("an", "an"),
            ("20", "20"),
            ("ß", "_df_"),
            ("日本", "_65e5__672c_"),
        ];
        for (key, expected) in cases {
            assert_eq!(shard_file(key), expected, "{key}");
        }
    }

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

    #[test]
    fn shards_words_by_their_first_two_folded_letters() {
        let docs = [
            doc("/a/", "An toàn lao động", "", "Tai nạn lao động"),
            doc("/b/", "Toán học", "tai nạn", "an toàn an toàn"),
        ];
        let files = index(&docs);
        let an = file(&files, "tim-kiem/shards/an.json");
        // Page 0 has "an" in its title; page 1 twice in its body: gap 1, code 2*4.
        assert_eq!(an["an"]["an"], serde_json::json!([0, 2, 1, 8]));
        let to = file(&files, "tim-kiem/shards/to.json");
        assert_eq!(to["toan"]["toàn"], serde_json::json!([0, 2, 1, 8]));
        assert_eq!(to["toan"]["toán"], serde_json::json!([1, 2]));
        let ta = file(&files, "tim-kiem/shards/ta.json");
        assert_eq!(ta["tai"]["tai"], serde_json::json!([0, 4, 1, 1]));
        let manifest = file(&files, "tim-kiem/index.json");
        let keys: Vec<&str> = manifest["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(keys, ["an", "do", "ho", "la", "na", "ta", "to"]);
    }

    #[test]
    fn splits_a_big_shard_by_one_more_letter() {
        // Enough distinct "ta…" words in enough pages to pass the shard limit.
        let bodies: Vec<String> = (0..1000)
            .map(|i| {
                (0..40)
                    .map(|j| format!("ta{}{} tai", (b'a' + (j % 26) as u8) as char, i % 7 + j))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let docs: Vec<Doc> = bodies.iter().map(|b| doc("/x/", "tin", "", b)).collect();
        let files = index(&docs);
        let manifest = file(&files, "tim-kiem/index.json");
        let keys: Vec<&str> = manifest["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert!(keys.contains(&"tai"), "{keys:?}");
        assert!(!keys.contains(&"ta"), "{keys:?}");
        for (path, bytes) in &files {
            if path.contains("/shards/") {
                let one_word = serde_json::from_slice::<serde_json::Value>(bytes)
                    .unwrap()
                    .as_object()
                    .unwrap()
                    .len()
                    == 1;
                assert!(bytes.len() <= SHARD_BYTES || one_word, "{path} too big");
            }
        }
        // Every word is in the shard of the longest key that begins it.
        let tai = file(&files, "tim-kiem/shards/tai.json");
        assert!(tai.get("tai").is_some());
    }

    #[test]
    fn manifest_lists_kinds_by_doc_id() {
        let mut docs = vec![doc("/a/", "A", "", ""), doc("/b/", "B", "", "")];
        docs[1].kind = Kind::Violation;
        docs[1].date = None;
        let m = file(&index(&docs), "tim-kiem/index.json");
        assert_eq!(m["format"], 3);
        assert_eq!(m["docs_per_file"], DOCS_PER_FILE);
        assert_eq!(m["kinds"][1]["id"], "news");
        assert_eq!(m["kinds"][1]["label"], "Tin tức");
        assert_eq!(m["kind"], serde_json::json!([1, 7]));
        assert!(
            m.get("date").is_none(),
            "dates are in the docs; ids are in date order"
        );
    }

    #[test]
    fn doc_file_holds_the_text_snippets_are_cut_from() {
        let docs = [doc(
            "/tin-tuc/a/",
            "Tai nạn lao động",
            "Tóm tắt.",
            "Dòng một\n\nDòng   hai về an toàn.",
        )];
        let d = &file(&index(&docs), "tim-kiem/docs/0.json")[0];
        assert_eq!(d["url"], "/tin-tuc/a/");
        assert_eq!(d["title"], "Tai nạn lao động");
        assert_eq!(d["date"], "2026-05-01");
        assert_eq!(d["summary"], "Tóm tắt.");
        assert_eq!(d["body"], "Dòng một Dòng hai về an toàn.");
    }

    #[test]
    fn collapses_whitespace_as_split_whitespace_does() {
        let cases = [
            "",
            " ",
            "a",
            "  a  b ",
            "a\n\n b\t\x0Bc\x0C",
            "ngày\u{A0}mười\u{2003}chín\u{3000}",
            "\u{85}x\u{2028}y\u{200B}z",
            "đã  xong\r\n",
            "a b",
            "a b  c d",
            " a b c ",
            "tai nạn lao động\nan toàn \u{A0}vệ sinh",
            "x \u{2003}y",
            "x\u{2003} y",
            "x \ny",
        ];
        for text in cases {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_whitespace(text), expected, "{text:?}");
        }
    }

    #[test]
    fn doc_files_hold_a_few_pages_each_in_id_order() {
        let paths: Vec<String> = (0..DOCS_PER_FILE + 2).map(|i| format!("/p{i}/")).collect();
        let docs: Vec<Doc> = paths.iter().map(|p| doc(p, "T", "", "")).collect();
        let files = index(&docs);
        let first = file(&files, "tim-kiem/docs/0.json");
        let second = file(&files, "tim-kiem/docs/1.json");
        let urls = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .expect("an array of pages")
                .iter()
                .map(|d| d["url"].as_str().expect("url").to_owned())
                .collect()
        };
        assert_eq!(urls(&first), &paths[..DOCS_PER_FILE]);
        assert_eq!(urls(&second), &paths[DOCS_PER_FILE..]);
        assert!(files.iter().all(|(p, _)| p != "tim-kiem/docs/2.json"));
    }

    #[test]
    fn index_is_the_same_bytes_every_time() {
        let docs = [
            doc("/a/", "An toàn lao động", "Vệ sinh", "Tai nạn, tai nạn."),
            doc("/b/", "Phòng cháy", "", "An toàn điện; Đường dây nóng."),
        ];
        let first = index(&docs);
        for _ in 0..5 {
            assert_eq!(index(&docs), first);
        }
    }
}
