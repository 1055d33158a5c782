//! `gen check`'s `broken-link` findings on the site as laid out: each broken link of
//! `site_links` traced back to what wrote it (a template, or a page's body), once per place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::Content;
use crate::content::role::role_path;
use crate::diagnostic::{Diagnostic, Position, position_of};
use crate::engine::site_links::{self, Addressing, BrokenLink, Problem};
use crate::playbook::lints;

/// Attributes whose values templates write as addresses; as `site_links` reads them.
const URL_ATTRIBUTES: [&str; 5] = ["href", "src", "action", "data-index", "data-root"];

/// A `broken-link` finding for each place (template, body or page) that writes broken links,
/// at the level `site.yaml` sets. `files` is the site as laid out (output path → bytes);
/// `templates` each template's file and text; `known` the findings already made, so a link the
/// Markdown checks reported is not reported twice.
pub fn broken_link_findings(
    config: &Config,
    content: &Content,
    files: &crate::output::SiteFiles,
    templates: &[(&Path, &str)],
    known: &[Diagnostic],
) -> Vec<Diagnostic> {
    let base_url = config.base_url();
    let base_path = config.base_path();
    let site = Addressing {
        base_url: &base_url,
        base_path: &base_path,
        relative_links: config.relative_links,
    };
    let written_in = template_addresses(templates);
    let bodies = page_bodies(content);
    // One finding per place and address, however many pages repeat it (a broken link in
    // base.html is on every page).
    let mut places: BTreeMap<(Place, String), Vec<BrokenLink>> = BTreeMap::new();
    for broken in site_links::broken_links(files, &site) {
        let place = place_of(&broken, &bodies, &written_in, &base_path);
        places
            .entry((place, broken.url.clone()))
            .or_default()
            .push(broken);
    }
    places
        .into_iter()
        .filter(|((place, url), _)| !reported_already(place, url, known))
        .filter_map(|((place, url), pages)| {
            lints::site_finding(config, "broken-link", finding(&place, &url, &pages))
        })
        .collect()
}

/// What wrote a broken link.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// A template file (path from the site root), at the address's value.
    Template(PathBuf, Position),
    /// A brief's or guide's source file, where its body writes the address.
    Body(PathBuf, Position),
    /// Neither could be told: the output page it is on.
    Page(String),
}

/// The page's own body when it states the address; otherwise the template whose address
/// pattern matches it most closely; otherwise any body that states it (the whole-playbook page
/// holds every brief's body); otherwise the page.
fn place_of(
    broken: &BrokenLink,
    bodies: &BTreeMap<String, (&Path, &str, usize)>,
    templates: &[TemplateAddress],
    base_path: &str,
) -> Place {
    let stating = |(file, text, body_offset): &(&Path, &str, usize)| {
        let at = stated_at(&text[*body_offset..], &broken.url)?;
        Some(Place::Body(
            file.to_path_buf(),
            position_of(text, body_offset + at),
        ))
    };
    if let Some(place) = bodies.get(&broken.page).and_then(stating) {
        return place;
    }
    let written = spellings(broken, base_path);
    templates
        .iter()
        .filter(|t| written.iter().any(|w| t.matches(w)))
        .max_by_key(|t| t.literal_len())
        .map(|t| Place::Template(t.file.to_path_buf(), t.position))
        .or_else(|| bodies.values().find_map(stating))
        .unwrap_or_else(|| Place::Page(broken.page.clone()))
}

/// Where Markdown or HTML in `body` states `url` as a whole address: `(url)`, `"url"`,
/// `<url>`, `[x]: url`; not as the end of a longer one (`../roles/caio.md` for `caio.md`).
fn stated_at(body: &str, url: &str) -> Option<usize> {
    body.match_indices(url).map(|(at, _)| at).find(|&at| {
        let before = body[..at].chars().next_back();
        let after = body[at + url.len()..].chars().next();
        before.is_none_or(|c| c.is_whitespace() || "(\"'<=".contains(c))
            && after.is_none_or(|c| c.is_whitespace() || ")\"'>#".contains(c))
    })
}

/// The ways a template may have spelled the address: as written, and, when it leads inside
/// the site, from the base path (`{{ site.base_path }}x/` becomes `../../x/index.html` with
/// relative links).
fn spellings(broken: &BrokenLink, base_path: &str) -> Vec<String> {
    let mut written = vec![broken.url.clone()];
    match &broken.problem {
        Problem::NoFile(file) => {
            written.push(format!("{base_path}{file}"));
            if let Some(folder) = file.strip_suffix("index.html") {
                written.push(format!("{base_path}{folder}"));
            }
        }
        Problem::NoId { page, id } => {
            let folder = page.strip_suffix("index.html").unwrap_or(page);
            written.push(format!("{base_path}{folder}#{id}"));
            written.push(format!("#{id}"));
        }
        _ => {}
    }
    written
}

