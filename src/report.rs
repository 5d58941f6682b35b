//! `loa report --year Y`: the year's communication work, counted from the content itself
//! for the report offices send before 20 December. Items published in the year by kind,
//! agency, ward, sector and audience; campaigns that ran in the year; Safety Action Month
//! events held; loudspeaker bulletins aired and their minutes per ward.
//!
//! The report is written to `<output>/bao-cao/<year>/`: `index.html` (through the theme's
//! `bao-cao.html`, printable, standalone) and one CSV per table. The CSVs are UTF-8 with a
//! byte-order mark, so Excel opens Vietnamese text correctly instead of guessing a legacy
//! code page. The folder is written beside its place and renamed into it, so the rest of
//! the output folder is never touched and a failed run leaves the previous report.
//!
//! Bulletins come through [`Bulletins`], so the counting here does not depend on how
//! bulletins are assembled.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::build::BuildOptions;
use crate::content::kind::KindFields;
use crate::content::{Kind, Page, Site};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::render::filters::{date_short, group_thousands};
use crate::slug::slugify;

/// Folder of the reports inside the output folder.
pub const DIR: &str = "bao-cao";
/// The theme template the HTML report is rendered with.
pub const TEMPLATE: &str = "bao-cao.html";
/// Byte-order mark that tells Excel a CSV file is UTF-8.
const BOM: &str = "\u{feff}";

/// One bulletin as the report counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aired {
    pub date: Date,
    /// Ward slug.
    pub ward: String,
    /// Slot id.
    pub slot: String,
    /// Spoken duration.
    pub seconds: u32,
}

/// Where the report finds the bulletins aired from `from` to `to` (both included).
pub trait Bulletins {
    fn aired(&self, site: &Site, from: Date, to: Date) -> Vec<Aired>;
}

impl<F: Fn(&Site, Date, Date) -> Vec<Aired>> Bulletins for F {
    fn aired(&self, site: &Site, from: Date, to: Date) -> Vec<Aired> {
        self(site, from, to)
    }
}

/// The bulletins that [`crate::broadcast`] assembles, each counted with its estimated
/// spoken duration.
pub struct Assembled;

impl Bulletins for Assembled {
    fn aired(&self, site: &Site, from: Date, to: Date) -> Vec<Aired> {
        crate::broadcast::Broadcasts::new(site)
            .bulletins(from, to)
            .into_iter()
            .map(|b| Aired {
                date: b.date,
                ward: b.ward,
                slot: b.slot,
                seconds: b.seconds,
            })
            .collect()
    }
}

/// A table cell: as shown in the HTML (Vietnamese numbers and dates) and as written to
/// the CSV (plain numbers, ISO dates, so spreadsheets read them as values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub text: String,
    pub raw: String,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        Cell {
            raw: s.clone(),
            text: s,
        }
    }

    fn count(n: u64) -> Cell {
        Cell {
            text: group_thousands(n),
            raw: n.to_string(),
        }
    }

    fn date(d: Date) -> Cell {
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

/// The year's figures and tables.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub year: i32,
    /// First and last day counted for events and bulletins (the build date when the
    /// year is not over).
    pub from: String,
    pub to: String,
    pub today: String,
    /// The year was not over on the build date.
    pub partial: bool,
    pub items: u64,
    pub campaigns: u64,
    pub events: u64,
    /// `None` when no bulletins could be counted.
    pub bulletins: Option<u64>,
    pub broadcast_seconds: Option<u64>,
    /// The same in minutes, written for people (`12,5`).
    pub broadcast_minutes: Option<String>,
    pub tables: Vec<Table>,
}

impl Report {
    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }

    /// A few lines for the terminal, in Vietnamese like the report.
    pub fn summary(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "Báo cáo công tác thông tin, tuyên truyền năm {}{}:",
            self.year,
            if self.partial {
                format!(" (tính đến ngày {})", date_text(&self.to))
            } else {
                String::new()
            }
        )];
        lines.push(format!(
            "  {} tin, bài đã đăng; {} chiến dịch; {} sự kiện Tháng hành động.",
            group_thousands(self.items),
            group_thousands(self.campaigns),
            group_thousands(self.events)
        ));
        match (self.bulletins, self.broadcast_seconds) {
            (Some(b), Some(s)) => lines.push(format!(
                "  {} bản tin phát thanh, tổng {} phút.",
                group_thousands(b),
                minutes_text(s)
            )),
            _ => lines.push("  Chưa tính được bản tin phát thanh.".to_owned()),
        }
        lines
    }
}

