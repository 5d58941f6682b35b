//! Photos pages show (issue 19): reduced, upright, without metadata, with their sizes,
//! from a cache that a rebuild reuses; a damaged photo stops the build and changes
//! nothing. The photos are made by the test (`loa::images::sample`), small.

use std::path::Path;

use loa::images::sample::{Exif, phone_photo};

use crate::common::{Site, assert_same_tree, stderr};

const TODAY: &str = "2026-12-01";

/// The `images` fixture with its three pictures: `dung.jpg` stored 96×64 with the
/// orientation tag of a phone held upright (6: turn 90°) and a GPS position,
/// `ngang.jpg` a landscape photo with a GPS position, `bien-bao.png` a picture.
fn site() -> Site {
    let site = Site::fixture("images");
    let gps = Some((20.8449, 106.6881));
    put(
        &site,
        "assets/anh/dung.jpg",
        &phone_photo(
            96,
            64,
            1,
            Exif {
                orientation: Some(6),
                gps,
            },
        ),
    );
    put(
        &site,
        "assets/anh/ngang.jpg",
        &phone_photo(
            150,
            100,
            2,
            Exif {
                orientation: None,
                gps,
            },
        ),
    );
    let rgb = loa::images::sample::scene(80, 60, 3);
    let mut png = Vec::new();
    image::ImageEncoder::write_image(
        image::codecs::png::PngEncoder::new(&mut png),
        &rgb,
        80,
        60,
        image::ExtendedColorType::Rgb8,
    )
    .expect("encode a PNG");
    put(&site, "assets/anh/bien-bao.png", &png);
    site
}

fn put(site: &Site, rel: &str, bytes: &[u8]) {
    let p = site.path(rel);
    std::fs::create_dir_all(p.parent().expect("a parent")).expect("mkdir");
    std::fs::write(p, bytes).expect("write");
}

fn decode(path: &Path) -> image::DynamicImage {
    image::ImageReader::open(path)
        .expect("open")
        .with_guessed_format()
        .expect("format")
        .decode()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The attributes of every `<img>` of every HTML file in `public/`.
fn img_tags(site: &Site) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (path, bytes) in site.snapshot("public") {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).expect("UTF-8");
        let mut rest = html.as_str();
        while let Some(at) = rest.find("<img ") {
            let end = rest[at..].find('>').expect("a closed tag") + at;
            out.push((path.clone(), rest[at..=end].to_owned()));
            rest = &rest[end..];
        }
    }
    out
}

fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[at..at + tag[at..].find('"')?])
}

#[test]
fn a_portrait_photo_tagged_90_degrees_comes_out_portrait() {
    let site = site();
    site.build(TODAY);
    let html = site.read("public/tin-tuc/anh/index.html");
    // Stored 96×64 and tagged "turn 90°": upright it is 64×96, and 64 is under the
    // largest width (120), so it is published at 40 and 64 wide, never enlarged.
    assert!(
        html.contains("width=\"64\" height=\"96\" alt=\"Giàn giáo ở công trình\""),
        "{html}"
    );
    let published: Vec<_> = site
        .snapshot("public/assets/anh")
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| p.starts_with("dung-") && !p.contains("-og."))
        .collect();
    assert_eq!(published.len(), 4, "{published:?}");
    for name in &published {
        let img = decode(&site.path(&format!("public/assets/anh/{name}")));
        assert!(
            img.height() > img.width(),
            "{name} is {}×{}",
            img.width(),
            img.height()
        );
    }
}

#[test]
fn no_exif_or_gps_bytes_in_any_published_image_and_no_original() {
    let site = site();
    site.build(TODAY);
    let files = site.snapshot("public");
    let mut pictures = 0;
    for (path, bytes) in &files {
        let lower = path.to_lowercase();
        if !(lower.ends_with(".jpg") || lower.ends_with(".png") || lower.ends_with(".webp")) {
            continue;
        }
        pictures += 1;
        assert!(
            !bytes.windows(6).any(|w| w == b"Exif\0\0"),
            "{path} carries EXIF"
        );
        assert!(
            !bytes.windows(4).any(|w| w == b"II*\0" || w == b"MM\0*"),
            "{path} carries a TIFF block"
        );
        assert!(
            !bytes
                .windows(4)
                .any(|w| w == b"eXIf" || w == b"EXIF" || w == b"XMP "),
            "{path} carries metadata"
        );
        if lower.ends_with(".jpg") {
            // No APP1 (EXIF, XMP) or APP2 (ICC) segment at all.
            assert!(
                !bytes
                    .windows(2)
                    .any(|w| w == [0xFF, 0xE1] || w == [0xFF, 0xE2]),
                "{path} has an APP1/APP2 segment"
            );
        }
    }
    // Three sources: 2 + 3 + 3 reductions in two formats, and three share images.
    assert_eq!(pictures, 2 * (2 + 3 + 3) + 3);
    for original in ["dung.jpg", "ngang.jpg", "bien-bao.png"] {
        assert!(
            !site.exists(&format!("public/assets/anh/{original}")),
            "{original} was published"
        );
    }
}

