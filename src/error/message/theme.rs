//! The theme and its templates (E040–E042).

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeProblem {
    /// E040
    ThemeNotFound { name: String, default: String },
    /// E041
    Template {
        detail: String,
        page: Option<PathBuf>,
    },
    /// E042: a page or section names a template the theme does not have.
    MissingTemplate { name: String, hint: Choice },
}

impl From<ThemeProblem> for Message {
    fn from(p: ThemeProblem) -> Message {
        Message::Theme(p)
    }
}

impl ThemeProblem {
    pub(super) fn code(&self) -> &'static str {
        use ThemeProblem::*;
        match self {
            ThemeNotFound { .. } => "E040",
            Template { .. } => "E041",
            MissingTemplate { .. } => "E042",
        }
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        use ThemeProblem::*;
        match self {
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
        }
    }
}
