//! Abbreviations: a glossary entry standing as a whole token, said by its mode and by
//! the words around it (a name, a date, a weekday, a phone number after it), and
//! all-caps tokens or codes the glossary does not know, spelled and reported.

use super::super::capitals::is_caps;
use super::super::context::{
    at_line_start, char_at, digits_at, ends_token, is_one_of, is_word, is_word_char, skip_spaces,
    starts_token, word_at, word_before, words_before,
};
use super::super::numbers::{self, MAGNITUDES, phone_groups, say_digits};
use super::super::{DoubtKind, Reader, Said, SaidKind};
use super::LIST_JOINERS;
use crate::speech::glossary::{ContextRule, Entry, Reading};

/// A glossary abbreviation standing as a whole token, longest key first.
pub(super) fn glossary_entry(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    if !starts_token(text, pos) {
        return None;
    }
    let entry = entry_at(reader, pos)?;
    let end = pos + entry.key.len();
    let said = Said::other(end, say_entry(reader, entry, pos, end));
    let company_rule = matches!(
        entry.reading,
        Reading::Context {
            rule: ContextRule::AfterCompany,
            ..
        }
    );
    let guessed = company_rule
        && !context_holds(reader, ContextRule::AfterCompany, pos, end)
        && !after_government_word(reader, pos);
    Some(if guessed {
        said.doubting(DoubtKind::Abbreviation)
    } else {
        said
    })
}

/// "Nghị định … CP", "Văn phòng CP", "Thủ tướng CP", "số 19 CP": where CP can only be
/// Chính phủ. Elsewhere it is read so and reported.
fn after_government_word(reader: &Reader, pos: usize) -> bool {
    let government = [
        "chính", "nghị", "định", "quyết", "tướng", "phòng", "chỉ", "thị", "tư", "nđ", "nq", "qđ",
        "ct", "ttg", "tt",
    ];
    reader.number_just_before(pos)
        || words_before(reader.text, pos, 2, &['-', '/'])
            .into_iter()
            .any(|word| is_one_of(Some(word), &government))
}

/// The glossary entry whose key stands as a whole token at `pos`, longest key first.
pub(in crate::speech::normalize) fn entry_at<'a>(
    reader: &Reader<'a>,
    pos: usize,
) -> Option<&'a Entry> {
    let rest = reader.text.get(pos..)?;
    reader
        .glossary
        .entries()
        .iter()
        .find(|entry| matches_key(rest, &entry.key))
}

/// Whether `rest` starts with `key` as a whole token ("TP." needs no boundary after
/// its period).
fn matches_key(rest: &str, key: &str) -> bool {
    let ends_in_symbol = key.chars().next_back().is_some_and(|c| !is_word_char(c));
    rest.starts_with(key) && (ends_in_symbol || ends_token(rest, key.len()))
}

fn say_entry(reader: &Reader, entry: &Entry, start: usize, end: usize) -> String {
    match &entry.reading {
        Reading::Expand(say) => keep_final_period(reader.text, &entry.key, end, say),
        Reading::Spell(spelled) => spelled.clone(),
        Reading::Code => reader.glossary.spell(&entry.key),
        Reading::Context {
            rule,
            say,
            otherwise,
        } => {
            if context_holds(reader, *rule, start, end) {
                say.clone()
            } else {
                otherwise.clone().unwrap_or_else(|| entry.key.clone())
            }
        }
    }
}

/// "…tại TP." at the very end: the period also ends the sentence, so it stays.
fn keep_final_period(text: &str, key: &str, end: usize, say: &str) -> String {
    let at_end = text.get(end..).is_some_and(|rest| rest.trim().is_empty());
    if key.ends_with('.') && at_end {
        format!("{say}.")
    } else {
        say.to_string()
    }
}

fn context_holds(reader: &Reader, rule: ContextRule, start: usize, end: usize) -> bool {
    let text = reader.text;
    match rule {
        ContextRule::AfterCompany => {
            let before: Vec<String> = words_before(text, start, 2, &[])
                .into_iter()
                .map(str::to_lowercase)
                .collect();
            before == ["ty", "công"] || before.first().is_some_and(|word| word == "cty")
        }
        ContextRule::BeforeName => before_name(text, start, end),
        ContextRule::Weekday => date_follows(text, end) || next_to_weekday(text, start, end),
        ContextRule::BeforePhone => phone_follows(text, end),
        ContextRule::AfterNumber => {
            reader.number_just_before(start)
                || reader.number_just_before(magnitude_start(text, start))
        }
        ContextRule::Unknown => false,
    }
}

/// Where "triệu" starts in "5 triệu đ" (at the "đ"); `start` itself when no magnitude
/// word stands before it.
fn magnitude_start(text: &str, start: usize) -> usize {
    match word_before(text, start) {
        Some(word) if is_one_of(Some(word), &MAGNITUDES) => text
            .get(..start)
            .map_or(start, |before| before.trim_end().len() - word.len()),
        _ => start,
    }
}

/// "TS. Nguyễn Văn An", "P. Hàng Kênh", "Q.1": a capital letter or a number right
/// after; a one-letter key ("P.") must not follow a capitalised word, where it would be
/// a person's initial ("Nguyễn Văn P. Hùng").
fn before_name(text: &str, start: usize, end: usize) -> bool {
    let next = char_at(text, skip_spaces(text, end));
    let name_follows = next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let key_letters = text
        .get(start..end)
        .map_or(0, |key| key.chars().filter(|c| c.is_alphabetic()).count());
    let after_name = key_letters == 1
        && words_before(text, start, 1, &[])
            .first()
            .is_some_and(|word| is_name_word(word))
        && !at_line_start(text, start)
        && !matches!(
            text.get(..start)
                .and_then(|before| before.trim_end().chars().next_back()),
            Some('.' | '!' | '?' | ',' | ':' | ';' | '(')
        );
    name_follows && !after_name
}

