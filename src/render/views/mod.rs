//! What templates see: small views that borrow from the site. A list page gets page
//! summaries, never every page's full content (that is what makes some generators
//! quadratic on paginated lists).

use serde::Serialize;

use super::filters::period_status;
use crate::config::{Agency, SiteConfig};
use crate::content::front_matter::{BroadcastBlock, Priority, WardSelection};
use crate::content::kind::{Event, KindFields, SubjectType, ViolationStatus};
use crate::content::{Kind, Page, Section, Site, asset_url};
use crate::date::Date;
use crate::markdown::Heading;
use crate::slug::slugify;

mod events;
mod files;
mod pager;

pub use events::*;
pub use files::*;
pub use pager::*;

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
    /// The image as a `<picture>` for a card in a list (loaded when scrolled to), when
    /// it is a photo the build reduces.
    pub image_html: Option<String>,
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
    /// The body, its photos as `<picture>`s.
    pub content: std::borrow::Cow<'a, str>,
    /// The page's image as a `<picture>`, loaded at once (it is often the largest
    /// thing on the screen), when it is a photo the build reduces.
    pub figure_html: Option<String>,
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
    /// Absolute URL of the page's share image (a 1200×630 crop), for Open Graph.
    pub og_image: Option<String>,
    pub og_image_size: Option<ImageSize>,
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
        permalink: format!("{}{}", site.base(), page.path),
        kind: page.kind.id(),
        kind_label: page.kind.label_vi(),
        date: page.date().map(|d| d.to_string()),
        summary: &page.summary,
        image: page.meta.image.as_deref(),
        image_url: page.meta.image.as_deref().map(asset_url),
        image_alt: page.meta.image_alt.as_deref(),
        image_html: picture(page, site).map(|p| {
            let alt = crate::images::markup::escape(page.meta.image_alt.as_deref().unwrap_or(""));
            crate::images::markup::picture(p, &alt, crate::images::markup::SIZES_CARD, false, "")
        }),
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

/// The page's front-matter image as the build publishes it, when it is a photo the
/// build reduces.
fn picture<'s>(page: &Page, site: &'s Site) -> Option<&'s crate::images::Picture> {
    let image = page.meta.image.as_deref()?;
    site.images().for_url(site, &page.path, &asset_url(image))
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
    let figure = picture(page, site);
    let figure_html = figure.map(|p| {
        let alt = crate::images::markup::escape(page.meta.image_alt.as_deref().unwrap_or(""));
        crate::images::markup::picture(p, &alt, crate::images::markup::SIZES_BODY, true, "")
    });
    let images = site.images();
    let content = if page.references.images.is_empty() {
        std::borrow::Cow::Borrowed(page.content.as_str())
    } else {
        std::borrow::Cow::Owned(crate::images::markup::rewrite_body(
            &page.content,
            figure.is_none(),
            &|src| images.for_url(site, &page.path, src),
        ))
    };
    PageView {
        summary: summary(page, site),
        updated: page.meta.updated.as_ref().map(|d| d.date.to_string()),
        lead: page.meta.summary.as_deref(),
        content,
        figure_html,
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
        image_size: match figure {
            Some(p) => Some(ImageSize {
                width: p.largest().width,
                height: p.largest().height,
            }),
            None => page
                .meta
                .image
                .as_deref()
                .map(asset_url)
                .and_then(|u| asset_image_size(&u, site)),
        },
        og_image: match figure {
            Some(p) => Some(absolute_url(
                &crate::images::markup::url(&p.og.0),
                site.base(),
            )),
            None => page
                .meta
                .image
                .as_deref()
                .map(asset_url)
                .map(|u| absolute_url(&u, site.base())),
        },
        og_image_size: figure.map(|p| ImageSize {
            width: p.og.1,
            height: p.og.2,
        }),
        channels: match &page.fields {
            KindFields::Campaign(c) => c.channels.iter().map(|&c| c.label_vi()).collect(),
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
pub fn absolute_url(path: &str, base: &str) -> String {
    if path.contains("://") {
        path.to_owned()
    } else {
        format!("{base}{path}")
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
mod tests;
