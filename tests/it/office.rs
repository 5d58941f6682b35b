//! An office's day with loa, through the binary, in the default language (issue 16):
//! every command, its help, its mistakes and its summaries are Vietnamese, and
//! English only with `--lang en`. A line that reads as English fails the test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const TODAY: &str = "2026-12-04";
const COMMANDS: [&str; 9] = [
    "init",
    "new",
    "serve",
    "build",
    "check",
    "publish",
    "broadcast",
    "speak",
    "report",
];

/// Words that are English and not Vietnamese; the kinds, command names and field
/// names people type (news, build, draft...) are not among them.
const ENGLISH: &[&str] = &[
    "reused",
    "parsed",
    "rendered",
    "loaded",
    "showed",
    "unchanged",
    "the",
    "is",
    "are",
    "was",
    "not",
    "no",
    "and",
    "with",
    "for",
    "from",
    "into",
    "this",
    "that",
    "has",
    "have",
    "would",
    "will",
    "cannot",
    "can",
    "does",
    "there",
    "pages",
    "files",
    "file",
    "folder",
    "built",
    "wrote",
    "created",
    "nothing",
    "changed",
    "usage",
    "options",
    "arguments",
    "commands",
    "error",
    "errors",
    "warning",
    "help",
    "print",
    "bulletin",
    "airs",
    "serving",
    "rebuilt",
    "sent",
    "removed",
    "dry",
    "run",
    "expected",
    "found",
    "unknown",
    "missing",
    "invalid",
    "value",
    "should",
    "must",
    "try",
    "information",
    "use",
    "using",
    "instead",
    "already",
    "left",
    "out",
    "published",
    "expired",
    "yourself",
    "such",
    "exists",
    "default",
    "possible",
    "values",
    "stage",
    "fix",
    "save",
    "still",
    "version",
];

/// Phrases clap or loa used to print.
const ENGLISH_PHRASES: &[&str] = &[
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "error:",
    "error[",
    "warning[",
    "= help:",
    "Built",
    "Wrote",
    "No bulletin",
    "Nothing changed",
    "Print help",
    "[default:",
    "[possible values",
    "For more information",
    "tip:",
];

/// The English words and phrases of `line`, ignoring options (`--drafts`), paths and
/// file names, and identifiers with `_`.
fn english_in(line: &str) -> Vec<String> {
    let mut found: Vec<String> = ENGLISH_PHRASES
        .iter()
        .filter(|p| line.contains(**p))
        .map(|p| (*p).to_owned())
        .collect();
    for token in line.split_whitespace() {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '/');
        if token.starts_with('-') || token.contains(['/', '.', '=', '_', '@', '[', ':']) {
            continue;
        }
        for word in token.split('-') {
            if ENGLISH.contains(&word.to_lowercase().as_str()) {
                found.push(word.to_owned());
            }
        }
    }
    found
}

/// Fail on every line of `text` that reads as English, naming what was run.
fn assert_vietnamese(what: &str, text: &str) {
    let bad: Vec<String> = text
        .lines()
        .filter(|l| !english_in(l).is_empty())
        .map(|l| format!("  {l}    <- {:?}", english_in(l)))
        .collect();
    assert!(
        bad.is_empty(),
        "`loa {what}` printed English:\n{}\n--- all of it:\n{text}",
        bad.join("\n")
    );
}

#[test]
fn the_english_detector_catches_what_loa_used_to_print() {
    for line in [
        "Built 1 pages (36 files) into public in 35 ms",
        "Nothing changed since the last build: 1 pages (36 files) in public, checked in 1 ms",
        "Usage: loa new [OPTIONS] <SECTION> <TITLE>",
        "  -h, --help  Print help",
        "No bulletin airs on 2026-12-15 for that ward and slot.",
        "error: --today: \"15/12/2026\" is not a date",
        "Wrote content/tin-tuc/bai-thu.md",
        "content/x.md:3:1: error[E021]: this page has no title",
        "  = help: add a line title",
    ] {
        assert!(!english_in(line).is_empty(), "{line}");
    }
    for line in [
        "Đã dựng 1 trang (36 tệp) vào public trong 35 ms",
        "  page          Trang",
        "lỗi: --date 15/12/2026: không phải là một ngày",
        "Đã tạo bài mới content/tin-tuc/bai-thu.md (đang là bản nháp: draft: true)",
        "Xem hướng dẫn: loa new --help",
    ] {
        assert_eq!(english_in(line), Vec::<String>::new(), "{line}");
    }
}

