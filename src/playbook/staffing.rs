//! Staffing: for each capability of the vocabulary, whether the team has it staffed (a filled
//! brief holds it as primary), covered without a hire (an existing employee, a partner or a
//! contractor holds it until a team brief's hire starts: `covered_by`), is hiring for it (an
//! open one does, none filled), only plans it (held by planned briefs alone), or leaves it
//! unowned. A bundled brief (one person asked for several jobs) is listed but not counted:
//! it does not staff what it holds. Pure.

use serde::Serialize;

use crate::config::{Capability, Config};
use crate::content::Content;
use crate::content::role::{Role, Status};
use crate::playbook::team_plan::{CoverRow, covers_of};

/// Where the team stands on one capability, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Staffing {
    Staffed,
    /// Held until a hire starts by someone who is not a hire: counts as staffed.
    Covered,
    Hiring,
    Planned,
    Unowned,
}

impl Staffing {
    pub const ALL: [Staffing; 5] = [
        Staffing::Staffed,
        Staffing::Covered,
        Staffing::Hiring,
        Staffing::Planned,
        Staffing::Unowned,
    ];

    /// How the site words the state.
    pub fn label(self) -> &'static str {
        match self {
            Staffing::Staffed => "staffed",
            Staffing::Covered => "covered",
            Staffing::Hiring => "being hired",
            Staffing::Planned => "planned only",
            Staffing::Unowned => "unowned",
        }
    }
}

/// One capability and the team briefs that hold it as primary (filled, then open, then
/// planned; by title within each).
#[derive(Debug)]
pub struct CapabilityStaffing<'a> {
    pub capability: &'a Capability,
    pub state: Staffing,
    /// The briefs whose holding counts: `state` is read from them.
    pub holders: Vec<&'a Role>,
    /// Bundled briefs that hold it too, in the same order: listed, not counted.
    pub bundled: Vec<&'a Role>,
    /// The cover that holds it on the day of the build (`covered_by` of team briefs not
    /// filled yet), whatever the state: shown beside the holders.
    pub covers: Vec<CoverRow<'a>>,
}

/// Whether the site reads statuses: not in the library view (`archetypes_only`), and only
/// once a team brief is open or filled (a plan where everything is planned has not started).
pub fn statuses_in_use(config: &Config, team: &[&Role]) -> bool {
    !config.archetypes_only && team.iter().any(|r| r.front.status != Status::Planned)
}

/// Every capability of the vocabulary, in its order, classified over `team`; the briefs
/// `is_bundled` picks hold their capabilities without staffing them.
pub fn classify<'a>(
    config: &'a Config,
    team: &[&'a Role],
    is_bundled: impl Fn(&Role) -> bool,
) -> Vec<CapabilityStaffing<'a>> {
    let bundled_flags: Vec<bool> = team.iter().map(|r| is_bundled(r)).collect();
    let active: Vec<CoverRow> = team
        .iter()
        .flat_map(|r| covers_of(config, r))
        .filter(|c| c.active)
        .collect();
    config
        .capabilities
        .iter()
        .map(|capability| {
            let (mut holders, mut bundled): (Vec<&Role>, Vec<&Role>) = (Vec::new(), Vec::new());
            for (role, is_bundled) in team.iter().zip(&bundled_flags) {
                if role.holds_primary(&capability.key) {
                    match is_bundled {
                        false => holders.push(role),
                        true => bundled.push(role),
                    }
                }
            }
            for list in [&mut holders, &mut bundled] {
                list.sort_by(|a, b| {
                    (rank(a.front.status), a.title()).cmp(&(rank(b.front.status), b.title()))
                });
            }
            let covers: Vec<CoverRow> = active
                .iter()
                .filter(|c| c.capabilities.contains(&capability.key.as_str()))
                .cloned()
                .collect();
            let state = match holders.first().map(|r| r.front.status) {
                Some(Status::Filled) => Staffing::Staffed,
                _ if !covers.is_empty() => Staffing::Covered,
                None => Staffing::Unowned,
                Some(Status::Open) => Staffing::Hiring,
                Some(Status::Planned) => Staffing::Planned,
            };
            CapabilityStaffing {
                capability,
                state,
                holders,
                bundled,
                covers,
            }
        })
        .collect()
}

fn rank(status: Status) -> u8 {
    match status {
        Status::Filled => 0,
        Status::Open => 1,
        Status::Planned => 2,
    }
}

/// The site's team, classified; bundled briefs (as `bundled-role` reads their front
/// matter) are not counted.
pub fn site_staffing<'a>(config: &'a Config, content: &'a Content) -> Vec<CapabilityStaffing<'a>> {
    classify(config, &content.team(), |r| {
        crate::playbook::breadth::is_bundled(config, r)
    })
}

