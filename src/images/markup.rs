//! The markup of a picture: `<picture>` with a WebP `<source>` and an `<img>` (JPEG or
//! PNG) that states its width and height, so the browser keeps its room before the
//! photo arrives; and the rewriting of the `<img>` tags of a rendered page body.

use super::Picture;

/// How wide a picture is shown: `sizes` of the body's column (`.prose`, 40rem), of the
/// article's figure, and of a card in a list.
pub const SIZES_BODY: &str = "(max-width: 42rem) 100vw, 40rem";
pub const SIZES_CARD: &str = "(max-width: 42rem) 100vw, 20rem";

/// An output path as a URL path: each segment percent-encoded.
pub fn url(dest: &str) -> String {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const SEGMENT: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}')
        .add(b'\'');
    dest.split('/')
        .fold(String::with_capacity(dest.len() + 1), |mut out, seg| {
            out.push('/');
            out.extend(utf8_percent_encode(seg, SEGMENT));
            out
        })
}

/// `a-480.webp 480w, a-800.webp 800w`.
fn srcset(p: &Picture, webp: bool) -> String {
    p.sizes
        .iter()
        .map(|s| {
            let dest = if webp { &s.webp } else { &s.fallback };
            format!("{} {}w", url(dest), s.width)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Escape text for an attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A picture's markup. `alt` and `extra` (more attributes of the `<img>`, such as a
/// title) are already escaped. `eager` for the first picture of a page, which is often
/// the largest thing on the screen: every other one loads when it is scrolled to.
pub fn picture(p: &Picture, alt: &str, sizes: &str, eager: bool, extra: &str) -> String {
    // The `<img>`'s own `src`, for browsers without srcset: the reduction nearest 800.
    let src = p
        .sizes
        .iter()
        .rev()
        .find(|s| s.width <= 800)
        .unwrap_or(&p.sizes[0]);
    let largest = p.largest();
    let loading = if eager {
        " fetchpriority=\"high\""
    } else {
        " loading=\"lazy\" decoding=\"async\""
    };
    format!(
        "<picture><source type=\"image/webp\" srcset=\"{}\" sizes=\"{sizes}\"><img src=\"{}\" srcset=\"{}\" sizes=\"{sizes}\" width=\"{}\" height=\"{}\" alt=\"{alt}\"{extra}{loading}></picture>",
        srcset(p, true),
        url(&src.fallback),
        srcset(p, false),
        largest.width,
        largest.height,
    )
}

/// The value of attribute `name` in the inside of a tag (`src="a" alt="b"`), as written.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = tag;
    loop {
        let at = rest.find(&format!("{name}=\""))?;
        let before = rest[..at].chars().next_back();
        let value = &rest[at + name.len() + 2..];
        if before.is_none_or(char::is_whitespace) {
            return value.find('"').map(|end| &value[..end]);
        }
        rest = value;
    }
}

fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Replace each `<img>` of `html` whose `src` `lookup` knows with its picture's markup;
/// the first picture of the page is loaded at once when `first_eager`. Other images
/// (another site's, an SVG) stay as written.
pub fn rewrite_body<'p>(
    html: &str,
    first_eager: bool,
    lookup: &dyn Fn(&str) -> Option<&'p Picture>,
) -> String {
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    let mut eager = first_eager;
    while let Some(at) = rest.find("<img ") {
        out.push_str(&rest[..at]);
        let Some(len) = rest[at..].find('>') else {
            rest = &rest[at..];
            break;
        };
        let tag = &rest[at..at + len + 1];
        rest = &rest[at + len + 1..];
        let inside = tag[4..tag.len() - 1].trim_end_matches('/');
        let found = attribute(inside, "src").and_then(|src| lookup(&unescape(src)));
        match found {
            Some(p) => {
                let alt = attribute(inside, "alt").unwrap_or("");
                let extra = attribute(inside, "title")
                    .map(|t| format!(" title=\"{t}\""))
                    .unwrap_or_default();
                out.push_str(&picture(p, alt, SIZES_BODY, eager, &extra));
                eager = false;
            }
            None => out.push_str(tag),
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::super::Size;
    use super::*;

    fn photo() -> Picture {
        let size = |w: u32, h: u32| Size {
            width: w,
            height: h,
            webp: format!("assets/anh/ảnh-{w}.ab.webp"),
            fallback: format!("assets/anh/ảnh-{w}.ab.jpg"),
        };
        Picture {
            width: 4000,
            height: 3000,
            sizes: vec![size(480, 360), size(800, 600), size(1200, 900)],
            og: ("assets/anh/ảnh-og.ab.jpg".to_owned(), 1200, 630),
            graphic: false,
            entry: Default::default(),
        }
    }

    #[test]
    fn a_body_image_becomes_a_picture_with_its_size() {
        let p = photo();
        let html = "<p><img src=\"/assets/anh/a.jpg\" alt=\"Công nhân &amp; giàn giáo\" title=\"T\" /> và <img src=\"https://x/y.png\" alt=\"\" /></p>";
        let out = rewrite_body(html, false, &|src| {
            (src == "/assets/anh/a.jpg").then_some(&p)
        });
        assert!(out.starts_with("<p><picture><source type=\"image/webp\" srcset=\"/assets/anh/%E1%BA%A3nh-480.ab.webp 480w, "), "{out}");
        assert!(out.contains("width=\"1200\" height=\"900\" alt=\"Công nhân &amp; giàn giáo\" title=\"T\" loading=\"lazy\" decoding=\"async\"></picture>"), "{out}");
        assert!(
            out.contains("src=\"/assets/anh/%E1%BA%A3nh-800.ab.jpg\""),
            "{out}"
        );
        assert!(
            out.ends_with(" và <img src=\"https://x/y.png\" alt=\"\" /></p>"),
            "{out}"
        );
    }

    #[test]
    fn only_the_first_picture_loads_at_once() {
        let p = photo();
        let html = "<img src=\"a\" alt=\"x\"><img src=\"a\" alt=\"y\">";
        let out = rewrite_body(html, true, &|_| Some(&p));
        assert_eq!(out.matches("loading=\"lazy\"").count(), 1);
        assert!(
            out.contains("alt=\"x\" fetchpriority=\"high\"></picture>"),
            "{out}"
        );
    }
}
