//! Reading the staffing file site.yaml names: a regular file inside the site (never through
//! a symbolic link), parsed by `config::staffing`. A missing or unreadable file is an error
//! at `staffing.file` in site.yaml.

use std::path::Path;
use std::sync::Arc;

use crate::config::staffing::{self, StaffingTable};
use crate::config::{CONFIG_FILE, Config};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;

/// The staffing table of the site at `root`, when site.yaml names a file.
pub fn read(root: &Path, config: &Config) -> Result<Option<Arc<StaffingTable>>, Error> {
    let Some(named) = &config.staffing else {
        return Ok(None);
    };
    let Some(format) = named.format() else {
        return Ok(None);
    };
    let relative = Path::new(&named.file.value);
    let problem = |message: String, help: &str| -> Error {
        Diagnostic::new(
            CONFIG_FILE,
            crate::yaml::position(named.file.referenced),
            message,
        )
        .with_help(help)
        .with_source(config.source.clone().unwrap_or_default())
        .into()
    };
    let path = root.join(relative);
    // Nothing is read through a link: it could lead outside the site.
    let through_link = relative
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .any(|a| std::fs::symlink_metadata(root.join(a)).is_ok_and(|m| m.file_type().is_symlink()));
    if through_link {
        return Err(problem(
            format!(
                "`{}` is reached through a symbolic link: gen reads no file through one",
                relative.display()
            ),
            "put the staffing file itself inside the site folder",
        ));
    }
    match std::fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => {
            return Err(problem(
                format!("`{}` is not a file", relative.display()),
                "name the CSV or JSON file exported from the ATS or HRIS",
            ));
        }
        Err(_) => {
            return Err(problem(
                format!("the staffing file `{}` does not exist", relative.display()),
                "export it from the ATS or HRIS to that path, or remove `staffing:` from site.yaml",
            ));
        }
    }
    let bytes = std::fs::read(&path).map_err(|e| {
        problem(
            format!("cannot read `{}`: {e}", relative.display()),
            "check the file's permissions",
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::from(
            Diagnostic::new(
                relative,
                crate::diagnostic::Position::START,
                "the staffing file is not valid UTF-8",
            )
            .with_help("save it as UTF-8 (spreadsheets offer \"CSV UTF-8\")"),
        )
    })?;
    staffing::parse(&text, relative, format)
        .map(|table| Some(Arc::new(table)))
        .map_err(|problems| Error::Site(Diagnostics(problems).sorted()))
}
