//! What loa says to people outside diagnostics, in Vietnamese and in English side by
//! side: the one line each command prints, `-v` stage names, `loa serve`'s lines and the
//! words of `--help`. Diagnostics are written in `error/message.rs`; errors made deep in
//! the library carry both texts (`both!`). Callers choose the language and print.

use std::path::Path;

use crate::error::Lang;

/// `label: message` for an error that is not about a file.
pub fn error_line(lang: Lang, message: &str) -> String {
    tr!(lang, "lỗi: {message}", "error: {message}")
}

/// A path as people should read it: relative to the site's folder when inside it.
pub fn shown(path: &Path, root: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.display().to_string(),
        _ => path.display().to_string(),
    }
}

/// The last line of a build that wrote the portal.
pub fn built(lang: Lang, pages: usize, files: usize, out: &str, ms: u128) -> String {
    tr!(
        lang,
        "Đã dựng {pages} trang ({files} tệp) vào {out} trong {ms} ms",
        "Built {pages} pages ({files} files) into {out} in {ms} ms"
    )
}

/// The last line of a build that found nothing to do.
pub fn unchanged(lang: Lang, pages: usize, files: usize, out: &str, ms: u128) -> String {
    tr!(
        lang,
        "Không có gì thay đổi kể từ lần dựng trước: {pages} trang ({files} tệp) trong {out}, kiểm tra trong {ms} ms",
        "Nothing changed since the last build: {pages} pages ({files} files) in {out}, checked in {ms} ms"
    )
}

