//! `loa new` and `loa init`: files written for the user, with the front matter each kind
//! needs. Neither ever overwrites a file.

use std::path::{Path, PathBuf};

use crate::content::front_matter;
use crate::content::kind::Kind;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::slug::slugify;

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The front matter a new page of `kind` starts with.
pub fn front_matter_for(kind: Kind, title: &str, today: Date) -> String {
    let end = today.add_days(30);
    let mut fm = format!(
        "---\ntitle: {}\ndate: {today}\nsummary: \"\"\n",
        quoted(title)
    );
    let own = match kind {
        Kind::Page | Kind::News => String::new(),
        Kind::Campaign => format!(
            "period: {{start: {today}, end: {end}}}\ngoal: \"\"\nchannels: [web, loa]\nsectors: [xây dựng]\naudiences: [người lao động]\n"
        ),
        Kind::ActionMonth => format!(
            "year: {}\ntheme: \"\"\nperiod: {{start: {y}-05-01, end: {y}-05-31}}\nevents:\n  - date: {y}-05-01\n    time: \"07:30\"\n    title: \"Lễ phát động\"\n    place: \"\"\n    organizer: \"\"\n",
            today.year,
            y = today.year
        ),
        Kind::Model => "subject: \"\"\nsubject_type: organization\nachievements: []\n".to_owned(),
        Kind::Document => format!(
            "doc_type: \"Kế hoạch\"\nnumber: \"\"\nissuer: \"\"\nissued: {today}\nabstract: \"\"\n"
        ),
        Kind::Broadcast => format!(
            "broadcast:\n  from: {today}\n  until: {end}\n  wards: all\n  priority: thong-thuong\n"
        ),
        Kind::Violation => format!(
            "subject: \"\"\n# Cá nhân: để nguyên individual, cổng thông tin chỉ hiện chữ cái đầu của tên (N.V.H.).\n# Doanh nghiệp, tổ chức: đổi thành organization. Hộ kinh doanh mang tên chủ hộ: household.\nsubject_type: individual\ndecision_no: \"\"\ndecision_date: {today}\nissuer: \"\"\nviolations:\n  - description: \"\"\n    legal_basis: \"\"\n    fine: 0\ntotal_fine: 0\nstatus: xu-phat-hanh-chinh\nremedy: \"\"\n"
        ),
    };
    fm.push_str(&own);
    if kind != Kind::Page {
        fm.push_str("draft: true\n");
    }
    fm.push_str("---\n\n");
    fm
}

/// What `loa new` wrote.
#[derive(Debug)]
pub struct NewPage {
    pub path: PathBuf,
    /// The `_index.md` of a section created for the page.
    pub section_index: Option<PathBuf>,
    /// The page was written as a draft.
    pub draft: bool,
}

/// Write `content/<section>/<slug of title>.md`, creating the section first when it
/// does not exist and `kind` says which kind of section to make.
pub fn new_page(
    root: &Path,
    section: &str,
    title: &str,
    today: Date,
    kind: Option<&str>,
) -> Result<NewPage> {
    let section = section.trim_matches('/');
    if section.is_empty() || section.contains("..") || section.contains('\\') {
        return Err(Error::Usage(both!(
            "\"{section}\" không phải là tên chuyên mục; ghi tên thư mục trong content/, ví dụ tin-tuc",
            "\"{section}\" is not a section name; give a folder under content/, e.g. tin-tuc"
        )));
    }
    let kind = kind.map(parse_kind).transpose()?;
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Error::Usage(both!(
            "tiêu đề cần có ít nhất một chữ cái hoặc chữ số",
            "the title needs at least one letter or digit"
        )));
    }
    let dir = root.join("content").join(section);
    let section_index = if dir.is_dir() {
        if let Some(asked) = kind
            && asked != section_kind(&dir)
        {
            let (asked, has) = (asked.id(), section_kind(&dir).id());
            return Err(Error::Usage(both!(
                "chuyên mục content/{section} đã có loại {has}, không phải {asked}; bỏ --kind, hoặc chọn chuyên mục khác",
                "the section content/{section} is of kind {has}, not {asked}; leave out --kind, or choose another section"
            )));
        }
        None
    } else {
        let Some(kind) = kind else {
            return Err(no_such_section(root, section, title));
        };
        Some(create_section(root, section, kind)?)
    };
    let kind = section_kind(&dir);
    let path = dir.join(format!("{slug}.md"));
    let text = front_matter_for(kind, title, today);
    write_new(&path, &text).map_err(|e| match e {
        NewFile::Exists => Error::Usage(both!(
            "{path} đã có; loa new không bao giờ ghi đè một bài (hãy chọn tiêu đề khác)",
            "{path} already exists; loa new never overwrites a page (choose another title)",
            path = path.display()
        )),
        NewFile::Io(e) => e,
    })?;
    Ok(NewPage {
        path,
        section_index,
        draft: text.contains("\ndraft: true\n"),
    })
}

