//! The bulletins' audio (`[broadcast.audio]`) with a stub speech engine: a shell script
//! that writes one second of silence as a WAV and notes each run in `runs.txt`, so the
//! tests count what the engine was asked to speak. The real engine (espeak-ng) is
//! checked by .ci/audio.sh, not here.

use std::path::Path;

use crate::common::{Site, stderr};

const TODAY: &str = "2025-05-05";

/// One second of 16-bit mono silence at 22,050 Hz (a 44-byte header, 44,100 bytes of
/// samples). `mode` holds `fail WORD` or `hang WORD` to fail or hang on the piece whose
/// SSML has WORD.
const STUB: &str = r#"#!/bin/sh
dir=$(dirname "$0")
echo "$1" >> "$dir/runs.txt"
read -r mode word < "$dir/mode" 2>/dev/null
if [ -n "$word" ] && grep -q "$word" "$1"; then
  case "$mode" in
    fail) echo "stub: no voice for this" >&2; exit 3 ;;
    hang) printf 'RIFF' > "$2"; sleep 30; exit 0 ;;
  esac
fi
printf 'RIFF\150\254\000\000WAVEfmt \020\000\000\000\001\000\001\000\042\126\000\000\104\254\000\000\002\000\020\000data\104\254\000\000' > "$2"
head -c 44100 /dev/zero >> "$2"
"#;

/// The broadcast fixture with audio on, spoken by the stub engine.
fn site_with_stub(extra: &str) -> Site {
    let site = Site::fixture("broadcast/basic");
    site.write("stub/engine.sh", STUB);
    let stub = site.path("stub/engine.sh");
    let mut config = site.read("site.toml");
    config.push_str(&format!(
        "\n[broadcast.audio]\ncommand = \"sh '{}' {{ssml}} {{wav}}\"\n{extra}",
        stub.display()
    ));
    site.write("site.toml", &config);
    site
}

fn runs(site: &Site) -> usize {
    std::fs::read_to_string(site.path("stub/runs.txt")).map_or(0, |t| t.lines().count())
}

/// Every playlist under public/, with the files it names.
fn playlists(site: &Site) -> Vec<(String, Vec<String>)> {
    site.snapshot("public/loa")
        .into_iter()
        .filter(|(p, _)| p.ends_with(".m3u8"))
        .map(|(p, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.starts_with("#EXTM3U\n"), "{p}: {text}");
            let files = text
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(str::to_owned)
                .collect();
            (p, files)
        })
        .collect()
}

#[test]
fn each_piece_is_spoken_once_and_every_playlist_names_files_that_exist() {
    let site = site_with_stub("");
    let out = site.build(TODAY);
    let err = stderr(&out);
    assert!(!err.contains("W07"), "{err}");
    let lists = playlists(&site);
    assert!(!lists.is_empty(), "no playlist written");
    let mut named = std::collections::BTreeSet::new();
    for (list, files) in &lists {
        let dir = Path::new("public/loa")
            .join(list)
            .parent()
            .unwrap()
            .to_owned();
        let txt = site.path(&format!("public/loa/{}", list.replace(".m3u8", ".txt")));
        assert!(txt.is_file(), "{list} has no .txt beside it");
        // The opening, each item, the closing.
        let items = std::fs::read_to_string(&txt)
            .unwrap()
            .matches(loa::broadcast::ITEM_MARK)
            .count();
        assert_eq!(files.len(), items + 1, "{list}: {files:?}");
        for f in files {
            let path = site.path(dir.join(f).to_str().unwrap());
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|_| panic!("{list} names {f}, which is missing"));
            assert_eq!(bytes[0], 0xFF, "{f} is not an MP3 frame");
            named.insert(f.clone());
        }
    }
    // One engine run per distinct piece, however many bulletins share it.
    let spoken = site.read("stub/runs.txt");
    let mut seen = std::collections::BTreeSet::new();
    assert!(
        spoken.lines().all(|l| seen.insert(l)),
        "a piece was spoken twice"
    );
    assert_eq!(runs(&site), named.len());
    assert!(
        named.len() < lists.len() * 2,
        "pieces are shared between bulletins"
    );
    // Every MP3 published is named by a playlist; the cache stays outside public/.
    let published = site.snapshot("public/loa/am-thanh").len();
    assert_eq!(published, named.len());
    assert!(site.exists(".loa-audio"));
    assert!(!site.exists("public/.loa-audio"));
    // The measured duration (one second a piece) is what `loa broadcast`, the schedule
    // and the calendar say.
    let pieces = playlists(&site)
        .into_iter()
        .find(|(p, _)| p == "2025-05-05/an-bien-sang.m3u8")
        .unwrap()
        .1
        .len();
    let head = site.loa(&[
        "broadcast",
        "--today",
        TODAY,
        "--date",
        TODAY,
        "--ward",
        "an-bien",
        "--slot",
        "sang",
    ]);
    let first = String::from_utf8_lossy(&head.stdout)
        .lines()
        .next()
        .unwrap()
        .to_owned();
    assert!(first.ends_with(&format!("({pieces} giây)")), "{first}");
    let schedule = site.read("public/loa/lich-phat-thanh/index.html");
    assert!(schedule.contains("<audio controls preload=\"none\" src=\"/loa/am-thanh/"));
    assert!(schedule.contains("2025-05-05/an-bien-sang.m3u8"));
}