fn date_text(iso: &str) -> String {
    Date::parse(iso).map_or_else(|_| iso.to_owned(), date_short)
}

/// Seconds as minutes with at most one decimal, Vietnamese style (`12,5`).
fn minutes_text(seconds: u64) -> String {
    crate::stats::chart::number_vi(seconds as f64 / 60.0, 1)
}

/// Whole minutes, rounded, for the CSV.
fn minutes_raw(seconds: u64) -> String {
    (seconds.saturating_add(30) / 60).to_string()
}

/// Count the year's work. Events and bulletins count up to the build date; items count
/// when dated in the year and published on the build date; campaigns when their period
/// meets the year.
pub fn compile(site: &Site, year: i32, bulletins: Option<&dyn Bulletins>) -> Result<Report> {
    let (start, end) = year_bounds(year)?;
    if start > site.today {
        return Err(Error::Usage(both!(
            "--year {year}: năm này chưa bắt đầu vào ngày dựng {today}; chọn một năm không quá {last}",
            "--year {year} has not started on the build date {today}; choose a year up to {last}",
            today = site.today,
            last = site.today.year
        )));
    }
    let to = end.min(site.today);
    let items: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| p.date().is_some_and(|d| d.year == year))
        .collect();
    let mut tables = vec![
        by_kind(&items),
        by_agency(site, &items),
        by_ward(site, &items),
        by_terms(&items, Terms::Sectors),
        by_terms(&items, Terms::Audiences),
    ];
    let campaigns = campaigns(site, start, end);
    let events = events(site, start, to);
    let (campaign_count, event_count) = (campaigns.rows.len() as u64, events.rows.len() as u64);
    tables.push(campaigns);
    tables.push(events);
    let mut bulletin_count = None;
    let mut seconds = None;
    if let Some(source) = bulletins {
        let aired = source.aired(site, start, to);
        bulletin_count = Some(aired.len() as u64);
        seconds = Some(aired.iter().map(|a| u64::from(a.seconds)).sum());
        tables.push(broadcast(site, &aired));
    }
    Ok(Report {
        year,
        from: start.to_string(),
        to: to.to_string(),
        today: site.today.to_string(),
        partial: to < end,
        items: items.len() as u64,
        campaigns: campaign_count,
        events: event_count,
        bulletins: bulletin_count,
        broadcast_seconds: seconds,
        broadcast_minutes: seconds.map(minutes_text),
        tables,
    })
}

fn year_bounds(year: i32) -> Result<(Date, Date)> {
    match (Date::new(year, 1, 1), Date::new(year, 12, 31)) {
        (Some(a), Some(b)) if (1900..=9999).contains(&year) => Ok((a, b)),
        _ => Err(Error::Usage(both!(
            "--year {year} không phải là một năm để báo cáo; viết năm bằng bốn chữ số, ví dụ --year 2025",
            "--year {year} is not a year to report on; write it with four digits, e.g. --year 2025"
        ))),
    }
}

