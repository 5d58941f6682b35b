//! The site as loaded from disk: configuration, sections, pages, data files and files
//! to copy, validated and with publishing rules applied. Sections and pages are kept in
//! a stable order (by path) so every later stage is deterministic.

pub(crate) mod cache;
mod data;
pub mod front_matter;
pub mod kind;
pub mod page;
pub(crate) mod privacy;
mod sections;
mod text;
mod validate;
mod walk;

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
use data::*;
use front_matter::{SectionMatter, SplitError};
pub use kind::Kind;
pub use page::{Page, Section};
use sections::*;
use text::*;
pub use text::{normalize_owned, normalize_text};
pub(crate) use validate::masked_name;
pub use validate::{action_month_period, asset_url, missing_templates, normalize_alias};
use walk::*;

/// How this run loads the site (not part of the site's configuration).
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub root: PathBuf,
    pub drafts: bool,
    pub today: Date,
    /// The language of this run's messages (stage timings).
    pub lang: crate::error::Lang,
    /// `--base-url`: where this run's output is served, instead of site.toml's
    /// `base_url` (which is left as the file says).
    pub base_url: Option<String>,
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
    /// The address this build's links start with, without a trailing slash: `--base-url`
    /// when given, else site.toml's `base_url`.
    pub base_url: String,
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
    /// The pictures pages show, once the renderer has processed them
    /// ([`crate::images::prepare`]); see [`Site::images`].
    pub images: std::sync::OnceLock<crate::images::Images>,
    /// Problems that do not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// Violation notices that have left every output by retention on the build date:
    /// `loa check` lists them (W032); a build does not repeat them every time.
    pub retired: Vec<Diagnostic>,
}

impl Site {
    /// The address this build's links start with, without a trailing slash.
    pub fn base(&self) -> &str {
        &self.base_url
    }

    pub fn section_of(&self, page: &Page) -> &Section {
        &self.sections[page.section]
    }

    /// The pictures pages show; none before the renderer has processed them.
    pub fn images(&self) -> &crate::images::Images {
        static NONE: std::sync::OnceLock<crate::images::Images> = std::sync::OnceLock::new();
        self.images
            .get()
            .unwrap_or_else(|| NONE.get_or_init(Default::default))
    }

    /// Process the pictures pages show, unless done already (see [`crate::images`]).
    pub fn prepare_images(&self) -> Result<()> {
        if self.images.get().is_none() {
            let images = crate::images::prepare(self)?;
            let _ = self.images.set(images);
        }
        Ok(())
    }

    /// Whether any published page has a code block (so highlighting CSS is needed).
    pub fn has_code(&self) -> bool {
        self.pages.iter().any(|p| p.has_code)
    }
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
    links.extend(section_links(&sections));
    let mut pages = keep;
    pages.sort_by(|a, b| a.rel.cmp(&b.rel));

    stages.lap("links and publication");
    let raw_html = config.markdown.raw_html;
    let render_context = if keep_cache {
        let mut targets: Vec<(&String, &LinkTarget)> = links.iter().collect();
        targets.sort_unstable();
        cache::key(&(raw_html, targets))
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
    let base_url = opts
        .base_url
        .as_deref()
        .unwrap_or(&config.base_url)
        .trim_end_matches('/')
        .to_owned();
    Ok(Site {
        base_url,
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
        images: std::sync::OnceLock::new(),
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
    links.extend(section_links(&site.sections));
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

#[cfg(test)]
mod tests;
