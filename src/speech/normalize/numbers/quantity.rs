//! Any other number, with what is written right after it: thousands and decimals, a
//! unit, a percent or degree sign, a currency or a magnitude; an integer read by the
//! word before it.

use super::super::context::{
    char_at, digits_at, ends_token, is_one_of, skip_one_space, skip_spaces, word_after, word_before,
};
use super::super::numerals::{self, cardinal, parse_value};
use super::super::{DoubtKind, Reader, Said};
use super::dates::say_day;

/// A number with what is written right after it: "8.286", "12,5%", "500.000đ", "2m",
/// "35°C", "60 km/h". An integer is read by the word before it: "tháng 4" (tư),
/// "thứ 4" (tư), "ngày 5 tháng" (mồng năm).
pub(super) fn quantity(reader: &Reader, pos: usize) -> Said {
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
pub(in crate::speech::normalize) const MAGNITUDES: [&str; 6] =
    ["trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ"];

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
pub(in crate::speech::normalize) fn cardinal_or_digits(digits: &str) -> String {
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
pub(in crate::speech::normalize) fn unit_with_per(
    reader: &Reader,
    at: usize,
) -> Option<(usize, String)> {
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
