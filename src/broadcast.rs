//! Loudspeaker bulletins: which scripts air on which date, in which ward and slot, in
//! what order, and for how long. A bulletin (bản tin) is the station's opening, the items
//! due that day ordered by priority (emergency, priority, normal) then newest first, and
//! the closing. Speech text comes from the `speech` module; this module only selects,
//! orders, times and writes (`.txt`, `.ssml`, `.ics`).

use crate::error::BroadcastProblem;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::front_matter::{Priority, WardSelection};
use crate::content::kind::Kind;
use crate::content::{Page, Site};
use crate::date::Date;
use crate::error::{Diagnostic, Location, Message};
use crate::speech::{self, Glossary};

/// How many days of bulletins a build writes, from the build date on.
pub const DAYS_AHEAD: i64 = 14;

/// A broadcast item: one page's spoken script and when and where it airs.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Index of the page in `site.pages`.
    #[serde(skip)]
    pub page: usize,
    pub title: String,
    pub path: String,
    /// The spoken title, then the paragraphs, each already normalized.
    pub paragraphs: Vec<String>,
    pub syllables: usize,
    pub priority: Priority,
    pub from: Date,
    pub until: Date,
    /// Slot ids; empty = every slot.
    #[serde(skip)]
    pub slots: Vec<String>,
    /// When the event the item announces is over (see `event_end`): a slot at or
    /// after it does not air the item.
    #[serde(skip)]
    pub event_ends: Option<(Date, (u8, u8))>,
    #[serde(skip)]
    pub wards: WardSelection,
    #[serde(skip)]
    sort_date: i64,
}

impl Item {
    fn airs(&self, date: Date, ward: &str, slot: &str, slot_time: Option<(u8, u8)>) -> bool {
        let event_over = match (self.event_ends, slot_time) {
            (Some((day, ends)), Some(time)) => date > day || (date == day && time >= ends),
            _ => false,
        };
        let in_window = self.from <= date && date <= self.until && !event_over;
        let in_ward = match &self.wards {
            WardSelection::All => true,
            WardSelection::Only(list) => list.iter().any(|w| w == ward),
        };
        // An emergency opens every bulletin of every slot in its wards.
        let in_slot = self.priority == Priority::KhanCap
            || self.slots.is_empty()
            || self.slots.iter().any(|s| s == slot);
        in_window && in_ward && in_slot
    }
}

/// One bulletin: the items due on one date, in one ward, in one slot.
#[derive(Debug, Clone, Serialize)]
pub struct Bulletin {
    pub date: Date,
    /// Ward slug.
    pub ward: String,
    /// Slot id.
    pub slot: String,
    pub opening: String,
    /// Indexes into [`Broadcasts::items`], in reading order.
    pub items: Vec<usize>,
    pub closing: String,
    pub syllables: usize,
    /// Estimated spoken duration at the site's syllables per minute.
    pub seconds: u32,
    /// The slot's length.
    pub slot_seconds: u32,
    /// Items (indexes) that start after the slot's time is used up.
    pub overflow: Vec<usize>,
}

/// Every broadcast item of a site, with the glossary that spoke them.
pub struct Broadcasts<'a> {
    site: &'a Site,
    glossary: Glossary,
    pub items: Vec<Item>,
    /// Parts of pages that cannot be spoken, unknown abbreviations.
    pub warnings: Vec<Diagnostic>,
}

/// The glossary of a site: built-in defaults with site.toml's `[glossary]` over them.
pub fn glossary(site: &Site) -> Glossary {
    Glossary::builtin().with_overrides(&site.config.glossary)
}

/// Whether `page` is read on the loudspeakers (its markdown body is spoken).
pub(crate) fn is_broadcast(site: &Site, page: &Page) -> bool {
    page.meta.broadcast.is_some() || site.section_of(page).kind == Kind::Broadcast
}

