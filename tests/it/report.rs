//! `loa report --year Y` on a fixture whose counts are known
//! (tests/fixtures/report/site). For 2025, built on 2026-01-10:
//!
//! - items dated 2025 and published: n1 n2 n3 n7 (news), c2 c3 (campaign), nam-2025
//!   (action month), b1 b2 (broadcast), m1 (model), v1 (violation) = 11. Left out: n4
//!   (2024), n5 (draft), n6 (embargoed until 2026-02-01), c1 and nam-2024 (dated 2024),
//!   gioi-thieu (no date).
//! - campaigns that ran in 2025: c1 (2024-12-15 – 2025-01-31, 31 days in 2025) and c2
//!   (123 days); c3 runs in 2026.
//! - action month events in 2025: 3 (2 of them by 2025-06-15).
//! - bulletins: b1 airs 2025-03-01..03 in An Biên, morning only (3); b2 airs from
//!   2025-12-30 in Lam Sơn, morning and evening (4 in 2025).

use std::cell::RefCell;

use crate::common::{Site, stderr};
use loa::date::Date;
use loa::report::{self, Aired, Bulletins};

const TODAY: &str = "2026-01-10";

fn fixture() -> Site {
    Site::fixture("report/site")
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn run_report(site: &Site, year: &str, today: &str) -> std::process::Output {
    let out = site.loa(&["report", "--year", year, "--today", today]);
    assert!(out.status.success(), "report failed:\n{}", stderr(&out));
    out
}

/// A CSV as text: BOM checked and removed, CRLF checked and turned into LF.
fn csv(site: &Site, name: &str) -> String {
    let bytes = std::fs::read(site.path(&format!("public/bao-cao/2025/{name}.csv")))
        .unwrap_or_else(|e| panic!("{name}.csv: {e}"));
    let text = String::from_utf8(bytes).expect("UTF-8");
    let body = text
        .strip_prefix('\u{feff}')
        .expect("starts with a BOM for Excel");
    assert!(
        body.split("\r\n").all(|l| !l.contains('\n')),
        "{name}.csv: lines end with CRLF"
    );
    body.replace("\r\n", "\n")
}

fn load(site: &Site, today: &str) -> loa::content::Site {
    loa::content::load(&loa::content::LoadOptions {
        root: site.root().to_path_buf(),
        drafts: false,
        today: Date::parse(today).unwrap(),
        lang: loa::error::Lang::En,
        base_url: None,
    })
    .expect("the fixture loads")
}

#[test]
fn counts_items_by_kind_agency_ward_sector_and_audience() {
    let site = fixture();
    run_report(&site, "2025", TODAY);
    assert_eq!(
        csv(&site, "theo-loai"),
        "\"Loại tin, bài\",\"Số tin, bài\"\nTrang,0\nTin tức,4\nChiến dịch,2\nTháng hành động,1\nGương điển hình,1\nVăn bản,0\nThông báo phát thanh,2\nXử lý vi phạm,1\nTổng cộng,11\n"
    );
    assert_eq!(
        csv(&site, "theo-co-quan"),
        "\"Cơ quan, đơn vị\",\"Số tin, bài\"\nPhòng Văn hóa - Thông tin,4\nPhòng Lao động - Thương binh và Xã hội,4\nTrung tâm Y tế,0\nKhông ghi cơ quan,3\nTổng cộng,11\n"
    );
    assert_eq!(
        csv(&site, "theo-phuong"),
        "Phường,\"Số tin, bài\"\nPhường An Biên,2\nPhường Lam Sơn,3\nPhường Cát Dài,2\nChung toàn địa bàn (không gắn phường),5\n"
    );
    // "xây dựng" and "Xây dựng" are one sector, named as most items write it.
    assert_eq!(
        csv(&site, "theo-linh-vuc"),
        "Lĩnh vực,\"Số tin, bài\"\ncơ khí,3\nxây dựng,3\nhóa chất,1\nKhông ghi lĩnh vực,6\n"
    );
    assert_eq!(
        csv(&site, "theo-doi-tuong"),
        "Đối tượng,\"Số tin, bài\"\nngười lao động,3\ndoanh nghiệp,1\nhọc sinh,1\nKhông ghi đối tượng,7\n"
    );
}

#[test]
fn lists_campaigns_that_ran_and_events_held_in_the_year() {
    let site = fixture();
    run_report(&site, "2025", TODAY);
    assert_eq!(
        csv(&site, "chien-dich"),
        "Chiến dịch,Bắt đầu,Kết thúc,Số ngày trong năm,Kênh,Cơ quan chủ trì\n\
         Chiến dịch mùa khô,2024-12-15,2025-01-31,31,\"Cổng thông tin điện tử, Loa truyền thanh cơ sở\",Phòng Văn hóa - Thông tin\n\
         An toàn điện mùa hè,2025-05-01,2025-08-31,123,Cổng thông tin điện tử,Phòng Lao động - Thương binh và Xã hội\n"
    );
    assert_eq!(
        csv(&site, "su-kien-thang-hanh-dong"),
        "Ngày,Giờ,Sự kiện,Địa điểm,Đơn vị tổ chức,Phường,Tháng hành động\n\
         2025-05-02,07:30,Lễ phát động,Nhà văn hóa phường An Biên,Phòng Văn hóa - Thông tin,Phường An Biên,Tháng hành động năm 2025\n\
         2025-05-15,,\"Tập huấn sơ cấp cứu, băng bó\",Trung tâm Y tế,Trung tâm Y tế,,Tháng hành động năm 2025\n\
         2025-07-20,,Hội thi an toàn vệ sinh viên,,,Phường Lam Sơn,Tháng hành động năm 2025\n"
    );
}

#[test]
fn counts_bulletins_aired_per_ward_with_their_minutes() {
    let site = fixture();
    run_report(&site, "2025", TODAY);
    let text = csv(&site, "phat-thanh-theo-phuong");
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(
        rows[0],
        [
            "Phường",
            "Số bản tin",
            "Thời lượng (phút)",
            "Thời lượng (giây)"
        ]
    );
    let names_and_counts: Vec<(&str, &str)> = rows[1..].iter().map(|r| (r[0], r[1])).collect();
    assert_eq!(
        names_and_counts,
        [
            ("Phường An Biên", "3"),
            ("Phường Lam Sơn", "4"),
            ("Phường Cát Dài", "0"),
            ("Tổng cộng", "7"),
        ]
    );
    // Durations come from the bulletins' syllable counts; the total adds up the wards.
    let seconds: Vec<u64> = rows[1..].iter().map(|r| r[3].parse().unwrap()).collect();
    assert!(seconds[0] > 0 && seconds[1] > 0 && seconds[2] == 0);
    assert_eq!(seconds[0] + seconds[1] + seconds[2], seconds[3]);
    assert_eq!(rows[4][2], ((seconds[3] + 30) / 60).to_string());
}

/// Bulletins as a test says they aired, recording what the report asked for.
struct Fake {
    aired: Vec<Aired>,
    asked: RefCell<Vec<(Date, Date)>>,
}

impl Bulletins for Fake {
    fn aired(&self, _: &loa::content::Site, from: Date, to: Date) -> Vec<Aired> {
        self.asked.borrow_mut().push((from, to));
        self.aired.clone()
    }
}

fn aired(date: &str, ward: &str, slot: &str, seconds: u32) -> Aired {
    Aired {
        date: Date::parse(date).unwrap(),
        ward: ward.to_owned(),
        slot: slot.to_owned(),
        seconds,
    }
}

#[test]
fn broadcast_minutes_add_up_per_ward_from_any_bulletin_source() {
    let site = fixture();
    let loaded = load(&site, TODAY);
    let fake = Fake {
        aired: vec![
            aired("2025-02-01", "an-bien", "sang", 300),
            aired("2025-02-01", "an-bien", "chieu", 450),
            aired("2025-02-02", "cat-dai", "sang", 90),
            aired("2025-02-02", "old-ward", "sang", 60),
        ],
        asked: RefCell::new(Vec::new()),
    };
    let r = report::compile(&loaded, 2025, Some(&fake)).unwrap();
    assert_eq!(
        *fake.asked.borrow(),
        [(
            Date::parse("2025-01-01").unwrap(),
            Date::parse("2025-12-31").unwrap()
        )]
    );
    assert_eq!(r.bulletins, Some(4));
    assert_eq!(r.broadcast_seconds, Some(900));
    assert_eq!(r.broadcast_minutes.as_deref(), Some("15"));
    let t = r.table("phat-thanh-theo-phuong").unwrap();
    let row = |name: &str| -> Vec<String> {
        (1..4).map(|c| t.get(name, c).unwrap().to_owned()).collect()
    };
    assert_eq!(row("Phường An Biên"), ["2", "13", "750"]);
    assert_eq!(row("Phường Lam Sơn"), ["0", "0", "0"]);
    assert_eq!(row("Phường Cát Dài"), ["1", "2", "90"]);
    // A ward that site.toml no longer declares still counts, under its slug.
    assert_eq!(row("old-ward"), ["1", "1", "60"]);
    assert_eq!(row("Tổng cộng"), ["4", "15", "900"]);
    // The HTML shows minutes with a decimal comma.
    let cells: Vec<&str> = t.rows[0].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(cells, ["Phường An Biên", "2", "12,5", "750"]);
}

#[test]
fn without_a_bulletin_source_the_report_says_so() {
    let site = fixture();
    let loaded = load(&site, TODAY);
    let r = report::compile(&loaded, 2025, None).unwrap();
    assert!(r.table("phat-thanh-theo-phuong").is_none());
    assert_eq!(r.tables.len(), 7);
    assert!(
        r.summary()
            .iter()
            .any(|l| l.contains("Chưa tính được bản tin phát thanh"))
    );
}

#[test]
fn a_year_not_over_counts_events_and_bulletins_up_to_the_build_date() {
    let site = fixture();
    let out = run_report(&site, "2025", "2025-06-15");
    let summary = stdout(&out);
    assert!(
        summary.contains("năm 2025 (tính đến ngày 15/6/2025)"),
        "{summary}"
    );
    assert!(summary.contains("2 sự kiện Tháng hành động"), "{summary}");
    assert!(summary.contains("3 bản tin phát thanh"), "{summary}");
    let events = csv(&site, "su-kien-thang-hanh-dong");
    assert_eq!(events.lines().count(), 3, "{events}");
    assert!(!events.contains("Hội thi"));
    let html = site.read("public/bao-cao/2025/index.html");
    assert!(html.contains("Số liệu từ 1/1/2025 đến 15/6/2025 (năm 2025 chưa kết thúc)"));
}

#[test]
fn prints_a_short_summary_on_stdout() {
    let site = fixture();
    let out = run_report(&site, "2025", TODAY);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Báo cáo công tác thông tin, tuyên truyền năm 2025:"
    );
    assert_eq!(
        lines[1],
        "  11 tin, bài đã đăng; 2 chiến dịch; 3 sự kiện Tháng hành động."
    );
    assert!(
        lines[2].starts_with("  7 bản tin phát thanh, tổng "),
        "{text}"
    );
    assert!(
        stderr(&out).contains("bao-cao"),
        "where the report went is said on stderr"
    );
}

