//! The site as loaded from disk: configuration, sections, pages, data files and files
//! to copy, validated and with publishing rules applied. Sections and pages are kept in
//! a stable order (by path) so every later stage is deterministic.

pub(crate) mod cache;
pub mod front_matter;
pub mod kind;
pub mod page;
pub(crate) mod privacy;
mod validate;

use crate::error::{InputProblem, PrivacyProblem};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::config::SiteConfig;
use crate::date::Date;
use crate::error::{Diagnostic, Error, Location, Message, Result};
use crate::markdown::{self, LinkTarget, MarkdownContext};
use cache::CachedPage;
pub use cache::{LoadCache, Reuse};
use front_matter::{SectionMatter, SplitError};
pub use kind::Kind;
pub use page::{Page, Section};
pub(crate) use validate::masked_name;
pub use validate::{action_month_period, asset_url, missing_templates, normalize_alias};

/// How this run loads the site (not part of the site's configuration).
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub root: PathBuf,
    pub drafts: bool,
    pub today: Date,
    /// The language of this run's messages (stage timings).
    pub lang: crate::error::Lang,
}

/// Pages of the site that a build left out, and why.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub drafts: usize,
    /// `publish_date` still to come.
    pub scheduled: usize,
    /// Past `expiry_date`, or a violation notice past its retention.
    pub expired: usize,
}

impl LeftOut {
    /// Count `page`, which is not published, under its first reason.
    fn count(&mut self, page: &Page, today: Date, drafts: bool) {
        let m = &page.meta;
        if m.draft && !drafts {
            self.drafts += 1;
        } else if m.publish_date.as_ref().is_some_and(|d| d.date > today) {
            self.scheduled += 1;
        } else {
            self.expired += 1;
        }
    }
}

/// A file copied to the output as it is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    pub source: PathBuf,
    /// Output path relative to the output folder, `/`-separated.
    pub dest: String,
}

#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub today: Date,
    pub drafts: bool,
    /// The language of this run's messages.
    pub lang: crate::error::Lang,
    /// Pages that are not published today, by reason.
    pub left_out: LeftOut,
    /// Published pages, sorted by source path.
    pub pages: Vec<Page>,
    /// Sections, sorted by folder; index 0 is the home section.
    pub sections: Vec<Section>,
    /// `content/data/<name>.yaml|json|csv`, as `data.<name>` in templates.
    pub data: BTreeMap<String, serde_json::Value>,
    pub static_files: Vec<StaticFile>,
    /// Problems that do not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// Violation notices that have left every output by retention on the build date:
    /// `loa check` lists them (W032); a build does not repeat them every time.
    pub retired: Vec<Diagnostic>,
}

impl Site {
    pub fn section_of(&self, page: &Page) -> &Section {
        &self.sections[page.section]
    }

    /// Whether any published page has a code block (so highlighting CSS is needed).
    pub fn has_code(&self) -> bool {
        self.pages.iter().any(|p| p.has_code)
    }
}

/// Strip a BOM, check UTF-8, turn CRLF and CR into LF and compose to NFC. On invalid
/// UTF-8, returns the byte offset of the first bad byte.
pub fn normalize_text(bytes: &[u8]) -> std::result::Result<String, usize> {
    normalize_owned(bytes.to_vec()).map_err(|(_, offset)| offset)
}

/// [`normalize_text`] of bytes the caller gives away: valid NFC text without CR, the
/// usual case, is returned without a copy. On invalid UTF-8, gives the bytes back (BOM
/// removed) with the offset of the first bad byte in them.
pub fn normalize_owned(mut bytes: Vec<u8>) -> std::result::Result<String, (Vec<u8>, usize)> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        (e.into_bytes(), offset)
    })?;
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if text.chars().all(|c| surely_nfc(c) || nfc_starter(c)) {
        return Ok(text);
    }
    Ok(match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    })
}

