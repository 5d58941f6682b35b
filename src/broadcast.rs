//! Loudspeaker bulletins: which scripts air on which date, in which ward and slot, in
//! what order, and for how long. A bulletin (bản tin) is the station's opening, the items
//! due that day ordered by priority (emergency, priority, normal) then newest first, and
//! the closing. Speech text comes from the `speech` module; this module only selects,
//! orders, times and writes (`.txt`, `.ssml`, `.ics`).

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
    #[serde(skip)]
    pub wards: WardSelection,
    #[serde(skip)]
    sort_date: i64,
}

impl Item {
    fn airs(&self, date: Date, ward: &str, slot: &str) -> bool {
        let in_window = self.from <= date && date <= self.until;
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
                    let items: Vec<usize> = (0..self.items.len())
                        .filter(|&i| self.items[i].airs(date, &ward.slug, &slot.id))
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
        let mut overflow = Vec::new();
        for &i in &items {
            syllables += self.items[i].syllables;
            if seconds_for(syllables, spm) > slot_seconds {
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
            seconds: seconds_for(syllables, spm),
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
                    Message::BulletinTooLong {
                        date: first.date.to_string(),
                        ward: first.ward.clone(),
                        slot: first.slot.clone(),
                        lasts: minutes_label(first.seconds),
                        slot_length: minutes_label(first.slot_seconds),
                        more: list.len() - 1,
                        items: names,
                    },
                    Some(Location::new(&page.source, 1, 1)),
                )
            })
            .collect()
    }

    /// The bulletin as plain text: one paragraph per line, readable aloud as it is.
    pub fn text(&self, b: &Bulletin) -> String {
        let mut out = String::new();
        out.push_str(&b.opening);
        out.push('\n');
        for &i in &b.items {
            for p in &self.items[i].paragraphs {
                out.push_str(p);
                out.push('\n');
            }
        }
        out.push_str(&b.closing);
        out.push('\n');
        out
    }

    /// The bulletin as SSML 1.1: a paragraph per paragraph, sentences as `<s>`, a pause
    /// between paragraphs and a longer one between items.
    pub fn ssml(&self, b: &Bulletin) -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"vi-VN\">\n",
        );
        push_ssml_paragraph(&mut out, &b.opening);
        for &i in &b.items {
            out.push_str("  <break time=\"1500ms\"/>\n");
            let item = &self.items[i];
            for (n, p) in item.paragraphs.iter().enumerate() {
                if n > 0 {
                    out.push_str("  <break time=\"700ms\"/>\n");
                }
                push_ssml_paragraph(&mut out, p);
            }
        }
        out.push_str("  <break time=\"1500ms\"/>\n");
        push_ssml_paragraph(&mut out, &b.closing);
        out.push_str("</speak>\n");
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

fn seconds_for(syllables: usize, per_minute: usize) -> u32 {
    (syllables * 60).div_ceil(per_minute) as u32
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
    let title = speech::speak(&page.title, glossary);
    let lead = match block.map(|b| b.priority).unwrap_or_default() {
        Priority::KhanCap => "Thông báo khẩn cấp. ",
        Priority::UuTien => "Thông báo quan trọng. ",
        Priority::ThongThuong => "",
    };
    let mut paragraphs = vec![format!("{lead}{}", end_sentence(&title.text))];
    paragraphs.extend(script.paragraphs);
    let syllables = paragraphs.iter().map(|p| speech::count_syllables(p)).sum();
    let title_line = crate::content::front_matter::locate(&page.front_matter, &["title"])
        .map_or(1, |(l, _)| l + 1);
    let mut warnings: Vec<Diagnostic> = script
        .warnings
        .into_iter()
        .map(|w| {
            let message = match w.issue {
                speech::ScriptIssue::LeftOut(part) => Message::LeftOutOfScript { part },
                speech::ScriptIssue::NotInGlossary(token) => Message::NotInGlossary { token },
                speech::ScriptIssue::Doubtful(kind, token) => Message::Unsayable { kind, token },
            };
            Diagnostic::new(message, Some(Location::new(&page.source, w.line, 1)))
        })
        .collect();
    warnings.extend(title.unknown.iter().map(|u| {
        Diagnostic::new(
            Message::NotInGlossary {
                token: u.token.clone(),
            },
            Some(Location::new(&page.source, title_line, 1)),
        )
    }));
    warnings.extend(title.doubts.iter().map(|d| {
        Diagnostic::new(
            Message::Unsayable {
                kind: d.kind,
                token: d.token.clone(),
            },
            Some(Location::new(&page.source, title_line, 1)),
        )
    }));
    let item = Item {
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
        assert_eq!(seconds_for(180, 180), 60);
        assert_eq!(seconds_for(181, 180), 61);
    }
}
