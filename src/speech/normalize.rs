//! Vietnamese text normalization for a loudspeaker script: one line of written text in,
//! the words a northern (Hà Nội, Hải Phòng) announcer says out. Numbers, dates, times,
//! percentages, money, units, phone numbers, Roman numerals, document numbers and
//! abbreviations are written out; every other character is kept as written, and each
//! comma is a short pause.
//!
//! The text is read left to right. At each position a small set of rules is tried in
//! order: the ones for a token starting with a digit (`numbers`), with a letter
//! (`words`), or with another symbol (`symbols`); the first that matches says the
//! written span it covers. Context comes from the written words around the span (the
//! word before "4" decides between "tháng tư" and "bốn"), plus what the reader has just
//! said (a number before a dash makes the dash "đến"). All-caps words are told from
//! abbreviations by their syllable shape (`capitals`): "MỤC ĐÍCH" is read as words,
//! "TNLX" is spelled and reported. There is no table of known sentences. Markdown is
//! left to the `script` module, the abbreviations to the glossary.

mod capitals;
mod context;
mod numbers;
mod numerals;
mod symbols;
mod words;

#[cfg(test)]
mod tests;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{UnicodeNormalization, is_nfc};

use self::capitals::Capitals;
use self::context::char_at;
use crate::speech::Glossary;

pub(crate) use self::numerals::cardinal_value;

/// The spoken form of a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoken {
    /// The words to say, with the written punctuation kept as pauses.
    pub text: String,
    /// All-caps tokens the glossary does not know; they are spelled with letter names
    /// in `text`.
    pub unknown: Vec<UnknownToken>,
    /// What the reader could not say, or said by a guess an editor should confirm.
    pub doubts: Vec<Doubt>,
}

/// A written token that a script leaves out or reads by a guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doubt {
    pub kind: DoubtKind,
    /// The token as written, e.g. `https://atvsld.gov.vn` or `2/3`.
    pub token: String,
    /// Byte offset of the token in the input as given (NFC or not).
    pub offset: usize,
}

/// Why a token is doubtful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DoubtKind {
    /// A web address: left out (a listener cannot follow it).
    Url,
    /// An e-mail address: left out.
    Email,
    /// An emoji or pictograph: left out.
    Emoji,
    /// "d/m" with nothing around to tell a date from a fraction: read as a fraction.
    Slash,
    /// "12.5%": a decimal point typed the English way, read "phẩy".
    DecimalPoint,
    /// An abbreviation with two meanings and nothing around it to choose ("CP" outside
    /// a company name or a government context: read "Chính phủ").
    Abbreviation,
}

/// An all-caps token of two or more letters that the glossary does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownToken {
    /// The token as written, e.g. "TNLX".
    pub token: String,
    /// Byte offset of the token in the input as given (NFC or not).
    pub offset: usize,
}

/// Says one line or paragraph of written Vietnamese as a northern announcer would:
/// `"Khai mạc lúc 7h30 ngày 5/5"` -> `"Khai mạc lúc bảy giờ ba mươi phút ngày mồng năm
/// tháng năm"`.
pub fn speak(text: &str, glossary: &Glossary) -> Spoken {
    let composed = Composed::of(text);
    let mut spoken = Reader::new(&composed.text, glossary).read();
    for unknown in &mut spoken.unknown {
        unknown.offset = composed.original_offset(unknown.offset);
    }
    for doubt in &mut spoken.doubts {
        doubt.offset = composed.original_offset(doubt.offset);
    }
    spoken
}

/// The NFC form of a text, with a way back to offsets in the text as given.
struct Composed {
    text: String,
    /// (offset in `text`, offset in the original) at the start of each composed
    /// segment; empty when the original was NFC already.
    segments: Vec<(usize, usize)>,
}

impl Composed {
    fn of(original: &str) -> Composed {
        let text: String = original.nfc().collect();
        if is_nfc(original) {
            return Composed {
                text,
                segments: Vec::new(),
            };
        }
        let mut rebuilt = String::with_capacity(text.len());
        let mut segments = Vec::new();
        for (start, segment) in starter_segments(original) {
            segments.push((rebuilt.len(), start));
            rebuilt.extend(segment.nfc());
        }
        // Composition that crosses a starter (Hangul jamo) has no segment map: offsets
        // then stay in the composed text.
        let segments = if rebuilt == text {
            segments
        } else {
            Vec::new()
        };
        Composed { text, segments }
    }

