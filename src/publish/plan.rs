//! What a publish does, worked out from two manifests before anything is touched: which
//! files to send and which to remove, in an order that never shows a visitor a page
//! whose styles or images are not there yet. Pure functions; carrying the plan out
//! belongs to `publish` and the transports.
//!
//! The order: new and changed assets (css, js, images, pdf: anything that is not one of
//! the kinds below), then pages (html), then the files that list or point at pages
//! (feeds and sitemap .xml, the search index .json, .txt, .ics, .ssml), and removals
//! last, in the reverse order: lists first, then pages, then the assets they used.

use std::cmp::Reverse;
use std::collections::BTreeSet;
use std::fmt;

use super::Manifest;
use super::summary::format_size;

/// The kinds of files, in the order they are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FileClass {
    /// Styles, scripts, images, documents: what pages use.
    Asset,
    /// HTML pages.
    Page,
    /// Feeds, sitemap, search index, calendars, scripts: what points at pages.
    Listing,
}

/// What happens to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Sent; the target did not have it.
    Add,
    /// Sent; the target has another version (or an unfinished publish left it unknown).
    Change,
    /// Removed from the target.
    Remove,
    /// A folder the removals emptied, removed if it is empty (a file someone else put
    /// there keeps it). Not counted as a file.
    RemoveFolder,
}

/// One file's action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub action: Action,
    /// `/`-separated path relative to the site's root.
    pub path: String,
    /// Bytes to send; for a removal, the size the target's manifest recorded (0 if none).
    pub size: u64,
}

/// Everything a publish would do, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Sends first (assets, pages, listings), removals after, then emptied folders.
    pub steps: Vec<Step>,
    /// Files the target already has as built.
    pub unchanged: usize,
}

impl Plan {
    /// True when the target already matches the output.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// How many steps have this action.
    pub fn count(&self, action: Action) -> usize {
        self.steps.iter().filter(|s| s.action == action).count()
    }

    /// Bytes the sends add up to.
    pub fn bytes_to_send(&self) -> u64 {
        self.steps
            .iter()
            .filter(|s| s.is_send())
            .map(|s| s.size)
            .sum()
    }
}

impl Step {
    /// True for `Add` and `Change`.
    pub fn is_send(&self) -> bool {
        matches!(self.action, Action::Add | Action::Change)
    }
}

impl Step {
    /// The step as [`fmt::Display`] writes it, with the action in `lang`.
    pub(crate) fn line(&self, lang: crate::error::Lang) -> String {
        if lang == crate::error::Lang::En {
            return self.to_string();
        }
        let word = match self.action {
            Action::Add => "thêm",
            Action::Change => "sửa",
            Action::Remove | Action::RemoveFolder => "xóa",
        };
        let size = format_size(self.size).replace('.', ",");
        format!("{word:<5} {} ({size})", self.path)
    }
}

impl fmt::Display for Step {
    /// `change  tin-tuc/index.html (8.1 KB)`, `remove  cu/ (folder, if empty)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match self.action {
            Action::Add => "add",
            Action::Change => "change",
            Action::Remove | Action::RemoveFolder => "remove",
        };
        if self.action == Action::RemoveFolder {
            write!(f, "{word:<7} {}/ (folder, if empty)", self.path)
        } else {
            write!(f, "{word:<7} {} ({})", self.path, format_size(self.size))
        }
    }
}

/// The class of a path, by its extension (case does not matter).
pub(crate) fn classify(path: &str) -> FileClass {
    let name = path.rsplit('/').next().unwrap_or(path);
    let extension = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    };
    match extension.as_str() {
        "html" | "htm" => FileClass::Page,
        "xml" | "json" | "txt" | "ics" | "ssml" => FileClass::Listing,
        _ => FileClass::Asset,
    }
}

/// Compares the build output's manifest with the target's. A path the target lists as
/// pending is sent again if the output has it, and removed again if not.
///
/// One exception to "removals last": when a file must replace a folder of the same
/// name, or a folder a file, what stands in the way is removed first.
pub fn plan(local: &Manifest, remote: &Manifest) -> Plan {
    let (sends, unchanged) = sends(local, remote);
    let send_paths: BTreeSet<&str> = sends.iter().map(|s| s.path.as_str()).collect();
    let send_dirs: BTreeSet<&str> = send_paths.iter().flat_map(|p| ancestors(p)).collect();
    let (early, late): (Vec<Step>, Vec<Step>) =
        removals(local, remote).into_iter().partition(|r| {
            send_dirs.contains(r.path.as_str())
                || ancestors(&r.path).any(|dir| send_paths.contains(dir))
        });
    let early_dirs = emptied_dirs(&early, local);
    let late_dirs: Vec<Step> = emptied_dirs(early.iter().chain(&late), local)
        .into_iter()
        .filter(|dir| !early_dirs.contains(dir))
        .collect();
    let mut steps = early;
    steps.extend(early_dirs);
    steps.extend(sends);
    steps.extend(late);
    steps.extend(late_dirs);
    Plan { steps, unchanged }
}

