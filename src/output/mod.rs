//! Where rendered files go. A build writes into a staging folder next to the output
//! folder and swaps it in by rename only when everything succeeded, so a failed build
//! leaves the published folder untouched. The staging folder is the previous output
//! after a swap; the next build updates it in place, writing only files whose bytes
//! changed and removing stale ones, so an unchanged rebuild writes almost nothing.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::AtomicUsize;

use rayon::prelude::*;

use crate::error::{Error, Result};

mod listing;
mod swap;

pub use listing::*;
pub use swap::*;

/// Receives output files. Implementations must be safe to call from many threads.
pub trait Sink: Sync {
    /// `path` is relative to the output root, `/`-separated.
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()>;
}

/// Keeps the output in memory (for `serve` and `check`).
#[derive(Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|p| p.into_inner())
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        check_relative(path)?;
        let mut files = self.files.lock().unwrap_or_else(|p| p.into_inner());
        files.insert(path.to_owned(), bytes.to_vec());
        Ok(())
    }
}

/// Writes into a folder, skipping files whose bytes are already there. What the folder
/// held is known from its [`Listing`] when there is one (a hash per file, trusted only
/// while the file's length, modification time and inode are as listed), so an unchanged
/// rebuild neither reads the old output back nor writes it again; without one, the old
/// bytes are read and compared.
pub struct DirSink<'a> {
    pub dir: PathBuf,
    /// What `dir` held when the build began, if known.
    known: Option<&'a Listing>,
    /// `dir` was created empty by this build: nothing there to compare or replace.
    fresh: bool,
    /// Folders known to exist.
    made: Mutex<HashSet<PathBuf>>,
    /// Every file put, as it now is on disk.
    listed: Mutex<Vec<(String, Entry)>>,
}

impl<'a> DirSink<'a> {
    /// A sink into `dir` that knows nothing of what is there.
    pub fn new(dir: PathBuf) -> DirSink<'static> {
        DirSink {
            dir,
            known: None,
            fresh: false,
            made: Mutex::default(),
            listed: Mutex::default(),
        }
    }

    /// A sink into a build's staging folder.
    pub fn staging(staging: &'a Staging) -> DirSink<'a> {
        DirSink {
            dir: staging.dir.clone(),
            known: staging.known.as_ref(),
            fresh: staging.fresh,
            made: Mutex::default(),
            listed: Mutex::default(),
        }
    }

    /// What was put, to describe the folder next time.
    pub fn into_listing(self) -> Listing {
        let listed = self.listed.into_inner().unwrap_or_else(|p| p.into_inner());
        listed.into_iter().collect()
    }

    fn list(&self, path: &str, entry: Entry) {
        self.listed
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((path.to_owned(), entry));
    }

    /// Whether `target`, with metadata `meta`, already holds `bytes` (hashed `hash`).
    fn holds(
        &self,
        path: &str,
        target: &Path,
        meta: &std::fs::Metadata,
        bytes: &[u8],
        hash: u128,
    ) -> bool {
        if !meta.is_file() || meta.len() != bytes.len() as u64 {
            return false;
        }
        match self.known.and_then(|k| k.get(path)) {
            Some(e) if Some(*e) == Entry::of(meta, e.hash) => e.hash == hash,
            _ => std::fs::read(target).is_ok_and(|old| old == bytes),
        }
    }

    fn make_parent(&self, target: &Path) -> Result<()> {
        let Some(parent) = target.parent() else {
            return Ok(());
        };
        if self
            .made
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(parent)
        {
            return Ok(());
        }
        std::fs::create_dir_all(parent)
            .map_err(|e| Error::io("cannot create folder", parent, e))?;
        self.made
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(parent.to_path_buf());
        Ok(())
    }
}

impl Sink for DirSink<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        check_relative(path)?;
        let target = self.dir.join(path);
        let hash = content_hash(bytes);
        if !self.fresh
            && let Ok(meta) = std::fs::symlink_metadata(&target)
        {
            if self.holds(path, &target, &meta, bytes, hash) {
                if let Some(entry) = Entry::of(&meta, hash) {
                    self.list(path, entry);
                }
                return Ok(());
            }
            if meta.is_dir() {
                std::fs::remove_dir_all(&target)
                    .map_err(|e| Error::io("cannot replace folder", &target, e))?;
            }
        }
        self.make_parent(&target)?;
        let write = |target: &Path| -> std::io::Result<std::fs::Metadata> {
            let mut file = std::fs::File::create(target)?;
            std::io::Write::write_all(&mut file, bytes)?;
            file.metadata()
        };
        let meta = write(&target).map_err(|e| Error::io("cannot write", &target, e))?;
        if let Some(entry) = Entry::of(&meta, hash) {
            self.list(path, entry);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
