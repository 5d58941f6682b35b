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

/// `loa serve`'s lines.
pub mod serve {
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
}

/// The words of `--help`: each command's and each option's text, (vi, en). Clap's own
/// words ("Usage:", "Options:") are replaced in `cli::command`.
pub mod help {
    /// `loa` itself.
    pub const ABOUT: (&str, &str) = (
        "Cổng thông tin an toàn lao động và bản tin phát thanh (loa) từ một thư mục markdown",
        "A public-safety portal and loudspeaker bulletins from one folder of markdown",
    );

    /// (subcommand, vi, en)
    pub const COMMANDS: &[(&str, &str, &str)] = &[
        (
            "init",
            "Tạo một trang web mới, tối giản, dựng được ngay.",
            "Create a new, minimal site that builds.",
        ),
        (
            "new",
            "Viết một bài mới trong một chuyên mục, với khối khai báo mà loại nội dung cần.",
            "Write a new page in a section, with the front matter its kind needs.",
        ),
        (
            "serve",
            "Dựng trang web trong bộ nhớ và mở để xem thử; tự dựng lại và tải lại trình duyệt khi tệp thay đổi.",
            "Build the site in memory and serve it, rebuilding and reloading the browser on every change.",
        ),
        (
            "build",
            "Dựng cổng thông tin và bản tin phát thanh vào thư mục kết quả (public/).",
            "Build the portal and the loudspeaker scripts into the output folder.",
        ),
        (
            "check",
            "Kiểm tra mọi thứ như khi dựng, không ghi tệp nào.",
            "Check everything a build would, without writing anything.",
        ),
        (
            "publish",
            "Đăng những gì đã thay đổi lên nơi đăng tải khai báo trong site.toml, mục [publish].",
            "Upload what changed in the built portal to a target of site.toml's [publish].",
        ),
        (
            "broadcast",
            "In bản tin phát thanh (mặc định: mọi bản tin của ngày dựng).",
            "Print loudspeaker bulletins (all of the build date's by default).",
        ),
        (
            "speak",
            "In cách phát thanh viên đọc một câu (hoặc từng dòng nhập vào).",
            "Print how a loudspeaker script reads TEXT (or each line of standard input).",
        ),
        (
            "report",
            "Viết báo cáo công tác thông tin, tuyên truyền của một năm (HTML và CSV) vào <thư mục kết quả>/bao-cao/NĂM/.",
            "Write the year's communication-work report (HTML and CSV) into <output>/bao-cao/YEAR/.",
        ),
    ];

