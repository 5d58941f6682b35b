use super::*;

#[test]
fn finds_citizen_ids_and_mobile_numbers() {
    let found = personal_numbers(
        "CCCD 001234567890, ĐT 0912.345.678, hotline 0225.3842.123, phạt 15000000",
    );
    let kinds: Vec<PersonalNumber> = found.iter().map(|f| f.2).collect();
    assert_eq!(kinds, [PersonalNumber::CitizenId, PersonalNumber::Phone]);
}

#[test]
fn makes_asset_urls() {
    assert_eq!(asset_url("anh/a.png"), "/assets/anh/a.png");
    assert_eq!(asset_url("/static/a.png"), "/static/a.png");
    assert_eq!(asset_url("assets/anh/a.png"), "/assets/anh/a.png");
    assert_eq!(asset_url("anh\\a.png"), "/assets/anh/a.png");
}

#[test]
fn aliases_may_not_leave_the_site() {
    assert!(is_safe_alias("/tin-tuc/bai-cu/"));
    assert!(!is_safe_alias("../../etc/passwd"));
    assert!(!is_safe_alias("/a/../../b"));
    assert!(!is_safe_alias("https://evil.example/"));
    assert_eq!(normalize_alias("old/page"), "/old/page/");
    assert_eq!(normalize_alias("/old.html"), "/old.html");
}

#[test]
fn tells_a_path_on_the_computer_from_a_site_path() {
    let cases = [
        ("C:\\Users\\VanThu\\Pictures\\anh.jpg", true),
        ("d:/anh/a.png", true),
        ("\"C:\\Users\\a.jpg\"", true),
        ("\\\\may-chu\\chung\\a.pdf", true),
        ("file:///C:/anh/a.png", true),
        ("anh\\a.png", false),
        ("anh/a.png", false),
        ("/assets/anh/a.png", false),
        ("https://atvsld.gov.vn/a.png", false),
        ("C:", false),
    ];
    for (path, on_computer) in cases {
        assert_eq!(is_path_on_computer(path), on_computer, "{path}");
    }
}
