//! Markdown (or a hand-written `broadcast.text`) to a loudspeaker script: a list of
//! spoken paragraphs and the warnings an editor should see.
//!
//! Headings become spoken lead-ins of their own, numbered list items are read "Một
//! là, …", "Hai là, …", bullet items become sentences of their own, links keep their
//! text and emphasis is dropped. Images, tables, code blocks and raw HTML cannot be
//! read aloud: they are left out, each with a warning naming its line, and so is every
//! all-caps token the glossary does not know. The words themselves are said by
//! [`speak`]; the front matter and the file it came from are the caller's business
//! (it passes the line where the markdown starts).

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::normalize::{capitalise_first, cardinal_value};
use super::{DoubtKind, Glossary, Spoken, speak};

/// A spoken script: what the announcer reads, one entry per paragraph, heading or
/// list item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Script {
    /// The paragraphs to read, already normalized.
    pub paragraphs: Vec<String>,
    /// What was left out or would be read badly, in line order.
    pub warnings: Vec<ScriptWarning>,
}

/// Something in the source that the script leaves out or cannot say well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptWarning {
    /// 1-based line in the user's file: `first_line` + line within the markdown - 1.
    pub line: usize,
    pub issue: ScriptIssue,
}

/// What a script warning is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScriptIssue {
    /// A part of the page that cannot be read aloud.
    LeftOut(Skipped),
    /// An all-caps token the glossary does not know (it is spelled letter by letter).
    NotInGlossary(String),
    /// A token left out (a web or e-mail address, an emoji) or read by a guess (an
    /// unclear slash, an English decimal point).
    Doubtful(DoubtKind, String),
    /// An item's own greeting or thanks ("Kính thưa bà con", "Xin cảm ơn bà con."),
    /// left out: a bulletin has one opening and one closing, the station's.
    Courtesy(String),
    /// A spoken sentence longer than one breath: its syllable count.
    LongSentence(usize),
}

/// The longest sentence, in spoken syllables, an announcer reads in one breath.
pub const MAX_SENTENCE_SYLLABLES: usize = 40;

impl ScriptWarning {
    /// What happened, in English, e.g. "a table is left out of the spoken script".
    pub fn message(&self) -> String {
        match &self.issue {
            ScriptIssue::LeftOut(part) => part.message().to_owned(),
            ScriptIssue::NotInGlossary(token) => unknown_message(token),
            ScriptIssue::Doubtful(kind, token) => doubt_message(*kind, token),
            ScriptIssue::Courtesy(words) => {
                format!("\"{words}\": an item's own greeting or thanks is left out of the bulletin")
            }
            ScriptIssue::LongSentence(syllables) => format!(
                "a sentence of {syllables} syllables: more than one breath ({MAX_SENTENCE_SYLLABLES})"
            ),
        }
    }
}

/// Builds the script of a page body. `first_line` is the line of the user's file on
/// which `markdown` starts (after the front matter).
pub fn script_from_markdown(markdown: &str, first_line: usize, glossary: &Glossary) -> Script {
    let mut builder = ScriptBuilder::new(markdown, first_line, glossary);
    for (event, range) in crate::markdown::parser(markdown).into_offset_iter() {
        builder.handle(event, range);
    }
    builder.finish()
}

/// Builds the script of a hand-written `broadcast.text`: each non-empty line is one
/// paragraph; a line starting with a bullet ("- ", "* ", "+ ", "• ") becomes a
/// sentence of its own.
pub fn script_from_text(text: &str, first_line: usize, glossary: &Glossary) -> Script {
    let mut script = Script::default();
    for (index, line) in text.lines().enumerate() {
        let line_number = first_line + index;
        let (body, bullet) = strip_bullet(line.trim());
        let (body, courtesies) = strip_courtesies(body, &[]);
        script
            .warnings
            .extend(courtesies.into_iter().map(|(_, words)| ScriptWarning {
                line: line_number,
                issue: ScriptIssue::Courtesy(words),
            }));
        let spoken = speak(&body, glossary);
        script
            .warnings
            .extend(
                spoken_issues(&spoken)
                    .into_iter()
                    .map(|(_, issue)| ScriptWarning {
                        line: line_number,
                        issue,
                    }),
            );
        let paragraph = if bullet {
            capitalise_first(&end_sentence(&spoken.text))
        } else {
            spoken.text
        };
        script
            .warnings
            .extend(long_sentences(&paragraph).map(|syllables| ScriptWarning {
                line: line_number,
                issue: ScriptIssue::LongSentence(syllables),
            }));
        if !paragraph.is_empty() {
            script.paragraphs.push(paragraph);
        }
    }
    dedup_warnings(&mut script.warnings);
    script
}

