//! Markdown to HTML with pulldown-cmark, plus the facts the rest of the build needs:
//! headings (with ASCII ids), internal `@/` links to check, images, plain text for
//! summaries and search. Raw HTML follows `[markdown] raw_html`; link targets that could
//! run a script are neutralised; fenced code is highlighted with CSS classes, and
//! syntect's data is loaded only when some page has a code block. With
//! `raw_html = "sanitize"` the rendered page goes through ammonia, which keeps ordinary
//! markup and drops everything that could run code. Lists and quotes nested deeper than
//! [`MAX_NESTING`] are refused, so no input can exhaust the stack of a later stage.

use crate::error::{LinkProblem, PageProblem};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::config::RawHtml;
use crate::error::{Diagnostic, Location, Message};
use crate::slug::slugify;

mod highlight;
mod sanitize;

use highlight::*;
pub use highlight::{HIGHLIGHT_THEMES, highlight_css};
pub use sanitize::is_dangerous_url;
use sanitize::*;

/// A heading of a page, for its table of contents and `#anchor` checks.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// Where an `@/` link may point.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LinkTarget {
    /// A published page or section, at this URL path.
    Published(String),
    /// A page that exists but is not published on the build date.
    Unpublished,
}

pub struct MarkdownContext<'a> {
    pub raw_html: RawHtml,
    /// `@/`-relative source path (`tin-tuc/a.md`) -> target.
    pub links: &'a HashMap<String, LinkTarget>,
    /// The file being rendered, for diagnostics.
    pub source: &'a Path,
}

/// An `@/` link whose anchor must be checked once every page is rendered.
#[derive(Debug, Clone)]
pub struct AnchorRef {
    pub target_rel: String,
    pub anchor: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Default, Clone)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub plain: String,
    pub word_count: usize,
    pub has_code: bool,
    pub anchors_to_check: Vec<AnchorRef>,
    /// The body's images and plain links, for the checks that they lead somewhere.
    pub references: References,
    pub diagnostics: Vec<Diagnostic>,
}

/// The images and plain (not `@/`) links of a body, with their lines in the file;
/// collected while rendering, so no check parses a body a second time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct References {
    pub images: Vec<ImageRef>,
    pub links: Vec<LinkRef>,
}

/// The deepest nesting of lists and block quotes a page may have. Real documents use
/// three or four levels; the cap keeps hostile input from exhausting any stage's stack.
pub const MAX_NESTING: usize = 100;

/// The markdown dialect of every output: the portal's HTML, the facts taken from a
/// page and the loudspeaker scripts all read a body with these options, so a heading's
/// `{#id}` or a footnote is markup everywhere and never text somewhere.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The one markdown parser of the project (see [`options`]).
pub(crate) fn parser(body: &str) -> Parser<'_> {
    Parser::new_ext(body, options())
}

/// Byte offsets of line starts, to turn event offsets into file lines.
struct Lines {
    starts: Vec<usize>,
    first_line: usize,
}

impl Lines {
    fn new(text: &str, first_line: usize) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts, first_line }
    }

    fn at(&self, text: &str, offset: usize) -> (usize, usize) {
        let idx = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[idx];
        let col = text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (self.first_line + idx, col)
    }
}

/// Render a page body. `first_line` is the body's first line in its file.
pub fn render(body: &str, first_line: usize, ctx: &MarkdownContext) -> Rendered {
    let lines = Lines::new(body, first_line);
    let mut events: Vec<(Event, std::ops::Range<usize>)> =
        parser(body).into_offset_iter().collect();
    if let Some(offset) = too_deep(&events) {
        let (line, column) = lines.at(body, offset);
        let mut out = Rendered::default();
        out.diagnostics.push(Diagnostic::new(
            Message::Page(PageProblem::TooDeep { limit: MAX_NESTING }),
            Some(Location::new(ctx.source, line, column)),
        ));
        return out;
    }
    let mut out = Rendered {
        headings: assign_heading_ids(&mut events),
        ..Rendered::default()
    };
    let mut rewritten = Vec::with_capacity(events.len());
    let mut code: Option<(String, String)> = None;
    // Images nest (an image in an image's alt text): how deep, and the outermost's alt.
    let mut image_depth = 0usize;
    for (event, range) in events {
        if let Some((lang, buf)) = &mut code {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    rewritten.push(Event::Html(highlight(lang, buf).into()));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        let at = || lines.at(body, range.start);
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                out.has_code = true;
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                // A link that could run code is emptied, not published: nothing to check.
                if !dest_url.starts_with("@/") && !is_dangerous_url(&dest_url) {
                    let (line, column) = at();
                    out.references.links.push(LinkRef {
                        url: dest_url.to_string(),
                        line,
                        column,
                    });
                }
                let dest_url = resolve_link(&dest_url, at(), ctx, &mut out);
                rewritten.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                image_depth += 1;
                if image_depth == 1 && !is_dangerous_url(&dest_url) {
                    let (line, column) = at();
                    out.references.images.push(ImageRef {
                        url: dest_url.to_string(),
                        alt: String::new(),
                        line,
                        column,
                    });
                }
                let dest_url = if is_dangerous_url(&dest_url) {
                    "".into()
                } else {
                    dest_url
                };
                rewritten.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if ctx.raw_html == RawHtml::Sanitize
                    && let Some(found) = executable_html(&html)
                {
                    let (line, column) = at();
                    out.diagnostics.push(Diagnostic::new(
                        Message::Page(PageProblem::HtmlSanitized {
                            removed: found.to_owned(),
                        }),
                        Some(Location::new(ctx.source, line, column)),
                    ));
                }
                rewritten.push(raw_html(html, ctx.raw_html));
            }
            Event::End(TagEnd::Image) => {
                image_depth = image_depth.saturating_sub(1);
                rewritten.push(event);
            }
            Event::Text(t) => {
                note_alt(&mut out, image_depth, &t);
                push_plain(&mut out.plain, &t);
                rewritten.push(Event::Text(t));
            }
            Event::Code(t) => {
                note_alt(&mut out, image_depth, &t);
                push_plain(&mut out.plain, &t);
                rewritten.push(Event::Code(t));
            }
            // Line breaks and table cells separate words in the plain text, which search
            // and summaries split on.
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::TableCell) => {
                out.plain.push(' ');
                rewritten.push(event);
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableHead
                | TagEnd::TableRow,
            ) => {
                out.plain.push('\n');
                rewritten.push(event);
            }
            other => rewritten.push(other),
        }
    }
    out.word_count = out.plain.split_whitespace().count();
    pulldown_cmark::html::push_html(&mut out.html, rewritten.into_iter());
    if ctx.raw_html == RawHtml::Sanitize {
        out.html = sanitize(&out.html);
    }
    out
}

