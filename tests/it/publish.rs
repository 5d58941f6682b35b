//! `loa publish` to a `file://` target: every case asserts on the bytes in the target
//! folder and on the manifest left there.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use loa::publish::{
    FileTransport, MANIFEST_NAME, Manifest, Progress, PublishError, PublishOptions, Summary,
    TargetSpec, Transport, parse_target, publish, publish_with,
};
use tempfile::TempDir;

/// A build output with every kind of file, and a target folder beside it.
struct Case {
    _dir: TempDir,
    output: PathBuf,
    target: PathBuf,
}

impl Case {
    fn new() -> Case {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("public");
        let target = dir.path().join("www");
        let png: Vec<u8> = (0..=255u8).cycle().take(3000).collect();
        let files: [(&str, &[u8]); 15] = [
            (
                "index.html",
                b"<link href=/css/site.css><img src=/anh/logo.png>",
            ),
            ("404.html", b"<h1>Khong tim thay</h1>"),
            ("css/site.css", b"body { font: 16px sans-serif }"),
            ("js/tim-kiem.js", b"// search"),
            ("anh/logo.png", &png),
            ("tai-lieu/sổ tay an toàn.pdf", b"%PDF-1.4 so tay"),
            ("tin-tuc/index.html", b"<h1>Tin tuc</h1>"),
            ("tin-tuc/bai-1/index.html", b"<h1>Bai 1</h1>"),
            ("tin-tuc/bai-2/index.html", b"<h1>Bai 2</h1>"),
            ("sitemap.xml", b"<urlset/>"),
            ("atom.xml", b"<feed/>"),
            ("search-index.json", b"[]"),
            ("robots.txt", b"User-agent: *"),
            ("loa/lich-phat-thanh.ics", b"BEGIN:VCALENDAR"),
            ("loa/2025-05-01/an-bien-sang.ssml", b"<speak/>"),
        ];
        for (path, bytes) in files {
            write(&output.join(path), bytes);
        }
        Case {
            _dir: dir,
            output,
            target,
        }
    }

    fn publish(&self) -> Summary {
        self.try_publish(false).expect("publish")
    }

    fn try_publish(&self, dry_run: bool) -> Result<Summary, PublishError> {
        let spec = TargetSpec {
            name: "portal".into(),
            url: format!("file://{}", self.target.display()),
            identity_file: None,
        };
        let target = parse_target(&spec).expect("valid target");
        publish(
            &self.output,
            &target,
            &PublishOptions {
                dry_run,
                lang: loa::error::Lang::En,
            },
            &mut |_| {},
        )
    }

    /// Publishes through a recording transport that fails at the `fail_at`-th change.
    fn publish_recorded(
        &self,
        fail_at: Option<usize>,
    ) -> (Result<Summary, PublishError>, Vec<String>) {
        let mut transport = Recorder {
            inner: FileTransport::new(&self.target),
            ops: Vec::new(),
            changes: 0,
            fail_at,
        };
        let result = publish_with(
            &self.output,
            &mut transport,
            &PublishOptions::default(),
            &mut |_| {},
        );
        (result, transport.ops)
    }

