//! A render that overruns its time limit cannot be stopped inside the process (Tera has no
//! way to cancel one), so `gen serve` and `gen watch` replace their own process, with the
//! same id, arguments and port, and wait for the next change instead of ending.

use crate::watchdog::{self, Overdue};

/// Why this process was started afresh, set only in the process that replaces a stuck one.
const REASON: &str = "GEN_RESTART_REASON";
/// The port the stuck process listened on, kept so open browsers reconnect.
const PORT: &str = "GEN_RESTART_PORT";

/// Why this process replaced a stuck one, when it did: shown until the next change builds.
pub fn reason() -> Option<String> {
    std::env::var(REASON).ok().filter(|r| !r.is_empty())
}

/// The port to keep, when this process replaced a stuck `gen serve`.
pub fn port() -> Option<u16> {
    reason()?;
    std::env::var(PORT).ok()?.parse().ok()
}

/// From now on, a render past the time limit restarts this process (keeping `port`)
/// instead of ending it.
pub fn when_a_render_overruns(port: Option<u16>) {
    watchdog::on_overdue(Box::new(move |overdue: &Overdue| {
        let reason = format!(
            "{}; gen restarted to stop it, and builds again when you save a change\n  help: {}",
            overdue.problem, overdue.help
        );
        eprintln!("error: {reason}");
        restart(&reason, port);
    }));
}

#[cfg(unix)]
fn restart(reason: &str, port: Option<u16>) {
    use std::os::unix::process::CommandExt;
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let mut command = std::process::Command::new(exe);
    command
        .args(std::env::args_os().skip(1))
        .env(REASON, reason);
    if let Some(port) = port {
        command.env(PORT, port.to_string());
    }
    // Only returns on failure; the process then ends as it would have without a restart.
    let error = command.exec();
    eprintln!("error: gen could not restart: {error}");
}

#[cfg(not(unix))]
fn restart(_reason: &str, _port: Option<u16>) {}
