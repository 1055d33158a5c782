//! The site's bodies as a whole: every page's address by source path, and every body
//! rendered or scanned in parallel.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use rayon::prelude::*;

use super::{Html, LinkIndex, RenderedMarkdown};
use crate::config::Config;
use crate::content::Content;
use crate::content::role::role_path;
use crate::content::taxonomy::Taxonomy;

/// Rendered bodies by content path (`roles/caio.md`).
pub type MarkdownCache = HashMap<String, Arc<RenderedMarkdown>>;

/// Every page's address by its source path, for links written as source paths, and every
/// archetype's and capability's page by key (`@/archetypes/builder`).
pub fn link_index(config: &Config, content: &Content) -> LinkIndex {
    let base_path = config.base_path();
    let mut links = LinkIndex::default();
    for role in &content.roles {
        links.insert(
            role.source.content_path.clone(),
            format!("{base_path}{}", role_path(&role.slug)),
        );
    }
    for guide in &content.guides {
        links.insert(
            guide.source.content_path.clone(),
            format!("{base_path}{}", guide.path),
        );
    }
    // Every key of the vocabulary has its page, held by a brief or not, so these links
    // hold while site.yaml keeps the key. Tags come and go with the briefs: not linkable.
    let archetypes = config.archetypes.iter().map(|a| a.key.clone()).collect();
    links.insert_vocabulary(Taxonomy::Archetypes, archetypes, &base_path);
    let capabilities = config.capabilities.iter().map(|c| c.key.clone()).collect();
    links.insert_vocabulary(Taxonomy::Capabilities, capabilities, &base_path);
    links
}

/// Render the bodies of the pages whose content path `only` holds (all when `None`).
pub fn render_markdown(
    content: &Content,
    links: &LinkIndex,
    only: Option<&BTreeSet<String>>,
    to: Html,
) -> Vec<(String, Arc<RenderedMarkdown>)> {
    process_markdown(content, links, only, &|body, path, links| {
        super::render(body, path, links, to)
    })
}

/// Like `render_markdown` without the HTML (see `markdown::scan`).
pub fn scan_markdown(content: &Content, links: &LinkIndex) -> Vec<(String, Arc<RenderedMarkdown>)> {
    process_markdown(content, links, None, &super::scan)
}

/// What a streamed build still reads of the bodies it scanned once the lints have run: each
/// body's headings (the search index lists them); its links, anchors, list items and code
/// ranges are let go. 10,000 briefs: ~25 MB less held while the pages are laid out.
pub fn keep_headings(cache: MarkdownCache) -> MarkdownCache {
    cache
        .into_iter()
        .map(|(path, md)| match Arc::try_unwrap(md) {
            Ok(md) => (
                path,
                Arc::new(RenderedMarkdown {
                    html: md.html,
                    toc: md.toc,
                    has_html: md.has_html,
                    ..RenderedMarkdown::default()
                }),
            ),
            Err(shared) => (path, shared),
        })
        .collect()
}

fn process_markdown(
    content: &Content,
    links: &LinkIndex,
    only: Option<&BTreeSet<String>>,
    process: &(dyn Fn(&str, &str, &LinkIndex) -> RenderedMarkdown + Sync),
) -> Vec<(String, Arc<RenderedMarkdown>)> {
    // Each body is `source.body(…)`: in memory, or read again once a streamed build let
    // it go.
    content
        .pages_in(only)
        .par_iter()
        .filter_map(|&(_, source, body_offset)| {
            // A body that cannot be read again (its file changed during the build) is left
            // out here; laying out its page reports it.
            let body = source.body(body_offset).ok()?;
            let rendered = process(&body, &source.content_path, links);
            Some((source.content_path.clone(), Arc::new(rendered)))
        })
        .collect()
}
