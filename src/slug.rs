//! ASCII slugs and accent folding for Vietnamese text: "Tháng hành động về ATVSLĐ năm
//! 2025" becomes `thang-hanh-dong-ve-atvsld-nam-2025`. Search uses the same folding, so a
//! query typed without accents finds the accented words.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, remove diacritics (đ/Đ become d) and keep letters, digits and spaces.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A URL slug: folded, ASCII letters and digits separated by single hyphens.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_vietnamese_titles() {
        let cases = [
            (
                "Tháng hành động về ATVSLĐ năm 2025",
                "thang-hanh-dong-ve-atvsld-nam-2025",
            ),
            ("  Đường dây nóng!! ", "duong-day-nong"),
            ("Phòng Văn hóa - Thông tin", "phong-van-hoa-thong-tin"),
            ("Ủy ban nhân dân", "uy-ban-nhan-dan"),
            ("", ""),
            ("!!!", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(slugify(input), expected, "{input}");
        }
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("AN TOÀN Lao Động"), "an toan lao dong");
        assert_eq!(fold("tai nạn"), "tai nan");
    }
}
