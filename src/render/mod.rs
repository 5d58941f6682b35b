//! Rendering: the site into output files (path -> bytes) through Tera 2 templates, plus
//! the files loa writes itself (feeds, sitemap, robots.txt, redirects, calendars).
//! Rendering runs in parallel; every file's bytes depend only on the site, never on
//! order or time, so two builds of the same input are identical.

pub mod feeds;
pub mod filters;
pub mod theme;
pub mod views;

use crate::error::ThemeProblem;
use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::content::{Kind, Page, Site};
use crate::error::{Diagnostic, Error, Location, Result};
use crate::output::Sink;
use crate::slug::slugify;
use theme::Theme;
use views::*;

/// The announcers' schedule page: its template and its place under /loa/.
const SCHEDULE_TEMPLATE: &str = "lich-phat-thanh.html";
const SCHEDULE_SLUG: &str = "lich-phat-thanh";

/// Path segment of paginated list pages: `/tin-tuc/trang/2/`.
pub const PAGE_SEGMENT: &str = "trang";
/// File name of an action month's calendar, next to its page.
pub const CALENDAR_FILE: &str = "lich-su-kien.ics";
/// The page listing site.toml's agencies and their responsibilities.
pub const AGENCIES_PATH: &str = "/co-quan/";

/// A taxonomy with its terms, computed from the published pages.
#[derive(Debug, Serialize)]
pub struct Taxonomy {
    /// `sectors`, `audiences` or `wards`.
    pub id: &'static str,
    pub name: String,
    pub path: String,
    pub terms: Vec<Term>,
}

#[derive(Debug, Serialize)]
pub struct Term {
    pub name: String,
    pub slug: String,
    pub path: String,
    pub count: usize,
    /// Indexes of its pages, newest first.
    #[serde(skip)]
    pub pages: Vec<usize>,
}

/// Terms whose names fold to the same slug are one term, named as most pages write it.
/// A term's pages are newest first (then by source path).
pub fn taxonomies(site: &Site) -> Vec<Taxonomy> {
    // Pages newest first: walking them in this order lists each term's pages sorted.
    let mut order: Vec<(i64, usize)> = site
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.sort_date(), i))
        .collect();
    order.par_sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| site.pages[a.1].rel.cmp(&site.pages[b.1].rel))
    });
    let t = &site.config.taxonomies;
    [
        ("sectors", &t.sectors),
        ("audiences", &t.audiences),
        ("wards", &t.wards),
    ]
    .into_par_iter()
    .map(|(id, name)| taxonomy(site, &order, id, name))
    .collect()
}

fn taxonomy(site: &Site, order: &[(i64, usize)], id: &'static str, name: &str) -> Taxonomy {
    let path = taxonomy_path(name);
    // A term's spellings (with how many pages use each) and pages, by slug.
    type Found<'s> = (BTreeMap<&'s str, usize>, Vec<usize>);
    let mut by_slug: BTreeMap<String, Found> = BTreeMap::new();
    // Slugs of the names seen so far: a few distinct names among many pages.
    let mut slugs: HashMap<&str, String> = HashMap::new();
    for &(_, i) in order {
        let page = &site.pages[i];
        let names: Vec<&str> = match id {
            "sectors" => page.meta.sectors.iter().map(String::as_str).collect(),
            "audiences" => page.meta.audiences.iter().map(String::as_str).collect(),
            _ => page
                .ward_slugs()
                .into_iter()
                .filter_map(|s| site.config.ward(s))
                .map(|w| w.name.as_str())
                .collect(),
        };
        for n in names {
            let slug = slugs.entry(n).or_insert_with(|| {
                if id == "wards" {
                    site.config
                        .wards
                        .iter()
                        .find(|w| w.name == n)
                        .map_or_else(|| slugify(n), |w| w.slug.clone())
                } else {
                    slugify(n)
                }
            });
            if slug.is_empty() {
                continue;
            }
            let entry = match by_slug.get_mut(slug.as_str()) {
                Some(e) => e,
                None => by_slug.entry(slug.clone()).or_default(),
            };
            *entry.0.entry(n).or_default() += 1;
            if entry.1.last() != Some(&i) {
                entry.1.push(i);
            }
        }
    }
    let terms = by_slug
        .into_iter()
        .map(|(slug, (spellings, pages))| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(n, _)| (*n).to_owned())
                .unwrap_or_default();
            Term {
                path: format!("{path}{slug}/"),
                count: pages.len(),
                name,
                slug,
                pages,
            }
        })
        .collect();
    Taxonomy {
        id,
        name: name.to_owned(),
        path,
        terms,
    }
}

