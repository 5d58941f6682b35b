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

/// A file as loa last wrote it into an output folder: enough to know, without reading
/// it, whether it still holds the same bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    len: u64,
    mtime: i64,
    mtime_nsec: i64,
    ino: u64,
    hash: u128,
}

impl Entry {
    #[cfg(unix)]
    fn of(meta: &std::fs::Metadata, hash: u128) -> Option<Entry> {
        use std::os::unix::fs::MetadataExt;
        Some(Entry {
            len: meta.len(),
            mtime: meta.mtime(),
            mtime_nsec: meta.mtime_nsec(),
            ino: meta.ino(),
            hash,
        })
    }

    /// Elsewhere nothing is listed, and every file is compared byte by byte.
    #[cfg(not(unix))]
    fn of(_meta: &std::fs::Metadata, _hash: u128) -> Option<Entry> {
        None
    }
}

/// A 128-bit hash of a file's bytes (two fixed-key aHash runs). It is compared only with
/// hashes written by the same loa version (see [`Listings`]); two different outputs
/// sharing one is a 2^-128 chance.
pub(crate) fn content_hash(bytes: &[u8]) -> u128 {
    let a = ahash::RandomState::with_seeds(0x6c6f_6121, 1, 2, 3).hash_one(bytes);
    let b = ahash::RandomState::with_seeds(0x6c6f_6122, 5, 8, 13).hash_one(bytes);
    (u128::from(a) << 64) | u128::from(b)
}

/// The files of one output folder, by output path.
pub type Listing = HashMap<String, Entry>;

/// What loa wrote into its two output generations (the published folder and the
/// staging folder), kept beside them in `.<name>.loa-files`. Each listing names its
/// folder by inode, which renames keep, so the swap cannot mix them up; a listing
/// that does not match (another loa version, an unreadable file) is ignored.
#[derive(Default)]
struct Listings {
    by_folder: Vec<(u64, Listing)>,
    /// What the published folder was built from, when its build had no warnings.
    stamp: Option<(u64, Stamp)>,
}

/// What a build that left nothing to report was made from: a fingerprint of every
/// input (see `build::fingerprint`), and what it built. A later build with the same
/// fingerprint over the same untouched folder has nothing to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub fingerprint: u128,
    pub pages: usize,
    pub files: usize,
    /// What the stamped build left out, to say it again when nothing changed.
    pub left_out: crate::content::LeftOut,
}

const LISTINGS_HEADER: &str = concat!("loa-files 1 ", env!("CARGO_PKG_VERSION"));

impl Listings {
    fn read(path: &Path) -> Listings {
        let Ok(text) = std::fs::read_to_string(path) else {
            return Listings::default();
        };
        Listings::parse(&text).unwrap_or_default()
    }

    fn parse(text: &str) -> Option<Listings> {
        let mut lines = text.lines();
        if lines.next()? != LISTINGS_HEADER {
            return None;
        }
        let mut by_folder: Vec<(u64, Listing)> = Vec::new();
        let mut stamp = None;
        for line in lines {
            if let Some(rest) = line.strip_prefix("stamp ") {
                let mut f = rest.split(' ');
                let folder = f.next()?.parse().ok()?;
                let fingerprint = u128::from_str_radix(f.next()?, 16).ok()?;
                let pages = f.next()?.parse().ok()?;
                let files = f.next()?.parse().ok()?;
                let mut counts = f.map(|n| n.parse::<usize>().unwrap_or(0));
                let mut next = || counts.next().unwrap_or(0);
                let left_out = crate::content::LeftOut {
                    drafts: next(),
                    scheduled: next(),
                    expired: next(),
                };
                stamp = Some((
                    folder,
                    Stamp {
                        fingerprint,
                        pages,
                        files,
                        left_out,
                    },
                ));
                continue;
            }
            if let Some(ino) = line.strip_prefix("folder ") {
                by_folder.push((ino.parse().ok()?, Listing::new()));
                continue;
            }
            let mut f = line.splitn(6, ' ');
            let hash = u128::from_str_radix(f.next()?, 16).ok()?;
            let len = f.next()?.parse().ok()?;
            let mtime = f.next()?.parse().ok()?;
            let mtime_nsec = f.next()?.parse().ok()?;
            let ino = f.next()?.parse().ok()?;
            let path = f.next()?;
            by_folder.last_mut()?.1.insert(
                path.to_owned(),
                Entry {
                    len,
                    mtime,
                    mtime_nsec,
                    ino,
                    hash,
                },
            );
        }
        Some(Listings { by_folder, stamp })
    }

