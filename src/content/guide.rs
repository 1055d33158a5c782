//! Guide pages: every Markdown file outside `content/roles/`, with a small front matter.

use crate::yaml::Spanned;
use serde::Deserialize;

use crate::content::source::SourceFile;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideFront {
    pub title: Spanned<String>,
    #[serde(default)]
    pub summary: Option<String>,
    /// Lower weights come first in navigation.
    #[serde(default)]
    pub weight: i64,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub slug: Option<Spanned<String>>,
    #[serde(default)]
    pub draft: bool,
}

#[derive(Debug, Clone)]
pub struct Guide {
    pub source: SourceFile,
    pub front: GuideFront,
    /// The page's path below the site root, ending in `/` (`guides/intake-questions/`).
    pub path: String,
    pub body_offset: usize,
}

impl Guide {
    /// The Markdown after the front matter (read again if it was let go; see
    /// `SourceFile::body`).
    pub fn body(&self) -> Result<super::source::Body<'_>, crate::diagnostic::Diagnostic> {
        self.source.body(self.body_offset)
    }

    pub fn title(&self) -> &str {
        &self.front.title.value
    }
}
