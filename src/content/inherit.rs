//! `extends`: a brief that adapts another inherits every key it leaves out. Lists and maps
//! replace the inherited value; `key+` appends to it. Resolved once every brief is loaded.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use crate::yaml::Spanned;

use crate::content::front_matter;
use crate::content::role::{
    Capabilities, MEASURE_KEYS, Origins, REQUIRED, Role, RoleFront, Success, WrittenFront,
    measure_key, position,
};
use crate::content::source::SourceFile;
use crate::diagnostic::{Diagnostic, Position, did_you_mean, display_path};

/// A brief that `extends` another, parsed and checked on its own, waiting for its parent.
#[derive(Debug, Clone)]
pub struct Derived {
    pub source: SourceFile,
    pub written: Arc<WrittenFront>,
    pub slug: String,
    pub body_offset: usize,
}

impl Derived {
    fn parent_slug(&self) -> &str {
        self.written
            .extends
            .as_ref()
            .map_or("", |e| e.value.as_str())
    }

    fn extends_position(&self) -> Position {
        self.written
            .extends
            .as_ref()
            .map_or(Position::START, |e| position(e.referenced))
    }
}

/// A brief with no parent: its own front matter, checked for the required keys.
pub fn standalone(
    written: &WrittenFront,
    source: &SourceFile,
    slug: String,
    body_offset: usize,
) -> Result<Role, Vec<Diagnostic>> {
    let (front, origins) = resolve(written, source, None)?;
    Ok(Role {
        source: source.clone(),
        front,
        slug,
        body_offset,
        written: None,
        origins,
        tag_slugs: Default::default(),
    })
}

/// Resolve every derived brief over its parent (parents first), adding them to `roles`.
/// Returns the problems: cycles (named in full), missing parents (when `report_missing`),
/// and required keys the whole chain leaves out.
/// A chain longer than `max_depth` (`limits.max_extends_depth`) is refused at the first
/// brief past the limit, and the briefs above it are not resolved: a chain of 50,000 briefs
/// costs a walk over them, not a rebuild of each.
pub fn resolve_all(
    roles: &mut Vec<Arc<Role>>,
    derived: Vec<Derived>,
    report_missing: bool,
    max_depth: usize,
) -> Vec<Diagnostic> {
    // Most sites derive nothing: then there is no index of the briefs to build.
    if derived.is_empty() {
        return Vec::new();
    }
    let mut resolver = Resolver {
        known: roles.iter().map(|r| (r.slug.clone(), r.clone())).collect(),
        index: HashMap::new(),
        state: vec![State::Waiting; derived.len()],
        stack: Vec::new(),
        cycles: BTreeSet::new(),
        problems: Vec::new(),
        report_missing,
        derived: &derived,
    };
    for (i, d) in derived.iter().enumerate() {
        resolver.index.entry(d.slug.clone()).or_insert(i);
    }
    let depths = depths(&derived, &resolver.index, &resolver.known);
    for (i, depth) in depths.iter().enumerate() {
        let Some(depth) = *depth else { continue };
        if depth <= max_depth {
            continue;
        }
        // Each brief past the limit stays unresolved; the first of its chain says why.
        resolver.state[i] = State::Done(None);
        if depth == max_depth + 1 {
            resolver
                .problems
                .push(too_deep(&derived, &resolver.index, i, max_depth));
        }
    }
    for i in 0..derived.len() {
        if let Some(role) = resolver.resolve(i) {
            roles.push(role);
        }
    }
    let mut problems = resolver.problems;
    for cycle in &resolver.cycles {
        problems.push(cycle_problem(&derived, cycle));
    }
    problems
}

#[derive(Clone)]
enum State {
    Waiting,
    InProgress,
    Done(Option<Arc<Role>>),
}

struct Resolver<'a> {
    known: HashMap<String, Arc<Role>>,
    index: HashMap<String, usize>,
    state: Vec<State>,
    stack: Vec<usize>,
    /// Each cycle once, as indices rotated to start at the smallest slug.
    cycles: BTreeSet<Vec<usize>>,
    problems: Vec<Diagnostic>,
    report_missing: bool,
    derived: &'a [Derived],
}

