//! Rendering: Markdown bodies to HTML, then every page of the site through the templates.
//! Produces the list of output files; writing them is `output`'s job.

pub mod highlight;
pub mod markdown;
pub mod templates;
pub mod views;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;
use tera::Context;
use walkdir::WalkDir;

use crate::config::Config;
use crate::content::Content;
use crate::content::source::SourceFile;
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use markdown::{LinkIndex, LinkProblem, RenderedMarkdown};
use templates::Templates;
use views::{Views, role_path};

pub const STATIC_DIR: &str = "static";

/// One file of the built site, by its path below the output folder.
#[derive(Debug)]
pub struct OutputFile {
    pub path: String,
    pub contents: FileContents,
}

#[derive(Debug)]
pub enum FileContents {
    Bytes(Vec<u8>),
    /// A static file, copied as it is.
    Copy(PathBuf),
}

/// A content page with its rendered body.
struct RenderedPage<'a> {
    source: &'a SourceFile,
    body_offset: usize,
    markdown: RenderedMarkdown,
}

/// Render the whole site. Every problem of every page is collected before returning.
pub fn render_site(
    config: &Config,
    content: &Content,
    templates: &mut Templates,
    static_dirs: &[PathBuf],
) -> Result<Vec<OutputFile>, Diagnostics> {
    let views = Views::new(config, content);
    let links = link_index(content, &views);
    let sources: Vec<(&SourceFile, usize, &str)> = content
        .roles
        .iter()
        .map(|r| (&r.source, r.body_offset, r.body()))
        .chain(
            content
                .guides
                .iter()
                .map(|g| (&g.source, g.body_offset, g.body())),
        )
        .collect();
    let rendered: Vec<RenderedPage> = sources
        .par_iter()
        .map(|(source, body_offset, body)| RenderedPage {
            source,
            body_offset: *body_offset,
            markdown: markdown::render(body, &source.content_path, &links),
        })
        .collect();
    let problems = link_problems(&rendered, &links);
    if !problems.is_empty() {
        return Err(problems.sorted());
    }
    let by_path: HashMap<&str, &RenderedMarkdown> = rendered
        .iter()
        .map(|p| (p.source.content_path.as_str(), &p.markdown))
        .collect();

    templates.set_globals("site", &views.site());
    let templates = &*templates;
    let mut jobs: Vec<(String, &str, Context)> = Vec::new();
    for role in &content.roles {
        let md = by_path[role.source.content_path.as_str()];
        let mut context = Context::new();
        context.insert("role", &views.role(role, &md.html, &md.toc));
        jobs.push((
            format!("{}index.html", role_path(&role.slug)),
            "role.html",
            context,
        ));
    }
    for guide in &content.guides {
        let md = by_path[guide.source.content_path.as_str()];
        let mut context = Context::new();
        context.insert("page", &views.guide(guide, &md.html, &md.toc));
        jobs.push((format!("{}index.html", guide.path), "page.html", context));
    }
    let mut home = Context::new();
    home.insert("groups", &views.archetype_groups());
    jobs.push(("index.html".to_string(), "index.html", home));
    jobs.push(("404.html".to_string(), "404.html", Context::new()));

    let results: Vec<Result<OutputFile, Diagnostic>> = jobs
        .par_iter()
        .map(|(path, template, context)| {
            templates
                .render(template, context)
                .map(|html| OutputFile {
                    path: path.clone(),
                    contents: FileContents::Bytes(html.into_bytes()),
                })
                .map_err(|d| *d)
        })
        .collect();
    let mut files = Vec::with_capacity(results.len() + 16);
    let mut problems = Diagnostics::default();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        // One broken template fails every page; say it once.
        let mut seen = BTreeSet::new();
        problems
            .0
            .retain(|d| seen.insert((d.file.clone(), d.position, d.message.clone())));
        return Err(problems.sorted());
    }
    files.push(OutputFile {
        path: highlight::STYLESHEET_PATH.to_string(),
        contents: FileContents::Bytes(highlight::stylesheet().into_bytes()),
    });
    files.extend(static_files(static_dirs));
    Ok(files)
}

fn link_index(content: &Content, views: &Views) -> LinkIndex {
    let mut links = LinkIndex::default();
    for role in &content.roles {
        links.insert(
            role.source.content_path.clone(),
            views.url(&role_path(&role.slug)),
        );
    }
    for guide in &content.guides {
        links.insert(guide.source.content_path.clone(), views.url(&guide.path));
    }
    links
}

/// Links to pages that do not exist, and `#anchors` no heading carries.
fn link_problems(pages: &[RenderedPage], links: &LinkIndex) -> Diagnostics {
    let anchors: HashMap<&str, &BTreeSet<String>> = pages
        .iter()
        .map(|p| (p.source.content_path.as_str(), &p.markdown.anchors))
        .collect();
    let mut problems = Diagnostics::default();
    for page in pages {
        let at =
            |offset: usize| markdown::file_position(&page.source.text, page.body_offset, offset);
        for (offset, problem) in &page.markdown.problems {
            let d = match problem {
                LinkProblem::MissingPage { dest, content_path } => {
                    let help = match did_you_mean(content_path, links.paths()) {
                        Some(close) => format!("did you mean `@/{close}`?"),
                        None => "link to pages by their source path, e.g. `@/roles/caio.md` or `caio.md`".to_string(),
                    };
                    page.source
                        .diagnostic(
                            at(*offset),
                            format!(
                                "broken link `{dest}`: there is no page content/{content_path}"
                            ),
                        )
                        .with_help(help)
                }
                LinkProblem::OutsideContent { dest } => page
                    .source
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
        for anchor_ref in &page.markdown.anchor_refs {
            let Some(targets) = anchors.get(anchor_ref.content_path.as_str()) else {
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
                page.source
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

/// The theme's static files, then the site's (which win by path).
fn static_files(dirs: &[PathBuf]) -> Vec<OutputFile> {
    let mut by_path: std::collections::BTreeMap<String, PathBuf> = Default::default();
    for dir in dirs {
        for entry in WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !crate::content::is_ignored(e.file_name()))
            .flatten()
        {
            if !entry.file_type().is_file() {
                continue;
            }
            if let Ok(relative) = entry.path().strip_prefix(dir) {
                by_path.insert(
                    crate::diagnostic::display_path(relative),
                    entry.path().to_path_buf(),
                );
            }
        }
    }
    by_path
        .into_iter()
        .map(|(path, source)| OutputFile {
            path,
            contents: FileContents::Copy(source),
        })
        .collect()
}
