//! `loa check`: everything a build validates, without writing a file, plus the lints a
//! build does not stop for: local images and files that are missing, images without
//! alt text, internal links to addresses the site does not have, near-duplicate
//! taxonomy terms, pages nothing leads to, duplicate titles, and broadcast windows
//! outside a page's publication. Loading, rendering and the loudspeaker scripts report
//! their own problems (including unknown abbreviations, W051); this module gathers them
//! and adds the lints, then writes the findings for people (text) or tools (JSON).

use crate::error::{FrontMatterProblem, LinkProblem, PageProblem, PrivacyProblem};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::build::{BuildOptions, load_site};
use crate::content::front_matter::{self, locate, locate_value};
use crate::content::kind::{KindFields, SubjectType};
use crate::content::{Page, Site, asset_url, masked_name, normalize_alias, privacy};
use crate::error::{Diagnostic, Edge, Error, Lang, Location, Message, Result};
use crate::output::MemorySink;
use crate::render::Renderer;

/// Output files by path relative to the output folder (`tin-tuc/a/index.html`).
pub type Files = BTreeMap<String, Vec<u8>>;

/// Load and render the site in memory and lint it. Returns every finding, sorted by
/// file, line and column, without duplicates; writes nothing.
pub fn check(opts: &BuildOptions) -> Result<Vec<Diagnostic>> {
    let mut diags = match load_site(opts) {
        Ok(site) => {
            let mut d = site.warnings.clone();
            let sink = MemorySink::default();
            d.extend(broadcast_warnings(&site));
            let rendered = match Renderer::new(&site).and_then(|r| r.render(&sink)) {
                Ok(_) => true,
                Err(Error::Content(more)) => {
                    d.extend(more);
                    false
                }
                Err(e) => return Err(e),
            };
            // Links and reachability are judged on a complete portal only.
            if rendered {
                d.extend(lint(&site, &sink.into_files()));
            }
            d
        }
        Err(Error::Content(d)) => d,
        Err(e) => return Err(e),
    };
    quote_missing_lines(&opts.root, &mut diags);
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()).then(a.code.cmp(b.code)));
    diags.dedup_by(|a, b| a.code == b.code && a.location == b.location && a.message == b.message);
    Ok(diags)
}

/// Quote the line of every finding that points into a file but has no quote yet (those
/// made by stages that do not keep the file's text).
fn quote_missing_lines(root: &Path, diags: &mut [Diagnostic]) {
    let mut texts: HashMap<PathBuf, Option<String>> = HashMap::new();
    for d in diags.iter_mut().filter(|d| d.quoted.is_none()) {
        let Some(loc) = &d.location else { continue };
        let text = texts.entry(loc.path.clone()).or_insert_with(|| {
            let bytes = std::fs::read(root.join(&loc.path)).ok()?;
            crate::content::normalize_text(&bytes).ok()
        });
        if let Some(text) = text {
            d.quoted = text
                .lines()
                .nth(loc.line.saturating_sub(1))
                .map(str::to_owned);
        }
    }
}

/// What the loudspeaker scripts of the coming days report: parts that cannot be spoken,
/// abbreviations the glossary does not know (W051), bulletins longer than their slot.
fn broadcast_warnings(site: &Site) -> Vec<Diagnostic> {
    let broadcasts = crate::broadcast::Broadcasts::new(site);
    let last = site.today.add_days(crate::broadcast::DAYS_AHEAD - 1);
    let bulletins = broadcasts.bulletins(site.today, last);
    let mut out = broadcasts.warnings.clone();
    out.extend(broadcasts.overlong_warnings(&bulletins));
    out
}

/// The lints over a loaded site and its rendered files.
pub fn lint(site: &Site, files: &Files) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let has = |key: &str| files.contains_key(key);
    for page in &site.pages {
        out.extend(front_matter_files(site, page, &has));
        out.extend(body_references(site, page, &has));
        out.extend(broadcast_window(page));
        out.extend(personal_data(site, page));
    }
    out.extend(site.retired.iter().cloned());
    out.extend(similar_terms(site));
    out.extend(duplicate_titles(site));
    out.extend(unreachable_pages(site, files));
    out
}

/// A location in a page's front matter, at `key_path` (1:1 when the key is absent).
fn at_key(page: &Page, key_path: &[&str]) -> Location {
    let (line, column) = locate(&page.front_matter, key_path).map_or((1, 1), |(l, c)| (l + 1, c));
    Location::new(&page.source, line, column)
}

