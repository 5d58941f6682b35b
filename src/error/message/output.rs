//! The output folder itself, when a build cannot put the new portal in place (E080).

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputProblem {
    /// E080: renaming the output folder kept failing because another program holds it
    /// or a file in it open (Windows only: File Explorer, a browser, a console whose
    /// current folder is inside it). `seconds` is how long loa kept trying.
    HeldOpen { folder: PathBuf, seconds: u64 },
}

impl From<OutputProblem> for Message {
    fn from(p: OutputProblem) -> Message {
        Message::Output(p)
    }
}

impl OutputProblem {
    pub(super) fn code(&self) -> &'static str {
        match self {
            OutputProblem::HeldOpen { .. } => "E080",
        }
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        match self {
            OutputProblem::HeldOpen { folder, seconds } => {
                let folder = folder.display();
                (
                    tr!(
                        l,
                        "không thay được thư mục {folder}: một chương trình khác đang mở thư mục này hoặc một tệp trong đó (đã thử lại trong {seconds} giây)",
                        "cannot replace the folder {folder}: another program has it or a file in it open (tried again for {seconds} seconds)"
                    ),
                    tr!(
                        l,
                        "đóng cửa sổ File Explorer đang mở thư mục đó, tệp đang xem trong trình duyệt hoặc Word, cửa sổ PowerShell hay cmd đang đứng trong thư mục đó, rồi chạy lại lệnh; cổng thông tin cũ vẫn còn nguyên",
                        "close the File Explorer window showing it, any file from it open in a browser or Word, and any PowerShell or cmd window whose current folder is inside it, then run the command again; the published portal is unchanged"
                    ),
                )
            }
        }
    }
}
