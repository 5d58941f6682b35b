//! The `sftp://` transport. It drives the system's OpenSSH `sftp` client in batch mode
//! rather than linking an SSH library: the user's SSH agent, keys, `~/.ssh/config` and
//! `known_hosts` then work as they do for `ssh`, and loa never sees a password or key.
//!
//! One `sftp -b -` session serves a whole publish. Its stderr is merged into its stdout
//! so that the two arrive in order. After each operation's commands loa sends `pwd`:
//! in batch mode sftp echoes every command (`sftp> pwd`) before running it and stops at
//! the first failing one, so seeing that echo means the operation succeeded, and the end
//! of the output means it failed, with sftp's or ssh's messages telling why. Those
//! messages are turned into errors that say what to do (`classify`).

use std::collections::BTreeSet;
use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use super::target::SftpEndpoint;
use super::{MANIFEST_NAME, PublishError, Transport};

/// Publishes to an SFTP server through the `sftp` program.
pub(crate) struct SftpTransport {
    ep: SftpEndpoint,
    session: Option<Session>,
    /// The server folder as an absolute path, known once connected.
    root: Option<String>,
    /// Remote folders created (or found) during this run.
    made: BTreeSet<String>,
    scratch: Option<Scratch>,
}

/// What an operation was doing, for its error message.
struct Op {
    action: &'static str,
    /// Absolute remote path.
    path: String,
}

/// How a session ended early: what sftp and ssh said, and how it exited.
#[derive(Debug, Default)]
struct Failure {
    /// The session had started running commands (ssh connected and authenticated).
    connected: bool,
    exit_code: Option<i32>,
    messages: Vec<String>,
}

struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
    output: BufReader<ChildStdout>,
    connected: bool,
    /// The login folder, from the first `pwd`.
    home: Option<String>,
}

impl SftpTransport {
    pub(crate) fn new(ep: SftpEndpoint) -> SftpTransport {
        SftpTransport {
            ep,
            session: None,
            root: None,
            made: BTreeSet::new(),
            scratch: None,
        }
    }

    /// Runs `commands` as one operation and returns the messages they printed.
    fn run(&mut self, op: &Op, commands: &[String]) -> Result<Vec<String>, PublishError> {
        if self.session.is_none() {
            self.session = Some(self.start()?);
        }
        let session = self.session.as_mut().expect("started just above");
        match session.run(commands) {
            Ok(messages) => Ok(messages),
            Err(failure) => {
                self.session = None;
                Err(classify(&self.ep, op, &failure))
            }
        }
    }

