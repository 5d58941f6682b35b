//! Rules for a token that starts with a letter: a Roman numeral heading ("I. MỤC
//! ĐÍCH"), a Roman numeral after a word that counts ("Quý II", "khóa XVI"), glossary
//! abbreviations with their modes, unit symbols standing alone, all-caps words that are
//! ordinary words, and all-caps tokens or codes the glossary does not know (spelled
//! with letter names and reported). Any other word is kept as written.

use super::capitals::is_caps;
use super::context::{
    at_line_start, char_at, digits_at, ends_token, is_one_of, is_word, is_word_char, skip_spaces,
    starts_token, word_at, word_before, words_before,
};
use super::numbers::{self, MAGNITUDES, ends_number, phone_groups, say_digits};
use super::numerals::{self, cardinal_value};
use super::{DoubtKind, Reader, Said, SaidKind};
use crate::speech::glossary::{ContextRule, Entry, Reading};

type Rule = fn(&Reader, usize) -> Option<Said>;

/// Tried in order; a word none of them takes is kept as written.
const RULES: [Rule; 12] = [
    web_address,
    email_address,
    roman_heading,
    roman_after_counting_word,
    roman_in_list,
    roman_list_start,
    dimension_sign,
    road_number,
    glossary_entry,
    unit_symbol,
    plain_caps,
    caps_or_code,
];

/// Says the token starting with the letter at `pos`.
pub(super) fn say(reader: &Reader, pos: usize) -> Said {
    RULES
        .iter()
        .find_map(|rule| rule(reader, pos))
        .unwrap_or_else(|| {
            let word = word_at(reader.text, pos);
            Said::other(pos + word.len(), word)
        })
}

/// "I. MỤC ĐÍCH" at the start of a line -> "Phần một. …" (IV is "Phần bốn": "phần tư"
/// would mean a quarter). Only I to XXXIX: "C." and "L." head lettered sections.
fn roman_heading(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    if !at_line_start(text, pos) {
        return None;
    }
    let token = word_at(text, pos);
    let value = roman_value(token).filter(|value| *value < 40)?;
    let dot = pos + token.len();
    let after = dot + 1;
    let heading =
        char_at(text, dot) == Some('.') && char_at(text, after).is_none_or(char::is_whitespace);
    heading.then(|| Said::other(after, format!("Phần {}.", cardinal_value(value))))
}

/// Words after which a Roman numeral counts something.
const COUNTING_WORDS: [&str; 22] = [
    "quý", "khóa", "khoá", "thứ", "phần", "chương", "mục", "đợt", "kỳ", "kì", "đoạn", "cấp",
    "hạng", "loại", "nhóm", "tập", "lục", "kỷ", "kỉ", "vùng", "vực", "bậc",
];

/// "Quý II/2025", "khóa XVI", "lần thứ XVII" (an ordinal after "thứ": I is nhất, IV
/// is tư).
fn roman_after_counting_word(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let token = word_at(text, pos);
    let value = roman_value(token)?;
    let before = word_before(text, pos)?;
    if !is_one_of(Some(before), &COUNTING_WORDS) {
        return None;
    }
    let mut said = if is_word(before, "thứ") {
        numerals::ordinal(value)
    } else {
        cardinal_value(value)
    };
    let mut end = pos + token.len();
    let year = digits_at(text, end + 1);
    if char_at(text, end) == Some('/') && year.len() == 4 && ends_number(text, end + 5) {
        said = format!("{said} năm {}", numbers::cardinal_or_digits(year));
        end += 5;
    }
    Some(Said::number(end, said))
}

/// "Quý I, II và III": a Roman numeral in a list after one read as a number.
fn roman_in_list(reader: &Reader, pos: usize) -> Option<Said> {
    let token = word_at(reader.text, pos);
    let value = roman_value(token)?;
    let gap = reader
        .last_number_end
        .and_then(|end| reader.text.get(end..pos))?;
    let is_list_gap = !gap.trim().is_empty()
        && gap
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '-' | '–'))
            .all(|word| word.is_empty() || is_one_of(Some(word), &LIST_JOINERS));
    is_list_gap.then(|| Said::number(pos + token.len(), cardinal_value(value)))
}