    fn original_offset(&self, offset: usize) -> usize {
        let index = self
            .segments
            .partition_point(|&(composed, _)| composed <= offset);
        match index.checked_sub(1).and_then(|i| self.segments.get(i)) {
            Some(&(composed, original)) => original + (offset - composed),
            None => offset,
        }
    }
}

/// The text cut before each character with combining class 0, with byte offsets.
fn starter_segments(text: &str) -> Vec<(usize, &str)> {
    let mut starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| i == 0 || canonical_combining_class(c) == 0)
        .map(|(i, _)| i)
        .collect();
    starts.push(text.len());
    starts
        .windows(2)
        .map(|pair| (pair[0], &text[pair[0]..pair[1]]))
        .collect()
}

/// What one rule says for a written span.
#[derive(Debug)]
struct Said {
    /// Byte offset where the span ends.
    end: usize,
    /// The spoken words (or punctuation) for the span.
    text: String,
    kind: SaidKind,
    /// Set when the span is left out or read by a guess.
    doubt: Option<DoubtKind>,
}

#[derive(Debug, PartialEq, Eq)]
enum SaidKind {
    /// A number (or quantity) was said: a following dash may mean "đến".
    Number,
    /// A date was said: a number after "và" or a comma may be another date.
    Date,
    /// Digits read one by one after a call word: the next number in a list is too.
    CallNumber,
    /// An all-caps token the glossary does not know, spelled with letter names.
    Unknown,
    /// Anything else: words, punctuation, white space.
    Other,
}

impl Said {
    fn new(end: usize, text: impl Into<String>, kind: SaidKind) -> Said {
        Said {
            end,
            text: text.into(),
            kind,
            doubt: None,
        }
    }

    /// The same span, marked as left out or guessed.
    fn doubting(mut self, doubt: DoubtKind) -> Said {
        self.doubt = Some(doubt);
        self
    }

    fn other(end: usize, text: impl Into<String>) -> Said {
        Said::new(end, text, SaidKind::Other)
    }

    fn number(end: usize, text: impl Into<String>) -> Said {
        Said::new(end, text, SaidKind::Number)
    }
}

/// The state of reading one text.
struct Reader<'a> {
    text: &'a str,
    glossary: &'a Glossary,
    capitals: Capitals,
    /// What has been said so far.
    out: String,
    unknown: Vec<UnknownToken>,
    doubts: Vec<Doubt>,
    /// Where the last date said ended.
    last_date_end: Option<usize>,
    /// Where the last number said ended.
    last_number_end: Option<usize>,
    /// Where the last number read as call digits ended.
    last_call_end: Option<usize>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, glossary: &'a Glossary) -> Reader<'a> {
        Reader {
            text,
            glossary,
            capitals: Capitals::find(text, glossary),
            out: String::new(),
            unknown: Vec::new(),
            doubts: Vec::new(),
            last_date_end: None,
            last_number_end: None,
            last_call_end: None,
        }
    }

    fn read(mut self) -> Spoken {
        let mut pos = 0;
        while let Some(c) = char_at(self.text, pos) {
            let mut said = self.say_at(pos, c);
            if said.end <= pos {
                said = Said::other(pos + c.len_utf8(), c.to_string());
            }
            self.remember(&said, pos);
            self.push(&said, c);
            pos = said.end;
        }
        Spoken {
            text: tidy(&self.out),
            unknown: self.unknown,
            doubts: self.doubts,
        }
    }

    /// The first rule that says something at `pos`.
    fn say_at(&self, pos: usize, c: char) -> Said {
        if c.is_whitespace() {
            Said::other(context::skip_spaces(self.text, pos), " ")
        } else if c.is_ascii_digit() {
            numbers::say(self, pos)
        } else if c.is_alphabetic() {
            words::say(self, pos)
        } else {
            symbols::say(self, pos)
        }
    }

    fn remember(&mut self, said: &Said, start: usize) {
        if let Some(kind) = said.doubt {
            self.doubts.push(Doubt {
                kind,
                token: self
                    .text
                    .get(start..said.end)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                offset: start,
            });
        }
        match said.kind {
            SaidKind::Number => self.last_number_end = Some(said.end),
            SaidKind::Date => {
                self.last_number_end = Some(said.end);
                self.last_date_end = Some(said.end);
            }
            SaidKind::CallNumber => {
                self.last_number_end = Some(said.end);
                self.last_call_end = Some(said.end);
            }
            SaidKind::Unknown => self.unknown.push(UnknownToken {
                token: self
                    .text
                    .get(start..said.end)
                    .unwrap_or_default()
                    .to_string(),
                offset: start,
            }),
            SaidKind::Other => {}
        }
    }

    /// Appends a spoken piece, keeping words apart: a space goes between two pieces
    /// that would otherwise run together ("5A" -> "năm A"). A piece that starts a
    /// sentence is capitalised when its written token was (or was a number).
    fn push(&mut self, said: &Said, written_first: char) {
        let capitalise = (written_first.is_uppercase() || written_first.is_ascii_digit())
            && starts_sentence(&self.out);
        let piece = if capitalise {
            capitalise_first(&said.text)
        } else {
            said.text.clone()
        };
        let joins_words = self
            .out
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && piece.chars().next().is_some_and(char::is_alphanumeric);
        if joins_words {
            self.out.push(' ');
        }
        self.out.push_str(&piece);
    }

    /// Whether the last number said ends right before `pos`, with only white space
    /// between.
    fn number_just_before(&self, pos: usize) -> bool {
        self.last_number_end
            .and_then(|end| self.text.get(end..pos))
            .is_some_and(|gap| gap.trim().is_empty())
    }

    /// Whether only list words and separators ("và", ",", "đến", "-") stand between
    /// the last date said and `pos`: "ngày 1/5 và 2/5".
    fn continues_date_list(&self, pos: usize) -> bool {
        self.last_date_end
            .and_then(|end| self.text.get(end..pos))
            .is_some_and(|gap| {
                gap.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–'))
                    .all(|word| {
                        word.is_empty()
                            || context::is_one_of(Some(word), &["và", "hoặc", "đến", "tới"])
                    })
            })
    }
}