/// New and changed files, assets first, then pages, then listings.
fn sends(local: &Manifest, remote: &Manifest) -> (Vec<Step>, usize) {
    let mut sends = Vec::new();
    let mut unchanged = 0;
    for (path, entry) in &local.files {
        let known = remote.files.get(path);
        let action = match known {
            _ if remote.pending.contains(path) && known.is_some() => Action::Change,
            _ if remote.pending.contains(path) => Action::Add,
            Some(old) if old == entry => {
                unchanged += 1;
                continue;
            }
            Some(_) => Action::Change,
            None => Action::Add,
        };
        sends.push(Step {
            action,
            path: path.clone(),
            size: entry.size,
        });
    }
    // A stable sort keeps the path order within a class.
    sends.sort_by_key(|s| classify(&s.path));
    (sends, unchanged)
}

/// Files the target has (or may have) and the output does not: listings first, then
/// pages, then assets.
fn removals(local: &Manifest, remote: &Manifest) -> Vec<Step> {
    let gone: BTreeSet<&String> = remote
        .files
        .keys()
        .chain(&remote.pending)
        .filter(|path| !local.files.contains_key(*path))
        .collect();
    let mut removals: Vec<Step> = gone
        .into_iter()
        .map(|path| Step {
            action: Action::Remove,
            path: path.clone(),
            size: remote.files.get(path).map_or(0, |e| e.size),
        })
        .collect();
    removals.sort_by_key(|s| Reverse(classify(&s.path)));
    removals
}

/// Folders that these removals leave without any file of the output, deepest first,
/// as `RemoveFolder` steps: removing each (when empty) leaves no empty folder behind.
fn emptied_dirs<'a>(removals: impl IntoIterator<Item = &'a Step>, local: &Manifest) -> Vec<Step> {
    let kept: BTreeSet<&str> = local.files.keys().flat_map(|p| ancestors(p)).collect();
    let mut dirs: Vec<&str> = removals
        .into_iter()
        .flat_map(|s| ancestors(&s.path))
        .filter(|dir| !kept.contains(dir))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    dirs.sort_by_key(|dir| Reverse(dir.matches('/').count()));
    dirs.into_iter()
        .map(|dir| Step {
            action: Action::RemoveFolder,
            path: dir.to_string(),
            size: 0,
        })
        .collect()
}

/// `a/b/c.html` → `a/b`, `a`.
pub(crate) fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i]).rev()
}

#[cfg(test)]
mod tests {
    use super::super::manifest::Entry;
    use super::*;

    fn manifest(files: &[(&str, &str)]) -> Manifest {
        let mut m = Manifest::default();
        for (path, content) in files {
            m.files.insert(
                path.to_string(),
                Entry {
                    sha256: format!("{content:0>64}"),
                    size: content.len() as u64,
                },
            );
        }
        m
    }

    fn steps(plan: &Plan) -> Vec<String> {
        plan.steps
            .iter()
            .map(|s| format!("{:?} {}", s.action, s.path))
            .collect()
    }

    #[test]
    fn classifies_by_extension() {
        let cases = [
            ("css/site.css", FileClass::Asset),
            ("js/search.js", FileClass::Asset),
            ("anh/logo.PNG", FileClass::Asset),
            ("van-ban/31-ct-tw.pdf", FileClass::Asset),
            ("fonts/a.woff2", FileClass::Asset),
            ("CNAME", FileClass::Asset),
            (".htaccess", FileClass::Asset),
            ("html/readme", FileClass::Asset),
            ("index.html", FileClass::Page),
            ("tin-tuc/bai/index.HTML", FileClass::Page),
            ("old.htm", FileClass::Page),
            ("sitemap.xml", FileClass::Listing),
            ("atom.xml", FileClass::Listing),
            ("search-index.json", FileClass::Listing),
            ("robots.txt", FileClass::Listing),
            ("loa/lich-phat-thanh.ics", FileClass::Listing),
            ("loa/2025-05-01/an-bien-sang.ssml", FileClass::Listing),
        ];
        for (path, class) in cases {
            assert_eq!(classify(path), class, "{path}");
        }
    }

