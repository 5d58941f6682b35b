//! Pagination of section lists: which page numbers a pager shows and their addresses.

use super::*;

/// A page of a paginated list.
#[derive(Serialize)]
pub struct Paginator {
    /// Summaries of the pages on this pager, from [`summaries`].
    pub pages: Vec<tera::Value>,
    /// 1-based.
    pub current_index: usize,
    pub total_pages: usize,
    pub total_items: usize,
    pub first: String,
    pub last: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// Links to other pages of the list: the first, the last and two either side of
    /// the current one, so a list of a thousand pages does not link every page from
    /// every page.
    pub pagers: Vec<Pager>,
}

#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct Pager {
    pub index: usize,
    pub path: String,
    /// Pages are left out between this one and the previous link.
    pub gap_before: bool,
}

/// Page numbers to link from page `current` of `total`: 1, the last, and `current`
/// ± 2; a lone left-out page is shown instead of a gap.
pub fn pager_indexes(current: usize, total: usize) -> Vec<usize> {
    if total <= 7 {
        return (1..=total).collect();
    }
    let mut keep: Vec<usize> = [1, total]
        .into_iter()
        .chain(current.saturating_sub(2).max(1)..=(current + 2).min(total))
        .collect();
    keep.sort_unstable();
    keep.dedup();
    let mut out: Vec<usize> = Vec::with_capacity(keep.len() + 2);
    for i in keep {
        if let Some(&last) = out.last()
            && i == last + 2
        {
            out.push(last + 1);
        }
        out.push(i);
    }
    out
}

/// `/tin-tuc/` for the first page, `/tin-tuc/trang/2/` after.
pub fn pager_path(base: &str, index: usize) -> String {
    if index <= 1 {
        base.to_owned()
    } else {
        format!("{base}{}/{index}/", crate::render::PAGE_SEGMENT)
    }
}

/// Pager `index` (1-based) of the pages `items` (indexes into the site's pages), whose
/// summaries are `summaries`.
pub fn paginator(
    items: &[usize],
    index: usize,
    per_page: usize,
    base: &str,
    summaries: &[tera::Value],
) -> Paginator {
    let total_pages = items.len().div_ceil(per_page).max(1);
    let start = (index - 1) * per_page;
    let pages = items
        .iter()
        .skip(start)
        .take(per_page)
        .map(|&i| summaries[i].clone())
        .collect();
    Paginator {
        pages,
        current_index: index,
        total_pages,
        total_items: items.len(),
        first: pager_path(base, 1),
        last: pager_path(base, total_pages),
        previous: (index > 1).then(|| pager_path(base, index - 1)),
        next: (index < total_pages).then(|| pager_path(base, index + 1)),
        pagers: {
            let indexes = pager_indexes(index, total_pages);
            indexes
                .iter()
                .enumerate()
                .map(|(n, &i)| Pager {
                    index: i,
                    path: pager_path(base, i),
                    gap_before: n > 0 && indexes[n - 1] + 1 < i,
                })
                .collect()
        },
    }
}
