//! Front matter checks that serde cannot express: required fields per kind, references to
//! wards and agencies declared in site.toml, date order, fines that add up, personal data
//! in violation notices, safe slugs and aliases, one page per URL. Every error points at
//! the offending key in the markdown file.

use std::collections::HashMap;
use std::path::Path;

use super::front_matter::{
    self, Common, SectionMatter, Split, WardSelection, locate, locate_value,
};
use super::kind::*;
use super::page::{Page, Section};
use crate::config::SiteConfig;
use crate::date::Date;
use crate::error::{Diagnostic, Location, explain_serde_message};
use crate::markdown::AnchorRef;
use crate::slug::slugify;

/// Collects a page's problems with positions in its file.
struct Checker<'a> {
    path: &'a Path,
    yaml: &'a str,
    yaml_line: usize,
    out: Vec<Diagnostic>,
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

    fn error(
        &mut self,
        code: &'static str,
        loc: Option<Location>,
        msg: String,
        help: impl Into<String>,
    ) {
        self.out
            .push(Diagnostic::error(code, loc, msg).with_help(help));
    }

    fn missing(&mut self, kind: Kind, field: &str, example: &str) {
        let loc = self.at(&["title"]);
        self.error(
            "E021",
            loc,
            format!("a {} needs \"{field}\"", kind.id()),
            format!("add it, e.g. {example}"),
        );
    }
}

fn yaml_error(path: &Path, split: &Split, e: front_matter::YamlError) -> Diagnostic {
    let (message, help) = explain_serde_message(&e.message);
    let code = if message.starts_with("unknown field") {
        "E012"
    } else {
        "E020"
    };
    let help = help.unwrap_or_else(|| {
        if message.contains("does not exist") || message.contains("is not a date") {
            "write dates as YYYY-MM-DD, e.g. 2025-05-19".to_owned()
        } else {
            "check this line: YAML needs `key: value`, lists as [a, b] or lines starting with -, and quotes around text containing ': '".to_owned()
        }
    });
    let line = split.yaml_line + e.line - 1;
    Diagnostic::error(code, Some(Location::new(path, line, e.column)), message).with_help(help)
}

/// Tabs cannot indent YAML; say so plainly instead of libyaml's message.
fn check_tabs(path: &Path, split: &Split) -> Option<Diagnostic> {
    let (i, line) = split
        .yaml
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with('\t') || l.trim_start_matches(' ').starts_with('\t'))?;
    let col = line.find('\t').unwrap_or(0) + 1;
    Some(
        Diagnostic::error(
            "E005",
            Some(Location::new(path, split.yaml_line + i, col)),
            "a tab indents this line of the front matter",
        )
        .with_help("indent with spaces (two per level); YAML does not accept tabs"),
    )
}

fn kind_of(path: &Path, split: &Split, section: &Section) -> Result<Kind, Diagnostic> {
    match front_matter::sniff_kind(split.yaml) {
        Some((k, line)) => Kind::parse(k).ok_or_else(|| {
            let ids: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
            let help = match crate::error::did_you_mean(k, &ids) {
                Some(c) => format!("did you mean \"{c}\"?"),
                None => format!("use one of: {}", ids.join(", ")),
            };
            Diagnostic::error(
                "E013",
                Some(Location::new(path, split.yaml_line + line - 1, 7)),
                format!("unknown kind \"{k}\""),
            )
            .with_help(help)
        }),
        None => Ok(section.kind),
    }
}

/// Read a section's `_index.md`: its front matter, its pages' kind, its body.
pub fn parse_section(
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
                Diagnostic::error(
                    "E004",
                    Some(Location::new(path, 1, 1)),
                    "the front matter block opened here is never closed",
                )
                .with_help("add a line with only --- after the last field")
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
            let ids: Vec<&str> = Kind::ALL.iter().map(|k| k.id()).collect();
            vec![
                Diagnostic::error(
                    "E013",
                    Some(Location::new(path, split.yaml_line + l - 1, 7)),
                    format!("unknown kind \"{k}\""),
                )
                .with_help(format!("use one of: {}", ids.join(", ")))
                .quote_from(text),
            ]
        })?),
    };
    Ok((matter, kind, split.body.to_owned(), split.body_line))
}

