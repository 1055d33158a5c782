//! The watcher: file-system events, debounced (`DEBOUNCE`, 25 ms), turned into a
//! `ChangeSet`. Editors' temporary files are ignored; atomic saves and renames arrive as
//! changes to the real file.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer_opt};

use crate::config::CONFIG_FILE;
use crate::engine::plan::ChangeSet;

/// Quiet time before a path's events are reported: long enough to join an editor's
/// write-and-rename, short enough that a save shows in the browser within ~50 ms.
pub const DEBOUNCE: Duration = Duration::from_millis(25);
const TICK: Duration = Duration::from_millis(5);
const POLL_INTERVAL: Duration = Duration::from_millis(250);

/// The folders of a site that feed the build.
const WATCHED_DIRS: [&str; 5] = ["content", "themes", "templates", "static", "i18n"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Config,
    Content,
    Template,
    Static,
}

/// Editors' swap, backup, lock and temporary files, and hidden files.
pub fn is_temporary(name: &str) -> bool {
    is_hidden_or_backup(name)
        // vim's write probe (`4913`): a file, never a folder of the site (`guides/2025/`).
        || (!name.is_empty() && name.chars().all(|c| c.is_ascii_digit()))
}

/// Names of files and folders no page comes from: hidden, editors' swap and backup.
fn is_hidden_or_backup(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.contains("___jb_")
}

/// What a path below the site root feeds, if anything. `theme` is the theme in use.
pub fn classify(relative: &Path, theme: &str) -> Option<Kind> {
    let parts: Vec<&str> = relative
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<Vec<&str>>>()?;
    let (name, folders) = parts.split_last()?;
    if is_temporary(name) || folders.iter().any(|p| is_hidden_or_backup(p)) {
        return None;
    }
    match parts.as_slice() {
        [name] if *name == CONFIG_FILE => Some(Kind::Config),
        // The whole themes folder added, removed or replaced: read everything again.
        ["themes"] => Some(Kind::Config),
        ["content", rest @ ..] => {
            let last = rest.last().copied().unwrap_or("content");
            match last.rsplit_once('.') {
                Some((_, "md")) => Some(Kind::Content),
                // A folder (added, removed or renamed): its pages are found again.
                None => Some(Kind::Content),
                Some(_) => None,
            }
        }
        ["templates", ..] => Some(Kind::Template),
        ["static", ..] => Some(Kind::Static),
        ["themes", name, "templates", ..] if *name == theme => Some(Kind::Template),
        // The theme's words (`.ftl`) are read with the templates.
        ["i18n", ..] => Some(Kind::Template),
        ["themes", name, "i18n", ..] if *name == theme => Some(Kind::Template),
        ["themes", name, "static", ..] if *name == theme => Some(Kind::Static),
        _ => None,
    }
}

/// Fold event paths (absolute or relative to `root`) into a change set.
pub fn changes_from(
    root: &Path,
    theme: &str,
    paths: impl IntoIterator<Item = PathBuf>,
) -> ChangeSet {
    let mut changes = ChangeSet::default();
    for path in paths {
        let relative = match path.strip_prefix(root) {
            Ok(relative) => relative.to_path_buf(),
            Err(_) if path.is_relative() => path,
            Err(_) => continue,
        };
        match classify(&relative, theme) {
            Some(Kind::Config) => changes.full = true,
            Some(Kind::Content) => {
                changes.content.insert(relative);
            }
            Some(Kind::Template) => {
                changes.templates.insert(relative);
            }
            Some(Kind::Static) => {
                changes.statics.insert(relative);
            }
            None => {}
        }
    }
    changes
}

fn is_write(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::{MetadataKind, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

enum Inner {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, RecommendedCache>),
}

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    inner: Inner,
    root: PathBuf,
    /// The source folders watched.
    watched: Vec<PathBuf>,
    /// The theme in use, read by the event handler: `site.yaml` may name another while
    /// serving.
    theme: Arc<RwLock<String>>,
    /// Files below the root that site.yaml names (the staffing file): a change rebuilds
    /// everything, as a change of site.yaml does.
    data_files: Arc<RwLock<Vec<PathBuf>>>,
}

impl Watcher {
    /// Watch the site at `root` and send each debounced batch of changes to `changes`.
    /// `poll` polls instead of using native events (network mounts, some containers).
    pub fn start(
        root: &Path,
        theme: &str,
        poll: bool,
        changes: Sender<ChangeSet>,
    ) -> notify::Result<Watcher> {
        let root = std::fs::canonicalize(root)?;
        let theme = Arc::new(RwLock::new(theme.to_string()));
        let data_files: Arc<RwLock<Vec<PathBuf>>> = Arc::default();
        let (event_root, handler_theme) = (root.clone(), theme.clone());
        let handler_data = data_files.clone();
        let handler = move |result: DebounceEventResult| {
            let Ok(events) = result else {
                return;
            };
            // Reads are events too (the build's own reads among them): only writes count.
            let paths = events
                .into_iter()
                .filter(|e| is_write(&e.event.kind))
                .flat_map(|e| e.event.paths);
            let theme = handler_theme
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            let paths: Vec<PathBuf> = paths.collect();
            let data = handler_data
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            let names_data = paths.iter().any(|p| {
                p.strip_prefix(&event_root)
                    .is_ok_and(|relative| data.iter().any(|d| d == relative))
            });
            let mut set = changes_from(&event_root, &theme, paths);
            set.full |= names_data;
            if !set.is_empty() {
                let _ = changes.send(set);
            }
        };
        let inner = if poll {
            // notify's poller keeps modification times in whole seconds: without comparing
            // contents, a second save within the same second would go unseen.
            let config = notify::Config::default()
                .with_poll_interval(POLL_INTERVAL)
                .with_compare_contents(true);
            Inner::Poll(new_debouncer_opt(
                DEBOUNCE,
                None,
                handler,
                RecommendedCache::new(),
                config,
            )?)
        } else {
            Inner::Native(new_debouncer_opt(
                DEBOUNCE,
                Some(TICK),
                handler,
                RecommendedCache::new(),
                notify::Config::default(),
            )?)
        };
        let mut watcher = Watcher {
            inner,
            root,
            watched: Vec::new(),
            theme,
            data_files,
        };
        let root = watcher.root.clone();
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        watcher.watch_source_folders(&ChangeSet::default())?;
        Ok(watcher)
    }

