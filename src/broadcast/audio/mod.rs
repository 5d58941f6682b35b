//! The bulletins' audio, for the ward stations whose IP loudspeakers play files.
//!
//! A bulletin is pieces: its opening, its items, its closing. The demo's 420 bulletins
//! share a few dozen pieces, so each distinct piece is spoken once by the site's engine
//! (`[broadcast.audio] command`, espeak-ng by default), encoded to MP3 and kept in
//! [`CACHE_DIR`] at the site's root under the hash of its SSML and the engine's settings:
//! a rebuild speaks only what changed. A bulletin is then a playlist (M3U8) of its pieces
//! in airing order, and its duration is the sum of theirs.
//!
//! Only `loa build` speaks. `loa broadcast` reads the durations the cache holds;
//! `loa serve` and `loa check` neither speak nor read the cache (an engine is too slow
//! for the edit loop). An engine that is missing, fails or hangs is a warning: the
//! bulletins it could not speak keep their estimate and get no playlist.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::*;
use crate::config::AudioConfig;
use crate::error::AudioPiece;

mod engine;
pub mod wav;

pub use engine::{check_command, espeak_speed};

/// The cache of spoken pieces, at the site's root (never published).
pub const CACHE_DIR: &str = ".loa-audio";
/// The pieces' MP3 files inside the portal: `loa/am-thanh/<hash>.mp3`.
pub const AUDIO_DIR: &str = "am-thanh";
/// MP3 bit rates (kbit/s) that both MPEG-1 and MPEG-2 Layer III have: a mono speech
/// file at any engine's sample rate can use them.
pub const BITRATES: [u32; 9] = [32, 40, 48, 56, 64, 80, 96, 112, 128];

/// One distinct piece of speech.
#[derive(Debug, Clone)]
pub struct Piece {
    /// Hash of the SSML and the engine's settings: the cache's and the MP3's name.
    pub key: String,
    pub ssml: String,
    /// The same words as plain text, for engines that read `{text}`.
    pub text: String,
    pub what: PieceKind,
}

/// Which part of a bulletin a piece is, for messages.
#[derive(Debug, Clone)]
pub enum PieceKind {
    Opening {
        ward: String,
        date: Date,
    },
    /// Index into [`Broadcasts::items`].
    Item(usize),
    Closing,
}

/// The pieces of a set of bulletins, each once, and each bulletin's pieces in order.
pub struct Plan {
    pub pieces: Vec<Piece>,
    /// Per bulletin (same order as given), its pieces' indexes in airing order.
    pub bulletins: Vec<Vec<usize>>,
}

/// What speaking a plan gave: each piece's length in milliseconds, when its audio is
/// in the cache; how many times the engine ran; the warnings.
pub struct Spoken {
    pub millis: Vec<Option<u64>>,
    pub engine_runs: usize,
    pub warnings: Vec<Diagnostic>,
}

