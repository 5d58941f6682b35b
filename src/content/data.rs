//! The site's data files (content/data/*.yaml, *.json) for templates.

use super::*;

pub(super) fn load_data(
    root: &Path,
    files: &[PathBuf],
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, serde_json::Value> {
    let mut out = BTreeMap::new();
    for path in files {
        let rel = rel_slash(Path::new("content/data"), path);
        let Some((name, ext)) = rel.rsplit_once('.') else {
            continue;
        };
        let text = match read_text(root, path) {
            Ok(t) => t,
            Err(d) => {
                diags.push(*d);
                continue;
            }
        };
        let value = match ext {
            "yaml" | "yml" => serde_yaml::from_str::<serde_json::Value>(&text).map_err(|e| {
                let (l, c) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
                (l, c, e.to_string())
            }),
            "json" => {
                serde_json::from_str(&text).map_err(|e| (e.line(), e.column(), e.to_string()))
            }
            "csv" => Ok(crate::data::parse_csv(&text)),
            _ => continue,
        };
        match value {
            Ok(v) => {
                out.insert(name.replace('/', "."), v);
            }
            Err((l, c, m)) => diags.push(
                Diagnostic::new(
                    Message::Input(InputProblem::BadDataFile {
                        detail: crate::error::without_positions(&m),
                    }),
                    Some(Location::new(path, l, c)),
                )
                .quote_from(&text),
            ),
        }
    }
    out
}