/// A kind named by `--kind`.
fn parse_kind(id: &str) -> Result<Kind> {
    Kind::parse(id).ok_or_else(|| {
        let kinds = kinds_list();
        Error::Usage(both!(
            "--kind {id}: không có loại nội dung này; các loại là:\n{kinds}",
            "--kind {id}: no such kind; the kinds are:\n{kinds}"
        ))
    })
}

/// One line per kind: its id and its Vietnamese name.
fn kinds_list() -> String {
    Kind::ALL
        .iter()
        .map(|k| format!("  {:<13} {}", k.id(), k.label_vi()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sections under content/ (data/ holds data files, not pages).
fn sections(root: &Path) -> Vec<String> {
    let mut known: Vec<String> = std::fs::read_dir(root.join("content"))
        .map(|it| {
            it.flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n != "data" && !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    known.sort();
    known
}

/// The section does not exist and no `--kind` says what to create: say which sections
/// there are, the kinds, and the command that creates it.
fn no_such_section(root: &Path, section: &str, title: &str) -> Error {
    let known = sections(root);
    let known = if known.is_empty() {
        "(chưa có)".to_owned()
    } else {
        known.join(", ")
    };
    let listed = sections(root);
    let known_en = listed.join(", ");
    let kinds = kinds_list();
    let title = title.replace('"', "\\\"");
    // "tin-tức" or "tin-tuc/" for "tin-tuc": a typo of a section that exists.
    let candidates: Vec<&str> = listed.iter().map(String::as_str).collect();
    let typed = slugify(section);
    let close = candidates
        .iter()
        .find(|c| **c == typed)
        .copied()
        .or_else(|| crate::error::did_you_mean(section, &candidates));
    if let Some(close) = close {
        return Error::Usage(both!(
            "chưa có chuyên mục content/{section}; có phải ý bạn là {close}? Ví dụ: loa new {close} \"{title}\"\nNếu muốn tạo chuyên mục mới {section}, thêm --kind và loại nội dung của nó (xem loa new --help)",
            "there is no section content/{section}; did you mean {close}? For example: loa new {close} \"{title}\"\nTo create the section {section}, add --kind and its kind (see loa new --help)"
        ));
    }
    let guess = likely_kind(section).id();
    Error::Usage(both!(
        "chưa có chuyên mục content/{section}. Các chuyên mục hiện có: {known}.\nĐể tạo chuyên mục mới, chọn loại nội dung của nó bằng --kind:\n{kinds}\nVí dụ: loa new {section} \"{title}\" --kind {guess}",
        "there is no section content/{section}. The sections are: {known_en}.\nTo create it, choose its kind with --kind:\n{kinds}\nFor example: loa new {section} \"{title}\" --kind {guess}"
    ))
}

/// The kind a section's usual Vietnamese folder name stands for (the names DESIGN.md
/// gives: xu-ly-vi-pham is violation notices), news when the name says nothing.
fn likely_kind(section: &str) -> Kind {
    let last = section.rsplit('/').next().unwrap_or(section);
    let names: [(&str, Kind); 7] = [
        ("chien-dich", Kind::Campaign),
        ("thang-hanh-dong", Kind::ActionMonth),
        ("guong-dien-hinh", Kind::Model),
        ("xu-ly-vi-pham", Kind::Violation),
        ("van-ban", Kind::Document),
        ("loa", Kind::Broadcast),
        ("gioi-thieu", Kind::Page),
    ];
    let slug = slugify(last);
    names
        .iter()
        .find(|(name, _)| slug == *name || slug.starts_with(&format!("{name}-")))
        .map_or(Kind::News, |(_, kind)| *kind)
}

/// Write `content/<section>/_index.md` for a new section of `kind`; returns its path.
fn create_section(root: &Path, section: &str, kind: Kind) -> Result<PathBuf> {
    if let Some(bad) = section
        .split('/')
        .find(|part| slugify(part) != *part || part.is_empty())
    {
        let suggested = slugify(bad);
        return Err(Error::Usage(both!(
            "\"{bad}\" không dùng được làm tên thư mục chuyên mục (nó là một phần của địa chỉ web); dùng chữ thường không dấu và dấu gạch nối, ví dụ {suggested}",
            "\"{bad}\" cannot name a section's folder (it is part of the web address); use lowercase letters without accents and hyphens, e.g. {suggested}"
        )));
    }
    let dir = root.join("content").join(section);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("cannot create folder", &dir, e))?;
    let path = dir.join("_index.md");
    let text = format!(
        "---\ntitle: {}\nkind: {}\n---\n",
        quoted(kind.label_vi()),
        kind.id()
    );
    write_new(&path, &text).map_err(|e| match e {
        NewFile::Exists => Error::io(
            "cannot create",
            &path,
            std::io::ErrorKind::AlreadyExists.into(),
        ),
        NewFile::Io(e) => e,
    })?;
    Ok(path)
}

enum NewFile {
    Exists,
    Io(Error),
}

/// Write a file that must not exist yet.
fn write_new(path: &Path, text: &str) -> std::result::Result<(), NewFile> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                NewFile::Exists
            } else {
                NewFile::Io(Error::io("cannot create", path, e))
            }
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| NewFile::Io(Error::io("cannot write", path, e)))
}

/// The kind a section gives its pages, from its `_index.md` (news when unsaid).
fn section_kind(dir: &Path) -> Kind {
    let text = std::fs::read(dir.join("_index.md"))
        .ok()
        .and_then(|b| crate::content::normalize_text(&b).ok())
        .unwrap_or_default();
    front_matter::split(&text)
        .ok()
        .and_then(|s| front_matter::parse_section(s.yaml).ok())
        .and_then(|m| m.kind)
        .and_then(|k| Kind::parse(&k))
        .unwrap_or(Kind::News)
}

const INIT_FILES: &[(&str, &str)] = &[
    (
        "site.toml",
        "title = \"Cổng thông tin an toàn, vệ sinh lao động\"\nbase_url = \"https://example.gov.vn\"\nlanguage = \"vi\"\n\n[organization]\nname = \"Phòng Văn hóa - Thông tin\"\nhotline = \"\"\n\n[[wards]]\nslug = \"phuong-mot\"\nname = \"Phường Một\"\n\n# Thông báo xử lý vi phạm tự gỡ khỏi cổng thông tin, tìm kiếm và bản tin sau số tháng này,\n# tính từ ngày ra quyết định (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân).\n[kinds.violation]\nretention_months = 12\n",
    ),
    (
        "content/_index.md",
        "---\ntitle: \"Trang chủ\"\n---\n\nThông tin về an toàn, vệ sinh lao động trên địa bàn.\n",
    ),
    (
        "content/tin-tuc/_index.md",
        "---\ntitle: \"Tin tức\"\nkind: news\n---\n",
    ),
    (
        "content/tin-tuc/chao-mung.md",
        "---\ntitle: \"Chào mừng đến với cổng thông tin\"\ndate: 2025-01-01\nsummary: \"Trang đầu tiên của cổng thông tin.\"\n---\n\nViết bài mới bằng lệnh `loa new tin-tuc \"Tiêu đề\"`.\n",
    ),
    (
        "content/loa/_index.md",
        "---\ntitle: \"Thông báo phát thanh\"\nkind: broadcast\n---\n",
    ),
];

/// Create a minimal site in `dir`, which must not exist or be empty.
pub fn init(dir: &Path) -> Result<()> {
    if dir.exists()
        && std::fs::read_dir(dir)
            .map_err(|e| Error::io("cannot read", dir, e))?
            .next()
            .is_some()
    {
        return Err(Error::Usage(both!(
            "{dir} không trống; loa init chỉ tạo trang web mới trong một thư mục trống hoặc chưa có",
            "{dir} is not empty; loa init only creates new sites",
            dir = dir.display()
        )));
    }
    for (rel, text) in INIT_FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io("cannot create folder", parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io("cannot write", &path, e))?;
    }
    Ok(())
}
