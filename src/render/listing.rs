//! Paged listings: the cards of the home page and of each term's page, split into pages of
//! `listing.page_size` cards (site.yaml) at stable addresses: page 1 at the listing's own
//! address, page N at `page/N/` below it, `page/1/` a redirect to page 1. The renderer lays
//! pages out from this layout, and the rebuild planner compares the layouts before and after
//! an edit to lay out only the pages that changed.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

use crate::content::role::Role;
use crate::render::Shows;
use crate::render::site_views::{PlanView, Taxonomy, TaxonomyTermView, TermData};
use crate::render::views::{ArchetypeGroup, Views};

/// The folder of a listing's pages after the first, below the listing's own.
pub const PAGE_FOLDER: &str = "page/";

/// What the first page of the home listing shows besides the cards (the staffing and health
/// summaries): an edit of these lays out that page, wherever the brief's card is.
pub const INTRO: &[Shows] = &[
    Shows::Status,
    Shows::Capabilities,
    Shows::Bundled,
    Shows::Plan,
    Shows::Findings,
];

/// The folder of page `number` of the listing at `listing` (`""`, `tags/claims/`), below the
/// site root: page 1 is the listing itself.
pub fn page_path(listing: &str, number: usize) -> String {
    if number <= 1 {
        listing.to_string()
    } else {
        format!("{listing}{PAGE_FOLDER}{number}/")
    }
}

/// How many pages `cards` cards take: one at least, so an empty listing still has its page.
pub fn page_count(cards: usize, size: usize) -> usize {
    cards.div_ceil(size.max(1)).max(1)
}

/// What heads a run of cards: the team plan or an archetype's group on the home page, a
/// term's primary or secondary holders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading<'a> {
    Plan,
    Archetype(&'a str),
    Primary,
    Secondary,
}

impl Heading<'_> {
    /// Whether the heading counts its cards (on every page it is on): the home page's do.
    fn counts(self) -> bool {
        matches!(self, Heading::Plan | Heading::Archetype(_))
    }
}

/// Cards under one heading, in the order they are listed.
#[derive(Debug)]
pub struct Run<'a> {
    pub heading: Heading<'a>,
    pub roles: Vec<&'a Arc<Role>>,
}

/// The cards of one run a page shows (an empty run sits, with its "none yet" note, on the
/// page where its place in the listing falls).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slice {
    pub run: usize,
    pub cards: Range<usize>,
}

/// Runs of `lens` cards split into pages of `size`, in order: each page's slices.
pub fn paginate(lens: &[usize], size: usize) -> Vec<Vec<Slice>> {
    let size = size.max(1);
    let pages = page_count(lens.iter().sum(), size);
    let mut layout = vec![Vec::new(); pages];
    let mut before = 0;
    for (run, &len) in lens.iter().enumerate() {
        if len == 0 {
            layout[(before / size).min(pages - 1)].push(Slice { run, cards: 0..0 });
            continue;
        }
        let mut at = 0;
        while at < len {
            let place = before + at;
            let end = (at + size - place % size).min(len);
            layout[place / size].push(Slice {
                run,
                cards: at..end,
            });
            at = end;
        }
        before += len;
    }
    layout
}

fn lens(runs: &[Run]) -> Vec<usize> {
    runs.iter().map(|r| r.roles.len()).collect()
}

/// What one page shows of each run: its heading, how many cards the run has in all when
/// the heading counts them, and the briefs on this page.
type PageContents<'a> = Vec<(Heading<'a>, Option<usize>, Vec<&'a str>)>;

fn contents<'a>(runs: &[Run<'a>], size: usize) -> Vec<PageContents<'a>> {
    paginate(&lens(runs), size)
        .into_iter()
        .map(|page| {
            page.into_iter()
                .map(|slice| {
                    let run = &runs[slice.run];
                    let slugs = run.roles[slice.cards]
                        .iter()
                        .map(|r| r.slug.as_str())
                        .collect();
                    let count = run.heading.counts().then_some(run.roles.len());
                    (run.heading, count, slugs)
                })
                .collect()
        })
        .collect()
}

