//! `broken-link`: links in bodies to pages that do not exist, or to `#anchors` no heading of
//! the linked page carries.

use std::collections::BTreeSet;

use crate::content::Content;
use crate::diagnostic::{Diagnostics, did_you_mean};
use crate::markdown::{LinkIndex, LinkProblem, MarkdownCache};

/// Links to pages that do not exist, and `#anchors` no heading carries, on every page or on
/// the pages in `only` (content paths).
pub fn link_problems(
    content: &Content,
    cache: &MarkdownCache,
    links: &LinkIndex,
    only: Option<&BTreeSet<String>>,
) -> Diagnostics {
    let mut problems = Diagnostics::default();
    for (_, source, body_offset) in content.pages_in(only) {
        let Some(md) = cache.get(&source.content_path) else {
            continue;
        };
        let at = |offset: usize| source.position_in_body(body_offset, offset);
        for (offset, problem) in &md.problems {
            let d = match problem {
                LinkProblem::MissingPage { dest, content_path }
                    if let Some((message, help)) = unknown_term(links, dest, content_path) =>
                {
                    source.diagnostic(at(*offset), message).with_help(help)
                }
                LinkProblem::MissingPage { dest, content_path } => {
                    let help = match did_you_mean(content_path, links.paths()) {
                        Some(close) => format!("did you mean `@/{close}`?"),
                        None => "link to pages by their source path, e.g. `@/roles/caio.md` or `caio.md`".to_string(),
                    };
                    source
                        .diagnostic(
                            at(*offset),
                            format!(
                                "broken link `{dest}`: there is no page content/{content_path}"
                            ),
                        )
                        .with_help(help)
                }
                LinkProblem::OutsideContent { dest } => source
                    .diagnostic(
                        at(*offset),
                        format!("broken link `{dest}`: it leads outside content/"),
                    )
                    .with_help(
                        "link to pages by their path inside content/, e.g. `@/roles/caio.md`",
                    ),
            };
            problems.push(d);
        }
        for anchor_ref in &md.anchor_refs {
            let Some(targets) = cache.get(&anchor_ref.content_path).map(|md| &md.anchors) else {
                continue;
            };
            if targets.contains(&anchor_ref.anchor) {
                continue;
            }
            let help = match did_you_mean(&anchor_ref.anchor, targets.iter().map(String::as_str)) {
                Some(close) => format!("did you mean `#{close}`?"),
                None if targets.is_empty() => "that page has no headings".to_string(),
                None => format!(
                    "its headings are: {}",
                    targets
                        .iter()
                        .map(|t| format!("#{t}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            problems.push(
                source
                    .diagnostic(
                        at(anchor_ref.offset),
                        format!(
                            "broken link `{}`: no heading `#{}` on content/{}",
                            anchor_ref.dest, anchor_ref.anchor, anchor_ref.content_path
                        ),
                    )
                    .with_help(help),
            );
        }
    }
    problems
}

/// The message and help of a link to a term of site.yaml's vocabulary by a key it does
/// not have (`@/capabilities/security`): the closest key, or failing one every key.
fn unknown_term(links: &LinkIndex, dest: &str, content_path: &str) -> Option<(String, String)> {
    let (taxonomy, key, keys) = links.vocabulary_term(content_path)?;
    let folder = taxonomy.path();
    let help = match did_you_mean(key, keys.iter().map(String::as_str)) {
        Some(close) => format!("did you mean `@/{folder}{close}`?"),
        None => format!(
            "the {} of site.yaml: {}",
            taxonomy.title().to_lowercase(),
            keys.join(", ")
        ),
    };
    let message = format!(
        "broken link `{dest}`: site.yaml has no {} `{key}`",
        taxonomy.noun()
    );
    Some((message, help))
}
