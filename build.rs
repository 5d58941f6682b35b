//! Embeds the default theme (themes/cong-thong-tin) into the binary, so a site made by
//! `loa init` builds with no theme folder of its own.

use std::fmt::Write as _;
use std::path::Path;

fn collect(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, base, out);
        } else if let Ok(rel) = path.strip_prefix(base) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let theme = Path::new(&manifest).join("themes/cong-thong-tin");
    println!("cargo:rerun-if-changed=themes/cong-thong-tin");
    let mut files = Vec::new();
    collect(&theme, &theme, &mut files);
    let mut code = String::from(
        "/// The default theme's files: (path inside the theme, bytes).\npub(crate) static FILES: &[(&str, &[u8])] = &[\n",
    );
    for f in &files {
        let abs = theme.join(f);
        writeln!(
            code,
            "    ({f:?}, include_bytes!({:?})),",
            abs.to_string_lossy()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("theme.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