/// Characters that are NFC in any context: they never combine with what comes before
/// (canonical combining class 0, NFC quick check "yes", and never the second part of a
/// composition). Below U+0300 and Latin Extended Additional (Vietnamese's precomposed
/// letters) qualify, which covers nearly all Vietnamese text; everything else takes the
/// full check. The test below holds this against the Unicode tables.
fn surely_nfc(c: char) -> bool {
    c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The same, looked up in the Unicode tables: for the rarer characters (dashes, quotes,
/// symbols). A text of such characters is NFC; anything else takes the full check.
fn nfc_starter(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) == 0
        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// What a walk of content/ found.
#[derive(Default)]
struct Found {
    pages: Vec<PathBuf>,
    sections: Vec<PathBuf>,
    section_dirs: Vec<String>,
    data: Vec<PathBuf>,
    statics: Vec<StaticFile>,
    problems: Vec<Diagnostic>,
}

/// A page as parsed, with what serve's cache keeps of it, or every problem in it.
type ParsedPage = std::result::Result<(Page, Option<CachedPage>), Vec<Diagnostic>>;

/// Load, validate and apply publishing rules. Returns every content error at once.
pub fn load(opts: &LoadOptions) -> Result<Site> {
    load_cached(opts, &mut LoadCache::default())
}

/// [`load`], reusing what `cache` kept of the previous load and keeping this one's.
pub fn load_cached(opts: &LoadOptions, cache: &mut LoadCache) -> Result<Site> {
    let mut stages = crate::timing::Stages::parts(opts.lang);
    let root = &opts.root;
    let config = SiteConfig::load(root)?;
    let content = root.join("content");
    if !content.is_dir() {
        return Err(Error::Usage(both!(
            "trong {root} không có thư mục content/: mỗi trang là một tệp markdown trong content/",
            "no content/ folder in {root}: pages are markdown files under content/",
            root = root.display()
        )));
    }
    let mut found = walk(root, &content);
    for dir in ["static", "assets"] {
        collect_static(root, dir, &mut found);
    }
    let mut diags = std::mem::take(&mut found.problems);
    stages.lap("find sources");

    let mut sections = load_sections(root, &found, &mut diags);
    let texts: Vec<(PathBuf, std::result::Result<String, Box<Diagnostic>>)> = found
        .pages
        .par_iter()
        .map(|p| (p.clone(), read_text(root, p)))
        .collect();
    let mut pages = Vec::with_capacity(texts.len());
    let old = std::mem::take(&mut cache.pages);
    let keep_cache = cache.keep;
    let parse_context = if keep_cache {
        cache::key(&(format!("{config:?}"), format!("{sections:?}")))
    } else {
        0
    };
    let parsed: Vec<ParsedPage> = texts
        .into_par_iter()
        .map(|(path, text)| {
            let text = text.map_err(|d| vec![*d])?;
            if !keep_cache {
                return parse_page(&path, &text, &sections, &config).map(|p| (p, None));
            }
            let parse_key = cache::key(&(parse_context, &text));
            if let Some(c) = old.get(&path).filter(|c| c.parse_key == parse_key) {
                let kept = CachedPage {
                    parse_key,
                    page: c.page.clone(),
                    markdown: c.markdown.clone(),
                };
                return Ok((Page::clone(&c.page), Some(kept)));
            }
            let page = parse_page(&path, &text, &sections, &config)?;
            let kept = CachedPage {
                parse_key,
                page: Arc::new(page.clone()),
                markdown: None,
            };
            Ok((page, Some(kept)))
        })
        .collect();
    cache.reused = cache::Reuse::default();
    for r in parsed {
        match r {
            Ok((p, kept)) => {
                if let Some(kept) = kept {
                    cache.reused.parsed += usize::from(Arc::strong_count(&kept.page) > 1);
                    cache.pages.insert(p.source.clone(), kept);
                }
                pages.push(p);
            }
            Err(d) => diags.extend(d),
        }
    }
    drop(old);
    stages.lap("read and parse pages");
    diags.extend(validate::unique_urls(&pages, &sections));
    let data = load_data(root, &found.data, &mut diags);

    // Links may point at any page; only published ones get an address.
    let retention = config.kinds.violation.retention_months;
    let mut links: HashMap<String, LinkTarget> = HashMap::with_capacity(pages.len());
    let mut keep = Vec::with_capacity(pages.len());
    let mut retired = Vec::new();
    let mut left_out = LeftOut::default();
    for page in pages {
        // A draft's missing fields wait for it to be published; `--drafts` publishes it.
        diags.extend(page.warnings.iter().map(|d| match opts.drafts {
            true => validate::published(d),
            false => d.clone(),
        }));
        let published = validate::is_published(&page, opts.today, opts.drafts, retention);
        if let Some(day) = validate::retired_on(&page, retention)
            && day <= opts.today
            && validate::is_published(&page, opts.today, opts.drafts, None)
        {
            let months = retention.unwrap_or_default();
            let line = front_matter::locate(&page.front_matter, &["decision_date"])
                .map_or(1, |(l, _)| l + 1);
            retired.push(Diagnostic::new(
                Message::Privacy(PrivacyProblem::NoticeRetired {
                    since: day.to_string(),
                    months,
                }),
                Some(Location::new(&page.source, line, 1)),
            ));
        }
        let target = if published {
            LinkTarget::Published(page.path.clone())
        } else {
            LinkTarget::Unpublished
        };
        links.insert(page.rel.clone(), target);
        if published {
            keep.push(page);
        } else {
            left_out.count(&page, opts.today, opts.drafts);
        }
    }
    for s in &sections {
        let rel = if s.dir.is_empty() {
            "_index.md".to_owned()
        } else {
            format!("{}/_index.md", s.dir)
        };
        links.insert(rel, LinkTarget::Published(s.path.clone()));
    }
    let mut pages = keep;
    pages.sort_by(|a, b| a.rel.cmp(&b.rel));

    stages.lap("links and publication");
    let raw_html = config.markdown.raw_html;
    let render_context = if keep_cache {
        let mut targets: Vec<(&String, String)> =
            links.iter().map(|(k, v)| (k, format!("{v:?}"))).collect();
        targets.sort_unstable();
        cache::key(&(format!("{raw_html:?}"), targets))
    } else {
        0
    };
    let anchors: Vec<Vec<markdown::AnchorRef>> = pages
        .par_iter_mut()
        .map(|page| {
            let ctx = MarkdownContext {
                raw_html,
                links: &links,
                source: &page.source,
            };
            let cached = cache.pages.get(&page.source);
            let key = cache::key(&(render_context, cached.map(|c| c.parse_key)));
            let r = match cached.and_then(|c| c.markdown.as_ref()) {
                Some((k, m)) if *k == key => markdown::Rendered::clone(m),
                _ => markdown::render(&page.body, page.body_line, &ctx),
            };
            (page, key, r)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(page, key, r)| {
            match cache.pages.get_mut(&page.source) {
                Some(c) if c.markdown.as_ref().is_some_and(|(k, _)| *k == key) => {
                    cache.reused.rendered += 1;
                }
                Some(c) => c.markdown = Some((key, Arc::new(r.clone()))),
                None => {}
            }
            (page, r)
        })
        .map(|(page, r)| page.set_rendered(r))
        // Diagnostics are gathered below, in page order.
        .collect::<Vec<_>>()
        .into_iter()
        .zip(pages.iter())
        .map(|((anchors, d), page)| {
            let quote = &page.body;
            let first = page.body_line;
            diags.extend(d.into_iter().map(|x| x.quote_from_part(quote, first)));
            anchors
        })
        .collect();
    for s in &mut sections {
        let ctx = MarkdownContext {
            raw_html,
            links: &links,
            source: s.source.as_deref().unwrap_or(Path::new("content")),
        };
        let r = markdown::render(&s.body, s.body_line, &ctx);
        s.content = r.html;
        diags.extend(r.diagnostics);
    }
    diags.extend(validate::anchors(&pages, &anchors));
    stages.lap("markdown");

    assign_to_sections(&mut sections, &pages);
    let (errors, warnings): (Vec<_>, Vec<_>) = diags.into_iter().partition(Diagnostic::is_error);
    if !errors.is_empty() {
        let mut all = errors;
        all.extend(warnings);
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        return Err(Error::Content(all));
    }
    Ok(Site {
        root: root.clone(),
        config,
        today: opts.today,
        drafts: opts.drafts,
        lang: opts.lang,
        left_out,
        pages,
        sections,
        data,
        static_files: found.statics,
        warnings,
        retired,
    })
}

/// Parse one page's text and render its markdown as [`load`] would, within an already
/// loaded site: its sections, configuration and published pages as link targets. For
/// `serve`, which shows an edited page at once and then rebuilds the whole site; any
/// diagnostic (a link to a page that is not published, say) is returned as an error,
/// and the whole rebuild then reports it properly.
pub fn reload_page(
    site: &Site,
    source: &Path,
    text: &str,
) -> std::result::Result<Page, Vec<Diagnostic>> {
    let mut page = parse_page(source, text, &site.sections, &site.config)?;
    let mut links: HashMap<String, LinkTarget> = site
        .pages
        .iter()
        .map(|p| (p.rel.clone(), LinkTarget::Published(p.path.clone())))
        .collect();
    for s in &site.sections {
        let rel = if s.dir.is_empty() {
            "_index.md".to_owned()
        } else {
            format!("{}/_index.md", s.dir)
        };
        links.insert(rel, LinkTarget::Published(s.path.clone()));
    }
    let ctx = MarkdownContext {
        raw_html: site.config.markdown.raw_html,
        links: &links,
        source,
    };
    let r = markdown::render(&page.body, page.body_line, &ctx);
    if !r.diagnostics.is_empty() {
        return Err(r.diagnostics);
    }
    page.set_rendered(r);
    Ok(page)
}

fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with("#")
}

fn rel_slash(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Walk content/: markdown pages and sections, data files, and other files to copy.
fn walk(root: &Path, content: &Path) -> Found {
    let mut found = Found::default();
    found.section_dirs.push(String::new());
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = walkdir::WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                found.problems.push(walk_error(root, &e));
                continue;
            }
        };
        if entry.path_is_symlink() {
            let inside = entry
                .path()
                .canonicalize()
                .is_ok_and(|t| t.starts_with(&canon_root));
            if !inside {
                found.problems.push(Diagnostic::new(
                    Message::Input(InputProblem::LinkOutsideSite),
                    Some(Location::new(
                        entry.path().strip_prefix(root).unwrap_or(entry.path()),
                        1,
                        1,
                    )),
                ));
                continue;
            }
        }
        let rel = rel_slash(content, entry.path());
        if entry.file_type().is_dir() {
            if entry.depth() > 0 && rel != "data" && !rel.starts_with("data/") {
                found.section_dirs.push(rel);
            }
            continue;
        }
        let path = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        if rel.starts_with("data/") {
            found.data.push(path);
        } else if rel.ends_with(".md") {
            if entry.file_name() == "_index.md" {
                found.sections.push(path);
            } else {
                found.pages.push(path);
            }
        } else {
            found.statics.push(StaticFile {
                source: root.join(&path),
                dest: rel,
            });
        }
    }
    found
}

