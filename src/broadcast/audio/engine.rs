//! Running the site's speech engine on one piece: the command line with its placeholders
//! filled in, run without a shell, stopped at the time limit.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::AudioCommandProblem;

/// The placeholders a command may use.
const PLACEHOLDERS: [&str; 5] = ["ssml", "text", "wav", "speed", "rate"];

/// The command's words, or what is wrong with it (checked when site.toml is read).
pub fn check_command(command: &str) -> Result<Vec<String>, AudioCommandProblem> {
    let words = shlex::split(command).ok_or(AudioCommandProblem::Quotes)?;
    if words.is_empty() {
        return Err(AudioCommandProblem::Empty);
    }
    for word in &words {
        let mut rest = word.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            if !PLACEHOLDERS.contains(&name) {
                return Err(AudioCommandProblem::Unknown(name.to_owned()));
            }
            rest = &rest[open + close + 1..];
        }
    }
    if !command.contains("{wav}") {
        return Err(AudioCommandProblem::NoWav);
    }
    if !command.contains("{ssml}") && !command.contains("{text}") {
        return Err(AudioCommandProblem::NoInput);
    }
    Ok(words)
}

/// espeak-ng's `-s` (English words a minute) that reads `syllables_per_minute`
/// Vietnamese syllables a minute: `-s 135` reads 180 (measured, see README).
pub fn espeak_speed(syllables_per_minute: u32) -> u32 {
    (syllables_per_minute * 135 + 90) / 180
}

/// The files of one run.
pub(super) struct Files<'a> {
    pub ssml: &'a Path,
    pub text: &'a Path,
    pub wav: &'a Path,
    /// Where the engine's error output goes.
    pub stderr: &'a Path,
}

/// How one run ended, when it did not write its WAV.
#[derive(Debug)]
pub(super) enum Failure {
    /// The program cannot be found.
    Missing(String),
    /// It exited with a failure: the status and the last line it wrote to stderr.
    Failed(String, String),
    TimedOut,
    /// Something else kept it from running (a folder that cannot be written…).
    Io(String),
}

/// Run the engine once. On a time-out the engine (and on Unix what it started) is killed.
pub(super) fn run(
    words: &[String],
    spm: u32,
    files: &Files,
    timeout: Duration,
) -> Result<(), Failure> {
    let fill = |w: &str| {
        w.replace("{ssml}", &files.ssml.to_string_lossy())
            .replace("{text}", &files.text.to_string_lossy())
            .replace("{wav}", &files.wav.to_string_lossy())
            .replace("{speed}", &espeak_speed(spm).to_string())
            .replace("{rate}", &spm.to_string())
    };
    let program = fill(&words[0]);
    let stderr = std::fs::File::create(files.stderr).map_err(|e| Failure::Io(e.to_string()))?;
    let mut command = Command::new(&program);
    command
        .args(words[1..].iter().map(|w| fill(w)))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(stderr));
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => {
            Failure::Missing(program.clone())
        }
        _ => Failure::Io(e.to_string()),
    })?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= timeout => {
                kill(&mut child);
                return Err(Failure::TimedOut);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => {
                kill(&mut child);
                return Err(Failure::Io(e.to_string()));
            }
        }
    };
    if status.success() {
        return Ok(());
    }
    let said = std::fs::read_to_string(files.stderr).unwrap_or_default();
    let last = said
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .chars()
        .take(200)
        .collect();
    Err(Failure::Failed(status.to_string(), last))
}

/// Stop the engine and whatever it started (its process group on Unix), and reap it.
fn kill(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_needs_its_files_and_known_placeholders() {
        assert!(check_command(crate::config::DEFAULT_AUDIO_COMMAND).is_ok());
        assert!(
            check_command("piper --model vi.onnx --input-file {text} --output-file {wav}").is_ok()
        );
        assert_eq!(check_command(""), Err(AudioCommandProblem::Empty));
        assert_eq!(
            check_command("espeak-ng '{ssml}"),
            Err(AudioCommandProblem::Quotes)
        );
        assert_eq!(
            check_command("espeak-ng -f {ssml}"),
            Err(AudioCommandProblem::NoWav)
        );
        assert_eq!(
            check_command("espeak-ng -w {wav}"),
            Err(AudioCommandProblem::NoInput)
        );
        assert_eq!(
            check_command("espeak-ng -f {ssml} -w {out}"),
            Err(AudioCommandProblem::Unknown("out".to_owned()))
        );
    }

    #[test]
    fn espeak_speed_maps_180_syllables_to_135() {
        assert_eq!(espeak_speed(180), 135);
        assert_eq!(espeak_speed(150), 113);
        assert_eq!(espeak_speed(210), 158);
    }
}
