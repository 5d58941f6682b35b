//! Pages and sections as the rest of the build sees them. Each field says when it is
//! filled: at load (from the file), or after markdown rendering.

use std::path::PathBuf;

use super::front_matter::{Common, SectionMatter};
use super::kind::{Kind, KindFields};
use crate::date::Date;
use crate::markdown::Heading;

#[derive(Debug, Clone)]
pub struct Page {
    /// Path of the source file relative to the site root (`content/tin-tuc/a.md`).
    pub source: PathBuf,
    /// Path relative to content/ with `/` separators, as `@/` links name it.
    pub rel: String,
    /// Index of the section the page belongs to.
    pub section: usize,
    pub kind: Kind,
    pub meta: Common,
    pub fields: KindFields,
    /// Title, required (validated at load).
    pub title: String,
    pub slug: String,
    /// URL path, `/tin-tuc/bai-viet/`.
    pub path: String,
    /// The markdown body.
    pub body: String,
    /// Line of the source file where the body starts.
    pub body_line: usize,
    /// The front matter text, for locating keys in later diagnostics.
    pub front_matter: String,
    /// Set after markdown rendering.
    pub content: String,
    pub toc: Vec<Heading>,
    /// Plain-text summary: the `summary` field or the body's first words. Set after
    /// markdown rendering.
    pub summary: String,
    /// Body as plain text, for search. Set after markdown rendering.
    pub plain: String,
    pub word_count: usize,
    pub has_code: bool,
    /// The body's images and plain links. Set after markdown rendering.
    pub references: crate::markdown::References,
    /// What reading the page found that does not stop a build: a `#` that cut a value
    /// short (W026), a draft's missing required fields (W025, which become errors E021
    /// when `--drafts` publishes the draft).
    pub warnings: Vec<crate::error::Diagnostic>,
}

impl Page {
    /// Fill the fields that come from rendering the body; returns the anchors to check
    /// once every page is rendered, and the body's diagnostics.
    pub fn set_rendered(
        &mut self,
        r: crate::markdown::Rendered,
    ) -> (
        Vec<crate::markdown::AnchorRef>,
        Vec<crate::error::Diagnostic>,
    ) {
        self.summary = match &self.meta.summary {
            Some(s) => s.clone(),
            None => crate::markdown::summarize(&r.plain, 40),
        };
        self.content = fitted(r.html);
        self.plain = fitted(r.plain);
        self.toc = r.headings;
        self.word_count = r.word_count;
        self.has_code = r.has_code;
        self.references = r.references;
        (r.anchors_to_check, r.diagnostics)
    }

    /// The date lists sort by: `date`, else `updated`, else none.
    pub fn sort_date(&self) -> i64 {
        self.meta
            .date
            .as_ref()
            .or(self.meta.updated.as_ref())
            .map_or(i64::MIN, |d| d.utc_seconds())
    }

    pub fn date(&self) -> Option<Date> {
        self.meta.date.as_ref().map(|d| d.date)
    }

    /// Ward slugs the page is about: `wards` plus a model's or violation's `ward`.
    pub fn ward_slugs(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.meta.wards.iter().map(String::as_str).collect();
        if let Some(w) = self.fields.ward()
            && !v.contains(&w)
        {
            v.push(w);
        }
        v
    }
}

#[derive(Debug, Clone)]
pub struct Section {
    /// `content/tin-tuc/_index.md`, when the section has one.
    pub source: Option<PathBuf>,
    /// Folder relative to content/ with `/` separators; "" for the home section.
    pub dir: String,
    pub matter: SectionMatter,
    /// Title: the front matter's, else the folder name.
    pub title: String,
    /// The kind its pages get unless they say otherwise.
    pub kind: Kind,
    /// URL path, `/tin-tuc/`.
    pub path: String,
    /// Body markdown, and its HTML after rendering.
    pub body: String,
    pub body_line: usize,
    pub content: String,
    /// Published pages, in list order. Set after publishing rules are applied.
    pub pages: Vec<usize>,
    /// Child sections, by weight then title.
    pub subsections: Vec<usize>,
    pub parent: Option<usize>,
}

/// `text` in an allocation of its own size. A rendered page grows its buffers by
/// doubling, which leaves a third of them unused on average (190 MB at 50,000 pages),
/// and an allocator keeps a block in place when shrunk by less than half.
fn fitted(text: String) -> String {
    if text.capacity() - text.len() > text.len() / 16 {
        text.as_str().to_owned()
    } else {
        text
    }
}
