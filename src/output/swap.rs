//! The staging folder beside public/ and the swap: a build writes into staging, then one rename
//! puts it in place, so a failed build never leaves a half-written portal.

use super::*;

/// The folder's identity, which a rename keeps: listings name their folder by it.
pub(super) fn folder_id(dir: &Path) -> Option<u64> {
    let meta = std::fs::metadata(dir).ok()?;
    crate::platform::folder_identity(dir, &meta).map(|(_, id)| id)
}

/// Nothing may be written outside the output folder.
pub(super) fn check_relative(path: &str) -> Result<()> {
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

pub(super) fn sibling(output: &Path, suffix: &str) -> PathBuf {
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
    pub(super) known: Option<Listing>,
    /// Listing of the published folder, kept for when it becomes the staging folder.
    pub(super) published: Option<Listing>,
    pub(super) fresh: bool,
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

/// Top-level folders of the output that a build does not make but keeps: `loa report`
/// writes the annual reports there, and they must survive the next build.
pub const PRESERVED: &[&str] = &["bao-cao"];

/// Copy the preserved folders of the published output into the staging folder, by hard
/// link where the file system allows (no bytes are copied) and by copy otherwise.
pub(super) fn carry_preserved(staging: &Path, output: &Path) -> Result<()> {
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
        patiently(|| std::fs::remove_dir_all(&previous))
            .map_err(|e| held_or_io(e, "cannot remove", &previous, output))?;
    }
    if output.exists() {
        patiently(|| std::fs::rename(output, &previous))
            .map_err(|e| held_or_io(e, "cannot move aside", output, output))?;
    }
    if let Err(e) = patiently(|| std::fs::rename(dir, output)) {
        // Put the published folder back before reporting.
        let _ = patiently(|| std::fs::rename(&previous, output));
        return Err(held_or_io(
            e,
            "cannot move the new portal into",
            output,
            output,
        ));
    }
    if previous.exists() {
        // The old output becomes the next build's staging folder.
        patiently(|| std::fs::rename(&previous, dir))
            .map_err(|e| held_or_io(e, "cannot keep", &previous, output))?;
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

/// The pauses between tries of a rename or removal that another program blocks (see
/// [`crate::platform::is_held_open`]): about three seconds in all, long enough for a
/// browser, an antivirus scan or Explorer's preview to let go, short enough that
/// someone waiting at the console is told what to close.
const PAUSES_MS: [u64; 7] = [50, 100, 200, 350, 500, 800, 1000];

/// Run `op`, and again after each pause while it fails because a file is held open.
fn patiently<T>(op: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    retry_while(op, crate::platform::is_held_open, &PAUSES_MS)
}

pub(super) fn retry_while<T>(
    mut op: impl FnMut() -> std::io::Result<T>,
    again: impl Fn(&std::io::Error) -> bool,
    pauses_ms: &[u64],
) -> std::io::Result<T> {
    let mut pauses = pauses_ms.iter();
    loop {
        match op() {
            Err(e) if again(&e) => match pauses.next() {
                Some(ms) => std::thread::sleep(std::time::Duration::from_millis(*ms)),
                None => return Err(e),
            },
            done => return done,
        }
    }
}

/// The error of a swap step: E080 when another program still held the folder open
/// after every retry, else the file-system error with its path.
fn held_or_io(e: std::io::Error, action: &'static str, path: &Path, output: &Path) -> Error {
    if !crate::platform::is_held_open(&e) {
        return Error::io(action, path, e);
    }
    let seconds = PAUSES_MS.iter().sum::<u64>().div_ceil(1000);
    let problem = crate::error::OutputProblem::HeldOpen {
        folder: output.to_path_buf(),
        seconds,
    };
    Error::Content(vec![crate::error::Diagnostic::new(problem.into(), None)])
}

pub(super) fn remove_stale(staging: &Path, written: &[String]) -> Result<()> {
    let keep: HashSet<&str> = written.iter().map(String::as_str).collect();
    sweep(staging, "", &keep).map(|_| ())
}

/// Remove the files under `dir` (output path `prefix`) that are not in `keep`, and the
/// folders that this leaves empty; folders are read in parallel. Returns how many
/// entries `dir` still holds.
pub(super) fn sweep(dir: &Path, prefix: &str, keep: &HashSet<&str>) -> Result<usize> {
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
