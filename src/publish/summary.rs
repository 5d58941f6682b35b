//! What a publish reports: progress while it runs and a `Summary` at the end, whose
//! `Display` is the one line a user reads ("12 files changed, 3 removed, 184 KB sent in
//! 2.1 s"). Printing is left to the CLI.

use std::fmt;
use std::time::Duration;

/// One event while publishing, for a progress display.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Progress {
    /// The plan is known; sends and removals follow (none in a dry run).
    Planned {
        sends: usize,
        removals: usize,
        bytes: u64,
    },
    /// A file was sent and renamed into place; `done` of `total` steps are finished.
    Sent {
        path: String,
        size: u64,
        done: usize,
        total: usize,
    },
    /// A file was removed from the target.
    Removed {
        path: String,
        done: usize,
        total: usize,
    },
}

/// What a publish did, or in a dry run would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Nothing was changed on the target.
    pub dry_run: bool,
    /// Files the target did not have.
    pub added: usize,
    /// Files the target had in another version.
    pub changed: usize,
    /// Files removed from the target.
    pub removed: usize,
    /// Files the target already had as built.
    pub unchanged: usize,
    /// Bytes of site files sent (in a dry run: that would be sent); the manifest is not
    /// counted.
    pub bytes_sent: u64,
    /// Wall time of the whole publish, connecting included.
    pub elapsed: Duration,
    /// In a dry run, one line per file: `add     css/site.css (12 KB)`; else empty.
    pub plan_lines: Vec<String>,
}

impl Summary {
    /// The one line a user reads, in `lang` (English as [`fmt::Display`] writes it).
    pub fn line(&self, lang: crate::error::Lang) -> String {
        if lang == crate::error::Lang::En {
            return self.to_string();
        }
        let sent = self.added + self.changed;
        let size = format_size(self.bytes_sent).replace('.', ",");
        let (added, changed, removed) = (self.added, self.changed, self.removed);
        if self.dry_run {
            format!(
                "chạy thử: sẽ gửi {sent} tệp ({added} tệp mới, {changed} tệp sửa), sẽ xóa {removed} tệp, cần gửi {size}; chưa thay đổi gì trên máy chủ"
            )
        } else {
            let seconds = format!("{:.1}", self.elapsed.as_secs_f64()).replace('.', ",");
            format!(
                "đã gửi {sent} tệp thay đổi, xóa {removed} tệp, gửi {size} trong {seconds} giây"
            )
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sent = self.added + self.changed;
        let files = if sent == 1 { "file" } else { "files" };
        if self.dry_run {
            write!(
                f,
                "dry run: {sent} {files} would be sent ({} new, {} changed), {} would be \
                 removed, {} to send; nothing was changed",
                self.added,
                self.changed,
                self.removed,
                format_size(self.bytes_sent)
            )
        } else {
            write!(
                f,
                "{sent} {files} changed, {} removed, {} sent in {:.1} s",
                self.removed,
                format_size(self.bytes_sent),
                self.elapsed.as_secs_f64()
            )
        }
    }
}

/// `812 B`, `8.1 KB`, `184 KB`, `2.1 MB` (1 KB = 1024 bytes).
pub fn format_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_sizes() {
        let cases = [
            (0, "0 B"),
            (812, "812 B"),
            (1023, "1023 B"),
            (1024, "1.0 KB"),
            (8294, "8.1 KB"),
            (188_416, "184 KB"),
            (2_202_010, "2.1 MB"),
            (5 * 1024 * 1024 * 1024, "5.0 GB"),
        ];
        for (bytes, text) in cases {
            assert_eq!(format_size(bytes), text, "{bytes}");
        }
    }

    fn summary(added: usize, changed: usize, removed: usize, dry_run: bool) -> Summary {
        Summary {
            dry_run,
            added,
            changed,
            removed,
            unchanged: 40,
            bytes_sent: 188_416,
            elapsed: Duration::from_millis(2_120),
            plan_lines: Vec::new(),
        }
    }

    #[test]
    fn summarizes_in_one_line() {
        let cases = [
            (
                summary(2, 10, 3, false),
                "12 files changed, 3 removed, 184 KB sent in 2.1 s",
            ),
            (
                summary(0, 1, 0, false),
                "1 file changed, 0 removed, 184 KB sent in 2.1 s",
            ),
            (
                Summary {
                    bytes_sent: 0,
                    ..summary(0, 0, 0, false)
                },
                "0 files changed, 0 removed, 0 B sent in 2.1 s",
            ),
            (
                summary(2, 10, 3, true),
                "dry run: 12 files would be sent (2 new, 10 changed), 3 would be removed, \
                 184 KB to send; nothing was changed",
            ),
        ];
        for (summary, line) in cases {
            assert_eq!(summary.to_string(), line);
        }
    }
}
