//! Split the `---` block from a markdown file and read it as the kind's struct. Errors
//! point into the markdown file: YAML positions are shifted by the block's offset.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::kind::*;
use crate::date::{Date, DateTime};

/// The front matter block and the body of a file, with the line each starts on.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Line of the file where the YAML text starts (the line after the opening `---`).
    pub yaml_line: usize,
    pub body: &'a str,
    /// Line of the file where the body starts.
    pub body_line: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with `---`.
    Missing,
    /// The block opened on line 1 is never closed.
    Unclosed,
}

/// Split `---\n<yaml>\n---\n<body>`. Text is already LF-only.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| (text.trim_end() == "---").then_some(""))
        .ok_or(SplitError::Missing)?;
    let (yaml, body) = if let Some(body) = rest.strip_prefix("---\n") {
        ("", body)
    } else if rest == "---" {
        ("", "")
    } else {
        let close = rest
            .find("\n---\n")
            .map(|i| (i, i + 5))
            .or_else(|| rest.strip_suffix("\n---").map(|y| (y.len(), rest.len())));
        let (end, body_start) = close.ok_or(SplitError::Unclosed)?;
        (&rest[..end + 1], &rest[body_start..])
    };
    let yaml_lines = yaml.matches('\n').count();
    Ok(Split {
        yaml,
        yaml_line: 2,
        body,
        body_line: 3 + yaml_lines,
    })
}

/// Which wards a broadcast airs in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum WardSelection {
    #[default]
    All,
    Only(Vec<String>),
}

impl<'de> Deserialize<'de> for WardSelection {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = WardSelection;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`all` or a list of ward slugs")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                if v == "all" {
                    Ok(WardSelection::All)
                } else {
                    Ok(WardSelection::Only(vec![v.to_owned()]))
                }
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(WardSelection::Only(out))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Priority {
    KhanCap,
    UuTien,
    #[default]
    ThongThuong,
}

impl Priority {
    pub fn label_vi(self) -> &'static str {
        match self {
            Priority::KhanCap => "Khẩn cấp",
            Priority::UuTien => "Ưu tiên",
            Priority::ThongThuong => "Thông thường",
        }
    }
}

/// A page's `broadcast` block: when, where and how urgently it is read out.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BroadcastBlock {
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub until: Option<Date>,
    /// Slot ids; all slots when absent.
    #[serde(default)]
    pub slots: Option<Vec<String>>,
    #[serde(default)]
    pub wards: WardSelection,
    #[serde(default)]
    pub priority: Priority,
    /// A hand-written spoken version that replaces the body.
    #[serde(default)]
    pub text: Option<String>,
}

/// The fields every kind of page has.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Common {
    pub title: Option<String>,
    pub kind: Option<String>,
    pub date: Option<DateTime>,
    pub updated: Option<DateTime>,
    pub summary: Option<String>,
    pub draft: bool,
    pub publish_date: Option<DateTime>,
    pub expiry_date: Option<DateTime>,
    pub slug: Option<String>,
    pub aliases: Vec<String>,
    pub weight: i64,
    pub image: Option<String>,
    pub image_alt: Option<String>,
    pub agency: Option<String>,
    pub sectors: Vec<String>,
    pub audiences: Vec<String>,
    pub wards: Vec<String>,
    pub template: Option<String>,
    pub extra: BTreeMap<String, serde_json::Value>,
    pub broadcast: Option<BroadcastBlock>,
}

