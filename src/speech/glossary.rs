//! The abbreviation glossary: which written abbreviations, letters, digits and unit
//! symbols a loudspeaker script says in words, and how.
//!
//! The defaults are `glossary-vi.yaml` beside this file, a byte-for-byte copy of the
//! project's reference glossary, built into the binary. A site adds or overrides entries
//! from site.toml `[glossary]` through [`Glossary::with_overrides`]. This module only
//! answers look-ups; deciding where a token stands (after a number, before a phone
//! number, inside a document number) is left to the normalizer.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

/// The reference glossary, embedded at build time.
const BUILTIN_YAML: &str = include_str!("glossary-vi.yaml");

/// loa's own additions to the reference (same entry layout), embedded at build time.
const ADDITIONS_YAML: &str = include_str!("glossary-loa.yaml");

/// Abbreviations, letter names, digit names and units used to speak written text.
#[derive(Debug, Clone)]
pub struct Glossary {
    /// Entries sorted longest key first, so "PCCC&CNCH" is tried before "PCCC".
    entries: Vec<Entry>,
    /// Unit symbols and their spoken form, longest symbol first.
    units: Vec<(String, String)>,
    letter_names: BTreeMap<char, String>,
    digit_names: [String; 10],
}

/// One abbreviation and how to say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) key: String,
    pub(crate) reading: Reading,
}

/// How an entry is read; mirrors the glossary file's `mode`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Say this text wherever the abbreviation stands as a whole token.
    Expand(String),
    /// Say the spelled letters (given in the file, or built from the letter names).
    Spell(String),
    /// Say `say` only where `rule` holds; elsewhere say `otherwise`, or leave the token.
    Context {
        rule: ContextRule,
        say: String,
        otherwise: Option<String>,
    },
    /// A document code: dropped after a document number.
    Code,
}

/// Where a context entry is expanded. The file states its rules in prose, so the known
/// keys are tied to the rules the normalizer implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContextRule {
    /// "CP" right after "Công ty".
    AfterCompany,
    /// "CN" as a weekday: before ", ngày D/M" or in a list of weekdays.
    Weekday,
    /// "ĐT" right before a phone number.
    BeforePhone,
    /// "đ" attached to or right after a number.
    AfterNumber,
    /// A title or place word ("TS.", "P.") right before a name or number.
    BeforeName,
    /// A context entry whose rule this version does not know: never matched.
    Unknown,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(rename = "version")]
    _version: IgnoredAny,
    #[serde(rename = "region")]
    _region: IgnoredAny,
    letter_names: BTreeMap<String, String>,
    digit_names: Vec<String>,
    entries: BTreeMap<String, EntryFile>,
    units: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdditionsFile {
    entries: BTreeMap<String, EntryFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    mode: ModeFile,
    say: Option<String>,
    #[serde(rename = "else")]
    otherwise: Option<String>,
    #[serde(rename = "spell")]
    _spell: Option<IgnoredAny>,
    #[serde(rename = "when")]
    _when: Option<IgnoredAny>,
    #[serde(rename = "note")]
    _note: Option<IgnoredAny>,
    #[serde(rename = "meaning")]
    _meaning: Option<IgnoredAny>,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum ModeFile {
    Expand,
    Spell,
    Context,
    Code,
}

/// Why a glossary file could not be used.
#[derive(Debug)]
pub(crate) enum GlossaryError {
    Yaml(serde_yaml::Error),
    Invalid(String),
}

impl std::fmt::Display for GlossaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GlossaryError::Yaml(error) => write!(f, "the glossary is not valid YAML: {error}"),
            GlossaryError::Invalid(message) => write!(f, "the glossary is invalid: {message}"),
        }
    }
}

impl Glossary {
    /// The defaults built into the binary: the reference `glossary-vi.yaml` and loa's
    /// additions `glossary-loa.yaml`.
    pub fn builtin() -> Glossary {
        let reference = Glossary::parse(BUILTIN_YAML)
            .expect("the built-in glossary is valid: a unit test parses the embedded file");
        reference
            .with_additions(ADDITIONS_YAML)
            .expect("the built-in additions are valid: a unit test parses the embedded file")
    }

