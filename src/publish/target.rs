//! Publish targets: what `[publish.NAME]` in site.toml says (`TargetSpec`), checked and
//! taken apart into a `Target` (a local folder or an SFTP server). Parsing does no I/O;
//! whether the folder, the server or the key file exist is found out when publishing.

use std::fmt;
use std::path::{Path, PathBuf};

use super::PublishError;
use crate::error::Text;

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
    let home = std::env::var_os("HOME").map(PathBuf::from);
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

type Problem = (Text, Text);

fn parse_file_url(rest: &str) -> Result<PathBuf, Problem> {
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if !authority.is_empty() && !authority.eq_ignore_ascii_case("localhost") {
        return Err((
            both!(
                "địa chỉ file:// chỉ một thư mục trên máy này, không phải trên \"{authority}\"",
                "a file:// target names a folder on this machine, not on \"{authority}\""
            ),
            both!(
                "ghi ba dấu gạch chéo, ví dụ file:///srv/www/site, hoặc dùng sftp:// cho máy chủ",
                "write three slashes, e.g. file:///srv/www/site, or use sftp:// for a server"
            ),
        ));
    }
    let path = folder_path(path)?;
    Ok(PathBuf::from(path))
}

fn parse_sftp_url(rest: &str) -> Result<SftpEndpoint, Problem> {
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let (user, host_port) = match authority.rsplit_once('@') {
        Some((userinfo, host_port)) => {
            if userinfo.contains(':') {
                // The password is neither kept nor repeated in the message.
                return Err((
                    both!(
                        "địa chỉ đăng tải có chứa mật khẩu",
                        "the target holds a password"
                    ),
                    both!(
                        "không bao giờ ghi mật khẩu vào site.toml: xóa nó đi (giữ sftp://user@host/đường-dẫn) và đăng nhập bằng khóa SSH, từ SSH agent hoặc ghi ở identity_file",
                        "passwords are never stored in site.toml: remove it (keep sftp://user@host/path) \
                         and log in with an SSH key, from the agent or named by identity_file"
                    ),
                ));
            }
            (Some(check_user(&percent_decode(userinfo)?)?), host_port)
        }
        None => (None, authority),
    };
    let (host, port) = split_host_port(host_port)?;
    let path = folder_path(path)?;
    let path = match path.strip_prefix("/~/") {
        Some(relative) => relative.to_string(),
        None => path,
    };
    Ok(SftpEndpoint {
        user,
        host,
        port,
        path,
        identity_file: None,
    })
}

fn check_user(user: &str) -> Result<String, Problem> {
    let ok = !user.is_empty()
        && !user.starts_with('-')
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '$'));
    if ok {
        Ok(user.to_string())
    } else {
        Err((
            both!(
                "\"{user}\" không phải là tên tài khoản",
                "\"{user}\" is not an account name"
            ),
            both!(
                "ghi tên đăng nhập trước dấu @, ví dụ sftp://deploy@host/var/www/site",
                "write the login before the @, e.g. sftp://deploy@host/var/www/site"
            ),
        ))
    }
}

fn split_host_port(host_port: &str) -> Result<(String, Option<u16>), Problem> {
    let (host, port) = if let Some(bracketed) = host_port.strip_prefix('[') {
        let Some((host, after)) = bracketed.split_once(']') else {
            return Err((
                both!(
                    "\"{host_port}\" thiếu dấu ] đóng",
                    "\"{host_port}\" lacks its closing bracket"
                ),
                both!(
                    "ghi địa chỉ IPv6 dạng [2001:db8::1]",
                    "write an IPv6 address as [2001:db8::1]"
                ),
            ));
        };
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':').unwrap_or(after)),
        };
        (host, port)
    } else {
        match host_port.split_once(':') {
            Some((_, after)) if after.contains(':') => {
                return Err((
                    both!(
                        "\"{host_port}\" không có dạng máy-chủ:cổng",
                        "\"{host_port}\" is not host:port"
                    ),
                    both!(
                        "đặt địa chỉ IPv6 trong ngoặc vuông, ví dụ sftp://user@[2001:db8::1]:22/đường-dẫn",
                        "write an IPv6 address in brackets, e.g. sftp://user@[2001:db8::1]:22/path"
                    ),
                ));
            }
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    let host_ok = !host.is_empty()
        && !host.starts_with('-')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '%'));
    if !host_ok {
        return Err((
            both!(
                "\"{host}\" không phải là tên máy chủ",
                "\"{host}\" is not a host name"
            ),
            both!(
                "ghi tên hoặc địa chỉ máy chủ sau dấu @, ví dụ sftp://deploy@www.example.vn/var/www/site",
                "write the server's name or address after the @, e.g. sftp://deploy@www.example.vn/var/www/site"
            ),
        ));
    }
    let port = match port {
        None => None,
        Some(text) => match text.parse::<u16>() {
            Ok(port) if port > 0 => Some(port),
            _ => {
                return Err((
                    both!(
                        "\"{text}\" không phải là số cổng",
                        "\"{text}\" is not a port number"
                    ),
                    both!(
                        "ghi một số từ 1 đến 65535 sau dấu hai chấm, hoặc bỏ cổng đi để dùng cổng 22",
                        "write a number from 1 to 65535 after the colon, or leave the port out for 22"
                    ),
                ));
            }
        },
    };
    Ok((host.to_string(), port))
}

