//! Answering one request from a [`Snapshot`]: map the URL to a file of the in-memory
//! output, pick its Content-Type, inject the live-reload script into HTML, and stand the
//! error page in for HTML while the latest build is broken. Pure functions over plain
//! data; the socket, the threads and the event stream live in `serve/mod.rs`.
//!
//! Reloading: every HTML answer carries an ETag (a hash of the page as built, or of the
//! errors shown instead) and a script that knows it. When the server announces a build
//! on the event stream, the script asks for its page again with HEAD and reloads only if
//! the ETag changed, so a tab whose page a change did not touch stays as it is.

use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hasher};

use super::Snapshot;
use crate::error::Lang;

/// The path browsers listen on for new build ids (Server-Sent Events).
pub(crate) const EVENTS_PATH: &str = "/__loa/events";

/// What to send back.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Reply {
    Body {
        status: u16,
        content_type: &'static str,
        body: Vec<u8>,
        /// For HTML: what the reload script compares (without the quotes).
        etag: Option<String>,
    },
    /// 301 to this location (the same path with a trailing slash).
    Redirect(String),
    /// Keep the connection open and stream build ids.
    Events,
    MethodNotAllowed,
}

/// A request path that is safe to look up: decoded segments joined by `/`, never empty
/// segments, `.`, `..`, slashes, backslashes or control characters.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub key: String,
    /// The URL ended with `/` (or was `/`).
    pub dir: bool,
}

/// Answer a GET or HEAD for `url` (the request target as received: path and query).
pub(crate) fn answer(snap: &Snapshot, method: &str, url: &str) -> Reply {
    if method != "GET" && method != "HEAD" {
        return Reply::MethodNotAllowed;
    }
    let (path, query) = split_query(url);
    if path == EVENTS_PATH {
        return Reply::Events;
    }
    let Some(target) = resolve(path) else {
        return not_found(snap, false);
    };
    let key = if target.dir {
        format!("{}index.html", slash_after(&target.key))
    } else {
        target.key.clone()
    };
    if snap.files.contains_key(&key) {
        return file(snap, &key, 200);
    }
    if !target.dir
        && snap
            .files
            .contains_key(&format!("{}/index.html", target.key))
    {
        let query = query.map(|q| format!("?{q}")).unwrap_or_default();
        return Reply::Redirect(format!("{path}/{query}"));
    }
    not_found(snap, true)
}

fn split_query(url: &str) -> (&str, Option<&str>) {
    let url = url.split('#').next().unwrap_or("");
    match url.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (url, None),
    }
}

fn slash_after(key: &str) -> String {
    if key.is_empty() {
        String::new()
    } else {
        format!("{key}/")
    }
}

/// Decode a request path into a lookup key, or `None` when it could reach outside the
/// output or is malformed. The segments are split before decoding, so `%2f` can never
/// make a new one.
pub(crate) fn resolve(path: &str) -> Option<Target> {
    let rest = path.strip_prefix('/')?;
    if rest.is_empty() {
        return Some(Target {
            key: String::new(),
            dir: true,
        });
    }
    let dir = rest.ends_with('/');
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let mut segments = Vec::new();
    for raw in rest.split('/') {
        let seg = percent_decode(raw)?;
        let bad = seg.is_empty()
            || seg == "."
            || seg == ".."
            || seg.contains(['/', '\\'])
            || seg.chars().any(char::is_control);
        if bad {
            return None;
        }
        segments.push(seg);
    }
    Some(Target {
        key: segments.join("/"),
        dir,
    })
}

/// `%XX` escapes to bytes, then UTF-8. Malformed escapes and invalid UTF-8 give `None`.
pub(crate) fn percent_decode(s: &str) -> Option<String> {
    crate::percent::decode(s).ok()
}

/// Content-Type by file extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" => "application/json",
        "ics" => "text/calendar; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "ssml" => "application/ssml+xml; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

fn is_html(content_type: &str) -> bool {
    content_type.starts_with("text/html")
}

/// A file of the output. HTML gets the reload script, or the error page while the
/// latest build is broken.
fn file(snap: &Snapshot, key: &str, status: u16) -> Reply {
    let content_type = content_type(key);
    let bytes = &snap.files[key];
    if is_html(content_type) {
        if let Some(errors) = &snap.errors {
            return error_reply(errors, snap.lang);
        }
        return html_reply(status, bytes);
    }
    Reply::Body {
        status,
        content_type,
        body: bytes.to_vec(),
        etag: None,
    }
}

fn html_reply(status: u16, page: &[u8]) -> Reply {
    let tag = etag(page);
    Reply::Body {
        status,
        content_type: content_type("index.html"),
        body: inject_reload(page, &tag),
        etag: Some(tag),
    }
}

/// A short hash of what a page shows, as hex.
pub(crate) fn etag(bytes: &[u8]) -> String {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    format!("{:016x}", h.finish())
}