impl Broadcasts<'_> {
    /// The distinct pieces of `bulletins` for the engine of `config`.
    pub fn audio_plan(&self, bulletins: &[Bulletin], config: &AudioConfig) -> Plan {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut add = |ssml: String, text: String, what: PieceKind| -> usize {
            let key = piece_key(config, &ssml);
            *index.entry(key.clone()).or_insert_with(|| {
                pieces.push(Piece {
                    key,
                    ssml,
                    text,
                    what,
                });
                pieces.len() - 1
            })
        };
        let mut plan_bulletins = Vec::with_capacity(bulletins.len());
        for b in bulletins {
            let mut order = Vec::with_capacity(b.items.len() + 2);
            let mut ssml = self.ssml_start();
            push_ssml_paragraph(&mut ssml, &b.opening, &self.pronounce);
            ssml.push_str(SSML_END);
            let text = self.pronounce.text(&b.opening);
            order.push(add(
                ssml,
                text,
                PieceKind::Opening {
                    ward: b.ward.clone(),
                    date: b.date,
                },
            ));
            for &i in &b.items {
                let mut ssml = self.ssml_start();
                self.push_item_ssml(&mut ssml, i);
                ssml.push_str(SSML_END);
                let text = self.pronounce.text(&self.items[i].paragraphs.join("\n\n"));
                order.push(add(ssml, text, PieceKind::Item(i)));
            }
            let mut ssml = self.ssml_start();
            push_ssml_break(&mut ssml, ITEM_BREAK_MS);
            push_ssml_paragraph(&mut ssml, &b.closing, &self.pronounce);
            ssml.push_str(SSML_END);
            let text = self.pronounce.text(&b.closing);
            order.push(add(ssml, text, PieceKind::Closing));
            plan_bulletins.push(order);
        }
        Plan {
            pieces,
            bulletins: plan_bulletins,
        }
    }

    /// Where a piece comes from: an item's page, or site.toml's opening or closing.
    fn piece_location(&self, piece: &Piece) -> (AudioPiece, Location) {
        let root = &self.site.root;
        let config_at = |key: &str| {
            let text = std::fs::read_to_string(root.join("site.toml")).unwrap_or_default();
            let line = text
                .lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or(1, |n| n + 1);
            Location::new("site.toml", line, 1)
        };
        match &piece.what {
            PieceKind::Opening { ward, date } => (
                AudioPiece::Opening {
                    ward: ward.clone(),
                    date: date.to_string(),
                },
                config_at("opening"),
            ),
            PieceKind::Closing => (AudioPiece::Closing, config_at("closing")),
            PieceKind::Item(i) => {
                let item = &self.items[*i];
                let page = &self.site.pages[item.page];
                (
                    AudioPiece::Item(item.title.clone()),
                    Location::new(&page.source, 1, 1),
                )
            }
        }
    }

    /// Set each bulletin's duration from its pieces' audio, where every piece has
    /// some, and work out again which items do not fit in its slot.
    pub fn apply_audio(&self, bulletins: &mut [Bulletin], plan: &Plan, millis: &[Option<u64>]) {
        for (b, order) in bulletins.iter_mut().zip(&plan.bulletins) {
            let Some(lengths) = order
                .iter()
                .map(|&p| millis[p])
                .collect::<Option<Vec<u64>>>()
            else {
                continue;
            };
            let slot_ms = u64::from(b.slot_seconds) * 1000;
            // The opening and the closing, then each item: as the estimate counts.
            let mut total = lengths[0] + lengths[lengths.len() - 1];
            b.overflow.clear();
            for (&i, &ms) in b.items.iter().zip(&lengths[1..]) {
                total += ms;
                if total > slot_ms {
                    b.overflow.push(i);
                }
            }
            b.seconds = u32::try_from(total.div_ceil(1000)).unwrap_or(u32::MAX);
            b.measured = true;
            let base = format!("{DIR}/{}/{}-{}", b.date, b.ward, b.slot);
            let files = order
                .iter()
                .map(|&p| format!("{DIR}/{AUDIO_DIR}/{}.mp3", plan.pieces[p].key))
                .collect();
            b.audio = Some((format!("{base}.m3u8"), files));
        }
    }

    /// The files audio adds to the portal: each piece's MP3 (from the cache) and each
    /// bulletin's playlist, for the bulletins [`Broadcasts::apply_audio`] gave audio.
    pub fn audio_files(
        &self,
        bulletins: &[Bulletin],
        plan: &Plan,
        millis: &[Option<u64>],
    ) -> Vec<(String, Vec<u8>)> {
        let cache = cache_dir(&self.site.root);
        let mut out = Vec::new();
        let mut used = vec![false; plan.pieces.len()];
        for (b, order) in bulletins.iter().zip(&plan.bulletins) {
            let Some((playlist, _)) = &b.audio else {
                continue;
            };
            out.push((playlist.clone(), self.playlist(b, order, plan, millis)));
            for &p in order {
                used[p] = true;
            }
        }
        for (p, piece) in plan.pieces.iter().enumerate() {
            if !used[p] {
                continue;
            }
            // The cache held it a moment ago; if it is gone now, the playlist names a
            // missing file, which the reference check does not see: read it or fail.
            if let Ok(bytes) = std::fs::read(cache.join(format!("{}.mp3", piece.key))) {
                out.push((format!("{DIR}/{AUDIO_DIR}/{}.mp3", piece.key), bytes));
            }
        }
        out
    }

    /// An extended M3U playlist, UTF-8, paths relative to it: what the station's
    /// player plays, in airing order, with each piece's length and title.
    fn playlist(
        &self,
        b: &Bulletin,
        order: &[usize],
        plan: &Plan,
        millis: &[Option<u64>],
    ) -> Vec<u8> {
        let config = &self.site.config;
        let ward = config
            .ward(&b.ward)
            .map_or(b.ward.as_str(), |w| w.name.as_str());
        let slot = config
            .slot(&b.slot)
            .map_or(b.slot.as_str(), |s| s.name.as_str());
        let mut out = format!(
            "#EXTM3U\n#PLAYLIST:Bản tin {} — {ward} — {}\n",
            slot.to_lowercase(),
            b.date
        );
        for &p in order {
            let piece = &plan.pieces[p];
            let title = match &piece.what {
                PieceKind::Opening { .. } => "Lời mở đầu".to_owned(),
                PieceKind::Closing => "Lời kết".to_owned(),
                PieceKind::Item(i) => self.items[*i].title.replace(['\n', '\r'], " "),
            };
            let seconds = millis[p].unwrap_or(0).div_ceil(1000);
            out.push_str(&format!(
                "#EXTINF:{seconds},{title}\n../{AUDIO_DIR}/{}.mp3\n",
                piece.key
            ));
        }
        out.into_bytes()
    }

    /// Speak every piece of `plan` the cache does not have yet, in parallel, with a
    /// progress line on a terminal when it takes more than a few seconds.
    pub fn speak_audio(
        &self,
        plan: &Plan,
        config: &AudioConfig,
        lang: crate::error::Lang,
    ) -> Spoken {
        let cache = cache_dir(&self.site.root);
        let mut millis: Vec<Option<u64>> =
            plan.pieces.iter().map(|p| cached(&cache, &p.key)).collect();
        let todo: Vec<usize> = (0..plan.pieces.len())
            .filter(|&p| millis[p].is_none())
            .collect();
        let mut spoken = Spoken {
            millis: Vec::new(),
            engine_runs: 0,
            warnings: Vec::new(),
        };
        if todo.is_empty() {
            spoken.millis = millis;
            return spoken;
        }
        let Ok(words) = check_command(&config.command) else {
            // site.toml's check refused it already; nothing to run.
            spoken.millis = millis;
            return spoken;
        };
        if let Err(e) = std::fs::create_dir_all(cache.join("tmp")) {
            spoken.warnings.push(Diagnostic::new(
                Message::Broadcast(BroadcastProblem::AudioCache {
                    path: CACHE_DIR.to_owned(),
                    detail: e.to_string(),
                }),
                None,
            ));
            spoken.millis = millis;
            return spoken;
        }
        let job = Job {
            words,
            spm: self.site.config.broadcast.syllables_per_minute,
            timeout: Duration::from_secs(config.timeout),
            bitrate: config.bitrate,
            cache: cache.clone(),
        };
        let runs = AtomicUsize::new(0);
        let missing = AtomicBool::new(false);
        let warnings = Mutex::new(Vec::new());
        let progress = Progress::new(todo.len(), lang);
        let speak = |p: usize| -> Option<u64> {
            if missing.load(Ordering::Relaxed) {
                return None;
            }
            runs.fetch_add(1, Ordering::Relaxed);
            let piece = &plan.pieces[p];
            let result = job.speak(piece);
            progress.step();
            match result {
                Ok(ms) => Some(ms),
                Err(failure) => {
                    let (name, location) = self.piece_location(piece);
                    let problem = match failure {
                        engine::Failure::Missing(program) => {
                            // One warning, not one per piece.
                            if missing.swap(true, Ordering::Relaxed) {
                                return None;
                            }
                            let site_toml =
                                std::fs::read_to_string(self.site.root.join("site.toml"))
                                    .unwrap_or_default();
                            let w = Diagnostic::new(
                                Message::Broadcast(BroadcastProblem::EngineMissing { program }),
                                Some(location_of_command(&site_toml)),
                            )
                            .quote_from(&site_toml);
                            warnings.lock().unwrap_or_else(|e| e.into_inner()).push(w);
                            return None;
                        }
                        engine::Failure::Failed(status, said) => BroadcastProblem::EngineFailed {
                            piece: name,
                            status,
                            said,
                        },
                        engine::Failure::TimedOut => BroadcastProblem::EngineTimedOut {
                            piece: name,
                            seconds: config.timeout,
                        },
                        engine::Failure::Io(detail) => BroadcastProblem::EngineNoAudio {
                            piece: name,
                            detail,
                        },
                    };
                    warnings
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push(Diagnostic::new(Message::Broadcast(problem), Some(location)));
                    None
                }
            }
        };
        // The first piece alone: a missing engine is found once, not on every thread.
        let first = speak(todo[0]);
        millis[todo[0]] = first;
        let rest: Vec<(usize, Option<u64>)> = todo[1..]
            .par_iter()
            .with_max_len(1)
            .map(|&p| (p, speak(p)))
            .collect();
        for (p, ms) in rest {
            millis[p] = ms;
        }
        let _ = std::fs::remove_dir(cache.join("tmp"));
        progress.done();
        spoken.millis = millis;
        spoken.engine_runs = runs.into_inner();
        let mut warnings = warnings.into_inner().unwrap_or_else(|e| e.into_inner());
        warnings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        spoken.warnings = warnings;
        spoken
    }

    /// Remove from the cache the pieces no bulletin of `plan` uses any more (yesterday's
    /// openings, an item's earlier wording), so it does not grow day by day.
    pub fn prune_audio(&self, plan: &Plan) {
        let cache = cache_dir(&self.site.root);
        let keep: std::collections::HashSet<&str> =
            plan.pieces.iter().map(|p| p.key.as_str()).collect();
        let Ok(entries) = std::fs::read_dir(&cache) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let key = name
                .strip_suffix(".mp3")
                .or_else(|| name.strip_suffix(".ms"));
            if key.is_some_and(|k| !keep.contains(k)) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// Each piece's length from the cache alone (for `loa broadcast`): nothing is run.
    pub fn cached_audio(&self, plan: &Plan) -> Vec<Option<u64>> {
        let cache = cache_dir(&self.site.root);
        plan.pieces.iter().map(|p| cached(&cache, &p.key)).collect()
    }
}

