//! Pages that no chain of links from the home page reaches, found by reading the links of the
//! rendered HTML with html5ever's tokenizer.

use super::*;

/// The `href` of every element of an HTML file, entities decoded, read with the HTML
/// tokenizer the sanitizer is built on (text that merely says "href=" is not a link).
pub(super) fn hrefs(html: &str) -> Vec<String> {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{
        BufferQueue, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
        TokenizerOpts,
    };

    #[derive(Default)]
    struct Hrefs(std::cell::RefCell<Vec<String>>);

    impl TokenSink for Hrefs {
        type Handle = ();

        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            if let TagToken(tag) = token
                && tag.kind == StartTag
            {
                let hrefs = tag.attrs.iter().filter(|a| &*a.name.local == "href");
                self.0
                    .borrow_mut()
                    .extend(hrefs.map(|a| a.value.to_string()));
            }
            TokenSinkResult::Continue
        }
    }

    let tokenizer = Tokenizer::new(Hrefs::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

/// The directory URL of an output file: `tin-tuc/a/index.html` -> `/tin-tuc/a/`.
pub(super) fn dir_url(key: &str) -> String {
    match key.rsplit_once('/') {
        Some((dir, _)) => format!("/{dir}/"),
        None => "/".to_owned(),
    }
}

/// Published pages that no chain of links from the home page reaches: not a list, a
/// menu, a taxonomy page or another page's link. Alias redirects do not count: they lead
/// only from an old address.
pub(super) fn unreachable_pages(site: &Site, files: &Files) -> Vec<Diagnostic> {
    let mut redirects: BTreeSet<String> = BTreeSet::new();
    for alias in site
        .pages
        .iter()
        .flat_map(|p| &p.meta.aliases)
        .chain(site.sections.iter().flat_map(|s| &s.matter.aliases))
    {
        redirects.insert(crate::render::output_file(&normalize_alias(alias)));
    }
    let targets = |key: &str| -> Vec<String> {
        let Some(bytes) = files.get(key) else {
            return Vec::new();
        };
        let html = String::from_utf8_lossy(bytes);
        let base = dir_url(key);
        hrefs(&html)
            .into_iter()
            .filter_map(|href| local_target(site, &base, &href))
            .map(|t| {
                if files.contains_key(&t) {
                    t
                } else {
                    format!("{t}/index.html")
                }
            })
            .filter(|t| t.ends_with(".html") && !redirects.contains(t))
            .collect()
    };
    let mut reached: BTreeSet<String> = BTreeSet::new();
    let mut queue = vec!["index.html".to_owned()];
    while let Some(key) = queue.pop() {
        if files.contains_key(&key) && reached.insert(key.clone()) {
            queue.extend(targets(&key).into_iter().filter(|t| !reached.contains(t)));
        }
    }
    let mut out = Vec::new();
    for page in &site.pages {
        if !reached.contains(&crate::render::output_file(&page.path)) {
            let d = Diagnostic::new(
                Message::Link(LinkProblem::Unreachable {
                    url: page.path.clone(),
                }),
                Some(at_key(page, &["title"])),
            );
            out.push(quoted(page, d));
        }
    }
    out
}
