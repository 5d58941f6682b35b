use super::*;

#[test]
fn refuses_paths_outside_the_output() {
    let sink = MemorySink::default();
    assert!(sink.put("../x.html", b"x").is_err());
    assert!(sink.put("/etc/passwd", b"x").is_err());
    assert!(sink.put("a/./b", b"x").is_ok());
    assert!(sink.put("a/b/index.html", b"x").is_ok());
}

#[test]
fn reports_survive_a_build() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    std::fs::create_dir_all(out.join("bao-cao/2025")).unwrap();
    std::fs::write(out.join("bao-cao/2025/index.html"), "báo cáo").unwrap();
    check_output_dir(&out, tmp.path()).expect("a folder holding only reports may be built into");
    for _ in 0..2 {
        let staging = prepare(&out).unwrap();
        let sink = DirSink::staging(&staging);
        sink.put("index.html", b"x").unwrap();
        let listing = sink.into_listing();
        finish(staging, &out, &["index.html".to_owned()], listing, None).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("bao-cao/2025/index.html")).unwrap(),
            "báo cáo"
        );
    }
}

#[test]
fn swap_keeps_previous_output_as_staging_and_removes_stale_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    for (round, files) in [["a.html", "b.html"], ["a.html", "c.html"]]
        .iter()
        .enumerate()
    {
        let staging = prepare(&out).unwrap();
        let sink = DirSink::staging(&staging);
        for f in files.iter() {
            sink.put(f, format!("{round}").as_bytes()).unwrap();
        }
        let written: Vec<String> = files.iter().map(|s| s.to_string()).collect();
        let listing = sink.into_listing();
        finish(staging, &out, &written, listing, None).unwrap();
    }
    assert!(out.join("a.html").exists());
    assert!(!out.join("b.html").exists());
    assert_eq!(std::fs::read(out.join("c.html")).unwrap(), b"1");
    assert!(
        staging_dir(&out).join("b.html").exists(),
        "previous generation kept for reuse"
    );
}

#[test]
fn listings_read_back_as_written_and_refuse_other_versions() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(".public.loa-files");
    let entry = |n: u64| Entry {
        len: n,
        mtime: 1_795_883_692,
        mtime_nsec: 996_190_232,
        ino: 11_543_659 + n,
        hash: u128::MAX - u128::from(n),
    };
    let mut first = Listing::new();
    first.insert("index.html".to_owned(), entry(1));
    first.insert("tin-tuc/bài 1/index.html".to_owned(), entry(2));
    first.insert("bad\nname".to_owned(), entry(3));
    let second = Listing::from([("a.css".to_owned(), entry(4))]);
    let stamp = Stamp {
        fingerprint: u128::MAX / 3,
        pages: 2,
        files: 3,
        left_out: crate::content::LeftOut {
            drafts: 1,
            scheduled: 0,
            expired: 2,
        },
    };
    Listings {
        by_folder: vec![(7, first.clone()), (9, second.clone())],
        stamp: Some((7, stamp)),
    }
    .write(&path)
    .unwrap();
    let mut read = Listings::read(&path);
    assert_eq!(read.stamp, Some((7, stamp)));
    first.remove("bad\nname");
    assert_eq!(read.take(Some(9)), Some(second));
    assert_eq!(read.take(Some(7)), Some(first));
    assert_eq!(read.take(Some(8)), None);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(env!("CARGO_PKG_VERSION"), "0.0.0-other", 1),
    )
    .unwrap();
    assert_eq!(Listings::read(&path).take(Some(7)), None);
}

#[test]
fn retries_while_a_file_is_held_open_then_gives_up() {
    let held = || std::io::Error::from(std::io::ErrorKind::ResourceBusy);
    let is_held = |e: &std::io::Error| e.kind() == std::io::ErrorKind::ResourceBusy;
    // Let go after two tries: the third succeeds.
    let mut tries = 0;
    let done = retry_while(
        || {
            tries += 1;
            if tries < 3 { Err(held()) } else { Ok(tries) }
        },
        is_held,
        &[0, 0, 0],
    );
    assert_eq!(done.unwrap(), 3);
    // Never lets go: one try and one per pause, then the error.
    let mut tries = 0;
    let failed = retry_while(
        || -> std::io::Result<()> {
            tries += 1;
            Err(held())
        },
        is_held,
        &[0, 0],
    );
    assert!(failed.is_err());
    assert_eq!(tries, 3);
    // Another error is not retried.
    let mut tries = 0;
    let other = retry_while(
        || -> std::io::Result<()> {
            tries += 1;
            Err(std::io::Error::from(std::io::ErrorKind::NotFound))
        },
        is_held,
        &[0, 0],
    );
    assert_eq!(other.unwrap_err().kind(), std::io::ErrorKind::NotFound);
    assert_eq!(tries, 1);
}
