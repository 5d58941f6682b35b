//! Reading a page (normalizing, splitting the front matter, parsing it as every kind,
//! validating it) never panics on any bytes.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use loa::config::SiteConfig;

fn config() -> &'static SiteConfig {
    static CELL: OnceLock<SiteConfig> = OnceLock::new();
    CELL.get_or_init(|| {
        SiteConfig::parse(
            "title = \"T\"\nbase_url = \"https://x.vn\"\n[[wards]]\nslug = \"an-bien\"\nname = \"An Biên\"\n[[agencies]]\nid = \"vhtt\"\nname = \"Phòng VHTT\"\n",
            Path::new("site.toml"),
        )
        .expect("the fuzz config is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = loa::content::normalize_text(data) else {
        return;
    };
    for kind in loa::content::Kind::ALL {
        let path = format!("content/{}/x.md", kind.id());
        let _ = loa::content::parse_standalone(Path::new(&path), &text, kind, config());
    }
});
