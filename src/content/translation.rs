//! Translations, Zola's convention: `head-of-ai.de.md` beside `head-of-ai.md` translates it
//! into a language site.yaml lists. A translation writes the words (title, summary, outcome,
//! decisions, the body…) and inherits every key it leaves out from the page it translates;
//! the plan's facts (status, headcount, dates, cost) are the source's alone. Each language's
//! pages are the translated ones (`localize`), laid out as their own tree under `/<code>/`.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::config::languages::looks_like_language;
use crate::content::guide::{Guide, GuideFront};
use crate::content::role::{Role, WrittenFront};
use crate::content::source::SourceFile;
use crate::content::{Content, front_matter, inherit, is_role_path, role};
use crate::diagnostic::{Diagnostic, Position, did_you_mean};

/// A page translated into one of site.yaml's languages, parsed and checked on its own.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The language's code (`de`).
    pub lang: String,
    /// The content path of the page it translates (`plan/claims-head-of-ai.md`).
    pub of: String,
    /// Its own file (`content/plan/claims-head-of-ai.de.md`).
    pub source: SourceFile,
    pub body_offset: usize,
    pub front: TranslatedFront,
}

/// A translation's front matter as written: a brief's keys or a guide's.
#[derive(Debug, Clone)]
pub enum TranslatedFront {
    Brief(Arc<WrittenFront>),
    Guide(Box<GuideFront>),
}

/// What a file's name says it is, on a site with languages.
#[derive(Debug, PartialEq, Eq)]
pub enum Naming {
    /// A page of the site's own language.
    Page,
    /// `<name>.<code>.md`: a translation of `<name>.md` into the listed language `code`.
    Translation { lang: String, of: String },
    /// `<name>.<code>.md` where `code` is a language site.yaml does not list.
    Unlisted { code: String },
}

/// What the file at `content_path` (`guides/intake.de.md`) is. A site without `languages`
/// reads every file as a page, as before; so does a middle that names no language
/// (`notes.v2.md`).
pub fn naming(content_path: &str, config: &Config) -> Naming {
    if config.languages.is_empty() {
        return Naming::Page;
    }
    let Some(stem) = content_path.strip_suffix(".md") else {
        return Naming::Page;
    };
    let (folder, name) = match stem.rsplit_once('/') {
        Some((folder, name)) => (Some(folder), name),
        None => (None, stem),
    };
    let Some((base, code)) = name.rsplit_once('.') else {
        return Naming::Page;
    };
    if base.is_empty() {
        return Naming::Page;
    }
    let of = match folder {
        Some(folder) => format!("{folder}/{base}.md"),
        None => format!("{base}.md"),
    };
    if config.translation(code).is_some() {
        Naming::Translation {
            lang: code.to_string(),
            of,
        }
    } else if looks_like_language(code) {
        Naming::Unlisted {
            code: code.to_string(),
        }
    } else {
        Naming::Page
    }
}

/// The problem of a file named for a language site.yaml does not list.
pub fn unlisted(file: &Path, code: &str, config: &Config, text: Option<Arc<str>>) -> Diagnostic {
    let listed: Vec<&str> = config.languages.iter().map(|l| l.code()).collect();
    let mut help = format!(
        "add `- {{code: {code}}}` to `languages:` in site.yaml to publish it, or rename the file"
    );
    if let Some(close) = did_you_mean(code, listed.iter().copied()) {
        help = format!("did you mean `.{close}.md`? Or {help}");
    }
    let mut problem = Diagnostic::new(
        file,
        Position::START,
        format!(
            "the file name says this page is in `{code}`, which is not one of site.yaml's languages ({})",
            listed.join(", ")
        ),
    )
    .with_help(help);
    if let Some(text) = text {
        problem = problem.with_source(text);
    }
    problem
}

/// Keys a translated brief cannot write: the address, what it translates, and the plan's
/// facts, which are one for every language.
const FACTS: [&str; 10] = [
    "slug",
    "extends",
    "status",
    "headcount",
    "target_start",
    "filled_on",
    "approval",
    "cost",
    "starting_point",
    "draft",
];

