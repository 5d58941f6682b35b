//! The default theme on a fixture portal with one page of every kind: each kind's page
//! shows its fields, lists paginate, taxonomy and agencies pages list what they should,
//! individuals are masked, and every page keeps the accessibility basics.

use crate::common::Site;
use unicode_normalization::UnicodeNormalization;

/// Inside the Safety Action Month of the fixture (1–31 May 2026).
const TODAY: &str = "2026-05-10";

fn built() -> Site {
    let site = Site::fixture("theme/portal");
    site.build(TODAY);
    site
}

/// The visible text of an HTML fragment: tags dropped (block elements become a space,
/// inline ones nothing), entities that the theme uses decoded, whitespace collapsed.
fn text(html: &str) -> String {
    const INLINE: [&str; 7] = ["a", "span", "strong", "time", "em", "abbr", "b"];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = &rest[open + 1..close.saturating_sub(1).max(open + 1)];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if !INLINE.contains(&name.as_str()) {
            out.push(' ');
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    let out = out
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `<main>` element's text.
fn main_text(html: &str) -> String {
    let start = html.find("<main").expect("a <main> element");
    let end = html.find("</main>").expect("</main>");
    text(&html[start..end])
}

fn assert_has(haystack: &str, needles: &[&str]) {
    for n in needles {
        assert!(haystack.contains(n), "missing {n:?} in:\n{haystack}");
    }
}

/// `a` appears before `b`.
fn assert_order(haystack: &str, a: &str, b: &str) {
    let i = haystack.find(a).unwrap_or_else(|| panic!("missing {a:?}"));
    let j = haystack.find(b).unwrap_or_else(|| panic!("missing {b:?}"));
    assert!(i < j, "{a:?} should come before {b:?}");
}

fn html_files(site: &Site) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = site
        .snapshot("public")
        .into_iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, String::from_utf8(b).expect("HTML is UTF-8")))
        .collect();
    out.sort();
    out
}

