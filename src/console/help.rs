//! The words of `--help`: each command's and each option's text, (vi, en). Clap's own
//! words ("Usage:", "Options:") are replaced in `cli::command`.

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
