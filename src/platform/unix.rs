//! The unix side of [`super`]: inodes and change times.

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use super::FileStamp;

pub(super) fn file_stamp(meta: &Metadata) -> Option<FileStamp> {
    Some(FileStamp {
        len: meta.len(),
        mtime: meta.mtime(),
        mtime_nsec: meta.mtime_nsec(),
        id: meta.ino(),
    })
}

pub(super) fn input_record(meta: &Metadata) -> [i64; 7] {
    [
        meta.len() as i64,
        meta.mtime(),
        meta.mtime_nsec(),
        meta.ctime(),
        meta.ctime_nsec(),
        meta.dev() as i64,
        meta.ino() as i64,
    ]
}

pub(super) fn folder_identity(_path: &Path, meta: &Metadata) -> Option<(u64, u64)> {
    Some((meta.dev(), meta.ino()))
}

pub(super) fn is_held_open(_e: &std::io::Error) -> bool {
    false
}
