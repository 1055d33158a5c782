//! Loading the site's content: walk `content/`, read and split each page, parse its front
//! matter, and check what needs more than one file (slugs, `hire_after`).

pub mod front_matter;
pub mod guide;
pub mod role;
pub mod slug;
pub mod source;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics, Position, did_you_mean};
use guide::{Guide, GuideFront};
use role::{Role, RoleFront, position};
use source::SourceFile;

pub const CONTENT_DIR: &str = "content";
pub const ROLES_DIR: &str = "roles";

/// Everything under `content/`, parsed and checked.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Sorted by slug.
    pub roles: Vec<Role>,
    /// Sorted by weight, then title.
    pub guides: Vec<Guide>,
}

impl Content {
    pub fn role(&self, slug: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.slug == slug)
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    pub drafts: bool,
}

enum Page {
    Role(Box<Role>),
    Guide(Box<Guide>),
}

/// Load `root/content`. Every problem of every file is collected before returning.
pub fn load(root: &Path, config: &Config, options: LoadOptions) -> Result<Content, Diagnostics> {
    let mut problems = Diagnostics::default();
    let files = find_pages(root, &mut problems);
    let results: Vec<Result<Option<Page>, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|(relative, content_path)| load_page(root, relative, content_path, config, options))
        .collect();
    let mut content = Content::default();
    for result in results {
        match result {
            Ok(Some(Page::Role(role))) => content.roles.push(*role),
            Ok(Some(Page::Guide(guide))) => content.guides.push(*guide),
            Ok(None) => {}
            Err(found) => problems.extend(found),
        }
    }
    content.roles.sort_by(|a, b| a.slug.cmp(&b.slug));
    content.guides.sort_by(|a, b| {
        (a.front.weight, a.title(), &a.path).cmp(&(b.front.weight, b.title(), &b.path))
    });
    problems.extend(check_slugs(&content));
    problems.extend(check_hire_after(&content));
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(problems.sorted())
    }
}

/// Every `.md` file under `content/`, as (path from the root, path from `content/`).
fn find_pages(root: &Path, problems: &mut Diagnostics) -> Vec<(PathBuf, String)> {
    let content_dir = root.join(CONTENT_DIR);
    if !content_dir.is_dir() {
        problems.push(
            Diagnostic::new(
                CONTENT_DIR,
                Position::START,
                "there is no `content/` folder",
            )
            .with_help(
                "a site keeps its briefs in content/roles/; `gen init DIR` makes a new site",
            ),
        );
        return Vec::new();
    }
    let mut files = Vec::new();
    let walker = WalkDir::new(&content_dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(&content_dir);
                let file = path.strip_prefix(root).unwrap_or(path).to_path_buf();
                problems.push(Diagnostic::new(
                    file,
                    Position::START,
                    format!("cannot read: {}", io_reason(&error)),
                ));
                continue;
            }
        };
        let is_markdown = entry.path().extension().is_some_and(|e| e == "md");
        if !entry.file_type().is_file() || !is_markdown {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(root) else {
            continue;
        };
        let Ok(in_content) = entry.path().strip_prefix(&content_dir) else {
            continue;
        };
        let content_path = in_content
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push((relative.to_path_buf(), content_path));
    }
    files
}

/// Hidden files and editors' temporary files are not content.
pub fn is_ignored(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~')
}

fn io_reason(error: &walkdir::Error) -> String {
    if error.loop_ancestor().is_some() {
        return "a symbolic link loop".to_string();
    }
    match error.io_error() {
        Some(io) => io.to_string(),
        None => error.to_string(),
    }
}

fn load_page(
    root: &Path,
    relative: &Path,
    content_path: &str,
    config: &Config,
    options: LoadOptions,
) -> Result<Option<Page>, Vec<Diagnostic>> {
    let bytes = std::fs::read(root.join(relative)).map_err(|error| {
        vec![Diagnostic::new(
            relative,
            Position::START,
            format!("cannot read: {error}"),
        )]
    })?;
    let source =
        SourceFile::decode(relative, content_path.to_string(), bytes).map_err(|d| vec![d])?;
    let split = front_matter::split(&source.text)
        .map_err(|e| vec![source.diagnostic(e.position, e.message).with_help(e.help)])?;
    let body_offset = split.body_offset;
    let is_role = content_path
        .strip_prefix("roles/")
        .is_some_and(|rest| !rest.contains('/'));
    if is_role {
        let front: RoleFront =
            crate::yaml::parse(split.yaml, relative, &source.text).map_err(|d| vec![*d])?;
        if front.draft && !options.drafts {
            return Ok(None);
        }
        let mut problems = role::check(&front, config, &source);
        let slug = role_slug(&front, &source).unwrap_or_else(|d| {
            problems.push(d);
            String::new()
        });
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Some(Page::Role(Box::new(Role {
            source,
            front,
            slug,
            body_offset,
        }))))
    } else {
        let front: GuideFront =
            crate::yaml::parse(split.yaml, relative, &source.text).map_err(|d| vec![*d])?;
        if front.draft && !options.drafts {
            return Ok(None);
        }
        let path = guide_path(&front, &source).map_err(|d| vec![d])?;
        Ok(Some(Page::Guide(Box::new(Guide {
            source,
            front,
            path,
            body_offset,
        }))))
    }
}

