//! `loa build` on fixture sites: URLs, pagination, taxonomies, feeds, sitemap,
//! publishing rules, aliases, links, escaping, highlighting, atomic output.

use crate::common::{Site, assert_same_tree, stderr};

const TODAY: &str = "2025-06-15";

fn built() -> Site {
    let site = Site::fixture("build/basic");
    site.build(TODAY);
    site
}

#[test]
fn pages_get_pretty_urls_from_their_file_names() {
    let site = built();
    assert!(site.exists("public/tin-tuc/bai-1/index.html"));
    assert!(site.exists("public/gioi-thieu/index.html"));
    assert!(site.exists("public/thang-hanh-dong/nam-2025/index.html"));
    assert!(site.exists("public/index.html"));
    assert!(site.exists("public/404.html"));
    assert!(site.exists("public/robots.txt"));
    let page = site.read("public/tin-tuc/bai-1/index.html");
    assert!(page.contains("Bài số 1 về an toàn lao động"));
    assert!(page.contains("lang=\"vi\""));
}

/// The pieces of `text` between each `start` and the next `end`.
fn all_between<'a>(text: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    text.split(start)
        .skip(1)
        .filter_map(|rest| rest.split_once(end).map(|(piece, _)| piece))
        .collect()
}

#[test]
fn sections_are_paginated_with_links_between_pages() {
    let site = built();
    // Follow the section's "next" links from its first page: each page lists at most
    // paginate_by (2) pages, newest first across the pages, and links back.
    let mut url = "/tin-tuc/".to_owned();
    let (mut listed, mut dates, mut pages) = (Vec::new(), Vec::new(), 0);
    loop {
        let page = site.read(&format!("public{url}index.html"));
        let cards = all_between(&page, "<h2 class=\"card__title\"><a href=\"", "\"");
        assert!((1..=2).contains(&cards.len()), "{url}: {cards:?}");
        listed.extend(cards.iter().map(|c| (*c).to_owned()));
        dates.extend(
            all_between(&page, "<time datetime=\"", "\"")
                .into_iter()
                .map(str::to_owned),
        );
        pages += 1;
        let next = all_between(&page, "rel=\"next\" href=\"", "\"");
        let Some(next) = next.first() else { break };
        let following = site.read(&format!("public{next}index.html"));
        assert!(
            following.contains(&format!("rel=\"prev\" href=\"{url}\"")),
            "{next} links back to {url}"
        );
        url = (*next).to_owned();
    }
    assert!(pages > 1, "the fixture has more news than one page holds");
    assert!(!site.exists(&format!("public/tin-tuc/trang/{}/index.html", pages + 1)));
    assert!(dates.is_sorted_by(|a, b| a >= b), "newest first: {dates:?}");
    // Together the pages list every news page the build wrote, once.
    let mut written: Vec<String> = std::fs::read_dir(site.path("public/tin-tuc"))
        .expect("public/tin-tuc")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name != "trang" && site.exists(&format!("public/tin-tuc/{name}/index.html")))
        .map(|name| format!("/tin-tuc/{name}/"))
        .collect();
    written.sort();
    listed.sort();
    assert_eq!(listed, written);
}

#[test]
fn taxonomy_terms_merge_spellings_and_list_their_pages() {
    let site = built();
    let list = site.read("public/linh-vuc/index.html");
    assert!(list.contains("href=\"/linh-vuc/xay-dung/\""), "{list}");
    // "xây dựng" (6 pages) and "Xây dựng" (1 page) are one term named as most write it.
    assert!(
        list.contains(">xây dựng</a>") && !list.contains(">Xây dựng</a>"),
        "{list}"
    );
    let opts = loa::BuildOptions {
        root: site.root().to_path_buf(),
        output: None,
        base_url: None,
        drafts: false,
        today: loa::date::Date::parse(TODAY).unwrap(),
        lang: loa::error::Lang::En,
    };
    let loaded = loa::build::load_site(&opts).unwrap();
    let taxonomies = loa::render::taxonomies(&loaded);
    let sectors = taxonomies.iter().find(|t| t.id == "sectors").unwrap();
    let term = sectors.terms.iter().find(|t| t.slug == "xay-dung").unwrap();
    // Every page with either spelling counts once.
    let spelled = |s: &str| {
        loaded
            .pages
            .iter()
            .filter(|p| p.meta.sectors.iter().any(|t| t == s))
            .count()
    };
    let (lower, upper) = (spelled("xây dựng"), spelled("Xây dựng"));
    assert!(
        lower > upper && upper > 0,
        "the fixture writes both, lowercase more often"
    );
    assert_eq!(
        (term.name.as_str(), term.count),
        ("xây dựng", lower + upper)
    );
    assert_eq!(term.pages.len(), lower + upper);
    // A term lists its pages newest first, then by source path.
    let order: Vec<(i64, &str)> = term
        .pages
        .iter()
        .map(|&i| (-loaded.pages[i].sort_date(), loaded.pages[i].rel.as_str()))
        .collect();
    assert!(order.is_sorted(), "{order:?}");
    let term = site.read("public/linh-vuc/xay-dung/index.html");
    assert!(
        term.contains("An toàn trên công trình xây dựng")
            || site
                .read("public/linh-vuc/xay-dung/trang/2/index.html")
                .contains("An toàn trên công trình")
    );
    assert!(site.exists("public/doi-tuong/nguoi-lao-dong/index.html"));
    let ward = site.read("public/phuong/an-bien/index.html");
    assert!(ward.contains("Phường An Biên"));
}

fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{text}"))
}

#[test]
fn feeds_and_sitemap_are_well_formed_with_absolute_urls_of_published_pages() {
    let site = built();
    let atom = site.read("public/atom.xml");
    let doc = parse_xml(&atom);
    let links: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("link"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert!(
        links.iter().all(|l| l.starts_with("https://vi-du.gov.vn/")),
        "{links:?}"
    );
    assert!(links.contains(&"https://vi-du.gov.vn/tin-tuc/bai-5/"));
    assert!(!atom.contains("nhap"), "drafts stay out of feeds");
    let section_feed = site.read("public/tin-tuc/atom.xml");
    parse_xml(&section_feed);
    assert!(
        section_feed.contains("Bài số 5") && !section_feed.contains("công trình xây dựng"),
        "a section feed has its pages and only those"
    );
    let sitemap = site.read("public/sitemap.xml");
    let doc = parse_xml(&sitemap);
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&"https://vi-du.gov.vn/tin-tuc/bai-1/"));
    assert!(locs.contains(&"https://vi-du.gov.vn/"));
    assert!(!locs.iter().any(|l| l.contains("nhap")));
    assert!(
        site.read("public/robots.txt")
            .contains("Sitemap: https://vi-du.gov.vn/sitemap.xml")
    );
}

#[test]
fn drafts_embargo_and_expiry_follow_the_build_date() {
    let site = Site::fixture("build/basic");
    // Before publish_date: embargoed.
    site.build("2025-05-31");
    assert!(site.exists("public/tin-tuc/bai-1/index.html"));
    assert!(!site.exists("public/tin-tuc/cam-dang/index.html"));
    assert!(!site.exists("public/tin-tuc/nhap/index.html"));
    // Within the window.
    site.build("2025-06-01");
    assert!(site.exists("public/tin-tuc/cam-dang/index.html"));
    assert!(
        site.read("public/sitemap.xml")
            .contains("/tin-tuc/cam-dang/")
    );
    assert!(
        site.read("public/tin-tuc/atom.xml")
            .contains("Thông báo có thời hạn")
    );
    // On expiry_date it is gone everywhere.
    site.build("2025-07-01");
    assert!(!site.exists("public/tin-tuc/cam-dang/index.html"));
    for f in [
        "public/atom.xml",
        "public/sitemap.xml",
        "public/tin-tuc/index.html",
        "public/index.html",
    ] {
        let text = site.read(f);
        assert!(
            text.contains("/tin-tuc/bai-5/"),
            "{f} lists the newest page"
        );
        assert!(
            !text.contains("cam-dang"),
            "{f} still lists an expired page"
        );
    }
    // --drafts includes drafts.
    let out = site.loa(&["build", "--today", "2025-06-15", "--drafts"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.exists("public/tin-tuc/nhap/index.html"));
}

#[test]
fn violation_notices_expire_after_their_retention_period() {
    let site = Site::fixture("build/basic");
    site.build("2026-03-31");
    assert!(site.exists("public/xu-ly-vi-pham/ca-nhan/index.html"));
    site.build("2026-04-01");
    assert!(!site.exists("public/xu-ly-vi-pham/ca-nhan/index.html"));
    assert!(site.exists("public/tin-tuc/bai-1/index.html"));
}

#[test]
fn individuals_in_violation_notices_are_masked_everywhere() {
    let site = built();
    for f in [
        "public/xu-ly-vi-pham/ca-nhan/index.html",
        "public/xu-ly-vi-pham/index.html",
        "public/atom.xml",
        "public/index.html",
    ] {
        let text = site.read(f);
        assert!(text.contains("T.V.M.H."), "{f} shows the notice, masked");
        assert!(
            !text.contains("Minh Họa"),
            "{f} shows the individual's name"
        );
    }
    let page = site.read("public/xu-ly-vi-pham/ca-nhan/index.html");
    assert!(page.contains("T.V.M.H."), "{page}");
    assert!(page.contains("15.000.000 đồng"));
}

#[test]
fn aliases_redirect_to_the_page() {
    let site = built();
    let r = site.read("public/gioi-thieu-cu/index.html");
    assert!(r.contains("url=https://vi-du.gov.vn/gioi-thieu/"), "{r}");
    assert!(
        site.read("public/trang-cu.html")
            .contains("https://vi-du.gov.vn/gioi-thieu/")
    );
}

#[test]
fn internal_links_become_urls_with_checked_anchors() {
    let site = built();
    let page = site.read("public/tin-tuc/bai-1/index.html");
    assert!(page.contains("href=\"/gioi-thieu/#nhiem-vu\""), "{page}");
    assert!(
        site.read("public/gioi-thieu/index.html")
            .contains("id=\"nhiem-vu\"")
    );
}

#[test]
fn raw_html_is_escaped_and_code_is_highlighted() {
    let site = built();
    let page = site.read("public/tin-tuc/ma-nguon/index.html");
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("&lt;script&gt;"));
    assert!(
        page.contains("class=\"z-"),
        "code is highlighted with classes"
    );
    assert!(site.exists("public/css/syntax.css"));
    assert!(page.contains("/css/syntax.css"));
}