    /// A copy with the entries of an additions file (the `entries:` part of a glossary
    /// file) added.
    fn with_additions(mut self, yaml: &str) -> Result<Glossary, GlossaryError> {
        let file: AdditionsFile = serde_yaml::from_str(yaml).map_err(GlossaryError::Yaml)?;
        for (key, entry) in file.entries {
            if self.entry(&key).is_some() {
                return Err(GlossaryError::Invalid(format!(
                    "addition {key:?} repeats a reference entry"
                )));
            }
            let entry = parse_entry(key, entry, &self.letter_names, &self.digit_names)?;
            self.entries.push(entry);
        }
        sort_longest_first(&mut self.entries, |entry| &entry.key);
        Ok(self)
    }

    /// A copy with site.toml `[glossary]` entries (abbreviation -> spoken form) merged
    /// over this glossary: each one is read as written (mode `expand`), replacing an
    /// entry with the same key or adding a new one.
    pub fn with_overrides(&self, extra: &BTreeMap<String, String>) -> Glossary {
        let mut merged = self.clone();
        merged
            .entries
            .retain(|entry| !extra.contains_key(&entry.key));
        merged
            .entries
            .extend(
                extra
                    .iter()
                    .filter(|(key, _)| !key.trim().is_empty())
                    .map(|(key, say)| Entry {
                        key: key.clone(),
                        reading: Reading::Expand(say.clone()),
                    }),
            );
        sort_longest_first(&mut merged.entries, |entry| &entry.key);
        merged
    }

    /// Whether `token` is an abbreviation or unit symbol the glossary can say, so a
    /// script need not read it letter by letter.
    pub fn knows(&self, token: &str) -> bool {
        self.entry(token).is_some() || self.units.iter().any(|(symbol, _)| symbol == token)
    }

    /// Parses a glossary file in the layout of `glossary-vi.yaml`.
    pub(crate) fn parse(yaml: &str) -> Result<Glossary, GlossaryError> {
        let file: GlossaryFile = serde_yaml::from_str(yaml).map_err(GlossaryError::Yaml)?;
        let letter_names = parse_letter_names(file.letter_names)?;
        let digit_names = parse_digit_names(file.digit_names)?;
        let mut entries = file
            .entries
            .into_iter()
            .map(|(key, entry)| parse_entry(key, entry, &letter_names, &digit_names))
            .collect::<Result<Vec<_>, _>>()?;
        sort_longest_first(&mut entries, |entry| &entry.key);
        let mut units: Vec<(String, String)> = file.units.into_iter().collect();
        sort_longest_first(&mut units, |(symbol, _)| symbol);
        Ok(Glossary {
            entries,
            units,
            letter_names,
            digit_names,
        })
    }

    /// The entry whose key is exactly `token`.
    pub(crate) fn entry(&self, token: &str) -> Option<&Entry> {
        self.entries.iter().find(|entry| entry.key == token)
    }

    /// All entries, longest key first.
    pub(crate) fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// All unit symbols with their spoken form, longest symbol first.
    pub(crate) fn units(&self) -> &[(String, String)] {
        &self.units
    }

    /// The spoken name of a digit 0-9 (as read in phone numbers and spelled codes).
    pub(crate) fn digit_name(&self, digit: u8) -> &str {
        self.digit_names
            .get(usize::from(digit))
            .map_or("", String::as_str)
    }

    /// Spells a token with letter names and digit names: "VTV1" -> "vê tê vê một".
    /// Characters with no name are skipped, "&" is "và".
    pub(crate) fn spell(&self, token: &str) -> String {
        spell_with(token, &self.letter_names, &self.digit_names)
    }
}

fn spell_with(token: &str, letters: &BTreeMap<char, String>, digits: &[String; 10]) -> String {
    let mut words: Vec<&str> = Vec::new();
    for c in token.chars() {
        if let Some(digit) = c.to_digit(10).and_then(|d| digits.get(d as usize)) {
            words.push(digit);
        } else if c == '&' {
            words.push("và");
        } else if let Some(name) = upper_char(c).and_then(|upper| letters.get(&upper)) {
            words.push(name);
        }
    }
    words.join(" ")
}

