//! The `sftp -b -` process: starting it, sending one operation's commands with a
//! `pwd` marker, reading what it printed until the marker's echo or its end, and
//! closing it.

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use super::super::PublishError;
use super::super::target::SftpEndpoint;

/// How a session ended early: what sftp and ssh said, and how it exited.
#[derive(Debug, Default)]
pub(super) struct Failure {
    /// The session had started running commands (ssh connected and authenticated).
    pub(super) connected: bool,
    pub(super) exit_code: Option<i32>,
    pub(super) messages: Vec<String>,
}

/// A running `sftp -b -`.
pub(super) struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
    /// sftp's stdout and stderr, one pipe, in the order it wrote them.
    output: BufReader<io::PipeReader>,
    connected: bool,
    /// The login folder, from the first `pwd`.
    pub(super) home: Option<String>,
}

impl Session {
    /// Starts `sftp` for `ep`, its stderr merged into its stdout.
    pub(super) fn start(ep: &SftpEndpoint) -> Result<Session, PublishError> {
        if let Some(key) = &ep.identity_file
            && let Err(e) = fs::metadata(key)
            && e.kind() == io::ErrorKind::NotFound
        {
            return Err(PublishError::IdentityFileMissing { path: key.clone() });
        }
        let args = sftp_args(ep, needs_accept_new(ep));
        log::debug!("running sftp {}", args.join(" "));
        // One pipe for stdout and stderr keeps sftp's lines in the order it wrote them,
        // without a shell (Windows has no `sh`; its OpenSSH client is sftp.exe).
        let not_started = |e: io::Error| PublishError::SftpMissing {
            detail: format!("cannot start sftp: {e}"),
        };
        let (reader, writer) = io::pipe().map_err(not_started)?;
        let mut command = Command::new("sftp");
        command
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(writer.try_clone().map_err(not_started)?)
            .stderr(writer);
        let mut child = command.spawn().map_err(not_started)?;
        // The command holds the pipe's writing ends: drop them, so that the reader sees
        // the end of sftp's output when sftp (and the ssh it started) have gone.
        drop(command);
        let stdin = child.stdin.take().expect("stdin is piped");
        let output = BufReader::new(reader);
        Ok(Session {
            child,
            stdin: Some(stdin),
            output,
            connected: false,
            home: None,
        })
    }
    /// Sends the commands and a `pwd` marker; Ok with the messages printed on the way
    /// when the marker's echo arrives, Err when sftp stops first.
    pub(super) fn run(&mut self, commands: &[String]) -> Result<Vec<String>, Failure> {
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
    pub(super) fn close(&mut self) -> Result<(), Failure> {
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

#[cfg(test)]
mod tests {
    use super::super::tests::endpoint;
    use super::*;

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
}
