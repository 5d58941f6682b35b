//! The `sftp://` transport. It drives the system's OpenSSH `sftp` client in batch mode
//! rather than linking an SSH library: the user's SSH agent, keys, `~/.ssh/config` and
//! `known_hosts` then work as they do for `ssh`, and loa never sees a password or key.
//!
//! One `sftp -b -` session serves a whole publish. Its stderr is merged into its stdout
//! so that the two arrive in order. After each operation's commands loa sends `pwd`:
//! in batch mode sftp echoes every command (`sftp> pwd`) before running it and stops at
//! the first failing one, so seeing that echo means the operation succeeded, and the end
//! of the output means it failed, with sftp's or ssh's messages telling why. Those
//! messages are turned into errors that say what to do.
//!
//! `session` runs the `sftp` program; `classify` reads what it said when it failed.

mod classify;
mod session;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use self::classify::classify;
use self::session::{Failure, Session};
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
    /// A private folder for the manifest on its way to and from the server, made at
    /// first use and removed when the transport is dropped.
    scratch: Option<tempfile::TempDir>,
}

/// What an operation was doing, for its error message.
struct Op {
    action: &'static str,
    /// Absolute remote path.
    path: String,
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
            self.session = Some(Session::start(&self.ep)?);
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

    /// The scratch folder, made at first use.
    fn scratch(&mut self) -> Result<&Path, PublishError> {
        if self.scratch.is_none() {
            let dir = tempfile::Builder::new()
                .prefix("loa-publish-")
                .tempdir()
                .map_err(|source| PublishError::TargetIo {
                    action: "create the temporary folder",
                    path: std::env::temp_dir().display().to_string(),
                    source,
                })?;
            self.scratch = Some(dir);
        }
        Ok(self.scratch.as_ref().expect("made just above").path())
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
        let local = self.scratch()?.join("remote-manifest.json");
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
        let local = self.scratch()?.join("manifest.json");
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
#[cfg(test)]
mod tests {
    use super::*;

    /// An endpoint with every field set; `port` as given.
    pub(super) fn endpoint(port: Option<u16>) -> SftpEndpoint {
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
}
