//! Template errors as diagnostics that name the template file, its line, and the page being
//! rendered.

use super::*;

/// Tera reports some errors (unknown filters, tests, functions) as a rendered report:
/// `error: <message>\n --> <template>:<line>:<column>`; take the parts back out.
pub(super) fn parse_report(report: &str) -> (String, String, usize, usize) {
    let message = report
        .lines()
        .next()
        .unwrap_or(report)
        .trim_start_matches("error: ")
        .to_owned();
    let at = report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "));
    let parsed = at.and_then(|at| {
        let mut parts = at.rsplitn(3, ':');
        let col = parts.next()?.trim().parse::<usize>().ok()?;
        let line = parts.next()?.trim().parse::<usize>().ok()?;
        Some((parts.next()?.to_owned(), line, col))
    });
    match parsed {
        Some((file, line, col)) => (message, file, line, col),
        None => (report.to_owned(), String::new(), 1, 1),
    }
}

/// A template error as a diagnostic naming the template file and line, and the page
/// being rendered.
pub(super) fn template_error(
    theme: &Theme,
    e: &tera::Error,
    rendering: Option<&std::path::Path>,
) -> Error {
    let (mut message, file, line, col) = match e.kind() {
        tera::ErrorKind::SyntaxError(err) | tera::ErrorKind::RenderingError(err) => (
            err.message().to_owned(),
            err.filename().to_owned(),
            err.span().start_line,
            err.span().start_col + 1,
        ),
        other => parse_report(&other.to_string()),
    };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    let location = (!file.is_empty()).then(|| Location::new(theme.shown_path(&file), line, col));
    let text = crate::error::Message::Theme(ThemeProblem::Template {
        detail: message,
        page: rendering.map(std::path::Path::to_path_buf),
    });
    Error::Content(vec![Diagnostic::new(text, location)])
}
