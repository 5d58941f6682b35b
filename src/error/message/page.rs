//! What a page's body and the site's pages say together: nesting, HTML, alt text, similar
//! terms, titles (E034, W011, W020, W021, W023).

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageProblem {
    /// E034: a nested list or quote deeper than a page can show.
    TooDeep { limit: usize },
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
    /// W023
    DuplicateTitle { title: String, other: PathBuf },
}

impl From<PageProblem> for Message {
    fn from(p: PageProblem) -> Message {
        Message::Page(p)
    }
}

impl PageProblem {
    pub(super) fn code(&self) -> &'static str {
        use PageProblem::*;
        match self {
            TooDeep { .. } => "E034",
            HtmlSanitized { .. } => "W011",
            MarkdownImageWithoutAlt { .. } => "W020",
            SimilarTerms { .. } => "W021",
            DuplicateTitle { .. } => "W023",
        }
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        use PageProblem::*;
        match self {
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
        }
    }
}
