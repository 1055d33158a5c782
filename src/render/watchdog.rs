//! A time limit on each template render. Tera has no loop budget and a render cannot be
//! cancelled, so a template that would run for hours (loops nested over large ranges) is
//! stopped by ending the process with an error naming the template, after removing the
//! unfinished output; `gen serve` instead starts itself afresh (see `on_overdue`).

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, Once, OnceLock};
use std::time::{Duration, Instant};

/// Seconds one page may take to render; `GEN_RENDER_TIME_LIMIT` overrides it.
pub const DEFAULT_LIMIT_SECS: u64 = 60;
pub const LIMIT_VARIABLE: &str = "GEN_RENDER_TIME_LIMIT";

static RUNNING: Mutex<BTreeMap<u64, (String, Instant)>> = Mutex::new(BTreeMap::new());
static NEXT: AtomicU64 = AtomicU64::new(0);
static WATCHER: Once = Once::new();
/// What runs instead of ending the process when a render overruns; returns only if it
/// failed.
pub type OverdueHook = Box<dyn Fn(&Overdue) + Send + Sync>;

static ON_OVERDUE: OnceLock<OverdueHook> = OnceLock::new();

/// A render that ran past the limit.
pub struct Overdue {
    /// What happened, naming the template file.
    pub problem: String,
    /// What to look for, and how to allow more time.
    pub help: String,
}

/// Run `hook` instead of ending the process when a render overruns. It should not return:
/// if it does, the process ends as usual.
pub fn on_overdue(hook: OverdueHook) {
    let _ = ON_OVERDUE.set(hook);
}

/// A render in progress; dropping it ends the watch.
pub struct Guard(u64);

impl Drop for Guard {
    fn drop(&mut self) {
        if let Ok(mut running) = RUNNING.lock() {
            running.remove(&self.0);
        }
    }
}

/// Start watching a render of the template in `file`.
pub fn watch(file: &str) -> Guard {
    WATCHER.call_once(|| {
        let limit = limit();
        let _ = std::thread::Builder::new()
            .name("render-watchdog".into())
            .spawn(move || check_forever(limit));
    });
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    if let Ok(mut running) = RUNNING.lock() {
        running.insert(id, (file.to_string(), Instant::now()));
    }
    Guard(id)
}

fn limit() -> Duration {
    let secs = std::env::var(LIMIT_VARIABLE)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(DEFAULT_LIMIT_SECS);
    Duration::from_secs(secs)
}

/// The templates of the renders running longer than `limit`, oldest first.
fn overdue(limit: Duration) -> Vec<String> {
    let Ok(running) = RUNNING.lock() else {
        return Vec::new();
    };
    let mut late: Vec<&(String, Instant)> = running
        .values()
        .filter(|(_, started)| started.elapsed() > limit)
        .collect();
    late.sort_by_key(|(_, started)| *started);
    late.into_iter().map(|(file, _)| file.clone()).collect()
}

fn check_forever(limit: Duration) {
    loop {
        std::thread::sleep(Duration::from_millis(100));
        if let Some(file) = overdue(limit).into_iter().next() {
            crate::output::remove_unfinished();
            let overdue = Overdue {
                problem: format!(
                    "{file}: a page took longer than the render time limit of {} s to render",
                    limit.as_secs()
                ),
                help: format!(
                    "look for loops that never end or ranges nested too deep in {file}; set \
                     {LIMIT_VARIABLE}=SECONDS to allow more"
                ),
            };
            if let Some(hook) = ON_OVERDUE.get() {
                hook(&overdue);
            }
            eprintln!(
                "error: {}, so gen stopped; nothing was written\n  help: {}",
                overdue.problem, overdue.help
            );
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_render_is_overdue_only_after_the_limit() {
        let slow = "templates/slow.html".to_string();
        let guard = watch(&slow);
        assert!(!overdue(Duration::from_secs(3600)).contains(&slow));
        std::thread::sleep(Duration::from_millis(20));
        assert!(overdue(Duration::from_millis(1)).contains(&slow));
        drop(guard);
        assert!(!overdue(Duration::from_millis(1)).contains(&slow));
    }
}
