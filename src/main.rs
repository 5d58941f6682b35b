//! The `loa` binary: parse arguments, pick the logger, run the command, print errors for
//! people and return the exit code (0 success, 1 content errors, 2 usage errors).

#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

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
    match loa::cli::run(&cli, lang) {
        Ok(code) => code,
        Err(e) => {
            loa::cli::report(&e, lang);
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
