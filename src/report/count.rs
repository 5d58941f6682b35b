//! Counting the year's work into tables: items by kind, agency, ward, sector and
//! audience; the campaigns that ran; the Action Month events held; the bulletins aired
//! per ward.

use std::collections::BTreeMap;

use super::table::{Cell, Column, Table, count_column, count_row};
use super::{Aired, minutes_raw, minutes_text};
use crate::content::kind::KindFields;
use crate::content::{Kind, Page, Site};
use crate::date::Date;
use crate::slug::slugify;

pub(super) fn by_kind(items: &[&Page]) -> Table {
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

pub(super) fn by_agency(site: &Site, items: &[&Page]) -> Table {
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

pub(super) fn by_ward(site: &Site, items: &[&Page]) -> Table {
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
pub(super) enum Terms {
    Sectors,
    Audiences,
}

/// Terms merged by slug (as the taxonomy pages do), named as most items write them,
/// most used first.
pub(super) fn by_terms(items: &[&Page], which: Terms) -> Table {
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
pub(super) fn campaigns(site: &Site, start: Date, end: Date) -> Table {
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
pub(super) fn events(site: &Site, from: Date, to: Date) -> Table {
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
pub(super) fn broadcast(site: &Site, aired: &[Aired]) -> Table {
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
