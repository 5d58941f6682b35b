//! The bad-input corpus: each case of `tests/fixtures/bad/<case>/` is laid over the good
//! site `tests/fixtures/bad/_base/` after that site was built once. A failing case must
//! name its code and `file:line:column` (in `loa build` and in `loa check --format
//! json`), must not panic, and must leave every file where it was: the previous portal
//! byte-identical, no staging folder left, nothing written outside the output folder.
//! Cases too big or too odd for git (a 10 MB page, lists nested 10,000 deep, symlinks)
//! are made by the test. What a failing case says, in Vietnamese and in English, is a
//! snapshot (`snapshots/it__bad_input__<case>.snap`): a change of wording shows up in
//! review as a diff of those files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TODAY: &str = "2025-06-15";

#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Exit 1 with this code at `file:line:column`.
    Error(&'static str, &'static str),
    /// Exit 2 (bad usage), saying this.
    Usage(&'static str),
    /// Builds like any good site, and this output file holds this text.
    Shows(&'static str, &'static str),
}

use Expect::*;

/// Every case in the fixture folder, with what it must report.
const CASES: &[(&str, Expect)] = &[
    (
        "alias-claims-page",
        Error("E031", "content/tin-tuc/x.md:3:1"),
    ),
    ("alias-dotdot", Error("E022", "content/tin-tuc/x.md:3:12")),
    (
        "alias-other-site",
        Error("E022", "content/tin-tuc/x.md:4:6"),
    ),
    (
        "bad-data-file",
        Error("E008", "content/data/thong-ke.yaml:3:1"),
    ),
    ("bom", Shows("public/tin-tuc/x/index.html", "Có BOM")),
    (
        "broadcast-kind-without-block",
        Error("E021", "content/loa/x.md:2:1"),
    ),
    (
        "broadcast-until-before-from",
        Error("E025", "content/tin-tuc/x.md:5:3"),
    ),
    (
        "broken-template",
        Error("E041", "themes/cong-thong-tin/templates/news.html:3:17"),
    ),
    (
        "campaign-without-period",
        Error("E021", "content/chien-dich/x.md:2:1"),
    ),
    (
        "citizen-id-in-notice",
        Error("E029", "content/xu-ly-vi-pham/x.md:13:16"),
    ),
    ("crlf", Shows("public/tin-tuc/x/index.html", "Dòng CRLF")),
    (
        "document-file-outside",
        Error("E022", "content/van-ban/x.md:6:1"),
    ),
    ("empty-file", Error("E003", "content/tin-tuc/x.md:1:1")),
    (
        "event-time",
        Error("E020", "content/thang-hanh-dong/x.md:7:12"),
    ),
    (
        "expiry-before-publish",
        Error("E025", "content/tin-tuc/x.md:4:1"),
    ),
    (
        "fines-do-not-add-up",
        Error("E027", "content/xu-ly-vi-pham/x.md:12:1"),
    ),
    (
        "image-escaped-backslash",
        Error("E081", "content/tin-tuc/x.md:4:1"),
    ),
    (
        "image-path-on-computer",
        Error("E081", "content/tin-tuc/x.md:3:1"),
    ),
    (
        "image-without-alt",
        Error("E024", "content/tin-tuc/x.md:3:1"),
    ),
    ("impossible-date", Error("E020", "content/tin-tuc/x.md:3:7")),
    (
        "individual-without-basis",
        Error("E028", "content/xu-ly-vi-pham/x.md:12:1"),
    ),
    ("invalid-utf8", Error("E002", "content/tin-tuc/x.md:4:3")),
    (
        "link-to-missing-anchor",
        Error("E032", "content/tin-tuc/x.md:4:5"),
    ),
    (
        "link-to-missing-page",
        Error("E030", "content/tin-tuc/x.md:5:5"),
    ),
    (
        "missing-template",
        Error("E042", "content/tin-tuc/x.md:3:1"),
    ),
    ("missing-title", Error("E021", "content/tin-tuc/x.md:1:1")),
    // The title is written decomposed (NFD); the page shows it composed (NFC).
    (
        "nfd",
        Shows("public/tin-tuc/x/index.html", "Tháng hành động"),
    ),
    ("no-front-matter", Error("E003", "content/tin-tuc/x.md:1:1")),
    ("not-a-date", Error("E020", "content/tin-tuc/x.md:3:16")),
    (
        "notice-missing-fields",
        Error("E021", "content/xu-ly-vi-pham/x.md:2:1"),
    ),
    (
        "period-ends-before-start",
        Error("E025", "content/chien-dich/x.md:6:3"),
    ),
    (
        "phone-in-notice",
        Error("E029", "content/xu-ly-vi-pham/x.md:12:18"),
    ),
    // Issue #21: an audio command with a placeholder loa does not fill in.
    ("site-toml-audio-command", Error("E070", "site.toml:5:1")),
    ("site-toml-bad-url", Error("E011", "site.toml:2:1")),
    ("site-toml-duplicate-ward", Error("E011", "site.toml:5:8")),
    ("site-toml-not-utf8", Error("E002", "site.toml:1:10")),
    ("site-toml-syntax", Error("E010", "site.toml:1:11")),
    // Issue #16 / #18: an unknown highlight theme built, exit 0, with no syntax CSS.
    (
        "site-toml-unknown-highlight-theme",
        Error("E011", "site.toml:5:1"),
    ),
    ("slug-absolute", Error("E022", "content/tin-tuc/x.md:3:1")),
    ("slug-dotdot", Error("E022", "content/tin-tuc/x.md:3:1")),
    ("tab-indent", Error("E005", "content/tin-tuc/x.md:4:1")),
    (
        "template-syntax",
        Error("E041", "themes/cong-thong-tin/templates/news.html:4:4"),
    ),
    ("theme-not-found", Error("E040", "site.toml:3:1")),
    (
        "two-pages-one-url",
        Error("E031", "content/tin-tuc/x.md:1:1"),
    ),
    (
        "unclosed-front-matter",
        Error("E004", "content/tin-tuc/x.md:1:1"),
    ),
    (
        "undeclared-agency",
        Error("E023", "content/tin-tuc/x.md:3:1"),
    ),
    ("undeclared-ward", Error("E023", "content/tin-tuc/x.md:5:5")),
    (
        "unknown-field",
        Error("E012", "content/chien-dich/x.md:3:1"),
    ),
    ("unknown-kind", Error("E013", "content/tin-tuc/x.md:3:7")),
    (
        "unknown-kind-section",
        Error("E013", "content/moi/_index.md:3:7"),
    ),
    (
        "unknown-section-field",
        Error("E012", "content/tin-tuc/_index.md:4:1"),
    ),
    ("unknown-site-key", Error("E010", "site.toml:5:1")),
    ("unknown-slot", Error("E026", "content/tin-tuc/x.md:4:17")),
    ("wrong-type-bool", Error("E020", "content/tin-tuc/x.md:3:8")),
    (
        "wrong-type-list",
        Error("E020", "content/tin-tuc/x.md:3:10"),
    ),
    (
        "wrong-type-number",
        Error("E020", "content/tin-tuc/x.md:3:9"),
    ),
    (
        "yaml-colon-in-text",
        Error("E020", "content/tin-tuc/x.md:2:13"),
    ),
    ("yaml-malformed", Error("E020", "content/tin-tuc/x.md:4:1")),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

/// A temp folder holding `site/` (the good site, already built into `site/public`).
struct Work {
    dir: tempfile::TempDir,
}

impl Work {
    fn new() -> Work {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_tree(&fixtures().join("_base"), &dir.path().join("site"));
        let w = Work { dir };
        let out = w.loa(&["build"], "en");
        assert_eq!(
            out.status.code(),
            Some(0),
            "the base site builds:\n{}",
            stderr(&out)
        );
        w
    }

    fn site(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    fn loa(&self, args: &[&str], lang: &str) -> Output {
        Command::new(env!("CARGO_BIN_EXE_loa"))
            .args(args)
            .args(["--today", TODAY, "--root"])
            .arg(self.site())
            .env("LOA_LANG", lang)
            .output()
            .expect("run loa")
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        let p = self.site().join(rel);
        std::fs::create_dir_all(p.parent().expect("a file has a parent")).expect("mkdir");
        std::fs::write(p, bytes).expect("write");
    }

    /// Every file, folder and symlink under the temp folder, with file bytes.
    fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        for e in walkdir::WalkDir::new(self.dir.path()).sort_by_file_name() {
            let e = e.expect("walk");
            let rel = e.path().strip_prefix(self.dir.path()).expect("inside");
            let key = rel.to_string_lossy().into_owned();
            let bytes = if e.path_is_symlink() {
                let to = std::fs::read_link(e.path()).expect("read link");
                format!("-> {}", to.display()).into_bytes()
            } else if e.file_type().is_file() {
                std::fs::read(e.path()).expect("read")
            } else {
                b"/".to_vec()
            };
            out.push((key, bytes));
        }
        out
    }
}

fn copy_tree(src: &Path, dst: &Path) {
    for e in walkdir::WalkDir::new(src) {
        let e = e.expect("walk fixture");
        let to = dst.join(e.path().strip_prefix(src).expect("inside"));
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &to).expect("copy");
        }
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_no_panic(out: &Output, what: &str) {
    let err = stderr(out);
    assert_ne!(out.status.code(), Some(101), "{what}: loa panicked:\n{err}");
    assert!(
        out.status.code().is_some(),
        "{what}: killed by a signal (stack overflow?)\n{err}"
    );
    assert!(!err.contains("panicked"), "{what}: loa panicked:\n{err}");
}

/// Names of the snapshot entries that differ, for a readable failure.
fn changes(before: &[(String, Vec<u8>)], after: &[(String, Vec<u8>)]) -> Vec<String> {
    let a: std::collections::BTreeMap<_, _> = before.iter().cloned().collect();
    let b: std::collections::BTreeMap<_, _> = after.iter().cloned().collect();
    let mut out = Vec::new();
    for (k, v) in &a {
        match b.get(k) {
            None => out.push(format!("removed {k}")),
            Some(w) if w != v => out.push(format!("changed {k}")),
            _ => {}
        }
    }
    out.extend(
        b.keys()
            .filter(|k| !a.contains_key(*k))
            .map(|k| format!("added {k}")),
    );
    out
}

/// Build the good site, break it with `apply`, and check what `expect` says.
fn run_case(name: &str, expect: Expect, apply: impl FnOnce(&Work)) {
    let w = Work::new();
    apply(&w);
    let before = w.snapshot();
    let out = w.loa(&["build"], "en");
    assert_no_panic(&out, name);
    let err = stderr(&out);
    match expect {
        Shows(file, text) => {
            assert_eq!(out.status.code(), Some(0), "{name} should build:\n{err}");
            let page = std::fs::read_to_string(w.site().join(file))
                .unwrap_or_else(|e| panic!("{name}: cannot read {file}: {e}"));
            assert!(page.contains(text), "{name}: {text:?} not in {file}");
            return;
        }
        Usage(said) => {
            assert_eq!(
                out.status.code(),
                Some(2),
                "{name}: a usage error exits 2:\n{err}"
            );
            assert!(err.contains(said), "{name}: expected {said:?} in:\n{err}");
        }
        Error(code, at) => {
            assert_eq!(
                out.status.code(),
                Some(1),
                "{name}: a content error exits 1:\n{err}"
            );
            let head = format!("{at}: error[{code}]");
            assert!(err.contains(&head), "{name}: expected {head:?} in:\n{err}");
            assert!(
                err.contains("help:"),
                "{name}: every error says what to do:\n{err}"
            );
            assert_check_json(&w, name, code, at);
        }
    }
    assert_messages_snapshot(&w, name, &err);
    let after = w.snapshot();
    let diff = changes(&before, &after);
    assert!(
        diff.is_empty(),
        "{name}: a failed build changed files: {diff:?}"
    );
}

/// What a failed `loa build` said in Vietnamese and in English (`en`), as the snapshot
/// `it__bad_input__<name>`; the temporary folder is written `[TMP]`.
fn assert_messages_snapshot(w: &Work, name: &str, en: &str) {
    let vi = stderr(&w.loa(&["build"], "vi"));
    let tmp = w.dir.path().to_string_lossy();
    let said =
        format!("loa build (vi):\n{vi}\nloa build (en):\n{en}").replace(tmp.as_ref(), "[TMP]");
    insta::assert_snapshot!(name, said);
}

/// `loa check --format json` exits 1 and lists the finding with its position.
fn assert_check_json(w: &Work, name: &str, code: &str, at: &str) {
    let out = w.loa(&["check", "--format", "json"], "en");
    assert_no_panic(&out, name);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{name}: check exits 1:\n{}",
        stderr(&out)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{name}: check's JSON does not parse: {e}"));
    let rows = json.as_array().expect("an array");
    let found = rows.iter().any(|r| {
        let pos = format!(
            "{}:{}:{}",
            r["file"].as_str().unwrap_or(""),
            r["line"],
            r["column"]
        );
        r["code"] == code && pos == at && r["severity"] == "error"
    });
    assert!(
        found,
        "{name}: {code} at {at} not in check's JSON:\n{json:#}"
    );
    for r in rows {
        for key in [
            "file", "line", "column", "code", "severity", "message", "help",
        ] {
            assert!(r.get(key).is_some(), "{name}: {key} missing from {r}");
        }
    }
}

#[test]
fn the_corpus_has_a_row_for_every_fixture_and_forty_cases() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures())
        .expect("read fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "_base")
        .collect();
    on_disk.sort();
    let listed: Vec<&str> = CASES.iter().map(|(n, _)| *n).collect();
    assert_eq!(on_disk, listed, "tests/fixtures/bad and CASES differ");
    assert!(CASES.len() + GENERATED >= 40);
}