/// The offset of the first list or quote nested deeper than [`MAX_NESTING`].
fn too_deep(events: &[(Event, std::ops::Range<usize>)]) -> Option<usize> {
    let mut depth = 0usize;
    for (event, range) in events {
        match event {
            Event::Start(Tag::List(_) | Tag::BlockQuote(_) | Tag::Item) => {
                depth += 1;
                if depth > 2 * MAX_NESTING {
                    return Some(range.start);
                }
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_) | TagEnd::Item) => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
    }
    None
}

/// An image of a page body, for the checks of `loa check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub url: String,
    pub alt: String,
    pub line: usize,
    pub column: usize,
}

/// A link of a page body that is not an `@/` link, for the checks of `loa check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    pub url: String,
    pub line: usize,
    pub column: usize,
}

/// Text inside an image is its alt text.
fn note_alt(out: &mut Rendered, image_depth: usize, text: &str) {
    if image_depth > 0
        && let Some(image) = out.references.images.last_mut()
    {
        image.alt.push_str(text);
    }
}

fn push_plain(plain: &mut String, text: &str) {
    plain.push_str(text);
}

/// Give every heading an id: its `{#id}` attribute, else the slug of its text, made
/// unique within the page.
fn assign_heading_ids(events: &mut [(Event, std::ops::Range<usize>)]) -> Vec<Heading> {
    let mut used: HashSet<String> = HashSet::new();
    let mut headings = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i].0 {
            let level = *level as u8;
            let explicit = id.as_ref().map(|s| s.to_string());
            let mut title = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j].0 {
                    title.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| match slugify(&title) {
                s if s.is_empty() => "muc".to_owned(),
                s => s,
            });
            let mut unique = base.clone();
            let mut n = 1;
            while !used.insert(unique.clone()) {
                unique = format!("{base}-{n}");
                n += 1;
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
                *id = Some(unique.clone().into());
            }
            headings.push(Heading {
                level,
                id: unique,
                title: title.trim().to_owned(),
            });
            i = j;
        }
        i += 1;
    }
    headings
}

/// `@/path.md#anchor` -> the page's URL; a dangerous scheme -> nothing.
fn resolve_link<'a>(
    dest: &CowStr<'a>,
    (line, column): (usize, usize),
    ctx: &MarkdownContext,
    out: &mut Rendered,
) -> CowStr<'a> {
    if is_dangerous_url(dest) {
        return "".into();
    }
    let Some(target) = dest.strip_prefix("@/") else {
        return dest.clone();
    };
    let (file, anchor) = match target.split_once('#') {
        Some((f, a)) => (f, Some(a)),
        None => (target, None),
    };
    let location = Some(Location::new(ctx.source, line, column));
    match ctx.links.get(file) {
        Some(LinkTarget::Published(url)) => {
            if let Some(anchor) = anchor {
                out.anchors_to_check.push(AnchorRef {
                    target_rel: file.to_owned(),
                    anchor: anchor.to_owned(),
                    line,
                    column,
                });
                format!("{url}#{anchor}").into()
            } else {
                url.clone().into()
            }
        }
        Some(LinkTarget::Unpublished) => {
            out.diagnostics.push(Diagnostic::new(
                Message::Link(LinkProblem::LinkToUnpublished {
                    target: file.to_owned(),
                }),
                location,
            ));
            "".into()
        }
        None => {
            let mut known: Vec<&str> = ctx.links.keys().map(String::as_str).collect();
            known.sort_unstable();
            let hint = crate::error::did_you_mean(file, &known).map(str::to_owned);
            out.diagnostics.push(Diagnostic::new(
                Message::Link(LinkProblem::BrokenLink {
                    target: target.to_owned(),
                    hint,
                }),
                location,
            ));
            "".into()
        }
    }
}

/// A plain-text summary: the first `words` words of `plain`, with an ellipsis when cut.
pub fn summarize(plain: &str, words: usize) -> String {
    let mut out = String::new();
    let mut iter = plain.split_whitespace();
    for w in iter.by_ref().take(words) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if iter.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests;