/// Whether the next word starts a sentence: nothing said yet, or a full stop before.
fn starts_sentence(out: &str) -> bool {
    out.trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?'))
}

/// The text with its first letter in capitals.
pub(crate) fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Collapses white space, takes it away before closing punctuation and after an
/// opening bracket, merges doubled commas (a comma before a full stop gives way), and
/// puts a space after a comma or colon that a word follows.
fn tidy(out: &str) -> String {
    let mut tidied = String::with_capacity(out.len());
    for c in out.split_whitespace().flat_map(|w| w.chars().chain([' '])) {
        match c {
            ',' | '.' | ';' | ':' | '!' | '?' | ')' | '…' if tidied.ends_with(' ') => {
                tidied.pop();
                push_unless_doubled_comma(&mut tidied, c);
            }
            ',' => push_unless_doubled_comma(&mut tidied, c),
            ' ' if tidied.ends_with('(') || tidied.is_empty() => {}
            _ if tidied.ends_with([',', ':']) && c.is_alphabetic() => {
                tidied.push(' ');
                tidied.push(c);
            }
            _ => tidied.push(c),
        }
    }
    drop_dangling_connectors(tidied.trim())
}

/// Words that only lead to what follows: left hanging when an address after them was
/// left out ("gọi 0225... hoặc [web address]" would end on "hoặc"). Not "tại" or "qua",
/// which end sentences of their own ("hiện tại.", "tuần qua.").
const CONNECTORS: [&str; 4] = ["hoặc", "và", "email", "website"];

/// Drop a connector (and its colon) that ends a sentence or the text.
fn drop_dangling_connectors(text: &str) -> String {
    let mut out = text.to_owned();
    loop {
        let found = CONNECTORS.iter().find_map(|word| {
            out.match_indices(word).find_map(|(i, _)| {
                let before = out[..i].chars().next_back();
                let rest = &out[i + word.len()..];
                let after = rest.trim_start_matches(':');
                let ends = after.is_empty() || after.starts_with(['.', ';', '!', '?']);
                (before == Some(' ') && ends)
                    .then(|| (i - 1, i + word.len() + rest.len() - after.len()))
            })
        });
        match found {
            Some((start, end)) => out.replace_range(start..end, ""),
            None => return out,
        }
    }
}

fn push_unless_doubled_comma(tidied: &mut String, c: char) {
    let last = tidied.trim_end().chars().next_back();
    match (last, c) {
        (Some(','), ',') => {}
        (Some(','), '.' | ';' | '!' | '?') => {
            let keep = tidied.trim_end().len() - 1;
            tidied.truncate(keep);
            tidied.push(c);
        }
        (None, ',') => {}
        _ => tidied.push(c),
    }
}

/// The number of spoken syllables: white-space separated words holding a letter or a
/// digit (one written Vietnamese syllable is one spoken syllable).
pub fn count_syllables(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}
