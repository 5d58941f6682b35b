//! Clock times and dates as they are written: "7h30", "19/3/2024", "20/12", "30-4",
//! "1-31/5/2021", "tháng 5/2025"; what the words around a "d/m" say it is, and the
//! ratios and fractions it is when it is not a date.

use super::super::context::{
    char_at, digits_at, ends_token, is_one_of, is_word, skip_spaces, word_after, word_at,
    word_before, words_before,
};
use super::super::numerals::{self, cardinal, parse_value};
use super::super::{DoubtKind, Reader, Said, SaidKind};
use super::{cardinal_or_digits, ends_number};

/// "7h30", "6h00", "19h", "7g30", "14:00": hours, then minutes with "phút" when the
/// minutes are not zero.
pub(super) fn clock_time(reader: &Reader, pos: usize) -> Option<Said> {
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
pub(super) fn say_day(text: &str, pos: usize, day: u64) -> String {
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
pub(super) fn date(reader: &Reader, pos: usize) -> Option<Said> {
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
pub(super) fn dashed_day_month(reader: &Reader, pos: usize) -> Option<Said> {
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
pub(super) fn day_range(reader: &Reader, pos: usize) -> Option<Said> {
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
pub(super) fn month_year(reader: &Reader, pos: usize) -> Option<Said> {
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
pub(super) fn ratio(reader: &Reader, pos: usize) -> Option<Said> {
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
