use super::*;
use unicode_normalization::char::canonical_combining_class;

#[test]
fn quick_nfc_path_agrees_with_unicode() {
    let ranges = ['\u{0}'..='\u{2FF}', '\u{1E00}'..='\u{1EFF}'];
    for c in ranges.into_iter().flatten() {
        assert!(surely_nfc(c));
        assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        assert_eq!(canonical_combining_class(c), 0, "{c:?}");
    }
    assert!(!surely_nfc('\u{300}'));
    assert!(nfc_starter('–') && nfc_starter('“'));
    // Combining marks, and a character NFC replaces, are not.
    assert!(!nfc_starter('\u{300}') && !nfc_starter('\u{2000}'));
}

#[test]
fn normalizes_text() {
    let cases: [(&[u8], &str); 4] = [
        (b"an to\xC3\xA0n", "an toàn"),
        // Decomposed "à" is composed.
        (b"to\x61\xCC\x80n", "toàn"),
        (b"\xEF\xBB\xBFa\r\nb\rc", "a\nb\nc"),
        (b"", ""),
    ];
    for (bytes, expected) in cases {
        assert_eq!(normalize_text(bytes).as_deref(), Ok(expected), "{bytes:?}");
    }
    // The offset of a bad byte is counted after the BOM.
    assert_eq!(normalize_text(b"\xEF\xBB\xBFab\xFF"), Err(2));
    assert_eq!(normalize_text(b"ab\xFF"), Err(2));
}
