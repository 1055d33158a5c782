//! Creating files inside a site, and nothing else: a file that exists (even a symbolic link
//! to nothing) is never replaced or written through, and no folder is made or written in
//! when it resolves outside the site.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// What became of one file gen meant to create.
#[derive(Debug, PartialEq, Eq)]
pub enum Created {
    Written,
    /// Something was already there (a file, a folder or a symbolic link): it was kept.
    Kept,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
        help: None,
    }
}

/// Create `root/relative` with `bytes`, unless something is already at that path.
pub fn create_file(root: &Path, relative: &Path, bytes: &[u8]) -> Result<Created, Error> {
    let path = root.join(relative);
    if std::fs::symlink_metadata(&path).is_ok() {
        return Ok(Created::Kept);
    }
    if let Some(folder) = path.parent() {
        make_folder_inside(root, folder)?;
    }
    // create_new (O_CREAT|O_EXCL) refuses whatever appeared meanwhile, a symbolic link
    // included: the file written is always one gen made.
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Ok(Created::Kept);
        }
        Err(error) => return Err(Error::writing(&path)(error)),
    };
    if let Err(error) = file.write_all(bytes).and_then(|()| file.flush()) {
        // Ours, and half-written: a full disk must not leave half a brief.
        let _ = std::fs::remove_file(&path);
        return Err(Error::writing(&path)(error));
    }
    Ok(Created::Written)
}

/// Refuse to make a file a second time: `path` already exists, as a file or as a link.
pub fn already_exists(root: &Path, relative: &Path) -> Error {
    let path = root.join(relative);
    let message = match std::fs::read_link(&path) {
        Ok(target) => format!(
            "{} is a symbolic link (to {}); gen never writes through a link",
            path.display(),
            target.display()
        ),
        Err(_) => format!("{} already exists; gen never overwrites it", path.display()),
    };
    Error::usage(
        message,
        Some("choose another name or slug, or delete the file first".to_string()),
    )
}

/// Make `folder` (below `root`), refusing one that resolves outside the site: a symbolic
/// link such as `content/roles -> /elsewhere` would otherwise receive the new file.
fn make_folder_inside(root: &Path, folder: &Path) -> Result<(), Error> {
    let site = std::fs::canonicalize(root).map_err(io(root))?;
    let mut existing = folder;
    while std::fs::symlink_metadata(existing).is_err() {
        match existing.parent() {
            Some(parent) => existing = parent,
            None => break,
        }
    }
    let resolved: Option<PathBuf> = std::fs::canonicalize(existing).ok();
    match resolved {
        Some(real) if real.starts_with(&site) => {}
        outside => {
            let shown = existing.strip_prefix(root).unwrap_or(existing);
            let leads = outside.map_or_else(
                || "is a symbolic link to nothing".to_string(),
                |real| format!("resolves to {}, outside the site", real.display()),
            );
            return Err(Error::usage(
                format!(
                    "refusing to write into {}: it {leads}",
                    crate::diagnostic::display_path(shown)
                ),
                Some(
                    "gen writes new files only inside the site folder; replace the link with a real folder"
                        .to_string(),
                ),
            ));
        }
    }
    std::fs::create_dir_all(folder).map_err(Error::writing(folder))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn existing_files_and_dangling_links_are_kept_untouched() {
        let site = tempfile::tempdir().expect("tempdir");
        let outside = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        std::fs::create_dir_all(root.join("content/roles")).expect("mkdir");
        std::fs::write(root.join("site.yaml"), "mine").expect("write");
        let target = outside.path().join("x.md");
        std::os::unix::fs::symlink(&target, root.join("content/roles/x.md")).expect("link");
        for relative in ["site.yaml", "content/roles/x.md"] {
            assert_eq!(
                create_file(root, Path::new(relative), b"new").expect("no error"),
                Created::Kept,
                "{relative}"
            );
        }
        assert_eq!(
            std::fs::read_to_string(root.join("site.yaml")).expect("read"),
            "mine"
        );
        assert!(!target.exists(), "nothing written through the link");
    }

    #[test]
    fn folders_that_lead_outside_the_site_are_refused() {
        let site = tempfile::tempdir().expect("tempdir");
        let outside = tempfile::tempdir().expect("tempdir");
        let root = site.path();
        std::fs::create_dir_all(root.join("content")).expect("mkdir");
        std::os::unix::fs::symlink(outside.path(), root.join("content/roles")).expect("link");
        std::os::unix::fs::symlink(outside.path().join("none"), root.join("content/plan"))
            .expect("link");
        for (relative, says) in [
            ("content/roles/x.md", "outside the site"),
            ("content/roles/new/x.md", "outside the site"),
            ("content/plan/x.md", "symbolic link to nothing"),
        ] {
            let error = create_file(root, Path::new(relative), b"new").expect_err(relative);
            assert!(error.to_string().contains(says), "{relative}: {error}");
        }
        assert_eq!(
            std::fs::read_dir(outside.path()).expect("list").count(),
            0,
            "nothing made outside"
        );
        assert_eq!(
            create_file(root, Path::new("content/guides/a.md"), b"new").expect("inside"),
            Created::Written
        );
    }
}
