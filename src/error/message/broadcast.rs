//! The loudspeaker scripts and bulletins (W050–W056), and their audio (W070–W074).

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BroadcastProblem {
    /// W051: shared with the loudspeaker scripts.
    NotInGlossary { token: String },
    /// W050: a part of a broadcast page that the spoken script leaves out.
    LeftOutOfScript { part: crate::speech::Skipped },
    /// W053 (left out: a web or e-mail address, an emoji) or W054 (read by a guess: an
    /// unclear slash, an English decimal point): what a script cannot say with certainty.
    Unsayable {
        kind: crate::speech::DoubtKind,
        token: String,
    },
    /// W055: an item's own greeting or thanks, left out of the bulletin.
    ItemCourtesy { words: String },
    /// W056: a spoken sentence longer than one breath.
    LongSentence { syllables: usize, limit: usize },
    /// W052: a bulletin longer than its slot.
    BulletinTooLong {
        date: String,
        ward: String,
        slot: String,
        lasts: String,
        slot_length: String,
        /// Further bulletins with the same overflow.
        more: usize,
        items: Vec<String>,
    },
    /// W070: the speech engine of `[broadcast.audio]` is not installed.
    EngineMissing { program: String },
    /// W071: the engine stopped with an error on one piece.
    EngineFailed {
        piece: AudioPiece,
        status: String,
        said: String,
    },
    /// W072: the engine ran past `[broadcast.audio] timeout` on one piece and was stopped.
    EngineTimedOut { piece: AudioPiece, seconds: u64 },
    /// W073: the engine finished but wrote no audio loa can read.
    EngineNoAudio { piece: AudioPiece, detail: String },
    /// W074: the audio cache folder cannot be written.
    AudioCache { path: String, detail: String },
}

/// Which piece of a bulletin the speech engine was reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AudioPiece {
    /// The opening of a ward (its slug) on a date.
    Opening {
        ward: String,
        date: String,
    },
    /// An item, by its title.
    Item(String),
    Closing,
}

impl AudioPiece {
    fn name(&self, l: Lang) -> String {
        match self {
            AudioPiece::Opening { ward, date } => {
                tr!(
                    l,
                    "lời mở đầu ({ward}, {date})",
                    "the opening ({ward}, {date})"
                )
            }
            AudioPiece::Item(title) => tr!(l, "tin \"{title}\"", "the item \"{title}\""),
            AudioPiece::Closing => tr!(l, "lời kết", "the closing"),
        }
    }
}

impl From<BroadcastProblem> for Message {
    fn from(p: BroadcastProblem) -> Message {
        Message::Broadcast(p)
    }
}

