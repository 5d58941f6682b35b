//! `loa serve`'s lines.

use crate::error::Lang;

pub fn first_build(lang: Lang, pages: usize, files: usize, ms: u128) -> String {
    tr!(
        lang,
        "Đã dựng {pages} trang ({files} tệp) trong {ms} ms",
        "Built {pages} pages ({files} files) in {ms} ms"
    )
}

pub fn serving(lang: Lang, url: &str) -> String {
    tr!(
        lang,
        "Đang phục vụ trang web tại {url} (mở địa chỉ này trong trình duyệt; nhấn Ctrl-C để dừng)",
        "Serving the site at {url} (press Ctrl-C to stop)"
    )
}

/// After a rebuild; `what` is the changed file, or `None` for several.
pub fn rebuilt(lang: Lang, ms: u128, what: Option<(&str, usize)>) -> String {
    match what {
        None => tr!(lang, "Đã dựng lại trong {ms} ms", "Rebuilt in {ms} ms"),
        Some((one, 1)) => tr!(
            lang,
            "Đã dựng lại trong {ms} ms ({one} đã thay đổi)",
            "Rebuilt in {ms} ms ({one} changed)"
        ),
        Some((_, n)) => tr!(
            lang,
            "Đã dựng lại trong {ms} ms ({n} tệp đã thay đổi)",
            "Rebuilt in {ms} ms ({n} files changed)"
        ),
    }
}

pub fn not_rebuilt(lang: Lang, count: usize) -> String {
    tr!(
        lang,
        "Không dựng lại được trang web ({count} lỗi); vẫn đang phục vụ bản dựng được gần nhất. Hãy sửa lỗi rồi lưu tệp.",
        "The site could not be rebuilt ({count} error{s}); still serving the last version that built. Fix it and save.",
        s = super::plural(count)
    )
}

/// The title of the error page shown in the browser.
pub fn error_page_title(lang: Lang) -> String {
    tr!(
        lang,
        "Không dựng lại được trang web",
        "The site could not be rebuilt"
    )
}

/// What the error page says below its title.
pub fn error_page_note(lang: Lang) -> String {
    tr!(
        lang,
        "Sửa lỗi trong tệp được chỉ ra rồi lưu lại; trang này tự tải lại khi trang web dựng được.",
        "Fix the file named below and save it; this page reloads itself once the site builds."
    )
}

pub fn port_taken(lang: Lang, port: u16, other: u16) -> String {
    tr!(
        lang,
        "Cổng {port} đang được dùng (bởi chương trình khác, hoặc một loa serve khác); dùng cổng {other}.",
        "Port {port} is already in use (another program, or another loa serve); using port {other} instead."
    )
}

pub fn visible_on_network(lang: Lang, bind: &str) -> String {
    tr!(
        lang,
        "cảnh báo: đang phục vụ trên {bind}, các máy khác trong mạng cũng xem được trang web; dùng --bind 127.0.0.1 để chỉ máy này xem được",
        "warning: serving on {bind}, so the site is visible to other computers on the network; use --bind 127.0.0.1 to keep it on this computer"
    )
}

pub fn no_browser(lang: Lang, url: &str) -> String {
    tr!(
        lang,
        "không mở được trình duyệt; hãy tự mở {url}",
        "cannot open a browser; open {url} yourself"
    )
}

pub fn cannot_watch(lang: Lang, path: &str) -> String {
    tr!(
        lang,
        "không theo dõi được thay đổi trong {path}",
        "cannot watch {path} for changes"
    )
}
