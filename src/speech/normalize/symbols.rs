//! Rules for a character that is neither a letter, a digit nor white space: the dash
//! (đến between numbers, a pause between words), the slash (mỗi after a quantity,
//! trên between numbers), brackets (an area code, an abbreviation repeating the words
//! before it), "&", "+84 …", "~", comparison and multiplication signs, "%" and "°"
//! standing alone, and marks that are not read at all (a dash rule line, "./.",
//! markdown leftovers). Anything else is kept as written.

use super::capitals::is_caps;
use super::context::{
    at_line_start, char_at, char_before, digits_at, is_one_of, is_word_char, skip_spaces, word_at,
    word_before,
};
use super::numbers::{DigitGroups, ends_number, say_digit_groups};
use super::words::entry_at;
use super::{DoubtKind, Reader, Said};
use crate::speech::glossary::Reading;

type Rule = fn(&Reader, usize, char) -> Option<Said>;

/// Tried in order; a character none of them takes is kept as written.
const RULES: [Rule; 13] = [
    emoji,
    repeated_abbreviation,
    repeated_in_brackets,
    bracketed_area_code,
    dash,
    slash,
    ampersand,
    international_phone,
    approximately,
    comparison,
    multiplication_sign,
    standalone_sign,
    unread_mark,
];

/// Says the symbol at `pos`.
pub(super) fn say(reader: &Reader, pos: usize) -> Said {
    let Some(c) = char_at(reader.text, pos) else {
        return Said::other(pos, "");
    };
    RULES
        .iter()
        .find_map(|rule| rule(reader, pos, c))
        .unwrap_or_else(|| Said::other(pos + c.len_utf8(), c.to_string()))
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—')
}

/// A dash: "đến" between two numbers ("2021 – 2030", "7h30 - 11h00") or before "nay"
/// ("2021 - nay"), "âm" before a lone number, a pause between words ("LĐ-TBXH", "kinh
/// tế - xã hội"); not read at the start of a line (a bullet) or in a rule of dashes.
fn dash(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    if !is_dash(c) {
        return None;
    }
    let text = reader.text;
    let after = pos + c.len_utf8();
    let bullet = at_line_start(text, pos) && char_at(text, after).is_none_or(char::is_whitespace);
    if char_at(text, after).is_some_and(is_dash) || bullet {
        let end = skip_dashes_and_spaces(text, pos);
        return Some(Said::other(end, " "));
    }
    let next_pos = skip_spaces(text, after);
    let next = char_at(text, next_pos);
    let next_is_digit = next.is_some_and(|c| c.is_ascii_digit());
    let previous = char_before(text, pos);
    let until_now = is_one_of(Some(word_at(text, next_pos)), &["nay", "hiện"]);
    if reader.number_just_before(pos) && (next_is_digit || until_now) {
        return Some(Said::other(next_pos, " đến "));
    }
    if next_is_digit && next_pos == after && previous.is_none_or(|c| c.is_whitespace() || c == '(')
    {
        return Some(Said::other(after, "âm "));
    }
    let between_words = previous.is_some_and(is_word_char) && next.is_some_and(is_word_char);
    if between_words && next_pos == after {
        return Some(Said::other(after, attached_dash(text, pos, after)));
    }
    let spaced = word_before(text, pos).is_some() && next.is_some_and(is_word_char);
    spaced.then(|| Said::other(next_pos, ", "))
}

/// A dash inside a token: a pause next to an abbreviation ("TNLĐ-BNN"), a space
/// elsewhere ("Covid-19", "ki-lô-gam").
fn attached_dash(text: &str, pos: usize, after: usize) -> &'static str {
    let before = word_before(text, pos).unwrap_or_default();
    if is_caps(before) || is_caps(word_at(text, after)) {
        ", "
    } else {
        " "
    }
}

fn skip_dashes_and_spaces(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|&(_, c)| !is_dash(c) && !c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i);
    pos + len
}

