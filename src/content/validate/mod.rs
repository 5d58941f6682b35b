//! Front matter checks that serde cannot express: required fields per kind, references to
//! wards and agencies declared in site.toml, date order, fines that add up, personal data
//! in violation notices, safe slugs and aliases, one page per URL. Every error points at
//! the offending key in the markdown file.

use crate::error::{FrontMatterProblem, InputProblem, LinkProblem, PrivacyProblem, ThemeProblem};
use std::collections::HashMap;
use std::path::Path;

use super::front_matter::{
    self, Common, SectionMatter, Split, WardSelection, locate, locate_value,
};
use super::kind::*;
use super::page::{Page, Section};
use super::privacy::{self, Mask, Reading};
use crate::config::SiteConfig;
use crate::date::Date;
use crate::error::{Choice, Diagnostic, Location, Message, PersonalNumber, serde_message};
use crate::markdown::AnchorRef;
use crate::slug::slugify;

mod people;
mod site;

pub(crate) use people::*;
pub use site::*;

/// Collects a page's problems with positions in its file.
struct Checker<'a> {
    path: &'a Path,
    yaml: &'a str,
    yaml_line: usize,
    out: Vec<Diagnostic>,
    /// The page is a draft: its missing fields wait until it is published.
    draft: bool,
    /// A draft's missing fields (W025).
    pending: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn at(&self, key_path: &[&str]) -> Option<Location> {
        let (l, c) = locate(self.yaml, key_path).unwrap_or((0, 1));
        Some(Location::new(self.path, self.yaml_line + l - 1, c).clone()).map(|mut loc| {
            if l == 0 {
                loc.line = 1;
            }
            loc
        })
    }

    fn at_value(&self, key: &str, value: &str) -> Option<Location> {
        match locate_value(self.yaml, key, value) {
            Some((l, c)) => Some(Location::new(self.path, self.yaml_line + l - 1, c)),
            None => self.at(&[key]),
        }
    }

    fn report(&mut self, text: Message, loc: Option<Location>) {
        self.out.push(Diagnostic::new(text, loc));
    }

    /// A required field that is absent or empty: at its own line when it is written
    /// (`subject: ""`), else at the title. In a draft it waits (see [`Page::warnings`]).
    fn missing(&mut self, kind: Kind, field: &str, example: &str) {
        let loc = match locate(self.yaml, &[field]) {
            Some((l, c)) => Some(Location::new(self.path, self.yaml_line + l - 1, c)),
            None => self.at(&["title"]),
        };
        let text = Message::FrontMatter(FrontMatterProblem::MissingField {
            kind: kind.id(),
            field: field.to_owned(),
            example: example.to_owned(),
            draft: self.draft,
        });
        if self.draft {
            self.pending.push(Diagnostic::new(text, loc));
        } else {
            self.report(text, loc);
        }
    }
}

fn yaml_error(path: &Path, split: &Split, e: front_matter::YamlError) -> Diagnostic {
    let line = split.yaml_line + e.line - 1;
    Diagnostic::new(
        serde_message(&e.message, None, false),
        Some(Location::new(path, line, e.column)),
    )
}

/// Tabs cannot indent YAML; say so plainly instead of libyaml's message.
fn check_tabs(path: &Path, split: &Split) -> Option<Diagnostic> {
    let (i, line) = split
        .yaml
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with('\t') || l.trim_start_matches(' ').starts_with('\t'))?;
    let col = line.find('\t').unwrap_or(0) + 1;
    Some(Diagnostic::new(
        Message::Input(InputProblem::TabIndent),
        Some(Location::new(path, split.yaml_line + i, col)),
    ))
}

fn kind_of(path: &Path, split: &Split, section: &Section) -> Result<Kind, Box<Diagnostic>> {
    match front_matter::sniff_kind(split.yaml) {
        Some((k, line)) => Kind::parse(k).ok_or_else(|| {
            Box::new(unknown_kind(
                k,
                Location::new(path, split.yaml_line + line - 1, 7),
            ))
        }),
        None => Ok(section.kind),
    }
}