    fn start(&mut self) -> Result<Session, PublishError> {
        if let Some(key) = &self.ep.identity_file
            && let Err(e) = fs::metadata(key)
            && e.kind() == io::ErrorKind::NotFound
        {
            return Err(PublishError::IdentityFileMissing { path: key.clone() });
        }
        let args = sftp_args(&self.ep, needs_accept_new(&self.ep));
        log::debug!("running sftp {}", args.join(" "));
        // `exec "$@" 2>&1` merges stderr into stdout in the order sftp writes them.
        let mut child = Command::new("sh")
            .arg("-c")
            .arg("exec \"$@\" 2>&1")
            .arg("sh")
            .arg("sftp")
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| PublishError::SftpMissing {
                detail: format!("cannot start sh: {e}"),
            })?;
        let stdin = child.stdin.take().expect("stdin is piped");
        let output = BufReader::new(child.stdout.take().expect("stdout is piped"));
        Ok(Session {
            child,
            stdin: Some(stdin),
            output,
            connected: false,
            home: None,
        })
    }

    /// The server folder as an absolute path (`/~/x` in the URL is below the login folder).
    fn root(&mut self) -> Result<String, PublishError> {
        if let Some(root) = &self.root {
            return Ok(root.clone());
        }
        if self.ep.path.starts_with('/') {
            self.root = Some(self.ep.path.clone());
            return Ok(self.ep.path.clone());
        }
        if self.session.is_none() {
            self.run(
                &Op {
                    action: "connect to",
                    path: self.ep.path.clone(),
                },
                &[],
            )?;
        }
        let home = self.session.as_ref().and_then(|s| s.home.clone());
        let root = match home {
            Some(home) => format!("{}/{}", home.trim_end_matches('/'), self.ep.path),
            None => self.ep.path.clone(),
        };
        self.root = Some(root.clone());
        Ok(root)
    }

    fn remote(&mut self, relative: &str) -> Result<String, PublishError> {
        let root = self.root()?;
        Ok(if relative.is_empty() {
            root
        } else {
            format!("{root}/{relative}")
        })
    }

    fn scratch(&mut self) -> Result<&Scratch, PublishError> {
        if self.scratch.is_none() {
            self.scratch = Some(Scratch::create()?);
        }
        Ok(self.scratch.as_ref().expect("created just above"))
    }

    /// Sends `local` to `dest` through a temporary name beside it.
    fn put(&mut self, local: &Path, dest: &str, action: &'static str) -> Result<(), PublishError> {
        let local = local
            .to_str()
            .filter(|l| !l.contains(['\n', '\r']))
            .ok_or_else(|| PublishError::UnsupportedFileName {
                path: local.to_path_buf(),
            })?;
        let (dir, name) = dest.rsplit_once('/').unwrap_or(("", dest));
        let tmp = if dir.is_empty() {
            format!(".{name}.loa-tmp")
        } else {
            format!("{dir}/.{name}.loa-tmp")
        };
        let root = self.root()?;
        // Folders between the root and the file not made yet in this run, outermost
        // first. `-mkdir` goes on when one exists; a real problem fails the `put`.
        let mut missing = Vec::new();
        let mut folder = dir;
        while folder.len() > root.len() && !self.made.contains(folder) {
            missing.push(folder.to_string());
            folder = folder.rsplit_once('/').map_or("", |(parent, _)| parent);
        }
        missing.reverse();
        let mut commands: Vec<String> = missing
            .iter()
            .map(|dir| format!("-mkdir {}", quote(dir)))
            .collect();
        commands.push(format!("put {} {}", quote(local), quote(&tmp)));
        commands.push(format!("rename {} {}", quote(&tmp), quote(dest)));
        let op = Op {
            action,
            path: dest.to_string(),
        };
        self.run(&op, &commands)?;
        self.made.extend(missing);
        Ok(())
    }
}

impl Transport for SftpTransport {
    fn describe(&self, path: &str) -> String {
        let remote = self.ep.remote_path(path);
        format!("{}:{}", self.ep.destination(), remote)
    }

    fn read_manifest(&mut self) -> Result<Option<Vec<u8>>, PublishError> {
        let remote = self.remote(MANIFEST_NAME)?;
        let local = self.scratch()?.path("remote-manifest.json");
        let _ = fs::remove_file(&local);
        let local_text = local
            .to_str()
            .ok_or_else(|| PublishError::UnsupportedFileName {
                path: local.clone(),
            })?;
        let command = format!("-get {} {}", quote(&remote), quote(local_text));
        let op = Op {
            action: "read",
            path: remote.clone(),
        };
        let messages = self.run(&op, &[command])?;
        match fs::read(&local) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(_) if messages.iter().any(|m| m.contains("not found")) => Ok(None),
            Err(_) => Err(classify(
                &self.ep,
                &op,
                &Failure {
                    connected: true,
                    exit_code: None,
                    messages,
                },
            )),
        }
    }

    fn prepare(&mut self) -> Result<(), PublishError> {
        let root = self.root()?;
        let commands = [
            format!("-mkdir {}", quote(&root)),
            format!("cd {}", quote(&root)),
        ];
        let op = Op {
            action: "create the folder",
            path: root.clone(),
        };
        self.run(&op, &commands)?;
        self.made.insert(root);
        Ok(())
    }

    fn upload(&mut self, local: &Path, path: &str) -> Result<(), PublishError> {
        let dest = self.remote(path)?;
        self.put(local, &dest, "write")
    }

    fn remove(&mut self, path: &str) -> Result<(), PublishError> {
        let remote = self.remote(path)?;
        let op = Op {
            action: "remove",
            path: remote.clone(),
        };
        // `-rm` goes on when the file is already gone (an interrupted run removed it);
        // any other complaint is an error.
        let messages = self.run(&op, &[format!("-rm {}", quote(&remote))])?;
        let complaints: Vec<String> = messages
            .into_iter()
            .filter(|m| !m.contains("No such file"))
            .collect();
        if complaints.is_empty() {
            Ok(())
        } else {
            Err(classify(
                &self.ep,
                &op,
                &Failure {
                    connected: true,
                    exit_code: None,
                    messages: complaints,
                },
            ))
        }
    }

    fn remove_dir_if_empty(&mut self, path: &str) -> Result<(), PublishError> {
        let remote = self.remote(path)?;
        let op = Op {
            action: "remove the folder",
            path: remote.clone(),
        };
        // A folder that is gone or still holds someone's file is fine either way.
        for message in self.run(&op, &[format!("-rmdir {}", quote(&remote))])? {
            log::debug!("{message}");
        }
        self.made.remove(&remote);
        Ok(())
    }

    fn write_manifest(&mut self, json: &[u8]) -> Result<(), PublishError> {
        let local = self.scratch()?.path("manifest.json");
        fs::write(&local, json).map_err(|source| PublishError::TargetIo {
            action: "write the temporary file",
            path: local.display().to_string(),
            source,
        })?;
        let dest = self.remote(MANIFEST_NAME)?;
        self.put(&local, &dest, "write")
    }

    fn finish(&mut self) -> Result<(), PublishError> {
        let Some(mut session) = self.session.take() else {
            return Ok(());
        };
        match session.close() {
            Ok(()) => Ok(()),
            Err(failure) => Err(classify(
                &self.ep,
                &Op {
                    action: "finish with",
                    path: self.ep.path.clone(),
                },
                &failure,
            )),
        }
    }
}

