//! Bar charts drawn at build time as inline SVG: the yearly figures as bars with their
//! value, the target as a dashed line with diamond markers, and under each judged year a
//! check or a cross.
//! The chart is an image for assistive technology (`role="img"`, a `<title>` and a
//! `<desc>` that says every figure); the page puts the same data in a table beside it.
//! It scales with its container (viewBox, width 100 %), needs no script and prints in
//! any colour or none: the verdict is never told by colour alone.
//!
//! Written by hand rather than with a charting crate: the crates with an SVG backend
//! (plotters, charts-rs) write fixed-size SVG without title, description or roles, so
//! their output would have to be rewritten afterwards, and this chart is one kind of
//! plot in about two hundred lines.

use std::fmt::Write;

use super::{Point, Verdict};

/// What a chart shows. `id` must be unique in the page: the title and description get
/// `{id}-title` and `{id}-desc`.
pub struct Chart<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
    pub points: &'a [Point],
}

/// Drawn for a phone: at 320 px the text is still about 12 px high; on wide screens the
/// page caps the chart's width.
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 232.0;
const TOP: f64 = 14.0;
const BASELINE: f64 = 184.0;
/// Where the year labels and, under them, the verdict marks sit.
const YEAR_Y: f64 = BASELINE + 18.0;
const MARK_Y: f64 = BASELINE + 36.0;
const RIGHT: f64 = WIDTH - 8.0;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/// Bars that met their target, did not, and have no verdict (base year, no target).
/// Each has at least 4.5:1 against white (and white text inside it) and 3:1 against the
/// target line.
pub const COLOR_MET: &str = "#1f6fb8";
pub const COLOR_NOT_MET: &str = "#c2410c";
pub const COLOR_PLAIN: &str = "#6b7785";
/// Text, axis, marks and the target line (17:1 against white).
pub const COLOR_INK: &str = "#1a1a1a";
const COLOR_GRID: &str = "#d5dae1";

/// The chart as an `<svg>` element.
pub fn svg(chart: &Chart) -> String {
    let pts = chart.points;
    let top_value = pts
        .iter()
        .flat_map(|p| [p.value, p.target])
        .flatten()
        .fold(0.0_f64, f64::max);
    let integral = pts.iter().filter_map(|p| p.value).all(|v| v.fract() == 0.0);
    // Some headroom, so the top bar's label and the target markers do not crowd.
    let (step, max) = scale(top_value * 1.08, integral);
    let ticks: Vec<f64> = (0..)
        .map(|i| f64::from(i) * step)
        .take_while(|t| *t <= max + step * 1e-9)
        .collect();
    let label_chars = ticks
        .iter()
        .map(|t| number_vi(*t, 2).chars().count())
        .max()
        .unwrap_or(1);
    let left = (label_chars as f64 * 8.0 + 12.0).max(30.0);
    let slot = (RIGHT - left) / pts.len().max(1) as f64;
    let y = |v: f64| BASELINE - v / max * (BASELINE - TOP);
    let x = |i: usize| left + slot * (i as f64 + 0.5);

    let mut s = String::with_capacity(4096);
    let id = chart.id;
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT}\" font-size=\"14\" fill=\"{COLOR_INK}\">",
        fmt(WIDTH),
        fmt(HEIGHT)
    );
    let _ = write!(
        s,
        "<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(chart.title),
        escape(chart.desc)
    );
    let _ = write!(
        s,
        "<rect width=\"{}\" height=\"{}\" fill=\"#fff\"/>",
        fmt(WIDTH),
        fmt(HEIGHT)
    );
    grid(&mut s, &ticks, left, &y);
    bars(&mut s, pts, slot, &x, &y);
    target_line(&mut s, pts, &x, &y);
    let _ = write!(
        s,
        "<line class=\"axis\" x1=\"{}\" y1=\"{b}\" x2=\"{}\" y2=\"{b}\" stroke=\"{COLOR_INK}\" stroke-width=\"1.5\"/>",
        fmt(left),
        fmt(RIGHT),
        b = fmt(BASELINE)
    );
    year_labels(&mut s, pts, slot, &x);
    s.push_str("</svg>");
    s
}

/// A step of 1, 2, 2.5 or 5 times a power of ten giving at most five gridlines, and the
/// top of the scale (a multiple of the step at or above `top`).
fn scale(top: f64, integral: bool) -> (f64, f64) {
    if top <= 0.0 {
        return (1.0, 1.0);
    }
    let raw = top / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let mut step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|f| f * magnitude)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * magnitude);
    if integral && step < 1.0 {
        step = 1.0;
    }
    (step, (top / step - 1e-9).ceil().max(1.0) * step)
}

