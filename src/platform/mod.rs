//! What differs between Windows and the unix systems loa runs on, behind one small set of
//! functions: how a file is recognised as unchanged without reading it (its size and
//! times, and an identity that a rename keeps), and which file-system errors mean that
//! another program is holding a file open. Everything else in loa is the same on every
//! system; the callers never write `cfg(windows)` themselves.

use std::fs::Metadata;
use std::path::Path;

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as imp;

#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as imp;

/// A file as the unchanged checks see it, without reading its bytes: its length, its
/// modification time, and a number that changes when the file is replaced by another
/// one (the inode on unix; on Windows the creation time, since the file index costs an
/// open per file, which a 10,000-page check cannot afford).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileStamp {
    pub(crate) len: u64,
    /// Seconds on unix, 100-nanosecond ticks since 1601 on Windows.
    pub(crate) mtime: i64,
    /// Nanoseconds within `mtime`'s second on unix; 0 on Windows, whose ticks say it all.
    pub(crate) mtime_nsec: i64,
    pub(crate) id: u64,
}

/// The stamp of a file from its metadata; `None` where the system says too little.
pub(crate) fn file_stamp(meta: &Metadata) -> Option<FileStamp> {
    imp::file_stamp(meta)
}

/// Everything the build's fingerprint records of one input file: its length and times,
/// and where the system has them the change time (which moves with any write and cannot
/// be set back) and the device and inode.
pub(crate) fn input_record(meta: &Metadata) -> [i64; 7] {
    imp::input_record(meta)
}

/// The identity of a folder, the same before and after it is renamed (the unchanged
/// check and the output listings name folders by it): the device and inode on unix, the
/// volume serial number and file index on Windows. `meta` is the folder's metadata.
/// `None` when it cannot be read.
pub(crate) fn folder_identity(path: &Path, meta: &Metadata) -> Option<(u64, u64)> {
    imp::folder_identity(path, meta)
}

/// Whether a failed rename or removal may succeed if tried again a moment later: on
/// Windows a file or folder that another program holds open (Explorer showing the folder,
/// a browser or `loa serve` reading a page, an antivirus scanning a new file) cannot be
/// renamed or removed until it lets go. Never on unix, where open files do not stop a
/// rename.
pub(crate) fn is_held_open(e: &std::io::Error) -> bool {
    imp::is_held_open(e)
}
