//! Errors and diagnostics. Every problem a user can cause is a [`Diagnostic`] that points
//! into the user's file (`file:line:column`), quotes the line and says what to do. The
//! library never prints: callers decide how diagnostics reach people.
//!
//! A diagnostic made from a [`Message`] can be written in Vietnamese or English
//! ([`Diagnostic::localize`]); its code is the same in both. Its `message` and `help`
//! hold English until it is localized, so tests can read them either way.

mod message;

use std::fmt;
use std::path::{Path, PathBuf};

pub use message::{
    AudioCommandProblem, AudioPiece, BroadcastProblem, Choice, ConfigProblem, Edge,
    FrontMatterProblem, ImageProblem, InputProblem, Lang, LinkProblem, Message, OutputProblem,
    PageProblem, PersonalNumber, PrivacyProblem, StatisticsProblem, ThemeProblem,
};

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
    /// What the diagnostic says, for writing it in another language. `None` for a
    /// diagnostic made from a plain (English) string.
    #[serde(skip)]
    pub text: Option<Box<Message>>,
    /// The language it is written in (English until [`Diagnostic::localize`]); its
    /// label ("lỗi", "error") follows.
    #[serde(skip)]
    pub lang: Lang,
}

impl Diagnostic {
    /// A diagnostic from a [`Message`]: its code, severity, text and hint (in English
    /// until [`Diagnostic::localize`] is called).
    pub fn new(text: Message, location: Option<Location>) -> Self {
        let (message, help) = text.render(Lang::En);
        Diagnostic {
            severity: text.severity(),
            code: text.code(),
            location,
            message,
            help,
            quoted: None,
            text: Some(Box::new(text)),
            lang: Lang::En,
        }
    }

    /// Write the message and hint in `lang`. Diagnostics made from plain strings keep
    /// their English.
    pub fn localize(&mut self, lang: Lang) {
        if let Some(text) = &self.text {
            let (message, help) = text.render(lang);
            self.message = message;
            self.help = help;
        }
        self.lang = lang;
    }

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
            text: None,
            lang: Lang::En,
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

    /// Say that a diagnostic made from a plain string is written in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// A hint for a diagnostic made from a plain string.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Quote the line the location points at, from the file's text.
    pub fn quote_from(self, text: &str) -> Self {
        self.quote_from_part(text, 1)
    }

