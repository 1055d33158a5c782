//! `gen export <target> --output DIR`: the playbook as files a wiki imports. Like the other
//! writers, it never touches what it did not write: DIR is new, empty, or an earlier
//! export (it holds `EXPORT_MARKER`), and it is never inside the site's sources. The
//! export is written beside DIR first and then swapped in, so a failure leaves the last
//! export as it was.

use std::path::Path;

use super::playbook_docx::{absolute, source_folder_holding};

use crate::Error;
use crate::engine::site::{LoadOptions, Site};
use crate::render;
use crate::render::export::{ExportFile, Target};

/// The file that marks a folder as an export gen wrote (and may replace).
pub const EXPORT_MARKER: &str = ".rolebook-export";

/// Kinds of files the site's static folders hold that a wiki takes as attachments.
const ATTACHMENT_EXTENSIONS: [&str; 7] = ["css", "png", "jpg", "jpeg", "gif", "svg", "webp"];

pub fn target_name(target: Target) -> &'static str {
    match target {
        Target::Confluence => "confluence",
        Target::Techdocs => "techdocs",
        Target::Docx => "docx",
    }
}

/// Why `dir` may not receive an export of the site at `root`, if it may not.
pub fn check_target(root: &Path, dir: &Path) -> Result<(), Error> {
    let refuse = |reason: String, help: &str| Err(Error::usage(reason, Some(help.to_string())));
    let shown = dir.display();
    let target = absolute(dir);
    let root = absolute(root);
    if root.starts_with(&target) {
        return refuse(
            format!("{shown} holds the site itself"),
            "export into a new folder, e.g. --output export/",
        );
    }
    if let Some(source) = source_folder_holding(&root, &target) {
        return refuse(
            format!("{shown} is inside the site's `{source}/` folder"),
            "export outside the sources, e.g. --output export/",
        );
    }
    if std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return refuse(
            format!("{shown} is a symbolic link; it is left as it is"),
            "give the path of a folder, or a new folder name",
        );
    }
    if dir.exists() {
        if !dir.is_dir() {
            return refuse(
                format!("{shown} is a file"),
                "--output takes a folder, e.g. --output export/",
            );
        }
        let empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none());
        if !empty && !dir.join(EXPORT_MARKER).is_file() {
            return refuse(
                format!("{shown} is not empty and is not an export gen wrote; it is left as it is"),
                "give --output a new or empty folder",
            );
        }
    }
    Ok(())
}

/// The export `target` of the site at `root` into `dir` (checked with `check_target`).
/// Returns the number of files written.
pub fn write(
    root: &Path,
    options: &LoadOptions,
    target: Target,
    dir: &Path,
) -> Result<usize, Error> {
    check_target(root, dir)?;
    let site = Site::load(root, options)?;
    let views = render::views::Views::new(&site.config, &site.content);
    let links = crate::markdown::pages::link_index(&site.config, &site.content);
    let attachments = if target == Target::Confluence {
        attachments(root, &site)?
    } else {
        Vec::new()
    };
    let mut files = render::export::export(&views, &links, target, attachments)
        .map_err(|message| Error::usage(format!("cannot write the export: {message}"), None))?;
    files.push(ExportFile::text(
        EXPORT_MARKER,
        format!("rolebook gen export {}\n", target_name(target)),
    ));
    let count = files.len();
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".into());
    let partial = dir.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io {
            path,
            source,
            help: None,
        }
    };
    let written = (|| {
        for file in &files {
            let path = partial.join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            std::fs::write(&path, &file.bytes).map_err(io(&path))?;
        }
        Ok::<(), Error>(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&partial);
        return Err(e);
    }
    let old = dir.with_file_name(format!(".{name}.{}.old", std::process::id()));
    if dir.exists() {
        std::fs::rename(dir, &old).map_err(io(dir))?;
    }
    if let Err(source) = std::fs::rename(&partial, dir) {
        let _ = std::fs::rename(&old, dir);
        let _ = std::fs::remove_dir_all(&partial);
        return Err(io(dir)(source));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(count)
}

/// The site's stylesheets and images, by file name.
fn attachments(root: &Path, site: &Site) -> Result<Vec<ExportFile>, Error> {
    let theme = render::theme::Theme::resolve(root, &site.config.theme)
        .ok_or_else(|| site.theme_missing())?;
    let statics = render::static_files(root, &theme, &site.config.limits)?;
    let mut seen = std::collections::HashSet::new();
    Ok(statics
        .into_iter()
        .filter(|(path, _)| {
            path.rsplit_once('.').is_some_and(|(_, ext)| {
                ATTACHMENT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
            })
        })
        .map(|(path, bytes)| {
            let base = path.rsplit('/').next().unwrap_or(&path).to_string();
            // Attachments are flat: a second file of the same name keeps its folders.
            let name = if seen.insert(base.clone()) {
                base
            } else {
                path.replace('/', "-")
            };
            ExportFile { path: name, bytes }
        })
        .collect())
}
