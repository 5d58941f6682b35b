//! `site.toml`: what the user wrote about their site, typed and validated. Runtime
//! switches (drafts, output folder override, today's date) live in `BuildOptions`, never
//! here. Unknown keys are errors with the key's line and a suggestion when one is close.

use crate::error::InputProblem;
use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{
    Choice, ConfigProblem, Diagnostic, Error, Location, Message, Result, serde_message,
};

pub const FILE_NAME: &str = "site.toml";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// As site.toml says; a build's address, which `--base-url` can change, is
    /// `Site::base_url`.
    #[serde(skip_serializing)]
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default = "default_output_dir")]
    pub output_dir: String,
    /// Items per list page, unless a section says otherwise.
    #[serde(default = "default_paginate_by")]
    pub paginate_by: usize,
    #[serde(default)]
    pub organization: Organization,
    #[serde(default)]
    pub agencies: Vec<Agency>,
    #[serde(default)]
    pub wards: Vec<Ward>,
    #[serde(default)]
    pub taxonomies: Taxonomies,
    #[serde(default)]
    pub markdown: MarkdownConfig,
    #[serde(default)]
    pub broadcast: BroadcastConfig,
    /// How photos are reduced and encoded (`src/images/`).
    #[serde(default)]
    pub images: ImagesConfig,
    /// Extra abbreviations and their spoken form, merged over the built-in glossary.
    #[serde(default)]
    pub glossary: BTreeMap<String, String>,
    #[serde(default)]
    pub kinds: KindsConfig,
    #[serde(default)]
    pub publish: BTreeMap<String, PublishTarget>,
    /// Free values for themes.
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

fn default_language() -> String {
    "vi".to_owned()
}
fn default_theme() -> String {
    "cong-thong-tin".to_owned()
}
fn default_output_dir() -> String {
    "public".to_owned()
}
fn default_paginate_by() -> usize {
    10
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub parent: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    /// The accident hotline shown on every page.
    #[serde(default)]
    pub hotline: String,
    #[serde(default)]
    pub hotline_note: String,
}

/// An office that owns content (`agency:` in front matter).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub short_name: String,
    #[serde(default)]
    pub responsibilities: Vec<String>,
}

/// A ward (or commune) and its loudspeaker clusters.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ward {
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub clusters: Vec<String>,
}

/// Display names of the three taxonomies; their URLs are the names' slugs.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomies {
    #[serde(default = "default_sectors")]
    pub sectors: String,
    #[serde(default = "default_audiences")]
    pub audiences: String,
    #[serde(default = "default_wards")]
    pub wards: String,
}

fn default_sectors() -> String {
    "Lĩnh vực".to_owned()
}
fn default_audiences() -> String {
    "Đối tượng".to_owned()
}
fn default_wards() -> String {
    "Phường".to_owned()
}

impl Default for Taxonomies {
    fn default() -> Self {
        Taxonomies {
            sectors: default_sectors(),
            audiences: default_audiences(),
            wards: default_wards(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RawHtml {
    /// Raw HTML in markdown is shown as text.
    #[default]
    Escape,
    /// Raw HTML is kept, minus anything that could run a script.
    Sanitize,
    /// Raw HTML is kept as written (trusted authors only).
    Allow,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    #[serde(default)]
    pub raw_html: RawHtml,
    /// A syntect theme name for code blocks' CSS.
    #[serde(default = "default_highlight_theme")]
    pub highlight_theme: String,
}

fn default_highlight_theme() -> String {
    "InspiredGitHub".to_owned()
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            raw_html: RawHtml::default(),
            highlight_theme: default_highlight_theme(),
        }
    }
}

/// `[images]`: the widths every photo is reduced to and the encoders' quality. The
/// defaults suit 3G phones: a 480-pixel photo of about 40 KB for a phone's screen, 800
/// and 1200 for tablets and computers, quality 75 (JPEG and WebP; pictures with few
/// colours kept as PNG).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ImagesConfig {
    #[serde(default = "default_widths")]
    pub widths: Vec<u32>,
    #[serde(default = "default_quality")]
    pub quality: u8,
}

fn default_widths() -> Vec<u32> {
    vec![480, 800, 1200]
}
fn default_quality() -> u8 {
    75
}

impl ImagesConfig {
    /// What makes these settings unusable, in a few words the same in both languages.
    fn problem(&self) -> Option<String> {
        if self.widths.is_empty() {
            return Some("widths = []".to_owned());
        }
        if let Some(w) = self.widths.iter().find(|w| !(16..=4000).contains(*w)) {
            return Some(format!("widths: {w} ∉ 16–4000"));
        }
        if !(30..=95).contains(&self.quality) {
            return Some(format!("quality {} ∉ 30–95", self.quality));
        }
        None
    }

