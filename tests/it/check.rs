//! `loa check`: the lints a build does not stop for, the text and JSON reports, exit
//! codes, and that it writes nothing. Sites start from `tests/fixtures/bad/_base`.

use std::path::Path;

use crate::common::{Site, stderr};

const TODAY: &str = "2025-06-15";

fn base() -> Site {
    Site::fixture("bad/_base")
}

/// `loa check --format json`: (exit code, findings).
fn check_json(site: &Site) -> (Option<i32>, Vec<serde_json::Value>) {
    let out = site.loa(&["check", "--format", "json", "--today", TODAY]);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("check --format json prints JSON");
    (
        out.status.code(),
        json.as_array().expect("an array").clone(),
    )
}

/// The finding with `code` at `file:line:column`, or a failure listing all findings.
fn find<'a>(rows: &'a [serde_json::Value], code: &str, at: &str) -> &'a serde_json::Value {
    rows.iter()
        .find(|r| {
            let pos = format!(
                "{}:{}:{}",
                r["file"].as_str().unwrap_or(""),
                r["line"],
                r["column"]
            );
            r["code"] == code && pos == at
        })
        .unwrap_or_else(|| panic!("no {code} at {at} in {rows:#?}"))
}

#[test]
fn a_clean_site_checks_clean_and_nothing_is_written() {
    let site = base();
    let (code, rows) = check_json(&site);
    assert_eq!(code, Some(0), "{rows:#?}");
    assert!(rows.is_empty(), "{rows:#?}");
    assert!(!site.exists("public"), "check writes nothing");
}