/// Declares a kind's front-matter struct: the common fields plus the kind's own, with
/// unknown fields denied, and the conversion into (`Common`, fields).
macro_rules! matter {
    ($matter:ident => $variant:ident($fields:ident) { $($field:ident $(as $rename:literal)? : $ty:ty),* $(,)? }) => {
        matter!(@struct $matter { $($field $(as $rename)? : $ty),* });
        impl $matter {
            fn split(self) -> (Common, KindFields) {
                let common = self.common();
                let fields = $fields { $($field: self.$field),* };
                (common, KindFields::$variant(fields))
            }
        }
    };
    ($matter:ident => none) => {
        matter!(@struct $matter {});
        impl $matter {
            fn split(self) -> (Common, KindFields) {
                (self.common(), KindFields::None)
            }
        }
    };
    (@struct $matter:ident { $($field:ident $(as $rename:literal)? : $ty:ty),* }) => {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $matter {
            #[serde(default)] title: Option<String>,
            #[serde(default)] kind: Option<String>,
            #[serde(default)] date: Option<DateTime>,
            #[serde(default)] updated: Option<DateTime>,
            #[serde(default)] summary: Option<String>,
            #[serde(default)] draft: bool,
            #[serde(default)] publish_date: Option<DateTime>,
            #[serde(default)] expiry_date: Option<DateTime>,
            #[serde(default)] slug: Option<String>,
            #[serde(default)] aliases: Vec<String>,
            #[serde(default)] weight: i64,
            #[serde(default)] image: Option<String>,
            #[serde(default)] image_alt: Option<String>,
            #[serde(default)] agency: Option<String>,
            #[serde(default)] sectors: Vec<String>,
            #[serde(default)] audiences: Vec<String>,
            #[serde(default)] wards: Vec<String>,
            #[serde(default)] template: Option<String>,
            #[serde(default)] extra: BTreeMap<String, serde_json::Value>,
            #[serde(default)] broadcast: Option<BroadcastBlock>,
            $( #[serde(default $(, rename = $rename)?)] $field: $ty, )*
        }
        impl $matter {
            fn common(&self) -> Common {
                Common {
                    title: self.title.clone(),
                    kind: self.kind.clone(),
                    date: self.date.clone(),
                    updated: self.updated.clone(),
                    summary: self.summary.clone(),
                    draft: self.draft,
                    publish_date: self.publish_date.clone(),
                    expiry_date: self.expiry_date.clone(),
                    slug: self.slug.clone(),
                    aliases: self.aliases.clone(),
                    weight: self.weight,
                    image: self.image.clone(),
                    image_alt: self.image_alt.clone(),
                    agency: self.agency.clone(),
                    sectors: self.sectors.clone(),
                    audiences: self.audiences.clone(),
                    wards: self.wards.clone(),
                    template: self.template.clone(),
                    extra: self.extra.clone(),
                    broadcast: self.broadcast.clone(),
                }
            }
        }
    };
}

matter!(PlainMatter => none);
matter!(CampaignMatter => Campaign(CampaignFields) {
    period: Option<Period>, goal: Option<String>, channels: Vec<Channel>,
});
matter!(ActionMonthMatter => ActionMonth(ActionMonthFields) {
    year: Option<i32>, theme: Option<String>, period: Option<Period>, events: Vec<Event>,
});
matter!(ModelMatter => Model(ModelFields) {
    subject: Option<String>, subject_type: Option<SubjectType>, ward: Option<String>,
    achievements: Vec<String>,
});
matter!(DocumentMatter => Document(DocumentFields) {
    doc_type: Option<String>, number: Option<String>, issuer: Option<String>,
    issued: Option<Date>, effective: Option<Date>, abstract_ as "abstract": Option<String>,
    file: Option<String>,
});
matter!(ViolationMatter => Violation(ViolationFields) {
    subject: Option<String>, subject_type: Option<SubjectType>, decision_no: Option<String>,
    decision_date: Option<Date>, issuer: Option<String>, violations: Vec<ViolationItem>,
    total_fine: Option<Dong>, status: Option<ViolationStatus>, remedy: Option<String>,
    ward: Option<String>, publish_name: bool, publication_basis: Option<String>,
});

/// A YAML error with its position inside the YAML text (1-based).
#[derive(Debug)]
pub struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

fn read<T: serde::de::DeserializeOwned>(yaml: &str) -> Result<T, YamlError> {
    // An empty block is an empty mapping, not "no value".
    let yaml = if yaml.trim().is_empty() { "{}" } else { yaml };
    let mended = mend_quotes(yaml);
    let yaml = mended.as_ref();
    serde_yaml::from_str(yaml).map_err(|e| {
        let text = e.to_string();
        let message = match text.rfind(" at line ") {
            Some(i) => text[..i].to_owned(),
            None => text,
        };
        // libyaml leaves the mark at the start when a value parser of ours failed.
        let (line, column) = e
            .location()
            .map(|l| (l.line(), l.column()))
            .filter(|p| *p != (1, 1))
            .or_else(|| locate_quoted_value(yaml, &message))
            .unwrap_or((1, 1));
        YamlError {
            line,
            column,
            message,
        }
    })
}

/// A `key: value` line of front matter: where its value starts, and the value (without
/// the line's end). `None` for other lines (list items of blocks, continuations).
pub(crate) fn line_value(line: &str) -> Option<(&str, usize, &str)> {
    let indent = line.len() - line.trim_start_matches([' ', '-']).len();
    let rest = &line[indent..];
    let (key, _) = rest.split_once(": ")?;
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let start = indent + key.len() + 2;
    let value = line[start..].trim_end();
    let start = start + (line[start..].len() - line[start..].trim_start().len());
    Some((key, start, value.trim_start()))
}

/// Quotes as Word writes them, mended before YAML reads them: a value in curly quotes
/// that holds ": " or " #" (which YAML would take for a mapping or a comment) is wrapped
/// in straight quotes, keeping its curly ones as text; a value in straight quotes with
/// straight quotes inside (`"Phát động "Tháng hành động""`) has them escaped. Other
/// lines, and the line count, are unchanged.
fn mend_quotes(yaml: &str) -> std::borrow::Cow<'_, str> {
    // Most pages need nothing: copy only from the first line that does.
    let mut out: Option<String> = None;
    let mut at = 0;
    for line in yaml.split_inclusive('\n') {
        let text = line.strip_suffix('\n').unwrap_or(line);
        if let Some(mended) = mend_line(text) {
            let out = out.get_or_insert_with(|| yaml[..at].to_owned());
            out.push_str(&mended);
            out.push_str(&line[text.len()..]);
        } else if let Some(out) = &mut out {
            out.push_str(line);
        }
        at += line.len();
    }
    match out {
        Some(out) => std::borrow::Cow::Owned(out),
        None => std::borrow::Cow::Borrowed(yaml),
    }
}

