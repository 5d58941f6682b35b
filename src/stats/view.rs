//! What the statistics page's template sees: every figure already written the
//! Vietnamese way, each chart already drawn, each verdict already in words, so the
//! template only lays them out.

use std::collections::BTreeSet;

use serde::Serialize;

use super::chart::{self, Chart, number_vi};
use super::{Dataset, Indicator, Row, Verdict};
use crate::content::Site;
use crate::error::Result;

#[derive(Debug, Serialize)]
pub struct PageView {
    pub datasets: Vec<DatasetView>,
    /// Some figures are illustrative; the page says so at the top.
    pub illustrative: bool,
    /// Every indicator of every dataset, for the page's overview.
    pub indicator_count: usize,
    /// The key to the charts' colours and marks.
    pub legend: Vec<chart::LegendItem>,
}

#[derive(Debug, Serialize)]
pub struct DatasetView {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub illustrative: bool,
    pub source: Option<String>,
    /// Column headers of the yearly table: each measure with its unit.
    pub columns: Vec<String>,
    pub rows: Vec<TableRow>,
    pub indicators: Vec<IndicatorView>,
    /// Figures by sector, then by ward, one table per year.
    pub breakdowns: Vec<Breakdown>,
}

/// A table row: its header cell and the figures ("—" when unknown).
#[derive(Debug, Serialize)]
pub struct TableRow {
    pub name: String,
    pub cells: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct IndicatorView {
    /// Unique in the page: `<dataset>-<measure>`.
    pub id: String,
    pub title: String,
    pub unit: Option<String>,
    /// "giảm bình quân 4%/năm so với năm 2020".
    pub target: String,
    pub basis: Option<String>,
    /// The chart, to be inserted as it is (`| safe`).
    pub svg: String,
    /// What the chart shows, in words (also the SVG's `<desc>`).
    pub desc: String,
    pub points: Vec<PointView>,
    /// Years judged and years that met the target.
    pub judged: usize,
    pub met: usize,
}

#[derive(Debug, Serialize)]
pub struct PointView {
    pub year: i32,
    pub value: String,
    pub target: String,
    /// `met`, `not-met`, or none.
    pub verdict: Option<Verdict>,
    /// "Đạt", "Chưa đạt", "Năm gốc", "Chưa có số liệu" or "—".
    pub verdict_label: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Breakdown {
    pub id: String,
    pub caption: String,
    /// "Lĩnh vực" or "Phường".
    pub by: &'static str,
    pub rows: Vec<TableRow>,
}

/// The statistics page's view, from the site's datasets.
pub fn page(site: &Site) -> Result<PageView> {
    let datasets: Vec<DatasetView> = super::load(site)?
        .iter()
        .map(|d| dataset_view(d, site))
        .collect();
    Ok(PageView {
        illustrative: datasets.iter().any(|d| d.illustrative),
        indicator_count: datasets.iter().map(|d| d.indicators.len()).sum(),
        legend: chart::legend(),
        datasets,
    })
}

fn heading(name: &str, unit: Option<&str>) -> String {
    match unit {
        Some(u) => format!("{name} ({u})"),
        None => name.to_owned(),
    }
}

fn cells(values: &[Option<f64>]) -> Vec<String> {
    values
        .iter()
        .map(|v| v.map_or_else(|| "—".to_owned(), |v| number_vi(v, 2)))
        .collect()
}

fn dataset_view(d: &Dataset, site: &Site) -> DatasetView {
    DatasetView {
        id: d.id.clone(),
        title: d.title.clone(),
        description: d.description.clone(),
        illustrative: d.illustrative,
        source: d.source.clone(),
        columns: d
            .measures
            .iter()
            .map(|m| heading(&m.name, m.unit.as_deref()))
            .collect(),
        rows: d
            .years
            .iter()
            .map(|r| TableRow {
                name: r.year.to_string(),
                cells: cells(&r.values),
            })
            .collect(),
        indicators: d
            .indicators()
            .iter()
            .map(|i| indicator_view(d, i))
            .collect(),
        breakdowns: breakdowns(d, site),
    }
}

fn indicator_view(d: &Dataset, ind: &Indicator) -> IndicatorView {
    let id = format!("{}-{}", d.id, ind.measure.id);
    let title = ind.measure.name.clone();
    let target = ind.target.describe_vi();
    let desc = describe(ind, &target);
    let svg = chart::svg(&Chart {
        id: &format!("bieu-do-{id}"),
        title: &title,
        desc: &desc,
        points: &ind.points,
    });
    let base = ind.target.base_year;
    let points = ind
        .points
        .iter()
        .map(|p| PointView {
            year: p.year,
            value: p.value.map_or_else(|| "—".to_owned(), |v| number_vi(v, 2)),
            target: match p.target {
                Some(t) if p.year > base => number_vi(t, 2),
                _ => "—".to_owned(),
            },
            verdict: p.verdict,
            verdict_label: match (p.verdict, p.value) {
                (Some(v), _) => v.label_vi(),
                _ if p.year == base => "Năm gốc",
                (None, None) if p.year > base => "Chưa có số liệu",
                _ => "—",
            },
        })
        .collect();
    IndicatorView {
        judged: ind.points.iter().filter(|p| p.verdict.is_some()).count(),
        met: ind
            .points
            .iter()
            .filter(|p| p.verdict == Some(Verdict::Met))
            .count(),
        id,
        title,
        unit: ind.measure.unit.clone(),
        target,
        basis: ind.target.basis.clone(),
        svg,
        desc,
        points,
    }
}

/// The chart in words, year by year, for people who cannot see it.
fn describe(ind: &Indicator, target: &str) -> String {
    let unit = ind
        .measure
        .unit
        .as_deref()
        .map_or_else(String::new, |u| format!(" ({u})"));
    let (first, last) = (
        ind.points.first().map_or(0, |p| p.year),
        ind.points.last().map_or(0, |p| p.year),
    );
    let mut text = format!(
        "Biểu đồ cột: {}{unit}, {first}–{last}. Đường nét đứt có dấu hình thoi là mức mục tiêu: {target}.",
        ind.measure.name
    );
    for p in &ind.points {
        let value = p
            .value
            .map_or_else(|| "chưa có số liệu".to_owned(), |v| number_vi(v, 2));
        let tail = match (p.verdict, p.target) {
            (Some(v), Some(t)) => format!(
                ", mục tiêu {}, {}",
                number_vi(t, 2),
                v.label_vi().to_lowercase()
            ),
            _ if p.year == ind.target.base_year => " (năm gốc)".to_owned(),
            _ => String::new(),
        };
        text.push_str(&format!(" {}: {value}{tail}.", p.year));
    }
    let judged = ind.points.iter().filter(|p| p.verdict.is_some()).count();
    let met = ind
        .points
        .iter()
        .filter(|p| p.verdict == Some(Verdict::Met))
        .count();
    if judged > 0 {
        text.push_str(&format!(" Đạt mục tiêu {met} trên {judged} năm."));
    }
    text
}

fn breakdowns(d: &Dataset, site: &Site) -> Vec<Breakdown> {
    let mut out = Vec::new();
    let groups: [(&[Row], &'static str, &str); 2] = [
        (&d.by_sector, "Lĩnh vực", "linh-vuc"),
        (&d.by_ward, "Phường", "phuong"),
    ];
    for (rows, by, slug) in groups {
        let years: BTreeSet<i32> = rows.iter().map(|r| r.year).collect();
        for year in years {
            let rows = rows
                .iter()
                .filter(|r| r.year == year)
                .map(|r| TableRow {
                    name: match (&r.sector, &r.ward) {
                        (Some(s), _) => s.clone(),
                        (None, Some(w)) => site
                            .config
                            .ward(w)
                            .map_or_else(|| w.clone(), |w| w.name.clone()),
                        (None, None) => String::new(),
                    },
                    cells: cells(&r.values),
                })
                .collect();
            out.push(Breakdown {
                id: format!("{}-{slug}-{year}", d.id),
                caption: format!("{} theo {} năm {year}", d.title, by.to_lowercase()),
                by,
                rows,
            });
        }
    }
    out
}
