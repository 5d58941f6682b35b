//! What sftp and ssh said when an operation failed, turned into an error that says
//! what to do: a missing key, a refused key, a changed host key, an unknown host, a
//! folder that is missing or not writable.

use super::super::PublishError;
use super::super::target::SftpEndpoint;
use super::Op;
use super::session::Failure;

/// Turns what sftp and ssh said into an error that says what to do.
pub(super) fn classify(ep: &SftpEndpoint, op: &Op, failure: &Failure) -> PublishError {
    let host = ep.host.clone();
    let said = |needle: &str| failure.messages.iter().find(|m| m.contains(needle));
    let location = |path: &str| format!("{}:{}", ep.destination(), path);
    if !failure.connected && failure.exit_code == Some(127) {
        return PublishError::SftpMissing {
            detail: failure.messages.join("; "),
        };
    }
    if (said("UNPROTECTED PRIVATE KEY FILE").is_some() || said("bad permissions").is_some())
        && let Some(path) = &ep.identity_file
    {
        return PublishError::KeyFileExposed { path: path.clone() };
    }
    if said("Permission denied (").is_some() || said("Too many authentication failures").is_some() {
        return PublishError::KeyRefused {
            user: ep
                .user
                .clone()
                .unwrap_or_else(|| "your login name".to_string()),
            host,
        };
    }
    if said("REMOTE HOST IDENTIFICATION HAS CHANGED").is_some() {
        return PublishError::HostKey {
            detail: format!(
                "the server's host key is not the one this computer knows: it was changed, \
                 or someone stands in between. Publishing stopped. If the server was \
                 reinstalled, check its new key with its administrator, then remove the \
                 old one with: ssh-keygen -R {}",
                known_hosts_name(ep)
            ),
            host,
        };
    }
    if said("Host key verification failed").is_some() {
        return PublishError::HostKey {
            detail: format!(
                "the server's host key is not known and your SSH configuration requires \
                 known keys; connect once with `ssh {}{}`, check the key's fingerprint with \
                 the server's administrator and accept it",
                ep.port.map_or(String::new(), |p| format!("-p {p} ")),
                ep.destination()
            ),
            host,
        };
    }
    if !failure.connected {
        let unreachable = [
            ("Could not resolve hostname", "the name is not known"),
            (
                "Connection refused",
                "connection refused, no SSH server answers there",
            ),
            ("timed out", "the connection timed out"),
            ("No route to host", "no route to the host"),
            ("Network is unreachable", "the network is unreachable"),
        ];
        if let Some((_, detail)) = unreachable
            .iter()
            .find(|(needle, _)| said(needle).is_some())
        {
            return PublishError::Unreachable {
                host,
                port: ep.port.unwrap_or(22),
                detail: (*detail).to_string(),
            };
        }
    }
    if failure.connected {
        // A failing `-mkdir` explains the `put` that fails after it.
        let mkdir = failure
            .messages
            .iter()
            .find(|m| m.starts_with("remote mkdir") && !m.ends_with("Failure"));
        if let Some(message) = mkdir {
            let dir = quoted_path(message).unwrap_or(&op.path);
            return if message.contains("Permission denied") {
                PublishError::PermissionDenied {
                    action: "create the folder",
                    path: location(dir),
                }
            } else {
                PublishError::FolderMissing {
                    path: location(parent(dir)),
                }
            };
        }
        if said("Permission denied").is_some() {
            return PublishError::PermissionDenied {
                action: op.action,
                path: location(&op.path),
            };
        }
        if said("No such file").is_some() {
            return PublishError::FolderMissing {
                path: location(parent(&op.path)),
            };
        }
    }
    let said_last: Vec<&str> = failure
        .messages
        .iter()
        .map(String::as_str)
        .filter(|m| !m.starts_with("Warning: Permanently added"))
        .collect();
    let mut detail = said_last[said_last.len().saturating_sub(3)..].join("; ");
    if detail.is_empty() {
        detail = match failure.exit_code {
            Some(code) => format!("sftp stopped with status {code}"),
            None => "sftp was stopped".to_string(),
        };
    }
    if failure.connected {
        detail = format!("cannot {} {} ({detail})", op.action, location(&op.path));
    }
    PublishError::Sftp { host, detail }
}

/// The first `"..."` in a message.
fn quoted_path(message: &str) -> Option<&str> {
    let start = message.find('"')? + 1;
    let len = message[start..].find('"')?;
    Some(&message[start..start + len])
}

fn parent(path: &str) -> &str {
    match path.rsplit_once('/') {
        Some(("", _)) => "/",
        Some((parent, _)) => parent,
        None => path,
    }
}

