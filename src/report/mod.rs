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

mod count;
mod table;

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::build::BuildOptions;
use crate::content::{Page, Site};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::render::filters::{date_short, group_thousands};
use count::{Terms, broadcast, by_agency, by_kind, by_terms, by_ward, campaigns, events};
pub use table::{Cell, Column, Table};

/// Folder of the reports inside the output folder.
pub const DIR: &str = "bao-cao";
/// The theme template the HTML report is rendered with.
pub const TEMPLATE: &str = "bao-cao.html";

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
    let dir = folder(&opts.output_dir(&site.config), year);
    write(&dir, &files(&site, &report)?)?;
    Ok((report, dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_minutes_for_people_and_for_spreadsheets() {
        assert_eq!(minutes_text(750), "12,5");
        assert_eq!(minutes_text(720), "12");
        assert_eq!(minutes_raw(750), "13");
        assert_eq!(minutes_raw(749), "12");
        assert_eq!(minutes_raw(0), "0");
    }
}
