//! The listing of what a build wrote (path, size, hash), kept beside the output so the next
//! build rewrites only what changed and publish knows what to upload; the stamp that says
//! nothing changed.

use super::*;

/// A file as loa last wrote it into an output folder: enough to know, without reading
/// it, whether it still holds the same bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub(super) len: u64,
    pub(super) mtime: i64,
    pub(super) mtime_nsec: i64,
    pub(super) ino: u64,
    pub(super) hash: u128,
}

impl Entry {
    pub(super) fn of(meta: &std::fs::Metadata, hash: u128) -> Option<Entry> {
        let stamp = crate::platform::file_stamp(meta)?;
        Some(Entry {
            len: stamp.len,
            mtime: stamp.mtime,
            mtime_nsec: stamp.mtime_nsec,
            ino: stamp.id,
            hash,
        })
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
/// folder by its identity (the inode, or the file index on Windows), which renames keep, so the swap cannot mix them up; a listing
/// that does not match (another loa version, an unreadable file) is ignored.
#[derive(Default)]
pub(super) struct Listings {
    pub(super) by_folder: Vec<(u64, Listing)>,
    /// What the published folder was built from, when its build had no warnings.
    pub(super) stamp: Option<(u64, Stamp)>,
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

pub(super) const LISTINGS_HEADER: &str = concat!("loa-files 1 ", env!("CARGO_PKG_VERSION"));

impl Listings {
    pub(super) fn read(path: &Path) -> Listings {
        let Ok(text) = std::fs::read_to_string(path) else {
            return Listings::default();
        };
        Listings::parse(&text).unwrap_or_default()
    }

    pub(super) fn parse(text: &str) -> Option<Listings> {
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

    pub(super) fn take(&mut self, folder: Option<u64>) -> Option<Listing> {
        let folder = folder?;
        let i = self.by_folder.iter().position(|(f, _)| *f == folder)?;
        Some(self.by_folder.swap_remove(i).1)
    }

    pub(super) fn write(&self, path: &Path) -> Result<()> {
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

pub(super) fn listings_path(output: &Path) -> PathBuf {
    sibling(output, "loa-files")
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
pub(super) fn same_files(
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
pub(super) fn keyed_entries(
    dir: &Path,
    prefix: &str,
) -> std::io::Result<Vec<(String, std::fs::DirEntry)>> {
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
