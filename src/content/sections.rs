//! Sections: each folder's _index.md (or a bare section when it has none), and which pages
//! belong to which section.

use super::*;

pub(super) fn load_sections(
    root: &Path,
    found: &Found,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Section> {
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
pub(super) fn bare_section(dir: &str) -> Section {
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

pub(super) fn parent_dir(dir: &str) -> String {
    dir.rsplit_once('/')
        .map_or(String::new(), |(p, _)| p.to_owned())
}

pub(super) fn assign_to_sections(sections: &mut [Section], pages: &[Page]) {
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

/// `@/` link targets of the sections: `tin-tuc/_index.md` -> `/tin-tuc/`. The same map
/// serves a build and a page reloaded by `loa serve`.
pub(super) fn section_links(
    sections: &[Section],
) -> impl Iterator<Item = (String, LinkTarget)> + '_ {
    sections.iter().map(|s| {
        let rel = if s.dir.is_empty() {
            "_index.md".to_owned()
        } else {
            format!("{}/_index.md", s.dir)
        };
        (rel, LinkTarget::Published(s.path.clone()))
    })
}