/// How a brief's check begins the problem of a `handover` without `starting_point:
/// extend-and-own`, which a translation answers with its source's `starting_point`.
const HANDOVER_WITHOUT_START: &str = "`handover` is set, but the brief does not say";

/// A translation from its text (no disk access). `Ok(None)` is a draft left out.
pub fn parse(
    source: SourceFile,
    lang: String,
    of: String,
    config: &Config,
    drafts: bool,
) -> Result<Option<Translation>, Vec<Diagnostic>> {
    let split = super::split_front(&source)?;
    let body_offset = split.body_offset;
    let keys = front_matter::keys(&source.text);
    let refuse = |key: &str, why: &str| -> Option<Diagnostic> {
        let at = keys.get(key)?.at;
        let mut d = source
            .diagnostic(at, format!("a translation cannot set `{key}`: {why}"))
            .with_help(format!(
                "remove the line; the translation takes `{key}` from {of}"
            ));
        d.code = Some(crate::yaml::Budget::FrontMatter.id());
        Some(d)
    };
    let front = if is_role_path(&of) {
        let written: WrittenFront =
            crate::yaml::parse(split.yaml, &source.file, &source.text).map_err(|d| vec![*d])?;
        if written.draft && !drafts {
            return Ok(None);
        }
        let mut refused: Vec<Diagnostic> = FACTS
            .iter()
            .filter(|k| **k != "draft")
            .filter_map(|key| {
                refuse(
                    key,
                    "its address and the plan's facts are those of the brief it translates",
                )
            })
            .collect();
        for (key, _, more) in written.appends() {
            if more {
                refused.extend(refuse(
                    &format!("{key}+"),
                    "a translation replaces the words of a list whole",
                ));
            }
        }
        // A brief's own checks would say a `key+` needs `extends`: the refusal says why.
        // The `starting_point` a `handover` needs is the source's (`orphans` holds it to that).
        let mut problems: Vec<Diagnostic> = role::check(&written, config, &source)
            .into_iter()
            .filter(|p| !refused.iter().any(|r| r.position == p.position))
            .filter(|p| !p.message.starts_with(HANDOVER_WITHOUT_START))
            .collect();
        problems.extend(refused);
        if !problems.is_empty() {
            problems.sort_by_key(|d| d.position);
            return Err(problems);
        }
        TranslatedFront::Brief(Arc::new(written))
    } else {
        let written: GuideFront =
            crate::yaml::parse(split.yaml, &source.file, &source.text).map_err(|d| vec![*d])?;
        if written.draft && !drafts {
            return Ok(None);
        }
        if let Some(problem) = refuse("slug", "its address is that of the page it translates") {
            return Err(vec![problem]);
        }
        TranslatedFront::Guide(Box::new(written))
    };
    Ok(Some(Translation {
        lang,
        of,
        source,
        body_offset,
        front,
    }))
}

/// Translations whose page does not exist, and translated handovers of briefs that take
/// over no working system. A page left out as a draft (its file is there, `exists` says)
/// takes its translations with it, silently.
pub fn orphans(content: &Content, exists: impl Fn(&str) -> bool) -> Vec<Diagnostic> {
    let pages: BTreeSet<&str> = content.page_paths().collect();
    let mut problems: Vec<Diagnostic> = content
        .translations
        .iter()
        .filter_map(|t| handover_without_source(content, t))
        .collect();
    problems.extend(content
        .translations
        .iter()
        .filter(|t| !pages.contains(t.of.as_str()) && !exists(&t.of))
        .map(|t| {
            let help = match did_you_mean(&t.of, pages.iter().copied()) {
                Some(close) => format!(
                    "did you mean to translate `{close}`? A translation is named after its page: `{}`",
                    close.replace(".md", &format!(".{}.md", t.lang))
                ),
                None => format!(
                    "a translation sits beside the page it translates, named `<page>.{}.md`",
                    t.lang
                ),
            };
            t.source
                .diagnostic(
                    Position::START,
                    format!(
                        "this translates content/{}, which does not exist",
                        t.of
                    ),
                )
                .with_help(help)
        }));
    problems
}

