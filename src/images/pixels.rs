//! The pixel work: decode with the EXIF orientation applied, reduce, encode. Nothing of
//! the source's metadata reaches an output: every file is encoded anew from pixels, and
//! the encoders write no EXIF, XMP or ICC chunk.

use fast_image_resize as fr;
use image::{DynamicImage, ImageDecoder, ImageReader};

/// What one photo becomes: its encoded reductions and its share image.
pub struct Encoded {
    /// The source's size with its orientation applied.
    pub width: u32,
    pub height: u32,
    /// `(width, height, webp, fallback)` for each width, smallest first.
    pub sizes: Vec<(u32, u32, Vec<u8>, Vec<u8>)>,
    /// The 1200×630 (or smaller) crop for `og:image`, as JPEG.
    pub og: (u32, u32, Vec<u8>),
}

/// The share image's size, as Facebook and Zalo ask for.
pub const OG_SIZE: (u32, u32) = (1200, 630);

/// The widths a photo `width` pixels wide is reduced to: each of `widths` under it, and
/// its own width when it is narrower than the largest (never enlarged).
pub fn targets(width: u32, widths: &[u32]) -> Vec<u32> {
    let mut out: Vec<u32> = widths.iter().copied().filter(|&w| w < width).collect();
    if widths.last().is_some_and(|&max| width <= max) || out.is_empty() {
        out.push(width);
    }
    out
}

/// The height of a reduction to `w` of a `width`×`height` picture.
pub fn scaled_height(width: u32, height: u32, w: u32) -> u32 {
    ((u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width)).max(1) as u32
}

/// The share image's size for a `width`×`height` source: 1200×630, or the largest
/// 40:21 box that fits when the source is smaller.
pub fn og_size(width: u32, height: u32) -> (u32, u32) {
    let (ow, oh) = OG_SIZE;
    let scale = (f64::from(width) / f64::from(ow))
        .min(f64::from(height) / f64::from(oh))
        .min(1.0);
    (
        ((f64::from(ow) * scale) as u32).max(1),
        ((f64::from(oh) * scale) as u32).max(1),
    )
}

/// The most pixels a source may have (a 100-megapixel camera's): a bigger one is more
/// likely a decompression bomb than a photo.
const MAX_PIXELS: u64 = 120_000_000;

/// Decode `bytes`, upright. The error is the decoder's words.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, String> {
    let reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(format!("{w}×{h} > {MAX_PIXELS} px"));
    }
    // A broken EXIF block is no reason to refuse a photo: it is shown as stored.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|e| e.to_string())?;
    img.apply_orientation(orientation);
    Ok(img)
}

/// Pixels in one of the two layouts the encoders take.
struct Pixels {
    width: u32,
    height: u32,
    alpha: bool,
    data: Vec<u8>,
}

impl Pixels {
    fn from_image(img: DynamicImage) -> Pixels {
        let (width, height) = (img.width(), img.height());
        if img.color().has_alpha() {
            Pixels {
                width,
                height,
                alpha: true,
                data: img.into_rgba8().into_raw(),
            }
        } else {
            Pixels {
                width,
                height,
                alpha: false,
                data: img.into_rgb8().into_raw(),
            }
        }
    }

    fn pixel_type(&self) -> fr::PixelType {
        if self.alpha {
            fr::PixelType::U8x4
        } else {
            fr::PixelType::U8x3
        }
    }

    /// Reduced to `w`×`h`; with `crop`, the middle of the source cut to that shape first.
    fn resize(&self, w: u32, h: u32, crop: bool) -> Pixels {
        if (w, h) == (self.width, self.height) {
            return Pixels {
                data: self.data.clone(),
                ..*self
            };
        }
        let src = fr::images::ImageRef::new(self.width, self.height, &self.data, self.pixel_type())
            .expect("the buffer matches its size");
        let mut dst = fr::images::Image::new(w, h, self.pixel_type());
        let mut options = fr::ResizeOptions::new()
            .resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
        if crop {
            options = options.fit_into_destination(Some((0.5, 0.5)));
        }
        fr::Resizer::new()
            .resize(&src, &mut dst, &options)
            .expect("same pixel types");
        Pixels {
            width: w,
            height: h,
            alpha: self.alpha,
            data: dst.into_vec(),
        }
    }