/// The syllable counts of the sentences of a spoken paragraph that are longer than
/// one breath.
fn long_sentences(paragraph: &str) -> impl Iterator<Item = usize> + '_ {
    long_sentence_spans(paragraph)
        .into_iter()
        .map(|(_, syllables)| syllables)
}

/// The sentences of a spoken paragraph longer than one breath: (index among the
/// paragraph's sentences, syllables).
fn long_sentence_spans(paragraph: &str) -> Vec<(usize, usize)> {
    sentence_spans(paragraph)
        .into_iter()
        .enumerate()
        .map(|(index, (start, end))| (index, super::count_syllables(&paragraph[start..end])))
        .filter(|&(_, syllables)| syllables > MAX_SENTENCE_SYLLABLES)
        .collect()
}

/// Sentences as an announcer breathes them: cut after `.`, `!`, `?` or `;` followed
/// by white space (or the end); byte ranges.
fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?' | ';')
            && chars.peek().is_none_or(|&(_, next)| next.is_whitespace());
        if ends {
            spans.push((start, i + c.len_utf8()));
            start = i + c.len_utf8();
        }
    }
    if !text[start..].trim().is_empty() {
        spans.push((start, text.len()));
    }
    spans
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

/// Written sentences of a text: (start, end) byte ranges, each ending after its `.`,
/// `!` or `?` (and the space after it).
fn sentence_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?')
            && chars.peek().is_none_or(|&(_, next)| next.is_whitespace());
        if ends {
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

/// The text without an item's own greeting clauses and closing sentences, and what
/// was left out (with its offset). A greeting's clause ends at its first `,`, `!`, `.`
/// or `:`; the rest of its sentence stays. `keep` holds byte ranges (links) whose
/// sentences are not touched.
fn strip_courtesies(text: &str, keep: &[(usize, usize)]) -> (String, Vec<(usize, String)>) {
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
fn drop_link_pointers(text: &str, links: &[(usize, usize)]) -> String {
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

fn strip_bullet(line: &str) -> (&str, bool) {
    ["- ", "* ", "+ ", "• ", "– "]
        .iter()
        .find_map(|bullet| line.strip_prefix(bullet))
        .map_or((line, false), |rest| (rest.trim_start(), true))
}

fn unknown_message(token: &str) -> String {
    format!("{token}: not in the glossary; it would be read letter by letter")
}

fn doubt_message(kind: DoubtKind, token: &str) -> String {
    match kind {
        DoubtKind::Url => format!("{token}: a web address is left out of the spoken script"),
        DoubtKind::Email => format!("{token}: an e-mail address is left out of the spoken script"),
        DoubtKind::Emoji => format!("{token}: an emoji is left out of the spoken script"),
        DoubtKind::Slash => format!("{token}: not clearly a date; it is read as a fraction"),
        DoubtKind::Abbreviation => {
            format!("{token}: has two meanings; it is read by a guess")
        }
        DoubtKind::DecimalPoint => {
            format!("{token}: an English decimal point; it is read \"phẩy\"")
        }
    }
}

/// The warnings of a spoken line: unknown abbreviations and doubtful tokens, each with
/// its byte offset in the text that was spoken.
fn spoken_issues(spoken: &Spoken) -> Vec<(usize, ScriptIssue)> {
    let unknown = spoken
        .unknown
        .iter()
        .map(|u| (u.offset, ScriptIssue::NotInGlossary(u.token.clone())));
    let doubts = spoken
        .doubts
        .iter()
        .map(|d| (d.offset, ScriptIssue::Doubtful(d.kind, d.token.clone())));
    unknown.chain(doubts).collect()
}

/// How a block's spoken text is shaped into a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    Paragraph,
    /// A lead-in: first letter capitalised, ends as a sentence.
    Heading,
    /// A list item: an optional "Một là, " lead, ends as a sentence.
    Item(Option<String>),
}

/// Text collected for one paragraph, heading or item, with where each piece came from.
struct Block {
    shape: Shape,
    text: String,
    /// (offset in `text`, offset in the markdown) at the start of each piece.
    sources: Vec<(usize, usize)>,
    /// Byte ranges of link text in `text`; the last may still be open.
    links: Vec<(usize, usize)>,
}

impl Block {
    /// The markdown offset of a byte offset in `text`.
    fn source_of(&self, offset: usize) -> usize {
        self.sources
            .iter()
            .rev()
            .find(|(text_offset, _)| *text_offset <= offset)
            .map_or(0, |(text_offset, source)| source + (offset - text_offset))
    }

    fn new(shape: Shape) -> Block {
        Block {
            shape,
            text: String::new(),
            sources: Vec::new(),
            links: Vec::new(),
        }
    }
}

/// Elements that are left out of a spoken script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skipped {
    Table,
    CodeBlock,
    Html,
    Image,
    /// A footnote's text: the portal shows it under the page; the script leaves it out
    /// (the reference mark `[^1]` is not read either).
    Footnote,
}

impl Skipped {
    fn of_start(tag: &Tag) -> Option<Skipped> {
        match tag {
            Tag::Table(_) => Some(Skipped::Table),
            Tag::CodeBlock(_) => Some(Skipped::CodeBlock),
            Tag::HtmlBlock => Some(Skipped::Html),
            Tag::Image { .. } => Some(Skipped::Image),
            Tag::FootnoteDefinition(_) => Some(Skipped::Footnote),
            _ => None,
        }
    }

    fn of_end(tag: &TagEnd) -> Option<Skipped> {
        match tag {
            TagEnd::Table => Some(Skipped::Table),
            TagEnd::CodeBlock => Some(Skipped::CodeBlock),
            TagEnd::HtmlBlock => Some(Skipped::Html),
            TagEnd::Image => Some(Skipped::Image),
            TagEnd::FootnoteDefinition => Some(Skipped::Footnote),
            _ => None,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Skipped::Table => "a table is left out of the spoken script",
            Skipped::CodeBlock => "a code block is left out of the spoken script",
            Skipped::Html => "raw HTML is left out of the spoken script",
            Skipped::Image => "an image is left out of the spoken script",
            Skipped::Footnote => "a footnote is left out of the spoken script",
        }
    }
}

/// Walks the markdown events and collects the script.
struct ScriptBuilder<'a> {
    markdown: &'a str,
    glossary: &'a Glossary,
    first_line: usize,
    /// Byte offsets where each markdown line starts.
    line_starts: Vec<usize>,
    block: Option<Block>,
    /// For each open list, the number of its next item (`None` for bullets).
    lists: Vec<Option<u64>>,
    skipping: Option<(Skipped, usize)>,
    script: Script,
}

