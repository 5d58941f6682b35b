//! One test per error kind: the message names file:line:column, quotes the line, and
//! the build exits 1 without writing.

use crate::common::{Site, stderr};

/// Add `file` with `text` to the basic fixture, build, and check the diagnostic.
fn expect_error(file: &str, text: &str, location: &str, code: &str, quoted: &str) {
    let site = Site::fixture("build/basic");
    site.write(file, text);
    let out = site.loa(&["build", "--today", "2025-06-15"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let head = format!("{location}: error[{code}]");
    assert!(err.contains(&head), "expected {head:?} in:\n{err}");
    assert!(
        err.contains(&format!("| {quoted}")),
        "expected the quoted line {quoted:?} in:\n{err}"
    );
    assert!(err.contains("help:"), "every error says what to do:\n{err}");
    assert!(!site.exists("public"), "nothing is written");
}

#[test]
fn unknown_front_matter_key_suggests_the_close_one() {
    expect_error(
        "content/chien-dich/x.md",
        "---\ntitle: \"X\"\nperoid: {start: 2025-01-01, end: 2025-02-01}\nsectors: [điện]\n---\n",
        "content/chien-dich/x.md:3:1",
        "E012",
        "peroid: {start: 2025-01-01, end: 2025-02-01}",
    );
    let site = Site::fixture("build/basic");
    site.write(
        "content/chien-dich/x.md",
        "---\ntitle: \"X\"\nperoid: {start: 2025-01-01, end: 2025-02-01}\n---\n",
    );
    assert!(
        stderr(&site.loa(&["build", "--today", "2025-06-15"])).contains("did you mean \"period\"?")
    );
}

#[test]
fn impossible_date_is_an_error_at_its_line() {
    expect_error(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\ndate: 2025-02-31\n---\n",
        "content/tin-tuc/x.md:3:7",
        "E020",
        "date: 2025-02-31",
    );
}

#[test]
fn wrong_type_is_an_error_at_its_line() {
    expect_error(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\nweight: \"nặng\"\n---\n",
        "content/tin-tuc/x.md:3:9",
        "E020",
        "weight: \"nặng\"",
    );
}

#[test]
fn missing_required_field_names_the_kind_and_an_example() {
    let site = Site::fixture("build/basic");
    site.write(
        "content/chien-dich/x.md",
        "---\ntitle: \"X\"\nsectors: [điện]\n---\n",
    );
    let err = stderr(&site.loa(&["build", "--today", "2025-06-15"]));
    assert!(
        err.contains("content/chien-dich/x.md:2:1: error[E021]: a campaign needs \"period\""),
        "{err}"
    );
    assert!(
        err.contains("period: {start: 2025-05-01, end: 2025-05-31}"),
        "{err}"
    );
}

#[test]
fn undeclared_ward_points_at_the_value() {
    expect_error(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\nwards:\n  - an-bien\n  - an-bein\n---\n",
        "content/tin-tuc/x.md:5:5",
        "E023",
        "  - an-bein",
    );
}

#[test]
fn undeclared_agency_is_an_error() {
    expect_error(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\nagency: phong-vh\n---\n",
        "content/tin-tuc/x.md:3:1",
        "E023",
        "agency: phong-vh",
    );
}

#[test]
fn unknown_kind_is_an_error() {
    expect_error(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\nkind: campain\n---\n",
        "content/tin-tuc/x.md:3:7",
        "E013",
        "kind: campain",
    );
}

#[test]
fn tab_indentation_is_explained() {
    expect_error(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\nwards:\n\t- an-bien\n---\n",
        "content/tin-tuc/x.md:4:1",
        "E005",
        "\t- an-bien",
    );
}

#[test]
fn unclosed_front_matter_is_an_error() {
    expect_error(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\n\nNội dung.\n",
        "content/tin-tuc/x.md:1:1",
        "E004",
        "---",
    );
}

#[test]
fn missing_front_matter_is_an_error() {
    expect_error(
        "content/tin-tuc/x.md",
        "Chỉ có nội dung.\n",
        "content/tin-tuc/x.md:1:1",
        "E003",
        "Chỉ có nội dung.",
    );
}

#[test]
fn fines_that_do_not_add_up_are_an_error() {
    let text = "---\ntitle: \"X\"\nsubject: \"Công ty Ví Dụ\"\nsubject_type: organization\ndecision_no: \"1/QĐ\"\ndecision_date: 2025-01-01\nissuer: \"UBND\"\nstatus: da-khac-phuc\nviolations:\n  - {description: \"a\", fine: 1000000}\ntotal_fine: 2000000\n---\n";
    expect_error(
        "content/xu-ly-vi-pham/x.md",
        text,
        "content/xu-ly-vi-pham/x.md:11:1",
        "E027",
        "total_fine: 2000000",
    );
}

#[test]
fn publishing_a_name_needs_a_basis() {
    let text = "---\ntitle: \"X\"\nsubject: \"Lê Văn Ví Dụ\"\nsubject_type: individual\npublish_name: true\ndecision_no: \"1/QĐ\"\ndecision_date: 2025-01-01\nissuer: \"UBND\"\nstatus: da-khac-phuc\nviolations:\n  - {description: \"a\", fine: 1000000}\n---\n";
    expect_error(
        "content/xu-ly-vi-pham/x.md",
        text,
        "content/xu-ly-vi-pham/x.md:5:1",
        "E028",
        "publish_name: true",
    );
}

#[test]
fn citizen_id_in_a_notice_is_an_error() {
    let text = "---\ntitle: \"X\"\nsubject: \"Lê Văn Ví Dụ\"\nsubject_type: individual\ndecision_no: \"1/QĐ\"\ndecision_date: 2025-01-01\nissuer: \"UBND\"\nstatus: da-khac-phuc\nviolations:\n  - {description: \"a\", fine: 1000000}\n---\nCCCD số 031234567890 cấp ngày 1/1/2020.\n";
    expect_error(
        "content/xu-ly-vi-pham/x.md",
        text,
        "content/xu-ly-vi-pham/x.md:12:9",
        "E029",
        "CCCD số 031234567890 cấp ngày 1/1/2020.",
    );
}

#[test]
fn link_to_a_missing_file_is_an_error_at_its_line() {
    expect_error(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\n---\n\nXem [bài](@/tin-tuc/bai-9.md).\n",
        "content/tin-tuc/x.md:5:5",
        "E030",
        "Xem [bài](@/tin-tuc/bai-9.md).",
    );
}

#[test]
fn link_to_a_missing_anchor_is_an_error() {
    expect_error(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\n---\nXem [mục](@/gioi-thieu.md#nhiem-vuu).\n",
        "content/tin-tuc/x.md:4:5",
        "E032",
        "Xem [mục](@/gioi-thieu.md#nhiem-vuu).",
    );
}

#[test]
fn two_pages_on_one_url_are_an_error() {
    let site = Site::fixture("build/basic");
    site.write(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\nslug: bai-1\n---\n",
    );
    let err = stderr(&site.loa(&["build", "--today", "2025-06-15"]));
    assert!(
        err.contains("error[E031]: /tin-tuc/bai-1/ is already the address of content/tin-tuc/"),
        "{err}"
    );
}

#[test]
fn alias_leaving_the_site_is_an_error() {
    expect_error(
        "content/tin-tuc/x.md",
        "---\ntitle: \"X\"\naliases: [\"../../ngoai\"]\n---\n",
        "content/tin-tuc/x.md:3:12",
        "E022",
        "aliases: [\"../../ngoai\"]",
    );
}

#[test]
fn unknown_site_toml_key_is_an_error_with_its_line() {
    let site = Site::fixture("build/basic");
    let toml = site
        .read("site.toml")
        .replace("paginate_by = 2", "paginate_by = 2\ntheme_color = \"red\"");
    site.write("site.toml", &toml);
    let out = site.loa(&["build", "--today", "2025-06-15"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("site.toml:4:1: error[E010]: unknown field \"theme_color\""),
        "{err}"
    );
    assert!(err.contains("| theme_color = \"red\""), "{err}");
}

#[test]
fn invalid_utf8_is_an_error_with_its_position() {
    let site = Site::fixture("build/basic");
    std::fs::write(
        site.path("content/tin-tuc/x.md"),
        b"---\ntitle: \"X\"\n---\nCh\xe0o\n",
    )
    .unwrap();
    let err = stderr(&site.loa(&["build", "--today", "2025-06-15"]));
    assert!(
        err.contains("content/tin-tuc/x.md:4:3: error[E002]: this file is not UTF-8 text"),
        "{err}"
    );
}

#[test]
fn template_error_names_the_template_and_the_page() {
    let site = Site::fixture("build/basic");
    site.write("themes/cong-thong-tin/templates/news.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title | no_such_filter }}\n{% endblock content %}\n");
    let out = site.loa(&["build", "--today", "2025-06-15"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("themes/cong-thong-tin/templates/news.html:3:"),
        "{err}"
    );
    assert!(err.contains("E041"), "{err}");
}

#[test]
fn bom_crlf_and_nfd_input_simply_work() {
    let site = Site::fixture("build/basic");
    let nfd = "Tha\u{301}ng ha\u{300}nh đo\u{323}\u{302}ng";
    let text =
        format!("\u{feff}---\r\ntitle: \"{nfd}\"\r\ndate: 2025-01-01\r\n---\r\nNội dung.\r\n");
    site.write("content/tin-tuc/nfd.md", &text);
    site.build("2025-06-15");
    assert!(
        site.read("public/tin-tuc/nfd/index.html")
            .contains("Tháng hành động"),
        "NFD becomes NFC"
    );
}
