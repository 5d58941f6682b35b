//! Stage timings for `--verbose`: one debug line per stage of a build.

use std::time::Instant;

/// Times consecutive stages; each [`Stages::lap`] logs the time since the last one.
pub struct Stages {
    last: Instant,
    /// Parts of a stage are indented below it.
    indent: &'static str,
}

impl Stages {
    /// Stages of a build.
    pub fn start() -> Stages {
        Stages {
            last: Instant::now(),
            indent: "  ",
        }
    }

    /// Parts of one stage of a build, logged indented under it.
    pub fn parts() -> Stages {
        Stages {
            last: Instant::now(),
            indent: "    ",
        }
    }

    /// Log how long `stage` took (since the previous lap or the start).
    pub fn lap(&mut self, stage: &str) {
        let now = Instant::now();
        log::debug!(
            "{}{stage}: {} ms",
            self.indent,
            now.duration_since(self.last).as_millis()
        );
        self.last = now;
    }
}
