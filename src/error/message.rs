//! What each diagnostic says, in Vietnamese and in English. A [`Message`] is one kind of
//! problem with the facts it needs (a field name, a value, a suggestion); it knows its
//! stable code and severity, and renders its text and its hint in either language. The
//! code never depends on the language: `E027` is "fines that do not add up" in both.
//!
//! Both texts of a message sit next to each other so they cannot drift apart; `docs/codes.md`
//! lists every code with an example.

use std::path::PathBuf;

use super::{Severity, Text};

/// The language diagnostics are written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    /// Vietnamese, the default for a site whose `language` is "vi".
    #[default]
    Vi,
    En,
}

impl Lang {
    /// "vi", "vi-VN", "en", "en-US"... (case-insensitive); anything else is not a language
    /// loa speaks.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let base = s.split(['-', '_', '.']).next().unwrap_or("");
        match base {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of: the `--lang` option, the `LOA_LANG` variable, the site's `language`;
    /// Vietnamese when none of them names a language loa speaks.
    pub fn choose(option: Option<Lang>, env: Option<&str>, site: Option<&str>) -> Lang {
        option
            .or_else(|| env.and_then(Lang::parse))
            .or_else(|| site.and_then(Lang::parse))
            .unwrap_or_default()
    }
}

/// A hint listing what could have been meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// A known name close to what was written: probably a typo.
    Close(String),
    /// Nothing close; these are the names that may be used.
    OneOf(Vec<String>),
}

impl Choice {
    /// `Close` when a candidate is near `word`, else the whole list.
    pub fn among(word: &str, candidates: &[&str]) -> Choice {
        match super::did_you_mean(word, candidates) {
            Some(c) => Choice::Close(c.to_owned()),
            None => Choice::OneOf(candidates.iter().map(|c| (*c).to_owned()).collect()),
        }
    }
}

/// Which of a page's dates a broadcast window falls outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// `broadcast.from` is before `publish_date`.
    BeforePublish,
    /// `broadcast.until` is on or after `expiry_date`.
    AfterExpiry,
}

/// What kind of personal number was found in a violation notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalNumber {
    CitizenId,
    Phone,
}

/// What a site.toml value is wrong about (all `E011`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    BaseUrl(String),
    PaginateZero,
    WardSlug(String),
    WardTwice(String),
    AgencyId(String),
    AgencyTwice(String),
    SpeakingRate(u32),
    HighlightTheme { name: String, hint: Choice },
    SlotTime(String),
    SlotZeroMinutes(String),
    SlotTwice(String),
    PublishTarget(String),
}

/// Every problem loa reports, with its facts. See `docs/codes.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// E002
    NotUtf8,
    /// E003
    EmptyFile,
    /// E003
    NoFrontMatter,
    /// E004
    UnclosedFrontMatter,
    /// E005
    TabIndent,
    /// E006
    LinkOutsideSite,
    /// E007
    SymlinkLoop,
    /// E007: `detail` is the operating system's reason.
    CannotRead { detail: String },
    /// E008
    BadDataFile { detail: String },
    /// E010
    ConfigSyntax { detail: String },
    /// E010
    ConfigUnknownKey { key: String, hint: Choice },
    /// E011
    Config(ConfigProblem),
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
    /// E028
    NameWithoutBasis,
    /// E029
    PersonalNumber { what: PersonalNumber, found: String },
    /// E020: a value that is not one of the words a field takes (`status`, `priority`).
    UnknownValue { value: String, hint: Choice },
    /// E036: a notice's subject reads as a person (or a household business) but is
    /// declared an organization, so it would be published in full.
    SubjectIsAPerson { subject: String, household: bool },
    /// E037: an alias (an old address, still published as a redirect) holds the name of
    /// the person a notice masks.
    NameInAlias { alias: String },
    /// W026: an unquoted `#` that starts a YAML comment and cuts a text value short.
    CommentCutsValue { key: String, kept: String },
    /// W030: another person's name in a violation notice (a witness, a worker).
    OtherPersonInNotice { name: String },
    /// W031: an individual's address or landline number in a violation notice.
    PersonalDetailInNotice { found: String },
    /// W032: a notice that left every output on the build date (retention).
    NoticeRetired { since: String, months: u32 },
    /// E030
    BrokenLink {
        target: String,
        hint: Option<String>,
    },
    /// E031
    DuplicateUrl { url: String, first: PathBuf },
    /// E032
    MissingAnchor {
        target: String,
        anchor: String,
        headings: Vec<String>,
    },
    /// E033: a local image or file that is not in the site.
    MissingFile {
        url: String,
        expected: PathBuf,
        /// The address of a file with the same name written another way.
        similar: Option<String>,
    },
    /// E035: a plain link to an address of this site that no page has.
    BrokenUrl { url: String },
    /// E034: a nested list or quote deeper than a page can show.
    TooDeep { limit: usize },
    /// E040
    ThemeNotFound { name: String, default: String },
    /// E041
    Template {
        detail: String,
        page: Option<PathBuf>,
    },
    /// E060: a statistics file under content/data/thong-ke/ that cannot be used; its
    /// texts are made where the problem is found.
    Statistics { message: Text, help: Text },
    /// E042: a page or section names a template the theme does not have.
    MissingTemplate { name: String, hint: Choice },
    /// W010
    LinkToUnpublished { target: String },
    /// W011: raw HTML that the sanitizer changed.
    HtmlSanitized { removed: String },
    /// W020
    MarkdownImageWithoutAlt { url: String },
    /// W021
    SimilarTerms {
        taxonomy: String,
        first: String,
        first_files: Vec<PathBuf>,
        second: String,
        second_files: Vec<PathBuf>,
    },
    /// W022
    Unreachable { url: String },
    /// W023
    DuplicateTitle { title: String, other: PathBuf },
    /// W024
    BroadcastOutsidePublication { edge: Edge, date: String },
    /// W051: shared with the loudspeaker scripts.
    NotInGlossary { token: String },
    /// W050: a part of a broadcast page that the spoken script leaves out.
    LeftOutOfScript { part: crate::speech::Skipped },
    /// W053 (left out: a web or e-mail address, an emoji) or W054 (read by a guess: an
    /// unclear slash, an English decimal point): what a script cannot say with certainty.
    Unsayable {
        kind: crate::speech::DoubtKind,
        token: String,
    },
    /// W055: an item's own greeting or thanks, left out of the bulletin.
    ItemCourtesy { words: String },
    /// W056: a spoken sentence longer than one breath.
    LongSentence { syllables: usize, limit: usize },
    /// W052: a bulletin longer than its slot.
    BulletinTooLong {
        date: String,
        ward: String,
        slot: String,
        lasts: String,
        slot_length: String,
        /// Further bulletins with the same overflow.
        more: usize,
        items: Vec<String>,
    },
}

