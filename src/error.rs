//! The errors that stop a command, each with its exit code, reported once by the CLI.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Diagnostics, render_diagnostics, terminal_safe};
use crate::output::OutputError;

/// Everything that can stop a command, reported once by the CLI.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the site's own files (content, config, templates): exit code 1.
    #[error("{0}")]
    Site(Diagnostics),
    /// The output folder was refused or could not be written: exit code 2.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// A file the tool needs could not be read: exit code 2.
    #[error("cannot read {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
        help: Option<String>,
    },
    /// A file the command writes (beside the output: `--single-page`, `--docx`, `gen
    /// schema --output`) could not be written: exit code 2.
    #[error("cannot write {}: {source}", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
        help: Option<String>,
    },
    /// Problems already shown to the user (by `gen check`): exit code 1.
    #[error("problems were found")]
    Reported,
    /// Anything else the user must change in how gen is run: exit code 2.
    #[error("{message}")]
    Usage {
        message: String,
        help: Option<String>,
    },
}

impl Error {
    pub fn usage(message: impl Into<String>, help: Option<String>) -> Error {
        Error::Usage {
            message: message.into(),
            help,
        }
    }

    /// The error of a failed write to `path`, for `map_err`.
    pub fn writing(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
        move |source| Error::Write {
            path: path.to_path_buf(),
            source,
            help: None,
        }
    }

    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Site(_) | Error::Reported => 1,
            Error::Output(_) | Error::Io { .. } | Error::Write { .. } | Error::Usage { .. } => 2,
        }
    }

    pub fn help(&self) -> Option<&str> {
        match self {
            Error::Site(_) | Error::Reported => None,
            Error::Output(output) => output.help(),
            Error::Io { help, .. } | Error::Write { help, .. } | Error::Usage { help, .. } => {
                help.as_deref()
            }
        }
    }

    /// The report users read: every problem with its file, line, snippet and help.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        match self {
            Error::Site(problems) => {
                out.push_str(&render_diagnostics(&problems.0, color));
                out.push_str(&format!("error: {problems}; nothing was written"));
            }
            Error::Reported => {}
            other => {
                // A path or message may hold a file name's control characters.
                out.push_str(&terminal_safe(&format!("error: {other}")));
                if let Some(help) = other.help() {
                    out.push_str(&format!("\n  help: {}", terminal_safe(help)));
                }
            }
        }
        out
    }
}

impl From<Diagnostics> for Error {
    fn from(d: Diagnostics) -> Self {
        Error::Site(d)
    }
}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::Site(Diagnostics(vec![d]))
    }
}