fn walk_error(root: &Path, e: &walkdir::Error) -> Diagnostic {
    let path = e
        .path()
        .map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf());
    let message = if e.loop_ancestor().is_some() {
        Message::Input(InputProblem::SymlinkLoop)
    } else {
        Message::Input(InputProblem::CannotRead {
            detail: e
                .io_error()
                .map_or_else(|| e.to_string(), ToString::to_string),
        })
    };
    Diagnostic::new(message, path.map(|p| Location::new(p, 1, 1)))
}

/// `static/` is copied to the output root (as Hugo and Zola do); `assets/` to `/assets/`.
fn collect_static(root: &Path, dir: &str, found: &mut Found) {
    let base = root.join(dir);
    if !base.is_dir() {
        return;
    }
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walker = walkdir::WalkDir::new(&base)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()))
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                found.problems.push(walk_error(root, &e));
                continue;
            }
        };
        if entry.path_is_symlink()
            && !entry
                .path()
                .canonicalize()
                .is_ok_and(|t| t.starts_with(&canon_root))
        {
            found.problems.push(Diagnostic::new(
                Message::Input(InputProblem::LinkOutsideSite),
                Some(Location::new(
                    entry.path().strip_prefix(root).unwrap_or(entry.path()),
                    1,
                    1,
                )),
            ));
            continue;
        }
        if entry.file_type().is_file() {
            let rel = rel_slash(&base, entry.path());
            let dest = if dir == "assets" {
                format!("assets/{rel}")
            } else {
                rel
            };
            found.statics.push(StaticFile {
                source: entry.path().to_path_buf(),
                dest,
            });
        }
    }
}

