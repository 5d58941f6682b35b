//! `loa serve`: build the site in memory, serve it over HTTP, rebuild after every change
//! and reload the open browser pages. The server owns the latest good output (a
//! `Snapshot` behind an `Arc` it swaps after each build); a failed build keeps that
//! output and adds its errors, which HTML requests get as an error page until the fix
//! builds. Nothing is written to disk, so stopping the process at any moment (Ctrl-C
//! simply ends it) leaves the site's folder as it was. Requests are answered in
//! `serve/http.rs`; changes are found in `serve/watch.rs`.
//!
//! Each change is a full rebuild, made cheaper by the loader's cache (a page whose text
//! did not change is not parsed or rendered to HTML again). Rendering every output file
//! still takes seconds on a site of ten thousand pages, so when a change only edits the
//! body of published pages, those pages are first rendered alone within the last site
//! and served at once (a preview); the full rebuild follows and replaces everything.

mod http;
mod watch;

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::build::BuildOptions;
use crate::console::serve as console;
use crate::content::{self, LoadCache, Site};
use crate::error::{Diagnostic, Error, Lang, Result};
use crate::output::MemorySink;
use crate::render::{Prepared, Renderer};
use http::Reply;

/// How `loa serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The build to run on each change; `output` is not used, `base_url` is set to the
    /// server's own address.
    pub build: BuildOptions,
    /// The first port to try; 0 lets the system choose.
    pub port: u16,
    pub bind: IpAddr,
    /// Open the home page in the default browser once serving.
    pub open: bool,
    /// Poll the files instead of relying on change notifications.
    pub poll: bool,
}

/// Path -> bytes of a built site. The bytes are shared, so a snapshot that changes a
/// few files copies only the map.
pub(crate) type Files = BTreeMap<String, Arc<Vec<u8>>>;

fn shared(files: BTreeMap<String, Vec<u8>>) -> Files {
    files.into_iter().map(|(k, v)| (k, Arc::new(v))).collect()
}

/// What requests are answered from. Replaced whole after each build, never mutated.
#[derive(Debug)]
pub(crate) struct Snapshot {
    /// The last output that built without errors.
    pub files: Arc<Files>,
    /// The latest build's errors, formatted as on the terminal, when it failed.
    pub errors: Option<Arc<String>>,
    /// Changes with every build; announced to open pages, which then check whether
    /// their own page changed.
    pub build_id: String,
    /// The language of the error page.
    pub lang: Lang,
}

/// How many threads answer requests. Event streams do not hold one.
const WORKERS: usize = 4;
/// How many ports after the requested one to try when it is taken.
const PORT_TRIES: u16 = 20;
/// A comment sent on idle event streams so closed tabs are noticed and dropped.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// The server's state, shared by the request threads and the rebuild loop.
struct Server {
    current: RwLock<Arc<Snapshot>>,
    /// Open event streams (one per browser tab).
    listeners: Mutex<Vec<Box<dyn Write + Send>>>,
}

impl Server {
    fn snapshot(&self) -> Arc<Snapshot> {
        self.current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn publish(&self, snap: Snapshot) {
        let id = snap.build_id.clone();
        *self.current.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(snap);
        self.send(&format!("data: {id}\n\n"));
    }

    /// Write to every open event stream, forgetting the ones that are closed.
    fn send(&self, message: &str) {
        let mut listeners = self.listeners.lock().unwrap_or_else(|p| p.into_inner());
        listeners.retain_mut(|w| {
            w.write_all(message.as_bytes())
                .and_then(|()| w.flush())
                .is_ok()
        });
    }

    fn listen(&self, mut stream: Box<dyn Write + Send>) {
        let id = self.snapshot().build_id.clone();
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\nretry: 500\ndata: {id}\n\n"
        );
        if stream
            .write_all(head.as_bytes())
            .and_then(|()| stream.flush())
            .is_ok()
        {
            self.listeners
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(stream);
        }
    }
}

