//! The hiring sequence as an inline SVG graph, drawn at build time: no script.

use std::collections::BTreeMap;

use crate::content::role::Role;
use crate::markdown::escape;
use crate::playbook::sequence::Step;

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// `text` in lines of at most `max` characters, broken between words, at most `lines` of
/// them: the last is shortened with "…" only when the words do not fit. A word longer than
/// a line is shortened on its own line.
fn wrap(text: &str, max: usize, lines: usize) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let full = out.len() == lines;
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            Some(line) if full => {
                // No room left: what remains goes on the last line, shortened.
                let rest = format!("{line} {}", words[i..].join(" "));
                *line = shorten(&rest, max);
                break;
            }
            _ => out.push(shorten(word, max)),
        }
    }
    out
}

const NODE_WIDTH: usize = 190;
const NODE_HEIGHT: usize = 46;
/// Characters of a node's label line: 13 px system-ui text is about 7 px a character
/// (the browser test measures that every label fits its node).
const LABEL_CHARS: usize = 24;
const LINE_HEIGHT: usize = 16;
const GAP_X: usize = 24;
const GAP_Y: usize = 56;

/// The sequence as an inline SVG: one row per layer, an arrow from each earlier hire to the
/// brief that waits for it. `url` gives each brief's address. Drawn at build time: no script.
pub fn svg(steps: &[Step], title: &str, url: impl Fn(&Role) -> String) -> String {
    let mut rows: BTreeMap<usize, Vec<&Step>> = BTreeMap::new();
    for step in steps {
        rows.entry(step.layer).or_default().push(step);
    }
    let widest = rows.values().map(Vec::len).max().unwrap_or(1).max(1);
    let width = widest * (NODE_WIDTH + GAP_X) + GAP_X;
    let height = rows.len().max(1) * (NODE_HEIGHT + GAP_Y);
    let mut at: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (row, (_, steps)) in rows.iter().enumerate() {
        let row_width = steps.len() * (NODE_WIDTH + GAP_X) - GAP_X;
        let left = (width - row_width) / 2;
        for (i, step) in steps.iter().enumerate() {
            at.insert(
                &step.role.slug,
                (
                    left + i * (NODE_WIDTH + GAP_X),
                    GAP_Y / 2 + row * (NODE_HEIGHT + GAP_Y),
                ),
            );
        }
    }
    let mut svg = format!(
        "<svg class=\"sequence-graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\"><title id=\"sequence-graph-title\">{}</title><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"arrow-head\"/></marker></defs>",
        crate::markdown::escape(title)
    );
    for step in steps {
        let Some(&(x, y)) = at.get(step.role.slug.as_str()) else {
            continue;
        };
        for earlier in &step.after {
            let Some(&(ex, ey)) = at.get(earlier.slug.as_str()) else {
                continue;
            };
            let (x1, y1) = (ex + NODE_WIDTH / 2, ey + NODE_HEIGHT);
            let (x2, y2) = (x + NODE_WIDTH / 2, y);
            let middle = (y1 + y2) / 2;
            svg.push_str(&format!(
                "<path class=\"edge\" d=\"M {x1} {y1} C {x1} {middle}, {x2} {middle}, {x2} {y2}\" marker-end=\"url(#arrow)\"/>"
            ));
        }
    }
    for (n, step) in steps.iter().enumerate() {
        let Some(&(x, y)) = at.get(step.role.slug.as_str()) else {
            continue;
        };
        let title = step.role.title();
        // The label on one or two lines, centred in the node.
        let lines = wrap(&format!("{}. {title}", n + 1), LABEL_CHARS, 2);
        let first = y + NODE_HEIGHT / 2 + 5 - (lines.len() - 1) * LINE_HEIGHT / 2;
        let centre = x + NODE_WIDTH / 2;
        let label: String = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                format!(
                    "<tspan x=\"{centre}\" y=\"{}\">{}</tspan>",
                    first + i * LINE_HEIGHT,
                    escape(line)
                )
            })
            .collect();
        svg.push_str(&format!(
            "<a href=\"{}\" class=\"node node-{}\"><title>{}. {}</title><rect x=\"{x}\" y=\"{y}\" width=\"{NODE_WIDTH}\" height=\"{NODE_HEIGHT}\" rx=\"6\"/><text text-anchor=\"middle\">{label}</text></a>",
            escape(&url(step.role)),
            escape(&step.role.front.archetype.value),
            n + 1,
            escape(title),
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{brief, config, content};
    use crate::playbook::sequence;

    #[test]
    fn the_graph_links_every_brief_and_escapes_titles() {
        let pages = [
            ("roles/a.md", brief("A & <B>", "manager", &[])),
            ("roles/c.md", brief("C", "builder", &["a"])),
        ];
        let content = content(&pages);
        let steps = sequence::hiring_order(&config(), &content);
        let svg = svg(&steps, "Hiring sequence", |r| format!("/roles/{}/", r.slug));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("href=\"/roles/a/\"") && svg.contains("href=\"/roles/c/\""));
        assert!(svg.contains("A &amp; &lt;B&gt;") && !svg.contains("<B>"));
        assert_eq!(svg.matches("class=\"edge\"").count(), 1);
    }

    #[test]
    fn labels_wrap_between_words_onto_two_lines_before_anything_is_cut() {
        assert_eq!(
            wrap("1. Claims ML Engineer", 24, 2),
            ["1. Claims ML Engineer"]
        );
        assert_eq!(
            wrap("2. AI Governance Owner, Claims", 24, 2),
            ["2. AI Governance Owner,", "Claims"]
        );
        assert_eq!(
            wrap("1. Head of AI, Claims Automation", 24, 2),
            ["1. Head of AI, Claims", "Automation"]
        );
        // Only what two lines cannot hold is cut, with the whole title in the tooltip.
        assert_eq!(
            wrap(
                "12. Senior Principal Staff Machine Learning Platform Engineer",
                24,
                2
            ),
            ["12. Senior Principal", "Staff Machine Learning…"]
        );
        assert_eq!(
            wrap("3. Supercalifragilisticexpialidocious", 24, 2),
            ["3.", "Supercalifragilisticexp…"]
        );
        let lines = wrap("a b c d e f g h i j k l m n o p q r s t u v w x y z", 5, 2);
        assert_eq!(lines, ["a b c", "d e…"]);
    }

    #[test]
    fn a_long_title_is_drawn_whole_on_two_lines() {
        let pages = [(
            "roles/g.md",
            brief("AI Governance Owner, Claims", "manager", &[]),
        )];
        let content = content(&pages);
        let steps = sequence::hiring_order(&config(), &content);
        let svg = svg(&steps, "Hiring sequence", |r| format!("/roles/{}/", r.slug));
        assert!(svg.contains(">1. AI Governance Owner,</tspan>"), "{svg}");
        assert!(
            svg.contains(">Claims</tspan>") && !svg.contains('…'),
            "{svg}"
        );
    }
}
