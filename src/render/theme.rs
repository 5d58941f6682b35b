//! The theme: templates and static files. The default theme is built into the binary; a
//! site's `themes/<name>/` folder overrides it file by file (or provides a whole other
//! theme).

use crate::error::ThemeProblem;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Location, Result};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/theme.rs"));
}

pub const DEFAULT: &str = "cong-thong-tin";

/// Where a theme file comes from, for error messages.
#[derive(Debug, Clone)]
pub enum Origin {
    BuiltIn,
    Site(PathBuf),
}

#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub bytes: Vec<u8>,
    pub origin: Origin,
}

/// All files of the theme in use, keyed by their path inside the theme
/// (`templates/page.html`, `static/css/site.css`).
#[derive(Debug, Default)]
pub struct Theme {
    pub files: BTreeMap<String, ThemeFile>,
}

impl Theme {
    pub fn load(root: &Path, name: &str) -> Result<Theme> {
        let mut theme = Theme::default();
        if name == DEFAULT {
            for (path, bytes) in embedded::FILES {
                theme.files.insert(
                    (*path).to_owned(),
                    ThemeFile {
                        bytes: bytes.to_vec(),
                        origin: Origin::BuiltIn,
                    },
                );
            }
        }
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = entry.map_err(|e| {
                    Error::Failed(both!(
                        "không đọc được thư mục giao diện {dir}: {e}",
                        "cannot read the theme folder {dir}: {e}",
                        dir = dir.display()
                    ))
                })?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
                let key = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                if key.split('/').any(|s| s.starts_with('.')) || key.ends_with('~') {
                    continue;
                }
                let mut bytes = crate::error::read(entry.path())?;
                // A template saved by Notepad ("UTF-8 with BOM") or with CRLF line ends
                // is read as the same template: a BOM before `{% extends %}` would make
                // it "not the first tag" (E041). Bytes that are not UTF-8 are left for
                // the template's own error.
                if key.starts_with("templates/") {
                    bytes = crate::content::normalize_owned(bytes)
                        .map_or_else(|(b, _)| b, String::into_bytes);
                }
                let shown = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                theme.files.insert(
                    key,
                    ThemeFile {
                        bytes,
                        origin: Origin::Site(shown),
                    },
                );
            }
        } else if name != DEFAULT {
            // Point at the `theme = ...` line of site.toml when it can be found.
            let line = std::fs::read_to_string(root.join(crate::config::FILE_NAME))
                .ok()
                .and_then(|t| t.lines().position(|l| l.trim_start().starts_with("theme")))
                .map_or(1, |i| i + 1);
            let text = crate::error::Message::Theme(ThemeProblem::ThemeNotFound {
                name: name.to_owned(),
                default: DEFAULT.to_owned(),
            });
            return Err(Error::Content(vec![Diagnostic::new(
                text,
                Some(Location::new(crate::config::FILE_NAME, line, 1)),
            )]));
        }
        Ok(theme)
    }

    /// Templates: (name inside templates/, text, origin).
    pub fn templates(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("templates/").map(|n| (n, f)))
    }

    /// Static files: (output path, file).
    pub fn statics(&self) -> impl Iterator<Item = (&str, &ThemeFile)> {
        self.files
            .iter()
            .filter_map(|(k, f)| k.strip_prefix("static/").map(|n| (n, f)))
    }

    /// The path to show in an error about template `name`.
    pub fn shown_path(&self, template: &str) -> PathBuf {
        match self
            .files
            .get(&format!("templates/{template}"))
            .map(|f| &f.origin)
        {
            Some(Origin::Site(p)) => p.clone(),
            _ => PathBuf::from(format!("themes/{DEFAULT}/templates/{template} (built in)")),
        }
    }
}
