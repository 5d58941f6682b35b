//! Rendering: the site into output files (path -> bytes) through Tera 2 templates, plus
//! the files loa writes itself (feeds, sitemap, robots.txt, redirects, calendars).
//! Rendering runs in parallel; every file's bytes depend only on the site, never on
//! order or time, so two builds of the same input are identical.

pub mod feeds;
pub mod filters;
pub mod theme;
pub mod views;

mod extras;
mod listing;
mod taxonomy;
mod template_errors;

pub use listing::featured_action_month;
use listing::*;
pub use taxonomy::{Taxonomy, Term, taxonomies};
use template_errors::*;

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
    /// The bulletins' MP3 files and playlists, after [`Renderer::make_audio`].
    audio_files: Vec<(String, Vec<u8>)>,
    audio_warnings: Vec<crate::Diagnostic>,
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
        site.prepare_images()?;
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
            audio_files: Vec::new(),
            audio_warnings: Vec::new(),
        };
        renderer.set_globals();
        Ok(renderer)
    }

    /// Problems that do not stop the build: parts of broadcast pages that cannot be
    /// spoken, unknown abbreviations, bulletins longer than their slot.
    pub fn warnings(&self) -> Vec<crate::Diagnostic> {
        let mut w = self.broadcasts.warnings.clone();
        w.extend(self.broadcasts.overlong_warnings(&self.bulletins));
        w.extend(self.audio_warnings.iter().cloned());
        w
    }

    /// With `[broadcast.audio]`: speak the bulletins' pieces the cache lacks, time the
    /// bulletins by their audio, and publish the MP3 files and playlists. Only `loa
    /// build` calls this; serve and check keep the estimates.
    pub fn make_audio(&mut self, lang: crate::error::Lang) {
        let Some(config) = &self.site.config.broadcast.audio else {
            return;
        };
        if self.bulletins.is_empty() {
            return;
        }
        let plan = self.broadcasts.audio_plan(&self.bulletins, config);
        let spoken = self.broadcasts.speak_audio(&plan, config, lang);
        if spoken.warnings.is_empty() {
            self.broadcasts.prune_audio(&plan);
        }
        log::debug!(
            "  audio: {} pieces, {} engine runs",
            plan.pieces.len(),
            spoken.engine_runs
        );
        self.broadcasts
            .apply_audio(&mut self.bulletins, &plan, &spoken.millis);
        self.audio_files = self
            .broadcasts
            .audio_files(&self.bulletins, &plan, &spoken.millis);
        self.audio_warnings = spoken.warnings;
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
        // Templates read `config.base_url` as this build's address, as in Zola and Hugo:
        // with `--base-url` that is not what site.toml says, and the config stays as read.
        #[derive(Serialize)]
        struct ConfigView<'c> {
            #[serde(flatten)]
            config: &'c crate::config::SiteConfig,
            base_url: &'c str,
        }
        g.insert(
            "config",
            &ConfigView {
                config: &site.config,
                base_url: site.base(),
            },
        );
        g.insert("base_url", site.base());
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
            audio_files: Vec::new(),
            audio_warnings: Vec::new(),
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
