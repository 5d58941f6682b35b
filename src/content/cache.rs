//! What earlier loads parsed and rendered, kept by `loa serve` between rebuilds so a
//! rebuild does not parse or render again the pages whose files did not change. Keyed
//! by content, never by time: a page is reused only when its text and everything its
//! parsing reads (the configuration, the sections) hash the same as when it was parsed,
//! and its markdown only when, in addition, every link target of the site is the same.
//! `loa build` starts from an empty cache.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use crate::markdown::Rendered;

use super::Page;

/// Parsed pages and their rendered markdown from the previous load, by source path.
/// The default cache keeps nothing (a one-shot build should not pay for hashing and
/// copying every page); [`LoadCache::keeping`] makes one that does.
#[derive(Default)]
pub struct LoadCache {
    /// Whether loads store what they parse and render for the next load.
    pub(super) keep: bool,
    pub(super) pages: HashMap<PathBuf, CachedPage>,
    /// What the last load took from the cache.
    pub(super) reused: Reuse,
}

/// Counts of what a load took from the cache instead of doing again.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Reuse {
    pub parsed: usize,
    pub rendered: usize,
}

impl LoadCache {
    /// A cache that keeps every page for the next load (for `loa serve`).
    pub fn keeping() -> LoadCache {
        LoadCache {
            keep: true,
            ..LoadCache::default()
        }
    }

    /// What the last load reused.
    pub fn reused(&self) -> Reuse {
        self.reused
    }
}

pub(super) struct CachedPage {
    /// Hash of the page's text and of what parsing it depends on.
    pub parse_key: u64,
    /// The page as parsed, before markdown rendering.
    pub page: Arc<Page>,
    /// Hash of the parse key and of what rendering depends on, with the result.
    pub markdown: Option<(u64, Arc<Rendered>)>,
}

/// A 64-bit hash of `value`, for cache keys.
pub(super) fn key<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::content::{LoadOptions, load, load_cached};
    use crate::date::Date;
    use std::path::Path;

    /// A copy of the serve fixture site in a temp dir (also used by serve's tests).
    pub(crate) fn site_copy() -> tempfile::TempDir {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/serve/basic");
        let dir = tempfile::tempdir().expect("temp dir");
        for e in walkdir::WalkDir::new(&src) {
            let e = e.expect("walk");
            let to = dir
                .path()
                .join(e.path().strip_prefix(&src).expect("inside"));
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("mkdir");
            } else {
                std::fs::copy(e.path(), &to).expect("copy");
            }
        }
        dir
    }

    fn options(root: &Path) -> LoadOptions {
        LoadOptions {
            root: root.to_path_buf(),
            drafts: false,
            today: Date::parse("2025-06-01").expect("date"),
            lang: crate::error::Lang::En,
            base_url: None,
        }
    }

    /// Everything the rest of the build reads from the pages.
    fn pages(root: &Path, cache: Option<&mut LoadCache>) -> String {
        let site = match cache {
            Some(c) => load_cached(&options(root), c),
            None => load(&options(root)),
        };
        format!("{:?}", site.expect("the fixture loads").pages)
    }

    #[test]
    fn cached_load_reuses_unchanged_pages_and_equals_a_fresh_load() {
        let dir = site_copy();
        let root = dir.path();
        let mut cache = LoadCache::keeping();
        assert_eq!(pages(root, Some(&mut cache)), pages(root, None));
        assert_eq!(cache.reused(), Reuse::default());

        assert_eq!(pages(root, Some(&mut cache)), pages(root, None));
        assert_eq!(
            cache.reused(),
            Reuse {
                parsed: 2,
                rendered: 2
            }
        );

        let page = root.join("content/tin-tuc/bai-hai.md");
        let text = std::fs::read_to_string(&page).expect("read");
        std::fs::write(&page, text.replace("tập huấn", "tập huấn lại")).expect("write");
        let cached = pages(root, Some(&mut cache));
        assert!(cached.contains("tập huấn lại"));
        assert_eq!(cached, pages(root, None));
        assert_eq!(
            cache.reused(),
            Reuse {
                parsed: 1,
                rendered: 1
            }
        );
    }

    #[test]
    fn markdown_is_rendered_again_when_link_targets_change() {
        let dir = site_copy();
        let root = dir.path();
        let mut cache = LoadCache::keeping();
        pages(root, Some(&mut cache));
        let new = root.join("content/tin-tuc/bai-ba.md");
        std::fs::write(&new, "---\ntitle: \"Bài ba\"\ndate: 2025-05-03\n---\nBa.\n")
            .expect("write");
        assert_eq!(pages(root, Some(&mut cache)), pages(root, None));
        assert_eq!(
            cache.reused(),
            Reuse {
                parsed: 2,
                rendered: 0
            },
            "a new page is a new link target for every page"
        );
        std::fs::write(root.join("site.toml"), {
            let t = std::fs::read_to_string(root.join("site.toml")).expect("read");
            t.replace("Cổng thử nghiệm", "Cổng thử")
        })
        .expect("write");
        assert_eq!(pages(root, Some(&mut cache)), pages(root, None));
        assert_eq!(cache.reused().parsed, 0, "the configuration changed");
    }
}