/// A site made by `loa init` in a temp dir, with a broadcast item airing in December
/// 2026, a publish target folder beside it and a broken statistics file option.
struct Office {
    tmp: tempfile::TempDir,
}

impl Office {
    fn new() -> Office {
        let tmp = tempfile::tempdir().expect("temp dir");
        let office = Office { tmp };
        let init = office.loa_in(office.tmp.path(), &["init", "web"]);
        assert_eq!(init.status.code(), Some(0), "{}", all(&init));
        assert_vietnamese("init web", &all(&init));
        let target = office.tmp.path().join("may-chu");
        let toml = office.site().join("site.toml");
        let mut text = std::fs::read_to_string(&toml).expect("site.toml");
        text.push_str(&format!(
            "\n[publish.portal]\ntarget = \"file://{}\"\n",
            target.display()
        ));
        std::fs::write(&toml, text).expect("write site.toml");
        office.write(
            "content/loa/thong-bao-an-toan.md",
            "---\ntitle: \"Thông báo an toàn lao động\"\ndate: 2026-12-01\nbroadcast:\n  from: 2026-12-01\n  until: 2026-12-31\n  wards: all\n---\n\nĐề nghị người lao động đội mũ bảo hộ khi làm việc trên cao.\n",
        );
        office
    }

    fn site(&self) -> PathBuf {
        self.tmp.path().join("web")
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.site().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// `loa ARGS` run inside `dir`, in the default language.
    fn loa_in(&self, dir: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_loa"))
            .env_remove("LOA_LANG")
            .current_dir(dir)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run loa")
    }

    /// `loa ARGS` inside the site folder, asserting the exit code and Vietnamese.
    fn run(&self, args: &[&str], code: i32) -> String {
        let out = self.loa_in(&self.site(), args);
        let text = all(&out);
        assert_eq!(
            out.status.code(),
            Some(code),
            "loa {}:\n{text}",
            args.join(" ")
        );
        assert_vietnamese(&args.join(" "), &text);
        text
    }
}

/// What a command printed, stdout then stderr.
fn all(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn every_command_speaks_vietnamese_by_default() {
    let office = Office::new();
    let built = office.run(&["build", "--today", TODAY], 0);
    assert!(built.contains("Đã dựng"), "{built}");
    let again = office.run(&["build", "--today", TODAY], 0);
    assert!(again.contains("Không có gì thay đổi"), "{again}");
    let verbose = office.run(&["build", "--today", TODAY, "-v", "--drafts"], 0);
    assert!(verbose.contains("đọc trang web:"), "{verbose}");

    let new = office.run(&["new", "tin-tuc", "Tập huấn an toàn", "--today", TODAY], 0);
    assert!(new.contains("content/tin-tuc/tap-huan-an-toan.md"), "{new}");
    let twice = office.run(&["new", "tin-tuc", "Tập huấn an toàn", "--today", TODAY], 2);
    assert!(twice.contains("không bao giờ ghi đè"), "{twice}");
    office.run(&["new", "chua-co", "Bài", "--today", TODAY], 2);
    office.run(&["new", "tin-tuc", "!!!", "--today", TODAY], 2);

    office.run(&["check", "--today", TODAY], 0);
    let spoken = office.run(&["speak", "Gọi 0225.3123456 lúc 7h30"], 0);
    assert!(spoken.contains("bảy giờ"), "{spoken}");

    let hit = office.run(
        &[
            "broadcast",
            "--today",
            TODAY,
            "--date",
            "2026-12-15",
            "--ward",
            "phuong-mot",
        ],
        0,
    );
    assert!(hit.contains("đội mũ bảo hộ"), "{hit}");
    let miss = office.run(
        &[
            "broadcast",
            "--today",
            TODAY,
            "--date",
            "2027-01-15",
            "--ward",
            "phuong-mot",
        ],
        0,
    );
    assert!(
        miss.contains(
            "Ngày 2027-01-15 không có bản tin phát thanh nào cho Phường Một (phuong-mot)."
        ) && !miss.contains("khung giờ"),
        "says what was asked, and nothing else:\n{miss}"
    );
    office.run(&["broadcast", "--today", TODAY, "--ward", "khong-co"], 2);
    let bad_date = office.run(&["broadcast", "--today", TODAY, "--date", "15/12/2026"], 2);
    assert!(
        bad_date.contains("--date 15/12/2026") && bad_date.contains("NNNN-TT-NN"),
        "names the option typed and the format:\n{bad_date}"
    );
    let bad_today = office.run(&["build", "--today", "15/12/2026"], 2);
    assert!(bad_today.contains("--today 15/12/2026"), "{bad_today}");

    let report = office.run(&["report", "--year", "2026", "--today", TODAY], 0);
    assert!(report.contains("Đã ghi báo cáo"), "{report}");
    let dry = office.run(&["publish", "--dry-run", "-v", "--today", TODAY], 0);
    assert!(dry.contains("chạy thử"), "{dry}");
    let published = office.run(&["publish", "--today", TODAY], 0);
    assert!(published.contains("đã gửi"), "{published}");

    office.run(&["--help"], 0);
    let help_new = office.run(&["help", "new"], 0);
    assert!(help_new.contains("Cách dùng: loa new"), "{help_new}");
    let typo = office.run(&["new", "tin-tức", "Bài"], 2);
    assert!(
        typo.contains("có phải ý bạn là tin-tuc?"),
        "a section typed with accents:\n{typo}"
    );
    office.run(&["-h"], 0);
    for command in COMMANDS {
        let help = office.run(&[command, "--help"], 0);
        assert!(help.contains("Cách dùng:"), "{command}:\n{help}");
    }
    office.run(&[], 2);
    office.run(&["buidl"], 2);
    office.run(&["build", "--khong-co"], 2);
    office.run(&["check", "--format", "xml"], 2);
    office.run(&["serve", "--port", "abc"], 2);
    office.run(&["report"], 2);
}

#[test]
fn a_folder_without_site_toml_is_explained_in_vietnamese() {
    let office = Office::new();
    let empty = office.tmp.path().join("trong");
    std::fs::create_dir_all(&empty).expect("mkdir");
    for args in [&["build"][..], &["serve", "--port", "0"], &["check"]] {
        let out = office.loa_in(&empty, args);
        let text = all(&out);
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert_vietnamese(&args.join(" "), &text);
        assert!(
            text.contains("không phải là một trang web")
                && text.contains("--root")
                && text.contains("loa init"),
            "{text}"
        );
    }
}

#[test]
fn statistics_errors_speak_vietnamese() {
    let office = Office::new();
    office.write(
        "content/data/thong-ke/tai-nan.yaml",
        "title: \"Tai nạn lao động\"\nmeasures:\n  - {id: deaths, name: Số người chết}\nyears:\n  - {year: 2024, deahts: 3}\n",
    );
    let text = office.run(&["check", "--today", TODAY], 1);
    assert!(
        text.contains("lỗi[E060]") && text.contains("có phải ý bạn là \"deaths\"?"),
        "{text}"
    );
    let english = office.loa_in(&office.site(), &["check", "--today", TODAY, "--lang", "en"]);
    assert!(
        all(&english).contains("error[E060]: \"deahts\" is not a measure of this file"),
        "{}",
        all(&english)
    );
}

#[test]
fn lang_en_gives_english() {
    let office = Office::new();
    let en = |args: &[&str], code: i32| {
        let mut args = args.to_vec();
        args.extend(["--lang", "en"]);
        let out = office.loa_in(&office.site(), &args);
        assert_eq!(out.status.code(), Some(code), "{}", all(&out));
        all(&out)
    };
    assert!(en(&["build", "--today", TODAY], 0).contains("Built "));
    assert!(en(&["build", "--today", TODAY], 0).contains("Nothing changed"));
    assert!(en(&["new", "--help"], 0).contains("Usage: loa new [OPTIONS]"));
    assert!(en(&["new", "chua-co", "Bài"], 2).contains("there is no section content/chua-co"));
    assert!(en(&["broadcast", "--date", "15/12/2026"], 2).contains("error: --date 15/12/2026"));
    assert!(en(&["publish", "--dry-run", "--today", TODAY], 0).contains("dry run:"));
    let out = Command::new(env!("CARGO_BIN_EXE_loa"))
        .env("LOA_LANG", "en")
        .current_dir(office.site())
        .args(["build", "--today", TODAY])
        .output()
        .expect("run loa");
    assert!(
        all(&out).contains("Nothing changed"),
        "LOA_LANG=en too:\n{}",
        all(&out)
    );
}

#[test]
fn the_localized_clap_commands_are_consistent() {
    loa::cli::command(loa::error::Lang::Vi).debug_assert();
    loa::cli::command(loa::error::Lang::En).debug_assert();
}

/// issue 16: `loa new` in a section that does not exist lists the sections and the
/// kinds, and with `--kind` creates it.
#[test]
fn new_in_a_missing_section_explains_then_creates_it_with_kind() {
    let office = Office::new();
    let refused = office.run(&["new", "thong-bao", "Lịch cắt điện", "--today", TODAY], 2);
    for expected in [
        "chưa có chuyên mục content/thong-bao",
        "Các chuyên mục hiện có: loa, tin-tuc.",
        "broadcast     Thông báo phát thanh",
        "news          Tin tức",
        "loa new thong-bao \"Lịch cắt điện\" --kind news",
    ] {
        assert!(refused.contains(expected), "{expected}:\n{refused}");
    }
    assert!(!office.site().join("content/thong-bao").exists());
    let bad_kind = office.run(&["new", "thong-bao", "Bài", "--kind", "tin"], 2);
    assert!(bad_kind.contains("--kind tin"), "{bad_kind}");

    let made = office.run(
        &[
            "new",
            "thong-bao",
            "Lịch cắt điện",
            "--kind",
            "broadcast",
            "--today",
            TODAY,
        ],
        0,
    );
    assert!(
        made.contains("content/thong-bao/_index.md")
            && made.contains("content/thong-bao/lich-cat-dien.md"),
        "{made}"
    );
    let index = std::fs::read_to_string(office.site().join("content/thong-bao/_index.md"))
        .expect("the section's _index.md");
    assert_eq!(
        index,
        "---\ntitle: \"Thông báo phát thanh\"\nkind: broadcast\n---\n"
    );
    let page = std::fs::read_to_string(office.site().join("content/thong-bao/lich-cat-dien.md"))
        .expect("the page");
    assert!(
        page.contains("broadcast:\n"),
        "the kind's front matter:\n{page}"
    );
    let other = office.run(&["new", "thong-bao", "Bài khác", "--kind", "news"], 2);
    assert!(other.contains("đã có loại broadcast"), "{other}");
    office.run(&["build", "--today", TODAY, "--drafts"], 0);
}

#[test]
fn quiet_prints_errors_only() {
    let office = Office::new();
    // A warning (an abbreviation the glossary lacks) on a broadcast page.
    office.write(
        "content/loa/canh-bao.md",
        "---\ntitle: \"Cảnh báo\"\ndate: 2026-12-01\nbroadcast:\n  from: 2026-12-01\n  until: 2026-12-31\n  wards: all\n---\n\nKiểm tra XYZQ ngay.\n",
    );
    let loud = office.run(&["build", "--today", TODAY], 0);
    assert!(
        loud.contains("cảnh báo[W"),
        "the page has a warning:\n{loud}"
    );
    let quiet = office.run(&["build", "--today", TODAY, "-q"], 0);
    assert_eq!(quiet, "", "-q prints nothing when nothing fails");
    let quiet_check = office.run(&["check", "--today", TODAY, "-q"], 0);
    assert_eq!(quiet_check, "", "no errors, nothing said");
    office.write("content/tin-tuc/hong.md", "---\ntitle: [\n---\n");
    let failed = office.run(&["build", "--today", TODAY, "-q"], 1);
    assert!(
        failed.contains("lỗi[E020]") && !failed.contains("cảnh báo["),
        "errors only:\n{failed}"
    );
}

/// issue 16: a page that vanished from the portal is explained by the build summary.
#[test]
fn the_build_summary_says_which_pages_were_left_out_and_why() {
    let office = Office::new();
    let page = |title: &str, extra: &str| {
        format!("---\ntitle: \"{title}\"\ndate: 2026-11-01\n{extra}---\n\nNội dung.\n")
    };
    office.write("content/tin-tuc/nhap.md", &page("Nháp", "draft: true\n"));
    office.write(
        "content/tin-tuc/nhap-2.md",
        &page("Nháp 2", "draft: true\n"),
    );
    office.write(
        "content/tin-tuc/sap-dang.md",
        &page("Sắp đăng", "publish_date: 2027-01-01\n"),
    );
    office.write(
        "content/tin-tuc/het-han.md",
        &page("Hết hạn", "expiry_date: 2026-11-30\n"),
    );
    let text = office.run(&["build", "--today", TODAY], 0);
    let expected = "4 trang không được đăng: 2 bản nháp (draft: true; xem trước bằng --drafts); 1 chưa đến ngày đăng (publish_date); 1 đã hết hạn (expiry_date, hoặc thông báo vi phạm quá thời hạn lưu giữ)";
    assert!(text.contains(expected), "{text}");
    let again = office.run(&["build", "--today", TODAY], 0);
    assert!(
        again.contains("Không có gì thay đổi") && again.contains(expected),
        "said again when nothing changed:\n{again}"
    );
    let drafts = office.run(&["build", "--today", TODAY, "--drafts"], 0);
    assert!(drafts.contains("2 trang không được đăng"), "{drafts}");
    let english = office.loa_in(&office.site(), &["build", "--today", TODAY, "--lang", "en"]);
    assert!(
        all(&english).contains("4 pages left out: 2 drafts"),
        "{}",
        all(&english)
    );
}

/// `loa serve` inside the site folder, as README shows: its lines, a rebuild after an
/// edit, and the error page are Vietnamese.
#[test]
fn serve_speaks_vietnamese_in_the_console_and_the_error_page() {
    let office = Office::new();
    let mut command = Command::new(env!("CARGO_BIN_EXE_loa"));
    command
        .env_remove("LOA_LANG")
        .current_dir(office.site())
        .args(["serve", "--port", "0", "--today", TODAY, "-v"]);
    let serve = crate::serve::Serve::spawn(command);
    office.write(
        "content/tin-tuc/chao-mung.md",
        "---\ntitle: \"Chào mừng\"\ndate: 2025-01-01\n---\n\nĐã sửa.\n",
    );
    serve.wait_for_log("Đã dựng lại");
    office.write("content/tin-tuc/chao-mung.md", "---\ntitle: [\n---\n");
    serve.wait_for_log("Không dựng lại được");
    let page = serve.wait_for("/tin-tuc/chao-mung/", "lỗi[E020]").body;
    assert!(page.contains("<html lang=\"vi\">"), "{page}");
    let visible: String = page
        .split("<script")
        .next()
        .unwrap_or("")
        .split('<')
        .filter_map(|t| t.split_once('>').map(|(_, text)| text))
        .collect::<Vec<_>>()
        .join("\n");
    assert_vietnamese("serve (error page)", &visible);
    assert_vietnamese("serve", &serve.log());
}
