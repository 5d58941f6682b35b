//! The shards of the index: folded words (or pairs) grouped by their first letters, one
//! JSON file per group, a group grown too big split by one more letter.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rayon::prelude::*;

use super::terms::{Postings, Terms};

/// Letters of the folded word that name its shard before any split.
const KEY_CHARS: usize = 2;
/// A shard bigger than this is split by one more letter.
pub(super) const SHARD_BYTES: usize = 96 * 1024;

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
pub(super) enum ShardOf {
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
pub(super) fn shards(terms: &Terms, kind: ShardOf) -> BTreeMap<String, String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
