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

pub(super) fn push_ssml_paragraph(out: &mut String, paragraph: &str) {
    out.push_str("  <p>");
    for s in sentences(paragraph) {
        out.push_str("<s>");
        out.push_str(&xml_text(s));
        out.push_str("</s>");
    }
    out.push_str("</p>\n");
}
