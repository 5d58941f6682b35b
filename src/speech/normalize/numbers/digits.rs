//! Numbers read digit by digit: phone numbers, numbers after a call word, licence
//! plates and the emergency numbers (unless the text shows they count something).

use super::super::context::{
    char_at, digits_at, is_one_of, skip_one_space, word_after, word_at, word_before, words_before,
};
use super::super::{Reader, Said, SaidKind};
use super::ends_number;
use super::quantity::unit_symbol_at;
use crate::speech::Glossary;

/// Phone numbers, digit by digit with a pause at each written separator.
pub(super) fn phone_number(reader: &Reader, pos: usize) -> Option<Said> {
    let (end, groups) = phone_groups(reader.text, pos)?;
    Some(Said::number(
        end,
        say_digit_groups(reader.glossary, &groups),
    ))
}

/// The digit groups of a phone number at `pos`: "0225.3842.123", "0912 345 678",
/// "0987654321" (a leading 0 and 9 to 11 digits) or "1900 9068" (a 1800/1900 service
/// number of 8 to 10 digits).
pub(in crate::speech::normalize) fn phone_groups(
    text: &str,
    pos: usize,
) -> Option<(usize, Vec<&str>)> {
    let groups = DigitGroups::at(text, pos, 11);
    let first = groups.groups.first().copied().unwrap_or_default();
    let local = first.starts_with('0') && first.len() >= 3 && (9..=11).contains(&groups.total);
    let service = (first.starts_with("1800") || first.starts_with("1900"))
        && !groups.dashed
        && (8..=10).contains(&groups.total);
    ((local || service) && ends_number(text, groups.end)).then_some((groups.end, groups.groups))
}

/// Digit groups separated by one '.', space or '-': "0225.3842.123".
pub(in crate::speech::normalize) struct DigitGroups<'t> {
    pub(in crate::speech::normalize) groups: Vec<&'t str>,
    pub(in crate::speech::normalize) end: usize,
    pub(in crate::speech::normalize) total: usize,
    /// Whether a '-' separates two groups (a year range is never a service number).
    pub(in crate::speech::normalize) dashed: bool,
}

impl<'t> DigitGroups<'t> {
    /// The groups at `pos`, stopping before `max_digits` would be passed.
    pub(in crate::speech::normalize) fn at(
        text: &'t str,
        pos: usize,
        max_digits: usize,
    ) -> DigitGroups<'t> {
        let first = digits_at(text, pos);
        let mut found = DigitGroups {
            groups: vec![first],
            end: pos + first.len(),
            total: first.len(),
            dashed: false,
        };
        while let Some(separator @ ('.' | ' ' | '-' | '\u{a0}')) = char_at(text, found.end) {
            let group = digits_at(text, found.end + separator.len_utf8());
            if group.is_empty() || found.total + group.len() > max_digits {
                break;
            }
            found.dashed |= separator == '-';
            found.groups.push(group);
            found.total += group.len();
            found.end += separator.len_utf8() + group.len();
        }
        found
    }
}

