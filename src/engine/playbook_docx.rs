//! `gen build --docx FILE`: the whole playbook as one Word document (`render::docx`), for
//! wikis that store documents. Like `--single-page`, it never replaces a file gen did not
//! write, and it refuses places a build owns or reads: the site's sources and the output.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::Error;
use crate::engine::site::{LoadOptions, Site};
use crate::render;
use crate::render::docx::document::GENERATOR_PROPERTY;

/// Why `file` may not receive the whole playbook of the site at `root` built into
/// `output`, if it may not. Checked before the build, so a refused name costs nothing.
pub fn check_target(root: &Path, output: &Path, file: &Path) -> Result<(), Error> {
    let refuse = |reason: String, help: &str| Err(Error::usage(reason, Some(help.to_string())));
    let shown = file.display();
    let is_docx = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if !is_docx {
        return refuse(
            format!("{shown} does not end in .docx"),
            "--docx takes the name of a Word file, e.g. --docx playbook.docx",
        );
    }
    if std::fs::symlink_metadata(file).is_ok_and(|m| m.file_type().is_symlink()) {
        return refuse(
            format!("{shown} is a symbolic link; it is left as it is"),
            "give the path of the file itself, or a new file name",
        );
    }
    if file.is_dir() {
        return refuse(
            format!("{shown} is a folder"),
            "--docx takes a file name, e.g. --docx playbook.docx",
        );
    }
    let target = absolute(file);
    let root = absolute(root);
    if let Some(source) = source_folder_holding(&root, &target) {
        return refuse(
            format!("{shown} is inside the site's `{source}/` folder"),
            "write it outside the sources, e.g. --docx playbook.docx",
        );
    }
    if target.starts_with(absolute(output)) {
        return refuse(
            format!(
                "{shown} is inside the output folder {}, which each build replaces",
                output.display()
            ),
            "write it beside the output, e.g. --docx playbook.docx",
        );
    }
    if file.exists() && !written_by_gen(file) {
        return refuse(
            format!("{shown} exists and is not a document gen wrote; it is left as it is"),
            "give --docx a new file name (e.g. playbook.docx), or delete the file first",
        );
    }
    crate::engine::site::not_under_a_file(file)
}

/// The whole playbook of the site at `root` written to `file` (checked with
/// `check_target`): into a file beside it first, then renamed over it, so a failed write
/// leaves the last document as it was.
pub fn write(root: &Path, options: &LoadOptions, file: &Path) -> Result<(), Error> {
    let site = Site::load(root, options)?;
    let views = render::views::Views::new(&site.config, &site.content);
    let bytes = render::docx::playbook(&views).map_err(|message| {
        Error::usage(format!("cannot write the Word document: {message}"), None)
    })?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::engine::site::create_parent(file)?;
    let partial = file.with_file_name(format!(".{name}.{}.partial", std::process::id()));
    std::fs::write(&partial, bytes).map_err(Error::writing(&partial))?;
    std::fs::rename(&partial, file).map_err(|source| {
        let _ = std::fs::remove_file(&partial);
        Error::writing(file)(source)
    })
}

/// The site's source folder (`content`, `themes`, `templates`, `static`) that holds
/// `target`, both absolute: no writer puts its output among the sources a build reads.
pub(crate) fn source_folder_holding(root: &Path, target: &Path) -> Option<&'static str> {
    ["content", "themes", "templates", "static"]
        .into_iter()
        .find(|source| target.starts_with(root.join(source)))
}

/// An absolute form of `path`, its folders resolved where they exist.
pub(crate) fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => absolute(parent).join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Whether `file` is a Word document gen wrote: a ZIP archive whose custom properties name
/// gen as the generator.
pub fn written_by_gen(file: &Path) -> bool {
    let Ok(reader) = std::fs::File::open(file) else {
        return false;
    };
    let Ok(mut archive) = zip::ZipArchive::new(reader) else {
        return false;
    };
    let Ok(part) = archive.by_name("docProps/custom.xml") else {
        return false;
    };
    let mut xml = String::new();
    if part.take(64 * 1024).read_to_string(&mut xml).is_err() {
        return false;
    }
    xml.contains(&format!("name=\"{GENERATOR_PROPERTY}\"")) && xml.contains("rolebook gen")
}
