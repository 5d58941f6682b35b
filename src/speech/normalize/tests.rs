//! Tables of (written, spoken) for every category the normalizer handles, plus a
//! fuzz run over generated text: nothing panics and no digit is left unsaid.

use super::*;

/// The built-in glossary, parsed once for all tests of this module.
fn glossary() -> &'static Glossary {
    static GLOSSARY: std::sync::OnceLock<Glossary> = std::sync::OnceLock::new();
    GLOSSARY.get_or_init(Glossary::builtin)
}

fn say(text: &str) -> String {
    speak(text, glossary()).text
}

/// Runs a table and reports every failing row at once.
fn check(table: &[(&str, &str)]) {
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(written, expected)| {
            let said = say(written);
            (said != *expected)
                .then(|| format!("{written:?}\n   said     {said:?}\n   expected {expected:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn reads_integers() {
    check(&[
        ("0", "Không"),
        ("7", "Bảy"),
        ("19", "Mười chín"),
        ("31", "Ba mươi mốt"),
        ("44", "Bốn mươi tư"),
        ("55", "Năm mươi lăm"),
        ("104", "Một trăm linh bốn"),
        ("2005", "Hai nghìn không trăm linh năm"),
        ("8.286", "Tám nghìn hai trăm tám mươi sáu"),
        ("10.500", "Mười nghìn năm trăm"),
        ("1.000.001", "Một triệu không trăm linh một"),
        ("7.000.000.000", "Bảy tỷ"),
        ("1.000.000.000.000.000", "Một triệu tỷ"),
        ("2500000000000000", "Hai triệu năm trăm nghìn tỷ"),
        ("1.000.000.000.000.000.000", "Một tỷ tỷ"),
        ("05 người", "Năm người"),
        ("có 21 người", "có hai mươi mốt người"),
        ("mã 0123", "mã không một hai ba"),
        (
            "99999999999999999999",
            "Chín chín chín chín chín chín chín chín chín chín chín chín chín chín chín chín chín chín chín chín",
        ),
        ("tầng 3", "tầng ba"),
        ("trong 4 tháng", "trong bốn tháng"),
        (
            "Năm 2025 có 12 tháng.",
            "Năm hai nghìn không trăm hai mươi lăm có mười hai tháng.",
        ),
    ]);
}

#[test]
fn reads_decimals() {
    check(&[
        ("3,14", "Ba phẩy mười bốn"),
        ("0,05", "Không phẩy không năm"),
        ("1.234,5", "Một nghìn hai trăm ba mươi tư phẩy năm"),
        ("2,50", "Hai phẩy năm mươi"),
        ("0,3 mg/m3", "Không phẩy ba mi li gam trên mét khối"),
        ("3,14159", "Ba phẩy một bốn một năm chín"),
        ("công nghiệp 4.0", "công nghiệp bốn chấm không"),
        ("Điều 5.2", "Điều năm chấm hai"),
    ]);
}

#[test]
fn reads_percentages() {
    check(&[
        ("4%", "Bốn phần trăm"),
        ("4 %/năm", "Bốn phần trăm mỗi năm"),
        ("2,5%/năm", "Hai phẩy năm phần trăm mỗi năm"),
        ("100%", "Một trăm phần trăm"),
        ("3-5%", "Ba đến năm phần trăm"),
        ("~5% dân số", "khoảng năm phần trăm dân số"),
        ("tăng 0,5 điểm %", "tăng không phẩy năm điểm phần trăm"),
    ]);
}

#[test]
fn reads_dates() {
    check(&[
        (
            "20/12/2024",
            "Ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi tư",
        ),
        ("ngày 10/10", "ngày mồng mười tháng mười"),
        ("ngày 11/11", "ngày mười một tháng mười một"),
        (
            "Sáng 02/9, tại hội trường",
            "Sáng ngày mồng hai tháng chín, tại hội trường",
        ),
        ("mồng 5/5", "mồng năm tháng năm"),
        (
            "ngày 29/2/2023",
            "ngày hai mươi chín tháng hai năm hai nghìn không trăm hai mươi ba",
        ),
        (
            "19-3-2024",
            "Ngày mười chín tháng ba năm hai nghìn không trăm hai mươi tư",
        ),
        (
            "19.3.2024",
            "Ngày mười chín tháng ba năm hai nghìn không trăm hai mươi tư",
        ),
        (
            "ngày 20 tháng 12 năm 2024",
            "ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi tư",
        ),
        ("ngày 5 tháng 4", "ngày mồng năm tháng tư"),
        ("ngày 5 hằng tháng", "ngày mồng năm hằng tháng"),
        ("tháng 12", "tháng mười hai"),
        ("tháng 1", "tháng một"),
        (
            "Tháng 4/2025",
            "Tháng tư năm hai nghìn không trăm hai mươi lăm",
        ),
        ("5/2025", "Tháng năm năm hai nghìn không trăm hai mươi lăm"),
        (
            "Khai mạc lúc 7h30 ngày 5/5",
            "Khai mạc lúc bảy giờ ba mươi phút ngày mồng năm tháng năm",
        ),
        (
            "ngày 1/5 và 2/5",
            "ngày mồng một tháng năm và ngày mồng hai tháng năm",
        ),
        (
            "dịp lễ 30-4 và 1-5",
            "dịp lễ ngày ba mươi tháng tư và ngày mồng một tháng năm",
        ),
        ("từ 5-10 người", "từ năm đến mười người"),
        ("trực 24/7", "trực hai mươi tư trên bảy"),
        ("sáng 24/7", "sáng ngày hai mươi tư tháng bảy"),
    ]);
}

#[test]
fn reads_date_ranges() {
    check(&[
        (
            "từ ngày 1 - 31/5/2021",
            "từ ngày mồng một đến ba mươi mốt tháng năm năm hai nghìn không trăm hai mươi mốt",
        ),
        ("từ 15–20/6", "từ ngày mười lăm đến hai mươi tháng sáu"),
        ("ngày 1-5/7", "ngày mồng một đến mồng năm tháng bảy"),
        (
            "từ 01/5 - 31/5",
            "từ ngày mồng một tháng năm đến ngày ba mươi mốt tháng năm",
        ),
        (
            "từ ngày 1 đến ngày 5 tháng 6",
            "từ ngày mồng một đến ngày mồng năm tháng sáu",
        ),
        ("ngày 1 và 2/5", "ngày mồng một và ngày mồng hai tháng năm"),
        (
            "từ tháng 1 đến tháng 4/2025",
            "từ tháng một đến tháng tư năm hai nghìn không trăm hai mươi lăm",
        ),
    ]);
}

#[test]
fn reads_times() {
    check(&[
        ("7h", "Bảy giờ"),
        ("0h00", "Không giờ"),
        ("7h05", "Bảy giờ năm phút"),
        ("13h15", "Mười ba giờ mười lăm phút"),
        ("24h", "Hai mươi tư giờ"),
        ("7g30", "Bảy giờ ba mươi phút"),
        ("07:30", "Bảy giờ ba mươi phút"),
        (
            "lúc 14:30, 7:05",
            "lúc mười bốn giờ ba mươi phút, bảy giờ năm phút",
        ),
        ("7 giờ 30 phút", "Bảy giờ ba mươi phút"),
        (
            "từ 13h30-17h",
            "từ mười ba giờ ba mươi phút đến mười bảy giờ",
        ),
        (
            "Hạn chót: 17h00 ngày 20/12",
            "Hạn chót: mười bảy giờ ngày hai mươi tháng mười hai",
        ),
    ]);
}

#[test]
fn reads_year_ranges() {
    check(&[
        (
            "2021-2025",
            "Hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm",
        ),
        (
            "2024 – 2025",
            "Hai nghìn không trăm hai mươi tư đến hai nghìn không trăm hai mươi lăm",
        ),
        ("1900 -2000", "Một nghìn chín trăm đến hai nghìn"),
        (
            "năm 2025 —2026",
            "năm hai nghìn không trăm hai mươi lăm đến hai nghìn không trăm hai mươi sáu",
        ),
        ("18-60 tuổi", "Mười tám đến sáu mươi tuổi"),
        (
            "giai đoạn 2021 - nay",
            "giai đoạn hai nghìn không trăm hai mươi mốt đến nay",
        ),
        ("-5°C ban đêm", "âm năm độ xê ban đêm"),
        ("- 5 người", "Năm người"),
    ]);
}

#[test]
fn reads_money() {
    check(&[
        ("2.000.000 đồng", "Hai triệu đồng"),
        ("15.000đ/kg", "Mười lăm nghìn đồng mỗi ki lô gam"),
        ("15.000 đ", "Mười lăm nghìn đồng"),
        ("100.000 VNĐ/người", "Một trăm nghìn đồng mỗi người"),
        ("200.000 VND", "Hai trăm nghìn đồng"),
        ("2 triệu đồng/tháng", "Hai triệu đồng mỗi tháng"),
        ("1,5 tỷ đồng", "Một phẩy năm tỷ đồng"),
        ("50 USD", "Năm mươi đô la Mỹ"),
        ("phạt 2-3 triệu đồng", "phạt hai đến ba triệu đồng"),
    ]);
}

#[test]
fn reads_phone_numbers() {
    check(&[
        (
            "0912 345 678",
            "Không chín một hai, ba bốn năm, sáu bảy tám",
        ),
        (
            "0912-345-678",
            "Không chín một hai, ba bốn năm, sáu bảy tám",
        ),
        (
            "024.3942.1234",
            "Không hai bốn, ba chín bốn hai, một hai ba bốn",
        ),
        (
            "(0225) 3842 123",
            "không hai hai năm, ba tám bốn hai, một hai ba",
        ),
        ("1900.9068", "Một chín không không, chín không sáu tám"),
        ("1800 1567", "Một tám không không, một năm sáu bảy"),
        (
            "+84 912 345 678",
            "cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám",
        ),
        (
            "SĐT: 0987 654 321",
            "Số điện thoại: không chín tám bảy, sáu năm bốn, ba hai một",
        ),
        (
            "ĐT: 0225.3842.123",
            "Điện thoại: không hai hai năm, ba tám bốn hai, một hai ba",
        ),
        (
            "Gọi 113, 114, 115",
            "Gọi một một ba, một một bốn, một một năm",
        ),
        ("gọi ngay số 115", "gọi ngay số một một năm"),
        ("tổng đài 1022", "tổng đài một không hai hai"),
        ("gọi 10 người", "gọi mười người"),
        ("kêu gọi 500 đoàn viên", "kêu gọi năm trăm đoàn viên"),
        ("gọi 113 lúc 7h", "gọi một một ba lúc bảy giờ"),
        ("năm 1900", "năm một nghìn chín trăm"),
    ]);
}

#[test]
fn reads_legal_document_numbers() {
    check(&[
        ("Số: 52/KH-UBND", "Số: năm mươi hai"),
        (
            "Luật số 84/2015/QH13",
            "Luật số tám mươi tư năm hai nghìn không trăm mười lăm",
        ),
        (
            "Nghị định 100/2019/NĐ-CP",
            "Nghị định một trăm năm hai nghìn không trăm mười chín",
        ),
        (
            "Quyết định 1234/QĐ-TTg",
            "Quyết định một nghìn hai trăm ba mươi tư",
        ),
        ("Kế hoạch số 368-KH/TU", "Kế hoạch số ba trăm sáu mươi tám"),
        ("Chỉ thị số 31- CT/TW", "Chỉ thị số ba mươi mốt"),
        (
            "Công văn số 4674/VP-VX ngày 08/7/2024",
            "Công văn số bốn nghìn sáu trăm bảy mươi tư ngày mồng tám tháng bảy năm hai nghìn không trăm hai mươi tư",
        ),
        ("Hướng dẫn số 36-HD/VPTW.", "Hướng dẫn số ba mươi sáu."),
        (
            "số 12/2022",
            "số mười hai năm hai nghìn không trăm hai mươi hai",
        ),
    ]);
}

#[test]
fn reads_roman_numerals() {
    check(&[
        ("III. TỔ CHỨC THỰC HIỆN", "Phần ba. Tổ chức thực hiện"),
        ("IX. Phụ lục", "Phần chín. Phụ lục"),
        ("C. NỘI DUNG", "C. Nội dung"),
        (
            "Quý IV/2024",
            "Quý bốn năm hai nghìn không trăm hai mươi tư",
        ),
        ("Quý I, II và III", "Quý một, hai và ba"),
        ("Khóa XV, kỳ họp thứ 9", "Khóa mười lăm, kỳ họp thứ chín"),
        ("Chương II, Mục 3", "Chương hai, Mục ba"),
        ("thế kỷ XXI", "thế kỷ hai mươi mốt"),
        (
            "lương tối thiểu vùng I, II",
            "lương tối thiểu vùng một, hai",
        ),
        ("lần thứ IV", "lần thứ tư"),
        ("giải thứ I", "giải thứ nhất"),
    ]);
}

#[test]
fn reads_ordinals() {
    check(&[
        ("thứ 1", "thứ nhất"),
        ("thứ 2", "thứ hai"),
        ("Thứ 4, ngày 7/5", "Thứ tư, ngày mồng bảy tháng năm"),
        ("lần thứ 14", "lần thứ mười bốn"),
        ("lần thứ 21", "lần thứ hai mươi mốt"),
        ("Thứ 7 và CN", "Thứ bảy và Chủ nhật"),
        ("từ Thứ 2 đến CN", "từ Thứ hai đến Chủ nhật"),
        ("CN và Thứ 2", "Chủ nhật và Thứ hai"),
        ("CN 18/5", "Chủ nhật ngày mười tám tháng năm"),
        ("CN trong nhà máy", "CN trong nhà máy"),
    ]);
}

#[test]
fn reads_units() {
    check(&[
        ("5,5m", "Năm phẩy năm mét"),
        ("1,2km", "Một phẩy hai ki lô mét"),
        (
            "50 m2 sàn và 20 m²",
            "Năm mươi mét vuông sàn và hai mươi mét vuông",
        ),
        ("5 l nước", "Năm lít nước"),
        ("10 ha đất", "Mười héc ta đất"),
        ("85 dBA", "Tám mươi lăm đề xi ben a"),
        ("220V", "Hai trăm hai mươi vôn"),
        ("2 m/s", "Hai mét trên giây"),
        ("5 kg/m2", "Năm ki lô gam trên mét vuông"),
        (
            "nhiệt độ -5°C, 35oC",
            "nhiệt độ âm năm độ xê, ba mươi lăm độ xê",
        ),
        ("góc 45°", "góc bốn mươi lăm độ"),
        ("3x4 m", "Ba nhân bốn mét"),
        ("lớp 12A", "lớp mười hai A"),
        ("giá mỗi kg", "giá mỗi ki lô gam"),
        ("3 ca/ngày", "Ba ca mỗi ngày"),
    ]);
}

#[test]
fn reads_ratios() {
    check(&[
        ("62/63 tỉnh", "Sáu mươi hai trên sáu mươi ba tỉnh"),
        ("31/4", "Ba mươi mốt trên bốn"),
        ("chiếm 2/3", "chiếm hai phần ba"),
        ("1/2 số hộ", "Một phần hai số hộ"),
        ("15/40 doanh nghiệp", "Mười lăm trên bốn mươi doanh nghiệp"),
        ("> 18 tuổi", "lớn hơn mười tám tuổi"),
    ]);
}

#[test]
fn reads_abbreviations() {
    check(&[
        ("TP. Hải Phòng", "Thành phố Hải Phòng"),
        ("tại TP.", "tại thành phố."),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ("PCCC&CNCH", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ"),
        ("Sở LĐ-TB&XH", "Sở Lao động, Thương binh và Xã hội"),
        (
            "MTTQVN và MTTQ",
            "Mặt trận Tổ quốc Việt Nam và Mặt trận Tổ quốc",
        ),
        ("TNLĐ-BNN", "Tai nạn lao động, bệnh nghề nghiệp"),
        ("Công ty CP Xây dựng", "Công ty cổ phần Xây dựng"),
        ("Nghị quyết của CP", "Nghị quyết của Chính phủ"),
        ("ĐT của công ty", "ĐT của công ty"),
        (
            "COVID-19 và Covid-19",
            "Cô vít mười chín và Covid mười chín",
        ),
        ("kênh VTV24", "kênh vê tê vê hai bốn"),
        ("F0", "Ép không"),
        (
            "người lao động (NLĐ) là trung tâm",
            "người lao động là trung tâm",
        ),
        ("tổ chức chính trị - xã hội", "tổ chức chính trị, xã hội"),
        (
            "NGHIÊM CẤM hút thuốc tại KCN",
            "Nghiêm cấm hút thuốc tại khu công nghiệp",
        ),
        ("CHÚ Ý: CẤM LỬA", "Chú ý: cấm lửa"),
        ("Báo cáo TNLX", "Báo cáo tê nờ lờ ích"),
        ("cơ quan/đơn vị", "cơ quan, đơn vị"),
    ]);
}

#[test]
fn reads_sentences() {
    check(&[
        (
            "Từ ngày 01/5 đến 31/5/2025, UBND phường tổ chức 15 buổi tuyên truyền về ATVSLĐ cho 1.200 NLĐ.",
            "Từ ngày mồng một tháng năm đến ngày ba mươi mốt tháng năm năm hai nghìn không trăm hai mươi lăm, Ủy ban nhân dân phường tổ chức mười lăm buổi tuyên truyền về an toàn, vệ sinh lao động cho một nghìn hai trăm người lao động.",
        ),
        (
            "Khi phát hiện cháy, gọi ngay 114 hoặc đường dây nóng 0225.3842.123.",
            "Khi phát hiện cháy, gọi ngay một một bốn hoặc đường dây nóng không hai hai năm, ba tám bốn hai, một hai ba.",
        ),
        (
            "Công ty TNHH Cảng Đình Vũ bị phạt 45.000.000 đồng theo Nghị định số 12/2022/NĐ-CP.",
            "Công ty trách nhiệm hữu hạn Cảng Đình Vũ bị phạt bốn mươi lăm triệu đồng theo Nghị định số mười hai năm hai nghìn không trăm hai mươi hai.",
        ),
        (
            "2024 là năm an toàn. 10 công nhân được khen thưởng.",
            "Hai nghìn không trăm hai mươi tư là năm an toàn. Mười công nhân được khen thưởng.",
        ),
        (
            "Ca làm việc từ 6h00 - 14h00, tối đa 8 giờ/ngày và 48 giờ/tuần.",
            "Ca làm việc từ sáu giờ đến mười bốn giờ, tối đa tám giờ mỗi ngày và bốn mươi tám giờ mỗi tuần.",
        ),
        (
            "Hội nghị lần thứ 4, Quý III/2025, thu hút 300 đại biểu của 62/63 tỉnh.",
            "Hội nghị lần thứ tư, Quý ba năm hai nghìn không trăm hai mươi lăm, thu hút ba trăm đại biểu của sáu mươi hai trên sáu mươi ba tỉnh.",
        ),
        ("quyết định./.", "quyết định."),
        ("", ""),
    ]);
}

#[test]
fn reports_each_unknown_token_with_its_offset() {
    let spoken = speak("Sở LĐ-TBXH HP và ABC-XYZ", glossary());
    let found: Vec<(&str, usize)> = spoken
        .unknown
        .iter()
        .map(|unknown| (unknown.token.as_str(), unknown.offset))
        .collect();
    let hp = "Sở LĐ-TBXH ".len();
    let abc = "Sở LĐ-TBXH HP và ".len();
    assert_eq!(found, [("HP", hp), ("ABC", abc), ("XYZ", abc + 4)]);
}

#[test]
fn decomposed_input_is_read_like_composed() {
    let composed = "Tháng 4 năm 2025";
    let decomposed: String = composed.nfd().collect();
    assert_eq!(say(&decomposed), say(composed));
}

#[test]
fn unknown_offsets_point_into_decomposed_input() {
    let composed = "Hải Phòng: TNLX tháng 4";
    let decomposed: String = composed.nfd().collect();
    let spoken = speak(&decomposed, glossary());
    let offset = decomposed.find("TNLX").unwrap_or_default();
    assert_eq!(spoken.unknown.len(), 1);
    assert_eq!(spoken.unknown[0].offset, offset);
    assert_eq!(spoken.text, say(composed));
}

#[test]
fn counts_syllables_of_words_with_letters_or_digits() {
    let cases = [
        ("", 0),
        ("Phần một. Mục đích, yêu cầu", 6),
        ("  a  -  b ", 2),
        ("– … !", 0),
        ("5 người", 2),
    ];
    for (text, expected) in cases {
        assert_eq!(count_syllables(text), expected, "{text:?}");
    }
}

/// A small deterministic generator (xorshift), so the fuzz run is repeatable.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let index = usize::try_from(self.next() % items.len() as u64).unwrap_or(0);
        items[index]
    }
}

const PIECES: [&str; 84] = [
    "29A-",
    "123.45",
    "tr.đ",
    "tr",
    "https://a.vn",
    "@",
    "👷",
    "⚠\u{fe0f}",
    "Cty",
    "Đ/c",
    "ThS.",
    "P.",
    "QL",
    "ĐT ",
    "(",
    ")",
    "I, II",
    "113/114",
    "12.5%",
    "số ",
    "0",
    "1",
    "2",
    "4",
    "5",
    "9",
    "00",
    "31",
    "12",
    "2024",
    "113",
    "0912",
    "1900",
    ".",
    ",",
    "/",
    "-",
    "–",
    ":",
    "h",
    "g",
    "%",
    "°",
    "C",
    "oC",
    "đ",
    "Đ",
    "TNLĐ",
    "TP.",
    "I",
    "V",
    "X",
    "IV",
    " ",
    "  ",
    "(",
    ")",
    "+",
    "~",
    "x",
    "&",
    "á",
    "\u{301}",
    "😀",
    "ngày ",
    "tháng ",
    "thứ ",
    "gọi ",
    "Quý ",
    "số ",
    "CN",
    "CP",
    "ĐT",
    "Công ty ",
    "km",
    "m2",
    "mg/m3",
    "kV",
    "A",
    "VTV",
    "KH-UBND",
    "\t",
    "./.",
    "²",
];

#[test]
fn generated_text_never_panics_and_leaves_no_digit() {
    let glossary = glossary();
    let mut generator = Generator(0x9e37_79b9_7f4a_7c15);
    for _ in 0..5_000 {
        let length = 1 + generator.next() % 12;
        let text: String = (0..length).map(|_| generator.pick(&PIECES)).collect();
        let said = speak(&text, glossary).text;
        assert!(
            !said.bytes().any(|b| b.is_ascii_digit()),
            "{text:?} -> {said:?}"
        );
    }
}

#[test]
fn awkward_inputs_are_said_without_panicking() {
    let long_digits = "9".repeat(500);
    let long_grouped = ["1"; 40].join(".000");
    let inputs = [
        "",
        " ",
        "/",
        "%%",
        "-",
        "—",
        "–––––",
        "./.",
        "()",
        "(NLĐ",
        "NLĐ)",
        "\u{301}",
        "á\u{301}",
        "😀😀",
        "Дом 5",
        "٣",
        "１２３",
        &long_digits,
        &long_grouped,
        "0,",
        ",5",
        "5,",
        "1.",
        ".5",
        "5/",
        "/5",
        "5-",
        "-5",
        "h30",
        "7h",
        "7:",
        ":30",
        "+",
        "+8",
        "~",
        "> ",
        "°",
        "%5",
        "TP.",
        "ĐT:",
        "CN,",
        "Công ty CP",
        "IIII.",
        "I.",
        "XIV.II",
        "Quý /2025",
        "99/99/9999",
        "31/12/99999",
        "1-",
        "1-/5",
        "0000000000000000000000",
    ];
    for text in inputs {
        let said = say(text);
        let ascii_digits_in = text.bytes().any(|b| b.is_ascii_digit());
        let ascii_digits_out = said.bytes().any(|b| b.is_ascii_digit());
        assert!(
            !ascii_digits_out || !ascii_digits_in,
            "{text:?} -> {said:?}"
        );
    }
}

/// Issue 17: text written the way a busy office writes it.
#[test]
fn issue_17_emergency_numbers_are_digits_wherever_they_stand() {
    check(&[
        (
            "Các số khẩn cấp: 113, 114, 115.",
            "Các số khẩn cấp: một một ba, một một bốn, một một năm.",
        ),
        (
            "Gọi 113/114/115",
            "Gọi một một ba, một một bốn, một một năm",
        ),
        (
            "Khi có cháy gọi 114; 115 cấp cứu.",
            "Khi có cháy gọi một một bốn; một một năm cấp cứu.",
        ),
        ("Cấp cứu: 115.", "Cấp cứu: một một năm."),
        ("ĐT 113", "Điện thoại một một ba"),
        (
            "Có 115 doanh nghiệp, 113 hộ.",
            "Có một trăm mười lăm doanh nghiệp, một trăm mười ba hộ.",
        ),
        ("khoảng 114 người", "khoảng một trăm mười bốn người"),
    ]);
}

/// Issue 17: a slash that is not a date. House and plot numbers are read "trên" (the
/// northern reading; "xẹt" is southern), small proper fractions "phần".
#[test]
fn issue_17_slashes_are_dates_only_in_context() {
    check(&[
        (
            "số 5/12 đường Tô Hiệu",
            "số năm trên mười hai đường Tô Hiệu",
        ),
        ("Lô 3/5", "Lô ba trên năm"),
        ("Tổ 5/12", "Tổ năm trên mười hai"),
        ("nhà số 2/3", "nhà số hai trên ba"),
        ("ngõ 20/11", "ngõ hai mươi trên mười một"),
        ("1/3 số doanh nghiệp", "Một phần ba số doanh nghiệp"),
        ("2/3 đã khắc phục", "Hai phần ba đã khắc phục"),
        ("chiếm 3/4", "chiếm ba phần tư"),
        ("sáng 2/3", "sáng ngày mồng hai tháng ba"),
        ("Thứ 7, 5/12", "Thứ bảy, ngày mồng năm tháng mười hai"),
        (
            "hạn nộp trước 5/12",
            "hạn nộp trước ngày mồng năm tháng mười hai",
        ),
        (
            "ngày 1/5 và 2/5",
            "ngày mồng một tháng năm và ngày mồng hai tháng năm",
        ),
        (
            "từ 2/12 - 5/12",
            "từ ngày mồng hai tháng mười hai đến ngày mồng năm tháng mười hai",
        ),
        ("20/11", "Ngày hai mươi tháng mười một"),
        (
            "5/12/2026",
            "Ngày mồng năm tháng mười hai năm hai nghìn không trăm hai mươi sáu",
        ),
    ]);
}

#[test]
fn issue_17_office_abbreviations() {
    check(&[
        (
            "Cty CP Xây dựng Hải Phòng",
            "Công ty cổ phần Xây dựng Hải Phòng",
        ),
        (
            "Cty TNHH MTV Cơ khí Lê Chân",
            "Công ty trách nhiệm hữu hạn một thành viên Cơ khí Lê Chân",
        ),
        ("Đ/c Nguyễn Văn Nam", "Đồng chí Nguyễn Văn Nam"),
        ("tuyến ĐT 351", "tuyến đường tỉnh ba trăm năm mươi mốt"),
        ("ĐT.353", "Đường tỉnh ba trăm năm mươi ba"),
        (
            "ĐT: 0225.3842.123",
            "Điện thoại: không hai hai năm, ba tám bốn hai, một hai ba",
        ),
        ("QL5", "Quốc lộ năm"),
        ("trên QL 10B", "trên quốc lộ mười bê"),
        (
            "TS. Nguyễn Văn An, ThS. Trần Bình và BS. Lê Chi",
            "Tiến sĩ Nguyễn Văn An, thạc sĩ Trần Bình và bác sĩ Lê Chi",
        ),
        ("P. Hàng Kênh, Q. Lê Chân", "Phường Hàng Kênh, quận Lê Chân"),
        ("ông Nguyễn Văn P. Hùng", "ông Nguyễn Văn P. Hùng"),
        ("phạt 10tr", "phạt mười triệu"),
        ("5 triệu đ", "Năm triệu đồng"),
        ("12 tr.đ", "Mười hai triệu đồng"),
        ("50k", "Năm mươi nghìn"),
    ]);
}

#[test]
fn issue_17_plates_roman_lists_and_english_decimals() {
    check(&[
        ("29A-12345", "Hai chín a, một hai ba bốn năm"),
        ("xe 15C-123.45", "xe một năm xê, một hai ba bốn năm"),
        ("I, II, III", "Một, hai, ba"),
        ("phần II và III", "phần hai và ba"),
        ("12.5%", "Mười hai phẩy năm phần trăm"),
        ("1.5 triệu", "Một phẩy năm triệu"),
        ("chở 1.5 tấn hàng", "chở một phẩy năm tấn hàng"),
        (
            "Gọi 114 hoặc https://pccc.gov.vn. Tình hình tuần qua và hiện tại.",
            "Gọi một một bốn. Tình hình tuần qua và hiện tại.",
        ),
        ("Hoặc gửi email: atvsld@lechan.gov.vn", "Hoặc gửi"),
        ("làm 1.5 giờ", "làm một phẩy năm giờ"),
        ("2.5 kg", "Hai phẩy năm ki lô gam"),
        ("Điều 5.2", "Điều năm chấm hai"),
    ]);
}

#[test]
fn issue_17_bracketed_repeats_are_read_once() {
    check(&[
        (
            "phạt 12.500.000đ (mười hai triệu năm trăm nghìn đồng)",
            "phạt mười hai triệu năm trăm nghìn đồng",
        ),
        ("Khu công nghiệp (KCN) Nomura", "Khu công nghiệp Nomura"),
        ("Trung tâm Y tế (TTYT) quận", "Trung tâm Y tế quận"),
        ("gọi 115 (cấp cứu)", "gọi một một năm (cấp cứu)"),
    ]);
}

#[test]
fn issue_17_addresses_and_emoji_are_left_out_and_reported() {
    check(&[
        ("Xem https://atvsld.gov.vn/tin-tuc.", "Xem."),
        (
            "Gửi email atvsld@lechan.gov.vn hoặc gọi 114",
            "Gửi email hoặc gọi một một bốn",
        ),
        ("Truy cập www.lechan.gov.vn để biết", "Truy cập để biết"),
        ("tại atvsld.lechan.haiphong.gov.vn", "tại"),
        ("An toàn là trên hết 👷⚠️!", "An toàn là trên hết!"),
        ("TP.HCM", "Thành phố Hồ Chí Minh"),
    ]);
    let doubts = |text: &str| -> Vec<(DoubtKind, String)> {
        speak(text, glossary())
            .doubts
            .into_iter()
            .map(|d| (d.kind, d.token))
            .collect()
    };
    assert_eq!(
        doubts("Xem https://a.vn, viết a@b.vn 👷 và 2/3 đã xong, tăng 12.5%"),
        [
            (DoubtKind::Url, "https://a.vn".to_string()),
            (DoubtKind::Email, "a@b.vn".to_string()),
            (DoubtKind::Emoji, "👷".to_string()),
            (DoubtKind::Slash, "2/3".to_string()),
            (DoubtKind::DecimalPoint, "12.5%".to_string()),
        ]
    );
    assert!(doubts("1/3 số hộ, ngày 2/3, số 5/12").is_empty());
    // CP: cổ phần after a company, Chính phủ after a government word, else a guess.
    check(&[
        ("Cty CP Cảng", "Công ty cổ phần Cảng"),
        ("Văn phòng CP", "Văn phòng Chính phủ"),
        ("Liên hệ CP", "Liên hệ Chính phủ"),
    ]);
    assert!(doubts("Cty CP Cảng, Văn phòng CP, Nghị định CP").is_empty());
    assert_eq!(
        doubts("Liên hệ CP"),
        [(DoubtKind::Abbreviation, "CP".to_string())]
    );
}
