//! The `loa` binary: parse arguments, pick the logger, run the command, print errors for
//! people and return the exit code (0 success, 1 content errors, 2 usage errors).

#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

use loa::cli::{Cli, Command, Format};
use loa::error::Lang;
use loa::{Diagnostic, Error};

/// mimalloc instead of the system allocator: a build makes millions of small strings and
/// values on two threads, and glibc's malloc took a seventh of a build's CPU.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Messages go to stderr, one line each, without decoration.
struct StderrLogger {
    level: log::LevelFilter,
}

impl log::Log for StderrLogger {
    fn enabled(&self, m: &log::Metadata) -> bool {
        m.level() <= self.level
    }
    fn log(&self, r: &log::Record) {
        if self.enabled(r.metadata()) {
            let _ = writeln!(std::io::stderr(), "{}", r.args());
        }
    }
    fn flush(&self) {}
}

fn main() -> ExitCode {
    let (cli, lang) = match loa::cli::parse(std::env::args_os().collect()) {
        loa::cli::Parsed::Run(cli, lang) => (cli, lang),
        loa::cli::Parsed::Say { text, stdout, code } => {
            if stdout {
                print!("{text}");
            } else {
                eprint!("{text}");
            }
            return ExitCode::from(code);
        }
    };
    let level = if cli.quiet {
        log::LevelFilter::Error
    } else if cli.verbose {
        log::LevelFilter::Debug
    } else {
        log::LevelFilter::Info
    };
    let logger = Box::leak(Box::new(StderrLogger { level }));
    let _ = log::set_logger(logger);
    log::set_max_level(level);
    match run(&cli, lang) {
        Ok(code) => code,
        Err(e) => {
            report(&e, lang);
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

/// Diagnostics in the chosen language, sorted by file and line.
fn localized(diags: &[Diagnostic], lang: Lang) -> Vec<Diagnostic> {
    let mut diags = diags.to_vec();
    for d in &mut diags {
        d.localize(lang);
    }
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags
}

/// `loa build`: build, then say what was built (or that nothing changed) and which
/// pages were left out.
fn build_and_report(cli: &Cli, lang: Lang, opts: &loa::BuildOptions) -> loa::Result<()> {
    let r = loa::build(opts)?;
    if !cli.quiet {
        print_diagnostics(&r.warnings, lang);
    }
    let out = loa::console::shown(&r.output, &opts.root);
    if r.unchanged {
        log::info!(
            "{}",
            loa::console::unchanged(lang, r.pages, r.files, &out, r.millis)
        );
    } else {
        log::info!(
            "{}",
            loa::console::built(lang, r.pages, r.files, &out, r.millis)
        );
    }
    if let Some(line) = loa::console::left_out(lang, r.left_out) {
        log::info!("{line}");
    }
    Ok(())
}

fn print_diagnostics(diags: &[Diagnostic], lang: Lang) {
    let mut err = std::io::stderr().lock();
    for d in localized(diags, lang) {
        let _ = writeln!(err, "{d}\n");
    }
}

fn report(e: &Error, lang: Lang) {
    match e {
        Error::Content(diags) => {
            print_diagnostics(diags, lang);
            let summary = loa::error::build_summary(diags, lang);
            let _ = writeln!(std::io::stderr(), "{summary}");
        }
        other => {
            let line = loa::console::error_line(lang, &other.localized(lang));
            let _ = writeln!(std::io::stderr(), "{line}");
        }
    }
}

fn run(cli: &Cli, lang: Lang) -> Result<ExitCode, Error> {
    match &cli.command {
        Command::Build {
            output,
            base_url,
            drafts,
        } => {
            let opts =
                loa::cli::build_options(cli, lang, output.clone(), base_url.clone(), *drafts)?;
            build_and_report(cli, lang, &opts)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { format, drafts } => {
            let opts = loa::cli::build_options(cli, lang, None, None, *drafts)?;
            let mut diags = localized(&loa::check::check(&opts)?, lang);
            if cli.quiet {
                diags.retain(Diagnostic::is_error);
            }
            let errors = diags.iter().filter(|d| d.is_error()).count();
            match format {
                // -q on a clean site: nothing to say.
                Format::Text if cli.quiet && diags.is_empty() => {}
                Format::Text => {
                    let _ = write!(std::io::stderr(), "{}", loa::check::to_text(&diags, lang));
                }
                Format::Json => println!("{}", loa::check::to_json(&diags)),
            }
            Ok(if errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Serve {
            port,
            bind,
            drafts,
            open,
            poll,
        } => {
            let build = loa::cli::build_options(cli, lang, None, None, *drafts)?;
            loa::serve::serve(&loa::serve::ServeOptions {
                build,
                port: *port,
                bind: *bind,
                open: *open,
                poll: *poll,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            section,
            title,
            kind,
        } => {
            let today = loa::cli::today(cli.today.as_deref())?;
            let root = loa::cli::site_root(cli)?;
            let new = loa::scaffold::new_page(&root, section, title, today, kind.as_deref())?;
            if let Some(index) = &new.section_index {
                let index = loa::console::shown(index, &root);
                log::info!("{}", loa::console::created_section(lang, &index));
            }
            let path = loa::console::shown(&new.path, &root);
            log::info!("{}", loa::console::wrote_page(lang, &path, new.draft));
            Ok(ExitCode::SUCCESS)
        }
        Command::Publish { dry_run, target } => {
            // What goes up is what the files say now: a build first (nothing to do when
            // nothing changed); a build error stops the publish before anything is sent.
            let build = loa::cli::build_options(cli, lang, None, None, false)?;
            build_and_report(cli, lang, &build)?;
            let opts = loa::publish::PublishOptions {
                dry_run: *dry_run,
                lang,
            };
            let tty = std::io::IsTerminal::is_terminal(&std::io::stderr()) && !cli.quiet;
            let mut progress = |p: loa::publish::Progress| {
                if let (true, loa::publish::Progress::Sent { done, total, .. }) = (tty, &p) {
                    let line = loa::console::sent(lang, *done, *total);
                    let _ = write!(std::io::stderr(), "\r{line}");
                }
            };
            let summary = loa::publish::publish_site(
                &loa::cli::site_root(cli)?,
                target.as_deref(),
                &opts,
                &mut progress,
            )?;
            if tty {
                let _ = writeln!(std::io::stderr());
            }
            for line in &summary.plan_lines {
                println!("{line}");
            }
            log::info!("{}", summary.line(lang));
            Ok(ExitCode::SUCCESS)
        }
        Command::Broadcast {
            date,
            ward,
            slot,
            format,
        } => {
            let opts = loa::cli::build_options(cli, lang, None, None, false)?;
            let date = match date {
                Some(d) => loa::cli::date_option("--date", d)?,
                None => opts.today,
            };
            let text =
                loa::cli::print_bulletins(&opts, date, ward.as_deref(), slot.as_deref(), *format)?;
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Speak { text } => {
            let glossary = loa::cli::speak_glossary(&loa::cli::site_root(cli)?)?;
            match text {
                Some(t) => println!("{}", loa::speech::speak(t, &glossary).text),
                None => {
                    for line in std::io::stdin().lines() {
                        let line = line.map_err(|e| {
                            Error::io("cannot read", std::path::Path::new("standard input"), e)
                        })?;
                        println!("{}", loa::speech::speak(&line, &glossary).text);
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { dir } => {
            loa::scaffold::init(dir)?;
            log::info!("{}", loa::console::created_site(lang, dir));
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { year, output } => {
            let opts = loa::cli::build_options(cli, lang, output.clone(), None, false)?;
            let (report, dir) = loa::report::run(&opts, *year, Some(&loa::report::Assembled))?;
            for line in report.summary() {
                println!("{line}");
            }
            let dir = loa::console::shown(&dir, &opts.root);
            log::info!(
                "{}",
                loa::console::wrote_report(lang, &dir, report.tables.len())
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
