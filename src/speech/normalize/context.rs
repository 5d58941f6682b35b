//! Looking at the written text around a position: the digits or word that starts
//! there, the words just before or after it, and whether a token ends there. Every
//! function takes a byte offset on a character boundary and never panics: past the
//! end it sees nothing.

use unicode_normalization::char::is_combining_mark;

/// Whether `c` belongs inside a word: a letter, a digit or a combining mark.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The character starting at `pos`.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The character ending at `pos`.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The ASCII digits starting at `pos` (possibly empty).
pub(crate) fn digits_at(text: &str, pos: usize) -> &str {
    let rest = text.get(pos..).unwrap_or("");
    let len = rest.bytes().take_while(u8::is_ascii_digit).count();
    &rest[..len]
}

/// The run of word characters starting at `pos` (possibly empty).
pub(crate) fn word_at(text: &str, pos: usize) -> &str {
    let rest = text.get(pos..).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i);
    &rest[..len]
}

/// The offset after the white space that starts at `pos`.
pub(crate) fn skip_spaces(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    let len = rest
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(rest.len(), |(i, _)| i);
    pos + len
}

/// The offset after at most one space character starting at `pos`.
pub(crate) fn skip_one_space(text: &str, pos: usize) -> usize {
    match char_at(text, pos) {
        Some(c) if c == ' ' || c == '\u{a0}' => pos + c.len_utf8(),
        _ => pos,
    }
}

/// Whether a token may end at `pos`: the end of the text or a character that cannot
/// continue a word.
pub(crate) fn ends_token(text: &str, pos: usize) -> bool {
    char_at(text, pos).is_none_or(|c| !is_word_char(c))
}

/// Whether a token may start at `pos`: nothing alphabetic right before it.
pub(crate) fn starts_token(text: &str, pos: usize) -> bool {
    char_before(text, pos).is_none_or(|c| !c.is_alphabetic() && !is_combining_mark(c))
}

/// Whether `pos` is the first non-blank position of the text.
pub(crate) fn at_line_start(text: &str, pos: usize) -> bool {
    text.get(..pos)
        .is_some_and(|before| before.trim().is_empty())
}

/// The word just before `pos`, when only white space stands between: for "tháng 4"
/// at the 4, "tháng".
pub(crate) fn word_before(text: &str, pos: usize) -> Option<&str> {
    let before = text.get(..pos)?.trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map(|(i, _)| i)?;
    Some(&before[start..])
}

/// Up to `count` words before `pos`, nearest first, stepping over white space and the
/// characters in `skip`; any other character ends the search.
pub(crate) fn words_before<'t>(
    text: &'t str,
    pos: usize,
    count: usize,
    skip: &[char],
) -> Vec<&'t str> {
    let mut words = Vec::new();
    let mut end = pos;
    while words.len() < count {
        let before = text.get(..end).unwrap_or("");
        let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || skip.contains(&c));
        match word_before(trimmed, trimmed.len()) {
            Some(word) if !word.is_empty() => {
                words.push(word);
                end = trimmed.len() - word.len();
            }
            _ => break,
        }
    }
    words
}

/// The word after the white space at `pos`: for "4 tháng" at the end of "4", "tháng".
pub(crate) fn word_after(text: &str, pos: usize) -> &str {
    word_at(text, skip_spaces(text, pos))
}

/// Whether `word` equals `expected` ignoring case.
pub(crate) fn is_word(word: &str, expected: &str) -> bool {
    word.to_lowercase() == expected
}

/// Whether `word`, lowercased, is one of `expected`.
pub(crate) fn is_one_of(word: Option<&str>, expected: &[&str]) -> bool {
    word.is_some_and(|word| expected.contains(&word.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_before_a_position() {
        let text = "Đường dây nóng: 0912";
        let pos = text.find('0').unwrap_or(0);
        assert_eq!(word_before(text, pos), None);
        assert_eq!(words_before(text, pos, 3, &[':']), ["nóng", "dây", "Đường"]);
        assert_eq!(word_before("tháng 4", 6), Some("tháng"));
        assert_eq!(word_before("", 0), None);
        assert_eq!(word_before("abc", 99), None);
    }

    #[test]
    fn reads_tokens_at_a_position() {
        assert_eq!(digits_at("12,5%", 0), "12");
        assert_eq!(digits_at("12", 5), "");
        assert_eq!(word_at("VTV1 kênh", 0), "VTV1");
        assert_eq!(word_after("4  tháng", 1), "tháng");
        assert!(ends_token("4%", 1));
        assert!(!ends_token("4m", 1));
        assert!(ends_token("4", 1));
        assert!(starts_token("5TNLĐ", 1));
        assert!(!starts_token("aTNLĐ", 1));
        assert!(at_line_start("  I.", 2));
        assert_eq!(char_at("á", 1), None);
    }
}
