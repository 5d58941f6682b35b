//! Statistics: the yearly targets and verdicts, the SVG charts drawn from known data,
//! the page at /thong-ke/, and the errors a wrong data file gives. The fixture's figures
//! (tests/fixtures/report/site/content/data/thong-ke/tai-nan.yaml):
//!
//! | year | deaths (−4 %/yr from 2020) | examined (+5 %/yr from 2020) |
//! | ---- | -------------------------- | ---------------------------- |
//! | 2020 | 10 (base)                  | 100 (base)                   |
//! | 2021 | 10 > 9.6: not met          | 105 = 105: met               |
//! | 2022 | 9 ≤ 9.216: met             | 109 < 110.25: not met        |
//! | 2023 | 8 ≤ 8.8474: met            | 116 ≥ 115.7625: met          |
//! | 2024 | 9 > 8.4935: not met        | no figure                    |

use crate::common::{Site, stderr};
use loa::stats::{self, Dataset, Indicator, Verdict, chart};

const TODAY: &str = "2026-01-10";

fn fixture() -> Site {
    Site::fixture("report/site")
}

fn dataset(site: &Site) -> Dataset {
    let loaded = loa::content::load(&loa::content::LoadOptions {
        root: site.root().to_path_buf(),
        drafts: false,
        today: loa::date::Date::parse(TODAY).unwrap(),
        lang: loa::error::Lang::En,
        base_url: None,
    })
    .expect("the fixture loads");
    let mut all = stats::load(&loaded).expect("the fixture's data is valid");
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn indicator(d: &Dataset, measure: &str) -> Indicator {
    d.indicators()
        .into_iter()
        .find(|i| i.measure.id == measure)
        .unwrap_or_else(|| panic!("no indicator {measure}"))
}

fn svg_of(ind: &Indicator) -> String {
    chart::svg(&chart::Chart {
        id: "bd",
        title: &ind.measure.name,
        desc: "mô tả",
        points: &ind.points,
    })
}

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed SVG: {e}\n{svg}"))
}

fn with_class<'a>(doc: &'a roxmltree::Document, class: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|x| x == class))
        })
        .collect()
}

#[test]
fn verdicts_are_computed_from_the_figures() {
    let site = fixture();
    let d = dataset(&site);
    let verdicts = |m: &str| -> Vec<(i32, Option<Verdict>)> {
        indicator(&d, m)
            .points
            .iter()
            .map(|p| (p.year, p.verdict))
            .collect()
    };
    use Verdict::*;
    assert_eq!(
        verdicts("deaths"),
        [
            (2020, None),
            (2021, Some(NotMet)),
            (2022, Some(Met)),
            (2023, Some(Met)),
            (2024, Some(NotMet)),
        ]
    );
    assert_eq!(
        verdicts("examined"),
        [
            (2020, None),
            (2021, Some(Met)),
            (2022, Some(NotMet)),
            (2023, Some(Met)),
            (2024, None),
        ]
    );
    // A measure without a target is only a column of the tables.
    assert!(d.indicators().iter().all(|i| i.measure.id != "cases"));
}

#[test]
fn chart_draws_one_bar_per_year_with_a_figure() {
    let site = fixture();
    let d = dataset(&site);
    for (measure, years) in [
        ("deaths", vec!["2020", "2021", "2022", "2023", "2024"]),
        ("examined", vec!["2020", "2021", "2022", "2023"]),
    ] {
        let svg = svg_of(&indicator(&d, measure));
        let doc = parse(&svg);
        let bars = with_class(&doc, "bar");
        let drawn: Vec<&str> = bars
            .iter()
            .filter_map(|b| b.attribute("data-year"))
            .collect();
        assert_eq!(drawn, years, "{measure}");
        let heights: Vec<f64> = bars
            .iter()
            .map(|b| b.attribute("height").unwrap().parse().unwrap())
            .collect();
        if measure == "deaths" {
            // 10, 10, 9, 8, 9: equal figures, equal bars; smaller figures, shorter bars.
            assert_eq!(heights[0], heights[1]);
            assert!(heights[3] < heights[2] && heights[2] < heights[1]);
            assert_eq!(heights[2], heights[4]);
        }
    }
}

#[test]
fn target_line_starts_at_the_base_figure_and_compounds_each_year() {
    let site = fixture();
    let d = dataset(&site);
    for (measure, expected) in [
        ("deaths", ["10", "9.6", "9.216", "8.8474", "8.4935"]),
        ("examined", ["100", "105", "110.25", "115.7625", "121.5506"]),
    ] {
        let svg = svg_of(&indicator(&d, measure));
        let doc = parse(&svg);
        let markers = with_class(&doc, "target-point");
        let values: Vec<&str> = markers
            .iter()
            .filter_map(|m| m.attribute("data-value"))
            .collect();
        assert_eq!(values, expected, "{measure}");
        let line = with_class(&doc, "target-line");
        assert_eq!(line.len(), 1);
        let ys: Vec<f64> = line[0]
            .attribute("points")
            .unwrap()
            .split(' ')
            .map(|p| p.split(',').nth(1).unwrap().parse().unwrap())
            .collect();
        assert_eq!(
            ys.len(),
            5,
            "{measure}: one vertex per year from the base year"
        );
        // SVG y grows downwards: a falling target climbs down the page.
        let falling = measure == "deaths";
        assert!(
            ys.windows(2)
                .all(|w| if falling { w[1] > w[0] } else { w[1] < w[0] }),
            "{measure}: {ys:?}"
        );
        // The line is told apart by its dashes and diamonds, not by colour alone.
        assert!(line[0].attribute("stroke-dasharray").is_some());
        assert_eq!(markers.len(), 5);
    }
}

