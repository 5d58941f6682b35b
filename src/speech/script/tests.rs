//! Scripts from markdown and from hand-written text, line numbers of warnings.

use super::*;

fn script(markdown: &str) -> Script {
    script_from_markdown(markdown, 1, &Glossary::builtin())
}

/// The paragraphs of the script of `markdown`, checked against `expected`.
#[track_caller]
fn assert_paragraphs(markdown: &str, expected: &[&str]) {
    assert_eq!(script(markdown).paragraphs, expected, "{markdown:?}");
}

/// Each warning as its line and its English message.
fn messages(script: &Script) -> Vec<(usize, String)> {
    script
        .warnings
        .iter()
        .map(|w| (w.line, w.message()))
        .collect()
}

/// Each warning as its line and its issue.
fn issues(script: Script) -> Vec<(usize, ScriptIssue)> {
    script
        .warnings
        .into_iter()
        .map(|w| (w.line, w.issue))
        .collect()
}

/// Numbered items are read "Một là, …" from their own starting number, bullets and
/// loose items become sentences, nested lists read parent then children, headings
/// become lead-ins.
#[test]
fn blocks_become_spoken_paragraphs() {
    let cases: [(&str, &[&str]); 5] = [
        // numbered items are read "Một là, …", "Hai là, …"
        (
            "Nhiệm vụ:\n\n1. Tuyên truyền về ATVSLĐ\n2. Kiểm tra 15 doanh nghiệp;\n",
            &[
                "Nhiệm vụ:",
                "Một là, Tuyên truyền về an toàn, vệ sinh lao động.",
                "Hai là, Kiểm tra mười lăm doanh nghiệp.",
            ],
        ),
        // numbered list keeps its starting number and loose items
        (
            "3. Ba\n\n4. Bốn\n\n   Thêm ý.\n",
            &["Ba là, Ba.", "Bốn là, Bốn.", "Thêm ý."],
        ),
        // bullet items become sentences
        (
            "- đội mũ bảo hộ\n- đeo dây an toàn khi làm việc ở độ cao từ 2m trở lên!\n",
            &[
                "Đội mũ bảo hộ.",
                "Đeo dây an toàn khi làm việc ở độ cao từ hai mét trở lên!",
            ],
        ),
        // nested lists read parent then children
        (
            "1. Phòng Y tế:\n   - khám BNN\n   - quan trắc\n2. Công an\n",
            &[
                "Một là, Phòng Y tế:",
                "Khám bệnh nghề nghiệp.",
                "Quan trắc.",
                "Hai là, Công an.",
            ],
        ),
        // headings become lead-ins
        (
            "# I. MỤC ĐÍCH, YÊU CẦU\n\n## KẾ HOẠCH TUYÊN TRUYỀN ATVSLĐ NĂM 2025\n\n### Lịch phát thanh\n\nNội dung.\n",
            &[
                "Phần một. Mục đích, yêu cầu.",
                "Kế hoạch tuyên truyền an toàn, vệ sinh lao động năm hai nghìn không trăm hai mươi lăm.",
                "Lịch phát thanh.",
                "Nội dung.",
            ],
        ),
    ];
    for (markdown, expected) in cases {
        assert_paragraphs(markdown, expected);
    }
}

#[test]
fn links_keep_text_and_emphasis_is_dropped() {
    let markdown = "Xem [Kế hoạch số 52/KH-UBND](/van-ban/52) và **gọi 114** _ngay_.";
    let expected = ["Xem Kế hoạch số năm mươi hai và gọi một một bốn ngay."];
    assert_paragraphs(markdown, &expected);
    assert!(script(markdown).warnings.is_empty());
}

#[test]
fn table_is_left_out_with_a_warning_on_its_line() {
    let markdown = "Số liệu:\n\n| Năm | Vụ |\n| --- | --- |\n| 2024 | 12 |\n\nHết.\n";
    let result = script_from_markdown(markdown, 10, &Glossary::builtin());
    assert_eq!(result.paragraphs, ["Số liệu:", "Hết."]);
    let expected = ScriptWarning {
        line: 12,
        issue: ScriptIssue::LeftOut(Skipped::Table),
    };
    assert_eq!(result.warnings, [expected]);
}

#[test]
fn images_code_and_html_are_left_out_with_warnings() {
    let markdown = "Ảnh ![công nhân](a.jpg) đẹp.\n\n```\ncode 1\n```\n\n<div>x</div>\n\nA<br>b\n\n<!-- ghi chú -->\n\nHết <!-- x --> rồi.\n";
    let result = script(markdown);
    assert_eq!(result.paragraphs, ["Ảnh đẹp.", "A b", "Hết rồi."]);
    let found = messages(&result);
    let expected = [
        (1, "an image is left out of the spoken script"),
        (3, "a code block is left out of the spoken script"),
        (7, "raw HTML is left out of the spoken script"),
        (9, "raw HTML is left out of the spoken script"),
    ]
    .map(|(l, m)| (l, m.to_owned()));
    assert_eq!(found, expected);
}

#[test]
fn unknown_abbreviation_warns_on_its_own_line() {
    let markdown = "# Thông báo\n\nCông nhân cần biết\nvề TNLX và TNLĐ.\n\n- Liên hệ HP\n";
    let result = script_from_markdown(markdown, 5, &Glossary::builtin());
    let expected = [
        ScriptWarning {
            line: 8,
            issue: ScriptIssue::NotInGlossary("TNLX".into()),
        },
        ScriptWarning {
            line: 10,
            issue: ScriptIssue::NotInGlossary("HP".into()),
        },
    ];
    assert_eq!(result.warnings, expected);
    assert_eq!(
        result.paragraphs[1],
        "Công nhân cần biết về tê nờ lờ ích và tai nạn lao động."
    );
}

