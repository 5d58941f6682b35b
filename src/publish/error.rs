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
        reason: String,
        help: String,
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
         (on Debian or Ubuntu: apt install openssh-client)"
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