/// "3 pages left out: 1 draft, ..." so a page that vanished is explained; `None` when
/// every page was published.
pub fn left_out(lang: Lang, l: crate::content::LeftOut) -> Option<String> {
    let total = l.drafts + l.scheduled + l.expired;
    if total == 0 {
        return None;
    }
    let mut parts = Vec::new();
    if l.drafts > 0 {
        let n = l.drafts;
        parts.push(tr!(
            lang,
            "{n} bản nháp (draft: true; xem trước bằng --drafts)",
            "{n} draft{s} (draft: true; preview with --drafts)",
            s = plural(n)
        ));
    }
    if l.scheduled > 0 {
        let n = l.scheduled;
        parts.push(tr!(
            lang,
            "{n} chưa đến ngày đăng (publish_date)",
            "{n} not published yet (publish_date to come)"
        ));
    }
    if l.expired > 0 {
        let n = l.expired;
        parts.push(tr!(
            lang,
            "{n} đã hết hạn (expiry_date, hoặc thông báo vi phạm quá thời hạn lưu giữ)",
            "{n} expired (expiry_date, or a violation notice past its retention)"
        ));
    }
    let parts = parts.join("; ");
    Some(tr!(
        lang,
        "{total} trang không được đăng: {parts}",
        "{total} page{s} left out: {parts}",
        s = plural(total)
    ))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `loa init`'s line.
pub fn created_site(lang: Lang, dir: &Path) -> String {
    let dir = dir.display();
    tr!(
        lang,
        "Đã tạo trang web mới trong {dir}. Xem thử: cd {dir} rồi chạy loa serve; viết bài mới: loa new tin-tuc \"Tiêu đề\"",
        "Created a new site in {dir}. Preview it: cd {dir}, then loa serve; write a page: loa new tin-tuc \"Title\""
    )
}

/// `loa new`'s line for a page.
pub fn wrote_page(lang: Lang, path: &str, draft: bool) -> String {
    match draft {
        true => tr!(
            lang,
            "Đã tạo bài mới {path} (đang là bản nháp: draft: true; xem trước bằng loa serve --drafts, xóa dòng đó khi muốn đăng)",
            "Wrote {path} (a draft: draft: true; preview it with loa serve --drafts, remove that line to publish it)"
        ),
        false => tr!(lang, "Đã tạo bài mới {path}", "Wrote {path}"),
    }
}

/// `loa new`'s line for a page in a section it created first.
pub fn created_section(lang: Lang, index: &str) -> String {
    tr!(
        lang,
        "Đã tạo chuyên mục mới {index}",
        "Created the section {index}"
    )
}

/// `loa report`'s line.
pub fn wrote_report(lang: Lang, dir: &str, csvs: usize) -> String {
    tr!(
        lang,
        "Đã ghi báo cáo vào {dir} (index.html và {csvs} tệp CSV, mã UTF-8 có BOM để mở bằng Excel)",
        "Wrote the report to {dir} (index.html and {csvs} CSV files, UTF-8 with BOM for Excel)"
    )
}

/// `loa broadcast` when no bulletin matches; names only what was asked (a ward and a
/// slot as "Phường An Biên (an-bien)").
pub fn no_bulletin(lang: Lang, date: &str, ward: Option<&str>, slot: Option<&str>) -> String {
    match (ward, slot) {
        (None, None) => tr!(
            lang,
            "Ngày {date} không có bản tin phát thanh nào.",
            "No bulletin airs on {date}."
        ),
        (Some(w), None) => tr!(
            lang,
            "Ngày {date} không có bản tin phát thanh nào cho {w}.",
            "No bulletin airs on {date} in {w}."
        ),
        (None, Some(s)) => tr!(
            lang,
            "Ngày {date} không có bản tin phát thanh nào trong khung giờ {s}.",
            "No bulletin airs on {date} in the slot {s}."
        ),
        (Some(w), Some(s)) => tr!(
            lang,
            "Ngày {date} không có bản tin phát thanh nào cho {w} trong khung giờ {s}.",
            "No bulletin airs on {date} in {w} in the slot {s}."
        ),
    }
}

/// The heading line of one printed bulletin.
pub fn bulletin_heading(lang: Lang, date: &str, ward: &str, slot: &str, length: &str) -> String {
    tr!(
        lang,
        "# {date} — {ward} — {slot} ({length})",
        "# {date} — {ward} — {slot} ({length})"
    )
}

/// A date option (`--today`, `--date`) that is not a date.
pub fn bad_date(option: &str, value: &str) -> crate::error::Text {
    both!(
        "{option} {value}: không phải là một ngày; ghi ngày theo dạng NNNN-TT-NN (năm-tháng-ngày), ví dụ {option} 2026-12-15",
        "{option} {value}: not a date; write it as YYYY-MM-DD, e.g. {option} 2026-12-15"
    )
}

/// `publish`'s progress on a terminal.
pub fn sent(lang: Lang, done: usize, total: usize) -> String {
    tr!(
        lang,
        "đã gửi {done}/{total} tệp",
        "{done}/{total} files sent"
    )
}

/// The audio of a build, on a terminal: `done` of `total` pieces spoken.
pub fn audio_progress(lang: Lang, done: usize, total: usize) -> String {
    let percent = done * 100 / total.max(1);
    tr!(
        lang,
        "Âm thanh bản tin: đã đọc {done}/{total} đoạn ({percent} %)",
        "Bulletin audio: {done} of {total} pieces spoken ({percent} %)"
    )
}

/// A `-v` stage name, given in English by the code that times it.
pub fn stage(lang: Lang, en: &str) -> String {
    if lang == Lang::En {
        return en.to_owned();
    }
    match en {
        "fingerprint" => "xem các tệp nguồn có thay đổi không",
        "load" => "đọc trang web",
        "finish" => "hoàn tất, đưa bản mới vào chỗ",
        "prepare templates, taxonomies, bulletins" => "chuẩn bị mẫu, phân loại, bản tin",
        "bulletin audio" => "âm thanh bản tin",
        "prepare staging folder" => "chuẩn bị thư mục tạm",
        "render and write" => "kết xuất và ghi tệp",
        "find sources" => "tìm các tệp nguồn",
        "read and parse pages" => "đọc và phân tích các trang",
        "links and publication" => "liên kết và lịch đăng",
        "markdown" => "chuyển markdown thành HTML",
        "pages and lists" => "các trang và danh sách",
        "feeds, sitemap, search, static files" => "tin RSS/Atom, sơ đồ trang, tìm kiếm, tệp tĩnh",
        other => other,
    }
    .to_owned()
}

pub mod serve;

pub mod help;

/// Clap's complaints about the command line, in Vietnamese (`None`: say it as clap
/// does). `arg`, `value`, `valid` and `suggested` are what clap found.
pub fn usage_error(
    kind: clap::error::ErrorKind,
    arg: &str,
    value: &str,
    valid: &str,
    suggested: &str,
) -> String {
    use clap::error::ErrorKind::*;
    let hint = if suggested.is_empty() {
        String::new()
    } else {
        format!(" (có phải ý bạn là {suggested}?)")
    };
    match kind {
        UnknownArgument => format!("không có tùy chọn hay tham số \"{arg}\" ở đây{hint}"),
        InvalidSubcommand => format!(
            "không có lệnh \"{arg}\"{hint}; các lệnh là: init, new, serve, build, check, publish, broadcast, speak, report"
        ),
        InvalidValue if valid.is_empty() => format!("{arg}: thiếu giá trị"),
        InvalidValue => {
            format!("{arg}: không dùng được giá trị \"{value}\"; chọn một trong: {valid}")
        }
        ValueValidation => format!("{arg}: giá trị \"{value}\" không đúng kiểu"),
        MissingRequiredArgument => format!("thiếu {arg}"),
        MissingSubcommand | DisplayHelpOnMissingArgumentOrSubcommand => {
            "cần chọn một lệnh: init, new, serve, build, check, publish, broadcast, speak, report"
                .to_owned()
        }
        ArgumentConflict => format!("không dùng được {arg} cùng với {value}"),
        TooManyValues | WrongNumberOfValues | TooFewValues => {
            format!("{arg}: số giá trị không đúng")
        }
        _ => "câu lệnh chưa đúng".to_owned(),
    }
}

/// The line after a command-line mistake.
pub fn see_help(lang: Lang, command: &str) -> String {
    tr!(
        lang,
        "Xem hướng dẫn: {command} --help",
        "For more information, try: {command} --help"
    )
}
