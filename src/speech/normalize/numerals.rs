//! Numbers as a northern announcer says them: cardinals (nghìn, linh, mốt, tư, lăm,
//! "không trăm" inside a number), ordinals, days of the month (mồng), month names
//! (tháng tư) and decimal fractions. Input is ASCII digit strings; where the digits
//! stand in the text (a date, a phone number) is decided by the caller.

/// Cardinal digit words; 4 is bốn, 5 is năm, 1 is một outside the tens rules.
const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// The longest digit string read as a cardinal; longer ones are read digit by digit.
pub(crate) const MAX_CARDINAL_DIGITS: usize = 19;

const BILLION: u64 = 1_000_000_000;

/// Reads ASCII digits as a cardinal number: "2024" -> "hai nghìn không trăm hai mươi
/// tư". Leading zeros are dropped. `None` when the string is empty, holds a non-digit,
/// or is longer than [`MAX_CARDINAL_DIGITS`] once leading zeros are dropped.
pub(crate) fn cardinal(digits: &str) -> Option<String> {
    let value = parse_value(digits)?;
    Some(cardinal_value(value))
}

/// Reads a value as a cardinal number.
pub(crate) fn cardinal_value(value: u64) -> String {
    if value == 0 {
        return DIGITS[0].to_string();
    }
    read_with_billions(value, true).join(" ")
}

/// An ordinal after "thứ": 1 is nhất, 4 is tư, every other number its cardinal.
pub(crate) fn ordinal(value: u64) -> String {
    match value {
        1 => "nhất".to_string(),
        4 => "tư".to_string(),
        _ => cardinal_value(value),
    }
}

/// A month name after "tháng": 4 is tư, the rest their cardinal (tháng một, tháng
/// mười hai).
pub(crate) fn month(value: u64) -> String {
    match value {
        4 => "tư".to_string(),
        _ => cardinal_value(value),
    }
}

/// A day of the month: days 1 to 10 take "mồng".
pub(crate) fn day(value: u64) -> String {
    match value {
        1..=10 => format!("mồng {}", cardinal_value(value)),
        _ => cardinal_value(value),
    }
}

/// The part after the decimal comma: each leading zero is "không", the rest is read as
/// a number up to three digits and digit by digit beyond ("05" -> "không năm").
pub(crate) fn fraction(digits: &str) -> String {
    let significant = digits.trim_start_matches('0');
    let mut words: Vec<String> = vec![DIGITS[0].to_string(); digits.len() - significant.len()];
    if significant.len() > 3 {
        words.push(digit_by_digit(significant));
    } else if let Some(rest) = cardinal(significant).filter(|_| !significant.is_empty()) {
        words.push(rest);
    }
    words.join(" ")
}

/// Reads every digit by name: "0225" -> "không hai hai năm".
pub(crate) fn digit_by_digit(digits: &str) -> String {
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The value of a digit string, if it is all digits and short enough to say.
pub(crate) fn parse_value(digits: &str) -> Option<u64> {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > MAX_CARDINAL_DIGITS {
        return None;
    }
    significant.parse().ok().or(Some(0))
}

/// Numbers of a billion and more repeat the scale: 10^12 = một nghìn tỷ, 10^15 = một
/// triệu tỷ, 10^18 = một tỷ tỷ.
fn read_with_billions(value: u64, leading: bool) -> Vec<&'static str> {
    if value < BILLION {
        return read_below_billion(value, leading);
    }
    let (high, low) = (value / BILLION, value % BILLION);
    let mut words = read_with_billions(high, leading);
    words.push("tỷ");
    if low > 0 {
        words.extend(read_below_billion(low, false));
    }
    words
}

/// Groups of three digits with triệu and nghìn; a group after the first is read in
/// full ("không trăm linh một"), and groups of zeros are skipped.
fn read_below_billion(value: u64, leading: bool) -> Vec<&'static str> {
    let groups = [
        (value / 1_000_000, Some("triệu")),
        (value / 1_000 % 1_000, Some("nghìn")),
        (value % 1_000, None),
    ];
    let mut words = Vec::new();
    let mut first = leading;
    for (group, scale) in groups {
        if group == 0 {
            continue;
        }
        words.extend(read_hundreds(group, first));
        words.extend(scale);
        first = false;
    }
    words
}

/// One group of up to three digits. A leading group skips a zero hundreds digit; any
/// other group says "không trăm".
fn read_hundreds(group: u64, leading: bool) -> Vec<&'static str> {
    let (hundreds, tens, units) = (group / 100, group / 10 % 10, group % 10);
    let mut words = Vec::new();
    if hundreds > 0 || !leading {
        words.extend([DIGITS[digit(hundreds)], "trăm"]);
    }
    match tens {
        0 if units > 0 => {
            if !words.is_empty() {
                words.push("linh");
            }
            words.push(DIGITS[digit(units)]);
        }
        0 => {}
        1 => {
            words.push("mười");
            words.extend(unit_after_muoi(units));
        }
        _ => {
            words.extend([DIGITS[digit(tens)], "mươi"]);
            words.extend(unit_after_muoi_level(units));
        }
    }
    words
}

