//! Statistics the district reports on: datasets read from `content/data/thong-ke/`,
//! the yearly targets of the plan (a fixed percentage per year from a base year, as
//! Resolution 19/NQ-CP sets them) and, for each year, whether the figure met its target.
//! Verdicts are computed here, never typed into a data file. Reading and checking the
//! files is `load`'s; drawing is left to [`chart`]; the page's markup to the theme's
//! `thong-ke.html`.
//!
//! A dataset file (YAML or JSON) looks like this:
//!
//! ```yaml
//! title: Tai nạn lao động
//! illustrative: true            # the page says "Số liệu minh họa"
//! source: Số liệu minh họa, không phải số liệu thống kê chính thức.
//! measures:
//!   - {id: cases, name: Số vụ tai nạn lao động, unit: vụ}
//!   - id: deaths
//!     name: Số người chết
//!     unit: người
//!     target: {base_year: 2020, percent_per_year: -4, basis: "Nghị quyết số 19/NQ-CP"}
//! years:
//!   - {year: 2020, cases: 14, deaths: 6}
//! by_sector:
//!   - {year: 2025, sector: Xây dựng, cases: 5, deaths: 2}
//! by_ward:
//!   - {year: 2025, ward: an-bien, cases: 1, deaths: 0}
//! ```

pub mod chart;
mod load;
mod view;

use serde::{Deserialize, Serialize};

pub use load::{has_data, load};
pub use view::{PageView, page};

/// Folder under `content/data/` that holds the datasets, and the page's folder.
pub const DIR: &str = "thong-ke";
/// URL path of the statistics page.
pub const PATH: &str = "/thong-ke/";
/// The theme template of the statistics page.
pub const TEMPLATE: &str = "thong-ke.html";

/// One data file: figures by year for a few measures, and where known by sector and
/// by ward.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The file's name without extension (`tai-nan-lao-dong`); used in anchors.
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// The figures are examples, not official statistics; the page says so.
    pub illustrative: bool,
    pub source: Option<String>,
    /// Datasets are shown by weight, then id.
    pub weight: i64,
    pub measures: Vec<Measure>,
    /// Figures for the whole area, one row per year, sorted by year.
    pub years: Vec<Row>,
    pub by_sector: Vec<Row>,
    pub by_ward: Vec<Row>,
}

/// What a column of figures counts.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub unit: Option<String>,
    /// A measure with a target gets a chart and a verdict per year.
    #[serde(default)]
    pub target: Option<Target>,
}

/// A yearly target set from a base year: `base × (1 + percent_per_year/100)^n` in the
/// n-th year after it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub base_year: i32,
    /// Negative for "down by", positive for "up by at least".
    pub percent_per_year: f64,
    /// Where the target comes from, shown under the chart.
    #[serde(default)]
    pub basis: Option<String>,
}

/// One row of figures. `values[i]` is the figure of `measures[i]`; `None` when unknown.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub year: i32,
    pub sector: Option<String>,
    /// A ward slug declared in site.toml.
    pub ward: Option<String>,
    pub values: Vec<Option<f64>>,
}

/// Whether a year's figure met its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Met,
    NotMet,
}

impl Verdict {
    pub fn label_vi(self) -> &'static str {
        match self {
            Verdict::Met => "Đạt",
            Verdict::NotMet => "Chưa đạt",
        }
    }
}

/// One year of an indicator: the figure, the target and the verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: Option<f64>,
    /// The target for this year; the base year's is the base figure itself.
    pub target: Option<f64>,
    /// `None` for the base year, years before it and years without a figure.
    pub verdict: Option<Verdict>,
}

/// A measure with a target, followed year by year.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub measure: Measure,
    pub target: Target,
    pub points: Vec<Point>,
}

/// Relative slack when comparing a figure with a target, so that 100 × 1.05 (which is
/// 105.00000000000001 in binary) is met by 105.
const TOLERANCE: f64 = 1e-9;