fn file_stem(content_path: &str) -> &str {
    let name = content_path.rsplit('/').next().unwrap_or(content_path);
    name.strip_suffix(".md").unwrap_or(name)
}

fn role_slug(front: &RoleFront, source: &SourceFile) -> Result<String, Diagnostic> {
    let (slug, at, origin) = match &front.slug {
        Some(s) => (s.value.as_str(), position(&s.referenced), "slug"),
        None => (
            file_stem(&source.content_path),
            Position::START,
            "file name",
        ),
    };
    if slug::is_valid_slug(slug) {
        return Ok(slug.to_string());
    }
    let suggestion = slug::slugify(slug);
    Err(source
        .diagnostic(at, format!("the {origin} `{slug}` is not a valid slug"))
        .with_help(if suggestion.is_empty() {
            "use lowercase letters, digits and hyphens".to_string()
        } else {
            format!("use lowercase letters, digits and hyphens, e.g. `{suggestion}`")
        }))
}

fn guide_path(front: &GuideFront, source: &SourceFile) -> Result<String, Diagnostic> {
    let without_ext = source
        .content_path
        .strip_suffix(".md")
        .unwrap_or(&source.content_path);
    let (folder, stem) = match without_ext.rsplit_once('/') {
        Some((folder, stem)) => (Some(folder), stem),
        None => (None, without_ext),
    };
    let (name, at) = match &front.slug {
        Some(s) => (s.value.as_str(), position(&s.referenced)),
        None => (stem, Position::START),
    };
    let mut segments: Vec<&str> = folder.map(|f| f.split('/').collect()).unwrap_or_default();
    if name != "index" {
        segments.push(name);
    }
    if let Some(bad) = segments.iter().find(|s| !slug::is_valid_slug(s)) {
        let suggestion = slug::slugify(bad);
        return Err(source
            .diagnostic(at, format!("`{bad}` cannot be part of a page address"))
            .with_help(format!(
                "rename it with lowercase letters, digits and hyphens{}",
                if suggestion.is_empty() {
                    String::new()
                } else {
                    format!(", e.g. `{suggestion}`")
                }
            )));
    }
    if segments.is_empty() {
        return Err(source
            .diagnostic(at, "this page would replace the home page")
            .with_help(
                "the home page is generated; move this file into a folder such as content/guides/",
            ));
    }
    Ok(format!("{}/", segments.join("/")))
}

/// Two pages may not share an address.
fn check_slugs(content: &Content) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut by_path: BTreeMap<String, &SourceFile> = BTreeMap::new();
    let role_paths = content.roles.iter().map(|r| {
        (
            format!("{ROLES_DIR}/{}/", r.slug),
            &r.source,
            r.slug_position(),
        )
    });
    let guide_paths = content.guides.iter().map(|g| {
        let at = g
            .front
            .slug
            .as_ref()
            .map_or(Position::START, |s| position(&s.referenced));
        (g.path.clone(), &g.source, at)
    });
    for (path, source, at) in role_paths.chain(guide_paths) {
        if let Some(first) = by_path.get(&path) {
            problems.push(
                source
                    .diagnostic(at, format!("duplicate address `/{path}`"))
                    .with_help(format!(
                        "{} has the same slug; give one of them a different `slug:`",
                        crate::diagnostic::display_path(&first.file)
                    )),
            );
        } else {
            by_path.insert(path, source);
        }
    }
    problems
}

/// `hire_after` must name briefs that exist.
fn check_hire_after(content: &Content) -> Vec<Diagnostic> {
    let slugs: Vec<&str> = content.roles.iter().map(|r| r.slug.as_str()).collect();
    let mut problems = Vec::new();
    for role in &content.roles {
        for earlier in &role.front.hire_after {
            if slugs.contains(&earlier.value.as_str()) {
                continue;
            }
            let help = match did_you_mean(&earlier.value, slugs.iter().copied()) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("known briefs: {}", slugs.join(", ")),
            };
            problems.push(
                role.source
                    .diagnostic(
                        position(&earlier.referenced),
                        format!(
                            "`hire_after` names `{}`, which is not a brief",
                            earlier.value
                        ),
                    )
                    .with_help(help),
            );
        }
    }
    problems
}
