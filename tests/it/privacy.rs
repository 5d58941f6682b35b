//! Issue #15: a violation notice never publishes a person's name by mistake. The fixture
//! writes notices the ways offices write them (honorific and full name, a bare name, an
//! honorific without a surname, a household business, the name in the title, summary,
//! headings, a table, image alt text, front-matter fields, the file name); every output
//! file — bytes and paths, the annual report included — is scanned for every form of
//! each name.

use crate::common::{Site, stderr};
use loa::slug::fold;

const TODAY: &str = "2026-12-01";

/// The forms of each masked person that must appear nowhere, folded (no accents, lower
/// case): the full name, its hyphenated slug, the given name after an honorific and the
/// given name alone (the fixture has no other word that folds to it).
const MASKED: &[&str] = &[
    "nguyen van quynh",
    "nguyen-van-quynh",
    "van quynh",
    "quynh",
    "xoan",
    "le van khue",
    "le-van-khue",
    "khue",
    "pham thi thom",
    "pham-thi-thom",
    "thom",
];

/// Every file under `dir`, as (path relative to the site, folded text).
fn folded_files(site: &Site, dir: &str) -> Vec<(String, String)> {
    site.snapshot(dir)
        .into_iter()
        .map(|(path, bytes)| {
            let text = fold(&String::from_utf8_lossy(&bytes));
            (format!("{dir}/{path}"), text)
        })
        .collect()
}

