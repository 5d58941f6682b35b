//! The publish manifest: which files a target holds, as path → SHA-256 and size. loa
//! computes one for the build output (`scan`), keeps one on the target
//! (`.loa-manifest.json`), and compares the two to send only what changed. The manifest
//! leaves comparing to `plan` and moving bytes to the transports.
//!
//! Paths are relative, `/`-separated and sorted, so the JSON is the same for the same
//! output. While a publish runs, the target's manifest lists the paths it is touching
//! under `pending`: their state on the target is unknown until the publish completes.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::PublishError;

/// The manifest's file name at the root of the target.
pub const MANIFEST_NAME: &str = ".loa-manifest.json";

/// The format this loa writes and reads; a higher one on a target is refused.
const FORMAT: u64 = 1;

/// What a folder holds: path → content hash and size, plus paths whose state is unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    /// Every file, by `/`-separated path relative to the root.
    pub files: BTreeMap<String, Entry>,
    /// Paths an unfinished publish was changing or removing: each is sent again (or
    /// removed again) whatever `files` says. Empty once a publish completes.
    pub pending: BTreeSet<String>,
}

/// One file of a manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// SHA-256 of the content, 64 lowercase hex digits.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}

/// The JSON shape of `.loa-manifest.json`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored {
    generator: String,
    format: u64,
    files: BTreeMap<String, Entry>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pending: BTreeSet<String>,
}

impl Manifest {
    /// Hashes every file under `dir` (the build output). Fails when `dir` is missing or
    /// holds no file, so an unbuilt site never wipes a published one.
    pub fn scan(dir: &Path) -> Result<Manifest, PublishError> {
        Manifest::scan_in(dir, crate::error::Lang::En)
    }

    /// [`Manifest::scan`], with warnings about files left out in `lang`.
    pub fn scan_in(dir: &Path, lang: crate::error::Lang) -> Result<Manifest, PublishError> {
        match fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(PublishError::OutputMissing {
                    path: dir.to_path_buf(),
                });
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(PublishError::OutputMissing {
                    path: dir.to_path_buf(),
                });
            }
            Err(source) => {
                return Err(PublishError::ReadOutput {
                    path: dir.to_path_buf(),
                    source,
                });
            }
        }
        let mut manifest = Manifest::default();
        scan_dir(dir, "", &mut manifest.files, lang)?;
        if manifest.files.is_empty() {
            return Err(PublishError::OutputEmpty {
                path: dir.to_path_buf(),
            });
        }
        Ok(manifest)
    }

    /// Reads a manifest from the target; `location` names it in errors.
    pub fn parse(bytes: &[u8], location: &str) -> Result<Manifest, PublishError> {
        let damaged = |reason: String| PublishError::ManifestDamaged {
            location: location.to_string(),
            reason,
        };
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| damaged(e.to_string()))?;
        let format = value.get("format").and_then(serde_json::Value::as_u64);
        match format {
            Some(format) if format > FORMAT => {
                return Err(PublishError::ManifestTooNew {
                    location: location.to_string(),
                    format,
                });
            }
            Some(_) => {}
            None => return Err(damaged("it has no \"format\" number".to_string())),
        }
        let stored: Stored = serde_json::from_value(value).map_err(|e| damaged(e.to_string()))?;
        for (path, entry) in &stored.files {
            if !is_safe_path(path) {
                return Err(damaged(format!("\"{path}\" is not a path inside the site")));
            }
            if entry.sha256.len() != 64
                || !entry
                    .sha256
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            {
                return Err(damaged(format!(
                    "the SHA-256 of \"{path}\" is not 64 hex digits"
                )));
            }
        }
        if let Some(path) = stored.pending.iter().find(|p| !is_safe_path(p)) {
            return Err(damaged(format!("\"{path}\" is not a path inside the site")));
        }
        Ok(Manifest {
            files: stored.files,
            pending: stored.pending,
        })
    }

    /// The manifest as stored on a target: pretty JSON, sorted, ending with a newline.
    pub fn to_json(&self) -> Vec<u8> {
        let stored = Stored {
            generator: "loa".to_string(),
            format: FORMAT,
            files: self.files.clone(),
            pending: self.pending.clone(),
        };
        let mut json = serde_json::to_vec_pretty(&stored)
            .expect("a map of strings and numbers always serializes");
        json.push(b'\n');
        json
    }
}

/// A path that stays inside the target: relative, `/`-separated, no `.`, `..` or empty
/// part, no backslash or control character. Guards against a tampered manifest making
/// loa delete files outside the site.
pub(crate) fn is_safe_path(path: &str) -> bool {
    !path.is_empty()
        && path != MANIFEST_NAME
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

fn scan_dir(
    dir: &Path,
    prefix: &str,
    files: &mut BTreeMap<String, Entry>,
    lang: crate::error::Lang,
) -> Result<(), PublishError> {
    let read_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PublishError::ReadOutput { path, source }
    };
    for item in fs::read_dir(dir).map_err(read_error(dir))? {
        let item = item.map_err(read_error(dir))?;
        let path = item.path();
        let name = item
            .file_name()
            .into_string()
            .map_err(|_| PublishError::UnsupportedFileName { path: path.clone() })?;
        let key = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        if !is_safe_path(&key) {
            if key == MANIFEST_NAME {
                let path = path.display();
                log::warn!(
                    "{}",
                    tr!(
                        lang,
                        "{path}: bỏ qua; nơi đăng tải giữ tệp ghi nhận của riêng nó",
                        "{path}: left out; the target keeps its own"
                    )
                );
                continue;
            }
            return Err(PublishError::UnsupportedFileName { path });
        }
        // Follow links to files; a link to a folder could loop, so it is left out.
        let meta = fs::metadata(&path).map_err(read_error(&path))?;
        if meta.is_dir() {
            if item.file_type().map_err(read_error(&path))?.is_symlink() {
                let path = path.display();
                log::warn!(
                    "{}",
                    tr!(
                        lang,
                        "{path}: liên kết tới một thư mục không được đăng",
                        "{path}: a link to a folder is not published"
                    )
                );
            } else {
                scan_dir(&path, &key, files, lang)?;
            }
        } else if meta.is_file() {
            files.insert(key, hash_file(&path)?);
        } else {
            let path = path.display();
            log::warn!(
                "{}",
                tr!(
                    lang,
                    "{path}: không phải tệp thông thường, không được đăng",
                    "{path}: not a regular file, not published"
                )
            );
        }
    }
    Ok(())
}