    /// RGB on white: JPEG has no transparency.
    fn opaque(&self) -> std::borrow::Cow<'_, [u8]> {
        if !self.alpha {
            return std::borrow::Cow::Borrowed(&self.data);
        }
        let mut out = Vec::with_capacity(self.data.len() / 4 * 3);
        for p in self.data.chunks_exact(4) {
            let a = u16::from(p[3]);
            for &c in &p[..3] {
                out.push(((u16::from(c) * a + 255 * (255 - a) + 127) / 255) as u8);
            }
        }
        std::borrow::Cow::Owned(out)
    }

    fn jpeg(&self, quality: u8) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
        // Progressive: a slow phone shows the whole photo blurred first.
        encoder.set_progressive(true);
        encoder
            .encode(
                &self.opaque(),
                self.width as u16,
                self.height as u16,
                jpeg_encoder::ColorType::Rgb,
            )
            .expect("sizes under 65536 and a matching buffer");
        out
    }

    fn webp(&self, quality: u8) -> Vec<u8> {
        let encoder = if self.alpha {
            webp::Encoder::from_rgba(&self.data, self.width, self.height)
        } else {
            webp::Encoder::from_rgb(&self.data, self.width, self.height)
        };
        encoder.encode(f32::from(quality)).to_vec()
    }

    fn png(&self) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let color = if self.alpha {
            image::ExtendedColorType::Rgba8
        } else {
            image::ExtendedColorType::Rgb8
        };
        image::ImageEncoder::write_image(
            image::codecs::png::PngEncoder::new(&mut out),
            &self.data,
            self.width,
            self.height,
            color,
        )
        .map_err(|e| e.to_string())?;
        Ok(out)
    }
}

/// Decode `bytes` and make every reduction (`widths` sorted, smallest first) as WebP
/// and as JPEG, or PNG when `graphic`, and the share image.
pub fn encode(bytes: &[u8], widths: &[u32], quality: u8, graphic: bool) -> Result<Encoded, String> {
    let source = Pixels::from_image(decode(bytes)?);
    let (width, height) = (source.width, source.height);
    // Largest first, each reduced from the one before: a 4000-pixel photo is read once.
    let mut sizes = Vec::new();
    let mut from: Option<Pixels> = None;
    for &w in targets(width, widths).iter().rev() {
        let h = scaled_height(width, height, w);
        let reduced = from.as_ref().unwrap_or(&source).resize(w, h, false);
        // Pictures (screenshots, charts) keep sharp edges: WebP at a higher quality.
        let webp = reduced.webp(if graphic { quality.max(90) } else { quality });
        let fallback = if graphic {
            reduced.png()?
        } else {
            reduced.jpeg(quality)
        };
        sizes.push((w, h, webp, fallback));
        from = Some(reduced);
    }
    sizes.reverse();
    let (ow, oh) = og_size(width, height);
    let og = source.resize(ow, oh, true).jpeg(quality);
    Ok(Encoded {
        width,
        height,
        sizes,
        og: (ow, oh, og),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_never_enlarge() {
        assert_eq!(targets(4000, &[480, 800, 1200]), [480, 800, 1200]);
        assert_eq!(targets(1000, &[480, 800, 1200]), [480, 800, 1000]);
        assert_eq!(targets(1200, &[480, 800, 1200]), [480, 800, 1200]);
        assert_eq!(targets(300, &[480, 800, 1200]), [300]);
    }

    #[test]
    fn share_image_fits_small_sources() {
        assert_eq!(og_size(4000, 3000), (1200, 630));
        assert_eq!(og_size(600, 900), (600, 315));
        assert_eq!(scaled_height(4000, 3000, 480), 360);
    }
}