fn count_column(label: &'static str) -> Vec<Column> {
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

fn count_row(name: &str, n: u64) -> Vec<Cell> {
    vec![Cell::text(name), Cell::count(n)]
}

fn by_kind(items: &[&Page]) -> Table {
    let rows = Kind::ALL
        .iter()
        .map(|k| {
            count_row(
                k.label_vi(),
                items.iter().filter(|p| p.kind == *k).count() as u64,
            )
        })
        .collect();
    Table {
        id: "theo-loai",
        caption: "Tin, bài đã đăng theo loại".to_owned(),
        note: None,
        columns: count_column("Loại tin, bài"),
        rows,
        total: Some(count_row("Tổng cộng", items.len() as u64)),
    }
}

fn by_agency(site: &Site, items: &[&Page]) -> Table {
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    let mut none = 0;
    for p in items {
        match p.meta.agency.as_deref() {
            Some(a) => *counts.entry(a).or_default() += 1,
            None => none += 1,
        }
    }
    let mut rows: Vec<Vec<Cell>> = site
        .config
        .agencies
        .iter()
        .map(|a| count_row(&a.name, counts.remove(a.id.as_str()).unwrap_or(0)))
        .collect();
    // Ids site.toml does not declare (validation normally prevents them).
    rows.extend(counts.into_iter().map(|(id, n)| count_row(id, n)));
    if none > 0 {
        rows.push(count_row("Không ghi cơ quan", none));
    }
    Table {
        id: "theo-co-quan",
        caption: "Tin, bài đã đăng theo cơ quan, đơn vị".to_owned(),
        note: None,
        columns: count_column("Cơ quan, đơn vị"),
        rows,
        total: Some(count_row("Tổng cộng", items.len() as u64)),
    }
}

fn by_ward(site: &Site, items: &[&Page]) -> Table {
    let mut rows: Vec<Vec<Cell>> = site
        .config
        .wards
        .iter()
        .map(|w| {
            let n = items
                .iter()
                .filter(|p| p.ward_slugs().contains(&w.slug.as_str()))
                .count();
            count_row(&w.name, n as u64)
        })
        .collect();
    let none = items.iter().filter(|p| p.ward_slugs().is_empty()).count();
    rows.push(count_row(
        "Chung toàn địa bàn (không gắn phường)",
        none as u64,
    ));
    Table {
        id: "theo-phuong",
        caption: "Tin, bài đã đăng theo phường".to_owned(),
        note: Some(
            "Một tin, bài nói về nhiều phường được đếm ở mỗi phường, nên các dòng không cộng thành tổng số tin, bài."
                .to_owned(),
        ),
        columns: count_column("Phường"),
        rows,
        total: None,
    }
}

#[derive(Clone, Copy)]
enum Terms {
    Sectors,
    Audiences,
}

/// Terms merged by slug (as the taxonomy pages do), named as most items write them,
/// most used first.
fn by_terms(items: &[&Page], which: Terms) -> Table {
    let mut by_slug: BTreeMap<String, (BTreeMap<&str, u64>, u64)> = BTreeMap::new();
    let mut none = 0;
    for p in items {
        let terms = match which {
            Terms::Sectors => &p.meta.sectors,
            Terms::Audiences => &p.meta.audiences,
        };
        let mut seen = Vec::new();
        for t in terms {
            let slug = slugify(t);
            if slug.is_empty() || seen.contains(&slug) {
                continue;
            }
            let entry = by_slug.entry(slug.clone()).or_default();
            *entry.0.entry(t.as_str()).or_default() += 1;
            entry.1 += 1;
            seen.push(slug);
        }
        if seen.is_empty() {
            none += 1;
        }
    }
    let mut terms: Vec<(String, u64)> = by_slug
        .into_values()
        .map(|(spellings, n)| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| (*s).to_owned())
                .unwrap_or_default();
            (name, n)
        })
        .collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let (id, caption, label, missing) = match which {
        Terms::Sectors => (
            "theo-linh-vuc",
            "Tin, bài đã đăng theo lĩnh vực",
            "Lĩnh vực",
            "Không ghi lĩnh vực",
        ),
        Terms::Audiences => (
            "theo-doi-tuong",
            "Tin, bài đã đăng theo đối tượng",
            "Đối tượng",
            "Không ghi đối tượng",
        ),
    };
    let mut rows: Vec<Vec<Cell>> = terms.iter().map(|(n, c)| count_row(n, *c)).collect();
    if none > 0 {
        rows.push(count_row(missing, none));
    }
    Table {
        id,
        caption: caption.to_owned(),
        note: Some(format!(
            "Một tin, bài thuộc nhiều {} được đếm ở mỗi {}.",
            label.to_lowercase(),
            label.to_lowercase()
        )),
        columns: count_column(label),
        rows,
        total: None,
    }
}

fn agency_name(site: &Site, id: Option<&str>) -> String {
    id.map(|id| site.config.agency(id).map_or(id, |a| a.name.as_str()))
        .unwrap_or_default()
        .to_owned()
}

