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

impl Channel {
    /// The channel's name as pages and the annual report print it.
    pub fn label_vi(self) -> &'static str {
        match self {
            Channel::Web => "Cổng thông tin điện tử",
            Channel::Loa => "Loa truyền thanh cơ sở",
            Channel::Social => "Mạng xã hội",
        }
    }
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ViolationStatus {
    XuPhatHanhChinh,
    TruyTo,
    XetXu,
    DaKhacPhuc,
}

impl ViolationStatus {
    pub const ALL: [ViolationStatus; 4] = [
        ViolationStatus::XuPhatHanhChinh,
        ViolationStatus::TruyTo,
        ViolationStatus::XetXu,
        ViolationStatus::DaKhacPhuc,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ViolationStatus::XuPhatHanhChinh => "xu-phat-hanh-chinh",
            ViolationStatus::TruyTo => "truy-to",
            ViolationStatus::XetXu => "xet-xu",
            ViolationStatus::DaKhacPhuc => "da-khac-phuc",
        }
    }

    /// The id, or the words an office writes for it: the label the portal shows
    /// ("Đã xử phạt vi phạm hành chính"), shorter forms ("Đã xử phạt", "truy tố"), with
    /// or without accents.
    pub fn parse(s: &str) -> Option<ViolationStatus> {
        let words = crate::slug::slugify(s);
        let words = words.strip_prefix("da-").unwrap_or(&words);
        let words = words.strip_prefix("bi-").unwrap_or(words);
        Self::ALL.into_iter().find(|st| {
            let id = st.id();
            let label = crate::slug::slugify(st.label_vi());
            words == id
                || words == id.strip_prefix("da-").unwrap_or(id)
                || label.ends_with(words)
                || label.contains(&format!("{words}-"))
        })
    }
    pub fn label_vi(self) -> &'static str {
        match self {
            ViolationStatus::XuPhatHanhChinh => "Đã xử phạt vi phạm hành chính",
            ViolationStatus::TruyTo => "Đã chuyển cơ quan điều tra, truy tố",
            ViolationStatus::XetXu => "Đã đưa ra xét xử",
            ViolationStatus::DaKhacPhuc => "Đã khắc phục vi phạm",
        }
    }
}

impl<'de> Deserialize<'de> for ViolationStatus {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ViolationStatus::parse(&s).ok_or_else(|| {
            let ids: Vec<&'static str> = Self::ALL.iter().map(|st| st.id()).collect();
            // serde wants a 'static list; four names, leaked once per bad file.
            let ids: &'static [&'static str] = Box::leak(ids.into_boxed_slice());
            serde::de::Error::unknown_variant(&s, ids)
        })
    }
}

/// An amount in đồng as offices write it: `15000000`, `15.000.000`, `"15 000 000 đ"`,
/// `15.000.000 đồng`. Dots, spaces and commas group thousands in Vietnamese money; a
/// YAML number with one group (`15.000`, read as 15.0) means fifteen thousand.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Dong(pub u64);

impl Dong {
    pub fn parse(s: &str) -> Option<Dong> {
        let lower = s.trim().to_lowercase();
        let digits = ["đồng", "vnđ", "vnd", "đ"]
            .iter()
            .find_map(|unit| lower.strip_suffix(unit))
            .unwrap_or(&lower)
            .trim();
        let groups: Vec<&str> = digits.split(['.', ',', ' ']).collect();
        let grouped = groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3);
        if groups
            .iter()
            .any(|g| !g.bytes().all(|b| b.is_ascii_digit()))
            || (groups.len() > 1 && !grouped)
        {
            return None;
        }
        groups.concat().parse().ok().map(Dong)
    }
}

impl<'de> Deserialize<'de> for Dong {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Dong;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an amount in đồng, e.g. 15000000 or 15.000.000")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Dong, E> {
                Ok(Dong(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Dong, E> {
                u64::try_from(v)
                    .map(Dong)
                    .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Dong, E> {
                let thousands = v * 1000.0;
                if v >= 0.0 && thousands.fract() == 0.0 && thousands < u64::MAX as f64 {
                    Ok(Dong(thousands as u64))
                } else {
                    Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
                }
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Dong, E> {
                Dong::parse(v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_any(Visitor)
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
    pub fine: Dong,
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
    pub total_fine: Option<Dong>,
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