    /// The target holds exactly the output's bytes, its manifest describes them with
    /// nothing pending, and no temporary file or empty folder is left.
    fn assert_target_mirrors_output(&self) {
        assert_eq!(files(&self.target), files(&self.output));
        let manifest = self.target_manifest();
        assert_eq!(manifest, Manifest::scan(&self.output).expect("scan"));
        assert!(manifest.pending.is_empty());
        assert_eq!(folders(&self.target), folders(&self.output));
        let leftovers: Vec<_> = all_paths(&self.target)
            .into_iter()
            .filter(|p| p.ends_with(".loa-tmp"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    }

    fn target_manifest(&self) -> Manifest {
        let json = fs::read(self.target.join(MANIFEST_NAME)).expect("manifest on the target");
        Manifest::parse(&json, "target").expect("manifest parses")
    }
}

/// A transport that records what it is asked to do and can fail on purpose midway.
struct Recorder {
    inner: FileTransport,
    ops: Vec<String>,
    changes: usize,
    fail_at: Option<usize>,
}

impl Recorder {
    fn change(&mut self, op: String) -> Result<(), PublishError> {
        self.changes += 1;
        if self.fail_at == Some(self.changes) {
            return Err(PublishError::TargetIo {
                action: "write",
                path: op,
                source: io::Error::other("simulated network failure"),
            });
        }
        self.ops.push(op);
        Ok(())
    }
}

impl Transport for Recorder {
    fn describe(&self, path: &str) -> String {
        self.inner.describe(path)
    }
    fn read_manifest(&mut self) -> Result<Option<Vec<u8>>, PublishError> {
        self.inner.read_manifest()
    }
    fn prepare(&mut self) -> Result<(), PublishError> {
        self.ops.push("prepare".into());
        self.inner.prepare()
    }
    fn upload(&mut self, local: &Path, path: &str) -> Result<(), PublishError> {
        self.change(format!("upload {path}"))?;
        self.inner.upload(local, path)
    }
    fn remove(&mut self, path: &str) -> Result<(), PublishError> {
        self.change(format!("remove {path}"))?;
        self.inner.remove(path)
    }
    fn remove_dir_if_empty(&mut self, path: &str) -> Result<(), PublishError> {
        self.ops.push(format!("rmdir {path}"));
        self.inner.remove_dir_if_empty(path)
    }
    fn write_manifest(&mut self, json: &[u8]) -> Result<(), PublishError> {
        let manifest = Manifest::parse(json, "written").expect("valid manifest");
        self.ops
            .push(format!("manifest pending={}", manifest.pending.len()));
        self.inner.write_manifest(json)
    }
}

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
    fs::write(path, bytes).expect("write");
}

/// Every file under `root` but the manifest, by relative path.
fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    all_paths(root)
        .into_iter()
        .filter(|p| p != MANIFEST_NAME && root.join(p).is_file())
        .map(|p| {
            let bytes = fs::read(root.join(&p)).expect("read");
            (p, bytes)
        })
        .collect()
}

fn folders(root: &Path) -> BTreeSet<String> {
    all_paths(root)
        .into_iter()
        .filter(|p| root.join(p).is_dir())
        .collect()
}