    fn take(&mut self, folder: Option<u64>) -> Option<Listing> {
        let folder = folder?;
        let i = self.by_folder.iter().position(|(f, _)| *f == folder)?;
        Some(self.by_folder.swap_remove(i).1)
    }

    fn write(&self, path: &Path) -> Result<()> {
        let mut text = String::with_capacity(1 << 20);
        text.push_str(LISTINGS_HEADER);
        text.push('\n');
        if let Some((folder, st)) = &self.stamp {
            let _ = writeln!(
                text,
                "stamp {folder} {:032x} {} {} {} {} {}",
                st.fingerprint,
                st.pages,
                st.files,
                st.left_out.drafts,
                st.left_out.scheduled,
                st.left_out.expired
            );
        }
        for (folder, listing) in &self.by_folder {
            let _ = writeln!(text, "folder {folder}");
            let mut paths: Vec<(&String, &Entry)> = listing
                .iter()
                .filter(|(p, _)| !p.contains(['\n', '\r']))
                .collect();
            paths.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
            // Lines formatted in parallel runs: 76,000 of them at 50,000 pages.
            let runs: Vec<String> = paths
                .par_chunks(4096)
                .map(|run| {
                    let mut lines = String::with_capacity(run.len() * 96);
                    for (p, e) in run {
                        let _ = writeln!(
                            lines,
                            "{:032x} {} {} {} {} {p}",
                            e.hash, e.len, e.mtime, e.mtime_nsec, e.ino
                        );
                    }
                    lines
                })
                .collect();
            text.extend(runs);
        }
        let temp = path.with_extension("loa-files-new");
        std::fs::write(&temp, text).map_err(|e| Error::io("cannot write", &temp, e))?;
        std::fs::rename(&temp, path).map_err(|e| Error::io("cannot write", path, e))
    }
}

#[cfg(unix)]
fn folder_id(dir: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| m.ino())
}

#[cfg(not(unix))]
fn folder_id(_dir: &Path) -> Option<u64> {
    None
}

/// Nothing may be written outside the output folder.
fn check_relative(path: &str) -> Result<()> {
    let p = Path::new(path);
    let ok = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(())
    } else {
        Err(Error::Failed(both!(
            "không ghi {path:?}: tệp này sẽ nằm ngoài thư mục kết quả",
            "refusing to write {path:?}: it would land outside the output folder"
        )))
    }
}

/// The staging folder for `output`: `.<name>.loa-next` beside it.
pub fn staging_dir(output: &Path) -> PathBuf {
    sibling(output, "loa-next")
}

fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    output.with_file_name(format!(".{name}.{suffix}"))
}