fn unknown_kind(kind: &str, at: Location) -> Diagnostic {
    let ids: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
    Diagnostic::new(
        Message::FrontMatter(FrontMatterProblem::UnknownKind {
            kind: kind.to_owned(),
            hint: Choice::among(kind, &ids),
        }),
        Some(at),
    )
}

/// Read a section's `_index.md`: its front matter, its pages' kind, its body.
pub(super) fn parse_section(
    path: &Path,
    text: &str,
) -> Result<(SectionMatter, Option<Kind>, String, usize), Vec<Diagnostic>> {
    let split = match front_matter::split(text) {
        Ok(s) => s,
        // A section index without front matter is just an intro.
        Err(front_matter::SplitError::Missing) => {
            return Ok((SectionMatter::default(), None, text.to_owned(), 1));
        }
        Err(front_matter::SplitError::Unclosed) => {
            return Err(vec![
                Diagnostic::new(
                    Message::Input(InputProblem::UnclosedFrontMatter),
                    Some(Location::new(path, 1, 1)),
                )
                .quote_from(text),
            ]);
        }
    };
    if let Some(d) = check_tabs(path, &split) {
        return Err(vec![d.quote_from(text)]);
    }
    let matter = front_matter::parse_section(split.yaml)
        .map_err(|e| vec![yaml_error(path, &split, e).quote_from(text)])?;
    let kind = match &matter.kind {
        None => None,
        Some(k) => Some(Kind::parse(k).ok_or_else(|| {
            let (l, _) = locate(split.yaml, &["kind"]).unwrap_or((1, 1));
            vec![unknown_kind(k, Location::new(path, split.yaml_line + l - 1, 7)).quote_from(text)]
        })?),
    };
    Ok((matter, kind, split.body.to_owned(), split.body_line))
}

/// Build a page from its split file, or list every problem in it.
pub(super) fn page(
    path: &Path,
    rel: String,
    section_idx: usize,
    section: &Section,
    split: &Split,
    config: &SiteConfig,
) -> Result<Page, Vec<Diagnostic>> {
    if let Some(d) = check_tabs(path, split) {
        return Err(vec![d]);
    }
    let kind = kind_of(path, split, section).map_err(|d| vec![*d])?;
    let (meta, fields) =
        front_matter::parse(split.yaml, kind).map_err(|e| vec![yaml_error(path, split, e)])?;
    let mut c = Checker {
        path,
        yaml: split.yaml,
        yaml_line: split.yaml_line,
        out: Vec::new(),
        draft: meta.draft,
        pending: Vec::new(),
    };
    let title = match meta.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_owned(),
        _ => {
            c.report(
                Message::FrontMatter(FrontMatterProblem::NoTitle),
                Some(Location::new(path, 1, 1)),
            );
            String::new()
        }
    };
    check_common(&mut c, &meta, config);
    check_comments(&mut c);
    check_kind(&mut c, kind, &meta, &fields, split.body, config);
    let mask = match &fields {
        KindFields::Violation(v) => check_privacy(&mut c, v, &meta),
        _ => None,
    };
    if !c.out.is_empty() {
        return Err(c.out);
    }
    // An individual's name leaves the page's text here, before anything reads it: every
    // output is made from what follows.
    let (yaml, body, meta, fields, title) = match &mask {
        None => (
            split.yaml.to_owned(),
            split.body.to_owned(),
            meta,
            fields,
            title,
        ),
        Some(m) => {
            let yaml = m.apply(split.yaml, false).unwrap_or(split.yaml.to_owned());
            let body = m.apply(split.body, false).unwrap_or(split.body.to_owned());
            let (meta, fields) =
                front_matter::parse(&yaml, kind).map_err(|e| vec![yaml_error(path, split, e)])?;
            let title = meta.title.as_deref().unwrap_or_default().trim().to_owned();
            (yaml, body, meta, fields, title)
        }
    };
    let stem = rel
        .rsplit('/')
        .next()
        .unwrap_or(&rel)
        .trim_end_matches(".md");
    let slug = match &meta.slug {
        Some(s) => check_slug(&mut c, s),
        None => slugify(stem),
    };
    let slug = if slug.is_empty() {
        slugify(&title)
    } else {
        slug
    };
    // The file's name and a hand-written slug may hold the name too.
    let slug = match &mask {
        Some(m) => m.apply(&slug, true).map_or(slug, |s| slugify(&s)),
        None => slug,
    };
    let dir = section.path.as_str();
    let path_url = format!("{dir}{slug}/");
    if !c.out.is_empty() {
        return Err(c.out);
    }
    let mut meta = meta;
    if let Some(img) = &mut meta.image {
        *img = asset_url(img);
    }
    Ok(Page {
        source: path.to_path_buf(),
        rel,
        section: section_idx,
        kind,
        meta,
        fields,
        title,
        slug,
        path: path_url,
        body,
        body_line: split.body_line,
        front_matter: yaml,
        content: String::new(),
        toc: Vec::new(),
        summary: String::new(),
        plain: String::new(),
        word_count: 0,
        has_code: false,
        references: Default::default(),
        warnings: c.pending,
    })
}

