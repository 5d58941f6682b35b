//! People in violation notices: names without a legal basis, personal numbers, details,
//! retention (E028, E029, E036, E037, W030–W032).

use super::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrivacyProblem {
    /// E028
    NameWithoutBasis,
    /// E029
    PersonalNumber { what: PersonalNumber, found: String },
    /// E036: a notice's subject reads as a person (or a household business) but is
    /// declared an organization, so it would be published in full.
    SubjectIsAPerson { subject: String, household: bool },
    /// E037: an alias (an old address, still published as a redirect) holds the name of
    /// the person a notice masks.
    NameInAlias { alias: String },
    /// W030: another person's name in a violation notice (a witness, a worker).
    OtherPersonInNotice { name: String },
    /// W031: an individual's address or landline number in a violation notice.
    PersonalDetailInNotice { found: String },
    /// W032: a notice that left every output on the build date (retention).
    NoticeRetired { since: String, months: u32 },
}

impl From<PrivacyProblem> for Message {
    fn from(p: PrivacyProblem) -> Message {
        Message::Privacy(p)
    }
}

impl PrivacyProblem {
    pub(super) fn code(&self) -> &'static str {
        use PrivacyProblem::*;
        match self {
            NameWithoutBasis => "E028",
            PersonalNumber { .. } => "E029",
            SubjectIsAPerson { .. } => "E036",
            NameInAlias { .. } => "E037",
            OtherPersonInNotice { .. } => "W030",
            PersonalDetailInNotice { .. } => "W031",
            NoticeRetired { .. } => "W032",
        }
    }

    pub(super) fn texts(&self, l: Lang) -> (String, String) {
        use PrivacyProblem::*;
        match self {
            NameWithoutBasis => (
                tr!(
                    l,
                    "publish_name cần có publication_basis",
                    "publish_name needs publication_basis"
                ),
                tr!(
                    l,
                    "ghi rõ căn cứ (quyết định hoặc điều luật) cho phép công khai tên người vi phạm, ví dụ publication_basis: \"Điều ... Nghị định ...\"",
                    "say under which decision or law the person's name may be published, e.g. publication_basis: \"Điều ... Nghị định ...\""
                ),
            ),
            PersonalNumber { what, found } => {
                let (vi, en) = match what {
                    self::PersonalNumber::CitizenId => {
                        ("số căn cước công dân", "a citizen-ID number")
                    }
                    self::PersonalNumber::Phone => {
                        ("số điện thoại cá nhân", "a personal phone number")
                    }
                };
                (
                    tr!(
                        l,
                        "không được công bố {vi} \"{found}\" trong thông báo xử lý vi phạm",
                        "{en} \"{found}\" must not be published in a violation notice"
                    ),
                    tr!(
                        l,
                        "xóa số này: thông báo không bao giờ ghi số căn cước công dân hay số điện thoại cá nhân",
                        "remove it: notices never show citizen-ID numbers or personal phone numbers"
                    ),
                )
            }
            SubjectIsAPerson {
                subject,
                household: false,
            } => (
                tr!(
                    l,
                    "\"{subject}\" là tên một người, nhưng subject_type ghi là organization: tên đầy đủ sẽ bị công khai",
                    "\"{subject}\" is a person's name, but subject_type says organization: the full name would be published"
                ),
                tr!(
                    l,
                    "nếu đối tượng là cá nhân, ghi subject_type: individual (tên chỉ hiện chữ cái đầu, ví dụ N.V.H.); nếu là doanh nghiệp, ghi đủ tên đăng ký, ví dụ subject: \"Công ty TNHH ...\"",
                    "for a person write subject_type: individual (only initials are shown, e.g. N.V.H.); for a company write its registered name, e.g. subject: \"Công ty TNHH ...\""
                ),
            ),
            SubjectIsAPerson {
                subject,
                household: true,
            } => (
                tr!(
                    l,
                    "\"{subject}\" là hộ kinh doanh mang tên chủ hộ, nhưng subject_type ghi là organization",
                    "\"{subject}\" is a household business named after its owner, but subject_type says organization"
                ),
                tr!(
                    l,
                    "ghi subject_type: household: tên chủ hộ chỉ hiện chữ cái đầu (Hộ kinh doanh T.T.L.)",
                    "write subject_type: household: the owner's name is shown by initials (Hộ kinh doanh T.T.L.)"
                ),
            ),
            NameInAlias { alias } => (
                tr!(
                    l,
                    "địa chỉ cũ \"{alias}\" chứa tên người bị xử phạt và sẽ vẫn được đăng",
                    "the old address \"{alias}\" holds the name of the person fined and would still be published"
                ),
                tr!(
                    l,
                    "xóa địa chỉ này khỏi aliases; nếu nó đã được đăng, đề nghị quản trị cổng thông tin gỡ trang cũ",
                    "remove it from aliases; if it was ever published, ask the portal's administrator to take the old page down"
                ),
            ),
            OtherPersonInNotice { name } => (
                tr!(
                    l,
                    "thông báo xử lý vi phạm có tên người \"{name}\"",
                    "the violation notice names a person, \"{name}\""
                ),
                tr!(
                    l,
                    "chỉ tên đối tượng bị xử lý (subject) được tự động viết tắt; tên người làm chứng, người lao động... hãy bỏ đi hoặc viết tắt (N.V.A.)",
                    "only the subject's name is masked automatically; remove or abbreviate (N.V.A.) the names of witnesses, workers and others"
                ),
            ),
            PersonalDetailInNotice { found } => (
                tr!(
                    l,
                    "thông báo về cá nhân có địa chỉ hoặc số điện thoại riêng: \"{found}\"",
                    "a notice about an individual gives an address or a phone number: \"{found}\""
                ),
                tr!(
                    l,
                    "không công bố nơi ở hay số điện thoại của cá nhân; chỉ ghi phường nơi xảy ra vi phạm (ward)",
                    "do not publish where a person lives or their phone number; give only the ward where the violation happened (ward)"
                ),
            ),
            NoticeRetired { since, months } => (
                tr!(
                    l,
                    "thông báo này đã hết thời hạn đăng ({months} tháng) từ ngày {since}: đã gỡ khỏi trang, danh sách, tìm kiếm và bản tin",
                    "this notice reached its retention period ({months} months) on {since}: it has left the pages, lists, search and bulletins"
                ),
                tr!(
                    l,
                    "không cần làm gì; có thể chuyển tệp ra khỏi content/ để lưu trữ",
                    "nothing to do; you may move the file out of content/ to archive it"
                ),
            ),
        }
    }
}