/// Refuse to build into a folder that is not ours to replace.
pub fn check_output_dir(output: &Path, root: &Path) -> Result<()> {
    let out = output
        .canonicalize()
        .unwrap_or_else(|_| output.to_path_buf());
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if root.starts_with(&out) {
        return Err(Error::Usage(both!(
            "thư mục kết quả {out} chứa chính trang web; chọn thư mục khác bằng --output",
            "the output folder {out} contains the site itself; choose another --output",
            out = output.display()
        )));
    }
    if out.starts_with(root.join("content"))
        || out.starts_with(root.join("themes"))
        || out.starts_with(root.join("assets"))
        || out.starts_with(root.join("static"))
    {
        return Err(Error::Usage(both!(
            "thư mục kết quả {out} nằm trong thư mục nguồn của trang web; chọn thư mục khác bằng --output",
            "the output folder {out} is inside the site's sources; choose another --output",
            out = output.display()
        )));
    }
    if output.is_dir() {
        let entries = std::fs::read_dir(output).map_err(|e| Error::io("cannot read", output, e))?;
        // Only loa's own reports (written before the first build) count as empty.
        let empty = entries
            .flatten()
            .all(|e| PRESERVED.contains(&e.file_name().to_string_lossy().as_ref()));
        if !empty && !output.join("index.html").is_file() {
            return Err(Error::Usage(both!(
                "{out} không trống và không phải cổng thông tin do loa dựng; chọn thư mục khác bằng --output hoặc làm trống nó",
                "{out} is not empty and does not look like a portal built by loa; choose another --output or empty it",
                out = output.display()
            )));
        }
    } else if output.exists() {
        return Err(Error::Usage(both!(
            "{out} là một tệp, không phải thư mục; chọn thư mục khác bằng --output",
            "{out} is a file, not a folder; choose another --output",
            out = output.display()
        )));
    }
    Ok(())
}

/// A build's staging folder, with what is known of its files.
pub struct Staging {
    pub dir: PathBuf,
    known: Option<Listing>,
    /// Listing of the published folder, kept for when it becomes the staging folder.
    published: Option<Listing>,
    fresh: bool,
}

/// Prepare the staging folder (create it, or reuse the previous generation).
pub fn prepare(output: &Path) -> Result<Staging> {
    let dir = staging_dir(output);
    if dir.is_file() {
        std::fs::remove_file(&dir).map_err(|e| Error::io("cannot remove", &dir, e))?;
    }
    let fresh = !dir.exists();
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("cannot create folder", &dir, e))?;
    let mut listings = Listings::read(&listings_path(output));
    Ok(Staging {
        known: listings.take(folder_id(&dir)),
        published: listings.take(folder_id(output)),
        fresh,
        dir,
    })
}

fn listings_path(output: &Path) -> PathBuf {
    sibling(output, "loa-files")
}

/// Top-level folders of the output that a build does not make but keeps: `loa report`
/// writes the annual reports there, and they must survive the next build.
pub const PRESERVED: &[&str] = &["bao-cao"];

/// Copy the preserved folders of the published output into the staging folder, by hard
/// link where the file system allows (no bytes are copied) and by copy otherwise.
fn carry_preserved(staging: &Path, output: &Path) -> Result<()> {
    for name in PRESERVED {
        let from = output.join(name);
        let to = staging.join(name);
        if to.exists() {
            std::fs::remove_dir_all(&to).map_err(|e| Error::io("cannot remove", &to, e))?;
        }
        if !from.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.map_err(|e| {
                Error::Failed(both!(
                    "không đọc được {from}: {e}",
                    "cannot read {from}: {e}",
                    from = from.display()
                ))
            })?;
            let rel = entry.path().strip_prefix(&from).unwrap_or(entry.path());
            let target = to.join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target)
                    .map_err(|e| Error::io("cannot create folder", &target, e))?;
            } else if std::fs::hard_link(entry.path(), &target).is_err() {
                std::fs::copy(entry.path(), &target)
                    .map_err(|e| Error::io("cannot copy", entry.path(), e))?;
            }
        }
    }
    Ok(())
}

