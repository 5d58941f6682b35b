//! How loa check prints what it found: text for people, JSON for tools.

use super::*;

/// A finding as `--format json` writes it.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub code: &'a str,
    pub severity: crate::error::Severity,
    pub message: &'a str,
    pub help: Option<&'a str>,
}

/// The findings as a JSON array for tools (already localized by the caller).
pub fn to_json(diags: &[Diagnostic]) -> String {
    let rows: Vec<JsonDiagnostic> = diags
        .iter()
        .map(|d| JsonDiagnostic {
            file: d
                .location
                .as_ref()
                .map(|l| l.path.to_string_lossy().replace('\\', "/")),
            line: d.location.as_ref().map(|l| l.line),
            column: d.location.as_ref().map(|l| l.column),
            code: d.code,
            severity: d.severity,
            message: &d.message,
            help: d.help.as_deref(),
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_owned())
}

/// The findings for people: grouped by file (a heading with the file's counts), sorted
/// by line, each with its line quoted and its hint, then the totals.
pub fn to_text(diags: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    let mut groups: Vec<(Option<&Path>, Vec<&Diagnostic>)> = Vec::new();
    for d in diags {
        let path = d.location.as_ref().map(|l| l.path.as_path());
        match groups.last_mut() {
            Some((p, list)) if *p == path => list.push(d),
            _ => groups.push((path, vec![d])),
        }
    }
    for (path, list) in groups {
        let name = match (path, lang) {
            (Some(p), _) => p.display().to_string(),
            (None, Lang::Vi) => "toàn trang".to_owned(),
            (None, Lang::En) => "the whole site".to_owned(),
        };
        let owned: Vec<Diagnostic> = list.iter().map(|d| (*d).clone()).collect();
        out.push_str(&format!(
            "── {name} ({})\n\n",
            crate::error::check_summary(&owned, lang)
        ));
        for d in list {
            out.push_str(&format!("{d}\n\n"));
        }
    }
    out.push_str(&crate::error::check_summary(diags, lang));
    out.push('\n');
    out
}
