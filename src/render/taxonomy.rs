//! Taxonomies (topics, tags, wards...): which pages carry which term, in what order, and the
//! pages that list them.

use super::*;

/// A taxonomy with its terms, computed from the published pages.
#[derive(Debug, Serialize)]
pub struct Taxonomy {
    /// `sectors`, `audiences` or `wards`.
    pub id: &'static str,
    pub name: String,
    pub path: String,
    pub terms: Vec<Term>,
}

#[derive(Debug, Serialize)]
pub struct Term {
    pub name: String,
    pub slug: String,
    pub path: String,
    pub count: usize,
    /// Indexes of its pages, newest first.
    #[serde(skip)]
    pub pages: Vec<usize>,
}

/// Terms whose names fold to the same slug are one term, named as most pages write it.
/// A term's pages are newest first (then by source path).
pub fn taxonomies(site: &Site) -> Vec<Taxonomy> {
    // Pages newest first: walking them in this order lists each term's pages sorted.
    let mut order: Vec<(i64, usize)> = site
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.sort_date(), i))
        .collect();
    order.par_sort_unstable_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| site.pages[a.1].rel.cmp(&site.pages[b.1].rel))
    });
    let t = &site.config.taxonomies;
    [
        ("sectors", &t.sectors),
        ("audiences", &t.audiences),
        ("wards", &t.wards),
    ]
    .into_par_iter()
    .map(|(id, name)| taxonomy(site, &order, id, name))
    .collect()
}

pub(super) fn taxonomy(
    site: &Site,
    order: &[(i64, usize)],
    id: &'static str,
    name: &str,
) -> Taxonomy {
    let path = taxonomy_path(name);
    // A term's spellings (with how many pages use each) and pages, by slug.
    type Found<'s> = (BTreeMap<&'s str, usize>, Vec<usize>);
    let mut by_slug: BTreeMap<String, Found> = BTreeMap::new();
    // Slugs of the names seen so far: a few distinct names among many pages.
    let mut slugs: HashMap<&str, String> = HashMap::new();
    for &(_, i) in order {
        let page = &site.pages[i];
        let names: Vec<&str> = match id {
            "sectors" => page.meta.sectors.iter().map(String::as_str).collect(),
            "audiences" => page.meta.audiences.iter().map(String::as_str).collect(),
            _ => page
                .ward_slugs()
                .into_iter()
                .filter_map(|s| site.config.ward(s))
                .map(|w| w.name.as_str())
                .collect(),
        };
        for n in names {
            let slug = slugs.entry(n).or_insert_with(|| {
                if id == "wards" {
                    site.config
                        .wards
                        .iter()
                        .find(|w| w.name == n)
                        .map_or_else(|| slugify(n), |w| w.slug.clone())
                } else {
                    slugify(n)
                }
            });
            if slug.is_empty() {
                continue;
            }
            let entry = match by_slug.get_mut(slug.as_str()) {
                Some(e) => e,
                None => by_slug.entry(slug.clone()).or_default(),
            };
            *entry.0.entry(n).or_default() += 1;
            if entry.1.last() != Some(&i) {
                entry.1.push(i);
            }
        }
    }
    let terms = by_slug
        .into_iter()
        .map(|(slug, (spellings, pages))| {
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(n, _)| (*n).to_owned())
                .unwrap_or_default();
            Term {
                path: format!("{path}{slug}/"),
                count: pages.len(),
                name,
                slug,
                pages,
            }
        })
        .collect();
    Taxonomy {
        id,
        name: name.to_owned(),
        path,
        terms,
    }
}