/// The single uppercase form of a letter, when it has one.
fn upper_char(c: char) -> Option<char> {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(single), None) => Some(single),
        _ => None,
    }
}

fn parse_entry(
    key: String,
    entry: EntryFile,
    letters: &BTreeMap<char, String>,
    digits: &[String; 10],
) -> Result<Entry, GlossaryError> {
    let missing_say = || GlossaryError::Invalid(format!("entry {key:?} needs `say`"));
    let reading = match entry.mode {
        ModeFile::Expand => Reading::Expand(entry.say.ok_or_else(missing_say)?),
        ModeFile::Spell => {
            let spelled = entry
                .say
                .unwrap_or_else(|| spell_with(&key, letters, digits));
            Reading::Spell(spelled)
        }
        ModeFile::Context => Reading::Context {
            rule: context_rule_for(&key),
            say: entry.say.ok_or_else(missing_say)?,
            otherwise: entry.otherwise,
        },
        ModeFile::Code => Reading::Code,
    };
    Ok(Entry { key, reading })
}

/// The rule behind each context entry of the reference glossary.
fn context_rule_for(key: &str) -> ContextRule {
    match key {
        "CP" => ContextRule::AfterCompany,
        "CN" => ContextRule::Weekday,
        "ĐT" => ContextRule::BeforePhone,
        "đ" => ContextRule::AfterNumber,
        "TS." | "ThS." | "BS." | "GS." | "PGS." | "KS." | "P." | "Q." => ContextRule::BeforeName,
        _ => ContextRule::Unknown,
    }
}

fn parse_letter_names(
    names: BTreeMap<String, String>,
) -> Result<BTreeMap<char, String>, GlossaryError> {
    names
        .into_iter()
        .map(|(letter, name)| {
            let mut chars = letter.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok((c, name)),
                _ => Err(GlossaryError::Invalid(format!(
                    "letter_names key {letter:?} must be one letter"
                ))),
            }
        })
        .collect()
}

fn parse_digit_names(names: Vec<String>) -> Result<[String; 10], GlossaryError> {
    let count = names.len();
    names
        .try_into()
        .map_err(|_| GlossaryError::Invalid(format!("digit_names needs 10 names, found {count}")))
}

