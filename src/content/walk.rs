//! Walking content/ and the static folders: which files are pages, sections and static files,
//! and which are left alone (editor backups, hidden files, links outside the site).

use super::*;

/// What a walk of content/ found.
#[derive(Default)]
pub(super) struct Found {
    pub(super) pages: Vec<PathBuf>,
    pub(super) sections: Vec<PathBuf>,
    pub(super) section_dirs: Vec<String>,
    pub(super) data: Vec<PathBuf>,
    pub(super) statics: Vec<StaticFile>,
    pub(super) problems: Vec<Diagnostic>,
}

pub(super) fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with("#")
}

pub(super) fn rel_slash(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Walk content/: markdown pages and sections, data files, and other files to copy.
pub(super) fn walk(root: &Path, content: &Path) -> Found {
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

pub(super) fn walk_error(root: &Path, e: &walkdir::Error) -> Diagnostic {
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
pub(super) fn collect_static(root: &Path, dir: &str, found: &mut Found) {
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
