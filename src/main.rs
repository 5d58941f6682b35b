//! The `loa` binary: parse arguments, pick the logger, run the command, print errors for
//! people and return the exit code (0 success, 1 content errors, 2 usage errors).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
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
    let cli = Cli::parse();
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
    let lang = loa::cli::lang(&cli);
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
            let _ = writeln!(std::io::stderr(), "error: {other}");
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
            let opts = loa::cli::build_options(cli, output.clone(), base_url.clone(), *drafts)?;
            let r = loa::build(&opts)?;
            print_diagnostics(&r.warnings, lang);
            if r.unchanged {
                log::info!(
                    "Nothing changed since the last build: {} pages ({} files) in {}, checked in {} ms",
                    r.pages,
                    r.files,
                    r.output.display(),
                    r.millis
                );
            } else {
                log::info!(
                    "Built {} pages ({} files) into {} in {} ms",
                    r.pages,
                    r.files,
                    r.output.display(),
                    r.millis
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { format, drafts } => {
            let opts = loa::cli::build_options(cli, None, None, *drafts)?;
            let diags = localized(&loa::check::check(&opts)?, lang);
            let errors = diags.iter().filter(|d| d.is_error()).count();
            match format {
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
            let build = loa::cli::build_options(cli, None, None, *drafts)?;
            loa::serve::serve(&loa::serve::ServeOptions {
                build,
                port: *port,
                bind: *bind,
                open: *open,
                poll: *poll,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::New { section, title } => {
            let today = loa::cli::today(cli.today.as_deref())?;
            let path = loa::scaffold::new_page(&loa::cli::site_root(cli)?, section, title, today)?;
            log::info!("Wrote {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Publish { dry_run, target } => {
            let opts = loa::publish::PublishOptions { dry_run: *dry_run };
            let tty = std::io::IsTerminal::is_terminal(&std::io::stderr()) && !cli.quiet;
            let mut progress = |p: loa::publish::Progress| {
                if let (true, loa::publish::Progress::Sent { done, total, .. }) = (tty, &p) {
                    let _ = write!(std::io::stderr(), "\r{done}/{total} files sent");
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
            log::info!("{summary}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Broadcast {
            date,
            ward,
            slot,
            format,
        } => {
            let opts = loa::cli::build_options(cli, None, None, false)?;
            let date = match date {
                Some(d) => loa::cli::today(Some(d))?,
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
            log::info!(
                "Created a new site in {}. Build it with: loa build --root {}",
                dir.display(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { year, output } => {
            let opts = loa::cli::build_options(cli, output.clone(), None, false)?;
            let (report, dir) = loa::report::run(&opts, *year, Some(&loa::report::Assembled))?;
            for line in report.summary() {
                println!("{line}");
            }
            log::info!(
                "Wrote the report to {} (index.html and {} CSV files, UTF-8 with BOM for Excel)",
                dir.display(),
                report.tables.len()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
