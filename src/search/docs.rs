//! The page texts under `docs/`: a few pages to a file, in id order, fetched by the
//! script only for the results on screen.

use rayon::prelude::*;
use serde::Serialize;

use super::{DIR, DOCS_PER_FILE, Doc};
use crate::error::Result;
use crate::output::Sink;

#[derive(Serialize)]
struct DocFile<'a> {
    url: &'a str,
    title: &'a str,
    date: Option<String>,
    summary: &'a str,
    body: String,
}

/// Write the files under `docs/` into `sink`; returns their output paths.
pub(super) fn write(docs: &[Doc], sink: &dyn Sink) -> Result<Vec<String>> {
    docs.par_chunks(DOCS_PER_FILE)
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
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
