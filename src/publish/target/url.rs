//! A target's URL taken apart: `file://` folders, `sftp://` user, host, port and folder,
//! each part checked, with a message and advice for each mistake.

use std::path::PathBuf;

use super::{Problem, SftpEndpoint};
use crate::percent::Malformed;

pub(super) fn parse_file_url(rest: &str) -> Result<PathBuf, Problem> {
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
    Ok(local_folder(&path))
}

/// The folder a file:// URL's path names on this computer. On Windows a path that
/// starts with a drive (`file:///C:/www/site`, RFC 8089) is that drive's folder, not
/// `\C:\www\site`; elsewhere the path is taken as written.
fn local_folder(path: &str) -> PathBuf {
    match drive_path(path) {
        Some(on_drive) if cfg!(windows) => PathBuf::from(on_drive),
        _ => PathBuf::from(path),
    }
}

/// `C:/www` from `/C:/www` (or `/C:`): a URL path that starts with a drive letter.
pub(super) fn drive_path(path: &str) -> Option<&str> {
    let rest = path.strip_prefix('/')?;
    let b = rest.as_bytes();
    let drive = b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':';
    (drive && (b.len() == 2 || b[2] == b'/')).then_some(rest)
}

pub(super) fn parse_sftp_url(rest: &str) -> Result<SftpEndpoint, Problem> {
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

/// `%XX` escapes to bytes, then UTF-8.
fn percent_decode(text: &str) -> Result<String, Problem> {
    crate::percent::decode(text).map_err(|malformed| match malformed {
        Malformed::Escape => (
            both!(
                "\"{text}\" có dấu % không theo sau bởi hai chữ số thập lục phân",
                "\"{text}\" has a % that is not followed by two hex digits"
            ),
            both!("ghi dấu % thành %25", "write a % sign as %25"),
        ),
        Malformed::Utf8 => (
            both!(
                "\"{text}\" giải mã ra văn bản UTF-8 không hợp lệ",
                "\"{text}\" decodes to invalid UTF-8"
            ),
            both!(
                "ghi chữ có dấu như bình thường, hoặc mã hóa phần trăm các byte UTF-8 của chúng",
                "write non-ASCII letters as they are, or percent-encode their UTF-8 bytes"
            ),
        ),
    })
}