#[test]
fn a_rebuild_speaks_only_the_item_that_changed() {
    let site = site_with_stub("");
    site.build(TODAY);
    let first = runs(&site);
    assert!(first > 3);
    let page = site.read("content/loa/thuong.md");
    site.write(
        "content/loa/thuong.md",
        &page.replace("tại trạm y tế", "tại trạm y tế phường"),
    );
    let out = site.build(TODAY);
    assert!(!stderr(&out).contains("W07"), "{}", stderr(&out));
    assert_eq!(
        runs(&site),
        first + 1,
        "only the changed item is spoken again"
    );
    // Every playlist still names files that exist, and the old item's audio is gone.
    for (list, files) in playlists(&site) {
        let dir = Path::new("public/loa")
            .join(&list)
            .parent()
            .unwrap()
            .to_owned();
        for f in files {
            assert!(site.exists(dir.join(&f).to_str().unwrap()), "{list}: {f}");
        }
    }
    let cached = std::fs::read_dir(site.path(".loa-audio")).unwrap().count();
    assert_eq!(
        cached,
        2 * first,
        "one .mp3 and one .ms per piece in use, no scratch"
    );
}

#[test]
fn an_engine_that_fails_is_a_located_warning_and_leaves_no_half_file() {
    let site = site_with_stub("");
    site.write("stub/mode", "fail gió\n");
    let out = site.build(TODAY);
    let err = stderr(&out);
    assert!(err.contains("warning[W071]"), "{err}");
    assert!(err.contains("khan.md:1:1"), "{err}");
    assert!(err.contains("stub: no voice for this"), "{err}");
    // The bulletins with the failed item have no playlist and keep their estimate; the
    // others have audio.
    assert!(!site.exists("public/loa/2025-05-05/an-bien-sang.m3u8"));
    assert!(site.exists("public/loa/2025-05-05/an-bien-sang.txt"));
    assert!(site.exists("public/loa/2025-05-05/lam-son-sang.m3u8"));
    assert_no_half_pieces(&site);
}

#[test]
fn an_engine_that_hangs_is_stopped_at_the_time_limit() {
    let site = site_with_stub("timeout = 1\n");
    site.write("stub/mode", "hang gió\n");
    let started = std::time::Instant::now();
    let out = site.build(TODAY);
    let err = stderr(&out);
    assert!(err.contains("warning[W072]"), "{err}");
    assert!(err.contains("khan.md:1:1"), "{err}");
    assert!(
        started.elapsed().as_secs() < 20,
        "the engine was not stopped"
    );
    assert!(!site.exists("public/loa/2025-05-05/an-bien-sang.m3u8"));
    assert_no_half_pieces(&site);
}

