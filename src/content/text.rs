//! Text as the office's editors save it: UTF-8 checked and normalized to NFC (Vietnamese typed
//! on Windows often arrives decomposed), read from the site's folder with a located error.

use super::*;

/// Strip a BOM, check UTF-8, turn CRLF and CR into LF and compose to NFC. On invalid
/// UTF-8, returns the byte offset of the first bad byte.
pub fn normalize_text(bytes: &[u8]) -> std::result::Result<String, usize> {
    normalize_owned(bytes.to_vec()).map_err(|(_, offset)| offset)
}

/// [`normalize_text`] of bytes the caller gives away: valid NFC text without CR, the
/// usual case, is returned without a copy. On invalid UTF-8, gives the bytes back (BOM
/// removed) with the offset of the first bad byte in them.
pub fn normalize_owned(mut bytes: Vec<u8>) -> std::result::Result<String, (Vec<u8>, usize)> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        (e.into_bytes(), offset)
    })?;
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    };
    if text.chars().all(|c| surely_nfc(c) || nfc_starter(c)) {
        return Ok(text);
    }
    Ok(match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => text,
        _ => text.nfc().collect(),
    })
}

/// Characters that are NFC in any context: they never combine with what comes before
/// (canonical combining class 0, NFC quick check "yes", and never the second part of a
/// composition). Below U+0300 and Latin Extended Additional (Vietnamese's precomposed
/// letters) qualify, which covers nearly all Vietnamese text; everything else takes the
/// full check. The test below holds this against the Unicode tables.
pub(super) fn surely_nfc(c: char) -> bool {
    c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// The same, looked up in the Unicode tables: for the rarer characters (dashes, quotes,
/// symbols). A text of such characters is NFC; anything else takes the full check.
pub(super) fn nfc_starter(c: char) -> bool {
    unicode_normalization::char::canonical_combining_class(c) == 0
        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Read and normalize a user file, or say why it cannot be read.
/// Errors are boxed: a `Diagnostic` is large, and this is on every file's path.
pub(super) fn read_text(root: &Path, rel: &Path) -> std::result::Result<String, Box<Diagnostic>> {
    let bytes = std::fs::read(root.join(rel)).map_err(|e| {
        Box::new(Diagnostic::new(
            Message::Input(InputProblem::CannotRead {
                detail: e.to_string(),
            }),
            Some(Location::new(rel, 1, 1)),
        ))
    })?;
    normalize_owned(bytes).map_err(|(bytes, offset)| {
        let before = &bytes[..offset];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let col = offset
            - before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1)
            + 1;
        Box::new(Diagnostic::new(
            Message::Input(InputProblem::NotUtf8),
            Some(Location::new(rel, line, col)),
        ))
    })
}
