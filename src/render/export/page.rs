//! A playbook page as a wiki takes it: its title, its place in the page tree, the brief's
//! fields as sections of plain blocks, and its Markdown body. The Confluence and TechDocs
//! exports lay these out; links between pages are by page key, so each export writes them
//! its own way.

use std::collections::HashMap;

use crate::content::Content;
use crate::content::role::Role;
use crate::playbook::sequence;
use crate::render::views::{Link, Views};

/// Where a page's text links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    /// Another page of the export, by key.
    Page {
        key: String,
        text: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Bullets(Vec<Vec<Inline>>),
    Numbered(Vec<Vec<Inline>>),
    /// A heading one level below the section's.
    Subheading(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// Which part of the playbook a page belongs to, in the order the navigation shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Home,
    TeamPlan,
    Library,
    Guides,
}

impl Group {
    pub fn label(self) -> &'static str {
        match self {
            Group::Home => "Home",
            Group::TeamPlan => "Team plan",
            Group::Library => "Role library",
            Group::Guides => "Guides",
        }
    }
}

/// One page of an export.
#[derive(Debug, Clone)]
pub struct WikiPage<'a> {
    /// `index`, or the page's path below `content/` without `.md` (`roles/head-of-ai`):
    /// unique, and the file name the exports derive from it.
    pub key: String,
    pub title: String,
    pub group: Group,
    /// The key of the page above it in a page tree (the home page's children: every other).
    pub parent: Option<String>,
    pub lead: Option<String>,
    pub sections: Vec<Section>,
    /// The Markdown body and its path below `content/`, for resolving its links.
    pub body: Option<(crate::content::source::Body<'a>, &'a str)>,
}

/// Every page of the playbook, in reading order: the home page, the team plan's briefs in
/// hiring order, the library's, then the guides.
pub fn pages<'a>(views: &Views<'a>) -> Result<Vec<WikiPage<'a>>, String> {
    let config = views.config;
    let content: &'a Content = views.content;
    let steps = sequence::print_order(config, content);
    let key_of = |content_path: &str| content_path.trim_end_matches(".md").to_string();
    let by_url: HashMap<String, String> = content
        .roles
        .iter()
        .map(|r| (views.role(r, "", &[]).url, key_of(&r.source.content_path)))
        .chain(content.guides.iter().map(|g| {
            (
                format!("{}{}", config.base_path(), g.path),
                key_of(&g.source.content_path),
            )
        }))
        .collect();
    let link = |l: &Link| match by_url.get(&l.url) {
        Some(key) => Inline::Page {
            key: key.clone(),
            text: l.title.clone(),
        },
        None => Inline::Text(l.title.clone()),
    };
    let mut pages = vec![home(config, &steps, content, &key_of)];
    for step in &steps {
        pages.push(brief(views, step.role, &key_of, &link)?);
    }
    for guide in &content.guides {
        pages.push(WikiPage {
            key: key_of(&guide.source.content_path),
            title: guide.title().to_string(),
            group: Group::Guides,
            parent: Some("index".into()),
            lead: guide.front.summary.clone(),
            sections: Vec::new(),
            body: Some((
                guide.body().map_err(|e| e.to_string())?,
                guide.source.content_path.as_str(),
            )),
        });
    }
    Ok(pages)
}

fn home<'a>(
    config: &crate::config::Config,
    steps: &[sequence::Step<'a>],
    content: &'a Content,
    key_of: &dyn Fn(&str) -> String,
) -> WikiPage<'a> {
    let list = |in_plan: bool| -> Vec<Vec<Inline>> {
        steps
            .iter()
            .filter(|s| s.role.in_plan() == in_plan)
            .map(|s| {
                vec![
                    Inline::Page {
                        key: key_of(&s.role.source.content_path),
                        text: s.role.title().to_string(),
                    },
                    Inline::Text(format!(": {}", s.role.front.summary.value)),
                ]
            })
            .collect()
    };
    let mut sections = Vec::new();
    for (heading, items) in [
        ("Team plan, in hiring order", list(true)),
        ("Role library", list(false)),
    ] {
        if !items.is_empty() {
            sections.push(Section {
                heading: heading.into(),
                blocks: vec![Block::Numbered(items)],
            });
        }
    }
    let guides: Vec<Vec<Inline>> = content
        .guides
        .iter()
        .map(|g| {
            vec![Inline::Page {
                key: key_of(&g.source.content_path),
                text: g.title().to_string(),
            }]
        })
        .collect();
    if !guides.is_empty() {
        sections.push(Section {
            heading: "Guides".into(),
            blocks: vec![Block::Bullets(guides)],
        });
    }
    WikiPage {
        key: "index".into(),
        title: config.title.clone(),
        group: Group::Home,
        parent: None,
        lead: Some(config.description.trim().to_string()).filter(|d| !d.is_empty()),
        sections,
        body: None,
    }
}

