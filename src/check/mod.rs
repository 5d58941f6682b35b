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

mod format;
mod reach;
mod references;

pub use format::*;
use reach::*;
use references::*;
pub(crate) use references::{local_target, missing_references};

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
                d.extend(site.images().warnings.iter().cloned());
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
pub(crate) fn quote_missing_lines(root: &Path, diags: &mut [Diagnostic]) {
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
    let images = site.images();
    let has = |key: &str| files.contains_key(key) || images.is_source(key);
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
pub(crate) fn at_key(page: &Page, key_path: &[&str]) -> Location {
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

#[cfg(test)]
mod tests;
