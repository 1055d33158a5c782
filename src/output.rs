//! Writing the built site: everything goes into a fresh folder beside the output, which is
//! swapped in only when complete, so a failed build leaves the last good site as it was.
//! Only folders this tool wrote (their `roles.json` names gen) are ever replaced.

mod lock;
mod swap;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use rayon::prelude::*;

/// The built site: output path (`roles/caio/index.html`) to bytes. `Bytes`, not `Arc<[u8]>`:
/// a rendered page becomes one without a copy (an `Arc<[u8]>` copies it into a new block),
/// which at 10,000 briefs is ~60 MB of fresh memory per `gen serve` rebuild for `roles.json`,
/// the plan page and the search index alone.
pub type SiteFiles = BTreeMap<String, bytes::Bytes>;

/// The file every build writes at the top of the output, whose first lines name gen
/// (`"generator": "rolebook gen 0.1.0"`): how gen knows a folder it may replace, with no
/// marker file published beside the site.
pub const SIGNED_FILE: &str = "roles.json";

/// What `SIGNED_FILE` names its generator as; the version follows.
pub const GENERATOR: &str = "rolebook gen";

/// The marker file older versions left in the output: still recognised, no longer written.
const OLD_MARKER: &str = ".rolebook-output";

/// Whether gen wrote the folder `output`: its `roles.json` opens with gen's header
/// (`{ "site": …, "generator": "rolebook gen …"`), or an older gen's marker is there.
pub fn written_by_gen(output: &Path) -> bool {
    use std::io::Read;
    if output.join(OLD_MARKER).is_file() {
        return true;
    }
    // The header comes first; only the site's title stands before it.
    const HEAD: u64 = 64 * 1024;
    let mut head = Vec::new();
    let read =
        fs::File::open(output.join(SIGNED_FILE)).and_then(|f| f.take(HEAD).read_to_end(&mut head));
    let head = String::from_utf8_lossy(&head);
    // JSON strings hold no raw line break, so no title can spell the generator's line.
    read.is_ok()
        && head.starts_with("{\n  \"site\": ")
        && head.contains(&format!("\n  \"generator\": \"{GENERATOR} "))
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("refusing to write the site to {}: {reason}", .output.display())]
    Refused {
        output: PathBuf,
        reason: String,
        help: String,
    },
    #[error("cannot write {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl OutputError {
    pub fn help(&self) -> Option<&str> {
        match self {
            OutputError::Refused { help, .. } => Some(help),
            OutputError::Io { .. } => None,
        }
    }
}

/// Staging folders and lock files of this process that are not finished yet, so that a
/// process stopped on purpose (the render time limit) leaves nothing half-written behind.
static UNFINISHED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn track(path: &Path) {
    if let Ok(mut unfinished) = UNFINISHED.lock() {
        unfinished.push(path.to_path_buf());
    }
}

fn untrack(path: &Path) {
    if let Ok(mut unfinished) = UNFINISHED.lock() {
        unfinished.retain(|p| p != path);
    }
}