impl Target {
    /// The target for `year`, from the base year's figure.
    pub fn value_for(&self, base: f64, year: i32) -> Option<f64> {
        let n = year - self.base_year;
        (n >= 0).then(|| base * (1.0 + self.percent_per_year / 100.0).powi(n))
    }

    /// Whether `value` meets `target`: at most the target when the plan wants fewer,
    /// at least the target when it wants more.
    pub fn verdict(&self, value: f64, target: f64) -> Verdict {
        let slack = target.abs() * TOLERANCE;
        let met = if self.percent_per_year < 0.0 {
            value <= target + slack
        } else {
            value >= target - slack
        };
        if met { Verdict::Met } else { Verdict::NotMet }
    }

    /// "giảm bình quân 4 %/năm" or "tăng ít nhất 5 %/năm", from the base year.
    pub fn describe_vi(&self) -> String {
        let pct = chart::number_vi(self.percent_per_year.abs(), 2);
        if self.percent_per_year < 0.0 {
            format!("giảm bình quân {pct}%/năm so với năm {}", self.base_year)
        } else {
            format!("tăng ít nhất {pct}%/năm so với năm {}", self.base_year)
        }
    }
}

impl Dataset {
    /// The figure of measure `m` in `year` for the whole area.
    pub fn value(&self, m: usize, year: i32) -> Option<f64> {
        self.years
            .iter()
            .find(|r| r.year == year)
            .and_then(|r| r.values[m])
    }

    /// Each measure that has a target, with its yearly points and verdicts.
    pub fn indicators(&self) -> Vec<Indicator> {
        self.measures
            .iter()
            .enumerate()
            .filter_map(|(m, measure)| {
                let target = measure.target.clone()?;
                // Validation guarantees the base year has a figure.
                let base = self.value(m, target.base_year)?;
                let points = self
                    .years
                    .iter()
                    .map(|r| {
                        let value = r.values[m];
                        let goal = target.value_for(base, r.year);
                        let verdict = match (value, goal) {
                            (Some(v), Some(g)) if r.year > target.base_year => {
                                Some(target.verdict(v, g))
                            }
                            _ => None,
                        };
                        Point {
                            year: r.year,
                            value,
                            target: goal,
                            verdict,
                        }
                    })
                    .collect();
                Some(Indicator {
                    measure: measure.clone(),
                    target,
                    points,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(pct: f64) -> Target {
        Target {
            base_year: 2020,
            percent_per_year: pct,
            basis: None,
        }
    }

    #[test]
    fn computes_targets_from_the_base_year() {
        let down = target(-4.0);
        let cases = [
            (2019, None),
            (2020, Some(100.0)),
            (2021, Some(96.0)),
            (2022, Some(92.16)),
        ];
        for (year, expected) in cases {
            let got = down.value_for(100.0, year);
            match (got, expected) {
                (Some(g), Some(e)) => assert!((g - e).abs() < 1e-9, "{year}: {g} != {e}"),
                (g, e) => assert_eq!(g, e, "{year}"),
            }
        }
        let up = target(5.0);
        assert!((up.value_for(200.0, 2023).unwrap() - 231.525).abs() < 1e-9);
    }

    #[test]
    fn judges_direction_and_exact_hits() {
        let down = target(-4.0);
        assert_eq!(down.verdict(96.0, 96.0), Verdict::Met);
        assert_eq!(down.verdict(97.0, 96.0), Verdict::NotMet);
        let up = target(5.0);
        // 100 × 1.05 is 105.00000000000001 in binary; 105 still meets it.
        let t = up.value_for(100.0, 2021).unwrap();
        assert_eq!(up.verdict(105.0, t), Verdict::Met);
        assert_eq!(up.verdict(104.0, t), Verdict::NotMet);
    }

    #[test]
    fn describes_targets_in_vietnamese() {
        assert_eq!(
            target(-4.0).describe_vi(),
            "giảm bình quân 4%/năm so với năm 2020"
        );
        assert_eq!(
            target(5.5).describe_vi(),
            "tăng ít nhất 5,5%/năm so với năm 2020"
        );
    }
}
