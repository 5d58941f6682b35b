//! The one error type of `loa publish`. Every variant names the target, file or folder
//! involved and says what to do; none ever carries a password or key material, and a
//! target's URL is only quoted after it was checked to hold no password.

use std::io;
use std::path::PathBuf;

/// Why a publish could not start or could not finish. A publish that fails midway can
/// always be run again: it continues and completes.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PublishError {
    /// site.toml has no `[publish.NAME]` table.
    #[error(
        "site.toml declares no publish target; add one, e.g. [publish.portal] with \
         target = \"sftp://user@host/var/www/site\" or target = \"file:///srv/www/site\""
    )]
    NoTargets,

    /// Several targets and no `--target NAME`.
    #[error(
        "site.toml declares several publish targets ({}); choose one with --target NAME",
        .declared.join(", ")
    )]
    TargetNeeded { declared: Vec<String> },

    /// `--target NAME` names no `[publish.NAME]` table.
    #[error(
        "site.toml declares no publish target named \"{name}\"; the declared ones are: {}. \
         Use one of them with --target, or add [publish.{name}] to site.toml",
        .declared.join(", ")
    )]
    TargetNotDeclared { name: String, declared: Vec<String> },

    /// The `target` (or `identity_file`) of a `[publish.NAME]` table cannot be used.
    #[error("site.toml [publish.{target}]: {reason}; {help}")]
    InvalidTarget {
        target: String,
        reason: crate::error::Text,
        help: crate::error::Text,
    },

    /// The build output folder does not exist.
    #[error("the build output {} does not exist; run `loa build` first", .path.display())]
    OutputMissing { path: PathBuf },

    /// The build output folder holds no file: publishing it would delete the whole site.
    #[error(
        "the build output {} holds no file; run `loa build` first (publishing an empty \
         folder would delete the whole site)",
        .path.display()
    )]
    OutputEmpty { path: PathBuf },

    /// A file or folder of the build output could not be read.
    #[error("cannot read {}: {source}; check that `loa build` finished and try again", .path.display())]
    ReadOutput {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// A name in the build output that loa cannot publish safely.
    #[error(
        "{}: the file name is not valid UTF-8 or holds a control character or a backslash; \
         rename the file",
        .path.display()
    )]
    UnsupportedFileName { path: PathBuf },

    /// The target folder and the build output overlap.
    #[error(
        "site.toml [publish.{target}]: the target folder {} and the build output {} are \
         the same folder, or the target lies inside the output; point the target at a folder outside the output",
        .target_dir.display(),
        .output_dir.display()
    )]
    TargetOverlapsOutput {
        target: String,
        target_dir: PathBuf,
        output_dir: PathBuf,
    },

    /// The manifest on the target cannot be read as one.
    #[error(
        "the publish manifest {location} is damaged ({reason}); delete that file and \
         publish again: every file is then sent once more"
    )]
    ManifestDamaged { location: String, reason: String },

    /// The manifest on the target was written by a newer loa.
    #[error(
        "the publish manifest {location} was written by a newer loa (format {format}); \
         update loa before publishing to this target"
    )]
    ManifestTooNew { location: String, format: u64 },

    /// The target refused an operation on a path.
    #[error(
        "permission denied: cannot {action} {path}; ask the server's administrator to \
         let the account that publishes read and write that folder, or point the target \
         in site.toml at a folder it may write to"
    )]
    PermissionDenied { action: &'static str, path: String },

    /// A folder on the target, or the folder that should hold it, does not exist.
    #[error(
        "the folder {path} does not exist and cannot be created there; create it \
         (or its parent folder), or fix the path of the target in site.toml"
    )]
    FolderMissing { path: String },

    /// Any other failure of the target's file system.
    #[error(
        "cannot {action} {path}: {source}; fix the cause and publish again: it continues where it stopped"
    )]
    TargetIo {
        action: &'static str,
        path: String,
        #[source]
        source: io::Error,
    },

    /// The key file named by `identity_file` does not exist.
    #[error(
        "the key file {} named by identity_file does not exist; fix the path in \
         site.toml, or remove identity_file to use the keys of the SSH agent",
        .path.display()
    )]
    IdentityFileMissing { path: PathBuf },

    /// ssh ignores the key file because other users may read it.
    #[error(
        "ssh refuses the key file {} because other users may read it; make it private \
         with: chmod 600 {}",
        .path.display(),
        .path.display()
    )]
    KeyFileExposed { path: PathBuf },

    /// The OpenSSH `sftp` client is not installed.
    #[error(
        "cannot run the `sftp` program ({detail}); install the OpenSSH client \
         (on Debian or Ubuntu: apt install openssh-client; on Windows 10 or 11: Settings, \
         Apps, Optional features, OpenSSH Client)"
    )]
    SftpMissing { detail: String },

    /// The SSH server cannot be reached.
    #[error(
        "cannot reach {host} (port {port}): {detail}; check the host name and port of \
         the target in site.toml, the network connection, and that the SSH server runs"
    )]
    Unreachable {
        host: String,
        port: u16,
        detail: String,
    },

    /// The server refused every key offered.
    #[error(
        "{host} refused the SSH key for the account \"{user}\"; add your public key to \
         that account's ~/.ssh/authorized_keys on the server, and either load the key \
         into the SSH agent (ssh-add) or name it with identity_file in site.toml \
         (a key with a passphrase must be loaded into the agent)"
    )]
    KeyRefused { user: String, host: String },

    /// The server's host key does not match the one known, or none is known and the
    /// user's SSH configuration requires one.
    #[error("{host}: {detail}")]
    HostKey { host: String, detail: String },

    /// Any other failure of the `sftp` session.
    #[error("sftp to {host} failed: {detail}; publish again: it continues where it stopped")]
    Sftp { host: String, detail: String },
}