#[test]
fn html_report_is_printable_with_accessible_tables() {
    let site = fixture();
    run_report(&site, "2025", TODAY);
    let html = site.read("public/bao-cao/2025/index.html");
    assert!(html.contains("<html lang=\"vi\">"));
    assert!(html.contains("@media print"));
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("/css/site.css"),
        "standalone: it opens from a folder or a mail"
    );
    assert_eq!(html.matches("<caption").count(), 8);
    for id in [
        "theo-loai",
        "theo-co-quan",
        "theo-phuong",
        "theo-linh-vuc",
        "theo-doi-tuong",
        "chien-dich",
        "su-kien-thang-hanh-dong",
        "phat-thanh-theo-phuong",
    ] {
        assert!(html.contains(&format!("<a href=\"{id}.csv\">")), "{id}");
        assert!(
            site.exists(&format!("public/bao-cao/2025/{id}.csv")),
            "{id}"
        );
    }
    assert!(html.contains("<th scope=\"col\" class=\"num\">Số tin, bài</th>"));
    assert!(html.contains("<th scope=\"row\">Tin tức</th><td class=\"num\">4</td>"));
    assert!(html.contains("<th scope=\"row\">Chiến dịch mùa khô</th><td>15/12/2024</td><td>31/1/2025</td><td class=\"num\">31</td>"));
    assert!(html.contains("Tin, bài đã đăng trên Cổng thử nghiệm báo cáo: <strong>11</strong>"));
}

#[test]
fn writes_only_its_own_folder_and_replaces_an_earlier_report() {
    let site = fixture();
    site.build(TODAY);
    let before = site.snapshot("public");
    run_report(&site, "2025", TODAY);
    site.write("public/bao-cao/2025/cu.txt", "an earlier report's file");
    run_report(&site, "2025", TODAY);
    assert!(
        !site.exists("public/bao-cao/2025/cu.txt"),
        "the new report replaces the old one"
    );
    let after: Vec<(String, Vec<u8>)> = site
        .snapshot("public")
        .into_iter()
        .filter(|(p, _)| !p.starts_with("bao-cao"))
        .collect();
    crate::common::assert_same_tree(&before, &after, "the portal around the report");
    let entries: Vec<String> = std::fs::read_dir(site.path("public/bao-cao"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries, ["2025"], "no temporary folder is left behind");
}

#[test]
fn a_year_that_has_not_started_is_a_usage_error() {
    let site = fixture();
    let out = site.loa(&["report", "--year", "2027", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--year 2027 has not started"));
    assert!(!site.exists("public"));
}