fn quoted(page: &Page, d: Diagnostic) -> Diagnostic {
    let line = d.location.as_ref().map_or(0, |l| l.line);
    let text = if line >= page.body_line {
        page.body.lines().nth(line - page.body_line)
    } else {
        page.front_matter.lines().nth(line.saturating_sub(2))
    };
    Diagnostic {
        quoted: text.map(str::to_owned),
        ..d
    }
}

/// Where a URL written in a page points inside the site, as an output file path; `None`
/// for other sites, `mailto:` and the like, in-page anchors, and what is no relative
/// address at all (a colon in its first segment, RFC 3986 §4.2: `%20javascript:x`).
fn local_target(site: &Site, base: &str, url: &str) -> Option<String> {
    let url = url.trim();
    let own = site.config.base();
    let url = match url.strip_prefix(own) {
        Some(rest) if !own.is_empty() && (rest.is_empty() || rest.starts_with('/')) => {
            if rest.is_empty() { "/" } else { rest }
        }
        _ => url,
    };
    let first_segment = url.split(['/', '?', '#']).next().unwrap_or("");
    if url.is_empty()
        || url.starts_with('#')
        || url.starts_with("//")
        || has_scheme(url)
        || first_segment.contains(':')
    {
        return None;
    }
    let path = url.split(['#', '?']).next().unwrap_or("");
    let path = percent_decode(path);
    let joined = if path.starts_with('/') {
        path
    } else {
        format!("{base}{path}")
    };
    let mut segments: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let mut key = segments.join("/");
    if joined.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Whether the output has a file, given whether it has each path.
type Has<'a> = &'a dyn Fn(&str) -> bool;

fn exists(has: Has, key: &str) -> bool {
    has(key) || has(&format!("{key}/index.html"))
}

/// Images, files and pages a site's pages refer to that its output does not have
/// (E033, E035, E032): errors a build stops for as `loa check` does. `has` says whether
/// the output has a path.
pub(crate) fn missing_references(site: &Site, has: Has) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = site
        .pages
        .iter()
        .flat_map(|page| {
            let mut d = front_matter_files(site, page, has);
            d.extend(body_references(site, page, has));
            d
        })
        .filter(Diagnostic::is_error)
        .collect();
    quote_missing_lines(&site.root, &mut out);
    out
}

/// A file of the site with the same name as a missing one, written another way (upper
/// or lower case, another folder, without the leading `/`, with `\\`, `.jpg` for
/// `.png`): its address.
fn same_name(site: &Site, url: &str) -> Option<String> {
    let name = percent_decode(url.rsplit(['/', '\\']).next()?).to_lowercase();
    let stem = |n: &str| n.rsplit_once('.').map_or(n, |(s, _)| s).to_owned();
    let names: Vec<(String, &str)> = site
        .static_files
        .iter()
        .map(|f| {
            (
                f.dest.rsplit('/').next().unwrap_or("").to_lowercase(),
                f.dest.as_str(),
            )
        })
        .collect();
    let found = names.iter().find(|(n, _)| *n == name).or_else(|| {
        let wanted = stem(&name);
        names.iter().find(|(n, _)| stem(n) == wanted)
    });
    found.map(|(_, dest)| format!("/{dest}"))
}

/// The source a missing output file would come from, to tell the user where to put it.
fn expected_source(key: &str) -> PathBuf {
    if key.starts_with("assets/") {
        PathBuf::from(key)
    } else {
        Path::new("static").join(key)
    }
}

/// `image` and a document's `file` must name files that exist.
fn front_matter_files(site: &Site, page: &Page, has: Has) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut wanted: Vec<(&str, String)> = Vec::new();
    if let Some(image) = &page.meta.image {
        wanted.push(("image", image.clone()));
    }
    if let crate::content::kind::KindFields::Document(d) = &page.fields
        && let Some(file) = &d.file
    {
        wanted.push(("file", asset_url(file)));
    }
    for (key, url) in wanted {
        let Some(target) = local_target(site, &page.path, &url) else {
            continue;
        };
        if !exists(has, &target) {
            let d = Diagnostic::new(
                Message::Link(LinkProblem::MissingFile {
                    similar: same_name(site, &url),
                    url,
                    expected: expected_source(&target),
                }),
                Some(at_key(page, &[key])),
            );
            out.push(quoted(page, d));
        }
    }
    out
}

