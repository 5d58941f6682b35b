//! Personal data in violation notices (Nghị định 13/2023/NĐ-CP). This module decides
//! whether a notice's subject reads as a person, and masks every written form of that
//! person's name — full, upper case, without accents, the given name after an honorific
//! ("ông Hùng"), in a slug — so that no output can show it. It also finds other names,
//! addresses and landline numbers that a notice should not carry, for `loa check`.
//!
//! When to mask and what to refuse is validation's call (validate.rs); masking happens
//! once, on the page's text at load, so every output (page, lists, feeds, search, OG
//! tags, bulletins, SSML, ICS, report) sees only the masked text.

use crate::slug::fold;

/// Words that put a person's name after them ("ông Nguyễn Văn Hùng", "bà Lan").
const HONORIFICS: [&str; 8] = ["ông", "bà", "anh", "chị", "cô", "chú", "em", "cụ"];

/// Common Vietnamese surnames, folded (no accents, lower case). A subject of two to four
/// capitalised syllables that starts with one of these reads as a person's name.
const SURNAMES: [&str; 60] = [
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "dao", "doan", "vuong", "trinh", "truong", "lam", "phung", "mai",
    "to", "ha", "ta", "dinh", "luong", "luu", "cao", "chu", "dong", "kieu", "lai", "quach", "thai",
    "trieu", "tang", "hua", "tu", "chau", "khuc", "mac", "nghiem", "ton", "than", "luc", "ninh",
    "dam", "la", "giap", "khong", "han", "au", "doan", "kim", "phi", "tong", "bach",
];

/// How a household business (hộ kinh doanh) is written before its owner's name, folded.
const HOUSEHOLD_PREFIXES: [&str; 4] = ["ho kinh doanh ca the", "ho kinh doanh", "ho ca the", "hkd"];

/// Words before a capitalised run that make it a place or a body, not a person
/// ("phường Trần Nguyên Hãn", "đường Lê Lợi"), folded.
const PLACE_WORDS: [&str; 24] = [
    "quan", "phuong", "duong", "pho", "xa", "huyen", "tinh", "thanh", "ngo", "ngach", "khu",
    "truong", "cau", "cho", "benh", "vien", "cong", "ty", "tnhh", "hop", "tac", "lang", "thon",
    "to",
];

/// What a notice's subject reads as, whatever its `subject_type` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// An honorific and a name, or a bare Vietnamese personal name: the name starts at
    /// this byte offset.
    Person(usize),
    /// "Hộ kinh doanh ..." : the owner's name (if any) starts at this byte offset.
    Household(usize),
    /// A company or another body.
    Organization,
}

/// A word of a text: a run of letters and digits, with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    start: s,
                    end: i,
                    text: &text[s..i],
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
            text: &text[s..],
        });
    }
    out
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// "ông", "Bà", "ANH".
fn is_honorific(word: &str) -> bool {
    HONORIFICS.contains(&word.to_lowercase().as_str())
}

/// An honorific, or one typed without accents ("ong", "ba") around a name to mask.
fn is_honorific_any(word: &str) -> bool {
    is_honorific(word)
        || (word.is_ascii() && HONORIFICS.iter().any(|h| fold(h) == word.to_lowercase()))
}

fn is_surname(word: &str) -> bool {
    SURNAMES.contains(&fold(word).as_str())
}

/// A syllable of a personal name: letters only, not a digit in sight.
fn is_name_syllable(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(char::is_alphabetic) && capitalised(word)
}

/// Whether `subject` names a person, a household business or a body.
pub(crate) fn read_subject(subject: &str) -> Reading {
    let ws = words(subject);
    let Some(first) = ws.first() else {
        return Reading::Organization;
    };
    let folded: Vec<String> = ws.iter().map(|w| fold(w.text)).collect();
    for prefix in HOUSEHOLD_PREFIXES {
        let n = prefix.split(' ').count();
        if folded.len() >= n && folded[..n].join(" ") == prefix {
            let start = ws.get(n).map_or(subject.len(), |w| w.start);
            return Reading::Household(start);
        }
    }
    if is_honorific(first.text) && ws.get(1).is_some_and(|w| capitalised(w.text)) {
        return Reading::Person(ws[1].start);
    }
    if (2..=4).contains(&ws.len())
        && is_surname(first.text)
        && ws.iter().all(|w| is_name_syllable(w.text))
    {
        return Reading::Person(first.start);
    }
    Reading::Organization
}

/// The name a notice about an individual masks: the subject without its honorific or
/// household prefix.
pub(crate) fn name_of(subject: &str) -> &str {
    match read_subject(subject) {
        Reading::Person(start) | Reading::Household(start) => &subject[start..],
        Reading::Organization => {
            // An individual written another way ("nguyễn văn hùng", "Ông Năm"): the
            // subject without a leading honorific.
            let ws = words(subject);
            match ws.first() {
                Some(w) if is_honorific(w.text) && ws.len() > 1 => &subject[ws[1].start..],
                _ => subject,
            }
        }
    }
}

