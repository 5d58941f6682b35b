//! Photo-like pictures the project makes itself, for its demo, tests and benchmarks: a
//! sky and a ground in gradients, a few buildings and a sun, and sensor noise (which
//! is what makes real photos hard to compress), written as a phone writes them: JPEG
//! with an EXIF block that may carry an orientation tag and a GPS position.

/// What to put in the EXIF block.
#[derive(Debug, Clone, Copy, Default)]
pub struct Exif {
    /// 1–8; 6 is a phone held upright (the pixels are stored turned 90°).
    pub orientation: Option<u16>,
    /// Latitude and longitude in degrees, north and east.
    pub gps: Option<(f64, f64)>,
}

/// A `width`×`height` photo-like JPEG at quality 90; `seed` varies the scene.
pub fn phone_photo(width: u32, height: u32, seed: u64, exif: Exif) -> Vec<u8> {
    let rgb = scene(width, height, seed);
    let mut jpeg = Vec::new();
    jpeg_encoder::Encoder::new(&mut jpeg, 90)
        .encode(
            &rgb,
            width as u16,
            height as u16,
            jpeg_encoder::ColorType::Rgb,
        )
        .expect("a valid size");
    with_exif(&jpeg, exif)
}

/// The scene's pixels, RGB.
pub fn scene(width: u32, height: u32, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (w, h) = (width as i64, height as i64);
    let horizon = h * (45 + (next() % 20) as i64) / 100;
    let buildings: Vec<(i64, i64, i64, [u8; 3])> = (0..6)
        .map(|_| {
            let x = (next() % w as u64) as i64;
            let bw = w / 12 + (next() % (w as u64 / 6 + 1)) as i64;
            let top = horizon - (next() % (horizon as u64 / 2 + 1)) as i64;
            let c = [
                (120 + next() % 100) as u8,
                (110 + next() % 90) as u8,
                (100 + next() % 90) as u8,
            ];
            (x, bw, top, c)
        })
        .collect();
    let sun = (
        (next() % w as u64) as i64,
        horizon / 3,
        (w.min(h) / 14).max(2),
    );
    let mut out = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..h {
        for x in 0..w {
            let mut c = if y < horizon {
                let t = y * 255 / horizon.max(1);
                [(90 + t / 3) as u8, (150 + t / 4) as u8, (235 - t / 5) as u8]
            } else {
                let t = (y - horizon) * 255 / (h - horizon).max(1);
                [(110 - t / 4) as u8, (130 - t / 5) as u8, (70 - t / 6) as u8]
            };
            let (sx, sy, r) = sun;
            if (x - sx).pow(2) + (y - sy).pow(2) < r * r {
                c = [250, 230, 160];
            }
            for &(bx, bw, top, bc) in &buildings {
                if x >= bx && x < bx + bw && y >= top && y < horizon + h / 20 {
                    c = bc;
                    // Windows.
                    if (x - bx) % 24 < 10 && (y - top) % 30 < 14 {
                        c = [60, 70, 90];
                    }
                }
            }
            let n = next();
            for (i, v) in c.iter_mut().enumerate() {
                let noise = ((n >> (i * 8)) & 15) as i16 - 8;
                *v = (i16::from(*v) + noise).clamp(0, 255) as u8;
            }
            out.extend_from_slice(&c);
        }
    }
    out
}

/// `jpeg` with an APP1 EXIF segment after its SOI marker.
pub fn with_exif(jpeg: &[u8], exif: Exif) -> Vec<u8> {
    if exif.orientation.is_none() && exif.gps.is_none() {
        return jpeg.to_vec();
    }
    // TIFF, little-endian: header, IFD0 (orientation, GPS pointer), GPS IFD, rationals.
    let mut ifd0: Vec<(u16, u16, u32, u32)> = Vec::new();
    if let Some(o) = exif.orientation {
        ifd0.push((0x0112, 3, 1, u32::from(o)));
    }
    let ifd0_len = 2 + 12 * (ifd0.len() + usize::from(exif.gps.is_some())) + 4;
    let gps_at = 8 + ifd0_len as u32;
    if exif.gps.is_some() {
        ifd0.push((0x8825, 4, 1, gps_at));
    }
    let mut tiff = b"II*\0\x08\0\0\0".to_vec();
    let entries = |out: &mut Vec<u8>, list: &[(u16, u16, u32, u32)]| {
        out.extend_from_slice(&(list.len() as u16).to_le_bytes());
        for &(tag, kind, count, value) in list {
            out.extend_from_slice(&tag.to_le_bytes());
            out.extend_from_slice(&kind.to_le_bytes());
            out.extend_from_slice(&count.to_le_bytes());
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.extend_from_slice(&0u32.to_le_bytes());
    };
    entries(&mut tiff, &ifd0);
    if let Some((lat, lon)) = exif.gps {
        let rationals_at = gps_at + 2 + 12 * 4 + 4;
        let gps = [
            (0x0001, 2, 2, u32::from_le_bytes(*b"N\0\0\0")),
            (0x0002, 5, 3, rationals_at),
            (0x0003, 2, 2, u32::from_le_bytes(*b"E\0\0\0")),
            (0x0004, 5, 3, rationals_at + 24),
        ];
        entries(&mut tiff, &gps);
        for deg in [lat, lon] {
            let d = deg.trunc();
            let m = ((deg - d) * 60.0).trunc();
            let s = ((deg - d) * 60.0 - m) * 60.0 * 1000.0;
            for (num, den) in [(d as u32, 1u32), (m as u32, 1), (s as u32, 1000)] {
                tiff.extend_from_slice(&num.to_le_bytes());
                tiff.extend_from_slice(&den.to_le_bytes());
            }
        }
    }
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = Vec::with_capacity(jpeg.len() + app1.len() + 4);
    out.extend_from_slice(&jpeg[..2]);
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_orientation_tag_is_read_back() {
        use image::ImageDecoder;
        let jpeg = phone_photo(
            64,
            48,
            1,
            Exif {
                orientation: Some(6),
                gps: Some((20.85, 106.68)),
            },
        );
        let mut d = image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(&jpeg)).unwrap();
        assert_eq!(
            d.orientation().unwrap(),
            image::metadata::Orientation::Rotate90
        );
        let img = super::super::pixels::decode(&jpeg).unwrap();
        assert_eq!((img.width(), img.height()), (48, 64));
    }
}