impl PublishError {
    /// The message in both languages: Vietnamese here, English as [`std::fmt::Display`]
    /// writes it.
    pub fn text(&self) -> crate::error::Text {
        crate::error::Text {
            vi: self.vietnamese(),
            en: self.to_string(),
        }
    }

    fn vietnamese(&self) -> String {
        use PublishError::*;
        match self {
            NoTargets => "site.toml chưa khai báo nơi đăng tải; thêm một mục, ví dụ [publish.portal] với target = \"sftp://user@host/var/www/site\" hoặc target = \"file:///srv/www/site\"".to_owned(),
            TargetNeeded { declared } => format!(
                "site.toml khai báo nhiều nơi đăng tải ({}); chọn một bằng --target TÊN",
                declared.join(", ")
            ),
            TargetNotDeclared { name, declared } => format!(
                "site.toml không có nơi đăng tải tên \"{name}\"; các nơi đã khai báo: {}. Chọn một trong số đó bằng --target, hoặc thêm [publish.{name}] vào site.toml",
                declared.join(", ")
            ),
            InvalidTarget {
                target,
                reason,
                help,
            } => format!(
                "site.toml [publish.{target}]: {}; {}",
                reason.vi, help.vi
            ),
            OutputMissing { path } => format!(
                "chưa có thư mục kết quả {}; hãy chạy loa build trước",
                path.display()
            ),
            OutputEmpty { path } => format!(
                "thư mục kết quả {} không có tệp nào; hãy chạy loa build trước (đăng một thư mục trống sẽ xóa cả trang web trên máy chủ)",
                path.display()
            ),
            ReadOutput { path, source } => format!(
                "không đọc được {}: {}; kiểm tra loa build đã chạy xong rồi thử lại",
                path.display(),
                crate::error::vi_io(source)
            ),
            UnsupportedFileName { path } => format!(
                "{}: tên tệp không phải UTF-8 hoặc chứa ký tự điều khiển hay dấu \\; hãy đổi tên tệp",
                path.display()
            ),
            TargetOverlapsOutput {
                target,
                target_dir,
                output_dir,
            } => format!(
                "site.toml [publish.{target}]: thư mục đích {} và thư mục kết quả {} là một, hoặc thư mục đích nằm trong thư mục kết quả; hãy chọn thư mục đích ở ngoài",
                target_dir.display(),
                output_dir.display()
            ),
            ManifestDamaged { location, reason } => format!(
                "tệp ghi nhận lần đăng {location} bị hỏng ({reason}); xóa tệp đó rồi đăng lại: mọi tệp sẽ được gửi lại một lần"
            ),
            ManifestTooNew { location, format } => format!(
                "tệp ghi nhận lần đăng {location} do một phiên bản loa mới hơn ghi (định dạng {format}); hãy cập nhật loa trước khi đăng lên nơi này"
            ),
            PermissionDenied { action, path } => format!(
                "không có quyền: không {} được {path}; nhờ quản trị máy chủ cho tài khoản đăng tải quyền đọc và ghi thư mục đó, hoặc sửa site.toml để trỏ tới thư mục được phép ghi",
                vi_action(action)
            ),
            FolderMissing { path } => format!(
                "thư mục {path} không có và không tạo được; hãy tạo nó (hoặc thư mục cha), hoặc sửa đường dẫn nơi đăng tải trong site.toml"
            ),
            TargetIo {
                action,
                path,
                source,
            } => format!(
                "không {} được {path}: {}; khắc phục rồi đăng lại: việc đăng sẽ tiếp tục từ chỗ đã dừng",
                vi_action(action),
                crate::error::vi_io(source)
            ),
            IdentityFileMissing { path } => format!(
                "không có tệp khóa {} (ghi ở identity_file); sửa đường dẫn trong site.toml, hoặc xóa identity_file để dùng khóa của SSH agent",
                path.display()
            ),
            KeyFileExposed { path } => format!(
                "ssh không dùng tệp khóa {} vì người khác đọc được; đặt quyền riêng bằng: chmod 600 {}",
                path.display(),
                path.display()
            ),
            SftpMissing { detail } => format!(
                "không chạy được chương trình sftp ({detail}); hãy cài OpenSSH client (trên Debian hoặc Ubuntu: apt install openssh-client; trên Windows 10 hoặc 11: Cài đặt, Ứng dụng, Tính năng tùy chọn, OpenSSH Client)"
            ),
            Unreachable { host, port, detail } => {
                let detail = vi_detail(detail);
                format!(
                "không kết nối được tới {host} (cổng {port}): {detail}; kiểm tra tên máy chủ và cổng trong site.toml, đường mạng, và máy chủ SSH có đang chạy"
            )
            }
            KeyRefused { user, host } => format!(
                "{host} từ chối khóa SSH của tài khoản \"{user}\"; thêm khóa công khai của bạn vào ~/.ssh/authorized_keys của tài khoản đó trên máy chủ, rồi nạp khóa vào SSH agent (ssh-add) hoặc ghi nó ở identity_file trong site.toml"
            ),
            HostKey { host, detail } if detail.contains("is not the one this computer knows") => {
                let command = detail.rsplit("ssh-keygen").next().unwrap_or_default();
                format!(
                    "{host}: khóa nhận dạng của máy chủ khác với khóa máy này đã biết: máy chủ đã đổi khóa, hoặc có kẻ đứng giữa. Đã dừng đăng tải. Nếu máy chủ vừa được cài lại, hãy xác nhận khóa mới với người quản trị, rồi xóa khóa cũ bằng: ssh-keygen{command}"
                )
            }
            HostKey { host, detail } if detail.contains("is not known") => format!(
                "{host}: máy này chưa biết khóa nhận dạng của máy chủ, và cấu hình SSH đòi phải biết; hãy kết nối một lần bằng lệnh ssh, đối chiếu dấu vân tay của khóa với người quản trị máy chủ rồi chấp nhận nó"
            ),
            HostKey { host, detail } => format!("{host}: {detail}"),
            Sftp { host, detail } => format!(
                "gửi lên {host} bằng sftp không thành công: {detail}; đăng lại: việc đăng sẽ tiếp tục từ chỗ đã dừng"
            ),
        }
    }
}

/// Why a server cannot be reached, as `sftp.rs` words it.
fn vi_detail(detail: &str) -> &str {
    match detail {
        "the name is not known" => "không tìm thấy tên máy chủ này",
        "connection refused, no SSH server answers there" => {
            "máy chủ từ chối kết nối, không có máy chủ SSH nào trả lời ở đó"
        }
        "the connection timed out" => "hết thời gian chờ kết nối",
        "no route to the host" => "không có đường mạng tới máy chủ",
        "the network is unreachable" => "không vào được mạng",
        other => other,
    }
}

/// The actions of [`PublishError::PermissionDenied`] and [`PublishError::TargetIo`].
fn vi_action(action: &str) -> &str {
    match action {
        "read" => "đọc",
        "write" => "ghi",
        "replace" => "thay",
        "remove" => "xóa",
        "connect to" => "kết nối tới",
        "create the folder" => "tạo thư mục",
        "remove the folder" => "xóa thư mục",
        "write the temporary file" => "ghi tệp tạm",
        "finish with" => "hoàn tất với",
        "create the temporary folder" => "tạo thư mục tạm",
        other => other,
    }
}
