//! What templates see: small views that borrow from the site. A list page gets page
//! summaries, never every page's full content (that is what makes some generators
//! quadratic on paginated lists).

use serde::Serialize;

use super::filters::period_status;
use crate::config::{Agency, SiteConfig};
use crate::content::front_matter::{BroadcastBlock, Priority, WardSelection};
use crate::content::kind::{Channel, Event, KindFields, SubjectType, ViolationStatus};
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
pub struct PeriodView {
    pub start: String,
    pub end: String,
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
    /// `image` as a URL path: a bare name is a file under assets/ (`/assets/anh/a.png`).
    pub image_url: Option<String>,
    pub image_alt: Option<&'a str>,
    /// A campaign's or an action month's period (an action month's default filled in).
    pub period: Option<PeriodView>,
    /// Where a campaign or an action month stands on the build date.
    pub status: Option<Status>,
    /// A violation notice's status (`xu-phat-hanh-chinh`, ...) in words.
    pub violation_status: Option<Status>,
    /// The one ward a model or a notice is about, with its name and term page.
    pub ward: Option<Link<'a>>,
    /// A model's or a notice's subject (an individual's name arrives masked).
    pub subject: Option<&'a str>,
    pub fields: &'a KindFields,
}

#[derive(Serialize)]
pub struct PageView<'a> {
    #[serde(flatten)]
    pub summary: PageSummary<'a>,
    pub updated: Option<String>,
    /// The summary the author wrote (not one taken from the body), shown as a lead.
    pub lead: Option<&'a str>,
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
    /// The neighbours' summaries ([`summaries`]).
    pub previous: Option<tera::Value>,
    pub next: Option<tera::Value>,
    /// Sections above the page, from the top (home excluded), for breadcrumbs.
    pub ancestors: Vec<SectionRef<'a>>,
    /// Absolute URL of the page's image, for Open Graph.
    pub og_image: Option<String>,
    /// The image's pixel size when it is a PNG, GIF or JPEG in the site, so the browser
    /// reserves its room before it arrives (no jump on a slow network).
    pub image_size: Option<ImageSize>,
    /// A campaign's channels in words (`Loa truyền thanh`, ...).
    pub channels: Vec<&'static str>,
    /// `Tổ chức` or `Cá nhân` for a model or a notice.
    pub subject_type_label: Option<&'static str>,
    /// A notice's total: `total_fine`, else the sum of its fines.
    pub fine_total: Option<u64>,
    /// A document's original, when it has one.
    pub file: Option<FileView>,
    /// When and where the page is read on the loudspeakers, in words.
    pub airing: Option<Airing<'a>>,
}

/// A `broadcast` block for readers: dates, slots by name and time, wards by name.
#[derive(Serialize)]
pub struct Airing<'a> {
    pub from: Option<String>,
    pub until: Option<String>,
    /// `Buổi sáng (06:00)`, in the order of site.toml.
    pub slots: Vec<String>,
    /// True when every ward airs it; `wards` is then empty.
    pub all_wards: bool,
    pub wards: Vec<Link<'a>>,
    /// `khan-cap`, `uu-tien` or `thong-thuong`.
    pub priority: &'static str,
    pub priority_label: &'static str,
}

fn airing<'a>(b: &'a BroadcastBlock, page: &Page, config: &'a SiteConfig) -> Airing<'a> {
    let slots = config
        .broadcast
        .slots
        .iter()
        .filter(|s| b.slots.as_ref().is_none_or(|ids| ids.contains(&s.id)))
        .map(|s| format!("{} ({})", s.name, s.time))
        .collect();
    let (all_wards, wards) = match &b.wards {
        WardSelection::All => (true, Vec::new()),
        WardSelection::Only(list) => (
            false,
            list.iter().filter_map(|w| ward_link(w, config)).collect(),
        ),
    };
    Airing {
        from: b.from.or_else(|| page.date()).map(|d| d.to_string()),
        until: b.until.map(|d| d.to_string()),
        slots,
        all_wards,
        wards,
        priority: match b.priority {
            Priority::KhanCap => "khan-cap",
            Priority::UuTien => "uu-tien",
            Priority::ThongThuong => "thong-thuong",
        },
        priority_label: b.priority.label_vi(),
    }
}

