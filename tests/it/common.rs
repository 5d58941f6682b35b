//! Helpers shared by the integration tests: copy a fixture site into a temp dir, run the
//! real binary on it, read what it wrote.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Site {
    pub dir: tempfile::TempDir,
}

impl Site {
    /// A copy of `tests/fixtures/<name>` in a fresh temp dir.
    pub fn fixture(name: &str) -> Site {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&src, dir.path());
        Site { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().expect("a file has a parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.path(rel)).expect("remove");
    }

    /// Run `loa <args> --root <site>`, with messages in English (`LOA_LANG=en`) unless
    /// `args` choose with `--lang`.
    pub fn loa(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_loa"))
            .env("LOA_LANG", "en")
            .args(args)
            .arg("--root")
            .arg(self.root())
            .output()
            .expect("run loa")
    }

    /// `loa build --today DATE`, asserting success.
    pub fn build(&self, today: &str) -> Output {
        let out = self.loa(&["build", "--today", today]);
        assert!(out.status.success(), "build failed:\n{}", stderr(&out));
        out
    }

    pub fn read(&self, rel: &str) -> String {
        let p = self.path(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).exists()
    }

    /// Every file under `rel` with its bytes, sorted by path.
    pub fn snapshot(&self, rel: &str) -> Vec<(String, Vec<u8>)> {
        let base = self.path(rel);
        let mut out = Vec::new();
        for e in walkdir::WalkDir::new(&base).sort_by_file_name() {
            let e = e.expect("walk");
            if e.file_type().is_file() {
                let key = e
                    .path()
                    .strip_prefix(&base)
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned();
                out.push((key, std::fs::read(e.path()).expect("read")));
            }
        }
        out
    }
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn copy_dir(src: &Path, dst: &Path) {
    for e in walkdir::WalkDir::new(src) {
        let e = e.expect("walk fixture");
        let rel = e.path().strip_prefix(src).expect("inside");
        let to = dst.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
}

/// Assert two trees are identical, naming the files that differ (not their bytes).
pub fn assert_same_tree(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)], what: &str) {
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(names(a), names(b), "{what}: the file lists differ");
    let differ: Vec<&str> = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, _)| x.0.as_str())
        .collect();
    assert!(differ.is_empty(), "{what}: these files differ: {differ:?}");
}
