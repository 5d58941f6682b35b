//! References a page makes — images, files, links, anchors — must exist in the site; shared by
//! loa build (which stops on them) and loa check.

use super::*;

/// Where a URL written in a page points inside the site, as an output file path; `None`
/// for other sites, `mailto:` and the like, in-page anchors, and what is no relative
/// address at all (a colon in its first segment, RFC 3986 §4.2: `%20javascript:x`).
pub(crate) fn local_target(site: &Site, base: &str, url: &str) -> Option<String> {
    let url = url.trim();
    let own = site.base();
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

pub(super) fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

pub(super) fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Whether the output has a file, given whether it has each path.
pub(super) type Has<'a> = &'a dyn Fn(&str) -> bool;

pub(super) fn exists(has: Has, key: &str) -> bool {
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
pub(super) fn same_name(site: &Site, url: &str) -> Option<String> {
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
pub(super) fn expected_source(key: &str) -> PathBuf {
    if key.starts_with("assets/") {
        PathBuf::from(key)
    } else {
        Path::new("static").join(key)
    }
}

/// `image` and a document's `file` must name files that exist.
pub(super) fn front_matter_files(site: &Site, page: &Page, has: Has) -> Vec<Diagnostic> {
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
pub(super) fn body_references(site: &Site, page: &Page, has: Has) -> Vec<Diagnostic> {
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
