//! `gen watch`'s output folder, kept equal to the session's last good build. A rebuild's
//! files go in together or not at all (`output::update_site`); what a failed write left
//! out (a full disk) stays pending, and goes in with the next rebuild or a retry, so the
//! folder is repaired as soon as the disk has room again.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::engine::build::Rebuild;
use crate::error::Error;
use crate::output::{self, SiteFiles};

/// How often a folder that is behind is written again while nothing changes.
pub const RETRY: Duration = Duration::from_secs(5);

/// What the folder lacks of the last good build.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Behind {
    Nothing,
    /// These files (written or removed) may differ from the build.
    Files(BTreeSet<String>),
    /// A full write failed: the folder holds an older complete site.
    Everything,
}

pub struct OutputFolder {
    root: PathBuf,
    output: PathBuf,
    behind: Behind,
    /// The last error shown, so a retry that fails the same way says nothing more.
    last_error: Option<String>,
}

/// What a write did, for the terminal.
pub enum Written {
    /// Nothing was pending, and the rebuild's files went in.
    Current,
    /// Files a failed write had left out went in too: the folder is complete again.
    Repaired { files: usize },
    /// The write failed; the folder keeps what it had, and the files stay pending.
    Failed {
        error: Error,
        /// Whether this error was already shown (a retry failing the same way).
        repeated: bool,
        pending: usize,
    },
}

impl OutputFolder {
    /// `written`: whether the first build went in.
    pub fn new(root: &Path, output: &Path, written: bool) -> OutputFolder {
        OutputFolder {
            root: root.to_path_buf(),
            output: output.to_path_buf(),
            behind: if written {
                Behind::Nothing
            } else {
                Behind::Everything
            },
            last_error: None,
        }
    }

    pub fn is_behind(&self) -> bool {
        self.behind != Behind::Nothing
    }

    /// Write what `rebuild` changed, with whatever earlier writes left out. `files` is the
    /// whole site after the rebuild.
    pub fn follow(&mut self, rebuild: &Rebuild, files: &SiteFiles) -> Written {
        if rebuild.full {
            self.behind = Behind::Everything;
        } else if let Behind::Files(pending) = &mut self.behind {
            pending.extend(rebuild.changed.keys().cloned());
            pending.extend(rebuild.removed.iter().cloned());
        } else if self.behind == Behind::Nothing {
            self.behind = Behind::Files(
                rebuild
                    .changed
                    .keys()
                    .chain(&rebuild.removed)
                    .cloned()
                    .collect(),
            );
        }
        let was_behind = self.last_error.is_some();
        self.write(files, was_behind)
    }

    /// Write again what a failed write left out (nothing when the folder is current).
    pub fn retry(&mut self, files: &SiteFiles) -> Option<Written> {
        self.is_behind().then(|| self.write(files, true))
    }

    fn write(&mut self, files: &SiteFiles, repairs: bool) -> Written {
        let marked = output::written_by_gen(&self.output);
        let (result, count) = match &self.behind {
            Behind::Nothing => return Written::Current,
            Behind::Files(pending) if marked => {
                let (changed, removed) = split_pending(pending, files);
                (
                    output::update_site(&self.root, &self.output, &changed, &removed),
                    pending.len(),
                )
            }
            _ => (
                output::write_site(&self.root, &self.output, files),
                files.len(),
            ),
        };
        match result {
            Ok(()) => {
                self.behind = Behind::Nothing;
                self.last_error = None;
                if repairs {
                    Written::Repaired { files: count }
                } else {
                    Written::Current
                }
            }
            Err(error) => {
                let error = Error::from(error);
                let text = error.to_string();
                let repeated = self.last_error.as_ref() == Some(&text);
                self.last_error = Some(text);
                Written::Failed {
                    error,
                    repeated,
                    pending: match &self.behind {
                        Behind::Files(pending) => pending.len(),
                        _ => files.len(),
                    },
                }
            }
        }
    }
}

/// The pending files that the site has (to write, with their bytes) and those it no
/// longer has (to remove).
fn split_pending(pending: &BTreeSet<String>, files: &SiteFiles) -> (SiteFiles, Vec<String>) {
    let mut changed = SiteFiles::new();
    let mut removed = Vec::new();
    for path in pending {
        match files.get(path) {
            Some(bytes) => {
                changed.insert(path.clone(), bytes.clone());
            }
            None => removed.push(path.clone()),
        }
    }
    (changed, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// These files; and `roles.json`, by which gen knows its output, when `signed`.
    fn files(pairs: &[(&str, &str)], signed: bool) -> SiteFiles {
        const SIGNED: &str = "{\n  \"site\": \"T\",\n  \"generator\": \"rolebook gen 0\"\n}\n";
        let roles_json = [&(output::SIGNED_FILE, SIGNED)];
        pairs
            .iter()
            .chain(roles_json.into_iter().filter(|_| signed))
            .map(|(path, text)| {
                (
                    path.to_string(),
                    bytes::Bytes::copy_from_slice(text.as_bytes()),
                )
            })
            .collect()
    }

    /// A whole site.
    fn site(pairs: &[(&str, &str)]) -> SiteFiles {
        files(pairs, true)
    }

    fn rebuild(changed: &[(&str, &str)], removed: &[&str]) -> Rebuild {
        Rebuild {
            changed: files(changed, false),
            removed: removed.iter().map(|p| p.to_string()).collect(),
            ..Rebuild::default()
        }
    }

    #[test]
    fn pending_files_are_written_or_removed_as_the_site_now_has_them() {
        let pending: BTreeSet<String> = ["a.html", "gone.html"].map(String::from).into();
        let (changed, removed) = split_pending(&pending, &site(&[("a.html", "new")]));
        assert_eq!(changed, files(&[("a.html", "new")], false));
        assert_eq!(removed, ["gone.html"]);
    }

    /// A write that fails (a folder in the way of `b.html`) leaves the folder as it was;
    /// once the way is clear, the next rebuild writes its own files and the ones left out.
    #[test]
    fn a_failed_write_is_remembered_and_repaired_by_the_next() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (root, out) = (dir.path(), dir.path().join("public"));
        let first = site(&[("a.html", "1"), ("b.html", "1"), ("c.html", "1")]);
        output::write_site(root, &out, &first).expect("first build");
        let mut folder = OutputFolder::new(root, &out, true);

        std::fs::remove_file(out.join("b.html")).expect("rm");
        std::fs::create_dir(out.join("b.html")).expect("a folder in the way");
        let second = site(&[("a.html", "2"), ("b.html", "2"), ("c.html", "1")]);
        let failed = folder.follow(&rebuild(&[("a.html", "2"), ("b.html", "2")], &[]), &second);
        assert!(matches!(failed, Written::Failed { pending: 2, .. }));
        assert_eq!(std::fs::read_to_string(out.join("a.html")).expect("a"), "1");
        assert!(folder.is_behind());
        assert!(matches!(
            folder.retry(&second),
            Some(Written::Failed { repeated: true, .. })
        ));

        std::fs::remove_dir(out.join("b.html")).expect("clear the way");
        let third = site(&[("a.html", "2"), ("b.html", "2"), ("c.html", "3")]);
        let repaired = folder.follow(&rebuild(&[("c.html", "3")], &[]), &third);
        assert!(matches!(repaired, Written::Repaired { files: 3 }));
        assert!(!folder.is_behind());
        for (path, text) in [("a.html", "2"), ("b.html", "2"), ("c.html", "3")] {
            assert_eq!(std::fs::read_to_string(out.join(path)).expect(path), text);
        }
        assert!(folder.retry(&third).is_none());
    }
}
