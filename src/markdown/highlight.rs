//! Code blocks coloured by syntect, as CSS classes so one stylesheet per site serves every
//! page; the themes a site may name.

use super::*;

pub(super) struct Highlighter {
    syntaxes: syntect::parsing::SyntaxSet,
}

pub(super) fn highlighter() -> &'static Highlighter {
    static CELL: OnceLock<Highlighter> = OnceLock::new();
    CELL.get_or_init(|| Highlighter {
        syntaxes: syntect::parsing::SyntaxSet::load_defaults_newlines(),
    })
}

pub(super) const CLASS_STYLE: syntect::html::ClassStyle =
    syntect::html::ClassStyle::SpacedPrefixed { prefix: "z-" };

pub(super) fn highlight(lang: &str, code: &str) -> String {
    let escaped_lang = crate::render::feeds::xml_escape(lang);
    let h = highlighter();
    let syntax = h
        .syntaxes
        .find_syntax_by_token(lang)
        .unwrap_or_else(|| h.syntaxes.find_syntax_plain_text());
    let mut generator =
        syntect::html::ClassedHTMLGenerator::new_with_class_style(syntax, &h.syntaxes, CLASS_STYLE);
    for line in syntect::util::LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!(
                "<pre class=\"code\" data-lang=\"{escaped_lang}\"><code>{}</code></pre>\n",
                crate::render::feeds::xml_escape(code)
            );
        }
    }
    format!(
        "<pre class=\"code\" data-lang=\"{escaped_lang}\"><code>{}</code></pre>\n",
        generator.finalize()
    )
}

/// The stylesheet for highlighted code, for a syntect theme name.
pub fn highlight_css(theme: &str) -> Option<String> {
    let themes = syntect::highlighting::ThemeSet::load_defaults();
    let theme = themes.themes.get(theme)?;
    syntect::html::css_for_theme_with_class_style(theme, CLASS_STYLE).ok()
}

/// The names of the highlight themes that ship with loa (syntect's defaults), for
/// checking `[markdown] highlight_theme` without loading the themes.
pub const HIGHLIGHT_THEMES: [&str; 7] = [
    "InspiredGitHub",
    "Solarized (dark)",
    "Solarized (light)",
    "base16-eighties.dark",
    "base16-mocha.dark",
    "base16-ocean.dark",
    "base16-ocean.light",
];
