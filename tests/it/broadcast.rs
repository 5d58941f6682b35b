//! Loudspeaker bulletins over a fixture site: which items air on which date, ward and
//! slot, in what order, for how long; the .txt, .ssml and .ics outputs; `loa broadcast`
//! and `loa speak`.

use std::str::FromStr;

use crate::common::{Site, stderr};

const TODAY: &str = "2025-05-05";

fn built() -> (Site, String) {
    let site = Site::fixture("broadcast/basic");
    let out = site.build(TODAY);
    (site, stderr(&out))
}

/// The lines of a bulletin file.
fn lines(site: &Site, rel: &str) -> Vec<String> {
    site.read(rel).lines().map(str::to_owned).collect()
}

#[test]
fn items_air_in_their_window_wards_and_slots_emergency_first() {
    let (site, _) = built();
    let an_bien = lines(&site, "public/loa/2025-05-05/an-bien-sang.txt");
    assert_eq!(an_bien[0], "Đây là Đài Truyền thanh Phường An Biên.");
    assert_eq!(an_bien[1], loa::broadcast::ITEM_MARK);
    assert!(
        an_bien[2].starts_with("Thông báo khẩn cấp. Cảnh báo gió mạnh."),
        "{an_bien:?}"
    );
    let routine = an_bien
        .iter()
        .position(|l| l.contains("Lịch tiêm phòng"))
        .expect("the routine item airs");
    assert!(routine > 2, "emergency before routine");
    assert_eq!(an_bien.last().unwrap(), "Hết bản tin.");
    // Lam Sơn: the priority item first, then the routine one; no emergency there.
    let lam_son = site.read("public/loa/2025-05-05/lam-son-sang.txt");
    assert!(!lam_son.contains("gió mạnh"));
    let p = lam_son.find("Kiểm tra công trình").unwrap();
    let r = lam_son.find("Lịch tiêm phòng").unwrap();
    assert!(p < r, "priority before normal:\n{lam_son}");
    // The emergency opens the afternoon bulletin too, though it asked for mornings only.
    let chieu = lines(&site, "public/loa/2025-05-05/an-bien-chieu.txt");
    assert!(chieu[2].starts_with("Thông báo khẩn cấp."), "{chieu:?}");
    assert!(
        chieu
            .iter()
            .any(|l| l.contains("tập huấn an toàn, vệ sinh lao động"))
    );
    // After their windows, items are gone; with no item there is no bulletin.
    assert!(!site.exists("public/loa/2025-05-07/an-bien-chieu.txt"));
    assert!(!site.exists("public/loa/2025-05-11/an-bien-sang.txt"));
    assert!(
        site.read("public/loa/2025-05-11/lam-son-sang.txt")
            .contains("Kiểm tra công trình")
    );
    // Drafts never air.
    for (path, bytes) in site.snapshot("public/loa") {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("Không phát"),
            "{path}"
        );
    }
    // Only the next two weeks are written.
    assert!(site.exists("public/loa/2025-05-18/lam-son-sang.txt"));
    assert!(!site.exists("public/loa/2025-05-19"));
}

#[test]
fn scripts_are_spoken_text_with_no_digits_and_hand_written_text_replaces_the_body() {
    let (site, _) = built();
    let text = site.read("public/loa/2025-05-05/an-bien-sang.txt");
    assert!(
        text.contains(
            "bảy giờ ba mươi phút ngày mồng sáu tháng năm năm hai nghìn không trăm hai mươi lăm"
        ),
        "{text}"
    );
    assert!(text.contains("Gọi một một bốn"), "{text}");
    assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
    let chieu = site.read("public/loa/2025-05-05/an-bien-chieu.txt");
    assert!(chieu.contains("năm mươi người lao động"), "{chieu}");
    assert!(
        !chieu.contains("Bài viết dài"),
        "broadcast.text replaces the body"
    );
    assert!(
        chieu.contains("không hai hai năm, ba tám bốn hai, một hai ba"),
        "{chieu}"
    );
}