#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct ImageSize {
    pub width: u32,
    pub height: u32,
}

/// Width and height from the first bytes of a PNG, GIF or JPEG file.
pub fn image_size(bytes: &[u8]) -> Option<ImageSize> {
    let be16 = |b: &[u8]| u32::from(u16::from_be_bytes([b[0], b[1]]));
    let size = |width, height| (width > 0 && height > 0).then_some(ImageSize { width, height });
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() >= 24 && &bytes[12..16] == b"IHDR" {
        let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
        return size(w, h);
    }
    if (bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a")) && bytes.len() >= 10 {
        let w = u32::from(u16::from_le_bytes([bytes[6], bytes[7]]));
        let h = u32::from(u16::from_le_bytes([bytes[8], bytes[9]]));
        return size(w, h);
    }
    if bytes.starts_with(&[0xFF, 0xD8]) {
        // Walk the JPEG segments to the first start-of-frame marker.
        let mut i = 2;
        while i + 9 < bytes.len() {
            if bytes[i] != 0xFF {
                return None;
            }
            let marker = bytes[i + 1];
            if marker == 0xFF {
                i += 1;
                continue;
            }
            let len = be16(&bytes[i + 2..]) as usize;
            let is_sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
            if is_sof {
                return size(be16(&bytes[i + 7..]), be16(&bytes[i + 5..]));
            }
            i += 2 + len;
        }
    }
    None
}

/// The source of a file the build copies to URL path `url`: `/assets/x` comes from
/// `assets/x`, anything else from `static/`. Found by path, not by a scan of every
/// static file (which would make a portal of many documents quadratic).
fn static_source(url: &str, site: &Site) -> Option<std::path::PathBuf> {
    let dest = url.strip_prefix('/')?;
    if dest.split('/').any(|s| s == ".." || s.starts_with('.')) {
        return None;
    }
    let path = if dest.starts_with("assets/") {
        site.root.join(dest)
    } else {
        site.root.join("static").join(dest)
    };
    path.is_file().then_some(path)
}

/// The size of an image the build copies, read from its first 64 KB.
fn asset_image_size(url: &str, site: &Site) -> Option<ImageSize> {
    use std::io::Read;
    let source = static_source(url, site)?;
    let mut head = Vec::new();
    std::fs::File::open(source)
        .ok()?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    image_size(&head)
}

/// A downloadable file: its URL, type and size as readers expect ("PDF, 245 KB").
#[derive(Serialize)]
pub struct FileView {
    pub url: String,
    pub name: String,
    /// Upper-case extension, `PDF`.
    pub format: String,
    /// Size in bytes, when the file is in the site.
    pub size: Option<u64>,
}

#[derive(Serialize)]
pub struct AgendaDay<'a> {
    pub date: String,
    pub events: Vec<EventView<'a>>,
}

/// An agenda event with its organizer and ward resolved to names.
#[derive(Serialize)]
pub struct EventView<'a> {
    pub date: String,
    pub time: Option<&'a str>,
    pub title: &'a str,
    pub place: Option<&'a str>,
    /// The agency's name when `organizer` is an agency id, else the text as written.
    pub organizer: Option<&'a str>,
    pub ward: Option<Link<'a>>,
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

fn period(page: &Page) -> Option<(Date, Date)> {
    match &page.fields {
        KindFields::Campaign(c) => c.period.as_ref().map(|p| (p.start, p.end)),
        KindFields::ActionMonth(a) => crate::content::action_month_period(a),
        _ => None,
    }
}

pub fn status(page: &Page, today: Date) -> Option<Status> {
    let (start, end) = period(page)?;
    let (id, label) = period_status(start, end, today);
    Some(Status { id, label })
}

/// Every page's summary as a template value, by page index: lists and neighbour links
/// share them (a clone is a reference count), instead of converting a page again for
/// every list it is on.
pub fn summaries(site: &Site) -> Vec<tera::Value> {
    use rayon::prelude::*;
    site.pages
        .par_iter()
        .map(|p| tera::Value::from_serializable(&summary(p, site)))
        .collect()
}