#[test]
fn campaign_page_shows_period_status_channels_sectors_audiences_and_office() {
    let site = built();
    let main = main_text(&site.read("public/chien-dich/cong-trinh/index.html"));
    assert_has(
        &main,
        &[
            "Công trình an toàn",
            "Thời gian Thứ Sáu, 1/5/2026 – Thứ Ba, 30/6/2026",
            "Tình trạng Đang diễn ra: còn 51 ngày",
            "Mục tiêu Mọi công trình có lưới chắn vật rơi.",
            "Kênh tuyên truyền Cổng thông tin điện tử, Loa truyền thanh cơ sở, Mạng xã hội",
            "Lĩnh vực xây dựng",
            "Đối tượng người lao động, người sử dụng lao động",
            "Phường Phường An Biên, Phường Lam Sơn",
            "Đơn vị phụ trách Phòng Lao động - Thương binh và Xã hội",
        ],
    );
    let html = site.read("public/chien-dich/cong-trinh/index.html");
    assert!(html.contains(r#"<a href="/linh-vuc/xay-dung/">xây dựng</a>"#));
    assert!(html.contains(r#"href="/co-quan/#phong-ldtbxh""#));
}

#[test]
fn campaign_status_follows_the_build_date() {
    let site = built();
    let list = main_text(&site.read("public/chien-dich/index.html"));
    assert_has(
        &list,
        &[
            "Đang diễn ra: còn 51 ngày",
            "Sắp diễn ra: còn 22 ngày nữa bắt đầu",
            "Thời gian: 1/6 – 30/6/2026",
        ],
    );
    let ended = site.read("public/chien-dich/da-xong/index.html");
    assert!(ended.contains(r#"class="tag tag--da-ket-thuc">Đã kết thúc<"#));
}

#[test]
fn a_page_with_a_broadcast_block_says_when_and_where_it_airs() {
    let site = built();
    let main = main_text(&site.read("public/chien-dich/cong-trinh/index.html"));
    assert_has(
        &main,
        &[
            "Phát trên loa truyền thanh",
            "Mức độ Ưu tiên",
            "Thời gian phát 2/5 – 20/5/2026",
            "Buổi phát Buổi sáng (06:00)",
            "Phường phát Phường An Biên",
        ],
    );
}

#[test]
fn action_month_page_shows_theme_dates_status_and_agenda_by_date() {
    let site = built();
    let html = site.read("public/thang-hanh-dong/nam-2026/index.html");
    let main = main_text(&html);
    assert_has(
        &main,
        &[
            "Chủ đề Xây dựng văn hóa an toàn lao động",
            "Năm 2026",
            // The period defaults to 1–31 May.
            "Thời gian Thứ Sáu, 1/5/2026 – Chủ Nhật, 31/5/2026",
            "Tình trạng Đang diễn ra: còn 21 ngày",
            "Cơ quan thường trực Phòng Lao động - Thương binh và Xã hội",
            "Lịch hoạt động",
        ],
    );
    // By date, then by time; organizers that are agency ids show the agency's name.
    assert_order(&main, "Thứ Hai, 4/5/2026", "Thứ Ba, 12/5/2026");
    assert_order(
        &main,
        "07:30 Lễ phát động",
        "14:00 Kiểm tra công trình buổi chiều",
    );
    assert_order(
        &main,
        "14:00 Kiểm tra công trình buổi chiều",
        "14:00 Tọa đàm",
    );
    assert_has(
        &main,
        &[
            "07:30 Lễ phát động Tháng hành động Địa điểm Hội trường Ủy ban nhân dân phường Đơn vị tổ chức Phòng Lao động - Thương binh và Xã hội Phường Phường An Biên",
            "Đơn vị tổ chức Phòng Văn hóa - Thông tin",
            "Đơn vị tổ chức Hội Doanh nghiệp phường Phường Phường Lam Sơn",
        ],
    );
    assert!(html.contains(r#"<h2 id="lich-hoat-dong">"#));
    assert!(html.contains(r#"href="/thang-hanh-dong/nam-2026/lich-su-kien.ics""#));
    assert!(site.exists("public/thang-hanh-dong/nam-2026/lich-su-kien.ics"));
}

#[test]
fn model_page_shows_subject_ward_sector_and_achievements() {
    let site = built();
    let main = main_text(&site.read("public/guong-dien-hinh/hop-tac-xa/index.html"));
    assert_has(
        &main,
        &[
            "Điển hình Hợp tác xã Mộc Bến Sông Thử (tổ chức)",
            "Phường Phường Hồ Nam",
            "Lĩnh vực làng nghề",
            "Thành tích Dán nội quy an toàn cạnh từng máy. Lắp quạt hút bụi gỗ.",
        ],
    );
}

#[test]
fn violation_page_shows_decision_violations_with_legal_basis_fines_total_status_and_remedy() {
    let site = built();
    let html = site.read("public/xu-ly-vi-pham/cong-ty/index.html");
    let main = main_text(&html);
    assert_has(
        &main,
        &[
            "Đối tượng bị xử lý Công ty TNHH Thử Nghiệm Giả Định (tổ chức)",
            "Quyết định xử phạt Số 215/QĐ-XPHC ngày 8/4/2026",
            "Người ra quyết định Chủ tịch Ủy ban nhân dân phường Thử Nghiệm",
            "Phường Phường Lam Sơn",
            "Tình trạng Đã khắc phục vi phạm",
            "Biện pháp khắc phục hậu quả Buộc tổ chức huấn luyện an toàn trong 30 ngày.",
            "Không tổ chức huấn luyện an toàn cho người lao động. Khoản 3 Điều 26 Nghị định số 12/2022/NĐ-CP 15.000.000 đồng",
            "Không trang cấp dây an toàn. Điểm a khoản 2 Điều 22 Nghị định số 12/2022/NĐ-CP 10.000.000 đồng",
            "Tổng số tiền phạt 25.000.000 đồng",
        ],
    );
    // A real table: caption, column headers, a labelled scrolling wrapper.
    assert_has(
        &html,
        &[
            "<caption id=\"bang-vi-pham\">",
            "<th scope=\"col\">Căn cứ pháp lý</th>",
            "role=\"region\" aria-labelledby=\"bang-vi-pham\" tabindex=\"0\"",
        ],
    );
}

#[test]
fn individuals_in_violation_notices_are_masked_on_every_page() {
    let site = built();
    let page = main_text(&site.read("public/xu-ly-vi-pham/ca-nhan/index.html"));
    assert_has(
        &page,
        &[
            "Đối tượng bị xử lý N.V.T. (cá nhân)",
            "Xử phạt ông N.V.T. vì",
            "Tổng số tiền phạt 10.000.000 đồng",
        ],
    );
    for (path, html) in html_files(&site) {
        assert!(
            !html.contains("Nguyễn Văn Thử"),
            "{path} shows the individual's name"
        );
    }
}

#[test]
fn document_page_shows_the_register_entry_and_a_download_link() {
    let site = built();
    let html = site.read("public/van-ban/ke-hoach/index.html");
    let main = main_text(&html);
    assert_has(
        &main,
        &[
            "Loại văn bản Kế hoạch",
            "Số ký hiệu 189/KH-UBND",
            "Cơ quan ban hành Ủy ban nhân dân phường Thử Nghiệm",
            "Ngày ban hành 20/8/2024",
            "Ngày có hiệu lực 21/8/2024",
            "Trích yếu Triển khai thực hiện Chỉ thị số 31-CT/TW của Ban Bí thư.",
            "Tải văn bản gốc: 189/KH-UBND PDF, 3 KB",
        ],
    );
    assert!(html.contains(r#"href="/assets/van-ban/ke-hoach.pdf" download"#));
    assert!(site.exists("public/assets/van-ban/ke-hoach.pdf"));
}

#[test]
fn document_section_is_a_register_table() {
    let site = built();
    let html = site.read("public/van-ban/index.html");
    assert_has(
        &html,
        &[
            "<caption id=\"so-van-ban\">Danh mục văn bản</caption>",
            "<th scope=\"col\">Số ký hiệu</th>",
        ],
    );
    assert_has(
        &main_text(&html),
        &[
            "189/KH-UBND 20/8/2024 Kế hoạch thực hiện Chỉ thị số 31-CT/TW Kế hoạch Ủy ban nhân dân phường Thử Nghiệm",
        ],
    );
}

#[test]
fn news_page_shows_its_image_and_open_graph_metadata() {
    let site = built();
    let html = site.read("public/tin-tuc/tin-co-anh/index.html");
    assert_has(
        &html,
        &[
            // The picture is published reduced (issue 19), in its own size: never enlarged.
            r#"<picture><source type="image/webp" srcset="/assets/anh/tap-huan-64."#,
            r#"width="64" height="32" alt="Mũ bảo hộ màu vàng trên giàn giáo" fetchpriority="high"></picture>"#,
            r#"<link rel="canonical" href="https://atvsld.thu-nghiem.gov.vn/tin-tuc/tin-co-anh/">"#,
            r#"<meta property="og:url" content="https://atvsld.thu-nghiem.gov.vn/tin-tuc/tin-co-anh/">"#,
            r#"<meta property="og:title" content="Tập huấn làm việc trên cao">"#,
            r#"<meta property="og:description" content="Bài có ảnh minh họa.">"#,
            r#"<meta property="og:image" content="https://atvsld.thu-nghiem.gov.vn/assets/anh/tap-huan-og."#,
            r#"<meta property="og:type" content="article">"#,
            r#"<meta property="og:locale" content="vi_VN">"#,
        ],
    );
    let other = site.read("public/tin-tuc/tin-1/index.html");
    assert!(!other.contains("og:image"), "no og:image without an image");
    assert_has(
        &main_text(&other),
        &[
            "Tin tức Tin thứ 1 về an toàn lao động",
            "Đăng ngày Thứ Tư, 1/4/2026",
            "Phòng Văn hóa - Thông tin",
            "Nội dung tin thứ 1.",
        ],
    );
}

#[test]
fn static_page_and_broadcast_page_render() {
    let site = built();
    let page = main_text(&site.read("public/gioi-thieu/index.html"));
    assert_has(
        &page,
        &[
            "Giới thiệu cổng thông tin",
            "Trang giới thiệu tĩnh của cổng.",
        ],
    );
    let loa = main_text(&site.read("public/loa/khan/index.html"));
    assert_has(
        &loa,
        &[
            "Thông báo phát thanh",
            "Mức độ Khẩn cấp",
            "Thời gian phát 9/5 – 11/5/2026",
            "Phường phát Tất cả các phường",
            "Đề nghị dừng làm việc trên giàn giáo",
        ],
    );
}

#[test]
fn section_lists_paginate_with_links_both_ways() {
    let site = built();
    let first = site.read("public/tin-tuc/index.html");
    let second = site.read("public/tin-tuc/trang/2/index.html");
    assert!(first.contains(r#"rel="next" href="/tin-tuc/trang/2/""#));
    assert!(second.contains(r#"rel="prev" href="/tin-tuc/""#));
    assert!(second.contains(r#"aria-current="page" aria-label="Trang 2, trang hiện tại""#));
    assert_has(
        &main_text(&first),
        &["4 bài, trang 1 trên 2", "Tập huấn làm việc trên cao"],
    );
    assert_has(
        &main_text(&second),
        &["Tin tức trang 2/2", "Tin thứ 2 về an toàn lao động"],
    );
    assert!(second.contains("<title>Tin tức (trang 2)"));
}

#[test]
fn taxonomy_pages_list_terms_and_their_pages() {
    let site = built();
    let list = main_text(&site.read("public/linh-vuc/index.html"));
    assert_has(
        &list,
        &[
            "Tra cứu theo lĩnh vực",
            "xây dựng 4 bài",
            "cơ khí 1 bài",
            "làng nghề 1 bài",
        ],
    );
    let term = main_text(&site.read("public/linh-vuc/xay-dung/index.html"));
    assert_has(
        &term,
        &[
            "Lĩnh vực xây dựng",
            "4 bài, trang 1 trên 2",
            "Chiến dịch Công trình an toàn",
        ],
    );
    assert!(site.exists("public/linh-vuc/xay-dung/trang/2/index.html"));
    let ward = main_text(&site.read("public/phuong/lam-son/index.html"));
    assert_has(
        &ward,
        &[
            "Phường Lam Sơn",
            "Công trình an toàn",
            "Xử phạt Công ty TNHH Thử Nghiệm Giả Định",
        ],
    );
    assert_has(
        &main_text(&site.read("public/doi-tuong/index.html")),
        &["Tra cứu theo đối tượng", "học sinh 1 bài"],
    );
}

#[test]
fn home_features_the_running_action_month_then_the_latest_and_the_hotline() {
    let site = built();
    let html = site.read("public/index.html");
    let main = main_text(&html);
    assert_has(
        &main,
        &[
            "Đang diễn ra Tháng hành động năm 2026",
            "Chủ đề: “Xây dựng văn hóa an toàn lao động”",
            "Tình trạng Đang diễn ra: còn 21 ngày",
            "Hoạt động sắp tới Thứ Ba, 12/5/2026, 14:00: Tọa đàm với chủ xưởng cơ khí",
            "Xem lịch hoạt động",
            "Đường dây nóng tai nạn lao động 0225.3000.999",
        ],
    );
    assert!(html.contains(r#"href="/thang-hanh-dong/nam-2026/#lich-hoat-dong""#));
    assert!(html.contains(r#"href="tel:02253000999""#));
    assert_order(&main, "Tháng hành động năm 2026", "Chiến dịch tuyên truyền");
    assert_order(&main, "Chiến dịch tuyên truyền", "Gương điển hình");
    assert_order(&main, "Gương điển hình", "Xử lý vi phạm");
    assert_order(&main, "Xử lý vi phạm", "Văn bản chỉ đạo");
    assert_order(&main, "Văn bản chỉ đạo", "Tin tức");
    assert_has(&main, &["Xem tất cả: xử lý vi phạm", "N.V.T."]);
}

#[test]
fn agencies_page_lists_each_office_with_its_responsibilities_and_pages() {
    let site = built();
    let html = site.read("public/co-quan/index.html");
    let main = main_text(&html);
    assert_has(
        &main,
        &[
            "Cơ quan, đơn vị và trách nhiệm",
            "Phòng Lao động - Thương binh và Xã hội Trách nhiệm Làm cơ quan thường trực của kế hoạch. Tổng hợp báo cáo trước ngày 20 tháng 12.",
            "Phòng Văn hóa - Thông tin Trách nhiệm Chủ trì tuyên truyền trên loa truyền thanh.",
            "Tin, bài của đơn vị",
        ],
    );
    assert!(html.contains(r#"<section class="agency" id="phong-ldtbxh""#));
    assert!(
        site.read("public/index.html")
            .contains(r#"href="/co-quan/""#)
    );
}

#[test]
fn footer_gives_the_organization_and_its_contacts() {
    let site = built();
    let html = site.read("public/gioi-thieu/index.html");
    let start = html.find("<footer").expect("a footer");
    let footer = text(&html[start..]);
    assert_has(
        &footer,
        &[
            "Phòng Văn hóa - Thông tin",
            "Trực thuộc Ủy ban nhân dân phường Thử Nghiệm",
            "Địa chỉ Số 1, phố Ví Dụ",
            "Điện thoại 0225.3000.111",
            "Thư điện tử atvsld@thu-nghiem.gov.vn",
            "Đường dây nóng tai nạn lao động 0225.3000.999",
        ],
    );
}

#[test]
fn not_found_page_offers_search_and_the_way_home() {
    let site = built();
    let html = site.read("public/404.html");
    assert_has(
        &main_text(&html),
        &["Không tìm thấy trang", "Tìm bài trên cổng thông tin"],
    );
    assert!(html.contains(r#"<form class="search-form search-form--large" action="/tim-kiem/" method="get" role="search">"#));
}

#[test]
fn every_page_has_the_accessibility_basics() {
    let site = built();
    for (path, html) in html_files(&site) {
        if html.contains("http-equiv=\"refresh\"") {
            continue; // alias redirects
        }
        assert!(html.starts_with("<!doctype html>"), "{path}: doctype");
        assert!(html.contains(r#"<html lang="vi">"#), "{path}: lang");
        assert_eq!(html.matches("<h1").count(), 1, "{path}: one h1");
        assert!(
            html.contains(r##"<a class="skip-link" href="#noi-dung">"##),
            "{path}: skip link"
        );
        assert_eq!(
            html.matches("<main id=\"noi-dung\"").count(),
            1,
            "{path}: one main"
        );
        for landmark in ["<header class=\"site-header\"", "<footer", "<nav"] {
            assert!(html.contains(landmark), "{path}: {landmark}");
        }
        assert!(
            html.contains(
                r#"<form class="search-form" action="/tim-kiem/" method="get" role="search">"#
            ),
            "{path}: search form in the header"
        );
        assert_eq!(
            html.nfc().collect::<String>(),
            html,
            "{path}: text is not NFC"
        );
        for img in html.split("<img").skip(1) {
            let tag = &img[..img.find('>').expect("closed tag")];
            assert!(tag.contains(" alt=\""), "{path}: an image without alt");
        }
    }
}

#[test]
fn pages_load_nothing_from_other_hosts() {
    let site = built();
    for (path, html) in html_files(&site) {
        for attr in ["src=\"", "<link rel=\"stylesheet\" href=\"", "<script"] {
            for rest in html.split(attr).skip(1) {
                let target = &rest[..rest.find('"').unwrap_or(rest.len())];
                assert!(
                    !target.starts_with("http") && !target.starts_with("//"),
                    "{path}: loads {target} from another host"
                );
            }
        }
    }
    let css = site.read("public/css/site.css");
    assert!(!css.contains("@import") && !css.contains("url(http") && !css.contains("@font-face"));
}

#[test]
fn stylesheet_prints_on_a4_without_navigation_and_shows_focus() {
    let site = built();
    let css = site.read("public/css/site.css");
    assert_has(
        &css,
        &[
            "@media print",
            "@page{size:A4",
            ".site-nav,",
            ":focus-visible",
            "#fd0",
        ],
    );
}

#[test]
fn a_site_without_agencies_gets_no_agencies_page_or_link() {
    let site = Site::fixture("theme/portal");
    let config = site.read("site.toml");
    let cut = config
        .find("[[agencies]]")
        .expect("agencies in the fixture");
    let wards = config.find("[[wards]]").expect("wards in the fixture");
    site.write(
        "site.toml",
        &format!("{}{}", &config[..cut], &config[wards..]),
    );
    for f in [
        "chien-dich/cong-trinh.md",
        "thang-hanh-dong/nam-2026.md",
        "tin-tuc/tin-1.md",
        "tin-tuc/tin-2.md",
        "tin-tuc/tin-3.md",
    ] {
        let p = format!("content/{f}");
        let t = site.read(&p);
        let t: String = t
            .lines()
            .filter(|l| !l.starts_with("agency:"))
            .map(|l| format!("{l}\n"))
            .collect();
        site.write(&p, &t);
    }
    site.build(TODAY);
    assert!(!site.exists("public/co-quan/index.html"));
    assert!(!site.read("public/index.html").contains("/co-quan/"));
}

#[test]
fn long_lists_link_the_ends_and_the_nearby_pages_only() {
    let site = Site::fixture("theme/portal");
    for i in 10..30 {
        site.write(
            &format!("content/tin-tuc/them-{i}.md"),
            &format!("---\ntitle: \"Tin thêm số {i}\"\ndate: 2026-03-{i:02}\n---\n\nNội dung.\n"),
        );
    }
    site.build(TODAY);
    // 24 news, two a page: 12 pages.
    let html = site.read("public/tin-tuc/trang/6/index.html");
    let start = html
        .find(r#"<ul class="pagination__list">"#)
        .expect("pagination");
    let end = start + html[start..].find("</ul>").expect("end of pagination");
    let pagination = &html[start..end];
    for i in [4, 5, 7, 8, 12] {
        assert!(
            pagination.contains(&format!(r#"href="/tin-tuc/trang/{i}/""#)),
            "links page {i}"
        );
    }
    assert!(pagination.contains(r#"href="/tin-tuc/""#), "links page 1");
    for i in [2, 3, 9, 10, 11] {
        assert!(
            !pagination.contains(&format!(r#"href="/tin-tuc/trang/{i}/""#)),
            "page {i} left out"
        );
    }
    assert_eq!(pagination.matches("pagination__gap").count(), 2);
}

/// Issue 22: Notepad saves "UTF-8 with BOM" and CRLF line ends; a template saved so is
/// the same template (a BOM before `{% extends %}` made it "not the first tag", E041).
#[test]
fn a_template_saved_by_notepad_with_a_bom_and_crlf_builds() {
    let site = Site::fixture("theme/portal");
    site.write(
        "themes/cong-thong-tin/templates/index.html",
        "\u{feff}{% extends \"base.html\" %}\r\n{% block content %}Trang chủ riêng\r\nhai dòng{% endblock content %}\r\n",
    );
    site.build(TODAY);
    let home = site.read("public/index.html");
    assert!(home.contains("Trang chủ riêng\nhai dòng"), "{home}");
    assert!(!home.contains('\u{feff}') && !home.contains('\r'));
}
