//! Watching the site's sources for `loa serve`: content/, themes/, assets/, static/ and
//! site.toml, through notify (the system's watcher, or polling for shared and network
//! folders where change events do not arrive). Events are debounced, editors' temporary
//! and swap files, hidden files and the output folders are ignored, and each settled
//! batch of changes is handed to the caller, which rebuilds. What a change means is
//! the caller's business.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::error::{Error, Result};

/// The folders of a site whose changes trigger a rebuild (with site.toml).
pub(crate) const SOURCE_DIRS: [&str; 4] = ["content", "themes", "assets", "static"];

/// Quiet time after the last event before rebuilding: an editor's save is several
/// events (write a temporary file, rename it over, touch metadata) within a few ms.
pub(crate) const DEBOUNCE: Duration = Duration::from_millis(50);
/// A folder that never stops changing still gets rebuilt this often.
const MAX_WAIT: Duration = Duration::from_millis(1000);
/// How often the polling watcher looks at every file.
const POLL_INTERVAL: Duration = Duration::from_millis(300);
/// notify's polling watcher compares modification times in whole seconds, so a save in
/// the same second as one it has seen goes unnoticed. When polling, each batch (and the
/// start) is handed out once more this long after, to look at what is really on disk.
const RECHECK_AFTER: Duration = Duration::from_millis(1200);

/// Paths that changed, relative to the root and sorted.
#[derive(Debug)]
pub(crate) struct Batch {
    pub paths: Vec<PathBuf>,
    /// A second look at earlier paths (polling only): they may not have changed again.
    pub recheck: bool,
}

/// What to watch and what to leave alone.
pub(crate) struct WatchOptions {
    /// The site's folder, absolute (made so where the CLI makes `BuildOptions`): the
    /// changes notify reports are absolute paths, compared with it (issue 16).
    pub root: PathBuf,
    /// Poll instead of using the system's change notifications.
    pub poll: bool,
    /// Folders whose changes never count (the output folder and its staging siblings).
    pub ignored: Vec<PathBuf>,
    /// The language of its warnings.
    pub lang: crate::error::Lang,
}

/// A running watcher and the events it has not handed out yet.
pub(crate) struct Changes {
    opts: WatchOptions,
    watcher: Box<dyn Watcher>,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    watched: BTreeSet<&'static str>,
    /// The root with its links resolved, when that differs: some systems' watchers
    /// report changes under it rather than under the root as given.
    resolved_root: Option<PathBuf>,
    /// When polling: paths to hand out again, and when.
    recheck: Option<(Instant, BTreeSet<PathBuf>)>,
}

impl Changes {
    /// Start watching. Call it before the first build, so that a change saved while
    /// that build runs is not missed.
    pub(crate) fn start(opts: WatchOptions) -> Result<Changes> {
        let (tx, events) = mpsc::channel();
        let mut watcher: Box<dyn Watcher> = if opts.poll {
            let config = notify::Config::default().with_poll_interval(POLL_INTERVAL);
            Box::new(notify::PollWatcher::new(tx, config).map_err(watch_error)?)
        } else {
            let config = notify::Config::default();
            Box::new(notify::RecommendedWatcher::new(tx, config).map_err(watch_error)?)
        };
        // The root itself, not recursively: site.toml, and source folders created later.
        watcher
            .watch(&opts.root, RecursiveMode::NonRecursive)
            .map_err(watch_error)?;
        let resolved_root = opts.root.canonicalize().ok().filter(|r| *r != opts.root);
        let mut changes = Changes {
            opts,
            watcher,
            events,
            watched: BTreeSet::new(),
            resolved_root,
            recheck: None,
        };
        if changes.opts.poll {
            changes.recheck = Some((Instant::now() + RECHECK_AFTER, BTreeSet::new()));
        }
        changes.watch_sources();
        Ok(changes)
    }

    /// Also ignore these folders (known once site.toml has been read).
    pub(crate) fn ignore(&mut self, dirs: Vec<PathBuf>) {
        self.opts.ignored.extend(dirs);
    }

