//! Strict percent-decoding of a URL's part, for the two places that must refuse a
//! malformed one: request paths in `serve` and publish targets in site.toml. The
//! `percent-encoding` crate decodes; this module refuses what it would let through (a
//! `%` that starts no escape, kept as it is) and what is not UTF-8. `check` reads links
//! leniently and does not need it.

use std::borrow::Cow;

/// Why a part of a URL cannot be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Malformed {
    /// A `%` not followed by two hex digits.
    Escape,
    /// The bytes the escapes stand for are not UTF-8.
    Utf8,
}

/// `%XX` escapes to bytes, then UTF-8; anything else is kept as written.
pub(crate) fn decode(text: &str) -> Result<String, Malformed> {
    let escapes_whole = text.split('%').skip(1).all(|after| {
        after
            .as_bytes()
            .get(..2)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !escapes_whole {
        return Err(Malformed::Escape);
    }
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .map(Cow::into_owned)
        .map_err(|_| Malformed::Utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_whole_escapes_to_utf8_and_refuses_the_rest() {
        let cases = [
            ("", Ok("")),
            ("a+b", Ok("a+b")),
            ("%C4%91%E1%BB%8Fi", Ok("đỏi")),
            ("%2f%2F", Ok("//")),
            ("50%25", Ok("50%")),
            ("%4", Err(Malformed::Escape)),
            ("100%", Err(Malformed::Escape)),
            ("%zz", Err(Malformed::Escape)),
            ("%+f", Err(Malformed::Escape)),
            ("%%41", Err(Malformed::Escape)),
            ("%ff%fe", Err(Malformed::Utf8)),
            ("%C4", Err(Malformed::Utf8)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                decode(text).as_deref().map_err(|e| *e),
                expected,
                "{text:?}"
            );
        }
    }
}