/// The Markdown checks name a broken link of a body as "broken link `address`": the same
/// address in the same file is theirs.
fn reported_already(place: &Place, url: &str, known: &[Diagnostic]) -> bool {
    let Place::Body(file, _) = place else {
        return false;
    };
    known.iter().any(|d| {
        d.code == Some("broken-link") && &d.file == file && d.message.contains(&format!("`{url}`"))
    })
}

fn finding(place: &Place, url: &str, pages: &[BrokenLink]) -> Diagnostic {
    let first = &pages[0];
    let on = match pages.len() {
        1 => format!("on {}", first.page),
        n => format!("on {n} pages, e.g. {}", first.page),
    };
    let why = match &first.problem {
        Problem::NoId { page, id } if *page == first.page => {
            format!("no element of the page has id `{id}`")
        }
        problem => problem.to_string(),
    };
    let message = format!("broken link `{url}` {on}: {why}");
    let (file, position) = match place {
        Place::Template(file, position) | Place::Body(file, position) => (file.clone(), *position),
        Place::Page(page) => (PathBuf::from(page), Position::START),
    };
    Diagnostic::new(file, position, message).with_help(help(place, &first.problem))
}

fn help(place: &Place, problem: &Problem) -> String {
    let fix = match (place, problem) {
        (Place::Body(..), Problem::NoFile(_)) => {
            "link to pages by their source path (`@/roles/caio.md`), which gen checks and turns into the page's address; put other files in static/"
        }
        (Place::Page(page), _) if !page.ends_with(".html") => {
            "the file comes from static/ (the site's or the theme's) or from gen itself: correct the address there, or add the file it names to static/"
        }
        (_, Problem::NoFile(_)) => {
            "use the addresses the views give (`{{ role.url }}`, `{{ tag.url }}`, `{{ link.url }}`) rather than making them in the template; a hand-made one must match the folder gen writes"
        }
        (_, Problem::NoId { .. }) => {
            "link to an id the page carries: a heading's id comes from its text (`## Title {#custom-id}` sets one)"
        }
        (_, Problem::OutsideBasePath) => {
            "start internal addresses with `{{ site.base_path }}` so they follow base_url; write a page elsewhere on the host as a full address (https://…)"
        }
        (_, Problem::AboveRoot) => {
            "each `../` climbs one folder: start from `{{ site.base_path }}` instead of counting"
        }
        (_, Problem::NeedsServer) => {
            "relative links rewrite the href, src, action, data-index and data-root of elements from `{{ site.base_path }}`: an address elsewhere (a CSS url(), another attribute) or a relative folder address stays as written; write it relative, with index.html"
        }
    };
    fix.to_string()
}

/// Each brief's and guide's page (output path) with its source file, text and where its body
/// starts.
fn page_bodies(content: &Content) -> BTreeMap<String, (&Path, &str, usize)> {
    let pages: BTreeMap<&str, String> = content
        .roles
        .iter()
        .map(|r| (r.source.content_path.as_str(), role_path(&r.slug)))
        .chain(
            content
                .guides
                .iter()
                .map(|g| (g.source.content_path.as_str(), g.path.clone())),
        )
        .collect();
    content
        .pages_in(None)
        .into_iter()
        .filter_map(|(_, source, body_offset)| {
            // The site's links are checked on a build kept in memory, bodies and all.
            source.body_in_memory(body_offset)?;
            let folder = pages.get(source.content_path.as_str())?;
            Some((
                format!("{folder}index.html"),
                (source.file.as_path(), &*source.text, body_offset),
            ))
        })
        .collect()
}

/// An address as a template writes it: literal text and `{{ … }}` / `{% … %}` tags, which
/// stand for any text.
#[derive(Debug)]
struct TemplateAddress<'t> {
    file: &'t Path,
    position: Position,
    /// The literal runs between tags, in order.
    literals: Vec<&'t str>,
    starts_with_tag: bool,
    ends_with_tag: bool,
}

impl TemplateAddress<'_> {
    fn literal_len(&self) -> usize {
        self.literals.iter().map(|l| l.len()).sum()
    }

    /// Whether the template can write `address`: its literal runs in order, the first at the
    /// start and the last at the end unless a tag stands there.
    fn matches(&self, address: &str) -> bool {
        if self.literal_len() == 0 {
            // `href="{{ link.url }}"` writes anything: it says nothing about the address.
            return false;
        }
        let mut rest = address;
        let last = self.literals.len() - 1;
        for (i, literal) in self.literals.iter().enumerate() {
            let anchored_start = i == 0 && !self.starts_with_tag;
            let anchored_end = i == last && !self.ends_with_tag;
            let found = if anchored_end {
                rest.ends_with(literal)
                    .then(|| rest.len() - literal.len())
                    .filter(|at| !anchored_start || *at == 0)
            } else if anchored_start {
                rest.starts_with(literal).then_some(0)
            } else {
                rest.find(literal)
            };
            let Some(at) = found else {
                return false;
            };
            rest = &rest[at + literal.len()..];
        }
        true
    }
}

