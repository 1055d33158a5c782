//! The lints of what the team covers: capabilities of the vocabulary no brief owns.

use super::*;

/// Up to three names, then "and more" (the list may have been cut short): messages stay
/// readable on big playbooks.
pub(super) fn few(names: &[&str]) -> String {
    match names.len() {
        0..=3 => names.join(", "),
        _ => format!("{} and more", names[..3].join(", ")),
    }
}

/// Capabilities of the vocabulary that no team brief holds as primary (the team: the briefs
/// of `content/plan/` when it has any), and, once statuses are in use, those held only by
/// planned briefs: nobody is hired or being hired for that work.
pub(super) fn unowned_capabilities(config: &Config, content: &Content) -> Vec<Diagnostic> {
    use crate::playbook::staffing::{self, Staffing};
    let team = content.team();
    let statuses = staffing::statuses_in_use(config, &team);
    let plan = content.has_plan();
    let file = Path::new(crate::config::CONFIG_FILE);
    let text = config.source.clone().unwrap_or_default();
    // Every holder counts here: a bundled brief is `bundled-role`'s finding, not this one's.
    staffing::classify(config, &team, |_| false)
        .into_iter()
        .filter_map(|row| {
            let capability = row.capability;
            let (message, help) = match row.state {
                Staffing::Unowned if plan => (
                    format!(
                        "unowned capability: no brief of the team plan (content/plan/) holds `{}` ({}) as primary",
                        capability.key, capability.name
                    ),
                    None,
                ),
                Staffing::Unowned => (
                    format!(
                        "unowned capability: no brief holds `{}` ({}) as primary",
                        capability.key, capability.name
                    ),
                    None,
                ),
                Staffing::Planned if statuses => {
                    let titles: Vec<&str> = row.holders.iter().map(|r| r.title()).collect();
                    (
                        format!(
                            "capability with nobody hired: `{}` ({}) is held as primary only by planned briefs ({}); none is filled or open",
                            capability.key,
                            capability.name,
                            few(&titles)
                        ),
                        Some(format!(
                            "open the search for `{}` (`status: open`) or give the capability to a filled or open brief",
                            row.holders[0].slug
                        )),
                    )
                }
                _ => return None,
            };
            let d = Diagnostic::new(file, capability.key_at, message)
                .with_help_opt(help)
                .with_source(text.clone());
            finding(config, None, "unowned-capability", d)
        })
        .collect()
}
