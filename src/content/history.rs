//! When each page's file last changed, from git: the fallback for a brief's "Last reviewed"
//! when it has no `reviewed:` date. One `git log` for the whole `content/` folder per build
//! (not one per file), run beside the loading; a site outside git, or a machine without
//! git, simply has no dates.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};

/// The day (`YYYY-MM-DD`) of the last commit of each file under `content/`, by content path
/// (`roles/caio.md`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    dates: HashMap<String, String>,
}

impl History {
    /// The history of the site at `root`, or none when git is missing, `root` is not in a
    /// repository, or git fails: a build never stops for it.
    pub fn of(root: &Path) -> History {
        let output = Command::new("git")
            .arg("-C")
            .arg(root)
            .args([
                "log",
                "-z",
                "--no-renames",
                "--relative",
                "--name-only",
                "--format=%x01%cs",
                "--",
                super::CONTENT_DIR,
            ])
            .env("GIT_OPTIONAL_LOCKS", "0")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output();
        match output {
            Ok(output) if output.status.success() => {
                History::parse(&String::from_utf8_lossy(&output.stdout))
            }
            _ => History::default(),
        }
    }

    /// Read `git log -z --name-only --format=%x01%cs` (newest first): each commit is a
    /// `\x01` and its date, then the files it touched, each ended by NUL. A file's first
    /// date is its last commit.
    pub fn parse(log: &str) -> History {
        let mut dates = HashMap::new();
        let mut date: Option<&str> = None;
        for field in log.split('\0') {
            let field = field.trim_start_matches('\n');
            if let Some(day) = field.strip_prefix('\u{1}') {
                date = Some(day.trim());
            } else if let (Some(day), Some(path)) = (
                date,
                field.strip_prefix(&format!("{}/", super::CONTENT_DIR)),
            ) {
                dates
                    .entry(path.to_string())
                    .or_insert_with(|| day.to_string());
            }
        }
        History { dates }
    }

    /// The day the page at `content_path` last changed in git.
    pub fn last_changed(&self, content_path: &str) -> Option<&str> {
        self.dates.get(content_path).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_takes_the_date_of_its_newest_commit() {
        // As git writes it: a merge (no files), then two commits, newest first.
        let log = "\u{1}2026-12-01\0\u{1}2026-11-30\0\ncontent/roles/caio.md\0content/guides/a b.md\0\u{1}2026-10-02\0\ncontent/roles/caio.md\0content/plan/x.md\0";
        let history = History::parse(log);
        assert_eq!(history.last_changed("roles/caio.md"), Some("2026-11-30"));
        assert_eq!(history.last_changed("guides/a b.md"), Some("2026-11-30"));
        assert_eq!(history.last_changed("plan/x.md"), Some("2026-10-02"));
        assert_eq!(history.last_changed("roles/other.md"), None);
        assert_eq!(History::parse(""), History::default());
    }

    #[test]
    fn a_folder_outside_git_has_no_dates() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/roles")).expect("mkdir");
        std::fs::write(root.join("content/roles/a.md"), "x").expect("write");
        assert_eq!(History::of(root), History::default());
        assert_eq!(History::of(&root.join("missing")), History::default());
    }
}
