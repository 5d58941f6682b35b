//! What templates see: small views that borrow from the site. A list page gets page
//! summaries, never every page's full content (that is what makes some generators
//! quadratic on paginated lists).

use serde::Serialize;

use super::filters::period_status;
use crate::config::{Agency, SiteConfig};
use crate::content::front_matter::BroadcastBlock;
use crate::content::kind::{Event, KindFields};
use crate::content::{Kind, Page, Section, Site};
use crate::date::Date;
use crate::markdown::Heading;
use crate::slug::slugify;

#[derive(Serialize, Clone)]
pub struct Link<'a> {
    pub name: &'a str,
    pub path: String,
}

#[derive(Serialize, Clone)]
pub struct Status {
    /// `sap-dien-ra`, `dang-dien-ra` or `da-ket-thuc`.
    pub id: &'static str,
    pub label: String,
}

/// A page in a list: no body.
#[derive(Serialize, Clone)]
pub struct PageSummary<'a> {
    pub title: &'a str,
    pub path: &'a str,
    pub permalink: String,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub date: Option<String>,
    pub summary: &'a str,
    pub image: Option<&'a str>,
    pub image_alt: Option<&'a str>,
    pub status: Option<Status>,
    pub fields: &'a KindFields,
}

#[derive(Serialize)]
pub struct PageView<'a> {
    #[serde(flatten)]
    pub summary: PageSummary<'a>,
    pub updated: Option<String>,
    pub content: &'a str,
    pub toc: &'a [Heading],
    pub agency: Option<&'a Agency>,
    pub sectors: Vec<Link<'a>>,
    pub audiences: Vec<Link<'a>>,
    pub wards: Vec<Link<'a>>,
    pub extra: &'a std::collections::BTreeMap<String, serde_json::Value>,
    pub word_count: usize,
    pub reading_minutes: usize,
    pub broadcast: Option<&'a BroadcastBlock>,
    pub section: SectionRef<'a>,
    /// For an action month: its events by date, and its calendar file.
    pub agenda: Vec<AgendaDay<'a>>,
    pub calendar: Option<String>,
    pub previous: Option<PageSummary<'a>>,
    pub next: Option<PageSummary<'a>>,
}

#[derive(Serialize)]
pub struct AgendaDay<'a> {
    pub date: String,
    pub events: Vec<&'a Event>,
}

#[derive(Serialize, Clone)]
pub struct SectionRef<'a> {
    pub title: &'a str,
    pub path: &'a str,
    pub kind: &'static str,
}

pub fn section_ref(s: &Section) -> SectionRef<'_> {
    SectionRef {
        title: &s.title,
        path: &s.path,
        kind: s.kind.id(),
    }
}

pub fn status(page: &Page, today: Date) -> Option<Status> {
    let (start, end) = match &page.fields {
        KindFields::Campaign(c) => c.period.as_ref().map(|p| (p.start, p.end))?,
        KindFields::ActionMonth(a) => crate::content::action_month_period(a)?,
        _ => return None,
    };
    let (id, label) = period_status(start, end, today);
    Some(Status { id, label })
}

pub fn summary<'a>(page: &'a Page, site: &Site) -> PageSummary<'a> {
    PageSummary {
        title: &page.title,
        path: &page.path,
        permalink: format!("{}{}", site.config.base(), page.path),
        kind: page.kind.id(),
        kind_label: page.kind.label_vi(),
        date: page.date().map(|d| d.to_string()),
        summary: &page.summary,
        image: page.meta.image.as_deref(),
        image_alt: page.meta.image_alt.as_deref(),
        status: status(page, site.today),
        fields: &page.fields,
    }
}

/// URL path of a taxonomy: the slug of its display name (`Lĩnh vực` -> `/linh-vuc/`).
pub fn taxonomy_path(name: &str) -> String {
    format!("/{}/", slugify(name))
}

