//! Vietnamese formatting for templates, written in Rust and tested: dates
//! ("Thứ Hai, 19/5/2025"), numbers and money with "." for thousands, and the status of
//! something that runs between two dates.

use tera::{Kwargs, State, Tera, Value};

use crate::date::Date;

const WEEKDAYS: [&str; 7] = [
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ Nhật",
];

/// `2025-05-19` -> `19/5/2025`.
pub fn date_short(d: Date) -> String {
    format!("{}/{}/{}", d.day, d.month, d.year)
}

/// `2025-05-19` -> `Thứ Hai, 19/5/2025`.
pub fn date_long(d: Date) -> String {
    format!("{}, {}", WEEKDAYS[usize::from(d.weekday())], date_short(d))
}

/// 15000000 -> `15.000.000`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// 15000000 -> `15.000.000 đồng`.
pub fn money(n: u64) -> String {
    format!("{} đồng", group_thousands(n))
}

/// Where `today` stands in a period: (id, label) — `sap-dien-ra`, `dang-dien-ra`,
/// `da-ket-thuc` — with the days left or until the start.
pub fn period_status(start: Date, end: Date, today: Date) -> (&'static str, String) {
    let until_start = start.days_since_epoch() - today.days_since_epoch();
    let left = end.days_since_epoch() - today.days_since_epoch();
    if until_start > 0 {
        (
            "sap-dien-ra",
            format!("Sắp diễn ra: còn {until_start} ngày nữa bắt đầu"),
        )
    } else if left > 0 {
        ("dang-dien-ra", format!("Đang diễn ra: còn {left} ngày"))
    } else if left == 0 {
        (
            "dang-dien-ra",
            "Đang diễn ra: hôm nay là ngày cuối".to_owned(),
        )
    } else {
        ("da-ket-thuc", "Đã kết thúc".to_owned())
    }
}

/// A period in short dates, the year written once when both ends share it:
/// `1/5 – 31/5/2026`, `15/10/2026 – 31/1/2027`.
pub fn date_range(start: Date, end: Date) -> String {
    if start.year == end.year {
        format!("{}/{} – {}", start.day, start.month, date_short(end))
    } else {
        format!("{} – {}", date_short(start), date_short(end))
    }
}

/// A file size as Vietnamese readers write it, with a decimal comma: `850 byte`,
/// `239 KB`, `1,5 MB`.
pub fn file_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * 1024;
    if bytes < KB {
        format!("{bytes} byte")
    } else if bytes < MB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        let tenths = (bytes * 10).div_ceil(MB);
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{},{} MB", tenths / 10, tenths % 10)
        }
    }
}

/// A phone number as written (`0225.3796.333`, `(0225) 3796 333`) -> a `tel:` target
/// (`02253796333`); a leading `+` is kept.
pub fn tel_href(phone: &str) -> String {
    let plus = phone.trim_start().starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if plus { format!("+{digits}") } else { digits }
}

/// How long ago `date` was, seen from `today`: `hôm nay`, `hôm qua`, `3 ngày trước`,
/// and for a date to come `ngày mai`, `5 ngày nữa`.
pub fn relative_day(date: Date, today: Date) -> String {
    match today.days_since_epoch() - date.days_since_epoch() {
        0 => "hôm nay".to_owned(),
        1 => "hôm qua".to_owned(),
        -1 => "ngày mai".to_owned(),
        n if n > 0 => format!("{n} ngày trước"),
        n => format!("{} ngày nữa", -n),
    }
}

fn parse_date_value(v: &str) -> tera::TeraResult<Date> {
    crate::date::DateTime::parse(v)
        .map(|d| d.date)
        .map_err(tera::Error::message)
}

fn to_u64(v: &Value) -> tera::TeraResult<u64> {
    if let Some(n) = v.as_u64() {
        return Ok(n);
    }
    if let Some(n) = v.as_i64() {
        return Ok(n.max(0) as u64);
    }
    if let Some(f) = v.as_f64() {
        return Ok(f.max(0.0).round() as u64);
    }
    if let Some(s) = v.as_str()
        && let Ok(n) = s.trim().parse::<u64>()
    {
        return Ok(n);
    }
    Err(tera::Error::message(format!("expected a number, got {v}")))
}

