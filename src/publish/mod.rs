//! `loa publish`: uploads a built site to the target declared in site.toml
//! `[publish.NAME]`, a local folder (`file://`) or an SFTP server (`sftp://`), sending only
//! what changed. It owns the manifest kept on the target, the plan (what to send and
//! remove, in which order) and carrying that plan out through a `Transport`. Building
//! the site, reading site.toml and printing belong to the CLI.
//!
//! A publish never shows a visitor a page whose styles or images are missing, and can be
//! interrupted at any point: assets go before pages, pages before feeds, removals last;
//! each file is written under a temporary name and renamed into place; the target's
//! manifest first marks the paths about to change as pending, records progress at
//! checkpoints, and is replaced by the complete one last. Running the publish again
//! resumes from the last checkpoint and completes it.

mod error;
mod file;
mod manifest;
mod plan;
mod sftp;
mod summary;
mod target;

use std::path::Path;
use std::time::Instant;

pub use error::PublishError;
pub use file::FileTransport;
pub use manifest::{Entry, MANIFEST_NAME, Manifest};
pub use plan::{Action, Plan, Step, plan};
pub use summary::{Progress, Summary, format_size};
pub use target::{Endpoint, SftpEndpoint, Target, TargetSpec, parse_target, select_target};

use sftp::SftpTransport;

/// How this run behaves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PublishOptions {
    /// Work out and report what would change, and change nothing.
    pub dry_run: bool,
    /// The language of the dry run's list of files.
    pub lang: crate::error::Lang,
}

/// Moves files to a target. Paths are `/`-separated and relative to the target's folder;
/// `publish` decides what to move and in which order. Every method may be called again
/// after an interrupted run and must then succeed.
pub trait Transport {
    /// A path on the target as the user should read it in messages
    /// (`/srv/www/index.html`, `deploy@host:/var/www/index.html`); `""` is the folder.
    fn describe(&self, path: &str) -> String;

    /// The target's `.loa-manifest.json`, or `None` when it has none (a first publish).
    fn read_manifest(&mut self) -> Result<Option<Vec<u8>>, PublishError>;

    /// Makes sure the target's folder exists (creating it if its parent does). Called
    /// before the first change, never in a dry run.
    fn prepare(&mut self) -> Result<(), PublishError>;

    /// Writes the file `local` to `path`, creating folders, through a temporary name
    /// renamed into place.
    fn upload(&mut self, local: &Path, path: &str) -> Result<(), PublishError>;

    /// Removes the file at `path`; succeeds if it is already gone.
    fn remove(&mut self, path: &str) -> Result<(), PublishError>;

    /// Removes the folder at `path` if it is empty; succeeds if it is gone or not empty.
    fn remove_dir_if_empty(&mut self, path: &str) -> Result<(), PublishError>;

    /// Replaces the target's manifest atomically.
    fn write_manifest(&mut self, json: &[u8]) -> Result<(), PublishError>;

    /// Ends the session (closes the connection); called once after the last change.
    fn finish(&mut self) -> Result<(), PublishError> {
        Ok(())
    }
}

