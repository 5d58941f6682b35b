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
}

impl ScriptWarning {
    /// What happened, in English, e.g. "a table is left out of the spoken script".
    pub fn message(&self) -> String {
        match &self.issue {
            ScriptIssue::LeftOut(part) => part.message().to_owned(),
            ScriptIssue::NotInGlossary(token) => unknown_message(token),
            ScriptIssue::Doubtful(kind, token) => doubt_message(*kind, token),
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
        let (body, bullet) = strip_bullet(line.trim());
        let spoken = speak(body, glossary);
        let line_number = first_line + index;
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
        if !paragraph.is_empty() {
            script.paragraphs.push(paragraph);
        }
    }
    dedup_warnings(&mut script.warnings);
    script
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
        self.block = Some(Block {
            shape,
            text: String::new(),
            sources: Vec::new(),
        });
    }

    fn push_text(&mut self, text: &str, source: usize) {
        let shape = if self.lists.is_empty() {
            Shape::Paragraph
        } else {
            Shape::Item(None)
        };
        let block = self.block.get_or_insert_with(|| Block {
            shape,
            text: String::new(),
            sources: Vec::new(),
        });
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
        let spoken = speak(block.text.trim_end(), self.glossary);
        self.warn_unknown(&block, &spoken);
        let paragraph = shape_paragraph(&block.shape, &spoken.text);
        if !paragraph.is_empty() {
            self.script.paragraphs.push(paragraph);
        }
    }

    fn warn_unknown(&mut self, block: &Block, spoken: &Spoken) {
        for (offset, issue) in spoken_issues(spoken) {
            let source = block
                .sources
                .iter()
                .rev()
                .find(|(text_offset, _)| *text_offset <= offset)
                .map_or(0, |(text_offset, source)| source + (offset - text_offset));
            self.warn(source, issue);
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
        let text = "Kính thưa bà con!\n\n- đội mũ bảo hộ;\nGọi 114 khi có cháy, nổ. Hỏi XYZ.\n";
        let result = script_from_text(text, 20, &Glossary::builtin());
        let expected = [
            "Kính thưa bà con!",
            "Đội mũ bảo hộ.",
            "Gọi một một bốn khi có cháy, nổ. Hỏi ích i dài dét.",
        ];
        assert_eq!(result.paragraphs, expected);
        let lines: Vec<usize> = result.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [23]);
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
