//! How long a bulletin lasts and how it is marked up: syllables at the site's speaking rate,
//! pauses between items and paragraphs, SSML.

use super::*;

/// The pauses an item adds to its bulletin: the break before it and one between each
/// two of its paragraphs.
pub(super) fn item_pauses_ms(item: &Item) -> u64 {
    let paragraphs = item.paragraphs.len() as u64;
    ITEM_BREAK_MS + PARAGRAPH_BREAK_MS * paragraphs.saturating_sub(1)
}

/// The spoken duration: the syllables at the site's rate plus the SSML's own pauses,
/// rounded up to the second.
pub(super) fn seconds_for(syllables: usize, per_minute: usize, pause_ms: u64) -> u32 {
    let speech_ms = (syllables as u64 * 60_000).div_ceil(per_minute.max(1) as u64);
    u32::try_from((speech_ms + pause_ms).div_ceil(1000)).unwrap_or(u32::MAX)
}

/// `95` -> `1 phút 35 giây`.
pub fn minutes_label(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} giây"),
        (m, 0) => format!("{m} phút"),
        (m, s) => format!("{m} phút {s} giây"),
    }
}

pub(super) fn xml_text(s: &str) -> String {
    crate::render::feeds::xml_escape(s)
}

pub(super) fn push_ssml_break(out: &mut String, ms: u64) {
    out.push_str(&format!("  <break time=\"{ms}ms\"/>\n"));
}

/// A paragraph as `<p>` of `<s>`, each word of `pronounce` (lowercase) as
/// `<sub alias="…">`, so an engine says a loanword the Vietnamese way.
pub(super) fn push_ssml_paragraph(out: &mut String, paragraph: &str, pronounce: &Pronounce) {
    out.push_str("  <p>");
    for s in sentences(paragraph) {
        out.push_str("<s>");
        out.push_str(&pronounce.ssml(&xml_text(s)));
        out.push_str("</s>");
    }
    out.push_str("</p>\n");
}

/// How words an engine would read as English are said: `gas` is "ga".
#[derive(Debug, Clone, Default)]
pub struct Pronounce(BTreeMap<String, String>);

/// Loanwords of the workplace whose written form espeak-ng reads as English.
const BUILTIN_PRONOUNCE: &[(&str, &str)] = &[("gas", "ga"), ("curoa", "cu roa")];

impl Pronounce {
    /// The built-in words with `[broadcast.audio] pronounce` over them.
    pub fn of(config: &crate::config::BroadcastConfig) -> Pronounce {
        let mut map: BTreeMap<String, String> = BUILTIN_PRONOUNCE
            .iter()
            .map(|(w, s)| ((*w).to_owned(), (*s).to_owned()))
            .collect();
        if let Some(audio) = &config.audio {
            for (w, s) in &audio.pronounce {
                map.insert(w.to_lowercase(), s.clone());
            }
        }
        Pronounce(map)
    }

    /// Rewrite each whole word of `text` found in the list with `f(word, spoken)`.
    fn rewrite(&self, text: &str, f: impl Fn(&str, &str) -> String) -> String {
        let mut out = String::with_capacity(text.len());
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            match self.0.get(&word.to_lowercase()) {
                Some(spoken) => out.push_str(&f(word, spoken)),
                None => out.push_str(word),
            }
            word.clear();
        };
        for c in text.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }

    /// Escaped SSML text with `<sub alias>` around each listed word.
    pub fn ssml(&self, escaped: &str) -> String {
        if self.0.is_empty() {
            return escaped.to_owned();
        }
        self.rewrite(escaped, |w, s| {
            format!("<sub alias=\"{}\">{w}</sub>", xml_text(s))
        })
    }

    /// Plain text with each listed word replaced by how it is said.
    pub fn text(&self, text: &str) -> String {
        self.rewrite(text, |_, s| s.to_owned())
    }
}
