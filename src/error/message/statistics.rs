//! Statistics files under content/data/thong-ke/ that cannot be charted (E060).

use super::*;

/// What a statistics file says that cannot be used. `shown` is a row as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatisticsProblem {
    /// The file does not have the shape of a statistics file; `detail` is the parser's
    /// words, `field` an unknown field it named.
    Unreadable {
        detail: String,
        field: Option<String>,
    },
    YearTwice {
        year: i32,
    },
    NoMeasures,
    BadMeasureId {
        id: String,
    },
    MeasureTwice {
        id: String,
    },
    ZeroTarget {
        id: String,
    },
    NoBaseYearFigure {
        id: String,
        base: i32,
    },
    RowWithoutYear {
        shown: String,
    },
    UnknownWard {
        ward: String,
        close: Option<String>,
    },
    RowWithoutKey {
        by: String,
        shown: String,
    },
    UnknownMeasure {
        key: String,
        close: Option<String>,
        measures: Vec<String>,
    },
    NotAFigure {
        key: String,
        value: String,
    },
}

/// The fields of a statistics file, as the messages show them.
const EXAMPLE: &str =
    "title: ..., measures: [{id: deaths, name: Số người chết}], years: [{year: 2024, deaths: 3}]";

impl From<StatisticsProblem> for Message {
    fn from(p: StatisticsProblem) -> Message {
        Message::Statistics(p)
    }
}

impl StatisticsProblem {
    pub(super) fn code(&self) -> &'static str {
        "E060"
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        use StatisticsProblem::*;
        let close = |c: &Option<String>| match (l, c) {
            (_, None) => String::new(),
            (Lang::Vi, Some(s)) => format!(" (có phải ý bạn là \"{s}\"?)"),
            (Lang::En, Some(s)) => format!(" (did you mean \"{s}\"?)"),
        };
        match self {
            Unreadable { detail, field } => {
                let (en, en_help) = crate::error::explain_serde_message(detail);
                let en_help = en_help.unwrap_or_else(|| format!("a statistics file has {EXAMPLE}"));
                let (vi, vi_help) = match field {
                    Some(field) => (
                        format!("không dùng được trường \"{field}\""),
                        format!("các trường của một tệp thống kê: {EXAMPLE}"),
                    ),
                    None => (
                        crate::error::serde_message(detail, None, false)
                            .render(Lang::Vi)
                            .0,
                        format!("một tệp thống kê có dạng {EXAMPLE}"),
                    ),
                };
                (
                    tr!(
                        l,
                        "không đọc được tệp thống kê này: {vi}",
                        "this statistics file cannot be read: {en}"
                    ),
                    tr!(l, "{vi_help}", "{en_help}"),
                )
            }
            YearTwice { year } => (
                tr!(
                    l,
                    "năm {year} có hai lần trong years",
                    "the year {year} is listed twice under years"
                ),
                tr!(
                    l,
                    "mỗi năm một dòng; số liệu theo lĩnh vực hoặc theo phường ghi trong by_sector hoặc by_ward",
                    "keep one row per year; put figures by sector or ward under by_sector or by_ward"
                ),
            ),
            NoMeasures => (
                tr!(
                    l,
                    "tệp thống kê này chưa có chỉ tiêu nào (measures)",
                    "this statistics file has no measures"
                ),
                tr!(
                    l,
                    "liệt kê các chỉ tiêu mà số liệu đếm, ví dụ measures: [{{id: deaths, name: Số người chết, unit: người}}]",
                    "list what the figures count, e.g. measures: [{{id: deaths, name: Số người chết, unit: người}}]"
                ),
            ),
            BadMeasureId { id } => (
                tr!(
                    l,
                    "\"{id}\" không dùng được làm mã chỉ tiêu",
                    "\"{id}\" cannot be a measure's id"
                ),
                tr!(
                    l,
                    "dùng chữ thường không dấu, chữ số, _ hoặc -, trừ year, sector và ward (ví dụ deaths)",
                    "use lowercase letters without accents, digits, _ or -, other than year, sector and ward (e.g. deaths)"
                ),
            ),
            MeasureTwice { id } => (
                tr!(
                    l,
                    "chỉ tiêu \"{id}\" được khai báo hai lần",
                    "the measure \"{id}\" is declared twice"
                ),
                tr!(
                    l,
                    "mỗi chỉ tiêu cần một mã riêng",
                    "give each measure its own id"
                ),
            ),
            ZeroTarget { id } => (
                tr!(
                    l,
                    "mục tiêu của \"{id}\" cần mức thay đổi mỗi năm khác 0",
                    "the target of \"{id}\" needs a yearly change other than 0"
                ),
                tr!(
                    l,
                    "ghi percent_per_year: -4 cho \"giảm 4 % mỗi năm\" hoặc 5 cho \"tăng ít nhất 5 % mỗi năm\"",
                    "write percent_per_year: -4 for \"down 4 % a year\" or 5 for \"up at least 5 % a year\""
                ),
            ),
            NoBaseYearFigure { id, base } => (
                tr!(
                    l,
                    "mục tiêu của \"{id}\" tính từ năm {base}, nhưng years chưa có số liệu {id} của năm {base}",
                    "the target of \"{id}\" starts from {base}, but years has no {id} figure for {base}"
                ),
                tr!(
                    l,
                    "thêm số liệu của năm gốc, ví dụ - {{year: {base}, {id}: ...}}, hoặc đổi base_year",
                    "add the base year's figure, e.g. - {{year: {base}, {id}: ...}}, or change base_year"
                ),
            ),
            RowWithoutYear { shown } => (
                tr!(
                    l,
                    "một dòng chưa có năm: {shown}",
                    "a row has no year: {shown}"
                ),
                tr!(
                    l,
                    "mỗi dòng bắt đầu bằng năm, ví dụ - {{year: 2024, deaths: 3}}",
                    "start each row with its year, e.g. - {{year: 2024, deaths: 3}}"
                ),
            ),
            UnknownWard { ward, close: c } => {
                let hint = close(c);
                (
                    tr!(
                        l,
                        "\"{ward}\" không phải là phường, xã khai báo trong site.toml{hint}",
                        "\"{ward}\" is not a ward declared in site.toml{hint}"
                    ),
                    tr!(
                        l,
                        "dùng slug của một phường, xã trong [[wards]] của site.toml",
                        "use a ward slug from [[wards]] in site.toml"
                    ),
                )
            }
            RowWithoutKey { by, shown } => (
                tr!(
                    l,
                    "một dòng của by_{by} chưa có {by}: {shown}",
                    "a row of by_{by} has no {by}: {shown}"
                ),
                tr!(l, "thêm {by}: ... vào dòng này", "add {by}: ... to the row"),
            ),
            UnknownMeasure {
                key,
                close: c,
                measures,
            } => {
                let hint = close(c);
                let list = measures.join(", ");
                (
                    tr!(
                        l,
                        "\"{key}\" không phải là chỉ tiêu của tệp này{hint}",
                        "\"{key}\" is not a measure of this file{hint}"
                    ),
                    tr!(l, "các chỉ tiêu là: {list}", "the measures are: {list}"),
                )
            }
            NotAFigure { key, value } => (
                tr!(
                    l,
                    "số liệu của \"{key}\" phải là một số từ 0 trở lên, không phải {value}",
                    "the figure of \"{key}\" must be a number of 0 or more, not {value}"
                ),
                tr!(
                    l,
                    "ghi số không kèm đơn vị hay dấu chấm, ví dụ 1250; bỏ trống nếu chưa biết",
                    "write the number without units or dots, e.g. 1250; leave it out when unknown"
                ),
            ),
        }
    }
}