/// A translated `handover` whose source brief takes over no working system.
fn handover_without_source(content: &Content, t: &Translation) -> Option<Diagnostic> {
    let TranslatedFront::Brief(written) = &t.front else {
        return None;
    };
    written.handover.as_ref()?;
    let source = content
        .roles
        .iter()
        .find(|r| r.source.content_path == t.of)?;
    if source.front.plan.starting_point
        == Some(crate::content::plan_fields::StartingPoint::ExtendAndOwn)
    {
        return None;
    }
    let at = front_matter::keys(&t.source.text)
        .get("handover")
        .map_or(Position::START, |k| k.at);
    Some(
        t.source
            .diagnostic(
                at,
                format!(
                    "`handover` is translated, but content/{} does not say `starting_point: extend-and-own`",
                    t.of
                ),
            )
            .with_help(
                "translate the handover of a brief that takes over a working system, or remove `handover`",
            ),
    )
}

/// Pages whose address is inside a language's tree (`content/de/notes.md` at `/de/notes/`).
pub fn clashes(content: &Content, config: &Config) -> Vec<Diagnostic> {
    content
        .guides
        .iter()
        .filter_map(|g| {
            let first = g.path.split('/').next()?;
            let language = config.translation(first)?;
            Some(
                g.source
                    .diagnostic(
                        Position::START,
                        format!(
                            "this page's address `/{}` is inside the tree of the language `{}`",
                            g.path,
                            language.code()
                        ),
                    )
                    .with_help(format!(
                        "move the file out of content/{first}/, or give it another `slug:`; a translation sits beside its page, named `<page>.{first}.md`"
                    )),
            )
        })
        .collect()
}

/// The pages of language `lang`: each translated brief and guide, resolved over the page it
/// translates (Zola's convention: a language's tree holds its translated pages only).
/// Each keeps its source's content path, so links between pages resolve in the tree, and
/// its own file, so findings point at the translation.
pub fn localize(content: &Content, lang: &str) -> Content {
    let roles: HashMap<&str, &Arc<Role>> = content
        .roles
        .iter()
        .map(|r| (r.source.content_path.as_str(), r))
        .collect();
    let guides: HashMap<&str, &Arc<Guide>> = content
        .guides
        .iter()
        .map(|g| (g.source.content_path.as_str(), g))
        .collect();
    let mut localized = Content::default();
    for t in content.translations.iter().filter(|t| t.lang == lang) {
        let mut source = t.source.clone();
        source.content_path = t.of.clone();
        match &t.front {
            TranslatedFront::Brief(written) => {
                let Some(original) = roles.get(t.of.as_str()) else {
                    continue;
                };
                if let Some(role) = translated_brief(written, source, t.body_offset, original) {
                    localized.roles.push(Arc::new(role));
                }
            }
            TranslatedFront::Guide(front) => {
                let Some(original) = guides.get(t.of.as_str()) else {
                    continue;
                };
                localized.guides.push(Arc::new(translated_guide(
                    front,
                    source,
                    t.body_offset,
                    original,
                )));
            }
        }
    }
    super::sort_pages(&mut localized);
    localized
}

/// The keys a translated brief takes from its page that `extends` does not inherit.
const FROM_SOURCE: [&str; 16] = [
    "slug",
    "extends",
    "status",
    "headcount",
    "draft",
    "valid_through",
    "date_posted",
    "maintainer",
    "reviewed",
    "target_start",
    "filled_on",
    "approval",
    "cost",
    "starting_point",
    "handover",
    "covered_by",
];