/// Each group digit by digit, the groups joined by a short pause.
pub(in crate::speech::normalize) fn say_digit_groups(
    glossary: &Glossary,
    groups: &[&str],
) -> String {
    groups
        .iter()
        .map(|group| say_digits(glossary, group))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Digits by their glossary names: "113" -> "một một ba".
pub(in crate::speech::normalize) fn say_digits(glossary: &Glossary, digits: &str) -> String {
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| glossary.digit_name(b - b'0'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "gọi 113": after a call word a number of three or more digits is read digit by
/// digit, and so is each next number of a list ("gọi 113, 114 hoặc 115").
pub(super) fn call_number(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let digits = digits_at(text, pos);
    let end = pos + digits.len();
    let called = after_call_word(text, pos) || continues_call_list(reader, pos);
    ((3..=12).contains(&digits.len()) && ends_number(text, end) && called).then(|| {
        Said::new(
            end,
            say_digits(reader.glossary, digits),
            SaidKind::CallNumber,
        )
    })
}

/// Words that may stand between a call word and its number: "gọi ngay số 113".
const CALL_FILLERS: [&str; 9] = [
    "số", "ngay", "đến", "tới", "máy", "khẩn", "cấp", "miễn", "phí",
];

fn after_call_word(text: &str, pos: usize) -> bool {
    let words: Vec<String> = words_before(text, pos, 6, &[':'])
        .into_iter()
        .map(str::to_lowercase)
        .collect();
    for (i, word) in words.iter().enumerate() {
        if is_call_word(word, words.get(i + 1).map(String::as_str)) {
            return true;
        }
        if !CALL_FILLERS.contains(&word.as_str()) {
            return false;
        }
    }
    false
}

/// gọi (but not "kêu gọi", to appeal), hotline, SĐT, ĐT, tổng đài, (đường) dây nóng,
/// điện thoại.
fn is_call_word(word: &str, before: Option<&str>) -> bool {
    match (word, before) {
        ("gọi", before) => before != Some("kêu"),
        ("hotline" | "sđt" | "đt", _) => true,
        ("đài", Some("tổng")) | ("nóng", Some("dây")) | ("thoại", Some("điện")) => true,
        _ => false,
    }
}

/// Whether only list separators (commas, "hoặc", "và", "hay") stand between the last
/// call number and `pos`.
fn continues_call_list(reader: &Reader, pos: usize) -> bool {
    let Some(gap) = reader
        .last_call_end
        .and_then(|end| reader.text.get(end..pos))
    else {
        return false;
    };
    !gap.is_empty()
        && gap
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .all(|word| word.is_empty() || is_one_of(Some(word), &["hoặc", "và", "hay"]))
}

/// "29A-12345", "15C-123.45", "29LD-123.45": the province code digit by digit, the
/// series by letter names, a pause, then the serial digit by digit ("hai chín a, một
/// hai ba bốn năm"); the dot inside a serial is not read.
pub(super) fn licence_plate(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let province = digits_at(text, pos);
    if province.len() != 2 || !super::super::context::starts_token(text, pos) {
        return None;
    }
    let series_start = pos + 2;
    let series = word_at(text, series_start);
    let letters = series.chars().take_while(char::is_ascii_uppercase).count();
    let tail = &series[letters..];
    let series_ok =
        (1..=2).contains(&letters) && tail.len() <= 1 && tail.bytes().all(|b| b.is_ascii_digit());
    let dash = series_start + series.len();
    if !series_ok || char_at(text, dash) != Some('-') {
        return None;
    }
    let first = digits_at(text, dash + 1);
    let mut end = dash + 1 + first.len();
    let mut serial = first.to_string();
    if first.len() == 3 && char_at(text, end) == Some('.') && digits_at(text, end + 1).len() == 2 {
        serial.push_str(digits_at(text, end + 1));
        end += 3;
    }
    if !(4..=5).contains(&serial.len()) || !ends_number(text, end) {
        return None;
    }
    let said = format!(
        "{} {}, {}",
        say_digits(reader.glossary, province),
        reader.glossary.spell(series),
        say_digits(reader.glossary, &serial)
    );
    Some(Said::other(end, said))
}

/// The emergency numbers: 111 (child protection), 112 (rescue), 113 (police), 114
/// (fire), 115 (ambulance).
const EMERGENCY: [&str; 5] = ["111", "112", "113", "114", "115"];

/// An emergency number is said digit by digit wherever it stands ("Các số khẩn cấp:
/// 113, 114, 115", "113/114/115", "115 cấp cứu"), unless the text shows it counts
/// something: a quantity word before it ("có 115 hộ") or a counted noun or unit after
/// it ("115 doanh nghiệp", "113 km"). "113/114/115" is a list.
pub(super) fn emergency_number(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let first = digits_at(text, pos);
    if !EMERGENCY.contains(&first) || counts_something(reader, pos, pos + first.len()) {
        return None;
    }
    let mut numbers = vec![first];
    let mut end = pos + first.len();
    while char_at(text, end) == Some('/') {
        let next = digits_at(text, end + 1);
        if !EMERGENCY.contains(&next) {
            return None;
        }
        numbers.push(next);
        end += 1 + next.len();
    }
    if !ends_number(text, end) {
        return None;
    }
    let said: Vec<String> = numbers
        .iter()
        .map(|number| say_digits(reader.glossary, number))
        .collect();
    Some(Said::new(end, said.join(", "), SaidKind::CallNumber))
}

/// Words before a number that make it a quantity.
const QUANTITY_WORDS: [&str; 18] = [
    "có", "khoảng", "gần", "hơn", "trên", "dưới", "tổng", "đạt", "chiếm", "được", "thêm", "mất",
    "tăng", "giảm", "thứ", "lần", "những", "các",
];

/// Nouns counted after a number (and magnitudes): "115 doanh nghiệp", "113 triệu".
const COUNTED_WORDS: [&str; 34] = [
    "người",
    "doanh",
    "vụ",
    "hộ",
    "cơ",
    "công",
    "lao",
    "trường",
    "đơn",
    "lượt",
    "buổi",
    "ngày",
    "tháng",
    "năm",
    "giờ",
    "phút",
    "giây",
    "triệu",
    "nghìn",
    "ngàn",
    "tỷ",
    "tỉ",
    "đồng",
    "học",
    "xã",
    "phường",
    "tỉnh",
    "lớp",
    "cán",
    "hội",
    "bài",
    "cuộc",
    "trang",
    "nhà",
];

fn counts_something(reader: &Reader, pos: usize, end: usize) -> bool {
    let text = reader.text;
    let next = word_after(text, end);
    let after_is_counted = next.chars().next().is_some_and(char::is_lowercase)
        && is_one_of(Some(next), &COUNTED_WORDS);
    let unit_after = unit_symbol_at(reader, skip_one_space(text, end)).is_some()
        || char_at(text, end).is_some_and(|c| c == '%' || c == 'đ');
    is_one_of(word_before(text, pos), &QUANTITY_WORDS) || after_is_counted || unit_after
}