/// Read and normalize a user file, or say why it cannot be read.
/// Errors are boxed: a `Diagnostic` is large, and this is on every file's path.
fn read_text(root: &Path, rel: &Path) -> std::result::Result<String, Box<Diagnostic>> {
    let bytes = std::fs::read(root.join(rel)).map_err(|e| {
        Box::new(Diagnostic::new(
            Message::Input(InputProblem::CannotRead {
                detail: e.to_string(),
            }),
            Some(Location::new(rel, 1, 1)),
        ))
    })?;
    normalize_owned(bytes).map_err(|(bytes, offset)| {
        let before = &bytes[..offset];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let col = offset
            - before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        Box::new(Diagnostic::new(
            Message::Input(InputProblem::NotUtf8),
            Some(Location::new(rel, line, col)),
        ))
    })
}

fn load_sections(root: &Path, found: &Found, diags: &mut Vec<Diagnostic>) -> Vec<Section> {
    let mut by_dir: BTreeMap<String, Section> = BTreeMap::new();
    for dir in &found.section_dirs {
        by_dir.insert(dir.clone(), bare_section(dir));
    }
    for path in &found.sections {
        let rel = rel_slash(Path::new("content"), path);
        let dir = rel
            .strip_suffix("_index.md")
            .unwrap_or("")
            .trim_end_matches('/')
            .to_owned();
        let Some(section) = by_dir.get_mut(&dir) else {
            continue;
        };
        section.source = Some(path.clone());
        let text = match read_text(root, path) {
            Ok(t) => t,
            Err(d) => {
                diags.push(*d);
                continue;
            }
        };
        match validate::parse_section(path, &text) {
            Ok((matter, kind, body, body_line)) => {
                if let Some(t) = &matter.title {
                    section.title = t.clone();
                }
                if let Some(k) = kind {
                    section.kind = k;
                }
                section.matter = matter;
                section.body = body;
                section.body_line = body_line;
            }
            Err(d) => diags.extend(d),
        }
    }
    // Sections without their own kind inherit their parent's.
    let dirs: Vec<String> = by_dir.keys().cloned().collect();
    for dir in &dirs {
        if by_dir[dir].matter.kind.is_none() && !dir.is_empty() {
            let parent = parent_dir(dir);
            if !parent.is_empty() {
                let k = by_dir[&parent].kind;
                if let Some(s) = by_dir.get_mut(dir) {
                    s.kind = k;
                }
            }
        }
    }
    let mut sections: Vec<Section> = by_dir.into_values().collect();
    let index: HashMap<String, usize> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.dir.clone(), i))
        .collect();
    for i in 1..sections.len() {
        let p = index[&parent_dir(&sections[i].dir)];
        sections[i].parent = Some(p);
        sections[p].subsections.push(i);
    }
    let keys: Vec<(i64, String)> = sections
        .iter()
        .map(|s| (s.matter.weight, s.title.clone()))
        .collect();
    for s in &mut sections {
        s.subsections.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
    }
    sections
}