#[test]
fn the_demo_portal_checks_without_errors() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
        .args([
            "check",
            "--today",
            "2026-11-28",
            "--format",
            "json",
            "--root",
        ])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run loa");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let errors: Vec<&serde_json::Value> = json
        .as_array()
        .expect("an array")
        .iter()
        .filter(|r| r["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn missing_images_and_files_and_links_are_errors_at_their_place() {
    let site = base();
    site.write(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\nimage: anh/khong-co.png\nimage_alt: \"Ảnh\"\n---\nXem ![Sơ đồ](/assets/anh/so-do.png), [tệp](/assets/van-ban/kh.pdf),\n[trang](/khong-co/), [mục](#khong-co) và [tốt](/gioi-thieu/#nhiem-vu).\n",
    );
    let (code, rows) = check_json(&site);
    assert_eq!(code, Some(1));
    let image = find(&rows, "E033", "content/tin-tuc/x.md:3:1");
    assert!(
        image["help"]
            .as_str()
            .unwrap_or("")
            .contains("assets/anh/khong-co.png"),
        "{image}"
    );
    find(&rows, "E033", "content/tin-tuc/x.md:6:5");
    find(&rows, "E033", "content/tin-tuc/x.md:6:38");
    find(&rows, "E035", "content/tin-tuc/x.md:7:1");
    find(&rows, "E032", "content/tin-tuc/x.md:7:22");
    assert_eq!(
        rows.iter().filter(|r| r["severity"] == "error").count(),
        5,
        "{rows:#?}"
    );
}

#[test]
fn lints_that_only_warn_keep_exit_code_zero() {
    let site = base();
    site.write(
        "content/tin-tuc/x.md",
        "---\ntitle: \"Tập huấn an toàn lao động\"\nsectors: [Xay dung]\npublish_date: 2025-05-01\nexpiry_date: 2025-12-01\nbroadcast: {from: 2025-04-20, until: 2026-01-01, slots: [sang]}\n---\nẢnh: ![](/assets/anh/tap-huan.png)\n",
    );
    let (code, rows) = check_json(&site);
    assert_eq!(code, Some(0), "only warnings: {rows:#?}");
    let dup = find(&rows, "W023", "content/tin-tuc/x.md:2:1");
    assert!(
        dup["message"]
            .as_str()
            .unwrap_or("")
            .contains("content/tin-tuc/bai-1.md"),
        "{dup}"
    );
    let terms = find(&rows, "W021", "content/tin-tuc/x.md:3:11");
    let text = terms["message"].as_str().unwrap_or("");
    assert!(
        text.contains("\"xây dựng\"") && text.contains("\"Xay dung\""),
        "{text}"
    );
    find(&rows, "W024", "content/tin-tuc/x.md:6:13");
    find(&rows, "W024", "content/tin-tuc/x.md:6:31");
    find(&rows, "W020", "content/tin-tuc/x.md:8:6");
}

#[test]
fn a_page_nothing_leads_to_is_a_warning() {
    let site = base();
    // A home page that lists nothing, and a section out of the menu with one page.
    site.write(
        "themes/cong-thong-tin/templates/index.html",
        "{% extends \"base.html\" %}\n{% block content %}Trang chủ{% endblock content %}\n",
    );
    site.write(
        "content/an/_index.md",
        "---\ntitle: \"Ẩn\"\nin_menu: false\n---\n",
    );
    site.write(
        "content/an/lac.md",
        "---\ntitle: \"Trang lạc\"\n---\nNội dung.\n",
    );
    let (code, rows) = check_json(&site);
    assert_eq!(code, Some(0), "a warning only: {rows:#?}");
    // Its section's list links to it, but nothing leads to that list.
    let lost = find(&rows, "W022", "content/an/lac.md:2:1");
    assert!(
        lost["message"].as_str().unwrap_or("").contains("/an/lac/"),
        "{lost}"
    );
    // Linking to it from a reachable page makes it reachable.
    site.write(
        "content/gioi-thieu.md",
        "---\ntitle: \"Giới thiệu\"\n---\n## Nhiệm vụ\n\nXem [trang lạc](@/an/lac.md).\n",
    );
    let (_, rows) = check_json(&site);
    assert!(
        !rows
            .iter()
            .any(|r| r["code"] == "W022" && r["file"] == "content/an/lac.md"),
        "{rows:#?}"
    );
}

#[test]
fn text_report_groups_by_file_sorts_by_line_and_quotes() {
    let site = base();
    site.write(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\n---\n[b](/khong-co-2/)\n\n[a](/khong-co-1/)\n",
    );
    site.write(
        "content/tin-tuc/a.md",
        "---\ntitle: \"A\"\n---\n![](/assets/khong-co.png)\n",
    );
    let out = site.loa(&["check", "--today", TODAY, "--lang", "vi"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let a = err
        .find("── content/tin-tuc/a.md")
        .expect("a group per file");
    let x = err
        .find("── content/tin-tuc/x.md")
        .expect("a group per file");
    assert!(a < x, "files in order:\n{err}");
    let l4 = err
        .find("content/tin-tuc/x.md:4:1: lỗi[E035]")
        .expect("line 4");
    let l6 = err
        .find("content/tin-tuc/x.md:6:1: lỗi[E035]")
        .expect("line 6");
    assert!(l4 < l6, "lines in order:\n{err}");
    assert!(
        err.contains("4 | [b](/khong-co-2/)"),
        "the line is quoted:\n{err}"
    );
    assert!(
        err.contains("= cách sửa: viết liên kết dạng @/muc/tep.md"),
        "hint in Vietnamese:\n{err}"
    );
    assert!(err.contains("lỗi,") && err.contains("cảnh báo"), "{err}");
}

#[test]
fn json_findings_carry_every_field_in_the_chosen_language() {
    let site = base();
    site.write(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\n---\n[a](/khong-co/)\n",
    );
    let out = site.loa(&[
        "check", "--format", "json", "--today", TODAY, "--lang", "vi",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let row = &json[0];
    for key in [
        "file", "line", "column", "code", "severity", "message", "help",
    ] {
        assert!(row.get(key).is_some(), "{key} in {row}");
    }
    assert_eq!(row["code"], "E035");
    assert_eq!(row["severity"], "error");
    assert!(
        row["message"]
            .as_str()
            .unwrap_or("")
            .contains("không có trong trang"),
        "{row}"
    );
}

#[test]
fn a_bad_lang_value_is_a_usage_error() {
    let site = base();
    let out = site.loa(&["check", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn every_code_is_documented() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/codes.md")).expect("docs/codes.md");
    let mut sources = String::new();
    for dir in ["src"] {
        for e in walkdir::WalkDir::new(root.join(dir)) {
            let e = e.expect("walk");
            if e.path().extension().is_some_and(|x| x == "rs") {
                sources.push_str(&std::fs::read_to_string(e.path()).expect("read"));
            }
        }
    }
    let mut missing = Vec::new();
    for (i, _) in sources.match_indices('"') {
        let code = sources.get(i + 1..i + 5).unwrap_or("");
        let closed = sources.get(i + 5..i + 6) == Some("\"");
        let shaped = code.len() == 4
            && (code.starts_with('E') || code.starts_with('W'))
            && code[1..].bytes().all(|b| b.is_ascii_digit());
        if closed && shaped && code != "E001" && !docs.contains(&format!("| {code} |")) {
            missing.push(code.to_owned());
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "codes missing from docs/codes.md: {missing:?}"
    );
}
