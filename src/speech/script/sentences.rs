//! The sentences of a script: where they end, which are longer than one breath, and
//! which an item says for the web rather than for the radio (its own greeting and
//! thanks, a pointer at a link).

use super::MAX_SENTENCE_SYLLABLES;
use crate::speech::normalize::capitalise_first;

/// The syllable counts of the sentences of a spoken paragraph that are longer than
/// one breath.
pub(super) fn long_sentences(paragraph: &str) -> impl Iterator<Item = usize> + '_ {
    long_sentence_spans(paragraph)
        .into_iter()
        .map(|(_, syllables)| syllables)
}

/// The sentences of a spoken paragraph longer than one breath: (index among the
/// paragraph's sentences, syllables).
pub(super) fn long_sentence_spans(paragraph: &str) -> Vec<(usize, usize)> {
    sentence_spans(paragraph)
        .into_iter()
        .enumerate()
        .map(|(index, (start, end))| {
            (
                index,
                crate::speech::count_syllables(&paragraph[start..end]),
            )
        })
        .filter(|&(_, syllables)| syllables > MAX_SENTENCE_SYLLABLES)
        .collect()
}

/// Where an announcer takes a breath: after `.`, `!`, `?` or `;`.
const BREATH_ENDS: &[char] = &['.', '!', '?', ';'];
/// Where a written sentence ends: after `.`, `!` or `?`.
const SENTENCE_ENDS: &[char] = &['.', '!', '?'];

/// Sentences as an announcer breathes them: cut after `.`, `!`, `?` or `;` followed
/// by white space (or the end); byte ranges.
pub(super) fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    cut_after(text, BREATH_ENDS)
}

/// Written sentences of a text: (start, end) byte ranges, each ending after its `.`,
/// `!` or `?` (and the space after it).
fn sentence_ranges(text: &str) -> Vec<(usize, usize)> {
    cut_after(text, SENTENCE_ENDS)
}

/// `text` cut after each of `ends` followed by white space (or the end), as byte
/// ranges; a last piece of only white space is left out.
fn cut_after(text: &str, ends: &[char]) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_end =
            ends.contains(&c) && chars.peek().is_none_or(|&(_, next)| next.is_whitespace());
        if is_end {
            let end = i + c.len_utf8();
            ranges.push((start, end));
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        ranges.push((start, text.len()));
    }
    ranges
}

/// How an item's own greeting starts: the clause is left out.
const GREETINGS: [&str; 8] = [
    "kính thưa",
    "thưa bà con",
    "thưa toàn thể",
    "kính gửi bà con",
    "kính gửi toàn thể",
    "xin kính chào",
    "xin chào bà con",
    "chào bà con",
];

/// How an item's own closing starts: the sentence is left out.
const CLOSINGS: [&str; 9] = [
    "xin cảm ơn bà con",
    "xin chân thành cảm ơn",
    "xin trân trọng cảm ơn",
    "trân trọng cảm ơn",
    "cảm ơn bà con",
    "xin cám ơn bà con",
    "cám ơn bà con",
    "chúc bà con",
    "bản tin đến đây là hết",
];

/// The text without an item's own greeting clauses and closing sentences, and what
/// was left out (with its offset). A greeting's clause ends at its first `,`, `!`, `.`
/// or `:`; the rest of its sentence stays. `keep` holds byte ranges (links) whose
/// sentences are not touched.
pub(super) fn strip_courtesies(
    text: &str,
    keep: &[(usize, usize)],
) -> (String, Vec<(usize, String)>) {
    let mut out = String::with_capacity(text.len());
    let mut left_out = Vec::new();
    for (start, end) in sentence_ranges(text) {
        let sentence = &text[start..end];
        let trimmed = sentence.trim_start();
        let lead = start + (sentence.len() - trimmed.len());
        let lower = trimmed.to_lowercase();
        let kept = keep.iter().any(|&(a, b)| a < end && start < b);
        if !kept && CLOSINGS.iter().any(|c| lower.starts_with(c)) {
            left_out.push((lead, trimmed.trim_end().to_string()));
            continue;
        }
        if !kept && GREETINGS.iter().any(|g| lower.starts_with(g)) {
            let clause_end = trimmed
                .find([',', '!', '.', ':'])
                .map_or(trimmed.len(), |i| i + 1);
            left_out.push((lead, trimmed[..clause_end].trim_end().to_string()));
            let rest = trimmed[clause_end..].trim_start();
            if !rest.is_empty() {
                out.push_str(&capitalise_first(rest));
                out.push(' ');
            }
            continue;
        }
        out.push_str(sentence);
    }
    (out, left_out)
}

/// How a sentence that only points at a link starts ("Xem thêm hướng dẫn trong …"):
/// on the radio there is nothing to click, so the sentence is left out.
const LINK_POINTERS: [&str; 10] = [
    "xem",
    "chi tiết",
    "tải",
    "bấm",
    "nhấn",
    "click",
    "truy cập",
    "tham khảo",
    "mời xem",
    "mời bà con xem",
];

/// The text without the sentences that point at a link (`links`: byte ranges of link
/// text in `text`): a sentence that starts "Xem", "Tải", "Truy cập"… and ends with a
/// link. "Xem [Kế hoạch 52] và gọi 114 ngay." says more than where to click, and stays.
pub(super) fn drop_link_pointers(text: &str, links: &[(usize, usize)]) -> String {
    if links.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (start, end) in sentence_ranges(text) {
        let sentence = &text[start..end];
        let lower = sentence.trim_start().to_lowercase();
        // The sentence ends with its link: "Xem thêm hướng dẫn trong [Kế hoạch](…)."
        let ends_with_link = links.iter().any(|&(a, b)| {
            a < end
                && start < b
                && text
                    .get(b.min(end)..end)
                    .is_some_and(|after| after.chars().all(|c| !c.is_alphanumeric()))
        });
        let pointer = LINK_POINTERS.iter().any(|p| {
            lower.starts_with(p)
                && lower[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        if !(ends_with_link && pointer) {
            out.push_str(sentence);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces<'a>(text: &'a str, ranges: &[(usize, usize)]) -> Vec<&'a str> {
        ranges.iter().map(|&(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn a_breath_ends_at_a_semicolon_and_a_written_sentence_does_not() {
        let text = "Đội mũ; đeo dây. Gọi 114! Hết? a.b ";
        assert_eq!(
            pieces(text, &sentence_spans(text)),
            ["Đội mũ;", " đeo dây.", " Gọi 114!", " Hết?", " a.b "]
        );
        assert_eq!(
            pieces(text, &sentence_ranges(text)),
            ["Đội mũ; đeo dây.", " Gọi 114!", " Hết?", " a.b "]
        );
        assert!(sentence_spans("  ").is_empty());
    }
}