/// An image or file path as written in front matter -> its URL: relative paths are
/// under assets/, which is copied to `/assets/`. Windows' `\` separators become `/`, and
/// a path that names the assets folder itself (`assets/anh/a.jpg`) is not doubled.
pub fn asset_url(path: &str) -> String {
    let path = path.trim().replace('\\', "/");
    if path.starts_with('/') || path.contains("://") {
        return path;
    }
    let path = path.trim_start_matches("./");
    format!("/assets/{}", path.strip_prefix("assets/").unwrap_or(path))
}

/// Front-matter keys whose values are running text, where ` #` starting a YAML comment
/// silently cuts the sentence ("Gọi đường dây nóng #1 ...").
const TEXT_KEYS: [&str; 16] = [
    "title",
    "summary",
    "image_alt",
    "goal",
    "theme",
    "subject",
    "remedy",
    "abstract",
    "description",
    "issuer",
    "place",
    "organizer",
    "publication_basis",
    "legal_basis",
    "doc_type",
    "achievements",
];

/// A text value written without quotes that a ` #` cuts short (W026).
fn check_comments(c: &mut Checker) {
    for (i, line) in c.yaml.lines().enumerate() {
        let Some((key, start, value)) = front_matter::line_value(line) else {
            continue;
        };
        let quoted = value.starts_with(['"', '\'', '[', '{', '|', '>', '“']);
        if let Some(at) = value
            .find(" #")
            .filter(|_| !quoted && TEXT_KEYS.contains(&key))
        {
            let column = line[..start + at + 1].chars().count() + 1;
            let loc = Location::new(c.path, c.yaml_line + i, column);
            c.pending.push(Diagnostic::new(
                Message::FrontMatter(FrontMatterProblem::CommentCutsValue {
                    key: key.to_owned(),
                    kept: value[..at].to_owned(),
                }),
                Some(loc),
            ));
        }
    }
}

fn check_slug(c: &mut Checker, s: &str) -> String {
    let slug = slugify(s);
    if s.contains("..") || s.contains('/') || s.contains('\\') || slug.is_empty() {
        let loc = c.at(&["slug"]);
        c.report(
            Message::FrontMatter(FrontMatterProblem::UnsafeSlug { slug: s.to_owned() }),
            loc,
        );
    }
    slug
}