impl Resolver<'_> {
    fn resolve(&mut self, i: usize) -> Option<Arc<Role>> {
        match &self.state[i] {
            State::Done(role) => return role.clone(),
            State::InProgress => {
                let start = self.stack.iter().position(|&j| j == i).unwrap_or(0);
                let cycle = &self.stack[start..];
                let smallest = (0..cycle.len())
                    .min_by_key(|&k| &self.derived[cycle[k]].slug)
                    .unwrap_or(0);
                let rotated: Vec<usize> = cycle[smallest..]
                    .iter()
                    .chain(&cycle[..smallest])
                    .copied()
                    .collect();
                self.cycles.insert(rotated);
                return None;
            }
            State::Waiting => {}
        }
        self.state[i] = State::InProgress;
        self.stack.push(i);
        let all = self.derived;
        let derived = &all[i];
        let parent_slug = derived.parent_slug();
        let parent = if let Some(role) = self.known.get(parent_slug) {
            Some(role.clone())
        } else if let Some(&j) = self.index.get(parent_slug) {
            self.resolve(j)
        } else {
            if self.report_missing {
                self.problems
                    .push(missing_parent(self.derived, i, &self.known));
            }
            None
        };
        self.stack.pop();
        let role = parent.and_then(|parent| {
            match resolve(&derived.written, &derived.source, Some(&parent)) {
                Ok((front, origins)) => Some(Arc::new(Role {
                    source: derived.source.clone(),
                    front,
                    slug: derived.slug.clone(),
                    body_offset: derived.body_offset,
                    written: Some(derived.written.clone()),
                    origins,
                    tag_slugs: Default::default(),
                })),
                Err(problems) => {
                    self.problems.extend(problems);
                    None
                }
            }
        });
        self.state[i] = State::Done(role.clone());
        role
    }
}

/// Each derived brief's depth: how many briefs its `extends` chain holds above it (1 for
/// one that extends a brief that extends nothing, or a brief that does not exist). `None`
/// for a brief on a cycle or below one (the resolver reports cycles). Walked without
/// recursion, each brief once, so a chain of any length costs no stack.
fn depths(
    derived: &[Derived],
    index: &HashMap<String, usize>,
    known: &HashMap<String, Arc<Role>>,
) -> Vec<Option<usize>> {
    #[derive(Clone, Copy)]
    enum Seen {
        No,
        OnPath,
        Depth(Option<usize>),
    }
    let parent = |i: usize| {
        let slug = derived[i].parent_slug();
        // As the resolver does: a brief that extends nothing wins over a derived one.
        if known.contains_key(slug) {
            None
        } else {
            index.get(slug).copied()
        }
    };
    let mut seen = vec![Seen::No; derived.len()];
    let mut path = Vec::new();
    for start in 0..derived.len() {
        let mut at = start;
        let mut below = loop {
            match seen[at] {
                Seen::Depth(depth) => break depth,
                Seen::OnPath => break None,
                Seen::No => {
                    seen[at] = Seen::OnPath;
                    path.push(at);
                    match parent(at) {
                        Some(next) => at = next,
                        None => break Some(0),
                    }
                }
            }
        };
        while let Some(i) = path.pop() {
            below = below.map(|depth| depth + 1);
            seen[i] = Seen::Depth(below);
        }
    }
    seen.into_iter()
        .map(|s| match s {
            Seen::Depth(depth) => depth,
            Seen::No | Seen::OnPath => None,
        })
        .collect()
}

/// The first brief of a chain past `max_depth`: where it writes `extends`, and the chain.
fn too_deep(
    derived: &[Derived],
    index: &HashMap<String, usize>,
    i: usize,
    max_depth: usize,
) -> Diagnostic {
    let d = &derived[i];
    let mut chain = vec![d.slug.as_str()];
    let mut at = i;
    while let Some(&next) = index.get(derived[at].parent_slug()) {
        // The chain has a depth, so it ends; the bound is only a guard.
        if chain.len() > max_depth + 2 {
            break;
        }
        chain.push(derived[next].slug.as_str());
        at = next;
    }
    chain.push(derived[at].parent_slug());
    let shown = if chain.len() > 6 {
        format!(
            "{} → … → {}",
            chain[..3].join(" → "),
            chain[chain.len() - 2..].join(" → ")
        )
    } else {
        chain.join(" → ")
    };
    d.source
        .diagnostic(
            d.extends_position(),
            format!(
                "`extends` chain too deep: `{}` has {} briefs above it, more than the limit of {max_depth}",
                d.slug,
                max_depth + 1
            ),
        )
        .with_help(format!(
            "the chain is {shown}; a brief usually adapts an archetype one to three levels up: extend a brief nearer the top, or raise `limits.max_extends_depth` in site.yaml"
        ))
}