pub fn summary<'a>(page: &'a Page, site: &'a Site) -> PageSummary<'a> {
    PageSummary {
        title: &page.title,
        path: &page.path,
        permalink: format!("{}{}", site.config.base(), page.path),
        kind: page.kind.id(),
        kind_label: page.kind.label_vi(),
        date: page.date().map(|d| d.to_string()),
        summary: &page.summary,
        image: page.meta.image.as_deref(),
        image_url: page.meta.image.as_deref().map(asset_url),
        image_alt: page.meta.image_alt.as_deref(),
        period: period(page).map(|(s, e)| PeriodView {
            start: s.to_string(),
            end: e.to_string(),
        }),
        status: status(page, site.today),
        violation_status: match &page.fields {
            KindFields::Violation(v) => v.status.map(violation_status),
            _ => None,
        },
        ward: page.fields.ward().and_then(|w| ward_link(w, &site.config)),
        subject: match &page.fields {
            KindFields::Model(m) => m.subject.as_deref(),
            KindFields::Violation(v) => v.subject.as_deref(),
            _ => None,
        },
        fields: &page.fields,
    }
}

/// A file path as written in front matter -> its URL path. A bare path names a file
/// under assets/; a path starting with `/` or a URL is kept.
pub fn asset_url(path: &str) -> String {
    if path.starts_with('/') || path.contains("://") {
        path.to_owned()
    } else {
        format!("/assets/{}", path.trim_start_matches("./"))
    }
}

pub fn violation_status(s: ViolationStatus) -> Status {
    let id = match s {
        ViolationStatus::XuPhatHanhChinh => "xu-phat-hanh-chinh",
        ViolationStatus::TruyTo => "truy-to",
        ViolationStatus::XetXu => "xet-xu",
        ViolationStatus::DaKhacPhuc => "da-khac-phuc",
    };
    Status {
        id,
        label: s.label_vi().to_owned(),
    }
}

pub fn channel_label(c: Channel) -> &'static str {
    match c {
        Channel::Web => "Cổng thông tin điện tử",
        Channel::Loa => "Loa truyền thanh cơ sở",
        Channel::Social => "Mạng xã hội",
    }
}

pub fn subject_type_label(t: SubjectType) -> &'static str {
    match t {
        SubjectType::Organization => "Tổ chức",
        SubjectType::Individual => "Cá nhân",
        SubjectType::Household => "Hộ kinh doanh",
    }
}

fn ward_link<'a>(slug: &str, config: &'a SiteConfig) -> Option<Link<'a>> {
    config.ward(slug).map(|w| Link {
        name: &w.name,
        path: format!("{}{}/", taxonomy_path(&config.taxonomies.wards), w.slug),
    })
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

/// An action month's events in date and time order.
pub fn events<'a>(page: &'a Page, config: &'a SiteConfig) -> Vec<EventView<'a>> {
    let KindFields::ActionMonth(a) = &page.fields else {
        return Vec::new();
    };
    let mut events: Vec<&Event> = a.events.iter().collect();
    events.sort_by(|x, y| (x.date, &x.time).cmp(&(y.date, &y.time)));
    events
        .into_iter()
        .map(|e| EventView {
            date: e.date.to_string(),
            time: e.time.as_deref(),
            title: &e.title,
            place: e.place.as_deref(),
            organizer: e
                .organizer
                .as_deref()
                .map(|o| config.agency(o).map_or(o, |a| a.name.as_str())),
            ward: e.ward.as_deref().and_then(|w| ward_link(w, config)),
        })
        .collect()
}

fn agenda<'a>(page: &'a Page, config: &'a SiteConfig) -> Vec<AgendaDay<'a>> {
    let mut days: Vec<AgendaDay> = Vec::new();
    for e in events(page, config) {
        match days.last_mut() {
            Some(d) if d.date == e.date => d.events.push(e),
            _ => days.push(AgendaDay {
                date: e.date.clone(),
                events: vec![e],
            }),
        }
    }
    days
}

fn file_view(path: &str, site: &Site) -> FileView {
    let url = asset_url(path);
    let name = path.rsplit('/').next().unwrap_or(path).to_owned();
    let format = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_uppercase())
        .unwrap_or_default();
    let size = static_source(&url, site)
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| m.len());
    FileView {
        url,
        name,
        format,
        size,
    }
}