/// The host as `known_hosts` names it: `host`, or `[host]:port` off port 22.
fn known_hosts_name(ep: &SftpEndpoint) -> String {
    match ep.port {
        Some(port) if port != 22 => format!("\"[{}]:{port}\"", ep.host),
        _ => ep.host.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::endpoint;
    use super::*;

    fn failure(connected: bool, exit_code: i32, messages: &[&str]) -> Failure {
        Failure {
            connected,
            exit_code: Some(exit_code),
            messages: messages.iter().map(|m| m.to_string()).collect(),
        }
    }

    #[test]
    fn explains_what_sftp_and_ssh_say() {
        let op = Op {
            action: "write",
            path: "/var/www/atvsld/tin-tuc/index.html".into(),
        };
        // (failure, words the message must hold)
        let cases = [
            (
                failure(false, 127, &["sh: 1: exec: sftp: not found"]),
                "apt install openssh-client",
            ),
            (
                failure(
                    false,
                    255,
                    &[
                        "ssh: connect to host portal.example.vn port 2222: Connection refused",
                        "Connection closed",
                    ],
                ),
                "cannot reach portal.example.vn (port 2222): connection refused",
            ),
            (
                failure(
                    false,
                    255,
                    &[
                        "ssh: Could not resolve hostname portal.example.vn: Name or service not known",
                        "Connection closed",
                    ],
                ),
                "the name is not known; check the host name",
            ),
            (
                failure(
                    false,
                    255,
                    &["ssh: connect to host portal.example.vn port 2222: Connection timed out"],
                ),
                "timed out",
            ),
            (
                failure(
                    false,
                    255,
                    &[
                        "deploy@portal.example.vn: Permission denied (publickey).",
                        "Connection closed",
                    ],
                ),
                "refused the SSH key for the account \"deploy\"",
            ),
            (
                failure(
                    false,
                    255,
                    &[
                        "@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @",
                        "Load key \"/home/van/.ssh/id_ed25519\": bad permissions",
                        "deploy@portal.example.vn: Permission denied (publickey).",
                    ],
                ),
                "chmod 600 /home/van/.ssh/id_ed25519",
            ),
            (
                failure(
                    false,
                    255,
                    &[
                        "@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@",
                        "Host key verification failed.",
                    ],
                ),
                "ssh-keygen -R \"[portal.example.vn]:2222\"",
            ),
            (
                failure(
                    false,
                    255,
                    &[
                        "No ED25519 host key is known for [portal.example.vn]:2222 and you have requested strict checking.",
                        "Host key verification failed.",
                    ],
                ),
                "connect once with `ssh -p 2222 deploy@portal.example.vn`",
            ),
            (
                failure(
                    true,
                    1,
                    &[
                        "dest open \"/var/www/atvsld/tin-tuc/.index.html.loa-tmp\": Permission denied",
                    ],
                ),
                "permission denied: cannot write deploy@portal.example.vn:/var/www/atvsld/tin-tuc/index.html",
            ),
            (
                failure(
                    true,
                    1,
                    &[
                        "remote mkdir \"/var/www/atvsld/tin-tuc\": Permission denied",
                        "dest open \"/var/www/atvsld/tin-tuc/.index.html.loa-tmp\": No such file or directory",
                    ],
                ),
                "cannot create the folder deploy@portal.example.vn:/var/www/atvsld/tin-tuc",
            ),
            (
                failure(
                    true,
                    1,
                    &[
                        "remote mkdir \"/var/www/atvsld\": No such file or directory",
                        "dest open \"/var/www/atvsld/.x.loa-tmp\": No such file or directory",
                    ],
                ),
                "the folder deploy@portal.example.vn:/var/www does not exist",
            ),
            (
                failure(
                    true,
                    1,
                    &[
                        "remote mkdir \"/var/www/atvsld/tin-tuc\": Failure",
                        "dest open \"/var/www/atvsld/tin-tuc/.index.html.loa-tmp\": Failure",
                    ],
                ),
                "cannot write deploy@portal.example.vn:/var/www/atvsld/tin-tuc/index.html (remote mkdir",
            ),
            (
                failure(
                    true,
                    255,
                    &[
                        "Timeout, server portal.example.vn not responding.",
                        "Connection closed",
                    ],
                ),
                "not responding.; Connection closed); publish again",
            ),
        ];
        for (failure, words) in cases {
            let err = classify(&endpoint(Some(2222)), &op, &failure).to_string();
            assert!(err.contains(words), "{failure:?}:\n{err}");
        }
    }

    #[test]
    fn finds_the_quoted_path_and_parent() {
        assert_eq!(quoted_path(r#"remote mkdir "/a/b": Failure"#), Some("/a/b"));
        assert_eq!(quoted_path("remote delete /a: x"), None);
        assert_eq!(parent("/a/b"), "/a");
        assert_eq!(parent("/a"), "/");
        assert_eq!(parent("a"), "a");
    }
}
