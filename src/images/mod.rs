//! Photos and pictures pages show (front matter `image`, markdown images): each is
//! decoded with its EXIF orientation applied, reduced to `[images] widths` (never
//! enlarged), encoded as WebP and as JPEG (PNG for pictures), and cut to a 1200×630
//! share image. Nothing of the source's metadata survives (a phone's GPS position
//! above all), and the original is published only when a page links to it as a file.
//!
//! Results are kept in `.loa-cache/images/` at the site's root, by the source's content
//! hash and the settings, so a rebuild or `loa serve` encodes only what changed; the
//! cache is bounded ([`CACHE_CAP`]) and can be deleted at any time. Photos are encoded
//! in parallel. The renderer asks this module for markup ([`markup`]) and writes the
//! files it lists ([`Images::files`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::content::{Site, asset_url};
use crate::error::{Diagnostic, Error, ImageProblem, Location, Message, Result};

pub mod markup;
pub mod pixels;
#[doc(hidden)]
pub mod sample;

/// The cache folder, under the site's root.
pub const CACHE_DIR: &str = ".loa-cache/images";
/// The cache's size after a build: entries this build did not use are removed, oldest
/// first, beyond it. 512 MB holds the reductions of about 3,000 phone photos.
pub const CACHE_CAP: u64 = 512 * 1024 * 1024;
/// An original larger than this is worth a warning (W041).
pub const LARGE_ORIGINAL: u64 = 20 * 1024 * 1024;
/// Changes with anything that changes the bytes encoded for the same source and
/// settings, so that old cache entries are not reused.
const PIPELINE: &str = "loa-images-1";

/// Extensions of the sources this module processes.
const RASTER: [&str; 4] = ["jpg", "jpeg", "png", "webp"];
/// Extensions of images phones and cameras write that browsers cannot all show.
const UNSUPPORTED: [(&str, &str); 6] = [
    ("heic", "HEIC"),
    ("heif", "HEIF"),
    ("tif", "TIFF"),
    ("tiff", "TIFF"),
    ("bmp", "BMP"),
    ("dng", "DNG"),
];

/// One reduction of a picture: its size and its two files (output paths).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
    pub webp: String,
    /// JPEG, or PNG for a picture.
    pub fallback: String,
}

/// A source image as published.
#[derive(Debug, Clone)]
pub struct Picture {
    /// The source's size, upright.
    pub width: u32,
    pub height: u32,
    /// Smallest first.
    pub sizes: Vec<Size>,
    /// The share image (`og:image`): output path and size.
    pub og: (String, u32, u32),
    /// PNG sources: kept as PNG, not JPEG.
    pub graphic: bool,
    /// The cache entry holding the files.
    entry: PathBuf,
}

impl Picture {
    /// The largest reduction, whose size the `<img>` states.
    pub fn largest(&self) -> &Size {
        self.sizes.last().expect("at least one size")
    }
}

/// Every picture of a site, by the output path of its source (`assets/anh/a.jpg`).
#[derive(Debug, Default, Clone)]
pub struct Images {
    pictures: HashMap<String, Picture>,
    /// Sources that a page also links to as a file: published as they are.
    linked: HashSet<String>,
    /// W040, W041: for `loa check`.
    pub warnings: Vec<Diagnostic>,
    /// How many pictures were encoded in this run (the rest came from the cache).
    pub encoded: usize,
}

impl Images {
    /// The picture for a source's output path.
    pub fn get(&self, key: &str) -> Option<&Picture> {
        self.pictures.get(key)
    }

    /// The picture a page's URL shows (`/assets/anh/a.jpg`, `anh/a.jpg`, relative).
    pub fn for_url(&self, site: &Site, page_path: &str, url: &str) -> Option<&Picture> {
        let key = crate::check::local_target(site, page_path, url)?;
        self.pictures.get(&key)
    }

    /// Whether the build leaves out the static file `dest`: a source replaced by its
    /// reductions, that no page links to as a file.
    pub fn withheld(&self, dest: &str) -> bool {
        self.pictures.contains_key(dest) && !self.linked.contains(dest)
    }

    /// Whether `key` is a source this module publishes in reduced form.
    pub fn is_source(&self, key: &str) -> bool {
        self.pictures.contains_key(key)
    }