/// The site's 404.html (or a plain one). A path that names nothing shows the error page
/// while the build is broken, since the page may be one the broken file would create;
/// a path refused as unsafe never does.
fn not_found(snap: &Snapshot, valid: bool) -> Reply {
    if valid && let Some(errors) = &snap.errors {
        return error_reply(errors, snap.lang);
    }
    match snap.files.get("404.html") {
        Some(page) => html_reply(404, page),
        None => Reply::Body {
            status: 404,
            content_type: content_type("404.txt"),
            body: tr!(
                snap.lang,
                "404: không có trang này\n",
                "404: no such page\n"
            )
            .into_bytes(),
            etag: None,
        },
    }
}

fn error_reply(errors: &str, lang: Lang) -> Reply {
    let tag = etag(errors.as_bytes());
    Reply::Body {
        status: 500,
        content_type: content_type("error.html"),
        body: error_page(errors, &tag, lang).into_bytes(),
        etag: Some(tag),
    }
}

/// The script that reloads the page when a build changed it: on each announcement it
/// asks for the page's ETag and compares it with `tag`, the one it was served with.
pub(crate) fn reload_script(tag: &str) -> String {
    format!(
        "<script>/* loa serve: live reload */(function(){{var tag='\"{tag}\"';\
         var es=new EventSource(\"{EVENTS_PATH}\");\
         es.onmessage=function(){{fetch(location.href,{{method:\"HEAD\",cache:\"no-store\"}})\
         .then(function(r){{if(r.headers.get(\"ETag\")!==tag){{es.close();location.reload();}}}})\
         .catch(function(){{}});}};}})();</script>"
    )
}

