//! What bulletins become: text for the announcer, SSML for a speech engine, the files under
//! loa/, the calendar, and the schedule by day, ward and slot.

use super::*;

impl Broadcasts<'_> {
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
        let mut out = self.ssml_start();
        push_ssml_paragraph(&mut out, &b.opening, &self.pronounce);
        for &i in &b.items {
            self.push_item_ssml(&mut out, i);
        }
        push_ssml_break(&mut out, ITEM_BREAK_MS);
        push_ssml_paragraph(&mut out, &b.closing, &self.pronounce);
        out.push_str(SSML_END);
        out
    }

    /// The SSML document up to the first paragraph: the language, the rate.
    pub(super) fn ssml_start(&self) -> String {
        let spm = self.site.config.broadcast.syllables_per_minute.max(1);
        let rate = (u64::from(spm) * 100).div_ceil(u64::from(REFERENCE_SYLLABLES_PER_MINUTE));
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<speak version=\"1.1\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"vi-VN\">\n  <meta name=\"loa:syllables-per-minute\" content=\"{spm}\"/>\n<prosody rate=\"{rate}%\">\n"
        )
    }

    /// One item: the break before it, its paragraphs with the breaks between them.
    pub(super) fn push_item_ssml(&self, out: &mut String, i: usize) {
        push_ssml_break(out, ITEM_BREAK_MS);
        let item = &self.items[i];
        for (n, p) in item.paragraphs.iter().enumerate() {
            if n > 0 {
                push_ssml_break(out, PARAGRAPH_BREAK_MS);
            }
            push_ssml_paragraph(out, p, &self.pronounce);
        }
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
        let host = self
            .site
            .base()
            .split("//")
            .nth(1)
            .unwrap_or("loa")
            .to_owned();
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
                        self.site.base(),
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

/// The end of every SSML document [`Broadcasts::ssml_start`] begins.
pub(super) const SSML_END: &str = "</prosody>\n</speak>\n";

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
    /// The duration comes from the audio.
    pub measured: bool,
    /// The playlist and the pieces' MP3 files in airing order, when the build made them.
    pub playlist: Option<String>,
    pub audio: Vec<AudioEntry>,
}

/// One piece of a bulletin's audio on the schedule page.
#[derive(Serialize)]
pub struct AudioEntry {
    pub label: String,
    pub src: String,
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
                measured: b.measured,
                playlist: b.audio.as_ref().map(|(p, _)| format!("/{p}")),
                audio: b
                    .audio
                    .iter()
                    .flat_map(|(_, files)| {
                        let last = files.len().saturating_sub(1);
                        files.iter().enumerate().map(move |(n, f)| AudioEntry {
                            label: match n {
                                0 => "Lời mở đầu".to_owned(),
                                n if n == last => "Lời kết".to_owned(),
                                n => self.items[b.items[n - 1]].title.clone(),
                            },
                            src: format!("/{f}"),
                        })
                    })
                    .collect(),
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
