use super::*;

#[test]
fn splits_sentences_and_labels_minutes() {
    assert_eq!(sentences("Một. Hai! Ba"), vec!["Một.", "Hai!", "Ba"]);
    assert_eq!(minutes_label(95), "1 phút 35 giây");
    assert_eq!(minutes_label(900), "15 phút");
    assert_eq!(seconds_for(180, 180, 0), 60);
    assert_eq!(seconds_for(181, 180, 0), 61);
    assert_eq!(
        seconds_for(180, 180, 3 * ITEM_BREAK_MS + PARAGRAPH_BREAK_MS),
        66
    );
}

#[test]
fn priority_word_is_not_said_twice() {
    let cases = [
        ("Khẩn: không khí lạnh", Priority::KhanCap, "không khí lạnh"),
        ("KHẨN CẤP - Cháy chợ", Priority::KhanCap, "Cháy chợ"),
        ("[Khẩn] Mưa lớn", Priority::KhanCap, "Mưa lớn"),
        (
            "Khẩn trương tiêm phòng",
            Priority::KhanCap,
            "Khẩn trương tiêm phòng",
        ),
        ("Khẩn:", Priority::KhanCap, "Khẩn:"),
        ("Khẩn: gió", Priority::ThongThuong, "Khẩn: gió"),
        ("Quan trọng: lịch mới", Priority::UuTien, "lịch mới"),
    ];
    for (title, priority, expected) in cases {
        assert_eq!(without_priority_word(title, priority), expected, "{title}");
    }
}

#[test]
fn finds_when_an_announced_event_is_over() {
    let day = |d| Date::new(2026, 12, d).expect("a date");
    let text = "Khám miễn phí\n- Thời gian: từ 7h30 - 11h00, Thứ 7, ngày 05/12/2026.\n";
    assert_eq!(event_end(text, day(1), day(5)), Some((day(5), (11, 0))));
    // A time on the first day on air is a report, not an invitation.
    let report = "Khoảng 9h15 ngày 1/12, một thợ xây bị ngã.";
    assert_eq!(event_end(report, day(1), day(5)), None);
    // A date without a time, or outside the window, says nothing.
    assert_eq!(event_end("Hạn chót 5/12.", day(1), day(5)), None);
    assert_eq!(event_end("Lúc 8h ngày 9/12.", day(1), day(5)), None);
    assert_eq!(
        clock_times("7h30, 14:00, 8h, 7g05, 25h, 3/4, ca2h"),
        [(7, 30), (14, 0), (8, 0), (7, 5)]
    );
    assert_eq!(
        written_dates("ngày 5/12 và 06/12/2025, số 31/2", 2026),
        [day(5), Date::new(2025, 12, 6).expect("a date")]
    );
}
