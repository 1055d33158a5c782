//! Reading a content file: bytes to checked UTF-8 text, with the byte-order mark dropped;
//! and letting its body go from memory, to read it again when its page is laid out.

use std::borrow::Cow;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Position, position_of};

/// A page's body: the text in memory, or the copy read again from its file, shared with
/// the thread's last read (a brief's page and the files beside it each ask for it).
#[derive(Debug, Clone)]
pub enum Body<'a> {
    InMemory(&'a str),
    ReadAgain(Arc<str>),
}

impl std::ops::Deref for Body<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Body::InMemory(body) => body,
            Body::ReadAgain(body) => body,
        }
    }
}

impl AsRef<str> for Body<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl PartialEq<&str> for Body<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

/// One Markdown file of the site, read and checked.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root (`content/roles/caio.md`), for messages.
    pub file: PathBuf,
    /// Relative to the content folder with `/` separators (`roles/caio.md`), for links.
    pub content_path: String,
    /// The file's text; only its front matter once its body was let go (`let_body_go`).
    pub text: Arc<str>,
    /// Where the body is read again from, once let go.
    on_disk: Option<Arc<BodyOnDisk>>,
}

/// A body let go from memory: its file, and what it held, to know it again.
#[derive(Debug)]
struct BodyOnDisk {
    path: PathBuf,
    len: usize,
    hash: u64,
}

fn hash_of(body: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    body.hash(&mut hasher);
    hasher.finish()
}