/// Issue 17: the script reads markdown as the portal does, so a heading's `{#id}`
/// and a footnote mark are markup, not words.
#[test]
fn script_reads_markdown_with_the_portals_options() {
    let markdown = "## Tiêu đề {#tieu-de}\n\nCó 5 người[^1] đã ~~không~~ khám.\n\n- [x] xong\n\n[^1]: Theo báo cáo.\n";
    let result = script(markdown);
    assert_eq!(
        result.paragraphs,
        ["Tiêu đề.", "Có năm người đã không khám.", "Xong."]
    );
    let found = messages(&result);
    let expected = [(7, "a footnote is left out of the spoken script".to_owned())];
    assert_eq!(found, expected);
}

/// Issue 17: what a script cannot say is reported on its line.
#[test]
fn addresses_emoji_and_guesses_warn_on_their_lines() {
    let markdown = "Xem thông báo.\n\nGửi về a@b.vn 👷\nhoặc https://x.vn.\n\n- 2/3 đã khắc phục\n";
    let found = messages(&script(markdown));
    let expected = [
        (
            3,
            "a@b.vn: an e-mail address is left out of the spoken script",
        ),
        (3, "👷: an emoji is left out of the spoken script"),
        (
            4,
            "https://x.vn: a web address is left out of the spoken script",
        ),
        (6, "2/3: not clearly a date; it is read as a fraction"),
    ]
    .map(|(l, m)| (l, m.to_owned()));
    assert_eq!(found, expected);
}

#[test]
fn empty_and_blank_markdown_give_an_empty_script() {
    for markdown in ["", "\n\n", "---\n", "![x](y.png)"] {
        assert!(script(markdown).paragraphs.is_empty(), "{markdown:?}");
    }
}

#[test]
fn hand_written_text_gives_one_paragraph_per_line() {
    let text = "Nhắc bà con!\n\n- đội mũ bảo hộ;\nGọi 114 khi có cháy, nổ. Hỏi XYZ.\n";
    let result = script_from_text(text, 20, &Glossary::builtin());
    let expected = [
        "Nhắc bà con!",
        "Đội mũ bảo hộ.",
        "Gọi một một bốn khi có cháy, nổ. Hỏi ích i dài dét.",
    ];
    assert_eq!(result.paragraphs, expected);
    let lines: Vec<usize> = result.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [23]);
}

/// Issue 17: an item's own greeting and thanks are left out (the bulletin has the
/// station's), and a sentence that only points at a link is not read.
#[test]
fn item_courtesies_and_link_pointers_are_left_out() {
    let markdown = "Kính thưa bà con, trạm y tế khám miễn phí.\n\nXem thêm hướng dẫn trong [Kế hoạch](/k/). Mang thẻ BHYT.\n\nXem [Kế hoạch 52](/k/) và gọi 114.\n\nXin cảm ơn bà con.\n";
    let result = script(markdown);
    let expected = [
        "Trạm y tế khám miễn phí.",
        "Mang thẻ bảo hiểm y tế.",
        "Xem Kế hoạch năm mươi hai và gọi một một bốn.",
    ];
    assert_eq!(result.paragraphs, expected);
    let found = issues(result);
    let expected = [
        (1, ScriptIssue::Courtesy("Kính thưa bà con,".into())),
        (7, ScriptIssue::Courtesy("Xin cảm ơn bà con.".into())),
    ];
    assert_eq!(found, expected);
}

#[test]
fn awkward_bodies_are_scripted_without_panicking() {
    let bodies = [
        "Kính thưa",
        "Kính thưa bà con",
        "Xin cảm ơn bà con",
        "[Xem](x)",
        "Xem [](x).",
        "Xem [a](x)[b](y). Kính thưa bà con, [c](z).",
        "Kính thưa ẞ bà con! Ǆ. Xem thêm [İ](x).",
        "(((((",
        "(Kính thưa bà con)",
        "- Kính thưa bà con,\n- Xin cảm ơn bà con.\n",
        "# Kính thưa bà con\n\n> Xem [x](y)\n",
    ];
    for body in bodies {
        let _ = script(body);
        let _ = script_from_text(body, 1, &Glossary::builtin());
    }
}

#[test]
fn long_sentences_are_warned() {
    let long = "Một hai ba bốn năm sáu bảy tám chín mười ".repeat(5);
    let result = script_from_text(&format!("{long}. Ngắn."), 3, &Glossary::builtin());
    assert_eq!(issues(result), [(3, ScriptIssue::LongSentence(50))]);
    // In markdown, the warning names the line where the long sentence starts.
    let markdown = format!("Ngắn.\nVẫn ngắn.\n{long}\nhết.\n");
    let found = issues(script_from_markdown(&markdown, 5, &Glossary::builtin()));
    assert_eq!(found, [(7, ScriptIssue::LongSentence(51))]);
}

#[test]
fn ends_sentences_once() {
    let cases = [
        ("a", "a."),
        ("a.", "a."),
        ("a;", "a."),
        ("a,", "a."),
        ("a:", "a:"),
        ("a?", "a?"),
        ("", ""),
        (";", ""),
    ];
    for (text, expected) in cases {
        assert_eq!(end_sentence(text), expected, "{text:?}");
    }
}
