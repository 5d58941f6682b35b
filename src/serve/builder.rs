//! The rebuild loop of loa serve: what changed since the last build, reloading only the pages
//! that did, keeping the last good output when a build fails.

use super::*;

/// Runs the builds: the first one, then one per batch of changes.
pub(super) struct Builder {
    pub(super) opts: BuildOptions,
    /// Distinguishes this run's build ids from a previous run's, so a tab left open
    /// across a restart reloads too.
    pub(super) run: String,
    pub(super) builds: u64,
    /// Warnings of the previous build, so a rebuild prints only new ones.
    pub(super) warnings: Vec<Diagnostic>,
    /// What the previous build left out, so a change in it is said once.
    pub(super) left_out: Option<content::LeftOut>,
    pub(super) output_dir: String,
    /// Pages parsed and rendered by the previous builds.
    pub(super) cache: LoadCache,
    /// The last site that built, for previews, its pages by source path, and what its
    /// renderer prepared (templates, theme, taxonomies).
    pub(super) site: Option<Site>,
    pub(super) by_source: HashMap<PathBuf, usize>,
    pub(super) prepared: Option<Prepared>,
}

impl Builder {
    pub(super) fn new(opts: BuildOptions) -> Builder {
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        Builder {
            opts,
            run: format!("{started:x}"),
            builds: 0,
            warnings: Vec::new(),
            left_out: None,
            output_dir: "public".to_owned(),
            cache: LoadCache::keeping(),
            site: None,
            by_source: HashMap::new(),
            prepared: None,
        }
    }

    pub(super) fn next_id(&mut self) -> String {
        self.builds += 1;
        format!("{}-{}", self.run, self.builds)
    }

    /// The folders `loa build` writes, whose changes the watcher ignores.
    pub(super) fn output_dirs(&self) -> Vec<PathBuf> {
        let out = self.opts.root.join(&self.output_dir);
        vec![
            crate::output::staging_dir(&out),
            out.with_file_name(format!(".{}.loa-prev", self.output_dir)),
            out,
        ]
    }

