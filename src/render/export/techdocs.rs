//! `gen export techdocs`: the playbook as MkDocs sources, which Backstage TechDocs builds:
//! `mkdocs.yml` with the navigation in the site's order, `docs/` with one Markdown file per
//! page (a brief's fields as sections, then its body with links rewritten to `.md` paths)
//! and `catalog-info.yaml` with the `backstage.io/techdocs-ref` annotation.

use std::collections::HashSet;

use pulldown_cmark::{Event, Parser, Tag};

use super::page::{Block, Group, Inline, Section, WikiPage};
use super::{ExportFile, SiteAddresses, relative_file};
use crate::config::Config;
use crate::markdown::{LinkTarget, options, resolve_link};
use crate::slug::slugify;

pub fn export(site: &SiteAddresses, pages: &[WikiPage]) -> Vec<ExportFile> {
    let config = site.config;
    let keys: HashSet<&str> = pages.iter().map(|p| p.key.as_str()).collect();
    let mut files = vec![
        ExportFile::text("mkdocs.yml", mkdocs_yml(config, pages)),
        ExportFile::text("catalog-info.yaml", catalog_info(config)),
    ];
    for page in pages {
        files.push(ExportFile::text(
            format!("docs/{}.md", page.key),
            markdown(site, page, &keys),
        ));
    }
    files
}

/// A YAML scalar that is always a string: double-quoted, with JSON's escapes, which YAML
/// reads the same.
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

fn mkdocs_yml(config: &Config, pages: &[WikiPage]) -> String {
    let mut out = format!("site_name: {}\n", yaml_string(&config.title));
    if !config.description.trim().is_empty() {
        out.push_str(&format!(
            "site_description: {}\n",
            yaml_string(config.description.trim())
        ));
    }
    out.push_str("docs_dir: docs\n");
    // Every page is in the navigation and every link names a file: say so when not.
    out.push_str("validation:\n  omitted_files: warn\n  absolute_links: warn\n  unrecognized_links: warn\n  anchors: warn\n");
    out.push_str("markdown_extensions:\n  - tables\n  - toc:\n      permalink: true\n");
    out.push_str("nav:\n");
    for group in [Group::Home, Group::TeamPlan, Group::Library, Group::Guides] {
        let in_group: Vec<&WikiPage> = pages.iter().filter(|p| p.group == group).collect();
        match (group, in_group.as_slice()) {
            (_, []) => {}
            (Group::Home, [home, ..]) => out.push_str(&format!(
                "  - {}: {}.md\n",
                yaml_string(group.label()),
                home.key
            )),
            (_, pages) => {
                out.push_str(&format!("  - {}:\n", yaml_string(group.label())));
                for page in pages {
                    out.push_str(&format!(
                        "      - {}: {}.md\n",
                        yaml_string(&page.title),
                        page.key
                    ));
                }
            }
        }
    }
    out
}

fn catalog_info(config: &Config) -> String {
    let name: String = slugify(&config.title).chars().take(63).collect();
    let name = if name.is_empty() {
        "playbook".into()
    } else {
        name
    };
    format!(
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: {name}\n  title: {}\n  description: {}\n  annotations:\n    backstage.io/techdocs-ref: dir:.\nspec:\n  type: documentation\n  lifecycle: production\n  owner: unknown\n",
        yaml_string(&config.title),
        yaml_string(config.description.trim()),
    )
}

/// Text as Markdown shows it, not as markup: `*`, `_`, `[`, a leading `#` and the like
/// escaped, `<` and `>` as entities so no text becomes HTML (MkDocs writes a bare `&` as
/// `&amp;` itself).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '{' | '}' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

fn inlines(items: &[Inline], from: &str) -> String {
    items
        .iter()
        .map(|i| match i {
            Inline::Text(text) => escape(text),
            Inline::Strong(text) => format!("**{}**", escape(text.trim_end())) + trailing(text),
            Inline::Page { key, text } => {
                format!("[{}]({})", escape(text), relative_file(from, key, "md"))
            }
        })
        .collect()
}

fn trailing(text: &str) -> &str {
    &text[text.trim_end().len()..]
}

fn blocks(out: &mut String, section: &Section, from: &str) {
    out.push_str(&format!("## {}\n\n", escape(&section.heading)));
    for block in &section.blocks {
        match block {
            Block::Paragraph(items) => out.push_str(&format!("{}\n\n", inlines(items, from))),
            Block::Subheading(text) => out.push_str(&format!("### {}\n\n", escape(text))),
            Block::Bullets(items) => {
                for item in items {
                    out.push_str(&format!("- {}\n", inlines(item, from)));
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (n, item) in items.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", n + 1, inlines(item, from)));
                }
                out.push('\n');
            }
        }
    }
}