/// The cases made by the tests below (not in git).
const GENERATED: usize = 7;

#[test]
fn every_fixture_case_reports_its_code_and_location_and_changes_nothing() {
    for (name, expect) in CASES {
        run_case(name, *expect, |w| {
            copy_tree(&fixtures().join(name), &w.site())
        });
    }
}

#[test]
fn a_ten_megabyte_page_builds() {
    run_case(
        "big-page",
        Shows("public/tin-tuc/dai/index.html", "Trang rất dài"),
        |w| {
            let para = "Người lao động phải được huấn luyện an toàn, vệ sinh lao động trước khi làm việc trên cao. ";
            let mut text = String::from("---\ntitle: \"Trang rất dài\"\n---\n");
            while text.len() < 10 * 1024 * 1024 {
                text.push_str(&para.repeat(20));
                text.push_str("\n\n");
            }
            w.write("content/tin-tuc/dai.md", text.as_bytes());
        },
    );
}

#[test]
fn lists_nested_ten_thousand_deep_are_refused_without_overflowing() {
    run_case(
        "deep-list",
        Error("E034", "content/tin-tuc/sau.md:4:201"),
        |w| {
            let text = format!("---\ntitle: \"Sâu\"\n---\n{}a\n", "- ".repeat(10_000));
            w.write("content/tin-tuc/sau.md", text.as_bytes());
        },
    );
    run_case(
        "deep-quote",
        Error("E034", "content/tin-tuc/sau.md:4:201"),
        |w| {
            let text = format!("---\ntitle: \"Sâu\"\n---\n{} a\n", ">".repeat(10_000));
            w.write("content/tin-tuc/sau.md", text.as_bytes());
        },
    );
}

