//! Calendar dates and date-times as office staff write them (`2025-05-19`,
//! `2025-05-19T08:30:00+07:00`). Only the proleptic Gregorian calendar is needed, so the
//! arithmetic is done here rather than pulling in a time-zone library.

use std::fmt;

/// A calendar date. Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A date with an optional time of day and UTC offset, kept as written for feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTime {
    pub date: Date,
    /// `HH:MM:SS`, when written.
    pub time: Option<(u8, u8, u8)>,
    /// Offset from UTC in minutes, when written (`Z` = 0).
    pub offset_minutes: Option<i32>,
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DateTime {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.utc_seconds().cmp(&other.utc_seconds())
    }
}

/// Why a written date was refused. Its text is what serde carries back from a field's
/// deserializer; [`DateError::recognise`] reads it back into this type, so the catalogue
/// (E020) says it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not written as a date at all ("19/3", "tháng 3").
    NotADate(String),
    /// Written as a date the calendar does not have (2025-02-30).
    Impossible(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::NotADate(s) => {
                write!(f, "\"{s}\" {}", DateError::NOT_A_DATE)
            }
            DateError::Impossible(s) => write!(f, "\"{s}\" {}", DateError::IMPOSSIBLE),
        }
    }
}

impl std::error::Error for DateError {}

impl DateError {
    const NOT_A_DATE: &str = "is not a date; write it as YYYY-MM-DD, e.g. 2025-05-19";
    const IMPOSSIBLE: &str = "does not exist in the calendar (check the day and the month)";