thread_local! {
    /// The body this thread read again last: a brief's page and the files beside it
    /// (brief.md, the posting, the kit) each ask for it, one after another.
    static LAST_READ: RefCell<Option<(Arc<BodyOnDisk>, Arc<str>)>> = const { RefCell::new(None) };
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
            on_disk: None,
        })
    }

    /// The body, which starts at `body_offset`: from memory, or read again from `path`
    /// when it was let go. A file that no longer holds what was read at first (edited
    /// while the site was being built) is an error, not a page of two versions.
    pub fn body(&self, body_offset: usize) -> Result<Body<'_>, Diagnostic> {
        let Some(on_disk) = &self.on_disk else {
            return Ok(Body::InMemory(
                self.text.get(body_offset..).unwrap_or_default(),
            ));
        };
        let cached = LAST_READ.with_borrow(|last| match last {
            Some((read, body)) if Arc::ptr_eq(read, on_disk) => Some(body.clone()),
            _ => None,
        });
        let body = match cached {
            Some(body) => body,
            None => {
                let body = self.read_body_again(on_disk, body_offset)?;
                LAST_READ.set(Some((on_disk.clone(), body.clone())));
                body
            }
        };
        Ok(Body::ReadAgain(body))
    }

    /// The body, while it is in memory (until `let_body_go`).
    pub fn body_in_memory(&self, body_offset: usize) -> Option<&str> {
        match self.on_disk {
            None => self.text.get(body_offset..),
            Some(_) => None,
        }
    }

    fn read_body_again(
        &self,
        on_disk: &BodyOnDisk,
        body_offset: usize,
    ) -> Result<Arc<str>, Diagnostic> {
        let changed = || {
            Diagnostic::new(
                &self.file,
                Position::START,
                "the file changed while the site was being built",
            )
            .with_help("build again: each page is laid out from the file as it was read first")
        };
        let bytes = super::read_page(&on_disk.path)
            .map_err(|message| Diagnostic::new(&self.file, Position::START, message))?;
        let again = SourceFile::decode(&self.file, String::new(), bytes).map_err(|_| changed())?;
        let (front, body) = again
            .text
            .split_at_checked(body_offset)
            .ok_or_else(changed)?;
        if front != &*self.text || body.len() != on_disk.len || hash_of(body) != on_disk.hash {
            return Err(changed());
        }
        Ok(Arc::from(body))
    }

    /// Keep only the front matter (the text before `body_offset`) in memory: the body is
    /// read again from `path` (this file, as the build reads it) when asked for. For a
    /// build that streams its pages to disk, past the stages that read every body.
    pub fn let_body_go(&mut self, body_offset: usize, path: PathBuf) {
        if self.on_disk.is_some() {
            return;
        }
        let Some((front, body)) = self.text.split_at_checked(body_offset) else {
            return;
        };
        self.on_disk = Some(Arc::new(BodyOnDisk {
            path,
            len: body.len(),
            hash: hash_of(body),
        }));
        self.text = Arc::from(front);
    }

    /// Whether `other` holds the same text (the same shared value, or equal bytes).
    pub fn same_text(&self, other: &SourceFile) -> bool {
        Arc::ptr_eq(&self.text, &other.text) || self.text == other.text
    }

    /// The file's whole text: in memory, or its front matter and its body read again.
    fn whole_text(&self) -> Result<Cow<'_, str>, Diagnostic> {
        if self.on_disk.is_none() {
            return Ok(Cow::Borrowed(&self.text));
        }
        let body = self.body(self.text.len())?;
        Ok(Cow::Owned(format!("{}{}", self.text, &*body)))
    }

    /// The line and column `offset` bytes into the body, which starts at `body_offset`.
    pub fn position_in_body(&self, body_offset: usize, offset: usize) -> Position {
        self.whole_text().map_or(Position::START, |text| {
            position_of(&text, body_offset + offset)
        })
    }

    pub fn diagnostic(&self, position: Position, message: impl Into<String>) -> Diagnostic {
        let diagnostic = Diagnostic::new(&self.file, position, message);
        // The snippet's lines: from the front matter in memory when they all lie in it
        // (most findings), else from the whole text.
        if self.on_disk.is_none()
            || crate::diagnostic::snippet_last_line(position) <= self.text.matches('\n').count()
        {
            return diagnostic.with_source(&*self.text);
        }
        match self.whole_text() {
            Ok(text) => diagnostic.with_source(text),
            Err(_) => diagnostic,
        }
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

    /// A page written to a temporary folder, read as the loader reads it.
    fn page_on_disk(bytes: &[u8]) -> (tempfile::TempDir, PathBuf, SourceFile, usize) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("a.md");
        std::fs::write(&path, bytes).expect("written");
        let read = crate::content::read_page(&path).expect("read");
        let source =
            SourceFile::decode(Path::new("content/a.md"), "a.md".into(), read).expect("valid");
        let split = crate::content::front_matter::split(&source.text).expect("front matter");
        let body_offset = split.body_offset;
        (dir, path, source, body_offset)
    }

    #[test]
    fn a_body_let_go_is_read_again_as_it_was_and_the_front_matter_stays() {
        let page = "\u{feff}---\ntitle: Ä\n---\n# Body\n\nÉtude, line two.\n";
        let (_dir, path, mut source, body_offset) = page_on_disk(page.as_bytes());
        let before = source.body(body_offset).expect("in memory").to_string();
        assert_eq!(before, "# Body\n\nÉtude, line two.\n");
        source.let_body_go(body_offset, path);
        assert_eq!(
            &*source.text, "---\ntitle: Ä\n---\n",
            "only the front matter is held"
        );
        assert_eq!(source.body_in_memory(body_offset), None);
        let first = source.body(body_offset).expect("read again");
        assert_eq!(&*first, before);
        // Asked again (the brief's page, then its posting): the same text, not a copy.
        let again = source.body(body_offset).expect("read again");
        match (&first, &again) {
            (Body::ReadAgain(a), Body::ReadAgain(b)) => assert!(Arc::ptr_eq(a, b)),
            _ => panic!("a body let go is read again"),
        }
    }

    #[test]
    fn a_body_edited_or_gone_after_it_was_let_go_is_an_error_not_a_mixed_page() {
        let page = "---\ntitle: A\n---\nBody as read.\n";
        for edit in [
            Some("---\ntitle: A\n---\nBody as edited\n"),
            Some("---\ntitle: A\n---\nBody as read.\nand more\n"),
            Some("---\ntitle: B\n---\nBody as read.\n"),
            None,
        ] {
            let (_dir, path, mut source, body_offset) = page_on_disk(page.as_bytes());
            source.let_body_go(body_offset, path.clone());
            match edit {
                Some(text) => std::fs::write(&path, text).expect("edited"),
                None => std::fs::remove_file(&path).expect("removed"),
            }
            let err = source
                .body(body_offset)
                .expect_err("not the body that was read");
            assert_eq!(err.file, Path::new("content/a.md"));
            match edit {
                Some(_) => assert!(
                    err.message
                        .contains("changed while the site was being built"),
                    "{err}"
                ),
                None => assert!(err.message.contains("cannot read"), "{err}"),
            }
        }
    }

    #[test]
    fn bom_is_dropped_and_empty_is_an_error() {
        let ok = decode("\u{feff}---\ntitle: a\n---\n".as_bytes()).expect("valid");
        assert!(ok.text.starts_with("---"));
        assert!(decode(b"  \n\n").is_err());
    }
}
