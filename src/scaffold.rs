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

/// Write `content/<section>/<slug of title>.md`. Returns its path.
pub fn new_page(root: &Path, section: &str, title: &str, today: Date) -> Result<PathBuf> {
    let section = section.trim_matches('/');
    if section.contains("..") || section.starts_with('/') {
        return Err(Error::Usage(format!("\"{section}\" is not a section name")));
    }
    let dir = root.join("content").join(section);
    if !dir.is_dir() {
        let known: Vec<String> = std::fs::read_dir(root.join("content"))
            .map(|it| {
                it.flatten()
                    .filter(|e| e.path().is_dir())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n != "data")
                    .collect()
            })
            .unwrap_or_default();
        let mut known = known;
        known.sort();
        return Err(Error::Usage(format!(
            "there is no section content/{section}; sections are: {}",
            known.join(", ")
        )));
    }
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Error::Usage(
            "the title needs at least one letter or digit".to_owned(),
        ));
    }
    let kind = section_kind(&dir);
    let path = dir.join(format!("{slug}.md"));
    let text = front_matter_for(kind, title, today);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Usage(format!(
                    "{} already exists; loa new never overwrites a page (choose another title)",
                    path.display()
                ))
            } else {
                Error::io("cannot create", &path, e)
            }
        })?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| Error::io("cannot write", &path, e))?;
    Ok(path)
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
        return Err(Error::Usage(format!(
            "{} is not empty; loa init only creates new sites",
            dir.display()
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
