//! The speech module against the project's reference: every row of the golden file
//! must pass under the README's comparison rule, and the copies kept in this crate must
//! be the shared reference byte for byte.

use std::path::{Path, PathBuf};

use loa::speech::*;
use unicode_normalization::UnicodeNormalization;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// NFC, Unicode lowercase, runs of white space collapsed to one space, trimmed;
/// punctuation compared as it is.
fn comparable(text: &str) -> String {
    let lowered: String = text.nfc().collect::<String>().to_lowercase();
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Row<'a> {
    id: &'a str,
    input: &'a str,
    expected: &'a str,
}

fn golden_rows(tsv: &str) -> Vec<Row<'_>> {
    tsv.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert!(
                fields.len() >= 4,
                "golden row with too few fields: {line:?}"
            );
            Row {
                id: fields[0],
                input: fields[2],
                expected: fields[3],
            }
        })
        .collect()
}

#[test]
fn every_golden_row_is_said_as_expected() {
    let path = manifest_dir().join("tests/data/golden-public.tsv");
    let golden = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    let glossary = Glossary::builtin();
    let rows = golden_rows(&golden);
    assert!(rows.len() > 100, "the golden file looks truncated");
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|row| {
            let said = speak(row.input, &glossary).text;
            (comparable(&said) != comparable(row.expected)).then(|| {
                format!(
                    "{}: {:?}\n   said     {:?}\n   expected {:?}",
                    row.id, row.input, said, row.expected
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} golden rows fail:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// Asserts that `copy` equals the shared reference at `shared`, when the shared folder
/// exists beside the crate (it does in the project's work tree and in CI).
fn assert_same_as_shared(copy: &Path, shared: &Path) {
    let Ok(reference) = std::fs::read(shared) else {
        return;
    };
    let ours = std::fs::read(copy).unwrap_or_default();
    assert!(
        ours == reference,
        "{} differs from {}; copy the shared file over it",
        copy.display(),
        shared.display()
    );
}

#[test]
fn golden_copy_matches_shared_reference() {
    let dir = manifest_dir();
    assert_same_as_shared(
        &dir.join("tests/data/golden-public.tsv"),
        &dir.join("../shared/speech/golden-public.tsv"),
    );
}

#[test]
fn builtin_glossary_matches_shared_reference() {
    let dir = manifest_dir();
    assert_same_as_shared(
        &dir.join("src/speech/glossary-vi.yaml"),
        &dir.join("../shared/speech/glossary-vi.yaml"),
    );
}

#[test]
fn comparison_rule_ignores_case_and_spacing_but_not_punctuation() {
    assert_eq!(comparable("  Phần MỘT.\tMục  đích "), "phần một. mục đích");
    assert_ne!(comparable("a, b"), comparable("a b"));
}

#[test]
fn site_glossary_entries_are_spoken() {
    let extra = std::collections::BTreeMap::from([
        ("TDP".to_string(), "tổ dân phố".to_string()),
        ("BNN".to_string(), "Bộ Nông nghiệp".to_string()),
    ]);
    let glossary = Glossary::builtin().with_overrides(&extra);
    let spoken = speak("Họp TDP số 5 với BNN", &glossary);
    assert_eq!(spoken.text, "Họp tổ dân phố số năm với Bộ Nông nghiệp");
    assert!(spoken.unknown.is_empty());
    assert!(glossary.knows("TDP"));
}

#[test]
fn unknown_tokens_are_spelled_and_reported_with_offsets() {
    let spoken = speak("Báo cáo TNLX của Sở", &Glossary::builtin());
    assert_eq!(spoken.text, "Báo cáo tê nờ lờ ích của Sở");
    let unknown: Vec<(&str, usize)> = spoken
        .unknown
        .iter()
        .map(|u| (u.token.as_str(), u.offset))
        .collect();
    assert_eq!(unknown, [("TNLX", "Báo cáo ".len())]);
}

#[test]
fn script_and_syllable_count_work_together() {
    let script = script_from_markdown("# THÔNG BÁO\n\n1. Gọi 114.\n", 1, &Glossary::builtin());
    assert_eq!(
        script.paragraphs,
        ["Thông báo.", "Một là, Gọi một một bốn."]
    );
    let syllables: usize = script.paragraphs.iter().map(|p| count_syllables(p)).sum();
    assert_eq!(syllables, 2 + 6);
}
