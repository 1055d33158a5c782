//! Reading a content file: bytes to checked UTF-8 text, with the byte-order mark dropped.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Position, position_of};

/// One Markdown file of the site, read and checked.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root (`content/roles/caio.md`), for messages.
    pub file: PathBuf,
    /// Relative to the content folder with `/` separators (`roles/caio.md`), for links.
    pub content_path: String,
    pub text: Arc<str>,
}

impl SourceFile {
    /// Decode `bytes` read from `file`.
    pub fn decode(file: &Path, content_path: String, bytes: Vec<u8>) -> Result<Self, Diagnostic> {
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let valid = error.utf8_error().valid_up_to();
                let bytes = error.into_bytes();
                let prefix = String::from_utf8_lossy(&bytes[..valid]);
                return Err(Diagnostic::new(
                    file,
                    position_of(&prefix, prefix.len()),
                    "the file is not valid UTF-8",
                )
                .with_help("save it as UTF-8 (most editors: \"Save with encoding\")"));
            }
        };
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        if text.trim().is_empty() {
            return Err(Diagnostic::new(file, Position::START, "the file is empty")
                .with_help("a page starts with front matter between `---` lines; `gen new role \"Title\"` writes one"));
        }
        Ok(SourceFile {
            file: file.to_path_buf(),
            content_path,
            text: Arc::from(text),
        })
    }

    /// Whether `other` holds the same text (the same shared value, or equal bytes).
    pub fn same_text(&self, other: &SourceFile) -> bool {
        Arc::ptr_eq(&self.text, &other.text) || self.text == other.text
    }

    pub fn diagnostic(&self, position: Position, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(&self.file, position, message).with_source(self.text.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> Result<SourceFile, Diagnostic> {
        SourceFile::decode(Path::new("content/x.md"), "x.md".into(), bytes.to_vec())
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = decode(b"---\ntitle: a\xff\n").expect_err("invalid");
        assert_eq!(err.position, Position::new(2, 9));
        assert!(err.message.contains("UTF-8"));
    }

    #[test]
    fn bom_is_dropped_and_empty_is_an_error() {
        let ok = decode("\u{feff}---\ntitle: a\n---\n".as_bytes()).expect("valid");
        assert!(ok.text.starts_with("---"));
        assert!(decode(b"  \n\n").is_err());
    }
}