#[test]
fn durations_follow_the_syllable_count_and_overlong_bulletins_are_warned() {
    let (site, err) = built();
    let out = site.loa(&[
        "broadcast",
        "--today",
        TODAY,
        "--date",
        "2025-05-05",
        "--ward",
        "an-bien",
        "--slot",
        "sang",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = String::from_utf8(out.stdout).unwrap();
    let file = site.read("public/loa/2025-05-05/an-bien-sang.txt");
    // The syllables at 60 a minute, plus the SSML's pauses: 1.5 s before each of the
    // two items and before the closing, 0.7 s between the paragraphs of an item (the
    // emergency has two, the routine item two).
    let syllables = loa::speech::count_syllables(&file);
    let seconds = (syllables * 1000 + 3 * 1500 + 2 * 700).div_ceil(1000);
    let label = loa::broadcast::minutes_label(seconds as u32);
    assert!(
        printed.starts_with(&format!("# 2025-05-05 — an-bien — sang ({label})")),
        "{printed}"
    );
    assert!(
        printed.contains(&file),
        "the printed bulletin is the file's text"
    );
    // At 60 syllables a minute, the one-minute afternoon slot cannot hold the emergency and the training notice.
    assert!(err.contains("warning[W052]"), "{err}");
    assert!(
        err.contains("lasts") && err.contains("\"Tập huấn ATVSLĐ\""),
        "{err}"
    );
}

#[test]
fn tables_and_unknown_abbreviations_are_warned_with_their_line() {
    let (_, err) = built();
    assert!(
        err.contains("content/loa/thuong.md:8:1: warning[W050]"),
        "{err}"
    );
    assert!(
        err.contains("content/loa/khan.md:11:1: warning[W051]: TNLX"),
        "{err}"
    );
}

#[test]
fn ssml_parses_as_xml_in_the_ssml_namespace() {
    let (site, _) = built();
    let ssml = site.read("public/loa/2025-05-05/an-bien-sang.ssml");
    let doc = roxmltree::Document::parse(&ssml).expect("well-formed SSML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "speak");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2001/10/synthesis")
    );
    assert_eq!(
        root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
        Some("vi-VN")
    );
    assert!(root.descendants().any(|n| n.has_tag_name("break")));
    // The site reads 60 syllables a minute: a third of the 180 that 100% stands for.
    let prosody = root
        .children()
        .find(|n| n.has_tag_name("prosody"))
        .expect("the bulletin sits in <prosody>");
    assert_eq!(prosody.attribute("rate"), Some("34%"));
    let sentences = root.descendants().filter(|n| n.has_tag_name("s")).count();
    assert!(sentences >= 4, "{ssml}");
}

#[test]
fn the_calendar_is_valid_icalendar_with_one_event_per_bulletin() {
    let (site, _) = built();
    let ics = site.read("public/loa/lich-phat-thanh.ics");
    let cal = icalendar::Calendar::from_str(&ics).expect("a real iCalendar parser accepts it");
    let bulletins = site
        .snapshot("public/loa")
        .iter()
        .filter(|(p, _)| p.ends_with(".txt"))
        .count();
    assert_eq!(cal.components.len(), bulletins);
    assert!(
        ics.contains("DTSTART:20250504T230000Z"),
        "06:00 in Vietnam is 23:00 UTC the day before"
    );
}

#[test]
fn the_schedule_page_lists_bulletins_with_durations() {
    let (site, _) = built();
    let page = site.read("public/loa/lich-phat-thanh/index.html");
    assert!(page.contains("Phường An Biên"));
    assert!(page.contains("/loa/2025-05-05/an-bien-sang.txt"));
    assert!(
        page.contains("phút") || page.contains("giây"),
        "a duration is shown"
    );
}

#[test]
fn speak_prints_the_spoken_form_with_no_digit_or_abbreviation_left() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
        .args([
            "speak",
            "Ngày 19/3/2024, Ban Bí thư ban hành Chỉ thị số 31-CT/TW về ATVSLĐ.",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.trim(),
        "Ngày mười chín tháng ba năm hai nghìn không trăm hai mươi tư, Ban Bí thư ban hành Chỉ thị số ba mươi mốt về an toàn, vệ sinh lao động."
    );
}

#[test]
fn speak_reads_standard_input_line_by_line_with_the_sites_glossary() {
    use std::io::Write;
    let site = Site::fixture("broadcast/basic");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["speak", "--root"])
        .arg(site.root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Quyết định XPHC\nGọi 113\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, "Quyết định xử phạt hành chính\nGọi một một ba\n");
}

