//! Rules across the site: what is published on a date (drafts, embargo, expiry, retention), one
//! page per address, templates the theme has, anchors between pages.

use super::*;

/// A draft's problem (W025) as it stands once the draft is published: an error (E021).
pub(crate) fn published(d: &Diagnostic) -> Diagnostic {
    match d.text.as_deref() {
        Some(Message::FrontMatter(FrontMatterProblem::MissingField {
            kind,
            field,
            example,
            draft: true,
        })) => Diagnostic {
            quoted: d.quoted.clone(),
            ..Diagnostic::new(
                Message::FrontMatter(FrontMatterProblem::MissingField {
                    kind,
                    field: field.clone(),
                    example: example.clone(),
                    draft: false,
                }),
                d.location.clone(),
            )
        },
        _ => d.clone(),
    }
}

/// Published on `today`: not a draft (unless drafts are wanted), embargo passed, not
/// expired, and a violation notice still within its retention period.
pub(crate) fn is_published(
    page: &Page,
    today: Date,
    drafts: bool,
    retention_months: Option<u32>,
) -> bool {
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
    retired_on(page, retention_months).is_none_or(|d| d > today)
}

/// The day a violation notice leaves every output: its decision date (or its date)
/// plus the site's retention period. `None` for other pages, or without retention.
pub(crate) fn retired_on(page: &Page, retention_months: Option<u32>) -> Option<Date> {
    let (KindFields::Violation(v), Some(months)) = (&page.fields, retention_months) else {
        return None;
    };
    Some(v.decision_date.or(page.date())?.add_months(months))
}

/// One page per URL: pages, sections and aliases may not claim the same address.
pub(crate) fn unique_urls(pages: &[Page], sections: &[Section]) -> Vec<Diagnostic> {
    let mut claimed: HashMap<String, (std::path::PathBuf, usize)> = HashMap::new();
    let mut out = Vec::new();
    let mut claim = |url: String, path: &Path, line: usize| {
        if let Some((first, _)) = claimed.get(&url) {
            out.push(Diagnostic::new(
                Message::Link(LinkProblem::DuplicateUrl {
                    url,
                    first: first.clone(),
                }),
                Some(Location::new(path, line, 1)),
            ));
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

/// Every `template` a page or section names must be one the theme has.
pub fn missing_templates(
    pages: &[Page],
    sections: &[Section],
    has: impl Fn(&str) -> bool,
    names: &[&str],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut report = |name: &str, path: &Path, front_matter: &str| {
        if has(name) {
            return;
        }
        let (line, column) =
            locate(front_matter, &["template"]).map_or((1, 1), |(l, c)| (l + 1, c));
        out.push(
            Diagnostic::new(
                Message::Theme(ThemeProblem::MissingTemplate {
                    name: name.to_owned(),
                    hint: Choice::among(name, names),
                }),
                Some(Location::new(path, line, column)),
            )
            .quote_from(&format!("---\n{front_matter}")),
        );
    };
    for p in pages {
        if let Some(t) = &p.meta.template {
            report(t, &p.source, &p.front_matter);
        }
    }
    for s in sections {
        if let (Some(t), Some(source)) = (&s.matter.template, &s.source) {
            report(t, source, "");
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
pub(crate) fn anchors(pages: &[Page], refs: &[Vec<AnchorRef>]) -> Vec<Diagnostic> {
    let by_rel: HashMap<&str, &Page> = pages.iter().map(|p| (p.rel.as_str(), p)).collect();
    let mut out = Vec::new();
    for (page, list) in pages.iter().zip(refs) {
        for r in list {
            let Some(target) = by_rel.get(r.target_rel.as_str()) else {
                continue;
            };
            if !target.toc.iter().any(|h| h.id == r.anchor) {
                out.push(
                    Diagnostic::new(
                        Message::Link(LinkProblem::MissingAnchor {
                            target: r.target_rel.clone(),
                            anchor: r.anchor.clone(),
                            headings: target.toc.iter().map(|h| h.id.clone()).collect(),
                        }),
                        Some(Location::new(&page.source, r.line, r.column)),
                    )
                    .quote_from_part(&page.body, page.body_line),
                );
            }
        }
    }
    out
}
