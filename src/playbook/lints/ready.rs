//! The readiness gate (`gen check --ready`): an open brief must answer every intake
//! question before its search runs. The questions and what answers them are
//! `playbook::readiness`; this turns each gap of a gated brief into a `not-ready` finding.

use super::*;
use crate::playbook::readiness::{self, Gap};

/// A `not-ready` finding for each intake question an open brief leaves unanswered.
pub fn not_ready(config: &Config, content: &Content) -> Vec<Diagnostic> {
    content
        .roles
        .iter()
        .filter(|role| readiness::gated(config, role))
        .flat_map(|role| {
            readiness::unanswered(config, role)
                .into_iter()
                .filter_map(|gap| finding(config, Some(role), "not-ready", at_gap(role, &gap)))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// At the key that should answer the question, in the file that wrote it; at the start of
/// the brief's front matter when no file in its `extends` chain writes the key.
fn at_gap(role: &Role, gap: &Gap) -> Diagnostic {
    let key = gap.question.key();
    let source = role.source_of(key);
    let written = crate::content::front_matter::keys(&source.text);
    let (source, at) = match written.get(key).or_else(|| written.get(&format!("{key}+"))) {
        Some(written) => (source, written.at),
        None => (&role.source, Position::START),
    };
    role.diagnostic_at(
        source,
        at,
        format!(
            "not ready to open: `{key}` {} ({})",
            gap.why,
            gap.question.asks()
        ),
    )
}
