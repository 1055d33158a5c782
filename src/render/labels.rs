//! The labels the Markdown renderer gives what it writes (a heading's link, a table's and
//! a code block's scrolling box: `aria-label`s a screen reader says) in the page's
//! language. `markdown` writes them in English, and its HTML is cached across pages,
//! rebuilds and languages, so a page not in English has them rewritten as it is laid out,
//! by an HTML parser (lol_html), in those elements' attributes only.

use lol_html::html_content::Element;
use lol_html::{RewriteStrSettings, element, rewrite_str};

use crate::render::wording::{Arg, Wording};

/// What `markdown` writes: a heading's link, a table's box (with the section it sits in,
/// `Table: Title`) and a code block's (with its language, `Code: yaml`).
const SECTION_LINK: &str = "Link to this section";
const TABLE: &str = "Table";
const CODE: &str = "Code";

/// The labels in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    section_link: String,
    table: String,
    code: String,
    /// "Table: { $name }" and "Code: { $lang }", with a marker where the name goes.
    table_named: String,
    code_in: String,
}

const NAME: &str = "\u{1}";

impl Labels {
    /// The labels in `words`' language; none when they are `markdown`'s own.
    pub fn for_language(words: &Wording) -> Option<Labels> {
        let labels = Labels {
            section_link: words.get("md-section-link"),
            table: words.get("md-table"),
            code: words.get("md-code"),
            table_named: words.say("md-table-named", &[("name", Arg::Text(NAME))]),
            code_in: words.say("md-code-in", &[("lang", Arg::Text(NAME))]),
        };
        (labels != Labels::english()).then_some(labels)
    }

    fn english() -> Labels {
        Labels {
            section_link: SECTION_LINK.into(),
            table: TABLE.into(),
            code: CODE.into(),
            table_named: format!("{TABLE}: {NAME}"),
            code_in: format!("{CODE}: {NAME}"),
        }
    }

    /// The label `english` (as `markdown` wrote it) in these words, if it is one of them.
    fn translate(&self, english: &str) -> Option<String> {
        let named = |prefix: &str, pattern: &str| {
            english
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix(": "))
                .map(|name| pattern.replace(NAME, name))
        };
        match english {
            SECTION_LINK => Some(self.section_link.clone()),
            TABLE => Some(self.table.clone()),
            CODE => Some(self.code.clone()),
            _ => named(TABLE, &self.table_named).or_else(|| named(CODE, &self.code_in)),
        }
    }

    /// `html` with `markdown`'s labels in these words.
    pub fn rewrite(&self, html: &str) -> String {
        let relabel = |el: &mut Element| {
            if let Some(label) = el.get_attribute("aria-label")
                && let Some(words) = self.translate(&label)
            {
                // Only an invalid attribute name can be refused, and this is a constant.
                let _ = el.set_attribute("aria-label", &words);
            }
            Ok(())
        };
        let settings = RewriteStrSettings::new()
            .with_strict(false)
            .with_enable_esi_tags(false);
        let settings = settings
            .append_element_content_handler(element!("a.anchor[aria-label]", relabel))
            .append_element_content_handler(element!("div.table-wrap[aria-label]", relabel))
            .append_element_content_handler(element!("pre.code[aria-label]", relabel));
        rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
    }
}