fn markdown(site: &SiteAddresses, page: &WikiPage, keys: &HashSet<&str>) -> String {
    let mut out = format!("# {}\n\n", escape(&page.title));
    if let Some(lead) = &page.lead {
        out.push_str(&format!("{}\n\n", escape(lead)));
    }
    for section in &page.sections {
        blocks(&mut out, section, &page.key);
    }
    if let Some((body, content_path)) = &page.body {
        out.push_str(&body_links_rewritten(
            site,
            body,
            content_path,
            &page.key,
            keys,
        ));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// The body as written, each link to a page of the playbook pointing at its `.md` file
/// in the export, and each link to a page the export has not (a capability's page) at
/// the site when its address is absolute, else left as its text.
fn body_links_rewritten(
    site: &SiteAddresses,
    body: &str,
    content_path: &str,
    from: &str,
    keys: &HashSet<&str>,
) -> String {
    let target = |dest: &str| -> Option<Option<String>> {
        match resolve_link(content_path, dest) {
            LinkTarget::Page {
                content_path: path,
                anchor,
            } => {
                let key = path.trim_end_matches(".md");
                let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                if path.ends_with(".md") && keys.contains(key) {
                    Some(Some(format!("{}{anchor}", relative_file(from, key, "md"))))
                } else {
                    Some(site.address(&path).map(|url| format!("{url}{anchor}")))
                }
            }
            LinkTarget::Anchor(_) | LinkTarget::Other => None,
            LinkTarget::OutsideContent => Some(None),
        }
    };
    // (range in the body, its replacement), in order.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let parser = Parser::new_ext(body, options());
    let mut events = parser.into_offset_iter();
    for (event, range) in events.by_ref() {
        let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event else {
            continue;
        };
        let Some(replacement) = target(&dest_url) else {
            continue;
        };
        let written = &body[range.clone()];
        // The destination as written, after the text's `](`; a reference link's is in its
        // definition, rewritten below.
        let Some(open) = written.rfind("](") else {
            continue;
        };
        let Some(at) = written[open..].find(dest_url.as_ref()) else {
            continue;
        };
        let start = range.start + open + at;
        match replacement {
            Some(url) => edits.push((start..start + dest_url.len(), url)),
            None => {
                let text_end = range.start + open;
                let text_start = range.start + written.find('[').map_or(0, |i| i + 1);
                edits.push((range.clone(), body[text_start..text_end].to_string()));
            }
        }
    }
    for (_, definition) in events.reference_definitions().iter() {
        if let Some(Some(url)) = target(&definition.dest) {
            let written = &body[definition.span.clone()];
            if let Some(at) = written.find(definition.dest.as_ref()) {
                let start = definition.span.start + at;
                edits.push((start..start + definition.dest.len(), url));
            }
        }
    }
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(&body[at..range.start]);
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(&body[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::config;

    #[test]
    fn links_between_pages_point_at_their_files() {
        let config = config();
        let links = crate::markdown::LinkIndex::default();
        let site = SiteAddresses {
            config: &config,
            links: &links,
        };
        let keys: HashSet<&str> = ["plan/claims-lead", "roles/head-of-ai", "guides/how-to-read"]
            .into_iter()
            .collect();
        let body = "See the [archetype](../roles/head-of-ai.md#why) and [how to read][read], \
                    the [governance capability](@/capabilities/governance) and [the web](https://example.com).\n\n\
                    [read]: @/guides/how-to-read.md\n";
        let out = body_links_rewritten(
            &site,
            body,
            "plan/claims-lead.md",
            "plan/claims-lead",
            &keys,
        );
        assert!(
            out.contains("[archetype](../roles/head-of-ai.md#why)"),
            "{out}"
        );
        assert!(out.contains("[read]: ../guides/how-to-read.md"), "{out}");
        assert!(out.contains("the governance capability and"), "{out}");
        assert!(out.contains("[the web](https://example.com)"), "{out}");
    }

    #[test]
    fn text_from_front_matter_is_not_markup() {
        assert_eq!(
            escape("<script> *bold* [x](y) # 100%"),
            "&lt;script&gt; \\*bold\\* \\[x\\](y) \\# 100%"
        );
    }
}
