//! One page as a bulletin item: its spoken title and paragraphs, and the event dates and times
//! read from its text.

use super::*;

/// Split a paragraph after `.`, `!`, `?` followed by a space.
pub(super) fn sentences(p: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = p.as_bytes();
    for i in 0..bytes.len() {
        if matches!(bytes[i], b'.' | b'!' | b'?') && bytes.get(i + 1) == Some(&b' ') {
            out.push(p[start..=i].trim());
            start = i + 1;
        }
    }
    let rest = p[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// A page's broadcast item: its window (clipped to its publication), its spoken text.
pub(super) fn item(
    site: &Site,
    index: usize,
    page: &Page,
    glossary: &Glossary,
) -> (Item, Vec<Diagnostic>) {
    let block = page.meta.broadcast.as_ref();
    let start = block
        .and_then(|b| b.from)
        .or(page.meta.publish_date.as_ref().map(|d| d.date))
        .or(page.date())
        .unwrap_or(site.today);
    let mut until = block
        .and_then(|b| b.until)
        .unwrap_or_else(|| start.add_days(6));
    if let Some(exp) = &page.meta.expiry_date {
        until = until.min(exp.date.add_days(-1));
    }
    let script = match block.and_then(|b| b.text.as_deref()) {
        Some(text) => {
            let line =
                crate::content::front_matter::locate(&page.front_matter, &["broadcast", "text"])
                    .map_or(1, |(l, _)| l + 2);
            speech::script_from_text(text, line, glossary)
        }
        None => speech::script_from_markdown(&page.body, page.body_line, glossary),
    };
    let priority = block.map(|b| b.priority).unwrap_or_default();
    let title = speech::speak(without_priority_word(&page.title, priority), glossary);
    let lead = match priority {
        Priority::KhanCap => "Thông báo khẩn cấp. ",
        Priority::UuTien => "Thông báo quan trọng. ",
        Priority::ThongThuong => "",
    };
    let mut paragraphs = vec![format!("{lead}{}", capitalise(&end_sentence(&title.text)))];
    paragraphs.extend(script.paragraphs);
    let syllables = paragraphs.iter().map(|p| speech::count_syllables(p)).sum();
    let title_line = crate::content::front_matter::locate(&page.front_matter, &["title"])
        .map_or(1, |(l, _)| l + 1);
    let mut warnings: Vec<Diagnostic> = script
        .warnings
        .into_iter()
        .map(|w| {
            let message = match w.issue {
                speech::ScriptIssue::LeftOut(part) => {
                    Message::Broadcast(BroadcastProblem::LeftOutOfScript { part })
                }
                speech::ScriptIssue::NotInGlossary(token) => {
                    Message::Broadcast(BroadcastProblem::NotInGlossary { token })
                }
                speech::ScriptIssue::Doubtful(kind, token) => {
                    Message::Broadcast(BroadcastProblem::Unsayable { kind, token })
                }
                speech::ScriptIssue::Courtesy(words) => {
                    Message::Broadcast(BroadcastProblem::ItemCourtesy { words })
                }
                speech::ScriptIssue::LongSentence(syllables) => {
                    Message::Broadcast(BroadcastProblem::LongSentence {
                        syllables,
                        limit: speech::MAX_SENTENCE_SYLLABLES,
                    })
                }
            };
            Diagnostic::new(message, Some(Location::new(&page.source, w.line, 1)))
        })
        .collect();
    warnings.extend(title.unknown.iter().map(|u| {
        Diagnostic::new(
            Message::Broadcast(BroadcastProblem::NotInGlossary {
                token: u.token.clone(),
            }),
            Some(Location::new(&page.source, title_line, 1)),
        )
    }));
    warnings.extend(title.doubts.iter().map(|d| {
        Diagnostic::new(
            Message::Broadcast(BroadcastProblem::Unsayable {
                kind: d.kind,
                token: d.token.clone(),
            }),
            Some(Location::new(&page.source, title_line, 1)),
        )
    }));
    let written = match block.and_then(|b| b.text.as_deref()) {
        Some(text) => format!("{}\n{text}", page.title),
        None => format!("{}\n{}", page.title, page.body),
    };
    let item = Item {
        event_ends: event_end(&written, start, until),
        page: index,
        title: page.title.clone(),
        path: page.path.clone(),
        paragraphs,
        syllables,
        priority: block.map(|b| b.priority).unwrap_or_default(),
        from: start,
        until,
        slots: block.and_then(|b| b.slots.clone()).unwrap_or_default(),
        wards: block.map(|b| b.wards.clone()).unwrap_or_default(),
        sort_date: page.sort_date(),
    };
    (item, warnings)
}

/// The title without the word the priority lead already says: "Khẩn: không khí
/// lạnh" under "Thông báo khẩn cấp." would say khẩn twice.
pub(super) fn without_priority_word(title: &str, priority: Priority) -> &str {
    let words: &[&str] = match priority {
        Priority::KhanCap => &[
            "thông báo khẩn cấp",
            "thông báo khẩn",
            "khẩn cấp",
            "hỏa tốc",
            "khẩn",
        ],
        Priority::UuTien => &["thông báo quan trọng", "quan trọng"],
        Priority::ThongThuong => &[],
    };
    let trimmed = title.trim_start().trim_start_matches(['[', '(']);
    for word in words {
        let head = trimmed.get(..word.len()).map(str::to_lowercase);
        if head.as_deref() == Some(*word) {
            let rest = trimmed[word.len()..]
                .trim_start_matches([']', ')', ':', '-', '–', '!', '.', ',', ' ']);
            // "Khẩn: …", "KHẨN - …", "[Khẩn] …", but not "Khẩn trương …".
            let separated = trimmed[word.len()..]
                .trim_start()
                .starts_with([']', ')', ':', '-', '–', '!', '.', ',']);
            if separated && !rest.trim().is_empty() {
                return rest;
            }
        }
    }
    title
}

/// When the event an item announces is over (see [`Item::event_ends`]): the latest
/// date written with a clock time on the same line, when it falls after the item's
/// first day on air and not after its last ("từ 7h30 - 11h00, Thứ 7, ngày 05/12/2026"
/// ends at 11:00 that day). A date on the first day is not taken: a report of what
/// happened that morning still airs in the afternoon.
pub(super) fn event_end(written: &str, from: Date, until: Date) -> Option<(Date, (u8, u8))> {
    written
        .lines()
        .filter_map(|line| {
            let day = written_dates(line, until.year)
                .into_iter()
                .filter(|day| from < *day && *day <= until)
                .max()?;
            Some((day, clock_times(line).into_iter().max()?))
        })
        .max()
}

/// The dates written "d/m" or "d/m/yyyy" in a line; without a year, `year`.
pub(super) fn written_dates(line: &str, year: i32) -> Vec<Date> {
    let bytes = line.as_bytes();
    let number_at = |at: usize| -> (usize, Option<u32>) {
        let len = bytes.get(at..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        });
        (
            at + len,
            line.get(at..at + len).and_then(|d| d.parse().ok()),
        )
    };
    let mut dates = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let (day_end, day) = number_at(i);
        i = day_end.max(i + 1);
        if bytes.get(day_end) != Some(&b'/') {
            continue;
        }
        let (month_end, month) = number_at(day_end + 1);
        let (year_end, written_year) = match bytes.get(month_end) {
            Some(b'/') => number_at(month_end + 1),
            _ => (month_end, None),
        };
        let date = match (day, month) {
            (Some(d), Some(m)) => {
                let y = written_year
                    .and_then(|y| i32::try_from(y).ok())
                    .unwrap_or(year);
                u8::try_from(m)
                    .ok()
                    .zip(u8::try_from(d).ok())
                    .and_then(|(m, d)| Date::new(y, m, d))
            }
            _ => None,
        };
        dates.extend(date);
        i = year_end.max(i);
    }
    dates
}

