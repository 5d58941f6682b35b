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

mod docs;
mod shards;
mod terms;
mod tokens;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::{Kind, Page, Site};
use crate::date::Date;
use crate::error::Result;
use crate::output::Sink;
use crate::speech::Glossary;
use crate::speech::glossary::Reading;
pub use shards::shard_file;
use shards::{ShardOf, shards};
use terms::{Terms, collect_terms};
use tokens::{linked_words, token};

/// Folder of the search page and its index in the output.
pub const DIR: &str = "tim-kiem";
/// Version of the index layout; the script refuses a manifest it does not know.
const FORMAT: u32 = 3;
/// Pages per file under `docs/`.
pub const DOCS_PER_FILE: usize = 6;
/// Longer "words" (long numbers, pasted identifiers) are left out of the index.
const MAX_TOKEN_CHARS: usize = 32;

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
    let mut written = docs::write(docs, sink)?;
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
    use super::shards::SHARD_BYTES;
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

    fn file(files: &[(String, Vec<u8>)], path: &str) -> serde_json::Value {
        let bytes = &files
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("no {path}"))
            .1;
        serde_json::from_slice(bytes).unwrap()
    }

    /// The keys the manifest lists under `list` (`shards` or `pair_shards`).
    fn shard_keys(files: &[(String, Vec<u8>)], list: &str) -> Vec<String> {
        let manifest = file(files, "tim-kiem/index.json");
        manifest[list]
            .as_array()
            .unwrap_or_else(|| panic!("no {list} in {manifest}"))
            .iter()
            .map(|v| v.as_str().expect("a shard key").to_owned())
            .collect()
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
        assert!(shard_keys(&files, "pair_shards").contains(&"ph".to_owned()));
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
        let keys = shard_keys(&files, "shards");
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
        let keys = shard_keys(&files, "shards");
        assert!(keys.contains(&"tai".to_owned()), "{keys:?}");
        assert!(!keys.contains(&"ta".to_owned()), "{keys:?}");
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
