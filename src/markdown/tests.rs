use super::*;

fn render_plain(md: &str) -> Rendered {
    let links = HashMap::from([
        (
            "tin-tuc/a.md".to_owned(),
            LinkTarget::Published("/tin-tuc/a/".to_owned()),
        ),
        ("tin-tuc/nhap.md".to_owned(), LinkTarget::Unpublished),
    ]);
    let ctx = MarkdownContext {
        raw_html: RawHtml::Escape,
        links: &links,
        source: Path::new("content/x.md"),
    };
    render(md, 5, &ctx)
}

#[test]
fn line_breaks_and_table_cells_separate_words_in_plain_text() {
    let r = render_plain(
        "an toàn\nlao động  \nvệ sinh\n\n| Cột | Số |\n|---|---|\n| bị thương | 1 |\n",
    );
    let words: Vec<&str> = r.plain.split_whitespace().collect();
    assert_eq!(
        words,
        [
            "an", "toàn", "lao", "động", "vệ", "sinh", "Cột", "Số", "bị", "thương", "1"
        ]
    );
}

#[test]
fn gives_vietnamese_headings_ascii_ids() {
    let r = render_plain("## Mục đích, yêu cầu\n\n## Mục đích, yêu cầu\n");
    assert!(
        r.html.contains("<h2 id=\"muc-dich-yeu-cau\">"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<h2 id=\"muc-dich-yeu-cau-1\">"),
        "{}",
        r.html
    );
}

#[test]
fn resolves_internal_links_and_reports_missing_ones_at_their_line() {
    let r = render_plain("Xem [bài](@/tin-tuc/a.md#muc-2).\n\n[x](@/tin-tuc/b.md)\n");
    assert!(r.html.contains("href=\"/tin-tuc/a/#muc-2\""), "{}", r.html);
    assert_eq!(r.anchors_to_check.len(), 1);
    let d = &r.diagnostics[0];
    assert_eq!(d.code, "E030");
    assert_eq!(d.location.as_ref().unwrap().line, 7);
    assert_eq!(d.help.as_deref(), Some("did you mean @/tin-tuc/a.md?"));
}

#[test]
fn escapes_raw_html_and_neutralises_script_urls() {
    let r = render_plain(
        "<script>alert(1)</script>\n\n[a](javascript:alert(1)) ![b](JaVa\tScRiPt:x)\n",
    );
    assert!(!r.html.contains("<script"), "{}", r.html);
    assert!(!r.html.to_lowercase().contains("javascript:"), "{}", r.html);
}

fn render_with(md: &str, raw_html: RawHtml) -> Rendered {
    let links = HashMap::new();
    let ctx = MarkdownContext {
        raw_html,
        links: &links,
        source: Path::new("content/x.md"),
    };
    render(md, 1, &ctx)
}

#[test]
fn sanitize_keeps_markup_and_drops_scripts() {
    let md = "<div class=\"note\" onclick=\"x()\">\n\n**Chú ý**\n\n</div>\n\n<script>alert(1)</script>\n\n<a href=\"javascript:alert(1)\">a</a> <img src=x onerror=alert(1)>\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n## Mục\n";
    let r = render_with(md, RawHtml::Sanitize);
    assert!(r.html.contains("<div class=\"note\">"), "{}", r.html);
    assert!(r.html.contains("<strong>Chú ý</strong>"), "{}", r.html);
    assert!(
        r.html.contains("style=\"text-align: center\""),
        "{}",
        r.html
    );
    assert!(r.html.contains("<h2 id=\"muc\">"), "{}", r.html);
    let lower = r.html.to_lowercase();
    for bad in ["<script", "onclick", "onerror", "javascript:"] {
        assert!(!lower.contains(bad), "{bad} in {}", r.html);
    }
    let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        codes.iter().all(|c| *c == "W011") && codes.len() >= 3,
        "{codes:?}"
    );
}

#[test]
fn refuses_nesting_deeper_than_the_cap() {
    let md = "- a\n".to_owned()
        + &(1..300)
            .map(|i| format!("{}- a\n", "  ".repeat(i)))
            .collect::<String>();
    let r = render_with(&md, RawHtml::Escape);
    assert_eq!(r.diagnostics.first().map(|d| d.code), Some("E034"));
    let quotes = ">".repeat(50_000);
    let r = render_with(&quotes, RawHtml::Escape);
    assert_eq!(r.diagnostics.first().map(|d| d.code), Some("E034"));
}

#[test]
fn lists_images_and_links_with_their_lines() {
    let r = render_plain(
        "Xem ![](/assets/a.png) và [tệp](/assets/b.pdf), [bài](@/tin-tuc/a.md).\n\n![Công nhân *đeo* dây](anh/c.jpg)\n",
    );
    let images = &r.references.images;
    assert_eq!(images.len(), 2);
    assert_eq!(
        (images[0].alt.as_str(), images[0].line, images[0].column),
        ("", 5, 5)
    );
    assert_eq!(images[1].alt, "Công nhân đeo dây");
    assert_eq!(images[1].line, 7);
    let links: Vec<&str> = r.references.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(links, ["/assets/b.pdf"], "@/ links are checked at load");
}

#[test]
fn highlights_fenced_code_with_classes() {
    let r = render_plain("```toml\ntitle = \"x\"\n```\n");
    assert!(r.has_code);
    assert!(r.html.contains("class=\"z-"), "{}", r.html);
    assert!(r.html.contains("data-lang=\"toml\""), "{}", r.html);
}

#[test]
fn summarizes_by_words() {
    assert_eq!(summarize("một hai ba", 2), "một hai…");
    assert_eq!(summarize("một hai", 2), "một hai");
}

#[test]
fn highlight_theme_names_are_the_shipped_themes() {
    let shipped: Vec<String> = syntect::highlighting::ThemeSet::load_defaults()
        .themes
        .into_keys()
        .collect();
    assert_eq!(shipped, HIGHLIGHT_THEMES);
    for name in HIGHLIGHT_THEMES {
        assert!(highlight_css(name).is_some(), "{name}");
    }
}