#[test]
fn the_original_is_published_when_a_page_links_to_it_as_a_file() {
    let site = site();
    let page = site.read("content/tin-tuc/anh.md");
    site.write(
        "content/tin-tuc/anh.md",
        &format!("{page}\n[Ảnh gốc có chữ ký](/assets/anh/ngang.jpg)\n"),
    );
    site.build(TODAY);
    assert_eq!(
        std::fs::read(site.path("public/assets/anh/ngang.jpg")).expect("published"),
        std::fs::read(site.path("assets/anh/ngang.jpg")).expect("source"),
    );
    assert!(!site.exists("public/assets/anh/dung.jpg"));
}

#[test]
fn every_img_has_width_height_and_alt_and_only_the_first_loads_at_once() {
    let site = site();
    site.build(TODAY);
    let tags = img_tags(&site);
    assert!(tags.len() >= 4, "{tags:?}");
    for (path, tag) in &tags {
        for a in ["width", "height", "alt"] {
            assert!(attribute(tag, a).is_some(), "{path}: {tag} has no {a}");
        }
    }
    let page: Vec<&String> = tags
        .iter()
        .filter(|(p, _)| p == "tin-tuc/anh/index.html")
        .map(|(_, t)| t)
        .collect();
    assert_eq!(page.len(), 3, "{page:?}");
    assert!(
        !page[0].contains("loading="),
        "the first picture is loaded at once: {}",
        page[0]
    );
    for tag in &page[1..] {
        assert!(tag.contains("loading=\"lazy\" decoding=\"async\""), "{tag}");
    }
    assert!(page[1].contains("title=\"Ảnh của đoàn\""), "{}", page[1]);
    // A picture keeps its PNG; a photo is a JPEG.
    assert!(
        attribute(page[2], "src").expect("src").ends_with(".png"),
        "{}",
        page[2]
    );
    let html = site.read("public/tin-tuc/anh/index.html");
    assert!(
        html.contains("<meta property=\"og:image:width\" content=\"64\">"),
        "{html}"
    );
}

#[test]
fn srcset_widths_exist_on_disk_with_their_widths() {
    let site = site();
    site.build(TODAY);
    let html = site.read("public/tin-tuc/anh/index.html");
    let mut seen = 0;
    for part in html.split("srcset=\"").skip(1) {
        let set = &part[..part.find('"').expect("closed")];
        for candidate in set.split(", ") {
            let (url, width) = candidate.split_once(' ').expect("url and width");
            let width: u32 = width.trim_end_matches('w').parse().expect("a width");
            let file = site.path(&format!("public{url}"));
            assert!(file.is_file(), "{url} is not on disk");
            assert_eq!(decode(&file).width(), width, "{url}");
            seen += 1;
        }
    }
    // Three pictures, each a WebP and a fallback set: (2 + 3 + 3) × 2.
    assert_eq!(seen, 16);
    let og = html
        .split("og:image\" content=\"https://vi-du.gov.vn")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("an og:image");
    let og = decode(&site.path(&format!("public{og}")));
    // 64×96 upright: the largest 40:21 box that fits is 64 wide.
    assert_eq!((og.width(), og.height()), (64, 33));
}

#[test]
fn a_corrupt_jpeg_is_a_located_error_and_the_output_stays_as_it_was() {
    let site = site();
    site.build(TODAY);
    let before = site.snapshot("public");
    let mut bytes = std::fs::read(site.path("assets/anh/ngang.jpg")).expect("read");
    // A copy cut short after its headers, as when a transfer stops.
    let keep = bytes.len() / 8;
    bytes.truncate(keep);
    for b in &mut bytes[keep / 2..] {
        *b = 0xFF;
    }
    put(&site, "assets/anh/ngang.jpg", &bytes);
    let out = site.loa(&["build", "--today", TODAY]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/tin-tuc/anh.md:11:1: error[E045]: the image assets/anh/ngang.jpg cannot be read"),
        "{err}"
    );
    assert_same_tree(
        &before,
        &site.snapshot("public"),
        "a corrupt photo leaves public/ as it was",
    );
}