fn missing_parent(derived: &[Derived], i: usize, known: &HashMap<String, Arc<Role>>) -> Diagnostic {
    let d = &derived[i];
    let mut slugs: Vec<&str> = known
        .keys()
        .map(String::as_str)
        .chain(derived.iter().map(|d| d.slug.as_str()))
        .collect();
    slugs.sort_unstable();
    slugs.dedup();
    let help = match did_you_mean(d.parent_slug(), slugs.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => "`extends` takes the slug of another brief, e.g. `head-of-ai`".to_string(),
    };
    d.source
        .diagnostic(
            d.extends_position(),
            format!(
                "`extends` names `{}`, which is not a brief",
                d.parent_slug()
            ),
        )
        .with_help(help)
}

fn cycle_problem(derived: &[Derived], cycle: &[usize]) -> Diagnostic {
    let first = &derived[cycle[0]];
    let chain: Vec<&str> = cycle
        .iter()
        .chain(cycle.first())
        .map(|&i| derived[i].slug.as_str())
        .collect();
    let steps: Vec<String> = cycle
        .iter()
        .map(|&i| {
            let d = &derived[i];
            let at = d.extends_position();
            format!(
                "{}:{}:{} ({} extends {})",
                display_path(&d.source.file),
                at.line,
                at.column,
                d.slug,
                d.parent_slug()
            )
        })
        .collect();
    first
        .source
        .diagnostic(
            first.extends_position(),
            format!("`extends` forms a cycle: {}", chain.join(" → ")),
        )
        .with_help(format!(
            "a brief cannot inherit from itself; remove one `extends` of the cycle: {}",
            steps.join("; ")
        ))
}

/// Tracks which file wrote each inherited or appended value while merging.
struct Merge<'a> {
    source: &'a SourceFile,
    parent: Option<&'a Role>,
    origins: Origins,
}

impl<'a> Merge<'a> {
    fn inherit(&mut self, key: &'static str, parent: &Role) {
        let runs = parent
            .origins
            .0
            .get(key)
            .cloned()
            .unwrap_or_else(|| vec![(0, parent.source.clone())]);
        self.origins.0.insert(key, runs);
    }

    /// The brief's own value, or the parent's.
    fn value<T: Clone + 'a>(
        &mut self,
        key: &'static str,
        own: Option<&T>,
        inherited: impl Fn(&'a RoleFront) -> Option<T>,
    ) -> Option<T> {
        if let Some(own) = own {
            return Some(own.clone());
        }
        let parent = self.parent?;
        let value = inherited(&parent.front)?;
        self.inherit(key, parent);
        Some(value)
    }

    /// The files that wrote each horizon's measures of the parent's `success`, for a brief
    /// that inherits it whole.
    fn inherit_measures(&mut self, parent: &Role) {
        for key in MEASURE_KEYS {
            if let Some(runs) = parent.origins.0.get(key) {
                self.origins.0.insert(key, runs.clone());
            }
        }
    }

    /// `success+`: each horizon's inherited measures keep the files that wrote them, and
    /// the appended ones are this brief's.
    fn append_measures(&mut self, parent: &Role, more: &Success) {
        let inherited = parent.front.success.value.horizons();
        for ((horizon, _, had), (_, _, appended)) in inherited.into_iter().zip(more.horizons()) {
            let key = measure_key(horizon);
            let mut runs = parent
                .origins
                .0
                .get(key)
                .or_else(|| parent.origins.0.get("success"))
                .cloned()
                .unwrap_or_else(|| vec![(0, parent.source.clone())]);
            if appended.is_some_and(|a| !a.is_empty()) {
                runs.push((had.map_or(0, <[_]>::len), self.source.clone()));
            }
            self.origins.0.insert(key, runs);
        }
    }

    /// A list: the brief's own (replacing), the parent's with `key+` appended, or the
    /// parent's as it is.
    fn list<T: Clone + 'a>(
        &mut self,
        key: &'static str,
        own: Option<&Vec<T>>,
        more: Option<&Vec<T>>,
        inherited: impl Fn(&'a RoleFront) -> &'a Vec<T>,
    ) -> Vec<T> {
        if let Some(own) = own {
            return own.clone();
        }
        let Some(parent) = self.parent else {
            return more.cloned().unwrap_or_default();
        };
        let mut list = inherited(&parent.front).clone();
        self.inherit(key, parent);
        if let Some(more) = more.filter(|m| !m.is_empty()) {
            if let Some(runs) = self.origins.0.get_mut(key) {
                runs.push((list.len(), self.source.clone()));
            }
            list.extend(more.iter().cloned());
        }
        list
    }
}