#[cfg(unix)]
#[test]
fn symlinks_that_loop_or_leave_the_site_are_errors() {
    use std::os::unix::fs::symlink;
    run_case(
        "symlink-loop",
        Error("E007", "content/tin-tuc/vong:1:1"),
        |w| {
            symlink("..", w.site().join("content/tin-tuc/vong")).expect("symlink");
        },
    );
    run_case(
        "symlink-outside",
        Error("E006", "content/tin-tuc/ngoai.md:1:1"),
        |w| {
            let outside = w.dir.path().join("ngoai.md");
            std::fs::write(&outside, "---\ntitle: \"Bí mật\"\n---\n").expect("write");
            symlink(&outside, w.site().join("content/tin-tuc/ngoai.md")).expect("symlink");
        },
    );
}

#[test]
fn a_folder_without_site_toml_is_a_usage_error() {
    run_case("no-site-toml", Usage("site.toml"), |w| {
        std::fs::remove_file(w.site().join("site.toml")).expect("remove");
    });
}

#[test]
fn an_output_folder_that_would_overwrite_the_site_is_refused() {
    run_case("output-is-site", Usage("contains the site itself"), |w| {
        let toml = std::fs::read_to_string(w.site().join("site.toml")).expect("read");
        w.write(
            "site.toml",
            format!("output_dir = \".\"\n{toml}").as_bytes(),
        );
    });
}

