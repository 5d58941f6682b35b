//! Rules for a token that starts with a digit: document numbers, phone numbers, call
//! numbers, clock times, dates and day ranges, month/year, ratios, and finally any
//! quantity (integer, decimal, thousands, with a unit, percent or currency after it).
//! Each rule looks at the written text around the digits; the last one always
//! matches, so no digit is ever left unsaid.

use super::context::{
    char_at, digits_at, ends_token, is_one_of, is_word, is_word_char, skip_one_space, skip_spaces,
    word_after, word_at, word_before, words_before,
};
use super::numerals::{self, cardinal, parse_value};
use super::{DoubtKind, Reader, Said, SaidKind};
use crate::speech::Glossary;

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

/// Phone numbers, digit by digit with a pause at each written separator.
fn phone_number(reader: &Reader, pos: usize) -> Option<Said> {
    let (end, groups) = phone_groups(reader.text, pos)?;
    Some(Said::number(
        end,
        say_digit_groups(reader.glossary, &groups),
    ))
}

/// The digit groups of a phone number at `pos`: "0225.3842.123", "0912 345 678",
/// "0987654321" (a leading 0 and 9 to 11 digits) or "1900 9068" (a 1800/1900 service
/// number of 8 to 10 digits).
pub(super) fn phone_groups(text: &str, pos: usize) -> Option<(usize, Vec<&str>)> {
    let groups = DigitGroups::at(text, pos, 11);
    let first = groups.groups.first().copied().unwrap_or_default();
    let local = first.starts_with('0') && first.len() >= 3 && (9..=11).contains(&groups.total);
    let service = (first.starts_with("1800") || first.starts_with("1900"))
        && !groups.dashed
        && (8..=10).contains(&groups.total);
    ((local || service) && ends_number(text, groups.end)).then_some((groups.end, groups.groups))
}

/// Digit groups separated by one '.', space or '-': "0225.3842.123".
pub(super) struct DigitGroups<'t> {
    pub(super) groups: Vec<&'t str>,
    pub(super) end: usize,
    pub(super) total: usize,
    /// Whether a '-' separates two groups (a year range is never a service number).
    pub(super) dashed: bool,
}