    /// Quote the line the location points at, from a part of the file (a page's body)
    /// whose first line is line `first_line` of the file.
    pub fn quote_from_part(mut self, part: &str, first_line: usize) -> Self {
        if let Some(loc) = &self.location {
            self.quoted = part
                .lines()
                .nth(loc.line.saturating_sub(first_line))
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
        // The codes stay the same in both languages: they are what people search for
        // and what tools match; the labels are read by office staff (issue 16).
        let label = match (self.severity, self.lang) {
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
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
            let word = match self.lang {
                Lang::Vi => "cách sửa",
                Lang::En => "help",
            };
            write!(f, "\n  = {word}: {help}")?;
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
    /// Publishing to the portal's server failed; the error says what to do, in either
    /// language ([`crate::publish::PublishError::text`]).
    #[error("{0}")]
    Publish(crate::publish::PublishError),
    /// The command was used wrongly (bad option value, unknown section...): exit 2.
    #[error("{0}")]
    Usage(Text),
    /// Something around the site failed, not the command line and not the content: a
    /// folder that cannot be read, an address that cannot be served on, a build thread
    /// that stopped. Exit 1; the message says what to do.
    #[error("{0}")]
    Failed(Text),
}

/// A message for people in Vietnamese and in English, for errors made before anyone
/// knows which language they will be printed in (see the `both!` macro). It displays
/// in English; [`Text::get`] picks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

fn summarize(diags: &[Diagnostic]) -> String {
    build_summary(diags, Lang::En)
}

/// The last line of a failed build, in `lang`.
pub fn build_summary(diags: &[Diagnostic], lang: Lang) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    // E080 is no fault of the site's files: the new portal was built, not put in place.
    if !diags.is_empty() && diags.iter().all(|d| d.code == "E080") {
        return match lang {
            Lang::Vi => "chưa thay được cổng thông tin; bản đang có vẫn giữ nguyên".to_owned(),
            Lang::En => "the portal was not replaced; the one in place is unchanged".to_owned(),
        };
    }
    match (lang, errors) {
        (Lang::Vi, n) => format!("{n} lỗi trong các tệp của trang web; chưa ghi tệp nào"),
        (Lang::En, 1) => "1 error in the site's files; nothing was written".to_owned(),
        (Lang::En, n) => format!("{n} errors in the site's files; nothing was written"),
    }
}

/// The last line of `loa check`, in `lang`.
pub fn check_summary(diags: &[Diagnostic], lang: Lang) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    match lang {
        Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo"),
        Lang::En => format!(
            "{errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        ),
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

    /// The error as people read it, in `lang` (content errors: their summary line).
    pub fn localized(&self, lang: Lang) -> String {
        match self {
            Error::Content(diags) => build_summary(diags, lang),
            Error::Io {
                action,
                path,
                source,
            } => {
                let path = path.display();
                match lang {
                    Lang::En => format!("{action} {path}: {source}"),
                    Lang::Vi => {
                        let action = vi_action(action);
                        let reason = vi_io(source);
                        format!("{action} {path}: {reason}")
                    }
                }
            }
            Error::Publish(e) => e.text().get(lang).to_owned(),
            Error::Usage(text) | Error::Failed(text) => text.get(lang).to_owned(),
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

/// The actions of [`Error::io`] in Vietnamese.
fn vi_action(action: &str) -> &str {
    match action {
        "cannot copy" => "không sao chép được",
        "cannot create folder" => "không tạo được thư mục",
        "cannot create" => "không tạo được",
        "cannot find" => "không tìm thấy",
        "cannot keep" => "không giữ lại được",
        "cannot move aside" => "không chuyển sang bên được",
        "cannot move the new portal into" => "không đưa được bản cổng thông tin mới vào",
        "cannot move the new report into" => "không đưa được báo cáo mới vào",
        "cannot read" => "không đọc được",
        "cannot remove" => "không xóa được",
        "cannot replace folder" => "không thay được thư mục",
        "cannot write" => "không ghi được",
        other => other,
    }
}

/// The operating system's reason in Vietnamese, for the reasons people meet.
pub fn vi_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let text = match e.kind() {
        NotFound => "không có tệp hoặc thư mục này",
        PermissionDenied => "không có quyền truy cập",
        AlreadyExists => "đã có tệp hoặc thư mục này",
        IsADirectory => "đây là một thư mục, không phải tệp",
        NotADirectory => "đây không phải là một thư mục",
        DirectoryNotEmpty => "thư mục không trống",
        StorageFull => "ổ đĩa đã đầy",
        ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc",
        InvalidData => "dữ liệu không đọc được (không phải văn bản UTF-8?)",
        AddrInUse => "địa chỉ đang được chương trình khác dùng",
        AddrNotAvailable => "địa chỉ này không có trên máy",
        ConnectionRefused => "máy kia từ chối kết nối",
        TimedOut => "hết thời gian chờ",
        _ => {
            return match e.raw_os_error() {
                Some(n) => format!("lỗi hệ thống số {n}"),
                None => "lỗi hệ thống".to_owned(),
            };
        }
    };
    text.to_owned()
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

/// A serde error message (YAML front matter, site.toml) as a [`Message`]: unknown
/// fields with a suggestion, wrong types, dates; anything else is passed on as the
/// parser wrote it. `config` picks site.toml's codes (E010) over front matter's.
pub fn serde_message(raw: &str, expected_fields: Option<&[&str]>, config: bool) -> Message {
    let cleaned = without_positions(raw);
    let raw = cleaned.as_str();
    // serde_yaml names the field first: "draft: invalid type: ...".
    let raw = match raw.split_once(": ") {
        Some((path, rest))
            if !path.contains(' ')
                && (rest.starts_with("invalid type")
                    || rest.starts_with("unknown field")
                    || rest.starts_with("unknown variant")) =>
        {
            rest
        }
        _ => raw,
    };
    if let Some(rest) = raw.strip_prefix("unknown field `")
        && let Some((field, tail)) = rest.split_once('`')
    {
        let listed: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
        let expected = expected_fields.unwrap_or(&listed);
        let hint = Choice::among(field, expected);
        let field = field.to_owned();
        return if config {
            Message::Config(ConfigProblem::ConfigUnknownKey { key: field, hint })
        } else {
            Message::FrontMatter(FrontMatterProblem::UnknownField { field, hint })
        };
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `")
        && let Some((value, tail)) = rest.split_once('`')
    {
        let listed: Vec<&str> = tail.split('`').skip(1).step_by(2).collect();
        return Message::FrontMatter(FrontMatterProblem::UnknownValue {
            value: value.to_owned(),
            hint: Choice::among(value, &listed),
        });
    }
    if config {
        return Message::Config(ConfigProblem::ConfigSyntax {
            detail: raw.to_owned(),
        });
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return Message::FrontMatter(FrontMatterProblem::WrongType {
            found: found.to_owned(),
            expected: expected.to_owned(),
        });
    }
    match crate::date::DateError::recognise(raw) {
        Some(crate::date::DateError::Impossible(value)) => {
            return Message::FrontMatter(FrontMatterProblem::ImpossibleDate { value });
        }
        Some(crate::date::DateError::NotADate(value)) => {
            return Message::FrontMatter(FrontMatterProblem::NotADate { value });
        }
        None => {}
    }
    Message::FrontMatter(FrontMatterProblem::YamlSyntax {
        detail: raw.to_owned(),
    })
}

/// A parser's message without its " at line N column M" parts: the diagnostic's
/// location already says where, in the user's file rather than in the YAML block.
pub fn without_positions(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + " at line ".len()..];
        let digits = tail.trim_start_matches(|c: char| c.is_ascii_digit());
        rest = match digits.strip_prefix(" column ") {
            Some(col) => col.trim_start_matches(|c: char| c.is_ascii_digit()),
            None => digits,
        };
    }
    out.push_str(rest);
    out
}

/// The candidate closest to `word`, when it is close enough to be a likely typo (two
/// edits, or a quarter of a long name; swapping two letters is one edit).
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::osa_distance(word, c), *c))
        .filter(|(d, c)| {
            let len = c.chars().count();
            *d <= 2.max(len / 4) && *d < len
        })
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue #18: failures around the site (a folder that cannot be read, an address
    /// that cannot be served on, a stopped build thread) exited 2, "wrong usage".
    #[test]
    fn only_wrong_usage_exits_2() {
        let text = || Text {
            vi: "x".into(),
            en: "x".into(),
        };
        assert_eq!(Error::Usage(text()).exit_code(), 2);
        assert_eq!(Error::Failed(text()).exit_code(), 1);
        assert_eq!(
            Error::Publish(crate::publish::PublishError::NoTargets).exit_code(),
            1
        );
        assert_eq!(Error::Content(Vec::new()).exit_code(), 1);
    }

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
