//! Telling an all-caps word from an abbreviation. "MỤC ĐÍCH" in a heading, or "NGHIÊM
//! CẤM" written for emphasis, are ordinary words that happen to be in capitals; "TNLĐ"
//! is an abbreviation. A written Vietnamese word is one syllable with a known shape
//! (onset, vowels, final consonant), which initials almost never have. This module
//! decides which capitalised words are read as words; the glossary decides the rest.

use std::collections::BTreeSet;

use unicode_normalization::UnicodeNormalization;

use super::context::is_word_char;
use crate::speech::Glossary;

/// Syllable onsets, longest first so "ngh" is tried before "ng" and "n".
const ONSETS: [&str; 28] = [
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

const VOWELS: &str = "aăâeêioôơuưy";

const CODAS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// The combining tone marks (huyền, sắc, ngã, hỏi, nặng), which do not change a
/// syllable's shape.
const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// How the capitalised words of one line are to be read.
#[derive(Debug, Default)]
pub(crate) struct Capitals {
    /// Byte offsets of all-caps words read as ordinary (lowercased) words.
    plain: BTreeSet<usize>,
}

impl Capitals {
    /// Finds the all-caps words of `text` that are ordinary words: every one in a line
    /// written wholly in capitals, and elsewhere those with Vietnamese diacritics or
    /// standing next to another one.
    pub(crate) fn find(text: &str, glossary: &Glossary) -> Capitals {
        let words = letter_words(text);
        let candidates: Vec<bool> = words
            .iter()
            .map(|(_, word)| {
                (is_caps(word) || is_accented_capital(word))
                    && is_syllable(word)
                    && !glossary.knows(word)
            })
            .collect();
        let shouting = is_shouting(&words, &candidates, glossary);
        let next_to_candidate = |i: usize| {
            (i > 0 && candidates[i - 1]) || candidates.get(i + 1).copied().unwrap_or(false)
        };
        let plain = words
            .iter()
            .enumerate()
            .filter(|&(i, (_, word))| {
                candidates[i] && (shouting || !word.is_ascii() || next_to_candidate(i))
            })
            .map(|(_, (offset, _))| *offset)
            .collect();
        Capitals { plain }
    }

    /// Whether the all-caps word at `offset` is read as an ordinary word.
    pub(crate) fn is_plain_word(&self, offset: usize) -> bool {
        self.plain.contains(&offset)
    }
}

/// A line is written in capitals when it has a capitalised word and no word with a
/// lowercase letter, apart from glossary keys and unit symbols (TTg, kV).
fn is_shouting(words: &[(usize, &str)], candidates: &[bool], glossary: &Glossary) -> bool {
    candidates.iter().any(|&c| c)
        && words
            .iter()
            .all(|(_, word)| !word.chars().any(char::is_lowercase) || glossary.knows(word))
}

/// Whether the word has at least two letters and all of them are capitals.
pub(crate) fn is_caps(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let all_upper = letters.clone().all(char::is_uppercase);
    all_upper && letters.nth(1).is_some()
}

/// A one-letter word with a diacritic in capitals ("Ý", "Ở"): a word, not an initial.
fn is_accented_capital(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase() && !c.is_ascii())
}

/// Whether the word has the shape of one Vietnamese syllable, ignoring case and tone.
pub(crate) fn is_syllable(word: &str) -> bool {
    let base: String = word
        .nfd()
        .filter(|c| !TONE_MARKS.contains(c))
        .nfc()
        .flat_map(char::to_lowercase)
        .collect();
    ONSETS
        .iter()
        .filter_map(|onset| base.strip_prefix(onset))
        .any(is_rhyme)
}

/// One to three vowels (no vowel doubled, except "oo" as in "xoong") followed by a
/// final consonant (or none).
fn is_rhyme(rest: &str) -> bool {
    let vowel_bytes: usize = rest
        .chars()
        .take_while(|&c| VOWELS.contains(c))
        .map(char::len_utf8)
        .sum();
    let vowels = &rest[..vowel_bytes];
    let doubled = vowels
        .chars()
        .zip(vowels.chars().skip(1))
        .any(|(a, b)| a == b && a != 'o');
    (1..=3).contains(&vowels.chars().count()) && !doubled && CODAS.contains(&&rest[vowel_bytes..])
}

/// The words made of letters only (no digits), with their byte offsets.
fn letter_words(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_word_char(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &text[s..i];
                if !word.chars().any(|c| c.is_numeric()) {
                    words.push((s, word));
                }
                start = None;
            }
            _ => {}
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_vietnamese_syllables() {
        let words = [
            "MỤC", "ĐÍCH", "YÊU", "CẦU", "NGHIÊNG", "QUỐC", "GIÁ", "GÌ", "HOẠCH", "NỘI", "DUNG",
            "THỰC", "HIỆN", "KHUYẾN", "ƯU", "A",
        ];
        for word in words {
            assert!(is_syllable(word), "{word}");
        }
    }

    #[test]
    fn rejects_abbreviations_as_syllables() {
        let words = [
            "TNLĐ", "ATVSLĐ", "UBND", "HĐND", "BHXH", "CCCD", "VTV", "KCN", "DN", "ILO", "WHO",
            "TNLX", "UB", "HP", "COVID", "II", "III", "",
        ];
        for word in words {
            assert!(!is_syllable(word), "{word}");
        }
    }

    #[test]
    fn reads_heading_words_and_emphasis_as_words() {
        let glossary = Glossary::builtin();
        let cases: &[(&str, &[&str])] = &[
            ("I. MỤC ĐÍCH, YÊU CẦU", &["MỤC", "ĐÍCH", "YÊU", "CẦU"]),
            ("II. NỘI DUNG", &["NỘI", "DUNG"]),
            (
                "KẾ HOẠCH TUYÊN TRUYỀN ATVSLĐ",
                &["KẾ", "HOẠCH", "TUYÊN", "TRUYỀN"],
            ),
            ("NGHIÊM CẤM hút thuốc", &["NGHIÊM", "CẤM"]),
            ("Tổ chức BAN CHẤP HÀNH", &["BAN", "CHẤP", "HÀNH"]),
            ("Họp BAN hôm nay", &[]),
            ("Báo cáo TNLX và HTX", &[]),
            ("CHÚ Ý: CẤM LỬA", &["CHÚ", "Ý", "CẤM", "LỬA"]),
        ];
        for (text, expected) in cases {
            let capitals = Capitals::find(text, &glossary);
            let plain: Vec<&str> = letter_words(text)
                .into_iter()
                .filter(|(offset, _)| capitals.is_plain_word(*offset))
                .map(|(_, word)| word)
                .collect();
            assert_eq!(&plain, expected, "{text}");
        }
    }

    #[test]
    fn tells_capitals_from_mixed_case() {
        let cases = [
            ("UBND", true),
            ("TTg", false),
            ("A", false),
            ("VTV1", true),
            ("Hà", false),
        ];
        for (word, expected) in cases {
            assert_eq!(is_caps(word), expected, "{word}");
        }
    }
}
