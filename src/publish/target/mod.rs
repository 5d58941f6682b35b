//! Publish targets: what `[publish.NAME]` in site.toml says (`TargetSpec`), checked and
//! taken apart into a `Target` (a local folder or an SFTP server). Parsing does no I/O;
//! whether the folder, the server or the key file exist is found out when publishing.

mod url;

use std::fmt;
use std::path::{Path, PathBuf};

use super::PublishError;
use crate::error::Text;
use url::{parse_file_url, parse_sftp_url};

/// One `[publish.NAME]` table of site.toml, as the user wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetSpec {
    /// The table's name (`portal` in `[publish.portal]`), chosen with `--target`.
    pub name: String,
    /// `file:///srv/www/site` or `sftp://user@host:port/path`.
    pub url: String,
    /// Private key for SFTP, used besides the agent's keys; `~/` means the home folder.
    /// The CLI resolves a relative path against the site's root before calling.
    pub identity_file: Option<PathBuf>,
}

/// A checked publish target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    name: String,
    endpoint: Endpoint,
}

/// Where a target's files go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    /// A folder on this machine (or a mounted share).
    Folder { root: PathBuf },
    /// A folder on an SFTP server.
    Sftp(SftpEndpoint),
}

/// An SFTP server and the folder on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SftpEndpoint {
    /// Login name; `None` lets ssh choose (its config, else the local user name).
    pub user: Option<String>,
    /// Host name or IP address (IPv6 without brackets).
    pub host: String,
    /// `None` lets ssh choose (its config, else 22).
    pub port: Option<u16>,
    /// The folder on the server: absolute, or relative to the login folder when the URL
    /// said `/~/path`. Never ends with `/`.
    pub path: String,
    /// Private key file, `~` already expanded.
    pub identity_file: Option<PathBuf>,
}

impl Target {
    /// The `[publish.NAME]` name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where the files go.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }
}

impl fmt::Display for Target {
    /// `portal (sftp://deploy@host:2222/var/www)` or `portal (folder /srv/www)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.endpoint {
            Endpoint::Folder { root } => write!(f, "{} (folder {})", self.name, root.display()),
            Endpoint::Sftp(ep) => write!(f, "{} ({})", self.name, ep),
        }
    }
}

impl SftpEndpoint {
    /// `user@host` as ssh wants it (IPv6 in brackets).
    pub(crate) fn destination(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        match &self.user {
            Some(user) => format!("{user}@{host}"),
            None => host,
        }
    }

    /// The server folder joined with a `/`-separated relative path.
    pub(crate) fn remote_path(&self, relative: &str) -> String {
        if relative.is_empty() {
            self.path.clone()
        } else {
            format!("{}/{}", self.path, relative)
        }
    }
}

impl fmt::Display for SftpEndpoint {
    /// The URL again, e.g. `sftp://deploy@host:2222/var/www` (it never held a password).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sftp://{}", self.destination())?;
        if let Some(port) = self.port {
            write!(f, ":{port}")?;
        }
        if self.path.starts_with('/') {
            write!(f, "{}", self.path)
        } else {
            write!(f, "/~/{}", self.path)
        }
    }
}

/// Checks a `[publish.NAME]` table and takes its URL apart. `~/` in `identity_file` is
/// the home folder (`$HOME`).
pub fn parse_target(spec: &TargetSpec) -> Result<Target, PublishError> {
    // Windows names the home folder USERPROFILE; HOME is set there only by some shells.
    let home = std::env::var_os("HOME")
        .or_else(|| {
            cfg!(windows)
                .then(|| std::env::var_os("USERPROFILE"))
                .flatten()
        })
        .map(PathBuf::from);
    parse_target_with_home(spec, home.as_deref())
}

/// Picks the target to publish to: the one named by `--target`, or the only one declared.
pub fn select_target<'a>(
    declared: &'a [TargetSpec],
    name: Option<&str>,
) -> Result<&'a TargetSpec, PublishError> {
    let names = || declared.iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    match (name, declared) {
        (_, []) => Err(PublishError::NoTargets),
        (None, [only]) => Ok(only),
        (None, _) => Err(PublishError::TargetNeeded { declared: names() }),
        (Some(name), _) => declared.iter().find(|t| t.name == name).ok_or_else(|| {
            PublishError::TargetNotDeclared {
                name: name.to_string(),
                declared: names(),
            }
        }),
    }
}