/// Every address attribute of every template.
fn template_addresses<'t>(templates: &[(&'t Path, &'t str)]) -> Vec<TemplateAddress<'t>> {
    templates
        .iter()
        .flat_map(|(file, text)| {
            URL_ATTRIBUTES.iter().flat_map(move |attribute| {
                let pattern = format!("{attribute}=");
                text.match_indices(&pattern)
                    .map(|(at, _)| at)
                    .filter(|at| text[..*at].ends_with(|c: char| c.is_whitespace()))
                    .filter_map(|at| address_at(file, text, at + pattern.len()))
                    .collect::<Vec<_>>()
            })
        })
        .collect()
}

/// The quoted attribute value starting at `at` in a template, cut into literal runs and tags.
fn address_at<'t>(file: &'t Path, text: &'t str, at: usize) -> Option<TemplateAddress<'t>> {
    let quote = text[at..]
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'')?;
    let start = at + 1;
    let mut literals = Vec::new();
    let (mut run, mut i) = (start, start);
    let mut last_was_tag = false;
    let mut starts_with_tag = false;
    while i < text.len() {
        let rest = &text[i..];
        if rest.starts_with(quote) {
            break;
        }
        let close = if rest.starts_with("{{") {
            "}}"
        } else if rest.starts_with("{%") {
            "%}"
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            last_was_tag = false;
            continue;
        };
        if i > run {
            literals.push(&text[run..i]);
        } else if literals.is_empty() {
            starts_with_tag = true;
        }
        i += rest.find(close).map_or(rest.len(), |end| end + close.len());
        run = i;
        last_was_tag = true;
    }
    if i > run {
        literals.push(&text[run..i]);
    }
    Some(TemplateAddress {
        file,
        position: position_of(text, start),
        literals,
        starts_with_tag,
        ends_with_tag: last_was_tag,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addresses(template: &str) -> Vec<TemplateAddress<'_>> {
        template_addresses(&[(Path::new("templates/page.html"), template)])
    }

    #[test]
    fn template_addresses_are_literal_runs_between_tags() {
        let found = addresses(
            "<a href=\"{{ site.base_path }}tags/{{ tag | slugify }}/\">t</a>\n<img data-src=\"x\" src='{{ a }}'>\n<a class=\"x\" href=\"{{ \"q\" }}#{% if x %}a{% endif %}\">",
        );
        let shapes: Vec<(Vec<&str>, bool, bool, usize)> = found
            .iter()
            .map(|a| {
                (
                    a.literals.clone(),
                    a.starts_with_tag,
                    a.ends_with_tag,
                    a.position.line,
                )
            })
            .collect();
        assert_eq!(
            shapes,
            [
                (vec!["tags/", "/"], true, false, 1),
                (vec!["#", "a"], true, true, 3),
                (vec![], true, true, 2),
            ]
        );
    }

    #[test]
    fn bodies_state_whole_addresses_only() {
        let body =
            "See [the lead](../roles/caio.md) and [CAIO](caio.md#why), <a href=\"caio.md\">.";
        assert_eq!(
            stated_at(body, "caio.md"),
            body.find("(caio.md#").map(|at| at + 1)
        );
        assert_eq!(stated_at(body, "roles/caio.md"), None);
        assert_eq!(stated_at("[old]: old.pdf\n", "old.pdf"), Some(7));
    }

    #[test]
    fn patterns_match_the_addresses_they_can_write() {
        // (template attribute, address, whether it can write it)
        let cases = [
            (
                r#"href="{{ site.base_path }}tags/{{ t }}/""#,
                "/tags/r-d/",
                true,
            ),
            (
                r#"href="{{ site.base_path }}tags/{{ t }}/""#,
                "/roles/r-d/",
                false,
            ),
            (
                r#"href="{{ site.base_path }}nowhere/""#,
                "/pb/nowhere/",
                true,
            ),
            (
                r#"href="{{ site.base_path }}nowhere/""#,
                "/pb/nowhere/x/",
                false,
            ),
            (r#"href="/nowhere/""#, "/nowhere/", true),
            (r#"href="/nowhere/""#, "/pb/nowhere/", false),
            (r##"href="#{{ id }}""##, "#why", true),
            (r#"href="{{ link.url }}""#, "/anything/", false),
        ];
        for (template, address, expected) in cases {
            let text = format!("<a {template}>");
            let found = addresses(&text);
            assert_eq!(found.len(), 1, "{template}");
            assert_eq!(
                found[0].matches(address),
                expected,
                "{template} ~ {address}"
            );
        }
    }
}