    /// The widths, smallest first, each once.
    pub fn sorted_widths(&self) -> Vec<u32> {
        let mut w = self.widths.clone();
        w.sort_unstable();
        w.dedup();
        w
    }
}

impl Default for ImagesConfig {
    fn default() -> Self {
        ImagesConfig {
            widths: default_widths(),
            quality: default_quality(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BroadcastConfig {
    /// The station's name; `{ward}` becomes the ward's name.
    #[serde(default = "default_station")]
    pub station: String,
    #[serde(default = "default_spm")]
    pub syllables_per_minute: u32,
    /// Spoken at the start of every bulletin; `{station}` and `{date}` are filled in.
    #[serde(default = "default_opening")]
    pub opening: String,
    #[serde(default = "default_closing")]
    pub closing: String,
    #[serde(default = "default_slots")]
    pub slots: Vec<Slot>,
    /// `[broadcast.audio]`: present = the build also makes the bulletins' audio.
    #[serde(default)]
    pub audio: Option<AudioConfig>,
}

/// `[broadcast.audio]`: the speech engine a build runs to make each bulletin's audio.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AudioConfig {
    /// The engine's command line (split like a shell's words, run without a shell):
    /// `{ssml}` or `{text}` is the file it reads, `{wav}` the file it writes, `{speed}`
    /// espeak-ng's `-s` for the site's syllables per minute, `{rate}` that rate.
    #[serde(default = "default_audio_command")]
    pub command: String,
    /// The published MP3's bit rate in kbit/s (mono speech).
    #[serde(default = "default_audio_bitrate")]
    pub bitrate: u32,
    /// Seconds one piece may take before the engine is stopped.
    #[serde(default = "default_audio_timeout")]
    pub timeout: u64,
    /// How the engine says a word it would otherwise read as English (`gas` = "ga"),
    /// over the built-in list.
    #[serde(default)]
    pub pronounce: BTreeMap<String, String>,
}

/// espeak-ng's Vietnamese voice reading the SSML: `-s 135` reads 180 syllables a minute,
/// the SSML's `<prosody rate="100%">`, and the prosody scales it to the site's rate.
pub const DEFAULT_AUDIO_COMMAND: &str = "espeak-ng -v vi -m -s 135 -f {ssml} -w {wav}";

fn default_audio_command() -> String {
    DEFAULT_AUDIO_COMMAND.to_owned()
}
fn default_audio_bitrate() -> u32 {
    48
}
fn default_audio_timeout() -> u64 {
    120
}

impl Default for AudioConfig {
    fn default() -> Self {
        AudioConfig {
            command: default_audio_command(),
            bitrate: default_audio_bitrate(),
            timeout: default_audio_timeout(),
            pronounce: BTreeMap::new(),
        }
    }
}

fn default_station() -> String {
    "Đài Truyền thanh {ward}".to_owned()
}
fn default_spm() -> u32 {
    180
}
fn default_opening() -> String {
    "Đây là {station}. Sau đây là bản tin an toàn, vệ sinh lao động {date}.".to_owned()
}
fn default_closing() -> String {
    "Bản tin đến đây là kết thúc. Cảm ơn bà con đã lắng nghe.".to_owned()
}
fn default_slots() -> Vec<Slot> {
    vec![
        Slot {
            id: "sang".to_owned(),
            name: "Buổi sáng".to_owned(),
            time: "06:00".to_owned(),
            minutes: 15,
        },
        Slot {
            id: "chieu".to_owned(),
            name: "Buổi chiều".to_owned(),
            time: "17:00".to_owned(),
            minutes: 15,
        },
    ]
}

impl Default for BroadcastConfig {
    fn default() -> Self {
        BroadcastConfig {
            station: default_station(),
            syllables_per_minute: default_spm(),
            opening: default_opening(),
            closing: default_closing(),
            slots: default_slots(),
            audio: None,
        }
    }
}

/// A daily time slot of the loudspeaker system.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    pub id: String,
    pub name: String,
    /// `HH:MM`.
    pub time: String,
    pub minutes: u32,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KindsConfig {
    #[serde(default)]
    pub violation: ViolationConfig,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ViolationConfig {
    /// Notices leave the portal, feeds, search and broadcasts this many months after
    /// their decision date.
    #[serde(default)]
    pub retention_months: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PublishTarget {
    /// `file:///srv/www/site` or `sftp://user@host:22/var/www/site`.
    pub target: String,
    /// An SSH private key file (never the key itself).
    #[serde(default)]
    pub identity_file: Option<String>,
}

impl SiteConfig {
    /// Parse and validate site.toml's text. `path` is used in diagnostics only.
    pub fn parse(text: &str, path: &Path) -> Result<SiteConfig> {
        let config: SiteConfig = toml::from_str(text).map_err(|e| {
            let (line, column) = match e.span() {
                Some(span) => line_col(text, span.start),
                None => (1, 1),
            };
            let message = serde_message(e.message(), None, true);
            Error::Content(vec![
                Diagnostic::new(message, Some(Location::new(path, line, column))).quote_from(text),
            ])
        })?;
        let problems = config.validate(text, path);
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(Error::Content(problems))
        }
    }

    /// Read site.toml from the site root.
    pub fn load(root: &Path) -> Result<SiteConfig> {
        let path = root.join(FILE_NAME);
        if !path.is_file() {
            return Err(Error::Usage(both!(
                "thư mục {root} không phải là một trang web (không có tệp {FILE_NAME}). Hãy chạy lệnh trong thư mục của trang web, hoặc chỉ ra thư mục đó bằng --root THƯ_MỤC, hoặc tạo trang web mới bằng: loa init THƯ_MỤC",
                "no {FILE_NAME} in {root}: run loa in a site's folder, give --root DIR, or create a site with `loa init DIR`",
                root = root.display()
            )));
        }
        let bytes = crate::error::read(&path)?;
        let text = crate::content::normalize_text(&bytes).map_err(|column| {
            Error::Content(vec![Diagnostic::new(
                Message::Input(InputProblem::NotUtf8),
                Some(Location::new(FILE_NAME, 1, column)),
            )])
        })?;
        SiteConfig::parse(&text, Path::new(FILE_NAME))
    }

    fn validate(&self, text: &str, path: &Path) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut err = |needle: &str, problem: ConfigProblem| {
            let (line, column) = find_in(text, needle);
            out.push(
                Diagnostic::new(
                    Message::Config(problem),
                    Some(Location::new(path, line, column)),
                )
                .quote_from(text),
            );
        };
        if !(self.base_url.starts_with("http://") || self.base_url.starts_with("https://")) {
            err("base_url", ConfigProblem::BaseUrl(self.base_url.clone()));
        }
        if self.paginate_by == 0 {
            err("paginate_by", ConfigProblem::PaginateZero);
        }
        let mut seen = std::collections::BTreeSet::new();
        for ward in &self.wards {
            if !is_slug(&ward.slug) {
                err(&ward.slug, ConfigProblem::WardSlug(ward.slug.clone()));
            } else if !seen.insert(ward.slug.as_str()) {
                err(
                    &format!("\"{}\"", ward.slug),
                    ConfigProblem::WardTwice(ward.slug.clone()),
                );
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for agency in &self.agencies {
            if !is_slug(&agency.id) {
                err(&agency.id, ConfigProblem::AgencyId(agency.id.clone()));
            } else if !seen.insert(agency.id.as_str()) {
                err(
                    &format!("\"{}\"", agency.id),
                    ConfigProblem::AgencyTwice(agency.id.clone()),
                );
            }
        }
        let b = &self.broadcast;
        if !(60..=400).contains(&b.syllables_per_minute) {
            err(
                "syllables_per_minute",
                ConfigProblem::SpeakingRate(b.syllables_per_minute),
            );
        }
        let mut seen = std::collections::BTreeSet::new();
        for slot in &b.slots {
            if crate::date::parse_hhmm(&slot.time).is_none() {
                err(&slot.time, ConfigProblem::SlotTime(slot.time.clone()));
            }
            if slot.minutes == 0 {
                err(&slot.id, ConfigProblem::SlotZeroMinutes(slot.id.clone()));
            }
            if !seen.insert(slot.id.as_str()) {
                err(&slot.id, ConfigProblem::SlotTwice(slot.id.clone()));
            }
        }
        if let Some(audio) = &b.audio {
            if let Err(why) = crate::broadcast::audio::check_command(&audio.command) {
                err("command", ConfigProblem::AudioCommand(why));
            }
            if !crate::broadcast::audio::BITRATES.contains(&audio.bitrate) {
                err("bitrate", ConfigProblem::AudioBitrate(audio.bitrate));
            }
            if audio.timeout == 0 {
                err("timeout", ConfigProblem::AudioTimeout);
            }
        }
        let theme = &self.markdown.highlight_theme;
        if !crate::markdown::HIGHLIGHT_THEMES.contains(&theme.as_str()) {
            err(
                "highlight_theme",
                ConfigProblem::HighlightTheme {
                    name: theme.clone(),
                    hint: Choice::among(theme, &crate::markdown::HIGHLIGHT_THEMES),
                },
            );
        }
        for (name, target) in &self.publish {
            let known = ["file://", "sftp://"];
            if !known.iter().any(|p| target.target.starts_with(p)) {
                err(&target.target, ConfigProblem::PublishTarget(name.clone()));
            }
        }
        if let Some(detail) = self.images.problem() {
            let needle = if detail.starts_with("quality") {
                "quality"
            } else {
                "widths"
            };
            let (line, column) = find_in(text, needle);
            out.push(
                Diagnostic::new(
                    Message::Image(crate::error::ImageProblem::BadSettings { detail }),
                    Some(Location::new(path, line, column)),
                )
                .quote_from(text),
            );
        }
        out
    }

    pub fn ward(&self, slug: &str) -> Option<&Ward> {
        self.wards.iter().find(|w| w.slug == slug)
    }

    pub fn agency(&self, id: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.id == id)
    }

    pub fn slot(&self, id: &str) -> Option<&Slot> {
        self.broadcast.slots.iter().find(|s| s.id == id)
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut end = offset;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Line and column of the first occurrence of `needle`, or 1:1.
fn find_in(text: &str, needle: &str) -> (usize, usize) {
    text.find(needle).map_or((1, 1), |i| line_col(text, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SiteConfig> {
        SiteConfig::parse(text, Path::new("site.toml"))
    }

    fn first_diag(r: Result<SiteConfig>) -> Diagnostic {
        match r {
            Err(Error::Content(d)) => d.into_iter().next().unwrap(),
            other => panic!("expected a content error, got {other:?}"),
        }
    }

    #[test]
    fn minimal_config_gets_defaults() {
        let c = parse("title = \"T\"\nbase_url = \"https://x.vn\"\n").unwrap();
        assert_eq!(c.theme, "cong-thong-tin");
        assert_eq!(c.broadcast.syllables_per_minute, 180);
        assert_eq!(c.broadcast.slots.len(), 2);
        assert_eq!(c.markdown.raw_html, RawHtml::Escape);
    }

    #[test]
    fn rejects_unknown_key_with_line_and_suggestion() {
        let d = first_diag(parse(
            "title = \"T\"\nbase_url = \"https://x.vn\"\n[broadcast]\nsyllables_per_minut = 170\n",
        ));
        let loc = d.location.clone().unwrap();
        assert_eq!(loc.line, 4, "{d}");
        assert!(d.message.contains("syllables_per_minut"), "{d}");
        assert_eq!(
            d.help.as_deref(),
            Some("did you mean \"syllables_per_minute\"?")
        );
    }

    #[test]
    fn rejects_duplicate_ward_at_its_line() {
        let d = first_diag(parse(
            "title = \"T\"\nbase_url = \"https://x.vn\"\n[[wards]]\nslug = \"a\"\nname = \"A\"\n[[wards]]\nslug = \"a\"\nname = \"B\"\n",
        ));
        assert!(d.message.contains("declared twice"), "{d}");
        assert_eq!(d.location.unwrap().line, 4);
    }
}