impl BroadcastProblem {
    pub(super) fn code(&self) -> &'static str {
        use BroadcastProblem::*;
        match self {
            NotInGlossary { .. } => "W051",
            LeftOutOfScript { .. } => "W050",
            Unsayable { kind, .. } => {
                use crate::speech::DoubtKind;
                match kind {
                    DoubtKind::Url | DoubtKind::Email | DoubtKind::Emoji => "W053",
                    DoubtKind::Slash | DoubtKind::DecimalPoint | DoubtKind::Abbreviation => "W054",
                }
            }
            ItemCourtesy { .. } => "W055",
            LongSentence { .. } => "W056",
            BulletinTooLong { .. } => "W052",
            EngineMissing { .. } => "W070",
            EngineFailed { .. } => "W071",
            EngineTimedOut { .. } => "W072",
            EngineNoAudio { .. } => "W073",
            AudioCache { .. } => "W074",
        }
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        use BroadcastProblem::*;
        match self {
            EngineMissing { program } => (
                tr!(
                    l,
                    "không tìm thấy chương trình đọc \"{program}\": bản tin chưa có âm thanh",
                    "the speech engine \"{program}\" is not installed: the bulletins have no audio"
                ),
                tr!(
                    l,
                    "cài espeak-ng (Debian, Ubuntu: sudo apt-get install espeak-ng; Windows: bộ cài espeak-ng, rồi mở lại cửa sổ lệnh) hoặc sửa [broadcast.audio] command trong site.toml; bản chữ (.txt, .ssml) vẫn được ghi như thường",
                    "install espeak-ng (Debian, Ubuntu: sudo apt-get install espeak-ng; Windows: the espeak-ng installer, then open a new terminal) or change [broadcast.audio] command in site.toml; the text (.txt, .ssml) is written as usual"
                ),
            ),
            EngineFailed {
                piece,
                status,
                said,
            } => {
                let piece = piece.name(l);
                (
                    tr!(
                        l,
                        "chương trình đọc lỗi ({status}) khi đọc {piece}: {said}",
                        "the speech engine failed ({status}) on {piece}: {said}"
                    ),
                    tr!(
                        l,
                        "các bản tin có đoạn này chưa có âm thanh; thử chạy lệnh [broadcast.audio] command bằng tay để xem lỗi",
                        "the bulletins with this piece have no audio; run the [broadcast.audio] command by hand to see the error"
                    ),
                )
            }
            EngineTimedOut { piece, seconds } => {
                let piece = piece.name(l);
                (
                    tr!(
                        l,
                        "chương trình đọc chạy quá {seconds} giây khi đọc {piece} và đã bị dừng",
                        "the speech engine ran past {seconds} seconds on {piece} and was stopped"
                    ),
                    tr!(
                        l,
                        "các bản tin có đoạn này chưa có âm thanh; tăng [broadcast.audio] timeout nếu máy chậm",
                        "the bulletins with this piece have no audio; raise [broadcast.audio] timeout on a slow machine"
                    ),
                )
            }
            EngineNoAudio { piece, detail } => {
                let piece = piece.name(l);
                (
                    tr!(
                        l,
                        "chương trình đọc không ghi ra âm thanh dùng được cho {piece}: {detail}",
                        "the speech engine wrote no usable audio for {piece}: {detail}"
                    ),
                    tr!(
                        l,
                        "lệnh phải ghi tệp WAV PCM 16 bit vào {{wav}}",
                        "the command must write a 16-bit PCM WAV file to {{wav}}"
                    ),
                )
            }
            AudioCache { path, detail } => (
                tr!(
                    l,
                    "không ghi được thư mục âm thanh {path}: {detail}",
                    "cannot write the audio folder {path}: {detail}"
                ),
                tr!(
                    l,
                    "kiểm tra quyền ghi trong thư mục trang web; bản chữ vẫn được ghi như thường",
                    "check that the site folder can be written; the text is written as usual"
                ),
            ),
            NotInGlossary { token } => (
                tr!(
                    l,
                    "{token}: chưa có trong bảng từ viết tắt; phát thanh viên sẽ đọc từng chữ cái",
                    "{token}: not in the glossary; it would be read letter by letter"
                ),
                tr!(
                    l,
                    "thêm nó vào [glossary] trong site.toml kèm cách đọc, hoặc viết đầy đủ",
                    "add it to [glossary] in site.toml with its spoken form, or write it out"
                ),
            ),
            LeftOutOfScript { part } => {
                use crate::speech::Skipped;
                let (vi, en) = match part {
                    Skipped::Table => ("bảng", "a table"),
                    Skipped::CodeBlock => ("đoạn mã", "a code block"),
                    Skipped::Html => ("mã HTML", "raw HTML"),
                    Skipped::Image => ("hình ảnh", "an image"),
                    Skipped::Footnote => ("chú thích cuối trang", "a footnote"),
                };
                (
                    tr!(
                        l,
                        "{vi} không được đọc trên loa",
                        "{en} is left out of the spoken script"
                    ),
                    tr!(
                        l,
                        "cổng thông tin vẫn hiển thị phần này; bản tin phát thanh bỏ qua nó",
                        "the portal shows it; the loudspeaker script leaves it out"
                    ),
                )
            }
            Unsayable { kind, token } => unsayable_texts(l, *kind, token),
            ItemCourtesy { words } => (
                tr!(
                    l,
                    "\"{words}\": lời chào, lời cảm ơn riêng của tin bị bỏ khỏi bản tin",
                    "\"{words}\": an item's own greeting or thanks is left out of the bulletin"
                ),
                tr!(
                    l,
                    "bản tin chỉ có một lời mở đầu và một lời kết (của đài, trong site.toml); nghe giữa chừng, lời chào hay lời cảm ơn làm bà con tưởng bản tin đã hết. Bỏ câu này khỏi tin",
                    "a bulletin has one opening and one closing (the station's, in site.toml); in the middle, a greeting or thanks makes listeners think it is over. Remove it from the item"
                ),
            ),
            LongSentence { syllables, limit } => (
                tr!(
                    l,
                    "câu dài {syllables} âm tiết, quá một hơi đọc (khoảng {limit})",
                    "a sentence of {syllables} syllables, longer than one breath (about {limit})"
                ),
                tr!(
                    l,
                    "tách thành hai, ba câu ngắn để phát thanh viên đọc rõ và bà con nghe kịp",
                    "split it into two or three short sentences so the announcer reads it clearly and listeners follow"
                ),
            ),
            BulletinTooLong {
                date,
                ward,
                slot,
                lasts,
                slot_length,
                more,
                items,
            } => {
                let items = items.join(", ");
                let more_vi = if *more > 0 {
                    format!(" (và {more} bản tin khác)")
                } else {
                    String::new()
                };
                let more_en = if *more > 0 {
                    format!(" (and {more} other bulletins)")
                } else {
                    String::new()
                };
                (
                    tr!(
                        l,
                        "bản tin ngày {date} của {ward} ({slot}) dài {lasts}, quá thời lượng buổi phát {slot_length}{more_vi}; các tin không đủ giờ: {items}",
                        "the bulletin of {date} for {ward} ({slot}) lasts {lasts} but the slot has {slot_length}{more_en}; these items do not fit: {items}"
                    ),
                    tr!(
                        l,
                        "rút gọn các tin, chuyển sang buổi khác hoặc bớt ngày phát, hoặc tăng thời lượng buổi phát trong site.toml",
                        "shorten the items, give them another slot or fewer days, or lengthen the slot in site.toml"
                    ),
                )
            }
        }
    }
}