/// `needle` stands in `haystack` as whole words (not inside another word).
fn has_word(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn notices_about_people_show_no_form_of_their_names_in_any_output() {
    let site = Site::fixture("privacy/notices");
    site.build(TODAY);
    let report = site.loa(&["report", "--year", "2026", "--today", TODAY]);
    assert!(report.status.success(), "{}", stderr(&report));
    let files = folded_files(&site, "public");
    assert!(
        files
            .iter()
            .any(|(p, _)| p.ends_with("bao-cao/2026/index.html")),
        "the report is among the scanned files"
    );
    for (path, text) in &files {
        for needle in MASKED {
            assert!(
                !has_word(&fold(path), needle),
                "{path}: the path holds {needle:?}"
            );
            assert!(!has_word(text, needle), "{path} holds {needle:?}");
        }
    }
    // The scan sees everything a name could be in: the name published on a legal basis
    // is in the page, the feed, the search index and the report.
    for wanted in [
        "public/xu-ly-vi-pham/cong-khai-ten/index.html",
        "public/xu-ly-vi-pham/atom.xml",
        "public/tim-kiem/docs/",
    ] {
        assert!(
            files
                .iter()
                .any(|(p, text)| p.starts_with(wanted) && has_word(text, "doan van nghieu")),
            "{wanted} shows the name published on a legal basis"
        );
    }

    // What readers see instead: initials, with the honorific and the household kept.
    let page = site.read("public/xu-ly-vi-pham/xu-phat-ong-n-v-q/index.html");
    assert!(
        page.contains("Xử phạt ông N.V.Q. để thợ làm trên cao"),
        "{page}"
    );
    assert!(page.contains("Ông Q. nói gì"), "{page}");
    assert!(page.contains("alt=\"Ông Q. tại công trình\""), "{page}");
    let household = site.read("public/xu-ly-vi-pham/ho-kinh-doanh-p-t-t/index.html");
    assert!(household.contains("Hộ kinh doanh P.T.T."), "{household}");
    assert!(household.contains("Chị T., chủ hộ"), "{household}");
    assert!(site.exists("public/xu-ly-vi-pham/ba-x-ban-hang/index.html"));
    assert!(site.exists("public/xu-ly-vi-pham/l-v-k/index.html"));
    let bulletin = site.read("public/loa/2026-12-01/an-bien-sang.txt");
    assert!(bulletin.contains("ông N.V.Q."), "{bulletin}");
}

/// A notice the build must refuse, the file it is written to, and what the message says.
struct Refused {
    file: &'static str,
    text: &'static str,
    code: &'static str,
    line: usize,
}

const REFUSED: &[Refused] = &[
    // The scaffold's old default left in place for a person.
    Refused {
        file: "content/xu-ly-vi-pham/ba-tran-thi-lan.md",
        text: "---\ntitle: \"Xử phạt bà Trần Thị Lan\"\ndate: 2026-11-25\nsubject: \"bà Trần Thị Lan\"\nsubject_type: organization\ndecision_no: \"1/QĐ\"\ndecision_date: 2026-11-25\nissuer: \"UBND phường\"\nviolations: [{description: \"x\", fine: 1}]\nstatus: xu-phat-hanh-chinh\n---\n",
        code: "E036",
        line: 5,
    },
    // A bare name, declared an organization.
    Refused {
        file: "content/xu-ly-vi-pham/tran-thi-lan.md",
        text: "---\ntitle: \"Xử phạt\"\ndate: 2026-11-25\nsubject: \"Trần Thị Lan\"\nsubject_type: organization\ndecision_no: \"1/QĐ\"\ndecision_date: 2026-11-25\nissuer: \"UBND phường\"\nviolations: [{description: \"x\", fine: 1}]\nstatus: xu-phat-hanh-chinh\n---\n",
        code: "E036",
        line: 5,
    },
    // A household business declared an organization.
    Refused {
        file: "content/xu-ly-vi-pham/hkd.md",
        text: "---\ntitle: \"Xử phạt hộ kinh doanh\"\ndate: 2026-11-25\nsubject: \"Hộ kinh doanh Trần Thị Lan\"\nsubject_type: organization\ndecision_no: \"1/QĐ\"\ndecision_date: 2026-11-25\nissuer: \"UBND phường\"\nviolations: [{description: \"x\", fine: 1}]\nstatus: xu-phat-hanh-chinh\n---\n",
        code: "E036",
        line: 5,
    },
    // An old address that holds the name would stay published as a redirect.
    Refused {
        file: "content/xu-ly-vi-pham/bi-danh.md",
        text: "---\ntitle: \"Xử phạt\"\ndate: 2026-11-25\naliases: [\"/tin-tuc/ong-tran-van-loc/\"]\nsubject: \"ông Trần Văn Lộc\"\nsubject_type: individual\ndecision_no: \"1/QĐ\"\ndecision_date: 2026-11-25\nissuer: \"UBND phường\"\nviolations: [{description: \"x\", fine: 1}]\nstatus: xu-phat-hanh-chinh\n---\n",
        code: "E037",
        line: 4,
    },
    // publish_name without the basis that allows it.
    Refused {
        file: "content/xu-ly-vi-pham/khong-can-cu.md",
        text: "---\ntitle: \"Xử phạt\"\ndate: 2026-11-25\nsubject: \"ông Trần Văn Lộc\"\nsubject_type: individual\npublish_name: true\ndecision_no: \"1/QĐ\"\ndecision_date: 2026-11-25\nissuer: \"UBND phường\"\nviolations: [{description: \"x\", fine: 1}]\nstatus: xu-phat-hanh-chinh\n---\n",
        code: "E028",
        line: 6,
    },
];

#[test]
fn a_notice_that_would_publish_a_name_is_refused_and_the_portal_kept() {
    let site = Site::fixture("privacy/notices");
    site.build(TODAY);
    let before = site.snapshot("public");
    for case in REFUSED {
        site.write(case.file, case.text);
        let out = site.loa(&["build", "--today", TODAY, "--lang", "vi"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{}: {err}", case.file);
        let at = format!("{}:{}:", case.file, case.line);
        assert!(
            err.contains(&at) && err.contains(&format!("lỗi[{}]", case.code)),
            "{}: expected {} at {at}:\n{err}",
            case.file,
            case.code
        );
        assert!(
            !err.contains("organization\" is") && !err.contains("would be"),
            "{err}"
        );
        assert_eq!(
            site.snapshot("public"),
            before,
            "{}: public/ changed",
            case.file
        );
        site.remove(case.file);
    }
    let out = site.loa(&["build", "--today", TODAY, "--lang", "vi"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_person_declared_an_organization_is_told_what_to_write_in_vietnamese() {
    let site = Site::fixture("privacy/notices");
    site.write(REFUSED[0].file, REFUSED[0].text);
    let out = site.loa(&["build", "--today", TODAY, "--lang", "vi"]);
    let err = stderr(&out);
    assert!(
        err.contains("\"bà Trần Thị Lan\" là tên một người")
            && err.contains("subject_type: individual"),
        "{err}"
    );
    assert!(
        err.contains("subject_type: organization"),
        "quotes the line: {err}"
    );
}

#[test]
fn check_warns_about_other_names_addresses_and_retired_notices() {
    let site = Site::fixture("privacy/notices");
    site.write(
        "content/xu-ly-vi-pham/nhan-chung.md",
        "---\ntitle: \"Xử phạt ông Trần Văn Lộc\"\ndate: 2026-11-25\nsubject: \"ông Trần Văn Lộc\"\nsubject_type: individual\ndecision_no: \"1/QĐ\"\ndecision_date: 2026-11-25\nissuer: \"UBND phường\"\nviolations: [{description: \"x\", fine: 1}]\nstatus: xu-phat-hanh-chinh\n---\n\nÔng Lộc, trú tại ngõ 5, gọi 0225.3842.999.\n\nAnh Hoàng Minh Tuấn, thợ phụ, chứng kiến ở phường Trần Nguyên Hãn.\n",
    );
    // Decided on 2025-10-01: twelve months later, on 2026-10-01, it left the portal.
    site.write(
        "content/xu-ly-vi-pham/cu.md",
        "---\ntitle: \"Xử phạt Công ty TNHH Cũ Ví Dụ\"\ndate: 2025-10-02\nsubject: \"Công ty TNHH Cũ Ví Dụ\"\nsubject_type: organization\ndecision_no: \"2/QĐ\"\ndecision_date: 2025-10-01\nissuer: \"UBND phường\"\nviolations: [{description: \"x\", fine: 1}]\nstatus: xu-phat-hanh-chinh\n---\n",
    );
    let out = site.loa(&["check", "--today", TODAY, "--lang", "vi"]);
    let err = format!("{}{}", stderr(&out), String::from_utf8_lossy(&out.stdout));
    let file = "content/xu-ly-vi-pham/nhan-chung.md";
    for (at, code, words) in [
        (format!("{file}:15:1:"), "W030", "Anh Hoàng Minh Tuấn"),
        (format!("{file}:13:10:"), "W031", "trú tại"),
        (format!("{file}:13:29:"), "W031", "0225.3842.999"),
        (
            "content/xu-ly-vi-pham/cu.md:7:1:".to_owned(),
            "W032",
            "2026-10-01",
        ),
    ] {
        let line = err
            .lines()
            .find(|l| l.starts_with(&at) && l.contains(code))
            .unwrap_or_else(|| panic!("no {code} at {at}:\n{err}"));
        let block = &err[err.find(line).expect("found")..];
        assert!(block.contains(words), "{code}: {line}\n{err}");
    }
    // The masked subject, places and bodies are not someone else's name.
    for not_a_person in [
        "Trần Nguyên Hãn",
        "Lộc",
        "N.V.Q.",
        "Quýnh",
        "Ví Dụ",
        "Hồ sơ",
    ] {
        assert!(
            !err.lines()
                .any(|l| l.contains("W030") && l.contains(not_a_person)),
            "{not_a_person} is not another person:\n{err}"
        );
    }
    // Warnings only: the site still checks out.
    assert_eq!(out.status.code(), Some(0), "{err}");
    // The retired notice is in no output.
    site.build(TODAY);
    assert!(!site.exists("public/xu-ly-vi-pham/cu/index.html"));
    assert!(!site.read("public/sitemap.xml").contains("/cu/"));
    assert!(site.exists("public/xu-ly-vi-pham/nhan-chung/index.html"));
}

#[test]
fn new_notice_defaults_to_an_individual_and_init_sets_retention() {
    let site = Site::fixture("privacy/notices");
    let out = site.loa(&[
        "new",
        "xu-ly-vi-pham",
        "Xử phạt ông Nguyễn Văn Hùng",
        "--today",
        TODAY,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = site.read("content/xu-ly-vi-pham/xu-phat-ong-nguyen-van-hung.md");
    assert!(
        written.contains("\nsubject_type: individual\n"),
        "{written}"
    );
    assert!(
        written.contains("# Cá nhân: để nguyên individual"),
        "{written}"
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let new_site = dir.path().join("xa-moi");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
        .arg("init")
        .arg(&new_site)
        .output()
        .expect("run loa");
    assert!(out.status.success(), "{}", stderr(&out));
    let toml = std::fs::read_to_string(new_site.join("site.toml")).expect("site.toml");
    assert!(
        toml.contains("[kinds.violation]\nretention_months = 12\n"),
        "{toml}"
    );
}
