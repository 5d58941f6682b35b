//! Issue #16: mistakes offices make, through the binary, with the Vietnamese message they
//! get, its location and the exit code. Each case is laid over the good site
//! `tests/fixtures/bad/_base/` after it was built once; a refused build leaves the
//! published portal byte-identical.

use crate::common::{Site, stderr};

const TODAY: &str = "2025-06-15";

/// A page with an image and a link, as offices write them.
fn page_with(front: &str, body: &str) -> String {
    format!("---\ntitle: \"Tập huấn an toàn\"\ndate: 2025-06-01\n{front}---\n\n{body}\n")
}

/// Build the good site, lay `text` at `rel`, build again: exit 1, `wanted` in the
/// Vietnamese messages, the portal untouched.
fn refused(rel: &str, text: &str, wanted: &[&str]) {
    let site = Site::fixture("bad/_base");
    site.build(TODAY);
    let before = site.snapshot("public");
    site.write(rel, text);
    let out = site.loa(&["build", "--today", TODAY, "--lang", "vi"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{rel}:\n{err}");
    for w in wanted {
        assert!(err.contains(w), "{rel}: no {w:?} in:\n{err}");
    }
    assert_eq!(site.snapshot("public"), before, "{rel}: public/ changed");
}

#[test]
fn a_missing_image_stops_the_build_with_the_file_it_meant() {
    let rel = "content/tin-tuc/anh.md";
    // Upper case from a phone, no leading `/`, Windows separators, a doubled folder.
    for (front, body, line, col) in [
        (
            "image: anh/TAP-HUAN.PNG\nimage_alt: \"Lớp tập huấn\"\n",
            "",
            4,
            1,
        ),
        ("", "![Lớp tập huấn](assets/anh/tap-huan.png)", 6, 1),
        (
            "",
            "Ảnh: ![Lớp tập huấn](\\assets\\anh\\Tap-Huan.png)",
            6,
            6,
        ),
        ("", "![Lớp tập huấn](/assets/anh/tap-huan.jpg)", 6, 1),
    ] {
        refused(
            rel,
            &page_with(front, body),
            &[
                &format!("{rel}:{line}:{col}: lỗi[E033]"),
                "không tìm thấy tệp",
                "có phải ý bạn là /assets/anh/tap-huan.png?",
            ],
        );
    }
}

#[test]
fn a_front_matter_path_that_names_the_assets_folder_is_not_doubled() {
    let site = Site::fixture("bad/_base");
    site.write(
        "content/tin-tuc/anh.md",
        &page_with(
            "image: assets\\anh\\tap-huan.png\nimage_alt: \"Lớp tập huấn\"\n",
            "",
        ),
    );
    site.build(TODAY);
    let page = site.read("public/tin-tuc/anh/index.html");
    assert!(page.contains("src=\"/assets/anh/tap-huan-480."), "{page}");
}

#[test]
fn a_document_file_written_the_windows_way_links_to_the_file() {
    // Issue #18: the page used a second asset_url that kept `\` and doubled `assets/`,
    // so the download link pointed nowhere while the build's check found the file.
    let site = Site::fixture("bad/_base");
    site.write("assets/van-ban/qd-12.pdf", "%PDF-1.4\n");
    site.write(
        "content/tin-tuc/quyet-dinh.md",
        &page_with(
            "kind: document\ndoc_type: \"Quyết định\"\nnumber: \"12/QĐ-UBND\"\nissuer: \"UBND quận\"\nfile: assets\\van-ban\\qd-12.pdf\n",
            "",
        ),
    );
    let out = site.build(TODAY);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.read("public/tin-tuc/quyet-dinh/index.html");
    assert!(
        page.contains("href=\"/assets/van-ban/qd-12.pdf\""),
        "{page}"
    );
    // The size is shown only when the address leads to the file.
    assert!(page.contains("download__info\">PDF, "), "{page}");
    assert!(!page.contains("assets\\"), "{page}");
}

#[test]
fn a_link_to_a_page_the_site_does_not_have_stops_the_build() {
    refused(
        "content/tin-tuc/lien-ket.md",
        &page_with("", "Xem [bài cũ](/tin-tuc/khong-co/) để biết thêm."),
        &[
            "content/tin-tuc/lien-ket.md:6:5: lỗi[E035]",
            "liên kết /tin-tuc/khong-co/ trỏ tới một địa chỉ không có",
        ],
    );
}

#[test]
fn links_and_images_that_exist_build() {
    let site = Site::fixture("bad/_base");
    site.write(
        "content/tin-tuc/dung.md",
        &page_with(
            "",
            "![Lớp tập huấn](/assets/anh/tap-huan.png) [bài](/tin-tuc/bai-1/) [trang chủ](/) [web](https://example.org/x)",
        ),
    );
    let out = site.build(TODAY);
    assert!(!stderr(&out).contains("E03"), "{}", stderr(&out));
    assert!(site.exists("public/tin-tuc/dung/index.html"));
}

#[test]
fn a_new_drafts_empty_fields_wait_until_it_is_published() {
    let site = Site::fixture("bad/_base");
    let out = site.loa(&[
        "new",
        "xu-ly-vi-pham",
        "Xử phạt cơ sở may",
        "--today",
        TODAY,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rel = "content/xu-ly-vi-pham/xu-phat-co-so-may.md";
    let written = site.read(rel);
    let line_of = |key: &str| {
        1 + written
            .lines()
            .position(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("{key} in {written}"))
    };
    let subject = line_of("subject:");

    // Not built with --drafts: the draft is published nowhere, its gaps are warnings.
    let out = site.loa(&["build", "--today", TODAY, "--lang", "vi"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(&format!("{rel}:{subject}:1: cảnh báo[W025]: bản nháp: thông báo xử lý vi phạm cần có trường \"subject\" trước khi đăng")),
        "{err}"
    );
    assert!(site.exists("public/index.html"));

    // Built with --drafts, it would be published: errors, at the empty field's line.
    let out = site.loa(&["build", "--today", TODAY, "--lang", "vi", "--drafts"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{rel}:{subject}:1: lỗi[E021]: thông báo xử lý vi phạm cần có trường \"subject\""
        )),
        "{err}"
    );
    let decision = line_of("decision_no:");
    assert!(
        err.contains(&format!("{rel}:{decision}:1: lỗi[E021]")),
        "{err}"
    );
}

#[test]
fn a_published_page_without_a_required_field_points_at_the_title() {
    refused(
        "content/chien-dich/thieu.md",
        "---\ntitle: \"Chiến dịch\"\nsectors: [xây dựng]\n---\n",
        &["content/chien-dich/thieu.md:2:1: lỗi[E021]: chiến dịch cần có trường \"period\""],
    );
}

/// A violation notice with the given status and fines, as an office writes it.
fn notice(status: &str, fine: &str, total: &str) -> String {
    format!(
        "---\ntitle: \"Xử phạt Công ty TNHH Ví Dụ\"\ndate: 2025-06-01\nsubject: \"Công ty TNHH Ví Dụ\"\nsubject_type: organization\ndecision_no: \"5/QĐ-XPHC\"\ndecision_date: 2025-05-30\nissuer: \"Chủ tịch UBND phường\"\nstatus: {status}\nviolations:\n  - description: \"Không huấn luyện an toàn\"\n    fine: {fine}\ntotal_fine: {total}\n---\n"
    )
}

#[test]
fn money_and_status_written_the_vietnamese_way_are_read() {
    let site = Site::fixture("bad/_base");
    let rel = "content/xu-ly-vi-pham/vi-du.md";
    for (status, fine, total, shown) in [
        ("\"Đã xử phạt\"", "10.000.000", "10.000.000", "10.000.000"),
        ("Đã khắc phục", "\"12 500 000 đ\"", "12500000", "12.500.000"),
        ("truy tố", "15.000", "15000", "15.000"),
        (
            "xu-phat-hanh-chinh",
            "20000000",
            "\"20.000.000 đồng\"",
            "20.000.000",
        ),
    ] {
        site.write(rel, &notice(status, fine, total));
        site.build(TODAY);
        let page = site.read("public/xu-ly-vi-pham/vi-du/index.html");
        assert!(page.contains(shown), "{status} {fine}: {page}");
    }
    let page = site.read("public/xu-ly-vi-pham/vi-du/index.html");
    assert!(page.contains("Đã xử phạt vi phạm hành chính"), "{page}");
}

#[test]
fn a_status_loa_does_not_know_is_listed_in_vietnamese() {
    refused(
        "content/xu-ly-vi-pham/vi-du.md",
        &notice("\"Đang xem xét\"", "1000000", "1000000"),
        &[
            "content/xu-ly-vi-pham/vi-du.md:9:10: lỗi[E020]: giá trị \"Đang xem xét\" không dùng được ở đây",
            "xu-phat-hanh-chinh, truy-to, xet-xu, da-khac-phuc",
        ],
    );
    refused(
        "content/xu-ly-vi-pham/vi-du.md",
        &notice("xu-phat", "10.00.000", "1000000"),
        &["content/xu-ly-vi-pham/vi-du.md:12:11: lỗi[E020]"],
    );
}

#[test]
fn titles_typed_in_word_build() {
    let site = Site::fixture("bad/_base");
    site.write(
        "content/tin-tuc/word.md",
        "---\ntitle: “Tháng hành động: an toàn là trên hết”\ndate: 2025-06-01\nsummary: \"Phát động \"Tháng hành động\" năm 2025\"\n---\n\nNội dung.\n",
    );
    site.build(TODAY);
    let page = site.read("public/tin-tuc/word/index.html");
    assert!(
        page.contains("“Tháng hành động: an toàn là trên hết”"),
        "{page}"
    );
    assert!(
        page.contains("Phát động &quot;Tháng hành động&quot; năm 2025")
            || page.contains("Phát động \"Tháng hành động\" năm 2025"),
        "{page}"
    );
}

#[test]
fn a_hash_that_cuts_a_summary_is_a_warning() {
    let site = Site::fixture("bad/_base");
    site.write(
        "content/tin-tuc/hash.md",
        "---\ntitle: \"Đường dây nóng\"\ndate: 2025-06-01\nsummary: Gọi đường dây nóng #1 khi có tai nạn\ndraft: false # đã duyệt\n---\n\nNội dung.\n",
    );
    let out = site.loa(&["build", "--today", TODAY, "--lang", "vi"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("content/tin-tuc/hash.md:4:29: cảnh báo[W026]: dấu # bắt đầu phần ghi chú của YAML: summary chỉ còn \"Gọi đường dây nóng\""),
        "{err}"
    );
    // A comment after a value that is not running text is YAML as usual.
    assert!(!err.contains("hash.md:5:"), "{err}");
}

/// Issue #16: an office edits a page and publishes without building first.
#[test]
fn publish_builds_first_so_an_edit_is_never_left_behind() {
    let site = Site::fixture("bad/_base");
    let www = tempfile::tempdir().expect("temp dir");
    let toml = site.read("site.toml");
    site.write(
        "site.toml",
        &format!(
            "{toml}\n[publish.portal]\ntarget = \"file://{}\"\n",
            www.path().display()
        ),
    );
    site.build(TODAY);
    let page = "content/tin-tuc/bai-1.md";
    let text = site.read(page);
    site.write(page, &format!("{text}\nĐoạn mới thêm sau khi dựng.\n"));
    let out = site.loa(&["publish", "--today", TODAY, "--lang", "vi"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let sent = std::fs::read_to_string(www.path().join("tin-tuc/bai-1/index.html"))
        .expect("the page was published");
    assert!(sent.contains("Đoạn mới thêm sau khi dựng."), "{sent}");

    // A mistake stops the publish before anything is sent: the server keeps its site.
    let before = std::fs::read(www.path().join("tin-tuc/bai-1/index.html")).expect("read");
    site.write(page, &format!("{text}\n![Ảnh](/assets/anh/khong-co.jpg)\n"));
    let out = site.loa(&["publish", "--today", TODAY, "--lang", "vi"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("lỗi[E033]"), "{err}");
    let after = std::fs::read(www.path().join("tin-tuc/bai-1/index.html")).expect("read");
    assert_eq!(before, after);
}

#[test]
fn a_missing_section_is_offered_with_the_kind_its_name_stands_for() {
    let site = Site::fixture("bad/_base");
    std::fs::remove_dir_all(site.path("content/xu-ly-vi-pham")).expect("remove");
    let out = site.loa(&["new", "xu-ly-vi-pham", "Xử phạt", "--lang", "vi"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("loa new xu-ly-vi-pham \"Xử phạt\" --kind violation"),
        "{err}"
    );
}

/// Issue #18: an unknown `highlight_theme` built, exit 0, with no colours for code. It is
/// now refused at its line, with the name that was probably meant.
#[test]
fn an_unknown_highlight_theme_is_refused_with_the_close_name() {
    let site = Site::fixture("bad/_base");
    let toml = site.read("site.toml");
    site.write(
        "site.toml",
        &format!("{toml}\n[markdown]\nhighlight_theme = \"InspiredGithub\"\n"),
    );
    let out = site.loa(&["build", "--today", TODAY, "--lang", "vi"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("lỗi[E011]"), "{err}");
    assert!(err.contains("\"InspiredGithub\""), "{err}");
    assert!(err.contains("InspiredGitHub"), "{err}");
    assert!(
        !site.exists("public/index.html"),
        "a refused build wrote public/"
    );

    site.write(
        "site.toml",
        &format!("{toml}\n[markdown]\nhighlight_theme = \"InspiredGitHub\"\n"),
    );
    let out = site.build(TODAY);
    assert!(out.status.success(), "{}", stderr(&out));
}