/// Build, serve, and rebuild on every change until the process is stopped.
pub fn serve(opts: &ServeOptions) -> Result<()> {
    let lang = opts.build.lang;
    let listener = bind(opts.bind, opts.port, lang)?;
    let addr = listener.local_addr().map_err(|e| {
        Error::Failed(both!(
            "không đọc được địa chỉ của máy chủ: {e}",
            "cannot read the server's address: {e}"
        ))
    })?;
    let url = home_url(addr);
    let mut build_opts = opts.build.clone();
    build_opts.base_url = Some(url.trim_end_matches('/').to_owned());
    build_opts.output = None;

    let mut changes = watch::Changes::start(watch::WatchOptions {
        root: opts.build.root.clone(),
        poll: opts.poll,
        ignored: Vec::new(),
        lang: opts.build.lang,
    })?;
    let mut builder = Builder::new(build_opts);
    let first = builder.build_first()?;
    changes.ignore(builder.output_dirs());
    let server = Arc::new(Server {
        current: RwLock::new(Arc::new(first)),
        listeners: Mutex::new(Vec::new()),
    });
    let http = tiny_http::Server::from_listener(listener, None).map_err(|e| {
        Error::Failed(both!(
            "không phục vụ được trên {addr}: {e}",
            "cannot serve on {addr}: {e}"
        ))
    })?;
    let http = Arc::new(http);
    for _ in 0..WORKERS {
        let (http, server) = (http.clone(), server.clone());
        std::thread::spawn(move || {
            while let Ok(request) = http.recv() {
                respond(&server, request);
            }
        });
    }
    {
        let server = server.clone();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(KEEPALIVE);
                server.send(": keep-alive\n\n");
            }
        });
    }
    if !opts.bind.is_loopback() {
        let bind = opts.bind.to_string();
        log::warn!("{}", console::visible_on_network(lang, &bind));
    }
    log::info!("{}", console::serving(lang, &url));
    if opts.open {
        open_browser(&url, lang);
    }
    while let Some(batch) = changes.next_batch() {
        let last = server.snapshot();
        if batch.recheck {
            if let Some(snap) = builder.recheck(&last) {
                server.publish(snap);
            }
        } else {
            if let Some(snap) = builder.preview(&last, &batch.paths) {
                server.publish(snap);
            }
            let last = server.snapshot();
            server.publish(builder.rebuild(&last, &batch.paths));
        }
    }
    Ok(())
}

/// Listen on `port`, or on the next free one when it is taken.
fn bind(ip: IpAddr, port: u16, lang: Lang) -> Result<TcpListener> {
    let last = if port == 0 {
        0
    } else {
        port.saturating_add(PORT_TRIES)
    };
    for p in port..=last {
        match TcpListener::bind((ip, p)) {
            Ok(l) => {
                if p != port {
                    log::warn!("{}", console::port_taken(lang, port, p));
                }
                return Ok(l);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(e) => {
                return Err(Error::Failed(both!(
                    "không lắng nghe được trên {addr}: {e}",
                    "cannot listen on {addr}: {e}",
                    addr = SocketAddr::new(ip, p)
                )));
            }
        }
    }
    Err(Error::Usage(both!(
        "các cổng từ {port} đến {last} đều đang được dùng; chọn cổng khác bằng --port",
        "ports {port} to {last} are all in use; choose another with --port"
    )))
}

/// The address to print and to use as the site's base URL. An unspecified bind address
/// (0.0.0.0) is reached through the loopback address on this computer.
fn home_url(addr: SocketAddr) -> String {
    let ip = match addr.ip() {
        ip if ip.is_unspecified() && ip.is_ipv4() => IpAddr::from([127, 0, 0, 1]),
        ip if ip.is_unspecified() => IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, addr.port()))
}

fn open_browser(url: &str, lang: Lang) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let spawned = std::process::Command::new(program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = spawned {
        let reason = match lang {
            Lang::Vi => crate::error::vi_io(&e),
            Lang::En => e.to_string(),
        };
        log::warn!("{} ({program}: {reason})", console::no_browser(lang, url));
    }
}

fn respond(server: &Server, request: tiny_http::Request) {
    let snap = server.snapshot();
    let reply = http::answer(&snap, request.method().as_str(), request.url());
    let header = |name: &str, value: &str| {
        tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
            .expect("header names and values here are ASCII")
    };
    let no_store = header("Cache-Control", "no-store");
    let result = match reply {
        Reply::Events => {
            server.listen(request.into_writer());
            Ok(())
        }
        Reply::Body {
            status,
            content_type,
            body,
            etag,
        } => {
            let mut response = tiny_http::Response::from_data(body)
                .with_status_code(status)
                .with_header(header("Content-Type", content_type))
                .with_header(header("X-Content-Type-Options", "nosniff"))
                .with_header(no_store);
            if let Some(tag) = etag {
                response.add_header(header("ETag", &format!("\"{tag}\"")));
            }
            request.respond(response)
        }
        Reply::Redirect(location) => request.respond(
            tiny_http::Response::empty(301)
                .with_header(header("Location", &location))
                .with_header(no_store),
        ),
        Reply::MethodNotAllowed => request
            .respond(tiny_http::Response::empty(405).with_header(header("Allow", "GET, HEAD"))),
    };
    if let Err(e) = result {
        log::debug!(
            "{}",
            tr!(
                snap.lang,
                "không trả lời được một yêu cầu: {e}",
                "could not answer a request: {e}"
            )
        );
    }
}

/// Runs the builds: the first one, then one per batch of changes.
struct Builder {
    opts: BuildOptions,
    /// Distinguishes this run's build ids from a previous run's, so a tab left open
    /// across a restart reloads too.
    run: String,
    builds: u64,
    /// Warnings of the previous build, so a rebuild prints only new ones.
    warnings: Vec<Diagnostic>,
    /// What the previous build left out, so a change in it is said once.
    left_out: Option<content::LeftOut>,
    output_dir: String,
    /// Pages parsed and rendered by the previous builds.
    cache: LoadCache,
    /// The last site that built, for previews, its pages by source path, and what its
    /// renderer prepared (templates, theme, taxonomies).
    site: Option<Site>,
    by_source: HashMap<PathBuf, usize>,
    prepared: Option<Prepared>,
}

