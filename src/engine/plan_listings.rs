//! The rebuild planner's part for paged listings: of the home listing and the term listings
//! an edit of one brief lays out again, only the pages it changes — those whose cards, their
//! order or their headings differ before and after, and those showing the brief's card when
//! that changed (`render::listing::changed_pages`). Pure, like the rest of the planner.

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Content;
use crate::render::listing::{self, INTRO};
use crate::render::pages::CARD;
use crate::render::views::Views;
use crate::render::{PageKey, Shows};

/// Replace, in `pages`, each whole listing (`Home`, `Term`) by the pages of it that the edit
/// of the brief `slug` changes, given what `changed` in its front matter: a listing of one
/// page stays whole, or goes when the edit changes nothing on it. A listing whose number of
/// pages changes stays whole (every page says how many there are), and so does a term that
/// appears or goes.
pub fn narrow(
    config: &Config,
    old: &Content,
    new: &Content,
    slug: &str,
    changed: &[Shows],
    pages: &mut BTreeSet<PageKey>,
) {
    let size = config.listing.page_size;
    let (before, after) = (Views::new(config, old), Views::new(config, new));
    let card = changed.iter().any(|what| CARD.contains(what));
    let listings: Vec<PageKey> = pages
        .iter()
        .filter(|key| matches!(key, PageKey::Home | PageKey::Term(..)))
        .cloned()
        .collect();
    // Each listing's cards before and after the edit, and the pages that differ: gathered,
    // sorted and compared on both cores, as they are most of a front-matter edit's planning
    // at 10,000 briefs.
    let changes: Vec<_> = listings
        .into_par_iter()
        .filter_map(|key| {
            let runs = match &key {
                PageKey::Home => {
                    // What the home page shows besides its cards, their grouping and their
                    // order (the team plan's is the hiring order) is on its first page;
                    // anything else it may show one day keeps it whole.
                    let beside_cards = |what: &Shows| {
                        !CARD.contains(what)
                            && !INTRO.contains(what)
                            && !matches!(what, Shows::Archetype | Shows::Hiring)
                    };
                    if changed
                        .iter()
                        .any(|w| PageKey::Home.shows(*w) && beside_cards(w))
                    {
                        return None;
                    }
                    Some(rayon::join(|| before.home_runs(), || after.home_runs()))
                }
                PageKey::Term(taxonomy, term) => before
                    .term_data(*taxonomy, term)
                    .zip(after.term_data(*taxonomy, term))
                    .map(|(b, a)| rayon::join(|| before.term_runs(&b), || after.term_runs(&a))),
                _ => None,
            };
            let (old_runs, new_runs) = runs?;
            let numbers = listing::changed_pages(&old_runs, &new_runs, size, slug, card)?;
            Some((key, numbers, after.pages_of(&new_runs)))
        })
        .collect();
    for (key, mut numbers, pages_after) in changes {
        if key == PageKey::Home && changed.iter().any(|what| INTRO.contains(what)) {
            numbers.insert(1);
        }
        pages.remove(&key);
        if pages_after == 1 {
            // One page before and after: the listing is that page, if it changed (a library
            // brief's hiring order is on no listing).
            if !numbers.is_empty() {
                pages.insert(key);
            }
            continue;
        }
        pages.extend(numbers.into_iter().map(|n| match &key {
            PageKey::Term(taxonomy, term) => PageKey::TermPage(*taxonomy, term.clone(), n),
            _ => PageKey::HomePage(n),
        }));
    }
}

