//! What each diagnostic says, in Vietnamese and in English. A [`Message`] is one kind of
//! problem with the facts it needs (a field name, a value, a suggestion); it knows its
//! stable code and severity, and renders its text and its hint in either language. The
//! code never depends on the language: `E027` is "fines that do not add up" in both.
//!
//! Both texts of a message sit next to each other so they cannot drift apart; `docs/codes.md`
//! lists every code with an example.

use std::path::PathBuf;

use super::Severity;

mod broadcast;
mod config;
mod front_matter;
mod images;
mod input;
mod links;
mod output;
mod page;
mod privacy;
mod statistics;
mod theme;

pub use broadcast::{AudioPiece, BroadcastProblem};
pub use config::{AudioCommandProblem, ConfigProblem};
pub use front_matter::FrontMatterProblem;
pub use images::ImageProblem;
pub use input::InputProblem;
pub use links::LinkProblem;
pub use output::OutputProblem;
pub use page::PageProblem;
pub use privacy::PrivacyProblem;
pub use statistics::StatisticsProblem;
pub use theme::ThemeProblem;

/// The language diagnostics are written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese, the default for a site whose `language` is "vi".
    #[default]
    Vi,
    En,
}

impl Lang {
    /// "vi", "vi-VN", "en", "en-US"... (case-insensitive); anything else is not a language
    /// loa speaks.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let base = s.split(['-', '_', '.']).next().unwrap_or("");
        match base {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of: the `--lang` option, the `LOA_LANG` variable, the site's `language`;
    /// Vietnamese when none of them names a language loa speaks.
    pub fn choose(option: Option<Lang>, env: Option<&str>, site: Option<&str>) -> Lang {
        option
            .or_else(|| env.and_then(Lang::parse))
            .or_else(|| site.and_then(Lang::parse))
            .unwrap_or_default()
    }
}

/// A hint listing what could have been meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// A known name close to what was written: probably a typo.
    Close(String),
    /// Nothing close; these are the names that may be used.
    OneOf(Vec<String>),
}

impl Choice {
    /// `Close` when a candidate is near `word`, else the whole list.
    pub fn among(word: &str, candidates: &[&str]) -> Choice {
        match crate::error::did_you_mean(word, candidates) {
            Some(c) => Choice::Close(c.to_owned()),
            None => Choice::OneOf(candidates.iter().map(|c| (*c).to_owned()).collect()),
        }
    }
}

/// Which of a page's dates a broadcast window falls outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// `broadcast.from` is before `publish_date`.
    BeforePublish,
    /// `broadcast.until` is on or after `expiry_date`.
    AfterExpiry,
}

/// What kind of personal number was found in a violation notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalNumber {
    CitizenId,
    Phone,
}

/// Every problem loa reports, with its facts, by family (one file each). See `docs/codes.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// E002–E008: reading the site's files.
    Input(InputProblem),
    /// E010, E011: site.toml.
    Config(ConfigProblem),
    /// E012–E027, W024–W026: a page's front matter.
    FrontMatter(FrontMatterProblem),
    /// E028, E029, E036, E037, W030–W032: people in violation notices.
    Privacy(PrivacyProblem),
    /// E030–E035, W010, W022: links, anchors, images and files.
    Link(LinkProblem),
    /// E034, W011, W020, W021, W023: what pages say.
    Page(PageProblem),
    /// E040–E042: the theme.
    Theme(ThemeProblem),
    /// W050–W056: loudspeaker scripts and bulletins.
    Broadcast(BroadcastProblem),
    /// E060: statistics files.
    Statistics(StatisticsProblem),
    /// E080: the output folder.
    Output(OutputProblem),
    /// E045–E047, W040, W041: photos and pictures.
    Image(ImageProblem),
}

impl Message {
    pub fn code(&self) -> &'static str {
        match self {
            Message::Input(p) => p.code(),
            Message::Config(p) => p.code(),
            Message::FrontMatter(p) => p.code(),
            Message::Privacy(p) => p.code(),
            Message::Link(p) => p.code(),
            Message::Page(p) => p.code(),
            Message::Theme(p) => p.code(),
            Message::Broadcast(p) => p.code(),
            Message::Statistics(p) => p.code(),
            Message::Output(p) => p.code(),
            Message::Image(p) => p.code(),
        }
    }

    pub fn severity(&self) -> Severity {
        if self.code().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    /// The message and the hint, in `lang`.
    pub fn render(&self, lang: Lang) -> (String, Option<String>) {
        let (m, h) = self.texts(lang);
        (m, (!h.is_empty()).then_some(h))
    }

    fn texts(&self, l: Lang) -> (String, String) {
        match self {
            Message::Input(p) => p.texts(l),
            Message::Config(p) => p.texts(l),
            Message::FrontMatter(p) => p.texts(l),
            Message::Privacy(p) => p.texts(l),
            Message::Link(p) => p.texts(l),
            Message::Page(p) => p.texts(l),
            Message::Theme(p) => p.texts(l),
            Message::Broadcast(p) => p.texts(l),
            Message::Statistics(p) => p.texts(l),
            Message::Output(p) => p.texts(l),
            Message::Image(p) => p.texts(l),
        }
    }
}