    /// The error again from its text inside a parser's message (serde turns a
    /// deserializer's error into a string: `date: "2025-02-30" does not exist ...`).
    pub fn recognise(message: &str) -> Option<DateError> {
        for (tail, make) in [
            (
                DateError::NOT_A_DATE,
                DateError::NotADate as fn(String) -> DateError,
            ),
            (DateError::IMPOSSIBLE, DateError::Impossible),
        ] {
            let Some(end) = message.find(tail) else {
                continue;
            };
            let quoted = message[..end].trim_end().strip_suffix('"')?;
            let start = quoted.rfind('"')?;
            return Some(make(quoted[start + 1..].to_owned()));
        }
        None
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl Date {
    /// A date, or `None` when it does not exist (2025-02-31).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parse `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let bad = || DateError::NotADate(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let year = s[0..4].parse::<i32>().map_err(|_| bad())?;
        let month = s[5..7].parse::<u8>().map_err(|_| bad())?;
        let day = s[8..10].parse::<u8>().map_err(|_| bad())?;
        Date::new(year, month, day).ok_or_else(|| DateError::Impossible(s.to_owned()))
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days_since_epoch(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// The same day `months` later, clamped to the month's last day.
    pub fn add_months(self, months: u32) -> Date {
        let total = self.year * 12 + i32::from(self.month) - 1 + months as i32;
        let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.days_since_epoch() + 3).rem_euclid(7)) as u8
    }

    /// Today in Vietnam (UTC+7), the default build date when `--today` is not given.
    pub fn today_in_vietnam() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days_since_epoch((secs + 7 * 3600).div_euclid(86_400))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl DateTime {
    /// Parse `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or the same with `Z` or `+HH:MM`
    /// (a space may stand for `T`).
    pub fn parse(s: &str) -> Result<DateTime, DateError> {
        let s = s.trim();
        if s.len() <= 10 {
            return Date::parse(s).map(|date| DateTime {
                date,
                time: None,
                offset_minutes: None,
            });
        }
        let bad = || DateError::NotADate(s.to_owned());
        let date = Date::parse(s.get(..10).ok_or_else(bad)?).map_err(|e| match e {
            DateError::Impossible(_) => DateError::Impossible(s.to_owned()),
            DateError::NotADate(_) => bad(),
        })?;
        let rest = s.get(10..).ok_or_else(bad)?;
        let rest = rest
            .strip_prefix('T')
            .or_else(|| rest.strip_prefix(' '))
            .ok_or_else(bad)?;
        let (clock, offset) = split_offset(rest).ok_or_else(bad)?;
        let time = parse_clock(clock).ok_or_else(bad)?;
        Ok(DateTime {
            date,
            time: Some(time),
            offset_minutes: offset,
        })
    }

    /// Seconds since the epoch in UTC; a date without time counts as midnight in
    /// Vietnam (UTC+7), the tool's home time zone.
    pub fn utc_seconds(&self) -> i64 {
        let (h, m, s) = self.time.unwrap_or((0, 0, 0));
        let local = self.date.days_since_epoch() * 86_400
            + i64::from(h) * 3600
            + i64::from(m) * 60
            + i64::from(s);
        local - i64::from(self.offset_minutes.unwrap_or(7 * 60)) * 60
    }

    /// RFC 3339, as Atom feeds and sitemaps want it.
    pub fn rfc3339(&self) -> String {
        let (h, m, s) = self.time.unwrap_or((0, 0, 0));
        let off = self.offset_minutes.unwrap_or(7 * 60);
        let tz = if off == 0 {
            "Z".to_owned()
        } else {
            let sign = if off < 0 { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", off.abs() / 60, off.abs() % 60)
        };
        format!("{}T{h:02}:{m:02}:{s:02}{tz}", self.date)
    }
}

fn split_offset(rest: &str) -> Option<(&str, Option<i32>)> {
    if let Some(clock) = rest.strip_suffix('Z') {
        return Some((clock, Some(0)));
    }
    match rest.rfind(['+', '-']) {
        Some(i) => {
            let (clock, off) = rest.split_at(i);
            let sign = if off.starts_with('-') { -1 } else { 1 };
            let (h, m) = off[1..].split_once(':')?;
            let minutes = h.parse::<i32>().ok()? * 60 + m.parse::<i32>().ok()?;
            Some((clock, Some(sign * minutes)))
        }
        None => Some((rest, None)),
    }
}

fn parse_clock(clock: &str) -> Option<(u8, u8, u8)> {
    let mut parts = clock.split(':');
    let h = parts.next()?.parse::<u8>().ok()?;
    let m = parts.next()?.parse::<u8>().ok()?;
    let s = match parts.next() {
        Some(sec) => sec.split('.').next()?.parse::<u8>().ok()?,
        None => 0,
    };
    (parts.next().is_none() && h < 24 && m < 60 && s < 61).then_some((h, m, s))
}

/// A time of day written `HH:MM` (event times, broadcast slots).
pub fn parse_hhmm(s: &str) -> Option<(u8, u8)> {
    let (h, m) = s.split_once([':', 'h'])?;
    let (h, m) = (h.trim().parse::<u8>().ok()?, m.trim().parse::<u8>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        // A date-time is accepted where a date is expected; its day is what counts.
        DateTime::parse(&s)
            .map(|dt| dt.date)
            .map_err(serde::de::Error::custom)
    }
}

impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2025-02-31").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2025-02-29").is_err());
        assert!(Date::parse("2025-13-01").is_err());
        assert!(Date::parse("19/5/2025").is_err());
    }

    #[test]
    fn date_errors_are_typed_and_read_back_from_a_parser_message() {
        let impossible = Date::parse("2025-02-31").unwrap_err();
        assert_eq!(impossible, DateError::Impossible("2025-02-31".into()));
        let not_a_date = DateTime::parse("19/5/2025 8h").unwrap_err();
        assert_eq!(not_a_date, DateError::NotADate("19/5/2025 8h".into()));
        // serde puts the field's name in front and may add a position after it.
        for e in [impossible, not_a_date] {
            let carried = format!("publish_date: {e} at line 3 column 15");
            assert_eq!(DateError::recognise(&carried), Some(e));
        }
        assert_eq!(
            DateError::recognise("invalid type: map, expected a string"),
            None
        );
    }

    #[test]
    fn day_arithmetic_round_trips() {
        for s in ["1970-01-01", "2000-02-29", "2025-05-19", "1999-12-31"] {
            let d = Date::parse(s).unwrap();
            assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
        }
        assert_eq!(Date::parse("2025-05-19").unwrap().weekday(), 0); // Monday
        assert_eq!(
            Date::parse("2025-01-31").unwrap().add_months(1),
            Date::parse("2025-02-28").unwrap()
        );
    }

    #[test]
    fn parses_date_times_with_offsets() {
        let dt = DateTime::parse("2024-05-06T10:00:00+07:00").unwrap();
        assert_eq!(dt.time, Some((10, 0, 0)));
        assert_eq!(dt.rfc3339(), "2024-05-06T10:00:00+07:00");
        assert_eq!(
            DateTime::parse("2024-05-06").unwrap().rfc3339(),
            "2024-05-06T00:00:00+07:00"
        );
        assert!(DateTime::parse("2024-05-06T25:00").is_err());
    }
}
