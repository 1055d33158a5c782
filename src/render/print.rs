//! The whole playbook on one page, for print and for wikis that take one page (like mdBook's
//! print page): every brief in hiring order (the team plan first), ids prefixed by the brief's slug, and links
//! between briefs turned into links to their place on the page.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostic::Diagnostic;
use crate::markdown::{self, Html, InPage, LinkIndex, RenderedMarkdown};
use crate::playbook::sequence;
use crate::render::templates::Templates;
use crate::render::views::{Link, RoleView, Views, role_path};

pub const TEMPLATE: &str = "print.html";

#[derive(Debug, Serialize)]
pub struct PrintView<'a> {
    pub briefs: Vec<PrintBrief<'a>>,
    /// The stylesheets to inline for a standalone file (`gen build --single-page`); none on
    /// the site's own page, which links them.
    pub css: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct PrintBrief<'a> {
    pub number: usize,
    /// Prefix of the ids of the brief's sections: `<slug>--`.
    pub prefix: String,
    pub role: RoleView<'a>,
}

/// The page's HTML. `css` makes it standalone: styles inlined, no scripts, no site header.
pub fn render(
    views: &Views,
    links: &LinkIndex,
    templates: &Templates,
    html: Html,
    css: Option<&str>,
) -> Result<String, Box<Diagnostic>> {
    let steps = sequence::print_order(views.config, views.content);
    let briefs: HashMap<String, String> = steps
        .iter()
        .map(|s| (s.role.source.content_path.clone(), s.role.slug.clone()))
        .collect();
    let bodies: Vec<RenderedMarkdown> = steps
        .par_iter()
        .map(|s| {
            let page = InPage {
                slug: &s.role.slug,
                briefs: &briefs,
            };
            Ok(markdown::render_in_page(
                &s.role.body()?,
                &s.role.source.content_path,
                links,
                &page,
                html,
            ))
        })
        .collect::<Result<_, Diagnostic>>()?;
    // Every brief's address on the site, to its place on this page.
    let in_page: HashMap<String, String> = steps
        .iter()
        .map(|s| {
            (
                views.url(&role_path(&s.role.slug)),
                format!("#{}", s.role.slug),
            )
        })
        .collect();
    let here = |link: &mut Link| {
        if let Some(anchor) = in_page.get(&link.url) {
            link.url = anchor.clone();
        }
    };
    let view = PrintView {
        briefs: steps
            .iter()
            .zip(&bodies)
            .enumerate()
            .map(|(i, (step, md))| {
                let mut role = views.role(step.role, &md.html, &md.toc);
                role.hire_after.iter_mut().for_each(here);
                role.hired_after_this.iter_mut().for_each(here);
                role.derived.iter_mut().for_each(here);
                if let Some(link) = role.based_on.as_mut() {
                    here(link);
                }
                PrintBrief {
                    number: i + 1,
                    prefix: InPage::anchor(&step.role.slug, ""),
                    role,
                }
            })
            .collect(),
        css,
    };
    let mut context = Context::new();
    context.insert("print", &view);
    context.insert(
        "current_url",
        &views.url(crate::render::site_views::PRINT_PATH),
    );
    let (switcher, alternates) = views.translations(crate::render::site_views::PRINT_PATH);
    context.insert("translations", &switcher);
    context.insert("alternates", &alternates);
    templates.render(TEMPLATE, &context)
}
