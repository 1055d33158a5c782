//! Word documents, for recruiters who work in Word and wikis that store documents: each
//! brief's job post (`<slug>.posting.docx`, from `playbook::posting` and nothing else) and
//! the whole playbook (`gen build --docx FILE`, the content of the `/print/` page).
//! Written with docx-rs; the same input gives the same bytes.

pub mod document;
mod markdown;

use crate::config::renditions::PostingDocx;
use crate::content::role::{Role, Status};
use crate::playbook::posting::{Block, Posting, Section};
use crate::playbook::sequence;
use crate::render::views::{Link, Views};
use document::{Document, Span};

/// Whether `role` gets its post as a Word document, by site.yaml's `posting_docx`.
pub fn writes_posting(setting: PostingDocx, role: &Role) -> bool {
    match setting {
        PostingDocx::All => true,
        PostingDocx::None => false,
        PostingDocx::Hiring => match role.front.status {
            Status::Open => true,
            Status::Planned => role.in_plan(),
            Status::Filled => false,
        },
    }
}

/// A brief's job post as a Word document: the title as Heading 1, each section of the post
/// as Heading 2, a labelled list's label as Heading 3, lists as bulleted lists and the
/// apply address as a hyperlink. It sees the post alone, like the post's templates.
pub fn posting(
    posting: &Posting,
    sections: &[Section],
    words: &dyn crate::playbook::posting::Words,
) -> Result<Vec<u8>, String> {
    let mut doc = Document::new();
    doc.heading(1, posting.title);
    if let Some(organization) = posting.organization {
        doc.styled(Some("Subtitle"), &[Span::text(organization)]);
    }
    for section in sections {
        doc.heading(2, &section.heading);
        for block in &section.blocks {
            match block {
                Block::Paragraph { text } => doc.text(&[Span::text(text)]),
                Block::List { label, items } => {
                    if let Some(label) = label {
                        doc.heading(3, label);
                    }
                    for item in items {
                        doc.bullet(&[Span::text(item)]);
                    }
                }
                Block::Facts { facts } => {
                    for fact in facts {
                        let text = match &fact.href {
                            Some(href) => Span::link(&fact.text, href),
                            None => Span::text(&fact.text),
                        };
                        doc.bullet(&[Span::bold(format!("{} ", words.colon(&fact.label))), text]);
                    }
                }
            }
        }
    }
    doc.finish()
}

/// A list of `items`, or `empty` as a paragraph when there are none (as the page says).
fn bullets(doc: &mut Document, items: &[impl AsRef<str>], empty: Option<&str>) {
    if items.is_empty() {
        if let Some(empty) = empty {
            doc.text(&[Span {
                italic: true,
                ..Span::text(empty)
            }]);
        }
        return;
    }
    for item in items {
        doc.bullet(&[Span::text(item.as_ref())]);
    }
}

