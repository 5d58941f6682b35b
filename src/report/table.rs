//! The report's tables: cells as people read them and as spreadsheets read them, and
//! each table as a CSV file.

use serde::Serialize;

use crate::date::Date;
use crate::render::filters::{date_short, group_thousands};

/// Byte-order mark that tells Excel a CSV file is UTF-8.
const BOM: &str = "\u{feff}";

/// A table cell: as shown in the HTML (Vietnamese numbers and dates) and as written to
/// the CSV (plain numbers, ISO dates, so spreadsheets read them as values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub text: String,
    pub raw: String,
}

impl Cell {
    pub(super) fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        Cell {
            raw: s.clone(),
            text: s,
        }
    }

    pub(super) fn count(n: u64) -> Cell {
        Cell {
            text: group_thousands(n),
            raw: n.to_string(),
        }
    }

    pub(super) fn date(d: Date) -> Cell {
        Cell {
            text: date_short(d),
            raw: d.to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub label: &'static str,
    /// Right-aligned in the HTML.
    pub numeric: bool,
}

/// One table of the report; the first cell of each row is its header.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// File name without `.csv`, and the table's anchor.
    pub id: &'static str,
    pub caption: String,
    /// Shown under the caption (how to read the counts).
    pub note: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub total: Option<Vec<Cell>>,
}

impl Table {
    /// The table as CSV: BOM, header line, rows, total; CRLF line ends (RFC 4180).
    pub fn csv(&self) -> String {
        let mut out = String::from(BOM);
        let line = |cells: Vec<&str>| {
            cells
                .into_iter()
                .map(csv_field)
                .collect::<Vec<_>>()
                .join(",")
                + "\r\n"
        };
        out.push_str(&line(self.columns.iter().map(|c| c.label).collect()));
        for row in self.rows.iter().chain(&self.total) {
            out.push_str(&line(row.iter().map(|c| c.raw.as_str()).collect()));
        }
        out
    }

    /// The value in the row whose first cell is `name`, column `col` (for summaries and
    /// tests).
    pub fn get(&self, name: &str, col: usize) -> Option<&str> {
        self.rows
            .iter()
            .chain(&self.total)
            .find(|r| r.first().is_some_and(|c| c.raw == name))
            .and_then(|r| r.get(col))
            .map(|c| c.raw.as_str())
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

pub(super) fn count_column(label: &'static str) -> Vec<Column> {
    vec![
        Column {
            label,
            numeric: false,
        },
        Column {
            label: "Số tin, bài",
            numeric: true,
        },
    ]
}

pub(super) fn count_row(name: &str, n: u64) -> Vec<Cell> {
    vec![Cell::text(name), Cell::count(n)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_csv_fields_only_when_needed() {
        let cases = [
            ("Xây dựng", "Xây dựng"),
            ("Tin, bài", "\"Tin, bài\""),
            ("nói \"rõ\"", "\"nói \"\"rõ\"\"\""),
            ("hai\ndòng", "\"hai\ndòng\""),
        ];
        for (input, expected) in cases {
            assert_eq!(csv_field(input), expected);
        }
    }

    #[test]
    fn csv_starts_with_a_bom_and_ends_lines_with_crlf() {
        let t = Table {
            id: "x",
            caption: String::new(),
            note: None,
            columns: count_column("Loại"),
            rows: vec![count_row("Tin tức", 1250)],
            total: Some(count_row("Tổng cộng", 1250)),
        };
        assert_eq!(
            t.csv(),
            "\u{feff}Loại,\"Số tin, bài\"\r\nTin tức,1250\r\nTổng cộng,1250\r\n"
        );
        assert_eq!(t.get("Tin tức", 1), Some("1250"));
    }
}
