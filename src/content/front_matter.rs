//! Splitting a page into its YAML front matter and its Markdown body.

use crate::diagnostic::Position;
use crate::yaml::KeySpans;

/// A page cut in two. `yaml` keeps the opening `---` line so that YAML positions are file
/// positions; `body_offset` is where the body starts in the file's text.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub body: &'a str,
    pub body_offset: usize,
}

#[derive(Debug, PartialEq, Eq)]
pub struct SplitError {
    pub position: Position,
    pub message: &'static str,
    pub help: &'static str,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !is_fence(first) {
        return Err(SplitError {
            position: Position::START,
            message: "expected front matter: the file must start with a `---` line",
            help: "put the page's YAML keys between two `---` lines at the top of the file",
        });
    }
    let mut offset = first.len();
    for line in lines {
        if is_fence(line) || line.trim_end() == "..." {
            let body_offset = offset + line.len();
            return Ok(Split {
                yaml: &text[..offset],
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err(SplitError {
        position: Position::START,
        message: "the front matter opened on line 1 is never closed",
        help: "add a `---` line after the last front-matter key",
    })
}

/// Where the front matter of a page's `text` writes its keys, in file positions (none when
/// the page has no front matter).
pub(crate) fn keys(text: &str) -> KeySpans {
    split(text).map_or_else(|_| KeySpans::default(), |split| KeySpans::of(split.yaml))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body() {
        let s = split("---\ntitle: a\n---\n# Body\n").expect("valid");
        assert_eq!(s.yaml, "---\ntitle: a\n");
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_offset, 17);
    }

    #[test]
    fn crlf_fences_work() {
        let s = split("---\r\ntitle: a\r\n---\r\nBody\r\n").expect("valid");
        assert_eq!(s.yaml, "---\r\ntitle: a\r\n");
        assert_eq!(s.body, "Body\r\n");
    }

    #[test]
    fn fence_inside_body_code_block_is_body() {
        let s = split("---\na: 1\n---\n```\n---\n```\n").expect("valid");
        assert_eq!(s.body, "```\n---\n```\n");
    }

    #[test]
    fn missing_and_unclosed_fences_are_errors() {
        assert!(split("# no front matter\n").is_err());
        let e = split("---\ntitle: a\n# Body\n").expect_err("unclosed");
        assert!(e.message.contains("never closed"));
        assert!(split("").is_err());
    }

    #[test]
    fn empty_front_matter_and_empty_body() {
        let s = split("---\n---\n").expect("valid");
        assert_eq!(s.yaml, "---\n");
        assert_eq!(s.body, "");
    }
}
