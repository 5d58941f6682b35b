//! Rules for a token that starts with a digit: document numbers, phone numbers, call
//! numbers, clock times, dates and day ranges, month/year, ratios, and finally any
//! quantity (integer, decimal, thousands, with a unit, percent or currency after it).
//! Each rule looks at the written text around the digits; the last one always
//! matches, so no digit is ever left unsaid.

mod dates;
mod digits;
mod quantity;

use self::dates::{clock_time, dashed_day_month, date, day_range, month_year, ratio};
use self::digits::{call_number, emergency_number, licence_plate, phone_number};
use self::quantity::quantity;
use super::context::{
    char_at, digits_at, is_one_of, is_word_char, skip_one_space, word_at, word_before,
};
use super::numerals::cardinal;
use super::{Reader, Said};

pub(super) use self::digits::{DigitGroups, phone_groups, say_digit_groups, say_digits};
pub(super) use self::quantity::{MAGNITUDES, cardinal_or_digits, unit_with_per};

type Rule = fn(&Reader, usize) -> Option<Said>;

/// Tried in order; the first that matches says the token.
const RULES: [Rule; 11] = [
    licence_plate,
    document_number,
    phone_number,
    call_number,
    emergency_number,
    clock_time,
    day_range,
    date,
    dashed_day_month,
    month_year,
    ratio,
];

/// Says the token starting with the digit at `pos`.
pub(super) fn say(reader: &Reader, pos: usize) -> Said {
    RULES
        .iter()
        .find_map(|rule| rule(reader, pos))
        .unwrap_or_else(|| quantity(reader, pos))
}

/// "52/KH-UBND", "31-CT/TW", "12/2022/NĐ-CP": the number, plus "năm YYYY" when the
/// reference holds a year; the letter code is dropped. A weekday is never one ("Thứ
/// 2-CN").
fn document_number(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let number = digits_at(text, pos);
    if number.len() > 6 || is_one_of(word_before(text, pos), &["thứ"]) {
        return None;
    }
    let mut at = pos + number.len();
    let year = document_year(text, at);
    at += year.map_or(0, |year| 1 + year.len());
    let code_start = match char_at(text, at)? {
        '/' => at + 1,
        '-' if year.is_none() => skip_one_space(text, at + 1),
        _ => return None,
    };
    let code_end = code_end(text, code_start)?;
    let mut said = cardinal(number)?;
    if let Some(year) = year {
        said = format!("{said} năm {}", cardinal(year)?);
    }
    Some(Said::number(code_end, said))
}

/// The "/YYYY" of "12/2022/NĐ-CP", when another '/' follows it.
fn document_year(text: &str, at: usize) -> Option<&str> {
    if char_at(text, at) != Some('/') {
        return None;
    }
    let year = digits_at(text, at + 1);
    (year.len() == 4 && char_at(text, at + 5) == Some('/')).then_some(year)
}

/// The end of a document code such as "KH-UBND", "CT/TW" or "QĐ-TTg": a part in
/// capitals, then any parts joined by '-', '/' or '&'.
fn code_end(text: &str, start: usize) -> Option<usize> {
    let first = word_at(text, start);
    let is_code = first.chars().count() >= 2
        && first.chars().next().is_some_and(char::is_uppercase)
        && first
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    if !is_code {
        return None;
    }
    let mut end = start + first.len();
    while let Some('-' | '/' | '&') = char_at(text, end) {
        let part = word_at(text, end + 1);
        if part.is_empty() {
            break;
        }
        end += 1 + part.len();
    }
    Some(end)
}

/// Whether a number may end at `end`: not inside a longer number ("4,5", "1/2") or
/// word.
pub(super) fn ends_number(text: &str, end: usize) -> bool {
    match char_at(text, end) {
        None => true,
        Some(c) if is_word_char(c) || c == '%' || c == '/' => false,
        Some('.' | ',' | ':' | '-') => !char_at(text, end + 1).is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}
