//! The lint findings a build keeps between renders, so that a rebuild runs only the lints
//! its edits can change, and puts the fresh findings over the kept ones in place.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::engine::journal::{Journal, Map};
use crate::playbook::lints;

/// One brief's, one page's or one lint's findings, shared between renders.
pub type Shared = Arc<Vec<Diagnostic>>;

type BriefFindings = BTreeMap<String, Shared>;
type BodyFindings = HashMap<PathBuf, Shared>;

/// Lint findings (errors too) as the lints produce them. Each brief's and each page's are
/// shared, so that a rebuild keeps the findings of what it did not touch without copying
/// them (a big playbook has tens of thousands).
pub struct LintFindings {
    /// Of the lints that read one brief's front matter, by the brief's content path. A
    /// finding on an inherited value names the parent's file, so several briefs can hold
    /// findings with the same file and line: an ordered map keeps their order stable.
    briefs: BriefFindings,
    /// Of the lints that read front matter across briefs.
    across: Shared,
    /// Files under `content/` that were not read (symbolic links, special files).
    skipped: Vec<Diagnostic>,
    /// Of the lints that read bodies, by file.
    bodies: BodyFindings,
}

impl LintFindings {
    /// Every finding, sorted, taken out: for a build that keeps nothing for a rebuild (a
    /// streamed one), so 26,000 findings are not held twice at the peak of its memory.
    pub fn into_all(self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self
            .briefs
            .into_values()
            .chain(std::iter::once(self.across))
            .chain(std::iter::once(Arc::new(self.skipped)))
            .chain(self.bodies.into_values())
            .flat_map(Arc::unwrap_or_clone)
            .collect();
        lints::sort(&mut all);
        all
    }

    /// Every finding, sorted.
    pub fn all(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self
            .briefs
            .values()
            .chain(std::iter::once(&self.across))
            .flat_map(|found| found.iter())
            .chain(&self.skipped)
            .chain(self.bodies.values().flat_map(|found| found.iter()))
            .cloned()
            .collect();
        lints::sort(&mut all);
        all
    }

    /// The findings kept of the lints across briefs.
    pub fn across(&self) -> &Shared {
        &self.across
    }
}

/// One part of the findings a render made: all of it, or only what its edits could change,
/// to put over the kept part.
pub enum Part<M, K> {
    Whole(M),
    Edited(Vec<(K, Shared)>),
}

/// The findings one render's lints made.
pub struct FreshFindings {
    pub briefs: Part<BriefFindings, String>,
    pub across: Shared,
    pub skipped: Vec<Diagnostic>,
    pub bodies: Part<BodyFindings, PathBuf>,
}

/// What putting fresh findings in place replaced, to put back if the render fails.
#[derive(Default)]
#[must_use = "it is how a failed render puts the findings back"]
pub struct FindingsUndo {
    /// There were no findings kept (a first render).
    had_none: bool,
    briefs: Journal<BriefFindings, String, Shared>,
    across: Option<Shared>,
    skipped: Option<Vec<Diagnostic>>,
    bodies: Journal<BodyFindings, PathBuf, Shared>,
}

impl FindingsUndo {
    /// Put `kept` back as it was before `keep`.
    pub fn undo(self, kept: &mut Option<LintFindings>) {
        if self.had_none {
            *kept = None;
            return;
        }
        let Some(findings) = kept else { return };
        self.briefs.undo(&mut findings.briefs);
        self.bodies.undo(&mut findings.bodies);
        if let Some(across) = self.across {
            findings.across = across;
        }
        if let Some(skipped) = self.skipped {
            findings.skipped = skipped;
        }
    }
}

/// Make `fresh` the findings in `kept`, in place; whether they are the same findings as
/// before (never, when none were kept).
pub fn keep(
    kept: &mut Option<LintFindings>,
    fresh: FreshFindings,
    undo: &mut FindingsUndo,
) -> bool {
    let Some(findings) = kept else {
        undo.had_none = true;
        *kept = Some(LintFindings {
            briefs: whole(fresh.briefs),
            across: fresh.across,
            skipped: fresh.skipped,
            bodies: whole(fresh.bodies),
        });
        return false;
    };
    let mut same = same_vec(&findings.across, &fresh.across)
        && same_findings(&findings.skipped, &fresh.skipped);
    undo.across = Some(std::mem::replace(&mut findings.across, fresh.across));
    undo.skipped = Some(std::mem::replace(&mut findings.skipped, fresh.skipped));
    same &= keep_part(
        &mut findings.briefs,
        fresh.briefs,
        &mut undo.briefs,
        same_briefs,
    );
    same &= keep_part(
        &mut findings.bodies,
        fresh.bodies,
        &mut undo.bodies,
        same_bodies,
    );
    same
}

/// A part as a whole map (an edited part with nothing kept under it is all there is).
fn whole<M: FromIterator<(K, Shared)>, K>(part: Part<M, K>) -> M {
    match part {
        Part::Whole(map) => map,
        Part::Edited(entries) => entries.into_iter().collect(),
    }
}

