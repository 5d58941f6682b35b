//! Reading the datasets of `content/data/thong-ke/`: each file's fields checked, its
//! measures, targets and rows validated, and every problem reported as a diagnostic
//! pointing at its line.

use std::path::PathBuf;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{DIR, Dataset, Measure, Row};
use crate::content::Site;
use crate::error::{Diagnostic, Error, Location, Result, StatisticsProblem};

/// The file a dataset came from, to point diagnostics at.
fn source_file(site: &Site, id: &str) -> (PathBuf, Option<String>) {
    for ext in ["yaml", "yml", "json"] {
        let rel = PathBuf::from(format!("content/data/{DIR}/{id}.{ext}"));
        if let Ok(bytes) = std::fs::read(site.root.join(&rel)) {
            let text = crate::content::normalize_text(&bytes).ok();
            return (rel, text);
        }
    }
    (PathBuf::from(format!("content/data/{DIR}/{id}")), None)
}

/// The datasets of `content/data/thong-ke/`, validated, by weight then id. Every problem
/// is a diagnostic pointing into its file.
pub fn load(site: &Site) -> Result<Vec<Dataset>> {
    let prefix = format!("{DIR}.");
    let mut datasets = Vec::new();
    let mut diags = Vec::new();
    for (name, value) in &site.data {
        let Some(id) = name.strip_prefix(&prefix) else {
            continue;
        };
        match parse(id, value, site) {
            Ok(d) => datasets.push(d),
            Err(problems) => {
                let (path, text) = source_file(site, id);
                diags.extend(
                    problems
                        .into_iter()
                        .map(|p| p.locate(&path, text.as_deref())),
                );
            }
        }
    }
    if !diags.is_empty() {
        return Err(Error::Content(diags));
    }
    datasets.sort_by(|a, b| a.weight.cmp(&b.weight).then(a.id.cmp(&b.id)));
    Ok(datasets)
}

/// Whether the site has any statistics to show.
pub fn has_data(site: &Site) -> bool {
    let prefix = format!("{DIR}.");
    site.data.keys().any(|k| k.starts_with(&prefix))
}

/// A problem found in a dataset, before its position in the file is known.
#[derive(Debug)]
struct Problem {
    problem: StatisticsProblem,
    /// Text to look for in the file to find the line (a key or a value).
    near: Option<String>,
}

impl Problem {
    fn new(problem: StatisticsProblem, near: Option<String>) -> Self {
        Problem { problem, near }
    }

    fn locate(self, path: &std::path::Path, text: Option<&str>) -> Diagnostic {
        let (line, column) = text
            .zip(self.near.as_deref())
            .and_then(|(t, near)| find(t, near))
            .unwrap_or((1, 1));
        let d = Diagnostic::new(
            crate::error::Message::Statistics(self.problem),
            Some(Location::new(path, line, column)),
        );
        match text {
            Some(t) => d.quote_from(t),
            None => d,
        }
    }
}

/// Line and column of the first occurrence of `needle` (1-based).
fn find(text: &str, needle: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, l)| {
        let col = l.find(needle)?;
        Some((i + 1, l[..col].chars().count() + 1))
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatasetFile {
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    illustrative: bool,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    weight: i64,
    measures: Vec<Measure>,
    #[serde(default)]
    years: Vec<Map<String, Value>>,
    #[serde(default)]
    by_sector: Vec<Map<String, Value>>,
    #[serde(default)]
    by_ward: Vec<Map<String, Value>>,
}

/// Read and validate one dataset from its data value.
fn parse(id: &str, value: &Value, site: &Site) -> std::result::Result<Dataset, Vec<Problem>> {
    let file: DatasetFile = serde_json::from_value(value.clone()).map_err(|e| {
        let raw = e.to_string();
        let near = raw
            .strip_prefix("unknown field `")
            .and_then(|r| r.split('`').next())
            .map(|f| format!("{f}:"));
        vec![Problem::new(
            StatisticsProblem::Unreadable {
                detail: raw.clone(),
                field: near.as_deref().map(|f| f.trim_end_matches(':').to_owned()),
            },
            near,
        )]
    })?;
    let mut problems = Vec::new();
    check_measures(&file.measures, &mut problems);
    let ids: Vec<&str> = file.measures.iter().map(|m| m.id.as_str()).collect();
    let mut rows = |list: &[Map<String, Value>], by: Option<&str>| -> Vec<Row> {
        list.iter()
            .filter_map(|r| parse_row(r, by, &ids, site, &mut problems))
            .collect()
    };
    let mut years = rows(&file.years, None);
    let by_sector = rows(&file.by_sector, Some("sector"));
    let by_ward = rows(&file.by_ward, Some("ward"));
    years.sort_by_key(|r| r.year);
    for pair in years.windows(2) {
        if pair[0].year == pair[1].year {
            let year = pair[0].year;
            problems.push(Problem::new(
                StatisticsProblem::YearTwice { year },
                Some(format!("year: {year}")),
            ));
        }
    }
    let dataset = Dataset {
        id: id.to_owned(),
        title: file.title,
        description: file.description,
        illustrative: file.illustrative,
        source: file.source,
        weight: file.weight,
        measures: file.measures,
        years,
        by_sector,
        by_ward,
    };
    check_targets(&dataset, &mut problems);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(problems)
    }
}