fn unsayable_texts(l: Lang, kind: crate::speech::DoubtKind, token: &str) -> (String, String) {
    use crate::speech::DoubtKind;
    match kind {
        DoubtKind::Url | DoubtKind::Email => {
            let (vi, en) = match kind {
                DoubtKind::Url => ("địa chỉ web", "a web address"),
                _ => ("địa chỉ thư điện tử", "an e-mail address"),
            };
            (
                tr!(
                    l,
                    "{token}: {vi} không đọc được trên loa; bản tin bỏ qua nó",
                    "{token}: {en} cannot be read over the loudspeakers; the script leaves it out"
                ),
                tr!(
                    l,
                    "nói bằng lời nơi bà con tìm thông tin (ví dụ: trên cổng thông tin của phường) hoặc một số điện thoại, hoặc viết broadcast.text",
                    "say in words where listeners find it (e.g. on the ward's portal) or give a phone number, or write a broadcast.text"
                ),
            )
        }
        DoubtKind::Emoji => (
            tr!(
                l,
                "{token}: biểu tượng không đọc được trên loa; bản tin bỏ qua nó",
                "{token}: an emoji cannot be read over the loudspeakers; the script leaves it out"
            ),
            tr!(
                l,
                "viết thành lời điều biểu tượng muốn nói",
                "write in words what the emoji means"
            ),
        ),
        DoubtKind::Slash => (
            tr!(
                l,
                "{token}: không rõ là ngày hay phân số; loa đọc là phân số",
                "{token}: not clearly a date; the script reads it as a fraction"
            ),
            tr!(
                l,
                "nếu là ngày, viết \"ngày {token}\"; nếu là số nhà, viết \"số {token}\"",
                "for a date write \"ngày {token}\"; for a house number write \"số {token}\""
            ),
        ),
        DoubtKind::Abbreviation => (
            tr!(
                l,
                "{token}: chữ viết tắt có hai nghĩa; loa đọc theo phỏng đoán (CP: Chính phủ)",
                "{token}: an abbreviation with two meanings; the script reads it by a guess (CP: Chính phủ)"
            ),
            tr!(
                l,
                "viết đầy đủ: \"cổ phần\" hay \"Chính phủ\"",
                "write it out: \"cổ phần\" or \"Chính phủ\""
            ),
        ),
        DoubtKind::DecimalPoint => (
            tr!(
                l,
                "{token}: dấu chấm thập phân kiểu tiếng Anh; loa đọc là \"phẩy\"",
                "{token}: a decimal point typed the English way; the script reads it \"phẩy\""
            ),
            tr!(
                l,
                "tiếng Việt dùng dấu phẩy thập phân: viết 12,5% thay cho 12.5%",
                "Vietnamese writes a decimal comma: write 12,5% rather than 12.5%"
            ),
        ),
    }
}
