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

/// tree-sitter's C allocations (query compilation, mostly) through mimalloc too: with the C
/// library's calloc, compiling a query faulted on fresh zero pages it had read before
/// writing, and each such fault flushed the other core's TLB; a third of the shipped
/// playbook's build (README, Performance).
#[cfg(not(feature = "system-alloc"))]
unsafe extern "C" fn mi_calloc(count: usize, size: usize) -> *mut std::ffi::c_void {
    match count.checked_mul(size) {
        Some(bytes) => unsafe { libmimalloc_sys::mi_zalloc(bytes) },
        None => std::ptr::null_mut(),
    }
}

/// `mi_option_purge_delay` in the vendored mimalloc v2's `mimalloc.h`; libmimalloc-sys has
/// no constant for it (the test below reads its default to know it is that option).
#[cfg(not(feature = "system-alloc"))]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long mimalloc keeps memory freed by a thread before giving it back to the kernel,
/// in ms (its default is 10). A build's stages each free what the last one made, on
/// whichever core; held for 10 ms, that memory is not there for the other core's next
/// page, so the peak is higher by it. 10,000 briefs, alternating runs (README,
/// Performance): 294–308 MB → 260–269 MB on the unique-code corpus, 269–281 MB → 248–250 MB
/// on the standard one, no slower; 0 ms raised the system time by half again.
#[cfg(not(feature = "system-alloc"))]
const PURGE_DELAY_MS: std::ffi::c_long = 1;

/// mimalloc's "never give freed memory back" (a negative delay). `gen serve` and `gen
/// watch` lay the same big files out again on every edit (`roles.json` is 40 MB at 10,000
/// briefs); memory given back in between is fresh memory the kernel clears again on the
/// next edit. Kept, a front-matter edit at 10,000 briefs reached the browser in 94 ms
/// instead of 101 ms (medians of 15, README, Performance).
#[cfg(not(feature = "system-alloc"))]
const KEEP_FREED_MEMORY: std::ffi::c_long = -1;

/// The purge delay for `command`: a one-off build gives memory back at once, a process that
/// rebuilds keeps it.
#[cfg(not(feature = "system-alloc"))]
fn purge_delay_for(command: &cmd::Command) -> std::ffi::c_long {
    match command {
        cmd::Command::Serve(_) | cmd::Command::Watch(_) => KEEP_FREED_MEMORY,
        _ => PURGE_DELAY_MS,
    }
}

fn main() -> ExitCode {
    #[cfg(not(feature = "system-alloc"))]
    // SAFETY: before any tree-sitter object exists; mimalloc's functions are thread-safe.
    unsafe {
        tree_sitter::set_allocator(
            Some(libmimalloc_sys::mi_malloc),
            Some(mi_calloc),
            Some(libmimalloc_sys::mi_realloc),
            Some(libmimalloc_sys::mi_free),
        );
    }
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
    #[cfg(not(feature = "system-alloc"))]
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: setting an option is what mimalloc's own environment variables do, and
        // may be done at any time.
        unsafe {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, purge_delay_for(&cli.command))
        };
    }
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

#[cfg(all(test, not(feature = "system-alloc")))]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_mimalloc_documents() {
        // Its neighbours and itself by their documented defaults (mimalloc.h, v2):
        // eager_commit_delay 1, purge_delay 10, use_numa_nodes 0.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            eprintln!("skipped: MIMALLOC_PURGE_DELAY is set, so its default cannot be read");
            return;
        }
        // SAFETY: reading options.
        let get = |option| unsafe { libmimalloc_sys::mi_option_get(option) };
        assert_eq!(get(MI_OPTION_PURGE_DELAY - 1), 1);
        assert_eq!(get(MI_OPTION_PURGE_DELAY), 10);
        assert_eq!(get(MI_OPTION_PURGE_DELAY + 1), 0);
    }

    #[test]
    fn a_build_gives_freed_memory_back_and_a_process_that_rebuilds_keeps_it() {
        let delay = |args: &[&str]| {
            let cli = cmd::Cli::try_parse_from(std::iter::once("gen").chain(args.iter().copied()))
                .expect("parses");
            purge_delay_for(&cli.command)
        };
        assert_eq!(delay(&["build"]), PURGE_DELAY_MS);
        assert_eq!(delay(&["check"]), PURGE_DELAY_MS);
        assert_eq!(delay(&["serve"]), KEEP_FREED_MEMORY);
        assert_eq!(delay(&["watch"]), KEEP_FREED_MEMORY);
    }
}
