//! A time limit on each template render. Tera has no loop budget and a render cannot be
//! cancelled, so when a template runs for too long (loops nested over large ranges) the
//! unfinished output is removed and the hook the program installed runs: the `gen` binary
//! ends the process with an error naming the template, and `gen serve` starts itself
//! afresh. The library itself never ends the process.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant};

/// Seconds one page may take to render; `GEN_RENDER_TIME_LIMIT` overrides it.
pub const DEFAULT_LIMIT_SECS: u64 = 60;
pub const LIMIT_VARIABLE: &str = "GEN_RENDER_TIME_LIMIT";

static RUNNING: Mutex<BTreeMap<u64, (String, Instant)>> = Mutex::new(BTreeMap::new());
static NEXT: AtomicU64 = AtomicU64::new(0);
static WATCHER: Once = Once::new();
/// What runs when a render overruns, on the watchdog's thread. It may end or replace the
/// process; if it returns, the render goes on and is not reported again.
pub type OverdueHook = Box<dyn Fn(&Overdue) + Send + Sync>;

static ON_OVERDUE: Mutex<Option<Arc<OverdueHook>>> = Mutex::new(None);

/// A render that ran past the limit.
pub struct Overdue {
    /// What happened, naming the template file.
    pub problem: String,
    /// What to look for, and how to allow more time.
    pub help: String,
}

/// Run `hook` when a render overruns, in place of the hook set before (the last one set
/// wins: `gen serve` replaces the binary's default).
pub fn on_overdue(hook: OverdueHook) {
    if let Ok(mut slot) = ON_OVERDUE.lock() {
        *slot = Some(Arc::new(hook));
    }
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

fn forget(file: &str) {
    if let Ok(mut running) = RUNNING.lock() {
        running.retain(|_, (running_file, _)| running_file != file);
    }
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
            // Said once: a render the hook lets run on is not overdue again.
            forget(&file);
            let hook = ON_OVERDUE.lock().ok().and_then(|slot| slot.clone());
            match hook {
                Some(hook) => hook(&overdue),
                None => eprintln!("error: {}\n  help: {}", overdue.problem, overdue.help),
            }
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