/// How many capabilities are in each state, in `Staffing::ALL` order.
pub fn counts(rows: &[CapabilityStaffing]) -> [(Staffing, usize); 5] {
    Staffing::ALL.map(|state| (state, rows.iter().filter(|r| r.state == state).count()))
}

/// One line for the home page: "4 of 9 capabilities staffed; 2 being hired; Security &
/// Compliance unowned". Unowned capabilities are named (up to three), the rest counted.
pub fn summary(rows: &[CapabilityStaffing]) -> String {
    let [staffed, covered, hiring, planned, unowned] = counts(rows).map(|(_, n)| n);
    let mut parts = vec![format!(
        "{staffed} of {} {} staffed",
        rows.len(),
        if rows.len() == 1 {
            "capability"
        } else {
            "capabilities"
        }
    )];
    if covered > 0 {
        parts.push(format!("{covered} covered until a hire"));
    }
    if hiring > 0 {
        parts.push(format!("{hiring} being hired"));
    }
    if planned > 0 {
        parts.push(format!("{planned} planned only"));
    }
    let names: Vec<&str> = rows
        .iter()
        .filter(|r| r.state == Staffing::Unowned)
        .map(|r| r.capability.name.as_str())
        .collect();
    match unowned {
        0 => {}
        1..=3 => parts.push(format!("{} unowned", and_list(&names))),
        n => parts.push(format!("{n} unowned")),
    }
    parts.join("; ")
}

fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{config, content, staffed_brief as brief};

    fn state_of<'a>(rows: &'a [CapabilityStaffing], key: &str) -> &'a CapabilityStaffing<'a> {
        rows.iter()
            .find(|r| r.capability.key == key)
            .expect("capability")
    }

    #[test]
    fn every_capability_state_is_classified() {
        let content = content(&[
            ("roles/lead.md", brief("Lead", "leadership", "filled")),
            (
                "roles/ml.md",
                brief("ML", "applied-ml, prompt-eval", "open"),
            ),
            ("roles/ml2.md", brief("ML two", "applied-ml", "filled")),
            (
                "roles/data.md",
                brief("Data", "data-engineering", "planned"),
            ),
            ("roles/eval.md", brief("Eval", "prompt-eval", "planned")),
        ]);
        let config = config();
        let rows = site_staffing(&config, &content);
        let cases = [
            ("leadership", Staffing::Staffed, vec!["Lead"]),
            // A filled holder wins over an open one, and is listed first.
            ("applied-ml", Staffing::Staffed, vec!["ML two", "ML"]),
            // Open beats planned.
            ("prompt-eval", Staffing::Hiring, vec!["ML", "Eval"]),
            ("data-engineering", Staffing::Planned, vec!["Data"]),
            ("security-compliance", Staffing::Unowned, vec![]),
        ];
        for (key, state, holders) in cases {
            let row = state_of(&rows, key);
            assert_eq!(row.state, state, "{key}");
            let titles: Vec<&str> = row.holders.iter().map(|r| r.title()).collect();
            assert_eq!(titles, holders, "{key}");
        }
        assert_eq!(
            counts(&rows),
            [
                (Staffing::Staffed, 2),
                (Staffing::Covered, 0),
                (Staffing::Hiring, 1),
                (Staffing::Planned, 1),
                (Staffing::Unowned, 5)
            ]
        );
        assert_eq!(
            summary(&rows),
            "2 of 9 capabilities staffed; 1 being hired; 1 planned only; 5 unowned"
        );
    }

    #[test]
    fn a_plan_folder_is_the_team_and_unowned_work_is_named() {
        let content = content(&[
            (
                "roles/lib.md",
                brief("Library", "security-compliance", "filled"),
            ),
            (
                "plan/lead.md",
                brief("Lead", "leadership, product", "filled"),
            ),
            (
                "plan/ml.md",
                brief("ML", "applied-ml, prompt-eval, data-engineering", "open"),
            ),
            (
                "plan/ops.md",
                brief(
                    "Ops",
                    "platform-mlops, architecture, change-management",
                    "filled",
                ),
            ),
        ]);
        let config = config();
        let rows = site_staffing(&config, &content);
        assert_eq!(
            state_of(&rows, "security-compliance").state,
            Staffing::Unowned,
            "the library's archetypes are not the team"
        );
        assert_eq!(
            summary(&rows),
            "5 of 9 capabilities staffed; 3 being hired; Security & Compliance unowned"
        );
        let team = content.team();
        assert!(statuses_in_use(&config, &team));
        let mut library = config.clone();
        library.archetypes_only = true;
        assert!(!statuses_in_use(&library, &team));
    }

    #[test]
    fn bundled_briefs_are_listed_but_do_not_staff_what_they_hold() {
        let unicorn_decisions = "decisions:\n  - The AI strategy and roadmap\n  - The target architecture\n  - Which vendors we buy from\n  - Hiring the AI team\n  - AI governance and compliance\n";
        let content = content(&[
            (
                "plan/everything.md",
                brief(
                    "Head of Everything",
                    "leadership, architecture, product, change-management",
                    "filled",
                ),
            ),
            ("plan/lead.md", brief("Lead", "leadership", "open")),
            (
                "plan/broad.md",
                brief("Broad Lead", "security-compliance", "filled")
                    .replace("decisions: [D]\n", unicorn_decisions),
            ),
            (
                "plan/allowed.md",
                brief(
                    "Allowed",
                    "data-engineering, platform-mlops, applied-ml, prompt-eval",
                    "filled",
                )
                .replace("status: filled", "status: filled\nallow: [bundled-role]"),
            ),
        ]);
        let config = config();
        let rows = site_staffing(&config, &content);
        let titles = |roles: &[&Role]| -> Vec<String> {
            roles.iter().map(|r| r.title().to_string()).collect()
        };
        let cases = [
            // A bundled filled brief does not staff; the open one beside it counts.
            (
                "leadership",
                Staffing::Hiring,
                vec!["Lead"],
                vec!["Head of Everything"],
            ),
            // Held only by a bundled brief (too many primary capabilities): unowned.
            (
                "architecture",
                Staffing::Unowned,
                vec![],
                vec!["Head of Everything"],
            ),
            // Bundled by its decisions (five areas of work), not its capabilities.
            (
                "security-compliance",
                Staffing::Unowned,
                vec![],
                vec!["Broad Lead"],
            ),
            // `allow: [bundled-role]` is a deliberate choice: it counts.
            (
                "data-engineering",
                Staffing::Staffed,
                vec!["Allowed"],
                vec![],
            ),
        ];
        for (key, state, holders, bundled) in cases {
            let row = state_of(&rows, key);
            assert_eq!(row.state, state, "{key}");
            assert_eq!(titles(&row.holders), holders, "{key}");
            assert_eq!(titles(&row.bundled), bundled, "{key}");
        }
        // The lint's classification counts everyone: bundling is another lint's finding.
        let counted = classify(&config, &content.team(), |_| false);
        assert_eq!(state_of(&counted, "architecture").state, Staffing::Staffed);
    }

    #[test]
    fn cover_counts_as_staffed_until_its_date_and_never_as_a_hire() {
        let cover = |status: &str, until: &str, extra: &str| {
            brief("Governance", "security-compliance", status).replace(
                &format!("status: {status}"),
                &format!(
                    "status: {status}\ntarget_start: 2027-04\ncovered_by:\n  - {{kind: existing, name: CISO, until: {until}{extra}}}"
                ),
            )
        };
        let mut config = config();
        config.build_date = Some((2026, 12, 1));
        let cases = [
            // An existing CISO holds security review until the governance owner starts.
            (cover("open", "2027-04", ""), Staffing::Covered),
            // Cover that ended before the build is no cover: the search is what is left.
            (cover("open", "2026-11", ""), Staffing::Hiring),
            // Held by a planned brief only, covered meanwhile.
            (cover("planned", "2027-Q2", ""), Staffing::Covered),
            // A filled brief's cover is over: the hire is in seat.
            (cover("filled", "2027-04", ""), Staffing::Staffed),
        ];
        for (text, state) in cases {
            let content = content(&[("plan/gov.md", text.clone())]);
            let rows = site_staffing(&config, &content);
            assert_eq!(
                state_of(&rows, "security-compliance").state,
                state,
                "{text}"
            );
        }
        // Cover may name capabilities its brief does not hold: no brief owns data work yet.
        let content = content(&[(
            "plan/gov.md",
            cover("open", "2027-06", ", capabilities: [data-engineering]"),
        )]);
        let rows = site_staffing(&config, &content);
        let data = state_of(&rows, "data-engineering");
        assert_eq!(data.state, Staffing::Covered);
        assert!(data.holders.is_empty());
        assert_eq!(data.covers[0].cover.name.value, "CISO");
        assert_eq!(
            state_of(&rows, "security-compliance").state,
            Staffing::Hiring
        );
        assert!(
            summary(&rows).contains("1 covered until a hire; 1 being hired"),
            "{}",
            summary(&rows)
        );
    }

    #[test]
    fn statuses_are_not_in_use_while_everything_is_planned() {
        let content = content(&[("roles/a.md", brief("A", "leadership", "planned"))]);
        assert!(!statuses_in_use(&config(), &content.team()));
    }
}
