//! `loa serve` end to end: the real binary against a fixture site copied into a temp dir,
//! spoken to over plain HTTP/1.1 on the loopback interface.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a saved change may take to show (the promise).
const CHANGE_SHOWS_WITHIN: Duration = Duration::from_secs(2);
/// How long the first build may take (a debug binary on a busy machine).
const STARTS_WITHIN: Duration = Duration::from_secs(60);
const TODAY: &str = "2025-06-01";
const PAGE: &str = "/tin-tuc/bai-mot/";
const PAGE_FILE: &str = "content/tin-tuc/bai-mot.md";

/// A copy of `tests/fixtures/serve/<name>` in a temp dir.
fn fixture(name: &str) -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/serve")
        .join(name);
    let dir = tempfile::tempdir().expect("temp dir");
    crate::common::copy_dir(&src, dir.path());
    dir
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("a file has a parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(root.join(rel)).expect("read");
    assert!(text.contains(from), "{rel} should contain {from:?}");
    write(root, rel, &text.replace(from, to));
}

/// A running `loa serve`; killed when dropped, so a failing test leaves no server behind.
pub(crate) struct Serve {
    child: Child,
    addr: String,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(root: &Path, args: &[&str]) -> Serve {
        Serve::start_on(root, "0", args)
    }

    fn start_on(root: &Path, port: &str, args: &[&str]) -> Serve {
        let mut command = loa_serve(port);
        command.arg("--root").arg(root).args(args);
        Serve::spawn(command)
    }

