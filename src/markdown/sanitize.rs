//! Raw HTML in markdown: what ammonia keeps, what is refused as executable, and addresses that
//! must never become links.

use super::*;

/// Keep ordinary markup, drop scripts, event handlers, styles and `javascript:` URLs.
/// Runs over the whole rendered page, so raw tags split across markdown events are seen
/// in their context.
pub(super) fn sanitize(html: &str) -> String {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER
        .get_or_init(|| {
            let mut b = ammonia::Builder::default();
            b.add_generic_attributes(["id", "class", "title", "lang"])
                .add_tags([
                    "input",
                    "figure",
                    "figcaption",
                    "section",
                    "details",
                    "summary",
                ])
                .add_tag_attributes("input", ["type", "checked", "disabled"])
                .add_tag_attributes("pre", ["data-lang"])
                .add_tag_attributes("th", ["style"])
                .add_tag_attributes("td", ["style"])
                .attribute_filter(|element, attribute, value| match (element, attribute) {
                    (_, "style") => matches!(
                        value,
                        "text-align: left" | "text-align: center" | "text-align: right"
                    )
                    .then(|| value.into()),
                    ("input", "type") => (value == "checkbox").then(|| value.into()),
                    _ => Some(value.into()),
                })
                .link_rel(None);
            b
        })
        .clean(html)
        .to_string()
}

/// What in a raw HTML fragment the sanitizer will remove because it could run code.
pub(super) fn executable_html(html: &str) -> Option<&'static str> {
    let lower = html.to_ascii_lowercase();
    let tags = [
        ("<script", "<script>"),
        ("<iframe", "<iframe>"),
        ("<object", "<object>"),
        ("<embed", "<embed>"),
        ("<style", "<style>"),
        ("<form", "<form>"),
    ];
    if let Some((_, name)) = tags.iter().find(|(t, _)| lower.contains(t)) {
        return Some(name);
    }
    if lower.contains("javascript:") || lower.contains("vbscript:") {
        return Some("javascript:");
    }
    let bytes = lower.as_bytes();
    let handler = lower.match_indices("on").any(|(i, _)| {
        i > 0
            && matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'/' | b'"' | b'\'')
            && lower[i + 2..]
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .trim_start()
                .starts_with('=')
            && lower[i + 2..].starts_with(|c: char| c.is_ascii_alphabetic())
    });
    handler.then_some("on…= (event handler)")
}

/// Schemes that run code in the browser. Browsers ignore ASCII whitespace and control
/// characters inside the scheme, so they are ignored here too.
pub fn is_dangerous_url(url: &str) -> bool {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take_while(|c| *c != ':')
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    url.contains(':') && matches!(scheme.as_str(), "javascript" | "vbscript" | "data")
}

/// Raw HTML passes through for `allow` and `sanitize` (the whole page is sanitized
/// afterwards) and becomes text for `escape`.
pub(super) fn raw_html(html: CowStr<'_>, mode: RawHtml) -> Event<'_> {
    match mode {
        RawHtml::Allow | RawHtml::Sanitize => Event::Html(html),
        RawHtml::Escape => Event::Text(html),
    }
}