/// A word written as part of a name: a capital, then small letters ("Văn", not "UBND").
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// "CN, ngày 18/5" or "CN 18/5": a date right after.
fn date_follows(text: &str, end: usize) -> bool {
    let mut at = skip_spaces(text, end);
    if char_at(text, at) == Some(',') {
        at = skip_spaces(text, at + 1);
    }
    let day = digits_at(text, at);
    is_word(word_at(text, at), "ngày")
        || ((1..=2).contains(&day.len()) && char_at(text, at + day.len()) == Some('/'))
}

const WEEKDAYS: [&str; 12] = [
    "2", "3", "4", "5", "6", "7", "hai", "ba", "tư", "năm", "sáu", "bảy",
];

/// "Thứ 7 và CN", "từ Thứ 2 đến CN", "CN và Thứ 2": a weekday in the same list.
fn next_to_weekday(text: &str, start: usize, end: usize) -> bool {
    let separators = [',', '-', '–', ';'];
    let mut before = words_before(text, start, 3, &separators);
    if before
        .first()
        .is_some_and(|w| is_one_of(Some(w), &LIST_JOINERS))
    {
        before.remove(0);
    }
    let weekday_before = is_one_of(before.first().copied(), &WEEKDAYS)
        && before.get(1).is_some_and(|w| is_word(w, "thứ"));
    let mut at = skip_separators(text, end, &separators);
    if is_one_of(Some(word_at(text, at)), &LIST_JOINERS) {
        at = skip_separators(text, at + word_at(text, at).len(), &separators);
    }
    weekday_before || is_word(word_at(text, at), "thứ")
}

fn skip_separators(text: &str, pos: usize, separators: &[char]) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace() && !separators.contains(&c))
        .map_or(rest.len(), |(i, _)| i);
    pos + len
}

/// "ĐT: 0225.3842.123", "ĐT 113": a phone number right after.
fn phone_follows(text: &str, end: usize) -> bool {
    let mut at = skip_spaces(text, end);
    let colon = char_at(text, at) == Some(':');
    if colon {
        at = skip_spaces(text, at + 1);
    }
    if matches!(char_at(text, at), Some('+' | '(')) {
        at += 1;
    }
    let digits = digits_at(text, at);
    let emergency = ["111", "112", "113", "114", "115"].contains(&digits);
    phone_groups(text, at).is_some()
        || digits.len() >= 4
        || (digits.len() == 3 && (colon || emergency))
}

/// An all-caps token the glossary does not know ("TNLX" -> "tê nờ lờ ích", reported),
/// or a token mixing letters and digits ("VTV1" -> "vê tê vê một", "H2O").
pub(super) fn caps_or_code(reader: &Reader, pos: usize) -> Option<Said> {
    let token = word_at(reader.text, pos);
    let has_digit = token.bytes().any(|b| b.is_ascii_digit());
    if !has_digit && !is_caps(token) {
        return None;
    }
    let parts: Vec<(String, bool)> = split_letters_and_digits(token)
        .into_iter()
        .map(|part| say_code_part(reader, part, token))
        .collect();
    let unknown = parts.iter().any(|(_, unknown)| *unknown);
    let said: Vec<String> = parts.into_iter().map(|(said, _)| said).collect();
    let kind = if unknown {
        SaidKind::Unknown
    } else {
        SaidKind::Other
    };
    Some(Said::new(pos + token.len(), said.join(" "), kind))
}

/// One run of a code: its spoken form, and whether it is an unknown all-caps
/// abbreviation.
fn say_code_part(reader: &Reader, part: &str, token: &str) -> (String, bool) {
    let glossary = reader.glossary;
    if part.bytes().all(|b| b.is_ascii_digit()) {
        let code_like = token.chars().any(char::is_uppercase);
        return if code_like {
            (say_digits(glossary, part), false)
        } else {
            (numbers::cardinal_or_digits(part), false)
        };
    }
    if let Some(entry) = glossary.entry(part) {
        return (say_entry_alone(reader, entry), false);
    }
    let letters = part.chars().filter(|c| c.is_alphabetic());
    if !part.chars().any(char::is_lowercase) {
        return (glossary.spell(part), letters.count() >= 2);
    }
    (part.to_string(), false)
}

/// An entry inside a code, with no context around it.
fn say_entry_alone(reader: &Reader, entry: &Entry) -> String {
    match &entry.reading {
        Reading::Expand(say) | Reading::Spell(say) => say.clone(),
        Reading::Code => reader.glossary.spell(&entry.key),
        Reading::Context { otherwise, .. } => otherwise
            .clone()
            .unwrap_or_else(|| reader.glossary.spell(&entry.key)),
    }
}

/// "VTV24" -> ["VTV", "24"].
fn split_letters_and_digits(token: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut previous_digit = None;
    for (i, c) in token.char_indices() {
        let digit = c.is_ascii_digit();
        if previous_digit.is_some_and(|previous| previous != digit) {
            parts.push(&token[start..i]);
            start = i;
        }
        previous_digit = Some(digit);
    }
    if start < token.len() {
        parts.push(&token[start..]);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_codes_into_letters_and_digits() {
        assert_eq!(split_letters_and_digits("VTV24"), ["VTV", "24"]);
        assert_eq!(split_letters_and_digits("H2O"), ["H", "2", "O"]);
        assert_eq!(split_letters_and_digits("F0"), ["F", "0"]);
        assert!(split_letters_and_digits("").is_empty());
    }
}