    /// The first build. Content errors do not stop the server: it shows them until
    /// they are fixed. Other errors (no site here, unreadable folder) do.
    pub(super) fn build_first(&mut self) -> Result<Snapshot> {
        let started = Instant::now();
        let id = self.next_id();
        match self.build() {
            Ok(files) => {
                let ms = started.elapsed().as_millis();
                let pages = self.site.as_ref().map_or(0, |s| s.pages.len());
                let line = console::first_build(self.opts.lang, pages, files.len(), ms);
                log::info!("{line}");
                self.say_left_out();
                Ok(Snapshot {
                    files: Arc::new(files),
                    errors: None,
                    build_id: id,
                    lang: self.opts.lang,
                })
            }
            Err(Error::Content(diags)) => {
                let errors = self.report_errors(&diags);
                Ok(Snapshot {
                    files: Arc::new(Files::new()),
                    errors: Some(Arc::new(errors)),
                    build_id: id,
                    lang: self.opts.lang,
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Rebuild after a change; on failure keep `last`'s files and add the errors.
    pub(super) fn rebuild(&mut self, last: &Snapshot, changed: &[PathBuf]) -> Snapshot {
        let started = Instant::now();
        let id = self.next_id();
        let one = changed.first().map(|p| p.display().to_string());
        match self.build() {
            Ok(files) => {
                let ms = started.elapsed().as_millis();
                let what = one.as_deref().map(|one| (one, changed.len()));
                log::info!("{}", console::rebuilt(self.opts.lang, ms, what));
                self.say_left_out();
                Snapshot {
                    files: Arc::new(files),
                    errors: None,
                    build_id: id,
                    lang: self.opts.lang,
                }
            }
            Err(e) => {
                let diags = match e {
                    Error::Content(d) => d,
                    other => vec![
                        Diagnostic::error("E000", None, other.localized(self.opts.lang))
                            .in_lang(self.opts.lang),
                    ],
                };
                let errors = self.report_errors(&diags);
                Snapshot {
                    files: last.files.clone(),
                    errors: Some(Arc::new(errors)),
                    build_id: id,
                    lang: self.opts.lang,
                }
            }
        }
    }

    /// Serve edited pages before the whole site is rebuilt, when every change is to the
    /// body of a published page (its front matter unchanged): each is parsed again and
    /// rendered alone within the last site, and its output replaces the old one in
    /// `last`. Lists, feeds and the search index wait for the full rebuild, which always
    /// follows and replaces every file. `None` for any other change, or when a page has
    /// a problem; the rebuild then reports it.
    pub(super) fn preview(&mut self, last: &Snapshot, changed: &[PathBuf]) -> Option<Snapshot> {
        let started = Instant::now();
        if last.errors.is_some() {
            return None;
        }
        let site = self.site.as_mut()?;
        let mut edited = Vec::with_capacity(changed.len());
        for path in changed {
            let index = *self.by_source.get(path)?;
            let bytes = std::fs::read(site.root.join(path)).ok()?;
            let text = content::normalize_text(&bytes).ok()?;
            let page = content::reload_page(site, path, &text).ok()?;
            let old = &site.pages[index];
            if page.front_matter != old.front_matter || page.has_code != old.has_code {
                return None;
            }
            edited.push((index, page));
        }
        let indexes: Vec<usize> = edited.iter().map(|(i, _)| *i).collect();
        for (index, page) in edited {
            site.pages[index] = page;
        }
        let renderer = Renderer::with_prepared(site, self.prepared.take()?);
        let sink = MemorySink::default();
        let rendered: Result<Vec<String>> = indexes
            .iter()
            .map(|&index| renderer.render_page(index, &sink))
            .collect();
        self.prepared = Some(renderer.into_prepared());
        rendered.ok()?;
        let mut files = Files::clone(&last.files);
        files.extend(shared(sink.into_files()));
        let ms = started.elapsed().as_millis();
        log::debug!(
            "{}",
            tr!(
                self.opts.lang,
                "  đã hiện trang vừa sửa sau {ms} ms",
                "  showed the edited page in {ms} ms"
            )
        );
        Some(Snapshot {
            files: Arc::new(files),
            errors: None,
            build_id: self.next_id(),
            lang: self.opts.lang,
        })
    }

    /// Build again without a reported change (polling's second look); a new snapshot
    /// only when the result differs from `last`.
    pub(super) fn recheck(&mut self, last: &Snapshot) -> Option<Snapshot> {
        let started = Instant::now();
        let (files, errors) = match self.build() {
            Ok(files) => (Arc::new(files), None),
            Err(Error::Content(diags)) => (last.files.clone(), Some(diags)),
            Err(other) => (
                last.files.clone(),
                Some(vec![
                    Diagnostic::error("E000", None, other.localized(self.opts.lang))
                        .in_lang(self.opts.lang),
                ]),
            ),
        };
        let text = errors
            .as_ref()
            .map(|d| format_diagnostics(d, self.opts.lang));
        if *files == *last.files && text.as_deref() == last.errors.as_deref().map(String::as_str) {
            return None;
        }
        let errors = match errors {
            Some(diags) => Some(Arc::new(self.report_errors(&diags))),
            None => {
                let ms = started.elapsed().as_millis();
                log::info!("{}", console::rebuilt(self.opts.lang, ms, None));
                None
            }
        };
        Some(Snapshot {
            files,
            errors,
            build_id: self.next_id(),
            lang: self.opts.lang,
        })
    }

    /// Say which pages the last build left out, when that changed: a draft just made
    /// by `loa new` is not served without --drafts.
    pub(super) fn say_left_out(&mut self) {
        let Some(site) = &self.site else { return };
        if self.left_out != Some(site.left_out) {
            self.left_out = Some(site.left_out);
            if let Some(line) = crate::console::left_out(self.opts.lang, site.left_out) {
                log::info!("{line}");
            }
        }
    }

    /// Print the diagnostics and return them as one text for the error page.
    pub(super) fn report_errors(&self, diags: &[Diagnostic]) -> String {
        let text = format_diagnostics(diags, self.opts.lang);
        let count = diags.iter().filter(|d| d.is_error()).count();
        let said = console::not_rebuilt(self.opts.lang, count);
        log::error!("{text}\n\n{said}");
        text
    }

    pub(super) fn build(&mut self) -> Result<Files> {
        let started = Instant::now();
        let site = content::load_cached(&self.opts.load_options(), &mut self.cache)?;
        let (pages, ms, reused) = (
            site.pages.len(),
            started.elapsed().as_millis(),
            self.cache.reused(),
        );
        let (parsed, rendered) = (reused.parsed, reused.rendered);
        log::debug!(
            "{}",
            tr!(
                self.opts.lang,
                "  đã đọc {pages} trang trong {ms} ms (dùng lại {parsed} trang đã phân tích, {rendered} trang đã kết xuất)",
                "  loaded {pages} pages in {ms} ms (reused {parsed} parsed, {rendered} rendered)"
            )
        );
        self.output_dir = site.config.output_dir.clone();
        let rendering = Instant::now();
        let sink = MemorySink::default();
        let renderer = Renderer::new(&site)?;
        renderer.render(&sink)?;
        let mut warnings = site.warnings.clone();
        warnings.extend(renderer.warnings());
        let prepared = renderer.into_prepared();
        let ms = rendering.elapsed().as_millis();
        log::debug!(
            "{}",
            tr!(
                self.opts.lang,
                "  đã kết xuất trong {ms} ms",
                "  rendered in {ms} ms"
            )
        );
        self.by_source = site
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.source.clone(), i))
            .collect();
        for w in warnings.iter().filter(|w| !self.warnings.contains(w)) {
            let mut w = w.clone();
            w.localize(self.opts.lang);
            log::warn!("{w}\n");
        }
        self.warnings = warnings;
        self.site = Some(site);
        self.prepared = Some(prepared);
        Ok(shared(sink.into_files()))
    }
}

/// Diagnostics as the terminal shows them, in `lang`, one paragraph each.
pub(super) fn format_diagnostics(diags: &[Diagnostic], lang: Lang) -> String {
    diags
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d.localize(lang);
            d.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}