    /// Every file to publish: output path and the cache file holding it, sorted.
    pub fn files(&self) -> Vec<(String, PathBuf)> {
        let mut out = Vec::new();
        for p in self.pictures.values() {
            for s in &p.sizes {
                let fallback = if p.graphic { "png" } else { "jpg" };
                out.push((s.webp.clone(), p.entry.join(format!("{}.webp", s.width))));
                out.push((
                    s.fallback.clone(),
                    p.entry.join(format!("{}.{fallback}", s.width)),
                ));
            }
            out.push((p.og.0.clone(), p.entry.join("og.jpg")));
        }
        out.sort();
        out.dedup();
        out
    }
}

/// Where a page shows or links a file of the site.
struct Uses {
    /// Source output path -> the first place a page shows it.
    shown: BTreeMap<String, Location>,
    linked: HashSet<String>,
}

fn extension(key: &str) -> String {
    key.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

fn uses(site: &Site) -> Uses {
    let mut shown = BTreeMap::new();
    let mut linked = HashSet::new();
    for page in &site.pages {
        let target = |url: &str| crate::check::local_target(site, &page.path, url);
        if let Some(image) = &page.meta.image
            && let Some(key) = target(&asset_url(image))
        {
            shown
                .entry(key)
                .or_insert_with(|| crate::check::at_key(page, &["image"]));
        }
        for image in &page.references.images {
            if let Some(key) = target(&image.url) {
                shown
                    .entry(key)
                    .or_insert_with(|| Location::new(&page.source, image.line, image.column));
            }
        }
        for link in &page.references.links {
            if let Some(key) = target(&link.url) {
                linked.insert(key);
            }
        }
        if let crate::content::kind::KindFields::Document(d) = &page.fields
            && let Some(file) = &d.file
            && let Some(key) = target(&asset_url(file))
        {
            linked.insert(key);
        }
    }
    Uses { shown, linked }
}

/// Process every image the site's pages show, from the cache where it can. A source
/// that cannot be read or is of a format browsers cannot all show is an error located
/// where a page shows it; nothing is written but the cache.
pub fn prepare(site: &Site) -> Result<Images> {
    let settings = &site.config.images;
    let widths = settings.sorted_widths();
    let uses = uses(site);
    let sources: HashMap<&str, &Path> = site
        .static_files
        .iter()
        .map(|f| (f.dest.as_str(), f.source.as_path()))
        .collect();
    let mut errors = Vec::new();
    let mut work = Vec::new();
    for (key, location) in &uses.shown {
        let Some(&source) = sources.get(key.as_str()) else {
            continue; // E033 says it is missing.
        };
        let ext = extension(key);
        if let Some((_, format)) = UNSUPPORTED.iter().find(|(e, _)| *e == ext) {
            errors.push(Diagnostic::new(
                Message::Image(ImageProblem::Unsupported {
                    file: relative(site, source),
                    format: (*format).to_owned(),
                }),
                Some(location.clone()),
            ));
        } else if RASTER.contains(&ext.as_str()) {
            work.push((key, location, source, ext == "png"));
        }
    }
    let cache = site.root.join(CACHE_DIR);
    let results: Vec<_> = work
        .par_iter()
        .map(|&(key, location, source, graphic)| {
            let r = process(&cache, key, source, graphic, &widths, settings.quality);
            (key, location, source, r)
        })
        .collect();
    let mut images = Images {
        linked: uses.linked,
        ..Images::default()
    };
    for (key, location, source, result) in results {
        let file = relative(site, source);
        match result {
            Ok(Processed {
                picture: p,
                len,
                fresh,
            }) => {
                images.encoded += usize::from(fresh);
                if p.width.max(p.height) < widths[0] {
                    images.warnings.push(Diagnostic::new(
                        Message::Image(ImageProblem::TooSmall {
                            file: file.clone(),
                            width: p.width,
                            height: p.height,
                            smallest: widths[0],
                        }),
                        Some(location.clone()),
                    ));
                }
                if len > LARGE_ORIGINAL {
                    images.warnings.push(Diagnostic::new(
                        Message::Image(ImageProblem::LargeOriginal {
                            file,
                            megabytes: len / (1024 * 1024),
                        }),
                        Some(location.clone()),
                    ));
                }
                images.pictures.insert(key.clone(), p);
            }
            Err(Failure::Unreadable(detail)) => errors.push(Diagnostic::new(
                Message::Image(ImageProblem::Unreadable { file, detail }),
                Some(location.clone()),
            )),
            Err(Failure::Io(e)) => return Err(e),
        }
    }
    if !work.is_empty() {
        let (encoded, cached) = (images.encoded, images.pictures.len() - images.encoded);
        log::debug!(
            "{}",
            tr!(
                site.lang,
                "  ảnh: mã hóa {encoded}, lấy từ bộ đệm {cached}",
                "  images: {encoded} encoded, {cached} from the cache"
            )
        );
    }
    if !errors.is_empty() {
        crate::check::quote_missing_lines(&site.root, &mut errors);
        return Err(Error::Content(errors));
    }
    let used: HashSet<&Path> = images
        .pictures
        .values()
        .map(|p| p.entry.as_path())
        .collect();
    trim_cache(&cache, &used, CACHE_CAP);
    Ok(images)
}

fn relative(site: &Site, source: &Path) -> PathBuf {
    source
        .strip_prefix(&site.root)
        .unwrap_or(source)
        .to_path_buf()
}

/// A picture, its source's size in bytes, and whether this run encoded it.
struct Processed {
    picture: Picture,
    len: u64,
    fresh: bool,
}

enum Failure {
    Unreadable(String),
    Io(Error),
}

/// The cache key of a source: its content and every setting that changes the result.
fn cache_key(bytes: &[u8], widths: &[u32], quality: u8, graphic: bool) -> String {
    let mut h = Sha256::new();
    h.update(bytes);
    h.update(format!("\n{PIPELINE} {widths:?} {quality} {graphic}").as_bytes());
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Output paths beside the source: `assets/anh/a.jpg` -> `assets/anh/a-480.1f2e3d4c.webp`
/// (the hash changes with the photo, so browsers never keep an old one).
fn output_name(key: &str, hash: &str, label: &str, ext: &str) -> String {
    let stem = key.rsplit_once('.').map_or(key, |(s, _)| s);
    format!("{stem}-{label}.{}.{ext}", &hash[..8])
}

fn process(
    cache: &Path,
    key: &str,
    source: &Path,
    graphic: bool,
    widths: &[u32],
    quality: u8,
) -> std::result::Result<Processed, Failure> {
    let bytes = crate::error::read(source).map_err(Failure::Io)?;
    let len = bytes.len() as u64;
    let hash = cache_key(&bytes, widths, quality, graphic);
    let entry = cache.join(&hash);
    let picture = |width, height, sizes: Vec<(u32, u32)>, og: (u32, u32)| {
        let fallback = if graphic { "png" } else { "jpg" };
        Picture {
            width,
            height,
            sizes: sizes
                .into_iter()
                .map(|(w, h)| Size {
                    width: w,
                    height: h,
                    webp: output_name(key, &hash, &w.to_string(), "webp"),
                    fallback: output_name(key, &hash, &w.to_string(), fallback),
                })
                .collect(),
            og: (output_name(key, &hash, "og", "jpg"), og.0, og.1),
            graphic,
            entry: entry.clone(),
        }
    };
    if let Some((w, h, sizes, og)) = read_meta(&entry, graphic) {
        return Ok(Processed {
            picture: picture(w, h, sizes, og),
            len,
            fresh: false,
        });
    }
    let encoded = pixels::encode(&bytes, widths, quality, graphic).map_err(Failure::Unreadable)?;
    drop(bytes);
    write_entry(cache, &hash, &encoded, graphic).map_err(Failure::Io)?;
    let sizes = encoded.sizes.iter().map(|s| (s.0, s.1)).collect();
    let og = (encoded.og.0, encoded.og.1);
    Ok(Processed {
        picture: picture(encoded.width, encoded.height, sizes, og),
        len,
        fresh: true,
    })
}

/// An entry's `meta`: the source's size, then each reduction's, then the share
/// image's; `None` when it or a file it lists is missing.
/// What a cache entry's `meta` says: the source's size, each reduction's, the share image's.
type Meta = (u32, u32, Vec<(u32, u32)>, (u32, u32));

fn read_meta(entry: &Path, graphic: bool) -> Option<Meta> {
    let text = std::fs::read_to_string(entry.join("meta")).ok()?;
    let mut pairs = text.lines().map(|l| {
        let (a, b) = l.split_once(' ')?;
        Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?))
    });
    let (w, h) = pairs.next()??;
    let mut rest: Vec<(u32, u32)> = pairs.collect::<Option<_>>()?;
    let og = rest.pop()?;
    let fallback = if graphic { "png" } else { "jpg" };
    let complete = !rest.is_empty()
        && entry.join("og.jpg").is_file()
        && rest.iter().all(|(sw, _)| {
            entry.join(format!("{sw}.webp")).is_file()
                && entry.join(format!("{sw}.{fallback}")).is_file()
        });
    complete.then_some((w, h, rest, og))
}