/// Sorts by key length in characters, longest first; equal lengths in key order so the
/// result does not depend on the input order.
fn sort_longest_first<T>(items: &mut [T], key: impl Fn(&T) -> &String) {
    items.sort_by(|a, b| {
        let (a, b) = (key(a), key(b));
        b.chars().count().cmp(&a.chars().count()).then(a.cmp(b))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_glossary_parses() {
        let glossary = Glossary::parse(BUILTIN_YAML);
        assert!(
            glossary.is_ok(),
            "{}",
            glossary.err().map(|e| e.to_string()).unwrap_or_default()
        );
    }

    #[test]
    fn builtin_additions_parse_and_add_to_the_reference() {
        let reference = Glossary::parse(BUILTIN_YAML).map_err(|e| e.to_string());
        let merged =
            reference.and_then(|r| r.with_additions(ADDITIONS_YAML).map_err(|e| e.to_string()));
        assert!(merged.is_ok(), "{merged:?}");
        let glossary = Glossary::builtin();
        assert!(glossary.knows("MTV") && glossary.knows("ThS.") && glossary.knows("ATVSLĐ"));
        let repeat = Glossary::parse(BUILTIN_YAML)
            .map_err(|e| e.to_string())
            .and_then(|r| {
                r.with_additions("entries: {UBND: {mode: expand, say: x}}")
                    .map_err(|e| e.to_string())
            });
        assert!(repeat.is_err());
    }

    #[test]
    fn builtin_reads_each_mode() {
        let glossary = Glossary::builtin();
        let cases: &[(&str, Reading)] = &[
            ("UBND", Reading::Expand("Ủy ban nhân dân".into())),
            ("VTV", Reading::Spell("vê tê vê".into())),
            ("KH-UBND", Reading::Code),
            ("TP.", Reading::Expand("thành phố".into())),
        ];
        for (key, reading) in cases {
            let entry = glossary.entry(key).map(|entry| &entry.reading);
            assert_eq!(entry, Some(reading), "{key}");
        }
    }

    #[test]
    fn context_entries_carry_their_rule() {
        let glossary = Glossary::builtin();
        let cases = [
            ("CP", ContextRule::AfterCompany),
            ("CN", ContextRule::Weekday),
            ("ĐT", ContextRule::BeforePhone),
            ("đ", ContextRule::AfterNumber),
        ];
        for (key, expected) in cases {
            let rule = match glossary.entry(key).map(|entry| &entry.reading) {
                Some(Reading::Context { rule, .. }) => Some(*rule),
                _ => None,
            };
            assert_eq!(rule, Some(expected), "{key}");
        }
    }

    #[test]
    fn entries_are_sorted_longest_key_first() {
        let glossary = Glossary::builtin();
        let position = |key: &str| glossary.entries().iter().position(|e| e.key == key);
        let pairs = [
            ("LĐ-TB&XH", "LĐTBXH"),
            ("MTTQVN", "MTTQ"),
            ("PCCC&CNCH", "PCCC"),
            ("TP.", "TP"),
        ];
        for (longer, shorter) in pairs {
            assert!(
                position(longer) < position(shorter),
                "{longer} before {shorter}"
            );
        }
        let units = glossary.units();
        let unit_position = |symbol: &str| units.iter().position(|(s, _)| s == symbol);
        assert!(unit_position("mg/m3") < unit_position("mg"));
    }

    #[test]
    fn knows_entries_and_units_but_not_strangers() {
        let glossary = Glossary::builtin();
        let cases = [
            ("ATVSLĐ", true),
            ("CT/TW", true),
            ("kV", true),
            ("TNLX", false),
            ("atvslđ", false),
            ("", false),
        ];
        for (token, expected) in cases {
            assert_eq!(glossary.knows(token), expected, "{token}");
        }
    }

    #[test]
    fn overrides_replace_and_add_expand_entries() {
        let extra = BTreeMap::from([
            ("BNN".to_string(), "Bộ Nông nghiệp".to_string()),
            ("TDP".to_string(), "tổ dân phố".to_string()),
            ("CP".to_string(), "cổ phần".to_string()),
        ]);
        let glossary = Glossary::builtin().with_overrides(&extra);
        for (key, say) in &extra {
            let reading = glossary.entry(key).map(|entry| &entry.reading);
            assert_eq!(reading, Some(&Reading::Expand(say.clone())), "{key}");
        }
        assert!(glossary.knows("TDP"));
        let count = glossary.entries().iter().filter(|e| e.key == "BNN").count();
        assert_eq!(count, 1);
    }

    #[test]
    fn spells_letters_and_digits_by_name() {
        let glossary = Glossary::builtin();
        let cases = [
            ("VTV1", "vê tê vê một"),
            ("TNLX", "tê nờ lờ ích"),
            ("W", "vê kép"),
            ("Đ4", "đê bốn"),
            ("x-Y", "ích i dài"),
            ("", ""),
        ];
        for (token, expected) in cases {
            assert_eq!(glossary.spell(token), expected, "{token}");
        }
    }

    #[test]
    fn rejects_malformed_glossaries() {
        let cases = [
            "version: 1\nregion: x\nletter_names: {}\ndigit_names: []\nentries: {}\nunits: {}\n",
            "not: [valid",
            "version: 1\nregion: x\nletter_names: {AB: a}\ndigit_names: [a,b,c,d,e,f,g,h,i,j]\nentries: {}\nunits: {}\n",
            "version: 1\nregion: x\nletter_names: {}\ndigit_names: [a,b,c,d,e,f,g,h,i,j]\nentries: {X: {mode: expand}}\nunits: {}\n",
            "version: 1\nregion: x\nletter_names: {}\ndigit_names: [a,b,c,d,e,f,g,h,i,j]\nentries: {X: {mode: expand, say: x, typo: 1}}\nunits: {}\n",
        ];
        for yaml in cases {
            assert!(Glossary::parse(yaml).is_err(), "{yaml}");
        }
    }
}
