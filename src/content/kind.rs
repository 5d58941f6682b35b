//! The fixed kinds of content and the fields each kind adds to the common front matter.
//! Each kind's front matter is read into its own struct with unknown fields denied, so a
//! misspelt key fails at its line.

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// What a page is. Sections give it to their pages; a page may override it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Page,
    News,
    Campaign,
    ActionMonth,
    Model,
    Document,
    Broadcast,
    Violation,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Page,
        Kind::News,
        Kind::Campaign,
        Kind::ActionMonth,
        Kind::Model,
        Kind::Document,
        Kind::Broadcast,
        Kind::Violation,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::News => "news",
            Kind::Campaign => "campaign",
            Kind::ActionMonth => "action-month",
            Kind::Model => "model",
            Kind::Document => "document",
            Kind::Broadcast => "broadcast",
            Kind::Violation => "violation",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == s)
    }

    /// The Vietnamese name shown to readers.
    pub fn label_vi(self) -> &'static str {
        match self {
            Kind::Page => "Trang",
            Kind::News => "Tin tức",
            Kind::Campaign => "Chiến dịch",
            Kind::ActionMonth => "Tháng hành động",
            Kind::Model => "Gương điển hình",
            Kind::Document => "Văn bản",
            Kind::Broadcast => "Thông báo phát thanh",
            Kind::Violation => "Xử lý vi phạm",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Web,
    Loa,
    Social,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SubjectType {
    Organization,
    Individual,
    /// A household business (hộ kinh doanh), usually named after its owner: the owner's
    /// name is masked like an individual's.
    Household,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ViolationStatus {
    XuPhatHanhChinh,
    TruyTo,
    XetXu,
    DaKhacPhuc,
}

impl ViolationStatus {
    pub fn label_vi(self) -> &'static str {
        match self {
            ViolationStatus::XuPhatHanhChinh => "Đã xử phạt vi phạm hành chính",
            ViolationStatus::TruyTo => "Đã chuyển cơ quan điều tra, truy tố",
            ViolationStatus::XetXu => "Đã đưa ra xét xử",
            ViolationStatus::DaKhacPhuc => "Đã khắc phục vi phạm",
        }
    }
}

/// One event of a Safety Action Month's agenda.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub date: Date,
    #[serde(default)]
    pub time: Option<String>,
    pub title: String,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub organizer: Option<String>,
    #[serde(default)]
    pub ward: Option<String>,
}

/// One violation of a notice, with its legal basis and fine in đồng.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ViolationItem {
    pub description: String,
    #[serde(default)]
    pub legal_basis: Option<String>,
    #[serde(default)]
    pub fine: u64,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CampaignFields {
    pub period: Option<Period>,
    pub goal: Option<String>,
    pub channels: Vec<Channel>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ActionMonthFields {
    pub year: Option<i32>,
    pub theme: Option<String>,
    pub period: Option<Period>,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ModelFields {
    pub subject: Option<String>,
    pub subject_type: Option<SubjectType>,
    pub ward: Option<String>,
    pub achievements: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct DocumentFields {
    pub doc_type: Option<String>,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub issued: Option<Date>,
    pub effective: Option<Date>,
    #[serde(rename = "abstract")]
    pub abstract_: Option<String>,
    pub file: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ViolationFields {
    pub subject: Option<String>,
    pub subject_type: Option<SubjectType>,
    pub decision_no: Option<String>,
    pub decision_date: Option<Date>,
    pub issuer: Option<String>,
    pub violations: Vec<ViolationItem>,
    pub total_fine: Option<u64>,
    pub status: Option<ViolationStatus>,
    pub remedy: Option<String>,
    pub ward: Option<String>,
    pub publish_name: bool,
    pub publication_basis: Option<String>,
}

/// The fields a kind adds, after reading.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum KindFields {
    None,
    Campaign(CampaignFields),
    ActionMonth(ActionMonthFields),
    Model(ModelFields),
    Document(DocumentFields),
    Violation(ViolationFields),
}

impl KindFields {
    /// The single ward a model or violation is about.
    pub fn ward(&self) -> Option<&str> {
        match self {
            KindFields::Model(m) => m.ward.as_deref(),
            KindFields::Violation(v) => v.ward.as_deref(),
            _ => None,
        }
    }
}
