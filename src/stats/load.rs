//! Reading the datasets of `content/data/thong-ke/`: each file's fields checked, its
//! measures, targets and rows validated, and every problem reported as a diagnostic
//! pointing at its line.

use std::path::PathBuf;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{DIR, Dataset, Measure, Row};
use crate::content::Site;
use crate::error::{Diagnostic, Error, Location, Result};

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
    message: crate::error::Text,
    help: crate::error::Text,
    /// Text to look for in the file to find the line (a key or a value).
    near: Option<String>,
}

impl Problem {
    fn new(message: crate::error::Text, help: crate::error::Text, near: Option<String>) -> Self {
        Problem {
            message,
            help,
            near,
        }
    }

    fn locate(self, path: &std::path::Path, text: Option<&str>) -> Diagnostic {
        let (line, column) = text
            .zip(self.near.as_deref())
            .and_then(|(t, near)| find(t, near))
            .unwrap_or((1, 1));
        let d = Diagnostic::new(
            crate::error::Message::Statistics {
                message: self.message,
                help: self.help,
            },
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

const EXAMPLE: &str =
    "title: ..., measures: [{id: deaths, name: Số người chết}], years: [{year: 2024, deaths: 3}]";

/// Read and validate one dataset from its data value.
fn parse(id: &str, value: &Value, site: &Site) -> std::result::Result<Dataset, Vec<Problem>> {
    let file: DatasetFile = serde_json::from_value(value.clone()).map_err(|e| {
        let raw = e.to_string();
        let near = raw
            .strip_prefix("unknown field `")
            .and_then(|r| r.split('`').next())
            .map(|f| format!("{f}:"));
        let (message, help) = crate::error::explain_serde_message(&raw);
        let (vi, vi_help) = match &near {
            Some(field) => {
                let field = field.trim_end_matches(':');
                (
                    format!("không dùng được trường \"{field}\""),
                    format!("các trường của một tệp thống kê: {EXAMPLE}"),
                )
            }
            None => (
                crate::error::serde_message(&raw, None, false)
                    .render(crate::error::Lang::Vi)
                    .0,
                format!("một tệp thống kê có dạng {EXAMPLE}"),
            ),
        };
        let help = help.unwrap_or_else(|| format!("a statistics file has {EXAMPLE}"));
        vec![Problem::new(
            both!(
                "không đọc được tệp thống kê này: {vi}",
                "this statistics file cannot be read: {message}"
            ),
            crate::error::Text {
                vi: vi_help,
                en: help,
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
                both!(
                    "năm {year} có hai lần trong years",
                    "the year {year} is listed twice under years"
                ),
                both!(
                    "mỗi năm một dòng; số liệu theo lĩnh vực hoặc theo phường ghi trong by_sector hoặc by_ward",
                    "keep one row per year; put figures by sector or ward under by_sector or by_ward"
                ),
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
            both!(
                "tệp thống kê này chưa có chỉ tiêu nào (measures)",
                "this statistics file has no measures"
            ),
            both!(
                "liệt kê các chỉ tiêu mà số liệu đếm, ví dụ measures: [{{id: deaths, name: Số người chết, unit: người}}]",
                "list what the figures count, e.g. measures: [{{id: deaths, name: Số người chết, unit: người}}]"
            ),
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
                both!(
                    "\"{id}\" không dùng được làm mã chỉ tiêu",
                    "\"{id}\" cannot be a measure's id"
                ),
                both!(
                    "dùng chữ thường không dấu, chữ số, _ hoặc -, trừ year, sector và ward (ví dụ deaths)",
                    "use lowercase letters without accents, digits, _ or -, other than year, sector and ward (e.g. deaths)"
                ),
                Some(format!("id: {id}")),
            ));
        }
        if measures[..i].iter().any(|o| o.id == m.id) {
            let id = &m.id;
            problems.push(Problem::new(
                both!(
                    "chỉ tiêu \"{id}\" được khai báo hai lần",
                    "the measure \"{id}\" is declared twice"
                ),
                both!(
                    "mỗi chỉ tiêu cần một mã riêng",
                    "give each measure its own id"
                ),
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
                both!(
                    "mục tiêu của \"{id}\" cần mức thay đổi mỗi năm khác 0",
                    "the target of \"{id}\" needs a yearly change other than 0"
                ),
                both!(
                    "ghi percent_per_year: -4 cho \"giảm 4 % mỗi năm\" hoặc 5 cho \"tăng ít nhất 5 % mỗi năm\"",
                    "write percent_per_year: -4 for \"down 4 % a year\" or 5 for \"up at least 5 % a year\""
                ),
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
                both!(
                    "mục tiêu của \"{id}\" tính từ năm {base}, nhưng years chưa có số liệu {id} của năm {base}",
                    "the target of \"{id}\" starts from {base}, but years has no {id} figure for {base}"
                ),
                both!(
                    "thêm số liệu của năm gốc, ví dụ - {{year: {base}, {id}: ...}}, hoặc đổi base_year",
                    "add the base year's figure, e.g. - {{year: {base}, {id}: ...}}, or change base_year"
                ),
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
            both!(
                "một dòng chưa có năm: {shown}",
                "a row has no year: {shown}"
            ),
            both!(
                "mỗi dòng bắt đầu bằng năm, ví dụ - {{year: 2024, deaths: 3}}",
                "start each row with its year, e.g. - {{year: 2024, deaths: 3}}"
            ),
            None,
        ));
    }
    let mut key = None;
    if let Some(by) = by {
        match row.get(by).and_then(Value::as_str) {
            Some(k) if by == "ward" && site.config.ward(k).is_none() => {
                let slugs: Vec<&str> = site.config.wards.iter().map(|w| w.slug.as_str()).collect();
                let close = crate::error::did_you_mean(k, &slugs);
                let hint = close.map_or_else(String::new, |s| format!(" (did you mean \"{s}\"?)"));
                let vi_hint =
                    close.map_or_else(String::new, |s| format!(" (có phải ý bạn là \"{s}\"?)"));
                problems.push(Problem::new(
                    both!(
                        "\"{k}\" không phải là phường, xã khai báo trong site.toml{vi_hint}",
                        "\"{k}\" is not a ward declared in site.toml{hint}"
                    ),
                    both!(
                        "dùng slug của một phường, xã trong [[wards]] của site.toml",
                        "use a ward slug from [[wards]] in site.toml"
                    ),
                    Some(k.to_owned()),
                ));
            }
            Some(k) if !k.trim().is_empty() => key = Some(k.trim().to_owned()),
            _ => problems.push(Problem::new(
                both!(
                    "một dòng của by_{by} chưa có {by}: {shown}",
                    "a row of by_{by} has no {by}: {shown}"
                ),
                both!("thêm {by}: ... vào dòng này", "add {by}: ... to the row"),
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
            let hint = close.map_or_else(String::new, |s| format!(" (did you mean \"{s}\"?)"));
            let vi_hint =
                close.map_or_else(String::new, |s| format!(" (có phải ý bạn là \"{s}\"?)"));
            let list = measures.join(", ");
            problems.push(Problem::new(
                both!(
                    "\"{k}\" không phải là chỉ tiêu của tệp này{vi_hint}",
                    "\"{k}\" is not a measure of this file{hint}"
                ),
                both!("các chỉ tiêu là: {list}", "the measures are: {list}"),
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
                both!(
                    "số liệu của \"{k}\" phải là một số từ 0 trở lên, không phải {v}",
                    "the figure of \"{k}\" must be a number of 0 or more, not {v}"
                ),
                both!(
                    "ghi số không kèm đơn vị hay dấu chấm, ví dụ 1250; bỏ trống nếu chưa biết",
                    "write the number without units or dots, e.g. 1250; leave it out when unknown"
                ),
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
