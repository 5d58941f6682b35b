//! loa: a static site generator for public-safety communication. It turns a folder of
//! markdown into a Vietnamese public-information portal and loudspeaker bulletins. The
//! build is a chain of plain functions: `content::load` -> `render` -> `output`.
//! Nothing in the library prints; `main` reports.

#![forbid(unsafe_code)]

pub mod broadcast;
pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod data;
pub mod date;
pub mod error;
pub mod ics;
pub mod markdown;
pub mod output;
pub mod publish;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod slug;
pub mod speech;
pub mod stats;
pub mod timing;

pub use build::{BuildOptions, BuildReport, build};
pub use error::{Diagnostic, Error, Result};