/// The URL's path as a folder: decoded, absolute, not `/`, no `.`/`..`, no trailing `/`.
fn folder_path(raw: &str) -> Result<String, Problem> {
    let decoded = percent_decode(raw)?;
    let trimmed = decoded.trim_end_matches('/');
    if trimmed.is_empty() || trimmed == "/~" {
        return Err((
            both!(
                "địa chỉ đăng tải chưa có thư mục",
                "the target names no folder"
            ),
            both!(
                "thêm thư mục sau tên máy chủ, ví dụ sftp://user@host/var/www/site hoặc file:///srv/www/site",
                "add the folder after the host, e.g. sftp://user@host/var/www/site or file:///srv/www/site"
            ),
        ));
    }
    if trimmed.chars().any(char::is_control) {
        return Err((
            both!(
                "thư mục đăng tải chứa ký tự điều khiển",
                "the target's folder holds a control character"
            ),
            both!("xóa ký tự đó khỏi đường dẫn", "remove it from the path"),
        ));
    }
    if trimmed.split('/').any(|part| part == "." || part == "..") {
        return Err((
            both!(
                "thư mục \"{trimmed}\" chứa . hoặc ..",
                "the folder \"{trimmed}\" contains . or .."
            ),
            both!(
                "ghi đường dẫn đầy đủ của thư mục, không có . hay ..",
                "write the folder's full path without . or .."
            ),
        ));
    }
    Ok(trimmed.to_string())
}

fn percent_decode(text: &str) -> Result<String, Problem> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            let Some(byte) = hex else {
                return Err((
                    both!(
                        "\"{text}\" có dấu % không theo sau bởi hai chữ số thập lục phân",
                        "\"{text}\" has a % that is not followed by two hex digits"
                    ),
                    both!("ghi dấu % thành %25", "write a % sign as %25"),
                ));
            };
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| {
        (
            both!(
                "\"{text}\" giải mã ra văn bản UTF-8 không hợp lệ",
                "\"{text}\" decodes to invalid UTF-8"
            ),
            both!(
                "ghi chữ có dấu như bình thường, hoặc mã hóa phần trăm các byte UTF-8 của chúng",
                "write non-ASCII letters as they are, or percent-encode their UTF-8 bytes"
            ),
        )
    })
}

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
mod tests {
    use super::*;

    fn spec(url: &str) -> TargetSpec {
        TargetSpec {
            name: "portal".into(),
            url: url.into(),
            identity_file: None,
        }
    }

    fn sftp(user: Option<&str>, host: &str, port: Option<u16>, path: &str) -> Endpoint {
        Endpoint::Sftp(SftpEndpoint {
            user: user.map(str::to_string),
            host: host.into(),
            port,
            path: path.into(),
            identity_file: None,
        })
    }

    #[test]
    fn parses_target_urls() {
        let folder = |p: &str| Endpoint::Folder { root: p.into() };
        let cases = [
            ("file:///srv/www/atvsld", folder("/srv/www/atvsld")),
            ("file:///srv/www/atvsld/", folder("/srv/www/atvsld")),
            ("FILE://localhost/srv/www", folder("/srv/www")),
            (
                "file:///srv/c%C3%B4ng%20th%C3%B4ng",
                folder("/srv/công thông"),
            ),
            ("file:///srv/cổng", folder("/srv/cổng")),
            (
                "sftp://user@host:2222/var/www/atvsld",
                sftp(Some("user"), "host", Some(2222), "/var/www/atvsld"),
            ),
            ("sftp://host/var/www", sftp(None, "host", None, "/var/www")),
            (
                "sftp://deploy@www.example.vn/~/public_html/",
                sftp(Some("deploy"), "www.example.vn", None, "public_html"),
            ),
            (
                "sftp://root@[::1]:22/srv",
                sftp(Some("root"), "::1", Some(22), "/srv"),
            ),
            (
                "sftp://root@127.0.0.1:40022/tmp/x/www",
                sftp(Some("root"), "127.0.0.1", Some(40022), "/tmp/x/www"),
            ),
        ];
        for (url, expected) in cases {
            let target =
                parse_target_with_home(&spec(url), None).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert_eq!(target.endpoint(), &expected, "{url}");
            assert_eq!(target.name(), "portal");
        }
    }

