//! The speech normalizer never panics, and says every line in NFC text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use loa::speech::Glossary;

fn glossary() -> &'static Glossary {
    static CELL: OnceLock<Glossary> = OnceLock::new();
    CELL.get_or_init(Glossary::builtin)
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let spoken = loa::speech::speak(text, glossary());
        for u in &spoken.unknown {
            assert!(u.offset <= text.len(), "offset {} past the end", u.offset);
        }
        let _ = loa::speech::count_syllables(&spoken.text);
    }
});