/// One `key: value` line with its value's quotes mended, or `None` when it is fine.
fn mend_line(text: &str) -> Option<String> {
    let (_, start, value) = line_value(text)?;
    let curly = value.starts_with('“')
        && value.ends_with('”')
        && (value.contains(": ") || value.contains(" #"));
    let inner = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .filter(|inner| has_bare_quote(inner));
    let escaped = match (curly, inner) {
        (true, _) => escape(value),
        (false, Some(inner)) => escape_bare_quotes(inner),
        _ => return None,
    };
    Some(format!("{}\"{escaped}\"", &text[..start]))
}

/// A `"` in a double-quoted value that no backslash escapes.
fn has_bare_quote(inner: &str) -> bool {
    let mut escaped = false;
    for c in inner.chars() {
        match (c, escaped) {
            ('\\', false) => escaped = true,
            ('"', false) => return true,
            _ => escaped = false,
        }
    }
    false
}

fn escape_bare_quotes(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len() + 4);
    let mut escaped = false;
    for c in inner.chars() {
        match (c, escaped) {
            ('\\', false) => escaped = true,
            ('"', false) => out.push('\\'),
            _ => escaped = false,
        }
        out.push(c);
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Errors raised by our own value parsers (dates) carry no position; they quote the
/// value, so find where it is written.
fn locate_quoted_value(yaml: &str, message: &str) -> Option<(usize, usize)> {
    let (open, quote) = message
        .char_indices()
        .find(|(_, c)| matches!(c, '"' | '`'))?;
    let start = open + 1;
    let len = message[start..].find(quote)?;
    let value = &message[start..start + len];
    if value.is_empty() {
        return None;
    }
    yaml.lines().enumerate().find_map(|(i, l)| {
        let col = l.find(value)?;
        Some((i + 1, l[..col].chars().count() + 1))
    })
}

/// Read front matter as the struct of `kind`.
pub fn parse(yaml: &str, kind: Kind) -> Result<(Common, KindFields), YamlError> {
    Ok(match kind {
        Kind::Page | Kind::News | Kind::Broadcast => read::<PlainMatter>(yaml)?.split(),
        Kind::Campaign => read::<CampaignMatter>(yaml)?.split(),
        Kind::ActionMonth => read::<ActionMonthMatter>(yaml)?.split(),
        Kind::Model => read::<ModelMatter>(yaml)?.split(),
        Kind::Document => read::<DocumentMatter>(yaml)?.split(),
        Kind::Violation => read::<ViolationMatter>(yaml)?.split(),
    })
}

/// Section front matter (`_index.md`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SectionMatter {
    #[serde(default)]
    pub title: Option<String>,
    /// The kind of the section's pages.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub paginate_by: Option<usize>,
    /// `date` (newest first, the default), `weight` or `title`.
    #[serde(default)]
    pub sort_by: Option<SortBy>,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub draft: bool,
    /// Keep the section out of the main menu.
    #[serde(default)]
    pub in_menu: Option<bool>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    #[default]
    Date,
    Weight,
    Title,
}

pub fn parse_section(yaml: &str) -> Result<SectionMatter, YamlError> {
    read(yaml)
}

/// Quickly find a top-level `kind:` value without parsing the YAML (so the right struct
/// can be chosen); the struct then reads it again properly.
pub fn sniff_kind(yaml: &str) -> Option<(&str, usize)> {
    yaml.lines().enumerate().find_map(|(i, line)| {
        let v = line.strip_prefix("kind:")?;
        Some((v.trim().trim_matches(['"', '\'']), i + 1))
    })
}