fn texts(items: &[impl AsRef<str>]) -> Vec<Vec<Inline>> {
    items
        .iter()
        .map(|i| vec![Inline::Text(i.as_ref().to_string())])
        .collect()
}

/// A brief's fields, as its page shows them to the hiring team.
fn brief<'a>(
    views: &Views<'a>,
    role: &'a Role,
    key_of: &dyn Fn(&str) -> String,
    link: &dyn Fn(&Link) -> Inline,
) -> Result<WikiPage<'a>, String> {
    let view = views.role(role, "", &[]);
    let mut sections = Vec::new();
    let mut section = |heading: &str, blocks: Vec<Block>| {
        let blocks: Vec<Block> = blocks
            .into_iter()
            .filter(|b| match b {
                Block::Bullets(items) | Block::Numbered(items) => !items.is_empty(),
                _ => true,
            })
            .collect();
        if !blocks.is_empty() {
            sections.push(Section {
                heading: heading.into(),
                blocks,
            });
        }
    };
    let mut facts = vec![vec![
        Inline::Strong("Archetype: ".into()),
        Inline::Text(view.archetype.name.to_string()),
    ]];
    if let Some(reports_to) = view.reports_to {
        facts.push(vec![
            Inline::Strong("Reports to: ".into()),
            Inline::Text(reports_to.to_string()),
        ]);
    }
    if role.in_plan() {
        let status = view.status.words();
        let headcount = view
            .headcount
            .map(|h| format!(", headcount {h}"))
            .unwrap_or_default();
        facts.push(vec![
            Inline::Strong("Status: ".into()),
            Inline::Text(format!("{status}{headcount}")),
        ]);
    }
    if let Some(based_on) = &view.based_on {
        facts.push(vec![Inline::Strong("Based on: ".into()), link(based_on)]);
    }
    section("At a glance", vec![Block::Bullets(facts)]);
    section(
        "Outcome",
        vec![Block::Paragraph(vec![Inline::Text(
            view.outcome.to_string(),
        )])],
    );
    section(
        "Decisions this role owns",
        vec![Block::Bullets(texts(view.decisions))],
    );
    let mut success = Vec::new();
    for horizon in &view.success {
        success.push(Block::Subheading(horizon.label.to_string()));
        let measures: Vec<&str> = horizon.measures.iter().map(|m| m.value.as_str()).collect();
        success.push(if measures.is_empty() {
            Block::Paragraph(vec![Inline::Text("Not stated".into())])
        } else {
            Block::Bullets(texts(&measures))
        });
    }
    section("Success", success);
    let capabilities = view
        .primary
        .iter()
        .map(|c| (c, "primary"))
        .chain(view.secondary.iter().map(|c| (c, "secondary")))
        .map(|(c, kind)| vec![Inline::Text(format!("{} ({kind})", c.name))])
        .collect();
    section("Capabilities", vec![Block::Bullets(capabilities)]);
    let interfaces = view
        .interfaces
        .iter()
        .map(|i| {
            vec![
                Inline::Strong(format!("{}: ", i.label)),
                Inline::Text(i.text.to_string()),
            ]
        })
        .collect();
    section("How it fits", vec![Block::Bullets(interfaces)]);
    section(
        "Owns after launch",
        vec![Block::Bullets(texts(view.owns_after_launch))],
    );
    let mut sequence = vec![vec![Inline::Strong("Hire after: ".into())]];
    if view.hire_after.is_empty() {
        sequence[0].push(Inline::Text("nothing: this can be a first hire".into()));
    }
    for (i, after) in view.hire_after.iter().enumerate() {
        if i > 0 {
            sequence[0].push(Inline::Text(", ".into()));
        }
        sequence[0].push(link(after));
    }
    if !view.hired_after_this.is_empty() {
        let mut prepares = vec![Inline::Strong("Prepares for: ".into())];
        for (i, next) in view.hired_after_this.iter().enumerate() {
            if i > 0 {
                prepares.push(Inline::Text(", ".into()));
            }
            prepares.push(link(next));
        }
        sequence.push(prepares);
    }
    section("Hiring sequence", vec![Block::Bullets(sequence)]);
    section("Constraints", vec![Block::Bullets(texts(view.constraints))]);
    section("Tools", vec![Block::Bullets(texts(view.tools))]);
    section(
        "Internal notes",
        vec![Block::Bullets(texts(view.internal_notes))],
    );
    section(
        "Interview probes",
        vec![Block::Numbered(texts(view.interview_probes))],
    );
    section("Red flags", vec![Block::Bullets(texts(view.red_flags))]);
    Ok(WikiPage {
        key: key_of(&role.source.content_path),
        title: view.title.to_string(),
        group: if role.in_plan() {
            Group::TeamPlan
        } else {
            Group::Library
        },
        parent: Some("index".into()),
        lead: Some(view.summary.to_string()),
        sections,
        body: Some((
            role.body().map_err(|e| e.to_string())?,
            role.source.content_path.as_str(),
        )),
    })
}