/// The pages (numbers from 1) of a listing that an edit of the brief `slug` changes, from its
/// runs before and after: those whose cards, their order or their headings' counts differ,
/// and, when the brief's card changed, those showing it before or after. `None` when the
/// number of pages changed: every page's navigation says how many there are.
pub fn changed_pages(
    before: &[Run],
    after: &[Run],
    size: usize,
    slug: &str,
    card_changed: bool,
) -> Option<BTreeSet<usize>> {
    let (old, new) = (contents(before, size), contents(after, size));
    if old.len() != new.len() {
        return None;
    }
    let shows = |page: &PageContents| page.iter().any(|(_, _, slugs)| slugs.contains(&slug));
    Some(
        old.iter()
            .zip(&new)
            .enumerate()
            .filter(|(_, (old, new))| old != new || (card_changed && (shows(old) || shows(new))))
            .map(|(i, _)| i + 1)
            .collect(),
    )
}

/// The pagination of one page of a listing, for its template (none for a listing of one page).
#[derive(Debug, Serialize)]
pub struct Paginator {
    pub number: usize,
    pub pages: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// The pages linked by number: the first, the last and the two on each side of this one.
    pub links: Vec<PageLink>,
}

#[derive(Debug, Serialize)]
pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// Pages left out before this one (shown as an ellipsis).
    pub gap_before: bool,
}

/// The page numbers linked from page `number` of `pages`: the first, the last and two on each
/// side, a gap of one page filled in (an ellipsis would hide no more than the number).
fn linked_pages(number: usize, pages: usize) -> Vec<usize> {
    let near = number.saturating_sub(2).max(1)..=(number + 2).min(pages);
    let mut shown: Vec<usize> = [1, pages].into_iter().chain(near).collect();
    shown.sort_unstable();
    shown.dedup();
    let mut filled = Vec::with_capacity(shown.len() + 2);
    for n in shown {
        if filled.last().is_some_and(|last| n == last + 2) {
            filled.push(n - 1);
        }
        filled.push(n);
    }
    filled
}

impl Paginator {
    fn new(views: &Views, listing: &str, number: usize, pages: usize) -> Option<Paginator> {
        if pages <= 1 {
            return None;
        }
        let url = |n: usize| views.url(&page_path(listing, n));
        let mut last = 0;
        let links = linked_pages(number, pages)
            .into_iter()
            .map(|n| {
                let link = PageLink {
                    number: n,
                    url: url(n),
                    current: n == number,
                    gap_before: n > last + 1,
                };
                last = n;
                link
            })
            .collect();
        Some(Paginator {
            number,
            pages,
            previous: (number > 1).then(|| url(number - 1)),
            next: (number < pages).then(|| url(number + 1)),
            links,
        })
    }
}

/// One page of the home listing, as `index.html` takes it.
#[derive(Debug, Serialize)]
pub struct HomePage<'a> {
    pub groups: Vec<ArchetypeGroup<'a>>,
    pub plan: Option<PlanView<'a>>,
    pub paginator: Option<Paginator>,
}

/// One page of a term's listing, as `taxonomy.html` takes it.
#[derive(Debug, Serialize)]
pub struct TermPage<'a> {
    pub term: TaxonomyTermView<'a>,
    pub paginator: Option<Paginator>,
}

/// The page `page/1/` of a paged listing: it sends readers (and crawlers, as the canonical
/// address says) to page 1 at the listing's own address, as Hugo and Zola do.
pub fn redirect(views: &Views, listing: &str) -> (String, String) {
    let to = views.url(listing);
    // Relative links name the file, which `file://` needs; the attributes are rewritten
    // with the page's other links, the refresh's address is written so here.
    let refresh = if views.config.relative_links {
        "../../index.html".to_string()
    } else {
        to.clone()
    };
    let html = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<link rel=\"canonical\" href=\"{to}\">\n<meta http-equiv=\"refresh\" content=\"0; url={refresh}\">\n</head>\n<body>\n<p><a href=\"{to}\">{title}</a></p>\n</body>\n</html>\n",
        lang = crate::markdown::escape(views.lang()),
        title = crate::markdown::escape(&views.config.title),
        to = crate::markdown::escape(&to),
        refresh = crate::markdown::escape(&refresh),
    );
    (format!("{listing}{PAGE_FOLDER}1/index.html"), html)
}

