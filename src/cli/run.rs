//! Running a parsed command: the one place that prints what commands did (errors go
//! through the logger and stderr, results to stdout), so `main` only parses and exits.

use std::io::Write;
use std::process::ExitCode;

use super::{Cli, Command, Format};
use crate::error::Lang;
use crate::{Diagnostic, Error};

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
fn build_and_report(cli: &Cli, lang: Lang, opts: &crate::BuildOptions) -> crate::Result<()> {
    let r = crate::build(opts)?;
    if !cli.quiet {
        print_diagnostics(&r.warnings, lang);
    }
    let out = crate::console::shown(&r.output, &opts.root);
    if r.unchanged {
        log::info!(
            "{}",
            crate::console::unchanged(lang, r.pages, r.files, &out, r.millis)
        );
    } else {
        log::info!(
            "{}",
            crate::console::built(lang, r.pages, r.files, &out, r.millis)
        );
    }
    if let Some(line) = crate::console::left_out(lang, r.left_out) {
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

/// Print a failed command's error for people: each diagnostic, then the summary line.
pub fn report(e: &Error, lang: Lang) {
    match e {
        Error::Content(diags) => {
            print_diagnostics(diags, lang);
            let summary = crate::error::build_summary(diags, lang);
            let _ = writeln!(std::io::stderr(), "{summary}");
        }
        other => {
            let line = crate::console::error_line(lang, &other.localized(lang));
            let _ = writeln!(std::io::stderr(), "{line}");
        }
    }
}

/// Run a parsed command; the exit code when it did not fail.
pub fn run(cli: &Cli, lang: Lang) -> Result<ExitCode, Error> {
    match &cli.command {
        Command::Build {
            output,
            base_url,
            drafts,
        } => {
            let opts = super::build_options(cli, lang, output.clone(), base_url.clone(), *drafts)?;
            build_and_report(cli, lang, &opts)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { format, drafts } => {
            let opts = super::build_options(cli, lang, None, None, *drafts)?;
            let mut diags = localized(&crate::check::check(&opts)?, lang);
            if cli.quiet {
                diags.retain(Diagnostic::is_error);
            }
            let errors = diags.iter().filter(|d| d.is_error()).count();
            match format {
                // -q on a clean site: nothing to say.
                Format::Text if cli.quiet && diags.is_empty() => {}
                Format::Text => {
                    let _ = write!(std::io::stderr(), "{}", crate::check::to_text(&diags, lang));
                }
                Format::Json => println!("{}", crate::check::to_json(&diags)),
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
            let build = super::build_options(cli, lang, None, None, *drafts)?;
            crate::serve::serve(&crate::serve::ServeOptions {
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
            let today = super::today(cli.today.as_deref())?;
            let root = super::site_root(cli)?;
            let new = crate::scaffold::new_page(&root, section, title, today, kind.as_deref())?;
            if let Some(index) = &new.section_index {
                let index = crate::console::shown(index, &root);
                log::info!("{}", crate::console::created_section(lang, &index));
            }
            let path = crate::console::shown(&new.path, &root);
            log::info!("{}", crate::console::wrote_page(lang, &path, new.draft));
            Ok(ExitCode::SUCCESS)
        }
        Command::Publish { dry_run, target } => {
            // What goes up is what the files say now: a build first (nothing to do when
            // nothing changed); a build error stops the publish before anything is sent.
            let build = super::build_options(cli, lang, None, None, false)?;
            build_and_report(cli, lang, &build)?;
            let opts = crate::publish::PublishOptions {
                dry_run: *dry_run,
                lang,
            };
            let tty = std::io::IsTerminal::is_terminal(&std::io::stderr()) && !cli.quiet;
            let mut progress = |p: crate::publish::Progress| {
                if let (true, crate::publish::Progress::Sent { done, total, .. }) = (tty, &p) {
                    let line = crate::console::sent(lang, *done, *total);
                    let _ = write!(std::io::stderr(), "\r{line}");
                }
            };
            let summary = crate::publish::publish_site(
                &super::site_root(cli)?,
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
            let opts = super::build_options(cli, lang, None, None, false)?;
            let date = match date {
                Some(d) => super::date_option("--date", d)?,
                None => opts.today,
            };
            let text =
                super::print_bulletins(&opts, date, ward.as_deref(), slot.as_deref(), *format)?;
            print!("{text}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Speak { text } => {
            let glossary = super::speak_glossary(&super::site_root(cli)?)?;
            match text {
                Some(t) => println!("{}", crate::speech::speak(t, &glossary).text),
                None => {
                    for line in std::io::stdin().lines() {
                        let line = line.map_err(|e| {
                            Error::io("cannot read", std::path::Path::new("standard input"), e)
                        })?;
                        println!("{}", crate::speech::speak(&line, &glossary).text);
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Init { dir } => {
            crate::scaffold::init(dir)?;
            log::info!("{}", crate::console::created_site(lang, dir));
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { year, output } => {
            let opts = super::build_options(cli, lang, output.clone(), None, false)?;
            let (report, dir) = crate::report::run(&opts, *year, Some(&crate::report::Assembled))?;
            for line in report.summary() {
                println!("{line}");
            }
            let dir = crate::console::shown(&dir, &opts.root);
            log::info!(
                "{}",
                crate::console::wrote_report(lang, &dir, report.tables.len())
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