/// A slash: dropped in the "./." that ends a document, "trên" between numbers, "mỗi"
/// after a quantity before a word ("4%/năm", "1.250.000 đồng/người"), a pause between
/// two words ("cơ quan/đơn vị"), a space elsewhere.
fn slash(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    if c != '/' {
        return None;
    }
    let text = reader.text;
    let (previous, next) = (char_before(text, pos), char_at(text, pos + 1));
    if previous == Some('.') && next == Some('.') {
        return Some(Said::other(pos + 2, ""));
    }
    let digits_around =
        previous.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit());
    let said = if digits_around {
        " trên "
    } else if quantity_before(reader, pos) && next.is_some_and(char::is_lowercase) {
        " mỗi "
    } else if previous.is_some_and(is_word_char) && next.is_some_and(is_word_char) {
        ", "
    } else {
        " "
    };
    Some(Said::other(pos + 1, said))
}

/// Whether a number stands shortly before `pos`, with at most two words (its unit or
/// currency) and no punctuation between.
fn quantity_before(reader: &Reader, pos: usize) -> bool {
    let Some(gap) = reader
        .last_number_end
        .and_then(|end| reader.text.get(end..pos))
    else {
        return false;
    };
    gap.split_whitespace().count() <= 2 && gap.chars().all(|c| is_word_char(c) || c.is_whitespace())
}

/// "người lao động (NLĐ)", "Ủy ban nhân dân quận Lê Chân (UBND)": an abbreviation in
/// brackets whose words were just said in the same sentence is not read twice.
fn repeated_abbreviation(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    if c != '(' {
        return None;
    }
    let entry = entry_at(reader, pos + 1)?;
    let close = pos + 1 + entry.key.len();
    let Reading::Expand(say) = &entry.reading else {
        return None;
    };
    let sentence_start = reader.out.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    let sentence = reader
        .out
        .get(sentence_start..)
        .unwrap_or_default()
        .to_lowercase();
    let repeated =
        char_at(reader.text, close) == Some(')') && sentence.contains(&say.to_lowercase());
    repeated.then(|| Said::other(close + 1, ""))
}

/// "12.500.000đ (mười hai triệu năm trăm nghìn đồng)", "Trung tâm Y tế (TTYT)": a
/// bracket that only repeats the words just said, or abbreviates the words just
/// written (their initials), is not read.
fn repeated_in_brackets(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    if c != '(' {
        return None;
    }
    let text = reader.text;
    let inner_start = pos + 1;
    let inner_len = text.get(inner_start..)?.find([')', '(', '\n'])?;
    let close = inner_start + inner_len;
    if char_at(text, close) != Some(')') || inner_len == 0 || inner_len > 400 {
        return None;
    }
    let inner = text.get(inner_start..close)?.trim();
    let repeated = if is_caps(inner) && !inner.contains(char::is_whitespace) {
        abbreviates_words_before(text, pos, inner)
    } else {
        let said = super::speak(inner, reader.glossary).text;
        let said = comparable_words(&said);
        !said.is_empty() && comparable_words(&reader.out).ends_with(&said)
    };
    repeated.then(|| Said::other(close + 1, ""))
}