/// `keys` without the pages another key lays out too: a page of a listing laid out whole,
/// a term of a taxonomy laid out whole (several edits in one rebuild plan both).
pub fn without_repeats(keys: &BTreeSet<PageKey>) -> Vec<PageKey> {
    let whole_taxonomy = |t| keys.contains(&PageKey::Taxonomy(t));
    keys.iter()
        .filter(|key| match key {
            PageKey::HomePage(_) => !keys.contains(&PageKey::Home),
            PageKey::Term(t, _) => !whole_taxonomy(*t),
            PageKey::TermPage(t, term, _) => {
                !whole_taxonomy(*t) && !keys.contains(&PageKey::Term(*t, term.clone()))
            }
            _ => true,
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{brief, config_with, content};
    use crate::engine::plan::{Selection, plan_content};
    use crate::render::site_views::Taxonomy;

    /// Eight builders, by title (pages of three: 1 = Applied ML, Claims Data, Computer
    /// Vision; 2 = Data Platform, LLM Platform, ML Platform; 3 = Prompt & Eval, Search
    /// Relevance), each tagged `claims` unless `tags` says otherwise.
    const BUILDERS: [(&str, &str); 8] = [
        ("applied-ml", "Applied ML Engineer"),
        ("claims-data", "Claims Data Engineer"),
        ("vision", "Computer Vision Engineer"),
        ("data-platform", "Data Platform Engineer"),
        ("llm-platform", "LLM Platform Engineer"),
        ("ml-platform", "ML Platform Engineer"),
        ("prompt-eval", "Prompt & Eval Engineer"),
        ("search", "Search Relevance Engineer"),
    ];

    fn site(edits: &[(&str, &str, &str)]) -> crate::content::Content {
        let pages: Vec<(String, String)> = BUILDERS
            .iter()
            .map(|(slug, title)| {
                let mut text =
                    brief(title, "builder", &[]).replacen("\n---\n", "\ntags: [claims]\n---\n", 1);
                for (edited, from, to) in edits {
                    if edited == slug {
                        text = text.replacen(from, to, 1);
                    }
                }
                (format!("roles/{slug}.md"), text)
            })
            .collect();
        let pages: Vec<(&str, String)> =
            pages.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
        content(&pages)
    }

    fn planned(edit: (&str, &str, &str)) -> BTreeSet<PageKey> {
        let config = config_with("listing:\n  page_size: 3\n");
        let plan = plan_content(&config, &site(&[]), &site(&[edit]));
        match plan.pages {
            Selection::Only(pages) => pages,
            Selection::All => panic!("a front-matter edit is planned page by page"),
        }
    }

    fn home(n: usize) -> PageKey {
        PageKey::HomePage(n)
    }

    fn builders(n: usize) -> PageKey {
        PageKey::TermPage(Taxonomy::Archetypes, "builder".into(), n)
    }

    fn claims(n: usize) -> PageKey {
        PageKey::TermPage(Taxonomy::Tags, "claims".into(), n)
    }

    fn listing_pages(pages: &BTreeSet<PageKey>) -> Vec<PageKey> {
        pages
            .iter()
            .filter(|k| {
                matches!(
                    k,
                    PageKey::Home
                        | PageKey::HomePage(_)
                        | PageKey::Term(..)
                        | PageKey::TermPage(..)
                )
            })
            .cloned()
            .collect()
    }

    #[test]
    fn a_summary_edit_lays_out_only_the_pages_showing_the_card() {
        let pages = planned((
            "llm-platform",
            "summary: S.",
            "summary: Runs the shared LLM gateway, its quotas and its evals.",
        ));
        assert_eq!(
            listing_pages(&pages),
            [home(2), builders(2), claims(2)],
            "{pages:?}"
        );
    }

    #[test]
    fn a_title_edit_lays_out_the_pages_between_its_old_and_new_place() {
        // Same place in the order: its page only.
        let pages = planned((
            "data-platform",
            "title: Data Platform Engineer",
            "title: Data Pipeline Engineer",
        ));
        assert_eq!(listing_pages(&pages), [home(2), builders(2), claims(2)]);
        // From the first page to the last: every card between moves up one.
        let pages = planned((
            "applied-ml",
            "title: Applied ML Engineer",
            "title: Staff ML Engineer",
        ));
        assert_eq!(
            listing_pages(&pages),
            [
                home(1),
                home(2),
                home(3),
                builders(1),
                builders(2),
                builders(3),
                claims(1),
                claims(2),
                claims(3),
            ]
        );
    }

    #[test]
    fn a_status_edit_lays_out_its_page_and_the_first_with_the_staffing_summary() {
        let pages = planned(("search", "\n---\n", "\nstatus: open\n---\n"));
        assert_eq!(
            listing_pages(&pages),
            [home(1), home(3), builders(3), claims(3)],
            "{pages:?}"
        );
    }

    #[test]
    fn a_brief_that_changes_tag_leaves_one_term_page_and_joins_another() {
        // Prompt & Eval is on the third page of `claims`: the first two stay as they are.
        let pages = planned(("prompt-eval", "tags: [claims]", "tags: [motor]"));
        assert_eq!(
            listing_pages(&pages),
            [
                // A new term: its one page, whole.
                PageKey::Term(Taxonomy::Tags, "motor".into()),
                claims(3),
            ],
            "{pages:?}"
        );
        assert!(pages.contains(&PageKey::TaxonomyIndex(Taxonomy::Tags)));
        assert!(pages.contains(&PageKey::Sitemap), "a new term's address");
        assert!(!pages.contains(&PageKey::Taxonomy(Taxonomy::Tags)));
    }

    #[test]
    fn a_listing_whose_number_of_pages_changes_is_laid_out_whole() {
        // Two leave `claims` (8 to 6 cards): three pages become two, and every page says so.
        let config = config_with("listing:\n  page_size: 3\n");
        let leave = |slug| (slug, "tags: [claims]", "tags: [motor]");
        let before = site(&[leave("search")]);
        let after = site(&[leave("search"), leave("prompt-eval")]);
        let pages = match plan_content(&config, &before, &after).pages {
            Selection::Only(pages) => pages,
            Selection::All => panic!("planned page by page"),
        };
        assert!(pages.contains(&PageKey::Term(Taxonomy::Tags, "claims".into())));
        assert!(
            !pages.iter().any(|k| matches!(k, PageKey::TermPage(..))),
            "{pages:?}"
        );
    }

    #[test]
    fn an_archetype_change_moves_the_card_between_groups_and_recounts_them() {
        let pages = planned(("search", "archetype: builder", "archetype: architect"));
        // The builders' group loses its last card (page 3); the architects' group, listed
        // before the builders, gains one: every page's cards move, and every heading counts.
        assert!(pages.contains(&home(1)) && pages.contains(&home(2)) && pages.contains(&home(3)));
        // The builders' term: only its last page; the architects': a new, one-page listing.
        assert!(pages.contains(&builders(3)), "{pages:?}");
        assert!(!pages.contains(&builders(1)) && !pages.contains(&builders(2)));
        assert!(pages.contains(&PageKey::Term(Taxonomy::Archetypes, "architect".into())));
    }

    #[test]
    fn pages_another_key_lays_out_are_not_laid_out_twice() {
        let keys = BTreeSet::from([
            PageKey::Home,
            home(2),
            PageKey::Taxonomy(Taxonomy::Tags),
            claims(1),
            PageKey::Term(Taxonomy::Tags, "motor".into()),
            PageKey::Term(Taxonomy::Archetypes, "builder".into()),
            builders(2),
            PageKey::TermPage(Taxonomy::Archetypes, "manager".into(), 2),
        ]);
        assert_eq!(
            without_repeats(&keys),
            [
                PageKey::Home,
                PageKey::Taxonomy(Taxonomy::Tags),
                PageKey::Term(Taxonomy::Archetypes, "builder".into()),
                PageKey::TermPage(Taxonomy::Archetypes, "manager".into(), 2),
            ]
        );
    }
}
