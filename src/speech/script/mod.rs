//! Markdown (or a hand-written `broadcast.text`) to a loudspeaker script: a list of
//! spoken paragraphs and the warnings an editor should see.
//!
//! Headings become spoken lead-ins of their own, numbered list items are read "Một
//! là, …", "Hai là, …", bullet items become sentences of their own, links keep their
//! text and emphasis is dropped. Images, tables, code blocks and raw HTML cannot be
//! read aloud: they are left out, each with a warning naming its line, and so is every
//! all-caps token the glossary does not know. The words themselves are said by
//! [`speak`]; the front matter and the file it came from are the caller's business
//! (it passes the line where the markdown starts).

mod builder;
mod sentences;
#[cfg(test)]
mod tests;

use super::normalize::capitalise_first;
use super::{DoubtKind, Glossary, Spoken, speak};
use builder::ScriptBuilder;
pub use builder::Skipped;
use sentences::{long_sentences, strip_courtesies};

/// A spoken script: what the announcer reads, one entry per paragraph, heading or
/// list item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Script {
    /// The paragraphs to read, already normalized.
    pub paragraphs: Vec<String>,
    /// What was left out or would be read badly, in line order.
    pub warnings: Vec<ScriptWarning>,
}

/// Something in the source that the script leaves out or cannot say well.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptWarning {
    /// 1-based line in the user's file: `first_line` + line within the markdown - 1.
    pub line: usize,
    pub issue: ScriptIssue,
}

/// What a script warning is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScriptIssue {
    /// A part of the page that cannot be read aloud.
    LeftOut(Skipped),
    /// An all-caps token the glossary does not know (it is spelled letter by letter).
    NotInGlossary(String),
    /// A token left out (a web or e-mail address, an emoji) or read by a guess (an
    /// unclear slash, an English decimal point).
    Doubtful(DoubtKind, String),
    /// An item's own greeting or thanks ("Kính thưa bà con", "Xin cảm ơn bà con."),
    /// left out: a bulletin has one opening and one closing, the station's.
    Courtesy(String),
    /// A spoken sentence longer than one breath: its syllable count.
    LongSentence(usize),
}

/// The longest sentence, in spoken syllables, an announcer reads in one breath.
pub const MAX_SENTENCE_SYLLABLES: usize = 40;

impl ScriptWarning {
    /// What happened, in English, e.g. "a table is left out of the spoken script".
    pub fn message(&self) -> String {
        match &self.issue {
            ScriptIssue::LeftOut(part) => part.message().to_owned(),
            ScriptIssue::NotInGlossary(token) => unknown_message(token),
            ScriptIssue::Doubtful(kind, token) => doubt_message(*kind, token),
            ScriptIssue::Courtesy(words) => {
                format!("\"{words}\": an item's own greeting or thanks is left out of the bulletin")
            }
            ScriptIssue::LongSentence(syllables) => format!(
                "a sentence of {syllables} syllables: more than one breath ({MAX_SENTENCE_SYLLABLES})"
            ),
        }
    }
}

/// Builds the script of a page body. `first_line` is the line of the user's file on
/// which `markdown` starts (after the front matter).
pub fn script_from_markdown(markdown: &str, first_line: usize, glossary: &Glossary) -> Script {
    let mut builder = ScriptBuilder::new(markdown, first_line, glossary);
    for (event, range) in crate::markdown::parser(markdown).into_offset_iter() {
        builder.handle(event, range);
    }
    builder.finish()
}

/// Builds the script of a hand-written `broadcast.text`: each non-empty line is one
/// paragraph; a line starting with a bullet ("- ", "* ", "+ ", "• ") becomes a
/// sentence of its own.
pub fn script_from_text(text: &str, first_line: usize, glossary: &Glossary) -> Script {
    let mut script = Script::default();
    for (index, line) in text.lines().enumerate() {
        let line_number = first_line + index;
        let (body, bullet) = strip_bullet(line.trim());
        let (body, courtesies) = strip_courtesies(body, &[]);
        script
            .warnings
            .extend(courtesies.into_iter().map(|(_, words)| ScriptWarning {
                line: line_number,
                issue: ScriptIssue::Courtesy(words),
            }));
        let spoken = speak(&body, glossary);
        script
            .warnings
            .extend(
                spoken_issues(&spoken)
                    .into_iter()
                    .map(|(_, issue)| ScriptWarning {
                        line: line_number,
                        issue,
                    }),
            );
        let paragraph = if bullet {
            capitalise_first(&end_sentence(&spoken.text))
        } else {
            spoken.text
        };
        script
            .warnings
            .extend(long_sentences(&paragraph).map(|syllables| ScriptWarning {
                line: line_number,
                issue: ScriptIssue::LongSentence(syllables),
            }));
        if !paragraph.is_empty() {
            script.paragraphs.push(paragraph);
        }
    }
    dedup_warnings(&mut script.warnings);
    script
}

fn strip_bullet(line: &str) -> (&str, bool) {
    ["- ", "* ", "+ ", "• ", "– "]
        .iter()
        .find_map(|bullet| line.strip_prefix(bullet))
        .map_or((line, false), |rest| (rest.trim_start(), true))
}

fn unknown_message(token: &str) -> String {
    format!("{token}: not in the glossary; it would be read letter by letter")
}

fn doubt_message(kind: DoubtKind, token: &str) -> String {
    match kind {
        DoubtKind::Url => format!("{token}: a web address is left out of the spoken script"),
        DoubtKind::Email => format!("{token}: an e-mail address is left out of the spoken script"),
        DoubtKind::Emoji => format!("{token}: an emoji is left out of the spoken script"),
        DoubtKind::Slash => format!("{token}: not clearly a date; it is read as a fraction"),
        DoubtKind::Abbreviation => {
            format!("{token}: has two meanings; it is read by a guess")
        }
        DoubtKind::DecimalPoint => {
            format!("{token}: an English decimal point; it is read \"phẩy\"")
        }
    }
}

/// The warnings of a spoken line: unknown abbreviations and doubtful tokens, each with
/// its byte offset in the text that was spoken.
pub(super) fn spoken_issues(spoken: &Spoken) -> Vec<(usize, ScriptIssue)> {
    let unknown = spoken
        .unknown
        .iter()
        .map(|u| (u.offset, ScriptIssue::NotInGlossary(u.token.clone())));
    let doubts = spoken
        .doubts
        .iter()
        .map(|d| (d.offset, ScriptIssue::Doubtful(d.kind, d.token.clone())));
    unknown.chain(doubts).collect()
}

/// Puts warnings in line order and drops repeats of the same warning on one line.
pub(super) fn dedup_warnings(warnings: &mut Vec<ScriptWarning>) {
    warnings.sort_by_key(|warning| warning.line);
    let mut seen = std::collections::BTreeSet::new();
    warnings.retain(|warning| seen.insert((warning.line, warning.issue.clone())));
}

/// Ends the text as a sentence: a final ',' or ';' becomes '.', and '.' is added when
/// no closing mark is there.
pub(super) fn end_sentence(text: &str) -> String {
    let trimmed = text.trim_end().trim_end_matches([',', ';']).trim_end();
    if trimmed.is_empty() {
        return String::new();
    }
    match trimmed.chars().next_back() {
        Some('.' | '!' | '?' | '…' | ':') => trimmed.to_string(),
        _ => format!("{trimmed}."),
    }
}