/// Build a page from its split file, or list every problem in it.
pub fn page(
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
    let kind = kind_of(path, split, section).map_err(|d| vec![d])?;
    let (meta, fields) =
        front_matter::parse(split.yaml, kind).map_err(|e| vec![yaml_error(path, split, e)])?;
    let mut c = Checker {
        path,
        yaml: split.yaml,
        yaml_line: split.yaml_line,
        out: Vec::new(),
    };
    let title = match meta.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_owned(),
        _ => {
            let loc = Some(Location::new(path, 1, 1));
            c.error(
                "E021",
                loc,
                "this page has no title".into(),
                "add a line title: \"Tiêu đề bài viết\" to its front matter",
            );
            String::new()
        }
    };
    check_common(&mut c, &meta, config);
    check_kind(&mut c, kind, &meta, &fields, split.body, config);
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
    let dir = section.path.as_str();
    let path_url = format!("{dir}{slug}/");
    if !c.out.is_empty() {
        return Err(c.out);
    }
    let mut meta = meta;
    let mut fields = fields;
    let mut title = title;
    let mut body = split.body.to_owned();
    if let Some(img) = &mut meta.image {
        *img = asset_url(img);
    }
    if let KindFields::Violation(v) = &mut fields {
        mask_individual(v, &mut title, &mut meta, &mut body);
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
        front_matter: split.yaml.to_owned(),
        content: String::new(),
        toc: Vec::new(),
        summary: String::new(),
        plain: String::new(),
        word_count: 0,
        has_code: false,
    })
}

/// An image or file path as written in front matter -> its URL: relative paths are
/// under assets/, which is copied to `/assets/`.
pub fn asset_url(path: &str) -> String {
    if path.starts_with('/') || path.contains("://") {
        path.to_owned()
    } else {
        format!("/assets/{}", path.trim_start_matches("./"))
    }
}

/// Initials of a person's name: "Nguyễn Văn Ví Dụ" -> "N.V.V.D.".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .flat_map(|c| c.to_uppercase().chain(std::iter::once('.')))
        .collect()
}

/// An individual named in a violation notice is shown by initials everywhere (page,
/// lists, feeds, search, broadcasts) unless publication is allowed and justified.
fn mask_individual(v: &mut ViolationFields, title: &mut String, meta: &mut Common, body: &mut String) {
    if v.subject_type != Some(SubjectType::Individual) || v.publish_name {
        return;
    }
    let Some(name) = v.subject.clone() else { return };
    let masked = initials(&name);
    if name.trim().is_empty() {
        return;
    }
    *title = title.replace(&name, &masked);
    if let Some(s) = &mut meta.summary {
        *s = s.replace(&name, &masked);
    }
    *body = body.replace(&name, &masked);
    v.subject = Some(masked);
}

fn check_slug(c: &mut Checker, s: &str) -> String {
    let slug = slugify(s);
    if s.contains("..") || s.contains('/') || s.contains('\\') || slug.is_empty() {
        let loc = c.at(&["slug"]);
        c.error(
            "E022",
            loc,
            format!("slug \"{s}\" is not a plain name"),
            "a slug is lowercase letters, digits and hyphens, e.g. slug: \"tap-huan-an-toan\"",
        );
    }
    slug
}