fn hash_file(path: &Path) -> Result<Entry, PublishError> {
    let read_error = |source| PublishError::ReadOutput {
        path: path.to_path_buf(),
        source,
    };
    let mut file = File::open(path).map_err(read_error)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(read_error)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as u64;
    }
    Ok(Entry {
        sha256: to_hex(&hasher.finalize()),
        size,
    })
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        hex.push(char::from(DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMPTY_SHA: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    #[test]
    fn scans_nested_output_with_sorted_slash_paths() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(dir.path().join("tin-tuc/bai-1")).expect("mkdir");
        fs::write(dir.path().join("tin-tuc/bai-1/index.html"), "").expect("write");
        fs::write(dir.path().join("abc.css"), "abc").expect("write");
        fs::write(dir.path().join("đường.txt"), "x").expect("write");
        let manifest = Manifest::scan(dir.path()).expect("scan");
        let keys: Vec<_> = manifest.files.keys().map(String::as_str).collect();
        assert_eq!(keys, ["abc.css", "tin-tuc/bai-1/index.html", "đường.txt"]);
        assert_eq!(manifest.files["tin-tuc/bai-1/index.html"].sha256, EMPTY_SHA);
        assert_eq!(
            manifest.files["abc.css"],
            Entry {
                sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".into(),
                size: 3
            }
        );
    }

    #[test]
    fn refuses_missing_or_empty_output() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = Manifest::scan(&dir.path().join("public")).expect_err("missing");
        assert!(
            missing.to_string().contains("run `loa build` first"),
            "{missing}"
        );
        fs::create_dir(dir.path().join("empty")).expect("mkdir");
        let empty = Manifest::scan(&dir.path().join("empty")).expect_err("empty");
        assert!(matches!(empty, PublishError::OutputEmpty { .. }), "{empty}");
    }

    #[test]
    fn round_trips_through_json() {
        let mut manifest = Manifest::default();
        manifest.files.insert(
            "a/b.html".into(),
            Entry {
                sha256: EMPTY_SHA.into(),
                size: 0,
            },
        );
        let json = manifest.to_json();
        assert!(!String::from_utf8_lossy(&json).contains("pending"));
        assert_eq!(Manifest::parse(&json, "m").expect("parse"), manifest);
        manifest.pending.insert("a/b.html".into());
        assert_eq!(
            Manifest::parse(&manifest.to_json(), "m").expect("parse"),
            manifest
        );
    }

    #[test]
    fn rejects_damaged_manifests() {
        let entry = format!(r#"{{"sha256":"{EMPTY_SHA}","size":0}}"#);
        let cases = [
            ("", "EOF"),
            ("[]", "no \"format\""),
            (r#"{"format":1}"#, "missing field"),
            (
                &format!(r#"{{"generator":"loa","format":1,"files":{{"../etc/passwd":{entry}}}}}"#),
                "not a path inside the site",
            ),
            (
                &format!(r#"{{"generator":"loa","format":1,"files":{{"/etc/passwd":{entry}}}}}"#),
                "not a path inside the site",
            ),
            (
                r#"{"generator":"loa","format":1,"files":{},"pending":["a//b"]}"#,
                "not a path inside the site",
            ),
            (
                r#"{"generator":"loa","format":1,"files":{"a":{"sha256":"xyz","size":1}}}"#,
                "not 64 hex digits",
            ),
        ];
        for (json, words) in cases {
            let err = Manifest::parse(json.as_bytes(), "host:/www/.loa-manifest.json")
                .expect_err(json)
                .to_string();
            assert!(err.contains(words), "{json}: {err}");
            assert!(err.contains("host:/www/.loa-manifest.json"), "{err}");
            assert!(err.contains("delete that file and publish again"), "{err}");
        }
    }

    #[test]
    fn refuses_a_manifest_from_a_newer_loa() {
        let err = Manifest::parse(br#"{"format":2,"whatever":true}"#, "m").expect_err("newer");
        assert!(
            matches!(err, PublishError::ManifestTooNew { format: 2, .. }),
            "{err}"
        );
    }

    #[test]
    fn tells_safe_paths() {
        let cases = [
            ("index.html", true),
            ("a/b/c.css", true),
            (".well-known/security.txt", true),
            ("", false),
            ("/abs", false),
            ("a/", false),
            ("a/../b", false),
            ("./a", false),
            ("a\\b", false),
            ("a\nb", false),
            (MANIFEST_NAME, false),
        ];
        for (path, safe) in cases {
            assert_eq!(is_safe_path(path), safe, "{path:?}");
        }
    }
}