/// Publishes the build output in `output_dir` to `target`, reporting each file to
/// `progress`.
pub fn publish(
    output_dir: &Path,
    target: &Target,
    opts: &PublishOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary, PublishError> {
    match target.endpoint() {
        Endpoint::Folder { root } => {
            check_overlap(target.name(), root, output_dir)?;
            let mut transport = FileTransport::new(root).in_lang(opts.lang);
            publish_with(output_dir, &mut transport, opts, progress)
        }
        Endpoint::Sftp(ep) => publish_with(
            output_dir,
            &mut SftpTransport::new(ep.clone()),
            opts,
            progress,
        ),
    }
}

/// `publish` through a given transport (tests use one that fails on purpose).
pub fn publish_with(
    output_dir: &Path,
    transport: &mut dyn Transport,
    opts: &PublishOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary, PublishError> {
    let started = Instant::now();
    let local = Manifest::scan_in(output_dir, opts.lang)?;
    let remote = match transport.read_manifest()? {
        Some(json) => Manifest::parse(&json, &transport.describe(MANIFEST_NAME))?,
        None => Manifest::default(),
    };
    let plan = plan(&local, &remote);
    let (at, send, remove, same) = (
        transport.describe(""),
        plan.count(Action::Add) + plan.count(Action::Change),
        plan.count(Action::Remove),
        plan.unchanged,
    );
    log::debug!(
        "{}",
        tr!(
            opts.lang,
            "{at}: cần gửi {send}, cần xóa {remove}, giữ nguyên {same}",
            "{at}: {send} to send, {remove} to remove, {same} unchanged"
        )
    );
    progress(Progress::Planned {
        sends: plan.count(Action::Add) + plan.count(Action::Change),
        removals: plan.count(Action::Remove),
        bytes: plan.bytes_to_send(),
    });
    if !opts.dry_run && !plan.is_empty() {
        carry_out(
            output_dir, transport, &local, &remote, &plan, progress, opts.lang,
        )?;
    }
    transport.finish()?;
    Ok(Summary {
        dry_run: opts.dry_run,
        added: plan.count(Action::Add),
        changed: plan.count(Action::Change),
        removed: plan.count(Action::Remove),
        unchanged: plan.unchanged,
        bytes_sent: plan.bytes_to_send(),
        elapsed: started.elapsed(),
        plan_lines: if opts.dry_run {
            plan.steps
                .iter()
                .filter(|s| s.action != Action::RemoveFolder)
                .map(|s| s.line(opts.lang))
                .collect()
        } else {
            Vec::new()
        },
    })
}

/// Below this many bytes sent, no checkpoint is written (see `carry_out`).
const CHECKPOINT_BYTES: u64 = 1 << 20;

/// Marks the touched paths pending, carries out the steps in order, then writes the
/// complete manifest.
///
/// Along the way the manifest is checkpointed: what is done so far is recorded and no
/// longer pending, so a run that is cut off resumes from the last checkpoint instead of
/// sending everything again. A checkpoint follows every `CHECKPOINT_BYTES` sent, or eight
/// times the manifest's size if that is more, which bounds its cost to an eighth.
fn carry_out(
    output_dir: &Path,
    transport: &mut dyn Transport,
    local: &Manifest,
    remote: &Manifest,
    plan: &Plan,
    progress: &mut dyn FnMut(Progress),
    lang: crate::error::Lang,
) -> Result<(), PublishError> {
    transport.prepare()?;
    let mut state = remote.clone();
    state.pending.extend(
        plan.steps
            .iter()
            .filter(|s| s.action != Action::RemoveFolder)
            .map(|s| s.path.clone()),
    );
    let json = state.to_json();
    let checkpoint_every = CHECKPOINT_BYTES.max(8 * json.len() as u64);
    transport.write_manifest(&json)?;
    let total = plan.steps.len();
    let mut sent_since_checkpoint = 0;
    for (i, step) in plan.steps.iter().enumerate() {
        let done = i + 1;
        match step.action {
            Action::Add | Action::Change => {
                transport.upload(&output_dir.join(&step.path), &step.path)?;
                let path = &step.path;
                log::debug!("{}", tr!(lang, "đã gửi {path}", "sent {path}"));
                sent_since_checkpoint += step.size;
                progress(Progress::Sent {
                    path: step.path.clone(),
                    size: step.size,
                    done,
                    total,
                });
            }
            Action::Remove => {
                transport.remove(&step.path)?;
                let path = &step.path;
                log::debug!("{}", tr!(lang, "đã xóa {path}", "removed {path}"));
                progress(Progress::Removed {
                    path: step.path.clone(),
                    done,
                    total,
                });
            }
            Action::RemoveFolder => transport.remove_dir_if_empty(&step.path)?,
        }
        record(&mut state, step, local);
        if sent_since_checkpoint >= checkpoint_every && done < total {
            transport.write_manifest(&state.to_json())?;
            sent_since_checkpoint = 0;
        }
    }
    transport.write_manifest(&local.to_json())
}

/// Updates the target's manifest for a finished step: its path is known again.
fn record(state: &mut Manifest, step: &Step, local: &Manifest) {
    match step.action {
        Action::Add | Action::Change => {
            if let Some(entry) = local.files.get(&step.path) {
                state.files.insert(step.path.clone(), entry.clone());
            }
        }
        Action::Remove => {
            state.files.remove(&step.path);
        }
        Action::RemoveFolder => return,
    }
    state.pending.remove(&step.path);
}

/// Refuses a target folder that is the output folder or lies inside it: the next build
/// would wipe it, and the next publish would send it to itself.
fn check_overlap(name: &str, root: &Path, output_dir: &Path) -> Result<(), PublishError> {
    let Ok(output) = output_dir.canonicalize() else {
        // A missing output is reported by the scan, with advice.
        return Ok(());
    };
    let target = match root.canonicalize() {
        Ok(target) => target,
        Err(_) => match (root.parent().map(Path::canonicalize), root.file_name()) {
            (Some(Ok(parent)), Some(file_name)) => parent.join(file_name),
            _ => return Ok(()),
        },
    };
    if target.starts_with(&output) {
        return Err(PublishError::TargetOverlapsOutput {
            target: name.to_string(),
            target_dir: root.to_path_buf(),
            output_dir: output_dir.to_path_buf(),
        });
    }
    Ok(())
}

/// `loa publish`: upload the site's built output to a target declared in site.toml.
/// A relative `identity_file` is taken from the site's folder.
pub fn publish_site(
    root: &Path,
    target_name: Option<&str>,
    opts: &PublishOptions,
    progress: &mut dyn FnMut(Progress),
) -> crate::Result<Summary> {
    let config = crate::config::SiteConfig::load(root)?;
    let specs: Vec<TargetSpec> = config
        .publish
        .iter()
        .map(|(name, t)| TargetSpec {
            name: name.clone(),
            url: t.target.clone(),
            identity_file: t.identity_file.as_ref().map(|f| {
                let p = Path::new(f);
                if p.is_relative() && !f.starts_with('~') {
                    root.join(p)
                } else {
                    p.to_path_buf()
                }
            }),
        })
        .collect();
    // Naming no target, or one site.toml does not declare, is wrong usage (exit 2); a
    // site.toml without targets or with a wrong one is the site's problem (exit 1).
    let spec = select_target(&specs, target_name).map_err(|e| match e {
        PublishError::TargetNeeded { .. } | PublishError::TargetNotDeclared { .. } => {
            crate::Error::Usage(e.text())
        }
        e => crate::Error::Publish(e),
    })?;
    if spec.identity_file.is_some() && spec.url.trim().to_ascii_lowercase().starts_with("file:") {
        let name = &spec.name;
        log::warn!(
            "{}",
            tr!(
                opts.lang,
                "site.toml [publish.{name}]: identity_file chỉ dùng cho nơi đăng tải sftp://",
                "site.toml [publish.{name}]: identity_file is only used by sftp:// targets"
            )
        );
    }
    let target = parse_target(spec).map_err(crate::Error::Publish)?;
    let output = root.join(&config.output_dir);
    publish(&output, &target, opts, progress).map_err(crate::Error::Publish)
}
