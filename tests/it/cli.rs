//! The binary's commands and exit codes: `new`, `init`, usage errors.

use std::process::Command;

use crate::common::{Site, stderr};
use clap::CommandFactory;

#[test]
fn clap_definition_is_consistent() {
    loa::cli::Cli::command().debug_assert();
}

#[test]
fn init_makes_a_site_that_builds_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("phuong-moi");
    let out = Command::new(env!("CARGO_BIN_EXE_loa"))
        .arg("init")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["build", "--today", "2025-06-01", "--root"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.join("public/index.html").is_file());
    assert!(dir.join("public/tin-tuc/chao-mung/index.html").is_file());
    // A second init into the same folder refuses.
    let out = Command::new(env!("CARGO_BIN_EXE_loa"))
        .arg("init")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn new_writes_a_page_with_its_kinds_front_matter_and_never_overwrites() {
    let site = Site::fixture("build/basic");
    let out = site.loa(&[
        "new",
        "thang-hanh-dong",
        "Tháng hành động về ATVSLĐ năm 2026",
        "--today",
        "2026-04-01",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = "content/thang-hanh-dong/thang-hanh-dong-ve-atvsld-nam-2026.md";
    let text = site.read(path);
    assert!(
        text.contains("title: \"Tháng hành động về ATVSLĐ năm 2026\""),
        "{text}"
    );
    assert!(text.contains("year: 2026"));
    assert!(text.contains("theme:"));
    // The new page is a draft; fill in theme and it builds with --drafts.
    site.write(path, &text.replace("theme: \"\"", "theme: \"An toàn\""));
    let out = site.loa(&["build", "--today", "2026-04-01", "--drafts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.exists("public/thang-hanh-dong/thang-hanh-dong-ve-atvsld-nam-2026/index.html"));
    let again = site.loa(&[
        "new",
        "thang-hanh-dong",
        "Tháng hành động về ATVSLĐ năm 2026",
    ]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("never overwrites"));
}

#[test]
fn new_campaign_and_violation_pages_are_valid_once_filled() {
    let site = Site::fixture("build/basic");
    for (section, title) in [
        ("chien-dich", "An toàn điện mùa mưa"),
        ("van-ban", "Kế hoạch mới"),
        ("tin-tuc", "Tin mới"),
    ] {
        let out = site.loa(&["new", section, title, "--today", "2025-06-01"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let out = site.loa(&["check", "--today", "2025-06-01", "--drafts"]);
    // A new document lacks its number: check says so, at the right file.
    let err = stderr(&out);
    assert!(err.contains("content/van-ban/ke-hoach-moi.md"), "{err}");
}

#[test]
fn new_in_an_unknown_section_lists_the_sections() {
    let site = Site::fixture("build/basic");
    let out = site.loa(&["new", "tin-tucc", "X"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("tin-tuc"), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let site = Site::fixture("build/basic");
    let out = site.loa(&["build", "--today", "2025-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--today"));
    let out = Command::new(env!("CARGO_BIN_EXE_loa"))
        .arg("no-such-command")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["build", "--root", "/nonexistent/site"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("site.toml"));
}

/// Issue #18: this test was called "reports nothing" while its fixture reports W021 and
/// it only checked that the output was an array.
#[test]
fn check_json_lists_each_finding_with_its_fields_and_writes_nothing() {
    let site = Site::fixture("build/basic");
    let out = site.loa(&["check", "--today", "2025-06-15", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let findings = v.as_array().expect("an array");
    // The fixture writes one sector two ways on purpose ("xây dựng" / "Xây dựng").
    let codes: Vec<(&str, &str, u64)> = findings
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or_default(),
                f["file"].as_str().unwrap_or_default(),
                f["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(codes, [("W021", "content/tin-tuc/ma-nguon.md", 4)]);
    let f = &findings[0];
    assert_eq!(f["severity"], "warning");
    assert!(f["column"].as_u64().is_some_and(|c| c >= 1), "{f}");
    assert!(
        f["message"]
            .as_str()
            .is_some_and(|m| m.contains("Xây dựng")),
        "{f}"
    );
    assert!(f["help"].as_str().is_some_and(|h| !h.is_empty()), "{f}");
    assert!(!site.exists("public"), "check never writes");
}

#[test]
fn verbose_build_says_how_long_each_stage_took_and_quiet_says_nothing() {
    let site = Site::fixture("build/basic");
    let out = site.loa(&["build", "-v", "--today", "2025-06-15"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for stage in [
        "fingerprint",
        "read and parse pages",
        "markdown",
        "render and write",
    ] {
        let line = err
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{stage}:")))
            .unwrap_or_else(|| panic!("no timing of {stage:?} in:\n{err}"));
        assert!(line.trim_end().ends_with(" ms"), "{line}");
    }
    site.write(
        "content/tin-tuc/bai-1.md",
        &site
            .read("content/tin-tuc/bai-1.md")
            .replace("Bài số 1", "Bài số một"),
    );
    let out = site.loa(&["build", "-q", "--today", "2025-06-15"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "quiet");
}