/// Remove this process's unfinished staging folders and locks (before it exits early).
pub fn remove_unfinished() {
    let Ok(mut unfinished) = UNFINISHED.lock() else {
        return;
    };
    // Folders first: a lock goes only once its staging folder is gone.
    unfinished.sort_by_key(|p| !p.is_dir());
    for path in unfinished.drain(..) {
        if path.is_dir() {
            let _ = fs::remove_dir_all(&path);
        } else {
            let _ = fs::remove_file(&path);
        }
    }
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An absolute, normalized form of `path` that does not need it to exist.
fn absolute(path: &Path) -> io::Result<PathBuf> {
    if let Ok(real) = fs::canonicalize(path) {
        return Ok(real);
    }
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
    let name = path.file_name();
    match (parent, name) {
        (Some(parent), Some(name)) => Ok(absolute(parent)?.join(name)),
        (None, Some(name)) => Ok(std::env::current_dir()?.join(name)),
        _ => std::path::absolute(path),
    }
}

/// Why `output` may not receive a build of the site at `root`, if it may not.
pub fn check_output(root: &Path, output: &Path) -> Result<(), OutputError> {
    let refuse = |reason: &str, help: &str| OutputError::Refused {
        output: output.to_path_buf(),
        reason: reason.to_string(),
        help: help.to_string(),
    };
    if fs::symlink_metadata(output).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(refuse(
            "it is a symbolic link",
            "give the folder it points to, so it is clear what will be replaced",
        ));
    }
    let root = absolute(root).map_err(io_error(root))?;
    let target = absolute(output).map_err(io_error(output))?;
    if std::env::var_os("HOME")
        .is_some_and(|home| absolute(Path::new(&home)).is_ok_and(|h| h == target))
    {
        return Err(refuse(
            "it is your home folder",
            "use a folder such as `public`",
        ));
    }
    if target == root {
        return Err(refuse(
            "it is the site's root folder",
            "use a folder such as `public`",
        ));
    }
    if root.starts_with(&target) {
        return Err(refuse(
            "it contains the site",
            "use a folder inside the site, such as `public`",
        ));
    }
    for source in ["content", "themes", "templates", "static"] {
        if target.starts_with(root.join(source)) {
            return Err(refuse(
                &format!("it is inside the site's `{source}/` folder"),
                "use a folder outside the sources, such as `public`",
            ));
        }
    }
    if target.exists() {
        if !target.is_dir() {
            return Err(refuse(
                "it is a file, not a folder",
                "remove the file or choose another output folder",
            ));
        }
        let is_empty = fs::read_dir(&target)
            .map_err(io_error(&target))?
            .next()
            .is_none();
        if !is_empty && !written_by_gen(&target) {
            return Err(refuse(
                "it is a folder gen did not create, and it is not empty",
                "empty it yourself or choose another output folder; gen only replaces folders it wrote",
            ));
        }
    }
    Ok(())
}

/// Where a build puts the files it lays out, as it lays them out (from several threads).
pub trait Sink: Sync {
    /// Whether files go out as they come and nothing is kept: the build then holds no more
    /// than a page or two per thread.
    fn streams(&self) -> bool;
    /// One file of the site (`roles/caio/index.html`).
    fn write(&self, path: &str, bytes: Vec<u8>) -> Result<(), OutputError>;
    /// One file made in `parts`, in order: a sink that streams writes each as it comes,
    /// so a file of tens of megabytes is never held whole.
    fn write_parts(
        &self,
        path: &str,
        parts: &mut dyn Iterator<Item = Vec<u8>>,
    ) -> Result<(), OutputError> {
        self.write(path, parts.flatten().collect())
    }
    /// The files kept so far, taken out (none when the sink streams).
    fn take(&self) -> SiteFiles;
    /// How many files were written.
    fn written(&self) -> usize;
}

/// A sink that keeps the site in memory: for `gen serve`, and for rebuilds that compare
/// the new pages with the last.
#[derive(Default)]
pub struct Memory {
    files: std::sync::Mutex<SiteFiles>,
}

impl Sink for Memory {
    fn streams(&self) -> bool {
        false
    }

