//! What section pages and the home page show: their views, which template a page uses,
//! the featured action month, and each page's neighbours.

use super::*;

impl<'a> Renderer<'a> {
    /// The template for a page: its `template`, else `<kind>.html`, else `page.html`.
    pub(super) fn page_template(&self, page: &Page) -> String {
        if let Some(t) = &page.meta.template {
            return t.clone();
        }
        self.pick(&[&format!("{}.html", page.kind.id()), "page.html"])
    }

    pub(super) fn pick(&self, names: &[&str]) -> String {
        names
            .iter()
            .find(|n| self.tera.contains_template(n))
            .unwrap_or(names.last().expect("names is never empty"))
            .to_string()
    }

    pub(super) fn section_view(&self, index: usize) -> SectionView<'_> {
        let s = &self.site.sections[index];
        SectionView {
            title: &s.title,
            path: &s.path,
            permalink: format!("{}{}", self.site.base(), s.path),
            kind: s.kind.id(),
            kind_label: s.kind.label_vi(),
            content: &s.content,
            summary: s.matter.summary.as_deref(),
            extra: &s.matter.extra,
            subsections: s
                .subsections
                .iter()
                .map(|&i| section_ref(&self.site.sections[i]))
                .collect(),
            feed: (index > 0).then(|| format!("{}atom.xml", s.path)),
            page_count: s.pages.len(),
            ancestors: views::section_ancestors(self.site, index),
        }
    }

    pub(super) fn home_view(&self) -> HomeView<'_> {
        let site = self.site;
        let newest = |kind: Kind, n: usize| -> Vec<PageSummary<'_>> {
            let mut v: Vec<&Page> = site.pages.iter().filter(|p| p.kind == kind).collect();
            v.sort_by(|a, b| b.sort_date().cmp(&a.sort_date()).then(a.rel.cmp(&b.rel)));
            v.into_iter().take(n).map(|p| summary(p, site)).collect()
        };
        let mut latest = BTreeMap::new();
        for kind in Kind::ALL {
            if kind != Kind::Page {
                latest.insert(kind.id(), newest(kind, 6));
            }
        }
        let featured = featured_action_month(site);
        let mut sections = BTreeMap::new();
        for s in &site.sections[1..] {
            sections
                .entry(s.kind.id())
                .or_insert_with(|| section_ref(s));
        }
        HomeView {
            sections,
            action_month: featured.map(|p| summary(p, site)),
            upcoming_events: featured
                .map(|p| {
                    views::events(p, &site.config)
                        .into_iter()
                        .filter(|e| e.date >= site.today.to_string())
                        .take(3)
                        .collect()
                })
                .unwrap_or_default(),
            latest,
        }
    }
}

#[derive(Serialize)]
pub(super) struct SectionView<'a> {
    title: &'a str,
    path: &'a str,
    permalink: String,
    kind: &'static str,
    kind_label: &'static str,
    content: &'a str,
    summary: Option<&'a str>,
    extra: &'a BTreeMap<String, serde_json::Value>,
    subsections: Vec<SectionRef<'a>>,
    feed: Option<String>,
    page_count: usize,
    /// Sections above this one, from the top (home excluded), for breadcrumbs.
    ancestors: Vec<SectionRef<'a>>,
}

#[derive(Serialize)]
pub(super) struct HomeView<'a> {
    /// The running Safety Action Month, else the next one, else the latest.
    action_month: Option<PageSummary<'a>>,
    /// For each kind, the first section whose pages are of that kind (for "see all").
    sections: BTreeMap<&'static str, SectionRef<'a>>,
    /// The featured action month's next events, from today, at most three.
    upcoming_events: Vec<EventView<'a>>,
    /// Newest items by kind id (`campaign`, `news`, ...).
    latest: BTreeMap<&'static str, Vec<PageSummary<'a>>>,
}

/// The running action month, else the next to come, else the most recent.
pub fn featured_action_month(site: &Site) -> Option<&Page> {
    let today = site.today;
    let months: Vec<(&Page, crate::date::Date, crate::date::Date)> = site
        .pages
        .iter()
        .filter_map(|p| match &p.fields {
            crate::content::kind::KindFields::ActionMonth(a) => {
                crate::content::action_month_period(a).map(|(s, e)| (p, s, e))
            }
            _ => None,
        })
        .collect();
    let running = months.iter().find(|(_, s, e)| *s <= today && today <= *e);
    let next = months
        .iter()
        .filter(|(_, s, _)| *s > today)
        .min_by_key(|(_, s, _)| *s);
    let latest = months.iter().max_by_key(|(_, _, e)| *e);
    running.or(next).or(latest).map(|(p, _, _)| *p)
}

/// For each page, the indexes of the previous and next page in its section's order
/// (none for pages at the top of the site).
pub(super) fn neighbours(site: &Site) -> Vec<(Option<usize>, Option<usize>)> {
    let mut out = vec![(None, None); site.pages.len()];
    for (index, s) in site.sections.iter().enumerate().skip(1) {
        for (pos, &i) in s.pages.iter().enumerate() {
            // A page is among its own section's pages (lists may hold others too).
            if site.pages[i].section != index {
                continue;
            }
            let prev = pos.checked_sub(1).map(|p| s.pages[p]);
            out[i] = (prev, s.pages.get(pos + 1).copied());
        }
    }
    out
}