/// The unit after "mười": 5 is lăm; 1 stays một and 4 stays bốn.
fn unit_after_muoi(units: u64) -> Option<&'static str> {
    match units {
        0 => None,
        5 => Some("lăm"),
        _ => Some(DIGITS[digit(units)]),
    }
}

/// The unit after "mươi": 1 is mốt, 4 is tư, 5 is lăm.
fn unit_after_muoi_level(units: u64) -> Option<&'static str> {
    match units {
        0 => None,
        1 => Some("mốt"),
        4 => Some("tư"),
        5 => Some("lăm"),
        _ => Some(DIGITS[digit(units)]),
    }
}

/// A value already reduced modulo 10, as an index into [`DIGITS`].
fn digit(value: u64) -> usize {
    usize::try_from(value % 10).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cardinals_the_northern_way() {
        let cases = [
            ("0", "không"),
            ("00", "không"),
            ("7", "bảy"),
            ("10", "mười"),
            ("11", "mười một"),
            ("14", "mười bốn"),
            ("15", "mười lăm"),
            ("20", "hai mươi"),
            ("21", "hai mươi mốt"),
            ("24", "hai mươi tư"),
            ("25", "hai mươi lăm"),
            ("99", "chín mươi chín"),
            ("100", "một trăm"),
            ("101", "một trăm linh một"),
            ("104", "một trăm linh bốn"),
            ("105", "một trăm linh năm"),
            ("110", "một trăm mười"),
            ("115", "một trăm mười lăm"),
            ("121", "một trăm hai mươi mốt"),
            ("1000", "một nghìn"),
            ("1001", "một nghìn không trăm linh một"),
            ("1010", "một nghìn không trăm mười"),
            ("1100", "một nghìn một trăm"),
            ("2024", "hai nghìn không trăm hai mươi tư"),
            ("10000", "mười nghìn"),
            ("100000", "một trăm nghìn"),
            ("1000001", "một triệu không trăm linh một"),
            ("1005000", "một triệu không trăm linh năm nghìn"),
            ("1500000", "một triệu năm trăm nghìn"),
            ("1000000000", "một tỷ"),
            ("1000000005", "một tỷ không trăm linh năm"),
            ("1005000000", "một tỷ không trăm linh năm triệu"),
            ("1000000000000", "một nghìn tỷ"),
            ("43000000000000", "bốn mươi ba nghìn tỷ"),
            ("1000000000000000", "một triệu tỷ"),
            (
                "2500000000000001",
                "hai triệu năm trăm nghìn tỷ không trăm linh một",
            ),
            ("100000000000000000", "một trăm triệu tỷ"),
            ("1000000000000000000", "một tỷ tỷ"),
            (
                "999999999999999999",
                "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín",
            ),
            ("007", "bảy"),
        ];
        for (digits, expected) in cases {
            assert_eq!(cardinal(digits).as_deref(), Some(expected), "{digits}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_sayable_cardinal() {
        for digits in [
            "",
            "12a",
            "1.000",
            "99999999999999999999",
            "123456789012345678901234",
        ] {
            assert_eq!(cardinal(digits), None, "{digits}");
        }
    }

    #[test]
    fn reads_ordinals_days_and_months() {
        assert_eq!(ordinal(1), "nhất");
        assert_eq!(ordinal(4), "tư");
        assert_eq!(ordinal(2), "hai");
        assert_eq!(ordinal(14), "mười bốn");
        assert_eq!(ordinal(24), "hai mươi tư");
        assert_eq!(day(1), "mồng một");
        assert_eq!(day(10), "mồng mười");
        assert_eq!(day(11), "mười một");
        assert_eq!(month(4), "tư");
        assert_eq!(month(1), "một");
        assert_eq!(month(12), "mười hai");
    }

    #[test]
    fn reads_fractions_with_leading_zeros() {
        let cases = [
            ("5", "năm"),
            ("05", "không năm"),
            ("25", "hai mươi lăm"),
            ("0", "không"),
            ("000", "không không không"),
            ("1415", "một bốn một năm"),
            ("001415", "không không một bốn một năm"),
        ];
        for (digits, expected) in cases {
            assert_eq!(fraction(digits), expected, "{digits}");
        }
    }

    #[test]
    fn reads_digit_strings_digit_by_digit() {
        assert_eq!(digit_by_digit("0945"), "không chín bốn năm");
        assert_eq!(digit_by_digit(""), "");
    }
}