fn grid(s: &mut String, ticks: &[f64], left: f64, y: &dyn Fn(f64) -> f64) {
    s.push_str("<g class=\"grid\" aria-hidden=\"true\">");
    for t in ticks {
        let ty = fmt(y(*t));
        let _ = write!(
            s,
            "<line x1=\"{}\" y1=\"{ty}\" x2=\"{}\" y2=\"{ty}\" stroke=\"{COLOR_GRID}\" stroke-width=\"1\"/><text x=\"{}\" y=\"{ty}\" dy=\"0.35em\" text-anchor=\"end\">{}</text>",
            fmt(left),
            fmt(RIGHT),
            fmt(left - 6.0),
            number_vi(*t, 2)
        );
    }
    s.push_str("</g>");
}

fn bars(
    s: &mut String,
    pts: &[Point],
    slot: f64,
    x: &dyn Fn(usize) -> f64,
    y: &dyn Fn(f64) -> f64,
) {
    let width = (slot * 0.64).min(44.0);
    s.push_str("<g class=\"bars\">");
    for (i, p) in pts.iter().enumerate() {
        let Some(v) = p.value else { continue };
        let (class, color) = match p.verdict {
            Some(Verdict::Met) => ("bar bar--met", COLOR_MET),
            Some(Verdict::NotMet) => ("bar bar--not-met", COLOR_NOT_MET),
            None => ("bar", COLOR_PLAIN),
        };
        let top = y(v);
        let _ = write!(
            s,
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{color}\" data-year=\"{}\" data-value=\"{}\"/>",
            fmt(x(i) - width / 2.0),
            fmt(top),
            fmt(width),
            fmt(BASELINE - top),
            p.year,
            data(v)
        );
        let label = number_vi(v, 1);
        // A label that would spill out of its bar is left to the table.
        if label.chars().count() as f64 * 8.0 <= width + 2.0 {
            // Inside the bar's foot when it is tall enough (away from the target line
            // near its top), else just above it.
            let (ty, fill) = if BASELINE - top >= 22.0 {
                (BASELINE - 6.0, "#fff")
            } else {
                (top - 5.0, COLOR_INK)
            };
            let _ = write!(
                s,
                "<text class=\"value\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{fill}\">{}</text>",
                fmt(x(i)),
                fmt(ty),
                label
            );
        }
        mark(s, p.verdict, x(i), MARK_Y);
    }
    s.push_str("</g>");
}

/// A check (met) or a cross (not met) centred on (cx, cy).
fn mark(s: &mut String, verdict: Option<Verdict>, cx: f64, cy: f64) {
    let (class, d) = match verdict {
        Some(Verdict::Met) => (
            "mark mark--met",
            format!("M{} {}l3.5 4l7 -8", fmt(cx - 5.5), fmt(cy)),
        ),
        Some(Verdict::NotMet) => (
            "mark mark--not-met",
            format!("M{} {}l8 8m0 -8l-8 8", fmt(cx - 4.0), fmt(cy - 4.0)),
        ),
        None => return,
    };
    let _ = write!(
        s,
        "<path class=\"{class}\" d=\"{d}\" fill=\"none\" stroke=\"{COLOR_INK}\" stroke-width=\"2.2\" stroke-linecap=\"round\"/>"
    );
}

fn target_line(s: &mut String, pts: &[Point], x: &dyn Fn(usize) -> f64, y: &dyn Fn(f64) -> f64) {
    let line: Vec<(usize, &Point, f64)> = pts
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.target.map(|t| (i, p, t)))
        .collect();
    if line.is_empty() {
        return;
    }
    let coords = line
        .iter()
        .map(|(i, _, t)| format!("{},{}", fmt(x(*i)), fmt(y(*t))))
        .collect::<Vec<_>>()
        .join(" ");
    s.push_str("<g class=\"target\">");
    let _ = write!(
        s,
        "<polyline points=\"{coords}\" fill=\"none\" stroke=\"#fff\" stroke-width=\"5\"/><polyline class=\"target-line\" points=\"{coords}\" fill=\"none\" stroke=\"{COLOR_INK}\" stroke-width=\"2.5\" stroke-dasharray=\"7 4\"/>"
    );
    for (i, p, t) in &line {
        let _ = write!(
            s,
            "<path class=\"target-point\" d=\"M{} {}l5 5l-5 5l-5 -5z\" fill=\"#fff\" stroke=\"{COLOR_INK}\" stroke-width=\"2\" data-year=\"{}\" data-value=\"{}\"/>",
            fmt(x(*i)),
            fmt(y(*t) - 5.0),
            p.year,
            data(*t)
        );
    }
    s.push_str("</g>");
}