impl Message {
    pub fn code(&self) -> &'static str {
        use Message::*;
        match self {
            NotUtf8 => "E002",
            EmptyFile | NoFrontMatter => "E003",
            UnclosedFrontMatter => "E004",
            TabIndent => "E005",
            LinkOutsideSite => "E006",
            SymlinkLoop | CannotRead { .. } => "E007",
            BadDataFile { .. } => "E008",
            ConfigSyntax { .. } | ConfigUnknownKey { .. } => "E010",
            Config(_) => "E011",
            UnknownField { .. } => "E012",
            UnknownKind { .. } => "E013",
            YamlSyntax { .. }
            | WrongType { .. }
            | NotADate { .. }
            | ImpossibleDate { .. }
            | NotATime { .. }
            | UnknownValue { .. } => "E020",
            MissingField { draft: true, .. } => "W025",
            MissingField { .. } | NoTitle | CampaignNeedsTerms => "E021",
            UnsafeSlug { .. }
            | UnsafeAlias { .. }
            | FileOutsideAssets { .. }
            | ScriptUrl { .. } => "E022",
            UnknownAgency { .. } | UnknownWard { .. } => "E023",
            ImageWithoutAlt => "E024",
            ExpiryNotAfterPublish | BroadcastUntilBeforeFrom | PeriodEndsBeforeStart { .. } => {
                "E025"
            }
            UnknownSlot { .. } => "E026",
            FinesDoNotAddUp { .. } => "E027",
            NameWithoutBasis => "E028",
            PersonalNumber { .. } => "E029",
            SubjectIsAPerson { .. } => "E036",
            NameInAlias { .. } => "E037",
            CommentCutsValue { .. } => "W026",
            OtherPersonInNotice { .. } => "W030",
            PersonalDetailInNotice { .. } => "W031",
            NoticeRetired { .. } => "W032",
            BrokenLink { .. } => "E030",
            DuplicateUrl { .. } => "E031",
            MissingAnchor { .. } => "E032",
            MissingFile { .. } => "E033",
            TooDeep { .. } => "E034",
            BrokenUrl { .. } => "E035",
            ThemeNotFound { .. } => "E040",
            Template { .. } => "E041",
            MissingTemplate { .. } => "E042",
            Statistics { .. } => "E060",
            LinkToUnpublished { .. } => "W010",
            HtmlSanitized { .. } => "W011",
            MarkdownImageWithoutAlt { .. } => "W020",
            SimilarTerms { .. } => "W021",
            Unreachable { .. } => "W022",
            DuplicateTitle { .. } => "W023",
            BroadcastOutsidePublication { .. } => "W024",
            NotInGlossary { .. } => "W051",
            LeftOutOfScript { .. } => "W050",
            BulletinTooLong { .. } => "W052",
            ItemCourtesy { .. } => "W055",
            LongSentence { .. } => "W056",
            Unsayable { kind, .. } => {
                use crate::speech::DoubtKind;
                match kind {
                    DoubtKind::Url | DoubtKind::Email | DoubtKind::Emoji => "W053",
                    DoubtKind::Slash | DoubtKind::DecimalPoint | DoubtKind::Abbreviation => "W054",
                }
            }
        }
    }

    pub fn severity(&self) -> Severity {
        if self.code().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    /// The message and the hint, in `lang`.
    pub fn render(&self, lang: Lang) -> (String, Option<String>) {
        let (m, h) = self.texts(lang);
        (m, (!h.is_empty()).then_some(h))
    }

    fn texts(&self, l: Lang) -> (String, String) {
        use Message::*;
        match self {
            Statistics { message, help } => (message.get(l).to_owned(), help.get(l).to_owned()),
            NotUtf8 => (
                tr!(
                    l,
                    "tệp này không phải văn bản UTF-8",
                    "this file is not UTF-8 text"
                ),
                tr!(
                    l,
                    "lưu lại tệp với bảng mã UTF-8 trong trình soạn thảo (Lưu với bảng mã → UTF-8)",
                    "save it as UTF-8 in your editor (Save with encoding → UTF-8)"
                ),
            ),
            EmptyFile => (
                tr!(l, "tệp này trống", "this file is empty"),
                tr!(
                    l,
                    "một trang bắt đầu bằng khối khai báo (front matter):\n---\ntitle: \"Tiêu đề\"\n---",
                    "a page starts with a front matter block:\n---\ntitle: \"Tiêu đề\"\n---"
                ),
            ),
            NoFrontMatter => (
                tr!(
                    l,
                    "trang này không có khối khai báo (front matter)",
                    "this page has no front matter block"
                ),
                tr!(
                    l,
                    "thêm vào đầu tệp:\n---\ntitle: \"Tiêu đề\"\n---",
                    "start the file with:\n---\ntitle: \"Tiêu đề\"\n---"
                ),
            ),
            UnclosedFrontMatter => (
                tr!(
                    l,
                    "khối khai báo mở ở đây nhưng không được đóng lại",
                    "the front matter block opened here is never closed"
                ),
                tr!(
                    l,
                    "thêm một dòng chỉ có --- sau trường cuối cùng",
                    "add a line with only --- after the last field"
                ),
            ),
            TabIndent => (
                tr!(
                    l,
                    "dòng này của khối khai báo được thụt lề bằng phím Tab",
                    "a tab indents this line of the front matter"
                ),
                tr!(
                    l,
                    "thụt lề bằng dấu cách (hai dấu cách cho mỗi cấp); YAML không chấp nhận Tab",
                    "indent with spaces (two per level); YAML does not accept tabs"
                ),
            ),
            LinkOutsideSite => (
                tr!(
                    l,
                    "liên kết (symlink) này trỏ ra ngoài thư mục của trang web",
                    "this link points outside the site's folder"
                ),
                tr!(
                    l,
                    "sao chép tệp vào thư mục của trang web thay vì tạo liên kết",
                    "copy the file into the site instead of linking to it"
                ),
            ),
            SymlinkLoop => (
                tr!(
                    l,
                    "liên kết thư mục này dẫn ngược về chính nó (vòng lặp symlink)",
                    "this folder link leads back into itself (a symlink loop)"
                ),
                tr!(l, "xóa liên kết này", "remove the link"),
            ),
            CannotRead { detail } => (
                tr!(
                    l,
                    "không đọc được tệp hoặc thư mục này: {detail}",
                    "cannot read this file or folder: {detail}"
                ),
                tr!(
                    l,
                    "kiểm tra xem tệp có tồn tại và bạn có quyền đọc không",
                    "check that it exists and that you may read it"
                ),
            ),
            BadDataFile { detail } => {
                let vi_detail = vi_yaml(detail);
                (
                    tr!(
                        l,
                        "không đọc được tệp dữ liệu này: {vi_detail}",
                        "this data file cannot be read: {detail}"
                    ),
                    tr!(
                        l,
                        "sửa dòng được chỉ ra; tệp YAML cần dạng `khóa: giá trị`, tệp JSON cần đúng cú pháp JSON",
                        "fix the line shown; YAML needs `key: value`, JSON must be valid JSON"
                    ),
                )
            }
            ConfigSyntax { detail } => (
                tr!(
                    l,
                    "site.toml viết chưa đúng: {detail}",
                    "site.toml cannot be read: {detail}"
                ),
                tr!(
                    l,
                    "xem phần site.toml trong README",
                    "see the site.toml section of the README"
                ),
            ),
            ConfigUnknownKey { key, hint } => (
                tr!(
                    l,
                    "khóa không có trong site.toml: \"{key}\"",
                    "unknown field \"{key}\""
                ),
                choice_help(l, hint, None),
            ),
            Config(p) => config_texts(l, p),
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
            NameWithoutBasis => (
                tr!(
                    l,
                    "publish_name cần có publication_basis",
                    "publish_name needs publication_basis"
                ),
                tr!(
                    l,
                    "ghi rõ căn cứ (quyết định hoặc điều luật) cho phép công khai tên người vi phạm, ví dụ publication_basis: \"Điều ... Nghị định ...\"",
                    "say under which decision or law the person's name may be published, e.g. publication_basis: \"Điều ... Nghị định ...\""
                ),
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
            SubjectIsAPerson {
                subject,
                household: false,
            } => (
                tr!(
                    l,
                    "\"{subject}\" là tên một người, nhưng subject_type ghi là organization: tên đầy đủ sẽ bị công khai",
                    "\"{subject}\" is a person's name, but subject_type says organization: the full name would be published"
                ),
                tr!(
                    l,
                    "nếu đối tượng là cá nhân, ghi subject_type: individual (tên chỉ hiện chữ cái đầu, ví dụ N.V.H.); nếu là doanh nghiệp, ghi đủ tên đăng ký, ví dụ subject: \"Công ty TNHH ...\"",
                    "for a person write subject_type: individual (only initials are shown, e.g. N.V.H.); for a company write its registered name, e.g. subject: \"Công ty TNHH ...\""
                ),
            ),
            SubjectIsAPerson {
                subject,
                household: true,
            } => (
                tr!(
                    l,
                    "\"{subject}\" là hộ kinh doanh mang tên chủ hộ, nhưng subject_type ghi là organization",
                    "\"{subject}\" is a household business named after its owner, but subject_type says organization"
                ),
                tr!(
                    l,
                    "ghi subject_type: household: tên chủ hộ chỉ hiện chữ cái đầu (Hộ kinh doanh T.T.L.)",
                    "write subject_type: household: the owner's name is shown by initials (Hộ kinh doanh T.T.L.)"
                ),
            ),
            NameInAlias { alias } => (
                tr!(
                    l,
                    "địa chỉ cũ \"{alias}\" chứa tên người bị xử phạt và sẽ vẫn được đăng",
                    "the old address \"{alias}\" holds the name of the person fined and would still be published"
                ),
                tr!(
                    l,
                    "xóa địa chỉ này khỏi aliases; nếu nó đã được đăng, đề nghị quản trị cổng thông tin gỡ trang cũ",
                    "remove it from aliases; if it was ever published, ask the portal's administrator to take the old page down"
                ),
            ),
            OtherPersonInNotice { name } => (
                tr!(
                    l,
                    "thông báo xử lý vi phạm có tên người \"{name}\"",
                    "the violation notice names a person, \"{name}\""
                ),
                tr!(
                    l,
                    "chỉ tên đối tượng bị xử lý (subject) được tự động viết tắt; tên người làm chứng, người lao động... hãy bỏ đi hoặc viết tắt (N.V.A.)",
                    "only the subject's name is masked automatically; remove or abbreviate (N.V.A.) the names of witnesses, workers and others"
                ),
            ),
            PersonalDetailInNotice { found } => (
                tr!(
                    l,
                    "thông báo về cá nhân có địa chỉ hoặc số điện thoại riêng: \"{found}\"",
                    "a notice about an individual gives an address or a phone number: \"{found}\""
                ),
                tr!(
                    l,
                    "không công bố nơi ở hay số điện thoại của cá nhân; chỉ ghi phường nơi xảy ra vi phạm (ward)",
                    "do not publish where a person lives or their phone number; give only the ward where the violation happened (ward)"
                ),
            ),
            NoticeRetired { since, months } => (
                tr!(
                    l,
                    "thông báo này đã hết thời hạn đăng ({months} tháng) từ ngày {since}: đã gỡ khỏi trang, danh sách, tìm kiếm và bản tin",
                    "this notice reached its retention period ({months} months) on {since}: it has left the pages, lists, search and bulletins"
                ),
                tr!(
                    l,
                    "không cần làm gì; có thể chuyển tệp ra khỏi content/ để lưu trữ",
                    "nothing to do; you may move the file out of content/ to archive it"
                ),
            ),
            PersonalNumber { what, found } => {
                let (vi, en) = match what {
                    self::PersonalNumber::CitizenId => {
                        ("số căn cước công dân", "a citizen-ID number")
                    }
                    self::PersonalNumber::Phone => {
                        ("số điện thoại cá nhân", "a personal phone number")
                    }
                };
                (
                    tr!(
                        l,
                        "không được công bố {vi} \"{found}\" trong thông báo xử lý vi phạm",
                        "{en} \"{found}\" must not be published in a violation notice"
                    ),
                    tr!(
                        l,
                        "xóa số này: thông báo không bao giờ ghi số căn cước công dân hay số điện thoại cá nhân",
                        "remove it: notices never show citizen-ID numbers or personal phone numbers"
                    ),
                )
            }
            BrokenLink { target, hint } => (
                tr!(
                    l,
                    "liên kết @/{target} trỏ tới một tệp không có",
                    "the link @/{target} points to a file that does not exist"
                ),
                match hint {
                    Some(c) => tr!(l, "có phải ý bạn là @/{c}?", "did you mean @/{c}?"),
                    None => tr!(
                        l,
                        "kiểm tra tên tệp trong content/; liên kết viết dạng @/muc/tep.md",
                        "check the file name under content/; links are written @/section/file.md"
                    ),
                },
            ),
            DuplicateUrl { url, first } => {
                let first = first.display();
                (
                    tr!(
                        l,
                        "{url} đã là địa chỉ của {first}",
                        "{url} is already the address of {first}"
                    ),
                    tr!(
                        l,
                        "đổi tên tệp hoặc slug của một trong hai trang",
                        "give one of the two pages another file name or slug"
                    ),
                )
            }
            MissingAnchor {
                target,
                anchor,
                headings,
            } => {
                let ids: Vec<&str> = headings.iter().map(String::as_str).collect();
                let list = ids
                    .iter()
                    .map(|i| format!("#{i}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                (
                    tr!(
                        l,
                        "trang @/{target} không có đề mục #{anchor}",
                        "@/{target} has no heading #{anchor}"
                    ),
                    match super::did_you_mean(anchor, &ids) {
                        Some(x) => tr!(l, "có phải ý bạn là #{x}?", "did you mean #{x}?"),
                        None if ids.is_empty() => tr!(
                            l,
                            "trang đó không có đề mục nào để liên kết tới",
                            "that page has no headings to link to"
                        ),
                        None => tr!(
                            l,
                            "các đề mục của trang đó là: {list}",
                            "its headings are: {list}"
                        ),
                    },
                )
            }
            MissingFile {
                url,
                expected,
                similar,
            } => {
                let expected = expected.display();
                let help = match similar {
                    Some(found) => tr!(
                        l,
                        "có phải ý bạn là {found}? (tên tệp phân biệt chữ hoa, chữ thường; dùng dấu /, không dùng \\)",
                        "did you mean {found}? (upper and lower case matter; write / not \\)"
                    ),
                    None => tr!(
                        l,
                        "đặt tệp vào {expected}, hoặc sửa đường dẫn cho đúng tên tệp (phân biệt chữ hoa, chữ thường)",
                        "put the file at {expected}, or correct the path (upper and lower case matter)"
                    ),
                };
                (
                    tr!(
                        l,
                        "không tìm thấy tệp {url}: không có {expected}",
                        "{url} is not there: there is no {expected}"
                    ),
                    help,
                )
            }
            BrokenUrl { url } => (
                tr!(
                    l,
                    "liên kết {url} trỏ tới một địa chỉ không có trong trang web",
                    "the link {url} points to an address this site does not have"
                ),
                tr!(
                    l,
                    "viết liên kết dạng @/muc/tep.md để loa kiểm tra được, hoặc sửa lại địa chỉ",
                    "write it as @/section/file.md so loa can check it, or correct the address"
                ),
            ),
            TooDeep { limit } => (
                tr!(
                    l,
                    "danh sách hoặc trích dẫn lồng nhau quá {limit} cấp",
                    "lists or quotes are nested more than {limit} levels deep"
                ),
                tr!(
                    l,
                    "bớt các cấp lồng nhau; người đọc chỉ theo dõi được vài cấp",
                    "flatten the nesting; readers follow only a few levels"
                ),
            ),
            ThemeNotFound { name, default } => (
                tr!(
                    l,
                    "không tìm thấy giao diện \"{name}\": không có thư mục themes/{name}",
                    "theme \"{name}\" not found: there is no folder themes/{name}"
                ),
                tr!(
                    l,
                    "xóa dòng theme để dùng giao diện có sẵn \"{default}\", hoặc thêm thư mục của giao diện",
                    "remove the theme line to use the built-in theme \"{default}\", or add the theme's folder"
                ),
            ),
            Template { detail, page } => (
                tr!(
                    l,
                    "lỗi trong mẫu giao diện: {detail}",
                    "template error: {detail}"
                ),
                match page {
                    Some(p) => {
                        let p = p.display();
                        tr!(
                            l,
                            "lỗi xảy ra khi dựng trang {p}; sửa mẫu giao diện, hoặc khối khai báo của trang nếu thiếu giá trị",
                            "this happened while rendering {p}; fix the template, or the page's front matter if a value is missing"
                        )
                    }
                    None => tr!(l, "sửa mẫu giao diện", "fix the template"),
                },
            ),
            MissingTemplate { name, hint } => (
                tr!(
                    l,
                    "giao diện không có mẫu \"{name}\"",
                    "the theme has no template \"{name}\""
                ),
                match hint {
                    Choice::Close(c) => {
                        tr!(l, "có phải ý bạn là \"{c}\"?", "did you mean \"{c}\"?")
                    }
                    Choice::OneOf(_) => tr!(
                        l,
                        "xóa dòng template để dùng mẫu mặc định của loại nội dung, hoặc thêm tệp vào themes/<giao diện>/templates/",
                        "remove the template line to use the kind's default, or add the file under themes/<theme>/templates/"
                    ),
                },
            ),
            LinkToUnpublished { target } => (
                tr!(
                    l,
                    "liên kết tới @/{target} trỏ tới một trang chưa (hoặc không còn) được đăng vào ngày dựng",
                    "the link to @/{target} points to a page that is not published on the build date"
                ),
                tr!(
                    l,
                    "liên kết được hiển thị không kèm địa chỉ cho đến khi trang đó được đăng",
                    "the link is shown without its address until that page is published"
                ),
            ),
            HtmlSanitized { removed } => (
                tr!(
                    l,
                    "đã bỏ phần HTML có thể chạy mã: {removed}",
                    "HTML that could run code was removed: {removed}"
                ),
                tr!(
                    l,
                    "viết nội dung bằng markdown; trang không được chứa mã script",
                    "write it in markdown; pages may not carry scripts"
                ),
            ),
            MarkdownImageWithoutAlt { url } => (
                tr!(
                    l,
                    "ảnh {url} chưa có lời mô tả thay thế",
                    "the image {url} has no text alternative"
                ),
                tr!(
                    l,
                    "ghi nội dung ảnh trong ngoặc vuông: ![Công nhân đeo dây an toàn]({url})",
                    "say what it shows inside the brackets: ![Công nhân đeo dây an toàn]({url})"
                ),
            ),
            SimilarTerms {
                taxonomy,
                first,
                first_files,
                second,
                second_files,
            } => {
                let (a, b) = (files(first_files), files(second_files));
                (
                    tr!(
                        l,
                        "{taxonomy}: \"{first}\" ({a}) và \"{second}\" ({b}) gần như là một",
                        "{taxonomy}: \"{first}\" ({a}) and \"{second}\" ({b}) are nearly the same"
                    ),
                    tr!(
                        l,
                        "chúng được gộp làm một mục; hãy viết thống nhất một cách, có dấu, ví dụ \"{first}\"",
                        "they are merged into one term; write them one way, with diacritics, e.g. \"{first}\""
                    ),
                )
            }
            Unreachable { url } => (
                tr!(
                    l,
                    "không danh sách, liên kết hay trình đơn nào dẫn tới trang {url}",
                    "no list, link or menu leads to {url}"
                ),
                tr!(
                    l,
                    "liên kết tới trang này từ một trang khác (ví dụ [tên](@/ten-tep.md)), hoặc chuyển nó vào một mục",
                    "link to it from another page (e.g. [name](@/file.md)), or move it into a section"
                ),
            ),
            DuplicateTitle { title, other } => {
                let other = other.display();
                (
                    tr!(
                        l,
                        "tiêu đề \"{title}\" trùng với trang {other}",
                        "the title \"{title}\" is also the title of {other}"
                    ),
                    tr!(
                        l,
                        "đặt tiêu đề khác nhau để người đọc phân biệt được hai trang",
                        "give the pages different titles so readers can tell them apart"
                    ),
                )
            }
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
            LeftOutOfScript { part } => {
                use crate::speech::Skipped;
                let (vi, en) = match part {
                    Skipped::Table => ("bảng", "a table"),
                    Skipped::CodeBlock => ("đoạn mã", "a code block"),
                    Skipped::Html => ("mã HTML", "raw HTML"),
                    Skipped::Image => ("hình ảnh", "an image"),
                    Skipped::Footnote => ("chú thích cuối trang", "a footnote"),
                };
                (
                    tr!(
                        l,
                        "{vi} không được đọc trên loa",
                        "{en} is left out of the spoken script"
                    ),
                    tr!(
                        l,
                        "cổng thông tin vẫn hiển thị phần này; bản tin phát thanh bỏ qua nó",
                        "the portal shows it; the loudspeaker script leaves it out"
                    ),
                )
            }
            BulletinTooLong {
                date,
                ward,
                slot,
                lasts,
                slot_length,
                more,
                items,
            } => {
                let items = items.join(", ");
                let more_vi = if *more > 0 {
                    format!(" (và {more} bản tin khác)")
                } else {
                    String::new()
                };
                let more_en = if *more > 0 {
                    format!(" (and {more} other bulletins)")
                } else {
                    String::new()
                };
                (
                    tr!(
                        l,
                        "bản tin ngày {date} của {ward} ({slot}) dài {lasts}, quá thời lượng buổi phát {slot_length}{more_vi}; các tin không đủ giờ: {items}",
                        "the bulletin of {date} for {ward} ({slot}) lasts {lasts} but the slot has {slot_length}{more_en}; these items do not fit: {items}"
                    ),
                    tr!(
                        l,
                        "rút gọn các tin, chuyển sang buổi khác hoặc bớt ngày phát, hoặc tăng thời lượng buổi phát trong site.toml",
                        "shorten the items, give them another slot or fewer days, or lengthen the slot in site.toml"
                    ),
                )
            }
            Unsayable { kind, token } => unsayable_texts(l, *kind, token),
            ItemCourtesy { words } => (
                tr!(
                    l,
                    "\"{words}\": lời chào, lời cảm ơn riêng của tin bị bỏ khỏi bản tin",
                    "\"{words}\": an item's own greeting or thanks is left out of the bulletin"
                ),
                tr!(
                    l,
                    "bản tin chỉ có một lời mở đầu và một lời kết (của đài, trong site.toml); nghe giữa chừng, lời chào hay lời cảm ơn làm bà con tưởng bản tin đã hết. Bỏ câu này khỏi tin",
                    "a bulletin has one opening and one closing (the station's, in site.toml); in the middle, a greeting or thanks makes listeners think it is over. Remove it from the item"
                ),
            ),
            LongSentence { syllables, limit } => (
                tr!(
                    l,
                    "câu dài {syllables} âm tiết, quá một hơi đọc (khoảng {limit})",
                    "a sentence of {syllables} syllables, longer than one breath (about {limit})"
                ),
                tr!(
                    l,
                    "tách thành hai, ba câu ngắn để phát thanh viên đọc rõ và bà con nghe kịp",
                    "split it into two or three short sentences so the announcer reads it clearly and listeners follow"
                ),
            ),
            NotInGlossary { token } => (
                tr!(
                    l,
                    "{token}: chưa có trong bảng từ viết tắt; phát thanh viên sẽ đọc từng chữ cái",
                    "{token}: not in the glossary; it would be read letter by letter"
                ),
                tr!(
                    l,
                    "thêm nó vào [glossary] trong site.toml kèm cách đọc, hoặc viết đầy đủ",
                    "add it to [glossary] in site.toml with its spoken form, or write it out"
                ),
            ),
        }
    }
}

fn unsayable_texts(l: Lang, kind: crate::speech::DoubtKind, token: &str) -> (String, String) {
    use crate::speech::DoubtKind;
    match kind {
        DoubtKind::Url | DoubtKind::Email => {
            let (vi, en) = match kind {
                DoubtKind::Url => ("địa chỉ web", "a web address"),
                _ => ("địa chỉ thư điện tử", "an e-mail address"),
            };
            (
                tr!(
                    l,
                    "{token}: {vi} không đọc được trên loa; bản tin bỏ qua nó",
                    "{token}: {en} cannot be read over the loudspeakers; the script leaves it out"
                ),
                tr!(
                    l,
                    "nói bằng lời nơi bà con tìm thông tin (ví dụ: trên cổng thông tin của phường) hoặc một số điện thoại, hoặc viết broadcast.text",
                    "say in words where listeners find it (e.g. on the ward's portal) or give a phone number, or write a broadcast.text"
                ),
            )
        }
        DoubtKind::Emoji => (
            tr!(
                l,
                "{token}: biểu tượng không đọc được trên loa; bản tin bỏ qua nó",
                "{token}: an emoji cannot be read over the loudspeakers; the script leaves it out"
            ),
            tr!(
                l,
                "viết thành lời điều biểu tượng muốn nói",
                "write in words what the emoji means"
            ),
        ),
        DoubtKind::Slash => (
            tr!(
                l,
                "{token}: không rõ là ngày hay phân số; loa đọc là phân số",
                "{token}: not clearly a date; the script reads it as a fraction"
            ),
            tr!(
                l,
                "nếu là ngày, viết \"ngày {token}\"; nếu là số nhà, viết \"số {token}\"",
                "for a date write \"ngày {token}\"; for a house number write \"số {token}\""
            ),
        ),
        DoubtKind::Abbreviation => (
            tr!(
                l,
                "{token}: chữ viết tắt có hai nghĩa; loa đọc theo phỏng đoán (CP: Chính phủ)",
                "{token}: an abbreviation with two meanings; the script reads it by a guess (CP: Chính phủ)"
            ),
            tr!(
                l,
                "viết đầy đủ: \"cổ phần\" hay \"Chính phủ\"",
                "write it out: \"cổ phần\" or \"Chính phủ\""
            ),
        ),
        DoubtKind::DecimalPoint => (
            tr!(
                l,
                "{token}: dấu chấm thập phân kiểu tiếng Anh; loa đọc là \"phẩy\"",
                "{token}: a decimal point typed the English way; the script reads it \"phẩy\""
            ),
            tr!(
                l,
                "tiếng Việt dùng dấu phẩy thập phân: viết 12,5% thay cho 12.5%",
                "Vietnamese writes a decimal comma: write 12,5% rather than 12.5%"
            ),
        ),
    }
}

fn config_texts(l: Lang, p: &ConfigProblem) -> (String, String) {
    use ConfigProblem::*;
    match p {
        BaseUrl(v) => (
            tr!(
                l,
                "base_url \"{v}\" không phải là một địa chỉ web",
                "base_url \"{v}\" is not a web address"
            ),
            tr!(
                l,
                "ghi địa chỉ của cổng thông tin, ví dụ base_url = \"https://atvsld.example.gov.vn\"",
                "write the portal's address, e.g. base_url = \"https://atvsld.example.gov.vn\""
            ),
        ),
        PaginateZero => (
            tr!(
                l,
                "paginate_by phải từ 1 trở lên",
                "paginate_by must be at least 1"
            ),
            tr!(l, "ví dụ paginate_by = 10", "e.g. paginate_by = 10"),
        ),
        WardSlug(v) => (
            tr!(
                l,
                "slug của phường \"{v}\" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch nối",
                "ward slug \"{v}\" must be lowercase ASCII letters, digits and hyphens"
            ),
            tr!(l, "ví dụ slug = \"an-bien\"", "e.g. slug = \"an-bien\""),
        ),
        WardTwice(v) => (
            tr!(
                l,
                "phường \"{v}\" được khai báo hai lần",
                "ward \"{v}\" is declared twice"
            ),
            tr!(
                l,
                "xóa một trong hai bảng [[wards]]",
                "remove one of the two [[wards]] tables"
            ),
        ),
        AgencyId(v) => (
            tr!(
                l,
                "mã cơ quan \"{v}\" chỉ được gồm chữ thường không dấu, chữ số và dấu gạch nối",
                "agency id \"{v}\" must be lowercase ASCII letters, digits and hyphens"
            ),
            tr!(l, "ví dụ id = \"phong-vhtt\"", "e.g. id = \"phong-vhtt\""),
        ),
        AgencyTwice(v) => (
            tr!(
                l,
                "cơ quan \"{v}\" được khai báo hai lần",
                "agency \"{v}\" is declared twice"
            ),
            tr!(
                l,
                "xóa một trong hai bảng [[agencies]]",
                "remove one of the two [[agencies]] tables"
            ),
        ),
        SpeakingRate(v) => (
            tr!(
                l,
                "syllables_per_minute = {v} không phải là tốc độ đọc",
                "syllables_per_minute = {v} is not a speaking rate"
            ),
            tr!(
                l,
                "phát thanh viên đọc 160 đến 200 âm tiết mỗi phút; mặc định là 180",
                "announcers read 160 to 200 syllables a minute; the default is 180"
            ),
        ),
        SlotTime(v) => (
            tr!(
                l,
                "giờ phát \"{v}\" không phải là một giờ trong ngày",
                "slot time \"{v}\" is not a time of day"
            ),
            tr!(
                l,
                "viết theo dạng GG:PP, ví dụ time = \"06:00\"",
                "write it as HH:MM, e.g. time = \"06:00\""
            ),
        ),
        SlotZeroMinutes(v) => (
            tr!(
                l,
                "khung giờ \"{v}\" dài 0 phút",
                "slot \"{v}\" lasts 0 minutes"
            ),
            tr!(
                l,
                "đặt minutes = 15 hoặc tương tự",
                "give it minutes = 15 or similar"
            ),
        ),
        SlotTwice(v) => (
            tr!(
                l,
                "khung giờ \"{v}\" được khai báo hai lần",
                "slot \"{v}\" is declared twice"
            ),
            tr!(
                l,
                "mỗi khung giờ cần một id riêng",
                "give each slot its own id"
            ),
        ),
        HighlightTheme { name, hint } => (
            tr!(
                l,
                "không có kiểu tô màu mã nguồn \"{name}\" (highlight_theme)",
                "there is no code highlighting theme \"{name}\" (highlight_theme)"
            ),
            choice_help(l, hint, None),
        ),
        PublishTarget(v) => (
            tr!(
                l,
                "nơi đăng tải \"{v}\" không phải file:// hay sftp://",
                "publish target \"{v}\" is neither file:// nor sftp://"
            ),
            tr!(
                l,
                "ví dụ target = \"sftp://user@host:22/var/www/atvsld\"",
                "e.g. target = \"sftp://user@host:22/var/www/atvsld\""
            ),
        ),
    }
}

/// "did you mean ..." or the list of allowed names; `declared_in` names the site.toml
/// table to declare a new one in.
fn choice_help(l: Lang, hint: &Choice, declared_in: Option<&str>) -> String {
    match (hint, declared_in) {
        (Choice::Close(c), _) => tr!(l, "có phải ý bạn là \"{c}\"?", "did you mean \"{c}\"?"),
        (Choice::OneOf(list), Some(table)) if list.is_empty() => tr!(
            l,
            "khai báo nó trong site.toml, mục {table}",
            "declare it in site.toml under {table}"
        ),
        (Choice::OneOf(list), None) if list.is_empty() => tr!(l, "xóa nó đi", "remove it"),
        (Choice::OneOf(list), Some(table)) => {
            let list = list.join(", ");
            tr!(
                l,
                "dùng một giá trị đã khai báo trong site.toml, mục {table}: {list}",
                "use one declared in site.toml {table}: {list}"
            )
        }
        (Choice::OneOf(list), None) => {
            let list = list.join(", ");
            tr!(
                l,
                "xóa nó, hoặc dùng một trong: {list}",
                "remove it, or use one of: {list}"
            )
        }
    }
}

/// libyaml's most common complaints in Vietnamese; others are kept as written.
fn vi_yaml(detail: &str) -> String {
    const KNOWN: [(&str, &str); 6] = [
        (
            "mapping values are not allowed in this context",
            "có dấu hai chấm trong một giá trị chưa đặt trong ngoặc kép",
        ),
        (
            "found unexpected end of stream",
            "khối kết thúc khi một chuỗi hoặc danh sách còn chưa đóng",
        ),
        (
            "did not find expected ',' or ']'",
            "danh sách [ ... ] thiếu dấu phẩy hoặc dấu ] đóng",
        ),
        (
            "did not find expected ',' or '}'",
            "bảng { ... } thiếu dấu phẩy hoặc dấu } đóng",
        ),
        (
            "did not find expected key",
            "thiếu tên trường, hoặc thụt lề không đều",
        ),
        (
            "found character that cannot start any token",
            "có ký tự không được phép ở đầu giá trị",
        ),
    ];
    KNOWN
        .iter()
        .find(|(en, _)| detail.starts_with(en))
        .map_or_else(|| detail.to_owned(), |(_, vi)| (*vi).to_owned())
}

fn date_help(l: Lang) -> String {
    tr!(
        l,
        "ghi ngày theo dạng NNNN-TT-NN (năm-tháng-ngày), ví dụ 2025-05-19",
        "write dates as YYYY-MM-DD, e.g. 2025-05-19"
    )
}

fn files(list: &[PathBuf]) -> String {
    const SHOWN: usize = 3;
    let mut names: Vec<String> = list
        .iter()
        .take(SHOWN)
        .map(|p| p.display().to_string())
        .collect();
    if list.len() > SHOWN {
        names.push(format!("+{}", list.len() - SHOWN));
    }
    names.join(", ")
}

/// A kind as the Vietnamese subject of a sentence.
fn vi_kind(kind: &str) -> &str {
    match kind {
        "page" => "trang",
        "news" => "tin bài",
        "campaign" => "chiến dịch",
        "action-month" => "tháng hành động",
        "model" => "gương điển hình",
        "document" => "văn bản",
        "broadcast" => "thông báo phát thanh",
        "violation" => "thông báo xử lý vi phạm",
        other => other,
    }
}

/// serde's names of value types ("a string", "i64", "a sequence") in Vietnamese.
fn vi_type(t: &str) -> String {
    let (head, quoted) = match t.split_once(' ') {
        Some((h, rest)) if rest.starts_with('"') || rest.starts_with('`') => (h, Some(rest)),
        _ => (t, None),
    };
    let word = match head {
        "string" | "a string" => "văn bản",
        "integer" | "i64" | "u64" | "i32" | "u32" | "usize" | "u8" => "một số nguyên",
        "floating" | "f64" => "một số",
        "boolean" | "a boolean" => "giá trị true/false",
        "sequence" | "a sequence" => "một danh sách",
        "map" | "a map" => "một bảng khóa: giá trị",
        "unit" => "giá trị rỗng",
        _ => return t.to_owned(),
    };
    match quoted {
        Some(q) => format!("{word} {q}"),
        None => word.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chooses_option_then_env_then_site_language() {
        assert_eq!(
            Lang::choose(Some(Lang::En), Some("vi"), Some("vi")),
            Lang::En
        );
        assert_eq!(
            Lang::choose(None, Some("en_US.UTF-8"), Some("vi")),
            Lang::En
        );
        assert_eq!(Lang::choose(None, None, Some("en")), Lang::En);
        assert_eq!(Lang::choose(None, Some("fr"), Some("fr")), Lang::Vi);
        assert_eq!(Lang::choose(None, None, None), Lang::Vi);
    }

    #[test]
    fn renders_both_languages_with_the_same_code() {
        let m = Message::FinesDoNotAddUp {
            total: "2.000.000".into(),
            sum: "1.000.000".into(),
        };
        assert_eq!(m.code(), "E027");
        let (vi, _) = m.render(Lang::Vi);
        let (en, _) = m.render(Lang::En);
        assert_eq!(
            vi,
            "total_fine ghi 2.000.000 đồng nhưng cộng các khoản phạt được 1.000.000 đồng"
        );
        assert_eq!(
            en,
            "total_fine is 2.000.000 but the fines add up to 1.000.000"
        );
    }

    #[test]
    fn vietnamese_text_is_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let m = Message::MissingField {
            kind: "campaign",
            field: "period".into(),
            example: "period: {start: 2025-05-01, end: 2025-05-31}".into(),
            draft: false,
        };
        let (text, help) = m.render(Lang::Vi);
        assert_eq!(text, "chiến dịch cần có trường \"period\"");
        let help = help.unwrap_or_default();
        assert_eq!(help.nfc().collect::<String>(), help);
        assert_eq!(text.nfc().collect::<String>(), text);
    }

    #[test]
    fn translates_serde_type_names() {
        assert_eq!(vi_type("string \"nặng\""), "văn bản \"nặng\"");
        assert_eq!(vi_type("i64"), "một số nguyên");
        assert_eq!(vi_type("something odd"), "something odd");
    }
}
