//! Reading the site's files: encoding, the front matter block's fences, links in the folder,
//! data files (E002–E008).

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputProblem {
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
}

impl From<InputProblem> for Message {
    fn from(p: InputProblem) -> Message {
        Message::Input(p)
    }
}

impl InputProblem {
    pub(super) fn code(&self) -> &'static str {
        use InputProblem::*;
        match self {
            NotUtf8 => "E002",
            EmptyFile => "E003",
            NoFrontMatter => "E003",
            UnclosedFrontMatter => "E004",
            TabIndent => "E005",
            LinkOutsideSite => "E006",
            SymlinkLoop => "E007",
            CannotRead { .. } => "E007",
            BadDataFile { .. } => "E008",
        }
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        use InputProblem::*;
        match self {
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
        }
    }
}