    #[test]
    fn first_publish_sends_assets_then_pages_then_listings() {
        let local = manifest(&[
            ("atom.xml", "1"),
            ("css/site.css", "2"),
            ("index.html", "3"),
            ("search-index.json", "4"),
            ("tin-tuc/a/index.html", "5"),
            ("anh/logo.png", "6"),
            ("robots.txt", "7"),
        ]);
        let plan = plan(&local, &Manifest::default());
        assert_eq!(
            steps(&plan),
            [
                "Add anh/logo.png",
                "Add css/site.css",
                "Add index.html",
                "Add tin-tuc/a/index.html",
                "Add atom.xml",
                "Add robots.txt",
                "Add search-index.json",
            ]
        );
        assert_eq!(plan.bytes_to_send(), 7);
        assert_eq!(plan.unchanged, 0);
    }

    #[test]
    fn same_output_plans_nothing() {
        let local = manifest(&[("index.html", "1"), ("a.css", "2")]);
        let plan = plan(&local, &local);
        assert!(plan.is_empty());
        assert_eq!(plan.unchanged, 2);
    }

    #[test]
    fn removals_come_last_listings_first_assets_last() {
        let remote = manifest(&[
            ("anh/old.png", "1"),
            ("index.html", "2"),
            ("old/index.html", "3"),
            ("old/atom.xml", "4"),
            ("site.css", "5"),
        ]);
        let local = manifest(&[("index.html", "22"), ("site.css", "5"), ("new.js", "6")]);
        let plan = plan(&local, &remote);
        assert_eq!(
            steps(&plan),
            [
                "Add new.js",
                "Change index.html",
                "Remove old/atom.xml",
                "Remove old/index.html",
                "Remove anh/old.png",
                "RemoveFolder anh",
                "RemoveFolder old",
            ]
        );
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.count(Action::Remove), 3);
        assert_eq!(plan.steps[3].size, 1, "a removal carries the recorded size");
    }

    #[test]
    fn pending_paths_are_sent_or_removed_again() {
        let mut remote = manifest(&[("a.css", "1"), ("index.html", "2"), ("gone.html", "3")]);
        remote.pending = ["a.css", "new.html", "gone.html", "never-sent.png"]
            .map(String::from)
            .into();
        // a.css was being changed; the output reverted it to what the manifest says.
        let local = manifest(&[("a.css", "1"), ("index.html", "2"), ("new.html", "4")]);
        let plan = plan(&local, &remote);
        assert_eq!(
            steps(&plan),
            [
                "Change a.css",
                "Add new.html",
                "Remove gone.html",
                "Remove never-sent.png",
            ]
        );
        assert_eq!(plan.unchanged, 1);
    }

    #[test]
    fn removes_folders_left_empty_deepest_first() {
        let remote = manifest(&[
            ("tin-tuc/a/index.html", "1"),
            ("tin-tuc/a/anh/1.png", "2"),
            ("tin-tuc/b/index.html", "3"),
            ("cu/x/y/z.html", "4"),
        ]);
        let local = manifest(&[("tin-tuc/b/index.html", "3")]);
        let plan = plan(&local, &remote);
        assert_eq!(
            steps(&plan),
            [
                "Remove cu/x/y/z.html",
                "Remove tin-tuc/a/index.html",
                "Remove tin-tuc/a/anh/1.png",
                "RemoveFolder cu/x/y",
                "RemoveFolder tin-tuc/a/anh",
                "RemoveFolder cu/x",
                "RemoveFolder tin-tuc/a",
                "RemoveFolder cu",
            ]
        );
        assert_eq!(plan.count(Action::Remove), 3);
    }

    #[test]
    fn clears_the_way_when_a_file_and_a_folder_swap() {
        // `bai` was a file and becomes a folder; `tin` was a folder and becomes a file.
        let remote = manifest(&[("bai", "1"), ("tin/index.html", "2"), ("z.css", "3")]);
        let local = manifest(&[("bai/index.html", "4"), ("tin", "5"), ("a.css", "6")]);
        let plan = plan(&local, &remote);
        assert_eq!(
            steps(&plan),
            [
                "Remove tin/index.html",
                "Remove bai",
                "RemoveFolder tin",
                "Add a.css",
                "Add tin",
                "Add bai/index.html",
                "Remove z.css",
            ]
        );
    }

    #[test]
    fn lists_ancestors_nearest_first() {
        assert_eq!(ancestors("a/b/c.html").collect::<Vec<_>>(), ["a/b", "a"]);
        assert_eq!(ancestors("c.html").count(), 0);
    }

    #[test]
    fn displays_a_step_for_dry_run() {
        let step = Step {
            action: Action::Change,
            path: "tin-tuc/index.html".into(),
            size: 8294,
        };
        assert_eq!(step.to_string(), "change  tin-tuc/index.html (8.1 KB)");
        let folder = Step {
            action: Action::RemoveFolder,
            path: "cu".into(),
            size: 0,
        };
        assert_eq!(folder.to_string(), "remove  cu/ (folder, if empty)");
    }
}
