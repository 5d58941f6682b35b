//! The Windows side of [`super`]: file times in 100-nanosecond ticks, and file indexes
//! read through an open handle (winapi-util, already in the tree through walkdir).
//!
//! Windows has no change time (ctime) that a program cannot set: the fingerprint there
//! records the size, the last write time, the creation time and the attributes. Setting
//! a file's write time back to exactly its old value after changing it, keeping its size,
//! is the one change it misses, as make would.

use std::fs::Metadata;
use std::os::windows::fs::MetadataExt;
use std::path::Path;

use super::FileStamp;

pub(super) fn file_stamp(meta: &Metadata) -> Option<FileStamp> {
    Some(FileStamp {
        len: meta.file_size(),
        mtime: meta.last_write_time() as i64,
        mtime_nsec: 0,
        id: meta.creation_time(),
    })
}

pub(super) fn input_record(meta: &Metadata) -> [i64; 7] {
    [
        meta.file_size() as i64,
        meta.last_write_time() as i64,
        0,
        meta.creation_time() as i64,
        0,
        i64::from(meta.file_attributes()),
        0,
    ]
}

pub(super) fn folder_identity(path: &Path, _meta: &Metadata) -> Option<(u64, u64)> {
    let handle = winapi_util::Handle::from_path_any(path).ok()?;
    let info = winapi_util::file::information(&handle).ok()?;
    Some((info.volume_serial_number(), info.file_index()))
}

/// ERROR_ACCESS_DENIED (5), ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33):
/// what MoveFileEx and DeleteFile return while another program has the file or a file
/// inside the folder open, or has the folder as its current folder.
pub(super) fn is_held_open(e: &std::io::Error) -> bool {
    matches!(e.raw_os_error(), Some(5 | 32 | 33))
}
