use super::*;

#[test]
fn chooses_option_then_env_then_site_language() {
    assert_eq!(
        Lang::choose(Some(Lang::En), Some("vi"), Some("vi")),
        Lang::En
    );
    assert_eq!(
        Lang::choose(None, Some("en_US.UTF-8"), Some("vi")),
        Lang::En
    );
    assert_eq!(Lang::choose(None, None, Some("en")), Lang::En);
    assert_eq!(Lang::choose(None, Some("fr"), Some("fr")), Lang::Vi);
    assert_eq!(Lang::choose(None, None, None), Lang::Vi);
}

#[test]
fn renders_both_languages_with_the_same_code() {
    let m = Message::FrontMatter(FrontMatterProblem::FinesDoNotAddUp {
        total: "2.000.000".into(),
        sum: "1.000.000".into(),
    });
    assert_eq!(m.code(), "E027");
    let (vi, _) = m.render(Lang::Vi);
    let (en, _) = m.render(Lang::En);
    assert_eq!(
        vi,
        "total_fine ghi 2.000.000 đồng nhưng cộng các khoản phạt được 1.000.000 đồng"
    );
    assert_eq!(
        en,
        "total_fine is 2.000.000 but the fines add up to 1.000.000"
    );
}

#[test]
fn vietnamese_text_is_nfc() {
    use unicode_normalization::UnicodeNormalization;
    let m = Message::FrontMatter(FrontMatterProblem::MissingField {
        kind: "campaign",
        field: "period".into(),
        example: "period: {start: 2025-05-01, end: 2025-05-31}".into(),
        draft: false,
    });
    let (text, help) = m.render(Lang::Vi);
    assert_eq!(text, "chiến dịch cần có trường \"period\"");
    let help = help.unwrap_or_default();
    assert_eq!(help.nfc().collect::<String>(), help);
    assert_eq!(text.nfc().collect::<String>(), text);
}

#[test]
fn translates_serde_type_names() {
    assert_eq!(vi_type("string \"nặng\""), "văn bản \"nặng\"");
    assert_eq!(vi_type("i64"), "một số nguyên");
    assert_eq!(vi_type("something odd"), "something odd");
}

#[test]
fn says_which_folder_is_held_open_and_what_to_close() {
    let m = Message::Output(OutputProblem::HeldOpen {
        folder: PathBuf::from("C:\\Users\\VanThu\\atvsld\\public"),
        seconds: 3,
    });
    assert_eq!(m.code(), "E080");
    let (vi, help) = m.render(Lang::Vi);
    assert_eq!(
        vi,
        "không thay được thư mục C:\\Users\\VanThu\\atvsld\\public: một chương trình khác đang mở thư mục này hoặc một tệp trong đó (đã thử lại trong 3 giây)"
    );
    assert!(help.unwrap_or_default().contains("File Explorer"));
}

#[test]
fn a_held_folder_is_not_summed_up_as_errors_in_the_site_files() {
    let held = crate::error::Diagnostic::new(
        Message::Output(OutputProblem::HeldOpen {
            folder: PathBuf::from("public"),
            seconds: 3,
        }),
        None,
    );
    assert_eq!(
        crate::error::build_summary(&[held], Lang::Vi),
        "chưa thay được cổng thông tin; bản đang có vẫn giữ nguyên"
    );
}