impl<'a> Broadcasts<'a> {
    /// Speak every published page that has a `broadcast` block.
    pub fn new(site: &'a Site) -> Broadcasts<'a> {
        let glossary = glossary(site);
        let mut items = Vec::new();
        let mut warnings = Vec::new();
        for (i, page) in site.pages.iter().enumerate() {
            if !is_broadcast(site, page) {
                continue;
            }
            let (item, w) = item(site, i, page, &glossary);
            items.push(item);
            warnings.extend(w);
        }
        items.sort_by(|a, b| {
            a.priority
                .cmp(&b.priority)
                .then(b.sort_date.cmp(&a.sort_date))
                .then(a.path.cmp(&b.path))
        });
        Broadcasts {
            site,
            glossary,
            items,
            warnings,
        }
    }

    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Bulletins for every date in `from..=to`, ward and slot that has at least one item.
    pub fn bulletins(&self, from: Date, to: Date) -> Vec<Bulletin> {
        let mut out = Vec::new();
        if self.items.is_empty() {
            return out;
        }
        let config = &self.site.config;
        let mut date = from;
        while date <= to {
            for ward in &config.wards {
                for slot in &config.broadcast.slots {
                    let time = crate::date::parse_hhmm(&slot.time);
                    let items: Vec<usize> = (0..self.items.len())
                        .filter(|&i| self.items[i].airs(date, &ward.slug, &slot.id, time))
                        .collect();
                    if !items.is_empty() {
                        out.push(self.bulletin(date, &ward.slug, &slot.id, items));
                    }
                }
            }
            date = date.add_days(1);
        }
        out
    }

    fn bulletin(&self, date: Date, ward: &str, slot: &str, items: Vec<usize>) -> Bulletin {
        let config = &self.site.config;
        let ward_name = config.ward(ward).map_or(ward, |w| w.name.as_str());
        let station = config.broadcast.station.replace("{ward}", ward_name);
        let spoken_date = format!("ngày {}/{}/{}", date.day, date.month, date.year);
        let fill = |t: &str| {
            t.replace("{station}", &station)
                .replace("{ward}", ward_name)
                .replace("{date}", &spoken_date)
        };
        let opening = speech::speak(&fill(&config.broadcast.opening), &self.glossary).text;
        let closing = speech::speak(&fill(&config.broadcast.closing), &self.glossary).text;
        let spm = config.broadcast.syllables_per_minute.max(1) as usize;
        let slot_seconds = config.slot(slot).map_or(0, |s| s.minutes * 60);
        let mut syllables = speech::count_syllables(&opening) + speech::count_syllables(&closing);
        // The break before the closing; each item adds its own breaks below.
        let mut pause_ms = ITEM_BREAK_MS;
        let mut overflow = Vec::new();
        for &i in &items {
            syllables += self.items[i].syllables;
            pause_ms += item_pauses_ms(&self.items[i]);
            if seconds_for(syllables, spm, pause_ms) > slot_seconds {
                overflow.push(i);
            }
        }
        Bulletin {
            date,
            ward: ward.to_owned(),
            slot: slot.to_owned(),
            opening,
            items,
            closing,
            syllables,
            seconds: seconds_for(syllables, spm, pause_ms),
            slot_seconds,
            overflow,
        }
    }

    /// A warning for each set of items that overflows its slot, naming what does not fit
    /// and the first bulletin concerned (one warning, not one per day and ward).
    pub fn overlong_warnings(&self, bulletins: &[Bulletin]) -> Vec<Diagnostic> {
        let mut groups: BTreeMap<&[usize], Vec<&Bulletin>> = BTreeMap::new();
        for b in bulletins.iter().filter(|b| !b.overflow.is_empty()) {
            groups.entry(b.overflow.as_slice()).or_default().push(b);
        }
        groups
            .into_iter()
            .map(|(overflow, list)| {
                let first = list[0];
                let names: Vec<String> = overflow
                    .iter()
                    .map(|&i| format!("\"{}\"", self.items[i].title))
                    .collect();
                let page = &self.site.pages[self.items[overflow[0]].page];
                Diagnostic::new(
                    Message::Broadcast(BroadcastProblem::BulletinTooLong {
                        date: first.date.to_string(),
                        ward: first.ward.clone(),
                        slot: first.slot.clone(),
                        lasts: minutes_label(first.seconds),
                        slot_length: minutes_label(first.slot_seconds),
                        more: list.len() - 1,
                        items: names,
                    }),
                    Some(Location::new(&page.source, 1, 1)),
                )
            })
            .collect()
    }

    /// The bulletin as plain text: one paragraph per line, readable aloud as it is, with
    /// a [`ITEM_MARK`] line (not read) where the opening, each item and the closing end.
    pub fn text(&self, b: &Bulletin) -> String {
        let mut out = String::new();
        out.push_str(&b.opening);
        out.push('\n');
        for &i in &b.items {
            out.push_str(ITEM_MARK);
            out.push('\n');
            for p in &self.items[i].paragraphs {
                out.push_str(p);
                out.push('\n');
            }
        }
        out.push_str(ITEM_MARK);
        out.push('\n');
        out.push_str(&b.closing);
        out.push('\n');
        out
    }

    /// The bulletin as SSML 1.1: a paragraph per paragraph, sentences as `<s>`, a pause
    /// between paragraphs and a longer one between items.
    ///
    /// The whole bulletin sits in `<prosody rate="N%">`, where 100% is
    /// [`REFERENCE_SYLLABLES_PER_MINUTE`]: an engine tuned to read at that rate (espeak-ng
    /// `-s 135` does) then reads at the site's `syllables_per_minute`, the rate the
    /// schedule is timed by.
    pub fn ssml(&self, b: &Bulletin) -> String {
        let spm = self.site.config.broadcast.syllables_per_minute.max(1);
        let rate = (u64::from(spm) * 100).div_ceil(u64::from(REFERENCE_SYLLABLES_PER_MINUTE));
        let mut out = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"vi-VN\">\n  <meta name=\"loa:syllables-per-minute\" content=\"{spm}\"/>\n<prosody rate=\"{rate}%\">\n"
        );
        push_ssml_paragraph(&mut out, &b.opening);
        for &i in &b.items {
            push_ssml_break(&mut out, ITEM_BREAK_MS);
            let item = &self.items[i];
            for (n, p) in item.paragraphs.iter().enumerate() {
                if n > 0 {
                    push_ssml_break(&mut out, PARAGRAPH_BREAK_MS);
                }
                push_ssml_paragraph(&mut out, p);
            }
        }
        push_ssml_break(&mut out, ITEM_BREAK_MS);
        push_ssml_paragraph(&mut out, &b.closing);
        out.push_str("</prosody>\n</speak>\n");
        out
    }