/// `success+`: each horizon's measures appended to the inherited ones.
fn append_success(inherited: &Success, more: &Success) -> Success {
    let join = |a: &Option<Vec<Spanned<String>>>, b: &Option<Vec<Spanned<String>>>| match (a, b) {
        (Some(a), Some(b)) => Some(a.iter().chain(b).cloned().collect()),
        (a, b) => a.clone().or_else(|| b.clone()),
    };
    Success {
        days_90: join(&inherited.days_90, &more.days_90),
        months_6: join(&inherited.months_6, &more.months_6),
        months_12: join(&inherited.months_12, &more.months_12),
    }
}

/// The resolved front matter of the brief `written` in `source`, over `parent` if any.
pub fn resolve(
    w: &WrittenFront,
    source: &SourceFile,
    parent: Option<&Role>,
) -> Result<(RoleFront, Origins), Vec<Diagnostic>> {
    let mut m = Merge {
        source,
        parent,
        origins: Origins::default(),
    };
    let archetype = m.value("archetype", w.archetype.as_ref(), |f| {
        Some(f.archetype.clone())
    });
    let summary = m.value("summary", w.summary.as_ref(), |f| Some(f.summary.clone()));
    let outcome = m.value("outcome", w.outcome.as_ref(), |f| Some(f.outcome.clone()));
    let decisions = match (&w.decisions, &w.decisions_more, parent) {
        (Some(own), _, _) => Some(own.clone()),
        (None, Some(more), Some(_)) if !more.value.is_empty() => {
            let value = m.list("decisions", None, Some(&more.value), |f| &f.decisions.value);
            Some(Spanned::new(value, more.referenced, more.defined))
        }
        _ => m.value("decisions", None, |f| Some(f.decisions.clone())),
    };
    let success = match (&w.success, &w.success_more, parent) {
        (Some(own), _, _) => Some(own.clone()),
        (None, Some(more), Some(p)) => {
            m.append_measures(p, &more.value);
            Some(Spanned::new(
                append_success(&p.front.success.value, &more.value),
                more.referenced,
                more.defined,
            ))
        }
        (None, None, Some(p)) => {
            m.inherit_measures(p);
            m.value("success", None, |f| Some(f.success.clone()))
        }
        _ => m.value("success", None, |f| Some(f.success.clone())),
    };
    let interfaces = match (&w.interfaces, &w.interfaces_more, parent) {
        (Some(own), _, _) => own.clone(),
        (None, Some(more), Some(p)) => p.front.interfaces.with(more),
        _ => m
            .value("interfaces", None, |f| Some(f.interfaces.clone()))
            .unwrap_or_default(),
    };
    let own_caps = w.capabilities.as_ref();
    let more_caps = w.capabilities_more.as_ref();
    let capabilities = Capabilities {
        primary: m.list(
            "capabilities.primary",
            own_caps.map(|c| &c.primary),
            more_caps.map(|c| &c.primary),
            |f| &f.capabilities.primary,
        ),
        secondary: m.list(
            "capabilities.secondary",
            own_caps.map(|c| &c.secondary),
            more_caps.map(|c| &c.secondary),
            |f| &f.capabilities.secondary,
        ),
    };
    let owns_after_launch = m.list(
        "owns_after_launch",
        w.owns_after_launch.as_ref(),
        w.owns_after_launch_more.as_ref(),
        |f| &f.owns_after_launch,
    );
    let hire_after = m.list(
        "hire_after",
        w.hire_after.as_ref(),
        w.hire_after_more.as_ref(),
        |f| &f.hire_after,
    );
    let constraints = m.list(
        "constraints",
        w.constraints.as_ref(),
        w.constraints_more.as_ref(),
        |f| &f.constraints,
    );
    let tools = m.list("tools", w.tools.as_ref(), w.tools_more.as_ref(), |f| {
        &f.tools
    });
    let interview_probes = m.list(
        "interview_probes",
        w.interview_probes.as_ref(),
        w.interview_probes_more.as_ref(),
        |f| &f.interview_probes,
    );
    let red_flags = m.list(
        "red_flags",
        w.red_flags.as_ref(),
        w.red_flags_more.as_ref(),
        |f| &f.red_flags,
    );
    let tags = m.list("tags", w.tags.as_ref(), w.tags_more.as_ref(), |f| &f.tags);
    let allow = m.list(
        "allow",
        w.allow.as_ref().map(|a| &a.0),
        w.allow_more.as_ref().map(|a| &a.0),
        |f| &f.allow,
    );
    let reports_to = m.value("reports_to", w.reports_to.as_ref(), |f| {
        f.reports_to.clone()
    });
    let internal_notes = m.list(
        "internal_notes",
        w.internal_notes.as_ref(),
        w.internal_notes_more.as_ref(),
        |f| &f.internal_notes,
    );
    let level = m.value("level", w.level.as_ref(), |f| f.level.clone());
    let location = m.list("location", w.location.as_ref(), None, |f| &f.location);
    let remote = m.value("remote", w.remote.as_ref(), |f| f.remote.clone());
    let work_model = m.value("work_model", w.work_model.as_ref(), |f| f.work_model);
    let employment_type = m.value("employment_type", w.employment_type.as_ref(), |f| {
        f.employment_type
    });
    let pay = m.value("pay", w.pay.as_ref(), |f| f.pay.clone());
    let posting = m
        .value("posting", w.posting.as_ref(), |f| Some(f.posting.clone()))
        .unwrap_or_default();
    let interview_loop = m.value("interview_loop", w.interview_loop.as_ref(), |f| {
        f.interview_loop.clone()
    });

    let missing: Vec<&str> = [
        archetype.is_none(),
        summary.is_none(),
        outcome.is_none(),
        decisions.is_none(),
        success.is_none(),
    ]
    .iter()
    .zip(REQUIRED)
    .filter(|(absent, _)| **absent)
    .map(|(_, key)| key)
    .collect();
    let (Some(archetype), Some(summary), Some(outcome), Some(decisions), Some(success)) =
        (archetype, summary, outcome, decisions, success)
    else {
        return Err(missing
            .into_iter()
            .map(|key| missing_required(w, source, parent, key))
            .collect());
    };
    let front = RoleFront {
        title: w.title.clone(),
        slug: w.slug.clone(),
        extends: w.extends.clone(),
        archetype,
        summary,
        outcome,
        decisions,
        owns_after_launch,
        capabilities,
        interfaces,
        success,
        reports_to,
        hire_after,
        constraints,
        tools,
        interview_probes,
        red_flags,
        tags,
        status: w.status.unwrap_or_default(),
        headcount: w.headcount.as_ref().map(|h| h.value),
        allow,
        draft: w.draft,
        internal_notes,
        level,
        location,
        remote,
        work_model,
        employment_type,
        pay,
        // A closing date belongs to one search, like `status`.
        valid_through: w.valid_through.clone(),
        posting,
        interview_loop,
        // So does the day its post was published.
        date_posted: w.date_posted.clone(),
        // Who keeps a brief, and when it was last read, are each file's own.
        maintainer: w.maintainer.clone(),
        reviewed: w.reviewed.clone(),
        // The plan belongs to this hire: when it starts, what it costs, who covers it.
        plan: crate::content::plan_fields::PlanFields::written(w),
    };
    Ok((front, m.origins))
}