/// Issue 17: a bulletin as an announcer reads it. One opening and one closing (the
/// items' own greetings and thanks are left out and warned), "khẩn" said once, no
/// sentence pointing at a link, an event no longer aired once it is over, a marker
/// between items, a warning for a sentence longer than one breath.
#[test]
fn bulletins_read_as_an_announcer_reads_them() {
    let site = Site::fixture("broadcast/composition");
    let err = stderr(&site.build("2025-05-05"));
    let morning = site.read("public/loa/2025-05-06/an-bien-sang.txt");
    let lines: Vec<&str> = morning.lines().collect();
    assert_eq!(
        lines[0],
        "Đây là Đài Truyền thanh Phường An Biên. Xin kính chào bà con."
    );
    assert_eq!(
        lines[2], "Thông báo khẩn cấp. Gió mạnh, tạm dừng làm việc trên cao.",
        "{morning}"
    );
    assert_eq!(morning.matches("khẩn").count(), 1, "{morning}");
    let marks = lines
        .iter()
        .filter(|l| **l == loa::broadcast::ITEM_MARK)
        .count();
    assert_eq!(
        marks, 4,
        "one mark after the opening and after each of three items:\n{morning}"
    );
    assert!(!morning.contains("Kính thưa"), "{morning}");
    assert_eq!(morning.matches("ảm ơn bà con").count(), 1, "{morning}");
    assert!(
        morning.contains("Phòng Văn hóa, Thông tin quận nhắc bà con"),
        "{morning}"
    );
    assert!(
        morning.contains("Trạm y tế phường khám sức khỏe miễn phí."),
        "{morning}"
    );
    assert!(!morning.contains("Xem thêm"), "{morning}");
    assert!(
        morning.contains("Bà con mang theo thẻ bảo hiểm y tế."),
        "{morning}"
    );
    // The clinic ends at 11:00 on 6 May: the afternoon bulletin that day leaves it out.
    let afternoon = site.read("public/loa/2025-05-06/an-bien-chieu.txt");
    assert!(!afternoon.contains("Khám sức khỏe"), "{afternoon}");
    assert!(
        site.read("public/loa/2025-05-05/an-bien-chieu.txt")
            .contains("Khám sức khỏe")
    );
    // The warnings name the file and line.
    for expected in [
        "content/loa/kham.md:6:1: warning[W055]: \"Kính thưa bà con!\"",
        "content/loa/kham.md:13:1: warning[W055]: \"Xin cảm ơn bà con.\"",
        "content/loa/dai.md:9:1: warning[W055]: \"Kính thưa bà con,\"",
        "content/loa/dai.md:10:1: warning[W056]: a sentence of",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

/// Issue 17, on the demo site's own bulletins (printed, nothing written): the
/// emergency says khẩn once, the gas item's greeting and thanks are gone, and the
/// clinic of Saturday 5 December is not announced in that afternoon's bulletin.
#[test]
fn demo_bulletins_have_one_opening_one_closing_and_no_past_event() {
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bulletin = |date: &str, ward: &str, slot: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_loa"))
            .args(["broadcast", "--today", date, "--date", date, "--ward", ward])
            .args(["--slot", slot, "--root"])
            .arg(demo)
            .output()
            .expect("run loa");
        assert!(out.status.success(), "{}", stderr(&out));
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let cold = bulletin("2026-11-28", "dong-hai", "chieu");
    assert!(
        cold.contains("Thông báo khẩn cấp. Không khí lạnh"),
        "{cold}"
    );
    assert_eq!(cold.matches("hẩn").count(), 1, "{cold}");
    assert!(!cold.contains("Kính thưa"), "{cold}");
    assert_eq!(cold.matches("ảm ơn bà con").count(), 1, "{cold}");
    assert!(cold.contains(loa::broadcast::ITEM_MARK), "{cold}");
    let morning = bulletin("2026-12-05", "dong-hai", "sang");
    assert!(morning.contains("Khám, tư vấn sức khỏe"), "{morning}");
    let afternoon = bulletin("2026-12-05", "dong-hai", "chieu");
    assert!(!afternoon.contains("Khám, tư vấn sức khỏe"), "{afternoon}");
}