    /// Output files: `loa/YYYY-MM-DD/<ward>-<slot>.txt|.ssml` and `loa/lich-phat-thanh.ics`.
    pub fn files(&self, bulletins: &[Bulletin]) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::with_capacity(bulletins.len() * 2 + 1);
        for b in bulletins {
            let base = format!("{DIR}/{}/{}-{}", b.date, b.ward, b.slot);
            out.push((format!("{base}.txt"), self.text(b).into_bytes()));
            out.push((format!("{base}.ssml"), self.ssml(b).into_bytes()));
        }
        out.push((
            format!("{DIR}/{CALENDAR}"),
            self.calendar(bulletins).into_bytes(),
        ));
        out
    }

    fn calendar(&self, bulletins: &[Bulletin]) -> String {
        let config = &self.site.config;
        let host = config.base().split("//").nth(1).unwrap_or("loa").to_owned();
        let events: Vec<crate::ics::IcsEvent> = bulletins
            .iter()
            .map(|b| {
                let ward = config
                    .ward(&b.ward)
                    .map_or(b.ward.as_str(), |w| w.name.as_str());
                let slot = config.slot(&b.slot);
                let titles: Vec<&str> = b
                    .items
                    .iter()
                    .map(|&i| self.items[i].title.as_str())
                    .collect();
                crate::ics::IcsEvent {
                    uid: format!("{}-{}-{}@{host}", b.date, b.ward, b.slot),
                    start: b.date,
                    time: slot.and_then(|s| crate::date::parse_hhmm(&s.time)),
                    minutes: b.seconds.div_ceil(60).max(1),
                    summary: format!(
                        "Bản tin {} — {}",
                        slot.map_or(b.slot.as_str(), |s| s.name.as_str())
                            .to_lowercase(),
                        ward
                    ),
                    description: Some(titles.join("\n")),
                    location: Some(ward.to_owned()),
                    url: Some(format!(
                        "{}/{DIR}/{}/{}-{}.txt",
                        config.base(),
                        b.date,
                        b.ward,
                        b.slot
                    )),
                }
            })
            .collect();
        crate::ics::calendar(
            &format!("Lịch phát thanh — {}", config.title),
            self.site.today,
            &events,
        )
    }
}

