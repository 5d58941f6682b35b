//! `loa build`: load the site, render it into the staging folder, swap it in.

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

use crate::content::{self, LoadOptions, Site};
use crate::date::Date;
use crate::error::{Diagnostic, Error, Result};
use crate::output::{self, DirSink};
use crate::render::Renderer;

/// How this run behaves; never part of site.toml.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Overrides site.toml's `output_dir`.
    pub output: Option<PathBuf>,
    /// Overrides site.toml's `base_url`.
    pub base_url: Option<String>,
    pub drafts: bool,
    pub today: Date,
    /// The language of this run's messages.
    pub lang: crate::error::Lang,
}

impl BuildOptions {
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            root: self.root.clone(),
            drafts: self.drafts,
            today: self.today,
            lang: self.lang,
            base_url: self.base_url.clone(),
        }
    }

    /// The folder this run writes to: `--output`, else site.toml's `output_dir` under the
    /// site's root.
    pub fn output_dir(&self, config: &crate::config::SiteConfig) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join(&config.output_dir))
    }
}

/// What a build did, for the one line users read.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub output: PathBuf,
    pub warnings: Vec<Diagnostic>,
    pub millis: u128,
    /// Nothing had changed since the last build: the output was left as it was.
    pub unchanged: bool,
    /// The site's pages that are not published today, by reason.
    pub left_out: content::LeftOut,
}

/// Load and validate the site with the run's overrides applied.
pub fn load_site(opts: &BuildOptions) -> Result<Site> {
    content::load(&opts.load_options())
}

/// Drop the markdown bodies a build no longer needs: every page was rendered at load,
/// and only pages read on the loudspeakers are spoken from their body. The bodies are
/// a third of a loaded site's memory.
fn release_bodies(site: &mut Site) {
    let keep: Vec<bool> = site
        .pages
        .iter()
        .map(|p| crate::broadcast::is_broadcast(site, p))
        .collect();
    for (page, keep) in site.pages.iter_mut().zip(keep) {
        if !keep {
            page.body = String::new();
        }
    }
}

/// Folders and files of a site that a build reads, besides the binary itself.
const INPUTS: &[&str] = &["site.toml", "content", "static", "assets", "themes"];

/// A fingerprint of everything a build's output depends on: this loa binary (its
/// version, size and time), the run's options, and the path, size and times of every
/// file the build reads, with the change time, device and inode where the system has
/// them (see `platform::input_record`), as make and cargo judge their inputs.
/// Reading 70 MB of sources to hash them cost a tenth of a build. `None` when something
/// cannot be read (then the build runs and reports it).
pub fn fingerprint(opts: &BuildOptions, output: &std::path::Path) -> Option<u128> {
    let exe = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let mut text = format!(
        "loa {} {} {:?}\n{:?}\n",
        env!("CARGO_PKG_VERSION"),
        exe.len(),
        exe.modified().ok()?,
        (opts.today.to_string(), opts.drafts, &opts.base_url, output),
    )
    .into_bytes();
    let mut files = Vec::new();
    for name in INPUTS {
        let path = opts.root.join(name);
        if let Ok(meta) = std::fs::metadata(&path) {
            files.extend(fingerprint_entry(&path, name.into(), &meta, &[])?);
        }
    }
    files.par_sort_unstable();
    for (path, record) in &files {
        text.extend_from_slice(path);
        text.push(0);
        text.extend_from_slice(record);
    }
    Some(output::content_hash(&text))
}

/// One input as the fingerprint hashes it: its path under the site's folder, and its
/// [`crate::platform::input_record`].
type InputRecord = (Vec<u8>, [u8; 56]);

/// The records of `path`: a file, or a folder and everything in it (links followed,
/// files in parallel). `None` if anything cannot be read or a link loops.
fn fingerprint_entry(
    path: &std::path::Path,
    relative: std::path::PathBuf,
    meta: &std::fs::Metadata,
    ancestors: &[(u64, u64)],
) -> Option<Vec<InputRecord>> {
    if meta.is_file() {
        let mut record = [0u8; 56];
        let numbers = crate::platform::input_record(meta);
        for (chunk, n) in record.chunks_exact_mut(8).zip(numbers) {
            chunk.copy_from_slice(&n.to_le_bytes());
        }
        return Some(vec![(
            relative.as_os_str().as_encoded_bytes().to_vec(),
            record,
        )]);
    }
    if !meta.is_dir() {
        return Some(Vec::new());
    }
    let id = crate::platform::folder_identity(path, meta)?;
    if ancestors.contains(&id) {
        return None;
    }
    let ancestors = [ancestors, &[id]].concat();
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(path)
        .ok()?
        .collect::<std::io::Result<_>>()
        .ok()?;
    let nested: Option<Vec<Vec<InputRecord>>> = entries
        .par_iter()
        .with_min_len(64)
        .map(|entry| {
            // Links are followed, as the build reads through them.
            let meta = match entry.file_type().ok()? {
                t if t.is_symlink() => std::fs::metadata(entry.path()).ok()?,
                _ => entry.metadata().ok()?,
            };
            let child = relative.join(entry.file_name());
            fingerprint_entry(&entry.path(), child, &meta, &ancestors)
        })
        .collect();
    Some(nested?.into_iter().flatten().collect())
}

