//! Privacy rules of violation notices: who a notice may name, the mask that hides a person's
//! name, personal numbers and fines that add up.

use super::*;

/// What a violation notice must not publish about a person, and the mask that hides
/// the person's name (`None` when nobody is to be masked).
pub(super) fn check_privacy(c: &mut Checker, v: &ViolationFields, meta: &Common) -> Option<Mask> {
    let name = match masked_name(v) {
        Ok(name) => name?,
        Err(refusal) => {
            let loc = c.at(&["subject_type"]);
            c.report(*refusal, loc);
            return None;
        }
    };
    let mask = Mask::new(name)?;
    for alias in &meta.aliases {
        if mask.apply(alias, true).is_some() {
            let loc = c.at_value("aliases", alias);
            c.report(
                Message::Privacy(PrivacyProblem::NameInAlias {
                    alias: alias.clone(),
                }),
                loc,
            );
        }
    }
    Some(mask)
}

/// The name a notice masks: `Ok(None)` when it names nobody to hide (a body, or a name
/// published on a legal basis). A subject that reads as a person is never shown in full
/// by mistake: declared an organization, it is refused (`Err`, E036).
pub(crate) fn masked_name(v: &ViolationFields) -> Result<Option<&str>, Box<Message>> {
    let subject = v.subject.as_deref().unwrap_or_default().trim();
    if subject.is_empty() || v.publish_name {
        return Ok(None);
    }
    let reading = privacy::read_subject(subject);
    Ok(Some(match (v.subject_type, reading) {
        (Some(SubjectType::Organization), Reading::Person(_) | Reading::Household(_)) => {
            return Err(Box::new(Message::Privacy(
                PrivacyProblem::SubjectIsAPerson {
                    subject: subject.to_owned(),
                    household: matches!(reading, Reading::Household(_)),
                },
            )));
        }
        (Some(SubjectType::Organization) | None, Reading::Organization) => return Ok(None),
        // Without a subject_type (a draft), what the subject reads as decides.
        (Some(SubjectType::Individual), _) | (None, Reading::Person(_)) => {
            privacy::name_of(subject)
        }
        // A household business is masked when it carries its owner's name.
        (Some(SubjectType::Household), _) | (None, Reading::Household(_)) => {
            let owner = privacy::name_of(subject);
            match privacy::read_subject(owner) {
                Reading::Person(start) => &owner[start..],
                _ => return Ok(None),
            }
        }
    }))
}

pub(super) fn check_violation(
    c: &mut Checker,
    f: &ViolationFields,
    body: &str,
    config: &SiteConfig,
) {
    let k = Kind::Violation;
    for (name, missing, ex) in [
        (
            "subject",
            blank(&f.subject),
            "subject: \"Công ty TNHH Minh Họa\"",
        ),
        (
            "subject_type",
            f.subject_type.is_none(),
            "subject_type: organization",
        ),
        (
            "decision_no",
            blank(&f.decision_no),
            "decision_no: \"123/QĐ-XPHC\"",
        ),
        (
            "decision_date",
            f.decision_date.is_none(),
            "decision_date: 2025-03-05",
        ),
        ("issuer", blank(&f.issuer), "issuer: \"Chủ tịch UBND quận\""),
        ("status", f.status.is_none(), "status: xu-phat-hanh-chinh"),
    ] {
        if missing {
            c.missing(k, name, ex);
        }
    }
    if f.violations.is_empty() {
        c.missing(
            k,
            "violations",
            "violations: [{description: \"...\", legal_basis: \"...\", fine: 15000000}]",
        );
    }
    let sum: u64 = f.violations.iter().map(|v| v.fine.0).sum();
    if let Some(Dong(total)) = f.total_fine
        && total != sum
    {
        let loc = c.at(&["total_fine"]);
        c.report(
            Message::FrontMatter(FrontMatterProblem::FinesDoNotAddUp {
                total: crate::render::filters::group_thousands(total),
                sum: crate::render::filters::group_thousands(sum),
            }),
            loc,
        );
    }
    if f.publish_name
        && f.publication_basis
            .as_deref()
            .is_none_or(|b| b.trim().is_empty())
    {
        let loc = c.at(&["publish_name"]);
        c.report(Message::Privacy(PrivacyProblem::NameWithoutBasis), loc);
    }
    if let Some(w) = &f.ward {
        check_ward(c, "ward", w, config);
    }
    let body_line = c.yaml_line + c.yaml.matches('\n').count() + 1;
    let yaml = c.yaml;
    for (text, first_line) in [(yaml, c.yaml_line), (body, body_line)] {
        for (offset, found, what) in personal_numbers(text) {
            let (l, col) = crate::config::line_col(text, offset);
            let loc = Some(Location::new(c.path, first_line + l - 1, col));
            c.report(
                Message::Privacy(PrivacyProblem::PersonalNumber { what, found }),
                loc,
            );
        }
    }
}

/// Citizen-ID numbers (12 digits) and mobile phone numbers (10 digits starting 03, 05,
/// 07, 08, 09, possibly grouped with spaces or dots) in a text.
pub(super) fn personal_numbers(text: &str) -> Vec<(usize, String, PersonalNumber)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut digits = String::new();
        while j < bytes.len()
            && (bytes[j].is_ascii_digit()
                || ((bytes[j] == b' ' || bytes[j] == b'.')
                    && j + 1 < bytes.len()
                    && bytes[j + 1].is_ascii_digit()))
        {
            if bytes[j].is_ascii_digit() {
                digits.push(bytes[j] as char);
            }
            j += 1;
        }
        let written = &text[i..j];
        let plain_run = !written.contains([' ', '.']);
        if digits.len() == 12 && plain_run && digits.starts_with('0') {
            out.push((i, written.to_owned(), PersonalNumber::CitizenId));
        } else if digits.len() == 10 && matches!(&digits[..2], "03" | "05" | "07" | "08" | "09") {
            out.push((i, written.to_owned(), PersonalNumber::Phone));
        }
        i = j.max(i + 1);
    }
    out
}