/// One output file to produce.
enum Job<'a> {
    /// The announcers' schedule of bulletins, `/loa/lich-phat-thanh/`.
    Schedule,
    Page(usize),
    Section {
        index: usize,
        pager: usize,
    },
    TaxonomyList(&'a Taxonomy),
    Term {
        taxonomy: &'a Taxonomy,
        term: &'a Term,
        pager: usize,
    },
    Home,
    NotFound,
    /// The search page, `/tim-kiem/`, when the theme has `tim-kiem.html`.
    Search,
    /// The agencies of site.toml and what each is responsible for, at `AGENCIES_PATH`.
    Agencies,
    /// The statistics page, at `stats::PATH`, when content/data/thong-ke/ has datasets.
    Statistics,
}

/// What a [`Renderer`] holds besides its site; see [`Renderer::into_prepared`].
pub struct Prepared {
    tera: Tera,
    theme: Theme,
    taxonomies: Vec<Taxonomy>,
}

pub struct Renderer<'a> {
    site: &'a Site,
    tera: Tera,
    theme: Theme,
    taxonomies: Vec<Taxonomy>,
    broadcasts: crate::broadcast::Broadcasts<'a>,
    /// Bulletins from the build date for the next days, written under /loa/.
    bulletins: Vec<crate::broadcast::Bulletin>,
    /// Every page's summary, by page index ([`views::summaries`]).
    summaries: Vec<tera::Value>,
    /// Every page's previous and next page, by page index.
    neighbours: Vec<(Option<usize>, Option<usize>)>,
}

#[derive(Serialize)]
struct MenuItem<'a> {
    title: &'a str,
    path: &'a str,
}

