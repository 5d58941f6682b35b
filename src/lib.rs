//! loa: a static site generator for public-safety communication. It turns a folder of
//! markdown into a Vietnamese public-information portal and loudspeaker bulletins. The
//! build is a chain of plain functions: `content::load` -> `render` -> `output`.
//! Nothing in the library prints but `cli::run`, which runs a command for `main`.

#![forbid(unsafe_code)]
#![warn(unreachable_pub)]

/// Pick the text of the chosen language ([`error::Lang`]); both format strings capture
/// the same names.
macro_rules! tr {
    ($lang:expr, $vi:literal, $en:literal $(, $name:ident = $val:expr)* $(,)?) => {{
        $(let $name = $val;)*
        match $lang {
            $crate::error::Lang::Vi => format!($vi),
            $crate::error::Lang::En => format!($en),
        }
    }};
}

/// A message for people in both languages ([`error::Text`]), for errors made before
/// anyone knows the language they will be printed in.
macro_rules! both {
    ($vi:literal, $en:literal $(, $name:ident = $val:expr)* $(,)?) => {{
        $(let $name = $val;)*
        $crate::error::Text {
            vi: format!($vi),
            en: format!($en),
        }
    }};
}

pub mod broadcast;
pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod console;
pub mod content;
pub mod data;
pub mod date;
pub mod error;
pub mod ics;
pub mod images;
pub mod markdown;
pub mod output;
mod percent;
mod platform;
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