fn term_links<'a>(names: &'a [String], taxonomy: &str) -> Vec<Link<'a>> {
    let base = taxonomy_path(taxonomy);
    names
        .iter()
        .map(|n| Link {
            name: n,
            path: format!("{base}{}/", slugify(n)),
        })
        .collect()
}

fn ward_links<'a>(page: &'a Page, config: &'a SiteConfig) -> Vec<Link<'a>> {
    let base = taxonomy_path(&config.taxonomies.wards);
    page.ward_slugs()
        .into_iter()
        .filter_map(|s| config.ward(s))
        .map(|w| Link {
            name: &w.name,
            path: format!("{base}{}/", w.slug),
        })
        .collect()
}

fn agenda(page: &Page) -> Vec<AgendaDay<'_>> {
    let KindFields::ActionMonth(a) = &page.fields else {
        return Vec::new();
    };
    let mut events: Vec<&Event> = a.events.iter().collect();
    events.sort_by(|x, y| (x.date, &x.time).cmp(&(y.date, &y.time)));
    let mut days: Vec<AgendaDay> = Vec::new();
    for e in events {
        let date = e.date.to_string();
        match days.last_mut() {
            Some(d) if d.date == date => d.events.push(e),
            _ => days.push(AgendaDay {
                date,
                events: vec![e],
            }),
        }
    }
    days
}

pub fn page_view<'a>(
    page: &'a Page,
    site: &'a Site,
    prev: Option<&'a Page>,
    next: Option<&'a Page>,
) -> PageView<'a> {
    let config = &site.config;
    PageView {
        summary: summary(page, site),
        updated: page.meta.updated.as_ref().map(|d| d.date.to_string()),
        content: &page.content,
        toc: &page.toc,
        agency: page.meta.agency.as_deref().and_then(|a| config.agency(a)),
        sectors: term_links(&page.meta.sectors, &config.taxonomies.sectors),
        audiences: term_links(&page.meta.audiences, &config.taxonomies.audiences),
        wards: ward_links(page, config),
        extra: &page.meta.extra,
        word_count: page.word_count,
        reading_minutes: page.word_count.div_ceil(200).max(1),
        broadcast: page.meta.broadcast.as_ref(),
        section: section_ref(site.section_of(page)),
        agenda: agenda(page),
        calendar: (page.kind == Kind::ActionMonth)
            .then(|| format!("{}{}", page.path, super::CALENDAR_FILE)),
        previous: prev.map(|p| summary(p, site)),
        next: next.map(|p| summary(p, site)),
    }
}

/// A page of a paginated list.
#[derive(Serialize)]
pub struct Paginator<'a> {
    pub pages: Vec<PageSummary<'a>>,
    /// 1-based.
    pub current_index: usize,
    pub total_pages: usize,
    pub total_items: usize,
    pub first: String,
    pub last: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pagers: Vec<Pager>,
}

#[derive(Serialize)]
pub struct Pager {
    pub index: usize,
    pub path: String,
}

/// `/tin-tuc/` for the first page, `/tin-tuc/trang/2/` after.
pub fn pager_path(base: &str, index: usize) -> String {
    if index <= 1 {
        base.to_owned()
    } else {
        format!("{base}{}/{index}/", super::PAGE_SEGMENT)
    }
}

pub fn paginator<'a>(
    items: &[&'a Page],
    index: usize,
    per_page: usize,
    base: &str,
    site: &'a Site,
) -> Paginator<'a> {
    let total_pages = items.len().div_ceil(per_page).max(1);
    let start = (index - 1) * per_page;
    let pages = items
        .iter()
        .skip(start)
        .take(per_page)
        .map(|p| summary(p, site))
        .collect();
    Paginator {
        pages,
        current_index: index,
        total_pages,
        total_items: items.len(),
        first: pager_path(base, 1),
        last: pager_path(base, total_pages),
        previous: (index > 1).then(|| pager_path(base, index - 1)),
        next: (index < total_pages).then(|| pager_path(base, index + 1)),
        pagers: (1..=total_pages)
            .map(|i| Pager {
                index: i,
                path: pager_path(base, i),
            })
            .collect(),
    }
}
