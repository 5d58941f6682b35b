//! No script injection from content. Every payload of `tests/fixtures/xss/payloads.txt`
//! is written into every place an author can type text (titles, summaries, taxonomy
//! terms, alt text, headings, link text, raw HTML, event and notice and document
//! fields), and every target of `urls.txt` into markdown links and images. The portal is
//! built with raw HTML escaped (the default) and sanitized, and every HTML file is read
//! with html5ever's tokenizer: no script element the theme did not put there, no event
//! handler attribute, no `javascript:`/`vbscript:`/`data:` address.

use std::cell::RefCell;
use std::path::Path;
use std::process::{Command, Output};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

const TODAY: &str = "2025-06-15";

fn lines(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xss")
        .join(name);
    std::fs::read_to_string(path)
        .expect("read corpus")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().expect("a file has a parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

const SITE: &str = r#"title = "Cổng thử XSS"
base_url = "https://vi-du.gov.vn/"

[[agencies]]
id = "phong-vhtt"
name = "Phòng Văn hóa - Thông tin"

[[wards]]
slug = "an-bien"
name = "Phường An Biên"
"#;

/// One page of each kind per payload, all fields filled with it.
fn write_corpus(root: &Path, raw_html: &str) {
    write(
        root,
        "site.toml",
        &format!("{SITE}\n[markdown]\nraw_html = \"{raw_html}\"\n"),
    );
    // A real picture: the build decodes every image a page shows.
    std::fs::create_dir_all(root.join("assets/anh")).expect("mkdir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/theme/portal/assets/anh/tap-huan.png"),
        root.join("assets/anh/a.png"),
    )
    .expect("copy a picture");
    let sections = [
        ("tin-tuc", "news"),
        ("chien-dich", "campaign"),
        ("thang-hanh-dong", "action-month"),
        ("guong-dien-hinh", "model"),
        ("van-ban", "document"),
        ("xu-ly-vi-pham", "violation"),
    ];
    for (dir, kind) in sections {
        write(
            root,
            &format!("content/{dir}/_index.md"),
            &format!("---\ntitle: \"{dir}\"\nkind: {kind}\n---\n"),
        );
    }
    let urls = lines("urls.txt");
    for (i, p) in lines("payloads.txt").iter().enumerate() {
        let v = q(p);
        let url = &urls[i % urls.len()];
        let common = format!(
            "title: {v}\nsummary: {v}\nsectors: [{v}]\naudiences: [{v}]\nimage: anh/a.png\nimage_alt: {v}\ndate: 2025-05-{:02}\n",
            i % 28 + 1
        );
        let body = format!(
            "## {p}\n\n{p}\n\n[{p}]({url}) và ![{p}]({url}) và [bài](<{url}>)\n\n- {p}\n\n> {p}\n\n`{p}`\n\n| {p} | a |\n|---|---|\n| b | {p} |\n"
        );
        write(
            root,
            &format!("content/tin-tuc/p{i:02}.md"),
            &format!("---\n{common}---\n{body}"),
        );
        write(
            root,
            &format!("content/chien-dich/p{i:02}.md"),
            &format!(
                "---\n{common}period: {{start: 2025-05-01, end: 2025-05-31}}\ngoal: {v}\n---\n{body}"
            ),
        );
        write(
            root,
            &format!("content/thang-hanh-dong/p{i:02}.md"),
            &format!(
                "---\n{common}year: {}\ntheme: {v}\nevents:\n  - date: 2025-05-05\n    time: \"07:30\"\n    title: {v}\n    place: {v}\n    organizer: {v}\n    ward: an-bien\n---\n{body}",
                2000 + i
            ),
        );
        write(
            root,
            &format!("content/guong-dien-hinh/p{i:02}.md"),
            &format!(
                "---\n{common}subject: {v}\nsubject_type: organization\nward: an-bien\nachievements: [{v}]\n---\n{body}"
            ),
        );
        write(
            root,
            &format!("content/van-ban/p{i:02}.md"),
            &format!(
                "---\n{common}doc_type: {v}\nnumber: {v}\nissuer: {v}\nabstract: {v}\nissued: 2025-05-01\n---\n{body}"
            ),
        );
        write(
            root,
            &format!("content/xu-ly-vi-pham/p{i:02}.md"),
            &format!(
                "---\n{common}subject: {v}\nsubject_type: organization\ndecision_no: {v}\ndecision_date: 2025-05-01\nissuer: {v}\nstatus: xu-phat-hanh-chinh\nremedy: {v}\nviolations:\n  - description: {v}\n    legal_basis: {v}\n    fine: 1000000\ntotal_fine: 1000000\n---\n{body}"
            ),
        );
    }
}

fn loa(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loa"))
        .args(args)
        .args(["--today", TODAY, "--root"])
        .arg(root)
        .env("LOA_LANG", "en")
        .output()
        .expect("run loa")
}

/// What a tokenizer saw that could run code, one line per finding.
#[derive(Default)]
struct Findings {
    found: RefCell<Vec<String>>,
}

const URL_ATTRIBUTES: [&str; 9] = [
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcset",
    "xlink:href",
];

fn executable_url(value: &str) -> bool {
    let v: String = value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let v = v.strip_prefix("0;url=").unwrap_or(&v);
    v.starts_with("javascript:") || v.starts_with("vbscript:") || v.starts_with("data:")
}

impl TokenSink for Findings {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else {
            return TokenSinkResult::Continue;
        };
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        let name = tag.name.to_string();
        let attr = |n: &str| {
            tag.attrs
                .iter()
                .find(|a| &*a.name.local == n)
                .map(|a| a.value.to_string())
        };
        let mut found = self.found.borrow_mut();
        match name.as_str() {
            // The theme's own scripts are files under /js/, never inline.
            "script" if attr("src").is_some_and(|s| s.starts_with("/js/")) => {}
            // The theme's search form asks this site's own search page.
            "form" if attr("action").is_some_and(|a| a.starts_with('/')) => {}
            "script" | "iframe" | "object" | "embed" | "base" | "form" | "frame" | "applet" => {
                found.push(format!("line {line}: <{name}>"));
            }
            _ => {}
        }
        for a in &tag.attrs {
            let key = match &a.name.prefix {
                Some(p) => format!("{p}:{}", a.name.local),
                None => a.name.local.to_string(),
            };
            let value = a.value.to_string();
            if key.to_ascii_lowercase().starts_with("on") {
                found.push(format!("line {line}: <{name} {key}=…>"));
            }
            // A meta's content is text, except for a refresh and Open Graph addresses.
            let url_meta = name == "meta"
                && key == "content"
                && (attr("http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("refresh"))
                    || attr("property")
                        .is_some_and(|p| p.ends_with(":url") || p.ends_with(":image")));
            if (URL_ATTRIBUTES.contains(&key.as_str()) || url_meta) && executable_url(&value) {
                found.push(format!("line {line}: <{name} {key}=\"{value}\">"));
            }
            if key == "style" && {
                let s = value.to_ascii_lowercase();
                s.contains("javascript:") || s.contains("expression(") || s.contains("url(")
            } {
                found.push(format!("line {line}: <{name} style=\"{value}\">"));
            }
        }
        TokenSinkResult::Continue
    }
}

fn scan(html: &str) -> Vec<String> {
    let tok = Tokenizer::new(Findings::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&input);
    tok.end();
    tok.sink.found.take()
}

/// Build the corpus in `raw_html` mode and scan every HTML file of the output.
fn assert_nothing_executable(raw_html: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    write_corpus(dir.path(), raw_html);
    let out = loa(dir.path(), &["build"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "the corpus builds ({raw_html}):\n{err}"
    );
    let mut scanned = 0;
    let mut problems = Vec::new();
    for e in walkdir::WalkDir::new(dir.path().join("public")) {
        let e = e.expect("walk");
        if e.path().extension().is_some_and(|x| x == "html") {
            let html = std::fs::read_to_string(e.path()).expect("read");
            scanned += 1;
            for f in scan(&html) {
                problems.push(format!("{}: {f}", e.path().display()));
            }
        }
    }
    assert!(
        scanned > 39 * 6,
        "every page was built and scanned ({scanned})"
    );
    assert!(
        problems.is_empty(),
        "{} executable findings ({raw_html}):\n{}",
        problems.len(),
        problems[..problems.len().min(40)].join("\n")
    );
    let page = std::fs::read_to_string(dir.path().join("public/tin-tuc/p34/index.html"))
        .expect("the template-syntax payload's page");
    assert!(
        page.contains("{{ config.base_url }}"),
        "template syntax in content is text, never run"
    );
}

#[test]
fn corpus_is_large_enough() {
    assert!(lines("payloads.txt").len() >= 30);
    assert!(lines("urls.txt").len() >= 8);
}

#[test]
fn escaped_raw_html_leaves_nothing_executable() {
    assert_nothing_executable("escape");
}

#[test]
fn sanitized_raw_html_leaves_nothing_executable() {
    assert_nothing_executable("sanitize");
}

#[test]
fn the_scanner_finds_what_it_looks_for() {
    let bad = r#"<p onclick="x()">a</p><a href=" jav&#x09;ascript:x">b</a><script>x</script><img src="data:text/html,x"><svg><a xlink:href="javascript:x"></a></svg>"#;
    assert_eq!(scan(bad).len(), 5, "{:?}", scan(bad));
    let good = r#"<script src="/js/tim-kiem.js" defer></script><a href="/tin-tuc/">x</a><p>&lt;script&gt;</p>"#;
    assert!(scan(good).is_empty(), "{:?}", scan(good));
}

#[test]
fn script_addresses_in_front_matter_are_refused() {
    for url in [
        "javascript:alert(1)//x.png",
        "java\tscript://x%0aalert(1)",
        " data:text/html,x",
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "site.toml", SITE);
        write(
            dir.path(),
            "content/tin-tuc/x.md",
            &format!(
                "---\ntitle: \"X\"\nimage: {}\nimage_alt: \"a\"\n---\n",
                q(url)
            ),
        );
        let out = loa(dir.path(), &["build"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{url:?}:\n{err}");
        assert!(
            err.contains("content/tin-tuc/x.md:3:1: error[E022]"),
            "{url:?}:\n{err}"
        );
    }
}