/// Line and column (1-based, within the YAML) of a key path such as `["period", "end"]`.
/// Handles block mappings, `- key:` list items and one-line flow mappings.
pub fn locate(yaml: &str, path: &[&str]) -> Option<(usize, usize)> {
    let lines: Vec<&str> = yaml.lines().collect();
    let mut from: usize = 0;
    let mut parent_indent: Option<usize> = None;
    let mut found = None;
    for seg in path {
        let pat = format!("{seg}:");
        // A flow mapping on the parent's line: `period: {start: .., end: ..}`.
        if let (Some((line, _)), Some(text)) = (found, lines.get(from.saturating_sub(1))) {
            let text: &str = text;
            if let Some(i) = text
                .find('{')
                .and_then(|b| text[b..].find(&pat).map(|j| b + j))
            {
                found = Some((line, text[..i].chars().count() + 1));
                continue;
            }
        }
        let mut hit = None;
        for (j, text) in lines.iter().enumerate().skip(from) {
            let trimmed = text.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = text.len() - trimmed.len();
            if let Some(p) = parent_indent
                && indent <= p
                && j > from.saturating_sub(1)
                && !trimmed.starts_with("- ")
            {
                break;
            }
            let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
            if item.starts_with(&pat) {
                let col = text.len() - item.len();
                hit = Some((j, text[..col].chars().count() + 1, col));
                break;
            }
        }
        let (j, col, indent) = hit?;
        found = Some((j + 1, col));
        from = j + 1;
        parent_indent = Some(indent);
    }
    found
}

/// Line and column of `value` written under `key` (a list item or the key's own line).
pub fn locate_value(yaml: &str, key: &str, value: &str) -> Option<(usize, usize)> {
    let (line, _) = locate(yaml, &[key])?;
    yaml.lines()
        .enumerate()
        .skip(line - 1)
        .take_while(|(i, l)| *i == line - 1 || l.starts_with([' ', '-', '\t']))
        .find_map(|(i, l)| l.find(value).map(|c| (i + 1, l[..c].chars().count() + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_body_line() {
        let s = split("---\ntitle: A\ndate: 2025-01-01\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "title: A\ndate: 2025-01-01\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_line, 5);
        assert_eq!(split("no front matter"), Err(SplitError::Missing));
        assert_eq!(split("---\ntitle: A\n"), Err(SplitError::Unclosed));
        assert_eq!(split("---\n---\n").unwrap().body, "");
        assert_eq!(split("---\ntitle: A\n---").unwrap().body, "");
    }

    #[test]
    fn rejects_unknown_front_matter_key_with_position() {
        let e = parse("title: A\nperoid: {start: 2025-01-01}\n", Kind::Campaign).unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("peroid"), "{}", e.message);
    }

    #[test]
    fn rejects_impossible_date_at_its_line() {
        let e = parse("title: A\ndate: 2025-02-31\n", Kind::News).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("does not exist"), "{}", e.message);
    }

    #[test]
    fn locates_nested_keys_in_block_and_flow_style() {
        let yaml = "title: A\nperiod:\n  start: 2025-01-01\n  end: 2024-01-01\nwards: [a, b]\n";
        assert_eq!(locate(yaml, &["period", "end"]), Some((4, 3)));
        assert_eq!(locate(yaml, &["wards"]), Some((5, 1)));
        let flow = "period: {start: 2025-01-01, end: 2024-01-01}\n";
        assert_eq!(locate(flow, &["period", "end"]), Some((1, 29)));
        assert_eq!(locate_value(yaml, "wards", "b"), Some((5, 12)));
        let list = "events:\n  - date: 2025-05-01\n    ward: x\n";
        assert_eq!(locate(list, &["events", "ward"]), Some((3, 5)));
    }

    #[test]
    fn mends_quotes_as_word_writes_them() {
        #[derive(Deserialize)]
        struct T {
            title: String,
            summary: String,
        }
        let cases = [
            (
                "title: “Tháng hành động: an toàn”\nsummary: x\n",
                "“Tháng hành động: an toàn”",
            ),
            (
                "title: \"Phát động \"Tháng hành động\" năm 2026\"\nsummary: x\n",
                "Phát động \"Tháng hành động\" năm 2026",
            ),
            ("title: \"Đã \\\"đúng\\\"\"\nsummary: x\n", "Đã \"đúng\""),
            ("title: “Bình thường”\nsummary: x\n", "“Bình thường”"),
        ];
        for (yaml, title) in cases {
            let t: T = read(yaml).unwrap_or_else(|e| panic!("{yaml}: {}", e.message));
            assert_eq!(t.title, title, "{yaml}");
            assert_eq!(t.summary, "x");
        }
    }
}
