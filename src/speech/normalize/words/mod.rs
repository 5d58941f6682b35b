//! Rules for a token that starts with a letter: a Roman numeral heading ("I. MỤC
//! ĐÍCH"), a Roman numeral after a word that counts ("Quý II", "khóa XVI"), glossary
//! abbreviations with their modes, unit symbols standing alone, all-caps words that are
//! ordinary words, and all-caps tokens or codes the glossary does not know (spelled
//! with letter names and reported). Any other word is kept as written.

mod abbreviations;
mod roman;

use super::context::{char_at, digits_at, skip_spaces, starts_token, word_at};
use super::numbers::{self, ends_number};
use super::{DoubtKind, Reader, Said};
use abbreviations::{caps_or_code, glossary_entry};
use roman::{roman_after_counting_word, roman_heading, roman_in_list, roman_list_start};

pub(super) use abbreviations::entry_at;

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

/// Words that join the items of a list: "Quý I và II", "Thứ 2 đến CN".
const LIST_JOINERS: [&str; 4] = ["và", "đến", "hoặc", "tới"];

/// "3x4 m", "3 x 4 m": an 'x' between two numbers is "nhân".
fn dimension_sign(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let is_x = matches!(char_at(text, pos), Some('x' | 'X'));
    let next = char_at(text, skip_spaces(text, pos + 1));
    let between_numbers =
        reader.number_just_before(pos) && next.is_some_and(|c| c.is_ascii_digit());
    (is_x && between_numbers).then(|| Said::other(pos + 1, " nhân "))
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