impl<'t> DigitGroups<'t> {
    /// The groups at `pos`, stopping before `max_digits` would be passed.
    pub(super) fn at(text: &'t str, pos: usize, max_digits: usize) -> DigitGroups<'t> {
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
pub(super) fn say_digit_groups(glossary: &Glossary, groups: &[&str]) -> String {
    groups
        .iter()
        .map(|group| say_digits(glossary, group))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Digits by their glossary names: "113" -> "một một ba".
pub(super) fn say_digits(glossary: &Glossary, digits: &str) -> String {
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| glossary.digit_name(b - b'0'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// "gọi 113": after a call word a number of three or more digits is read digit by
/// digit, and so is each next number of a list ("gọi 113, 114 hoặc 115").
fn call_number(reader: &Reader, pos: usize) -> Option<Said> {
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
fn licence_plate(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let province = digits_at(text, pos);
    if province.len() != 2 || !super::context::starts_token(text, pos) {
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
fn emergency_number(reader: &Reader, pos: usize) -> Option<Said> {
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

/// "7h30", "6h00", "19h", "7g30", "14:00": hours, then minutes with "phút" when the
/// minutes are not zero.
fn clock_time(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let hour = digits_at(text, pos);
    let at = pos + hour.len();
    let minute = digits_at(text, at + 1);
    let (end, minute) = match char_at(text, at)? {
        'h' | 'g' | ':' if minute.len() == 2 => (at + 3, minute),
        'h' if minute.is_empty() => (at + 1, "0"),
        _ => return None,
    };
    let (hour, minute) = (parse_value(hour)?, parse_value(minute)?);
    if hour > 24 || minute > 59 || !ends_token(text, end) {
        return None;
    }
    Some(Said::number(end, say_time(hour, minute)))
}

fn say_time(hour: u64, minute: u64) -> String {
    let hour = numerals::cardinal_value(hour);
    match minute {
        0 => format!("{hour} giờ"),
        _ => format!("{hour} giờ {} phút", numerals::cardinal_value(minute)),
    }
}

/// A date as written: "19/3/2024", "20/12", "19-3-2024", "19.3.2024".
#[derive(Debug, Clone, Copy)]
struct WrittenDate {
    day: u64,
    month: u64,
    year: Option<u64>,
    end: usize,
}

impl WrittenDate {
    /// Parses a valid date at `pos`; '-' and '.' need a four-digit year.
    fn at(text: &str, pos: usize) -> Option<WrittenDate> {
        let day = digits_at(text, pos);
        let separator = char_at(text, pos + day.len()).filter(|c| matches!(c, '/' | '-' | '.'))?;
        let month = digits_at(text, pos + day.len() + 1);
        let mut end = pos + day.len() + 1 + month.len();
        let year = match char_at(text, end) {
            Some(c) if c == separator => Some(digits_at(text, end + 1)).filter(|y| y.len() == 4)?,
            _ if separator == '/' => "",
            _ => return None,
        };
        end += if year.is_empty() { 0 } else { 1 + year.len() };
        let date = WrittenDate {
            day: short_value(day)?,
            month: short_value(month)?,
            year: parse_value(year),
            end,
        };
        (date.is_valid() && ends_number(text, end)).then_some(date)
    }

    /// A date with a year only needs a day up to 31 and a month up to 12 ("29/2/2023"
    /// is a mistyped date, still read as one); without a year the day must exist in
    /// the month, or "31/4" is taken for a ratio.
    fn is_valid(&self) -> bool {
        if self.year.is_some() {
            return (1..=31).contains(&self.day) && (1..=12).contains(&self.month);
        }
        let days = match self.month {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => 0,
        };
        (1..=days).contains(&self.day)
    }

    /// "mồng một tháng năm năm hai nghìn …", with the day as given.
    fn say_from(&self, day: String) -> String {
        let month = numerals::month(self.month);
        match self.year {
            Some(year) => format!("{day} tháng {month} năm {}", numerals::cardinal_value(year)),
            None => format!("{day} tháng {month}"),
        }
    }
}

/// The value of a one- or two-digit number.
fn short_value(digits: &str) -> Option<u64> {
    (1..=2)
        .contains(&digits.len())
        .then(|| parse_value(digits))?
}

/// "ngày " before a date that lacks it; nothing after "ngày", "mồng" or "mùng".
fn date_lead(text: &str, pos: usize) -> &'static str {
    if is_one_of(word_before(text, pos), &["ngày", "mồng", "mùng"]) {
        ""
    } else {
        "ngày "
    }
}

/// The day of the month, with "mồng" for days 1 to 10 unless it is written already.
fn say_day(text: &str, pos: usize, day: u64) -> String {
    if is_one_of(word_before(text, pos), &["mồng", "mùng"]) {
        numerals::cardinal_value(day)
    } else {
        numerals::day(day)
    }
}

/// "19/3/2024" -> "ngày mười chín tháng ba năm …"; "20/12" -> "ngày hai mươi tháng
/// mười hai". Without a year, "d/m" is a date only when the text says so (see
/// [`slash_context`]) or when it cannot be a fraction (the day is not below the
/// month); "2/3 đã khắc phục" and "số 5/12" are left to `ratio`.
fn date(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let date = WrittenDate::at(text, pos)?;
    if date.year.is_none() {
        let is_date = match slash_context(reader, pos, date.end) {
            SlashContext::Date => !is_round_the_clock(text, pos, &date),
            SlashContext::NotDate => false,
            SlashContext::None => date.day >= date.month && !is_round_the_clock(text, pos, &date),
        };
        if !is_date {
            return None;
        }
    }
    let said = date.say_from(say_day(text, pos, date.day));
    Some(Said::new(
        date.end,
        format!("{}{said}", date_lead(text, pos)),
        SaidKind::Date,
    ))
}

/// What the words around a "d/m" say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlashContext {
    /// "ngày 5/12", "sáng 2/3", "Thứ 7, 5/12", "từ 1/5", "1/5 và 2/5".
    Date,
    /// A house or plot number ("số 5/12", "Lô 3/5") or a fraction ("chiếm 2/3",
    /// "1/3 số doanh nghiệp").
    NotDate,
    /// Nothing either way.
    None,
}

/// Words after which "d/m" is a day of the month ("Quốc khánh 2/9", "dịp 1/5",
/// "chậm nhất 3/12").
const DATE_WORDS: [&str; 22] = [
    "ngày", "mồng", "mùng", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "từ", "đến", "trước",
    "sau", "vào", "hạn", "lúc", "dịp", "lễ", "tết", "khánh", "niệm", "nhất",
];

/// Words after which "a/b" is a house, plot, room or class number: "số 5/12", "Lô 3/5",
/// "lớp 5/3".
const HOUSE_WORDS: [&str; 18] = [
    "số", "nhà", "lô", "tổ", "ngõ", "ngách", "hẻm", "kiệt", "phòng", "căn", "kiốt", "ki-ốt", "dãy",
    "thửa", "ô", "khu", "tầng", "lớp",
];

fn slash_context(reader: &Reader, pos: usize, end: usize) -> SlashContext {
    let text = reader.text;
    let before = word_before(text, pos);
    if is_one_of(before, &HOUSE_WORDS) || is_fraction_context(text, pos, end) {
        return SlashContext::NotDate;
    }
    let day_word_near = words_before(text, pos, 3, &[])
        .into_iter()
        .any(|word| is_one_of(Some(word), &["ngày", "mồng", "mùng"]));
    if is_one_of(before, &DATE_WORDS)
        || day_word_near
        || after_weekday(text, pos)
        || reader.continues_date_list(pos)
        || date_range_follows(text, end)
    {
        return SlashContext::Date;
    }
    SlashContext::None
}

/// "Thứ 7, 5/12", "CN 6/12", "Chủ nhật, 6/12".
fn after_weekday(text: &str, pos: usize) -> bool {
    let words = words_before(text, pos, 2, &[',']);
    match words.as_slice() {
        [last, before, ..] if is_word(before, "thứ") || is_word(before, "chủ") => {
            last.chars().all(|c| c.is_ascii_digit()) || is_word(last, "nhật") || last.len() <= 4
        }
        [last, ..] => *last == "CN",
        [] => false,
    }
}

/// "5/12 - 10/12", "2/3 đến 5/3": a range up to another date.
fn date_range_follows(text: &str, end: usize) -> bool {
    let mut at = skip_spaces(text, end);
    match char_at(text, at) {
        Some(c @ ('-' | '–')) => at += c.len_utf8(),
        _ if is_one_of(Some(word_at(text, at)), &["đến", "tới"]) => {
            at += word_at(text, at).len();
        }
        _ => return false,
    }
    WrittenDate::at(text, skip_spaces(text, at)).is_some()
}

/// "trực 24/7": round the clock, not the 24th of July (which has a word such as
/// "ngày" or "sáng" before it).
fn is_round_the_clock(text: &str, pos: usize, date: &WrittenDate) -> bool {
    let date_words = [
        "ngày", "mồng", "mùng", "sáng", "trưa", "chiều", "tối", "đêm", "hôm", "từ", "đến",
    ];
    date.day == 24 && date.month == 7 && !is_one_of(word_before(text, pos), &date_words)
}

/// "30-4", "20-11": a day and month joined by a dash, as the press writes holidays. A
/// date when the day is larger than the month (a range would go up) or shortly after
/// "lễ", "dịp" or "Tết" ("dịp lễ 30-4 và 1-5"); otherwise the dash is a range ("1-5
/// người").
fn dashed_day_month(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let day = digits_at(text, pos);
    let month_start = pos + day.len() + 1;
    if char_at(text, pos + day.len()) != Some('-') {
        return None;
    }
    let month = digits_at(text, month_start);
    let date = WrittenDate {
        day: short_value(day)?,
        month: short_value(month)?,
        year: None,
        end: month_start + month.len(),
    };
    let holiday = words_before(text, pos, 5, &[',', '-'])
        .into_iter()
        .any(|word| is_one_of(Some(word), &["lễ", "dịp", "tết"]));
    let fits = date.is_valid() && ends_number(text, date.end) && (date.day > date.month || holiday);
    fits.then(|| {
        let said = date.say_from(say_day(text, pos, date.day));
        Said::new(
            date.end,
            format!("{}{said}", date_lead(text, pos)),
            SaidKind::Date,
        )
    })
}

fn is_fraction_context(text: &str, pos: usize, end: usize) -> bool {
    let before = [
        "chiếm", "khoảng", "gần", "hơn", "đạt", "trên", "dưới", "tới", "có",
    ];
    is_one_of(word_before(text, pos), &before) || is_one_of(Some(word_after(text, end)), &["số"])
}

/// "1-31/5/2021" -> "mồng một đến ba mươi mốt tháng năm năm …": days of one month.
fn day_range(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let first = digits_at(text, pos);
    let dash = skip_spaces(text, pos + first.len());
    let dash_char = char_at(text, dash).filter(|c| matches!(c, '-' | '–'))?;
    let date = WrittenDate::at(text, skip_spaces(text, dash + dash_char.len_utf8()))?;
    let from = short_value(first).filter(|from| (1..date.day).contains(from))?;
    let said = format!(
        "{}{} đến {}",
        date_lead(text, pos),
        say_day(text, pos, from),
        date.say_from(numerals::day(date.day))
    );
    Some(Said::new(date.end, said, SaidKind::Date))
}

/// "tháng 5/2025", "Quý 2/2025", "số 12/2022" and a bare "5/2025" (a month): the
/// "/YYYY" is "năm YYYY".
fn month_year(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let first = digits_at(text, pos);
    let year_start = pos + first.len() + 1;
    let year = digits_at(text, year_start);
    let end = year_start + year.len();
    let year_value = parse_value(year).filter(|y| (1900..=2100).contains(y))?;
    if char_at(text, pos + first.len()) != Some('/') || year.len() != 4 || !ends_number(text, end) {
        return None;
    }
    let value = short_value(first);
    let before = word_before(text, pos).map(str::to_lowercase);
    let lead = match (before.as_deref(), value) {
        (Some("tháng"), Some(month @ 1..=12)) => numerals::month(month),
        (Some("quý" | "số" | "đợt" | "kỳ" | "khóa" | "khoá"), _) => cardinal(first)?,
        (_, Some(month @ 1..=12)) => format!("tháng {}", numerals::month(month)),
        _ => return None,
    };
    let year = numerals::cardinal_value(year_value);
    Some(Said::number(end, format!("{lead} năm {year}")))
}

/// "62/63 tỉnh" -> "sáu mươi hai trên sáu mươi ba tỉnh"; a house or plot number is
/// read the same way ("số 5/12" -> "số năm trên mười hai", the northern reading; the
/// southern "xẹt" is not used). A proper fraction with a denominator up to ten is
/// "phần" ("1/3 số doanh nghiệp" -> "một phần ba"). A "d/m" that could be a date but
/// has nothing around it to say so is read as a fraction and reported.
fn ratio(reader: &Reader, pos: usize) -> Option<Said> {
    let text = reader.text;
    let first = digits_at(text, pos);
    if char_at(text, pos + first.len()) != Some('/') {
        return None;
    }
    let second = digits_at(text, pos + first.len() + 1);
    let end = pos + first.len() + 1 + second.len();
    if second.is_empty() || !ends_number(text, end) {
        return None;
    }
    let house = is_one_of(word_before(text, pos), &HOUSE_WORDS);
    let (numerator, denominator) = (parse_value(first), parse_value(second));
    let fraction = !house
        && matches!((numerator, denominator), (Some(n), Some(d)) if n < d && (2..=10).contains(&d));
    let said = if fraction {
        let denominator = match second.trim_start_matches('0') {
            "4" => "tư".to_string(),
            digits => cardinal_or_digits(digits),
        };
        format!("{} phần {denominator}", cardinal_or_digits(first))
    } else {
        format!(
            "{} trên {}",
            cardinal_or_digits(first),
            cardinal_or_digits(second)
        )
    };
    let could_be_date = WrittenDate::at(text, pos).is_some();
    let said = Said::number(end, said);
    if could_be_date && slash_context(reader, pos, end) == SlashContext::None {
        Some(said.doubting(DoubtKind::Slash))
    } else {
        Some(said)
    }
}

/// A number with what is written right after it: "8.286", "12,5%", "500.000đ", "2m",
/// "35°C", "60 km/h". An integer is read by the word before it: "tháng 4" (tư),
/// "thứ 4" (tư), "ngày 5 tháng" (mồng năm).
fn quantity(reader: &Reader, pos: usize) -> Said {
    let text = reader.text;
    let numeral = Numeral::at(text, pos);
    let english_point = numeral.fraction.is_some_and(|(mark, _)| mark == '.')
        && is_amount_after(reader, pos, numeral.end);
    let mut said = match numeral.fraction {
        None if !numeral.grouped => say_integer_in_context(text, pos, &numeral),
        None => cardinal_or_digits(&numeral.whole),
        Some((mark, digits)) => {
            let mark = if mark == ',' || english_point {
                "phẩy"
            } else {
                "chấm"
            };
            let whole = cardinal_or_digits(&numeral.whole);
            format!("{whole} {mark} {}", numerals::fraction(digits))
        }
    };
    let mut end = numeral.end;
    if let Some((unit_end, unit)) = unit_after(reader, pos, numeral.end) {
        said = format!("{said} {unit}");
        end = unit_end;
    }
    let said = Said::number(end, said);
    if english_point {
        said.doubting(DoubtKind::DecimalPoint)
    } else {
        said
    }
}

/// Magnitude words that follow a number: "1,5 triệu", "5 triệu đ".
pub(super) const MAGNITUDES: [&str; 6] = ["trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"];

/// Whether an amount follows a "12.5": a percent sign, a unit, a currency or a
/// magnitude ("1.5 triệu"). Then the '.' cannot group thousands (one or two digits
/// follow it) and is a decimal point typed the English way.
fn is_amount_after(reader: &Reader, number_start: usize, end: usize) -> bool {
    let text = reader.text;
    char_at(text, end) == Some('%')
        || is_one_of(Some(word_after(text, end)), &MAGNITUDES)
        || is_one_of(Some(word_after(text, end)), &MEASURE_WORDS)
        || unit_after(reader, number_start, end).is_some()
}

/// Measures written as words after an amount: "1.5 tấn", "2.5 lít" are decimals.
const MEASURE_WORDS: [&str; 14] = [
    "tấn", "tạ", "yến", "lít", "mét", "khối", "héc", "độ", "giờ", "phút", "giây", "lần", "ngày",
    "tuổi",
];

/// The digits of a number as written, thousands separators taken out.
struct Numeral<'t> {
    whole: String,
    /// Whether '.' thousands separators were written ("1.000.000").
    grouped: bool,
    /// The decimal mark (',' or a '.' that does not group thousands) and the digits
    /// after it.
    fraction: Option<(char, &'t str)>,
    end: usize,
}

impl<'t> Numeral<'t> {
    fn at(text: &'t str, pos: usize) -> Numeral<'t> {
        let plain = digits_at(text, pos);
        let (whole, end, grouped) = thousands_at(text, pos)
            .unwrap_or_else(|| (plain.to_string(), pos + plain.len(), false));
        let fraction = match char_at(text, end) {
            Some(mark @ (',' | '.')) if mark == ',' || !grouped => {
                Some((mark, digits_at(text, end + 1))).filter(|(_, digits)| !digits.is_empty())
            }
            _ => None,
        };
        let end = fraction.map_or(end, |(_, digits)| end + 1 + digits.len());
        Numeral {
            whole,
            grouped,
            fraction,
            end,
        }
    }
}

/// "1.234.567": a first group of one to three digits, then groups of exactly three
/// after '.'. Returns the digits, the end, and `true`.
fn thousands_at(text: &str, pos: usize) -> Option<(String, usize, bool)> {
    let first = digits_at(text, pos);
    if first.is_empty() || first.len() > 3 || first.starts_with('0') {
        return None;
    }
    let mut whole = first.to_string();
    let mut end = pos + first.len();
    while char_at(text, end) == Some('.') && digits_at(text, end + 1).len() == 3 {
        whole.push_str(digits_at(text, end + 1));
        end += 4;
    }
    (end > pos + first.len()).then_some((whole, end, true))
}

/// An integer read by the word before it.
fn say_integer_in_context(text: &str, pos: usize, numeral: &Numeral) -> String {
    let digits = numeral.whole.as_str();
    let Some(value) = parse_value(digits).filter(|_| !is_code_like(digits)) else {
        return numerals::digit_by_digit(digits);
    };
    let before = word_before(text, pos).map(str::to_lowercase);
    match before.as_deref() {
        Some("tháng") if (1..=12).contains(&value) => numerals::month(value),
        Some("thứ") => numerals::ordinal(value),
        Some("ngày" | "mồng" | "mùng")
            if (1..=31).contains(&value) && day_follows(text, numeral.end) =>
        {
            say_day(text, pos, value)
        }
        _ => numerals::cardinal_value(value),
    }
}

/// A digit string with a leading zero and four or more digits is a code ("0123"),
/// read digit by digit.
fn is_code_like(digits: &str) -> bool {
    digits.len() >= 4 && digits.starts_with('0')
}

/// Whether what follows "ngày N" shows N is a day of the month: "tháng", a list word,
/// or the end of a clause.
fn day_follows(text: &str, end: usize) -> bool {
    let next = word_after(text, end);
    if !next.is_empty() {
        return is_one_of(
            Some(next),
            &["tháng", "và", "đến", "hoặc", "tới", "hằng", "hàng"],
        );
    }
    char_at(text, skip_spaces(text, end)).is_none_or(|c| ",.;-–)".contains(c))
}

/// Cardinal, or digit by digit when the number is too long to say as one.
pub(super) fn cardinal_or_digits(digits: &str) -> String {
    cardinal(digits).unwrap_or_else(|| numerals::digit_by_digit(digits))
}

/// The unit, percent sign, degree sign or currency written right after a number (at
/// most one space between), with "trên" between two unit symbols ("kg/m2").
fn unit_after(reader: &Reader, number_start: usize, end: usize) -> Option<(usize, String)> {
    let text = reader.text;
    let at = skip_one_space(text, end);
    if let Some(found) = degrees_at(text, at, at == end) {
        return Some(found);
    }
    if text.get(at..)?.starts_with('đ') && ends_token(text, at + 'đ'.len_utf8()) {
        return Some((at + 'đ'.len_utf8(), "đồng".to_string()));
    }
    if let Some(found) = magnitude_abbreviation(text, at, at == end) {
        return Some(found);
    }
    let (unit_end, said) = unit_with_per(reader, at)?;
    let symbol = text.get(at..unit_end).unwrap_or_default();
    (!is_label_letter(text, number_start, symbol)).then_some((unit_end, said))
}

/// A unit symbol, and a second one after '/' read "trên": "kg/m2" -> "ki lô gam trên
/// mét vuông".
pub(super) fn unit_with_per(reader: &Reader, at: usize) -> Option<(usize, String)> {
    let (end, said) = unit_symbol_at(reader, at)?;
    if reader.text.get(end..)?.starts_with('/')
        && let Some((second_end, second)) = unit_symbol_at(reader, end + 1)
    {
        return Some((second_end, format!("{said} trên {second}")));
    }
    Some((end, said.to_string()))
}

/// A unit symbol of the glossary at `at`, longest first: its end and spoken form.
pub(super) fn unit_symbol_at<'a>(reader: &Reader<'a>, at: usize) -> Option<(usize, &'a str)> {
    let rest = reader.text.get(at..)?;
    reader
        .glossary
        .units()
        .iter()
        .find(|(symbol, _)| rest.starts_with(symbol.as_str()) && ends_token(rest, symbol.len()))
        .map(|(symbol, said)| (at + symbol.len(), said.as_str()))
}

/// "10tr", "12 tr.đ", "5 trđ", "50k": a magnitude written short after a number ("k"
/// only attached to it).
fn magnitude_abbreviation(text: &str, at: usize, attached: bool) -> Option<(usize, String)> {
    let rest = text.get(at..)?;
    let forms: [(&str, &str, bool); 4] = [
        ("tr.đ", "triệu đồng", true),
        ("trđ", "triệu đồng", true),
        ("tr", "triệu", true),
        ("k", "nghìn", attached),
    ];
    forms
        .into_iter()
        .find(|(form, _, allowed)| {
            *allowed && rest.starts_with(form) && ends_token(rest, form.len())
        })
        .map(|(form, said, _)| (at + form.len(), said.to_string()))
}

/// "35°C", "35oC", "45°".
fn degrees_at(text: &str, at: usize, attached: bool) -> Option<(usize, String)> {
    let rest = text.get(at..)?;
    let celsius = ["°C", "℃"]
        .into_iter()
        .chain(attached.then_some("oC"))
        .find(|sign| rest.starts_with(sign) && ends_token(rest, sign.len()));
    match celsius {
        Some(sign) => Some((at + sign.len(), "độ xê".to_string())),
        None if rest.starts_with('°') => Some((at + '°'.len_utf8(), "độ".to_string())),
        None => None,
    }
}

/// A capital letter after a house, class or team number is a label, not a unit: "số
/// 12A", "lớp 5A", "tổ 3A".
fn is_label_letter(text: &str, number_start: usize, symbol: &str) -> bool {
    let labels = [
        "số",
        "lớp",
        "tổ",
        "nhà",
        "phòng",
        "ngõ",
        "ngách",
        "hẻm",
        "kiệt",
        "khu",
        "lô",
        "dãy",
        "tòa",
        "toà",
        "căn",
        "phố",
        "đường",
        "xóm",
        "thôn",
        "đội",
        "tầng",
        "ô",
        "kiốt",
        "ki-ốt",
    ];
    symbol.chars().count() == 1
        && symbol.chars().all(char::is_uppercase)
        && is_one_of(word_before(text, number_start), &labels)
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