/// Insert the reload script before the last `</body>`, or at the end without one.
pub(crate) fn inject_reload(html: &[u8], tag: &str) -> Vec<u8> {
    let script = reload_script(tag);
    let at = rfind_ignore_case(html, b"</body").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn rfind_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// The page shown instead of the site while its latest build fails: every diagnostic
/// (`file:line:column`, the quoted line, what to do), escaped, and the reload script so
/// the browser comes back by itself once the fix builds.
pub(crate) fn error_page(errors: &str, tag: &str, lang: Lang) -> String {
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let title = crate::console::serve::error_page_title(lang);
    let note = crate::console::serve::error_page_note(lang);
    let mut page = format!(
        "<!doctype html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} — loa serve</title>\
         <style>body{{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}}\
         h1{{color:#a00;font-size:1.5rem}}pre{{background:#fff4f4;border-left:4px solid #a00;padding:1rem;\
         overflow-x:auto;white-space:pre-wrap;font-size:.95rem}}</style></head><body>\n\
         <h1>{title}</h1>\n<p>{note}</p>\n<pre>",
    );
    page.push_str(&crate::render::feeds::xml_escape(errors));
    page.push_str("</pre>\n");
    let _ = write!(page, "{}", reload_script(tag));
    page.push_str("\n</body></html>\n");
    page
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::sync::Arc;

    fn snapshot(errors: Option<&str>) -> Snapshot {
        let mut files = BTreeMap::new();
        for (k, v) in [
            ("index.html", "<html><body>home</body></html>"),
            ("tin-tuc/index.html", "<html><body>list</body></html>"),
            (
                "tin-tuc/bai-mot/index.html",
                "<html><BODY>bài một</BODY></html>",
            ),
            ("404.html", "<html><body>không thấy</body></html>"),
            ("css/site.css", "body{}"),
            ("loa/2025-06-01/an-bien-sang.ssml", "<speak/>"),
        ] {
            files.insert(k.to_owned(), Arc::new(v.as_bytes().to_vec()));
        }
        Snapshot {
            files: Arc::new(files),
            errors: errors.map(|e| Arc::new(e.to_owned())),
            build_id: "b1".to_owned(),
            lang: Lang::En,
        }
    }

    fn status(r: &Reply) -> u16 {
        match r {
            Reply::Body { status, .. } => *status,
            Reply::Redirect(_) => 301,
            Reply::Events => 0,
            Reply::MethodNotAllowed => 405,
        }
    }

    fn body(r: &Reply) -> String {
        match r {
            Reply::Body { body, .. } => String::from_utf8_lossy(body).into_owned(),
            other => panic!("no body: {other:?}"),
        }
    }

    #[test]
    fn resolves_safe_paths_and_refuses_the_rest() {
        let ok = |p: &str, key: &str, dir: bool| {
            assert_eq!(
                resolve(p),
                Some(Target {
                    key: key.to_owned(),
                    dir
                }),
                "{p}"
            );
        };
        ok("/", "", true);
        ok("/tin-tuc/", "tin-tuc", true);
        ok("/tin-tuc", "tin-tuc", false);
        ok("/tin%2Dtuc/b%C3%A0i", "tin-tuc/bài", false);
        ok("/.well-known/x", ".well-known/x", false);
        for bad in [
            "",
            "tin-tuc",
            "/../site.toml",
            "/%2e%2e/site.toml",
            "/%2E%2E/site.toml",
            "/..%2fsite.toml",
            "/..%2Fsite.toml",
            "/a/..%5csite.toml",
            "//etc/passwd",
            "/a//b",
            "/./index.html",
            "/a/%00",
            "/a%0a",
            "/%zz",
            "/%e",
            "/%ff%fe",
            "/a/../../site.toml",
        ] {
            assert_eq!(resolve(bad), None, "{bad:?} must be refused");
        }
    }

    #[test]
    fn percent_decodes_utf8() {
        assert_eq!(percent_decode("%C4%91%E1%BB%8Fi").as_deref(), Some("đỏi"));
        assert_eq!(percent_decode("a+b").as_deref(), Some("a+b"));
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(percent_decode("%ff"), None);
    }

    #[test]
    fn serves_index_html_for_directories_and_redirects_without_slash() {
        let s = snapshot(None);
        let r = answer(&s, "GET", "/tin-tuc/");
        assert_eq!(status(&r), 200);
        assert!(body(&r).starts_with("<html><body>list"));
        assert_eq!(
            answer(&s, "GET", "/tin-tuc?trang=2"),
            Reply::Redirect("/tin-tuc/?trang=2".to_owned())
        );
        assert_eq!(status(&answer(&s, "GET", "/")), 200);
        assert_eq!(status(&answer(&s, "HEAD", "/css/site.css")), 200);
        assert_eq!(status(&answer(&s, "POST", "/")), 405);
        assert_eq!(answer(&s, "GET", "/__loa/events"), Reply::Events);
    }

    #[test]
    fn unknown_and_unsafe_paths_get_the_sites_404_page() {
        let s = snapshot(None);
        for p in [
            "/khong-co/",
            "/css",
            "/../site.toml",
            "//etc/passwd",
            "/css/",
        ] {
            let r = answer(&s, "GET", p);
            assert_eq!(status(&r), 404, "{p}");
            assert!(body(&r).contains("không thấy"), "{p}");
        }
    }

    #[test]
    fn injects_reload_script_into_html_only() {
        let s = snapshot(None);
        let page = body(&answer(&s, "GET", "/tin-tuc/bai-mot/"));
        let script = page.find(EVENTS_PATH).expect("script injected");
        assert!(script < page.find("</BODY>").expect("body kept"), "{page}");
        let built = "<html><BODY>bài một</BODY></html>";
        assert!(page.contains(&format!("var tag='\"{}\"'", etag(built.as_bytes()))));
        let css = body(&answer(&s, "GET", "/css/site.css"));
        assert_eq!(css, "body{}");
        assert_eq!(
            inject_reload(b"<p>no body</p>", "x"),
            format!("<p>no body</p>{}", reload_script("x")).into_bytes()
        );
    }

    #[test]
    fn picks_content_type_by_extension() {
        for (path, ct) in [
            ("index.html", "text/html; charset=utf-8"),
            ("css/site.css", "text/css; charset=utf-8"),
            ("a.JS", "text/javascript; charset=utf-8"),
            ("atom.xml", "application/xml; charset=utf-8"),
            ("search.json", "application/json"),
            ("lich.ics", "text/calendar; charset=utf-8"),
            ("robots.txt", "text/plain; charset=utf-8"),
            ("b.ssml", "application/ssml+xml; charset=utf-8"),
            ("a.png", "image/png"),
            ("a.jpg", "image/jpeg"),
            ("a.svg", "image/svg+xml"),
            ("a.pdf", "application/pdf"),
            ("f.woff2", "font/woff2"),
            ("LICENSE", "application/octet-stream"),
        ] {
            assert_eq!(content_type(path), ct, "{path}");
        }
    }

    #[test]
    fn broken_build_shows_escaped_errors_for_html_and_keeps_other_files() {
        let s = snapshot(Some("content/a.md:2:1: error[E001]: bad <title>\n2 | <b>"));
        let r = answer(&s, "GET", "/tin-tuc/bai-mot/");
        assert_eq!(status(&r), 500);
        let page = body(&r);
        assert!(page.contains("content/a.md:2:1"), "{page}");
        assert!(page.contains("bad &lt;title&gt;"), "{page}");
        assert!(!page.contains("<b>"), "{page}");
        assert!(page.contains(EVENTS_PATH), "error page reloads by itself");
        assert_eq!(status(&answer(&s, "GET", "/page-the-fix-adds/")), 500);
        assert_eq!(body(&answer(&s, "GET", "/css/site.css")), "body{}");
        assert_eq!(status(&answer(&s, "GET", "/../site.toml")), 404);
    }
}
