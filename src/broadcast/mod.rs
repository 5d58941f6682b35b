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

pub mod audio;
mod item;
mod schedule;
mod timing;

use item::*;
pub use schedule::*;
pub use timing::*;

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
    /// `seconds` and `overflow` come from the bulletin's audio, not the estimate.
    pub measured: bool,
    /// The bulletin's playlist (`loa/…/<ward>-<slot>.m3u8`) and its pieces' audio
    /// files in airing order, when the build made them.
    #[serde(skip)]
    pub audio: Option<(String, Vec<String>)>,
}

/// Every broadcast item of a site, with the glossary that spoke them.
pub struct Broadcasts<'a> {
    site: &'a Site,
    glossary: Glossary,
    pronounce: Pronounce,
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
            pronounce: Pronounce::of(&site.config.broadcast),
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
            measured: false,
            audio: None,
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
}

#[cfg(test)]
mod tests;
