//! References between pages and files: links, anchors, images, addresses (E030–E035, W010,
//! W022).

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
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
    /// W010
    LinkToUnpublished { target: String },
    /// W022
    Unreachable { url: String },
}

impl From<LinkProblem> for Message {
    fn from(p: LinkProblem) -> Message {
        Message::Link(p)
    }
}

impl LinkProblem {
    pub(super) fn code(&self) -> &'static str {
        use LinkProblem::*;
        match self {
            BrokenLink { .. } => "E030",
            DuplicateUrl { .. } => "E031",
            MissingAnchor { .. } => "E032",
            MissingFile { .. } => "E033",
            BrokenUrl { .. } => "E035",
            LinkToUnpublished { .. } => "W010",
            Unreachable { .. } => "W022",
        }
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        use LinkProblem::*;
        match self {
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
                    match crate::error::did_you_mean(anchor, &ids) {
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
        }
    }
}
