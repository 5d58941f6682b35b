//! Command-line arguments (clap) and the commands they run. Raw arguments are turned into
//! validated options here; the commands themselves live in their modules.

use std::path::PathBuf;

use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::build::BuildOptions;
use crate::date::Date;
use crate::error::{Error, Lang, Result};

mod run;

pub use run::{report, run};

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
        /// The kind of a section to create, when the section does not exist yet.
        #[arg(long)]
        kind: Option<String>,
    },
    /// Upload what changed in the built portal to a target of site.toml's publish section.
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
    /// Write the year's communication-work report (HTML and CSV) into OUTPUT/bao-cao/YEAR/.
    Report {
        /// The year to report on, e.g. 2025.
        #[arg(long)]
        year: i32,
        /// Write into this folder's bao-cao/ instead of site.toml's output_dir.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

/// What the command line asks for: a command to run, or only something to say (help,
/// the version, a mistake) and the exit code (0 for help and version, 2 for a mistake).
#[derive(Debug)]
pub enum Parsed {
    Run(Box<Cli>, Lang),
    Say {
        text: String,
        /// Help and the version go to stdout, mistakes to stderr.
        stdout: bool,
        code: u8,
    },
}

/// Parse the command line with `--help` and mistakes in the language of messages,
/// which is chosen from the raw arguments first (`--lang`, `LOA_LANG`, the site.toml
/// of `--root`).
pub fn parse(mut args: Vec<std::ffi::OsString>) -> Parsed {
    // `loa help [COMMAND]`, as people type it, is `loa [COMMAND] --help`.
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    let lang = early_lang(&args);
    let matches = command(lang).try_get_matches_from(&args);
    match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => {
            let lang = self::lang(&cli);
            Parsed::Run(Box::new(cli), lang)
        }
        Err(e) => refusal(e, lang, &args),
    }
}

/// What to say for clap's answer `e`: help, the version, or the mistake in `lang`.
fn refusal(e: clap::Error, lang: Lang, args: &[std::ffi::OsString]) -> Parsed {
    use clap::error::{ContextKind, ErrorKind};
    let say = |mut text: String, stdout: bool, code: u8| {
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Parsed::Say { text, stdout, code }
    };
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => say(e.render().to_string(), true, 0),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            say(command(lang).render_help().to_string(), false, 2)
        }
        _ if lang == Lang::En => say(e.render().to_string(), false, 2),
        kind => {
            let get = |k: ContextKind| e.get(k).map(context_text).unwrap_or_default();
            let text = crate::console::usage_error(
                kind,
                &get(ContextKind::InvalidArg).if_empty(get(ContextKind::InvalidSubcommand)),
                &get(ContextKind::InvalidValue).if_empty(get(ContextKind::PriorArg)),
                &get(ContextKind::ValidValue),
                &get(ContextKind::SuggestedArg).if_empty(get(ContextKind::SuggestedSubcommand)),
            );
            let sub = args
                .iter()
                .skip(1)
                .filter_map(|a| a.to_str())
                .find(|a| Cli::command().find_subcommand(a).is_some());
            let command = match sub {
                Some(sub) => format!("loa {sub}"),
                None => "loa".to_owned(),
            };
            let text = format!(
                "{}\n{}\n",
                crate::console::error_line(lang, &text),
                crate::console::see_help(lang, &command)
            );
            say(text, false, 2)
        }
    }
}

trait IfEmpty {
    fn if_empty(self, other: String) -> String;
}

impl IfEmpty for String {
    fn if_empty(self, other: String) -> String {
        if self.is_empty() { other } else { self }
    }
}

fn context_text(v: &clap::error::ContextValue) -> String {
    use clap::error::ContextValue::*;
    match v {
        String(s) => s.clone(),
        Strings(v) => v.join(", "),
        StyledStr(s) => s.to_string(),
        StyledStrs(v) => v
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Number(n) => n.to_string(),
        Bool(b) => b.to_string(),
        _ => std::string::String::new(),
    }
}

/// The language before the arguments are parsed: `--lang X` or `--lang=X`, `LOA_LANG`,
/// then the language of the site.toml that `--root` (or the current folder) holds.
pub fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let value = |name: &str| {
        let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
        args.iter().enumerate().find_map(|(i, a)| {
            let flag = format!("--{name}");
            if *a == flag {
                args.get(i + 1).map(|v| (*v).to_owned())
            } else {
                a.strip_prefix(&format!("{flag}=")).map(str::to_owned)
            }
        })
    };
    let option = value("lang").and_then(|l| Lang::parse(&l));
    let env = std::env::var("LOA_LANG").ok();
    let root = value("root").unwrap_or_else(|| ".".to_owned());
    let site = site_language(std::path::Path::new(&root));
    Lang::choose(option, env.as_deref(), site.as_deref())
}