/// Where site.toml (`text`) names the engine (or sets up audio at all).
fn location_of_command(text: &str) -> Location {
    let line = text
        .lines()
        .position(|l| l.trim_start().starts_with("command"))
        .or_else(|| text.lines().position(|l| l.contains("[broadcast.audio]")))
        .map_or(1, |n| n + 1);
    Location::new("site.toml", line, 1)
}

pub fn cache_dir(root: &Path) -> PathBuf {
    root.join(CACHE_DIR)
}

/// The hash that names a piece: its SSML, the command that speaks it and the MP3's
/// bit rate (the site's rate is in the SSML).
fn piece_key(config: &AudioConfig, ssml: &str) -> String {
    let mut h = Sha256::new();
    h.update(config.command.as_bytes());
    h.update([0]);
    h.update(config.bitrate.to_le_bytes());
    h.update(ssml.as_bytes());
    h.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A piece's length, when both its MP3 and its length are in the cache.
fn cached(cache: &Path, key: &str) -> Option<u64> {
    let ms = std::fs::read_to_string(cache.join(format!("{key}.ms"))).ok()?;
    cache.join(format!("{key}.mp3")).is_file().then_some(())?;
    ms.trim().parse().ok()
}

/// What every run of the engine shares.
struct Job {
    words: Vec<String>,
    spm: u32,
    timeout: Duration,
    bitrate: u32,
    cache: PathBuf,
}

impl Job {
    /// Speak one piece into the cache: the engine writes a WAV in a scratch folder of
    /// its own; the MP3 and then the length are renamed into place, so the cache never
    /// holds half a piece, whatever happens to the engine.
    fn speak(&self, piece: &Piece) -> Result<u64, engine::Failure> {
        let scratch = self.cache.join("tmp").join(&piece.key);
        let result = self.speak_in(&scratch, piece);
        let _ = std::fs::remove_dir_all(&scratch);
        result
    }

    fn speak_in(&self, scratch: &Path, piece: &Piece) -> Result<u64, engine::Failure> {
        let io = |e: std::io::Error| engine::Failure::Io(e.to_string());
        std::fs::create_dir_all(scratch).map_err(io)?;
        let files = engine::Files {
            ssml: &scratch.join("in.ssml"),
            text: &scratch.join("in.txt"),
            wav: &scratch.join("out.wav"),
            stderr: &scratch.join("stderr.txt"),
        };
        std::fs::write(files.ssml, &piece.ssml).map_err(io)?;
        std::fs::write(files.text, &piece.text).map_err(io)?;
        engine::run(&self.words, self.spm, &files, self.timeout)?;
        let bytes = std::fs::read(files.wav)
            .map_err(|_| engine::Failure::Io("no WAV file was written".to_owned()))?;
        let wav = wav::read(&bytes).map_err(engine::Failure::Io)?;
        let mp3 = encode_mp3(&wav, self.bitrate).map_err(engine::Failure::Io)?;
        let ms = wav.millis();
        let mp3_path = self.cache.join(format!("{}.mp3", piece.key));
        let ms_path = self.cache.join(format!("{}.ms", piece.key));
        std::fs::write(scratch.join("out.mp3"), mp3).map_err(io)?;
        std::fs::rename(scratch.join("out.mp3"), &mp3_path).map_err(io)?;
        std::fs::write(scratch.join("out.ms"), ms.to_string()).map_err(io)?;
        std::fs::rename(scratch.join("out.ms"), &ms_path).map_err(io)?;
        Ok(ms)
    }
}

/// MP3 (CBR at `kbps`) of 16-bit PCM, with the encoder's gapless Info tag.
pub fn encode_mp3(wav: &wav::Wav, kbps: u32) -> Result<Vec<u8>, String> {
    let mut encoder = rusty_mp3::Mp3Encoder::new(rusty_mp3::Mp3EncoderConfig {
        bitrate_kbps: kbps,
        vbr_quality: None,
    });
    encoder
        .push_pcm_s16le(wav.data, wav.channels, wav.sample_rate)
        .map_err(|e| format!("MP3 cannot take this audio ({} Hz): {e}", wav.sample_rate))?;
    encoder.finish();
    let mut out = Vec::new();
    while let Ok(packet) = encoder.next_packet() {
        out.extend_from_slice(&packet);
    }
    Ok(out)
}

/// A progress line on a terminal, from a few seconds on, every second at most.
struct Progress {
    total: usize,
    done: AtomicUsize,
    started: Instant,
    last: Mutex<Option<Instant>>,
    tty: bool,
    lang: crate::error::Lang,
}

impl Progress {
    fn new(total: usize, lang: crate::error::Lang) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            started: Instant::now(),
            last: Mutex::new(None),
            tty: std::io::IsTerminal::is_terminal(&std::io::stderr()),
            lang,
        }
    }

    fn step(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if !self.tty || self.started.elapsed() < Duration::from_secs(3) {
            return;
        }
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if last.is_some_and(|t| t.elapsed() < Duration::from_secs(1)) {
            return;
        }
        *last = Some(Instant::now());
        log::info!(
            "{}",
            crate::console::audio_progress(self.lang, done, self.total)
        );
    }

    fn done(&self) {
        if self.tty && self.started.elapsed() >= Duration::from_secs(3) {
            log::info!(
                "{}",
                crate::console::audio_progress(
                    self.lang,
                    self.done.load(Ordering::Relaxed),
                    self.total
                )
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_second_of_speech_encodes_to_an_mp3_of_its_bit_rate() {
        let bytes = wav::silence(22050, 1000);
        let wav = wav::read(&bytes).unwrap();
        let mp3 = encode_mp3(&wav, 48).unwrap();
        // 48 kbit/s is 6,000 bytes a second, give or take the frames at the ends.
        assert!((5_000..9_000).contains(&mp3.len()), "{}", mp3.len());
        assert_eq!(mp3[0], 0xFF);
    }

    #[test]
    fn a_rate_mp3_lacks_is_refused_not_a_panic() {
        let bytes = wav::silence(7000, 100);
        let wav = wav::read(&bytes).unwrap();
        assert!(encode_mp3(&wav, 48).is_err());
    }
}