/// A section as it is before its `_index.md` is read.
fn bare_section(dir: &str) -> Section {
    Section {
        source: None,
        dir: dir.to_owned(),
        matter: SectionMatter::default(),
        title: dir.rsplit('/').next().unwrap_or("").to_owned(),
        kind: if dir.is_empty() {
            Kind::Page
        } else {
            Kind::News
        },
        path: if dir.is_empty() {
            "/".to_owned()
        } else {
            format!("/{dir}/")
        },
        body: String::new(),
        body_line: 1,
        content: String::new(),
        pages: Vec::new(),
        subsections: Vec::new(),
        parent: None,
    }
}

/// Read one page's text on its own, in a section of `kind` named after its folder: the
/// same checks a build makes of a single file. For fuzzing and tests.
pub fn parse_standalone(
    path: &Path,
    text: &str,
    kind: Kind,
    config: &SiteConfig,
) -> std::result::Result<Page, Vec<Diagnostic>> {
    let rel = rel_slash(Path::new("content"), path);
    let mut section = bare_section(&parent_dir(&rel));
    section.kind = kind;
    parse_page(path, text, std::slice::from_ref(&section), config)
}

fn parent_dir(dir: &str) -> String {
    dir.rsplit_once('/')
        .map_or(String::new(), |(p, _)| p.to_owned())
}

fn parse_page(
    path: &Path,
    text: &str,
    sections: &[Section],
    config: &SiteConfig,
) -> std::result::Result<Page, Vec<Diagnostic>> {
    let rel = rel_slash(Path::new("content"), path);
    let dir = parent_dir(&rel);
    let section = sections.iter().position(|s| s.dir == dir).unwrap_or(0);
    let split = front_matter::split(text).map_err(|e| vec![split_error(path, text, e)])?;
    let mut page =
        validate::page(path, rel, section, &sections[section], &split, config).map_err(|d| {
            d.into_iter()
                .map(|x| x.quote_from(text))
                .collect::<Vec<_>>()
        })?;
    for d in &mut page.warnings {
        *d = d.clone().quote_from(text);
    }
    Ok(page)
}

