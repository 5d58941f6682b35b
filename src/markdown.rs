//! Markdown to HTML with pulldown-cmark, plus the facts the rest of the build needs:
//! headings (with ASCII ids), internal `@/` links to check, images, plain text for
//! summaries and search. Raw HTML follows `[markdown] raw_html`; link targets that could
//! run a script are neutralised; fenced code is highlighted with CSS classes, and
//! syntect's data is loaded only when some page has a code block.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::OnceLock;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::config::RawHtml;
use crate::error::{Diagnostic, Location};
use crate::slug::slugify;

/// A heading of a page, for its table of contents and `#anchor` checks.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// Where an `@/` link may point.
#[derive(Debug, Clone)]
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

#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub plain: String,
    pub word_count: usize,
    pub has_code: bool,
    pub anchors_to_check: Vec<AnchorRef>,
    pub diagnostics: Vec<Diagnostic>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
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
    let mut events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .collect();
    let mut out = Rendered {
        headings: assign_heading_ids(&mut events),
        ..Rendered::default()
    };
    let mut rewritten = Vec::with_capacity(events.len());
    let mut code: Option<(String, String)> = None;
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
                rewritten.push(raw_html(html, ctx.raw_html));
            }
            Event::Text(t) => {
                push_plain(&mut out.plain, &t);
                rewritten.push(Event::Text(t));
            }
            Event::Code(t) => {
                push_plain(&mut out.plain, &t);
                rewritten.push(Event::Code(t));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                out.plain.push('\n');
                rewritten.push(event);
            }
            other => rewritten.push(other),
        }
    }
    out.word_count = out.plain.split_whitespace().count();
    pulldown_cmark::html::push_html(&mut out.html, rewritten.into_iter());
    out
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
            out.diagnostics.push(
                Diagnostic::warning(
                    "W010",
                    location,
                    format!("the link to @/{file} points to a page that is not published on the build date"),
                )
                .with_help("the link is shown without its address until that page is published"),
            );
            "".into()
        }
        None => {
            let help = crate::error::did_you_mean(
                file,
                &ctx.links.keys().map(String::as_str).collect::<Vec<_>>(),
            )
            .map_or_else(
                || {
                    "check the file name under content/; links are written @/section/file.md"
                        .to_owned()
                },
                |c| format!("did you mean @/{c}?"),
            );
            out.diagnostics.push(
                Diagnostic::error(
                    "E030",
                    location,
                    format!("the link @/{target} points to a file that does not exist"),
                )
                .with_help(help),
            );
            "".into()
        }
    }
}

/// Schemes that run code in the browser. Browsers ignore ASCII whitespace and control
/// characters inside the scheme, so they are ignored here too.
pub fn is_dangerous_url(url: &str) -> bool {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take_while(|c| *c != ':')
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    url.contains(':') && matches!(scheme.as_str(), "javascript" | "vbscript" | "data")
}

fn raw_html(html: CowStr<'_>, mode: RawHtml) -> Event<'_> {
    match mode {
        RawHtml::Allow => Event::Html(html),
        // Sanitizing keeps nothing executable; until the sanitizer lands (issue #5) it
        // escapes like the default, which is always safe.
        RawHtml::Escape | RawHtml::Sanitize => Event::Text(html),
    }
}

struct Highlighter {
    syntaxes: syntect::parsing::SyntaxSet,
}

fn highlighter() -> &'static Highlighter {
    static CELL: OnceLock<Highlighter> = OnceLock::new();
    CELL.get_or_init(|| Highlighter {
        syntaxes: syntect::parsing::SyntaxSet::load_defaults_newlines(),
    })
}

const CLASS_STYLE: syntect::html::ClassStyle =
    syntect::html::ClassStyle::SpacedPrefixed { prefix: "z-" };

fn highlight(lang: &str, code: &str) -> String {
    let escaped_lang = crate::render::feeds::xml_escape(lang);
    let h = highlighter();
    let syntax = h
        .syntaxes
        .find_syntax_by_token(lang)
        .unwrap_or_else(|| h.syntaxes.find_syntax_plain_text());
    let mut generator =
        syntect::html::ClassedHTMLGenerator::new_with_class_style(syntax, &h.syntaxes, CLASS_STYLE);
    for line in syntect::util::LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!(
                "<pre class=\"code\" data-lang=\"{escaped_lang}\"><code>{}</code></pre>\n",
                crate::render::feeds::xml_escape(code)
            );
        }
    }
    format!(
        "<pre class=\"code\" data-lang=\"{escaped_lang}\"><code>{}</code></pre>\n",
        generator.finalize()
    )
}

/// The stylesheet for highlighted code, for a syntect theme name.
pub fn highlight_css(theme: &str) -> Option<String> {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    let theme = themes.themes.get(theme)?;
    syntect::html::css_for_theme_with_class_style(theme, CLASS_STYLE).ok()
}

/// The names of the highlight themes that ship with loa.
pub fn highlight_themes() -> Vec<String> {
    syntect::highlighting::ThemeSet::load_defaults()
        .themes
        .keys()
        .cloned()
        .collect()
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
mod tests {
    use super::*;

    fn render_plain(md: &str) -> Rendered {
        let links = HashMap::from([
            (
                "tin-tuc/a.md".to_owned(),
                LinkTarget::Published("/tin-tuc/a/".to_owned()),
            ),
            ("tin-tuc/nhap.md".to_owned(), LinkTarget::Unpublished),
        ]);
        let ctx = MarkdownContext {
            raw_html: RawHtml::Escape,
            links: &links,
            source: Path::new("content/x.md"),
        };
        render(md, 5, &ctx)
    }

    #[test]
    fn gives_vietnamese_headings_ascii_ids() {
        let r = render_plain("## Mục đích, yêu cầu\n\n## Mục đích, yêu cầu\n");
        assert!(
            r.html.contains("<h2 id=\"muc-dich-yeu-cau\">"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<h2 id=\"muc-dich-yeu-cau-1\">"),
            "{}",
            r.html
        );
    }

    #[test]
    fn resolves_internal_links_and_reports_missing_ones_at_their_line() {
        let r = render_plain("Xem [bài](@/tin-tuc/a.md#muc-2).\n\n[x](@/tin-tuc/b.md)\n");
        assert!(r.html.contains("href=\"/tin-tuc/a/#muc-2\""), "{}", r.html);
        assert_eq!(r.anchors_to_check.len(), 1);
        let d = &r.diagnostics[0];
        assert_eq!(d.code, "E030");
        assert_eq!(d.location.as_ref().unwrap().line, 7);
        assert_eq!(d.help.as_deref(), Some("did you mean @/tin-tuc/a.md?"));
    }

    #[test]
    fn escapes_raw_html_and_neutralises_script_urls() {
        let r = render_plain(
            "<script>alert(1)</script>\n\n[a](javascript:alert(1)) ![b](JaVa\tScRiPt:x)\n",
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.to_lowercase().contains("javascript:"), "{}", r.html);
    }

    #[test]
    fn highlights_fenced_code_with_classes() {
        let r = render_plain("```toml\ntitle = \"x\"\n```\n");
        assert!(r.has_code);
        assert!(r.html.contains("class=\"z-"), "{}", r.html);
        assert!(r.html.contains("data-lang=\"toml\""), "{}", r.html);
    }

    #[test]
    fn summarizes_by_words() {
        assert_eq!(summarize("một hai ba", 2), "một hai…");
        assert_eq!(summarize("một hai", 2), "một hai");
    }
}
