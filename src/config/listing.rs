//! `listing:` in site.yaml: how many cards the home page and each term's page show before
//! they are split into pages (`render::listing`).

use serde::Deserialize;

/// `listing:` in site.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// Cards per page; a listing with more is split into pages at `page/2/`, `page/3/`…
    #[serde(default = "default_page_size")]
    pub page_size: usize,
}

/// A hundred cards lay out in a few milliseconds and read as one screenful of headings; a
/// site of a few hundred briefs gets a handful of pages.
pub const DEFAULT_PAGE_SIZE: usize = 100;

fn default_page_size() -> usize {
    DEFAULT_PAGE_SIZE
}

impl Default for Listing {
    fn default() -> Self {
        Listing {
            page_size: DEFAULT_PAGE_SIZE,
        }
    }
}

impl Listing {
    /// What is wrong with the values as written, with a suggestion.
    pub fn problem(&self) -> Option<(String, &'static str)> {
        (self.page_size == 0).then(|| {
            (
                "`listing.page_size` is 0: a page must show at least one card".to_string(),
                "write how many cards a page shows, e.g. `page_size: 100` (the default), or leave `listing:` out",
            )
        })
    }
}