pub(crate) fn parse_target_with_home(
    spec: &TargetSpec,
    home: Option<&Path>,
) -> Result<Target, PublishError> {
    let invalid = |reason: Text, help: Text| PublishError::InvalidTarget {
        target: spec.name.clone(),
        reason,
        help,
    };
    let url = spec.url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err(invalid(
            both!(
                "target \"{url}\" không phải là một địa chỉ",
                "target \"{url}\" is not a URL"
            ),
            both!(
                "ghi target = \"sftp://user@host/var/www/site\" hoặc \"file:///srv/www/site\"",
                "write target = \"sftp://user@host/var/www/site\" or \"file:///srv/www/site\""
            ),
        ));
    };
    let endpoint = match scheme.to_ascii_lowercase().as_str() {
        // An identity_file with a file:// target is warned about by `publish_site`.
        "file" => Endpoint::Folder {
            root: parse_file_url(rest).map_err(|(reason, help)| invalid(reason, help))?,
        },
        "sftp" => {
            let mut ep = parse_sftp_url(rest).map_err(|(reason, help)| invalid(reason, help))?;
            ep.identity_file = match &spec.identity_file {
                Some(path) => Some(
                    expand_identity(path, home).map_err(|(reason, help)| invalid(reason, help))?,
                ),
                None => None,
            };
            Endpoint::Sftp(ep)
        }
        "ssh" | "scp" => {
            return Err(invalid(
                both!(
                    "loa đăng tải bằng SFTP, không dùng \"{scheme}\"",
                    "loa publishes with SFTP, not \"{scheme}\""
                ),
                both!(
                    "ghi nơi đăng tải dạng sftp://user@host/đường-dẫn (cùng máy chủ và tài khoản)",
                    "write the target as sftp://user@host/path (the same server and account)"
                ),
            ));
        }
        _ => {
            return Err(invalid(
                both!(
                    "loa không hỗ trợ kiểu địa chỉ \"{scheme}\"",
                    "target scheme \"{scheme}\" is not supported"
                ),
                both!(
                    "dùng sftp://user@host/đường-dẫn cho máy chủ, hoặc file:///đường-dẫn cho một thư mục",
                    "use sftp://user@host/path for a server or file:///path for a folder"
                ),
            ));
        }
    };
    Ok(Target {
        name: spec.name.clone(),
        endpoint,
    })
}

/// What is wrong with a target, and what to do about it.
type Problem = (Text, Text);

fn expand_identity(path: &Path, home: Option<&Path>) -> Result<PathBuf, Problem> {
    let text = path.to_string_lossy();
    if text.is_empty() {
        return Err((
            both!("identity_file đang trống", "identity_file is empty"),
            both!(
                "ghi tệp khóa riêng, ví dụ identity_file = \"~/.ssh/id_ed25519\", hoặc xóa dòng này",
                "name the private key file, e.g. identity_file = \"~/.ssh/id_ed25519\", or remove the line"
            ),
        ));
    }
    if text.ends_with(".pub") {
        return Err((
            both!(
                "identity_file \"{text}\" là khóa công khai",
                "identity_file \"{text}\" is a public key"
            ),
            both!(
                "ghi khóa riêng: cùng tên tệp, bỏ đuôi .pub",
                "name the private key, the same file name without .pub"
            ),
        ));
    }
    let rest = match text.strip_prefix('~') {
        None => return Ok(path.to_path_buf()),
        Some("") => "",
        Some(rest) => match rest.strip_prefix('/') {
            Some(rest) => rest,
            None => {
                return Err((
                    both!(
                        "identity_file \"{text}\" chỉ tới thư mục nhà của người dùng khác",
                        "identity_file \"{text}\" names another user's home folder"
                    ),
                    both!(
                        "ghi ~/ cho thư mục nhà của bạn, hoặc đường dẫn đầy đủ",
                        "write ~/ for your own home folder, or the full path"
                    ),
                ));
            }
        },
    };
    match home {
        Some(home) => Ok(home.join(rest)),
        None => Err((
            both!(
                "identity_file bắt đầu bằng ~ nhưng không biết thư mục nhà (HOME chưa được đặt)",
                "identity_file starts with ~ but the home folder is unknown (HOME is not set)"
            ),
            both!(
                "ghi đường dẫn đầy đủ của tệp khóa",
                "write the key's full path"
            ),
        )),
    }
}

#[cfg(test)]
mod tests;