fn check_common(c: &mut Checker, meta: &Common, config: &SiteConfig) {
    if let Some(agency) = &meta.agency
        && config.agency(agency).is_none()
    {
        let ids: Vec<&str> = config.agencies.iter().map(|a| a.id.as_str()).collect();
        let help = match crate::error::did_you_mean(agency, &ids) {
            Some(x) => format!("did you mean \"{x}\"?"),
            None if ids.is_empty() => "declare it in site.toml under [[agencies]]".to_owned(),
            None => format!(
                "use an id declared in site.toml [[agencies]]: {}",
                ids.join(", ")
            ),
        };
        let loc = c.at(&["agency"]);
        c.error(
            "E023",
            loc,
            format!("agency \"{agency}\" is not declared in site.toml"),
            help,
        );
    }
    for w in &meta.wards {
        check_ward(c, "wards", w, config);
    }
    if meta.image.is_some()
        && meta
            .image_alt
            .as_deref()
            .is_none_or(|a| a.trim().is_empty())
    {
        let loc = c.at(&["image"]);
        c.error(
            "E024",
            loc,
            "an image needs a text alternative".into(),
            "add image_alt: \"what the picture shows\" for people who cannot see it",
        );
    }
    for alias in &meta.aliases {
        if !is_safe_alias(alias) {
            let loc = c.at_value("aliases", alias);
            c.error(
                "E022",
                loc,
                format!("alias \"{alias}\" leaves the site's folder"),
                "write an old address of this site, e.g. /tin-tuc/bai-cu/",
            );
        }
    }
    if let (Some(p), Some(e)) = (&meta.publish_date, &meta.expiry_date)
        && e <= p
    {
        let loc = c.at(&["expiry_date"]);
        c.error(
            "E025",
            loc,
            "expiry_date is not after publish_date".into(),
            "the page would never be published; check both dates",
        );
    }
    if let Some(b) = &meta.broadcast {
        if let (Some(f), Some(u)) = (b.from, b.until)
            && u < f
        {
            let loc = c.at(&["broadcast", "until"]);
            c.error(
                "E025",
                loc,
                "broadcast.until is before broadcast.from".into(),
                "the last day on air must not be before the first",
            );
        }
        for s in b.slots.iter().flatten() {
            if config.slot(s).is_none() {
                let ids: Vec<&str> = config
                    .broadcast
                    .slots
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect();
                let loc = c.at_value("broadcast", s);
                c.error(
                    "E026",
                    loc,
                    format!("slot \"{s}\" is not declared in site.toml"),
                    format!("use one of: {}", ids.join(", ")),
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

fn check_ward(c: &mut Checker, key: &str, ward: &str, config: &SiteConfig) {
    if config.ward(ward).is_some() {
        return;
    }
    let slugs: Vec<&str> = config.wards.iter().map(|w| w.slug.as_str()).collect();
    let help = match crate::error::did_you_mean(ward, &slugs) {
        Some(x) => format!("did you mean \"{x}\"?"),
        None if slugs.is_empty() => "declare it in site.toml under [[wards]]".to_owned(),
        None => format!(
            "use a slug declared in site.toml [[wards]], e.g. \"{}\"",
            slugs[0]
        ),
    };
    let loc = c.at_value(key, ward);
    c.error(
        "E023",
        loc,
        format!("ward \"{ward}\" is not declared in site.toml"),
        help,
    );
}

/// An alias is an old URL of this site: no `..`, no scheme, no backslash.
pub fn is_safe_alias(alias: &str) -> bool {
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
                && (file.contains("..") || file.contains(':'))
            {
                let loc = c.at(&["file"]);
                c.error("E022", loc, format!("file \"{file}\" is outside assets/"), "put the signed original under assets/ and write its path, e.g. file: \"van-ban/ke-hoach.pdf\"");
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
        c.error(
            "E025",
            loc,
            format!(
                "the period ends ({}) before it starts ({})",
                period.end, period.start
            ),
            "check period.start and period.end",
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
        c.error(
            "E021",
            loc,
            "a campaign needs at least one sector or audience".into(),
            "add e.g. sectors: [xây dựng] or audiences: [người lao động]",
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
            c.error(
                "E020",
                loc,
                format!("event time \"{t}\" is not a time of day"),
                "write it as HH:MM, e.g. time: \"07:30\"",
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

fn check_violation(c: &mut Checker, f: &ViolationFields, body: &str, config: &SiteConfig) {
    let k = Kind::Violation;
    for (name, missing, ex) in [
        (
            "subject",
            blank(&f.subject),
            "subject: \"Công ty TNHH Minh Họa\"",
        ),
        (
            "subject_type",
            f.subject_type.is_none(),
            "subject_type: organization",
        ),
        (
            "decision_no",
            blank(&f.decision_no),
            "decision_no: \"123/QĐ-XPHC\"",
        ),
        (
            "decision_date",
            f.decision_date.is_none(),
            "decision_date: 2025-03-05",
        ),
        (
            "issuer",
            blank(&f.issuer),
            "issuer: \"Chủ tịch UBND quận\"",
        ),
        ("status", f.status.is_none(), "status: xu-phat-hanh-chinh"),
    ] {
        if missing {
            c.missing(k, name, ex);
        }
    }
    if f.violations.is_empty() {
        c.missing(
            k,
            "violations",
            "violations: [{description: \"...\", legal_basis: \"...\", fine: 15000000}]",
        );
    }
    let sum: u64 = f.violations.iter().map(|v| v.fine).sum();
    if let Some(total) = f.total_fine
        && total != sum
    {
        let loc = c.at(&["total_fine"]);
        c.error(
            "E027",
            loc,
            format!(
                "total_fine is {} but the fines add up to {}",
                crate::render::filters::group_thousands(total),
                crate::render::filters::group_thousands(sum)
            ),
            "correct the total or the fines",
        );
    }
    if f.publish_name
        && f.publication_basis
            .as_deref()
            .is_none_or(|b| b.trim().is_empty())
    {
        let loc = c.at(&["publish_name"]);
        c.error("E028", loc, "publish_name needs publication_basis".into(), "say under which decision or law the person's name may be published, e.g. publication_basis: \"Điều ... Nghị định ...\"");
    }
    if let Some(w) = &f.ward {
        check_ward(c, "ward", w, config);
    }
    for (offset, found, what) in personal_numbers(c.yaml)
        .into_iter()
        .map(|(o, f, w)| (o, f, w))
    {
        let (l, col) = crate::config::line_col(c.yaml, offset);
        let loc = Some(Location::new(c.path, c.yaml_line + l - 1, col));
        c.error(
            "E029",
            loc,
            format!("{what} \"{found}\" must not be published in a violation notice"),
            "remove it: notices never show citizen-ID numbers or personal phone numbers",
        );
    }
    let body_line = c.yaml_line + c.yaml.matches('\n').count() + 1;
    for (offset, found, what) in personal_numbers(body) {
        let (l, col) = crate::config::line_col(body, offset);
        let loc = Some(Location::new(c.path, body_line + l - 1, col));
        c.error(
            "E029",
            loc,
            format!("{what} \"{found}\" must not be published in a violation notice"),
            "remove it: notices never show citizen-ID numbers or personal phone numbers",
        );
    }
}

/// Citizen-ID numbers (12 digits) and mobile phone numbers (10 digits starting 03, 05,
/// 07, 08, 09, possibly grouped with spaces or dots) in a text.
fn personal_numbers(text: &str) -> Vec<(usize, String, &'static str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut digits = String::new();
        while j < bytes.len()
            && (bytes[j].is_ascii_digit()
                || ((bytes[j] == b' ' || bytes[j] == b'.')
                    && j + 1 < bytes.len()
                    && bytes[j + 1].is_ascii_digit()))
        {
            if bytes[j].is_ascii_digit() {
                digits.push(bytes[j] as char);
            }
            j += 1;
        }
        let written = &text[i..j];
        let plain_run = !written.contains([' ', '.']);
        if digits.len() == 12 && plain_run && digits.starts_with('0') {
            out.push((i, written.to_owned(), "a citizen-ID number"));
        } else if digits.len() == 10 && matches!(&digits[..2], "03" | "05" | "07" | "08" | "09") {
            out.push((i, written.to_owned(), "a personal phone number"));
        }
        i = j.max(i + 1);
    }
    out
}

/// Published on `today`: not a draft (unless drafts are wanted), embargo passed, not
/// expired, and a violation notice still within its retention period.
pub fn is_published(page: &Page, today: Date, drafts: bool, retention_months: Option<u32>) -> bool {
    let m = &page.meta;
    if m.draft && !drafts {
        return false;
    }
    if m.publish_date.as_ref().is_some_and(|d| d.date > today) {
        return false;
    }
    if m.expiry_date.as_ref().is_some_and(|d| d.date <= today) {
        return false;
    }
    if let (KindFields::Violation(v), Some(months)) = (&page.fields, retention_months) {
        let start = v.decision_date.or(page.date());
        if start.is_some_and(|d| d.add_months(months) <= today) {
            return false;
        }
    }
    true
}

/// One page per URL: pages, sections and aliases may not claim the same address.
pub fn unique_urls(pages: &[Page], sections: &[Section]) -> Vec<Diagnostic> {
    let mut claimed: HashMap<String, (std::path::PathBuf, usize)> = HashMap::new();
    let mut out = Vec::new();
    let mut claim = |url: String, path: &Path, line: usize| {
        if let Some((first, _)) = claimed.get(&url) {
            out.push(
                Diagnostic::error(
                    "E031",
                    Some(Location::new(path, line, 1)),
                    format!("{url} is already the address of {}", first.display()),
                )
                .with_help("give one of the two pages another file name or slug"),
            );
        } else {
            claimed.insert(url, (path.to_path_buf(), line));
        }
    };
    for s in sections {
        claim(
            s.path.clone(),
            s.source.as_deref().unwrap_or(Path::new("content")),
            1,
        );
    }
    for p in pages {
        claim(p.path.clone(), &p.source, 1);
    }
    for p in pages {
        for a in &p.meta.aliases {
            let line = locate_value(&p.front_matter, "aliases", a).map_or(1, |(l, _)| l + 1);
            claim(normalize_alias(a), &p.source, line);
        }
    }
    out
}

/// `/old/page` and `old/page/` both mean `/old/page/`; `x.html` stays a file.
pub fn normalize_alias(a: &str) -> String {
    let a = a.trim();
    let a = a.trim_start_matches('/');
    if a.ends_with(".html") || a.ends_with('/') {
        format!("/{a}")
    } else {
        format!("/{a}/")
    }
}

/// Every `@/page.md#anchor` must name a heading of that page.
pub fn anchors(pages: &[Page], refs: &[Vec<AnchorRef>]) -> Vec<Diagnostic> {
    let by_rel: HashMap<&str, &Page> = pages.iter().map(|p| (p.rel.as_str(), p)).collect();
    let mut out = Vec::new();
    for (page, list) in pages.iter().zip(refs) {
        for r in list {
            let Some(target) = by_rel.get(r.target_rel.as_str()) else {
                continue;
            };
            if !target.toc.iter().any(|h| h.id == r.anchor) {
                let ids: Vec<&str> = target.toc.iter().map(|h| h.id.as_str()).collect();
                let help = match crate::error::did_you_mean(&r.anchor, &ids) {
                    Some(x) => format!("did you mean #{x}?"),
                    None if ids.is_empty() => "that page has no headings to link to".to_owned(),
                    None => format!(
                        "its headings are: {}",
                        ids.iter()
                            .map(|i| format!("#{i}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                out.push(
                    Diagnostic::error(
                        "E032",
                        Some(Location::new(&page.source, r.line, r.column)),
                        format!("@/{} has no heading #{}", r.target_rel, r.anchor),
                    )
                    .with_help(help)
                    .quote_from_body(&page.body, page.body_line),
                );
            }
        }
    }
    out
}

trait QuoteBody {
    fn quote_from_body(self, body: &str, first_line: usize) -> Self;
}

impl QuoteBody for Diagnostic {
    fn quote_from_body(mut self, body: &str, first_line: usize) -> Self {
        if let Some(loc) = &self.location {
            self.quoted = body
                .lines()
                .nth(loc.line.saturating_sub(first_line))
                .map(str::to_owned);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_citizen_ids_and_mobile_numbers() {
        let found = personal_numbers(
            "CCCD 001234567890, ĐT 0912.345.678, hotline 0225.3842.123, phạt 15000000",
        );
        let kinds: Vec<&str> = found.iter().map(|f| f.2).collect();
        assert_eq!(kinds, ["a citizen-ID number", "a personal phone number"]);
    }

    #[test]
    fn masks_names_by_initials() {
        assert_eq!(initials("Nguyễn Văn Ví Dụ"), "N.V.V.D.");
        assert_eq!(initials("  đỗ   thị an "), "Đ.T.A.");
        assert_eq!(asset_url("anh/a.png"), "/assets/anh/a.png");
        assert_eq!(asset_url("/static/a.png"), "/static/a.png");
    }

    #[test]
    fn aliases_may_not_leave_the_site() {
        assert!(is_safe_alias("/tin-tuc/bai-cu/"));
        assert!(!is_safe_alias("../../etc/passwd"));
        assert!(!is_safe_alias("/a/../../b"));
        assert!(!is_safe_alias("https://evil.example/"));
        assert_eq!(normalize_alias("old/page"), "/old/page/");
        assert_eq!(normalize_alias("/old.html"), "/old.html");
    }
}
