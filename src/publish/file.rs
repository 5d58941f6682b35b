//! The `file://` transport: publishes into a folder on this machine (or a mounted
//! share). Each file is written under a temporary name beside its final place, flushed
//! to disk, then renamed into place, so a reader sees the old file or the new one, never
//! a part. What to send and in which order is decided by `plan`.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{MANIFEST_NAME, PublishError, Transport};

/// Publishes into a local folder.
#[derive(Debug, Clone)]
pub struct FileTransport {
    root: PathBuf,
    /// The language of its warnings.
    lang: crate::error::Lang,
}

impl FileTransport {
    /// A transport into `root`, which is created on the first write if its parent exists.
    pub fn new(root: impl Into<PathBuf>) -> FileTransport {
        FileTransport {
            root: root.into(),
            lang: crate::error::Lang::En,
        }
    }

    /// Warn in `lang`.
    pub fn in_lang(mut self, lang: crate::error::Lang) -> FileTransport {
        self.lang = lang;
        self
    }

    fn path(&self, relative: &str) -> PathBuf {
        if relative.is_empty() {
            self.root.clone()
        } else {
            self.root.join(relative)
        }
    }
}

impl Transport for FileTransport {
    fn describe(&self, path: &str) -> String {
        self.path(path).display().to_string()
    }

    fn read_manifest(&mut self) -> Result<Option<Vec<u8>>, PublishError> {
        let path = self.path(MANIFEST_NAME);
        match fs::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(target_error("read", &path, e)),
        }
    }

    fn prepare(&mut self) -> Result<(), PublishError> {
        if self.root.is_dir() {
            return Ok(());
        }
        fs::create_dir(&self.root).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => PublishError::FolderMissing {
                path: parent_of(&self.root).display().to_string(),
            },
            _ => target_error("create the folder", &self.root, e),
        })
    }

    fn upload(&mut self, local: &Path, path: &str) -> Result<(), PublishError> {
        let dest = self.path(path);
        if let Some(parent) = dest.parent() {
            fs::create_dir_all(parent).map_err(|e| target_error("create the folder", parent, e))?;
        }
        let mut source = File::open(local).map_err(|source| PublishError::ReadOutput {
            path: local.to_path_buf(),
            source,
        })?;
        write_atomically(&dest, |out| io::copy(&mut source, out).map(drop))
    }

    fn remove(&mut self, path: &str) -> Result<(), PublishError> {
        let path = self.path(path);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(target_error("remove", &path, e)),
            _ => Ok(()),
        }
    }

    fn remove_dir_if_empty(&mut self, path: &str) -> Result<(), PublishError> {
        let path = self.path(path);
        match fs::remove_dir(&path) {
            Ok(()) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::DirectoryNotEmpty
                ) => {}
            // An empty folder left behind harms nobody; the publish goes on.
            Err(e) => {
                let (path, reason) = (path.display(), crate::error::vi_io(&e));
                log::warn!(
                    "{}",
                    tr!(
                        self.lang,
                        "không xóa được thư mục trống {path}: {reason}",
                        "cannot remove the empty folder {path}: {e}"
                    )
                );
            }
        }
        Ok(())
    }

    fn write_manifest(&mut self, json: &[u8]) -> Result<(), PublishError> {
        write_atomically(&self.path(MANIFEST_NAME), |out| out.write_all(json))
    }
}

/// Writes `dest` through a temporary file beside it: `dir/.name.loa-tmp`, flushed to
/// disk, then renamed over `dest`. A leftover from an interrupted run is overwritten.
fn write_atomically(
    dest: &Path,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), PublishError> {
    let tmp = temporary_name(dest);
    let mut out = File::create(&tmp).map_err(|e| target_error("write", &tmp, e))?;
    fill(&mut out)
        .and_then(|()| out.sync_all())
        .map_err(|e| target_error("write", &tmp, e))?;
    drop(out);
    fs::rename(&tmp, dest).map_err(|e| target_error("replace", dest, e))
}

/// `dir/name` → `dir/.name.loa-tmp`: hidden, and in the same folder so the rename is
/// atomic.
pub(crate) fn temporary_name(dest: &Path) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dest.with_file_name(format!(".{name}.loa-tmp"))
}

fn parent_of(path: &Path) -> &Path {
    path.parent().unwrap_or(path)
}

fn target_error(action: &'static str, path: &Path, e: io::Error) -> PublishError {
    match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            PublishError::PermissionDenied {
                action,
                path: path.display().to_string(),
            }
        }
        _ => PublishError::TargetIo {
            action,
            path: path.display().to_string(),
            source: e,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_temporary_files_beside_their_target() {
        let cases = [
            ("/srv/www/index.html", "/srv/www/.index.html.loa-tmp"),
            (
                "/srv/www/.loa-manifest.json",
                "/srv/www/..loa-manifest.json.loa-tmp",
            ),
            ("www/anh/ảnh 1.png", "www/anh/.ảnh 1.png.loa-tmp"),
        ];
        for (dest, tmp) in cases {
            assert_eq!(temporary_name(Path::new(dest)), Path::new(tmp), "{dest}");
        }
    }

    #[test]
    fn missing_parent_folder_is_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut transport = FileTransport::new(dir.path().join("no/such/www"));
        let err = transport.prepare().expect_err("parent missing");
        assert!(matches!(err, PublishError::FolderMissing { .. }), "{err}");
        assert!(err.to_string().contains("no/such"), "{err}");
    }

    #[test]
    fn removing_what_is_already_gone_succeeds() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut transport = FileTransport::new(dir.path());
        transport.remove("nothing.html").expect("already gone");
        transport
            .remove_dir_if_empty("no-folder")
            .expect("already gone");
    }

    #[test]
    fn keeps_a_folder_that_still_holds_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("a")).expect("mkdir");
        fs::write(dir.path().join("a/keep.txt"), "x").expect("write");
        FileTransport::new(dir.path())
            .remove_dir_if_empty("a")
            .expect("not empty is fine");
        assert!(dir.path().join("a/keep.txt").exists());
    }
}
