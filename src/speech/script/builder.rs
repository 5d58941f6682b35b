//! The walk over a page body's markdown events: which blocks become paragraphs,
//! headings or list items, what is left out (tables, code, HTML, images, footnotes),
//! and on which line of the user's file each warning falls.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::sentences::{drop_link_pointers, long_sentence_spans, sentence_spans, strip_courtesies};
use super::{Script, ScriptIssue, ScriptWarning, dedup_warnings, end_sentence, spoken_issues};
use crate::speech::normalize::{capitalise_first, cardinal_value};
use crate::speech::{Glossary, Spoken, speak};

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

    pub(super) fn new(shape: Shape) -> Block {
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
pub(super) struct ScriptBuilder<'a> {
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
    pub(super) fn new(
        markdown: &'a str,
        first_line: usize,
        glossary: &'a Glossary,
    ) -> ScriptBuilder<'a> {
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

    pub(super) fn handle(&mut self, event: Event, range: Range<usize>) {
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

    pub(super) fn finish(mut self) -> Script {
        self.flush();
        dedup_warnings(&mut self.script.warnings);
        self.script
    }
}

/// An HTML comment is an editor's note: left out without a warning.
fn is_html_comment(html: &str) -> bool {
    html.trim_start().starts_with("<!--")
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
