//! Files a build writes besides pages: feeds, sitemap, robots.txt, redirects for aliases,
//! the calendar, the search index and the theme's static files.

use super::*;

impl Renderer<'_> {
    /// Feeds, sitemap, robots.txt, aliases, calendars, theme and site static files,
    /// and the search index: the two run side by side, as the feeds and the sitemap
    /// are made on one thread each.
    pub(super) fn extras(&self, sink: &dyn Sink) -> Result<Written> {
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
        let images = site.images();
        let statics: Result<Vec<String>> = site
            .static_files
            .par_iter()
            .filter(|f| !images.withheld(&f.dest))
            .map(|f| {
                let bytes = crate::error::read(&f.source)?;
                sink.put(&f.dest, &bytes)?;
                Ok(f.dest.clone())
            })
            .collect();
        written.extend(statics?);
        let pictures: Result<Vec<String>> = images
            .files()
            .into_par_iter()
            .map(|(dest, cached)| {
                sink.put(&dest, &crate::error::read(&cached)?)?;
                Ok(dest)
            })
            .collect();
        written.extend(pictures?);
        Ok(written)
    }

    /// Every file [`Renderer::extras`] writes but the search index and static files.
    pub(super) fn small_files(&self) -> Vec<(String, Vec<u8>)> {
        let site = self.site;
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        if !self.broadcasts.items.is_empty() {
            files.extend(self.broadcasts.files(&self.bulletins));
            files.extend(self.audio_files.iter().cloned());
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
                site.base()
            )
            .into_bytes(),
        ));
        for page in &site.pages {
            for alias in &page.meta.aliases {
                let to = format!("{}{}", site.base(), page.path);
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
                let to = format!("{}{}", site.base(), s.path);
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
