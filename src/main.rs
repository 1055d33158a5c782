//! `gen`: parse the arguments, run the command, report an error once with its exit code.

mod cmd;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: measured 1,000 and 10,000-page builds faster than the system allocator (README).
/// The `system-alloc` feature leaves it out, so heap profilers (heaptrack) see every
/// allocation.
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A render that never ends stops `gen build` with the error (serve and watch install
    // their own hook: a fresh process).
    rolebook::watchdog::on_overdue(Box::new(|overdue| {
        eprintln!(
            "error: {}, so gen stopped; nothing was written\n  help: {}",
            overdue.problem, overdue.help
        );
        std::process::exit(1)
    }));
    let cli = cmd::Cli::parse();
    match cmd::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let report = error.render(rolebook::diagnostic::stderr_has_color());
            if !report.is_empty() {
                eprintln!("{report}");
            }
            ExitCode::from(error.exit_code() as u8)
        }
    }
}