fn ancestors<'a>(site: &'a Site, mut section: usize) -> Vec<SectionRef<'a>> {
    let mut chain = Vec::new();
    while section != 0 {
        let s = &site.sections[section];
        chain.push(section_ref(s));
        match s.parent {
            Some(p) => section = p,
            None => break,
        }
    }
    chain.reverse();
    chain
}

/// `prev` and `next` are the neighbours' summaries, from [`summaries`].
pub fn page_view<'a>(
    page: &'a Page,
    site: &'a Site,
    prev: Option<&tera::Value>,
    next: Option<&tera::Value>,
) -> PageView<'a> {
    let config = &site.config;
    PageView {
        summary: summary(page, site),
        updated: page.meta.updated.as_ref().map(|d| d.date.to_string()),
        lead: page.meta.summary.as_deref(),
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
        agenda: agenda(page, config),
        calendar: (page.kind == Kind::ActionMonth)
            .then(|| format!("{}{}", page.path, super::CALENDAR_FILE)),
        previous: prev.cloned(),
        next: next.cloned(),
        ancestors: ancestors(site, page.section),
        image_size: page
            .meta
            .image
            .as_deref()
            .map(asset_url)
            .and_then(|u| asset_image_size(&u, site)),
        og_image: page
            .meta
            .image
            .as_deref()
            .map(asset_url)
            .map(|u| absolute_url(&u, config)),
        channels: match &page.fields {
            KindFields::Campaign(c) => c.channels.iter().map(|&c| channel_label(c)).collect(),
            _ => Vec::new(),
        },
        subject_type_label: match &page.fields {
            KindFields::Model(m) => m.subject_type.map(subject_type_label),
            KindFields::Violation(v) => v.subject_type.map(subject_type_label),
            _ => None,
        },
        fine_total: match &page.fields {
            KindFields::Violation(v) => Some(
                v.total_fine
                    .map_or_else(|| v.violations.iter().map(|x| x.fine.0).sum(), |t| t.0),
            ),
            _ => None,
        },
        file: match &page.fields {
            KindFields::Document(d) => d.file.as_deref().map(|f| file_view(f, site)),
            _ => None,
        },
        airing: page
            .meta
            .broadcast
            .as_ref()
            .map(|b| airing(b, page, config)),
    }
}

/// A URL path on the site -> an absolute URL; absolute URLs are kept.
pub fn absolute_url(path: &str, config: &SiteConfig) -> String {
    if path.contains("://") {
        path.to_owned()
    } else {
        format!("{}{}", config.base(), path)
    }
}

/// Section ancestors of a section, for breadcrumbs: from the top, the section itself
/// excluded.
pub fn section_ancestors(site: &Site, index: usize) -> Vec<SectionRef<'_>> {
    match site.sections[index].parent {
        Some(p) => ancestors(site, p),
        None => Vec::new(),
    }
}

/// A page of a paginated list.
#[derive(Serialize)]
pub struct Paginator {
    /// Summaries of the pages on this pager, from [`summaries`].
    pub pages: Vec<tera::Value>,
    /// 1-based.
    pub current_index: usize,
    pub total_pages: usize,
    pub total_items: usize,
    pub first: String,
    pub last: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// Links to other pages of the list: the first, the last and two either side of
    /// the current one, so a list of a thousand pages does not link every page from
    /// every page.
    pub pagers: Vec<Pager>,
}

#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct Pager {
    pub index: usize,
    pub path: String,
    /// Pages are left out between this one and the previous link.
    pub gap_before: bool,
}

/// Page numbers to link from page `current` of `total`: 1, the last, and `current`
/// ± 2; a lone left-out page is shown instead of a gap.
pub fn pager_indexes(current: usize, total: usize) -> Vec<usize> {
    if total <= 7 {
        return (1..=total).collect();
    }
    let mut keep: Vec<usize> = [1, total]
        .into_iter()
        .chain(current.saturating_sub(2).max(1)..=(current + 2).min(total))
        .collect();
    keep.sort_unstable();
    keep.dedup();
    let mut out: Vec<usize> = Vec::with_capacity(keep.len() + 2);
    for i in keep {
        if let Some(&last) = out.last()
            && i == last + 2
        {
            out.push(last + 1);
        }
        out.push(i);
    }
    out
}

