//! Images and files a page shows: their sizes, read once so pages can say how big a download is
//! and images keep their shape.

use super::*;

#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct ImageSize {
    pub width: u32,
    pub height: u32,
}

/// Width and height from the first bytes of a PNG, GIF or JPEG file.
pub fn image_size(bytes: &[u8]) -> Option<ImageSize> {
    let be16 = |b: &[u8]| u32::from(u16::from_be_bytes([b[0], b[1]]));
    let size = |width, height| (width > 0 && height > 0).then_some(ImageSize { width, height });
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() >= 24 && &bytes[12..16] == b"IHDR" {
        let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
        return size(w, h);
    }
    if (bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a")) && bytes.len() >= 10 {
        let w = u32::from(u16::from_le_bytes([bytes[6], bytes[7]]));
        let h = u32::from(u16::from_le_bytes([bytes[8], bytes[9]]));
        return size(w, h);
    }
    if bytes.starts_with(&[0xFF, 0xD8]) {
        // Walk the JPEG segments to the first start-of-frame marker.
        let mut i = 2;
        while i + 9 < bytes.len() {
            if bytes[i] != 0xFF {
                return None;
            }
            let marker = bytes[i + 1];
            if marker == 0xFF {
                i += 1;
                continue;
            }
            let len = be16(&bytes[i + 2..]) as usize;
            let is_sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
            if is_sof {
                return size(be16(&bytes[i + 7..]), be16(&bytes[i + 5..]));
            }
            i += 2 + len;
        }
    }
    None
}

/// The source of a file the build copies to URL path `url`: `/assets/x` comes from
/// `assets/x`, anything else from `static/`. Found by path, not by a scan of every
/// static file (which would make a portal of many documents quadratic).
pub(super) fn static_source(url: &str, site: &Site) -> Option<std::path::PathBuf> {
    let dest = url.strip_prefix('/')?;
    if dest.split('/').any(|s| s == ".." || s.starts_with('.')) {
        return None;
    }
    let path = if dest.starts_with("assets/") {
        site.root.join(dest)
    } else {
        site.root.join("static").join(dest)
    };
    path.is_file().then_some(path)
}

/// The size of an image the build copies, read from its first 64 KB.
pub(super) fn asset_image_size(url: &str, site: &Site) -> Option<ImageSize> {
    use std::io::Read;
    let source = static_source(url, site)?;
    let mut head = Vec::new();
    std::fs::File::open(source)
        .ok()?
        .take(64 * 1024)
        .read_to_end(&mut head)
        .ok()?;
    image_size(&head)
}

/// A downloadable file: its URL, type and size as readers expect ("PDF, 245 KB").
#[derive(Serialize)]
pub struct FileView {
    pub url: String,
    pub name: String,
    /// Upper-case extension, `PDF`.
    pub format: String,
    /// Size in bytes, when the file is in the site.
    pub size: Option<u64>,
}

pub(super) fn file_view(path: &str, site: &Site) -> FileView {
    let url = asset_url(path);
    let name = url.rsplit('/').next().unwrap_or(&url).to_owned();
    let format = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_uppercase())
        .unwrap_or_default();
    let size = static_source(&url, site)
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| m.len());
    FileView {
        url,
        name,
        format,
        size,
    }
}
