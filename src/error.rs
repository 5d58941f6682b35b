//! Errors and diagnostics. Every problem a user can cause is a [`Diagnostic`] that points
//! into the user's file (`file:line:column`), quotes the line and says what to do. The
//! library never prints: callers decide how diagnostics reach people.

use std::fmt;
use std::path::{Path, PathBuf};

/// A position in a user's file. Lines and columns are 1-based; `path` is relative to the
/// site root when the file is inside it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn new(path: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        Location {
            path: path.into(),
            line: line.max(1),
            column: column.max(1),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding about the user's input.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code, the same in every language (E001…, W001…).
    pub code: &'static str,
    pub location: Option<Location>,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The offending line as written, filled in by [`Diagnostic::quote_from`].
    pub quoted: Option<String>,
}

impl Diagnostic {
    pub fn error(
        code: &'static str,
        location: Option<Location>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            location,
            message: message.into(),
            help: None,
            quoted: None,
        }
    }

    pub fn warning(
        code: &'static str,
        location: Option<Location>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, location, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Quote the line the location points at, from the file's text.
    pub fn quote_from(mut self, text: &str) -> Self {
        if let Some(loc) = &self.location {
            self.quoted = text
                .lines()
                .nth(loc.line.saturating_sub(1))
                .map(str::to_owned);
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Sort key: by file, then line, then column; diagnostics without a file first.
    pub fn sort_key(&self) -> (Option<&Location>, &str) {
        (self.location.as_ref(), self.message.as_str())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.location {
            Some(loc) => write!(f, "{loc}: {label}[{}]: {}", self.code, self.message)?,
            None => write!(f, "{label}[{}]: {}", self.code, self.message)?,
        }
        if let (Some(loc), Some(line)) = (&self.location, &self.quoted) {
            let gutter = loc.line.to_string();
            let pad = " ".repeat(gutter.len());
            write!(f, "\n{pad} |\n{gutter} | {line}\n{pad} | ")?;
            let caret_at = line
                .chars()
                .take(loc.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect::<String>();
            write!(f, "{caret_at}^")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// The library's error type.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input has problems; each is a diagnostic. Nothing was written.
    #[error("{}", summarize(.0))]
    Content(Vec<Diagnostic>),
    /// A file or folder could not be read or written.
    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    /// Publishing to the portal's server failed; the message says what to do.
    #[error("{0}")]
    Publish(String),
    /// The command was used wrongly (bad option value, unknown section...).
    #[error("{0}")]
    Usage(String),
}

fn summarize(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    match errors {
        1 => "1 error in the site's files; nothing was written".to_owned(),
        n => format!("{n} errors in the site's files; nothing was written"),
    }
}

impl Error {
    pub fn io(action: &'static str, path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }

    /// Exit code for `main`: 1 for content errors, 2 for usage errors, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Read a file as bytes, with its path in any error.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io("cannot read", path, e))
}

/// Turn serde's "unknown field `x`, expected one of `a`, `b`" into a message for people,
/// with a suggestion when a known name is close to what was written.
pub fn explain_serde_message(raw: &str) -> (String, Option<String>) {
    let Some(rest) = raw.strip_prefix("unknown field `") else {
        return (raw.to_owned(), None);
    };
    let Some((field, tail)) = rest.split_once('`') else {
        return (raw.to_owned(), None);
    };
    let expected: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
    let message = format!("unknown field \"{field}\"");
    let help = match did_you_mean(field, &expected) {
        Some(close) => format!("did you mean \"{close}\"?"),
        None if expected.is_empty() => "remove it".to_owned(),
        None => format!("remove it, or use one of: {}", expected.join(", ")),
    };
    (message, Some(help))
}

/// The candidate closest to `word`, when it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_field_names() {
        let (msg, help) =
            explain_serde_message("unknown field `peroid`, expected one of `period`, `goal`");
        assert_eq!(msg, "unknown field \"peroid\"");
        assert_eq!(help.as_deref(), Some("did you mean \"period\"?"));
        assert_eq!(did_you_mean("zzz", &["period", "goal"]), None);
    }

    #[test]
    fn diagnostic_quotes_line_with_caret() {
        let d = Diagnostic::error("E001", Some(Location::new("a.md", 2, 3)), "bad")
            .quote_from("x\nab cd\n");
        let text = d.to_string();
        assert!(text.starts_with("a.md:2:3: error[E001]: bad"), "{text}");
        assert!(text.contains("2 | ab cd"), "{text}");
        assert!(text.contains("|   ^"), "{text}");
    }
}