fn check_common(c: &mut Checker, meta: &Common, config: &SiteConfig) {
    if let Some(agency) = &meta.agency
        && config.agency(agency).is_none()
    {
        let ids: Vec<&str> = config.agencies.iter().map(|a| a.id.as_str()).collect();
        let loc = c.at(&["agency"]);
        c.report(
            Message::FrontMatter(FrontMatterProblem::UnknownAgency {
                agency: agency.clone(),
                hint: Choice::among(agency, &ids),
            }),
            loc,
        );
    }
    for w in &meta.wards {
        check_ward(c, "wards", w, config);
    }
    if let Some(image) = &meta.image {
        // An address that could run code is that first, whatever else is odd in it.
        if crate::markdown::is_dangerous_url(image) {
            let loc = c.at(&["image"]);
            c.report(
                Message::FrontMatter(FrontMatterProblem::ScriptUrl {
                    field: "image".to_owned(),
                    url: image.clone(),
                }),
                loc,
            );
        } else {
            check_path(c, "image", image);
        }
    }
    if meta.image.is_some()
        && meta
            .image_alt
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
    {
        let loc = c.at(&["image"]);
        c.report(
            Message::FrontMatter(FrontMatterProblem::ImageWithoutAlt),
            loc,
        );
    }
    for alias in &meta.aliases {
        if !is_safe_alias(alias) {
            let loc = c.at_value("aliases", alias);
            c.report(
                Message::FrontMatter(FrontMatterProblem::UnsafeAlias {
                    alias: alias.clone(),
                }),
                loc,
            );
        }
    }
    if let (Some(p), Some(e)) = (&meta.publish_date, &meta.expiry_date)
        && e <= p
    {
        let loc = c.at(&["expiry_date"]);
        c.report(
            Message::FrontMatter(FrontMatterProblem::ExpiryNotAfterPublish),
            loc,
        );
    }
    if let Some(b) = &meta.broadcast {
        if let (Some(f), Some(u)) = (b.from, b.until)
            && u < f
        {
            let loc = c.at(&["broadcast", "until"]);
            c.report(
                Message::FrontMatter(FrontMatterProblem::BroadcastUntilBeforeFrom),
                loc,
            );
        }
        for s in b.slots.iter().flatten() {
            if config.slot(s).is_none() {
                let known = config
                    .broadcast
                    .slots
                    .iter()
                    .map(|s| s.id.clone())
                    .collect();
                let loc = c.at_value("broadcast", s);
                c.report(
                    Message::FrontMatter(FrontMatterProblem::UnknownSlot {
                        slot: s.clone(),
                        known,
                    }),
                    loc,
                );
            }
        }
        if let WardSelection::Only(list) = &b.wards {
            for w in list {
                check_ward(c, "broadcast", w, config);
            }
        }
    }
}

/// A path written in front matter the way Windows shows it on the office's PC
/// (E081): a drive or a network share (`C:\Users\…`, `\\may-chu\…`), or a `\` that
/// YAML turned into a control character inside double quotes. A relative path with
/// `\` (`anh\bai-1.jpg`) is fine: [`asset_url`] makes it `/`. False when reported.
fn check_path(c: &mut Checker, field: &str, path: &str) -> bool {
    let problem = if path.chars().any(char::is_control) {
        FrontMatterProblem::EscapedBackslash {
            field: field.to_owned(),
        }
    } else if is_path_on_computer(path) {
        FrontMatterProblem::PathOnComputer {
            field: field.to_owned(),
            path: path.to_owned(),
        }
    } else {
        return true;
    };
    let loc = c.at(&[field]);
    c.report(Message::FrontMatter(problem), loc);
    false
}

/// `C:\…`, `C:/…`, `\\server\…` or `file:` (a path on a PC or its network), as Explorer's
/// address bar or "Copy as path" gives it.
pub(super) fn is_path_on_computer(path: &str) -> bool {
    let path = path.trim().trim_matches('"');
    let b = path.as_bytes();
    let drive =
        b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'\\' | b'/');
    drive
        || path.starts_with("\\\\")
        || path
            .get(..5)
            .is_some_and(|s| s.eq_ignore_ascii_case("file:"))
}

fn check_ward(c: &mut Checker, key: &str, ward: &str, config: &SiteConfig) {
    if config.ward(ward).is_some() {
        return;
    }
    let slugs: Vec<&str> = config.wards.iter().map(|w| w.slug.as_str()).collect();
    let loc = c.at_value(key, ward);
    c.report(
        Message::FrontMatter(FrontMatterProblem::UnknownWard {
            ward: ward.to_owned(),
            hint: Choice::among(ward, &slugs),
        }),
        loc,
    );
}