/// Write an entry into a private folder, then rename it into place: a build stopped
/// halfway, or two builds at once, never leave a partial entry under its name.
fn write_entry(cache: &Path, hash: &str, encoded: &pixels::Encoded, graphic: bool) -> Result<()> {
    let io = |action, path: &Path, source| Error::Io {
        action,
        path: path.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(cache).map_err(|e| io("create", cache, e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".tmp-")
        .tempdir_in(cache)
        .map_err(|e| io("create", cache, e))?;
    let fallback = if graphic { "png" } else { "jpg" };
    let mut meta = format!("{} {}\n", encoded.width, encoded.height);
    let put = |name: String, bytes: &[u8]| {
        let path = tmp.path().join(name);
        std::fs::write(&path, bytes).map_err(|e| io("write", &path, e))
    };
    for (w, h, webp, fb) in &encoded.sizes {
        put(format!("{w}.webp"), webp)?;
        put(format!("{w}.{fallback}"), fb)?;
        meta.push_str(&format!("{w} {h}\n"));
    }
    put("og.jpg".to_owned(), &encoded.og.2)?;
    meta.push_str(&format!("{} {}\n", encoded.og.0, encoded.og.1));
    put("meta".to_owned(), meta.as_bytes())?;
    let entry = cache.join(hash);
    let kept = tmp.keep();
    if std::fs::rename(&kept, &entry).is_err() {
        // Another build made the same entry meanwhile: theirs is as good.
        let _ = std::fs::remove_dir_all(&kept);
    }
    Ok(())
}

/// Remove entries no current picture uses, oldest first, while the cache is larger than
/// `cap`; and folders left by builds that stopped while writing. Best effort: the
/// cache can be deleted at any time anyway.
fn trim_cache(cache: &Path, used: &HashSet<&Path>, cap: u64) {
    let Ok(dir) = std::fs::read_dir(cache) else {
        return;
    };
    let mut entries = Vec::new();
    let mut total = 0;
    for e in dir.flatten() {
        let path = e.path();
        let size: u64 = std::fs::read_dir(&path)
            .map(|d| {
                d.flatten()
                    .filter_map(|f| f.metadata().ok())
                    .map(|m| m.len())
                    .sum()
            })
            .unwrap_or(0);
        total += size;
        let modified = e.metadata().and_then(|m| m.modified()).ok();
        entries.push((modified, path, size));
    }
    if total <= cap {
        return;
    }
    entries.sort();
    for (_, path, size) in entries {
        if total <= cap {
            break;
        }
        if !used.contains(path.as_path()) && std::fs::remove_dir_all(&path).is_ok() {
            total -= size;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_sit_beside_the_source() {
        assert_eq!(
            output_name("assets/anh/a.b.jpg", "1f2e3d4c5b", "480", "webp"),
            "assets/anh/a.b-480.1f2e3d4c.webp"
        );
    }

    #[test]
    fn the_cache_key_follows_content_and_settings() {
        let a = cache_key(b"x", &[480], 75, false);
        assert_ne!(a, cache_key(b"y", &[480], 75, false));
        assert_ne!(a, cache_key(b"x", &[480, 800], 75, false));
        assert_ne!(a, cache_key(b"x", &[480], 80, false));
        assert_eq!(a, cache_key(b"x", &[480], 75, false));
    }
}