    fn write(&self, path: &str, bytes: Vec<u8>) -> Result<(), OutputError> {
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_string(), bytes::Bytes::from(bytes));
        Ok(())
    }

    fn take(&self) -> SiteFiles {
        std::mem::take(
            &mut *self
                .files
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    fn written(&self) -> usize {
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .len()
    }
}

impl Sink for Staging {
    fn streams(&self) -> bool {
        true
    }

    fn write(&self, path: &str, bytes: Vec<u8>) -> Result<(), OutputError> {
        // One part: the same `File::create` and `write_all` as `fs::write`, counted once.
        self.write_parts(path, &mut std::iter::once(bytes))
    }

    fn write_parts(
        &self,
        path: &str,
        parts: &mut dyn Iterator<Item = Vec<u8>>,
    ) -> Result<(), OutputError> {
        use std::io::Write;
        let file = self.file(path)?;
        let mut out = fs::File::create(&file).map_err(io_error(&file))?;
        for part in parts {
            out.write_all(&part).map_err(io_error(&file))?;
        }
        self.written
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    fn take(&self) -> SiteFiles {
        SiteFiles::new()
    }

    fn written(&self) -> usize {
        self.written.swap(0, std::sync::atomic::Ordering::Relaxed)
    }
}

/// A new site being written beside the output folder; it replaces the output only on
/// `commit`, and disappears if dropped before that.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    old: PathBuf,
    folders: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    /// Files written through `Sink::write` since `Sink::written` last said.
    written: std::sync::atomic::AtomicUsize,
    committed: bool,
    _lock: lock::Lock,
}

impl Staging {
    pub fn create(root: &Path, output: &Path) -> Result<Staging, OutputError> {
        check_output(root, output)?;
        let target = absolute(output).map_err(io_error(output))?;
        let parent = target.parent().unwrap_or(Path::new("/")).to_path_buf();
        fs::create_dir_all(&parent).map_err(io_error(&parent))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".to_string());
        let lock = lock::Lock::take(&parent, &name)?;
        // Holding the lock, no other gen writes beside this output: staging folders left
        // there are from builds that were killed.
        remove_abandoned(&parent, &name);
        let unique = format!("{}-{}", std::process::id(), nanos());
        let dir = parent.join(format!(".{name}.new-{unique}"));
        fs::create_dir(&dir).map_err(io_error(&dir))?;
        track(&dir);
        Ok(Staging {
            old: parent.join(format!(".{name}.old-{unique}")),
            dir,
            target,
            folders: Default::default(),
            written: Default::default(),
            committed: false,
            _lock: lock,
        })
    }

    /// Write one file of the new site (`roles/caio/index.html`).
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let file = self.file(path)?;
        fs::write(&file, bytes).map_err(io_error(&file))
    }

    /// Where file `path` of the new site goes, its folder made.
    fn file(&self, path: &str) -> Result<PathBuf, OutputError> {
        let file = self.dir.join(path);
        if let Some(folder) = file.parent() {
            let known = self
                .folders
                .lock()
                .map(|f| f.contains(folder))
                .unwrap_or(false);
            if !known {
                fs::create_dir_all(folder).map_err(io_error(folder))?;
                if let Ok(mut folders) = self.folders.lock() {
                    folders.insert(folder.to_path_buf());
                }
            }
        }
        Ok(file)
    }

    /// Swap the new site in for the old one.
    pub fn commit(mut self) -> Result<(), OutputError> {
        self.committed = true;
        untrack(&self.dir);
        swap::swap_in(&self.dir, &self.target, &self.old)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            untrack(&self.dir);
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Write `files` as the new content of `output`, atomically as far as the file system allows.
pub fn write_site(root: &Path, output: &Path, files: &SiteFiles) -> Result<(), OutputError> {
    let staging = Staging::create(root, output)?;
    files
        .par_iter()
        .try_for_each(|(path, bytes)| staging.write(path, bytes))?;
    staging.commit()
}

/// Remove the staging folders (`.<name>.new-<pid>-<time>`, `.<name>.old-<pid>-<time>`) that
/// builds killed mid-way left beside the output `name` in `parent`. Only folders of exactly
/// that form go: nothing else beside the output is touched.
fn remove_abandoned(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if is_staging_name(file_name, name)
            && entry
                .file_type()
                .is_ok_and(|t| t.is_dir() && !t.is_symlink())
        {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether `file_name` is one of gen's staging folders for the output `name`.
fn is_staging_name(file_name: &str, name: &str) -> bool {
    let Some(rest) = file_name.strip_prefix(&format!(".{name}.")) else {
        return false;
    };
    let Some(stamp) = rest
        .strip_prefix("new-")
        .or_else(|| rest.strip_prefix("old-"))
    else {
        return false;
    };
    let mut parts = stamp.split('-');
    let digits =
        |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    digits(parts.next()) && digits(parts.next()) && parts.next().is_none()
}

fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// Apply an incremental rebuild to an output folder gen wrote, all of it or none of it:
/// every changed file is first written beside its place (`.index.html.new-<pid>`), where a
/// full disk fails it; then, only if all were written, each is renamed over its place,
/// which needs no space. On failure the files written so far are removed and the output
/// keeps the site it had.
pub fn update_site(
    root: &Path,
    output: &Path,
    changed: &SiteFiles,
    removed: &[String],
) -> Result<(), OutputError> {
    check_output(root, output)?;
    if !written_by_gen(output) {
        return Err(OutputError::Refused {
            output: output.to_path_buf(),
            reason: "it was not written by gen".to_string(),
            help: "run a full build first".to_string(),
        });
    }
    refuse_folders_in_the_way(output, changed)?;
    let made = make_folders(output, changed.keys())?;
    let staged = match write_beside(output, changed) {
        Ok(staged) => staged,
        Err(error) => {
            remove_empty_folders(&made);
            return Err(error);
        }
    };
    // In parallel, as the writes: ext4 starts writing a file's data out when it is renamed
    // over another (auto_da_alloc), and one rename at a time waits on each in turn.
    let renamed = staged.par_iter().try_for_each(|(temporary, target)| {
        fs::rename(temporary, target).map_err(io_error(target))
    });
    if let Err(error) = renamed {
        // Nothing that is still a temporary file may stay behind.
        for (temporary, _) in &staged {
            let _ = fs::remove_file(temporary);
        }
        return Err(error);
    }
    remove_files(output, removed)
}

/// A folder where a changed file goes would make its rename fail after others went in.
fn refuse_folders_in_the_way(output: &Path, changed: &SiteFiles) -> Result<(), OutputError> {
    for path in changed.keys() {
        let target = output.join(path);
        if fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir()) {
            return Err(OutputError::Io {
                path: target,
                source: io::Error::other("a folder is in the way of this file"),
            });
        }
    }
    Ok(())
}

/// Write each changed file beside its place; the (temporary, target) pairs. On the first
/// failure the rest are not written, and every temporary file written is removed.
fn write_beside(
    output: &Path,
    changed: &SiteFiles,
) -> Result<Vec<(PathBuf, PathBuf)>, OutputError> {
    let failed = std::sync::atomic::AtomicBool::new(false);
    let results: Vec<Result<(PathBuf, PathBuf), OutputError>> = changed
        .par_iter()
        .filter(|_| !failed.load(std::sync::atomic::Ordering::Relaxed))
        .map(|(path, bytes)| {
            let target = output.join(path);
            let name = target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let temporary = target.with_file_name(format!(".{name}.new-{}", std::process::id()));
            match fs::write(&temporary, bytes) {
                Ok(()) => Ok((temporary, target)),
                Err(source) => {
                    failed.store(true, std::sync::atomic::Ordering::Relaxed);
                    let _ = fs::remove_file(&temporary);
                    Err(OutputError::Io {
                        path: target,
                        source,
                    })
                }
            }
        })
        .collect();
    if !failed.load(std::sync::atomic::Ordering::Relaxed) {
        return results.into_iter().collect();
    }
    let mut first_error = None;
    for result in results {
        match result {
            Ok((temporary, _)) => {
                let _ = fs::remove_file(&temporary);
            }
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| OutputError::Io {
        path: output.to_path_buf(),
        source: io::Error::other("a write failed"),
    }))
}

/// Make the folders below `output` that the files at `paths` need, and say which were made
/// (parents first). On failure, those made so far go again and nothing is left behind.
fn make_folders<'a>(
    output: &Path,
    paths: impl Iterator<Item = &'a String>,
) -> Result<Vec<PathBuf>, OutputError> {
    let mut made = Vec::new();
    let folders: std::collections::BTreeSet<PathBuf> = paths
        .filter_map(|path| output.join(path).parent().map(Path::to_path_buf))
        .collect();
    for folder in folders {
        let missing: Vec<&Path> = folder
            .ancestors()
            .take_while(|dir| *dir != output && fs::symlink_metadata(dir).is_err())
            .collect();
        for dir in missing.into_iter().rev() {
            if let Err(source) = fs::create_dir(dir) {
                remove_empty_folders(&made);
                return Err(OutputError::Io {
                    path: dir.to_path_buf(),
                    source,
                });
            }
            made.push(dir.to_path_buf());
        }
    }
    Ok(made)
}

/// Remove the folders `made` (parents first) that are still empty, deepest first.
fn remove_empty_folders(made: &[PathBuf]) {
    for dir in made.iter().rev() {
        let _ = fs::remove_dir(dir);
    }
}

/// Remove the files of pages that are gone, and the page folders they leave empty.
fn remove_files(output: &Path, removed: &[String]) -> Result<(), OutputError> {
    for path in removed {
        let target = output.join(path);
        match fs::remove_file(&target) {
            Ok(()) => {
                // Leave no empty page folders behind; stop at the first non-empty one.
                let mut folder = target.parent();
                while let Some(dir) = folder.filter(|d| *d != output) {
                    if fs::remove_dir(dir).is_err() {
                        break;
                    }
                    folder = dir.parent();
                }
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(OutputError::Io {
                    path: target,
                    source,
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_gen_staging_folders_are_abandoned_builds() {
        for (file_name, is_staging) in [
            (".public.new-4242-1733050000000000000", true),
            (".public.old-4242-1733050000000000000", true),
            (".public.new-4242", false),
            (".public.new-notes", false),
            (".public.new-4242-17x", false),
            (".public.new-4242-1-2", false),
            (".public.lock", false),
            (".site.new-4242-1", false),
            ("public", false),
        ] {
            assert_eq!(
                is_staging_name(file_name, "public"),
                is_staging,
                "{file_name}"
            );
        }
    }

    /// The first lines of the `roles.json` every build writes.
    const SIGNED: &str =
        "{\n  \"site\": \"T\",\n  \"generator\": \"rolebook gen 0.1.0\",\n  \"roles\": []\n}\n";

    /// A site of these files, with the `roles.json` every build writes.
    fn files(pairs: &[(&str, &str)]) -> SiteFiles {
        pairs
            .iter()
            .chain([&(SIGNED_FILE, SIGNED)])
            .map(|(path, text)| {
                (
                    path.to_string(),
                    bytes::Bytes::copy_from_slice(text.as_bytes()),
                )
            })
            .collect()
    }

    /// Nothing but the site is published, and the next build still knows the folder as
    /// its own; a folder whose `roles.json` is not gen's is not.
    #[test]
    fn the_output_carries_no_marker_and_is_known_by_its_roles_json() {
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        let out = root.join("public");
        write_site(root, &out, &files(&[("index.html", "one")])).expect("first");
        let mut names: Vec<String> = fs::read_dir(&out)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["index.html", "roles.json"]);
        write_site(root, &out, &files(&[("index.html", "two")])).expect("replaced");
        update_site(root, &out, &files(&[("index.html", "three")]), &[]).expect("updated");

        let title = r#"{\n  \"generator\": \"rolebook gen 1\"}"#;
        for (roles_json, ours) in [
            (SIGNED, true),
            ("{\"roles\": []}\n", false),
            (
                &*format!("{{\n  \"site\": {title:?},\n  \"roles\": []\n}}\n"),
                false,
            ),
            ("", false),
        ] {
            let other = root.join("other");
            let _ = fs::remove_dir_all(&other);
            fs::create_dir(&other).expect("mkdir");
            fs::write(other.join("index.html"), "mine").expect("write");
            fs::write(other.join("roles.json"), roles_json).expect("write");
            assert_eq!(written_by_gen(&other), ours, "{roles_json}");
            assert_eq!(check_output(root, &other).is_ok(), ours, "{roles_json}");
        }
    }

    /// Folders older versions wrote carry the marker file instead: still theirs to replace.
    #[test]
    fn an_older_gen_output_is_known_by_its_marker() {
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        let out = root.join("public");
        fs::create_dir(&out).expect("mkdir");
        fs::write(out.join("index.html"), "old").expect("write");
        fs::write(out.join(".rolebook-output"), "marker").expect("write");
        write_site(root, &out, &files(&[("index.html", "new")])).expect("replaced");
        assert!(!out.join(".rolebook-output").exists());
    }

    #[test]
    fn refuses_sources_and_foreign_folders() {
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        fs::create_dir_all(root.join("content/roles")).expect("mkdir");
        fs::create_dir_all(root.join("mine")).expect("mkdir");
        fs::write(root.join("mine/keep.txt"), "x").expect("write");
        fs::write(root.join("afile"), "x").expect("write");
        for bad in ["", "content", "content/roles/out", "mine", "afile", ".."] {
            let output = root.join(bad);
            assert!(
                matches!(
                    check_output(root, &output),
                    Err(OutputError::Refused { .. })
                ),
                "{bad} should be refused"
            );
        }
        assert!(check_output(root, &root.join("public")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_symlinked_output() {
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        fs::create_dir_all(root.join("real")).expect("mkdir");
        std::os::unix::fs::symlink(root.join("real"), root.join("link")).expect("symlink");
        let refused = check_output(root, &root.join("link"));
        assert!(
            matches!(refused, Err(OutputError::Refused { reason, .. }) if reason.contains("symbolic link"))
        );
    }

    #[test]
    fn a_second_writer_waits_for_the_first() {
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path().to_path_buf();
        let first = Staging::create(&root, &root.join("public")).expect("first");
        let root2 = root.clone();
        let second = std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let staging = Staging::create(&root2, &root2.join("public")).expect("second");
            staging.write("b.html", b"second").expect("write");
            staging.commit().expect("commit");
            started.elapsed()
        });
        std::thread::sleep(std::time::Duration::from_millis(300));
        first.write("a.html", b"first").expect("write");
        first.commit().expect("commit");
        let waited = second.join().expect("thread");
        assert!(
            waited >= std::time::Duration::from_millis(250),
            "{waited:?}"
        );
        assert_eq!(
            fs::read_to_string(root.join("public/b.html")).expect("read"),
            "second"
        );
        assert!(!root.join(".public.lock").exists());
    }

    #[test]
    fn a_file_written_in_parts_is_the_parts_in_order_in_either_sink() {
        let parts = || {
            vec![
                b"{\"a\": ".to_vec(),
                Vec::new(),
                b"[1,\n2]".to_vec(),
                b"}\n".to_vec(),
            ]
        };
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        let staging = Staging::create(root, &root.join("public")).expect("staging");
        Sink::write_parts(&staging, "data/roles.json", &mut parts().into_iter()).expect("written");
        assert_eq!(Sink::written(&staging), 1);
        staging.commit().expect("commit");
        let memory = Memory::default();
        memory
            .write_parts("data/roles.json", &mut parts().into_iter())
            .expect("kept");
        let kept = memory.take();
        for bytes in [
            fs::read(root.join("public/data/roles.json")).expect("on disk"),
            kept.get("data/roles.json").expect("in memory").to_vec(),
        ] {
            assert_eq!(bytes, b"{\"a\": [1,\n2]}\n");
        }
    }

    #[test]
    fn a_stale_lock_is_taken_over() {
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        fs::write(root.join(".public.lock"), "999999999\n").expect("stale lock");
        let staging = Staging::create(root, &root.join("public")).expect("takes over");
        staging.commit().expect("commit");
    }

    #[test]
    fn replaces_only_its_own_output_and_leaves_no_staging() {
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        let out = root.join("public");
        write_site(root, &out, &files(&[("a/index.html", "one")])).expect("first");
        write_site(root, &out, &files(&[("b.html", "two")])).expect("second");
        assert!(!out.join("a/index.html").exists());
        assert_eq!(fs::read_to_string(out.join("b.html")).expect("read"), "two");
        let names: Vec<String> = fs::read_dir(root)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["public"]);
    }

    /// A write that fails (here a file where a page's folder should be, as a full disk
    /// fails one) changes nothing and leaves no temporary file.
    #[test]
    fn an_update_goes_in_whole_or_not_at_all() {
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        let out = root.join("public");
        let first = files(&[("a.html", "1"), ("b/index.html", "1"), ("x", "a file")]);
        write_site(root, &out, &first).expect("full");
        let update = files(&[
            ("a.html", "2"),
            ("b/index.html", "2"),
            ("new/deep/index.html", "2"),
            ("x/index.html", "2"),
        ]);
        let failed = update_site(root, &out, &update, &["a.html".into()]);
        assert!(
            matches!(&failed, Err(OutputError::Io { path, .. }) if path.ends_with("x/index.html")),
            "{failed:?}"
        );
        let mut left: Vec<String> = walkdir::WalkDir::new(&out)
            .into_iter()
            .map(|e| {
                e.expect("walk")
                    .path()
                    .strip_prefix(&out)
                    .expect("in")
                    .display()
                    .to_string()
            })
            .collect();
        left.sort();
        assert_eq!(left, ["", "a.html", "b", "b/index.html", "roles.json", "x"]);
        assert_eq!(fs::read_to_string(out.join("a.html")).expect("a"), "1");
        assert_eq!(
            fs::read_to_string(out.join("b/index.html")).expect("b"),
            "1"
        );

        fs::remove_file(out.join("x")).expect("clear the way");
        update_site(root, &out, &update, &[]).expect("now it goes in");
        assert_eq!(
            fs::read_to_string(out.join("x/index.html")).expect("x"),
            "2"
        );
    }

    #[test]
    fn updates_write_changed_files_and_remove_gone_pages() {
        let site = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        let out = root.join("public");
        write_site(
            root,
            &out,
            &files(&[("a/index.html", "one"), ("b/index.html", "b")]),
        )
        .expect("full");
        update_site(
            root,
            &out,
            &files(&[("a/index.html", "two")]),
            &["b/index.html".into()],
        )
        .expect("update");
        assert_eq!(
            fs::read_to_string(out.join("a/index.html")).expect("read"),
            "two"
        );
        assert!(!out.join("b").exists(), "empty page folders are removed");
        let leftovers: Vec<_> = fs::read_dir(out.join("a"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    }
}
