//! site.toml: what cannot be read and which values are wrong (E010, E011).

use super::*;

/// What a site.toml value is wrong about (`E010` when the file cannot be read, `E011` for a wrong value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// E010: TOML that cannot be read; `detail` is the parser's words.
    ConfigSyntax {
        detail: String,
    },
    /// E010
    ConfigUnknownKey {
        key: String,
        hint: Choice,
    },
    BaseUrl(String),
    PaginateZero,
    WardSlug(String),
    WardTwice(String),
    AgencyId(String),
    AgencyTwice(String),
    SpeakingRate(u32),
    HighlightTheme {
        name: String,
        hint: Choice,
    },
    SlotTime(String),
    SlotZeroMinutes(String),
    SlotTwice(String),
    PublishTarget(String),
    /// E070: `[broadcast.audio] command` cannot be run as written; says why.
    AudioCommand(AudioCommandProblem),
    /// E070: a bit rate MP3 has not for mono speech.
    AudioBitrate(u32),
    /// E070: `timeout = 0`.
    AudioTimeout,
}

/// What is wrong with `[broadcast.audio] command`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AudioCommandProblem {
    Empty,
    /// An unclosed quote.
    Quotes,
    /// No `{wav}`: the engine would write nowhere loa reads.
    NoWav,
    /// Neither `{ssml}` nor `{text}`: the engine would not read the bulletin.
    NoInput,
    /// A `{name}` loa does not fill in.
    Unknown(String),
}

impl From<ConfigProblem> for Message {
    fn from(p: ConfigProblem) -> Message {
        Message::Config(p)
    }
}

impl ConfigProblem {
    pub(super) fn code(&self) -> &'static str {
        match self {
            ConfigProblem::ConfigSyntax { .. } | ConfigProblem::ConfigUnknownKey { .. } => "E010",
            ConfigProblem::AudioCommand(_)
            | ConfigProblem::AudioBitrate(_)
            | ConfigProblem::AudioTimeout => "E070",
            _ => "E011",
        }
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        use ConfigProblem::*;
        match self {
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
            AudioCommand(why) => {
                let why = match why {
                    AudioCommandProblem::Empty => tr!(l, "để trống", "is empty"),
                    AudioCommandProblem::Quotes => {
                        tr!(l, "có dấu nháy chưa đóng", "has an unclosed quote")
                    }
                    AudioCommandProblem::NoWav => tr!(
                        l,
                        "không có {{wav}}, tệp âm thanh mà chương trình đọc ghi ra",
                        "has no {{wav}}, the audio file the engine writes"
                    ),
                    AudioCommandProblem::NoInput => tr!(
                        l,
                        "không có {{ssml}} hay {{text}}, tệp bản tin mà chương trình đọc",
                        "has neither {{ssml}} nor {{text}}, the bulletin file the engine reads"
                    ),
                    AudioCommandProblem::Unknown(name) => tr!(
                        l,
                        "có {{{name}}}, loa không biết điền gì vào đó",
                        "has {{{name}}}, which loa does not fill in"
                    ),
                };
                (
                    tr!(
                        l,
                        "lệnh đọc bản tin [broadcast.audio] command {why}",
                        "the [broadcast.audio] command {why}"
                    ),
                    tr!(
                        l,
                        "ví dụ command = \"{cmd}\"; chỗ điền được: {{ssml}} {{text}} {{wav}} {{speed}} {{rate}}",
                        "e.g. command = \"{cmd}\"; it can use {{ssml}} {{text}} {{wav}} {{speed}} {{rate}}",
                        cmd = crate::config::DEFAULT_AUDIO_COMMAND
                    ),
                )
            }
            AudioBitrate(v) => (
                tr!(
                    l,
                    "bitrate = {v}: MP3 đơn kênh không có tốc độ bit này",
                    "bitrate = {v}: mono MP3 has no such bit rate"
                ),
                tr!(
                    l,
                    "chọn một trong 32, 40, 48, 56, 64, 80, 96, 112, 128 (kbit/s); 48 đủ cho tiếng nói",
                    "pick one of 32, 40, 48, 56, 64, 80, 96, 112, 128 (kbit/s); 48 is enough for speech"
                ),
            ),
            AudioTimeout => (
                tr!(
                    l,
                    "timeout = 0: chương trình đọc không có giây nào để đọc",
                    "timeout = 0 leaves the engine no time"
                ),
                tr!(
                    l,
                    "đặt số giây cho một đoạn, ví dụ timeout = 120",
                    "give the seconds one piece may take, e.g. timeout = 120"
                ),
            ),
        }
    }
}