/// Remove from `staging` every file not in `written`, then swap it with `output`.
/// `listing` is what the build put into the staging folder ([`DirSink::into_listing`]);
/// `stamp`, what it was built from if a later build may skip when nothing changed.
pub fn finish(
    staging: Staging,
    output: &Path,
    written: &[String],
    listing: Listing,
    stamp: Option<Stamp>,
) -> Result<()> {
    let dir = &staging.dir;
    // A folder this build created holds only what it wrote.
    if !staging.fresh {
        remove_stale(dir, written)?;
    }
    carry_preserved(dir, output)?;
    let previous = sibling(output, "loa-prev");
    if previous.exists() {
        std::fs::remove_dir_all(&previous).map_err(|e| Error::io("cannot remove", &previous, e))?;
    }
    if output.exists() {
        std::fs::rename(output, &previous)
            .map_err(|e| Error::io("cannot move aside", output, e))?;
    }
    if let Err(e) = std::fs::rename(dir, output) {
        // Put the published folder back before reporting.
        let _ = std::fs::rename(&previous, output);
        return Err(Error::io("cannot move the new portal into", output, e));
    }
    if previous.exists() {
        // The old output becomes the next build's staging folder.
        std::fs::rename(&previous, dir).map_err(|e| Error::io("cannot keep", &previous, e))?;
    }
    let mut listings = Listings::default();
    if let Some(id) = folder_id(output) {
        listings.by_folder.push((id, listing));
        listings.stamp = stamp.map(|s| (id, s));
    }
    if let (Some(id), Some(old)) = (folder_id(dir), staging.published) {
        listings.by_folder.push((id, old));
    }
    listings.write(&listings_path(output))
}

/// The stamp of `output` when it was built from `fingerprint` and is exactly as that
/// build left it: the same files, each with the length, time and inode listed.
/// Anything else (no stamp, another fingerprint, a file added, removed or touched) is
/// `None`, and the caller builds.
pub fn unchanged(output: &Path, fingerprint: u128) -> Option<Stamp> {
    let mut listings = Listings::read(&listings_path(output));
    let folder = folder_id(output)?;
    let (stamped, stamp) = listings.stamp?;
    if stamped != folder || stamp.fingerprint != fingerprint {
        return None;
    }
    let listing = listings.take(Some(folder))?;
    let found = AtomicUsize::new(0);
    same_files(output, "", &listing, &found).ok()?;
    (found.into_inner() == listing.len() && listing.len() == stamp.files).then_some(stamp)
}

/// Whether every file under `dir` (output path `prefix`) is in `listing` as it is now;
/// counts them into `found`. Folders are read in parallel.
fn same_files(
    dir: &Path,
    prefix: &str,
    listing: &Listing,
    found: &AtomicUsize,
) -> std::result::Result<(), ()> {
    let entries = keyed_entries(dir, prefix).map_err(|_| ())?;
    entries.par_iter().try_for_each(|(key, entry)| {
        let meta = std::fs::symlink_metadata(entry.path()).map_err(|_| ())?;
        if meta.is_dir() {
            return same_files(&entry.path(), key, listing, found);
        }
        let listed = listing.get(key).ok_or(())?;
        if Entry::of(&meta, listed.hash) != Some(*listed) {
            return Err(());
        }
        found.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    })
}

/// The entries of `dir` with their output paths (`prefix/name`), leaving out the
/// preserved folders at the top of the output.
fn keyed_entries(dir: &Path, prefix: &str) -> std::io::Result<Vec<(String, std::fs::DirEntry)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if prefix.is_empty() && PRESERVED.contains(&name.as_str()) {
            continue;
        }
        let key = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        out.push((key, entry));
    }
    Ok(out)
}

fn remove_stale(staging: &Path, written: &[String]) -> Result<()> {
    let keep: HashSet<&str> = written.iter().map(String::as_str).collect();
    sweep(staging, "", &keep).map(|_| ())
}