fn all_paths(root: &Path) -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for item in fs::read_dir(dir).expect("read dir") {
            let item = item.expect("dir entry");
            let name = item.file_name().into_string().expect("utf-8 name");
            let path = if prefix.is_empty() {
                name
            } else {
                format!("{prefix}/{name}")
            };
            out.push(path.clone());
            if item.path().is_dir() {
                walk(&item.path(), &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, "", &mut out);
    out
}

fn uploads(ops: &[String]) -> Vec<&str> {
    ops.iter()
        .filter_map(|op| op.strip_prefix("upload "))
        .collect()
}

#[test]
fn first_publish_copies_every_file() {
    let case = Case::new();
    let summary = case.publish();
    case.assert_target_mirrors_output();
    assert_eq!(
        (summary.added, summary.changed, summary.removed),
        (15, 0, 0)
    );
    let total: u64 = files(&case.output).values().map(|b| b.len() as u64).sum();
    assert_eq!(summary.bytes_sent, total);
    assert!(
        summary
            .to_string()
            .starts_with("15 files changed, 0 removed, 3.1 KB sent in "),
        "{summary}"
    );
}

#[test]
fn second_publish_with_no_change_sends_nothing() {
    let case = Case::new();
    case.publish();
    let manifest_before = fs::read(case.target.join(MANIFEST_NAME)).expect("manifest");
    let (summary, ops) = case.publish_recorded(None);
    let summary = summary.expect("publish");
    assert_eq!(
        ops,
        Vec::<String>::new(),
        "nothing is written, not even the manifest"
    );
    assert_eq!((summary.added, summary.changed, summary.removed), (0, 0, 0));
    assert_eq!((summary.unchanged, summary.bytes_sent), (15, 0));
    assert!(
        summary
            .to_string()
            .starts_with("0 files changed, 0 removed, 0 B sent in ")
    );
    assert_eq!(
        fs::read(case.target.join(MANIFEST_NAME)).expect("manifest"),
        manifest_before
    );
    case.assert_target_mirrors_output();
}

#[test]
fn one_page_edit_sends_that_page() {
    let case = Case::new();
    case.publish();
    write(
        &case.output.join("tin-tuc/bai-1/index.html"),
        b"<h1>Bai 1, sua lai</h1>",
    );
    let (summary, ops) = case.publish_recorded(None);
    let summary = summary.expect("publish");
    assert_eq!(uploads(&ops), ["tin-tuc/bai-1/index.html"]);
    assert_eq!((summary.added, summary.changed, summary.removed), (0, 1, 0));
    assert_eq!(summary.bytes_sent, 23);
    assert!(
        summary
            .to_string()
            .starts_with("1 file changed, 0 removed, 23 B sent in ")
    );
    case.assert_target_mirrors_output();
}

#[test]
fn removed_page_is_deleted_with_its_folder() {
    let case = Case::new();
    case.publish();
    fs::remove_dir_all(case.output.join("tin-tuc/bai-2")).expect("remove page");
    let summary = case.publish();
    assert_eq!((summary.added, summary.changed, summary.removed), (0, 0, 1));
    assert!(
        !case.target.join("tin-tuc/bai-2").exists(),
        "its folder is gone too"
    );
    case.assert_target_mirrors_output();
}

#[test]
fn sends_assets_then_pages_then_listings_and_removes_last() {
    let case = Case::new();
    case.publish();
    write(&case.output.join("css/site.css"), b"body { color: #222 }");
    write(&case.output.join("anh/moi.png"), b"PNG");
    write(
        &case.output.join("tin-tuc/bai-3/index.html"),
        b"<h1>Bai 3</h1>",
    );
    write(&case.output.join("atom.xml"), b"<feed>3</feed>");
    write(&case.output.join("sitemap.xml"), b"<urlset>3</urlset>");
    fs::remove_dir_all(case.output.join("tin-tuc/bai-1")).expect("remove page");
    fs::remove_dir_all(case.output.join("js")).expect("remove asset");
    let (summary, ops) = case.publish_recorded(None);
    summary.expect("publish");
    assert_eq!(
        ops,
        [
            "prepare",
            "manifest pending=7",
            "upload anh/moi.png",
            "upload css/site.css",
            "upload tin-tuc/bai-3/index.html",
            "upload atom.xml",
            "upload sitemap.xml",
            "remove tin-tuc/bai-1/index.html",
            "remove js/tim-kiem.js",
            "rmdir tin-tuc/bai-1",
            "rmdir js",
            "manifest pending=0",
        ]
    );
    case.assert_target_mirrors_output();
}

#[test]
fn interrupted_publish_completes_on_the_next_run() {
    let case = Case::new();
    case.publish();
    write(&case.output.join("css/site.css"), b"body { color: #222 }");
    write(&case.output.join("index.html"), b"<h1>Trang chu moi</h1>");
    write(
        &case.output.join("tin-tuc/bai-3/index.html"),
        b"<h1>Bai 3</h1>",
    );
    fs::remove_dir_all(case.output.join("tin-tuc/bai-2")).expect("remove page");

    let (result, ops) = case.publish_recorded(Some(2));
    let err = result.expect_err("fails midway");
    assert!(
        err.to_string().contains("simulated network failure"),
        "{err}"
    );
    assert!(err.to_string().contains("publish again"), "{err}");
    assert_eq!(
        uploads(&ops),
        ["css/site.css"],
        "stopped at the second change"
    );
    // The target is a consistent mix: the new stylesheet, the old pages, and a manifest
    // that marks every path the run was touching as unknown.
    assert_eq!(
        fs::read(case.target.join("css/site.css")).expect("css"),
        b"body { color: #222 }"
    );
    assert!(case.target.join("tin-tuc/bai-2/index.html").exists());
    let manifest = case.target_manifest();
    let pending: Vec<_> = manifest.pending.iter().map(String::as_str).collect();
    assert_eq!(
        pending,
        [
            "css/site.css",
            "index.html",
            "tin-tuc/bai-2/index.html",
            "tin-tuc/bai-3/index.html"
        ]
    );

    let summary = case.publish();
    assert_eq!((summary.added, summary.changed, summary.removed), (1, 2, 1));
    case.assert_target_mirrors_output();
}

#[test]
fn interrupted_publish_resumes_from_its_last_checkpoint() {
    let case = Case::new();
    // Five files of 600 KiB after three small assets: a checkpoint follows every 1 MiB
    // sent, i.e. every second large file.
    for i in 1..=5 {
        let bytes: Vec<u8> = (0..600 * 1024).map(|n| ((n * i) % 251) as u8).collect();
        write(
            &case.output.join(format!("tai-lieu/ban-do-{i}.pdf")),
            &bytes,
        );
    }
    let (result, ops) = case.publish_recorded(Some(8));
    result.expect_err("fails at the eighth file");
    assert_eq!(
        ops.iter()
            .filter(|op| op.starts_with("manifest"))
            .collect::<Vec<_>>(),
        [
            "manifest pending=20",
            "manifest pending=15",
            "manifest pending=13"
        ]
    );
    let manifest = case.target_manifest();
    assert_eq!(
        manifest.files.len(),
        7,
        "the checkpoint records seven files as sent"
    );
    assert!(manifest.files.keys().all(|p| case.target.join(p).is_file()));

    let (summary, ops) = case.publish_recorded(None);
    let summary = summary.expect("publish");
    assert_eq!(
        summary.added, 13,
        "only what the checkpoint did not record is sent"
    );
    assert_eq!(uploads(&ops).first(), Some(&"tai-lieu/ban-do-5.pdf"));
    case.assert_target_mirrors_output();
}

#[test]
fn publish_interrupted_while_removing_completes() {
    let case = Case::new();
    case.publish();
    fs::remove_dir_all(case.output.join("tin-tuc/bai-1")).expect("remove page");
    fs::remove_dir_all(case.output.join("tin-tuc/bai-2")).expect("remove page");
    let (result, ops) = case.publish_recorded(Some(2));
    result.expect_err("fails on the second removal");
    assert_eq!(ops.iter().filter(|op| op.starts_with("remove ")).count(), 1);

    // The first page is already gone; running again must not trip over that.
    let summary = case.publish();
    assert_eq!(summary.removed, 2);
    case.assert_target_mirrors_output();
}

#[test]
fn change_undone_after_an_interruption_is_sent_again() {
    let case = Case::new();
    case.publish();
    let original = fs::read(case.output.join("css/site.css")).expect("css");
    write(&case.output.join("css/site.css"), b"body { color: red }");
    write(&case.output.join("index.html"), b"<h1>moi</h1>");
    let (result, _) = case.publish_recorded(Some(2));
    result.expect_err("fails after the stylesheet was sent");
    // The editor undoes the change: the output is back to what the old manifest lists,
    // but the target has the new stylesheet.
    write(&case.output.join("css/site.css"), &original);
    write(
        &case.output.join("index.html"),
        b"<link href=/css/site.css><img src=/anh/logo.png>",
    );
    let summary = case.publish();
    assert_eq!(summary.changed, 2, "both pending files are sent again");
    case.assert_target_mirrors_output();
}

#[test]
fn interruption_before_any_file_leaves_the_old_site() {
    let case = Case::new();
    case.publish();
    let before = files(&case.target);
    write(&case.output.join("index.html"), b"<h1>moi</h1>");
    let (result, _) = case.publish_recorded(Some(1));
    result.expect_err("fails on the first change");
    assert_eq!(files(&case.target), before);
    case.publish();
    case.assert_target_mirrors_output();
}

#[test]
fn dry_run_lists_changes_and_touches_nothing() {
    let case = Case::new();
    let summary = case.try_publish(true).expect("dry run");
    assert!(!case.target.exists(), "a dry run creates nothing");
    assert_eq!(summary.added, 15);
    assert_eq!(
        summary.plan_lines.first().map(String::as_str),
        Some("add     anh/logo.png (2.9 KB)")
    );

    case.publish();
    write(&case.output.join("index.html"), b"<h1>moi</h1>");
    fs::remove_dir_all(case.output.join("tin-tuc/bai-2")).expect("remove page");
    let before = files(&case.target);
    let manifest_before = case.target_manifest();
    let summary = case.try_publish(true).expect("dry run");
    assert_eq!(
        summary.plan_lines,
        [
            "change  index.html (12 B)",
            "remove  tin-tuc/bai-2/index.html (14 B)"
        ]
    );
    assert_eq!(
        summary.to_string(),
        "dry run: 1 file would be sent (0 new, 1 changed), 1 would be removed, 12 B to send; \
         nothing was changed"
    );
    assert_eq!(files(&case.target), before);
    assert_eq!(case.target_manifest(), manifest_before);
}

#[test]
fn leaves_files_it_did_not_publish_alone() {
    let case = Case::new();
    write(&case.target.join("google1234.html"), b"verification");
    write(&case.target.join("tin-tuc/bai-2/ghi-chu.txt"), b"note");
    case.publish();
    fs::remove_dir_all(case.output.join("tin-tuc/bai-2")).expect("remove page");
    case.publish();
    assert_eq!(
        fs::read(case.target.join("google1234.html")).expect("kept"),
        b"verification"
    );
    assert!(
        case.target.join("tin-tuc/bai-2/ghi-chu.txt").exists(),
        "its folder is kept"
    );
    assert!(!case.target.join("tin-tuc/bai-2/index.html").exists());
}

#[test]
fn reports_progress_in_order() {
    let case = Case::new();
    let mut events = Vec::new();
    let spec = TargetSpec {
        name: "portal".into(),
        url: format!("file://{}", case.target.display()),
        identity_file: None,
    };
    let target = parse_target(&spec).expect("valid");
    publish(
        &case.output,
        &target,
        &PublishOptions::default(),
        &mut |p| events.push(p),
    )
    .expect("publish");
    assert!(matches!(
        events.first(),
        Some(Progress::Planned {
            sends: 15,
            removals: 0,
            ..
        })
    ));
    assert!(matches!(
        events.last(),
        Some(Progress::Sent {
            done: 15,
            total: 15,
            ..
        })
    ));
    assert_eq!(events.len(), 16);
}

#[test]
fn damaged_manifest_stops_with_advice() {
    let case = Case::new();
    case.publish();
    fs::write(case.target.join(MANIFEST_NAME), "{ not json").expect("damage");
    let before = files(&case.target);
    let err = case.try_publish(false).expect_err("damaged").to_string();
    assert!(
        err.contains(&case.target.join(MANIFEST_NAME).display().to_string()),
        "{err}"
    );
    assert!(err.contains("delete that file and publish again"), "{err}");
    assert_eq!(files(&case.target), before);
}

#[test]
fn refuses_an_unbuilt_site() {
    let case = Case::new();
    fs::remove_dir_all(&case.output).expect("remove output");
    let err = case.try_publish(false).expect_err("no output").to_string();
    assert!(err.contains("run `loa build` first"), "{err}");
    fs::create_dir(&case.output).expect("empty output");
    let err = case
        .try_publish(false)
        .expect_err("empty output")
        .to_string();
    assert!(err.contains("would delete the whole site"), "{err}");
}

/// Publish `case`'s output to the target `[publish.portal]` at `url`; the error it gives.
fn publish_to_url(case: &Case, url: &str) -> String {
    let spec = TargetSpec {
        name: "portal".into(),
        url: url.to_owned(),
        identity_file: None,
    };
    let target = parse_target(&spec).expect("valid");
    publish(
        &case.output,
        &target,
        &PublishOptions::default(),
        &mut |_| {},
    )
    .expect_err("the publish fails")
    .to_string()
}

#[test]
fn refuses_a_target_inside_the_output() {
    let case = Case::new();
    let err = publish_to_url(&case, &format!("file://{}/www", case.output.display()));
    assert!(err.contains("[publish.portal]"), "{err}");
    assert!(!case.output.join("www").exists());
}

#[test]
fn missing_parent_folder_says_what_to_do() {
    let case = Case::new();
    let err = publish_to_url(
        &case,
        &format!("file://{}/no/such/www", case.target.display()),
    );
    assert!(err.contains("does not exist"), "{err}");
    assert!(err.contains("create it"), "{err}");
}

/// Issue #18: a site.toml without targets, or with one loa cannot use, is the site's
/// problem (exit 1, as a content error); naming a target site.toml does not declare is
/// wrong usage (exit 2). Both used to exit 2.
#[test]
fn publish_exit_codes_tell_the_site_from_the_command_line() {
    let site = crate::common::Site::fixture("bad/_base");
    let publish = |extra: &[&str]| {
        let mut args = vec!["publish", "--today", "2025-06-15", "--lang", "vi"];
        args.extend_from_slice(extra);
        let out = site.loa(&args);
        (out.status.code(), crate::common::stderr(&out))
    };
    let (code, err) = publish(&[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("[publish."), "{err}");

    let toml = site.read("site.toml");
    site.write(
        "site.toml",
        &format!("{toml}\n[publish.cong]\ntarget = \"ftp://may-chu/www\"\n"),
    );
    let (code, err) = publish(&[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("E011") && err.contains("\"cong\""), "{err}");

    site.write(
        "site.toml",
        &format!("{toml}\n[publish.cong]\ntarget = \"file:///tmp/loa-khong-dung-toi\"\n"),
    );
    let (code, err) = publish(&["--target", "khong-co"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("\"khong-co\"") && err.contains("cong"),
        "{err}"
    );
}