    #[test]
    fn rejects_bad_targets_with_advice() {
        // (url, words the message must hold)
        let cases = [
            ("/srv/www", "is not a URL"),
            ("ftp://host/www", "\"ftp\" is not supported"),
            ("ssh://host/www", "sftp://user@host/path"),
            ("file://server/www", "three slashes"),
            ("file:///", "names no folder"),
            ("sftp://host", "names no folder"),
            ("sftp://host/", "names no folder"),
            ("sftp://host/~/", "names no folder"),
            ("sftp://user@host:0/www", "\"0\" is not a port number"),
            ("sftp://user@host:ssh/www", "\"ssh\" is not a port number"),
            ("sftp://user@host:99999/www", "is not a port number"),
            ("sftp://user@::1/www", "IPv6 address in brackets"),
            ("sftp://user@[::1/www", "closing bracket"),
            ("sftp://-oProxyCommand=x/www", "is not a host name"),
            ("sftp://-x@host/www", "is not an account name"),
            ("sftp://@host/www", "is not an account name"),
            ("sftp://host/www/../etc", "contains . or .."),
            ("sftp://host/www%0Aevil", "control character"),
            ("sftp://host/100%", "%25"),
        ];
        for (url, words) in cases {
            let err = parse_target_with_home(&spec(url), None)
                .expect_err(url)
                .to_string();
            assert!(
                err.starts_with("site.toml [publish.portal]: "),
                "{url}: {err}"
            );
            assert!(err.contains(words), "{url}: {err}");
        }
    }

    #[test]
    fn never_repeats_a_password() {
        for url in [
            "sftp://user:s3cr3t@host/www",
            "sftp://user:s3cr3t@host:22/www",
            "sftp://user:@host/www",
        ] {
            let err = parse_target_with_home(&spec(url), None)
                .expect_err(url)
                .to_string();
            assert!(err.contains("passwords are never stored"), "{err}");
            assert!(!err.contains("s3cr3t"), "{err}");
        }
    }

    #[test]
    fn expands_identity_file() {
        let home = Path::new("/home/van");
        let cases = [
            ("~/.ssh/id_ed25519", Ok("/home/van/.ssh/id_ed25519")),
            ("/etc/loa/key", Ok("/etc/loa/key")),
            ("keys/deploy", Ok("keys/deploy")),
            ("~other/.ssh/id", Err("another user's home")),
            ("~/.ssh/id_ed25519.pub", Err("is a public key")),
            ("", Err("identity_file is empty")),
        ];
        for (input, expected) in cases {
            let spec = TargetSpec {
                identity_file: Some(input.into()),
                ..spec("sftp://u@h/www")
            };
            let got = parse_target_with_home(&spec, Some(home));
            match (got, expected) {
                (Ok(target), Ok(path)) => {
                    let Endpoint::Sftp(ep) = target.endpoint() else {
                        panic!("{input}: not sftp");
                    };
                    assert_eq!(
                        ep.identity_file.as_deref(),
                        Some(Path::new(path)),
                        "{input}"
                    );
                }
                (Err(err), Err(words)) => {
                    assert!(err.to_string().contains(words), "{input}: {err}")
                }
                (got, expected) => panic!("{input}: got {got:?}, expected {expected:?}"),
            }
        }
    }

    #[test]
    fn tilde_without_home_is_an_error() {
        let spec = TargetSpec {
            identity_file: Some("~/.ssh/id".into()),
            ..spec("sftp://u@h/www")
        };
        let err = parse_target_with_home(&spec, None).expect_err("no home");
        assert!(err.to_string().contains("HOME is not set"), "{err}");
    }

    #[test]
    fn selects_the_target() {
        let portal = spec("file:///a");
        let backup = TargetSpec {
            name: "backup".into(),
            ..spec("file:///b")
        };
        let both = [portal.clone(), backup.clone()];
        assert_eq!(select_target(&both, Some("backup")).ok(), Some(&backup));
        assert_eq!(select_target(&both[..1], None).ok(), Some(&portal));
        assert!(matches!(
            select_target(&[], None),
            Err(PublishError::NoTargets)
        ));
        let err = select_target(&both, None).expect_err("two targets");
        assert!(err.to_string().contains("portal, backup"), "{err}");
        let err = select_target(&both, Some("mirror")).expect_err("undeclared");
        let text = err.to_string();
        assert!(
            text.contains("no publish target named \"mirror\""),
            "{text}"
        );
        assert!(text.contains("portal, backup"), "{text}");
    }

    #[test]
    fn displays_without_secrets() {
        let target =
            parse_target_with_home(&spec("sftp://deploy@host:2222/var/www"), None).expect("valid");
        assert_eq!(
            target.to_string(),
            "portal (sftp://deploy@host:2222/var/www)"
        );
        let home = parse_target_with_home(&spec("sftp://[::1]/~/www"), None).expect("valid");
        assert_eq!(home.to_string(), "portal (sftp://[::1]/~/www)");
    }
}
