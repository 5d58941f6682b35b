//! Command-line arguments (clap) and the commands they run. Raw arguments are turned into
//! validated options here; the commands themselves live in their modules.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::build::BuildOptions;
use crate::date::Date;
use crate::error::{Error, Lang, Result};

#[derive(Debug, Parser)]
#[command(
    name = "loa",
    version,
    about = "A public-safety portal and loudspeaker bulletins from one folder of markdown"
)]
pub struct Cli {
    /// The site's folder (the one with site.toml).
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    /// Build as if today were DATE (YYYY-MM-DD); decides what is published.
    #[arg(long, global = true, value_name = "DATE")]
    pub today: Option<String>,
    /// Say only errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Say more: timings of each stage.
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// Language of messages (default: $LOA_LANG, else site.toml's language, else vi).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SpeechFormat {
    Text,
    Ssml,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the portal and the loudspeaker scripts into the output folder.
    Build {
        /// Write the portal here instead of site.toml's output_dir.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Use this address instead of site.toml's base_url.
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages marked draft: true.
        #[arg(long)]
        drafts: bool,
    },
    /// Check everything a build would, without writing anything.
    Check {
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[arg(long)]
        drafts: bool,
    },
    /// Write a new page in a section, with the front matter its kind needs.
    New {
        /// The section's folder under content/ (e.g. tin-tuc).
        section: String,
        /// The page's title.
        title: String,
    },
    /// Upload what changed in the built portal to a target of site.toml's [publish].
    Publish {
        /// List what would be added, changed and removed, and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// The [publish.NAME] target to use (needed when there are several).
        #[arg(long)]
        target: Option<String>,
    },
    /// Print loudspeaker bulletins (all of the build date's by default).
    Broadcast {
        /// The day on air (YYYY-MM-DD); the build date by default.
        #[arg(long)]
        date: Option<String>,
        /// Only this ward (its slug in site.toml).
        #[arg(long)]
        ward: Option<String>,
        /// Only this slot (its id in site.toml).
        #[arg(long)]
        slot: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: SpeechFormat,
    },
    /// Print how a loudspeaker script reads TEXT (or each line of standard input).
    Speak {
        /// The text to read; standard input when absent.
        text: Option<String>,
    },
    /// Build the site in memory and serve it, rebuilding and reloading the browser on
    /// every change.
    Serve {
        /// The port to listen on (the next free one is used if it is taken; 0: any).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; other than 127.0.0.1, the site is visible on the
        /// network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Include pages marked draft: true.
        #[arg(long)]
        drafts: bool,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Poll the files for changes (for shared or network folders).
        #[arg(long)]
        poll: bool,
    },
    /// Create a new, minimal site that builds.
    Init {
        /// The folder to create.
        dir: PathBuf,
    },
    /// Write the year's communication-work report (HTML and CSV) into <output>/bao-cao/YEAR/.
    Report {
        /// The year to report on, e.g. 2025.
        #[arg(long)]
        year: i32,
        /// Write into this folder's bao-cao/ instead of site.toml's output_dir.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

/// The language of messages: `--lang`, then `LOA_LANG`, then site.toml's `language`,
/// then Vietnamese.
pub fn lang(cli: &Cli) -> Lang {
    let option = cli.lang.map(|l| match l {
        LangArg::Vi => Lang::Vi,
        LangArg::En => Lang::En,
    });
    let env = std::env::var("LOA_LANG").ok();
    let site = site_language(&cli.root);
    Lang::choose(option, env.as_deref(), site.as_deref())
}

/// site.toml's `language`, read leniently: a site.toml with errors still gets its
/// errors in its own language.
fn site_language(root: &std::path::Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join(crate::config::FILE_NAME)).ok()?;
    if let Ok(table) = text.parse::<toml::Table>() {
        return table.get("language")?.as_str().map(str::to_owned);
    }
    text.lines().find_map(|l| {
        let v = l
            .trim()
            .strip_prefix("language")?
            .trim_start()
            .strip_prefix('=')?;
        Some(v.trim().trim_matches('"').to_owned())
    })
}

/// Parse `--today`, or take today's date in Vietnam.
pub fn today(arg: Option<&str>) -> Result<Date> {
    match arg {
        Some(s) => Date::parse(s).map_err(|e| Error::Usage(format!("--today: {e}"))),
        None => Ok(Date::today_in_vietnam()),
    }
}

/// The site's folder as an absolute path, made once here so that every later stage
/// (the watcher above all, which compares the absolute paths the system reports with
/// it) sees the same root whether `--root` was given, relative, or left as `.`.
pub fn site_root(cli: &Cli) -> Result<PathBuf> {
    std::path::absolute(&cli.root).map_err(|e| Error::io("cannot find", &cli.root, e))
}

pub fn build_options(
    cli: &Cli,
    output: Option<PathBuf>,
    base_url: Option<String>,
    drafts: bool,
) -> Result<BuildOptions> {
    Ok(BuildOptions {
        root: site_root(cli)?,
        output,
        base_url,
        drafts,
        today: today(cli.today.as_deref())?,
    })
}

/// The bulletins of one date, optionally one ward and one slot, as text or SSML, each
/// under a heading line naming it.
pub fn print_bulletins(
    opts: &BuildOptions,
    date: Date,
    ward: Option<&str>,
    slot: Option<&str>,
    format: SpeechFormat,
) -> Result<String> {
    let site = crate::build::load_site(opts)?;
    if let Some(w) = ward
        && site.config.ward(w).is_none()
    {
        let known: Vec<&str> = site.config.wards.iter().map(|w| w.slug.as_str()).collect();
        return Err(Error::Usage(format!(
            "--ward {w}: no such ward in site.toml; wards are: {}",
            known.join(", ")
        )));
    }
    if let Some(s) = slot
        && site.config.slot(s).is_none()
    {
        let known: Vec<&str> = site
            .config
            .broadcast
            .slots
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        return Err(Error::Usage(format!(
            "--slot {s}: no such slot in site.toml; slots are: {}",
            known.join(", ")
        )));
    }
    let broadcasts = crate::broadcast::Broadcasts::new(&site);
    let mut out = String::new();
    let selected = broadcasts
        .bulletins(date, date)
        .into_iter()
        .filter(|b| ward.is_none_or(|w| b.ward == w) && slot.is_none_or(|s| b.slot == s));
    for b in selected {
        match format {
            SpeechFormat::Text => {
                out.push_str(&format!(
                    "# {} — {} — {} ({})\n",
                    b.date,
                    b.ward,
                    b.slot,
                    crate::broadcast::minutes_label(b.seconds)
                ));
                out.push_str(&broadcasts.text(&b));
                out.push('\n');
            }
            SpeechFormat::Ssml => out.push_str(&broadcasts.ssml(&b)),
        }
    }
    if out.is_empty() {
        log::info!("No bulletin airs on {date} for that ward and slot.");
    }
    Ok(out)
}

/// The glossary `loa speak` uses: the site's when run in a site, else the built-in one.
pub fn speak_glossary(root: &std::path::Path) -> Result<crate::speech::Glossary> {
    let builtin = crate::speech::Glossary::builtin();
    if root.join(crate::config::FILE_NAME).is_file() {
        let config = crate::config::SiteConfig::load(root)?;
        Ok(builtin.with_overrides(&config.glossary))
    } else {
        Ok(builtin)
    }
}
