//! Events and broadcasts on a page: when and where a bulletin airs, a page's agenda by day.

use super::*;

/// A `broadcast` block for readers: dates, slots by name and time, wards by name.
#[derive(Serialize)]
pub struct Airing<'a> {
    pub from: Option<String>,
    pub until: Option<String>,
    /// `Buổi sáng (06:00)`, in the order of site.toml.
    pub slots: Vec<String>,
    /// True when every ward airs it; `wards` is then empty.
    pub all_wards: bool,
    pub wards: Vec<Link<'a>>,
    /// `khan-cap`, `uu-tien` or `thong-thuong`.
    pub priority: &'static str,
    pub priority_label: &'static str,
}

pub(super) fn airing<'a>(b: &'a BroadcastBlock, page: &Page, config: &'a SiteConfig) -> Airing<'a> {
    let slots = config
        .broadcast
        .slots
        .iter()
        .filter(|s| b.slots.as_ref().is_none_or(|ids| ids.contains(&s.id)))
        .map(|s| format!("{} ({})", s.name, s.time))
        .collect();
    let (all_wards, wards) = match &b.wards {
        WardSelection::All => (true, Vec::new()),
        WardSelection::Only(list) => (
            false,
            list.iter().filter_map(|w| ward_link(w, config)).collect(),
        ),
    };
    Airing {
        from: b.from.or_else(|| page.date()).map(|d| d.to_string()),
        until: b.until.map(|d| d.to_string()),
        slots,
        all_wards,
        wards,
        priority: match b.priority {
            Priority::KhanCap => "khan-cap",
            Priority::UuTien => "uu-tien",
            Priority::ThongThuong => "thong-thuong",
        },
        priority_label: b.priority.label_vi(),
    }
}

#[derive(Serialize)]
pub struct AgendaDay<'a> {
    pub date: String,
    pub events: Vec<EventView<'a>>,
}

/// An agenda event with its organizer and ward resolved to names.
#[derive(Serialize)]
pub struct EventView<'a> {
    pub date: String,
    pub time: Option<&'a str>,
    pub title: &'a str,
    pub place: Option<&'a str>,
    /// The agency's name when `organizer` is an agency id, else the text as written.
    pub organizer: Option<&'a str>,
    pub ward: Option<Link<'a>>,
}

/// An action month's events in date and time order.
pub fn events<'a>(page: &'a Page, config: &'a SiteConfig) -> Vec<EventView<'a>> {
    let KindFields::ActionMonth(a) = &page.fields else {
        return Vec::new();
    };
    let mut events: Vec<&Event> = a.events.iter().collect();
    events.sort_by(|x, y| (x.date, &x.time).cmp(&(y.date, &y.time)));
    events
        .into_iter()
        .map(|e| EventView {
            date: e.date.to_string(),
            time: e.time.as_deref(),
            title: &e.title,
            place: e.place.as_deref(),
            organizer: e
                .organizer
                .as_deref()
                .map(|o| config.agency(o).map_or(o, |a| a.name.as_str())),
            ward: e.ward.as_deref().and_then(|w| ward_link(w, config)),
        })
        .collect()
}

pub(super) fn agenda<'a>(page: &'a Page, config: &'a SiteConfig) -> Vec<AgendaDay<'a>> {
    let mut days: Vec<AgendaDay> = Vec::new();
    for e in events(page, config) {
        match days.last_mut() {
            Some(d) if d.date == e.date => d.events.push(e),
            _ => days.push(AgendaDay {
                date: e.date.clone(),
                events: vec![e],
            }),
        }
    }
    days
}