impl<'a> ScriptBuilder<'a> {
    fn new(markdown: &'a str, first_line: usize, glossary: &'a Glossary) -> ScriptBuilder<'a> {
        let line_starts = std::iter::once(0)
            .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        ScriptBuilder {
            markdown,
            glossary,
            first_line,
            line_starts,
            block: None,
            lists: Vec::new(),
            skipping: None,
            script: Script::default(),
        }
    }

    fn handle(&mut self, event: Event, range: Range<usize>) {
        if self.skip(&event) {
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) | Event::Code(text) => self.push_text(&text, range.start),
            Event::SoftBreak | Event::HardBreak => self.push_text(" ", range.start),
            Event::InlineHtml(html) | Event::Html(html) => {
                if !is_html_comment(&html) {
                    self.warn(range.start, ScriptIssue::LeftOut(Skipped::Html));
                }
                self.push_text(" ", range.start);
            }
            Event::Rule => self.flush(),
            _ => {}
        }
    }

    /// Whether the event is inside a left-out element (and so is dropped).
    fn skip(&mut self, event: &Event) -> bool {
        let Some((kind, depth)) = self.skipping else {
            return false;
        };
        match event {
            Event::Start(tag) if Skipped::of_start(tag) == Some(kind) => {
                self.skipping = Some((kind, depth + 1));
            }
            Event::End(tag) if Skipped::of_end(tag) == Some(kind) => {
                self.skipping = (depth > 1).then_some((kind, depth - 1));
            }
            _ => {}
        }
        true
    }

    fn start(&mut self, tag: Tag, range: Range<usize>) {
        if let Some(kind) = Skipped::of_start(&tag) {
            let source = self.markdown.get(range.clone()).unwrap_or_default();
            if !(kind == Skipped::Html && is_html_comment(source)) {
                self.warn(range.start, ScriptIssue::LeftOut(kind));
            }
            self.skipping = Some((kind, 1));
            if kind != Skipped::Image {
                self.flush();
            }
            return;
        }
        match tag {
            Tag::Heading { .. } => self.open(Shape::Heading),
            Tag::Paragraph => self.open_paragraph(),
            Tag::List(first) => {
                self.flush();
                self.lists.push(first);
            }
            Tag::Item => {
                let lead = self.next_item_lead();
                self.open(Shape::Item(lead));
            }
            Tag::Link { .. } => {
                self.push_text("", range.start);
                if let Some(block) = self.block.as_mut() {
                    block.links.push((block.text.len(), usize::MAX));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) => {
                self.flush();
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Link => {
                if let Some(block) = self.block.as_mut() {
                    let end = block.text.len();
                    if let Some(link) = block.links.last_mut() {
                        link.1 = end;
                    }
                }
            }
            _ => {}
        }
    }

    /// "Một là, " for the next item of a numbered list; nothing for a bullet.
    fn next_item_lead(&mut self) -> Option<String> {
        let number = self.lists.last_mut()?.as_mut()?;
        let lead = format!("{} là, ", capitalise_first(&cardinal_value(*number)));
        *number = number.saturating_add(1);
        Some(lead)
    }

    /// A paragraph inside a list item that has no text yet belongs to the item; any
    /// other paragraph is a block of its own (a sentence when inside a list).
    fn open_paragraph(&mut self) {
        let item_waiting = self
            .block
            .as_ref()
            .is_some_and(|block| block.text.trim().is_empty() && block.shape != Shape::Paragraph);
        if item_waiting {
            return;
        }
        let shape = if self.lists.is_empty() {
            Shape::Paragraph
        } else {
            Shape::Item(None)
        };
        self.open(shape);
    }

    fn open(&mut self, shape: Shape) {
        self.flush();
        self.block = Some(Block::new(shape));
    }

    fn push_text(&mut self, text: &str, source: usize) {
        let shape = if self.lists.is_empty() {
            Shape::Paragraph
        } else {
            Shape::Item(None)
        };
        let block = self.block.get_or_insert_with(|| Block::new(shape));
        block.sources.push((block.text.len(), source));
        block.text.push_str(text);
    }

    /// Says the open block and adds it to the script.
    fn flush(&mut self) {
        let Some(block) = self.block.take() else {
            return;
        };
        if block.text.trim().is_empty() {
            return;
        }
        let (written, courtesies) = strip_courtesies(&block.text, &block.links);
        for (offset, words) in courtesies {
            let source = block.source_of(offset);
            self.warn(source, ScriptIssue::Courtesy(words));
        }
        let written = if written.len() == block.text.len() {
            drop_link_pointers(&written, &block.links)
        } else {
            written
        };
        if written.trim().is_empty() {
            return;
        }
        let spoken = speak(written.trim_end(), self.glossary);
        if written == block.text {
            self.warn_unknown(&block, &spoken);
        } else {
            let start = block.source_of(0);
            for (_, issue) in spoken_issues(&spoken) {
                self.warn(start, issue);
            }
        }
        let paragraph = shape_paragraph(&block.shape, &spoken.text);
        // The line of a long sentence: the written sentence in the same place, when the
        // written and spoken paragraphs have as many sentences; else the paragraph's.
        let written_spans = sentence_spans(&written);
        let same_shape =
            written == block.text && written_spans.len() == sentence_spans(&paragraph).len();
        for (index, syllables) in long_sentence_spans(&paragraph) {
            let offset = match written_spans.get(index) {
                Some(&(start, end)) if same_shape => {
                    let sentence = &written[start..end];
                    start + (sentence.len() - sentence.trim_start().len())
                }
                _ => 0,
            };
            self.warn(
                block.source_of(offset),
                ScriptIssue::LongSentence(syllables),
            );
        }
        if !paragraph.is_empty() {
            self.script.paragraphs.push(paragraph);
        }
    }

    fn warn_unknown(&mut self, block: &Block, spoken: &Spoken) {
        for (offset, issue) in spoken_issues(spoken) {
            self.warn(block.source_of(offset), issue);
        }
    }

    fn warn(&mut self, offset: usize, issue: ScriptIssue) {
        let line_index = self.line_starts.partition_point(|&start| start <= offset);
        self.script.warnings.push(ScriptWarning {
            line: self.first_line + line_index.saturating_sub(1),
            issue,
        });
    }

    fn finish(mut self) -> Script {
        self.flush();
        dedup_warnings(&mut self.script.warnings);
        self.script
    }
}

/// An HTML comment is an editor's note: left out without a warning.
fn is_html_comment(html: &str) -> bool {
    html.trim_start().starts_with("<!--")
}

/// Puts warnings in line order and drops repeats of the same warning on one line.
fn dedup_warnings(warnings: &mut Vec<ScriptWarning>) {
    warnings.sort_by_key(|warning| warning.line);
    let mut seen = std::collections::BTreeSet::new();
    warnings.retain(|warning| seen.insert((warning.line, warning.issue.clone())));
}

fn shape_paragraph(shape: &Shape, spoken: &str) -> String {
    match shape {
        Shape::Paragraph => spoken.to_string(),
        Shape::Heading => end_sentence(&capitalise_first(spoken)),
        Shape::Item(lead) => {
            let sentence = end_sentence(spoken);
            match lead {
                Some(lead) => format!("{lead}{sentence}"),
                None => capitalise_first(&sentence),
            }
        }
    }
}

/// Ends the text as a sentence: a final ',' or ';' becomes '.', and '.' is added when
/// no closing mark is there.
fn end_sentence(text: &str) -> String {
    let trimmed = text.trim_end().trim_end_matches([',', ';']).trim_end();
    if trimmed.is_empty() {
        return String::new();
    }
    match trimmed.chars().next_back() {
        Some('.' | '!' | '?' | '…' | ':') => trimmed.to_string(),
        _ => format!("{trimmed}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(markdown: &str) -> Script {
        script_from_markdown(markdown, 1, &Glossary::builtin())
    }

    #[test]
    fn numbered_list_items_are_read_one_la_two_la() {
        let markdown = "Nhiệm vụ:\n\n1. Tuyên truyền về ATVSLĐ\n2. Kiểm tra 15 doanh nghiệp;\n";
        let expected = [
            "Nhiệm vụ:",
            "Một là, Tuyên truyền về an toàn, vệ sinh lao động.",
            "Hai là, Kiểm tra mười lăm doanh nghiệp.",
        ];
        assert_eq!(script(markdown).paragraphs, expected);
    }

    #[test]
    fn numbered_list_keeps_its_starting_number_and_loose_items() {
        let markdown = "3. Ba\n\n4. Bốn\n\n   Thêm ý.\n";
        let expected = ["Ba là, Ba.", "Bốn là, Bốn.", "Thêm ý."];
        assert_eq!(script(markdown).paragraphs, expected);
    }

    #[test]
    fn bullet_items_become_sentences() {
        let markdown = "- đội mũ bảo hộ\n- đeo dây an toàn khi làm việc ở độ cao từ 2m trở lên!\n";
        let expected = [
            "Đội mũ bảo hộ.",
            "Đeo dây an toàn khi làm việc ở độ cao từ hai mét trở lên!",
        ];
        assert_eq!(script(markdown).paragraphs, expected);
    }

    #[test]
    fn nested_lists_read_parent_then_children() {
        let markdown = "1. Phòng Y tế:\n   - khám BNN\n   - quan trắc\n2. Công an\n";
        let expected = [
            "Một là, Phòng Y tế:",
            "Khám bệnh nghề nghiệp.",
            "Quan trắc.",
            "Hai là, Công an.",
        ];
        assert_eq!(script(markdown).paragraphs, expected);
    }

    #[test]
    fn headings_become_lead_ins() {
        let markdown = "# I. MỤC ĐÍCH, YÊU CẦU\n\n## KẾ HOẠCH TUYÊN TRUYỀN ATVSLĐ NĂM 2025\n\n### Lịch phát thanh\n\nNội dung.\n";
        let expected = [
            "Phần một. Mục đích, yêu cầu.",
            "Kế hoạch tuyên truyền an toàn, vệ sinh lao động năm hai nghìn không trăm hai mươi lăm.",
            "Lịch phát thanh.",
            "Nội dung.",
        ];
        assert_eq!(script(markdown).paragraphs, expected);
    }

    #[test]
    fn links_keep_text_and_emphasis_is_dropped() {
        let markdown = "Xem [Kế hoạch số 52/KH-UBND](/van-ban/52) và **gọi 114** _ngay_.";
        let expected = ["Xem Kế hoạch số năm mươi hai và gọi một một bốn ngay."];
        assert_eq!(script(markdown).paragraphs, expected);
        assert!(script(markdown).warnings.is_empty());
    }

    #[test]
    fn table_is_left_out_with_a_warning_on_its_line() {
        let markdown = "Số liệu:\n\n| Năm | Vụ |\n| --- | --- |\n| 2024 | 12 |\n\nHết.\n";
        let result = script_from_markdown(markdown, 10, &Glossary::builtin());
        assert_eq!(result.paragraphs, ["Số liệu:", "Hết."]);
        let expected = ScriptWarning {
            line: 12,
            issue: ScriptIssue::LeftOut(Skipped::Table),
        };
        assert_eq!(result.warnings, [expected]);
    }

    #[test]
    fn images_code_and_html_are_left_out_with_warnings() {
        let markdown = "Ảnh ![công nhân](a.jpg) đẹp.\n\n```\ncode 1\n```\n\n<div>x</div>\n\nA<br>b\n\n<!-- ghi chú -->\n\nHết <!-- x --> rồi.\n";
        let result = script(markdown);
        assert_eq!(result.paragraphs, ["Ảnh đẹp.", "A b", "Hết rồi."]);
        let found: Vec<(usize, String)> = result
            .warnings
            .iter()
            .map(|w| (w.line, w.message()))
            .collect();
        let expected = [
            (1, "an image is left out of the spoken script"),
            (3, "a code block is left out of the spoken script"),
            (7, "raw HTML is left out of the spoken script"),
            (9, "raw HTML is left out of the spoken script"),
        ]
        .map(|(l, m)| (l, m.to_owned()));
        assert_eq!(found, expected);
    }

    #[test]
    fn unknown_abbreviation_warns_on_its_own_line() {
        let markdown = "# Thông báo\n\nCông nhân cần biết\nvề TNLX và TNLĐ.\n\n- Liên hệ HP\n";
        let result = script_from_markdown(markdown, 5, &Glossary::builtin());
        let expected = [
            ScriptWarning {
                line: 8,
                issue: ScriptIssue::NotInGlossary("TNLX".into()),
            },
            ScriptWarning {
                line: 10,
                issue: ScriptIssue::NotInGlossary("HP".into()),
            },
        ];
        assert_eq!(result.warnings, expected);
        assert_eq!(
            result.paragraphs[1],
            "Công nhân cần biết về tê nờ lờ ích và tai nạn lao động."
        );
    }

    /// Issue 17: the script reads markdown as the portal does, so a heading's `{#id}`
    /// and a footnote mark are markup, not words.
    #[test]
    fn script_reads_markdown_with_the_portals_options() {
        let markdown = "## Tiêu đề {#tieu-de}\n\nCó 5 người[^1] đã ~~không~~ khám.\n\n- [x] xong\n\n[^1]: Theo báo cáo.\n";
        let result = script(markdown);
        assert_eq!(
            result.paragraphs,
            ["Tiêu đề.", "Có năm người đã không khám.", "Xong."]
        );
        let found: Vec<(usize, String)> = result
            .warnings
            .iter()
            .map(|w| (w.line, w.message()))
            .collect();
        let expected = [(7, "a footnote is left out of the spoken script".to_owned())];
        assert_eq!(found, expected);
    }

    /// Issue 17: what a script cannot say is reported on its line.
    #[test]
    fn addresses_emoji_and_guesses_warn_on_their_lines() {
        let markdown =
            "Xem thông báo.\n\nGửi về a@b.vn 👷\nhoặc https://x.vn.\n\n- 2/3 đã khắc phục\n";
        let found: Vec<(usize, String)> = script(markdown)
            .warnings
            .iter()
            .map(|w| (w.line, w.message()))
            .collect();
        let expected = [
            (
                3,
                "a@b.vn: an e-mail address is left out of the spoken script",
            ),
            (3, "👷: an emoji is left out of the spoken script"),
            (
                4,
                "https://x.vn: a web address is left out of the spoken script",
            ),
            (6, "2/3: not clearly a date; it is read as a fraction"),
        ]
        .map(|(l, m)| (l, m.to_owned()));
        assert_eq!(found, expected);
    }

    #[test]
    fn empty_and_blank_markdown_give_an_empty_script() {
        for markdown in ["", "\n\n", "---\n", "![x](y.png)"] {
            assert!(script(markdown).paragraphs.is_empty(), "{markdown:?}");
        }
    }

    #[test]
    fn hand_written_text_gives_one_paragraph_per_line() {
        let text = "Nhắc bà con!\n\n- đội mũ bảo hộ;\nGọi 114 khi có cháy, nổ. Hỏi XYZ.\n";
        let result = script_from_text(text, 20, &Glossary::builtin());
        let expected = [
            "Nhắc bà con!",
            "Đội mũ bảo hộ.",
            "Gọi một một bốn khi có cháy, nổ. Hỏi ích i dài dét.",
        ];
        assert_eq!(result.paragraphs, expected);
        let lines: Vec<usize> = result.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [23]);
    }

    /// Issue 17: an item's own greeting and thanks are left out (the bulletin has the
    /// station's), and a sentence that only points at a link is not read.
    #[test]
    fn item_courtesies_and_link_pointers_are_left_out() {
        let markdown = "Kính thưa bà con, trạm y tế khám miễn phí.\n\nXem thêm hướng dẫn trong [Kế hoạch](/k/). Mang thẻ BHYT.\n\nXem [Kế hoạch 52](/k/) và gọi 114.\n\nXin cảm ơn bà con.\n";
        let result = script(markdown);
        let expected = [
            "Trạm y tế khám miễn phí.",
            "Mang thẻ bảo hiểm y tế.",
            "Xem Kế hoạch năm mươi hai và gọi một một bốn.",
        ];
        assert_eq!(result.paragraphs, expected);
        let found: Vec<(usize, ScriptIssue)> = result
            .warnings
            .into_iter()
            .map(|w| (w.line, w.issue))
            .collect();
        let expected = [
            (1, ScriptIssue::Courtesy("Kính thưa bà con,".into())),
            (7, ScriptIssue::Courtesy("Xin cảm ơn bà con.".into())),
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn awkward_bodies_are_scripted_without_panicking() {
        let bodies = [
            "Kính thưa",
            "Kính thưa bà con",
            "Xin cảm ơn bà con",
            "[Xem](x)",
            "Xem [](x).",
            "Xem [a](x)[b](y). Kính thưa bà con, [c](z).",
            "Kính thưa ẞ bà con! Ǆ. Xem thêm [İ](x).",
            "(((((",
            "(Kính thưa bà con)",
            "- Kính thưa bà con,\n- Xin cảm ơn bà con.\n",
            "# Kính thưa bà con\n\n> Xem [x](y)\n",
        ];
        for body in bodies {
            let _ = script(body);
            let _ = script_from_text(body, 1, &Glossary::builtin());
        }
    }

    #[test]
    fn long_sentences_are_warned() {
        let long = "Một hai ba bốn năm sáu bảy tám chín mười ".repeat(5);
        let result = script_from_text(&format!("{long}. Ngắn."), 3, &Glossary::builtin());
        let issues: Vec<ScriptIssue> = result.warnings.into_iter().map(|w| w.issue).collect();
        assert_eq!(issues, [ScriptIssue::LongSentence(50)]);
        // In markdown, the warning names the line where the long sentence starts.
        let markdown = format!("Ngắn.\nVẫn ngắn.\n{long}\nhết.\n");
        let found: Vec<(usize, ScriptIssue)> =
            script_from_markdown(&markdown, 5, &Glossary::builtin())
                .warnings
                .into_iter()
                .map(|w| (w.line, w.issue))
                .collect();
        assert_eq!(found, [(7, ScriptIssue::LongSentence(51))]);
    }

    #[test]
    fn ends_sentences_once() {
        let cases = [
            ("a", "a."),
            ("a.", "a."),
            ("a;", "a."),
            ("a,", "a."),
            ("a:", "a:"),
            ("a?", "a?"),
            ("", ""),
            (";", ""),
        ];
        for (text, expected) in cases {
            assert_eq!(end_sentence(text), expected, "{text:?}");
        }
    }
}
