//! Stage timings for `--verbose`: one debug line per stage of a build.

use std::time::Instant;

use crate::error::Lang;

/// Times consecutive stages; each [`Stages::lap`] logs the time since the last one.
pub struct Stages {
    last: Instant,
    lang: Lang,
    /// Parts of a stage are indented below it.
    indent: &'static str,
}

impl Stages {
    /// Stages of a build.
    pub fn start(lang: Lang) -> Stages {
        Stages {
            last: Instant::now(),
            lang,
            indent: "  ",
        }
    }

    /// Parts of one stage of a build, logged indented under it.
    pub fn parts(lang: Lang) -> Stages {
        Stages {
            last: Instant::now(),
            lang,
            indent: "    ",
        }
    }

    /// Log how long `stage` took (since the previous lap or the start); `stage` is its
    /// English name, which [`crate::console::stage`] puts in the run's language.
    pub fn lap(&mut self, stage: &str) {
        let now = Instant::now();
        log::debug!(
            "{}{}: {} ms",
            self.indent,
            crate::console::stage(self.lang, stage),
            now.duration_since(self.last).as_millis()
        );
        self.last = now;
    }
}
