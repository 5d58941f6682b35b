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