/// Images of the body: present, with alt text. Plain links: to addresses the site has,
/// and in-page anchors to headings of the page.
fn body_references(site: &Site, page: &Page, has: Has) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for image in page.references.images.iter().cloned() {
        let loc = Some(Location::new(&page.source, image.line, image.column));
        if image.alt.trim().is_empty() {
            let d = Diagnostic::new(
                Message::Page(PageProblem::MarkdownImageWithoutAlt {
                    url: image.url.clone(),
                }),
                loc.clone(),
            );
            out.push(quoted(page, d));
        }
        if let Some(target) = local_target(site, &page.path, &image.url)
            && !exists(has, &target)
        {
            let d = Diagnostic::new(
                Message::Link(LinkProblem::MissingFile {
                    similar: same_name(site, &image.url),
                    url: image.url,
                    expected: expected_source(&target),
                }),
                loc,
            );
            out.push(quoted(page, d));
        }
    }
    for link in page.references.links.iter().cloned() {
        let loc = Some(Location::new(&page.source, link.line, link.column));
        if let Some(anchor) = link.url.strip_prefix('#') {
            if !anchor.is_empty() && !page.toc.iter().any(|h| h.id == anchor) {
                let d = Diagnostic::new(
                    Message::Link(LinkProblem::MissingAnchor {
                        target: page.rel.clone(),
                        anchor: anchor.to_owned(),
                        headings: page.toc.iter().map(|h| h.id.clone()).collect(),
                    }),
                    loc,
                );
                out.push(quoted(page, d));
            }
            continue;
        }
        let Some(target) = local_target(site, &page.path, &link.url) else {
            continue;
        };
        if !exists(has, &target) {
            let message = if target.starts_with("assets/") {
                Message::Link(LinkProblem::MissingFile {
                    similar: same_name(site, &link.url),
                    url: link.url,
                    expected: expected_source(&target),
                })
            } else {
                Message::Link(LinkProblem::BrokenUrl { url: link.url })
            };
            out.push(quoted(page, Diagnostic::new(message, loc)));
        }
    }
    out
}

/// What a violation notice says about people besides its masked subject: other names
/// (a witness, a worker), and an individual's address or landline number. Read from the
/// file as written, so that positions are the user's own (the page holds masked text).
fn personal_data(site: &Site, page: &Page) -> Vec<Diagnostic> {
    let KindFields::Violation(v) = &page.fields else {
        return Vec::new();
    };
    if v.publish_name {
        return Vec::new();
    }
    let Some(text) = std::fs::read(site.root.join(&page.source))
        .ok()
        .and_then(|b| crate::content::normalize_text(&b).ok())
    else {
        return Vec::new();
    };
    let Ok(split) = front_matter::split(&text) else {
        return Vec::new();
    };
    let mask = match front_matter::parse(split.yaml, page.kind) {
        Ok((_, KindFields::Violation(original))) => masked_name(&original)
            .ok()
            .flatten()
            .and_then(privacy::Mask::new),
        _ => None,
    };
    let places: Vec<String> = site.config.wards.iter().map(|w| w.name.clone()).collect();
    let about_a_person = matches!(
        v.subject_type,
        Some(SubjectType::Individual | SubjectType::Household)
    );
    let mut out = Vec::new();
    for (part, first_line) in [(split.yaml, split.yaml_line), (split.body, split.body_line)] {
        let names = privacy::names_in(part, &places)
            .into_iter()
            // The subject's own name is masked on every output.
            .filter(|(_, name)| mask.as_ref().is_none_or(|m| m.apply(name, false).is_none()))
            .map(|(at, name)| {
                (
                    at,
                    Message::Privacy(PrivacyProblem::OtherPersonInNotice { name }),
                )
            });
        let mut found: Vec<(usize, Message)> = names.collect();
        if about_a_person {
            let details = privacy::addresses_in(part)
                .into_iter()
                .chain(privacy::landlines_in(part));
            found.extend(details.map(|(at, found)| {
                (
                    at,
                    Message::Privacy(PrivacyProblem::PersonalDetailInNotice { found }),
                )
            }));
        }
        for (at, message) in found {
            let (line, column) = crate::config::line_col(part, at);
            let at = Location::new(&page.source, first_line + line - 1, column);
            out.push(Diagnostic::new(message, Some(at)));
        }
    }
    out
}

