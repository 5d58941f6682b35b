//! Words as the search index keys them: where a word starts and ends, its folded form
//! and its spelling, and which words stand together as an adjacent pair.

use unicode_normalization::char::is_combining_mark;

use super::MAX_TOKEN_CHARS;
use crate::slug::fold;

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
pub(super) fn linked_words(text: &str) -> impl Iterator<Item = (&str, bool)> {
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

pub(super) fn token(word: &str) -> Option<Token> {
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
pub(super) fn pair_token(a: &Token, b: &Token) -> Token {
    Token {
        folded: format!("{} {}", a.folded, b.folded),
        spelling: format!("{} {}", a.spelling, b.spelling),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.folded).collect()
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
}
