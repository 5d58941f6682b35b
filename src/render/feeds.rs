//! Files loa writes without templates, so they are always well-formed: Atom feeds, the
//! sitemap, alias redirects and action-month calendars.

use crate::content::kind::KindFields;
use crate::content::{Page, Site};
use crate::ics::{IcsEvent, calendar};

/// Escape text for XML content and attributes.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

const FEED_LIMIT: usize = 20;

/// An Atom feed of the newest pages. `updated` is the newest entry's date, never the
/// build time, so builds stay identical.
pub fn atom(site: &Site, title: &str, path: &str, mut pages: Vec<&Page>) -> String {
    pages.retain(|p| p.meta.date.is_some());
    pages.sort_by(|a, b| b.sort_date().cmp(&a.sort_date()).then(a.rel.cmp(&b.rel)));
    pages.truncate(FEED_LIMIT);
    let base = site.base();
    let updated = pages
        .iter()
        .filter_map(|p| p.meta.updated.as_ref().or(p.meta.date.as_ref()))
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |d| d.rfc3339());
    let mut out = String::with_capacity(1024 + pages.len() * 512);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
    out.push_str(&xml_escape(&site.config.language));
    out.push_str("\">\n");
    out.push_str(&format!("  <title>{}</title>\n", xml_escape(title)));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}{path}atom.xml\"/>\n"
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{base}{path}\"/>\n"
    ));
    out.push_str(&format!(
        "  <id>{base}{path}</id>\n  <updated>{updated}</updated>\n"
    ));
    let author = if site.config.organization.name.is_empty() {
        &site.config.title
    } else {
        &site.config.organization.name
    };
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml_escape(author)
    ));
    for p in pages {
        let date = p
            .meta
            .date
            .as_ref()
            .map(|d| d.rfc3339())
            .unwrap_or_default();
        let upd = p
            .meta
            .updated
            .as_ref()
            .map_or_else(|| date.clone(), |d| d.rfc3339());
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", xml_escape(&p.title)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{base}{}\"/>\n",
            p.path
        ));
        out.push_str(&format!("    <id>{base}{}</id>\n", p.path));
        out.push_str(&format!(
            "    <published>{date}</published>\n    <updated>{upd}</updated>\n"
        ));
        out.push_str(&format!(
            "    <summary>{}</summary>\n",
            xml_escape(&p.summary)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Every page, section, and taxonomy page (first pages of lists only).
pub fn sitemap(site: &Site, taxonomies: &[super::Taxonomy]) -> String {
    let base = site.base();
    let mut urls: Vec<(String, Option<String>)> = Vec::new();
    for s in &site.sections {
        let newest = s
            .pages
            .iter()
            .filter_map(|&i| site.pages[i].meta.date.as_ref())
            .max()
            .map(|d| d.date.to_string());
        urls.push((s.path.clone(), newest));
    }
    for p in &site.pages {
        let last = p
            .meta
            .updated
            .as_ref()
            .or(p.meta.date.as_ref())
            .map(|d| d.date.to_string());
        urls.push((p.path.clone(), last));
    }
    for t in taxonomies {
        urls.push((t.path.clone(), None));
        urls.extend(t.terms.iter().map(|term| (term.path.clone(), None)));
    }
    urls.sort();
    urls.dedup_by(|a, b| a.0 == b.0);
    let mut out = String::with_capacity(urls.len() * 100 + 200);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, last) in urls {
        out.push_str(&format!(
            "  <url><loc>{}</loc>",
            xml_escape(&format!("{base}{path}"))
        ));
        if let Some(l) = last {
            out.push_str(&format!("<lastmod>{l}</lastmod>"));
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// A page that sends the browser to `to` (an alias's old URL).
pub fn redirect(to: &str) -> String {
    let to = xml_escape(to);
    format!(
        "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Trang đã chuyển địa chỉ</title><link rel=\"canonical\" href=\"{to}\"><meta http-equiv=\"refresh\" content=\"0; url={to}\"><meta name=\"robots\" content=\"noindex\"></head><body><p>Trang này đã chuyển đến <a href=\"{to}\">{to}</a>.</p></body></html>\n"
    )
}

/// The agenda of an action month as iCalendar.
pub fn action_month_calendar(site: &Site, page: &Page) -> String {
    let KindFields::ActionMonth(a) = &page.fields else {
        return String::new();
    };
    let host = site.base().split("//").nth(1).unwrap_or("loa").to_owned();
    let events: Vec<IcsEvent> = a
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| IcsEvent {
            uid: format!("{}-{}@{host}", page.slug, i + 1),
            start: e.date,
            time: e.time.as_deref().and_then(crate::date::parse_hhmm),
            minutes: 120,
            summary: e.title.clone(),
            description: e.organizer.as_ref().map(|o| format!("Đơn vị tổ chức: {o}")),
            location: e.place.clone(),
            url: Some(format!("{}{}", site.base(), page.path)),
        })
        .collect();
    let stamp = page.date().unwrap_or(site.today);
    calendar(&page.title, stamp, &events)
}