/// Campaigns whose period meets the year, by start date.
fn campaigns(site: &Site, start: Date, end: Date) -> Table {
    let mut list: Vec<(&Page, Date, Date)> = site
        .pages
        .iter()
        .filter_map(|p| match &p.fields {
            KindFields::Campaign(c) => c.period.as_ref().map(|r| (p, r.start, r.end)),
            _ => None,
        })
        .filter(|(_, s, e)| *s <= end && *e >= start)
        .collect();
    list.sort_by(|a, b| (a.1, &a.0.title).cmp(&(b.1, &b.0.title)));
    let rows = list
        .iter()
        .map(|(p, s, e)| {
            let days = e.min(&end).days_since_epoch() - s.max(&start).days_since_epoch() + 1;
            let channels = match &p.fields {
                KindFields::Campaign(c) => c
                    .channels
                    .iter()
                    .map(|ch| ch.label_vi())
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => String::new(),
            };
            vec![
                Cell::text(p.title.clone()),
                Cell::date(*s),
                Cell::date(*e),
                Cell::count(days.max(0) as u64),
                Cell::text(channels),
                Cell::text(agency_name(site, p.meta.agency.as_deref())),
            ]
        })
        .collect();
    let col = |label, numeric| Column { label, numeric };
    Table {
        id: "chien-dich",
        caption: "Chiến dịch tuyên truyền diễn ra trong năm".to_owned(),
        note: None,
        columns: vec![
            col("Chiến dịch", false),
            col("Bắt đầu", false),
            col("Kết thúc", false),
            col("Số ngày trong năm", true),
            col("Kênh", false),
            col("Cơ quan chủ trì", false),
        ],
        rows,
        total: None,
    }
}

/// Action Month events held from `from` to `to`, by date and time.
fn events(site: &Site, from: Date, to: Date) -> Table {
    let mut list = Vec::new();
    for p in &site.pages {
        let KindFields::ActionMonth(a) = &p.fields else {
            continue;
        };
        for e in a.events.iter().filter(|e| from <= e.date && e.date <= to) {
            list.push((p, e));
        }
    }
    list.sort_by(|a, b| (a.1.date, &a.1.time, &a.1.title).cmp(&(b.1.date, &b.1.time, &b.1.title)));
    let rows = list
        .iter()
        .map(|(p, e)| {
            let ward = e
                .ward
                .as_deref()
                .map(|w| site.config.ward(w).map_or(w, |w| w.name.as_str()))
                .unwrap_or_default();
            vec![
                Cell::date(e.date),
                Cell::text(e.time.clone().unwrap_or_default()),
                Cell::text(e.title.clone()),
                Cell::text(e.place.clone().unwrap_or_default()),
                Cell::text(agency_name(site, e.organizer.as_deref())),
                Cell::text(ward),
                Cell::text(p.title.clone()),
            ]
        })
        .collect();
    let col = |label| Column {
        label,
        numeric: false,
    };
    Table {
        id: "su-kien-thang-hanh-dong",
        caption: "Sự kiện Tháng hành động về an toàn, vệ sinh lao động đã tổ chức".to_owned(),
        note: None,
        columns: vec![
            col("Ngày"),
            col("Giờ"),
            col("Sự kiện"),
            col("Địa điểm"),
            col("Đơn vị tổ chức"),
            col("Phường"),
            col("Tháng hành động"),
        ],
        rows,
        total: None,
    }
}

/// Bulletins and minutes per ward, in site.toml's order.
fn broadcast(site: &Site, aired: &[Aired]) -> Table {
    let row = |name: &str, list: &[&Aired]| {
        let seconds: u64 = list.iter().map(|a| u64::from(a.seconds)).sum();
        vec![
            Cell::text(name),
            Cell::count(list.len() as u64),
            Cell {
                text: minutes_text(seconds),
                raw: minutes_raw(seconds),
            },
            Cell::count(seconds),
        ]
    };
    let mut rows: Vec<Vec<Cell>> = site
        .config
        .wards
        .iter()
        .map(|w| {
            let list: Vec<&Aired> = aired.iter().filter(|a| a.ward == w.slug).collect();
            row(&w.name, &list)
        })
        .collect();
    let mut others: BTreeMap<&str, Vec<&Aired>> = BTreeMap::new();
    for a in aired.iter().filter(|a| site.config.ward(&a.ward).is_none()) {
        others.entry(a.ward.as_str()).or_default().push(a);
    }
    rows.extend(others.iter().map(|(w, list)| row(w, list)));
    let all: Vec<&Aired> = aired.iter().collect();
    let col = |label, numeric| Column { label, numeric };
    Table {
        id: "phat-thanh-theo-phuong",
        caption: "Bản tin phát thanh trên loa truyền thanh cơ sở theo phường".to_owned(),
        note: Some(
            "Thời lượng ước tính từ số âm tiết của bản tin; cột phút được làm tròn trong tệp CSV, cột giây là số chính xác."
                .to_owned(),
        ),
        columns: vec![
            col("Phường", false),
            col("Số bản tin", true),
            col("Thời lượng (phút)", true),
            col("Thời lượng (giây)", true),
        ],
        rows,
        total: Some(row("Tổng cộng", &all)),
    }
}

