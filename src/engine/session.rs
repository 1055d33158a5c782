//! A build that survives bad edits, for `gen serve` and `gen watch`: it keeps the last good
//! site and retries the edits that failed with the next ones.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::engine::build::{Build, Rebuild};
use crate::engine::plan::ChangeSet;
use crate::engine::site::LoadOptions;
use crate::error::Error;

/// A build that survives bad edits: it holds the last good site, or none yet.
pub struct Session {
    root: PathBuf,
    options: LoadOptions,
    build: Option<Build>,
}

pub enum Outcome {
    Built(Rebuild),
    Failed(Error),
}

impl Session {
    pub fn start(root: &Path, options: LoadOptions) -> (Session, Outcome) {
        let mut session = Session::waiting(root, options);
        let outcome = session.apply(ChangeSet {
            full: true,
            ..ChangeSet::default()
        });
        (session, outcome)
    }

    /// A session with no site yet: the first change builds it.
    pub fn waiting(root: &Path, options: LoadOptions) -> Session {
        Session {
            root: root.to_path_buf(),
            options,
            build: None,
        }
    }

    pub fn build(&self) -> Option<&Build> {
        self.build.as_ref()
    }

    pub fn apply(&mut self, changes: ChangeSet) -> Outcome {
        let started = Instant::now();
        let Some(build) = self.build.as_mut() else {
            return match Build::new(&self.root, &self.options, Default::default()) {
                Ok(build) => {
                    let rebuild = Rebuild {
                        changed: build.files.clone(),
                        removed: Vec::new(),
                        pages_rendered: build.page_count(),
                        full: true,
                        elapsed: started.elapsed(),
                        stages: build.stages.laps.clone(),
                    };
                    self.build = Some(build);
                    Outcome::Built(rebuild)
                }
                Err(error) => Outcome::Failed(error),
            };
        };
        match build.rebuild(changes) {
            Ok(rebuild) => Outcome::Built(rebuild),
            Err(error) => Outcome::Failed(error),
        }
    }

    /// The address of the page built from a content file (`content/roles/x.md`), if any.
    pub fn page_url(&self, changed: &Path) -> Option<String> {
        let build = self.build.as_ref()?;
        let content_path = crate::diagnostic::display_path(changed.strip_prefix("content").ok()?);
        build.url_of(&content_path)
    }
}