/// "did you mean ..." or the list of allowed names; `declared_in` names the site.toml
/// table to declare a new one in.
fn choice_help(l: Lang, hint: &Choice, declared_in: Option<&str>) -> String {
    match (hint, declared_in) {
        (Choice::Close(c), _) => tr!(l, "có phải ý bạn là \"{c}\"?", "did you mean \"{c}\"?"),
        (Choice::OneOf(list), Some(table)) if list.is_empty() => tr!(
            l,
            "khai báo nó trong site.toml, mục {table}",
            "declare it in site.toml under {table}"
        ),
        (Choice::OneOf(list), None) if list.is_empty() => tr!(l, "xóa nó đi", "remove it"),
        (Choice::OneOf(list), Some(table)) => {
            let list = list.join(", ");
            tr!(
                l,
                "dùng một giá trị đã khai báo trong site.toml, mục {table}: {list}",
                "use one declared in site.toml {table}: {list}"
            )
        }
        (Choice::OneOf(list), None) => {
            let list = list.join(", ");
            tr!(
                l,
                "xóa nó, hoặc dùng một trong: {list}",
                "remove it, or use one of: {list}"
            )
        }
    }
}

/// libyaml's most common complaints in Vietnamese; others are kept as written.
fn vi_yaml(detail: &str) -> String {
    const KNOWN: [(&str, &str); 6] = [
        (
            "mapping values are not allowed in this context",
            "có dấu hai chấm trong một giá trị chưa đặt trong ngoặc kép",
        ),
        (
            "found unexpected end of stream",
            "khối kết thúc khi một chuỗi hoặc danh sách còn chưa đóng",
        ),
        (
            "did not find expected ',' or ']'",
            "danh sách [ ... ] thiếu dấu phẩy hoặc dấu ] đóng",
        ),
        (
            "did not find expected ',' or '}'",
            "bảng { ... } thiếu dấu phẩy hoặc dấu } đóng",
        ),
        (
            "did not find expected key",
            "thiếu tên trường, hoặc thụt lề không đều",
        ),
        (
            "found character that cannot start any token",
            "có ký tự không được phép ở đầu giá trị",
        ),
    ];
    KNOWN
        .iter()
        .find(|(en, _)| detail.starts_with(en))
        .map_or_else(|| detail.to_owned(), |(_, vi)| (*vi).to_owned())
}

fn date_help(l: Lang) -> String {
    tr!(
        l,
        "ghi ngày theo dạng NNNN-TT-NN (năm-tháng-ngày), ví dụ 2025-05-19",
        "write dates as YYYY-MM-DD, e.g. 2025-05-19"
    )
}

fn files(list: &[PathBuf]) -> String {
    const SHOWN: usize = 3;
    let mut names: Vec<String> = list
        .iter()
        .take(SHOWN)
        .map(|p| p.display().to_string())
        .collect();
    if list.len() > SHOWN {
        names.push(format!("+{}", list.len() - SHOWN));
    }
    names.join(", ")
}

/// A kind as the Vietnamese subject of a sentence.
fn vi_kind(kind: &str) -> &str {
    match kind {
        "page" => "trang",
        "news" => "tin bài",
        "campaign" => "chiến dịch",
        "action-month" => "tháng hành động",
        "model" => "gương điển hình",
        "document" => "văn bản",
        "broadcast" => "thông báo phát thanh",
        "violation" => "thông báo xử lý vi phạm",
        other => other,
    }
}

/// serde's names of value types ("a string", "i64", "a sequence") in Vietnamese.
fn vi_type(t: &str) -> String {
    let (head, quoted) = match t.split_once(' ') {
        Some((h, rest)) if rest.starts_with('"') || rest.starts_with('`') => (h, Some(rest)),
        _ => (t, None),
    };
    let word = match head {
        "string" | "a string" => "văn bản",
        "integer" | "i64" | "u64" | "i32" | "u32" | "usize" | "u8" => "một số nguyên",
        "floating" | "f64" => "một số",
        "boolean" | "a boolean" => "giá trị true/false",
        "sequence" | "a sequence" => "một danh sách",
        "map" | "a map" => "một bảng khóa: giá trị",
        "unit" => "giá trị rỗng",
        _ => return t.to_owned(),
    };
    match quoted {
        Some(q) => format!("{word} {q}"),
        None => word.to_owned(),
    }
}

#[cfg(test)]
mod tests;
