//! Build progress on a terminal: one line on stderr, rewritten in place, shown only when
//! stderr is a terminal, `--quiet` is off, and the build has run long enough to notice.

use std::io::Write;
use std::time::{Duration, Instant};

/// A build shorter than this shows no progress at all.
const DELAY: Duration = Duration::from_millis(300);
/// Redraw at most this often.
const EVERY: Duration = Duration::from_millis(80);
const BAR: usize = 24;

/// Whether to show progress: never when piped or redirected, never under `--quiet`.
pub fn wanted(stderr_is_terminal: bool, quiet: bool) -> bool {
    stderr_is_terminal && !quiet
}

/// The progress line for `done` of `total` pages.
pub fn line(done: usize, total: usize) -> String {
    let filled = (done * BAR).checked_div(total).unwrap_or(BAR).min(BAR);
    format!(
        "Rendering [{}{}] {done}/{total} pages",
        "#".repeat(filled),
        ".".repeat(BAR - filled)
    )
}

/// A progress callback for `gen build` on stderr, or none when `wanted` says no. The delay
/// can be set with `GEN_PROGRESS_DELAY_MS` (tests use 0).
pub fn stderr_reporter(quiet: bool) -> Option<Box<dyn FnMut(usize, usize) + Send + Sync>> {
    use std::io::IsTerminal;
    if !wanted(std::io::stderr().is_terminal(), quiet) {
        return None;
    }
    let delay = std::env::var("GEN_PROGRESS_DELAY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(DELAY, Duration::from_millis);
    let started = Instant::now();
    let mut drawn: Option<Instant> = None;
    Some(Box::new(move |done, total| {
        let now = Instant::now();
        let finished = done >= total;
        if now - started < delay || (!finished && drawn.is_some_and(|d| now - d < EVERY)) {
            return;
        }
        let mut err = std::io::stderr().lock();
        if finished {
            // Clear the line: the summary follows.
            if drawn.is_some() {
                let _ = write!(err, "\r\x1b[2K");
            }
        } else {
            let _ = write!(err, "\r{}", line(done, total));
            drawn = Some(now);
        }
        let _ = err.flush();
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_on_a_terminal_without_quiet() {
        assert!(wanted(true, false));
        assert!(!wanted(false, false), "piped or redirected");
        assert!(!wanted(true, true), "--quiet");
    }

    #[test]
    fn the_line_counts_pages_with_a_bar() {
        assert_eq!(
            line(0, 100),
            "Rendering [........................] 0/100 pages"
        );
        assert_eq!(
            line(50, 100),
            "Rendering [############............] 50/100 pages"
        );
        assert_eq!(
            line(100, 100),
            "Rendering [########################] 100/100 pages"
        );
        assert!(line(0, 0).ends_with("0/0 pages"));
    }
}