/// The cache holds whole pieces only (an .mp3 and its .ms), no scratch folder.
fn assert_no_half_pieces(site: &Site) {
    let mut names: Vec<String> = std::fs::read_dir(site.path(".loa-audio"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for name in &names {
        let key = name
            .strip_suffix(".mp3")
            .or_else(|| name.strip_suffix(".ms"))
            .unwrap_or_else(|| panic!("{name} in the cache"));
        assert!(names.contains(&format!("{key}.mp3")) && names.contains(&format!("{key}.ms")));
    }
    for (path, _) in site.snapshot("public/loa/am-thanh") {
        assert!(
            names.contains(&path),
            "{path} published but not cached whole"
        );
    }
}

#[test]
fn a_missing_engine_is_a_warning_in_vietnamese_and_the_text_is_written() {
    let site = site_with_stub("");
    let config = site.read("site.toml");
    let config = config
        .lines()
        .map(|l| {
            if l.starts_with("command") {
                "command = \"loa-khong-co-may-doc -f {ssml} -w {wav}\""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    site.write("site.toml", &config);
    let out = site.loa(&["build", "--today", TODAY, "--lang", "vi"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(err.matches("[W070]").count(), 1, "{err}");
    assert!(
        err.contains("không tìm thấy chương trình đọc \"loa-khong-co-may-doc\""),
        "{err}"
    );
    assert!(err.contains("sudo apt-get install espeak-ng"), "{err}");
    assert!(site.exists("public/loa/2025-05-05/an-bien-sang.txt"));
    assert!(site.exists("public/loa/2025-05-05/an-bien-sang.ssml"));
    assert!(!site.exists("public/loa/2025-05-05/an-bien-sang.m3u8"));
    assert!(!site.exists("public/loa/am-thanh"));
}

#[test]
fn a_command_that_cannot_work_stops_the_build_with_e070() {
    let site = Site::fixture("broadcast/basic");
    let mut config = site.read("site.toml");
    config.push_str("\n[broadcast.audio]\ncommand = \"espeak-ng -v vi -f {ssml}\"\nbitrate = 44\n");
    site.write("site.toml", &config);
    let out = site.loa(&["build", "--today", TODAY]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E070]: the [broadcast.audio] command has no {wav}"),
        "{err}"
    );
    assert!(err.contains("error[E070]: bitrate = 44"), "{err}");
    assert!(!site.exists("public"));
}

#[test]
fn loanwords_are_spoken_the_vietnamese_way() {
    let site =
        site_with_stub("[broadcast.audio.pronounce]\n\"xe-ben\" = \"xe ben\"\nBen = \"ben\"\n");
    site.write(
        "content/loa/gas.md",
        "---\ntitle: \"Bình gas an toàn\"\ndate: 2025-05-04\nbroadcast: {from: 2025-05-05, until: 2025-05-06, wards: [lam-son]}\n---\nKiểm tra dây curoa và van bình Gas trước khi dùng. Xe Ben chở vật liệu.\n",
    );
    site.build(TODAY);
    let ssml = site.read("public/loa/2025-05-05/lam-son-sang.ssml");
    assert!(
        ssml.contains("Bình <sub alias=\"ga\">gas</sub> an toàn"),
        "{ssml}"
    );
    assert!(ssml.contains("<sub alias=\"cu roa\">curoa</sub>"), "{ssml}");
    assert!(ssml.contains("<sub alias=\"ga\">Gas</sub>"), "{ssml}");
    assert!(ssml.contains("<sub alias=\"ben\">Ben</sub>"), "{ssml}");
    // The announcer's text keeps the written word.
    let txt = site.read("public/loa/2025-05-05/lam-son-sang.txt");
    assert!(txt.contains("bình Gas") && !txt.contains("<sub"), "{txt}");
}