impl Session {
    /// Sends the commands and a `pwd` marker; Ok with the messages printed on the way
    /// when the marker's echo arrives, Err when sftp stops first.
    fn run(&mut self, commands: &[String]) -> Result<Vec<String>, Failure> {
        let mut script = String::new();
        for command in commands {
            log::debug!("sftp> {command}");
            script.push_str(command);
            script.push('\n');
        }
        script.push_str("pwd\n");
        let written = match self.stdin.as_mut() {
            Some(stdin) => stdin
                .write_all(script.as_bytes())
                .and_then(|()| stdin.flush()),
            None => Err(io::Error::from(io::ErrorKind::BrokenPipe)),
        };
        // A failed write means sftp has gone; its output says why.
        if written.is_err() {
            self.stdin = None;
        }
        let mut messages = Vec::new();
        while let Some(line) = self.read_line() {
            if line == "sftp> pwd" {
                self.connected = true;
                return self.read_pwd(messages);
            } else if line.starts_with("sftp> ") {
                self.connected = true;
            } else {
                log::debug!("sftp: {line}");
                messages.push(line);
            }
        }
        Err(self.failure(messages))
    }

    /// Reads `pwd`'s answer, remembering the first as the login folder.
    fn read_pwd(&mut self, mut messages: Vec<String>) -> Result<Vec<String>, Failure> {
        while let Some(line) = self.read_line() {
            if let Some(dir) = line.strip_prefix("Remote working directory: ") {
                if self.home.is_none() {
                    self.home = Some(dir.to_string());
                }
                return Ok(messages);
            }
            messages.push(line);
        }
        Err(self.failure(messages))
    }