/// One syllable of the masked name, in the forms a text may write it.
#[derive(Debug)]
struct Syllable {
    lower: String,
    folded: String,
    initial: String,
}

impl Syllable {
    /// `word` is this syllable: the same letters in any case, or the same without
    /// accents when the word has none ("Nguyen", "NGUYEN").
    fn is(&self, word: &str) -> bool {
        word.to_lowercase() == self.lower || (word.is_ascii() && fold(word) == self.folded)
    }
}

/// Masks one person's name in any text. Built from the name as the notice writes it.
#[derive(Debug)]
pub(crate) struct Mask {
    syllables: Vec<Syllable>,
}

impl Mask {
    /// `None` when the name has no letters to mask.
    pub(crate) fn new(name: &str) -> Option<Mask> {
        let syllables: Vec<Syllable> = words(name)
            .into_iter()
            .map(|w| Syllable {
                lower: w.text.to_lowercase(),
                folded: fold(w.text),
                initial: w
                    .text
                    .chars()
                    .next()
                    .map_or(String::new(), |c| c.to_uppercase().collect::<String>()),
            })
            .collect();
        (!syllables.is_empty()).then_some(Mask { syllables })
    }

    /// The runs of syllables that identify the person, longest first, with whether the
    /// text must capitalise them to count: the full name in any case; a shorter run
    /// ending with the given name ("Văn Hùng"), and the surname with the given name
    /// ("Nguyễn Hùng"), only when capitalised ("văn bản" is not "Văn Bản").
    fn runs(&self) -> Vec<(Vec<usize>, bool)> {
        let n = self.syllables.len();
        let mut runs = vec![((0..n).collect::<Vec<_>>(), n < 2)];
        for start in 1..n.saturating_sub(1) {
            runs.push(((start..n).collect(), true));
        }
        if n > 2 {
            runs.push((vec![0, n - 1], true));
        }
        runs
    }

    /// The text with every form of the name replaced by initials; `None` when the name
    /// does not occur. `anywhere` also matches lower-case forms joined by hyphens (slugs,
    /// addresses).
    pub(crate) fn apply(&self, text: &str, anywhere: bool) -> Option<String> {
        let ws = words(text);
        let runs = self.runs();
        let given = self.syllables.last().expect("a mask has a syllable");
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        let mut i = 0;
        while i < ws.len() {
            let found = runs.iter().find_map(|(run, needs_capital)| {
                let needs_capital = *needs_capital && !anywhere;
                self.matches_at(text, &ws[i..], run, needs_capital)
                    .then_some(run)
            });
            if let Some(run) = found {
                let last = ws[i + run.len() - 1];
                out.push_str(&text[copied..ws[i].start]);
                let initials: Vec<&str> = run
                    .iter()
                    .map(|&k| self.syllables[k].initial.as_str())
                    .collect();
                out.push_str(&initials_in_place(text, &ws[i..i + run.len()], &initials));
                copied = last.end;
                i += run.len();
                continue;
            }
            // "ông Hùng", "Bà LAN", "ong-hung" in an address: an honorific and the
            // given name alone.
            if is_honorific_any(ws[i].text)
                && let Some(next) = ws.get(i + 1)
                && given.is(next.text)
                && ((joined(text, ws[i], *next, false) && (anywhere || capitalised(next.text)))
                    || joined_by_hyphen(text, ws[i], *next))
            {
                out.push_str(&text[copied..next.start]);
                out.push_str(&initials_in_place(
                    text,
                    &ws[i + 1..i + 2],
                    &[&given.initial],
                ));
                copied = next.end;
                i += 2;
                continue;
            }
            i += 1;
        }
        if copied == 0 {
            return None;
        }
        out.push_str(&text[copied..]);
        Some(out)
    }

    fn matches_at(&self, text: &str, ws: &[Word], run: &[usize], needs_capital: bool) -> bool {
        run.len() <= ws.len()
            && run.iter().zip(ws).enumerate().all(|(j, (&k, w))| {
                (!needs_capital || capitalised(w.text))
                    && self.syllables[k].is(w.text)
                    && (j == 0 || joined(text, ws[j - 1], *w, true))
            })
    }
}

