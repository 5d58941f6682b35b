//! The search index and page that `loa build` writes under `public/tim-kiem/`: what is in
//! the index (published pages only, masked names, composed text), how words are sharded,
//! the page without JavaScript, and byte-identical rebuilds.

use std::collections::BTreeMap;

use crate::common::Site;
use serde_json::Value;

const TODAY: &str = "2026-11-28";

fn built() -> Site {
    let site = Site::fixture("search/basic");
    site.build(TODAY);
    site
}

fn json(site: &Site, rel: &str) -> Value {
    serde_json::from_str(&site.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn manifest(site: &Site) -> Value {
    json(site, "public/tim-kiem/index.json")
}

/// Every file of the index, as text, by path under `public/tim-kiem/`.
fn index_files(site: &Site) -> BTreeMap<String, String> {
    site.snapshot("public/tim-kiem")
        .into_iter()
        .filter(|(p, _)| p.ends_with(".json"))
        .map(|(p, b)| (p, String::from_utf8(b).expect("the index is UTF-8")))
        .collect()
}

/// The doc of page `id`: entry `id % docs_per_file` of `docs/<id / docs_per_file>.json`,
/// as the page's script finds it.
fn doc(site: &Site, id: usize) -> Value {
    let per = manifest(site)["docs_per_file"]
        .as_u64()
        .expect("docs_per_file") as usize;
    assert!(per > 0);
    json(site, &format!("public/tim-kiem/docs/{}.json", id / per))[id % per].clone()
}

/// The URLs of the docs, by doc id.
fn urls(site: &Site) -> Vec<String> {
    let n = manifest(site)["kind"]
        .as_array()
        .expect("kind column")
        .len();
    (0..n)
        .map(|id| doc(site, id)["url"].as_str().expect("url").to_owned())
        .collect()
}

/// Fold the way `slug::fold` and the page's script do.
fn fold(word: &str) -> String {
    loa::slug::fold(word)
}

/// What the script does for one whole word: pick the shard whose key is the longest
/// prefix of the folded word, and return (doc URL, spelling) for every posting.
fn lookup(site: &Site, word: &str) -> Vec<(String, String)> {
    let folded = fold(word);
    let m = manifest(site);
    let key = m["shards"]
        .as_array()
        .expect("shards")
        .iter()
        .filter_map(Value::as_str)
        .filter(|k| folded.starts_with(k))
        .max_by_key(|k| k.len());
    let Some(key) = key else { return Vec::new() };
    let shard = json(site, &format!("public/tim-kiem/shards/{key}.json"));
    let urls = urls(site);
    let mut out = Vec::new();
    if let Some(spellings) = shard[&folded].as_object() {
        for (spelling, postings) in spellings {
            let mut id = 0;
            for pair in postings.as_array().expect("postings").chunks(2) {
                id += pair[0].as_u64().expect("gap") as usize;
                out.push((urls[id].clone(), spelling.clone()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn unpublished_pages_never_enter_the_index() {
    let site = built();
    let files = index_files(&site);
    for (path, text) in &files {
        // A draft, an expired page, an embargoed page and a notice past its retention.
        for secret in ["banhapbimat", "hethanroi", "chuadenngay", "quahanluugiu"] {
            assert!(!text.contains(secret), "{path} holds {secret}");
        }
        for url in [
            "/tin-tuc/ban-nhap/",
            "/tin-tuc/het-han/",
            "/tin-tuc/sap-dang/",
        ] {
            assert!(!text.contains(url), "{path} holds {url}");
        }
    }
    // Every page in the index was published, and the published pages are in it.
    let indexed = urls(&site);
    for url in &indexed {
        assert!(
            site.exists(&format!("public{url}index.html")),
            "{url} is not a page"
        );
    }
    for url in [
        "/chien-dich/phong-chay/",
        "/tin-tuc/an-toan-cong-trinh/",
        "/tin-tuc/toan-hoc/",
        "/xu-ly-vi-pham/ca-nhan/",
    ] {
        assert!(indexed.iter().any(|u| u == url), "{url} not in {indexed:?}");
    }
    assert!(lookup(&site, "banhapbimat").is_empty());
}

#[test]
fn index_holds_title_summary_body_kind_date_and_url() {
    let site = built();
    let urls = urls(&site);
    let id = urls
        .iter()
        .position(|u| u == "/tin-tuc/an-toan-cong-trinh/")
        .expect("the news page is indexed");
    let doc = doc(&site, id);
    assert_eq!(doc["title"], "An toàn lao động trên công trình");
    assert_eq!(
        doc["summary"],
        "Kiểm tra an toàn tại các công trình xây dựng."
    );
    assert_eq!(doc["date"], "2026-05-04");
    // Plain text, markdown gone, for the snippet around matched words.
    let body = doc["body"].as_str().expect("body");
    assert!(body.starts_with("Đoàn kiểm tra nhắc chủ đầu tư phòng ngừa tai nạn lao động"));
    assert!(!body.contains("**") && !body.contains("##") && !body.contains('<'));
    let m = manifest(&site);
    let kind = m["kind"][id].as_u64().expect("kind index") as usize;
    assert_eq!(m["kinds"][kind]["id"], "news");
    assert_eq!(m["kinds"][kind]["label"], "Tin tức");
}

#[test]
fn doc_ids_go_from_the_oldest_page_to_the_newest() {
    // So a new page takes the next id and equal scores can show the newest first.
    let site = built();
    let n = manifest(&site)["kind"]
        .as_array()
        .expect("kind column")
        .len();
    let dates: Vec<String> = (0..n)
        .map(|id| {
            let doc = doc(&site, id);
            doc["date"]
                .as_str()
                .expect("every fixture page has a date")
                .to_owned()
        })
        .collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn words_typed_without_accents_find_the_accented_spellings() {
    let site = built();
    let found = lookup(&site, "toan");
    assert!(found.contains(&("/tin-tuc/an-toan-cong-trinh/".into(), "toàn".into())));
    // "toán" folds to the same word but keeps its own spelling, so exact matches rank first.
    assert!(found.contains(&("/tin-tuc/toan-hoc/".into(), "toán".into())));
    assert_eq!(lookup(&site, "TOÀN"), found);
    let nan = lookup(&site, "nan");
    assert_eq!(nan, [("/tin-tuc/an-toan-cong-trinh/".into(), "nạn".into())]);
    let dong = lookup(&site, "dong");
    assert!(dong.contains(&("/tin-tuc/an-toan-cong-trinh/".into(), "động".into())));
}

#[test]
fn shards_are_named_by_the_first_two_folded_letters() {
    let site = built();
    let to = json(&site, "public/tim-kiem/shards/to.json");
    assert!(to["toan"]["toàn"].is_array(), "{to}");
    let keys = manifest(&site)["shards"].clone();
    for key in keys.as_array().expect("shards") {
        let key = key.as_str().expect("key");
        assert!(
            key.chars().count() <= 2,
            "{key}: no split needed in a small site"
        );
        assert!(site.exists(&format!("public/tim-kiem/shards/{key}.json")));
    }
    let files = index_files(&site);
    let shard_count = files.keys().filter(|p| p.starts_with("shards/")).count();
    assert_eq!(shard_count, keys.as_array().expect("shards").len());
}

#[test]
fn masked_names_stay_masked_in_the_index() {
    let site = built();
    for (path, text) in index_files(&site) {
        assert!(!text.contains("Xuyến"), "{path} holds the name");
    }
    assert!(lookup(&site, "xuyen").is_empty());
    // The notice itself is indexed, with the name as its initials.
    let id = urls(&site)
        .iter()
        .position(|u| u == "/xu-ly-vi-pham/ca-nhan/")
        .expect("the notice is indexed");
    assert_eq!(
        doc(&site, id)["title"],
        "Xử phạt bà P.T.X. vì không trang bị dây an toàn"
    );
}

#[test]
fn decomposed_text_with_crlf_and_bom_is_indexed_composed() {
    let site = built();
    let found = lookup(&site, "phong");
    assert!(
        found.contains(&("/chien-dich/phong-chay/".into(), "phòng".into())),
        "{found:?}"
    );
    let chay = lookup(&site, "cháy");
    assert!(
        !chay.is_empty() && chay.iter().all(|(_, s)| s == "cháy"),
        "{chay:?}"
    );
}

#[test]
fn search_page_without_javascript_links_to_the_lists() {
    let site = built();
    let page = site.read("public/tim-kiem/index.html");
    assert!(page.contains("cần JavaScript"), "{page}");
    assert!(page.contains("href=\"/tin-tuc/\""));
    assert!(page.contains("href=\"/chien-dich/\""));
    assert!(
        page.contains("href=\"/linh-vuc/\""),
        "taxonomy pages are listed"
    );
    // The form appears only when the script runs, so no dead control shows without it.
    assert!(page.contains("<div id=\"tim-kiem-khung\" hidden>\n<form id=\"tim-kiem\""));
    assert!(page.contains("aria-live=\"polite\""));
    assert!(page.contains("<script src=\"/js/tim-kiem.js\" defer></script>"));
    assert!(site.exists("public/js/tim-kiem.js"));
}

#[test]
fn home_page_loads_nothing_of_the_search() {
    let site = built();
    let home = site.read("public/index.html");
    // It links to the search page, and loads none of what that page loads.
    assert!(home.contains("action=\"/tim-kiem/\""), "{home}");
    assert!(!home.contains("tim-kiem.js"), "{home}");
    assert!(!home.contains("tim-kiem/index.json"));
    assert!(!home.contains("tim-kiem/shards"));
}

#[test]
fn two_builds_write_the_same_index() {
    let site = built();
    let first = site.snapshot("public/tim-kiem");
    let other = Site::fixture("search/basic");
    other.build(TODAY);
    assert_eq!(other.snapshot("public/tim-kiem"), first);
}

#[test]
fn script_folds_and_splits_like_the_index() {
    // The script mirrors the Rust rules; keep the two in step.
    let js = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/cong-thong-tin/static/js/tim-kiem.js"
    ))
    .expect("the script is in the theme");
    assert!(js.contains("normalize('NFD')"));
    assert!(js.contains("replace(/[đĐ]/g, 'd')"));
    assert!(js.contains("/[\\p{Alphabetic}\\p{N}\\p{M}]+/gu"));
    // Pairs: only Unicode White_Space between two words, as char::is_whitespace has it.
    assert!(js.contains(
        r"var SPACE = /^[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$/;"
    ));
    assert!(js.contains("var FORMAT = 3;"));
    // That class is exactly what char::is_whitespace calls whitespace.
    let listed = |c: char| {
        matches!(c, '\t'..='\r' | ' ' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}')
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
            )
    };
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        assert_eq!(c.is_whitespace(), listed(c), "{c:?}");
    }
    assert!(
        !js.contains("innerHTML"),
        "data goes into the page as text nodes"
    );
    assert_eq!(fold("AN TOÀN Lao Động"), "an toan lao dong");
}

fn ranking() -> Site {
    let site = Site::fixture("search/ranking");
    site.build(TODAY);
    site
}

/// What the script does for an adjacent pair ("phat tien"): pick the pair shard whose
/// key is the longest prefix, and return (doc URL, spelling) for every posting.
fn lookup_pair(site: &Site, pair: &str) -> Vec<(String, String)> {
    let folded = fold(pair);
    let m = manifest(site);
    let key = m["pair_shards"]
        .as_array()
        .expect("pair_shards")
        .iter()
        .filter_map(Value::as_str)
        .filter(|k| folded.starts_with(k))
        .max_by_key(|k| k.len());
    let Some(key) = key else { return Vec::new() };
    let file = loa::search::shard_file(key);
    let shard = json(site, &format!("public/tim-kiem/pairs/{file}.json"));
    let urls = urls(site);
    let mut out = Vec::new();
    if let Some(spellings) = shard[&folded].as_object() {
        for (spelling, postings) in spellings {
            let mut id = 0;
            // One number per page: gap * 4 + where (title 2, summary 1).
            for n in postings.as_array().expect("postings") {
                id += (n.as_u64().expect("gap and where") >> 2) as usize;
                out.push((urls[id].clone(), spelling.clone()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn words_standing_together_are_indexed_as_pairs_with_their_tones() {
    let site = ranking();
    assert_eq!(
        lookup_pair(&site, "phat tien"),
        [("/tin-tuc/phat-tien/".into(), "phạt tiền".into())]
    );
    // "phạt cảnh cáo; không thu tiền": the words are on the page, never together.
    assert!(
        lookup(&site, "tiền")
            .iter()
            .any(|(u, _)| u == "/tin-tuc/phat-tien-roi/")
    );
    assert_eq!(
        lookup_pair(&site, "thu tien"),
        [("/tin-tuc/phat-tien-roi/".into(), "thu tiền".into())]
    );
    // A comma breaks a pair: "ghi nhận tiền thưởng cho an toàn viên, tiền đề".
    assert!(lookup_pair(&site, "vien tien").is_empty());
    assert_eq!(
        lookup_pair(&site, "Phát triển"),
        [("/tin-tuc/phat-trien/".into(), "phát triển".into())]
    );
}

#[test]
fn manifest_ships_the_glossary_abbreviations_the_site_uses() {
    let site = ranking();
    let abbr = manifest(&site)["abbr"].clone();
    assert_eq!(abbr["bnn"], "bệnh nghề nghiệp");
    assert_eq!(abbr["tnld"], "tai nạn lao động");
    // Written nowhere, and its spoken words are not all on a page either.
    assert!(abbr.get("pccc").is_none(), "{abbr}");
    // Kept small: a few dozen bytes per abbreviation the site uses.
    assert!(abbr.to_string().len() < 2048, "{abbr}");
}

#[test]
fn pair_shards_are_listed_in_the_manifest() {
    let site = ranking();
    let keys = manifest(&site)["pair_shards"].clone();
    let keys = keys.as_array().expect("pair_shards");
    assert!(!keys.is_empty());
    for key in keys {
        let file = loa::search::shard_file(key.as_str().expect("key"));
        assert!(
            site.exists(&format!("public/tim-kiem/pairs/{file}.json")),
            "{key}"
        );
    }
}
