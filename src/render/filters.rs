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
        if i > 0 && (digits.len() - i) % 3 == 0 {
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