    /// (subcommand or "" for global options, argument id, vi value name, vi, en)
    pub const ARGS: &[(&str, &str, &str, &str, &str)] = &[
        (
            "",
            "root",
            "THƯ_MỤC",
            "Thư mục của trang web (thư mục có site.toml); mặc định là thư mục hiện tại.",
            "The site's folder (the one with site.toml).",
        ),
        (
            "",
            "today",
            "NGÀY",
            "Dựng như thể hôm nay là NGÀY (NNNN-TT-NN, ví dụ 2026-12-15); quyết định bài nào được đăng.",
            "Build as if today were DATE (YYYY-MM-DD); decides what is published.",
        ),
        ("", "quiet", "", "Chỉ báo lỗi.", "Say only errors."),
        (
            "",
            "verbose",
            "",
            "Báo thêm: thời gian của từng bước.",
            "Say more: timings of each stage.",
        ),
        (
            "",
            "lang",
            "NGÔN_NGỮ",
            "Ngôn ngữ của thông báo: vi hoặc en (mặc định: biến LOA_LANG, nếu không thì language trong site.toml, nếu không thì vi).",
            "Language of messages (default: $LOA_LANG, else site.toml's language, else vi).",
        ),
        ("", "help", "", "In phần trợ giúp này.", "Print help."),
        ("", "version", "", "In số phiên bản.", "Print version."),
        (
            "build",
            "output",
            "THƯ_MỤC",
            "Ghi cổng thông tin vào đây thay cho output_dir trong site.toml.",
            "Write the portal here instead of site.toml's output_dir.",
        ),
        (
            "build",
            "base_url",
            "ĐỊA_CHỈ",
            "Dùng địa chỉ web này thay cho base_url trong site.toml.",
            "Use this address instead of site.toml's base_url.",
        ),
        (
            "build",
            "drafts",
            "",
            "Dựng cả các bài nháp (draft: true).",
            "Include pages marked draft: true.",
        ),
        (
            "check",
            "format",
            "DẠNG",
            "Dạng kết quả: text (mặc định) hoặc json.",
            "Output format: text (the default) or json.",
        ),
        (
            "check",
            "drafts",
            "",
            "Kiểm tra cả các bài nháp (draft: true).",
            "Include pages marked draft: true.",
        ),
        (
            "new",
            "section",
            "CHUYÊN_MỤC",
            "Thư mục của chuyên mục trong content/ (ví dụ tin-tuc).",
            "The section's folder under content/ (e.g. tin-tuc).",
        ),
        (
            "new",
            "title",
            "TIÊU_ĐỀ",
            "Tiêu đề của bài.",
            "The page's title.",
        ),
        (
            "new",
            "kind",
            "LOẠI",
            "Loại nội dung của chuyên mục mới, khi chuyên mục chưa có: page, news, campaign, action-month, model, document, broadcast, violation.",
            "The kind of a section to create, when the section does not exist yet: page, news, campaign, action-month, model, document, broadcast, violation.",
        ),
        (
            "publish",
            "dry_run",
            "",
            "Chỉ liệt kê những tệp sẽ thêm, sửa, xóa; không thay đổi gì.",
            "List what would be added, changed and removed, and change nothing.",
        ),
        (
            "publish",
            "target",
            "TÊN",
            "Nơi đăng tải [publish.TÊN] cần dùng (bắt buộc khi có nhiều nơi).",
            "The [publish.NAME] target to use (needed when there are several).",
        ),
        (
            "broadcast",
            "date",
            "NGÀY",
            "Ngày phát (NNNN-TT-NN, ví dụ 2026-12-15); mặc định là ngày dựng.",
            "The day on air (YYYY-MM-DD); the build date by default.",
        ),
        (
            "broadcast",
            "ward",
            "PHƯỜNG",
            "Chỉ phường, xã này (slug của nó trong site.toml).",
            "Only this ward (its slug in site.toml).",
        ),
        (
            "broadcast",
            "slot",
            "BUỔI",
            "Chỉ buổi phát này (id của nó trong site.toml).",
            "Only this slot (its id in site.toml).",
        ),
        (
            "broadcast",
            "format",
            "DẠNG",
            "Dạng bản tin: text (mặc định) hoặc ssml.",
            "Output format: text (the default) or ssml.",
        ),
        (
            "speak",
            "text",
            "CÂU",
            "Câu cần đọc; nếu không có thì đọc từng dòng nhập vào.",
            "The text to read; standard input when absent.",
        ),
        (
            "serve",
            "port",
            "CỔNG",
            "Cổng để phục vụ (mặc định 1111; nếu đang bận thì dùng cổng trống kế tiếp; 0: cổng bất kỳ).",
            "The port to listen on (default 1111; the next free one is used if it is taken; 0: any).",
        ),
        (
            "serve",
            "bind",
            "ĐỊA_CHỈ",
            "Địa chỉ để phục vụ (mặc định 127.0.0.1); nếu khác 127.0.0.1 thì các máy khác trong mạng cũng xem được.",
            "The address to listen on (default 127.0.0.1); other than 127.0.0.1, the site is visible on the network.",
        ),
        (
            "serve",
            "drafts",
            "",
            "Hiện cả các bài nháp (draft: true).",
            "Include pages marked draft: true.",
        ),
        (
            "serve",
            "open",
            "",
            "Mở trang web trong trình duyệt mặc định.",
            "Open the site in the default browser.",
        ),
        (
            "serve",
            "poll",
            "",
            "Dò tìm thay đổi định kỳ (cho thư mục trên ổ dùng chung hoặc ổ mạng).",
            "Poll the files for changes (for shared or network folders).",
        ),
        (
            "init",
            "dir",
            "THƯ_MỤC",
            "Thư mục sẽ tạo.",
            "The folder to create.",
        ),
        (
            "report",
            "year",
            "NĂM",
            "Năm cần báo cáo, ví dụ 2025.",
            "The year to report on, e.g. 2025.",
        ),
        (
            "report",
            "output",
            "THƯ_MỤC",
            "Ghi vào bao-cao/ của thư mục này thay cho output_dir trong site.toml.",
            "Write into this folder's bao-cao/ instead of site.toml's output_dir.",
        ),
    ];

    /// Clap's own words, (vi, en).
    pub const USAGE: (&str, &str) = ("Cách dùng:", "Usage:");
    pub const OPTIONS: (&str, &str) = ("Tùy chọn", "Options");
    pub const ARGUMENTS: (&str, &str) = ("Tham số", "Arguments");
    pub const COMMANDS_HEADING: (&str, &str) = ("Lệnh", "Commands");
    pub const OPTIONS_VALUE: (&str, &str) = ("[TÙY_CHỌN]", "[OPTIONS]");
    pub const COMMAND_VALUE: (&str, &str) = ("<LỆNH>", "<COMMAND>");
}

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