#[test]
fn each_judged_year_gets_a_check_or_a_cross() {
    let site = fixture();
    let d = dataset(&site);
    let svg = svg_of(&indicator(&d, "deaths"));
    let doc = parse(&svg);
    assert_eq!(with_class(&doc, "mark--met").len(), 2);
    assert_eq!(with_class(&doc, "mark--not-met").len(), 2);
    assert_eq!(with_class(&doc, "bar--met").len(), 2);
    assert_eq!(with_class(&doc, "bar--not-met").len(), 2);
}

#[test]
fn chart_is_an_accessible_image_that_scales() {
    let site = fixture();
    let d = dataset(&site);
    let svg = svg_of(&indicator(&d, "deaths"));
    let doc = parse(&svg);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("aria-labelledby"), Some("bd-title bd-desc"));
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .expect("a <title>");
    assert_eq!(title.attribute("id"), Some("bd-title"));
    assert_eq!(title.text(), Some("Số người chết"));
    let desc = root
        .children()
        .find(|n| n.has_tag_name("desc"))
        .expect("a <desc>");
    assert_eq!(desc.attribute("id"), Some("bd-desc"));
    assert!(root.attribute("viewBox").is_some());
    assert_eq!(root.attribute("width"), Some("100%"));
    assert!(
        root.attribute("height").is_none(),
        "the height follows the width"
    );
    assert!(!svg.contains("<script"));
}

#[test]
fn statistics_page_shows_each_chart_beside_its_table() {
    let site = fixture();
    site.build(TODAY);
    let html = site.read("public/thong-ke/index.html");
    assert_eq!(
        html.matches("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"")
            .count(),
        2
    );
    assert!(
        html.contains("Số liệu minh họa"),
        "the page says the figures are illustrative"
    );
    assert!(
        html.contains("Số liệu minh họa cho kiểm thử."),
        "and shows the source"
    );
    // The description says every figure, target and verdict.
    assert!(
        html.contains("2021: 10, mục tiêu 9,6, chưa đạt. 2022: 9, mục tiêu 9,22, đạt."),
        "{html}"
    );
    assert!(html.contains("Đạt mục tiêu <strong>2 trên 4 năm</strong>"));
    assert!(html.contains(
        "<caption id=\"tai-nan-deaths-bang\">Số người chết (người) so với mục tiêu</caption>"
    ));
    assert!(html.contains("<th scope=\"row\">2021</th><td class=\"num\">10</td><td class=\"num\">9,6</td><td><span class=\"verdict verdict--not-met\">Chưa đạt</span></td>"));
    assert!(html.contains("<th scope=\"row\">2024</th><td class=\"num\">—</td><td class=\"num\">121,55</td><td>Chưa có số liệu</td>"));
    assert!(html.contains("<th scope=\"row\">2020</th><td class=\"num\">10</td><td class=\"num\">—</td><td>Năm gốc</td>"));
    // Figures by sector and by ward (named from site.toml).
    assert!(html.contains("Tai nạn lao động theo lĩnh vực năm 2024"));
    assert!(html.contains("<th scope=\"row\">Phường Lam Sơn</th><td class=\"num\">5</td>"));
    assert!(!html.contains("<script"), "no JavaScript on the page");
    let home = site.read("public/index.html");
    assert!(!home.contains("class=\"chart\""));
}

#[test]
fn no_statistics_page_without_datasets() {
    let site = fixture();
    site.remove("content/data/thong-ke/tai-nan.yaml");
    site.build(TODAY);
    assert!(!site.exists("public/thong-ke/index.html"));
}

fn build_fails_with(site: &Site, expected: &[&str]) {
    let out = site.loa(&["build", "--today", TODAY]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for e in expected {
        assert!(err.contains(e), "expected {e:?} in:\n{err}");
    }
    assert!(!site.exists("public/index.html"), "nothing is written");
}

#[test]
fn a_misspelt_measure_is_an_error_at_its_line() {
    let site = fixture();
    let path = "content/data/thong-ke/tai-nan.yaml";
    let text = site
        .read(path)
        .replace("{year: 2023, deaths: 8", "{year: 2023, deths: 8");
    site.write(path, &text);
    let line = text.lines().position(|l| l.contains("deths")).unwrap() + 1;
    build_fails_with(
        &site,
        &[
            &format!("{path}:{line}:"),
            "\"deths\" is not a measure of this file (did you mean \"deaths\"?)",
        ],
    );
}

#[test]
fn a_target_needs_its_base_year_figure() {
    let site = fixture();
    let path = "content/data/thong-ke/tai-nan.yaml";
    let text = site.read(path).replace(
        "base_year: 2020, percent_per_year: 5",
        "base_year: 2019, percent_per_year: 5",
    );
    site.write(path, &text);
    build_fails_with(
        &site,
        &["starts from 2019, but years has no examined figure for 2019"],
    );
}

#[test]
fn a_ward_must_be_declared_in_site_toml() {
    let site = fixture();
    let path = "content/data/thong-ke/tai-nan.yaml";
    let text = site.read(path).replace("ward: lam-son", "ward: lam-sn");
    site.write(path, &text);
    build_fails_with(
        &site,
        &["\"lam-sn\" is not a ward declared in site.toml (did you mean \"lam-son\"?)"],
    );
}

#[test]
fn an_unknown_key_in_a_data_file_is_an_error() {
    let site = fixture();
    let path = "content/data/thong-ke/tai-nan.yaml";
    let text = site
        .read(path)
        .replace("illustrative: true", "ilustrative: true");
    site.write(path, &text);
    build_fails_with(
        &site,
        &[&format!("{path}:3:"), "unknown field \"ilustrative\""],
    );
}