    /// Start `command` (made by [`loa_serve`]) and wait until it serves.
    pub(crate) fn spawn(mut command: Command) -> Serve {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start loa serve");
        let stderr = Arc::new(Mutex::new(String::new()));
        let pipe = child.stderr.take().expect("stderr is piped");
        let log = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                let mut log = log.lock().expect("log lock");
                log.push_str(&line);
                log.push('\n');
            }
        });
        let mut serve = Serve {
            child,
            addr: String::new(),
            stderr,
        };
        let started = Instant::now();
        loop {
            if let Some(addr) = address_in(&serve.log()) {
                serve.addr = addr;
                return serve;
            }
            if let Ok(Some(status)) = serve.child.try_wait() {
                panic!("loa serve exited with {status}:\n{}", serve.log());
            }
            assert!(
                started.elapsed() < STARTS_WITHIN,
                "loa serve printed no address:\n{}",
                serve.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Poll the server's output until it contains `text`.
    pub(crate) fn wait_for_log(&self, text: &str) {
        let started = Instant::now();
        while !self.log().contains(text) {
            assert!(
                started.elapsed() < CHANGE_SHOWS_WITHIN,
                "loa serve did not say {text:?}:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    pub(crate) fn log(&self) -> String {
        self.stderr.lock().expect("log lock").clone()
    }

    fn get(&self, path: &str) -> Response {
        get(&self.addr, path)
    }

    /// Poll `path` until its body contains `text`; panics after the deadline.
    pub(crate) fn wait_for(&self, path: &str, text: &str) -> Response {
        let started = Instant::now();
        loop {
            let r = self.get(path);
            if r.body.contains(text) {
                return r;
            }
            assert!(
                started.elapsed() < CHANGE_SHOWS_WITHIN,
                "{path} did not show {text:?} within {CHANGE_SHOWS_WITHIN:?}; last answer {}:\n{}\n--- stderr:\n{}",
                r.status,
                r.body,
                self.log()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }
}

/// `loa serve --port PORT --today TODAY`, messages in English, to complete and spawn.
pub(crate) fn loa_serve(port: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_loa"));
    command
        .env("LOA_LANG", "en")
        .args(["serve", "--port", port, "--today", TODAY]);
    command
}

/// `http://127.0.0.1:PORT/` in the server's output, as `127.0.0.1:PORT`.
fn address_in(log: &str) -> Option<String> {
    let start = log.find("http://127.0.0.1:")? + "http://".len();
    let rest = &log[start..];
    let end = rest.find('/')?;
    Some(rest[..end].to_owned())
}

#[derive(Debug)]
pub(crate) struct Response {
    status: u16,
    head: String,
    pub(crate) body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// One HTTP/1.1 GET over a fresh connection; `target` is sent exactly as given.
fn get(addr: &str, target: &str) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP response: {text:?}"));
    Response {
        status,
        head: head.to_owned(),
        body: body.to_owned(),
    }
}

#[test]
fn serves_the_site_and_shows_a_markdown_edit() {
    let site = fixture("basic");
    let serve = Serve::start(site.path(), &[]);
    let page = serve.get(PAGE);
    assert_eq!(page.status, 200, "{page:?}");
    assert_eq!(
        page.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        page.body.contains("Ra quân Tháng hành động"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("/__loa/events"),
        "reload script injected"
    );

    edit(
        site.path(),
        PAGE_FILE,
        "tổ chức lễ ra quân",
        "tổ chức lễ ra quân hưởng ứng Tháng hành động",
    );
    serve.wait_for(PAGE, "lễ ra quân hưởng ứng Tháng hành động");
    serve.wait_for_log("Rebuilt in");
}

#[test]
fn lists_catch_up_with_an_edited_page() {
    let site = fixture("basic");
    let serve = Serve::start(site.path(), &[]);
    // No summary in its front matter: lists show the body's first words.
    let list = serve.wait_for("/tin-tuc/", "Công nhân phường An Biên");
    assert!(!list.body.contains("Toàn bộ công nhân"));
    edit(
        site.path(),
        "content/tin-tuc/bai-hai.md",
        "Công nhân phường",
        "Toàn bộ công nhân phường",
    );
    serve.wait_for("/tin-tuc/bai-hai/", "Toàn bộ công nhân");
    serve.wait_for("/tin-tuc/", "Toàn bộ công nhân");
}

#[test]
fn broken_front_matter_shows_the_error_page_until_fixed() {
    let site = fixture("basic");
    let serve = Serve::start(site.path(), &[]);
    serve.wait_for(PAGE, "Ra quân Tháng hành động");

    edit(
        site.path(),
        PAGE_FILE,
        "date: 2025-05-02",
        "ngay: 2025-05-02",
    );
    let error = serve.wait_for(PAGE, "could not be rebuilt");
    assert_eq!(error.status, 500);
    assert!(
        error.body.contains("content/tin-tuc/bai-mot.md:3:"),
        "the error names the file and line:\n{}",
        error.body
    );
    assert!(error.body.contains("ngay"), "{}", error.body);
    assert!(
        error.body.contains("/__loa/events"),
        "the error page reloads itself"
    );
    let css = serve.get("/assets/css/rieng.css");
    assert_eq!(
        css.status, 200,
        "other files stay served from the last good build"
    );
    serve.wait_for_log("content/tin-tuc/bai-mot.md:3:");

    edit(
        site.path(),
        PAGE_FILE,
        "ngay: 2025-05-02",
        "date: 2025-05-02",
    );
    let back = serve.wait_for(PAGE, "Ra quân Tháng hành động");
    assert_eq!(back.status, 200);
    assert!(!back.body.contains("could not be rebuilt"));
}

#[test]
fn template_override_edits_are_served() {
    let site = fixture("basic");
    let serve = Serve::start(site.path(), &[]);
    serve.wait_for(PAGE, "Ra quân Tháng hành động");

    // A site-local copy of the built-in page template, with one line added.
    let template = "themes/cong-thong-tin/templates/page.html";
    let built_in = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(template))
        .expect("the built-in theme has page.html");
    let end = "{% endblock content %}";
    assert!(built_in.contains(end), "page.html has a content block");
    let local = built_in.replacen(end, &format!("<p>Mẫu riêng của phường</p>\n{end}"), 1);
    write(site.path(), template, &local);
    let page = serve.wait_for(PAGE, "Mẫu riêng của phường");
    assert!(
        page.body.contains("Ra quân Tháng hành động"),
        "{}",
        page.body
    );

    edit(site.path(), template, "Mẫu riêng của phường", "Mẫu đã sửa");
    serve.wait_for(PAGE, "Mẫu đã sửa");
}

#[test]
fn requests_outside_the_output_get_404() {
    let site = fixture("basic");
    let serve = Serve::start(site.path(), &[]);
    for target in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E/%2E%2E/site.toml",
        "/..%2fsite.toml",
        "/tin-tuc/..%2f..%2fsite.toml",
        "/..%5csite.toml",
        "//etc/passwd",
        "/site.toml",
        "/content/tin-tuc/bai-mot.md",
        "/tin-tuc/%00",
        "/assets/",
    ] {
        let r = serve.get(target);
        assert_eq!(r.status, 404, "{target}: {r:?}");
        assert!(!r.body.contains("base_url"), "{target} leaked site.toml");
    }
}

#[test]
fn directories_redirect_to_their_slash_and_unknown_pages_get_the_404_page() {
    let site = fixture("basic");
    let serve = Serve::start(site.path(), &[]);
    let r = serve.get("/tin-tuc?trang=1");
    assert_eq!(r.status, 301);
    assert_eq!(r.header("Location"), Some("/tin-tuc/?trang=1"));
    let r = serve.get("/tin-tuc/%62ai-mot/");
    assert_eq!(r.status, 200, "percent-encoded paths are decoded");
    let missing = serve.get("/khong-co-trang-nay/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("/__loa/events"),
        "the 404 page reloads too"
    );
    let css = serve.get("/assets/css/rieng.css");
    assert_eq!(css.header("Content-Type"), Some("text/css; charset=utf-8"));
    assert!(!css.body.contains("__loa"), "only HTML gets the script");
}

#[test]
fn open_pages_hear_about_each_new_build() {
    let site = fixture("basic");
    let serve = Serve::start(site.path(), &[]);
    let mut stream = TcpStream::connect(&serve.addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "GET /__loa/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
        serve.addr
    )
    .expect("send");
    let mut events = BufReader::new(stream);
    let mut next_id = || loop {
        let mut line = String::new();
        events.read_line(&mut line).expect("read event stream");
        assert!(!line.is_empty(), "event stream closed");
        if let Some(id) = line.strip_prefix("data: ") {
            return id.trim().to_owned();
        }
    };
    let first = next_id();
    let before = serve.get(PAGE);
    let tag = before.header("ETag").expect("HTML has an ETag").to_owned();
    assert!(
        before.body.contains(&format!("var tag='{tag}'")),
        "the reload script knows the ETag it was served with"
    );

    edit(site.path(), PAGE_FILE, "lễ ra quân", "lễ phát động");
    let second = next_id();
    assert_ne!(first, second, "a rebuild announces a new build id");
    let after = serve.wait_for(PAGE, "lễ phát động");
    let new_tag = after.header("ETag").expect("HTML has an ETag");
    assert_ne!(
        new_tag, tag,
        "the edited page has a new ETag, so its tab reloads"
    );
}

#[test]
fn polling_watcher_sees_edits() {
    let site = fixture("basic");
    let serve = Serve::start(site.path(), &["--poll"]);
    serve.wait_for(PAGE, "Ra quân Tháng hành động");
    edit(
        site.path(),
        PAGE_FILE,
        "lễ ra quân",
        "lễ ra quân qua thư mục mạng",
    );
    serve.wait_for(PAGE, "qua thư mục mạng");
}

#[test]
fn a_port_in_use_is_said_and_the_next_free_one_is_used() {
    let site = fixture("basic");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let serve = Serve::start_on(site.path(), &port, &[]);
    assert!(
        serve
            .log()
            .contains(&format!("Port {port} is already in use")),
        "{}",
        serve.log()
    );
    assert_ne!(serve.addr, format!("127.0.0.1:{port}"));
    assert_eq!(serve.get(PAGE).status, 200);
}

#[test]
fn build_output_has_no_reload_snippet() {
    let site = fixture("basic");
    let out: PathBuf = site.path().join("public");
    let status = Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(["build", "--today", TODAY, "--root"])
        .arg(site.path())
        .stderr(Stdio::null())
        .status()
        .expect("run loa build");
    assert!(status.success());
    let mut html = 0;
    for e in walkdir::WalkDir::new(&out) {
        let e = e.expect("walk output");
        if !e.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(e.path()).expect("read output");
        let text = String::from_utf8_lossy(&bytes);
        html += usize::from(e.path().extension().is_some_and(|x| x == "html"));
        for needle in ["__loa", "EventSource", "live reload"] {
            assert!(
                !text.contains(needle),
                "{} contains {needle:?}",
                e.path().display()
            );
        }
    }
    assert!(html > 0, "the build wrote HTML");
}

/// Issue 16: `cd site && loa serve`, as README says, served but never rebuilt: the
/// watcher compared the absolute paths of changes with the root as given (`.`).
#[test]
fn serve_inside_the_site_folder_without_root_rebuilds_on_edits() {
    let site = fixture("basic");
    let mut command = loa_serve("0");
    command.current_dir(site.path());
    let serve = Serve::spawn(command);
    serve.wait_for(PAGE, "Ra quân Tháng hành động");
    edit(site.path(), PAGE_FILE, "lễ ra quân", "lễ ra quân tại chỗ");
    serve.wait_for(PAGE, "lễ ra quân tại chỗ");
    serve.wait_for_log("Rebuilt in");
    write(
        site.path(),
        "content/tin-tuc/bai-moi.md",
        "---\ntitle: \"Bài mới thêm\"\ndate: 2025-05-20\n---\nNội dung.\n",
    );
    serve.wait_for("/tin-tuc/bai-moi/", "Bài mới thêm");
}

/// Issue 16: a relative `--root` is watched as well as an absolute one.
#[test]
fn serve_with_a_relative_root_rebuilds_on_edits() {
    let parent = tempfile::tempdir().expect("temp dir");
    let site = fixture("basic");
    let root = parent.path().join("trang-web");
    crate::common::copy_dir(site.path(), &root);
    let mut command = loa_serve("0");
    command
        .current_dir(parent.path())
        .args(["--root", "trang-web"]);
    let serve = Serve::spawn(command);
    serve.wait_for(PAGE, "Ra quân Tháng hành động");
    edit(&root, PAGE_FILE, "lễ ra quân", "lễ ra quân từ thư mục cha");
    serve.wait_for(PAGE, "lễ ra quân từ thư mục cha");
    assert!(
        !serve.log().contains(&parent.path().display().to_string()),
        "messages name files relative to the site:\n{}",
        serve.log()
    );
}