/// "3x4 m", "3 x 4 m": an 'x' between two numbers is "nhân".
fn dimension_sign(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let is_x = matches!(char_at(text, pos), Some('x' | 'X'));
    let next = char_at(text, skip_spaces(text, pos + 1));
    let between_numbers =
        reader.number_just_before(pos) && next.is_some_and(|c| c.is_ascii_digit());
    (is_x && between_numbers).then(|| Said::other(pos + 1, " nhân "))
}

/// The value of a Roman numeral written in canonical form, from I to XCIX.
pub(super) fn roman_value(token: &str) -> Option<u64> {
    if token.is_empty() || token.len() > 9 {
        return None;
    }
    let mut total: i64 = 0;
    let mut largest = 0;
    for c in token.chars().rev() {
        let value = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if value < largest {
            total -= value;
        } else {
            total += value;
            largest = value;
        }
    }
    let total = u64::try_from(total).ok().filter(|total| *total < 100)?;
    (to_roman(total) == token).then_some(total)
}

fn to_roman(mut value: u64) -> String {
    const NUMERALS: [(u64, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut roman = String::new();
    for (step, letters) in NUMERALS {
        while value >= step {
            roman.push_str(letters);
            value -= step;
        }
    }
    roman
}

/// A glossary abbreviation standing as a whole token, longest key first.
fn glossary_entry(reader: &Reader, pos: usize) -> Option<Said> {
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
pub(super) fn entry_at<'a>(reader: &Reader<'a>, pos: usize) -> Option<&'a Entry> {
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
        && !super::context::at_line_start(text, start)
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

const LIST_JOINERS: [&str; 4] = ["và", "đến", "hoặc", "tới"];

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

/// A unit symbol standing alone that cannot be a Vietnamese word: "km", "kg", "m2".
fn unit_symbol(reader: &Reader, pos: usize) -> Option<Said> {
    if !starts_token(reader.text, pos) {
        return None;
    }
    let (end, said) = numbers::unit_with_per(reader, pos)?;
    let symbol = reader.text.get(pos..end)?;
    let could_be_word = symbol.chars().all(char::is_lowercase)
        && symbol.chars().any(|c| "aăâeêioôơuưy".contains(c));
    (symbol.chars().count() >= 2 && !could_be_word).then(|| Said::other(end, said))
}

/// Road codes and how they are said.
const ROADS: [(&str, &str); 3] = [("QL", "quốc lộ"), ("ĐT", "đường tỉnh"), ("TL", "tỉnh lộ")];

/// "QL5", "QL 10B", "ĐT 351", "ĐT.353", "TL208": a road and its number, said as a
/// cardinal with its letter ("quốc lộ mười bê"). "ĐT" before a phone number
/// ("ĐT: 0225…", "ĐT 0912…", "ĐT 113") is left to the glossary (điện thoại).
fn road_number(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    if !starts_token(text, pos) {
        return None;
    }
    let token = word_at(text, pos);
    let (code, said) = ROADS
        .into_iter()
        .find(|(code, _)| token.starts_with(code))?;
    let mut at = pos + code.len();
    if token.len() == code.len() {
        match char_at(text, at) {
            Some('.') => at = super::context::skip_one_space(text, at + 1),
            Some(' ' | '\u{a0}') => at = super::context::skip_one_space(text, at),
            _ => return None,
        }
    }
    let number = digits_at(text, at);
    let mut end = at + number.len();
    let suffix = char_at(text, end).filter(char::is_ascii_uppercase);
    end += suffix.map_or(0, char::len_utf8);
    let emergency = code == "ĐT" && ["111", "112", "113", "114", "115"].contains(&number);
    if !(1..=3).contains(&number.len()) || emergency || !ends_number(text, end) {
        return None;
    }
    let mut spoken = format!("{said} {}", numbers::cardinal_or_digits(number));
    if let Some(letter) = suffix {
        spoken = format!("{spoken} {}", reader.glossary.spell(&letter.to_string()));
    }
    Some(Said::number(end, spoken))
}

/// "I, II, III", "II và III": a Roman numeral that starts a list of larger ones.
fn roman_list_start(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let token = word_at(text, pos);
    let value = roman_value(token).filter(|value| *value < 40)?;
    let mut at = skip_spaces(text, pos + token.len());
    match char_at(text, at) {
        Some(',' | ';') => at = skip_spaces(text, at + 1),
        _ if is_one_of(Some(word_at(text, at)), &LIST_JOINERS) => {
            at = skip_spaces(text, at + word_at(text, at).len());
        }
        _ => return None,
    }
    let next = roman_value(word_at(text, at))?;
    (next > value).then(|| Said::number(pos + token.len(), cardinal_value(value)))
}

/// The end of a web address at `pos` ("https://…", "www.…", "atvsld.gov.vn/…"),
/// without the punctuation that ends its sentence.
fn web_address_end(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    let token_len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"' | '<' | '>'))
        .unwrap_or(rest.len());
    let token = rest[..token_len].trim_end_matches(['.', ',', ';', ':', '!', '?']);
    let lower = token.to_ascii_lowercase();
    let scheme = lower.starts_with("http://") || lower.starts_with("https://");
    let host = lower.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    let domain = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            ["vn", "com", "org", "net", "gov", "edu", "info", "int"].contains(tld)
        })
        && host == token.split('/').next().unwrap_or("");
    (scheme || lower.starts_with("www.") || domain).then_some(pos + token.len())
}