/// A broadcast that starts before its page is published, or runs past its expiry.
fn broadcast_window(page: &Page) -> Vec<Diagnostic> {
    let Some(b) = &page.meta.broadcast else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let (Some(from), Some(publish)) = (b.from, &page.meta.publish_date)
        && from < publish.date
    {
        out.push(Diagnostic::new(
            Message::FrontMatter(FrontMatterProblem::BroadcastOutsidePublication {
                edge: Edge::BeforePublish,
                date: publish.date.to_string(),
            }),
            Some(at_key(page, &["broadcast", "from"])),
        ));
    }
    if let (Some(until), Some(expiry)) = (b.until, &page.meta.expiry_date)
        && until >= expiry.date
    {
        out.push(Diagnostic::new(
            Message::FrontMatter(FrontMatterProblem::BroadcastOutsidePublication {
                edge: Edge::AfterExpiry,
                date: expiry.date.to_string(),
            }),
            Some(at_key(page, &["broadcast", "until"])),
        ));
    }
    out.into_iter().map(|d| quoted(page, d)).collect()
}

/// Terms of one taxonomy that fold to the same slug but are written differently.
fn similar_terms(site: &Site) -> Vec<Diagnostic> {
    let names = &site.config.taxonomies;
    let mut out = Vec::new();
    for (key, taxonomy) in [("sectors", &names.sectors), ("audiences", &names.audiences)] {
        // slug -> spelling -> pages writing it
        let mut by_slug: BTreeMap<String, BTreeMap<&str, Vec<&Page>>> = BTreeMap::new();
        for page in &site.pages {
            let terms = if key == "sectors" {
                &page.meta.sectors
            } else {
                &page.meta.audiences
            };
            for term in terms {
                let slug = crate::slug::slugify(term);
                if slug.is_empty() {
                    continue;
                }
                let pages = by_slug
                    .entry(slug)
                    .or_default()
                    .entry(term.as_str())
                    .or_default();
                if !pages.iter().any(|p| p.rel == page.rel) {
                    pages.push(page);
                }
            }
        }
        for spellings in by_slug.values().filter(|s| s.len() > 1) {
            let mut ranked: Vec<(&str, &Vec<&Page>)> =
                spellings.iter().map(|(k, v)| (*k, v)).collect();
            ranked.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
            let (first, first_pages) = ranked[0];
            for (second, pages) in &ranked[1..] {
                let page = pages[0];
                let (line, column) = locate_value(&page.front_matter, key, second)
                    .map_or((1, 1), |(l, c)| (l + 1, c));
                let d = Diagnostic::new(
                    Message::Page(PageProblem::SimilarTerms {
                        taxonomy: taxonomy.clone(),
                        first: first.to_owned(),
                        first_files: first_pages.iter().map(|p| p.source.clone()).collect(),
                        second: (*second).to_owned(),
                        second_files: pages.iter().map(|p| p.source.clone()).collect(),
                    }),
                    Some(Location::new(&page.source, line, column)),
                );
                out.push(quoted(page, d));
            }
        }
    }
    out
}

/// Two published pages with the same title (ignoring case and surrounding spaces).
fn duplicate_titles(site: &Site) -> Vec<Diagnostic> {
    let mut first: HashMap<String, &Page> = HashMap::new();
    let mut out = Vec::new();
    for page in &site.pages {
        let key = page.title.trim().to_lowercase();
        if key.is_empty() {
            continue;
        }
        match first.get(&key) {
            Some(other) => {
                let d = Diagnostic::new(
                    Message::Page(PageProblem::DuplicateTitle {
                        title: page.title.clone(),
                        other: other.source.clone(),
                    }),
                    Some(at_key(page, &["title"])),
                );
                out.push(quoted(page, d));
            }
            None => {
                first.insert(key, page);
            }
        }
    }
    out
}

/// `href` values of an HTML file, as written.
fn hrefs(html: &str) -> impl Iterator<Item = &str> {
    html.split("href=").skip(1).filter_map(|rest| {
        let quote = rest.chars().next()?;
        if quote == '"' || quote == '\'' {
            rest[1..].split(quote).next()
        } else {
            rest.split([' ', '>']).next()
        }
    })
}

/// The directory URL of an output file: `tin-tuc/a/index.html` -> `/tin-tuc/a/`.
fn dir_url(key: &str) -> String {
    match key.rsplit_once('/') {
        Some((dir, _)) => format!("/{dir}/"),
        None => "/".to_owned(),
    }
}

/// Output file of a URL path: `/a/` -> `a/index.html`, `/a.html` -> `a.html`.
fn output_key(path: &str) -> String {
    let p = path.trim_start_matches('/');
    if p.is_empty() || p.ends_with('/') {
        format!("{p}index.html")
    } else {
        p.to_owned()
    }
}