/// An alias is an old URL of this site: no `..`, no scheme, no backslash.
pub(super) fn is_safe_alias(alias: &str) -> bool {
    !alias.is_empty()
        && !alias.contains("..")
        && !alias.contains('\\')
        && !alias.contains(':')
        && !alias.starts_with("//")
        && alias.split('/').all(|seg| seg != ".")
}

fn check_kind(
    c: &mut Checker,
    kind: Kind,
    meta: &Common,
    fields: &KindFields,
    body: &str,
    config: &SiteConfig,
) {
    match fields {
        KindFields::Campaign(f) => check_campaign(c, meta, f),
        KindFields::ActionMonth(f) => check_action_month(c, f, config),
        KindFields::Model(f) => {
            if blank(&f.subject) {
                c.missing(kind, "subject", "subject: \"Công ty TNHH ...\"");
            }
            if let Some(w) = &f.ward {
                check_ward(c, "ward", w, config);
            }
        }
        KindFields::Document(f) => {
            for (name, v, ex) in [
                ("doc_type", &f.doc_type, "doc_type: \"Kế hoạch\""),
                ("number", &f.number, "number: \"52/KH-UBND\""),
                ("issuer", &f.issuer, "issuer: \"Ủy ban nhân dân quận\""),
            ] {
                if blank(v) {
                    c.missing(kind, name, ex);
                }
            }
            if let Some(file) = &f.file
                && check_path(c, "file", file)
                && (file.contains("..") || file.contains(':'))
            {
                let loc = c.at(&["file"]);
                c.report(
                    Message::FrontMatter(FrontMatterProblem::FileOutsideAssets {
                        file: file.clone(),
                    }),
                    loc,
                );
            }
        }
        KindFields::Violation(f) => check_violation(c, f, body, config),
        KindFields::None if kind == Kind::Broadcast && meta.broadcast.is_none() => {
            c.missing(
                kind,
                "broadcast",
                "broadcast: {from: 2025-05-01, until: 2025-05-31, slots: [sang], wards: all}",
            );
        }
        KindFields::None => {}
    }
}

/// A required text field that is absent or empty.
fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

fn check_period(c: &mut Checker, period: &Period) {
    if period.end < period.start {
        let loc = c.at(&["period", "end"]);
        c.report(
            Message::FrontMatter(FrontMatterProblem::PeriodEndsBeforeStart {
                start: period.start.to_string(),
                end: period.end.to_string(),
            }),
            loc,
        );
    }
}

fn check_campaign(c: &mut Checker, meta: &Common, f: &CampaignFields) {
    match &f.period {
        None => c.missing(
            Kind::Campaign,
            "period",
            "period: {start: 2025-05-01, end: 2025-05-31}",
        ),
        Some(p) => check_period(c, p),
    }
    if meta.sectors.is_empty() && meta.audiences.is_empty() {
        let loc = c.at(&["title"]);
        c.report(
            Message::FrontMatter(FrontMatterProblem::CampaignNeedsTerms),
            loc,
        );
    }
}

fn check_action_month(c: &mut Checker, f: &ActionMonthFields, config: &SiteConfig) {
    if f.year.is_none() {
        c.missing(Kind::ActionMonth, "year", "year: 2025");
    }
    if blank(&f.theme) {
        c.missing(
            Kind::ActionMonth,
            "theme",
            "theme: \"Chủ đề của Tháng hành động\"",
        );
    }
    if let Some(p) = &f.period {
        check_period(c, p);
    }
    for e in &f.events {
        if let Some(w) = &e.ward {
            check_ward(c, "events", w, config);
        }
        if let Some(t) = &e.time
            && crate::date::parse_hhmm(t).is_none()
        {
            let loc = c.at_value("events", t);
            c.report(
                Message::FrontMatter(FrontMatterProblem::NotATime { value: t.clone() }),
                loc,
            );
        }
    }
}

/// The period of an action month: as written, or 1–31 May of its year.
pub fn action_month_period(f: &ActionMonthFields) -> Option<(Date, Date)> {
    match (&f.period, f.year) {
        (Some(p), _) => Some((p.start, p.end)),
        (None, Some(y)) => Some((Date::new(y, 5, 1)?, Date::new(y, 5, 31)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