    /// The theme whose files count as templates and static files from now on.
    pub fn set_theme(&self, theme: &str) {
        let mut current = self.theme.write().unwrap_or_else(PoisonError::into_inner);
        if *current != theme {
            *current = theme.to_string();
        }
    }

    /// The files below the root that site.yaml names (relative paths): from now on a
    /// change of one rebuilds everything. A file outside the watched folders gets its
    /// folder watched.
    pub fn set_data_files(&mut self, files: &[PathBuf]) {
        let covered = |file: &Path| {
            file.parent().is_none_or(|p| p.as_os_str().is_empty())
                || WATCHED_DIRS.iter().any(|dir| file.starts_with(dir))
        };
        for file in files.iter().filter(|f| !covered(f)) {
            if let Some(parent) = file.parent().map(|p| self.root.join(p))
                && parent.is_dir()
                && !self.watched.contains(&parent)
            {
                let _ = self.watch(parent, RecursiveMode::NonRecursive);
            }
        }
        *self
            .data_files
            .write()
            .unwrap_or_else(PoisonError::into_inner) = files.to_vec();
    }

    fn watch(&mut self, path: PathBuf, mode: RecursiveMode) -> notify::Result<()> {
        match &mut self.inner {
            Inner::Native(d) => d.watch(&path, mode)?,
            Inner::Poll(d) => d.watch(&path, mode)?,
        }
        if !self.watched.contains(&path) {
            self.watched.push(path);
        }
        Ok(())
    }

    fn unwatch(&mut self, path: &Path) {
        // The folder's watch may already be gone with the folder: nothing to undo then.
        let _ = match &mut self.inner {
            Inner::Native(d) => d.unwatch(path),
            Inner::Poll(d) => d.unwatch(path),
        };
    }

    /// Watch the source folders made since the last call (a new `templates/`) or that
    /// `changes` shows were made again (a `content/` deleted and checked out anew: its old
    /// watch went with the old folder). The build that follows walks the folders `changes`
    /// names, which finds the files written before the new watch began.
    /// The site root itself is watched only for `site.yaml` and such new folders, so a big
    /// `target/` or `public/` beside the sources costs nothing.
    pub fn watch_source_folders(&mut self, changes: &ChangeSet) -> notify::Result<()> {
        for name in WATCHED_DIRS {
            let dir = self.root.join(name);
            if !dir.is_dir() {
                continue;
            }
            if self.watched.contains(&dir) {
                if !changes.paths().any(|path| path == Path::new(name)) && !changes.full {
                    continue;
                }
                self.unwatch(&dir);
            }
            self.watch(dir, RecursiveMode::Recursive)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_table() {
        let cases: &[(&str, Option<Kind>)] = &[
            ("site.yaml", Some(Kind::Config)),
            ("content/roles/caio.md", Some(Kind::Content)),
            ("content/guides", Some(Kind::Content)),
            ("content/roles/.caio.md.swp", None),
            ("content/roles/caio.md~", None),
            ("content/roles/.#caio.md", None),
            ("content/roles/#caio.md#", None),
            ("content/roles/4913", None),
            // A folder named with digits only is a folder of the site, not vim's probe.
            ("content/guides/2025/review.md", Some(Kind::Content)),
            ("content/guides/2025/4913", None),
            ("content/.drafts/x.md", None),
            ("content/roles/caio.md.tmp", None),
            ("content/roles/caio.md___jb_tmp___", None),
            ("content/roles/picture.png", None),
            ("templates/role.html", Some(Kind::Template)),
            ("templates/.role.html.swp", None),
            ("static/style.css", Some(Kind::Static)),
            ("themes/default/templates/base.html", Some(Kind::Template)),
            ("themes/default/static/style.css", Some(Kind::Static)),
            ("themes/other/templates/base.html", None),
            ("i18n/de.ftl", Some(Kind::Template)),
            ("themes/default/i18n/de.ftl", Some(Kind::Template)),
            ("themes", Some(Kind::Config)),
            ("public/index.html", None),
            ("target/debug/gen", None),
            (".git/index", None),
            ("README.md", None),
        ];
        for (path, expected) in cases {
            assert_eq!(classify(Path::new(path), "default"), *expected, "{path}");
        }
    }

    #[test]
    fn events_fold_into_one_change_set() {
        let root = Path::new("/site");
        let changes = changes_from(
            root,
            "default",
            [
                PathBuf::from("/site/content/roles/a.md"),
                PathBuf::from("/site/content/roles/.a.md.swp"),
                PathBuf::from("/site/site.yaml"),
                PathBuf::from("/elsewhere/x.md"),
                PathBuf::from("/site/static/app.js"),
            ],
        );
        assert!(changes.full);
        assert_eq!(changes.content.len(), 1);
        assert_eq!(changes.statics.len(), 1);
        assert!(changes.templates.is_empty());
    }
}