/// The clock times written in a line: "7h30", "11h00", "14:00", "8h", "7g30".
pub(super) fn clock_times(line: &str) -> Vec<(u8, u8)> {
    let bytes = line.as_bytes();
    let digits_from = |at: usize| {
        bytes.get(at..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let ends_word = |at: usize| bytes.get(at).is_none_or(|b| !b.is_ascii_alphanumeric());
    let mut times = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let hour_end = i + digits_from(i);
        let hour = line.get(i..hour_end).and_then(|h| h.parse::<u8>().ok());
        let time = match bytes.get(hour_end) {
            // The mark is ASCII, so hour_end + 1 is a character boundary.
            Some(b'h' | b'g' | b':') => {
                let minute_end = hour_end + 1 + digits_from(hour_end + 1);
                let minute = line.get(hour_end + 1..minute_end).unwrap_or("");
                match (minute.len(), ends_word(minute_end)) {
                    (2, true) => hour.zip(minute.parse::<u8>().ok()),
                    (0, true) if bytes[hour_end] != b':' => hour.map(|h| (h, 0)),
                    _ => None,
                }
            }
            _ => None,
        };
        times.extend(time.filter(|&(h, m)| h < 24 && m < 60));
        i = hour_end.max(i + 1);
    }
    times
}

pub(super) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub(super) fn end_sentence(s: &str) -> String {
    let t = s.trim();
    if t.ends_with(['.', '!', '?', ':']) {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}