/// `/tin-tuc/` for the first page, `/tin-tuc/trang/2/` after.
pub fn pager_path(base: &str, index: usize) -> String {
    if index <= 1 {
        base.to_owned()
    } else {
        format!("{base}{}/{index}/", super::PAGE_SEGMENT)
    }
}

/// Pager `index` (1-based) of the pages `items` (indexes into the site's pages), whose
/// summaries are `summaries`.
pub fn paginator(
    items: &[usize],
    index: usize,
    per_page: usize,
    base: &str,
    summaries: &[tera::Value],
) -> Paginator {
    let total_pages = items.len().div_ceil(per_page).max(1);
    let start = (index - 1) * per_page;
    let pages = items
        .iter()
        .skip(start)
        .take(per_page)
        .map(|&i| summaries[i].clone())
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
        pagers: {
            let indexes = pager_indexes(index, total_pages);
            indexes
                .iter()
                .enumerate()
                .map(|(n, &i)| Pager {
                    index: i,
                    path: pager_path(base, i),
                    gap_before: n > 0 && indexes[n - 1] + 1 < i,
                })
                .collect()
        },
    }
}

/// An office of site.toml with what it is responsible for and its newest published
/// pages, for the agencies page.
#[derive(Serialize)]
pub struct AgencyView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub short_name: &'a str,
    pub responsibilities: &'a [String],
    /// Its published pages, newest first, at most five.
    pub pages: Vec<PageSummary<'a>>,
    pub page_count: usize,
}

pub fn agencies(site: &Site) -> Vec<AgencyView<'_>> {
    site.config
        .agencies
        .iter()
        .map(|a| {
            let mut pages: Vec<&Page> = site
                .pages
                .iter()
                .filter(|p| p.meta.agency.as_deref() == Some(a.id.as_str()))
                .collect();
            pages.sort_by(|x, y| y.sort_date().cmp(&x.sort_date()).then(x.rel.cmp(&y.rel)));
            AgencyView {
                id: &a.id,
                name: &a.name,
                short_name: &a.short_name,
                responsibilities: &a.responsibilities,
                page_count: pages.len(),
                pages: pages
                    .into_iter()
                    .take(5)
                    .map(|p| summary(p, site))
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_image_sizes_from_file_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&640u32.to_be_bytes());
        png.extend_from_slice(&360u32.to_be_bytes());
        assert_eq!(
            image_size(&png),
            Some(ImageSize {
                width: 640,
                height: 360
            })
        );

        let gif = b"GIF89a\x20\x03\x58\x02rest";
        assert_eq!(
            image_size(gif),
            Some(ImageSize {
                width: 800,
                height: 600
            })
        );

        // SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 720.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        jpeg.extend_from_slice(&[0; 14]);
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0xD0, 0x03]);
        assert_eq!(
            image_size(&jpeg),
            Some(ImageSize {
                width: 720,
                height: 480
            })
        );

        assert_eq!(image_size(b"not an image at all"), None);
        assert_eq!(image_size(b"\x89PNG\r\n\x1a\n"), None);
    }

    #[test]
    fn pagination_links_the_ends_and_the_neighbourhood() {
        let cases: [(usize, usize, &[usize]); 6] = [
            (1, 1, &[1]),
            (2, 5, &[1, 2, 3, 4, 5]),
            (1, 7, &[1, 2, 3, 4, 5, 6, 7]),
            (1, 100, &[1, 2, 3, 100]),
            (50, 100, &[1, 48, 49, 50, 51, 52, 100]),
            // A single left-out page (2) is shown rather than a gap.
            (5, 100, &[1, 2, 3, 4, 5, 6, 7, 100]),
        ];
        for (current, total, want) in cases {
            assert_eq!(
                pager_indexes(current, total),
                want,
                "page {current} of {total}"
            );
        }
    }

    #[test]
    fn bare_asset_paths_live_under_assets() {
        assert_eq!(asset_url("anh/a.png"), "/assets/anh/a.png");
        assert_eq!(asset_url("./anh/a.png"), "/assets/anh/a.png");
        assert_eq!(asset_url("/img/a.png"), "/img/a.png");
        assert_eq!(asset_url("https://x.vn/a.png"), "https://x.vn/a.png");
    }
}