fn missing_required(
    w: &WrittenFront,
    source: &SourceFile,
    parent: Option<&Role>,
    key: &str,
) -> Diagnostic {
    match (&w.extends, parent) {
        (Some(extends), Some(parent)) => source
            .diagnostic(
                position(extends.referenced),
                format!(
                    "missing required key `{key}`: neither this brief nor `{}`, which it extends, sets it",
                    parent.slug
                ),
            )
            .with_help(format!("add a line `{key}: ...`")),
        _ => source
            .diagnostic(
                front_matter::keys(&source.text)
                    .first()
                    .map_or(Position::START, |k| k.at),
                format!("missing required key `{key}`"),
            )
            .with_help(format!("add a line `{key}: ...`")),
    }
}

#[cfg(test)]
mod tests {
    use crate::content::testing::{archetype, derived, try_content};
    use crate::content::{Content, role::Role};
    use crate::diagnostic::{Diagnostic, display_path};

    fn load(pages: &[(String, String)]) -> Result<Content, Vec<Diagnostic>> {
        let pages: Vec<(&str, String)> =
            pages.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
        try_content(&pages)
    }

    fn role<'a>(content: &'a Content, slug: &str) -> &'a Role {
        content.role(slug).expect("brief")
    }

    fn problems(pages: &[(String, String)]) -> Vec<String> {
        match load(pages) {
            Ok(_) => vec![],
            Err(found) => found
                .iter()
                .map(|d| {
                    format!(
                        "{}:{}:{} {} | {}",
                        display_path(&d.file),
                        d.position.line,
                        d.position.column,
                        d.message,
                        d.help.as_deref().unwrap_or("")
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn a_derived_brief_inherits_what_it_leaves_out_and_overrides_what_it_sets() {
        let content = load(&[
            archetype("head-of-ai", "status: filled\nheadcount: 2\n"),
            derived(
                "plan/claims.md",
                "Head of AI, Claims",
                "extends: head-of-ai\noutcome: Cut claims handling time by 30% in 12 months.\ntools: [SQL]\ninterfaces+:\n  it: With IT operations.\n  legal: With the DPO.\n",
            ),
        ])
        .expect("loads");
        let claims = role(&content, "claims");
        let front = &claims.front;
        assert_eq!(front.title.value, "Head of AI, Claims");
        assert_eq!(front.summary.value, "Runs delivery.", "inherited");
        assert_eq!(front.archetype.value, "manager", "inherited");
        assert!(front.outcome.value.starts_with("Cut claims"), "overridden");
        assert_eq!(front.tools, ["SQL"], "a list replaces the inherited one");
        assert_eq!(front.red_flags, ["Talks only about demos"]);
        assert_eq!(front.interfaces.get("product"), Some("With the CPO."));
        assert_eq!(front.interfaces.get("it"), Some("With IT operations."));
        assert_eq!(
            front.interfaces.get("legal"),
            Some("With the DPO."),
            "added"
        );
        let names: Vec<&str> = front
            .interfaces
            .0
            .iter()
            .map(|i| i.key.value.as_str())
            .collect();
        assert_eq!(
            names,
            ["product", "data", "it", "legal"],
            "the inherited ones stay"
        );
        let primary: Vec<&str> = front
            .capabilities
            .primary
            .iter()
            .map(|c| c.value.as_str())
            .collect();
        assert_eq!(primary, ["leadership", "product"]);
        assert_eq!(
            claims.body().expect("in memory"),
            "Own body.\n",
            "the body is never inherited"
        );
        // Status and headcount belong to the brief itself.
        assert_eq!(front.status, crate::content::role::Status::Planned);
        assert_eq!(front.headcount, None);
        assert!(claims.in_plan());
        assert_eq!(
            content
                .derived_from("head-of-ai")
                .iter()
                .map(|r| r.slug.as_str())
                .collect::<Vec<_>>(),
            ["claims"]
        );
    }

    #[test]
    fn plus_keys_append_to_the_inherited_value() {
        let content = load(&[
            archetype("head-of-ai", ""),
            derived(
                "plan/claims.md",
                "Claims",
                "extends: head-of-ai\ndecisions+: [Which claims go to straight-through processing]\ntags+: [claims]\nsuccess+:\n  6m: [Claims triage live]\n  12m: [Handling time down 30%]\ncapabilities+:\n  secondary: [change-management]\n",
            ),
        ])
        .expect("loads");
        let claims = role(&content, "claims");
        let front = &claims.front;
        assert_eq!(
            front.decisions.value,
            [
                "Which use cases ship",
                "Which claims go to straight-through processing"
            ]
        );
        let tags: Vec<&str> = front.tags.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(tags, ["leadership", "claims"]);
        let measures = |horizon: usize| -> Vec<(String, String)> {
            front.success.value.horizons()[horizon]
                .2
                .unwrap_or(&[])
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let key = front.success.value.horizons()[horizon].0;
                    let file = claims.source_of_measure(key, i).content_path.clone();
                    (m.value.clone(), file)
                })
                .collect()
        };
        let own = |text: &str| (text.to_string(), "plan/claims.md".to_string());
        let parent = |text: &str| (text.to_string(), "roles/head-of-ai.md".to_string());
        assert_eq!(measures(0), [parent("Plan written")]);
        // Appended measures are the derived brief's, at their own lines.
        assert_eq!(
            measures(1),
            [parent("One system live"), own("Claims triage live")]
        );
        assert_eq!(measures(2), [own("Handling time down 30%")]);
        let appended = &front.success.value.months_6.as_deref().unwrap_or(&[])[1];
        assert_eq!(crate::content::role::position(appended.referenced).line, 7);
        let secondary: Vec<&str> = front
            .capabilities
            .secondary
            .iter()
            .map(|c| c.value.as_str())
            .collect();
        assert_eq!(secondary, ["architecture", "change-management"]);
    }

    #[test]
    fn chains_resolve_through_every_parent() {
        let content = load(&[
            archetype("head-of-ai", ""),
            derived(
                "plan/claims.md",
                "Claims",
                "extends: head-of-ai\nsummary: Claims delivery.\ntools+: [SQL]\n",
            ),
            derived(
                "plan/motor.md",
                "Motor claims",
                "extends: claims\ntools+: [Telematics]\n",
            ),
        ])
        .expect("loads");
        let motor = role(&content, "motor");
        assert_eq!(motor.front.summary.value, "Claims delivery.");
        assert_eq!(motor.front.outcome.value, "Ship two use cases by Q4.");
        assert_eq!(motor.front.tools, ["Python", "SQL", "Telematics"]);
        // Each tool is traced to the file that wrote it.
        let files: Vec<String> = (0..3)
            .map(|i| display_path(&motor.source_of_item("tools", i).file))
            .collect();
        assert_eq!(
            files,
            [
                "content/roles/head-of-ai.md",
                "content/plan/claims.md",
                "content/plan/motor.md"
            ]
        );
        assert_eq!(
            display_path(&motor.source_of("outcome").file),
            "content/roles/head-of-ai.md"
        );
        assert_eq!(
            display_path(&motor.source_of("summary").file),
            "content/plan/claims.md"
        );
    }

    #[test]
    fn cycles_are_named_in_full_with_each_extends_position() {
        let found = problems(&[
            derived("plan/a.md", "A", "extends: b\n"),
            derived("plan/b.md", "B", "extends: c\n"),
            derived("plan/c.md", "C", "extends: a\n"),
            derived("plan/self.md", "Self", "extends: self\n"),
        ]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with("content/plan/a.md:3:10 `extends` forms a cycle: a → b → c → a |"),
            "{}",
            found[0]
        );
        for step in [
            "content/plan/a.md:3:10 (a extends b)",
            "content/plan/b.md:3:10 (b extends c)",
            "content/plan/c.md:3:10 (c extends a)",
        ] {
            assert!(found[0].contains(step), "{step} in {}", found[0]);
        }
        assert!(
            found[1].contains("`extends` forms a cycle: self → self"),
            "{}",
            found[1]
        );
    }

    #[test]
    fn a_chain_past_the_depth_limit_is_refused_once_and_cycles_still_named() {
        let mut pages = vec![archetype("head-of-ai", "")];
        let mut parent = "head-of-ai".to_string();
        for i in 1..=40 {
            pages.push(derived(
                &format!("plan/d{i}.md"),
                &format!("D{i}"),
                &format!("extends: {parent}\n"),
            ));
            parent = format!("d{i}");
        }
        // Below a cycle, and on one: the resolver names the cycle, as before.
        pages.push(derived("plan/x.md", "X", "extends: y\n"));
        pages.push(derived("plan/y.md", "Y", "extends: x\n"));
        pages.push(derived("plan/z.md", "Z", "extends: x\n"));
        let found = problems(&pages);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].starts_with(
                "content/plan/d17.md:3:10 `extends` chain too deep: `d17` has 17 briefs above it, more than the limit of 16 | the chain is d17 → d16 → d15 → … → d1 → head-of-ai;"
            ),
            "{}",
            found[0]
        );
        assert!(
            found[1].contains("`extends` forms a cycle: x → y → x"),
            "{}",
            found[1]
        );
        // The head of AI and sixteen briefs above it.
        assert_eq!(problems(&pages[..17]), Vec::<String>::new());
    }

    #[test]
    fn a_missing_parent_suggests_the_closest_slug() {
        let found = problems(&[
            archetype("head-of-ai", ""),
            derived("plan/claims.md", "Claims", "extends: head-of-aj\n"),
        ]);
        assert_eq!(
            found,
            [
                "content/plan/claims.md:3:10 `extends` names `head-of-aj`, which is not a brief | did you mean `head-of-ai`?"
            ]
        );
    }

    #[test]
    fn required_keys_are_checked_on_the_resolved_brief() {
        let (path, text) = archetype("head-of-ai", "");
        let partial = text.replace("outcome: Ship two use cases by Q4.\n", "");
        assert_eq!(
            problems(&[(path.clone(), partial.clone())]),
            [
                "content/roles/head-of-ai.md:2:1 missing required key `outcome` | add a line `outcome: ...`"
            ]
        );
        // A derived brief may leave out what it inherits (its chain ends in a brief that
        // sets every required key).
        assert!(
            load(&[
                archetype("head-of-ai", ""),
                derived("plan/claims.md", "Claims", "extends: head-of-ai\n"),
            ])
            .is_ok()
        );
    }

    #[test]
    fn a_missing_key_points_at_the_first_key_written() {
        let (path, text) = archetype("head-of-ai", "");
        let partial = text
            .replace("outcome: Ship two use cases by Q4.\n", "")
            .replacen("---\n", "---\n# A brief for the library.\n\n", 1);
        assert_eq!(
            problems(&[(path, partial)]),
            [
                "content/roles/head-of-ai.md:4:1 missing required key `outcome` | add a line `outcome: ...`"
            ]
        );
    }

    #[test]
    fn key_positions_are_in_the_file_that_wrote_the_key() {
        let content = load(&[
            archetype("head-of-ai", ""),
            derived(
                "plan/claims.md",
                "Claims",
                "extends: head-of-ai\n# More tools.\n\ntools+: [SQL]\n",
            ),
            (
                "plan/flow.md".to_string(),
                "---\n{title: Flow, extends: head-of-ai, tools: [a]}\n---\nBody.\n".to_string(),
            ),
        ])
        .expect("loads");
        // (brief, key, where the finding about the key points)
        let cases = [
            (
                "head-of-ai",
                "owns_after_launch",
                "content/roles/head-of-ai.md:7:1",
            ),
            ("claims", "tools", "content/plan/claims.md:6:1"),
            ("claims", "red_flags", "content/roles/head-of-ai.md:18:1"),
            // Written by no file of the chain: the brief's own title.
            ("claims", "interview_probes", "content/plan/claims.md:2:1"),
            ("flow", "tools", "content/plan/flow.md:2:36"),
            ("flow", "interview_probes", "content/plan/flow.md:2:2"),
        ];
        for (slug, key, expected) in cases {
            let (source, at) = role(&content, slug).key_position(key);
            let found = format!("{}:{}:{}", display_path(&source.file), at.line, at.column);
            assert_eq!(found, expected, "{slug} {key}");
        }
    }

    #[test]
    fn plus_keys_need_a_parent_and_no_plain_twin() {
        let (path, text) = archetype("head-of-ai", "tools+: [SQL]\n");
        let found = problems(&[(path, text)]);
        assert!(
            found[0].starts_with(
                "content/roles/head-of-ai.md:20:1 `tools+` appends to an inherited value, but this brief has no `extends`"
            ),
            "{found:?}"
        );
        let found = problems(&[
            archetype("head-of-ai", ""),
            derived(
                "plan/claims.md",
                "Claims",
                "extends: head-of-ai\ntools: [a]\ntools+: [b]\n",
            ),
        ]);
        assert_eq!(
            found,
            [
                "content/plan/claims.md:5:1 both `tools` and `tools+` are set | `tools:` replaces the inherited value and `tools+:` appends to it: keep one"
            ]
        );
    }

    #[test]
    fn waivers_take_a_map_of_reasons_or_a_list_and_append_with_allow_plus() {
        let content = load(&[
            archetype(
                "head-of-ai",
                "allow:\n  tool-soup: \"One polyglot platform team\"\n  missing-probes:\n",
            ),
            derived(
                "plan/claims.md",
                "Claims",
                "extends: head-of-ai\nallow+: [bundled-role]\n",
            ),
        ])
        .expect("loads");
        let waivers = |slug: &str| -> Vec<(String, usize, usize, String)> {
            role(&content, slug)
                .front
                .allow
                .iter()
                .map(|w| {
                    let at = crate::content::role::position(w.lint.referenced);
                    (
                        w.lint.value.clone(),
                        at.line,
                        at.column,
                        w.reason_text().to_string(),
                    )
                })
                .collect()
        };
        assert_eq!(
            waivers("head-of-ai"),
            [
                (
                    "tool-soup".to_string(),
                    21,
                    3,
                    "One polyglot platform team".to_string()
                ),
                ("missing-probes".to_string(), 22, 3, String::new()),
            ]
        );
        let claims = waivers("claims");
        assert_eq!(claims.len(), 3, "{claims:?}");
        assert_eq!(
            claims[2],
            ("bundled-role".to_string(), 4, 10, String::new())
        );
        let claims_role = role(&content, "claims");
        assert_eq!(
            display_path(&claims_role.source_of_item("allow", 0).file),
            "content/roles/head-of-ai.md"
        );
        assert_eq!(
            display_path(&claims_role.source_of_item("allow", 2).file),
            "content/plan/claims.md"
        );
    }

    #[test]
    fn waivers_of_unknown_or_unwaivable_lints_are_errors() {
        let found = problems(&[archetype(
            "head-of-ai",
            "allow: {tool-sop: \"One platform team\", not-ready: \"Board decides later\"}\n",
        )]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found[0].contains("unknown lint `tool-sop` | did you mean `tool-soup`?"),
            "{found:?}"
        );
        assert!(
            found[1].contains("`not-ready` cannot be waived in a brief"),
            "{found:?}"
        );
        let text = problems(&[archetype("head-of-ai", "allow: tool-soup\n")]);
        assert!(
            text[0].contains("`allow` must be a map of lint id"),
            "{text:?}"
        );
    }
}
