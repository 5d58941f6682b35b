//! Roman numerals: a heading ("I. MỤC ĐÍCH"), after a word that counts ("Quý II",
//! "khóa XVI", "lần thứ XVII"), and in lists ("Quý I, II và III").

use super::super::context::{
    at_line_start, char_at, digits_at, is_one_of, is_word, skip_spaces, word_at, word_before,
};
use super::super::numbers::{self, ends_number};
use super::super::numerals::{self, cardinal_value};
use super::super::{Reader, Said};
use super::LIST_JOINERS;

/// "I. MỤC ĐÍCH" at the start of a line -> "Phần một. …" (IV is "Phần bốn": "phần tư"
/// would mean a quarter). Only I to XXXIX: "C." and "L." head lettered sections.
pub(super) fn roman_heading(reader: &Reader, pos: usize) -> Option<Said> {
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
pub(super) fn roman_after_counting_word(reader: &Reader, pos: usize) -> Option<Said> {
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
pub(super) fn roman_in_list(reader: &Reader, pos: usize) -> Option<Said> {
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

/// "I, II, III", "II và III": a Roman numeral that starts a list of larger ones.
pub(super) fn roman_list_start(reader: &Reader, pos: usize) -> Option<Said> {
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
}