/// A web address is not read: a listener cannot follow it, and an engine spells it in
/// English. It is left out and reported.
fn web_address(reader: &Reader, pos: usize) -> Option<Said> {
    if !starts_token(reader.text, pos) {
        return None;
    }
    let end = web_address_end(reader.text, pos)?;
    Some(Said::other(end, " ").doubting(DoubtKind::Url))
}

/// "atvsld@lechan.gov.vn": left out and reported, like a web address.
fn email_address(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    if !starts_token(text, pos) {
        return None;
    }
    let rest = text.get(pos..)?;
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | '@')))
        .unwrap_or(rest.len());
    let token = rest[..len].trim_end_matches('.');
    let (user, host) = token.split_once('@')?;
    let fits = !user.is_empty() && host.contains('.') && !host.starts_with('.');
    fits.then(|| Said::other(pos + token.len(), " ").doubting(DoubtKind::Email))
}

/// An all-caps word that is an ordinary word ("MỤC ĐÍCH"): lowercased.
fn plain_caps(reader: &Reader, pos: usize) -> Option<Said> {
    if !reader.capitals.is_plain_word(pos) {
        return None;
    }
    let word = word_at(reader.text, pos);
    Some(Said::other(pos + word.len(), word.to_lowercase()))
}

/// An all-caps token the glossary does not know ("TNLX" -> "tê nờ lờ ích", reported),
/// or a token mixing letters and digits ("VTV1" -> "vê tê vê một", "H2O").
fn caps_or_code(reader: &Reader, pos: usize) -> Option<Said> {
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
    fn reads_canonical_roman_numerals_only() {
        let cases = [
            ("I", Some(1)),
            ("IV", Some(4)),
            ("IX", Some(9)),
            ("XIV", Some(14)),
            ("XVII", Some(17)),
            ("XXI", Some(21)),
            ("XL", Some(40)),
            ("XCIX", Some(99)),
            ("LXXXIX", Some(89)),
            ("C", None),
            ("CCCXC", None),
            ("IIII", None),
            ("IC", None),
            ("VX", None),
            ("MM", None),
            ("", None),
            ("ABC", None),
            ("IIIIIIIIIIIIX", None),
        ];
        for (token, expected) in cases {
            assert_eq!(roman_value(token), expected, "{token}");
        }
    }

    #[test]
    fn splits_codes_into_letters_and_digits() {
        assert_eq!(split_letters_and_digits("VTV24"), ["VTV", "24"]);
        assert_eq!(split_letters_and_digits("H2O"), ["H", "2", "O"]);
        assert_eq!(split_letters_and_digits("F0"), ["F", "0"]);
        assert!(split_letters_and_digits("").is_empty());
    }
}