/// A translated brief: the keys it writes over its source's resolved brief; the source's
/// address, parent, status, headcount and plan facts.
fn translated_brief(
    written: &WrittenFront,
    source: SourceFile,
    body_offset: usize,
    original: &Role,
) -> Option<Role> {
    let (mut front, mut origins) = inherit::resolve(written, &source, Some(original)).ok()?;
    // What the translation takes from its page was written there: a finding about it
    // points at the page (and is that page's, not the translation's).
    for key in FROM_SOURCE {
        let written_here = match key {
            "valid_through" => written.valid_through.is_some(),
            "date_posted" => written.date_posted.is_some(),
            "maintainer" => written.maintainer.is_some(),
            "reviewed" => written.reviewed.is_some(),
            "handover" => written.handover.is_some(),
            "covered_by" => written.covered_by.is_some(),
            _ => false,
        };
        if !written_here {
            let runs = original
                .origins
                .0
                .get(key)
                .cloned()
                .unwrap_or_else(|| vec![(0, original.source.clone())]);
            origins.0.insert(key, runs);
        }
    }
    let of = &original.front;
    front.slug = of.slug.clone();
    front.extends = of.extends.clone();
    front.status = of.status;
    front.headcount = of.headcount;
    front.draft = of.draft;
    front.valid_through = written
        .valid_through
        .clone()
        .or_else(|| of.valid_through.clone());
    front.date_posted = written
        .date_posted
        .clone()
        .or_else(|| of.date_posted.clone());
    front.maintainer = written.maintainer.clone().or_else(|| of.maintainer.clone());
    front.reviewed = written.reviewed.clone().or_else(|| of.reviewed.clone());
    let mut plan = of.plan.clone();
    if let Some(handover) = &written.handover {
        plan.handover = Some(handover.clone());
    }
    if let Some(cover) = &written.covered_by {
        plan.covered_by = cover.clone();
    }
    front.plan = plan;
    Some(Role {
        source,
        front,
        slug: original.slug.clone(),
        body_offset,
        written: None,
        origins,
        tag_slugs: Default::default(),
    })
}

/// A translated guide: its title, and the summary and tags it writes, at its source's
/// address and place in the navigation.
fn translated_guide(
    front: &GuideFront,
    source: SourceFile,
    body_offset: usize,
    original: &Guide,
) -> Guide {
    let of = &original.front;
    Guide {
        source,
        front: GuideFront {
            title: front.title.clone(),
            summary: front.summary.clone().or_else(|| of.summary.clone()),
            weight: if front.weight != 0 {
                front.weight
            } else {
                of.weight
            },
            tags: if front.tags.is_empty() {
                of.tags.clone()
            } else {
                front.tags.clone()
            },
            slug: of.slug.clone(),
            draft: of.draft,
        },
        path: original.path.clone(),
        body_offset,
    }
}

/// For each language, the briefs and guides (content paths) that have no translation into
/// it, in the site's order.
pub fn missing(content: &Content, config: &Config) -> Vec<(String, Vec<String>)> {
    config
        .languages
        .iter()
        .map(|language| {
            let translated: BTreeSet<&str> = content
                .translations
                .iter()
                .filter(|t| t.lang == language.code())
                .map(|t| t.of.as_str())
                .collect();
            let missing = content
                .page_paths()
                .filter(|path| !translated.contains(path))
                .map(str::to_string)
                .collect();
            (language.code().to_string(), missing)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::config_with;

    #[test]
    fn names_say_what_a_file_is() {
        // The repository's site.yaml is translated into German.
        let config = config_with("");
        assert!(config.translation("de").is_some());
        let t = |lang: &str, of: &str| Naming::Translation {
            lang: lang.into(),
            of: of.into(),
        };
        assert_eq!(
            naming("roles/caio.de.md", &config),
            t("de", "roles/caio.md")
        );
        assert_eq!(naming("index.de.md", &config), t("de", "index.md"));
        assert_eq!(
            naming("guides/a/intake.fr.md", &config),
            Naming::Unlisted { code: "fr".into() }
        );
        for page in ["roles/caio.md", "notes.v2.md", "plan/x.draft.md", ".de.md"] {
            assert_eq!(naming(page, &config), Naming::Page, "{page}");
        }
        let mut monolingual = config_with("");
        monolingual.languages.clear();
        assert_eq!(naming("roles/caio.de.md", &monolingual), Naming::Page);
    }
}