/// The report's folder: `<output>/bao-cao/<year>`.
pub fn folder(output: &Path, year: i32) -> PathBuf {
    output.join(DIR).join(year.to_string())
}

/// Render the HTML and the CSVs: (file name, bytes), sorted.
pub fn files(site: &Site, report: &Report) -> Result<Vec<(String, Vec<u8>)>> {
    let renderer = crate::render::Renderer::new(site)?;
    if !renderer.has_template(TEMPLATE) {
        return Err(Error::Failed(both!(
            "giao diện \"{theme}\" không có templates/{TEMPLATE}; chép tệp này từ giao diện có sẵn để viết báo cáo",
            "the theme \"{theme}\" has no templates/{TEMPLATE}; copy it from the built-in theme to write reports",
            theme = &site.config.theme
        )));
    }
    let html = renderer.render_template(TEMPLATE, "report", report)?;
    let mut files = vec![("index.html".to_owned(), html.into_bytes())];
    for t in &report.tables {
        files.push((format!("{}.csv", t.id), t.csv().into_bytes()));
    }
    files.sort();
    Ok(files)
}

/// Write the files into `dir` all at once: into a sibling temporary folder first, then
/// renamed into place, replacing an earlier report of the same year.
pub fn write(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<()> {
    let parent = dir.parent().ok_or_else(|| {
        Error::Failed(both!(
            "không ghi được báo cáo vào {dir}",
            "cannot write a report to {dir}",
            dir = dir.display()
        ))
    })?;
    std::fs::create_dir_all(parent).map_err(|e| Error::io("cannot create folder", parent, e))?;
    let name = dir
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    let pid = std::process::id();
    let temp = parent.join(format!(".{name}.loa-next-{pid}"));
    let old = parent.join(format!(".{name}.loa-prev-{pid}"));
    let result = (|| {
        if temp.exists() {
            std::fs::remove_dir_all(&temp).map_err(|e| Error::io("cannot remove", &temp, e))?;
        }
        std::fs::create_dir(&temp).map_err(|e| Error::io("cannot create folder", &temp, e))?;
        for (file, bytes) in files {
            let path = temp.join(file);
            std::fs::write(&path, bytes).map_err(|e| Error::io("cannot write", &path, e))?;
        }
        if dir.exists() {
            std::fs::rename(dir, &old).map_err(|e| Error::io("cannot move aside", dir, e))?;
        }
        if let Err(e) = std::fs::rename(&temp, dir) {
            let _ = std::fs::rename(&old, dir);
            return Err(Error::io("cannot move the new report into", dir, e));
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&temp);
    let _ = std::fs::remove_dir_all(&old);
    result
}

/// `loa report`: load the site as a build would, count the year, write the report.
/// Returns the report and the folder written.
pub fn run(
    opts: &BuildOptions,
    year: i32,
    bulletins: Option<&dyn Bulletins>,
) -> Result<(Report, PathBuf)> {
    let site = crate::build::load_site(opts)?;
    let report = compile(&site, year, bulletins)?;
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.root.join(&site.config.output_dir));
    let dir = folder(&output, year);
    write(&dir, &files(&site, &report)?)?;
    Ok((report, dir))
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
    fn writes_minutes_for_people_and_for_spreadsheets() {
        assert_eq!(minutes_text(750), "12,5");
        assert_eq!(minutes_text(720), "12");
        assert_eq!(minutes_raw(750), "13");
        assert_eq!(minutes_raw(749), "12");
        assert_eq!(minutes_raw(0), "0");
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
