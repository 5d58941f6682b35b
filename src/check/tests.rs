use super::*;

#[test]
fn reads_hrefs_in_any_quoting() {
    let html = r#"<a href="/a/">x</a><a href='/b/'>y</a><a href=/c/>z</a>"#;
    assert_eq!(hrefs(html), ["/a/", "/b/", "/c/"]);
}

#[test]
fn reads_only_the_href_of_elements_with_entities_decoded() {
    // Text and code that show "href=" are not links (splitting on "href=" took them);
    // `&amp;` in an attribute is `&`.
    let html = concat!(
        "<p>Viết <code>&lt;a href=\"/khong-co/\"&gt;</code> như sau: href=/cung-khong/</p>",
        "<a class=\"x\" href=\"/tim-kiem/?q=a&amp;b\" data-href=\"/khac/\">t</a>",
        "<!-- <a href=\"/chu-thich/\"> -->"
    );
    assert_eq!(hrefs(html), ["/tim-kiem/?q=a&b"]);
}

#[test]
fn maps_urls_to_output_files() {
    assert_eq!(crate::render::output_file("/a/"), "a/index.html");
    assert_eq!(crate::render::output_file("/"), "index.html");
    assert_eq!(crate::render::output_file("/old.html"), "old.html");
    assert_eq!(dir_url("tin-tuc/a/index.html"), "/tin-tuc/a/");
    assert_eq!(dir_url("index.html"), "/");
    assert_eq!(percent_decode("/assets/a%20b.png"), "/assets/a b.png");
    assert_eq!(percent_decode("100%"), "100%");
    assert!(has_scheme("mailto:a@b.vn"));
    assert!(!has_scheme("/a:b"));
}