fn check_measures(measures: &[Measure], problems: &mut Vec<Problem>) {
    if measures.is_empty() {
        problems.push(Problem::new(
            StatisticsProblem::NoMeasures,
            Some("measures".to_owned()),
        ));
    }
    for (i, m) in measures.iter().enumerate() {
        let reserved = ["year", "sector", "ward"].contains(&m.id.as_str());
        let valid = !m.id.is_empty()
            && m.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if reserved || !valid {
            let id = &m.id;
            problems.push(Problem::new(
                StatisticsProblem::BadMeasureId { id: id.clone() },
                Some(format!("id: {id}")),
            ));
        }
        if measures[..i].iter().any(|o| o.id == m.id) {
            let id = &m.id;
            problems.push(Problem::new(
                StatisticsProblem::MeasureTwice { id: id.clone() },
                Some(format!("id: {id}")),
            ));
        }
        if let Some(t) = &m.target
            && (t.percent_per_year == 0.0
                || !t.percent_per_year.is_finite()
                || t.percent_per_year <= -100.0)
        {
            let id = &m.id;
            problems.push(Problem::new(
                StatisticsProblem::ZeroTarget { id: id.clone() },
                Some("percent_per_year".to_owned()),
            ));
        }
    }
}

fn check_targets(d: &Dataset, problems: &mut Vec<Problem>) {
    for (m, measure) in d.measures.iter().enumerate() {
        let Some(t) = &measure.target else { continue };
        if d.value(m, t.base_year).is_none() {
            let (id, base) = (&measure.id, t.base_year);
            problems.push(Problem::new(
                StatisticsProblem::NoBaseYearFigure {
                    id: id.clone(),
                    base,
                },
                Some(format!("base_year: {base}")),
            ));
        }
    }
}

/// One row: `year`, the grouping key (`sector` or `ward`) when `by` says so, and
/// numbers for declared measures. Pushes a problem and returns `None` when it is wrong.
fn parse_row(
    row: &Map<String, Value>,
    by: Option<&str>,
    measures: &[&str],
    site: &Site,
    problems: &mut Vec<Problem>,
) -> Option<Row> {
    let before = problems.len();
    let year = row
        .get("year")
        .and_then(Value::as_i64)
        .and_then(|y| i32::try_from(y).ok());
    let shown = Value::Object(row.clone()).to_string();
    if year.is_none() {
        problems.push(Problem::new(
            StatisticsProblem::RowWithoutYear {
                shown: shown.clone(),
            },
            None,
        ));
    }
    let mut key = None;
    if let Some(by) = by {
        match row.get(by).and_then(Value::as_str) {
            Some(k) if by == "ward" && site.config.ward(k).is_none() => {
                let slugs: Vec<&str> = site.config.wards.iter().map(|w| w.slug.as_str()).collect();
                let close = crate::error::did_you_mean(k, &slugs);
                problems.push(Problem::new(
                    StatisticsProblem::UnknownWard {
                        ward: k.to_owned(),
                        close: close.map(str::to_owned),
                    },
                    Some(k.to_owned()),
                ));
            }
            Some(k) if !k.trim().is_empty() => key = Some(k.trim().to_owned()),
            _ => problems.push(Problem::new(
                StatisticsProblem::RowWithoutKey {
                    by: by.to_owned(),
                    shown: shown.clone(),
                },
                year.map(|y| format!("year: {y}")),
            )),
        }
    }
    let mut values = vec![None; measures.len()];
    for (k, v) in row {
        if k == "year" || Some(k.as_str()) == by {
            continue;
        }
        let Some(m) = measures.iter().position(|id| id == k) else {
            let close = crate::error::did_you_mean(k, measures);
            problems.push(Problem::new(
                StatisticsProblem::UnknownMeasure {
                    key: k.clone(),
                    close: close.map(str::to_owned),
                    measures: measures.iter().map(|m| (*m).to_owned()).collect(),
                },
                Some(format!("{k}:")),
            ));
            continue;
        };
        match v {
            Value::Null => {}
            Value::Number(n) if n.as_f64().is_some_and(|f| f.is_finite() && f >= 0.0) => {
                values[m] = n.as_f64();
            }
            _ => problems.push(Problem::new(
                StatisticsProblem::NotAFigure {
                    key: k.clone(),
                    value: v.to_string(),
                },
                Some(format!("{k}: {}", v.as_str().unwrap_or(&v.to_string()))),
            )),
        }
    }
    let (sector, ward) = match by {
        Some("sector") => (key, None),
        Some(_) => (None, key),
        None => (None, None),
    };
    (problems.len() == before).then(|| Row {
        year: year.expect("a row without a year was reported above"),
        sector,
        ward,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_a_key() {
        assert_eq!(
            find("a: 1\nyears:\n  - {deths: 2}\n", "deths:"),
            Some((3, 6))
        );
    }
}