fn split_error(path: &Path, text: &str, e: SplitError) -> Diagnostic {
    let loc = Some(Location::new(path, 1, 1));
    match e {
        SplitError::Missing if text.trim().is_empty() => {
            Diagnostic::new(Message::Input(InputProblem::EmptyFile), loc)
        }
        SplitError::Missing => {
            Diagnostic::new(Message::Input(InputProblem::NoFrontMatter), loc).quote_from(text)
        }
        SplitError::Unclosed => {
            Diagnostic::new(Message::Input(InputProblem::UnclosedFrontMatter), loc).quote_from(text)
        }
    }
}

fn assign_to_sections(sections: &mut [Section], pages: &[Page]) {
    for (i, p) in pages.iter().enumerate() {
        sections[p.section].pages.push(i);
    }
    for s in sections.iter_mut() {
        let sort = s.matter.sort_by.unwrap_or_default();
        s.pages.sort_by(|&a, &b| {
            let (a, b) = (&pages[a], &pages[b]);
            let primary = match sort {
                front_matter::SortBy::Date => b.sort_date().cmp(&a.sort_date()),
                front_matter::SortBy::Weight => a.meta.weight.cmp(&b.meta.weight),
                front_matter::SortBy::Title => a.title.cmp(&b.title),
            };
            primary.then_with(|| a.rel.cmp(&b.rel))
        });
    }
}

fn load_data(
    root: &Path,
    files: &[PathBuf],
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, serde_json::Value> {
    let mut out = BTreeMap::new();
    for path in files {
        let rel = rel_slash(Path::new("content/data"), path);
        let Some((name, ext)) = rel.rsplit_once('.') else {
            continue;
        };
        let text = match read_text(root, path) {
            Ok(t) => t,
            Err(d) => {
                diags.push(*d);
                continue;
            }
        };
        let value = match ext {
            "yaml" | "yml" => serde_yaml::from_str::<serde_json::Value>(&text).map_err(|e| {
                let (l, c) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                (l, c, e.to_string())
            }),
            "json" => {
                serde_json::from_str(&text).map_err(|e| (e.line(), e.column(), e.to_string()))
            }
            "csv" => Ok(crate::data::parse_csv(&text)),
            _ => continue,
        };
        match value {
            Ok(v) => {
                out.insert(name.replace('/', "."), v);
            }
            Err((l, c, m)) => diags.push(
                Diagnostic::new(
                    Message::Input(InputProblem::BadDataFile {
                        detail: crate::error::without_positions(&m),
                    }),
                    Some(Location::new(path, l, c)),
                )
                .quote_from(&text),
            ),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::canonical_combining_class;

    #[test]
    fn quick_nfc_path_agrees_with_unicode() {
        let ranges = ['\u{0}'..='\u{2FF}', '\u{1E00}'..='\u{1EFF}'];
        for c in ranges.into_iter().flatten() {
            assert!(surely_nfc(c));
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
        assert!(!surely_nfc('\u{300}'));
        assert!(nfc_starter('–') && nfc_starter('“'));
        // Combining marks, and a character NFC replaces, are not.
        assert!(!nfc_starter('\u{300}') && !nfc_starter('\u{2000}'));
    }

    #[test]
    fn normalizes_text() {
        let cases: [(&[u8], &str); 4] = [
            (b"an to\xC3\xA0n", "an toàn"),
            // Decomposed "à" is composed.
            (b"to\x61\xCC\x80n", "toàn"),
            (b"\xEF\xBB\xBFa\r\nb\rc", "a\nb\nc"),
            (b"", ""),
        ];
        for (bytes, expected) in cases {
            assert_eq!(normalize_text(bytes).as_deref(), Ok(expected), "{bytes:?}");
        }
        // The offset of a bad byte is counted after the BOM.
        assert_eq!(normalize_text(b"\xEF\xBB\xBFab\xFF"), Err(2));
        assert_eq!(normalize_text(b"ab\xFF"), Err(2));
    }
}
