//! Where rendered files go. A build writes into a staging folder next to the output
//! folder and swaps it in by rename only when everything succeeded, so a failed build
//! leaves the published folder untouched. The staging folder is the previous output
//! after a swap; the next build updates it in place, writing only files whose bytes
//! changed and removing stale ones, so an unchanged rebuild writes almost nothing.

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

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

/// Writes into a folder, skipping files whose bytes are already there.
pub struct DirSink {
    pub dir: PathBuf,
}

impl Sink for DirSink {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        check_relative(path)?;
        let target = self.dir.join(path);
        if let Ok(meta) = std::fs::metadata(&target)
            && meta.is_file()
            && meta.len() == bytes.len() as u64
            && std::fs::read(&target).is_ok_and(|old| old == bytes)
        {
            return Ok(());
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io("cannot create folder", parent, e))?;
        }
        if target.is_dir() {
            std::fs::remove_dir_all(&target)
                .map_err(|e| Error::io("cannot replace folder", &target, e))?;
        }
        std::fs::write(&target, bytes).map_err(|e| Error::io("cannot write", &target, e))
    }
}

/// Nothing may be written outside the output folder.
fn check_relative(path: &str) -> Result<()> {
    let p = Path::new(path);
    let ok = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(format!(
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
        return Err(Error::Usage(format!(
            "the output folder {} contains the site itself; choose another --output",
            output.display()
        )));
    }
    if out.starts_with(root.join("content"))
        || out.starts_with(root.join("themes"))
        || out.starts_with(root.join("assets"))
        || out.starts_with(root.join("static"))
    {
        return Err(Error::Usage(format!(
            "the output folder {} is inside the site's sources; choose another --output",
            output.display()
        )));
    }
    if output.is_dir() {
        let entries = std::fs::read_dir(output).map_err(|e| Error::io("cannot read", output, e))?;
        // Only loa's own reports (written before the first build) count as empty.
        let empty = entries
            .flatten()
            .all(|e| PRESERVED.contains(&e.file_name().to_string_lossy().as_ref()));
        if !empty && !output.join("index.html").is_file() {
            return Err(Error::Usage(format!(
                "{} is not empty and does not look like a portal built by loa; choose another --output or empty it",
                output.display()
            )));
        }
    } else if output.exists() {
        return Err(Error::Usage(format!(
            "{} is a file, not a folder; choose another --output",
            output.display()
        )));
    }
    Ok(())
}

/// Prepare the staging folder (create it, or reuse the previous generation).
pub fn prepare(output: &Path) -> Result<PathBuf> {
    let staging = staging_dir(output);
    if staging.is_file() {
        std::fs::remove_file(&staging).map_err(|e| Error::io("cannot remove", &staging, e))?;
    }
    std::fs::create_dir_all(&staging)
        .map_err(|e| Error::io("cannot create folder", &staging, e))?;
    Ok(staging)
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
            let entry =
                entry.map_err(|e| Error::Usage(format!("cannot read {}: {e}", from.display())))?;
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
pub fn finish(staging: &Path, output: &Path, written: &[String]) -> Result<()> {
    remove_stale(staging, written)?;
    carry_preserved(staging, output)?;
    let previous = sibling(output, "loa-prev");
    if previous.exists() {
        std::fs::remove_dir_all(&previous).map_err(|e| Error::io("cannot remove", &previous, e))?;
    }
    if output.exists() {
        std::fs::rename(output, &previous)
            .map_err(|e| Error::io("cannot move aside", output, e))?;
    }
    if let Err(e) = std::fs::rename(staging, output) {
        // Put the published folder back before reporting.
        let _ = std::fs::rename(&previous, output);
        return Err(Error::io("cannot move the new portal into", output, e));
    }
    if previous.exists() {
        // The old output becomes the next build's staging folder.
        std::fs::rename(&previous, staging).map_err(|e| Error::io("cannot keep", &previous, e))?;
    }
    Ok(())
}

fn remove_stale(staging: &Path, written: &[String]) -> Result<()> {
    let keep: HashSet<&str> = written.iter().map(String::as_str).collect();
    let mut dirs = Vec::new();
    for entry in walkdir::WalkDir::new(staging)
        .min_depth(1)
        .contents_first(true)
    {
        let entry =
            entry.map_err(|e| Error::Usage(format!("cannot read {}: {e}", staging.display())))?;
        let rel = entry.path().strip_prefix(staging).unwrap_or(entry.path());
        if rel
            .components()
            .next()
            .is_some_and(|c| PRESERVED.contains(&c.as_os_str().to_string_lossy().as_ref()))
        {
            continue;
        }
        let key = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if entry.file_type().is_dir() {
            dirs.push(entry.path().to_path_buf());
        } else if !keep.contains(key.as_str()) {
            std::fs::remove_file(entry.path())
                .map_err(|e| Error::io("cannot remove", entry.path(), e))?;
        }
    }
    for d in dirs {
        // Only empty folders go; remove_dir fails harmlessly on the others.
        let _ = std::fs::remove_dir(&d);
    }
    Ok(())
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
            DirSink {
                dir: staging.clone(),
            }
            .put("index.html", b"x")
            .unwrap();
            finish(&staging, &out, &["index.html".to_owned()]).unwrap();
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
            let sink = DirSink {
                dir: staging.clone(),
            };
            for f in files.iter() {
                sink.put(f, format!("{round}").as_bytes()).unwrap();
            }
            let written: Vec<String> = files.iter().map(|s| s.to_string()).collect();
            finish(&staging, &out, &written).unwrap();
        }
        assert!(out.join("a.html").exists());
        assert!(!out.join("b.html").exists());
        assert_eq!(std::fs::read(out.join("c.html")).unwrap(), b"1");
        assert!(
            staging_dir(&out).join("b.html").exists(),
            "previous generation kept for reuse"
        );
    }
}
