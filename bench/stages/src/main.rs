//! Times the stages of `loa build` separately, through the library:
//!
//!   loa-stages SITE_DIR [--today YYYY-MM-DD] [--runs N]
//!
//! load (read, front matter, validation, markdown), render into a sink that only
//! counts bytes (Tera and the views), render into memory, write those bytes into a new
//! folder (cold write), write them again over it (the unchanged-rebuild path: compare
//! and skip), and the stale-file walk and swap of `output::finish`. The folders it
//! writes are siblings of SITE_DIR/public, named `.loa-stages-*`, removed at the end.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use loa::build::{BuildOptions, load_site};
use loa::date::Date;
use loa::output::{DirSink, MemorySink, Sink};
use loa::render::Renderer;
use rayon::prelude::*;

struct CountingSink {
    files: AtomicUsize,
    bytes: AtomicUsize,
}

impl Sink for CountingSink {
    fn put(&self, _path: &str, bytes: &[u8]) -> loa::Result<()> {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len(), Ordering::Relaxed);
        Ok(())
    }
}

/// Wall time and CPU time (user + system, all threads) since a mark.
#[derive(Clone, Copy)]
struct Mark {
    wall: Instant,
    cpu: f64,
}

fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes into the struct we pass.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(u.ru_utime) + tv(u.ru_stime)
}

fn mark() -> Mark {
    Mark { wall: Instant::now(), cpu: cpu_seconds() }
}

/// "wall ms / CPU ms"
fn since(m: Mark) -> String {
    format!(
        "{:7.0} {:7.0}",
        m.wall.elapsed().as_secs_f64() * 1000.0,
        (cpu_seconds() - m.cpu) * 1000.0
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let root = PathBuf::from(args.get(1).ok_or("usage: loa-stages SITE_DIR [--today D] [--runs N]")?);
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let today = Date::parse(flag("--today").map_or("2026-11-28", String::as_str))?;
    let runs: usize = flag("--runs").map_or(Ok(1), |s| s.parse())?;
    let opts = BuildOptions {
        root: root.clone(),
        output: None,
        base_url: None,
        drafts: false,
        today,
        lang: loa::error::Lang::En,
    };
    let mut folders = Vec::new();
    println!("{:44} {:>7} {:>7}", "stage", "wall ms", "CPU ms");
    for run in 1..=runs {
        let t = mark();
        let site = load_site(&opts)?;
        let load = since(t);

        let t = mark();
        let renderer = Renderer::new(&site)?;
        let setup = since(t);

        let t = mark();
        let counting = CountingSink { files: AtomicUsize::new(0), bytes: AtomicUsize::new(0) };
        renderer.render(&counting)?;
        let render = since(t);

        let t = mark();
        let memory = MemorySink::default();
        renderer.render(&memory)?;
        let files = memory.into_files();
        let render_mem = since(t);

        let base = root.join(format!(".loa-stages-{}-{run}", std::process::id()));
        let out = base.join("public");
        std::fs::create_dir_all(&base)?;
        let staging = loa::output::prepare(&out)?;
        let sink = DirSink::staging(&staging);
        let t = mark();
        write_all(&sink, &files)?;
        let write_cold = since(t);
        // A second sink, as a rebuild without a listing: reads and compares each file.
        let again = DirSink::new(staging.dir.clone());
        let t = mark();
        write_all(&again, &files)?;
        let write_same = since(t);

        let written: Vec<String> = files.keys().cloned().collect();
        let listing = sink.into_listing();
        let t = mark();
        loa::output::finish(staging, &out, &written, listing, None)?;
        let finish = since(t);
        drop(files);
        let t = mark();
        drop(site);
        let drop_site = since(t);
        // Deleting 15,000 files right before the next run's writes would slow them down
        // on ext4 without a journal (see BENCHMARKS.md): every run's folder stays until
        // the end.
        folders.push(base);

        println!(
            "run {run}: {} files, {:.1} MB",
            counting.files.load(Ordering::Relaxed),
            counting.bytes.load(Ordering::Relaxed) as f64 / 1e6,
        );
        for (name, t) in [
            ("load (read, YAML, validate, markdown)", load),
            ("renderer setup (templates, taxonomies)", setup),
            ("render, bytes discarded", render),
            ("render into memory", render_mem),
            ("write, new folder", write_cold),
            ("write again, nothing changed", write_same),
            ("finish (stale walk, swap)", finish),
            ("drop the site", drop_site),
        ] {
            println!("  {name:42} {t}");
        }
    }
    for f in folders {
        std::fs::remove_dir_all(&f)?;
    }
    Ok(())
}

/// In parallel, as `Renderer::render` calls its sink.
fn write_all(sink: &DirSink, files: &BTreeMap<String, Vec<u8>>) -> loa::Result<()> {
    let files: Vec<(&String, &Vec<u8>)> = files.iter().collect();
    files.par_iter().try_for_each(|(p, b)| sink.put(p, b))
}
