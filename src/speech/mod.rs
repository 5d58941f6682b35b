//! Loudspeaker scripts: how a page's written Vietnamese is said over the ward
//! loudspeakers, in the northern (Hà Nội, Hải Phòng) broadcast reading.
//!
//! Three parts: the abbreviation [`Glossary`] (defaults built in, a site's
//! `[glossary]` merged over them), [`speak`], which turns one line of written text into
//! the words an announcer says (numbers, dates, times, money, phone numbers, units,
//! legal document numbers, Roman numerals, abbreviations), and
//! [`script_from_markdown`] / [`script_from_text`], which turn a page body into spoken
//! paragraphs with warnings for what cannot be read aloud. [`count_syllables`] gives
//! the length a bulletin is timed by. Choosing which pages are broadcast, and when, is
//! left to the broadcast module; nothing here reads files or prints.

pub(crate) mod glossary;
mod normalize;
mod script;

pub use glossary::Glossary;
pub use normalize::{Doubt, DoubtKind, Spoken, UnknownToken, count_syllables, speak};
pub use script::{
    MAX_SENTENCE_SYLLABLES, Script, ScriptIssue, ScriptWarning, Skipped, script_from_markdown,
    script_from_text,
};
