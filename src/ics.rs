//! iCalendar (RFC 5545) writing for action-month agendas and broadcast schedules: CRLF
//! line ends, lines folded at 75 octets, text escaped. Times are written in UTC from the
//! Vietnam (UTC+7) local times users write, so no VTIMEZONE block is needed.

use crate::date::Date;

/// One calendar event.
pub struct IcsEvent {
    pub uid: String,
    pub start: Date,
    /// Local time `(hour, minute)` in Vietnam; `None` for an all-day event.
    pub time: Option<(u8, u8)>,
    pub minutes: u32,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets without splitting a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn utc_stamp(date: Date, (h, m): (u8, u8), plus_minutes: i64) -> String {
    let local = date.days_since_epoch() * 1440 + i64::from(h) * 60 + i64::from(m) + plus_minutes;
    let utc = local - 7 * 60;
    let day = Date::from_days_since_epoch(utc.div_euclid(1440));
    let mins = utc.rem_euclid(1440);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}00Z",
        day.year,
        day.month,
        day.day,
        mins / 60,
        mins % 60
    )
}

fn date_value(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// A whole calendar. `stamp` is DTSTAMP for every event: a fixed date keeps builds
/// byte-identical.
pub fn calendar(name: &str, stamp: Date, events: &[IcsEvent]) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//loa//loa//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    fold(&format!("X-WR-CALNAME:{}", escape(name)), &mut out);
    fold("X-WR-TIMEZONE:Asia/Ho_Chi_Minh", &mut out);
    let dtstamp = format!("{}T000000Z", date_value(stamp));
    for e in events {
        fold("BEGIN:VEVENT", &mut out);
        fold(&format!("UID:{}", escape(&e.uid)), &mut out);
        fold(&format!("DTSTAMP:{dtstamp}"), &mut out);
        match e.time {
            Some(t) => {
                fold(&format!("DTSTART:{}", utc_stamp(e.start, t, 0)), &mut out);
                fold(
                    &format!(
                        "DTEND:{}",
                        utc_stamp(e.start, t, i64::from(e.minutes.max(1)))
                    ),
                    &mut out,
                );
            }
            None => {
                fold(
                    &format!("DTSTART;VALUE=DATE:{}", date_value(e.start)),
                    &mut out,
                );
                fold(
                    &format!("DTEND;VALUE=DATE:{}", date_value(e.start.add_days(1))),
                    &mut out,
                );
            }
        }
        fold(&format!("SUMMARY:{}", escape(&e.summary)), &mut out);
        if let Some(d) = &e.description {
            fold(&format!("DESCRIPTION:{}", escape(d)), &mut out);
        }
        if let Some(l) = &e.location {
            fold(&format!("LOCATION:{}", escape(l)), &mut out);
        }
        if let Some(u) = &e.url {
            fold(&format!("URL:{u}"), &mut out);
        }
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_vietnam_time_to_utc_and_folds_long_lines() {
        let d = Date::parse("2025-05-01").unwrap();
        assert_eq!(utc_stamp(d, (6, 0), 0), "20250430T230000Z");
        let ev = IcsEvent {
            uid: "a@loa".into(),
            start: d,
            time: Some((7, 30)),
            minutes: 90,
            summary: "Lễ phát động Tháng hành động về an toàn, vệ sinh lao động năm 2025 tại quận"
                .into(),
            description: None,
            location: Some("Nhà văn hóa; phường".into()),
            url: None,
        };
        let text = calendar("Lịch", d, &[ev]);
        assert!(text.contains("DTSTART:20250501T003000Z\r\n"));
        assert!(text.contains("DTEND:20250501T020000Z\r\n"));
        assert!(text.contains("LOCATION:Nhà văn hóa\\; phường"));
        assert!(text.lines().all(|l| l.len() <= 76), "{text}");
        assert!(text.contains("\r\n "), "long summary is folded");
    }
}