#[test]
fn assets_and_documents_are_copied() {
    let site = built();
    assert!(site.exists("public/assets/van-ban/ke-hoach.pdf"));
    assert!(
        site.read("public/van-ban/ke-hoach/index.html")
            .contains("/assets/van-ban/ke-hoach.pdf")
    );
    assert!(site.exists("public/thang-hanh-dong/nam-2025/lich-su-kien.ics"));
}

#[test]
fn two_builds_are_byte_identical() {
    let a = built();
    let b = built();
    assert_same_tree(&a.snapshot("public"), &b.snapshot("public"), "two builds");
    // Rebuilding in place changes nothing either.
    let before = a.snapshot("public");
    a.build(TODAY);
    assert_same_tree(&before, &a.snapshot("public"), "a rebuild");
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = built();
    let before = site.snapshot("public");
    site.write(
        "content/tin-tuc/hong.md",
        "---\ntitle: \"Hỏng\"\ndate: 2025-02-31\n---\n",
    );
    site.write(
        "content/tin-tuc/bai-1.md",
        "---\ntitle: \"Đã sửa\"\ndate: 2025-01-10\n---\n",
    );
    let out = site.loa(&["build", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(1));
    assert_same_tree(
        &before,
        &site.snapshot("public"),
        "public/ after a failed build",
    );
}

#[test]
fn a_build_reports_every_error_then_writes_nothing() {
    let site = Site::fixture("build/basic");
    site.write(
        "content/tin-tuc/a.md",
        "---\ntitle: \"A\"\nagency: khong-co\n---\n",
    );
    site.write(
        "content/tin-tuc/b.md",
        "---\ntitle: \"B\"\nwards: [an-bien, ho-nam]\n---\n",
    );
    let out = site.loa(&["build", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("content/tin-tuc/a.md:3:1: error[E023]: agency \"khong-co\""),
        "{err}"
    );
    assert!(
        err.contains("content/tin-tuc/b.md:3:18: error[E023]: ward \"ho-nam\""),
        "{err}"
    );
    assert!(err.contains("2 errors"), "{err}");
    assert!(!site.exists("public"));
}

#[test]
fn building_twice_reuses_the_staging_folder() {
    let site = built();
    site.remove("content/tin-tuc/bai-2.md");
    site.build(TODAY);
    assert!(
        !site.exists("public/tin-tuc/bai-2/index.html"),
        "a removed page disappears"
    );
    assert!(site.exists("public/tin-tuc/bai-1/index.html"));
}

#[test]
fn refuses_an_output_folder_that_is_not_a_portal() {
    let site = Site::fixture("build/basic");
    site.write("elsewhere/notes.txt", "mine");
    let out = site.loa(&[
        "build",
        "--today",
        TODAY,
        "--output",
        site.path("elsewhere").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(site.read("elsewhere/notes.txt"), "mine");
}

#[test]
fn base_url_can_be_overridden_for_one_build() {
    let site = Site::fixture("build/basic");
    let out = site.loa(&[
        "build",
        "--today",
        TODAY,
        "--base-url",
        "http://127.0.0.1:8000",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        site.read("public/sitemap.xml")
            .contains("<loc>http://127.0.0.1:8000/tin-tuc/bai-1/</loc>")
    );
}

#[test]
fn build_output_has_no_live_reload_snippet() {
    let site = built();
    let files = site.snapshot("public");
    let home = files.iter().find(|(p, _)| p == "index.html");
    assert!(
        home.is_some_and(|(_, b)| String::from_utf8_lossy(b).contains("</html>")),
        "the portal was built"
    );
    for (path, bytes) in files {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__loa"), "{path} contains serve-only code");
    }
}

/// Modification time of every file under `rel` of `site`, by path.
fn mtimes(site: &Site, rel: &str) -> Vec<(String, std::time::SystemTime)> {
    let base = site.path(rel);
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(&base).sort_by_file_name() {
        let e = e.expect("walk");
        if e.file_type().is_file() {
            let key = e.path().strip_prefix(&base).expect("inside");
            let modified = e.metadata().expect("metadata").modified().expect("mtime");
            out.push((key.to_string_lossy().into_owned(), modified));
        }
    }
    out
}

#[test]
fn an_unchanged_rebuild_rewrites_nothing_but_repairs_what_was_edited_by_hand() {
    let site = built();
    // A blank line more changes the inputs but not the portal: each build runs.
    let blank_line = || {
        let text = site.read("content/tin-tuc/bai-1.md");
        site.write("content/tin-tuc/bai-1.md", &format!("{text}\n"));
    };
    // Two more builds: both generations exist, each with its listing.
    blank_line();
    site.build(TODAY);
    blank_line();
    site.build(TODAY);
    let published = site.snapshot("public");
    let staging = ".public.loa-next";
    let edited = format!("{staging}/tin-tuc/bai-1/index.html");
    let original = site.read(&edited);
    assert!(original.contains("<html"), "{original}");
    // Same length, other bytes: only the modification time tells.
    site.write(&edited, &original.replacen("<html", "<HTML", 1));
    let before = mtimes(&site, staging);
    blank_line();
    site.build(TODAY);
    // The staging generation is published now, exactly as the build makes it.
    assert_same_tree(&published, &site.snapshot("public"), "the rebuilt portal");
    let after = mtimes(&site, "public");
    assert_eq!(before.len(), after.len());
    for ((path, was), (_, is)) in before.iter().zip(&after) {
        if path == "tin-tuc/bai-1/index.html" {
            assert_ne!(was, is, "the edited file is written again");
        } else {
            assert_eq!(was, is, "{path} was rewritten");
        }
    }
}

#[test]
fn a_build_with_nothing_changed_does_nothing_until_an_input_or_the_output_changes() {
    let site = built();
    let published = site.snapshot("public");
    let again = |today: &str| stderr(&site.build(today));
    assert!(again(TODAY).contains("Nothing changed since the last build"));
    assert_same_tree(
        &published,
        &site.snapshot("public"),
        "after a build with nothing to do",
    );
    // Each of these makes the next build run, and the one after it do nothing again.
    let changes: [(&str, &dyn Fn()); 6] = [
        ("a page edited", &|| {
            let text = site.read("content/tin-tuc/bai-1.md");
            site.write(
                "content/tin-tuc/bai-1.md",
                &format!("{text}\nMột câu mới.\n"),
            );
        }),
        ("a letter changed, the size kept", &|| {
            let text = site.read("content/tin-tuc/bai-2.md");
            assert!(text.contains('a'), "{text}");
            site.write("content/tin-tuc/bai-2.md", &text.replacen('a', "e", 1));
        }),
        ("a theme file added", &|| {
            site.write(
                "themes/cong-thong-tin/static/css/them.css",
                "p { color: black; }",
            );
        }),
        ("an output file edited by hand", &|| {
            site.write("public/index.html", "hỏng");
        }),
        ("an output file removed", &|| {
            site.remove("public/robots.txt")
        }),
        ("a file added to the output", &|| {
            site.write("public/la.html", "lạ")
        }),
    ];
    for (what, change) in changes {
        change();
        let err = again(TODAY);
        assert!(err.contains("Built "), "{what}: {err}");
        assert!(again(TODAY).contains("Nothing changed"), "{what}");
    }
    assert!(site.read("public/index.html").contains("<html"));
    assert!(site.exists("public/robots.txt") && !site.exists("public/la.html"));
    // Another build date is another input.
    assert!(again("2026-11-29").contains("Built "));
}