/// Folder of the loudspeaker outputs inside the portal.
pub const DIR: &str = "loa";
pub const CALENDAR: &str = "lich-phat-thanh.ics";

/// The line between the parts of a bulletin's `.txt`: the announcer sees where an item
/// ends; it is not read.
pub const ITEM_MARK: &str = "* * *";

/// The SSML pause before each item and before the closing.
pub const ITEM_BREAK_MS: u64 = 1500;
/// The SSML pause between two paragraphs of an item.
pub const PARAGRAPH_BREAK_MS: u64 = 700;

/// The speaking rate written as `<prosody rate="100%">` in the SSML.
pub const REFERENCE_SYLLABLES_PER_MINUTE: u32 = 180;

/// The pauses an item adds to its bulletin: the break before it and one between each
/// two of its paragraphs.
fn item_pauses_ms(item: &Item) -> u64 {
    let paragraphs = item.paragraphs.len() as u64;
    ITEM_BREAK_MS + PARAGRAPH_BREAK_MS * paragraphs.saturating_sub(1)
}

/// The spoken duration: the syllables at the site's rate plus the SSML's own pauses,
/// rounded up to the second.
fn seconds_for(syllables: usize, per_minute: usize, pause_ms: u64) -> u32 {
    let speech_ms = (syllables as u64 * 60_000).div_ceil(per_minute.max(1) as u64);
    u32::try_from((speech_ms + pause_ms).div_ceil(1000)).unwrap_or(u32::MAX)
}

/// `95` -> `1 phút 35 giây`.
pub fn minutes_label(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} giây"),
        (m, 0) => format!("{m} phút"),
        (m, s) => format!("{m} phút {s} giây"),
    }
}

fn xml_text(s: &str) -> String {
    crate::render::feeds::xml_escape(s)
}

fn push_ssml_break(out: &mut String, ms: u64) {
    out.push_str(&format!("  <break time=\"{ms}ms\"/>\n"));
}

fn push_ssml_paragraph(out: &mut String, paragraph: &str) {
    out.push_str("  <p>");
    for s in sentences(paragraph) {
        out.push_str("<s>");
        out.push_str(&xml_text(s));
        out.push_str("</s>");
    }
    out.push_str("</p>\n");
}

