use super::*;

#[test]
fn reads_image_sizes_from_file_headers() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    png.extend_from_slice(&640u32.to_be_bytes());
    png.extend_from_slice(&360u32.to_be_bytes());
    assert_eq!(
        image_size(&png),
        Some(ImageSize {
            width: 640,
            height: 360
        })
    );

    let gif = b"GIF89a\x20\x03\x58\x02rest";
    assert_eq!(
        image_size(gif),
        Some(ImageSize {
            width: 800,
            height: 600
        })
    );

    // SOI, an APP0 segment of 16 bytes, then SOF0 with height 480 and width 720.
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
    jpeg.extend_from_slice(&[0; 14]);
    jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0xD0, 0x03]);
    assert_eq!(
        image_size(&jpeg),
        Some(ImageSize {
            width: 720,
            height: 480
        })
    );

    assert_eq!(image_size(b"not an image at all"), None);
    assert_eq!(image_size(b"\x89PNG\r\n\x1a\n"), None);
}

#[test]
fn pagination_links_the_ends_and_the_neighbourhood() {
    let cases: [(usize, usize, &[usize]); 6] = [
        (1, 1, &[1]),
        (2, 5, &[1, 2, 3, 4, 5]),
        (1, 7, &[1, 2, 3, 4, 5, 6, 7]),
        (1, 100, &[1, 2, 3, 100]),
        (50, 100, &[1, 48, 49, 50, 51, 52, 100]),
        // A single left-out page (2) is shown rather than a gap.
        (5, 100, &[1, 2, 3, 4, 5, 6, 7, 100]),
    ];
    for (current, total, want) in cases {
        assert_eq!(
            pager_indexes(current, total),
            want,
            "page {current} of {total}"
        );
    }
}

#[test]
fn bare_asset_paths_live_under_assets() {
    assert_eq!(asset_url("anh/a.png"), "/assets/anh/a.png");
    assert_eq!(asset_url("./anh/a.png"), "/assets/anh/a.png");
    assert_eq!(asset_url("/img/a.png"), "/img/a.png");
    assert_eq!(asset_url("https://x.vn/a.png"), "https://x.vn/a.png");
}
