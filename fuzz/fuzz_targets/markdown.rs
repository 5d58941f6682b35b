//! Markdown rendering never panics, and what it renders never carries a script.
#![no_main]

use std::collections::HashMap;
use std::path::Path;

use libfuzzer_sys::fuzz_target;
use loa::config::RawHtml;
use loa::markdown::{LinkTarget, MarkdownContext, render};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(body) = std::str::from_utf8(rest) else {
        return;
    };
    let links = HashMap::from([
        ("a.md".to_owned(), LinkTarget::Published("/a/".to_owned())),
        ("b.md".to_owned(), LinkTarget::Unpublished),
    ]);
    let raw_html = match mode % 3 {
        0 => RawHtml::Escape,
        1 => RawHtml::Sanitize,
        _ => RawHtml::Allow,
    };
    let ctx = MarkdownContext {
        raw_html,
        links: &links,
        source: Path::new("content/x.md"),
    };
    let r = render(body, 1 + usize::from(mode), &ctx);
    if raw_html != RawHtml::Allow {
        let lower = r.html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "a script element in {:?}", r.html);
    }
});
