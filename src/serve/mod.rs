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

mod builder;
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
use builder::*;
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

#[cfg(test)]
mod tests;