fn year_labels(s: &mut String, pts: &[Point], slot: f64, x: &dyn Fn(usize) -> f64) {
    let every = (34.0 / slot).ceil().max(1.0) as usize;
    s.push_str("<g class=\"years\" aria-hidden=\"true\">");
    for (i, p) in pts.iter().enumerate() {
        if i % every == 0 || i + 1 == pts.len() {
            let _ = write!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                fmt(x(i)),
                fmt(YEAR_Y),
                p.year
            );
        }
    }
    s.push_str("</g>");
}

/// One entry of the key under a chart: a small drawing (decorative) and its words.
#[derive(Debug, serde::Serialize)]
pub struct LegendItem {
    pub svg: String,
    pub label: &'static str,
}

/// The key shared by every chart, drawn with the same colours and marks.
pub fn legend() -> Vec<LegendItem> {
    let icon = |body: String| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 16\" width=\"32\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">{body}</svg>"
        )
    };
    let bar = |color: &str, verdict: Option<Verdict>| {
        let mut body =
            format!("<rect x=\"2\" y=\"3\" width=\"10\" height=\"13\" fill=\"{color}\"/>");
        mark(&mut body, verdict, 23.0, 8.0);
        icon(body)
    };
    vec![
        LegendItem {
            svg: bar(COLOR_MET, Some(Verdict::Met)),
            label: "Cột xanh, dấu ✓: đạt mục tiêu",
        },
        LegendItem {
            svg: bar(COLOR_NOT_MET, Some(Verdict::NotMet)),
            label: "Cột cam, dấu ✗: chưa đạt mục tiêu",
        },
        LegendItem {
            svg: bar(COLOR_PLAIN, None),
            label: "Cột xám: năm gốc, không đánh giá",
        },
        LegendItem {
            svg: icon(format!(
                "<line x1=\"0\" y1=\"8\" x2=\"32\" y2=\"8\" stroke=\"{COLOR_INK}\" stroke-width=\"2.5\" stroke-dasharray=\"7 4\"/><path d=\"M16 3l5 5l-5 5l-5 -5z\" fill=\"#fff\" stroke=\"{COLOR_INK}\" stroke-width=\"2\"/>"
            )),
            label: "Đường nét đứt, dấu hình thoi: mức mục tiêu của năm",
        },
    ]
}

/// A coordinate with at most one decimal, so output is stable and small.
fn fmt(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A value for `data-value`: a plain number with at most four decimals.
fn data(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A number as Vietnamese readers write it: `.` between thousands, a decimal comma,
/// at most `decimals` decimals and no trailing zeros (`1.250`, `5,76`).
pub fn number_vi(v: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, v.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let grouped = crate::render::filters::group_thousands(int.parse().unwrap_or(0));
    let sign = if v < 0.0 && text.chars().any(|c| ('1'..='9').contains(&c)) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_numbers_the_vietnamese_way() {
        let cases = [
            (0.0, 1, "0"),
            (5.76, 2, "5,76"),
            (5.76, 1, "5,8"),
            (1250.0, 1, "1.250"),
            (1_234_567.5, 1, "1.234.567,5"),
            (4.0, 2, "4"),
            (-0.001, 1, "0"),
        ];
        for (v, d, expected) in cases {
            assert_eq!(number_vi(v, d), expected, "{v}");
        }
    }

    #[test]
    fn picks_round_steps() {
        assert_eq!(scale(6.0, true), (2.0, 6.0));
        assert_eq!(scale(7.0, true), (2.0, 8.0));
        assert_eq!(scale(1300.0, true), (500.0, 1500.0));
        assert_eq!(scale(2.0, true), (1.0, 2.0));
        assert_eq!(scale(0.0, true), (1.0, 1.0));
        assert_eq!(scale(0.8, false), (0.2, 0.8));
    }

    #[test]
    fn formats_coordinates_and_data() {
        assert_eq!(fmt(12.0), "12");
        assert_eq!(fmt(12.04), "12");
        assert_eq!(fmt(12.06), "12.1");
        assert_eq!(data(5.76), "5.76");
        assert_eq!(data(6.0), "6");
        assert_eq!(data(5.308416), "5.3084");
    }
}