/// Every cache entry's files with their size and modification time (nanoseconds, so a file
/// written again, even renamed into place, shows).
fn cache_state(site: &Site) -> Vec<(String, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(site.path(".loa-cache/images")).sort_by_file_name() {
        let e = e.expect("walk");
        let m = e.metadata().expect("metadata");
        out.push((
            e.path().display().to_string(),
            m.len(),
            m.modified().expect("mtime"),
        ));
    }
    out
}

#[test]
fn an_unchanged_rebuild_encodes_nothing_and_a_changed_photo_only_itself() {
    let site = site();
    site.build(TODAY);
    let cache = cache_state(&site);
    assert_eq!(
        std::fs::read_dir(site.path(".loa-cache/images"))
            .expect("a cache")
            .count(),
        3
    );
    let public = site.snapshot("public");
    // A change elsewhere makes the build run again; every photo comes from the cache.
    let page = site.read("content/tin-tuc/anh.md");
    site.write("content/tin-tuc/anh.md", &page.replace("đã đến", "vừa đến"));
    let out = site.loa(&["build", "--today", TODAY, "--verbose"]);
    assert!(
        stderr(&out).contains("images: 0 encoded, 3 from the cache"),
        "{}",
        stderr(&out)
    );
    assert_eq!(cache_state(&site), cache, "a rebuild wrote into the cache");
    let images = |files: Vec<(String, Vec<u8>)>| -> Vec<(String, Vec<u8>)> {
        files
            .into_iter()
            .filter(|(p, _)| p.starts_with("assets/"))
            .collect()
    };
    assert_eq!(images(site.snapshot("public")), images(public));
    // One photo changed: one new entry, the others untouched.
    put(
        &site,
        "assets/anh/ngang.jpg",
        &phone_photo(150, 100, 9, Exif::default()),
    );
    let out = site.loa(&["build", "--today", TODAY, "--verbose"]);
    assert!(
        stderr(&out).contains("images: 1 encoded, 2 from the cache"),
        "{}",
        stderr(&out)
    );
    let after = cache_state(&site);
    // Everything but the cache's own folder (which gained an entry) is as it was.
    let kept = cache.iter().filter(|e| after.contains(e)).count();
    assert_eq!(kept, cache.len() - 1);
    // ngang.jpg (150 wide): 40, 64 and 120 in two formats, the share image and `meta`.
    assert_eq!(after.len() - cache.len(), 1 + 3 * 2 + 2, "one new entry");
}

#[test]
fn check_warns_about_small_and_huge_originals_and_refuses_heic() {
    let site = site();
    let page = site.read("content/tin-tuc/anh.md");
    // 30×20: under the smallest width (40).
    put(
        &site,
        "assets/anh/nho.jpg",
        &phone_photo(30, 20, 4, Exif::default()),
    );
    // Over 20 MB: a photo followed by padding, as some cameras write.
    let mut huge = phone_photo(60, 40, 5, Exif::default());
    huge.resize(21 * 1024 * 1024, 0);
    put(&site, "assets/anh/lon.jpg", &huge);
    site.write(
        "content/tin-tuc/anh.md",
        &format!("{page}\n![Ảnh nhỏ](/assets/anh/nho.jpg)\n\n![Ảnh lớn](/assets/anh/lon.jpg)\n"),
    );
    let out = site.loa(&["check", "--today", TODAY]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &stderr(&out);
    assert!(
        text.contains("warning[W040]: the image assets/anh/nho.jpg is only 30×20 pixels"),
        "{text}"
    );
    assert!(
        text.contains("warning[W041]: the original image assets/anh/lon.jpg weighs 21 MB"),
        "{text}"
    );
    assert_eq!(out.status.code(), Some(0), "{text}");
    // An iPhone's HEIC: an error with the file and what to do.
    put(&site, "assets/anh/iphone.heic", b"\0\0\0\x18ftypheic");
    site.write(
        "content/tin-tuc/anh.md",
        &format!("{page}\n![Ảnh điện thoại](/assets/anh/iphone.heic)\n"),
    );
    let out = site.loa(&["build", "--today", TODAY]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E046]: the image assets/anh/iphone.heic is in the HEIC format"),
        "{err}"
    );
    assert!(!site.exists("public"), "nothing is published");
}