    /// Wait for the next settled batch of changes; `None` when the watcher has stopped.
    pub(crate) fn next_batch(&mut self) -> Option<Batch> {
        loop {
            let event = match &self.recheck {
                Some((at, _)) => {
                    let wait = at.saturating_duration_since(Instant::now());
                    match self.events.recv_timeout(wait) {
                        Ok(event) => event,
                        Err(RecvTimeoutError::Timeout) => {
                            let (_, paths) = self.recheck.take()?;
                            return Some(Batch {
                                paths: paths.into_iter().collect(),
                                recheck: true,
                            });
                        }
                        Err(RecvTimeoutError::Disconnected) => return None,
                    }
                }
                None => self.events.recv().ok()?,
            };
            let mut changed: BTreeSet<PathBuf> = self.relevant(event).into_iter().collect();
            if changed.is_empty() {
                continue;
            }
            let first = Instant::now();
            loop {
                let left = MAX_WAIT.saturating_sub(first.elapsed());
                if left.is_zero() {
                    break;
                }
                match self.events.recv_timeout(DEBOUNCE.min(left)) {
                    Ok(event) => changed.extend(self.relevant(event)),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
            }
            self.watch_sources();
            log::debug!(
                "{}",
                tr!(
                    self.opts.lang,
                    "tệp thay đổi: {changed:?}",
                    "changed: {changed:?}"
                )
            );
            if self.opts.poll {
                let mut again = self.recheck.take().map(|(_, p)| p).unwrap_or_default();
                again.extend(changed.iter().cloned());
                self.recheck = Some((Instant::now() + RECHECK_AFTER, again));
            }
            return Some(Batch {
                paths: changed.into_iter().collect(),
                recheck: false,
            });
        }
    }

    fn relevant(&self, event: notify::Result<notify::Event>) -> Vec<PathBuf> {
        match event {
            Ok(e) if !matches!(e.kind, EventKind::Access(_)) => e
                .paths
                .iter()
                .filter_map(|p| {
                    relevant_path(&self.opts.root, p, &self.opts.ignored).or_else(|| {
                        let root = self.resolved_root.as_deref()?;
                        relevant_path(root, p, &self.opts.ignored)
                    })
                })
                .collect(),
            Ok(_) => Vec::new(),
            Err(e) => {
                log::debug!("watcher: {e}");
                Vec::new()
            }
        }
    }

    /// Watch each source folder that exists and is not watched yet (they may appear
    /// later, say when a site adds its first theme override).
    fn watch_sources(&mut self) {
        for dir in SOURCE_DIRS {
            let path = self.opts.root.join(dir);
            if self.watched.contains(dir) || !path.is_dir() {
                continue;
            }
            match self.watcher.watch(&path, RecursiveMode::Recursive) {
                Ok(()) => {
                    self.watched.insert(dir);
                }
                Err(e) => {
                    let shown = path.display().to_string();
                    let line = crate::console::serve::cannot_watch(self.opts.lang, &shown);
                    log::warn!("{line}: {e}");
                }
            }
        }
    }
}

fn watch_error(e: notify::Error) -> Error {
    Error::Failed(both!(
        "không theo dõi được thay đổi của các tệp trong trang web ({e}); nếu thư mục nằm trên ổ dùng chung hoặc ổ mạng, hãy thử thêm --poll",
        "cannot watch the site's files for changes: {e}; on a shared or network folder, try --poll"
    ))
}

/// The path relative to the root when a change there should trigger a rebuild.
pub(crate) fn relevant_path(root: &Path, path: &Path, ignored: &[PathBuf]) -> Option<PathBuf> {
    if ignored.iter().any(|d| path.starts_with(d)) {
        return None;
    }
    let rel = path.strip_prefix(root).ok()?;
    let names: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(n) => n.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (&first, _) = names.split_first()?;
    let source = (names.len() == 1 && first == "site.toml") || SOURCE_DIRS.contains(&first);
    (source && !names.iter().any(|n| is_ignored_name(n))).then(|| rel.to_path_buf())
}

/// Hidden files and what editors write while saving: vim's swap files and its `4913`
/// write test, backups (`~`), Emacs's `#autosave#` and `.#lock` files, temporary files.
pub(crate) fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_editor_temporary_and_hidden_files() {
        for name in [
            ".bai.md.swp",
            "bai.md.swx",
            "bai.md~",
            "#bai.md#",
            ".#bai.md",
            "4913",
            ".DS_Store",
            "bai.md.tmp",
        ] {
            assert!(is_ignored_name(name), "{name}");
        }
        for name in ["bai.md", "_index.md", "site.toml", "49130.md", "a#b.md"] {
            assert!(!is_ignored_name(name), "{name}");
        }
    }

    #[test]
    fn only_sources_and_site_toml_trigger_a_rebuild() {
        let root = Path::new("/site");
        let ignored = vec![root.join("public"), root.join(".public.loa-next")];
        let yes = |p: &str| relevant_path(root, &root.join(p), &ignored);
        assert_eq!(
            yes("content/tin-tuc/bai.md"),
            Some(PathBuf::from("content/tin-tuc/bai.md"))
        );
        assert!(yes("site.toml").is_some());
        assert!(yes("themes/cong-thong-tin/templates/page.html").is_some());
        assert!(yes("assets/anh/a.png").is_some());
        assert!(yes("static/robots.txt").is_some());
        assert!(
            yes("content").is_some(),
            "a source folder itself (created or removed)"
        );
        for no in [
            "public/index.html",
            ".public.loa-next/index.html",
            "target/debug/loa",
            "README.md",
            "content/.git/index",
            "content/tin-tuc/.bai.md.swp",
            "content/tin-tuc/4913",
            "content/tin-tuc/bai.md~",
            "site.toml~",
            ".site.toml.swp",
            "other/site.toml",
        ] {
            assert_eq!(yes(no), None, "{no}");
        }
        assert_eq!(
            relevant_path(root, Path::new("/elsewhere/content/a.md"), &ignored),
            None
        );
    }
}