/// The words of a spoken text, lowercased, without punctuation, one space apart.
fn comparable_words(text: &str) -> String {
    text.split(|c: char| !is_word_char(c))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `abbreviation` ("TTYT") is the initials of the words written just before
/// `pos` ("Trung tâm Y tế").
fn abbreviates_words_before(text: &str, pos: usize, abbreviation: &str) -> bool {
    let letters: Vec<char> = abbreviation.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 {
        return false;
    }
    let words = super::context::words_before(text, pos, letters.len(), &['-', ',']);
    let initials: Vec<char> = words
        .iter()
        .rev()
        .filter_map(|word| word.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    initials == letters
}

/// Emoji and pictographs ("👷", "⚠️", "✅"): not read, reported.
fn emoji(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    if !is_emoji(c) {
        return None;
    }
    let rest = reader.text.get(pos..)?;
    let len = rest
        .char_indices()
        .find(|&(_, c)| !(is_emoji(c) || is_emoji_joiner(c)))
        .map_or(rest.len(), |(i, _)| i);
    Some(Said::other(pos + len, " ").doubting(DoubtKind::Emoji))
}

fn is_emoji(c: char) -> bool {
    matches!(u32::from(c),
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2190..=0x21FF | 0x2300..=0x23FF)
}

/// Joiners, variation selectors and skin tones that belong to the emoji before them.
fn is_emoji_joiner(c: char) -> bool {
    matches!(u32::from(c), 0x200D | 0xFE0E | 0xFE0F | 0x20E3)
}

/// "(0225) 3842 123": an area code in brackets starts a phone number.
fn bracketed_area_code(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    let text = reader.text;
    let area = digits_at(text, pos + 1);
    let close = pos + 1 + area.len();
    if c != '(' || !area.starts_with('0') || char_at(text, close) != Some(')') {
        return None;
    }
    let groups = DigitGroups::at(text, skip_spaces(text, close + 1), 11 - area.len().min(11));
    let total = area.len() + groups.total;
    let fits = area.len() >= 2 && (9..=11).contains(&total) && ends_number(text, groups.end);
    fits.then(|| {
        let mut all = vec![area];
        all.extend(groups.groups);
        Said::number(groups.end, say_digit_groups(reader.glossary, &all))
    })
}

/// "&" between words is "và" ("PCCC&CNCH" is in the glossary).
fn ampersand(_: &Reader, pos: usize, c: char) -> Option<Said> {
    (c == '&').then(|| Said::other(pos + 1, " và "))
}

/// "+84 912 345 678": "cộng", then the digits group by group.
fn international_phone(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    if c != '+' {
        return None;
    }
    let groups = DigitGroups::at(reader.text, pos + 1, 13);
    let fits = (10..=13).contains(&groups.total) && ends_number(reader.text, groups.end);
    fits.then(|| {
        let digits = say_digit_groups(reader.glossary, &groups.groups);
        Said::other(groups.end, format!("cộng {digits}"))
    })
}

/// "~5%" is "khoảng năm phần trăm".
fn approximately(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    (c == '~' && digit_follows(reader.text, pos + 1)).then(|| Said::other(pos + 1, "khoảng "))
}

/// "> 5", "≤ 10": comparison signs before a number.
fn comparison(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    let said = match c {
        '>' => "lớn hơn ",
        '<' => "nhỏ hơn ",
        '≥' => "lớn hơn hoặc bằng ",
        '≤' => "nhỏ hơn hoặc bằng ",
        _ => return None,
    };
    let after = pos + c.len_utf8();
    digit_follows(reader.text, after).then(|| Said::other(after, said))
}

fn digit_follows(text: &str, pos: usize) -> bool {
    char_at(text, skip_spaces(text, pos)).is_some_and(|c| c.is_ascii_digit())
}

/// "3×4": a multiplication sign between numbers is "nhân".
fn multiplication_sign(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    let after = pos + c.len_utf8();
    let between_numbers = reader.number_just_before(pos) && digit_follows(reader.text, after);
    (c == '×' && between_numbers).then(|| Said::other(after, " nhân "))
}

/// "%", "°C" and "°" with no number before them.
fn standalone_sign(reader: &Reader, pos: usize, c: char) -> Option<Said> {
    let rest = reader.text.get(pos..)?;
    let (len, said) = match c {
        '°' if rest.starts_with("°C") => ("°C".len(), "độ xê"),
        '℃' => (c.len_utf8(), "độ xê"),
        '°' => (c.len_utf8(), "độ"),
        '%' => (1, "phần trăm"),
        _ => return None,
    };
    Some(Said::other(pos + len, format!(" {said} ")))
}

/// Marks that are not read: markdown leftovers and bullets in hand-written text.
fn unread_mark(_: &Reader, pos: usize, c: char) -> Option<Said> {
    matches!(
        c,
        '*' | '#' | '`' | '|' | '_' | '•' | '▪' | '●' | '\u{200b}' | '\u{feff}'
    )
    .then(|| Said::other(pos + c.len_utf8(), " "))
}
