//! site.toml parsing and validation never panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = loa::content::normalize_text(data) {
        let _ = loa::config::SiteConfig::parse(&text, Path::new("site.toml"));
    }
});
