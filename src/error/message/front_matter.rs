//! What a page's front matter says: fields, types, dates, kinds, wards, agencies, slots, fines
//! (E012–E027, W024–W026).

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrontMatterProblem {
    /// E012
    UnknownField { field: String, hint: Choice },
    /// E013
    UnknownKind { kind: String, hint: Choice },
    /// E020: YAML that cannot be read; `detail` is the parser's words.
    YamlSyntax { detail: String },
    /// E020
    WrongType { found: String, expected: String },
    /// E020
    NotADate { value: String },
    /// E020
    ImpossibleDate { value: String },
    /// E020
    NotATime { value: String },
    /// E021
    MissingField {
        kind: &'static str,
        field: String,
        example: String,
        /// In a page that is still a draft (`draft: true`) and not built with
        /// `--drafts`: a warning (W025), since it is published nowhere yet.
        draft: bool,
    },
    /// E021
    NoTitle,
    /// E021
    CampaignNeedsTerms,
    /// E022
    UnsafeSlug { slug: String },
    /// E022
    UnsafeAlias { alias: String },
    /// E022
    FileOutsideAssets { file: String },
    /// E022: a `javascript:`, `vbscript:` or `data:` address in front matter.
    ScriptUrl { field: String, url: String },
    /// E081: a path as it is on the office's PC (`C:\Users\…`, `\\server\share\…`),
    /// which the published portal cannot read.
    PathOnComputer { field: String, path: String },
    /// E081: a `\` inside double quotes, which YAML read as an escape (`"anh\bai.jpg"`
    /// holds a backspace), leaving a control character in a path.
    EscapedBackslash { field: String },
    /// E023
    UnknownAgency { agency: String, hint: Choice },
    /// E023
    UnknownWard { ward: String, hint: Choice },
    /// E024
    ImageWithoutAlt,
    /// E025
    ExpiryNotAfterPublish,
    /// E025
    BroadcastUntilBeforeFrom,
    /// E025
    PeriodEndsBeforeStart { start: String, end: String },
    /// E026
    UnknownSlot { slot: String, known: Vec<String> },
    /// E027: amounts already grouped for reading ("15.000.000").
    FinesDoNotAddUp { total: String, sum: String },
    /// E020: a value that is not one of the words a field takes (`status`, `priority`).
    UnknownValue { value: String, hint: Choice },
    /// W026: an unquoted `#` that starts a YAML comment and cuts a text value short.
    CommentCutsValue { key: String, kept: String },
    /// W024
    BroadcastOutsidePublication { edge: Edge, date: String },
}

impl From<FrontMatterProblem> for Message {
    fn from(p: FrontMatterProblem) -> Message {
        Message::FrontMatter(p)
    }
}