/// A few cases in both languages: the same code and place, the words of each.
#[test]
fn messages_speak_vietnamese_by_default_and_english_on_request() {
    let cases = [
        (
            "fines-do-not-add-up",
            "cộng các khoản phạt được 10.000.000 đồng",
            "the fines add up to 10.000.000",
        ),
        (
            "citizen-id-in-notice",
            "không được công bố số căn cước công dân",
            "a citizen-ID number \"031234567890\" must not be published",
        ),
        (
            "campaign-without-period",
            "chiến dịch cần có trường \"period\"",
            "a campaign needs \"period\"",
        ),
        (
            "unknown-site-key",
            "có phải ý bạn là \"syllables_per_minute\"?",
            "did you mean \"syllables_per_minute\"?",
        ),
        ("empty-file", "tệp này trống", "this file is empty"),
    ];
    for (name, vi, en) in cases {
        let w = Work::new();
        copy_tree(&fixtures().join(name), &w.site());
        let Some(Error(code, at)) = CASES.iter().find(|c| c.0 == name).map(|c| c.1) else {
            panic!("{name} is an error case");
        };
        let head = format!("{at}: error[{code}]");
        let head_vi = format!("{at}: lỗi[{code}]");
        let default = stderr(&w.loa(&["build"], ""));
        assert!(
            default.contains(&head_vi) && default.contains(vi),
            "{name} (vi):\n{default}"
        );
        assert!(
            default.contains("chưa ghi tệp nào"),
            "{name}: summary in Vietnamese:\n{default}"
        );
        let english = stderr(&w.loa(&["build", "--lang", "en"], ""));
        assert!(
            english.contains(&head) && english.contains(en),
            "{name} (en):\n{english}"
        );
        let env = stderr(&w.loa(&["check"], "en"));
        assert!(
            env.contains(&head) && env.contains(en),
            "{name} (LOA_LANG=en):\n{env}"
        );
        let flag_wins = stderr(&w.loa(&["check", "--lang", "vi"], "en"));
        assert!(
            flag_wins.contains(vi),
            "{name}: --lang beats LOA_LANG:\n{flag_wins}"
        );
    }
}