/// Published pages that no chain of links from the home page reaches: not a list, a
/// menu, a taxonomy page or another page's link. Alias redirects do not count: they lead
/// only from an old address.
fn unreachable_pages(site: &Site, files: &Files) -> Vec<Diagnostic> {
    let mut redirects: BTreeSet<String> = BTreeSet::new();
    for alias in site
        .pages
        .iter()
        .flat_map(|p| &p.meta.aliases)
        .chain(site.sections.iter().flat_map(|s| &s.matter.aliases))
    {
        redirects.insert(output_key(&normalize_alias(alias)));
    }
    let targets = |key: &str| -> Vec<String> {
        let Some(bytes) = files.get(key) else {
            return Vec::new();
        };
        let html = String::from_utf8_lossy(bytes);
        let base = dir_url(key);
        hrefs(&html)
            .filter_map(|href| local_target(site, &base, &href.replace("&amp;", "&")))
            .map(|t| {
                if files.contains_key(&t) {
                    t
                } else {
                    format!("{t}/index.html")
                }
            })
            .filter(|t| t.ends_with(".html") && !redirects.contains(t))
            .collect()
    };
    let mut reached: BTreeSet<String> = BTreeSet::new();
    let mut queue = vec!["index.html".to_owned()];
    while let Some(key) = queue.pop() {
        if files.contains_key(&key) && reached.insert(key.clone()) {
            queue.extend(targets(&key).into_iter().filter(|t| !reached.contains(t)));
        }
    }
    let mut out = Vec::new();
    for page in &site.pages {
        if !reached.contains(&output_key(&page.path)) {
            let d = Diagnostic::new(
                Message::Link(LinkProblem::Unreachable {
                    url: page.path.clone(),
                }),
                Some(at_key(page, &["title"])),
            );
            out.push(quoted(page, d));
        }
    }
    out
}

/// A finding as `--format json` writes it.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub code: &'a str,
    pub severity: crate::error::Severity,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

/// The findings as a JSON array for tools (already localized by the caller).
pub fn to_json(diags: &[Diagnostic]) -> String {
    let rows: Vec<JsonDiagnostic> = diags
        .iter()
        .map(|d| JsonDiagnostic {
            file: d
                .location
                .as_ref()
                .map(|l| l.path.to_string_lossy().replace('\\', "/")),
            line: d.location.as_ref().map(|l| l.line),
            column: d.location.as_ref().map(|l| l.column),
            code: d.code,
            severity: d.severity,
            message: &d.message,
            help: d.help.as_deref(),
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned())
}

/// The findings for people: grouped by file (a heading with the file's counts), sorted
/// by line, each with its line quoted and its hint, then the totals.
pub fn to_text(diags: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    let mut groups: Vec<(Option<&Path>, Vec<&Diagnostic>)> = Vec::new();
    for d in diags {
        let path = d.location.as_ref().map(|l| l.path.as_path());
        match groups.last_mut() {
            Some((p, list)) if *p == path => list.push(d),
            _ => groups.push((path, vec![d])),
        }
    }
    for (path, list) in groups {
        let name = match (path, lang) {
            (Some(p), _) => p.display().to_string(),
            (None, Lang::Vi) => "toàn trang".to_owned(),
            (None, Lang::En) => "the whole site".to_owned(),
        };
        let owned: Vec<Diagnostic> = list.iter().map(|d| (*d).clone()).collect();
        out.push_str(&format!(
            "── {name} ({})\n\n",
            crate::error::check_summary(&owned, lang)
        ));
        for d in list {
            out.push_str(&format!("{d}\n\n"));
        }
    }
    out.push_str(&crate::error::check_summary(diags, lang));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hrefs_in_any_quoting() {
        let html = r#"<a href="/a/">x</a><a href='/b/'>y</a><a href=/c/>z</a>"#;
        assert_eq!(hrefs(html).collect::<Vec<_>>(), ["/a/", "/b/", "/c/"]);
    }

    #[test]
    fn maps_urls_to_output_files() {
        assert_eq!(output_key("/a/"), "a/index.html");
        assert_eq!(output_key("/"), "index.html");
        assert_eq!(output_key("/old.html"), "old.html");
        assert_eq!(dir_url("tin-tuc/a/index.html"), "/tin-tuc/a/");
        assert_eq!(dir_url("index.html"), "/");
        assert_eq!(percent_decode("/assets/a%20b.png"), "/assets/a b.png");
        assert_eq!(percent_decode("100%"), "100%");
        assert!(has_scheme("mailto:a@b.vn"));
        assert!(!has_scheme("/a:b"));
    }
}
