//! One writer per output folder: a second `gen build` waits for the first to swap its site
//! in. The lock is the operating system's (`File::try_lock`), so a build that crashed holds
//! nothing; a PID file is kept only where the file system cannot lock files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{OutputError, track, untrack};

/// How long a build waits for another one writing the same output.
const LOCK_WAIT: Duration = Duration::from_secs(60);
const POLL: Duration = Duration::from_millis(50);

/// Held until dropped; the lock file goes with it.
pub struct Lock {
    path: PathBuf,
    /// The locked file, or `None` for a PID file.
    file: Option<fs::File>,
}

impl Lock {
    /// Lock the output `name` in `parent`: `.<name>.lock`, or where the file system cannot
    /// lock it, the PID file `.<name>.pid`.
    pub fn take(parent: &Path, name: &str) -> Result<Lock, OutputError> {
        let path = parent.join(format!(".{name}.lock"));
        let started = Instant::now();
        loop {
            let file = fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|source| OutputError::Io {
                    path: path.clone(),
                    source,
                })?;
            match file.try_lock() {
                // A build that finished removes the file before it lets go: the file locked
                // may no longer be the one of that name, and then the lock is no one's.
                Ok(()) if names(&path, &file) => {
                    track(&path);
                    return Ok(Lock {
                        path,
                        file: Some(file),
                    });
                }
                Ok(()) => continue,
                Err(fs::TryLockError::WouldBlock) => {
                    if started.elapsed() > LOCK_WAIT {
                        return Err(busy(&path, "wait for it to finish"));
                    }
                    std::thread::sleep(POLL);
                }
                Err(fs::TryLockError::Error(_)) => {
                    drop(file);
                    let lock = Lock::take_pid_file(parent.join(format!(".{name}.pid")))?;
                    // Nobody locks files on this file system: the empty file is only litter.
                    let _ = fs::remove_file(&path);
                    return Ok(lock);
                }
            }
        }
    }

    /// The lock as a file created only if absent, holding the process id; one left by a
    /// process that is gone is taken over (where that can be told: Linux's /proc).
    fn take_pid_file(path: PathBuf) -> Result<Lock, OutputError> {
        let started = Instant::now();
        loop {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut file) => {
                    use std::io::Write;
                    let _ = writeln!(file, "{}", std::process::id());
                    track(&path);
                    return Ok(Lock { path, file: None });
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                    if is_stale(&path) {
                        let _ = fs::remove_file(&path);
                        continue;
                    }
                    if started.elapsed() > LOCK_WAIT {
                        return Err(busy(
                            &path,
                            &format!(
                                "wait for it to finish, or delete {} if no gen is running",
                                path.display()
                            ),
                        ));
                    }
                    std::thread::sleep(POLL);
                }
                Err(source) => return Err(OutputError::Io { path, source }),
            }
        }
    }
}

fn busy(path: &Path, help: &str) -> OutputError {
    OutputError::Refused {
        output: path.to_path_buf(),
        reason: "another gen is writing this output folder".to_string(),
        help: help.to_string(),
    }
}

/// Whether `path` still names `file`.
#[cfg(unix)]
fn names(path: &Path, file: &fs::File) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(path), file.metadata()) {
        (Ok(named), Ok(open)) => (named.dev(), named.ino()) == (open.dev(), open.ino()),
        _ => false,
    }
}

/// Elsewhere the lock file is never removed (see `Drop`), so the name keeps its file.
#[cfg(not(unix))]
fn names(_path: &Path, _file: &fs::File) -> bool {
    true
}

/// The PID file's process is gone (where that can be told: Linux's /proc).
fn is_stale(path: &Path) -> bool {
    let Ok(text) = fs::read_to_string(path) else {
        return false;
    };
    match text.trim().parse::<u32>() {
        Ok(pid) => Path::new("/proc").is_dir() && !Path::new(&format!("/proc/{pid}")).exists(),
        // Written but not yet filled in by a live process: not stale.
        Err(_) => false,
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        untrack(&self.path);
        match self.file.take() {
            None => {
                let _ = fs::remove_file(&self.path);
            }
            Some(file) => {
                // Removed while still locked, so a waiter that then locks the removed file
                // sees that its name is gone (`names`) and opens the name again. Windows
                // cannot tell a removed file from its name's next one: the file stays there.
                if cfg!(unix) {
                    let _ = fs::remove_file(&self.path);
                }
                drop(file);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lock file left by a process whose id is now another live process's (here init's),
    /// as after a crash on a machine without /proc, no longer blocks anyone: the old PID
    /// lock waited 60 s for it and then failed.
    #[test]
    fn a_lock_file_left_behind_blocks_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join(".public.lock"), "1\n").expect("left behind");
        let started = Instant::now();
        let lock = Lock::take(dir.path(), "public").expect("taken");
        assert!(started.elapsed() < Duration::from_secs(5));
        drop(lock);
        assert!(!dir.path().join(".public.lock").exists());
    }

    #[test]
    fn a_held_lock_is_waited_for() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = Lock::take(dir.path(), "public").expect("first");
        let root = dir.path().to_path_buf();
        let second = std::thread::spawn(move || {
            let started = Instant::now();
            drop(Lock::take(&root, "public").expect("second"));
            started.elapsed()
        });
        std::thread::sleep(Duration::from_millis(300));
        drop(first);
        let waited = second.join().expect("thread");
        assert!(waited >= Duration::from_millis(250), "{waited:?}");
    }

    /// Where files cannot be locked, the PID file: a live process's is waited for, a dead
    /// one's taken over.
    #[test]
    fn a_pid_file_of_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(".public.pid");
        fs::write(&path, "999999999\n").expect("stale");
        let lock = Lock::take_pid_file(path.clone()).expect("taken over");
        assert_eq!(
            fs::read_to_string(&path).expect("pid").trim(),
            std::process::id().to_string()
        );
        drop(lock);
        assert!(!path.exists());
    }
}