/// Remove the files under `dir` (output path `prefix`) that are not in `keep`, and the
/// folders that this leaves empty; folders are read in parallel. Returns how many
/// entries `dir` still holds.
fn sweep(dir: &Path, prefix: &str, keep: &HashSet<&str>) -> Result<usize> {
    let entries = keyed_entries(dir, prefix).map_err(|e| Error::io("cannot read", dir, e))?;
    let removed: Vec<bool> = entries
        .par_iter()
        .map(|(key, entry)| {
            let path = entry.path();
            let is_dir = entry
                .file_type()
                .map_err(|e| Error::io("cannot read", &path, e))?
                .is_dir();
            if is_dir {
                if sweep(&path, key, keep)? == 0 {
                    std::fs::remove_dir(&path).map_err(|e| Error::io("cannot remove", &path, e))?;
                    return Ok(true);
                }
            } else if !keep.contains(key.as_str()) {
                std::fs::remove_file(&path).map_err(|e| Error::io("cannot remove", &path, e))?;
                return Ok(true);
            }
            Ok(false)
        })
        .collect::<Result<_>>()?;
    Ok(removed.iter().filter(|r| !**r).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside_the_output() {
        let sink = MemorySink::default();
        assert!(sink.put("../x.html", b"x").is_err());
        assert!(sink.put("/etc/passwd", b"x").is_err());
        assert!(sink.put("a/./b", b"x").is_ok());
        assert!(sink.put("a/b/index.html", b"x").is_ok());
    }

    #[test]
    fn reports_survive_a_build() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        std::fs::create_dir_all(out.join("bao-cao/2025")).unwrap();
        std::fs::write(out.join("bao-cao/2025/index.html"), "báo cáo").unwrap();
        check_output_dir(&out, tmp.path())
            .expect("a folder holding only reports may be built into");
        for _ in 0..2 {
            let staging = prepare(&out).unwrap();
            let sink = DirSink::staging(&staging);
            sink.put("index.html", b"x").unwrap();
            let listing = sink.into_listing();
            finish(staging, &out, &["index.html".to_owned()], listing, None).unwrap();
            assert_eq!(
                std::fs::read_to_string(out.join("bao-cao/2025/index.html")).unwrap(),
                "báo cáo"
            );
        }
    }

    #[test]
    fn swap_keeps_previous_output_as_staging_and_removes_stale_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        for (round, files) in [["a.html", "b.html"], ["a.html", "c.html"]]
            .iter()
            .enumerate()
        {
            let staging = prepare(&out).unwrap();
            let sink = DirSink::staging(&staging);
            for f in files.iter() {
                sink.put(f, format!("{round}").as_bytes()).unwrap();
            }
            let written: Vec<String> = files.iter().map(|s| s.to_string()).collect();
            let listing = sink.into_listing();
            finish(staging, &out, &written, listing, None).unwrap();
        }
        assert!(out.join("a.html").exists());
        assert!(!out.join("b.html").exists());
        assert_eq!(std::fs::read(out.join("c.html")).unwrap(), b"1");
        assert!(
            staging_dir(&out).join("b.html").exists(),
            "previous generation kept for reuse"
        );
    }

    #[test]
    fn listings_read_back_as_written_and_refuse_other_versions() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(".public.loa-files");
        let entry = |n: u64| Entry {
            len: n,
            mtime: 1_795_883_692,
            mtime_nsec: 996_190_232,
            ino: 11_543_659 + n,
            hash: u128::MAX - u128::from(n),
        };
        let mut first = Listing::new();
        first.insert("index.html".to_owned(), entry(1));
        first.insert("tin-tuc/bài 1/index.html".to_owned(), entry(2));
        first.insert("bad\nname".to_owned(), entry(3));
        let second = Listing::from([("a.css".to_owned(), entry(4))]);
        let stamp = Stamp {
            fingerprint: u128::MAX / 3,
            pages: 2,
            files: 3,
            left_out: crate::content::LeftOut {
                drafts: 1,
                scheduled: 0,
                expired: 2,
            },
        };
        Listings {
            by_folder: vec![(7, first.clone()), (9, second.clone())],
            stamp: Some((7, stamp)),
        }
        .write(&path)
        .unwrap();
        let mut read = Listings::read(&path);
        assert_eq!(read.stamp, Some((7, stamp)));
        first.remove("bad\nname");
        assert_eq!(read.take(Some(9)), Some(second));
        assert_eq!(read.take(Some(7)), Some(first));
        assert_eq!(read.take(Some(8)), None);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replacen(env!("CARGO_PKG_VERSION"), "0.0.0-other", 1),
        )
        .unwrap();
        assert_eq!(Listings::read(&path).take(Some(7)), None);
    }
}