fn titles(links: &[Link]) -> String {
    links
        .iter()
        .map(|l| l.title.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `gen build --docx FILE`: the whole playbook as one Word document, what the `/print/`
/// page shows: a title page with the contents, then every brief in hiring order (the team
/// plan first), each from a new page with the fields the page shows, the internal ones
/// included (the playbook is the hiring team's) except the interview probes and red flags,
/// which print only from the interview kit; then its notes; then the guides.
pub fn playbook(views: &Views) -> Result<Vec<u8>, String> {
    let config = views.config;
    let content = views.content;
    let steps = sequence::print_order(config, content);
    let show_status = !config.archetypes_only;
    let mut doc = Document::new();

    doc.styled(Some("Title"), &[Span::text(&config.title)]);
    doc.styled(Some("Subtitle"), &[Span::text("The whole playbook")]);
    if !config.description.trim().is_empty() {
        doc.text(&[Span::text(config.description.trim())]);
    }
    doc.text(&[Span::text(format!(
        "Every brief in hiring order ({} in all), the team plan first, then the guides.",
        steps.len()
    ))]);
    doc.heading_on_new_page(1, "Contents");
    let contents = doc.numbered_list();
    for step in &steps {
        let archetype = config
            .archetype(&step.role.front.archetype.value)
            .map_or("", |a| a.name.as_str());
        doc.list_item(
            contents,
            0,
            &[
                Span::text(step.role.title()),
                Span {
                    italic: true,
                    ..Span::text(format!(" ({archetype})"))
                },
            ],
        );
    }
    if !content.guides.is_empty() {
        doc.heading(2, "Guides");
        for guide in &content.guides {
            doc.bullet(&[Span::text(guide.title())]);
        }
    }

    for (i, step) in steps.iter().enumerate() {
        let role = views.role(step.role, "", &[]);
        doc.heading_on_new_page(1, role.title);
        let mut eyebrow = format!("{}. {}", i + 1, role.archetype.name);
        if let Some(reports_to) = role.reports_to {
            eyebrow.push_str(&format!(" · reports to {reports_to}"));
        }
        doc.styled(Some("Subtitle"), &[Span::text(eyebrow)]);
        if show_status && role.in_team {
            let status = role.status.words();
            let headcount = role
                .headcount
                .map(|h| format!(" · headcount {h}"))
                .unwrap_or_default();
            doc.text(&[
                Span::bold("Status: "),
                Span::text(format!("{status}{headcount}")),
            ]);
        }
        doc.text(&[Span::text(role.summary)]);
        if let Some(based_on) = &role.based_on {
            doc.text(&[Span::text(format!("Based on {}.", based_on.title))]);
        }

        doc.heading(2, "Outcome");
        doc.text(&[Span::text(role.outcome)]);
        doc.heading(2, "Decisions this role owns");
        bullets(&mut doc, role.decisions, None);
        doc.heading(2, "Success");
        for horizon in &role.success {
            doc.heading(3, horizon.label);
            let measures: Vec<&str> = horizon.measures.iter().map(|m| m.value.as_str()).collect();
            bullets(&mut doc, &measures, Some("Not stated"));
        }
        doc.heading(2, "Capabilities");
        for (caps, kind) in [(&role.primary, "primary"), (&role.secondary, "secondary")] {
            for cap in caps.iter() {
                doc.bullet(&[
                    Span::text(cap.name),
                    Span {
                        italic: true,
                        ..Span::text(format!(" ({kind})"))
                    },
                ]);
            }
        }
        doc.heading(2, "How it fits");
        if role.interfaces.is_empty() {
            bullets(&mut doc, &[] as &[&str], Some("No interfaces stated."));
        }
        for interface in &role.interfaces {
            doc.bullet(&[
                Span::bold(format!("{}: ", interface.label)),
                Span::text(interface.text),
            ]);
        }
        doc.heading(2, "Owns after launch");
        bullets(
            &mut doc,
            role.owns_after_launch,
            Some("Nothing stated: who owns this once it is live?"),
        );
        if !role.derived.is_empty() {
            doc.heading(2, "Adapted by");
            doc.text(&[Span::text(format!(
                "Briefs based on this one: {}",
                titles(&role.derived)
            ))]);
        }
        doc.heading(2, "Hiring sequence");
        let after = if role.hire_after.is_empty() {
            "nothing: this can be a first hire".to_string()
        } else {
            titles(&role.hire_after)
        };
        doc.text(&[Span::bold("Hire after: "), Span::text(after)]);
        if !role.hired_after_this.is_empty() {
            doc.text(&[
                Span::bold("Prepares for: "),
                Span::text(titles(&role.hired_after_this)),
            ]);
        }
        if !role.constraints.is_empty() {
            doc.heading(2, "Constraints");
            bullets(&mut doc, role.constraints, None);
        }
        if !role.tools.is_empty() {
            doc.heading(2, "Tools");
            bullets(&mut doc, role.tools, None);
        }
        if !role.internal_notes.is_empty() {
            doc.heading(2, "Internal notes");
            bullets(&mut doc, role.internal_notes, None);
        }
        // As on the printed playbook, the questions interviewers ask stay out of a
        // document that travels: they print from the brief's interview kit.
        doc.heading(2, "Interviewing");
        doc.text(&[Span::text(format!(
            "Interview probes and red flags are in the interview kit, {}.kit.html beside the brief's page.",
            role.slug
        ))]);
        markdown::write(&mut doc, &step.role.body().map_err(|e| e.to_string())?, 2);
    }

    for guide in &content.guides {
        doc.heading_on_new_page(1, guide.title());
        if let Some(summary) = guide.front.summary.as_deref() {
            doc.styled(Some("Subtitle"), &[Span::text(summary)]);
        }
        markdown::write(&mut doc, &guide.body().map_err(|e| e.to_string())?, 2);
    }
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// `word/document.xml` of a document's bytes.
    fn document_xml(bytes: &[u8]) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut xml = String::new();
        archive
            .by_name("word/document.xml")
            .expect("document part")
            .read_to_string(&mut xml)
            .expect("utf-8");
        xml
    }

    /// Each paragraph as (style, numbering id or 0, text).
    fn paragraphs(xml: &str) -> Vec<(String, String, String)> {
        xml.split("<w:p ")
            .skip(1)
            .map(|p| {
                let attr = |name: &str| {
                    p.split(&format!("<{name} w:val=\""))
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        .unwrap_or("")
                        .to_string()
                };
                let text: String = p
                    .split("<w:t xml:space=\"preserve\">")
                    .skip(1)
                    .filter_map(|t| t.split("</w:t>").next())
                    .collect();
                (attr("w:pStyle"), attr("w:numId"), text)
            })
            .collect()
    }

    #[test]
    fn markdown_becomes_headings_lists_code_and_tables_and_raw_html_is_left_out() {
        let body = "# Top\n\nSome *text* with `code` and [a page](../x.md) and [a site](https://example.com).\n\n## Steps\n\n1. First\n2. Second\n   - nested\n\nBetween.\n\n1. Again one\n\n- Loose item\n\n  Its second paragraph.\n\n```yaml\na: 1\n\nb: 2\n```\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n<div>RawHtmlMarker</div>\n\n> Quoted.\n";
        let mut doc = Document::new();
        markdown::write(&mut doc, body, 2);
        let bytes = doc.finish().expect("packs");
        let xml = document_xml(&bytes);
        let paras = paragraphs(&xml);
        let find = |text: &str| {
            paras
                .iter()
                .find(|(_, _, t)| t == text)
                .unwrap_or_else(|| panic!("{text} in {paras:#?}"))
                .clone()
        };
        // `#` and `##` both become the lowest heading allowed.
        assert_eq!(find("Top").0, "Heading2");
        assert_eq!(find("Steps").0, "Heading2");
        let first = find("First");
        let again = find("Again one");
        assert_eq!(first.0, "ListParagraph");
        assert_ne!(first.1, "", "numbered");
        assert_ne!(first.1, again.1, "each numbered list counts from 1");
        let nested = find("nested");
        assert_eq!(nested.1, "2", "bullets");
        assert!(
            xml.contains("<w:ilvl w:val=\"1\" />"),
            "nested one level in"
        );
        assert_eq!(find("Its second paragraph.").1, "", "no second bullet");
        assert_eq!(find("a: 1").0, "CodeBlock");
        assert_eq!(
            find("").0,
            "CodeBlock",
            "an empty line of code keeps its place"
        );
        assert!(xml.contains("<w:tbl>"), "a table");
        assert!(!xml.contains("RawHtmlMarker"), "raw HTML left out");
        assert_eq!(find("Quoted.").0, "Normal");
        let text = find("Some text with code and a page and a site.");
        assert_eq!(text.0, "Normal");
        // Only the address outside the site is a link.
        assert_eq!(xml.matches("<w:hyperlink").count(), 1, "{xml}");
    }

    #[test]
    fn by_default_the_briefs_being_hired_and_the_plans_planned_ones_get_a_word_post() {
        let brief = |status: &str| {
            format!(
                "---\ntitle: T\narchetype: builder\nsummary: S.\noutcome: Cut cost by 10% within 6 months.\ndecisions: [D]\nsuccess:\n  90d: [M]\nstatus: {status}\n---\n"
            )
        };
        let site = crate::content::testing::content(&[
            ("plan/open.md", brief("open")),
            ("plan/planned.md", brief("planned")),
            ("plan/filled.md", brief("filled")),
            ("roles/library.md", brief("planned")),
            ("roles/library-open.md", brief("open")),
        ]);
        let written = |setting: PostingDocx| -> Vec<&str> {
            let mut slugs: Vec<&str> = site
                .roles
                .iter()
                .filter(|r| writes_posting(setting, r))
                .map(|r| r.slug.as_str())
                .collect();
            slugs.sort_unstable();
            slugs
        };
        assert_eq!(
            written(PostingDocx::Hiring),
            ["library-open", "open", "planned"]
        );
        assert_eq!(written(PostingDocx::All).len(), 5);
        assert!(written(PostingDocx::None).is_empty());
    }

    #[test]
    fn text_is_escaped_and_internal_fields_have_no_way_in() {
        let config = crate::content::testing::config();
        let brief = "---\ntitle: \"<b>Lead</b> & Co \\\"x\\\"\"\narchetype: builder\nsummary: S <script>.\noutcome: Cut cost by 10% within 6 months.\ndecisions: [D]\nsuccess:\n  90d: [M]\ninterview_probes: [SecretProbe]\n---\n";
        let content = crate::content::testing::content(&[("roles/x.md", brief.to_string())]);
        let role = content.role("x").expect("brief");
        let post = crate::playbook::posting::posting(&config, role);
        let bytes =
            posting(&post, &post.sections(), &crate::playbook::posting::English).expect("packs");
        let xml = document_xml(&bytes);
        assert!(xml.contains("&lt;b&gt;Lead&lt;/b&gt; &amp; Co"), "{xml}");
        assert!(xml.contains("S &lt;script&gt;."), "{xml}");
        assert!(!xml.contains("<b>") && !xml.contains("<script>"));
        assert!(!xml.contains("SecretProbe"));
    }
}