impl FrontMatterProblem {
    pub(super) fn code(&self) -> &'static str {
        use FrontMatterProblem::*;
        match self {
            UnknownField { .. } => "E012",
            UnknownKind { .. } => "E013",
            YamlSyntax { .. } => "E020",
            WrongType { .. } => "E020",
            NotADate { .. } => "E020",
            ImpossibleDate { .. } => "E020",
            NotATime { .. } => "E020",
            MissingField { draft: true, .. } => "W025",
            MissingField { .. } => "E021",
            NoTitle => "E021",
            CampaignNeedsTerms => "E021",
            UnsafeSlug { .. } => "E022",
            UnsafeAlias { .. } => "E022",
            FileOutsideAssets { .. } => "E022",
            ScriptUrl { .. } => "E022",
            PathOnComputer { .. } | EscapedBackslash { .. } => "E081",
            UnknownAgency { .. } => "E023",
            UnknownWard { .. } => "E023",
            ImageWithoutAlt => "E024",
            ExpiryNotAfterPublish => "E025",
            BroadcastUntilBeforeFrom => "E025",
            PeriodEndsBeforeStart { .. } => "E025",
            UnknownSlot { .. } => "E026",
            FinesDoNotAddUp { .. } => "E027",
            UnknownValue { .. } => "E020",
            CommentCutsValue { .. } => "W026",
            BroadcastOutsidePublication { .. } => "W024",
        }
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        use FrontMatterProblem::*;
        match self {
            UnknownField { field, hint } => (
                tr!(
                    l,
                    "trường không được dùng ở đây: \"{field}\"",
                    "unknown field \"{field}\""
                ),
                choice_help(l, hint, None),
            ),
            UnknownKind { kind, hint } => (
                tr!(
                    l,
                    "loại nội dung không có: \"{kind}\"",
                    "unknown kind \"{kind}\""
                ),
                choice_help(l, hint, None),
            ),
            YamlSyntax { detail } => (
                {
                    let vi_detail = vi_yaml(detail);
                    tr!(l, "khối khai báo viết chưa đúng: {vi_detail}", "{detail}")
                },
                tr!(
                    l,
                    "kiểm tra dòng này: YAML cần dạng `khóa: giá trị`, danh sách viết [a, b] hoặc các dòng bắt đầu bằng -, và đặt trong ngoặc kép văn bản có chứa ': '",
                    "check this line: YAML needs `key: value`, lists as [a, b] or lines starting with -, and quotes around text containing ': '"
                ),
            ),
            WrongType { found, expected } => {
                let (vi_found, vi_expected) = (vi_type(found), vi_type(expected));
                (
                    tr!(
                        l,
                        "sai kiểu giá trị: ở đây là {vi_found}, nhưng cần {vi_expected}",
                        "invalid type: {found}, expected {expected}"
                    ),
                    tr!(
                        l,
                        "sửa giá trị cho đúng kiểu: số viết không có ngoặc kép, văn bản có thể đặt trong ngoặc kép, danh sách viết [a, b]",
                        "write a value of the expected type: numbers without quotes, text in quotes, lists as [a, b]"
                    ),
                )
            }
            NotADate { value } => (
                tr!(
                    l,
                    "\"{value}\" không phải là một ngày",
                    "\"{value}\" is not a date"
                ),
                date_help(l),
            ),
            ImpossibleDate { value } => (
                tr!(
                    l,
                    "ngày \"{value}\" không có trong lịch (kiểm tra lại ngày và tháng)",
                    "\"{value}\" does not exist in the calendar (check the day and the month)"
                ),
                date_help(l),
            ),
            NotATime { value } => (
                tr!(
                    l,
                    "giờ sự kiện \"{value}\" không phải là một giờ trong ngày",
                    "event time \"{value}\" is not a time of day"
                ),
                tr!(
                    l,
                    "viết theo dạng GG:PP, ví dụ time: \"07:30\"",
                    "write it as HH:MM, e.g. time: \"07:30\""
                ),
            ),
            MissingField {
                kind,
                field,
                example,
                draft: false,
            } => {
                let vi_kind = vi_kind(kind);
                (
                    tr!(
                        l,
                        "{vi_kind} cần có trường \"{field}\"",
                        "a {kind} needs \"{field}\""
                    ),
                    tr!(
                        l,
                        "thêm trường này, ví dụ {example}",
                        "add it, e.g. {example}"
                    ),
                )
            }
            MissingField {
                kind,
                field,
                example,
                draft: true,
            } => {
                let vi_kind = vi_kind(kind);
                (
                    tr!(
                        l,
                        "bản nháp: {vi_kind} cần có trường \"{field}\" trước khi đăng",
                        "draft: a {kind} needs \"{field}\" before it is published"
                    ),
                    tr!(
                        l,
                        "bản nháp chưa được đăng nên chưa phải lỗi; điền trường này trước khi xóa dòng draft: true, ví dụ {example}",
                        "the draft is not published, so this is not an error yet; fill it in before removing draft: true, e.g. {example}"
                    ),
                )
            }
            NoTitle => (
                tr!(l, "trang này chưa có tiêu đề", "this page has no title"),
                tr!(
                    l,
                    "thêm dòng title: \"Tiêu đề bài viết\" vào khối khai báo",
                    "add a line title: \"Tiêu đề bài viết\" to its front matter"
                ),
            ),
            CampaignNeedsTerms => (
                tr!(
                    l,
                    "chiến dịch cần có ít nhất một lĩnh vực hoặc đối tượng",
                    "a campaign needs at least one sector or audience"
                ),
                tr!(
                    l,
                    "thêm, ví dụ sectors: [xây dựng] hoặc audiences: [người lao động]",
                    "add e.g. sectors: [xây dựng] or audiences: [người lao động]"
                ),
            ),
            UnsafeSlug { slug } => (
                tr!(
                    l,
                    "slug \"{slug}\" không phải là một tên đơn giản",
                    "slug \"{slug}\" is not a plain name"
                ),
                tr!(
                    l,
                    "slug chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối, ví dụ slug: \"tap-huan-an-toan\"",
                    "a slug is lowercase letters, digits and hyphens, e.g. slug: \"tap-huan-an-toan\""
                ),
            ),
            UnsafeAlias { alias } => (
                tr!(
                    l,
                    "địa chỉ cũ (alias) \"{alias}\" ra ngoài trang web",
                    "alias \"{alias}\" leaves the site's folder"
                ),
                tr!(
                    l,
                    "ghi một địa chỉ cũ trong trang web này, ví dụ /tin-tuc/bai-cu/",
                    "write an old address of this site, e.g. /tin-tuc/bai-cu/"
                ),
            ),
            FileOutsideAssets { file } => (
                tr!(
                    l,
                    "tệp \"{file}\" nằm ngoài thư mục assets/",
                    "file \"{file}\" is outside assets/"
                ),
                tr!(
                    l,
                    "đặt bản gốc đã ký vào assets/ và ghi đường dẫn của nó, ví dụ file: \"van-ban/ke-hoach.pdf\"",
                    "put the signed original under assets/ and write its path, e.g. file: \"van-ban/ke-hoach.pdf\""
                ),
            ),
            ScriptUrl { field, url } => (
                tr!(
                    l,
                    "{field}: địa chỉ \"{url}\" có thể chạy mã trong trình duyệt",
                    "{field}: the address \"{url}\" could run code in the browser"
                ),
                tr!(
                    l,
                    "ghi đường dẫn của tệp trong assets/ (ví dụ anh/tap-huan.jpg) hoặc một địa chỉ https://",
                    "write the path of a file under assets/ (e.g. anh/tap-huan.jpg) or an https:// address"
                ),
            ),
            PathOnComputer { field, path } => {
                let name = path.rsplit(['\\', '/']).next().unwrap_or(path);
                (
                    tr!(
                        l,
                        "{field}: \"{path}\" là đường dẫn trên máy tính này; cổng thông tin đăng lên mạng không đọc được tệp ở đó",
                        "{field}: \"{path}\" is a path on this computer; the published portal cannot read files there"
                    ),
                    tr!(
                        l,
                        "chép tệp vào thư mục assets/ của trang web (ví dụ assets/anh/{name}) rồi ghi {field}: \"anh/{name}\"",
                        "copy the file into the site's assets/ folder (e.g. assets/anh/{name}) and write {field}: \"anh/{name}\""
                    ),
                )
            }
            EscapedBackslash { field } => (
                tr!(
                    l,
                    "{field}: trong ngoặc kép, YAML đọc dấu \\ thành ký tự điều khiển nên đường dẫn bị hỏng",
                    "{field}: inside double quotes YAML reads a \\ as a control character, which breaks the path"
                ),
                tr!(
                    l,
                    "viết đường dẫn bằng dấu /, ví dụ {field}: \"anh/bai-1.jpg\", hoặc bỏ ngoặc kép",
                    "write the path with /, e.g. {field}: \"anh/bai-1.jpg\", or drop the double quotes"
                ),
            ),
            UnknownAgency { agency, hint } => (
                tr!(
                    l,
                    "cơ quan \"{agency}\" chưa được khai báo trong site.toml",
                    "agency \"{agency}\" is not declared in site.toml"
                ),
                choice_help(l, hint, Some("[[agencies]]")),
            ),
            UnknownWard { ward, hint } => (
                tr!(
                    l,
                    "phường \"{ward}\" chưa được khai báo trong site.toml",
                    "ward \"{ward}\" is not declared in site.toml"
                ),
                choice_help(l, hint, Some("[[wards]]")),
            ),
            ImageWithoutAlt => (
                tr!(
                    l,
                    "ảnh cần có lời mô tả thay thế",
                    "an image needs a text alternative"
                ),
                tr!(
                    l,
                    "thêm image_alt: \"ảnh chụp gì\" cho người không xem được ảnh",
                    "add image_alt: \"what the picture shows\" for people who cannot see it"
                ),
            ),
            ExpiryNotAfterPublish => (
                tr!(
                    l,
                    "expiry_date không sau publish_date",
                    "expiry_date is not after publish_date"
                ),
                tr!(
                    l,
                    "trang sẽ không bao giờ được đăng; kiểm tra lại cả hai ngày",
                    "the page would never be published; check both dates"
                ),
            ),
            BroadcastUntilBeforeFrom => (
                tr!(
                    l,
                    "broadcast.until trước broadcast.from",
                    "broadcast.until is before broadcast.from"
                ),
                tr!(
                    l,
                    "ngày phát cuối cùng không được trước ngày phát đầu tiên",
                    "the last day on air must not be before the first"
                ),
            ),
            PeriodEndsBeforeStart { start, end } => (
                tr!(
                    l,
                    "thời gian kết thúc ({end}) trước thời gian bắt đầu ({start})",
                    "the period ends ({end}) before it starts ({start})"
                ),
                tr!(
                    l,
                    "kiểm tra lại period.start và period.end",
                    "check period.start and period.end"
                ),
            ),
            UnknownSlot { slot, known } => {
                let known = known.join(", ");
                (
                    tr!(
                        l,
                        "khung giờ phát \"{slot}\" chưa được khai báo trong site.toml",
                        "slot \"{slot}\" is not declared in site.toml"
                    ),
                    tr!(
                        l,
                        "dùng một trong các khung giờ: {known}",
                        "use one of: {known}"
                    ),
                )
            }
            FinesDoNotAddUp { total, sum } => (
                tr!(
                    l,
                    "total_fine ghi {total} đồng nhưng cộng các khoản phạt được {sum} đồng",
                    "total_fine is {total} but the fines add up to {sum}"
                ),
                tr!(
                    l,
                    "sửa lại tổng số tiền hoặc từng khoản phạt",
                    "correct the total or the fines"
                ),
            ),
            UnknownValue { value, hint } => (
                tr!(
                    l,
                    "giá trị \"{value}\" không dùng được ở đây",
                    "\"{value}\" is not a value this field takes"
                ),
                match hint {
                    Choice::OneOf(list) => {
                        let list = list.join(", ");
                        tr!(l, "dùng một trong: {list}", "use one of: {list}")
                    }
                    close => choice_help(l, close, None),
                },
            ),
            CommentCutsValue { key, kept } => (
                tr!(
                    l,
                    "dấu # bắt đầu phần ghi chú của YAML: {key} chỉ còn \"{kept}\", phần sau bị bỏ",
                    "# starts a YAML comment: {key} is only \"{kept}\", the rest is dropped"
                ),
                tr!(
                    l,
                    "đặt cả giá trị trong ngoặc kép, ví dụ {key}: \"... #1 ...\"",
                    "put the whole value in double quotes, e.g. {key}: \"... #1 ...\""
                ),
            ),
            BroadcastOutsidePublication { edge, date } => match edge {
                Edge::BeforePublish => (
                    tr!(
                        l,
                        "broadcast.from trước ngày đăng trang ({date})",
                        "broadcast.from is before the page's publish_date ({date})"
                    ),
                    tr!(
                        l,
                        "tin chỉ được phát từ ngày đăng; dời broadcast.from hoặc publish_date",
                        "the item airs only from its publish date; move broadcast.from or publish_date"
                    ),
                ),
                Edge::AfterExpiry => (
                    tr!(
                        l,
                        "broadcast.until sau ngày hết hạn của trang ({date})",
                        "broadcast.until is after the page's expiry_date ({date})"
                    ),
                    tr!(
                        l,
                        "tin thôi phát khi trang hết hạn; dời broadcast.until hoặc expiry_date",
                        "the item stops airing when the page expires; move broadcast.until or expiry_date"
                    ),
                ),
            },
        }
    }
}