impl<'a> Views<'a> {
    /// The home page's cards: the team plan's briefs in hiring order (not in the library
    /// view), then the library's by archetype, by title.
    pub fn home_runs(&self) -> Vec<Run<'a>> {
        let content = self.content;
        let has_plan = content.has_plan();
        let mut runs = Vec::with_capacity(self.config.archetypes.len() + 1);
        if !self.config.archetypes_only {
            let roles = if has_plan {
                crate::playbook::sequence::hiring_order(self.config, content)
                    .into_iter()
                    .filter(|step| step.role.in_plan())
                    .filter_map(|step| {
                        let at = content
                            .roles
                            .binary_search_by(|r| r.slug.as_str().cmp(&step.role.slug))
                            .ok()?;
                        Some(&content.roles[at])
                    })
                    .collect()
            } else {
                Vec::new()
            };
            runs.push(Run {
                heading: Heading::Plan,
                roles,
            });
        }
        runs.extend(
            crate::playbook::roles_by_archetype(self.config, content)
                .into_iter()
                .map(|(archetype, roles)| Run {
                    heading: Heading::Archetype(&archetype.key),
                    roles: roles
                        .into_iter()
                        .filter(|r| !has_plan || !r.in_plan())
                        .collect(),
                }),
        );
        runs
    }

    /// The number of pages of the home listing.
    pub fn home_pages(&self) -> usize {
        self.pages_of(&self.home_runs())
    }

    /// The number of pages a listing of `runs` takes.
    pub fn pages_of(&self, runs: &[Run<'a>]) -> usize {
        let cards = runs.iter().map(|r| r.roles.len()).sum();
        page_count(cards, self.config.listing.page_size)
    }

    /// Page `number` of the home listing from its `runs`; `None` past the last page.
    pub fn home_page(
        &self,
        runs: &[Run<'a>],
        number: usize,
        words: &crate::render::wording::Wording,
    ) -> Option<HomePage<'a>> {
        let layout = paginate(&lens(runs), self.config.listing.page_size);
        let slices = layout.get(number.checked_sub(1)?)?;
        let cards = |run: &Run<'a>, range: &Range<usize>| {
            run.roles[range.clone()]
                .iter()
                .map(|r| self.role_card(r))
                .collect()
        };
        let mut groups = Vec::new();
        let mut plan = None;
        for slice in slices {
            let run = &runs[slice.run];
            match run.heading {
                Heading::Plan => {
                    plan = Some(PlanView {
                        // The staffing summary is the first page's.
                        staffing: if number == 1 {
                            self.staffing(words)
                        } else {
                            None
                        },
                        roles: cards(run, &slice.cards),
                        count: run.roles.len(),
                        continued: slice.cards.start > 0,
                    });
                }
                Heading::Archetype(key) => {
                    if let Some(archetype) = self.config.archetype(key) {
                        groups.push(ArchetypeGroup {
                            key: &archetype.key,
                            name: &archetype.name,
                            description: &archetype.description,
                            roles: cards(run, &slice.cards),
                            count: run.roles.len(),
                            continued: slice.cards.start > 0,
                        });
                    }
                }
                Heading::Primary | Heading::Secondary => {}
            }
        }
        Some(HomePage {
            groups,
            plan,
            paginator: Paginator::new(self, "", number, layout.len()),
        })
    }

    /// A term's cards: the briefs that hold it (for capabilities as primary, then as
    /// secondary), each by title.
    pub fn term_runs(&self, term: &TermData<'a>) -> Vec<Run<'a>> {
        let by_title = |roles: &[&'a Arc<Role>]| {
            let mut roles = roles.to_vec();
            roles.sort_by(|a, b| a.title().cmp(b.title()));
            roles
        };
        vec![
            Run {
                heading: Heading::Primary,
                roles: by_title(&term.roles),
            },
            Run {
                heading: Heading::Secondary,
                roles: by_title(&term.secondary),
            },
        ]
    }

    /// The runs of the term `key`, or `None` once no brief uses it.
    pub fn term_runs_of(&self, taxonomy: Taxonomy, key: &str) -> Option<Vec<Run<'a>>> {
        self.term_data(taxonomy, key).map(|t| self.term_runs(&t))
    }

    /// Every page of the term `term`, whose cards are `runs` (`term_runs`), as (folder,
    /// view); only page `number` when given.
    pub fn term_pages(
        &self,
        taxonomy: Taxonomy,
        term: &TermData<'a>,
        runs: &[Run<'a>],
        number: Option<usize>,
    ) -> Vec<(String, TermPage<'a>)> {
        let layout = paginate(&lens(runs), self.config.listing.page_size);
        let listing = taxonomy.term_path(&term.key);
        let numbers = match number {
            Some(n) => n..=n.min(layout.len()),
            None => 1..=layout.len(),
        };
        numbers
            .map(|n| {
                let mut view = self.term_view(taxonomy, term);
                view.primary_here = false;
                for slice in &layout[n - 1] {
                    let run = &runs[slice.run];
                    let cards = run.roles[slice.cards.clone()]
                        .iter()
                        .map(|r| self.role_card(r))
                        .collect();
                    match run.heading {
                        Heading::Primary => {
                            view.roles = cards;
                            view.primary_here = true;
                        }
                        _ => view.secondary = cards,
                    }
                }
                let page = TermPage {
                    term: view,
                    paginator: Paginator::new(self, &listing, n, layout.len()),
                };
                (page_path(&listing, n), page)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(lens: &[usize], size: usize) -> Vec<Vec<(usize, Range<usize>)>> {
        paginate(lens, size)
            .into_iter()
            .map(|p| p.into_iter().map(|s| (s.run, s.cards)).collect())
            .collect()
    }

    #[test]
    fn runs_split_into_pages_of_the_size_in_order() {
        assert_eq!(pages(&[], 3), vec![vec![]], "an empty listing has its page");
        assert_eq!(pages(&[3], 3), vec![vec![(0, 0..3)]]);
        assert_eq!(
            pages(&[2, 5], 3),
            vec![vec![(0, 0..2), (1, 0..1)], vec![(1, 1..4)], vec![(1, 4..5)],]
        );
        // An empty group sits where its place falls: after a full page, at the next one's top.
        assert_eq!(
            pages(&[3, 0, 1, 0], 3),
            vec![vec![(0, 0..3)], vec![(1, 0..0), (2, 0..1), (3, 0..0)]]
        );
        assert_eq!(pages(&[0, 0], 100), vec![vec![(0, 0..0), (1, 0..0)]]);
    }

    #[test]
    fn paths_are_stable_and_page_one_is_the_listing() {
        assert_eq!(page_path("", 1), "");
        assert_eq!(page_path("", 2), "page/2/");
        assert_eq!(page_path("tags/claims/", 7), "tags/claims/page/7/");
        assert_eq!(page_count(0, 100), 1);
        assert_eq!(page_count(100, 100), 1);
        assert_eq!(page_count(101, 100), 2);
    }

    #[test]
    fn the_navigation_links_the_ends_and_the_neighbours() {
        assert_eq!(linked_pages(1, 2), [1, 2]);
        assert_eq!(linked_pages(1, 7), [1, 2, 3, 7]);
        assert_eq!(linked_pages(4, 7), [1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(linked_pages(50, 100), [1, 48, 49, 50, 51, 52, 100]);
        // A gap of one page shows the page.
        assert_eq!(linked_pages(5, 100), [1, 2, 3, 4, 5, 6, 7, 100]);
        assert_eq!(linked_pages(100, 100), [1, 98, 99, 100]);
    }
}