/// The clap command with every text of `--help` in `lang` (see `console::help`).
pub fn command(lang: Lang) -> clap::Command {
    use crate::console::help;
    let pick = |(vi, en): (&'static str, &'static str)| match lang {
        Lang::Vi => vi,
        Lang::En => en,
    };
    let options = pick(help::OPTIONS);
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        pick(help::USAGE)
    );
    let localize_arg = |cmd: &str, a: Arg| -> Arg {
        let id = a.get_id().as_str().to_owned();
        let Some((_, _, value, vi, en)) = help::ARGS
            .iter()
            .find(|(c, i, ..)| (*c == cmd || c.is_empty()) && *i == id)
        else {
            return a;
        };
        let heading = if a.is_positional() {
            pick(help::ARGUMENTS)
        } else {
            options
        };
        let takes_values = a.get_action().takes_values();
        let mut a = a
            .help(pick((vi, en)))
            .long_help(None::<&str>)
            .help_heading(heading);
        if takes_values {
            a = a.hide_default_value(true).hide_possible_values(true);
        }
        if lang == Lang::Vi && takes_values && !value.is_empty() {
            a = a.value_name(*value);
        }
        a
    };
    let mut cmd = Cli::command()
        .about(pick(help::ABOUT))
        .long_about(None::<&str>)
        .help_template(&template)
        .subcommand_help_heading(pick(help::COMMANDS_HEADING))
        .subcommand_value_name(pick(help::COMMAND_VALUE).trim_matches(['<', '>']))
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .global(true)
                .action(ArgAction::Help),
        )
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    if lang == Lang::Vi {
        cmd = cmd.override_usage(format!(
            "loa {} {}",
            pick(help::OPTIONS_VALUE),
            pick(help::COMMAND_VALUE)
        ));
    }
    cmd = cmd.mut_args(|a| localize_arg("", a));
    // The commands in the order an office uses them (the table's).
    for (order, (name, vi, en)) in help::COMMANDS.iter().enumerate() {
        cmd = cmd.mut_subcommand(*name, |sub| {
            let mut sub = sub
                .display_order(order)
                .about(pick((vi, en)))
                .long_about(None::<&str>)
                .help_template(&template)
                .disable_help_flag(true)
                .mut_args(|a| localize_arg(name, a));
            if lang == Lang::Vi {
                let positionals: Vec<String> = sub
                    .get_positionals()
                    .map(|a| {
                        let value = a
                            .get_value_names()
                            .and_then(|v| v.first())
                            .map_or_else(|| a.get_id().to_string(), ToString::to_string);
                        if a.is_required_set() {
                            format!("<{value}>")
                        } else {
                            format!("[{value}]")
                        }
                    })
                    .collect();
                let mut usage = format!("loa {name} {}", pick(help::OPTIONS_VALUE));
                for p in positionals {
                    usage.push(' ');
                    usage.push_str(&p);
                }
                sub = sub.override_usage(usage);
            }
            sub
        });
    }
    cmd
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
        Some(s) => date_option("--today", s),
        None => Ok(Date::today_in_vietnam()),
    }
}

/// The value of a date option; the error names the option the user typed.
pub fn date_option(option: &str, value: &str) -> Result<Date> {
    Date::parse(value).map_err(|_| Error::Usage(crate::console::bad_date(option, value)))
}

/// The site's folder as an absolute path, made once here so that every later stage
/// (the watcher above all, which compares the absolute paths the system reports with
/// it) sees the same root whether `--root` was given, relative, or left as `.`.
pub fn site_root(cli: &Cli) -> Result<PathBuf> {
    std::path::absolute(&cli.root).map_err(|e| Error::io("cannot find", &cli.root, e))
}

pub fn build_options(
    cli: &Cli,
    lang: Lang,
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
        lang,
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
        return Err(Error::Usage(both!(
            "--ward {w}: site.toml không có phường, xã này; các phường, xã là: {known}",
            "--ward {w}: no such ward in site.toml; wards are: {known}",
            known = known.join(", ")
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
        return Err(Error::Usage(both!(
            "--slot {s}: site.toml không có buổi phát này; các buổi phát là: {known}",
            "--slot {s}: no such slot in site.toml; slots are: {known}",
            known = known.join(", ")
        )));
    }
    let broadcasts = crate::broadcast::Broadcasts::new(&site);
    let mut out = String::new();
    let mut selected: Vec<crate::broadcast::Bulletin> = broadcasts
        .bulletins(date, date)
        .into_iter()
        .filter(|b| ward.is_none_or(|w| b.ward == w) && slot.is_none_or(|s| b.slot == s))
        .collect();
    // The audio's length where the last build made it (nothing is spoken here).
    if let Some(audio) = &site.config.broadcast.audio {
        let plan = broadcasts.audio_plan(&selected, audio);
        let millis = broadcasts.cached_audio(&plan);
        broadcasts.apply_audio(&mut selected, &plan, &millis);
    }
    for b in selected {
        match format {
            SpeechFormat::Text => {
                let heading = crate::console::bulletin_heading(
                    opts.lang,
                    &b.date.to_string(),
                    &b.ward,
                    &b.slot,
                    &crate::broadcast::minutes_label(b.seconds),
                );
                out.push_str(&heading);
                out.push('\n');
                out.push_str(&broadcasts.text(&b));
                out.push('\n');
            }
            SpeechFormat::Ssml => out.push_str(&broadcasts.ssml(&b)),
        }
    }
    if out.is_empty() {
        // Named as site.toml names them, with what was typed: "Phường An Biên (an-bien)".
        let ward = ward
            .and_then(|w| site.config.ward(w))
            .map(|w| format!("{} ({})", w.name, w.slug));
        let slot = slot
            .and_then(|s| site.config.slot(s))
            .map(|s| format!("{} ({})", s.name, s.id));
        log::info!(
            "{}",
            crate::console::no_bulletin(
                opts.lang,
                &date.to_string(),
                ward.as_deref(),
                slot.as_deref()
            )
        );
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