/// The initials that replace the words `ws` of `text`: "N.V.H." in prose (one full stop
/// at the end of a sentence, not two), "n-v-h" where the name was a slug or an address
/// ("/xu-phat-ong-nguyen-van-hung/" becomes the masked page's own address).
fn initials_in_place(text: &str, ws: &[Word], initials: &[&str]) -> String {
    let in_address = ws.windows(2).any(|p| joined_by_hyphen(text, p[0], p[1]))
        || ws
            .first()
            .is_some_and(|w| text[..w.start].ends_with(['-', '_', '/']));
    if in_address {
        return initials.join("-").to_lowercase();
    }
    let mut out: String = initials.iter().map(|i| format!("{i}.")).collect();
    let end = ws.last().map_or(text.len(), |w| w.end);
    if text[end..].starts_with('.') {
        out.pop();
    }
    out
}

fn joined_by_hyphen(text: &str, a: Word, b: Word) -> bool {
    matches!(&text[a.end..b.start], "-" | "_")
}

/// Two words stand together as parts of one name: only spaces (or a line break)
/// between them, or one hyphen or underscore where `hyphens` allows it.
fn joined(text: &str, a: Word, b: Word, hyphens: bool) -> bool {
    let gap = &text[a.end..b.start];
    (!gap.is_empty() && gap.chars().all(char::is_whitespace))
        || (hyphens && (gap == "-" || gap == "_"))
}

/// A personal name found in a notice's text, for a warning: byte offset and the words.
pub(crate) fn names_in(text: &str, known_places: &[String]) -> Vec<(usize, String)> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let w = ws[i];
        // An honorific, then capitalised syllables: "anh Trần Văn Bình", "chị Mai".
        let after_honorific = is_honorific(w.text)
            && ws
                .get(i + 1)
                .is_some_and(|next| joined(text, w, *next, false));
        let start = if after_honorific { i + 1 } else { i };
        let run = name_run(text, &ws, start);
        let named = if after_honorific {
            run > 0
        } else {
            run >= 2 && is_surname(ws[start].text) && !after_place_or_body(&ws, start)
        };
        if named {
            let end = ws[start + run - 1].end;
            let found = &text[w.start..end];
            let name = &text[ws[start].start..end];
            if !known_places.iter().any(|p| fold(p) == fold(name)) {
                out.push((w.start, found.to_owned()));
            }
            i = start + run;
        } else {
            i += 1;
        }
    }
    out
}

/// How many capitalised name syllables (up to four) stand together from `start`.
fn name_run(text: &str, ws: &[Word], start: usize) -> usize {
    let mut n = 0;
    while start + n < ws.len()
        && n < 4
        && is_name_syllable(ws[start + n].text)
        && !is_all_caps(ws[start + n].text)
        && (n == 0 || joined(text, ws[start + n - 1], ws[start + n], false))
    {
        n += 1;
    }
    n
}

/// "UBND", "ATVSLĐ": abbreviations, not names.
fn is_all_caps(word: &str) -> bool {
    word.chars().all(|c| !c.is_lowercase())
}

/// The run is part of a longer proper noun or a place: the word before it is
/// capitalised ("Công ty ... Hoàng Long") or says what kind of place it is.
fn after_place_or_body(ws: &[Word], start: usize) -> bool {
    let Some(prev) = start.checked_sub(1).map(|k| ws[k]) else {
        return false;
    };
    capitalised(prev.text) || PLACE_WORDS.contains(&fold(prev.text).as_str())
}

/// Words that show an individual's address in a notice, folded.
const ADDRESS_MARKERS: [&str; 8] = [
    "tru tai",
    "thuong tru",
    "tam tru",
    "dia chi",
    "so nha",
    "noi o",
    "ngach",
    "hem",
];

/// Where a text gives someone's address: byte offset and the words that show it.
pub(crate) fn addresses_in(text: &str) -> Vec<(usize, String)> {
    let ws = words(text);
    let folded: Vec<String> = ws.iter().map(|w| fold(w.text)).collect();
    let mut out = Vec::new();
    for i in 0..ws.len() {
        for marker in ADDRESS_MARKERS {
            let parts: Vec<&str> = marker.split(' ').collect();
            if i + parts.len() <= ws.len() && parts.iter().zip(&folded[i..]).all(|(p, f)| p == f) {
                let end = ws[i + parts.len() - 1].end;
                out.push((ws[i].start, text[ws[i].start..end].to_owned()));
            }
        }
    }
    out
}

