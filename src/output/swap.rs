//! Putting a finished site in place of the output folder. On Linux the two folders trade
//! names in one step (`renameat2` with `RENAME_EXCHANGE`), so a web server reading the
//! output never finds it missing; elsewhere, and on file systems that cannot exchange,
//! the old folder is moved aside and the new one renamed in.

use std::fs;
use std::path::Path;

use super::OutputError;

/// Replace `target` by `staging`; `old` is the name the old site may take on the way out.
/// On failure the old site is put back and the staging folder removed.
pub fn swap_in(staging: &Path, target: &Path, old: &Path) -> Result<(), OutputError> {
    let had_old = target.exists();
    if had_old && exchange(staging, target) {
        // `staging` now holds the old site, which is ours; a failure here leaves only
        // litter that the next build removes.
        let _ = fs::remove_dir_all(staging);
        return Ok(());
    }
    if had_old && let Err(source) = fs::rename(target, old) {
        let _ = fs::remove_dir_all(staging);
        return Err(OutputError::Io {
            path: target.to_path_buf(),
            source,
        });
    }
    if let Err(source) = fs::rename(staging, target) {
        if had_old {
            let _ = fs::rename(old, target);
        }
        let _ = fs::remove_dir_all(staging);
        return Err(OutputError::Io {
            path: target.to_path_buf(),
            source,
        });
    }
    if had_old {
        let _ = fs::remove_dir_all(old);
    }
    Ok(())
}

/// Trade the names of two folders at once; `false` when the system or the file system
/// cannot (then nothing changed).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_site_takes_the_place_of_the_old() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (new, target, old) = (
            dir.path().join(".public.new-1-1"),
            dir.path().join("public"),
            dir.path().join(".public.old-1-1"),
        );
        for (folder, text) in [(&new, "new"), (&target, "old")] {
            fs::create_dir(folder).expect("mkdir");
            fs::write(folder.join("index.html"), text).expect("write");
        }
        swap_in(&new, &target, &old).expect("swapped");
        assert_eq!(
            fs::read_to_string(target.join("index.html")).expect("read"),
            "new"
        );
        assert!(!new.exists() && !old.exists());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn linux_exchanges_the_folders_in_one_step() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir(&a).expect("mkdir");
        fs::create_dir(&b).expect("mkdir");
        fs::write(a.join("x"), "a").expect("write");
        assert!(exchange(&a, &b), "this file system cannot exchange");
        assert_eq!(fs::read_to_string(b.join("x")).expect("read"), "a");
        assert!(a.is_dir());
    }
}