/// Every output path written, for the caller to keep and to clean up stale files.
pub type Written = Vec<String>;

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site) -> Result<Renderer<'a>> {
        let theme = Theme::load(&site.root, &site.config.theme)?;
        let mut tera = Tera::new();
        filters::register(&mut tera);
        let templates: Vec<(String, String)> = theme
            .templates()
            .map(|(name, f)| {
                (
                    name.to_owned(),
                    String::from_utf8_lossy(&f.bytes).into_owned(),
                )
            })
            .collect();
        tera.add_raw_templates(templates)
            .map_err(|e| template_error(&theme, &e, None))?;
        let names: Vec<&str> = theme.templates().map(|(n, _)| n).collect();
        let missing = crate::content::missing_templates(
            &site.pages,
            &site.sections,
            |n| tera.contains_template(n),
            &names,
        );
        if !missing.is_empty() {
            return Err(Error::Content(missing));
        }
        let taxonomies = taxonomies(site);
        let broadcasts = crate::broadcast::Broadcasts::new(site);
        let last = site.today.add_days(crate::broadcast::DAYS_AHEAD - 1);
        let bulletins = broadcasts.bulletins(site.today, last);
        let mut renderer = Renderer {
            site,
            tera,
            theme,
            taxonomies,
            broadcasts,
            bulletins,
            summaries: views::summaries(site),
            neighbours: neighbours(site),
        };
        renderer.set_globals();
        Ok(renderer)
    }

    /// Problems that do not stop the build: parts of broadcast pages that cannot be
    /// spoken, unknown abbreviations, bulletins longer than their slot.
    pub fn warnings(&self) -> Vec<crate::Diagnostic> {
        let mut w = self.broadcasts.warnings.clone();
        w.extend(self.broadcasts.overlong_warnings(&self.bulletins));
        w
    }

    fn set_globals(&mut self) {
        let site = self.site;
        let menu: Vec<MenuItem> = site.sections[0]
            .subsections
            .iter()
            .map(|&i| &site.sections[i])
            .filter(|s| s.matter.in_menu != Some(false))
            .map(|s| MenuItem {
                title: &s.title,
                path: &s.path,
            })
            .collect();
        let top_pages: Vec<MenuItem> = site.sections[0]
            .pages
            .iter()
            .map(|&i| &site.pages[i])
            .map(|p| MenuItem {
                title: &p.title,
                path: &p.path,
            })
            .collect();
        let tax: Vec<Link> = self
            .taxonomies
            .iter()
            .map(|t| Link {
                name: &t.name,
                path: t.path.clone(),
            })
            .collect();
        let agencies_path = self.agencies_path();
        let stats_path = self.stats_path();
        let g = self.tera.global_context();
        g.insert("config", &site.config);
        g.insert("base_url", site.config.base());
        g.insert("today", &site.today.to_string());
        g.insert("menu", &menu);
        g.insert("top_pages", &top_pages);
        g.insert("taxonomies", &tax);
        g.insert("data", &site.data);
        g.insert("has_code", &site.has_code());
        g.insert("loa_version", env!("CARGO_PKG_VERSION"));
        g.insert("agencies_path", &agencies_path);
        g.insert("stats_path", &stats_path);
    }

    /// Where the agencies page goes, if there is one: the site has agencies, the theme
    /// has `agencies.html`, and no content claims the path.
    fn agencies_path(&self) -> Option<&'static str> {
        let site = self.site;
        let taken = site.pages.iter().any(|p| p.path == AGENCIES_PATH)
            || site.sections.iter().any(|s| s.path == AGENCIES_PATH);
        (!site.config.agencies.is_empty() && !taken && self.tera.contains_template("agencies.html"))
            .then_some(AGENCIES_PATH)
    }

    /// Where the statistics page goes, if there is one: the site has datasets, the
    /// theme has its template, and no content claims the path.
    fn stats_path(&self) -> Option<&'static str> {
        let site = self.site;
        let path = crate::stats::PATH;
        let taken = site.pages.iter().any(|p| p.path == path)
            || site.sections.iter().any(|s| s.path == path);
        (crate::stats::has_data(site)
            && !taken
            && self.tera.contains_template(crate::stats::TEMPLATE))
        .then_some(path)
    }

    /// Whether the theme has template `name`.
    pub fn has_template(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Render one template with `value` as `key`, outside a build (the annual report).
    pub fn render_template(
        &self,
        template: &str,
        key: &'static str,
        value: &impl Serialize,
    ) -> Result<String> {
        let mut ctx = Context::new();
        ctx.insert(key, value);
        self.tera
            .render(template, &ctx)
            .map_err(|e| template_error(&self.theme, &e, None))
    }

    fn jobs(&self) -> Vec<Job<'_>> {
        let site = self.site;
        let mut jobs: Vec<Job> = (0..site.pages.len()).map(Job::Page).collect();
        for (i, s) in site.sections.iter().enumerate().skip(1) {
            let per = s
                .matter
                .paginate_by
                .unwrap_or(site.config.paginate_by)
                .max(1);
            let pagers = s.pages.len().div_ceil(per).max(1);
            jobs.extend((1..=pagers).map(|p| Job::Section { index: i, pager: p }));
        }
        for t in &self.taxonomies {
            jobs.push(Job::TaxonomyList(t));
            for term in &t.terms {
                let pagers = term
                    .pages
                    .len()
                    .div_ceil(site.config.paginate_by.max(1))
                    .max(1);
                jobs.extend((1..=pagers).map(|p| Job::Term {
                    taxonomy: t,
                    term,
                    pager: p,
                }));
            }
        }
        if !self.broadcasts.items.is_empty() && self.tera.contains_template(SCHEDULE_TEMPLATE) {
            jobs.push(Job::Schedule);
        }
        jobs.push(Job::Home);
        jobs.push(Job::NotFound);
        if self.tera.contains_template("tim-kiem.html") {
            jobs.push(Job::Search);
        }
        if self.agencies_path().is_some() {
            jobs.push(Job::Agencies);
        }
        if self.stats_path().is_some() {
            jobs.push(Job::Statistics);
        }
        jobs
    }

    /// Render every file into `sink`. Returns the paths written, sorted, or every
    /// template error found.
    pub fn render(&self, sink: &dyn Sink) -> Result<Written> {
        let mut stages = crate::timing::Stages::parts(self.site.lang);
        let jobs = self.jobs();
        let results: Vec<Result<String>> = jobs.par_iter().map(|job| self.run(job, sink)).collect();
        let mut written = Vec::with_capacity(results.len() + 64);
        let mut errors = Vec::new();
        for r in results {
            match r {
                Ok(p) => written.push(p),
                Err(Error::Content(d)) => errors.extend(d),
                Err(e) => return Err(e),
            }
        }
        if !errors.is_empty() {
            errors.truncate(20);
            return Err(Error::Content(errors));
        }
        stages.lap("pages and lists");
        written.extend(self.extras(sink)?);
        stages.lap("feeds, sitemap, search, static files");
        written.sort();
        Ok(written)
    }

    /// Render only the page `site.pages[index]` into `sink`; returns the path written.
    /// For `serve`, which shows an edited page before rebuilding the whole site.
    pub fn render_page(&self, index: usize, sink: &dyn Sink) -> Result<String> {
        self.run(&Job::Page(index), sink)
    }

    /// The renderer without its site: the compiled templates, the theme and the
    /// taxonomies, to render again a site that differs only in page bodies.
    pub fn into_prepared(self) -> Prepared {
        Prepared {
            tera: self.tera,
            theme: self.theme,
            taxonomies: self.taxonomies,
        }
    }

    /// A renderer from what [`Renderer::into_prepared`] kept. Only for a site that
    /// differs from the one it was prepared for in page bodies alone (same front
    /// matter, sections, configuration, templates and data); anything else needs
    /// [`Renderer::new`]. Broadcasts are spoken from the bodies, so they are redone.
    pub fn with_prepared(site: &'a Site, prepared: Prepared) -> Renderer<'a> {
        let broadcasts = crate::broadcast::Broadcasts::new(site);
        let last = site.today.add_days(crate::broadcast::DAYS_AHEAD - 1);
        let bulletins = broadcasts.bulletins(site.today, last);
        Renderer {
            site,
            tera: prepared.tera,
            theme: prepared.theme,
            taxonomies: prepared.taxonomies,
            broadcasts,
            bulletins,
            summaries: views::summaries(site),
            neighbours: neighbours(site),
        }
    }

    fn run(&self, job: &Job, sink: &dyn Sink) -> Result<String> {
        let site = self.site;
        let (path, template, ctx, source) = match job {
            Job::Page(i) => {
                let page = &site.pages[*i];
                let (prev, next) = self.neighbours[*i];
                let summary = |n: Option<usize>| n.map(|n| &self.summaries[n]);
                let mut ctx = Context::new();
                ctx.insert("page", &page_view(page, site, summary(prev), summary(next)));
                ctx.insert("current_path", &page.path);
                (
                    page.path.clone(),
                    self.page_template(page),
                    ctx,
                    Some(page.source.clone()),
                )
            }
            Job::Section { index, pager } => {
                let s = &site.sections[*index];
                let per = s
                    .matter
                    .paginate_by
                    .unwrap_or(site.config.paginate_by)
                    .max(1);
                let mut ctx = Context::new();
                ctx.insert("section", &self.section_view(*index));
                ctx.insert(
                    "paginator",
                    &paginator(&s.pages, *pager, per, &s.path, &self.summaries),
                );
                let path = pager_path(&s.path, *pager);
                ctx.insert("current_path", &path);
                let template = s.matter.template.clone().unwrap_or_else(|| {
                    self.pick(&[&format!("section-{}.html", s.kind.id()), "section.html"])
                });
                (path, template, ctx, s.source.clone())
            }
            Job::TaxonomyList(t) => {
                let mut ctx = Context::new();
                ctx.insert("taxonomy", t);
                ctx.insert("current_path", &t.path);
                (t.path.clone(), "taxonomy_list.html".to_owned(), ctx, None)
            }
            Job::Term {
                taxonomy,
                term,
                pager,
            } => {
                let mut ctx = Context::new();
                ctx.insert(
                    "taxonomy",
                    &Link {
                        name: &taxonomy.name,
                        path: taxonomy.path.clone(),
                    },
                );
                ctx.insert("taxonomy_id", taxonomy.id);
                ctx.insert("term", term);
                ctx.insert(
                    "paginator",
                    &paginator(
                        &term.pages,
                        *pager,
                        site.config.paginate_by.max(1),
                        &term.path,
                        &self.summaries,
                    ),
                );
                let path = pager_path(&term.path, *pager);
                ctx.insert("current_path", &path);
                (path, "taxonomy_term.html".to_owned(), ctx, None)
            }
            Job::Home => {
                let mut ctx = Context::new();
                ctx.insert("section", &self.section_view(0));
                ctx.insert("home", &self.home_view());
                ctx.insert("current_path", "/");
                (
                    "/".to_owned(),
                    "index.html".to_owned(),
                    ctx,
                    site.sections[0].source.clone(),
                )
            }
            Job::Schedule => {
                let path = format!("/{}/{}/", crate::broadcast::DIR, SCHEDULE_SLUG);
                let mut ctx = Context::new();
                ctx.insert("current_path", &path);
                ctx.insert("schedule", &self.broadcasts.schedule(&self.bulletins));
                ctx.insert(
                    "calendar",
                    &format!("/{}/{}", crate::broadcast::DIR, crate::broadcast::CALENDAR),
                );
                ctx.insert("days_ahead", &crate::broadcast::DAYS_AHEAD);
                (path, SCHEDULE_TEMPLATE.to_owned(), ctx, None)
            }
            Job::NotFound => {
                let mut ctx = Context::new();
                ctx.insert("current_path", "/404.html");
                ("/404.html".to_owned(), "404.html".to_owned(), ctx, None)
            }
            Job::Search => {
                let path = format!("/{}/", crate::search::DIR);
                let mut ctx = Context::new();
                ctx.insert("current_path", &path);
                (path, "tim-kiem.html".to_owned(), ctx, None)
            }
            Job::Agencies => {
                let mut ctx = Context::new();
                ctx.insert("agencies", &views::agencies(site));
                ctx.insert("current_path", AGENCIES_PATH);
                (
                    AGENCIES_PATH.to_owned(),
                    "agencies.html".to_owned(),
                    ctx,
                    None,
                )
            }
            Job::Statistics => {
                let mut ctx = Context::new();
                ctx.insert("stats", &crate::stats::page(site)?);
                ctx.insert("current_path", crate::stats::PATH);
                let path = crate::stats::PATH.to_owned();
                (path, crate::stats::TEMPLATE.to_owned(), ctx, None)
            }
        };
        // Straight into bytes: the templates and everything they are given are UTF-8,
        // so checking the output again (what `Tera::render` does) is wasted work.
        let mut html = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(&template, &ctx, &mut html)
            .map_err(|e| template_error(&self.theme, &e, source.as_deref()))?;
        let file = output_file(&path);
        sink.put(&file, &html)?;
        Ok(file)
    }

    /// The template for a page: its `template`, else `<kind>.html`, else `page.html`.
    fn page_template(&self, page: &Page) -> String {
        if let Some(t) = &page.meta.template {
            return t.clone();
        }
        self.pick(&[&format!("{}.html", page.kind.id()), "page.html"])
    }

    fn pick(&self, names: &[&str]) -> String {
        names
            .iter()
            .find(|n| self.tera.contains_template(n))
            .unwrap_or(names.last().expect("names is never empty"))
            .to_string()
    }

    fn section_view(&self, index: usize) -> SectionView<'_> {
        let s = &self.site.sections[index];
        SectionView {
            title: &s.title,
            path: &s.path,
            permalink: format!("{}{}", self.site.config.base(), s.path),
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

    fn home_view(&self) -> HomeView<'_> {
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

    /// Feeds, sitemap, robots.txt, aliases, calendars, theme and site static files,
    /// and the search index: the two run side by side, as the feeds and the sitemap
    /// are made on one thread each.
    fn extras(&self, sink: &dyn Sink) -> Result<Written> {
        let site = self.site;
        let (small, search) = rayon::join(
            || -> Result<Written> {
                let files = self.small_files();
                let written: Written = files.iter().map(|(p, _)| p.clone()).collect();
                files.par_iter().try_for_each(|(p, b)| sink.put(p, b))?;
                Ok(written)
            },
            || crate::search::write(site, sink),
        );
        let mut written = small?;
        written.extend(search?);
        let statics: Result<Vec<String>> = site
            .static_files
            .par_iter()
            .map(|f| {
                let bytes = crate::error::read(&f.source)?;
                sink.put(&f.dest, &bytes)?;
                Ok(f.dest.clone())
            })
            .collect();
        written.extend(statics?);
        Ok(written)
    }

    /// Every file [`Renderer::extras`] writes but the search index and static files.
    fn small_files(&self) -> Vec<(String, Vec<u8>)> {
        let site = self.site;
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        if !self.broadcasts.items.is_empty() {
            files.extend(self.broadcasts.files(&self.bulletins));
        }
        let (feeds, sitemap) = rayon::join(
            || {
                let mut feeds = vec![(
                    "atom.xml".to_owned(),
                    feeds::atom(site, &site.config.title, "/", site.pages.iter().collect())
                        .into_bytes(),
                )];
                feeds.par_extend(site.sections.par_iter().skip(1).map(|s| {
                    let pages: Vec<&Page> = s.pages.iter().map(|&i| &site.pages[i]).collect();
                    let title = format!("{} — {}", s.title, site.config.title);
                    (
                        format!("{}atom.xml", &s.path[1..]),
                        feeds::atom(site, &title, &s.path, pages).into_bytes(),
                    )
                }));
                feeds
            },
            || feeds::sitemap(site, &self.taxonomies).into_bytes(),
        );
        files.extend(feeds);
        files.push(("sitemap.xml".to_owned(), sitemap));
        files.push((
            "robots.txt".to_owned(),
            format!(
                "User-agent: *\nAllow: /\nSitemap: {}/sitemap.xml\n",
                site.config.base()
            )
            .into_bytes(),
        ));
        for page in &site.pages {
            for alias in &page.meta.aliases {
                let to = format!("{}{}", site.config.base(), page.path);
                files.push((
                    output_file(&crate::content::normalize_alias(alias)),
                    feeds::redirect(&to).into_bytes(),
                ));
            }
            if page.kind == Kind::ActionMonth {
                files.push((
                    format!("{}{CALENDAR_FILE}", &page.path[1..]),
                    feeds::action_month_calendar(site, page).into_bytes(),
                ));
            }
        }
        for s in &site.sections {
            for alias in &s.matter.aliases {
                let to = format!("{}{}", site.config.base(), s.path);
                files.push((
                    output_file(&crate::content::normalize_alias(alias)),
                    feeds::redirect(&to).into_bytes(),
                ));
            }
        }
        if site.has_code()
            && let Some(css) = crate::markdown::highlight_css(&site.config.markdown.highlight_theme)
        {
            files.push(("css/syntax.css".to_owned(), css.into_bytes()));
        }
        for (path, f) in self.theme.statics() {
            files.push((path.to_owned(), f.bytes.clone()));
        }
        files
    }
}

#[derive(Serialize)]
struct SectionView<'a> {
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
struct HomeView<'a> {
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
fn neighbours(site: &Site) -> Vec<(Option<usize>, Option<usize>)> {
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

/// URL path -> file path inside the output: `/a/b/` -> `a/b/index.html`.
pub fn output_file(url: &str) -> String {
    let trimmed = url.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".to_owned()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_owned()
    }
}

/// Tera reports some errors (unknown filters, tests, functions) as a rendered report:
/// `error: <message>\n --> <template>:<line>:<column>`; take the parts back out.
fn parse_report(report: &str) -> (String, String, usize, usize) {
    let message = report
        .lines()
        .next()
        .unwrap_or(report)
        .trim_start_matches("error: ")
        .to_owned();
    let at = report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "));
    let parsed = at.and_then(|at| {
        let mut parts = at.rsplitn(3, ':');
        let col = parts.next()?.trim().parse::<usize>().ok()?;
        let line = parts.next()?.trim().parse::<usize>().ok()?;
        Some((parts.next()?.to_owned(), line, col))
    });
    match parsed {
        Some((file, line, col)) => (message, file, line, col),
        None => (report.to_owned(), String::new(), 1, 1),
    }
}

/// A template error as a diagnostic naming the template file and line, and the page
/// being rendered.
fn template_error(theme: &Theme, e: &tera::Error, rendering: Option<&std::path::Path>) -> Error {
    let (mut message, file, line, col) = match e.kind() {
        tera::ErrorKind::SyntaxError(err) | tera::ErrorKind::RenderingError(err) => (
            err.message().to_owned(),
            err.filename().to_owned(),
            err.span().start_line,
            err.span().start_col + 1,
        ),
        other => parse_report(&other.to_string()),
    };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    let location = (!file.is_empty()).then(|| Location::new(theme.shown_path(&file), line, col));
    let text = crate::error::Message::Theme(ThemeProblem::Template {
        detail: message,
        page: rendering.map(std::path::Path::to_path_buf),
    });
    Error::Content(vec![Diagnostic::new(text, location)])
}