/// Build the site into its output folder. On any error the published folder is left
/// exactly as it was. When no input changed since the last build, which reported
/// nothing, and its output is untouched, there is nothing to do.
pub fn build(opts: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let mut stages = crate::timing::Stages::start(opts.lang);
    let config = crate::config::SiteConfig::load(&opts.root).ok();
    let planned = config.map(|c| opts.output_dir(&c));
    let fingerprint = planned.as_deref().and_then(|out| fingerprint(opts, out));
    stages.lap("fingerprint");
    if let (Some(output), Some(fp)) = (&planned, fingerprint)
        && let Some(stamp) = output::unchanged(output, fp)
    {
        return Ok(BuildReport {
            pages: stamp.pages,
            files: stamp.files,
            output: output.clone(),
            warnings: Vec::new(),
            millis: started.elapsed().as_millis(),
            unchanged: true,
            left_out: stamp.left_out,
        });
    }
    let mut site = load_site(opts)?;
    release_bodies(&mut site);
    stages.lap("load");
    let output = opts.output_dir(&site.config);
    output::check_output_dir(&output, &opts.root)?;
    let pages = site.pages.len();
    let left_out = site.left_out;
    // The site is rendered on a thread of its own, which frees it once this function
    // has returned (when `built` is dropped): freeing a large site takes a while (0.3 s
    // at 50,000 pages), and the command can report and exit meanwhile.
    let (sender, receiver) = std::sync::mpsc::channel();
    let (built, wait_for_build) = std::sync::mpsc::channel::<()>();
    let render_output = output.clone();
    let lang = opts.lang;
    std::thread::spawn(move || {
        let rendered = render_into_staging(&site, &render_output, stages, lang);
        // Either end may be gone when the command stopped early; nothing is left to do.
        let _ = sender.send(rendered);
        let _ = wait_for_build.recv();
        drop(site);
    });
    let Rendered {
        staging,
        written,
        listing,
        warnings,
        mut stages,
    } = receiver.recv().map_err(|_| {
        Error::Failed(both!(
            "việc dựng trang dừng đột ngột khi đang kết xuất; hãy chạy lại lệnh",
            "the build stopped unexpectedly while rendering; please run it again"
        ))
    })??;
    // A build with warnings is never skipped: they are reported every time.
    let stamp = fingerprint
        .filter(|_| warnings.is_empty() && planned.as_ref() == Some(&output))
        .map(|fingerprint| output::Stamp {
            fingerprint,
            pages,
            files: written.len(),
            left_out,
        });
    output::finish(staging, &output, &written, listing, stamp)?;
    stages.lap("finish");
    drop(built);
    Ok(BuildReport {
        pages,
        files: written.len(),
        output,
        warnings,
        millis: started.elapsed().as_millis(),
        unchanged: false,
        left_out,
    })
}

/// What rendering a site into the staging folder leaves for the swap.
struct Rendered {
    staging: output::Staging,
    written: Vec<String>,
    listing: output::Listing,
    warnings: Vec<Diagnostic>,
    stages: crate::timing::Stages,
}

/// Render `site` into the staging folder of `output`. On a template error nothing is
/// touched; on a failed render the staging folder is removed.
fn render_into_staging(
    site: &Site,
    output: &std::path::Path,
    mut stages: crate::timing::Stages,
    lang: crate::error::Lang,
) -> Result<Rendered> {
    let mut renderer = Renderer::new(site)?;
    stages.lap("prepare templates, taxonomies, bulletins");
    renderer.make_audio(lang);
    stages.lap("bulletin audio");
    let staging = output::prepare(output)?;
    stages.lap("prepare staging folder");
    // A failed render leaves no half-written staging folder behind.
    let sink = DirSink::staging(&staging);
    let written = renderer.render(&sink).inspect_err(|_| {
        // Best effort: the error that stopped the render is the one to report, and the
        // next build clears a staging folder left behind.
        let _ = std::fs::remove_dir_all(&staging.dir);
    })?;
    stages.lap("render and write");
    // A page that shows a missing image or leads nowhere is not published.
    let have: std::collections::HashSet<&str> = written.iter().map(String::as_str).collect();
    let images = site.images();
    let missing =
        crate::check::missing_references(site, &|key| have.contains(key) || images.is_source(key));
    if !missing.is_empty() {
        let _ = std::fs::remove_dir_all(&staging.dir);
        return Err(Error::Content(missing));
    }
    stages.lap("check references");
    let listing = sink.into_listing();
    let mut warnings = site.warnings.clone();
    warnings.extend(renderer.warnings());
    Ok(Rendered {
        staging,
        written,
        listing,
        warnings,
        stages,
    })
}
