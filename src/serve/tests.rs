use super::*;
use std::path::Path;

const EDITED: &str = "content/tin-tuc/bai-hai.md";

fn builder() -> (tempfile::TempDir, Builder) {
    let dir = crate::content::cache::tests::site_copy();
    let opts = BuildOptions {
        root: dir.path().to_path_buf(),
        output: None,
        base_url: Some("http://127.0.0.1:1111".to_owned()),
        drafts: false,
        today: crate::date::Date::parse("2025-06-01").expect("date"),
        lang: crate::error::Lang::En,
    };
    (dir, Builder::new(opts))
}

fn edit(root: &Path, from: &str, to: &str) {
    let path = root.join(EDITED);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from));
    std::fs::write(&path, text.replace(from, to)).expect("write");
}

#[test]
fn preview_renders_an_edited_page_as_the_full_rebuild_does() {
    let (dir, mut builder) = builder();
    let first = builder.build_first().expect("builds");
    edit(dir.path(), "Công nhân", "Toàn bộ công nhân");
    let changed = [PathBuf::from(EDITED)];
    let preview = builder
        .preview(&first, &changed)
        .expect("a body edit is previewed");
    let full = builder.rebuild(&preview, &changed);
    let page = "tin-tuc/bai-hai/index.html";
    assert!(String::from_utf8_lossy(&preview.files[page]).contains("Toàn bộ công nhân"));
    assert_eq!(preview.files[page], full.files[page]);
    let list = "tin-tuc/index.html";
    assert_eq!(preview.files[list], first.files[list], "lists wait");
    assert_ne!(full.files[list], first.files[list], "and catch up");
    assert_ne!(preview.build_id, full.build_id);
}

#[test]
fn front_matter_edits_and_broken_sites_are_not_previewed() {
    let (dir, mut builder) = builder();
    let first = builder.build_first().expect("builds");
    let changed = [PathBuf::from(EDITED)];
    edit(
        dir.path(),
        "Tập huấn an toàn điện",
        "Tập huấn an toàn điện 2025",
    );
    assert!(builder.preview(&first, &changed).is_none(), "title changed");
    let full = builder.rebuild(&first, &changed);
    edit(dir.path(), "date: 2025-04-20", "ngay: 2025-04-20");
    let broken = builder.rebuild(&full, &changed);
    assert!(broken.errors.is_some());
    edit(dir.path(), "ngay: 2025-04-20", "date: 2025-04-20");
    assert!(builder.preview(&broken, &changed).is_none(), "errors shown");
    let other = [PathBuf::from("content/tin-tuc/_index.md")];
    assert!(builder.preview(&full, &other).is_none(), "not a page");
}