    fn read_line(&mut self) -> Option<String> {
        let mut line = Vec::new();
        match self.output.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => {
                let text = String::from_utf8_lossy(&line);
                Some(text.trim_end_matches(['\n', '\r']).to_string())
            }
        }
    }

    fn failure(&mut self, messages: Vec<String>) -> Failure {
        self.stdin = None;
        let exit_code = self.child.wait().ok().and_then(|status| status.code());
        Failure {
            connected: self.connected,
            exit_code,
            messages,
        }
    }

    /// Ends the session: closing stdin makes sftp exit.
    fn close(&mut self) -> Result<(), Failure> {
        self.stdin = None;
        let mut messages = Vec::new();
        while let Some(line) = self.read_line() {
            messages.push(line);
        }
        match self.child.wait() {
            Ok(status) if status.success() => Ok(()),
            Ok(status) => Err(Failure {
                connected: self.connected,
                exit_code: status.code(),
                messages,
            }),
            Err(e) => Err(Failure {
                connected: self.connected,
                exit_code: None,
                messages: vec![e.to_string()],
            }),
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Reached only when a publish stopped early; a finished session has exited.
        self.stdin = None;
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `sftp` arguments for an endpoint.
fn sftp_args(ep: &SftpEndpoint, accept_new: bool) -> Vec<String> {
    let mut args: Vec<String> = ["-b", "-", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20"]
        .map(String::from)
        .into();
    // Notice a dead connection within a minute instead of hanging.
    args.extend(
        [
            "-o",
            "ServerAliveInterval=15",
            "-o",
            "ServerAliveCountMax=4",
        ]
        .map(String::from),
    );
    if accept_new {
        args.extend([
            "-o".to_string(),
            "StrictHostKeyChecking=accept-new".to_string(),
        ]);
    }
    if let Some(port) = ep.port {
        args.extend(["-P".to_string(), port.to_string()]);
    }
    if let Some(key) = &ep.identity_file {
        args.extend(["-i".to_string(), key.display().to_string()]);
    }
    args.push(ep.destination());
    args
}

/// True when the user's SSH configuration leaves host-key checking at its default
/// ("ask", which batch mode cannot do): loa then accepts a new host's key and records
/// it, while still refusing a changed one. A setting of the user's own is kept.
fn needs_accept_new(ep: &SftpEndpoint) -> bool {
    let mut ssh = Command::new("ssh");
    ssh.arg("-G");
    if let Some(port) = ep.port {
        ssh.arg("-p").arg(port.to_string());
    }
    if let Some(user) = &ep.user {
        ssh.arg("-l").arg(user);
    }
    let output = ssh
        .arg(&ep.host)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output();
    match output {
        Ok(out) if out.status.success() => {
            let config = String::from_utf8_lossy(&out.stdout);
            config
                .lines()
                .find_map(|line| line.strip_prefix("stricthostkeychecking "))
                .is_none_or(|value| value.trim() == "ask")
        }
        _ => true,
    }
}

/// A path as one sftp argument: in double quotes, where glob characters are literal and
/// only `"` and `\` need a backslash.
fn quote(path: &str) -> String {
    let mut quoted = String::with_capacity(path.len() + 2);
    quoted.push('"');
    for c in path.chars() {
        if matches!(c, '"' | '\\') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

/// Turns what sftp and ssh said into an error that says what to do.
fn classify(ep: &SftpEndpoint, op: &Op, failure: &Failure) -> PublishError {
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

/// A private folder for the manifest on its way to and from the server; removed on drop.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn create() -> Result<Scratch, PublishError> {
        let base = std::env::temp_dir();
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = base.join(format!("loa-publish-{}-{stamp}", std::process::id()));
        fs::create_dir(&dir).map_err(|source| PublishError::TargetIo {
            action: "create the temporary folder",
            path: dir.display().to_string(),
            source,
        })?;
        Ok(Scratch { dir })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint(port: Option<u16>) -> SftpEndpoint {
        SftpEndpoint {
            user: Some("deploy".into()),
            host: "portal.example.vn".into(),
            port,
            path: "/var/www/atvsld".into(),
            identity_file: Some("/home/van/.ssh/id_ed25519".into()),
        }
    }

    #[test]
    fn quotes_paths_for_sftp() {
        let cases = [
            ("/var/www/index.html", r#""/var/www/index.html""#),
            ("/var/www/a b*[x]?.css", r#""/var/www/a b*[x]?.css""#),
            (r#"/w/say "hi"\now"#, r#""/w/say \"hi\"\\now""#),
            ("/w/đường.css", r#""/w/đường.css""#),
        ];
        for (path, quoted) in cases {
            assert_eq!(quote(path), quoted, "{path}");
        }
    }

    #[test]
    fn builds_sftp_arguments() {
        let args = sftp_args(&endpoint(Some(2222)), true).join(" ");
        assert_eq!(
            args,
            "-b - -o BatchMode=yes -o ConnectTimeout=20 -o ServerAliveInterval=15 \
             -o ServerAliveCountMax=4 -o StrictHostKeyChecking=accept-new -P 2222 \
             -i /home/van/.ssh/id_ed25519 deploy@portal.example.vn"
        );
        let plain = SftpEndpoint {
            user: None,
            identity_file: None,
            host: "::1".into(),
            ..endpoint(None)
        };
        let args = sftp_args(&plain, false).join(" ");
        assert!(args.ends_with("ServerAliveCountMax=4 [::1]"), "{args}");
    }

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