/// Split a paragraph after `.`, `!`, `?` followed by a space.
fn sentences(p: &str) -> Vec<&str> {
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
fn item(site: &Site, index: usize, page: &Page, glossary: &Glossary) -> (Item, Vec<Diagnostic>) {
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
fn without_priority_word(title: &str, priority: Priority) -> &str {
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
fn event_end(written: &str, from: Date, until: Date) -> Option<(Date, (u8, u8))> {
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
fn written_dates(line: &str, year: i32) -> Vec<Date> {
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
fn clock_times(line: &str) -> Vec<(u8, u8)> {
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

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn end_sentence(s: &str) -> String {
    let t = s.trim();
    if t.ends_with(['.', '!', '?', ':']) {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}

/// A view of the bulletins for the announcers' schedule page, grouped by date.
#[derive(Serialize)]
pub struct ScheduleDay {
    pub date: String,
    pub bulletins: Vec<ScheduleEntry>,
}

#[derive(Serialize)]
pub struct ScheduleEntry {
    pub ward: String,
    pub ward_name: String,
    pub slot: String,
    pub slot_name: String,
    pub time: String,
    pub duration: String,
    pub over: bool,
    pub titles: Vec<String>,
    pub txt: String,
    pub ssml: String,
}

impl Broadcasts<'_> {
    pub fn schedule(&self, bulletins: &[Bulletin]) -> Vec<ScheduleDay> {
        let config = &self.site.config;
        let mut days: BTreeMap<Date, Vec<ScheduleEntry>> = BTreeMap::new();
        for b in bulletins {
            let slot = config.slot(&b.slot);
            let base = format!("/{DIR}/{}/{}-{}", b.date, b.ward, b.slot);
            days.entry(b.date).or_default().push(ScheduleEntry {
                ward: b.ward.clone(),
                ward_name: config
                    .ward(&b.ward)
                    .map_or_else(|| b.ward.clone(), |w| w.name.clone()),
                slot: b.slot.clone(),
                slot_name: slot.map_or_else(|| b.slot.clone(), |s| s.name.clone()),
                time: slot.map_or_else(String::new, |s| s.time.clone()),
                duration: minutes_label(b.seconds),
                over: !b.overflow.is_empty(),
                titles: b
                    .items
                    .iter()
                    .map(|&i| self.items[i].title.clone())
                    .collect(),
                txt: format!("{base}.txt"),
                ssml: format!("{base}.ssml"),
            });
        }
        days.into_iter()
            .map(|(d, bulletins)| ScheduleDay {
                date: d.to_string(),
                bulletins,
            })
            .collect()
    }
}

/// Bulletins of a site between two dates (for reports).
pub fn bulletins(site: &Site, from: Date, to: Date) -> Vec<Bulletin> {
    Broadcasts::new(site).bulletins(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_and_labels_minutes() {
        assert_eq!(sentences("Một. Hai! Ba"), vec!["Một.", "Hai!", "Ba"]);
        assert_eq!(minutes_label(95), "1 phút 35 giây");
        assert_eq!(minutes_label(900), "15 phút");
        assert_eq!(seconds_for(180, 180, 0), 60);
        assert_eq!(seconds_for(181, 180, 0), 61);
        assert_eq!(
            seconds_for(180, 180, 3 * ITEM_BREAK_MS + PARAGRAPH_BREAK_MS),
            66
        );
    }

    #[test]
    fn priority_word_is_not_said_twice() {
        let cases = [
            ("Khẩn: không khí lạnh", Priority::KhanCap, "không khí lạnh"),
            ("KHẨN CẤP - Cháy chợ", Priority::KhanCap, "Cháy chợ"),
            ("[Khẩn] Mưa lớn", Priority::KhanCap, "Mưa lớn"),
            (
                "Khẩn trương tiêm phòng",
                Priority::KhanCap,
                "Khẩn trương tiêm phòng",
            ),
            ("Khẩn:", Priority::KhanCap, "Khẩn:"),
            ("Khẩn: gió", Priority::ThongThuong, "Khẩn: gió"),
            ("Quan trọng: lịch mới", Priority::UuTien, "lịch mới"),
        ];
        for (title, priority, expected) in cases {
            assert_eq!(without_priority_word(title, priority), expected, "{title}");
        }
    }

    #[test]
    fn finds_when_an_announced_event_is_over() {
        let day = |d| Date::new(2026, 12, d).expect("a date");
        let text = "Khám miễn phí\n- Thời gian: từ 7h30 - 11h00, Thứ 7, ngày 05/12/2026.\n";
        assert_eq!(event_end(text, day(1), day(5)), Some((day(5), (11, 0))));
        // A time on the first day on air is a report, not an invitation.
        let report = "Khoảng 9h15 ngày 1/12, một thợ xây bị ngã.";
        assert_eq!(event_end(report, day(1), day(5)), None);
        // A date without a time, or outside the window, says nothing.
        assert_eq!(event_end("Hạn chót 5/12.", day(1), day(5)), None);
        assert_eq!(event_end("Lúc 8h ngày 9/12.", day(1), day(5)), None);
        assert_eq!(
            clock_times("7h30, 14:00, 8h, 7g05, 25h, 3/4, ca2h"),
            [(7, 30), (14, 0), (8, 0), (7, 5)]
        );
        assert_eq!(
            written_dates("ngày 5/12 và 06/12/2025, số 31/2", 2026),
            [day(5), Date::new(2025, 12, 6).expect("a date")]
        );
    }
}