/// Landline numbers (10 or 11 digits from 02, grouped or not): offset and as written.
/// Mobile numbers are refused outright elsewhere (E029).
pub(crate) fn landlines_in(text: &str) -> Vec<(usize, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i] == b'0' && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut digits = 0;
        while j < bytes.len()
            && (bytes[j].is_ascii_digit()
                || (matches!(bytes[j], b' ' | b'.')
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)))
        {
            digits += usize::from(bytes[j].is_ascii_digit());
            j += 1;
        }
        if (10..=11).contains(&digits) && bytes.get(i + 1) == Some(&b'2') {
            out.push((i, text[i..j].to_owned()));
        }
        i = j.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mask(name: &str, text: &str) -> String {
        let m = Mask::new(name).expect("a name");
        m.apply(text, false).unwrap_or_else(|| text.to_owned())
    }

    #[test]
    fn reads_subjects_as_people_households_or_bodies() {
        let cases = [
            ("ông Nguyễn Văn Hùng", Reading::Person(5)),
            ("Bà Lan", Reading::Person(4)),
            ("Trần Thị Lan", Reading::Person(0)),
            ("Nguyen Van Hung", Reading::Person(0)),
            ("Hộ kinh doanh Trần Thị Lan", Reading::Household(16)),
            ("HKD Bánh mì", Reading::Household(4)),
            ("Công ty TNHH Xây dựng Hoàng Long", Reading::Organization),
            (
                "Công ty TNHH Thương mại Dịch vụ Mô Phỏng",
                Reading::Organization,
            ),
            ("Xưởng Cơ khí Ví Dụ", Reading::Organization),
            ("Lê Chân 2", Reading::Organization),
            ("", Reading::Organization),
        ];
        for (subject, expected) in cases {
            assert_eq!(read_subject(subject), expected, "{subject}");
        }
        assert_eq!(name_of("ông Nguyễn Văn Hùng"), "Nguyễn Văn Hùng");
        assert_eq!(name_of("Hộ kinh doanh Trần Thị Lan"), "Trần Thị Lan");
        assert_eq!(name_of("ông năm"), "năm");
    }

    #[test]
    fn masks_every_written_form_of_a_name() {
        let n = "Nguyễn Văn Hùng";
        let cases = [
            ("Xử phạt ông Nguyễn Văn Hùng", "Xử phạt ông N.V.H."),
            ("NGUYỄN VĂN HÙNG vi phạm", "N.V.H. vi phạm"),
            ("Nguyen Van Hung, NGUYEN VAN HUNG", "N.V.H., N.V.H."),
            ("đã xử phạt nguyễn văn hùng.", "đã xử phạt N.V.H."),
            ("Ông Hùng cho biết; bà HÙNG", "Ông H. cho biết; bà H."),
            ("anh Hung", "anh H."),
            ("ông Nguyễn\nVăn Hùng", "ông N.V.H."),
            ("Văn Hùng và Nguyễn Hùng", "V.H. và N.H."),
            // Not the person: other words, other people, lower-case parts of the name.
            ("anh hùng lao động, văn bản", "anh hùng lao động, văn bản"),
            ("ông Nguyễn Văn Hưng", "ông Nguyễn Văn Hưng"),
            ("Hùng Vương", "Hùng Vương"),
        ];
        for (text, expected) in cases {
            assert_eq!(mask(n, text), expected, "{text}");
        }
        assert_eq!(mask("Lan", "bà Lan, lan truyền"), "bà L., lan truyền");
    }

    #[test]
    fn masks_names_in_slugs() {
        let m = Mask::new("Nguyễn Văn Hùng").expect("a name");
        let slug = |s: &str| crate::slug::slugify(&m.apply(s, true).unwrap_or(s.to_owned()));
        assert_eq!(slug("xu-phat-ong-nguyen-van-hung"), "xu-phat-ong-n-v-h");
        assert_eq!(slug("xu-phat-ong-hung-xay-dung"), "xu-phat-ong-h-xay-dung");
        assert_eq!(slug("xu-phat-nha-thau"), "xu-phat-nha-thau");
    }

    #[test]
    fn finds_other_names_but_not_places_or_bodies() {
        let places = vec!["Lê Chân".to_owned()];
        let found: Vec<String> = names_in(
            "Anh Trần Văn Bình, chị Mai và Phạm Thị Hoa chứng kiến. Quận Lê Chân, \
             phường Trần Nguyên Hãn, Công ty TNHH Hoàng Long, UBND, ông N.V.H.",
            &places,
        )
        .into_iter()
        .map(|(_, n)| n)
        .collect();
        assert_eq!(found, ["Anh Trần Văn Bình", "chị Mai", "Phạm Thị Hoa"]);
    }

    #[test]
    fn finds_addresses() {
        let found: Vec<String> = addresses_in("Ông A, trú tại số nhà 5 ngõ 3; địa chỉ: ...")
            .into_iter()
            .map(|(_, a)| a)
            .collect();
        assert_eq!(found, ["trú tại", "số nhà", "địa chỉ"]);
        let phones: Vec<String> = landlines_in("ĐT 0225.3842.123 hoặc 02253842124; phạt 15000000")
            .into_iter()
            .map(|(_, p)| p)
            .collect();
        assert_eq!(phones, ["0225.3842.123", "02253842124"]);
    }
}