impl Builder {
    fn new(opts: BuildOptions) -> Builder {
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

    fn next_id(&mut self) -> String {
        self.builds += 1;
        format!("{}-{}", self.run, self.builds)
    }

    /// The folders `loa build` writes, whose changes the watcher ignores.
    fn output_dirs(&self) -> Vec<PathBuf> {
        let out = self.opts.root.join(&self.output_dir);
        vec![
            crate::output::staging_dir(&out),
            out.with_file_name(format!(".{}.loa-prev", self.output_dir)),
            out,
        ]
    }

    /// The first build. Content errors do not stop the server: it shows them until
    /// they are fixed. Other errors (no site here, unreadable folder) do.
    fn build_first(&mut self) -> Result<Snapshot> {
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
    fn rebuild(&mut self, last: &Snapshot, changed: &[PathBuf]) -> Snapshot {
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
    fn preview(&mut self, last: &Snapshot, changed: &[PathBuf]) -> Option<Snapshot> {
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
    fn recheck(&mut self, last: &Snapshot) -> Option<Snapshot> {
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
    fn say_left_out(&mut self) {
        let Some(site) = &self.site else { return };
        if self.left_out != Some(site.left_out) {
            self.left_out = Some(site.left_out);
            if let Some(line) = crate::console::left_out(self.opts.lang, site.left_out) {
                log::info!("{line}");
            }
        }
    }

    /// Print the diagnostics and return them as one text for the error page.
    fn report_errors(&self, diags: &[Diagnostic]) -> String {
        let text = format_diagnostics(diags, self.opts.lang);
        let count = diags.iter().filter(|d| d.is_error()).count();
        let said = console::not_rebuilt(self.opts.lang, count);
        log::error!("{text}\n\n{said}");
        text
    }

    fn build(&mut self) -> Result<Files> {
        let started = Instant::now();
        let mut site = content::load_cached(&self.opts.load_options(), &mut self.cache)?;
        if let Some(url) = &self.opts.base_url {
            site.config.base_url = url.clone();
        }
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
fn format_diagnostics(diags: &[Diagnostic], lang: Lang) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const EDITED: &str = "content/tin-tuc/bai-hai.md";

    fn builder() -> (tempfile::TempDir, Builder) {
        let dir = crate::content::cache::tests::site_copy();
        let opts = BuildOptions {
            root: dir.path().to_path_buf(),
            output: None,
            base_url: Some("http://127.0.0.1:1111".to_owned()),
            drafts: false,
            today: crate::date::Date::parse("2025-06-01").expect("date"),
            lang: crate::error::Lang::En,
        };
        (dir, Builder::new(opts))
    }

    fn edit(root: &Path, from: &str, to: &str) {
        let path = root.join(EDITED);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from));
        std::fs::write(&path, text.replace(from, to)).expect("write");
    }

    #[test]
    fn preview_renders_an_edited_page_as_the_full_rebuild_does() {
        let (dir, mut builder) = builder();
        let first = builder.build_first().expect("builds");
        edit(dir.path(), "Công nhân", "Toàn bộ công nhân");
        let changed = [PathBuf::from(EDITED)];
        let preview = builder
            .preview(&first, &changed)
            .expect("a body edit is previewed");
        let full = builder.rebuild(&preview, &changed);
        let page = "tin-tuc/bai-hai/index.html";
        assert!(String::from_utf8_lossy(&preview.files[page]).contains("Toàn bộ công nhân"));
        assert_eq!(preview.files[page], full.files[page]);
        let list = "tin-tuc/index.html";
        assert_eq!(preview.files[list], first.files[list], "lists wait");
        assert_ne!(full.files[list], first.files[list], "and catch up");
        assert_ne!(preview.build_id, full.build_id);
    }

    #[test]
    fn front_matter_edits_and_broken_sites_are_not_previewed() {
        let (dir, mut builder) = builder();
        let first = builder.build_first().expect("builds");
        let changed = [PathBuf::from(EDITED)];
        edit(
            dir.path(),
            "Tập huấn an toàn điện",
            "Tập huấn an toàn điện 2025",
        );
        assert!(builder.preview(&first, &changed).is_none(), "title changed");
        let full = builder.rebuild(&first, &changed);
        edit(dir.path(), "date: 2025-04-20", "ngay: 2025-04-20");
        let broken = builder.rebuild(&full, &changed);
        assert!(broken.errors.is_some());
        edit(dir.path(), "ngay: 2025-04-20", "date: 2025-04-20");
        assert!(builder.preview(&broken, &changed).is_none(), "errors shown");
        let other = [PathBuf::from("content/tin-tuc/_index.md")];
        assert!(builder.preview(&full, &other).is_none(), "not a page");
    }
}
