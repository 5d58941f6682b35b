//! loa's integration tests, as one test binary (one link of loa instead of one per
//! file). Each module builds small fixture sites from `tests/fixtures/` in a temporary
//! folder and runs the real `loa` binary on them; `common` holds the shared helpers.

mod common;

mod audio;
mod bad_input;
mod broadcast;
mod build;
mod check;
mod cli;
mod images;
mod mistakes;
mod office;
mod privacy;
mod publish;
mod report;
mod search;
mod serve;
mod speech;
mod stats;
mod theme;
mod xss;
