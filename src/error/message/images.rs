//! Photos and pictures pages show (E045–E047, W040, W041): what the image pipeline
//! (`src/images/`) cannot read, and what `loa check` asks an office to look at.

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageProblem {
    /// E045: the file cannot be decoded (cut short, damaged, not an image).
    Unreadable { file: PathBuf, detail: String },
    /// E046: a format the portal cannot show to every phone (HEIC, TIFF, BMP).
    Unsupported { file: PathBuf, format: String },
    /// E047: site.toml's `[images]` asks for something that cannot be made.
    BadSettings { detail: String },
    /// W040: the image's longest side is under the smallest width the site makes.
    TooSmall {
        file: PathBuf,
        width: u32,
        height: u32,
        smallest: u32,
    },
    /// W041: the original is over [`crate::images::LARGE_ORIGINAL`] bytes.
    LargeOriginal { file: PathBuf, megabytes: u64 },
}

impl From<ImageProblem> for Message {
    fn from(p: ImageProblem) -> Message {
        Message::Image(p)
    }
}

impl ImageProblem {
    pub(super) fn code(&self) -> &'static str {
        use ImageProblem::*;
        match self {
            Unreadable { .. } => "E045",
            Unsupported { .. } => "E046",
            BadSettings { .. } => "E047",
            TooSmall { .. } => "W040",
            LargeOriginal { .. } => "W041",
        }
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        use ImageProblem::*;
        match self {
            Unreadable { file, detail } => {
                let file = file.display();
                (
                    tr!(
                        l,
                        "không đọc được ảnh {file}: tệp không phải là ảnh JPEG, PNG hay WebP còn nguyên vẹn",
                        "the image {file} cannot be read: {detail}"
                    ),
                    tr!(
                        l,
                        "tệp ảnh bị hỏng hoặc chép chưa hết; hãy chép lại ảnh từ máy chụp, hoặc mở rồi lưu lại dưới dạng JPEG",
                        "the file is damaged or was not copied whole; copy the photo again, or open it and save it as JPEG"
                    ),
                )
            }
            Unsupported { file, format } => {
                let file = file.display();
                (
                    tr!(
                        l,
                        "ảnh {file} ở định dạng {format}, nhiều điện thoại và trình duyệt không hiển thị được",
                        "the image {file} is in the {format} format, which many phones and browsers cannot show"
                    ),
                    tr!(
                        l,
                        "hãy lưu ảnh dưới dạng JPEG (ảnh chụp) hoặc PNG (hình vẽ, sơ đồ) rồi sửa tên tệp trong trang",
                        "save it as JPEG (a photo) or PNG (a drawing, a chart) and change the file name in the page"
                    ),
                )
            }
            BadSettings { detail } => (
                tr!(
                    l,
                    "mục [images] trong site.toml không dùng được: {detail}",
                    "the [images] table of site.toml cannot be used: {detail}"
                ),
                tr!(
                    l,
                    "ví dụ: widths = [480, 800, 1200] (từ 16 đến 4000 điểm ảnh), quality = 75 (từ 30 đến 95)",
                    "for example: widths = [480, 800, 1200] (16 to 4000 pixels), quality = 75 (30 to 95)"
                ),
            ),
            TooSmall {
                file,
                width,
                height,
                smallest,
            } => {
                let file = file.display();
                (
                    tr!(
                        l,
                        "ảnh {file} chỉ có {width}×{height} điểm ảnh, nhỏ hơn cỡ nhỏ nhất trang dùng ({smallest}): ảnh sẽ mờ trên điện thoại",
                        "the image {file} is only {width}×{height} pixels, under the smallest width the site makes ({smallest}): it will look blurred on phones"
                    ),
                    tr!(
                        l,
                        "hãy dùng ảnh gốc từ máy chụp thay cho ảnh đã thu nhỏ (ảnh lấy từ Zalo, Facebook thường đã bị thu nhỏ)",
                        "use the original from the camera instead of a reduced copy (photos saved from chat apps are often reduced)"
                    ),
                )
            }
            LargeOriginal { file, megabytes } => {
                let file = file.display();
                (
                    tr!(
                        l,
                        "ảnh gốc {file} nặng {megabytes} MB",
                        "the original image {file} weighs {megabytes} MB"
                    ),
                    tr!(
                        l,
                        "trang chỉ đăng bản đã thu nhỏ, nhưng tệp gốc lớn làm chậm việc dựng trang và sao lưu; hãy xuất ảnh ở cỡ khoảng 4000 điểm ảnh, chất lượng 85",
                        "the portal publishes reduced copies only, but a large original slows every build and backup; export it at about 4000 pixels, quality 85"
                    ),
                )
            }
        }
    }
}
