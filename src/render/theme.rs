//! Where a theme's files come from: a folder of the site (`themes/<name>/`), or, for the
//! default theme when the site has no copy, the copy built into `gen` — so a new site needs
//! nothing but its content, and upgrading `gen` upgrades the default theme.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rust_embed::RustEmbed;
use walkdir::WalkDir;

use crate::diagnostic::display_path;

#[derive(RustEmbed)]
#[folder = "themes/default/"]
struct DefaultTheme;

pub const DEFAULT_THEME: &str = "default";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Theme {
    /// `themes/<name>/` in the site.
    Folder(PathBuf),
    /// The default theme inside the binary.
    BuiltIn,
}

/// A file of a theme: its path below the theme's subfolder, where it is shown as coming
/// from, and its bytes.
pub struct ThemeFile {
    pub name: String,
    pub shown_as: PathBuf,
    pub bytes: Cow<'static, [u8]>,
}

/// Refuse a folder that resolves outside the site (`static -> ~/.ssh`, a theme folder linked
/// from elsewhere): whatever is read from it would be published.
fn inside_the_site(root: &Path, dir: &Path) -> std::io::Result<()> {
    let site = std::fs::canonicalize(root)?;
    let resolved = std::fs::canonicalize(dir)?;
    if resolved.starts_with(&site) {
        return Ok(());
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        format!(
            "{} resolves to {}, outside the site; gen reads nothing from outside the site folder (copy the files in instead of linking them)",
            display_path(dir.strip_prefix(root).unwrap_or(dir)),
            resolved.display()
        ),
    ))
}

/// Why a theme's files could not be read.
#[derive(Debug)]
pub enum FilesProblem {
    Io(std::io::Error),
    /// A file over the size limit, with its size.
    TooBig {
        shown_as: PathBuf,
        bytes: u64,
    },
}

impl From<std::io::Error> for FilesProblem {
    fn from(error: std::io::Error) -> Self {
        FilesProblem::Io(error)
    }
}

/// The bytes of the file at `path`, or (`Err`) its size when that is more than
/// `max_bytes`: checked before reading, and again while reading, for a file that grows.
fn read_up_to(path: &Path, max_bytes: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > max_bytes {
        return Ok(Err(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    Ok(if read > max_bytes {
        Err(read)
    } else {
        Ok(bytes)
    })
}

impl Theme {
    /// The theme `name` of the site at `root`, if it exists.
    pub fn resolve(root: &Path, name: &str) -> Option<Theme> {
        let folder = root.join("themes").join(name);
        if folder.is_dir() {
            Some(Theme::Folder(folder))
        } else if name == DEFAULT_THEME {
            Some(Theme::BuiltIn)
        } else {
            None
        }
    }

    /// The files below `sub` (`templates`, `static`, `archetypes`), sorted by name.
    /// `root` is used to show folder paths relative to the site.
    pub fn files(&self, root: &Path, sub: &str) -> std::io::Result<Vec<ThemeFile>> {
        self.files_up_to(root, sub, u64::MAX)
            .map_err(|problem| match problem {
                FilesProblem::Io(error) => error,
                FilesProblem::TooBig { .. } => std::io::Error::other("a file is too big"),
            })
    }

    /// `files`, refusing a file of more than `max_bytes` before reading it.
    pub fn files_up_to(
        &self,
        root: &Path,
        sub: &str,
        max_bytes: u64,
    ) -> Result<Vec<ThemeFile>, FilesProblem> {
        let mut files = Vec::new();
        match self {
            Theme::Folder(folder) => {
                if folder.is_dir() {
                    inside_the_site(root, folder)?;
                }
                let dir = folder.join(sub);
                if !dir.is_dir() {
                    return Ok(files);
                }
                inside_the_site(root, &dir)?;
                let walker = WalkDir::new(&dir)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| e.depth() == 0 || !crate::content::is_ignored(e.file_name()));
                for entry in walker.flatten() {
                    if !entry.file_type().is_file() {
                        continue;
                    }
                    let Ok(relative) = entry.path().strip_prefix(&dir) else {
                        continue;
                    };
                    let shown_as = entry
                        .path()
                        .strip_prefix(root)
                        .unwrap_or(entry.path())
                        .to_path_buf();
                    let bytes = match read_up_to(entry.path(), max_bytes)? {
                        Ok(bytes) => bytes,
                        Err(bytes) => return Err(FilesProblem::TooBig { shown_as, bytes }),
                    };
                    files.push(ThemeFile {
                        name: display_path(relative),
                        shown_as,
                        bytes: Cow::Owned(bytes),
                    });
                }
            }
            Theme::BuiltIn => {
                let prefix = format!("{sub}/");
                let mut names: Vec<_> = DefaultTheme::iter()
                    .filter(|n| n.starts_with(&prefix))
                    .collect();
                names.sort();
                for path in names {
                    if let Some(file) = DefaultTheme::get(&path) {
                        files.push(ThemeFile {
                            name: path[prefix.len()..].to_string(),
                            shown_as: PathBuf::from(format!("(built-in theme)/{path}")),
                            bytes: file.data,
                        });
                    }
                }
            }
        }
        Ok(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_is_built_in() {
        let empty = tempfile::tempdir().expect("tempdir");
        let theme = Theme::resolve(empty.path(), "default").expect("built in");
        assert_eq!(theme, Theme::BuiltIn);
        let templates = theme.files(empty.path(), "templates").expect("files");
        let names: Vec<&str> = templates.iter().map(|f| f.name.as_str()).collect();
        for name in ["base.html", "role.html", "index.html", "brief.md.tera"] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        assert!(
            theme
                .files(empty.path(), "static")
                .expect("files")
                .iter()
                .any(|f| f.name == "style.css")
        );
        assert!(Theme::resolve(empty.path(), "other").is_none());
    }

    #[test]
    fn a_theme_folder_in_the_site_wins() {
        let site = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(site.path().join("themes/default/templates")).expect("mkdir");
        std::fs::write(
            site.path().join("themes/default/templates/base.html"),
            "mine",
        )
        .expect("write");
        let theme = Theme::resolve(site.path(), "default").expect("folder");
        let files = theme.files(site.path(), "templates").expect("files");
        assert_eq!(files.len(), 1);
        assert_eq!(
            files[0].shown_as,
            PathBuf::from("themes/default/templates/base.html")
        );
        assert_eq!(&*files[0].bytes, b"mine");
    }
}