/// Register loa's filters on a Tera instance.
pub fn register(tera: &mut Tera) {
    tera.register_filter("date_vi", |v: &str, _: Kwargs, _: &State| {
        parse_date_value(v).map(date_long)
    });
    tera.register_filter("date_short", |v: &str, _: Kwargs, _: &State| {
        parse_date_value(v).map(date_short)
    });
    tera.register_filter("number_vi", |v: Value, _: Kwargs, _: &State| {
        to_u64(&v).map(group_thousands)
    });
    tera.register_filter("money_vi", |v: Value, _: Kwargs, _: &State| {
        to_u64(&v).map(money)
    });
    tera.register_filter("date_range_vi", |v: &str, kw: Kwargs, _: &State| {
        let end: String = kw.must_get("end")?;
        Ok::<_, tera::Error>(date_range(parse_date_value(v)?, parse_date_value(&end)?))
    });
    tera.register_filter("filesize_vi", |v: Value, _: Kwargs, _: &State| {
        to_u64(&v).map(file_size)
    });
    tera.register_filter("tel_href", |v: &str, _: Kwargs, _: &State| tel_href(v));
    tera.register_filter("relative_vi", |v: &str, _: Kwargs, state: &State| {
        let today: String = state
            .get("today")?
            .ok_or_else(|| tera::Error::message("relative_vi needs `today` in the context"))?;
        Ok::<_, tera::Error>(relative_day(
            parse_date_value(v)?,
            parse_date_value(&today)?,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn formats_vietnamese_dates() {
        assert_eq!(date_long(d("2025-05-19")), "Thứ Hai, 19/5/2025");
        assert_eq!(date_long(d("2025-05-18")), "Chủ Nhật, 18/5/2025");
        assert_eq!(date_short(d("2025-01-05")), "5/1/2025");
    }

    #[test]
    fn groups_thousands_with_dots() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1.000"),
            (15_000_000, "15.000.000"),
            (1_234_567_890, "1.234.567.890"),
        ];
        for (n, s) in cases {
            assert_eq!(group_thousands(n), s);
        }
        assert_eq!(money(15_000_000), "15.000.000 đồng");
    }

    #[test]
    fn tells_period_status() {
        let (s, e) = (d("2025-05-01"), d("2025-05-31"));
        assert_eq!(period_status(s, e, d("2025-04-21")).0, "sap-dien-ra");
        assert_eq!(
            period_status(s, e, d("2025-04-21")).1,
            "Sắp diễn ra: còn 10 ngày nữa bắt đầu"
        );
        assert_eq!(
            period_status(s, e, d("2025-05-21")).1,
            "Đang diễn ra: còn 10 ngày"
        );
        assert_eq!(period_status(s, e, d("2025-06-01")).0, "da-ket-thuc");
    }

    #[test]
    fn writes_periods_with_the_year_once() {
        let cases = [
            ("2026-05-01", "2026-05-31", "1/5 – 31/5/2026"),
            ("2026-10-15", "2027-01-31", "15/10/2026 – 31/1/2027"),
            ("2026-05-04", "2026-05-04", "4/5 – 4/5/2026"),
        ];
        for (a, b, want) in cases {
            assert_eq!(date_range(d(a), d(b)), want);
        }
    }

    #[test]
    fn writes_file_sizes_with_a_decimal_comma() {
        let cases = [
            (0, "0 byte"),
            (850, "850 byte"),
            (1024, "1 KB"),
            (244_000, "239 KB"),
            (1024 * 1024, "1 MB"),
            (1_572_864, "1,5 MB"),
        ];
        for (n, want) in cases {
            assert_eq!(file_size(n), want);
        }
    }

    #[test]
    fn turns_phone_numbers_into_tel_targets() {
        let cases = [
            ("0225.3796.333", "02253796333"),
            ("(0225) 3796 333", "02253796333"),
            ("+84 225 3796 333", "+842253796333"),
            ("115", "115"),
        ];
        for (s, want) in cases {
            assert_eq!(tel_href(s), want);
        }
    }

    #[test]
    fn tells_days_relative_to_today() {
        let today = d("2026-11-28");
        let cases = [
            ("2026-11-28", "hôm nay"),
            ("2026-11-27", "hôm qua"),
            ("2026-11-29", "ngày mai"),
            ("2026-11-18", "10 ngày trước"),
            ("2026-12-03", "5 ngày nữa"),
        ];
        for (s, want) in cases {
            assert_eq!(relative_day(d(s), today), want);
        }
    }

    #[test]
    fn tells_the_last_day_and_running_status() {
        let (s, e) = (d("2026-05-01"), d("2026-05-31"));
        assert_eq!(
            period_status(s, e, d("2026-05-31")).1,
            "Đang diễn ra: hôm nay là ngày cuối"
        );
        assert_eq!(period_status(s, e, d("2026-05-01")).0, "dang-dien-ra");
        assert_eq!(period_status(s, e, d("2026-04-30")).0, "sap-dien-ra");
    }

    #[test]
    fn new_filters_work_in_templates() {
        let mut tera = Tera::new();
        register(&mut tera);
        tera.add_raw_template(
            "t",
            "{{ a | date_range_vi(end=b) }}|{{ n | filesize_vi }}|{{ p | tel_href }}|{{ a | relative_vi }}|{{ 1234567 | number_vi }}",
        )
        .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("a", "2026-05-01");
        ctx.insert("b", "2026-05-31");
        ctx.insert("n", &2048u64);
        ctx.insert("p", "0225.3796.333");
        ctx.insert("today", "2026-05-03");
        assert_eq!(
            tera.render("t", &ctx).unwrap(),
            "1/5 – 31/5/2026|2 KB|02253796333|2 ngày trước|1.234.567"
        );
    }

    #[test]
    fn filters_work_in_templates() {
        let mut tera = Tera::new();
        register(&mut tera);
        tera.add_raw_template("t", "{{ d | date_vi }} {{ n | money_vi }}")
            .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("d", "2025-05-19");
        ctx.insert("n", &15_000_000u64);
        assert_eq!(
            tera.render("t", &ctx).unwrap(),
            "Thứ Hai, 19/5/2025 15.000.000 đồng"
        );
    }
}