/// Put `part` in place in `map`; whether it holds the same findings as before (`same_whole`
/// compares a whole part; an edited entry under a new key is not the same).
fn keep_part<M: Map<K, Shared>, K: Clone>(
    map: &mut M,
    part: Part<M, K>,
    undo: &mut Journal<M, K, Shared>,
    same_whole: fn(&M, &M) -> bool,
) -> bool {
    match part {
        Part::Whole(fresh) => {
            let same = same_whole(map, &fresh);
            undo.replace(map, fresh);
            same
        }
        Part::Edited(entries) => {
            let mut same = true;
            for (key, found) in entries {
                same &= map.held(&key).is_some_and(|old| same_vec(old, &found));
                undo.put(map, key, found);
            }
            same
        }
    }
}

fn same_briefs(a: &BriefFindings, b: &BriefFindings) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|((path, a), (other_path, b))| path == other_path && same_vec(a, b))
}

fn same_bodies(a: &BodyFindings, b: &BodyFindings) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(file, a)| b.get(file).is_some_and(|b| same_vec(a, b)))
}

/// Whether two shared lists of findings are the same: the same list, or equal ones.
fn same_vec(a: &Shared, b: &Shared) -> bool {
    Arc::ptr_eq(a, b) || same_findings(a, b)
}

/// Whether two lists hold the same findings, as a reader sees them.
pub fn same_findings(a: &[Diagnostic], b: &[Diagnostic]) -> bool {
    fn key(d: &Diagnostic) -> impl PartialEq + '_ {
        let severity = d.severity;
        (
            &d.file,
            d.position,
            severity,
            d.code,
            &d.message,
            &d.help,
            d.waived(),
        )
    }
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| key(x) == key(y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Position, Severity};

    fn finding(file: &str, message: &str) -> Diagnostic {
        let mut d =
            Diagnostic::new(file, Position { line: 3, column: 1 }, message).with_help("fix it");
        d.severity = Severity::Warning;
        d
    }

    fn briefs(found: &[(&str, &[Diagnostic])]) -> Vec<(String, Shared)> {
        found
            .iter()
            .map(|(path, found)| (path.to_string(), Arc::new(found.to_vec())))
            .collect()
    }

    fn fresh(briefs: Part<BriefFindings, String>) -> FreshFindings {
        FreshFindings {
            briefs,
            across: Arc::default(),
            skipped: Vec::new(),
            bodies: Part::Whole(HashMap::new()),
        }
    }

    fn messages(kept: &Option<LintFindings>) -> Option<Vec<String>> {
        kept.as_ref()
            .map(|k| k.all().iter().map(|d| d.message.clone()).collect())
    }

    /// Findings for two briefs, kept as a first render leaves them.
    fn kept_ab() -> (Option<LintFindings>, Diagnostic, Diagnostic) {
        let a = finding("content/roles/a.md", "outcome measured in activity");
        let b = finding("content/roles/b.md", "no pay range");
        let mut kept = None;
        let first = fresh(Part::Whole(
            briefs(&[
                ("roles/a.md", std::slice::from_ref(&a)),
                ("roles/b.md", std::slice::from_ref(&b)),
            ])
            .into_iter()
            .collect(),
        ));
        let mut undo = FindingsUndo::default();
        assert!(
            !keep(&mut kept, first, &mut undo),
            "nothing was kept before"
        );
        (kept, a, b)
    }

    #[test]
    fn a_rebuild_keeps_the_last_findings_only_when_none_changed() {
        let (mut kept, a, b) = kept_ab();
        let before = messages(&kept);
        let mut raised = b.clone();
        raised.severity = Severity::Error;
        let cases = [
            // b's file was read again and says the same.
            (
                "same",
                briefs(&[("roles/b.md", std::slice::from_ref(&b))]),
                true,
            ),
            (
                "reworded",
                briefs(&[(
                    "roles/b.md",
                    &[finding("content/roles/b.md", "no pay range given")],
                )]),
                false,
            ),
            ("fixed", briefs(&[("roles/b.md", &[])]), false),
            ("raised", briefs(&[("roles/b.md", &[raised])]), false),
            ("a new brief", briefs(&[("roles/c.md", &[])]), false),
        ];
        for (case, edited, same) in cases {
            let mut undo = FindingsUndo::default();
            assert_eq!(
                keep(&mut kept, fresh(Part::Edited(edited)), &mut undo),
                same,
                "{case}"
            );
            undo.undo(&mut kept);
            assert_eq!(messages(&kept), before, "{case}: put back");
        }
        // A whole part is compared whole, entry by entry.
        let mut undo = FindingsUndo::default();
        let whole = briefs(&[("roles/a.md", &[a]), ("roles/b.md", &[b])]);
        assert!(keep(
            &mut kept,
            fresh(Part::Whole(whole.into_iter().collect())),
            &mut undo
        ));
    }

    #[test]
    fn fresh_findings_replace_the_kept_ones_in_place_and_a_first_render_is_undone_to_none() {
        let (mut kept, a, _) = kept_ab();
        let mut undo = FindingsUndo::default();
        let fixed = briefs(&[("roles/b.md", &[])]);
        assert!(!keep(&mut kept, fresh(Part::Edited(fixed)), &mut undo));
        assert_eq!(messages(&kept), Some(vec![a.message.clone()]));
        let mut first = None;
        let mut undo = FindingsUndo::default();
        let _ = keep(&mut first, fresh(Part::Edited(Vec::new())), &mut undo);
        assert!(first.is_some());
        undo.undo(&mut first);
        assert!(first.is_none());
    }
}
